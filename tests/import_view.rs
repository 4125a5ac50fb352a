//! The Import view's state machine alone, with no database, no files and no terminal: keys
//! in, the effects it asks the driver for out, and what the driver reports fed back by
//! hand (a folder's listing, a file's header and first rows, a run's report).

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use rapport::domain::import::{Field, ImportKind, Preset};
use rapport::import::{CsvFile, Encoding, Progress, Row};
use rapport::store::{ImportOptions, ImportReport};
use rapport::tui::action::{Action, Effect};
use rapport::tui::app::import::mapping::Opened;
use rapport::tui::app::import::picker::Entry;
use rapport::tui::app::import::{ImportEffect, Step};
use rapport::tui::app::{App, Overlay, Settings};

fn app() -> App {
    let mut app = App::new(
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        Settings::default(),
    );
    app.resize(80, 24);
    app
}

fn key(app: &mut App, code: KeyCode) -> Option<Effect> {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn keys(app: &mut App, text: &str) -> Option<Effect> {
    let mut last = None;
    for c in text.chars() {
        last = key(app, KeyCode::Char(c));
    }
    last
}

fn entry(name: &str, folder: bool) -> Entry {
    Entry {
        name: name.into(),
        folder,
        size: 100,
    }
}

/// The view open on /data, which holds two folders and two exports.
fn open_on_data() -> App {
    let mut app = app();
    let effect = app.act(Action::Import);
    assert_eq!(
        effect,
        Some(Effect::Import(ImportEffect::List {
            dir: PathBuf::from("."),
            select: None
        })),
        "it starts in the current directory"
    );
    assert_eq!(app.overlay, Overlay::Import);
    app.import_listed(
        "/data".into(),
        Ok(vec![
            entry("..", true),
            entry("exports", true),
            entry("old", true),
            entry("tickets.csv", false),
            entry("time.tsv", false),
        ]),
        None,
    );
    app
}

fn selected(app: &App) -> String {
    let v = app.import.as_ref().unwrap();
    v.picker.selected().unwrap().name.clone()
}

#[test]
fn the_picker_opens_on_the_first_file_and_enter_picks_it() {
    let mut app = open_on_data();
    assert_eq!(selected(&app), "tickets.csv");
    key(&mut app, KeyCode::Down);
    assert_eq!(selected(&app), "time.tsv");
    key(&mut app, KeyCode::Down);
    assert_eq!(selected(&app), "time.tsv", "the last stays selected");
    key(&mut app, KeyCode::Up);
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Some(Effect::Import(ImportEffect::Open(
            "/data/tickets.csv".into()
        )))
    );
}

#[test]
fn folders_open_and_going_up_selects_the_folder_left() {
    let mut app = open_on_data();
    keys(&mut app, "g");
    assert_eq!(selected(&app), "..");
    key(&mut app, KeyCode::Down);
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Some(Effect::Import(ImportEffect::List {
            dir: "/data/exports".into(),
            select: None
        }))
    );
    app.import_listed("/data/exports".into(), Ok(vec![entry("..", true)]), None);
    // ←, Backspace and h go up; Enter on .. too.
    for up in [KeyCode::Left, KeyCode::Backspace, KeyCode::Char('h')] {
        assert_eq!(
            key(&mut app, up),
            Some(Effect::Import(ImportEffect::List {
                dir: "/data".into(),
                select: Some("exports".into())
            })),
            "{up:?}"
        );
    }
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Some(Effect::Import(ImportEffect::List {
            dir: "/data".into(),
            select: Some("exports".into())
        }))
    );
    app.import_listed(
        "/data".into(),
        Ok(vec![
            entry("..", true),
            entry("exports", true),
            entry("tickets.csv", false),
        ]),
        Some("exports".into()),
    );
    assert_eq!(selected(&app), "exports", "the selection does not jump");
}

#[test]
fn a_typed_path_goes_there_and_esc_cancels_it() {
    let mut app = open_on_data();
    assert_eq!(keys(&mut app, "/"), None);
    assert_eq!(
        keys(&mut app, "old/q.csv"),
        None,
        "q is typed, it does not close"
    );
    assert_eq!(app.overlay, Overlay::Import);
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Some(Effect::Import(ImportEffect::Go("/data/old/q.csv".into())))
    );
    keys(&mut app, "/");
    keys(&mut app, "/elsewhere");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Some(Effect::Import(ImportEffect::Go("/elsewhere".into()))),
        "an absolute path stands alone"
    );
    keys(&mut app, "/");
    keys(&mut app, "x");
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    let v = app.import.as_ref().unwrap();
    assert!(v.input.is_none());
    assert_eq!(
        app.overlay,
        Overlay::Import,
        "Esc left the typing, not the view"
    );
    // Pasted text lands in the line being typed.
    keys(&mut app, "/");
    app.on_paste("exports/a b.csv");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Some(Effect::Import(ImportEffect::Go(
            "/data/exports/a b.csv".into()
        )))
    );
}

#[test]
fn tab_changes_the_kind_and_esc_closes_and_keeps_the_folder() {
    let mut app = open_on_data();
    assert_eq!(app.import.as_ref().unwrap().kind, ImportKind::Tickets);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.import.as_ref().unwrap().kind, ImportKind::Invoices);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.import.as_ref().unwrap().kind, ImportKind::Clients);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    // Opened again: the same folder and kind.
    assert_eq!(
        app.act(Action::Import),
        Some(Effect::Import(ImportEffect::List {
            dir: "/data".into(),
            select: None
        }))
    );
    assert_eq!(app.import.as_ref().unwrap().kind, ImportKind::Clients);
}

#[test]
fn a_folder_that_cannot_be_read_says_so_and_the_listing_stays() {
    let mut app = open_on_data();
    app.import_listed("/root".into(), Err("permission denied".into()), None);
    let status = app.status.clone().unwrap().text;
    assert!(
        status.contains("/root") && status.contains("permission denied"),
        "{status}"
    );
    assert_eq!(
        app.import.as_ref().unwrap().picker.dir,
        PathBuf::from("/data")
    );
}

// ---- the mapping, the dry run and the import --------------------------------------

fn headers(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| (*s).to_string()).collect()
}

fn row(line: u64, cells: &[&str]) -> Row {
    Row {
        line,
        cells: cells.iter().map(|s| (*s).to_string()).collect(),
    }
}

/// A ticket export in the generic format, with one column it does not know and one bad
/// date.
fn opened() -> Opened {
    let headers = headers(&["client", "ref", "opened", "Owner", "closed"]);
    Opened {
        file: CsvFile {
            path: "/data/tickets.csv".into(),
            encoding: Encoding::Utf8,
            delimiter: b',',
            headers: headers.clone(),
            size: 200,
        },
        rows: vec![
            row(
                2,
                &["Kapsalon Belle", "T-1", "2026-06-02", "Noor", "2026-06-03"],
            ),
            row(3, &["Kapsalon Belle", "T-2", "2026-06-31", "Sam", ""]),
        ],
        presets: Preset::builtin(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date"),
    }
}

/// The view on the mapping step with [`opened`].
fn on_mapping() -> App {
    let mut app = open_on_data();
    key(&mut app, KeyCode::Enter);
    app.import_opened("/data/tickets.csv".into(), Ok(opened()));
    app
}

fn column_field(app: &App, column: &str) -> Option<Field> {
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    let at = m.file.headers.iter().position(|h| h == column).unwrap();
    m.columns[at]
}

#[test]
fn the_mapping_starts_from_the_preset_and_the_preview_reads_every_row() {
    let app = on_mapping();
    let v = app.import.as_ref().unwrap();
    assert_eq!(v.step, Step::Map);
    let m = v.map.as_ref().unwrap();
    assert_eq!(m.preset().unwrap().name, "generic-tickets");
    assert_eq!(column_field(&app, "client"), Some(Field::Client));
    assert_eq!(column_field(&app, "opened"), Some(Field::Opened));
    assert_eq!(
        column_field(&app, "Owner"),
        None,
        "a column no field knows is not read"
    );
    assert!(m.ready().is_some(), "{:?}", m.problem);
    assert_eq!(m.preview.len(), 2);
    assert!(m.preview[0].1.is_ok(), "{:?}", m.preview[0]);
    let bad = m.preview[1].1.as_ref().unwrap_err();
    assert_eq!(bad[0].line, 3);
    assert_eq!(bad[0].column.as_deref(), Some("opened"));
    assert_eq!(bad[0].value, "2026-06-31");
}

/// The preview reads as the import will: a ticket opened after the app's today is a bad
/// row there already, as in the hand-entry form.
#[test]
fn the_preview_refuses_a_date_after_today_as_the_import_does() {
    let mut app = open_on_data();
    key(&mut app, KeyCode::Enter);
    let mut o = opened();
    o.rows = vec![row(2, &["Kapsalon Belle", "T-1", "2026-07-01", "Noor", ""])];
    app.import_opened("/data/tickets.csv".into(), Ok(o));
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    let bad = m.preview[0].1.as_ref().unwrap_err();
    assert_eq!(bad[0].column.as_deref(), Some("opened"), "{bad:?}");
    assert_eq!(bad[0].value, "2026-07-01");
}

#[test]
fn changing_a_columns_field_reads_the_preview_again_and_a_field_fed_twice_refuses_to_run() {
    let mut app = on_mapping();
    // The Owner column (the fourth) feeds the next field of a ticket: the first one.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Right);
    let first = ImportKind::Tickets.fields()[0];
    assert_eq!(column_field(&app, "Owner"), Some(first));
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    assert!(m.problem.is_some(), "client is fed twice");
    assert!(m.changed);
    // r refuses, and says why.
    assert_eq!(keys(&mut app, "r"), None);
    let status = app.status.clone().unwrap();
    assert_eq!(status.tone, rapport::tui::app::Tone::Error);
    // ← takes it back to not read; x does too.
    key(&mut app, KeyCode::Left);
    assert_eq!(column_field(&app, "Owner"), None);
    key(&mut app, KeyCode::Right);
    keys(&mut app, "x");
    assert_eq!(column_field(&app, "Owner"), None);
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    assert!(m.ready().is_some(), "{:?}", m.problem);
    // The opened column not read: the mapping lacks a field it needs.
    key(&mut app, KeyCode::Up);
    keys(&mut app, "x");
    assert_eq!(column_field(&app, "opened"), None);
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    assert!(m.problem.is_some());
    assert!(keys(&mut app, "r").is_none());
}

#[test]
fn the_date_format_cycles_and_the_preset_cycles_among_the_kinds_presets() {
    let mut app = on_mapping();
    let df = |app: &App| {
        app.import
            .as_ref()
            .unwrap()
            .map
            .as_ref()
            .unwrap()
            .date_format
    };
    let first = df(&app);
    let mut seen = vec![first];
    for _ in 0..3 {
        keys(&mut app, "d");
        assert!(!seen.contains(&df(&app)), "{seen:?}");
        seen.push(df(&app));
    }
    keys(&mut app, "d");
    assert_eq!(df(&app), first, "round again");
    let preset = |app: &App| {
        let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
        m.preset().unwrap().clone()
    };
    let start = preset(&app).name;
    keys(&mut app, "p");
    assert_eq!(preset(&app).kind, ImportKind::Tickets);
    assert_ne!(preset(&app).name, start);
    keys(&mut app, "P");
    assert_eq!(preset(&app).name, start);
    // Another kind: its preset, its fields.
    key(&mut app, KeyCode::Tab);
    assert_eq!(preset(&app).kind, ImportKind::Invoices);
}

#[test]
fn a_dry_run_then_the_import_for_real_after_a_confirmation() {
    let mut app = on_mapping();
    let Some(Effect::Import(ImportEffect::Run {
        options, mapping, ..
    })) = keys(&mut app, "r")
    else {
        panic!("r runs a dry run: {:?}", app.status);
    };
    assert_eq!(
        options,
        ImportOptions {
            create_clients: false,
            dry_run: true
        }
    );
    assert_eq!(mapping.kind, ImportKind::Tickets);
    assert!(app.importing());
    assert_eq!(app.import.as_ref().unwrap().step, Step::Running);
    // Keys wait while it runs; Esc says it runs to its end.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::Import);
    app.import_progress(Progress {
        rows: 1,
        bytes: 100,
        total_bytes: 200,
    });
    app.import_finished(Ok(ImportReport {
        rows: 2,
        added: 1,
        unknown_clients: vec![("Bakkerij Nieuw".into(), 1)],
        ..Default::default()
    }));
    assert_eq!(app.import.as_ref().unwrap().step, Step::Report);
    assert!(!app.importing());
    // c: unknown clients created, and the dry run again.
    let Some(Effect::Import(ImportEffect::Run { options, .. })) = keys(&mut app, "c") else {
        panic!("c runs the dry run again");
    };
    assert!(options.create_clients && options.dry_run);
    app.import_finished(Ok(ImportReport {
        rows: 2,
        added: 2,
        created_clients: vec!["Bakkerij Nieuw".into()],
        ..Default::default()
    }));
    // Enter asks first; n (or any key) does nothing.
    assert_eq!(key(&mut app, KeyCode::Enter), None);
    assert!(app.import.as_ref().unwrap().confirm);
    assert_eq!(keys(&mut app, "n"), None);
    assert!(!app.import.as_ref().unwrap().confirm);
    key(&mut app, KeyCode::Enter);
    let Some(Effect::Import(ImportEffect::Run { options, .. })) = keys(&mut app, "y") else {
        panic!("y imports");
    };
    assert_eq!(
        options,
        ImportOptions {
            create_clients: true,
            dry_run: false
        }
    );
    app.import_finished(Ok(ImportReport {
        rows: 2,
        added: 2,
        written: true,
        ..Default::default()
    }));
    assert_eq!(app.import.as_ref().unwrap().step, Step::Done);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn bad_rows_in_the_dry_run_refuse_the_import_for_real() {
    let mut app = on_mapping();
    keys(&mut app, "r");
    let bad = rapport::domain::import::RowError {
        line: 3,
        column: Some("opened".into()),
        value: "2026-06-31".into(),
        problem: rapport::domain::import::RowProblem::Missing,
    };
    app.import_finished(Ok(ImportReport {
        rows: 2,
        added: 1,
        bad_rows: vec![bad],
        ..Default::default()
    }));
    assert_eq!(key(&mut app, KeyCode::Enter), None);
    assert!(!app.import.as_ref().unwrap().confirm);
    assert_eq!(
        app.status.clone().unwrap().tone,
        rapport::tui::app::Tone::Error
    );
    // Esc goes back to the mapping, as it was.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.import.as_ref().unwrap().step, Step::Map);
}

#[test]
fn a_damaged_file_refuses_the_import_for_real() {
    let mut app = on_mapping();
    keys(&mut app, "r");
    app.import_finished(Ok(ImportReport {
        rows: 2,
        added: 2,
        ..Default::default()
    }));
    app.damaged = Some(rapport::tui::app::Damage {
        problem: "bad pages".into(),
        backup: None,
    });
    assert_eq!(key(&mut app, KeyCode::Enter), None);
    assert!(
        !app.import.as_ref().unwrap().confirm,
        "no question: it cannot write"
    );
    let status = app.status.clone().unwrap();
    assert_eq!(status.tone, rapport::tui::app::Tone::Error);
    assert!(status.text.contains("bad pages"), "{}", status.text);
}

#[test]
fn a_smaller_terminal_keeps_the_selected_file_in_view() {
    let mut app = app();
    app.resize(120, 40);
    app.act(Action::Import);
    let files: Vec<Entry> = (0..40)
        .map(|i| entry(&format!("f{i:02}.csv"), false))
        .collect();
    app.import_listed("/data".into(), Ok(files), None);
    keys(&mut app, "G");
    app.resize(80, 24);
    let v = app.import.as_ref().unwrap();
    let c = v.picker.cursor;
    assert_eq!(c.selected, 39);
    // 80x24 shows 16 rows of the listing.
    assert!(c.offset <= 39 && 39 < c.offset + 16, "{c:?}");
    keys(&mut app, "k");
    assert_eq!(
        app.import.as_ref().unwrap().picker.cursor.offset,
        c.offset,
        "no jump"
    );
}

#[test]
fn nothing_runs_while_the_file_is_damaged_not_even_a_dry_run() {
    let mut app = on_mapping();
    app.damaged = Some(rapport::tui::app::Damage {
        problem: "bad pages".into(),
        backup: None,
    });
    assert_eq!(keys(&mut app, "r"), None);
    assert_eq!(app.import.as_ref().unwrap().step, Step::Map);
}

#[test]
fn enter_on_a_column_lists_the_fields_and_picks_one() {
    let mut app = on_mapping();
    // The Owner column, not read: the menu opens on "not read".
    keys(&mut app, "jjj");
    key(&mut app, KeyCode::Enter);
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    assert_eq!(m.menu, Some(0));
    // Down to the third field of a ticket (subject), Enter picks it.
    keys(&mut app, "jjj");
    assert_eq!(key(&mut app, KeyCode::Enter), None);
    let third = ImportKind::Tickets.fields()[2];
    assert_eq!(column_field(&app, "Owner"), Some(third));
    let m = app.import.as_ref().unwrap().map.as_ref().unwrap();
    assert!(m.menu.is_none());
    // Esc leaves the menu and the field as it was; q does not close the view.
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "kq");
    assert_eq!(column_field(&app, "Owner"), Some(third));
    assert_eq!(app.overlay, Overlay::Import);
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "g");
    key(&mut app, KeyCode::Esc);
    assert_eq!(column_field(&app, "Owner"), Some(third));
    assert_eq!(
        app.import.as_ref().unwrap().step,
        Step::Map,
        "Esc closed the menu only"
    );
}
