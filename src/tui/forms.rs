//! The forms the TUI shows: a client's facts, and one per quick-log entry. Each builds its
//! fields and turns them back into the domain's drafts, so validation stays in the domain.

use chrono::NaiveDate;

use super::app::gut_check::StaffList;
use super::widgets::form::{Field, Form};
use crate::domain::ClientRow;
use crate::domain::date::{iso, parse_past_date};
use crate::domain::evidence::{
    IncidentDraft, InvoiceDraft, RecommendationDraft, TicketDraft, TimeDraft,
};
use crate::domain::evidence::{VOTES_MAX, check_votes, may_be_named};
use crate::domain::identity::name_order;
use crate::domain::record::EventRef;
use crate::domain::{
    Cents, ClientDraft, ClientId, ClientStatus, IncidentKind, Invoice, LogEntry, Recommendation,
    Ticket, TicketKind, ValidationError,
};

fn opts<T: Copy>(all: &[T], text: fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (text(*v).to_string(), text(*v).replace('_', " ")))
        .collect()
}

pub fn client_form(title: &str, d: &ClientDraft) -> Form {
    Form::new(
        title,
        vec![
            Field::text("name", "Name", &d.name).with_hint("required, unique"),
            Field::text("contact", "Contact", &d.contact_name),
            Field::text("email", "Email", &d.email),
            Field::text("phone", "Phone", &d.phone),
            Field::text("MRR", "MRR", &d.mrr).with_hint("monthly, e.g. 1,500.50"),
            Field::text("seats", "Seats", &d.seats).with_hint("users or devices"),
            Field::text("contract start", "Contract start", &d.contract_start)
                .with_hint("YYYY-MM-DD"),
            Field::text("contract end", "Contract end", &d.contract_end).with_hint("YYYY-MM-DD"),
            Field::text("notice days", "Notice (days)", &d.notice_days),
            Field::toggle("prepaid", "Prepaid", d.prepaid).with_hint("paid before the month"),
            Field::text("payment terms", "Terms (days)", &d.payment_terms_days),
            Field::text("segment", "Segment", &d.segment).with_hint("e.g. dental, legal"),
            Field::choice(
                "status",
                "Status",
                opts(ClientStatus::ALL, ClientStatus::as_str),
                &d.status,
            ),
            Field::long_text("notes", "Notes", &d.notes),
        ],
    )
}

pub fn client_draft(f: &Form) -> ClientDraft {
    ClientDraft {
        name: f.value("name").into(),
        contact_name: f.value("contact").into(),
        email: f.value("email").into(),
        phone: f.value("phone").into(),
        mrr: f.value("MRR").into(),
        seats: f.value("seats").into(),
        contract_start: f.value("contract start").into(),
        contract_end: f.value("contract end").into(),
        notice_days: f.value("notice days").into(),
        prepaid: f.is_on("prepaid"),
        payment_terms_days: f.value("payment terms").into(),
        segment: f.value("segment").into(),
        status: f.value("status").into(),
        notes: f.value("notes").into(),
    }
}

/// The quick log's entries, each on one key after `l`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Ticket,
    Reopen,
    Escalation,
    Admin,
    Invoice,
    Payment,
    Time,
    Recommendation,
    Incident,
}

impl LogKind {
    /// (key, kind, what the menu says)
    pub const MENU: &'static [(char, LogKind, &'static str)] = &[
        ('t', LogKind::Ticket, "ticket"),
        ('o', LogKind::Reopen, "reopen of a ticket"),
        ('e', LogKind::Escalation, "escalation to management"),
        ('a', LogKind::Admin, "admin request"),
        ('i', LogKind::Invoice, "invoice"),
        ('p', LogKind::Payment, "payment of an invoice"),
        ('w', LogKind::Time, "time worked"),
        (
            'r',
            LogKind::Recommendation,
            "recommendation made / implemented / ignored",
        ),
        ('x', LogKind::Incident, "incident (abuse, security, ...)"),
    ];

    pub fn from_key(c: char) -> Option<LogKind> {
        Self::MENU
            .iter()
            .find(|(k, _, _)| *k == c)
            .map(|(_, l, _)| *l)
    }
}

/// What some log forms offer to pick from, read from the store for the selected client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogChoices {
    /// Newest first.
    pub tickets: Vec<Ticket>,
    /// Oldest first.
    pub unpaid: Vec<Invoice>,
    /// Oldest first.
    pub open_recommendations: Vec<Recommendation>,
    pub mrr: Cents,
    pub terms_days: u32,
    /// For amounts in the status line.
    pub currency: String,
    /// Nothing logged may be dated after it.
    pub today: NaiveDate,
}

fn ticket_options(tickets: &[Ticket], skip_escalated: bool) -> Vec<(String, String)> {
    tickets
        .iter()
        .filter(|t| !skip_escalated || !t.escalated)
        .take(30)
        .map(|t| {
            let subject = t
                .subject
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            let reference = t
                .external_ref
                .as_deref()
                .map(|r| format!(" [{r}]"))
                .unwrap_or_default();
            let reopens = match t.reopen_count {
                0 => String::new(),
                1 => ", reopened once".into(),
                n => format!(", reopened {n}x"),
            };
            (
                t.id.to_string(),
                format!(
                    "{} {} {}{subject}{reference}{reopens}",
                    crate::domain::record::EventRef::Ticket(t.id),
                    iso(t.opened_on),
                    t.kind,
                ),
            )
        })
        .collect()
}

/// The form for one quick-log entry, or why there is nothing to log it against.
pub fn log_form(
    kind: LogKind,
    client: &str,
    today: NaiveDate,
    c: &LogChoices,
) -> Result<Form, String> {
    let today = iso(today);
    let kinds = opts(TicketKind::ALL, TicketKind::as_str);
    let form = match kind {
        LogKind::Ticket | LogKind::Admin => {
            let k = if kind == LogKind::Admin {
                "admin"
            } else {
                "incident"
            };
            let title = if kind == LogKind::Admin {
                "admin request"
            } else {
                "ticket"
            };
            Form::new(
                format!("Log {title}: {client}"),
                vec![
                    Field::choice("kind", "Kind", kinds, k),
                    Field::text("subject", "Subject", "").with_hint("optional, a few words"),
                    Field::text("opened", "Opened", &today).with_hint("YYYY-MM-DD"),
                    Field::text("closed", "Closed", "").with_hint("empty while open"),
                    Field::toggle("escalated", "Escalated", false).with_hint("went to management"),
                    Field::text("reference", "PSA reference", "").with_hint("optional"),
                ],
            )
        }
        LogKind::Reopen | LogKind::Escalation => {
            let escalation = kind == LogKind::Escalation;
            let options = ticket_options(&c.tickets, escalation);
            if options.is_empty() {
                return Err(format!(
                    "{client} has no ticket to {}: log a ticket first (l t)",
                    if escalation { "escalate" } else { "reopen" }
                ));
            }
            let first = options[0].0.clone();
            Form::new(
                format!(
                    "Log {}: {client}",
                    if escalation { "escalation" } else { "reopen" }
                ),
                vec![Field::choice("ticket", "Ticket", options, &first)],
            )
        }
        LogKind::Invoice => Form::new(
            format!("Log invoice: {client}"),
            vec![
                Field::text(
                    "amount",
                    "Amount",
                    if c.mrr.0 > 0 {
                        c.mrr.plain()
                    } else {
                        String::new()
                    },
                )
                .with_hint("e.g. 1,500.50"),
                Field::text("issued", "Issued", &today).with_hint("YYYY-MM-DD"),
                Field::text("due", "Due", "").with_hint(if c.terms_days == 0 {
                    "empty: on issue"
                } else {
                    "empty: after the terms"
                }),
                Field::text("paid", "Paid", "").with_hint("empty while unpaid"),
                Field::toggle("disputed", "Disputed", false),
                Field::text("number", "Number", "").with_hint("empty: next INV-nnnn"),
            ],
        ),
        LogKind::Payment => {
            if c.unpaid.is_empty() {
                return Err(format!(
                    "{client} has no unpaid invoice: log an invoice first (l i)"
                ));
            }
            let options: Vec<(String, String)> = c
                .unpaid
                .iter()
                .map(|i| {
                    (
                        i.id.to_string(),
                        format!("{} {} due {}", i.number, i.amount.plain(), iso(i.due_on)),
                    )
                })
                .collect();
            let first = options[0].0.clone();
            Form::new(
                format!("Log payment: {client}"),
                vec![
                    Field::choice("invoice", "Invoice", options, &first),
                    Field::text("date", "Paid on", &today).with_hint("YYYY-MM-DD"),
                ],
            )
        }
        LogKind::Time => Form::new(
            format!("Log time worked: {client}"),
            vec![
                Field::text("time", "Time", "").with_hint("90, 1.5h, 1h30"),
                Field::text("date", "Date", &today).with_hint("YYYY-MM-DD"),
                Field::long_text("note", "Note", ""),
            ],
        ),
        LogKind::Recommendation => {
            let mut recs = vec![("new".to_string(), "a new recommendation".to_string())];
            recs.extend(c.open_recommendations.iter().map(|r| {
                (
                    r.id.to_string(),
                    format!("{} ({})", r.title, iso(r.made_on)),
                )
            }));
            let statuses = vec![
                ("open".to_string(), "made".to_string()),
                ("implemented".to_string(), "implemented".to_string()),
                ("ignored".to_string(), "ignored".to_string()),
            ];
            Form::new(
                format!("Log recommendation: {client}"),
                vec![
                    Field::choice("status", "Status", statuses, "open"),
                    Field::choice("recommendation", "Which", recs, "new")
                        .with_hint("an open one, or new"),
                    Field::long_text("title", "Title", "").with_hint("for a new one"),
                    Field::toggle("security", "Security", false),
                    Field::text("date", "Date", &today).with_hint("made or decided"),
                ],
            )
        }
        LogKind::Incident => Form::new(
            format!("Log incident: {client}"),
            vec![
                Field::choice(
                    "kind",
                    "Kind",
                    opts(IncidentKind::ALL, IncidentKind::as_str),
                    "other",
                ),
                Field::text("date", "Date", &today).with_hint("YYYY-MM-DD"),
                Field::long_text("note", "Note", "").with_hint("what happened"),
            ],
        ),
    };
    Ok(form)
}

fn id_of(form: &Form, key: &'static str) -> Result<i64, ValidationError> {
    form.value(key)
        .parse()
        .map_err(|_| ValidationError::one(key, "has nothing chosen"))
}

/// Turns a filled-in log form into the entry to write, and a few words for the status line.
pub fn log_entry(
    kind: LogKind,
    form: &Form,
    c: &LogChoices,
) -> Result<(LogEntry, String), ValidationError> {
    Ok(match kind {
        LogKind::Ticket | LogKind::Admin => {
            let t = TicketDraft {
                opened: form.value("opened").into(),
                closed: form.value("closed").into(),
                kind: form.value("kind").into(),
                escalated: form.is_on("escalated"),
                reopens: String::new(),
                reference: form.value("reference").into(),
                subject: form.value("subject").into(),
            }
            .validate(c.today)?;
            let what = format!("{} ticket", t.kind);
            (LogEntry::Ticket(t), what)
        }
        LogKind::Reopen => {
            let id = id_of(form, "ticket")?;
            (
                LogEntry::Reopen { ticket_id: id },
                format!("reopen of ticket {}", EventRef::Ticket(id)),
            )
        }
        LogKind::Escalation => {
            let id = id_of(form, "ticket")?;
            (
                LogEntry::Escalate { ticket_id: id },
                format!("escalation of ticket {}", EventRef::Ticket(id)),
            )
        }
        LogKind::Invoice => {
            let inv = InvoiceDraft {
                number: form.value("number").into(),
                amount: form.value("amount").into(),
                issued: form.value("issued").into(),
                due: form.value("due").into(),
                paid: form.value("paid").into(),
                disputed: form.is_on("disputed"),
                reference: String::new(),
            }
            .validate(c.terms_days, c.today)?;
            let what = format!("invoice of {}", inv.amount.display(&c.currency));
            (LogEntry::Invoice(inv), what)
        }
        LogKind::Payment => {
            let id = id_of(form, "invoice")?;
            let paid_on = parse_past_date("date", form.value("date"), c.today)?;
            let number = c
                .unpaid
                .iter()
                .find(|i| i.id == id)
                .map_or_else(|| EventRef::Invoice(id).to_string(), |i| i.number.clone());
            (
                LogEntry::Payment {
                    invoice_id: id,
                    paid_on,
                },
                format!("payment of {number}"),
            )
        }
        LogKind::Time => {
            let t = TimeDraft {
                date: form.value("date").into(),
                duration: form.value("time").into(),
                note: form.value("note").into(),
            }
            .validate(c.today)?;
            let what = format!("{} min of work", t.minutes);
            (LogEntry::Time(t), what)
        }
        LogKind::Recommendation => {
            let status = form.value("status");
            let which = form.value("recommendation");
            if which == "new" {
                let r = RecommendationDraft {
                    made: form.value("date").into(),
                    title: form.value("title").into(),
                    security: form.is_on("security"),
                    status: status.into(),
                    decided: String::new(),
                    reference: String::new(),
                }
                .validate(c.today)?;
                let what = format!("recommendation '{}' ({})", r.title, r.status);
                (LogEntry::Recommendation(r), what)
            } else {
                let id = id_of(form, "recommendation")?;
                let status = crate::domain::RecStatus::parse("status", status)?;
                if status == crate::domain::RecStatus::Open {
                    return Err(ValidationError::one(
                        "status",
                        "is 'made' but an existing recommendation is chosen: pick implemented or ignored",
                    ));
                }
                let decided_on = parse_past_date("date", form.value("date"), c.today)?;
                (
                    LogEntry::Decide {
                        recommendation_id: id,
                        status,
                        decided_on,
                    },
                    format!("recommendation {status}"),
                )
            }
        }
        LogKind::Incident => {
            let i = IncidentDraft {
                date: form.value("date").into(),
                kind: form.value("kind").into(),
                note: form.value("note").into(),
            }
            .validate(c.today)?;
            let what = format!("{} incident", i.kind.as_str().replace('_', " "));
            (LogEntry::Incident(i), what)
        }
    })
}

/// The gut check form: a staff member and up to five clients, worst first.
pub fn vote_form(year: i32, list: Option<&StaffList>, rows: &[ClientRow]) -> Form {
    let mut options = vec![(String::new(), "—".to_string())];
    // The clients the store will take for this list (the domain's rule).
    let mut named: Vec<&ClientRow> = rows
        .iter()
        .filter(|r| {
            let f = &r.client.fields;
            let on_list = list.is_some_and(|l| l.clients.contains(&r.client.id));
            may_be_named(year, f.status, f.contract_end, on_list)
        })
        .collect();
    named.sort_by(|a, b| name_order(&a.client.fields.name, &b.client.fields.name));
    options.extend(
        named
            .iter()
            .map(|r| (r.client.id.0.to_string(), r.client.fields.name.clone())),
    );
    const PLACES: [(&str, &str); VOTES_MAX] = [
        ("1", "Worst"),
        ("2", "2nd worst"),
        ("3", "3rd worst"),
        ("4", "4th worst"),
        ("5", "5th worst"),
    ];
    let mut fields = vec![
        Field::text(
            "staff",
            "Staff member",
            list.map_or("", |l| l.staff.as_str()),
        )
        .with_hint("who names them"),
    ];
    for (i, (key, label)) in PLACES.iter().enumerate() {
        let current = list
            .and_then(|l| l.clients.get(i))
            .map_or(String::new(), |c| c.0.to_string());
        fields.push(
            Field::choice(key, label, options.clone(), &current).with_hint("←/→ or type a letter"),
        );
    }
    let title = match list {
        Some(l) => format!("Gut check {year}: {}", l.staff),
        None => format!("Gut check {year}: a staff member's five worst clients"),
    };
    let mut form = Form::new(title, fields);
    if list.is_some() {
        form.focus = 1;
    }
    form
}

/// The staff member and their clients, worst first, from a filled-in gut check form.
pub fn vote_entry(
    year: i32,
    today: NaiveDate,
    form: &Form,
) -> Result<(String, Vec<ClientId>), ValidationError> {
    crate::domain::evidence::check_vote_year(year, today)?;
    let clients: Vec<ClientId> = ["1", "2", "3", "4", "5"]
        .iter()
        .filter_map(|k| form.value(k).parse::<i64>().ok().map(ClientId))
        .collect();
    let staff = check_votes(year, form.value("staff"), &clients)?;
    if clients.is_empty() {
        return Err(ValidationError::one(
            "gut check list",
            "names nobody: choose at least one client (d on the list clears one)",
        ));
    }
    Ok((staff, clients))
}

/// The form that edits an event: its values as typed, with the fields of its kind. The
/// keys are the names the domain's checks use, so errors land next to their field.
pub fn event_form(seen: &crate::domain::record::StoredEvent) -> Form {
    use crate::domain::record::EventDraft;
    let title = format!("Edit {}", seen.record.describe());
    let fields = match seen.record.draft() {
        EventDraft::Ticket(d) => vec![
            Field::choice(
                "kind",
                "Kind",
                opts(TicketKind::ALL, TicketKind::as_str),
                &d.kind,
            ),
            Field::text("subject", "Subject", &d.subject).with_hint("a few words"),
            Field::text("opened", "Opened", &d.opened).with_hint("YYYY-MM-DD"),
            Field::text("closed", "Closed", &d.closed).with_hint("empty while open"),
            Field::toggle("escalated", "Escalated", d.escalated),
            Field::text("reopens", "Reopened", &d.reopens).with_hint("how often"),
            Field::text("reference", "PSA reference", &d.reference),
        ],
        EventDraft::Invoice(d) => vec![
            Field::text("number", "Number", &d.number),
            Field::text("amount", "Amount", &d.amount).with_hint("e.g. 1,500.50"),
            Field::text("issued", "Issued", &d.issued).with_hint("YYYY-MM-DD"),
            Field::text("due", "Due", &d.due).with_hint("YYYY-MM-DD"),
            Field::text("paid", "Paid", &d.paid).with_hint("empty while unpaid"),
            Field::toggle("disputed", "Disputed", d.disputed),
            Field::text("reference", "PSA reference", &d.reference),
        ],
        EventDraft::Time(d) => vec![
            Field::text("time", "Time", &d.duration).with_hint("90, 1.5h, 1h30"),
            Field::text("date", "Date", &d.date).with_hint("YYYY-MM-DD"),
            Field::text("note", "Note", &d.note),
        ],
        EventDraft::Recommendation(d) => vec![
            Field::text("title", "Title", &d.title),
            Field::text("made", "Made", &d.made).with_hint("YYYY-MM-DD"),
            Field::toggle("security", "Security", d.security),
            Field::choice(
                "status",
                "Status",
                opts(
                    crate::domain::RecStatus::ALL,
                    crate::domain::RecStatus::as_str,
                ),
                &d.status,
            ),
            Field::text("decided", "Decided", &d.decided).with_hint("empty while open"),
        ],
        EventDraft::Incident(d) => vec![
            Field::choice(
                "kind",
                "Kind",
                opts(IncidentKind::ALL, IncidentKind::as_str),
                &d.kind,
            ),
            Field::text("date", "Date", &d.date).with_hint("YYYY-MM-DD"),
            Field::text("note", "Note", &d.note),
        ],
    };
    Form::new(title, fields)
}

/// The event's new values from its filled-in form, as typed input of its kind.
pub fn event_draft(
    seen: &crate::domain::record::StoredEvent,
    form: &Form,
) -> crate::domain::record::EventDraft {
    use crate::domain::record::EventDraft;
    let v = |k: &str| form.value(k).to_string();
    match seen.record.draft() {
        EventDraft::Ticket(_) => EventDraft::Ticket(TicketDraft {
            opened: v("opened"),
            closed: v("closed"),
            kind: v("kind"),
            escalated: form.is_on("escalated"),
            reopens: v("reopens"),
            reference: v("reference"),
            subject: v("subject"),
        }),
        EventDraft::Invoice(_) => EventDraft::Invoice(InvoiceDraft {
            number: v("number"),
            amount: v("amount"),
            issued: v("issued"),
            due: v("due"),
            paid: v("paid"),
            disputed: form.is_on("disputed"),
            reference: v("reference"),
        }),
        EventDraft::Time(_) => EventDraft::Time(TimeDraft {
            date: v("date"),
            duration: v("time"),
            note: v("note"),
        }),
        EventDraft::Recommendation(d) => EventDraft::Recommendation(RecommendationDraft {
            made: v("made"),
            title: v("title"),
            security: form.is_on("security"),
            status: v("status"),
            decided: v("decided"),
            ..d
        }),
        EventDraft::Incident(_) => EventDraft::Incident(IncidentDraft {
            date: v("date"),
            kind: v("kind"),
            note: v("note"),
        }),
    }
}

/// The form that voids an event: it asks why (the reason stays beside it).
pub fn void_form(seen: &crate::domain::record::StoredEvent) -> Form {
    let mut form = Form::new(
        format!("Void {}", seen.record.describe()),
        vec![Field::text("reason", "Why", "").with_hint("required, e.g. logged twice")],
    )
    .with_keys("void it", "keep it");
    form.message =
        Some("It stays in the file and in the history, struck through, and counts nowhere.".into());
    form
}
