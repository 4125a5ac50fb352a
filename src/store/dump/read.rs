//! Reading the whole database into a [`Dump`], in one read transaction so the tables agree
//! with each other even while another window writes.

use rusqlite::{Connection, Row};
use serde_json::value::RawValue;

use super::{
    Client, Decision, DecisionDraft, Dump, FORMAT, Incident, Invoice, Json, Offboarding,
    OffboardingTick, Recommendation, Script, StaffVote, Ticket, TimeEntry,
};
use crate::store::sql::now_stamp;
use crate::store::{Result, Store, schema_version};

impl Store {
    /// Every row a user would miss, with its ids, as one [`Dump`].
    pub fn dump(&self) -> Result<Dump> {
        let tx = self.conn().unchecked_transaction()?;
        let conn: &Connection = &tx;
        let settings = rows(conn, "SELECT key, value FROM settings ORDER BY key", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .into_iter()
        .collect();
        let dump = Dump {
            format: FORMAT.into(),
            schema: schema_version(),
            rapport: env!("CARGO_PKG_VERSION").into(),
            made_at: now_stamp(),
            settings,
            clients: rows(conn, CLIENTS, client)?,
            tickets: rows(conn, TICKETS, ticket)?,
            invoices: rows(conn, INVOICES, invoice)?,
            time_entries: rows(conn, TIME, time_entry)?,
            recommendations: rows(conn, RECOMMENDATIONS, recommendation)?,
            incidents: rows(conn, INCIDENTS, incident)?,
            staff_votes: rows(conn, VOTES, vote)?,
            decisions: rows(conn, DECISIONS, decision)?,
            decision_drafts: rows(conn, DRAFTS, draft)?,
            scripts: rows(conn, SCRIPTS, script)?,
            offboarding: rows(conn, OFFBOARDING, offboarding)?,
            offboarding_ticks: rows(conn, TICKS, tick)?,
        };
        // Nothing was written: ending the read is all a commit does here.
        tx.commit()?;
        Ok(dump)
    }
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let out = stmt.query_map([], read)?;
    Ok(out.collect::<rusqlite::Result<_>>()?)
}

/// A column of JSON text, kept as that text; refused when it is not JSON.
fn json(r: &Row<'_>, i: usize) -> rusqlite::Result<Json> {
    let text: String = r.get(i)?;
    RawValue::from_string(text).map(Json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn opt_json(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<Json>> {
    match r.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => json(r, i).map(Some),
    }
}

const CLIENTS: &str = "SELECT id, name, contact_name, email, phone, mrr_cents, seats,
    contract_start, contract_end, notice_days, prepaid, payment_terms_days, segment, status,
    notes, expectations, created_at, updated_at FROM clients ORDER BY id";

fn client(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: r.get(0)?,
        name: r.get(1)?,
        contact_name: r.get(2)?,
        email: r.get(3)?,
        phone: r.get(4)?,
        mrr_cents: r.get(5)?,
        seats: r.get(6)?,
        contract_start: r.get(7)?,
        contract_end: r.get(8)?,
        notice_days: r.get(9)?,
        prepaid: r.get(10)?,
        payment_terms_days: r.get(11)?,
        segment: r.get(12)?,
        status: r.get(13)?,
        notes: r.get(14)?,
        expectations: opt_json(r, 15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
    })
}

const TICKETS: &str = "SELECT id, client_id, opened_on, closed_on, kind, escalated,
    reopen_count, subject, external_ref, voided_at, void_reason FROM tickets ORDER BY id";

fn ticket(r: &Row<'_>) -> rusqlite::Result<Ticket> {
    Ok(Ticket {
        id: r.get(0)?,
        client_id: r.get(1)?,
        opened_on: r.get(2)?,
        closed_on: r.get(3)?,
        kind: r.get(4)?,
        escalated: r.get(5)?,
        reopen_count: r.get(6)?,
        subject: r.get(7)?,
        external_ref: r.get(8)?,
        voided_at: r.get(9)?,
        void_reason: r.get(10)?,
    })
}

const INVOICES: &str = "SELECT id, client_id, number, issued_on, due_on, paid_on,
    amount_cents, disputed, external_ref, voided_at, void_reason FROM invoices ORDER BY id";

fn invoice(r: &Row<'_>) -> rusqlite::Result<Invoice> {
    Ok(Invoice {
        id: r.get(0)?,
        client_id: r.get(1)?,
        number: r.get(2)?,
        issued_on: r.get(3)?,
        due_on: r.get(4)?,
        paid_on: r.get(5)?,
        amount_cents: r.get(6)?,
        disputed: r.get(7)?,
        external_ref: r.get(8)?,
        voided_at: r.get(9)?,
        void_reason: r.get(10)?,
    })
}

const TIME: &str = "SELECT id, client_id, worked_on, minutes, note, external_ref, voided_at,
    void_reason FROM time_entries ORDER BY id";

fn time_entry(r: &Row<'_>) -> rusqlite::Result<TimeEntry> {
    Ok(TimeEntry {
        id: r.get(0)?,
        client_id: r.get(1)?,
        worked_on: r.get(2)?,
        minutes: r.get(3)?,
        note: r.get(4)?,
        external_ref: r.get(5)?,
        voided_at: r.get(6)?,
        void_reason: r.get(7)?,
    })
}

const RECOMMENDATIONS: &str = "SELECT id, client_id, made_on, title, security, status,
    decided_on, external_ref, voided_at, void_reason FROM recommendations ORDER BY id";

fn recommendation(r: &Row<'_>) -> rusqlite::Result<Recommendation> {
    Ok(Recommendation {
        id: r.get(0)?,
        client_id: r.get(1)?,
        made_on: r.get(2)?,
        title: r.get(3)?,
        security: r.get(4)?,
        status: r.get(5)?,
        decided_on: r.get(6)?,
        external_ref: r.get(7)?,
        voided_at: r.get(8)?,
        void_reason: r.get(9)?,
    })
}

const INCIDENTS: &str = "SELECT id, client_id, occurred_on, kind, note, external_ref,
    voided_at, void_reason FROM incidents ORDER BY id";

fn incident(r: &Row<'_>) -> rusqlite::Result<Incident> {
    Ok(Incident {
        id: r.get(0)?,
        client_id: r.get(1)?,
        occurred_on: r.get(2)?,
        kind: r.get(3)?,
        note: r.get(4)?,
        external_ref: r.get(5)?,
        voided_at: r.get(6)?,
        void_reason: r.get(7)?,
    })
}

const VOTES: &str = "SELECT id, year, staff, client_id, rank FROM staff_votes ORDER BY id";

fn vote(r: &Row<'_>) -> rusqlite::Result<StaffVote> {
    Ok(StaffVote {
        id: r.get(0)?,
        year: r.get(1)?,
        staff: r.get(2)?,
        client_id: r.get(3)?,
        rank: r.get(4)?,
    })
}

const DECISIONS: &str = "SELECT id, client_id, decided_on, proposed, chosen, override_reason,
    reasons, answers, snapshot, notes, review_on, proposed_mrr_cents, end_on, notice_by,
    prepaid_refund_cents, conditions, created_at FROM decisions ORDER BY id";

fn decision(r: &Row<'_>) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: r.get(0)?,
        client_id: r.get(1)?,
        decided_on: r.get(2)?,
        proposed: r.get(3)?,
        chosen: r.get(4)?,
        override_reason: r.get(5)?,
        reasons: json(r, 6)?,
        answers: json(r, 7)?,
        snapshot: json(r, 8)?,
        notes: r.get(9)?,
        review_on: r.get(10)?,
        proposed_mrr_cents: r.get(11)?,
        end_on: r.get(12)?,
        notice_by: r.get(13)?,
        prepaid_refund_cents: r.get(14)?,
        conditions: json(r, 15)?,
        created_at: r.get(16)?,
    })
}

const DRAFTS: &str = "SELECT client_id, answers, saved_at FROM decision_drafts ORDER BY client_id";

fn draft(r: &Row<'_>) -> rusqlite::Result<DecisionDraft> {
    Ok(DecisionDraft {
        client_id: r.get(0)?,
        answers: json(r, 1)?,
        saved_at: r.get(2)?,
    })
}

const SCRIPTS: &str = "SELECT id, client_id, decision_id, kind, channel, language, written_on,
    text, created_at FROM scripts ORDER BY id";

fn script(r: &Row<'_>) -> rusqlite::Result<Script> {
    Ok(Script {
        id: r.get(0)?,
        client_id: r.get(1)?,
        decision_id: r.get(2)?,
        kind: r.get(3)?,
        channel: r.get(4)?,
        language: r.get(5)?,
        written_on: r.get(6)?,
        text: r.get(7)?,
        created_at: r.get(8)?,
    })
}

const OFFBOARDING: &str = "SELECT client_id, decision_id, started_on, created_at
    FROM offboarding ORDER BY client_id";

fn offboarding(r: &Row<'_>) -> rusqlite::Result<Offboarding> {
    Ok(Offboarding {
        client_id: r.get(0)?,
        decision_id: r.get(1)?,
        started_on: r.get(2)?,
        created_at: r.get(3)?,
    })
}

const TICKS: &str = "SELECT client_id, item, done_on, by_note, ticked_at
    FROM offboarding_ticks ORDER BY client_id, item";

fn tick(r: &Row<'_>) -> rusqlite::Result<OffboardingTick> {
    Ok(OffboardingTick {
        client_id: r.get(0)?,
        item: r.get(1)?,
        done_on: r.get(2)?,
        by_note: r.get(3)?,
        ticked_at: r.get(4)?,
    })
}
