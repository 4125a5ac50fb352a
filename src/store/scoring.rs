//! Reading the evidence that scorecards need: the per-day rollup (kept by triggers, see
//! migrations/0002), invoices, decided recommendations, incidents and staff votes, into the
//! domain's [`PortfolioFacts`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{ParamsFromIter, params_from_iter};

use super::sql::{day_col, enum_col, opt_day_col};
use super::{Result, Store};
use crate::domain::score::facts::{
    ClientFacts, Day, DayTally, DecisionFact, IncidentFact, InvoiceFact, PortfolioFacts, Tallies,
};
use crate::domain::{Cents, ClientId, ClientStatus, IncidentKind};

/// A client filter for the queries below: every client, or one.
#[derive(Clone, Copy)]
enum Which {
    All,
    One(ClientId),
}

impl Which {
    /// The condition on the client id column `col`, with `?1` bound by [`Which::params`].
    /// Two plain forms, not one `(?1 = -1 OR col = ?1)`: SQLite cannot answer that from an
    /// index, so one client's reload after a write would scan every table.
    fn on(self, col: &str) -> String {
        match self {
            Which::All => "true".into(),
            Which::One(_) => format!("{col} = ?1"),
        }
    }

    fn params(self) -> ParamsFromIter<Option<i64>> {
        params_from_iter(match self {
            Which::All => None,
            Which::One(c) => Some(c.0),
        })
    }
}

/// A client's facts while they are read: the facts, the day tallies, the first
/// recommendation's date.
type Building = (ClientFacts, Vec<(Day, DayTally)>, Option<Day>);

impl Store {
    /// Every client's scoring facts, and the years that had a staff gut check.
    pub fn portfolio_facts(&self) -> Result<PortfolioFacts> {
        let clients = self.facts(Which::All)?;
        Ok(PortfolioFacts {
            clients,
            gut_check_years: self.gut_check_years()?,
        })
    }

    /// One client's scoring facts: what to reload after a write that touched only it.
    pub fn client_facts(&self, id: ClientId) -> Result<Option<ClientFacts>> {
        Ok(self.facts(Which::One(id))?.into_iter().next())
    }

    fn facts(&self, which: Which) -> Result<Vec<ClientFacts>> {
        let conn = self.conn();
        let for_client = which.on("client_id");
        let mut order: Vec<ClientId> = Vec::new();
        let mut by_id: HashMap<i64, Building> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT id, name, status, seats, mrr_cents,
                    (SELECT min(made_on) FROM recommendations r WHERE r.client_id = c.id AND r.voided_at IS NULL)
             FROM clients c WHERE {} ORDER BY name COLLATE NOCASE",
            which.on("id")
        ))?;
        let mut rows = stmt.query(which.params())?;
        while let Some(r) = rows.next()? {
            let cid = ClientId(r.get(0)?);
            let name: String = r.get(1)?;
            let f = ClientFacts::new(
                cid,
                &name,
                enum_col(r, 2, ClientStatus::parse)?,
                r.get(3)?,
                Cents(r.get(4)?),
            );
            order.push(cid);
            by_id.insert(cid.0, (f, Vec::new(), opt_day_col(r, 5)?));
        }

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT client_id, day, tickets, reopened, admin, escalated, minutes
             FROM client_days WHERE {for_client}"
        ))?;
        let mut rows = stmt.query(which.params())?;
        while let Some(r) = rows.next()? {
            if let Some(entry) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                entry.1.push((
                    day_col(r, 1)?,
                    DayTally {
                        tickets: r.get(2)?,
                        reopened: r.get(3)?,
                        admin: r.get(4)?,
                        escalated: r.get(5)?,
                        minutes: r.get(6)?,
                    },
                ));
            }
        }

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT client_id, number, issued_on, due_on, paid_on, amount_cents, disputed
             FROM invoices WHERE voided_at IS NULL AND {for_client}"
        ))?;
        let mut rows = stmt.query(which.params())?;
        while let Some(r) = rows.next()? {
            if let Some(entry) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                entry.0.invoices.push(InvoiceFact {
                    number: r.get(1)?,
                    issued: day_col(r, 2)?,
                    due: day_col(r, 3)?,
                    paid: opt_day_col(r, 4)?,
                    amount_cents: r.get(5)?,
                    disputed: r.get(6)?,
                });
            }
        }

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT client_id, decided_on, status = 'ignored', security, title
             FROM recommendations WHERE status <> 'open' AND voided_at IS NULL AND {for_client}"
        ))?;
        let mut rows = stmt.query(which.params())?;
        while let Some(r) = rows.next()? {
            if let Some(entry) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                entry.0.decisions.push(DecisionFact {
                    decided: day_col(r, 1)?,
                    ignored: r.get(2)?,
                    security: r.get(3)?,
                    title: r.get(4)?,
                });
            }
        }

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT client_id, occurred_on, kind FROM incidents WHERE voided_at IS NULL AND {for_client}"
        ))?;
        let mut rows = stmt.query(which.params())?;
        while let Some(r) = rows.next()? {
            if let Some(entry) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                entry.0.incidents.push(IncidentFact {
                    day: day_col(r, 1)?,
                    kind: enum_col(r, 2, IncidentKind::parse)?,
                });
            }
        }

        let mut stmt = conn.prepare_cached(&format!(
            "SELECT client_id, year, count(*) FROM staff_votes WHERE {for_client}
             GROUP BY client_id, year"
        ))?;
        let mut rows = stmt.query(which.params())?;
        while let Some(r) = rows.next()? {
            if let Some(entry) = by_id.get_mut(&r.get::<_, i64>(0)?) {
                entry.0.votes.push((r.get(1)?, r.get(2)?));
            }
        }

        Ok(order
            .into_iter()
            .filter_map(|cid| by_id.remove(&cid.0))
            .map(|(mut f, tallies, first_rec)| {
                f.tallies = Tallies::new(tallies);
                f.finish(first_rec)
            })
            .collect())
    }

    /// The rollup as stored, for checking it against a recount of the events.
    pub fn client_days(&self) -> Result<Vec<(ClientId, NaiveDate, [u32; 5])>> {
        let mut stmt = self.conn().prepare(
            "SELECT client_id, day, tickets, reopened, admin, escalated, minutes
             FROM client_days ORDER BY client_id, day",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                ClientId(r.get(0)?),
                r.get(1)?,
                [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The same rollup recounted from the event tables (voided rows count nowhere), the
    /// slow way.
    pub fn client_days_recount(&self) -> Result<Vec<(ClientId, NaiveDate, [u32; 5])>> {
        let mut stmt = self.conn().prepare(
            "SELECT client_id, day, sum(t), sum(r), sum(a), sum(e), sum(m) FROM (
                SELECT client_id, opened_on AS day, 1 AS t, reopen_count > 0 AS r,
                       kind = 'admin' AS a, escalated AS e, 0 AS m FROM tickets
                WHERE voided_at IS NULL
                UNION ALL
                SELECT client_id, worked_on, 0, 0, 0, 0, minutes FROM time_entries
                WHERE voided_at IS NULL)
             GROUP BY client_id, day ORDER BY client_id, day",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                ClientId(r.get(0)?),
                r.get(1)?,
                [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
