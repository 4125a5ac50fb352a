//! A client's scorecard: the score and grade, each metric's part in it, the dealbreakers,
//! a year of trend, the alert and the reasons, in words.

use chrono::{Datelike, Months, NaiveDate};

use super::facts::{ClientFacts, PortfolioFacts, day};
use super::flags::{Flag, dealbreakers};
use super::metrics::{Costs, Metrics, measure};
use super::rules::{Band, Grade, MetricKey, Rules};
use super::scored::{NoScore, no_score};
use crate::domain::{ClientId, ClientStatus};

/// How many points the trend has: the as-of date and the 11 month-ends before it.
pub const TREND_POINTS: usize = 12;

/// One scored metric's share in the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub key: MetricKey,
    /// The raw value (a count, a rate, days, a percentage); None without data.
    pub value: Option<f64>,
    /// The value that is scored (size-fair for counts); None without data.
    pub normalized: Option<f64>,
    /// 0 to 100; None when the metric is left out.
    pub subscore: Option<f64>,
    /// The configured weight; its share of the score is weight / the sum of the weights of
    /// the metrics that have data.
    pub weight: f64,
}

/// A score with each metric's contribution, which add up to it exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: Option<f64>,
    pub parts: Vec<Part>,
}

impl Scored {
    /// The sum of the weights of the metrics that have data: what each share is out of.
    fn weight_total(&self) -> f64 {
        self.parts
            .iter()
            .filter(|p| p.subscore.is_some())
            .map(|p| p.weight)
            .sum()
    }

    /// Points each metric adds to the score (its weight share times its sub-score).
    pub fn contributions(&self) -> Vec<(MetricKey, f64)> {
        let total = self.weight_total();
        self.parts
            .iter()
            .map(|p| match p.subscore {
                Some(s) if total > 0.0 => (p.key, p.weight / total * s),
                _ => (p.key, 0.0),
            })
            .collect()
    }

    /// Points each metric costs: what a perfect sub-score would have added.
    pub fn losses(&self) -> Vec<(MetricKey, f64)> {
        let total = self.weight_total();
        self.parts
            .iter()
            .filter_map(|p| {
                let s = p.subscore?;
                (total > 0.0).then(|| (p.key, p.weight / total * (100.0 - s)))
            })
            .collect()
    }
}

/// The weighted mean of the sub-scores that have data. A metric without data is left out
/// and its weight shared among the others; a client that [`no_score`] excludes (a former
/// client, or nothing logged in the window) has no score and no sub-scores.
pub fn score(m: &Metrics, status: ClientStatus, rules: &Rules) -> Scored {
    let scored = no_score(status, m).is_none();
    let parts: Vec<Part> = MetricKey::ALL
        .iter()
        .map(|&key| {
            let normalized = m.normalized(key);
            Part {
                key,
                value: m.raw(key),
                normalized,
                subscore: normalized
                    .filter(|_| scored)
                    .map(|v| rules.threshold(key).subscore(v)),
                weight: rules.weight(key),
            }
        })
        .collect();
    let (sum, weights) = parts
        .iter()
        .filter_map(|p| p.subscore.map(|s| (s * p.weight, p.weight)))
        .fold((0.0, 0.0), |(a, b), (s, w)| (a + s, b + w));
    let score = (scored && weights > 0.0).then(|| (sum / weights).clamp(0.0, 100.0));
    Scored { score, parts }
}

/// Why the score moved since an earlier date: the change and each metric's part in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub since: NaiveDate,
    pub delta: f64,
    /// Metrics that moved the score, biggest effect first; they add up to `delta`.
    pub parts: Vec<(MetricKey, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub client: ClientId,
    pub name: String,
    pub as_of: NaiveDate,
    pub window_days: u32,
    pub metrics: Metrics,
    pub scored: Scored,
    /// Why there is no score on the as-of date, if there is none.
    pub no_score: Option<NoScore>,
    pub grade: Option<Grade>,
    pub band: Option<Band>,
    pub flags: Vec<Flag>,
    /// Oldest first; the last is the as-of date.
    pub trend: [Option<f64>; TREND_POINTS],
    pub trend_dates: [NaiveDate; TREND_POINTS],
    /// The drop in points that raised the alert, against `change.since`.
    pub alert: Option<f64>,
    /// The metrics that cost the most points, worst first (at most three).
    pub reasons: Vec<(MetricKey, f64)>,
    pub change: Option<Change>,
}

impl Scorecard {
    pub fn score(&self) -> Option<f64> {
        self.scored.score
    }
}

/// The as-of date and the 11 month-ends before it, oldest first.
pub fn trend_dates(as_of: NaiveDate) -> [NaiveDate; TREND_POINTS] {
    let first_of_month = as_of.with_day(1).unwrap_or(as_of);
    let mut dates = [as_of; TREND_POINTS];
    for k in 1..TREND_POINTS {
        // The last day of the month k months back: the day before the first of the month after.
        let month_end = first_of_month
            .checked_sub_months(Months::new(k as u32 - 1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(as_of);
        dates[TREND_POINTS - 1 - k] = month_end;
    }
    dates
}

/// Scores one client on one day, with trend, alert, reasons and dealbreakers.
pub fn evaluate(
    f: &ClientFacts,
    portfolio: &PortfolioFacts,
    as_of: NaiveDate,
    rules: &Rules,
) -> Scorecard {
    let measure_on = |d: NaiveDate| {
        measure(
            f,
            day(d),
            rules.window_days,
            Costs {
                hourly_cents: rules.hourly_cost_cents,
                tooling_per_seat_cents: rules.tooling_per_seat_cents,
            },
            portfolio.gut_check_year(d),
        )
    };
    let metrics = measure_on(as_of);
    let scored = score(&metrics, f.status, rules);
    let dates = trend_dates(as_of);
    let mut trend = [None; TREND_POINTS];
    let mut then_scored = None;
    let back = rules.alert_months.clamp(1, TREND_POINTS - 1);
    for (i, d) in dates.iter().enumerate() {
        if i == TREND_POINTS - 1 {
            trend[i] = scored.score;
        } else {
            let s = score(&measure_on(*d), f.status, rules);
            trend[i] = s.score;
            if i == TREND_POINTS - 1 - back {
                then_scored = Some(s);
            }
        }
    }
    let change = match (&then_scored, scored.score) {
        (Some(then), Some(now)) if then.score.is_some() => {
            let before = then.contributions();
            let after = scored.contributions();
            let mut parts: Vec<(MetricKey, f64)> = after
                .iter()
                .zip(&before)
                .map(|((k, a), (_, b))| (*k, a - b))
                .filter(|(_, d)| d.abs() > 1e-9)
                .collect();
            parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            Some(Change {
                since: dates[TREND_POINTS - 1 - back],
                delta: now - then.score.unwrap_or(now),
                parts,
            })
        }
        _ => None,
    };
    let alert = change
        .as_ref()
        .map(|c| -c.delta)
        .filter(|drop| *drop >= rules.alert_drop);
    let mut reasons: Vec<(MetricKey, f64)> = scored
        .losses()
        .into_iter()
        .filter(|(_, lost)| *lost >= 0.5)
        .collect();
    reasons.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    reasons.truncate(3);
    Scorecard {
        client: f.id,
        name: f.name.clone(),
        as_of,
        window_days: rules.window_days,
        grade: scored.score.map(Grade::of),
        band: scored.score.map(Band::of),
        flags: dealbreakers(f, day(as_of), &rules.dealbreakers),
        no_score: no_score(f.status, &metrics),
        metrics,
        scored,
        trend,
        trend_dates: dates,
        alert,
        reasons,
        change,
    }
}

/// Scores every client of the portfolio.
pub fn evaluate_all(p: &PortfolioFacts, as_of: NaiveDate, rules: &Rules) -> Vec<Scorecard> {
    p.clients
        .iter()
        .map(|f| evaluate(f, p, as_of, rules))
        .collect()
}

/// A reason in words: "avg days to pay 52, bad at 45 (-12 points)".
pub fn reason_text(card: &Scorecard, key: MetricKey, lost: f64, rules: &Rules) -> String {
    let t = rules.threshold(key);
    let v = card
        .scored
        .parts
        .iter()
        .find(|p| p.key == key)
        .and_then(|p| p.normalized)
        .unwrap_or(0.0);
    format!(
        "{} {}, bad at {} (-{:.0} point{})",
        key.label(),
        number(v),
        number(t.bad),
        lost,
        if lost.round() == 1.0 { "" } else { "s" }
    )
}

/// A change in whole points, cut toward zero like the scores: a fall of 9.6 reads "-9", so
/// it never looks like the 10 points that raise an alert; "0" rather than "-0".
pub fn change_text(delta: f64) -> String {
    let whole = delta.trunc();
    if whole == 0.0 {
        "0".to_string()
    } else {
        format!("{whole:+.0}")
    }
}

/// `total` and its `parts` in tenths, the parts rounded so they add up to the rounded total
/// (largest remainder): a change of -6.2 never reads as parts of -3.2 and -3.1.
pub fn tenths(total: f64, parts: &[f64]) -> (i64, Vec<i64>) {
    let total = (total * 10.0).round() as i64;
    let mut shown: Vec<i64> = parts.iter().map(|p| (p * 10.0).floor() as i64).collect();
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    let remainder = |i: usize| parts[i] * 10.0 - (parts[i] * 10.0).floor();
    by_remainder.sort_by(|&a, &b| remainder(b).total_cmp(&remainder(a)));
    let missing = total - shown.iter().sum::<i64>();
    let n = by_remainder.len();
    if n > 0 {
        for k in 0..missing.unsigned_abs() as usize {
            if missing > 0 {
                shown[by_remainder[k % n]] += 1;
            } else {
                shown[by_remainder[n - 1 - k % n]] -= 1;
            }
        }
    }
    (total, shown)
}

/// A score in whole points reached, rounded down: 69.9 shows as 69, a C, never as a 70
/// that would read as a B.
pub fn points(score: f64) -> i64 {
    (score + 1e-9).floor() as i64
}

/// A number for reading: whole when whole, else one decimal from 10 up and two below,
/// without trailing zeros (1.5, 0.25, 52.3).
pub fn number(v: f64) -> String {
    let s = if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".to_string() } else { s }
}

/// The trend as a one-line chart: ▁ (0) to █ (100), · where there was no score.
pub fn sparkline(trend: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    trend
        .iter()
        .map(|t| match t {
            Some(s) => BARS[((s / 100.0 * 7.0).round() as usize).min(7)],
            None => '·',
        })
        .collect()
}

/// Best first: by score (no score last), then by name as a person reads a list.
pub fn rank(cards: &mut [Scorecard]) {
    let by_name =
        |a: &Scorecard, b: &Scorecard| crate::domain::identity::name_order(&a.name, &b.name);
    cards.sort_by(|a, b| match (a.score(), b.score()) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| by_name(a, b)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => by_name(a, b),
    });
}
