//! What the user types into a walk's outcome: why another outcome than the proposal, the
//! day to look at a "keep and watch" again, the MRR a reprice asks, and notes. Parsed and
//! checked here, so every face keeps the same rules; an empty value means "none" (for the
//! review date and the MRR: the walk's own, see [`Walk::default_review`]).

use chrono::NaiveDate;

use super::walk::Walk;
use crate::domain::Cents;
use crate::domain::date::{iso, parse_date};
use crate::domain::error::FieldError;
use crate::domain::text::opt_note;

/// The longest override reason and notes of a decision, in characters (what
/// [`Walk::finish`] checks them against too).
pub const NOTES_MAX: usize = crate::domain::evidence::NOTE_MAX;

impl Walk {
    /// Why another outcome than the proposal: checked as a note, as the walk's end does.
    pub fn set_override_reason(&mut self, input: &str) -> Result<(), FieldError> {
        self.answers.override_reason = opt_note("reason", input, NOTES_MAX)?.unwrap_or_default();
        Ok(())
    }

    /// The day to look again: after the as-of date; empty takes the default.
    pub fn set_review_on(&mut self, input: &str) -> Result<(), FieldError> {
        if input.trim().is_empty() {
            self.answers.review_on = None;
            return Ok(());
        }
        let on = parse_date("review on", input)?;
        self.answers.review_on = Some(self.review_after_as_of(on)?);
        Ok(())
    }

    fn review_after_as_of(&self, on: NaiveDate) -> Result<NaiveDate, FieldError> {
        if on <= self.case.as_of {
            return Err(FieldError::new(
                "review on",
                format!(
                    "{} is not after {}: pick a later day to look again",
                    iso(on),
                    iso(self.case.as_of)
                ),
            ));
        }
        Ok(on)
    }

    /// The MRR a reprice asks; empty takes the walk's proposal.
    pub fn set_proposed_mrr(&mut self, input: &str) -> Result<(), FieldError> {
        self.answers.proposed_mrr = if input.trim().is_empty() {
            None
        } else {
            Some(Cents::parse("new MRR", input)?)
        };
        Ok(())
    }

    /// Notes kept with the decision: may hold several lines.
    pub fn set_notes(&mut self, input: &str) -> Result<(), FieldError> {
        self.answers.notes = opt_note("notes", input, NOTES_MAX)?.unwrap_or_default();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Outcome;
    use super::super::walk::Walk;
    use super::super::walk_tests::{case, d};
    use crate::domain::Cents;

    fn walk() -> Walk {
        Walk::new(case("active", &[], true, 0.05), None)
    }

    #[test]
    fn a_review_date_must_come_after_the_as_of_date_and_empty_takes_the_default() {
        let mut w = walk();
        w.set_review_on("2026-09-01").unwrap();
        assert_eq!(w.answers.review_on, Some(d("2026-09-01")));
        let e = w.set_review_on("2026-06-30").unwrap_err();
        assert_eq!(e.field, "review on");
        assert!(e.message.contains("not after 2026-06-30"), "{e}");
        assert_eq!(w.answers.review_on, Some(d("2026-09-01")), "kept as it was");
        assert!(w.set_review_on("next week").is_err());
        w.set_review_on("  ").unwrap();
        assert_eq!(w.answers.review_on, None);
        w.choose(Some(Outcome::Watch));
        w.set_override_reason("a new manager").unwrap();
        assert_eq!(w.finish().unwrap().review_on, w.default_review());
    }

    #[test]
    fn a_new_mrr_is_an_amount_and_empty_takes_the_proposal() {
        let mut w = walk();
        w.set_proposed_mrr("€2,500").unwrap();
        assert_eq!(w.answers.proposed_mrr, Some(Cents(250_000)));
        assert_eq!(w.set_proposed_mrr("-5").unwrap_err().field, "new MRR");
        w.set_proposed_mrr("").unwrap();
        w.choose(Some(Outcome::Reprice));
        w.answers.override_reason = "x".into();
        assert_eq!(
            w.finish().unwrap().proposed_mrr,
            Some(w.case.reprice.proposed_mrr)
        );
    }

    #[test]
    fn a_reason_and_notes_are_checked_as_notes() {
        let mut w = walk();
        w.set_override_reason("  they apologised  ").unwrap();
        assert_eq!(w.answers.override_reason, "they apologised");
        assert!(w.set_override_reason("a \u{202e} trick").is_err());
        assert!(w.set_override_reason(&"x".repeat(2001)).is_err());
        w.set_notes("called Rob\nhe agreed").unwrap();
        assert_eq!(w.answers.notes, "called Rob\nhe agreed");
        assert!(w.set_notes("a \u{202e} trick").is_err());
        w.set_notes("").unwrap();
        assert_eq!(w.answers.notes, "");
    }
}
