//! Importing a PSA's CSV export from disk: the file is sniffed (encoding, delimiter, header)
//! and streamed row by row through a [`Mapping`](crate::domain::import::Mapping) into the
//! store, in one transaction. Both faces (`rapport import` and the TUI's Import view) call
//! [`run`]; the rules of reading a row are the domain's, the writing is the store's.

mod read;

pub use read::{CsvFile, Encoding, ReadError, Row, Rows};

mod stream;

use crate::domain::import::Mapping;
use crate::store::{ImportOptions, ImportReport, Store};

/// How far an import has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Rows read so far.
    pub rows: u64,
    /// Bytes of the file read so far, and its size.
    pub bytes: u64,
    pub total_bytes: u64,
}

/// Reads every row of `file` through `mapping` and hands the records to the store, in one
/// transaction (rolled back on a dry run or when any row is bad). A date after `today` (a
/// ticket opened, time worked, an invoice paid...) is a bad row, as the hand-entry forms
/// refuse it. `progress` is called now and then (not for every row). Rows are streamed:
/// memory stays flat in the file's size. A file that cannot be read to its end writes
/// nothing.
pub fn run(
    store: &mut Store,
    file: &CsvFile,
    mapping: &Mapping,
    options: ImportOptions,
    today: chrono::NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ReadError> {
    stream::run(store, file, mapping, options, Some(today), progress)
}
