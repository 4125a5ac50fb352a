//! The decision domain's values in words: outcomes, the walk's steps and questions, the
//! dealbreakers and their evidence, the reasons and their evidence, conditions, what changed
//! and what was recorded. One function per kind of value, in the language in force, or in
//! one of its own (`*_in`) for a letter in another language than the app's. Both faces
//! (screens and command line) call these; the domain only hands over values.
//!
//! Money is written with the currency symbol the caller gives (the config's), as the screens
//! write it; dates as ISO, as the walk and the lists show them.

use crate::domain::Cents;
use crate::domain::IncidentKind;
use crate::domain::date::iso;
use crate::domain::decide::decision::{Change, Decision};
use crate::domain::decide::said::{Fit, Nothing};
use crate::domain::decide::upcoming::{Detail, Due};
use crate::domain::decide::walk::{Q, Step};
use crate::domain::decide::{Condition, Evidence, Outcome, Reason, Why};
use crate::domain::score::flags::{Dealbreaker, FlagEvidence};
use crate::t_in;
use crate::words::{Lang, language, plural_in};

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
        Detail::Notice(n) => t_in!(lang, "decide.due.notice", n = n),
        Detail::NoNotice => t_in!(lang, "decide.due.no_notice").into(),
        Detail::ForEnd(end) => t_in!(lang, "decide.due.for_end", end = iso(*end)),
        Detail::Overdue(n) => t_in!(lang, "decide.due.overdue", n = n),
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

/// An incident kind in words: "unreasonable demand".
pub fn incident_kind_in(lang: Lang, k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::Abuse => t_in!(lang, "evidence.kind.abuse"),
        IncidentKind::Disrespect => t_in!(lang, "evidence.kind.disrespect"),
        IncidentKind::Security => t_in!(lang, "evidence.kind.security"),
        IncidentKind::UnreasonableDemand => t_in!(lang, "evidence.kind.unreasonable_demand"),
        IncidentKind::Other => t_in!(lang, "evidence.kind.other"),
    }
}

/// A raised dealbreaker's piece of evidence: "2026-05-02 abuse incident".
pub fn flag_evidence(e: &FlagEvidence) -> String {
    flag_evidence_in(language(), e)
}

pub fn flag_evidence_in(lang: Lang, e: &FlagEvidence) -> String {
    match e {
        FlagEvidence::Incident { on, kind } => t_in!(
            lang,
            "evidence.flag.incident",
            on = iso(*on),
            kind = incident_kind_in(lang, *kind)
        ),
        FlagEvidence::IgnoredShare { ignored, decided } => t_in!(
            lang,
            "evidence.flag.ignored_share",
            ignored = ignored,
            decided = decided
        ),
        FlagEvidence::Ignored {
            on,
            title,
            security: false,
        } => t_in!(lang, "evidence.flag.ignored", on = iso(*on), title = title),
        FlagEvidence::Ignored { on, title, .. } => t_in!(
            lang,
            "evidence.flag.ignored_security",
            on = iso(*on),
            title = title
        ),
        FlagEvidence::Overdue { due, number, days } => t_in!(
            lang,
            "evidence.flag.overdue",
            due = iso(*due),
            number = number,
            days = days
        ),
        FlagEvidence::PaidLate { paid, number, days } => t_in!(
            lang,
            "evidence.flag.paid_late",
            paid = iso(*paid),
            number = number,
            days = days
        ),
        FlagEvidence::Unpaid { due, number } => t_in!(
            lang,
            "evidence.flag.unpaid",
            due = iso(*due),
            number = number
        ),
    }
}

/// The measure a client is in the vital few of: "stress", "hours", "revenue".
fn measure_in(lang: Lang, key: &str) -> String {
    match key {
        "stress" => t_in!(lang, "evidence.measure.stress").to_string(),
        "hours" => t_in!(lang, "evidence.measure.hours").to_string(),
        "revenue" => t_in!(lang, "evidence.measure.revenue").to_string(),
        other => other.to_string(),
    }
}

/// What a rule of the ideal client profile is about: "segment".
pub fn fit_what_in(lang: Lang, f: &Fit) -> &'static str {
    match f {
        Fit::Segment { .. } => t_in!(lang, "evidence.fit.segment"),
        Fit::Seats { .. } => t_in!(lang, "evidence.fit.seats"),
        Fit::Mrr { .. } => t_in!(lang, "evidence.fit.mrr"),
    }
}

/// The client's value against a rule of the profile: "dental, not one of legal, accounting".
pub fn fit_detail_in(lang: Lang, f: &Fit, fits: bool, cur: &str) -> String {
    match f {
        Fit::Segment {
            segment: None,
            serves,
        } => t_in!(
            lang,
            "evidence.fit.segment_none",
            serves = serves.join(", ")
        ),
        Fit::Segment {
            segment: Some(s), ..
        } if fits => t_in!(lang, "evidence.fit.segment_fits", segment = s),
        Fit::Segment {
            segment: Some(s),
            serves,
        } => t_in!(
            lang,
            "evidence.fit.segment_misses",
            segment = s,
            serves = serves.join(", ")
        ),
        Fit::Seats { seats, min } => {
            t_in!(lang, "evidence.fit.at_least", value = seats, min = min)
        }
        Fit::Mrr { mrr, min } => t_in!(
            lang,
            "evidence.fit.at_least",
            value = mrr.display_whole(cur),
            min = min.display_whole(cur)
        ),
    }
}

/// Whether a fit check passes, as the fit step shows it: "segment: fits, dental, one you
/// serve".
pub fn fit_check_in(lang: Lang, f: &Fit, fits: bool, cur: &str) -> String {
    let what = fit_what_in(lang, f);
    let detail = fit_detail_in(lang, f, fits, cur);
    if fits {
        t_in!(
            lang,
            "evidence.fit.check_fits",
            what = what,
            detail = detail
        )
    } else {
        t_in!(
            lang,
            "evidence.fit.check_misses",
            what = what,
            detail = detail
        )
    }
}

fn nothing_in(lang: Lang, n: Nothing) -> &'static str {
    match n {
        Nothing::Abuse => t_in!(lang, "evidence.none.abuse"),
        Nothing::AdviceOrDisrespect => t_in!(lang, "evidence.none.advice_or_disrespect"),
        Nothing::Security => t_in!(lang, "evidence.none.security"),
        Nothing::Demands => t_in!(lang, "evidence.none.demands"),
        Nothing::LateInvoices => t_in!(lang, "evidence.none.late_invoices"),
        Nothing::OnRecord => t_in!(lang, "evidence.none.on_record"),
    }
}

/// A prospect's condition: "sign the managed service agreement".
pub fn condition(c: &Condition) -> String {
    condition_in(language(), c)
}

pub fn condition_in(lang: Lang, c: &Condition) -> String {
    match c {
        Condition::Agreement => t_in!(lang, "reasons.condition.agreement").into(),
        Condition::Stack(s) if s.is_empty() => t_in!(lang, "reasons.condition.stack").into(),
        Condition::Stack(s) => t_in!(lang, "reasons.condition.stack_named", stack = s),
        Condition::Prepayment => t_in!(lang, "reasons.condition.prepayment").into(),
        Condition::Proactive => t_in!(lang, "reasons.condition.proactive").into(),
        Condition::Text(s) => s.clone(),
    }
}

/// A piece of evidence as a line, money in `cur`.
pub fn evidence(e: &Evidence, cur: &str) -> String {
    evidence_in(language(), e, cur)
}

pub fn evidence_in(lang: Lang, e: &Evidence, cur: &str) -> String {
    let pct1 = |v: f64| format!("{:.1}", v * 100.0);
    match e {
        Evidence::Flag(f) => flag_evidence_in(lang, f),
        Evidence::Incident { on, kind, note } => match note {
            Some(note) => t_in!(
                lang,
                "evidence.incident_note",
                on = iso(*on),
                kind = incident_kind_in(lang, *kind),
                note = note
            ),
            None => t_in!(
                lang,
                "evidence.incident",
                on = iso(*on),
                kind = incident_kind_in(lang, *kind)
            ),
        },
        Evidence::PaidLate { number, due, days } => t_in!(
            lang,
            "evidence.paid_late",
            number = number,
            due = iso(*due),
            days = days
        ),
        Evidence::Overdue { number, due, days } => t_in!(
            lang,
            "evidence.overdue",
            number = number,
            due = iso(*due),
            days = days
        ),
        Evidence::Ignored {
            on,
            title,
            security: false,
        } => t_in!(lang, "evidence.ignored", on = iso(*on), title = title),
        Evidence::Ignored { on, title, .. } => t_in!(
            lang,
            "evidence.ignored_security",
            on = iso(*on),
            title = title
        ),
        Evidence::Nothing(n) => nothing_in(lang, *n).into(),
        Evidence::VitalFew(measures) => {
            let names: Vec<String> = measures.iter().map(|m| measure_in(lang, m)).collect();
            t_in!(lang, "evidence.vital_few", measures = names.join(", "))
        }
        Evidence::NotVital => t_in!(lang, "evidence.not_vital").into(),
        Evidence::Rate { rate, portfolio } => t_in!(
            lang,
            "evidence.rate",
            rate = rate.display_whole(cur),
            portfolio = portfolio.display_whole(cur)
        ),
        Evidence::NoHours => t_in!(lang, "evidence.no_hours").into(),
        Evidence::PortfolioNoHours => t_in!(lang, "evidence.portfolio_no_hours").into(),
        Evidence::SecurityIgnoredInYear(n) => {
            plural_in(lang, "evidence.security_ignored_in_year", *n as i64, &[])
        }
        Evidence::SecurityIncidentsInYear(n) => {
            plural_in(lang, "evidence.security_incidents_in_year", *n as i64, &[])
        }
        Evidence::SecurityIgnored(n) => t_in!(lang, "evidence.security_ignored", n = n),
        Evidence::SecurityIncidents(n) => t_in!(lang, "evidence.security_incidents", n = n),
        Evidence::Stack(s) if s.is_empty() => t_in!(lang, "evidence.no_stack").into(),
        Evidence::Stack(s) => t_in!(lang, "evidence.stack", stack = s),
        Evidence::Fit(check) => fit_evidence_in(lang, &check.on, check.fits, cur),
        Evidence::Misfit(f) => t_in!(
            lang,
            "evidence.misfit",
            what = fit_what_in(lang, f),
            detail = fit_detail_in(lang, f, false, cur)
        ),
        Evidence::NoProfile => t_in!(lang, "evidence.no_profile").into(),
        Evidence::Share { share, mrr } => t_in!(
            lang,
            "evidence.share",
            pct = pct1(*share),
            mrr = mrr.display(cur)
        ),
        Evidence::Without {
            revenue_before,
            revenue_after,
            hours_before,
            hours_after,
        } => t_in!(
            lang,
            "evidence.without",
            before = revenue_before.display_whole(cur),
            after = revenue_after.display_whole(cur),
            hours_before = format!("{hours_before:.0}"),
            hours_after = format!("{hours_after:.0}")
        ),
        Evidence::Margin { before, after } => t_in!(
            lang,
            "evidence.margin",
            before = format!("{before:.1}"),
            after = format!("{after:.1}")
        ),
        Evidence::Concentration(w) => t_in!(
            lang,
            "evidence.concentration",
            pct = format!("{:.0}", w * 100.0)
        ),
        Evidence::Cost {
            hours,
            cost,
            seats,
            margin,
        } => match seats {
            Some(seats) => t_in!(
                lang,
                "evidence.cost_tooling",
                hours = format!("{hours:.1}"),
                cost = cost.display(cur),
                seats = seats,
                margin = format!("{margin:.0}")
            ),
            None => t_in!(
                lang,
                "evidence.cost",
                hours = format!("{hours:.1}"),
                cost = cost.display(cur),
                margin = format!("{margin:.0}")
            ),
        },
        Evidence::Reaches { mrr, pct, more } => t_in!(
            lang,
            "evidence.reaches",
            mrr = mrr.display(cur),
            pct = format!("{pct:.0}"),
            more = more.display(cur)
        ),
        Evidence::AlreadyReaches(m) => {
            t_in!(lang, "evidence.already_reaches", mrr = m.display(cur))
        }
        Evidence::NoMrrYet(m) => t_in!(lang, "evidence.no_mrr_yet", mrr = m.display(cur)),
        Evidence::NoLabourCost => t_in!(lang, "evidence.no_labour_cost").into(),
        Evidence::Score(s) => t_in!(lang, "evidence.score", score = s.floor()),
        Evidence::RedFlag(q) => question_in(lang, *q).into(),
        Evidence::NotAsked(q) => {
            t_in!(lang, "evidence.not_asked", question = question_in(lang, *q))
        }
        Evidence::NoProfileForFit => t_in!(lang, "evidence.no_profile_for_fit").into(),
        Evidence::Condition(c) => condition_in(lang, c),
        Evidence::ContractEnds(on) => t_in!(lang, "evidence.contract_ends", on = iso(*on)),
        Evidence::NoContractEnd => t_in!(lang, "evidence.no_contract_end").into(),
        Evidence::NoticeDays(n) => t_in!(lang, "evidence.notice_days", n = n),
        Evidence::NoNoticeDays => t_in!(lang, "evidence.no_notice_days").into(),
        Evidence::NoticePassed(on) => t_in!(lang, "evidence.notice_passed", on = iso(*on)),
        Evidence::NoticeBy(on) => t_in!(lang, "evidence.notice_by", on = iso(*on)),
        Evidence::NoNoticeBy => t_in!(lang, "evidence.no_notice_by").into(),
        Evidence::Cite { code, why } => t_in!(
            lang,
            "evidence.cite",
            code = code,
            why = why_in(lang, why, cur)
        ),
        Evidence::Call(who) => t_in!(lang, "evidence.call", who = who),
        Evidence::BringRefund(amount) => {
            t_in!(lang, "evidence.bring_refund", amount = amount.display(cur))
        }
        Evidence::Text(s) => s.clone(),
    }
}

/// A fit check as a line of evidence under a question: "does not fit seats: 4 (at least 5)".
pub fn fit_evidence_in(lang: Lang, f: &Fit, fits: bool, cur: &str) -> String {
    let what = fit_what_in(lang, f);
    let detail = fit_detail_in(lang, f, fits, cur);
    if fits {
        t_in!(lang, "evidence.fits", what = what, detail = detail)
    } else {
        t_in!(lang, "evidence.does_not_fit", what = what, detail = detail)
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
