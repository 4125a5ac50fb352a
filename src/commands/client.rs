//! `rapport client add|edit|list`.

use anyhow::Result;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::cli::{ClientArgs, ClientCommand};
use crate::domain::ClientRow;
use crate::domain::{Client, ClientDraft, ValidationError};

pub fn run(ctx: &Context, cmd: ClientCommand) -> Result<()> {
    match cmd {
        ClientCommand::Add(args) => add(ctx, args),
        ClientCommand::Edit { client, fields } => edit(ctx, &client, fields),
        ClientCommand::List { json } => list(ctx, json),
    }
}

fn add(ctx: &Context, args: ClientArgs) -> Result<()> {
    let mut draft = ClientDraft::new_client();
    overlay(&mut draft, args);
    let fields = draft.validate()?;
    let mut store = ctx.open_store()?;
    store.add_client(&fields)?;
    println!("{}", crate::t!("commands.client.added", name = fields.name));
    Ok(())
}

fn edit(ctx: &Context, name: &str, args: ClientArgs) -> Result<()> {
    if args.is_empty() {
        return Err(ValidationError::one(
            "client edit",
            crate::t!("commands.client.nothing_given"),
        )
        .into());
    }
    let mut store = ctx.open_existing_store()?;
    let (before, after, changed) = store.edit_client(name, |current| {
        let mut draft = ClientDraft::from(current);
        overlay(&mut draft, args.clone());
        draft.validate()
    })?;
    if changed.is_empty() {
        println!(
            "{}",
            crate::t!("commands.client.unchanged", name = before.fields.name)
        );
        return Ok(());
    }
    let what: Vec<&str> = changed.iter().map(|f| f.label()).collect();
    println!(
        "{}",
        crate::t!(
            "commands.client.updated",
            name = after.name,
            fields = what.join(", ")
        )
    );
    Ok(())
}

/// Puts the flags that were given over the draft.
fn overlay(d: &mut ClientDraft, a: ClientArgs) {
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut d.name, a.name);
    set(&mut d.contact_name, a.contact);
    set(&mut d.email, a.email);
    set(&mut d.phone, a.phone);
    set(&mut d.mrr, a.mrr);
    set(&mut d.seats, a.seats);
    set(&mut d.contract_start, a.contract_start);
    set(&mut d.contract_end, a.contract_end);
    set(&mut d.notice_days, a.notice_days);
    set(&mut d.payment_terms_days, a.terms_days);
    set(&mut d.segment, a.segment);
    set(&mut d.status, a.status);
    set(&mut d.notes, a.notes);
    if a.prepaid {
        d.prepaid = true;
    }
    if a.not_prepaid {
        d.prepaid = false;
    }
}

#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    client: &'a Client,
    tickets_90d: u32,
    last_activity: Option<chrono::NaiveDate>,
}

fn list(ctx: &Context, json: bool) -> Result<()> {
    let store = ctx.open_read_store()?;
    let rows = store.client_rows(ctx.clock.today())?;
    if json {
        let out: Vec<JsonRow> = rows
            .iter()
            .map(|r| JsonRow {
                client: &r.client,
                tickets_90d: r.tickets_90d,
                last_activity: r.last_activity,
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    if rows.is_empty() {
        println!("{}", crate::t!("commands.client.none"));
        return Ok(());
    }
    print!("{}", table(ctx, &rows));
    Ok(())
}

fn table(ctx: &Context, rows: &[ClientRow]) -> String {
    let sym = &ctx.config.display.currency_symbol;
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format(&ctx.config.display.date_format).to_string())
            .unwrap_or_else(|| "-".into())
    };
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let f = &r.client.fields;
            vec![
                f.name.clone(),
                crate::tui::text::status(f.status).to_string(),
                f.mrr.display_whole(sym),
                f.seats.to_string(),
                date(f.contract_end),
                r.tickets_90d.to_string(),
                date(r.last_activity),
            ]
        })
        .collect();
    render(
        &[
            (crate::t!("commands.client.head.name"), Align::Left),
            (crate::t!("commands.client.head.status"), Align::Left),
            (crate::t!("commands.client.head.mrr"), Align::Right),
            (crate::t!("commands.client.head.seats"), Align::Right),
            (crate::t!("commands.client.head.contract_end"), Align::Left),
            (crate::t!("commands.client.head.tickets"), Align::Right),
            (crate::t!("commands.client.head.last_activity"), Align::Left),
        ],
        &body,
    )
}
