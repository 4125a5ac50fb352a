//! A decision as it is kept: the outcome proposed and chosen, every answer, the evidence as
//! it stood, and what it leaves to do (a review date, a new MRR, an exit plan). And what
//! changed since the last one, when the walk is run again.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calc::ExitPlan;
use super::case::CaseFile;
use super::walk::{Answers, Q, Settled, data_answers};
use super::{Outcome, Reason};
use crate::domain::date::iso;
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

    /// What moved from `before` to `self`, in words ("score 48 -> 31", "D1 raised"), money
    /// in `currency`.
    pub fn changes_since(&self, before: &Snapshot, currency: &str) -> Vec<String> {
        let mut out = Vec::new();
        let score = |s: Option<f64>| s.map_or_else(|| "-".to_string(), |s| s.floor().to_string());
        if score(self.score) != score(before.score) {
            out.push(format!(
                "score {} -> {}",
                score(before.score),
                score(self.score)
            ));
        }
        for f in &self.flags {
            if !before.flags.contains(f) {
                out.push(format!("{f} raised"));
            }
        }
        for f in &before.flags {
            if !self.flags.contains(f) {
                out.push(format!("{f} cleared"));
            }
        }
        if self.mrr != before.mrr {
            out.push(format!(
                "MRR {} -> {}",
                before.mrr.display_whole(currency),
                self.mrr.display_whole(currency)
            ));
        }
        if (self.revenue_share - before.revenue_share).abs() >= 0.001 {
            out.push(format!(
                "revenue share {:.1}% -> {:.1}%",
                before.revenue_share * 100.0,
                self.revenue_share * 100.0
            ));
        }
        let rate = |r: Option<Cents>| {
            r.map_or_else(
                || "-".to_string(),
                |r| format!("{}/h", r.display_whole(currency)),
            )
        };
        if rate(self.effective_rate) != rate(before.effective_rate) {
            out.push(format!(
                "rate {} -> {}",
                rate(before.effective_rate),
                rate(self.effective_rate)
            ));
        }
        out
    }
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
    pub conditions: Vec<String>,
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

    /// What was recorded, in one line: "decided for 'Brandt Vastgoed': end now, ends
    /// 2026-07-30". Said by the command line and the app alike.
    pub fn recorded(&self, currency: &str) -> String {
        let mut s = format!("decided for '{}': {}", self.name, self.chosen.label());
        if self.chosen != self.proposed {
            s.push_str(&format!(
                " (the evidence proposed {})",
                self.proposed.label()
            ));
        }
        if let Some(on) = self.review_on {
            s.push_str(&format!(", review on {}", iso(on)));
        }
        if let Some(mrr) = self.proposed_mrr {
            s.push_str(&format!(", new MRR {}", mrr.display(currency)));
        }
        if let Some(e) = &self.exit {
            match e.end_on {
                Some(end) => s.push_str(&format!(", ends {}", iso(end))),
                None => s.push_str(", end date unknown: check the agreement's notice period"),
            }
            // The last day to give notice is for a non-renewal; ending now gives it today.
            if let Some(by) = e.notice_by.filter(|_| self.chosen == Outcome::DoNotRenew) {
                s.push_str(&format!(", give notice by {}", iso(by)));
            }
        }
        s
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

    /// The first reason, as a line for the log.
    pub fn why(&self) -> String {
        match (&self.override_reason, self.reasons.first()) {
            (Some(r), _) => format!("chosen over {}: {r}", self.proposed.label()),
            (None, Some(r)) => format!("{} {}", r.code, r.text),
            (None, None) => String::new(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_recorded_in_one_line() {
        use super::super::walk::Walk;
        use super::super::walk_tests::{case, d};
        use crate::domain::score::flags::Dealbreaker::D1;
        let mut w = Walk::new(case("active", &[D1], false, 0.05), None);
        let line = |w: &Walk| {
            let s = w.finish().unwrap();
            Decision::from_walk(&w.case, &w.answers, s, d("2026-06-30")).recorded("€")
        };
        assert_eq!(
            line(&w),
            "decided for 'Brandt Vastgoed': end now, ends 2026-08-29",
            "ending now gives notice today: no notice-by date"
        );
        w.choose(Some(Outcome::DoNotRenew));
        w.set_override_reason("they are a third of the revenue")
            .unwrap();
        assert_eq!(
            line(&w),
            "decided for 'Brandt Vastgoed': do not renew (the evidence proposed end now), ends 2027-01-31, give notice by 2026-12-02"
        );
    }

    #[test]
    fn what_changed_since_the_last_decision_in_words() {
        let before = Snapshot {
            score: Some(48.9),
            grade: Some("D".into()),
            flags: vec!["D5".into()],
            revenue_share: 0.016,
            effective_rate: Some(Cents(4_500)),
            mrr: Cents(125_000),
            data_answers: BTreeMap::new(),
        };
        let now = Snapshot {
            score: Some(31.2),
            flags: vec!["D1".into()],
            revenue_share: 0.012,
            effective_rate: Some(Cents(3_800)),
            ..before.clone()
        };
        assert_eq!(
            now.changes_since(&before, "€"),
            [
                "score 48 -> 31",
                "D1 raised",
                "D5 cleared",
                "revenue share 1.6% -> 1.2%",
                "rate €45/h -> €38/h"
            ]
        );
        assert!(before.changes_since(&before, "€").is_empty());
    }
}
