//! The whole database as one JSON document (`rapport export --format json --all`), and read
//! back into an empty database (`rapport import`). Every table a user would miss is in it,
//! row by row with its ids, as the columns hold it: clients, the evidence (voided rows too,
//! with why and when), staff votes, decisions with their evidence snapshots, drafts,
//! scripts, offboarding checklists and their ticks, and the database's own settings. What
//! the database derives (the per-day rollup, the revision counters, the identity keys) is
//! left out and made again on loading, as the triggers and the identity rules make it.
//!
//! The document: a header (`format` "rapport-dump", `schema`, `rapport` the version that
//! wrote it, `made_at`), `settings` as an object, then one array per table, named as the
//! table, one row per line.

mod load;
mod read;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{StoreError, schema_version};
use crate::domain::money::group_thousands;

/// What `format` says in every dump.
pub const FORMAT: &str = "rapport-dump";

/// A whole database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dump {
    /// Always [`FORMAT`].
    pub format: String,
    /// The schema version of the database it was made from.
    pub schema: i64,
    /// The rapport version that made it.
    pub rapport: String,
    /// When it was made (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub made_at: String,
    /// The database's own defaults (the settings table), by key.
    pub settings: BTreeMap<String, String>,
    pub clients: Vec<Client>,
    pub tickets: Vec<Ticket>,
    pub invoices: Vec<Invoice>,
    pub time_entries: Vec<TimeEntry>,
    pub recommendations: Vec<Recommendation>,
    pub incidents: Vec<Incident>,
    pub staff_votes: Vec<StaffVote>,
    pub decisions: Vec<Decision>,
    pub decision_drafts: Vec<DecisionDraft>,
    pub scripts: Vec<Script>,
    pub offboarding: Vec<Offboarding>,
    pub offboarding_ticks: Vec<OffboardingTick>,
}

/// JSON the database keeps as text (a decision's answers and snapshot, a client's
/// expectations), carried as that exact text.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Json(pub Box<RawValue>);

impl Json {
    pub fn text(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for Json {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub id: i64,
    pub name: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mrr_cents: i64,
    pub seats: i64,
    pub contract_start: Option<String>,
    pub contract_end: Option<String>,
    pub notice_days: Option<i64>,
    pub prepaid: bool,
    pub payment_terms_days: i64,
    pub segment: Option<String>,
    pub status: String,
    pub notes: Option<String>,
    /// What a prospect taken on accepted: a JSON list of texts.
    pub expectations: Option<Json>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ticket {
    pub id: i64,
    pub client_id: i64,
    pub opened_on: String,
    pub closed_on: Option<String>,
    pub kind: String,
    pub escalated: bool,
    pub reopen_count: i64,
    pub subject: Option<String>,
    pub external_ref: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    pub id: i64,
    pub client_id: i64,
    pub number: String,
    pub issued_on: String,
    pub due_on: String,
    pub paid_on: Option<String>,
    pub amount_cents: i64,
    pub disputed: bool,
    pub external_ref: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeEntry {
    pub id: i64,
    pub client_id: i64,
    pub worked_on: String,
    pub minutes: i64,
    pub note: Option<String>,
    pub external_ref: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub id: i64,
    pub client_id: i64,
    pub made_on: String,
    pub title: String,
    pub security: bool,
    pub status: String,
    pub decided_on: Option<String>,
    pub external_ref: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: i64,
    pub client_id: i64,
    pub occurred_on: String,
    pub kind: String,
    pub note: Option<String>,
    pub external_ref: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffVote {
    pub id: i64,
    pub year: i64,
    pub staff: String,
    pub client_id: i64,
    pub rank: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: i64,
    pub client_id: i64,
    pub decided_on: String,
    pub proposed: String,
    pub chosen: String,
    pub override_reason: Option<String>,
    pub reasons: Json,
    pub answers: Json,
    /// The evidence as it stood when the decision was made.
    pub snapshot: Json,
    pub notes: Option<String>,
    pub review_on: Option<String>,
    pub proposed_mrr_cents: Option<i64>,
    pub end_on: Option<String>,
    pub notice_by: Option<String>,
    pub prepaid_refund_cents: i64,
    pub conditions: Json,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionDraft {
    pub client_id: i64,
    pub answers: Json,
    pub saved_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub id: i64,
    pub client_id: i64,
    pub decision_id: Option<i64>,
    pub kind: String,
    pub channel: String,
    pub language: String,
    pub written_on: String,
    pub text: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offboarding {
    pub client_id: i64,
    pub decision_id: Option<i64>,
    pub started_on: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffboardingTick {
    pub client_id: i64,
    pub item: String,
    pub done_on: String,
    pub by_note: Option<String>,
    pub ticked_at: String,
}

/// Why a dump was not read or not loaded. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("{}", crate::t!("dump.not_dump"))]
    NotDump,

    #[error("{}", crate::t!("dump.malformed", why = .why))]
    Malformed { why: String },

    #[error("{}", crate::t!("dump.newer_schema", found = .found, known = .known))]
    NewerSchema { found: i64, known: i64 },

    #[error("{}", crate::tn!("dump.not_empty", *.clients, path = .path.display()))]
    NotEmpty { path: PathBuf, clients: i64 },

    /// A row the database's rules refuse (a date that is no date, a duplicate id).
    #[error("{}", crate::t!("dump.refused", table = .table, row = .row, rule = .rule))]
    Refused {
        table: &'static str,
        row: String,
        rule: String,
    },

    /// A row that points at a row the dump does not hold.
    #[error("{}", crate::t!("dump.unknown_ref", table = .table, row = .row, column = .column, value = .value))]
    UnknownRef {
        table: &'static str,
        row: String,
        column: &'static str,
        value: i64,
    },

    /// A value rapport could not read back (an outcome, a decision's JSON, a setting).
    #[error("{}", crate::t!("dump.bad_value", table = .table, row = .row, column = .column, why = .why))]
    BadValue {
        table: &'static str,
        row: String,
        column: &'static str,
        why: String,
    },

    /// Settings the database could not use (a labour cost that is no amount).
    #[error("{}", crate::t!("dump.bad_settings", why = .why))]
    BadSettings { why: String },

    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DumpError {
    /// True when the dump (or the choice of database) was wrong, not the database itself.
    pub fn is_input(&self) -> bool {
        !matches!(self, DumpError::Store(_))
    }
}

impl Dump {
    /// Reads a dump from its JSON. The header is read first: a file that is no rapport dump,
    /// or one from a newer schema, is refused before its rows are looked at.
    pub fn from_json(bytes: &[u8]) -> Result<Dump, DumpError> {
        #[derive(Deserialize)]
        struct Head {
            format: Option<serde_json::Value>,
            schema: Option<serde_json::Value>,
        }
        let head: Head = serde_json::from_slice(bytes).map_err(|e| {
            // A dump cut short (a copy that stopped, a full disk) still says what it is at
            // its start: it is a dump that cannot be read, not a file that is no dump.
            let quoted = format!("\"{FORMAT}\"");
            let names_itself = bytes[..bytes.len().min(4096)]
                .windows(quoted.len())
                .any(|w| w == quoted.as_bytes());
            if names_itself && (e.is_eof() || e.is_syntax()) {
                DumpError::Malformed { why: e.to_string() }
            } else {
                DumpError::NotDump
            }
        })?;
        if head.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(DumpError::NotDump);
        }
        let schema = head
            .schema
            .as_ref()
            .and_then(serde_json::Value::as_i64)
            .ok_or(DumpError::NotDump)?;
        check_schema(schema)?;
        serde_json::from_slice(bytes).map_err(|e| DumpError::Malformed { why: e.to_string() })
    }

    /// Writes the dump as JSON: the header, the settings, then each table with one row
    /// per line. It reads back with [`Dump::from_json`] as it was.
    pub fn write_json(&self, mut w: impl Write) -> io::Result<()> {
        fn field(w: &mut impl Write, name: &str, value: &impl Serialize) -> io::Result<()> {
            write!(w, "  \"{name}\": ")?;
            serde_json::to_writer(&mut *w, value)?;
            w.write_all(b",\n")
        }
        fn table<T: Serialize>(
            w: &mut impl Write,
            name: &str,
            rows: &[T],
            last: bool,
        ) -> io::Result<()> {
            write!(w, "  \"{name}\": [")?;
            for (i, row) in rows.iter().enumerate() {
                w.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
                serde_json::to_writer(&mut *w, row)?;
            }
            w.write_all(if rows.is_empty() { b"]" } else { b"\n  ]" })?;
            w.write_all(if last { b"\n" } else { b",\n" })
        }
        let w = &mut w;
        w.write_all(b"{\n")?;
        field(w, "format", &self.format)?;
        field(w, "schema", &self.schema)?;
        field(w, "rapport", &self.rapport)?;
        field(w, "made_at", &self.made_at)?;
        field(w, "settings", &self.settings)?;
        table(w, "clients", &self.clients, false)?;
        table(w, "tickets", &self.tickets, false)?;
        table(w, "invoices", &self.invoices, false)?;
        table(w, "time_entries", &self.time_entries, false)?;
        table(w, "recommendations", &self.recommendations, false)?;
        table(w, "incidents", &self.incidents, false)?;
        table(w, "staff_votes", &self.staff_votes, false)?;
        table(w, "decisions", &self.decisions, false)?;
        table(w, "decision_drafts", &self.decision_drafts, false)?;
        table(w, "scripts", &self.scripts, false)?;
        table(w, "offboarding", &self.offboarding, false)?;
        table(w, "offboarding_ticks", &self.offboarding_ticks, true)?;
        w.write_all(b"}\n")
    }

    /// How many rows of each kind the dump holds.
    pub fn summary(&self) -> LoadSummary {
        let n = |len: usize| len as u64;
        let voided = self
            .tickets
            .iter()
            .filter(|r| r.voided_at.is_some())
            .count()
            + self
                .invoices
                .iter()
                .filter(|r| r.voided_at.is_some())
                .count()
            + self
                .time_entries
                .iter()
                .filter(|r| r.voided_at.is_some())
                .count()
            + self
                .recommendations
                .iter()
                .filter(|r| r.voided_at.is_some())
                .count()
            + self
                .incidents
                .iter()
                .filter(|r| r.voided_at.is_some())
                .count();
        LoadSummary {
            clients: n(self.clients.len()),
            tickets: n(self.tickets.len()),
            invoices: n(self.invoices.len()),
            time_entries: n(self.time_entries.len()),
            recommendations: n(self.recommendations.len()),
            incidents: n(self.incidents.len()),
            voided: n(voided),
            staff_votes: n(self.staff_votes.len()),
            decisions: n(self.decisions.len()),
            decision_drafts: n(self.decision_drafts.len()),
            scripts: n(self.scripts.len()),
            offboarding: n(self.offboarding.len()),
            offboarding_ticks: n(self.offboarding_ticks.len()),
            settings: n(self.settings.len()),
        }
    }

    /// The header says this is a rapport dump this build can read.
    fn check_header(&self) -> Result<(), DumpError> {
        if self.format != FORMAT {
            return Err(DumpError::NotDump);
        }
        check_schema(self.schema)
    }
}

fn check_schema(schema: i64) -> Result<(), DumpError> {
    if schema < 1 {
        return Err(DumpError::NotDump);
    }
    if schema > schema_version() {
        return Err(DumpError::NewerSchema {
            found: schema,
            known: schema_version(),
        });
    }
    Ok(())
}

/// What a dump holds, or what loading it wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LoadSummary {
    pub clients: u64,
    pub tickets: u64,
    pub invoices: u64,
    pub time_entries: u64,
    pub recommendations: u64,
    pub incidents: u64,
    /// Events (of the five kinds above) kept voided.
    pub voided: u64,
    pub staff_votes: u64,
    pub decisions: u64,
    pub decision_drafts: u64,
    pub scripts: u64,
    pub offboarding: u64,
    pub offboarding_ticks: u64,
    pub settings: u64,
}

/// One line: "30 clients, 2,410 tickets, ...".
impl fmt::Display for LoadSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = group_thousands;
        f.write_str(&crate::t!(
            "dump.summary",
            clients = n(self.clients),
            tickets = n(self.tickets),
            invoices = n(self.invoices),
            time_entries = n(self.time_entries),
            recommendations = n(self.recommendations),
            incidents = n(self.incidents),
            voided = n(self.voided),
            votes = n(self.staff_votes),
            decisions = n(self.decisions),
            drafts = n(self.decision_drafts),
            scripts = n(self.scripts),
            checklists = n(self.offboarding),
            ticks = n(self.offboarding_ticks),
        ))
    }
}
