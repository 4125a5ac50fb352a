//! Generated scripts and letters: each one kept with its client, the decision it put into
//! words, its kind, channel, language, day and text; listed per client, newest first, and
//! read back one at a time to reopen it.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::sql::{ensure_client, now_stamp};
use super::{Result, Store, StoreError};
use crate::domain::ClientId;
use crate::domain::lang::Lang;
use crate::domain::script::{Channel, Kind};

/// A script to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewScript {
    pub client: ClientId,
    /// The decision it puts into words; none when written from a reason alone, or from a
    /// walk not saved yet.
    pub decision: Option<i64>,
    pub kind: Kind,
    pub channel: Channel,
    pub lang: Lang,
    pub written_on: NaiveDate,
    pub text: String,
}

/// A script as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedScript {
    pub id: i64,
    pub client: ClientId,
    /// The client's name as the script was read.
    pub name: String,
    pub decision: Option<i64>,
    pub kind: Kind,
    pub channel: Channel,
    pub lang: Lang,
    pub written_on: NaiveDate,
    pub text: String,
    /// When it was kept (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub created_at: String,
}

const COLS: &str = "s.id, s.client_id, c.name, s.decision_id, s.kind, s.channel, s.language,
    s.written_on, s.text, s.created_at";

fn parsed<T>(r: &Row<'_>, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(std::io::Error::other(format!("unknown value '{text}'"))),
        )
    })
}

fn script_from_row(r: &Row<'_>) -> rusqlite::Result<SavedScript> {
    Ok(SavedScript {
        id: r.get(0)?,
        client: ClientId(r.get(1)?),
        name: r.get(2)?,
        decision: r.get(3)?,
        kind: parsed(r, 4, Kind::parse)?,
        channel: parsed(r, 5, Channel::parse)?,
        lang: parsed(r, 6, Lang::parse)?,
        written_on: r.get(7)?,
        text: r.get(8)?,
        created_at: r.get(9)?,
    })
}

impl Store {
    /// Keeps a generated script, in one transaction. Returns its id. A script for a client
    /// that is not there, or of a decision that is gone, is refused with nothing written.
    pub fn save_script(&mut self, s: &NewScript) -> Result<i64> {
        self.write(|tx| {
            ensure_client(tx, s.client)?;
            if let Some(id) = s.decision {
                let there: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM decisions WHERE id = ?1 AND client_id = ?2)",
                    params![id, s.client.0],
                    |r| r.get(0),
                )?;
                if !there {
                    return Err(StoreError::NotFound(format!(
                        "decision #{id} of this client does not exist"
                    )));
                }
            }
            tx.execute(
                "INSERT INTO scripts (client_id, decision_id, kind, channel, language,
                     written_on, text, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s.client.0,
                    s.decision,
                    s.kind.code(),
                    s.channel.code(),
                    s.lang.code(),
                    s.written_on,
                    s.text,
                    now_stamp()
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// A client's scripts, newest first.
    pub fn scripts(&self, client: ClientId) -> Result<Vec<SavedScript>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLS} FROM scripts s JOIN clients c ON c.id = s.client_id
             WHERE s.client_id = ?1 ORDER BY s.id DESC"
        ))?;
        let rows = stmt.query_map([client.0], script_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One script by its id.
    pub fn script(&self, id: i64) -> Result<SavedScript> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT {COLS} FROM scripts s JOIN clients c ON c.id = s.client_id
                     WHERE s.id = ?1"
                ),
                [id],
                script_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("script #{id} does not exist")))
    }
}
