//! Hand-computed Pareto fixtures and what-if arithmetic.

use super::*;
use crate::domain::score::facts::{ClientFacts, RawEvents};
use crate::domain::score::tests::{d, invoice, ticket};
use crate::domain::{Cents, IncidentKind, TicketKind};

fn m(id: i64, name: &str, revenue: i64, minutes: u64, tickets: u32, stress: f64) -> ClientMeasures {
    ClientMeasures {
        client: ClientId(id),
        name: name.into(),
        revenue_cents: revenue,
        revenue_from_mrr: false,
        minutes,
        tickets,
        stress,
    }
}

fn names(p: &Pareto) -> Vec<&str> {
    p.rows.iter().map(|r| r.client.as_str()).collect()
}

#[test]
fn ranks_high_to_low_with_ties_by_name_and_finds_the_vital_few() {
    let ms = vec![
        m(1, "Delta", 100, 0, 0, 0.0),
        m(2, "alpha", 500, 0, 0, 0.0),
        m(3, "Charlie", 200, 0, 0, 0.0),
        m(4, "Bravo", 200, 0, 0, 0.0),
        m(5, "Echo", 0, 0, 0, 0.0),
    ];
    let p = pareto(&ms, Measure::Revenue, 0.8);
    assert_eq!(names(&p), ["alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    assert_eq!(p.total, 1000.0);
    let shares: Vec<f64> = p.rows.iter().map(|r| r.share).collect();
    assert_eq!(shares, [0.5, 0.2, 0.2, 0.1, 0.0]);
    let cumulative: Vec<f64> = p
        .rows
        .iter()
        .map(|r| (r.cumulative_share * 100.0).round())
        .collect();
    assert_eq!(cumulative, [50.0, 70.0, 90.0, 100.0, 100.0]);
    // 50% + 20% = 70% falls short; the third reaches 90%.
    assert_eq!(p.vital_few_count, 3);
    assert_eq!(p.vital_few_share_of_clients, 0.6);
    assert_eq!(p.top_client_share, 0.5);
    assert_eq!(p.top5_share, 1.0);
    assert_eq!(
        p.headline(),
        "3 of 5 clients (60%) bring 80% of the revenue"
    );
    assert!(p.rows[2].vital_few && !p.rows[3].vital_few);
}

#[test]
fn all_equal_reaches_80_percent_exactly_at_the_fourth_of_five() {
    let ms: Vec<_> = (1..=5)
        .map(|i| m(i, &format!("C{i}"), 0, 60, 3, 0.0))
        .collect();
    let p = pareto(&ms, Measure::Tickets, 0.8);
    assert_eq!(p.vital_few_count, 4);
    assert_eq!(p.headline(), "4 of 5 clients (80%) open 80% of the tickets");
}

#[test]
fn one_client_is_the_whole_story_and_an_empty_portfolio_has_none() {
    let p = pareto(&[m(1, "Solo", 10, 60, 1, 1.0)], Measure::Hours, 0.8);
    assert_eq!(p.vital_few_count, 1);
    assert_eq!(p.rows[0].share, 1.0);
    assert_eq!(p.headline(), "1 of 1 client (100%) takes 80% of the hours");
    let empty = pareto(&[], Measure::Stress, 0.8);
    assert_eq!(
        (empty.vital_few_count, empty.total, empty.rows.len()),
        (0, 0.0, 0)
    );
    assert_eq!(empty.headline(), "no clients yet");
    let zero = pareto(
        &[m(1, "A", 0, 0, 0, 0.0), m(2, "B", 0, 0, 0, 0.0)],
        Measure::Revenue,
        0.8,
    );
    assert_eq!(zero.vital_few_count, 0);
    assert!(zero.rows.iter().all(|r| r.share == 0.0 && !r.vital_few));
    assert_eq!(
        zero.headline(),
        "none of 2 clients has any revenue in this window"
    );
}

#[test]
fn what_if_shows_before_and_after() {
    let ms = vec![
        m(1, "Anchor", 600_000, 60 * 60, 10, 10.0), // 6,000.00 over 60 h
        m(2, "Noisy", 100_000, 120 * 60, 80, 200.0), // 1,000.00 over 120 h
        m(3, "Quiet", 300_000, 20 * 60, 5, 5.0),    // 3,000.00 over 20 h
    ];
    let w = what_if(&ms, &[ClientId(2)], 5_000); // 50.00 an hour
    assert_eq!(w.dropped, ["Noisy"]);
    assert_eq!(w.before.revenue_cents, 1_000_000);
    assert_eq!(w.before.hours, 200.0);
    assert_eq!(w.before.labour_cost_cents, Some(1_000_000));
    assert_eq!(w.before.margin_pct, Some(0.0));
    assert_eq!(w.before.effective_rate_cents, Some(5_000));
    assert_eq!(w.before.largest_client_share, Some(0.6));
    assert_eq!(w.after.revenue_cents, 900_000);
    assert_eq!(w.after.hours, 80.0);
    assert_eq!(w.after.labour_cost_cents, Some(400_000));
    // (9,000 - 4,000) / 9,000
    assert!((w.after.margin_pct.unwrap() - 55.555_555).abs() < 1e-4);
    assert_eq!(w.after.effective_rate_cents, Some(11_250));
    assert!((w.after.largest_client_share.unwrap() - 6.0 / 9.0).abs() < 1e-12);
    assert_eq!(w.dropped_revenue_share, 0.1);
    let none = what_if(&ms, &[], 5_000);
    assert_eq!(none.before, none.after);
    let all = what_if(&ms, &[ClientId(1), ClientId(2), ClientId(3)], 5_000);
    assert_eq!(all.after.revenue_cents, 0);
    assert_eq!(all.after.margin_pct, None);
    assert_eq!(all.after.effective_rate_cents, None);
}

#[test]
fn the_map_and_the_r1_candidates() {
    let ms = vec![
        m(1, "Anchor", 600_000, 60 * 60, 10, 10.0),
        m(2, "Noisy", 100_000, 120 * 60, 80, 200.0),
        m(3, "Quiet", 300_000, 20 * 60, 5, 5.0),
    ];
    let map = value_effort(&ms);
    let q: Vec<Quadrant> = map.points.iter().map(|p| p.quadrant).collect();
    // Big from a third of the revenue: Anchor 60% of revenue for 30% of the hours (twice the
    // portfolio's rate); Noisy 10% / 60%; Quiet 30% (small) / 10% (three times the rate).
    assert_eq!(q, [Quadrant::WorthIt, Quadrant::LetGo, Quadrant::Grow]);
    assert_eq!(r1_candidates(&ms, 0.8), [ClientId(2)]);
}

#[test]
fn the_map_sorts_by_size_and_by_the_rate_against_the_portfolios() {
    // Revenue 100,000.00 over 600 h: the portfolio earns 166.67 an hour. Four clients, so a
    // client is big from 25% of the revenue.
    let ms = vec![
        // 50%, big; 50,000 / 200 h = 250 an hour, above: worth it. (An even 1/4 of the hours
        // is 150 h, so an "even share" of the work would call it reprice.)
        m(1, "Anchor", 5_000_000, 200 * 60, 0, 0.0),
        // 30%, big; 30,000 / 300 h = 100 an hour, below: reprice.
        m(2, "Heavy", 3_000_000, 300 * 60, 0, 0.0),
        // 12%, small; 12,000 / 20 h = 600 an hour, above: grow.
        m(3, "Easy", 1_200_000, 20 * 60, 0, 0.0),
        // 8%, small; 8,000 / 80 h = 100 an hour, below: let go? (Under an even share of the
        // hours, 80 h of 150 h, it would read grow.)
        m(4, "Cheap", 800_000, 80 * 60, 0, 0.0),
    ];
    let map = value_effort(&ms);
    assert_eq!(map.big_from, 0.25);
    let q: Vec<Quadrant> = map.points.iter().map(|p| p.quadrant).collect();
    assert_eq!(
        q,
        [
            Quadrant::WorthIt,
            Quadrant::Reprice,
            Quadrant::Grow,
            Quadrant::LetGo
        ]
    );
    let rates: Vec<f64> = map
        .points
        .iter()
        .map(|p| (p.relative_rate.unwrap() * 1000.0).round() / 1000.0)
        .collect();
    assert_eq!(rates, [1.5, 0.6, 3.6, 0.6]);
    assert_eq!(map.points[0].revenue_share, 0.5);
    assert!((map.points[0].hours_share - 1.0 / 3.0).abs() < 1e-12);

    // 2.00 over 2 h is 1.00 an hour. Exactly that rate earns it, and exactly an even share
    // (0.50 of 2.00) is big; a client without hours earns at least the rate.
    let even = vec![
        m(1, "A", 150, 90, 0, 0.0),
        m(2, "B", 50, 30, 0, 0.0),
        m(3, "C", 0, 0, 0, 0.0),
        m(4, "D", 0, 0, 0, 0.0),
    ];
    let map = value_effort(&even);
    let q: Vec<Quadrant> = map.points.iter().map(|p| p.quadrant).collect();
    assert_eq!(
        q,
        [
            Quadrant::WorthIt,
            Quadrant::WorthIt,
            Quadrant::Grow,
            Quadrant::Grow
        ]
    );
    assert_eq!(map.points[2].relative_rate, None);
    assert!(value_effort(&[]).points.is_empty());
}

#[test]
fn measures_come_from_the_window_and_stress_is_weighted() {
    let ev = RawEvents {
        tickets: vec![
            ticket("2025-07-01", TicketKind::Incident, true, 1), // the window's first day
            ticket("2025-06-30", TicketKind::Incident, true, 1), // the day before
            ticket("2026-06-30", TicketKind::Admin, false, 0),
        ],
        time: vec![(d("2026-01-01"), 90)],
        incidents: vec![(d("2026-03-01"), IncidentKind::Abuse)],
        ..RawEvents::default()
    };
    let base = ClientFacts::new(ClientId(1), "Acme", ClientStatus::Active, 5, Cents(100_000));
    let mut f = ClientFacts::from_events(base, &ev);
    f.votes = vec![(2026, 2)];
    let p = PortfolioFacts {
        clients: vec![f],
        gut_check_years: vec![2026],
    };
    let ms = measures(&p, d("2026-06-30"), &ParetoRules::default());
    let c = &ms[0];
    assert_eq!(c.tickets, 2);
    assert_eq!(c.minutes, 90);
    // 2 tickets + 2 x 1 reopened + 3 x 1 escalation + 5 x 1 incident + 5 x 2 votes
    assert_eq!(c.stress, 2.0 + 2.0 + 3.0 + 5.0 + 10.0);
    // No invoices: MRR 1,000.00 x 12 x 365 / 365.
    assert!(c.revenue_from_mrr);
    assert_eq!(c.revenue_cents, 1_200_000);
    let with_invoices = RawEvents {
        invoices: vec![
            invoice("A", "2025-06-30", "2025-07-30", None, 50_000),
            invoice("B", "2025-07-01", "2025-07-31", None, 70_000),
        ],
        ..RawEvents::default()
    };
    let base = ClientFacts::new(
        ClientId(2),
        "Billed",
        ClientStatus::Active,
        5,
        Cents(100_000),
    );
    let p = PortfolioFacts {
        clients: vec![ClientFacts::from_events(base, &with_invoices)],
        gut_check_years: vec![],
    };
    let ms = measures(&p, d("2026-06-30"), &ParetoRules::default());
    assert_eq!(ms[0].revenue_cents, 70_000);
    assert!(!ms[0].revenue_from_mrr);
}

#[test]
fn only_active_clients_are_measured() {
    let client = |id, status| {
        let base = ClientFacts::new(ClientId(id), "C", status, 5, Cents(100_000));
        ClientFacts::from_events(base, &RawEvents::default())
    };
    let p = PortfolioFacts {
        clients: vec![
            client(1, ClientStatus::Former),
            client(2, ClientStatus::Prospect),
            client(3, ClientStatus::Active),
        ],
        gut_check_years: vec![],
    };
    let ms = measures(&p, d("2026-06-30"), &ParetoRules::default());
    assert_eq!(
        ms.iter().map(|m| m.client).collect::<Vec<_>>(),
        [ClientId(3)]
    );
}
