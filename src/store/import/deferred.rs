//! The per-row triggers, deferred while an import runs. Every insert into tickets, time,
//! invoices and recommendations otherwise raises its client's revision and adds itself to
//! the per-day rollup, row by row: half the cost of a large import. Inside the import's own
//! transaction those insert triggers are set aside, and at the end each client that got new
//! rows has its revision raised once and its rollup counted again from its rows; then the
//! triggers are put back as they were. It is all one transaction: a rolled-back import (a
//! bad row, a dry run, a crash) leaves the triggers, the rollup and the revisions untouched,
//! and no other connection ever sees the file without its triggers.

use std::collections::BTreeSet;

use rusqlite::{OptionalExtension, Transaction};

use crate::domain::ClientId;
use crate::store::Result;

/// The insert triggers an import defers: the revisions and the per-day rollup.
const DEFERRED: [&str; 6] = [
    "tickets_rev_insert",
    "tickets_days_insert",
    "time_rev_insert",
    "time_days_insert",
    "invoices_rev_insert",
    "recommendations_rev_insert",
];

/// The triggers set aside, with the SQL that makes them again.
pub(super) struct Deferred {
    triggers: Vec<String>,
}

/// Sets the insert triggers aside for the rest of `tx`.
pub(super) fn defer(tx: &Transaction<'_>) -> Result<Deferred> {
    let mut triggers = Vec::with_capacity(DEFERRED.len());
    for name in DEFERRED {
        let sql: Option<String> = tx
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sql) = sql {
            tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
            triggers.push(sql);
        }
    }
    Ok(Deferred { triggers })
}

impl Deferred {
    /// Does what the triggers would have done for the clients that got new rows, then puts
    /// the triggers back.
    pub(super) fn settle(self, tx: &Transaction<'_>, touched: &BTreeSet<ClientId>) -> Result<()> {
        let mut rev = tx.prepare_cached("UPDATE clients SET rev = rev + 1 WHERE id = ?1")?;
        let mut clear = tx.prepare_cached("DELETE FROM client_days WHERE client_id = ?1")?;
        let mut count = tx.prepare_cached(RECOUNT)?;
        for client in touched {
            rev.execute([client.0])?;
            clear.execute([client.0])?;
            count.execute([client.0])?;
        }
        for sql in &self.triggers {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// One client's per-day rollup, counted from its rows as the triggers count them: tickets
/// by the day opened, time by the day worked, voided rows left out.
const RECOUNT: &str = "
INSERT INTO client_days (client_id, day, tickets, reopened, admin, escalated, minutes)
SELECT ?1, day, sum(tickets), sum(reopened), sum(admin), sum(escalated), sum(minutes)
FROM (
    SELECT opened_on AS day, count(*) AS tickets, sum(reopen_count > 0) AS reopened,
           sum(kind = 'admin') AS admin, sum(escalated) AS escalated, 0 AS minutes
    FROM tickets WHERE client_id = ?1 AND voided_at IS NULL GROUP BY opened_on
    UNION ALL
    SELECT worked_on, 0, 0, 0, 0, sum(minutes)
    FROM time_entries WHERE client_id = ?1 AND voided_at IS NULL GROUP BY worked_on)
GROUP BY day";
