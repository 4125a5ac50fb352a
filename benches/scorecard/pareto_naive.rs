//! The Pareto measures the naive way: SQL aggregates over the raw event tables, one query
//! per kind of evidence for the whole window, then the same ranking.

use chrono::{Datelike, Days, NaiveDate};
use rapport::domain::ClientId;
use rapport::domain::pareto::{ClientMeasures, ParetoRules};
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// Every active client's measures over the window ending on `as_of`.
pub fn measures(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &ParetoRules,
) -> rusqlite::Result<Vec<ClientMeasures>> {
    let from = as_of - Days::new(u64::from(rules.window_days.max(1)) - 1);
    let mut out: Vec<ClientMeasures> = Vec::new();
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut mrr: HashMap<i64, i64> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, mrr_cents FROM clients WHERE status = 'active' ORDER BY name COLLATE NOCASE",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        at.insert(id, out.len());
        mrr.insert(id, r.get(2)?);
        out.push(ClientMeasures {
            client: ClientId(id),
            name: r.get(1)?,
            revenue_cents: 0,
            revenue_from_mrr: false,
            minutes: 0,
            tickets: 0,
            stress: 0.0,
        });
    }
    let w = &rules.stress;
    let each = |sql: &str,
                args: &[&dyn rusqlite::ToSql],
                f: &mut dyn FnMut(&mut ClientMeasures, &rusqlite::Row) -> rusqlite::Result<()>,
                out: &mut Vec<ClientMeasures>|
     -> rusqlite::Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(args)?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = at.get(&r.get::<_, i64>(0)?) {
                f(&mut out[i], r)?;
            }
        }
        Ok(())
    };
    each(
        "SELECT client_id, sum(amount_cents) FROM invoices WHERE issued_on BETWEEN ?1 AND ?2 GROUP BY client_id",
        &[&from, &as_of],
        &mut |m, r| {
            m.revenue_cents = r.get(1)?;
            Ok(())
        },
        &mut out,
    )?;
    // No invoice at all by as_of: MRR x 12 x window / 365.
    each(
        "SELECT id FROM clients c WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = c.id AND i.issued_on <= ?1)",
        &[&as_of],
        &mut |m, _| {
            m.revenue_from_mrr = true;
            let cents = mrr.get(&m.client.0).copied().unwrap_or(0);
            m.revenue_cents = (cents as i128 * 12 * i128::from(rules.window_days) / 365) as i64;
            Ok(())
        },
        &mut out,
    )?;
    each(
        "SELECT client_id, sum(minutes) FROM time_entries WHERE worked_on BETWEEN ?1 AND ?2 GROUP BY client_id",
        &[&from, &as_of],
        &mut |m, r| {
            m.minutes = r.get::<_, i64>(1)?.max(0) as u64;
            Ok(())
        },
        &mut out,
    )?;
    each(
        "SELECT client_id, count(*), sum(reopen_count > 0), sum(escalated) FROM tickets
         WHERE opened_on BETWEEN ?1 AND ?2 GROUP BY client_id",
        &[&from, &as_of],
        &mut |m, r| {
            m.tickets = r.get(1)?;
            let reopened: f64 = r.get::<_, i64>(2)? as f64;
            let escalated: f64 = r.get::<_, i64>(3)? as f64;
            m.stress +=
                f64::from(m.tickets) * w.ticket + reopened * w.reopened + escalated * w.escalation;
            Ok(())
        },
        &mut out,
    )?;
    each(
        "SELECT client_id, count(*) FROM incidents WHERE occurred_on BETWEEN ?1 AND ?2 GROUP BY client_id",
        &[&from, &as_of],
        &mut |m, r| {
            m.stress += r.get::<_, i64>(1)? as f64 * w.incident;
            Ok(())
        },
        &mut out,
    )?;
    let year: Option<i32> = conn
        .prepare_cached("SELECT max(year) FROM staff_votes WHERE year <= ?1")?
        .query_row(params![as_of.year()], |r| r.get(0))?;
    if let Some(y) = year {
        each(
            "SELECT client_id, count(*) FROM staff_votes WHERE year = ?1 GROUP BY client_id",
            &[&y],
            &mut |m, r| {
                m.stress += r.get::<_, i64>(1)? as f64 * w.staff_vote;
                Ok(())
            },
            &mut out,
        )?;
    }
    Ok(out)
}
