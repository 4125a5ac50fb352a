//! Stand-in until the templates helper lands: gathers a script's facts from a client, its
//! latest decision and the config, and the templates from the config folder.

use chrono::NaiveDate;

use crate::config::Config;
use crate::domain::decide::decision::Decision;
use crate::domain::script::{ScriptFacts, Templates};
use crate::domain::{Cents, Client};

/// The professional reason a decision gives, to be reworded: why it was chosen over the
/// proposal, else its first reason.
pub fn default_reason(d: &Decision) -> String {
    match (&d.override_reason, d.reasons.first()) {
        (Some(r), _) => r.clone(),
        (None, Some(r)) => r.text.clone(),
        (None, None) => d.notes.clone().unwrap_or_default(),
    }
}

pub fn facts_for(
    client: &Client,
    decision: Option<&Decision>,
    config: &Config,
    reason: &str,
    today: NaiveDate,
) -> ScriptFacts {
    let exit = decision.and_then(|d| d.exit);
    ScriptFacts {
        client_name: client.fields.name.clone(),
        contact_name: client.fields.contact_name.clone(),
        company: config.company.name.clone(),
        signature: config.company.signature.clone(),
        place: None,
        date: today,
        reason: reason.to_string(),
        end_on: exit.and_then(|e| e.end_on),
        notice_by: exit.and_then(|e| e.notice_by),
        prepaid_refund: exit.map_or(Cents::ZERO, |e| e.prepaid_refund),
        currency: config.display.currency_symbol.clone(),
        current_mrr: client.fields.mrr,
        new_mrr: decision.and_then(|d| d.proposed_mrr),
        new_rate_from: None,
        transition_help: Vec::new(),
        referrals: Vec::new(),
        handover: Vec::new(),
    }
}

pub fn templates(_config: &Config) -> Templates {
    Templates::default()
}
