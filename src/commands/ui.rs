//! `rapport` without a command: the terminal UI on the database, with the config's
//! settings and look (and a demo database's own labour cost and company name where the
//! config sets none).

use std::path::Path;

use anyhow::Result;

use super::Context;
use crate::config::Config;
use crate::domain::FieldError;
use crate::domain::decide::case::decidable;
use crate::store::Store;
use crate::tui::{self, Look, Settings, Theme};

/// Runs the UI; `scratch` (the demo's folder) is removed by the UI's signal handling if a
/// signal ends the process.
pub fn run(ctx: &Context, no_color: bool, scratch: Option<&Path>) -> Result<()> {
    // Without a terminal there is no app: say so before a database is created or upgraded.
    need_terminal()?;
    // Open the database before taking over the terminal, so its errors print plainly.
    let store = ctx.open_store()?;
    let (settings, look) = prepare(ctx, &store, no_color)?;
    tui::run(store, ctx.clock.today(), settings, look, scratch)
}

/// Refuses to start the app when stdin or stdout is not a terminal (a pipe, a file, a
/// cron job): the app reads keys and draws screens, so it would fail once it began.
pub fn need_terminal() -> Result<(), FieldError> {
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(FieldError::new(
        crate::t!("commands.ui.the_app"),
        crate::t!("commands.ui.needs_terminal"),
    ))
}

/// What the app takes from the config in force on `store`, and its look.
pub fn prepare(ctx: &Context, store: &Store, no_color: bool) -> Result<(Settings, Look)> {
    let (config, mut note) = ctx.config_on(store)?;
    // What an upgrade of an older file found, said where the app shows it (what the
    // command line prints on stderr is hidden behind the app's screen).
    if store.upgraded() {
        let clashes = store.identity_clashes()?;
        if let Some(first) = clashes.first() {
            let more = match clashes.len() {
                1 => String::new(),
                n => crate::t!("commands.ui.more_clashes", n = n - 1),
            };
            note = Some(crate::t!(
                "commands.ui.upgraded",
                first = first,
                more = more
            ));
        }
    }
    let mut settings = Settings {
        note,
        ..settings(&config)
    };
    settings.scripts.templates = ctx.templates();
    settings.scripts.config_path = ctx.config_path.clone();
    Ok((settings, look(&config, no_color)))
}

/// What the app takes from a config.
pub fn settings(config: &Config) -> Settings {
    Settings {
        rules: config.rules(),
        pareto: config.pareto.clone(),
        staff: config.company.staff.clone(),
        note: None,
        decision_rules: config.decision_rules(),
        scripts: crate::tui::app::ScriptSettings {
            config: config.clone(),
            templates: Default::default(),
            config_path: None,
        },
        offboard_items: config.offboarding.clone(),
    }
}

/// The look of the UI from the config and the colour switches.
pub fn look(config: &Config, no_color: bool) -> Look {
    Look {
        theme: Theme::new(config.display.theme, no_color),
        currency: config.display.currency_symbol.clone(),
        date_format: config.display.date_format.clone(),
    }
}

/// `rapport decide CLIENT`: the UI opened on the fire/keep walk of that client. Like the
/// app, it needs a terminal (said before any file is opened); the database must exist (a
/// client is named), and the client must not be a former one.
pub fn run_on_walk(ctx: &Context, no_color: bool, name: &str) -> Result<()> {
    need_terminal()?;
    let store = ctx.open_existing_store()?;
    // A mistyped name or a former client says so before the terminal is taken over.
    let client = store.client_by_name(name)?;
    decidable(&client)?;
    let (settings, look) = prepare(ctx, &store, no_color)?;
    tui::run_with(
        store,
        ctx.clock.today(),
        settings,
        look,
        None,
        Some(client.id),
    )
}
