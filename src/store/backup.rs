//! Copies of the database: on demand (`rapport backup FILE`), automatically once a day
//! before the first write, and back again (`rapport restore FILE`). Every copy goes through
//! SQLite's online backup API, so it is consistent while another rapport writes.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::open::{create_private_dir, create_private_file, io_failure};
use super::{Result, Store, StoreError};
use crate::domain::date::iso;

/// The folder next to the database where the daily backups are kept.
pub fn backup_dir(db: &Path) -> PathBuf {
    match db.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.join("backups"),
        None => PathBuf::from("backups"),
    }
}

/// The name a file gets in the backups folder: the database's own name, then what it is.
/// `r.db` gives `r-2026-06-30.db`; a database not named `*.db` keeps its whole name
/// (`r.sqlite-2026-06-30.db`), so two databases in one folder never share their backups.
pub(super) fn named(db: &Path, what: &str) -> String {
    let name = db
        .file_name()
        .map_or_else(|| "rapport.db".into(), |s| s.to_string_lossy().into_owned());
    let base = match name.strip_suffix(".db") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        // No extension at all: a dot marks it, apart from the same name with `.db`.
        _ if !name.contains('.') => format!("{name}."),
        _ => name,
    };
    format!("{base}-{what}.db")
}

/// The automatic daily backup: on which day, how many to keep, and whether it is done.
#[derive(Debug, Clone)]
pub(super) struct Daily {
    today: NaiveDate,
    keep: usize,
    done: bool,
}

/// What `restore` did: where the replaced file's contents were kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub kept_copy: PathBuf,
}

impl Store {
    /// Copies the whole database to `dest`, a file that must not exist yet. Safe while
    /// another rapport writes: the copy is one consistent snapshot.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let io = |source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        };
        if dest.exists() {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                crate::t!("store.backup.exists"),
            )));
        }
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(io(std::io::Error::other(crate::t!(
                "store.backup.no_folder"
            ))));
        }
        create_private_file(dest).map_err(|e| io_failure(e, dest))?;
        let result = copy_into(self.conn(), dest);
        if result.is_err() {
            let _ = fs::remove_file(dest);
        }
        result
    }

    /// Asks for a backup into the `backups/` folder before the first write of `today`,
    /// keeping the newest `keep` of them (0: no automatic backups).
    pub fn daily_backups(&mut self, today: NaiveDate, keep: usize) {
        self.daily = (keep > 0).then_some(Daily {
            today,
            keep,
            done: false,
        });
    }

    /// Makes today's backup unless it exists (another rapport may have made it), then
    /// drops the oldest beyond the number to keep. A database without clients has nothing
    /// to lose yet and is not copied.
    pub(super) fn daily_backup_if_due(&mut self) -> Result<()> {
        let Some(daily) = &self.daily else {
            return Ok(());
        };
        if daily.done {
            return Ok(());
        }
        let (today, keep) = (daily.today, daily.keep);
        let has_clients: bool =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM clients)", [], |r| r.get(0))?;
        if has_clients {
            let dir = backup_dir(&self.path);
            create_private_dir(&dir).map_err(|source| StoreError::Io {
                path: dir.clone(),
                source,
            })?;
            let file = dir.join(named(&self.path, &iso(today)));
            if !file.exists() {
                match self.backup_to(&file) {
                    Ok(()) => {}
                    // Another rapport made it at the same moment.
                    Err(StoreError::Io { source, .. })
                        if source.kind() == std::io::ErrorKind::AlreadyExists => {}
                    // The copy shows the damage before the write could spread it.
                    Err(e) if e.is_corrupt() => {
                        return Err(StoreError::Corrupt {
                            path: self.path.clone(),
                            detail: crate::t!("store.backup.daily_damaged").into(),
                        });
                    }
                    Err(e) => return Err(e),
                }
            }
            prune(&dir, &self.path, keep);
        }
        if let Some(d) = &mut self.daily {
            d.done = true;
        }
        Ok(())
    }

    /// The daily backups of this database, oldest first.
    pub fn daily_backup_files(&self) -> Vec<PathBuf> {
        daily_files(&backup_dir(&self.path), &self.path)
    }
}

/// Copies every page of `src` into the new, empty file `dest` and checks the result.
pub(super) fn copy_into(src: &Connection, dest: &Path) -> Result<()> {
    let mut dst = Connection::open(dest).map_err(|e| StoreError::from(e).at(dest))?;
    copy_pages(src, &mut dst).map_err(|e| StoreError::from(e).at(dest))?;
    let ok: String = dst.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(StoreError::Corrupt {
            path: dest.to_path_buf(),
            detail: crate::t!("store.backup.copy_damaged", problem = first_line(&ok)),
        });
    }
    Ok(())
}

/// Copies every page of one database into another in one read transaction of the source,
/// which a WAL writer does not block, so a busy database still finishes.
pub(super) fn copy_pages(src: &Connection, dst: &mut Connection) -> rusqlite::Result<()> {
    let backup = Backup::new(src, dst)?;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => std::thread::sleep(Duration::from_millis(25)),
        }
    }
}

/// The first problem of an integrity check's report, for a one-line message.
fn first_line(report: &str) -> &str {
    report.lines().next().unwrap_or(report).trim()
}

/// `<stem>-YYYY-MM-DD.db` files in `dir`, oldest first (the names sort by date).
fn daily_files(dir: &Path, db: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let stem = named(db, "");
    let prefix = stem.trim_end_matches(".db");
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(prefix))
                .and_then(|rest| rest.strip_suffix(".db"))
                .is_some_and(|date| crate::domain::date::from_iso(date).is_some())
        })
        .collect();
    files.sort();
    files
}

fn prune(dir: &Path, db: &Path, keep: usize) {
    let files = daily_files(dir, db);
    let extra = files.len().saturating_sub(keep);
    for old in &files[..extra] {
        let _ = fs::remove_file(old);
    }
}

/// Replaces the contents of the database at `db` with those of the backup `from`, after
/// keeping a copy of the current file in the backups folder. `from` must be a sound
/// rapport database; `db` may be damaged (that is why one restores).
pub fn restore(db: &Path, from: &Path, stamp: &str) -> Result<Restored> {
    let source = Store::open_read(from)?;
    let check = source.integrity_check()?;
    if check != "ok" {
        return Err(StoreError::Corrupt {
            path: from.to_path_buf(),
            detail: crate::t!("store.backup.source_damaged", problem = first_line(&check)),
        });
    }
    if !db.exists() {
        return Err(StoreError::Missing {
            path: db.to_path_buf(),
        });
    }
    let kept_copy = keep_copy(db, stamp)?;
    match copy_over(source.conn(), db) {
        Err(e) if e.is_corrupt() => replace_file(source.conn(), db)?,
        other => other?,
    }
    Ok(Restored { kept_copy })
}

/// Writes every page of `src` into the live database `db` through SQLite, so that another
/// rapport with the file open sees the restored contents at its next read.
fn copy_over(src: &Connection, db: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut dst = Connection::open_with_flags(db, flags).map_err(|e| StoreError::from(e).at(db))?;
    dst.busy_timeout(super::BUSY_TIMEOUT)?;
    copy_pages(src, &mut dst).map_err(|e| StoreError::from(e).at(db))?;
    let ok: String = dst
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| StoreError::from(e).at(db))?;
    if ok != "ok" {
        return Err(StoreError::Corrupt {
            path: db.to_path_buf(),
            detail: crate::t!("store.backup.restored_damaged", problem = first_line(&ok)),
        });
    }
    Ok(())
}

/// For a file too damaged for SQLite to write into: a sound copy is made beside it and
/// renamed over it, and the old write-ahead log is dropped (it belongs to the damage).
fn replace_file(src: &Connection, db: &Path) -> Result<()> {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".rapport-restore-{}.db", std::process::id()));
    let _ = fs::remove_file(&tmp);
    create_private_file(&tmp).map_err(|e| io_failure(e, &tmp))?;
    let result = copy_into(src, &tmp).and_then(|()| {
        for suffix in ["-wal", "-shm"] {
            let mut side = db.as_os_str().to_owned();
            side.push(suffix);
            let _ = fs::remove_file(PathBuf::from(side));
        }
        fs::rename(&tmp, db).map_err(|source| StoreError::Io {
            path: db.to_path_buf(),
            source,
        })
    });
    let _ = fs::remove_file(&tmp);
    result
}

/// Copies the database file as it is on disk (with its write-ahead log, if any) into the
/// backups folder, byte for byte: a damaged file is kept as found.
fn keep_copy(db: &Path, stamp: &str) -> Result<PathBuf> {
    let dir = backup_dir(db);
    create_private_dir(&dir).map_err(|source| StoreError::Io {
        path: dir.clone(),
        source,
    })?;
    let copy = dir.join(named(db, &format!("before-restore-{stamp}")));
    copy_file(db, &copy)?;
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let wal = PathBuf::from(wal);
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        let mut wal_copy = copy.as_os_str().to_owned();
        wal_copy.push("-wal");
        copy_file(&wal, Path::new(&wal_copy))?;
    }
    Ok(copy)
}

fn copy_file(from: &Path, to: &Path) -> Result<()> {
    let mut out = create_private_file(to).map_err(|e| io_failure(e, to))?;
    let result = fs::File::open(from)
        .and_then(|mut f| std::io::copy(&mut f, &mut out))
        .and_then(|_| out.sync_all());
    if let Err(e) = result {
        let _ = fs::remove_file(to);
        return Err(io_failure(e, to));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn databases_in_one_folder_never_share_backup_names() {
        let names: Vec<String> = ["rapport.db", "rapport.sqlite", "rapport", "a.b.db"]
            .iter()
            .map(|n| named(Path::new(n), "2026-06-30"))
            .collect();
        assert_eq!(
            names,
            [
                "rapport-2026-06-30.db",
                "rapport.sqlite-2026-06-30.db",
                "rapport.-2026-06-30.db",
                "a.b-2026-06-30.db"
            ]
        );
    }
}
