//! Small helpers shared by the table modules.

use rusqlite::Row;
use rusqlite::types::{Type, ValueRef};

use crate::domain::FieldError;
use crate::domain::date::from_iso;
use crate::domain::score::facts::{Day, day};

/// Reads a text enum column, turning an unknown value into a conversion error.
pub(crate) fn enum_col<T>(
    row: &Row<'_>,
    idx: usize,
    parse: fn(&'static str, &str) -> Result<T, FieldError>,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    parse("column", &s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::new(std::io::Error::other(e.to_string())),
        )
    })
}

/// Reads an ISO date column as a day number, or None for NULL: the scoring load reads
/// hundreds of thousands of dates, and chrono's format-string parser was most of its time.
pub(crate) fn opt_day_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Day>> {
    let bad = |what: String| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            Box::new(std::io::Error::other(what)),
        )
    };
    match row.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(b) => {
            let s = std::str::from_utf8(b).map_err(|e| bad(e.to_string()))?;
            from_iso(s)
                .map(|d| Some(day(d)))
                .ok_or_else(|| bad(format!("'{s}' is not a YYYY-MM-DD date")))
        }
        other => Err(bad(format!("a date column holds {:?}", other.data_type()))),
    }
}

/// Reads a NOT NULL ISO date column as a day number.
pub(crate) fn day_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Day> {
    opt_day_col(row, idx)?.ok_or(rusqlite::Error::InvalidColumnType(
        idx,
        "date".into(),
        Type::Null,
    ))
}

/// The wall-clock timestamp written to created_at/updated_at (UTC, seconds).
pub(crate) fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Statuses are stored as their text.
impl rusqlite::ToSql for crate::domain::ClientStatus {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// Refuses to write evidence for a client that is not (or no longer) there.
pub(crate) fn ensure_client(
    tx: &rusqlite::Transaction<'_>,
    id: crate::domain::ClientId,
) -> super::Result<()> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1)",
        [id.0],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(super::StoreError::NotFound(crate::t!(
            "store.client_gone",
            id = id.0
        )))
    }
}
