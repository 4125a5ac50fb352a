//! The demo portfolio: thirty clients and eighteen months of evidence that tell the guide's
//! story (GUIDE.md). A few large clients carry most of the revenue; a few small ones make
//! most of the tickets; one is abusive, one pays late, one ignores security advice, one is
//! demanding but good. Deterministic: a fixed seed, and every date counted back from `today`.
//!
//! [`portfolio`] builds the values and touches nothing; [`populate`] writes them, in one
//! transaction, with the demo company's own labour cost and name ([`defaults`]) for the
//! database to carry.

mod advice;
mod billing;
mod calendar;
pub mod characters;
pub mod decisions;
mod dice;
mod gut_check;
mod profile;
mod supporting;
mod texts;
mod work;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::domain::date::iso;
use crate::domain::decide::case::IdealClient;
use crate::domain::{
    Cents, ClientFields, ClientStatus, Defaults, LogEntry, Portfolio, PortfolioClient,
    ValidationError,
};
use crate::store::{Result, Store};
use calendar::{days_before, month_end, month_start, months_after, months_before};
use dice::{Aspect, Dice};
use profile::{Profile, Span};

/// The seed of every random choice: "RAPTDEMO".
pub const SEED: u64 = 0x5241_5054_4445_4D4F;
/// How many months of evidence the demo holds, counted back from today.
pub const MONTHS: u32 = 18;

/// What an hour of the demo company's work costs: its margins and effective rates are
/// judged against this when the user's config sets no labour cost of its own.
pub const LABOUR_COST: Cents = Cents(6_500);
/// The demo company's name, used when the user's config names none.
pub const COMPANY: &str = "Demo IT";

/// The defaults a demo database carries (see [`crate::domain::Defaults`]).
pub fn defaults() -> Defaults {
    Defaults {
        source: "demo".into(),
        hourly_labour_cost: Some(LABOUR_COST),
        company_name: Some(COMPANY.into()),
        ideal_client: Some(ideal_client()),
    }
}

/// The demo company's ideal client (guide R3, P1): the professional practices its best
/// clients are, with a size that pays for a managed service, on its standard stack.
pub fn ideal_client() -> IdealClient {
    IdealClient {
        segments: [
            "accounting",
            "legal",
            "dental",
            "healthcare",
            "architecture",
            "logistics",
            "veterinary",
        ]
        .map(String::from)
        .to_vec(),
        min_seats: 8,
        min_mrr: Cents(80_000),
        standard_stack:
            "Microsoft 365 Business Premium, managed endpoint protection, daily cloud backup".into(),
    }
}

/// The first today the demo can be built on: it holds last year's gut check, and no date
/// is before 1970.
pub const FIRST_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(1971, 1, 1) {
    Some(d) => d,
    None => panic!("1971-01-01 is a date"),
};
/// The last today the demo can be built on: its running contracts renew up to three years
/// after today, and no date is after 9999-12-31.
pub const LAST_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(9996, 12, 31) {
    Some(d) => d,
    None => panic!("9996-12-31 is a date"),
};

/// Refuses a today the demo's dates would not fit around (see [`FIRST_TODAY`],
/// [`LAST_TODAY`]), before anything is written.
pub fn check_today(today: NaiveDate) -> std::result::Result<(), ValidationError> {
    if (FIRST_TODAY..=LAST_TODAY).contains(&today) {
        return Ok(());
    }
    let why = if today < FIRST_TODAY {
        "the demo's history and last year's gut check would start before 1970"
    } else {
        "the demo's contracts run up to three years past today, and dates end at 9999-12-31"
    };
    Err(ValidationError::one(
        "today",
        format!(
            "{} does not fit the demo: {why}; pretend a today from {} to {}",
            iso(today),
            iso(FIRST_TODAY),
            iso(LAST_TODAY)
        ),
    ))
}

/// An entry with the date it sorts by.
type Dated = (NaiveDate, LogEntry);

/// Writes the demo portfolio into `store` in one transaction and returns a one-line summary,
/// e.g. "30 clients, 2,410 tickets, ...".
pub fn populate(store: &mut Store, today: NaiveDate) -> Result<String> {
    let summary = store.import_portfolio(&portfolio(today))?;
    let decided = decisions::write(store, today)?;
    Ok(crate::tn!("store.demo_summary", decided, summary = summary))
}

/// The demo portfolio as it stands on `today`: the same day always gives the same values.
pub fn portfolio(today: NaiveDate) -> Portfolio {
    let window = Span {
        from: months_before(today, MONTHS),
        until: today,
    };
    let mut clients: Vec<PortfolioClient> = characters::STORY
        .iter()
        .chain(supporting::SUPPORTING)
        .enumerate()
        .map(|(i, p)| client(i, p, window))
        .collect();
    billing::number_invoices(&mut clients, window.from);
    Portfolio {
        clients,
        gut_checks: gut_check::gut_checks(today),
        defaults: Some(defaults()),
    }
}

fn client(index: usize, p: &Profile, window: Span) -> PortfolioClient {
    let today = window.until;
    let fields = fields(p, today);
    let mut dated: Vec<Dated> = Vec::new();
    if let Some(span) = span(&fields, window) {
        let dice = |aspect| Dice::new(index, aspect);
        let (mut tickets, mut upkeep) = (dice(Aspect::Tickets), dice(Aspect::Upkeep));
        let (mut projects, mut bills) = (dice(Aspect::Projects), dice(Aspect::Invoices));
        let mut recs = dice(Aspect::Advice);
        dated.extend(work::tickets(p, span, window, &mut tickets));
        dated.extend(work::upkeep(p, span, &mut upkeep));
        dated.extend(work::projects(p, span, today, &mut projects));
        dated.extend(billing::invoices(p, span, window, &mut bills));
        dated.extend(advice::recommendations(p, span, today, &mut recs));
        dated.extend(advice::incidents(p.incidents, span, today));
    }
    dated.sort_by_key(|(day, _)| *day);
    PortfolioClient {
        fields,
        entries: dated.into_iter().map(|(_, entry)| entry).collect(),
    }
}

/// The contract facts. Contracts start on the 1st of a month; a former client's ends on the
/// last day of a month; a running one ends at its next renewal on or after today.
fn fields(p: &Profile, today: NaiveDate) -> ClientFields {
    let this_month = month_start(today);
    let (start, end) = match p.status {
        ClientStatus::Prospect => (None, None),
        ClientStatus::Former => {
            let start = months_before(this_month, p.since_months);
            let end = p
                .ended_months
                .map(|m| month_end(months_before(this_month, m)));
            (Some(start), end)
        }
        ClientStatus::Active => {
            let start = months_before(this_month, p.since_months);
            let end = p.term_years.map(|years| {
                let mut end = start;
                while end <= today {
                    end = months_after(end, years.max(1) * 12);
                }
                days_before(end, 1)
            });
            (Some(start), end)
        }
    };
    let text = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    ClientFields {
        name: p.name.to_string(),
        contact_name: text(p.contact),
        email: text(p.email),
        phone: text(p.phone),
        mrr: Cents(p.mrr_euros * 100),
        seats: p.seats,
        contract_start: start,
        contract_end: end,
        notice_days: p.notice_days,
        prepaid: p.prepaid,
        payment_terms_days: p.terms_days,
        segment: text(p.segment),
        status: p.status,
        notes: text(p.notes),
    }
}

/// The part of the window in which the client had a contract; `None` for prospects.
fn span(f: &ClientFields, window: Span) -> Option<Span> {
    let start = f.contract_start?;
    let from = start.max(window.from);
    let until = f
        .contract_end
        .map_or(window.until, |end| end.min(window.until));
    (from <= until).then_some(Span { from, until })
}
