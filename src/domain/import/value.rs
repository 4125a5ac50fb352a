//! A cell's text as a value: dates in the styles PSAs write (ISO, `m/d/Y`, `d/m/Y`,
//! `d-m-Y`, with or without a time), amounts as `$1,234.50`, `1.234,50 €` or `(120.00)`,
//! yes/no in the ways exports say it. A date that reads two ways (03/05/2024) is never
//! guessed: the preset or `--date-format` settles it, or the row is reported.

use chrono::NaiveDate;

use crate::domain::money::Cents;

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

    pub fn parse(s: &str) -> Option<DateFormat> {
        todo!("helper: accept iso, Y-m-d, m/d/Y, d/m/Y, d-m-Y, mdy, dmy (case-insensitive) for {s}")
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
    /// Any of the domain's own checks on the value (too long, a control character...).
    Invalid(crate::domain::Problem),
}

/// The date in `text` (a time part after it is read and dropped).
pub fn parse_date(text: &str, format: Option<DateFormat>) -> Result<NaiveDate, CellProblem> {
    todo!("helper: {text} {format:?}")
}

/// The amount in `text`, in cents: currency signs and codes, thousands separators and
/// either decimal mark; `(120.00)` and `-120` are negative.
pub fn parse_money(text: &str) -> Result<i64, CellProblem> {
    let _ = Cents(0);
    todo!("helper: {text}")
}

/// yes/no, true/false, 1/0, y/n, x/empty, ja/nee.
pub fn parse_yes_no(text: &str) -> Result<bool, CellProblem> {
    todo!("helper: {text}")
}
