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
            format!(
                "names {}, which already holds {existing} client{}: demo data only goes into a new database, pass --db NEW_FILE",
                ctx.db_path.display(),
                if existing == 1 { "" } else { "s" }
            ),
        )
        .into());
    }
    let summary = crate::demo::populate(&mut store, ctx.clock.today())?;
    println!(
        "wrote the demo portfolio to {}: {summary}",
        ctx.db_path.display()
    );
    if let (_, Some(note)) = ctx.config_on(&store)? {
        println!("{note} (the demo's own, used where your config sets none)");
    }
    Ok(())
}
