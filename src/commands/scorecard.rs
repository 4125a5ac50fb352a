//! `rapport scorecard`: every client graded, as an aligned table or as JSON.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};

use super::Context;
use super::table::{Align, render};
use crate::domain::score::card::{change_text, number, points, reason_text, sparkline};
use crate::domain::score::{MetricKey, Metrics, NoScore, Rules, Scorecard, evaluate_all, rank};

pub fn run(
    ctx: &Context,
    as_of: Option<NaiveDate>,
    window: Option<u32>,
    all: bool,
    json: bool,
) -> Result<()> {
    let as_of = as_of.unwrap_or_else(|| ctx.clock.today());
    let store = ctx.open_read_store()?;
    let (config, note) = ctx.config_on(&store)?;
    let mut rules = config.rules();
    if let Some(w) = window {
        rules.window_days = w;
    }
    let facts = store.portfolio_facts()?;
    // Former clients are listed on request, never scored (the domain's rule, as on screen).
    let mut cards: Vec<Scorecard> = evaluate_all(&facts, as_of, &rules)
        .into_iter()
        .filter(|c| {
            all || facts
                .client(c.client)
                .is_some_and(|f| f.status.is_current())
        })
        .collect();
    rank(&mut cards);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&to_json(&cards, as_of, &rules))?
        );
    } else if cards.is_empty() && !facts.clients.is_empty() {
        println!("every client is former: --all scores them too");
    } else if cards.is_empty() {
        println!("no clients to score yet: add one with 'rapport client add --name NAME'");
    } else {
        print!("{}", table(&cards));
        // Margins judged against a labour cost the config did not set: say whose it is.
        if let Some(note) = note {
            println!("\n{note}");
        }
    }
    Ok(())
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// One decimal, rounded down.
fn floor1(v: f64) -> f64 {
    (v * 10.0 + 1e-9).floor() / 10.0
}

fn opt(v: Option<f64>) -> Value {
    v.map_or(Value::Null, |x| json!(round(x, 4)))
}

/// The JSON document: `{"as_of", "window_days", "clients": [...]}`.
pub fn to_json(cards: &[Scorecard], as_of: NaiveDate, rules: &Rules) -> Value {
    let clients: Vec<Value> = cards.iter().map(|c| card_json(c, rules)).collect();
    json!({
        "as_of": as_of,
        "window_days": rules.window_days,
        "clients": clients,
    })
}

fn card_json(c: &Scorecard, rules: &Rules) -> Value {
    let mut metrics = serde_json::Map::new();
    for p in &c.scored.parts {
        // Counts read as whole numbers; rates and averages keep their decimals.
        let value = match p.key {
            MetricKey::TicketsOpened
            | MetricKey::AdminRequests
            | MetricKey::Escalations
            | MetricKey::DisputedInvoices
            | MetricKey::StaffVotes => p.value.map_or(Value::Null, |v| json!(v.round() as i64)),
            _ => opt(p.value),
        };
        metrics.insert(
            p.key.key().to_string(),
            json!({
                "value": value,
                "normalized": opt(p.normalized),
                "subscore": opt(p.subscore),
                "weight": if p.subscore.is_some() { json!(p.weight) } else { Value::Null },
            }),
        );
    }
    for (key, value) in unscored(&c.metrics) {
        metrics.insert(
            key.to_string(),
            json!({"value": value, "normalized": null, "subscore": null, "weight": null}),
        );
    }
    let flags: Vec<&str> = c.flags.iter().map(|f| f.code.code()).collect();
    let evidence: serde_json::Map<String, Value> = c
        .flags
        .iter()
        .map(|f| (f.code.code().to_string(), json!(f.evidence)))
        .collect();
    let reasons: Vec<String> = c
        .reasons
        .iter()
        .map(|(k, lost)| reason_text(c, *k, *lost, rules))
        .collect();
    let change = c.change.as_ref().map_or(Value::Null, |ch| {
        let parts: serde_json::Map<String, Value> = ch
            .parts
            .iter()
            .map(|(k, p)| (k.key().to_string(), json!(round(*p, 4))))
            .collect();
        json!({"since": ch.since, "delta": round(ch.delta, 4), "parts": parts})
    });
    json!({
        "client": c.name,
        // Floored, like the table: a 69.96 is a C and must not read 70.0.
        "score": c.score().map(floor1),
        "no_score": c.no_score.map(NoScore::key),
        "grade": c.grade.map(|g| g.as_str()),
        "band": c.band.map(|b| b.as_str()),
        "flags": flags,
        "flag_evidence": evidence,
        "alert": c.alert.is_some(),
        "trend": c.trend.iter().map(|t| t.map(floor1)).collect::<Vec<_>>(),
        "reasons": reasons,
        "change": change,
        "revenue_from_mrr": c.metrics.revenue_from_mrr,
        "metrics": metrics,
    })
}

/// The metrics that are shown but not scored themselves.
fn unscored(m: &Metrics) -> Vec<(&'static str, Value)> {
    vec![
        ("tickets_reopened", json!(m.tickets_reopened)),
        ("late_payments", json!(m.late_payments)),
        ("revenue_cents", json!(m.revenue_cents)),
        ("hours", json!(round(m.hours, 2))),
        ("effective_rate_cents", json!(m.effective_rate_cents)),
        (
            "implemented_recommendations",
            json!(m.implemented_recommendations),
        ),
        ("ignored_recommendations", json!(m.ignored_recommendations)),
        ("incidents", json!(m.incidents)),
    ]
}

/// Why a row has no score, in the table's last column.
fn no_score_text(c: &Scorecard) -> String {
    match c.no_score {
        Some(NoScore::Former) => "no score: former client".into(),
        Some(NoScore::NoEvidence) => {
            format!("no score: nothing logged in {} days", c.window_days)
        }
        None => String::new(),
    }
}

fn table(cards: &[Scorecard]) -> String {
    let rows: Vec<Vec<String>> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let flags: Vec<&str> = c.flags.iter().map(|f| f.code.code()).collect();
            let change = c
                .change
                .as_ref()
                .map_or_else(|| "-".to_string(), |ch| change_text(ch.delta));
            let reason = c.reasons.first().map_or_else(
                || no_score_text(c),
                |(k, lost)| {
                    let v = c
                        .scored
                        .parts
                        .iter()
                        .find(|p| p.key == *k)
                        .and_then(|p| p.normalized)
                        .unwrap_or(0.0);
                    format!("{} {} (-{:.0})", k.short(), number(v), lost)
                },
            );
            vec![
                (i + 1).to_string(),
                c.name.clone(),
                // Whole points reached, not rounded: 69.8 is a C, so it must not read 70.
                c.score()
                    .map_or_else(|| "-".into(), |s| points(s).to_string()),
                c.grade.map_or("-", |g| g.as_str()).to_string(),
                sparkline(&c.trend),
                change,
                if c.alert.is_some() {
                    "!".into()
                } else {
                    String::new()
                },
                flags.join(" "),
                reason,
            ]
        })
        .collect();
    render(
        &[
            ("#", Align::Right),
            ("CLIENT", Align::Left),
            ("SCORE", Align::Right),
            ("GRADE", Align::Left),
            ("TREND (12 MONTHS)", Align::Left),
            ("3M", Align::Right),
            ("ALERT", Align::Left),
            ("FLAGS", Align::Left),
            ("COSTS MOST", Align::Left),
        ],
        &rows,
    )
}
