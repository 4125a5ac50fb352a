//! Evidence about a client, kept as dated events: tickets, invoices and payments, time worked,
//! recommendations, incidents and staff votes. Drafts hold input as typed; `validate` turns a
//! draft into a checked value or names every field that is wrong.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::client::{ClientId, ClientStatus, parse_count, text_enum};
use super::date::{LATEST, parse_opt_date, parse_opt_past_date, parse_past_date};
use super::error::{Checker, FieldError, Problem, ValidationError};
use super::money::Cents;
use super::text::{opt_code, opt_note, opt_text, required_text};

pub const REF_MAX: usize = 100;
pub const NOTE_MAX: usize = 2000;
pub const TITLE_MAX: usize = 200;
/// More minutes than a day has is a typing error, not a long day.
pub const MINUTES_MAX: u32 = 24 * 60;

text_enum!(
    /// What a ticket was about.
    TicketKind, "ticket kind", {
        Incident => "incident",
        Request => "request",
        Admin => "admin",
    }
);

text_enum!(
    /// Where a recommendation stands.
    RecStatus, "recommendation status", {
        Open => "open",
        Implemented => "implemented",
        Ignored => "ignored",
    }
);

text_enum!(
    /// The kinds of incident the guide's dealbreakers (D1-D4) look at.
    IncidentKind, "incident kind", {
        Abuse => "abuse",
        Disrespect => "disrespect",
        Security => "security",
        UnreasonableDemand => "unreasonable_demand",
        Other => "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    pub id: i64,
    pub client_id: ClientId,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub kind: TicketKind,
    pub escalated: bool,
    pub reopen_count: u32,
    pub external_ref: Option<String>,
    /// What it was about, in a few words (optional).
    pub subject: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTicket {
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub kind: TicketKind,
    pub escalated: bool,
    pub reopen_count: u32,
    pub external_ref: Option<String>,
    pub subject: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invoice {
    pub id: i64,
    pub client_id: ClientId,
    pub number: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub paid_on: Option<NaiveDate>,
    #[serde(rename = "amount_cents")]
    pub amount: Cents,
    pub disputed: bool,
    pub external_ref: Option<String>,
}

impl Invoice {
    /// The same invoice with other issue and due dates.
    pub fn with_dates(self, issued_on: NaiveDate, due_on: NaiveDate) -> Self {
        Self {
            issued_on,
            due_on,
            ..self
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvoice {
    /// None: the store numbers it.
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub paid_on: Option<NaiveDate>,
    pub amount: Cents,
    pub disputed: bool,
    pub external_ref: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTimeEntry {
    pub worked_on: NaiveDate,
    pub minutes: u32,
    pub note: Option<String>,
    pub external_ref: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    pub id: i64,
    pub client_id: ClientId,
    pub made_on: NaiveDate,
    pub title: String,
    pub security: bool,
    pub status: RecStatus,
    pub decided_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecommendation {
    pub made_on: NaiveDate,
    pub title: String,
    pub security: bool,
    pub status: RecStatus,
    pub decided_on: Option<NaiveDate>,
    pub external_ref: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIncident {
    pub occurred_on: NaiveDate,
    pub kind: IncidentKind,
    pub note: Option<String>,
}

/// One client named in one staff member's yearly gut check (guide O2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffVote {
    pub year: i32,
    pub staff: String,
    pub client_id: ClientId,
    /// 1 is the worst of that staff member's list.
    pub rank: u8,
}

/// A gut check names at most this many clients per staff member and year.
pub const VOTES_MAX: usize = 5;

/// Checks one staff member's gut check: a year SQLite can hold, a name with nothing
/// invisible in it (or "An\u{200B}na" would vote as a second Anna), at most
/// [`VOTES_MAX`] clients and none twice. Returns the trimmed staff name.
pub fn check_votes<T: PartialEq>(
    year: i32,
    staff: &str,
    clients: &[T],
) -> Result<String, ValidationError> {
    let mut c = Checker::default();
    if !(1970..=9999).contains(&year) {
        c.push(FieldError::of("year", Problem::YearOutOfRange { year }));
    }
    let staff = c.take(
        super::identity::check_visible("staff", staff)
            .and_then(|()| required_text("staff", staff, super::client::SHORT_MAX)),
    );
    if clients.len() > VOTES_MAX {
        c.push(FieldError::of(
            "gut check list",
            Problem::TooManyNames {
                n: clients.len(),
                max: VOTES_MAX,
            },
        ));
    }
    if clients
        .iter()
        .enumerate()
        .any(|(i, a)| clients[..i].contains(a))
    {
        c.push(FieldError::of("gut check list", Problem::NamedTwice));
    }
    c.finish()?;
    need(staff)
}

/// A gut check is of a year that has begun: one for a later year is a typing error.
pub fn check_vote_year(year: i32, today: NaiveDate) -> Result<(), FieldError> {
    if year > today.year() {
        return Err(FieldError::of(
            "year",
            Problem::YearNotBegun { year, today },
        ));
    }
    Ok(())
}

/// Who a staff member may name in a year's gut check (guide O2): a client they worked for
/// that year. A current client (active or prospect) always; a former client whose contract
/// ended in that year or later (last year's list can still name a client let go since); and
/// a former client already on this staff member's list of that year stays on it, so archiving
/// a client never makes the lists that named it impossible to save. The TUI offers these
/// clients, and the store refuses any other (which is how `rapport vote` refuses them).
pub fn may_be_named(
    year: i32,
    status: ClientStatus,
    contract_end: Option<NaiveDate>,
    on_list: bool,
) -> bool {
    status.is_current() || on_list || contract_end.is_some_and(|end| end.year() >= year)
}

/// [`may_be_named`], as the validation error that names the client.
pub fn check_named(
    year: i32,
    name: &str,
    status: ClientStatus,
    contract_end: Option<NaiveDate>,
    on_list: bool,
) -> Result<(), ValidationError> {
    if may_be_named(year, status, contract_end, on_list) {
        return Ok(());
    }
    Err(ValidationError::of(
        "gut check list",
        Problem::FormerClient {
            name: name.into(),
            ended: contract_end,
            year,
        },
    ))
}

/// One thing to log about a client: what the quick log and `rapport log` both produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogEntry {
    Ticket(NewTicket),
    /// A ticket came back: its reopen count goes up by one.
    Reopen {
        ticket_id: i64,
    },
    /// A ticket went over the operator's head to management.
    Escalate {
        ticket_id: i64,
    },
    Invoice(NewInvoice),
    Payment {
        invoice_id: i64,
        paid_on: NaiveDate,
    },
    Time(NewTimeEntry),
    Recommendation(NewRecommendation),
    /// An open recommendation was implemented or ignored.
    Decide {
        recommendation_id: i64,
        status: RecStatus,
        decided_on: NaiveDate,
    },
    Incident(NewIncident),
}

/// How to take a logged entry back: the exact inverse of what the store did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    DeleteTicket(i64),
    Unreopen(i64),
    Unescalate(i64),
    DeleteInvoice(i64),
    Unpay(i64),
    DeleteTime(i64),
    DeleteRecommendation(i64),
    Undecide(i64),
    DeleteIncident(i64),
}

/// One line of a client's timeline, newest first in the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    pub what: EventKind,
    /// The row it comes from: what an edit or a void points at.
    pub id: super::record::EventRef,
    /// Why it was voided, if it was: it is shown struck through and counts nowhere.
    pub voided: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    TicketOpened {
        kind: TicketKind,
        escalated: bool,
        reopens: u32,
        subject: Option<String>,
    },
    InvoiceIssued {
        number: String,
        amount: Cents,
        disputed: bool,
    },
    InvoicePaid {
        number: String,
        amount: Cents,
        days_late: i64,
    },
    Time {
        minutes: u32,
        note: Option<String>,
    },
    RecommendationMade {
        title: String,
        security: bool,
    },
    RecommendationDecided {
        title: String,
        status: RecStatus,
    },
    Incident {
        kind: IncidentKind,
        note: Option<String>,
    },
}

// ---- drafts: input as typed ------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TicketDraft {
    pub opened: String,
    pub closed: String,
    pub kind: String,
    pub escalated: bool,
    pub reopens: String,
    pub reference: String,
    pub subject: String,
}

impl TicketDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<NewTicket, ValidationError> {
        let mut c = Checker::default();
        let opened = c.take(parse_past_date("opened", &self.opened, today));
        let closed = c.take(parse_opt_past_date("closed", &self.closed, today));
        let kind = c.take(if self.kind.trim().is_empty() {
            Ok(TicketKind::Incident)
        } else {
            TicketKind::parse("kind", &self.kind)
        });
        let reopens = c.take(parse_count("reopens", &self.reopens, 1000));
        let reference = c.take(opt_code("reference", &self.reference, REF_MAX));
        let subject = c.take(opt_text("subject", &self.subject, TITLE_MAX));
        if let (Some(o), Some(Some(cl))) = (opened, closed)
            && cl < o
        {
            c.push(before("closed", cl, "opened", o));
        }
        c.finish()?;
        Ok(NewTicket {
            opened_on: need(opened)?,
            closed_on: need(closed)?,
            kind: need(kind)?,
            escalated: self.escalated,
            reopen_count: need(reopens)?.unwrap_or(0),
            external_ref: need(reference)?,
            subject: need(subject)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InvoiceDraft {
    pub number: String,
    pub amount: String,
    pub issued: String,
    /// Empty: issued + the client's payment terms.
    pub due: String,
    pub paid: String,
    pub disputed: bool,
    pub reference: String,
}

impl InvoiceDraft {
    pub fn validate(
        &self,
        terms_days: u32,
        today: NaiveDate,
    ) -> Result<NewInvoice, ValidationError> {
        let mut c = Checker::default();
        let number = c.take(opt_code("number", &self.number, REF_MAX));
        let amount = c.take(Cents::parse("amount", &self.amount).and_then(|a| {
            if a > Cents::ZERO {
                Ok(a)
            } else {
                Err(FieldError::of("amount", Problem::NotPositive))
            }
        }));
        let issued = c.take(parse_past_date("issued", &self.issued, today));
        // Due may lie ahead: an invoice sent today is due in a month.
        let due = c.take(parse_opt_date("due", &self.due));
        let paid = c.take(parse_opt_past_date("paid", &self.paid, today));
        let reference = c.take(opt_code("reference", &self.reference, REF_MAX));
        if let Some(i) = issued {
            if let Some(Some(d)) = due
                && d < i
            {
                c.push(before("due", d, "issued", i));
            }
            if let Some(None) = due
                && due_by_terms(i, terms_days).is_none()
            {
                c.push(FieldError::of(
                    "due",
                    Problem::DueTooLate {
                        issued: i,
                        terms_days,
                    },
                ));
            }
            if let Some(Some(p)) = paid
                && p < i
            {
                c.push(FieldError::of(
                    "paid",
                    Problem::PaidBeforeIssued { paid: p, issued: i },
                ));
            }
        }
        c.finish()?;
        let issued_on = need(issued)?;
        let due_on = match need(due)? {
            Some(d) => d,
            None => need(due_by_terms(issued_on, terms_days))?,
        };
        Ok(NewInvoice {
            number: need(number)?,
            issued_on,
            due_on,
            paid_on: need(paid)?,
            amount: need(amount)?,
            disputed: self.disputed,
            external_ref: need(reference)?,
        })
    }
}

/// The due date of an invoice issued on `issued` with `terms_days` of payment terms; None
/// when it would land after [`LATEST`].
fn due_by_terms(issued: NaiveDate, terms_days: u32) -> Option<NaiveDate> {
    issued
        .checked_add_days(Days::new(u64::from(terms_days)))
        .filter(|d| *d <= LATEST)
}

/// Checks a payment date against the invoice it pays.
pub fn check_payment(issued_on: NaiveDate, paid_on: NaiveDate) -> Result<(), ValidationError> {
    if paid_on < issued_on {
        Err(ValidationError::of(
            "date",
            Problem::PaidBeforeIssued {
                paid: paid_on,
                issued: issued_on,
            },
        ))
    } else {
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeDraft {
    pub date: String,
    pub duration: String,
    pub note: String,
}

impl TimeDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<NewTimeEntry, ValidationError> {
        let mut c = Checker::default();
        let date = c.take(parse_past_date("date", &self.date, today));
        let minutes = c.take(parse_minutes("time", &self.duration));
        let note = c.take(opt_note("note", &self.note, NOTE_MAX));
        c.finish()?;
        Ok(NewTimeEntry {
            worked_on: need(date)?,
            minutes: need(minutes)?,
            note: need(note)?,
            external_ref: None,
        })
    }
}

/// Parses time worked: `90` or `90m` (minutes), `1.5h` (or `1,5h`: a decimal comma), `1h30`,
/// `1:30`; `u` (uur) does what `h` does, as the Dutch screens write it (`1u30`).
pub fn parse_minutes(field: &'static str, input: &str) -> Result<u32, FieldError> {
    let s = input.trim().to_ascii_lowercase();
    let bad = || {
        FieldError::of(
            field,
            Problem::NotADuration {
                text: input.trim().into(),
            },
        )
    };
    if s.is_empty() {
        return Err(FieldError::of(field, Problem::DurationEmpty));
    }
    if s.starts_with('-') {
        return Err(FieldError::of(field, Problem::Negative));
    }
    let whole = |t: &str| -> Result<u32, FieldError> {
        if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        t.parse::<u32>().map_err(|_| bad())
    };
    // Minutes after hours (1h30, 1:30) stop at 59: 1h90 is a slip, not 150 minutes.
    let hours_and = |h: &str, m: &str| -> Result<u32, FieldError> {
        let (h, m) = (whole(h)?, whole(m)?);
        if m >= 60 {
            return Err(FieldError::of(
                field,
                Problem::MinutesOver59 {
                    text: input.trim().into(),
                    hours: h,
                    minutes: m,
                },
            ));
        }
        Ok(h.saturating_mul(60).saturating_add(m))
    };
    let minutes = if let Some((h, m)) = s.split_once(':') {
        hours_and(h, m)?
    } else if let Some((h, m)) = s.split_once('h').or_else(|| s.split_once('u')) {
        if m.is_empty() {
            // 1.5h, 1,5h or 2h (or Dutch 1,5u, 2u)
            let (hw, hf) = h
                .split_once('.')
                .or_else(|| h.split_once(','))
                .unwrap_or((h, ""));
            let frac = if hf.is_empty() {
                0
            } else if hf.len() <= 2 {
                let f = whole(hf)?;
                let scale = if hf.len() == 1 { 10 } else { 100 };
                (f * 60 + scale / 2) / scale
            } else {
                return Err(bad());
            };
            whole(hw)?.saturating_mul(60).saturating_add(frac)
        } else {
            hours_and(h, m.trim_end_matches('m'))?
        }
    } else {
        whole(s.trim_end_matches("min").trim_end_matches('m'))?
    };
    if minutes == 0 {
        return Err(FieldError::of(field, Problem::NotPositive));
    }
    if minutes > MINUTES_MAX {
        return Err(FieldError::of(field, Problem::DurationTooLong { minutes }));
    }
    Ok(minutes)
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecommendationDraft {
    pub made: String,
    pub title: String,
    pub security: bool,
    pub status: String,
    /// Empty for an implemented/ignored one: decided on the day it was made.
    pub decided: String,
    pub reference: String,
}

impl RecommendationDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<NewRecommendation, ValidationError> {
        let mut c = Checker::default();
        let made = c.take(parse_past_date("made", &self.made, today));
        let title = c.take(required_text("title", &self.title, TITLE_MAX));
        let status = c.take(if self.status.trim().is_empty() {
            Ok(RecStatus::Open)
        } else {
            RecStatus::parse("status", &self.status)
        });
        let decided = c.take(parse_opt_past_date("decided", &self.decided, today));
        let reference = c.take(opt_code("reference", &self.reference, REF_MAX));
        if let (Some(RecStatus::Open), Some(Some(_))) = (status, decided) {
            c.push(FieldError::of("decided", Problem::DecidedButOpen));
        }
        if let (Some(m), Some(Some(d))) = (made, decided)
            && d < m
        {
            c.push(before("decided", d, "made", m));
        }
        c.finish()?;
        let made_on = need(made)?;
        let status = need(status)?;
        let decided_on = match (status, need(decided)?) {
            (RecStatus::Open, _) => None,
            (_, Some(d)) => Some(d),
            (_, None) => Some(made_on),
        };
        Ok(NewRecommendation {
            made_on,
            title: need(title)?,
            security: self.security,
            status,
            decided_on,
            external_ref: need(reference)?,
        })
    }
}

/// Checks a decision date against the recommendation it decides.
pub fn check_decision(
    made_on: NaiveDate,
    status: RecStatus,
    decided_on: NaiveDate,
) -> Result<(), ValidationError> {
    if status == RecStatus::Open {
        return Err(ValidationError::of("status", Problem::DecideNeedsStatus));
    }
    if decided_on < made_on {
        return Err(FieldError::of(
            "date",
            Problem::BeforeRecommendation {
                date: decided_on,
                made: made_on,
            },
        )
        .into());
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IncidentDraft {
    pub date: String,
    pub kind: String,
    pub note: String,
}

impl IncidentDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<NewIncident, ValidationError> {
        let mut c = Checker::default();
        let date = c.take(parse_past_date("date", &self.date, today));
        let kind = c.take(IncidentKind::parse("kind", &self.kind));
        let note = c.take(opt_note("note", &self.note, NOTE_MAX));
        c.finish()?;
        Ok(NewIncident {
            occurred_on: need(date)?,
            kind: need(kind)?,
            note: need(note)?,
        })
    }
}

/// A later date may not come before an earlier one: "closed 2026-01-01 is before opened 2026-02-01".
fn before(
    field: &'static str,
    later: NaiveDate,
    other: &'static str,
    earlier: NaiveDate,
) -> FieldError {
    FieldError::of(
        field,
        Problem::Before {
            date: later,
            other: other.into(),
            other_date: earlier,
        },
    )
}

/// Unwraps a value the checker already vouched for.
fn need<T>(v: Option<T>) -> Result<T, ValidationError> {
    v.ok_or_else(|| ValidationError::of("input", Problem::Unreadable))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::parse_date("d", s).unwrap()
    }

    #[test]
    fn durations_in_the_forms_people_type() {
        assert_eq!(parse_minutes("t", "90"), Ok(90));
        assert_eq!(parse_minutes("t", "45m"), Ok(45));
        assert_eq!(parse_minutes("t", "1.5h"), Ok(90));
        // A decimal comma, as typed where it is the decimal separator.
        assert_eq!(parse_minutes("t", "1,5h"), Ok(90));
        assert_eq!(parse_minutes("t", "0,25h"), Ok(15));
        assert!(parse_minutes("t", "1,5,0h").is_err());
        assert_eq!(parse_minutes("t", "2h"), Ok(120));
        assert_eq!(parse_minutes("t", "1h30"), Ok(90));
        assert_eq!(parse_minutes("t", "1u30"), Ok(90));
        assert_eq!(parse_minutes("t", "1,5u"), Ok(90));
        assert_eq!(parse_minutes("t", "1:15"), Ok(75));
        assert!(parse_minutes("t", "0").is_err());
        assert!(
            parse_minutes("t", "-5")
                .unwrap_err()
                .message
                .contains("negative")
        );
        assert!(
            parse_minutes("t", "25h")
                .unwrap_err()
                .message
                .contains("24 hours")
        );
        assert!(parse_minutes("t", "1:75").is_err());
        assert_eq!(parse_minutes("t", "1h59"), Ok(119));
        assert_eq!(parse_minutes("t", "1h05m"), Ok(65));
        for slip in ["1h90", "1h60", "0h75m", "1:60"] {
            let e = parse_minutes("t", slip).unwrap_err();
            assert!(e.message.contains("at most 59"), "{slip}: {e}");
        }
        assert_eq!(
            parse_minutes("t", "1h90").unwrap_err().message,
            "'1h90' has 90 minutes after the hours: at most 59 (for 150 minutes write 2h30 or 150)"
        );
        assert!(parse_minutes("t", "soon").is_err());
    }

    #[test]
    fn a_ticket_cannot_close_before_it_opens() {
        let t = TicketDraft {
            opened: "2026-03-10".into(),
            closed: "2026-03-09".into(),
            ..Default::default()
        };
        let e = t.validate(d("2026-06-30")).unwrap_err();
        assert!(e.for_field("closed").unwrap().contains("before opened"));
    }

    #[test]
    fn an_invoice_is_due_after_the_terms_and_not_paid_before_issue() {
        let inv = InvoiceDraft {
            amount: "1,200".into(),
            issued: "2026-03-01".into(),
            ..Default::default()
        };
        let v = inv.validate(14, d("2026-06-30")).unwrap();
        assert_eq!(v.due_on, d("2026-03-15"));
        assert_eq!(v.amount, Cents(120_000));
        let early = InvoiceDraft {
            paid: "2026-02-27".into(),
            ..inv
        };
        assert!(
            early
                .validate(30, d("2026-06-30"))
                .unwrap_err()
                .for_field("paid")
                .unwrap()
                .contains("before")
        );
        assert!(check_payment(d("2026-03-01"), d("2026-02-28")).is_err());
        assert!(check_payment(d("2026-03-01"), d("2026-03-01")).is_ok());
    }

    #[test]
    fn a_due_date_from_the_terms_may_not_pass_9999() {
        let late = InvoiceDraft {
            amount: "10".into(),
            issued: "9999-12-31".into(),
            ..Default::default()
        };
        let today = d("9999-12-31");
        let e = late.validate(30, today).unwrap_err();
        assert_eq!(
            e.for_field("due"),
            Some(
                "would be after 9999-12-31: issued 9999-12-31 plus 30 days of payment terms; give a due date"
            )
        );
        assert_eq!(late.validate(0, today).unwrap().due_on, today);
        let given = InvoiceDraft {
            due: "9999-12-31".into(),
            ..late
        };
        assert_eq!(given.validate(30, today).unwrap().due_on, today);
    }

    #[test]
    fn recommendations_decided_without_a_date_are_decided_when_made() {
        let r = RecommendationDraft {
            made: "2026-01-05".into(),
            title: "Replace the 2012 server".into(),
            security: true,
            status: "ignored".into(),
            ..Default::default()
        };
        let v = r.validate(d("2026-06-30")).unwrap();
        assert_eq!(v.decided_on, Some(d("2026-01-05")));
        let bad = RecommendationDraft {
            status: "maybe".into(),
            ..r
        };
        assert!(
            bad.validate(d("2026-06-30"))
                .unwrap_err()
                .for_field("status")
                .is_some()
        );
    }

    #[test]
    fn incident_kinds_accept_dashes_and_name_the_choices() {
        let i = IncidentDraft {
            date: "2026-01-05".into(),
            kind: "unreasonable-demand".into(),
            note: String::new(),
        };
        assert_eq!(
            i.validate(d("2026-06-30")).unwrap().kind,
            IncidentKind::UnreasonableDemand
        );
        let bad = IncidentDraft {
            kind: "rude".into(),
            ..i
        };
        assert!(
            bad.validate(d("2026-06-30"))
                .unwrap_err()
                .for_field("kind")
                .unwrap()
                .contains("abuse")
        );
    }

    #[test]
    fn staff_name_the_clients_they_worked_for_that_year() {
        use ClientStatus::*;
        let ended = Some(NaiveDate::from_ymd_opt(2025, 10, 31).unwrap());
        assert!(may_be_named(2026, Active, None, false));
        assert!(may_be_named(2026, Prospect, None, false));
        assert!(may_be_named(2025, Former, ended, false), "a client in 2025");
        assert!(
            !may_be_named(2026, Former, ended, false),
            "gone before 2026"
        );
        assert!(!may_be_named(2026, Former, None, false));
        assert!(
            may_be_named(2026, Former, None, true),
            "already on the list"
        );
        let e = check_named(2026, "Jansen", Former, ended, false).unwrap_err();
        let message = e.for_field("gut check list").unwrap();
        assert!(
            message.contains("'Jansen'") && message.contains("2025-10-31"),
            "{message}"
        );
        assert_eq!(check_named(2025, "Jansen", Former, ended, false), Ok(()));
    }

    #[test]
    fn a_gut_check_names_at_most_five_clients_once_each() {
        assert_eq!(check_votes(2026, " Sanne ", &[3, 1, 2]), Ok("Sanne".into()));
        assert_eq!(check_votes::<i32>(2026, "Sanne", &[]), Ok("Sanne".into()));
        let six = check_votes(2026, "Sanne", &[1, 2, 3, 4, 5, 6]).unwrap_err();
        assert!(
            six.for_field("gut check list")
                .unwrap()
                .contains("at most 5")
        );
        let twice = check_votes(2026, "Sanne", &[1, 2, 1]).unwrap_err();
        assert!(twice.for_field("gut check list").unwrap().contains("twice"));
        let e = check_votes(1800, " ", &[1]).unwrap_err();
        assert!(e.for_field("year").is_some());
        assert!(e.for_field("staff").unwrap().contains("empty"));
    }

    #[test]
    fn a_staff_name_with_an_invisible_character_is_refused() {
        for staff in ["An\u{200B}na", "Anna\u{200E}", "\u{3164}Anna"] {
            let e = check_votes(2026, staff, &[1]).unwrap_err();
            assert!(
                e.for_field("staff")
                    .unwrap()
                    .contains("which cannot be seen"),
                "{staff:?}: {e}"
            );
        }
    }
}
