//! `rapport log ...`: the quick log's entries from the command line.

use anyhow::Result;

use super::Context;
use crate::cli::LogCommand;
use crate::domain::ValidationError;
use crate::domain::date::{iso, parse_past_date};
use crate::domain::evidence::{
    IncidentDraft, InvoiceDraft, RecommendationDraft, TicketDraft, TimeDraft,
};
use crate::domain::record::EventRef;
use crate::domain::{Client, LogEntry};
use crate::store::Store;

pub fn run(ctx: &Context, cmd: LogCommand) -> Result<()> {
    let now = ctx.clock.today();
    let today = iso(now);
    let or_today = |d: Option<String>| d.unwrap_or_else(|| today.clone());
    let mut store = ctx.open_existing_store()?;
    let (client, entry, what) = match cmd {
        LogCommand::Ticket {
            client,
            opened,
            closed,
            kind,
            escalated,
            reopens,
            reference,
            subject,
        } => {
            let c = store.client_by_name(&client.client)?;
            let t = TicketDraft {
                opened: or_today(opened),
                closed: closed.unwrap_or_default(),
                kind: kind.unwrap_or_default(),
                escalated,
                reopens: reopens.unwrap_or_default(),
                reference: reference.unwrap_or_default(),
                subject: subject.unwrap_or_default(),
            }
            .validate(now)?;
            let what = crate::t!(
                "commands.log.ticket",
                kind = t.kind,
                date = iso(t.opened_on)
            );
            (c, LogEntry::Ticket(t), what)
        }
        LogCommand::Reopen { client, ticket } => {
            let c = store.client_by_name(&client.client)?;
            let id = pick_ticket(&store, &c, ticket, false)?;
            (
                c,
                LogEntry::Reopen { ticket_id: id },
                crate::t!("commands.log.reopen", id = EventRef::Ticket(id)),
            )
        }
        LogCommand::Escalation { client, ticket } => {
            let c = store.client_by_name(&client.client)?;
            let id = pick_ticket(&store, &c, ticket, true)?;
            (
                c,
                LogEntry::Escalate { ticket_id: id },
                crate::t!("commands.log.escalation", id = EventRef::Ticket(id)),
            )
        }
        LogCommand::Invoice {
            client,
            amount,
            issued,
            due,
            paid,
            disputed,
            number,
            reference,
        } => {
            let c = store.client_by_name(&client.client)?;
            let inv = InvoiceDraft {
                number: number.unwrap_or_default(),
                amount,
                issued: or_today(issued),
                due: due.unwrap_or_default(),
                paid: paid.unwrap_or_default(),
                disputed,
                reference: reference.unwrap_or_default(),
            }
            .validate(c.fields.payment_terms_days, now)?;
            let what = crate::t!(
                "commands.log.invoice",
                amount = inv.amount.display(&ctx.config.display.currency_symbol),
                issued = iso(inv.issued_on),
                due = iso(inv.due_on)
            );
            (c, LogEntry::Invoice(inv), what)
        }
        LogCommand::Payment {
            client,
            invoice,
            date,
        } => {
            let c = store.client_by_name(&client.client)?;
            let paid_on = parse_past_date("date", &or_today(date), now)?;
            let inv = store.invoice_by_number(c.id, &invoice)?;
            let what = crate::t!(
                "commands.log.payment",
                number = inv.number,
                date = iso(paid_on)
            );
            (
                c,
                LogEntry::Payment {
                    invoice_id: inv.id,
                    paid_on,
                },
                what,
            )
        }
        LogCommand::Time {
            client,
            duration,
            date,
            note,
        } => {
            let c = store.client_by_name(&client.client)?;
            let t = TimeDraft {
                date: or_today(date),
                duration,
                note: note.unwrap_or_default(),
            }
            .validate(now)?;
            let what = crate::t!(
                "commands.log.time",
                minutes = t.minutes,
                date = iso(t.worked_on)
            );
            (c, LogEntry::Time(t), what)
        }
        LogCommand::Recommendation {
            client,
            title,
            made,
            security,
            status,
            decided,
        } => {
            let c = store.client_by_name(&client.client)?;
            let r = RecommendationDraft {
                made: or_today(made),
                title,
                security,
                status: status.unwrap_or_default(),
                decided: decided.unwrap_or_default(),
                reference: String::new(),
            }
            .validate(now)?;
            let what = crate::t!(
                "commands.log.recommendation",
                title = r.title,
                status = r.status
            );
            (c, LogEntry::Recommendation(r), what)
        }
        LogCommand::Incident {
            client,
            kind,
            date,
            note,
        } => {
            let c = store.client_by_name(&client.client)?;
            let i = IncidentDraft {
                date: or_today(date),
                kind,
                note: note.unwrap_or_default(),
            }
            .validate(now)?;
            let what = crate::t!(
                "commands.log.incident",
                kind = i.kind,
                date = iso(i.occurred_on)
            );
            (c, LogEntry::Incident(i), what)
        }
    };
    store.log(client.id, &entry)?;
    println!(
        "{}",
        crate::t!(
            "commands.log.logged",
            what = what,
            name = client.fields.name
        )
    );
    Ok(())
}

/// The ticket a reopen or escalation is about: the one given, else the latest that fits.
fn pick_ticket(
    store: &Store,
    client: &Client,
    given: Option<i64>,
    for_escalation: bool,
) -> Result<i64> {
    if let Some(id) = given {
        return Ok(id);
    }
    let tickets = store.tickets(client.id, 200)?;
    match tickets.iter().find(|t| !for_escalation || !t.escalated) {
        Some(t) => Ok(t.id),
        None => Err(ValidationError::one(
            if for_escalation {
                crate::t!("commands.log.ticket_to_escalate")
            } else {
                crate::t!("commands.log.ticket_to_reopen")
            },
            if for_escalation && !tickets.is_empty() {
                crate::t!("commands.log.all_escalated", name = client.fields.name)
            } else {
                crate::t!("commands.log.no_ticket", name = client.fields.name)
            },
        )
        .into()),
    }
}
