//! The built-in words a script falls back on when the user and the config give none: the
//! professional reason, the help with the transition, the handover items. In the script's
//! language, from the `script` words area.

use super::{Basis, Kind};
use crate::domain::lang::Lang;
use crate::domain::offboard::{Entry, Item, Items};

/// The professional reason said when the user gives none: accurate and without blame.
pub fn default_reason(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::EndNow => crate::t_in!(lang, "script.reason.end_now"),
        Kind::DoNotRenew => crate::t_in!(lang, "script.reason.do_not_renew"),
        Kind::Reprice => crate::t_in!(lang, "script.reason.reprice"),
        Kind::ReduceScope => crate::t_in!(lang, "script.reason.reduce_scope"),
    }
    .to_string()
}

/// The built-in reason for ending (end now, do not renew) on a `basis`; the other kinds, and
/// the general basis, say [`default_reason`].
pub fn reason_on(kind: Kind, basis: Basis, lang: Lang) -> String {
    if !matches!(kind, Kind::EndNow | Kind::DoNotRenew) {
        return default_reason(kind, lang);
    }
    match basis {
        Basis::General => default_reason(kind, lang),
        Basis::Security => crate::t_in!(lang, "script.reason.security").to_string(),
        Basis::Payment => crate::t_in!(lang, "script.reason.payment").to_string(),
        Basis::Fit => crate::t_in!(lang, "script.reason.fit").to_string(),
    }
}

/// The help with the transition offered when the config names none (guide H2).
pub fn default_transition_help(lang: Lang) -> Vec<String> {
    [
        crate::t_in!(lang, "script.transition.handover"),
        crate::t_in!(lang, "script.transition.questions"),
        crate::t_in!(lang, "script.transition.overlap"),
    ]
    .map(str::to_string)
    .to_vec()
}

/// The help offered with moving services elsewhere when the scope is reduced and the config
/// names none.
pub fn default_scope_help(lang: Lang) -> Vec<String> {
    [
        crate::t_in!(lang, "script.transition.scope_handover"),
        crate::t_in!(lang, "script.transition.scope_questions"),
        crate::t_in!(lang, "script.transition.scope_overlap"),
    ]
    .map(str::to_string)
    .to_vec()
}

/// What the offboarding checklist hands over, in `lang`: its built-in handover items and
/// the user's own items as typed; the guide's handover items when it names none.
pub fn handover_for(items: &Items, lang: Lang) -> Vec<String> {
    let said: Vec<String> = items
        .entries()
        .iter()
        .filter_map(|e| match e {
            Entry::Builtin(item) => handover_item(*item, lang).map(str::to_string),
            Entry::Custom { text, .. } => Some(text.clone()),
        })
        .collect();
    if said.is_empty() {
        default_handover(lang)
    } else {
        said
    }
}

/// A checklist item as the handover it is, in a letter's words; none for the items that
/// are no handover (the notice, the invoice, the sign-off...).
fn handover_item(item: Item, lang: Lang) -> Option<&'static str> {
    Some(match item {
        Item::Credentials => crate::t_in!(lang, "script.handover.credentials"),
        Item::Dns => crate::t_in!(lang, "script.handover.domains"),
        Item::Licences => crate::t_in!(lang, "script.handover.licences"),
        Item::Backups => crate::t_in!(lang, "script.handover.backups"),
        Item::Documentation => crate::t_in!(lang, "script.handover.documentation"),
        Item::Data => crate::t_in!(lang, "script.handover.data"),
        _ => return None,
    })
}

/// What is handed over when the checklist names nothing: the guide's handover items.
pub fn default_handover(lang: Lang) -> Vec<String> {
    [
        crate::t_in!(lang, "script.handover.credentials"),
        crate::t_in!(lang, "script.handover.domains"),
        crate::t_in!(lang, "script.handover.licences"),
        crate::t_in!(lang, "script.handover.backups"),
        crate::t_in!(lang, "script.handover.documentation"),
    ]
    .map(str::to_string)
    .to_vec()
}
