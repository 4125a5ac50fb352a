//! The naive way, the baseline: for every client and every trend date, SQL aggregates over
//! the raw event tables (tickets, invoices, time entries, recommendations, incidents, staff
//! votes), the metrics built from them, and the same `score()`. No rollup, no facts in
//! memory. Statements are prepared once and cached, so what is compared is the method, not
//! SQL parsing.

use chrono::{Datelike, Days, NaiveDate};
use rapport::domain::score::card::trend_dates;
use rapport::domain::score::{Dealbreaker, Metrics, Rules, TREND_POINTS, score};
use rapport::domain::{ClientId, ClientStatus};
use rusqlite::{Connection, params};

/// What the naive path computes for one client: the as-of metrics, the 12 trend scores and
/// the raised dealbreakers.
#[derive(Debug, Clone, PartialEq)]
pub struct NaiveCard {
    pub client: ClientId,
    pub metrics: Metrics,
    pub trend: [Option<f64>; TREND_POINTS],
    pub flags: Vec<Dealbreaker>,
}

/// A client's own facts: id, seats, MRR in cents, status.
#[derive(Debug, Clone, Copy)]
pub struct Client {
    pub id: ClientId,
    pub seats: u32,
    pub mrr: i64,
    pub status: ClientStatus,
}

fn status(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<ClientStatus> {
    let s: String = r.get(idx)?;
    ClientStatus::parse("status", &s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::new(std::io::Error::other(e.to_string())),
        )
    })
}

/// Every client, in the order the store lists them (by name).
pub fn clients(conn: &Connection) -> rusqlite::Result<Vec<Client>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, seats, mrr_cents, status FROM clients ORDER BY name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Client {
            id: ClientId(r.get(0)?),
            seats: r.get(1)?,
            mrr: r.get(2)?,
            status: status(r, 3)?,
        })
    })?;
    rows.collect()
}

pub fn client(conn: &Connection, id: ClientId) -> rusqlite::Result<Client> {
    conn.prepare_cached("SELECT seats, mrr_cents, status FROM clients WHERE id = ?1")?
        .query_row([id.0], |r| {
            Ok(Client {
                id,
                seats: r.get(0)?,
                mrr: r.get(1)?,
                status: status(r, 2)?,
            })
        })
}

/// The whole portfolio the naive way.
pub fn portfolio(
    conn: &Connection,
    as_of: NaiveDate,
    rules: &Rules,
) -> rusqlite::Result<Vec<NaiveCard>> {
    clients(conn)?
        .into_iter()
        .map(|c| card(conn, c, as_of, rules))
        .collect()
}

/// One client's trend, as-of metrics and dealbreakers, the naive way.
pub fn card(
    conn: &Connection,
    c: Client,
    as_of: NaiveDate,
    rules: &Rules,
) -> rusqlite::Result<NaiveCard> {
    let mut trend = [None; TREND_POINTS];
    let mut metrics = Metrics::default();
    for (i, d) in trend_dates(as_of).into_iter().enumerate() {
        let m = measure(conn, c, d, rules)?;
        trend[i] = score(&m, c.status, rules).score;
        if i == TREND_POINTS - 1 {
            metrics = m;
        }
    }
    let flags = flags(conn, c, as_of, &metrics, rules)?;
    Ok(NaiveCard {
        client: c.id,
        metrics,
        trend,
        flags,
    })
}

fn back(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}

/// The metrics of one client on one day, each from its own aggregate query.
fn measure(
    conn: &Connection,
    c: Client,
    as_of: NaiveDate,
    rules: &Rules,
) -> rusqlite::Result<Metrics> {
    let window_days = rules.window_days;
    let from = back(as_of, window_days.max(1) - 1);
    let year_from = back(as_of, 364);
    let id = c.id.0;
    let mut m = Metrics {
        seats: c.seats.max(1),
        months: f64::from(window_days.max(1)) / 30.0,
        ..Metrics::default()
    };

    let (has_tickets, has_time, has_invoices): (bool, bool, bool) = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM tickets WHERE client_id = ?1 AND opened_on <= ?2),
                    EXISTS (SELECT 1 FROM time_entries WHERE client_id = ?1 AND worked_on <= ?2),
                    EXISTS (SELECT 1 FROM invoices WHERE client_id = ?1 AND issued_on <= ?2)",
        )?
        .query_row(params![id, as_of], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    m.has_tickets = has_tickets;
    m.has_time = has_time;
    m.has_invoices = has_invoices;
    // Scored only with something measured in the window itself.
    m.has_evidence = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM tickets WHERE client_id = ?1 AND opened_on BETWEEN ?2 AND ?3)
                 OR EXISTS (SELECT 1 FROM time_entries WHERE client_id = ?1 AND worked_on BETWEEN ?2 AND ?3)
                 OR EXISTS (SELECT 1 FROM invoices WHERE client_id = ?1 AND issued_on BETWEEN ?2 AND ?3)
                 OR EXISTS (SELECT 1 FROM recommendations
                            WHERE client_id = ?1 AND status <> 'open' AND decided_on BETWEEN ?2 AND ?3)
                 OR EXISTS (SELECT 1 FROM incidents WHERE client_id = ?1 AND occurred_on BETWEEN ?2 AND ?3)",
        )?
        .query_row(params![id, from, as_of], |r| r.get(0))?;

    let (tickets, reopened, admin, escalated): (u32, u32, u32, u32) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(reopen_count > 0), 0), coalesce(sum(kind = 'admin'), 0),
                    coalesce(sum(escalated), 0)
             FROM tickets WHERE client_id = ?1 AND opened_on BETWEEN ?2 AND ?3",
        )?
        .query_row(params![id, from, as_of], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    m.tickets_opened = tickets;
    m.tickets_reopened = reopened;
    m.admin_requests = admin;
    m.escalations = escalated;
    m.reopen_rate = (tickets > 0).then(|| f64::from(reopened) / f64::from(tickets));

    let minutes: u32 = conn
        .prepare_cached(
            "SELECT coalesce(sum(minutes), 0) FROM time_entries
             WHERE client_id = ?1 AND worked_on BETWEEN ?2 AND ?3",
        )?
        .query_row(params![id, from, as_of], |r| r.get(0))?;
    m.hours = f64::from(minutes) / 60.0;

    // Invoices issued in W; late and waiting as known on as_of.
    let (revenue, disputed, late, waited, counted): (i64, u32, u32, i64, i64) = conn
        .prepare_cached(
            "SELECT coalesce(sum(amount_cents), 0), coalesce(sum(disputed), 0),
                    coalesce(sum(CASE WHEN paid_on <= ?3 THEN paid_on > due_on ELSE due_on < ?3 END), 0),
                    coalesce(sum(CASE
                        WHEN paid_on <= ?3 THEN CAST(julianday(paid_on) - julianday(issued_on) AS INTEGER)
                        WHEN due_on < ?3 THEN CAST(julianday(?3) - julianday(issued_on) AS INTEGER)
                    END), 0),
                    count(CASE WHEN paid_on <= ?3 OR due_on < ?3 THEN 1 END)
             FROM invoices WHERE client_id = ?1 AND issued_on BETWEEN ?2 AND ?3",
        )?
        .query_row(params![id, from, as_of], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
    m.revenue_cents = revenue;
    m.disputed_invoices = disputed;
    m.late_payments = late;
    m.avg_days_to_pay = (counted > 0).then(|| waited as f64 / counted as f64);
    if !m.has_invoices {
        m.revenue_from_mrr = true;
        m.revenue_cents = c.mrr * i64::from(window_days) / 30;
    }
    if m.revenue_cents != 0 && m.has_time {
        let tooling = f64::from(c.seats)
            * rules.tooling_per_seat_cents as f64
            * (f64::from(window_days.max(1)) / 30.0);
        let cost = m.hours * rules.hourly_cost_cents as f64 + tooling;
        m.margin_pct = Some((m.revenue_cents as f64 - cost) / m.revenue_cents as f64 * 100.0);
    }
    if minutes > 0 {
        m.effective_rate_cents = Some((m.revenue_cents as f64 / m.hours).round() as i64);
    }

    // Recommendations decided and incidents in the 365 days ending on as_of.
    let (implemented, ignored): (u32, u32) = conn
        .prepare_cached(
            "SELECT coalesce(sum(status = 'implemented'), 0), coalesce(sum(status = 'ignored'), 0)
             FROM recommendations
             WHERE client_id = ?1 AND status <> 'open' AND decided_on BETWEEN ?2 AND ?3",
        )?
        .query_row(params![id, year_from, as_of], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    m.implemented_recommendations = implemented;
    m.ignored_recommendations = ignored;
    let decided = implemented + ignored;
    m.ignored_ratio = (decided > 0).then(|| f64::from(ignored) / f64::from(decided));

    let mut stmt = conn.prepare_cached(
        "SELECT kind, count(*) FROM incidents
         WHERE client_id = ?1 AND occurred_on BETWEEN ?2 AND ?3 GROUP BY kind",
    )?;
    let mut rows = stmt.query(params![id, year_from, as_of])?;
    while let Some(r) = rows.next()? {
        let n: u32 = r.get(1)?;
        match r.get_ref(0)?.as_str()? {
            "abuse" => m.incidents.abuse = n,
            "disrespect" => m.incidents.disrespect = n,
            "security" => m.incidents.security = n,
            "unreasonable_demand" => m.incidents.unreasonable_demand = n,
            _ => m.incidents.other += n,
        }
    }

    // Staff votes in the latest gut check up to as_of's year.
    let gut_check: Option<i32> = conn
        .prepare_cached("SELECT max(year) FROM staff_votes WHERE year <= ?1")?
        .query_row([as_of.year()], |r| r.get(0))?;
    m.staff_votes = match gut_check {
        Some(year) => Some(
            conn.prepare_cached(
                "SELECT count(*) FROM staff_votes WHERE client_id = ?1 AND year = ?2",
            )?
            .query_row(params![id, year], |r| r.get(0))?,
        ),
        None => None,
    };
    Ok(m)
}

/// The dealbreakers raised on as_of: incident and decision counts from the as-of metrics,
/// the payment rules from their own queries.
fn flags(
    conn: &Connection,
    c: Client,
    as_of: NaiveDate,
    m: &Metrics,
    rules: &Rules,
) -> rusqlite::Result<Vec<Dealbreaker>> {
    let r = &rules.dealbreakers;
    let hit = |n: u32, min: u32| min > 0 && n >= min;
    let mut flags = Vec::new();
    if hit(m.incidents.abuse, r.abuse_incidents) {
        flags.push(Dealbreaker::D1);
    }
    let decided = m.implemented_recommendations + m.ignored_recommendations;
    let ratio_hit = decided >= r.ignored_min_decided.max(1)
        && f64::from(m.ignored_recommendations) / f64::from(decided) >= r.ignored_ratio;
    if ratio_hit || hit(m.incidents.disrespect, r.disrespect_incidents) {
        flags.push(Dealbreaker::D2);
    }
    if hit(m.incidents.security, r.security_incidents) {
        flags.push(Dealbreaker::D3);
    }
    if hit(m.incidents.unreasonable_demand, r.unreasonable_demands) {
        flags.push(Dealbreaker::D4);
    }
    let late_from = back(as_of, r.late_payment_days.max(1) - 1);
    let overdue_before = back(as_of, r.overdue_days);
    let (late, overdue): (u32, bool) = conn
        .prepare_cached(
            "SELECT
               (SELECT count(*) FROM invoices
                WHERE client_id = ?1 AND issued_on <= ?2 AND due_on BETWEEN ?3 AND ?2
                  AND CASE WHEN paid_on <= ?2 THEN paid_on > due_on ELSE due_on < ?2 END),
               EXISTS (SELECT 1 FROM invoices
                WHERE client_id = ?1 AND issued_on <= ?2
                  AND (paid_on IS NULL OR paid_on > ?2) AND due_on < ?4)",
        )?
        .query_row(params![c.id.0, as_of, late_from, overdue_before], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let needed = if r.strict_payments {
        1
    } else {
        r.late_payments.max(1)
    };
    if late >= needed || overdue {
        flags.push(Dealbreaker::D5);
    }
    Ok(flags)
}
