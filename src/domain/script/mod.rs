//! Breakup scripts and letters (guide H2-H4): a decision put into words the owner can say
//! or send, per kind of decision, channel and language, rendered from a template and the
//! facts of the client and the decision. Pure: templates come in as text, no file is read.

pub mod builtin;
mod context;
mod defaults;
pub mod format;
mod render;
pub mod tone;

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::Cents;
use crate::domain::decide::{Code, Outcome};
use crate::domain::lang::Lang;

pub use defaults::{
    default_handover, default_reason, default_scope_help, default_transition_help, reason_on,
};
pub use render::{check, render};
pub use tone::ToneWords;

/// What the words are for: the decisions that need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    EndNow,
    DoNotRenew,
    Reprice,
    ReduceScope,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::EndNow,
        Kind::DoNotRenew,
        Kind::Reprice,
        Kind::ReduceScope,
    ];

    /// As typed and kept: `end-now`, `do-not-renew`, `reprice`, `reduce-scope`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::EndNow => "end-now",
            Kind::DoNotRenew => "do-not-renew",
            Kind::Reprice => "reprice",
            Kind::ReduceScope => "reduce-scope",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == text.trim())
    }

    /// In words, in `lang`: "do not renew", "niet verlengen".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::EndNow => crate::t_in!(lang, "script.kind.end_now"),
            Kind::DoNotRenew => crate::t_in!(lang, "script.kind.do_not_renew"),
            Kind::Reprice => crate::t_in!(lang, "script.kind.reprice"),
            Kind::ReduceScope => crate::t_in!(lang, "script.kind.reduce_scope"),
        }
    }

    /// The kind of words a decision's outcome needs; none for keep, watch and the prospects'.
    pub fn for_outcome(outcome: Outcome) -> Option<Kind> {
        match outcome {
            Outcome::EndNow => Some(Kind::EndNow),
            Outcome::DoNotRenew => Some(Kind::DoNotRenew),
            Outcome::Reprice => Some(Kind::Reprice),
            Outcome::ReduceScope => Some(Kind::ReduceScope),
            _ => None,
        }
    }
}

/// How the words are delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Talking points for a meeting in person.
    InPerson,
    /// A phone script.
    Phone,
    /// A formal letter.
    Letter,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::InPerson,
        Channel::Phone,
        Channel::Letter,
        Channel::Email,
    ];

    /// As typed and kept: `in-person`, `phone`, `letter`, `email`.
    pub fn code(self) -> &'static str {
        match self {
            Channel::InPerson => "in-person",
            Channel::Phone => "phone",
            Channel::Letter => "letter",
            Channel::Email => "email",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == text.trim())
    }

    /// In words, in `lang`: "in person", "persoonlijk".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::InPerson => crate::t_in!(lang, "script.channel.in_person"),
            Channel::Phone => crate::t_in!(lang, "script.channel.phone"),
            Channel::Letter => crate::t_in!(lang, "script.channel.letter"),
            Channel::Email => crate::t_in!(lang, "script.channel.email"),
        }
    }
}

/// What the built-in professional reason rests on, when the user gives none: taken from the
/// codes of the decision's reasons, never naming conduct (guide H2: accurate, professional
/// reasons, no blame).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// No longer the right partner: for conduct (D1, D4) and anything else.
    #[default]
    General,
    /// Security advice that cannot be carried out (D2, D3, R2).
    Security,
    /// Payment within the agreed terms (D5).
    Payment,
    /// The standard stack and the proactive way of working (R3, P1, P2).
    Fit,
}

impl Basis {
    /// The basis of a decision's reasons: conduct keeps it general; else security, then
    /// payment, then fit, whichever the reasons name first in that order.
    pub fn of(codes: &[Code]) -> Basis {
        let has = |wanted: &[Code]| codes.iter().any(|c| wanted.contains(c));
        if has(&[Code::D1, Code::D4]) {
            Basis::General
        } else if has(&[Code::D2, Code::D3, Code::R2]) {
            Basis::Security
        } else if has(&[Code::D5]) {
            Basis::Payment
        } else if has(&[Code::R3, Code::P1, Code::P2]) {
            Basis::Fit
        } else {
            Basis::General
        }
    }
}

/// Everything a script may say, gathered from the client, the decision and the config.
/// An empty reason, transition help or handover list is said in the script's own language
/// with the built-in words ([`default_reason`], [`default_transition_help`],
/// [`default_handover`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScriptFacts {
    pub client_name: String,
    /// Whom the words are addressed to; none writes a greeting without a name.
    pub contact_name: Option<String>,
    /// Your company and how you sign (config `[company]`).
    pub company: String,
    pub signature: String,
    /// The place for the letter's date line (config); none leaves the place out.
    pub place: Option<String>,
    /// The day the words are written.
    pub date: NaiveDate,
    /// The professional reason, as the user worded it; empty for the built-in one.
    pub reason: String,
    /// What the built-in reason rests on, when `reason` is empty.
    pub basis: Basis,
    /// The day the relationship ends (end now, do not renew).
    pub end_on: Option<NaiveDate>,
    /// The last day to give notice for a non-renewal.
    pub notice_by: Option<NaiveDate>,
    /// The prepaid fee refunded for the days after the end (guide H3); 0 for none.
    pub prepaid_refund: Cents,
    /// Before amounts of money (config `display.currency_symbol`).
    pub currency: String,
    /// Reprice and reduce scope: the MRR now, the new one (none when not yet known) and the
    /// day the change applies from.
    pub current_mrr: Cents,
    pub new_mrr: Option<Cents>,
    pub new_rate_from: Option<NaiveDate>,
    /// The help offered with the transition (guide H2); empty for the built-in offer.
    pub transition_help: Vec<String>,
    /// MSPs to refer the client to (config).
    pub referrals: Vec<String>,
    /// What will be handed over, in the user's words; empty says the handover items of
    /// `checklist` in the script's language.
    pub handover: Vec<String>,
    /// The offboarding checklist's items (config `[offboarding]`): its handover items and
    /// the user's own are the ones a script names.
    #[serde(skip)]
    pub checklist: crate::domain::offboard::Items,
    /// Reduce scope: what is no longer part of the service, in the user's words; empty
    /// says it in general terms.
    pub scope_change: String,
    /// The words the tone check looks for in the reason (config `[scripts]`).
    pub tone_words: ToneWords,
}

/// A rendered script, with what the user should know about how it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    pub kind: Kind,
    pub channel: Channel,
    pub lang: Lang,
    pub text: String,
    /// One line each: a broken override (its file and line) that the built-in replaced, or
    /// words in the user's reason that carry blame or heat. Warnings never block.
    pub warnings: Vec<String>,
}

/// The templates: the built-in ones, and the user's overrides by file name
/// (`en/end-now.letter.txt`-style names, relative to the templates folder).
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub overrides: Vec<(String, String)>,
    /// The folder the overrides were read from, to name a broken one's file in full.
    pub folder: Option<PathBuf>,
    /// Overrides that could not be read at all (name, what was wrong): said as a warning by
    /// the scripts that use the template of that name.
    pub unreadable: Vec<(String, String)>,
}

impl Templates {
    /// The name of the template for `kind` over `channel` in `lang`:
    /// `nl/do-not-renew.letter.txt`.
    pub fn name(kind: Kind, channel: Channel, lang: Lang) -> String {
        format!("{}/{}.{}.txt", lang.code(), kind.code(), channel.code())
    }

    /// How a template's file is named in a warning: its full path when the folder is known.
    pub fn file(&self, name: &str) -> String {
        match &self.folder {
            Some(folder) => folder.join(name).display().to_string(),
            None => name.to_string(),
        }
    }
}

#[cfg(test)]
mod override_tests;
#[cfg(test)]
mod tests;
