//! The Pareto view (guide R1, C1): which few clients bring most of the revenue, which few
//! bring most of the work, and what dropping some would do. Pure: measures come from the
//! scoring facts; the date is a parameter.

use serde::Serialize;

use super::ClientId;
use super::score::facts::{ClientFacts, PortfolioFacts, day};
use crate::domain::ClientStatus;

/// What to rank clients by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    Revenue,
    Hours,
    Tickets,
    Stress,
}

impl Measure {
    pub const ALL: [Measure; 4] = [
        Measure::Revenue,
        Measure::Hours,
        Measure::Tickets,
        Measure::Stress,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Measure::Revenue => "revenue",
            Measure::Hours => "hours",
            Measure::Tickets => "tickets",
            Measure::Stress => "stress",
        }
    }

    pub fn parse(s: &str) -> Option<Measure> {
        Self::ALL
            .into_iter()
            .find(|m| m.key() == s.trim().to_ascii_lowercase())
    }

    /// The verb phrase of the headline, for one client or more: "6 of 31 clients (19%)
    /// bring 80% of the revenue", "1 of 1 client (100%) brings ...".
    fn phrase(self, one: bool) -> &'static str {
        match (self, one) {
            (Measure::Revenue, false) => "bring {p} of the revenue",
            (Measure::Revenue, true) => "brings {p} of the revenue",
            (Measure::Hours, false) => "take {p} of the hours",
            (Measure::Hours, true) => "takes {p} of the hours",
            (Measure::Tickets, false) => "open {p} of the tickets",
            (Measure::Tickets, true) => "opens {p} of the tickets",
            (Measure::Stress, false) => "cause {p} of the stress",
            (Measure::Stress, true) => "causes {p} of the stress",
        }
    }

    /// A value of this measure for people: money, hours, counts or points.
    pub fn format(self, v: f64, currency: &str) -> String {
        match self {
            Measure::Revenue => crate::domain::Cents(v.round() as i64).display_whole(currency),
            Measure::Hours => format!("{} h", hours_text(v)),
            Measure::Tickets | Measure::Stress => format!("{v:.0}"),
        }
    }

    /// The next measure, for a key that cycles through them.
    pub fn next(self) -> Measure {
        let i = Self::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// Hours to one decimal with thousands separators: "5,398.8".
pub fn hours_text(h: f64) -> String {
    let tenths = (h * 10.0).round() as i64;
    let whole = crate::domain::Cents(tenths / 10 * 100).display_whole("");
    format!("{whole}.{}", (tenths % 10).abs())
}

/// How stress is counted: each ticket, reopened ticket, escalation, incident and staff
/// vote adds this many points.
#[derive(Debug, Clone, PartialEq)]
pub struct StressWeights {
    pub ticket: f64,
    pub reopened: f64,
    pub escalation: f64,
    pub incident: f64,
    pub staff_vote: f64,
}

impl Default for StressWeights {
    fn default() -> Self {
        Self {
            ticket: 1.0,
            reopened: 2.0,
            escalation: 3.0,
            incident: 5.0,
            staff_vote: 5.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParetoRules {
    /// The window: this many days ending on (and including) the as-of date.
    pub window_days: u32,
    /// The vital few are the smallest top group whose cumulative share reaches this.
    pub vital_share: f64,
    /// Warn when one client carries more than this share of revenue (guide C1).
    pub concentration_warning: f64,
    pub stress: StressWeights,
}

impl Default for ParetoRules {
    fn default() -> Self {
        Self {
            window_days: 365,
            vital_share: 0.8,
            concentration_warning: 0.25,
            stress: StressWeights::default(),
        }
    }
}

/// One client's measures over the window.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientMeasures {
    pub client: ClientId,
    pub name: String,
    pub revenue_cents: i64,
    /// No invoice was recorded by the as-of date: revenue is MRR x 12 x window / 365.
    pub revenue_from_mrr: bool,
    pub minutes: u64,
    pub tickets: u32,
    pub stress: f64,
}

impl ClientMeasures {
    pub fn value(&self, m: Measure) -> f64 {
        match m {
            Measure::Revenue => self.revenue_cents as f64,
            Measure::Hours => self.minutes as f64 / 60.0,
            Measure::Tickets => f64::from(self.tickets),
            Measure::Stress => self.stress,
        }
    }
}

/// Measures every active client: prospects bring nothing yet and former clients are gone.
pub fn measures(
    p: &PortfolioFacts,
    as_of: chrono::NaiveDate,
    rules: &ParetoRules,
) -> Vec<ClientMeasures> {
    let gut = p.gut_check_year(as_of);
    p.clients
        .iter()
        .filter(|f| f.status == ClientStatus::Active)
        .map(|f| measure_one(f, day(as_of), rules, gut))
        .collect()
}

fn measure_one(f: &ClientFacts, as_of: i32, r: &ParetoRules, gut: Option<i32>) -> ClientMeasures {
    let window = i32::try_from(r.window_days.max(1)).unwrap_or(i32::MAX);
    let from = as_of - (window - 1);
    let t = f.tallies.between(from, as_of);
    let has_invoices = f.invoices.first().is_some_and(|i| i.issued <= as_of);
    let revenue_cents = if has_invoices {
        let lo = f.invoices.partition_point(|i| i.issued < from);
        let hi = f.invoices.partition_point(|i| i.issued <= as_of);
        f.invoices[lo..hi].iter().map(|i| i.amount_cents).sum()
    } else {
        (f.mrr.0 as i128 * 12 * i128::from(r.window_days) / 365) as i64
    };
    let lo = f.incidents.partition_point(|i| i.day < from);
    let hi = f.incidents.partition_point(|i| i.day <= as_of);
    let incidents = (hi - lo) as f64;
    let votes: u32 = gut.map_or(0, |y| {
        f.votes
            .iter()
            .filter(|(year, _)| *year == y)
            .map(|(_, n)| *n)
            .sum()
    });
    let w = &r.stress;
    let stress = f64::from(t.tickets) * w.ticket
        + f64::from(t.reopened) * w.reopened
        + f64::from(t.escalated) * w.escalation
        + incidents * w.incident
        + f64::from(votes) * w.staff_vote;
    ClientMeasures {
        client: f.id,
        name: f.name.clone(),
        revenue_cents,
        revenue_from_mrr: !has_invoices,
        minutes: u64::from(t.minutes),
        tickets: t.tickets,
        stress,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParetoRow {
    #[serde(skip)]
    pub id: ClientId,
    pub client: String,
    pub value: f64,
    /// Fractions, 0 to 1.
    pub share: f64,
    pub cumulative_share: f64,
    pub vital_few: bool,
}

/// Clients ranked by one measure, with shares and the vital few.
#[derive(Debug, Clone, PartialEq)]
pub struct Pareto {
    pub measure: Measure,
    pub total: f64,
    /// Highest first; ties by name.
    pub rows: Vec<ParetoRow>,
    pub vital_few_count: usize,
    pub vital_few_share_of_clients: f64,
    pub top_client_share: f64,
    pub top5_share: f64,
    pub vital_share: f64,
}

/// Ranks clients by `m`. The vital few are the smallest top group whose cumulative share
/// reaches `vital_share`; with nothing to share (a total of 0) there are none.
pub fn pareto(ms: &[ClientMeasures], m: Measure, vital_share: f64) -> Pareto {
    let mut ranked: Vec<&ClientMeasures> = ms.iter().collect();
    ranked.sort_by(|a, b| {
        b.value(m)
            .total_cmp(&a.value(m))
            .then_with(|| crate::domain::identity::name_order(&a.name, &b.name))
    });
    // Folded from +0.0: an empty f64 sum is -0.0, which would print as "-0".
    let total: f64 = ranked
        .iter()
        .map(|c| c.value(m).max(0.0))
        .fold(0.0, |a, b| a + b);
    // Shares come from running sums of values, so they add up without drift.
    let mut running = 0.0;
    let mut reached = total <= 0.0;
    let mut vital = 0;
    let rows: Vec<ParetoRow> = ranked
        .iter()
        .map(|c| {
            let v = c.value(m).max(0.0);
            let share = if total > 0.0 { v / total } else { 0.0 };
            running += v;
            let cumulative = if total > 0.0 { running / total } else { 0.0 };
            let in_vital = !reached;
            if in_vital {
                vital += 1;
                reached = cumulative + 1e-9 >= vital_share;
            }
            ParetoRow {
                id: c.client,
                client: c.name.clone(),
                value: c.value(m),
                share,
                cumulative_share: cumulative.min(1.0),
                vital_few: in_vital,
            }
        })
        .collect();
    let top_client_share = rows.first().map_or(0.0, |r| r.share);
    let top5: f64 = ranked.iter().take(5).map(|c| c.value(m).max(0.0)).sum();
    let top5_share = if total > 0.0 { top5 / total } else { 0.0 };
    let n = rows.len();
    Pareto {
        measure: m,
        total,
        vital_few_count: vital,
        vital_few_share_of_clients: if n > 0 { vital as f64 / n as f64 } else { 0.0 },
        top_client_share,
        top5_share,
        vital_share,
        rows,
    }
}

impl Pareto {
    /// "6 of 31 clients (19%) bring 80% of the revenue".
    pub fn headline(&self) -> String {
        let n = self.rows.len();
        if n == 0 {
            return "no clients yet".to_string();
        }
        let plural = if n == 1 { "" } else { "s" };
        if self.total <= 0.0 {
            return format!(
                "none of {n} client{plural} has any {} in this window",
                self.measure.key()
            );
        }
        let pct = format!("{:.0}%", self.vital_share * 100.0);
        format!(
            "{} of {n} client{plural} ({:.0}%) {}",
            self.vital_few_count,
            self.vital_few_share_of_clients * 100.0,
            self.measure
                .phrase(self.vital_few_count == 1)
                .replace("{p}", &pct)
        )
    }

    /// Guide C1: the top client, when it carries more than `limit` of the total.
    pub fn concentration(&self, limit: f64) -> Option<&ParetoRow> {
        self.rows.first().filter(|top| top.share > limit)
    }

    pub fn is_vital(&self, id: ClientId) -> bool {
        self.rows.iter().any(|r| r.id == id && r.vital_few)
    }
}

/// Guide R1: clients in the vital few for stress or hours but not for revenue.
pub fn r1_candidates(ms: &[ClientMeasures], vital_share: f64) -> Vec<ClientId> {
    let revenue = pareto(ms, Measure::Revenue, vital_share);
    let hours = pareto(ms, Measure::Hours, vital_share);
    let stress = pareto(ms, Measure::Stress, vital_share);
    ms.iter()
        .map(|c| c.client)
        .filter(|&id| (stress.is_vital(id) || hours.is_vital(id)) && !revenue.is_vital(id))
        .collect()
}

/// Where a client sits on the value/effort map: big or small (its share of the revenue
/// against an even share, 1 of N clients), and earning at, above or below the portfolio's
/// rate per hour (its share of the revenue against its share of the hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Quadrant {
    /// Big, and earning at or above the portfolio's rate: the clients to keep.
    WorthIt,
    /// Big, but earning below the portfolio's rate: valuable, but the work needs paying
    /// for (H1, raise the rate).
    Reprice,
    /// Small, earning at or above the portfolio's rate: room to grow.
    Grow,
    /// Small and earning below the portfolio's rate: they take more than they bring (R1).
    LetGo,
}

impl Quadrant {
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::WorthIt => "worth it",
            Quadrant::Reprice => "reprice",
            Quadrant::Grow => "grow",
            Quadrant::LetGo => "let go?",
        }
    }

    /// The quadrant of a client this big and earning this well against the portfolio.
    pub fn of(big: bool, earns_the_rate: bool) -> Quadrant {
        match (big, earns_the_rate) {
            (true, true) => Quadrant::WorthIt,
            (true, false) => Quadrant::Reprice,
            (false, true) => Quadrant::Grow,
            (false, false) => Quadrant::LetGo,
        }
    }
}

/// One client on the value/effort map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    pub client: ClientId,
    /// Its share of the portfolio's revenue (0 to 1): its size.
    pub revenue_share: f64,
    /// Its share of the portfolio's hours (0 to 1).
    pub hours_share: f64,
    /// Its revenue per hour against the portfolio's (revenue share / hours share): 1 earns
    /// the portfolio's rate, 2 twice it. None without hours logged (no work to pay for) or
    /// without revenue in the portfolio.
    pub relative_rate: Option<f64>,
    /// Its revenue per hour worked, in cents; None without hours.
    pub rate_cents: Option<i64>,
    pub quadrant: Quadrant,
}

/// The value/effort map: every client, and the share of revenue from which a client is big.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueEffort {
    /// An even share of the revenue, 1 of N clients: at or above it a client is big.
    pub big_from: f64,
    /// The portfolio's revenue per hour worked, in cents; None without hours.
    pub rate_cents: Option<i64>,
    pub points: Vec<MapPoint>,
}

/// Places every client: big when its revenue share is at least an even share; earning the
/// portfolio's rate when its revenue share is at least its hours share (worked out in whole
/// cents and minutes, so a client exactly on the portfolio's rate counts as earning it). A
/// client without hours earns at least the rate; with no revenue in the portfolio at all,
/// nobody is big.
pub fn value_effort(ms: &[ClientMeasures]) -> ValueEffort {
    let rev: i128 = ms.iter().map(|c| i128::from(c.revenue_cents.max(0))).sum();
    let minutes: i128 = ms.iter().map(|c| i128::from(c.minutes)).sum();
    let n = ms.len() as i128;
    let points = ms
        .iter()
        .map(|c| {
            let r = i128::from(c.revenue_cents.max(0));
            let h = i128::from(c.minutes);
            let share = |part: i128, whole: i128| {
                if whole > 0 {
                    part as f64 / whole as f64
                } else {
                    0.0
                }
            };
            let (revenue_share, hours_share) = (share(r, rev), share(h, minutes));
            // r / rev >= 1 / n, and r / rev >= h / minutes, without dividing.
            let big = rev > 0 && r * n >= rev;
            let earns_the_rate = r * minutes >= h * rev;
            MapPoint {
                client: c.client,
                revenue_share,
                hours_share,
                relative_rate: (h > 0 && rev > 0).then(|| revenue_share / hours_share),
                rate_cents: per_hour(r, h),
                quadrant: Quadrant::of(big, earns_the_rate),
            }
        })
        .collect();
    ValueEffort {
        big_from: if ms.is_empty() {
            0.0
        } else {
            1.0 / ms.len() as f64
        },
        rate_cents: per_hour(rev, minutes),
        points,
    }
}

/// Cents per hour from cents and minutes, rounded; None without minutes.
fn per_hour(cents: i128, minutes: i128) -> Option<i64> {
    (minutes > 0).then(|| (cents as f64 * 60.0 / minutes as f64).round() as i64)
}

/// A portfolio's totals over the window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    pub clients: usize,
    pub revenue_cents: i64,
    pub hours: f64,
    /// Hours times the configured labour cost; none (unknown, not zero) without one.
    pub labour_cost_cents: Option<i64>,
    /// (revenue - labour cost) / revenue x 100; none without revenue or a labour cost.
    pub margin_pct: Option<f64>,
    /// Revenue per hour worked; none without hours.
    pub effective_rate_cents: Option<i64>,
    /// The largest client's share of revenue (0 to 1); none without revenue.
    pub largest_client_share: Option<f64>,
}

/// Before and after dropping some clients. A scenario, never a change to the data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    pub dropped: Vec<String>,
    pub before: Totals,
    pub after: Totals,
    /// The share of revenue the dropped clients carry (0 to 1).
    pub dropped_revenue_share: f64,
}

pub fn totals<'a>(
    ms: impl IntoIterator<Item = &'a ClientMeasures>,
    hourly_cost_cents: i64,
) -> Totals {
    let list: Vec<&ClientMeasures> = ms.into_iter().collect();
    let revenue_cents: i64 = list.iter().map(|c| c.revenue_cents).sum();
    let minutes: u64 = list.iter().map(|c| c.minutes).sum();
    let hours = minutes as f64 / 60.0;
    // Without a labour cost (config) the cost is unknown, not zero, and so is the margin
    // (not 100%).
    let labour_cost_cents = (hourly_cost_cents > 0)
        .then(|| (minutes as i128 * i128::from(hourly_cost_cents) / 60) as i64);
    let largest = list.iter().map(|c| c.revenue_cents).max().unwrap_or(0);
    Totals {
        clients: list.len(),
        revenue_cents,
        hours,
        labour_cost_cents,
        margin_pct: labour_cost_cents
            .filter(|_| revenue_cents > 0)
            .map(|cost| (revenue_cents - cost) as f64 / revenue_cents as f64 * 100.0),
        effective_rate_cents: (minutes > 0).then(|| (revenue_cents as f64 / hours).round() as i64),
        largest_client_share: (revenue_cents > 0).then(|| largest as f64 / revenue_cents as f64),
    }
}

pub fn what_if(ms: &[ClientMeasures], dropped: &[ClientId], hourly_cost_cents: i64) -> WhatIf {
    let before = totals(ms, hourly_cost_cents);
    let after = totals(
        ms.iter().filter(|c| !dropped.contains(&c.client)),
        hourly_cost_cents,
    );
    let gone: i64 = ms
        .iter()
        .filter(|c| dropped.contains(&c.client))
        .map(|c| c.revenue_cents)
        .sum();
    WhatIf {
        dropped: ms
            .iter()
            .filter(|c| dropped.contains(&c.client))
            .map(|c| c.name.clone())
            .collect(),
        dropped_revenue_share: if before.revenue_cents > 0 {
            gone as f64 / before.revenue_cents as f64
        } else {
            0.0
        },
        before,
        after,
    }
}

#[cfg(test)]
mod tests;
