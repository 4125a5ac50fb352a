//! The guide's advice for ending a relationship (H2, H3), with the client's own dates and
//! facts: check the agreement, keep it professional, help with the transition, and say it
//! in person. Where the agreement's facts are not on record, the advice says so and asks
//! to check it, rather than guess.

use super::case::CaseFile;
use super::decision::ExitPlanKept;
use super::{Code, Outcome, Reason};
use crate::domain::date::iso;

/// The advice for ending `case` with `chosen` (none for an outcome that does not end it),
/// each piece citing its code; `reasons` are the walk's, named as the ones to give.
pub fn advice(case: &CaseFile, chosen: Outcome, reasons: &[Reason]) -> Vec<Reason> {
    let Some(plan) = ExitPlanKept::for_outcome(case, chosen) else {
        return Vec::new();
    };
    let f = &case.client.fields;
    let cur = &case.rules.currency;
    let mut agreement = vec![
        match f.contract_end {
            Some(end) => format!("the contract ends {}", iso(end)),
            None => "no contract end on record".into(),
        },
        match f.notice_days {
            Some(n) => format!("notice period: {n} days"),
            None => "no notice period on record: check the agreement before you give notice, rather than guess".into(),
        },
    ];
    match (chosen, plan.notice_by) {
        (Outcome::DoNotRenew, Some(by)) if by < case.as_of => agreement.push(format!(
            "the last day to give notice, {}, has passed: the contract may renew; check what the agreement allows",
            iso(by)
        )),
        (Outcome::DoNotRenew, Some(by)) => {
            agreement.push(format!("give notice by {} so it does not renew", iso(by)))
        }
        (Outcome::DoNotRenew, None) => agreement
            .push("no last day to give notice can be worked out: check the agreement".into()),
        _ => {}
    }
    let mut out = vec![Reason {
        code: Code::H2,
        text: "check the legal agreement: the contract and its notice".into(),
        evidence: agreement,
    }];
    out.push(Reason {
        code: Code::H2,
        text: "keep it professional: accurate, professional reasons".into(),
        evidence: reasons
            .iter()
            .map(|r| format!("{} {}", r.code, r.text))
            .collect(),
    });
    out.push(Reason {
        code: Code::H2,
        text: "be ready to help with the transition, and refer them to MSPs that may serve them better".into(),
        evidence: Vec::new(),
    });
    let mut deliver = Vec::new();
    let contact = [f.contact_name.as_deref(), f.phone.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    if !contact.is_empty() {
        deliver.push(format!("call {}", contact.join(", ")));
    }
    if plan.prepaid_refund.0 > 0 {
        deliver.push(format!(
            "bring the refund of the prepaid fees, {}, to the meeting",
            plan.prepaid_refund.display(cur)
        ));
    }
    out.push(Reason {
        code: Code::H3,
        text: "deliver it in person, or at least by phone".into(),
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

    fn texts(v: &[Reason]) -> Vec<String> {
        v.iter()
            .flat_map(|r| {
                std::iter::once(format!("{} {}", r.code, r.text)).chain(r.evidence.clone())
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
