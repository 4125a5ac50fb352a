//! `rapport` without a command: the terminal UI on the database, with the config's
//! settings and look.

use std::path::Path;

use anyhow::Result;

use super::Context;
use crate::tui::{self, Look, Settings, Theme};

/// Runs the UI; `scratch` (the demo's folder) is removed by the UI's signal handling if a
/// signal ends the process.
pub fn run(ctx: &Context, no_color: bool, scratch: Option<&Path>) -> Result<()> {
    // Open the database before taking over the terminal, so its errors print plainly.
    let store = ctx.open_store()?;
    tui::run(
        store,
        ctx.clock.today(),
        settings(ctx),
        look(ctx, no_color),
        scratch,
    )
}

/// What the app takes from the config.
pub fn settings(ctx: &Context) -> Settings {
    Settings {
        rules: ctx.config.rules(),
        pareto: ctx.config.pareto.clone(),
        staff: ctx.config.company.staff.clone(),
    }
}

/// The look of the UI from the config and the colour switches.
pub fn look(ctx: &Context, no_color: bool) -> Look {
    Look {
        theme: Theme::new(ctx.config.display.theme, no_color),
        currency: ctx.config.display.currency_symbol.clone(),
        date_format: ctx.config.display.date_format.clone(),
    }
}
