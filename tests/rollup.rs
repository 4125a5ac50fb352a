//! The per-day rollup (client_days, kept by triggers) never drifts from the event tables:
//! random sequences of writes and undos through the public store API, then the rollup is
//! compared with a recount, and every client's scorecard from the store's facts with the
//! scorecard from facts built straight from the raw rows. And a schema-1 database with data
//! is upgraded with the rollup backfilled exactly.

mod common;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;
use rusqlite::{Connection, params};

use common::{date, raw_read, tempdir};
use rapport::domain::record::{EventDraft, EventRef};
use rapport::domain::score::facts::RawEvents;
use rapport::domain::score::{ClientFacts, PortfolioFacts, Rules, evaluate};
use rapport::domain::{
    Cents, ClientDraft, ClientId, ClientStatus, IncidentKind, Invoice, LogEntry, NewIncident,
    NewInvoice, NewRecommendation, NewTicket, NewTimeEntry, RecStatus, Recommendation, Ticket,
    TicketKind, Undo,
};
use rapport::store::{Store, StoreError};

/// Events fall in the 400 days from here; some ops pile up on the first days.
const START: &str = "2025-06-01";
/// Scorecards are compared on these days (each with its 11 month-ends before).
const AS_OF: [&str; 2] = ["2025-12-31", "2026-06-30"];

fn day(offset: u16) -> NaiveDate {
    date(START) + Days::new(u64::from(offset))
}

fn later(d: NaiveDate, days: u16) -> NaiveDate {
    d + Days::new(u64::from(days))
}

/// One write, pointing at earlier clients and rows by an index into what exists when it
/// runs (so shrinking keeps sequences meaningful).
#[derive(Debug, Clone)]
enum Op {
    AddClient {
        seats: u32,
        mrr: i64,
    },
    Ticket {
        client: Index,
        day: u16,
        kind: TicketKind,
        escalated: bool,
        reopens: u32,
        closed_after: Option<u16>,
    },
    Reopen(Index),
    Escalate(Index),
    Time {
        client: Index,
        day: u16,
        minutes: u32,
    },
    Invoice {
        client: Index,
        day: u16,
        terms: u16,
        paid_after: Option<u16>,
        cents: i64,
        disputed: bool,
    },
    Payment {
        invoice: Index,
        after: u16,
    },
    Recommendation {
        client: Index,
        day: u16,
        security: bool,
        decided: Option<(bool, u16)>,
    },
    Decide {
        recommendation: Index,
        ignored: bool,
        after: u16,
    },
    Incident {
        client: Index,
        day: u16,
        kind: IncidentKind,
    },
    Votes {
        year: i32,
        staff: usize,
        clients: Vec<Index>,
    },
    Undo(Index),
    /// Void one of the events logged so far (it stays, and counts nowhere).
    Void(Index),
    /// Restore one of the voided events.
    Unvoid(Index),
    /// Move a ticket or a time entry to another day, with another kind or length.
    Edit {
        event: Index,
        day: u16,
        kind: TicketKind,
        minutes: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    // Half the events crowd into two weeks, so days collect several rows and undos, and
    // half the decisions come within days, so several fall on one day.
    let day = || prop_oneof![0u16..14, 0u16..400];
    let after = || prop_oneof![0u16..4, 0u16..60];
    let kind = prop_oneof![
        Just(TicketKind::Incident),
        Just(TicketKind::Request),
        Just(TicketKind::Admin)
    ];
    prop_oneof![
        1 => (1u32..40, 0i64..500_000).prop_map(|(seats, mrr)| Op::AddClient { seats, mrr }),
        6 => (any::<Index>(), day(), kind, any::<bool>(), prop_oneof![3 => Just(0u32), 1 => 1u32..3],
              proptest::option::of(0u16..30))
            .prop_map(|(client, day, kind, escalated, reopens, closed_after)| Op::Ticket {
                client, day, kind, escalated, reopens, closed_after,
            }),
        3 => any::<Index>().prop_map(Op::Reopen),
        2 => any::<Index>().prop_map(Op::Escalate),
        4 => (any::<Index>(), day(), 1u32..=600)
            .prop_map(|(client, day, minutes)| Op::Time { client, day, minutes }),
        3 => (any::<Index>(), day(), 0u16..45, proptest::option::of(0u16..90), 0i64..500_000, any::<bool>())
            .prop_map(|(client, day, terms, paid_after, cents, disputed)| Op::Invoice {
                client, day, terms, paid_after, cents, disputed,
            }),
        2 => (any::<Index>(), 0u16..90).prop_map(|(invoice, after)| Op::Payment { invoice, after }),
        3 => (any::<Index>(), day(), any::<bool>(), proptest::option::of((any::<bool>(), after())))
            .prop_map(|(client, day, security, decided)| Op::Recommendation {
                client, day, security, decided,
            }),
        3 => (any::<Index>(), any::<bool>(), after())
            .prop_map(|(recommendation, ignored, after)| Op::Decide { recommendation, ignored, after }),
        2 => (any::<Index>(), day(), proptest::sample::select(IncidentKind::ALL))
            .prop_map(|(client, day, kind)| Op::Incident { client, day, kind }),
        1 => (2025i32..=2026, 0usize..3, proptest::collection::vec(any::<Index>(), 0..4))
            .prop_map(|(year, staff, clients)| Op::Votes { year, staff, clients }),
        4 => any::<Index>().prop_map(Op::Undo),
        3 => any::<Index>().prop_map(Op::Void),
        2 => any::<Index>().prop_map(Op::Unvoid),
        3 => (any::<Index>(), day(), prop_oneof![
                Just(TicketKind::Incident),
                Just(TicketKind::Request),
                Just(TicketKind::Admin)
            ], 1u32..=600)
            .prop_map(|(event, day, kind, minutes)| Op::Edit { event, day, kind, minutes }),
    ]
}

/// What the sequence has created and not taken back, to point ops at.
#[derive(Default)]
struct World {
    clients: Vec<ClientId>,
    /// (client, row id, the date the row is anchored on: opened, issued, made).
    tickets: Vec<(ClientId, i64, NaiveDate)>,
    invoices: Vec<(ClientId, i64, NaiveDate)>,
    recommendations: Vec<(ClientId, i64, NaiveDate)>,
    /// Undos not yet used, oldest first.
    undos: Vec<Undo>,
    /// Every event logged and not deleted, to void, restore and edit.
    events: Vec<EventRef>,
}

fn add_client(store: &mut Store, n: usize, seats: u32, mrr: i64) -> ClientId {
    let mut fields = ClientDraft {
        name: format!("Client {n}"),
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap();
    fields.seats = seats;
    fields.mrr = Cents(mrr);
    store.add_client(&fields).unwrap()
}

/// A write the store refuses (a second escalation, paying a paid invoice, deciding a
/// decided recommendation, anything about a voided row) must leave everything as it was;
/// anything else is a failure.
fn logged(result: Result<Undo, StoreError>, world: &mut World) {
    match result {
        Ok(undo) => {
            if let Some(e) = event_of(&undo) {
                world.events.push(e);
            }
            world.undos.push(undo)
        }
        Err(StoreError::Invalid(_)) => {}
        Err(e) => panic!("unexpected store error: {e}"),
    }
}

fn run(store: &mut Store, world: &mut World, op: &Op) {
    let pick = |i: &Index, n: usize| (n > 0).then(|| i.index(n));
    match op {
        Op::AddClient { seats, mrr } => {
            let id = add_client(store, world.clients.len() + 1, *seats, *mrr);
            world.clients.push(id);
        }
        Op::Ticket {
            client,
            day: d,
            kind,
            escalated,
            reopens,
            closed_after,
        } => {
            let c = world.clients[client.index(world.clients.len())];
            let opened_on = day(*d);
            let undo = store
                .log(
                    c,
                    &LogEntry::Ticket(NewTicket {
                        opened_on,
                        closed_on: closed_after.map(|a| later(opened_on, a)),
                        kind: *kind,
                        escalated: *escalated,
                        reopen_count: *reopens,
                        external_ref: None,
                        subject: None,
                    }),
                )
                .unwrap();
            if let Undo::DeleteTicket(id) = undo {
                world.tickets.push((c, id, opened_on));
            }
            world.events.extend(event_of(&undo));
            world.undos.push(undo);
        }
        Op::Reopen(i) | Op::Escalate(i) => {
            if let Some(k) = pick(i, world.tickets.len()) {
                let (c, ticket_id, _) = world.tickets[k];
                let entry = match op {
                    Op::Reopen(_) => LogEntry::Reopen { ticket_id },
                    _ => LogEntry::Escalate { ticket_id },
                };
                let result = store.log(c, &entry);
                logged(result, world);
            }
        }
        Op::Time {
            client,
            day: d,
            minutes,
        } => {
            let c = world.clients[client.index(world.clients.len())];
            let undo = store
                .log(
                    c,
                    &LogEntry::Time(NewTimeEntry {
                        worked_on: day(*d),
                        minutes: *minutes,
                        note: None,
                        external_ref: None,
                    }),
                )
                .unwrap();
            world.events.extend(event_of(&undo));
            world.undos.push(undo);
        }
        Op::Invoice {
            client,
            day: d,
            terms,
            paid_after,
            cents,
            disputed,
        } => {
            let c = world.clients[client.index(world.clients.len())];
            let issued_on = day(*d);
            let undo = store
                .log(
                    c,
                    &LogEntry::Invoice(NewInvoice {
                        number: None,
                        issued_on,
                        due_on: later(issued_on, *terms),
                        paid_on: paid_after.map(|a| later(issued_on, a)),
                        amount: Cents(*cents),
                        disputed: *disputed,
                        external_ref: None,
                    }),
                )
                .unwrap();
            if let Undo::DeleteInvoice(id) = undo {
                world.invoices.push((c, id, issued_on));
            }
            world.events.extend(event_of(&undo));
            world.undos.push(undo);
        }
        Op::Payment { invoice, after } => {
            if let Some(k) = pick(invoice, world.invoices.len()) {
                let (c, invoice_id, issued) = world.invoices[k];
                let result = store.log(
                    c,
                    &LogEntry::Payment {
                        invoice_id,
                        paid_on: later(issued, *after),
                    },
                );
                logged(result, world);
            }
        }
        Op::Recommendation {
            client,
            day: d,
            security,
            decided,
        } => {
            let c = world.clients[client.index(world.clients.len())];
            let made_on = day(*d);
            let (status, decided_on) = match decided {
                None => (RecStatus::Open, None),
                Some((ignored, after)) => (
                    if *ignored {
                        RecStatus::Ignored
                    } else {
                        RecStatus::Implemented
                    },
                    Some(later(made_on, *after)),
                ),
            };
            let undo = store
                .log(
                    c,
                    &LogEntry::Recommendation(NewRecommendation {
                        made_on,
                        // Few distinct titles: same-day decisions must not depend on row order.
                        title: format!("Advice {}", d % 3),
                        security: *security,
                        status,
                        decided_on,
                        external_ref: None,
                    }),
                )
                .unwrap();
            if let Undo::DeleteRecommendation(id) = undo {
                world.recommendations.push((c, id, made_on));
            }
            world.events.extend(event_of(&undo));
            world.undos.push(undo);
        }
        Op::Decide {
            recommendation,
            ignored,
            after,
        } => {
            if let Some(k) = pick(recommendation, world.recommendations.len()) {
                let (c, recommendation_id, made) = world.recommendations[k];
                let result = store.log(
                    c,
                    &LogEntry::Decide {
                        recommendation_id,
                        status: if *ignored {
                            RecStatus::Ignored
                        } else {
                            RecStatus::Implemented
                        },
                        decided_on: later(made, *after),
                    },
                );
                logged(result, world);
            }
        }
        Op::Incident {
            client,
            day: d,
            kind,
        } => {
            let c = world.clients[client.index(world.clients.len())];
            let undo = store
                .log(
                    c,
                    &LogEntry::Incident(NewIncident {
                        occurred_on: day(*d),
                        kind: *kind,
                        note: None,
                    }),
                )
                .unwrap();
            world.events.extend(event_of(&undo));
            world.undos.push(undo);
        }
        Op::Votes {
            year,
            staff,
            clients,
        } => {
            let mut named: Vec<ClientId> = Vec::new();
            for i in clients {
                let c = world.clients[i.index(world.clients.len())];
                if !named.contains(&c) {
                    named.push(c);
                }
            }
            let staff = ["Sanne", "Joris", "Tom"][*staff];
            store.set_votes(*year, staff, &named).unwrap();
        }
        Op::Undo(i) => {
            if let Some(k) = pick(i, world.undos.len()) {
                let undo = world.undos.remove(k);
                store
                    .undo(&undo)
                    .unwrap_or_else(|e| panic!("undo {undo:?}: {e}"));
                forget(world, &undo);
            }
        }
        Op::Void(i) | Op::Unvoid(i) => {
            if let Some(k) = pick(i, world.events.len()) {
                let id = world.events[k];
                let seen = store.event(id).unwrap();
                let result = match (op, &seen.voided) {
                    (Op::Void(_), None) => store.void_event(&seen, "a test"),
                    (Op::Unvoid(_), Some(_)) => store.unvoid_event(id),
                    _ => Ok(()),
                };
                result.unwrap_or_else(|e| panic!("{op:?} of {id}: {e}"));
            }
        }
        Op::Edit {
            event,
            day: d,
            kind,
            minutes,
        } => {
            if let Some(k) = pick(event, world.events.len()) {
                let id = world.events[k];
                let seen = store.event(id).unwrap();
                let mut draft = seen.record.draft();
                match &mut draft {
                    EventDraft::Ticket(t) => {
                        t.opened = day(*d).to_string();
                        t.closed.clear();
                        t.kind = kind.as_str().into();
                    }
                    EventDraft::Time(t) => {
                        t.date = day(*d).to_string();
                        t.duration = minutes.to_string();
                    }
                    _ => return,
                }
                let Ok(update) = draft.validate(30, date("2027-12-31")) else {
                    return;
                };
                match store.update_event(&seen, &update) {
                    Ok(()) | Err(StoreError::Invalid(_)) => {}
                    Err(e) => panic!("edit of {id}: {e}"),
                }
            }
        }
    }
}

/// The event a logged entry created, if it created one (not a reopen or a payment).
fn event_of(undo: &Undo) -> Option<EventRef> {
    match *undo {
        Undo::DeleteTicket(id) => Some(EventRef::Ticket(id)),
        Undo::DeleteInvoice(id) => Some(EventRef::Invoice(id)),
        Undo::DeleteTime(id) => Some(EventRef::Time(id)),
        Undo::DeleteRecommendation(id) => Some(EventRef::Recommendation(id)),
        Undo::DeleteIncident(id) => Some(EventRef::Incident(id)),
        _ => None,
    }
}

/// After a row is deleted, nothing may point at it any more: neither later ops nor the
/// undos of what was logged against it (a reopen, an escalation, a payment, a decision).
fn forget(world: &mut World, undo: &Undo) {
    if let Some(e) = event_of(undo) {
        world.events.retain(|x| *x != e);
    }
    match *undo {
        Undo::DeleteTicket(id) => {
            world.tickets.retain(|t| t.1 != id);
            world
                .undos
                .retain(|u| !matches!(u, Undo::Unreopen(t) | Undo::Unescalate(t) if *t == id));
        }
        Undo::DeleteInvoice(id) => {
            world.invoices.retain(|i| i.1 != id);
            world
                .undos
                .retain(|u| !matches!(u, Undo::Unpay(i) if *i == id));
        }
        Undo::DeleteRecommendation(id) => {
            world.recommendations.retain(|r| r.1 != id);
            world
                .undos
                .retain(|u| !matches!(u, Undo::Undecide(r) if *r == id));
        }
        _ => {}
    }
}

// ---- the reference: facts from the raw rows --------------------------------------------

fn kind<T>(
    r: &rusqlite::Row<'_>,
    i: usize,
    parse: fn(&'static str, &str) -> Result<T, rapport::domain::FieldError>,
) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    Ok(parse("column", &s).unwrap())
}

/// One client's facts from its rows in the event tables, through `ClientFacts::from_events`.
fn reference_facts(conn: &Connection, id: ClientId) -> rusqlite::Result<ClientFacts> {
    let (name, status, seats, mrr): (String, ClientStatus, u32, i64) = conn.query_row(
        "SELECT name, status, seats, mrr_cents FROM clients WHERE id = ?1",
        [id.0],
        |r| {
            Ok((
                r.get(0)?,
                kind(r, 1, ClientStatus::parse)?,
                r.get(2)?,
                r.get(3)?,
            ))
        },
    )?;
    let mut base = ClientFacts::new(id, &name, status, seats, Cents(mrr));
    base.votes = conn
        .prepare("SELECT year, count(*) FROM staff_votes WHERE client_id = ?1 GROUP BY year")?
        .query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let tickets = conn
        .prepare(
            "SELECT id, opened_on, closed_on, kind, escalated, reopen_count, external_ref
             FROM tickets WHERE client_id = ?1 AND voided_at IS NULL ORDER BY id",
        )?
        .query_map([id.0], |r| {
            Ok(Ticket {
                id: r.get(0)?,
                client_id: id,
                opened_on: r.get(1)?,
                closed_on: r.get(2)?,
                kind: kind(r, 3, TicketKind::parse)?,
                escalated: r.get(4)?,
                reopen_count: r.get(5)?,
                external_ref: r.get(6)?,
                subject: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let invoices = conn
        .prepare(
            "SELECT id, number, issued_on, due_on, paid_on, amount_cents, disputed, external_ref
             FROM invoices WHERE client_id = ?1 AND voided_at IS NULL ORDER BY id",
        )?
        .query_map([id.0], |r| {
            Ok(Invoice {
                id: r.get(0)?,
                client_id: id,
                number: r.get(1)?,
                issued_on: r.get(2)?,
                due_on: r.get(3)?,
                paid_on: r.get(4)?,
                amount: Cents(r.get(5)?),
                disputed: r.get(6)?,
                external_ref: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let time = conn
        .prepare("SELECT worked_on, minutes FROM time_entries WHERE client_id = ?1 AND voided_at IS NULL ORDER BY id")?
        .query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let recommendations = conn
        .prepare(
            "SELECT id, made_on, title, security, status, decided_on
             FROM recommendations WHERE client_id = ?1 AND voided_at IS NULL ORDER BY id",
        )?
        .query_map([id.0], |r| {
            Ok(Recommendation {
                id: r.get(0)?,
                client_id: id,
                made_on: r.get(1)?,
                title: r.get(2)?,
                security: r.get(3)?,
                status: kind(r, 4, RecStatus::parse)?,
                decided_on: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let incidents = conn
        .prepare("SELECT occurred_on, kind FROM incidents WHERE client_id = ?1 AND voided_at IS NULL ORDER BY id")?
        .query_map([id.0], |r| {
            Ok((r.get(0)?, kind(r, 1, IncidentKind::parse)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ClientFacts::from_events(
        base,
        &RawEvents {
            tickets,
            invoices,
            time,
            recommendations,
            incidents,
        },
    ))
}

fn reference_portfolio(conn: &Connection) -> rusqlite::Result<PortfolioFacts> {
    let ids: Vec<ClientId> = conn
        .prepare("SELECT id FROM clients ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| Ok(ClientId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let clients = ids
        .into_iter()
        .map(|id| reference_facts(conn, id))
        .collect::<rusqlite::Result<_>>()?;
    let gut_check_years = conn
        .prepare("SELECT DISTINCT year FROM staff_votes ORDER BY year")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PortfolioFacts {
        clients,
        gut_check_years,
    })
}

fn rules() -> Rules {
    Rules {
        hourly_cost_cents: 6_500,
        ..Rules::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_rollup_and_the_scorecards_agree_with_the_raw_events_after_any_writes_and_undos(
        ops in proptest::collection::vec(op(), 1..80)
    ) {
        let dir = tempdir();
        let path = dir.path().join("rollup.db");
        let mut store = Store::open(&path).unwrap();
        let mut world = World::default();
        for n in 1..=2 {
            let id = add_client(&mut store, n, 10, 100_000);
            world.clients.push(id);
        }
        for op in &ops {
            run(&mut store, &mut world, op);
        }

        prop_assert_eq!(store.client_days().unwrap(), store.client_days_recount().unwrap());

        let portfolio = store.portfolio_facts().unwrap();
        let reference = reference_portfolio(&raw_read(&path)).unwrap();
        prop_assert_eq!(portfolio.clients.len(), reference.clients.len());
        prop_assert_eq!(&portfolio.gut_check_years, &reference.gut_check_years);
        let rules = rules();
        for (from_store, from_rows) in portfolio.clients.iter().zip(&reference.clients) {
            let one = store.client_facts(from_store.id).unwrap().unwrap();
            prop_assert_eq!(&one, from_store, "one client's reload = the portfolio's load");
            prop_assert_eq!(&one, from_rows, "facts from the rollup = facts from the rows");
            for as_of in AS_OF.map(date) {
                let fast = evaluate(&one, &portfolio, as_of, &rules);
                let slow = evaluate(from_rows, &reference, as_of, &rules);
                prop_assert_eq!(fast, slow);
            }
        }
    }
}

/// What the property test found first: the portfolio's load (a table scan) and one client's
/// reload (an index search) read same-day decisions in different orders.
#[test]
fn decisions_on_one_day_come_out_alike_from_the_portfolio_and_from_one_client() {
    let dir = tempdir();
    let mut store = Store::open(&dir.path().join("decisions.db")).unwrap();
    let c = add_client(&mut store, 1, 5, 0);
    for (made, title) in [(5, "Advice B"), (1, "Advice A")] {
        store
            .log(
                c,
                &LogEntry::Recommendation(NewRecommendation {
                    made_on: day(made),
                    title: title.into(),
                    security: false,
                    status: RecStatus::Ignored,
                    decided_on: Some(day(10)),
                    external_ref: None,
                }),
            )
            .unwrap();
    }
    let portfolio = store.portfolio_facts().unwrap();
    assert_eq!(
        portfolio.clients[0],
        store.client_facts(c).unwrap().unwrap()
    );
}

// ---- upgrading a schema-1 database -----------------------------------------------------

/// A ticket or time entry written straight into a schema-1 database.
#[derive(Debug, Clone)]
enum Row1 {
    Ticket {
        client: i64,
        day: u16,
        kind: &'static str,
        escalated: bool,
        reopens: u32,
    },
    Time {
        client: i64,
        day: u16,
        minutes: u32,
    },
}

fn row1() -> impl Strategy<Value = Row1> {
    let day = || prop_oneof![0u16..10, 0u16..300];
    prop_oneof![
        (
            1i64..=3,
            day(),
            proptest::sample::select(vec!["incident", "request", "admin"]),
            any::<bool>(),
            prop_oneof![Just(0u32), 1u32..4]
        )
            .prop_map(|(client, day, kind, escalated, reopens)| Row1::Ticket {
                client,
                day,
                kind,
                escalated,
                reopens,
            }),
        (1i64..=3, day(), 1u32..=600).prop_map(|(client, day, minutes)| Row1::Time {
            client,
            day,
            minutes
        }),
    ]
}

/// A database as rapport's schema 1 left it: migration 0001, user_version 1, and rows.
fn schema_1_database(path: &std::path::Path, rows: &[Row1]) {
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(include_str!("../migrations/0001_evidence.sql"))
        .unwrap();
    tx.execute_batch("PRAGMA user_version = 1").unwrap();
    for n in 1..=3 {
        tx.execute(
            "INSERT INTO clients (id, name, created_at, updated_at)
             VALUES (?1, ?2, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
            params![n, format!("Client {n}")],
        )
        .unwrap();
    }
    for row in rows {
        match row {
            Row1::Ticket {
                client,
                day: d,
                kind,
                escalated,
                reopens,
            } => tx.execute(
                "INSERT INTO tickets (client_id, opened_on, kind, escalated, reopen_count)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![client, day(*d), kind, escalated, reopens],
            ),
            Row1::Time {
                client,
                day: d,
                minutes,
            } => tx.execute(
                "INSERT INTO time_entries (client_id, worked_on, minutes) VALUES (?1, ?2, ?3)",
                params![client, day(*d), minutes],
            ),
        }
        .unwrap();
    }
    tx.commit().unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_schema_1_database_is_upgraded_with_the_rollup_backfilled_exactly(
        rows in proptest::collection::vec(row1(), 0..80)
    ) {
        let dir = tempdir();
        let path = dir.path().join("schema1.db");
        schema_1_database(&path, &rows);

        let store = Store::open(&path).unwrap();
        let version: i64 = raw_read(&path)
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        prop_assert_eq!(version, rapport::store::schema_version());
        let rollup = store.client_days().unwrap();
        prop_assert_eq!(&rollup, &store.client_days_recount().unwrap());

        // And by hand: every ticket and every minute is in the rollup exactly once.
        let tickets = rows.iter().filter(|r| matches!(r, Row1::Ticket { .. })).count();
        let minutes: u32 = rows
            .iter()
            .map(|r| match r {
                Row1::Time { minutes, .. } => *minutes,
                Row1::Ticket { .. } => 0,
            })
            .sum();
        prop_assert_eq!(rollup.iter().map(|r| r.2[0] as usize).sum::<usize>(), tickets);
        prop_assert_eq!(rollup.iter().map(|r| r.2[4]).sum::<u32>(), minutes);
    }
}
