//! End to end: the real binary in a pseudo-terminal, driven by keys, checked by what a user
//! would see on the screen, in the database and in the terminal left behind.

mod damage;
mod decisions;
mod dutch;
mod harness;
mod history;
mod import_view;
mod scripts;
mod two_windows;
mod walk;

use harness::{Key, Sandbox, Tui, cells, find, find_from, framed, text_at};

/// The screen of the clients list with at least one row: the header row of the table.
fn header_row(screen: &vt100::Screen) -> Option<u16> {
    find(screen, "Tkt 90d").map(|(row, _)| row)
}

/// The client's row in the table (the first row under the header that holds its name).
fn table_row(screen: &vt100::Screen, name: &str) -> Option<u16> {
    let header = header_row(screen)?;
    find_from(screen, name, header + 1).map(|(row, _)| row)
}

/// What the client's row shows in the "Tkt 90d" column.
fn tickets_shown(screen: &vt100::Screen, name: &str) -> Option<String> {
    let (_, col) = find(screen, "Tkt 90d")?;
    let row = table_row(screen, name)?;
    Some(text_at(screen, row, col, 7).trim().to_string())
}

fn row_text(screen: &vt100::Screen, row: u16) -> String {
    cells(screen, row).concat()
}

/// The terminal after rapport is gone: main screen, cursor on, no mouse capture, no UI left
/// on it, and typing echoes again (raw mode is off).
fn assert_terminal_restored(tui: &mut Tui) {
    tui.echo_after_exit("typed after quitting");
    let s = tui.snapshot();
    let shown = framed(&s.contents());
    assert!(
        !s.alternate_screen(),
        "still on the alternate screen:\n{shown}"
    );
    assert!(!s.hide_cursor(), "the cursor is still hidden:\n{shown}");
    assert_eq!(
        s.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "the mouse is still captured"
    );
    assert!(!s.bracketed_paste(), "bracketed paste is still on");
    assert!(
        !s.contents().contains("Clients"),
        "the UI was left on the main screen:\n{shown}"
    );
}

#[test]
fn a_client_added_through_the_form_shows_in_the_list_and_the_database() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(80, 24, &[]);
    tui.see("No clients yet");

    tui.send("a");
    tui.see("Add a client");
    tui.send("Cafe");
    tui.send_key(Key::Backspace);
    tui.send("é Noord");
    for _ in 0..4 {
        tui.send_key(Key::Tab); // Contact, Email, Phone, MRR
    }
    tui.send("1,250.50");
    tui.send_key(Key::Enter);

    let screen = tui.see_that("the client in the table", |s| {
        table_row(s, "Café Noord").is_some() && s.contents().contains("Added 'Café Noord'")
    });
    let row = table_row(&screen, "Café Noord").unwrap();
    let row = row_text(&screen, row);
    assert!(row.contains("›Café Noord"), "not selected: {row}");
    assert!(row.contains("€1,251"), "MRR in whole euros: {row}");
    assert!(
        screen.contents().contains("€1,250.50 MRR"),
        "detail pane:\n{}",
        framed(&screen.contents())
    );
    assert!(
        !screen.contents().contains("Add a client"),
        "form still open"
    );

    tui.send("q");
    tui.exits_with(0);

    let clients = sandbox.clients();
    assert_eq!(clients.len(), 1, "{clients:#?}");
    assert_eq!(clients[0]["name"], "Café Noord");
    assert_eq!(clients[0]["mrr_cents"], 125_050);
}

#[test]
fn an_invalid_email_is_shown_in_the_form_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(80, 24, &[]);
    tui.see("No clients yet");

    tui.send("a");
    tui.see("Add a client");
    tui.send("Bakkerij Vermeulen & Zonen");
    tui.send_key(Key::Tab);
    tui.send_key(Key::Tab);
    tui.send("jan.example.nl");
    tui.send_key(Key::Enter);

    let screen = tui.see("is not an email address");
    assert!(
        screen.contains("Add a client"),
        "the form closed:\n{screen}"
    );
    assert!(screen.contains("✗"), "no mark on the field:\n{screen}");

    tui.send_key(Key::Esc);
    let screen = tui.see("Cancelled: nothing was saved");
    assert!(screen.contains("No clients yet"), "{screen}");
    tui.send("q");
    tui.exits_with(0);

    assert_eq!(sandbox.clients(), Vec::<serde_json::Value>::new());
}

#[test]
fn an_esc_run_into_a_letter_does_not_type_the_letter_into_the_form() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(80, 24, &[]);
    tui.see("No clients yet");
    tui.send("a");
    tui.see("Add a client");
    tui.send("Café");
    // Esc and q in one read, as from a fast typist or over ssh: crossterm reports Alt+q.
    tui.send("\x1bq");
    tui.send("!");
    let screen = tui.see("!");
    assert!(
        screen.contains("Name             Café! "),
        "{}",
        framed(&screen)
    );
    tui.send_key(Key::Esc);
    tui.see("Cancelled: nothing was saved");
    tui.send("q");
    tui.exits_with(0);
}

#[test]
fn a_quick_logged_ticket_changes_the_count_and_undo_takes_it_back() {
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["client", "add", "--name", "Noord BV"]);
    let mut tui = sandbox.tui(120, 40, &[]);

    let count_is = |n: &'static str| {
        move |s: &vt100::Screen| tickets_shown(s, "Noord BV").as_deref() == Some(n)
    };
    tui.see_that("0 tickets", count_is("0"));

    tui.send("l");
    tui.see("Log for Noord BV");
    tui.send("t");
    tui.see("Log ticket: Noord BV");
    tui.send_key(Key::Enter);
    let screen = tui.see_that("1 ticket and the status line", |s| {
        count_is("1")(s) && s.contents().contains("Logged incident ticket")
    });
    assert!(
        screen
            .contents()
            .contains(&format!("{} ticket", harness::TODAY)),
        "the detail pane lists the ticket:\n{}",
        framed(&screen.contents())
    );
    assert_eq!(sandbox.clients()[0]["tickets_90d"], 1);

    tui.send("u");
    tui.see_that("0 tickets after undo", |s| {
        count_is("0")(s) && s.contents().contains("Undone")
    });
    tui.send("q");
    tui.exits_with(0);
    assert_eq!(sandbox.clients()[0]["tickets_90d"], 0);
}

#[test]
fn ctrl_u_ctrl_d_and_ctrl_y_from_a_real_terminal_neither_undo_nor_archive() {
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["client", "add", "--name", "Noord BV"]);
    let mut tui = sandbox.tui(120, 40, &[]);
    let count_is = |n: &'static str| {
        move |s: &vt100::Screen| tickets_shown(s, "Noord BV").as_deref() == Some(n)
    };
    tui.see_that("0 tickets", count_is("0"));
    tui.send("l");
    tui.see("Log for Noord BV");
    tui.send("t");
    tui.see("Log ticket: Noord BV");
    tui.send_key(Key::Enter);
    tui.see_that("1 ticket", count_is("1"));

    tui.send("\x15"); // Ctrl-U: not u (undo)
    tui.send("\x04"); // Ctrl-D: not d (archive)
    tui.send("\x19"); // Ctrl-Y: not y (yes)
    tui.send("?");
    let screen = tui.see("Keys: Clients");
    assert!(!screen.contains("Undone"), "{screen}");
    assert!(!screen.contains("Archive"), "{screen}");
    tui.send("x");
    tui.see_that("help closed", |s| !s.contents().contains("Keys: Clients"));
    tui.send("q");
    tui.exits_with(0);
    let clients = sandbox.clients();
    assert_eq!(clients[0]["tickets_90d"], 1, "{clients:#?}");
    assert_eq!(clients[0]["status"], "active", "{clients:#?}");
}

#[test]
fn a_long_name_fills_its_column_before_it_is_cut() {
    let name =
        "Installatiebedrijf Van den Bosch & Zonen Nederland, Holding Europe and Partners B.V.";
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["client", "add", "--name", name]);
    for (cols, rows) in [(80, 24), (120, 40)] {
        let mut tui = sandbox.tui(cols, rows, &[]);
        let screen = tui.see_that("the client", |s| table_row(s, "Installatie").is_some());
        let (header, name_col) = find(&screen, "Name").unwrap();
        let (_, next_col) = find_from(&screen, "Score", header).unwrap();
        let width = next_col - name_col - 1; // one space between columns
        let row = table_row(&screen, "Installatie").unwrap();
        let shown = text_at(&screen, row, name_col, width);
        let fits: String = name.chars().take(usize::from(width) - 1).collect();
        assert_eq!(shown, format!("{fits}…"), "at {cols}x{rows}");
        tui.send("q");
        tui.exits_with(0);
    }
}

#[test]
fn q_quits_and_restores_the_terminal() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(80, 24, &[]);
    // The cursor is hidden just after the first frame is written: wait for both.
    tui.see_that("the UI owning the screen", |s| {
        s.contents().contains("No clients yet") && s.alternate_screen() && s.hide_cursor()
    });
    tui.send("q");
    tui.exits_with(0);
    assert_terminal_restored(&mut tui);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(80, 24, &[]);
    tui.see("No clients yet");
    tui.send("a");
    tui.see("Add a client"); // Ctrl-C quits from inside a form too
    tui.send_key(Key::CtrlC);
    tui.exits_with(0);
    assert_terminal_restored(&mut tui);
}

/// `kill -SIGNAL` from another shell while the UI waits for a key: rapport exits with
/// 128 + the signal's number, as a shell reports it, and the terminal is the shell's again.
#[cfg(unix)]
fn a_signal_ends_the_ui_and_restores_the_terminal(signal: libc::c_int) {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(80, 24, &[]);
    // The UI owns the screen: its own screen, bracketed paste, and the cursor hidden (which
    // ratatui does just after the first frame is written, so wait for all of it).
    tui.see_that("the UI owning the screen", |s| {
        s.contents().contains("No clients yet")
            && s.alternate_screen()
            && s.hide_cursor()
            && s.bracketed_paste()
    });
    tui.kill(signal);
    tui.exits_with(128 + u32::try_from(signal).unwrap());
    assert_terminal_restored(&mut tui);
}

#[cfg(unix)]
#[test]
fn sigterm_ends_the_ui_with_143_and_restores_the_terminal() {
    a_signal_ends_the_ui_and_restores_the_terminal(libc::SIGTERM);
}

#[cfg(unix)]
#[test]
fn sighup_ends_the_ui_with_129_and_restores_the_terminal() {
    a_signal_ends_the_ui_and_restores_the_terminal(libc::SIGHUP);
}

#[cfg(unix)]
#[test]
fn sigquit_ends_the_ui_with_131_and_restores_the_terminal() {
    a_signal_ends_the_ui_and_restores_the_terminal(libc::SIGQUIT);
}

#[cfg(unix)]
#[test]
fn sigint_from_kill_ends_the_ui_with_130_and_restores_the_terminal() {
    a_signal_ends_the_ui_and_restores_the_terminal(libc::SIGINT);
}

#[cfg(unix)]
#[test]
fn a_signal_during_the_demo_restores_the_terminal_and_removes_the_demo_folder() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(120, 40, &["--demo"]);
    tui.see(" 1 Clients ");
    let folders: Vec<_> = std::fs::read_dir(sandbox.tmp()).unwrap().collect();
    assert_eq!(
        folders.len(),
        1,
        "the demo's folder while it runs: {folders:?}"
    );
    tui.kill(libc::SIGTERM);
    tui.exits_with(128 + 15);
    assert_terminal_restored(&mut tui);
    let left: Vec<_> = std::fs::read_dir(sandbox.tmp()).unwrap().collect();
    assert!(left.is_empty(), "--demo left its folder behind: {left:?}");
}

#[test]
fn a_small_terminal_says_so_until_it_is_enlarged() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(60, 20, &[]);
    let screen = tui.see("terminal too small");
    assert!(screen.contains("60x20 here"), "{screen}");
    assert!(!screen.contains("No clients yet"), "{screen}");

    tui.resize(100, 30);
    let screen = tui.see("No clients yet");
    assert!(!screen.contains("terminal too small"), "{screen}");
    assert!(screen.contains(" 1 Clients "), "{screen}");

    tui.send("q");
    tui.exits_with(0);
}

/// Every cell of the screen in the terminal's default colours.
fn colourless(s: &vt100::Screen) -> Result<(), String> {
    let (rows, cols) = s.size();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            let cell = s.cell(r, c).expect("a cell on screen");
            if cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default {
                return Err(format!(
                    "colour at row {r} col {c} ({:?}): fg {:?} bg {:?}",
                    cell.contents(),
                    cell.fgcolor(),
                    cell.bgcolor()
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn no_color_marks_the_selection_without_colour() {
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["client", "add", "--name", "Alfa Advocaten"]);
    sandbox.cli_ok(&["client", "add", "--name", "Bravo Bouw"]);

    // With colours, the check below would see them: it can fail.
    let mut coloured = sandbox.tui(80, 24, &[]);
    let screen = coloured.see_that("both clients", |s| table_row(s, "Bravo Bouw").is_some());
    assert!(
        colourless(&screen).is_err(),
        "the default theme uses colour"
    );
    coloured.send("q");
    coloured.exits_with(0);

    let mut tui = sandbox.tui_env(80, 24, &[], &[("NO_COLOR", "1")]);
    let screen = tui.see_that("both clients", |s| table_row(s, "Bravo Bouw").is_some());
    colourless(&screen).unwrap_or_else(|e| panic!("{e}\n{}", framed(&screen.contents())));

    let selected = table_row(&screen, "Alfa Advocaten").unwrap();
    let other = table_row(&screen, "Bravo Bouw").unwrap();
    let (_, name_col) = find_from(&screen, "Alfa Advocaten", selected).unwrap();
    assert_eq!(
        text_at(&screen, selected, name_col - 1, 1),
        "›",
        "{}",
        row_text(&screen, selected)
    );
    // The whole row between the table's borders is reversed, and only that row.
    let inverse = |row: u16, col: u16| screen.cell(row, col).is_some_and(vt100::Cell::inverse);
    let (_, cols) = screen.size();
    let row_cols = (name_col - 1)..(cols.get() - 1);
    for c in row_cols.clone() {
        assert!(
            inverse(selected, c),
            "column {c} of the selected row is not reversed: {}",
            row_text(&screen, selected)
        );
    }
    assert!(
        row_cols.clone().all(|c| !inverse(other, c)),
        "the other row is reversed too"
    );

    // The arrows move the mark and the reverse video together.
    let marked = |row: u16| {
        move |s: &vt100::Screen| {
            let other = if row == selected { other } else { selected };
            s.cell(row, name_col - 1)
                .is_some_and(|c| c.contents() == "›")
                && s.cell(row, name_col).is_some_and(vt100::Cell::inverse)
                && s.cell(other, name_col - 1)
                    .is_some_and(|c| c.contents() != "›")
                && s.cell(other, name_col).is_some_and(|c| !c.inverse())
        }
    };
    tui.send_key(Key::Down);
    tui.see_that("the selection on the second row", marked(other));
    tui.send_key(Key::Up);
    tui.see_that("the selection back on the first row", marked(selected));
    tui.send("q");
    tui.exits_with(0);
}

#[test]
fn the_demo_opens_and_quits_without_touching_the_users_database() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(120, 40, &["--demo"]);
    let screen = tui.see(" 1 Clients ");
    // The demo's today is the one the environment gives, at the right of the header.
    let header = screen.lines().next().unwrap_or_default();
    assert!(header.trim_end().ends_with(harness::TODAY), "{screen}");
    tui.send("q");
    tui.exits_with(0);

    assert!(!sandbox.db().exists(), "--demo created RAPPORT_DB");
    let home: Vec<_> = std::fs::read_dir(sandbox.home()).unwrap().collect();
    assert!(home.is_empty(), "--demo wrote into HOME: {home:?}");
    let left: Vec<_> = std::fs::read_dir(sandbox.tmp()).unwrap().collect();
    assert!(left.is_empty(), "--demo left its database behind: {left:?}");
}

/// What `rapport --db PATH` leaves on a terminal when it cannot open PATH.
fn refused_in_a_terminal(sandbox: &Sandbox, db: &std::path::Path, code: u32) -> String {
    let mut tui = sandbox.tui(80, 24, &["--db", db.to_str().unwrap()]);
    tui.exits_with(code);
    // The terminal is as it was (cooked, echoing), and the screen is final.
    let screen = tui.echo_after_exit("still echoing");
    let transcript = tui.transcript();
    assert!(
        !transcript.contains(&0x1b),
        "escape sequences written: {:?}",
        String::from_utf8_lossy(&transcript)
    );
    let lines: Vec<&str> = screen
        .lines()
        .filter(|l| !l.trim().is_empty() && *l != "still echoing")
        .collect();
    assert_eq!(lines.len(), 1, "{}", framed(&screen));
    assert!(lines[0].starts_with("rapport: "), "{}", lines[0]);
    lines[0].to_string()
}

#[test]
fn a_file_that_is_not_a_database_is_refused_before_the_terminal_is_touched() {
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("notes.txt");
    let text = b"Not a database: call Jan on Monday.\n";
    std::fs::write(&file, text).unwrap();
    let before = std::fs::metadata(&file).unwrap().modified().unwrap();

    // A --db that names no rapport database is a mistake to fix: exit 2.
    let line = refused_in_a_terminal(&sandbox, &file, 2);
    assert!(line.contains("notes.txt"), "names the file: {line}");

    // Without a terminal there is no app to start: one line that says so, on stderr, exit 2,
    // nothing on stdout, and the file is not even looked at.
    let out = sandbox.cli(&["--db", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("rapport: the app needs a terminal: "),
        "{stderr}"
    );

    assert_eq!(std::fs::read(&file).unwrap(), text, "the file changed");
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        before
    );
    let mut names: Vec<_> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["config.toml", "home", "notes.txt", "tmp"],
        "files appeared"
    );
}

#[test]
fn a_database_path_that_cannot_be_created_is_refused_before_the_terminal_is_touched() {
    let sandbox = Sandbox::new();
    // The parent "folder" is a file, so the database cannot be created.
    let blocker = sandbox.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let line = refused_in_a_terminal(&sandbox, &blocker.join("r.db"), 1);
    assert!(line.contains("blocker"), "names the path: {line}");

    let folder = sandbox.path().join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    // A folder where the file should be is a --db mistake: exit 2.
    let line = refused_in_a_terminal(&sandbox, &folder, 2);
    assert!(
        line.contains("a-folder") && line.contains("is a folder"),
        "names the path: {line}"
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}
