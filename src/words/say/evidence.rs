//! The evidence in words: a raised dealbreaker's, each line under a question or a reason,
//! the ideal client profile's checks and a prospect's conditions (see [`super`]).

use crate::domain::IncidentKind;
use crate::domain::date::iso;
use crate::domain::decide::said::{Fit, Nothing};
use crate::domain::decide::{Condition, Evidence};
use crate::domain::score::flags::FlagEvidence;
use crate::t_in;
use crate::words::{Lang, language, plural_in};

use super::{question_in, why_in};

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
