//! Clients: the contract facts the operator keeps about each one, and their validation.

use chrono::NaiveDate;
use serde::Serialize;

use super::date::{iso, parse_opt_date};
use super::error::{Checker, FieldError, Problem, ValidationError};
use super::money::Cents;
use super::text::{opt_note, opt_text, required_name};

/// Database id of a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClientId(pub i64);

pub const NAME_MAX: usize = 100;
pub const SHORT_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;
pub const NOTES_MAX: usize = 2000;
pub const SEATS_MAX: u32 = 100_000;
pub const DAYS_MAX: u32 = 3650;
pub const DEFAULT_TERMS_DAYS: u32 = 30;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident, $what:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the stored/typed form, naming `field` and the allowed values on failure.
            pub fn parse(field: &'static str, s: &str) -> Result<Self, FieldError> {
                let t = s.trim().to_ascii_lowercase().replace('-', "_");
                $(if t == $text { return Ok($name::$variant); })+
                Err(FieldError::of(
                    field,
                    $crate::domain::error::Problem::UnknownValue {
                        what: $what,
                        text: s.trim().to_string(),
                        allowed: Self::ALL.iter().map(|v| v.as_str()).collect(),
                    },
                ))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

text_enum!(
    /// Where a client stands with the MSP.
    ClientStatus, "status", {
        Active => "active",
        Prospect => "prospect",
        Former => "former",
    }
);

impl ClientStatus {
    /// Still a client (active) or about to be one (prospect): what the scorecards list and
    /// what a staff member names in this year's gut check. A former client is gone.
    pub fn is_current(self) -> bool {
        self != ClientStatus::Former
    }
}

/// A client as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Client {
    pub id: ClientId,
    #[serde(flatten)]
    pub fields: ClientFields,
    pub created_at: String,
    pub updated_at: String,
}

/// A client with the figures the clients list shows next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRow {
    pub client: Client,
    /// Tickets opened in the 90 days ending on (and including) `as_of`.
    pub tickets_90d: u32,
    /// The date of the client's latest event of any kind, up to `as_of`.
    pub last_activity: Option<NaiveDate>,
}

/// The facts of a client that the operator enters and edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientFields {
    pub name: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[serde(rename = "mrr_cents")]
    pub mrr: Cents,
    pub seats: u32,
    pub contract_start: Option<NaiveDate>,
    pub contract_end: Option<NaiveDate>,
    pub notice_days: Option<u32>,
    pub prepaid: bool,
    pub payment_terms_days: u32,
    pub segment: Option<String>,
    pub status: ClientStatus,
    pub notes: Option<String>,
}

/// One of the facts a client has, for saying which ones an edit changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientField {
    Name,
    Contact,
    Email,
    Phone,
    Mrr,
    Seats,
    ContractStart,
    ContractEnd,
    NoticeDays,
    Prepaid,
    PaymentTerms,
    Segment,
    Status,
    Notes,
}

impl ClientField {
    pub const ALL: [ClientField; 14] = [
        ClientField::Name,
        ClientField::Contact,
        ClientField::Email,
        ClientField::Phone,
        ClientField::Mrr,
        ClientField::Seats,
        ClientField::ContractStart,
        ClientField::ContractEnd,
        ClientField::NoticeDays,
        ClientField::Prepaid,
        ClientField::PaymentTerms,
        ClientField::Segment,
        ClientField::Status,
        ClientField::Notes,
    ];

    /// The field's name as validation messages use it ("MRR must not be negative").
    pub fn label(self) -> &'static str {
        match self {
            ClientField::Name => "name",
            ClientField::Contact => "contact",
            ClientField::Email => "email",
            ClientField::Phone => "phone",
            ClientField::Mrr => "MRR",
            ClientField::Seats => "seats",
            ClientField::ContractStart => "contract start",
            ClientField::ContractEnd => "contract end",
            ClientField::NoticeDays => "notice days",
            ClientField::Prepaid => "prepaid",
            ClientField::PaymentTerms => "payment terms",
            ClientField::Segment => "segment",
            ClientField::Status => "status",
            ClientField::Notes => "notes",
        }
    }
}

impl ClientFields {
    /// Days until the contract ends (negative once it has ended), for a client whose
    /// contract still runs: a former client's end date is history, not a countdown.
    pub fn contract_days_left(&self, today: NaiveDate) -> Option<i64> {
        if self.status == ClientStatus::Former {
            return None;
        }
        self.contract_end.map(|end| (end - today).num_days())
    }

    /// The last day to give notice, when it is `within` days from `today` or fewer (and not
    /// past). None for a former client: there is nothing left to give notice on.
    pub fn notice_due(&self, today: NaiveDate, within: i64) -> Option<NaiveDate> {
        if self.status == ClientStatus::Former {
            return None;
        }
        let last = self.contract_end? - chrono::Days::new(u64::from(self.notice_days?));
        (0..=within)
            .contains(&(last - today).num_days())
            .then_some(last)
    }

    /// The fields whose values differ between `self` and `other`, in form order.
    pub fn changed(&self, other: &ClientFields) -> Vec<ClientField> {
        ClientField::ALL
            .into_iter()
            .filter(|f| self.shown(*f) != other.shown(*f))
            .collect()
    }

    /// One field's value as typed in a form, for comparing and for messages.
    pub fn shown(&self, field: ClientField) -> String {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let date = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
        match field {
            ClientField::Name => self.name.clone(),
            ClientField::Contact => opt(&self.contact_name),
            ClientField::Email => opt(&self.email),
            ClientField::Phone => opt(&self.phone),
            ClientField::Mrr => self.mrr.plain(),
            ClientField::Seats => self.seats.to_string(),
            ClientField::ContractStart => date(self.contract_start),
            ClientField::ContractEnd => date(self.contract_end),
            ClientField::NoticeDays => self.notice_days.map(|d| d.to_string()).unwrap_or_default(),
            ClientField::Prepaid => if self.prepaid { "yes" } else { "no" }.into(),
            ClientField::PaymentTerms => self.payment_terms_days.to_string(),
            ClientField::Segment => opt(&self.segment),
            ClientField::Status => self.status.as_str().into(),
            ClientField::Notes => opt(&self.notes),
        }
    }

    /// Copies one field's value from `other`.
    pub fn take(&mut self, field: ClientField, other: &ClientFields) {
        match field {
            ClientField::Name => self.name = other.name.clone(),
            ClientField::Contact => self.contact_name = other.contact_name.clone(),
            ClientField::Email => self.email = other.email.clone(),
            ClientField::Phone => self.phone = other.phone.clone(),
            ClientField::Mrr => self.mrr = other.mrr,
            ClientField::Seats => self.seats = other.seats,
            ClientField::ContractStart => self.contract_start = other.contract_start,
            ClientField::ContractEnd => self.contract_end = other.contract_end,
            ClientField::NoticeDays => self.notice_days = other.notice_days,
            ClientField::Prepaid => self.prepaid = other.prepaid,
            ClientField::PaymentTerms => self.payment_terms_days = other.payment_terms_days,
            ClientField::Segment => self.segment = other.segment.clone(),
            ClientField::Status => self.status = other.status,
            ClientField::Notes => self.notes = other.notes.clone(),
        }
    }

    /// What changed from `before` to `self`, in words: "MRR 1500.00 -> 999.00, seats 3 ->
    /// 7, notes changed" (long or many-line values are only said to have changed).
    pub fn describe_changes_from(&self, before: &ClientFields) -> String {
        let parts: Vec<String> = before
            .changed(self)
            .into_iter()
            .map(|f| {
                let (old, new) = (before.shown(f), self.shown(f));
                let short = |v: &str| v.chars().count() <= 24 && !v.contains('\n');
                let value = |v: &str| {
                    if v.is_empty() {
                        "-".to_string()
                    } else {
                        v.to_string()
                    }
                };
                if short(&old) && short(&new) {
                    format!("{} {} -> {}", f.label(), value(&old), value(&new))
                } else {
                    format!("{} changed", f.label())
                }
            })
            .collect();
        parts.join(", ")
    }
}

/// Client input as typed (in a form or on the command line): every field a string, so that
/// both faces validate the same way and report the same messages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientDraft {
    pub name: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub mrr: String,
    pub seats: String,
    pub contract_start: String,
    pub contract_end: String,
    pub notice_days: String,
    pub prepaid: bool,
    pub payment_terms_days: String,
    pub segment: String,
    pub status: String,
    pub notes: String,
}

impl ClientDraft {
    /// A draft for a new client, with the defaults filled in.
    pub fn new_client() -> Self {
        Self {
            seats: "1".into(),
            mrr: "0".into(),
            payment_terms_days: DEFAULT_TERMS_DAYS.to_string(),
            status: ClientStatus::Active.as_str().into(),
            ..Self::default()
        }
    }

    /// Checks every field and returns the validated facts, or every problem found.
    pub fn validate(&self) -> Result<ClientFields, ValidationError> {
        let mut c = Checker::default();
        let name = c.take(required_name("name", &self.name, NAME_MAX));
        let contact_name = c.take(opt_text("contact", &self.contact_name, SHORT_MAX));
        let email = c.take(parse_email(&self.email));
        let phone = c.take(opt_text("phone", &self.phone, SHORT_MAX));
        let mrr = c.take(Cents::parse("MRR", &self.mrr));
        let seats = c.take(required_count("seats", &self.seats, SEATS_MAX));
        let contract_start = c.take(parse_opt_date("contract start", &self.contract_start));
        let contract_end = c.take(parse_opt_date("contract end", &self.contract_end));
        let notice_days = c.take(parse_count("notice days", &self.notice_days, DAYS_MAX));
        let payment_terms_days = c.take(required_count(
            "payment terms",
            &self.payment_terms_days,
            365,
        ));
        let segment = c.take(opt_text("segment", &self.segment, SHORT_MAX));
        let status = c.take(if self.status.trim().is_empty() {
            Ok(ClientStatus::Active)
        } else {
            ClientStatus::parse("status", &self.status)
        });
        let notes = c.take(opt_note("notes", &self.notes, NOTES_MAX));
        if let (Some(Some(start)), Some(Some(end))) = (contract_start, contract_end)
            && end < start
        {
            c.push(FieldError::of(
                "contract end",
                Problem::Before {
                    date: end,
                    other: "contract start".into(),
                    other_date: start,
                },
            ));
        }
        c.finish()?;
        // Every `take` above succeeded, so each value is present.
        match (
            name,
            contact_name,
            email,
            phone,
            mrr,
            seats,
            contract_start,
            contract_end,
            notice_days,
            payment_terms_days,
            segment,
            status,
            notes,
        ) {
            (
                Some(name),
                Some(contact_name),
                Some(email),
                Some(phone),
                Some(mrr),
                Some(seats),
                Some(contract_start),
                Some(contract_end),
                Some(notice_days),
                Some(payment_terms_days),
                Some(segment),
                Some(status),
                Some(notes),
            ) => Ok(ClientFields {
                name,
                contact_name,
                email,
                phone,
                mrr,
                seats,
                contract_start,
                contract_end,
                notice_days,
                prepaid: self.prepaid,
                payment_terms_days,
                segment,
                status,
                notes,
            }),
            _ => Err(ValidationError::of("input", Problem::Unreadable)),
        }
    }
}

impl From<&ClientFields> for ClientDraft {
    fn from(f: &ClientFields) -> Self {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let opt_date = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
        Self {
            name: f.name.clone(),
            contact_name: opt(&f.contact_name),
            email: opt(&f.email),
            phone: opt(&f.phone),
            mrr: f.mrr.plain(),
            seats: f.seats.to_string(),
            contract_start: opt_date(f.contract_start),
            contract_end: opt_date(f.contract_end),
            notice_days: f.notice_days.map(|d| d.to_string()).unwrap_or_default(),
            prepaid: f.prepaid,
            payment_terms_days: f.payment_terms_days.to_string(),
            segment: opt(&f.segment),
            status: f.status.as_str().to_string(),
            notes: opt(&f.notes),
        }
    }
}

fn parse_email(input: &str) -> Result<Option<String>, FieldError> {
    let Some(s) = opt_text("email", input, EMAIL_MAX)? else {
        return Ok(None);
    };
    match s.split_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !s.contains(char::is_whitespace) =>
        {
            Ok(Some(s))
        }
        _ => Err(FieldError::of("email", Problem::NotAnEmail { text: s })),
    }
}

/// Parses a whole number from 0 to `max` that must be given (0 is a value; empty is not,
/// so clearing a field never silently resets it).
pub fn required_count(field: &'static str, input: &str, max: u32) -> Result<u32, FieldError> {
    parse_count(field, input, max)?.ok_or_else(|| FieldError::of(field, Problem::CountEmpty))
}

/// Parses an optional whole number from 0 to `max`.
pub fn parse_count(field: &'static str, input: &str, max: u32) -> Result<Option<u32>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.starts_with('-') {
        return Err(FieldError::of(field, Problem::Negative));
    }
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::of(
            field,
            Problem::NotAWholeNumber { text: s.into() },
        ));
    }
    match s.parse::<u32>() {
        Ok(n) if n <= max => Ok(Some(n)),
        // Only digits, so it failed for being too large.
        _ => Err(FieldError::of(field, Problem::AtMost { max })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ClientDraft {
        ClientDraft {
            name: "Acme BV".into(),
            ..ClientDraft::new_client()
        }
    }

    #[test]
    fn a_minimal_client_gets_the_defaults() {
        let f = draft().validate().unwrap();
        assert_eq!(f.name, "Acme BV");
        assert_eq!(f.status, ClientStatus::Active);
        assert_eq!(f.payment_terms_days, 30);
        assert_eq!(f.seats, 1);
        assert_eq!(f.mrr, Cents::ZERO);
    }

    #[test]
    fn every_bad_field_is_named() {
        let d = ClientDraft {
            name: "  ".into(),
            email: "nobody.example.com".into(),
            mrr: "-1".into(),
            seats: "-3".into(),
            contract_start: "2026-05-01".into(),
            contract_end: "2026-04-30".into(),
            status: "gone".into(),
            notice_days: "ten".into(),
            ..ClientDraft::new_client()
        };
        let e = d.validate().unwrap_err();
        assert!(e.for_field("name").unwrap().contains("empty"));
        assert!(e.for_field("email").unwrap().contains("@"));
        assert_eq!(e.for_field("MRR"), Some("must not be negative"));
        assert_eq!(e.for_field("seats"), Some("must not be negative"));
        assert!(
            e.for_field("contract end")
                .unwrap()
                .contains("before contract start")
        );
        assert!(
            e.for_field("status")
                .unwrap()
                .contains("active, prospect, former")
        );
        assert!(e.for_field("notice days").unwrap().contains("whole number"));
    }

    #[test]
    fn over_long_names_are_refused() {
        let d = ClientDraft {
            name: "x".repeat(NAME_MAX + 1),
            ..draft()
        };
        assert!(
            d.validate()
                .unwrap_err()
                .for_field("name")
                .unwrap()
                .contains("at most")
        );
    }

    #[test]
    fn a_client_round_trips_through_a_draft() {
        let d = ClientDraft {
            email: "it@acme.example".into(),
            mrr: "1,500.50".into(),
            contract_start: "2025-01-01".into(),
            contract_end: "2027-12-31".into(),
            notice_days: "90".into(),
            prepaid: true,
            ..draft()
        };
        let f = d.validate().unwrap();
        assert_eq!(ClientDraft::from(&f).validate().unwrap(), f);
        assert_eq!(f.mrr, Cents(150_050));
    }
}
