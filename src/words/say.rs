//! The decision domain's values in words: outcomes, the walk's steps and questions, the
//! dealbreakers and their evidence, the reasons and their evidence, conditions, what changed
//! and what was recorded. One function per kind of value, in the language in force, or in
//! one of its own (`*_in`) for a letter in another language than the app's. Both faces
//! (screens and command line) call these; the domain only hands over values.
//!
//! Money is written with the currency symbol the caller gives (the config's), as the screens
//! write it; dates as ISO, as the walk and the lists show them.

use crate::domain::Cents;
use crate::domain::date::iso;
use crate::domain::decide::decision::{Change, Decision};
use crate::domain::decide::upcoming::{Detail, Due};
use crate::domain::decide::walk::{Q, Step};
use crate::domain::decide::{Evidence, Outcome, Reason, Why};
use crate::domain::score::flags::Dealbreaker;
use crate::t_in;
use crate::words::{Lang, language, plural_in};

mod evidence;
pub use evidence::*;
pub mod import;

/// An outcome in words: "keep and watch".
pub fn outcome(o: Outcome) -> &'static str {
    outcome_in(language(), o)
}

pub fn outcome_in(lang: Lang, o: Outcome) -> &'static str {
    match o {
        Outcome::Keep => t_in!(lang, "decide.outcome.keep"),
        Outcome::Watch => t_in!(lang, "decide.outcome.watch"),
        Outcome::Reprice => t_in!(lang, "decide.outcome.reprice"),
        Outcome::ReduceScope => t_in!(lang, "decide.outcome.reduce_scope"),
        Outcome::DoNotRenew => t_in!(lang, "decide.outcome.do_not_renew"),
        Outcome::EndNow => t_in!(lang, "decide.outcome.end_now"),
        Outcome::TakeOn => t_in!(lang, "decide.outcome.take_on"),
        Outcome::TakeOnWithConditions => t_in!(lang, "decide.outcome.take_on_with_conditions"),
        Outcome::Decline => t_in!(lang, "decide.outcome.decline"),
    }
}

/// What comes up: "last day to give notice".
pub fn due(d: Due) -> &'static str {
    let lang = language();
    match d {
        Due::NoticeBy => t_in!(lang, "decide.due.notice_by"),
        Due::ContractEnds => t_in!(lang, "decide.due.contract_ends"),
        Due::Review => t_in!(lang, "decide.due.review"),
        Due::Exit => t_in!(lang, "decide.due.exit"),
    }
}

/// A little more about what comes up: "notice 60 days".
pub fn upcoming_detail(d: &Detail) -> String {
    let lang = language();
    match d {
        Detail::Notice(n) => crate::words::plural_in(lang, "decide.due.notice", i64::from(*n), &[]),
        Detail::NoNotice => t_in!(lang, "decide.due.no_notice").into(),
        Detail::ForEnd(end) => t_in!(lang, "decide.due.for_end", end = iso(*end)),
        Detail::Overdue(n) => crate::words::plural_in(lang, "decide.due.overdue", *n, &[]),
        Detail::LookAgain => t_in!(lang, "decide.due.look_again").into(),
        Detail::Offboarding(o) => t_in!(
            lang,
            "decide.due.offboarding",
            outcome = outcome_in(lang, *o)
        ),
    }
}

/// A dealbreaker's title: "recurring late payments".
pub fn dealbreaker(d: Dealbreaker) -> &'static str {
    dealbreaker_in(language(), d)
}

pub fn dealbreaker_in(lang: Lang, d: Dealbreaker) -> &'static str {
    match d {
        Dealbreaker::D1 => t_in!(lang, "reasons.dealbreaker.d1"),
        Dealbreaker::D2 => t_in!(lang, "reasons.dealbreaker.d2"),
        Dealbreaker::D3 => t_in!(lang, "reasons.dealbreaker.d3"),
        Dealbreaker::D4 => t_in!(lang, "reasons.dealbreaker.d4"),
        Dealbreaker::D5 => t_in!(lang, "reasons.dealbreaker.d5"),
    }
}

/// A step of the walk's title: "Reasons to let go (R1-R3)".
pub fn step(s: Step) -> &'static str {
    let lang = language();
    match s {
        Step::Dealbreakers => t_in!(lang, "walk.step.dealbreakers"),
        Step::Reasons => t_in!(lang, "walk.step.reasons"),
        Step::Reconsider => t_in!(lang, "walk.step.reconsider"),
        Step::Reprice => t_in!(lang, "walk.step.reprice"),
        Step::Outcome => t_in!(lang, "walk.step.outcome"),
        Step::Exit => t_in!(lang, "walk.step.exit"),
        Step::Fit => t_in!(lang, "walk.step.fit"),
        Step::RedFlags => t_in!(lang, "walk.step.red_flags"),
        Step::Expectations => t_in!(lang, "walk.step.expectations"),
    }
}

/// A question of the walk, as asked.
pub fn question(q: Q) -> &'static str {
    question_in(language(), q)
}

pub fn question_in(lang: Lang, q: Q) -> &'static str {
    match q {
        Q::Dealbreaker(Dealbreaker::D1) => t_in!(lang, "walk.question.d1"),
        Q::Dealbreaker(Dealbreaker::D2) => t_in!(lang, "walk.question.d2"),
        Q::Dealbreaker(Dealbreaker::D3) => t_in!(lang, "walk.question.d3"),
        Q::Dealbreaker(Dealbreaker::D4) => t_in!(lang, "walk.question.d4"),
        Q::Dealbreaker(Dealbreaker::D5) => t_in!(lang, "walk.question.d5"),
        Q::TooCostly => t_in!(lang, "walk.question.too_costly"),
        Q::OldEquipment => t_in!(lang, "walk.question.old_equipment"),
        Q::AdvisedAgainstSoftware => t_in!(lang, "walk.question.advised_against_software"),
        Q::SecurityUndone => t_in!(lang, "walk.question.security_undone"),
        Q::OffStack => t_in!(lang, "walk.question.off_stack"),
        Q::NotProactive => t_in!(lang, "walk.question.not_proactive"),
        Q::HoldingBack => t_in!(lang, "walk.question.holding_back"),
        Q::CanAbsorb => t_in!(lang, "walk.question.can_absorb"),
        Q::AsksQuestions => t_in!(lang, "walk.question.asks_questions"),
        Q::HardToReach => t_in!(lang, "walk.question.hard_to_reach"),
        Q::QuestionsPrices => t_in!(lang, "walk.question.questions_prices"),
        Q::WouldAccept => t_in!(lang, "walk.question.would_accept"),
        Q::Haggles => t_in!(lang, "walk.question.haggles"),
        Q::WantsControl => t_in!(lang, "walk.question.wants_control"),
        Q::LeftSeveral => t_in!(lang, "walk.question.left_several"),
        Q::EverythingFixed => t_in!(lang, "walk.question.everything_fixed"),
        Q::AcceptsAgreement => t_in!(lang, "walk.question.accepts_agreement"),
        Q::AcceptsStack => t_in!(lang, "walk.question.accepts_stack"),
        Q::AcceptsPrepayment => t_in!(lang, "walk.question.accepts_prepayment"),
        Q::AcceptsProactive => t_in!(lang, "walk.question.accepts_proactive"),
    }
}

/// The two answers of a question as they read: (yes, no); for C2, the two descriptions.
pub fn choices(q: Q) -> (&'static str, &'static str) {
    let lang = language();
    match q {
        Q::AsksQuestions => (
            t_in!(lang, "walk.choice.asks_questions.yes"),
            t_in!(lang, "walk.choice.asks_questions.no"),
        ),
        Q::HardToReach => (
            t_in!(lang, "walk.choice.hard_to_reach.yes"),
            t_in!(lang, "walk.choice.hard_to_reach.no"),
        ),
        Q::QuestionsPrices => (
            t_in!(lang, "walk.choice.questions_prices.yes"),
            t_in!(lang, "walk.choice.questions_prices.no"),
        ),
        _ => (
            t_in!(lang, "walk.choice.yes"),
            t_in!(lang, "walk.choice.no"),
        ),
    }
}

/// Why an outcome is proposed, as the reason's sentence; money in `cur`.
pub fn why(w: &Why, cur: &str) -> String {
    why_in(language(), w, cur)
}

pub fn why_in(lang: Lang, w: &Why, cur: &str) -> String {
    let list = |qs: &[Q]| -> String {
        qs.iter()
            .map(|q| match q {
                Q::OldEquipment => t_in!(lang, "reasons.liability.old_equipment"),
                Q::AdvisedAgainstSoftware => t_in!(lang, "reasons.liability.software"),
                Q::SecurityUndone => t_in!(lang, "reasons.liability.security_undone"),
                Q::OffStack => t_in!(lang, "reasons.misfit.off_stack"),
                Q::NotProactive => t_in!(lang, "reasons.misfit.not_proactive"),
                _ => t_in!(lang, "reasons.misfit.holding_back"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match w {
        Why::Dealbreaker(d) => t_in!(
            lang,
            "reasons.dealbreaker_confirmed",
            title = dealbreaker_in(lang, *d)
        ),
        Why::TooCostly => t_in!(lang, "reasons.too_costly").into(),
        Why::Liability(qs) => t_in!(lang, "reasons.liability.text", list = list(qs)),
        Why::NoLongerFits(qs) => t_in!(lang, "reasons.misfit.text", list = list(qs)),
        Why::CannotAbsorb => t_in!(lang, "reasons.cannot_absorb").into(),
        Why::NothingAgainst => t_in!(lang, "reasons.nothing_against").into(),
        Why::Challenging => t_in!(lang, "reasons.challenging").into(),
        Why::PricePays => t_in!(lang, "reasons.price_pays").into(),
        Why::HigherPrice(m) => t_in!(lang, "reasons.higher_price", mrr = m.display(cur)),
        Why::WouldNotAccept => t_in!(lang, "reasons.would_not_accept").into(),
        Why::Misfit => t_in!(lang, "reasons.prospect_misfit").into(),
        Why::RedFlags(n) => plural_in(lang, "reasons.red_flags", *n as i64, &[]),
        Why::NotAccepted => t_in!(lang, "reasons.not_accepted").into(),
        Why::FitsAndAccepts => t_in!(lang, "reasons.fits_and_accepts").into(),
        Why::FitsAgreeFirst => t_in!(lang, "reasons.fits_agree_first").into(),
        Why::CheckAgreement => t_in!(lang, "reasons.check_agreement").into(),
        Why::KeepProfessional => t_in!(lang, "reasons.keep_professional").into(),
        Why::HelpTransition => t_in!(lang, "reasons.help_transition").into(),
        Why::InPerson => t_in!(lang, "reasons.in_person").into(),
        Why::Text(s) => s.clone(),
    }
}

/// A reason's sentence (without its code); money in `cur`.
pub fn reason(r: &Reason, cur: &str) -> String {
    why(&r.why, cur)
}

/// A reason's evidence, one line each.
pub fn reason_evidence(r: &Reason, cur: &str) -> Vec<String> {
    let lang = language();
    r.evidence
        .iter()
        .map(|e| evidence_in(lang, e, cur))
        .collect()
}

/// What moved since the last reading: "score 48 -> 31", "D1 raised".
pub fn change(c: &Change, cur: &str) -> String {
    let lang = language();
    let opt = |v: Option<i64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
    let rate = |r: &Option<Cents>| {
        r.map_or_else(
            || "-".to_string(),
            |r| t_in!(lang, "decide.change.per_hour", money = r.display_whole(cur)),
        )
    };
    let kind = |e: &Evidence, new: bool| -> &'static str {
        match (e, new) {
            (Evidence::Incident { .. }, true) => "decide.change.new_incident",
            (Evidence::Incident { .. }, false) => "decide.change.gone_incident",
            (Evidence::Ignored { .. }, true) => "decide.change.new_ignored",
            (Evidence::Ignored { .. }, false) => "decide.change.gone_ignored",
            (_, true) => "decide.change.new_late",
            (_, false) => "decide.change.gone_late",
        }
    };
    match c {
        Change::Fields(s) => s.clone(),
        Change::Score { before, now } => t_in!(
            lang,
            "decide.change.score",
            before = opt(*before),
            now = opt(*now)
        ),
        Change::Raised(code) => t_in!(lang, "decide.change.raised", code = code),
        Change::Cleared(code) => t_in!(lang, "decide.change.cleared", code = code),
        Change::Mrr { before, now } => t_in!(
            lang,
            "decide.change.mrr",
            before = before.display_whole(cur),
            now = now.display_whole(cur)
        ),
        Change::Share { before, now } => t_in!(
            lang,
            "decide.change.share",
            before = format!("{:.1}", before * 100.0),
            now = format!("{:.1}", now * 100.0)
        ),
        Change::Rate { before, now } => t_in!(
            lang,
            "decide.change.rate",
            before = rate(before),
            now = rate(now)
        ),
        Change::New(e) | Change::Gone(e) => {
            let line = evidence_in(lang, e, cur);
            let key = kind(e, matches!(c, Change::New(_)));
            crate::words::fill(crate::words::get_in(lang, key), &[("line", &line)])
        }
    }
}

/// The changes, each in words.
pub fn changes(cs: &[Change], cur: &str) -> Vec<String> {
    cs.iter().map(|c| change(c, cur)).collect()
}

/// What was recorded, in one line: "decided for 'Brandt Vastgoed': end now, ends
/// 2026-07-30". Said by the command line and the app alike.
pub fn recorded(d: &Decision, cur: &str) -> String {
    let lang = language();
    let mut s = t_in!(
        lang,
        "decide.recorded.head",
        name = d.name,
        outcome = outcome_in(lang, d.chosen)
    );
    if d.chosen != d.proposed {
        s.push_str(&t_in!(
            lang,
            "decide.recorded.proposed",
            outcome = outcome_in(lang, d.proposed)
        ));
    }
    if let Some(on) = d.review_on {
        s.push_str(&t_in!(lang, "decide.recorded.review", on = iso(on)));
    }
    if let Some(mrr) = d.proposed_mrr {
        s.push_str(&t_in!(lang, "decide.recorded.mrr", mrr = mrr.display(cur)));
    }
    if let Some(e) = &d.exit {
        match e.end_on {
            Some(end) => s.push_str(&t_in!(lang, "decide.recorded.ends", on = iso(end))),
            None => s.push_str(t_in!(lang, "decide.recorded.end_unknown")),
        }
        // The last day to give notice is for a non-renewal; ending now gives it today.
        if let Some(by) = e.notice_by.filter(|_| d.chosen == Outcome::DoNotRenew) {
            s.push_str(&t_in!(lang, "decide.recorded.notice_by", on = iso(by)));
        }
    }
    s
}

/// A decision's first reason, as a line for a list: "D1 dealbreaker: ...", or why another
/// outcome than the proposal was chosen.
pub fn decision_why(d: &Decision, cur: &str) -> String {
    let lang = language();
    match (&d.override_reason, d.reasons.first()) {
        (Some(r), _) => t_in!(
            lang,
            "decide.chosen_over",
            outcome = outcome_in(lang, d.proposed),
            reason = r
        ),
        (None, Some(r)) => t_in!(
            lang,
            "evidence.cite",
            code = r.code,
            why = why_in(lang, &r.why, cur)
        ),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests;
