//! Where rapport keeps its files: flag > environment variable > the platform's default.

use std::path::PathBuf;

use anyhow::{Context, Result};
use directories::ProjectDirs;

fn project_dirs() -> Result<ProjectDirs> {
    ProjectDirs::from("", "", "rapport").with_context(|| crate::t!("errors.no_home"))
}

/// The database file: `--db`/`RAPPORT_DB` (already merged by clap), else the user's data dir,
/// e.g. `~/.local/share/rapport/rapport.db` on Linux.
pub fn db_path(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(p) => Ok(p),
        None => Ok(project_dirs()?.data_dir().join("rapport.db")),
    }
}

/// The config file, and whether the user named it (a named file must exist; the default
/// one may be missing, which means defaults).
pub fn config_path(given: Option<PathBuf>) -> Result<(PathBuf, bool)> {
    match given {
        Some(p) => Ok((p, true)),
        None => Ok((project_dirs()?.config_dir().join("config.toml"), false)),
    }
}
