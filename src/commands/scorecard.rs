//! `rapport scorecard`: every client graded, as an aligned table or as JSON. The JSON is
//! streamed to stdout one client at a time: at 10,000 clients the document is 30 MB, and
//! building it whole first held over ten times that.

use std::io::{self, Write};

use anyhow::Result;
use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};
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
    drop(store);
    // Former clients are listed on request, never scored (the domain's rule, as on screen).
    let mut cards: Vec<Scorecard> = evaluate_all(&facts, as_of, &rules)
        .into_iter()
        .filter(|c| {
            all || facts
                .client(c.client)
                .is_some_and(|f| f.status.is_current())
        })
        .collect();
    let any_client = !facts.clients.is_empty();
    // The cards hold all that is printed: the evidence can go before the printing.
    drop(facts);
    rank(&mut cards);
    if json {
        write_json(io::stdout().lock(), &cards, as_of, &rules)?;
    } else if cards.is_empty() && any_client {
        println!("{}", crate::t!("commands.scorecard.all_former"));
    } else if cards.is_empty() {
        println!("{}", crate::t!("commands.scorecard.none"));
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

/// Writes the JSON document (see [`to_json`]) to `out`, pretty-printed and ending in a
/// newline, one client at a time: only one client's value is held at once. The bytes are
/// those of `serde_json::to_string_pretty(&to_json(..))` and a newline.
pub fn write_json(
    out: impl Write,
    cards: &[Scorecard],
    as_of: NaiveDate,
    rules: &Rules,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(io::BufWriter::with_capacity(64 * 1024, out));
    Document {
        cards,
        as_of,
        rules,
    }
    .serialize(&mut ser)?;
    let mut out = ser.into_inner();
    out.write_all(b"\n")?;
    out.flush()
}

/// The document, serialized as it is written.
struct Document<'a> {
    cards: &'a [Scorecard],
    as_of: NaiveDate,
    rules: &'a Rules,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // In the order a `serde_json::Map` keeps its keys (by name), as `to_json` has them.
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("as_of", &self.as_of)?;
        map.serialize_entry("clients", &Clients(self.cards, self.rules))?;
        map.serialize_entry("window_days", &self.rules.window_days)?;
        map.end()
    }
}

/// The clients' array: each card made a value when its turn comes.
struct Clients<'a>(&'a [Scorecard], &'a Rules);

impl Serialize for Clients<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|c| card_json(c, self.1)))
    }
}

/// The JSON document as one value: `{"as_of", "window_days", "clients": [...]}`. What
/// [`write_json`] writes without building it.
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
        .map(|f| {
            let lines: Vec<String> = f
                .evidence
                .iter()
                .map(crate::words::say::flag_evidence)
                .collect();
            (f.code.code().to_string(), json!(lines))
        })
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
        Some(NoScore::Former) => crate::t!("commands.scorecard.former").into(),
        Some(NoScore::NoEvidence) => {
            crate::t!("commands.scorecard.no_evidence", days = c.window_days)
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
                    format!(
                        "{} {} (-{:.0})",
                        crate::tui::text::metric(*k),
                        number(v),
                        lost
                    )
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
            (crate::t!("commands.scorecard.head.client"), Align::Left),
            (crate::t!("commands.scorecard.head.score"), Align::Right),
            (crate::t!("commands.scorecard.head.grade"), Align::Left),
            (crate::t!("commands.scorecard.head.trend"), Align::Left),
            (crate::t!("commands.scorecard.head.change"), Align::Right),
            (crate::t!("commands.scorecard.head.alert"), Align::Left),
            (crate::t!("commands.scorecard.head.flags"), Align::Left),
            (crate::t!("commands.scorecard.head.costs_most"), Align::Left),
        ],
        &rows,
    )
}
