//! The app in Dutch: the demo started with `--lang nl` shows Dutch screens, footer and help.

use crate::harness::{Sandbox, framed};

#[test]
fn the_demo_in_dutch_shows_dutch_screens_and_footer() {
    let sb = Sandbox::new();
    let mut tui = sb.tui(80, 24, &["--demo", "--lang", "nl"]);
    let screen = tui.see("Klanten 30/30");
    let footer = screen.lines().last().unwrap_or_default().to_string();
    assert!(
        footer.contains("? hulp") && footer.contains("q stop") && footer.contains("a nieuw"),
        "the footer in Dutch:\n{}",
        framed(&screen)
    );
    assert!(screen.contains("1 Klanten"), "{}", framed(&screen));
    assert!(!screen.contains("Clients"), "{}", framed(&screen));

    tui.send("2");
    let screen = tui.see("Maatstaf");
    assert!(screen.contains("2 Rapporten"), "{}", framed(&screen));
    tui.send("?");
    let screen = tui.see("Toetsen: Rapporten");
    assert!(
        screen.contains("elke toets sluit deze hulp"),
        "{}",
        framed(&screen)
    );
    tui.send("x");
    tui.send("5");
    let screen = tui.see("Binnenkort");
    assert!(screen.contains("5 Besluiten"), "{}", framed(&screen));
    tui.send("q");
    tui.exits_with(0);
}
