//! `rapport check`: is the file sound, and does the per-day rollup agree with the rows it
//! counts? Reads only.

use rusqlite::Connection;

use super::{Result, Store};

/// What a check found: nothing (sound), or every problem in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub problems: Vec<String>,
    /// Rows counted, for the "ok" line.
    pub clients: i64,
    pub events: i64,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// How many problems of one kind are listed before "and N more".
const LIST_MAX: usize = 20;

impl Store {
    /// SQLite's integrity check, the foreign keys, and a recount of the rollup from the
    /// raw rows. Errors only when the file cannot be read at all.
    pub fn check(&self) -> Result<CheckReport> {
        let conn = self.conn();
        let mut report = CheckReport::default();
        let integrity = strings(conn, "PRAGMA integrity_check")?;
        if integrity != ["ok"] {
            listed(
                &mut report.problems,
                crate::t!("store.check.damaged"),
                integrity.into_iter(),
            );
            // The rest reads pages that may be the damaged ones.
            return Ok(report);
        }
        let fk = strings(
            conn,
            "SELECT \"table\" || ' row ' || rowid || ' points at a missing ' || parent
             FROM pragma_foreign_key_check",
        )?;
        listed(
            &mut report.problems,
            crate::t!("store.check.broken_links"),
            fk.into_iter(),
        );
        let drift = strings(conn, ROLLUP_DRIFT)?;
        listed(
            &mut report.problems,
            crate::t!("store.check.rollup"),
            drift.into_iter(),
        );
        report.clients = conn.query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?;
        report.events = conn.query_row(
            "SELECT (SELECT count(*) FROM tickets) + (SELECT count(*) FROM invoices)
                  + (SELECT count(*) FROM time_entries) + (SELECT count(*) FROM recommendations)
                  + (SELECT count(*) FROM incidents) + (SELECT count(*) FROM staff_votes)",
            [],
            |r| r.get(0),
        )?;
        Ok(report)
    }
}

impl Store {
    /// SQLite's quick check of the file at `path`, on a connection of its own (so it can
    /// run beside the app's): None when sound, else what is wrong, in a few words.
    pub fn quick_check(path: &std::path::Path) -> Option<String> {
        let store = match Store::open_read(path) {
            Ok(s) => s,
            Err(e) if e.is_corrupt() => return Some(crate::t!("store.unreadable").into()),
            Err(_) => return None,
        };
        match strings(store.conn(), "PRAGMA quick_check") {
            Ok(lines) if lines == ["ok"] => None,
            Ok(lines) => Some(crate::tn!("store.check.quick_problems", lines.len())),
            Err(e) if e.is_corrupt() => Some(crate::t!("store.check.partly_unreadable").into()),
            Err(_) => None,
        }
    }
}

fn strings(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn listed(problems: &mut Vec<String>, what: &str, found: impl ExactSizeIterator<Item = String>) {
    let n = found.len();
    if n == 0 {
        return;
    }
    problems.extend(found.take(LIST_MAX).map(|p| format!("{what}: {p}")));
    if n > LIST_MAX {
        problems.push(crate::t!("store.check.more", what = what, n = n - LIST_MAX));
    }
}

/// Every client and day where the rollup and a recount from the raw rows differ.
const ROLLUP_DRIFT: &str = "
WITH counted AS (
    SELECT client_id, day, sum(tickets) AS tickets, sum(reopened) AS reopened,
           sum(admin) AS admin, sum(escalated) AS escalated, sum(minutes) AS minutes
    FROM (
        SELECT client_id, opened_on AS day, count(*) AS tickets, sum(reopen_count > 0) AS reopened,
               sum(kind = 'admin') AS admin, sum(escalated) AS escalated, 0 AS minutes
        FROM tickets WHERE voided_at IS NULL GROUP BY client_id, opened_on
        UNION ALL
        SELECT client_id, worked_on, 0, 0, 0, 0, sum(minutes)
        FROM time_entries WHERE voided_at IS NULL GROUP BY client_id, worked_on)
    GROUP BY client_id, day)
SELECT 'client ' || coalesce(c.client_id, r.client_id) || ' on ' || coalesce(c.day, r.day)
       || ': counted ' || coalesce(c.tickets, 0) || ' tickets, ' || coalesce(c.minutes, 0)
       || ' minutes; the rollup says ' || coalesce(r.tickets, 0) || ' tickets, '
       || coalesce(r.minutes, 0) || ' minutes'
FROM counted c FULL OUTER JOIN client_days r ON r.client_id = c.client_id AND r.day = c.day
WHERE coalesce(c.tickets, 0) IS NOT coalesce(r.tickets, 0)
   OR coalesce(c.reopened, 0) IS NOT coalesce(r.reopened, 0)
   OR coalesce(c.admin, 0) IS NOT coalesce(r.admin, 0)
   OR coalesce(c.escalated, 0) IS NOT coalesce(r.escalated, 0)
   OR coalesce(c.minutes, 0) IS NOT coalesce(r.minutes, 0)
ORDER BY 1";
