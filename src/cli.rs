//! The command line, as clap definitions. Values stay text here; the domain validates them,
//! so the CLI and the TUI report the same messages.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches as _, Parser, Subcommand};

use crate::domain::date::parse_date;
use crate::domain::lang::Lang;

pub mod help;

#[derive(Debug, Parser)]
#[command(
    name = "rapport",
    version,
    propagate_version = true,
    about = "Decide which MSP clients to keep, reprice or let go, and end it well",
    long_about = "rapport keeps your clients and their evidence (tickets, invoices, time, \
                  recommendations, incidents) in one local SQLite file. Without a command it \
                  opens the terminal UI."
)]
pub struct Cli {
    /// The database file [default: your data folder, e.g. ~/.local/share/rapport/rapport.db]
    #[arg(long, global = true, env = "RAPPORT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The config file [default: your config folder, e.g. ~/.config/rapport/config.toml]
    #[arg(long, global = true, env = "RAPPORT_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Pretend today is DATE (YYYY-MM-DD), e.g. to review a past quarter
    #[arg(long, global = true, env = "RAPPORT_TODAY", value_name = "DATE", value_parser = date_arg)]
    pub today: Option<NaiveDate>,

    /// No colours (NO_COLOR is honoured too)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// The language: en or nl [default: display.language in the config, else LANG]
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_arg)]
    pub lang: Option<Lang>,

    /// Open the terminal UI on a fresh temporary database filled with demo data
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses `args` (the program name first). Global options such as `--db` may stand
    /// before or after the subcommand; `--demo` opens the terminal UI, so it takes none.
    pub fn parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let mut command = Cli::command();
        // A variable set to nothing (`RAPPORT_TODAY=`) is one not set: clap would take it as
        // an empty value and refuse it.
        for (id, var) in ENV_OPTIONS {
            if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
                command = command.mut_arg(id, |a| a.env(None));
            }
        }
        let mut command = help::localize(command);
        let cli = Cli::from_arg_matches(&command.try_get_matches_from_mut(args)?)?;
        if cli.demo && cli.command.is_some() {
            return Err(command.error(
                clap::error::ErrorKind::ArgumentConflict,
                crate::t!("cli.demo_with_command"),
            ));
        }
        Ok(cli)
    }
}

/// The options an environment variable may give, by their clap ids.
const ENV_OPTIONS: [(&str, &str); 3] = [
    ("db", "RAPPORT_DB"),
    ("config", "RAPPORT_CONFIG"),
    ("today", "RAPPORT_TODAY"),
];

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add, edit and list clients
    #[command(subcommand)]
    Client(ClientCommand),
    /// Log evidence about a client: tickets, invoices, payments, time, recommendations, incidents
    #[command(subcommand)]
    Log(LogCommand),
    /// Correct the record: list a client's events with their ids, edit one, void one
    #[command(subcommand)]
    Events(EventsCommand),
    /// Write the demo portfolio into a new (empty) database
    Demo,
    /// Grade every client on the guide's criteria: score, grade, dealbreakers, trend, reasons
    Scorecard {
        /// Evaluate as of DATE [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<NaiveDate>,
        /// The window in days ending on the as-of date [default: config, 90]
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(7..=730))]
        window: Option<u32>,
        /// Include former clients
        #[arg(long)]
        all: bool,
        /// JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Which few clients bring most revenue, and which few most of the work (guide R1)
    Pareto {
        /// What to rank by: revenue, hours, tickets or stress
        #[arg(long, default_value = "revenue", value_parser = ["revenue", "hours", "tickets", "stress"])]
        by: String,
        #[command(flatten)]
        period: ParetoPeriod,
    },
    /// What happens to revenue, hours and margin if you let some clients go (a scenario only)
    Whatif {
        /// A client to drop (repeat for more)
        #[arg(long = "drop", value_name = "NAME", required = true)]
        drop: Vec<String>,
        #[command(flatten)]
        period: ParetoPeriod,
    },
    /// Record one staff member's five worst clients of a year (the guide's gut check, O2)
    Vote {
        /// The gut check's year [default: this year]
        #[arg(long, value_parser = clap::value_parser!(i32).range(1970..=9999))]
        year: Option<i32>,
        /// Who votes (any name; the same name again replaces their list for that year)
        #[arg(long, value_name = "NAME")]
        staff: String,
        /// Up to five client names, worst first; none clears this staff member's list
        #[arg(value_name = "CLIENT")]
        clients: Vec<String>,
    },
    /// What the evidence alone proposes for a client: the fire/keep walk with no answers
    Advise {
        /// The client's name (any case)
        #[arg(value_name = "CLIENT")]
        client: String,
        /// Advise as of DATE [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        as_of: Option<NaiveDate>,
        /// JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Decide about a client: with --outcome, record it; without, walk it in the app
    Decide {
        /// The client's name (any case)
        #[arg(value_name = "CLIENT")]
        client: String,
        /// keep, watch, reprice, reduce-scope, do-not-renew, end-now (prospects: take-on,
        /// take-on-with-conditions, decline)
        #[arg(long, value_name = "OUTCOME")]
        outcome: Option<String>,
        /// Why: required when the outcome is not the one the evidence proposes (else kept as
        /// a note)
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// Keep and watch: when to look again [default: config, 90 days on]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        review_on: Option<NaiveDate>,
        /// Reprice: the MRR to ask [default: the one that reaches the target margin]
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = non_empty)]
        proposed_mrr: Option<String>,
    },
    /// The decisions made, newest first
    Decisions {
        /// Only this client's
        #[arg(long, value_name = "NAME")]
        client: Option<String>,
        /// JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// The words for a decision: talking points, a phone script, a letter or an email, in
    /// the language of --lang (en or nl), from the client's latest decision
    Script {
        /// The client's name (any case)
        #[arg(value_name = "CLIENT")]
        client: String,
        /// end-now, do-not-renew, reprice or reduce-scope [default: the latest decision's]
        #[arg(long, value_name = "KIND", value_parser = ["end-now", "do-not-renew", "reprice", "reduce-scope"])]
        kind: Option<String>,
        /// in-person (talking points), phone, letter or email
        #[arg(long, value_name = "CHANNEL", value_parser = ["in-person", "phone", "letter", "email"])]
        channel: String,
        /// The professional reason, in your words [default: the decision's]; needed when the
        /// client has no decision
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// Write to this new file (0600) instead of printing; an existing file is never
        /// overwritten
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The offboarding checklist of a client being let go: show it, tick or untick an item
    Offboard(crate::commands::offboard::OffboardArgs),
    /// The portfolio report (or one client's) as JSON, CSV files or Markdown
    Export(crate::commands::export::ExportArgs),
    /// Read a CSV export of your PSA (Autotask, ConnectWise, HaloPSA, Syncro, or the generic
    /// format): clients, tickets, invoices, time or recommendations, in one transaction; or a
    /// full dump (import all)
    Import(ImportArgs),
    /// What is coming up: contract ends, last days to give notice, reviews due, exits
    Upcoming {
        /// How many days ahead [default: 120]
        #[arg(long, value_name = "N", default_value_t = crate::domain::decide::upcoming::HORIZON_DAYS, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Copy the database to FILE, safely, even while rapport runs
    Backup {
        /// Where to write the copy (must not exist)
        file: PathBuf,
    },
    /// Check the database: SQLite's integrity check and a recount of the per-day rollup
    Check,
    /// Put a backup back in place of the database (its current contents are kept first)
    Restore {
        /// The backup to restore, e.g. one from the backups folder next to the database
        file: PathBuf,
        /// Do not ask for confirmation (for scripts)
        #[arg(long)]
        yes: bool,
    },
}

/// What an import file holds, as `rapport import KIND` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportWhat {
    Clients,
    Tickets,
    Invoices,
    Time,
    Recommendations,
    /// A full dump (`rapport export --format json --all`), into an empty database.
    All,
}

impl ImportWhat {
    /// The kind of CSV file, for the domain; None for a full dump.
    pub fn kind(self) -> Option<crate::domain::import::ImportKind> {
        use crate::domain::import::ImportKind;
        match self {
            ImportWhat::Clients => Some(ImportKind::Clients),
            ImportWhat::Tickets => Some(ImportKind::Tickets),
            ImportWhat::Invoices => Some(ImportKind::Invoices),
            ImportWhat::Time => Some(ImportKind::Time),
            ImportWhat::Recommendations => Some(ImportKind::Recommendations),
            ImportWhat::All => None,
        }
    }
}

/// The arguments of `rapport import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the file holds: clients, tickets, invoices, time or recommendations (a CSV
    /// export), or all (a full dump, into an empty database)
    #[arg(value_enum, value_name = "KIND", hide_possible_values = true)]
    pub what: ImportWhat,
    /// The CSV file exported from your PSA (or the dump, with all)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Read the file with this preset: one saved in the config, or a built-in one such as
    /// autotask-tickets, syncro-customers, syncro-invoices [default: found from the headers]
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Feed a column to a field, e.g. --map "Company Name=client" (a field of - leaves the
    /// column unread); repeat for more columns
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// What a ticket's type or status means: "kind:Billing=admin", "kind:*=request" (any
    /// other type), "status:Escalated=escalated", "status:Reopened=reopened"; repeat for more
    #[arg(long = "value", value_name = "RULE")]
    pub values: Vec<String>,
    /// How the file writes dates that read two ways (03/05/2024): iso, m/d/Y or d/m/Y
    #[arg(long, value_name = "FMT")]
    pub date_format: Option<String>,
    /// Create the clients the file names that rapport does not hold (else their rows are
    /// skipped)
    #[arg(long)]
    pub create_clients: bool,
    /// Show what would be added, updated and skipped, and every bad row; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// JSON instead of text
    #[arg(long)]
    pub json: bool,
    /// Save the mapping used under NAME in the config file, so that the next import needs
    /// only --preset NAME
    #[arg(long, value_name = "NAME")]
    pub save_preset: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Add a client
    Add(ClientArgs),
    /// Change a client: only the fields you pass change
    Edit {
        /// The client's current name (any case)
        #[arg(value_name = "NAME")]
        client: String,
        #[command(flatten)]
        fields: ClientArgs,
    },
    /// List clients
    List {
        /// JSON instead of a table (money as integer *_cents)
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args, Default, Clone)]
pub struct ClientArgs {
    /// The client's name (unique, any case)
    #[arg(long)]
    pub name: Option<String>,
    /// Contact person
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// Monthly recurring revenue, e.g. 1500 or 1,500.50
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = non_empty_count)]
    pub mrr: Option<String>,
    /// Number of seats (users or devices) under contract
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = non_empty_count)]
    pub seats: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub contract_start: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub contract_end: Option<String>,
    /// Notice period in days
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = non_empty_count)]
    pub notice_days: Option<String>,
    /// Managed services are paid before the month starts
    #[arg(long, conflicts_with = "not_prepaid")]
    pub prepaid: bool,
    /// Not prepaid (to undo --prepaid when editing)
    #[arg(long)]
    pub not_prepaid: bool,
    /// Payment terms in days (a new client gets 30)
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = non_empty_count)]
    pub terms_days: Option<String>,
    /// Archetype or segment label, e.g. "dental", "legal"
    #[arg(long, value_name = "LABEL")]
    pub segment: Option<String>,
    /// active, prospect or former (a new client is active)
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

impl ClientArgs {
    /// True when not one field was given.
    pub fn is_empty(&self) -> bool {
        let ClientArgs {
            name,
            contact,
            email,
            phone,
            mrr,
            seats,
            contract_start,
            contract_end,
            notice_days,
            prepaid,
            not_prepaid,
            terms_days,
            segment,
            status,
            notes,
        } = self;
        [
            name,
            contact,
            email,
            phone,
            mrr,
            seats,
            contract_start,
            contract_end,
            notice_days,
            terms_days,
            segment,
            status,
            notes,
        ]
        .iter()
        .all(|v| v.is_none())
            && !prepaid
            && !not_prepaid
    }
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// A ticket opened (and maybe closed)
    Ticket {
        #[command(flatten)]
        client: ClientRef,
        /// The day it was opened [default: today]
        #[arg(long, value_name = "DATE")]
        opened: Option<String>,
        #[arg(long, value_name = "DATE")]
        closed: Option<String>,
        /// incident, request or admin [default: incident]
        #[arg(long)]
        kind: Option<String>,
        /// It went over your head to management
        #[arg(long)]
        escalated: bool,
        /// How often it was reopened
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        reopens: Option<String>,
        /// Your PSA's ticket number
        #[arg(long = "ref", value_name = "REF")]
        reference: Option<String>,
        /// What it was about, in a few words
        #[arg(long, value_name = "TEXT")]
        subject: Option<String>,
    },
    /// A ticket came back: its reopen count goes up
    Reopen {
        #[command(flatten)]
        client: ClientRef,
        /// The ticket's id, e.g. t12 (see 'events list') [default: the client's latest ticket]
        #[arg(long, value_name = "ID", value_parser = ticket_id)]
        ticket: Option<i64>,
    },
    /// A ticket was escalated to management
    Escalation {
        #[command(flatten)]
        client: ClientRef,
        /// The ticket's id, e.g. t12 [default: the client's latest ticket not escalated]
        #[arg(long, value_name = "ID", value_parser = ticket_id)]
        ticket: Option<i64>,
    },
    /// An invoice sent
    Invoice {
        #[command(flatten)]
        client: ClientRef,
        /// e.g. 1200 or 1,200.50
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        amount: String,
        /// [default: today]
        #[arg(long, value_name = "DATE")]
        issued: Option<String>,
        /// [default: issued + the client's payment terms]
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        #[arg(long, value_name = "DATE")]
        paid: Option<String>,
        #[arg(long)]
        disputed: bool,
        /// [default: the next INV-0001 style number]
        #[arg(long)]
        number: Option<String>,
        /// Your PSA's or bookkeeping's number for it
        #[arg(long = "ref", value_name = "REF")]
        reference: Option<String>,
    },
    /// An invoice paid
    Payment {
        #[command(flatten)]
        client: ClientRef,
        /// The invoice number
        #[arg(long)]
        invoice: String,
        /// [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Time worked for the client
    Time {
        #[command(flatten)]
        client: ClientRef,
        /// 90, 90m, 1.5h, 1h30 or 1:30
        #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
        duration: String,
        /// [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// A recommendation made (or decided: implemented or ignored)
    Recommendation {
        #[command(flatten)]
        client: ClientRef,
        #[arg(long)]
        title: String,
        /// [default: today]
        #[arg(long, value_name = "DATE")]
        made: Option<String>,
        /// It concerns security
        #[arg(long)]
        security: bool,
        /// open, implemented or ignored [default: open]
        #[arg(long)]
        status: Option<String>,
        /// When it was implemented or ignored [default: the day it was made]
        #[arg(long, value_name = "DATE")]
        decided: Option<String>,
    },
    /// An incident: abuse, disrespect, security, unreasonable_demand or other
    Incident {
        #[command(flatten)]
        client: ClientRef,
        #[arg(long)]
        kind: String,
        /// [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// A client's events, newest first, with the ids that edit and void take
    List {
        #[command(flatten)]
        client: ClientRef,
        /// Only one kind: ticket, invoice, time, recommendation or incident
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Only events whose text holds this (any case, accents ignored)
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Change a logged event: only the fields you pass change, with the checks of a new one
    Edit {
        /// The event's id, e.g. t12 (see 'events list')
        #[arg(value_name = "ID")]
        id: String,
        #[command(flatten)]
        fields: Box<EventArgs>,
    },
    /// Void an event: it stays in the file, struck through, and counts nowhere
    Void {
        /// The event's id, e.g. t12
        #[arg(value_name = "ID")]
        id: String,
        /// Why (required): shown beside it from now on
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Restore a voided event: it counts again
    Unvoid {
        /// The event's id, e.g. t12
        #[arg(value_name = "ID")]
        id: String,
    },
}

/// The fields an event edit may change; each applies to some kinds of event only.
#[derive(Debug, Args, Default, Clone)]
pub struct EventArgs {
    /// Ticket: opened on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub opened: Option<String>,
    /// Ticket: closed on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub closed: Option<String>,
    /// Ticket: incident, request or admin; incident: abuse, disrespect, security, ...
    #[arg(long, value_parser = non_empty)]
    pub kind: Option<String>,
    /// Ticket: it went to management
    #[arg(long, conflicts_with = "not_escalated")]
    pub escalated: bool,
    /// Ticket: it did not go to management
    #[arg(long)]
    pub not_escalated: bool,
    /// Ticket: how often it was reopened
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = non_empty_count)]
    pub reopens: Option<String>,
    /// Ticket or invoice: your PSA's number for it
    #[arg(long = "ref", value_name = "REF")]
    pub reference: Option<String>,
    /// Ticket: what it was about
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// Invoice: the amount
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true, value_parser = non_empty)]
    pub amount: Option<String>,
    /// Invoice: issued on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub issued: Option<String>,
    /// Invoice: due on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub due: Option<String>,
    /// Invoice: paid on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date, conflicts_with = "unpaid")]
    pub paid: Option<String>,
    /// Invoice: not paid after all
    #[arg(long)]
    pub unpaid: bool,
    /// Invoice: disputed
    #[arg(long, conflicts_with = "not_disputed")]
    pub disputed: bool,
    /// Invoice: not disputed
    #[arg(long)]
    pub not_disputed: bool,
    /// Invoice: its number
    #[arg(long, value_parser = non_empty)]
    pub number: Option<String>,
    /// Time: how long (90, 1.5h, 1h30)
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true, value_parser = non_empty)]
    pub duration: Option<String>,
    /// Time and incident: the day
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub date: Option<String>,
    /// Time and incident: the note
    #[arg(long)]
    pub note: Option<String>,
    /// Recommendation: the title
    #[arg(long, value_parser = non_empty)]
    pub title: Option<String>,
    /// Recommendation: made on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub made: Option<String>,
    /// Recommendation: it concerns security
    #[arg(long, conflicts_with = "not_security")]
    pub security: bool,
    /// Recommendation: it does not concern security
    #[arg(long)]
    pub not_security: bool,
    /// Recommendation: open, implemented or ignored
    #[arg(long, value_parser = non_empty)]
    pub status: Option<String>,
    /// Recommendation: decided on
    #[arg(long, value_name = "DATE", value_parser = non_empty_date)]
    pub decided: Option<String>,
}

/// When and over how long the Pareto commands measure, and how they print.
#[derive(Debug, Args)]
pub struct ParetoPeriod {
    /// Measure as of DATE [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub as_of: Option<NaiveDate>,
    /// The window in days ending on the as-of date [default: config, 365]
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(7..=3650))]
    pub window: Option<u32>,
    /// JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ClientRef {
    /// The client's name (any case)
    #[arg(long, value_name = "NAME")]
    pub client: String,
}

/// A value that must not be empty: `--number ''` is a mistake, not a way to reset a field.
fn non_empty(s: &str) -> Result<String, String> {
    given(s, crate::t!("cli.empty_value"))
}

/// A date that must not be empty.
fn non_empty_date(s: &str) -> Result<String, String> {
    given(s, crate::t!("cli.empty_date"))
}

/// A number or amount that must not be empty, where 0 means none: `--mrr ''` is a mistake.
fn non_empty_count(s: &str) -> Result<String, String> {
    given(s, crate::t!("cli.empty_count"))
}

fn given(s: &str, empty: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err(empty.into())
    } else {
        Ok(s.to_string())
    }
}

/// A ticket's id as `events list` shows it (t12), or the bare number.
fn ticket_id(s: &str) -> Result<i64, String> {
    use crate::domain::record::EventRef;
    let t = s.trim();
    let text = if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        format!("t{t}")
    } else {
        t.to_string()
    };
    match EventRef::parse("ticket", &text).map_err(|e| e.message)? {
        EventRef::Ticket(row) => Ok(row),
        other => Err(crate::t!(
            "cli.not_a_ticket",
            id = other,
            kind = other.table().name()
        )),
    }
}

fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date("date", s).map_err(|e| e.message)
}

fn lang_arg(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| crate::t!("cli.lang_unknown", value = s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_may_come_before_the_subcommand() {
        let cli =
            Cli::parse_args(["rapport", "--db", "x.db", "--no-color", "client", "list"]).unwrap();
        assert_eq!(cli.db, Some(PathBuf::from("x.db")));
        assert!(cli.no_color);
        assert!(matches!(cli.command, Some(Command::Client(_))));
    }

    #[test]
    fn every_environment_option_is_an_option() {
        let command = Cli::command();
        for (id, var) in ENV_OPTIONS {
            let arg = command
                .get_arguments()
                .find(|a| a.get_id() == id)
                .unwrap_or_else(|| panic!("no option {id}"));
            assert_eq!(arg.get_env(), Some(std::ffi::OsStr::new(var)));
        }
    }

    #[test]
    fn demo_takes_no_subcommand() {
        let e = Cli::parse_args(["rapport", "--demo", "client", "list"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::ArgumentConflict);
        assert!(Cli::parse_args(["rapport", "--demo"]).unwrap().demo);
    }
}
