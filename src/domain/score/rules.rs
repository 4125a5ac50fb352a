//! The numbers that turn metrics into a score (guide O1): a good and a bad threshold and a
//! weight per scored metric, the grade and band cut-offs, the alert, and the dealbreakers.
//! Every number here can be changed in config.toml's [scoring] tables.

use serde::Serialize;

/// The metrics that count towards the score, in the order the card lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKey {
    TicketsOpened,
    ReopenRate,
    AdminRequests,
    Escalations,
    DisputedInvoices,
    AvgDaysToPay,
    MarginPct,
    IgnoredRatio,
    StaffVotes,
}

impl MetricKey {
    pub const ALL: [MetricKey; 9] = [
        MetricKey::TicketsOpened,
        MetricKey::ReopenRate,
        MetricKey::AdminRequests,
        MetricKey::Escalations,
        MetricKey::DisputedInvoices,
        MetricKey::AvgDaysToPay,
        MetricKey::MarginPct,
        MetricKey::IgnoredRatio,
        MetricKey::StaffVotes,
    ];

    /// The key in JSON and in config.toml.
    pub fn key(self) -> &'static str {
        match self {
            MetricKey::TicketsOpened => "tickets_opened",
            MetricKey::ReopenRate => "reopen_rate",
            MetricKey::AdminRequests => "admin_requests",
            MetricKey::Escalations => "escalations",
            MetricKey::DisputedInvoices => "disputed_invoices",
            MetricKey::AvgDaysToPay => "avg_days_to_pay",
            MetricKey::MarginPct => "margin_pct",
            MetricKey::IgnoredRatio => "ignored_ratio",
            MetricKey::StaffVotes => "staff_votes",
        }
    }

    /// What the normalised value is, in words: the card's label and the reasons' wording.
    pub fn label(self) -> &'static str {
        match self {
            MetricKey::TicketsOpened => "tickets per seat per month",
            MetricKey::ReopenRate => "reopen rate",
            MetricKey::AdminRequests => "admin requests per seat per month",
            MetricKey::Escalations => "escalations per month",
            MetricKey::DisputedInvoices => "disputed invoices",
            MetricKey::AvgDaysToPay => "avg days to pay",
            MetricKey::MarginPct => "margin %",
            MetricKey::IgnoredRatio => "ignored advice ratio",
            MetricKey::StaffVotes => "staff votes",
        }
    }

    /// A short label for narrow tables.
    pub fn short(self) -> &'static str {
        match self {
            MetricKey::TicketsOpened => "tickets/seat/mo",
            MetricKey::ReopenRate => "reopen rate",
            MetricKey::AdminRequests => "admin/seat/mo",
            MetricKey::Escalations => "escalations/mo",
            MetricKey::DisputedInvoices => "disputed invoices",
            MetricKey::AvgDaysToPay => "days to pay",
            MetricKey::MarginPct => "margin %",
            MetricKey::IgnoredRatio => "advice ignored",
            MetricKey::StaffVotes => "staff votes",
        }
    }

    pub fn from_key(s: &str) -> Option<MetricKey> {
        Self::ALL.into_iter().find(|k| k.key() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where a metric scores 100 (`good`) and 0 (`bad`); linear between. Which way is better
/// follows from which of the two is larger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub good: f64,
    pub bad: f64,
}

impl Threshold {
    pub const fn new(good: f64, bad: f64) -> Self {
        Self { good, bad }
    }

    /// The sub-score of a normalised value, 0 to 100.
    pub fn subscore(self, v: f64) -> f64 {
        let Threshold { good, bad } = self;
        if good == bad {
            return if v <= good { 100.0 } else { 0.0 };
        }
        let t = (v - bad) / (good - bad);
        (t * 100.0).clamp(0.0, 100.0)
    }
}

/// The dealbreakers' thresholds (guide D1-D5), over the 365 days ending on the as-of date
/// unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct DealbreakerRules {
    /// D1: this many abuse incidents.
    pub abuse_incidents: u32,
    /// D2: an ignored ratio at or above this ...
    pub ignored_ratio: f64,
    /// ... over at least this many decided recommendations; or this many disrespect incidents.
    pub ignored_min_decided: u32,
    pub disrespect_incidents: u32,
    /// D3: this many security incidents.
    pub security_incidents: u32,
    /// D4: this many unreasonable-demand incidents.
    pub unreasonable_demands: u32,
    /// D5: this many late payments among invoices due in the last `late_payment_days` ...
    pub late_payments: u32,
    pub late_payment_days: u32,
    /// ... or one invoice more than this many days overdue now.
    pub overdue_days: u32,
    /// D5 strict (one founder's rule): a single late payment is enough.
    pub strict_payments: bool,
}

impl Default for DealbreakerRules {
    fn default() -> Self {
        Self {
            abuse_incidents: 1,
            ignored_ratio: 0.5,
            ignored_min_decided: 3,
            disrespect_incidents: 1,
            security_incidents: 2,
            unreasonable_demands: 2,
            late_payments: 2,
            late_payment_days: 180,
            overdue_days: 30,
            strict_payments: false,
        }
    }
}

/// Everything that turns evidence into a scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// The window W: this many days ending on (and including) the as-of date.
    pub window_days: u32,
    /// What an hour of work costs, in cents (config: costs.hourly_labour_cost).
    pub hourly_cost_cents: i64,
    /// What the tooling (RMM, EDR, backup licences) costs per seat per month, in cents
    /// (config: costs.tooling_per_seat): part of the margin's cost with the hours.
    pub tooling_per_seat_cents: i64,
    pub thresholds: [Threshold; 9],
    pub weights: [f64; 9],
    /// An alert when the score fell this many points or more ...
    pub alert_drop: f64,
    /// ... against this many month-ends earlier.
    pub alert_months: usize,
    pub dealbreakers: DealbreakerRules,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            window_days: 90,
            hourly_cost_cents: 0,
            tooling_per_seat_cents: 0,
            thresholds: [
                Threshold::new(0.5, 2.0),   // tickets per seat per month
                Threshold::new(0.05, 0.25), // reopen rate
                Threshold::new(0.2, 1.0),   // admin requests per seat per month
                Threshold::new(0.0, 2.0),   // escalations per month
                Threshold::new(0.0, 2.0),   // disputed invoices
                Threshold::new(20.0, 45.0), // avg days to pay
                Threshold::new(50.0, 10.0), // margin %
                Threshold::new(0.1, 0.6),   // ignored ratio
                Threshold::new(0.0, 2.0),   // staff votes
            ],
            weights: [1.0, 1.0, 1.0, 1.5, 1.0, 2.0, 2.0, 1.5, 1.0],
            alert_drop: 10.0,
            alert_months: 3,
            dealbreakers: DealbreakerRules::default(),
        }
    }
}

impl Rules {
    pub fn threshold(&self, k: MetricKey) -> Threshold {
        self.thresholds[k.index()]
    }

    pub fn weight(&self, k: MetricKey) -> f64 {
        self.weights[k.index()]
    }
}

/// A school grade from the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
    F,
}

impl Grade {
    /// A >= 85, B >= 70, C >= 55, D >= 40, else F.
    pub fn of(score: f64) -> Grade {
        match score {
            s if s >= 85.0 => Grade::A,
            s if s >= 70.0 => Grade::B,
            s if s >= 55.0 => Grade::C,
            s if s >= 40.0 => Grade::D,
            _ => Grade::F,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::F => "F",
        }
    }
}

/// The traffic-light colour of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Green,
    Amber,
    Red,
}

impl Band {
    /// Green >= 70, amber >= 50, else red.
    pub fn of(score: f64) -> Band {
        match score {
            s if s >= 70.0 => Band::Green,
            s if s >= 50.0 => Band::Amber,
            _ => Band::Red,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Green => "green",
            Band::Amber => "amber",
            Band::Red => "red",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscores_are_linear_between_the_thresholds_either_way_round() {
        let lower_better = Threshold::new(20.0, 60.0);
        assert_eq!(lower_better.subscore(20.0), 100.0);
        assert_eq!(lower_better.subscore(5.0), 100.0);
        assert_eq!(lower_better.subscore(60.0), 0.0);
        assert_eq!(lower_better.subscore(90.0), 0.0);
        assert_eq!(lower_better.subscore(50.0), 25.0);
        let higher_better = Threshold::new(50.0, 10.0);
        assert_eq!(higher_better.subscore(50.0), 100.0);
        assert_eq!(higher_better.subscore(30.0), 50.0);
        assert_eq!(higher_better.subscore(-20.0), 0.0);
        let step = Threshold::new(1.0, 1.0);
        assert_eq!(step.subscore(1.0), 100.0);
        assert_eq!(step.subscore(1.5), 0.0);
    }

    #[test]
    fn grades_and_bands_cut_where_the_guide_says() {
        assert_eq!(Grade::of(85.0), Grade::A);
        assert_eq!(Grade::of(84.99), Grade::B);
        assert_eq!(Grade::of(70.0), Grade::B);
        assert_eq!(Grade::of(55.0), Grade::C);
        assert_eq!(Grade::of(40.0), Grade::D);
        assert_eq!(Grade::of(39.9), Grade::F);
        assert_eq!(Band::of(70.0), Band::Green);
        assert_eq!(Band::of(69.9), Band::Amber);
        assert_eq!(Band::of(50.0), Band::Amber);
        assert_eq!(Band::of(49.9), Band::Red);
    }
}
