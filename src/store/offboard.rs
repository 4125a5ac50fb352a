//! The offboarding checklists: started in the write that saves a decision ending the
//! relationship, read per client or all at once, ticked and unticked one item per write.
//! Each item done is a row of its own, so two windows ticking at the same time never undo
//! each other's ticks: a tick inserts or replaces its own row, an untick deletes its own.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::sql::now_stamp;
use super::{Result, Store, StoreError};
use crate::domain::ClientId;
use crate::domain::decide::decision::Decision;
use crate::domain::offboard::{Started, Tick};

/// Starts the client's checklist when `d` ends the relationship, inside the write that
/// keeps it. A checklist already started stays as it is, with its progress.
pub(super) fn start_if_ending(tx: &Connection, d: &Decision, decision_id: i64) -> Result<()> {
    if d.chosen.ends() {
        tx.execute(
            "INSERT INTO offboarding (client_id, decision_id, started_on, created_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (client_id) DO NOTHING",
            params![d.client.0, decision_id, d.decided_on, now_stamp()],
        )?;
    }
    Ok(())
}

/// Inside the write that takes decision `id` back: the checklist it started goes too, if
/// nothing on it was ticked yet (work done is kept, no longer tied to a decision).
pub(super) fn forget_started_by(tx: &Connection, id: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM offboarding WHERE decision_id = ?1
         AND NOT EXISTS (SELECT 1 FROM offboarding_ticks t WHERE t.client_id = offboarding.client_id)",
        [id],
    )?;
    Ok(())
}

fn read_one(conn: &Connection, client: ClientId) -> Result<Option<Started>> {
    let head: Option<(NaiveDate, Option<i64>)> = conn
        .query_row(
            "SELECT started_on, decision_id FROM offboarding WHERE client_id = ?1",
            [client.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((started_on, decision)) = head else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT item, done_on, by_note FROM offboarding_ticks WHERE client_id = ?1",
    )?;
    let ticks = stmt
        .query_map([client.0], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Tick {
                    done_on: r.get(1)?,
                    by: r.get(2)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<BTreeMap<_, _>>>()?;
    Ok(Some(Started {
        client,
        started_on,
        decision,
        ticks,
    }))
}

impl Store {
    /// A client's checklist as kept, if one was started.
    pub fn offboarding(&self, client: ClientId) -> Result<Option<Started>> {
        read_one(self.conn(), client)
    }

    /// Every checklist, by client (for the progress the screens show).
    pub fn offboardings(&self) -> Result<Vec<Started>> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT client_id FROM offboarding ORDER BY client_id")?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(read_one(self.conn(), ClientId(id))?);
        }
        Ok(out)
    }

    /// Ticks the item `key` of the client's checklist (`Some`), or unticks it (`None`), in
    /// one write that touches only that item. Returns the tick it had before. A client
    /// with no checklist is refused, with nothing written.
    pub fn tick_offboarding(
        &mut self,
        client: ClientId,
        key: &str,
        tick: Option<&Tick>,
    ) -> Result<Option<Tick>> {
        self.write(|tx| {
            let started: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM offboarding WHERE client_id = ?1)",
                [client.0],
                |r| r.get(0),
            )?;
            if !started {
                return Err(StoreError::NotFound(format!(
                    "client #{} has no offboarding checklist",
                    client.0
                )));
            }
            let before: Option<Tick> = tx
                .query_row(
                    "SELECT done_on, by_note FROM offboarding_ticks WHERE client_id = ?1 AND item = ?2",
                    params![client.0, key],
                    |r| {
                        Ok(Tick {
                            done_on: r.get(0)?,
                            by: r.get(1)?,
                        })
                    },
                )
                .optional()?;
            match tick {
                Some(t) => {
                    tx.execute(
                        "INSERT INTO offboarding_ticks (client_id, item, done_on, by_note, ticked_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)
                         ON CONFLICT (client_id, item) DO UPDATE SET done_on = excluded.done_on,
                             by_note = excluded.by_note, ticked_at = excluded.ticked_at",
                        params![client.0, key, t.done_on, t.by, now_stamp()],
                    )?;
                }
                None => {
                    tx.execute(
                        "DELETE FROM offboarding_ticks WHERE client_id = ?1 AND item = ?2",
                        params![client.0, key],
                    )?;
                }
            }
            Ok(before)
        })
    }
}
