//! Hand-computed fixtures for every metric at the edges of the window, the score, the
//! dealbreakers, the trend and the reasons; and properties that hold for any evidence.

use chrono::NaiveDate;

use super::card::{evaluate, score, trend_dates};
use super::facts::{ClientFacts, PortfolioFacts, RawEvents, day};
use super::flags::Dealbreaker;
use super::metrics::measure;
use super::rules::{Grade, MetricKey, Rules};
use crate::domain::date::parse_date;
use crate::domain::{
    Cents, ClientId, ClientStatus, IncidentKind, Invoice, RecStatus, Recommendation, Ticket,
    TicketKind,
};

pub(crate) fn d(s: &str) -> NaiveDate {
    parse_date("d", s).unwrap()
}

pub(crate) fn ticket(opened: &str, kind: TicketKind, escalated: bool, reopens: u32) -> Ticket {
    Ticket {
        id: 0,
        client_id: ClientId(1),
        opened_on: d(opened),
        closed_on: None,
        kind,
        escalated,
        reopen_count: reopens,
        external_ref: None,
        subject: None,
    }
}

pub(crate) fn invoice(n: &str, issued: &str, due: &str, paid: Option<&str>, cents: i64) -> Invoice {
    Invoice {
        id: 0,
        client_id: ClientId(1),
        number: n.into(),
        issued_on: d(issued),
        due_on: d(due),
        paid_on: paid.map(d),
        amount: Cents(cents),
        disputed: false,
        external_ref: None,
    }
}

pub(crate) fn rec(
    made: &str,
    status: RecStatus,
    decided: Option<&str>,
    security: bool,
) -> Recommendation {
    Recommendation {
        id: 0,
        client_id: ClientId(1),
        made_on: d(made),
        title: format!("advice of {made}"),
        security,
        status,
        decided_on: decided.map(d),
    }
}

pub(crate) fn facts(seats: u32, mrr: i64, ev: &RawEvents) -> ClientFacts {
    ClientFacts::from_events(
        ClientFacts::new(ClientId(1), "Acme", ClientStatus::Active, seats, Cents(mrr)),
        ev,
    )
}

const AS_OF: &str = "2026-06-30"; // W (90 days) is 2026-04-02 ..= 2026-06-30

fn edges() -> RawEvents {
    RawEvents {
        tickets: vec![
            ticket("2026-04-01", TicketKind::Incident, true, 1), // the day before W
            ticket("2026-04-02", TicketKind::Incident, false, 2), // W's first day
            ticket("2026-05-10", TicketKind::Admin, true, 0),
            ticket("2026-06-30", TicketKind::Request, false, 0), // W's last day
            ticket("2026-07-01", TicketKind::Admin, true, 3),    // after as_of
        ],
        invoices: vec![
            // issued the day before W: left out of everything
            invoice("A", "2026-04-01", "2026-05-01", Some("2026-06-15"), 50_000),
            // paid in 18 days, on time
            invoice("B", "2026-04-02", "2026-05-02", Some("2026-04-20"), 100_000),
            // unpaid, due passed: waits 60 days so far, late
            invoice("C", "2026-05-01", "2026-05-31", None, 100_000),
            // paid only after as_of, due passed: waits 29 days so far, late
            invoice("D", "2026-06-01", "2026-06-15", Some("2026-07-05"), 100_000),
            // due exactly on as_of, unpaid: not yet late, left out of the average
            invoice("E", "2026-06-10", "2026-06-30", None, 50_000),
            // issued on as_of: not yet due
            invoice("F", "2026-06-30", "2026-07-30", None, 50_000),
        ],
        time: vec![
            (d("2026-04-01"), 600),
            (d("2026-04-02"), 120),
            (d("2026-06-30"), 180),
            (d("2026-07-01"), 999),
        ],
        recommendations: vec![
            rec("2025-06-01", RecStatus::Ignored, Some("2025-06-30"), true), // 366 days back
            rec(
                "2025-06-01",
                RecStatus::Implemented,
                Some("2025-07-01"),
                false,
            ), // 365 days
            rec("2026-01-01", RecStatus::Ignored, Some("2026-06-30"), true),
            rec("2026-01-01", RecStatus::Ignored, Some("2026-07-01"), false), // after as_of
            rec("2026-06-01", RecStatus::Open, None, false),
        ],
        incidents: vec![
            (d("2025-06-30"), IncidentKind::Abuse),    // 366 days back
            (d("2025-07-01"), IncidentKind::Security), // 365 days back
            (d("2026-06-30"), IncidentKind::Security),
            (d("2026-07-01"), IncidentKind::Abuse),
        ],
    }
}

#[test]
fn every_metric_counts_the_first_and_last_day_of_the_window_and_nothing_else() {
    let f = facts(4, 150_000, &edges());
    let m = measure(&f, day(d(AS_OF)), 90, 6_000, None);
    assert_eq!(m.tickets_opened, 3);
    assert_eq!(m.tickets_reopened, 1);
    assert_eq!(m.reopen_rate, Some(1.0 / 3.0));
    assert_eq!(m.admin_requests, 1);
    assert_eq!(m.escalations, 1);
    assert_eq!(m.disputed_invoices, 0);
    // B 18, C 60, D 29: E and F are not due yet.
    assert_eq!(m.avg_days_to_pay, Some((18.0 + 60.0 + 29.0) / 3.0));
    assert_eq!(m.late_payments, 2);
    assert_eq!(m.revenue_cents, 400_000);
    assert!(!m.revenue_from_mrr);
    assert_eq!(m.hours, 5.0);
    // (4000.00 - 5 h x 60.00) / 4000.00
    assert_eq!(m.margin_pct, Some(92.5));
    assert_eq!(m.effective_rate_cents, Some(80_000));
    assert_eq!(m.implemented_recommendations, 1);
    assert_eq!(m.ignored_recommendations, 1);
    assert_eq!(m.ignored_ratio, Some(0.5));
    assert_eq!(m.incidents.security, 2);
    assert_eq!(m.incidents.abuse, 0);
    assert_eq!(m.staff_votes, None);
    // Size-fair: 3 tickets / 4 seats / 3 months.
    assert_eq!(m.normalized(MetricKey::TicketsOpened), Some(0.25));
    assert_eq!(m.normalized(MetricKey::AdminRequests), Some(1.0 / 12.0));
    assert_eq!(m.normalized(MetricKey::Escalations), Some(1.0 / 3.0));
}

#[test]
fn an_invoice_paid_after_as_of_counts_as_unpaid_on_the_day() {
    let ev = RawEvents {
        invoices: vec![invoice(
            "X",
            "2026-06-01",
            "2026-06-10",
            Some("2026-07-01"),
            1_000,
        )],
        ..RawEvents::default()
    };
    let f = facts(1, 0, &ev);
    let before_due = measure(&f, day(d("2026-06-10")), 90, 0, None);
    assert_eq!(
        before_due.avg_days_to_pay, None,
        "not due yet on its due date"
    );
    assert_eq!(before_due.late_payments, 0);
    let after_due = measure(&f, day(d("2026-06-11")), 90, 0, None);
    assert_eq!(after_due.avg_days_to_pay, Some(10.0));
    assert_eq!(after_due.late_payments, 1);
    let paid = measure(&f, day(d("2026-07-01")), 90, 0, None);
    assert_eq!(paid.avg_days_to_pay, Some(30.0));
    assert_eq!(paid.late_payments, 1, "paid after its due date");
}

#[test]
fn without_invoices_revenue_falls_back_to_mrr_and_says_so() {
    let ev = RawEvents {
        time: vec![(d("2026-06-01"), 600)],
        ..RawEvents::default()
    };
    let f = facts(1, 120_000, &ev);
    let m = measure(&f, day(d(AS_OF)), 90, 6_000, None);
    assert!(m.revenue_from_mrr);
    assert_eq!(m.revenue_cents, 360_000);
    assert_eq!(m.margin_pct, Some((3600.0 - 600.0) / 3600.0 * 100.0));
    assert_eq!(m.avg_days_to_pay, None);
    assert_eq!(m.normalized(MetricKey::DisputedInvoices), None);
    let f = facts(1, 0, &ev);
    let m = measure(&f, day(d(AS_OF)), 90, 6_000, None);
    assert_eq!(m.margin_pct, None, "no revenue, no margin");
    assert_eq!(m.effective_rate_cents, Some(0));
}

#[test]
fn staff_votes_come_from_the_latest_gut_check_up_to_as_of() {
    let mut f = facts(1, 0, &edges());
    f.votes = vec![(2025, 3), (2026, 1)];
    let p = PortfolioFacts {
        clients: vec![f.clone()],
        gut_check_years: vec![2024, 2025, 2026, 2027],
    };
    let votes =
        |as_of: &str| measure(&f, day(d(as_of)), 90, 0, p.gut_check_year(d(as_of))).staff_votes;
    assert_eq!(votes("2026-06-30"), Some(1));
    assert_eq!(votes("2025-12-31"), Some(3));
    assert_eq!(votes("2024-06-30"), Some(0), "named by nobody that year");
    assert_eq!(votes("2023-06-30"), None, "no gut check yet");
}

#[test]
fn the_score_is_the_weighted_mean_of_what_has_data() {
    let ev = RawEvents {
        tickets: vec![ticket("2026-06-01", TicketKind::Incident, false, 0)],
        invoices: vec![invoice(
            "B",
            "2026-05-01",
            "2026-05-31",
            Some("2026-06-20"),
            100_000,
        )],
        ..RawEvents::default()
    };
    let rules = Rules::default();
    let m = measure(&facts(10, 0, &ev), day(d(AS_OF)), 90, 0, None);
    let s = score(&m, ClientStatus::Active, &rules);
    // tickets 1/10/3 = 0.033 -> 100; reopen 0 -> 100; admin 0 -> 100; escalations 0 -> 100;
    // disputed 0 -> 100; days to pay 50 -> 0 (weight 2). Margin, ignored, votes: no data.
    let expected = (100.0 * 5.5 + 0.0 * 2.0) / 7.5;
    assert!((s.score.unwrap() - expected).abs() < 1e-9, "{:?}", s.score);
    let part = |k: MetricKey| s.parts.iter().find(|p| p.key == k).unwrap();
    assert_eq!(part(MetricKey::MarginPct).subscore, None);
    assert_eq!(part(MetricKey::AvgDaysToPay).subscore, Some(0.0));
    let sum: f64 = s.contributions().iter().map(|(_, c)| c).sum();
    assert!((sum - s.score.unwrap()).abs() < 1e-9);
}

#[test]
fn a_client_with_no_evidence_has_no_score_even_with_a_gut_check() {
    let f = facts(5, 200_000, &RawEvents::default());
    let p = PortfolioFacts {
        clients: vec![f.clone()],
        gut_check_years: vec![2026],
    };
    let card = evaluate(&f, &p, d(AS_OF), &Rules::default());
    assert_eq!(card.score(), None);
    assert_eq!(card.grade, None);
    assert_eq!(card.metrics.staff_votes, Some(0));
    assert!(card.trend.iter().all(Option::is_none));
}

#[test]
fn dealbreakers_carry_their_evidence() {
    let ev = edges();
    let f = facts(4, 0, &ev);
    let p = PortfolioFacts::default();
    let card = evaluate(&f, &p, d(AS_OF), &Rules::default());
    let codes: Vec<Dealbreaker> = card.flags.iter().map(|f| f.code).collect();
    // Two security incidents in 365 days (D3); C unpaid 30 days past due is not yet "more
    // than 30 days overdue", but C and D are two late payments due in 180 days (D5).
    assert_eq!(codes, vec![Dealbreaker::D3, Dealbreaker::D5]);
    // As the faces say it in English.
    let said = |f: &crate::domain::score::flags::Flag| -> Vec<String> {
        f.evidence
            .iter()
            .map(|e| crate::words::say::flag_evidence_in(crate::words::Lang::En, e))
            .collect()
    };
    let d3 = &card.flags[0];
    assert_eq!(
        said(d3),
        vec![
            "2025-07-01 security incident",
            "2026-06-30 security incident"
        ]
    );
    let d5 = &card.flags[1];
    assert!(
        said(d5)
            .iter()
            .any(|e| e.contains("invoice C due, still unpaid")),
        "{d5:?}"
    );
    let one_day_later = evaluate(&f, &p, d("2026-07-01"), &Rules::default());
    let d5 = one_day_later
        .flags
        .iter()
        .find(|f| f.code == Dealbreaker::D5)
        .unwrap();
    assert!(
        said(d5)
            .iter()
            .any(|e| e == "2026-05-31 invoice C due, unpaid and 31 days overdue"),
        "{d5:?}"
    );
    assert_eq!(
        said(d5).iter().filter(|e| e.contains("invoice C")).count(),
        1,
        "each invoice once: {d5:?}"
    );
}

#[test]
fn d1_d2_d4_and_the_strict_payment_rule() {
    let ev = RawEvents {
        incidents: vec![
            (d("2026-06-01"), IncidentKind::Abuse),
            (d("2026-06-02"), IncidentKind::UnreasonableDemand),
            (d("2026-06-03"), IncidentKind::UnreasonableDemand),
        ],
        recommendations: vec![
            rec("2026-01-01", RecStatus::Ignored, Some("2026-02-01"), true),
            rec("2026-01-01", RecStatus::Ignored, Some("2026-02-02"), false),
            rec(
                "2026-01-01",
                RecStatus::Implemented,
                Some("2026-02-03"),
                false,
            ),
        ],
        invoices: vec![invoice(
            "L",
            "2026-05-01",
            "2026-05-15",
            Some("2026-05-20"),
            100,
        )],
        ..RawEvents::default()
    };
    let f = facts(1, 0, &ev);
    let p = PortfolioFacts::default();
    let mut rules = Rules::default();
    let codes = |rules: &Rules| -> Vec<Dealbreaker> {
        evaluate(&f, &p, d(AS_OF), rules)
            .flags
            .iter()
            .map(|f| f.code)
            .collect()
    };
    assert_eq!(
        codes(&rules),
        vec![Dealbreaker::D1, Dealbreaker::D2, Dealbreaker::D4]
    );
    rules.dealbreakers.strict_payments = true;
    assert_eq!(
        codes(&rules),
        vec![
            Dealbreaker::D1,
            Dealbreaker::D2,
            Dealbreaker::D4,
            Dealbreaker::D5
        ]
    );
    rules.dealbreakers.ignored_min_decided = 4;
    assert!(
        !codes(&rules).contains(&Dealbreaker::D2),
        "3 decided are too few now"
    );
}

#[test]
fn a_zero_in_the_rules_turns_that_rule_off() {
    let ev = RawEvents {
        incidents: vec![(d("2026-06-01"), IncidentKind::Abuse)],
        recommendations: vec![
            rec(
                "2026-01-01",
                RecStatus::Implemented,
                Some("2026-02-01"),
                false,
            ),
            rec(
                "2026-01-01",
                RecStatus::Implemented,
                Some("2026-02-02"),
                false,
            ),
            rec(
                "2026-01-01",
                RecStatus::Implemented,
                Some("2026-02-03"),
                false,
            ),
        ],
        invoices: vec![
            invoice("L", "2026-05-01", "2026-05-15", Some("2026-05-20"), 100),
            invoice("O", "2026-04-01", "2026-04-15", None, 100),
        ],
        ..RawEvents::default()
    };
    let f = facts(1, 0, &ev);
    let p = PortfolioFacts::default();
    let codes = |rules: &Rules| -> Vec<Dealbreaker> {
        evaluate(&f, &p, d(AS_OF), rules)
            .flags
            .iter()
            .map(|f| f.code)
            .collect()
    };
    let mut rules = Rules::default();
    assert_eq!(codes(&rules), [Dealbreaker::D1, Dealbreaker::D5]);
    rules.dealbreakers.abuse_incidents = 0;
    rules.dealbreakers.ignored_ratio = 0.0;
    assert_eq!(
        codes(&rules),
        [Dealbreaker::D5],
        "no D1, and 0 of 3 ignored is no D2"
    );
    rules.dealbreakers.overdue_days = 0;
    assert_eq!(codes(&rules), [Dealbreaker::D5], "still two late payments");
    rules.dealbreakers.late_payments = 0;
    assert!(codes(&rules).is_empty(), "both D5 rules off");
}

#[test]
fn the_trend_is_as_of_and_the_eleven_month_ends_before_it() {
    let dates = trend_dates(d("2026-11-28"));
    assert_eq!(dates[0], d("2025-12-31"));
    assert_eq!(dates[9], d("2026-09-30"));
    assert_eq!(dates[10], d("2026-10-31"));
    assert_eq!(dates[11], d("2026-11-28"));
    let leap = trend_dates(d("2028-03-31"));
    assert_eq!(leap[10], d("2028-02-29"));
    assert_eq!(
        leap[11],
        d("2028-03-31"),
        "a month-end as-of is itself the last point"
    );
}

#[test]
fn a_fall_of_ten_points_raises_the_alert_and_the_change_is_explained_exactly() {
    // Paid quickly until the summer, then slower and slower.
    let mut invoices = Vec::new();
    for (i, (issued, paid)) in [
        ("2026-01-01", "2026-01-10"),
        ("2026-02-01", "2026-02-10"),
        ("2026-03-01", "2026-03-10"),
        ("2026-04-01", "2026-04-10"),
        ("2026-05-01", "2026-05-10"),
        ("2026-06-01", "2026-06-10"),
        ("2026-07-01", "2026-08-30"),
        ("2026-08-01", "2026-09-29"),
    ]
    .iter()
    .enumerate()
    {
        invoices.push(invoice(
            &format!("N{i}"),
            issued,
            issued,
            Some(paid),
            100_000,
        ));
    }
    let ev = RawEvents {
        invoices,
        tickets: vec![ticket("2026-01-05", TicketKind::Incident, false, 0)],
        ..RawEvents::default()
    };
    let f = facts(1, 0, &ev);
    let card = evaluate(
        &f,
        &PortfolioFacts::default(),
        d("2026-09-30"),
        &Rules::default(),
    );
    let change = card.change.clone().unwrap();
    assert_eq!(change.since, d("2026-06-30"));
    assert!(card.alert.is_some(), "{:?} {:?}", card.trend, change);
    let sum: f64 = change.parts.iter().map(|(_, p)| p).sum();
    assert!(
        (sum - change.delta).abs() < 1e-9,
        "parts {sum} change {}",
        change.delta
    );
    assert_eq!(change.parts[0].0, MetricKey::AvgDaysToPay);
    assert_eq!(card.reasons[0].0, MetricKey::AvgDaysToPay);
    let text = super::card::reason_text(
        &card,
        card.reasons[0].0,
        card.reasons[0].1,
        &Rules::default(),
    );
    assert!(
        text.starts_with("avg days to pay 59, bad at 45 (-"),
        "{text}"
    );
    assert_eq!(card.grade, Some(Grade::of(card.score().unwrap())));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn events() -> impl Strategy<Value = RawEvents> {
        let t = (0u32..200, 0usize..3, any::<bool>(), 0u32..3).prop_map(|(off, k, esc, re)| {
            let day = d("2026-01-01") + chrono::Days::new(u64::from(off));
            let kind = [TicketKind::Incident, TicketKind::Request, TicketKind::Admin][k];
            Ticket {
                opened_on: day,
                ..ticket("2026-01-01", kind, esc, re)
            }
        });
        let inv = (
            0u32..200,
            0u32..60,
            proptest::option::of(0u32..90),
            0i64..500_000,
            any::<bool>(),
        )
            .prop_map(|(off, terms, paid, cents, disputed)| {
                let issued = d("2026-01-01") + chrono::Days::new(u64::from(off));
                let due = issued + chrono::Days::new(u64::from(terms));
                Invoice {
                    disputed,
                    paid_on: paid.map(|p| issued + chrono::Days::new(u64::from(p))),
                    ..invoice("N", "2026-01-01", "2026-01-01", None, cents)
                }
                .with_dates(issued, due)
            });
        let time = (0u32..200, 1u32..600)
            .prop_map(|(off, m)| (d("2026-01-01") + chrono::Days::new(u64::from(off)), m));
        let recs = (0u32..200, 0usize..3, any::<bool>()).prop_map(|(off, s, sec)| {
            let made = d("2026-01-01") + chrono::Days::new(u64::from(off));
            let status = [RecStatus::Open, RecStatus::Implemented, RecStatus::Ignored][s];
            Recommendation {
                made_on: made,
                decided_on: (status != RecStatus::Open).then_some(made),
                ..rec("2026-01-01", status, None, sec)
            }
        });
        let inc = (0u32..200, 0usize..5).prop_map(|(off, k)| {
            (
                d("2026-01-01") + chrono::Days::new(u64::from(off)),
                IncidentKind::ALL[k],
            )
        });
        (
            proptest::collection::vec(t, 0..40),
            proptest::collection::vec(inv, 0..12),
            proptest::collection::vec(time, 0..30),
            proptest::collection::vec(recs, 0..8),
            proptest::collection::vec(inc, 0..4),
        )
            .prop_map(
                |(tickets, invoices, time, recommendations, incidents)| RawEvents {
                    tickets,
                    invoices,
                    time,
                    recommendations,
                    incidents,
                },
            )
    }

    fn rules() -> Rules {
        Rules {
            hourly_cost_cents: 6_500,
            ..Rules::default()
        }
    }

    proptest! {
        #[test]
        fn the_score_is_always_between_0_and_100(ev in events(), seats in 0u32..50, mrr in 0i64..1_000_000) {
            let f = facts(seats, mrr, &ev);
            let card = evaluate(&f, &PortfolioFacts::default(), d("2026-07-15"), &rules());
            for s in card.trend.iter().flatten() {
                prop_assert!((0.0..=100.0).contains(s), "{s}");
            }
            for p in &card.scored.parts {
                if let Some(s) = p.subscore {
                    prop_assert!((0.0..=100.0).contains(&s));
                }
            }
        }

        #[test]
        fn one_more_reopened_ticket_never_raises_the_score(
            ev in events(), seats in 0u32..50, off in 0u32..90, k in 0usize..3, esc in any::<bool>()
        ) {
            let as_of = d("2026-07-15");
            let before = evaluate(&facts(seats, 0, &ev), &PortfolioFacts::default(), as_of, &rules());
            // Without a score (nothing in the window) there is nothing to raise: the ticket
            // gives the client its first score, whatever it is.
            prop_assume!(before.metrics.has_tickets && before.score().is_some());
            let mut more = ev.clone();
            let kind = [TicketKind::Incident, TicketKind::Request, TicketKind::Admin][k];
            more.tickets.push(Ticket {
                opened_on: as_of - chrono::Days::new(u64::from(off)),
                ..ticket("2026-01-01", kind, esc, 1)
            });
            let after = evaluate(&facts(seats, 0, &more), &PortfolioFacts::default(), as_of, &rules());
            prop_assert!(after.score().unwrap_or(0.0) <= before.score().unwrap_or(0.0) + 1e-9,
                "{:?} -> {:?}", before.score(), after.score());
        }

        #[test]
        fn one_more_ticket_never_raises_its_own_sub_scores(
            ev in events(), seats in 0u32..50, off in 0u32..90, k in 0usize..3, esc in any::<bool>(), re in 0u32..2
        ) {
            let as_of = d("2026-07-15");
            let sub = |ev: &RawEvents, key: MetricKey| {
                let c = evaluate(&facts(seats, 0, ev), &PortfolioFacts::default(), as_of, &rules());
                c.scored.parts.iter().find(|p| p.key == key).and_then(|p| p.subscore)
            };
            let mut more = ev.clone();
            let kind = [TicketKind::Incident, TicketKind::Request, TicketKind::Admin][k];
            more.tickets.push(Ticket {
                opened_on: as_of - chrono::Days::new(u64::from(off)),
                ..ticket("2026-01-01", kind, esc, re)
            });
            for key in [MetricKey::TicketsOpened, MetricKey::AdminRequests, MetricKey::Escalations] {
                if let (Some(b), Some(a)) = (sub(&ev, key), sub(&more, key)) {
                    prop_assert!(a <= b + 1e-9, "{key:?}: {b} -> {a}");
                }
            }
        }

        #[test]
        fn a_logged_entry_taken_in_place_equals_reading_everything_again(
            ev in events(), extra in events(), pick in 0usize..5, at in 0usize..40
        ) {
            use crate::domain::{
                LogEntry, NewIncident, NewInvoice, NewRecommendation, NewTicket, NewTimeEntry,
            };
            let mut after = ev.clone();
            let entry = match pick {
                0 if !extra.tickets.is_empty() => {
                    let t = extra.tickets[at % extra.tickets.len()].clone();
                    after.tickets.push(t.clone());
                    LogEntry::Ticket(NewTicket {
                        opened_on: t.opened_on,
                        closed_on: None,
                        kind: t.kind,
                        escalated: t.escalated,
                        reopen_count: t.reopen_count,
                        external_ref: None,
                        subject: None,
                    })
                }
                1 if !extra.time.is_empty() => {
                    let (d, m) = extra.time[at % extra.time.len()];
                    after.time.push((d, m));
                    LogEntry::Time(NewTimeEntry { worked_on: d, minutes: m, note: None, external_ref: None })
                }
                2 if !extra.invoices.is_empty() => {
                    let mut i = extra.invoices[at % extra.invoices.len()].clone();
                    i.number = format!("X{at}");
                    after.invoices.push(i.clone());
                    LogEntry::Invoice(NewInvoice {
                        number: Some(i.number),
                        issued_on: i.issued_on,
                        due_on: i.due_on,
                        paid_on: i.paid_on,
                        amount: i.amount,
                        disputed: i.disputed,
                        external_ref: None,
                    })
                }
                3 if !extra.recommendations.is_empty() => {
                    let r = extra.recommendations[at % extra.recommendations.len()].clone();
                    after.recommendations.push(r.clone());
                    LogEntry::Recommendation(NewRecommendation {
                        made_on: r.made_on,
                        title: r.title,
                        security: r.security,
                        status: r.status,
                        decided_on: r.decided_on,
                        external_ref: None,
                    })
                }
                _ if !extra.incidents.is_empty() => {
                    let (d, k) = extra.incidents[at % extra.incidents.len()];
                    after.incidents.push((d, k));
                    LogEntry::Incident(NewIncident { occurred_on: d, kind: k, note: None })
                }
                _ => return Ok(()),
            };
            let mut f = facts(7, 0, &ev);
            prop_assert!(f.apply(&entry));
            prop_assert_eq!(f, facts(7, 0, &after));
        }

        #[test]
        fn no_data_never_scores_as_perfect(seats in 0u32..50, mrr in 0i64..1_000_000, votes in proptest::option::of(0u32..4)) {
            let mut f = facts(seats, mrr, &RawEvents::default());
            let mut p = PortfolioFacts::default();
            if let Some(v) = votes {
                f.votes = vec![(2026, v)];
                p.gut_check_years = vec![2026];
            }
            let card = evaluate(&f, &p, d("2026-07-15"), &rules());
            prop_assert_eq!(card.score(), None);
            prop_assert_eq!(card.grade, None);
        }
    }
}

#[test]
fn numbers_read_without_trailing_zeros() {
    use super::card::number;
    assert_eq!(number(1.5), "1.5");
    assert_eq!(number(2.0), "2");
    assert_eq!(number(0.25), "0.25");
    assert_eq!(number(52.34), "52.3");
    assert_eq!(number(-0.001), "0");
    assert_eq!(number(0.333333), "0.33");
}

#[test]
fn shown_parts_add_up_to_the_shown_change() {
    use super::card::tenths;
    // -3.13 twice rounds to -3.1 twice, -6.2, while the change -6.26 reads -6.3: one part
    // takes the tenth.
    let (total, parts) = tenths(-6.26, &[-3.13, -3.13]);
    assert_eq!(total, -63);
    assert_eq!(parts.iter().sum::<i64>(), -63);
    let (total, parts) = tenths(-6.2, &[-3.13, -3.07]);
    assert_eq!((total, parts), (-62, vec![-31, -31]));
    let (total, parts) = tenths(2.5, &[1.04, 1.04, 0.42]);
    assert_eq!(parts.iter().sum::<i64>(), total);
    assert_eq!(tenths(0.0, &[]), (0, vec![]));
}
