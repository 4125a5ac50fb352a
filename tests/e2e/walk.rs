//! The fire/keep walk with real keys: the demo's abusive client walked to "end now", a
//! prospect declined from `rapport decide`, and the decisions found in the file.

use crate::harness::{Key, Sandbox, framed};

/// A client's decisions, newest first, as `rapport decisions --json` lists them (the demo
/// has a history of its own).
fn decisions(sb: &Sandbox, client: &str) -> Vec<serde_json::Value> {
    let json = sb.cli_ok(&["decisions", "--client", client, "--json"]);
    serde_json::from_str(&json).expect("decisions --json is a JSON array")
}

#[test]
fn the_abusive_client_is_walked_to_end_now_and_the_decision_is_in_the_file() {
    let sb = Sandbox::new();
    sb.cli_ok(&["demo"]);
    let mut tui = sb.tui(80, 24, &[]);
    tui.see("Brandt Vastgoed");
    tui.send("/Brandt");
    tui.send_key(Key::Enter);
    tui.see("Clients 1/30");
    tui.send("f");
    let screen = tui.see("Step 1 of 6 · Dealbreakers (D1-D5)");
    assert!(
        screen.contains("yes data") && screen.contains("Shouted at Priya"),
        "D1 pre-answered, with its evidence:\n{}",
        framed(&screen)
    );
    for (n, title) in [
        (2, "Reasons to let go"),
        (3, "Reconsider (C1-C2)"),
        (4, "Raise rates or break (H1)"),
        (5, "Outcome"),
        (6, "Exit plan (H2, H3)"),
    ] {
        tui.send_key(Key::Enter);
        tui.see(&format!("Step {n} of 6 · {title}"));
    }
    let screen = tui.see("Enter saves: end now");
    assert!(
        screen.contains("2026-07-30 (the earliest 30 days' notice allows)"),
        "{}",
        framed(&screen)
    );
    tui.send_key(Key::Enter);
    tui.see("Decided for 'Brandt Vastgoed': end now, ends 2026-07-30");
    assert!(!tui.screen().contains("Fire or keep?"), "the walk closed");
    // On the Decisions screen, newest first.
    tui.send("5");
    let screen = tui.see("4 decisions");
    let log: Vec<&str> = screen.lines().collect();
    let at = log
        .iter()
        .position(|l| l.contains("2026-06-30 Brandt Vastgoed"))
        .unwrap_or_else(|| panic!("the decision in the log:\n{}", framed(&screen)));
    assert!(
        log[at].contains("end now") && log[at + 1].contains("D1 dealbreaker"),
        "{}",
        framed(&screen)
    );
    tui.send("q");
    tui.exits_with(0);

    let all = decisions(&sb, "Brandt Vastgoed");
    assert_eq!(all.len(), 1, "Brandt was not decided before: {all:#?}");
    let d = &all[0];
    assert_eq!(d["client"], "Brandt Vastgoed");
    assert_eq!(d["decided_on"], "2026-06-30");
    assert_eq!(d["proposed_outcome"], "end-now");
    assert_eq!(d["chosen_outcome"], "end-now");
    assert_eq!(d["exit"]["end_on"], "2026-07-30");
    let codes: Vec<&str> = d["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert_eq!(codes, ["D1", "D2", "D4", "R1"], "{d:#}");
}

#[test]
fn a_prospect_is_declined_from_rapport_decide() {
    let sb = Sandbox::new();
    sb.cli_ok(&["demo"]);
    let mut tui = sb.tui(80, 24, &["decide", "Dierenkliniek Oost"]);
    tui.see("Step 1 of 4 · Fit with your ideal client (P1)");
    tui.send_key(Key::Enter);
    tui.see("Step 2 of 4 · Red flags in the sales talks (P1)");
    // Haggled over every line, and wants control over the tools.
    tui.send("y");
    tui.send("j");
    tui.send("y");
    tui.see("proposes DECLINE");
    tui.send_key(Key::Enter);
    tui.see("Step 3 of 4 · Clear expectations (P2)");
    tui.send_key(Key::Enter);
    let screen = tui.see("Step 4 of 4 · Outcome");
    assert!(
        screen.contains("‹ decline ›") && screen.contains("2 red flags in the sales talks"),
        "{}",
        framed(&screen)
    );
    tui.send_key(Key::Enter);
    tui.see("Decided for 'Dierenkliniek Oost': decline");
    tui.send("q");
    tui.exits_with(0);

    let all = decisions(&sb, "Dierenkliniek Oost");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["client"], "Dierenkliniek Oost");
    assert_eq!(all[0]["chosen_outcome"], "decline");
    let vet = sb
        .clients()
        .into_iter()
        .find(|c| c["name"] == "Dierenkliniek Oost")
        .unwrap();
    assert_eq!(vet["status"], "prospect", "declined: still a prospect");
}

#[test]
fn rapport_decide_refuses_a_former_client_in_one_line() {
    let sb = Sandbox::new();
    sb.cli_ok(&["demo"]);
    let mut tui = sb.tui(80, 24, &["decide", "Drukkerij Van Leeuwen"]);
    tui.see("'Drukkerij Van Leeuwen' is a former client: there is nothing left to decide");
    tui.exits_with(2);
}
