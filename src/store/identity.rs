//! Identity keys in the file (migration 0004): filling them for the rows an older rapport
//! wrote, the unique indexes over them, and the clashes found on the way.

use std::collections::HashSet;

use rusqlite::{Connection, Transaction, params};

use super::Result;
use crate::domain::identity::key;

/// Marks a key that clashed with an older row's when the keys were first made: no typed
/// text can hold it (control characters are refused), so it never matches a lookup.
const CLASH: char = '\u{1}';

/// The unique indexes over the keys, made once the keys are filled in.
const INDEXES: &str = "
CREATE UNIQUE INDEX clients_by_name_key ON clients (name_key);
CREATE UNIQUE INDEX invoices_by_number_key ON invoices (client_id, number_key);
CREATE UNIQUE INDEX tickets_by_ref_key ON tickets (client_id, ref_key);";

/// The migration's hook: every row's key, oldest row first, so the older of two clashing
/// rows keeps the plain key.
pub(super) fn fill_keys(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    fill(tx, "clients", "name", "name_key", None)?;
    fill(tx, "invoices", "number", "number_key", Some("client_id"))?;
    fill(tx, "tickets", "external_ref", "ref_key", Some("client_id"))?;
    tx.execute_batch(INDEXES)
}

fn fill(
    tx: &Transaction<'_>,
    table: &str,
    text: &str,
    key_col: &str,
    scope: Option<&str>,
) -> rusqlite::Result<()> {
    let scope_col = scope.unwrap_or("0");
    let rows: Vec<(i64, i64, String)> = tx
        .prepare(&format!(
            "SELECT id, {scope_col}, {text} FROM {table} WHERE {text} IS NOT NULL ORDER BY id"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut taken: HashSet<(i64, String)> = HashSet::new();
    let mut update = tx.prepare(&format!("UPDATE {table} SET {key_col} = ?2 WHERE id = ?1"))?;
    for (id, scope, value) in rows {
        let k = key(&value);
        let k = if taken.insert((scope, k.clone())) {
            k
        } else {
            format!("{k}{CLASH}{id}")
        };
        update.execute(params![id, k])?;
    }
    Ok(())
}

/// Rows whose names or numbers became one when the keys were made, in words, for `check`
/// and for the note after the upgrade.
pub(super) fn clashes(conn: &Connection) -> Result<Vec<String>> {
    let mut out = Vec::new();
    // Names an older rapport let in that would be refused today (a tab, an invisible
    // character): they look like other names, or split a line.
    let mut stmt = conn.prepare("SELECT name FROM clients ORDER BY id")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for name in names {
        let name = name?;
        if let Err(e) = crate::domain::text::required_name("name", &name, usize::MAX) {
            out.push(crate::t!(
                "store.identity.refused_name",
                name = name.escape_debug(),
                why = e.message
            ));
        }
    }
    let mut stmt = conn.prepare(
        "SELECT c.name, o.name FROM clients c JOIN clients o
           ON o.name_key = substr(c.name_key, 1, instr(c.name_key, char(1)) - 1)
         WHERE instr(c.name_key, char(1)) > 0 ORDER BY c.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (name, other) = row?;
        out.push(crate::t!(
            "store.identity.one_name",
            name = name,
            other = other
        ));
    }
    for (table, col, key_col) in [
        ("invoices", "number", "number_key"),
        ("tickets", "external_ref", "ref_key"),
    ] {
        let mut stmt = conn.prepare(&format!(
            "SELECT c.name, t.{col} FROM {table} t JOIN clients c ON c.id = t.client_id
             WHERE instr(t.{key_col}, char(1)) > 0 ORDER BY t.id"
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (client, value) = row?;
            out.push(if table == "invoices" {
                crate::t!(
                    "store.identity.invoice_case",
                    client = client,
                    value = value
                )
            } else {
                crate::t!("store.identity.ticket_case", client = client, value = value)
            });
        }
    }
    Ok(out)
}
