//! The settings table: defaults a database carries for itself (the demo's labour cost and
//! company name), read under the user's config, never over it.

use std::path::Path;

use rusqlite::{Connection, Transaction, params};

use super::{Result, Store, StoreError};
use crate::domain::decide::case::IdealClient;
use crate::domain::{Cents, Defaults};

const SOURCE: &str = "source";
const LABOUR_COST: &str = "hourly_labour_cost_cents";
const COMPANY: &str = "company_name";
/// The ideal client profile, as JSON: {"segments": [...], "min_seats": N, "min_mrr_cents": N,
/// "standard_stack": "..."}.
const IDEAL: &str = "ideal_client";

impl Store {
    /// The database's own defaults, or None when it carries none.
    pub fn defaults(&self) -> Result<Option<Defaults>> {
        defaults_in(self.conn(), self.path())
    }
}

pub(super) fn defaults_in(conn: &Connection, path: &Path) -> Result<Option<Defaults>> {
    let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut d = Defaults::default();
    for (key, value) in rows {
        match key.as_str() {
            SOURCE => d.source = value,
            LABOUR_COST => {
                let cents = value
                    .parse::<i64>()
                    .ok()
                    .filter(|c| *c > 0)
                    .ok_or_else(|| StoreError::Corrupt {
                        path: path.to_path_buf(),
                        detail: crate::t!(
                            "store.settings.labour_cost",
                            key = LABOUR_COST,
                            value = value
                        ),
                    })?;
                d.hourly_labour_cost = Some(Cents(cents));
            }
            COMPANY => d.company_name = Some(value),
            IDEAL => {
                let ideal =
                    serde_json::from_str::<IdealJson>(&value).map_err(|e| StoreError::Corrupt {
                        path: path.to_path_buf(),
                        detail: crate::t!("store.settings.ideal", key = IDEAL, why = e),
                    })?;
                d.ideal_client = Some(ideal.into());
            }
            // A key a newer rapport wrote: not ours to judge.
            _ => {}
        }
    }
    Ok((!d.is_empty()).then_some(d))
}

/// Writes `d` as the database's defaults, replacing any it had, inside a write.
pub(super) fn set_defaults_in(tx: &Transaction<'_>, d: &Defaults) -> Result<()> {
    tx.execute("DELETE FROM settings", [])?;
    let put = |key: &str, value: String| -> Result<()> {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
        Ok(())
    };
    put(SOURCE, d.source.clone())?;
    if let Some(cost) = d.hourly_labour_cost {
        put(LABOUR_COST, cost.0.to_string())?;
    }
    if let Some(name) = &d.company_name {
        put(COMPANY, name.clone())?;
    }
    if let Some(ideal) = &d.ideal_client {
        let json = serde_json::to_string(&IdealJson::from(ideal)).map_err(|e| {
            StoreError::NotFound(crate::t!("store.settings.cannot_keep_ideal", why = e))
        })?;
        put(IDEAL, json)?;
    }
    Ok(())
}

/// The ideal client profile as the settings table keeps it.
#[derive(serde::Serialize, serde::Deserialize)]
struct IdealJson {
    segments: Vec<String>,
    min_seats: u32,
    min_mrr_cents: i64,
    standard_stack: String,
}

impl From<&IdealClient> for IdealJson {
    fn from(p: &IdealClient) -> Self {
        Self {
            segments: p.segments.clone(),
            min_seats: p.min_seats,
            min_mrr_cents: p.min_mrr.0,
            standard_stack: p.standard_stack.clone(),
        }
    }
}

impl From<IdealJson> for IdealClient {
    fn from(j: IdealJson) -> Self {
        Self {
            segments: j.segments,
            min_seats: j.min_seats,
            min_mrr: Cents(j.min_mrr_cents),
            standard_stack: j.standard_stack,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_written_whole_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        assert_eq!(store.defaults().unwrap(), None);
        let demo = Defaults {
            source: "demo".into(),
            hourly_labour_cost: Some(Cents(6_500)),
            company_name: Some("Demo IT".into()),
            ideal_client: Some(IdealClient {
                segments: vec!["dental".into(), "legal".into()],
                min_seats: 8,
                min_mrr: Cents(80_000),
                standard_stack: "Microsoft 365, managed backup".into(),
            }),
        };
        store.write(|tx| set_defaults_in(tx, &demo)).unwrap();
        assert_eq!(store.defaults().unwrap(), Some(demo));
        let cost_only = Defaults {
            source: "demo".into(),
            hourly_labour_cost: Some(Cents(5_000)),
            company_name: None,
            ideal_client: None,
        };
        store.write(|tx| set_defaults_in(tx, &cost_only)).unwrap();
        assert_eq!(store.defaults().unwrap(), Some(cost_only));
    }
}
