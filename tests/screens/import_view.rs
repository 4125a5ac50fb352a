//! The Import view (`I` on the Clients screen) on the real driver: a folder of exports
//! picked from, the mapping of a ticket export with its first rows as they will be read,
//! the dry run's report and the import's summary, at 80x24 and 120x40, and in Dutch. The
//! folder is a temporary one: its path is written as `/exports` in the snapshots.

use super::*;
use rapport::domain::lang::Lang;
use rapport::tui::app::import::Step;
use rapport::words::with_language;

/// The fixture export: four tickets of Café De Hoek (one with a subject on two lines), one
/// of a client rapport does not know.
const TICKETS: &str = "client,ref,subject,opened,closed,kind,status,escalated,reopens\r\n\
Café De Hoek,T-9001,Printer offline,2026-06-02,2026-06-03,incident,Closed,no,0\r\n\
Café De Hoek,T-9002,\"New mailbox for the\r\nsecond chair\",2026-06-10,2026-06-11,request,Closed,no,0\r\n\
Café De Hoek,T-9003,Invoice question,2026-06-15,,admin,Open,no,0\r\n\
Café De Hoek,T-9004,Till frozen again,2026-06-20,2026-06-22,incident,Closed,yes,1\r\n\
Bakkerij Nieuw,T-9005,Wifi slow,2026-06-21,2026-06-21,incident,Closed,no,0\r\n";

/// The same with a row whose date is no date, and a row of too few cells.
fn bad_tickets() -> String {
    format!(
        "{TICKETS}Café De Hoek,T-9006,Screen flickers,2026-06-31,,incident,Open,no,0\r\n\
         Café De Hoek,T-9007\r\n"
    )
}

/// A folder of exports: two folders, four files to list, one not to.
fn exports() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("2025")).unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("tickets.csv"), TICKETS).unwrap();
    std::fs::write(dir.path().join("tickets bad.csv"), bad_tickets()).unwrap();
    std::fs::write(dir.path().join("Syncro customers.csv"), "business_name\r\n").unwrap();
    std::fs::write(dir.path().join("time.tsv"), "client\tdate\tminutes\n").unwrap();
    std::fs::write(dir.path().join("readme.md"), "not an export").unwrap();
    dir
}

/// The view open, on the folder of exports (typed as a path).
fn on_exports(w: u16, h: u16) -> (Ui, TempDir) {
    let dir = exports();
    let mut ui = Ui::new(w, h);
    ui.keys("I");
    assert_eq!(ui.driver.app.overlay, Overlay::Import);
    ui.keys("/");
    ui.keys(dir.path().to_str().unwrap());
    ui.key(KeyCode::Enter);
    (ui, dir)
}

/// The screen with the temporary folder's path written as `/exports` (padded, so the
/// border stays where it is).
fn shown(ui: &mut Ui, dir: &TempDir) -> String {
    let path = std::fs::canonicalize(dir.path()).unwrap();
    let path = path.to_str().unwrap();
    let s = ui.screen();
    s.replace(path, &format!("{:<w$}", "/exports", w = path.len()))
}

#[test]
fn the_file_picker_80x24() {
    let (mut ui, dir) = on_exports(80, 24);
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Import: choose a file"), "{s}");
    assert!(
        s.contains("› Syncro customers.csv"),
        "the first file is selected:\n{s}"
    );
    assert!(s.contains("archive/") && s.contains("time.tsv"), "{s}");
    assert!(!s.contains("readme.md"), "only exports are listed:\n{s}");
    assert!(s.contains("4 files to import here"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_file_picker_120x40_in_dutch() {
    with_language(Lang::Nl, || {
        let (mut ui, dir) = on_exports(120, 40);
        let s = shown(&mut ui, &dir);
        assert!(s.contains("Importeren: kies een bestand"), "{s}");
        assert!(s.contains("(map omhoog)"), "{s}");
        insta::assert_snapshot!(s);
    });
}

#[test]
fn the_help_of_the_file_picker_lists_its_keys() {
    let (mut ui, dir) = on_exports(80, 24);
    ui.keys("?");
    let s = shown(&mut ui, &dir);
    for line in ["/", "Tab ⇧Tab", "Esc q", "← Backspace h"] {
        assert!(s.contains(line), "{line}:\n{s}");
    }
    ui.keys("x");
    let s = shown(&mut ui, &dir);
    assert!(!s.contains("Import: keys"), "any key closes the help:\n{s}");
}

/// The file named in the folder of exports, picked by typing its name.
fn pick(ui: &mut Ui, name: &str) {
    ui.keys("/");
    ui.keys(name);
    ui.key(KeyCode::Enter);
    let v = ui.driver.app.import.as_ref().unwrap();
    assert_eq!(v.step, Step::Map, "{:?}", ui.driver.app.status);
}

/// The Tkt 90d column of a client's row on the Clients screen, as shown.
fn shown_tickets_90d(ui: &mut Ui, name: &str) -> String {
    let row = ui.row_of(name);
    let row = row.trim_end_matches(['"', '│']);
    row.split_whitespace().last().unwrap_or("").to_string()
}

#[test]
fn the_mapping_of_a_ticket_export_80x24() {
    let (mut ui, dir) = on_exports(80, 24);
    pick(&mut ui, "tickets.csv");
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Preset generic-tickets (p)"), "{s}");
    assert!(s.contains("UTF-8 · comma"), "{s}");
    assert!(s.contains("› client     → client"), "{s}");
    assert!(
        s.contains("Café De Hoek   2026-06-02 2026-06-03 incident"),
        "the first row as read:\n{s}"
    );
    assert!(s.contains("✓ Ready"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_mapping_120x40_marks_each_bad_row_with_its_reason() {
    let (mut ui, dir) = on_exports(120, 40);
    pick(&mut ui, "tickets bad.csv");
    let s = shown(&mut ui, &dir);
    assert!(s.contains("✗ opened"), "{s}");
    assert!(s.contains("2026-06-31"), "{s}");
    assert!(s.contains("2 of the 7 rows below are bad"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_mapping_in_dutch_80x24() {
    with_language(Lang::Nl, || {
        let (mut ui, dir) = on_exports(80, 24);
        pick(&mut ui, "tickets.csv");
        let s = shown(&mut ui, &dir);
        assert!(s.contains("Bestand tickets.csv"), "{s}");
        assert!(s.contains("Klaar"), "{s}");
        insta::assert_snapshot!(s);
    });
}

#[test]
fn a_field_fed_twice_is_said_plainly_and_the_dry_run_refused() {
    let (mut ui, dir) = on_exports(80, 24);
    pick(&mut ui, "tickets.csv");
    // The subject column (the third) feeds the client as well: ← from subject goes back
    // through the fields to ref, then client.
    ui.keys("jj");
    ui.key(KeyCode::Left).key(KeyCode::Left);
    let s = shown(&mut ui, &dir);
    assert!(
        s.contains("› subject") && s.contains("→ client         Printer"),
        "{s}"
    );
    assert!(s.contains("✗ client is fed twice (client, subject)"), "{s}");
    ui.keys("r");
    assert_eq!(ui.driver.app.import.as_ref().unwrap().step, Step::Map);
    assert!(!ui.driver.importing());
    // The field back: ready again.
    ui.key(KeyCode::Right).key(KeyCode::Right);
    let s = shown(&mut ui, &dir);
    assert!(s.contains("✓ Ready"), "{s}");
}

#[test]
fn the_dry_run_of_a_file_with_bad_rows_80x24() {
    let (mut ui, dir) = on_exports(80, 24);
    pick(&mut ui, "tickets bad.csv");
    ui.keys("r");
    assert!(ui.driver.wait_for_import());
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Bakkerij Nieuw"), "{s}");
    assert!(s.contains("2 bad rows"), "{s}");
    insta::assert_snapshot!(s);
    // Nothing can be imported while a row is bad.
    ui.key(KeyCode::Enter);
    assert!(!ui.driver.app.import.as_ref().unwrap().confirm);
    ui.keys("q");
    assert_eq!(ui.driver.app.overlay, Overlay::None);
    assert_eq!(
        shown_tickets_90d(&mut ui, "Café De Hoek"),
        "4",
        "nothing was written"
    );
}

#[test]
fn the_progress_bar_120x40() {
    let (mut ui, dir) = on_exports(120, 40);
    pick(&mut ui, "tickets.csv");
    let v = ui.driver.app.import.as_mut().unwrap();
    v.step = Step::Running;
    v.running = Some((
        false,
        Some(rapport::import::Progress {
            rows: 41_230,
            bytes: 5_200_000,
            total_bytes: 12_400_000,
        }),
    ));
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Importing tickets.csv..."), "{s}");
    assert!(s.contains("41230 rows · 42%"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn importing_for_real_asks_first_then_every_screen_shows_the_tickets_and_again_adds_nothing() {
    let (mut ui, dir) = on_exports(80, 24);
    pick(&mut ui, "tickets.csv");
    ui.keys("r");
    assert!(ui.driver.wait_for_import());
    ui.keys("c");
    assert!(ui.driver.wait_for_import(), "c runs the dry run again");
    ui.key(KeyCode::Enter);
    let s = shown(&mut ui, &dir);
    assert!(
        s.contains("Write into r.db: 5 new and 0 updated tickets, and 1 new client?"),
        "{s}"
    );
    ui.keys("y");
    assert!(ui.driver.wait_for_import());
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Imported tickets.csv"), "{s}");
    insta::assert_snapshot!(s);
    ui.key(KeyCode::Enter);
    assert_eq!(ui.driver.app.overlay, Overlay::None);
    assert_eq!(
        shown_tickets_90d(&mut ui, "Café De Hoek"),
        "8",
        "{}",
        ui.screen()
    );
    assert_eq!(
        shown_tickets_90d(&mut ui, "Bakkerij Nieuw"),
        "1",
        "{}",
        ui.screen()
    );
    // The same file again: nothing new.
    ui.keys("I");
    pick(&mut ui, "tickets.csv");
    ui.keys("r");
    assert!(ui.driver.wait_for_import());
    let r = &ui
        .driver
        .app
        .import
        .as_ref()
        .unwrap()
        .outcome
        .as_ref()
        .unwrap()
        .report;
    assert_eq!((r.added, r.unchanged), (0, 5), "{r:?}");
    ui.key(KeyCode::Enter);
    assert!(
        !ui.driver.app.import.as_ref().unwrap().confirm,
        "nothing to import"
    );
}

#[test]
fn the_menu_of_fields_80x24() {
    let (mut ui, dir) = on_exports(80, 24);
    pick(&mut ui, "tickets.csv");
    // On the subject column: its field marked, the client's column named beside client.
    ui.keys("jj");
    ui.key(KeyCode::Enter);
    let s = shown(&mut ui, &dir);
    assert!(s.contains("The field subject feeds"), "{s}");
    assert!(s.contains("› subject"), "{s}");
    assert!(s.contains("client              fed by client"), "{s}");
    insta::assert_snapshot!(s);
    ui.keys("k");
    ui.key(KeyCode::Enter);
    let s = shown(&mut ui, &dir);
    assert!(s.contains("› subject    → ref"), "{s}");
    assert!(s.contains("✗ ref is fed twice"), "{s}");
}

#[test]
fn s_saves_the_mapping_as_a_preset_in_the_config_and_refuses_a_taken_name() {
    let (mut ui, dir) = on_exports(80, 24);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "# my settings\n").unwrap();
    ui.driver.scripts.config_path = Some(config.clone());
    pick(&mut ui, "tickets.csv");
    // The Owner of a view: the subject column is not read.
    ui.keys("jj").keys("x");
    ui.keys("s");
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Save as preset:"), "{s}");
    ui.keys("my view");
    ui.key(KeyCode::Enter);
    let status = ui.driver.app.status.clone().unwrap();
    assert!(
        status.text.contains("Saved as the preset my view"),
        "{status:?}"
    );
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.starts_with("# my settings\n"), "{text}");
    assert!(text.contains("[import.presets.\"my view\"]"), "{text}");
    assert!(
        !text.contains("\"subject\""),
        "the column not read is not saved: {text}"
    );
    let s = shown(&mut ui, &dir);
    assert!(s.contains("Preset my view (p)"), "{s}");
    // The same name again: refused, the file as it was.
    ui.keys("s").keys("my view");
    ui.key(KeyCode::Enter);
    let status = ui.driver.app.status.clone().unwrap();
    assert_eq!(status.tone, rapport::tui::app::Tone::Error, "{status:?}");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), text);
    // Typing, Esc leaves the name unsaved.
    ui.keys("s").keys("other");
    ui.key(KeyCode::Esc);
    assert_eq!(std::fs::read_to_string(&config).unwrap(), text);
}
