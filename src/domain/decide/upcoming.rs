//! What is coming up: contracts ending and the last days to give notice, "keep and watch"
//! reviews that are due, and exits in progress. Dates come first, soonest first.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::Outcome;
use crate::domain::{Client, ClientId, ClientStatus};

/// What comes up on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Due {
    /// The last day to give notice so the contract does not renew.
    NoticeBy,
    /// The contract ends.
    ContractEnds,
    /// A "keep and watch" decision said to look again.
    Review,
    /// A decision to end the relationship: the client leaves on this day (or the day is
    /// not known yet).
    Exit,
}

impl Due {
    pub fn label(self) -> &'static str {
        match self {
            Due::NoticeBy => "last day to give notice",
            Due::ContractEnds => "contract ends",
            Due::Review => "review due",
            Due::Exit => "exit in progress",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upcoming {
    /// None for an exit without a known end date.
    pub on: Option<NaiveDate>,
    pub due: Due,
    pub client: ClientId,
    pub name: String,
    /// A few words more: "ends 2026-09-30, notice 60 days".
    pub detail: String,
}

/// The latest decision of a client, as much as what is coming up needs of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub client: ClientId,
    pub chosen: Outcome,
    pub review_on: Option<NaiveDate>,
    pub end_on: Option<NaiveDate>,
}

/// Everything due within `days` of `as_of` (and everything overdue that still matters),
/// soonest first.
pub fn upcoming(
    clients: &[Client],
    latest: &[Latest],
    as_of: NaiveDate,
    days: u32,
) -> Vec<Upcoming> {
    let until = as_of
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(as_of);
    let within = |d: NaiveDate| d >= as_of && d <= until;
    let mut out = Vec::new();
    for c in clients
        .iter()
        .filter(|c| c.fields.status == ClientStatus::Active)
    {
        let f = &c.fields;
        if let Some(end) = f.contract_end.filter(|d| within(*d)) {
            out.push(Upcoming {
                on: Some(end),
                due: Due::ContractEnds,
                client: c.id,
                name: f.name.clone(),
                detail: match f.notice_days {
                    Some(n) => format!("notice {n} days"),
                    None => "no notice period on record: check the agreement".into(),
                },
            });
        }
        if let (Some(end), Some(n)) = (f.contract_end, f.notice_days)
            && let Some(by) = end.checked_sub_days(Days::new(u64::from(n)))
            && within(by)
        {
            out.push(Upcoming {
                on: Some(by),
                due: Due::NoticeBy,
                client: c.id,
                name: f.name.clone(),
                detail: format!("for the contract end of {end}"),
            });
        }
        let Some(d) = latest.iter().find(|d| d.client == c.id) else {
            continue;
        };
        match d.chosen {
            Outcome::Watch => {
                if let Some(on) = d.review_on.filter(|on| *on <= until) {
                    out.push(Upcoming {
                        on: Some(on),
                        due: Due::Review,
                        client: c.id,
                        name: f.name.clone(),
                        detail: if on < as_of {
                            format!("{} days overdue", (as_of - on).num_days())
                        } else {
                            "keep and watch: look again".into()
                        },
                    });
                }
            }
            o if o.ends() => out.push(Upcoming {
                on: d.end_on,
                due: Due::Exit,
                client: c.id,
                name: f.name.clone(),
                detail: format!("{}: offboarding", o.label()),
            }),
            _ => {}
        }
    }
    out.sort_by(|a, b| {
        (a.on.is_none(), a.on, a.due, &a.name).cmp(&(b.on.is_none(), b.on, b.due, &b.name))
    });
    out
}

/// How many things are due within a week (overdue included): the header's count.
pub fn due_this_week(items: &[Upcoming], as_of: NaiveDate) -> usize {
    let week = as_of.checked_add_days(Days::new(7)).unwrap_or(as_of);
    items
        .iter()
        .filter(|u| u.on.is_some_and(|d| d <= week))
        .count()
}
