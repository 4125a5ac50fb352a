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
use super::{Code, Outcome, Proposal, Reason};
use crate::domain::Cents;
use crate::domain::date::iso;
use crate::domain::error::{FieldError, ValidationError};
use crate::domain::evidence::NOTE_MAX;
use crate::domain::score::flags::Dealbreaker;
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

    pub fn title(self) -> &'static str {
        match self {
            Step::Dealbreakers => "Dealbreakers (D1-D5)",
            Step::Reasons => "Reasons to let go (R1-R3)",
            Step::Reconsider => "Reconsider (C1-C2)",
            Step::Reprice => "Raise rates or break (H1)",
            Step::Outcome => "Outcome",
            Step::Exit => "Exit plan (H2, H3)",
            Step::Fit => "Fit with your ideal client (P1)",
            Step::RedFlags => "Red flags in the sales talks (P1)",
            Step::Expectations => "Clear expectations (P2)",
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

    /// The question, as asked.
    pub fn text(self) -> &'static str {
        match self {
            Q::Dealbreaker(Dealbreaker::D1) => {
                "Abusive or unprofessional treatment of you or your staff?"
            }
            Q::Dealbreaker(Dealbreaker::D2) => {
                "No respect for your expertise: your advice refused because they know better?"
            }
            Q::Dealbreaker(Dealbreaker::D3) => {
                "Repeated security (near-)misses, risking the business to prove a point?"
            }
            Q::Dealbreaker(Dealbreaker::D4) => {
                "Unreasonable demands or expectations, and no learning when told?"
            }
            Q::Dealbreaker(Dealbreaker::D5) => "Recurring late payments: chased again and again?",
            Q::TooCostly => "Do they take more than they bring (stress or hours, not revenue)?",
            Q::OldEquipment => "Do they refuse to replace old equipment you advised replacing?",
            Q::AdvisedAgainstSoftware => "Do they install software you advised against?",
            Q::SecurityUndone => "Do they undo the security changes you made?",
            Q::OffStack => "Do they refuse your standard stack?",
            Q::NotProactive => "Do they refuse a proactive approach to their IT?",
            Q::HoldingBack => {
                "Is this client holding you back from where you are taking the business?"
            }
            Q::CanAbsorb => {
                "Can the business absorb losing them (revenue, cash flow, a hard year)?"
            }
            Q::AsksQuestions => {
                "They ask many questions because they do not understand the service"
            }
            Q::HardToReach => "They are sometimes hard to reach",
            Q::QuestionsPrices => "They question prices because they never worked with an MSP",
            Q::WouldAccept => "Would they plausibly accept this price?",
            Q::Haggles => "Did they haggle over every line of the quote?",
            Q::WantsControl => "Do they want control over your tools, budget or timeline?",
            Q::LeftSeveral => "Have they left several MSPs before?",
            Q::EverythingFixed => "Do they expect everything for a fixed fee?",
            Q::AcceptsAgreement => "Do they accept your managed service agreement?",
            Q::AcceptsStack => "Do they accept your standard stack?",
            Q::AcceptsPrepayment => "Do they accept prepayment before the month starts?",
            Q::AcceptsProactive => "Do they accept a proactive approach to their IT?",
        }
    }

    /// The two answers as they read: (yes, no). For C2, the two descriptions.
    pub fn choices(self) -> (&'static str, &'static str) {
        match self {
            Q::AsksQuestions => (
                "challenging: they don't understand the service",
                "bad: they assume they know all the answers and contest every decision",
            ),
            Q::HardToReach => (
                "challenging: sometimes hard to reach",
                "bad: irrational, 15 emails one day, then two weeks of silence",
            ),
            Q::QuestionsPrices => (
                "challenging: new to working with an MSP",
                "bad: they want control over your budget, decisions and timeline",
            ),
            _ => ("yes", "no"),
        }
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
    pub evidence: Vec<String>,
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

    /// The evidence that bears on a question, in words.
    pub fn evidence(&self, q: Q) -> Vec<String> {
        let c = &self.case;
        let flag = |d: Dealbreaker| {
            c.flags
                .iter()
                .find(|f| f.code == d)
                .map(|f| f.evidence.clone())
                .unwrap_or_default()
        };
        let incidents = |kind: &str| -> Vec<String> {
            c.incidents
                .iter()
                .filter(|l| l.contains(kind))
                .cloned()
                .collect()
        };
        match q {
            // The incidents with their notes say more than the flag's dated lines.
            Q::Dealbreaker(Dealbreaker::D1) => {
                with_none(incidents(" abuse"), "no abuse incident logged in a year")
            }
            Q::Dealbreaker(d @ Dealbreaker::D2) => with_none(
                [
                    flag(d)
                        .into_iter()
                        .filter(|l| l.contains("recommendations ignored"))
                        .collect(),
                    c.ignored.clone(),
                    incidents(" disrespect"),
                ]
                .concat(),
                "no advice ignored and no disrespect logged in a year",
            ),
            Q::Dealbreaker(Dealbreaker::D3) => with_none(
                incidents(" security"),
                "no security incident logged in a year",
            ),
            Q::Dealbreaker(Dealbreaker::D4) => with_none(
                incidents(" unreasonable demand"),
                "no unreasonable demand logged in a year",
            ),
            Q::Dealbreaker(d @ Dealbreaker::D5) => {
                let raised = flag(d);
                with_none(
                    if raised.is_empty() {
                        c.late_invoices.clone()
                    } else {
                        raised
                    },
                    "no late or overdue invoice in a year",
                )
            }
            Q::TooCostly => {
                let p = &c.pareto;
                let mut e = vec![if p.vital_for.is_empty() {
                    "in no vital few (the clients that make up 80%)".to_string()
                } else {
                    format!("in the vital few for {}", p.vital_for.join(", "))
                }];
                e.push(match (p.rate, p.portfolio_rate) {
                    (Some(r), Some(pr)) => format!(
                        "earns {}/h against the portfolio's {}/h",
                        r.display_whole(&c.rules.currency),
                        pr.display_whole(&c.rules.currency)
                    ),
                    (None, _) => "no hours logged in the Pareto window".into(),
                    _ => "the portfolio has no hours logged".into(),
                });
                e
            }
            Q::OldEquipment | Q::AdvisedAgainstSoftware | Q::SecurityUndone => {
                let mut e = Vec::new();
                if c.ignored_security > 0 {
                    e.push(format!(
                        "{} security recommendation{} ignored in a year",
                        c.ignored_security,
                        if c.ignored_security == 1 { "" } else { "s" }
                    ));
                }
                if c.security_incidents > 0 {
                    e.push(format!(
                        "{} security incident{} in a year",
                        c.security_incidents,
                        if c.security_incidents == 1 { "" } else { "s" }
                    ));
                }
                if q == Q::OldEquipment {
                    e.extend(
                        c.ignored
                            .iter()
                            .filter(|l| l.contains("(security)"))
                            .cloned(),
                    );
                }
                with_none(e, "nothing on record: answer from what you know")
            }
            Q::OffStack => vec![if c.rules.ideal.standard_stack.is_empty() {
                "no standard stack in the config ([ideal_client] standard_stack)".into()
            } else {
                format!("your standard stack: {}", c.rules.ideal.standard_stack)
            }],
            Q::NotProactive => Vec::new(),
            Q::HoldingBack => {
                let mut e: Vec<String> = c
                    .fit
                    .iter()
                    .map(|f| {
                        format!(
                            "{} {}: {}",
                            if f.fits { "fits" } else { "does not fit" },
                            f.what,
                            f.detail
                        )
                    })
                    .collect();
                if e.is_empty() {
                    e.push("no ideal client profile in the config ([ideal_client])".into());
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
                    text: format!("dealbreaker: {}", d.title()),
                    evidence: self
                        .evidence(Q::Dealbreaker(d))
                        .into_iter()
                        .filter(|e| !e.starts_with("no "))
                        .collect(),
                });
            }
        }
        if self.yes(Q::TooCostly) {
            out.push(Reason {
                code: Code::R1,
                text: "takes more than it brings".into(),
                evidence: self.evidence(Q::TooCostly),
            });
        }
        let liabilities: Vec<&str> = [
            Q::OldEquipment,
            Q::AdvisedAgainstSoftware,
            Q::SecurityUndone,
        ]
        .into_iter()
        .filter(|q| self.yes(*q))
        .map(|q| match q {
            Q::OldEquipment => "keeps old equipment",
            Q::AdvisedAgainstSoftware => "installs software you advised against",
            _ => "undoes security changes",
        })
        .collect();
        if !liabilities.is_empty() {
            let mut evidence = Vec::new();
            if c.ignored_security > 0 {
                evidence.push(format!(
                    "{} security recommendations ignored",
                    c.ignored_security
                ));
            }
            if c.security_incidents > 0 {
                evidence.push(format!("{} security incidents", c.security_incidents));
            }
            out.push(Reason {
                code: Code::R2,
                text: format!("a liability: {}", liabilities.join(", ")),
                evidence,
            });
        }
        let misfit: Vec<String> = c
            .fit
            .iter()
            .filter(|f| !f.fits)
            .map(|f| format!("{}: {}", f.what, f.detail))
            .collect();
        let r3: Vec<&str> = [Q::OffStack, Q::NotProactive, Q::HoldingBack]
            .into_iter()
            .filter(|q| self.yes(*q))
            .map(|q| match q {
                Q::OffStack => "refuses the standard stack",
                Q::NotProactive => "refuses a proactive approach",
                _ => "holds the business back",
            })
            .collect();
        if !r3.is_empty() {
            out.push(Reason {
                code: Code::R3,
                text: format!("no longer a fit: {}", r3.join(", ")),
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
            text: "the business cannot absorb losing them now: keep them, but do not let them steer the business".into(),
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
                text: "no dealbreaker and no reason to let go".into(),
                evidence: c
                    .score
                    .map(|s| vec![format!("score {}", s.floor())])
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
                text: "challenging, not bad: they can learn how you work".into(),
                evidence: Vec::new(),
            });
            Outcome::Watch
        } else if Self::has(&reasons, Code::R1)
            && c.reprice.proposed_mrr <= c.reprice.current_mrr
            && reasons.len() == 1
        {
            reasons.push(Reason {
                code: Code::H1,
                text: "the price already pays for the work: it is the stress that costs".into(),
                evidence: h1_evidence(c),
            });
            Outcome::Watch
        } else if Self::has(&reasons, Code::R1) && self.answer(Q::WouldAccept) != Some(false) {
            reasons.push(Reason {
                code: Code::H1,
                text: format!(
                    "a higher price fixes it: {} a month",
                    c.reprice.proposed_mrr.display(&c.rules.currency)
                ),
                evidence: h1_evidence(c),
            });
            Outcome::Reprice
        } else if Self::has(&reasons, Code::R1) && reasons.len() == 1 {
            // They would not accept the price (asked, and answered no).
            reasons.push(Reason {
                code: Code::H1,
                text: "a higher price would not be accepted: do less for what they pay".into(),
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
        let misfit: Vec<String> = c
            .fit
            .iter()
            .filter(|f| !f.fits)
            .map(|f| format!("{}: {}", f.what, f.detail))
            .collect();
        let mut reasons = Vec::new();
        if !misfit.is_empty() {
            reasons.push(Reason {
                code: Code::P1,
                text: "does not fit your ideal client".into(),
                evidence: misfit.clone(),
            });
        }
        if !flags.is_empty() {
            reasons.push(Reason {
                code: Code::P1,
                text: format!(
                    "{} red flag{} in the sales talks",
                    flags.len(),
                    if flags.len() == 1 { "" } else { "s" }
                ),
                evidence: flags.iter().map(|q| q.text().to_string()).collect(),
            });
        }
        if !refused.is_empty() {
            reasons.push(Reason {
                code: Code::P2,
                text: "expectations not accepted yet".into(),
                evidence: self.conditions(),
            });
        }
        // P1: say no to a prospect who does not fit, or who showed more than one red flag.
        let outcome = if flags.len() >= 2 || !misfit.is_empty() {
            Outcome::Decline
        } else if !flags.is_empty() || !refused.is_empty() {
            Outcome::TakeOnWithConditions
        } else {
            let to_ask: Vec<String> = [
                Q::AcceptsAgreement,
                Q::AcceptsStack,
                Q::AcceptsPrepayment,
                Q::AcceptsProactive,
            ]
            .into_iter()
            .filter(|q| self.answer(*q).is_none())
            .map(|q| format!("not asked yet: {}", q.text()))
            .collect();
            let mut to_ask = to_ask;
            if c.fit.is_empty() {
                to_ask.insert(
                    0,
                    "no ideal client profile to judge the fit by: set [ideal_client] in the config"
                        .into(),
                );
            }
            reasons.push(Reason {
                code: Code::P2,
                text: if to_ask.is_empty() {
                    "fits, no red flags, and accepts how you work".into()
                } else {
                    "fits, no red flags: agree on how you work before the start".into()
                },
                evidence: to_ask,
            });
            Outcome::TakeOn
        };
        Proposal { outcome, reasons }
    }

    /// A prospect's conditions: the expectations not accepted yet, to accept before the
    /// start.
    pub fn conditions(&self) -> Vec<String> {
        let stack = &self.case.rules.ideal.standard_stack;
        [
            (
                Q::AcceptsAgreement,
                "sign the managed service agreement".to_string(),
            ),
            (
                Q::AcceptsStack,
                if stack.is_empty() {
                    "move to the standard stack".to_string()
                } else {
                    format!("move to the standard stack ({stack})")
                },
            ),
            (
                Q::AcceptsPrepayment,
                "pay managed services before the month starts".into(),
            ),
            (
                Q::AcceptsProactive,
                "accept a proactive approach to their IT".into(),
            ),
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
    pub conditions: Vec<String>,
}

fn with_none(v: Vec<String>, none: &str) -> Vec<String> {
    if v.is_empty() {
        vec![none.to_string()]
    } else {
        let mut seen = std::collections::BTreeSet::new();
        v.into_iter().filter(|l| seen.insert(l.clone())).collect()
    }
}

fn c1_evidence(c: &CaseFile) -> Vec<String> {
    let p = &c.pareto;
    let cur = &c.rules.currency;
    let mut e = vec![format!(
        "{:.1}% of revenue, {} MRR",
        p.revenue_share * 100.0,
        c.client.fields.mrr.display(cur)
    )];
    if let (Some(b), Some(a)) = (&p.before, &p.after) {
        let money = |v: i64| Cents(v).display_whole(cur);
        e.push(format!(
            "without them: revenue {} -> {}, hours {:.0} -> {:.0}",
            money(b.revenue_cents),
            money(a.revenue_cents),
            b.hours,
            a.hours
        ));
        if let (Some(mb), Some(ma)) = (b.margin_pct, a.margin_pct) {
            e.push(format!("margin {mb:.1}% -> {ma:.1}%"));
        }
    }
    if p.revenue_share > p.concentration_warning {
        e.push(format!(
            "more than {:.0}% of revenue: can you afford to lose them?",
            p.concentration_warning * 100.0
        ));
    }
    e
}

fn h1_evidence(c: &CaseFile) -> Vec<String> {
    let r = &c.reprice;
    let cur = &c.rules.currency;
    let tooling = if c.rules.tooling_per_seat > Cents::ZERO {
        format!(" with tooling for {} seats", c.client.fields.seats)
    } else {
        String::new()
    };
    let mut e = vec![format!(
        "{:.1} hours a month cost {}{tooling}; the target margin is {:.0}%",
        r.monthly_hours,
        r.monthly_cost.display(cur),
        r.target_margin_pct
    )];
    match r.increase_pct {
        Some(p) if r.proposed_mrr > r.current_mrr => e.push(format!(
            "the MRR that reaches it: {} (+{:.0}%, {} a month more)",
            r.proposed_mrr.display(cur),
            p,
            r.increase().display(cur)
        )),
        Some(_) => e.push(format!(
            "the current MRR ({}) already reaches it",
            r.current_mrr.display(cur)
        )),
        None => e.push(format!(
            "no MRR yet; {} would reach it",
            r.proposed_mrr.display(cur)
        )),
    }
    if c.rules.hourly_cost == Cents::ZERO {
        e.push(
            "no labour cost in the config ([costs] hourly_labour_cost): hours count as free".into(),
        );
    }
    e
}
