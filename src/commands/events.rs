//! `rapport events list|edit|void|unvoid`: correcting the record from the command line.

use anyhow::Result;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::cli::{EventArgs, EventsCommand};
use crate::domain::identity::sort_key;
use crate::domain::record::{EventDraft, EventRef, EventTable, StoredEvent, summary, void_reason};
use crate::domain::{FieldError, TimelineEvent, ValidationError};

pub fn run(ctx: &Context, cmd: EventsCommand) -> Result<()> {
    match cmd {
        EventsCommand::List {
            client,
            kind,
            search,
            json,
        } => list(
            ctx,
            &client.client,
            kind.as_deref(),
            search.as_deref(),
            json,
        ),
        EventsCommand::Edit { id, fields } => edit(ctx, &id, &fields),
        EventsCommand::Void { id, reason } => {
            let id = EventRef::parse("id", &id)?;
            let reason = void_reason(&reason)?;
            let mut store = ctx.open_existing_store()?;
            let seen = store.event(id)?;
            store.void_event(&seen, &reason)?;
            println!(
                "{}",
                crate::t!(
                    "commands.events.voided",
                    what = seen.record.describe(),
                    id = id
                )
            );
            Ok(())
        }
        EventsCommand::Unvoid { id } => {
            let id = EventRef::parse("id", &id)?;
            let mut store = ctx.open_existing_store()?;
            store.unvoid_event(id)?;
            println!("{}", crate::t!("commands.events.unvoided", id = id));
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct JsonEvent {
    id: String,
    date: chrono::NaiveDate,
    kind: &'static str,
    what: &'static str,
    text: String,
    voided: bool,
    void_reason: Option<String>,
}

fn list(
    ctx: &Context,
    name: &str,
    kind: Option<&str>,
    search: Option<&str>,
    json: bool,
) -> Result<()> {
    let only = kind.map(|k| EventTable::parse("kind", k)).transpose()?;
    let store = ctx.open_read_store()?;
    let client = store.client_by_name(name)?;
    let currency = &ctx.config.display.currency_symbol;
    let needle = search.map(sort_key);
    let events: Vec<(TimelineEvent, &'static str, String)> = store
        .events(client.id, only)?
        .into_iter()
        .map(|e| {
            let (what, text) = summary(&e.what, currency);
            (e, what, text)
        })
        .filter(|(_, _, text)| needle.as_ref().is_none_or(|n| sort_key(text).contains(n)))
        .collect();
    if json {
        let out: Vec<JsonEvent> = events
            .into_iter()
            .map(|(e, what, text)| JsonEvent {
                id: e.id.to_string(),
                date: e.date,
                kind: e.id.table().name(),
                what,
                text,
                voided: e.voided.is_some(),
                void_reason: e.voided,
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    if events.is_empty() {
        println!(
            "{}",
            crate::t!("commands.events.none", name = client.fields.name)
        );
        return Ok(());
    }
    let body: Vec<Vec<String>> = events
        .into_iter()
        .map(|(e, _, _)| {
            // The table in the language in force (the same words as English's domain text).
            let (what, text) = crate::tui::text::event_summary(&e.what, currency);
            vec![
                e.id.to_string(),
                e.date.format(&ctx.config.display.date_format).to_string(),
                what.to_string(),
                match &e.voided {
                    Some(reason) => {
                        crate::t!("commands.events.void_row", reason = reason, text = text)
                    }
                    None => text,
                },
            ]
        })
        .collect();
    print!(
        "{}",
        render(
            &[
                (crate::t!("commands.events.head.id"), Align::Left),
                (crate::t!("commands.events.head.date"), Align::Left),
                (crate::t!("commands.events.head.what"), Align::Left),
                ("", Align::Left),
            ],
            &body
        )
    );
    Ok(())
}

fn edit(ctx: &Context, id: &str, args: &EventArgs) -> Result<()> {
    let id = EventRef::parse("id", id)?;
    let mut store = ctx.open_existing_store()?;
    let seen = store.event(id)?;
    let terms = store
        .client(seen.record.client())?
        .fields
        .payment_terms_days;
    let today = ctx.clock.today();
    let mut draft = seen.record.draft();
    let given = overlay(&mut draft, args, id)?;
    if given == 0 {
        return Err(ValidationError::one(
            "events edit",
            crate::t!(
                "commands.events.nothing_given",
                kind = a_noun(id.table()),
                example = example(id.table())
            ),
        )
        .into());
    }
    let update = draft.validate(terms, today)?;
    if seen.record.draft().validate(terms, today).ok().as_ref() == Some(&update) {
        println!(
            "{}",
            crate::t!("commands.events.unchanged", what = seen.record.describe())
        );
        return Ok(());
    }
    store.update_event(&seen, &update)?;
    println!(
        "{}",
        crate::t!(
            "commands.events.edited",
            what = describe_after(&store, id, &seen)
        )
    );
    Ok(())
}

fn describe_after(store: &crate::store::Store, id: EventRef, seen: &StoredEvent) -> String {
    store
        .event(id)
        .map_or_else(|_| seen.record.describe(), |e| e.record.describe())
}

fn example(t: EventTable) -> &'static str {
    match t {
        EventTable::Ticket => crate::t!("commands.events.example.ticket"),
        EventTable::Invoice => "--amount 1500",
        EventTable::Time => "--duration 1h30",
        EventTable::Recommendation => "--status implemented",
        EventTable::Incident => crate::t!("commands.events.example.incident"),
    }
}

/// A kind of event with its article, in the language in force: "a ticket", "een ticket".
fn a_noun(t: EventTable) -> &'static str {
    match t {
        EventTable::Ticket => crate::t!("commands.events.a_noun.ticket"),
        EventTable::Invoice => crate::t!("commands.events.a_noun.invoice"),
        EventTable::Time => crate::t!("commands.events.a_noun.time"),
        EventTable::Recommendation => crate::t!("commands.events.a_noun.recommendation"),
        EventTable::Incident => crate::t!("commands.events.a_noun.incident"),
    }
}

/// Puts the given flags over the event's draft; a flag of another kind of event is a
/// mistake. Returns how many fields were given.
fn overlay(draft: &mut EventDraft, a: &EventArgs, id: EventRef) -> Result<usize, FieldError> {
    let set = |slot: &mut String, v: &Option<String>| {
        if let Some(v) = v {
            *slot = v.clone();
        }
    };
    let wrong = |flag: &str| {
        FieldError::new(
            "events edit",
            crate::t!(
                "commands.events.flag_not_for",
                flag = flag,
                kind = a_noun(id.table()),
                id = id
            ),
        )
    };
    // Every flag that is given, with the kinds it applies to.
    let flags: [(&str, bool, &[EventTable]); 24] = {
        use EventTable::*;
        [
            ("--opened", a.opened.is_some(), &[Ticket]),
            ("--closed", a.closed.is_some(), &[Ticket]),
            ("--kind", a.kind.is_some(), &[Ticket, Incident]),
            ("--escalated", a.escalated, &[Ticket]),
            ("--not-escalated", a.not_escalated, &[Ticket]),
            ("--reopens", a.reopens.is_some(), &[Ticket]),
            ("--ref", a.reference.is_some(), &[Ticket, Invoice]),
            ("--subject", a.subject.is_some(), &[Ticket]),
            ("--amount", a.amount.is_some(), &[Invoice]),
            ("--issued", a.issued.is_some(), &[Invoice]),
            ("--due", a.due.is_some(), &[Invoice]),
            ("--paid", a.paid.is_some(), &[Invoice]),
            ("--unpaid", a.unpaid, &[Invoice]),
            ("--disputed", a.disputed, &[Invoice]),
            ("--not-disputed", a.not_disputed, &[Invoice]),
            ("--number", a.number.is_some(), &[Invoice]),
            ("--duration", a.duration.is_some(), &[Time]),
            ("--date", a.date.is_some(), &[Time, Incident]),
            ("--note", a.note.is_some(), &[Time, Incident]),
            ("--title", a.title.is_some(), &[Recommendation]),
            ("--made", a.made.is_some(), &[Recommendation]),
            ("--security", a.security, &[Recommendation]),
            ("--not-security", a.not_security, &[Recommendation]),
            ("--status", a.status.is_some(), &[Recommendation]),
        ]
    };
    if let Some((flag, _, _)) = flags
        .iter()
        .find(|(_, on, kinds)| *on && !kinds.contains(&id.table()))
    {
        return Err(wrong(flag));
    }
    if a.decided.is_some() && id.table() != EventTable::Recommendation {
        return Err(wrong("--decided"));
    }
    let given = flags.iter().filter(|(_, on, _)| *on).count() + usize::from(a.decided.is_some());
    let flag = |on: bool, slot: &mut bool, value: bool| {
        if on {
            *slot = value;
        }
    };
    match draft {
        EventDraft::Ticket(d) => {
            flag(a.escalated, &mut d.escalated, true);
            flag(a.not_escalated, &mut d.escalated, false);
            set(&mut d.opened, &a.opened);
            set(&mut d.closed, &a.closed);
            set(&mut d.kind, &a.kind);
            set(&mut d.reopens, &a.reopens);
            set(&mut d.reference, &a.reference);
            set(&mut d.subject, &a.subject);
        }
        EventDraft::Invoice(d) => {
            flag(a.disputed, &mut d.disputed, true);
            flag(a.not_disputed, &mut d.disputed, false);
            if a.unpaid {
                d.paid.clear();
            }
            set(&mut d.amount, &a.amount);
            set(&mut d.issued, &a.issued);
            set(&mut d.due, &a.due);
            set(&mut d.paid, &a.paid);
            set(&mut d.number, &a.number);
            set(&mut d.reference, &a.reference);
        }
        EventDraft::Time(d) => {
            set(&mut d.duration, &a.duration);
            set(&mut d.date, &a.date);
            set(&mut d.note, &a.note);
        }
        EventDraft::Recommendation(d) => {
            flag(a.security, &mut d.security, true);
            flag(a.not_security, &mut d.security, false);
            set(&mut d.title, &a.title);
            set(&mut d.made, &a.made);
            set(&mut d.status, &a.status);
            set(&mut d.decided, &a.decided);
            // Reopened as open: no decision date any more.
            if a.status.as_deref().is_some_and(|s| s.trim() == "open") && a.decided.is_none() {
                d.decided.clear();
            }
        }
        EventDraft::Incident(d) => {
            set(&mut d.kind, &a.kind);
            set(&mut d.date, &a.date);
            set(&mut d.note, &a.note);
        }
    }
    Ok(given)
}
