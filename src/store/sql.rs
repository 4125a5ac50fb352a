//! Small helpers shared by the table modules.

use rusqlite::Row;

use crate::domain::FieldError;

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
        Err(super::StoreError::NotFound(format!(
            "client #{} no longer exists",
            id.0
        )))
    }
}
