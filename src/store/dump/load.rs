//! Loading a [`Dump`] into an empty database: checked first without the database (the
//! header, every reference between rows, the values rapport reads back that no CHECK
//! covers), then written in one transaction with the ids it carries, all or nothing. The
//! schema's STRICT types and CHECKs judge every other value; a row they refuse is named.
//! The rollup is made by the triggers as the rows go in, the identity keys as an upgrade
//! makes them.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{Transaction, params};
use serde::de::DeserializeOwned;

use super::{Dump, DumpError, Json, LoadSummary};
use crate::domain::decide::decision::Snapshot;
use crate::domain::decide::walk::Answers;
use crate::domain::decide::{Condition, Outcome, Reason};
use crate::domain::identity::key;
use crate::store::{Store, StoreError};

/// Marks an identity key that clashed with an older row's, as the upgrade to schema 4 marks
/// it (see `store/identity.rs`): the older row keeps the plain key.
const CLASH: char = '\u{1}';

impl Store {
    /// Loads `dump` into this database, which must hold no clients yet. One transaction:
    /// when any row is refused, nothing is written.
    pub fn load_dump(&mut self, dump: &Dump) -> Result<LoadSummary, DumpError> {
        dump.check()?;
        let path = self.path().to_path_buf();
        let mut refused: Option<DumpError> = None;
        let written = self.write(|tx| match load_in(tx, dump, &path) {
            Ok(summary) => Ok(summary),
            Err(DumpError::Store(e)) => Err(e),
            Err(e) => {
                refused = Some(e);
                // Only rolls the transaction back: the reason is kept in `refused`.
                Err(StoreError::NotFound(String::new()))
            }
        });
        match (written, refused) {
            (Ok(summary), _) => Ok(summary),
            (Err(_), Some(e)) => Err(e),
            (Err(e), None) => Err(DumpError::Store(e)),
        }
    }
}

impl Dump {
    /// Checks what can be checked without a database: the header, that every row points at
    /// rows the dump holds, and the values rapport must read back that the schema does not
    /// check (outcomes, a decision's answers and evidence, a draft, expectations).
    pub fn check(&self) -> Result<(), DumpError> {
        self.check_header()?;
        let clients: HashSet<i64> = self.clients.iter().map(|c| c.id).collect();
        let decisions: HashSet<i64> = self.decisions.iter().map(|d| d.id).collect();
        let checklists: HashSet<i64> = self.offboarding.iter().map(|o| o.client_id).collect();
        let points = |set: &HashSet<i64>, table, row: i64, column, value: i64| {
            if set.contains(&value) {
                Ok(())
            } else {
                Err(DumpError::UnknownRef {
                    table,
                    row: row.to_string(),
                    column,
                    value,
                })
            }
        };
        for c in &self.clients {
            if let Some(e) = &c.expectations {
                read_json::<Vec<String>>("clients", c.id, "expectations", e)?;
            }
        }
        for r in &self.tickets {
            points(&clients, "tickets", r.id, "client_id", r.client_id)?;
        }
        for r in &self.invoices {
            points(&clients, "invoices", r.id, "client_id", r.client_id)?;
        }
        for r in &self.time_entries {
            points(&clients, "time_entries", r.id, "client_id", r.client_id)?;
        }
        for r in &self.recommendations {
            points(&clients, "recommendations", r.id, "client_id", r.client_id)?;
        }
        for r in &self.incidents {
            points(&clients, "incidents", r.id, "client_id", r.client_id)?;
        }
        for r in &self.staff_votes {
            points(&clients, "staff_votes", r.id, "client_id", r.client_id)?;
        }
        for d in &self.decisions {
            points(&clients, "decisions", d.id, "client_id", d.client_id)?;
            for (column, value) in [("proposed", &d.proposed), ("chosen", &d.chosen)] {
                Outcome::parse("outcome", value).map_err(|e| DumpError::BadValue {
                    table: "decisions",
                    row: d.id.to_string(),
                    column,
                    why: e.message,
                })?;
            }
            read_json::<Vec<Reason>>("decisions", d.id, "reasons", &d.reasons)?;
            read_json::<Answers>("decisions", d.id, "answers", &d.answers)?;
            read_json::<Snapshot>("decisions", d.id, "snapshot", &d.snapshot)?;
            read_json::<Vec<Condition>>("decisions", d.id, "conditions", &d.conditions)?;
        }
        for d in &self.decision_drafts {
            points(
                &clients,
                "decision_drafts",
                d.client_id,
                "client_id",
                d.client_id,
            )?;
            read_json::<Answers>("decision_drafts", d.client_id, "answers", &d.answers)?;
        }
        for s in &self.scripts {
            points(&clients, "scripts", s.id, "client_id", s.client_id)?;
            if let Some(d) = s.decision_id {
                points(&decisions, "scripts", s.id, "decision_id", d)?;
            }
        }
        for o in &self.offboarding {
            points(
                &clients,
                "offboarding",
                o.client_id,
                "client_id",
                o.client_id,
            )?;
            if let Some(d) = o.decision_id {
                points(&decisions, "offboarding", o.client_id, "decision_id", d)?;
            }
        }
        for t in &self.offboarding_ticks {
            if !checklists.contains(&t.client_id) {
                return Err(DumpError::UnknownRef {
                    table: "offboarding_ticks",
                    row: tick_row(t.client_id, &t.item),
                    column: "client_id",
                    value: t.client_id,
                });
            }
        }
        Ok(())
    }
}

fn read_json<T: DeserializeOwned>(
    table: &'static str,
    row: i64,
    column: &'static str,
    value: &Json,
) -> Result<(), DumpError> {
    serde_json::from_str::<T>(value.text())
        .map(drop)
        .map_err(|e| DumpError::BadValue {
            table,
            row: row.to_string(),
            column,
            why: e.to_string(),
        })
}

fn tick_row(client: i64, item: &str) -> String {
    format!("{client}/{item}")
}

/// A row SQLite refused: by a rule of the schema (named), or for another reason.
fn refused(table: &'static str, row: impl ToString) -> impl FnOnce(rusqlite::Error) -> DumpError {
    move |e| match &e {
        rusqlite::Error::SqliteFailure(f, Some(message))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DumpError::Refused {
                table,
                row: row.to_string(),
                rule: rule(message),
            }
        }
        _ => DumpError::Store(e.into()),
    }
}

/// The rule in SQLite's "CHECK constraint failed: minutes > 0": "check: minutes > 0".
fn rule(message: &str) -> String {
    match message.split_once(" constraint failed") {
        Some((kind, rest)) => {
            let detail = rest.trim_start_matches(':').trim();
            if detail.is_empty() {
                kind.to_lowercase()
            } else {
                format!("{}: {detail}", kind.to_lowercase())
            }
        }
        None => message.to_string(),
    }
}

/// Each row's identity key, oldest row (lowest id) first: a key another row of the same
/// scope already has is marked as a clash, as the upgrade that made the keys marks it.
fn identity_keys<'a>(rows: impl Iterator<Item = (i64, i64, &'a str)>) -> HashMap<i64, String> {
    let mut rows: Vec<_> = rows.collect();
    rows.sort_by_key(|r| r.0);
    let mut taken: HashSet<(i64, String)> = HashSet::with_capacity(rows.len());
    rows.into_iter()
        .map(|(id, scope, text)| {
            let k = key(text);
            let k = if taken.insert((scope, k.clone())) {
                k
            } else {
                format!("{k}{CLASH}{id}")
            };
            (id, k)
        })
        .collect()
}

fn sql(e: rusqlite::Error) -> DumpError {
    DumpError::Store(e.into())
}

fn load_in(tx: &Transaction<'_>, dump: &Dump, path: &Path) -> Result<LoadSummary, DumpError> {
    let clients: i64 = tx
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .map_err(sql)?;
    if clients > 0 {
        return Err(DumpError::NotEmpty {
            path: path.to_path_buf(),
            clients,
        });
    }
    settings(tx, dump, path)?;
    clients_in(tx, dump)?;
    evidence_in(tx, dump)?;
    decisions_in(tx, dump)?;
    Ok(dump.summary())
}

/// The dump's settings replace any the database had, and must read back.
fn settings(tx: &Transaction<'_>, dump: &Dump, path: &Path) -> Result<(), DumpError> {
    tx.execute("DELETE FROM settings", []).map_err(sql)?;
    let mut stmt = tx
        .prepare("INSERT INTO settings (key, value) VALUES (?1, ?2)")
        .map_err(sql)?;
    for (k, v) in &dump.settings {
        stmt.execute(params![k, v])
            .map_err(refused("settings", k))?;
    }
    match crate::store::settings::defaults_in(tx, path) {
        Ok(_) => Ok(()),
        Err(StoreError::Corrupt { detail, .. }) => Err(DumpError::BadSettings { why: detail }),
        Err(e) => Err(e.into()),
    }
}

fn clients_in(tx: &Transaction<'_>, dump: &Dump) -> Result<(), DumpError> {
    let keys = identity_keys(dump.clients.iter().map(|c| (c.id, 0, c.name.as_str())));
    let mut stmt = tx
        .prepare(
            "INSERT INTO clients (id, name, contact_name, email, phone, mrr_cents, seats,
                 contract_start, contract_end, notice_days, prepaid, payment_terms_days, segment,
                 status, notes, expectations, created_at, updated_at, name_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19)",
        )
        .map_err(sql)?;
    for c in &dump.clients {
        stmt.execute(params![
            c.id,
            c.name,
            c.contact_name,
            c.email,
            c.phone,
            c.mrr_cents,
            c.seats,
            c.contract_start,
            c.contract_end,
            c.notice_days,
            c.prepaid,
            c.payment_terms_days,
            c.segment,
            c.status,
            c.notes,
            c.expectations.as_ref().map(Json::text),
            c.created_at,
            c.updated_at,
            keys.get(&c.id),
        ])
        .map_err(refused("clients", c.id))?;
    }
    Ok(())
}

fn evidence_in(tx: &Transaction<'_>, dump: &Dump) -> Result<(), DumpError> {
    let refs = identity_keys(
        dump.tickets
            .iter()
            .filter_map(|t| Some((t.id, t.client_id, t.external_ref.as_deref()?))),
    );
    let mut stmt = tx
        .prepare(
            "INSERT INTO tickets (id, client_id, opened_on, closed_on, kind, escalated,
                 reopen_count, subject, external_ref, voided_at, void_reason, ref_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )
        .map_err(sql)?;
    for t in &dump.tickets {
        stmt.execute(params![
            t.id,
            t.client_id,
            t.opened_on,
            t.closed_on,
            t.kind,
            t.escalated,
            t.reopen_count,
            t.subject,
            t.external_ref,
            t.voided_at,
            t.void_reason,
            refs.get(&t.id),
        ])
        .map_err(refused("tickets", t.id))?;
    }

    let numbers = identity_keys(
        dump.invoices
            .iter()
            .map(|i| (i.id, i.client_id, i.number.as_str())),
    );
    let mut stmt = tx
        .prepare(
            "INSERT INTO invoices (id, client_id, number, issued_on, due_on, paid_on,
                 amount_cents, disputed, external_ref, voided_at, void_reason, number_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )
        .map_err(sql)?;
    for i in &dump.invoices {
        stmt.execute(params![
            i.id,
            i.client_id,
            i.number,
            i.issued_on,
            i.due_on,
            i.paid_on,
            i.amount_cents,
            i.disputed,
            i.external_ref,
            i.voided_at,
            i.void_reason,
            numbers.get(&i.id),
        ])
        .map_err(refused("invoices", i.id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO time_entries (id, client_id, worked_on, minutes, note, external_ref,
                 voided_at, void_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sql)?;
    for t in &dump.time_entries {
        stmt.execute(params![
            t.id,
            t.client_id,
            t.worked_on,
            t.minutes,
            t.note,
            t.external_ref,
            t.voided_at,
            t.void_reason,
        ])
        .map_err(refused("time_entries", t.id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO recommendations (id, client_id, made_on, title, security, status,
                 decided_on, external_ref, voided_at, void_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )
        .map_err(sql)?;
    for r in &dump.recommendations {
        stmt.execute(params![
            r.id,
            r.client_id,
            r.made_on,
            r.title,
            r.security,
            r.status,
            r.decided_on,
            r.external_ref,
            r.voided_at,
            r.void_reason,
        ])
        .map_err(refused("recommendations", r.id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO incidents (id, client_id, occurred_on, kind, note, external_ref,
                 voided_at, void_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sql)?;
    for i in &dump.incidents {
        stmt.execute(params![
            i.id,
            i.client_id,
            i.occurred_on,
            i.kind,
            i.note,
            i.external_ref,
            i.voided_at,
            i.void_reason,
        ])
        .map_err(refused("incidents", i.id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO staff_votes (id, year, staff, client_id, rank)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(sql)?;
    for v in &dump.staff_votes {
        stmt.execute(params![v.id, v.year, v.staff, v.client_id, v.rank])
            .map_err(refused("staff_votes", v.id))?;
    }
    Ok(())
}

/// Decisions, drafts, scripts and checklists, in the order their references need.
fn decisions_in(tx: &Transaction<'_>, dump: &Dump) -> Result<(), DumpError> {
    let mut stmt = tx
        .prepare(
            "INSERT INTO decisions (id, client_id, decided_on, proposed, chosen, override_reason,
                 reasons, answers, snapshot, notes, review_on, proposed_mrr_cents, end_on,
                 notice_by, prepaid_refund_cents, conditions, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )
        .map_err(sql)?;
    for d in &dump.decisions {
        stmt.execute(params![
            d.id,
            d.client_id,
            d.decided_on,
            d.proposed,
            d.chosen,
            d.override_reason,
            d.reasons.text(),
            d.answers.text(),
            d.snapshot.text(),
            d.notes,
            d.review_on,
            d.proposed_mrr_cents,
            d.end_on,
            d.notice_by,
            d.prepaid_refund_cents,
            d.conditions.text(),
            d.created_at,
        ])
        .map_err(refused("decisions", d.id))?;
    }

    let mut stmt = tx
        .prepare("INSERT INTO decision_drafts (client_id, answers, saved_at) VALUES (?1, ?2, ?3)")
        .map_err(sql)?;
    for d in &dump.decision_drafts {
        stmt.execute(params![d.client_id, d.answers.text(), d.saved_at])
            .map_err(refused("decision_drafts", d.client_id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO scripts (id, client_id, decision_id, kind, channel, language,
                 written_on, text, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(sql)?;
    for s in &dump.scripts {
        stmt.execute(params![
            s.id,
            s.client_id,
            s.decision_id,
            s.kind,
            s.channel,
            s.language,
            s.written_on,
            s.text,
            s.created_at,
        ])
        .map_err(refused("scripts", s.id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO offboarding (client_id, decision_id, started_on, created_at)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(sql)?;
    for o in &dump.offboarding {
        stmt.execute(params![
            o.client_id,
            o.decision_id,
            o.started_on,
            o.created_at
        ])
        .map_err(refused("offboarding", o.client_id))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO offboarding_ticks (client_id, item, done_on, by_note, ticked_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(sql)?;
    for t in &dump.offboarding_ticks {
        stmt.execute(params![
            t.client_id,
            t.item,
            t.done_on,
            t.by_note,
            t.ticked_at
        ])
        .map_err(refused("offboarding_ticks", tick_row(t.client_id, &t.item)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_rules_read_as_the_rule() {
        assert_eq!(
            rule("CHECK constraint failed: minutes > 0"),
            "check: minutes > 0"
        );
        assert_eq!(
            rule("UNIQUE constraint failed: tickets.id"),
            "unique: tickets.id"
        );
        assert_eq!(rule("FOREIGN KEY constraint failed"), "foreign key");
    }

    #[test]
    fn a_key_taken_by_an_older_row_is_marked_as_a_clash() {
        let keys = identity_keys([(7, 0, "ACME"), (3, 0, "acme"), (5, 1, "Acme")].into_iter());
        assert_eq!(keys[&3], "acme");
        assert_eq!(keys[&5], "acme", "another scope");
        assert_eq!(keys[&7], format!("acme{CLASH}7"));
    }
}
