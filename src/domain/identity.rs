//! When two spellings are one name. A client name, an invoice number and a ticket reference
//! each have an identity key: Unicode NFC (a decomposed é is the é), full case folding
//! (CAFÉ is café, STRASSE is straße), and every run of white space (a non-breaking space
//! included) one space. Uniqueness and lookup both use the key, so "Café De Hoek",
//! "CAFÉ DE HOEK" and "Café\u{a0}De  Hoek" are one client. Invisible characters (a
//! zero-width space, a direction mark, any format character, a Hangul filler) are refused
//! outright: two names that look the same must be the same.
//!
//! Names also sort the way a person expects: by a key without accents or case, so "Özdemir"
//! comes between "Noordzee" and "Rijnmond".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::error::{FieldError, Problem};

/// Characters that cannot be seen, as inclusive ranges of code points: Unicode's format
/// characters (general category Cf, Unicode 16), the default-ignorable code points
/// (DerivedCoreProperties), and characters drawn as blank (a braille blank, the Hangul
/// fillers). A name holding one looks like a name without it, and some of them (the bidi
/// controls) reorder what is drawn after them.
const INVISIBLE: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),   // soft hyphen
    (0x034F, 0x034F),   // combining grapheme joiner
    (0x0600, 0x0605),   // Arabic number signs
    (0x061C, 0x061C),   // Arabic letter mark
    (0x06DD, 0x06DD),   // Arabic end of ayah
    (0x070F, 0x070F),   // Syriac abbreviation mark
    (0x0890, 0x0891),   // Arabic pound and piastre marks above
    (0x08E2, 0x08E2),   // Arabic disputed end of ayah
    (0x115F, 0x1160),   // Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),   // Khmer inherent vowels
    (0x180B, 0x180F),   // Mongolian variation selectors and vowel separator
    (0x200B, 0x200F),   // zero-width space, (non-)joiner, direction marks
    (0x202A, 0x202E),   // bidi embeddings and overrides
    (0x2060, 0x206F),   // word joiner, invisible operators, bidi isolates, deprecated controls
    (0x2800, 0x2800),   // braille pattern blank
    (0x3164, 0x3164),   // Hangul filler
    (0xFE00, 0xFE0F),   // variation selectors
    (0xFEFF, 0xFEFF),   // zero-width no-break space (byte order mark)
    (0xFFA0, 0xFFA0),   // halfwidth Hangul filler
    (0xFFF0, 0xFFFB),   // reserved default-ignorables, interlinear annotation controls
    (0x110BD, 0x110BD), // Kaithi number sign
    (0x110CD, 0x110CD), // Kaithi number sign above
    (0x13430, 0x1343F), // Egyptian hieroglyph format controls
    (0x1BCA0, 0x1BCA3), // shorthand format controls
    (0x1D173, 0x1D17A), // musical symbol format controls
    (0xE0000, 0xE0FFF), // tags and variation selectors supplement
];

/// Whether `c` cannot be seen (see [`INVISIBLE`]).
pub fn is_invisible(c: char) -> bool {
    let c = u32::from(c);
    INVISIBLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Whether `c` changes the direction of the text around it (an embedding, an override or
/// an isolate): one hidden in a title or a note redraws what follows it backwards.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Refuses invisible characters in `input` (a name, a number, a reference), naming the
/// first one found.
pub fn check_visible(field: &'static str, input: &str) -> Result<(), FieldError> {
    refuse_first(field, input, is_invisible)
}

/// Refuses the bidi controls in `input` (any text field), naming the first one found.
pub fn check_direction(field: &'static str, input: &str) -> Result<(), FieldError> {
    refuse_first(field, input, is_bidi_control)
}

fn refuse_first(
    field: &'static str,
    input: &str,
    refused: impl Fn(char) -> bool,
) -> Result<(), FieldError> {
    match input.chars().find(|&c| refused(c)) {
        Some(c) => Err(FieldError::of(field, Problem::Invisible { c })),
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
    fn every_format_and_ignorable_character_is_refused() {
        for (c, name) in [
            ('\u{200E}', "left-to-right mark"),
            ('\u{200F}', "right-to-left mark"),
            ('\u{202E}', "right-to-left override"),
            ('\u{2066}', "left-to-right isolate"),
            ('\u{3164}', "Hangul filler"),
            ('\u{2800}', "braille blank"),
            ('\u{2061}', "invisible or formatting character"),
            ('\u{FE0F}', "invisible or formatting character"),
            ('\u{E0041}', "invisible or formatting character"),
        ] {
            let e = check_visible("name", &format!("Café{c}De Hoek")).unwrap_err();
            let code = format!("(U+{:04X})", u32::from(c));
            assert!(
                e.message.contains(name) && e.message.contains(&code),
                "{c:?}: {e}"
            );
            assert!(e.message.ends_with("which cannot be seen: type it without"));
        }
        // General category Cf (Unicode 16) and Default_Ignorable_Code_Point, from the
        // Unicode data files.
        let cf = [
            (0x00AD, 0x00AD),
            (0x0600, 0x0605),
            (0x061C, 0x061C),
            (0x06DD, 0x06DD),
            (0x070F, 0x070F),
            (0x0890, 0x0891),
            (0x08E2, 0x08E2),
            (0x180E, 0x180E),
            (0x200B, 0x200F),
            (0x202A, 0x202E),
            (0x2060, 0x2064),
            (0x2066, 0x206F),
            (0xFEFF, 0xFEFF),
            (0xFFF9, 0xFFFB),
            (0x110BD, 0x110BD),
            (0x110CD, 0x110CD),
            (0x13430, 0x1343F),
            (0x1BCA0, 0x1BCA3),
            (0x1D173, 0x1D17A),
            (0xE0001, 0xE0001),
            (0xE0020, 0xE007F),
        ];
        let ignorable = [
            (0x034F, 0x034F),
            (0x115F, 0x1160),
            (0x17B4, 0x17B5),
            (0x180B, 0x180F),
            (0x3164, 0x3164),
            (0xFE00, 0xFE0F),
            (0xFFA0, 0xFFA0),
            (0xFFF0, 0xFFF8),
            (0xE0000, 0xE0FFF),
        ];
        for (lo, hi) in cf.into_iter().chain(ignorable) {
            for c in (lo..=hi).filter_map(char::from_u32) {
                assert!(is_invisible(c), "U+{:04X}", u32::from(c));
            }
        }
        // What can be seen stays: letters of any script, marks, emoji, symbols.
        for seen in [
            "Café De Hoek",
            "Zürich",
            "Ørsted",
            "東京電機",
            "مطعم",
            "שלום",
            "Ελληνικά",
            "Кафе",
            "हिन्दी",
            "Pizza 🍕",
            "A&B (NL) — 50%",
            "Ä\u{308}",
        ] {
            assert!(check_visible("name", seen).is_ok(), "{seen}");
        }
    }

    #[test]
    fn direction_controls_are_refused_in_any_text() {
        let e = check_direction("title", "abc\u{202E}fed").unwrap_err();
        assert_eq!(
            e.message,
            "contains a right-to-left override (U+202E), which cannot be seen: type it without"
        );
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}',
        ] {
            assert!(
                check_direction("title", &format!("a{c}b")).is_err(),
                "{c:?}"
            );
        }
        // A joiner may stand in free text (emoji sequences, Persian words).
        assert!(check_direction("title", "👩\u{200D}💻 and می\u{200C}خواهم").is_ok());
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
