//! `rapport script CLIENT --channel ...`: the words for a decision (guide H2-H4), rendered
//! from the client's latest decision (or from `--reason` when there is none), printed or
//! written to a new private file, and kept with the client's scripts.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Context;
use crate::domain::ValidationError;
use crate::domain::decide::decision::Decision;
use crate::domain::lang::Lang;
use crate::domain::script::{Channel, Kind, render};
use crate::files::{create_private_dir, create_private_file};
use crate::scripts::facts_for;
use crate::store::NewScript;

/// What the command line asked for.
#[derive(Debug, Clone)]
pub struct Ask<'a> {
    pub client: &'a str,
    pub kind: Option<Kind>,
    pub channel: Channel,
    pub lang: Lang,
    pub reason: Option<&'a str>,
    pub out: Option<&'a Path>,
}

pub fn run(ctx: &Context, ask: &Ask<'_>) -> Result<()> {
    // Refused before anything is read or written: an existing file is never touched.
    if let Some(out) = ask.out
        && fs::symlink_metadata(out).is_ok()
    {
        bail!(crate::t!("scripts.cli.out_exists", file = out.display()));
    }
    let mut store = ctx.open_existing_store()?;
    let (config, _) = ctx.config_on(&store)?;
    let client = store.client_by_name(ask.client)?;
    let latest = store
        .decisions(Some(client.id))
        .context(crate::t!("scripts.cli.cannot_read_decisions"))?
        .into_iter()
        .next();
    let kind = pick_kind(ask, latest.as_ref(), &client.fields.name)?;
    let reason = ask.reason.map(str::trim).filter(|r| !r.is_empty());
    if latest.is_none() && reason.is_none() {
        return Err(ValidationError::one(
            "--reason",
            crate::t!("scripts.cli.no_decision", name = client.fields.name),
        )
        .into());
    }
    let today = ctx.clock.today();
    let facts = facts_for(
        &store,
        &config,
        client.id,
        kind,
        today,
        reason.map(String::from),
    )?;
    let rendered = render(&ctx.templates(), kind, ask.channel, ask.lang, &facts);
    for w in &rendered.warnings {
        eprintln!("{}", crate::t!("scripts.cli.warning", warning = w));
    }
    let script = NewScript {
        client: client.id,
        decision: latest.as_ref().map(|d| d.id),
        kind,
        channel: ask.channel,
        lang: ask.lang,
        written_on: today,
        text: rendered.text.clone(),
    };
    match ask.out {
        None => {
            store
                .save_script(&script)
                .context(crate::t!("scripts.cli.cannot_keep"))?;
            print!("{}", with_newline(&rendered.text));
        }
        Some(out) => {
            write_new(out, &with_newline(&rendered.text))?;
            if let Err(e) = store.save_script(&script) {
                let _ = fs::remove_file(out);
                return Err(e).context(crate::t!("scripts.cli.cannot_keep"));
            }
            eprintln!("{}", crate::t!("scripts.cli.written", file = out.display()));
        }
    }
    Ok(())
}

/// The kind of words: `--kind`, else the latest decision's outcome. Another kind than the
/// decision's is written, with a warning; an outcome that needs no words asks for `--kind`.
fn pick_kind(ask: &Ask<'_>, latest: Option<&Decision>, name: &str) -> Result<Kind> {
    let decided = latest.and_then(|d| Kind::for_outcome(d.chosen));
    match (ask.kind, latest, decided) {
        (Some(k), _, Some(d)) if k != d => {
            eprintln!(
                "{}",
                crate::t!("scripts.cli.override", decided = d.code(), kind = k.code())
            );
            Ok(k)
        }
        (Some(k), _, _) => Ok(k),
        (None, _, Some(d)) => Ok(d),
        (None, Some(d), None) => Err(ValidationError::one(
            "--kind",
            crate::t!(
                "scripts.cli.no_words_needed",
                name = name,
                outcome = d.chosen.key()
            ),
        )
        .into()),
        (None, None, None) if ask.reason.is_some() => Err(ValidationError::one(
            "--kind",
            crate::t!("scripts.cli.kind_needed", name = name),
        )
        .into()),
        (None, None, None) => Err(ValidationError::one(
            "--reason",
            crate::t!("scripts.cli.no_decision", name = name),
        )
        .into()),
    }
}

fn with_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}

/// Writes `text` to a new file at `path`, 0600, its folder made 0700 when it is not there;
/// never over a file that is there. A failed write leaves no file behind.
pub fn write_new(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(dir)
            .with_context(|| crate::t!("scripts.cli.cannot_make_folder", dir = dir.display()))?;
    }
    let mut file = match create_private_file(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(crate::t!("scripts.cli.out_exists", file = path.display()))
        }
        Err(e) => {
            return Err(e)
                .with_context(|| crate::t!("scripts.cli.cannot_write", file = path.display()));
        }
    };
    if let Err(e) = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
    {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(e)
            .with_context(|| crate::t!("scripts.cli.cannot_write", file = path.display()));
    }
    Ok(())
}
