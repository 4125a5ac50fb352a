//! Who gets a score: the one rule both faces (the scorecards screen and `rapport scorecard`)
//! follow, so a client never reads "A 100" on one and "-" on the other.

use serde::Serialize;

use super::metrics::Metrics;
use crate::domain::ClientStatus;

/// Why a client has no score on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoScore {
    /// A former client: gone, so there is nothing left to decide about it.
    Former,
    /// No ticket, invoice, time entry, decided recommendation or incident dated in the
    /// window: zero tickets from a client nobody heard from is no sign of a good client.
    NoEvidence,
}

impl NoScore {
    /// The JSON's word for it.
    pub fn key(self) -> &'static str {
        match self {
            NoScore::Former => "former",
            NoScore::NoEvidence => "no_evidence",
        }
    }
}

/// Whether a client with this status and these metrics (of one day) gets a score, and if
/// not, why. A current client (active or prospect) is scored when something was logged in
/// the window ([`Metrics::has_evidence`]); a former client never is.
pub fn no_score(status: ClientStatus, m: &Metrics) -> Option<NoScore> {
    if !status.is_current() {
        Some(NoScore::Former)
    } else if !m.has_evidence {
        Some(NoScore::NoEvidence)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_clients_and_clients_without_evidence_in_the_window_are_not_scored() {
        let quiet = Metrics::default();
        let busy = Metrics {
            has_evidence: true,
            ..Metrics::default()
        };
        assert_eq!(no_score(ClientStatus::Active, &busy), None);
        assert_eq!(no_score(ClientStatus::Prospect, &busy), None);
        assert_eq!(no_score(ClientStatus::Former, &busy), Some(NoScore::Former));
        assert_eq!(
            no_score(ClientStatus::Active, &quiet),
            Some(NoScore::NoEvidence)
        );
        assert_eq!(
            no_score(ClientStatus::Former, &quiet),
            Some(NoScore::Former)
        );
    }
}
