//! The demo portfolio in a real database: `populate`, the bulk import behind it, and
//! `rapport demo`.

use std::path::Path;

use assert_cmd::Command;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use rapport::demo::characters::{ABUSIVE, LATE_PAYER};
use rapport::demo::{populate, portfolio};
use rapport::domain::{GutCheck, LogEntry, NewInvoice, RecStatus};
use rapport::store::{Store, StoreError};

const TODAY: &str = "2026-11-28";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// Every row of every table, as text, without the wall-clock timestamps.
fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let tables = [
        "SELECT id, name, contact_name, email, phone, mrr_cents, seats, contract_start, contract_end, \
         notice_days, prepaid, payment_terms_days, segment, status, notes FROM clients",
        "SELECT * FROM tickets",
        "SELECT * FROM invoices",
        "SELECT * FROM time_entries",
        "SELECT * FROM recommendations",
        "SELECT * FROM incidents",
        "SELECT * FROM staff_votes",
        "SELECT id, client_id, decided_on, proposed, chosen, override_reason, reasons, answers, \
         snapshot, notes, review_on, proposed_mrr_cents, end_on, notice_by, prepaid_refund_cents, \
         conditions FROM decisions",
    ];
    let mut rows = Vec::new();
    for sql in tables {
        let mut stmt = conn.prepare(&format!("{sql} ORDER BY id")).unwrap();
        let n = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            rows.push(cells.join("|"));
        }
    }
    rows
}

fn count(path: &Path, table: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn populate_writes_the_whole_portfolio_into_a_fresh_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path).unwrap();
    let summary = populate(&mut store, today()).unwrap();

    let p = portfolio(today());
    let entries = |pick: fn(&LogEntry) -> bool| {
        p.clients
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| pick(e))
            .count() as i64
    };
    assert!(summary.starts_with("30 clients, "), "{summary}");
    assert_eq!(store.client_count().unwrap(), 30);
    assert_eq!(
        count(&path, "tickets"),
        entries(|e| matches!(e, LogEntry::Ticket(_)))
    );
    assert_eq!(
        count(&path, "invoices"),
        entries(|e| matches!(e, LogEntry::Invoice(_)))
    );
    assert_eq!(
        count(&path, "time_entries"),
        entries(|e| matches!(e, LogEntry::Time(_)))
    );
    let events: i64 = [
        "tickets",
        "invoices",
        "time_entries",
        "recommendations",
        "incidents",
        "staff_votes",
    ]
    .iter()
    .map(|t| count(&path, t))
    .sum();
    assert!((3_000..=8_000).contains(&events), "{events} events");
    assert!(
        summary.contains(&format!("{} incidents", count(&path, "incidents"))),
        "{summary}"
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");

    // What the screens will read back.
    let late = store.client_by_name(LATE_PAYER).unwrap();
    let unpaid = store.unpaid_invoices(late.id).unwrap();
    assert!(
        unpaid
            .iter()
            .any(|i| (today() - i.due_on).num_days() > 30 && !i.number.is_empty()),
        "{unpaid:?}"
    );
    let abusive = store.client_by_name(ABUSIVE).unwrap();
    let votes = store.votes(today().year()).unwrap();
    let staff: std::collections::BTreeSet<&str> = votes.iter().map(|v| v.staff.as_str()).collect();
    assert_eq!(
        votes.iter().filter(|v| v.client_id == abusive.id).count(),
        staff.len(),
        "every staff member names the abusive client"
    );
    assert!(!store.votes(today().year() - 1).unwrap().is_empty());
    let rows = store.client_rows(today()).unwrap();
    let busy = rows.iter().find(|r| r.client.id == abusive.id).unwrap();
    assert!(busy.tickets_90d >= 50, "{}", busy.tickets_90d);
    assert!(busy.last_activity.is_some_and(|d| d <= today()));
}

#[test]
fn the_same_day_gives_identical_databases() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    populate(&mut Store::open(&a).unwrap(), today()).unwrap();
    populate(&mut Store::open(&b).unwrap(), today()).unwrap();
    let (da, db) = (dump(&a), dump(&b));
    assert!(da.len() > 3_000);
    assert!(da == db, "the two databases differ");
}

#[test]
fn one_bad_entry_leaves_the_database_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path).unwrap();

    let mut p = portfolio(today());
    let issued = today();
    p.clients[20].entries.push(LogEntry::Invoice(NewInvoice {
        number: Some("X-1".into()),
        issued_on: issued,
        due_on: issued,
        paid_on: issued.pred_opt(),
        amount: rapport::domain::Cents(100),
        disputed: false,
        external_ref: None,
    }));
    assert!(store.import_portfolio(&p).is_err(), "paid before issued");
    assert_eq!(store.client_count().unwrap(), 0);

    let mut p = portfolio(today());
    p.clients[3]
        .entries
        .insert(0, LogEntry::Reopen { ticket_id: 1 });
    let name = p.clients[3].fields.name.clone();
    match store.import_portfolio(&p) {
        Err(StoreError::Invalid(e)) => {
            let message = e.for_field("entry").unwrap();
            assert!(
                message.contains("existing row") && message.contains(&name),
                "{message}"
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }

    let mut p = portfolio(today());
    p.gut_checks.push(GutCheck {
        year: today().year(),
        staff: "Sam".into(),
        clients: vec!["Nobody & Co".into()],
    });
    match store.import_portfolio(&p) {
        Err(StoreError::Invalid(e)) => {
            assert!(
                e.for_field("gut check list")
                    .unwrap()
                    .contains("Nobody & Co")
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(store.client_count().unwrap(), 0);
    assert_eq!(count(&path, "tickets"), 0);
    assert_eq!(count(&path, "staff_votes"), 0);
    assert!(store.votes(today().year()).unwrap().is_empty());
}

#[test]
fn recommendations_arrive_with_their_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    populate(&mut Store::open(&path).unwrap(), today()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let by_status = |s: RecStatus| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM recommendations WHERE status = ?1",
            [s.as_str()],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!(by_status(RecStatus::Implemented) > by_status(RecStatus::Ignored));
    assert!(by_status(RecStatus::Ignored) >= 5);
    assert!(by_status(RecStatus::Open) >= 2);
}

fn rapport(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rapport").unwrap();
    cmd.env_remove("RAPPORT_DB")
        .env("LC_ALL", "C")
        .env("RAPPORT_CONFIG", "/dev/null")
        .env("RAPPORT_TODAY", TODAY)
        .arg("demo")
        .arg("--db")
        .arg(db);
    cmd
}

#[test]
fn the_demo_command_fills_a_new_database_once_and_refuses_a_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let first = rapport(&db).assert().success();
    let out = String::from_utf8_lossy(&first.get_output().stdout).to_string();
    assert!(out.contains("30 clients, "), "{out}");
    assert!(out.contains(&db.display().to_string()), "{out}");
    let before = dump(&db);

    let second = rapport(&db).assert().failure();
    let output = second.get_output();
    assert_ne!(output.status.code(), Some(0));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("already holds 30 clients"), "{err}");
    assert!(output.stdout.is_empty());
    assert!(dump(&db) == before, "the second run wrote nothing");
}

#[test]
fn the_demo_fits_its_dates_between_1970_and_9999_or_refuses_the_day() {
    let dir = tempfile::tempdir().unwrap();
    // The first and last days it can be built on: every date it writes is one SQLite keeps.
    for (name, day) in [("first.db", "1971-01-01"), ("last.db", "9996-12-31")] {
        let db = dir.path().join(name);
        rapport(&db).env("RAPPORT_TODAY", day).assert().success();
        assert_eq!(count(&db, "clients"), 30, "{day}");
    }
    for (day, why) in [
        ("1970-06-30", "would start before 1970"),
        ("9997-06-01", "dates end at 9999-12-31"),
        ("9999-12-31", "dates end at 9999-12-31"),
    ] {
        let db = dir.path().join(format!("{day}.db"));
        let out = rapport(&db).env("RAPPORT_TODAY", day).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{day}: {err}");
        assert!(
            err.starts_with(&format!("rapport: today {day} does not fit the demo: "))
                && err.contains(why)
                && err
                    .trim_end()
                    .ends_with("pretend a today from 1971-01-01 to 9996-12-31"),
            "{day}: {err}"
        );
        assert!(!db.exists(), "{day}: nothing is created");
    }
}

/// `rapport ARGS` on `db` with `config` and today pinned; stdout.
fn run_on(db: &Path, config: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("rapport")
        .unwrap()
        .env_remove("NO_COLOR")
        .env("LC_ALL", "C")
        .env("RAPPORT_DB", db)
        .env("RAPPORT_CONFIG", config)
        .env("RAPPORT_TODAY", TODAY)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_demo_database_carries_its_own_labour_cost_and_name_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let none = Path::new("/dev/null");
    let out = run_on(&db, none, &["demo"]);
    assert!(
        out.ends_with(
            "demo: labour cost €65/h, company Demo IT, ideal client profile (the demo's own, used where your config sets none)\n"
        ),
        "{out}"
    );
    // Without a labour cost in the config, the demo's €65 an hour judges the margins: the
    // physiotherapists pay well under €65 for an hour of work, lose the MSP money on every
    // hour and score 0 on margin.
    let doc: serde_json::Value =
        serde_json::from_str(&run_on(&db, none, &["scorecard", "--json"])).unwrap();
    let card = |doc: &serde_json::Value, name: &str| {
        doc["clients"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["client"] == name)
            .cloned()
            .unwrap()
    };
    let physio = card(&doc, "Fysiotherapie Beweegwijs");
    let margin = &physio["metrics"]["margin_pct"];
    let rate = physio["metrics"]["effective_rate_cents"]["value"]
        .as_f64()
        .unwrap();
    assert!((2_000.0..6_500.0).contains(&rate), "{rate}");
    let at = |cost: f64| (rate - cost) / rate * 100.0;
    assert!(
        (margin["value"].as_f64().unwrap() - at(6_500.0)).abs() < 0.01,
        "{margin}"
    );
    assert_eq!(margin["subscore"], 0.0);
    assert!(
        physio["score"].as_f64().unwrap() < 70.0,
        "not a B: {physio}"
    );
    let table = run_on(&db, none, &["scorecard"]);
    assert!(
        table.ends_with("\n\ndemo: labour cost €65/h, company Demo IT, ideal client profile\n"),
        "{table}"
    );
    let what_if = run_on(&db, none, &["whatif", "--drop", "Café De Hoek"]);
    assert!(
        what_if.ends_with("\n\ndemo: labour cost €65/h, company Demo IT, ideal client profile\n"),
        "{what_if}"
    );
    // The user's own labour cost wins: only the name is the demo's, and the line says so.
    let mine = dir.path().join("config.toml");
    std::fs::write(&mine, "[costs]\nhourly_labour_cost = 20\n").unwrap();
    let table = run_on(&db, &mine, &["scorecard"]);
    assert!(
        table.ends_with("\n\ndemo: company Demo IT, ideal client profile\n"),
        "{table}"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&run_on(&db, &mine, &["scorecard", "--json"])).unwrap();
    let margin = card(&doc, "Fysiotherapie Beweegwijs")["metrics"]["margin_pct"]["value"].clone();
    assert!(
        (margin.as_f64().unwrap() - at(2_000.0)).abs() < 0.01,
        "{margin}"
    );

    // The terminal UI takes the same: the labour cost in its rules, the line at the start
    // and a mark in the header.
    let ctx = rapport::commands::Context {
        db_path: db.clone(),
        config: rapport::config::Config::default(),
        clock: rapport::clock::Clock::fixed(today()),
        config_path: None,
    };
    let store = Store::open(&db).unwrap();
    let (settings, _) = rapport::commands::ui::prepare(&ctx, &store, true).unwrap();
    assert_eq!(settings.rules.hourly_cost_cents, 6_500);
    let app = rapport::tui::App::new(today(), settings);
    assert_eq!(
        app.status.map(|s| s.text).as_deref(),
        Some("demo: labour cost €65/h, company Demo IT, ideal client profile")
    );
    assert_eq!(
        app.note.as_deref(),
        Some("demo: labour cost €65/h, company Demo IT, ideal client profile")
    );
}

/// The demo's story of decisions (guide H1, C1, D1): a client repriced last year and fine
/// now, a "keep and watch" whose review is due, the abusive client of last year let go, and
/// the abusive client of today (Brandt Vastgoed) not decided yet.
#[test]
fn the_demo_has_a_decision_history_that_tells_the_guides_story() {
    use rapport::demo::decisions::{REPRICED, WATCHED};
    use rapport::domain::decide::Outcome;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    populate(&mut store, today()).unwrap();
    let decisions = store.decisions(None).unwrap();
    let about = |name: &str| {
        decisions
            .iter()
            .filter(|d| d.name == name)
            .collect::<Vec<_>>()
    };
    assert!(about(ABUSIVE).is_empty(), "Brandt is not decided yet");

    let repriced = about(REPRICED);
    assert_eq!(repriced.len(), 1);
    let r = repriced[0];
    assert_eq!((r.proposed, r.chosen), (Outcome::Reprice, Outcome::Reprice));
    assert!(r.decided_on < today() - chrono::Days::new(300), "last year");
    let now = store.client_by_name(REPRICED).unwrap().fields;
    assert_eq!(r.proposed_mrr, Some(now.mrr), "asked what it pays now");
    assert!(r.snapshot.mrr < now.mrr, "it paid less then");
    // Fine since: a better score today than when it was repriced.
    let facts = store.portfolio_facts().unwrap();
    let card = rapport::domain::score::evaluate_all(&facts, today(), &Default::default())
        .into_iter()
        .find(|c| c.name == REPRICED)
        .unwrap();
    assert!(card.score().unwrap() > r.snapshot.score.unwrap() + 5.0);

    let watched = about(WATCHED);
    assert_eq!(watched.len(), 1);
    let w = watched[0];
    assert_eq!(w.chosen, Outcome::Watch);
    assert_ne!(
        w.proposed,
        Outcome::Watch,
        "an override of the walk's proposal"
    );
    assert!(w.override_reason.as_deref().is_some_and(|r| !r.is_empty()));
    assert!(
        w.review_on.is_some_and(|d| d <= today()),
        "its review is due"
    );

    let jansen = about(rapport::demo::characters::FORMER_ABUSIVE);
    assert_eq!(jansen.len(), 1);
    assert_eq!(jansen[0].chosen, Outcome::EndNow);
    assert!(jansen[0].reasons.iter().any(|r| r.code.as_str() == "D1"));
}

/// Whatever day the demo is built on, some contract needs notice within the month, and the
/// watched client's review is due this week: the Decisions screen always has something to say.
#[test]
fn the_demo_always_has_a_notice_to_give_within_the_month() {
    for month in 1..=12 {
        for day in [1, 10, 20, 28] {
            let today = NaiveDate::from_ymd_opt(2026, month, day).unwrap();
            let p = portfolio(today);
            let soon = p.clients.iter().any(|c| {
                let f = &c.fields;
                match (f.contract_end, f.notice_days) {
                    (Some(end), Some(n)) if f.status == rapport::domain::ClientStatus::Active => {
                        let by = end - chrono::Days::new(u64::from(n));
                        by >= today && by <= today + chrono::Days::new(30)
                    }
                    _ => false,
                }
            });
            assert!(soon, "{today}: no notice to give within the month");
        }
    }
}
