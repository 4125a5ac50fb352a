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
                bail!(crate::t!(
                    "commands.check.damaged_detail",
                    path = path.display(),
                    detail = detail,
                    advice = restore_advice(path)
                ))
            }
            _ => return Err(e),
        },
    };
    let report = match store.check() {
        Ok(r) => r,
        Err(e) if e.is_corrupt() => {
            println!("{}", crate::t!("commands.check.stopped"));
            bail!(crate::t!(
                "commands.check.damaged",
                path = path.display(),
                advice = restore_advice(path)
            ))
        }
        Err(e) => return Err(e.into()),
    };
    if report.is_ok() {
        println!(
            "{}",
            crate::t!(
                "commands.check.sound",
                path = path.display(),
                clients = report.clients,
                events = report.events
            )
        );
        for clash in store.identity_clashes()? {
            println!("{}", crate::t!("commands.note", note = clash));
        }
        return Ok(());
    }
    for problem in &report.problems {
        println!("{problem}");
    }
    bail!(crate::tn!(
        "commands.check.problems",
        report.problems.len(),
        path = path.display(),
        advice = restore_advice(path)
    ))
}
