//! Bulk writes: a whole portfolio in one transaction (the demo; later, imports), so that a
//! few thousand rows cost one commit, and a bad row leaves the database as it was; and plain
//! rows through prepared statements for the million-row benchmark portfolio.

use std::collections::HashMap;
use std::fmt;

use rusqlite::{Transaction, params};

use super::clients::insert_client;
use super::events::{log_in, next_invoice_number};
use super::settings::set_defaults_in;
use super::votes::set_votes_in;
use super::{Result, Store, StoreError};
use crate::domain::identity::key;
use crate::domain::money::group_thousands;
use crate::domain::{
    ClientFields, ClientId, FieldError, LogEntry, NewIncident, NewInvoice, NewRecommendation,
    NewTicket, NewTimeEntry, Portfolio, ValidationError,
};

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub clients: u64,
    pub tickets: u64,
    pub invoices: u64,
    /// Invoices that carry a payment date.
    pub paid_invoices: u64,
    pub time_entries: u64,
    pub minutes: u64,
    pub recommendations: u64,
    pub incidents: u64,
    pub votes: u64,
}

/// One line, e.g. "30 clients, 2,410 tickets, 520 invoices (498 paid), ...".
impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = group_thousands;
        f.write_str(&crate::t!(
            "store.import_summary",
            clients = n(self.clients),
            tickets = n(self.tickets),
            invoices = n(self.invoices),
            paid = n(self.paid_invoices),
            time_entries = n(self.time_entries),
            hours = n(self.minutes / 60),
            recommendations = n(self.recommendations),
            incidents = n(self.incidents),
            votes = n(self.votes),
        ))
    }
}

impl Store {
    /// Writes every client of `portfolio`, its entries, the gut checks and the defaults the
    /// database is to carry, in one transaction: all or nothing. Entries pass the same checks
    /// as [`Store::log`]; entries that point at existing rows by id (reopen, escalate,
    /// payment, decide) are refused, as are names that are taken and gut checks that name a
    /// client the portfolio does not hold, or one the staff member cannot name that year.
    pub fn import_portfolio(&mut self, portfolio: &Portfolio) -> Result<ImportSummary> {
        self.write(|tx| import_in(tx, portfolio))
    }
}

impl Store {
    /// Runs `load` in one transaction with a [`BulkWriter`]: plain rows straight into the
    /// tables through cached prepared statements, for generating very large portfolios
    /// (benchmarks). Only SQLite's own constraints are checked; the triggers keep the
    /// rollup in step as usual. All or nothing, like every write.
    #[doc(hidden)]
    pub fn bulk_load<T>(
        &mut self,
        mut load: impl FnMut(&mut BulkWriter<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write(|tx| load(&mut BulkWriter { tx }))
    }
}

/// Writes plain rows inside [`Store::bulk_load`]'s transaction.
#[doc(hidden)]
pub struct BulkWriter<'a> {
    tx: &'a Transaction<'a>,
}

impl BulkWriter<'_> {
    pub fn client(&mut self, f: &ClientFields) -> Result<ClientId> {
        insert_client(self.tx, f)
    }

    pub fn ticket(&mut self, client: ClientId, t: &NewTicket) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO tickets (client_id, opened_on, closed_on, kind, escalated, reopen_count, external_ref, ref_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![client.0, t.opened_on, t.closed_on, t.kind.as_str(), t.escalated, t.reopen_count, t.external_ref, t.external_ref.as_deref().map(key)])?;
        Ok(())
    }

    /// An invoice without a number gets the client's next free one, as in [`Store::log`].
    pub fn invoice(&mut self, client: ClientId, inv: &NewInvoice) -> Result<()> {
        let number = match &inv.number {
            Some(n) => n.clone(),
            None => next_invoice_number(self.tx, client)?,
        };
        self.tx
            .prepare_cached(
                "INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_cents, disputed, external_ref, number_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![client.0, number, inv.issued_on, inv.due_on, inv.paid_on, inv.amount.0, inv.disputed, inv.external_ref, key(&number)])?;
        Ok(())
    }

    pub fn time(&mut self, client: ClientId, t: &NewTimeEntry) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO time_entries (client_id, worked_on, minutes, note, external_ref)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                client.0,
                t.worked_on,
                t.minutes,
                t.note,
                t.external_ref
            ])?;
        Ok(())
    }

    pub fn recommendation(&mut self, client: ClientId, r: &NewRecommendation) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO recommendations (client_id, made_on, title, security, status, decided_on, external_ref)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![client.0, r.made_on, r.title, r.security, r.status.as_str(), r.decided_on, r.external_ref])?;
        Ok(())
    }

    pub fn incident(&mut self, client: ClientId, i: &NewIncident) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO incidents (client_id, occurred_on, kind, note) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![client.0, i.occurred_on, i.kind.as_str(), i.note])?;
        Ok(())
    }

    /// One staff member's gut check, with the checks of [`Store::set_votes`].
    pub fn votes(&mut self, year: i32, staff: &str, clients: &[ClientId]) -> Result<()> {
        set_votes_in(self.tx, year, staff, clients)
    }
}

fn import_in(tx: &Transaction<'_>, portfolio: &Portfolio) -> Result<ImportSummary> {
    let mut sum = ImportSummary::default();
    let mut ids: HashMap<&str, ClientId> = HashMap::new();
    for client in &portfolio.clients {
        let name = client.fields.name.as_str();
        let id = insert_client(tx, &client.fields).map_err(|e| about(e, name, None))?;
        ids.insert(name, id);
        sum.clients += 1;
        for (i, entry) in client.entries.iter().enumerate() {
            count(&mut sum, entry).map_err(|e| about(e.into(), name, Some(i)))?;
            log_in(tx, id, entry).map_err(|e| about(e, name, Some(i)))?;
        }
    }
    for check in &portfolio.gut_checks {
        let clients = check
            .clients
            .iter()
            .map(|n| {
                ids.get(n.as_str()).copied().ok_or_else(|| {
                    ValidationError::one(
                        "gut check list",
                        format!(
                            "of {} in {} names '{n}', which is not in the portfolio",
                            check.staff, check.year
                        ),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        set_votes_in(tx, check.year, &check.staff, &clients)?;
        sum.votes += clients.len() as u64;
    }
    if let Some(d) = &portfolio.defaults {
        set_defaults_in(tx, d)?;
    }
    Ok(sum)
}

/// Counts an entry, refusing the kinds that refer to rows by id.
fn count(sum: &mut ImportSummary, entry: &LogEntry) -> Result<(), ValidationError> {
    match entry {
        LogEntry::Ticket(_) => sum.tickets += 1,
        LogEntry::Invoice(inv) => {
            sum.invoices += 1;
            sum.paid_invoices += u64::from(inv.paid_on.is_some());
        }
        LogEntry::Time(t) => {
            sum.time_entries += 1;
            sum.minutes += u64::from(t.minutes);
        }
        LogEntry::Recommendation(_) => sum.recommendations += 1,
        LogEntry::Incident(_) => sum.incidents += 1,
        LogEntry::Reopen { .. }
        | LogEntry::Escalate { .. }
        | LogEntry::Payment { .. }
        | LogEntry::Decide { .. } => {
            return Err(ValidationError::one(
                "entry",
                "refers to an existing row by id: an import can only add new rows",
            ));
        }
    }
    Ok(())
}

/// Says which client (and which of its entries) a validation error is about.
fn about(e: StoreError, client: &str, entry: Option<usize>) -> StoreError {
    let place = match entry {
        Some(i) => format!("client '{client}', entry {}", i + 1),
        None => format!("client '{client}'"),
    };
    match e {
        StoreError::Invalid(v) => StoreError::Invalid(ValidationError(
            v.0.into_iter()
                .map(|f| FieldError::new(f.field, format!("{} ({place})", f.message)))
                .collect(),
        )),
        other => other,
    }
}
