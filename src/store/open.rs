//! Opening the file: for writing (the TUI and the commands that change data, which may
//! create and migrate) or for reading (the commands that only look, which never change a
//! byte of it). Whatever is not ours, damaged, or from a newer rapport is refused untouched.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

use super::error::is_corrupt;
use super::{BUSY_TIMEOUT, Result, Store, StoreError};
pub(super) use crate::files::{create_private_dir, create_private_file};

/// `PRAGMA application_id` of a rapport database: "RAPT".
pub const APPLICATION_ID: i64 = 0x5241_5054;

/// The schema history, oldest first. Append only.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/0001_evidence.sql")),
        M::up(include_str!("../../migrations/0002_client_days.sql")),
        M::up(include_str!("../../migrations/0003_revisions.sql")),
        M::up_with_hook(
            include_str!("../../migrations/0004_identity.sql"),
            |tx: &rusqlite::Transaction<'_>| super::identity::fill_keys(tx).map_err(Into::into),
        ),
        M::up(include_str!("../../migrations/0005_corrections.sql")),
        M::up(include_str!("../../migrations/0006_settings.sql")),
        M::up(include_str!("../../migrations/0007_decisions.sql")),
        M::up(include_str!("../../migrations/0008_scripts.sql")),
        M::up(include_str!("../../migrations/0009_offboarding.sql")),
    ])
}

/// The schema version this build knows.
pub fn schema_version() -> i64 {
    9
}

/// The SQLite library rapport runs on (bundled, not the system's).
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}

impl Store {
    /// Opens the database at `path` for writing, creating it (and its private folder) when
    /// there is no file yet, and bringing an older schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_for_writing(path, true)
    }

    /// Opens an existing database for writing: a mistyped path creates nothing.
    pub fn open_existing(path: &Path) -> Result<Store> {
        Self::open_for_writing(path, false)
    }

    fn open_for_writing(path: &Path, create: bool) -> Result<Store> {
        match inspect(path)? {
            Found::Missing if create => create_database(path)?,
            Found::Missing => {
                return Err(StoreError::Missing {
                    path: path.to_path_buf(),
                });
            }
            Found::File => {}
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = connect(path, flags)?;
        let version = identify(&conn, path)?;
        set_pragmas(&conn).map_err(|e| StoreError::from(e).at(path))?;
        let upgraded = version < schema_version();
        if upgraded {
            keep_before_upgrade(&conn, path, version)?;
            migrate(&mut conn, path)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: false,
            daily: None,
            upgraded,
        })
    }

    /// Opens an existing database for reading only. The file is never created, migrated or
    /// written: a database of an older schema is read through a migrated copy in memory.
    pub fn open_read(path: &Path) -> Result<Store> {
        if let Found::Missing = inspect(path)? {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let (file, version) = connect_for_reading(path)?;
        let conn = if version < schema_version() {
            let mut copy = Connection::open_in_memory()?;
            super::backup::copy_pages(&file, &mut copy)
                .map_err(|e| StoreError::from(e).at(path))?;
            copy.pragma_update(None, "foreign_keys", "ON")?;
            migrate(&mut copy, path)?;
            copy
        } else {
            file
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: true,
            daily: None,
            upgraded: false,
        })
    }
}

/// A connection that reads and never writes. It opens read-write when it may, because only
/// such a connection tidies up after itself (the last one to close removes the -wal and
/// -shm files); but it never writes, and never folds a write-ahead log that holds changes
/// into the file. A file it may not write is opened read-only.
fn connect_for_reading(path: &Path) -> Result<(Connection, i64)> {
    let wal_has_changes = fs::metadata(sidecar(path, "-wal")).is_ok_and(|m| m.len() > 0);
    let open = |flags: OpenFlags| -> Result<(Connection, i64)> {
        let conn = connect(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.pragma_update(None, "query_only", "ON")?;
        if wal_has_changes {
            conn.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            )?;
        }
        let version = identify(&conn, path)?;
        Ok((conn, version))
    };
    match open(OpenFlags::SQLITE_OPEN_READ_WRITE) {
        Err(StoreError::ReadOnly { .. } | StoreError::Io { .. }) => {
            match open(OpenFlags::SQLITE_OPEN_READ_ONLY) {
                // A folder nobody can write to (a backup on read-only media): no other
                // connection can be writing either (it could not make its -wal there), so
                // the file can be read as it is.
                Err(e) if !sidecar(path, "-wal").exists() => read_immutable(path).map_err(|_| e),
                other => other,
            }
        }
        other => other,
    }
}

fn read_immutable(path: &Path) -> Result<(Connection, i64)> {
    let text = path.to_string_lossy();
    let mut uri = String::from("file:");
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&uri, flags).map_err(|e| corrupt_or(path, e))?;
    let version = identify(&conn, path)?;
    Ok((conn, version))
}

/// `path` with a suffix: the -wal, -shm and -journal files SQLite keeps beside a database.
pub(super) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut side = path.as_os_str().to_owned();
    side.push(suffix);
    PathBuf::from(side)
}

enum Found {
    Missing,
    File,
}

/// What stands at `path`, refusing a folder, an empty file and a file that is not SQLite
/// before SQLite touches anything.
fn inspect(path: &Path) -> Result<Found> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(StoreError::IsFolder {
            path: path.to_path_buf(),
        }),
        Ok(meta) if meta.len() == 0 => Err(StoreError::NotRapport {
            path: path.to_path_buf(),
            empty: true,
        }),
        Ok(_) => {
            check_sqlite_header(path)?;
            Ok(Found::File)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Found::Missing),
        Err(e) => Err(io(e)),
    }
}

fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags).map_err(|e| corrupt_or(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn set_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")
}

/// A copy of a database from an older rapport as it was, before its first upgrade, in the
/// backups folder: an upgrade is one transaction, but its result is new to the user.
fn keep_before_upgrade(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let dir = super::backup::backup_dir(path);
    let copy = dir.join(super::backup::named(
        path,
        &format!("before-upgrade-from-schema-{version}"),
    ));
    if copy.exists() {
        return Ok(());
    }
    create_private_dir(&dir).map_err(|source| StoreError::Io {
        path: dir.clone(),
        source,
    })?;
    create_private_file(&copy).map_err(|e| io_failure(e, &copy))?;
    let result = super::backup::copy_into(conn, &copy);
    if result.is_err() {
        let _ = fs::remove_file(&copy);
    }
    result
}

/// Brings the schema up to date in one transaction. When another rapport migrated the same
/// file at the same moment, its work is taken as done.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    let outcome = migrations().to_latest(conn);
    conn.set_transaction_behavior(TransactionBehavior::Deferred);
    match outcome {
        Ok(()) => Ok(()),
        Err(e) => {
            let now: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap_or(0);
            if now == schema_version() {
                return Ok(());
            }
            Err(match e {
                rusqlite_migration::Error::RusqliteError { err, .. } => {
                    StoreError::from(err).at(path)
                }
                other => StoreError::NotFound(crate::t!(
                    "store.migration_failed",
                    path = path.display(),
                    why = other
                )),
            })
        }
    }
}

fn corrupt_or(path: &Path, e: rusqlite::Error) -> StoreError {
    if is_corrupt(&e) {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: crate::t!("store.unreadable").into(),
        }
    } else {
        StoreError::from(e).at(path)
    }
}

/// Refuses a file that is not a rapport database by its first 100 bytes (SQLite's header,
/// with the application id rapport writes), before SQLite touches it: SQLite would roll
/// back another program's unfinished transaction on opening, which changes its file.
fn check_sqlite_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 100];
    let mut read = 0;
    let mut file = fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    let not_ours = || StoreError::NotRapport {
        path: path.to_path_buf(),
        empty: false,
    };
    if read < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(not_ours());
    }
    let app = i64::from(u32::from_be_bytes([
        header[68], header[69], header[70], header[71],
    ]));
    if app != APPLICATION_ID {
        // A SQLite file of another program, or one with no tables at all.
        return Err(not_ours());
    }
    Ok(())
}

/// Decides, by reading only, whether this is a rapport database this build can use, and
/// returns its schema version.
fn identify(conn: &Connection, path: &Path) -> Result<i64> {
    let read = || -> rusqlite::Result<(i64, i64, i64)> {
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, version, objects))
    };
    let (app, version, objects) = read().map_err(|e| corrupt_or(path, e))?;
    if app != APPLICATION_ID {
        return Err(StoreError::NotRapport {
            path: path.to_path_buf(),
            empty: objects == 0,
        });
    }
    if version > schema_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known: schema_version(),
        });
    }
    Ok(version)
}

/// Makes a new database at `path` all at once: it is built under a temporary name in the
/// same folder and linked into place only when complete, so a full disk or a crash never
/// leaves a half-made file behind, and a file another process made meanwhile is kept.
fn create_database(path: &Path) -> Result<()> {
    let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            create_private_dir(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
            parent.to_path_buf()
        }
        None => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "rapport.db".into(), |n| n.to_string_lossy().into_owned());
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.{}-{nanos}.new", std::process::id()));
    let result = build_new(&tmp, path).and_then(|()| link_into_place(&tmp, path));
    remove_with_sidecars(&tmp);
    result
}

fn build_new(tmp: &Path, path: &Path) -> Result<()> {
    create_private_file(tmp).map_err(|e| io_failure(e, path))?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn =
        Connection::open_with_flags(tmp, flags).map_err(|e| StoreError::from(e).at(path))?;
    // A rollback journal while building: every page is in the file itself when this ends.
    let setup = (|| -> Result<()> {
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    })();
    let closed = conn.close().map_err(|(_, e)| StoreError::from(e));
    setup.map_err(|e| e.at(path))?;
    closed.map_err(|e| e.at(path))?;
    fs::File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_failure(e, path))
}

/// Links the finished file to its name, never replacing a file that is there.
fn link_into_place(tmp: &Path, path: &Path) -> Result<()> {
    match fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links: a rename, after checking nothing is there.
        Err(_) if !path.exists() => fs::rename(tmp, path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
        Err(_) => Ok(()),
    }
}

fn remove_with_sidecars(file: &Path) {
    let _ = fs::remove_file(file);
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(sidecar(file, suffix));
    }
}

/// A file-system failure as the store's error: a full disk (or a file-size limit) is its
/// own case, so the message says what to do.
pub(super) fn io_failure(e: std::io::Error, path: &Path) -> StoreError {
    #[cfg(unix)]
    let full = matches!(
        e.raw_os_error(),
        Some(libc::ENOSPC | libc::EFBIG | libc::EDQUOT)
    );
    #[cfg(not(unix))]
    let full = false;
    if full || e.kind() == std::io::ErrorKind::StorageFull {
        StoreError::DiskFull {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Io {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_counted() {
        assert!(migrations().validate().is_ok());
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version());
    }
}
