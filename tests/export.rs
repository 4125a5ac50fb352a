//! `rapport export` on the demo portfolio: the JSON report and its numbers (the same as the
//! other commands give), the CSV files (the report's tables and the evidence in the generic
//! import format), never a file overwritten, the Markdown reports (snapshots, English and
//! Dutch), and `p` in the app writing the report to the exports folder.

mod common;

use std::fs;
use std::path::Path;

use common::{Sandbox, TODAY, count, date, mode};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;

/// A sandbox holding the demo portfolio (dated relative to TODAY).
fn demo() -> Sandbox {
    let sb = Sandbox::new();
    let run = sb.run(&["demo"]);
    assert_eq!(run.code, 0, "{run:#?}");
    sb
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn the_json_report_holds_every_part_with_the_numbers_the_other_commands_give() {
    let sb = demo();
    let r = json(&sb.ok(&["export", "--format", "json", "--as-of", TODAY]));
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    for k in [
        "company",
        "as_of",
        "window_days",
        "headline",
        "scorecards",
        "flags",
        "pareto",
        "decisions",
        "upcoming_days",
        "upcoming",
        "note",
    ] {
        assert!(keys.contains(&k), "no {k} in {keys:?}");
    }
    assert_eq!(r["company"], "Demo IT");
    assert_eq!(r["as_of"], TODAY);
    assert_eq!(r["window_days"], 90);

    // The scorecards are `rapport scorecard --json`'s, in its order, with its scores.
    let sc = json(&sb.ok(&["scorecard", "--json", "--as-of", TODAY]));
    let theirs = sc["clients"].as_array().unwrap();
    let ours = r["scorecards"].as_array().unwrap();
    assert_eq!(ours.len(), theirs.len());
    for (o, t) in ours.iter().zip(theirs) {
        assert_eq!(o["client"], t["client"]);
        assert_eq!(o["score"], t["score"], "{}", o["client"]);
        assert_eq!(o["grade"], t["grade"]);
        assert_eq!(o["flags"], t["flags"]);
        assert_eq!(o["trend"], t["trend"]);
        assert_eq!(o["alert"], t["alert"]);
    }
    let first = &ours[0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["criteria"].as_array().unwrap().len(), 9);
    assert_eq!(first["criteria"][0]["metric"], "tickets_opened");
    let brandt = ours
        .iter()
        .find(|c| c["client"] == "Brandt Vastgoed")
        .unwrap();
    assert_eq!(brandt["grade"], "F");
    assert_eq!(brandt["reasons"][0]["metric"], "margin_pct");
    let flagged: Vec<&str> = r["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["client"] == "Brandt Vastgoed")
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(flagged, ["D1", "D2", "D4"]);

    // The Pareto headline is `rapport pareto`'s.
    let p = json(&sb.ok(&["pareto", "--json", "--as-of", TODAY]));
    assert_eq!(r["pareto"]["revenue"]["headline"], p["headline"]);
    assert_eq!(r["pareto"]["revenue"]["total"], p["total"]);
    assert_eq!(r["headline"]["revenue_cents"], p["total"]);
    let r1: Vec<&str> = r["pareto"]["r1_candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(r1.contains(&"Brandt Vastgoed"), "{r1:?}");

    // The decisions and what is coming up are `decisions` and `upcoming`.
    let d = json(&sb.ok(&["decisions", "--json"]));
    assert_eq!(
        r["decisions"].as_array().unwrap().len(),
        d.as_array().unwrap().len()
    );
    assert_eq!(r["decisions"][0]["client"], d[0]["client"]);
    let u = json(&sb.ok(&["upcoming", "--json"]));
    let ours: Vec<(&Value, &Value)> = r["upcoming"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (&x["on"], &x["client"]))
        .collect();
    let theirs: Vec<(&Value, &Value)> = u
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (&x["on"], &x["client"]))
        .collect();
    assert_eq!(ours, theirs);
}

#[test]
fn as_of_moves_the_scores_the_pareto_window_the_decisions_and_what_is_coming_up() {
    let sb = demo();
    let then = "2026-01-31";
    let r = json(&sb.ok(&["export", "--format", "json", "--as-of", then]));
    assert_eq!(r["as_of"], then);
    let sc = json(&sb.ok(&["scorecard", "--json", "--as-of", then]));
    let scores = |v: &Value, key: &str| -> Vec<Value> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["score"].clone())
            .collect()
    };
    assert_eq!(scores(&r, "scorecards"), scores(&sc, "clients"));
    let p = json(&sb.ok(&["pareto", "--json", "--as-of", then]));
    assert_eq!(r["pareto"]["revenue"]["headline"], p["headline"]);
    assert_eq!(r["pareto"]["revenue"]["total"], p["total"]);
    // The watch decision of 2026-03-27 was not made yet.
    let decided: Vec<&str> = r["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["decided_on"].as_str().unwrap())
        .collect();
    assert_eq!(decided, ["2025-09-21", "2025-06-07"]);
    for u in r["upcoming"].as_array().unwrap() {
        let on = u["on"].as_str().unwrap();
        assert!(on >= then && on <= "2026-05-31", "{u}");
    }
}

#[test]
fn a_client_report_in_json_has_its_card_evidence_proposal_and_decision() {
    let sb = demo();
    let r = json(&sb.ok(&[
        "export",
        "--format",
        "json",
        "--client",
        "autobedrijf jansen",
    ]));
    assert_eq!(r["client"]["name"], "Autobedrijf Jansen");
    assert_eq!(r["decision"]["chosen_outcome"], "end-now");
    let r = json(&sb.ok(&["export", "--format", "json", "--client", "Café De Hoek"]));
    assert_eq!(r["scorecard"]["grade"], "D");
    assert_eq!(r["proposal"]["outcome"], "reprice");
    assert!(r["evidence"]["tickets_opened"].as_u64().unwrap() > 0);
    assert_eq!(r["evidence"]["last"]["ticket"], TODAY);
    assert_eq!(r["decision"], Value::Null);
}

/// The files a CSV export writes.
const CSV_FILES: [&str; 10] = [
    "clients.csv",
    "decisions.csv",
    "flags.csv",
    "invoices.csv",
    "pareto.csv",
    "recommendations.csv",
    "scorecards.csv",
    "tickets.csv",
    "time.csv",
    "upcoming.csv",
];

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn csv_writes_a_private_file_per_table_and_the_evidence_in_the_generic_format() {
    let sb = demo();
    // A voided ticket is not exported.
    sb.ok(&["events", "void", "t1", "--reason", "logged twice"]);
    let out = sb.path("report");
    let o = out.to_str().unwrap();
    let run = sb.run(&["export", "--format", "csv", "--out", o]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("wrote 10 files"), "{run:#?}");
    assert_eq!(listing(&out), CSV_FILES);
    assert_eq!(mode(&out), 0o700);
    for f in CSV_FILES {
        assert_eq!(mode(&out.join(f)), 0o600, "{f}");
    }

    let tickets = lines(&out.join("tickets.csv"));
    assert_eq!(
        tickets[0],
        "client,ref,subject,opened,closed,kind,status,escalated,reopens"
    );
    let counted = common::column(
        &sb.db,
        "SELECT count(*) FROM tickets WHERE voided_at IS NULL",
    );
    assert_eq!((tickets.len() - 1).to_string(), counted[0]);
    assert_eq!(tickets.len() - 1, count(&sb.db, "tickets") as usize - 1);
    assert!(!tickets.iter().any(|l| l.contains(",rapport:t1,")));
    assert!(tickets.iter().skip(1).all(|l| l.contains(",rapport:t")));
    assert_eq!(
        lines(&out.join("invoices.csv"))[0],
        "client,number,ref,issued,due,paid,amount,disputed"
    );
    assert!(
        lines(&out.join("invoices.csv"))[1..]
            .iter()
            .all(|l| l.ends_with(",no") || l.ends_with(",yes"))
    );
    assert_eq!(
        lines(&out.join("time.csv"))[0],
        "client,ref,date,minutes,note"
    );
    assert_eq!(
        lines(&out.join("recommendations.csv"))[0],
        "client,ref,made,title,security,status,decided"
    );
    let clients = lines(&out.join("clients.csv"));
    assert!(clients[0].starts_with("name,contact,email,phone,mrr,seats,"));
    assert!(
        clients
            .iter()
            .any(|l| l.starts_with("Café De Hoek,Yasmina El Amrani,") && l.contains(",390.00,6,")),
        "{clients:?}"
    );
    let scorecards = lines(&out.join("scorecards.csv"));
    assert_eq!(scorecards.len(), 29);
    assert!(scorecards[1].starts_with("1,Administratiekantoor Peeters,100,,A,green,"));

    // Again into the same folder: refused, one line, nothing changed.
    let before = fs::read(out.join("tickets.csv")).unwrap();
    let msg = sb
        .run(&["export", "--format", "csv", "--out", o])
        .fails(1)
        .to_string();
    assert!(msg.contains("already exists"), "{msg}");
    assert_eq!(fs::read(out.join("tickets.csv")).unwrap(), before);
    assert_eq!(listing(&out), CSV_FILES);

    // A file where the folder should be: said so, the file untouched.
    let file = out.join("tickets.csv");
    let msg = sb
        .run(&["export", "--format", "csv", "--out", file.to_str().unwrap()])
        .fails(1)
        .to_string();
    assert!(msg.contains("is a file"), "{msg}");
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn csv_without_out_writes_a_fresh_folder_in_the_exports_folder() {
    let sb = demo();
    let first = sb.ok(&["export", "--format", "csv"]);
    let second = sb.ok(&["export", "--format", "csv"]);
    let exports = sb.path("exports");
    assert_eq!(
        first.trim_end(),
        exports.join("report-2026-06-30").to_str().unwrap()
    );
    assert_eq!(
        second.trim_end(),
        exports.join("report-2026-06-30-2").to_str().unwrap()
    );
    assert_eq!(mode(&exports), 0o700);
    assert_eq!(listing(Path::new(first.trim_end())), CSV_FILES);
}

#[test]
fn a_report_goes_to_a_new_private_file_and_never_over_one() {
    let sb = demo();
    let file = sb.path("out/report.md");
    let f = file.to_str().unwrap();
    let run = sb.run(&["export", "--format", "md", "--out", f]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Portfolio report: Demo IT, 2026-06-30\n"));
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&sb.path("out")), 0o700);

    let msg = sb
        .run(&["export", "--format", "json", "--out", f])
        .fails(1)
        .to_string();
    assert!(msg.contains("already exists"), "{msg}");
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn a_clients_report_is_json_or_markdown_and_an_unknown_client_is_named() {
    let sb = demo();
    let out = sb.run(&["export", "--format", "csv", "--client", "Café De Hoek"]);
    let msg = out.invalid(&["json or md"]);
    assert_eq!(
        msg.trim_end(),
        "--format csv writes the whole portfolio; a client's report is json or md: \
         pass --format md or --format json",
        "one sentence that says what to do"
    );
    sb.run(&["export", "--format", "md", "--client", "Nobody BV"])
        .invalid(&["Nobody BV"]);
    assert!(!sb.path("exports").exists());
}

#[test]
fn the_portfolio_report_in_markdown() {
    let sb = demo();
    insta::assert_snapshot!(sb.ok(&["export", "--format", "md"]));
}

#[test]
fn a_clients_report_in_markdown() {
    let sb = demo();
    insta::assert_snapshot!(sb.ok(&["export", "--format", "md", "--client", "Café De Hoek"]));
}

#[test]
fn a_clients_report_in_dutch() {
    let sb = demo();
    insta::assert_snapshot!(sb.ok(&[
        "export",
        "--format",
        "md",
        "--client",
        "Brandt Vastgoed",
        "--lang",
        "nl"
    ]));
}

fn press(d: &mut rapport::tui::Driver, c: char) {
    d.handle(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

#[test]
fn p_in_the_app_writes_the_report_to_the_exports_folder_and_says_where() {
    use rapport::tui::app::{App, Screen};
    let sb = demo();
    let store = rapport::store::Store::open(&sb.db).unwrap();
    let config = rapport::config::Config::default();
    let (config, note) = {
        let defaults = store.defaults().unwrap();
        let (c, s) = config.over(defaults.as_ref());
        let note = s.map(|s| s.note("€"));
        (c, note)
    };
    let settings = rapport::tui::Settings {
        note,
        ..rapport::commands::ui::settings(&config)
    };
    let scripts = settings.scripts.clone();
    let mut d = rapport::tui::Driver::new(store, App::new(date(TODAY), settings), "€");
    // As the app's start sets it: what the words and the reports are made with.
    d.scripts = scripts;
    d.app.resize(120, 40);
    d.start();
    d.wait_for_scores();
    let exports = sb.path("exports");

    // On the Scorecards screen, the portfolio.
    press(&mut d, '2');
    assert_eq!(d.app.screen, Screen::Scorecards);
    press(&mut d, 'p');
    let written = exports.join("report-2026-06-30.md");
    let status = d.app.status.as_ref().map(|s| s.text.clone()).unwrap();
    assert!(status.contains(written.to_str().unwrap()), "{status}");
    let text = fs::read_to_string(&written).unwrap();
    assert!(
        text.starts_with("# Portfolio report: Demo IT, 2026-06-30"),
        "{text}"
    );
    assert_eq!(mode(&written), 0o600);
    assert_eq!(mode(&exports), 0o700);
    // As the command writes it.
    assert_eq!(text, sb.ok(&["export", "--format", "md"]));

    // Again: a fresh name, never over the first.
    press(&mut d, 'p');
    assert!(exports.join("report-2026-06-30-2.md").exists());
    assert_eq!(fs::read_to_string(&written).unwrap(), text);

    // On the Clients screen, the selected client's.
    press(&mut d, '1');
    let name = d
        .app
        .selected
        .and_then(|id| d.app.clients.row(id))
        .map(|r| r.client.fields.name.clone())
        .unwrap();
    press(&mut d, 'p');
    let status = d.app.status.as_ref().map(|s| s.text.clone()).unwrap();
    assert!(status.contains("report-"), "{status}");
    let file = status.rsplit(' ').next().unwrap();
    let text = fs::read_to_string(file).unwrap();
    assert!(
        text.starts_with(&format!("# {name}: client report")),
        "{text}"
    );
}

/// The importer (`rapport import`, issue 10's other half) reads what `export --format csv`
/// writes: again into the same database it adds nothing (every row's reference, its own
/// `rapport:t12` where it had none, finds the row), and into an empty database it gives
/// back the same evidence tables.
#[test]
fn csv_and_import_round_trip() {
    let sb = demo();
    let out = sb.path("report");
    let o = out.to_str().unwrap();
    assert_eq!(sb.run(&["export", "--format", "csv", "--out", o]).code, 0);
    let kinds = ["clients", "tickets", "invoices", "time", "recommendations"];
    let tables = [
        "clients",
        "tickets",
        "invoices",
        "time_entries",
        "recommendations",
    ];
    let counts = |db: &Path| tables.map(|t| count(db, t));
    let before = counts(&sb.db);
    for kind in kinds {
        let file = out.join(format!("{kind}.csv"));
        let run = sb.run(&["import", kind, file.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{kind}: {run:#?}");
    }
    assert_eq!(counts(&sb.db), before, "a second import added rows");

    let empty = Sandbox::new();
    empty.create_empty_db();
    for kind in kinds {
        let file = out.join(format!("{kind}.csv"));
        let run = empty.run(&["import", kind, file.to_str().unwrap(), "--create-clients"]);
        assert_eq!(run.code, 0, "{kind}: {run:#?}");
    }
    let again = empty.path("again");
    let a = again.to_str().unwrap();
    assert_eq!(
        empty.run(&["export", "--format", "csv", "--out", a]).code,
        0
    );
    for kind in kinds {
        let name = format!("{kind}.csv");
        assert_eq!(
            fs::read_to_string(again.join(&name)).unwrap(),
            fs::read_to_string(out.join(&name)).unwrap(),
            "{name}"
        );
    }
}

/// The trend column of the Markdown report draws the trend as `rapport scorecard` draws it
/// (a score of 92.86 is a full bar in both, not a full bar in one and less in the other).
#[test]
fn the_markdown_trend_is_the_scorecards_trend() {
    let sb = demo();
    let spark = |line: &str| -> Option<String> {
        line.split([' ', '|'])
            .find(|w| !w.is_empty() && w.chars().all(|c| "▁▂▃▄▅▆▇█·".contains(c)))
            .map(str::to_string)
    };
    let scorecard = sb.ok(&["scorecard"]);
    let markdown = sb.ok(&["export", "--format", "md"]);
    let sc = json(&sb.ok(&["scorecard", "--json"]));
    let mut compared = 0;
    for c in sc["clients"].as_array().unwrap() {
        let name = c["client"].as_str().unwrap();
        let theirs = scorecard
            .lines()
            .find(|l| l.contains(&format!(" {name} ")))
            .and_then(spark);
        let ours = markdown
            .lines()
            .find(|l| l.contains(&format!("| {name} |")))
            .and_then(spark);
        assert_eq!(ours, theirs, "{name}");
        compared += 1;
    }
    assert!(compared > 20);
}
