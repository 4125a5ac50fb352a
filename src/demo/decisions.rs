//! The demo's decision history (guide H1, C1, D1): what the owner decided before today, so
//! that this year's review starts from it. A client repriced last year who is fine now, a
//! "keep and watch" whose review date has come, the abusive client let go last year; and
//! Brandt Vastgoed, the abusive client of today, not decided yet.
//!
//! Each decision is walked as the app walks it, on the day it was made, with the evidence as
//! it stood then: the reasons and the snapshot are the domain's, only the answers are scripted.

use chrono::{Days, NaiveDate};

use super::calendar::{days_after, days_before, month_start, months_before};
use super::characters::{FORMER_ABUSIVE, SECURITY_IGNORER};
use super::{LABOUR_COST, ideal_client};
use crate::domain::decide::Outcome;
use crate::domain::decide::case::{DecisionRules, Portfolio};
use crate::domain::decide::decision::Decision;
use crate::domain::decide::walk::{Q, Walk};
use crate::domain::pareto::ParetoRules;
use crate::domain::score::Dealbreaker;
use crate::domain::score::Rules;
use crate::domain::{Cents, ClientStatus, ValidationError};
use crate::store::{Result, Store};

/// Repriced last year and fine since (H1): paid less until this many months before today's
/// month.
pub const REPRICED: &str = "Installatiebedrijf De Graaf";
pub(super) const REPRICED_MONTHS_AGO: u32 = 11;
/// What it paid before, and what it was asked (its MRR today).
const REPRICED_FROM: Cents = Cents(85_000);
const REPRICED_TO: Cents = Cents(130_000);

/// Kept and watched despite its dealbreakers, for one quarter: the review is due now.
pub const WATCHED: &str = SECURITY_IGNORER;

/// One decision of the history, as the owner made it.
struct Script {
    client: &'static str,
    on: NaiveDate,
    /// The MRR the client paid on that day, when it differs from today's.
    mrr_then: Option<Cents>,
    /// A reprice: the MRR asked (the walk's proposal, rounded by the owner).
    asked: Option<Cents>,
    answers: &'static [(Q, bool)],
    /// Another outcome than the walk proposes, and why.
    chosen: Option<(Outcome, &'static str)>,
    review_on: Option<NaiveDate>,
    notes: &'static str,
}

fn scripts(today: NaiveDate, jansen_end: Option<NaiveDate>) -> Vec<Script> {
    let mut out = vec![
        Script {
            client: REPRICED,
            // A few weeks before the new price began.
            on: days_before(months_before(month_start(today), REPRICED_MONTHS_AGO), 24),
            mrr_then: Some(REPRICED_FROM),
            asked: Some(REPRICED_TO),
            answers: &[
                (Q::TooCostly, true),
                (Q::CanAbsorb, true),
                (Q::WouldAccept, true),
            ],
            chosen: None,
            review_on: None,
            notes: "Bart agreed at the yearly review: the workshop's growth made the old price too low.",
        },
        Script {
            client: WATCHED,
            on: days_before(today, 95),
            mrr_then: None,
            asked: None,
            answers: &[(Q::CanAbsorb, false), (Q::SecurityUndone, true)],
            chosen: Some((
                Outcome::Watch,
                "Thirty seats and a long history. Their new office manager promised MFA and the backup plan this quarter: one quarter to show it.",
            )),
            review_on: today.checked_sub_days(Days::new(4)),
            notes: "If MFA and backups are not in place by the review, give notice.",
        },
    ];
    if let Some(end) = jansen_end {
        out.push(Script {
            client: FORMER_ABUSIVE,
            on: days_before(end, 40),
            mrr_then: None,
            asked: None,
            answers: &[(Q::Dealbreaker(Dealbreaker::D1), true), (Q::CanAbsorb, true)],
            chosen: None,
            review_on: None,
            notes: "Told him in person, then in writing; offboarding done by the end of the contract.",
        });
    }
    out
}

/// The rules the demo company decides by: its own labour cost and ideal client.
fn rules() -> (Rules, ParetoRules, DecisionRules) {
    let scoring = Rules {
        hourly_cost_cents: LABOUR_COST.0,
        ..Rules::default()
    };
    let decisions = DecisionRules {
        hourly_cost: LABOUR_COST,
        tooling_per_seat: Cents::ZERO,
        target_margin_pct: 50.0,
        review_days: 90,
        ideal: ideal_client(),
        currency: "€".into(),
    };
    (scoring, ParetoRules::default(), decisions)
}

/// Walks each decision of the history on its day, from the evidence in `store` (the demo,
/// just written), and keeps them all in one write. Returns how many were kept.
pub fn write(store: &mut Store, today: NaiveDate) -> Result<usize> {
    let mut facts = store.portfolio_facts()?;
    // Autobedrijf Jansen is decided about while it was still a client: scored and measured.
    let jansen = store.client_by_name(FORMER_ABUSIVE)?;
    for f in facts.clients.iter_mut().filter(|f| f.id == jansen.id) {
        f.status = ClientStatus::Active;
    }
    let (scoring, pareto, rules) = rules();
    let portfolio = Portfolio {
        facts: &facts,
        scoring: &scoring,
        pareto: &pareto,
        decisions: &rules,
    };
    let mut decisions = Vec::new();
    for s in scripts(today, jansen.fields.contract_end) {
        let mut client = store.client_by_name(s.client)?;
        // The client as it stood that day: a former client was still a client then.
        if let Some(mrr) = s.mrr_then {
            client.fields.mrr = mrr;
        }
        if client.fields.status == ClientStatus::Former {
            client.fields.status = ClientStatus::Active;
        }
        let records = store.records(client.id)?;
        let mut walk = Walk::new(portfolio.case(&client, &records, s.on), None);
        for (q, a) in s.answers {
            walk.set(*q, Some(*a));
        }
        if let Some((outcome, why)) = s.chosen {
            walk.choose(Some(outcome));
            walk.answers.override_reason = why.to_string();
        }
        walk.answers.review_on = s.review_on;
        walk.answers.proposed_mrr = s.asked;
        walk.answers.notes = s.notes.to_string();
        let settled = walk.finish().map_err(|e: ValidationError| {
            crate::store::StoreError::from(ValidationError::one(
                "demo",
                format!("the demo's decision about {} does not hold: {e}", s.client),
            ))
        })?;
        decisions.push(Decision::from_walk(
            &walk.case,
            &walk.answers,
            settled,
            s.on,
        ));
    }
    store.save_decisions(&decisions)?;
    if let Some(end) = jansen.fields.contract_end {
        offboarded(store, jansen.id, end)?;
    }
    Ok(decisions.len())
}

/// Autobedrijf Jansen's offboarding, as far as it got: everything handed over and removed
/// by the end of the contract; the data's deletion not confirmed yet, nor signed off.
fn offboarded(store: &mut Store, client: crate::domain::ClientId, end: NaiveDate) -> Result<()> {
    use crate::domain::offboard::{Item, Tick};
    let notice = days_before(end, 40);
    let done: [(Item, NaiveDate, Option<&str>); 11] = [
        (
            Item::NoticeSent,
            notice,
            Some("in person, then by registered letter"),
        ),
        (Item::Agreement, days_before(notice, 2), None),
        (Item::FinalInvoice, end, None),
        (
            Item::PrepaidRefund,
            end,
            Some("settled with the final invoice"),
        ),
        (
            Item::Credentials,
            days_before(end, 6),
            Some("to their new MSP, with the MFA and break-glass accounts"),
        ),
        (Item::Dns, days_before(end, 5), None),
        (
            Item::Licences,
            days_before(end, 5),
            Some("M365 tenant moved with its annual commitment"),
        ),
        (Item::Backups, days_before(end, 3), None),
        (Item::Documentation, days_before(end, 3), None),
        (Item::Agents, end, None),
        (
            Item::Referral,
            days_after(notice, 1),
            Some("three MSPs in the region"),
        ),
    ];
    for (item, on, note) in done {
        let tick = Tick {
            done_on: on,
            by: note.map(str::to_string),
        };
        store.tick_offboarding(client, item.key(), Some(&tick))?;
    }
    Ok(())
}
