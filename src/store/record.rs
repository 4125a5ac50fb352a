//! Correcting the record: one event read back whole, edited over what was read, voided
//! with a reason or restored. Every change is refused when the row changed underneath
//! (another window), and the rollup's triggers follow each one.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::events::{
    INVOICE_COLS, REC_COLS, TICKET_COLS, Unique, invoice_from_row, rec_from_row, sql_table,
    ticket_from_row, unique_write,
};
use super::sql::{enum_col, now_stamp};
use super::{Result, Store, StoreError};
use crate::domain::identity::key;
use crate::domain::record::{
    EventRecord, EventRef, EventTable, EventUpdate, Incident, StoredEvent, TimeEntry,
};
use crate::domain::{ClientId, IncidentKind, ValidationError};

impl Store {
    /// One event, whole, with its void.
    pub fn event(&self, id: EventRef) -> Result<StoredEvent> {
        read(self.conn(), id)
    }

    /// Writes new values over an event that is still as `seen` (what the form or the
    /// command read); refused when it changed since, or when it is voided.
    pub fn update_event(&mut self, seen: &StoredEvent, update: &EventUpdate) -> Result<()> {
        self.write(|tx| {
            let id = seen.record.id();
            let current = read(tx, id)?;
            unchanged(&current, seen)?;
            if current.voided.is_some() {
                return Err(ValidationError::one(
                    "event",
                    crate::t!("store.errors.voided_edit", id = id),
                )
                .into());
            }
            write_update(tx, id, current.record.client(), update)
        })
    }

    /// Voids an event that is still as `seen`: it stays in the file and counts nowhere.
    pub fn void_event(&mut self, seen: &StoredEvent, reason: &str) -> Result<()> {
        self.write(|tx| {
            let id = seen.record.id();
            let current = read(tx, id)?;
            unchanged(&current, seen)?;
            if current.voided.is_some() {
                return Err(
                    ValidationError::one("event", format!("{id} is voided already")).into(),
                );
            }
            tx.execute(
                &format!(
                    "UPDATE {} SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
                    table(id)
                ),
                params![id.row(), now_stamp(), reason],
            )?;
            Ok(())
        })
    }

    /// Takes back a logged entry, if its row is still as it was logged (`after`): not
    /// edited, voided or replaced (a restore elsewhere can give its id to another row)
    /// since. Refused with what happened otherwise.
    pub fn undo_logged(&mut self, undo: &crate::domain::Undo, after: &StoredEvent) -> Result<()> {
        self.write(|tx| {
            let id = undo.event();
            let current = match read(tx, id) {
                Ok(c) => c,
                Err(StoreError::Invalid(_)) => {
                    return Err(StoreError::Conflict {
                        what: after.record.describe(),
                        changes: crate::t!("store.record.gone").into(),
                    });
                }
                Err(e) => return Err(e),
            };
            if current.record.client() != after.record.client() {
                return Err(StoreError::Conflict {
                    what: after.record.describe(),
                    changes: crate::t!("store.record.other_client").into(),
                });
            }
            unchanged(&current, after)?;
            super::events::undo_in(tx, undo)
        })
    }

    /// Restores a voided event: it counts again.
    pub fn unvoid_event(&mut self, id: EventRef) -> Result<()> {
        self.write(|tx| {
            let current = read(tx, id)?;
            if current.voided.is_none() {
                return Err(ValidationError::one("event", format!("{id} is not voided")).into());
            }
            tx.execute(
                &format!(
                    "UPDATE {} SET voided_at = NULL, void_reason = NULL WHERE id = ?1",
                    table(id)
                ),
                [id.row()],
            )?;
            Ok(())
        })
    }
}

fn table(id: EventRef) -> &'static str {
    sql_table(id.table())
}

fn unchanged(current: &StoredEvent, seen: &StoredEvent) -> Result<()> {
    if current == seen {
        return Ok(());
    }
    Err(StoreError::Conflict {
        what: seen.record.describe(),
        changes: if current.voided != seen.voided {
            if current.voided.is_some() {
                crate::t!("store.record.voided").into()
            } else {
                crate::t!("store.record.restored").into()
            }
        } else {
            describe_edit(seen, current)
        },
    })
}

/// What an edit changed, field by field, as the event's own form names them.
fn describe_edit(before: &StoredEvent, after: &StoredEvent) -> String {
    let (b, a) = (before.record.draft(), after.record.draft());
    let fields = |d: &crate::domain::record::EventDraft| -> Vec<(&'static str, String)> {
        use crate::domain::record::EventDraft as D;
        match d {
            D::Ticket(t) => vec![
                ("opened", t.opened.clone()),
                ("closed", t.closed.clone()),
                ("kind", t.kind.clone()),
                ("escalated", t.escalated.to_string()),
                ("reopens", t.reopens.clone()),
                ("reference", t.reference.clone()),
                ("subject", t.subject.clone()),
            ],
            D::Invoice(i) => vec![
                ("number", i.number.clone()),
                ("amount", i.amount.clone()),
                ("issued", i.issued.clone()),
                ("due", i.due.clone()),
                ("paid", i.paid.clone()),
                ("disputed", i.disputed.to_string()),
            ],
            D::Time(t) => vec![
                ("date", t.date.clone()),
                ("time", t.duration.clone()),
                ("note", t.note.clone()),
            ],
            D::Recommendation(r) => vec![
                ("title", r.title.clone()),
                ("made", r.made.clone()),
                ("security", r.security.to_string()),
                ("status", r.status.clone()),
                ("decided", r.decided.clone()),
            ],
            D::Incident(i) => vec![
                ("kind", i.kind.clone()),
                ("date", i.date.clone()),
                ("note", i.note.clone()),
            ],
        }
    };
    let (fb, fa) = (fields(&b), fields(&a));
    let parts: Vec<String> = fb
        .iter()
        .zip(&fa)
        .filter(|(x, y)| x.1 != y.1)
        .map(|((name, old), (_, new))| {
            let show = |v: &str| {
                if v.is_empty() {
                    "-".to_string()
                } else {
                    v.to_string()
                }
            };
            if old.chars().count() <= 24 && new.chars().count() <= 24 {
                format!("{name} {} -> {}", show(old), show(new))
            } else {
                crate::t!("store.record.changed", name = name)
            }
        })
        .collect();
    if parts.is_empty() {
        crate::t!("store.record.values").into()
    } else {
        parts.join(", ")
    }
}

fn read(conn: &Connection, id: EventRef) -> Result<StoredEvent> {
    let row = id.row();
    let with_void = |cols: &str| {
        format!(
            "SELECT {cols}, voided_at, void_reason FROM {} WHERE id = ?1",
            table(id)
        )
    };
    let void_at = |r: &rusqlite::Row<'_>, i: usize| -> rusqlite::Result<Option<String>> {
        let at: Option<String> = r.get(i)?;
        let reason: Option<String> = r.get(i + 1)?;
        Ok(at.map(|_| reason.unwrap_or_default()))
    };
    let found = match id {
        EventRef::Ticket(_) => conn
            .query_row(&with_void(TICKET_COLS), [row], |r| {
                Ok(StoredEvent {
                    record: EventRecord::Ticket(ticket_from_row(r)?),
                    voided: void_at(r, 9)?,
                })
            })
            .optional()?,
        EventRef::Invoice(_) => conn
            .query_row(&with_void(INVOICE_COLS), [row], |r| {
                Ok(StoredEvent {
                    record: EventRecord::Invoice(invoice_from_row(r)?),
                    voided: void_at(r, 9)?,
                })
            })
            .optional()?,
        EventRef::Time(_) => conn
            .query_row(
                &with_void("id, client_id, worked_on, minutes, note"),
                [row],
                |r| {
                    Ok(StoredEvent {
                        record: EventRecord::Time(TimeEntry {
                            id: r.get(0)?,
                            client_id: ClientId(r.get(1)?),
                            worked_on: r.get(2)?,
                            minutes: r.get(3)?,
                            note: r.get(4)?,
                        }),
                        voided: void_at(r, 5)?,
                    })
                },
            )
            .optional()?,
        EventRef::Recommendation(_) => conn
            .query_row(&with_void(REC_COLS), [row], |r| {
                Ok(StoredEvent {
                    record: EventRecord::Recommendation(rec_from_row(r)?),
                    voided: void_at(r, 7)?,
                })
            })
            .optional()?,
        EventRef::Incident(_) => conn
            .query_row(
                &with_void("id, client_id, occurred_on, kind, note"),
                [row],
                |r| {
                    Ok(StoredEvent {
                        record: EventRecord::Incident(Incident {
                            id: r.get(0)?,
                            client_id: ClientId(r.get(1)?),
                            occurred_on: r.get(2)?,
                            kind: enum_col(r, 3, IncidentKind::parse)?,
                            note: r.get(4)?,
                        }),
                        voided: void_at(r, 5)?,
                    })
                },
            )
            .optional()?,
    };
    found.ok_or_else(|| {
        ValidationError::one("event", crate::t!("store.errors.no_event", id = id)).into()
    })
}

fn write_update(
    tx: &Transaction<'_>,
    id: EventRef,
    client: ClientId,
    update: &EventUpdate,
) -> Result<()> {
    let row = id.row();
    match (id, update) {
        (EventRef::Ticket(_), EventUpdate::Ticket(t)) => {
            let written = tx.execute(
                "UPDATE tickets SET opened_on = ?2, closed_on = ?3, kind = ?4, escalated = ?5,
                   reopen_count = ?6, external_ref = ?7, ref_key = ?8, subject = ?9 WHERE id = ?1",
                params![
                    row,
                    t.opened_on,
                    t.closed_on,
                    t.kind.as_str(),
                    t.escalated,
                    t.reopen_count,
                    t.external_ref,
                    t.external_ref.as_deref().map(key),
                    t.subject
                ],
            );
            let reference = Unique::keyed("reference", "ref_key", t.external_ref.as_deref());
            unique_write(
                tx,
                written,
                EventTable::Ticket,
                client,
                Some(row),
                &[reference],
            )?;
        }
        (EventRef::Invoice(_), EventUpdate::Invoice(i)) => {
            let number = i.number.clone().unwrap_or_default();
            let written = tx.execute(
                "UPDATE invoices SET number = ?2, number_key = ?3, issued_on = ?4, due_on = ?5,
                   paid_on = ?6, amount_cents = ?7, disputed = ?8, external_ref = ?9 WHERE id = ?1",
                params![
                    row,
                    number,
                    key(&number),
                    i.issued_on,
                    i.due_on,
                    i.paid_on,
                    i.amount.0,
                    i.disputed,
                    i.external_ref
                ],
            );
            let uniques = Unique::invoice(&number, i.external_ref.as_deref());
            unique_write(
                tx,
                written,
                EventTable::Invoice,
                client,
                Some(row),
                &uniques,
            )?;
        }
        (EventRef::Time(_), EventUpdate::Time(t)) => {
            tx.execute(
                "UPDATE time_entries SET worked_on = ?2, minutes = ?3, note = ?4 WHERE id = ?1",
                params![row, t.worked_on, t.minutes, t.note],
            )?;
        }
        (EventRef::Recommendation(_), EventUpdate::Recommendation(r)) => {
            tx.execute(
                "UPDATE recommendations SET made_on = ?2, title = ?3, security = ?4, status = ?5,
                   decided_on = ?6 WHERE id = ?1",
                params![
                    row,
                    r.made_on,
                    r.title,
                    r.security,
                    r.status.as_str(),
                    r.decided_on
                ],
            )?;
        }
        (EventRef::Incident(_), EventUpdate::Incident(i)) => {
            tx.execute(
                "UPDATE incidents SET occurred_on = ?2, kind = ?3, note = ?4 WHERE id = ?1",
                params![row, i.occurred_on, i.kind.as_str(), i.note],
            )?;
        }
        _ => {
            return Err(ValidationError::one(
                "event",
                format!(
                    "{id} is a {}: it takes the values of one",
                    id.table().name()
                ),
            )
            .into());
        }
    }
    Ok(())
}
