//! What a script says about a client, gathered once for both faces: the client record, the
//! latest saved decision of the kind asked for (its exit plan, its new MRR), the config
//! (company, place, referrals, transition help, tone words), and the reason as the user
//! worded it.

use chrono::{Datelike, Days, NaiveDate};

use crate::config::Config;
use crate::domain::ClientId;
use crate::domain::decide::calc::{Contract, exit_plan};
use crate::domain::script::{Basis, Kind, ScriptFacts};
use crate::store::{Result, Store};

/// The facts for a `kind` of script to `client` on `as_of`. `config` is the config in force
/// (over the database's own defaults). The dates and refund come from the client's latest
/// decision when it is of this kind, else from the contract as it stands on `as_of`; the
/// new MRR of a reprice only from such a decision. `reason` is the user's wording; none
/// leaves the built-in professional reason of the script's language. The handover list is
/// the checklist's (config `[offboarding]`), said in the script's own language.
pub fn facts_for(
    store: &Store,
    config: &Config,
    client: ClientId,
    kind: Kind,
    as_of: NaiveDate,
    reason: Option<String>,
) -> Result<ScriptFacts> {
    let c = store.client(client)?;
    let f = &c.fields;
    let decision = store
        .decisions(Some(client))?
        .into_iter()
        .next()
        .filter(|d| Kind::for_outcome(d.chosen) == Some(kind));
    let plan = exit_plan(
        &Contract {
            mrr: f.mrr,
            prepaid: f.prepaid,
            contract_end: f.contract_end,
            notice_days: f.notice_days,
        },
        as_of,
    );
    let kept = decision.as_ref().and_then(|d| d.exit);
    let (end_on, notice_by, refund) = match (kind, kept) {
        (Kind::EndNow | Kind::DoNotRenew, Some(e)) => (e.end_on, e.notice_by, e.prepaid_refund),
        (Kind::EndNow, None) => (plan.earliest_end, plan.notice_by, plan.prepaid_refund),
        (Kind::DoNotRenew, None) => (f.contract_end, plan.notice_by, crate::domain::Cents::ZERO),
        _ => (None, None, crate::domain::Cents::ZERO),
    };
    let changes_fee = matches!(kind, Kind::Reprice | Kind::ReduceScope);
    let new_mrr = decision
        .as_ref()
        .and_then(|d| d.proposed_mrr)
        .filter(|_| changes_fee);
    let nonempty = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(ScriptFacts {
        client_name: f.name.clone(),
        contact_name: f.contact_name.as_deref().and_then(nonempty),
        company: config.company.name.trim().to_string(),
        signature: config.company.signature.trim().to_string(),
        place: nonempty(&config.company.place),
        date: as_of,
        reason: reason.unwrap_or_default().trim().to_string(),
        basis: decision.as_ref().map_or(Basis::General, |d| {
            Basis::of(&d.reasons.iter().map(|r| r.code).collect::<Vec<_>>())
        }),
        end_on,
        notice_by,
        prepaid_refund: refund,
        currency: config.display.currency_symbol.clone(),
        current_mrr: f.mrr,
        new_mrr,
        new_rate_from: changes_fee.then(|| new_rate_from(as_of)),
        transition_help: config.scripts.transition_help.clone(),
        referrals: config.scripts.referrals.clone(),
        handover: Vec::new(),
        checklist: config.offboarding.clone(),
        scope_change: String::new(),
        tone_words: config.scripts.tone_words.clone(),
    })
}

/// The day a new rate applies from: the first of the month after at least 30 days' notice
/// (28 November 2026: 28 December, so 1 January 2027).
pub fn new_rate_from(as_of: NaiveDate) -> NaiveDate {
    let notice = as_of.checked_add_days(Days::new(30)).unwrap_or(as_of);
    let (y, m) = if notice.month() == 12 {
        (notice.year() + 1, 1)
    } else {
        (notice.year(), notice.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_new_rate_applies_from_a_first_of_the_month_after_30_days() {
        assert_eq!(new_rate_from(d("2026-11-28")), d("2027-01-01"));
        assert_eq!(new_rate_from(d("2026-11-01")), d("2027-01-01"));
        assert_eq!(new_rate_from(d("2026-10-31")), d("2026-12-01"));
        assert_eq!(new_rate_from(d("2026-06-30")), d("2026-08-01"));
        assert_eq!(new_rate_from(d("2027-01-31")), d("2027-04-01"));
    }
}
