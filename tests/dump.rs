//! The full dump (issue 10): the demo, with decisions, scripts, a ticked checklist item, a
//! draft and voided events, dumped to JSON text, read back and loaded into a new database
//! gives the same scorecards, Pareto, decisions, scripts, checklists and timelines; and what
//! is refused (a database with clients, a newer schema, a file that is no dump, a bad row)
//! leaves the database as it was.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rusqlite::Connection;

use rapport::clock::Clock;
use rapport::commands::Context;
use rapport::commands::dump::{export_all, import_all};
use rapport::config::Config;
use rapport::domain::decide::decision::Decision;
use rapport::domain::decide::walk::Answers;
use rapport::domain::evidence::TimelineEvent;
use rapport::domain::lang::Lang;
use rapport::domain::offboard::{Started, Tick};
use rapport::domain::pareto::{self, Measure, Pareto};
use rapport::domain::record::EventRef;
use rapport::domain::score::{evaluate_all, rank};
use rapport::domain::script::{Channel, Kind};
use rapport::domain::{Client, Defaults};
use rapport::store::dump::FORMAT;
use rapport::store::{Dump, DumpError, NewScript, SavedScript, Store, schema_version};

const TODAY: &str = "2026-11-28";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn context(db: &Path) -> Context {
    Context {
        db_path: db.to_path_buf(),
        config: Config::default(),
        clock: Clock::fixed(today()),
        config_path: None,
    }
}

/// The demo, with one of everything the demo does not make itself.
fn source(dir: &Path) -> PathBuf {
    let path = dir.join("source.db");
    let mut store = Store::open(&path).unwrap();
    rapport::demo::populate(&mut store, today()).unwrap();

    // Voided events of three kinds, with their reasons.
    let client = store.clients().unwrap()[0].id;
    let events = store.events(client, None).unwrap();
    let mut voided = 0;
    for wanted in ["t", "i", "w"] {
        let Some(e) = events
            .iter()
            .find(|e| e.id.to_string().starts_with(wanted) && e.voided.is_none())
        else {
            continue;
        };
        let seen = store.event(e.id).unwrap();
        store
            .void_event(&seen, &format!("entered twice ({wanted})"))
            .unwrap();
        voided += 1;
    }
    assert_eq!(
        voided, 3,
        "the first client has a ticket, an invoice and time"
    );

    // A script of a decision, and one written from a reason alone.
    let decision = store.decisions(None).unwrap()[0].clone();
    for (id, lang) in [(Some(decision.id), Lang::Nl), (None, Lang::En)] {
        store
            .save_script(&NewScript {
                client: decision.client,
                decision: id,
                kind: Kind::DoNotRenew,
                channel: Channel::Letter,
                lang,
                written_on: today(),
                text: "Geachte heer Jansen,\n\nWij verlengen het contract niet.\n".into(),
            })
            .unwrap();
    }

    // A ticked item on a checklist a decision started.
    let started = store.offboardings().unwrap();
    assert!(!started.is_empty(), "the demo ends a relationship");
    store
        .tick_offboarding(
            started[0].client,
            "notice_sent",
            Some(&Tick {
                done_on: today(),
                by: Some("Anna de Vries".into()),
            }),
        )
        .unwrap();

    // A walk left half-way.
    let undecided = store
        .clients()
        .unwrap()
        .into_iter()
        .find(|c| c.id != decision.client)
        .unwrap()
        .id;
    store.save_draft(undecided, &Answers::default()).unwrap();
    drop(store);

    // What a prospect taken on accepted (the demo takes none on).
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE clients SET expectations = ?2 WHERE id = ?1",
            rusqlite::params![
                undecided.0,
                r#"["prepayment","on condition: the standard stack"]"#
            ],
        )
        .unwrap();
    path
}

/// What a user sees of a database, as of the pinned date.
#[derive(Debug, PartialEq)]
struct Views {
    /// `rapport scorecard --json`, byte for byte.
    scorecards: String,
    pareto: Vec<Pareto>,
    clients: Vec<Client>,
    expectations: Vec<Vec<String>>,
    timelines: Vec<Vec<TimelineEvent>>,
    decisions: Vec<Decision>,
    drafts: Vec<Option<Answers>>,
    scripts: Vec<Vec<SavedScript>>,
    checklists: Vec<Started>,
    votes: Vec<(i32, usize)>,
    defaults: Option<Defaults>,
    rollup: usize,
}

fn views(path: &Path) -> Views {
    let ctx = context(path);
    let store = ctx.open_read_store().unwrap();
    let (config, _) = ctx.config_on(&store).unwrap();
    let rules = config.rules();
    let facts = store.portfolio_facts().unwrap();
    let mut cards: Vec<_> = evaluate_all(&facts, today(), &rules)
        .into_iter()
        .filter(|c| {
            facts
                .client(c.client)
                .is_some_and(|f| f.status.is_current())
        })
        .collect();
    rank(&mut cards);
    let mut scorecards = Vec::new();
    rapport::commands::scorecard::write_json(&mut scorecards, &cards, today(), &rules).unwrap();
    let ms = pareto::measures(&facts, today(), &config.pareto);
    let clients = store.clients().unwrap();
    Views {
        scorecards: String::from_utf8(scorecards).unwrap(),
        pareto: Measure::ALL
            .into_iter()
            .map(|m| pareto::pareto(&ms, m, config.pareto.vital_share))
            .collect(),
        expectations: each(&clients, |c| store.expectations(c.id).unwrap()),
        timelines: each(&clients, |c| store.events(c.id, None).unwrap()),
        drafts: each(&clients, |c| store.draft(c.id).unwrap()),
        scripts: each(&clients, |c| store.scripts(c.id).unwrap()),
        decisions: store.decisions(None).unwrap(),
        checklists: store.offboardings().unwrap(),
        votes: store
            .gut_check_years()
            .unwrap()
            .into_iter()
            .map(|y| (y, store.votes(y).unwrap().len()))
            .collect(),
        defaults: store.defaults().unwrap(),
        rollup: store.client_days().unwrap().len(),
        clients,
    }
}

fn each<T>(clients: &[Client], f: impl Fn(&Client) -> T) -> Vec<T> {
    clients.iter().map(f).collect()
}

/// The identity keys and the rollup as the file holds them.
fn derived(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT id || ':' || name_key FROM clients ORDER BY id",
        "SELECT id || ':' || number_key FROM invoices ORDER BY id",
        "SELECT id || ':' || coalesce(ref_key, '-') FROM tickets ORDER BY id",
        "SELECT client_id || day || tickets || reopened || admin || escalated || minutes FROM client_days ORDER BY 1",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

fn to_text(dump: &Dump) -> Vec<u8> {
    let mut text = Vec::new();
    dump.write_json(&mut text).unwrap();
    text
}

#[test]
fn a_dump_loads_into_a_new_database_with_identical_scorecards() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let started = Instant::now();
    let dump = Store::open_read(&from).unwrap().dump().unwrap();
    let text = to_text(&dump);
    let made = started.elapsed();
    let read = Dump::from_json(&text).unwrap();
    assert_eq!(read, dump, "the JSON reads back as written");

    let to = dir.path().join("copy.db");
    let started = Instant::now();
    let summary = Store::open(&to).unwrap().load_dump(&read).unwrap();
    let loaded = started.elapsed();
    eprintln!(
        "demo dump: {} bytes, made in {made:?}, loaded in {loaded:?}",
        text.len()
    );
    assert_eq!(summary, dump.summary());
    assert_eq!(summary.clients, 30);
    assert_eq!(summary.voided, 3);
    assert_eq!(summary.scripts, 2);
    assert!(summary.offboarding > 0 && summary.offboarding_ticks > 0);
    assert!(summary.decisions > 0 && summary.decision_drafts == 1 && summary.staff_votes > 0);

    let (before, after) = (views(&from), views(&to));
    assert!(
        before.scorecards.contains("\"grade\""),
        "{}",
        &before.scorecards[..200]
    );
    assert!(
        before
            .timelines
            .iter()
            .flatten()
            .any(|e| e.voided.is_some())
    );
    assert!(before.expectations.iter().any(|e| e.len() == 2));
    assert_eq!(after, before);
    assert_eq!(derived(&to), derived(&from));

    let check = Store::open_read(&to).unwrap().check().unwrap();
    assert!(check.is_ok(), "{:?}", check.problems);

    // Dumped again, the copy is the same dump, row for row.
    let mut again = Store::open_read(&to).unwrap().dump().unwrap();
    again.made_at.clone_from(&dump.made_at);
    assert_eq!(again, dump);
    assert!(
        made.as_millis() < 1_000 && loaded.as_millis() < 1_000,
        "{made:?} {loaded:?}"
    );
}

#[test]
fn the_dump_holds_every_column_of_every_table_but_what_is_derived() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let dump = Store::open_read(&from).unwrap().dump().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&to_text(&dump)).unwrap();
    assert_eq!(
        doc,
        serde_json::to_value(&dump).unwrap(),
        "write_json has every field"
    );
    assert_eq!(doc["format"], FORMAT);
    assert_eq!(doc["schema"], schema_version());
    assert_eq!(doc["settings"]["source"], "demo");

    let derived = [
        "clients.rev",
        "clients.name_key",
        "invoices.number_key",
        "tickets.ref_key",
    ];
    let conn = Connection::open(&from).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in tables {
        let columns: BTreeSet<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|c| !derived.contains(&format!("{table}.{c}").as_str()))
            .collect();
        match table.as_str() {
            // The rollup the triggers make.
            "client_days" => continue,
            "settings" => {
                assert_eq!(columns, ["key", "value"].map(String::from).into());
                continue;
            }
            _ => {}
        }
        let first = &doc[&table][0];
        let keys: BTreeSet<String> = first
            .as_object()
            .unwrap_or_else(|| panic!("the dump has rows of {table}"))
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, columns, "{table}");
    }
}

#[test]
fn a_database_with_clients_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let dump = Store::open_read(&from).unwrap().dump().unwrap();
    let before = views(&from);
    let e = Store::open(&from).unwrap().load_dump(&dump).unwrap_err();
    assert!(
        matches!(e, DumpError::NotEmpty { clients: 30, .. }),
        "{e:?}"
    );
    let text = e.to_string();
    assert!(text.contains("already holds 30 clients"), "{text}");
    assert!(text.contains("--db") && !text.contains('\n'), "{text}");
    let dutch = rapport::words::with_language(Lang::Nl, || e.to_string());
    assert!(dutch.contains("bevat al 30 klanten"), "{dutch}");
    assert_eq!(views(&from), before);
}

#[test]
fn a_newer_schema_and_what_is_no_dump_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("empty.db");
    let mut store = Store::open(&to).unwrap();

    let newer = format!(
        "{{\"format\": \"{FORMAT}\", \"schema\": {}, \"clients\": [], \"tables_of_the_future\": []}}",
        schema_version() + 1
    );
    let e = Dump::from_json(newer.as_bytes()).unwrap_err();
    assert!(matches!(e, DumpError::NewerSchema { .. }), "{e:?}");
    assert!(e.to_string().contains("newer rapport"), "{e}");

    let mut dump = Dump::from_json(&to_text(&store.dump().unwrap())).unwrap();
    dump.schema = schema_version() + 1;
    assert!(matches!(
        store.load_dump(&dump),
        Err(DumpError::NewerSchema { .. })
    ));

    for garbage in [
        &b"name,mrr\nAcme,100\n"[..],
        b"",
        b"[1, 2]",
        b"{\"format\": \"something-else\", \"schema\": 9}",
        b"{\"format\": \"rapport-dump\"}",
        b"\xff\xfe{",
    ] {
        let e = Dump::from_json(garbage).unwrap_err();
        assert!(matches!(e, DumpError::NotDump), "{garbage:?}: {e:?}");
        assert!(
            e.to_string().starts_with("this is not a rapport dump"),
            "{e}"
        );
    }
    // A dump with a row that is not a row says where.
    let e = Dump::from_json(
        format!("{{\"format\": \"{FORMAT}\", \"schema\": 9, \"clients\": [{{\"id\": \"one\"}}]}}")
            .as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(e, DumpError::Malformed { .. }), "{e:?}");
    assert!(e.to_string().contains("line 1"), "{e}");

    assert_eq!(store.client_count().unwrap(), 0);
    assert_eq!(store.defaults().unwrap(), None);
}

#[test]
fn one_bad_row_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let good = Store::open_read(&from).unwrap().dump().unwrap();
    let to = dir.path().join("copy.db");
    let mut store = Store::open(&to).unwrap();
    let nothing_written = |store: &Store| {
        assert_eq!(store.client_count().unwrap(), 0);
        assert_eq!(store.defaults().unwrap(), None);
        assert!(store.client_days().unwrap().is_empty());
    };

    // The last row of the last table: everything before it was written, and rolled back.
    let mut bad = good.clone();
    let tick = bad.offboarding_ticks.last_mut().unwrap();
    tick.done_on = "2026-13-01".into();
    let tick_row = format!("{}/{}", tick.client_id, tick.item);
    let e = store.load_dump(&bad).unwrap_err();
    match &e {
        DumpError::Refused { table, row, rule } => {
            assert_eq!(*table, "offboarding_ticks");
            assert_eq!(*row, tick_row);
            assert!(rule.contains("done_on"), "{rule}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!e.to_string().contains('\n'), "{e}");
    nothing_written(&store);

    let mut bad = good.clone();
    let last = bad.tickets.len() - 1;
    let id = bad.tickets[last].id;
    bad.tickets[last].closed_on = Some("1999-01-01".into());
    let e = store.load_dump(&bad).unwrap_err();
    assert!(
        e.to_string()
            .starts_with(&format!("the dump's tickets row {id} breaks a rule")),
        "{e}"
    );
    nothing_written(&store);

    // Two rows with one id.
    let mut bad = good.clone();
    bad.time_entries[1].id = bad.time_entries[0].id;
    assert!(matches!(
        store.load_dump(&bad),
        Err(DumpError::Refused {
            table: "time_entries",
            ..
        })
    ));

    // Checked before anything is written: references, outcomes, a decision's JSON.
    let mut bad = good.clone();
    bad.invoices[0].client_id = 9_999;
    let e = store.load_dump(&bad).unwrap_err();
    assert!(
        matches!(
            e,
            DumpError::UnknownRef {
                table: "invoices",
                column: "client_id",
                value: 9_999,
                ..
            }
        ),
        "{e:?}"
    );
    let mut bad = good.clone();
    bad.decisions[0].chosen = "maybe".into();
    assert!(matches!(
        store.load_dump(&bad),
        Err(DumpError::BadValue {
            table: "decisions",
            column: "chosen",
            ..
        })
    ));
    let mut bad = good.clone();
    bad.decisions[0].snapshot = serde_json::from_str("{\"score\": \"high\"}").unwrap();
    assert!(matches!(
        bad.check(),
        Err(DumpError::BadValue {
            table: "decisions",
            column: "snapshot",
            ..
        })
    ));
    let mut bad = good.clone();
    bad.settings
        .insert("hourly_labour_cost_cents".into(), "cheap".into());
    assert!(matches!(
        store.load_dump(&bad),
        Err(DumpError::BadSettings { .. })
    ));
    nothing_written(&store);

    // And the good one still loads.
    store.load_dump(&good).unwrap();
    assert_eq!(store.client_count().unwrap(), 30);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_commands_write_private_files_and_never_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let out = dir.path().join("exports").join("all.json");
    export_all(&context(&from), Some(&out)).unwrap();
    assert_eq!(mode(&out), 0o600);
    assert_eq!(mode(out.parent().unwrap()), 0o700);
    let written = fs::read(&out).unwrap();
    assert!(written.starts_with(b"{\n  \"format\": \"rapport-dump\",\n"));

    // Never over a file that is there.
    let e = export_all(&context(&from), Some(&out)).unwrap_err();
    assert!(format!("{e:#}").contains("already exists"), "{e:#}");
    assert_eq!(fs::read(&out).unwrap(), written);

    // Into a database that is not there yet: made, private, loaded.
    let to = dir.path().join("new").join("copy.db");
    import_all(&context(&to), &out, false).unwrap();
    assert_eq!(mode(&to), 0o600);
    assert_eq!(views(&to), views(&from));

    // Not again into the same one, and not into the source.
    for db in [&to, &from] {
        let e = import_all(&context(db), &out, true).unwrap_err();
        let line = rapport::cli_error::one_line(&e);
        assert!(line.starts_with("cannot load "), "{line}");
        assert!(line.contains("already holds 30 clients"), "{line}");
        assert_eq!(rapport::cli_error::exit_code(&e), 2);
    }

    // A file that is no dump, or one that does not load, leaves no database behind.
    let csv = dir.path().join("clients.csv");
    fs::write(&csv, "name,mrr\nAcme,100\n").unwrap();
    let nowhere = dir.path().join("nowhere.db");
    let e = import_all(&context(&nowhere), &csv, false).unwrap_err();
    assert!(
        rapport::cli_error::one_line(&e).contains("not a rapport dump"),
        "{e:#}"
    );
    assert_eq!(rapport::cli_error::exit_code(&e), 2);
    let mut bad = Dump::from_json(&written).unwrap();
    bad.tickets[0].opened_on = "yesterday".into();
    let bad_file = dir.path().join("bad.json");
    fs::write(&bad_file, to_text(&bad)).unwrap();
    let e = import_all(&context(&nowhere), &bad_file, false).unwrap_err();
    assert!(
        rapport::cli_error::one_line(&e).contains("breaks a rule"),
        "{e:#}"
    );
    assert!(
        fs::read_dir(dir.path()).unwrap().all(|f| !f
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("nowhere")),
        "no database left behind"
    );
}

#[test]
fn a_voided_event_keeps_its_reason_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let dump = Store::open_read(&from).unwrap().dump().unwrap();
    let voided = dump.tickets.iter().find(|t| t.voided_at.is_some()).unwrap();
    let to = dir.path().join("copy.db");
    Store::open(&to).unwrap().load_dump(&dump).unwrap();
    let store = Store::open_read(&to).unwrap();
    let event = store.event(EventRef::Ticket(voided.id)).unwrap();
    assert_eq!(event.voided.as_deref(), Some("entered twice (t)"));
    let at: String = Connection::open(&to)
        .unwrap()
        .query_row(
            "SELECT voided_at FROM tickets WHERE id = ?1",
            [voided.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(Some(at), voided.voided_at);
}

#[test]
fn a_dump_cut_short_is_a_dump_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let from = source(dir.path());
    let whole = to_text(&Store::open(&from).unwrap().dump().unwrap());

    // A dump cut off half-way (a copy that stopped, a full disk) is a dump that cannot be
    // read, not "no rapport dump".
    let cut = &whole[..whole.len() / 2];
    let e = Dump::from_json(cut).unwrap_err();
    assert!(matches!(e, DumpError::Malformed { .. }), "{e:?}");
    assert!(e.to_string().starts_with("the dump cannot be read"), "{e}");
}

#[test]
fn a_missing_dump_file_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // A file that is not there: named, what to do, exit 2, no database made.
    let nowhere = dir.path().join("nowhere.db");
    let e = import_all(&context(&nowhere), &dir.path().join("nope.json"), false).unwrap_err();
    let line = rapport::cli_error::one_line(&e);
    assert!(line.contains("nope.json does not exist"), "{line}");
    assert!(line.contains("check the path"), "{line}");
    assert_eq!(rapport::cli_error::exit_code(&e), 2);
    assert!(!nowhere.exists());
}
