//! Dates as PSAs write them: ISO (`2024-03-05`, `2024/03/05`), day and month in either
//! order (`03/05/2024`, `5-3-2024`, `05.03.2024`), with or without a time after them
//! (`14:22`, `2:22 PM`, `T14:22:00Z`, `14:22:05.123`). The time is checked and dropped;
//! a time zone does not move the date (the PSA's own day is kept). Two-digit years are
//! refused: `03/05/24` could be any century's.

use chrono::NaiveDate;

use super::value::{CellProblem, DateFormat};
use crate::domain::date::EARLIEST_YEAR;
use crate::domain::error::Problem;

/// See [`super::parse_date`].
pub fn parse(text: &str, format: Option<DateFormat>) -> Result<NaiveDate, CellProblem> {
    let s = text.trim();
    if s.ends_with(['T', ',']) {
        return Err(CellProblem::NotADate);
    }
    let (date, time) = split_time(s);
    if !time_ok(time) {
        return Err(CellProblem::NotADate);
    }
    let sep = date
        .chars()
        .find(|c| matches!(c, '-' | '/' | '.'))
        .ok_or(CellProblem::NotADate)?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return Err(CellProblem::NotADate);
    };
    let num = |p: &str, max_len: usize| -> Result<u32, CellProblem> {
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CellProblem::NotADate);
        }
        p.parse().map_err(|_| CellProblem::NotADate)
    };
    let (year, month, day) = if a.len() == 4 {
        // Year first is only ever year, month, day.
        (num(a, 4)?, num(b, 2)?, num(c, 2)?)
    } else {
        if c.len() != 4 {
            return Err(CellProblem::NotADate);
        }
        let (x, y, year) = (num(a, 2)?, num(b, 2)?, num(c, 4)?);
        match format {
            Some(DateFormat::MonthDayYear) => (year, x, y),
            Some(DateFormat::DayMonthYear) => (year, y, x),
            // The text alone: a part over 12 is the day; both 12 or less could be either.
            _ if x > 12 => (year, y, x),
            _ if y > 12 => (year, x, y),
            _ if x == y => (year, x, y),
            _ => {
                // Still not a date at all if neither reading is one (00/05/2024).
                let year = year as i32;
                return if NaiveDate::from_ymd_opt(year, x, y).is_some()
                    || NaiveDate::from_ymd_opt(year, y, x).is_some()
                {
                    Err(CellProblem::AmbiguousDate)
                } else {
                    Err(CellProblem::NotADate)
                };
            }
        }
    };
    let year = year as i32;
    let d = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| match format {
        // Day and month in the other order make a date: the format is not the file's.
        Some(f @ (DateFormat::MonthDayYear | DateFormat::DayMonthYear))
            if a.len() != 4 && NaiveDate::from_ymd_opt(year, day, month).is_some() =>
        {
            CellProblem::NotInFormat { format: f }
        }
        _ => CellProblem::NotADate,
    })?;
    if year < EARLIEST_YEAR {
        return Err(CellProblem::Invalid(Problem::BeforeEarliest {
            text: s.into(),
            year: EARLIEST_YEAR,
        }));
    }
    Ok(d)
}

/// The two readings of a date [`parse`] calls ambiguous: (month first, day first).
pub fn readings(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        parse(text, Some(DateFormat::MonthDayYear)).ok()?,
        parse(text, Some(DateFormat::DayMonthYear)).ok()?,
    ))
}

/// The date and what follows it (a time, or nothing).
fn split_time(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || c == ',' || (c == 'T' && i == 10))
        .map_or(s.len(), |(i, _)| i);
    let rest = &s[end..];
    let rest = rest.strip_prefix('T').unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    (&s[..end], rest)
}

/// Whether `t` is a time of day (or nothing): `14:22`, `14:22:05`, `14:22:05.123`,
/// `2:22 PM`, each optionally followed by `Z` or an offset like `+01:00`.
fn time_ok(t: &str) -> bool {
    if t.is_empty() {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    let mut t = lower.trim();
    // A zone: Z, UTC, or an offset.
    for z in ["z", "utc", "gmt"] {
        if let Some(rest) = t.strip_suffix(z) {
            t = rest.trim_end();
            break;
        }
    }
    if let Some(pos) = t.rfind(['+', '-']) {
        let off = &t[pos + 1..];
        let digits: String = off.chars().filter(|c| *c != ':').collect();
        if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            t = t[..pos].trim_end();
        } else {
            return false;
        }
    }
    let mut twelve = false;
    for m in ["am", "pm", "a.m.", "p.m."] {
        if let Some(rest) = t.strip_suffix(m) {
            t = rest.trim_end();
            twelve = true;
            break;
        }
    }
    let (t, frac) = match t.split_once('.') {
        Some((t, f)) => (t, Some(f)),
        None => (t, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let parts: Vec<&str> = t.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let n = |p: &str| p.parse::<u32>().unwrap_or(99);
    let hour = n(parts[0]);
    let hour_ok = if twelve {
        (1..=12).contains(&hour)
    } else {
        hour <= 23
    };
    hour_ok && n(parts[1]) <= 59 && parts.get(2).is_none_or(|s| n(s) <= 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_and_year_first_dates_need_no_format() {
        assert_eq!(parse("2024-03-05", None), Ok(d(2024, 3, 5)));
        assert_eq!(parse(" 2024/3/5 ", None), Ok(d(2024, 3, 5)));
        assert_eq!(parse("2024-03-05T14:22:00Z", None), Ok(d(2024, 3, 5)));
        assert_eq!(parse("2024-03-05T23:30:00-05:00", None), Ok(d(2024, 3, 5)));
        assert_eq!(parse("2024-03-05 14:22:05.123", None), Ok(d(2024, 3, 5)));
        // ISO stays ISO whatever format the file's other dates have.
        let mdy = Some(DateFormat::MonthDayYear);
        assert_eq!(parse("2024-03-05", mdy), Ok(d(2024, 3, 5)));
    }

    #[test]
    fn a_day_over_12_settles_the_order_and_both_under_13_is_ambiguous() {
        assert_eq!(parse("25/03/2024", None), Ok(d(2024, 3, 25)));
        assert_eq!(parse("03/25/2024 2:22 PM", None), Ok(d(2024, 3, 25)));
        assert_eq!(parse("03/05/2024", None), Err(CellProblem::AmbiguousDate));
        assert_eq!(parse("3-5-2024", None), Err(CellProblem::AmbiguousDate));
        assert_eq!(parse("05/05/2024", None), Ok(d(2024, 5, 5)));
        assert_eq!(parse("31.12.2024 14:22", None), Ok(d(2024, 12, 31)));
        assert_eq!(readings("03/05/2024"), Some((d(2024, 3, 5), d(2024, 5, 3))));
    }

    #[test]
    fn a_format_settles_every_day_month_date_and_a_date_against_it_is_refused() {
        let mdy = Some(DateFormat::MonthDayYear);
        let dmy = Some(DateFormat::DayMonthYear);
        assert_eq!(parse("03/05/2024", mdy), Ok(d(2024, 3, 5)));
        assert_eq!(parse("03/05/2024", dmy), Ok(d(2024, 5, 3)));
        assert_eq!(parse("03-05-2024 14:22", dmy), Ok(d(2024, 5, 3)));
        assert_eq!(parse("13/25/2024", mdy), Err(CellProblem::NotADate));
        // A date only in the other order is refused, saying the format in force.
        assert_eq!(
            parse("25/03/2024", mdy),
            Err(CellProblem::NotInFormat {
                format: DateFormat::MonthDayYear
            })
        );
        assert_eq!(
            parse("03/05/2024", Some(DateFormat::Iso)),
            Err(CellProblem::AmbiguousDate)
        );
    }

    #[test]
    fn two_digit_years_times_and_nonsense_are_not_dates() {
        for bad in [
            "",
            "03/05/24",
            "2024-02-30",
            "2024-03-05 25:00",
            "2024-03-05 noon",
            "2024-03-05 13:00 PM",
            "5 March 2024",
            "2024-03",
            "00/05/2024",
            "2024-03-05T",
            "12/12/2024/1",
            "１２/１２/２０２４",
        ] {
            assert!(parse(bad, None).is_err(), "{bad:?}");
        }
        assert!(matches!(
            parse("1969-12-31", None),
            Err(CellProblem::Invalid(Problem::BeforeEarliest { .. }))
        ));
    }
}
