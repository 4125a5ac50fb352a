//! The Import view (`I` on the Clients screen) on the real driver: a folder of exports
//! picked from, the mapping of a ticket export with its first rows as they will be read,
//! the dry run's report and the import's summary, at 80x24 and 120x40, and in Dutch. The
//! folder is a temporary one: its path is written as `/exports` in the snapshots.

use super::*;
use rapport::domain::lang::Lang;
use rapport::words::with_language;

/// The fixture export: four tickets of Café De Hoek, one of a client rapport does not know,
/// one with a date that is no date.
const TICKETS: &str = "client,ref,subject,opened,closed,kind,status,escalated,reopens\r\n\
Café De Hoek,T-9001,Printer offline,2026-06-02,2026-06-03,incident,Closed,no,0\r\n\
Café De Hoek,T-9002,\"New mailbox for the\r\nsecond chair\",2026-06-10,2026-06-11,request,Closed,no,0\r\n\
Café De Hoek,T-9003,Invoice question,2026-06-15,,admin,Open,no,0\r\n\
Café De Hoek,T-9004,Till frozen again,2026-06-20,2026-06-22,incident,Closed,yes,1\r\n\
Bakkerij Nieuw,T-9005,Wifi slow,2026-06-21,2026-06-21,incident,Closed,no,0\r\n";

/// A folder of exports: two folders, three files to list, one not to.
fn exports() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("2025")).unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("tickets.csv"), TICKETS).unwrap();
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
    assert!(s.contains("› Syncro customers.csv"), "the first file is selected:\n{s}");
    assert!(s.contains("archive/") && s.contains("time.tsv"), "{s}");
    assert!(!s.contains("readme.md"), "only exports are listed:\n{s}");
    assert!(s.contains("3 files to import here"), "{s}");
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
