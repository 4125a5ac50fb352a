//! What can go wrong with the database, each with a message that says what to do. No raw
//! SQLite text reaches a user: errors are sorted by their code into the cases below.

use std::path::{Path, PathBuf};

use crate::domain::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),

    #[error("{}", crate::t!("store.newer_schema", path = .path.display(), found = .found, known = .known))]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{}", if *.empty {
        crate::t!("store.not_rapport_empty", path = .path.display())
    } else {
        crate::t!("store.not_rapport", path = .path.display())
    })]
    NotRapport { path: PathBuf, empty: bool },

    #[error("{}", crate::t!("store.corrupt", path = .path.display(), detail = .detail, advice = restore_advice(.path)))]
    Corrupt { path: PathBuf, detail: String },

    #[error("{}", crate::t!("store.busy"))]
    Busy,

    #[error("{}", crate::t!("store.unknown_client", name = .0))]
    UnknownClient(String),

    #[error("{0}")]
    NotFound(String),

    /// Another window changed what this one was about to change: nothing was written.
    #[error("{}", crate::t!("store.conflict", what = .what, changes = .changes))]
    Conflict { what: String, changes: String },

    #[error("{}", crate::t!("store.missing", path = .path.display()))]
    Missing { path: PathBuf },

    #[error("{}", crate::t!("store.disk_full", path = .path.display()))]
    DiskFull { path: PathBuf },

    #[error("{}", crate::t!("store.read_only", path = .path.display()))]
    ReadOnly { path: PathBuf },

    #[error("{}", crate::t!("store.is_folder", path = .path.display()))]
    IsFolder { path: PathBuf },

    #[error("{}", crate::t!("store.io", path = .path.display()))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", crate::t!("store.sqlite", why = describe(.0)))]
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
                    detail: crate::t!("store.malformed").into(),
                }
            }
            Some(rusqlite::ErrorCode::CannotOpen) => StoreError::Io {
                path,
                source: std::io::Error::other(crate::t!("store.cannot_open_file")),
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
    crate::t!("store.restore_advice", folder = backups.display())
}

/// A SQLite failure in words, without the SQL or SQLite's own text.
fn describe(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => crate::t!("store.failed.disk_full").into(),
        Some(C::ReadOnly) => crate::t!("store.failed.read_only").into(),
        Some(C::DatabaseCorrupt | C::NotADatabase) => crate::t!("store.failed.damaged").into(),
        Some(C::CannotOpen) => crate::t!("store.failed.cannot_open").into(),
        Some(C::SystemIoFailure) => crate::t!("store.failed.io").into(),
        Some(C::OutOfMemory) => crate::t!("store.failed.memory").into(),
        Some(C::ConstraintViolation) => crate::t!("store.failed.constraint").into(),
        Some(code) => crate::t!("store.failed.other", code = format!("{code:?}")),
        None => crate::t!("store.failed.unexpected").into(),
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
