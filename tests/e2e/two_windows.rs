//! Two windows on one file: the TUI open while `rapport` writes from another terminal.

use crate::harness::{Key, Sandbox, find, framed};

/// The detail pane's money line for the selected client.
fn money_line(s: &vt100::Screen) -> Option<String> {
    s.contents()
        .lines()
        .find(|l| l.contains(" MRR · "))
        .map(str::to_string)
}

fn selected_row(s: &vt100::Screen) -> Option<String> {
    s.contents()
        .lines()
        .find(|l| l.contains('›'))
        .map(str::to_string)
}

#[test]
fn another_windows_changes_show_and_a_stale_edit_is_refused_not_saved_over_them() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten", "--mrr", "500"]);
    sb.cli_ok(&[
        "client",
        "add",
        "--name",
        "Bravo Bouw",
        "--mrr",
        "800",
        "--seats",
        "3",
        "--notes",
        "from the tui",
    ]);
    let mut tui = sb.tui(120, 40, &[]);
    tui.see("Alfa Advocaten");
    tui.send("j");
    tui.see("€800.00 MRR · 3 seats");

    // Another window changes the selected client: the open app shows it, still selected.
    sb.cli_ok(&[
        "client",
        "edit",
        "Bravo Bouw",
        "--mrr",
        "999",
        "--seats",
        "7",
        "--notes",
        "from cli",
    ]);
    let screen = tui.see_that("the other window's values", |s| {
        money_line(s).is_some_and(|l| l.contains("€999.00 MRR · 7 seats"))
    });
    assert!(
        selected_row(&screen).is_some_and(|r| r.contains("›Bravo Bouw")),
        "the selection stays on the same client:\n{}",
        framed(&screen.contents())
    );
    // A client and evidence added elsewhere appear too.
    sb.cli_ok(&["client", "add", "--name", "Charlie Catering"]);
    sb.cli_ok(&["log", "ticket", "--client", "Bravo Bouw"]);
    let screen = tui.see_that("the new client and the ticket", |s| {
        find(s, "Charlie Catering").is_some() && s.contents().contains("incident")
    });
    assert!(
        selected_row(&screen).is_some_and(|r| r.contains("›Bravo Bouw")),
        "{}",
        framed(&screen.contents())
    );

    // An edit form opened, then the other window saves first: saving is refused.
    tui.send("e");
    tui.see("Edit Bravo Bouw");
    sb.cli_ok(&["client", "edit", "Bravo Bouw", "--mrr", "1,234"]);
    for _ in 0..3 {
        tui.send_key(Key::Tab); // Contact, Email, Phone
    }
    tui.send("+31 20 555 0101");
    tui.send_key(Key::Enter);
    let screen = tui.see("changed in another window");
    assert!(
        screen.contains("MRR 999.00 -> 1234.00") && screen.contains("Ctrl-R"),
        "says what changed and how to go on:\n{screen}"
    );
    let bravo = || {
        sb.clients()
            .into_iter()
            .find(|c| c["name"] == "Bravo Bouw")
            .expect("Bravo Bouw")
    };
    let saved = bravo();
    assert_eq!(saved["mrr_cents"], 123_400, "the other window's MRR stands");
    assert_eq!(saved["phone"], serde_json::Value::Null, "nothing was saved");
    assert_eq!(saved["notes"], "from cli");

    // Ctrl-R takes their values and keeps this user's phone; Enter saves only the phone.
    tui.send("\x12");
    tui.see("Took the other window's values");
    tui.send_key(Key::Enter);
    tui.see("Saved 'Bravo Bouw': phone");
    let saved = bravo();
    assert_eq!(saved["mrr_cents"], 123_400);
    assert_eq!(saved["seats"], 7);
    assert_eq!(saved["notes"], "from cli");
    assert_eq!(saved["phone"], "+31 20 555 0101");
    tui.send("q");
    tui.exits_with(0);
}

#[test]
fn an_archive_confirmed_after_another_window_changed_the_client_is_refused() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten", "--mrr", "500"]);
    let mut tui = sb.tui(80, 24, &[]);
    tui.see("Alfa Advocaten");
    tui.send("d");
    tui.see("Archive client");
    sb.cli_ok(&["client", "edit", "Alfa Advocaten", "--mrr", "650"]);
    tui.send("y");
    let screen = tui.see("Not archived: 'Alfa Advocaten' changed in another window");
    // The message may run on into the footer's line: read it as one text.
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("(MRR 500.00 -> 650.00)"), "{screen}");
    assert_eq!(sb.clients()[0]["status"], "active");
    tui.send("q");
    tui.exits_with(0);
}

#[test]
fn u_does_not_take_back_an_entry_another_window_voided_or_edited_since() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten"]);
    let mut tui = sb.tui(100, 30, &[]);
    tui.see("Alfa Advocaten");
    // A ticket logged here, voided there: u must not delete the voided record.
    tui.send("l");
    tui.see("Log for Alfa Advocaten");
    tui.send("t");
    tui.see("Log ticket: Alfa Advocaten");
    tui.send_key(Key::Enter);
    tui.see("Logged incident ticket");
    sb.cli_ok(&[
        "events",
        "void",
        "t1",
        "--reason",
        "a duplicate, keep the record",
    ]);
    tui.send("u");
    let screen = tui.see("Could not undo");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("it was voided"), "{screen}");
    let listed = sb.cli_ok(&["events", "list", "--client", "Alfa Advocaten"]);
    assert!(
        listed.contains("VOID (a duplicate, keep the record)"),
        "the record is kept: {listed}"
    );
    // Time logged here, edited there: u must not delete the corrected entry.
    tui.send("l");
    tui.see("Log for Alfa Advocaten");
    tui.send("w");
    tui.see("Log time worked");
    tui.send("1,5h");
    tui.send_key(Key::Enter);
    tui.see("Logged 90 min of work");
    sb.cli_ok(&[
        "events",
        "edit",
        "w1",
        "--duration",
        "5h",
        "--note",
        "corrected",
    ]);
    tui.send("u");
    let screen = tui.see("Could not undo");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("time -> 300") || flat.contains("time 90 -> 300"),
        "{screen}"
    );
    let listed = sb.cli_ok(&[
        "events",
        "list",
        "--client",
        "Alfa Advocaten",
        "--kind",
        "time",
    ]);
    assert!(listed.contains("5h00 corrected"), "{listed}");
    tui.send("q");
    tui.exits_with(0);
}
