//! The Import view in a real terminal: the demo opened, `I` on the Clients screen, the
//! fixture ticket export picked from the folder rapport was started in, a dry run, the
//! unknown client created, the import for real after its question, and the clients list
//! showing the new tickets when the view closes.

use crate::harness::{Key, Sandbox, framed};
use crate::tickets_shown;

const BELLE: &str = "Kapsalon Belle";

#[test]
fn a_ticket_export_is_picked_dry_run_and_imported_and_the_list_counts_the_tickets() {
    let sb = Sandbox::new();
    sb.cli_ok(&["demo"]);
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import_view/tickets.csv"
    );
    std::fs::copy(fixture, sb.path().join("tickets.csv")).unwrap();

    let mut tui = sb.tui(80, 24, &[]);
    tui.see(" 1 Clients ");
    // The client alone in the list, to read its count before and after.
    tui.send("/");
    tui.send(BELLE);
    tui.send_key(Key::Enter);
    let screen = tui.see_that("Kapsalon Belle's row", |s| {
        tickets_shown(s, BELLE).is_some()
    });
    let before: u32 = tickets_shown(&screen, BELLE)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count:\n{}", framed(&screen.contents())));

    tui.send("I");
    // The folder rapport started in, on its one export.
    let screen = tui.see("Import: choose a file");
    assert!(screen.contains("› tickets.csv"), "{}", framed(&screen));
    tui.send_key(Key::Enter);
    let screen = tui.see("Preset generic-tickets");
    assert!(screen.contains("✓ Ready"), "{}", framed(&screen));
    assert!(screen.contains("Kapsalon Belle"), "{}", framed(&screen));

    tui.send("r");
    let screen = tui.see("Dry run of tickets.csv");
    assert!(screen.contains("Bakkerij Nieuw"), "{}", framed(&screen));
    tui.send("c");
    tui.see("1 client to create");
    tui.send_key(Key::Enter);
    tui.see("Write into r.db: 5 new and 0 updated tickets, and 1 new client?");
    tui.send("y");
    let screen = tui.see("Imported tickets.csv");
    assert!(screen.contains("New 5"), "{}", framed(&screen));
    tui.send_key(Key::Enter);

    // The list behind was read again: the client's tickets counted.
    let after = (before + 4).to_string();
    tui.see_that(&format!("{BELLE} with {after} tickets"), |s| {
        tickets_shown(s, BELLE).as_deref() == Some(after.as_str())
    });
    tui.send("q");
    tui.exits_with(0);

    let clients = sb.clients();
    assert!(
        clients.iter().any(|c| c["name"] == "Bakkerij Nieuw"),
        "the unknown client was created: {clients:?}"
    );
}
