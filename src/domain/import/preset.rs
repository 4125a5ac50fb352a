//! The built-in presets for real exports (Autotask's ticket template, Syncro's customers
//! and invoices, ConnectWise and HaloPSA by header aliases, and the generic format), and the
//! user's own, saved in config under `[import.presets.NAME]`.
//!
//! # The generic format
//!
//! `generic-<kind>` reads (and `export --format csv` writes) one column per field, headed by
//! the field's [`Field::name`], in [`ImportKind::fields`] order; columns may come in any
//! order and any may be left out but the required ones. Dates are ISO (`2024-03-05`),
//! amounts plain (`1500.00`), yes/no columns `yes`/`no` (also `true`/`false`, `1`/`0`).
//!
//! - clients: `name`, `contact`, `first_name`, `last_name`, `email`, `phone`, `mrr`, `seats`,
//!   `contract_start`, `contract_end`, `notice_days`, `prepaid`, `payment_terms_days`,
//!   `segment`, `status` (active, prospect, former), `notes`; needs `name` (or `first_name`
//!   and `last_name`).
//! - tickets: `client`, `ref`, `subject`, `opened`, `closed`, `kind` (incident, request,
//!   admin), `category`, `status`, `escalated`, `reopens`; needs `client` and `opened`.
//! - invoices: `client`, `number`, `ref`, `issued`, `due`, `paid`, `paid_flag`, `amount`,
//!   `disputed`; needs `client`, `issued` and `amount`.
//! - time: `client`, `ref`, `date`, `minutes`, `hours`, `note`; needs `client`, `date` and
//!   `minutes` or `hours`.
//! - recommendations: `client`, `ref`, `made`, `title`, `security`, `status` (open,
//!   implemented, ignored), `decided`; needs `client`, `made` and `title`.

use super::field::{Field, ImportKind};
use super::mapping::{Mapping, ValueRules};
use super::value::DateFormat;
use crate::domain::TicketKind;

/// How to read one kind of export: which headers feed which field (any of several
/// aliases, matched case- and space-insensitively), how its dates are written, and what
/// its ticket types and statuses mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub name: String,
    pub kind: ImportKind,
    /// For each field, the headers that feed it, most specific first.
    pub columns: Vec<(Field, Vec<String>)>,
    pub date_format: Option<DateFormat>,
    pub values: ValueRules,
}

/// Ticket types (and issue types, categories) PSAs use, and the kind each means.
const INCIDENT: &[&str] = &[
    "incident",
    "problem",
    "alert",
    "break/fix",
    "break fix",
    "fault",
    "outage",
    "issue",
    "error",
    "monitoring alert",
];
const REQUEST: &[&str] = &[
    "request",
    "service request",
    "change request",
    "change",
    "question",
    "how to",
    "how-to",
    "project",
    "task",
    "quote",
];
/// What counts as admin work (guide: admin requests): accounts, licences, billing.
const ADMIN: &[&str] = &[
    "admin",
    "administrative",
    "administration",
    "billing",
    "invoice query",
    "account management",
    "licensing",
    "licence",
    "license",
    "licenses",
    "licences",
    "onboarding",
    "offboarding",
    "user admin",
    "user administration",
    "user management",
    "new user",
    "new starter",
    "leaver",
    "password reset",
    "access request",
];
const ESCALATED: &[&str] = &["escalated", "escalation", "escalated to management"];
const REOPENED: &[&str] = &["re-opened", "reopened", "re opened"];

fn psa_values(default: TicketKind) -> ValueRules {
    let kinds = INCIDENT
        .iter()
        .map(|v| (*v, TicketKind::Incident))
        .chain(REQUEST.iter().map(|v| (*v, TicketKind::Request)))
        .chain(ADMIN.iter().map(|v| (*v, TicketKind::Admin)))
        .map(|(v, k)| (v.to_string(), k))
        .collect();
    ValueRules {
        kinds,
        default_kind: Some(default),
        escalated: ESCALATED.iter().map(|s| s.to_string()).collect(),
        reopened: REOPENED.iter().map(|s| s.to_string()).collect(),
    }
}

fn generic_values() -> ValueRules {
    ValueRules {
        kinds: TicketKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), *k))
            .collect(),
        default_kind: None,
        escalated: vec!["escalated".into()],
        reopened: vec!["reopened".into()],
    }
}

fn preset(
    name: &str,
    kind: ImportKind,
    date_format: Option<DateFormat>,
    columns: &[(Field, &[&str])],
) -> Preset {
    Preset {
        name: name.to_string(),
        kind,
        columns: columns
            .iter()
            .map(|(f, aliases)| (*f, aliases.iter().map(|a| a.to_string()).collect()))
            .collect(),
        date_format,
        values: if kind == ImportKind::Tickets {
            psa_values(TicketKind::Request)
        } else {
            ValueRules::default()
        },
    }
}

impl Preset {
    /// The generic format of `kind` (see the module's documentation).
    pub fn generic(kind: ImportKind) -> Preset {
        Preset {
            name: format!("generic-{}", kind.name()),
            kind,
            columns: kind
                .fields()
                .iter()
                .map(|f| (*f, vec![f.name().to_string()]))
                .collect(),
            date_format: None,
            values: if kind == ImportKind::Tickets {
                generic_values()
            } else {
                ValueRules::default()
            },
        }
    }

    /// The built-in presets: `generic-<kind>` for each kind, `autotask-tickets`,
    /// `syncro-customers`, `syncro-invoices`, `connectwise-<kind>`, `halopsa-<kind>`.
    /// The specific ones come first, each kind's generic one last.
    pub fn builtin() -> Vec<Preset> {
        use DateFormat::*;
        use Field::*;
        use ImportKind as K;
        let mdy = Some(MonthDayYear);
        let dmy = Some(DayMonthYear);
        let mut all = vec![
            // Autotask's ticket import/export template; dates as the US template has them.
            preset(
                "autotask-tickets",
                K::Tickets,
                mdy,
                &[
                    (
                        Client,
                        &["[required] Company", "Company", "Account", "Company Name"],
                    ),
                    (
                        Ref,
                        &[
                            "Autotask Ticket Number (updates only)",
                            "Ticket Number",
                            "External (Legacy) Ticket ID",
                        ],
                    ),
                    (Subject, &["[required] Title", "Title"]),
                    (Opened, &["Create Date/Time", "Created", "Create Date"]),
                    (
                        Closed,
                        &["Complete Date/Time", "Completed", "Complete Date"],
                    ),
                    (Kind, &["[required] Ticket Type", "Ticket Type"]),
                    (Category, &["Issue Type", "Sub-Issue Type"]),
                    (Status, &["[required] Status", "Status"]),
                ],
            ),
            // Syncro's customer CSV: a business name, else the person's.
            preset(
                "syncro-customers",
                K::Clients,
                mdy,
                &[
                    (Name, &["business_name", "Business Name", "Company"]),
                    (FirstName, &["firstname", "first name"]),
                    (LastName, &["lastname", "last name"]),
                    (Email, &["email"]),
                    (Phone, &["phone", "mobile"]),
                    (Notes, &["notes"]),
                ],
            ),
            // Syncro's invoice export: a paid flag, and a payment date only in some exports.
            preset(
                "syncro-invoices",
                K::Invoices,
                mdy,
                &[
                    (
                        Client,
                        &[
                            "customer_business_then_name",
                            "Customer",
                            "customer_name",
                            "Customer Name",
                            "business_name",
                        ],
                    ),
                    (
                        Number,
                        &["number", "Invoice #", "invoice_number", "Invoice Number"],
                    ),
                    (Ref, &["id", "Invoice ID"]),
                    (Issued, &["date", "Invoice Date", "created_at"]),
                    (Due, &["due_date", "Due Date"]),
                    (Paid, &["paid_at", "Paid At", "Paid Date", "date_paid"]),
                    (PaidFlag, &["is_paid", "Is Paid", "Paid"]),
                    (Amount, &["total", "Invoice Total", "Amount"]),
                ],
            ),
            preset(
                "connectwise-tickets",
                K::Tickets,
                mdy,
                &[
                    (Client, &["Company", "Company Name"]),
                    (Ref, &["Ticket #", "Ticket Number", "Ticket ID", "ID"]),
                    (Subject, &["Summary Description", "Summary"]),
                    (
                        Opened,
                        &["Date Entered", "Entered", "Created Date", "Date Created"],
                    ),
                    (
                        Closed,
                        &[
                            "Closed Date",
                            "Date Closed",
                            "Date Resolved",
                            "Resolved Date",
                        ],
                    ),
                    (Kind, &["Type", "Ticket Type"]),
                    (Category, &["Subtype", "Sub Type", "Board"]),
                    (Status, &["Status"]),
                    (Escalated, &["Escalated"]),
                    (Reopens, &["Reopen Count", "Times Reopened"]),
                ],
            ),
            preset(
                "connectwise-time",
                K::Time,
                mdy,
                &[
                    (Client, &["Company", "Company Name"]),
                    (Ref, &["Time Entry ID", "Time ID", "Entry ID", "ID"]),
                    (Worked, &["Date Start", "Work Date", "Date Entered", "Date"]),
                    (
                        Hours,
                        &["Hours Actual", "Actual Hours", "Hours Worked", "Hours"],
                    ),
                    (Note, &["Notes", "Time Entry Notes", "Internal Notes"]),
                ],
            ),
            preset(
                "connectwise-invoices",
                K::Invoices,
                mdy,
                &[
                    (Client, &["Company", "Company Name", "Bill To Company"]),
                    (Number, &["Invoice #", "Invoice Number"]),
                    (Ref, &["Invoice ID", "ID"]),
                    (Issued, &["Invoice Date", "Date"]),
                    (Due, &["Due Date"]),
                    (Paid, &["Date Paid", "Paid Date", "Payment Date"]),
                    (PaidFlag, &["Paid", "Closed"]),
                    (
                        Amount,
                        &["Total", "Invoice Total", "Total Amount", "Amount"],
                    ),
                ],
            ),
            preset(
                "connectwise-clients",
                K::Clients,
                mdy,
                &[
                    (Name, &["Company Name", "Company"]),
                    (
                        Contact,
                        &[
                            "Primary Contact",
                            "Default Contact",
                            "Contact",
                            "Contact Name",
                        ],
                    ),
                    (Email, &["Primary Contact Email", "Email", "Contact Email"]),
                    (Phone, &["Phone", "Phone Number", "Main Phone"]),
                    (Segment, &["Market", "Company Type", "Type"]),
                    (Status, &["Status"]),
                    (Mrr, &["MRR", "Monthly Recurring Revenue"]),
                    (Seats, &["Seats", "Number of Employees", "Employees"]),
                ],
            ),
            // HaloPSA comes from the UK: day before month.
            preset(
                "halopsa-tickets",
                K::Tickets,
                dmy,
                &[
                    (Client, &["Client", "Client Name", "Customer"]),
                    (Ref, &["Ticket ID", "Request ID", "Ticket Number", "ID"]),
                    (Subject, &["Summary", "Subject"]),
                    (
                        Opened,
                        &["Date Logged", "Date Occurred", "Date Opened", "Logged Date"],
                    ),
                    (
                        Closed,
                        &[
                            "Date Closed",
                            "Closed Date",
                            "Date Resolved",
                            "Resolved Date",
                        ],
                    ),
                    (Kind, &["Ticket Type", "Request Type", "Type"]),
                    (Category, &["Category", "Category 1", "Issue Type"]),
                    (Status, &["Status"]),
                    (Escalated, &["Escalated", "Is Escalated"]),
                    (
                        Reopens,
                        &["Times Reopened", "Reopen Count", "Reopened Count"],
                    ),
                ],
            ),
            preset(
                "halopsa-time",
                K::Time,
                dmy,
                &[
                    (Client, &["Client", "Client Name", "Customer"]),
                    (Ref, &["Action ID", "Time Entry ID", "ID"]),
                    (
                        Worked,
                        &["Date", "Action Date", "Date Occurred", "Start Date"],
                    ),
                    (Hours, &["Time Taken", "Time Taken (Hours)", "Hours"]),
                    (Minutes, &["Time Taken (Minutes)", "Minutes"]),
                    (Note, &["Note", "Notes", "Action Note"]),
                ],
            ),
            preset(
                "halopsa-invoices",
                K::Invoices,
                dmy,
                &[
                    (Client, &["Client", "Client Name", "Customer"]),
                    (Number, &["Invoice Number", "Invoice No", "Invoice #"]),
                    (Ref, &["Invoice ID", "ID"]),
                    (Issued, &["Invoice Date", "Date"]),
                    (Due, &["Due Date"]),
                    (Paid, &["Date Paid", "Paid Date", "Payment Date"]),
                    (PaidFlag, &["Paid", "Is Paid"]),
                    (Amount, &["Total (inc Tax)", "Total", "Amount"]),
                ],
            ),
            preset(
                "halopsa-clients",
                K::Clients,
                dmy,
                &[
                    (Name, &["Client Name", "Name", "Client"]),
                    (Contact, &["Main Contact", "Primary Contact", "Contact"]),
                    (Email, &["Main Email", "Email"]),
                    (Phone, &["Main Phone", "Phone", "Phone Number"]),
                    (Segment, &["Client Type", "Type", "Top Level"]),
                    (Status, &["Status"]),
                ],
            ),
        ];
        all.extend(ImportKind::ALL.into_iter().map(Preset::generic));
        all
    }

    /// The built-in preset of this name.
    pub fn named(name: &str) -> Option<Preset> {
        let name = name.trim().to_lowercase();
        Self::builtin().into_iter().find(|p| p.name == name)
    }

    /// The preset to use for a file of `kind` with these headers when none is named: the
    /// built-in one whose required headers are all there, else the generic one. Where
    /// several fit, the one that reads the most columns (of equals, the generic one, else
    /// the first).
    pub fn detect(kind: ImportKind, headers: &[String]) -> Preset {
        let mut best: Option<(usize, Preset)> = None;
        // The generic one first: a specific one must read more of the file to be chosen
        // (a file headed `name,email` is in the generic format, whoever else reads it).
        let mut candidates: Vec<Preset> = vec![Preset::generic(kind)];
        candidates.extend(
            Self::builtin()
                .into_iter()
                .filter(|p| p.kind == kind && !p.name.starts_with("generic-")),
        );
        for p in candidates {
            let Ok(m) = Mapping::resolve(&p, headers, &[], None) else {
                continue;
            };
            let read = m.columns.iter().flatten().count();
            if best.as_ref().is_none_or(|(n, _)| read > *n) {
                best = Some((read, p));
            }
        }
        best.map_or_else(|| Preset::generic(kind), |(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(headers: &[&str]) -> Vec<String> {
        headers.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_builtin_has_a_unique_name_and_its_kinds_fields() {
        let all = Preset::builtin();
        for (i, p) in all.iter().enumerate() {
            assert!(all[..i].iter().all(|q| q.name != p.name), "{}", p.name);
            for (f, aliases) in &p.columns {
                assert!(p.kind.fields().contains(f), "{}: {f:?}", p.name);
                assert!(!aliases.is_empty());
            }
        }
        assert_eq!(
            Preset::named("Generic-Tickets").map(|p| p.kind),
            Some(ImportKind::Tickets)
        );
    }

    #[test]
    fn detection_picks_the_export_by_its_headers() {
        let autotask = h(&[
            "[required] Title",
            "[required] Company",
            "[required] Status",
            "[required] Ticket Type",
            "Issue Type",
            "Create Date/Time",
            "Complete Date/Time",
        ]);
        assert_eq!(
            Preset::detect(ImportKind::Tickets, &autotask).name,
            "autotask-tickets"
        );
        let cw = h(&[
            "Ticket #",
            "Company",
            "Summary Description",
            "Date Entered",
            "Closed Date",
            "Status",
            "Type",
            "Board",
        ]);
        assert_eq!(
            Preset::detect(ImportKind::Tickets, &cw).name,
            "connectwise-tickets"
        );
        let halo = h(&[
            "Ticket ID",
            "Client Name",
            "Summary",
            "Date Logged",
            "Date Closed",
            "Ticket Type",
            "Status",
            "Times Reopened",
        ]);
        assert_eq!(
            Preset::detect(ImportKind::Tickets, &halo).name,
            "halopsa-tickets"
        );
        let generic = h(&["client", "ref", "subject", "opened", "closed", "kind"]);
        assert_eq!(
            Preset::detect(ImportKind::Tickets, &generic).name,
            "generic-tickets"
        );
        let syncro = h(&[
            "id",
            "business_name",
            "firstname",
            "lastname",
            "email",
            "phone",
            "mobile",
            "address",
            "city",
            "state",
            "zip",
        ]);
        assert_eq!(
            Preset::detect(ImportKind::Clients, &syncro).name,
            "syncro-customers"
        );
        let syncro = h(&[
            "number",
            "customer_business_then_name",
            "date",
            "due_date",
            "total",
            "is_paid",
        ]);
        assert_eq!(
            Preset::detect(ImportKind::Invoices, &syncro).name,
            "syncro-invoices"
        );
        let minimal = h(&["name", "email"]);
        assert_eq!(
            Preset::detect(ImportKind::Clients, &minimal).name,
            "generic-clients"
        );
        // Nothing fits: the generic format, whose mapping then says what is missing.
        assert_eq!(
            Preset::detect(ImportKind::Time, &h(&["what"])).name,
            "generic-time"
        );
    }
}
