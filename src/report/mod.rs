//! The reports rapport writes out (`rapport export`, and `p` in the app): the portfolio
//! report (scorecards, dealbreakers, the Pareto headline, decisions, what is coming up) and
//! one client's report for the conversation (its scorecard with every criterion, trend,
//! evidence, what the evidence proposes, the latest decision, what is coming up).
//!
//! A report is built once here, from the store and the config in force, by the same domain
//! functions the screens and the other commands use (scores, Pareto, the walk's proposal,
//! coming up): no number is worked out a second way. Its texts are in the language in
//! force, its keys English. The renderers ([`json`], [`csv`], [`markdown`]) only lay it out.

pub mod csv;
pub mod generic;
pub mod json;
pub mod markdown;
mod rows;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::domain::decide::case::{Portfolio, decidable};
use crate::domain::decide::decision::Decision;
use crate::domain::decide::upcoming::{HORIZON_DAYS, Latest, due_this_week, upcoming};
use crate::domain::decide::walk::Walk;
use crate::domain::pareto::{self, Measure, measures, r1_candidates};
use crate::domain::score::{IncidentCounts, Scorecard, evaluate, evaluate_all, rank};
use crate::domain::{Client, ClientStatus};
use crate::store::{Store, StoreError};

pub use rows::{
    ChangeRow, Criterion, DecisionRow, FlagRow, ParetoEntry, ParetoSide, ReasonRow, ScorecardRow,
    UpcomingRow,
};

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Csv(#[from] std::io::Error),
}

/// When and over what a report looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub as_of: NaiveDate,
    /// The scoring window; None: the config's.
    pub window_days: Option<u32>,
    /// How far ahead "coming up" looks.
    pub upcoming_days: u32,
}

impl Options {
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            window_days: None,
            upcoming_days: HORIZON_DAYS,
        }
    }
}

/// How the Markdown writes dates and money: the config's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Look {
    pub date_format: String,
    pub currency: String,
}

impl Look {
    pub fn of(config: &Config) -> Self {
        Self {
            date_format: config.display.date_format.clone(),
            currency: config.display.currency_symbol.clone(),
        }
    }
}

/// The whole portfolio, as of a day.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioReport {
    pub company: String,
    pub as_of: NaiveDate,
    pub window_days: u32,
    pub headline: Headline,
    /// Best first; current clients (active and prospects).
    pub scorecards: Vec<ScorecardRow>,
    /// Every dealbreaker raised, by client in the scorecards' order.
    pub flags: Vec<FlagRow>,
    pub pareto: ParetoReport,
    /// Made on or before the as-of date, newest first.
    pub decisions: Vec<DecisionRow>,
    pub upcoming_days: u32,
    /// Soonest first.
    pub upcoming: Vec<UpcomingRow>,
    /// Which figures a demo database supplied ("demo: labour cost €65/h, ...").
    pub note: Option<String>,
}

/// The numbers at the top of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// Current clients: active and prospects.
    pub clients: usize,
    pub active: usize,
    pub scored: usize,
    /// How many clients have each grade: A, B, C, D, F.
    pub grades: BTreeMap<&'static str, usize>,
    pub alerts: usize,
    /// Clients with at least one dealbreaker.
    pub flagged: usize,
    /// The active clients' monthly recurring revenue.
    pub mrr_cents: i64,
    /// The revenue over the Pareto window (what `pareto` totals).
    pub revenue_cents: i64,
    /// What is due within a week, overdue included (the app header's count).
    pub due_this_week: usize,
}

/// Who brings the revenue, who brings the work (guide R1, C1).
#[derive(Debug, Clone, Serialize)]
pub struct ParetoReport {
    pub window_days: u32,
    pub revenue: ParetoSide,
    pub hours: ParetoSide,
    pub stress: ParetoSide,
    /// In the vital few for stress or hours but not for revenue.
    pub r1_candidates: Vec<String>,
    /// The C1 warning, when one client carries too much of the revenue.
    pub concentration_warning: Option<String>,
}

/// One client, for the conversation.
#[derive(Debug, Clone, Serialize)]
pub struct ClientReport {
    pub company: String,
    pub as_of: NaiveDate,
    pub window_days: u32,
    pub client: ClientFacts,
    /// None when the database holds no evidence for it at all.
    pub scorecard: Option<ScorecardRow>,
    pub flags: Vec<FlagRow>,
    pub evidence: Evidence,
    /// What the evidence alone proposes (`rapport advise`); none for a former client.
    pub proposal: Option<ProposalRow>,
    /// The latest decision made on or before the as-of date.
    pub decision: Option<DecisionRow>,
    pub upcoming_days: u32,
    pub upcoming: Vec<UpcomingRow>,
    pub note: Option<String>,
}

/// The client's facts from its record.
#[derive(Debug, Clone, Serialize)]
pub struct ClientFacts {
    pub name: String,
    pub status: ClientStatus,
    pub contact: Option<String>,
    pub mrr_cents: i64,
    pub seats: u32,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    pub notice_days: Option<u32>,
    pub prepaid: bool,
    pub segment: Option<String>,
}

/// The evidence in counts and dates: the scorecard's own figures over its window (and the
/// last 365 days for advice and incidents), and when each kind was last logged.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Evidence {
    pub window_days: u32,
    pub tickets_opened: u32,
    pub tickets_reopened: u32,
    pub escalations: u32,
    pub admin_requests: u32,
    pub hours: f64,
    pub revenue_cents: i64,
    pub revenue_from_mrr: bool,
    pub effective_rate_cents: Option<i64>,
    pub margin_pct: Option<f64>,
    pub avg_days_to_pay: Option<f64>,
    pub late_payments: u32,
    pub disputed_invoices: u32,
    pub implemented_recommendations: u32,
    pub ignored_recommendations: u32,
    pub incidents: IncidentCounts,
    pub staff_votes: Option<u32>,
    /// The day each kind was last logged, on or before the as-of date.
    pub last: LastLogged,
    /// The incidents of the last 365 days, newest first.
    pub incident_log: Vec<IncidentRow>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct LastLogged {
    pub ticket: Option<NaiveDate>,
    pub invoice: Option<NaiveDate>,
    pub payment: Option<NaiveDate>,
    pub time: Option<NaiveDate>,
    pub recommendation: Option<NaiveDate>,
    pub incident: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    pub on: NaiveDate,
    pub kind: crate::domain::IncidentKind,
    pub note: Option<String>,
}

/// The walk's proposal with no answers given.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalRow {
    pub outcome: &'static str,
    /// The outcome in words.
    pub label: String,
    pub reasons: Vec<ProposalReason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProposalReason {
    pub code: String,
    pub text: String,
    pub evidence: Vec<String>,
}

/// The config in force with the scoring window asked for.
fn scoring(config: &Config, o: &Options) -> crate::domain::score::Rules {
    let mut rules = config.rules();
    if let Some(w) = o.window_days {
        rules.window_days = w;
    }
    rules
}

/// The decision log as it stood on `as_of`: newest first.
fn decisions_by(store: &Store, as_of: NaiveDate) -> Result<Vec<Decision>, StoreError> {
    let mut log = store.decisions(None)?;
    log.retain(|d| d.decided_on <= as_of);
    Ok(log)
}

/// The portfolio report as of `o.as_of`.
pub fn build_portfolio(
    store: &Store,
    config: &Config,
    note: Option<String>,
    o: &Options,
) -> Result<PortfolioReport, StoreError> {
    let as_of = o.as_of;
    let rules = scoring(config, o);
    let currency = &config.display.currency_symbol;
    let facts = store.portfolio_facts()?;
    let clients = store.clients()?;
    let current = |id| {
        facts
            .client(id)
            .is_some_and(|f: &crate::domain::score::ClientFacts| f.status.is_current())
    };
    let mut cards: Vec<Scorecard> = evaluate_all(&facts, as_of, &rules)
        .into_iter()
        .filter(|c| current(c.client))
        .collect();
    rank(&mut cards);
    let ms = measures(&facts, as_of, &config.pareto);
    drop(facts);
    let scorecards: Vec<ScorecardRow> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| ScorecardRow::of(i + 1, c, &rules))
        .collect();
    let flags: Vec<FlagRow> = cards.iter().flat_map(FlagRow::of_card).collect();

    let vital = config.pareto.vital_share;
    let revenue = pareto::pareto(&ms, Measure::Revenue, vital);
    let r1 = r1_candidates(&ms, vital);
    let pareto = ParetoReport {
        window_days: config.pareto.window_days,
        concentration_warning: crate::commands::pareto::concentration_warning(
            &revenue,
            &config.pareto,
        ),
        r1_candidates: ms
            .iter()
            .filter(|m| r1.contains(&m.client))
            .map(|m| m.name.clone())
            .collect(),
        hours: ParetoSide::of(&pareto::pareto(&ms, Measure::Hours, vital), &r1),
        stress: ParetoSide::of(&pareto::pareto(&ms, Measure::Stress, vital), &r1),
        revenue: ParetoSide::of(&revenue, &r1),
    };

    let log = decisions_by(store, as_of)?;
    let items = upcoming(&clients, &Latest::of_log(&log), as_of, o.upcoming_days);
    let mut grades: BTreeMap<&'static str, usize> = ["A", "B", "C", "D", "F"]
        .into_iter()
        .map(|g| (g, 0))
        .collect();
    for g in cards.iter().filter_map(|c| c.grade) {
        *grades.entry(g.as_str()).or_default() += 1;
    }
    let active: Vec<&Client> = clients
        .iter()
        .filter(|c| c.fields.status == ClientStatus::Active)
        .collect();
    let headline = Headline {
        clients: cards.len(),
        active: active.len(),
        scored: cards.iter().filter(|c| c.score().is_some()).count(),
        grades,
        alerts: cards.iter().filter(|c| c.alert.is_some()).count(),
        flagged: cards.iter().filter(|c| !c.flags.is_empty()).count(),
        mrr_cents: active.iter().map(|c| c.fields.mrr.0).sum(),
        revenue_cents: revenue.total.round() as i64,
        due_this_week: due_this_week(&items, as_of),
    };
    Ok(PortfolioReport {
        company: config.company.name.clone(),
        as_of,
        window_days: rules.window_days,
        headline,
        scorecards,
        flags,
        pareto,
        decisions: log.iter().map(|d| DecisionRow::of(d, currency)).collect(),
        upcoming_days: o.upcoming_days,
        upcoming: items.iter().map(|u| UpcomingRow::of(u, as_of)).collect(),
        note,
    })
}

/// One client's report as of `o.as_of`.
pub fn build_client(
    store: &Store,
    config: &Config,
    note: Option<String>,
    client: &Client,
    o: &Options,
) -> Result<ClientReport, StoreError> {
    let as_of = o.as_of;
    let rules = scoring(config, o);
    let currency = &config.display.currency_symbol;
    let facts = store.portfolio_facts()?;
    let records = store.records(client.id)?;
    let card = facts
        .client(client.id)
        .map(|f| evaluate(f, &facts, as_of, &rules));
    let proposal = if decidable(client).is_ok() {
        let (pareto_rules, decision_rules) = (config.pareto.clone(), config.decision_rules());
        let portfolio = Portfolio {
            facts: &facts,
            scoring: &rules,
            pareto: &pareto_rules,
            decisions: &decision_rules,
        };
        let walk = Walk::new(portfolio.case(client, &records, as_of), None);
        let p = walk.proposal();
        Some(ProposalRow {
            outcome: p.outcome.key(),
            label: crate::words::say::outcome(p.outcome).to_string(),
            reasons: p
                .reasons
                .iter()
                .map(|r| ProposalReason {
                    code: r.code.as_str().to_string(),
                    text: crate::words::say::reason(r, currency),
                    evidence: crate::words::say::reason_evidence(r, currency),
                })
                .collect(),
        })
    } else {
        None
    };
    drop(facts);
    let log = decisions_by(store, as_of)?;
    let latest = log.iter().find(|d| d.client == client.id);
    let items: Vec<UpcomingRow> = upcoming(
        std::iter::once(client),
        &latest.map(Latest::of).into_iter().collect::<Vec<_>>(),
        as_of,
        o.upcoming_days,
    )
    .iter()
    .map(|u| UpcomingRow::of(u, as_of))
    .collect();
    let f = &client.fields;
    Ok(ClientReport {
        company: config.company.name.clone(),
        as_of,
        window_days: rules.window_days,
        client: ClientFacts {
            name: f.name.clone(),
            status: f.status,
            contact: f.contact_name.clone(),
            mrr_cents: f.mrr.0,
            seats: f.seats,
            contract_start: f.contract_start,
            contract_end: f.contract_end,
            notice_days: f.notice_days,
            prepaid: f.prepaid,
            segment: f.segment.clone(),
        },
        flags: card.as_ref().map(FlagRow::of_card).unwrap_or_default(),
        evidence: rows::evidence(card.as_ref(), &records, as_of, rules.window_days),
        scorecard: card.as_ref().map(|c| ScorecardRow::of(1, c, &rules)),
        proposal,
        decision: latest.map(|d| DecisionRow::of(d, currency)),
        upcoming_days: o.upcoming_days,
        upcoming: items,
        note,
    })
}

/// A file name for a report, without its extension: `report-2026-06-30`, or with the
/// client's name `report-cafe-de-hoek-2026-06-30` (plain lower case and dashes).
pub fn file_stem(client: Option<&str>, as_of: NaiveDate) -> String {
    let mut slug = String::new();
    for c in client.unwrap_or("").chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("report-{as_of}")
    } else {
        format!("report-{slug}-{as_of}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_stem_is_plain_lower_case_and_dashed() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        assert_eq!(file_stem(None, d), "report-2026-06-30");
        assert_eq!(
            file_stem(Some("Café De Hoek / Bar"), d),
            "report-café-de-hoek-bar-2026-06-30"
        );
        assert_eq!(file_stem(Some("&&"), d), "report-2026-06-30");
    }
}
