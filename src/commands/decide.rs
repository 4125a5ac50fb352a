//! `rapport advise|decide|decisions|upcoming`: the fire/keep walk headless, the decision
//! log, and what is coming up.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};

use super::Context;
use super::table::{Align, render};
use crate::config::Config;
use crate::domain::date::iso;
use crate::domain::decide::case::{CaseFile, Portfolio, decidable};
use crate::domain::decide::decision::Decision;
use crate::domain::decide::upcoming::{Latest, upcoming};
use crate::domain::decide::walk::Walk;
use crate::domain::decide::{Outcome, Proposal};
use crate::domain::{Cents, ValidationError};
use crate::store::Store;
use crate::t;
use crate::words::say;

/// The case of a client on `as_of`, from the store, with the config in force on it.
fn case_of(store: &Store, config: &Config, name: &str, as_of: NaiveDate) -> Result<CaseFile> {
    let client = store.client_by_name(name)?;
    decidable(&client)?;
    let facts = store.portfolio_facts()?;
    let records = store.records(client.id)?;
    let (scoring, pareto, decisions) = (
        config.rules(),
        config.pareto.clone(),
        config.decision_rules(),
    );
    let portfolio = Portfolio {
        facts: &facts,
        scoring: &scoring,
        pareto: &pareto,
        decisions: &decisions,
    };
    Ok(portfolio.case(&client, &records, as_of))
}

pub fn advise(ctx: &Context, name: &str, as_of: Option<NaiveDate>, json: bool) -> Result<()> {
    let as_of = as_of.unwrap_or_else(|| ctx.clock.today());
    let store = ctx.open_read_store()?;
    let (config, note) = ctx.config_on(&store)?;
    let case = case_of(&store, &config, name, as_of)?;
    let walk = Walk::new(case, None);
    let proposal = walk.proposal();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&advice_json(&walk.case, &proposal))?
        );
        return Ok(());
    }
    print!(
        "{}",
        advice_text(&walk.case, &proposal, &config.display.currency_symbol)
    );
    if let Some(note) = note {
        println!("\n{note}");
    }
    Ok(())
}

fn advice_json(c: &CaseFile, p: &Proposal) -> Value {
    let reasons: Vec<Value> = p
        .reasons
        .iter()
        .map(|r| reason_json(r, &c.rules.currency))
        .collect();
    let dealbreakers: Vec<Value> = c
        .flags
        .iter()
        .map(|f| {
            let evidence: Vec<String> = f.evidence.iter().map(say::flag_evidence).collect();
            json!({"code": f.code.code(), "title": say::dealbreaker(f.code), "evidence": evidence})
        })
        .collect();
    let r = &c.reprice;
    json!({
        "client": c.client.fields.name,
        "as_of": iso(c.as_of),
        "proposed_outcome": p.outcome.key(),
        "reasons": reasons,
        "dealbreakers": dealbreakers,
        "reprice": {
            "current_mrr_cents": r.current_mrr.0,
            "monthly_cost_cents": r.monthly_cost.0,
            "target_margin_pct": r.target_margin_pct,
            "proposed_mrr_cents": r.proposed_mrr.0,
            "increase_pct": r.increase_pct.map(|v| (v * 10.0).round() / 10.0),
        },
        "exit": {
            "earliest_end": c.exit.earliest_end.map(iso),
            "notice_by": c.exit.notice_by.map(iso),
            "prepaid_refund_cents": c.exit.prepaid_refund.0,
        },
    })
}

/// A reason as JSON: its code, its sentence and its evidence in the language in force.
fn reason_json(r: &crate::domain::decide::Reason, currency: &str) -> Value {
    json!({
        "code": r.code.as_str(),
        "text": say::reason(r, currency),
        "evidence": say::reason_evidence(r, currency),
    })
}

fn advice_text(c: &CaseFile, p: &Proposal, currency: &str) -> String {
    let money = |v: Cents| v.display(currency);
    let mut out = t!(
        "decide.advise.head",
        name = c.client.fields.name,
        as_of = iso(c.as_of),
        outcome = say::outcome(p.outcome).to_uppercase()
    );
    out.push('\n');
    for r in &p.reasons {
        out.push_str(&format!(
            "  {} {}\n",
            r.code,
            say::reason(r, &c.rules.currency)
        ));
        for e in say::reason_evidence(r, &c.rules.currency) {
            out.push_str(&format!("       {e}\n"));
        }
    }
    if c.prospect {
        out.push('\n');
        out.push_str(&t!("decide.advise.prospect", name = c.client.fields.name));
        out.push('\n');
        return out;
    }
    let r = &c.reprice;
    out.push('\n');
    let more = match r.increase_pct {
        Some(pct) if r.proposed_mrr > r.current_mrr => t!(
            "decide.advise.reprice_more",
            pct = format!("{pct:.0}"),
            more = money(Cents(r.proposed_mrr.0 - r.current_mrr.0))
        ),
        _ => t!("decide.advise.reprice_enough", mrr = money(r.current_mrr)),
    };
    out.push_str(&t!(
        "decide.advise.reprice",
        hours = format!("{:.1}", r.monthly_hours),
        cost = money(r.monthly_cost),
        margin = format!("{:.0}", r.target_margin_pct),
        mrr = money(r.proposed_mrr),
        more = more
    ));
    out.push('\n');
    let e = &c.exit;
    out.push_str(&t!(
        "decide.advise.exit",
        end = e
            .earliest_end
            .map_or_else(|| t!("decide.advise.end_unknown").to_string(), iso),
        notice_by = e.notice_by.map_or_else(|| "-".into(), iso),
        refund = money(e.prepaid_refund)
    ));
    out.push_str("\n\n");
    out.push_str(&t!("decide.advise.client", name = c.client.fields.name));
    out.push('\n');
    out
}

/// Records a decision headless: the evidence's proposal, and the outcome chosen.
pub fn decide(
    ctx: &Context,
    name: &str,
    outcome: &str,
    reason: Option<String>,
    review_on: Option<NaiveDate>,
    proposed_mrr: Option<String>,
) -> Result<()> {
    // The words in force (the domain says it in English; the catalog's English is the same).
    let chosen = Outcome::parse("outcome", outcome).map_err(|_| {
        ValidationError::one(
            "outcome",
            t!("decide.cli.not_an_outcome", value = outcome.trim()),
        )
    })?;
    let proposed_mrr = proposed_mrr
        .map(|a| Cents::parse("proposed MRR", &a))
        .transpose()?;
    let today = ctx.clock.today();
    let mut store = ctx.open_existing_store()?;
    let (config, _) = ctx.config_on(&store)?;
    let case = case_of(&store, &config, name, today)?;
    let allowed = if case.prospect {
        &Outcome::PROSPECT[..]
    } else {
        &Outcome::CLIENT[..]
    };
    if !allowed.contains(&chosen) {
        let keys: Vec<&str> = allowed.iter().map(|o| o.key()).collect();
        return Err(ValidationError::one(
            "outcome",
            if case.prospect {
                t!(
                    "decide.cli.not_for_prospect",
                    outcome = chosen.key(),
                    name = case.client.fields.name,
                    choices = keys.join(", ")
                )
            } else {
                t!(
                    "decide.cli.not_for_client",
                    outcome = chosen.key(),
                    name = case.client.fields.name,
                    choices = keys.join(", ")
                )
            },
        )
        .into());
    }
    let mut walk = Walk::new(case, None);
    walk.choose(Some(chosen));
    // The reason says why the proposal was overruled; where it was not, it is a note.
    let reason = reason.unwrap_or_default();
    if walk.proposal().outcome == chosen {
        walk.answers.notes = reason;
    } else {
        walk.answers.override_reason = reason;
    }
    walk.answers.review_on = review_on;
    walk.answers.proposed_mrr = proposed_mrr;
    let settled = walk.finish().map_err(|e| in_dutch(&walk, e))?;
    let decision = Decision::from_walk(&walk.case, &walk.answers, settled, today);
    store.save_decision(&decision)?;
    println!(
        "{}",
        say::recorded(&decision, &config.display.currency_symbol)
    );
    Ok(())
}

/// The walk's own checks, in Dutch said here as the app says them (the domain says them in
/// English).
fn in_dutch(walk: &Walk, e: ValidationError) -> ValidationError {
    if crate::words::language() != crate::words::Lang::Nl {
        return e;
    }
    if e.for_field("reason").is_some() {
        return ValidationError::one(
            "reason",
            t!(
                "walk.error.reason",
                chosen = say::outcome(walk.chosen()),
                proposed = say::outcome(walk.proposal().outcome)
            ),
        );
    }
    if e.for_field("review on").is_some()
        && let Some(on) = walk.answers.review_on.or_else(|| walk.default_review())
    {
        return ValidationError::one(
            "review on",
            t!(
                "walk.error.review_on",
                on = iso(on),
                as_of = iso(walk.case.as_of)
            ),
        );
    }
    e
}

pub fn decisions(ctx: &Context, client: Option<&str>, json: bool) -> Result<()> {
    let store = ctx.open_read_store()?;
    let id = client
        .map(|n| store.client_by_name(n))
        .transpose()?
        .map(|c| c.id);
    let list = store.decisions(id)?;
    let currency = &ctx.config.display.currency_symbol;
    if json {
        let out: Vec<Value> = list.iter().map(|d| decision_json(d, currency)).collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    if list.is_empty() {
        println!("{}", t!("decide.list.empty"));
        return Ok(());
    }
    let body: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            let mut what = say::outcome(d.chosen).to_string();
            if let Some(on) = d.review_on {
                what.push_str(&t!("decide.list.until", on = iso(on)));
            }
            if let Some(m) = d.proposed_mrr {
                what.push_str(&t!("decide.list.to", mrr = m.display_whole(currency)));
            }
            vec![
                iso(d.decided_on),
                d.name.clone(),
                what,
                say::decision_why(d, currency),
            ]
        })
        .collect();
    print!(
        "{}",
        render(
            &[
                (t!("decide.list.date"), Align::Left),
                (t!("decide.list.client"), Align::Left),
                (t!("decide.list.outcome"), Align::Left),
                (t!("decide.list.why"), Align::Left),
            ],
            &body
        )
    );
    Ok(())
}

fn decision_json(d: &Decision, currency: &str) -> Value {
    let conditions: Vec<String> = d.conditions.iter().map(say::condition).collect();
    json!({
        "id": d.id,
        "client": d.name,
        "decided_on": iso(d.decided_on),
        "proposed_outcome": d.proposed.key(),
        "chosen_outcome": d.chosen.key(),
        "override_reason": d.override_reason,
        "reasons": d.reasons.iter().map(|r| reason_json(r, currency)).collect::<Vec<_>>(),
        "review_on": d.review_on.map(iso),
        "proposed_mrr_cents": d.proposed_mrr.map(|c| c.0),
        "exit": d.exit.map(|e| json!({
            "end_on": e.end_on.map(iso),
            "notice_by": e.notice_by.map(iso),
            "prepaid_refund_cents": e.prepaid_refund.0,
        })),
        "conditions": conditions,
        "snapshot": d.snapshot,
        "notes": d.notes,
    })
}

/// Each client's latest decision, as what is coming up needs it.
pub fn latest(store: &Store) -> Result<Vec<Latest>> {
    Ok(store.latest_decisions()?.iter().map(Latest::of).collect())
}

pub fn coming_up(ctx: &Context, days: u32, json: bool) -> Result<()> {
    let today = ctx.clock.today();
    let store = ctx.open_read_store()?;
    let items = upcoming(&store.clients()?, &latest(&store)?, today, days);
    if json {
        // Clients by name, as in every other JSON document; the id beside it.
        let out: Vec<Value> = items
            .iter()
            .map(|u| {
                json!({
                    "on": u.on.map(iso),
                    "due": u.due,
                    "client": u.name,
                    "client_id": u.client.0,
                    "detail": say::upcoming_detail(&u.detail),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    if items.is_empty() {
        println!("{}", t!("decide.upcoming.nothing", days = days));
        return Ok(());
    }
    let body: Vec<Vec<String>> = items
        .iter()
        .map(|u| {
            vec![
                u.on.map_or_else(|| "-".into(), iso),
                u.name.clone(),
                say::due(u.due).to_string(),
                say::upcoming_detail(&u.detail),
            ]
        })
        .collect();
    print!(
        "{}",
        render(
            &[
                (t!("decide.list.date"), Align::Left),
                (t!("decide.list.client"), Align::Left),
                (t!("decide.upcoming.what"), Align::Left),
                ("", Align::Left),
            ],
            &body
        )
    );
    Ok(())
}
