//! The file itself: UTF-8 with or without a BOM, else Windows-1252; `,` `;` or tab as the
//! delimiter, found from the header line (or named by Excel's `sep=;` first line); quoted
//! fields with line breaks; CRLF. Rows are streamed, never read whole.
//!
//! ```no_run
//! # use rapport::import::CsvFile;
//! # fn main() -> Result<(), rapport::import::ReadError> {
//! let file = CsvFile::open(std::path::Path::new("tickets.csv"))?;
//! let mut rows = file.rows()?;
//! while let Some(row) = rows.next() {
//!     let row = row?; // an I/O error half-way: stop
//!     let _cells: Vec<&str> = row.cells();
//!     let _progress = (rows.bytes_read(), file.size);
//! }
//! # Ok(()) }
//! ```

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// How the file's bytes are text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 that starts with a byte order mark.
    Utf8Bom,
    Windows1252,
}

impl Encoding {
    /// As the preview shows it: `UTF-8`, `UTF-8 (BOM)`, `Windows-1252`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// The text of one cell's bytes.
    fn decode(self, bytes: &[u8]) -> String {
        match self {
            // The whole file was checked to be UTF-8, but a cell is decoded on its own
            // account (lossily, so nothing here can fail).
            Encoding::Utf8 | Encoding::Utf8Bom => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        }
    }
}

/// Why a file cannot be read. Worded at the edge (`crate::words::say::import::read_error`).
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
    /// A UTF-16 file (Excel's "Unicode text"): not a CSV rapport reads.
    #[error("{path} is UTF-16 text: save it as CSV (UTF-8)")]
    Utf16 { path: PathBuf },
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
    /// As many as the row has: a ragged row has more or fewer than the header, which
    /// [`Mapping::read`](crate::domain::import::Mapping::read) reports.
    pub cells: Vec<String>,
}

impl Row {
    /// The cells as `&str`, as [`Mapping::read`](crate::domain::import::Mapping::read)
    /// takes them.
    pub fn cells(&self) -> Vec<&str> {
        self.cells.iter().map(String::as_str).collect()
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// The header line is looked at for its delimiter up to this many bytes.
const HEADER_MAX: usize = 1 << 20;

impl CsvFile {
    /// Sniffs `path` (reading it once through for the encoding, in constant memory).
    pub fn open(path: &Path) -> Result<CsvFile, ReadError> {
        let io = |source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut f = File::open(path).map_err(io)?;
        let size = f.metadata().map_err(io)?.len();
        let mut start = [0u8; 3];
        let got = read_up_to(&mut f, &mut start).map_err(io)?;
        let start = &start[..got];
        if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
            return Err(ReadError::Utf16 {
                path: path.to_path_buf(),
            });
        }
        let bom = start == BOM;
        f.seek(SeekFrom::Start(0)).map_err(io)?;
        let encoding = if is_utf8(&mut f).map_err(io)? {
            if bom {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            }
        } else {
            Encoding::Windows1252
        };
        let mut file = CsvFile {
            path: path.to_path_buf(),
            encoding,
            delimiter: b',',
            headers: Vec::new(),
            size,
        };
        let (body, sep) = file.body_and_sep()?;
        file.delimiter = match sep {
            Some((named, _)) => named,
            None => delimiter(&header_line(&mut BufReader::new(body)).map_err(io)?),
        };
        let mut reader = file.reader()?;
        let mut record = csv::ByteRecord::new();
        let has_header = reader
            .read_byte_record(&mut record)
            .map_err(|e| file.csv_error(e))?;
        if !has_header || is_blank(&record) {
            return Err(ReadError::Empty {
                path: path.to_path_buf(),
            });
        }
        file.headers = cells(&record, encoding)
            .into_iter()
            .map(|c| c.trim().to_string())
            .collect();
        Ok(file)
    }

    /// Its first `n` rows, for a preview.
    pub fn preview(&self, n: usize) -> Result<Vec<Row>, ReadError> {
        self.rows()?.take(n).collect()
    }

    /// Its rows after the header, one at a time, in constant memory. Blank lines are
    /// skipped; a row's `line` is the line it starts on. An item is an error only when the
    /// file cannot be read on (an I/O error): stop there.
    pub fn rows(&self) -> Result<Rows, ReadError> {
        let (mut reader, cr_only) = self.reader_and_ends()?;
        let mut record = csv::ByteRecord::new();
        // The header, read again to stand after it.
        reader
            .read_byte_record(&mut record)
            .map_err(|e| self.csv_error(e))?;
        let (body, sep) = self.body_and_sep()?;
        let bom = if self.encoding == Encoding::Utf8Bom {
            BOM.len() as u64
        } else {
            0
        };
        let sep_bytes = sep.map_or(0, |(_, len)| len);
        Ok(Rows {
            file: self.clone(),
            reader,
            record,
            offset: bom + sep_bytes,
            lines: Lines {
                reader: BufReader::new(body),
                at: 0,
                // Excel's `sep=` line is the file's line 1.
                breaks: u64::from(sep.is_some()),
                end: if cr_only { b'\r' } else { b'\n' },
            },
            done: false,
        })
    }

    /// The file from after its BOM and Excel's `sep=` line.
    fn body(&self) -> Result<File, ReadError> {
        Ok(self.body_and_sep()?.0)
    }

    /// The file from after its BOM and Excel's `sep=` line, and that line's delimiter and
    /// length in bytes (with its line break) when there is one.
    fn body_and_sep(&self) -> Result<(File, Option<(u8, u64)>), ReadError> {
        let io = |source| ReadError::Io {
            path: self.path.clone(),
            source,
        };
        let mut f = File::open(&self.path).map_err(io)?;
        let start = if self.encoding == Encoding::Utf8Bom {
            BOM.len() as u64
        } else {
            0
        };
        f.seek(SeekFrom::Start(start)).map_err(io)?;
        let sep = sep_line(&mut f).map_err(io)?;
        let skip = sep.map_or(0, |(_, len)| len);
        f.seek(SeekFrom::Start(start + skip)).map_err(io)?;
        Ok((f, sep))
    }

    /// A CSV reader of the file from after its BOM. Lines end at `\n` (a `\r` before it is
    /// taken off the row's last cell), so a row's line counts right in CRLF files too; a
    /// file whose lines end in `\r` alone (old Mac exports) ends rows at `\r` as well.
    fn reader(&self) -> Result<csv::Reader<File>, ReadError> {
        Ok(self.reader_and_ends()?.0)
    }

    /// [`CsvFile::reader`], and whether the file's lines end in `\r` alone.
    fn reader_and_ends(&self) -> Result<(csv::Reader<File>, bool), ReadError> {
        let io = |source| ReadError::Io {
            path: self.path.clone(),
            source,
        };
        let cr_only = {
            let mut r = BufReader::new(self.body()?);
            // header_line stops before the line break: `\r` then anything but `\n`.
            header_line(&mut r).map_err(io)?;
            let mut next = [0u8; 2];
            let got = read_up_to(&mut r, &mut next).map_err(io)?;
            got == 2 && next[0] == b'\r' && next[1] != b'\n'
        };
        let terminator = if cr_only {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .terminator(terminator)
            .from_reader(self.body()?);
        Ok((reader, cr_only))
    }

    fn csv_error(&self, e: csv::Error) -> ReadError {
        let source = match e.into_kind() {
            csv::ErrorKind::Io(e) => e,
            other => std::io::Error::other(format!("{other:?}")),
        };
        ReadError::Io {
            path: self.path.clone(),
            source,
        }
    }
}

/// The rows of a [`CsvFile`], streamed (see [`CsvFile::rows`]).
pub struct Rows {
    file: CsvFile,
    reader: csv::Reader<File>,
    record: csv::ByteRecord,
    /// The BOM's bytes, which the reader never saw.
    offset: u64,
    lines: Lines,
    done: bool,
}

/// Counts the line breaks before each row's first byte, reading the file a second time
/// alongside the CSV reader (the CSV reader's own line count misses blank lines and lags
/// in CRLF files).
struct Lines {
    reader: BufReader<File>,
    /// How far it has counted, in bytes from after the BOM.
    at: u64,
    breaks: u64,
    /// What ends a line: `\n`, or `\r` in an old Mac file.
    end: u8,
}

impl Lines {
    /// The line (1 is the first) of the row that starts at byte `start`, passing the line
    /// breaks of blank lines right before it.
    fn line_at(&mut self, start: u64) -> std::io::Result<u64> {
        while self.at < start {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let n = buf
                .len()
                .min(usize::try_from(start - self.at).unwrap_or(usize::MAX));
            self.breaks += buf[..n].iter().filter(|b| **b == self.end).count() as u64;
            self.reader.consume(n);
            self.at += n as u64;
        }
        while let Some(&b) = self.reader.fill_buf()?.first() {
            if b != b'\r' && b != b'\n' {
                break;
            }
            self.breaks += u64::from(b == self.end);
            self.reader.consume(1);
            self.at += 1;
        }
        Ok(self.breaks + 1)
    }
}

impl Rows {
    /// How many bytes of the file are read so far (compare with [`CsvFile::size`]).
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte() + self.offset
    }
}

impl Iterator for Rows {
    type Item = Result<Row, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) if is_blank(&self.record) => continue,
                Ok(true) => {
                    let start = self.record.position().map_or(0, csv::Position::byte);
                    let line = match self.lines.line_at(start) {
                        Ok(line) => line,
                        Err(source) => {
                            self.done = true;
                            return Some(Err(ReadError::Io {
                                path: self.file.path.clone(),
                                source,
                            }));
                        }
                    };
                    return Some(Ok(Row {
                        line,
                        cells: cells(&self.record, self.file.encoding),
                    }));
                }
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.file.csv_error(e)));
                }
            }
        }
    }
}

/// A line with nothing on it but white space and delimiters (a blank line, `,,,,`).
fn is_blank(record: &csv::ByteRecord) -> bool {
    record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace))
}

/// A record's cells as text, without the `\r` of a CRLF line end on the last one.
fn cells(record: &csv::ByteRecord, encoding: Encoding) -> Vec<String> {
    let n = record.len();
    record
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let c = if i + 1 == n {
                c.strip_suffix(b"\r").unwrap_or(c)
            } else {
                c
            };
            encoding.decode(c)
        })
        .collect()
}

/// Fills `buf` as far as the reader goes; the number of bytes read.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Whether everything `r` holds is UTF-8, read in chunks (a character split between two
/// chunks is carried over).
fn is_utf8(r: &mut impl Read) -> std::io::Result<bool> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry = 0;
    loop {
        let n = read_up_to(r, &mut buf[carry..])?;
        let len = carry + n;
        if n == 0 {
            return Ok(carry == 0);
        }
        match std::str::from_utf8(&buf[..len]) {
            Ok(_) => carry = 0,
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..len, 0);
                carry = len - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// The bytes of the first line (up to a line break outside quotes, which is left unread),
/// at most [`HEADER_MAX`].
fn header_line(r: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    let mut line = Vec::new();
    let mut quoted = false;
    while line.len() < HEADER_MAX {
        let Some(&b) = r.fill_buf()?.first() else {
            break;
        };
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
        r.consume(1);
        line.push(b);
    }
    Ok(line)
}

/// Excel's first line `sep=;` (or `sep=,`, `sep=` and a tab, `sep=|`), which names the
/// delimiter and stands before the header: the delimiter, and the line's length in bytes
/// with its line break. `None` when the first line is anything else.
fn sep_line(r: &mut impl Read) -> std::io::Result<Option<(u8, u64)>> {
    let mut head = [0u8; 8];
    let got = read_up_to(r, &mut head)?;
    let head = &head[..got];
    if head.len() < 5 || !head[..4].eq_ignore_ascii_case(b"sep=") {
        return Ok(None);
    }
    let named = head[4];
    if !matches!(named, b',' | b';' | b'\t' | b'|') {
        return Ok(None);
    }
    let len = match &head[5..] {
        [] => 5,
        [b'\r', b'\n', ..] => 7,
        [b'\n' | b'\r', ..] => 6,
        _ => return Ok(None),
    };
    Ok(Some((named, len)))
}

/// The delimiter a header line uses: the most frequent of `,` `;` and tab outside quotes
/// (a comma when there is none, or a tie with it).
fn delimiter(line: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in line {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
            c.1 += 1;
        }
    }
    let mut best = counts[0];
    for c in &counts[1..] {
        if c.1 > best.1 {
            best = *c;
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_header_lines_own_outside_quotes() {
        assert_eq!(delimiter(b"a,b,c"), b',');
        assert_eq!(delimiter(b"a;b;c"), b';');
        assert_eq!(delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(delimiter(b"\"a,b,c\";d;e"), b';');
        assert_eq!(delimiter(b"single"), b',');
    }

    #[test]
    fn utf8_is_checked_across_chunk_boundaries() {
        let mut text = vec![b'a'; 64 * 1024 - 1];
        text.extend("é".as_bytes());
        assert!(is_utf8(&mut text.as_slice()).unwrap());
        text.push(0xE9);
        assert!(!is_utf8(&mut text.as_slice()).unwrap());
        // A character cut off at the very end is not UTF-8.
        assert!(!is_utf8(&mut &b"abc\xC3"[..]).unwrap());
    }
}
