//! The store's side of an import: records added, updated or left alone by their reference,
//! the same file twice adds nothing, a bad row or a dry run writes nothing, unknown clients
//! are reported (or created, matched by the identity rules), and another connection never
//! sees half an import.

mod common;

use std::cell::Cell;

use common::{add_client, date, raw_read, tempdir};
use rapport::domain::import::{ImportRecord, RowError, RowProblem};
use rapport::domain::record::EventRef;
use rapport::domain::{
    Cents, ClientDraft, ClientField, NewInvoice, NewRecommendation, NewTicket, NewTimeEntry,
    RecStatus, TicketKind,
};
use rapport::store::{ImportOptions, ImportReport, ImportRow, Store};

fn ticket(client: &str, r: Option<&str>, opened: &str, kind: TicketKind) -> ImportRecord {
    ImportRecord::Ticket {
        client: client.into(),
        ticket: NewTicket {
            opened_on: date(opened),
            closed_on: None,
            kind,
            escalated: false,
            reopen_count: 0,
            external_ref: r.map(str::to_string),
            subject: Some(format!("Printer {}", r.unwrap_or("-"))),
        },
    }
}

fn import(store: &mut Store, rows: Vec<ImportRow>, options: ImportOptions) -> ImportReport {
    store
        .import_records(&mut rows.into_iter(), options, &mut |_| {})
        .expect("the import runs")
}

fn lines(records: Vec<ImportRecord>) -> Vec<ImportRow> {
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| Ok((i as u64 + 2, r)))
        .collect()
}

fn count(store: &Store, table: &str) -> i64 {
    raw_read(store.path())
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("a count")
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempdir();
    let store = Store::open(&dir.path().join("r.db")).expect("a store");
    (dir, store)
}

fn three_tickets() -> Vec<ImportRecord> {
    vec![
        ticket("Acme", Some("T-1"), "2026-01-05", TicketKind::Incident),
        ticket("acme", Some("T-2"), "2026-01-06", TicketKind::Request),
        ticket("Acme", None, "2026-01-07", TicketKind::Admin),
    ]
}

#[test]
fn tickets_are_added_then_the_same_file_adds_nothing() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    let first = import(&mut store, lines(three_tickets()), ImportOptions::default());
    assert_eq!(
        (first.rows, first.added, first.updated, first.unchanged),
        (3, 3, 0, 0)
    );
    assert!(first.written);
    assert_eq!(count(&store, "tickets"), 3);
    let second = import(&mut store, lines(three_tickets()), ImportOptions::default());
    assert_eq!(
        (second.added, second.updated, second.unchanged),
        (0, 0, 3),
        "{second:?}"
    );
    assert_eq!(count(&store, "tickets"), 3);
    // The rollup counts each ticket once.
    let days: i64 = raw_read(store.path())
        .query_row("SELECT sum(tickets) FROM client_days", [], |r| r.get(0))
        .unwrap();
    assert_eq!(days, 3);
}

#[test]
fn a_changed_row_is_updated_and_the_rollup_follows() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    import(&mut store, lines(three_tickets()), ImportOptions::default());
    let mut changed = three_tickets();
    changed[0] = ticket("ACME", Some("t-1"), "2026-02-01", TicketKind::Admin);
    let report = import(&mut store, lines(changed), ImportOptions::default());
    assert_eq!((report.added, report.updated, report.unchanged), (0, 1, 2));
    let conn = raw_read(store.path());
    let (opened, kind): (String, String) = conn
        .query_row(
            "SELECT opened_on, kind FROM tickets WHERE external_ref = 'T-1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((opened.as_str(), kind.as_str()), ("2026-02-01", "admin"));
    let rollup: Vec<(String, i64, i64)> = conn
        .prepare("SELECT day, tickets, admin FROM client_days ORDER BY day")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rollup,
        vec![
            ("2026-01-06".into(), 1, 0),
            ("2026-01-07".into(), 1, 1),
            ("2026-02-01".into(), 1, 1)
        ]
    );
}

#[test]
fn one_bad_row_writes_nothing_and_every_bad_row_is_told() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    let bad = |line| RowError {
        line,
        column: Some("Opened".into()),
        value: "32/13/2026".into(),
        problem: RowProblem::Missing,
    };
    let mut rows = lines(three_tickets());
    rows.insert(1, Err(vec![bad(3)]));
    rows.push(Err(vec![bad(9)]));
    rows.push(Ok((
        10,
        ticket("Nobody", Some("X"), "2026-01-01", TicketKind::Request),
    )));
    let report = import(&mut store, rows, ImportOptions::default());
    assert!(!report.written);
    assert_eq!(report.bad_rows, vec![bad(3), bad(9)]);
    // What would have happened is still counted, to the end of the file.
    assert_eq!((report.rows, report.added), (6, 3));
    assert_eq!(report.unknown_clients, vec![("Nobody".to_string(), 1)]);
    assert_eq!(count(&store, "tickets"), 0);
}

#[test]
fn a_dry_run_counts_but_writes_nothing() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    let dry = ImportOptions {
        dry_run: true,
        create_clients: true,
    };
    let mut records = three_tickets();
    records.push(ticket(
        "Nieuw BV",
        Some("N-1"),
        "2026-01-01",
        TicketKind::Request,
    ));
    let report = import(&mut store, lines(records), dry);
    assert!(!report.written);
    assert_eq!(report.added, 4);
    assert_eq!(report.created_clients, vec!["Nieuw BV".to_string()]);
    assert_eq!(count(&store, "tickets"), 0);
    assert_eq!(count(&store, "clients"), 1);
}

#[test]
fn unknown_clients_are_skipped_with_their_row_counts() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    let records = vec![
        ticket("Globex", Some("G-1"), "2026-01-01", TicketKind::Request),
        ticket("Acme", Some("A-1"), "2026-01-01", TicketKind::Request),
        ticket("GLOBEX ", Some("G-2"), "2026-01-02", TicketKind::Request),
        ticket("Initech", Some("I-1"), "2026-01-02", TicketKind::Request),
    ];
    let report = import(&mut store, lines(records), ImportOptions::default());
    assert!(report.written, "skipped rows are not bad rows");
    assert_eq!(report.added, 1);
    assert_eq!(
        report.unknown_clients,
        vec![("Globex".to_string(), 2), ("Initech".to_string(), 1)]
    );
    assert_eq!(report.skipped(), 3);
    assert_eq!(count(&store, "tickets"), 1);
}

#[test]
fn created_clients_are_matched_by_the_identity_rules() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Café De Hoek");
    let records = vec![
        ticket("CAFÉ de hoek", Some("1"), "2026-01-01", TicketKind::Request),
        ticket(
            "Cafe\u{301} De  Hoek",
            Some("2"),
            "2026-01-01",
            TicketKind::Request,
        ),
        ticket("Bakkerij Öz", Some("3"), "2026-01-01", TicketKind::Request),
        ticket("BAKKERIJ ÖZ", Some("4"), "2026-01-01", TicketKind::Request),
    ];
    let options = ImportOptions {
        create_clients: true,
        dry_run: false,
    };
    let report = import(&mut store, lines(records), options);
    assert!(report.written);
    assert_eq!(report.added, 4);
    assert_eq!(report.created_clients, vec!["Bakkerij Öz".to_string()]);
    assert_eq!(count(&store, "clients"), 2);
    let hoek = store.client_by_name("café de hoek").unwrap();
    assert_eq!(store.tickets(hoek.id, 10).unwrap().len(), 2);
}

#[test]
fn a_name_refused_everywhere_is_refused_here_too() {
    let (_d, mut store) = new_store();
    let options = ImportOptions {
        create_clients: true,
        dry_run: false,
    };
    let records = vec![ticket(
        "Acme\u{200b}",
        Some("1"),
        "2026-01-01",
        TicketKind::Request,
    )];
    let report = import(&mut store, lines(records), options);
    assert!(!report.written);
    assert_eq!(report.bad_rows.len(), 1);
    assert_eq!(report.bad_rows[0].line, 2);
    assert_eq!(report.bad_rows[0].column.as_deref(), Some("client"));
    assert_eq!(count(&store, "clients"), 0);
}

#[test]
fn a_voided_row_stays_voided_and_is_not_added_again() {
    let (_d, mut store) = new_store();
    let acme = add_client(&mut store, "Acme");
    import(&mut store, lines(three_tickets()), ImportOptions::default());
    let t1 = store
        .tickets(acme, 10)
        .unwrap()
        .into_iter()
        .find(|t| t.external_ref.as_deref() == Some("T-1"))
        .unwrap();
    let seen = store.event(EventRef::Ticket(t1.id)).unwrap();
    store.void_event(&seen, "double").unwrap();
    let mut changed = three_tickets();
    changed[0] = ticket("Acme", Some("T-1"), "2026-03-01", TicketKind::Admin);
    let report = import(&mut store, lines(changed), ImportOptions::default());
    assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 3));
    let after = store.event(EventRef::Ticket(t1.id)).unwrap();
    assert_eq!(after, store.event(EventRef::Ticket(t1.id)).unwrap());
    assert_eq!(after.voided.as_deref(), Some("double"));
    assert_eq!(count(&store, "tickets"), 3);
}

#[test]
fn invoices_time_and_recommendations_are_idempotent() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    let records = || {
        vec![
            ImportRecord::Invoice {
                client: "Acme".into(),
                invoice: NewInvoice {
                    number: Some("F-100".into()),
                    issued_on: date("2026-01-01"),
                    due_on: date("2026-01-31"),
                    paid_on: None,
                    amount: Cents(120_000),
                    disputed: false,
                    external_ref: Some("inv-9".into()),
                },
            },
            ImportRecord::Invoice {
                client: "Acme".into(),
                invoice: NewInvoice {
                    number: Some("F-101".into()),
                    issued_on: date("2026-02-01"),
                    due_on: date("2026-02-28"),
                    paid_on: Some(date("2026-02-10")),
                    amount: Cents(5_000),
                    disputed: false,
                    external_ref: None,
                },
            },
            ImportRecord::Time {
                client: "Acme".into(),
                entry: NewTimeEntry {
                    worked_on: date("2026-01-03"),
                    minutes: 90,
                    note: Some("server".into()),
                    external_ref: None,
                },
            },
            ImportRecord::Recommendation {
                client: "Acme".into(),
                recommendation: NewRecommendation {
                    made_on: date("2026-01-04"),
                    title: "MFA".into(),
                    security: true,
                    status: RecStatus::Open,
                    decided_on: None,
                    external_ref: None,
                },
            },
        ]
    };
    let first = import(&mut store, lines(records()), ImportOptions::default());
    assert_eq!((first.added, first.written), (4, true), "{first:?}");
    let again = import(&mut store, lines(records()), ImportOptions::default());
    assert_eq!((again.added, again.unchanged), (0, 4));
    // The invoice got paid, the recommendation was implemented.
    let mut later = records();
    if let ImportRecord::Invoice { invoice, .. } = &mut later[0] {
        invoice.paid_on = Some(date("2026-02-15"));
    }
    if let ImportRecord::Recommendation { recommendation, .. } = &mut later[3] {
        recommendation.status = RecStatus::Implemented;
        recommendation.decided_on = Some(date("2026-03-01"));
    }
    let update = import(&mut store, lines(later), ImportOptions::default());
    assert_eq!((update.added, update.updated, update.unchanged), (0, 2, 2));
    assert_eq!(count(&store, "invoices"), 2);
    assert_eq!(count(&store, "recommendations"), 1);
}

#[test]
fn a_client_row_updates_only_the_facts_the_file_carries() {
    let (_d, mut store) = new_store();
    let id = add_client(&mut store, "Acme");
    let mut fields = store.client(id).unwrap().fields;
    fields.mrr = Cents(150_000);
    store.update_client(id, &fields).unwrap();
    let row = |email: &str| {
        let mut f = ClientDraft {
            name: "ACME".into(),
            ..ClientDraft::new_client()
        }
        .validate()
        .unwrap();
        f.email = Some(email.into());
        ImportRecord::Client(f)
    };
    let carried = [ClientField::Name, ClientField::Email];
    let mut rows = lines(vec![row("a@acme.test")]).into_iter();
    let report = store
        .import_records_carrying(
            &mut rows,
            ImportOptions::default(),
            Some(&carried),
            &mut |_| {},
        )
        .unwrap();
    assert_eq!((report.added, report.updated), (0, 1));
    let after = store.client(id).unwrap().fields;
    assert_eq!(
        after.name, "Acme",
        "the name stays as the database spells it"
    );
    assert_eq!(after.email.as_deref(), Some("a@acme.test"));
    assert_eq!(
        after.mrr,
        Cents(150_000),
        "MRR is not in the file: it stays"
    );
    let mut rows = lines(vec![row("a@acme.test")]).into_iter();
    let again = store
        .import_records_carrying(
            &mut rows,
            ImportOptions::default(),
            Some(&carried),
            &mut |_| {},
        )
        .unwrap();
    assert_eq!(again.unchanged, 1);
}

#[test]
fn another_connection_sees_nothing_of_an_import_until_it_is_committed() {
    let (_d, mut store) = new_store();
    add_client(&mut store, "Acme");
    let path = store.path().to_path_buf();
    let reader = raw_read(&path);
    let seen_during = Cell::new(-1i64);
    let mut n = 0;
    let mut rows = std::iter::from_fn(|| {
        n += 1;
        if n == 1500 {
            let c: i64 = reader
                .query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))
                .unwrap();
            seen_during.set(c);
        }
        (n <= 2000).then(|| {
            Ok((
                n as u64 + 1,
                ticket(
                    "Acme",
                    Some(&format!("T{n}")),
                    "2026-01-01",
                    TicketKind::Request,
                ),
            ))
        })
    });
    let mut told = Vec::new();
    let report = store
        .import_records(&mut rows, ImportOptions::default(), &mut |r| told.push(r))
        .unwrap();
    assert_eq!(report.added, 2000);
    assert_eq!(seen_during.get(), 0, "half an import is never visible");
    assert_eq!(told, vec![1000, 2000, 2000]);
    let after: i64 = reader
        .query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, 2000);
}

/// An import sets the per-row insert triggers aside and settles at the end: the rollup
/// recounts clean (also for a row added and changed in the same file, and beside rows that
/// were there), each client with new rows has a higher revision, a client without any keeps
/// its own, and the triggers are back for the next hand-logged ticket.
#[test]
fn an_import_leaves_the_rollup_revisions_and_triggers_as_row_by_row_writes_would() {
    let (_d, mut store) = new_store();
    let acme = add_client(&mut store, "Acme");
    let other = add_client(&mut store, "Other");
    store
        .log(
            acme,
            &rapport::domain::LogEntry::Ticket(NewTicket {
                opened_on: date("2026-01-05"),
                closed_on: None,
                kind: TicketKind::Incident,
                escalated: true,
                reopen_count: 1,
                external_ref: None,
                subject: None,
            }),
        )
        .expect("a ticket by hand");
    let (acme_rev, other_rev) = (
        store.revision(acme).unwrap(),
        store.revision(other).unwrap(),
    );
    let mut records = three_tickets();
    // T-1 again, changed: added then updated within one import.
    records.push(ticket("Acme", Some("T-1"), "2026-01-09", TicketKind::Admin));
    records.push(ImportRecord::Time {
        client: "Acme".into(),
        entry: NewTimeEntry {
            worked_on: date("2026-01-05"),
            minutes: 90,
            note: None,
            external_ref: Some("W-1".into()),
        },
    });
    let report = import(&mut store, lines(records), ImportOptions::default());
    assert!(report.written, "{report:?}");
    assert_eq!((report.added, report.updated), (4, 1), "{report:?}");
    assert!(store.check().unwrap().is_ok(), "{:?}", store.check());
    assert!(store.revision(acme).unwrap() > acme_rev);
    assert_eq!(store.revision(other).unwrap(), other_rev);
    let day = |d: &str| -> (i64, i64, i64, i64) {
        raw_read(store.path())
            .query_row(
                "SELECT tickets, admin, escalated, minutes FROM client_days WHERE day = ?1",
                [d],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
    };
    assert_eq!(
        day("2026-01-05"),
        (1, 0, 1, 90),
        "the hand ticket and the time"
    );
    assert_eq!(day("2026-01-09"), (1, 1, 0, 0), "T-1 moved to its new day");
    let triggers: i64 = raw_read(store.path())
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN
               ('tickets_rev_insert', 'tickets_days_insert', 'time_rev_insert',
                'time_days_insert', 'invoices_rev_insert', 'recommendations_rev_insert')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 6);
    store
        .log(
            other,
            &rapport::domain::LogEntry::Ticket(NewTicket {
                opened_on: date("2026-01-05"),
                closed_on: None,
                kind: TicketKind::Request,
                escalated: false,
                reopen_count: 0,
                external_ref: None,
                subject: None,
            }),
        )
        .expect("a ticket by hand after the import");
    assert!(store.check().unwrap().is_ok());
    assert!(store.revision(other).unwrap() > other_rev);
}
