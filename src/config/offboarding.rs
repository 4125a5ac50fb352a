//! The [offboarding] table of config.toml: which built-in items the checklist holds, in
//! which order (`items`, by key), and items of your own (`custom`, shown as typed).

use serde::Deserialize;
use toml::Spanned;

use super::ConfigError;
use crate::domain::offboard::{Items, ItemsError};

type At<'a> = &'a dyn Fn(usize, String) -> ConfigError;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawOffboarding {
    items: Option<Spanned<Vec<Spanned<String>>>>,
    custom: Option<Vec<Spanned<String>>>,
}

impl RawOffboarding {
    pub(super) fn items(self, at: At) -> Result<Items, ConfigError> {
        let keys: Option<Vec<&str>> = self
            .items
            .as_ref()
            .map(|l| l.get_ref().iter().map(|k| k.get_ref().as_str()).collect());
        let custom = self.custom.unwrap_or_default();
        let texts: Vec<&str> = custom.iter().map(|c| c.get_ref().as_str()).collect();
        Items::new(keys.as_deref(), &texts).map_err(|(i, e)| {
            let key_at = |i: usize| {
                self.items.as_ref().map_or(0, |l| {
                    l.get_ref()
                        .get(i)
                        .map_or(l.span().start, |k| k.span().start)
                })
            };
            let custom_at = |i: usize| custom.get(i).map_or(0, |c| c.span().start);
            let defaults = Items::default().keys();
            match e {
                ItemsError::UnknownItem(item) => at(
                    key_at(i),
                    crate::t!("offboard.config.unknown", item = item, keys = defaults),
                ),
                // A key named twice in `items`, or a custom item whose key is taken.
                ItemsError::Twice(item) if custom.is_empty() || keys_twice(keys.as_deref()) => {
                    at(key_at(i), crate::t!("offboard.config.twice", item = item))
                }
                ItemsError::Twice(item) => at(
                    custom_at(i),
                    crate::t!("offboard.config.twice", item = item),
                ),
                ItemsError::BadText(text) => at(
                    custom_at(i),
                    crate::t!("offboard.config.bad_text", text = text),
                ),
                ItemsError::Withholding(text) => at(
                    custom_at(i),
                    crate::t!("offboard.config.withholding", text = text),
                ),
                ItemsError::Empty => at(key_at(0), crate::t!("offboard.config.empty").into()),
            }
        })
    }
}

/// True when `items` names a key twice (the error is then about `items`, not `custom`).
fn keys_twice(keys: Option<&[&str]>) -> bool {
    let Some(keys) = keys else { return false };
    keys.iter()
        .enumerate()
        .any(|(i, k)| keys[..i].iter().any(|o| o.trim() == k.trim()))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::Config;
    use crate::domain::offboard::Entry;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("c.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn without_the_table_the_checklist_holds_every_item() {
        let cfg = parse("").unwrap();
        assert_eq!(cfg.offboarding.entries().len(), 13);
    }

    #[test]
    fn items_pick_and_order_and_custom_items_follow() {
        let cfg = parse(
            "[offboarding]\nitems = [\"notice-sent\", \"dns\", \"sign-off\"]\ncustom = [\"Return the office key fob\"]\n",
        )
        .unwrap();
        let keys: Vec<&str> = cfg.offboarding.entries().iter().map(Entry::key).collect();
        assert_eq!(
            keys,
            [
                "notice-sent",
                "dns",
                "sign-off",
                "return-the-office-key-fob"
            ]
        );
    }

    #[test]
    fn an_unknown_item_names_its_line_and_column() {
        let e = parse("[offboarding]\nitems = [\"notice-sent\", \"dnss\"]\n").unwrap_err();
        assert!(e.contains("line 2, column 25"), "{e}");
        assert!(e.contains("'dnss' is not an item"), "{e}");
        assert!(e.contains("notice-sent, agreement"), "{e}");
    }

    #[test]
    fn an_unknown_key_in_the_table_is_an_error() {
        let e = parse("[offboarding]\nitem = [\"dns\"]\n").unwrap_err();
        assert!(e.contains("line 2, column 1"), "{e}");
        assert!(e.contains("unknown field `item`"), "{e}");
    }

    #[test]
    fn a_custom_item_that_withholds_is_refused_where_it_stands() {
        let e = parse("[offboarding]\ncustom = [\"Keys\", \"Withhold the backups until paid\"]\n")
            .unwrap_err();
        assert!(e.contains("line 2, column 19"), "{e}");
        assert!(e.contains("holding back access or data"), "{e}");
    }

    #[test]
    fn duplicates_and_an_empty_list_are_refused() {
        let e = parse("[offboarding]\nitems = [\"dns\", \"dns\"]\n").unwrap_err();
        assert!(
            e.contains("column 17") && e.contains("'dns' is on the checklist twice"),
            "{e}"
        );
        let e = parse("[offboarding]\ncustom = [\"DNS\"]\n").unwrap_err();
        assert!(e.contains("column 11") && e.contains("twice"), "{e}");
        let e = parse("[offboarding]\nitems = []\n").unwrap_err();
        assert!(e.contains("at least one item"), "{e}");
    }
}
