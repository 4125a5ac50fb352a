//! The store on real files: opening, refusing what is not ours, writing nothing on bad
//! input, undo, private file modes and backups.

mod common;

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;

use rusqlite::Connection;

use common::{Dump, add_client, age, date, dump, folder_state, tempdir};
use rapport::domain::{
    Cents, ClientDraft, ClientFields, ClientId, ClientStatus, IncidentKind, LogEntry, NewIncident,
    NewInvoice, NewRecommendation, NewTicket, NewTimeEntry, RecStatus, TicketKind, Undo,
};
use rapport::store::{APPLICATION_ID, Store, StoreError, schema_version, sqlite_version};

fn open(path: &Path) -> Store {
    Store::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
}

fn ticket(opened: &str, reference: Option<&str>) -> NewTicket {
    NewTicket {
        opened_on: date(opened),
        closed_on: None,
        kind: TicketKind::Incident,
        escalated: false,
        reopen_count: 0,
        external_ref: reference.map(String::from),
        subject: None,
    }
}

fn invoice(number: &str, issued: &str, cents: i64) -> NewInvoice {
    NewInvoice {
        number: Some(number.into()),
        issued_on: date(issued),
        due_on: date(issued),
        paid_on: None,
        amount: Cents(cents),
        disputed: false,
        external_ref: None,
    }
}

fn recommendation(made: &str, title: &str) -> NewRecommendation {
    NewRecommendation {
        made_on: date(made),
        title: title.into(),
        security: true,
        status: RecStatus::Open,
        decided_on: None,
        external_ref: None,
    }
}

/// The id of the row an Undo would take back, i.e. the row just logged.
fn logged_id(undo: &Undo) -> i64 {
    match *undo {
        Undo::DeleteTicket(id)
        | Undo::Unreopen(id)
        | Undo::Unescalate(id)
        | Undo::DeleteInvoice(id)
        | Undo::Unpay(id)
        | Undo::DeleteTime(id)
        | Undo::DeleteRecommendation(id)
        | Undo::Undecide(id)
        | Undo::DeleteIncident(id) => id,
    }
}

/// A database with the schema a test wants to refuse, closed again.
fn rapport_db_with_data(path: &Path) {
    let mut store = open(path);
    let acme = add_client(&mut store, "Acme");
    for i in 0..200 {
        store
            .log(
                acme,
                &LogEntry::Ticket(ticket("2026-01-05", Some(&format!("T-{i}")))),
            )
            .unwrap();
    }
}

/// Opening `path` fails, and the folder around it (every file's bytes and mtime, and no
/// new -wal/-shm/journal files) is exactly as it was.
#[track_caller]
fn refused_untouched(path: &Path) -> StoreError {
    if path.exists() {
        age(path);
    }
    let folder = path.parent().unwrap();
    let before = folder_state(folder);
    let err = Store::open(path).expect_err("the file must be refused");
    assert_eq!(
        folder_state(folder),
        before,
        "refusing must not touch anything: {err}"
    );
    err
}

// ---- opening ---------------------------------------------------------------------------

#[test]
fn a_new_database_is_migrated_and_runs_with_rapports_pragmas() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    for round in ["created", "reopened"] {
        let store = open(&path);
        let p = store.pragmas().unwrap();
        assert_eq!(p.user_version, schema_version(), "{round}");
        assert_eq!(p.application_id, APPLICATION_ID, "{round}");
        assert_eq!(p.journal_mode, "wal", "{round}");
        assert!(p.foreign_keys, "{round}");
        assert_eq!(p.synchronous, 2, "synchronous FULL when {round}");
        assert!(!p.trusted_schema, "{round}");
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }
    assert_eq!(schema_version(), 9, "schema_version counts the migrations");
    let tables: Vec<String> = dump(&path).into_keys().collect();
    assert_eq!(
        tables,
        [
            "client_days",
            "clients",
            "decision_drafts",
            "decisions",
            "incidents",
            "invoices",
            "offboarding",
            "offboarding_ticks",
            "recommendations",
            "scripts",
            "settings",
            "staff_votes",
            "tickets",
            "time_entries"
        ]
    );
    assert_eq!(APPLICATION_ID, i64::from(u32::from_be_bytes(*b"RAPT")));
}

#[test]
fn the_bundled_sqlite_is_at_least_3_51_3() {
    let v: Vec<u32> = sqlite_version()
        .split('.')
        .map(|p| p.parse().expect("numeric version part"))
        .collect();
    assert!(v.len() >= 3, "{}", sqlite_version());
    assert!(
        v >= vec![3, 51, 3],
        "SQLite {} has the WAL-reset bug; rapport needs 3.51.3 or newer",
        sqlite_version()
    );
}

#[test]
fn a_database_from_a_newer_rapport_is_refused_untouched() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    rapport_db_with_data(&path);
    let newer = schema_version() + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    let err = refused_untouched(&path);
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err:?}");
    assert!(
        err.to_string().ends_with(&format!(
            "created by a newer rapport (schema {newer}, this one knows {}): upgrade rapport",
            schema_version()
        )),
        "{err}"
    );
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempdir();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut noise = vec![0u8; 8192];
    rng.fill(&mut noise);
    let cases: [(&str, &[u8]); 4] = [
        ("noise.db", &noise),
        ("notes.db", b"Clients to call back:\n- Acme\n- Globex\n"),
        ("short.db", b"SQLite"),
        ("almost.db", b"SQLite format 2\0 and then some more bytes"),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let err = refused_untouched(&path);
        assert!(
            matches!(err, StoreError::NotRapport { .. }),
            "{name}: {err:?}"
        );
        assert!(
            err.to_string().contains("is not a rapport database"),
            "{err}"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name}");
    }
}

#[test]
fn a_foreign_sqlite_database_is_refused_untouched() {
    let dir = tempdir();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO recipes (name) VALUES ('stamppot');",
        )
        .unwrap();
    }
    let err = refused_untouched(&path);
    assert!(matches!(err, StoreError::NotRapport { .. }), "{err:?}");
    assert_eq!(common::count(&path, "recipes"), 1);

    // Even an empty SQLite file of another application (application_id set, no tables).
    let path = dir.path().join("tagged.db");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "application_id", 42)
        .unwrap();
    let err = refused_untouched(&path);
    assert!(matches!(err, StoreError::NotRapport { .. }), "{err:?}");
}

#[test]
fn a_rapport_file_with_a_damaged_first_page_is_refused_untouched() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    rapport_db_with_data(&path);
    let mut bytes = fs::read(&path).unwrap();
    // Keep the 100-byte header, overwrite the rest of page 1 (the schema) with noise.
    let mut rng = fastrand::Rng::with_seed(11);
    rng.fill(&mut bytes[100..4096]);
    fs::write(&path, &bytes).unwrap();
    let err = refused_untouched(&path);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("is damaged") && msg.contains("restore a backup"),
        "{msg}"
    );
}

#[test]
fn a_truncated_rapport_file_is_refused_untouched() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    rapport_db_with_data(&path);
    let len = fs::metadata(&path).unwrap().len();
    assert!(len > 4 * 4096, "the test needs a database of several pages");
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let err = refused_untouched(&path);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("is damaged"), "{err}");
}

#[test]
fn a_folder_in_place_of_the_database_is_refused() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    fs::create_dir(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
    assert_eq!(fs::read_dir(&path).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn the_data_folder_is_private_and_the_files_are_0600() {
    use common::{mode, sibling};
    let dir = tempdir();
    let data = dir.path().join("share").join("rapport");
    let path = data.join("rapport.db");
    let mut store = open(&path);
    add_client(&mut store, "Acme");
    assert_eq!(mode(&dir.path().join("share")), 0o700);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&path), 0o600);
    for suffix in ["-wal", "-shm"] {
        let f = sibling(&path, suffix);
        assert!(f.exists(), "{} exists while open", f.display());
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    assert_eq!(mode(&copy), 0o600, "a backup is as private as the database");
}

// ---- validation writes nothing -----------------------------------------------------------

/// What a write could change: every row, plus the bytes of the database and its WAL.
fn on_disk(path: &Path) -> (Dump, Vec<u8>, Vec<u8>) {
    let wal = fs::read(common::sibling(path, "-wal")).unwrap_or_default();
    (dump(path), fs::read(path).unwrap(), wal)
}

fn fields(name: &str) -> ClientFields {
    ClientDraft {
        name: name.into(),
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap()
}

#[test]
fn a_duplicate_client_name_in_any_case_is_refused_and_writes_nothing() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    add_client(&mut store, "Acme BV");
    let globex = add_client(&mut store, "Globex");
    let before = on_disk(&path);
    for name in ["acme bv", "ACME BV", "  Acme BV  "] {
        let err = store.add_client(&fields(name)).unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{name:?}: {err:?}");
        assert!(
            err.to_string().contains("already used by client 'Acme BV'"),
            "{err}"
        );
        let err = store.update_client(globex, &fields(name)).unwrap_err();
        assert!(
            matches!(err, StoreError::Invalid(_)),
            "rename to {name:?}: {err:?}"
        );
    }
    assert_eq!(on_disk(&path), before);
    // Changing only the case of one's own name is fine.
    store.update_client(globex, &fields("GLOBEX")).unwrap();
    assert_eq!(store.client(globex).unwrap().fields.name, "GLOBEX");
}

#[test]
fn invalid_client_input_names_the_field_and_writes_nothing() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    add_client(&mut store, "Acme");
    let before = on_disk(&path);
    let base = ClientDraft {
        name: "Initech".into(),
        ..ClientDraft::new_client()
    };
    let cases: Vec<(ClientDraft, &str, &str)> = vec![
        (
            ClientDraft {
                contract_start: "2026-05-01".into(),
                contract_end: "2026-04-30".into(),
                ..base.clone()
            },
            "contract end",
            "before contract start",
        ),
        (
            ClientDraft {
                status: "gone".into(),
                ..base.clone()
            },
            "status",
            "active, prospect, former",
        ),
        (
            ClientDraft {
                mrr: "-5".into(),
                ..base.clone()
            },
            "MRR",
            "negative",
        ),
        (
            ClientDraft {
                mrr: "1.505".into(),
                ..base.clone()
            },
            "MRR",
            "more than two decimals",
        ),
        (
            ClientDraft {
                email: "it.acme.example".into(),
                ..base.clone()
            },
            "email",
            "@",
        ),
        (
            ClientDraft {
                contract_start: "2026-02-30".into(),
                ..base.clone()
            },
            "contract start",
            "not a real calendar date",
        ),
    ];
    for (draft, field, words) in cases {
        let err = draft.validate().expect_err(field);
        let msg = err
            .for_field(field)
            .unwrap_or_else(|| panic!("{field}: {err}"));
        assert!(msg.contains(words), "{field}: {msg}");
    }
    // The schema refuses the same facts when validation is bypassed.
    let mut bad = fields("Initech");
    bad.contract_start = Some(date("2026-05-01"));
    bad.contract_end = Some(date("2026-04-30"));
    assert!(store.add_client(&bad).is_err());
    let mut bad = fields("Initech");
    bad.mrr = Cents(-1);
    assert!(store.add_client(&bad).is_err());
    let mut bad = fields("Initech");
    bad.name = "   ".into();
    assert!(store.add_client(&bad).is_err());
    assert_eq!(on_disk(&path), before);
}

#[test]
fn a_reference_already_used_names_the_entry_that_holds_it() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    let acme = add_client(&mut store, "Acme");
    let globex = add_client(&mut store, "Globex");
    let time = |reference: &str| {
        LogEntry::Time(NewTimeEntry {
            worked_on: date("2026-03-02"),
            minutes: 30,
            note: None,
            external_ref: Some(reference.into()),
        })
    };
    let rec = |reference: &str| {
        let mut r = recommendation("2026-03-05", "MFA");
        r.external_ref = Some(reference.into());
        LogEntry::Recommendation(r)
    };
    let with_ref = |number: &str, reference: &str| {
        let mut i = invoice(number, "2026-03-10", 100);
        i.external_ref = Some(reference.into());
        LogEntry::Invoice(i)
    };
    let w = logged_id(&store.log(acme, &time("TE-1")).unwrap());
    let r = logged_id(&store.log(acme, &rec("R-1")).unwrap());
    let i = logged_id(&store.log(acme, &with_ref("INV-1", "X-1")).unwrap());
    // Another client may use the same ones.
    store.log(globex, &time("TE-1")).unwrap();
    store.log(globex, &rec("R-1")).unwrap();
    let before = on_disk(&path);
    for (entry, message) in [
        (
            time("TE-1"),
            format!(
                "reference 'TE-1' is already used by time entry w{w} of this client: choose another reference"
            ),
        ),
        (
            rec("R-1"),
            format!(
                "reference 'R-1' is already used by recommendation r{r} of this client: choose another reference"
            ),
        ),
        (
            with_ref("INV-2", "X-1"),
            format!(
                "reference 'X-1' is already used by invoice i{i} of this client: choose another reference"
            ),
        ),
    ] {
        let err = store.log(acme, &entry).unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{entry:?}: {err:?}");
        assert_eq!(err.to_string(), message);
    }
    assert_eq!(on_disk(&path), before);
}

#[test]
fn refused_log_entries_write_nothing() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    let acme = add_client(&mut store, "Acme");
    let t = logged_id(
        &store
            .log(acme, &LogEntry::Ticket(ticket("2026-03-01", Some("T-1"))))
            .unwrap(),
    );
    store
        .log(acme, &LogEntry::Escalate { ticket_id: t })
        .unwrap();
    let inv = logged_id(
        &store
            .log(
                acme,
                &LogEntry::Invoice(invoice("INV-7", "2026-03-10", 120_000)),
            )
            .unwrap(),
    );
    let paid = logged_id(
        &store
            .log(
                acme,
                &LogEntry::Invoice(invoice("INV-8", "2026-03-10", 5_000)),
            )
            .unwrap(),
    );
    store
        .log(
            acme,
            &LogEntry::Payment {
                invoice_id: paid,
                paid_on: date("2026-03-20"),
            },
        )
        .unwrap();
    let rec = logged_id(
        &store
            .log(
                acme,
                &LogEntry::Recommendation(recommendation("2026-03-05", "MFA")),
            )
            .unwrap(),
    );
    let before = on_disk(&path);
    let cases: Vec<(LogEntry, &str)> = vec![
        (
            LogEntry::Payment {
                invoice_id: inv,
                paid_on: date("2026-03-09"),
            },
            "a payment cannot come before its invoice",
        ),
        (
            LogEntry::Payment {
                invoice_id: paid,
                paid_on: date("2026-03-25"),
            },
            "already paid on 2026-03-20",
        ),
        (LogEntry::Escalate { ticket_id: t }, "already escalated"),
        (
            LogEntry::Ticket(ticket("2026-03-02", Some("T-1"))),
            "already used by ticket t",
        ),
        (
            LogEntry::Invoice(invoice("INV-7", "2026-04-01", 100)),
            "already used by invoice i",
        ),
        (
            LogEntry::Decide {
                recommendation_id: rec,
                status: RecStatus::Implemented,
                decided_on: date("2026-03-04"),
            },
            "before the recommendation was made",
        ),
        (
            LogEntry::Decide {
                recommendation_id: rec,
                status: RecStatus::Open,
                decided_on: date("2026-03-06"),
            },
            "must be implemented or ignored",
        ),
        (
            LogEntry::Reopen { ticket_id: 9_999 },
            "not one of this client's",
        ),
    ];
    for (entry, words) in cases {
        let err = store.log(acme, &entry).expect_err(words);
        assert!(matches!(err, StoreError::Invalid(_)), "{entry:?}: {err:?}");
        assert!(err.to_string().contains(words), "{entry:?}: {err}");
    }
    // The schema backs the rules up: a ticket closed before it opened never lands.
    let mut backwards = ticket("2026-03-10", None);
    backwards.closed_on = Some(date("2026-03-09"));
    assert!(store.log(acme, &LogEntry::Ticket(backwards)).is_err());
    // Logging for a client that does not exist.
    let err = store
        .log(
            ClientId(4_242),
            &LogEntry::Ticket(ticket("2026-03-02", None)),
        )
        .unwrap_err();
    assert!(err.to_string().contains("no longer exists"), "{err}");
    assert_eq!(on_disk(&path), before);
}

// ---- log and undo ------------------------------------------------------------------------

/// Logs `entry`, checks what changed with `check(before, after)`, undoes it and checks
/// that every row is back exactly as it was; a second undo is refused and changes nothing.
#[track_caller]
fn logs_and_undoes(
    store: &mut Store,
    client: ClientId,
    entry: LogEntry,
    check: impl Fn(&Dump, &Dump),
) -> Undo {
    let path = store.path().to_path_buf();
    let before = dump(&path);
    let undo = store.log(client, &entry).unwrap();
    let logged = dump(&path);
    assert_ne!(logged, before, "{entry:?} changed nothing");
    check(&before, &logged);
    store.undo(&undo).unwrap();
    assert_eq!(dump(&path), before, "undo of {entry:?} is not exact");
    let err = store.undo(&undo);
    if matches!(
        undo,
        Undo::DeleteTicket(_)
            | Undo::DeleteInvoice(_)
            | Undo::DeleteTime(_)
            | Undo::DeleteRecommendation(_)
            | Undo::DeleteIncident(_)
            | Undo::Unreopen(_)
    ) {
        assert!(err.is_err(), "a second undo of {undo:?} must be refused");
    }
    assert_eq!(
        dump(&path),
        before,
        "a second undo of {entry:?} changed something"
    );
    undo
}

/// Rows of `table` in `after` that are not in `before`.
fn added<'a>(before: &Dump, after: &'a Dump, table: &str) -> Vec<&'a Vec<rusqlite::types::Value>> {
    after[table]
        .iter()
        .filter(|r| !before[table].contains(r))
        .collect()
}

/// The one row of `table` whose id is `id`, by column name.
fn row(conn_path: &Path, table: &str, id: i64) -> serde_json::Map<String, serde_json::Value> {
    let conn = common::raw_read(conn_path);
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))
        .unwrap();
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    stmt.query_row([id], |r| {
        Ok(names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let v = match r.get::<_, rusqlite::types::Value>(i).unwrap() {
                    rusqlite::types::Value::Null => serde_json::Value::Null,
                    rusqlite::types::Value::Integer(i) => i.into(),
                    rusqlite::types::Value::Text(s) => s.into(),
                    other => panic!("unexpected {other:?}"),
                };
                (n.clone(), v)
            })
            .collect())
    })
    .unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    acme: ClientId,
    globex: ClientId,
}

fn fixture() -> Fixture {
    let dir = tempdir();
    let mut store = open(&dir.path().join("r.db"));
    let acme = add_client(&mut store, "Acme");
    let globex = add_client(&mut store, "Globex");
    Fixture {
        _dir: dir,
        store,
        acme,
        globex,
    }
}

#[test]
fn a_ticket_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let entry = LogEntry::Ticket(NewTicket {
        opened_on: date("2026-03-01"),
        closed_on: Some(date("2026-03-03")),
        kind: TicketKind::Request,
        escalated: true,
        reopen_count: 2,
        external_ref: Some("PSA-1".into()),
        subject: None,
    });
    let undo = logs_and_undoes(&mut f.store, acme, entry, |b, a| {
        let rows = added(b, a, "tickets");
        assert_eq!(rows.len(), 1);
        use rusqlite::types::Value::{Integer, Null, Text};
        assert_eq!(
            rows[0][1..],
            [
                Integer(acme.0),
                Text("2026-03-01".into()),
                Text("2026-03-03".into()),
                Text("request".into()),
                Integer(1),
                Integer(2),
                Text("PSA-1".into()),
                Text("psa-1".into()),
                Null,
                Null,
                Null
            ]
        );
    });
    assert!(matches!(undo, Undo::DeleteTicket(_)), "{undo:?}");
}

#[test]
fn a_reopen_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let t = logged_id(
        &f.store
            .log(acme, &LogEntry::Ticket(ticket("2026-03-01", None)))
            .unwrap(),
    );
    let path = f.store.path().to_path_buf();
    logs_and_undoes(
        &mut f.store,
        acme,
        LogEntry::Reopen { ticket_id: t },
        |_, _| {
            assert_eq!(row(&path, "tickets", t)["reopen_count"], 1);
        },
    );
    assert_eq!(row(&path, "tickets", t)["reopen_count"], 0);
}

#[test]
fn an_escalation_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let t = logged_id(
        &f.store
            .log(acme, &LogEntry::Ticket(ticket("2026-03-01", None)))
            .unwrap(),
    );
    let path = f.store.path().to_path_buf();
    logs_and_undoes(
        &mut f.store,
        acme,
        LogEntry::Escalate { ticket_id: t },
        |_, _| {
            assert_eq!(row(&path, "tickets", t)["escalated"], 1);
        },
    );
    assert_eq!(row(&path, "tickets", t)["escalated"], 0);
}

#[test]
fn an_invoice_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let mut inv = invoice("unused", "2026-03-10", 150_050);
    inv.number = None;
    inv.due_on = date("2026-04-09");
    inv.disputed = true;
    let undo = logs_and_undoes(&mut f.store, acme, LogEntry::Invoice(inv), |b, a| {
        let rows = added(b, a, "invoices");
        assert_eq!(rows.len(), 1);
        use rusqlite::types::Value::{Integer, Null, Text};
        assert_eq!(
            rows[0][1..],
            [
                Integer(acme.0),
                Text("INV-0001".into()),
                Text("2026-03-10".into()),
                Text("2026-04-09".into()),
                Null,
                Integer(150_050),
                Integer(1),
                Null,
                Text("inv-0001".into()),
                Null,
                Null
            ]
        );
    });
    assert!(matches!(undo, Undo::DeleteInvoice(_)), "{undo:?}");
}

#[test]
fn a_payment_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let path = f.store.path().to_path_buf();
    let inv = logged_id(
        &f.store
            .log(
                acme,
                &LogEntry::Invoice(invoice("INV-1", "2026-03-10", 9_900)),
            )
            .unwrap(),
    );
    let entry = LogEntry::Payment {
        invoice_id: inv,
        paid_on: date("2026-03-10"),
    };
    logs_and_undoes(&mut f.store, acme, entry.clone(), |_, _| {
        assert_eq!(row(&path, "invoices", inv)["paid_on"], "2026-03-10");
    });
    assert_eq!(
        row(&path, "invoices", inv)["paid_on"],
        serde_json::Value::Null
    );
    // Unpaid again, so it can be paid again.
    f.store.log(acme, &entry).unwrap();
}

#[test]
fn time_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let entry = LogEntry::Time(NewTimeEntry {
        worked_on: date("2026-03-02"),
        minutes: 95,
        note: Some("printer, again".into()),
        external_ref: Some("TE-1".into()),
    });
    logs_and_undoes(&mut f.store, acme, entry, |b, a| {
        let rows = added(b, a, "time_entries");
        assert_eq!(rows.len(), 1);
        use rusqlite::types::Value::{Integer, Null, Text};
        assert_eq!(
            rows[0][1..],
            [
                Integer(acme.0),
                Text("2026-03-02".into()),
                Integer(95),
                Text("printer, again".into()),
                Text("TE-1".into()),
                Null,
                Null
            ]
        );
    });
}

#[test]
fn a_recommendation_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let mut rec = recommendation("2026-03-05", "Replace the 2012 server");
    rec.status = RecStatus::Ignored;
    rec.decided_on = Some(date("2026-03-07"));
    logs_and_undoes(&mut f.store, acme, LogEntry::Recommendation(rec), |b, a| {
        let rows = added(b, a, "recommendations");
        assert_eq!(rows.len(), 1);
        use rusqlite::types::Value::{Integer, Null, Text};
        assert_eq!(
            rows[0][1..],
            [
                Integer(acme.0),
                Text("2026-03-05".into()),
                Text("Replace the 2012 server".into()),
                Integer(1),
                Text("ignored".into()),
                Text("2026-03-07".into()),
                Null,
                Null,
                Null
            ]
        );
    });
}

#[test]
fn a_decision_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let path = f.store.path().to_path_buf();
    let rec = logged_id(
        &f.store
            .log(
                acme,
                &LogEntry::Recommendation(recommendation("2026-03-05", "MFA")),
            )
            .unwrap(),
    );
    let entry = LogEntry::Decide {
        recommendation_id: rec,
        status: RecStatus::Implemented,
        decided_on: date("2026-03-20"),
    };
    logs_and_undoes(&mut f.store, acme, entry, |_, _| {
        let r = row(&path, "recommendations", rec);
        assert_eq!(r["status"], "implemented");
        assert_eq!(r["decided_on"], "2026-03-20");
    });
    assert_eq!(
        f.store.open_recommendations(acme).unwrap().len(),
        1,
        "open again after undo"
    );
}

#[test]
fn an_incident_logs_and_undoes_exactly() {
    let mut f = fixture();
    let acme = f.acme;
    let entry = LogEntry::Incident(NewIncident {
        occurred_on: date("2026-03-09"),
        kind: IncidentKind::UnreasonableDemand,
        note: Some("wanted it done by 6am".into()),
    });
    logs_and_undoes(&mut f.store, acme, entry, |b, a| {
        let rows = added(b, a, "incidents");
        assert_eq!(rows.len(), 1);
        use rusqlite::types::Value::{Integer, Null, Text};
        assert_eq!(
            rows[0][1..],
            [
                Integer(acme.0),
                Text("2026-03-09".into()),
                Text("unreasonable_demand".into()),
                Text("wanted it done by 6am".into()),
                Null,
                Null,
                Null
            ]
        );
    });
}

#[test]
fn undo_takes_back_only_its_own_entry() {
    let mut f = fixture();
    let acme = f.acme;
    let path = f.store.path().to_path_buf();
    let t = logged_id(
        &f.store
            .log(acme, &LogEntry::Ticket(ticket("2026-03-01", None)))
            .unwrap(),
    );
    let first = f
        .store
        .log(acme, &LogEntry::Reopen { ticket_id: t })
        .unwrap();
    f.store
        .log(acme, &LogEntry::Reopen { ticket_id: t })
        .unwrap();
    f.store.undo(&first).unwrap();
    assert_eq!(row(&path, "tickets", t)["reopen_count"], 1);
}

#[test]
fn another_clients_rows_cannot_be_logged_against() {
    let mut f = fixture();
    let (acme, globex) = (f.acme, f.globex);
    let path = f.store.path().to_path_buf();
    let t = logged_id(
        &f.store
            .log(acme, &LogEntry::Ticket(ticket("2026-03-01", None)))
            .unwrap(),
    );
    let inv = logged_id(
        &f.store
            .log(
                acme,
                &LogEntry::Invoice(invoice("INV-1", "2026-03-10", 9_900)),
            )
            .unwrap(),
    );
    let rec = logged_id(
        &f.store
            .log(
                acme,
                &LogEntry::Recommendation(recommendation("2026-03-05", "MFA")),
            )
            .unwrap(),
    );
    let before = on_disk(&path);
    let cases = [
        (LogEntry::Reopen { ticket_id: t }, "ticket"),
        (LogEntry::Escalate { ticket_id: t }, "ticket"),
        (
            LogEntry::Payment {
                invoice_id: inv,
                paid_on: date("2026-03-11"),
            },
            "invoice",
        ),
        (
            LogEntry::Decide {
                recommendation_id: rec,
                status: RecStatus::Ignored,
                decided_on: date("2026-03-11"),
            },
            "recommendation",
        ),
    ];
    for (entry, what) in cases {
        let err = f.store.log(globex, &entry).unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{entry:?}: {err:?}");
        let msg = err.to_string();
        assert!(
            msg.starts_with(what) && msg.contains("is not one of this client's"),
            "{msg}"
        );
    }
    assert_eq!(on_disk(&path), before);
}

// ---- clients ---------------------------------------------------------------------------------

#[test]
fn clients_are_found_by_name_in_any_case_and_listed_by_name() {
    let mut f = fixture();
    add_client(&mut f.store, "bravo");
    let names: Vec<String> = f
        .store
        .clients()
        .unwrap()
        .into_iter()
        .map(|c| c.fields.name)
        .collect();
    assert_eq!(names, ["Acme", "bravo", "Globex"]);
    assert_eq!(f.store.client_by_name("  gLoBeX ").unwrap().id, f.globex);
    let err = f.store.client_by_name("Initech").unwrap_err();
    assert!(matches!(err, StoreError::UnknownClient(_)));
    assert!(
        err.to_string().contains("no client named 'Initech'"),
        "{err}"
    );
    let seen = f.store.client(f.acme).unwrap().fields;
    f.store.archive_client(f.acme, &seen).unwrap();
    assert_eq!(
        f.store.client(f.acme).unwrap().fields.status,
        ClientStatus::Former
    );
    assert_eq!(
        f.store.client_count().unwrap(),
        3,
        "archiving deletes nothing"
    );
}

// ---- backup ----------------------------------------------------------------------------------

#[test]
fn a_backup_is_a_valid_rapport_database_with_the_same_rows() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    rapport_db_with_data(&path);
    let store = open(&path);
    let copy = dir.path().join("backups").join("copy.db");
    fs::create_dir(copy.parent().unwrap()).unwrap();
    store.backup_to(&copy).unwrap();
    assert_eq!(dump(&copy), dump(&path));
    assert_eq!(dump(&copy)["tickets"].len(), 200);
    let restored = open(&copy);
    assert_eq!(restored.integrity_check().unwrap(), "ok");
    assert_eq!(restored.pragmas().unwrap().application_id, APPLICATION_ID);
    assert_eq!(restored.client_by_name("acme").unwrap().fields.name, "Acme");
}

#[test]
fn a_backup_never_overwrites_an_existing_file() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    add_client(&mut store, "Acme");
    let dest = dir.path().join("precious.db");
    fs::write(&dest, b"last year's accounts").unwrap();
    age(&dest);
    let before = folder_state(dir.path());
    let err = store.backup_to(&dest).unwrap_err();
    assert!(err.to_string().contains("precious.db"), "{err}");
    let detail = format!("{:#}", anyhow::Error::from(err));
    assert!(detail.contains("never overwrites"), "{detail}");
    let after = folder_state(dir.path());
    assert_eq!(after, before);
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_a_consistent_snapshot() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    // Big enough that one backup pass takes several steps.
    {
        let mut store = open(&path);
        let acme = add_client(&mut store, "Acme");
        let conn = Connection::open(&path).unwrap();
        let note = "x".repeat(400);
        conn.execute_batch("BEGIN").unwrap();
        for i in 0..6_000 {
            conn.execute(
                "INSERT INTO time_entries (client_id, worked_on, minutes, note) VALUES (?1, '2026-01-01', 30, ?2)",
                rusqlite::params![acme.0, format!("{i} {note}")],
            )
            .unwrap();
        }
        conn.execute_batch("COMMIT").unwrap();
    }
    const MAX_WRITES: u64 = 20_000;
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let started = Arc::new(Barrier::new(2));
    let writer = {
        let (path, stop, written, started) =
            (path.clone(), stop.clone(), written.clone(), started.clone());
        thread::spawn(move || {
            let mut store = open(&path);
            let acme = store.client_by_name("Acme").unwrap().id;
            let mut started = Some(started);
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) && i < MAX_WRITES {
                store
                    .log(
                        acme,
                        &LogEntry::Ticket(ticket("2026-02-01", Some(&format!("W-{i}")))),
                    )
                    .unwrap();
                i += 1;
                written.store(i, Ordering::SeqCst);
                if let Some(b) = started.take() {
                    b.wait();
                }
            }
        })
    };
    started.wait();
    let store = open(&path);
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    let writes_when_done = written.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    assert!(
        writes_when_done < MAX_WRITES,
        "the backup only finished once the writer stopped"
    );

    let backup = open(&copy);
    assert_eq!(backup.integrity_check().unwrap(), "ok");
    let snapshot = dump(&copy);
    let now = dump(&path);
    assert_eq!(snapshot["time_entries"], now["time_entries"]);
    assert_eq!(snapshot["clients"], now["clients"]);
    // The copy holds a prefix of the writer's tickets: W-0 .. W-(n-1), nothing torn.
    let n = snapshot["tickets"].len();
    assert!(n >= 1, "the writer had logged before the backup started");
    assert_eq!(snapshot["tickets"][..], now["tickets"][..n]);
    let refs = common::column(&copy, "SELECT external_ref FROM tickets ORDER BY id");
    let expected: Vec<String> = (0..n).map(|i| format!("W-{i}")).collect();
    assert_eq!(refs, expected);
}

// ---- two windows on one file -----------------------------------------------------------------

#[test]
fn an_edit_over_facts_another_window_changed_is_refused_and_says_what_changed() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut tui = open(&path);
    let mut cli = open(&path);
    let id = add_client(&mut tui, "Bravo");
    let opened = tui.client(id).unwrap().fields;
    let mut theirs = opened.clone();
    theirs.mrr = Cents(99_900);
    theirs.seats = 7;
    theirs.notes = Some("from cli".into());
    cli.update_client(id, &theirs).unwrap();

    let mut mine = opened.clone();
    mine.phone = Some("+31 20 555 0101".into());
    let err = tui.save_edit(id, &opened, &mine).unwrap_err();
    match &err {
        StoreError::Conflict { what, changes } => {
            assert_eq!(what, "'Bravo'");
            assert_eq!(
                changes,
                "MRR 0.00 -> 999.00, seats 1 -> 7, notes - -> from cli"
            );
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(tui.client(id).unwrap().fields, theirs, "nothing was saved");

    // Over the facts as they are now, only the changed field is written.
    let mut mine = theirs.clone();
    mine.phone = Some("+31 20 555 0101".into());
    let changed = tui.save_edit(id, &theirs, &mine).unwrap();
    assert_eq!(changed, [rapport::domain::ClientField::Phone]);
    assert_eq!(tui.client(id).unwrap().fields, mine);
}

#[test]
fn a_command_line_edit_reads_and_writes_in_one_transaction_and_only_the_given_fields() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut a = open(&path);
    let mut b = open(&path);
    let id = add_client(&mut a, "Bravo");
    let mut notes = a.client(id).unwrap().fields;
    notes.notes = Some("written by the other window".into());
    b.update_client(id, &notes).unwrap();
    let (before, after, changed) = a
        .edit_client("BRAVO", |current| {
            let mut d = ClientDraft::from(current);
            d.mrr = "1500".into();
            d.validate()
        })
        .unwrap();
    assert_eq!(
        before.fields.notes.as_deref(),
        Some("written by the other window")
    );
    assert_eq!(changed, [rapport::domain::ClientField::Mrr]);
    assert_eq!(after.notes.as_deref(), Some("written by the other window"));
    assert_eq!(a.client(id).unwrap().fields, after);
    // The same values again: nothing to write.
    let (_, _, changed) = a
        .edit_client("bravo", |current| Ok(current.clone()))
        .unwrap();
    assert!(changed.is_empty());
}

#[test]
fn an_archive_or_a_gut_check_over_changes_made_elsewhere_is_refused() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut tui = open(&path);
    let mut cli = open(&path);
    let id = add_client(&mut tui, "Bravo");
    let seen = tui.client(id).unwrap().fields;
    let mut renamed = seen.clone();
    renamed.name = "Bravo Bouw".into();
    cli.update_client(id, &renamed).unwrap();
    let err = tui.archive_client(id, &seen).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(tui.client(id).unwrap().fields.status, ClientStatus::Active);
    tui.archive_client(id, &renamed).unwrap();
    assert_eq!(tui.client(id).unwrap().fields.status, ClientStatus::Former);

    let other = add_client(&mut tui, "Charlie");
    tui.set_votes_if(2026, "Sanne", &[], &[other]).unwrap();
    cli.set_votes(2026, "Sanne", &[]).unwrap();
    let err = tui
        .set_votes_if(2026, "Sanne", &[other], &[other, id])
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("Sanne's gut check of 2026 changed in another window"),
        "{err}"
    );
    assert!(tui.votes(2026).unwrap().is_empty(), "nothing was saved");
}

#[test]
fn every_change_to_a_client_or_its_evidence_moves_its_revision_and_data_version_tells() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut tui = open(&path);
    let mut cli = open(&path);
    let acme = add_client(&mut tui, "Acme");
    let globex = add_client(&mut tui, "Globex");
    let rev = |s: &Store, id: ClientId| {
        s.revisions()
            .unwrap()
            .into_iter()
            .find(|(c, _)| *c == id)
            .unwrap()
            .1
    };
    let version = tui.data_version().unwrap();
    let (acme0, globex0) = (rev(&tui, acme), rev(&tui, globex));
    let undo = cli
        .log(acme, &LogEntry::Ticket(ticket("2026-03-01", None)))
        .unwrap();
    assert_ne!(
        tui.data_version().unwrap(),
        version,
        "another connection wrote"
    );
    assert!(
        rev(&tui, acme) > acme0,
        "a ticket moves its client's revision"
    );
    assert_eq!(rev(&tui, globex), globex0, "and no other's");
    let acme1 = rev(&tui, acme);
    cli.undo(&undo).unwrap();
    assert!(rev(&tui, acme) > acme1, "so does taking it back");
    let before = tui.data_version().unwrap();
    tui.log(globex, &LogEntry::Ticket(ticket("2026-03-01", None)))
        .unwrap();
    assert_eq!(
        tui.data_version().unwrap(),
        before,
        "a connection's own writes do not count as another's"
    );
    cli.set_votes(2026, "Sanne", &[globex]).unwrap();
    assert!(
        rev(&tui, globex) > globex0 + 1,
        "a vote moves the named client's revision"
    );
}

#[test]
fn an_undo_never_takes_back_a_row_that_changed_or_now_belongs_to_another_client() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    let acme = add_client(&mut store, "Acme");
    let globex = add_client(&mut store, "Globex");
    let undo = store
        .log(acme, &LogEntry::Ticket(ticket("2026-03-01", None)))
        .unwrap();
    let after = store.event(undo.event()).unwrap();
    // A restore elsewhere gave the id to another client's ticket.
    let conn = Connection::open(&path).unwrap();
    let id = undo.event().row();
    conn.execute("DELETE FROM tickets WHERE id = ?1", [id])
        .unwrap();
    conn.execute(
        "INSERT INTO tickets (id, client_id, opened_on, kind) VALUES (?1, ?2, '2026-03-02', 'incident')",
        rusqlite::params![id, globex.0],
    )
    .unwrap();
    drop(conn);
    let err = store.undo_logged(&undo, &after).unwrap_err();
    assert!(
        err.to_string().contains("another client"),
        "refused, saying why: {err}"
    );
    assert_eq!(
        common::count(&path, "tickets"),
        1,
        "Globex's ticket is kept"
    );
    // Unchanged, it goes.
    let undo = store
        .log(acme, &LogEntry::Ticket(ticket("2026-03-05", None)))
        .unwrap();
    let after = store.event(undo.event()).unwrap();
    store.undo_logged(&undo, &after).unwrap();
    assert_eq!(common::count(&path, "tickets"), 1);
}

// ---- decisions made in a walk --------------------------------------------------------------

/// A finished walk's decision about `id` on 2026-06-30, with `chosen` (None: the proposal).
fn walk_decision(
    store: &Store,
    id: ClientId,
    chosen: Option<rapport::domain::decide::Outcome>,
) -> rapport::domain::decide::decision::Decision {
    use rapport::domain::decide::case::{DecisionRules, Portfolio};
    use rapport::domain::decide::decision::Decision;
    use rapport::domain::decide::walk::Walk;
    let client = store.client(id).unwrap();
    let facts = store.portfolio_facts().unwrap();
    let (scoring, pareto, rules) = (
        rapport::domain::score::Rules::default(),
        rapport::domain::pareto::ParetoRules::default(),
        DecisionRules::default(),
    );
    let portfolio = Portfolio {
        facts: &facts,
        scoring: &scoring,
        pareto: &pareto,
        decisions: &rules,
    };
    let case = portfolio.case(&client, &store.records(id).unwrap(), date("2026-06-30"));
    let mut walk = Walk::new(case, None);
    walk.choose(chosen);
    walk.set_override_reason("chosen in a test").unwrap();
    let settled = walk.finish().unwrap();
    Decision::from_walk(&walk.case, &walk.answers, settled, date("2026-06-30"))
}

#[test]
fn a_decision_on_a_client_that_moved_since_the_walk_opened_is_refused() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = open(&path);
    let acme = add_client(&mut store, "Acme");
    let rev = store.revision(acme).unwrap();
    let d = walk_decision(&store, acme, None);
    // Another window logs a ticket for Acme while the walk is open.
    open(&path)
        .log(acme, &LogEntry::Ticket(ticket("2026-06-29", None)))
        .unwrap();
    match store.save_decision_at(&d, Some(rev)) {
        Err(StoreError::Conflict { what, changes }) => {
            assert_eq!(what, "'Acme'");
            assert!(changes.contains("since the walk opened"), "{changes}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(
        store.decisions(Some(acme)).unwrap().is_empty(),
        "nothing written"
    );
    let fresh = store.revision(acme).unwrap();
    assert_ne!(fresh, rev);
    let id = store.save_decision_at(&d, Some(fresh)).unwrap();
    assert_eq!(store.decision(id).unwrap().client, acme);
    assert!(matches!(
        store.revision(ClientId(999)),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn undoing_a_decision_deletes_it_and_gives_a_prospect_back_its_status() {
    use rapport::domain::decide::Outcome;
    let dir = tempdir();
    let mut store = open(&dir.path().join("r.db"));
    let fields = ClientDraft {
        name: "Dierenkliniek Oost".into(),
        status: "prospect".into(),
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap();
    let vet = store.add_client(&fields).unwrap();
    let before = dump(store.path());
    let d = walk_decision(&store, vet, Some(Outcome::TakeOn));
    let id = store.save_decision(&d).unwrap();
    assert_eq!(
        store.client(vet).unwrap().fields.status,
        ClientStatus::Active
    );
    let saved = store.decision(id).unwrap();
    store.undo_decision(&saved, &[]).unwrap();
    let client = store.client(vet).unwrap();
    assert_eq!(client.fields.status, ClientStatus::Prospect);
    assert!(store.expectations(vet).unwrap().is_empty());
    assert!(store.decisions(Some(vet)).unwrap().is_empty());
    let after = dump(store.path());
    for table in ["decisions", "decision_drafts"] {
        assert_eq!(after[table], before[table], "{table}");
    }
    // Once more: it is gone, and nothing is changed.
    assert!(matches!(
        store.undo_decision(&saved, &[]),
        Err(StoreError::Conflict { .. })
    ));
}

#[test]
fn a_take_on_is_not_undone_over_a_client_changed_since() {
    use rapport::domain::decide::Outcome;
    let dir = tempdir();
    let mut store = open(&dir.path().join("r.db"));
    let fields = ClientDraft {
        name: "Kapsalon Belle".into(),
        status: "prospect".into(),
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap();
    let salon = store.add_client(&fields).unwrap();
    let id = store
        .save_decision(&walk_decision(&store, salon, Some(Outcome::TakeOn)))
        .unwrap();
    let saved = store.decision(id).unwrap();
    // Archived in another window since.
    let now = store.client(salon).unwrap().fields;
    store
        .update_client(
            salon,
            &ClientFields {
                status: ClientStatus::Former,
                ..now
            },
        )
        .unwrap();
    match store.undo_decision(&saved, &[]) {
        Err(StoreError::Conflict { changes, .. }) => {
            assert!(changes.contains("status or expectations"), "{changes}")
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.decisions(Some(salon)).unwrap().len(), 1, "kept");
    assert_eq!(
        store.client(salon).unwrap().fields.status,
        ClientStatus::Former
    );
}
