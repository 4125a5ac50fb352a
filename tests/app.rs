//! The app alone, with no database and no terminal: keys in, the effects it asks the
//! driver for out. What a user's keys lead to, before anything is written.

use std::path::PathBuf;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use rapport::domain::{Client, ClientDraft, ClientFields, ClientId, ClientRow, StaffVote};
use rapport::tui::action::Effect;
use rapport::tui::app::{App, Damage, Overlay, Screen, Settings};
use rapport::tui::keymap::every_press;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn fields(name: &str, mrr: &str) -> ClientFields {
    ClientDraft {
        name: name.into(),
        mrr: mrr.into(),
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap()
}

fn row(id: i64, name: &str, mrr: &str) -> ClientRow {
    ClientRow {
        client: Client {
            id: ClientId(id),
            fields: fields(name, mrr),
            created_at: String::new(),
            updated_at: String::new(),
        },
        tickets_90d: 0,
        last_activity: None,
    }
}

/// An app showing two clients, Alfa (selected) and Bravo.
fn app() -> App {
    let mut app = App::new(today(), Settings::default());
    app.resize(120, 40);
    app.set_rows(vec![row(1, "Alfa", "500"), row(2, "Bravo", "800")]);
    app
}

fn key(app: &mut App, code: KeyCode) -> Option<Effect> {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(app: &mut App, c: char) -> Option<Effect> {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(key(app, KeyCode::Char(c)), None, "typing {c:?}");
    }
}

#[test]
fn an_edit_is_saved_over_the_facts_the_form_opened_on() {
    let mut app = app();
    assert_eq!(key(&mut app, KeyCode::Char('e')), None);
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab); // Contact, Email, Phone
    }
    typed(&mut app, "+31 20 555 0101");
    let Some(Effect::SaveClient { editing, fields: f }) = key(&mut app, KeyCode::Enter) else {
        panic!("Enter saves");
    };
    let (id, original) = editing.expect("an edit, not an add");
    assert_eq!(id, ClientId(1));
    assert_eq!(original, fields("Alfa", "500"));
    assert_eq!(f.phone.as_deref(), Some("+31 20 555 0101"));
    assert_eq!(original.changed(&f), [rapport::domain::ClientField::Phone]);
}

#[test]
fn ctrl_r_in_an_edit_takes_the_other_windows_values_and_keeps_the_users_changes() {
    let mut app = app();
    key(&mut app, KeyCode::Char('e'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    typed(&mut app, "0101");
    assert_eq!(ctrl(&mut app, 'r'), Some(Effect::RebaseEdit(ClientId(1))));
    // The driver read the client again: another window changed the MRR and the phone.
    let mut theirs = fields("Alfa", "999");
    theirs.phone = Some("0202".into());
    app.rebase_edit(ClientId(1), theirs.clone());
    let Overlay::ClientForm { form, editing } = &app.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(form.value("MRR"), "999.00", "their MRR");
    assert_eq!(form.value("phone"), "0101", "this user's phone");
    assert!(
        form.message
            .as_deref()
            .is_some_and(|m| m.contains("kept yours for phone")),
        "{:?}",
        form.message
    );
    assert_eq!(
        editing.as_ref().map(|(_, f)| f),
        Some(&theirs),
        "saved over theirs now"
    );
}

#[test]
fn archiving_carries_what_the_confirmation_showed() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(key(&mut app, KeyCode::Char('d')), None);
    assert!(matches!(app.overlay, Overlay::ConfirmArchive { .. }));
    assert_eq!(
        key(&mut app, KeyCode::Char('y')),
        Some(Effect::Archive {
            id: ClientId(2),
            expected: fields("Bravo", "800"),
        })
    );
}

#[test]
fn a_damaged_file_refuses_every_write_and_offers_the_newest_backup() {
    let mut app = app();
    app.set_damaged(Damage {
        problem: "3 problems found by SQLite's quick check".into(),
        backup: Some(PathBuf::from("/data/backups/r-2026-06-29.db")),
    });
    for c in ['a', 'e', 'l', 'd', 'u'] {
        assert_eq!(key(&mut app, KeyCode::Char(c)), None, "{c}");
        assert_eq!(app.overlay, Overlay::None, "{c} opens nothing");
        let status = app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(status.starts_with("Read-only:"), "{c}: {status}");
    }
    assert_eq!(key(&mut app, KeyCode::Char('R')), None);
    assert!(matches!(app.overlay, Overlay::ConfirmRestore { .. }));
    assert_eq!(
        key(&mut app, KeyCode::Char('y')),
        Some(Effect::Restore(PathBuf::from(
            "/data/backups/r-2026-06-29.db"
        )))
    );
}

#[test]
fn adding_a_staff_member_who_already_has_a_list_opens_that_list_instead_of_replacing_it() {
    let mut app = app();
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(app.screen, Screen::GutCheck);
    app.gut.set(
        2026,
        vec![StaffVote {
            year: 2026,
            staff: "Sanne".into(),
            client_id: ClientId(2),
            rank: 1,
        }],
    );
    key(&mut app, KeyCode::Char('a'));
    typed(&mut app, "sanne");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // names Alfa as the worst
    assert_eq!(key(&mut app, KeyCode::Enter), None, "nothing is saved yet");
    let Overlay::VoteForm { form, original, .. } = &app.overlay else {
        panic!("the form stays open on Sanne's list");
    };
    assert_eq!(original, &[ClientId(2)]);
    assert_eq!(form.value("1"), "2", "her list as saved: Bravo first");
    assert!(
        form.message
            .as_deref()
            .is_some_and(|m| m.contains("Sanne already named"))
    );
    // Saving now replaces her list knowingly, over what it was.
    let Some(Effect::SaveVotes {
        expected, staff, ..
    }) = key(&mut app, KeyCode::Enter)
    else {
        panic!("Enter saves");
    };
    assert_eq!((staff.as_str(), expected), ("Sanne", vec![ClientId(2)]));
}

#[test]
fn the_clients_list_sorts_names_with_accents_folded_and_filters_without_them() {
    let mut app = App::new(today(), Settings::default());
    app.resize(120, 40);
    app.set_rows(vec![
        row(1, "Rijnmond", "0"),
        row(2, "Özdemir", "0"),
        row(3, "Noordzee", "0"),
    ]);
    let shown: Vec<String> = app
        .clients
        .view
        .iter()
        .map(|&i| app.clients.rows[i].client.fields.name.clone())
        .collect();
    assert_eq!(shown, ["Noordzee", "Özdemir", "Rijnmond"]);
    key(&mut app, KeyCode::Char('/'));
    for c in "ozd".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.clients.view.len(), 1, "'ozd' finds Özdemir");
    assert_eq!(app.clients.selected_id(), Some(ClientId(2)));
}

#[test]
fn a_key_the_help_does_not_list_does_nothing_on_any_screen() {
    for (i, &screen) in Screen::ALL.iter().enumerate() {
        let mut app = app();
        app.act(rapport::tui::action::Action::GoScreen(i));
        assert_eq!(app.screen, screen);
        let help = rapport::tui::keymap::help(screen);
        let listed: Vec<KeyEvent> = rapport::tui::keymap::bindings(screen)
            .flat_map(|b| b.keys.iter())
            .inspect(|k| {
                let label = k.label();
                assert!(
                    help.iter()
                        .any(|(keys, _)| keys.split(' ').any(|t| t == label)),
                    "{screen:?}: {label} acts but is not in the help"
                );
            })
            .flat_map(|k| k.presses())
            .collect();
        let before = format!("{app:?}");
        for press in every_press() {
            let is = |p: &KeyEvent| (p.code, p.modifiers) == (press.code, press.modifiers);
            if listed.iter().any(is) {
                continue;
            }
            let mut pressed = app.clone();
            assert_eq!(pressed.on_key(press), None, "{screen:?}: {press:?}");
            assert_eq!(format!("{pressed:?}"), before, "{screen:?}: {press:?}");
        }
    }
}
