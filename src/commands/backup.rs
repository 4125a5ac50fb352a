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
        .with_context(|| crate::t!("commands.backup.failed", path = file.display()))?;
    println!(
        "{}",
        crate::t!(
            "commands.backup.done",
            db = ctx.db_path.display(),
            path = file.display()
        )
    );
    Ok(())
}

/// Puts `file` back in place of the database, after a confirmation that names both.
pub fn restore(ctx: &Context, file: &Path, yes: bool) -> Result<()> {
    let db = &ctx.db_path;
    if file.is_dir() {
        return Err(ValidationError::one(
            crate::t!("commands.backup.file"),
            crate::t!(
                "commands.backup.is_folder",
                path = file.display(),
                folder = crate::store::backup_dir(db).display()
            ),
        )
        .into());
    }
    if !db.is_file() {
        return Err(ValidationError::one(
            "--db",
            crate::t!("commands.backup.no_db", db = db.display()),
        )
        .into());
    }
    if !file.is_file() {
        return Err(ValidationError::one(
            crate::t!("commands.backup.file"),
            crate::t!(
                "commands.backup.not_there",
                path = file.display(),
                folder = crate::store::backup_dir(db).display()
            ),
        )
        .into());
    }
    // The backup first: a file that is not one is named as the mistake it is.
    if let Err(e) = crate::store::Store::open_read(file) {
        return Err(match e {
            crate::store::StoreError::NotRapport { .. } => ValidationError::one(
                crate::t!("commands.backup.file"),
                crate::t!(
                    "commands.backup.not_rapport",
                    path = file.display(),
                    folder = crate::store::backup_dir(db).display()
                ),
            )
            .into(),
            other => anyhow::Error::from(other).context(crate::t!(
                "commands.backup.cannot_restore",
                path = file.display()
            )),
        });
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(ValidationError::one(
                crate::t!("commands.backup.restore"),
                crate::t!("commands.backup.confirm_with_yes", db = db.display()),
            )
            .into());
        }
        print!(
            "{} ",
            crate::t!(
                "commands.backup.ask",
                db = db.display(),
                path = file.display(),
                folder = crate::store::backup_dir(db).display()
            )
        );
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        let yes = answer.trim().to_lowercase();
        if !crate::t!("commands.backup.yes_answers")
            .split(',')
            .any(|a| a.trim() == yes)
        {
            println!(
                "{}",
                crate::t!("commands.backup.not_restored", db = db.display())
            );
            return Ok(());
        }
    }
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let restored = crate::store::restore(db, file, &stamp)
        .with_context(|| crate::t!("commands.backup.could_not_restore", path = file.display()))?;
    println!(
        "{}",
        crate::t!(
            "commands.backup.restored",
            db = db.display(),
            path = file.display(),
            kept = restored.kept_copy.display()
        )
    );
    Ok(())
}
