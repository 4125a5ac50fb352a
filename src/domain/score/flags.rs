//! Dealbreakers (guide D1-D5): shown apart from the score and never averaged away, each
//! with the evidence that raised it.

use serde::Serialize;

use super::facts::{ClientFacts, Day, IncidentFact, InvoiceFact, date};
use super::rules::DealbreakerRules;
use crate::domain::IncidentKind;
use crate::domain::date::iso;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Dealbreaker {
    D1,
    D2,
    D3,
    D4,
    D5,
}

impl Dealbreaker {
    pub fn code(self) -> &'static str {
        match self {
            Dealbreaker::D1 => "D1",
            Dealbreaker::D2 => "D2",
            Dealbreaker::D3 => "D3",
            Dealbreaker::D4 => "D4",
            Dealbreaker::D5 => "D5",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Dealbreaker::D1 => "abusive or unprofessional treatment",
            Dealbreaker::D2 => "no respect for your expertise",
            Dealbreaker::D3 => "repeated security (near-)misses",
            Dealbreaker::D4 => "unreasonable demands",
            Dealbreaker::D5 => "recurring late payments",
        }
    }
}

/// A raised dealbreaker and the dated evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub code: Dealbreaker,
    /// One line per piece of evidence: "2026-05-02 abuse incident".
    pub evidence: Vec<String>,
}

/// The dealbreakers raised for a client on `as_of`. Evidence is put in words only for the
/// flags that are raised: most clients raise none, and formatting dates into text for every
/// late invoice of every client was a quarter of scoring a whole portfolio.
pub fn dealbreakers(f: &ClientFacts, as_of: Day, r: &DealbreakerRules) -> Vec<Flag> {
    let year_from = as_of - 364;
    let incidents = |kind: IncidentKind| -> Vec<&IncidentFact> {
        f.incidents
            .iter()
            .filter(|i| i.kind == kind && i.day >= year_from && i.day <= as_of)
            .collect()
    };
    let incident_lines = |found: Vec<&IncidentFact>| -> Vec<String> {
        found
            .into_iter()
            .map(|i| {
                format!(
                    "{} {} incident",
                    iso(date(i.day)),
                    i.kind.as_str().replace('_', " ")
                )
            })
            .collect()
    };
    let mut flags = Vec::new();
    let raise = |flags: &mut Vec<Flag>, code, kind, min: u32| {
        let found = incidents(kind);
        if min > 0 && found.len() >= min as usize {
            flags.push(Flag {
                code,
                evidence: incident_lines(found),
            });
        }
    };
    raise(
        &mut flags,
        Dealbreaker::D1,
        IncidentKind::Abuse,
        r.abuse_incidents,
    );

    // D2: advice ignored (by ratio over enough decisions), or disrespect.
    let decided: Vec<_> = f
        .decisions
        .iter()
        .filter(|d| d.decided >= year_from && d.decided <= as_of)
        .collect();
    let ignored: Vec<_> = decided.iter().filter(|d| d.ignored).collect();
    // A ratio of 0 turns the rule off (0 ignored of n would otherwise always "reach" it).
    let ratio_hit = r.ignored_ratio > 0.0
        && decided.len() as u32 >= r.ignored_min_decided.max(1)
        && ignored.len() as f64 / decided.len() as f64 >= r.ignored_ratio;
    let disrespect = incidents(IncidentKind::Disrespect);
    let disrespect_hit =
        r.disrespect_incidents > 0 && disrespect.len() >= r.disrespect_incidents as usize;
    if ratio_hit || disrespect_hit {
        let mut evidence = Vec::new();
        if ratio_hit {
            evidence.push(format!(
                "{} of {} decided recommendations ignored",
                ignored.len(),
                decided.len()
            ));
            evidence.extend(ignored.iter().map(|d| {
                let sec = if d.security { " (security)" } else { "" };
                format!("{} ignored: {}{sec}", iso(date(d.decided)), d.title)
            }));
        }
        if disrespect_hit {
            evidence.extend(incident_lines(disrespect));
        }
        flags.push(Flag {
            code: Dealbreaker::D2,
            evidence,
        });
    }

    raise(
        &mut flags,
        Dealbreaker::D3,
        IncidentKind::Security,
        r.security_incidents,
    );
    raise(
        &mut flags,
        Dealbreaker::D4,
        IncidentKind::UnreasonableDemand,
        r.unreasonable_demands,
    );

    // D5: late again and again, or badly overdue now.
    let late_from = as_of - (i32::try_from(r.late_payment_days.max(1)).unwrap_or(i32::MAX) - 1);
    let overdue_days = i32::try_from(r.overdue_days).unwrap_or(i32::MAX);
    let mut late: Vec<&InvoiceFact> = Vec::new();
    let mut overdue: Vec<&InvoiceFact> = Vec::new();
    for inv in &f.invoices {
        if inv.issued > as_of {
            continue;
        }
        if inv.due >= late_from && inv.due <= as_of && inv.late_at(as_of) {
            late.push(inv);
        }
        if inv.unpaid_at(as_of) && as_of - inv.due > overdue_days {
            overdue.push(inv);
        }
    }
    // 0 turns a part off: no late-payment count (unless strict), no overdue limit.
    let needed = if r.strict_payments {
        1
    } else {
        r.late_payments as usize
    };
    let late_hit = needed > 0 && late.len() >= needed;
    if r.overdue_days == 0 {
        overdue.clear();
    }
    if late_hit || !overdue.is_empty() {
        // One line per invoice, in date order: an overdue invoice is not listed as late too.
        let mut lines: Vec<(Day, String)> = overdue
            .iter()
            .map(|inv| {
                (
                    inv.due,
                    format!(
                        "{} invoice {} due, unpaid and {} days overdue",
                        iso(date(inv.due)),
                        inv.number,
                        as_of - inv.due
                    ),
                )
            })
            .collect();
        if late_hit {
            lines.extend(
                late.iter()
                    .filter(|inv| !overdue.iter().any(|o| o.number == inv.number))
                    .map(|inv| match inv.paid {
                        Some(p) if p <= as_of => (
                            p,
                            format!(
                                "{} invoice {} paid {} days late",
                                iso(date(p)),
                                inv.number,
                                p - inv.due
                            ),
                        ),
                        _ => (
                            inv.due,
                            format!(
                                "{} invoice {} due, still unpaid",
                                iso(date(inv.due)),
                                inv.number
                            ),
                        ),
                    }),
            );
        }
        lines.sort();
        flags.push(Flag {
            code: Dealbreaker::D5,
            evidence: lines.into_iter().map(|(_, l)| l).collect(),
        });
    }
    flags
}
