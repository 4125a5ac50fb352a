//! Recommendations made to a client and what it did with them, and the incidents of its story.

use chrono::NaiveDate;

use super::Dated;
use super::calendar::{days_after, days_before, days_between};
use super::dice::Dice;
use super::profile::{Advice, Moment, Outcome, Profile, Span};
use super::texts;
use crate::domain::{LogEntry, NewIncident, NewRecommendation, RecStatus};

/// The client's recommendations within its span, scripted or the usual few.
pub(super) fn recommendations(
    p: &Profile,
    span: Span,
    today: NaiveDate,
    dice: &mut Dice,
) -> Vec<Dated> {
    match p.advice {
        Advice::Scripted(recs) => recs
            .iter()
            .filter_map(|r| {
                let made = days_before(today, r.days_ago);
                span.contains(made)
                    .then(|| recommendation(made, r.title, r.security, r.outcome, today))
            })
            .collect(),
        Advice::Usual { count, ignored } => usual(count, ignored, span, today, dice),
    }
}

/// `count` recommendations spread evenly over the span, with a little jitter; at most one
/// ignored, the others implemented a few weeks later (or still open if that is after today).
fn usual(count: u32, ignored: u32, span: Span, today: NaiveDate, dice: &mut Dice) -> Vec<Dated> {
    let length = u32::try_from(days_between(span.from, span.until).max(0)).unwrap_or(0);
    if count == 0 || length < 30 {
        return Vec::new();
    }
    let ignore_index = (ignored > 0).then(|| dice.between(0, count - 1));
    let first = dice.between(0, texts::RECOMMENDATIONS.len() as u32 - 1);
    (0..count)
        .map(|k| {
            let at = length * (2 * k + 1) / (2 * count);
            let jitter = dice.between(0, 20);
            let made = days_after(span.from, at.saturating_sub(10) + jitter).min(span.until);
            let (title, security) =
                texts::RECOMMENDATIONS[((first + k) as usize) % texts::RECOMMENDATIONS.len()];
            let after = dice.between(10, 45);
            let outcome = if ignore_index == Some(k) {
                Outcome::Ignored(after)
            } else {
                Outcome::Implemented(after)
            };
            recommendation(made, title, security, outcome, today)
        })
        .collect()
}

/// A recommendation made on `made`; a decision that would fall after today leaves it open.
fn recommendation(
    made: NaiveDate,
    title: &str,
    security: bool,
    outcome: Outcome,
    today: NaiveDate,
) -> Dated {
    let decided = |after: u32| Some(days_after(made, after)).filter(|d| *d <= today);
    let (status, decided_on) = match outcome {
        Outcome::Implemented(after) => (RecStatus::Implemented, decided(after)),
        Outcome::Ignored(after) => (RecStatus::Ignored, decided(after)),
        Outcome::Open => (RecStatus::Open, None),
    };
    let status = if decided_on.is_none() {
        RecStatus::Open
    } else {
        status
    };
    (
        made,
        LogEntry::Recommendation(NewRecommendation {
            made_on: made,
            title: title.to_string(),
            security,
            status,
            decided_on,
            external_ref: None,
        }),
    )
}

/// The client's scripted incidents that fall within its span.
pub(super) fn incidents(moments: &[Moment], span: Span, today: NaiveDate) -> Vec<Dated> {
    moments
        .iter()
        .map(|m| (days_before(today, m.days_ago), m))
        .filter(|(day, _)| span.contains(*day))
        .map(|(day, m)| {
            (
                day,
                LogEntry::Incident(NewIncident {
                    occurred_on: day,
                    kind: m.kind,
                    note: Some(m.note.to_string()),
                }),
            )
        })
        .collect()
}
