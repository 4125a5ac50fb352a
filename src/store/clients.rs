//! The clients table, and the per-client figures the clients screen lists.

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, Transaction, params};

use super::sql::{enum_col, now_stamp};
use super::{Result, Store, StoreError};
use crate::domain::identity::{key, name_order, tidy};
use crate::domain::{
    Cents, Client, ClientField, ClientFields, ClientId, ClientRow, ClientStatus, ValidationError,
};

const COLUMNS: &str = "id, name, contact_name, email, phone, mrr_cents, seats, contract_start, \
     contract_end, notice_days, prepaid, payment_terms_days, segment, status, notes, created_at, updated_at";

fn client_from_row(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: ClientId(r.get(0)?),
        fields: ClientFields {
            name: r.get(1)?,
            contact_name: r.get(2)?,
            email: r.get(3)?,
            phone: r.get(4)?,
            mrr: Cents(r.get(5)?),
            seats: r.get(6)?,
            contract_start: r.get(7)?,
            contract_end: r.get(8)?,
            notice_days: r.get(9)?,
            prepaid: r.get(10)?,
            payment_terms_days: r.get(11)?,
            segment: r.get(12)?,
            status: enum_col(r, 13, ClientStatus::parse)?,
            notes: r.get(14)?,
        },
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

impl Store {
    /// All clients, by name, with their 90-day ticket count and last activity at `as_of`.
    pub fn client_rows(&self, as_of: NaiveDate) -> Result<Vec<ClientRow>> {
        self.rows_where(as_of, "", None)
    }

    /// One client's row: what to read again after a write that touched only that client
    /// (reading every row again costs a fifth of a second at 1,000 clients).
    pub fn client_row(&self, id: ClientId, as_of: NaiveDate) -> Result<Option<ClientRow>> {
        Ok(self
            .rows_where(as_of, "WHERE c.id = ?3", Some(id))?
            .into_iter()
            .next())
    }

    fn rows_where(
        &self,
        as_of: NaiveDate,
        filter: &str,
        id: Option<ClientId>,
    ) -> Result<Vec<ClientRow>> {
        let since = as_of.checked_sub_days(Days::new(89)).unwrap_or(as_of);
        let sql = format!(
            "SELECT {COLUMNS},
               (SELECT count(*) FROM tickets t WHERE t.client_id = c.id AND t.opened_on BETWEEN ?1 AND ?2 AND t.voided_at IS NULL),
               (SELECT max(d) FROM (
                  SELECT max(opened_on) AS d FROM tickets WHERE client_id = c.id AND opened_on <= ?2 AND voided_at IS NULL
                  UNION ALL SELECT max(issued_on) FROM invoices WHERE client_id = c.id AND issued_on <= ?2 AND voided_at IS NULL
                  UNION ALL SELECT max(paid_on) FROM invoices WHERE client_id = c.id AND paid_on <= ?2 AND voided_at IS NULL
                  UNION ALL SELECT max(worked_on) FROM time_entries WHERE client_id = c.id AND worked_on <= ?2 AND voided_at IS NULL
                  UNION ALL SELECT max(made_on) FROM recommendations WHERE client_id = c.id AND made_on <= ?2 AND voided_at IS NULL
                  UNION ALL SELECT max(decided_on) FROM recommendations WHERE client_id = c.id AND decided_on <= ?2 AND voided_at IS NULL
                  UNION ALL SELECT max(occurred_on) FROM incidents WHERE client_id = c.id AND occurred_on <= ?2 AND voided_at IS NULL))
             FROM clients c {filter} ORDER BY c.name COLLATE NOCASE"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let read = |r: &Row<'_>| {
            Ok(ClientRow {
                client: client_from_row(r)?,
                tickets_90d: r.get(17)?,
                last_activity: r.get(18)?,
            })
        };
        let rows = match id {
            Some(id) => stmt.query_map(params![since, as_of, id.0], read)?,
            None => stmt.query_map(params![since, as_of], read)?,
        };
        let mut rows: Vec<ClientRow> = rows.collect::<rusqlite::Result<_>>()?;
        rows.sort_by(|a, b| name_order(&a.client.fields.name, &b.client.fields.name));
        Ok(rows)
    }

    /// All clients, by name.
    pub fn clients(&self) -> Result<Vec<Client>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM clients ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], client_from_row)?;
        let mut clients: Vec<Client> = rows.collect::<rusqlite::Result<_>>()?;
        clients.sort_by(|a, b| name_order(&a.fields.name, &b.fields.name));
        Ok(clients)
    }

    /// Names and numbers that became one when the identity keys were made (an upgrade
    /// from schema 3), in words.
    pub fn identity_clashes(&self) -> Result<Vec<String>> {
        super::identity::clashes(self.conn())
    }

    pub fn client(&self, id: ClientId) -> Result<Client> {
        by_id_in(self.conn(), id)
    }

    /// Finds a client by name, ignoring case.
    pub fn client_by_name(&self, name: &str) -> Result<Client> {
        by_name_in(self.conn(), name)
    }

    pub fn client_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?)
    }

    pub fn add_client(&mut self, f: &ClientFields) -> Result<ClientId> {
        self.write(|tx| insert_client(tx, f))
    }

    /// Replaces every fact of a client (an import, a test). Edits made by a person go
    /// through [`Store::save_edit`] or [`Store::edit_client`], which write only what changed.
    pub fn update_client(&mut self, id: ClientId, f: &ClientFields) -> Result<()> {
        self.write(|tx| {
            let current = fields_in(tx, id)?;
            write_changes(tx, id, &current, f)
        })
    }

    /// Saves an edit made in a form that opened on `original`. Only the fields that differ
    /// from it are written; if the client changed in the meantime (another window, a
    /// script), nothing is written and the conflict says what changed. Returns the fields
    /// written (none when the form was saved unchanged).
    pub fn save_edit(
        &mut self,
        id: ClientId,
        original: &ClientFields,
        edited: &ClientFields,
    ) -> Result<Vec<ClientField>> {
        self.write(|tx| {
            let current = fields_in(tx, id)?;
            if current != *original {
                return Err(changed_underneath(&current, original));
            }
            let changed = original.changed(edited);
            write_changes(tx, id, &current, edited)?;
            Ok(changed)
        })
    }

    /// Finds a client by name and applies `edit` to its facts, all in one transaction, so
    /// nothing can change in between. Writes only the fields that differ; returns the
    /// client as it was and the fields written (none: nothing to change).
    pub fn edit_client(
        &mut self,
        name: &str,
        mut edit: impl FnMut(&ClientFields) -> std::result::Result<ClientFields, ValidationError>,
    ) -> Result<(Client, ClientFields, Vec<ClientField>)> {
        self.write(|tx| {
            let client = by_name_in(tx, name)?;
            let edited = edit(&client.fields)?;
            let changed = client.fields.changed(&edited);
            write_changes(tx, client.id, &client.fields, &edited)?;
            Ok((client.clone(), edited, changed))
        })
    }

    /// Sets a client's status to former, if it is still as `expected` (what the
    /// confirmation showed). Nothing is deleted.
    pub fn archive_client(&mut self, id: ClientId, expected: &ClientFields) -> Result<()> {
        self.write(|tx| {
            let current = fields_in(tx, id)?;
            if current != *expected {
                return Err(changed_underneath(&current, expected));
            }
            let archived = ClientFields {
                status: ClientStatus::Former,
                ..current.clone()
            };
            write_changes(tx, id, &current, &archived)
        })
    }

    /// One client's revision (see [`Store::revisions`]).
    pub fn revision(&self, id: ClientId) -> Result<i64> {
        self.conn()
            .query_row("SELECT rev FROM clients WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound(crate::t!("store.client_gone", id = id.0)))
    }

    /// Each client's revision: raised by every change to the client or its evidence,
    /// whoever made it. What a window compares to find what another one changed.
    pub fn revisions(&self) -> Result<Vec<(ClientId, i64)>> {
        let mut stmt = self.conn().prepare_cached("SELECT id, rev FROM clients")?;
        let rows = stmt.query_map([], |r| Ok((ClientId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The conflict when a client changed between reading it and saving over it.
fn changed_underneath(current: &ClientFields, seen: &ClientFields) -> StoreError {
    StoreError::Conflict {
        what: format!("'{}'", seen.name),
        changes: current.describe_changes_from(seen),
    }
}

pub(super) fn fields_in(conn: &Connection, id: ClientId) -> Result<ClientFields> {
    by_id_in(conn, id).map(|c| c.fields)
}

fn by_id_in(conn: &Connection, id: ClientId) -> Result<Client> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM clients WHERE id = ?1"),
        [id.0],
        client_from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(crate::t!("store.client_gone", id = id.0)))
}

/// A client by its name as typed: the one with that identity key, or (for the later of
/// two names an older rapport let clash) the one with exactly that name.
fn by_name_in(conn: &Connection, name: &str) -> Result<Client> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM clients WHERE name = ?2 OR name_key = ?1
             ORDER BY name = ?2 DESC LIMIT 1"
        ),
        params![key(name), tidy(name)],
        client_from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::UnknownClient(name.trim().to_string()))
}

/// Writes the fields that differ between `current` and `new`, and only those.
pub(super) fn write_changes(
    tx: &Transaction<'_>,
    id: ClientId,
    current: &ClientFields,
    new: &ClientFields,
) -> Result<()> {
    let changed = current.changed(new);
    if changed.is_empty() {
        return Ok(());
    }
    if changed.contains(&ClientField::Name) {
        ensure_unique_name(tx, &new.name, Some(id))?;
    }
    let now = now_stamp();
    let name_key = key(&new.name);
    let all = facts_params(new, &now);
    let mut sets: Vec<String> = Vec::new();
    let mut params: Vec<(&str, &dyn ToSql)> = vec![(":now", &now), (":id", &id.0)];
    if changed.contains(&ClientField::Name) {
        sets.push("name_key = :name_key".into());
        params.push((":name_key", &name_key));
    }
    for field in &changed {
        let name = param(*field);
        sets.push(format!("{} = {name}", &name[1..]));
        if let Some(p) = all.iter().find(|(n, _)| *n == name) {
            params.push(*p);
        }
    }
    tx.execute(
        &format!(
            "UPDATE clients SET {}, updated_at = :now WHERE id = :id",
            sets.join(", ")
        ),
        params.as_slice(),
    )?;
    Ok(())
}

/// The named parameter (and, without its colon, the column) of a field.
fn param(field: ClientField) -> &'static str {
    match field {
        ClientField::Name => ":name",
        ClientField::Contact => ":contact_name",
        ClientField::Email => ":email",
        ClientField::Phone => ":phone",
        ClientField::Mrr => ":mrr_cents",
        ClientField::Seats => ":seats",
        ClientField::ContractStart => ":contract_start",
        ClientField::ContractEnd => ":contract_end",
        ClientField::NoticeDays => ":notice_days",
        ClientField::Prepaid => ":prepaid",
        ClientField::PaymentTerms => ":payment_terms_days",
        ClientField::Segment => ":segment",
        ClientField::Status => ":status",
        ClientField::Notes => ":notes",
    }
}

/// Inserts a new client inside a write; its name must not be taken.
pub(super) fn insert_client(tx: &Transaction<'_>, f: &ClientFields) -> Result<ClientId> {
    ensure_unique_name(tx, &f.name, None)?;
    let now = now_stamp();
    let name_key = key(&f.name);
    let mut params = facts_params(f, &now).to_vec();
    params.push((":name_key", &name_key));
    tx.execute(
        "INSERT INTO clients (name, name_key, contact_name, email, phone, mrr_cents, seats,
           contract_start, contract_end, notice_days, prepaid, payment_terms_days, segment,
           status, notes, created_at, updated_at)
         VALUES (:name, :name_key, :contact_name, :email, :phone, :mrr_cents, :seats,
           :contract_start, :contract_end, :notice_days, :prepaid, :payment_terms_days,
           :segment, :status, :notes, :now, :now)",
        params.as_slice(),
    )?;
    Ok(ClientId(tx.last_insert_rowid()))
}

/// A client's facts as named parameters, shared by INSERT and UPDATE.
fn facts_params<'a>(
    f: &'a ClientFields,
    now: &'a dyn ToSql,
) -> [(&'static str, &'a dyn ToSql); 15] {
    [
        (":name", &f.name),
        (":contact_name", &f.contact_name),
        (":email", &f.email),
        (":phone", &f.phone),
        (":mrr_cents", &f.mrr.0),
        (":seats", &f.seats),
        (":contract_start", &f.contract_start),
        (":contract_end", &f.contract_end),
        (":notice_days", &f.notice_days),
        (":prepaid", &f.prepaid),
        (":payment_terms_days", &f.payment_terms_days),
        (":segment", &f.segment),
        (":status", &f.status),
        (":notes", &f.notes),
        (":now", now),
    ]
}

/// Refuses a name whose identity key another client has (any case, accents composed or
/// not, any spacing).
fn ensure_unique_name(tx: &Transaction<'_>, name: &str, except: Option<ClientId>) -> Result<()> {
    let existing: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, name FROM clients WHERE name_key = ?1",
            [key(name)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((id, other)) if Some(ClientId(id)) != except => Err(ValidationError::one(
            "name",
            crate::t!("store.errors.name_taken", name = name, other = other),
        )
        .into()),
        _ => Ok(()),
    }
}
