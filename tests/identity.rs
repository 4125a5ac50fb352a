//! One name, one client: spellings that look alike are one client, one invoice number, one
//! ticket reference, in uniqueness and in lookup; names sort as a person reads them; an
//! upgrade of a file that already holds such twins keeps them both and says so.

mod common;

use rusqlite::{Connection, params};

use common::{Sandbox, w};

#[test]
fn names_that_look_alike_are_one_client_and_find_it() {
    let sb = Sandbox::new();
    sb.ok(&["client", "add", "--name", "Émile"]);
    sb.ok(&["client", "add", "--name", "Café De Hoek"]);
    for twin in [
        "émile",
        "ÉMILE",
        "E\u{301}mile",
        " Émile\u{a0}",
        "CAFÉ DE HOEK",
        "Cafe\u{301} de hoek",
        "Café\u{a0}De  Hoek",
    ] {
        let r = sb.run(&["client", "add", "--name", twin]);
        let msg = r.invalid(&["is already used by client"]);
        assert!(
            msg.contains("'Émile'") || msg.contains("'Café De Hoek'"),
            "{twin:?}: {msg}"
        );
    }
    assert_eq!(sb.clients_json().len(), 2);
    // Every spelling finds the one client.
    for (spelling, client) in [
        ("E\u{301}MILE", "Émile"),
        ("café\u{a0}de hoek", "Café De Hoek"),
    ] {
        let out = sb.ok(&["log", "ticket", "--client", spelling]);
        assert!(
            out.contains(&format!("for '{client}'")),
            "{spelling:?}: {out}"
        );
    }
    // A decomposed name is kept composed, and its spaces tidy.
    sb.ok(&["client", "add", "--name", "Zu\u{308}rich  Holding"]);
    let names: Vec<String> = sb
        .clients_json()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"Zürich Holding".to_string()), "{names:?}");
}

#[test]
fn invisible_characters_line_breaks_and_tabs_are_refused_in_names() {
    let sb = Sandbox::new();
    for (name, words) in [
        ("Café\u{200B}De Hoek", &["name", "zero-width space"][..]),
        ("Acme\nBV", &["name", "line break"][..]),
        ("Acme\tBV", &["name", "tab"][..]),
    ] {
        let r = sb.run(&["client", "add", "--name", name]);
        r.invalid(words);
    }
    assert!(!sb.db.exists(), "nothing was written");
    // Notes may hold lines.
    sb.ok(&[
        "client",
        "add",
        "--name",
        "Acme",
        "--notes",
        "first\nsecond",
    ]);
    assert_eq!(sb.clients_json()[0]["notes"], "first\nsecond");
    let r = sb.run(&["log", "ticket", "--client", "Acme", "--ref", "T-1\t2"]);
    r.invalid(&["reference", "tab"]);
}

#[test]
fn format_and_ignorable_characters_make_no_look_alike_names() {
    let sb = Sandbox::new();
    sb.ok(&["client", "add", "--name", "Café De Hoek"]);
    for (c, words) in [
        ('\u{200E}', &["left-to-right mark (U+200E)"][..]),
        ('\u{200F}', &["right-to-left mark (U+200F)"][..]),
        ('\u{202E}', &["right-to-left override (U+202E)"][..]),
        ('\u{2066}', &["left-to-right isolate (U+2066)"][..]),
        (
            '\u{2061}',
            &["invisible or formatting character (U+2061)"][..],
        ),
        ('\u{FE0F}', &["(U+FE0F)"][..]),
        ('\u{3164}', &["Hangul filler (U+3164)"][..]),
        ('\u{2800}', &["braille blank (U+2800)"][..]),
        ('\u{E0041}', &["(U+E0041)"][..]),
    ] {
        let name = format!("Café De{c} Hoek");
        let msg = sb
            .run(&["client", "add", "--name", &name])
            .invalid(words)
            .to_string();
        assert!(
            msg.starts_with("name contains")
                && msg.ends_with("which cannot be seen: type it without"),
            "{c:?}: {msg}"
        );
    }
    assert_eq!(sb.clients_json().len(), 1, "no second Café De Hoek");
    // Invoice numbers and ticket references refuse them the same way.
    let r = sb.run(&[
        "log",
        "invoice",
        "--client",
        "Café De Hoek",
        "--amount",
        "10",
        "--number",
        "INV\u{200F}-7",
    ]);
    r.invalid(&["number", "right-to-left mark (U+200F)"]);
    let r = sb.run(&[
        "log",
        "ticket",
        "--client",
        "Café De Hoek",
        "--ref",
        "T-1\u{FEFF}",
    ]);
    r.invalid(&["reference", "(U+FEFF)"]);
    // Other one-line fields refuse a direction override, which draws the rest backwards.
    let r = sb.run(&[
        "client",
        "edit",
        "Café De Hoek",
        "--contact",
        "Jan \u{202E}reteP",
    ]);
    r.invalid(&["contact", "right-to-left override (U+202E)"]);
    let r = sb.run(&[
        "log",
        "recommendation",
        "--client",
        "Café De Hoek",
        "--title",
        "Patch\u{2067} it",
    ]);
    r.invalid(&["title", "right-to-left isolate (U+2067)"]);
}

#[test]
fn a_staff_name_with_an_invisible_character_is_not_a_second_voter() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme"));
    sb.ok(&w("vote --staff Anna Acme"));
    let before = sb.dump();
    for staff in ["An\u{200B}na", "Anna\u{200E}", "\u{3164}Anna"] {
        let r = sb.run(&["vote", "--staff", staff, "Acme"]);
        r.invalid(&["staff contains", "which cannot be seen"]);
    }
    assert_eq!(sb.dump(), before, "nothing was written");
    assert_eq!(common::count(&sb.db, "staff_votes"), 1);
}

#[test]
fn invoice_numbers_and_ticket_references_are_one_in_any_case() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme"));
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --number INV-7 --issued 2026-06-01",
    ));
    let r = sb.run(&w("log invoice --client Acme --amount 200 --number inv-7"));
    r.invalid(&["number 'inv-7' is already used by invoice i1"]);
    let out = sb.ok(&w(
        "log payment --client Acme --invoice inv-7 --date 2026-06-10",
    ));
    assert!(out.contains("invoice INV-7"), "{out}");
    let paid = common::column(&sb.db, "SELECT number || ' ' || paid_on FROM invoices");
    assert_eq!(paid, ["INV-7 2026-06-10"]);

    sb.ok(&w("log ticket --client Acme --ref T-1"));
    let r = sb.run(&w("log ticket --client Acme --ref t-1"));
    r.invalid(&["reference 't-1' is already used by ticket t1"]);
    assert_eq!(common::count(&sb.db, "tickets"), 1);
}

#[test]
fn names_sort_with_accents_folded_in_the_list_and_the_scorecard() {
    let sb = Sandbox::new();
    for name in ["Rijnmond", "Özdemir", "Noordzee", "apotheek Zuid"] {
        sb.ok(&["client", "add", "--name", name]);
    }
    let list = sb.ok(&w("client list"));
    let order: Vec<&str> = list
        .lines()
        .skip(1)
        .map(|l| l.split("  ").next().unwrap().trim())
        .collect();
    assert_eq!(
        order,
        ["apotheek Zuid", "Noordzee", "Özdemir", "Rijnmond"],
        "{list}"
    );
    let json: serde_json::Value = serde_json::from_str(&sb.ok(&w("scorecard --json"))).unwrap();
    let ranked: Vec<&str> = json["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["client"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, ["apotheek Zuid", "Noordzee", "Özdemir", "Rijnmond"]);
}

/// A database as rapport's schema 3 left it, with twins an older rapport accepted.
fn schema_3_with_twins(path: &std::path::Path) {
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for sql in [
        include_str!("../migrations/0001_evidence.sql"),
        include_str!("../migrations/0002_client_days.sql"),
        include_str!("../migrations/0003_revisions.sql"),
    ] {
        tx.execute_batch(sql).unwrap();
    }
    tx.execute_batch("PRAGMA user_version = 3").unwrap();
    for (id, name) in [(1, "Émile"), (2, "émile"), (3, "Acme"), (4, "Tab\there")] {
        tx.execute(
            "INSERT INTO clients (id, name, created_at, updated_at) VALUES (?1, ?2, 'x', 'x')",
            params![id, name],
        )
        .unwrap();
    }
    for (number, paid) in [("INV-7", Some("2026-06-02")), ("inv-7", None)] {
        tx.execute(
            "INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_cents)
             VALUES (3, ?1, '2026-06-01', '2026-06-01', ?2, 100)",
            params![number, paid],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
}

#[test]
fn an_upgrade_keeps_twins_an_older_rapport_accepted_and_reports_them() {
    let sb = Sandbox::new();
    schema_3_with_twins(&sb.db);
    // The first writer upgrades, keeps both, and says so.
    let r = sb.run(&w("log ticket --client Acme"));
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stderr.contains("'émile' and 'Émile' are one name"),
        "the upgrade reports the clash: {}",
        r.stderr
    );
    assert_eq!(sb.clients_json().len(), 4, "nothing is lost");
    // The file as it was is kept before the upgrade.
    let kept = sb.path("backups/r-before-upgrade-from-schema-3.db");
    let v: i64 = Connection::open(&kept)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 3, "the copy is from before the upgrade");
    // The later invoice is found by its exact number: inv-7 is the unpaid one.
    let out = sb.ok(&w(
        "log payment --client Acme --invoice inv-7 --date 2026-06-10",
    ));
    assert!(out.contains("invoice inv-7"), "{out}");
    // The older keeps the name; the later one is still found by its exact spelling.
    let out = sb.ok(&["log", "ticket", "--client", "émile"]);
    assert!(out.contains("for 'émile'"), "{out}");
    let out = sb.ok(&["log", "ticket", "--client", "ÉMILE"]);
    assert!(out.contains("for 'Émile'"), "{out}");
    // check lists them, without calling the file damaged.
    let out = sb.ok(&w("check"));
    assert!(out.starts_with("ok: "), "{out}");
    assert!(
        out.contains("are one name") && out.contains("invoice 'inv-7'"),
        "{out}"
    );
    // Renaming one mends it.
    sb.ok(&["client", "edit", "émile", "--name", "Émile Janssen"]);
    let out = sb.ok(&w("check"));
    assert!(!out.contains("are one name"), "{out}");
}
