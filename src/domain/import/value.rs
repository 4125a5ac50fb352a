//! A cell's text as a value: dates in the styles PSAs write (ISO, `m/d/Y`, `d/m/Y`,
//! `d-m-Y`, with or without a time), amounts as `$1,234.50`, `1.234,50 €` or `(120.00)`,
//! yes/no in the ways exports say it. A date that reads two ways (03/05/2024) is never
//! guessed: the preset or `--date-format` settles it, or the row is reported.

use chrono::NaiveDate;

/// How the dates of a file are written, where the text alone cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateFormat {
    /// 2024-03-05 (also what every other style falls back to when it is unambiguous).
    Iso,
    /// 03/05/2024 is 5 March (US).
    MonthDayYear,
    /// 03/05/2024 is 3 May.
    DayMonthYear,
}

impl DateFormat {
    /// As `--date-format` and the config name it: `iso`, `m/d/Y`, `d/m/Y` (also `d-m-Y`).
    pub fn name(self) -> &'static str {
        match self {
            DateFormat::Iso => "iso",
            DateFormat::MonthDayYear => "m/d/Y",
            DateFormat::DayMonthYear => "d/m/Y",
        }
    }

    /// `iso` (`Y-m-d`, `yyyy-mm-dd`), `m/d/Y` (`mdy`, `mm/dd/yyyy`, `m-d-Y`) or `d/m/Y`
    /// (`dmy`, `dd-mm-yyyy`, `d.m.Y`), in any case. The separator does not matter: the
    /// format says which of two numbers is the month, whatever stands between them.
    pub fn parse(s: &str) -> Option<DateFormat> {
        let t: String = s
            .trim()
            .to_ascii_lowercase()
            .replace("yyyy", "y")
            .replace("mm", "m")
            .replace("dd", "d")
            .chars()
            .filter(|c| !matches!(c, '/' | '-' | '.' | ' '))
            .collect();
        match t.as_str() {
            "iso" | "ymd" => Some(DateFormat::Iso),
            "mdy" => Some(DateFormat::MonthDayYear),
            "dmy" => Some(DateFormat::DayMonthYear),
            _ => None,
        }
    }
}

/// Why a cell's text is not the value its field needs. Worded at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellProblem {
    /// Not a date in any style rapport reads.
    NotADate,
    /// 03/05/2024 with no format set: both parts could be the month.
    AmbiguousDate,
    NotAnAmount,
    /// A negative amount (a credit note) where rapport holds none.
    NegativeAmount,
    NotANumber,
    NotYesNo,
    /// A value the field's rules do not know (a client status, a recommendation status).
    UnknownValue {
        expected: Vec<&'static str>,
    },
    /// A date that is none in the file's date format but is one in the other order
    /// (13/05/2024 under m/d/Y): the preset's or `--date-format`'s order is not the file's.
    NotInFormat {
        format: DateFormat,
    },
    /// A minutes cell that is not the hours cell of the same row (2 hours, 30 minutes):
    /// the export splits a duration over two columns, or one of them is wrong.
    DisagreesWithHours {
        hours: String,
    },
    /// Any of the domain's own checks on the value (too long, a control character...).
    Invalid(crate::domain::Problem),
}

/// The date in `text` (a time part after it is read and dropped). Year first is always
/// year-month-day; day and month in either order are settled by `format`, else by a part
/// over 12 (25/03/2024 is 25 March), else the date is [`CellProblem::AmbiguousDate`].
pub fn parse_date(text: &str, format: Option<DateFormat>) -> Result<NaiveDate, CellProblem> {
    super::dates::parse(text, format)
}

/// The amount in `text`, in cents: currency signs and codes, thousands separators and
/// either decimal mark; `(120.00)` and `-120` are negative.
pub fn parse_money(text: &str) -> Result<i64, CellProblem> {
    super::amount::parse(text)
}

/// yes/no, true/false, 1/0, y/n, x/empty, ja/nee.
pub fn parse_yes_no(text: &str) -> Result<bool, CellProblem> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "t" | "1" | "x" | "ja" | "j" | "waar" | "on" | "checked" => Ok(true),
        "" | "no" | "n" | "false" | "f" | "0" | "nee" | "onwaar" | "off" | "-" => Ok(false),
        _ => Err(CellProblem::NotYesNo),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_by_any_of_their_names() {
        for (s, f) in [
            ("iso", DateFormat::Iso),
            ("Y-m-d", DateFormat::Iso),
            ("yyyy-mm-dd", DateFormat::Iso),
            ("m/d/Y", DateFormat::MonthDayYear),
            ("MDY", DateFormat::MonthDayYear),
            ("mm/dd/yyyy", DateFormat::MonthDayYear),
            ("d/m/Y", DateFormat::DayMonthYear),
            ("d-m-Y", DateFormat::DayMonthYear),
            ("dd.mm.yyyy", DateFormat::DayMonthYear),
            ("dmy", DateFormat::DayMonthYear),
        ] {
            assert_eq!(DateFormat::parse(s), Some(f), "{s}");
            assert_eq!(DateFormat::parse(f.name()), Some(f));
        }
        assert_eq!(DateFormat::parse("y/d/m"), None);
        assert_eq!(DateFormat::parse(""), None);
    }

    #[test]
    fn yes_and_no_as_exports_say_it() {
        for yes in ["yes", "Y", "TRUE", "1", "x", "Ja", " true "] {
            assert_eq!(parse_yes_no(yes), Ok(true), "{yes}");
        }
        for no in ["no", "N", "False", "0", "", "nee", "  "] {
            assert_eq!(parse_yes_no(no), Ok(false), "{no}");
        }
        assert_eq!(parse_yes_no("maybe"), Err(CellProblem::NotYesNo));
        assert_eq!(parse_yes_no("2"), Err(CellProblem::NotYesNo));
    }
}
