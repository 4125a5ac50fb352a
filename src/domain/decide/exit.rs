//! The guide's advice for ending a relationship (H2, H3), with the client's own dates and
//! facts: check the agreement, keep it professional, help with the transition, and say it
//! in person. Where the agreement's facts are not on record, the advice says so and asks
//! to check it, rather than guess.

use super::case::CaseFile;
use super::decision::ExitPlanKept;
use super::{Code, Evidence, Outcome, Reason, Why};

/// The advice for ending `case` with `chosen` (none for an outcome that does not end it),
/// each piece citing its code; `reasons` are the walk's, named as the ones to give.
pub fn advice(case: &CaseFile, chosen: Outcome, reasons: &[Reason]) -> Vec<Reason> {
    let Some(plan) = ExitPlanKept::for_outcome(case, chosen) else {
        return Vec::new();
    };
    let f = &case.client.fields;
    let mut agreement = vec![
        match f.contract_end {
            Some(end) => Evidence::ContractEnds(end),
            None => Evidence::NoContractEnd,
        },
        match f.notice_days {
            Some(n) => Evidence::NoticeDays(n),
            None => Evidence::NoNoticeDays,
        },
    ];
    match (chosen, plan.notice_by) {
        (Outcome::DoNotRenew, Some(by)) if by < case.as_of => {
            agreement.push(Evidence::NoticePassed(by))
        }
        (Outcome::DoNotRenew, Some(by)) => agreement.push(Evidence::NoticeBy(by)),
        (Outcome::DoNotRenew, None) => agreement.push(Evidence::NoNoticeBy),
        _ => {}
    }
    let mut out = vec![Reason {
        code: Code::H2,
        why: Why::CheckAgreement,
        evidence: agreement,
    }];
    out.push(Reason {
        code: Code::H2,
        why: Why::KeepProfessional,
        evidence: reasons
            .iter()
            .map(|r| Evidence::Cite {
                code: r.code,
                why: r.why.clone(),
            })
            .collect(),
    });
    out.push(Reason {
        code: Code::H2,
        why: Why::HelpTransition,
        evidence: Vec::new(),
    });
    let mut deliver = Vec::new();
    let contact = [f.contact_name.as_deref(), f.phone.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    if !contact.is_empty() {
        deliver.push(Evidence::Call(contact.join(", ")));
    }
    if plan.prepaid_refund.0 > 0 {
        deliver.push(Evidence::BringRefund(plan.prepaid_refund));
    }
    out.push(Reason {
        code: Code::H3,
        why: Why::InPerson,
        evidence: deliver,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::super::walk::Walk;
    use super::super::walk_tests::case;
    use super::*;
    use crate::domain::Cents;
    use crate::domain::score::flags::Dealbreaker::D1;

    /// The advice as the faces say it in English.
    fn texts(v: &[Reason]) -> Vec<String> {
        use crate::words::{Lang, say};
        v.iter()
            .flat_map(|r| {
                std::iter::once(format!("{} {}", r.code, say::why_in(Lang::En, &r.why, "€"))).chain(
                    r.evidence
                        .iter()
                        .map(|e| say::evidence_in(Lang::En, e, "€")),
                )
            })
            .collect()
    }

    #[test]
    fn ending_it_names_the_agreement_the_reasons_and_a_meeting() {
        let mut c = case("active", &[D1], false, 0.05);
        c.client.fields.contact_name = Some("Rob Brandt".into());
        c.client.fields.prepaid = true;
        c.exit.prepaid_refund = Cents(41_667);
        let w = Walk::new(c, None);
        let p = w.proposal();
        let a = texts(&advice(&w.case, Outcome::EndNow, &p.reasons));
        assert!(
            a.contains(&"the contract ends 2027-01-31".to_string()),
            "{a:?}"
        );
        assert!(a.contains(&"notice period: 60 days".to_string()), "{a:?}");
        assert!(a.iter().any(|l| l.starts_with("D1 dealbreaker")), "{a:?}");
        assert!(a.contains(&"call Rob Brandt".to_string()), "{a:?}");
        assert!(
            a.contains(
                &"bring the refund of the prepaid fees, €416.67, to the meeting".to_string()
            ),
            "{a:?}"
        );
        assert!(advice(&w.case, Outcome::Watch, &p.reasons).is_empty());
    }

    #[test]
    fn without_a_notice_period_it_asks_to_check_the_agreement() {
        let mut c = case("active", &[], false, 0.05);
        c.client.fields.notice_days = None;
        c.exit.notice_by = None;
        let a = texts(&advice(&c, Outcome::DoNotRenew, &[]));
        assert!(
            a.iter()
                .any(|l| l.starts_with("no notice period on record: check the agreement")),
            "{a:?}"
        );
        assert!(
            a.contains(
                &"no last day to give notice can be worked out: check the agreement".to_string()
            ),
            "{a:?}"
        );
    }

    #[test]
    fn a_notice_date_past_says_so() {
        let c = case("active", &[], false, 0.05);
        // 2027-01-31 less 60 days is 2026-12-02: still ahead.
        let a = texts(&advice(&c, Outcome::DoNotRenew, &[]));
        assert!(
            a.contains(&"give notice by 2026-12-02 so it does not renew".to_string()),
            "{a:?}"
        );
        let mut late = case("active", &[], false, 0.05);
        late.as_of = crate::domain::date::parse_date("d", "2026-12-10").unwrap();
        let a = texts(&advice(&late, Outcome::DoNotRenew, &[]));
        assert!(a.iter().any(|l| l.contains("has passed")), "{a:?}");
    }
}
