//! The import's problems in words, as the Import view shows them: why a mapping cannot
//! run, and what is wrong with a row (short, for the preview; whole, for the report).

use crate::domain::import::{CellProblem, MappingError, RowError, RowProblem};

/// Why the mapping cannot run, and what to do.
pub fn mapping_error(e: &MappingError) -> String {
    match e {
        MappingError::Unmapped { fields } => {
            let fields: Vec<&str> = fields.iter().map(|f| f.name()).collect();
            crate::tn!(
                "import_view.problem.unmapped",
                fields.len(),
                fields = fields.join(", ")
            )
        }
        MappingError::Twice { field, columns } => crate::t!(
            "import_view.problem.twice",
            field = field.name(),
            columns = columns.join(", ")
        ),
        MappingError::NoSuchColumn { column, .. } => {
            crate::t!("import_view.problem.no_such_column", column = column)
        }
        MappingError::NoSuchField { field, kind } => crate::t!(
            "import_view.problem.no_such_field",
            field = field,
            kind = kind.name()
        ),
    }
}

/// What is wrong with a cell or a row, without where. A cell's problem is worded as
/// `rapport import` words it, but for the date that reads two ways: here `d` settles it.
pub fn problem(value: &str, p: &RowProblem) -> String {
    match p {
        RowProblem::Cell(CellProblem::AmbiguousDate) => {
            crate::t!("import_view.problem.ambiguous_date", value = value.trim())
        }
        RowProblem::Cell(c) => crate::words::say::import::cell_problem(value, c),
        RowProblem::Missing => crate::t!("import_view.problem.missing").into(),
        RowProblem::Ragged { cells, header } => {
            crate::t!("import_view.problem.ragged", cells = cells, header = header)
        }
        RowProblem::Invalid(p) => p.render(crate::words::language()),
    }
}

/// One problem of a row, for the preview's line and the report's list: `column: what`.
pub fn row_error_short(e: &RowError) -> String {
    let what = problem(&e.value, &e.problem);
    match &e.column {
        Some(column) => crate::t!(
            "import_view.problem.at_column",
            column = column,
            what = what
        ),
        None => what,
    }
}
