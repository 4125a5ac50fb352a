//! `rapport backup FILE`.

use std::path::Path;

use anyhow::{Context as _, Result};

use super::Context;

pub fn run(ctx: &Context, file: &Path) -> Result<()> {
    let store = ctx.open_existing_store()?;
    store
        .backup_to(file)
        .with_context(|| format!("backup to {} failed", file.display()))?;
    println!("backed up {} to {}", ctx.db_path.display(), file.display());
    Ok(())
}
