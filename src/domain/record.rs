//! Correcting the record: every logged event has an id a person can type (`t12` is ticket
//! 12), can be read back whole, edited through the same drafts (and so the same checks) as
//! a new entry, or voided with a reason. A voided event stays in the file and in the
//! timeline, struck through, but counts in no score and no Pareto measure.

use std::fmt;

use chrono::NaiveDate;

use super::client::ClientId;
use super::date::iso;
use super::error::{FieldError, Problem, ValidationError};
use super::evidence::{
    EventKind, IncidentDraft, IncidentKind, Invoice, InvoiceDraft, NewIncident, NewInvoice,
    NewRecommendation, NewTicket, NewTimeEntry, Recommendation, RecommendationDraft, Ticket,
    TicketDraft, TimeDraft,
};
use super::text::required_text;
use crate::t;

/// Which row an event comes from: its table and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventRef {
    Ticket(i64),
    Invoice(i64),
    Time(i64),
    Recommendation(i64),
    Incident(i64),
}

/// The kinds of event, as `events list --kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTable {
    Ticket,
    Invoice,
    Time,
    Recommendation,
    Incident,
}

impl EventTable {
    pub const ALL: [EventTable; 5] = [
        EventTable::Ticket,
        EventTable::Invoice,
        EventTable::Time,
        EventTable::Recommendation,
        EventTable::Incident,
    ];

    /// The letter its ids start with, and its name.
    fn parts(self) -> (char, &'static str) {
        match self {
            EventTable::Ticket => ('t', "ticket"),
            EventTable::Invoice => ('i', "invoice"),
            EventTable::Time => ('w', "time"),
            EventTable::Recommendation => ('r', "recommendation"),
            EventTable::Incident => ('x', "incident"),
        }
    }

    pub fn name(self) -> &'static str {
        self.parts().1
    }

    /// What one row is called in a sentence: "time entry" where the kind is "time".
    pub fn noun(self) -> &'static str {
        match self {
            EventTable::Time => "time entry",
            other => other.name(),
        }
    }

    /// [`Self::noun`] with its article: "a ticket", "an invoice".
    pub fn a_noun(self) -> String {
        let noun = self.noun();
        let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {noun}")
    }

    pub fn parse(field: &'static str, s: &str) -> Result<EventTable, FieldError> {
        let t = s.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.name() == t || (t.len() == 1 && t.starts_with(k.parts().0)))
            .ok_or_else(|| {
                FieldError::of(
                    field,
                    Problem::NotAnEventKind {
                        text: s.trim().into(),
                    },
                )
            })
    }
}

impl EventRef {
    pub fn table(self) -> EventTable {
        match self {
            EventRef::Ticket(_) => EventTable::Ticket,
            EventRef::Invoice(_) => EventTable::Invoice,
            EventRef::Time(_) => EventTable::Time,
            EventRef::Recommendation(_) => EventTable::Recommendation,
            EventRef::Incident(_) => EventTable::Incident,
        }
    }

    /// The row id within its table.
    pub fn row(self) -> i64 {
        match self {
            EventRef::Ticket(id)
            | EventRef::Invoice(id)
            | EventRef::Time(id)
            | EventRef::Recommendation(id)
            | EventRef::Incident(id) => id,
        }
    }

    pub fn of(table: EventTable, row: i64) -> EventRef {
        match table {
            EventTable::Ticket => EventRef::Ticket(row),
            EventTable::Invoice => EventRef::Invoice(row),
            EventTable::Time => EventRef::Time(row),
            EventTable::Recommendation => EventRef::Recommendation(row),
            EventTable::Incident => EventRef::Incident(row),
        }
    }

    /// Parses an id as `events list` shows it: a letter and a number, `t12`.
    pub fn parse(field: &'static str, s: &str) -> Result<EventRef, FieldError> {
        let t = s.trim();
        let bad = || FieldError::of(field, Problem::NotAnEventId { text: t.into() });
        let mut chars = t.chars();
        let letter = chars.next().ok_or_else(bad)?.to_ascii_lowercase();
        let table = EventTable::ALL
            .into_iter()
            .find(|k| k.parts().0 == letter)
            .ok_or_else(bad)?;
        let row: i64 = chars.as_str().parse().map_err(|_| bad())?;
        if row <= 0 {
            return Err(bad());
        }
        Ok(EventRef::of(table, row))
    }
}

impl fmt::Display for EventRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.table().parts().0, self.row())
    }
}

impl crate::domain::Undo {
    /// The event the undo takes back (or takes a change of back).
    pub fn event(&self) -> EventRef {
        use crate::domain::Undo;
        match *self {
            Undo::DeleteTicket(id) | Undo::Unreopen(id) | Undo::Unescalate(id) => {
                EventRef::Ticket(id)
            }
            Undo::DeleteInvoice(id) | Undo::Unpay(id) => EventRef::Invoice(id),
            Undo::DeleteTime(id) => EventRef::Time(id),
            Undo::DeleteRecommendation(id) | Undo::Undecide(id) => EventRef::Recommendation(id),
            Undo::DeleteIncident(id) => EventRef::Incident(id),
        }
    }
}

/// A time entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeEntry {
    pub id: i64,
    pub client_id: ClientId,
    pub worked_on: NaiveDate,
    pub minutes: u32,
    pub note: Option<String>,
}

/// An incident as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub id: i64,
    pub client_id: ClientId,
    pub occurred_on: NaiveDate,
    pub kind: IncidentKind,
    pub note: Option<String>,
}

/// One event's row, whole: what an edit starts from and is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventRecord {
    Ticket(Ticket),
    Invoice(Invoice),
    Time(TimeEntry),
    Recommendation(Recommendation),
    Incident(Incident),
}

/// An event with its void, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub record: EventRecord,
    /// Why it was voided, if it was.
    pub voided: Option<String>,
}

impl EventRecord {
    pub fn id(&self) -> EventRef {
        match self {
            EventRecord::Ticket(t) => EventRef::Ticket(t.id),
            EventRecord::Invoice(i) => EventRef::Invoice(i.id),
            EventRecord::Time(t) => EventRef::Time(t.id),
            EventRecord::Recommendation(r) => EventRef::Recommendation(r.id),
            EventRecord::Incident(i) => EventRef::Incident(i.id),
        }
    }

    pub fn client(&self) -> ClientId {
        match self {
            EventRecord::Ticket(t) => t.client_id,
            EventRecord::Invoice(i) => i.client_id,
            EventRecord::Time(t) => t.client_id,
            EventRecord::Recommendation(r) => r.client_id,
            EventRecord::Incident(i) => i.client_id,
        }
    }

    /// The event as typed input: what an edit form or `events edit` starts from.
    pub fn draft(&self) -> EventDraft {
        let opt_date = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        match self {
            EventRecord::Ticket(t) => EventDraft::Ticket(TicketDraft {
                opened: iso(t.opened_on),
                closed: opt_date(t.closed_on),
                kind: t.kind.as_str().into(),
                escalated: t.escalated,
                reopens: t.reopen_count.to_string(),
                reference: opt(&t.external_ref),
                subject: opt(&t.subject),
            }),
            EventRecord::Invoice(i) => EventDraft::Invoice(InvoiceDraft {
                number: i.number.clone(),
                amount: i.amount.plain(),
                issued: iso(i.issued_on),
                due: iso(i.due_on),
                paid: opt_date(i.paid_on),
                disputed: i.disputed,
                reference: opt(&i.external_ref),
            }),
            EventRecord::Time(t) => EventDraft::Time(TimeDraft {
                date: iso(t.worked_on),
                duration: t.minutes.to_string(),
                note: opt(&t.note),
            }),
            EventRecord::Recommendation(r) => EventDraft::Recommendation(RecommendationDraft {
                made: iso(r.made_on),
                title: r.title.clone(),
                security: r.security,
                status: r.status.as_str().into(),
                decided: opt_date(r.decided_on),
                reference: String::new(),
            }),
            EventRecord::Incident(i) => EventDraft::Incident(IncidentDraft {
                date: iso(i.occurred_on),
                kind: i.kind.as_str().into(),
                note: opt(&i.note),
            }),
        }
    }

    /// A few words for messages, in the language in force: "ticket t12 of 2026-06-01".
    pub fn describe(&self) -> String {
        let id = self.id();
        match self {
            EventRecord::Ticket(t) => t!("forms.event.ticket", id = id, date = iso(t.opened_on)),
            EventRecord::Invoice(i) => t!("forms.event.invoice", id = id, date = iso(i.issued_on)),
            EventRecord::Time(t) => t!("forms.event.time", id = id, date = iso(t.worked_on)),
            EventRecord::Recommendation(r) => {
                t!("forms.event.recommendation", id = id, date = iso(r.made_on))
            }
            EventRecord::Incident(i) => {
                t!("forms.event.incident", id = id, date = iso(i.occurred_on))
            }
        }
    }
}

/// An event as typed input, of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventDraft {
    Ticket(TicketDraft),
    Invoice(InvoiceDraft),
    Time(TimeDraft),
    Recommendation(RecommendationDraft),
    Incident(IncidentDraft),
}

/// An event's new values, checked: what the store writes over its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventUpdate {
    Ticket(NewTicket),
    Invoice(NewInvoice),
    Time(NewTimeEntry),
    Recommendation(NewRecommendation),
    Incident(NewIncident),
}

impl From<&EventRecord> for EventUpdate {
    /// An event's values as they are: what an undo writes back, unchecked (they were
    /// checked when written).
    fn from(r: &EventRecord) -> Self {
        match r {
            EventRecord::Ticket(t) => EventUpdate::Ticket(NewTicket {
                opened_on: t.opened_on,
                closed_on: t.closed_on,
                kind: t.kind,
                escalated: t.escalated,
                reopen_count: t.reopen_count,
                external_ref: t.external_ref.clone(),
                subject: t.subject.clone(),
            }),
            EventRecord::Invoice(i) => EventUpdate::Invoice(NewInvoice {
                number: Some(i.number.clone()),
                issued_on: i.issued_on,
                due_on: i.due_on,
                paid_on: i.paid_on,
                amount: i.amount,
                disputed: i.disputed,
                external_ref: i.external_ref.clone(),
            }),
            EventRecord::Time(t) => EventUpdate::Time(NewTimeEntry {
                worked_on: t.worked_on,
                minutes: t.minutes,
                note: t.note.clone(),
                external_ref: None,
            }),
            EventRecord::Recommendation(r) => EventUpdate::Recommendation(NewRecommendation {
                made_on: r.made_on,
                title: r.title.clone(),
                security: r.security,
                status: r.status,
                decided_on: r.decided_on,
                external_ref: None,
            }),
            EventRecord::Incident(i) => EventUpdate::Incident(NewIncident {
                occurred_on: i.occurred_on,
                kind: i.kind,
                note: i.note.clone(),
            }),
        }
    }
}

impl EventDraft {
    /// Checks the draft with the rules of a new entry of its kind; an invoice keeps a
    /// number (it cannot lose it to "the next free one").
    pub fn validate(
        &self,
        terms_days: u32,
        today: NaiveDate,
    ) -> Result<EventUpdate, ValidationError> {
        Ok(match self {
            EventDraft::Ticket(d) => EventUpdate::Ticket(d.validate(today)?),
            EventDraft::Invoice(d) => {
                let inv = d.validate(terms_days, today)?;
                if inv.number.is_none() {
                    return Err(ValidationError::of("number", Problem::InvoiceKeepsNumber));
                }
                EventUpdate::Invoice(inv)
            }
            EventDraft::Time(d) => EventUpdate::Time(d.validate(today)?),
            EventDraft::Recommendation(d) => EventUpdate::Recommendation(d.validate(today)?),
            EventDraft::Incident(d) => EventUpdate::Incident(d.validate(today)?),
        })
    }
}

/// An event in words, as the timeline and `events list` show it: a short label and a text.
pub fn summary(what: &EventKind, currency: &str) -> (&'static str, String) {
    match what {
        EventKind::TicketOpened {
            kind,
            escalated,
            reopens,
            subject,
        } => {
            let mut s = kind.to_string();
            if let Some(subject) = subject {
                s.push_str(&format!(" {subject}"));
            }
            if *reopens > 0 {
                s.push_str(&format!(", reopened {reopens}x"));
            }
            if *escalated {
                s.push_str(", escalated");
            }
            ("ticket", s)
        }
        EventKind::InvoiceIssued {
            number,
            amount,
            disputed,
        } => {
            let mut s = format!("{number} {}", amount.display(currency));
            if *disputed {
                s.push_str(", disputed");
            }
            ("invoice", s)
        }
        EventKind::InvoicePaid {
            number,
            amount,
            days_late,
        } => {
            let late = match days_late {
                1 => ", 1 day late".to_string(),
                n if *n > 1 => format!(", {n} days late"),
                _ => String::new(),
            };
            (
                "paid",
                format!("{number} {}{late}", amount.display(currency)),
            )
        }
        EventKind::Time { minutes, note } => {
            let mut s = format!("{}h{:02}", minutes / 60, minutes % 60);
            if let Some(n) = note {
                s.push_str(&format!(" {}", n.replace('\n', " ")));
            }
            ("time", s)
        }
        EventKind::RecommendationMade { title, security } => (
            "advised",
            if *security {
                format!("{title} (security)")
            } else {
                title.clone()
            },
        ),
        EventKind::RecommendationDecided { title, status } => {
            ("advice", format!("{status}: {title}"))
        }
        EventKind::Incident { kind, note } => {
            let mut s = kind.as_str().replace('_', " ");
            if let Some(n) = note {
                s.push_str(&format!(": {}", n.replace('\n', " ")));
            }
            ("INCIDENT", s)
        }
    }
}

/// The reason for a void: required, one line.
pub fn void_reason(input: &str) -> Result<String, FieldError> {
    required_text("reason", input, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_print_as_a_letter_and_a_number() {
        for (text, id) in [
            ("t12", EventRef::Ticket(12)),
            ("I3", EventRef::Invoice(3)),
            ("w5", EventRef::Time(5)),
            ("r2", EventRef::Recommendation(2)),
            (" x1 ", EventRef::Incident(1)),
        ] {
            assert_eq!(EventRef::parse("id", text), Ok(id));
            assert_eq!(id.to_string(), text.trim().to_lowercase());
        }
        for bad in ["12", "t", "tx", "q4", "t-1", "t0", ""] {
            let e = EventRef::parse("id", bad).unwrap_err();
            assert!(e.message.contains("ids look like t12"), "{bad}: {e}");
        }
        assert_eq!(EventTable::parse("kind", "Ticket"), Ok(EventTable::Ticket));
        assert_eq!(EventTable::parse("kind", "w"), Ok(EventTable::Time));
        assert!(EventTable::parse("kind", "payment").is_err());
    }

    #[test]
    fn kinds_read_in_a_sentence_with_their_article() {
        let named: Vec<String> = EventTable::ALL
            .into_iter()
            .map(EventTable::a_noun)
            .collect();
        assert_eq!(
            named,
            [
                "a ticket",
                "an invoice",
                "a time entry",
                "a recommendation",
                "an incident"
            ]
        );
    }
}
