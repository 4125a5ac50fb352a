//! `rapport export`: the portfolio report (or one client's) as JSON, as CSV files (one per
//! table, the evidence in the generic import format) or as Markdown. The report is built
//! in `crate::report`, which the app's `p` uses too; this only prints or writes it.
//!
//! The full-fidelity dump (`--all`) is `crate::commands::dump::export_all`.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::Args;

use super::Context;
use crate::domain::date::parse_date;
use crate::report::{self, Look, Options};

/// The arguments of `rapport export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json, csv (a file per table, in a folder) or md (Markdown)
    #[arg(long, value_name = "FORMAT", value_parser = ["json", "csv", "md"])]
    pub format: String,
    /// Only this client's report, for the conversation (json or md)
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Report as of DATE [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub as_of: Option<NaiveDate>,
    /// Write to this new file (csv: into this folder) instead of printing; nothing is ever
    /// overwritten
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// The whole database as one JSON dump (with --format json), which `rapport import all`
    /// reads back into an empty database
    #[arg(long, conflicts_with_all = ["client", "as_of"])]
    pub all: bool,
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date("date", s).map_err(|e| e.message)
}

pub fn run(ctx: &Context, args: ExportArgs) -> Result<()> {
    if args.all {
        if args.format != "json" {
            return Err(crate::cli_error::Invalid(crate::t!("export.cli.all_json").into()).into());
        }
        return super::dump::export_all(ctx, args.out.as_deref());
    }
    let csv = args.format == "csv";
    if csv && args.client.is_some() {
        return Err(crate::cli_error::Invalid(crate::t!("export.cli.client_csv").into()).into());
    }
    // Refused before anything is read: an existing file is never touched.
    if let Some(out) = &args.out
        && !csv
        && std::fs::symlink_metadata(out).is_ok()
    {
        bail!(crate::t!("export.file_exists", file = out.display()));
    }
    if let Some(out) = &args.out
        && csv
        && std::fs::symlink_metadata(out).is_ok_and(|m| !m.is_dir())
    {
        bail!(crate::t!("export.cli.not_a_folder", file = out.display()));
    }
    let store = ctx.open_read_store()?;
    let (config, note) = ctx.config_on(&store)?;
    let options = Options::new(args.as_of.unwrap_or_else(|| ctx.clock.today()));
    let look = Look::of(&config);
    let text = match (&args.client, args.format.as_str()) {
        (Some(name), format) => {
            let client = store.client_by_name(name)?;
            let r = report::build_client(&store, &config, note, &client, &options)?;
            if format == "json" {
                report::json::render(&r)?
            } else {
                report::markdown::client(&r, &look)
            }
        }
        (None, "csv") => {
            let r = report::build_portfolio(&store, &config, note, &options)?;
            let mut files = report::csv::report_tables(&r)?;
            files.extend(report::csv::evidence_tables(&store)?);
            drop(store);
            let (dir, named) = match &args.out {
                Some(dir) => (dir.clone(), true),
                None => {
                    let exports = crate::tui::driver::exports_dir(&ctx.db_path);
                    let stem = report::file_stem(None, options.as_of);
                    let dir = report::csv::fresh_dir(&exports, &stem).with_context(|| {
                        crate::t!("export.cli.cannot_make_folder", dir = exports.display())
                    })?;
                    (dir, false)
                }
            };
            let written = report::csv::write_into(&dir, &files);
            if let Err(e) = written {
                if !named {
                    let _ = std::fs::remove_dir(&dir);
                }
                return Err(e.into());
            }
            if named {
                eprintln!(
                    "{}",
                    crate::t!(
                        "export.cli.wrote_files",
                        n = files.len(),
                        dir = dir.display()
                    )
                );
            } else {
                println!("{}", dir.display());
            }
            return Ok(());
        }
        (None, "json") => {
            report::json::render(&report::build_portfolio(&store, &config, note, &options)?)?
        }
        (None, _) => report::markdown::portfolio(
            &report::build_portfolio(&store, &config, note, &options)?,
            &look,
        ),
    };
    match &args.out {
        None => print!("{text}"),
        Some(out) => {
            super::script::write_new(out, &text)?;
            eprintln!("{}", crate::t!("scripts.cli.written", file = out.display()));
        }
    }
    Ok(())
}
