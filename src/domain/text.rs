//! Free-text fields: trimmed, length-checked by characters. A one-line field (a name, an
//! email, a title) refuses every control character, newline and tab included, so a value
//! never splits a row of a table; a note may hold newlines. No text may hold a bidi control
//! (an override, an embedding, an isolate), which would draw what follows it backwards.
//! Names, invoice numbers, ticket references and staff names also refuse every invisible
//! character, and names, numbers and references are kept tidy (see [`super::identity`]).

use super::error::{FieldError, Problem};
use super::identity::{check_direction, check_visible, tidy};

/// A one-line text that must be present.
pub fn required_text(field: &'static str, input: &str, max: usize) -> Result<String, FieldError> {
    match opt_text(field, input, max)? {
        Some(s) => Ok(s),
        None => Err(FieldError::of(field, Problem::Required)),
    }
}

/// A one-line text that may be left empty (empty means none).
pub fn opt_text(
    field: &'static str,
    input: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let Some(s) = trimmed(field, input, max)? else {
        return Ok(None);
    };
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(FieldError::of(field, Problem::NotOneLine { c }));
    }
    check_direction(field, &s)?;
    Ok(Some(s))
}

/// A note: may hold several lines (Windows line ends become plain ones), but no other
/// control characters.
pub fn opt_note(
    field: &'static str,
    input: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let Some(s) = trimmed(field, &input.replace("\r\n", "\n"), max)? else {
        return Ok(None);
    };
    if let Some(c) = s.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(FieldError::of(field, Problem::ControlInNote { c }));
    }
    check_direction(field, &s)?;
    Ok(Some(s))
}

/// A name that identifies something (a client): one line, nothing invisible, tidy.
pub fn required_name(field: &'static str, input: &str, max: usize) -> Result<String, FieldError> {
    check_visible(field, input)?;
    required_text(field, input, max).map(|s| tidy(&s))
}

/// A code that identifies something if given (an invoice number, a ticket reference).
pub fn opt_code(
    field: &'static str,
    input: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    check_visible(field, input)?;
    Ok(opt_text(field, input, max)?.map(|s| tidy(&s)))
}

fn trimmed(field: &'static str, input: &str, max: usize) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let len = s.chars().count();
    if len > max {
        return Err(FieldError::of(field, Problem::TooLong { len, max }));
    }
    Ok(Some(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_refuse_line_breaks_and_tabs_and_notes_keep_lines() {
        let e = opt_text("name", "Acme\nBV", 100).unwrap_err();
        assert!(e.message.contains("a line break"), "{e}");
        assert!(
            opt_text("name", "Acme\tBV", 100)
                .unwrap_err()
                .message
                .contains("a tab")
        );
        assert!(opt_text("name", "Acme\u{7}", 100).is_err());
        assert_eq!(
            opt_note("notes", "first\r\nsecond", 100),
            Ok(Some("first\nsecond".into()))
        );
        assert!(opt_note("notes", "a\u{1b}[31m", 100).is_err());
    }

    #[test]
    fn no_text_holds_a_direction_override() {
        for e in [
            opt_text("contact", "Jan \u{202E}reteP", 100).unwrap_err(),
            opt_text("segment", "zorg\u{2066}", 100).unwrap_err(),
            required_text("title", "Patch\u{202D} servers", 100).unwrap_err(),
            opt_note("notes", "line one\nline \u{202E}two", 100).unwrap_err(),
        ] {
            assert!(e.message.contains("(U+20"), "{e}");
        }
        // Free text may still hold a joiner (an emoji sequence).
        assert!(opt_text("contact", "Sam 👩\u{200D}💻", 100).is_ok());
    }

    #[test]
    fn names_and_codes_are_tidy_and_visible() {
        assert_eq!(
            required_name("name", " Cafe\u{301}\u{a0}De  Hoek ", 100),
            Ok("Café De Hoek".into())
        );
        assert!(required_name("name", "Café\u{200B}", 100).is_err());
        assert_eq!(
            opt_code("number", " INV\u{a0}7 ", 100),
            Ok(Some("INV 7".into()))
        );
    }
}
