//! Decisions: kept whole (answers, reasons and the evidence snapshot as JSON), read back
//! newest first; a walk's draft per client; a prospect taken on becomes an active client
//! with the expectations it accepted.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::sql::now_stamp;
use super::{Result, Store, StoreError};
use crate::domain::decide::Outcome;
use crate::domain::decide::decision::{Decision, ExitPlanKept};
use crate::domain::decide::walk::Answers;
use crate::domain::record::EventRecord;
use crate::domain::{Cents, ClientId, ClientStatus, ValidationError};

const COLS: &str =
    "d.id, d.client_id, c.name, d.decided_on, d.proposed, d.chosen, d.override_reason,
    d.reasons, d.answers, d.snapshot, d.notes, d.review_on, d.proposed_mrr_cents, d.end_on,
    d.notice_by, d.prepaid_refund_cents, d.conditions";

fn json_col<T: serde::de::DeserializeOwned>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn outcome_col(r: &Row<'_>, i: usize) -> rusqlite::Result<Outcome> {
    super::sql::enum_col(r, i, Outcome::parse)
}

fn decision_from_row(r: &Row<'_>) -> rusqlite::Result<Decision> {
    let chosen = outcome_col(r, 5)?;
    let end_on: Option<NaiveDate> = r.get(13)?;
    let notice_by: Option<NaiveDate> = r.get(14)?;
    Ok(Decision {
        id: r.get(0)?,
        client: ClientId(r.get(1)?),
        name: r.get(2)?,
        decided_on: r.get(3)?,
        proposed: outcome_col(r, 4)?,
        chosen,
        override_reason: r.get(6)?,
        reasons: json_col(r, 7)?,
        answers: json_col(r, 8)?,
        snapshot: json_col(r, 9)?,
        notes: r.get(10)?,
        review_on: r.get(11)?,
        proposed_mrr: r.get::<_, Option<i64>>(12)?.map(Cents),
        exit: chosen.ends().then_some(ExitPlanKept {
            end_on,
            notice_by,
            prepaid_refund: Cents(r.get(15)?),
        }),
        conditions: json_col(r, 16)?,
    })
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| StoreError::NotFound(crate::t!("store.decisions.cannot_keep", why = e)))
}

impl Store {
    /// Keeps a decision, drops the client's draft, and takes a prospect on when the
    /// decision says so. Returns its id.
    pub fn save_decision(&mut self, d: &Decision) -> Result<i64> {
        self.save_decision_at(d, None)
    }

    /// [`Store::save_decision`], made on the client as it stood at revision `rev` (when the
    /// walk opened): if anything of the client or its evidence changed since, in another
    /// window or a script, nothing is written and the conflict says so.
    pub fn save_decision_at(&mut self, d: &Decision, rev: Option<i64>) -> Result<i64> {
        self.write(|tx| {
            if let Some(rev) = rev
                && revision_in(tx, d.client)?.is_some_and(|now| now != rev)
            {
                return Err(StoreError::Conflict {
                    what: format!("'{}'", d.name),
                    changes: crate::t!("store.decisions.walk_changed").into(),
                });
            }
            insert_decision(tx, d)
        })
    }

    /// Keeps several decisions in one write (the demo's history): all or none.
    pub fn save_decisions(&mut self, ds: &[Decision]) -> Result<()> {
        self.write(|tx| {
            for d in ds {
                insert_decision(tx, d)?;
            }
            Ok(())
        })
    }

    /// Takes a decision back, if it is still as `saved`: deletes it, and for a prospect
    /// it took on, makes the client a prospect again with the expectations it had before
    /// (`expectations_before`), if the client is still active with the ones the decision
    /// kept. Refused, with nothing written, when either moved meanwhile.
    pub fn undo_decision(
        &mut self,
        saved: &Decision,
        expectations_before: &[String],
    ) -> Result<()> {
        let before = if expectations_before.is_empty() {
            None
        } else {
            Some(to_json(&expectations_before)?)
        };
        let kept = accepted(&saved.answers, &saved.conditions)?;
        self.write(|tx| {
            let what = || crate::t!("store.decisions.what", name = saved.name);
            let now = tx
                .query_row(
                    &format!("SELECT {COLS} FROM decisions d JOIN clients c ON c.id = d.client_id WHERE d.id = ?1"),
                    [saved.id],
                    decision_from_row,
                )
                .optional()?;
            let Some(now) = now else {
                return Err(StoreError::Conflict {
                    what: what(),
                    changes: crate::t!("store.decisions.gone").into(),
                });
            };
            if (Decision { name: saved.name.clone(), ..now }) != *saved {
                return Err(StoreError::Conflict {
                    what: what(),
                    changes: crate::t!("store.decisions.not_as_saved").into(),
                });
            }
            if matches!(saved.chosen, Outcome::TakeOn | Outcome::TakeOnWithConditions) {
                let (status, expectations): (String, Option<String>) = tx.query_row(
                    "SELECT status, expectations FROM clients WHERE id = ?1",
                    [saved.client.0],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                if status != ClientStatus::Active.as_str() || expectations.as_deref() != Some(kept.as_str()) {
                    return Err(StoreError::Conflict {
                        what: format!("'{}'", saved.name),
                        changes: crate::t!("store.decisions.taken_on_changed").into(),
                    });
                }
                tx.execute(
                    "UPDATE clients SET status = 'prospect', expectations = ?2, updated_at = ?3 WHERE id = ?1",
                    params![saved.client.0, before, now_stamp()],
                )?;
            }
            super::offboard::forget_started_by(tx, saved.id)?;
            tx.execute("DELETE FROM decisions WHERE id = ?1", [saved.id])?;
            Ok(())
        })
    }

    /// Decisions, newest first: one client's, or everyone's.
    pub fn decisions(&self, client: Option<ClientId>) -> Result<Vec<Decision>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLS} FROM decisions d JOIN clients c ON c.id = d.client_id
             WHERE ?1 IS NULL OR d.client_id = ?1
             ORDER BY d.decided_on DESC, d.id DESC"
        ))?;
        let rows = stmt.query_map([client.map(|c| c.0)], decision_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One decision by its id.
    pub fn decision(&self, id: i64) -> Result<Decision> {
        self.conn()
            .query_row(
                &format!("SELECT {COLS} FROM decisions d JOIN clients c ON c.id = d.client_id WHERE d.id = ?1"),
                [id],
                decision_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(crate::t!("store.decisions.missing", id = id)))
    }

    /// Each client's latest decision.
    pub fn latest_decisions(&self) -> Result<Vec<Decision>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLS} FROM decisions d JOIN clients c ON c.id = d.client_id
             WHERE d.id = (SELECT d2.id FROM decisions d2 WHERE d2.client_id = d.client_id
                           ORDER BY d2.decided_on DESC, d2.id DESC LIMIT 1)
             ORDER BY d.decided_on DESC, d.id DESC"
        ))?;
        let rows = stmt.query_map([], decision_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a walk left half-way, to pick up later (one per client).
    pub fn save_draft(&mut self, client: ClientId, answers: &Answers) -> Result<()> {
        let json = to_json(answers)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO decision_drafts (client_id, answers, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (client_id) DO UPDATE SET answers = excluded.answers, saved_at = excluded.saved_at",
                params![client.0, json, now_stamp()],
            )?;
            Ok(())
        })
    }

    /// A client's draft, if one was kept.
    pub fn draft(&self, client: ClientId) -> Result<Option<Answers>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT answers FROM decision_drafts WHERE client_id = ?1",
                [client.0],
                |r| json_col(r, 0),
            )
            .optional()?)
    }

    /// Drops a client's draft.
    pub fn drop_draft(&mut self, client: ClientId) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM decision_drafts WHERE client_id = ?1",
                [client.0],
            )?;
            Ok(())
        })
    }

    /// The expectations a client accepted when it was taken on.
    pub fn expectations(&self, client: ClientId) -> Result<Vec<String>> {
        let text: Option<String> = self.conn().query_row(
            "SELECT expectations FROM clients WHERE id = ?1",
            [client.0],
            |r| r.get(0),
        )?;
        Ok(text
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default())
    }

    /// A client's events that count (not voided), whole: what a decision's evidence is
    /// gathered from.
    pub fn records(&self, client: ClientId) -> Result<Vec<EventRecord>> {
        let events = self.events(client, None)?;
        let mut ids: Vec<_> = events
            .iter()
            .filter(|e| e.voided.is_none())
            .map(|e| e.id)
            .collect();
        ids.sort();
        ids.dedup();
        ids.into_iter()
            .map(|id| self.event(id).map(|e| e.record))
            .collect()
    }
}

/// A client's revision; None when it no longer exists (the insert then says so).
fn revision_in(tx: &rusqlite::Connection, id: ClientId) -> Result<Option<i64>> {
    Ok(tx
        .query_row("SELECT rev FROM clients WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .optional()?)
}

/// What a prospect accepted (of the four expectations), for its client record.
fn accepted(answers: &Answers, conditions: &[crate::domain::decide::Condition]) -> Result<String> {
    use crate::domain::decide::walk::Q;
    let names = [
        (Q::AcceptsAgreement, "the managed service agreement"),
        (Q::AcceptsStack, "the standard stack"),
        (Q::AcceptsPrepayment, "prepayment"),
        (Q::AcceptsProactive, "a proactive approach"),
    ];
    let list: Vec<String> = names
        .into_iter()
        .filter(|(q, _)| answers.given.get(q) == Some(&true))
        .map(|(_, n)| n.to_string())
        .chain(conditions.iter().map(|c| {
            // Kept with the client in English, as the rest of its expectations.
            let c = crate::words::say::condition_in(crate::words::Lang::En, c);
            format!("on condition: {c}")
        }))
        .collect();
    to_json(&list)
}

/// Keeps a decision inside a write, drops the client's draft, and takes a prospect on when
/// the decision says so. Returns its id.
fn insert_decision(tx: &Transaction<'_>, d: &Decision) -> Result<i64> {
    let reasons = to_json(&d.reasons)?;
    let answers = to_json(&d.answers)?;
    let snapshot = to_json(&d.snapshot)?;
    let conditions = to_json(&d.conditions)?;
    let status: Option<String> = tx
        .query_row(
            "SELECT status FROM clients WHERE id = ?1",
            [d.client.0],
            |r| r.get(0),
        )
        .optional()?;
    let Some(status) = status else {
        return Err(StoreError::NotFound(crate::t!(
            "store.client_gone",
            id = d.client.0
        )));
    };
    let prospect = status == ClientStatus::Prospect.as_str();
    if d.chosen.for_prospect() != prospect {
        return Err(ValidationError::one(
            "outcome",
            if d.chosen.for_prospect() {
                crate::t!(
                    "store.decisions.for_prospect",
                    outcome = d.chosen.key(),
                    name = d.name
                )
            } else {
                crate::t!(
                    "store.decisions.for_client",
                    outcome = d.chosen.key(),
                    name = d.name
                )
            },
        )
        .into());
    }
    let exit = d.exit.unwrap_or(ExitPlanKept {
        end_on: None,
        notice_by: None,
        prepaid_refund: Cents::ZERO,
    });
    tx.execute(
        "INSERT INTO decisions (client_id, decided_on, proposed, chosen, override_reason,
               reasons, answers, snapshot, notes, review_on, proposed_mrr_cents, end_on,
               notice_by, prepaid_refund_cents, conditions, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            d.client.0,
            d.decided_on,
            d.proposed.key(),
            d.chosen.key(),
            d.override_reason,
            reasons,
            answers,
            snapshot,
            d.notes,
            d.review_on,
            d.proposed_mrr.map(|c| c.0),
            exit.end_on,
            exit.notice_by,
            exit.prepaid_refund.0,
            conditions,
            now_stamp(),
        ],
    )?;
    let id = tx.last_insert_rowid();
    super::offboard::start_if_ending(tx, d, id)?;
    tx.execute(
        "DELETE FROM decision_drafts WHERE client_id = ?1",
        [d.client.0],
    )?;
    if matches!(d.chosen, Outcome::TakeOn | Outcome::TakeOnWithConditions) {
        tx.execute(
                "UPDATE clients SET status = 'active', expectations = ?2, updated_at = ?3 WHERE id = ?1",
                params![d.client.0, accepted(&d.answers, &d.conditions)?, now_stamp()],
            )?;
    }
    Ok(id)
}
