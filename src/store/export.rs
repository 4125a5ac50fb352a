//! Reading the evidence out as the generic import format's records (`export --format
//! csv`): every ticket, invoice, time entry and recommendation that counts (voided ones
//! are left out), each with its client's name and its external reference. A row that has
//! none gets a stable one made of its id (`rapport:t12`), so importing the file again finds
//! the same row rather than adding a second.

use rusqlite::Row;

use super::sql::enum_col;
use super::{Result, Store};
use crate::domain::import::{ImportKind, ImportRecord};
use crate::domain::record::EventRef;
use crate::domain::{
    Cents, NewInvoice, NewRecommendation, NewTicket, NewTimeEntry, RecStatus, TicketKind,
};

/// The reference a row without one is exported under: `rapport:` and its id (`t12`).
pub fn own_ref(id: EventRef) -> String {
    format!("rapport:{id}")
}

fn reference(stored: Option<String>, id: EventRef) -> Option<String> {
    Some(stored.unwrap_or_else(|| own_ref(id)))
}

impl Store {
    /// Every row of evidence of `kind` that counts, by client name then date then id; for
    /// [`ImportKind::Clients`], every client by name.
    pub fn export_records(&self, kind: ImportKind) -> Result<Vec<ImportRecord>> {
        let (sql, read): (&str, fn(&Row<'_>) -> rusqlite::Result<ImportRecord>) = match kind {
            ImportKind::Clients => {
                return Ok(self
                    .clients()?
                    .into_iter()
                    .map(|c| ImportRecord::Client(c.fields))
                    .collect());
            }
            ImportKind::Tickets => (
                "SELECT c.name, t.id, t.external_ref, t.subject, t.opened_on, t.closed_on,
                        t.kind, t.escalated, t.reopen_count
                 FROM tickets t JOIN clients c ON c.id = t.client_id
                 WHERE t.voided_at IS NULL
                 ORDER BY c.name COLLATE NOCASE, t.opened_on, t.id",
                ticket,
            ),
            ImportKind::Invoices => (
                "SELECT c.name, i.id, i.external_ref, i.number, i.issued_on, i.due_on,
                        i.paid_on, i.amount_cents, i.disputed
                 FROM invoices i JOIN clients c ON c.id = i.client_id
                 WHERE i.voided_at IS NULL
                 ORDER BY c.name COLLATE NOCASE, i.issued_on, i.id",
                invoice,
            ),
            ImportKind::Time => (
                "SELECT c.name, w.id, w.external_ref, w.worked_on, w.minutes, w.note
                 FROM time_entries w JOIN clients c ON c.id = w.client_id
                 WHERE w.voided_at IS NULL
                 ORDER BY c.name COLLATE NOCASE, w.worked_on, w.id",
                time,
            ),
            ImportKind::Recommendations => (
                "SELECT c.name, r.id, r.external_ref, r.made_on, r.title, r.security,
                        r.status, r.decided_on
                 FROM recommendations r JOIN clients c ON c.id = r.client_id
                 WHERE r.voided_at IS NULL
                 ORDER BY c.name COLLATE NOCASE, r.made_on, r.id",
                recommendation,
            ),
        };
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt.query_map([], read)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn ticket(r: &Row<'_>) -> rusqlite::Result<ImportRecord> {
    Ok(ImportRecord::Ticket {
        client: r.get(0)?,
        ticket: NewTicket {
            external_ref: reference(r.get(2)?, EventRef::Ticket(r.get(1)?)),
            subject: r.get(3)?,
            opened_on: r.get(4)?,
            closed_on: r.get(5)?,
            kind: enum_col(r, 6, TicketKind::parse)?,
            escalated: r.get(7)?,
            reopen_count: r.get(8)?,
        },
    })
}

fn invoice(r: &Row<'_>) -> rusqlite::Result<ImportRecord> {
    Ok(ImportRecord::Invoice {
        client: r.get(0)?,
        invoice: NewInvoice {
            external_ref: reference(r.get(2)?, EventRef::Invoice(r.get(1)?)),
            number: r.get(3)?,
            issued_on: r.get(4)?,
            due_on: r.get(5)?,
            paid_on: r.get(6)?,
            amount: Cents(r.get(7)?),
            disputed: r.get(8)?,
        },
    })
}

fn time(r: &Row<'_>) -> rusqlite::Result<ImportRecord> {
    Ok(ImportRecord::Time {
        client: r.get(0)?,
        entry: NewTimeEntry {
            external_ref: reference(r.get(2)?, EventRef::Time(r.get(1)?)),
            worked_on: r.get(3)?,
            minutes: r.get(4)?,
            note: r.get(5)?,
        },
    })
}

fn recommendation(r: &Row<'_>) -> rusqlite::Result<ImportRecord> {
    Ok(ImportRecord::Recommendation {
        client: r.get(0)?,
        recommendation: NewRecommendation {
            external_ref: reference(r.get(2)?, EventRef::Recommendation(r.get(1)?)),
            made_on: r.get(3)?,
            title: r.get(4)?,
            security: r.get(5)?,
            status: enum_col(r, 6, RecStatus::parse)?,
            decided_on: r.get(7)?,
        },
    })
}
