//! A damaged file met by the TUI: found in the background, the app turns read-only and
//! offers the newest backup, which one key and a confirmation put back.

use std::fs;

use crate::harness::{Sandbox, framed};

/// Flips bytes in the pages that hold the tickets (not the schema, which must stay readable
/// for the app to open at all), with the log folded in first.
fn damage(db: &std::path::Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    let pages: Vec<i64> = conn
        .prepare("SELECT pageno FROM dbstat WHERE name = 'tickets'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(conn);
    assert!(!pages.is_empty());
    let mut data = fs::read(db).unwrap();
    for page in pages {
        let at = (page as usize - 1) * 4096;
        for b in &mut data[at + 8..at + 400] {
            *b ^= 0x5a;
        }
    }
    fs::write(db, data).unwrap();
}

#[test]
fn a_damaged_file_turns_the_app_read_only_until_a_backup_is_restored() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten"]);
    sb.cli_ok(&["client", "add", "--name", "Bravo Bouw"]); // makes today's backup first
    for _ in 0..30 {
        sb.cli_ok(&["log", "ticket", "--client", "Bravo Bouw"]);
    }
    let backup = sb.path().join("backups/r-2026-06-30.db");
    assert!(backup.exists(), "the day's backup");
    damage(&sb.db());

    let mut tui = sb.tui(100, 30, &[]);
    let screen = tui.see("READ-ONLY");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Read-only: r.db is damaged")
            && flat.contains("R restores the newest backup, r-2026-06-30.db"),
        "the banner says what to do:\n{}",
        framed(&screen)
    );
    let bytes = fs::read(sb.db()).unwrap();
    tui.send("a");
    let screen = tui.see("Read-only:");
    assert!(!screen.contains("Add a client"), "no form opens:\n{screen}");
    assert_eq!(fs::read(sb.db()).unwrap(), bytes, "nothing is written");

    tui.send("R");
    let screen = tui.see("Restore a backup");
    assert!(
        screen.contains("r.db") && screen.contains("r-2026-06-30.db"),
        "the confirmation names both files:\n{screen}"
    );
    tui.send("y");
    let screen = tui.see("Restored from");
    assert!(!screen.contains("READ-ONLY"), "{}", framed(&screen));
    tui.see("Alfa Advocaten");
    tui.send("q");
    tui.exits_with(0);
    let out = sb.cli_ok(&["check"]);
    assert!(out.starts_with("ok: "), "{out}");
    let kept = fs::read_dir(sb.path().join("backups"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("r-before-restore-")
        })
        .count();
    assert_eq!(kept, 1, "the damaged file is kept");
}

#[test]
fn an_upgrade_in_the_app_says_what_it_found() {
    let sb = Sandbox::new();
    {
        let mut conn = rusqlite::Connection::open(sb.db()).unwrap();
        let tx = conn.transaction().unwrap();
        for sql in [
            include_str!("../../migrations/0001_evidence.sql"),
            include_str!("../../migrations/0002_client_days.sql"),
            include_str!("../../migrations/0003_revisions.sql"),
        ] {
            tx.execute_batch(sql).unwrap();
        }
        tx.execute_batch(
            "PRAGMA user_version = 3;
             INSERT INTO clients (name, created_at, updated_at) VALUES ('Émile', 'x', 'x');
             INSERT INTO clients (name, created_at, updated_at) VALUES ('émile', 'x', 'x');",
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let mut tui = sb.tui(120, 30, &[]);
    // The whole message, which may wrap onto the footer's line (and arrive in pieces).
    let flat = |s: &vt100::Screen| {
        s.contents()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let screen = tui.see_that("the upgrade's note", |s| {
        let f = flat(s);
        f.contains("Upgraded the file") && f.contains("are one name")
    });
    assert!(
        flat(&screen).contains("Émile"),
        "{}",
        framed(&screen.contents())
    );
    tui.send("q");
    tui.exits_with(0);
}
