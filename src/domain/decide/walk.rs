//! The fire/keep walk as a state machine: the steps, the questions of each step with the
//! evidence that bears on them (pre-answered from the data where it can be), the answers,
//! and the proposal they lead to, every reason citing the guide's code. Answers in, next
//! step and proposal out; no I/O.
//!
//! A client's walk: 1 dealbreakers (D1-D5), 2 reasons to let go (R1-R3), 3 reconsider
//! (C1-C2), 4 raise rates or break (H1), 5 the outcome, 6 the exit plan (only for an
//! outcome that ends the relationship). A prospect's: 1 fit (P1), 2 red flags (P1),
//! 3 expectations (P2), 4 the outcome.
//!
//! The proposal, in order:
//! - a confirmed dealbreaker proposes *end now*; if the business cannot absorb the loss
//!   (C1), *do not renew* instead (keep to the end of the contract, and plan the gap);
//! - with no reason to let go (R1-R3 all unconfirmed): *keep*;
//! - if the business cannot absorb the loss (C1): *keep and watch*;
//! - a liability (R2) cannot be priced away: *do not renew*;
//! - challenging, not bad (two of the three C2 comparisons): *keep and watch*;
//! - too costly for what it brings (R1), the only reason, while the price already pays for
//!   the work (H1): *keep and watch* (it is the stress that costs);
//! - too costly (R1): *reprice* (H1), unless the user says a higher price would not be
//!   accepted; then, R1 the only reason: *reduce scope*;
//! - otherwise (no longer a fit, R3, or R1 with R3): *do not renew*.
//!
//! A prospect: a misfit with the profile and any red flag, or two red flags: *decline*; one
//! red flag or an expectation not accepted: *take on with conditions* (each listed);
//! otherwise *take on*.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::case::CaseFile;
use super::said::Nothing;
use super::{Code, Condition, Evidence, Outcome, Proposal, Reason, Why};
use crate::domain::Cents;
use crate::domain::IncidentKind;
use crate::domain::date::iso;
use crate::domain::error::{FieldError, ValidationError};
use crate::domain::evidence::NOTE_MAX;
use crate::domain::score::flags::{Dealbreaker, FlagEvidence};
use crate::domain::text::opt_note;

/// The steps of a walk, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Dealbreakers,
    Reasons,
    Reconsider,
    Reprice,
    Outcome,
    Exit,
    /// Prospects.
    Fit,
    RedFlags,
    Expectations,
}

impl Step {
    /// The steps of a walk: a prospect's, or a client's (with the exit plan when the
    /// outcome ends the relationship).
    pub fn all(prospect: bool, ends: bool) -> Vec<Step> {
        if prospect {
            return vec![Step::Fit, Step::RedFlags, Step::Expectations, Step::Outcome];
        }
        let mut s = vec![
            Step::Dealbreakers,
            Step::Reasons,
            Step::Reconsider,
            Step::Reprice,
            Step::Outcome,
        ];
        if ends {
            s.push(Step::Exit);
        }
        s
    }

    /// The questions asked on this step, in order (none on the fit, the outcome and the
    /// exit plan: they show evidence and numbers).
    pub fn questions(self) -> Vec<Q> {
        match self {
            Step::Dealbreakers => [
                Dealbreaker::D1,
                Dealbreaker::D2,
                Dealbreaker::D3,
                Dealbreaker::D4,
                Dealbreaker::D5,
            ]
            .into_iter()
            .map(Q::Dealbreaker)
            .collect(),
            Step::Reasons => vec![
                Q::TooCostly,
                Q::OldEquipment,
                Q::AdvisedAgainstSoftware,
                Q::SecurityUndone,
                Q::OffStack,
                Q::NotProactive,
                Q::HoldingBack,
            ],
            Step::Reconsider => vec![
                Q::CanAbsorb,
                Q::AsksQuestions,
                Q::HardToReach,
                Q::QuestionsPrices,
            ],
            Step::Reprice => vec![Q::WouldAccept],
            Step::RedFlags => vec![
                Q::Haggles,
                Q::WantsControl,
                Q::LeftSeveral,
                Q::EverythingFixed,
            ],
            Step::Expectations => vec![
                Q::AcceptsAgreement,
                Q::AcceptsStack,
                Q::AcceptsPrepayment,
                Q::AcceptsProactive,
            ],
            Step::Fit | Step::Outcome | Step::Exit => Vec::new(),
        }
    }
}

/// A question of the walk: yes or no (or, for C2, which of two descriptions fits). Kept in
/// the file by its key ("D1", "TooCostly").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Q {
    Dealbreaker(Dealbreaker),
    /// R1: takes more than it brings (from the Pareto analysis).
    TooCostly,
    /// R2: the guide's three examples of a liability.
    OldEquipment,
    AdvisedAgainstSoftware,
    SecurityUndone,
    /// R3: does not run the standard stack; does not accept a proactive approach; holds
    /// the business back.
    OffStack,
    NotProactive,
    HoldingBack,
    /// C1: can the business absorb losing them?
    CanAbsorb,
    /// C2: for each comparison, true when the challenging description fits (not the bad).
    AsksQuestions,
    HardToReach,
    QuestionsPrices,
    /// H1: would they plausibly accept the price that reaches the target margin?
    WouldAccept,
    /// P1 red flags.
    Haggles,
    WantsControl,
    LeftSeveral,
    EverythingFixed,
    /// P2 expectations accepted.
    AcceptsAgreement,
    AcceptsStack,
    AcceptsPrepayment,
    AcceptsProactive,
}

impl Q {
    pub const ALL: [Q; 25] = [
        Q::Dealbreaker(Dealbreaker::D1),
        Q::Dealbreaker(Dealbreaker::D2),
        Q::Dealbreaker(Dealbreaker::D3),
        Q::Dealbreaker(Dealbreaker::D4),
        Q::Dealbreaker(Dealbreaker::D5),
        Q::TooCostly,
        Q::OldEquipment,
        Q::AdvisedAgainstSoftware,
        Q::SecurityUndone,
        Q::OffStack,
        Q::NotProactive,
        Q::HoldingBack,
        Q::CanAbsorb,
        Q::AsksQuestions,
        Q::HardToReach,
        Q::QuestionsPrices,
        Q::WouldAccept,
        Q::Haggles,
        Q::WantsControl,
        Q::LeftSeveral,
        Q::EverythingFixed,
        Q::AcceptsAgreement,
        Q::AcceptsStack,
        Q::AcceptsPrepayment,
        Q::AcceptsProactive,
    ];

    pub fn from_key(s: &str) -> Option<Q> {
        Q::ALL.into_iter().find(|q| q.key() == s)
    }

    /// The guide's code the question belongs to.
    pub fn code(self) -> Code {
        match self {
            Q::Dealbreaker(d) => match d {
                Dealbreaker::D1 => Code::D1,
                Dealbreaker::D2 => Code::D2,
                Dealbreaker::D3 => Code::D3,
                Dealbreaker::D4 => Code::D4,
                Dealbreaker::D5 => Code::D5,
            },
            Q::TooCostly => Code::R1,
            Q::OldEquipment | Q::AdvisedAgainstSoftware | Q::SecurityUndone => Code::R2,
            Q::OffStack | Q::NotProactive | Q::HoldingBack => Code::R3,
            Q::CanAbsorb => Code::C1,
            Q::AsksQuestions | Q::HardToReach | Q::QuestionsPrices => Code::C2,
            Q::WouldAccept => Code::H1,
            Q::Haggles | Q::WantsControl | Q::LeftSeveral | Q::EverythingFixed => Code::P1,
            Q::AcceptsAgreement | Q::AcceptsStack | Q::AcceptsPrepayment | Q::AcceptsProactive => {
                Code::P2
            }
        }
    }

    /// True for C2's comparisons: the answers are two descriptions (challenging, bad),
    /// not yes and no.
    pub fn is_comparison(self) -> bool {
        matches!(self, Q::AsksQuestions | Q::HardToReach | Q::QuestionsPrices)
    }

    /// The key the answer is kept under.
    pub fn key(self) -> String {
        match self {
            Q::Dealbreaker(d) => d.code().to_string(),
            other => format!("{other:?}"),
        }
    }
}

impl Serialize for Q {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Q {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Q, D::Error> {
        let key = String::deserialize(d)?;
        Q::from_key(&key).ok_or_else(|| serde::de::Error::custom(format!("no question '{key}'")))
    }
}

/// The user's answers, by question; plus the outcome chosen and what it needs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Answers {
    /// Every question answered (or pre-answered from the data), yes or no.
    pub given: BTreeMap<Q, bool>,
    /// The outcome chosen; None takes the proposal.
    pub chosen: Option<Outcome>,
    /// Why another outcome than the proposal was chosen.
    pub override_reason: String,
    /// Keep and watch: when to look again.
    pub review_on: Option<NaiveDate>,
    /// Reprice: the MRR to ask (the proposal's unless changed).
    pub proposed_mrr: Option<Cents>,
    pub notes: String,
}

/// One question on screen: the question, its code, its answer, and the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub q: Q,
    pub answer: Option<bool>,
    /// True when the answer comes from the data and the user has not changed it.
    pub from_data: bool,
    pub evidence: Vec<Evidence>,
}

/// The walk through one decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Walk {
    pub case: CaseFile,
    pub answers: Answers,
    /// The questions the user set (not just taken from the data).
    pub touched: std::collections::BTreeSet<Q>,
    at: Step,
}

impl Walk {
    /// A walk from the evidence alone, or from the answers of the last decision (which the
    /// data's answers then do not overwrite).
    pub fn new(case: CaseFile, last: Option<Answers>) -> Walk {
        let first = if case.prospect {
            Step::Fit
        } else {
            Step::Dealbreakers
        };
        let mut w = Walk {
            case,
            answers: Answers::default(),
            touched: Default::default(),
            at: first,
        };
        for (q, a) in w.data_answers() {
            w.answers.given.insert(q, a);
        }
        if let Some(last) = last {
            for (q, a) in &last.given {
                w.answers.given.insert(*q, *a);
                w.touched.insert(*q);
            }
            w.answers.notes = last.notes;
        }
        w
    }

    /// The answers the data gives by itself.
    fn data_answers(&self) -> Vec<(Q, bool)> {
        data_answers(&self.case)
    }

    /// The steps of this walk as it stands: the exit plan only when the outcome ends it.
    pub fn steps(&self) -> Vec<Step> {
        Step::all(self.case.prospect, self.chosen().ends())
    }

    pub fn step(&self) -> Step {
        self.at
    }

    /// "3 of 6": the step's place among the steps.
    pub fn progress(&self) -> (usize, usize) {
        let steps = self.steps();
        let at = steps.iter().position(|s| *s == self.at).unwrap_or(0);
        (at + 1, steps.len())
    }

    /// The next step; false at the last one.
    pub fn forward(&mut self) -> bool {
        let steps = self.steps();
        match steps.iter().position(|s| *s == self.at) {
            Some(i) if i + 1 < steps.len() => {
                self.at = steps[i + 1];
                true
            }
            _ => false,
        }
    }

    /// The step before; false at the first. Answers are kept.
    pub fn back(&mut self) -> bool {
        let steps = self.steps();
        match steps.iter().position(|s| *s == self.at) {
            Some(i) if i > 0 => {
                self.at = steps[i - 1];
                true
            }
            _ => false,
        }
    }

    /// Goes to a step directly (a saved walk opened on its outcome).
    pub fn go(&mut self, step: Step) {
        if self.steps().contains(&step) {
            self.at = step;
        }
    }

    /// Answers a question (None takes the answer back).
    pub fn set(&mut self, q: Q, a: Option<bool>) {
        match a {
            Some(a) => self.answers.given.insert(q, a),
            None => self.answers.given.remove(&q),
        };
        self.touched.insert(q);
    }

    pub fn answer(&self, q: Q) -> Option<bool> {
        self.answers.given.get(&q).copied()
    }

    fn yes(&self, q: Q) -> bool {
        self.answer(q) == Some(true)
    }

    /// The questions of the current step (none for the outcome and the exit plan).
    pub fn questions(&self) -> Vec<Question> {
        self.questions_of(self.at)
    }

    pub fn questions_of(&self, step: Step) -> Vec<Question> {
        let qs = step.questions();
        let data = self.data_answers();
        qs.into_iter()
            .map(|q| Question {
                q,
                answer: self.answer(q),
                from_data: !self.touched.contains(&q) && data.iter().any(|(d, _)| *d == q),
                evidence: self.evidence(q),
            })
            .collect()
    }

    /// The evidence that bears on a question.
    pub fn evidence(&self, q: Q) -> Vec<Evidence> {
        let c = &self.case;
        let flag = |d: Dealbreaker| -> Vec<FlagEvidence> {
            c.flags
                .iter()
                .find(|f| f.code == d)
                .map(|f| f.evidence.clone())
                .unwrap_or_default()
        };
        let incidents = |kind: IncidentKind| -> Vec<Evidence> {
            c.incidents
                .iter()
                .filter(|e| matches!(e, Evidence::Incident { kind: k, .. } if *k == kind))
                .cloned()
                .collect()
        };
        match q {
            // The incidents with their notes say more than the flag's dated lines.
            Q::Dealbreaker(Dealbreaker::D1) => {
                with_none(incidents(IncidentKind::Abuse), Nothing::Abuse)
            }
            Q::Dealbreaker(d @ Dealbreaker::D2) => with_none(
                [
                    flag(d)
                        .into_iter()
                        .filter(|l| matches!(l, FlagEvidence::IgnoredShare { .. }))
                        .map(Evidence::Flag)
                        .collect(),
                    c.ignored.clone(),
                    incidents(IncidentKind::Disrespect),
                ]
                .concat(),
                Nothing::AdviceOrDisrespect,
            ),
            Q::Dealbreaker(Dealbreaker::D3) => {
                with_none(incidents(IncidentKind::Security), Nothing::Security)
            }
            Q::Dealbreaker(Dealbreaker::D4) => with_none(
                incidents(IncidentKind::UnreasonableDemand),
                Nothing::Demands,
            ),
            Q::Dealbreaker(d @ Dealbreaker::D5) => {
                let raised = flag(d);
                with_none(
                    if raised.is_empty() {
                        c.late_invoices.clone()
                    } else {
                        raised.into_iter().map(Evidence::Flag).collect()
                    },
                    Nothing::LateInvoices,
                )
            }
            Q::TooCostly => {
                let p = &c.pareto;
                let mut e = vec![if p.vital_for.is_empty() {
                    Evidence::NotVital
                } else {
                    Evidence::VitalFew(p.vital_for.iter().map(|m| m.to_string()).collect())
                }];
                e.push(match (p.rate, p.portfolio_rate) {
                    (Some(rate), Some(portfolio)) => Evidence::Rate { rate, portfolio },
                    (None, _) => Evidence::NoHours,
                    _ => Evidence::PortfolioNoHours,
                });
                e
            }
            Q::OldEquipment | Q::AdvisedAgainstSoftware | Q::SecurityUndone => {
                let mut e = Vec::new();
                if c.ignored_security > 0 {
                    e.push(Evidence::SecurityIgnoredInYear(c.ignored_security));
                }
                if c.security_incidents > 0 {
                    e.push(Evidence::SecurityIncidentsInYear(c.security_incidents));
                }
                if q == Q::OldEquipment {
                    e.extend(
                        c.ignored
                            .iter()
                            .filter(|l| matches!(l, Evidence::Ignored { security: true, .. }))
                            .cloned(),
                    );
                }
                with_none(e, Nothing::OnRecord)
            }
            Q::OffStack => vec![Evidence::Stack(c.rules.ideal.standard_stack.clone())],
            Q::NotProactive => Vec::new(),
            Q::HoldingBack => {
                let mut e: Vec<Evidence> = c.fit.iter().map(|f| Evidence::Fit(f.clone())).collect();
                if e.is_empty() {
                    e.push(Evidence::NoProfile);
                }
                e
            }
            Q::CanAbsorb => c1_evidence(c),
            Q::WouldAccept => h1_evidence(c),
            _ => Vec::new(),
        }
    }

    /// The reasons the answers give, each citing its code.
    fn reasons(&self) -> Vec<Reason> {
        let c = &self.case;
        let mut out = Vec::new();
        for d in [
            Dealbreaker::D1,
            Dealbreaker::D2,
            Dealbreaker::D3,
            Dealbreaker::D4,
            Dealbreaker::D5,
        ] {
            if self.yes(Q::Dealbreaker(d)) {
                out.push(Reason {
                    code: Q::Dealbreaker(d).code(),
                    why: Why::Dealbreaker(d),
                    evidence: self
                        .evidence(Q::Dealbreaker(d))
                        .into_iter()
                        .filter(|e| !matches!(e, Evidence::Nothing(_)))
                        .collect(),
                });
            }
        }
        if self.yes(Q::TooCostly) {
            out.push(Reason {
                code: Code::R1,
                why: Why::TooCostly,
                evidence: self.evidence(Q::TooCostly),
            });
        }
        let liabilities: Vec<Q> = [
            Q::OldEquipment,
            Q::AdvisedAgainstSoftware,
            Q::SecurityUndone,
        ]
        .into_iter()
        .filter(|q| self.yes(*q))
        .collect();
        if !liabilities.is_empty() {
            let mut evidence = Vec::new();
            if c.ignored_security > 0 {
                evidence.push(Evidence::SecurityIgnored(c.ignored_security));
            }
            if c.security_incidents > 0 {
                evidence.push(Evidence::SecurityIncidents(c.security_incidents));
            }
            out.push(Reason {
                code: Code::R2,
                why: Why::Liability(liabilities),
                evidence,
            });
        }
        let misfit: Vec<Evidence> = c
            .fit
            .iter()
            .filter(|f| !f.fits)
            .map(|f| Evidence::Misfit(f.on.clone()))
            .collect();
        let r3: Vec<Q> = [Q::OffStack, Q::NotProactive, Q::HoldingBack]
            .into_iter()
            .filter(|q| self.yes(*q))
            .collect();
        if !r3.is_empty() {
            out.push(Reason {
                code: Code::R3,
                why: Why::NoLongerFits(r3),
                evidence: misfit,
            });
        }
        out
    }

    fn has(reasons: &[Reason], code: Code) -> bool {
        reasons.iter().any(|r| r.code == code)
    }

    /// What the answers so far lead to (see the module's doc for the rules).
    pub fn proposal(&self) -> Proposal {
        if self.case.prospect {
            return self.prospect_proposal();
        }
        let c = &self.case;
        let mut reasons = self.reasons();
        let dealbreaker = reasons
            .iter()
            .any(|r| matches!(r.code, Code::D1 | Code::D2 | Code::D3 | Code::D4 | Code::D5));
        let cannot_absorb = self.answer(Q::CanAbsorb) == Some(false);
        let c1 = Reason {
            code: Code::C1,
            why: Why::CannotAbsorb,
            evidence: c1_evidence(c),
        };
        let challenging = [Q::AsksQuestions, Q::HardToReach, Q::QuestionsPrices]
            .into_iter()
            .filter(|q| self.yes(*q))
            .count();
        let outcome = if dealbreaker {
            if cannot_absorb {
                reasons.push(c1);
                Outcome::DoNotRenew
            } else {
                Outcome::EndNow
            }
        } else if reasons.is_empty() {
            reasons.push(Reason {
                code: Code::O1,
                why: Why::NothingAgainst,
                evidence: c
                    .score
                    .map(|s| vec![Evidence::Score(s)])
                    .unwrap_or_default(),
            });
            Outcome::Keep
        } else if cannot_absorb {
            reasons.push(c1);
            Outcome::Watch
        } else if Self::has(&reasons, Code::R2) {
            Outcome::DoNotRenew
        } else if challenging >= 2 {
            reasons.push(Reason {
                code: Code::C2,
                why: Why::Challenging,
                evidence: Vec::new(),
            });
            Outcome::Watch
        } else if Self::has(&reasons, Code::R1)
            && c.reprice.proposed_mrr <= c.reprice.current_mrr
            && reasons.len() == 1
        {
            reasons.push(Reason {
                code: Code::H1,
                why: Why::PricePays,
                evidence: h1_evidence(c),
            });
            Outcome::Watch
        } else if Self::has(&reasons, Code::R1) && self.answer(Q::WouldAccept) != Some(false) {
            reasons.push(Reason {
                code: Code::H1,
                why: Why::HigherPrice(c.reprice.proposed_mrr),
                evidence: h1_evidence(c),
            });
            Outcome::Reprice
        } else if Self::has(&reasons, Code::R1) && reasons.len() == 1 {
            // They would not accept the price (asked, and answered no).
            reasons.push(Reason {
                code: Code::H1,
                why: Why::WouldNotAccept,
                evidence: h1_evidence(c),
            });
            Outcome::ReduceScope
        } else {
            Outcome::DoNotRenew
        };
        Proposal { outcome, reasons }
    }

    fn prospect_proposal(&self) -> Proposal {
        let c = &self.case;
        let flags: Vec<Q> = [
            Q::Haggles,
            Q::WantsControl,
            Q::LeftSeveral,
            Q::EverythingFixed,
        ]
        .into_iter()
        .filter(|q| self.yes(*q))
        .collect();
        let refused: Vec<Q> = [
            Q::AcceptsAgreement,
            Q::AcceptsStack,
            Q::AcceptsPrepayment,
            Q::AcceptsProactive,
        ]
        .into_iter()
        .filter(|q| self.answer(*q) == Some(false))
        .collect();
        let misfit: Vec<Evidence> = c
            .fit
            .iter()
            .filter(|f| !f.fits)
            .map(|f| Evidence::Misfit(f.on.clone()))
            .collect();
        let mut reasons = Vec::new();
        if !misfit.is_empty() {
            reasons.push(Reason {
                code: Code::P1,
                why: Why::Misfit,
                evidence: misfit.clone(),
            });
        }
        if !flags.is_empty() {
            reasons.push(Reason {
                code: Code::P1,
                why: Why::RedFlags(flags.len()),
                evidence: flags.iter().map(|q| Evidence::RedFlag(*q)).collect(),
            });
        }
        if !refused.is_empty() {
            reasons.push(Reason {
                code: Code::P2,
                why: Why::NotAccepted,
                evidence: self
                    .conditions()
                    .into_iter()
                    .map(Evidence::Condition)
                    .collect(),
            });
        }
        // P1: say no to a prospect who does not fit, or who showed more than one red flag.
        let outcome = if flags.len() >= 2 || !misfit.is_empty() {
            Outcome::Decline
        } else if !flags.is_empty() || !refused.is_empty() {
            Outcome::TakeOnWithConditions
        } else {
            let to_ask: Vec<Evidence> = [
                Q::AcceptsAgreement,
                Q::AcceptsStack,
                Q::AcceptsPrepayment,
                Q::AcceptsProactive,
            ]
            .into_iter()
            .filter(|q| self.answer(*q).is_none())
            .map(Evidence::NotAsked)
            .collect();
            let mut to_ask = to_ask;
            if c.fit.is_empty() {
                to_ask.insert(0, Evidence::NoProfileForFit);
            }
            reasons.push(Reason {
                code: Code::P2,
                why: if to_ask.is_empty() {
                    Why::FitsAndAccepts
                } else {
                    Why::FitsAgreeFirst
                },
                evidence: to_ask,
            });
            Outcome::TakeOn
        };
        Proposal { outcome, reasons }
    }

    /// A prospect's conditions: the expectations not accepted yet, to accept before the
    /// start.
    pub fn conditions(&self) -> Vec<Condition> {
        [
            (Q::AcceptsAgreement, Condition::Agreement),
            (
                Q::AcceptsStack,
                Condition::Stack(self.case.rules.ideal.standard_stack.clone()),
            ),
            (Q::AcceptsPrepayment, Condition::Prepayment),
            (Q::AcceptsProactive, Condition::Proactive),
        ]
        .into_iter()
        .filter(|(q, _)| self.answer(*q) == Some(false))
        .map(|(_, c)| c)
        .collect()
    }

    /// The outcome chosen, or the proposal's.
    pub fn chosen(&self) -> Outcome {
        self.answers
            .chosen
            .unwrap_or_else(|| self.proposal().outcome)
    }

    /// The outcomes there are to choose from.
    pub fn choices(&self) -> &'static [Outcome] {
        if self.case.prospect {
            &Outcome::PROSPECT
        } else {
            &Outcome::CLIENT
        }
    }

    pub fn choose(&mut self, o: Option<Outcome>) {
        self.answers.chosen = o;
        // The exit plan comes and goes with the outcome.
        if !self.steps().contains(&self.at) {
            self.at = Step::Outcome;
        }
    }

    /// The review date a "keep and watch" gets unless another is set.
    pub fn default_review(&self) -> Option<NaiveDate> {
        self.case
            .as_of
            .checked_add_days(Days::new(u64::from(self.case.rules.review_days)))
    }

    /// The decision the walk comes to, checked: another outcome than the proposal needs a
    /// reason; a watch a review date after the as-of date.
    pub fn finish(&self) -> Result<Settled, ValidationError> {
        let proposal = self.proposal();
        let chosen = self.chosen();
        let overridden = chosen != proposal.outcome;
        let reason =
            opt_note("reason", &self.answers.override_reason, NOTE_MAX)?.unwrap_or_default();
        opt_note("notes", &self.answers.notes, NOTE_MAX)?;
        if overridden && reason.is_empty() {
            return Err(ValidationError::one(
                "reason",
                format!(
                    "is empty: you chose {} where the walk proposes {}; say why (it is kept with the decision)",
                    chosen.label(),
                    proposal.outcome.label()
                ),
            ));
        }
        let review_on = match chosen {
            Outcome::Watch => {
                let on = self.answers.review_on.or_else(|| self.default_review());
                if let Some(d) = on
                    && d <= self.case.as_of
                {
                    return Err(FieldError::new(
                        "review on",
                        format!(
                            "{} is not after {}: pick a later day to look again",
                            iso(d),
                            iso(self.case.as_of)
                        ),
                    )
                    .into());
                }
                on
            }
            _ => None,
        };
        let proposed_mrr = match chosen {
            Outcome::Reprice => Some(
                self.answers
                    .proposed_mrr
                    .unwrap_or(self.case.reprice.proposed_mrr),
            ),
            _ => None,
        };
        Ok(Settled {
            proposed: proposal.outcome,
            chosen,
            override_reason: overridden.then_some(reason),
            reasons: proposal.reasons,
            review_on,
            proposed_mrr,
            conditions: if chosen == Outcome::TakeOnWithConditions {
                self.conditions()
            } else {
                Vec::new()
            },
        })
    }
}

/// The answers a case's data gives by itself (the dealbreakers it raises, R1 from the
/// Pareto analysis, C1 from the revenue share); none for a prospect.
pub fn data_answers(c: &CaseFile) -> Vec<(Q, bool)> {
    if c.prospect {
        return Vec::new();
    }
    let mut out: Vec<(Q, bool)> = [
        Dealbreaker::D1,
        Dealbreaker::D2,
        Dealbreaker::D3,
        Dealbreaker::D4,
        Dealbreaker::D5,
    ]
    .into_iter()
    .map(|d| (Q::Dealbreaker(d), c.flags.iter().any(|f| f.code == d)))
    .collect();
    out.push((Q::TooCostly, c.pareto.candidate));
    let share = c.pareto.revenue_share;
    out.push((Q::CanAbsorb, share <= c.pareto.concentration_warning));
    out
}

/// What a finished walk settles on, before it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    pub proposed: Outcome,
    pub chosen: Outcome,
    pub override_reason: Option<String>,
    pub reasons: Vec<Reason>,
    pub review_on: Option<NaiveDate>,
    pub proposed_mrr: Option<Cents>,
    pub conditions: Vec<Condition>,
}

fn with_none(v: Vec<Evidence>, none: Nothing) -> Vec<Evidence> {
    if v.is_empty() {
        return vec![Evidence::Nothing(none)];
    }
    let mut out: Vec<Evidence> = Vec::with_capacity(v.len());
    for l in v {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

fn c1_evidence(c: &CaseFile) -> Vec<Evidence> {
    let p = &c.pareto;
    let mut e = vec![Evidence::Share {
        share: p.revenue_share,
        mrr: c.client.fields.mrr,
    }];
    if let (Some(b), Some(a)) = (&p.before, &p.after) {
        e.push(Evidence::Without {
            revenue_before: Cents(b.revenue_cents),
            revenue_after: Cents(a.revenue_cents),
            hours_before: b.hours,
            hours_after: a.hours,
        });
        if let (Some(before), Some(after)) = (b.margin_pct, a.margin_pct) {
            e.push(Evidence::Margin { before, after });
        }
    }
    if p.revenue_share > p.concentration_warning {
        e.push(Evidence::Concentration(p.concentration_warning));
    }
    e
}

fn h1_evidence(c: &CaseFile) -> Vec<Evidence> {
    let r = &c.reprice;
    let mut e = vec![Evidence::Cost {
        hours: r.monthly_hours,
        cost: r.monthly_cost,
        seats: (c.rules.tooling_per_seat > Cents::ZERO).then_some(c.client.fields.seats),
        margin: r.target_margin_pct,
    }];
    match r.increase_pct {
        Some(pct) if r.proposed_mrr > r.current_mrr => e.push(Evidence::Reaches {
            mrr: r.proposed_mrr,
            pct,
            more: r.increase(),
        }),
        Some(_) => e.push(Evidence::AlreadyReaches(r.current_mrr)),
        None => e.push(Evidence::NoMrrYet(r.proposed_mrr)),
    }
    if c.rules.hourly_cost == Cents::ZERO {
        e.push(Evidence::NoLabourCost);
    }
    e
}
