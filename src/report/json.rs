//! A report as JSON: the report's own fields, pretty-printed, ending in a newline. Keys are
//! English; money in integer cents, dates ISO, shares as fractions from 0 to 1.

use serde::Serialize;

/// The report as a JSON document.
pub fn render(report: &impl Serialize) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}
