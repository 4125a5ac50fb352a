//! `rapport scorecard` and `rapport vote` on the real binary (guide O1, O2, D1-D5): a small
//! portfolio logged through the CLI, every number of its JSON worked out by hand below, the
//! table, the options, bad input, and the staff gut check.

mod common;

use std::fs;
use std::path::PathBuf;

use serde_json::{Value, json};

use common::{Sandbox, TODAY, column, fixture, refused, w};

// ---- the portfolio ---------------------------------------------------------------------------
//
// Today (RAPPORT_TODAY) is 2026-06-30 and the window W is 90 days: 2026-04-02 ..= 2026-06-30.
// A month is 30 days, so W is 3 months. Labour costs 50.00 an hour (the config file below).
//
// Acme: 10 seats, so a count n in W is n / 10 / 3 per seat per month. Its first evidence is
// invoice A, issued 2026-03-02: every trend point before that has no score.
//
//   tickets   2026-04-01  1  incident, escalated, reopened once       (the day before W)
//             2026-04-02  8  4 admin; incidents: 1 escalated, 1 reopened twice   (W's first day)
//             2026-05-15  8  4 admin; incidents: 1 escalated, 1 reopened once
//             2026-06-30  8  4 admin; incidents: 1 escalated later with `log escalation`,
//                            1 reopened later with `log reopen`              (W's last day)
//   invoices  A  issued 2026-03-02 due 04-01 paid 04-21  2,000.00  (before W; 20 days late)
//             B  issued 2026-04-02 due 05-02 paid 04-22  2,000.00  (20 days to pay, on time)
//             D  issued 2026-04-15 due 05-15 paid 05-25  2,000.00  disputed (40 days, 10 late)
//             C  issued 2026-05-01 due 05-31 unpaid      2,000.00  (60 days so far, late, and
//                                                                    exactly 30 days overdue)
//             E  issued 2026-06-10 due 07-10 unpaid      2,000.00  (not due yet)
//   time      2026-04-01 10h (before W); 2026-04-02 20h + 20h; 2026-06-30 20h + 20h + 20h
//   advice    3 implemented (made 03-10, decided 03-20); 1 ignored (made 05-01, decided
//             06-30); 1 open (made 06-01), which is not decided and counts for nothing
//   incidents other 03-15, security 04-10, abuse 05-20, unreasonable_demand 06-30
//   gut check Sanne names Acme in 2026
//
// Initech: 5 seats, one ticket on 2026-06-01; no invoices (so revenue is MRR x 90 / 30), no
// time, no advice. Globex: nothing at all. Hooli: a former client, 1 seat, one escalated
// ticket on 2026-06-01.

/// Labour at 50.00 an hour.
const COSTS: &str = "[costs]\nhourly_labour_cost = 50\n";

/// The portfolio above, with the config file written next to the database.
fn portfolio() -> Sandbox {
    let sb = Sandbox::new();
    fs::write(config(&sb), COSTS).unwrap();
    sb.ok(&w("client add --name Acme --seats 10 --mrr 2000"));
    sb.ok(&w("client add --name Initech --seats 5 --mrr 1500"));
    sb.ok(&w("client add --name Globex --seats 3 --mrr 1000"));
    sb.ok(&w("client add --name Hooli --seats 1 --status former"));

    let ticket = |opened: &str, extra: &str| {
        sb.ok(&w(&format!(
            "log ticket --client Acme --opened {opened} {extra}"
        )));
    };
    ticket("2026-04-01", "--escalated --reopens 1");
    for day in ["2026-04-02", "2026-05-15"] {
        for _ in 0..4 {
            ticket(day, "--kind admin");
        }
        ticket(day, "");
        ticket(day, "");
        ticket(day, "--escalated");
        ticket(
            day,
            if day == "2026-04-02" {
                "--reopens 2"
            } else {
                "--reopens 1"
            },
        );
    }
    for _ in 0..4 {
        ticket("2026-06-30", "--kind admin");
    }
    ticket("2026-06-30", "");
    ticket("2026-06-30", "");
    ticket("2026-06-30", "");
    sb.ok(&w("log escalation --client Acme")); // the latest ticket
    ticket("2026-06-30", "");
    sb.ok(&w("log reopen --client Acme")); // the latest ticket, the one just logged

    for (number, issued, due, paid, extra) in [
        ("A", "2026-03-02", "2026-04-01", Some("2026-04-21"), ""),
        ("B", "2026-04-02", "2026-05-02", Some("2026-04-22"), ""),
        (
            "D",
            "2026-04-15",
            "2026-05-15",
            Some("2026-05-25"),
            "--disputed",
        ),
        ("C", "2026-05-01", "2026-05-31", None, ""),
        ("E", "2026-06-10", "2026-07-10", None, ""),
    ] {
        let paid = paid.map_or(String::new(), |p| format!("--paid {p}"));
        sb.ok(&w(&format!(
            "log invoice --client Acme --amount 2000 --number {number} --issued {issued} --due {due} {paid} {extra}"
        )));
    }
    for (date, duration) in [
        ("2026-04-01", "10h"),
        ("2026-04-02", "20h"),
        ("2026-04-02", "20h"),
        ("2026-06-30", "20h"),
        ("2026-06-30", "20h"),
        ("2026-06-30", "20h"),
    ] {
        sb.ok(&w(&format!(
            "log time --client Acme --date {date} --duration {duration}"
        )));
    }
    for (title, made, status, decided) in [
        ("Backups", "2026-03-10", "implemented", "2026-03-20"),
        ("MFA", "2026-03-10", "implemented", "2026-03-20"),
        ("Firewall", "2026-03-10", "implemented", "2026-03-20"),
        ("Server", "2026-05-01", "ignored", "2026-06-30"),
    ] {
        sb.ok(&w(&format!(
            "log recommendation --client Acme --title {title} --made {made} --status {status} --decided {decided}"
        )));
    }
    sb.ok(&w(
        "log recommendation --client Acme --title Laptops --made 2026-06-01",
    ));
    for (kind, date) in [
        ("other", "2026-03-15"),
        ("security", "2026-04-10"),
        ("abuse", "2026-05-20"),
        ("unreasonable_demand", "2026-06-30"),
    ] {
        sb.ok(&w(&format!(
            "log incident --client Acme --kind {kind} --date {date}"
        )));
    }
    sb.ok(&w("vote --year 2026 --staff Sanne Acme"));

    sb.ok(&w("log ticket --client Initech --opened 2026-06-01"));
    sb.ok(&w(
        "log ticket --client Hooli --opened 2026-06-01 --escalated",
    ));
    sb
}

fn config(sb: &Sandbox) -> PathBuf {
    sb.path("config.toml")
}

/// `rapport scorecard --json ARGS` with the sandbox's config file, parsed.
fn scorecard(sb: &Sandbox, args: &str) -> Value {
    let cfg = config(sb);
    let mut all = vec!["scorecard", "--json", "--config", cfg.to_str().unwrap()];
    all.extend(w(args));
    let out = sb.ok(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// One client's object in a scorecard document.
fn card<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["clients"]
        .as_array()
        .expect("a clients array")
        .iter()
        .find(|c| c["client"] == name)
        .unwrap_or_else(|| panic!("no client {name} in {doc:#}"))
}

fn names(doc: &Value) -> Vec<&str> {
    doc["clients"]
        .as_array()
        .expect("a clients array")
        .iter()
        .map(|c| c["client"].as_str().expect("a name"))
        .collect()
}

/// `v` is a number within `tol` of `want`.
#[track_caller]
fn near(v: &Value, want: f64, tol: f64) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected a number near {want}, got {v}"));
    assert!(
        (got - want).abs() <= tol,
        "expected {want} (within {tol}), got {got}"
    );
}

/// A score as the JSON gives it: rounded down to one decimal, so never above its grade.
#[track_caller]
fn score(v: &Value, want: f64) {
    near(v, (want * 10.0 + 1e-9).floor() / 10.0, 1e-9);
}

/// A metric object: value, normalized, subscore (to 4 decimals) and weight. `None` for a
/// number means null.
#[track_caller]
fn metric(
    m: &Value,
    value: Option<f64>,
    normalized: Option<f64>,
    subscore: Option<f64>,
    weight: Option<f64>,
) {
    for (field, want) in [
        ("value", value),
        ("normalized", normalized),
        ("subscore", subscore),
        ("weight", weight),
    ] {
        match want {
            Some(x) => near(&m[field], x, 1e-4),
            None => assert_eq!(m[field], Value::Null, "{field} of {m}"),
        }
    }
}

/// A metric that is shown but not scored: its value, and null for the rest.
#[track_caller]
fn shown(m: &Value, value: Value) {
    assert_eq!(
        m,
        &json!({"value": value, "normalized": null, "subscore": null, "weight": null})
    );
}

/// The keys of a client's object and of its metrics, as the issue names them.
const CARD_KEYS: &[&str] = &[
    "alert",
    "band",
    "change",
    "client",
    "flag_evidence",
    "flags",
    "grade",
    "metrics",
    "no_score",
    "reasons",
    "revenue_from_mrr",
    "score",
    "trend",
];
const METRIC_KEYS: &[&str] = &[
    "tickets_opened",
    "tickets_reopened",
    "reopen_rate",
    "admin_requests",
    "escalations",
    "disputed_invoices",
    "avg_days_to_pay",
    "late_payments",
    "revenue_cents",
    "hours",
    "margin_pct",
    "effective_rate_cents",
    "implemented_recommendations",
    "ignored_recommendations",
    "ignored_ratio",
    "incidents",
    "staff_votes",
];

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

fn sorted(k: &[&'static str]) -> Vec<&'static str> {
    let mut k = k.to_vec();
    k.sort_unstable();
    k
}

/// A trend of 12 points: `None` for null, else the score to one decimal.
#[track_caller]
fn trend(v: &Value, want: [Option<f64>; 12]) {
    let got = v.as_array().unwrap_or_else(|| panic!("a trend array: {v}"));
    assert_eq!(got.len(), 12, "{v}");
    for (g, w) in got.iter().zip(want) {
        match w {
            Some(x) => score(g, x),
            None => assert_eq!(g, &Value::Null, "trend {v}"),
        }
    }
}

#[test]
fn every_field_of_a_hand_computed_scorecard() {
    let sb = portfolio();
    let doc = scorecard(&sb, "");
    assert_eq!(doc["as_of"], "2026-06-30");
    assert_eq!(doc["window_days"], 90);
    assert_eq!(keys(&doc), ["as_of", "clients", "window_days"]);
    let acme = card(&doc, "Acme");
    assert_eq!(keys(acme), sorted(CARD_KEYS));
    assert_eq!(keys(&acme["metrics"]), sorted(METRIC_KEYS));
    let m = &acme["metrics"];

    // Tickets opened in W: 8 on 04-02, 8 on 05-15, 8 on 06-30 (not the one on 04-01).
    // 24 / 10 seats / 3 months = 0.8 per seat per month; good 0.5, bad 2.0:
    // (2.0 - 0.8) / 1.5 = 80.
    metric(
        &m["tickets_opened"],
        Some(24.0),
        Some(0.8),
        Some(80.0),
        Some(1.0),
    );
    // Reopened: one on each day of W (the 06-30 one through `log reopen`). 3 / 24 = 0.125;
    // good 0.05, bad 0.25: (0.25 - 0.125) / 0.2 = 62.5.
    shown(&m["tickets_reopened"], json!(3));
    metric(
        &m["reopen_rate"],
        Some(0.125),
        Some(0.125),
        Some(62.5),
        Some(1.0),
    );
    // Admin: 4 a day, 12; 12 / 10 / 3 = 0.4; good 0.2, bad 1.0: (1.0 - 0.4) / 0.8 = 75.
    metric(
        &m["admin_requests"],
        Some(12.0),
        Some(0.4),
        Some(75.0),
        Some(1.0),
    );
    // Escalated: one a day (the 06-30 one through `log escalation`), 3 / 3 months = 1.0 a
    // month; good 0, bad 2: (2 - 1) / 2 = 50.
    metric(
        &m["escalations"],
        Some(3.0),
        Some(1.0),
        Some(50.0),
        Some(1.5),
    );
    // Invoices issued in W: B, D, C, E (A is from before). D is disputed: 1; good 0, bad 2: 50.
    metric(
        &m["disputed_invoices"],
        Some(1.0),
        Some(1.0),
        Some(50.0),
        Some(1.0),
    );
    // Days to pay: B 20 (04-02 to 04-22), D 40 (04-15 to 05-25), C unpaid and past due:
    // 60 so far (05-01 to 06-30); E is not due yet and left out. (20 + 40 + 60) / 3 = 40;
    // good 20, bad 45: (45 - 40) / 25 = 20.
    metric(
        &m["avg_days_to_pay"],
        Some(40.0),
        Some(40.0),
        Some(20.0),
        Some(2.0),
    );
    // Late among W's invoices: D (paid 10 days after its due date) and C (unpaid, due 05-31).
    shown(&m["late_payments"], json!(2));
    // Revenue: B + D + C + E = 4 x 2,000.00.
    shown(&m["revenue_cents"], json!(800_000));
    // Hours in W: 20 + 20 on 04-02, 3 x 20 on 06-30 = 100 (not the 10 on 04-01).
    shown(&m["hours"], json!(100.0));
    // Margin: (8,000 - 100 h x 50) / 8,000 = 37.5%; good 50, bad 10: (37.5 - 10) / 40 = 68.75.
    metric(
        &m["margin_pct"],
        Some(37.5),
        Some(37.5),
        Some(68.75),
        Some(2.0),
    );
    // Effective rate: 8,000.00 / 100 h = 80.00 an hour.
    shown(&m["effective_rate_cents"], json!(8_000));
    // Advice decided in the 365 days: 3 implemented, 1 ignored (the open one counts for
    // nothing). 1 / 4 = 0.25; good 0.1, bad 0.6: (0.6 - 0.25) / 0.5 = 70.
    shown(&m["implemented_recommendations"], json!(3));
    shown(&m["ignored_recommendations"], json!(1));
    metric(
        &m["ignored_ratio"],
        Some(0.25),
        Some(0.25),
        Some(70.0),
        Some(1.5),
    );
    shown(
        &m["incidents"],
        json!({"abuse": 1, "disrespect": 0, "security": 1, "unreasonable_demand": 1, "other": 1}),
    );
    // One staff member named Acme in 2026; good 0, bad 2: 50.
    metric(
        &m["staff_votes"],
        Some(1.0),
        Some(1.0),
        Some(50.0),
        Some(1.0),
    );

    // The score: sub-scores times weights, over the sum of the weights (12):
    // (80 + 62.5 + 75 + 1.5 x 50 + 50 + 2 x 20 + 2 x 68.75 + 1.5 x 70 + 50) / 12
    // = 675 / 12 = 56.25: grade C (55 and up), band amber (50 and up).
    score(&acme["score"], 56.25);
    assert_eq!(acme["grade"], "C");
    assert_eq!(acme["band"], "amber");
    assert_eq!(acme["revenue_from_mrr"], false);

    // D1: the abuse incident. D5: three late payments among invoices due in the last 180
    // days (A, D, C), and C is exactly 30 days overdue, which is not yet "more than 30".
    // Not D2 (1 of 4 ignored), D3 (1 security incident of 2), D4 (1 demand of 2).
    assert_eq!(acme["flags"], json!(["D1", "D5"]));
    assert_eq!(
        acme["flag_evidence"],
        json!({
            "D1": ["2026-05-20 abuse incident"],
            "D5": [
                "2026-04-21 invoice A paid 20 days late",
                "2026-05-25 invoice D paid 10 days late",
                "2026-05-31 invoice C due, still unpaid",
            ],
        })
    );

    // The trend: month-ends 2025-07-31 .. 2026-05-31, then today. Nothing before invoice A
    // (2026-03-02), so 8 nulls.
    // 2026-03-31, W = 01-01 ..= 03-31: no tickets or time yet; invoice A not due; disputed
    //   0 -> 100 (w 1), ignored 0 of 3 -> 100 (w 1.5), votes 1 -> 50 (w 1):
    //   (100 + 150 + 50) / 3.5 = 85.714
    // 2026-04-30, W = 01-31 ..= 04-30: tickets 9 (04-01, 04-02): 0.3 -> 100; reopened 2 / 9
    //   -> (0.25 - 0.2222) / 0.2 = 13.889; admin 4: 0.1333 -> 100; escalated 2: 0.6667 a month
    //   -> 66.667; disputed 1 (A, B, D issued) -> 50; days to pay A 50, B 20 (D not due) = 35
    //   -> 40; margin (6,000 - 50 h x 50) / 6,000 = 58.3% -> 100; ignored 0 -> 100; votes 50:
    //   (100 + 13.889 + 100 + 100 + 50 + 80 + 200 + 150 + 50) / 12 = 843.889 / 12 = 70.324
    // 2026-05-31, W = 03-03 ..= 05-31 (A, issued 03-02, falls out): tickets 17: 0.5667 ->
    //   95.556; reopened 3 / 17 -> 36.765; admin 8: 0.2667 -> 91.667; escalated 3 -> 50;
    //   disputed 1 (B, D, C) -> 50; days to pay B 20, D 40 (C due today, not yet late) = 30
    //   -> 60; margin (6,000 - 2,500) / 6,000 -> 100; ignored 0 -> 100; votes 50:
    //   (95.556 + 36.765 + 91.667 + 75 + 50 + 120 + 200 + 150 + 50) / 12 = 72.416
    let none = None;
    trend(
        &acme["trend"],
        [
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            Some(85.714),
            Some(70.324),
            Some(72.416),
            Some(56.25),
        ],
    );

    // The alert: 56.25 against 85.714 three month-ends ago is a fall of 29.5 (10 or more).
    // The change, metric by metric: the points each adds now (weight / 12 x sub-score) less
    // the points it added then (weight / 3.5 x sub-score), zero-change metrics left out.
    assert_eq!(acme["alert"], true);
    let change = &acme["change"];
    assert_eq!(change["since"], "2026-03-31");
    near(&change["delta"], 56.25 - 300.0 / 3.5, 1e-4);
    let parts = &change["parts"];
    assert_eq!(keys(parts).len(), 9, "{parts}");
    for (key, now, then) in [
        ("tickets_opened", 80.0 / 12.0, 0.0),
        ("reopen_rate", 62.5 / 12.0, 0.0),
        ("admin_requests", 75.0 / 12.0, 0.0),
        ("escalations", 75.0 / 12.0, 0.0),
        ("disputed_invoices", 50.0 / 12.0, 100.0 / 3.5),
        ("avg_days_to_pay", 40.0 / 12.0, 0.0),
        ("margin_pct", 137.5 / 12.0, 0.0),
        ("ignored_ratio", 105.0 / 12.0, 150.0 / 3.5),
        ("staff_votes", 50.0 / 12.0, 50.0 / 3.5),
    ] {
        near(&parts[key], now - then, 1e-4);
    }

    // Reasons: the points each metric costs (weight / 12 x (100 - sub-score)), the three
    // largest: days to pay 2 / 12 x 80 = 13.3, escalations 1.5 / 12 x 50 = 6.25, margin
    // 2 / 12 x 31.25 = 5.2 (then ignored advice 3.75, disputes and votes 4.2 each ...).
    assert_eq!(
        acme["reasons"],
        json!([
            "avg days to pay 40, bad at 45 (-13 points)",
            "escalations per month 1, bad at 2 (-6 points)",
            "margin % 37.5, bad at 10 (-5 points)",
        ])
    );
}

#[test]
fn a_shorter_window_measures_only_its_days() {
    let sb = portfolio();
    let doc = scorecard(&sb, "--window 30");
    assert_eq!(doc["as_of"], "2026-06-30");
    assert_eq!(doc["window_days"], 30);
    let acme = card(&doc, "Acme");
    let m = &acme["metrics"];
    // W = 2026-06-01 ..= 06-30, one month: only the 8 tickets of 06-30 (4 admin, 1
    // escalated, 1 reopened). Per seat per month the same as over 90 days.
    metric(
        &m["tickets_opened"],
        Some(8.0),
        Some(0.8),
        Some(80.0),
        Some(1.0),
    );
    shown(&m["tickets_reopened"], json!(1));
    metric(
        &m["reopen_rate"],
        Some(0.125),
        Some(0.125),
        Some(62.5),
        Some(1.0),
    );
    metric(
        &m["admin_requests"],
        Some(4.0),
        Some(0.4),
        Some(75.0),
        Some(1.0),
    );
    metric(
        &m["escalations"],
        Some(1.0),
        Some(1.0),
        Some(50.0),
        Some(1.5),
    );
    // Only E was issued in W: not disputed, not due, so no days to pay and nothing late.
    metric(
        &m["disputed_invoices"],
        Some(0.0),
        Some(0.0),
        Some(100.0),
        Some(1.0),
    );
    metric(&m["avg_days_to_pay"], None, None, None, None);
    shown(&m["late_payments"], json!(0));
    shown(&m["revenue_cents"], json!(200_000));
    // 60 h on 06-30: (2,000 - 60 x 50) / 2,000 = -50%, below bad (10): 0.
    shown(&m["hours"], json!(60.0));
    metric(
        &m["margin_pct"],
        Some(-50.0),
        Some(-50.0),
        Some(0.0),
        Some(2.0),
    );
    // 2,000.00 / 60 h = 33.33 an hour.
    shown(&m["effective_rate_cents"], json!(3_333));
    // Advice and incidents are counted over 365 days whatever the window.
    shown(&m["implemented_recommendations"], json!(3));
    shown(&m["ignored_recommendations"], json!(1));
    metric(
        &m["ignored_ratio"],
        Some(0.25),
        Some(0.25),
        Some(70.0),
        Some(1.5),
    );
    metric(
        &m["staff_votes"],
        Some(1.0),
        Some(1.0),
        Some(50.0),
        Some(1.0),
    );
    // Days to pay has no data, so its weight (2) drops out: weights 10.
    // (80 + 62.5 + 75 + 75 + 100 + 0 + 105 + 50) / 10 = 54.75: grade D, band amber.
    score(&acme["score"], 54.75);
    assert_eq!(acme["grade"], "D");
    assert_eq!(acme["band"], "amber");
    // Every trend point uses the 30-day window too.
    // 03-31 (W 03-02 ..= 03-31): as over 90 days, 85.714.
    // 04-30 (W 04-01 ..= 04-30): tickets 9: 0.9 -> 73.333; reopened 2 / 9 -> 13.889; admin 4:
    //   0.4 -> 75; escalated 2 a month -> 0; disputed 1 (B, D) -> 50; days to pay B 20 ->
    //   100; margin (4,000 - 2,500) / 4,000 = 37.5% -> 68.75; ignored 100; votes 50:
    //   (73.333 + 13.889 + 75 + 0 + 50 + 200 + 137.5 + 150 + 50) / 12 = 62.477
    // 05-31 (W 05-02 ..= 05-31): the 8 tickets of 05-15 -> 80, 62.5, 75, 50; no invoice issued
    //   (disputed 0 -> 100) and so no revenue and no margin; no days to pay; ignored 100;
    //   votes 50: (80 + 62.5 + 75 + 75 + 100 + 150 + 50) / 8 = 74.0625
    let none = None;
    trend(
        &acme["trend"],
        [
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            Some(85.714),
            Some(62.477),
            Some(74.0625),
            Some(54.75),
        ],
    );
    assert_eq!(acme["alert"], true);
    near(&acme["change"]["delta"], 54.75 - 300.0 / 3.5, 1e-4);
    // The config's window_days is the default the option overrides.
    fs::write(config(&sb), format!("{COSTS}[scoring]\nwindow_days = 30\n")).unwrap();
    assert_eq!(scorecard(&sb, ""), doc);
}

#[test]
fn an_earlier_as_of_date_sees_only_what_was_known_then() {
    let sb = portfolio();
    let doc = scorecard(&sb, "--as-of 2026-05-31");
    assert_eq!(doc["as_of"], "2026-05-31");
    assert_eq!(doc["window_days"], 90);
    let acme = card(&doc, "Acme");
    let m = &acme["metrics"];
    // W = 2026-03-03 ..= 05-31: the numbers of the trend point worked out above.
    metric(
        &m["tickets_opened"],
        Some(17.0),
        Some(17.0 / 30.0),
        Some((2.0 - 17.0 / 30.0) / 1.5 * 100.0),
        Some(1.0),
    );
    shown(&m["tickets_reopened"], json!(3));
    metric(
        &m["reopen_rate"],
        Some(3.0 / 17.0),
        Some(3.0 / 17.0),
        Some((0.25 - 3.0 / 17.0) / 0.2 * 100.0),
        Some(1.0),
    );
    metric(
        &m["admin_requests"],
        Some(8.0),
        Some(8.0 / 30.0),
        Some((1.0 - 8.0 / 30.0) / 0.8 * 100.0),
        Some(1.0),
    );
    metric(
        &m["escalations"],
        Some(3.0),
        Some(1.0),
        Some(50.0),
        Some(1.5),
    );
    metric(
        &m["disputed_invoices"],
        Some(1.0),
        Some(1.0),
        Some(50.0),
        Some(1.0),
    );
    // B 20, D 40; C is due on the day itself: not late yet, not in the average.
    metric(
        &m["avg_days_to_pay"],
        Some(30.0),
        Some(30.0),
        Some(60.0),
        Some(2.0),
    );
    shown(&m["late_payments"], json!(1));
    shown(&m["revenue_cents"], json!(600_000));
    shown(&m["hours"], json!(50.0));
    // (6,000 - 50 x 50) / 6,000 = 58.33%, above good (50): 100.
    metric(
        &m["margin_pct"],
        Some(350.0 / 6.0),
        Some(350.0 / 6.0),
        Some(100.0),
        Some(2.0),
    );
    shown(&m["effective_rate_cents"], json!(12_000));
    // The ignored one is decided on 06-30, after this day.
    shown(&m["implemented_recommendations"], json!(3));
    shown(&m["ignored_recommendations"], json!(0));
    metric(
        &m["ignored_ratio"],
        Some(0.0),
        Some(0.0),
        Some(100.0),
        Some(1.5),
    );
    shown(
        &m["incidents"],
        json!({"abuse": 1, "disrespect": 0, "security": 1, "unreasonable_demand": 0, "other": 1}),
    );
    score(&acme["score"], 72.416);
    assert_eq!(acme["grade"], "B");
    assert_eq!(acme["band"], "green");
    // D5 on the two payments late by then (A and D).
    assert_eq!(acme["flags"], json!(["D1", "D5"]));
    assert_eq!(
        acme["flag_evidence"]["D5"],
        json!([
            "2026-04-21 invoice A paid 20 days late",
            "2026-05-25 invoice D paid 10 days late",
        ])
    );
    // The month-ends are the same days as before, so the same scores, one place later.
    let none = None;
    trend(
        &acme["trend"],
        [
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            Some(85.714),
            Some(70.324),
            Some(72.416),
        ],
    );
    // Three month-ends back (2026-02-28) there was no score: no change, no alert.
    assert_eq!(acme["change"], Value::Null);
    assert_eq!(acme["alert"], false);
    // Losses: days to pay 2 / 12 x 40 = 6.7, escalations 6.25, reopen rate 63.2 / 12 = 5.3.
    assert_eq!(
        acme["reasons"][0],
        "avg days to pay 30, bad at 45 (-7 points)"
    );

    // A day later than today: W starts on 04-03, so the 8 tickets of 04-02 fall out, and C is
    // now 31 days overdue, which raises D5 by itself.
    let later = scorecard(&sb, "--as-of 2026-07-01");
    assert_eq!(later["as_of"], "2026-07-01");
    let acme = card(&later, "Acme");
    metric(
        &acme["metrics"]["tickets_opened"],
        Some(16.0),
        Some(16.0 / 30.0),
        Some((2.0 - 16.0 / 30.0) / 1.5 * 100.0),
        Some(1.0),
    );
    // In date order, each invoice once: C is overdue now, so it is no longer listed as late.
    assert_eq!(
        acme["flag_evidence"]["D5"],
        json!([
            "2026-04-21 invoice A paid 20 days late",
            "2026-05-25 invoice D paid 10 days late",
            "2026-05-31 invoice C due, unpaid and 31 days overdue",
        ])
    );
    // Today's score and the month-ends before it stay; 2026-07-01 is the new last point.
    // W = 04-03 ..= 07-01: tickets 16 -> (2 - 0.5333) / 1.5 = 97.778; reopened 2 / 16 ->
    // 62.5; admin 8 -> 91.667; escalated 2 -> 66.667; invoices D, C, E: disputed 1 -> 50;
    // days to pay D 40, C 61 so far = 50.5 -> 0; margin (6,000 - 60 x 50) / 6,000 = 50% ->
    // 100; ignored 1 of 4 -> 70; votes 50:
    // (97.778 + 62.5 + 91.667 + 100 + 50 + 0 + 200 + 105 + 50) / 12 = 63.079
    trend(
        &acme["trend"],
        [
            none,
            none,
            none,
            none,
            none,
            none,
            none,
            Some(85.714),
            Some(70.324),
            Some(72.416),
            Some(56.25),
            Some(63.079),
        ],
    );
    // Against 2026-04-30 (70.324) a fall of 7.2: no alert.
    assert_eq!(acme["change"]["since"], "2026-04-30");
    near(
        &acme["change"]["delta"],
        756.944 / 12.0 - 843.889 / 12.0,
        1e-3,
    );
    assert_eq!(acme["alert"], false);
}

#[test]
fn advice_and_incidents_count_over_the_365_days_ending_on_the_as_of_date() {
    let sb = Sandbox::new();
    fs::write(config(&sb), COSTS).unwrap();
    sb.ok(&w("client add --name Edge"));
    // A ticket in both 90-day windows below, so that Edge is scored on both days.
    sb.ok(&w("log ticket --client Edge --opened 2026-06-01"));
    // 365 days ending on 2026-06-30 start on 2025-07-01.
    sb.ok(&w(
        "log recommendation --client Edge --title Old --made 2025-06-01 --status ignored --decided 2025-06-30",
    ));
    sb.ok(&w(
        "log recommendation --client Edge --title New --made 2025-06-01 --status implemented --decided 2025-07-01",
    ));
    for (kind, date) in [
        ("abuse", "2025-06-30"),
        ("security", "2025-07-01"),
        ("security", "2026-06-30"),
    ] {
        sb.ok(&w(&format!(
            "log incident --client Edge --kind {kind} --date {date}"
        )));
    }
    let doc = scorecard(&sb, "");
    let edge = card(&doc, "Edge");
    let m = &edge["metrics"];
    shown(&m["implemented_recommendations"], json!(1));
    shown(&m["ignored_recommendations"], json!(0));
    metric(
        &m["ignored_ratio"],
        Some(0.0),
        Some(0.0),
        Some(100.0),
        Some(1.5),
    );
    shown(
        &m["incidents"],
        json!({"abuse": 0, "disrespect": 0, "security": 2, "unreasonable_demand": 0, "other": 0}),
    );
    assert_eq!(edge["flags"], json!(["D3"]));
    assert_eq!(
        edge["flag_evidence"]["D3"],
        json!([
            "2025-07-01 security incident",
            "2026-06-30 security incident"
        ])
    );

    // A day earlier the old ones are in (1 of 2 ignored, too few decided for D2) and the
    // last security incident has not happened yet.
    let doc = scorecard(&sb, "--as-of 2026-06-29");
    let edge = card(&doc, "Edge");
    let m = &edge["metrics"];
    shown(&m["implemented_recommendations"], json!(1));
    shown(&m["ignored_recommendations"], json!(1));
    metric(
        &m["ignored_ratio"],
        Some(0.5),
        Some(0.5),
        Some(20.0),
        Some(1.5),
    );
    shown(
        &m["incidents"],
        json!({"abuse": 1, "disrespect": 0, "security": 1, "unreasonable_demand": 0, "other": 0}),
    );
    assert_eq!(edge["flags"], json!(["D1"]));
}

#[test]
fn a_client_without_evidence_has_no_score_and_an_empty_trend() {
    let sb = portfolio();
    let doc = scorecard(&sb, "");
    let globex = card(&doc, "Globex");
    assert_eq!(keys(globex), sorted(CARD_KEYS));
    for field in ["score", "grade", "band", "change"] {
        assert_eq!(globex[field], Value::Null, "{field}");
    }
    assert_eq!(globex["no_score"], "no_evidence");
    assert_eq!(globex["trend"], json!(vec![Value::Null; 12]));
    assert_eq!(globex["flags"], json!([]));
    assert_eq!(globex["flag_evidence"], json!({}));
    assert_eq!(globex["alert"], false);
    assert_eq!(globex["reasons"], json!([]));
    let m = &globex["metrics"];
    assert_eq!(keys(m), sorted(METRIC_KEYS));
    // Zero counts are not data: nothing was ever logged, so nothing is scored.
    for key in [
        "tickets_opened",
        "admin_requests",
        "escalations",
        "disputed_invoices",
    ] {
        metric(&m[key], Some(0.0), None, None, None);
    }
    for key in [
        "reopen_rate",
        "avg_days_to_pay",
        "margin_pct",
        "ignored_ratio",
    ] {
        metric(&m[key], None, None, None, None);
    }
    // No invoices: revenue is the MRR over the window, 1,000.00 x 90 / 30, and it says so.
    assert_eq!(globex["revenue_from_mrr"], true);
    shown(&m["revenue_cents"], json!(300_000));
    shown(&m["effective_rate_cents"], Value::Null);
    shown(&m["hours"], json!(0.0));
    shown(&m["late_payments"], json!(0));
    shown(&m["tickets_reopened"], json!(0));
}

#[test]
fn clients_are_ranked_best_first_and_former_clients_only_with_all() {
    let sb = portfolio();
    // Two more without evidence, and one that ties with Initech's 100.
    sb.ok(&w("client add --name aardvark"));
    sb.ok(&w("client add --name Zenith"));
    sb.ok(&w("client add --name beta --seats 5"));
    sb.ok(&w("log ticket --client beta --opened 2026-06-01"));
    // Initech and beta: 1 ticket / 5 seats / 3 months -> 100, no reopens, admin or
    // escalations -> 100, no one named them -> 100: 100. Acme 56.25. Ties by name, in any
    // case; the clients without a score last, by name in any case.
    let doc = scorecard(&sb, "");
    assert_eq!(
        names(&doc),
        ["beta", "Initech", "Acme", "aardvark", "Globex", "Zenith"]
    );
    score(&card(&doc, "Initech")["score"], 100.0);
    // Hooli is a former client: listed only with --all, and never scored, though it has a
    // ticket in the window (as on the clients screen, where a former client shows "-").
    let all = scorecard(&sb, "--all");
    assert_eq!(
        names(&all),
        [
            "beta", "Initech", "Acme", "aardvark", "Globex", "Hooli", "Zenith"
        ]
    );
    let hooli = card(&all, "Hooli");
    assert_eq!(hooli["score"], Value::Null);
    assert_eq!(hooli["grade"], Value::Null);
    assert_eq!(hooli["no_score"], "former");
    assert_eq!(hooli["trend"], json!(vec![Value::Null; 12]));
    assert_eq!(
        hooli["metrics"]["escalations"]["value"], 1,
        "measured all the same"
    );
    let table = sb.ok(&["scorecard", "--all"]);
    let row = table.lines().find(|l| l.contains("Hooli")).unwrap();
    assert!(
        row.contains(" -  -  ") && row.ends_with("no score: former client"),
        "{table}"
    );
    assert!(!sb.ok(&["scorecard"]).contains("Hooli"));
}

/// What `scorecard --json ARGS` printed before it streamed: the whole document built as one
/// value, pretty-printed, and a newline.
fn whole_document(sb: &Sandbox, all: bool, window: Option<u32>, as_of: &str) -> String {
    use rapport::commands::scorecard::to_json;
    use rapport::domain::ClientStatus;
    use rapport::domain::score::{evaluate_all, rank};
    let config = rapport::config::Config::load(&config(sb), true).unwrap();
    let mut rules = config.rules();
    if let Some(w) = window {
        rules.window_days = w;
    }
    let as_of = common::date(as_of);
    let facts = rapport::store::Store::open_read(&sb.db)
        .unwrap()
        .portfolio_facts()
        .unwrap();
    let mut cards: Vec<_> = evaluate_all(&facts, as_of, &rules)
        .into_iter()
        .filter(|c| all || facts.client(c.client).unwrap().status != ClientStatus::Former)
        .collect();
    rank(&mut cards);
    serde_json::to_string_pretty(&to_json(&cards, as_of, &rules)).unwrap() + "\n"
}

/// The raw stdout of `scorecard --json ARGS` with the sandbox's config file.
fn json_text(sb: &Sandbox, args: &str) -> String {
    let cfg = config(sb);
    let mut all = vec!["scorecard", "--json", "--config", cfg.to_str().unwrap()];
    all.extend(w(args));
    sb.ok(&all)
}

#[test]
fn the_streamed_json_is_byte_for_byte_the_whole_document() {
    let sb = portfolio();
    sb.ok(&w("client add --name Globex2 --status prospect"));
    for (args, all, window, as_of) in [
        ("", false, None, TODAY),
        ("--all", true, None, TODAY),
        (
            "--window 30 --as-of 2026-05-31",
            false,
            Some(30),
            "2026-05-31",
        ),
    ] {
        assert_eq!(
            json_text(&sb, args),
            whole_document(&sb, all, window, as_of),
            "scorecard --json {args}"
        );
    }
    // No client at all: an empty list, written the same way.
    let empty = Sandbox::new();
    fs::write(config(&empty), COSTS).unwrap();
    empty.create_empty_db();
    assert_eq!(
        json_text(&empty, ""),
        whole_document(&empty, false, None, TODAY)
    );
}

#[test]
fn a_large_portfolio_streams_one_json_document_ranked_best_first() {
    use rapport::domain::{Cents, ClientDraft, NewInvoice, NewTicket, TicketKind};
    let sb = Sandbox::new();
    fs::write(config(&sb), COSTS).unwrap();
    let mut store = rapport::store::Store::open(&sb.db).unwrap();
    let day = |d: u64| common::date(TODAY) - chrono::Days::new(d);
    store
        .bulk_load(|b| {
            for i in 0..1_500u64 {
                let fields = ClientDraft {
                    name: format!("Client {i:04}"),
                    seats: (1 + i % 40).to_string(),
                    mrr: (100 + i % 900).to_string(),
                    ..ClientDraft::new_client()
                }
                .validate()
                .unwrap();
                let id = b.client(&fields)?;
                for t in 0..i % 7 {
                    b.ticket(
                        id,
                        &NewTicket {
                            opened_on: day(3 + 11 * t + i % 5),
                            closed_on: None,
                            kind: if t % 3 == 0 {
                                TicketKind::Admin
                            } else {
                                TicketKind::Incident
                            },
                            escalated: (i + t) % 5 == 0,
                            reopen_count: u32::from((i + t) % 4 == 0),
                            external_ref: None,
                            subject: None,
                        },
                    )?;
                }
                b.invoice(
                    id,
                    &NewInvoice {
                        number: Some(format!("INV-{i}")),
                        issued_on: day(80),
                        due_on: day(50),
                        paid_on: (i % 3 != 0).then(|| day(40 - i % 20)),
                        amount: Cents(10_000 + 37 * i as i64),
                        disputed: i % 50 == 0,
                        external_ref: None,
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    let text = json_text(&sb, "");
    assert_eq!(text, whole_document(&sb, false, None, TODAY));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let clients = doc["clients"].as_array().unwrap();
    assert_eq!(clients.len(), 1_500);
    let scores: Vec<f64> = clients.iter().filter_map(|c| c["score"].as_f64()).collect();
    assert!(scores.len() > 1_000, "most have a score: {}", scores.len());
    assert!(scores.windows(2).all(|p| p[0] >= p[1]), "best first");
}

#[test]
fn a_client_with_nothing_logged_in_the_window_has_no_score() {
    // Dormant: a ticket and a paid invoice 13 months ago, nothing since. Zero tickets and no
    // disputes in the 90 days are no data: it used to score A 100 here.
    let sb = Sandbox::new();
    fs::write(config(&sb), COSTS).unwrap();
    sb.ok(&w("client add --name Dormant --seats 2 --mrr 500"));
    sb.ok(&w("log ticket --client Dormant --opened 2025-05-20"));
    sb.ok(&w(
        "log invoice --client Dormant --amount 500 --issued 2025-05-20 --paid 2025-06-01",
    ));
    let doc = scorecard(&sb, "");
    let dormant = card(&doc, "Dormant");
    for field in ["score", "grade", "band"] {
        assert_eq!(dormant[field], Value::Null, "{field}");
    }
    assert_eq!(dormant["no_score"], "no_evidence");
    for key in ["tickets_opened", "disputed_invoices"] {
        // Measured (zero), but not scored.
        metric(&dormant["metrics"][key], Some(0.0), Some(0.0), None, None);
    }
    // The trend scores it at the end of July 2025 (the ticket in its 90 days), not since.
    let table = sb.ok(&w("scorecard"));
    assert_eq!(
        table.lines().nth(1),
        Some(
            "1  Dormant      -  -      █···········        -                no score: nothing logged in 90 days"
        ),
        "{table}"
    );
    // In the 90 days to 2025-06-30, and over two years, it was busy: scored.
    for args in ["--as-of 2025-06-30", "--window 730"] {
        let doc = scorecard(&sb, args);
        assert_eq!(card(&doc, "Dormant")["no_score"], Value::Null, "{args}");
        score(&card(&doc, "Dormant")["score"], 100.0);
    }
}

#[test]
fn the_table_has_aligned_columns_under_a_header() {
    let sb = portfolio();
    let cfg = config(&sb);
    let out = sb.ok(&["scorecard", "--config", cfg.to_str().unwrap()]);
    // The trend as bars from ▁ (0) to █ (100), · without a score: Acme's 85.7, 70.3, 72.4 and
    // 56.25 are 6.0, 4.9, 5.1 and 3.9 eighths-of-seven, so ▇ ▆ ▆ ▅. 3M is the change since
    // three month-ends ago (-29.5); COSTS MOST the first reason, short.
    let expected = "\
#  CLIENT   SCORE  GRADE  TREND (12 MONTHS)   3M  ALERT  FLAGS  COSTS MOST
1  Initech    100  A      ···········█         -
2  Acme        56  C      ········▇▆▆▅       -29  !      D1 D5  days to pay 40 (-13)
3  Globex       -  -      ············         -                no score: nothing logged in 90 days
";
    assert_eq!(out, expected, "\n{out}");
}

#[test]
fn the_table_never_shows_a_score_above_its_grade() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Edge --seats 1"));
    sb.ok(&w(
        "log ticket --client Edge --opened 2026-06-01 --reopens 1",
    ));
    sb.ok(&w(
        "log ticket --client Edge --opened 2026-06-02 --escalated",
    ));
    // 2 tickets / 1 seat / 3 months = 0.667 -> (2 - 0.667) / 1.5 = 88.889; reopened 1 / 2 ->
    // 0; admin 0 -> 100; escalations 0.333 a month -> 83.333:
    // (88.889 + 0 + 100 + 1.5 x 83.333) / 4.5 = 69.753: grade C, band amber (both from 70 up
    // would be B and green), so the table shows 69, not a rounded 70.
    let doc: Value = serde_json::from_str(&sb.ok(&w("scorecard --json"))).unwrap();
    let edge = card(&doc, "Edge");
    score(&edge["score"], 69.753);
    assert_eq!(edge["grade"], "C");
    assert_eq!(edge["band"], "amber");
    let out = sb.ok(&w("scorecard"));
    let row = out.lines().nth(1).expect("a row");
    assert!(row.starts_with("1  Edge       69  C  "), "{out}");
}

#[test]
fn an_empty_database_has_nothing_to_score() {
    let sb = Sandbox::new();
    sb.create_empty_db();
    assert_eq!(
        sb.ok(&w("scorecard")),
        "no clients to score yet: add one with 'rapport client add --name NAME'\n"
    );
    let doc: Value = serde_json::from_str(&sb.ok(&w("scorecard --json"))).unwrap();
    assert_eq!(
        doc,
        json!({"as_of": "2026-06-30", "window_days": 90, "clients": []})
    );
}

#[test]
fn bad_options_and_config_are_refused_and_write_nothing() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme"));
    refused(
        &sb,
        &w("scorecard --window 3"),
        2,
        &["'3'", "--window", "7..=730"],
    );
    refused(&sb, &w("scorecard --window 731"), 2, &["'731'", "--window"]);
    refused(&sb, &w("scorecard --window ninety"), 2, &["ninety"]);
    refused(
        &sb,
        &w("scorecard --as-of 2026-02-30"),
        2,
        &["2026-02-30", "--as-of", "not a real calendar date"],
    );
    refused(&sb, &w("scorecard --as-of 30-06-2026"), 2, &["30-06-2026"]);
    refused(&sb, &w("scorecard --json extra"), 2, &["extra"]);
    // Bounds are allowed.
    sb.ok(&w("scorecard --window 7"));
    sb.ok(&w("scorecard --window 730"));

    for (file, line, column, what) in [
        (
            "unknown_scoring_key.toml",
            4,
            1,
            "unknown field `alert_dropp`",
        ),
        (
            "unknown_metric.toml",
            3,
            1,
            "scoring.weights has unknown metric 'ticket_count'",
        ),
        ("bad_window.toml", 3, 15, "scoring.window_days is 3"),
    ] {
        let path = fixture(file);
        let p = path.to_str().unwrap();
        let place = format!("{p} line {line}, column {column}: {what}");
        refused(&sb, &["scorecard", "--config", p], 1, &[&place]);
    }
}

#[test]
fn scorecard_writes_nothing() {
    let sb = portfolio();
    common::age(&sb.db);
    let before = common::folder_state(sb.dir.path());
    let rows = sb.dump();
    let cfg = config(&sb);
    let c = cfg.to_str().unwrap();
    for args in [
        "",
        "--json",
        "--all",
        "--all --json",
        "--window 30",
        "--as-of 2025-01-01 --json",
    ] {
        let mut all = vec!["scorecard", "--config", c];
        all.extend(w(args));
        sb.ok(&all);
    }
    assert_eq!(common::folder_state(sb.dir.path()), before);
    assert_eq!(sb.dump(), rows);
}

// ---- rapport vote (guide O2) -----------------------------------------------------------------

/// A sandbox with six clients.
fn six_clients() -> Sandbox {
    let sb = Sandbox::new();
    for name in ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Wayne"] {
        sb.ok(&["client", "add", "--name", name]);
    }
    sb
}

/// The votes as stored: "year staff rank client", in that order.
fn votes(sb: &Sandbox) -> Vec<String> {
    column(
        &sb.db,
        "SELECT v.year || ' ' || v.staff || ' ' || v.rank || ' ' || c.name
         FROM staff_votes v JOIN clients c ON c.id = v.client_id
         ORDER BY v.year, v.staff COLLATE NOCASE, v.rank",
    )
}

#[test]
fn vote_records_up_to_five_worst_clients_and_a_new_list_replaces_the_old() {
    let sb = six_clients();
    assert_eq!(
        sb.ok(&w(
            "vote --year 2026 --staff Sanne Umbrella acme Globex Initech Hooli"
        )),
        "recorded Sanne's 5 worst clients of 2026\n"
    );
    // Without --year: this year (RAPPORT_TODAY is 2026-06-30).
    assert_eq!(
        sb.ok(&w("vote --staff Joris Wayne")),
        "recorded Joris's 1 worst client of 2026\n"
    );
    sb.ok(&w("vote --year 2025 --staff Sanne Acme"));
    assert_eq!(
        votes(&sb),
        [
            "2025 Sanne 1 Acme",
            "2026 Joris 1 Wayne",
            "2026 Sanne 1 Umbrella",
            "2026 Sanne 2 Acme",
            "2026 Sanne 3 Globex",
            "2026 Sanne 4 Initech",
            "2026 Sanne 5 Hooli",
        ]
    );
    // The same staff member (in any case) again: their 2026 list is replaced, worst first;
    // the other lists stay.
    sb.ok(&w("vote --year 2026 --staff sanne Wayne Acme"));
    assert_eq!(
        votes(&sb),
        [
            "2025 Sanne 1 Acme",
            "2026 Joris 1 Wayne",
            "2026 sanne 1 Wayne",
            "2026 sanne 2 Acme",
        ]
    );
}

#[test]
fn vote_refuses_six_clients_or_one_twice_with_exit_2_and_writes_nothing() {
    let sb = six_clients();
    sb.ok(&w("vote --year 2026 --staff Sanne Acme"));
    refused(
        &sb,
        &w("vote --year 2026 --staff Sanne Acme Globex Initech Hooli Umbrella Wayne"),
        2,
        &["6 names", "at most 5"],
    );
    refused(
        &sb,
        &w("vote --year 2026 --staff Sanne Globex acme Acme"),
        2,
        &["same client twice"],
    );
    refused(
        &sb,
        &["vote", "--year", "2026", "--staff", " ", "Acme"],
        2,
        &["staff is empty"],
    );
    refused(&sb, &w("vote --year 2026 Acme"), 2, &["--staff"]);
    refused(
        &sb,
        &w("vote --year 1969 --staff Sanne Acme"),
        2,
        &["'1969'", "1970..=9999"],
    );
    assert_eq!(votes(&sb), ["2026 Sanne 1 Acme"]);
}

#[test]
fn vote_refuses_an_unknown_client_with_exit_1_and_writes_nothing() {
    let sb = six_clients();
    sb.ok(&w("vote --year 2026 --staff Sanne Acme"));
    refused(
        &sb,
        &w("vote --year 2026 --staff Sanne Globex Nobody"),
        2,
        &["no client named 'Nobody'", "rapport client list"],
    );
    assert_eq!(votes(&sb), ["2026 Sanne 1 Acme"]);
}

#[test]
fn vote_names_the_clients_staff_worked_for_that_year() {
    let sb = six_clients();
    sb.ok(&w(
        "client add --name Jansen --status former --contract-end 2025-10-31",
    ));
    // Gone before 2026: refused, naming the client, and nothing written.
    refused(
        &sb,
        &w("vote --year 2026 --staff Tom Acme Jansen"),
        2,
        &["'Jansen'", "former client", "2025-10-31"],
    );
    // But a client in 2025: last year's gut check may name it.
    sb.ok(&w("vote --year 2025 --staff Tom Jansen Acme"));
    // Named while a client, archived since: it stays on Tom's list when the list changes
    // (as on the gut check screen), and no one else can name it now.
    sb.ok(&w("vote --year 2026 --staff Tom Hooli Acme"));
    sb.ok(&w("client edit Hooli --status former"));
    sb.ok(&w("vote --year 2026 --staff Tom Hooli Globex"));
    refused(
        &sb,
        &w("vote --year 2026 --staff Sanne Hooli"),
        2,
        &["'Hooli'", "former client"],
    );
    assert_eq!(
        votes(&sb),
        [
            "2025 Tom 1 Jansen",
            "2025 Tom 2 Acme",
            "2026 Tom 1 Hooli",
            "2026 Tom 2 Globex",
        ]
    );
}

#[test]
fn vote_without_clients_clears_the_list() {
    let sb = six_clients();
    sb.ok(&w("vote --year 2026 --staff Sanne Acme Globex"));
    sb.ok(&w("vote --year 2026 --staff Joris Acme"));
    assert_eq!(
        sb.ok(&w("vote --year 2026 --staff SANNE")),
        "cleared SANNE's gut check of 2026\n"
    );
    assert_eq!(votes(&sb), ["2026 Joris 1 Acme"]);
    // Clearing a list that is not there is no error.
    sb.ok(&w("vote --year 2024 --staff Piet"));
    assert_eq!(votes(&sb), ["2026 Joris 1 Acme"]);
}

#[test]
fn staff_votes_count_the_latest_gut_check_on_or_before_the_as_of_year() {
    let sb = Sandbox::new();
    fs::write(config(&sb), COSTS).unwrap();
    for name in ["Acme", "Globex"] {
        sb.ok(&["client", "add", "--name", name]);
        sb.ok(&["log", "ticket", "--client", name, "--opened", "2025-03-01"]);
        sb.ok(&["log", "ticket", "--client", name, "--opened", "2026-06-01"]);
    }
    // Over two years, so that every as-of date below has a ticket in its window and is scored.
    let votes_of = |as_of: &str| -> (Value, Value) {
        let doc = scorecard(&sb, &format!("--as-of {as_of} --window 730"));
        (
            card(&doc, "Acme")["metrics"]["staff_votes"].clone(),
            card(&doc, "Globex")["metrics"]["staff_votes"].clone(),
        )
    };
    // No gut check at all: no data, left out of the score.
    let (acme, _) = votes_of("2026-06-30");
    metric(&acme, None, None, None, None);

    sb.ok(&w("vote --year 2025 --staff Sanne Acme"));
    sb.ok(&w("vote --year 2025 --staff Joris Globex Acme"));
    // Cast in 2027 (a gut check is of a year that has begun).
    common::run(
        sb.cmd()
            .env("RAPPORT_TODAY", "2027-02-01")
            .args(w("vote --year 2027 --staff Sanne Globex")),
    )
    .ok();
    // 2026 had no gut check: 2025's counts. Acme named twice (bad at 2: 0), Globex once (50).
    for as_of in ["2025-03-01", "2026-06-30", "2026-12-31"] {
        let (acme, globex) = votes_of(as_of);
        metric(&acme, Some(2.0), Some(2.0), Some(0.0), Some(1.0));
        metric(&globex, Some(1.0), Some(1.0), Some(50.0), Some(1.0));
    }
    // Acme on 2026-06-30 over 90 days: one ticket, 1 seat, 3 months: 0.33 -> 100; reopens,
    // admin 0 -> 100; escalations 0 -> 100 (weight 1.5); votes 2 -> 0:
    // (3 x 100 + 1.5 x 100 + 0) / 5.5 = 81.8.
    let doc = scorecard(&sb, "");
    score(&card(&doc, "Acme")["score"], 450.0 / 5.5);
    // A vote in a later year does not count for an earlier as-of date, and none before 2025.
    let (acme, globex) = votes_of("2027-01-01");
    metric(&acme, Some(0.0), Some(0.0), Some(100.0), Some(1.0));
    metric(&globex, Some(1.0), Some(1.0), Some(50.0), Some(1.0));
    let (acme, _) = votes_of("2024-12-31");
    metric(&acme, None, None, None, None);

    // A 2026 gut check replaces 2025's for 2026, even though it names Acme nowhere.
    sb.ok(&w("vote --year 2026 --staff Piet Globex"));
    let (acme, globex) = votes_of("2026-06-30");
    metric(&acme, Some(0.0), Some(0.0), Some(100.0), Some(1.0));
    metric(&globex, Some(1.0), Some(1.0), Some(50.0), Some(1.0));
    score(&card(&scorecard(&sb, ""), "Acme")["score"], 100.0);
    // Cleared again, 2026 has no gut check and 2025's counts once more.
    sb.ok(&w("vote --year 2026 --staff Piet"));
    let (acme, _) = votes_of("2026-06-30");
    metric(&acme, Some(2.0), Some(2.0), Some(0.0), Some(1.0));
}
