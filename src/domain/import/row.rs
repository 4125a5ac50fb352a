//! One row through a mapping: each cell read as its field's value (a date in the file's
//! style, an amount, a yes/no, a ticket kind by the value rules), then the record checked by
//! the same drafts the hand-entry forms use, so an import accepts what a form accepts.
//! Every problem of the row is collected, not just the first.
//!
//! Where an export says less than rapport keeps:
//! - a ticket's kind: a category (issue type) meaning admin wins, else the ticket type's
//!   value, else the rules' default (request); escalated from a yes/no column or a status
//!   meaning escalated; reopens from a counter, or one when the status means reopened;
//!   a subject's line breaks become spaces, and a subject over 200 characters is cut short
//!   (it is a reminder of what a ticket was, not evidence);
//! - an invoice with no due date is due 30 days after issue (rapport's default payment
//!   terms); one with a paid flag but no payment date counts as paid on its due date (or
//!   today, if that is earlier), so it is never counted late: the export cannot say;
//!   a negative amount (a credit note) is refused;
//! - time as hours (`1.5`, `1,5`, `1:30`) or minutes;
//! - a client's name is its name column, else first and last name; its contact the
//!   contact column, else first and last name.

use chrono::NaiveDate;

use crate::domain::client::{DEFAULT_TERMS_DAYS, NAME_MAX};
use crate::domain::date::{LATEST, iso};
use crate::domain::error::{FieldError, Problem, ValidationError};
use crate::domain::evidence::{REF_MAX, TITLE_MAX};
use crate::domain::text::{opt_code, required_name};
use crate::domain::{
    Cents, ClientDraft, InvoiceDraft, RecStatus, RecommendationDraft, TicketDraft, TicketKind,
    TimeDraft,
};

use super::field::{Field, ImportKind};
use super::mapping::{Mapping, normalize};
use super::record::{ImportRecord, RowError, RowProblem};
use super::value::{CellProblem, parse_date, parse_money, parse_yes_no};

pub(super) fn read(
    m: &Mapping,
    line: u64,
    cells: &[&str],
    today: Option<NaiveDate>,
) -> Result<ImportRecord, Vec<RowError>> {
    let n = m.headers.len();
    if cells.len() < n || cells[n..].iter().any(|c| !c.trim().is_empty()) {
        return Err(vec![RowError {
            line,
            column: None,
            value: String::new(),
            problem: RowProblem::Ragged {
                cells: cells.len(),
                header: n,
            },
        }]);
    }
    let mut r = Reader {
        m,
        line,
        cells,
        errors: Vec::new(),
    };
    let record = match m.kind {
        ImportKind::Clients => r.client_row(),
        ImportKind::Tickets => r.ticket(today),
        ImportKind::Invoices => r.invoice(today),
        ImportKind::Time => r.time(today),
        ImportKind::Recommendations => r.recommendation(today),
    };
    match record {
        Some(rec) if r.errors.is_empty() => Ok(rec),
        _ if r.errors.is_empty() => Err(vec![RowError {
            line,
            column: None,
            value: String::new(),
            problem: RowProblem::Invalid(Problem::Unreadable),
        }]),
        _ => Err(r.errors),
    }
}

struct Reader<'a> {
    m: &'a Mapping,
    line: u64,
    cells: &'a [&'a str],
    errors: Vec<RowError>,
}

impl Reader<'_> {
    fn column(&self, f: Field) -> Option<usize> {
        self.m.column_of(f)
    }

    /// The cell of `f`, trimmed, if mapped and not empty.
    fn text(&self, f: Field) -> Option<&str> {
        let i = self.column(f)?;
        let s = self.cells[i].trim();
        (!s.is_empty()).then_some(s)
    }

    fn push(&mut self, f: Field, problem: RowProblem) {
        let i = self.column(f);
        self.errors.push(RowError {
            line: self.line,
            column: i.map(|i| self.m.headers[i].clone()),
            value: i
                .map(|i| self.cells[i].trim().to_string())
                .unwrap_or_default(),
            problem,
        });
    }

    fn failed(&self, f: Field) -> bool {
        let col = self.column(f).map(|i| &self.m.headers[i]);
        col.is_some() && self.errors.iter().any(|e| e.column.as_ref() == col)
    }

    fn required(&mut self, f: Field) -> Option<&str> {
        if self.text(f).is_none() {
            self.push(f, RowProblem::Missing);
        }
        self.text(f)
    }

    fn cell<T>(
        &mut self,
        f: Field,
        parse: impl FnOnce(&str) -> Result<T, CellProblem>,
    ) -> Option<T> {
        let text = self.text(f)?;
        match parse(text) {
            Ok(v) => Some(v),
            Err(p) => {
                self.push(f, RowProblem::Cell(p));
                None
            }
        }
    }

    fn date(&mut self, f: Field) -> Option<NaiveDate> {
        let format = self.m.date_format;
        self.cell(f, |t| parse_date(t, format))
    }

    /// The date as the draft takes it: ISO, or empty when absent or unreadable.
    fn date_text(&mut self, f: Field, required: bool) -> String {
        if required && self.text(f).is_none() {
            self.push(f, RowProblem::Missing);
        }
        self.date(f).map(iso).unwrap_or_default()
    }

    fn yes_no(&mut self, f: Field) -> bool {
        self.cell(f, parse_yes_no).unwrap_or(false)
    }

    /// The client a row of evidence belongs to, as the identity rules take a name.
    fn client(&mut self) -> Option<String> {
        let text = self.required(Field::Client)?.to_string();
        match required_name("client", &text, NAME_MAX) {
            Ok(name) => Some(name),
            Err(e) => {
                self.push(
                    Field::Client,
                    RowProblem::Cell(CellProblem::Invalid(e.problem)),
                );
                None
            }
        }
    }

    fn reference(&mut self) -> Option<String> {
        let text = self.text(Field::Ref)?.to_string();
        match opt_code("reference", &text, REF_MAX) {
            Ok(r) => r,
            Err(e) => {
                self.push(
                    Field::Ref,
                    RowProblem::Cell(CellProblem::Invalid(e.problem)),
                );
                None
            }
        }
    }

    /// A draft's errors, each on the column of the field it names (those already reported
    /// for an unreadable cell left out).
    fn draft_errors(&mut self, e: ValidationError, field_of: impl Fn(&str) -> Option<Field>) {
        let had_errors = !self.errors.is_empty();
        for FieldError { field, problem, .. } in e.0 {
            let f = field_of(field.key());
            if f.is_some_and(|f| self.failed(f)) {
                continue;
            }
            let cross = matches!(
                problem,
                Problem::Before { .. }
                    | Problem::PaidBeforeIssued { .. }
                    | Problem::DecidedButOpen
                    | Problem::DueTooLate { .. }
                    | Problem::BeforeRecommendation { .. }
            );
            // A check between two fields means little when one of them was not read.
            if cross && had_errors {
                continue;
            }
            let problem = if cross {
                RowProblem::Invalid(problem)
            } else {
                RowProblem::Cell(CellProblem::Invalid(problem))
            };
            match f {
                Some(f) => self.push(f, problem),
                None => self.errors.push(RowError {
                    line: self.line,
                    column: None,
                    value: String::new(),
                    problem,
                }),
            }
        }
    }

    fn ticket(&mut self, today: Option<NaiveDate>) -> Option<ImportRecord> {
        let client = self.client();
        let opened = self.date_text(Field::Opened, true);
        let closed = self.date_text(Field::Closed, false);
        let kind = self.ticket_kind();
        let status = self.text(Field::Status).unwrap_or("").to_string();
        let escalated = self.yes_no(Field::Escalated) || self.m.values.is_escalated(&status);
        let counted = self.cell(Field::Reopens, |t| {
            crate::domain::client::parse_count("reopens", t, 1000)
                .map(Option::unwrap_or_default)
                .map_err(|e| CellProblem::Invalid(e.problem))
        });
        let reopens = counted
            .unwrap_or(0)
            .max(u32::from(self.m.values.is_reopened(&status)));
        let reference = self.reference();
        let subject = self.text(Field::Subject).map(one_line).unwrap_or_default();
        let draft = TicketDraft {
            opened,
            closed,
            kind: kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            escalated,
            reopens: reopens.to_string(),
            reference: String::new(),
            subject,
        };
        let checked = draft.validate(today.unwrap_or(LATEST));
        let ticket = self.checked(checked, |key| match key {
            "opened" => Some(Field::Opened),
            "closed" => Some(Field::Closed),
            "kind" => Some(Field::Kind),
            "reopens" => Some(Field::Reopens),
            "subject" => Some(Field::Subject),
            _ => None,
        })?;
        Some(ImportRecord::Ticket {
            client: client?,
            ticket: crate::domain::NewTicket {
                external_ref: reference,
                ..ticket
            },
        })
    }

    /// A category meaning admin wins; else the type's kind; else the default.
    fn ticket_kind(&mut self) -> Option<TicketKind> {
        let rules = &self.m.values;
        if let Some(cat) = self.text(Field::Category)
            && rules.kind_of(cat) == Some(TicketKind::Admin)
        {
            return Some(TicketKind::Admin);
        }
        let default = rules.default_kind;
        match self.text(Field::Kind) {
            None => Some(default.unwrap_or(TicketKind::Request)),
            Some(v) => match rules.kind_of(v).or(default) {
                Some(k) => Some(k),
                None => {
                    let expected = TicketKind::ALL.iter().map(|k| k.as_str()).collect();
                    self.push(
                        Field::Kind,
                        RowProblem::Cell(CellProblem::UnknownValue { expected }),
                    );
                    None
                }
            },
        }
    }

    fn checked<T>(
        &mut self,
        r: Result<T, ValidationError>,
        field_of: impl Fn(&str) -> Option<Field>,
    ) -> Option<T> {
        match r {
            Ok(v) if self.errors.is_empty() => Some(v),
            Ok(_) => None,
            Err(e) => {
                self.draft_errors(e, field_of);
                None
            }
        }
    }

    fn invoice(&mut self, today: Option<NaiveDate>) -> Option<ImportRecord> {
        let client = self.client();
        if self.text(Field::Amount).is_none() {
            self.push(Field::Amount, RowProblem::Missing);
        }
        let amount = self.cell(Field::Amount, |t| match parse_money(t)? {
            c if c < 0 => Err(CellProblem::NegativeAmount),
            c => Ok(c),
        });
        let issued = self.date_text(Field::Issued, true);
        let due = self.date_text(Field::Due, false);
        let paid = self.date_text(Field::Paid, false);
        let paid_flag = self.yes_no(Field::PaidFlag);
        let disputed = self.yes_no(Field::Disputed);
        let reference = self.reference();
        let draft = InvoiceDraft {
            number: self.text(Field::Number).unwrap_or("").to_string(),
            amount: amount.map(|c| Cents(c).plain()).unwrap_or_default(),
            issued,
            due,
            paid,
            disputed,
            reference: String::new(),
        };
        let checked = draft.validate(DEFAULT_TERMS_DAYS, today.unwrap_or(LATEST));
        let mut invoice = self.checked(checked, |key| match key {
            "number" => Some(Field::Number),
            "amount" => Some(Field::Amount),
            "issued" => Some(Field::Issued),
            "due" => Some(Field::Due),
            "paid" => Some(Field::Paid),
            _ => None,
        })?;
        if invoice.paid_on.is_none() && paid_flag {
            let on = today.map_or(invoice.due_on, |t| invoice.due_on.min(t));
            invoice.paid_on = Some(on.max(invoice.issued_on));
        }
        invoice.external_ref = reference;
        Some(ImportRecord::Invoice {
            client: client?,
            invoice,
        })
    }

    fn time(&mut self, today: Option<NaiveDate>) -> Option<ImportRecord> {
        let client = self.client();
        let date = self.date_text(Field::Worked, true);
        let (field, duration) = match (self.text(Field::Minutes), self.text(Field::Hours)) {
            (Some(m), Some(h)) => {
                // Both columns: they must say the same, or the export splits a duration
                // over them (2 hours, 30 minutes) and one alone would be wrong.
                let minutes = decimal_minutes(m, 1);
                let of = |text: &str| crate::domain::evidence::parse_minutes("time", text).ok();
                if let (Some(a), Some(b)) = (of(&minutes), of(&decimal_minutes(h, 60)))
                    && a != b
                {
                    let hours = h.to_string();
                    self.push(
                        Field::Minutes,
                        RowProblem::Cell(CellProblem::DisagreesWithHours { hours }),
                    );
                }
                (Field::Minutes, minutes)
            }
            (Some(m), None) => (Field::Minutes, decimal_minutes(m, 1)),
            (None, Some(h)) => (Field::Hours, decimal_minutes(h, 60)),
            (None, None) => {
                let f = if self.column(Field::Hours).is_some() {
                    Field::Hours
                } else {
                    Field::Minutes
                };
                self.push(f, RowProblem::Missing);
                (f, String::new())
            }
        };
        let reference = self.reference();
        let draft = TimeDraft {
            date,
            duration,
            note: self.text(Field::Note).unwrap_or("").to_string(),
        };
        let checked = draft.validate(today.unwrap_or(LATEST));
        let entry = self.checked(checked, |key| match key {
            "date" => Some(Field::Worked),
            "time" => Some(field),
            "note" => Some(Field::Note),
            _ => None,
        })?;
        Some(ImportRecord::Time {
            client: client?,
            entry: crate::domain::NewTimeEntry {
                external_ref: reference,
                ..entry
            },
        })
    }

    fn recommendation(&mut self, today: Option<NaiveDate>) -> Option<ImportRecord> {
        let client = self.client();
        let made = self.date_text(Field::Made, true);
        if self.text(Field::Title).is_none() {
            self.push(Field::Title, RowProblem::Missing);
        }
        let security = self.yes_no(Field::Security);
        let status = self.cell(Field::Status, |t| {
            rec_status(t).ok_or_else(|| CellProblem::UnknownValue {
                expected: RecStatus::ALL.iter().map(|s| s.as_str()).collect(),
            })
        });
        let decided = self.date_text(Field::Decided, false);
        let reference = self.reference();
        let draft = RecommendationDraft {
            made,
            title: self.text(Field::Title).unwrap_or("").to_string(),
            security,
            status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
            decided,
            reference: String::new(),
        };
        let checked = draft.validate(today.unwrap_or(LATEST));
        let recommendation = self.checked(checked, |key| match key {
            "made" => Some(Field::Made),
            "title" => Some(Field::Title),
            "status" => Some(Field::Status),
            "decided" => Some(Field::Decided),
            _ => None,
        })?;
        Some(ImportRecord::Recommendation {
            client: client?,
            recommendation: crate::domain::NewRecommendation {
                external_ref: reference,
                ..recommendation
            },
        })
    }

    fn client_row(&mut self) -> Option<ImportRecord> {
        let person = [self.text(Field::FirstName), self.text(Field::LastName)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let name_field = if self.column(Field::Name).is_some() {
            Field::Name
        } else {
            Field::FirstName
        };
        let name = match self.text(Field::Name) {
            Some(n) => n.to_string(),
            None if !person.is_empty() => person.clone(),
            None => {
                self.push(name_field, RowProblem::Missing);
                String::new()
            }
        };
        let contact_field = if self.text(Field::Contact).is_some() {
            Field::Contact
        } else {
            Field::FirstName
        };
        let contact = self.text(Field::Contact).map_or(person, str::to_string);
        let mrr = self.cell(Field::Mrr, |t| match parse_money(t)? {
            // Not a credit note (that is an invoice's): a wrong number, as the form says.
            c if c < 0 => Err(CellProblem::Invalid(Problem::Negative)),
            c => Ok(Cents(c).plain()),
        });
        let contract_start = self.date(Field::ContractStart).map(iso).unwrap_or_default();
        let contract_end = self.date(Field::ContractEnd).map(iso).unwrap_or_default();
        let prepaid = self.yes_no(Field::Prepaid);
        let status = self
            .text(Field::Status)
            .map(client_status)
            .unwrap_or_default();
        let text = |f: Field, default: &str| self.text(f).unwrap_or(default).to_string();
        let draft = ClientDraft {
            name,
            contact_name: contact,
            email: text(Field::Email, ""),
            phone: text(Field::Phone, ""),
            mrr: mrr.unwrap_or_else(|| "0".into()),
            seats: text(Field::Seats, "1"),
            contract_start,
            contract_end,
            notice_days: text(Field::NoticeDays, ""),
            prepaid,
            payment_terms_days: text(Field::PaymentTermsDays, &DEFAULT_TERMS_DAYS.to_string()),
            segment: text(Field::Segment, ""),
            status,
            notes: text(Field::Notes, ""),
        };
        let fields = self.checked(draft.validate(), |key| match key {
            "name" => Some(name_field),
            "contact" => Some(contact_field),
            "email" => Some(Field::Email),
            "phone" => Some(Field::Phone),
            "MRR" => Some(Field::Mrr),
            "seats" => Some(Field::Seats),
            "contract start" => Some(Field::ContractStart),
            "contract end" => Some(Field::ContractEnd),
            "notice days" => Some(Field::NoticeDays),
            "payment terms" => Some(Field::PaymentTermsDays),
            "segment" => Some(Field::Segment),
            "status" => Some(Field::Status),
            "notes" => Some(Field::Notes),
            _ => None,
        })?;
        Some(ImportRecord::Client(fields))
    }
}

/// A subject on one line (its line breaks and tabs become spaces), cut short with an
/// ellipsis past [`TITLE_MAX`] characters.
fn one_line(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= TITLE_MAX {
        return s;
    }
    let mut cut: String = s.chars().take(TITLE_MAX - 1).collect();
    cut.push('…');
    cut
}

/// A duration cell as the time draft takes it: `h:mm` as it is, a decimal number (either
/// mark, any number of decimals) of `unit` minutes as whole minutes, anything else as it is
/// (for the draft to refuse in its own words).
fn decimal_minutes(text: &str, unit: u64) -> String {
    if text.contains(':') {
        return text.to_string();
    }
    let (whole, frac) = text.split_once(['.', ',']).unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || whole.len() > 6 || frac.len() > 6 {
        return if unit == 60 && digits(whole) && !whole.is_empty() && frac.is_empty() {
            format!("{whole}h")
        } else {
            text.to_string()
        };
    }
    let (Ok(w), Ok(f)) = (whole.parse::<u64>(), format!("{frac:0<6}").parse::<u64>()) else {
        return text.to_string();
    };
    // Rounded to the nearest minute.
    let minutes = w * unit + (f * unit + 500_000) / 1_000_000;
    minutes.to_string()
}

/// A recommendation's status in the words PSAs and spreadsheets use.
fn rec_status(text: &str) -> Option<RecStatus> {
    match normalize(text).as_str() {
        "open" | "new" | "proposed" | "pending" | "not started" | "in progress" | "waiting" => {
            Some(RecStatus::Open)
        }
        "implemented" | "done" | "completed" | "complete" | "accepted" | "approved" | "closed" => {
            Some(RecStatus::Implemented)
        }
        "ignored" | "declined" | "rejected" | "refused" | "not implemented" | "cancelled"
        | "canceled" => Some(RecStatus::Ignored),
        _ => None,
    }
}

/// A client's status as PSAs write it, as the client draft takes it (an unknown one as it
/// is, for the draft to refuse naming the choices).
fn client_status(text: &str) -> String {
    match normalize(text).as_str() {
        "active" | "customer" | "active customer" | "current" | "client" => "active".into(),
        "prospect" | "lead" | "potential" | "opportunity" => "prospect".into(),
        "former" | "inactive" | "former customer" | "churned" | "lost" | "ex-client"
        | "cancelled" | "canceled" => "former".into(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_minutes_as_exports_write_them() {
        assert_eq!(decimal_minutes("1.5", 60), "90");
        assert_eq!(decimal_minutes("1,5", 60), "90");
        assert_eq!(decimal_minutes("2", 60), "120");
        assert_eq!(decimal_minutes("0.3333", 60), "20");
        assert_eq!(decimal_minutes("1:30", 60), "1:30");
        assert_eq!(decimal_minutes("90", 1), "90");
        assert_eq!(decimal_minutes("90.4", 1), "90");
        // Left for the draft to refuse in its own words.
        assert_eq!(decimal_minutes("-1", 60), "-1");
        assert_eq!(decimal_minutes("soon", 60), "soon");
    }

    #[test]
    fn statuses_in_the_words_psas_use() {
        assert_eq!(rec_status("Declined"), Some(RecStatus::Ignored));
        assert_eq!(rec_status(" done "), Some(RecStatus::Implemented));
        assert_eq!(rec_status("maybe"), None);
        assert_eq!(client_status("Inactive"), "former");
        assert_eq!(client_status("Lead"), "prospect");
        assert_eq!(client_status("Paused"), "Paused");
    }

    #[test]
    fn a_subject_fits_on_one_line_and_in_200_characters() {
        assert_eq!(one_line("Printer\r\noffline\tnow"), "Printer offline now");
        let long = one_line(&"x".repeat(300));
        assert_eq!(long.chars().count(), TITLE_MAX);
        assert!(long.ends_with('…'));
    }
}
