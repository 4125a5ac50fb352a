//! `rapport demo`: the demo portfolio, written into a new database.

use anyhow::Result;

use super::Context;

pub fn run(ctx: &Context) -> Result<()> {
    crate::demo::check_today(ctx.clock.today())?;
    let mut store = ctx.open_store()?;
    let existing = store.client_count()?;
    if existing > 0 {
        return Err(crate::domain::ValidationError::one(
            "--db",
            crate::tn!(
                "commands.demo.not_empty",
                existing,
                path = ctx.db_path.display()
            ),
        )
        .into());
    }
    let summary = crate::demo::populate(&mut store, ctx.clock.today())?;
    println!(
        "{}",
        crate::t!(
            "commands.demo.wrote",
            path = ctx.db_path.display(),
            summary = summary
        )
    );
    if let (_, Some(note)) = ctx.config_on(&store)? {
        println!("{}", crate::t!("commands.demo.note", note = note));
    }
    Ok(())
}
