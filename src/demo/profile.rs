//! How one demo client behaves: its contract facts and habits (how much work it makes, how it
//! pays, what it does with advice), plus the scripted moments of its story.

use chrono::NaiveDate;

use crate::domain::{ClientStatus, IncidentKind};

/// One client of the demo portfolio, as data. Money in whole euros; moments in days before today.
#[derive(Debug, Clone, Copy)]
pub(super) struct Profile {
    pub name: &'static str,
    pub contact: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub segment: &'static str,
    pub seats: u32,
    pub mrr_euros: i64,
    pub terms_days: u32,
    pub prepaid: bool,
    pub status: ClientStatus,
    /// Months between the contract's start (the 1st of a month) and today's month.
    pub since_months: u32,
    /// Former clients: months between the contract's end (a month's last day) and today's month.
    pub ended_months: Option<u32>,
    /// Contract term in years, renewed automatically; `None`: month to month.
    pub term_years: Option<u32>,
    pub notice_days: Option<u32>,
    pub notes: &'static str,
    pub work: Work,
    pub pay: Pay,
    pub advice: Advice,
    pub incidents: &'static [Moment],
    pub projects: &'static [Project],
    /// Repriced (guide H1): the price the client paid before the new one began.
    pub repriced: Option<Repriced>,
}

/// A price raised: until `months_ago` months before today's month the client paid
/// `old_mrr_euros` a month.
#[derive(Debug, Clone, Copy)]
pub(super) struct Repriced {
    pub months_ago: u32,
    pub old_mrr_euros: i64,
}

/// How much work a client makes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Work {
    /// Tickets per seat per month, in thousandths (120 = 0.12).
    pub tickets_per_seat_milli: u32,
    /// The rate at the start and at the end of the 18 months, in percent (100 = steady).
    pub trend_pct: (u32, u32),
    /// Weights of incident, request and admin tickets.
    pub kinds: [u32; 3],
    pub reopen_pct: u32,
    pub escalate_pct: u32,
    /// Minutes per ticket, in percent of the usual.
    pub effort_pct: u32,
    /// Tickets (and angry texts) arrive at weekends too.
    pub weekends: bool,
    /// Contract work (patching, backups, monitoring), minutes per seat per month.
    pub upkeep_min_per_seat: u32,
}

/// How a client pays.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pay {
    /// Pays this many days after the invoice date: between `.0` and `.1`, within terms.
    pub after_days: (u32, u32),
    /// Pays a few days late now and then, but never twice within 200 days.
    pub slips: bool,
    /// Percent of invoices disputed (settled, and paid on the due date).
    pub dispute_pct: u32,
    /// Paid within terms a year ago, 20-60 days late since, and one invoice left unpaid (D5).
    pub chronic: bool,
}

/// What a client does with recommendations.
#[derive(Debug, Clone, Copy)]
pub(super) enum Advice {
    /// `count` recommendations spread over the months; `ignored` of them (at most one) ignored,
    /// the rest implemented, except a recent one may still be open.
    Usual { count: u32, ignored: u32 },
    /// The character's own story.
    Scripted(&'static [Rec]),
}

/// A scripted recommendation.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rec {
    pub days_ago: u32,
    pub title: &'static str,
    pub security: bool,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Implemented this many days after it was made.
    Implemented(u32),
    /// Ignored this many days after it was made.
    Ignored(u32),
    Open,
}

/// A scripted incident.
#[derive(Debug, Clone, Copy)]
pub(super) struct Moment {
    pub days_ago: u32,
    pub kind: IncidentKind,
    pub note: &'static str,
}

/// A one-off project: worked on over the weeks before, invoiced when done.
#[derive(Debug, Clone, Copy)]
pub(super) struct Project {
    pub days_ago: u32,
    pub title: &'static str,
    pub euros: i64,
    pub hours: u32,
    pub disputed: bool,
}

/// The part of the 18 months in which a client was a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl Span {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.until
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let until = self.until;
        self.from.iter_days().take_while(move |d| *d <= until)
    }
}

/// A healthy, well-run client: few tickets, pays within terms, takes advice.
pub(super) const STEADY: Work = Work {
    tickets_per_seat_milli: 100,
    trend_pct: (100, 100),
    kinds: [55, 32, 13],
    reopen_pct: 4,
    escalate_pct: 1,
    effort_pct: 100,
    weekends: false,
    upkeep_min_per_seat: 27,
};

pub(super) const PAYS_IN_TERMS: Pay = Pay {
    after_days: (6, 26),
    slips: false,
    dispute_pct: 0,
    chronic: false,
};

/// Prepaid on 14-day terms: paid before the month starts.
pub(super) const PREPAYS: Pay = Pay {
    after_days: (1, 11),
    slips: false,
    dispute_pct: 0,
    chronic: false,
};

pub(super) const NO_WORK: Work = Work {
    tickets_per_seat_milli: 0,
    upkeep_min_per_seat: 0,
    ..STEADY
};

/// The defaults every client starts from: a steady client on a yearly contract.
pub(super) const BASE: Profile = Profile {
    name: "",
    contact: "",
    email: "",
    phone: "",
    segment: "",
    seats: 1,
    mrr_euros: 0,
    terms_days: 30,
    prepaid: false,
    status: ClientStatus::Active,
    since_months: 36,
    ended_months: None,
    term_years: Some(1),
    notice_days: Some(30),
    notes: "",
    work: STEADY,
    pay: PAYS_IN_TERMS,
    advice: Advice::Usual {
        count: 3,
        ignored: 0,
    },
    incidents: &[],
    projects: &[],
    repriced: None,
};

/// A project, not disputed.
pub(super) const fn project(days_ago: u32, title: &'static str, euros: i64, hours: u32) -> Project {
    Project {
        days_ago,
        title,
        euros,
        hours,
        disputed: false,
    }
}

pub(super) const fn rec(
    days_ago: u32,
    title: &'static str,
    security: bool,
    outcome: Outcome,
) -> Rec {
    Rec {
        days_ago,
        title,
        security,
        outcome,
    }
}

pub(super) const fn moment(days_ago: u32, kind: IncidentKind, note: &'static str) -> Moment {
    Moment {
        days_ago,
        kind,
        note,
    }
}
