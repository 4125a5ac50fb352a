//! Dealbreakers (guide D1-D5): shown apart from the score and never averaged away, each
//! with the evidence that raised it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::{ClientFacts, Day, IncidentFact, InvoiceFact, date};
use super::rules::DealbreakerRules;
use crate::domain::IncidentKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
}

/// One piece of evidence behind a raised dealbreaker: what happened and when, in values;
/// the faces put it in words (`words::say`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlagEvidence {
    /// An incident of the kind the dealbreaker looks at.
    Incident {
        on: NaiveDate,
        #[serde(with = "crate::domain::decide::said::incident_kind")]
        kind: IncidentKind,
    },
    /// D2: so many of the recommendations decided in a year were ignored.
    IgnoredShare { ignored: usize, decided: usize },
    /// D2: one recommendation ignored.
    Ignored {
        on: NaiveDate,
        title: String,
        security: bool,
    },
    /// D5: an invoice unpaid past the overdue limit.
    Overdue {
        due: NaiveDate,
        number: String,
        days: i32,
    },
    /// D5: an invoice paid late.
    PaidLate {
        paid: NaiveDate,
        number: String,
        days: i32,
    },
    /// D5: an invoice due and still unpaid.
    Unpaid { due: NaiveDate, number: String },
}

/// A raised dealbreaker and the dated evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub code: Dealbreaker,
    /// One piece per line, in date order.
    pub evidence: Vec<FlagEvidence>,
}

/// The dealbreakers raised for a client on `as_of`. Evidence is kept as values (dates,
/// numbers), only for the flags that are raised, and put in words only where it is shown.
pub fn dealbreakers(f: &ClientFacts, as_of: Day, r: &DealbreakerRules) -> Vec<Flag> {
    let year_from = as_of - 364;
    let incidents = |kind: IncidentKind| -> Vec<&IncidentFact> {
        f.incidents
            .iter()
            .filter(|i| i.kind == kind && i.day >= year_from && i.day <= as_of)
            .collect()
    };
    let incident_lines = |found: Vec<&IncidentFact>| -> Vec<FlagEvidence> {
        found
            .into_iter()
            .map(|i| FlagEvidence::Incident {
                on: date(i.day),
                kind: i.kind,
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
            evidence.push(FlagEvidence::IgnoredShare {
                ignored: ignored.len(),
                decided: decided.len(),
            });
            evidence.extend(ignored.iter().map(|d| FlagEvidence::Ignored {
                on: date(d.decided),
                title: d.title.clone(),
                security: d.security,
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
        let mut lines: Vec<(Day, FlagEvidence)> = overdue
            .iter()
            .map(|inv| {
                (
                    inv.due,
                    FlagEvidence::Overdue {
                        due: date(inv.due),
                        number: inv.number.clone(),
                        days: as_of - inv.due,
                    },
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
                            FlagEvidence::PaidLate {
                                paid: date(p),
                                number: inv.number.clone(),
                                days: p - inv.due,
                            },
                        ),
                        _ => (
                            inv.due,
                            FlagEvidence::Unpaid {
                                due: date(inv.due),
                                number: inv.number.clone(),
                            },
                        ),
                    }),
            );
        }
        // In date order, and on one day as the words would sort (the number first).
        lines.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| sort_key(&a.1).cmp(&sort_key(&b.1)))
        });
        flags.push(Flag {
            code: Dealbreaker::D5,
            evidence: lines.into_iter().map(|(_, l)| l).collect(),
        });
    }
    flags
}

/// What orders two invoice lines of one day: the English lines sorted as text, which after
/// the date is "invoice NUMBER", then how it was late.
fn sort_key(e: &FlagEvidence) -> (&str, u8) {
    match e {
        FlagEvidence::Overdue { number, .. } => (number, 0),
        FlagEvidence::Unpaid { number, .. } => (number, 0),
        FlagEvidence::PaidLate { number, .. } => (number, 1),
        _ => ("", 2),
    }
}
