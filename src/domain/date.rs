//! Dates: ISO `YYYY-MM-DD` in, `NaiveDate` inside.

use chrono::{Datelike, NaiveDate};

use super::error::{FieldError, Problem};

/// Parses an ISO date, naming the field and the rule when it is malformed or impossible.
pub fn parse_date(field: &'static str, input: &str) -> Result<NaiveDate, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::of(field, Problem::DateEmpty));
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
        return Err(FieldError::of(field, Problem::NotADate { text: s.into() }));
    }
    let d =
        from_iso(s).ok_or_else(|| FieldError::of(field, Problem::NoSuchDate { text: s.into() }))?;
    if d.year() < EARLIEST_YEAR {
        return Err(FieldError::of(
            field,
            Problem::BeforeEarliest {
                text: s.into(),
                year: EARLIEST_YEAR,
            },
        ));
    }
    Ok(d)
}

/// No date rapport keeps is older than this year: an earlier one is a typing error.
pub const EARLIEST_YEAR: i32 = 1970;

/// The last day a date can be typed or kept (`YYYY` has four digits): a date rapport works
/// out (a due date from payment terms) must not land after it.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("9999-12-31 is a date"),
};

/// Parses the date of something that happened: not after `today` (evidence is logged once
/// it has happened, so a date in the future is a typing error).
pub fn parse_past_date(
    field: &'static str,
    input: &str,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let d = parse_date(field, input)?;
    not_after_today(field, d, today)?;
    Ok(d)
}

/// An optional [`parse_past_date`]: empty input means none.
pub fn parse_opt_past_date(
    field: &'static str,
    input: &str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, FieldError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_past_date(field, input, today).map(Some)
    }
}

/// Refuses a date after `today` for something that must have happened.
pub fn not_after_today(
    field: &'static str,
    d: NaiveDate,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if d > today {
        return Err(FieldError::of(
            field,
            Problem::AfterToday { date: d, today },
        ));
    }
    Ok(())
}

/// The date written exactly as `YYYY-MM-DD`, or None. No trimming and no messages: for
/// reading back the many dates the store holds (its CHECKs keep them in this form) without
/// going through a format-string parser.
pub fn from_iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..10])?)
}

/// Parses an optional date: empty input means none.
pub fn parse_opt_date(field: &'static str, input: &str) -> Result<Option<NaiveDate>, FieldError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, input).map(Some)
    }
}

/// ISO form, as stored and as typed. Without chrono's format-string machinery for the
/// years a `YYYY` can hold: scorecards write a date into every line of dealbreaker evidence.
pub fn iso(d: NaiveDate) -> String {
    match d.year() {
        y @ 0..=9999 => format!("{y:04}-{:02}-{:02}", d.month(), d.day()),
        _ => d.format("%Y-%m-%d").to_string(),
    }
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

    #[test]
    fn iso_and_from_iso_agree_with_chrono_on_every_kind_of_date() {
        let first = NaiveDate::from_ymd_opt(0, 1, 1).unwrap().num_days_from_ce();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31)
            .unwrap()
            .num_days_from_ce();
        let days = (first..=last)
            .step_by(97)
            .chain([first, last])
            .chain((0..800).map(|i| {
                NaiveDate::from_ymd_opt(2024, 1, 1)
                    .unwrap()
                    .num_days_from_ce()
                    + i
            }));
        for n in days {
            let d = NaiveDate::from_num_days_from_ce_opt(n).unwrap();
            let text = d.format("%Y-%m-%d").to_string();
            assert_eq!(iso(d), text);
            assert_eq!(from_iso(&text), Some(d));
        }
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "2026/01/01",
            " 2026-01-01",
            "2026-01-0x",
            "+2026-01-1",
        ] {
            assert_eq!(from_iso(bad), None, "{bad}");
        }
    }
}
