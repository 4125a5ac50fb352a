//! What one row of a file becomes: a record for the store, or the reasons it cannot be.

use crate::domain::{ClientFields, NewInvoice, NewRecommendation, NewTicket, NewTimeEntry};

use super::value::CellProblem;

/// One row, read and checked: what the store adds or updates. Evidence names its client
/// as the file wrote it; the store matches it with the identity rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRecord {
    Client(ClientFields),
    Ticket {
        client: String,
        ticket: NewTicket,
    },
    Invoice {
        client: String,
        invoice: NewInvoice,
    },
    Time {
        client: String,
        entry: NewTimeEntry,
    },
    Recommendation {
        client: String,
        recommendation: NewRecommendation,
    },
}

impl ImportRecord {
    /// The client a row of evidence belongs to; a client row's own name.
    pub fn client(&self) -> &str {
        match self {
            ImportRecord::Client(f) => &f.name,
            ImportRecord::Ticket { client, .. }
            | ImportRecord::Invoice { client, .. }
            | ImportRecord::Time { client, .. }
            | ImportRecord::Recommendation { client, .. } => client,
        }
    }
}

/// One thing wrong with one row: which row (1 is the first row after the header, as a
/// spreadsheet would number it minus one), which column, what it held, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row's line in the file (the header is line 1), for the user to find it.
    pub line: u64,
    /// The column's header as the file wrote it; None for a row-wide problem.
    pub column: Option<String>,
    pub value: String,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    Cell(CellProblem),
    /// A required field's column is empty on this row.
    Missing,
    /// The row has more or fewer cells than the header.
    Ragged {
        cells: usize,
        header: usize,
    },
    /// The domain's checks on the whole record (e.g. closed before opened).
    Invalid(crate::domain::Problem),
}
