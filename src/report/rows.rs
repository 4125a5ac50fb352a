//! The rows of a report, made from the domain's values: a scorecard, a dealbreaker, a
//! Pareto ranking, a decision, something coming up, a client's evidence. Numbers are the
//! domain's, rounded as `rapport scorecard --json` rounds them; texts are in the language
//! in force.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use serde_json::{Value, json};

use super::{Evidence, IncidentRow, LastLogged};
use crate::domain::ClientId;
use crate::domain::decide::decision::Decision;
use crate::domain::decide::upcoming::{Due, Upcoming};
use crate::domain::pareto::{Measure, Pareto};
use crate::domain::record::EventRecord;
use crate::domain::score::card::sparkline;
use crate::domain::score::{MetricKey, Rules, Scorecard};

/// One decimal, rounded down, as the scorecards show a score: 69.96 is a C, not 70.0.
pub fn floor1(v: f64) -> f64 {
    (v * 10.0 + 1e-9).floor() / 10.0
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// A client's scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct ScorecardRow {
    /// Its place in the ranking, best first.
    pub rank: usize,
    pub client: String,
    /// One decimal, rounded down; None without a score.
    pub score: Option<f64>,
    /// Why there is none: "former" or "no_evidence".
    pub no_score: Option<&'static str>,
    pub grade: Option<&'static str>,
    pub band: Option<&'static str>,
    /// The score at the 11 month-ends before the as-of date and on it, oldest first.
    pub trend: Vec<Option<f64>>,
    /// The trend drawn as `rapport scorecard` draws it: from the scores themselves, not
    /// from `trend` (rounded down, 92.86 would draw as 92.8, a bar lower at the boundary).
    #[serde(skip)]
    pub sparkline: String,
    pub trend_dates: Vec<NaiveDate>,
    pub change: Option<ChangeRow>,
    pub alert: bool,
    pub flags: Vec<&'static str>,
    /// What costs the most points, worst first.
    pub reasons: Vec<ReasonRow>,
    /// Every criterion of the score (guide O1).
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    pub since: NaiveDate,
    pub delta: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReasonRow {
    pub metric: MetricKey,
    /// The value that is scored, and where it scores 0.
    pub value: f64,
    pub bad_at: f64,
    pub points: f64,
    /// In words, in the language in force.
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    pub metric: MetricKey,
    /// The raw value; the value that is scored (per seat per month for counts).
    pub value: Option<f64>,
    pub normalized: Option<f64>,
    /// 0 to 100; None when the metric is left out (no data).
    pub subscore: Option<f64>,
    pub weight: Option<f64>,
    /// The points it costs against a perfect sub-score.
    pub points_lost: Option<f64>,
}

impl ScorecardRow {
    pub fn of(rank: usize, c: &Scorecard, rules: &Rules) -> Self {
        let losses = c.scored.losses();
        let normalized = |k: MetricKey| {
            c.scored
                .parts
                .iter()
                .find(|p| p.key == k)
                .and_then(|p| p.normalized)
                .unwrap_or(0.0)
        };
        Self {
            rank,
            client: c.name.clone(),
            score: c.score().map(floor1),
            no_score: c.no_score.map(|n| n.key()),
            grade: c.grade.map(|g| g.as_str()),
            band: c.band.map(|b| b.as_str()),
            trend: c.trend.iter().map(|t| t.map(floor1)).collect(),
            sparkline: sparkline(&c.trend),
            trend_dates: c.trend_dates.to_vec(),
            change: c.change.as_ref().map(|ch| ChangeRow {
                since: ch.since,
                delta: round4(ch.delta),
            }),
            alert: c.alert.is_some(),
            flags: c.flags.iter().map(|f| f.code.code()).collect(),
            reasons: c
                .reasons
                .iter()
                .map(|(k, lost)| {
                    let (value, bad_at) = (normalized(*k), rules.threshold(*k).bad);
                    ReasonRow {
                        metric: *k,
                        value: round4(value),
                        bad_at,
                        points: round4(*lost),
                        text: reason_text(*k, value, bad_at, *lost),
                    }
                })
                .collect(),
            criteria: c
                .scored
                .parts
                .iter()
                .map(|p| Criterion {
                    metric: p.key,
                    value: p.value.map(round4),
                    normalized: p.normalized.map(round4),
                    subscore: p.subscore.map(round4),
                    weight: p.subscore.map(|_| p.weight),
                    points_lost: losses
                        .iter()
                        .find(|(k, _)| *k == p.key)
                        .map(|(_, l)| round4(*l)),
                })
                .collect(),
        }
    }
}

/// A metric's name as the scorecard shows it, in the language in force.
pub fn metric_name(k: MetricKey) -> &'static str {
    crate::tui::text::metric(k)
}

/// "days to pay 52, bad at 45 (-12 points)", in the language in force.
fn reason_text(k: MetricKey, value: f64, bad: f64, lost: f64) -> String {
    use crate::domain::score::card::number;
    crate::t!(
        "export.reason",
        metric = metric_name(k),
        value = number(value),
        bad = number(bad),
        points = format!("{lost:.0}")
    )
}

/// A dealbreaker raised, with its dated evidence.
#[derive(Debug, Clone, Serialize)]
pub struct FlagRow {
    pub client: String,
    pub code: &'static str,
    pub title: &'static str,
    pub evidence: Vec<String>,
}

impl FlagRow {
    pub fn of_card(c: &Scorecard) -> Vec<FlagRow> {
        c.flags
            .iter()
            .map(|f| FlagRow {
                client: c.name.clone(),
                code: f.code.code(),
                title: crate::words::say::dealbreaker(f.code),
                evidence: f
                    .evidence
                    .iter()
                    .map(crate::words::say::flag_evidence)
                    .collect(),
            })
            .collect()
    }
}

/// One measure's ranking: the headline numbers and every client, highest first.
#[derive(Debug, Clone, Serialize)]
pub struct ParetoSide {
    pub measure: Measure,
    /// Integer cents for revenue, hours for hours, points for stress.
    pub total: Value,
    pub clients_measured: usize,
    pub vital_few_count: usize,
    pub vital_few_share_of_clients: f64,
    pub top_client_share: f64,
    pub top5_share: f64,
    pub headline: String,
    pub clients: Vec<ParetoEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParetoEntry {
    pub client: String,
    pub value: Value,
    pub share: f64,
    pub cumulative_share: f64,
    pub vital_few: bool,
    pub r1_candidate: bool,
    /// The value as a number, for the Markdown.
    #[serde(skip)]
    pub raw: f64,
}

fn measure_value(m: Measure, v: f64) -> Value {
    match m {
        Measure::Revenue | Measure::Tickets => json!(v.round() as i64),
        _ => json!(round4(v)),
    }
}

impl ParetoSide {
    pub fn of(p: &Pareto, r1: &[ClientId]) -> Self {
        Self {
            measure: p.measure,
            total: measure_value(p.measure, p.total),
            clients_measured: p.rows.len(),
            vital_few_count: p.vital_few_count,
            vital_few_share_of_clients: round4(p.vital_few_share_of_clients),
            top_client_share: round4(p.top_client_share),
            top5_share: round4(p.top5_share),
            headline: crate::tui::screens::pareto::headline(p),
            clients: p
                .rows
                .iter()
                .map(|r| ParetoEntry {
                    client: r.client.clone(),
                    value: measure_value(p.measure, r.value),
                    share: round4(r.share),
                    cumulative_share: round4(r.cumulative_share),
                    vital_few: r.vital_few,
                    r1_candidate: r1.contains(&r.id),
                    raw: r.value,
                })
                .collect(),
        }
    }
}

/// A decision from the log.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionRow {
    pub client: String,
    pub decided_on: NaiveDate,
    pub proposed_outcome: &'static str,
    pub chosen_outcome: &'static str,
    /// The chosen outcome in words.
    pub outcome: &'static str,
    /// A line of why, as the Decisions screen says it.
    pub why: String,
    pub override_reason: Option<String>,
    pub review_on: Option<NaiveDate>,
    pub proposed_mrr_cents: Option<i64>,
    pub end_on: Option<NaiveDate>,
    pub notice_by: Option<NaiveDate>,
}

impl DecisionRow {
    pub fn of(d: &Decision, currency: &str) -> Self {
        Self {
            client: d.name.clone(),
            decided_on: d.decided_on,
            proposed_outcome: d.proposed.key(),
            chosen_outcome: d.chosen.key(),
            outcome: crate::words::say::outcome(d.chosen),
            why: crate::words::say::decision_why(d, currency),
            override_reason: d.override_reason.clone(),
            review_on: d.review_on,
            proposed_mrr_cents: d.proposed_mrr.map(|c| c.0),
            end_on: d.exit.and_then(|e| e.end_on),
            notice_by: d.exit.and_then(|e| e.notice_by),
        }
    }
}

/// Something coming up.
#[derive(Debug, Clone, Serialize)]
pub struct UpcomingRow {
    pub on: Option<NaiveDate>,
    /// Days from the as-of date (negative: overdue).
    pub days: Option<i64>,
    pub due: Due,
    pub client: String,
    /// What it is, in words.
    pub what: &'static str,
    pub detail: String,
}

impl UpcomingRow {
    pub fn of(u: &Upcoming, as_of: NaiveDate) -> Self {
        Self {
            on: u.on,
            days: u.days_from(as_of),
            due: u.due,
            client: u.name.clone(),
            what: crate::words::say::due(u.due),
            detail: crate::words::say::upcoming_detail(&u.detail),
        }
    }
}

/// The client's evidence: the card's figures, and when each kind was last logged.
pub fn evidence(
    card: Option<&Scorecard>,
    records: &[EventRecord],
    as_of: NaiveDate,
    window_days: u32,
) -> Evidence {
    let mut last = LastLogged::default();
    let later = |slot: &mut Option<NaiveDate>, d: NaiveDate| {
        if d <= as_of && slot.is_none_or(|s| d > s) {
            *slot = Some(d);
        }
    };
    // Incidents count over the 365 days ending on the as-of date, as the scorecard counts
    // them (see `Metrics::incidents`).
    let year_ago = as_of.checked_sub_days(Days::new(364)).unwrap_or(as_of);
    let mut incident_log = Vec::new();
    for r in records {
        match r {
            EventRecord::Ticket(t) => later(&mut last.ticket, t.opened_on),
            EventRecord::Invoice(i) => {
                later(&mut last.invoice, i.issued_on);
                if let Some(p) = i.paid_on {
                    later(&mut last.payment, p);
                }
            }
            EventRecord::Time(t) => later(&mut last.time, t.worked_on),
            EventRecord::Recommendation(r) => later(&mut last.recommendation, r.made_on),
            EventRecord::Incident(i) => {
                later(&mut last.incident, i.occurred_on);
                if i.occurred_on >= year_ago && i.occurred_on <= as_of {
                    incident_log.push(IncidentRow {
                        on: i.occurred_on,
                        kind: i.kind,
                        note: i.note.clone(),
                    });
                }
            }
        }
    }
    incident_log.sort_by_key(|i| std::cmp::Reverse(i.on));
    let Some(c) = card else {
        return Evidence {
            window_days,
            last,
            incident_log,
            ..Evidence::default()
        };
    };
    let m = &c.metrics;
    Evidence {
        window_days,
        tickets_opened: m.tickets_opened,
        tickets_reopened: m.tickets_reopened,
        escalations: m.escalations,
        admin_requests: m.admin_requests,
        hours: (m.hours * 100.0).round() / 100.0,
        revenue_cents: m.revenue_cents,
        revenue_from_mrr: m.revenue_from_mrr,
        effective_rate_cents: m.effective_rate_cents,
        margin_pct: m.margin_pct.map(round4),
        avg_days_to_pay: m.avg_days_to_pay.map(round4),
        late_payments: m.late_payments,
        disputed_invoices: m.disputed_invoices,
        implemented_recommendations: m.implemented_recommendations,
        ignored_recommendations: m.ignored_recommendations,
        incidents: m.incidents,
        staff_votes: m.staff_votes,
        last,
        incident_log,
    }
}
