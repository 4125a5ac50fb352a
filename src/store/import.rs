//! Writing an import: records from a PSA export, added or updated by their external
//! reference (so the same file twice adds nothing), clients matched by the identity rules
//! (or created on request), in one transaction: all or nothing, and on a dry run nothing.
//!
//! What counts as the same row (the README's "what counts as the same row"):
//! - a row with a reference (`ref`) is the row of that client with that reference (a
//!   ticket's by its identity key, so `T-1` and `t-1` are one); an invoice without a
//!   reference is the client's invoice with that number, and an invoice with a reference
//!   that is not in the file yet adopts the hand-typed invoice of the same number;
//! - a ticket or a time entry without a reference is the same row only when every field is
//!   the same (so a second import adds nothing, but two identical rows in one file are one);
//! - a recommendation without a reference is the one made that day with that title;
//! - a client row is the client with that name (identity rules); only the facts the file
//!   has a column for are compared and written, the others stay as they are.
//!
//! A row that matches a voided event leaves it voided and untouched (counted unchanged):
//! an import never restores what a person voided, nor adds it a second time.

mod deferred;
mod rows;

use std::collections::{BTreeSet, HashMap};

use rusqlite::Transaction;

use crate::domain::identity::key;
use crate::domain::import::{ImportRecord, RowError, RowProblem};
use crate::domain::{ClientDraft, ClientField, ClientId, Problem};

use super::{Result, Store, StoreError};

/// What the user asked of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Create the clients a row names that the database does not hold.
    pub create_clients: bool,
    /// Report what would happen, write nothing.
    pub dry_run: bool,
}

/// What an import did, or on a dry run (or with bad rows) would have done.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub rows: u64,
    pub added: u64,
    pub updated: u64,
    /// Rows already in the database as they are.
    pub unchanged: u64,
    /// Clients named by rows that the database does not hold (and that were not created),
    /// with how many rows each; those rows are skipped.
    pub unknown_clients: Vec<(String, u64)>,
    /// Clients created for rows (with `create_clients`).
    pub created_clients: Vec<String>,
    /// Every bad row's problems. Any bad row means nothing is written.
    pub bad_rows: Vec<RowError>,
    /// Whether the import was committed.
    pub written: bool,
}

impl ImportReport {
    /// Rows skipped because their client is unknown.
    pub fn skipped(&self) -> u64 {
        self.unknown_clients.iter().map(|(_, n)| n).sum()
    }
}

/// The page cache an import runs with, in KiB.
const IMPORT_CACHE_KIB: i64 = 16 * 1024;

/// How often (in rows) `progress` is told.
pub const PROGRESS_EVERY: u64 = 1000;

/// One row for [`Store::import_records`]: its line in the file and its record, or every
/// problem the row has.
pub type ImportRow = std::result::Result<(u64, ImportRecord), Vec<RowError>>;

impl Store {
    /// Adds or updates every record in one transaction. `progress` is told the number of
    /// rows handled so far, now and then. A client row writes every fact of the client.
    pub fn import_records(
        &mut self,
        records: &mut dyn Iterator<Item = ImportRow>,
        options: ImportOptions,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        self.import_records_carrying(records, options, None, progress)
    }

    /// As [`Store::import_records`], where a client row carries only the facts in
    /// `carried` (the columns the file has): the others of an existing client stay.
    pub fn import_records_carrying(
        &mut self,
        records: &mut dyn Iterator<Item = ImportRow>,
        options: ImportOptions,
        carried: Option<&[ClientField]>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport> {
        // A larger page cache while the import runs: a large transaction otherwise spills
        // its pages to the log and reads them back. Bounded, so memory stays flat.
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        let report = self.write_if(|tx| {
            let deferred = deferred::defer(tx)?;
            let mut run = Run::new(tx, options, carried)?;
            for row in &mut *records {
                run.report.rows += 1;
                match row {
                    Ok((line, record)) => run.record(line, &record)?,
                    Err(errors) => run.report.bad_rows.extend(errors),
                }
                if run.report.rows % PROGRESS_EVERY == 0 {
                    progress(run.report.rows);
                }
            }
            progress(run.report.rows);
            let written = !options.dry_run && run.report.bad_rows.is_empty();
            // Rolled back otherwise, triggers and all: nothing to settle.
            if written {
                deferred.settle(tx, &run.touched)?;
            }
            let mut report = run.finish();
            report.written = written;
            Ok((report.clone(), report.written))
        });
        self.conn.pragma_update(None, "cache_size", cache)?;
        report
    }
}

/// What one record came to.
pub(super) enum Outcome {
    Added,
    Updated,
    Unchanged,
}

/// One import in progress, inside its transaction.
struct Run<'a> {
    tx: &'a Transaction<'a>,
    options: ImportOptions,
    carried: Option<&'a [ClientField]>,
    /// Identity key -> client.
    by_key: HashMap<String, ClientId>,
    /// Exact names of clients whose key clashed when the keys were made.
    by_exact: HashMap<String, ClientId>,
    /// A name as the file spells it -> its identity key (a file names few clients often).
    keys: HashMap<String, String>,
    /// Unknown clients by key: the name as first written, and the rows.
    unknown: HashMap<String, usize>,
    /// Clients that got new rows: their revision and rollup are settled at the end.
    touched: BTreeSet<ClientId>,
    report: ImportReport,
}

impl<'a> Run<'a> {
    fn new(
        tx: &'a Transaction<'a>,
        options: ImportOptions,
        carried: Option<&'a [ClientField]>,
    ) -> Result<Run<'a>> {
        let mut by_key = HashMap::new();
        let mut by_exact = HashMap::new();
        let mut stmt = tx.prepare("SELECT id, name, name_key FROM clients")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                ClientId(r.get(0)?),
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            let (id, name, name_key) = row?;
            let name_key = name_key.unwrap_or_else(|| key(&name));
            if name_key.contains('\u{1}') {
                by_exact.insert(name, id);
            } else {
                by_key.insert(name_key, id);
            }
        }
        Ok(Run {
            tx,
            options,
            carried,
            by_key,
            by_exact,
            keys: HashMap::new(),
            unknown: HashMap::new(),
            touched: BTreeSet::new(),
            report: ImportReport::default(),
        })
    }

    fn key_of(&mut self, name: &str) -> String {
        if let Some(k) = self.keys.get(name) {
            return k.clone();
        }
        let k = key(name);
        if self.keys.len() < 100_000 {
            self.keys.insert(name.to_string(), k.clone());
        }
        k
    }

    fn client_id(&mut self, name: &str) -> Option<ClientId> {
        if let Some(id) = self.by_exact.get(name.trim()) {
            return Some(*id);
        }
        let k = self.key_of(name);
        self.by_key.get(&k).copied()
    }

    /// The client of an evidence row: known, created, or unknown (the row is skipped).
    fn evidence_client(&mut self, line: u64, name: &str) -> Option<ClientId> {
        if let Some(id) = self.client_id(name) {
            return Some(id);
        }
        let k = self.key_of(name);
        if !self.options.create_clients {
            match self.unknown.get(&k) {
                Some(&i) => self.report.unknown_clients[i].1 += 1,
                None => {
                    self.unknown.insert(k, self.report.unknown_clients.len());
                    self.report
                        .unknown_clients
                        .push((crate::domain::identity::tidy(name), 1));
                }
            }
            return None;
        }
        let draft = ClientDraft {
            name: name.to_string(),
            ..ClientDraft::new_client()
        };
        match draft.validate() {
            Ok(fields) => match super::clients::insert_client(self.tx, &fields) {
                Ok(id) => {
                    self.by_key.insert(k, id);
                    self.report.created_clients.push(fields.name);
                    Some(id)
                }
                Err(e) => {
                    self.bad(line, "client", name, e);
                    None
                }
            },
            Err(e) => {
                self.bad(line, "client", name, StoreError::Invalid(e));
                None
            }
        }
    }

    /// A row the store refused: its problem in words, the column named by its field
    /// (the caller puts the file's header in its place).
    fn bad(&mut self, line: u64, field: &str, value: &str, e: StoreError) {
        let problem = match e {
            StoreError::Invalid(v) if v.0.len() == 1 => RowProblem::Invalid(
                v.0.into_iter()
                    .next()
                    .map_or(Problem::Required, |f| Problem::Text(f.message)),
            ),
            other => RowProblem::Invalid(Problem::Text(other.to_string())),
        };
        self.report.bad_rows.push(RowError {
            line,
            column: Some(field.to_string()),
            value: value.to_string(),
            problem,
        });
    }

    fn record(&mut self, line: u64, record: &ImportRecord) -> Result<()> {
        // The client an evidence row goes to, once found.
        let mut evidence_of = None;
        let outcome = match record {
            ImportRecord::Client(fields) => {
                let id = self.client_id(&fields.name);
                let out = rows::client(self.tx, id, fields, self.carried);
                if let Ok((Outcome::Added, Some(new))) = &out {
                    let k = self.key_of(&fields.name);
                    self.by_key.insert(k, *new);
                }
                out.map(|(o, _)| o)
                    .map_err(|e| (e, "name", fields.name.clone()))
            }
            ImportRecord::Ticket { client, ticket } => {
                let Some(id) = self.evidence_client(line, client) else {
                    return Ok(());
                };
                evidence_of = Some(id);
                rows::ticket(self.tx, id, ticket).map_err(|e| {
                    let r = ticket.external_ref.clone().unwrap_or_default();
                    (e, "ref", r)
                })
            }
            ImportRecord::Invoice { client, invoice } => {
                let Some(id) = self.evidence_client(line, client) else {
                    return Ok(());
                };
                evidence_of = Some(id);
                rows::invoice(self.tx, id, invoice).map_err(|e| {
                    let n = invoice.number.clone().unwrap_or_default();
                    (e, "number", n)
                })
            }
            ImportRecord::Time { client, entry } => {
                let Some(id) = self.evidence_client(line, client) else {
                    return Ok(());
                };
                evidence_of = Some(id);
                rows::time(self.tx, id, entry).map_err(|e| {
                    let r = entry.external_ref.clone().unwrap_or_default();
                    (e, "ref", r)
                })
            }
            ImportRecord::Recommendation {
                client,
                recommendation,
            } => {
                let Some(id) = self.evidence_client(line, client) else {
                    return Ok(());
                };
                evidence_of = Some(id);
                rows::recommendation(self.tx, id, recommendation).map_err(|e| {
                    let t = recommendation.title.clone();
                    (e, "title", t)
                })
            }
        };
        match outcome {
            Ok(Outcome::Added) => {
                self.report.added += 1;
                self.touched.extend(evidence_of);
            }
            Ok(Outcome::Updated) => self.report.updated += 1,
            Ok(Outcome::Unchanged) => self.report.unchanged += 1,
            // A lost disk or lock ends the import; a row the rules refuse is a bad row.
            Err((
                e @ (StoreError::Busy | StoreError::DiskFull { .. } | StoreError::Io { .. }),
                _,
                _,
            )) => {
                return Err(e);
            }
            Err((StoreError::Sqlite(e), _, _)) if !is_constraint(&e) => {
                return Err(StoreError::Sqlite(e));
            }
            Err((e, field, value)) => self.bad(line, field, &value, e),
        }
        Ok(())
    }

    fn finish(self) -> ImportReport {
        self.report
    }
}

fn is_constraint(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::ConstraintViolation)
    )
}
