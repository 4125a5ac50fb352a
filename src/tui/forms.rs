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
    Cents, ClientDraft, ClientId, ClientStatus, IncidentKind, Invoice, LogEntry, Problem,
    Recommendation, Ticket, TicketKind, ValidationError,
};
use crate::t;

/// A choice's options: each value as stored, with its label in the language in force.
fn opts<T: Copy>(all: &[T], text: fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (text(*v).to_string(), value_label(text(*v)).to_string()))
        .collect()
}

/// How a stored word of a fixed list (a status, a kind) reads in a form.
pub fn value_label(value: &str) -> &'static str {
    match value {
        "active" => t!("forms.option.active"),
        "prospect" => t!("forms.option.prospect"),
        "former" => t!("forms.option.former"),
        "incident" => t!("forms.option.incident"),
        "request" => t!("forms.option.request"),
        "admin" => t!("forms.option.admin"),
        "open" => t!("forms.option.open"),
        "implemented" => t!("forms.option.implemented"),
        "ignored" => t!("forms.option.ignored"),
        "abuse" => t!("forms.option.abuse"),
        "disrespect" => t!("forms.option.disrespect"),
        "security" => t!("forms.option.security"),
        "unreasonable_demand" => t!("forms.option.unreasonable_demand"),
        _ => t!("forms.option.other"),
    }
}

pub fn client_form(title: &str, d: &ClientDraft) -> Form {
    Form::new(
        title,
        vec![
            Field::text("name", t!("forms.client.name"), &d.name).with_hint(t!("forms.hint.name")),
            Field::text("contact", t!("forms.client.contact"), &d.contact_name),
            Field::text("email", t!("forms.client.email"), &d.email),
            Field::text("phone", t!("forms.client.phone"), &d.phone),
            Field::text("MRR", t!("forms.client.mrr"), &d.mrr).with_hint(t!("forms.hint.mrr")),
            Field::text("seats", t!("forms.client.seats"), &d.seats)
                .with_hint(t!("forms.hint.seats")),
            Field::text(
                "contract start",
                t!("forms.client.contract_start"),
                &d.contract_start,
            )
            .with_hint(t!("forms.hint.date")),
            Field::text(
                "contract end",
                t!("forms.client.contract_end"),
                &d.contract_end,
            )
            .with_hint(t!("forms.hint.date")),
            Field::text("notice days", t!("forms.client.notice"), &d.notice_days),
            Field::toggle("prepaid", t!("forms.client.prepaid"), d.prepaid)
                .with_hint(t!("forms.hint.prepaid")),
            Field::text(
                "payment terms",
                t!("forms.client.terms"),
                &d.payment_terms_days,
            ),
            Field::text("segment", t!("forms.client.segment"), &d.segment)
                .with_hint(t!("forms.hint.segment")),
            Field::choice(
                "status",
                t!("forms.client.status"),
                opts(ClientStatus::ALL, ClientStatus::as_str),
                &d.status,
            ),
            Field::long_text("notes", t!("forms.client.notes"), &d.notes),
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
    /// (key, kind, what the menu says in English; [`LogKind::label`] says it in the
    /// language in force)
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

    /// What the menu says for this entry, in the language in force.
    pub fn label(self) -> &'static str {
        match self {
            LogKind::Ticket => t!("forms.menu.ticket"),
            LogKind::Reopen => t!("forms.menu.reopen"),
            LogKind::Escalation => t!("forms.menu.escalation"),
            LogKind::Admin => t!("forms.menu.admin"),
            LogKind::Invoice => t!("forms.menu.invoice"),
            LogKind::Payment => t!("forms.menu.payment"),
            LogKind::Time => t!("forms.menu.time"),
            LogKind::Recommendation => t!("forms.menu.recommendation"),
            LogKind::Incident => t!("forms.menu.incident"),
        }
    }

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
                1 => t!("forms.option.reopened_once").into(),
                n => t!("forms.option.reopened", n = n),
            };
            (
                t.id.to_string(),
                format!(
                    "{} {} {}{subject}{reference}{reopens}",
                    crate::domain::record::EventRef::Ticket(t.id),
                    iso(t.opened_on),
                    value_label(t.kind.as_str()),
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
                t!("forms.title.admin", client = client)
            } else {
                t!("forms.title.ticket", client = client)
            };
            Form::new(
                title,
                vec![
                    Field::choice("kind", t!("forms.label.kind"), kinds, k),
                    Field::text("subject", t!("forms.label.subject"), "")
                        .with_hint(t!("forms.hint.subject")),
                    Field::text("opened", t!("forms.label.opened"), &today)
                        .with_hint(t!("forms.hint.date")),
                    Field::text("closed", t!("forms.label.closed"), "")
                        .with_hint(t!("forms.hint.while_open")),
                    Field::toggle("escalated", t!("forms.label.escalated"), false)
                        .with_hint(t!("forms.hint.escalated")),
                    Field::text("reference", t!("forms.label.reference"), "")
                        .with_hint(t!("forms.hint.optional")),
                ],
            )
        }
        LogKind::Reopen | LogKind::Escalation => {
            let escalation = kind == LogKind::Escalation;
            let options = ticket_options(&c.tickets, escalation);
            if options.is_empty() {
                return Err(if escalation {
                    t!("forms.nothing.escalate", client = client)
                } else {
                    t!("forms.nothing.reopen", client = client)
                });
            }
            let first = options[0].0.clone();
            Form::new(
                if escalation {
                    t!("forms.title.escalation", client = client)
                } else {
                    t!("forms.title.reopen", client = client)
                },
                vec![Field::choice(
                    "ticket",
                    t!("forms.label.ticket"),
                    options,
                    &first,
                )],
            )
        }
        LogKind::Invoice => Form::new(
            t!("forms.title.invoice", client = client),
            vec![
                Field::text(
                    "amount",
                    t!("forms.label.amount"),
                    if c.mrr.0 > 0 {
                        c.mrr.plain()
                    } else {
                        String::new()
                    },
                )
                .with_hint(t!("forms.hint.amount")),
                Field::text("issued", t!("forms.label.issued"), &today)
                    .with_hint(t!("forms.hint.date")),
                Field::text("due", t!("forms.label.due"), "").with_hint(if c.terms_days == 0 {
                    t!("forms.hint.due_on_issue")
                } else {
                    t!("forms.hint.due_after_terms")
                }),
                Field::text("paid", t!("forms.label.paid"), "")
                    .with_hint(t!("forms.hint.while_unpaid")),
                Field::toggle("disputed", t!("forms.label.disputed"), false),
                Field::text("number", t!("forms.label.number"), "")
                    .with_hint(t!("forms.hint.next_number")),
            ],
        ),
        LogKind::Payment => {
            if c.unpaid.is_empty() {
                return Err(t!("forms.nothing.payment", client = client));
            }
            let options: Vec<(String, String)> = c
                .unpaid
                .iter()
                .map(|i| {
                    (
                        i.id.to_string(),
                        t!(
                            "forms.option.invoice",
                            number = i.number,
                            amount = i.amount.plain(),
                            date = iso(i.due_on)
                        ),
                    )
                })
                .collect();
            let first = options[0].0.clone();
            Form::new(
                t!("forms.title.payment", client = client),
                vec![
                    Field::choice("invoice", t!("forms.label.invoice"), options, &first),
                    Field::text("date", t!("forms.label.paid_on"), &today)
                        .with_hint(t!("forms.hint.date")),
                ],
            )
        }
        LogKind::Time => Form::new(
            t!("forms.title.time", client = client),
            vec![
                Field::text("time", t!("forms.label.time"), "")
                    .with_hint(t!("forms.hint.duration")),
                Field::text("date", t!("forms.label.date"), &today)
                    .with_hint(t!("forms.hint.date")),
                Field::long_text("note", t!("forms.label.note"), ""),
            ],
        ),
        LogKind::Recommendation => {
            let mut recs = vec![(
                "new".to_string(),
                t!("forms.option.new_recommendation").to_string(),
            )];
            recs.extend(c.open_recommendations.iter().map(|r| {
                (
                    r.id.to_string(),
                    format!("{} ({})", r.title, iso(r.made_on)),
                )
            }));
            let statuses = vec![
                ("open".to_string(), t!("forms.option.made").to_string()),
                (
                    "implemented".to_string(),
                    t!("forms.option.implemented").to_string(),
                ),
                (
                    "ignored".to_string(),
                    t!("forms.option.ignored").to_string(),
                ),
            ];
            Form::new(
                t!("forms.title.recommendation", client = client),
                vec![
                    Field::choice("status", t!("forms.label.status"), statuses, "open"),
                    Field::choice("recommendation", t!("forms.label.which"), recs, "new")
                        .with_hint(t!("forms.hint.which")),
                    Field::long_text("title", t!("forms.label.title"), "")
                        .with_hint(t!("forms.hint.for_new")),
                    Field::toggle("security", t!("forms.label.security"), false),
                    Field::text("date", t!("forms.label.date"), &today)
                        .with_hint(t!("forms.hint.made_or_decided")),
                ],
            )
        }
        LogKind::Incident => Form::new(
            t!("forms.title.incident", client = client),
            vec![
                Field::choice(
                    "kind",
                    t!("forms.label.kind"),
                    opts(IncidentKind::ALL, IncidentKind::as_str),
                    "other",
                ),
                Field::text("date", t!("forms.label.date"), &today)
                    .with_hint(t!("forms.hint.date")),
                Field::long_text("note", t!("forms.label.note"), "")
                    .with_hint(t!("forms.hint.what_happened")),
            ],
        ),
    };
    Ok(form)
}

fn id_of(form: &Form, key: &'static str) -> Result<i64, ValidationError> {
    form.value(key)
        .parse()
        .map_err(|_| ValidationError::of(key, Problem::NothingChosen))
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
            let what = t!("forms.logged.ticket", kind = value_label(t.kind.as_str()));
            (LogEntry::Ticket(t), what)
        }
        LogKind::Reopen => {
            let id = id_of(form, "ticket")?;
            (
                LogEntry::Reopen { ticket_id: id },
                t!("forms.logged.reopen", id = EventRef::Ticket(id)),
            )
        }
        LogKind::Escalation => {
            let id = id_of(form, "ticket")?;
            (
                LogEntry::Escalate { ticket_id: id },
                t!("forms.logged.escalation", id = EventRef::Ticket(id)),
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
            let what = t!(
                "forms.logged.invoice",
                amount = inv.amount.display(&c.currency)
            );
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
                t!("forms.logged.payment", number = number),
            )
        }
        LogKind::Time => {
            let t = TimeDraft {
                date: form.value("date").into(),
                duration: form.value("time").into(),
                note: form.value("note").into(),
            }
            .validate(c.today)?;
            let what = t!("forms.logged.time", minutes = t.minutes);
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
                let what = t!(
                    "forms.logged.recommendation",
                    title = r.title,
                    status = value_label(r.status.as_str())
                );
                (LogEntry::Recommendation(r), what)
            } else {
                let id = id_of(form, "recommendation")?;
                let status = crate::domain::RecStatus::parse("status", status)?;
                if status == crate::domain::RecStatus::Open {
                    return Err(ValidationError::of("status", Problem::MadeButExisting));
                }
                let decided_on = parse_past_date("date", form.value("date"), c.today)?;
                (
                    LogEntry::Decide {
                        recommendation_id: id,
                        status,
                        decided_on,
                    },
                    t!(
                        "forms.logged.decided",
                        status = value_label(status.as_str())
                    ),
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
            let what = t!("forms.logged.incident", kind = value_label(i.kind.as_str()));
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
    let places: [(&str, &str); VOTES_MAX] = [
        ("1", t!("forms.label.worst_1")),
        ("2", t!("forms.label.worst_2")),
        ("3", t!("forms.label.worst_3")),
        ("4", t!("forms.label.worst_4")),
        ("5", t!("forms.label.worst_5")),
    ];
    let mut fields = vec![
        Field::text(
            "staff",
            t!("forms.label.staff"),
            list.map_or("", |l| l.staff.as_str()),
        )
        .with_hint(t!("forms.hint.staff")),
    ];
    for (i, (key, label)) in places.iter().enumerate() {
        let current = list
            .and_then(|l| l.clients.get(i))
            .map_or(String::new(), |c| c.0.to_string());
        fields.push(
            Field::choice(key, label, options.clone(), &current).with_hint(t!("forms.hint.place")),
        );
    }
    let title = match list {
        Some(l) => t!("forms.title.gut_check", year = year, staff = l.staff),
        None => t!("forms.title.gut_check_new", year = year),
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
        return Err(ValidationError::of("gut check list", Problem::NamesNobody));
    }
    Ok((staff, clients))
}

/// The form that edits an event: its values as typed, with the fields of its kind. The
/// keys are the names the domain's checks use, so errors land next to their field.
pub fn event_form(seen: &crate::domain::record::StoredEvent) -> Form {
    use crate::domain::record::EventDraft;
    let title = t!("forms.title.edit", event = seen.record.describe());
    let fields = match seen.record.draft() {
        EventDraft::Ticket(d) => vec![
            Field::choice(
                "kind",
                t!("forms.label.kind"),
                opts(TicketKind::ALL, TicketKind::as_str),
                &d.kind,
            ),
            Field::text("subject", t!("forms.label.subject"), &d.subject)
                .with_hint(t!("forms.hint.few_words")),
            Field::text("opened", t!("forms.label.opened"), &d.opened)
                .with_hint(t!("forms.hint.date")),
            Field::text("closed", t!("forms.label.closed"), &d.closed)
                .with_hint(t!("forms.hint.while_open")),
            Field::toggle("escalated", t!("forms.label.escalated"), d.escalated),
            Field::text("reopens", t!("forms.label.reopened"), &d.reopens)
                .with_hint(t!("forms.hint.how_often")),
            Field::text("reference", t!("forms.label.reference"), &d.reference),
        ],
        EventDraft::Invoice(d) => vec![
            Field::text("number", t!("forms.label.number"), &d.number),
            Field::text("amount", t!("forms.label.amount"), &d.amount)
                .with_hint(t!("forms.hint.amount")),
            Field::text("issued", t!("forms.label.issued"), &d.issued)
                .with_hint(t!("forms.hint.date")),
            Field::text("due", t!("forms.label.due"), &d.due).with_hint(t!("forms.hint.date")),
            Field::text("paid", t!("forms.label.paid"), &d.paid)
                .with_hint(t!("forms.hint.while_unpaid")),
            Field::toggle("disputed", t!("forms.label.disputed"), d.disputed),
            Field::text("reference", t!("forms.label.reference"), &d.reference),
        ],
        EventDraft::Time(d) => vec![
            Field::text("time", t!("forms.label.time"), &d.duration)
                .with_hint(t!("forms.hint.duration")),
            Field::text("date", t!("forms.label.date"), &d.date).with_hint(t!("forms.hint.date")),
            Field::text("note", t!("forms.label.note"), &d.note),
        ],
        EventDraft::Recommendation(d) => vec![
            Field::text("title", t!("forms.label.title"), &d.title),
            Field::text("made", t!("forms.label.made"), &d.made).with_hint(t!("forms.hint.date")),
            Field::toggle("security", t!("forms.label.security"), d.security),
            Field::choice(
                "status",
                t!("forms.label.status"),
                opts(
                    crate::domain::RecStatus::ALL,
                    crate::domain::RecStatus::as_str,
                ),
                &d.status,
            ),
            Field::text("decided", t!("forms.label.decided"), &d.decided)
                .with_hint(t!("forms.hint.while_open")),
        ],
        EventDraft::Incident(d) => vec![
            Field::choice(
                "kind",
                t!("forms.label.kind"),
                opts(IncidentKind::ALL, IncidentKind::as_str),
                &d.kind,
            ),
            Field::text("date", t!("forms.label.date"), &d.date).with_hint(t!("forms.hint.date")),
            Field::text("note", t!("forms.label.note"), &d.note),
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
        t!("forms.title.void", event = seen.record.describe()),
        vec![Field::text("reason", t!("forms.label.why"), "").with_hint(t!("forms.hint.why"))],
    )
    .with_keys(t!("forms.keys.void"), t!("forms.keys.keep"));
    form.message = Some(t!("forms.void_note").into());
    form
}
