//! What can go wrong with the database, each with a message that says what to do. No raw
//! SQLite text reaches a user: errors are sorted by their code into the cases below.

use std::path::{Path, PathBuf};

use crate::domain::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),

    #[error("{} was created by a newer rapport (schema {found}, this one knows {known}): upgrade rapport", path.display())]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{} is not a rapport database{}: point --db at a rapport file, or at a new path to start one", path.display(), if *empty { " (it is empty)" } else { "" })]
    NotRapport { path: PathBuf, empty: bool },

    #[error("{} is damaged ({detail}): {}; 'rapport check' tells what is wrong", path.display(), restore_advice(path))]
    Corrupt { path: PathBuf, detail: String },

    #[error("the database is busy (another rapport or a backup is writing): try again in a moment")]
    Busy,

    #[error("no client named '{0}': check the name with 'rapport client list'")]
    UnknownClient(String),

    #[error("{0}")]
    NotFound(String),

    /// Another window changed what this one was about to change: nothing was written.
    #[error("{what} changed in another window meanwhile ({changes}): nothing was saved")]
    Conflict { what: String, changes: String },

    #[error("there is no database at {}: check --db or RAPPORT_DB, or start one with 'rapport client add' or 'rapport demo'", path.display())]
    Missing { path: PathBuf },

    #[error("cannot write {}: the disk is full, a file-size limit was reached or the disk failed: free some space and try again (nothing was written)", path.display())]
    DiskFull { path: PathBuf },

    #[error("{} is read-only: check its permissions and its folder's (nothing was written)", path.display())]
    ReadOnly { path: PathBuf },

    #[error("{} is a folder, not a database file: point --db at a file (a new name starts one)", path.display())]
    IsFolder { path: PathBuf },

    #[error("cannot use {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("the database failed: {}", describe(.0))]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if is_busy(&e) {
            StoreError::Busy
        } else {
            StoreError::Sqlite(e)
        }
    }
}

impl StoreError {
    /// The same error, told about the file it concerns: a full disk, a read-only file and
    /// damage become their own cases, each naming the file and what to do.
    pub(crate) fn at(self, path: &Path) -> StoreError {
        let StoreError::Sqlite(e) = &self else {
            return self;
        };
        let path = path.to_path_buf();
        if is_write_failure(e) {
            return StoreError::DiskFull { path };
        }
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                StoreError::Corrupt {
                    path,
                    detail: "SQLite reports a malformed file".into(),
                }
            }
            Some(rusqlite::ErrorCode::CannotOpen) => StoreError::Io {
                path,
                source: std::io::Error::other(
                    "SQLite cannot open it: check the folder exists and its permissions",
                ),
            },
            _ => self,
        }
    }

    /// True when the file itself is damaged: the app should stop writing to it.
    pub fn is_corrupt(&self) -> bool {
        match self {
            StoreError::Corrupt { .. } => true,
            StoreError::Sqlite(e) => is_corrupt(e),
            _ => false,
        }
    }
}

/// How to get a sound file back, for every message about damage.
pub fn restore_advice(path: &Path) -> String {
    let backups = super::backup::backup_dir(path);
    format!(
        "stop using it and restore a backup: 'rapport restore FILE' with a file from {} (or one you made with 'rapport backup')",
        backups.display()
    )
}

/// A SQLite failure in words, without the SQL or SQLite's own text.
fn describe(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "the disk is full: free some space and try again".into(),
        Some(C::ReadOnly) => "the file is read-only: check its permissions".into(),
        Some(C::DatabaseCorrupt | C::NotADatabase) => {
            "the file is damaged: run 'rapport check', then restore a backup with 'rapport restore FILE'".into()
        }
        Some(C::CannotOpen) => "it cannot be opened: check the folder and its permissions".into(),
        Some(C::SystemIoFailure) => "the disk failed to read or write: check the disk and try again".into(),
        Some(C::OutOfMemory) => "out of memory: close other programs and try again".into(),
        Some(C::ConstraintViolation) => {
            "a value broke one of the database's rules: this is a bug in rapport, please report it".into()
        }
        Some(code) => format!("{code:?}: this is a bug in rapport, please report it"),
        None => "the data read back is not what rapport expects: run 'rapport check'".into(),
    }
}

/// SQLite could not write (or sync, or grow) a file: a full disk, a file-size limit, or a
/// failing disk. Which one, SQLite does not tell apart for every case.
fn is_write_failure(e: &rusqlite::Error) -> bool {
    const IOERR_WRITE: i32 = 778;
    const IOERR_FSYNC: i32 = 1034;
    const IOERR_DIR_FSYNC: i32 = 1290;
    const IOERR_TRUNCATE: i32 = 1546;
    const IOERR_SHMSIZE: i32 = 4874;
    match e {
        rusqlite::Error::SqliteFailure(f, _) => {
            f.code == rusqlite::ErrorCode::DiskFull
                || matches!(
                    f.extended_code,
                    IOERR_WRITE | IOERR_FSYNC | IOERR_DIR_FSYNC | IOERR_TRUNCATE | IOERR_SHMSIZE
                )
        }
        _ => false,
    }
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

pub(crate) fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
