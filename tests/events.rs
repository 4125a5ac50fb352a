//! Correcting the record from the command line: events listed with ids, edited with the
//! checks of a new entry, voided (kept, struck through, counted nowhere) and restored.

mod common;

use serde_json::Value;

use common::{Sandbox, refused, w};

fn json(sb: &Sandbox, args: &str) -> Value {
    serde_json::from_str(&sb.ok(&w(args))).unwrap()
}

fn tickets_90d(sb: &Sandbox, name: &str) -> i64 {
    sb.clients_json()
        .into_iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["tickets_90d"].as_i64())
        .unwrap()
}

fn with_tickets() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme --mrr 1000"));
    sb.ok(&[
        "log",
        "ticket",
        "--client",
        "Acme",
        "--opened",
        "2026-06-01",
        "--subject",
        "Printer on floor 2",
    ]);
    sb.ok(&[
        "log",
        "ticket",
        "--client",
        "Acme",
        "--opened",
        "2026-06-10",
        "--subject",
        "Mailbox full",
    ]);
    sb
}

#[test]
fn events_are_listed_with_ids_subjects_and_kinds() {
    let sb = with_tickets();
    sb.ok(&w(
        "log time --client Acme --duration 1h --date 2026-06-10 --note fixed",
    ));
    let list = sb.ok(&w("events list --client acme"));
    assert!(
        list.contains("t1") && list.contains("Printer on floor 2"),
        "{list}"
    );
    assert!(list.contains("w1") && list.contains("1h00 fixed"), "{list}");
    let only = json(&sb, "events list --client Acme --kind ticket --json");
    let ids: Vec<&str> = only
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["t2", "t1"], "newest first, tickets only");
    let found = json(&sb, "events list --client Acme --search printer --json");
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["text"], "incident Printer on floor 2");
    // The ids the list shows are the ids the reopen takes.
    let out = sb.ok(&w("log reopen --client Acme --ticket t1"));
    assert_eq!(out, "logged reopen of ticket t1 for 'Acme'\n");
}

#[test]
fn an_edit_changes_only_what_is_given_with_the_checks_of_a_new_entry() {
    let sb = with_tickets();
    let out = sb.ok(&w("events edit t1 --opened 2026-05-20 --kind request"));
    assert!(out.starts_with("edited ticket t1 of 2026-05-20"), "{out}");
    let row = common::column(
        &sb.db,
        "SELECT opened_on || ' ' || kind || ' ' || subject FROM tickets WHERE id = 1",
    );
    assert_eq!(row, ["2026-05-20 request Printer on floor 2"]);
    for (args, words) in [
        ("events edit t1", &["nothing to change", "--subject"][..]),
        (
            "events edit t1 --amount 10",
            &["--amount does not apply to a ticket (t1)"][..],
        ),
        (
            "events edit t1 --opened 2030-01-01",
            &["opened 2030-01-01 is after today"][..],
        ),
        ("events edit t9", &["t9 does not exist"][..]),
        ("events edit 12", &["'12' is not an event id"][..]),
    ] {
        refused(&sb, &w(args), 2, words);
    }
    let out = sb.ok(&w("events edit t1 --kind request"));
    assert!(out.starts_with("nothing changed"), "{out}");
}

#[test]
fn a_voided_event_stays_listed_but_counts_nowhere_until_it_is_restored() {
    let sb = with_tickets();
    sb.ok(&w(
        "log invoice --client Acme --amount 500 --number INV-1 --issued 2026-06-01",
    ));
    assert_eq!(tickets_90d(&sb, "Acme"), 2);
    let before = json(&sb, "scorecard --json");
    let tickets_before = before["clients"][0]["metrics"]["tickets_opened"]["value"].clone();

    let out = sb.ok(&[
        "events",
        "void",
        "t2",
        "--reason",
        "logged on the wrong client",
    ]);
    assert!(out.contains("voided ticket t2 of 2026-06-10"), "{out}");
    assert_eq!(tickets_90d(&sb, "Acme"), 1, "the list counts it no more");
    let after = json(&sb, "scorecard --json");
    assert_ne!(
        after["clients"][0]["metrics"]["tickets_opened"]["value"], tickets_before,
        "nor does the scorecard"
    );
    let pareto = json(&sb, "pareto --by tickets --json");
    assert_eq!(pareto["total"], 1, "nor Pareto");
    let list = sb.ok(&w("events list --client Acme"));
    assert!(list.contains("VOID (logged on the wrong client)"), "{list}");
    assert!(sb.ok(&w("check")).starts_with("ok: "), "the rollup follows");
    refused(
        &sb,
        &["events", "void", "t2", "--reason", "again"],
        2,
        &["voided already"],
    );
    refused(
        &sb,
        &w("events edit t2 --subject X"),
        2,
        &["restore it before editing"],
    );
    refused(
        &sb,
        &["events", "void", "t1", "--reason", ""],
        2,
        &["reason is empty"],
    );

    // A voided invoice cannot be paid.
    sb.ok(&["events", "void", "i1", "--reason", "sent twice"]);
    refused(
        &sb,
        &w("log payment --client Acme --invoice INV-1"),
        2,
        &["was voided"],
    );

    sb.ok(&w("events unvoid t2"));
    assert_eq!(tickets_90d(&sb, "Acme"), 2);
    assert_eq!(
        json(&sb, "scorecard --json")["clients"][0]["metrics"]["tickets_opened"]["value"],
        tickets_before
    );
    assert!(sb.ok(&w("check")).starts_with("ok: "));
}

#[test]
fn messages_name_events_by_the_ids_the_list_shows() {
    let sb = with_tickets();
    sb.ok(&w(
        "log ticket --client Acme --ref PSA-1 --opened 2026-06-12",
    )); // t3
    for number in ["INV-1", "INV-2"] {
        sb.ok(&[
            "log", "invoice", "--client", "Acme", "--amount", "500", "--number", number,
        ]);
    }
    let cases: [(&[&str], &str); 4] = [
        (
            &["log", "ticket", "--client", "Acme", "--ref", "psa-1"],
            "reference 'psa-1' is already used by ticket t3 of this client: choose another reference",
        ),
        (
            &["events", "edit", "t1", "--ref", "PSA-1"],
            "reference 'PSA-1' is already used by ticket t3 of this client: choose another reference",
        ),
        (
            &["events", "edit", "i2", "--number", "inv-1"],
            "number 'inv-1' is already used by invoice i1 of this client: choose another number",
        ),
        (
            &["log", "payment", "--client", "Acme", "--invoice", "INV-9"],
            "invoice 'INV-9' is not one of this client's invoice numbers: check it ('rapport events list --client NAME --kind invoice' shows them)",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(refused(&sb, args, 2, &[]), message);
    }
    // A voided invoice keeps its number, and says which one it is.
    sb.ok(&["events", "void", "i1", "--reason", "sent twice"]);
    let cases: [(&[&str], &str); 2] = [
        (
            &[
                "log", "invoice", "--client", "Acme", "--amount", "9", "--number", "INV-1",
            ],
            "number 'INV-1' is already used by invoice i1 of this client, which was voided (a voided invoice keeps its number): choose another number",
        ),
        (
            &["log", "payment", "--client", "Acme", "--invoice", "inv-1"],
            "invoice i1 was voided: it counts nowhere, pick another",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(refused(&sb, args, 2, &[]), message);
    }
}

#[test]
fn edit_messages_read_as_sentences() {
    let sb = with_tickets();
    sb.ok(&w("log invoice --client Acme --amount 500 --number INV-1"));
    sb.ok(&w("log incident --client Acme --kind abuse"));
    sb.ok(&w("log time --client Acme --duration 1h"));
    let cases: [(&[&str], &str); 8] = [
        (
            &["events", "edit", "i1"],
            "events edit has nothing to change: give a field of an invoice, e.g. --amount 1500 (see --help)",
        ),
        (
            &["events", "edit", "x1", "--amount", "5"],
            "events edit --amount does not apply to an incident (x1)",
        ),
        (
            &["events", "edit", "w1", "--subject", "x"],
            "events edit --subject does not apply to a time entry (w1)",
        ),
        (
            &["events", "edit", "t1", "--closed", ""],
            "invalid value '' for '--closed <DATE>': is empty: give a date like 2026-03-31; see '--help'",
        ),
        (
            &["events", "edit", "i1", "--number", ""],
            "invalid value '' for '--number <NUMBER>': is empty: give a value; see '--help'",
        ),
        (
            &["events", "edit", "i1", "--amount", " "],
            "invalid value ' ' for '--amount <AMOUNT>': is empty: give a value; see '--help'",
        ),
        (
            &["events", "edit", "t1", "--reopens", ""],
            "invalid value '' for '--reopens <N>': is empty: give a value (0 for none); see '--help'",
        ),
        (
            &["client", "edit", "Acme", "--mrr", ""],
            "invalid value '' for '--mrr <AMOUNT>': is empty: give a value (0 for none); see '--help'",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(refused(&sb, args, 2, &[]), message, "{args:?}");
    }
}
