//! A decision as it is kept: the outcome proposed and chosen, every answer, the evidence as
//! it stood, and what it leaves to do (a review date, a new MRR, an exit plan). And what
//! changed since the last one, when the walk is run again.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calc::ExitPlan;
use super::case::CaseFile;
use super::walk::{Answers, Q, Settled, data_answers};
use super::{Condition, Evidence, Outcome, Reason};
use crate::domain::{Cents, ClientId};

/// The evidence as it stood when a decision was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub score: Option<f64>,
    pub grade: Option<String>,
    pub flags: Vec<String>,
    /// Of the revenue over the Pareto window, 0 to 1.
    pub revenue_share: f64,
    pub effective_rate: Option<Cents>,
    pub mrr: Cents,
    /// What the data answered by itself (the walk's pre-answers), so the saved walk can
    /// say which answers came from the data. Empty in decisions kept before it was.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub data_answers: BTreeMap<Q, bool>,
}

impl Snapshot {
    pub fn of(c: &CaseFile) -> Snapshot {
        Snapshot {
            score: c.score,
            grade: c.grade.clone(),
            flags: c.flags.iter().map(|f| f.code.code().to_string()).collect(),
            revenue_share: c.pareto.revenue_share,
            effective_rate: c.pareto.rate,
            mrr: c.client.fields.mrr,
            data_answers: data_answers(c).into_iter().collect(),
        }
    }

    /// What moved from `before` to `self` (the score as a whole number, the flags raised
    /// and cleared, MRR, the revenue share to 0.1%, the rate to the whole unit).
    pub fn changes_since(&self, before: &Snapshot) -> Vec<Change> {
        let mut out = Vec::new();
        let score = |s: Option<f64>| s.map(|s| s.floor() as i64);
        if score(self.score) != score(before.score) {
            out.push(Change::Score {
                before: score(before.score),
                now: score(self.score),
            });
        }
        for f in &self.flags {
            if !before.flags.contains(f) {
                out.push(Change::Raised(f.clone()));
            }
        }
        for f in &before.flags {
            if !self.flags.contains(f) {
                out.push(Change::Cleared(f.clone()));
            }
        }
        if self.mrr != before.mrr {
            out.push(Change::Mrr {
                before: before.mrr,
                now: self.mrr,
            });
        }
        if (self.revenue_share - before.revenue_share).abs() >= 0.001 {
            out.push(Change::Share {
                before: before.revenue_share,
                now: self.revenue_share,
            });
        }
        // Moved as shown: to the whole unit of money.
        let whole = |r: Option<Cents>| r.map(|r| r.display_whole(""));
        if whole(self.effective_rate) != whole(before.effective_rate) {
            out.push(Change::Rate {
                before: before.effective_rate,
                now: self.effective_rate,
            });
        }
        out
    }
}

/// One thing that moved since a case was read, or since the last decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The client's facts, as the client's record says it.
    Fields(String),
    Score {
        before: Option<i64>,
        now: Option<i64>,
    },
    /// A dealbreaker raised or cleared (its code).
    Raised(String),
    Cleared(String),
    Mrr {
        before: Cents,
        now: Cents,
    },
    /// The revenue share, 0 to 1.
    Share {
        before: f64,
        now: f64,
    },
    /// The effective rate an hour.
    Rate {
        before: Option<Cents>,
        now: Option<Cents>,
    },
    /// A piece of evidence (an incident, a late invoice, an ignored recommendation) new or
    /// gone.
    New(Evidence),
    Gone(Evidence),
}

/// Where an answer kept with a decision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// The data answered it so, and the answer stood.
    FromData,
    /// The user answered it otherwise than the data did.
    AgainstData,
    /// Only the user could answer it.
    Yours,
}

/// A decision about a client (or a prospect), as kept in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// 0 until it is saved.
    pub id: i64,
    pub client: ClientId,
    /// The client's name when the decision was read.
    pub name: String,
    pub decided_on: NaiveDate,
    pub proposed: Outcome,
    pub chosen: Outcome,
    /// Why another outcome than the proposal was chosen.
    pub override_reason: Option<String>,
    pub reasons: Vec<Reason>,
    pub answers: Answers,
    pub snapshot: Snapshot,
    pub notes: Option<String>,
    pub review_on: Option<NaiveDate>,
    pub proposed_mrr: Option<Cents>,
    /// For an outcome that ends the relationship.
    pub exit: Option<ExitPlanKept>,
    /// A prospect taken on with conditions: the conditions.
    pub conditions: Vec<Condition>,
}

/// The exit plan as decided: the dates and the refund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExitPlanKept {
    /// The day the relationship ends: the earliest end for "end now", the contract end for
    /// "do not renew".
    pub end_on: Option<NaiveDate>,
    pub notice_by: Option<NaiveDate>,
    pub prepaid_refund: Cents,
}

impl Decision {
    /// The decision a finished walk comes to, on `today`.
    pub fn from_walk(case: &CaseFile, answers: &Answers, s: Settled, today: NaiveDate) -> Decision {
        let exit = ExitPlanKept::for_outcome(case, s.chosen);
        Decision {
            id: 0,
            client: case.client.id,
            name: case.client.fields.name.clone(),
            decided_on: today,
            proposed: s.proposed,
            chosen: s.chosen,
            override_reason: s.override_reason,
            reasons: s.reasons,
            answers: answers.clone(),
            snapshot: Snapshot::of(case),
            notes: Some(answers.notes.trim().to_string()).filter(|n| !n.is_empty()),
            review_on: s.review_on,
            proposed_mrr: s.proposed_mrr,
            exit,
            conditions: s.conditions,
        }
    }

    /// The answer kept for a question, and where it came from; None when it was not
    /// answered.
    pub fn given(&self, q: Q) -> Option<(bool, Given)> {
        let answer = *self.answers.given.get(&q)?;
        let from = match self.snapshot.data_answers.get(&q) {
            Some(data) if *data == answer => Given::FromData,
            Some(_) => Given::AgainstData,
            None => Given::Yours,
        };
        Some((answer, from))
    }

    /// True for a decision about a prospect (take on, with conditions, decline).
    pub fn about_prospect(&self) -> bool {
        self.chosen.for_prospect()
    }
}

impl ExitPlanKept {
    /// The exit plan an outcome keeps: none unless it ends the relationship. "End now"
    /// ends at the earliest end the notice allows, with the prepaid refund; "do not renew"
    /// at the contract end, with nothing paid for left unused.
    pub fn for_outcome(case: &CaseFile, chosen: Outcome) -> Option<ExitPlanKept> {
        if !chosen.ends() {
            return None;
        }
        let plan: &ExitPlan = &case.exit;
        Some(match chosen {
            Outcome::DoNotRenew => ExitPlanKept {
                end_on: case.client.fields.contract_end,
                notice_by: plan.notice_by,
                prepaid_refund: Cents::ZERO,
            },
            _ => ExitPlanKept {
                end_on: plan.earliest_end,
                notice_by: plan.notice_by,
                prepaid_refund: plan.prepaid_refund,
            },
        })
    }
}
