//! What is coming up: contracts ending and the last days to give notice, "keep and watch"
//! reviews that are due, and exits in progress. Dates come first, soonest first.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::Outcome;
use super::decision::Decision;
use crate::domain::{Client, ClientId, ClientStatus};

/// How far ahead "coming up" looks, in days, unless asked otherwise.
pub const HORIZON_DAYS: u32 = 120;

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
    /// In English words (the faces say it in the language in force: `words::say::due`).
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
    /// A little more: the notice period, the contract end it is for, how late a review is.
    pub detail: Detail,
}

/// What more there is to say about something coming up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Detail {
    /// A contract end: its notice period, in days.
    Notice(u32),
    /// A contract end without a notice period on record.
    NoNotice,
    /// A last day to give notice: for the contract end of this day.
    ForEnd(NaiveDate),
    /// A review this many days overdue.
    Overdue(i64),
    /// A review due: keep and watch, look again.
    LookAgain,
    /// An exit: the outcome that ends it, and offboarding.
    Offboarding(Outcome),
}

impl Upcoming {
    /// Days from `as_of` to the day (negative when it has passed); None without a date.
    pub fn days_from(&self, as_of: NaiveDate) -> Option<i64> {
        self.on.map(|d| (d - as_of).num_days())
    }

    /// The day has passed and it is still to do (a review not held, an exit not done).
    pub fn overdue(&self, as_of: NaiveDate) -> bool {
        self.on.is_some_and(|d| d < as_of)
    }
}

/// The latest decision of a client, as much as what is coming up needs of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub client: ClientId,
    pub chosen: Outcome,
    pub review_on: Option<NaiveDate>,
    pub end_on: Option<NaiveDate>,
}

impl Latest {
    pub fn of(d: &Decision) -> Latest {
        Latest {
            client: d.client,
            chosen: d.chosen,
            review_on: d.review_on,
            end_on: d.exit.and_then(|e| e.end_on),
        }
    }

    /// Each client's latest decision in a log kept newest first (as the store reads it):
    /// the first of each client.
    pub fn of_log(log: &[Decision]) -> Vec<Latest> {
        let mut seen = std::collections::HashSet::new();
        log.iter()
            .filter(|d| seen.insert(d.client))
            .map(Latest::of)
            .collect()
    }
}

/// Everything due within `days` of `as_of` (and everything overdue that still matters),
/// soonest first.
pub fn upcoming<'a>(
    clients: impl IntoIterator<Item = &'a Client>,
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
        .into_iter()
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
                    Some(n) => Detail::Notice(n),
                    None => Detail::NoNotice,
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
                detail: Detail::ForEnd(end),
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
                            Detail::Overdue((as_of - on).num_days())
                        } else {
                            Detail::LookAgain
                        },
                    });
                }
            }
            o if o.ends() => out.push(Upcoming {
                on: d.end_on,
                due: Due::Exit,
                client: c.id,
                name: f.name.clone(),
                detail: Detail::Offboarding(o),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Cents;
    use crate::domain::decide::decision::Snapshot;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::parse_date("d", s).unwrap()
    }

    fn decision(id: i64, client: i64, on: &str, chosen: Outcome) -> Decision {
        Decision {
            id,
            client: ClientId(client),
            name: format!("client {client}"),
            decided_on: d(on),
            proposed: chosen,
            chosen,
            override_reason: None,
            reasons: Vec::new(),
            answers: Default::default(),
            snapshot: Snapshot {
                score: None,
                grade: None,
                flags: Vec::new(),
                revenue_share: 0.0,
                effective_rate: None,
                mrr: Cents::ZERO,
                data_answers: Default::default(),
            },
            notes: None,
            review_on: (chosen == Outcome::Watch).then(|| d("2026-07-01")),
            proposed_mrr: None,
            exit: None,
            conditions: Vec::new(),
        }
    }

    #[test]
    fn the_latest_of_a_log_is_each_clients_first_entry() {
        let log = [
            decision(4, 2, "2026-06-30", Outcome::Watch),
            decision(3, 1, "2026-06-01", Outcome::Reprice),
            decision(2, 2, "2025-06-01", Outcome::Keep),
            decision(1, 1, "2025-01-01", Outcome::EndNow),
        ];
        let latest = Latest::of_log(&log);
        let got: Vec<(i64, Outcome)> = latest.iter().map(|l| (l.client.0, l.chosen)).collect();
        assert_eq!(got, [(2, Outcome::Watch), (1, Outcome::Reprice)]);
        assert_eq!(latest[0].review_on, Some(d("2026-07-01")));
    }

    #[test]
    fn days_count_from_the_as_of_date_and_past_ones_are_overdue() {
        let item = |on: Option<&str>| Upcoming {
            on: on.map(d),
            due: Due::Review,
            client: ClientId(1),
            name: "x".into(),
            detail: Detail::LookAgain,
        };
        let today = d("2026-06-30");
        assert_eq!(item(Some("2026-07-03")).days_from(today), Some(3));
        assert_eq!(item(Some("2026-06-27")).days_from(today), Some(-3));
        assert!(item(Some("2026-06-27")).overdue(today));
        assert!(!item(Some("2026-06-30")).overdue(today));
        assert_eq!(item(None).days_from(today), None);
        assert!(!item(None).overdue(today));
    }
}
