//! `rapport pareto` and `rapport whatif`: who brings the revenue, who brings the work, and
//! what dropping some clients would do (guide R1, C1).

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::json;

use super::Context;
use super::table::{Align, render};
use crate::cli::ParetoPeriod;
use crate::domain::pareto::{
    self, ClientMeasures, Measure, Pareto, ParetoRules, Totals, hours_text, measures, r1_candidates,
};
use crate::domain::{Cents, ClientStatus, ValidationError};
use crate::store::Store;

/// The rules with the window asked for, and every current client measured on `as_of`.
fn measured(
    ctx: &Context,
    store: &Store,
    period: &ParetoPeriod,
) -> Result<(NaiveDate, ParetoRules, Vec<ClientMeasures>)> {
    let as_of = period.as_of.unwrap_or_else(|| ctx.clock.today());
    let mut rules = ctx.config.pareto.clone();
    if let Some(w) = period.window {
        rules.window_days = w;
    }
    let facts = store.portfolio_facts()?;
    let ms = measures(&facts, as_of, &rules);
    Ok((as_of, rules, ms))
}

/// The C1 warning, when one client carries too much of the revenue.
pub fn concentration_warning(p: &Pareto, rules: &ParetoRules) -> Option<String> {
    if p.measure != Measure::Revenue {
        return None;
    }
    p.concentration(rules.concentration_warning).map(|top| {
        crate::t!(
            "commands.pareto.concentration",
            client = top.client,
            share = format!("{:.0}", top.share * 100.0),
            limit = format!("{:.0}", rules.concentration_warning * 100.0)
        )
    })
}

pub fn run(ctx: &Context, by: &str, period: &ParetoPeriod) -> Result<()> {
    let json = period.json;
    // clap allows only the four names; this keeps a bad one a usage error all the same.
    let m = Measure::parse(by).ok_or_else(|| {
        ValidationError::one(
            "--by",
            crate::t!("commands.pareto.unknown_measure", value = by),
        )
    })?;
    let store = ctx.open_read_store()?;
    let (as_of, rules, ms) = measured(ctx, &store, period)?;
    let p = pareto::pareto(&ms, m, rules.vital_share);
    let r1 = r1_candidates(&ms, rules.vital_share);
    if json {
        let clients: Vec<_> = p
            .rows
            .iter()
            .map(|r| {
                json!({
                    "client": r.client,
                    // Revenue in integer cents and tickets as counts; hours and stress as numbers.
                    "value": match m {
                        Measure::Revenue | Measure::Tickets => json!(r.value.round() as i64),
                        _ => json!(r.value),
                    },
                    "share": r.share,
                    "cumulative_share": r.cumulative_share,
                    "vital_few": r.vital_few,
                    "r1_candidate": r1.contains(&r.id),
                })
            })
            .collect();
        let doc = json!({
            "by": m.key(),
            "as_of": as_of,
            "window_days": rules.window_days,
            "total": match m {
                Measure::Revenue | Measure::Tickets => json!(p.total.round() as i64),
                _ => json!(p.total),
            },
            "vital_few_count": p.vital_few_count,
            "vital_few_share_of_clients": p.vital_few_share_of_clients,
            "top_client_share": p.top_client_share,
            "top5_share": p.top5_share,
            "headline": p.headline(),
            "clients": clients,
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    if p.rows.is_empty() {
        println!("{}", crate::t!("commands.client.none"));
        return Ok(());
    }
    let cur = &ctx.config.display.currency_symbol;
    let rows: Vec<Vec<String>> = p
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut marks = Vec::new();
            if r.vital_few {
                marks.push(crate::t!("commands.pareto.vital_few"));
            }
            if r1.contains(&r.id) {
                marks.push(crate::t!("commands.pareto.r1_candidate"));
            }
            vec![
                (i + 1).to_string(),
                r.client.clone(),
                m.format(r.value, cur),
                format!("{:.1}%", r.share * 100.0),
                format!("{:.1}%", r.cumulative_share * 100.0),
                marks.join(", "),
            ]
        })
        .collect();
    let measure_header = match m {
        Measure::Revenue => crate::t!("commands.pareto.head.revenue"),
        Measure::Hours => crate::t!("commands.pareto.head.hours"),
        Measure::Tickets => crate::t!("commands.pareto.head.tickets"),
        Measure::Stress => crate::t!("commands.pareto.head.stress"),
    };
    print!(
        "{}",
        render(
            &[
                ("#", Align::Right),
                (crate::t!("commands.pareto.head.client"), Align::Left),
                (measure_header, Align::Right),
                (crate::t!("commands.pareto.head.share"), Align::Right),
                (crate::t!("commands.pareto.head.cumulative"), Align::Right),
                ("", Align::Left),
            ],
            &rows,
        )
    );
    println!(
        "\n{}",
        crate::t!(
            "commands.pareto.headline",
            headline = p.headline(),
            as_of = as_of,
            days = rules.window_days
        )
    );
    if let Some(w) = concentration_warning(&p, &rules) {
        println!("{}", crate::t!("commands.pareto.warning", warning = w));
    }
    Ok(())
}

fn what_if_json(
    as_of: NaiveDate,
    window: u32,
    w: &crate::domain::pareto::WhatIf,
) -> serde_json::Value {
    json!({
        "as_of": as_of,
        "window_days": window,
        "dropped": w.dropped,
        "dropped_revenue_share": w.dropped_revenue_share,
        "before": w.before,
        "after": w.after,
    })
}

pub fn what_if(ctx: &Context, drop: &[String], period: &ParetoPeriod) -> Result<()> {
    let json = period.json;
    let store = ctx.open_read_store()?;
    let (as_of, rules, ms) = measured(ctx, &store, period)?;
    let mut ids = Vec::new();
    for name in drop {
        let c = store.client_by_name(name)?;
        if !ms.iter().any(|m| m.client == c.id) {
            // Only active clients are measured: a prospect is not a client yet.
            let why = if c.fields.status == ClientStatus::Prospect {
                crate::t!("commands.whatif.prospect", name = c.fields.name)
            } else {
                crate::t!("commands.whatif.former", name = c.fields.name)
            };
            return Err(ValidationError::one("--drop", why).into());
        }
        if !ids.contains(&c.id) {
            ids.push(c.id);
        }
    }
    let (config, note) = ctx.config_on(&store)?;
    let w = pareto::what_if(&ms, &ids, config.hourly_labour_cost.0);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&what_if_json(as_of, rules.window_days, &w))?
        );
        return Ok(());
    }
    let cur = &ctx.config.display.currency_symbol;
    println!(
        "{}\n",
        crate::t!(
            "commands.whatif.dropping",
            clients = w.dropped.join(", "),
            share = format!("{:.1}", w.dropped_revenue_share * 100.0),
            as_of = as_of,
            days = rules.window_days
        )
    );
    print!("{}", totals_table(&w.before, &w.after, cur));
    if let Some(note) = note {
        println!("\n{note}");
    }
    Ok(())
}

/// Before and after, side by side, with the change.
pub fn totals_table(b: &Totals, a: &Totals, cur: &str) -> String {
    let money = |c: i64| Cents(c).display_whole(cur);
    let opt_money = |c: Option<i64>| c.map_or_else(|| "-".into(), money);
    let pct = |p: Option<f64>| p.map_or_else(|| "-".into(), |p| format!("{p:.1}%"));
    let share = |p: Option<f64>| p.map_or_else(|| "-".into(), |p| format!("{:.1}%", p * 100.0));
    // Changes are taken between the shown (rounded) figures, so the columns add up.
    let whole = |c: i64| (c as f64 / 100.0).round() as i64 * 100;
    let delta_money = |x: i64, y: i64| {
        let d = whole(y) - whole(x);
        money(d).replacen(cur, &format!("{}{cur}", if d >= 0 { "+" } else { "" }), 1)
    };
    let rows = vec![
        vec![
            crate::t!("commands.whatif.row.clients").into(),
            b.clients.to_string(),
            a.clients.to_string(),
            format!("{:+}", a.clients as i64 - b.clients as i64),
        ],
        vec![
            crate::t!("commands.whatif.row.revenue").into(),
            money(b.revenue_cents),
            money(a.revenue_cents),
            delta_money(b.revenue_cents, a.revenue_cents),
        ],
        vec![
            crate::t!("commands.whatif.row.hours").into(),
            hours_text(b.hours),
            hours_text(a.hours),
            diff(Some(b.hours), Some(a.hours), ""),
        ],
        vec![
            crate::t!("commands.whatif.row.labour_cost").into(),
            opt_money(b.labour_cost_cents),
            opt_money(a.labour_cost_cents),
            match (b.labour_cost_cents, a.labour_cost_cents) {
                (Some(x), Some(y)) => delta_money(x, y),
                _ => "-".into(),
            },
        ],
        vec![
            crate::t!("commands.whatif.row.margin").into(),
            pct(b.margin_pct),
            pct(a.margin_pct),
            diff(b.margin_pct, a.margin_pct, "pt"),
        ],
        vec![
            crate::t!("commands.whatif.row.effective_rate").into(),
            opt_money(b.effective_rate_cents),
            opt_money(a.effective_rate_cents),
            match (b.effective_rate_cents, a.effective_rate_cents) {
                (Some(x), Some(y)) => delta_money(x, y),
                _ => "-".into(),
            },
        ],
        vec![
            crate::t!("commands.whatif.row.largest_share").into(),
            share(b.largest_client_share),
            share(a.largest_client_share),
            diff(
                b.largest_client_share.map(|s| s * 100.0),
                a.largest_client_share.map(|s| s * 100.0),
                "pt",
            ),
        ],
    ];
    render(
        &[
            ("", Align::Left),
            (crate::t!("commands.whatif.head.before"), Align::Right),
            (crate::t!("commands.whatif.head.after"), Align::Right),
            (crate::t!("commands.whatif.head.change"), Align::Right),
        ],
        &rows,
    )
}

/// The change between two figures as shown to one decimal.
fn diff(b: Option<f64>, a: Option<f64>, unit: &str) -> String {
    let one = |v: f64| (v * 10.0).round() / 10.0;
    match (b, a) {
        (Some(b), Some(a)) => format!("{:+.1}{unit}", one(a) - one(b)),
        _ => "-".into(),
    }
}
