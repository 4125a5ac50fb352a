//! A report as Markdown that reads well printed: a title with the company and the date,
//! the headline numbers, then short tables (few columns, so they fit a page) and lists.
//! In the language in force; dates as the config's `display.date_format` says, money with
//! its currency symbol (Dutch as `€ 1.250,00`).

use chrono::NaiveDate;

use super::rows::metric_name;
use super::{ClientReport, Look, ParetoSide, PortfolioReport, ScorecardRow, UpcomingRow};
use crate::domain::Cents;
use crate::domain::pareto::{Measure, hours_text};
use crate::domain::score::MetricKey;
use crate::domain::score::card::{change_text, number, points};
use crate::t;
use crate::words::language;

/// Text for a table cell: one line, no `|` to break the table.
fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// A table: a header row, its alignment (`true`: right), and the rows.
fn table(out: &mut String, head: &[(&str, bool)], rows: &[Vec<String>]) {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(head.iter().map(|(h, _)| cell(h)).collect()));
    out.push_str(&line(
        head.iter()
            .map(|(_, right)| if *right { "--:" } else { "---" }.to_string())
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(|c| cell(c)).collect()));
    }
    out.push('\n');
}

struct Fmt<'a>(&'a Look);

impl Fmt<'_> {
    fn date(&self, d: NaiveDate) -> String {
        d.format(&self.0.date_format).to_string()
    }

    fn opt_date(&self, d: Option<NaiveDate>) -> String {
        d.map_or_else(|| "-".into(), |d| self.date(d))
    }

    fn money(&self, cents: i64) -> String {
        crate::domain::script::format::money(language(), Cents(cents), &self.0.currency)
    }

    /// Whole currency units: `€1,250`, `€ 1.250`.
    fn whole(&self, cents: i64) -> String {
        let rounded = (cents as f64 / 100.0).round() as i64 * 100;
        let text = self.money(rounded);
        // Both languages write the cents as a separator and two digits at the end.
        text[..text.len() - 3].to_string()
    }

    fn measure(&self, m: Measure, v: f64) -> String {
        match m {
            Measure::Revenue => self.whole(v.round() as i64),
            Measure::Hours => hours_text(v),
            Measure::Tickets | Measure::Stress => format!("{v:.0}"),
        }
    }
}

fn pct(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// "today", "in 6 days", "3 days overdue", as the Decisions screen says it.
fn when(days: Option<i64>) -> String {
    match days {
        None => t!("decisions.when.no_date").into(),
        Some(0) => t!("decisions.when.today").into(),
        Some(1) => t!("decisions.when.tomorrow").into(),
        Some(n) if n < 0 => crate::tn!("decisions.when.overdue", -n),
        Some(n) => crate::tn!("decisions.when.in_days", n),
    }
}

/// A score as the tables show it: "B 81", or "-".
fn score_text(c: &ScorecardRow) -> String {
    match (c.grade, c.score) {
        (Some(g), Some(s)) => format!("{g} {}", points(s)),
        _ => "-".into(),
    }
}

/// Why a client has no score, in words.
fn no_score_text(c: &ScorecardRow, window: u32) -> String {
    match c.no_score {
        Some("former") => t!("export.no_score_former").into(),
        _ => t!("export.no_score_window", days = window),
    }
}

/// The first of what costs the most points, short: "margin % -226.4 (-17)".
fn costs_most(c: &ScorecardRow, window: u32) -> String {
    match c.reasons.first() {
        Some(r) => format!(
            "{} {} (-{:.0})",
            metric_name(r.metric),
            number(r.value),
            r.points
        ),
        None if c.score.is_none() => no_score_text(c, window),
        None => String::new(),
    }
}

/// The portfolio report.
pub fn portfolio(r: &PortfolioReport, look: &Look) -> String {
    let f = Fmt(look);
    let mut out = String::new();
    let company = if r.company.trim().is_empty() {
        t!("export.your_portfolio").to_string()
    } else {
        r.company.clone()
    };
    out.push_str(&format!(
        "# {}\n\n",
        t!("export.title", company = company, date = f.date(r.as_of))
    ));
    out.push_str(&t!(
        "export.basis",
        days = r.window_days,
        date = f.date(r.as_of),
        pareto_days = r.pareto.window_days
    ));
    out.push_str("\n\n");

    // At a glance.
    let h = &r.headline;
    out.push_str(&format!("## {}\n\n", t!("export.glance")));
    let grades: Vec<String> = h
        .grades
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(g, n)| format!("{n} {g}"))
        .collect();
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.glance_clients",
            clients = h.clients,
            active = h.active,
            scored = h.scored,
            grades = if grades.is_empty() {
                "-".into()
            } else {
                grades.join(", ")
            }
        )
    ));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.glance_alerts",
            alerts = h.alerts,
            flagged = h.flagged
        )
    ));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.glance_money",
            mrr = f.whole(h.mrr_cents),
            revenue = f.whole(h.revenue_cents),
            days = r.pareto.window_days
        )
    ));
    out.push_str(&format!("- {}\n", r.pareto.revenue.headline));
    out.push_str(&format!("- {}\n", r.pareto.stress.headline));
    out.push_str(&format!(
        "- {}\n\n",
        crate::tn!("export.glance_due", h.due_this_week as i64)
    ));

    // Scorecards.
    out.push_str(&format!("## {}\n\n", t!("export.scorecards")));
    if r.scorecards.is_empty() {
        out.push_str(&format!("{}\n\n", t!("export.no_clients")));
    } else {
        let rows: Vec<Vec<String>> = r
            .scorecards
            .iter()
            .map(|c| {
                vec![
                    c.rank.to_string(),
                    c.client.clone(),
                    score_text(c),
                    c.sparkline.clone(),
                    c.change
                        .as_ref()
                        .map_or_else(|| "-".into(), |ch| change_text(ch.delta)),
                    {
                        let mut flags = c.flags.join(" ");
                        if c.alert {
                            flags = format!("! {flags}").trim_end().to_string();
                        }
                        flags
                    },
                    costs_most(c, r.window_days),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                ("#", true),
                (t!("export.col.client"), false),
                (t!("export.col.score"), true),
                (t!("export.col.trend"), false),
                (t!("export.col.change"), true),
                (t!("export.col.flags"), false),
                (t!("export.col.costs_most"), false),
            ],
            &rows,
        );
        out.push_str(&format!("{}\n\n", t!("export.scorecards_key")));
    }

    // Dealbreakers.
    out.push_str(&format!("## {}\n\n", t!("export.dealbreakers")));
    if r.flags.is_empty() {
        out.push_str(&format!("{}\n\n", t!("export.no_dealbreakers")));
    } else {
        for fl in &r.flags {
            out.push_str(&format!("- **{}**: {} {}\n", fl.client, fl.code, fl.title));
            for e in &fl.evidence {
                out.push_str(&format!("  - {e}\n"));
            }
        }
        out.push('\n');
    }

    // Pareto.
    out.push_str(&format!("## {}\n\n", t!("export.pareto")));
    pareto_side(&mut out, &f, &r.pareto.revenue);
    pareto_side(&mut out, &f, &r.pareto.stress);
    out.push_str(&format!("{}\n\n", r.pareto.hours.headline));
    if !r.pareto.r1_candidates.is_empty() {
        out.push_str(&format!(
            "{}\n\n",
            t!("export.r1", clients = r.pareto.r1_candidates.join(", "))
        ));
    }
    if let Some(w) = &r.pareto.concentration_warning {
        out.push_str(&format!("**{w}**\n\n"));
    }

    // Decisions.
    out.push_str(&format!("## {}\n\n", t!("export.decisions")));
    if r.decisions.is_empty() {
        out.push_str(&format!("{}\n\n", t!("export.no_decisions")));
    } else {
        let rows: Vec<Vec<String>> = r
            .decisions
            .iter()
            .map(|d| {
                vec![
                    f.date(d.decided_on),
                    d.client.clone(),
                    d.outcome.to_string(),
                    d.why.clone(),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                (t!("export.col.date"), false),
                (t!("export.col.client"), false),
                (t!("export.col.outcome"), false),
                (t!("export.col.why"), false),
            ],
            &rows,
        );
    }

    // Coming up.
    upcoming(&mut out, &f, &r.upcoming, r.upcoming_days, true);
    if let Some(note) = &r.note {
        out.push_str(&format!("_{}_\n", cell(note)));
    }
    finish(out)
}

/// One ranking: its headline and the vital few as a table.
fn pareto_side(out: &mut String, f: &Fmt<'_>, side: &ParetoSide) {
    out.push_str(&format!("**{}**\n\n", side.headline));
    let rows: Vec<Vec<String>> = side
        .clients
        .iter()
        .filter(|c| c.vital_few)
        .enumerate()
        .map(|(i, c)| {
            let mut name = c.client.clone();
            if c.r1_candidate {
                name.push_str(" (R1)");
            }
            vec![
                (i + 1).to_string(),
                name,
                f.measure(side.measure, c.raw),
                pct(c.share),
                pct(c.cumulative_share),
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let measure = match side.measure {
        Measure::Revenue => t!("export.col.revenue"),
        Measure::Hours => t!("export.col.hours"),
        Measure::Tickets => t!("export.col.tickets"),
        Measure::Stress => t!("export.col.stress"),
    };
    table(
        out,
        &[
            ("#", true),
            (t!("export.col.client"), false),
            (measure, true),
            (t!("export.col.share"), true),
            (t!("export.col.cumulative"), true),
        ],
        &rows,
    );
}

/// What is coming up, as a table (with the client's name on the portfolio report).
fn upcoming(out: &mut String, f: &Fmt<'_>, items: &[UpcomingRow], days: u32, names: bool) {
    out.push_str(&format!("## {}\n\n", t!("export.coming_up", days = days)));
    if items.is_empty() {
        out.push_str(&format!("{}\n\n", t!("export.nothing_coming", days = days)));
        return;
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|u| {
            let what = if u.detail.is_empty() {
                u.what.to_string()
            } else {
                format!("{} · {}", u.what, u.detail)
            };
            let mut row = vec![f.opt_date(u.on), when(u.days)];
            if names {
                row.push(u.client.clone());
            }
            row.push(what);
            row
        })
        .collect();
    let mut head = vec![
        (t!("export.col.date"), false),
        (t!("export.col.when"), false),
    ];
    if names {
        head.push((t!("export.col.client"), false));
    }
    head.push((t!("export.col.what"), false));
    table(out, &head, &rows);
}

/// One line at the end, no blank lines after it.
fn finish(out: String) -> String {
    format!("{}\n", out.trim_end())
}

/// A raw value in its own unit, as the scorecard shows it.
fn raw_value(k: MetricKey, v: f64) -> String {
    match k {
        MetricKey::ReopenRate | MetricKey::IgnoredRatio => format!("{:.0}%", v * 100.0),
        MetricKey::MarginPct => format!("{v:.0}%"),
        MetricKey::AvgDaysToPay => t!("export.days", n = format!("{v:.0}")),
        _ => number(v),
    }
}

/// One client's report, for the conversation.
pub fn client(r: &ClientReport, look: &Look) -> String {
    let f = Fmt(look);
    let c = &r.client;
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n\n",
        t!("export.client_title", name = c.name)
    ));
    let company = if r.company.trim().is_empty() {
        String::new()
    } else {
        format!("{} · ", r.company)
    };
    out.push_str(&format!(
        "{company}{}\n\n",
        t!("export.as_of", date = f.date(r.as_of))
    ));

    // The client.
    out.push_str(&format!("## {}\n\n", t!("export.the_client")));
    if let Some(contact) = &c.contact {
        out.push_str(&format!("- {}\n", t!("export.contact", contact = contact)));
    }
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.money",
            mrr = f.money(c.mrr_cents),
            seats = crate::tn!("clients.seats", i64::from(c.seats)),
            prepaid = if c.prepaid {
                t!("export.prepaid")
            } else {
                t!("export.not_prepaid")
            }
        )
    ));
    let notice = c.notice_days.map_or_else(
        || t!("export.no_notice").to_string(),
        |n| crate::tn!("clients.notice", i64::from(n)),
    );
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.contract",
            start = f.opt_date(c.contract_start),
            end = c
                .contract_end
                .map_or_else(|| t!("clients.open_ended").to_string(), |d| f.date(d)),
            notice = notice
        )
    ));
    let status = crate::tui::text::status(c.status);
    out.push_str(&format!(
        "- {}\n\n",
        match &c.segment {
            Some(s) => t!("export.status_segment", status = status, segment = s),
            None => t!("export.status", status = status),
        }
    ));

    // The scorecard.
    out.push_str(&format!("## {}\n\n", t!("export.scorecard")));
    match &r.scorecard {
        None => out.push_str(&format!("{}\n\n", t!("export.no_scorecard"))),
        Some(s) => scorecard(&mut out, &f, s, r.window_days, r.as_of),
    }

    // Dealbreakers.
    out.push_str(&format!("## {}\n\n", t!("export.dealbreakers")));
    if r.flags.is_empty() {
        out.push_str(&format!("{}\n\n", t!("export.no_dealbreakers_client")));
    } else {
        for fl in &r.flags {
            out.push_str(&format!("- **{}** {}\n", fl.code, fl.title));
            for e in &fl.evidence {
                out.push_str(&format!("  - {e}\n"));
            }
        }
        out.push('\n');
    }

    evidence(&mut out, &f, r);

    // What the evidence proposes.
    if let Some(p) = &r.proposal {
        out.push_str(&format!("## {}\n\n", t!("export.proposal")));
        out.push_str(&format!(
            "{}\n\n",
            t!("export.proposes", outcome = p.label.to_uppercase())
        ));
        for reason in &p.reasons {
            out.push_str(&format!("- **{}** {}\n", reason.code, reason.text));
            for e in &reason.evidence {
                out.push_str(&format!("  - {e}\n"));
            }
        }
        if !p.reasons.is_empty() {
            out.push('\n');
        }
    }

    // The decision.
    out.push_str(&format!("## {}\n\n", t!("export.decision")));
    match &r.decision {
        None => out.push_str(&format!("{}\n\n", t!("export.no_decision"))),
        Some(d) => {
            out.push_str(&format!(
                "{}\n\n",
                t!(
                    "export.decided",
                    date = f.date(d.decided_on),
                    outcome = d.outcome,
                    why = d.why
                )
            ));
            let mut more = Vec::new();
            if let Some(on) = d.review_on {
                more.push(t!("export.review_on", date = f.date(on)));
            }
            if let Some(mrr) = d.proposed_mrr_cents {
                more.push(t!("export.new_mrr", mrr = f.money(mrr)));
            }
            if let Some(on) = d.end_on {
                more.push(t!("export.end_on", date = f.date(on)));
            }
            if let Some(on) = d.notice_by {
                more.push(t!("export.notice_by", date = f.date(on)));
            }
            for m in &more {
                out.push_str(&format!("- {m}\n"));
            }
            if !more.is_empty() {
                out.push('\n');
            }
        }
    }

    upcoming(&mut out, &f, &r.upcoming, r.upcoming_days, false);
    if let Some(note) = &r.note {
        out.push_str(&format!("_{}_\n", cell(note)));
    }
    finish(out)
}

/// The scorecard: the score line, every criterion, what costs the most, the trend.
fn scorecard(out: &mut String, f: &Fmt<'_>, s: &ScorecardRow, window: u32, as_of: NaiveDate) {
    let mut line = match (s.grade, s.score) {
        (Some(g), Some(score)) => format!(
            "**{g} {}** ({})",
            points(score),
            band_word(s.band.unwrap_or_else(|| band_key(score)))
        ),
        _ => no_score_text(s, window),
    };
    if let Some(ch) = &s.change {
        line.push_str(&format!(
            " · {}",
            t!(
                "export.change_since",
                change = change_text(ch.delta),
                date = f.date(ch.since)
            )
        ));
    }
    if s.alert {
        line.push_str(&format!(" · **{}**", t!("export.alert")));
    }
    out.push_str(&format!(
        "{line}\n\n{}\n\n",
        t!("export.window", days = window, date = f.date(as_of))
    ));
    let rows: Vec<Vec<String>> = s
        .criteria
        .iter()
        .map(|c| {
            let dash = || "-".to_string();
            vec![
                metric_name(c.metric).to_string(),
                c.value.map_or_else(dash, |v| raw_value(c.metric, v)),
                c.normalized.map_or_else(dash, number),
                c.subscore
                    .map_or_else(|| t!("export.left_out").into(), |v| format!("{v:.0}")),
                c.weight.map_or_else(dash, number),
            ]
        })
        .collect();
    table(
        out,
        &[
            (t!("export.col.criterion"), false),
            (t!("export.col.value"), true),
            (t!("export.col.scored"), true),
            (t!("export.col.subscore"), true),
            (t!("export.col.weight"), true),
        ],
        &rows,
    );
    if !s.reasons.is_empty() {
        out.push_str(&format!("{}\n\n", t!("export.costs_most")));
        for reason in &s.reasons {
            out.push_str(&format!("- {}\n", reason.text));
        }
        out.push('\n');
    }
    // The trend: a month-end a row.
    out.push_str(&format!("{} {}\n\n", t!("export.trend"), s.sparkline));
    let rows: Vec<Vec<String>> = s
        .trend_dates
        .iter()
        .zip(&s.trend)
        .map(|(d, v)| {
            vec![
                f.date(*d),
                v.map_or_else(|| "-".into(), |v| points(v).to_string()),
            ]
        })
        .collect();
    table(
        out,
        &[
            (t!("export.col.month_end"), false),
            (t!("export.col.score"), true),
        ],
        &rows,
    );
}

fn band_key(score: f64) -> &'static str {
    crate::domain::score::Band::of(score).as_str()
}

fn band_word(key: &str) -> &'static str {
    use crate::domain::score::Band;
    let b = match key {
        "green" => Band::Green,
        "amber" => Band::Amber,
        _ => Band::Red,
    };
    crate::tui::text::band(b)
}

/// The evidence in counts and dates.
fn evidence(out: &mut String, f: &Fmt<'_>, r: &ClientReport) {
    let e = &r.evidence;
    let last = |d: Option<NaiveDate>| {
        d.map_or_else(
            || t!("export.never").to_string(),
            |d| t!("export.last", date = f.date(d)),
        )
    };
    out.push_str(&format!("## {}\n\n", t!("export.evidence")));
    out.push_str(&format!(
        "{}\n\n",
        t!(
            "export.evidence_window",
            days = e.window_days,
            date = f.date(r.as_of)
        )
    ));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.ev_tickets",
            opened = e.tickets_opened,
            reopened = e.tickets_reopened,
            escalated = e.escalations,
            admin = e.admin_requests,
            last = last(e.last.ticket)
        )
    ));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.ev_hours",
            hours = hours_text(e.hours),
            last = last(e.last.time)
        )
    ));
    let revenue = if e.revenue_from_mrr {
        t!("export.ev_revenue_mrr", revenue = f.whole(e.revenue_cents))
    } else {
        t!("export.ev_revenue", revenue = f.whole(e.revenue_cents))
    };
    let rate = e.effective_rate_cents.map_or_else(
        || "-".to_string(),
        |c| t!("export.per_hour", money = f.whole(c)),
    );
    let margin = e
        .margin_pct
        .map_or_else(|| "-".to_string(), |m| format!("{m:.0}%"));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.ev_money",
            revenue = revenue,
            rate = rate,
            margin = margin
        )
    ));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.ev_invoices",
            days = e
                .avg_days_to_pay
                .map_or_else(|| "-".to_string(), |d| format!("{d:.0}")),
            late = e.late_payments,
            disputed = e.disputed_invoices,
            last = f.opt_date(e.last.invoice),
            paid = f.opt_date(e.last.payment)
        )
    ));
    out.push('\n');
    out.push_str(&format!("{}\n\n", t!("export.evidence_year")));
    out.push_str(&format!(
        "- {}\n",
        t!(
            "export.ev_advice",
            implemented = e.implemented_recommendations,
            ignored = e.ignored_recommendations,
            last = last(e.last.recommendation)
        )
    ));
    let kinds: Vec<String> = crate::domain::IncidentKind::ALL
        .iter()
        .filter(|k| e.incidents.get(**k) > 0)
        .map(|k| format!("{} {}", crate::tui::text::incident(*k), e.incidents.get(*k)))
        .collect();
    let incidents = match e.last.incident {
        None => t!("export.ev_no_incidents").to_string(),
        Some(_) => t!(
            "export.ev_incidents",
            incidents = if kinds.is_empty() {
                t!("export.none").to_string()
            } else {
                kinds.join(", ")
            },
            last = last(e.last.incident)
        ),
    };
    out.push_str(&format!("- {incidents}\n"));
    for i in &e.incident_log {
        let kind = crate::tui::text::incident(i.kind);
        out.push_str(&format!(
            "  - {} {kind}{}\n",
            f.date(i.on),
            i.note
                .as_deref()
                .map_or_else(String::new, |n| format!(": {}", cell(n)))
        ));
    }
    if let Some(n) = e.staff_votes {
        out.push_str(&format!(
            "- {}\n",
            crate::tn!("export.ev_votes", i64::from(n))
        ));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_stays_one_cell_of_one_line() {
        let mut out = String::new();
        table(
            &mut out,
            &[("Client", false), ("#", true)],
            &[vec!["Smit | Zn\nBV".into(), "1".into()]],
        );
        assert_eq!(
            out,
            "| Client | # |\n| --- | --: |\n| Smit \\| Zn BV | 1 |\n\n"
        );
    }

    #[test]
    fn money_in_whole_units_per_language() {
        let look = Look {
            date_format: "%d-%m-%Y".into(),
            currency: "€".into(),
        };
        let f = Fmt(&look);
        assert_eq!(f.whole(125_049), "€1,250");
        assert_eq!(
            f.date(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
            "30-06-2026"
        );
        crate::words::with_language(crate::words::Lang::Nl, || {
            assert_eq!(f.whole(125_050), "€ 1.251");
            assert_eq!(f.whole(-9_900_000), "€ -99.000");
        });
    }
}
