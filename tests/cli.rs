//! The real `rapport` binary, sandboxed: every subcommand, its bad input, exit codes, error
//! lines, and the config file. Each test has its own temporary folder.

mod common;

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use common::{Sandbox, TODAY, column, count, fixture, refused, w};

/// A sandbox holding clients Acme (payment terms 14 days) and Globex.
fn with_clients() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme --terms-days 14"));
    sb.ok(&w("client add --name Globex"));
    sb
}

/// `base` followed by the words of `extra`.
fn with<'a>(base: &'a str, extra: &'a str) -> Vec<&'a str> {
    w(base).into_iter().chain(w(extra)).collect()
}

fn client<'a>(rows: &'a [Value], name: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no client {name} in {rows:?}"))
}

fn q(sb: &Sandbox, sql: &str) -> Vec<String> {
    column(&sb.db, sql)
}

// ---- help, version, usage errors ---------------------------------------------------------

const SUBCOMMANDS: &[&str] = &[
    "",
    "client",
    "client add",
    "client edit",
    "client list",
    "log",
    "log ticket",
    "log reopen",
    "log escalation",
    "log invoice",
    "log payment",
    "log time",
    "log recommendation",
    "log incident",
    "demo",
    "scorecard",
    "pareto",
    "whatif",
    "vote",
    "backup",
];

#[test]
fn every_subcommand_answers_help_and_version() {
    let sb = Sandbox::new();
    let version = format!(" {}\n", env!("CARGO_PKG_VERSION"));
    for path in SUBCOMMANDS {
        let usage = format!("Usage: rapport {path}").trim_end().to_string();
        for flag in ["--help", "-h"] {
            let out = sb.ok(&with(path, flag));
            assert!(out.contains(&usage), "{path} {flag}: {out}");
        }
        let out = sb.ok(&with(path, "--version"));
        assert!(
            out.starts_with("rapport") && out.ends_with(&version),
            "{path} --version: {out}"
        );
    }
    assert!(!sb.db.exists(), "help and version create no database");
}

#[test]
fn help_names_every_subcommand() {
    let sb = Sandbox::new();
    let out = sb.ok(&w("--help"));
    for c in [
        "client",
        "log",
        "demo",
        "scorecard",
        "pareto",
        "whatif",
        "vote",
        "backup",
    ] {
        assert!(out.contains(c), "{out}");
    }
    let out = sb.ok(&w("log --help"));
    for c in SUBCOMMANDS.iter().filter_map(|s| s.strip_prefix("log ")) {
        assert!(out.contains(c), "{out}");
    }
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let sb = Sandbox::new();
    let cases = [
        ("frobnicate", "frobnicate"),
        ("client", "requires a subcommand"),
        ("client remove", "remove"),
        ("client list --colour", "--colour"),
        ("client edit", "<NAME>"),
        ("log ticket", "--client"),
        ("log invoice --client Acme", "--amount"),
        ("log reopen --client Acme --ticket first", "first"),
        ("backup", "<FILE>"),
        ("--demo client list", "--demo"),
        ("--today 2026-02-30 client list", "2026-02-30"),
        ("--today 2026-2-3 client list", "2026-2-3"),
    ];
    for (args, word) in cases {
        refused(&sb, &w(args), 2, &[word]);
    }
    assert!(!sb.db.exists(), "usage errors create no database");
}

#[test]
fn an_invalid_rapport_today_is_a_usage_error() {
    let sb = Sandbox::new();
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_TODAY", "2026-02-30")
            .args(w("client list")),
    );
    assert!(r.fails(2).contains("2026-02-30"));
}

#[test]
fn an_empty_environment_variable_is_one_not_set() {
    let sb = Sandbox::new();
    // RAPPORT_TODAY= is today as the system sees it.
    sb.ok(&w("client add --name Acme"));
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_TODAY", "")
            .args(w("log ticket --client Acme")),
    );
    let today = chrono::Local::now().date_naive().to_string();
    assert!(r.ok().contains(&format!("opened {today}")), "{r:?}");
    // RAPPORT_DB= and RAPPORT_CONFIG= are the default places.
    let r = common::run(
        sb.bare_cmd()
            .env("RAPPORT_DB", "")
            .env("RAPPORT_CONFIG", "")
            .env("RAPPORT_TODAY", "")
            .args(w("client add --name Globex")),
    );
    r.ok();
    let db = sb.path("home").join("data/rapport/rapport.db");
    assert_eq!(column(&db, "SELECT name FROM clients"), ["Globex"]);
    // A flag given empty is still a mistake.
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_TODAY", "")
            .args(["--today", "", "client", "list"]),
    );
    assert!(r.fails(2).contains("--today"), "{r:?}");
}

// ---- where the files are -------------------------------------------------------------------

#[test]
fn the_db_flag_overrides_rapport_db() {
    let sb = Sandbox::new();
    let flagged = sb.path("flagged.db");
    let f = flagged.to_str().unwrap();
    sb.ok(&["--db", f, "client", "add", "--name", "Acme"]);
    assert!(!sb.db.exists(), "RAPPORT_DB was not used");
    assert_eq!(column(&flagged, "SELECT name FROM clients"), ["Acme"]);
}

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let sb = Sandbox::new();
    let other = sb.path("other.db");
    let o = other.to_str().unwrap();
    sb.ok(&["--db", o, "client", "add", "--name", "Acme"]);
    sb.ok(&["client", "add", "--name", "Globex", "--db", o]);
    sb.ok(&[
        "--no-color",
        "--today",
        "2026-01-01",
        "log",
        "ticket",
        "--client",
        "Acme",
        "--db",
        o,
    ]);
    sb.ok(&[
        "log",
        "ticket",
        "--client",
        "Acme",
        "--db",
        o,
        "--today",
        "2026-01-02",
    ]);
    assert_eq!(count(&other, "clients"), 2);
    assert_eq!(
        column(&other, "SELECT opened_on FROM tickets ORDER BY id"),
        ["2026-01-01", "2026-01-02"]
    );
    assert!(!sb.db.exists());
}

#[cfg(unix)]
#[test]
fn without_rapport_db_the_database_lives_in_a_private_data_folder() {
    let sb = Sandbox::new();
    common::run(sb.bare_cmd().args(w("client add --name Acme"))).ok();
    let data = sb.path("home").join("data");
    let db = data.join("rapport").join("rapport.db");
    assert_eq!(column(&db, "SELECT name FROM clients"), ["Acme"]);
    assert_eq!(common::mode(&data), 0o700);
    assert_eq!(common::mode(&data.join("rapport")), 0o700);
    assert_eq!(common::mode(&db), 0o600);
}

// ---- client add / edit / list ------------------------------------------------------------------

#[test]
fn client_add_stores_every_field_and_list_json_shows_them() {
    let sb = Sandbox::new();
    let out = sb.ok(&[
        "client",
        "add",
        "--name",
        "Acme BV",
        "--contact",
        "Jan de Vries",
        "--email",
        "it@acme.example",
        "--phone",
        "+31 20 123 4567",
        "--mrr",
        "1,500.50",
        "--seats",
        "12",
        "--contract-start",
        "2025-01-01",
        "--contract-end",
        "2027-12-31",
        "--notice-days",
        "90",
        "--prepaid",
        "--terms-days",
        "14",
        "--segment",
        "dental",
        "--status",
        "prospect",
        "--notes",
        "Pays late, nice people",
    ]);
    assert_eq!(out, "added client 'Acme BV'\n");
    let rows = sb.clients_json();
    assert_eq!(rows.len(), 1);
    let c = rows[0].as_object().unwrap();
    assert_eq!(c["id"], 1);
    assert_eq!(c["name"], "Acme BV");
    assert_eq!(c["contact_name"], "Jan de Vries");
    assert_eq!(c["email"], "it@acme.example");
    assert_eq!(c["phone"], "+31 20 123 4567");
    assert_eq!(c["mrr_cents"], 150_050);
    assert!(c["mrr_cents"].is_i64(), "money is an integer");
    assert_eq!(c["seats"], 12);
    assert_eq!(c["contract_start"], "2025-01-01");
    assert_eq!(c["contract_end"], "2027-12-31");
    assert_eq!(c["notice_days"], 90);
    assert_eq!(c["prepaid"], true);
    assert_eq!(c["payment_terms_days"], 14);
    assert_eq!(c["segment"], "dental");
    assert_eq!(c["status"], "prospect");
    assert_eq!(c["notes"], "Pays late, nice people");
    assert_eq!(c["tickets_90d"], 0);
    assert_eq!(c["last_activity"], Value::Null);
    for stamp in ["created_at", "updated_at"] {
        let s = c[stamp].as_str().unwrap();
        assert!(
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").is_ok(),
            "{stamp} is an ISO UTC timestamp: {s}"
        );
    }
    let mut keys: Vec<&str> = c.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        w(
            "contact_name contract_end contract_start created_at email id last_activity \
           mrr_cents name notes notice_days payment_terms_days phone prepaid seats segment \
           status tickets_90d updated_at"
        ),
        "no field more, no field less"
    );
}

#[test]
fn a_new_client_gets_the_defaults() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme"));
    let c = &sb.clients_json()[0];
    assert_eq!(c["mrr_cents"], 0);
    assert_eq!(c["seats"], 1);
    assert_eq!(c["payment_terms_days"], 30);
    assert_eq!(c["status"], "active");
    assert_eq!(c["prepaid"], false);
    for none in w("contact_name email phone contract_start contract_end notice_days segment notes")
    {
        assert_eq!(c[none], Value::Null, "{none}");
    }
}

#[test]
fn money_input_accepts_the_documented_forms() {
    let sb = Sandbox::new();
    let forms = [
        ("1500", 150_000),
        ("1500.50", 150_050),
        ("1,500.50", 150_050),
    ];
    for (i, (typed, cents)) in forms.into_iter().enumerate() {
        let name = format!("Client{i}");
        sb.ok(&["client", "add", "--name", &name, "--mrr", typed]);
        assert_eq!(
            client(&sb.clients_json(), &name)["mrr_cents"],
            cents,
            "{typed}"
        );
        sb.ok(&["log", "invoice", "--client", &name, "--amount", typed]);
        let sql = format!(
            "SELECT amount_cents FROM invoices i JOIN clients c ON c.id = i.client_id \
             WHERE c.name = '{name}'"
        );
        assert_eq!(q(&sb, &sql), [cents.to_string()], "{typed}");
    }
}

#[test]
fn money_input_refuses_bad_amounts_and_writes_nothing() {
    let sb = with_clients();
    for (typed, why) in [
        ("-5", "must not be negative"),
        ("1.505", "more than two decimals"),
        ("12,34", "misplaced thousands separators"),
        ("twelve", "not a number"),
    ] {
        let add = ["client", "add", "--name", "Initech", "--mrr", typed];
        refused(&sb, &add, 2, &["MRR", why]);
        refused(
            &sb,
            &["client", "edit", "Acme", "--mrr", typed],
            2,
            &["MRR", why],
        );
        let invoice = ["log", "invoice", "--client", "Acme", "--amount", typed];
        refused(&sb, &invoice, 2, &["amount", why]);
    }
}

#[test]
fn dates_refuse_impossible_and_misshapen_input() {
    let sb = with_clients();
    for (typed, why) in [
        ("2026-02-30", "not a real calendar date"),
        ("2026-2-3", "YYYY-MM-DD"),
        ("30-06-2026", "YYYY-MM-DD"),
    ] {
        let add = [
            "client",
            "add",
            "--name",
            "Initech",
            "--contract-start",
            typed,
        ];
        refused(&sb, &add, 2, &["contract start", typed, why]);
        let ticket = ["log", "ticket", "--client", "Acme", "--opened", typed];
        refused(&sb, &ticket, 2, &["opened", why]);
        let time = [
            "log",
            "time",
            "--client",
            "Acme",
            "--duration",
            "30",
            "--date",
            typed,
        ];
        refused(&sb, &time, 2, &["date", why]);
        let today = ["--today", typed, "log", "ticket", "--client", "Acme"];
        refused(&sb, &today, 2, &[typed]);
    }
}

#[test]
fn client_add_refuses_bad_input_and_writes_nothing() {
    let sb = with_clients();
    let long = "x".repeat(101);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--name", "acme"],
            &["name", "already used by client 'Acme'"],
        ),
        (
            &["--name", "  GLOBEX "],
            &["already used by client 'Globex'"],
        ),
        (&[], &["name is empty"]),
        (&["--name", "   "], &["name is empty"]),
        (
            &w("--name Initech --contract-start 2026-05-01 --contract-end 2026-04-30"),
            &["contract end 2026-04-30 is before contract start 2026-05-01"],
        ),
        (
            &w("--name Initech --status gone"),
            &["status", "'gone'", "active, prospect, former"],
        ),
        (
            &w("--name Initech --email it.initech.example"),
            &["email", "@"],
        ),
        (
            &w("--name Initech --seats -3"),
            &["seats must not be negative"],
        ),
        (
            &w("--name Initech --notice-days ten"),
            &["notice days", "whole number"],
        ),
        (
            &w("--name Initech --terms-days 400"),
            &["payment terms must be at most 365"],
        ),
        (&["--name", &long], &["name is 101 characters long"]),
    ];
    for (args, words) in cases {
        let args: Vec<&str> = ["client", "add"]
            .iter()
            .chain(args.iter())
            .copied()
            .collect();
        refused(&sb, &args, 2, words);
    }
    assert_eq!(sb.clients_json().len(), 2);
}

#[test]
fn several_bad_fields_are_all_named_in_one_line() {
    let sb = Sandbox::new();
    let args = w("client add --name X --mrr 1.505 --email foo --contract-start 2026-02-30");
    refused(&sb, &args, 2, &["MRR", "email", "contract start"]);
    assert!(!sb.db.exists(), "invalid input creates no database");
}

#[test]
fn client_edit_changes_only_the_given_fields() {
    let sb = Sandbox::new();
    sb.ok(&w(
        "client add --name Acme --email it@acme.example --mrr 1500 --prepaid \
              --contract-start 2025-01-01 --segment dental --notes ok",
    ));
    let before = sb.clients_json().remove(0);
    let out = sb.ok(&w("client edit ACME --mrr 2,000 --not-prepaid --seats 20"));
    assert_eq!(out, "updated client 'Acme': MRR, seats, prepaid\n");
    let after = sb.clients_json().remove(0);
    assert_eq!(after["mrr_cents"], 200_000);
    assert_eq!(after["prepaid"], false);
    assert_eq!(after["seats"], 20);
    for same in w(
        "id name email contract_start segment status payment_terms_days created_at \
                   contact_name notes",
    ) {
        assert_eq!(after[same], before[same], "{same} must not change");
    }
    assert!(after["updated_at"].as_str() >= before["updated_at"].as_str());

    // Renaming, also to another case of the same name.
    sb.ok(&["client", "edit", "acme", "--name", "Acme Holding"]);
    sb.ok(&[
        "client",
        "edit",
        "acme holding",
        "--name",
        "ACME HOLDING",
        "--prepaid",
    ]);
    let c = sb.clients_json().remove(0);
    assert_eq!(c["name"], "ACME HOLDING");
    assert_eq!(c["id"], before["id"]);
    assert_eq!(c["prepaid"], true);
    assert_eq!(c["mrr_cents"], 200_000);
}

#[test]
fn client_edit_refuses_bad_input_and_writes_nothing() {
    let sb = with_clients();
    sb.ok(&w("client edit Acme --contract-start 2026-01-01"));
    let cases = [
        ("Initech --mrr 5", 2, "no client named 'Initech'"),
        ("Globex --name ACME", 2, "already used by client 'Acme'"),
        (
            "Acme --contract-end 2025-12-31",
            2,
            "before contract start 2026-01-01",
        ),
        ("Acme --status fired", 2, "'fired'"),
        ("Acme --email none", 2, "email"),
    ];
    for (args, code, word) in cases {
        refused(&sb, &with("client edit", args), code, &[word]);
    }
    refused(
        &sb,
        &["client", "edit", "Acme", "--name", ""],
        2,
        &["name is empty"],
    );
}

#[test]
fn client_list_shows_a_table_sorted_by_name() {
    let sb = Sandbox::new();
    // Listing never creates a database: a mistyped --db path must not look like an empty book.
    refused(
        &sb,
        &w("client list"),
        2,
        &["there is no database at", "rapport client add"],
    );
    assert!(!sb.db.exists());
    // An existing database without clients says how to start.
    sb.ok(&w("client add --name Zed"));
    let conn = common::raw_read(&sb.db);
    conn.execute("DELETE FROM clients", []).unwrap();
    drop(conn);
    let empty = sb.ok(&w("client list"));
    assert_eq!(
        empty,
        "no clients yet: add one with 'rapport client add --name NAME'\n"
    );
    assert_eq!(sb.clients_json(), Vec::<Value>::new());
    sb.ok(&w("client add --name globex --mrr 999.50 --seats 3"));
    sb.ok(&w(
        "client add --name Acme --mrr 1,500.50 --seats 12 --contract-end 2027-12-31",
    ));
    sb.ok(&[
        "client",
        "add",
        "--name",
        "Zoë Tandarts",
        "--status",
        "former",
    ]);
    sb.ok(&w("log ticket --client acme"));
    let out = sb.ok(&w("client list"));
    let cells: Vec<Vec<&str>> = out
        .lines()
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        cells,
        [
            vec![
                "NAME",
                "STATUS",
                "MRR",
                "SEATS",
                "CONTRACT END",
                "TICKETS 90D",
                "LAST ACTIVITY"
            ],
            vec!["Acme", "active", "€1,501", "12", "2027-12-31", "1", TODAY],
            vec!["globex", "active", "€1,000", "3", "-", "0", "-"],
            vec!["Zoë Tandarts", "former", "€0", "1", "-", "0", "-"],
        ],
        "{out}"
    );
    let names: Vec<Value> = sb
        .clients_json()
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(
        names,
        [json!("Acme"), json!("globex"), json!("Zoë Tandarts")]
    );
}

#[test]
fn client_list_counts_tickets_of_the_last_90_days_and_the_latest_activity() {
    let sb = with_clients();
    // The 90 days ending on 2026-06-30 start on 2026-04-02.
    for opened in ["2026-04-01", "2026-04-02", "2026-06-30"] {
        sb.ok(&["log", "ticket", "--client", "Acme", "--opened", opened]);
    }
    sb.ok(&w(
        "log incident --client Globex --kind abuse --date 2026-05-05",
    ));
    let rows = sb.clients_json();
    let acme = client(&rows, "Acme");
    assert_eq!(acme["tickets_90d"], 2);
    assert_eq!(acme["last_activity"], "2026-06-30");
    let globex = client(&rows, "Globex");
    assert_eq!(globex["tickets_90d"], 0);
    assert_eq!(globex["last_activity"], "2026-05-05");

    // Two days later, with a ticket and time logged then.
    let on = |day: &str, args: &str| {
        common::run(sb.cmd().env("RAPPORT_TODAY", day).args(w(args)))
            .ok()
            .to_string()
    };
    on("2026-07-02", "log ticket --client Acme --opened 2026-07-01");
    on(
        "2026-07-02",
        "log time --client Globex --duration 1h --date 2026-07-02",
    );
    let rows: Vec<Value> = serde_json::from_str(&on("2026-07-02", "client list --json")).unwrap();
    let acme = client(&rows, "Acme");
    assert_eq!(acme["tickets_90d"], 2, "04-02 fell out, 07-01 came in");
    assert_eq!(acme["last_activity"], "2026-07-01");
    assert_eq!(client(&rows, "Globex")["last_activity"], "2026-07-02");
    // Looked at as of the day before, the later ticket is no activity yet.
    let rows = sb.clients_json();
    assert_eq!(client(&rows, "Acme")["last_activity"], "2026-06-30");
}

// ---- log -----------------------------------------------------------------------------------

#[test]
fn an_invoice_keeps_the_reference_it_is_logged_or_edited_with() {
    let sb = with_clients();
    sb.ok(&w("log invoice --client Acme --amount 100 --ref BOOK-17"));
    sb.ok(&w("log invoice --client Acme --amount 200"));
    sb.ok(&w("events edit i2 --ref BOOK-18"));
    assert_eq!(
        q(&sb, "SELECT external_ref FROM invoices ORDER BY id"),
        ["BOOK-17", "BOOK-18"]
    );
}

#[test]
fn log_ticket_stores_what_was_typed() {
    let sb = with_clients();
    let out = sb.ok(&w(
        "log ticket --client acme --opened 2026-06-01 --closed 2026-06-03 \
                        --kind request --escalated --reopens 2 --ref PSA-4711",
    ));
    assert_eq!(out, "logged request ticket opened 2026-06-01 for 'Acme'\n");
    sb.ok(&w("log ticket --client Globex"));
    assert_eq!(
        q(
            &sb,
            "SELECT client_id || ' ' || opened_on || ' ' || ifnull(closed_on, '-') || ' ' || kind \
             || ' ' || escalated || ' ' || reopen_count || ' ' || ifnull(external_ref, '-') \
             FROM tickets ORDER BY id"
        ),
        [
            "1 2026-06-01 2026-06-03 request 1 2 PSA-4711".to_string(),
            format!("2 {TODAY} - incident 0 0 -"),
        ]
    );
}

#[test]
fn log_ticket_refuses_bad_input_and_writes_nothing() {
    let sb = with_clients();
    sb.ok(&w("log ticket --client Acme --ref PSA-1"));
    let cases = [
        (
            "--opened 2026-06-10 --closed 2026-06-09",
            "closed 2026-06-09 is before opened 2026-06-10",
        ),
        (
            "--kind outage",
            "'outage': expected one of incident, request, admin",
        ),
        ("--reopens -1", "reopens must not be negative"),
        (
            "--ref psa-1",
            "reference 'psa-1' is already used by ticket t1 of this client: choose another reference",
        ),
    ];
    for (args, word) in cases {
        refused(&sb, &with("log ticket --client Acme", args), 2, &[word]);
    }
    refused(
        &sb,
        &w("log ticket --client Initech"),
        2,
        &["no client named 'Initech'"],
    );
    assert_eq!(count(&sb.db, "tickets"), 1);
}

#[test]
fn log_reopen_and_escalation_pick_the_right_ticket() {
    let sb = with_clients();
    refused(
        &sb,
        &w("log reopen --client Acme"),
        2,
        &["ticket to reopen is missing: 'Acme' has no ticket yet"],
    );
    refused(
        &sb,
        &w("log escalation --client Acme"),
        2,
        &["ticket to escalate is missing: 'Acme' has no ticket yet"],
    );
    sb.ok(&w("log ticket --client Acme --opened 2026-06-01")); // t1
    sb.ok(&w("log ticket --client Acme --opened 2026-06-20")); // t2
    sb.ok(&w("log ticket --client Globex --opened 2026-06-25")); // t3

    let out = sb.ok(&w("log reopen --client Acme"));
    assert_eq!(
        out, "logged reopen of ticket t2 for 'Acme'\n",
        "the latest ticket"
    );
    sb.ok(&w("log reopen --client Acme --ticket 1"));
    sb.ok(&w("log reopen --client Acme --ticket 1"));
    assert_eq!(
        q(&sb, "SELECT reopen_count FROM tickets ORDER BY id"),
        ["2", "1", "0"]
    );

    let out = sb.ok(&w("log escalation --client Acme"));
    assert_eq!(out, "logged escalation of ticket t2 for 'Acme'\n");
    let out = sb.ok(&w("log escalation --client Acme"));
    assert_eq!(
        out, "logged escalation of ticket t1 for 'Acme'\n",
        "the latest not escalated"
    );
    assert_eq!(
        q(&sb, "SELECT escalated FROM tickets ORDER BY id"),
        ["1", "1", "0"]
    );
    refused(
        &sb,
        &w("log escalation --client Acme"),
        2,
        &["ticket to escalate is missing: every ticket of 'Acme' is escalated already"],
    );
    let again = w("log escalation --client Acme --ticket 1");
    refused(
        &sb,
        &again,
        2,
        &["ticket t1 is already escalated: pick another ticket"],
    );

    // Another client's ticket, or one that does not exist.
    let cases = [
        (
            "log reopen --client Globex --ticket 1",
            "ticket t1 is not one of this client's",
        ),
        (
            "log escalation --client Acme --ticket 3",
            "ticket t3 is not one of this client's",
        ),
        (
            "log reopen --client Acme --ticket 99",
            "ticket t99 is not one of this client's",
        ),
    ];
    for (args, word) in cases {
        refused(&sb, &w(args), 2, &[word]);
    }
}

#[test]
fn log_invoice_numbers_and_dates_invoices() {
    let sb = with_clients();
    let out = sb.ok(&w("log invoice --client Acme --amount 1,200"));
    assert_eq!(
        out, "logged invoice of €1,200.00 issued 2026-06-30, due 2026-07-14 for 'Acme'\n",
        "due after Acme's 14 days of payment terms"
    );
    sb.ok(&w(
        "log invoice --client Acme --amount 99.5 --issued 2026-05-01 --due 2026-05-31 \
              --paid 2026-06-02 --disputed",
    ));
    sb.ok(&w(
        "log invoice --client Acme --amount 10 --number 2026/0042",
    ));
    sb.ok(&w(
        "log invoice --client Globex --amount 10 --issued 2026-06-01",
    ));
    assert_eq!(
        q(
            &sb,
            "SELECT client_id || ' ' || number || ' ' || issued_on || ' ' || due_on || ' ' \
             || ifnull(paid_on, '-') || ' ' || amount_cents || ' ' || disputed \
             FROM invoices ORDER BY id"
        ),
        [
            "1 INV-0001 2026-06-30 2026-07-14 - 120000 0",
            "1 INV-0002 2026-05-01 2026-05-31 2026-06-02 9950 1",
            "1 2026/0042 2026-06-30 2026-07-14 - 1000 0",
            "2 INV-0001 2026-06-01 2026-07-01 - 1000 0",
        ]
    );
}

#[test]
fn log_invoice_refuses_bad_input_and_writes_nothing() {
    let sb = with_clients();
    sb.ok(&w("log invoice --client Acme --amount 10 --number A-1"));
    let cases = [
        (
            "--issued 2026-06-10 --due 2026-06-09",
            "due 2026-06-09 is before issued 2026-06-10",
        ),
        (
            "--issued 2026-06-10 --paid 2026-06-09",
            "paid 2026-06-09 is before the invoice was issued",
        ),
        (
            "--number a-1",
            "number 'a-1' is already used by invoice i1 of this client: choose another number",
        ),
        ("--due soon", "due 'soon' is not a date"),
        // The terms would put the due date past the last day a date can hold.
        (
            "--today 9999-12-31",
            "due would be after 9999-12-31: issued 9999-12-31 plus 14 days of payment terms; give a due date",
        ),
    ];
    for (args, word) in cases {
        refused(
            &sb,
            &with("log invoice --client Acme --amount 100", args),
            2,
            &[word],
        );
    }
    let empty = ["log", "invoice", "--client", "Acme", "--amount", ""];
    refused(&sb, &empty, 2, &["amount is empty"]);
    let nobody = w("log invoice --client Nobody --amount 100");
    refused(&sb, &nobody, 2, &["no client named 'Nobody'"]);
    assert_eq!(count(&sb.db, "invoices"), 1);
}

#[test]
fn log_payment_marks_an_invoice_paid() {
    let sb = with_clients();
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --issued 2026-06-01",
    ));
    sb.ok(&w(
        "log invoice --client Acme --amount 200 --issued 2026-06-01",
    ));
    sb.ok(&w(
        "log invoice --client Globex --amount 300 --issued 2026-06-01",
    ));
    let out = sb.ok(&w("log payment --client acme --invoice INV-0001"));
    assert_eq!(
        out,
        format!("logged payment of invoice INV-0001 on {TODAY} for 'Acme'\n")
    );
    sb.ok(&[
        "log",
        "payment",
        "--client",
        "Acme",
        "--invoice",
        " INV-0002 ",
        "--date",
        "2026-06-01",
    ]);
    assert_eq!(
        q(&sb, "SELECT ifnull(paid_on, '-') FROM invoices ORDER BY id"),
        [TODAY, "2026-06-01", "-"]
    );
}

#[test]
fn log_payment_refuses_bad_input_and_writes_nothing() {
    let sb = with_clients();
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --issued 2026-06-10",
    ));
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --issued 2026-06-10 --paid 2026-06-12",
    ));
    let cases = [
        (
            "Acme --invoice INV-0001 --date 2026-06-09",
            2,
            "date 2026-06-09 is before the invoice was issued (2026-06-10)",
        ),
        ("Acme --invoice INV-0002", 2, "already paid on 2026-06-12"),
        (
            "Acme --invoice INV-0001 --date 2026-06-31",
            2,
            "'2026-06-31' is not a real",
        ),
        (
            "Acme --invoice INV-0042",
            2,
            "'INV-0042' is not one of this client's invoice numbers",
        ),
        (
            "Globex --invoice INV-0001",
            2,
            "'INV-0001' is not one of this client's invoice numbers",
        ),
    ];
    for (args, code, word) in cases {
        refused(&sb, &with("log payment --client", args), code, &[word]);
    }
}

#[test]
fn log_time_accepts_the_usual_ways_of_writing_a_duration() {
    let sb = with_clients();
    for typed in ["90", "90m", "1.5h", "1h30", "1:30"] {
        sb.ok(&[
            "log",
            "time",
            "--client",
            "Acme",
            "--duration",
            typed,
            "--note",
            typed,
        ]);
    }
    sb.ok(&w("log time --client Acme --duration 2h --date 2026-06-01"));
    assert_eq!(
        q(
            &sb,
            "SELECT worked_on || ' ' || minutes || ' ' || ifnull(note, '-') \
             FROM time_entries ORDER BY id"
        ),
        [
            format!("{TODAY} 90 90"),
            format!("{TODAY} 90 90m"),
            format!("{TODAY} 90 1.5h"),
            format!("{TODAY} 90 1h30"),
            format!("{TODAY} 90 1:30"),
            "2026-06-01 120 -".to_string(),
        ]
    );
    for (typed, why) in [
        ("soon", "'soon' is not a duration"),
        ("0", "must be more than zero"),
        ("-5", "must not be negative"),
        ("25h", "at most 24 hours"),
        ("1:75", "75 minutes after the hours: at most 59"),
        ("1h90", "90 minutes after the hours: at most 59"),
    ] {
        let args = ["log", "time", "--client", "Acme", "--duration", typed];
        refused(&sb, &args, 2, &["time", why]);
    }
}

#[test]
fn log_recommendation_records_open_and_decided_ones() {
    let sb = with_clients();
    let base = ["log", "recommendation", "--client", "Acme", "--title"];
    let rec = |title: &'static str, extra: &'static str| -> Vec<&'static str> {
        base.iter()
            .copied()
            .chain([title])
            .chain(w(extra))
            .collect()
    };
    sb.ok(&rec("Enable MFA", "--security"));
    sb.ok(&rec(
        "Replace the 2012 server",
        "--made 2026-01-05 --status ignored",
    ));
    sb.ok(&rec(
        "Backups offsite",
        "--made 2026-01-05 --status implemented --decided 2026-02-01",
    ));
    assert_eq!(
        q(
            &sb,
            "SELECT made_on || ' ' || title || ' ' || security || ' ' || status || ' ' \
             || ifnull(decided_on, '-') FROM recommendations ORDER BY id"
        ),
        [
            format!("{TODAY} Enable MFA 1 open -"),
            "2026-01-05 Replace the 2012 server 0 ignored 2026-01-05".to_string(),
            "2026-01-05 Backups offsite 0 implemented 2026-02-01".to_string(),
        ]
    );
    let cases = [
        (
            "X",
            "--status maybe",
            "'maybe': expected one of open, implemented, ignored",
        ),
        (
            "X",
            "--decided 2026-06-01",
            "decided is set but the status is open",
        ),
        (
            "X",
            "--made 2026-03-01 --status implemented --decided 2026-02-01",
            "decided 2026-02-01 is before made 2026-03-01",
        ),
        ("  ", "", "title is empty"),
    ];
    for (title, extra, word) in cases {
        refused(&sb, &rec(title, extra), 2, &[word]);
    }
}

#[test]
fn log_incident_records_the_kinds_of_the_guide() {
    let sb = with_clients();
    for kind in w("abuse disrespect security unreasonable_demand Unreasonable-Demand other") {
        let args = ["--kind", kind, "--date", "2026-06-01", "--note", kind];
        sb.ok(&with("log incident --client Acme", &args.join(" ")));
    }
    sb.ok(&w("log incident --client Globex --kind other"));
    assert_eq!(
        q(
            &sb,
            "SELECT client_id || ' ' || occurred_on || ' ' || kind || ' ' || ifnull(note, '-') \
             FROM incidents ORDER BY id"
        ),
        [
            "1 2026-06-01 abuse abuse".to_string(),
            "1 2026-06-01 disrespect disrespect".to_string(),
            "1 2026-06-01 security security".to_string(),
            "1 2026-06-01 unreasonable_demand unreasonable_demand".to_string(),
            "1 2026-06-01 unreasonable_demand Unreasonable-Demand".to_string(),
            "1 2026-06-01 other other".to_string(),
            format!("2 {TODAY} other -"),
        ]
    );
    let rude = w("log incident --client Acme --kind rude");
    refused(&sb, &rude, 2, &["kind", "'rude'", "abuse, disrespect"]);
    let bad_date = w("log incident --client Acme --kind abuse --date 2026-2-3");
    refused(&sb, &bad_date, 2, &["date", "YYYY-MM-DD"]);
}

#[test]
fn today_sets_the_default_dates_of_logged_events() {
    let sb = with_clients();
    // Every kind of event, without dates, once under RAPPORT_TODAY and once with --today too.
    let log_all = |today_flag: &str, label: &str| {
        for args in [
            "log ticket --client Acme".to_string(),
            format!("log invoice --client Acme --amount 5 --issued 2025-01-01 --number {label}"),
            format!("log payment --client Acme --invoice {label}"),
            "log time --client Acme --duration 5".to_string(),
            format!("log recommendation --client Acme --title {label} --status ignored"),
            "log incident --client Acme --kind other".to_string(),
        ] {
            let args = with(today_flag, &args);
            common::run(sb.cmd().env("RAPPORT_TODAY", "2026-03-15").args(&args)).ok();
        }
    };
    log_all("", "env");
    log_all("--today 2025-11-30", "flag");
    let both = ["2026-03-15", "2025-11-30"];
    assert_eq!(q(&sb, "SELECT opened_on FROM tickets ORDER BY id"), both);
    assert_eq!(q(&sb, "SELECT paid_on FROM invoices ORDER BY id"), both);
    assert_eq!(
        q(&sb, "SELECT worked_on FROM time_entries ORDER BY id"),
        both
    );
    assert_eq!(
        q(&sb, "SELECT made_on FROM recommendations ORDER BY id"),
        both
    );
    assert_eq!(
        q(&sb, "SELECT decided_on FROM recommendations ORDER BY id"),
        both
    );
    assert_eq!(
        q(&sb, "SELECT occurred_on FROM incidents ORDER BY id"),
        both
    );
    // An invoice's issue date, and so its due date, follow today too.
    common::run(sb.cmd().args(w(
        "--today 2026-02-01 log invoice --client Globex --amount 1",
    )))
    .ok();
    assert_eq!(
        q(
            &sb,
            "SELECT issued_on || ' ' || due_on FROM invoices WHERE client_id = 2"
        ),
        ["2026-02-01 2026-03-03"]
    );
}

#[test]
fn logging_for_an_unknown_client_exits_2_and_writes_nothing() {
    let sb = with_clients();
    for args in [
        "log ticket --client Initech",
        "log reopen --client Initech",
        "log escalation --client Initech",
        "log invoice --client Initech --amount 1",
        "log payment --client Initech --invoice INV-0001",
        "log time --client Initech --duration 1h",
        "log recommendation --client Initech --title MFA",
        "log incident --client Initech --kind abuse",
    ] {
        refused(
            &sb,
            &w(args),
            2,
            &["no client named 'Initech'", "rapport client list"],
        );
    }
}

// ---- backup and demo -------------------------------------------------------------------------

#[test]
fn backup_writes_a_copy_with_the_same_data() {
    let sb = with_clients();
    sb.ok(&w("log ticket --client Acme --ref PSA-1"));
    sb.ok(&w("log invoice --client Globex --amount 1,234.56"));
    fs::create_dir(sb.path("copies")).unwrap();
    let copy = sb.path("copies/monday.db");
    let c = copy.to_str().unwrap();
    let out = sb.ok(&["backup", c]);
    assert_eq!(out, format!("backed up {} to {c}\n", sb.db.display()));
    assert_eq!(common::dump(&copy), sb.dump());
    let from_copy = common::run(sb.cmd().args(["client", "list", "--json", "--db", c]));
    assert_eq!(from_copy.ok(), sb.ok(&w("client list --json")));
    #[cfg(unix)]
    assert_eq!(common::mode(&copy), 0o600);
}

#[test]
fn backup_never_overwrites_a_file() {
    let sb = with_clients();
    let taken = sb.path("taken.db");
    fs::write(&taken, "keep me").unwrap();
    common::age(&taken);
    let before = common::folder_state(sb.dir.path());
    let t = taken.to_str().unwrap();
    refused(&sb, &["backup", t], 1, &[t, "never overwrites"]);
    refused(
        &sb,
        &["backup", sb.db.to_str().unwrap()],
        1,
        &["never overwrites"],
    );
    assert_eq!(common::folder_state(sb.dir.path()), before);
}

#[test]
fn demo_refuses_a_database_that_holds_clients() {
    let sb = with_clients();
    let db = sb.db.display().to_string();
    refused(
        &sb,
        &w("demo"),
        2,
        &[&db, "already holds 2 clients", "--db NEW_FILE"],
    );
}

// ---- databases rapport cannot use -----------------------------------------------------------

#[test]
fn a_database_from_a_newer_rapport_is_refused_untouched() {
    let sb = with_clients();
    let newer = rapport::store::schema_version() + 1;
    rusqlite::Connection::open(&sb.db)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    common::age(&sb.db);
    let before = common::folder_state(sb.dir.path());
    let db = sb.db.display().to_string();
    let expected = format!(
        "created by a newer rapport (schema {newer}, this one knows {}): upgrade rapport",
        rapport::store::schema_version()
    );
    for args in [
        "client list",
        "client add --name Initech",
        "client edit Acme --mrr 5",
        "log ticket --client Acme",
        "backup copy.db",
        "demo",
    ] {
        let msg = refused(&sb, &w(args), 1, &[&db]);
        assert!(msg.ends_with(&expected), "{args}: {msg}");
    }
    assert_eq!(common::folder_state(sb.dir.path()), before);
}

#[test]
fn a_file_that_is_not_a_rapport_database_is_refused_untouched() {
    let sb = Sandbox::new();
    fs::write(&sb.db, "name,mrr\nAcme,1500\n").unwrap();
    refused(&sb, &w("client list"), 2, &["is not a rapport database"]);
    refused(
        &sb,
        &w("client add --name Acme"),
        2,
        &["is not a rapport database"],
    );
    assert_eq!(fs::read_to_string(&sb.db).unwrap(), "name,mrr\nAcme,1500\n");
}

#[test]
fn a_damaged_database_is_refused_untouched() {
    let sb = with_clients();
    for i in 0..50 {
        sb.ok(&[
            "log",
            "ticket",
            "--client",
            "Acme",
            "--ref",
            &format!("T-{i}"),
        ]);
    }
    // Keep the 100-byte header, scribble over the rest of the first page (the schema).
    let mut bytes = fs::read(&sb.db).unwrap();
    for (i, b) in bytes[100..4096].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    fs::write(&sb.db, &bytes).unwrap();
    common::age(&sb.db);
    let before = common::folder_state(sb.dir.path());
    let db = sb.db.display().to_string();
    for args in ["client list", "log ticket --client Acme", "backup copy.db"] {
        let words = [
            db.as_str(),
            "is damaged",
            "restore a backup",
            "rapport restore",
        ];
        refused(&sb, &w(args), 1, &words);
    }
    assert_eq!(common::folder_state(sb.dir.path()), before);
}

// ---- the config file ----------------------------------------------------------------------------

#[test]
fn bad_config_files_stop_start_up_naming_file_place_and_key() {
    let cases = [
        (
            "unknown_key.toml",
            4,
            1,
            "unknown field `colour`",
            "display.colour",
        ),
        (
            "unknown_section.toml",
            5,
            2,
            "unknown field `colours`",
            "colours",
        ),
        (
            "bad_theme.toml",
            4,
            9,
            "display.theme 'pink'",
            "display.theme",
        ),
        (
            "negative_hourly_cost.toml",
            3,
            22,
            "costs.hourly_labour_cost must not be negative",
            "costs.hourly_labour_cost",
        ),
        (
            "bad_date_format.toml",
            3,
            15,
            "display.date_format '%d-%Q'",
            "display.date_format",
        ),
        (
            "time_in_date_format.toml",
            3,
            15,
            "display.date_format '%d.%m.%Y %H:%M' asks for a time of day or a time zone, but dates have no time of day: use date fields like %d %m %Y %b",
            "display.date_format",
        ),
        // A syntax error: where the TOML stops making sense, and the key it was reading.
        (
            "invalid_syntax.toml",
            3,
            28,
            "invalid basic string",
            "company.name",
        ),
    ];
    for (file, line, column, what, key) in cases {
        let sb = Sandbox::new();
        let path = fixture(file);
        let p = path.to_str().unwrap();
        let place = format!("{p} line {line}, column {column}: {what}");
        refused(&sb, &["client", "list", "--config", p], 1, &[&place, key]);
        let mut by_env = sb.cmd();
        by_env
            .env("RAPPORT_CONFIG", p)
            .args(w("log ticket --client Acme"));
        let msg = common::run(&mut by_env).fails(1).to_string();
        assert!(msg.contains(&place), "RAPPORT_CONFIG={file}: {msg}");
        assert!(
            !sb.db.exists(),
            "{file}: nothing is opened with a bad config"
        );
    }
}

#[test]
fn a_named_config_that_cannot_be_read_is_an_error() {
    let sb = Sandbox::new();
    let missing = sb.path("nope.toml");
    let m = missing.to_str().unwrap();
    refused(
        &sb,
        &["client", "list", "--config", m],
        1,
        &["cannot read config", m],
    );
    let r = common::run(sb.cmd().env("RAPPORT_CONFIG", m).args(w("client list")));
    assert!(r.fails(1).contains(m));
    // Neither can a folder, or a file that is not text.
    let folder = sb.path("conf.d");
    fs::create_dir(&folder).unwrap();
    let f = folder.to_str().unwrap();
    refused(
        &sb,
        &["client", "list", "--config", f],
        1,
        &["cannot read config", f],
    );
    let binary = sb.path("binary.toml");
    fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let b = binary.to_str().unwrap();
    refused(
        &sb,
        &["client", "list", "--config", b],
        1,
        &["cannot read config", b],
    );
    assert!(!sb.db.exists());
}

#[test]
fn a_config_too_large_or_not_text_is_refused_in_one_line() {
    let sb = Sandbox::new();
    // Refused after 1 MB, not read until memory runs out.
    #[cfg(unix)]
    refused(
        &sb,
        &["client", "list", "--config", "/dev/zero"],
        1,
        &["config /dev/zero is larger than 1 MB: is it the right file?"],
    );
    let big = sb.path("big.toml");
    fs::write(&big, "# a comment, over and over\n".repeat(40_000)).unwrap();
    let b = big.to_str().unwrap();
    refused(
        &sb,
        &["client", "list", "--config", b],
        1,
        &[&format!("config {b} is larger than 1 MB")],
    );
    let latin1 = sb.path("latin1.toml");
    fs::write(&latin1, b"[company]\nname = \"Caf\xe9\"\n").unwrap();
    let l = latin1.to_str().unwrap();
    refused(
        &sb,
        &["client", "list", "--config", l],
        1,
        &[&format!("{l}: line 2, column 12 is not UTF-8 text")],
    );
    assert!(!sb.db.exists());
}

#[test]
fn a_missing_default_config_means_defaults() {
    let sb = Sandbox::new();
    let db = sb.db.to_str().unwrap();
    let add = [
        "client", "add", "--name", "Acme", "--mrr", "1500", "--db", db,
    ];
    common::run(sb.bare_cmd().args(add)).ok();
    let r = common::run(sb.bare_cmd().args(["client", "list", "--db", db]));
    assert!(
        r.ok().contains("€1,500"),
        "the default currency: {}",
        r.stdout
    );
}

#[test]
fn the_default_config_file_is_read_from_the_config_folder() {
    let sb = Sandbox::new();
    let dir = sb.path("home").join("config").join("rapport");
    fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    fs::write(
        &config,
        "[display]\ncurrency_symbol = \"$\"\ndate_format = \"%d/%m/%Y\"\n",
    )
    .unwrap();
    let db = sb.db.to_str().unwrap();
    let add = with(
        "client add --name Acme --mrr 1500 --contract-end 2027-12-31 --db",
        db,
    );
    common::run(sb.bare_cmd().args(add)).ok();
    let r = common::run(sb.bare_cmd().args(["client", "list", "--db", db]));
    let out = r.ok();
    assert!(
        out.contains("$1,500") && out.contains("31/12/2027"),
        "{out}"
    );
    // A bad default config stops start-up too, naming it.
    fs::write(&config, "[display]\ntheme = \"neon\"\n").unwrap();
    let r = common::run(sb.bare_cmd().args(["client", "list", "--db", db]));
    let expected = format!(
        "{} line 2, column 9: display.theme 'neon'",
        config.display()
    );
    assert!(r.fails(1).contains(&expected), "{r:?}");
}

#[test]
fn the_example_config_loads() {
    let sb = Sandbox::new();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let e = example.to_str().unwrap();
    sb.ok(&[
        "client", "add", "--name", "Acme", "--mrr", "1500", "--config", e,
    ]);
    let out = sb.ok(&["client", "list", "--config", e]);
    assert!(out.contains("€1,500"), "{out}");
}

#[test]
fn backup_without_a_database_creates_nothing() {
    let sb = Sandbox::new();
    let copy = sb.path("copy.db");
    refused(
        &sb,
        &["backup", copy.to_str().unwrap()],
        2,
        &["no database"],
    );
    assert!(!sb.db.exists(), "no empty database was created");
    assert!(!copy.exists());
}

#[test]
fn invoice_numbers_are_found_in_any_case() {
    let sb = with_clients();
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --issued 2026-06-01 --number INV-77",
    ));
    let out = sb.ok(&w(
        "log payment --client acme --invoice inv-77 --date 2026-06-05",
    ));
    assert!(out.contains("payment of invoice INV-77"), "{out}");
}

#[test]
fn a_newer_database_is_named_once_in_the_message() {
    let sb = with_clients();
    let conn = common::raw_read(&sb.db);
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let msg = refused(
        &sb,
        &w("client list"),
        1,
        &["newer rapport", "upgrade rapport"],
    );
    assert_eq!(msg.matches(sb.db.to_str().unwrap()).count(), 1, "{msg}");
}
