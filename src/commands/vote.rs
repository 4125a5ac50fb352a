//! `rapport vote`: one staff member's five worst clients of a year (guide O2).

use anyhow::Result;
use chrono::Datelike;

use super::Context;

pub fn run(ctx: &Context, year: Option<i32>, staff: &str, clients: &[String]) -> Result<()> {
    let year = year.unwrap_or_else(|| ctx.clock.today().year());
    // The list's own rules first (a year that has begun, at most five, none twice), before
    // any name is looked up.
    crate::domain::evidence::check_vote_year(year, ctx.clock.today())?;
    crate::domain::evidence::check_votes(year, staff, clients)?;
    let mut store = ctx.open_existing_store()?;
    let mut ids = Vec::new();
    for name in clients {
        ids.push(store.client_by_name(name)?.id);
    }
    // The store refuses a client the staff member cannot name that year (as on screen).
    store.set_votes(year, staff, &ids)?;
    if clients.is_empty() {
        println!(
            "{}",
            crate::t!("commands.vote.cleared", staff = staff.trim(), year = year)
        );
    } else {
        println!(
            "{}",
            crate::tn!(
                "commands.vote.recorded",
                clients.len(),
                staff = staff.trim(),
                year = year
            )
        );
    }
    Ok(())
}
