//! What a template can say: the facts as values, dates and money already written the
//! language's way, the built-in words filled in where the user gave none; and the text as it
//! is shown once rendered.

use minijinja::{Value, context};

use super::defaults::{default_scope_help, default_transition_help, handover_for, reason_on};
use super::format::{date_line, long_date, money};
use super::{Channel, Kind, ScriptFacts};
use crate::domain::lang::Lang;

/// What a template can say, every date and amount already written the language's way.
/// Optional values are none when unknown; lists are never left empty where the built-in
/// words fill in.
pub(super) fn values(kind: Kind, channel: Channel, lang: Lang, f: &ScriptFacts) -> Value {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| long_date(lang, d));
    let cash = |c| money(lang, c, &f.currency);
    let reason = match f.reason.trim() {
        "" => reason_on(kind, f.basis, lang),
        given => given.to_string(),
    };
    let or_default = |given: &[String], default: fn(Lang) -> Vec<String>| {
        let given: Vec<String> = given
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if given.is_empty() {
            default(lang)
        } else {
            given
        }
    };
    let place = f.place.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let contact = f
        .contact_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let increase = f
        .new_mrr
        .map(|new| cash(crate::domain::Cents(new.0 - f.current_mrr.0)));
    let referrals: Vec<String> = f
        .referrals
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let signature = f.signature.trim();
    // Who speaks on the phone: the signature's name ("Sam Jansen, owner": Sam Jansen).
    let sender = signature
        .split([',', '\n'])
        .next()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let contact_first = contact.map(first_name);
    context! {
        kind => kind.code(),
        channel => channel.code(),
        lang => lang.code(),
        client => f.client_name.trim(),
        contact => contact,
        contact_first => contact_first,
        sender => sender,
        company => f.company.trim(),
        signature => signature,
        place => place,
        today => long_date(lang, f.date),
        date_line => date_line(lang, place, f.date),
        reason => sentence(&reason),
        end_on => date(f.end_on),
        notice_by => date(f.notice_by),
        refund => (f.prepaid_refund.0 > 0).then(|| cash(f.prepaid_refund)),
        current_mrr => cash(f.current_mrr),
        new_mrr => f.new_mrr.map(cash),
        increase => increase,
        new_rate_from => date(f.new_rate_from),
        transition_help => or_default(
            &f.transition_help,
            if kind == Kind::ReduceScope {
                default_scope_help
            } else {
                default_transition_help
            },
        ),
        referrals => referrals,
        handover => {
            let given: Vec<String> = f
                .handover
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            if given.is_empty() {
                handover_for(&f.checklist, lang)
            } else {
                given
            }
        },
        scope_change => Some(f.scope_change.trim()).filter(|s| !s.is_empty()),
    }
}

/// How to address a contact by first name: "Marieke Verhoef" is Marieke; a name that
/// starts with a title or an initial ("Dhr. Jansen", "Mr Smith", "J. de Vries") is said
/// whole.
fn first_name(contact: &str) -> &str {
    const TITLES: [&str; 12] = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "dhr", "mevr", "mw", "ir", "ing", "drs",
    ];
    let first = contact.split_whitespace().next().unwrap_or(contact);
    let bare = first.trim_end_matches('.').to_lowercase();
    if first.ends_with('.') || TITLES.contains(&bare.as_str()) || first.chars().count() < 2 {
        contact
    } else {
        first
    }
}

/// The reason as a sentence of its own: a full stop added when it ends without one.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The text as it is shown: no spaces at line ends, at most one empty line in a row, no
/// empty lines at the start, one newline at the end.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
