//! What can go wrong with the database, each with a message that says what to do.

use std::path::PathBuf;

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

    #[error("{} is not a rapport database: point --db at a rapport file, or at a new path to start one", path.display())]
    NotRapport { path: PathBuf },

    #[error("{} is damaged and cannot be read ({detail}): restore it from a backup (rapport backup makes one)", path.display())]
    Corrupt { path: PathBuf, detail: String },

    #[error("the database is busy (another rapport or a backup is writing): try again in a moment")]
    Busy,

    #[error("no client named '{0}': check the name with 'rapport client list'")]
    UnknownClient(String),

    #[error("{0}")]
    NotFound(String),

    #[error("cannot use {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("could not migrate the database: {0}")]
    Migration(String),

    #[error("database error: {0}")]
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
