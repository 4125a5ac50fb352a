//! Validation errors: each names the field and what is wrong with it. The field and the
//! problem are data ([`Field`], [`Problem`]); the words come from the catalog in the
//! language in force, so both faces say the same thing in English and in Dutch.

use std::fmt;

use super::lang::Lang;
pub use super::problem::Problem;
use crate::t_in;

/// A field a validation error can name, by the English name the checks and the forms use
/// as its key (`"contract end"`); [`Field::label`] is how it reads in the language in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Field(pub &'static str);

impl Field {
    /// The key the checks and the forms match on.
    pub fn key(self) -> &'static str {
        self.0
    }

    /// The field's name in the language in force.
    pub fn label(self) -> &'static str {
        self.label_in(crate::words::language())
    }

    /// The field's name in `lang`; a field the catalog does not know reads as its key.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match self.0 {
            "name" => t_in!(lang, "fields.name"),
            "contact" => t_in!(lang, "fields.contact"),
            "email" => t_in!(lang, "fields.email"),
            "phone" => t_in!(lang, "fields.phone"),
            "MRR" => t_in!(lang, "fields.mrr"),
            "seats" => t_in!(lang, "fields.seats"),
            "contract start" => t_in!(lang, "fields.contract_start"),
            "contract end" => t_in!(lang, "fields.contract_end"),
            "notice days" => t_in!(lang, "fields.notice_days"),
            "prepaid" => t_in!(lang, "fields.prepaid"),
            "payment terms" => t_in!(lang, "fields.payment_terms"),
            "segment" => t_in!(lang, "fields.segment"),
            "status" => t_in!(lang, "fields.status"),
            "notes" => t_in!(lang, "fields.notes"),
            "input" => t_in!(lang, "fields.input"),
            "opened" => t_in!(lang, "fields.opened"),
            "closed" => t_in!(lang, "fields.closed"),
            "kind" => t_in!(lang, "fields.kind"),
            "reopens" => t_in!(lang, "fields.reopens"),
            "reference" => t_in!(lang, "fields.reference"),
            "subject" => t_in!(lang, "fields.subject"),
            "number" => t_in!(lang, "fields.number"),
            "amount" => t_in!(lang, "fields.amount"),
            "issued" => t_in!(lang, "fields.issued"),
            "due" => t_in!(lang, "fields.due"),
            "paid" => t_in!(lang, "fields.paid"),
            "date" => t_in!(lang, "fields.date"),
            "time" => t_in!(lang, "fields.time"),
            "note" => t_in!(lang, "fields.note"),
            "made" => t_in!(lang, "fields.made"),
            "title" => t_in!(lang, "fields.title"),
            "decided" => t_in!(lang, "fields.decided"),
            "year" => t_in!(lang, "fields.year"),
            "staff" => t_in!(lang, "fields.staff"),
            "gut check list" => t_in!(lang, "fields.gut_check_list"),
            "reason" => t_in!(lang, "fields.reason"),
            "ticket" => t_in!(lang, "fields.ticket"),
            "invoice" => t_in!(lang, "fields.invoice"),
            "recommendation" => t_in!(lang, "fields.recommendation"),
            "event" => t_in!(lang, "fields.event"),
            "entry" => t_in!(lang, "fields.entry"),
            "client" => t_in!(lang, "fields.client"),
            "review on" => t_in!(lang, "fields.review_on"),
            "new MRR" => t_in!(lang, "fields.new_mrr"),
            "outcome" => t_in!(lang, "fields.outcome"),
            "file" => t_in!(lang, "fields.file"),
            "today" => t_in!(lang, "fields.today"),
            other => other,
        }
    }
}

impl From<&'static str> for Field {
    fn from(key: &'static str) -> Self {
        Field(key)
    }
}

impl PartialEq<&str> for Field {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for Field {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<Field> for &str {
    fn eq(&self, other: &Field) -> bool {
        *self == other.0
    }
}

/// One field that failed validation. `Display` reads as a sentence in the language in
/// force: "email must contain @", "e-mail: moet een @ bevatten".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
    /// The problem in words, in the language in force when the error was made: what a
    /// form shows next to the field.
    pub message: String,
}

impl FieldError {
    /// An error in words the caller wrote.
    pub fn new(field: impl Into<Field>, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            field: field.into(),
            problem: Problem::Text(message.clone()),
            message,
        }
    }

    /// An error the catalog words.
    pub fn of(field: impl Into<Field>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            message: problem.render(crate::words::language()),
            problem,
        }
    }

    /// The problem in words in `lang`, without the field's name.
    pub fn message_in(&self, lang: Lang) -> String {
        self.problem.render(lang)
    }

    /// The whole sentence in `lang`: "name is empty: it is required".
    pub fn line_in(&self, lang: Lang) -> String {
        t_in!(
            lang,
            "valid.line",
            field = self.field.label_in(lang),
            problem = self.message_in(lang)
        )
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line_in(crate::words::language()))
    }
}

/// Every field error found in one piece of input, so a form can show them all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationError(pub Vec<FieldError>);

impl ValidationError {
    /// One error in words the caller wrote.
    pub fn one(field: impl Into<Field>, message: impl Into<String>) -> Self {
        Self(vec![FieldError::new(field, message)])
    }

    /// One error the catalog words.
    pub fn of(field: impl Into<Field>, problem: Problem) -> Self {
        Self(vec![FieldError::of(field, problem)])
    }

    /// The message for one field, if that field failed.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl From<FieldError> for ValidationError {
    fn from(e: FieldError) -> Self {
        Self(vec![e])
    }
}

/// Collects field errors while a piece of input is checked field by field.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// Keeps the value, or records the error and returns `None`.
    pub fn take<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    pub fn finish(self) -> Result<(), ValidationError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationError(self.errors))
        }
    }
}

impl std::error::Error for FieldError {}
