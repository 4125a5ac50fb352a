//! Dates: ISO `YYYY-MM-DD` in, `NaiveDate` inside.

use chrono::NaiveDate;

use super::error::FieldError;

/// Parses an ISO date, naming the field and the rule when it is malformed or impossible.
pub fn parse_date(field: &'static str, input: &str) -> Result<NaiveDate, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::new(
            field,
            "is empty: expected a date like 2026-03-31",
        ));
    }
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(FieldError::new(
            field,
            format!("'{s}' is not a date: expected YYYY-MM-DD, like 2026-03-31"),
        ));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, format!("'{s}' is not a real calendar date")))
}

/// Parses an optional date: empty input means none.
pub fn parse_opt_date(field: &'static str, input: &str) -> Result<Option<NaiveDate>, FieldError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, input).map(Some)
    }
}

/// ISO form, as stored and as typed.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_refuses_the_rest() {
        assert_eq!(
            parse_date("opened", "2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert!(
            parse_date("opened", "2026-02-30")
                .unwrap_err()
                .message
                .contains("not a real")
        );
        assert!(
            parse_date("opened", "2026-2-3")
                .unwrap_err()
                .message
                .contains("YYYY-MM-DD")
        );
        assert!(parse_date("opened", "28/02/2026").is_err());
        assert!(parse_date("opened", "").is_err());
        assert_eq!(parse_opt_date("closed", "  "), Ok(None));
        assert_eq!(
            parse_date("d", "2024-02-29").map(iso),
            Ok("2024-02-29".to_string())
        );
    }
}
