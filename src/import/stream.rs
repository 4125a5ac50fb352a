//! The rows of a file, read through a mapping one at a time into the store's import: a
//! file that stops being readable half-way turns into one bad row (so the import rolls
//! back) and the read error; the store's problems with a row name its column by field,
//! put back here as the file's header.

use crate::domain::import::{Field, ImportKind, Mapping, RowError, RowProblem};
use crate::domain::{ClientField, Problem};
use crate::store::{ImportOptions, ImportReport, ImportRow, PROGRESS_EVERY, Store};

use super::{CsvFile, Progress, ReadError, Rows};

pub(super) fn run(
    store: &mut Store,
    file: &CsvFile,
    mapping: &Mapping,
    options: ImportOptions,
    today: Option<chrono::NaiveDate>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ReadError> {
    let mut records = Records {
        rows: file.rows()?,
        mapping,
        today,
        total_bytes: file.size,
        read: 0,
        failed: None,
        progress,
    };
    let carried = carried(mapping);
    let carried = (mapping.kind == ImportKind::Clients).then_some(carried.as_slice());
    let mut report = store.import_records_carrying(&mut records, options, carried, &mut |_| {})?;
    (records.progress)(Progress {
        rows: records.read,
        bytes: records.total_bytes,
        total_bytes: records.total_bytes,
    });
    if let Some(e) = records.failed {
        return Err(e);
    }
    for e in &mut report.bad_rows {
        if let Some(column) = &e.column
            && let Some(field) = Field::parse(mapping.kind, column)
            && let Some(i) = mapping.columns.iter().position(|c| *c == Some(field))
            && let Some(header) = mapping.headers.get(i)
        {
            e.column = Some(header.clone());
        }
    }
    Ok(report)
}

/// The client facts a clients file has columns for.
fn carried(mapping: &Mapping) -> Vec<ClientField> {
    let mut out: Vec<ClientField> = Vec::new();
    for field in mapping.columns.iter().flatten() {
        let f = match field {
            Field::Name => ClientField::Name,
            Field::Contact | Field::FirstName | Field::LastName => ClientField::Contact,
            Field::Email => ClientField::Email,
            Field::Phone => ClientField::Phone,
            Field::Mrr => ClientField::Mrr,
            Field::Seats => ClientField::Seats,
            Field::ContractStart => ClientField::ContractStart,
            Field::ContractEnd => ClientField::ContractEnd,
            Field::NoticeDays => ClientField::NoticeDays,
            Field::Prepaid => ClientField::Prepaid,
            Field::PaymentTermsDays => ClientField::PaymentTerms,
            Field::Segment => ClientField::Segment,
            Field::Status => ClientField::Status,
            Field::Notes => ClientField::Notes,
            _ => continue,
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

struct Records<'a> {
    rows: Rows,
    mapping: &'a Mapping,
    /// Dates after it are bad rows (None: any date).
    today: Option<chrono::NaiveDate>,
    total_bytes: u64,
    read: u64,
    failed: Option<ReadError>,
    progress: &'a mut dyn FnMut(Progress),
}

impl Iterator for Records<'_> {
    type Item = ImportRow;

    fn next(&mut self) -> Option<ImportRow> {
        let row = match self.rows.next()? {
            Ok(row) => row,
            Err(e) => {
                let problem = RowProblem::Invalid(Problem::Text(e.to_string()));
                self.failed = Some(e);
                return Some(Err(vec![RowError {
                    line: 0,
                    column: None,
                    value: String::new(),
                    problem,
                }]));
            }
        };
        self.read += 1;
        if self.read % PROGRESS_EVERY == 0 {
            (self.progress)(Progress {
                rows: self.read,
                bytes: self.rows.bytes_read(),
                total_bytes: self.total_bytes,
            });
        }
        let cells = row.cells();
        Some(
            self.mapping
                .read_as_of(row.line, &cells, self.today)
                .map(|r| (row.line, r)),
        )
    }
}
