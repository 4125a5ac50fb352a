//! The tone check: words of blame or heat in the user's own words (the reason), found so the
//! user can reword them (guide H2: keep it professional). It warns, it never blocks.

use serde::Serialize;

use crate::domain::lang::Lang;

/// The words and phrases that carry blame or heat, per language (config `[scripts]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToneWords {
    pub en: Vec<String>,
    pub nl: Vec<String>,
}

impl Default for ToneWords {
    fn default() -> Self {
        let list = |words: &[&str]| words.iter().map(|w| (*w).to_string()).collect();
        Self {
            en: list(&[
                "incompetent",
                "always late",
                "never pay",
                "your fault",
                "you failed",
                "unacceptable",
                "ridiculous",
                "lazy",
                "stupid",
                "rude",
                "liar",
                "lied",
                "fed up",
                "blame",
                "useless",
                "impossible to work with",
            ]),
            nl: list(&[
                "incompetent",
                "altijd te laat",
                "nooit op tijd",
                "schuld",
                "uw fout",
                "jouw fout",
                "onacceptabel",
                "belachelijk",
                "lui",
                "dom",
                "onbeschoft",
                "gelogen",
                "leugenaar",
                "zat",
                "onmogelijk",
                "waardeloos",
            ]),
        }
    }
}

impl ToneWords {
    /// The list for `lang`.
    pub fn for_lang(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}

/// The words of `words` found in `text`, in the list's order, each once: whole words or
/// phrases, any case ("Your fault" matches "your fault"; "schuld" does not match
/// "verschuldigd").
pub fn heated<'a>(text: &str, words: &'a [String]) -> Vec<&'a str> {
    let text = text.to_lowercase();
    words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty() && contains_word(&text, &w.to_lowercase()))
        .collect()
}

/// Whether `word` stands in `text` with no letter or digit right before or after it.
fn contains_word(text: &str, word: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(word).any(|(at, _)| {
        boundary(text[..at].chars().next_back()) && boundary(text[at + word.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blame_and_heat_are_found_as_whole_words_in_any_case() {
        let words = ToneWords::default();
        assert_eq!(
            heated("They were ALWAYS late, and it is your fault.", &words.en),
            vec!["always late", "your fault"]
        );
        assert_eq!(
            heated("U bent altijd te laat; de schuld ligt bij u.", &words.nl),
            vec!["altijd te laat", "schuld"]
        );
        // Part of another word is not the word.
        assert!(heated("Het verschuldigde bedrag volgt.", &words.nl).is_empty());
        assert!(heated("A lazysusan of tickets", &words.en).is_empty());
        // A calm, professional reason passes.
        assert!(
            heated(
                "Our services no longer match what your organisation needs.",
                &words.en
            )
            .is_empty()
        );
        assert!(
            heated(
                "Onze dienstverlening past niet meer bij wat uw organisatie nodig heeft.",
                &words.nl
            )
            .is_empty()
        );
        // Empty entries in a config list never match everything.
        assert!(heated("anything", &["".to_string(), " ".to_string()]).is_empty());
        assert_eq!(heated("Incompetent!", &words.nl), vec!["incompetent"]);
    }
}
