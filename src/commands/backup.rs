//! `rapport backup FILE`.

use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Context;

pub fn run(ctx: &Context, file: &Path) -> Result<()> {
    if !ctx.db_path.exists() {
        bail!(
            "there is no database at {} to back up: check --db or RAPPORT_DB",
            ctx.db_path.display()
        );
    }
    let store = ctx.open_store()?;
    store
        .backup_to(file)
        .with_context(|| format!("backup to {} failed", file.display()))?;
    println!("backed up {} to {}", ctx.db_path.display(), file.display());
    Ok(())
}
