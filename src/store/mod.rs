//! The only place that knows SQL. Opens the file (folder 0700, file 0600, pragmas,
//! migrations), reads domain types out and writes them in, one transaction per write.

mod backup;
mod bulk;
mod clients;
mod diagnostics;
mod error;
mod events;
mod scoring;
mod sql;
mod votes;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

pub use bulk::{BulkWriter, ImportSummary};
pub use clients::ClientRow;
pub use diagnostics::Pragmas;
pub use error::{Result, StoreError};

/// `PRAGMA application_id` of a rapport database: "RAPT".
pub const APPLICATION_ID: i64 = 0x5241_5054;

/// The schema history, oldest first. Append only.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_evidence.sql")),
    M::up(include_str!("../../migrations/0002_client_days.sql")),
];

/// The schema version this build knows.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The SQLite library rapport runs on (bundled, not the system's).
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}

/// How long one attempt waits for a lock before the write is retried.
const BUSY_TIMEOUT: Duration = Duration::from_millis(150);
/// Attempts before a write gives up with "busy": about two seconds in all.
const WRITE_ATTEMPTS: u32 = 12;

/// An open rapport database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the database at `path`. A file that is not a rapport database, a
    /// damaged one, or one from a newer rapport is refused and left exactly as it was.
    pub fn open(path: &Path) -> Result<Store> {
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_private_dir(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(io(std::io::Error::other("it is a folder, not a file")));
            }
            Ok(meta) if meta.len() > 0 => check_sqlite_header(path)?,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_private_file(path).map_err(io)?
            }
            Err(e) => return Err(io(e)),
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| corrupt_or(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        identify(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| corrupt_or(path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        Migrations::from_slice(MIGRATIONS)
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction and commits it; retries while another writer
    /// holds the lock, then gives up with [`StoreError::Busy`]. Nothing is written on error.
    pub(crate) fn write<T>(&mut self, mut f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            })();
            match outcome {
                Err(StoreError::Busy) if attempt < WRITE_ATTEMPTS => {
                    thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

fn corrupt_or(path: &Path, e: rusqlite::Error) -> StoreError {
    if error::is_corrupt(&e) {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }
    } else {
        e.into()
    }
}

/// Refuses a file that is not SQLite at all, before SQLite touches it.
fn check_sqlite_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 16];
    let read = fs::File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(StoreError::NotRapport {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Decides, by reading only, whether this is a new, a current or a foreign database.
fn identify(conn: &Connection, path: &Path) -> Result<()> {
    let read = || -> rusqlite::Result<(i64, i64, i64)> {
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, version, objects))
    };
    let (app, version, objects) = read().map_err(|e| corrupt_or(path, e))?;
    if app != APPLICATION_ID && (objects > 0 || version != 0 || app != 0) {
        return Err(StoreError::NotRapport {
            path: path.to_path_buf(),
        });
    }
    if version > schema_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known: schema_version(),
        });
    }
    Ok(())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(Migrations::from_slice(MIGRATIONS).validate().is_ok());
    }
}
