//! The headless subcommands: one file each. They parse nothing themselves (that is clap's
//! job) and compute nothing themselves (that is the domain's): they fetch, call and print.

pub mod backup;
pub mod client;
pub mod demo;
pub mod log;
pub mod pareto;
pub mod scorecard;
pub mod table;
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
}

impl Context {
    /// Opens the database for a command that only makes sense on one that exists (listing,
    /// scoring, logging for a client): a mistyped path creates nothing.
    pub fn open_existing_store(&self) -> Result<Store> {
        if !self.db_path.exists() {
            anyhow::bail!(
                "there is no database at {}: check --db or RAPPORT_DB, or start one with 'rapport client add' or 'rapport demo'",
                self.db_path.display()
            );
        }
        self.open_store()
    }

    /// Opens the database, creating it (and its folder) when it does not exist yet.
    pub fn open_store(&self) -> Result<Store> {
        Store::open(&self.db_path).context("cannot open the database")
    }
}
