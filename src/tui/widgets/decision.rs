//! A saved decision as text, read-only, laid out in lines of a given width: what was decided
//! and what it leaves to do, why (each reason with its guide code and evidence), the
//! evidence as it stood, every step's questions with the answer given and whether it came
//! from the data, and the notes. The Decisions screen's popup draws these lines; the app
//! counts them (with any theme: styles do not change the layout) to know how far it scrolls.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::date::iso;
use crate::domain::decide::decision::{Decision, Given};
use crate::domain::decide::walk::{Q, Step};
use crate::domain::decide::{Outcome, Reason};
use crate::t;
use crate::tui::text::wrap_spans;
use crate::tui::theme::Theme;
use crate::words::say;

/// The width of the labels before the outcome's facts.
const LABEL: usize = 10;

/// The style an outcome is shown in: ending it in the error colour, a change in the warning
/// colour, keeping it calm.
pub fn outcome_style(o: Outcome, t: &Theme) -> Style {
    match o {
        Outcome::EndNow | Outcome::DoNotRenew | Outcome::Decline => t.error,
        Outcome::Watch
        | Outcome::Reprice
        | Outcome::ReduceScope
        | Outcome::TakeOnWithConditions => t.warn,
        Outcome::Keep | Outcome::TakeOn => t.ok,
    }
}

/// The whole decision in lines of `width` columns.
pub fn lines(d: &Decision, t: &Theme, currency: &str, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    outcome(&mut out, d, t, currency, width);
    out.push(Line::raw(""));
    out.push(Line::styled(t!("decide.saved.why"), t.header));
    if d.reasons.is_empty() {
        out.push(Line::styled(
            format!("  {}", t!("decide.saved.no_reason")),
            t.muted,
        ));
    }
    for r in &d.reasons {
        reason(&mut out, r, t, currency, width);
    }
    out.push(Line::raw(""));
    out.push(Line::styled(t!("decide.saved.evidence"), t.header));
    out.extend(indented(&snapshot(d, t, currency), 2, 2, width));
    out.push(Line::raw(""));
    out.push(Line::styled(t!("decide.saved.walk"), t.header));
    walk(&mut out, d, t, width);
    out.push(Line::raw(""));
    out.push(Line::styled(t!("decide.saved.notes"), t.header));
    match &d.notes {
        Some(n) => {
            for para in n.lines().filter(|l| !l.trim().is_empty()) {
                out.extend(indented(&[Span::raw(para.to_string())], 2, 2, width));
            }
        }
        None => out.push(Line::styled(
            format!("  {}", t!("decide.saved.none")),
            t.muted,
        )),
    }
    out
}

/// The outcome, proposed and chosen, the override's reason, and what it leaves to do.
fn outcome(out: &mut Vec<Line<'static>>, d: &Decision, t: &Theme, currency: &str, width: usize) {
    let mut chosen = vec![Span::styled(
        say::outcome(d.chosen).to_uppercase(),
        outcome_style(d.chosen, t).patch(t.title),
    )];
    if d.chosen == d.proposed {
        chosen.push(Span::styled(t!("decide.saved.as_proposed"), t.muted));
    } else {
        chosen.push(Span::styled(
            t!(
                "decide.saved.over_proposal",
                outcome = say::outcome(d.proposed)
            ),
            t.warn,
        ));
    }
    out.extend(labelled(t!("decide.saved.outcome"), &chosen, t, width));
    if let Some(why) = &d.override_reason {
        out.extend(labelled(
            t!("decide.saved.override"),
            &[Span::raw(why.clone())],
            t,
            width,
        ));
    }
    if let Some(on) = d.review_on {
        out.extend(labelled(
            t!("decide.saved.review"),
            &[Span::raw(t!("decide.saved.look_again", on = iso(on)))],
            t,
            width,
        ));
    }
    if let Some(mrr) = d.proposed_mrr {
        let was = d.snapshot.mrr;
        let text = if was.0 > 0 && mrr != was {
            t!(
                "decide.saved.mrr_was",
                mrr = mrr.display(currency),
                was = was.display(currency)
            )
        } else {
            t!("decide.saved.mrr", mrr = mrr.display(currency))
        };
        out.extend(labelled(
            t!("decide.saved.new_mrr"),
            &[Span::raw(text)],
            t,
            width,
        ));
    }
    if let Some(e) = &d.exit {
        let mut parts = vec![match e.end_on {
            Some(end) => Span::raw(t!("decide.saved.ends", on = iso(end))),
            None => Span::styled(t!("decide.saved.end_unknown"), t.warn),
        }];
        // The last day to give notice matters to a non-renewal; ending now, notice is
        // given now.
        if let Some(by) = e.notice_by.filter(|_| d.chosen == Outcome::DoNotRenew) {
            parts.push(Span::raw(format!(
                " · {}",
                t!("decide.saved.notice_by", on = iso(by))
            )));
        }
        if e.prepaid_refund.0 > 0 {
            parts.push(Span::raw(format!(
                " · {}",
                t!(
                    "decide.saved.refund",
                    amount = e.prepaid_refund.display(currency)
                )
            )));
        }
        out.extend(labelled(t!("decide.saved.exit"), &parts, t, width));
        out.extend(labelled(
            "",
            &[Span::styled(t!("decide.saved.h2_h3"), t.muted)],
            t,
            width,
        ));
    }
    if !d.conditions.is_empty() {
        for (i, c) in d.conditions.iter().enumerate() {
            let label = if i == 0 {
                t!("decide.saved.conditions")
            } else {
                ""
            };
            let c = say::condition(c);
            out.extend(labelled(label, &[Span::raw(format!("· {c}"))], t, width));
        }
    }
}

fn reason(out: &mut Vec<Line<'static>>, r: &Reason, t: &Theme, currency: &str, width: usize) {
    let head = [
        Span::styled(r.code.as_str(), t.key),
        Span::raw(format!(" {}", say::reason(r, currency))),
    ];
    out.extend(indented(&head, 2, 5, width));
    for e in say::reason_evidence(r, currency) {
        out.extend(indented(&[Span::styled(e, t.muted)], 5, 7, width));
    }
}

/// The evidence snapshot in words: score and grade, flags, share of revenue, rate, MRR.
fn snapshot(d: &Decision, t: &Theme, currency: &str) -> Vec<Span<'static>> {
    let s = &d.snapshot;
    let score = match (&s.grade, s.score) {
        (Some(g), Some(v)) => t!("decide.saved.score_grade", grade = g, score = v.floor()),
        (None, Some(v)) => t!("decide.saved.score", score = v.floor()),
        _ => t!("decide.saved.no_score").to_string(),
    };
    let flags = if s.flags.is_empty() {
        Span::raw(t!("decide.saved.no_flags"))
    } else {
        Span::styled(t!("decide.saved.flags", flags = s.flags.join(" ")), t.error)
    };
    let rate = s.effective_rate.map_or_else(
        || t!("decide.saved.no_rate").to_string(),
        |r| t!("decide.change.per_hour", money = r.display_whole(currency)),
    );
    let sep = || Span::styled(" · ", t.muted);
    vec![
        Span::raw(score),
        sep(),
        flags,
        sep(),
        Span::raw(t!(
            "decide.saved.share",
            pct = format!("{:.1}", s.revenue_share * 100.0)
        )),
        sep(),
        Span::raw(rate),
        sep(),
        Span::raw(t!("decide.saved.mrr_then", mrr = s.mrr.display(currency))),
    ]
}

/// Every step with questions, each question with the answer kept and where it came from.
fn walk(out: &mut Vec<Line<'static>>, d: &Decision, t: &Theme, width: usize) {
    let steps = Step::all(d.about_prospect(), d.chosen.ends());
    let mut n = 0;
    for step in steps {
        n += 1;
        let qs = step.questions();
        let note = match step {
            Step::Fit => Some(t!("decide.saved.see_fit")),
            Step::Outcome => Some(t!("decide.saved.see_outcome")),
            Step::Exit => Some(t!("decide.saved.see_exit")),
            _ => None,
        };
        let mut head = vec![Span::styled(format!("{n} {}", say::step(step)), t.title)];
        if let Some(note) = note {
            head.push(Span::styled(format!(": {note}"), t.muted));
        }
        out.extend(indented(&head, 2, 4, width));
        for q in qs {
            question(out, d, q, t, width);
        }
    }
}

fn question(out: &mut Vec<Line<'static>>, d: &Decision, q: Q, t: &Theme, width: usize) {
    let (yes, no) = say::choices(q);
    let answer: Vec<Span<'static>> = match d.given(q) {
        None => vec![Span::styled(t!("decide.saved.not_answered"), t.muted)],
        Some((a, from)) => {
            let text = if a { yes } else { no };
            let mut spans = vec![Span::styled(format!("→ {text}"), t.focus)];
            match from {
                Given::FromData => spans.push(Span::styled(
                    format!(" {}", t!("decide.saved.from_data")),
                    t.muted,
                )),
                Given::AgainstData => spans.push(Span::styled(
                    format!(
                        " {}",
                        t!("decide.saved.data_said", answer = if a { no } else { yes })
                    ),
                    t.warn,
                )),
                Given::Yours => {}
            }
            spans
        }
    };
    let mut line = vec![
        Span::styled(q.code().as_str(), t.key),
        Span::raw(format!(" {}", say::question(q))),
    ];
    // The answer after the question where the line has room for both, else under it.
    let wide = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    if 4 + wide(&line) + 2 + wide(&answer) <= width {
        line.push(Span::raw("  "));
        line.extend(answer);
        out.extend(indented(&line, 4, 7, width));
    } else {
        out.extend(indented(&line, 4, 7, width));
        out.extend(indented(&answer, 7, 9, width));
    }
}

/// A label and its value, the value wrapped under itself.
fn labelled(label: &str, value: &[Span<'static>], t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = wrap_spans(value, width.saturating_sub(LABEL));
    for (i, line) in lines.iter_mut().enumerate() {
        let head = if i == 0 { label } else { "" };
        line.spans
            .insert(0, Span::styled(format!("{head:<LABEL$}"), t.muted));
    }
    lines
}

/// Spans wrapped to `width`, the first line indented by `first` columns and the others by
/// `rest`.
fn indented(
    spans: &[Span<'static>],
    first: usize,
    rest: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(rest.max(first)).max(1);
    let mut lines = wrap_spans(spans, room);
    for (i, line) in lines.iter_mut().enumerate() {
        let n = if i == 0 { first } else { rest };
        line.spans.insert(0, Span::raw(" ".repeat(n)));
    }
    lines
}
