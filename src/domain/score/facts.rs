//! A client's evidence, indexed for scoring: days as numbers, tickets and time summed per
//! day with running totals, invoices and decisions sorted by date. Any window's count is two
//! binary searches and a subtraction, so a whole portfolio with a year of trend scores in
//! milliseconds. The store fills this from its per-day rollup; [`ClientFacts::from_events`]
//! builds the same thing from raw events (tests and the reference implementation).

use chrono::{Datelike, NaiveDate};

use crate::domain::{Cents, ClientId, ClientStatus, IncidentKind, LogEntry, RecStatus, TicketKind};

/// A date as a day number (days since 1 January of year 1), for cheap arithmetic.
pub type Day = i32;

pub fn day(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

pub fn date(d: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(d).unwrap_or(NaiveDate::MIN)
}

/// What happened on one day for one client: tickets opened (and of those, how many were
/// reopened, admin requests, escalated) and minutes worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayTally {
    pub tickets: u32,
    pub reopened: u32,
    pub admin: u32,
    pub escalated: u32,
    pub minutes: u32,
}

impl DayTally {
    fn add(&mut self, o: &DayTally) {
        self.tickets += o.tickets;
        self.reopened += o.reopened;
        self.admin += o.admin;
        self.escalated += o.escalated;
        self.minutes += o.minutes;
    }

    fn minus(&self, o: &DayTally) -> DayTally {
        DayTally {
            tickets: self.tickets - o.tickets,
            reopened: self.reopened - o.reopened,
            admin: self.admin - o.admin,
            escalated: self.escalated - o.escalated,
            minutes: self.minutes - o.minutes,
        }
    }
}

/// Day tallies in date order with running totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tallies {
    days: Vec<Day>,
    /// `totals[i]` is the sum of the first `i` days; one longer than `days`.
    totals: Vec<DayTally>,
    first_ticket: Option<Day>,
    first_time: Option<Day>,
}

impl Tallies {
    /// From (day, tally) pairs in any order; pairs on the same day are added up.
    pub fn new(mut pairs: Vec<(Day, DayTally)>) -> Self {
        pairs.sort_by_key(|(d, _)| *d);
        let mut days: Vec<Day> = Vec::with_capacity(pairs.len());
        let mut per_day: Vec<DayTally> = Vec::with_capacity(pairs.len());
        for (d, t) in pairs {
            match (days.last(), per_day.last_mut()) {
                (Some(&last), Some(acc)) if last == d => acc.add(&t),
                _ => {
                    days.push(d);
                    per_day.push(t);
                }
            }
        }
        let first_ticket = days
            .iter()
            .zip(&per_day)
            .find(|(_, t)| t.tickets > 0)
            .map(|(d, _)| *d);
        let first_time = days
            .iter()
            .zip(&per_day)
            .find(|(_, t)| t.minutes > 0)
            .map(|(d, _)| *d);
        let mut totals = Vec::with_capacity(per_day.len() + 1);
        let mut run = DayTally::default();
        totals.push(run);
        for t in &per_day {
            run.add(t);
            totals.push(run);
        }
        Self {
            days,
            totals,
            first_ticket,
            first_time,
        }
    }

    /// Adds one day's tally in place, keeping the running totals: what a new ticket or time
    /// entry does, without reading anything again.
    pub fn add(&mut self, day: Day, t: &DayTally) {
        let pos = self.days.partition_point(|&d| d < day);
        if self.days.get(pos) != Some(&day) {
            self.days.insert(pos, day);
            let before = self.totals[pos];
            self.totals.insert(pos + 1, before);
        }
        for total in &mut self.totals[pos + 1..] {
            total.add(t);
        }
        if t.tickets > 0 {
            self.first_ticket = Some(self.first_ticket.map_or(day, |f| f.min(day)));
        }
        if t.minutes > 0 {
            self.first_time = Some(self.first_time.map_or(day, |f| f.min(day)));
        }
    }

    /// The sum over the days `from..=to`.
    pub fn between(&self, from: Day, to: Day) -> DayTally {
        if to < from {
            return DayTally::default();
        }
        let lo = self.days.partition_point(|&d| d < from);
        let hi = self.days.partition_point(|&d| d <= to);
        self.totals[hi].minus(&self.totals[lo])
    }

    pub fn has_tickets_by(&self, d: Day) -> bool {
        self.first_ticket.is_some_and(|f| f <= d)
    }

    pub fn has_time_by(&self, d: Day) -> bool {
        self.first_time.is_some_and(|f| f <= d)
    }

    /// The per-day rows, for comparing with the store's rollup.
    pub fn rows(&self) -> Vec<(Day, DayTally)> {
        self.days
            .iter()
            .enumerate()
            .map(|(i, d)| (*d, self.totals[i + 1].minus(&self.totals[i])))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceFact {
    pub number: String,
    pub issued: Day,
    pub due: Day,
    pub paid: Option<Day>,
    pub amount_cents: i64,
    pub disputed: bool,
}

impl InvoiceFact {
    /// Unpaid as far as `as_of` knows: not paid, or paid only later.
    pub fn unpaid_at(&self, as_of: Day) -> bool {
        self.paid.is_none_or(|p| p > as_of)
    }

    /// Late as far as `as_of` knows: paid after its due date (by `as_of`), or still unpaid
    /// with the due date passed.
    pub fn late_at(&self, as_of: Day) -> bool {
        match self.paid {
            Some(p) if p <= as_of => p > self.due,
            _ => self.due < as_of,
        }
    }
}

/// A recommendation that was implemented or ignored, on the day it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFact {
    pub decided: Day,
    pub ignored: bool,
    pub security: bool,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFact {
    pub day: Day,
    pub kind: IncidentKind,
}

/// Everything scoring needs to know about one client.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientFacts {
    pub id: ClientId,
    pub name: String,
    pub status: ClientStatus,
    pub seats: u32,
    pub mrr: Cents,
    pub tallies: Tallies,
    /// By issue date.
    pub invoices: Vec<InvoiceFact>,
    /// The invoices' issue dates, in the same order: a window's invoices are found by
    /// searching these four bytes each, not the whole invoices. Set by [`ClientFacts::finish`].
    invoice_days: Vec<Day>,
    /// By decision date.
    pub decisions: Vec<DecisionFact>,
    /// By date.
    pub incidents: Vec<IncidentFact>,
    /// The first day anything at all was logged for the client.
    pub first_evidence: Option<Day>,
    /// (year, staff members who named this client) for each gut check that named it.
    pub votes: Vec<(i32, u32)>,
}

impl ClientFacts {
    /// A client with no evidence yet.
    pub fn new(id: ClientId, name: &str, status: ClientStatus, seats: u32, mrr: Cents) -> Self {
        Self {
            id,
            name: name.to_string(),
            status,
            seats,
            mrr,
            tallies: Tallies::default(),
            invoices: Vec::new(),
            invoice_days: Vec::new(),
            decisions: Vec::new(),
            incidents: Vec::new(),
            first_evidence: None,
            votes: Vec::new(),
        }
    }

    /// Sorts what was pushed and works out the first evidence date. Call after filling
    /// `invoices`, `decisions` and `incidents` (and setting `tallies`), with the first day a
    /// recommendation was made, if any (an open recommendation is evidence too).
    ///
    /// The order is total, so it does not depend on the order the rows were read in: the
    /// store reads the whole portfolio in table order and one client through an index, and
    /// same-day decisions listed differently would reorder a flag's evidence after a reload.
    pub fn finish(mut self, first_recommendation: Option<Day>) -> Self {
        self.invoices
            .sort_by(|a, b| a.issued.cmp(&b.issued).then(a.number.cmp(&b.number)));
        self.invoice_days = self.invoices.iter().map(|i| i.issued).collect();
        self.decisions.sort_by(|a, b| {
            (a.decided, &a.title, a.ignored, a.security)
                .cmp(&(b.decided, &b.title, b.ignored, b.security))
        });
        self.incidents.sort_by_key(|i| (i.day, i.kind));
        let firsts = [
            self.tallies.days.first().copied(),
            self.invoices.first().map(|i| i.issued),
            self.decisions.first().map(|d| d.decided),
            self.incidents.first().map(|i| i.day),
            first_recommendation,
        ];
        self.first_evidence = firsts.into_iter().flatten().min();
        self
    }

    /// Takes one newly logged entry into the facts in place, as the store's rollup takes it
    /// in. Returns false for the entries that change rows the facts do not identify (a
    /// reopen, an escalation, a payment, a decision, an invoice the store numbers): read the
    /// client's facts again for those.
    pub fn apply(&mut self, entry: &LogEntry) -> bool {
        let seen = |f: &mut Self, d: Day| {
            f.first_evidence = Some(f.first_evidence.map_or(d, |e| e.min(d)));
        };
        match entry {
            LogEntry::Ticket(t) => {
                let d = day(t.opened_on);
                self.tallies.add(
                    d,
                    &DayTally {
                        tickets: 1,
                        reopened: u32::from(t.reopen_count > 0),
                        admin: u32::from(t.kind == TicketKind::Admin),
                        escalated: u32::from(t.escalated),
                        minutes: 0,
                    },
                );
                seen(self, d);
            }
            LogEntry::Time(t) => {
                let d = day(t.worked_on);
                self.tallies.add(
                    d,
                    &DayTally {
                        minutes: t.minutes,
                        ..DayTally::default()
                    },
                );
                seen(self, d);
            }
            LogEntry::Invoice(inv) => {
                let Some(number) = &inv.number else {
                    return false;
                };
                let fact = InvoiceFact {
                    number: number.clone(),
                    issued: day(inv.issued_on),
                    due: day(inv.due_on),
                    paid: inv.paid_on.map(day),
                    amount_cents: inv.amount.0,
                    disputed: inv.disputed,
                };
                let pos = self
                    .invoices
                    .partition_point(|i| (i.issued, &i.number) < (fact.issued, &fact.number));
                self.invoice_days.insert(pos, fact.issued);
                seen(self, fact.issued);
                self.invoices.insert(pos, fact);
            }
            LogEntry::Recommendation(r) => {
                if let (Some(decided), true) = (r.decided_on, r.status != RecStatus::Open) {
                    let fact = DecisionFact {
                        decided: day(decided),
                        ignored: r.status == RecStatus::Ignored,
                        security: r.security,
                        title: r.title.clone(),
                    };
                    let key =
                        |d: &DecisionFact| (d.decided, d.title.clone(), d.ignored, d.security);
                    let pos = self.decisions.partition_point(|d| key(d) < key(&fact));
                    self.decisions.insert(pos, fact);
                }
                seen(self, day(r.made_on));
            }
            LogEntry::Incident(i) => {
                let fact = IncidentFact {
                    day: day(i.occurred_on),
                    kind: i.kind,
                };
                let pos = self
                    .incidents
                    .partition_point(|x| (x.day, x.kind) < (fact.day, fact.kind));
                seen(self, fact.day);
                self.incidents.insert(pos, fact);
            }
            LogEntry::Reopen { .. }
            | LogEntry::Escalate { .. }
            | LogEntry::Payment { .. }
            | LogEntry::Decide { .. } => return false,
        }
        true
    }

    /// Whether anything the score measures happened in `from..=to`: a ticket opened, time
    /// worked, an invoice issued, a recommendation decided or an incident. (A recommendation
    /// only made, still open, scores nothing, so it is not counted.)
    pub fn has_evidence_between(&self, from: Day, to: Day) -> bool {
        if to < from {
            return false;
        }
        let t = self.tallies.between(from, to);
        // Both lists are sorted by day: the first one on or after `from` decides.
        let decided = self.decisions.partition_point(|d| d.decided < from);
        let incident = self.incidents.partition_point(|i| i.day < from);
        t.tickets > 0
            || t.minutes > 0
            || !self.invoices_between(from, to).is_empty()
            || self.decisions.get(decided).is_some_and(|d| d.decided <= to)
            || self.incidents.get(incident).is_some_and(|i| i.day <= to)
    }

    /// The invoices issued in `from..=to`.
    pub fn invoices_between(&self, from: Day, to: Day) -> &[InvoiceFact] {
        let hi = self.invoice_days.partition_point(|&d| d <= to);
        let lo = self.invoice_days[..hi].partition_point(|&d| d < from);
        &self.invoices[lo..hi]
    }

    /// Builds the facts from raw events: the reference the store's rollup must agree with.
    pub fn from_events(base: ClientFacts, events: &RawEvents) -> Self {
        let mut pairs: Vec<(Day, DayTally)> = Vec::new();
        for t in &events.tickets {
            pairs.push((
                day(t.opened_on),
                DayTally {
                    tickets: 1,
                    reopened: u32::from(t.reopen_count > 0),
                    admin: u32::from(t.kind == TicketKind::Admin),
                    escalated: u32::from(t.escalated),
                    minutes: 0,
                },
            ));
        }
        for (d, m) in &events.time {
            pairs.push((
                day(*d),
                DayTally {
                    minutes: *m,
                    ..DayTally::default()
                },
            ));
        }
        let mut f = ClientFacts {
            tallies: Tallies::new(pairs),
            ..base
        };
        f.invoices = events
            .invoices
            .iter()
            .map(|i| InvoiceFact {
                number: i.number.clone(),
                issued: day(i.issued_on),
                due: day(i.due_on),
                paid: i.paid_on.map(day),
                amount_cents: i.amount.0,
                disputed: i.disputed,
            })
            .collect();
        f.decisions = events
            .recommendations
            .iter()
            .filter_map(|r| {
                let decided = r.decided_on?;
                (r.status != RecStatus::Open).then(|| DecisionFact {
                    decided: day(decided),
                    ignored: r.status == RecStatus::Ignored,
                    security: r.security,
                    title: r.title.clone(),
                })
            })
            .collect();
        f.incidents = events
            .incidents
            .iter()
            .map(|(d, k)| IncidentFact {
                day: day(*d),
                kind: *k,
            })
            .collect();
        let first_rec = events.recommendations.iter().map(|r| day(r.made_on)).min();
        f.finish(first_rec)
    }
}

/// A client's raw events, as the reference implementation reads them.
#[derive(Debug, Clone, Default)]
pub struct RawEvents {
    pub tickets: Vec<crate::domain::Ticket>,
    pub invoices: Vec<crate::domain::Invoice>,
    pub time: Vec<(NaiveDate, u32)>,
    pub recommendations: Vec<crate::domain::Recommendation>,
    pub incidents: Vec<(NaiveDate, IncidentKind)>,
}

/// The whole portfolio's facts, and which years had a staff gut check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortfolioFacts {
    pub clients: Vec<ClientFacts>,
    /// Years in which any staff member named any client, ascending.
    pub gut_check_years: Vec<i32>,
}

impl PortfolioFacts {
    /// The year of the latest gut check on or before `as_of`'s year.
    pub fn gut_check_year(&self, as_of: NaiveDate) -> Option<i32> {
        self.gut_check_years
            .iter()
            .copied()
            .filter(|y| *y <= as_of.year())
            .max()
    }

    pub fn client(&self, id: ClientId) -> Option<&ClientFacts> {
        self.clients.iter().find(|c| c.id == id)
    }

    /// Takes one logged entry into that client's facts in place; false when the facts must
    /// be read again instead (see [`ClientFacts::apply`]).
    pub fn apply(&mut self, id: ClientId, entry: &LogEntry) -> bool {
        self.clients
            .iter_mut()
            .find(|c| c.id == id)
            .is_some_and(|c| c.apply(entry))
    }

    /// Replaces (or adds) one client's facts, after a write that touched only that client.
    pub fn replace(&mut self, facts: ClientFacts) {
        match self.clients.iter_mut().find(|c| c.id == facts.id) {
            Some(slot) => *slot = facts,
            None => self.clients.push(facts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Day {
        day(crate::domain::date::parse_date("d", s).unwrap())
    }

    #[test]
    fn tallies_sum_any_window_including_both_ends() {
        let t = Tallies::new(vec![
            (
                d("2026-01-01"),
                DayTally {
                    tickets: 1,
                    ..Default::default()
                },
            ),
            (
                d("2026-01-05"),
                DayTally {
                    tickets: 2,
                    admin: 1,
                    ..Default::default()
                },
            ),
            (
                d("2026-01-05"),
                DayTally {
                    minutes: 30,
                    ..Default::default()
                },
            ),
            (
                d("2026-02-01"),
                DayTally {
                    tickets: 4,
                    ..Default::default()
                },
            ),
        ]);
        assert_eq!(t.between(d("2026-01-01"), d("2026-02-01")).tickets, 7);
        assert_eq!(t.between(d("2026-01-02"), d("2026-01-31")).tickets, 2);
        assert_eq!(t.between(d("2026-01-05"), d("2026-01-05")).minutes, 30);
        assert_eq!(
            t.between(d("2026-01-06"), d("2026-01-31")),
            DayTally::default()
        );
        assert_eq!(
            t.between(d("2026-02-02"), d("2026-01-01")),
            DayTally::default()
        );
        assert!(t.has_tickets_by(d("2026-01-01")) && !t.has_tickets_by(d("2025-12-31")));
        assert!(t.has_time_by(d("2026-01-05")) && !t.has_time_by(d("2026-01-04")));
        assert_eq!(t.rows().len(), 3);
    }

    #[test]
    fn same_day_decisions_and_incidents_end_up_in_one_order_whatever_order_they_came_in() {
        let decision = |title: &str, ignored| DecisionFact {
            decided: d("2026-03-01"),
            ignored,
            security: false,
            title: title.into(),
        };
        let incident = |kind| IncidentFact {
            day: d("2026-03-01"),
            kind,
        };
        let base = || {
            ClientFacts::new(
                crate::domain::ClientId(1),
                "Acme",
                crate::domain::ClientStatus::Active,
                1,
                crate::domain::Cents(0),
            )
        };
        let mut one = base();
        one.decisions = vec![
            decision("B", true),
            decision("A", false),
            decision("A", true),
        ];
        one.incidents = vec![
            incident(IncidentKind::Security),
            incident(IncidentKind::Abuse),
        ];
        let mut other = base();
        other.decisions = vec![
            decision("A", true),
            decision("B", true),
            decision("A", false),
        ];
        other.incidents = vec![
            incident(IncidentKind::Abuse),
            incident(IncidentKind::Security),
        ];
        assert_eq!(one.finish(None), other.finish(None));
    }

    #[test]
    fn lateness_is_judged_with_what_was_known_on_the_day() {
        let inv = InvoiceFact {
            number: "1".into(),
            issued: d("2026-01-01"),
            due: d("2026-01-31"),
            paid: Some(d("2026-03-01")),
            amount_cents: 100,
            disputed: false,
        };
        assert!(!inv.late_at(d("2026-01-31")), "due today is not late yet");
        assert!(inv.late_at(d("2026-02-01")) && inv.unpaid_at(d("2026-02-01")));
        assert!(inv.late_at(d("2026-03-01")) && !inv.unpaid_at(d("2026-03-01")));
    }
}
