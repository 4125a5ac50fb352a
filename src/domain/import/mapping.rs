//! Which column feeds which field, for one file: the preset's aliases matched against the
//! file's headers, then the user's `--map COLUMN=FIELD` on top. Reading a row through a
//! mapping gives an [`ImportRecord`] or every [`RowError`] of that row.

use crate::domain::TicketKind;

use super::field::{Field, ImportKind};
use super::preset::Preset;
use super::record::{ImportRecord, RowError};
use super::value::DateFormat;

/// What the values of a ticket's type, category and status columns mean, compared
/// case-insensitively. Shown with the mapping, and overridable (`--value`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValueRules {
    /// Ticket type (or category) values and the kind they mean.
    pub kinds: Vec<(String, TicketKind)>,
    /// The kind of a ticket whose type says nothing rapport knows.
    pub default_kind: Option<TicketKind>,
    /// Status values that mean the ticket was escalated.
    pub escalated: Vec<String>,
    /// Status values that mean the ticket was reopened (counted as one reopen when the file
    /// has no reopen counter).
    pub reopened: Vec<String>,
}

/// One file's mapping, ready to read rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub kind: ImportKind,
    /// The preset it started from.
    pub preset: String,
    /// The file's headers, as written.
    pub headers: Vec<String>,
    /// For each column, the field it feeds (None: not read).
    pub columns: Vec<Option<Field>>,
    pub date_format: Option<DateFormat>,
    pub values: ValueRules,
}

/// Why a file cannot be read with a mapping at all (before any row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingError {
    /// `--map` names a column the file does not have.
    NoSuchColumn {
        column: String,
        headers: Vec<String>,
    },
    /// `--map` names a field this kind of file has not.
    NoSuchField { field: String, kind: ImportKind },
    /// No column feeds a field this kind needs (e.g. a ticket's client or opened date).
    Unmapped { fields: Vec<Field> },
    /// Two columns feed one field.
    Twice { field: Field, columns: Vec<String> },
}

impl Mapping {
    /// The mapping of a file with `headers`: the preset's aliases, then `overrides` (column
    /// header, field name; a field name of `-` or `none` stops a column being read).
    pub fn resolve(
        preset: &Preset,
        headers: &[String],
        overrides: &[(String, String)],
        date_format: Option<DateFormat>,
    ) -> Result<Mapping, MappingError> {
        todo!("helper: {preset:?} {headers:?} {overrides:?} {date_format:?}")
    }

    /// Row `line` of the file (its cells, in header order) as a record, or every problem
    /// in it.
    pub fn read(&self, line: u64, cells: &[&str]) -> Result<ImportRecord, Vec<RowError>> {
        todo!("helper: {line} {cells:?}")
    }

    /// The preset this mapping would be saved as under `name`: the columns as mapped,
    /// the date format and value rules.
    pub fn to_preset(&self, name: &str) -> Preset {
        todo!("helper: {name}")
    }
}
