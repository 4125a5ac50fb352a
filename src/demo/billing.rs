//! Invoices and payments: one invoice a month for the contract and one per project, each paid
//! the way the client pays; then one numbering across the whole portfolio.

use chrono::{Datelike, NaiveDate};

use super::Dated;
use super::calendar::{
    days_after, days_before, days_between, month_start, months_after, months_before,
};
use super::dice::Dice;
use super::profile::{Profile, Span};
use crate::domain::{Cents, ClientStatus, LogEntry, NewInvoice, PortfolioClient};

/// Prices go up this much (in percent) every January.
const YEARLY_INDEXATION_PCT: i64 = 4;
/// A client that slips pays late at most once in this many days.
const SLIP_GAP_DAYS: i64 = 200;

struct Bill {
    issued: NaiveDate,
    amount: Cents,
    disputed: bool,
    /// The month a contract invoice is for; `None` for a project.
    month: Option<NaiveDate>,
}

/// Every invoice of one client, with its payment date when it has been paid by `today`.
pub(super) fn invoices(p: &Profile, span: Span, window: Span, dice: &mut Dice) -> Vec<Dated> {
    let today = window.until;
    let mut bills = monthly(p, span, window, dice);
    for project in p.projects {
        let done = days_before(today, project.days_ago);
        if span.contains(done) {
            bills.push(Bill {
                issued: done,
                amount: Cents(project.euros * 100),
                disputed: project.disputed,
                month: None,
            });
        }
    }
    bills.sort_by_key(|b| b.issued);
    let left_unpaid = months_before(month_start(today), 2);
    let chronic_since = months_before(month_start(today), 12);
    let mut last_slip: Option<NaiveDate> = None;
    let mut out = Vec::new();
    for b in bills {
        let due = days_after(b.issued, p.terms_days);
        let (lo, hi) = p.pay.after_days;
        let paid = if p.pay.chronic && b.issued >= chronic_since {
            days_after(due, dice.between(20, 60))
        } else if b.disputed {
            due
        } else if p.pay.slips
            && dice.pct(10)
            && last_slip.is_none_or(|s| days_between(s, b.issued) > SLIP_GAP_DAYS)
        {
            last_slip = Some(b.issued);
            days_after(due, dice.between(2, 12))
        } else {
            days_after(b.issued, dice.between(lo, hi.min(p.terms_days)))
        };
        let paid_on = if p.pay.chronic && b.month == Some(left_unpaid) {
            None
        } else {
            Some(paid).filter(|d| *d <= today)
        };
        out.push((
            b.issued,
            LogEntry::Invoice(NewInvoice {
                number: None,
                issued_on: b.issued,
                due_on: due,
                paid_on,
                amount: b.amount,
                disputed: b.disputed,
                external_ref: None,
            }),
        ));
    }
    out
}

/// One invoice per contract month: on the 1st, or, for prepaid clients, one payment term
/// before it, so it is due when the month starts.
fn monthly(p: &Profile, span: Span, window: Span, dice: &mut Dice) -> Vec<Bill> {
    let mut bills = Vec::new();
    let last = if p.status == ClientStatus::Former {
        month_start(span.until)
    } else {
        months_after(month_start(span.until), 1)
    };
    let mut month = month_start(span.from);
    while month <= last {
        let issued = if p.prepaid {
            days_before(month, p.terms_days)
        } else {
            month
        };
        let repriced = p
            .repriced
            .filter(|r| month < months_before(month_start(window.until), r.months_ago));
        if window.from <= issued && issued <= span.until {
            let euros = if let Some(r) = repriced {
                r.old_mrr_euros
            } else if month.year() < span.until.year() {
                (p.mrr_euros * 100 + (100 + YEARLY_INDEXATION_PCT) / 2)
                    / (100 + YEARLY_INDEXATION_PCT)
            } else {
                p.mrr_euros
            };
            bills.push(Bill {
                issued,
                amount: Cents(euros * 100),
                disputed: dice.pct(p.pay.dispute_pct),
                month: Some(month),
            });
        }
        month = months_after(month, 1);
    }
    bills
}

/// Numbers every invoice of the portfolio in date order, `YYYY-NNNN`, starting again each
/// January; the first year goes on from about one invoice a day before the window opened.
pub(super) fn number_invoices(clients: &mut [PortfolioClient], window_from: NaiveDate) {
    let mut order: Vec<(NaiveDate, usize, usize)> = Vec::new();
    for (c, client) in clients.iter().enumerate() {
        for (e, entry) in client.entries.iter().enumerate() {
            if let LogEntry::Invoice(inv) = entry {
                order.push((inv.issued_on, c, e));
            }
        }
    }
    order.sort_unstable();
    let mut year = window_from.year();
    let mut n = window_from.ordinal();
    for (issued, c, e) in order {
        if issued.year() != year {
            year = issued.year();
            n = 0;
        }
        n += 1;
        if let Some(LogEntry::Invoice(inv)) =
            clients.get_mut(c).and_then(|cl| cl.entries.get_mut(e))
        {
            inv.number = Some(format!("{year}-{n:04}"));
        }
    }
}
