//! Evidence tables: logging an entry (and undoing it), and reading a client's events back.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::sql::enum_col;
use super::{Result, Store, StoreError};
use crate::domain::identity::key;
use crate::domain::record::{EventRef, EventTable};
use crate::domain::{
    Cents, ClientId, EventKind, IncidentKind, Invoice, LogEntry, RecStatus, Recommendation, Ticket,
    TicketKind, TimelineEvent, Undo, ValidationError, check_decision, check_payment,
};

pub(super) fn ticket_from_row(r: &Row<'_>) -> rusqlite::Result<Ticket> {
    Ok(Ticket {
        id: r.get(0)?,
        client_id: ClientId(r.get(1)?),
        opened_on: r.get(2)?,
        closed_on: r.get(3)?,
        kind: enum_col(r, 4, TicketKind::parse)?,
        escalated: r.get(5)?,
        reopen_count: r.get(6)?,
        external_ref: r.get(7)?,
        subject: r.get(8)?,
    })
}
pub(super) const TICKET_COLS: &str =
    "id, client_id, opened_on, closed_on, kind, escalated, reopen_count, external_ref, subject";

pub(super) fn invoice_from_row(r: &Row<'_>) -> rusqlite::Result<Invoice> {
    Ok(Invoice {
        id: r.get(0)?,
        client_id: ClientId(r.get(1)?),
        number: r.get(2)?,
        issued_on: r.get(3)?,
        due_on: r.get(4)?,
        paid_on: r.get(5)?,
        amount: Cents(r.get(6)?),
        disputed: r.get(7)?,
        external_ref: r.get(8)?,
    })
}
pub(super) const INVOICE_COLS: &str =
    "id, client_id, number, issued_on, due_on, paid_on, amount_cents, disputed, external_ref";

pub(super) fn rec_from_row(r: &Row<'_>) -> rusqlite::Result<Recommendation> {
    Ok(Recommendation {
        id: r.get(0)?,
        client_id: ClientId(r.get(1)?),
        made_on: r.get(2)?,
        title: r.get(3)?,
        security: r.get(4)?,
        status: enum_col(r, 5, RecStatus::parse)?,
        decided_on: r.get(6)?,
    })
}
pub(super) const REC_COLS: &str = "id, client_id, made_on, title, security, status, decided_on";

impl Store {
    /// Writes one log entry for a client in one transaction, and says how to undo it.
    pub fn log(&mut self, client: ClientId, entry: &LogEntry) -> Result<Undo> {
        self.write(|tx| log_in(tx, client, entry))
    }

    /// Takes back a logged entry.
    pub fn undo(&mut self, undo: &Undo) -> Result<()> {
        self.write(|tx| undo_in(tx, undo))
    }

    /// The client's tickets, newest first.
    pub fn tickets(&self, client: ClientId, limit: usize) -> Result<Vec<Ticket>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {TICKET_COLS} FROM tickets WHERE client_id = ?1 AND voided_at IS NULL
             ORDER BY opened_on DESC, id DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![client.0, limit as i64], ticket_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The client's unpaid invoices, oldest first.
    pub fn unpaid_invoices(&self, client: ClientId) -> Result<Vec<Invoice>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {INVOICE_COLS} FROM invoices WHERE client_id = ?1 AND paid_on IS NULL
               AND voided_at IS NULL
             ORDER BY issued_on, id"
        ))?;
        let rows = stmt.query_map([client.0], invoice_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn invoice_by_number(&self, client: ClientId, number: &str) -> Result<Invoice> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT {INVOICE_COLS} FROM invoices
                     WHERE client_id = ?1 AND (number = ?3 OR number_key = ?2)
                     ORDER BY number = ?3 DESC LIMIT 1"
                ),
                params![client.0, key(number), crate::domain::identity::tidy(number)],
                invoice_from_row,
            )
            .optional()?
            .ok_or_else(|| {
                ValidationError::one(
                    "invoice",
                    crate::t!("store.errors.no_invoice", number = number.trim()),
                )
                .into()
            })
    }

    /// The client's open recommendations, oldest first.
    pub fn open_recommendations(&self, client: ClientId) -> Result<Vec<Recommendation>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {REC_COLS} FROM recommendations WHERE client_id = ?1 AND status = 'open'
               AND voided_at IS NULL
             ORDER BY made_on, id"
        ))?;
        let rows = stmt.query_map([client.0], rec_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The client's latest events on or before `as_of`, newest first (voided ones too,
    /// marked: the timeline shows them struck through).
    pub fn timeline(
        &self,
        client: ClientId,
        as_of: NaiveDate,
        limit: usize,
    ) -> Result<Vec<TimelineEvent>> {
        self.events_where(client, Some(as_of), None, limit)
    }

    /// Every event of a client (of one kind, if asked), newest first, voided ones marked.
    pub fn events(&self, client: ClientId, only: Option<EventTable>) -> Result<Vec<TimelineEvent>> {
        self.events_where(client, None, only, usize::MAX)
    }

    fn events_where(
        &self,
        client: ClientId,
        as_of: Option<NaiveDate>,
        only: Option<EventTable>,
        limit: usize,
    ) -> Result<Vec<TimelineEvent>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT * FROM (
               SELECT opened_on AS d, 1 AS k, kind AS a, escalated AS b, reopen_count AS c, subject AS e, id, void_reason AS v, voided_at AS va
                 FROM tickets WHERE client_id = ?1
               UNION ALL SELECT issued_on, 2, number, disputed, amount_cents, NULL, id, void_reason, voided_at
                 FROM invoices WHERE client_id = ?1
               UNION ALL SELECT paid_on, 3, number, julianday(paid_on) - julianday(due_on), amount_cents, NULL, id, void_reason, voided_at
                 FROM invoices WHERE client_id = ?1 AND paid_on IS NOT NULL
               UNION ALL SELECT worked_on, 4, note, NULL, minutes, NULL, id, void_reason, voided_at
                 FROM time_entries WHERE client_id = ?1
               UNION ALL SELECT made_on, 5, title, security, NULL, NULL, id, void_reason, voided_at
                 FROM recommendations WHERE client_id = ?1
               UNION ALL SELECT decided_on, 6, title, NULL, NULL, status, id, void_reason, voided_at
                 FROM recommendations WHERE client_id = ?1 AND decided_on IS NOT NULL
               UNION ALL SELECT occurred_on, 7, note, NULL, NULL, kind, id, void_reason, voided_at
                 FROM incidents WHERE client_id = ?1)
             WHERE (?2 IS NULL OR d <= ?2) AND (?3 IS NULL OR k IN (?3, ?4))
             ORDER BY d DESC, k DESC, id DESC LIMIT ?5",
        )?;
        // Each kind of event and the lines it shows as (an invoice's issue and payment).
        let kinds: Option<(i64, i64)> = only.map(|t| match t {
            EventTable::Ticket => (1, 1),
            EventTable::Invoice => (2, 3),
            EventTable::Time => (4, 4),
            EventTable::Recommendation => (5, 6),
            EventTable::Incident => (7, 7),
        });
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(
            params![
                client.0,
                as_of,
                kinds.map(|k| k.0),
                kinds.map(|k| k.1),
                limit
            ],
            |r| {
                let date: NaiveDate = r.get(0)?;
                let row: i64 = r.get(6)?;
                let (id, what) = match r.get::<_, i64>(1)? {
                    1 => (
                        EventRef::Ticket(row),
                        EventKind::TicketOpened {
                            kind: enum_col(r, 2, TicketKind::parse)?,
                            escalated: r.get(3)?,
                            reopens: r.get(4)?,
                            subject: r.get(5)?,
                        },
                    ),
                    2 => (
                        EventRef::Invoice(row),
                        EventKind::InvoiceIssued {
                            number: r.get(2)?,
                            disputed: r.get(3)?,
                            amount: Cents(r.get(4)?),
                        },
                    ),
                    3 => (
                        EventRef::Invoice(row),
                        EventKind::InvoicePaid {
                            number: r.get(2)?,
                            days_late: r.get::<_, f64>(3)?.round() as i64,
                            amount: Cents(r.get(4)?),
                        },
                    ),
                    4 => (
                        EventRef::Time(row),
                        EventKind::Time {
                            note: r.get(2)?,
                            minutes: r.get(4)?,
                        },
                    ),
                    5 => (
                        EventRef::Recommendation(row),
                        EventKind::RecommendationMade {
                            title: r.get(2)?,
                            security: r.get(3)?,
                        },
                    ),
                    6 => (
                        EventRef::Recommendation(row),
                        EventKind::RecommendationDecided {
                            title: r.get(2)?,
                            status: enum_col(r, 5, RecStatus::parse)?,
                        },
                    ),
                    _ => (
                        EventRef::Incident(row),
                        EventKind::Incident {
                            note: r.get(2)?,
                            kind: enum_col(r, 5, IncidentKind::parse)?,
                        },
                    ),
                };
                let voided_at: Option<String> = r.get(8)?;
                let reason: Option<String> = r.get(7)?;
                Ok(TimelineEvent {
                    date,
                    what,
                    id,
                    voided: voided_at.map(|_| reason.unwrap_or_default()),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Writes one log entry inside a write, with every check `log` makes.
pub(super) fn log_in(tx: &Transaction<'_>, client: ClientId, entry: &LogEntry) -> Result<Undo> {
    super::sql::ensure_client(tx, client)?;
    match entry {
        LogEntry::Ticket(t) => {
            let written = tx.execute(
                "INSERT INTO tickets (client_id, opened_on, closed_on, kind, escalated, reopen_count, external_ref, ref_key, subject)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![client.0, t.opened_on, t.closed_on, t.kind.as_str(), t.escalated, t.reopen_count, t.external_ref, t.external_ref.as_deref().map(key), t.subject],
            );
            unique_write(
                tx,
                written,
                EventTable::Ticket,
                client,
                None,
                &[Unique::keyed(
                    "reference",
                    "ref_key",
                    t.external_ref.as_deref(),
                )],
            )?;
            Ok(Undo::DeleteTicket(tx.last_insert_rowid()))
        }
        LogEntry::Reopen { ticket_id } => {
            own_row(tx, EventRef::Ticket(*ticket_id), client)?;
            tx.execute(
                "UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id = ?1",
                [ticket_id],
            )?;
            Ok(Undo::Unreopen(*ticket_id))
        }
        LogEntry::Escalate { ticket_id } => {
            own_row(tx, EventRef::Ticket(*ticket_id), client)?;
            let already: bool = tx.query_row(
                "SELECT escalated FROM tickets WHERE id = ?1",
                [ticket_id],
                |r| r.get(0),
            )?;
            if already {
                return Err(ValidationError::one(
                    "ticket",
                    crate::t!("store.errors.escalated", id = EventRef::Ticket(*ticket_id)),
                )
                .into());
            }
            tx.execute(
                "UPDATE tickets SET escalated = 1 WHERE id = ?1",
                [ticket_id],
            )?;
            Ok(Undo::Unescalate(*ticket_id))
        }
        LogEntry::Invoice(inv) => {
            let number = match &inv.number {
                Some(n) => n.clone(),
                None => next_invoice_number(tx, client)?,
            };
            let written = tx.execute(
                "INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_cents, disputed, external_ref, number_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![client.0, number, inv.issued_on, inv.due_on, inv.paid_on, inv.amount.0, inv.disputed, inv.external_ref, key(&number)],
            );
            unique_write(
                tx,
                written,
                EventTable::Invoice,
                client,
                None,
                &Unique::invoice(&number, inv.external_ref.as_deref()),
            )?;
            Ok(Undo::DeleteInvoice(tx.last_insert_rowid()))
        }
        LogEntry::Payment {
            invoice_id,
            paid_on,
        } => {
            own_row(tx, EventRef::Invoice(*invoice_id), client)?;
            let (issued, paid): (NaiveDate, Option<NaiveDate>) = tx.query_row(
                "SELECT issued_on, paid_on FROM invoices WHERE id = ?1",
                [invoice_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if let Some(p) = paid {
                return Err(ValidationError::one(
                    "invoice",
                    crate::t!("store.events.already_paid", date = p),
                )
                .into());
            }
            check_payment(issued, *paid_on)?;
            tx.execute(
                "UPDATE invoices SET paid_on = ?2 WHERE id = ?1",
                params![invoice_id, paid_on],
            )?;
            Ok(Undo::Unpay(*invoice_id))
        }
        LogEntry::Time(t) => {
            let written = tx.execute(
                "INSERT INTO time_entries (client_id, worked_on, minutes, note, external_ref)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![client.0, t.worked_on, t.minutes, t.note, t.external_ref],
            );
            unique_write(
                tx,
                written,
                EventTable::Time,
                client,
                None,
                &[Unique::plain("reference", t.external_ref.as_deref())],
            )?;
            Ok(Undo::DeleteTime(tx.last_insert_rowid()))
        }
        LogEntry::Recommendation(r) => {
            let written = tx.execute(
                "INSERT INTO recommendations (client_id, made_on, title, security, status, decided_on, external_ref)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![client.0, r.made_on, r.title, r.security, r.status.as_str(), r.decided_on, r.external_ref],
            );
            unique_write(
                tx,
                written,
                EventTable::Recommendation,
                client,
                None,
                &[Unique::plain("reference", r.external_ref.as_deref())],
            )?;
            Ok(Undo::DeleteRecommendation(tx.last_insert_rowid()))
        }
        LogEntry::Decide {
            recommendation_id,
            status,
            decided_on,
        } => {
            own_row(tx, EventRef::Recommendation(*recommendation_id), client)?;
            let (made, current): (NaiveDate, String) = tx.query_row(
                "SELECT made_on, status FROM recommendations WHERE id = ?1",
                [recommendation_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if current != RecStatus::Open.as_str() {
                return Err(ValidationError::one(
                    "recommendation",
                    crate::t!("store.events.already_decided", status = current),
                )
                .into());
            }
            check_decision(made, *status, *decided_on)?;
            tx.execute(
                "UPDATE recommendations SET status = ?2, decided_on = ?3 WHERE id = ?1",
                params![recommendation_id, status.as_str(), decided_on],
            )?;
            Ok(Undo::Undecide(*recommendation_id))
        }
        LogEntry::Incident(i) => {
            tx.execute(
                "INSERT INTO incidents (client_id, occurred_on, kind, note) VALUES (?1, ?2, ?3, ?4)",
                params![client.0, i.occurred_on, i.kind.as_str(), i.note],
            )?;
            Ok(Undo::DeleteIncident(tx.last_insert_rowid()))
        }
    }
}

pub(super) fn undo_in(tx: &Transaction<'_>, undo: &Undo) -> Result<()> {
    let (sql, id) = match undo {
        Undo::DeleteTicket(id) => ("DELETE FROM tickets WHERE id = ?1", id),
        Undo::Unreopen(id) => (
            "UPDATE tickets SET reopen_count = reopen_count - 1 WHERE id = ?1 AND reopen_count > 0",
            id,
        ),
        Undo::Unescalate(id) => ("UPDATE tickets SET escalated = 0 WHERE id = ?1", id),
        Undo::DeleteInvoice(id) => ("DELETE FROM invoices WHERE id = ?1", id),
        Undo::Unpay(id) => ("UPDATE invoices SET paid_on = NULL WHERE id = ?1", id),
        Undo::DeleteTime(id) => ("DELETE FROM time_entries WHERE id = ?1", id),
        Undo::DeleteRecommendation(id) => ("DELETE FROM recommendations WHERE id = ?1", id),
        Undo::Undecide(id) => (
            "UPDATE recommendations SET status = 'open', decided_on = NULL WHERE id = ?1",
            id,
        ),
        Undo::DeleteIncident(id) => ("DELETE FROM incidents WHERE id = ?1", id),
    };
    if tx.execute(sql, [id])? == 0 {
        return Err(StoreError::NotFound(
            crate::t!("store.events.undo_gone").into(),
        ));
    }
    Ok(())
}

/// Refuses an id that does not belong to this client, or a row that was voided.
fn own_row(tx: &Transaction<'_>, id: EventRef, client: ClientId) -> Result<()> {
    let owner: Option<(i64, bool)> = tx
        .query_row(
            &format!(
                "SELECT client_id, voided_at IS NOT NULL FROM {} WHERE id = ?1",
                sql_table(id.table())
            ),
            [id.row()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let what = id.table().noun();
    match owner {
        Some((c, false)) if c == client.0 => Ok(()),
        Some((c, true)) if c == client.0 => {
            Err(ValidationError::one(what, crate::t!("store.errors.voided_pick", id = id)).into())
        }
        _ => Err(ValidationError::one(what, crate::t!("store.errors.not_theirs", id = id)).into()),
    }
}

/// The SQL table that holds a kind of event.
pub(super) fn sql_table(table: EventTable) -> &'static str {
    match table {
        EventTable::Ticket => "tickets",
        EventTable::Invoice => "invoices",
        EventTable::Time => "time_entries",
        EventTable::Recommendation => "recommendations",
        EventTable::Incident => "incidents",
    }
}

/// A value that must be unique among one client's rows of a table: the field it was typed
/// in, the column that holds it (its identity key, where it has one), the value in that
/// column and the value as typed.
pub(super) struct Unique<'a> {
    field: &'static str,
    column: &'static str,
    stored: Option<String>,
    typed: Option<&'a str>,
}

impl<'a> Unique<'a> {
    /// A value kept with its identity key (an invoice number, a ticket reference).
    pub(super) fn keyed(field: &'static str, column: &'static str, typed: Option<&'a str>) -> Self {
        Self {
            field,
            column,
            stored: typed.map(key),
            typed,
        }
    }

    /// A reference kept as typed, in `external_ref`.
    pub(super) fn plain(field: &'static str, typed: Option<&'a str>) -> Self {
        Self {
            field,
            column: "external_ref",
            stored: typed.map(str::to_string),
            typed,
        }
    }

    /// An invoice's two: its number and its reference.
    pub(super) fn invoice(number: &'a str, reference: Option<&'a str>) -> [Self; 2] {
        [
            Self::keyed("number", "number_key", Some(number)),
            Self::plain("reference", reference),
        ]
    }
}

/// The outcome of a write that may break a UNIQUE rule: when it did, the validation error
/// that names the field, the value and the row of this client that holds it already
/// (`except` is the row being edited, which may keep its own value).
pub(super) fn unique_write(
    tx: &Transaction<'_>,
    written: rusqlite::Result<usize>,
    table: EventTable,
    client: ClientId,
    except: Option<i64>,
    uniques: &[Unique<'_>],
) -> Result<()> {
    let e = match written {
        Ok(_) => return Ok(()),
        Err(e) => e,
    };
    if e.sqlite_error_code() != Some(rusqlite::ErrorCode::ConstraintViolation)
        || !e.to_string().contains("UNIQUE")
    {
        return Err(e.into());
    }
    for u in uniques {
        let (Some(stored), Some(typed)) = (&u.stored, u.typed) else {
            continue;
        };
        let holder: Option<(i64, bool)> = tx
            .query_row(
                &format!(
                    "SELECT id, voided_at IS NOT NULL FROM {} WHERE client_id = ?1 AND {} = ?2 AND id IS NOT ?3",
                    sql_table(table),
                    u.column
                ),
                params![client.0, stored, except],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, voided)) = holder {
            return Err(taken(u.field, typed, EventRef::of(table, id), voided).into());
        }
    }
    let field = uniques.first().map_or("value", |u| u.field);
    Err(ValidationError::one(
        field,
        crate::t!("store.events.taken", kind = table.noun(), field = field),
    )
    .into())
}

/// "number 'INV-7' is already used by invoice i483 of this client, which was voided ...".
fn taken(field: &'static str, typed: &str, holder: EventRef, voided: bool) -> ValidationError {
    let noun = holder.table().noun();
    let voided = if voided {
        format!(", which was voided (a voided {noun} keeps its {field})")
    } else {
        String::new()
    };
    ValidationError::one(
        field,
        format!(
            "'{typed}' is already used by {noun} {holder} of this client{voided}: choose another {field}"
        ),
    )
}

/// The next free number of the form INV-0001 for a client.
pub(super) fn next_invoice_number(tx: &Transaction<'_>, client: ClientId) -> Result<String> {
    let mut n: i64 = tx.query_row(
        "SELECT count(*) + 1 FROM invoices WHERE client_id = ?1",
        [client.0],
        |r| r.get(0),
    )?;
    loop {
        let candidate = format!("INV-{n:04}");
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM invoices WHERE client_id = ?1 AND number_key = ?2)",
            params![client.0, key(&candidate)],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(candidate);
        }
        n += 1;
    }
}
