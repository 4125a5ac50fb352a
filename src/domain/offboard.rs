//! The offboarding checklist (guide H2-H3): what to hand over and tidy up when a
//! relationship ends, ticked off one item at a time. A checklist starts when a decision
//! ends the relationship (do not renew, end now); which items it holds comes from the
//! config (the built-in items in their order, and the user's own); what is done is kept
//! per item with its date and who signed or what was noted. Pure: today and the item list
//! come in as values.
//!
//! Every item hands something over or tidies up after the handover: none suggests holding
//! back access or data, and the config refuses a custom item that does
//! ([`suggests_withholding`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::error::{FieldError, ValidationError};

/// A built-in item of the checklist, in the default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// Notice sent to the client (with the day it was sent).
    NoticeSent,
    /// The agreement checked: notice period, end date, what it says about the exit.
    Agreement,
    FinalInvoice,
    /// The prepaid fee for the days after the end refunded (guide H3).
    PrepaidRefund,
    /// Credentials and admin access handed over (MFA, break-glass accounts).
    Credentials,
    /// Domain, DNS and registrar.
    Dns,
    /// Licences and vendor portals, the Microsoft 365 tenant and its commitments.
    Licences,
    /// Backups and encryption keys.
    Backups,
    /// Documentation and network diagrams.
    Documentation,
    /// RMM, EDR and remote-access agents removed, and your own accounts.
    Agents,
    /// The client's data returned or deleted, as agreed.
    Data,
    /// A referral to another MSP offered (guide H2).
    Referral,
    /// Signed off by a named client contact.
    SignOff,
}

impl Item {
    /// Every built-in item, in the default order.
    pub const ALL: [Item; 13] = [
        Item::NoticeSent,
        Item::Agreement,
        Item::FinalInvoice,
        Item::PrepaidRefund,
        Item::Credentials,
        Item::Dns,
        Item::Licences,
        Item::Backups,
        Item::Documentation,
        Item::Agents,
        Item::Data,
        Item::Referral,
        Item::SignOff,
    ];

    /// As typed on the command line and in the config, and kept in the file.
    pub fn key(self) -> &'static str {
        match self {
            Item::NoticeSent => "notice-sent",
            Item::Agreement => "agreement",
            Item::FinalInvoice => "final-invoice",
            Item::PrepaidRefund => "prepaid-refund",
            Item::Credentials => "credentials",
            Item::Dns => "dns",
            Item::Licences => "licences",
            Item::Backups => "backups",
            Item::Documentation => "documentation",
            Item::Agents => "agents",
            Item::Data => "data",
            Item::Referral => "referral",
            Item::SignOff => "sign-off",
        }
    }

    pub fn from_key(key: &str) -> Option<Item> {
        Item::ALL.into_iter().find(|i| i.key() == key)
    }

    /// In words, in the language in force.
    pub fn label(self) -> &'static str {
        match self {
            Item::NoticeSent => crate::t!("offboard.item.notice_sent"),
            Item::Agreement => crate::t!("offboard.item.agreement"),
            Item::FinalInvoice => crate::t!("offboard.item.final_invoice"),
            Item::PrepaidRefund => crate::t!("offboard.item.prepaid_refund"),
            Item::Credentials => crate::t!("offboard.item.credentials"),
            Item::Dns => crate::t!("offboard.item.dns"),
            Item::Licences => crate::t!("offboard.item.licences"),
            Item::Backups => crate::t!("offboard.item.backups"),
            Item::Documentation => crate::t!("offboard.item.documentation"),
            Item::Agents => crate::t!("offboard.item.agents"),
            Item::Data => crate::t!("offboard.item.data"),
            Item::Referral => crate::t!("offboard.item.referral"),
            Item::SignOff => crate::t!("offboard.item.sign_off"),
        }
    }

    /// What ticking the item asks besides the day.
    pub fn asks(self) -> Asks {
        match self {
            Item::NoticeSent => Asks::Date,
            Item::SignOff => Asks::Name,
            _ => Asks::Nothing,
        }
    }
}

/// What ticking an item asks for: the day is always kept (today unless told otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asks {
    /// Today will do.
    Nothing,
    /// The day it happened matters (notice sent): asked, today offered.
    Date,
    /// The name of the client contact who signed off.
    Name,
}

/// One item of a checklist: built in, or the user's own (shown as typed).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Entry {
    Builtin(Item),
    Custom { key: String, text: String },
}

impl Entry {
    pub fn key(&self) -> &str {
        match self {
            Entry::Builtin(i) => i.key(),
            Entry::Custom { key, .. } => key,
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Entry::Builtin(i) => i.label(),
            Entry::Custom { text, .. } => text,
        }
    }

    pub fn asks(&self) -> Asks {
        match self {
            Entry::Builtin(i) => i.asks(),
            Entry::Custom { .. } => Asks::Nothing,
        }
    }

    /// A custom item, keyed by its text (`Return the office key fob` is
    /// `return-the-office-key-fob`).
    pub fn custom(text: &str) -> Entry {
        Entry::Custom {
            key: slug(text),
            text: text.trim().to_string(),
        }
    }
}

/// The longest key a custom item gets from its text.
const SLUG_MAX: usize = 40;
/// The longest custom item, the longest note.
pub const TEXT_MAX: usize = 200;

/// Lower case, letters and digits kept, anything else one `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= SLUG_MAX {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The items a checklist holds, in order (config `[offboarding]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Items(Vec<Entry>);

impl Default for Items {
    fn default() -> Self {
        Items(Item::ALL.into_iter().map(Entry::Builtin).collect())
    }
}

/// Why a configured list of items cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemsError {
    /// `items` names a key that is no built-in item.
    UnknownItem(String),
    /// `items` names an item twice, or a custom item's key is taken.
    Twice(String),
    /// A custom item with no letters or digits, or over [`TEXT_MAX`] characters.
    BadText(String),
    /// A custom item that suggests holding back access or data.
    Withholding(String),
    /// Nothing left to tick.
    Empty,
}

impl Items {
    /// The built-in items named by `keys` (all of them, in the default order, when None),
    /// then the custom ones, in their order.
    pub fn new(keys: Option<&[&str]>, custom: &[&str]) -> Result<Items, (usize, ItemsError)> {
        let mut out: Vec<Entry> = Vec::new();
        match keys {
            None => out.extend(Item::ALL.into_iter().map(Entry::Builtin)),
            Some(keys) => {
                for (i, key) in keys.iter().enumerate() {
                    let item = Item::from_key(key.trim())
                        .ok_or_else(|| (i, ItemsError::UnknownItem(key.trim().to_string())))?;
                    if out.contains(&Entry::Builtin(item)) {
                        return Err((i, ItemsError::Twice(item.key().to_string())));
                    }
                    out.push(Entry::Builtin(item));
                }
            }
        }
        for (i, text) in custom.iter().enumerate() {
            let entry = Entry::custom(text);
            if entry.key().is_empty() || text.trim().chars().count() > TEXT_MAX {
                return Err((i, ItemsError::BadText(text.to_string())));
            }
            if suggests_withholding(text) {
                return Err((i, ItemsError::Withholding(text.trim().to_string())));
            }
            if out.iter().any(|e| e.key() == entry.key()) || Item::from_key(entry.key()).is_some() {
                return Err((i, ItemsError::Twice(entry.key().to_string())));
            }
            out.push(entry);
        }
        if out.is_empty() {
            return Err((0, ItemsError::Empty));
        }
        Ok(Items(out))
    }

    pub fn entries(&self) -> &[Entry] {
        &self.0
    }

    /// Every key, for the message that lists them.
    pub fn keys(&self) -> String {
        self.0.iter().map(Entry::key).collect::<Vec<_>>().join(", ")
    }

    /// The item a key typed on the command line names (any case, `_` or a space for `-`);
    /// an unknown one is refused with the list of keys.
    pub fn parse(&self, typed: &str) -> Result<&Entry, FieldError> {
        let t = typed.trim().to_lowercase().replace(['_', ' '], "-");
        self.0.iter().find(|e| e.key() == t).ok_or_else(|| {
            FieldError::new(
                crate::t!("offboard.field.item"),
                crate::t!(
                    "offboard.unknown_item",
                    item = typed.trim(),
                    keys = self.keys()
                ),
            )
        })
    }
}

/// Words that would make an item about holding something back until the client pays or
/// complies: the guide hands everything over (H2), so no item may say so.
const WITHHOLDING: &[&str] = &[
    "withhold",
    "hold back",
    "holding back",
    "until paid",
    "until they pay",
    "until payment",
    "until the invoice",
    "as leverage",
    "hostage",
    "achterhoud",
    "inhouden",
    "vasthouden tot",
    "tot betaling",
    "tot er betaald",
    "tot ze betalen",
    "als drukmiddel",
    "gijzel",
];

/// True when a text suggests withholding access or data.
pub fn suggests_withholding(text: &str) -> bool {
    let t = text.to_lowercase();
    WITHHOLDING.iter().any(|w| t.contains(w))
}

/// An item done: the day, and who signed off or a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub done_on: NaiveDate,
    /// Sign-off: the client contact's name; any other item: a note, if one was made.
    pub by: Option<String>,
}

impl Tick {
    /// A tick of `entry` on `done_on`, by or noted `by`, if the rules allow it: not after
    /// today, a name for the sign-off, a note of at most [`TEXT_MAX`] characters on one line.
    pub fn new(
        entry: &Entry,
        done_on: NaiveDate,
        by: Option<&str>,
        today: NaiveDate,
    ) -> Result<Tick, ValidationError> {
        let mut errors = Vec::new();
        if done_on > today {
            errors.push(FieldError::new(
                crate::t!("offboard.field.date"),
                crate::t!(
                    "offboard.rule.future",
                    date = crate::domain::date::iso(done_on)
                ),
            ));
        }
        let by = by.map(str::trim).filter(|b| !b.is_empty());
        match by {
            None if entry.asks() == Asks::Name => {
                errors.push(FieldError::new(
                    crate::t!("offboard.field.name"),
                    crate::t!("offboard.rule.name"),
                ));
            }
            Some(b) if b.chars().count() > TEXT_MAX || b.chars().any(char::is_control) => {
                errors.push(FieldError::new(
                    crate::t!("offboard.field.by"),
                    crate::t!("offboard.rule.note"),
                ));
            }
            _ => {}
        }
        if errors.is_empty() {
            Ok(Tick {
                done_on,
                by: by.map(str::to_string),
            })
        } else {
            Err(ValidationError(errors))
        }
    }
}

/// A client's checklist as kept: when it started, by which decision, what is done (by key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    pub client: super::ClientId,
    pub started_on: NaiveDate,
    /// The decision that started it; none once that decision was taken back.
    pub decision: Option<i64>,
    pub ticks: BTreeMap<String, Tick>,
}

/// A checklist: the configured items, each with its tick if done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub client: super::ClientId,
    pub started_on: NaiveDate,
    pub decision: Option<i64>,
    pub rows: Vec<(Entry, Option<Tick>)>,
}

impl Checklist {
    /// The configured items with what `started` keeps done. A tick of an item no longer
    /// configured is kept in the file but not shown.
    pub fn of(started: &Started, items: &Items) -> Checklist {
        Checklist {
            client: started.client,
            started_on: started.started_on,
            decision: started.decision,
            rows: items
                .entries()
                .iter()
                .map(|e| (e.clone(), started.ticks.get(e.key()).cloned()))
                .collect(),
        }
    }

    pub fn progress(&self) -> Progress {
        let done = self.rows.iter().filter(|(_, t)| t.is_some()).count();
        Progress {
            done,
            total: self.rows.len(),
            next: self.next().map(|e| e.label().to_string()),
        }
    }

    /// The first item not done yet.
    pub fn next(&self) -> Option<&Entry> {
        self.rows.iter().find(|(_, t)| t.is_none()).map(|(e, _)| e)
    }

    /// The row of a key.
    pub fn row(&self, key: &str) -> Option<&(Entry, Option<Tick>)> {
        self.rows.iter().find(|(e, _)| e.key() == key)
    }
}

/// How far a checklist is: what the Decisions screen and the detail pane show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The first item not done, in words; none when all are.
    pub next: Option<String>,
}

impl Progress {
    pub fn complete(&self) -> bool {
        self.done >= self.total
    }

    /// "offboarding 5/13", or "offboarding done".
    pub fn short(&self) -> String {
        if self.complete() {
            crate::t!("offboard.progress_done").to_string()
        } else {
            crate::t!("offboard.progress", done = self.done, total = self.total)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ClientId;
    use crate::domain::lang::Lang;
    use crate::words::with_language;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn started(done: &[(&str, &str)]) -> Started {
        Started {
            client: ClientId(1),
            started_on: day("2026-05-01"),
            decision: Some(7),
            ticks: done
                .iter()
                .map(|(k, d)| {
                    (
                        k.to_string(),
                        Tick {
                            done_on: day(d),
                            by: None,
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn the_default_list_holds_every_item_in_the_guides_order() {
        let items = Items::default();
        let keys: Vec<&str> = items.entries().iter().map(Entry::key).collect();
        assert_eq!(keys.first(), Some(&"notice-sent"));
        assert_eq!(keys.last(), Some(&"sign-off"));
        assert_eq!(keys.len(), 13);
        assert!(keys.contains(&"dns") && keys.contains(&"agents"));
    }

    #[test]
    fn progress_counts_the_done_items_and_names_the_next() {
        let list = Checklist::of(
            &started(&[("notice-sent", "2026-05-02"), ("agreement", "2026-05-02")]),
            &Items::default(),
        );
        let p = list.progress();
        assert_eq!((p.done, p.total), (2, 13));
        assert_eq!(list.next().map(Entry::key), Some("final-invoice"));
        assert_eq!(p.short(), "offboarding 2/13");
        assert!(!p.complete());
    }

    #[test]
    fn a_gap_is_the_next_item_even_after_later_ones_are_done() {
        let list = Checklist::of(
            &started(&[("notice-sent", "2026-05-02"), ("dns", "2026-05-03")]),
            &Items::default(),
        );
        assert_eq!(list.next().map(Entry::key), Some("agreement"));
    }

    #[test]
    fn every_item_done_is_offboarding_done() {
        let all: Vec<(&str, &str)> = Item::ALL.iter().map(|i| (i.key(), "2026-05-03")).collect();
        let p = Checklist::of(&started(&all), &Items::default()).progress();
        assert!(p.complete());
        assert_eq!(p.next, None);
        assert_eq!(p.short(), "offboarding done");
    }

    #[test]
    fn the_config_picks_and_orders_items_and_adds_its_own() {
        let items = Items::new(
            Some(&["sign-off", "notice-sent"]),
            &["Return the office key fob"],
        )
        .unwrap();
        let keys: Vec<&str> = items.entries().iter().map(Entry::key).collect();
        assert_eq!(
            keys,
            ["sign-off", "notice-sent", "return-the-office-key-fob"]
        );
        assert_eq!(items.entries()[2].label(), "Return the office key fob");
        // A tick of an item not configured stays in the file but is not shown.
        let list = Checklist::of(&started(&[("dns", "2026-05-03")]), &items);
        assert_eq!(list.progress().done, 0);
    }

    #[test]
    fn the_config_refuses_unknown_duplicate_empty_and_withholding_items() {
        assert_eq!(
            Items::new(Some(&["notice-sent", "dnss"]), &[]),
            Err((1, ItemsError::UnknownItem("dnss".into())))
        );
        assert_eq!(
            Items::new(Some(&["dns", "dns"]), &[]),
            Err((1, ItemsError::Twice("dns".into())))
        );
        assert_eq!(
            Items::new(None, &["DNS"]),
            Err((0, ItemsError::Twice("dns".into())))
        );
        assert_eq!(
            Items::new(None, &["  --  "]),
            Err((0, ItemsError::BadText("  --  ".into())))
        );
        assert_eq!(Items::new(Some(&[]), &[]), Err((0, ItemsError::Empty)));
        assert!(matches!(
            Items::new(None, &["Withhold the admin passwords until paid"]),
            Err((0, ItemsError::Withholding(_)))
        ));
        assert!(matches!(
            Items::new(None, &["Back-ups pas overdragen tot betaling binnen is"]),
            Err((0, ItemsError::Withholding(_)))
        ));
    }

    #[test]
    fn no_built_in_item_suggests_withholding_in_either_language() {
        for lang in [Lang::En, Lang::Nl] {
            with_language(lang, || {
                for item in Item::ALL {
                    assert!(
                        !suggests_withholding(item.label()),
                        "{lang:?} {}",
                        item.label()
                    );
                    assert!(!item.label().starts_with("offboard."), "{}", item.label());
                }
            });
        }
    }

    #[test]
    fn items_typed_on_the_command_line_are_found_by_key_in_any_case() {
        let items = Items::default();
        assert_eq!(items.parse("DNS").unwrap().key(), "dns");
        assert_eq!(items.parse("notice_sent").unwrap().key(), "notice-sent");
        assert_eq!(items.parse(" sign off ").unwrap().key(), "sign-off");
        let e = items.parse("dnss").unwrap_err();
        assert!(e.message.contains("'dnss'"), "{e}");
        assert!(
            e.message.contains("notice-sent, agreement, final-invoice"),
            "{e}"
        );
    }

    #[test]
    fn a_tick_is_not_after_today_and_a_sign_off_names_its_contact() {
        let today = day("2026-06-30");
        let sign = Entry::Builtin(Item::SignOff);
        let e = Tick::new(&sign, today, Some("  "), today).unwrap_err();
        assert!(e.for_field("name").is_some(), "{e}");
        let t = Tick::new(&sign, today, Some(" Frank Jansen "), today).unwrap();
        assert_eq!(t.by.as_deref(), Some("Frank Jansen"));
        let notice = Entry::Builtin(Item::NoticeSent);
        let e = Tick::new(&notice, day("2026-07-01"), None, today).unwrap_err();
        assert!(e.for_field("date").unwrap().contains("2026-07-01"), "{e}");
        let t = Tick::new(&notice, day("2026-06-12"), None, today).unwrap();
        assert_eq!((t.done_on, t.by), (day("2026-06-12"), None));
        let long = "x".repeat(TEXT_MAX + 1);
        assert!(Tick::new(&notice, today, Some(&long), today).is_err());
        assert!(Tick::new(&notice, today, Some("a\nb"), today).is_err());
    }

    #[test]
    fn only_notice_and_sign_off_ask_for_more_than_the_day() {
        assert_eq!(Item::NoticeSent.asks(), Asks::Date);
        assert_eq!(Item::SignOff.asks(), Asks::Name);
        assert_eq!(Item::Dns.asks(), Asks::Nothing);
        assert_eq!(Entry::custom("Keys").asks(), Asks::Nothing);
    }
}
