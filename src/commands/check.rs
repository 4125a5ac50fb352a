//! `rapport check`: is the database sound? Reads only; exit 1 when anything is wrong.

use anyhow::{Result, bail};

use super::Context;
use crate::store::{StoreError, restore_advice};

pub fn run(ctx: &Context) -> Result<()> {
    let path = &ctx.db_path;
    // Damage found on opening is what check has to tell: said here, not sent back to check.
    let store = match ctx.open_read_store() {
        Ok(s) => s,
        Err(e) => match e.downcast_ref::<StoreError>() {
            Some(StoreError::Corrupt { detail, .. }) => {
                bail!(
                    "{} is damaged ({detail}): {}",
                    path.display(),
                    restore_advice(path)
                )
            }
            _ => return Err(e),
        },
    };
    let report = match store.check() {
        Ok(r) => r,
        Err(e) if e.is_corrupt() => {
            println!(
                "the file is damaged: SQLite stopped in the middle of its integrity check, at a page it cannot read"
            );
            bail!("{} is damaged: {}", path.display(), restore_advice(path))
        }
        Err(e) => return Err(e.into()),
    };
    if report.is_ok() {
        println!(
            "ok: {} is sound ({} clients, {} events; the rollup agrees with the rows)",
            path.display(),
            report.clients,
            report.events
        );
        for clash in store.identity_clashes()? {
            println!("note: {clash}");
        }
        return Ok(());
    }
    for problem in &report.problems {
        println!("{problem}");
    }
    bail!(
        "{} has {} problem{}: {}",
        path.display(),
        report.problems.len(),
        if report.problems.len() == 1 { "" } else { "s" },
        restore_advice(path)
    )
}
