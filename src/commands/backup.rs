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
