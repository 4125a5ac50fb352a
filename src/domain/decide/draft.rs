//! A walk left half-way and picked up again: what a draft keeps (the user's own answers,
//! the outcome chosen and what it needs, the notes) and how a walk resumes from it on the
//! evidence as it is now. The data's answers are not kept: they are read afresh, so a
//! dealbreaker raised since the draft shows up when it is picked up again.

use super::case::CaseFile;
use super::walk::{Answers, Walk};

impl Walk {
    /// What a draft of this walk keeps: the answers the user gave (not those the data
    /// gave), the outcome chosen, the override reason, the review date, the new MRR and the
    /// notes. A question the user took back to unanswered is not kept: resumed, it shows
    /// the data's answer again, if the data gives one.
    pub fn draft(&self) -> Answers {
        Answers {
            given: self
                .answers
                .given
                .iter()
                .filter(|(q, _)| self.touched.contains(q))
                .map(|(q, a)| (*q, *a))
                .collect(),
            ..self.answers.clone()
        }
    }

    /// A walk picked up from a draft (or from this walk's own [`Walk::draft`], on a case
    /// read again): the data's answers as they are now, the user's answers over them, and
    /// the outcome chosen with what it needs. An outcome that no longer fits the case (a
    /// prospect taken on elsewhere meanwhile) is dropped: the proposal stands instead.
    pub fn resume(case: CaseFile, draft: Answers) -> Walk {
        let mut w = Walk::new(case, None);
        for (q, a) in &draft.given {
            w.set(*q, Some(*a));
        }
        let chosen = draft.chosen.filter(|o| w.choices().contains(o));
        w.answers.override_reason = draft.override_reason;
        w.answers.review_on = draft.review_on;
        w.answers.proposed_mrr = draft.proposed_mrr;
        w.answers.notes = draft.notes;
        w.choose(chosen);
        w
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::{Q, Step};
    use super::super::walk_tests::{case, d};
    use super::super::{Outcome, walk::Walk};
    use crate::domain::Cents;
    use crate::domain::score::flags::Dealbreaker::{D1, D5};

    #[test]
    fn a_draft_keeps_what_the_user_said_and_not_what_the_data_said() {
        let mut w = Walk::new(case("active", &[D1], true, 0.05), None);
        assert_eq!(w.answer(Q::Dealbreaker(D1)), Some(true), "from the data");
        w.set(Q::HoldingBack, Some(true));
        w.choose(Some(Outcome::Reprice));
        w.answers.override_reason = "they apologised".into();
        w.answers.proposed_mrr = Some(Cents(150_000));
        w.answers.notes = "call on Monday".into();
        let draft = w.draft();
        assert_eq!(
            draft.given.into_iter().collect::<Vec<_>>(),
            [(Q::HoldingBack, true)],
            "the data's D1 and R1 are read afresh, not kept"
        );
        assert_eq!(draft.chosen, Some(Outcome::Reprice));
        assert_eq!(draft.notes, "call on Monday");
    }

    #[test]
    fn a_resumed_walk_reads_the_data_afresh_under_the_users_answers() {
        let mut w = Walk::new(case("active", &[D1], false, 0.05), None);
        w.set(Q::Dealbreaker(D1), Some(false));
        w.set(Q::OldEquipment, Some(true));
        w.choose(Some(Outcome::Watch));
        w.answers.override_reason = "a new manager".into();
        w.answers.review_on = Some(d("2026-08-01"));
        // Since the draft, late payments raised D5.
        let again = Walk::resume(case("active", &[D1, D5], false, 0.05), w.draft());
        assert_eq!(again.answer(Q::Dealbreaker(D1)), Some(false), "the user's");
        assert_eq!(
            again.answer(Q::Dealbreaker(D5)),
            Some(true),
            "the data's, new"
        );
        assert_eq!(again.answer(Q::OldEquipment), Some(true));
        let qs = again.questions_of(Step::Dealbreakers);
        assert!(!qs[0].from_data && qs[4].from_data, "{qs:?}");
        assert_eq!(again.chosen(), Outcome::Watch);
        assert_eq!(again.answers.review_on, Some(d("2026-08-01")));
        assert_eq!(again.answers.override_reason, "a new manager");
        assert_eq!(again.step(), Step::Dealbreakers);
        assert_eq!(again.draft(), w.draft(), "nothing lost on the way");
    }

    #[test]
    fn an_outcome_that_no_longer_fits_the_case_is_dropped() {
        let mut w = Walk::new(case("prospect", &[], false, 0.0), None);
        w.choose(Some(Outcome::Decline));
        let again = Walk::resume(case("active", &[], false, 0.05), w.draft());
        assert_eq!(again.answers.chosen, None);
        assert_eq!(again.chosen(), Outcome::Keep, "the proposal stands");
    }
}
