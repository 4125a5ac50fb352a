//! The Scripts view: opened with w on a client's decision (here the do-not-renew decision
//! for the Tokyo holding, a name with wide characters), at 80x24 and 120x40; kind, channel
//! and language picked with their keys; copying and writing keep the script, and writing
//! makes a new private file in the exports folder beside the database.

use super::*;
use rapport::tui::external::Job;

fn on_scripts(w: u16, h: u16) -> Ui {
    let (dir, store) = super::decisions::decided();
    let mut ui = Ui::with(dir, store, w, h, ThemeName::Dark);
    // The Decisions screen, newest first: Café De Hoek, then the Tokyo holding.
    ui.keys("5").key(KeyCode::Home).key(KeyCode::Down).keys("w");
    ui
}

#[test]
fn scripts_view_80x24() {
    let mut ui = on_scripts(80, 24);
    assert_eq!(ui.driver.app.overlay, Overlay::Scripts);
    let s = ui.screen();
    assert!(s.contains("do not renew"), "{s}");
    assert!(s.contains("letter"), "{s}");
    assert!(
        s.contains("more lines (PgDn)"),
        "a letter is longer than the view:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn scripts_view_120x40() {
    let mut ui = on_scripts(120, 40);
    let s = ui.screen();
    assert!(
        s.contains("0 earlier scripts"),
        "the list beside the text:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn keys_pick_the_channel_and_the_language_and_the_text_follows() {
    let mut ui = on_scripts(120, 40);
    ui.keys("l");
    let s = ui.screen();
    assert!(s.contains("Language Dutch"), "{s}");
    assert!(s.contains("Geachte"), "a Dutch letter:\n{s}");
    let letter = ui.driver.app.scripts.as_ref().unwrap().text.clone();
    ui.keys("c");
    let v = ui.driver.app.scripts.as_ref().unwrap();
    assert_eq!(v.channel, rapport::domain::script::Channel::Email);
    assert_ne!(v.text, letter, "an email, not the letter");
    assert!(v.text.contains("Geachte"), "still Dutch:\n{}", v.text);
    // The reason reworded: the text says it.
    ui.keys("r")
        .ctrl('u')
        .keys("we now focus on larger offices");
    ui.key(KeyCode::Enter);
    let v = ui.driver.app.scripts.as_ref().unwrap();
    assert!(
        v.text.contains("we now focus on larger offices"),
        "{}",
        v.text
    );
    ui.key(KeyCode::Esc);
    assert_eq!(ui.driver.app.overlay, Overlay::None);
    assert!(ui.driver.app.scripts.is_none());
}

#[test]
fn copying_and_writing_keep_the_script_once_and_write_a_new_private_file() {
    let mut ui = on_scripts(80, 24);
    let client = ui.driver.app.scripts.as_ref().unwrap().client;
    ui.keys("y");
    assert!(matches!(ui.driver.take_job(), Some(Job::Copy(_))));
    assert_eq!(ui.driver.store.scripts(client).unwrap().len(), 1);
    ui.keys("w");
    assert_eq!(
        ui.driver.store.scripts(client).unwrap().len(),
        1,
        "the same text is kept once"
    );
    let dir = ui.driver.store.path().parent().unwrap().join("exports");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.ends_with("-do-not-renew-letter-en-2026-06-30.md"),
        "{name}"
    );
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.starts_with("# "), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(file), 0o600);
        assert_eq!(mode(&dir), 0o700);
    }
    // Again: a fresh name, never over the first.
    ui.keys("w");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    let second = files[0].to_string_lossy().replace(".md", "-2.md");
    assert!(std::path::Path::new(&second).exists(), "{second}");
}

#[test]
fn a_client_whose_decision_needs_no_words_is_told_so() {
    let (dir, store) = super::decisions::decided();
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    // Café De Hoek is kept and watched: no words.
    ui.keys("5").key(KeyCode::Home).keys("w");
    assert_eq!(ui.driver.app.overlay, Overlay::None);
    assert!(ui.screen().contains("needs no words"));
}

#[test]
fn scripts_view_in_dutch_80x24() {
    rapport::words::with_language(rapport::domain::lang::Lang::Nl, || {
        let mut ui = on_scripts(80, 24);
        let s = ui.screen();
        assert!(s.contains("Woorden voor"), "{s}");
        assert!(s.contains("Taal Nederlands"), "{s}");
        assert!(s.contains("Geachte"), "a Dutch letter in a Dutch app:\n{s}");
        insta::assert_snapshot!(s);
    });
}

#[test]
fn from_the_walks_outcome_step_w_opens_the_words_and_esc_goes_back() {
    let (dir, store) = super::decisions::decided();
    let mut ui = Ui::with(dir, store, 120, 40, ThemeName::Dark);
    // The Tokyo holding, not renewed: its walk, to the outcome step.
    ui.keys("5")
        .key(KeyCode::Home)
        .key(KeyCode::Down)
        .keys("1f");
    assert_eq!(ui.driver.app.overlay, Overlay::Walk);
    for _ in 0..8 {
        if ui.driver.app.walk.as_ref().unwrap().last_step() {
            break;
        }
        ui.key(KeyCode::Enter);
    }
    // Keep needs no words.
    ui.keys("w");
    assert_eq!(ui.driver.app.overlay, Overlay::Walk);
    assert!(ui.screen().contains("keep needs no words"));
    // Reprice over the proposal: not before the walk has its reason.
    ui.keys("R").keys("w");
    assert_eq!(ui.driver.app.overlay, Overlay::Walk);
    assert!(ui.screen().contains("Not yet"), "{}", ui.screen());
    ui.keys("je").keys("they need more than the fee pays for");
    ui.key(KeyCode::Enter);
    ui.keys("w");
    assert_eq!(ui.driver.app.overlay, Overlay::Scripts);
    let v = ui.driver.app.scripts.as_ref().unwrap();
    assert_eq!(v.kind, rapport::domain::script::Kind::Reprice);
    assert_eq!(v.decision, None, "the walk's decision is not saved yet");
    assert!(ui.screen().contains("Words for"));
    // Esc: back to the walk, where it was.
    ui.key(KeyCode::Esc);
    assert_eq!(ui.driver.app.overlay, Overlay::Walk);
    assert!(ui.screen().contains("Step 5 of 5"));
}
