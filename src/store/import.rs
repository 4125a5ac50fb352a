//! Writing an import: records from a PSA export, added or updated by their external
//! reference (so the same file twice adds nothing), clients matched by the identity rules
//! (or created on request), in one transaction: all or nothing, and on a dry run nothing.

use crate::domain::import::{ImportRecord, RowError};

use super::{Result, Store};

/// What the user asked of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Create the clients a row names that the database does not hold.
    pub create_clients: bool,
    /// Report what would happen, write nothing.
    pub dry_run: bool,
}

/// What an import did, or on a dry run (or with bad rows) would have done.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub rows: u64,
    pub added: u64,
    pub updated: u64,
    /// Rows already in the database as they are.
    pub unchanged: u64,
    /// Clients named by rows that the database does not hold (and that were not created),
    /// with how many rows each; those rows are skipped.
    pub unknown_clients: Vec<(String, u64)>,
    /// Clients created for rows (with `create_clients`).
    pub created_clients: Vec<String>,
    /// Every bad row's problems. Any bad row means nothing is written.
    pub bad_rows: Vec<RowError>,
    /// Whether the import was committed.
    pub written: bool,
}

impl Store {
    /// Adds or updates every record in one transaction. `progress` is told the number of
    /// rows handled so far, now and then.
    pub fn import_records(
        &mut self,
        records: &mut dyn Iterator<Item = std::result::Result<ImportRecord, Vec<RowError>>>,
        options: ImportOptions,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        let _ = (records, options, progress);
        todo!("helper")
    }
}
