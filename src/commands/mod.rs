//! The headless subcommands: one file each. They parse nothing themselves (that is clap's
//! job) and compute nothing themselves (that is the domain's): they fetch, call and print.

pub mod backup;
pub mod check;
pub mod client;
pub mod decide;
pub mod demo;
pub mod dump;
pub mod events;
pub mod export;
pub mod import;
pub mod log;
pub mod offboard;
pub mod pareto;
pub mod scorecard;
pub mod script;
pub mod table;
pub mod ui;
pub mod vote;

use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::clock::Clock;
use crate::config::Config;
use crate::store::Store;

/// What every command needs: where the database is, the settings and today's date.
#[derive(Debug, Clone)]
pub struct Context {
    pub db_path: PathBuf,
    pub config: Config,
    pub clock: Clock,
    /// The config file in force, when there is one: the scripts' own templates are in a
    /// folder `templates/` beside it.
    pub config_path: Option<PathBuf>,
}

impl Context {
    /// The breakup scripts' templates: the built-in ones, with the user's overrides from the
    /// config folder.
    pub fn templates(&self) -> crate::domain::script::Templates {
        self.config_path
            .as_deref()
            .map(|p| crate::scripts::load_templates(&crate::scripts::templates_dir(p)))
            .unwrap_or_default()
    }

    /// Opens an existing database for a command that only reads: the file is never
    /// created, migrated or changed.
    pub fn open_read_store(&self) -> Result<Store> {
        Store::open_read(&self.db_path).context(crate::t!("commands.cannot_open"))
    }

    /// Opens an existing database for a command that writes (logging for a client, a
    /// vote): a mistyped path creates nothing.
    pub fn open_existing_store(&self) -> Result<Store> {
        let mut store =
            Store::open_existing(&self.db_path).context(crate::t!("commands.cannot_open"))?;
        self.daily_backups(&mut store);
        Ok(store)
    }

    /// Opens the database for writing, creating it (and its folder) when it does not
    /// exist yet.
    pub fn open_store(&self) -> Result<Store> {
        let mut store = Store::open(&self.db_path).context(crate::t!("commands.cannot_open"))?;
        self.daily_backups(&mut store);
        Ok(store)
    }

    /// The config in force on `store`: the user's, with the database's own defaults (a
    /// demo database's labour cost and company name) where it sets none, and the line that
    /// says which figures are the database's ("demo: labour cost €65/h, company Demo IT").
    pub fn config_on(&self, store: &Store) -> Result<(Config, Option<String>)> {
        let defaults = store
            .defaults()
            .context(crate::t!("commands.cannot_read_settings"))?;
        let (config, supplied) = self.config.over(defaults.as_ref());
        let note = supplied.map(|s| s.note(&config.display.currency_symbol));
        Ok((config, note))
    }

    /// Daily backups as the config says, and a note of what an upgrade found.
    fn daily_backups(&self, store: &mut Store) {
        store.daily_backups(self.clock.today(), self.config.backup.keep);
        if store.upgraded() {
            for clash in store.identity_clashes().unwrap_or_default() {
                eprintln!("rapport: {}", crate::t!("commands.note", note = clash));
            }
        }
    }
}
