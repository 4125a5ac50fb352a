//! The only place that knows SQL. Opens the file (folder 0700, file 0600, pragmas,
//! migrations), reads domain types out and writes them in, one transaction per write.

mod backup;
mod bulk;
mod check;
mod clients;
mod decisions;
mod diagnostics;
pub mod dump;
mod error;
mod events;
mod export;
mod identity;
mod import;
mod offboard;
mod open;
mod record;
mod scoring;
mod scripts;
mod settings;
mod sql;
mod votes;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use backup::{Restored, backup_dir, restore};
pub use bulk::{BulkWriter, ImportSummary};
pub use check::CheckReport;
pub use diagnostics::Pragmas;
pub use dump::{Dump, DumpError, LoadSummary};
pub use error::{Result, StoreError, restore_advice};
pub use export::own_ref;
pub use import::{ImportOptions, ImportReport, ImportRow, PROGRESS_EVERY};
pub use open::{APPLICATION_ID, schema_version, sqlite_version};
pub use scripts::{NewScript, SavedScript};

/// An open rapport database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened by a command that only reads: every write is refused.
    read_only: bool,
    /// The automatic daily backup, when the face asked for it.
    daily: Option<backup::Daily>,
    /// This open brought the file's schema up to date.
    upgraded: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

/// How long one attempt waits for a lock before the write is retried.
const BUSY_TIMEOUT: Duration = Duration::from_millis(150);
/// Attempts to start a write before giving up with "busy": about two seconds in all.
const WRITE_ATTEMPTS: u32 = 12;

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when opening this store brought the file's schema up to date (a newer rapport
    /// met an older file): the moment to tell what the upgrade found.
    pub fn upgraded(&self) -> bool {
        self.upgraded
    }

    /// True when this store was opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Read access for queries.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction and commits it. Only the start is retried
    /// while another writer holds the lock (then [`StoreError::Busy`]): a transaction that
    /// began is committed once or rolled back, never run twice. Nothing is written on error.
    pub(crate) fn write<T>(&mut self, mut f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        self.write_if(|tx| f(tx).map(|v| (v, true)))
    }

    /// As [`Store::write`], but `f` also says whether to commit: `false` rolls the
    /// transaction back (a dry run, an import with bad rows) and still returns its value.
    pub(crate) fn write_if<T>(
        &mut self,
        mut f: impl FnMut(&Transaction) -> Result<(T, bool)>,
    ) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        self.daily_backup_if_due()?;
        let mut attempt = 0;
        let tx = loop {
            attempt += 1;
            match self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(StoreError::from)
            {
                Ok(tx) => break tx,
                Err(StoreError::Busy) if attempt < WRITE_ATTEMPTS => {
                    thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(e.at(&self.path)),
            }
        };
        let (value, commit) = f(&tx).map_err(|e| e.at(&self.path))?;
        if commit {
            tx.commit()
                .map_err(|e| StoreError::from(e).at(&self.path))?;
        } else {
            tx.rollback()
                .map_err(|e| StoreError::from(e).at(&self.path))?;
        }
        Ok(value)
    }

    /// The same database opened anew for writing, with the same daily backups: after a
    /// restore replaced the file under this connection.
    pub fn reopen(&self) -> Result<Store> {
        let mut store = Store::open_existing(&self.path)?;
        store.daily = self.daily.clone();
        Ok(store)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// A number that changes whenever another connection (another rapport window, a
    /// script) commits a change to the file: cheap enough to ask on every tick.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}
