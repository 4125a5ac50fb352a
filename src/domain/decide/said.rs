//! What the walk says, as values: why an outcome is proposed ([`Why`]), the evidence behind
//! it ([`Evidence`]), a prospect's conditions ([`Condition`]) and how a client fits the ideal
//! client profile ([`Fit`]). Codes, numbers, dates and the titles and notes the user typed;
//! no words. The faces put them in words in the language in force (`words::say`).
//!
//! Decisions kept before these were values hold their reasons as English sentences: each
//! type reads such a sentence back as its `Text` variant, shown as it was written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Code;
use super::case::FitCheck;
use super::walk::Q;
use crate::domain::score::flags::{Dealbreaker, FlagEvidence};
use crate::domain::{Cents, IncidentKind};

/// Why the walk proposes an outcome (the sentence of a reason), or a piece of the advice
/// for ending it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Why {
    /// D1-D5 confirmed.
    Dealbreaker(Dealbreaker),
    /// R1.
    TooCostly,
    /// R2: the liabilities confirmed (R2's questions).
    Liability(Vec<Q>),
    /// R3: the ways it no longer fits (R3's questions).
    NoLongerFits(Vec<Q>),
    /// C1: the business cannot absorb losing them.
    CannotAbsorb,
    /// O1: nothing against them.
    NothingAgainst,
    /// C2: challenging, not bad.
    Challenging,
    /// H1: the price already pays for the work.
    PricePays,
    /// H1: a higher price (the MRR a month) fixes it.
    HigherPrice(Cents),
    /// H1: a higher price would not be accepted.
    WouldNotAccept,
    /// P1: does not fit the ideal client.
    Misfit,
    /// P1: red flags in the sales talks.
    RedFlags(usize),
    /// P2: expectations not accepted yet.
    NotAccepted,
    /// P2: fits, no red flags, accepts how you work.
    FitsAndAccepts,
    /// P2: fits, no red flags; agree on how you work first.
    FitsAgreeFirst,
    /// H2: check the agreement.
    CheckAgreement,
    /// H2: keep it professional.
    KeepProfessional,
    /// H2: help with the transition.
    HelpTransition,
    /// H3: in person, or by phone.
    InPerson,
    /// A sentence as kept by an older version.
    #[serde(untagged)]
    Text(String),
}

/// One piece of evidence, as a line under a question or a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Evidence {
    /// A raised dealbreaker's own evidence.
    Flag(FlagEvidence),
    /// An incident of the last year, with its note.
    Incident {
        on: NaiveDate,
        #[serde(with = "incident_kind")]
        kind: IncidentKind,
        note: Option<String>,
    },
    /// An invoice of the last year paid late.
    PaidLate {
        number: String,
        due: NaiveDate,
        days: i64,
    },
    /// An invoice of the last year unpaid past its due date.
    Overdue {
        number: String,
        due: NaiveDate,
        days: i64,
    },
    /// A recommendation ignored in the last year.
    Ignored {
        on: NaiveDate,
        title: String,
        security: bool,
    },
    /// Nothing on record for a question.
    Nothing(Nothing),
    /// R1: the measures it is in the vital few for ("stress", "hours", "revenue").
    VitalFew(Vec<String>),
    /// R1: in no vital few.
    NotVital,
    /// R1: its rate an hour against the portfolio's.
    Rate {
        rate: Cents,
        portfolio: Cents,
    },
    NoHours,
    PortfolioNoHours,
    /// R2: security recommendations ignored / security incidents, in a year.
    SecurityIgnoredInYear(usize),
    SecurityIncidentsInYear(usize),
    /// R2's reason: the same counts.
    SecurityIgnored(usize),
    SecurityIncidents(usize),
    /// R3: the standard stack (empty: none in the config).
    Stack(String),
    /// R3: how it fits the profile, or (as a reason's evidence) how it does not.
    Fit(FitCheck),
    Misfit(Fit),
    NoProfile,
    /// C1: its share of revenue (0 to 1) and MRR.
    Share {
        share: f64,
        mrr: Cents,
    },
    /// C1: the portfolio without them.
    Without {
        revenue_before: Cents,
        revenue_after: Cents,
        hours_before: f64,
        hours_after: f64,
    },
    Margin {
        before: f64,
        after: f64,
    },
    /// C1: above the share that warns (0 to 1).
    Concentration(f64),
    /// H1: the hours a month, their cost (with tooling for the seats, when there is
    /// tooling), and the target margin.
    Cost {
        hours: f64,
        cost: Cents,
        seats: Option<u32>,
        margin: f64,
    },
    /// H1: the MRR that reaches the margin, the increase in % and a month.
    Reaches {
        mrr: Cents,
        pct: f64,
        more: Cents,
    },
    AlreadyReaches(Cents),
    NoMrrYet(Cents),
    NoLabourCost,
    /// O1: the score.
    Score(f64),
    /// P1: a red flag (its question).
    RedFlag(Q),
    /// P2: a question not asked yet.
    NotAsked(Q),
    NoProfileForFit,
    /// P2: a condition.
    Condition(Condition),
    /// H2: the agreement's facts.
    ContractEnds(NaiveDate),
    NoContractEnd,
    NoticeDays(u32),
    NoNoticeDays,
    NoticePassed(NaiveDate),
    NoticeBy(NaiveDate),
    NoNoticeBy,
    /// H2: a reason of the walk, to give.
    Cite {
        code: Code,
        why: Why,
    },
    /// H3: whom to call, and the refund to bring.
    Call(String),
    BringRefund(Cents),
    /// A line as kept by an older version.
    #[serde(untagged)]
    Text(String),
}

/// What there is nothing of, for a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Nothing {
    Abuse,
    AdviceOrDisrespect,
    Security,
    Demands,
    LateInvoices,
    /// R2: answer from what you know.
    OnRecord,
}

/// A condition a prospect accepts before the start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    Agreement,
    /// The standard stack (empty: none named in the config).
    Stack(String),
    Prepayment,
    Proactive,
    /// A condition as kept by an older version.
    #[serde(untagged)]
    Text(String),
}

/// One rule of the ideal client profile, and the client's value against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Fit {
    /// Its segment (none on record) and the segments the profile serves.
    Segment {
        segment: Option<String>,
        serves: Vec<String>,
    },
    Seats {
        seats: u32,
        min: u32,
    },
    Mrr {
        mrr: Cents,
        min: Cents,
    },
}

/// An incident kind kept by its stored name ("unreasonable_demand").
pub mod incident_kind {
    use crate::domain::IncidentKind;

    pub fn serialize<S: serde::Serializer>(k: &IncidentKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.as_str())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<IncidentKind, D::Error> {
        let name = <String as serde::Deserialize>::deserialize(d)?;
        IncidentKind::parse("kind", &name).map_err(|e| serde::de::Error::custom(e.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decide::Reason;

    #[test]
    fn a_reason_kept_as_sentences_reads_back_as_it_was_written() {
        let old = r#"{"code":"D1","text":"dealbreaker: abusive or unprofessional treatment","evidence":["2026-05-02 abuse incident"]}"#;
        let r: Reason = serde_json::from_str(old).unwrap();
        assert_eq!(r.code, Code::D1);
        assert_eq!(
            r.why,
            Why::Text("dealbreaker: abusive or unprofessional treatment".into())
        );
        assert_eq!(
            r.evidence,
            [Evidence::Text("2026-05-02 abuse incident".into())]
        );
        let c: Vec<Condition> = serde_json::from_str(r#"["sign the agreement"]"#).unwrap();
        assert_eq!(c, [Condition::Text("sign the agreement".into())]);
    }

    #[test]
    fn a_reason_kept_as_values_reads_back_the_same() {
        let r = Reason {
            code: Code::D1,
            why: Why::Dealbreaker(Dealbreaker::D1),
            evidence: vec![
                Evidence::Incident {
                    on: NaiveDate::from_ymd_opt(2026, 5, 2).unwrap(),
                    kind: IncidentKind::UnreasonableDemand,
                    note: Some("shouted".into()),
                },
                Evidence::Flag(FlagEvidence::IgnoredShare {
                    ignored: 2,
                    decided: 3,
                }),
                Evidence::Cite {
                    code: Code::R1,
                    why: Why::TooCostly,
                },
                Evidence::Text("as written".into()),
            ],
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Reason>(&json).unwrap(), r);
        let c = vec![Condition::Stack("M365".into()), Condition::Agreement];
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Condition>>(&json).unwrap(), c);
    }
}
