//! A consistent copy of the database through SQLite's online backup API.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{Result, Store, StoreError};

impl Store {
    /// Copies the whole database to `dest`, a file that must not exist yet. Safe while
    /// another rapport writes: the backup restarts its pass when the source changes.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Io {
                path: dest.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "the file exists: choose a new name (a backup never overwrites)",
                ),
            });
        }
        let io = |source| StoreError::Io {
            path: dest.to_path_buf(),
            source,
        };
        super::create_private_file(dest).map_err(io)?;
        let result = (|| -> Result<()> {
            let mut dst = Connection::open(dest)?;
            {
                let backup = Backup::new(self.conn(), &mut dst)?;
                loop {
                    // -1: copy every page in one read transaction, which a WAL writer does not
                    // block, so a busy database still finishes.
                    match backup.step(-1)? {
                        StepResult::Done => break,
                        StepResult::More => {}
                        StepResult::Busy | StepResult::Locked => {
                            std::thread::sleep(Duration::from_millis(25))
                        }
                        _ => std::thread::sleep(Duration::from_millis(25)),
                    }
                }
            }
            let ok: String = dst.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if ok != "ok" {
                return Err(StoreError::NotFound(format!(
                    "the backup failed its integrity check ({ok}): try again"
                )));
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(dest);
        }
        result
    }
}
