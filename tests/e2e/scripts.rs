//! The Scripts view in a real terminal: opened with w on a demo client's decision, switched
//! to Dutch and the letter channel, edited through a stub `$EDITOR` (a shell script that
//! appends a line; the UI leaves the terminal to it and takes it back), and written to a
//! new private file in the exports folder.

use crate::harness::{Sandbox, framed};

#[cfg(unix)]
#[test]
fn a_dutch_letter_edited_in_the_editor_is_written_to_a_private_file() {
    use std::os::unix::fs::PermissionsExt;

    let sb = Sandbox::new();
    sb.cli_ok(&["demo"]);
    let editor = sb.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'PS: wij bellen u volgende week.\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();

    let mut tui = sb.tui_env(120, 40, &[], &[("EDITOR", editor.to_str().unwrap())]);
    tui.see(" 1 Clients ");
    // Decisions, newest first: Bouwbedrijf Kuipers (keep and watch), Autobedrijf Jansen.
    tui.send("5");
    tui.see("Coming up");
    tui.send("\x1b[D"); // ← the log
    tui.send("g");
    tui.send("j");
    tui.send("w");
    tui.see("Words for Autobedrijf Jansen");
    tui.send("l");
    tui.see("Language Dutch");
    // The channels in turn, round to the letter again.
    tui.send("c");
    tui.see("Channel email");
    tui.send("ccc");
    let screen = tui.see("Channel letter");
    assert!(
        screen.contains("Geachte Frank Jansen,"),
        "{}",
        framed(&screen)
    );

    tui.send("E");
    tui.see("Your edit is kept");
    tui.send("G");
    let screen = tui.see("PS: wij bellen u volgende week.");
    assert!(
        screen.contains("edited in your editor"),
        "{}",
        framed(&screen)
    );

    tui.send("w");
    let screen = tui.see("Written to");
    let exports = sb.path().join("exports");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}\n{}", framed(&screen));
    let file = &files[0];
    assert!(
        file.to_string_lossy()
            .ends_with("autobedrijf-jansen-end-now-letter-nl-2026-06-30.md"),
        "{file:?}"
    );
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("Geachte Frank Jansen,"), "{text}");
    assert!(text.contains("30 juni 2026"), "{text}");
    assert!(
        text.trim_end().ends_with("PS: wij bellen u volgende week."),
        "{text}"
    );
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(file), 0o600);
    assert_eq!(mode(&exports), 0o700);

    tui.send("q"); // closes the view
    tui.see_that("the Decisions screen again", |s| {
        !s.contents().contains("Words for")
    });
    tui.send("q");
    tui.exits_with(0);

    // The edited letter is kept with the client's scripts, once.
    let db = rusqlite::Connection::open(sb.db()).unwrap();
    let kept: Vec<String> = db
        .prepare("SELECT language || ' ' || channel || ' ' || text FROM scripts")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with("nl letter "), "{kept:?}");
    assert!(
        kept[0].contains("PS: wij bellen u volgende week."),
        "{kept:?}"
    );
}
