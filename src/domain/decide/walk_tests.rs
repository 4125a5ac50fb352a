//! The walk, table-driven: every outcome reachable, the dealbreaker path, answers kept
//! going back and forth, an override recorded with its reason.

use chrono::NaiveDate;

use super::calc::{Contract, CostInputs, exit_plan, reprice};
use super::case::{CaseFile, DecisionRules, FitCheck, ParetoFacts};
use super::said::Fit;
use super::walk::{Answers, Q, Step, Walk};
use super::{Code, Condition, Evidence, Outcome};
use crate::domain::score::flags::{Dealbreaker, Flag, FlagEvidence};
use crate::domain::{Cents, Client, ClientDraft, ClientId, IncidentKind};

/// The incident every test case holds: an abuse incident with its note.
pub(super) fn shouted() -> Evidence {
    Evidence::Incident {
        on: d("2026-05-02"),
        kind: IncidentKind::Abuse,
        note: Some("shouted at the help desk".into()),
    }
}

pub(super) fn d(s: &str) -> NaiveDate {
    crate::domain::date::parse_date("d", s).unwrap()
}

fn client(status: &str) -> Client {
    let fields = ClientDraft {
        name: "Brandt Vastgoed".into(),
        mrr: "1250".into(),
        seats: "12".into(),
        contract_end: "2027-01-31".into(),
        notice_days: "60".into(),
        status: status.into(),
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap();
    Client {
        id: ClientId(7),
        fields,
        created_at: String::new(),
        updated_at: String::new(),
    }
}

pub(super) fn case(status: &str, flags: &[Dealbreaker], r1: bool, share: f64) -> CaseFile {
    let c = client(status);
    let rules = DecisionRules::default();
    let f = &c.fields;
    CaseFile {
        as_of: d("2026-06-30"),
        prospect: status == "prospect",
        score: Some(31.0),
        grade: Some("F".into()),
        flags: flags
            .iter()
            .map(|code| Flag {
                code: *code,
                evidence: vec![FlagEvidence::Incident {
                    on: d("2026-05-02"),
                    kind: IncidentKind::Abuse,
                }],
            })
            .collect(),
        incidents: vec![shouted()],
        late_invoices: Vec::new(),
        ignored: Vec::new(),
        ignored_security: 0,
        security_incidents: 0,
        pareto: ParetoFacts {
            candidate: r1,
            vital_for: if r1 { vec!["stress"] } else { Vec::new() },
            rate: Some(Cents(4_500)),
            portfolio_rate: Some(Cents(16_900)),
            revenue_share: share,
            before: None,
            after: None,
            concentration_warning: 0.25,
            window_days: 365,
        },
        reprice: reprice(&CostInputs {
            current_mrr: f.mrr,
            minutes_in_window: 90 * 60,
            window_days: 90,
            seats: f.seats,
            hourly_cost: Cents(6_500),
            tooling_per_seat: Cents::ZERO,
            target_margin_pct: 50.0,
        }),
        exit: exit_plan(
            &Contract {
                mrr: f.mrr,
                prepaid: f.prepaid,
                contract_end: f.contract_end,
                notice_days: f.notice_days,
            },
            d("2026-06-30"),
        ),
        fit: vec![FitCheck {
            fits: false,
            on: Fit::Segment {
                segment: Some("real estate".into()),
                serves: vec!["legal".into(), "dental".into()],
            },
        }],
        client: c,
        rules,
    }
}

fn walk_with(case: CaseFile, answers: &[(Q, bool)]) -> Walk {
    let mut w = Walk::new(case, None);
    for (q, a) in answers {
        w.set(*q, Some(*a));
    }
    w
}

#[test]
fn every_outcome_is_reachable_from_some_answers() {
    use Dealbreaker::D1;
    type Row = (&'static str, CaseFile, Vec<(Q, bool)>, Outcome);
    let client_cases: Vec<Row> = vec![
        (
            "nothing wrong",
            case("active", &[], false, 0.05),
            vec![],
            Outcome::Keep,
        ),
        (
            "a dealbreaker",
            case("active", &[D1], false, 0.05),
            vec![],
            Outcome::EndNow,
        ),
        (
            "a dealbreaker, but they cannot be missed",
            case("active", &[D1], false, 0.05),
            vec![(Q::CanAbsorb, false)],
            Outcome::DoNotRenew,
        ),
        (
            "costly, and would pay more",
            case("active", &[], true, 0.05),
            vec![(Q::WouldAccept, true)],
            Outcome::Reprice,
        ),
        (
            "costly, and would not pay more",
            case("active", &[], true, 0.05),
            vec![(Q::WouldAccept, false)],
            Outcome::ReduceScope,
        ),
        (
            "a liability",
            case("active", &[], false, 0.05),
            vec![(Q::SecurityUndone, true)],
            Outcome::DoNotRenew,
        ),
        (
            "costly, but challenging rather than bad",
            case("active", &[], true, 0.05),
            vec![(Q::AsksQuestions, true), (Q::HardToReach, true)],
            Outcome::Watch,
        ),
        (
            "a reason, but a third of the revenue",
            case("active", &[], true, 0.33),
            vec![],
            Outcome::Watch,
        ),
        (
            "no longer a fit",
            case("active", &[], false, 0.05),
            vec![(Q::HoldingBack, true)],
            Outcome::DoNotRenew,
        ),
        (
            "the data's dealbreaker overridden by the user",
            case("active", &[D1], false, 0.05),
            vec![(Q::Dealbreaker(D1), false)],
            Outcome::Keep,
        ),
    ];
    for (label, c, answers, want) in client_cases {
        let w = walk_with(c, &answers);
        assert_eq!(w.proposal().outcome, want, "{label}");
    }
    type ProspectRow = (&'static str, Vec<(Q, bool)>, Outcome);
    let prospects: Vec<ProspectRow> = vec![
        (
            "a misfit with a red flag",
            vec![(Q::Haggles, true)],
            Outcome::Decline,
        ),
        (
            "a misfit without red flags (P1: say no)",
            vec![],
            Outcome::Decline,
        ),
        (
            "two red flags",
            vec![(Q::Haggles, true), (Q::LeftSeveral, true)],
            Outcome::Decline,
        ),
    ];
    for (label, answers, want) in prospects {
        let w = walk_with(case("prospect", &[], false, 0.0), &answers);
        assert_eq!(w.proposal().outcome, want, "{label}");
    }
    let mut fits = case("prospect", &[], false, 0.0);
    fits.fit.clear();
    let w = walk_with(fits.clone(), &[]);
    assert_eq!(w.proposal().outcome, Outcome::TakeOn);
    for (label, answers) in [
        (
            "prepayment not accepted yet",
            vec![(Q::AcceptsPrepayment, false)],
        ),
        ("one red flag", vec![(Q::Haggles, true)]),
    ] {
        let w = walk_with(fits.clone(), &answers);
        assert_eq!(
            w.proposal().outcome,
            Outcome::TakeOnWithConditions,
            "{label}"
        );
    }
    // Every outcome there is was reached above.
}

#[test]
fn a_dealbreaker_proposes_end_now_citing_its_code_and_still_asks_c1_first() {
    let mut w = Walk::new(case("active", &[Dealbreaker::D1], false, 0.05), None);
    let p = w.proposal();
    assert_eq!(p.outcome, Outcome::EndNow);
    assert_eq!(p.reasons[0].code, Code::D1);
    assert!(
        p.reasons[0].evidence.contains(&shouted()),
        "the incident with its note: {:?}",
        p.reasons[0].evidence
    );
    let qs = w.questions();
    assert_eq!(w.step(), Step::Dealbreakers);
    assert!(
        qs[0].from_data && qs[0].answer == Some(true),
        "pre-answered from the data"
    );
    assert!(qs[0].evidence.contains(&shouted()), "{:?}", qs[0].evidence);
    let mut seen = vec![w.step()];
    while w.forward() {
        seen.push(w.step());
    }
    assert_eq!(
        seen,
        [
            Step::Dealbreakers,
            Step::Reasons,
            Step::Reconsider,
            Step::Reprice,
            Step::Outcome,
            Step::Exit
        ],
        "C1 comes before the outcome, and an ending has an exit plan"
    );
    assert_eq!(w.progress(), (6, 6));
}

#[test]
fn going_back_and_forth_keeps_the_answers_and_the_exit_step_follows_the_outcome() {
    let mut w = Walk::new(case("active", &[], true, 0.05), None);
    assert_eq!(w.progress(), (1, 5), "no exit plan for a keep");
    w.forward();
    w.set(Q::OldEquipment, Some(true));
    w.forward();
    w.set(Q::AsksQuestions, Some(false));
    assert_eq!(
        w.progress(),
        (3, 6),
        "a liability ends it: the exit plan joins"
    );
    w.back();
    w.back();
    assert_eq!(w.step(), Step::Dealbreakers);
    assert!(!w.back(), "nothing before the first step");
    w.forward();
    assert_eq!(w.answer(Q::OldEquipment), Some(true));
    w.forward();
    assert_eq!(w.answer(Q::AsksQuestions), Some(false));
    w.set(Q::OldEquipment, None);
    w.go(Step::Outcome);
    w.choose(Some(Outcome::EndNow));
    assert!(w.steps().contains(&Step::Exit));
    w.choose(Some(Outcome::Keep));
    assert!(!w.steps().contains(&Step::Exit));
}

#[test]
fn an_override_needs_a_reason_and_is_recorded() {
    let mut w = Walk::new(case("active", &[Dealbreaker::D1], false, 0.05), None);
    w.choose(Some(Outcome::Reprice));
    let e = w.finish().unwrap_err();
    assert!(e.for_field("reason").unwrap().contains("end now"), "{e}");
    w.answers.override_reason = "they apologised and pay on time now".into();
    let s = w.finish().unwrap();
    assert_eq!((s.proposed, s.chosen), (Outcome::EndNow, Outcome::Reprice));
    assert_eq!(
        s.override_reason.as_deref(),
        Some("they apologised and pay on time now")
    );
    assert_eq!(s.proposed_mrr, Some(w.case.reprice.proposed_mrr));
}

#[test]
fn a_watch_gets_a_review_date_after_today() {
    let mut w = Walk::new(case("active", &[], true, 0.33), None);
    assert_eq!(w.proposal().outcome, Outcome::Watch);
    assert_eq!(
        w.finish().unwrap().review_on,
        Some(d("2026-09-28")),
        "90 days on"
    );
    w.answers.review_on = Some(d("2026-06-30"));
    assert!(w.finish().unwrap_err().for_field("review on").is_some());
}

#[test]
fn the_last_answers_are_the_starting_point_and_survive_the_file() {
    let mut w = Walk::new(case("active", &[Dealbreaker::D1], false, 0.05), None);
    w.set(Q::Dealbreaker(Dealbreaker::D1), Some(false));
    w.set(Q::HoldingBack, Some(true));
    w.answers.notes = "talked on the phone".into();
    let json = serde_json::to_string(&w.answers).unwrap();
    assert!(
        json.contains("\"D1\":false") && json.contains("\"HoldingBack\":true"),
        "{json}"
    );
    let back: Answers = serde_json::from_str(&json).unwrap();
    assert_eq!(back, w.answers);
    let again = Walk::new(case("active", &[Dealbreaker::D1], false, 0.05), Some(back));
    assert_eq!(
        again.answer(Q::Dealbreaker(Dealbreaker::D1)),
        Some(false),
        "the user's answer"
    );
    assert_eq!(again.proposal().outcome, Outcome::DoNotRenew);
    assert_eq!(again.answers.notes, "talked on the phone");
}

#[test]
fn a_prospect_walks_fit_red_flags_expectations_and_lists_its_conditions() {
    let mut w = Walk::new(case("prospect", &[], false, 0.0), None);
    let mut steps = vec![w.step()];
    while w.forward() {
        steps.push(w.step());
    }
    assert_eq!(
        steps,
        [Step::Fit, Step::RedFlags, Step::Expectations, Step::Outcome]
    );
    w.case.fit.clear();
    w.set(Q::AcceptsPrepayment, Some(false));
    w.set(Q::AcceptsStack, Some(false));
    let s = w.finish().unwrap();
    assert_eq!(s.chosen, Outcome::TakeOnWithConditions);
    assert_eq!(
        s.conditions,
        [Condition::Stack(String::new()), Condition::Prepayment]
    );
    assert!(s.reasons.iter().any(|r| r.code == Code::P2));
}

#[test]
fn what_moved_in_a_case_read_again() {
    use super::decision::Change;
    let before = case("active", &[], false, 0.05);
    assert!(before.changes_since(&before).is_empty());
    let mut now = before.clone();
    let swore = Evidence::Incident {
        on: d("2026-06-30"),
        kind: IncidentKind::Abuse,
        note: Some("swore at Sam on the phone".into()),
    };
    now.incidents.insert(0, swore.clone());
    now.flags.push(Flag {
        code: Dealbreaker::D1,
        evidence: Vec::new(),
    });
    now.client.fields.notice_days = Some(30);
    assert_eq!(
        now.changes_since(&before),
        [
            Change::Fields("notice days 60 -> 30".into()),
            Change::Raised("D1".into()),
            Change::New(swore.clone()),
        ]
    );
    assert_eq!(before.changes_since(&now)[2], Change::Gone(swore));
}

#[test]
fn a_saved_decision_says_which_answers_came_from_the_data() {
    use super::decision::{Decision, Given, Snapshot};
    let mut w = Walk::new(case("active", &[Dealbreaker::D1], true, 0.05), None);
    // D1 raised by the data, answered no; D5 not raised and left; R3 only the user knows.
    w.set(Q::Dealbreaker(Dealbreaker::D1), Some(false));
    w.set(Q::HoldingBack, Some(true));
    let s = w.finish().unwrap();
    let decision = Decision::from_walk(&w.case, &w.answers, s, d("2026-06-30"));
    let d1 = Q::Dealbreaker(Dealbreaker::D1);
    let d5 = Q::Dealbreaker(Dealbreaker::D5);
    assert_eq!(decision.given(d1), Some((false, Given::AgainstData)));
    assert_eq!(decision.given(d5), Some((false, Given::FromData)));
    assert_eq!(decision.given(Q::TooCostly), Some((true, Given::FromData)));
    assert_eq!(decision.given(Q::HoldingBack), Some((true, Given::Yours)));
    assert_eq!(decision.given(Q::WouldAccept), None, "not answered");
    // The data's answers are kept with the snapshot, and a snapshot kept before they
    // were reads back without them.
    let json = serde_json::to_string(&decision.snapshot).unwrap();
    assert!(json.contains("\"data_answers\":{\"D1\":true"), "{json}");
    let back: Snapshot = serde_json::from_str(&json).unwrap();
    assert_eq!(back, decision.snapshot);
    let old: Snapshot = serde_json::from_str(
        r#"{"score":31.0,"grade":"F","flags":["D1"],"revenue_share":0.05,"effective_rate":4500,"mrr":125000}"#,
    )
    .unwrap();
    assert!(old.data_answers.is_empty());
    let kept_before = Decision {
        snapshot: old,
        ..decision
    };
    assert_eq!(kept_before.given(d1), Some((false, Given::Yours)));
}

#[test]
fn the_steps_of_a_walk_and_their_questions_cover_every_question_once() {
    let mut asked: Vec<Q> = Step::all(false, true)
        .into_iter()
        .chain(Step::all(true, false))
        .flat_map(Step::questions)
        .collect();
    asked.sort();
    let mut all = Q::ALL.to_vec();
    all.sort();
    assert_eq!(asked, all);
    assert_eq!(Step::all(false, false).last(), Some(&Step::Outcome));
    assert_eq!(Step::all(false, true).last(), Some(&Step::Exit));
}
