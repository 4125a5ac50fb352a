//! `rapport advise`, `decide --outcome`, `decisions` and `upcoming` on the demo portfolio:
//! the walk headless, the decision log, and what is coming up.

mod common;

use chrono::Days;
use common::{Sandbox, TODAY, date, folder_state, w};
use serde_json::Value;

/// A sandbox holding the demo portfolio, built on the tests' today.
fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w("demo"));
    sb
}

fn json(sb: &Sandbox, args: &[&str]) -> Value {
    serde_json::from_str(&sb.ok(args)).expect("JSON")
}

fn client(sb: &Sandbox, name: &str) -> Value {
    sb.clients_json()
        .into_iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no client {name}"))
}

#[test]
fn advise_json_holds_the_proposal_the_reasons_and_the_numbers() {
    let sb = demo();
    let before = folder_state(sb.dir.path());
    let a = json(&sb, &["advise", "brandt vastgoed", "--json"]);
    assert_eq!(folder_state(sb.dir.path()), before, "advise only reads");
    assert_eq!(a["client"], "Brandt Vastgoed");
    assert_eq!(a["as_of"], TODAY);
    assert_eq!(a["proposed_outcome"], "end-now");
    let codes: Vec<&str> = a["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(&codes[..3], ["D1", "D2", "D4"], "{a}");
    for r in a["reasons"].as_array().unwrap() {
        assert!(r["text"].as_str().is_some_and(|t| !t.is_empty()), "{r}");
        assert!(r["evidence"].is_array(), "{r}");
    }
    let d1 = &a["reasons"][0]["evidence"];
    assert!(
        d1.as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().contains("abuse")),
        "D1 cites the abuse incidents: {d1}"
    );
    let flags: Vec<&str> = a["dealbreakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(flags, ["D1", "D2", "D4"]);

    // The reprice: the MRR that reaches the target margin, rounded up to a whole euro.
    let r = &a["reprice"];
    let (current, cost, proposed) = (
        r["current_mrr_cents"].as_i64().unwrap(),
        r["monthly_cost_cents"].as_i64().unwrap(),
        r["proposed_mrr_cents"].as_i64().unwrap(),
    );
    assert_eq!(current, 125_000);
    assert_eq!(r["target_margin_pct"], 50.0);
    let exact = cost as f64 / (1.0 - 0.5);
    assert_eq!(proposed % 100, 0, "a whole euro: {proposed}");
    assert!(
        proposed as f64 >= exact && (proposed as f64) < exact + 100.0,
        "{r}"
    );
    let increase = r["increase_pct"].as_f64().unwrap();
    let want = (proposed - current) as f64 / current as f64 * 100.0;
    assert!((increase - want).abs() < 0.06, "{increase} vs {want}");

    // The exit: notice from today or the contract end, whichever comes first.
    let c = client(&sb, "Brandt Vastgoed");
    let end = date(c["contract_end"].as_str().unwrap());
    let notice = c["notice_days"].as_u64().unwrap();
    let e = &a["exit"];
    let from_today = date(TODAY) + Days::new(notice);
    assert_eq!(e["earliest_end"], from_today.min(end).to_string());
    assert_eq!(e["notice_by"], (end - Days::new(notice)).to_string());
    assert_eq!(e["prepaid_refund_cents"], 0, "Brandt does not prepay");
}

#[test]
fn advise_as_of_an_earlier_day_and_in_words() {
    let sb = demo();
    let a = json(
        &sb,
        &["advise", "Café De Hoek", "--as-of", "2026-03-31", "--json"],
    );
    assert_eq!(a["as_of"], "2026-03-31");
    let text = sb.ok(&["advise", "Brandt Vastgoed"]);
    assert!(
        text.starts_with(&format!(
            "Brandt Vastgoed, as of {TODAY}: the evidence proposes END NOW\n"
        )),
        "{text}"
    );
    for part in [
        "D1 dealbreaker",
        "Reprice (H1):",
        "Exit (H2, H3):",
        "rapport decide",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
}

#[test]
fn advise_in_dutch_says_the_reasons_and_evidence_in_dutch_with_english_json_keys() {
    let sb = demo();
    let text = sb.ok(&["advise", "Brandt Vastgoed", "--lang", "nl"]);
    assert!(
        text.starts_with(&format!(
            "Brandt Vastgoed, per {TODAY}: het bewijs stelt NU BEËINDIGEN voor\n"
        )),
        "{text}"
    );
    for part in [
        "D1 dealbreaker: beledigende of onprofessionele behandeling",
        "intimidatie: Shouted at Priya",
        "Prijs verhogen (H1):",
        "Exit (H2, H3): vroegste einde",
        "Loop het door met de antwoorden die alleen jij weet: rapport decide",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    for english in [
        "as of",
        "dealbreaker: abusive",
        "abuse:",
        "Reprice (H1)",
        "Walk it",
    ] {
        assert!(!text.contains(english), "{english}: {text}");
    }
    let a = json(
        &sb,
        &["advise", "brandt vastgoed", "--json", "--lang", "nl"],
    );
    assert_eq!(
        a["proposed_outcome"], "end-now",
        "values stay machine-readable"
    );
    assert_eq!(
        a["reasons"][0]["text"],
        "dealbreaker: beledigende of onprofessionele behandeling"
    );
    assert!(
        a["dealbreakers"][0]["evidence"][0]
            .as_str()
            .is_some_and(|e| e.contains("incident: intimidatie")),
        "{a}"
    );
    // The same document in English, word for word as before.
    let en = json(&sb, &["advise", "brandt vastgoed", "--json"]);
    assert_eq!(
        en["reasons"][0]["text"],
        "dealbreaker: abusive or unprofessional treatment"
    );
    assert_eq!(
        en["dealbreakers"][0]["title"],
        "abusive or unprofessional treatment"
    );
}

#[test]
fn a_prepaid_client_is_refunded_the_days_after_its_end() {
    let sb = demo();
    // Prepaid, ends in a month: the refund is the MRR for the days of that month after it.
    let a = json(&sb, &["advise", "Hartmann & Okafor Advocaten", "--json"]);
    let end = date(a["exit"]["earliest_end"].as_str().unwrap());
    let refund = a["exit"]["prepaid_refund_cents"].as_i64().unwrap();
    let mrr = client(&sb, "Hartmann & Okafor Advocaten")["mrr_cents"]
        .as_i64()
        .unwrap();
    use chrono::Datelike;
    let first_next = if end.month() == 12 {
        chrono::NaiveDate::from_ymd_opt(end.year() + 1, 1, 1)
    } else {
        chrono::NaiveDate::from_ymd_opt(end.year(), end.month() + 1, 1)
    }
    .unwrap();
    let days_in_month = (first_next - end.with_day(1).unwrap()).num_days();
    let after = (first_next - end).num_days() - 1;
    let want = (mrr * after * 2 + days_in_month) / (2 * days_in_month);
    assert_eq!(
        refund, want,
        "{end}: {after} of {days_in_month} days of {mrr}"
    );
}

#[test]
fn a_decision_is_recorded_with_its_proposal_snapshot_and_exit_plan() {
    let sb = demo();
    let out = sb.ok(&["decide", "brandt vastgoed", "--outcome", "end-now"]);
    let decided: Vec<Value> = serde_json::from_str(&sb.ok(&w("decisions --json"))).unwrap();
    let d = decided
        .iter()
        .find(|d| d["client"] == "Brandt Vastgoed")
        .expect("recorded");
    assert!(
        out.starts_with("decided for 'Brandt Vastgoed': end now, ends "),
        "{out}"
    );
    // Ending now gives notice today: the last day to give notice is a non-renewal's.
    assert!(!out.contains(", give notice by "), "{out}");
    assert_eq!(d["decided_on"], TODAY);
    assert_eq!(d["proposed_outcome"], "end-now");
    assert_eq!(d["chosen_outcome"], "end-now");
    assert_eq!(d["override_reason"], Value::Null);
    assert_eq!(d["snapshot"]["grade"], "F");
    assert_eq!(
        d["snapshot"]["flags"],
        serde_json::json!(["D1", "D2", "D4"])
    );
    assert!(d["exit"]["end_on"].is_string(), "{d}");
    // Newest first, and one client's alone on request.
    assert_eq!(decided[0]["client"], "Brandt Vastgoed");
    let mine: Vec<Value> =
        serde_json::from_str(&sb.ok(&["decisions", "--client", "BRANDT VASTGOED", "--json"]))
            .unwrap();
    assert_eq!(mine.len(), 1);
    let table = sb.ok(&w("decisions"));
    let first = table.lines().nth(1).unwrap();
    assert!(
        first.starts_with(TODAY) && first.contains("Brandt Vastgoed") && first.contains("end now"),
        "{table}"
    );
}

#[test]
fn choosing_other_than_the_proposal_needs_a_reason_and_keeps_it() {
    let sb = demo();
    let before = sb.dump();
    let r = sb.run(&["decide", "Brandt Vastgoed", "--outcome", "keep"]);
    let msg = r.fails(2);
    assert!(
        msg.contains("you chose keep where the walk proposes end now"),
        "{msg}"
    );
    assert_eq!(sb.dump(), before, "nothing written");
    sb.ok(&[
        "decide",
        "Brandt Vastgoed",
        "--outcome",
        "do-not-renew",
        "--reason",
        "The contract runs out in January: let it.",
    ]);
    let d = &json(&sb, &["decisions", "--client", "Brandt Vastgoed", "--json"])[0];
    assert_eq!(d["proposed_outcome"], "end-now");
    assert_eq!(d["chosen_outcome"], "do-not-renew");
    assert_eq!(
        d["override_reason"],
        "The contract runs out in January: let it."
    );
    // A reason given with the proposal's own outcome is kept as a note.
    sb.ok(&[
        "decide",
        "Brandt Vastgoed",
        "--outcome",
        "end-now",
        "--reason",
        "Told Rob by phone first.",
    ]);
    let d = &json(&sb, &["decisions", "--client", "Brandt Vastgoed", "--json"])[0];
    assert_eq!(d["override_reason"], Value::Null);
    assert_eq!(d["notes"], "Told Rob by phone first.");
}

#[test]
fn watch_needs_a_later_review_day_and_reprice_takes_the_mrr_asked() {
    let sb = demo();
    let before = sb.dump();
    sb.run(&[
        "decide",
        "Café De Hoek",
        "--outcome",
        "watch",
        "--reason",
        "small but loyal",
        "--review-on",
        "2026-05-01",
    ])
    .fails(2);
    sb.run(&[
        "decide",
        "Café De Hoek",
        "--outcome",
        "reprice",
        "--reason",
        "x",
        "--proposed-mrr",
        "lots",
    ])
    .fails(2);
    assert_eq!(sb.dump(), before, "nothing written");
    let out = sb.ok(&[
        "decide",
        "Café De Hoek",
        "--outcome",
        "watch",
        "--reason",
        "small but loyal",
        "--review-on",
        "2026-09-30",
    ]);
    assert!(out.contains(", review on 2026-09-30"), "{out}");
    let out = sb.ok(&[
        "decide",
        "Bakkerij Vermeulen & Zonen",
        "--outcome",
        "reprice",
        "--reason",
        "they will pay",
        "--proposed-mrr",
        "650",
    ]);
    assert!(out.contains(", new MRR €650.00"), "{out}");
    let d = &json(
        &sb,
        &[
            "decisions",
            "--client",
            "bakkerij vermeulen & zonen",
            "--json",
        ],
    )[0];
    assert_eq!(d["proposed_mrr_cents"], 65_000);
    // The review is coming up, with the client by name.
    let up = json(&sb, &w("upcoming --json"));
    assert!(
        up.as_array()
            .unwrap()
            .iter()
            .any(|u| u["client"] == "Café De Hoek"
                && u["due"] == "review"
                && u["on"] == "2026-09-30"),
        "{up}"
    );
}

#[test]
fn a_prospect_is_taken_on_or_declined_and_a_former_client_is_not_decided() {
    let sb = demo();
    let r = sb.run(&["decide", "Kapsalon Belle", "--outcome", "keep"]);
    assert!(r.fails(2).contains("take-on"), "{r:?}");
    sb.ok(&["decide", "Kapsalon Belle", "--outcome", "decline"]);
    assert_eq!(client(&sb, "Kapsalon Belle")["status"], "prospect");
    sb.ok(&["decide", "Dierenkliniek Oost", "--outcome", "take-on"]);
    assert_eq!(client(&sb, "Dierenkliniek Oost")["status"], "active");
    let r = sb.run(&["advise", "Autobedrijf Jansen"]);
    assert!(r.fails(2).contains("former client"), "{r:?}");
    let r = sb.run(&["decide", "Autobedrijf Jansen", "--outcome", "keep"]);
    assert!(r.fails(2).contains("former client"), "{r:?}");
    let r = sb.run(&["decide", "Brandt Vastgoed", "--outcome", "fire"]);
    assert!(r.fails(2).contains("'fire' is not an outcome"), "{r:?}");
}

#[test]
fn upcoming_lists_notices_ends_and_the_review_that_is_due() {
    let sb = demo();
    let up = json(&sb, &w("upcoming --days 30 --json"));
    let items = up.as_array().unwrap();
    let today = date(TODAY);
    let month = today + Days::new(30);
    assert!(!items.is_empty());
    for u in items {
        assert!(u["client"].is_string() && u["client_id"].is_i64(), "{u}");
        if let Some(on) = u["on"].as_str().map(date) {
            assert!(on <= month, "{u}");
        }
    }
    assert!(
        items
            .iter()
            .any(|u| u["due"] == "notice-by" && date(u["on"].as_str().unwrap()) >= today),
        "a notice to give within the month: {up}"
    );
    assert!(
        items
            .iter()
            .any(|u| u["due"] == "review" && u["client"] == "Bouwbedrijf Kuipers"),
        "the watched client's review is due: {up}"
    );
    // Soonest first.
    let dates: Vec<&str> = items.iter().filter_map(|u| u["on"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    let table = sb.ok(&w("upcoming --days 7"));
    assert!(table.contains("review due"), "{table}");
}

#[test]
fn a_decision_kept_before_reasons_were_values_reads_back_as_it_was_written() {
    let sb = demo();
    sb.ok(&["decide", "Brandt Vastgoed", "--outcome", "end-now"]);
    // As an older rapport kept it: English sentences for the reason, its evidence and the
    // conditions.
    let conn = rusqlite::Connection::open(&sb.db).unwrap();
    let changed = conn
        .execute(
            "UPDATE decisions SET reasons = ?1, conditions = ?2 \
             WHERE id = (SELECT max(id) FROM decisions)",
            [
                r#"[{"code":"D1","text":"dealbreaker: abusive or unprofessional treatment","evidence":["2026-05-29 abuse: Shouted at Priya"]}]"#,
                r#"["sign the managed service agreement"]"#,
            ],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let list = json(&sb, &["decisions", "--client", "Brandt Vastgoed", "--json"]);
    let newest = list
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|d| d["id"].as_i64());
    let d = newest.unwrap();
    assert_eq!(d["chosen_outcome"], "end-now");
    assert_eq!(
        d["reasons"][0]["text"],
        "dealbreaker: abusive or unprofessional treatment"
    );
    assert_eq!(
        d["reasons"][0]["evidence"][0],
        "2026-05-29 abuse: Shouted at Priya"
    );
    assert_eq!(d["conditions"][0], "sign the managed service agreement");
    // Shown as written, in either language (there are no values to say again).
    let nl = sb.ok(&["decisions", "--client", "Brandt Vastgoed", "--lang", "nl"]);
    assert!(
        nl.contains("D1 dealbreaker: abusive or unprofessional treatment"),
        "{nl}"
    );
    assert!(nl.contains("nu beëindigen"), "the outcome is a value: {nl}");
}
