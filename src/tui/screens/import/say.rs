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

/// What is wrong with a cell or a row, without where.
pub fn problem(p: &RowProblem) -> String {
    match p {
        RowProblem::Cell(c) => cell(c),
        RowProblem::Missing => crate::t!("import_view.problem.missing").into(),
        RowProblem::Ragged { cells, header } => {
            crate::t!("import_view.problem.ragged", cells = cells, header = header)
        }
        RowProblem::Invalid(p) => p.render(crate::words::language()),
    }
}

fn cell(c: &CellProblem) -> String {
    match c {
        CellProblem::NotADate => crate::t!("import_view.problem.not_a_date").into(),
        CellProblem::AmbiguousDate => crate::t!("import_view.problem.ambiguous_date").into(),
        CellProblem::NotAnAmount => crate::t!("import_view.problem.not_an_amount").into(),
        CellProblem::NegativeAmount => crate::t!("import_view.problem.negative_amount").into(),
        CellProblem::NotANumber => crate::t!("import_view.problem.not_a_number").into(),
        CellProblem::NotYesNo => crate::t!("import_view.problem.not_yes_no").into(),
        CellProblem::UnknownValue { expected } => crate::t!(
            "import_view.problem.unknown_value",
            expected = expected.join(", ")
        ),
        CellProblem::Invalid(p) => p.render(crate::words::language()),
    }
}

/// One problem of a row, for the preview's line: `column «value»: what`.
pub fn row_error_short(e: &RowError) -> String {
    let what = problem(&e.problem);
    match &e.column {
        Some(column) if e.value.is_empty() => {
            crate::t!(
                "import_view.problem.at_column_empty",
                column = column,
                what = what
            )
        }
        Some(column) => crate::t!(
            "import_view.problem.at_column",
            column = column,
            value = e.value,
            what = what
        ),
        None => what,
    }
}
