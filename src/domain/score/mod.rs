//! Scorecards (guide O1, O2): metrics measured from a client's evidence, a weighted score
//! and grade, the dealbreakers (D1-D5), a year of trend, an alert and the reasons.
//! Pure: the store supplies [`facts::PortfolioFacts`]; the date is always a parameter.

pub mod card;
pub mod facts;
pub mod flags;
pub mod metrics;
pub mod rules;
pub mod scored;

pub use card::{
    Change, Part, Scorecard, Scored, TREND_POINTS, evaluate, evaluate_all, rank, score, sparkline,
};
pub use facts::{ClientFacts, PortfolioFacts};
pub use flags::{Dealbreaker, Flag};
pub use metrics::{IncidentCounts, Metrics};
pub use rules::{Band, Grade, MetricKey, Rules, Threshold};
pub use scored::{NoScore, no_score};

#[cfg(test)]
pub(crate) mod tests;
