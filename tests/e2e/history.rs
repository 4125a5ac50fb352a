//! A client's history: every event with its id, to edit one or void it with a reason,
//! from the keyboard, and `u` to take it back.

use crate::harness::{Key, Sandbox, framed};

#[test]
fn an_event_is_edited_voided_and_restored_from_the_history() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten"]);
    sb.cli_ok(&[
        "log",
        "ticket",
        "--client",
        "Alfa Advocaten",
        "--opened",
        "2026-06-01",
        "--subject",
        "Printer on floor 2",
    ]);
    sb.cli_ok(&[
        "log",
        "ticket",
        "--client",
        "Alfa Advocaten",
        "--opened",
        "2026-06-20",
        "--subject",
        "Mailbox full",
    ]);
    let tickets = || sb.clients()[0]["tickets_90d"].as_i64().unwrap();
    assert_eq!(tickets(), 2);
    let mut tui = sb.tui(100, 30, &[]);
    tui.see("Alfa Advocaten");
    tui.send("h");
    let screen = tui.see("History of Alfa Advocaten");
    assert!(
        screen.contains("t2") && screen.contains("Mailbox full") && screen.contains("t1"),
        "every event with its id:\n{}",
        framed(&screen)
    );
    // The newest is selected; edit its subject.
    tui.send("e");
    tui.see("Edit ticket t2 of 2026-06-20");
    tui.send_key(Key::Tab);
    tui.send("Mailbox full (shared)");
    tui.send_key(Key::Enter);
    tui.see("Saved ticket t2");
    tui.see("Mailbox full (shared)");
    // Void the older one, with a reason.
    tui.send("j");
    tui.send("x");
    tui.see("Void ticket t1 of 2026-06-01");
    tui.send("logged on the wrong client");
    tui.send_key(Key::Enter);
    let screen = tui.see("(void: logged on the wrong client)");
    assert!(screen.contains("Voided ticket t1"), "{}", framed(&screen));
    assert_eq!(tickets(), 1, "a voided ticket counts nowhere");
    // u takes the void back, then the edit.
    tui.send("u");
    tui.see("Undone: the void of ticket t1");
    assert_eq!(tickets(), 2);
    tui.send("u");
    tui.see("Undone: the edit of ticket t2");
    let subjects = sb.cli_ok(&[
        "events",
        "list",
        "--client",
        "Alfa Advocaten",
        "--kind",
        "ticket",
    ]);
    assert!(
        subjects.contains("Mailbox full") && !subjects.contains("(shared)"),
        "{subjects}"
    );
    tui.send_key(Key::Esc);
    tui.see("Latest events");
    tui.send("q");
    tui.exits_with(0);
}

#[test]
fn an_open_history_shows_what_another_window_voids() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten"]);
    sb.cli_ok(&[
        "log",
        "ticket",
        "--client",
        "Alfa Advocaten",
        "--subject",
        "Mailbox full",
    ]);
    let mut tui = sb.tui(100, 30, &[]);
    tui.see("Alfa Advocaten");
    tui.send("h");
    tui.see("History of Alfa Advocaten");
    sb.cli_ok(&["events", "void", "t1", "--reason", "a duplicate"]);
    tui.see("(void: a duplicate)");
    // Voiding it again from this window is refused, saying why.
    tui.send("x");
    tui.see("is voided already");
    tui.send_key(Key::Esc);
    tui.see("Latest events");
    tui.send("q");
    tui.exits_with(0);
}
