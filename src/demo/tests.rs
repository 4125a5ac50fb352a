//! The demo generator, checked the way a user would look at it: the numbers tell the story.

use std::collections::{BTreeSet, HashSet};

use chrono::{Datelike, Days, Months, NaiveDate};
use unicode_width::UnicodeWidthStr;

use super::characters::{
    ABUSIVE, ANCHORS, DEMANDING, FORMER_ABUSIVE, LATE_PAYER, NOISY, SECURITY_IGNORER,
};
use super::{MONTHS, portfolio};
use crate::domain::{
    ClientDraft, ClientStatus, IncidentDraft, IncidentKind, InvoiceDraft, LogEntry, NewIncident,
    NewInvoice, NewRecommendation, NewTicket, NewTimeEntry, Portfolio, PortfolioClient, RecStatus,
    RecommendationDraft, TicketDraft, TimeDraft, date::iso,
};

/// Days of the year that stress the date arithmetic: month ends, a leap day, new year.
const TODAYS: [&str; 5] = [
    "2026-11-28",
    "2026-03-03",
    "2026-07-31",
    "2027-01-02",
    "2028-02-29",
];
/// What an hour of work costs, as in the example config.
const HOURLY_COST_CENTS: i64 = 6_500;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn each_day() -> impl Iterator<Item = (NaiveDate, Portfolio)> {
    TODAYS.iter().map(|s| (day(s), portfolio(day(s))))
}

/// A client seen on `today`, with the measures the scorecard will compute.
struct Look<'a> {
    c: &'a PortfolioClient,
    today: NaiveDate,
}

impl<'a> Look<'a> {
    fn of(p: &'a Portfolio, name: &str, today: NaiveDate) -> Self {
        let c = p.client(name).unwrap_or_else(|| panic!("no client {name}"));
        Look { c, today }
    }

    fn name(&self) -> &'a str {
        &self.c.fields.name
    }

    /// True when `d` lies in the `days` days that end with today.
    fn recent(&self, d: NaiveDate, days: u64) -> bool {
        d <= self.today && d > self.today - Days::new(days)
    }

    fn tickets(&self) -> impl Iterator<Item = &'a NewTicket> {
        self.c.entries.iter().filter_map(|e| match e {
            LogEntry::Ticket(t) => Some(t),
            _ => None,
        })
    }

    fn invoices(&self) -> impl Iterator<Item = &'a NewInvoice> {
        self.c.entries.iter().filter_map(|e| match e {
            LogEntry::Invoice(i) => Some(i),
            _ => None,
        })
    }

    fn times(&self) -> impl Iterator<Item = &'a NewTimeEntry> {
        self.c.entries.iter().filter_map(|e| match e {
            LogEntry::Time(t) => Some(t),
            _ => None,
        })
    }

    fn recs(&self) -> impl Iterator<Item = &'a NewRecommendation> {
        self.c.entries.iter().filter_map(|e| match e {
            LogEntry::Recommendation(r) => Some(r),
            _ => None,
        })
    }

    fn incidents(&self) -> impl Iterator<Item = &'a NewIncident> {
        self.c.entries.iter().filter_map(|e| match e {
            LogEntry::Incident(i) => Some(i),
            _ => None,
        })
    }

    fn revenue(&self, days: u64) -> i64 {
        self.invoices()
            .filter(|i| self.recent(i.issued_on, days))
            .map(|i| i.amount.0)
            .sum()
    }

    fn tickets_in(&self, days: u64) -> Vec<&'a NewTicket> {
        self.tickets()
            .filter(|t| self.recent(t.opened_on, days))
            .collect()
    }

    fn minutes(&self, days: u64) -> i64 {
        self.times()
            .filter(|t| self.recent(t.worked_on, days))
            .map(|t| i64::from(t.minutes))
            .sum()
    }

    /// (revenue - hours x cost) / revenue over the last `days`, in percent.
    fn margin_pct(&self, days: u64) -> i64 {
        let revenue = self.revenue(days);
        let cost = self.minutes(days) * HOURLY_COST_CENTS / 60;
        (revenue - cost) * 100 / revenue.max(1)
    }

    fn late_payments(&self, days: u64) -> usize {
        self.invoices()
            .filter(|i| {
                i.paid_on
                    .is_some_and(|p| p > i.due_on && self.recent(p, days))
            })
            .count()
    }

    fn overdue_over_30(&self) -> usize {
        self.invoices()
            .filter(|i| i.paid_on.is_none() && (self.today - i.due_on).num_days() > 30)
            .count()
    }

    /// (implemented, ignored) among the recommendations decided in the last 365 days.
    fn decided(&self, security_only: bool) -> (usize, usize) {
        let decided: Vec<_> = self
            .recs()
            .filter(|r| r.security || !security_only)
            .filter(|r| r.decided_on.is_some_and(|d| self.recent(d, 365)))
            .collect();
        let ignored = decided
            .iter()
            .filter(|r| r.status == RecStatus::Ignored)
            .count();
        (decided.len() - ignored, ignored)
    }

    fn incidents_365(&self, kind: IncidentKind) -> usize {
        self.incidents()
            .filter(|i| i.kind == kind && self.recent(i.occurred_on, 365))
            .count()
    }

    /// The guide's dealbreakers D1-D5 this client hits today.
    fn dealbreakers(&self) -> Vec<&'static str> {
        let (implemented, ignored) = self.decided(false);
        let decided = implemented + ignored;
        let mut hit = Vec::new();
        if self.incidents_365(IncidentKind::Abuse) > 0 {
            hit.push("D1");
        }
        if (decided >= 3 && ignored * 2 >= decided)
            || self.incidents_365(IncidentKind::Disrespect) > 0
        {
            hit.push("D2");
        }
        if self.incidents_365(IncidentKind::Security) >= 2 {
            hit.push("D3");
        }
        if self.incidents_365(IncidentKind::UnreasonableDemand) >= 2 {
            hit.push("D4");
        }
        if self.late_payments(180) >= 2 || self.overdue_over_30() > 0 {
            hit.push("D5");
        }
        hit
    }
}

fn looks(p: &Portfolio, today: NaiveDate) -> Vec<Look<'_>> {
    p.clients.iter().map(|c| Look { c, today }).collect()
}

/// The names of the top fifth of `looks` by `key`, largest first, and the share they hold.
fn top_fifth<'a>(looks: &'a [Look<'a>], key: impl Fn(&Look) -> i64) -> (Vec<&'a str>, f64) {
    let mut ranked: Vec<(i64, &str)> = looks.iter().map(|l| (key(l), l.name())).collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let n = looks.len().div_ceil(5);
    let total: i64 = ranked.iter().map(|r| r.0).sum();
    let top: i64 = ranked.iter().take(n).map(|r| r.0).sum();
    (
        ranked.iter().take(n).map(|r| r.1).collect(),
        top as f64 / total as f64,
    )
}

#[test]
fn the_same_day_always_gives_the_same_portfolio() {
    let today = day("2026-11-28");
    let first = format!("{:?}", portfolio(today));
    assert_eq!(first, format!("{:?}", portfolio(today)));
    let next_day = format!("{:?}", portfolio(today.succ_opt().unwrap()));
    assert_ne!(first, next_day, "the demo moves along with today");
}

#[test]
fn about_thirty_varied_clients() {
    let p = portfolio(day("2026-11-28"));
    assert!((28..=32).contains(&p.clients.len()), "{}", p.clients.len());
    let names: HashSet<String> = p
        .clients
        .iter()
        .map(|c| c.fields.name.to_lowercase())
        .collect();
    assert_eq!(names.len(), p.clients.len(), "names are unique");
    let segments: BTreeSet<&str> = p
        .clients
        .iter()
        .filter_map(|c| c.fields.segment.as_deref())
        .collect();
    for s in [
        "dental",
        "legal",
        "accounting",
        "construction",
        "retail",
        "nonprofit",
    ] {
        assert!(
            segments.contains(s),
            "segment {s} missing from {segments:?}"
        );
    }
    let count = |s: ClientStatus| p.clients.iter().filter(|c| c.fields.status == s).count();
    assert!(count(ClientStatus::Prospect) >= 1);
    assert!(count(ClientStatus::Former) >= 1);
    assert!(count(ClientStatus::Active) >= 24);
    let fields = || p.clients.iter().map(|c| &c.fields);
    assert!(fields().any(|f| f.prepaid) && fields().any(|f| !f.prepaid));
    let terms: BTreeSet<u32> = fields().map(|f| f.payment_terms_days).collect();
    assert_eq!(terms, BTreeSet::from([14, 30]));
    let seats: BTreeSet<u32> = fields().map(|f| f.seats).collect();
    assert!(seats.len() >= 15, "seat counts vary: {seats:?}");
    assert!(fields().all(|f| f.contact_name.is_some() && f.email.is_some() && f.phone.is_some()));
    assert!(
        fields().any(|f| f.name.contains('é')),
        "a name with accents"
    );
    assert!(
        fields().any(|f| f.name.width() > f.name.chars().count()),
        "a name with wide (CJK) characters"
    );
    for c in &p.clients {
        if c.fields.status == ClientStatus::Prospect {
            assert!(c.entries.is_empty(), "{} is only a prospect", c.fields.name);
        } else {
            assert!(c.fields.contract_start.is_some(), "{}", c.fields.name);
        }
    }
}

#[test]
fn every_event_falls_within_the_last_eighteen_months() {
    for (today, p) in each_day() {
        let from = today.checked_sub_months(Months::new(MONTHS)).unwrap();
        for c in &p.clients {
            let name = &c.fields.name;
            for e in &c.entries {
                let dates = match e {
                    LogEntry::Ticket(t) => vec![Some(t.opened_on), t.closed_on],
                    LogEntry::Invoice(i) => vec![Some(i.issued_on), i.paid_on],
                    LogEntry::Time(t) => vec![Some(t.worked_on)],
                    LogEntry::Recommendation(r) => vec![Some(r.made_on), r.decided_on],
                    LogEntry::Incident(i) => vec![Some(i.occurred_on)],
                    other => panic!("{name}: {other:?} cannot be imported"),
                };
                for d in dates.into_iter().flatten() {
                    assert!(from <= d && d <= today, "{name} on {today}: {e:?}");
                }
            }
            if let Some(end) = c.fields.contract_end {
                if c.fields.status == ClientStatus::Former {
                    assert!(end < today, "{name} has left");
                } else {
                    assert!(end >= today, "{name}'s contract runs until {end}");
                }
            }
        }
    }
}

/// Every client and entry, typed into the forms, gives back exactly the same value.
#[test]
fn every_client_and_entry_passes_the_checks_of_typed_input() {
    let today = day("2027-01-02");
    let p = portfolio(today);
    let opt = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
    for c in &p.clients {
        let f = &c.fields;
        assert_eq!(ClientDraft::from(f).validate().as_ref(), Ok(f));
        for e in &c.entries {
            let typed = match e {
                LogEntry::Ticket(t) => TicketDraft {
                    opened: iso(t.opened_on),
                    closed: opt(t.closed_on),
                    kind: t.kind.to_string(),
                    escalated: t.escalated,
                    reopens: t.reopen_count.to_string(),
                    reference: String::new(),
                    subject: t.subject.clone().unwrap_or_default(),
                }
                .validate(today)
                .map(LogEntry::Ticket),
                LogEntry::Invoice(i) => InvoiceDraft {
                    number: i.number.clone().unwrap_or_default(),
                    amount: i.amount.plain(),
                    issued: iso(i.issued_on),
                    due: String::new(),
                    paid: opt(i.paid_on),
                    disputed: i.disputed,
                    reference: String::new(),
                }
                .validate(f.payment_terms_days, today)
                .map(LogEntry::Invoice),
                LogEntry::Time(t) => TimeDraft {
                    date: iso(t.worked_on),
                    duration: t.minutes.to_string(),
                    note: t.note.clone().unwrap_or_default(),
                }
                .validate(today)
                .map(LogEntry::Time),
                LogEntry::Recommendation(r) => RecommendationDraft {
                    made: iso(r.made_on),
                    title: r.title.clone(),
                    security: r.security,
                    status: r.status.to_string(),
                    decided: opt(r.decided_on),
                    reference: String::new(),
                }
                .validate(today)
                .map(LogEntry::Recommendation),
                LogEntry::Incident(i) => IncidentDraft {
                    date: iso(i.occurred_on),
                    kind: i.kind.to_string(),
                    note: i.note.clone().unwrap_or_default(),
                }
                .validate(today)
                .map(LogEntry::Incident),
                other => panic!("{other:?} cannot be imported"),
            };
            assert_eq!(typed.as_ref(), Ok(e), "{}", f.name);
        }
    }
}

#[test]
fn invoices_are_numbered_once_in_date_order_and_due_after_the_terms() {
    let p = portfolio(day("2026-11-28"));
    let mut all: Vec<(NaiveDate, String)> = Vec::new();
    for c in &p.clients {
        for i in (Look {
            c,
            today: day("2026-11-28"),
        })
        .invoices()
        {
            let number = i.number.clone().expect("every invoice has a number");
            assert_eq!(&number[..4], i.issued_on.year().to_string(), "{number}");
            assert_eq!(
                (i.due_on - i.issued_on).num_days(),
                i64::from(c.fields.payment_terms_days)
            );
            all.push((i.issued_on, number));
        }
    }
    let unique: HashSet<&String> = all.iter().map(|(_, n)| n).collect();
    assert_eq!(unique.len(), all.len(), "numbers are unique");
    all.sort();
    assert!(
        all.windows(2).all(|w| w[0].0 == w[1].0 || w[0].1 < w[1].1),
        "later invoices have higher numbers"
    );
}

#[test]
fn a_running_client_is_invoiced_every_month() {
    for (today, p) in each_day() {
        for l in looks(&p, today) {
            let f = &l.c.fields;
            let start = f.contract_start.unwrap_or(today);
            if f.status != ClientStatus::Active || (today - start).num_days() < 400 {
                continue;
            }
            // Contract invoices are the MRR, or last year's price before the indexation.
            let months: BTreeSet<NaiveDate> = l
                .invoices()
                .filter(|i| i.amount <= f.mrr && i.amount.0 * 105 >= f.mrr.0 * 100)
                .map(|i| {
                    let month = if f.prepaid {
                        i.issued_on + Days::new(u64::from(f.payment_terms_days))
                    } else {
                        i.issued_on
                    };
                    month.with_day(1).unwrap()
                })
                .collect();
            let this_month = today.with_day(1).unwrap();
            for back in 0..12 {
                let month = this_month - Months::new(back);
                assert!(months.contains(&month), "{} on {today}: {month}", l.name());
            }
        }
    }
}

#[test]
fn a_fifth_of_the_clients_bring_most_of_the_revenue() {
    for (today, p) in each_day() {
        let looks = looks(&p, today);
        let (top, share) = top_fifth(&looks, |l| l.revenue(365));
        assert!(share >= 0.65, "top fifth brings {share:.2} on {today}");
        assert_eq!(top[..2], ANCHORS, "on {today}");
        assert!(top.contains(&DEMANDING), "the demanding client pays well");
        let total: i64 = looks.iter().map(|l| l.revenue(365)).sum();
        let largest = looks.iter().map(|l| l.revenue(365)).max().unwrap() as f64 / total as f64;
        assert!((0.18..=0.30).contains(&largest), "C1: {largest:.2}");
    }
}

#[test]
fn a_few_small_clients_make_much_of_the_work_at_a_loss() {
    for (today, p) in each_day() {
        let looks = looks(&p, today);
        let (by_revenue, _) = top_fifth(&looks, |l| l.revenue(365));
        let (by_tickets, share) = top_fifth(&looks, |l| l.tickets_in(365).len() as i64);
        assert!(share >= 0.5, "top fifth opens {share:.2} of tickets");
        let r1: Vec<&str> = by_tickets
            .iter()
            .filter(|n| !by_revenue.contains(n))
            .copied()
            .collect();
        for name in NOISY.iter().chain([&ABUSIVE]) {
            assert!(
                r1.contains(name),
                "{name} is an R1 candidate on {today}: {r1:?}"
            );
            let l = Look::of(&p, name, today);
            assert!(l.margin_pct(365) < 0, "{name} costs more than it brings");
        }
        for name in ANCHORS {
            let margin = Look::of(&p, name, today).margin_pct(365);
            assert!(margin >= 50, "{name} is profitable: {margin}%");
        }
    }
}

#[test]
fn the_abusive_client_shouts_escalates_and_floods_the_desk() {
    for (today, p) in each_day() {
        let l = Look::of(&p, ABUSIVE, today);
        assert!(l.incidents_365(IncidentKind::Abuse) >= 2);
        assert!(l.incidents_365(IncidentKind::Disrespect) >= 1);
        let recent = l.tickets_in(90);
        let seats = f64::from(l.c.fields.seats);
        let per_seat_month = recent.len() as f64 / seats / 3.0;
        assert!(
            per_seat_month >= 1.5,
            "{per_seat_month:.2} tickets/seat/month"
        );
        let escalations = recent.iter().filter(|t| t.escalated).count();
        assert!(escalations >= 6, "{escalations} escalations in 90 days");
        let reopened = recent.iter().filter(|t| t.reopen_count > 0).count();
        assert!(
            reopened * 10 >= recent.len(),
            "reopens {reopened}/{}",
            recent.len()
        );
        assert!(
            l.invoices()
                .filter(|i| i.disputed && l.recent(i.issued_on, 365))
                .count()
                >= 2
        );
        let d = l.dealbreakers();
        assert!(d.contains(&"D1") && d.contains(&"D2"), "{d:?}");
    }
}

#[test]
fn the_late_payer_is_late_again_and_again() {
    for (today, p) in each_day() {
        let l = Look::of(&p, LATE_PAYER, today);
        assert!(l.late_payments(180) >= 2, "on {today}");
        assert!(l.overdue_over_30() >= 1, "on {today}");
        let days_to_pay = |from: u64, to: u64| {
            let paid: Vec<i64> = l
                .invoices()
                .filter(|i| l.recent(i.issued_on, to) && !l.recent(i.issued_on, from))
                .filter_map(|i| i.paid_on.map(|p| (p - i.issued_on).num_days()))
                .collect();
            paid.iter().sum::<i64>() / paid.len().max(1) as i64
        };
        let terms = i64::from(l.c.fields.payment_terms_days);
        assert!(days_to_pay(0, 240) >= terms + 20, "pays late now");
        assert!(days_to_pay(400, 540) <= terms, "paid on time before");
        assert_eq!(l.dealbreakers(), ["D5"], "on {today}");
    }
}

#[test]
fn the_security_ignorer_ignores_security_advice_and_pays_for_it() {
    for (today, p) in each_day() {
        let l = Look::of(&p, SECURITY_IGNORER, today);
        let (implemented, ignored) = l.decided(true);
        assert!(implemented + ignored >= 3, "on {today}");
        assert!(
            ignored * 2 >= implemented + ignored,
            "{ignored} of {implemented}+{ignored}"
        );
        assert!(l.incidents_365(IncidentKind::Security) >= 2);
        assert_eq!(
            l.late_payments(365),
            0,
            "pays on time: security is the problem"
        );
        assert_eq!(l.dealbreakers(), ["D2", "D3"], "on {today}");
    }
}

#[test]
fn the_demanding_client_is_challenging_not_bad() {
    for (today, p) in each_day() {
        let looks = looks(&p, today);
        let l = Look::of(&p, DEMANDING, today);
        let mut by_tickets: Vec<(usize, &str)> = looks
            .iter()
            .map(|o| (o.tickets_in(90).len(), o.name()))
            .collect();
        by_tickets.sort_by(|a, b| b.cmp(a));
        assert!(
            by_tickets[..3].iter().any(|(_, n)| *n == DEMANDING),
            "among the three busiest: {by_tickets:?}"
        );
        let admin_per_seat = |o: &Look| {
            o.tickets_in(90)
                .iter()
                .filter(|t| t.kind == crate::domain::TicketKind::Admin)
                .count() as f64
                / f64::from(o.c.fields.seats.max(1))
        };
        for name in ANCHORS {
            assert!(admin_per_seat(&l) > 2.0 * admin_per_seat(&Look::of(&p, name, today)));
        }
        assert!(
            l.invoices()
                .all(|i| i.paid_on.is_none_or(|p| p <= i.due_on))
        );
        assert_eq!(l.overdue_over_30(), 0);
        let decided: Vec<_> = l.recs().filter(|r| r.status != RecStatus::Open).collect();
        let implemented = decided
            .iter()
            .filter(|r| r.status == RecStatus::Implemented)
            .count();
        assert!(
            implemented * 4 >= decided.len() * 3,
            "{implemented}/{}",
            decided.len()
        );
        assert!(l.dealbreakers().is_empty(), "{:?}", l.dealbreakers());
        assert!(l.margin_pct(365) >= 40);
    }
}

#[test]
fn only_the_three_villains_hit_a_dealbreaker() {
    for (today, p) in each_day() {
        let hit: BTreeSet<&str> = looks(&p, today)
            .iter()
            .filter(|l| l.c.fields.status == ClientStatus::Active && !l.dealbreakers().is_empty())
            .map(|l| l.name())
            .collect();
        assert_eq!(
            hit,
            BTreeSet::from([ABUSIVE, LATE_PAYER, SECURITY_IGNORER]),
            "on {today}"
        );
    }
}

#[test]
fn time_is_logged_for_every_ticket() {
    let today = day("2026-11-28");
    let p = portfolio(today);
    for l in looks(&p, today) {
        let days: HashSet<NaiveDate> = l.times().map(|t| t.worked_on).collect();
        for t in l.tickets() {
            let last = t.closed_on.unwrap_or(t.opened_on);
            assert!(
                t.opened_on
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .any(|d| days.contains(&d)),
                "{}: no time for the ticket of {}",
                l.name(),
                t.opened_on
            );
        }
        assert!(l.times().count() >= l.tickets().count());
    }
}

#[test]
fn the_gut_check_names_the_villains() {
    let today = day("2026-11-28");
    let p = portfolio(today);
    let year = |y: i32| p.gut_checks.iter().filter(move |g| g.year == y);
    assert!((3..=4).contains(&year(2026).count()));
    assert!((3..=4).contains(&year(2025).count()));
    for g in &p.gut_checks {
        assert!(!g.clients.is_empty() && g.clients.len() <= 5, "{}", g.staff);
        let unique: HashSet<&String> = g.clients.iter().collect();
        assert_eq!(
            unique.len(),
            g.clients.len(),
            "{} names a client twice",
            g.staff
        );
        assert!(
            g.clients.iter().all(|n| p.client(n).is_some()),
            "{}",
            g.staff
        );
    }
    let votes = |y: i32, name: &str| {
        year(y)
            .filter(|g| g.clients.iter().any(|c| c == name))
            .count()
    };
    assert_eq!(
        votes(2026, ABUSIVE),
        year(2026).count(),
        "everyone names the abusive client"
    );
    assert!(votes(2026, SECURITY_IGNORER) >= 2 && votes(2026, LATE_PAYER) >= 2);
    assert!(votes(2026, DEMANDING) <= 1, "challenging, not bad");
    assert!(votes(2026, ANCHORS[0]) == 0 && votes(2026, FORMER_ABUSIVE) == 0);
    assert!(
        votes(2025, FORMER_ABUSIVE) >= 2,
        "last year, before we let them go"
    );
}
