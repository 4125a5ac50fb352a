//! The domain's values in words: the English as it always read, the Dutch complete (no
//! hole left unfilled, no English left over).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::domain::decide::Code;
use crate::domain::decide::Condition;
use crate::domain::decide::case::FitCheck;
use crate::domain::decide::decision::{ExitPlanKept, Snapshot};
use crate::domain::decide::said::{Fit, Nothing};
use crate::domain::score::flags::FlagEvidence;
use crate::domain::{ClientId, IncidentKind};
use crate::words::with_language;

fn d(s: &str) -> NaiveDate {
    crate::domain::date::parse_date("d", s).unwrap()
}

fn decision(chosen: Outcome, proposed: Outcome) -> Decision {
    Decision {
        id: 1,
        client: ClientId(7),
        name: "Brandt Vastgoed".into(),
        decided_on: d("2026-06-30"),
        proposed,
        chosen,
        override_reason: (chosen != proposed).then(|| "they are a third of the revenue".into()),
        reasons: vec![Reason {
            code: Code::D1,
            why: Why::Dealbreaker(Dealbreaker::D1),
            evidence: Vec::new(),
        }],
        answers: Default::default(),
        snapshot: snapshot(),
        notes: None,
        review_on: None,
        proposed_mrr: None,
        exit: Some(ExitPlanKept {
            end_on: Some(if chosen == Outcome::EndNow {
                d("2026-08-29")
            } else {
                d("2027-01-31")
            }),
            notice_by: Some(d("2026-12-02")),
            prepaid_refund: Cents::ZERO,
        }),
        conditions: Vec::new(),
    }
}

fn snapshot() -> Snapshot {
    Snapshot {
        score: Some(48.9),
        grade: Some("D".into()),
        flags: vec!["D5".into()],
        revenue_share: 0.016,
        effective_rate: Some(Cents(4_500)),
        mrr: Cents(125_000),
        data_answers: BTreeMap::new(),
    }
}

#[test]
fn what_was_recorded_in_one_line() {
    let d = decision(Outcome::EndNow, Outcome::EndNow);
    assert_eq!(
        recorded(&d, "€"),
        "decided for 'Brandt Vastgoed': end now, ends 2026-08-29",
        "ending now gives notice today: no notice-by date"
    );
    let d = decision(Outcome::DoNotRenew, Outcome::EndNow);
    assert_eq!(
        recorded(&d, "€"),
        "decided for 'Brandt Vastgoed': do not renew (the evidence proposed end now), ends 2027-01-31, give notice by 2026-12-02"
    );
    assert_eq!(
        with_language(Lang::Nl, || recorded(&d, "€")),
        "besloten voor 'Brandt Vastgoed': niet verlengen (het bewijs stelde nu beëindigen voor), eindigt op 2027-01-31, zeg uiterlijk op 2026-12-02 op"
    );
    assert_eq!(
        decision_why(&d, "€"),
        "chosen over end now: they are a third of the revenue"
    );
    let kept = decision(Outcome::EndNow, Outcome::EndNow);
    assert_eq!(
        decision_why(&kept, "€"),
        "D1 dealbreaker: abusive or unprofessional treatment"
    );
    assert_eq!(
        with_language(Lang::Nl, || decision_why(&kept, "€")),
        "D1 dealbreaker: beledigende of onprofessionele behandeling"
    );
}

#[test]
fn what_changed_since_the_last_decision_in_words() {
    let before = snapshot();
    let now = Snapshot {
        score: Some(31.2),
        flags: vec!["D1".into()],
        revenue_share: 0.012,
        effective_rate: Some(Cents(3_800)),
        ..before.clone()
    };
    let moved = now.changes_since(&before);
    assert_eq!(
        changes(&moved, "€"),
        [
            "score 48 -> 31",
            "D1 raised",
            "D5 cleared",
            "revenue share 1.6% -> 1.2%",
            "rate €45/h -> €38/h"
        ]
    );
    assert_eq!(
        with_language(Lang::Nl, || changes(&moved, "€")),
        [
            "score 48 -> 31",
            "D1 gesignaleerd",
            "D5 vervallen",
            "omzetaandeel 1.6% -> 1.2%",
            "tarief €45/u -> €38/u"
        ]
    );
    assert!(before.changes_since(&before).is_empty());
    // A rate that moves less than shows (€45.00 to €45.20) is not a change.
    let same = Snapshot {
        effective_rate: Some(Cents(4_520)),
        ..before.clone()
    };
    assert!(same.changes_since(&before).is_empty());
}

/// One of every kind of evidence and reason.
fn every_evidence() -> Vec<Evidence> {
    let on = d("2026-05-02");
    let fit = Fit::Segment {
        segment: Some("dental".into()),
        serves: vec!["legal".into()],
    };
    vec![
        Evidence::Flag(FlagEvidence::Incident {
            on,
            kind: IncidentKind::UnreasonableDemand,
        }),
        Evidence::Flag(FlagEvidence::IgnoredShare {
            ignored: 2,
            decided: 3,
        }),
        Evidence::Flag(FlagEvidence::Ignored {
            on,
            title: "Replace the NAS".into(),
            security: true,
        }),
        Evidence::Flag(FlagEvidence::Overdue {
            due: on,
            number: "F-12".into(),
            days: 40,
        }),
        Evidence::Flag(FlagEvidence::PaidLate {
            paid: on,
            number: "F-12".into(),
            days: 9,
        }),
        Evidence::Flag(FlagEvidence::Unpaid {
            due: on,
            number: "F-12".into(),
        }),
        Evidence::Incident {
            on,
            kind: IncidentKind::Abuse,
            note: Some("shouted".into()),
        },
        Evidence::PaidLate {
            number: "F-1".into(),
            due: on,
            days: 3,
        },
        Evidence::Overdue {
            number: "F-1".into(),
            due: on,
            days: 3,
        },
        Evidence::Ignored {
            on,
            title: "MFA".into(),
            security: false,
        },
        Evidence::Nothing(Nothing::AdviceOrDisrespect),
        Evidence::VitalFew(vec!["hours".into(), "revenue".into()]),
        Evidence::NotVital,
        Evidence::Rate {
            rate: Cents(4_500),
            portfolio: Cents(9_000),
        },
        Evidence::NoHours,
        Evidence::PortfolioNoHours,
        Evidence::SecurityIgnoredInYear(1),
        Evidence::SecurityIncidentsInYear(2),
        Evidence::SecurityIgnored(2),
        Evidence::SecurityIncidents(2),
        Evidence::Stack(String::new()),
        Evidence::Stack("M365".into()),
        Evidence::Fit(FitCheck {
            fits: false,
            on: fit.clone(),
        }),
        Evidence::Misfit(fit),
        Evidence::NoProfile,
        Evidence::Share {
            share: 0.3,
            mrr: Cents(125_000),
        },
        Evidence::Without {
            revenue_before: Cents(10_000_000),
            revenue_after: Cents(9_000_000),
            hours_before: 100.0,
            hours_after: 90.0,
        },
        Evidence::Margin {
            before: 40.0,
            after: 45.0,
        },
        Evidence::Concentration(0.25),
        Evidence::Cost {
            hours: 12.5,
            cost: Cents(80_000),
            seats: Some(12),
            margin: 50.0,
        },
        Evidence::Reaches {
            mrr: Cents(160_000),
            pct: 28.0,
            more: Cents(35_000),
        },
        Evidence::AlreadyReaches(Cents(160_000)),
        Evidence::NoMrrYet(Cents(160_000)),
        Evidence::NoLabourCost,
        Evidence::Score(48.9),
        Evidence::RedFlag(Q::Haggles),
        Evidence::NotAsked(Q::AcceptsStack),
        Evidence::NoProfileForFit,
        Evidence::Condition(Condition::Prepayment),
        Evidence::ContractEnds(on),
        Evidence::NoContractEnd,
        Evidence::NoticeDays(60),
        Evidence::NoNoticeDays,
        Evidence::NoticePassed(on),
        Evidence::NoticeBy(on),
        Evidence::NoNoticeBy,
        Evidence::Cite {
            code: Code::R1,
            why: Why::TooCostly,
        },
        Evidence::Call("Rob Brandt".into()),
        Evidence::BringRefund(Cents(41_667)),
    ]
}

fn every_why() -> Vec<Why> {
    vec![
        Why::Dealbreaker(Dealbreaker::D5),
        Why::TooCostly,
        Why::Liability(vec![Q::OldEquipment, Q::SecurityUndone]),
        Why::NoLongerFits(vec![Q::OffStack, Q::HoldingBack]),
        Why::CannotAbsorb,
        Why::NothingAgainst,
        Why::Challenging,
        Why::PricePays,
        Why::HigherPrice(Cents(160_000)),
        Why::WouldNotAccept,
        Why::Misfit,
        Why::RedFlags(1),
        Why::RedFlags(2),
        Why::NotAccepted,
        Why::FitsAndAccepts,
        Why::FitsAgreeFirst,
        Why::CheckAgreement,
        Why::KeepProfessional,
        Why::HelpTransition,
        Why::InPerson,
    ]
}

#[test]
fn every_piece_of_evidence_and_every_reason_is_said_in_both_languages() {
    let lines = |lang: Lang| -> Vec<String> {
        every_evidence()
            .iter()
            .map(|e| evidence_in(lang, e, "€"))
            .chain(every_why().iter().map(|w| why_in(lang, w, "€")))
            .collect()
    };
    let (en, nl) = (lines(Lang::En), lines(Lang::Nl));
    for (e, n) in en.iter().zip(&nl) {
        for line in [e, n] {
            assert!(!line.is_empty() && !line.contains('{'), "{line:?}");
        }
        // Only a line of values alone (a date and a title, a code) reads the same.
        let words_only_english = e == n && e.chars().filter(|c| c.is_alphabetic()).count() > 12;
        assert!(!words_only_english, "not said in Dutch: {e:?}");
    }
    assert!(en.contains(&"2026-05-02 unreasonable demand incident".to_string()));
    assert!(en.contains(&"1 security recommendation ignored in a year".to_string()));
    assert!(en.contains(&"does not fit segment: dental, not one of legal".to_string()));
    assert!(en.contains(&"R1 takes more than it brings".to_string()));
    assert!(nl.contains(&"2026-05-02 incident: onredelijke eis".to_string()));
    assert!(nl.contains(&"2 rode vlaggen in de verkoopgesprekken".to_string()));
    assert!(nl.contains(&"bel Rob Brandt".to_string()));
}

#[test]
fn the_walk_asks_every_question_and_names_every_step_and_outcome_in_dutch() {
    with_language(Lang::Nl, || {
        for q in Q::ALL {
            let (yes, no) = choices(q);
            assert_ne!(question(q), question_in(Lang::En, q), "{q:?}");
            assert!(!yes.is_empty() && !no.is_empty());
        }
        assert_eq!(choices(Q::TooCostly), ("ja", "nee"));
        for s in Step::all(false, true)
            .into_iter()
            .chain(Step::all(true, false))
        {
            assert!(!step(s).is_empty());
        }
        assert_eq!(step(Step::Reasons), "Redenen om ze te laten gaan (R1-R3)");
        for o in Outcome::CLIENT.into_iter().chain(Outcome::PROSPECT) {
            assert_ne!(outcome(o), outcome_in(Lang::En, o), "{o:?}");
            assert_eq!(outcome_in(Lang::En, o), o.label(), "the English stays");
        }
    });
}

#[test]
fn words_kept_by_an_older_version_are_shown_as_written() {
    for lang in [Lang::En, Lang::Nl] {
        assert_eq!(
            why_in(lang, &Why::Text("takes more than it brings".into()), "€"),
            "takes more than it brings"
        );
        assert_eq!(
            evidence_in(
                lang,
                &Evidence::Text("2026-05-02 abuse incident".into()),
                "€"
            ),
            "2026-05-02 abuse incident"
        );
        assert_eq!(
            condition_in(lang, &Condition::Text("sign it".into())),
            "sign it"
        );
    }
}
