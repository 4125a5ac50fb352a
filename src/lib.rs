//! rapport: decide which MSP clients to keep, reprice or let go, and end it well.
//!
//! A map of the crate, from the inside out (arrows only point inwards):
//! - [`domain`]: pure types and rules: clients, evidence, money, dates, validation.
//! - [`store`]: the SQLite file: open, migrate, read and write in transactions.
//! - [`demo`]: the deterministic demo portfolio.
//! - [`commands`] and [`tui`]: the two faces, the headless CLI and the terminal UI.
//! - [`words`]: every text shown to a user, in English and Dutch.
//! - [`files`]: the private folders and new files rapport writes (0700, 0600).
//! - [`import`]: reading a PSA's CSV export from disk into the store, for both faces.
//! - [`report`]: the reports written out (`rapport export`, `p` in the app), for both faces.
//! - [`scripts`]: the breakup scripts' template overrides and facts, for both faces.
//! - [`cli`], [`config`], [`paths`], [`clock`]: start-up plumbing.

pub mod cli;
pub mod cli_error;
pub mod clock;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod files;
pub mod import;
pub mod paths;
pub mod report;
pub mod scripts;
pub mod store;
pub mod tui;
pub mod words;
