//! `rapport import KIND FILE`: a PSA's CSV export read through a preset (saved in the
//! config, or built in, or found from the headers), the user's `--map` and `--value` on top;
//! the mapping shown, then the import run in one transaction and its summary: added,
//! updated, unchanged, skipped (unknown clients) and every bad row. Anything bad writes
//! nothing and ends non-zero. `--save-preset NAME` keeps the mapping in the config file.

mod print;
pub mod save;

use std::io::IsTerminal as _;

use anyhow::Result;

use super::Context;
use crate::cli::ImportArgs;
use crate::cli_error::Invalid;
use crate::domain::import::{DateFormat, ImportKind, Mapping, Preset, apply_value_rule};
use crate::import::{CsvFile, Progress, ReadError};
use crate::store::ImportOptions;

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let Some(kind) = args.what.kind() else {
        return all(ctx, args);
    };
    let date_format = match &args.date_format {
        None => None,
        Some(f) => Some(
            DateFormat::parse(f)
                .ok_or_else(|| Invalid(crate::t!("commands.import.date_format", value = f)))?,
        ),
    };
    if kind != ImportKind::Tickets && !args.values.is_empty() {
        return Err(Invalid(crate::t!(
            "commands.import.value_tickets",
            kind = kind.name()
        ))
        .into());
    }
    if let Some(name) = &args.save_preset {
        save::check_name(ctx, name)?;
    }
    let file = open(&args.file)?;
    let preset = preset(ctx, kind, args.preset.as_deref(), &file.headers)?;
    let overrides = args
        .map
        .iter()
        .map(|m| match m.rsplit_once('=') {
            Some((column, field)) if !column.trim().is_empty() => {
                Ok((column.trim().to_string(), field.trim().to_string()))
            }
            _ => Err(Invalid(crate::t!("commands.import.map_form", value = m))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut mapping = Mapping::resolve(&preset, &file.headers, &overrides, date_format)
        .map_err(|e| Invalid(print::mapping_error(kind, &e)))?;
    for rule in &args.values {
        apply_value_rule(&mut mapping.values, rule)
            .map_err(|_| Invalid(crate::t!("commands.import.value_form", value = rule)))?;
    }
    if !args.json {
        print!("{}", print::mapping(&file, &mapping));
    }
    let mut store = ctx.open_store()?;
    let options = ImportOptions {
        create_clients: args.create_clients,
        dry_run: args.dry_run,
    };
    let show_progress = !args.json && std::io::stderr().is_terminal();
    let mut progress = |p: Progress| {
        if show_progress {
            eprint!(
                "\r{}",
                crate::t!(
                    "commands.import.progress",
                    rows = p.rows,
                    pct = (p.bytes * 100).checked_div(p.total_bytes).unwrap_or(100)
                )
            );
        }
    };
    let today = ctx.clock.today();
    let report = crate::import::run(&mut store, &file, &mapping, options, today, &mut progress)
        .map_err(|e| read_error(e, &file.path))?;
    if show_progress {
        eprint!("\r\x1b[K");
    }
    if args.json {
        let value = print::json(&file, &mapping, &report, args.dry_run);
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        let near = near_names(&store, &report.unknown_clients)?;
        print!("{}", print::summary(&report, args.dry_run, &near));
    }
    if !report.bad_rows.is_empty() {
        let rows: std::collections::BTreeSet<u64> =
            report.bad_rows.iter().map(|e| e.line).collect();
        return Err(Invalid(crate::tn!(
            "commands.import.bad_rows",
            rows.len(),
            file = file.path.display()
        ))
        .into());
    }
    if let Some(name) = &args.save_preset {
        let path = save::save(ctx, &mapping.to_preset(name))?;
        if !args.json {
            println!(
                "{}",
                crate::t!(
                    "commands.import.saved",
                    name = name,
                    path = path.display(),
                    kind = kind.name()
                )
            );
        }
    }
    Ok(())
}

/// The file, sniffed; a missing file is the user's to fix.
fn open(path: &std::path::Path) -> Result<CsvFile> {
    CsvFile::open(path).map_err(|e| read_error(e, path))
}

fn read_error(e: ReadError, path: &std::path::Path) -> anyhow::Error {
    match e {
        ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            Invalid(crate::t!("commands.import.no_file", file = path.display())).into()
        }
        ReadError::Store(e) => anyhow::Error::new(e).context(crate::t!("commands.import.failed")),
        other => Invalid(crate::words::say::import::read_error(&other)).into(),
    }
}

/// The preset asked for (a saved one first, then a built-in one), or the one the headers
/// point to.
fn preset(
    ctx: &Context,
    kind: ImportKind,
    name: Option<&str>,
    headers: &[String],
) -> Result<Preset> {
    let Some(name) = name else {
        return Ok(Preset::detect(kind, headers));
    };
    let builtin = Preset::builtin();
    let found = ctx
        .config
        .import_presets
        .iter()
        .chain(&builtin)
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()));
    match found {
        Some(p) if p.kind == kind => Ok(p.clone()),
        Some(p) => Err(Invalid(crate::t!(
            "commands.import.preset_kind",
            name = p.name,
            kind = p.kind.name(),
            asked = kind.name()
        ))
        .into()),
        None => {
            let names: Vec<&str> = ctx
                .config
                .import_presets
                .iter()
                .chain(&builtin)
                .filter(|p| p.kind == kind)
                .map(|p| p.name.as_str())
                .collect();
            Err(Invalid(crate::t!(
                "commands.import.no_preset",
                name = name,
                kind = kind.name(),
                names = names.join(", ")
            ))
            .into())
        }
    }
}

/// `rapport import all FILE`: a full dump into an empty database. The CSV options mean
/// nothing there, so they are refused rather than ignored.
fn all(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let csv_only = args.preset.is_some()
        || !args.map.is_empty()
        || !args.values.is_empty()
        || args.date_format.is_some()
        || args.create_clients
        || args.dry_run
        || args.save_preset.is_some();
    if csv_only {
        return Err(Invalid(crate::t!("commands.import.all_csv_options").into()).into());
    }
    super::dump::import_all(ctx, &args.file, args.json)
}

/// For each unknown client, the client rapport holds whose name differs only in accents or
/// case: a PSA export that lost the accents is not a new client.
fn near_names(
    store: &crate::store::Store,
    unknown: &[(String, u64)],
) -> Result<std::collections::HashMap<String, String>> {
    use crate::domain::identity::sort_key;
    let mut near = std::collections::HashMap::new();
    if unknown.is_empty() {
        return Ok(near);
    }
    let clients = store.clients()?;
    for (name, _) in unknown {
        let bare = sort_key(name);
        if let Some(c) = clients.iter().find(|c| sort_key(&c.fields.name) == bare) {
            near.insert(name.clone(), c.fields.name.clone());
        }
    }
    Ok(near)
}
