//! The [scripts] table of config.toml: what the breakup scripts and letters say beyond the
//! client's facts (referral MSPs, the transition help offered) and the words the tone check
//! warns about (guide H2-H4).

use serde::Deserialize;
use toml::Spanned;

use super::ConfigError;
use crate::domain::script::ToneWords;

type At<'a> = &'a dyn Fn(usize, String) -> ConfigError;

/// The longest entry of a [scripts] list, in characters.
const ENTRY_MAX: usize = 300;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawScripts {
    tone_words_en: Option<Vec<Spanned<String>>>,
    tone_words_nl: Option<Vec<Spanned<String>>>,
    referrals: Option<Vec<Spanned<String>>>,
    transition_help: Option<Vec<Spanned<String>>>,
}

/// The [scripts] values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scripts {
    /// Words of blame or heat the tone check warns about, per language.
    pub tone_words: ToneWords,
    /// MSPs to refer a client to (guide H2).
    pub referrals: Vec<String>,
    /// The help offered with the transition; empty says the built-in offer in the script's
    /// language.
    pub transition_help: Vec<String>,
}

impl RawScripts {
    pub(super) fn values(self, at: At) -> Result<Scripts, ConfigError> {
        let mut s = Scripts::default();
        if let Some(list) = self.tone_words_en {
            s.tone_words.en = entries("scripts.tone_words_en", list, at)?;
        }
        if let Some(list) = self.tone_words_nl {
            s.tone_words.nl = entries("scripts.tone_words_nl", list, at)?;
        }
        if let Some(list) = self.referrals {
            s.referrals = entries("scripts.referrals", list, at)?;
        }
        if let Some(list) = self.transition_help {
            s.transition_help = entries("scripts.transition_help", list, at)?;
        }
        Ok(s)
    }
}

/// A list's entries, trimmed; an empty or over-long entry is an error at its place.
fn entries(key: &str, list: Vec<Spanned<String>>, at: At) -> Result<Vec<String>, ConfigError> {
    list.into_iter()
        .map(|e| {
            let text = e.get_ref().trim();
            if text.is_empty() || text.chars().count() > ENTRY_MAX {
                Err(at(
                    e.span().start,
                    format!("{key} holds an empty entry or one longer than {ENTRY_MAX} characters"),
                ))
            } else {
                Ok(text.to_string())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;
    use crate::domain::script::ToneWords;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("c.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn the_scripts_keys_read_and_default() {
        let cfg = parse("").unwrap();
        assert_eq!(cfg.scripts.tone_words, ToneWords::default());
        assert!(cfg.scripts.referrals.is_empty());
        assert_eq!(cfg.company.place, "");
        let cfg = parse(
            "[company]\nplace = \"Utrecht\"\n[scripts]\nreferrals = [\" Noord IT \"]\ntone_words_nl = [\"boos\"]\ntransition_help = [\"een overdrachtsgesprek\"]\n",
        )
        .unwrap();
        assert_eq!(cfg.company.place, "Utrecht");
        assert_eq!(cfg.scripts.referrals, vec!["Noord IT"]);
        assert_eq!(cfg.scripts.tone_words.nl, vec!["boos"]);
        assert_eq!(cfg.scripts.tone_words.en, ToneWords::default().en);
        assert_eq!(cfg.scripts.transition_help, vec!["een overdrachtsgesprek"]);
    }

    #[test]
    fn the_example_shows_the_default_tone_words() {
        let cfg = parse(include_str!("../../config.example.toml")).unwrap();
        assert_eq!(cfg.scripts.tone_words, ToneWords::default());
        assert_eq!(cfg.company.place, "Utrecht");
    }

    #[test]
    fn mistakes_name_the_key_and_line() {
        for (text, line, key) in [
            (
                "[scripts]\nreferrals = \"Noord IT\"\n",
                2,
                "scripts.referrals",
            ),
            (
                "[scripts]\nreferrals = [\"a\",\n  \"  \"]\n",
                3,
                "scripts.referrals",
            ),
            (
                "[scripts]\ntone_words_en = [3]\n",
                2,
                "scripts.tone_words_en",
            ),
            ("[scripts]\ntone = []\n", 2, "tone"),
            ("[company]\nplace = 3\n", 2, "company.place"),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(&format!("line {line},")), "{text}: {e}");
            assert!(e.contains(key), "{text}: {e}");
        }
    }
}
