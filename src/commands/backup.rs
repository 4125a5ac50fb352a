//! `rapport backup FILE` and `rapport restore FILE`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Context;
use crate::domain::ValidationError;

pub fn run(ctx: &Context, file: &Path) -> Result<()> {
    let store = ctx.open_read_store()?;
    store
        .backup_to(file)
        .with_context(|| format!("backup to {} failed", file.display()))?;
    println!("backed up {} to {}", ctx.db_path.display(), file.display());
    Ok(())
}

/// Puts `file` back in place of the database, after a confirmation that names both.
pub fn restore(ctx: &Context, file: &Path, yes: bool) -> Result<()> {
    let db = &ctx.db_path;
    if file.is_dir() {
        return Err(ValidationError::one(
            "file",
            format!(
                "{} is a folder: name a backup file in it, e.g. one from {}",
                file.display(),
                crate::store::backup_dir(db).display()
            ),
        )
        .into());
    }
    if !db.is_file() {
        return Err(ValidationError::one(
            "--db",
            format!(
                "names no database to restore into ({}): a restore replaces an existing database; check --db, or copy the backup to a new path to start from it",
                db.display()
            ),
        )
        .into());
    }
    if !file.is_file() {
        return Err(ValidationError::one(
            "file",
            format!(
                "{} is not there: pick a backup, e.g. from {}",
                file.display(),
                crate::store::backup_dir(db).display()
            ),
        )
        .into());
    }
    // The backup first: a file that is not one is named as the mistake it is.
    if let Err(e) = crate::store::Store::open_read(file) {
        return Err(match e {
            crate::store::StoreError::NotRapport { .. } => ValidationError::one(
                "file",
                format!(
                    "{} is not a rapport database: name a backup rapport made (see {})",
                    file.display(),
                    crate::store::backup_dir(db).display()
                ),
            )
            .into(),
            other => {
                anyhow::Error::from(other).context(format!("cannot restore {}", file.display()))
            }
        });
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(ValidationError::one(
                "restore",
                format!(
                    "replaces the contents of {}: confirm with --yes",
                    db.display()
                ),
            )
            .into());
        }
        print!(
            "Replace everything in {} with the backup {}? Its current contents are kept in {} first. [y/N] ",
            db.display(),
            file.display(),
            crate::store::backup_dir(db).display()
        );
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            println!("not restored: {} is unchanged", db.display());
            return Ok(());
        }
    }
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let restored = crate::store::restore(db, file, &stamp)
        .with_context(|| format!("could not restore {}", file.display()))?;
    println!(
        "restored {} from {}; what it held before is kept in {}",
        db.display(),
        file.display(),
        restored.kept_copy.display()
    );
    Ok(())
}
