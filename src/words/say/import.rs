//! Importing in words: a bad cell or row ("line 14, column \"Create Date/Time\":
//! \"03/05/2024\" could be 5 March or 3 May: pass --date-format m/d/Y or d/m/Y"), a mapping
//! that cannot be used, a file that cannot be read. Each names what was wrong and what to
//! do, in the language in force (or one of its own, `*_in`). `rapport import` and the
//! Import view both call these.

use chrono::{Datelike, NaiveDate};

use crate::domain::TicketKind;
use crate::domain::import::{
    CellProblem, DateFormat, Field, ImportKind, MappingError, MappingNote, RowError, RowProblem,
    date_readings,
};
use crate::import::ReadError;
use crate::t_in;
use crate::words::{Lang, language};

/// A value as quoted in a message: at most 60 characters, on one line.
fn quoted(value: &str) -> String {
    let one: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one.chars().count() <= 60 {
        return one;
    }
    let mut cut: String = one.chars().take(59).collect();
    cut.push('…');
    cut
}

/// A date as "5 March".
pub fn day_month_in(lang: Lang, d: NaiveDate) -> String {
    let month = match d.month() {
        1 => t_in!(lang, "import.month.m1"),
        2 => t_in!(lang, "import.month.m2"),
        3 => t_in!(lang, "import.month.m3"),
        4 => t_in!(lang, "import.month.m4"),
        5 => t_in!(lang, "import.month.m5"),
        6 => t_in!(lang, "import.month.m6"),
        7 => t_in!(lang, "import.month.m7"),
        8 => t_in!(lang, "import.month.m8"),
        9 => t_in!(lang, "import.month.m9"),
        10 => t_in!(lang, "import.month.m10"),
        11 => t_in!(lang, "import.month.m11"),
        _ => t_in!(lang, "import.month.m12"),
    };
    t_in!(lang, "import.day_month", day = d.day(), month = month)
}

/// What is wrong with a cell holding `value`: "\"abc\" is not a date: ...". A check of
/// the forms ([`CellProblem::Invalid`]) reads as it follows a field's name.
pub fn cell_problem(value: &str, p: &CellProblem) -> String {
    cell_problem_in(language(), value, p)
}

pub fn cell_problem_in(lang: Lang, value: &str, p: &CellProblem) -> String {
    let value = quoted(value.trim());
    match p {
        CellProblem::NotADate => t_in!(lang, "import.cell.not_a_date", value = value),
        CellProblem::AmbiguousDate => match date_readings(&value) {
            Some((month_first, day_first)) => t_in!(
                lang,
                "import.cell.ambiguous_date",
                value = value,
                first = day_month_in(lang, month_first),
                second = day_month_in(lang, day_first)
            ),
            None => t_in!(lang, "import.cell.ambiguous_date_plain", value = value),
        },
        CellProblem::NotAnAmount => t_in!(lang, "import.cell.not_an_amount", value = value),
        CellProblem::NegativeAmount => t_in!(lang, "import.cell.negative_amount", value = value),
        CellProblem::NotANumber => t_in!(lang, "import.cell.not_a_number", value = value),
        CellProblem::NotYesNo => t_in!(lang, "import.cell.not_yes_no", value = value),
        CellProblem::UnknownValue { expected } => t_in!(
            lang,
            "import.cell.unknown_value",
            value = value,
            expected = expected.join(", ")
        ),
        CellProblem::NotInFormat { format } => match format {
            // Under d/m/Y (or iso, which never gets here) the date reads month first.
            DateFormat::DayMonthYear => t_in!(
                lang,
                "import.cell.not_in_format_month_first",
                value = value,
                format = format.name(),
                other = DateFormat::MonthDayYear.name()
            ),
            _ => t_in!(
                lang,
                "import.cell.not_in_format_day_first",
                value = value,
                format = format.name(),
                other = DateFormat::DayMonthYear.name()
            ),
        },
        CellProblem::DisagreesWithHours { hours } => t_in!(
            lang,
            "import.cell.disagrees_with_hours",
            value = value,
            hours = quoted(hours.trim())
        ),
        CellProblem::Invalid(p) => p.render(lang),
    }
}

/// One bad row, in one line: which line, which column, what it held and what to do.
pub fn row_error(e: &RowError) -> String {
    row_error_in(language(), e)
}

pub fn row_error_in(lang: Lang, e: &RowError) -> String {
    let line = e.line;
    match (&e.column, &e.problem) {
        (_, RowProblem::Ragged { cells, header }) => t_in!(
            lang,
            "import.row.ragged",
            line = line,
            cells = cells,
            header = header
        ),
        (Some(column), RowProblem::Missing) => {
            t_in!(lang, "import.row.missing", line = line, column = column)
        }
        (None, RowProblem::Missing) => t_in!(lang, "import.row.missing_value", line = line),
        (Some(column), RowProblem::Invalid(p) | RowProblem::Cell(CellProblem::Invalid(p))) => {
            t_in!(
                lang,
                "import.row.checked",
                line = line,
                column = column,
                problem = p.render(lang)
            )
        }
        (Some(column), RowProblem::Cell(p)) => t_in!(
            lang,
            "import.row.cell",
            line = line,
            column = column,
            problem = cell_problem_in(lang, &e.value, p)
        ),
        (None, RowProblem::Invalid(p)) => {
            t_in!(
                lang,
                "import.row.line",
                line = line,
                problem = p.render(lang)
            )
        }
        (None, RowProblem::Cell(p)) => t_in!(
            lang,
            "import.row.line",
            line = line,
            problem = cell_problem_in(lang, &e.value, p)
        ),
    }
}

/// A field as a mapping error names it: its `--map` name, or the choice it stands for.
fn needed_in(lang: Lang, kind: ImportKind, f: Field) -> String {
    match (kind, f) {
        (ImportKind::Clients, Field::Name) => t_in!(lang, "import.mapping.name_or_person").into(),
        (ImportKind::Time, Field::Hours) => t_in!(lang, "import.mapping.hours_or_minutes").into(),
        _ => f.name().into(),
    }
}

/// Why a file cannot be read with this mapping, and what to pass instead.
pub fn mapping_error(kind: ImportKind, e: &MappingError) -> String {
    mapping_error_in(language(), kind, e)
}

pub fn mapping_error_in(lang: Lang, kind: ImportKind, e: &MappingError) -> String {
    match e {
        MappingError::NoSuchColumn { column, headers } => t_in!(
            lang,
            "import.mapping.no_such_column",
            column = column,
            headers = headers
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        MappingError::NoSuchField { field, kind } => t_in!(
            lang,
            "import.mapping.no_such_field",
            field = field,
            kind = kind.name(),
            fields = kind
                .fields()
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        MappingError::Unmapped { fields } => t_in!(
            lang,
            "import.mapping.unmapped",
            fields = fields
                .iter()
                .map(|f| needed_in(lang, kind, *f))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        MappingError::Twice { field, columns } => t_in!(
            lang,
            "import.mapping.twice",
            first = columns.first().map_or("", String::as_str),
            second = columns.get(1).map_or("", String::as_str),
            field = field.name()
        ),
    }
}

/// A ticket kind in words: "request".
fn ticket_kind_in(lang: Lang, k: TicketKind) -> &'static str {
    match k {
        TicketKind::Incident => t_in!(lang, "history.ticket.incident"),
        TicketKind::Request => t_in!(lang, "history.ticket.request"),
        TicketKind::Admin => t_in!(lang, "history.ticket.admin"),
    }
}

/// One assumption of a mapping, to show with it: "dates are read as m/d/Y: 03/05/2024 is
/// 5 March".
pub fn mapping_note(n: &MappingNote) -> String {
    mapping_note_in(language(), n)
}

pub fn mapping_note_in(lang: Lang, n: &MappingNote) -> String {
    let quoted_list = |values: &[String]| {
        values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match n {
        MappingNote::Dates(Some(format)) => {
            let example = date_readings("03/05/2024").map(|(month_first, day_first)| {
                if *format == DateFormat::MonthDayYear {
                    month_first
                } else {
                    day_first
                }
            });
            match example {
                Some(d) => t_in!(
                    lang,
                    "import.note.dates",
                    format = format.name(),
                    date = day_month_in(lang, d)
                ),
                None => t_in!(lang, "import.note.dates_none").into(),
            }
        }
        MappingNote::Dates(None) => t_in!(lang, "import.note.dates_none").into(),
        MappingNote::PaidOnDue { column } => {
            t_in!(lang, "import.note.paid_on_due", column = column)
        }
        MappingNote::DueAfterTerms { days } => {
            t_in!(lang, "import.note.due_after_terms", days = days)
        }
        MappingNote::DefaultKind { kind, column: None } => t_in!(
            lang,
            "import.note.default_kind",
            kind = ticket_kind_in(lang, *kind)
        ),
        MappingNote::DefaultKind {
            kind,
            column: Some(column),
        } => t_in!(
            lang,
            "import.note.default_kind_column",
            column = column,
            kind = ticket_kind_in(lang, *kind)
        ),
        MappingNote::Statuses {
            column,
            escalated,
            reopened,
        } => t_in!(
            lang,
            "import.note.statuses",
            column = column,
            escalated = quoted_list(escalated),
            reopened = quoted_list(reopened)
        ),
        MappingNote::NameFromPerson => t_in!(lang, "import.note.name_from_person").into(),
    }
}

/// Why a file cannot be read at all.
pub fn read_error(e: &ReadError) -> String {
    read_error_in(language(), e)
}

pub fn read_error_in(lang: Lang, e: &ReadError) -> String {
    match e {
        ReadError::Io { path, source } => t_in!(
            lang,
            "import.file.io",
            path = path.display(),
            error = source
        ),
        ReadError::Empty { path } => t_in!(lang, "import.file.empty", path = path.display()),
        ReadError::Utf16 { path } => t_in!(lang, "import.file.utf16", path = path.display()),
        ReadError::Store(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    fn row(column: Option<&str>, value: &str, problem: RowProblem) -> RowError {
        RowError {
            line: 14,
            column: column.map(str::to_string),
            value: value.into(),
            problem,
        }
    }

    #[test]
    fn an_ambiguous_date_names_both_readings_and_the_flag() {
        let e = row(
            Some("Create Date/Time"),
            "03/05/2024",
            RowProblem::Cell(CellProblem::AmbiguousDate),
        );
        assert_eq!(
            row_error_in(Lang::En, &e),
            "line 14, column \"Create Date/Time\": \"03/05/2024\" could be 5 March or 3 May: \
             pass --date-format m/d/Y or d/m/Y"
        );
        assert_eq!(
            row_error_in(Lang::Nl, &e),
            "regel 14, kolom \"Create Date/Time\": \"03/05/2024\" kan 5 maart of 3 mei zijn: \
             geef --date-format m/d/Y of d/m/Y mee"
        );
    }

    #[test]
    fn rows_say_the_line_the_column_and_the_fix() {
        let too_long = row(
            Some("Title"),
            &"x".repeat(250),
            RowProblem::Cell(CellProblem::Invalid(Problem::TooLong {
                len: 250,
                max: 200,
            })),
        );
        assert_eq!(
            row_error_in(Lang::En, &too_long),
            "line 14, column \"Title\" is 250 characters long: at most 200 are allowed"
        );
        let ragged = row(
            None,
            "",
            RowProblem::Ragged {
                cells: 3,
                header: 5,
            },
        );
        assert!(
            row_error_in(Lang::En, &ragged)
                .starts_with("line 14 has 3 cells where the header has 5")
        );
        let missing = row(Some("[required] Company"), "", RowProblem::Missing);
        assert_eq!(
            row_error_in(Lang::En, &missing),
            "line 14, column \"[required] Company\" is empty: this row needs it"
        );
        let money = row(
            Some("total"),
            "-12.00",
            RowProblem::Cell(CellProblem::NegativeAmount),
        );
        assert!(row_error_in(Lang::Nl, &money).contains("\"-12.00\" is negatief"));
    }

    #[test]
    fn a_mappings_assumptions_in_words() {
        let paid = MappingNote::PaidOnDue {
            column: "is_paid".into(),
        };
        assert_eq!(
            mapping_note_in(Lang::En, &paid),
            "\"is_paid\" only says whether an invoice is paid: a paid one without a payment \
             date counts as paid on its due date, so never late"
        );
        let dates = MappingNote::Dates(Some(DateFormat::DayMonthYear));
        assert_eq!(
            mapping_note_in(Lang::Nl, &dates),
            "datums worden gelezen als d/m/Y: 03/05/2024 is 3 mei"
        );
        let kind = MappingNote::DefaultKind {
            kind: TicketKind::Request,
            column: Some("Type".into()),
        };
        assert_eq!(
            mapping_note_in(Lang::Nl, &kind),
            "tickets waarvan \"Type\" geen bekend type is, tellen als verzoek"
        );
    }

    #[test]
    fn mapping_errors_say_what_to_pass() {
        let e = MappingError::Unmapped {
            fields: vec![Field::Client, Field::Hours],
        };
        assert_eq!(
            mapping_error_in(Lang::En, ImportKind::Time, &e),
            "no column is read as client, hours (or minutes): name the file's column with \
             --map COLUMN=FIELD"
        );
        let e = MappingError::NoSuchField {
            field: "subjct".into(),
            kind: ImportKind::Time,
        };
        assert!(
            mapping_error_in(Lang::En, ImportKind::Time, &e)
                .contains("client, ref, date, minutes, hours, note")
        );
        let e = ReadError::Empty {
            path: "x.csv".into(),
        };
        assert_eq!(
            read_error_in(Lang::Nl, &e),
            "x.csv is leeg: exporteer het opnieuw, met de kopregel"
        );
    }
}
