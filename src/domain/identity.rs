//! When two spellings are one name. A client name, an invoice number and a ticket reference
//! each have an identity key: Unicode NFC (a decomposed é is the é), full case folding
//! (CAFÉ is café, STRASSE is straße), and every run of white space (a non-breaking space
//! included) one space. Uniqueness and lookup both use the key, so "Café De Hoek",
//! "CAFÉ DE HOEK" and "Café\u{a0}De  Hoek" are one client. Invisible characters (a
//! zero-width space) are refused outright: two names that look the same must be the same.
//!
//! Names also sort the way a person expects: by a key without accents or case, so "Özdemir"
//! comes between "Noordzee" and "Rijnmond".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::error::FieldError;

/// Characters that take no room on screen, so that a name holding one looks like another.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{200B}', "a zero-width space"),
    ('\u{200C}', "a zero-width non-joiner"),
    ('\u{200D}', "a zero-width joiner"),
    ('\u{2060}', "a word joiner"),
    ('\u{FEFF}', "a zero-width no-break space"),
    ('\u{00AD}', "a soft hyphen"),
    ('\u{180E}', "a Mongolian vowel separator"),
    ('\u{034F}', "a combining grapheme joiner"),
];

/// Refuses invisible characters in `input`, naming the first one found.
pub fn check_visible(field: &'static str, input: &str) -> Result<(), FieldError> {
    match input
        .chars()
        .find_map(|c| INVISIBLE.iter().find(|(i, _)| *i == c))
    {
        Some((c, what)) => Err(FieldError::new(
            field,
            format!(
                "contains {what} (U+{:04X}), which cannot be seen: type it without",
                u32::from(*c)
            ),
        )),
        None => Ok(()),
    }
}

/// The text as it is kept: NFC, and every run of white space one plain space, trimmed.
pub fn tidy(input: &str) -> String {
    collapse(&input.nfc().collect::<String>())
}

/// The identity key of a name, number or reference (see the module's doc).
pub fn key(text: &str) -> String {
    let folded = caseless::default_case_fold_str(&text.nfc().collect::<String>());
    collapse(&folded.nfc().collect::<String>())
}

/// How names sort: accents and case folded away, white space collapsed; ties keep their
/// identity key's order so the sort is total.
pub fn sort_key(text: &str) -> String {
    let bare: String = text.nfd().filter(|c| !is_combining_mark(*c)).collect();
    collapse(&caseless::default_case_fold_str(&bare))
}

/// Compares two names the way a person reads a list.
pub fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a)
        .cmp(&sort_key(b))
        .then_with(|| key(a).cmp(&key(b)))
        .then_with(|| a.cmp(b))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_that_look_alike_have_one_key() {
        let cafe = key("Café De Hoek");
        for same in [
            "CAFÉ DE HOEK",
            "café de hoek",
            "Cafe\u{301} De Hoek",
            "Café\u{a0}De  Hoek",
            "  Café De\tHoek ",
            "Café\u{202F}De Hoek",
        ] {
            assert_eq!(key(same), cafe, "{same:?}");
        }
        assert_eq!(key("Émile"), key("émile"));
        assert_eq!(key("Straße"), key("STRASSE"));
        assert_eq!(key("INV-7"), key("inv-7"));
        assert_ne!(key("Cafe De Hoek"), cafe, "an accent is part of the name");
    }

    #[test]
    fn invisible_characters_are_refused_by_name() {
        let e = check_visible("name", "Café\u{200B}De Hoek").unwrap_err();
        assert!(e.message.contains("zero-width space") && e.message.contains("U+200B"));
        assert!(check_visible("name", "Café De Hoek").is_ok());
        assert!(check_visible("name", "Caf\u{AD}é").is_err());
    }

    #[test]
    fn names_are_kept_tidy() {
        assert_eq!(tidy("  Cafe\u{301}\u{a0}De   Hoek "), "Café De Hoek");
    }

    #[test]
    fn names_sort_as_a_person_reads_them() {
        let mut names = vec![
            "Rijnmond", "Özdemir", "Noordzee", "apotheek", "Émile", "Zuid",
        ];
        names.sort_by(|a, b| name_order(a, b));
        assert_eq!(
            names,
            [
                "apotheek", "Émile", "Noordzee", "Özdemir", "Rijnmond", "Zuid"
            ]
        );
    }
}
