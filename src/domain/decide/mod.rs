//! Deciding (guide D1-D5, R1-R3, C1-C2, H1-H3, P1-P2): the walk from a client's evidence to
//! an outcome, its numbers, and what it leaves to do. Pure: the case comes in as values,
//! answers come in from the faces, the proposal and the decision come out.

pub mod calc;
pub mod case;
pub mod decision;
pub mod draft;
pub mod entry;
pub mod exit;
pub mod said;
pub mod upcoming;
pub mod walk;

use serde::{Deserialize, Serialize};

use super::error::FieldError;

/// What a decision about a client (or a prospect) comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Nothing to change.
    Keep,
    /// Keep, and look again on a review date.
    Watch,
    /// Ask for the MRR that pays for the work (H1).
    Reprice,
    /// Keep, for less work: fewer services, fewer hours.
    ReduceScope,
    /// Let the contract run out: give notice before its end (H2).
    DoNotRenew,
    /// End as soon as the agreement allows (a dealbreaker).
    EndNow,
    /// A prospect: take them on.
    TakeOn,
    /// A prospect: take them on, once they accept the conditions listed.
    TakeOnWithConditions,
    /// A prospect: say no (P1).
    Decline,
}

impl Outcome {
    pub const CLIENT: [Outcome; 6] = [
        Outcome::Keep,
        Outcome::Watch,
        Outcome::Reprice,
        Outcome::ReduceScope,
        Outcome::DoNotRenew,
        Outcome::EndNow,
    ];
    pub const PROSPECT: [Outcome; 3] = [
        Outcome::TakeOn,
        Outcome::TakeOnWithConditions,
        Outcome::Decline,
    ];

    /// As typed on the command line and kept in the file.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Keep => "keep",
            Outcome::Watch => "watch",
            Outcome::Reprice => "reprice",
            Outcome::ReduceScope => "reduce-scope",
            Outcome::DoNotRenew => "do-not-renew",
            Outcome::EndNow => "end-now",
            Outcome::TakeOn => "take-on",
            Outcome::TakeOnWithConditions => "take-on-with-conditions",
            Outcome::Decline => "decline",
        }
    }

    /// In English words, for the domain's own messages (the faces say it in the language
    /// in force: `words::say::outcome`).
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Keep => "keep",
            Outcome::Watch => "keep and watch",
            Outcome::Reprice => "reprice",
            Outcome::ReduceScope => "reduce scope",
            Outcome::DoNotRenew => "do not renew",
            Outcome::EndNow => "end now",
            Outcome::TakeOn => "take on",
            Outcome::TakeOnWithConditions => "take on with conditions",
            Outcome::Decline => "decline",
        }
    }

    pub fn parse(field: &'static str, s: &str) -> Result<Outcome, FieldError> {
        let t = s.trim().to_lowercase().replace(['_', ' '], "-");
        Outcome::CLIENT
            .into_iter()
            .chain(Outcome::PROSPECT)
            .find(|o| o.key() == t)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    format!(
                        "'{}' is not an outcome: expected keep, watch, reprice, reduce-scope, do-not-renew or end-now (for a prospect: take-on, take-on-with-conditions or decline)",
                        s.trim()
                    ),
                )
            })
    }

    /// True when the relationship ends: an exit plan and the offboarding follow.
    pub fn ends(self) -> bool {
        matches!(self, Outcome::DoNotRenew | Outcome::EndNow)
    }

    pub fn for_prospect(self) -> bool {
        Outcome::PROSPECT.contains(&self)
    }
}

/// A piece of the guide's advice, as cited next to every reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Code {
    D1,
    D2,
    D3,
    D4,
    D5,
    R1,
    R2,
    R3,
    C1,
    C2,
    H1,
    H2,
    H3,
    P1,
    P2,
    O1,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::D1 => "D1",
            Code::D2 => "D2",
            Code::D3 => "D3",
            Code::D4 => "D4",
            Code::D5 => "D5",
            Code::R1 => "R1",
            Code::R2 => "R2",
            Code::R3 => "R3",
            Code::C1 => "C1",
            Code::C2 => "C2",
            Code::H1 => "H1",
            Code::H2 => "H2",
            Code::H3 => "H3",
            Code::P1 => "P1",
            Code::P2 => "P2",
            Code::O1 => "O1",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

pub use said::{Condition, Evidence, Why};

/// Why an outcome is proposed: the guide's code, why (as a value: the faces put it in
/// words), and the evidence behind it. Kept under the names "code", "text" and "evidence",
/// as it was when the text was an English sentence (which still reads back).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub code: Code,
    #[serde(rename = "text")]
    pub why: Why,
    pub evidence: Vec<Evidence>,
}

/// What the walk proposes from the evidence and the answers so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub outcome: Outcome,
    pub reasons: Vec<Reason>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_read_back_as_typed() {
        for o in Outcome::CLIENT.into_iter().chain(Outcome::PROSPECT) {
            assert_eq!(Outcome::parse("outcome", o.key()), Ok(o));
        }
        assert_eq!(Outcome::parse("o", "End Now"), Ok(Outcome::EndNow));
        assert_eq!(Outcome::parse("o", "do_not_renew"), Ok(Outcome::DoNotRenew));
        assert!(
            Outcome::parse("o", "fire")
                .unwrap_err()
                .message
                .contains("end-now")
        );
        assert!(Outcome::EndNow.ends() && Outcome::DoNotRenew.ends() && !Outcome::Reprice.ends());
    }
}

#[cfg(test)]
mod walk_tests;
