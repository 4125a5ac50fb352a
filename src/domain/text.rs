//! Free-text fields: trimmed, length-checked by characters, control characters refused.

use super::error::FieldError;

/// A text that must be present.
pub fn required_text(field: &'static str, input: &str, max: usize) -> Result<String, FieldError> {
    match opt_text(field, input, max)? {
        Some(s) => Ok(s),
        None => Err(FieldError::new(field, "is empty: it is required")),
    }
}

/// A text that may be left empty (empty means none).
pub fn opt_text(
    field: &'static str,
    input: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let len = s.chars().count();
    if len > max {
        return Err(FieldError::new(
            field,
            format!("is {len} characters long: at most {max} are allowed"),
        ));
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(FieldError::new(field, "contains control characters"));
    }
    Ok(Some(s.to_string()))
}
