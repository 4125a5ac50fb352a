//! Validation errors: each names the field and the rule it broke.

use std::fmt;

/// One field that failed validation. `Display` reads as a sentence: "email must contain @".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.message)
    }
}

/// Every field error found in one piece of input, so a form can show them all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationError(pub Vec<FieldError>);

impl ValidationError {
    pub fn one(field: &'static str, message: impl Into<String>) -> Self {
        Self(vec![FieldError::new(field, message)])
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
