//! The clients table, and the per-client figures the clients screen lists.

use chrono::{Days, NaiveDate};
use rusqlite::{OptionalExtension, Row, ToSql, Transaction, params};

use super::sql::{enum_col, now_stamp};
use super::{Result, Store, StoreError};
use crate::domain::{
    Cents, Client, ClientFields, ClientId, ClientRow, ClientStatus, ValidationError,
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
               (SELECT count(*) FROM tickets t WHERE t.client_id = c.id AND t.opened_on BETWEEN ?1 AND ?2),
               (SELECT max(d) FROM (
                  SELECT max(opened_on) AS d FROM tickets WHERE client_id = c.id AND opened_on <= ?2
                  UNION ALL SELECT max(issued_on) FROM invoices WHERE client_id = c.id AND issued_on <= ?2
                  UNION ALL SELECT max(paid_on) FROM invoices WHERE client_id = c.id AND paid_on <= ?2
                  UNION ALL SELECT max(worked_on) FROM time_entries WHERE client_id = c.id AND worked_on <= ?2
                  UNION ALL SELECT max(made_on) FROM recommendations WHERE client_id = c.id AND made_on <= ?2
                  UNION ALL SELECT max(decided_on) FROM recommendations WHERE client_id = c.id AND decided_on <= ?2
                  UNION ALL SELECT max(occurred_on) FROM incidents WHERE client_id = c.id AND occurred_on <= ?2))
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
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All clients, by name.
    pub fn clients(&self) -> Result<Vec<Client>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM clients ORDER BY name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], client_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn client(&self, id: ClientId) -> Result<Client> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM clients WHERE id = ?1"),
                [id.0],
                client_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("client #{} no longer exists", id.0)))
    }

    /// Finds a client by name, ignoring case.
    pub fn client_by_name(&self, name: &str) -> Result<Client> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM clients WHERE name = ?1 COLLATE NOCASE"),
                [name.trim()],
                client_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownClient(name.trim().to_string()))
    }

    pub fn client_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?)
    }

    pub fn add_client(&mut self, f: &ClientFields) -> Result<ClientId> {
        self.write(|tx| insert_client(tx, f))
    }

    pub fn update_client(&mut self, id: ClientId, f: &ClientFields) -> Result<()> {
        self.write(|tx| {
            ensure_unique_name(tx, &f.name, Some(id))?;
            let now = now_stamp();
            let mut params = facts_params(f, &now).to_vec();
            params.push((":id", &id.0));
            let changed = tx.execute(
                "UPDATE clients SET name = :name, contact_name = :contact_name, email = :email,
                   phone = :phone, mrr_cents = :mrr_cents, seats = :seats,
                   contract_start = :contract_start, contract_end = :contract_end,
                   notice_days = :notice_days, prepaid = :prepaid,
                   payment_terms_days = :payment_terms_days, segment = :segment,
                   status = :status, notes = :notes, updated_at = :now
                 WHERE id = :id",
                params.as_slice(),
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!(
                    "client #{} no longer exists",
                    id.0
                )));
            }
            Ok(())
        })
    }

    /// Sets a client's status to former. Nothing is deleted.
    pub fn archive_client(&mut self, id: ClientId) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE clients SET status = 'former', updated_at = ?2 WHERE id = ?1",
                params![id.0, now_stamp()],
            )?;
            Ok(())
        })
    }
}

/// Inserts a new client inside a write; its name must not be taken.
pub(super) fn insert_client(tx: &Transaction<'_>, f: &ClientFields) -> Result<ClientId> {
    ensure_unique_name(tx, &f.name, None)?;
    let now = now_stamp();
    tx.execute(
        "INSERT INTO clients (name, contact_name, email, phone, mrr_cents, seats,
           contract_start, contract_end, notice_days, prepaid, payment_terms_days, segment,
           status, notes, created_at, updated_at)
         VALUES (:name, :contact_name, :email, :phone, :mrr_cents, :seats, :contract_start,
           :contract_end, :notice_days, :prepaid, :payment_terms_days, :segment, :status,
           :notes, :now, :now)",
        facts_params(f, &now).as_slice(),
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

fn ensure_unique_name(tx: &Transaction<'_>, name: &str, except: Option<ClientId>) -> Result<()> {
    let existing: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, name FROM clients WHERE name = ?1 COLLATE NOCASE",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((id, other)) if Some(ClientId(id)) != except => Err(ValidationError::one(
            "name",
            format!("'{name}' is already used by client '{other}': choose another name"),
        )
        .into()),
        _ => Ok(()),
    }
}
