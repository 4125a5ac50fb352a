//! `rapport pareto` and `rapport whatif` on the real binary (guide R1, C1): a small portfolio
//! logged through the CLI, every number of the JSON worked out by hand below, the tables, the
//! options, bad input, and that neither command writes anything.

mod common;

use std::fs;
use std::path::PathBuf;

use serde_json::{Value, json};

use common::{Sandbox, refused, w};

// ---- the portfolio ---------------------------------------------------------------------------
//
// Today (RAPPORT_TODAY) is 2026-06-30 and the window W is 365 days: 2025-07-01 ..= 2026-06-30.
// Labour costs 40.00 an hour (the config file below). Six active clients, a prospect and a
// former client:
//
//   Anchor   MRR 400  invoices A0 2025-06-30 500.00 (the day before W), A1 2025-07-01
//                     3,000.00 (W's first day), A2 2026-06-30 1,000.00 (W's last day)
//                     time 2025-06-30 20h (before W), 2026-06-30 10h
//                     tickets 2025-06-30 (before W; escalated, reopened once), 2026-06-30
//                     incident security 2025-06-30 (before W); named in the 2025 gut check
//   Bravo    MRR 250  no invoices at all: revenue is 250.00 x 12 x 365 / 365 = 3,000.00
//                     time 2026-02-01 4h30 + 30m; no tickets; incident other 2026-03-03
//   Charlie  MRR 100  invoice C1 2026-06-15 1,000.00; time 2025-07-01 20h + 20h;
//                     tickets 2025-07-01 x 2
//   delta    MRR 100  invoice D1 2026-01-15 1,000.00; time 2026-03-10 20h, 2026-06-10 20h
//                     tickets 2026-01-20 x 2 (one reopened twice), 2026-06-05 x 2 (the last
//                     escalated with `log escalation`); incident abuse 2026-06-06;
//                     named by Sanne and Joris in the 2026 gut check
//   Echo     MRR 100  invoice E1 2025-12-01 1,000.00; time 2026-04-01 1:30 + 3.5h;
//                     ticket 2026-05-01; named by Sanne in 2026
//   Foxtrot  MRR 500  invoice F0 2025-06-30 800.00 (before W: it has invoices, so no MRR
//                     fallback, and 0 revenue in W); tickets 2026-06-20 x 2; no time
//   Prospero prospect, MRR 2,000, a ticket and 2h on 2026-06-01: not measured
//   Zulu     former, MRR 3,000, invoice 5,000.00 and 20h on 2026-03-01: not measured
//
// Over W, with the default stress weights (ticket 1, reopened 2, escalation 3, incident 5,
// staff vote 5; the latest gut check on or before 2026 is 2026's):
//
//   client    revenue   hours  tickets  stress
//   Anchor   4,000.00     10        1   1                       (A1 + A2; 1 ticket)
//   Bravo    3,000.00      5        0   5                       (the incident)
//   Charlie  1,000.00     40        2   2
//   delta    1,000.00     40        4   4 + 2 + 3 + 5 + 2 x 5 = 24
//   Echo     1,000.00      5        1   1 + 5 = 6
//   Foxtrot         0      0        2   2
//   total   10,000.00    100       10   40

/// Labour at 40.00 an hour.
const COSTS: &str = "[costs]\nhourly_labour_cost = 40\n";

fn config(sb: &Sandbox) -> PathBuf {
    sb.path("config.toml")
}

/// The portfolio above, with the config file written next to the database.
fn portfolio() -> Sandbox {
    let sb = Sandbox::new();
    fs::write(config(&sb), COSTS).unwrap();
    for (name, mrr, status) in [
        ("Anchor", "400", "active"),
        ("Bravo", "250", "active"),
        ("Charlie", "100", "active"),
        ("delta", "100", "active"),
        ("Echo", "100", "active"),
        ("Foxtrot", "500", "active"),
        ("Prospero", "2000", "prospect"),
        ("Zulu", "3000", "former"),
    ] {
        sb.ok(&w(&format!(
            "client add --name {name} --mrr {mrr} --status {status}"
        )));
    }
    for (client, number, issued, amount) in [
        ("Anchor", "A0", "2025-06-30", "500"),
        ("Anchor", "A1", "2025-07-01", "3,000"),
        ("Anchor", "A2", "2026-06-30", "1000"),
        ("Charlie", "C1", "2026-06-15", "1000"),
        ("delta", "D1", "2026-01-15", "1000"),
        ("Echo", "E1", "2025-12-01", "1000"),
        ("Foxtrot", "F0", "2025-06-30", "800"),
        ("Zulu", "Z1", "2026-03-01", "5000"),
    ] {
        sb.ok(&w(&format!(
            "log invoice --client {client} --number {number} --issued {issued} --amount {amount}"
        )));
    }
    for (client, date, duration) in [
        ("Anchor", "2025-06-30", "20h"),
        ("Anchor", "2026-06-30", "10h"),
        ("Bravo", "2026-02-01", "4h30"),
        ("Bravo", "2026-02-01", "30m"),
        ("Charlie", "2025-07-01", "20h"),
        ("Charlie", "2025-07-01", "20h"),
        ("delta", "2026-03-10", "20h"),
        ("delta", "2026-06-10", "20h"),
        ("Echo", "2026-04-01", "1:30"),
        ("Echo", "2026-04-01", "3.5h"),
        ("Prospero", "2026-06-01", "2h"),
        ("Zulu", "2026-03-01", "20h"),
    ] {
        sb.ok(&w(&format!(
            "log time --client {client} --date {date} --duration {duration}"
        )));
    }
    for (client, opened, extra) in [
        ("Anchor", "2025-06-30", "--escalated --reopens 1"),
        ("Anchor", "2026-06-30", ""),
        ("Charlie", "2025-07-01", ""),
        ("Charlie", "2025-07-01", ""),
        ("delta", "2026-01-20", "--reopens 2"),
        ("delta", "2026-01-20", ""),
        ("delta", "2026-06-05", ""),
        ("delta", "2026-06-05", ""),
        ("Echo", "2026-05-01", ""),
        ("Foxtrot", "2026-06-20", ""),
        ("Foxtrot", "2026-06-20", ""),
        ("Prospero", "2026-06-01", "--escalated"),
    ] {
        sb.ok(&w(&format!(
            "log ticket --client {client} --opened {opened} {extra}"
        )));
    }
    sb.ok(&w("log escalation --client delta")); // the latest ticket, of 2026-06-05
    for (client, kind, date) in [
        ("Anchor", "security", "2025-06-30"),
        ("Bravo", "other", "2026-03-03"),
        ("delta", "abuse", "2026-06-06"),
    ] {
        sb.ok(&w(&format!(
            "log incident --client {client} --kind {kind} --date {date}"
        )));
    }
    sb.ok(&w("vote --year 2025 --staff Sanne Anchor"));
    sb.ok(&w("vote --year 2026 --staff Sanne delta Echo"));
    sb.ok(&w("vote --year 2026 --staff Joris delta"));
    sb
}

/// `rapport --config CONFIG WORDS` in the sandbox, expecting success; stdout.
fn run(sb: &Sandbox, words: &str) -> String {
    let cfg = config(sb);
    let mut all = vec!["--config", cfg.to_str().unwrap()];
    all.extend(w(words));
    sb.ok(&all)
}

/// `rapport pareto --json ARGS`, parsed.
fn pareto(sb: &Sandbox, args: &str) -> Value {
    let out = run(sb, &format!("pareto --json {args}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// `rapport whatif --json ARGS`, parsed.
fn whatif(sb: &Sandbox, args: &str) -> Value {
    let out = run(sb, &format!("whatif --json {args}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// `v` is a number within 1e-9 of `want`.
#[track_caller]
fn near(v: &Value, want: f64) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected a number near {want}, got {v}"));
    assert!((got - want).abs() <= 1e-9, "expected {want}, got {got}");
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("expected an object, got {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

const DOC_KEYS: &[&str] = &[
    "as_of",
    "by",
    "clients",
    "headline",
    "top5_share",
    "top_client_share",
    "total",
    "vital_few_count",
    "vital_few_share_of_clients",
    "window_days",
];
const ROW_KEYS: &[&str] = &[
    "client",
    "cumulative_share",
    "r1_candidate",
    "share",
    "value",
    "vital_few",
];

/// What a pareto document must say: its header fields, then one (client, value, share,
/// cumulative share, vital few) per row, in order.
struct Want<'a> {
    by: &'a str,
    as_of: &'a str,
    window_days: u32,
    total: f64,
    vital_few_count: u64,
    vital_few_share_of_clients: f64,
    top_client_share: f64,
    top5_share: f64,
    headline: &'a str,
    rows: &'a [(&'a str, f64, f64, f64, bool)],
}

/// Every field of a pareto document, one by one.
#[track_caller]
fn check(doc: &Value, want: &Want) {
    assert_eq!(keys(doc), DOC_KEYS, "{doc:#}");
    assert_eq!(doc["by"], want.by);
    assert_eq!(doc["as_of"], want.as_of);
    assert_eq!(doc["window_days"], want.window_days);
    near(&doc["total"], want.total);
    assert_eq!(doc["vital_few_count"], want.vital_few_count);
    near(
        &doc["vital_few_share_of_clients"],
        want.vital_few_share_of_clients,
    );
    near(&doc["top_client_share"], want.top_client_share);
    near(&doc["top5_share"], want.top5_share);
    assert_eq!(doc["headline"], want.headline);
    let rows = doc["clients"].as_array().expect("a clients array");
    let names: Vec<&str> = rows.iter().map(|r| r["client"].as_str().unwrap()).collect();
    let wanted: Vec<&str> = want.rows.iter().map(|r| r.0).collect();
    assert_eq!(names, wanted, "the ranking");
    for (row, (name, value, share, cumulative, vital)) in rows.iter().zip(want.rows) {
        assert_eq!(keys(row), ROW_KEYS, "{row}");
        assert_eq!(row["client"], *name);
        near(&row["value"], *value);
        near(&row["share"], *share);
        near(&row["cumulative_share"], *cumulative);
        assert_eq!(row["vital_few"], *vital, "vital_few of {name}");
    }
}

/// Rows whose shares are fractions of `total`: (client, value, the running total of the
/// values so far, vital few), for totals that do not divide evenly.
fn of_total<'a>(
    total: f64,
    rows: &[(&'a str, f64, f64, bool)],
) -> Vec<(&'a str, f64, f64, f64, bool)> {
    rows.iter()
        .map(|&(name, value, running, vital)| (name, value, value / total, running / total, vital))
        .collect()
}

// ---- rapport pareto --json -------------------------------------------------------------------

#[test]
fn revenue_ranks_invoices_in_the_window_and_the_mrr_of_a_client_without_any() {
    let sb = portfolio();
    // Revenue in cents. Anchor A1 + A2 (its A0 is the day before W), Bravo's MRR fallback,
    // then the three at 1,000.00 by name in any case (Charlie, delta, Echo), then Foxtrot
    // with nothing in W. 40% + 30% = 70% falls short; Charlie reaches 80% exactly and is the
    // last of the vital few. Prospero and Zulu are not measured.
    let doc = pareto(&sb, "");
    check(
        &doc,
        &Want {
            by: "revenue",
            as_of: "2026-06-30",
            window_days: 365,
            total: 1_000_000.0,
            vital_few_count: 3,
            vital_few_share_of_clients: 0.5,
            top_client_share: 0.4,
            top5_share: 1.0,
            headline: "3 of 6 clients (50%) bring 80% of the revenue",
            rows: &[
                ("Anchor", 400_000.0, 0.4, 0.4, true),
                ("Bravo", 300_000.0, 0.3, 0.7, true),
                ("Charlie", 100_000.0, 0.1, 0.8, true),
                ("delta", 100_000.0, 0.1, 0.9, false),
                ("Echo", 100_000.0, 0.1, 1.0, false),
                ("Foxtrot", 0.0, 0.0, 1.0, false),
            ],
        },
    );
    // --by revenue is the default.
    assert_eq!(pareto(&sb, "--by revenue"), doc);
}

#[test]
fn hours_rank_the_time_worked_in_the_window() {
    let sb = portfolio();
    // Charlie's 40 h on W's first day and delta's 40 h tie: by name. 40% + 40% reaches 80%
    // exactly: two of six. Anchor's 20 h of 2025-06-30 fall outside W; Bravo's 4h30 + 30m
    // and Echo's 1:30 + 3.5h are 5 h each, by name; Foxtrot worked nothing.
    check(
        &pareto(&sb, "--by hours"),
        &Want {
            by: "hours",
            as_of: "2026-06-30",
            window_days: 365,
            total: 100.0,
            vital_few_count: 2,
            vital_few_share_of_clients: 2.0 / 6.0,
            top_client_share: 0.4,
            top5_share: 1.0,
            headline: "2 of 6 clients (33%) take 80% of the hours",
            rows: &[
                ("Charlie", 40.0, 0.4, 0.4, true),
                ("delta", 40.0, 0.4, 0.8, true),
                ("Anchor", 10.0, 0.1, 0.9, false),
                ("Bravo", 5.0, 0.05, 0.95, false),
                ("Echo", 5.0, 0.05, 1.0, false),
                ("Foxtrot", 0.0, 0.0, 1.0, false),
            ],
        },
    );
}

#[test]
fn tickets_count_those_opened_in_the_window() {
    let sb = portfolio();
    // delta 4; Charlie (W's first day) and Foxtrot 2 each, by name: 40 + 20 + 20 = 80%
    // exactly; Anchor (W's last day, not its ticket of the day before W) and Echo 1 each;
    // Bravo none.
    check(
        &pareto(&sb, "--by tickets"),
        &Want {
            by: "tickets",
            as_of: "2026-06-30",
            window_days: 365,
            total: 10.0,
            vital_few_count: 3,
            vital_few_share_of_clients: 0.5,
            top_client_share: 0.4,
            top5_share: 1.0,
            headline: "3 of 6 clients (50%) open 80% of the tickets",
            rows: &[
                ("delta", 4.0, 0.4, 0.4, true),
                ("Charlie", 2.0, 0.2, 0.6, true),
                ("Foxtrot", 2.0, 0.2, 0.8, true),
                ("Anchor", 1.0, 0.1, 0.9, false),
                ("Echo", 1.0, 0.1, 1.0, false),
                ("Bravo", 0.0, 0.0, 1.0, false),
            ],
        },
    );
}

#[test]
fn stress_weighs_tickets_reopens_escalations_incidents_and_staff_votes() {
    let sb = portfolio();
    // delta: 4 tickets + 2 x 1 reopened (one ticket, reopened twice, counts once) + 3 x 1
    // escalated + 5 x 1 incident + 5 x 2 staff votes = 24. Echo 1 + 5 x 1 vote = 6. Bravo
    // 5 x 1 incident = 5. Charlie and Foxtrot 2 tickets each, by name. Anchor 1: its
    // escalated, reopened ticket and its security incident are from the day before W, and
    // its vote is from 2025, not the latest gut check. Total 40.
    // 60% + 15% = 75% falls short, Bravo passes 80% (87.5%): three of six. Every client has
    // some stress, so the top five carry 39 of 40.
    check(
        &pareto(&sb, "--by stress"),
        &Want {
            by: "stress",
            as_of: "2026-06-30",
            window_days: 365,
            total: 40.0,
            vital_few_count: 3,
            vital_few_share_of_clients: 0.5,
            top_client_share: 0.6,
            top5_share: 39.0 / 40.0,
            headline: "3 of 6 clients (50%) cause 80% of the stress",
            rows: &[
                ("delta", 24.0, 0.6, 0.6, true),
                ("Echo", 6.0, 0.15, 0.75, true),
                ("Bravo", 5.0, 0.125, 0.875, true),
                ("Charlie", 2.0, 0.05, 0.925, false),
                ("Foxtrot", 2.0, 0.05, 0.975, false),
                ("Anchor", 1.0, 0.025, 1.0, false),
            ],
        },
    );
}

#[test]
fn a_shorter_window_measures_only_its_days() {
    let sb = portfolio();
    // W = 2026-06-01 ..= 06-30. Revenue: Anchor A2 and Charlie C1, 1,000.00 each (by name);
    // Bravo, without invoices, 250.00 x 12 x 30 / 365 = 246.575 -> 24,657 cents (rounded
    // down); delta, Echo and Foxtrot have invoices, none in W. Total 224,657.
    let total = 224_657.0;
    check(
        &pareto(&sb, "--window 30"),
        &Want {
            by: "revenue",
            as_of: "2026-06-30",
            window_days: 30,
            total,
            vital_few_count: 2,
            vital_few_share_of_clients: 2.0 / 6.0,
            top_client_share: 100_000.0 / total,
            top5_share: 1.0,
            headline: "2 of 6 clients (33%) bring 80% of the revenue",
            rows: &of_total(
                total,
                &[
                    ("Anchor", 100_000.0, 100_000.0, true),
                    ("Charlie", 100_000.0, 200_000.0, true),
                    ("Bravo", 24_657.0, 224_657.0, false),
                    ("delta", 0.0, 224_657.0, false),
                    ("Echo", 0.0, 224_657.0, false),
                    ("Foxtrot", 0.0, 224_657.0, false),
                ],
            ),
        },
    );
    // Stress in W: delta 2 tickets (06-05) + 3 x 1 escalated + 5 x 1 incident (06-06) + 10
    // for the votes (the gut check does not depend on the window) = 20, its reopened ticket
    // is from January; Echo 5 (its vote); Foxtrot 2; Anchor 1; Bravo and Charlie nothing.
    // 20 / 28 = 71.4% falls short, Echo's 25 / 28 = 89.3% passes.
    check(
        &pareto(&sb, "--window 30 --by stress"),
        &Want {
            by: "stress",
            as_of: "2026-06-30",
            window_days: 30,
            total: 28.0,
            vital_few_count: 2,
            vital_few_share_of_clients: 2.0 / 6.0,
            top_client_share: 20.0 / 28.0,
            top5_share: 1.0,
            headline: "2 of 6 clients (33%) cause 80% of the stress",
            rows: &[
                ("delta", 20.0, 20.0 / 28.0, 20.0 / 28.0, true),
                ("Echo", 5.0, 5.0 / 28.0, 25.0 / 28.0, true),
                ("Foxtrot", 2.0, 2.0 / 28.0, 27.0 / 28.0, false),
                ("Anchor", 1.0, 1.0 / 28.0, 1.0, false),
                ("Bravo", 0.0, 0.0, 1.0, false),
                ("Charlie", 0.0, 0.0, 1.0, false),
            ],
        },
    );
    // Hours and tickets in W: Anchor's 10 h and ticket of 06-30, delta's 20 h of 06-10 and
    // two tickets of 06-05, Foxtrot's two tickets of 06-20.
    let hours = pareto(&sb, "--window 30 --by hours");
    let values: Vec<(&str, f64)> = hours["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["client"].as_str().unwrap(), r["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        values,
        [
            ("delta", 20.0),
            ("Anchor", 10.0),
            ("Bravo", 0.0),
            ("Charlie", 0.0),
            ("Echo", 0.0),
            ("Foxtrot", 0.0)
        ]
    );
    let tickets = pareto(&sb, "--window 30 --by tickets");
    near(&tickets["total"], 5.0);
    assert_eq!(
        tickets["headline"],
        "2 of 6 clients (33%) open 80% of the tickets"
    );
    // The config's window_days is the default the option overrides.
    fs::write(config(&sb), format!("{COSTS}[pareto]\nwindow_days = 30\n")).unwrap();
    assert_eq!(
        pareto(&sb, "--by stress"),
        pareto(&sb, "--by stress --window 30")
    );
    assert_eq!(pareto(&sb, "--by stress")["window_days"], 30);
}

#[test]
fn a_day_earlier_moves_both_edges_of_the_window() {
    let sb = portfolio();
    // --as-of 2026-06-29: W = 2025-06-30 ..= 2026-06-29. What happened on 2025-06-30 is in,
    // what happened on 2026-06-30 is out.
    // Revenue: Anchor A0 + A1 = 3,500.00; Bravo 3,000.00; Charlie, delta, Echo 1,000.00;
    // Foxtrot's F0 800.00. Total 10,300.00. 3,500 + 3,000 = 6,500 (63.1%), + 1,000 (72.8%),
    // + 1,000 = 8,500 (82.5%): four of six.
    let total = 1_030_000.0;
    check(
        &pareto(&sb, "--as-of 2026-06-29"),
        &Want {
            by: "revenue",
            as_of: "2026-06-29",
            window_days: 365,
            total,
            vital_few_count: 4,
            vital_few_share_of_clients: 4.0 / 6.0,
            top_client_share: 350_000.0 / total,
            top5_share: 950_000.0 / total, // all but Foxtrot
            headline: "4 of 6 clients (67%) bring 80% of the revenue",
            rows: &of_total(
                total,
                &[
                    ("Anchor", 350_000.0, 350_000.0, true),
                    ("Bravo", 300_000.0, 650_000.0, true),
                    ("Charlie", 100_000.0, 750_000.0, true),
                    ("delta", 100_000.0, 850_000.0, true),
                    ("Echo", 100_000.0, 950_000.0, false),
                    ("Foxtrot", 80_000.0, 1_030_000.0, false),
                ],
            ),
        },
    );
    // Stress: Anchor's ticket of 2025-06-30 (1 + 2 reopened + 3 escalated) and its security
    // incident (5) are in, its ticket of 06-30 out: 11. The latest gut check on or before
    // 2026 is still 2026's, so its 2025 vote does not count. The others as on 06-30.
    // Total 24 + 11 + 6 + 5 + 2 + 2 = 50: 48%, 70%, 82%: three of six.
    check(
        &pareto(&sb, "--as-of 2026-06-29 --by stress"),
        &Want {
            by: "stress",
            as_of: "2026-06-29",
            window_days: 365,
            total: 50.0,
            vital_few_count: 3,
            vital_few_share_of_clients: 0.5,
            top_client_share: 0.48,
            top5_share: 48.0 / 50.0,
            headline: "3 of 6 clients (50%) cause 80% of the stress",
            rows: &[
                ("delta", 24.0, 0.48, 0.48, true),
                ("Anchor", 11.0, 0.22, 0.7, true),
                ("Echo", 6.0, 0.12, 0.82, true),
                ("Bravo", 5.0, 0.1, 0.92, false),
                ("Charlie", 2.0, 0.04, 0.96, false),
                ("Foxtrot", 2.0, 0.04, 1.0, false),
            ],
        },
    );
    // Hours: Anchor's 20 h of 2025-06-30 in, its 10 h of 06-30 out: 110 h in all.
    let hours = pareto(&sb, "--as-of 2026-06-29 --by hours");
    near(&hours["total"], 110.0);
    assert_eq!(hours["clients"][2]["client"], "Anchor");
    near(&hours["clients"][2]["value"], 20.0);
}

#[test]
fn before_any_invoice_every_client_is_measured_by_its_mrr() {
    let sb = portfolio();
    // On 2025-06-29 no invoice had been issued yet, so every client's revenue is its MRR x
    // 12 (x 365 / 365): Foxtrot 6,000, Anchor 4,800, Bravo 3,000, then Charlie, delta and
    // Echo 1,200 each by name. Total 17,400: 34.5%, 62.1%, 79.3% falls just short, Charlie
    // passes at 86.2%.
    let total = 1_740_000.0;
    check(
        &pareto(&sb, "--as-of 2025-06-29"),
        &Want {
            by: "revenue",
            as_of: "2025-06-29",
            window_days: 365,
            total,
            vital_few_count: 4,
            vital_few_share_of_clients: 4.0 / 6.0,
            top_client_share: 600_000.0 / total,
            top5_share: 1_620_000.0 / total,
            headline: "4 of 6 clients (67%) bring 80% of the revenue",
            rows: &of_total(
                total,
                &[
                    ("Foxtrot", 600_000.0, 600_000.0, true),
                    ("Anchor", 480_000.0, 1_080_000.0, true),
                    ("Bravo", 300_000.0, 1_380_000.0, true),
                    ("Charlie", 120_000.0, 1_500_000.0, true),
                    ("delta", 120_000.0, 1_620_000.0, false),
                    ("Echo", 120_000.0, 1_740_000.0, false),
                ],
            ),
        },
    );
    // And in 2025 the latest gut check is 2025's: Anchor's vote counts (5), delta's and
    // Echo's of 2026 do not. Nothing else had happened yet.
    let stress = pareto(&sb, "--as-of 2025-06-29 --by stress");
    near(&stress["total"], 5.0);
    assert_eq!(stress["clients"][0]["client"], "Anchor");
    near(&stress["clients"][0]["value"], 5.0);
    assert_eq!(
        stress["headline"],
        "1 of 6 clients (17%) causes 80% of the stress"
    );
}

#[test]
fn prospects_and_former_clients_are_not_measured() {
    let sb = portfolio();
    for by in ["revenue", "hours", "tickets", "stress"] {
        let doc = pareto(&sb, &format!("--by {by}"));
        let rows = doc["clients"].as_array().unwrap();
        assert_eq!(rows.len(), 6, "{by}");
        assert!(
            rows.iter()
                .all(|r| r["client"] != "Prospero" && r["client"] != "Zulu"),
            "{by}: {doc:#}"
        );
        let table = run(&sb, &format!("pareto --by {by}"));
        assert!(
            !table.contains("Prospero") && !table.contains("Zulu"),
            "{table}"
        );
    }
    // Made active, Zulu's 5,000.00 and 20 h count; back to former, they are gone again.
    sb.ok(&w("client edit Zulu --status active"));
    let doc = pareto(&sb, "");
    assert_eq!(doc["clients"][0]["client"], "Zulu");
    near(&doc["total"], 1_500_000.0);
    sb.ok(&w("client edit Zulu --status former"));
    near(&pareto(&sb, "")["total"], 1_000_000.0);
}

#[test]
fn the_pareto_tables_of_the_config_tune_the_vital_few_the_warning_and_the_stress() {
    let sb = portfolio();
    fs::write(
        config(&sb),
        format!(
            "{COSTS}[pareto]\nvital_share = 0.7\nconcentration_warning = 0.5\n\
             [pareto.stress]\nticket = 0\nreopened = 0\nescalation = 0\nincident = 0\nstaff_vote = 1\n"
        ),
    )
    .unwrap();
    // 40% + 30% reaches 70% exactly: two of six.
    let doc = pareto(&sb, "");
    assert_eq!(doc["vital_few_count"], 2);
    assert_eq!(
        doc["headline"],
        "2 of 6 clients (33%) bring 70% of the revenue"
    );
    // Anchor's 40% is not above 50%: no warning.
    let table = run(&sb, "pareto");
    assert!(!table.contains("warning"), "{table}");
    assert!(
        table.contains(
            "\n2 of 6 clients (33%) bring 70% of the revenue (as of 2026-06-30, 365 days)\n"
        ),
        "{table}"
    );
    // Only the votes count: delta 2, Echo 1, the rest 0 (by name).
    let stress = pareto(&sb, "--by stress");
    near(&stress["total"], 3.0);
    let ranking: Vec<(&str, f64)> = stress["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["client"].as_str().unwrap(), r["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        ranking,
        [
            ("delta", 2.0),
            ("Echo", 1.0),
            ("Anchor", 0.0),
            ("Bravo", 0.0),
            ("Charlie", 0.0),
            ("Foxtrot", 0.0)
        ]
    );
}

// ---- rapport pareto, the table ---------------------------------------------------------------

#[test]
fn the_revenue_table_marks_the_vital_few_and_the_r1_candidates_and_warns_c1() {
    let sb = portfolio();
    // R1 candidates are in the vital few for stress (delta, Echo, Bravo) or hours (Charlie,
    // delta) but not for revenue (Anchor, Bravo, Charlie): delta and Echo. Anchor carries
    // 40% of revenue, above 25%: the C1 warning.
    let expected = "\
#  CLIENT   REVENUE  SHARE  CUMULATIVE
1  Anchor    €4,000  40.0%       40.0%  vital few
2  Bravo     €3,000  30.0%       70.0%  vital few
3  Charlie   €1,000  10.0%       80.0%  vital few
4  delta     €1,000  10.0%       90.0%  R1 candidate
5  Echo      €1,000  10.0%      100.0%  R1 candidate
6  Foxtrot       €0   0.0%      100.0%

3 of 6 clients (50%) bring 80% of the revenue (as of 2026-06-30, 365 days)
warning: Anchor carries 40% of revenue, above 25%: can you afford to lose them? (C1)
";
    let out = run(&sb, "pareto");
    assert_eq!(out, expected, "\n{out}");
    assert_eq!(run(&sb, "pareto --by revenue"), expected);
}

#[test]
fn the_other_tables_show_their_measure_and_no_c1_warning() {
    let sb = portfolio();
    let stress = "\
#  CLIENT   STRESS  SHARE  CUMULATIVE
1  delta        24  60.0%       60.0%  vital few, R1 candidate
2  Echo          6  15.0%       75.0%  vital few, R1 candidate
3  Bravo         5  12.5%       87.5%  vital few
4  Charlie       2   5.0%       92.5%
5  Foxtrot       2   5.0%       97.5%
6  Anchor        1   2.5%      100.0%

3 of 6 clients (50%) cause 80% of the stress (as of 2026-06-30, 365 days)
";
    let out = run(&sb, "pareto --by stress");
    assert_eq!(out, stress, "\n{out}");
    let hours = "\
#  CLIENT    HOURS  SHARE  CUMULATIVE
1  Charlie  40.0 h  40.0%       40.0%  vital few
2  delta    40.0 h  40.0%       80.0%  vital few, R1 candidate
3  Anchor   10.0 h  10.0%       90.0%
4  Bravo     5.0 h   5.0%       95.0%
5  Echo      5.0 h   5.0%      100.0%  R1 candidate
6  Foxtrot   0.0 h   0.0%      100.0%

2 of 6 clients (33%) take 80% of the hours (as of 2026-06-30, 365 days)
";
    let out = run(&sb, "pareto --by hours");
    assert_eq!(out, hours, "\n{out}");
    let out = run(&sb, "pareto --by tickets --window 30 --as-of 2026-06-29");
    // W = 2026-05-31 ..= 06-29: delta's two of 06-05 and Foxtrot's two of 06-20.
    let tickets = "\
#  CLIENT   TICKETS  SHARE  CUMULATIVE
1  delta          2  50.0%       50.0%  vital few, R1 candidate
2  Foxtrot        2  50.0%      100.0%  vital few
3  Anchor         0   0.0%      100.0%
4  Bravo          0   0.0%      100.0%
5  Charlie        0   0.0%      100.0%
6  Echo           0   0.0%      100.0%  R1 candidate

2 of 6 clients (33%) open 80% of the tickets (as of 2026-06-29, 30 days)
";
    assert_eq!(out, tickets, "\n{out}");
}

#[test]
fn a_portfolio_without_any_of_a_measure_says_so() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme --mrr 100"));
    sb.ok(&w("client add --name Globex"));
    let out = sb.ok(&w("pareto --by hours"));
    assert_eq!(
        out,
        "\
#  CLIENT  HOURS  SHARE  CUMULATIVE
1  Acme    0.0 h   0.0%        0.0%
2  Globex  0.0 h   0.0%        0.0%

none of 2 clients has any hours in this window (as of 2026-06-30, 365 days)
"
    );
    let doc: Value = serde_json::from_str(&sb.ok(&w("pareto --by hours --json"))).unwrap();
    assert_eq!(doc["vital_few_count"], 0);
    near(&doc["total"], 0.0);
    assert!(
        doc["clients"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["vital_few"] == false && r["share"] == 0.0)
    );
    // Acme's MRR is all the revenue: 100%, above 25%.
    let out = sb.ok(&w("pareto"));
    assert!(
        out.ends_with(
            "1 of 2 clients (50%) brings 80% of the revenue (as of 2026-06-30, 365 days)\n\
             warning: Acme carries 100% of revenue, above 25%: can you afford to lose them? (C1)\n"
        ),
        "{out}"
    );
}

#[test]
fn an_empty_database_has_nothing_to_rank() {
    let sb = Sandbox::new();
    sb.create_empty_db();
    assert_eq!(
        sb.ok(&w("pareto")),
        "no clients yet: add one with 'rapport client add --name NAME'\n"
    );
    let doc: Value = serde_json::from_str(&sb.ok(&w("pareto --json --by tickets"))).unwrap();
    assert_eq!(
        doc,
        json!({
            "by": "tickets",
            "as_of": "2026-06-30",
            "window_days": 365,
            "total": 0,
            "vital_few_count": 0,
            "vital_few_share_of_clients": 0.0,
            "top_client_share": 0.0,
            "top5_share": 0.0,
            "headline": "no clients yet",
            "clients": [],
        })
    );
    refused(
        &sb,
        &w("whatif --drop Acme"),
        2,
        &["no client named 'Acme'"],
    );
}

// ---- rapport whatif --------------------------------------------------------------------------

const TOTALS_KEYS: &[&str] = &[
    "clients",
    "effective_rate_cents",
    "hours",
    "labour_cost_cents",
    "largest_client_share",
    "margin_pct",
    "revenue_cents",
];

/// A before or after object as it must be; `None` means null.
struct Totals {
    clients: u64,
    revenue_cents: i64,
    hours: f64,
    labour_cost_cents: Option<i64>,
    margin_pct: Option<f64>,
    effective_rate_cents: Option<i64>,
    largest_client_share: Option<f64>,
}

/// Every field of a before or after object.
#[track_caller]
fn totals(t: &Value, want: Totals) {
    assert_eq!(keys(t), TOTALS_KEYS, "{t}");
    assert_eq!(t["clients"], want.clients, "{t}");
    assert_eq!(t["revenue_cents"], want.revenue_cents, "{t}");
    near(&t["hours"], want.hours);
    match want.labour_cost_cents {
        Some(c) => assert_eq!(t["labour_cost_cents"], c, "{t}"),
        None => assert_eq!(t["labour_cost_cents"], Value::Null, "{t}"),
    }
    match want.margin_pct {
        Some(m) => near(&t["margin_pct"], m),
        None => assert_eq!(t["margin_pct"], Value::Null, "{t}"),
    }
    assert_eq!(
        t["effective_rate_cents"],
        json!(want.effective_rate_cents),
        "{t}"
    );
    match want.largest_client_share {
        Some(s) => near(&t["largest_client_share"], s),
        None => assert_eq!(t["largest_client_share"], Value::Null, "{t}"),
    }
}

#[test]
fn whatif_shows_every_total_before_and_after_dropping_the_r1_candidates() {
    let sb = portfolio();
    // The names in any case, in any order, one twice: dropped in the ranking's name order.
    let doc = whatif(&sb, "--drop echo --drop DELTA --drop Echo");
    assert_eq!(
        keys(&doc),
        [
            "after",
            "as_of",
            "before",
            "dropped",
            "dropped_revenue_share",
            "window_days"
        ]
    );
    assert_eq!(doc["as_of"], "2026-06-30");
    assert_eq!(doc["window_days"], 365);
    assert_eq!(doc["dropped"], json!(["delta", "Echo"]));
    // delta and Echo bring 1,000.00 each of 10,000.00.
    near(&doc["dropped_revenue_share"], 0.2);
    // Before: six clients, 10,000.00 over 100 h; labour 100 h x 40.00 = 4,000.00; margin
    // (10,000 - 4,000) / 10,000 = 60%; 10,000.00 / 100 h = 100.00 an hour; Anchor 40%.
    totals(
        &doc["before"],
        Totals {
            clients: 6,
            revenue_cents: 1_000_000,
            hours: 100.0,
            labour_cost_cents: Some(400_000),
            margin_pct: Some(60.0),
            effective_rate_cents: Some(10_000),
            largest_client_share: Some(0.4),
        },
    );
    // After: four, 8,000.00 over 100 - 40 - 5 = 55 h; labour 55 x 40.00 = 2,200.00; margin
    // (8,000 - 2,200) / 8,000 = 72.5%; 8,000.00 / 55 h = 145.4545 -> 14,545 cents; Anchor
    // 4,000 / 8,000 = 50%.
    totals(
        &doc["after"],
        Totals {
            clients: 4,
            revenue_cents: 800_000,
            hours: 55.0,
            labour_cost_cents: Some(220_000),
            margin_pct: Some(72.5),
            effective_rate_cents: Some(14_545),
            largest_client_share: Some(0.5),
        },
    );
}

#[test]
fn whatif_measures_over_the_window_and_as_of_date_asked_for() {
    let sb = portfolio();
    // --window 30 (2026-06-01 ..= 06-30): revenue 224,657 cents (see the window test), hours
    // Anchor 10 + delta 20 = 30; labour 1,200.00; margin (224,657 - 120,000) / 224,657 =
    // 46.585%; 224,657 / 30 = 7,488.57 -> 7,489; Anchor and Charlie carry 100,000 each.
    // Dropping Bravo (its MRR share, 24,657) leaves 200,000 over the same 30 h.
    let doc = whatif(&sb, "--drop Bravo --window 30");
    assert_eq!(doc["window_days"], 30);
    assert_eq!(doc["dropped"], json!(["Bravo"]));
    near(&doc["dropped_revenue_share"], 24_657.0 / 224_657.0);
    totals(
        &doc["before"],
        Totals {
            clients: 6,
            revenue_cents: 224_657,
            hours: 30.0,
            labour_cost_cents: Some(120_000),
            margin_pct: Some((224_657.0 - 120_000.0) / 224_657.0 * 100.0),
            effective_rate_cents: Some(7_489),
            largest_client_share: Some(100_000.0 / 224_657.0),
        },
    );
    totals(
        &doc["after"],
        Totals {
            clients: 5,
            revenue_cents: 200_000,
            hours: 30.0,
            labour_cost_cents: Some(120_000),
            margin_pct: Some(40.0),
            effective_rate_cents: Some(6_667),
            largest_client_share: Some(0.5),
        },
    );
    // As of 2026-06-29 (365 days): revenue 10,300.00 over 110 h (see the as-of test); labour
    // 4,400.00. Dropping Anchor (3,500.00 and 20 h) leaves 6,800.00 over 90 h.
    let doc = whatif(&sb, "--drop Anchor --as-of 2026-06-29");
    assert_eq!(doc["as_of"], "2026-06-29");
    near(&doc["dropped_revenue_share"], 3_500.0 / 10_300.0);
    totals(
        &doc["before"],
        Totals {
            clients: 6,
            revenue_cents: 1_030_000,
            hours: 110.0,
            labour_cost_cents: Some(440_000),
            margin_pct: Some((10_300.0 - 4_400.0) / 10_300.0 * 100.0),
            effective_rate_cents: Some(9_364), // 10,300.00 / 110 h = 93.636
            largest_client_share: Some(3_500.0 / 10_300.0),
        },
    );
    totals(
        &doc["after"],
        Totals {
            clients: 5,
            revenue_cents: 680_000,
            hours: 90.0,
            labour_cost_cents: Some(360_000),
            margin_pct: Some((6_800.0 - 3_600.0) / 6_800.0 * 100.0),
            effective_rate_cents: Some(7_556), // 6,800.00 / 90 h = 75.556
            largest_client_share: Some(3_000.0 / 6_800.0),
        },
    );
}

#[test]
fn whatif_without_revenue_or_hours_left_has_no_margin_rate_or_largest_share() {
    let sb = portfolio();
    // Everyone but Foxtrot, which has no revenue and no hours in the window.
    let doc = whatif(
        &sb,
        "--drop Anchor --drop Bravo --drop Charlie --drop delta --drop Echo",
    );
    near(&doc["dropped_revenue_share"], 1.0);
    totals(
        &doc["after"],
        Totals {
            clients: 1,
            revenue_cents: 0,
            hours: 0.0,
            labour_cost_cents: Some(0),
            margin_pct: None,
            effective_rate_cents: None,
            largest_client_share: None,
        },
    );
    let out = run(
        &sb,
        "whatif --drop Anchor --drop Bravo --drop Charlie --drop delta --drop Echo",
    );
    let margin: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("margin"))
        .expect("a margin line")
        .split_whitespace()
        .collect();
    assert_eq!(margin, ["margin", "60.0%", "-", "-"], "{out}");
    // Without a labour cost the margin is unknown (not 100%): null.
    let plain = sb.ok(&w("whatif --drop delta --json"));
    let plain: Value = serde_json::from_str(&plain).unwrap();
    totals(
        &plain["before"],
        Totals {
            clients: 6,
            revenue_cents: 1_000_000,
            hours: 100.0,
            labour_cost_cents: None,
            margin_pct: None,
            effective_rate_cents: Some(10_000),
            largest_client_share: Some(0.4),
        },
    );
    // And the table says so for the labour cost as for the margin: "-", not €0.
    let out = sb.ok(&w("whatif --drop delta"));
    let cost: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("labour cost"))
        .expect("a labour cost line")
        .split_whitespace()
        .collect();
    assert_eq!(cost, ["labour", "cost", "-", "-", "-"], "{out}");
}

#[test]
fn the_whatif_table_shows_before_after_and_the_change() {
    let sb = portfolio();
    // Money whole, rounded: 145.45 an hour is €145, up €45. Margin +12.5 points; Anchor's
    // share up from 40% to 50%.
    let expected = "\
Dropping delta, Echo (20.0% of revenue), as of 2026-06-30 over 365 days:

                       BEFORE   AFTER   CHANGE
clients                     6       4       -2
revenue               €10,000  €8,000  -€2,000
hours                   100.0    55.0    -45.0
labour cost            €4,000  €2,200  -€1,800
margin                  60.0%   72.5%  +12.5pt
effective rate / h       €100    €145     +€45
largest client share    40.0%   50.0%  +10.0pt
";
    let out = run(&sb, "whatif --drop delta --drop Echo");
    assert_eq!(out, expected, "\n{out}");
}

// ---- bad input -------------------------------------------------------------------------------

#[test]
fn bad_options_are_refused_and_write_nothing() {
    let sb = portfolio();
    let cfg = config(&sb);
    let c = cfg.to_str().unwrap();
    let with_config = |words: &str| -> Vec<String> {
        ["--config", c]
            .into_iter()
            .map(String::from)
            .chain(w(words).into_iter().map(String::from))
            .collect()
    };
    for (words, code, expect) in [
        (
            "pareto --by profit",
            2,
            &["'profit'", "--by", "revenue", "hours", "tickets", "stress"][..],
        ),
        ("pareto --window 3", 2, &["'3'", "--window", "7..=3650"]),
        ("pareto --window 3651", 2, &["'3651'", "--window"]),
        ("pareto --window year", 2, &["year"]),
        (
            "pareto --as-of 2026-02-30",
            2,
            &["2026-02-30", "--as-of", "not a real calendar date"],
        ),
        ("pareto --json extra", 2, &["extra"]),
        ("whatif", 2, &["--drop"]),
        ("whatif --json", 2, &["--drop"]),
        ("whatif --drop", 2, &["--drop"]),
        ("whatif --drop Anchor --window 3", 2, &["'3'", "--window"]),
        (
            "whatif --drop Nobody",
            2,
            &["no client named 'Nobody'", "rapport client list"],
        ),
        (
            "whatif --drop Anchor --drop Nobody --json",
            2,
            &["no client named 'Nobody'"],
        ),
        (
            "whatif --drop zulu",
            2,
            &["'Zulu' is a former client", "drop a current one"],
        ),
        (
            "whatif --drop Prospero",
            2,
            &["'Prospero' is a prospect", "drop a current one"],
        ),
    ] {
        let args = with_config(words);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&sb, &args, code, expect);
    }
    // Bounds are allowed.
    run(&sb, "pareto --window 7");
    run(&sb, "pareto --window 3650");
}

#[test]
fn a_mistake_in_the_pareto_tables_names_the_line_and_the_key() {
    let sb = portfolio();
    let cfg = config(&sb);
    let p = cfg.to_str().unwrap();
    for (text, line, column, what) in [
        (
            "[pareto]\nwindow_days = 3\n",
            2,
            15,
            "pareto.window_days is 3: it must be a whole number from 7 to 3650",
        ),
        (
            "[pareto]\n\nvital_share = 1.5\n",
            3,
            15,
            "pareto.vital_share must be a number from 0.05 to 1",
        ),
        (
            "[pareto]\nconcentration_warning = -0.1\n",
            2,
            25,
            "pareto.concentration_warning must be a number from 0 to 1",
        ),
        (
            "[pareto.stress]\nticket = 1\nincident = \"five\"\n",
            3,
            12,
            "pareto.stress.incident",
        ),
        ("[pareto.stress]\nangry_emails = 3\n", 2, 1, "angry_emails"),
        ("[pareto]\nwindow = 30\n", 2, 1, "unknown field `window`"),
    ] {
        fs::write(&cfg, format!("{COSTS}{text}")).unwrap();
        // The costs table comes first: two lines.
        let place = format!("{p} line {}, column {column}: ", line + 2);
        for words in ["pareto", "whatif --drop Anchor"] {
            let mut args = vec!["--config", p];
            args.extend(w(words));
            let msg = refused(&sb, &args, 1, &[&place]);
            assert!(msg.contains(what), "{msg}");
        }
    }
}

#[test]
fn pareto_and_whatif_write_nothing() {
    let sb = portfolio();
    common::age(&sb.db);
    let before = common::folder_state(sb.dir.path());
    let rows = sb.dump();
    for args in [
        "pareto",
        "pareto --json",
        "pareto --by hours",
        "pareto --by tickets --json",
        "pareto --by stress --window 30",
        "pareto --as-of 2025-01-01 --json",
        "whatif --drop delta",
        "whatif --drop delta --drop Echo --json",
        "whatif --drop Anchor --as-of 2025-01-01 --window 30",
    ] {
        run(&sb, args);
    }
    assert_eq!(common::folder_state(sb.dir.path()), before);
    assert_eq!(sb.dump(), rows);
}

#[test]
fn help_names_the_options() {
    let sb = Sandbox::new();
    let out = sb.ok(&w("pareto --help"));
    for word in [
        "Usage: rapport pareto [OPTIONS]",
        "--by <BY>",
        "[possible values: revenue, hours, tickets, stress]",
        "--as-of <DATE>",
        "--window <DAYS>",
        "--json",
    ] {
        assert!(out.contains(word), "{word}: {out}");
    }
    let out = sb.ok(&w("whatif --help"));
    for word in [
        "Usage: rapport whatif [OPTIONS] --drop <NAME>",
        "A client to drop (repeat for more)",
        "--as-of <DATE>",
        "--window <DAYS>",
        "--json",
    ] {
        assert!(out.contains(word), "{word}: {out}");
    }
    assert!(!sb.db.exists(), "help creates no database");
}
