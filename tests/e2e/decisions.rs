//! The Decisions screen with another window deciding: the TUI open on screen 5 while
//! `rapport decide … --outcome watch` runs from the command line.

use std::time::{Duration, Instant};

use crate::harness::{Sandbox, framed};

#[test]
fn a_decision_made_from_the_command_line_appears_on_the_open_decisions_screen() {
    let sb = Sandbox::new();
    sb.cli_ok(&["client", "add", "--name", "Alfa Advocaten", "--mrr", "500"]);
    sb.cli_ok(&["client", "add", "--name", "Bravo Bouw", "--mrr", "800"]);
    let mut tui = sb.tui(80, 24, &[]);
    tui.see("Alfa Advocaten");
    tui.send("5");
    let screen = tui.see("No decisions yet");
    assert!(
        !screen.lines().next().unwrap_or_default().contains("due"),
        "nothing due yet:\n{screen}"
    );

    let out = sb.cli_ok(&[
        "decide",
        "Bravo Bouw",
        "--outcome",
        "watch",
        "--review-on",
        "2026-07-03",
        "--reason",
        "new contact, one more quarter",
    ]);
    assert!(out.contains("keep and watch"), "{out}");
    // No key is pressed: the app sees the other window's write on its tick.
    let decided = Instant::now();
    let screen = tui.see_that("the decision and its review", |s| {
        let text = s.contents();
        text.contains("keep and watch") && text.contains("review due")
    });
    let took = decided.elapsed();
    assert!(
        took < Duration::from_secs(3),
        "shown after {took:?}, not within a couple of seconds"
    );
    let text = screen.contents();
    assert!(text.contains("Bravo Bouw"), "{}", framed(&text));
    assert!(
        text.contains("chosen over"),
        "the override and why:\n{}",
        framed(&text)
    );
    assert!(
        text.lines().next().is_some_and(|h| h.contains("1 due")),
        "the header counts the review, due this week:\n{}",
        framed(&text)
    );
    assert_eq!(
        sb.cli_ok(&["decisions", "--json"])
            .matches("\"chosen_outcome\": \"watch\"")
            .count(),
        1
    );
    tui.send("q");
    tui.exits_with(0);
}
