//! The file itself: UTF-8 with or without a BOM, else Windows-1252; `,` `;` or tab as the
//! delimiter, found from the header line; quoted fields with line breaks; CRLF. Rows are
//! streamed, never read whole.

use std::path::{Path, PathBuf};

/// How the file's bytes are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 that starts with a byte order mark.
    Utf8Bom,
    Windows1252,
}

/// Why a file cannot be read. Worded at the edge.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// No header line (an empty file).
    #[error("{path} is empty")]
    Empty { path: PathBuf },
    /// The store refused the import (a database error).
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// An export file, sniffed: its encoding, delimiter and header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    pub path: PathBuf,
    pub encoding: Encoding,
    pub delimiter: u8,
    pub headers: Vec<String>,
    /// Its size in bytes (for progress).
    pub size: u64,
}

/// One row, as text in header order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its first line in the file (the header is line 1).
    pub line: u64,
    pub cells: Vec<String>,
}

impl CsvFile {
    /// Sniffs `path` (reading it once through for the encoding, in constant memory).
    pub fn open(path: &Path) -> Result<CsvFile, ReadError> {
        todo!("helper: {path:?}")
    }

    /// Its first `n` rows, for a preview.
    pub fn preview(&self, n: usize) -> Result<Vec<Row>, ReadError> {
        todo!("helper: {n}")
    }
}
