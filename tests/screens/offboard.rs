//! The offboarding checklist (`o`) on the demo's ended client, Autobedrijf Jansen (11 of 13
//! done): the view at 80x24 and 120x40, in Dutch, ticking and unticking (the notice asks
//! its day, the sign-off a name), and its progress on the Decisions screen and the detail
//! pane.

use super::*;
use rapport::domain::lang::Lang;
use rapport::words::with_language;

const JANSEN: &str = "Autobedrijf Jansen";

/// The demo with Jansen selected.
fn jansen(w: u16, h: u16) -> (Ui, rapport::domain::ClientId) {
    let mut ui = demo_ui(w, h);
    let id = ui.driver.store.client_by_name(JANSEN).unwrap().id;
    let effect = ui.driver.app.select_id(id);
    ui.driver.run(effect);
    (ui, id)
}

fn ticks(ui: &Ui, id: rapport::domain::ClientId) -> usize {
    ui.driver
        .store
        .offboarding(id)
        .unwrap()
        .unwrap()
        .ticks
        .len()
}

#[test]
fn offboarding_80x24() {
    let (mut ui, _) = jansen(80, 24);
    ui.keys("o");
    assert_eq!(ui.driver.app.overlay, Overlay::Offboard);
    let s = ui.screen();
    assert!(s.contains("Offboarding · Autobedrijf Jansen"), "{s}");
    assert!(s.contains("Offboarding: 11 of 13 done"), "{s}");
    assert!(s.contains("[x] Notice sent"), "{s}");
    // The cursor starts on the next item to do, shown in full under the list.
    assert!(
        s.contains("› [ ] Data returned or deleted as agreed"),
        "{s}"
    );
    assert!(s.contains("space tick/untick"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn offboarding_120x40() {
    let (mut ui, _) = jansen(120, 40);
    ui.keys("o");
    let s = ui.screen();
    assert!(s.contains("By / notes"), "{s}");
    assert!(s.contains("three MSPs in the region"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn offboarding_80x24_in_dutch() {
    with_language(Lang::Nl, || {
        let (mut ui, _) = jansen(80, 24);
        ui.keys("o");
        let s = ui.screen();
        assert!(s.contains("Offboarding: 11 van 13 gedaan"), "{s}");
        assert!(s.contains("[x] Opzegging verstuurd"), "{s}");
        insta::assert_snapshot!(s);
    });
}

#[test]
fn space_ticks_and_unticks_and_the_sign_off_asks_a_name() {
    let (mut ui, id) = jansen(80, 24);
    ui.keys("o ");
    assert_eq!(ticks(&ui, id), 12);
    let s = ui.screen();
    assert!(
        s.contains("[x] Data returned or deleted as agreed  "),
        "{s}"
    );
    assert!(s.contains("12 of 13 done"), "{s}");
    // Twice: unticked again; u takes the untick back, and the tick.
    ui.keys(" ");
    assert_eq!(ticks(&ui, id), 11);
    ui.keys("u");
    assert_eq!(ticks(&ui, id), 12);
    assert!(ui.screen().contains("Undone: the tick of 'Data returned"));
    ui.keys("u");
    assert_eq!(ticks(&ui, id), 11);
    assert_eq!(ui.driver.app.overlay, Overlay::Offboard);
    ui.keys(" ");
    // The sign-off: a form asks the contact; without one nothing is written.
    ui.key(KeyCode::End).keys(" ");
    assert!(matches!(
        ui.driver.app.overlay,
        Overlay::OffboardForm { .. }
    ));
    ui.key(KeyCode::Enter);
    assert_eq!(ticks(&ui, id), 12);
    let s = ui.screen();
    assert!(s.contains("Sign-off for Autobedrijf Jansen"), "{s}");
    assert!(s.contains("a name is needed"), "{s}");
    ui.keys("Frank Jansen").key(KeyCode::Enter);
    assert_eq!(ui.driver.app.overlay, Overlay::Offboard);
    let kept = ui.driver.store.offboarding(id).unwrap().unwrap();
    assert_eq!(kept.ticks["sign-off"].by.as_deref(), Some("Frank Jansen"));
    let s = ui.screen();
    assert!(s.contains("Offboarding: all 13 done"), "{s}");
    assert!(s.contains("Frank Jansen"), "{s}");
    // Esc closes the checklist.
    ui.key(KeyCode::Esc);
    assert_eq!(ui.driver.app.overlay, Overlay::None);
}

#[test]
fn the_notice_asks_its_day_with_today_offered() {
    let (mut ui, id) = jansen(80, 24);
    // Untick the notice, then tick it again on another day.
    ui.keys("o").key(KeyCode::Home).keys(" ");
    assert_eq!(ticks(&ui, id), 10);
    ui.keys(" ");
    let s = ui.screen();
    assert!(s.contains("Notice sent to Autobedrijf Jansen"), "{s}");
    assert!(s.contains("2026-06-30"), "today is offered: {s}");
    // A day after today is refused where it stands.
    ui.ctrl('u').keys("2026-07-02").key(KeyCode::Enter);
    assert_eq!(ticks(&ui, id), 10);
    assert!(ui.screen().contains("after today"));
    ui.ctrl('u').keys("2026-06-12").key(KeyCode::Enter);
    let kept = ui.driver.store.offboarding(id).unwrap().unwrap();
    assert_eq!(kept.ticks["notice-sent"].done_on.to_string(), "2026-06-12");
    // Esc in the form leaves the checklist as it was, and the view open.
    ui.keys(" ");
    assert_eq!(ticks(&ui, id), 10);
    ui.keys(" ").key(KeyCode::Esc);
    assert_eq!(ui.driver.app.overlay, Overlay::Offboard);
    assert_eq!(ticks(&ui, id), 10);
}

#[test]
fn the_progress_shows_on_the_decisions_log_and_the_detail_pane() {
    let (mut ui, _) = jansen(120, 40);
    let s = ui.screen();
    assert!(s.contains("Decisions · offboarding 11/13"), "{s}");
    ui.keys("5");
    let s = ui.screen();
    assert!(s.contains("offboarding 11/13 · D1 dealbreake"), "{s}");
    // o on the Decisions screen opens the selected client's checklist.
    ui.keys("o");
    assert_eq!(ui.driver.app.overlay, Overlay::Offboard);
}

#[test]
fn a_client_without_a_checklist_says_how_one_starts() {
    let mut ui = demo_ui(80, 24);
    let id = ui
        .driver
        .store
        .client_by_name("Brandt Vastgoed")
        .unwrap()
        .id;
    let effect = ui.driver.app.select_id(id);
    ui.driver.run(effect);
    ui.keys("o");
    assert_eq!(ui.driver.app.overlay, Overlay::None);
    let s = ui.screen();
    assert!(
        s.contains("'Brandt Vastgoed' has no offboarding checklist"),
        "{s}"
    );
}

#[test]
fn a_tick_from_another_window_shows_on_the_next_tick_of_the_clock() {
    let (mut ui, id) = jansen(80, 24);
    ui.keys("o");
    let mut other = Store::open(ui.driver.store.path()).unwrap();
    let tick = rapport::domain::offboard::Tick {
        done_on: today(),
        by: Some("deletion confirmed by email".into()),
    };
    other.tick_offboarding(id, "data", Some(&tick)).unwrap();
    assert!(ui.driver.tick(), "the change is seen");
    let s = ui.screen();
    assert!(s.contains("12 of 13 done"), "{s}");
    assert!(s.contains("deletion confirmed by email"), "{s}");
}
