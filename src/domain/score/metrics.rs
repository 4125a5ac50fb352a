//! The guide's criteria (O1) measured for one client on one day: exact counts and averages
//! over the window W (the `window_days` days ending on and including the as-of date).

use serde::Serialize;

use super::facts::{ClientFacts, Day};
use super::rules::MetricKey;
use crate::domain::IncidentKind;

/// Incidents per kind in the 365 days ending on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct IncidentCounts {
    pub abuse: u32,
    pub disrespect: u32,
    pub security: u32,
    pub unreasonable_demand: u32,
    pub other: u32,
}

impl IncidentCounts {
    pub fn get(&self, k: IncidentKind) -> u32 {
        match k {
            IncidentKind::Abuse => self.abuse,
            IncidentKind::Disrespect => self.disrespect,
            IncidentKind::Security => self.security,
            IncidentKind::UnreasonableDemand => self.unreasonable_demand,
            IncidentKind::Other => self.other,
        }
    }

    fn bump(&mut self, k: IncidentKind) {
        match k {
            IncidentKind::Abuse => self.abuse += 1,
            IncidentKind::Disrespect => self.disrespect += 1,
            IncidentKind::Security => self.security += 1,
            IncidentKind::UnreasonableDemand => self.unreasonable_demand += 1,
            IncidentKind::Other => self.other += 1,
        }
    }
}

/// A client's metrics on one day. `None` means "no data", which is never scored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics {
    pub tickets_opened: u32,
    pub tickets_reopened: u32,
    pub reopen_rate: Option<f64>,
    pub admin_requests: u32,
    pub escalations: u32,
    pub disputed_invoices: u32,
    pub avg_days_to_pay: Option<f64>,
    pub late_payments: u32,
    pub revenue_cents: i64,
    /// No invoice was recorded by the as-of date, so revenue is MRR x window / 30.
    pub revenue_from_mrr: bool,
    pub hours: f64,
    pub margin_pct: Option<f64>,
    pub effective_rate_cents: Option<i64>,
    pub implemented_recommendations: u32,
    pub ignored_recommendations: u32,
    pub ignored_ratio: Option<f64>,
    pub incidents: IncidentCounts,
    /// Staff members who named the client in the latest gut check; None without one.
    pub staff_votes: Option<u32>,
    /// Whether the client has any ticket, invoice or time entry recorded by the as-of date:
    /// without it, a zero count is no data, not a good sign.
    pub has_tickets: bool,
    pub has_invoices: bool,
    pub has_time: bool,
    /// Whether anything the score measures happened in the window itself (see
    /// [`ClientFacts::has_evidence_between`]): without it there is no score at all.
    pub has_evidence: bool,
    /// For the size-fair rates: seats (at least 1) and months (window / 30).
    pub seats: u32,
    pub months: f64,
}

/// What a client's work costs: an hour of labour, and the tooling per seat per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Costs {
    pub hourly_cents: i64,
    pub tooling_per_seat_cents: i64,
}

impl From<i64> for Costs {
    /// Labour only, no tooling.
    fn from(hourly_cents: i64) -> Costs {
        Costs {
            hourly_cents,
            tooling_per_seat_cents: 0,
        }
    }
}

/// Measures one client on `as_of`.
pub fn measure(
    f: &ClientFacts,
    as_of: Day,
    window_days: u32,
    costs: impl Into<Costs>,
    gut_check_year: Option<i32>,
) -> Metrics {
    let costs: Costs = costs.into();
    let window = i32::try_from(window_days.max(1)).unwrap_or(i32::MAX);
    let from = as_of - (window - 1);
    let year_from = as_of - 364;
    let mut m = Metrics {
        seats: f.seats.max(1),
        months: f64::from(window_days.max(1)) / 30.0,
        has_tickets: f.tallies.has_tickets_by(as_of),
        has_time: f.tallies.has_time_by(as_of),
        has_evidence: f.has_evidence_between(from, as_of),
        ..Metrics::default()
    };

    let t = f.tallies.between(from, as_of);
    m.tickets_opened = t.tickets;
    m.tickets_reopened = t.reopened;
    m.admin_requests = t.admin;
    m.escalations = t.escalated;
    m.reopen_rate = (t.tickets > 0).then(|| f64::from(t.reopened) / f64::from(t.tickets));
    m.hours = f64::from(t.minutes) / 60.0;

    // Invoices: those issued in W; lateness and waiting as known on as_of.
    m.has_invoices = f.invoices.first().is_some_and(|i| i.issued <= as_of);
    let mut waited = 0i64;
    let mut counted = 0i64;
    for inv in f.invoices_between(from, as_of) {
        m.revenue_cents += inv.amount_cents;
        m.disputed_invoices += u32::from(inv.disputed);
        m.late_payments += u32::from(inv.late_at(as_of));
        match inv.paid {
            Some(p) if p <= as_of => {
                waited += i64::from(p - inv.issued);
                counted += 1;
            }
            _ if inv.due < as_of => {
                waited += i64::from(as_of - inv.issued);
                counted += 1;
            }
            _ => {}
        }
    }
    m.avg_days_to_pay = (counted > 0).then(|| waited as f64 / counted as f64);
    if !m.has_invoices {
        m.revenue_from_mrr = true;
        m.revenue_cents = f.mrr.0 * i64::from(window_days) / 30;
    }
    // Without a labour cost (config) the margin is unknown, not 100%. The tooling is paid
    // per seat per month, over the window's months.
    if m.revenue_cents != 0 && m.has_time && costs.hourly_cents > 0 {
        let tooling = f64::from(f.seats) * costs.tooling_per_seat_cents as f64 * m.months;
        let cost = m.hours * costs.hourly_cents as f64 + tooling;
        m.margin_pct = Some((m.revenue_cents as f64 - cost) / m.revenue_cents as f64 * 100.0);
    }
    if t.minutes > 0 {
        m.effective_rate_cents = Some((m.revenue_cents as f64 / m.hours).round() as i64);
    }

    // Recommendations decided and incidents in the 365 days ending on as_of.
    let lo = f.decisions.partition_point(|d| d.decided < year_from);
    let hi = f.decisions.partition_point(|d| d.decided <= as_of);
    for d in &f.decisions[lo..hi] {
        if d.ignored {
            m.ignored_recommendations += 1;
        } else {
            m.implemented_recommendations += 1;
        }
    }
    let decided = m.implemented_recommendations + m.ignored_recommendations;
    m.ignored_ratio =
        (decided > 0).then(|| f64::from(m.ignored_recommendations) / f64::from(decided));
    let lo = f.incidents.partition_point(|i| i.day < year_from);
    let hi = f.incidents.partition_point(|i| i.day <= as_of);
    for i in &f.incidents[lo..hi] {
        m.incidents.bump(i.kind);
    }

    m.staff_votes = gut_check_year.map(|y| {
        f.votes
            .iter()
            .filter(|(year, _)| *year == y)
            .map(|(_, n)| *n)
            .sum()
    });
    m
}

impl Metrics {
    /// The raw value behind a scored metric, as shown on the card.
    pub fn raw(&self, k: MetricKey) -> Option<f64> {
        match k {
            MetricKey::TicketsOpened => Some(f64::from(self.tickets_opened)),
            MetricKey::ReopenRate => self.reopen_rate,
            MetricKey::AdminRequests => Some(f64::from(self.admin_requests)),
            MetricKey::Escalations => Some(f64::from(self.escalations)),
            MetricKey::DisputedInvoices => Some(f64::from(self.disputed_invoices)),
            MetricKey::AvgDaysToPay => self.avg_days_to_pay,
            MetricKey::MarginPct => self.margin_pct,
            MetricKey::IgnoredRatio => self.ignored_ratio,
            MetricKey::StaffVotes => self.staff_votes.map(f64::from),
        }
    }

    /// The value that is scored: size-fair for counts (per seat per month, per month), the
    /// raw value for rates and averages; None when there is no data for it.
    pub fn normalized(&self, k: MetricKey) -> Option<f64> {
        let per_seat_month = |n: u32| f64::from(n) / f64::from(self.seats) / self.months;
        match k {
            MetricKey::TicketsOpened => self
                .has_tickets
                .then(|| per_seat_month(self.tickets_opened)),
            MetricKey::AdminRequests => self
                .has_tickets
                .then(|| per_seat_month(self.admin_requests)),
            MetricKey::Escalations => self
                .has_tickets
                .then(|| f64::from(self.escalations) / self.months),
            MetricKey::DisputedInvoices => self
                .has_invoices
                .then_some(f64::from(self.disputed_invoices)),
            MetricKey::ReopenRate
            | MetricKey::AvgDaysToPay
            | MetricKey::MarginPct
            | MetricKey::IgnoredRatio
            | MetricKey::StaffVotes => self.raw(k),
        }
    }
}
