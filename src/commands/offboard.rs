//! `rapport offboard CLIENT`: the client's offboarding checklist as a table (or JSON), and
//! `--done ITEM` / `--undo ITEM` to tick or untick one item of it.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use clap::Args;
use serde_json::{Value, json};

use super::Context;
use super::table::{Align, render};
use crate::domain::date::{iso, parse_date};
use crate::domain::lang::Lang;
use crate::domain::offboard::{Asks, Checklist, Entry, Items, Tick};
use crate::domain::{Client, FieldError, ValidationError};
use crate::store::Store;

/// The arguments of `rapport offboard`.
#[derive(Debug, Args)]
pub struct OffboardArgs {
    /// The client's name (any case)
    #[arg(value_name = "CLIENT")]
    pub client: String,
    /// Tick an item, by its key (notice-sent, agreement, dns, sign-off...)
    #[arg(long, value_name = "ITEM", conflicts_with = "undo")]
    pub done: Option<String>,
    /// Untick an item, by its key
    #[arg(long, value_name = "ITEM")]
    pub undo: Option<String>,
    /// With --done: the day it was done [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg, requires = "done")]
    pub on: Option<NaiveDate>,
    /// With --done: who at the client signed off (required for sign-off), or a note
    #[arg(long, value_name = "TEXT", requires = "done")]
    pub by: Option<String>,
    /// JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date("date", s).map_err(|e| e.message)
}

pub fn run(ctx: &Context, args: OffboardArgs) -> Result<()> {
    let items = &ctx.config.offboarding;
    if args.done.is_none() && args.undo.is_none() {
        let store = ctx.open_read_store()?;
        let (client, list) = checklist(&store, &args.client, items)?;
        if args.json {
            println!(
                "{}",
                serde_json::to_string_pretty(&as_json(&client, &list))?
            );
        } else {
            print!("{}", as_table(&client, &list));
        }
        return Ok(());
    }
    let mut store = ctx.open_existing_store()?;
    let (client, list) = checklist(&store, &args.client, items)?;
    let name = &client.fields.name;
    let today = ctx.clock.today();
    let (typed, ticking) = match (&args.done, &args.undo) {
        (Some(item), _) => (item, true),
        (None, Some(item)) => (item, false),
        (None, None) => return Ok(()),
    };
    let entry = items.parse(typed).map_err(ValidationError::from)?.clone();
    let tick = if ticking {
        if entry.asks() == Asks::Name && args.by.as_deref().is_none_or(|b| b.trim().is_empty()) {
            return Err(ValidationError::from(FieldError::new(
                "--by",
                crate::t!("offboard.cli.needs_by", item = entry.key()),
            ))
            .into());
        }
        Some(Tick::new(
            &entry,
            args.on.unwrap_or(today),
            args.by.as_deref(),
            today,
        )?)
    } else {
        None
    };
    let before = store
        .tick_offboarding(client.id, entry.key(), tick.as_ref())
        .context(crate::t!("offboard.cli.not_saved"))?;
    let was_done = list.row(entry.key()).is_some_and(|(_, t)| t.is_some());
    let (done, total) = {
        let p = list.progress();
        let now = usize::from(tick.is_some());
        (p.done + now - usize::from(was_done), p.total)
    };
    let label = entry.label();
    let line = match (&tick, before) {
        (Some(t), None) => crate::t!(
            "offboard.cli.ticked",
            item = label,
            name = name,
            date = iso(t.done_on),
            done = done,
            total = total
        ),
        (Some(t), Some(was)) => crate::t!(
            "offboard.cli.changed",
            item = label,
            name = name,
            date = iso(t.done_on),
            was = iso(was.done_on),
            done = done,
            total = total
        ),
        (None, Some(_)) => crate::t!(
            "offboard.cli.unticked",
            item = label,
            name = name,
            done = done,
            total = total
        ),
        (None, None) => crate::t!("offboard.cli.not_ticked", item = label, name = name),
    };
    println!("{line}");
    Ok(())
}

/// The client named and its checklist; a client with none is refused (exit 2) with how a
/// checklist starts.
fn checklist(store: &Store, name: &str, items: &Items) -> Result<(Client, Checklist)> {
    let client = store.client_by_name(name)?;
    let started = store
        .offboarding(client.id)
        .context(crate::t!("offboard.cli.cannot_read"))?;
    let Some(started) = started else {
        return Err(ValidationError::from(FieldError::new(
            crate::t!("offboard.field.client"),
            crate::t!("offboard.no_checklist", name = client.fields.name),
        ))
        .into());
    };
    let list = Checklist::of(&started, items);
    Ok((client, list))
}

fn as_table(client: &Client, list: &Checklist) -> String {
    let p = list.progress();
    let mut out = crate::t!(
        "offboard.cli.title",
        name = client.fields.name,
        done = p.done,
        total = p.total,
        date = iso(list.started_on)
    );
    out.push('\n');
    match &p.next {
        Some(next) => out.push_str(&crate::t!("offboard.next", item = next)),
        None => out.push_str(crate::t!("offboard.cli.all_done")),
    }
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = list
        .rows
        .iter()
        .map(|(e, t)| {
            vec![
                e.key().to_string(),
                e.label().to_string(),
                t.as_ref().map_or_else(|| "-".into(), |t| iso(t.done_on)),
                t.as_ref().and_then(|t| t.by.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&render(
        &[
            (crate::t!("offboard.cli.col_key"), Align::Left),
            (crate::t!("offboard.cli.col_item"), Align::Left),
            (crate::t!("offboard.cli.col_done"), Align::Left),
            (crate::t!("offboard.cli.col_by"), Align::Left),
        ],
        &rows,
    ));
    out
}

/// The checklist as JSON: keys and labels in English (machine-readable), custom items as
/// typed.
fn as_json(client: &Client, list: &Checklist) -> Value {
    crate::words::with_language(Lang::En, || {
        let p = list.progress();
        json!({
            "client": client.fields.name,
            "client_id": client.id.0,
            "started_on": iso(list.started_on),
            "decision_id": list.decision,
            "done": p.done,
            "total": p.total,
            "next": list.next().map(Entry::key),
            "items": list.rows.iter().map(|(e, t)| json!({
                "key": e.key(),
                "label": e.label(),
                "custom": matches!(e, Entry::Custom { .. }),
                "done_on": t.as_ref().map(|t| iso(t.done_on)),
                "by": t.as_ref().and_then(|t| t.by.clone()),
            })).collect::<Vec<_>>(),
        })
    })
}
