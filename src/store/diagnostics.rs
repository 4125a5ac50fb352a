//! Read-only facts about the open connection, for `rapport` diagnostics and for tests.

use super::{Result, Store};

/// The settings the open connection runs with, as SQLite reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pragmas {
    /// "wal" for a rapport database.
    pub journal_mode: String,
    pub foreign_keys: bool,
    /// 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
    pub synchronous: i64,
    pub trusted_schema: bool,
    pub application_id: i64,
    pub user_version: i64,
}

impl Store {
    /// Reads the connection's pragmas (per connection, so only this one can tell).
    pub fn pragmas(&self) -> Result<Pragmas> {
        let conn = self.conn();
        let int = |name: &str| -> rusqlite::Result<i64> {
            conn.pragma_query_value(None, name, |r| r.get(0))
        };
        Ok(Pragmas {
            journal_mode: conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?,
            foreign_keys: int("foreign_keys")? != 0,
            synchronous: int("synchronous")?,
            trusted_schema: int("trusted_schema")? != 0,
            application_id: int("application_id")?,
            user_version: int("user_version")?,
        })
    }
}
