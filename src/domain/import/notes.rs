//! What a mapping assumes where the file says less than rapport keeps, for both faces to
//! show with the mapping (the preview, `--dry-run`), so no assumption is silent.

use crate::domain::TicketKind;
use crate::domain::client::DEFAULT_TERMS_DAYS;

use super::field::{Field, ImportKind};
use super::mapping::Mapping;
use super::value::DateFormat;

/// One assumption of a mapping. Worded at the edge (`say::import::mapping_note`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingNote {
    /// How dates whose day and month could be swapped are read: by this format, or (None)
    /// reported as bad rows.
    Dates(Option<DateFormat>),
    /// A paid flag (this column) without a payment date counts as paid on the due date.
    PaidOnDue { column: String },
    /// No due date column: invoices are due this many days after issue.
    DueAfterTerms { days: u32 },
    /// No ticket type column (or a type the rules do not know): tickets count as this kind.
    DefaultKind {
        kind: TicketKind,
        column: Option<String>,
    },
    /// Status values that count as escalated or reopened (from this column).
    Statuses {
        column: String,
        escalated: Vec<String>,
        reopened: Vec<String>,
    },
    /// A row without a name is named after its person (first and last name).
    NameFromPerson,
}

impl Mapping {
    /// What this mapping assumes, in the order a reader would ask.
    pub fn notes(&self) -> Vec<MappingNote> {
        let header = |f: Field| self.column_of(f).map(|i| self.headers[i].clone());
        let mut notes = vec![MappingNote::Dates(
            self.date_format.filter(|f| *f != DateFormat::Iso),
        )];
        match self.kind {
            ImportKind::Invoices => {
                if let Some(column) = header(Field::PaidFlag) {
                    notes.push(MappingNote::PaidOnDue { column });
                }
                if header(Field::Due).is_none() {
                    notes.push(MappingNote::DueAfterTerms {
                        days: DEFAULT_TERMS_DAYS,
                    });
                }
            }
            ImportKind::Tickets => {
                let kind_column = header(Field::Kind);
                if kind_column.is_none() || self.values.default_kind.is_some() {
                    notes.push(MappingNote::DefaultKind {
                        kind: self.values.default_kind.unwrap_or(TicketKind::Request),
                        column: kind_column,
                    });
                }
                if let Some(column) = header(Field::Status)
                    && (!self.values.escalated.is_empty() || !self.values.reopened.is_empty())
                {
                    notes.push(MappingNote::Statuses {
                        column,
                        escalated: self.values.escalated.clone(),
                        reopened: self.values.reopened.clone(),
                    });
                }
            }
            ImportKind::Clients => {
                if header(Field::FirstName).is_some() || header(Field::LastName).is_some() {
                    notes.push(MappingNote::NameFromPerson);
                }
            }
            ImportKind::Time | ImportKind::Recommendations => {}
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::Preset;

    fn h(headers: &[&str]) -> Vec<String> {
        headers.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_syncro_invoice_file_says_what_it_assumes() {
        let p = Preset::named("syncro-invoices").unwrap();
        let m = Mapping::resolve(
            &p,
            &h(&[
                "number",
                "customer_business_then_name",
                "date",
                "total",
                "is_paid",
            ]),
            &[],
            None,
        )
        .unwrap();
        assert_eq!(
            m.notes(),
            [
                MappingNote::Dates(Some(DateFormat::MonthDayYear)),
                MappingNote::PaidOnDue {
                    column: "is_paid".into()
                },
                MappingNote::DueAfterTerms { days: 30 },
            ]
        );
    }

    #[test]
    fn a_ticket_file_says_its_default_kind_and_statuses() {
        let p = Preset::generic(ImportKind::Tickets);
        let m = Mapping::resolve(&p, &h(&["client", "opened", "status"]), &[], None).unwrap();
        let notes = m.notes();
        assert_eq!(notes[0], MappingNote::Dates(None));
        assert_eq!(
            notes[1],
            MappingNote::DefaultKind {
                kind: TicketKind::Request,
                column: None
            }
        );
        assert!(matches!(&notes[2], MappingNote::Statuses { column, .. } if column == "status"));
        let m = Mapping::resolve(&p, &h(&["client", "opened", "kind"]), &[], None).unwrap();
        assert_eq!(
            m.notes(),
            [MappingNote::Dates(None)],
            "generic kinds must be known ones"
        );
    }
}
