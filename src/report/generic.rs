//! The evidence as the generic import format writes it, so that `export --format csv` and
//! `import` round-trip: one file per kind, its headers exactly the kind's field names (the
//! alias-only fields left out), dates ISO, money as plain decimals (`1234.50`), yes/no as
//! `yes` and `no`, and every row's reference (its own `rapport:t12` when it had none).

use crate::domain::date::iso;
use crate::domain::import::{Field, ImportKind, ImportRecord};

/// Fields that only feed another (a first and last name make the contact, hours are
/// minutes, a paid flag stands in for a payment date, a category for the kind): never
/// written, as the fields they feed are.
const ALIAS_ONLY: [Field; 5] = [
    Field::FirstName,
    Field::LastName,
    Field::Hours,
    Field::PaidFlag,
    Field::Category,
];

/// The columns of a kind's file, in the generic format's order.
pub fn columns(kind: ImportKind) -> Vec<Field> {
    kind.fields()
        .iter()
        .copied()
        .filter(|f| !ALIAS_ONLY.contains(f))
        .collect()
}

/// The header row of a kind's file.
pub fn header(kind: ImportKind) -> Vec<&'static str> {
    columns(kind).into_iter().map(Field::name).collect()
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, ToString::to_string)
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(String::new, iso)
}

/// One record as a row of its kind's file, in the order of [`columns`].
pub fn row(kind: ImportKind, record: &ImportRecord) -> Vec<String> {
    columns(kind)
        .into_iter()
        .map(|f| value(record, f))
        .collect()
}

fn value(record: &ImportRecord, f: Field) -> String {
    use Field as F;
    match record {
        ImportRecord::Client(c) => match f {
            F::Name => c.name.clone(),
            F::Contact => opt(&c.contact_name),
            F::Email => opt(&c.email),
            F::Phone => opt(&c.phone),
            F::Mrr => c.mrr.plain(),
            F::Seats => c.seats.to_string(),
            F::ContractStart => opt_date(c.contract_start),
            F::ContractEnd => opt_date(c.contract_end),
            F::NoticeDays => opt(&c.notice_days),
            F::Prepaid => yes_no(c.prepaid),
            F::PaymentTermsDays => c.payment_terms_days.to_string(),
            F::Segment => opt(&c.segment),
            F::Status => c.status.as_str().into(),
            F::Notes => opt(&c.notes),
            _ => String::new(),
        },
        ImportRecord::Ticket { client, ticket: t } => match f {
            F::Client => client.clone(),
            F::Ref => opt(&t.external_ref),
            F::Subject => opt(&t.subject),
            F::Opened => iso(t.opened_on),
            F::Closed => opt_date(t.closed_on),
            F::Kind => t.kind.as_str().into(),
            F::Escalated => yes_no(t.escalated),
            F::Reopens => t.reopen_count.to_string(),
            // The PSA's status: rapport keeps what it means (escalated, reopened) instead.
            _ => String::new(),
        },
        ImportRecord::Invoice { client, invoice: i } => match f {
            F::Client => client.clone(),
            F::Number => opt(&i.number),
            F::Ref => opt(&i.external_ref),
            F::Issued => iso(i.issued_on),
            F::Due => iso(i.due_on),
            F::Paid => opt_date(i.paid_on),
            F::Amount => i.amount.plain(),
            F::Disputed => yes_no(i.disputed),
            _ => String::new(),
        },
        ImportRecord::Time { client, entry: w } => match f {
            F::Client => client.clone(),
            F::Ref => opt(&w.external_ref),
            F::Worked => iso(w.worked_on),
            F::Minutes => w.minutes.to_string(),
            F::Note => opt(&w.note),
            _ => String::new(),
        },
        ImportRecord::Recommendation {
            client,
            recommendation: r,
        } => match f {
            F::Client => client.clone(),
            F::Ref => opt(&r.external_ref),
            F::Made => iso(r.made_on),
            F::Title => r.title.clone(),
            F::Security => yes_no(r.security),
            F::Status => r.status.as_str().into(),
            F::Decided => opt_date(r.decided_on),
            _ => String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_the_import_fields_without_the_alias_only_ones() {
        assert_eq!(
            header(ImportKind::Clients),
            [
                "name",
                "contact",
                "email",
                "phone",
                "mrr",
                "seats",
                "contract_start",
                "contract_end",
                "notice_days",
                "prepaid",
                "payment_terms_days",
                "segment",
                "status",
                "notes"
            ]
        );
        assert_eq!(
            header(ImportKind::Tickets),
            [
                "client",
                "ref",
                "subject",
                "opened",
                "closed",
                "kind",
                "status",
                "escalated",
                "reopens"
            ]
        );
        assert_eq!(
            header(ImportKind::Invoices),
            [
                "client", "number", "ref", "issued", "due", "paid", "amount", "disputed"
            ]
        );
        assert_eq!(
            header(ImportKind::Time),
            ["client", "ref", "date", "minutes", "note"]
        );
        assert_eq!(
            header(ImportKind::Recommendations),
            [
                "client", "ref", "made", "title", "security", "status", "decided"
            ]
        );
    }

    #[test]
    fn values_are_iso_dates_plain_decimals_and_yes_no() {
        use crate::domain::{Cents, NewInvoice};
        let d = |s| crate::domain::date::from_iso(s).unwrap();
        let r = ImportRecord::Invoice {
            client: "Acme, BV".into(),
            invoice: NewInvoice {
                number: Some("INV-7".into()),
                issued_on: d("2026-05-01"),
                due_on: d("2026-05-31"),
                paid_on: None,
                amount: Cents(123_450),
                disputed: true,
                external_ref: Some("rapport:i7".into()),
            },
        };
        assert_eq!(
            row(ImportKind::Invoices, &r),
            [
                "Acme, BV",
                "INV-7",
                "rapport:i7",
                "2026-05-01",
                "2026-05-31",
                "",
                "1234.50",
                "yes"
            ]
        );
    }
}
