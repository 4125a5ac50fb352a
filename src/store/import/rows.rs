//! One imported row against the table it goes to: found by its reference (or, without
//! one, by what identifies it), then left alone, updated or added, through cached prepared
//! statements. Updates are plain UPDATEs, so the rollup's triggers follow them.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::Outcome;
use crate::domain::identity::key;
use crate::domain::record::{EventRef, EventTable};
use crate::domain::{
    ClientField, ClientFields, ClientId, NewInvoice, NewRecommendation, NewTicket, NewTimeEntry,
    RecStatus, TicketKind, ValidationError,
};
use crate::store::Result;
use crate::store::clients::{fields_in, insert_client, write_changes};
use crate::store::events::next_invoice_number;
use crate::store::sql::enum_col;

/// A client row: added, or the facts it carries written over the existing client's (its
/// name stays as the database spells it). Returns the new client's id when added.
pub(super) fn client(
    tx: &Transaction<'_>,
    existing: Option<ClientId>,
    fields: &ClientFields,
    carried: Option<&[ClientField]>,
) -> Result<(Outcome, Option<ClientId>)> {
    let Some(id) = existing else {
        return Ok((Outcome::Added, Some(insert_client(tx, fields)?)));
    };
    let current = fields_in(tx, id)?;
    let mut new = current.clone();
    for f in carried.unwrap_or(&ClientField::ALL) {
        if *f != ClientField::Name {
            new.take(*f, fields);
        }
    }
    if current.changed(&new).is_empty() {
        return Ok((Outcome::Unchanged, None));
    }
    write_changes(tx, id, &current, &new)?;
    Ok((Outcome::Updated, None))
}

/// A stored row found for an imported one: its id, whether it is voided, and its values.
struct Found<T> {
    id: i64,
    voided: bool,
    values: T,
}

fn outcome<T: PartialEq>(
    found: Option<Found<T>>,
    new: &T,
    update: impl FnOnce(i64) -> Result<()>,
    insert: impl FnOnce() -> Result<()>,
) -> Result<Outcome> {
    match found {
        Some(f) if f.voided || f.values == *new => Ok(Outcome::Unchanged),
        Some(f) => {
            update(f.id)?;
            Ok(Outcome::Updated)
        }
        None => {
            insert()?;
            Ok(Outcome::Added)
        }
    }
}

/// A ticket's insert; with " ON CONFLICT DO NOTHING" after it where a reference may be
/// there already.
macro_rules! ticket_insert {
    () => {
        "INSERT INTO tickets (client_id, opened_on, closed_on, kind, escalated, reopen_count,
           external_ref, ref_key, subject)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    };
}

/// A time entry's insert, the same way.
macro_rules! time_insert {
    () => {
        "INSERT INTO time_entries (client_id, worked_on, minutes, note, external_ref)
         VALUES (?1, ?2, ?3, ?4, ?5)"
    };
}

/// Runs a ticket insert (`sql`, from [`ticket_insert`]): the rows it added.
fn insert_ticket(
    tx: &Transaction<'_>,
    client: ClientId,
    t: &NewTicket,
    sql: &str,
) -> Result<usize> {
    Ok(tx.prepare_cached(sql)?.execute(params![
        client.0,
        t.opened_on,
        t.closed_on,
        t.kind.as_str(),
        t.escalated,
        t.reopen_count,
        t.external_ref,
        t.external_ref.as_deref().map(key),
        t.subject
    ])?)
}

/// Runs a time entry insert (`sql`, from [`time_insert`]): the rows it added.
fn insert_time(
    tx: &Transaction<'_>,
    client: ClientId,
    e: &NewTimeEntry,
    sql: &str,
) -> Result<usize> {
    Ok(tx.prepare_cached(sql)?.execute(params![
        client.0,
        e.worked_on,
        e.minutes,
        e.note,
        e.external_ref
    ])?)
}

type TicketValues = (
    NaiveDate,
    Option<NaiveDate>,
    TicketKind,
    bool,
    u32,
    Option<String>,
);

pub(super) fn ticket(tx: &Transaction<'_>, client: ClientId, t: &NewTicket) -> Result<Outcome> {
    adopt_own_ref(tx, client, EventTable::Ticket, t.external_ref.as_deref())?;
    let values: TicketValues = (
        t.opened_on,
        t.closed_on,
        t.kind,
        t.escalated,
        t.reopen_count,
        t.subject.clone(),
    );
    // A new reference (the common case, a first import) costs one statement: the insert,
    // which does nothing when the reference is there already.
    if t.external_ref.is_some()
        && insert_ticket(
            tx,
            client,
            t,
            concat!(ticket_insert!(), " ON CONFLICT DO NOTHING"),
        )? == 1
    {
        return Ok(Outcome::Added);
    }
    let found = match &t.external_ref {
        Some(r) => tx
            .prepare_cached(
                "SELECT id, voided_at IS NOT NULL, opened_on, closed_on, kind, escalated,
                   reopen_count, subject
                 FROM tickets WHERE client_id = ?1 AND ref_key = ?2",
            )?
            .query_row(params![client.0, key(r)], |r| {
                Ok(Found {
                    id: r.get(0)?,
                    voided: r.get(1)?,
                    values: (
                        r.get(2)?,
                        r.get(3)?,
                        enum_col(r, 4, TicketKind::parse)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ),
                })
            })
            .optional()?,
        None => tx
            .prepare_cached(
                "SELECT id, voided_at IS NOT NULL FROM tickets
                 WHERE client_id = ?1 AND opened_on = ?2 AND external_ref IS NULL
                   AND closed_on IS ?3 AND kind = ?4 AND escalated = ?5 AND reopen_count = ?6
                   AND subject IS ?7
                 LIMIT 1",
            )?
            .query_row(
                params![
                    client.0,
                    t.opened_on,
                    t.closed_on,
                    t.kind.as_str(),
                    t.escalated,
                    t.reopen_count,
                    t.subject
                ],
                |r| {
                    Ok(Found {
                        id: r.get(0)?,
                        voided: r.get(1)?,
                        values: values.clone(),
                    })
                },
            )
            .optional()?,
    };
    outcome(
        found,
        &values,
        |id| {
            tx.prepare_cached(
                "UPDATE tickets SET opened_on = ?2, closed_on = ?3, kind = ?4, escalated = ?5,
                   reopen_count = ?6, subject = ?7
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                t.opened_on,
                t.closed_on,
                t.kind.as_str(),
                t.escalated,
                t.reopen_count,
                t.subject
            ])?;
            Ok(())
        },
        || insert_ticket(tx, client, t, ticket_insert!()).map(drop),
    )
}

type InvoiceValues = (
    Option<String>,
    NaiveDate,
    NaiveDate,
    Option<NaiveDate>,
    i64,
    bool,
);

const INVOICE_FOUND: &str = "SELECT id, voided_at IS NOT NULL, number, issued_on, due_on, \
     paid_on, amount_cents, disputed, external_ref FROM invoices";

fn invoice_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Found<InvoiceValues>, Option<String>)> {
    Ok((
        Found {
            id: r.get(0)?,
            voided: r.get(1)?,
            values: (
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ),
        },
        r.get(8)?,
    ))
}

pub(super) fn invoice(tx: &Transaction<'_>, client: ClientId, inv: &NewInvoice) -> Result<Outcome> {
    adopt_own_ref(tx, client, EventTable::Invoice, inv.external_ref.as_deref())?;
    let by_ref = match &inv.external_ref {
        Some(r) => tx
            .prepare_cached(&format!(
                "{INVOICE_FOUND} WHERE client_id = ?1 AND external_ref = ?2"
            ))?
            .query_row(params![client.0, r], invoice_row)
            .optional()?,
        None => None,
    };
    let found = match (by_ref, &inv.number) {
        (Some(f), _) => Some(f),
        (None, Some(number)) => {
            let f = tx
                .prepare_cached(&format!(
                    "{INVOICE_FOUND} WHERE client_id = ?1 AND number_key = ?2"
                ))?
                .query_row(params![client.0, key(number)], invoice_row)
                .optional()?;
            if let (Some((_, Some(other))), Some(_)) = (&f, &inv.external_ref) {
                return Err(ValidationError::one(
                    "number",
                    crate::t!("store.import.number_taken", number = number, other = other),
                )
                .into());
            }
            f
        }
        (None, None) => tx
            .prepare_cached(&format!(
                "{INVOICE_FOUND} WHERE client_id = ?1 AND external_ref IS NULL
                   AND issued_on = ?2 AND due_on = ?3 AND paid_on IS ?4 AND amount_cents = ?5
                   AND disputed = ?6 LIMIT 1"
            ))?
            .query_row(
                params![
                    client.0,
                    inv.issued_on,
                    inv.due_on,
                    inv.paid_on,
                    inv.amount.0,
                    inv.disputed
                ],
                invoice_row,
            )
            .optional()?,
    };
    // Without a number in the file, the stored number is kept.
    let found = found.map(|(mut f, _)| {
        if inv.number.is_none() {
            f.values.0 = None;
        }
        f
    });
    let values: InvoiceValues = (
        inv.number.clone(),
        inv.issued_on,
        inv.due_on,
        inv.paid_on,
        inv.amount.0,
        inv.disputed,
    );
    outcome(
        found,
        &values,
        |id| {
            tx.prepare_cached(
                "UPDATE invoices SET number = coalesce(?2, number),
                   number_key = coalesce(?3, number_key), issued_on = ?4, due_on = ?5,
                   paid_on = ?6, amount_cents = ?7, disputed = ?8,
                   external_ref = coalesce(external_ref, ?9)
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                inv.number,
                inv.number.as_deref().map(key),
                inv.issued_on,
                inv.due_on,
                inv.paid_on,
                inv.amount.0,
                inv.disputed,
                inv.external_ref
            ])?;
            Ok(())
        },
        || {
            let number = match &inv.number {
                Some(n) => n.clone(),
                None => next_invoice_number(tx, client)?,
            };
            tx.prepare_cached(
                "INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on,
                   amount_cents, disputed, external_ref, number_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                client.0,
                number,
                inv.issued_on,
                inv.due_on,
                inv.paid_on,
                inv.amount.0,
                inv.disputed,
                inv.external_ref,
                key(&number)
            ])?;
            Ok(())
        },
    )
}

type TimeValues = (NaiveDate, u32, Option<String>);

pub(super) fn time(tx: &Transaction<'_>, client: ClientId, e: &NewTimeEntry) -> Result<Outcome> {
    adopt_own_ref(tx, client, EventTable::Time, e.external_ref.as_deref())?;
    let values: TimeValues = (e.worked_on, e.minutes, e.note.clone());
    let read = |r: &rusqlite::Row<'_>| {
        Ok(Found {
            id: r.get(0)?,
            voided: r.get(1)?,
            values: (r.get(2)?, r.get(3)?, r.get(4)?),
        })
    };
    if e.external_ref.is_some()
        && insert_time(
            tx,
            client,
            e,
            concat!(time_insert!(), " ON CONFLICT DO NOTHING"),
        )? == 1
    {
        return Ok(Outcome::Added);
    }
    let found = match &e.external_ref {
        Some(x) => tx
            .prepare_cached(
                "SELECT id, voided_at IS NOT NULL, worked_on, minutes, note FROM time_entries
                 WHERE client_id = ?1 AND external_ref = ?2",
            )?
            .query_row(params![client.0, x], read)
            .optional()?,
        None => tx
            .prepare_cached(
                "SELECT id, voided_at IS NOT NULL, worked_on, minutes, note FROM time_entries
                 WHERE client_id = ?1 AND worked_on = ?2 AND minutes = ?3 AND note IS ?4
                   AND external_ref IS NULL LIMIT 1",
            )?
            .query_row(params![client.0, e.worked_on, e.minutes, e.note], read)
            .optional()?,
    };
    outcome(
        found,
        &values,
        |id| {
            tx.prepare_cached(
                "UPDATE time_entries SET worked_on = ?2, minutes = ?3, note = ?4 WHERE id = ?1",
            )?
            .execute(params![id, e.worked_on, e.minutes, e.note])?;
            Ok(())
        },
        || insert_time(tx, client, e, time_insert!()).map(drop),
    )
}

type RecValues = (NaiveDate, String, bool, RecStatus, Option<NaiveDate>);

pub(super) fn recommendation(
    tx: &Transaction<'_>,
    client: ClientId,
    rec: &NewRecommendation,
) -> Result<Outcome> {
    adopt_own_ref(
        tx,
        client,
        EventTable::Recommendation,
        rec.external_ref.as_deref(),
    )?;
    let values: RecValues = (
        rec.made_on,
        rec.title.clone(),
        rec.security,
        rec.status,
        rec.decided_on,
    );
    let read = |r: &rusqlite::Row<'_>| {
        Ok(Found {
            id: r.get(0)?,
            voided: r.get(1)?,
            values: (
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                enum_col(r, 5, RecStatus::parse)?,
                r.get(6)?,
            ),
        })
    };
    let found = match &rec.external_ref {
        Some(x) => tx
            .prepare_cached(
                "SELECT id, voided_at IS NOT NULL, made_on, title, security, status, decided_on
                 FROM recommendations WHERE client_id = ?1 AND external_ref = ?2",
            )?
            .query_row(params![client.0, x], read)
            .optional()?,
        None => tx
            .prepare_cached(
                "SELECT id, voided_at IS NOT NULL, made_on, title, security, status, decided_on
                 FROM recommendations
                 WHERE client_id = ?1 AND made_on = ?2 AND title = ?3 AND external_ref IS NULL
                 LIMIT 1",
            )?
            .query_row(params![client.0, rec.made_on, rec.title], read)
            .optional()?,
    };
    outcome(
        found,
        &values,
        |id| {
            tx.prepare_cached(
                "UPDATE recommendations SET made_on = ?2, title = ?3, security = ?4, status = ?5,
                   decided_on = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                rec.made_on,
                rec.title,
                rec.security,
                rec.status.as_str(),
                rec.decided_on
            ])?;
            Ok(())
        },
        || {
            tx.prepare_cached(
                "INSERT INTO recommendations (client_id, made_on, title, security, status,
                   decided_on, external_ref)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                client.0,
                rec.made_on,
                rec.title,
                rec.security,
                rec.status.as_str(),
                rec.decided_on,
                rec.external_ref
            ])?;
            Ok(())
        },
    )
}

/// A reference rapport gave a row of its own when it exported it (`rapport:t12`, see
/// `own_ref`): the client's row with that id takes it when it has none, so that importing
/// an export into the database it came from finds its rows again and adds nothing.
fn adopt_own_ref(
    tx: &Transaction<'_>,
    client: ClientId,
    table: EventTable,
    reference: Option<&str>,
) -> Result<()> {
    let Some(own) = reference.and_then(|r| r.strip_prefix("rapport:")) else {
        return Ok(());
    };
    let Ok(event) = EventRef::parse("ref", own) else {
        return Ok(());
    };
    if event.table() != table {
        return Ok(());
    }
    let sql = match table {
        EventTable::Ticket => {
            "UPDATE tickets SET external_ref = ?3, ref_key = ?4
             WHERE id = ?1 AND client_id = ?2 AND external_ref IS NULL"
        }
        EventTable::Invoice => {
            "UPDATE invoices SET external_ref = ?3
             WHERE id = ?1 AND client_id = ?2 AND external_ref IS NULL AND ?4 IS NOT NULL"
        }
        EventTable::Time => {
            "UPDATE time_entries SET external_ref = ?3
             WHERE id = ?1 AND client_id = ?2 AND external_ref IS NULL AND ?4 IS NOT NULL"
        }
        EventTable::Recommendation => {
            "UPDATE recommendations SET external_ref = ?3
             WHERE id = ?1 AND client_id = ?2 AND external_ref IS NULL AND ?4 IS NOT NULL"
        }
        EventTable::Incident => return Ok(()),
    };
    let r = reference.unwrap_or_default();
    tx.prepare_cached(sql)?
        .execute(params![event.row(), client.0, r, key(r)])?;
    Ok(())
}
