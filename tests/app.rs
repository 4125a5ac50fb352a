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

// ---- the fire/keep walk ------------------------------------------------------------------

use rapport::domain::decide::Outcome;
use rapport::domain::decide::case::{CaseFile, CaseInputs, DecisionRules};
use rapport::domain::decide::walk::{Answers, Q, Step};
use rapport::domain::score::flags::Dealbreaker;
use rapport::tui::app::walk::{Prompt, WalkOpen};

const D1: Q = Q::Dealbreaker(Dealbreaker::D1);

/// Alfa's case: no evidence, so the data answers every dealbreaker "no".
fn case(id: i64, name: &str, status: &str) -> CaseFile {
    let mut r = row(id, name, "500");
    r.client.fields.status = rapport::domain::ClientStatus::parse("status", status).unwrap();
    CaseFile::build(CaseInputs {
        client: &r.client,
        as_of: today(),
        card: None,
        measures: &[],
        pareto: &Default::default(),
        minutes_in_window: 0,
        window_days: 90,
        records: &[],
        rules: &DecisionRules::default(),
    })
}

fn opened(draft: Option<Answers>) -> App {
    let mut app = app();
    assert_eq!(
        key(&mut app, KeyCode::Char('f')),
        Some(Effect::OpenWalk(ClientId(1)))
    );
    app.open_walk(WalkOpen {
        case: case(1, "Alfa", "active"),
        rev: 7,
        last: None,
        draft,
    });
    assert_eq!(app.overlay, Overlay::Walk);
    app
}

fn step(app: &App) -> Step {
    app.walk.as_ref().unwrap().walk.step()
}

fn answer(app: &App, q: Q) -> Option<bool> {
    app.walk.as_ref().unwrap().walk.answer(q)
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn f_opens_the_walk_on_the_selected_client_from_three_screens() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        key(&mut app, KeyCode::Char('f')),
        Some(Effect::OpenWalk(ClientId(2)))
    );
    for screen in ['2', '3'] {
        key(&mut app, KeyCode::Char(screen));
        assert_eq!(
            key(&mut app, KeyCode::Char('f')),
            Some(Effect::OpenWalk(ClientId(2))),
            "screen {screen}"
        );
    }
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(
        key(&mut app, KeyCode::Char('f')),
        None,
        "not on the gut check"
    );
    // A former client has nothing left to decide.
    let mut app = App::new(today(), Settings::default());
    app.resize(120, 40);
    let mut gone = row(3, "Gone BV", "100");
    gone.client.fields.status = rapport::domain::ClientStatus::Former;
    app.set_rows(vec![gone]);
    assert_eq!(key(&mut app, KeyCode::Char('f')), None);
    assert!(status(&app).contains("former client"), "{}", status(&app));
}

#[test]
fn going_back_and_forth_keeps_the_answers() {
    let mut app = opened(None);
    assert_eq!(step(&app), Step::Dealbreakers);
    assert_eq!(answer(&app, D1), Some(false), "the data's answer");
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(answer(&app, D1), Some(true));
    key(&mut app, KeyCode::Right);
    assert_eq!(step(&app), Step::Reasons);
    // The third question of R: undoes security changes.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(answer(&app, Q::SecurityUndone), Some(true));
    key(&mut app, KeyCode::Enter);
    assert_eq!(step(&app), Step::Reconsider);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Left);
    assert_eq!(step(&app), Step::Dealbreakers);
    assert_eq!(answer(&app, D1), Some(true), "kept going back");
    assert_eq!(answer(&app, Q::SecurityUndone), Some(true));
    // x takes an answer back to unanswered.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(answer(&app, D1), None);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(answer(&app, D1), Some(false));
    assert_eq!(app.overlay, Overlay::Walk, "the walk is still open");
}

#[test]
fn another_outcome_needs_a_reason_before_it_is_saved() {
    let mut app = opened(None);
    key(&mut app, KeyCode::Char('y')); // D1: end now
    for _ in 0..4 {
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(step(&app), Step::Outcome);
    // The outcome line is selected: → chooses the next outcome after end now (keep).
    key(&mut app, KeyCode::Right);
    assert_eq!(app.walk.as_ref().unwrap().walk.chosen(), Outcome::Keep);
    key(&mut app, KeyCode::Char('W'));
    assert_eq!(app.walk.as_ref().unwrap().walk.chosen(), Outcome::Watch);
    assert_eq!(key(&mut app, KeyCode::Enter), None, "refused: no reason");
    assert!(status(&app).contains("say why"), "{}", status(&app));
    let v = app.walk.as_ref().unwrap();
    assert_eq!(
        v.edit.as_ref().map(|e| e.field),
        Some(rapport::tui::app::walk::Field::Reason),
        "the reason is being typed"
    );
    typed(&mut app, "they apologised in person");
    assert_eq!(key(&mut app, KeyCode::Enter), None, "keeps the reason");
    let Some(Effect::SaveDecision { decision, rev }) = key(&mut app, KeyCode::Enter) else {
        panic!("Enter on the last step saves");
    };
    assert_eq!(rev, 7, "made on the revision the walk read");
    assert_eq!(
        (decision.proposed, decision.chosen),
        (Outcome::EndNow, Outcome::Watch)
    );
    assert_eq!(
        decision.override_reason.as_deref(),
        Some("they apologised in person")
    );
    assert_eq!(decision.review_on, NaiveDate::from_ymd_opt(2026, 9, 28));
    assert_eq!(decision.answers.given.get(&D1), Some(&true));
}

#[test]
fn leaving_with_answers_asks_about_a_draft() {
    // Nothing answered: Esc just leaves.
    let mut app = opened(None);
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.walk.is_none());
    // An answer given: keep a draft? Esc goes back to the walk, n drops, y keeps.
    let mut app = opened(None);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    assert_eq!(
        app.walk.as_ref().unwrap().prompt,
        Some(Prompt::KeepDraft),
        "asks"
    );
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    assert_eq!(app.walk.as_ref().unwrap().prompt, None, "back to the walk");
    assert_eq!(answer(&app, D1), Some(true));
    key(&mut app, KeyCode::Char('q'));
    let Some(Effect::SaveDraft { client, answers }) = key(&mut app, KeyCode::Char('y')) else {
        panic!("y keeps a draft");
    };
    assert_eq!(client, ClientId(1));
    assert_eq!(
        answers.given.into_iter().collect::<Vec<_>>(),
        [(D1, true)],
        "the user's answers, not the data's"
    );
    let mut app = opened(None);
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(key(&mut app, KeyCode::Char('n')), None, "no draft to drop");
    assert!(app.walk.is_none());
    assert!(status(&app).contains("not kept"), "{}", status(&app));
}

#[test]
fn a_kept_draft_is_offered_and_picked_up() {
    let mut draft = Answers::default();
    draft.given.insert(Q::HoldingBack, true);
    draft.notes = "call Monday".into();
    let mut app = opened(Some(draft.clone()));
    assert!(matches!(
        app.walk.as_ref().unwrap().prompt,
        Some(Prompt::ContinueDraft(_))
    ));
    assert_eq!(answer(&app, Q::HoldingBack), None, "not yet");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(answer(&app, Q::HoldingBack), Some(true));
    assert_eq!(app.walk.as_ref().unwrap().walk.answers.notes, "call Monday");
    // Left unchanged: nothing to ask, the draft stays.
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    assert!(app.walk.is_none());
    // Starting afresh instead, then leaving with answers: n drops the old draft too.
    let mut app = opened(Some(draft));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(answer(&app, Q::HoldingBack), None);
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        key(&mut app, KeyCode::Char('n')),
        Some(Effect::DropDraft(ClientId(1)))
    );
}

#[test]
fn a_damaged_file_lets_the_walk_be_read_but_refuses_to_save_it() {
    let mut app = opened(None);
    app.set_damaged(Damage {
        problem: "3 problems found by SQLite's quick check".into(),
        backup: None,
    });
    assert_eq!(app.overlay, Overlay::Walk, "still open, to be read");
    for _ in 0..4 {
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(step(&app), Step::Outcome);
    assert_eq!(key(&mut app, KeyCode::Enter), None, "not saved");
    assert!(status(&app).starts_with("Read-only:"), "{}", status(&app));
    assert_eq!(app.overlay, Overlay::Walk);
    // Leaving keeps no draft either: nothing can be written.
    key(&mut app, KeyCode::Char('K'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    assert!(app.walk.is_none());
}

#[test]
fn help_over_the_walk_lists_its_keys_and_goes_back_to_it() {
    let mut app = opened(None);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Overlay::Help);
    assert!(
        rapport::tui::keymap::walk_help()
            .iter()
            .any(|(k, _)| k == "K W R S N E")
    );
    key(&mut app, KeyCode::Char('q'));
    assert_eq!(
        app.overlay,
        Overlay::Walk,
        "q closes the help, not the walk"
    );
    assert!(app.walk.is_some());
}

#[test]
fn a_prospect_walks_its_own_steps_and_outcomes() {
    let mut app = App::new(today(), Settings::default());
    app.resize(80, 24);
    let mut r = row(5, "Dierenkliniek Oost", "1,900");
    r.client.fields.status = rapport::domain::ClientStatus::Prospect;
    app.set_rows(vec![r]);
    assert_eq!(
        key(&mut app, KeyCode::Char('f')),
        Some(Effect::OpenWalk(ClientId(5)))
    );
    app.open_walk(WalkOpen {
        case: case(5, "Dierenkliniek Oost", "prospect"),
        rev: 1,
        last: None,
        draft: None,
    });
    assert_eq!(step(&app), Step::Fit);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y')); // haggles
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('y')); // wants control
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(step(&app), Step::Outcome);
    assert_eq!(
        app.walk.as_ref().unwrap().walk.proposal().outcome,
        Outcome::Decline
    );
    key(&mut app, KeyCode::Char('E'));
    assert!(
        status(&app).contains("not for a prospect"),
        "{}",
        status(&app)
    );
    let Some(Effect::SaveDecision { decision, .. }) = key(&mut app, KeyCode::Enter) else {
        panic!("saves the decline");
    };
    assert_eq!(decision.chosen, Outcome::Decline);
    assert_eq!(decision.reasons[0].code.as_str(), "P1");
}

/// A decision as the store reads it back: about `client`, on `on`.
fn decision(
    id: i64,
    client: i64,
    name: &str,
    on: &str,
    proposed: rapport::domain::decide::Outcome,
    chosen: rapport::domain::decide::Outcome,
) -> rapport::domain::decide::decision::Decision {
    use rapport::domain::decide::decision::{Decision, Snapshot};
    use rapport::domain::decide::{Code, Reason};
    let on = NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap();
    Decision {
        id,
        client: ClientId(client),
        name: name.into(),
        decided_on: on,
        proposed,
        chosen,
        override_reason: (proposed != chosen).then(|| "they apologised".to_string()),
        reasons: vec![Reason {
            code: Code::D1,
            why: rapport::domain::decide::Why::Text("abusive or unprofessional treatment".into()),
            evidence: vec![rapport::domain::decide::Evidence::Text(
                "2026-06-28 abuse: shouted at the help desk".into(),
            )],
        }],
        answers: Default::default(),
        snapshot: Snapshot {
            score: Some(31.0),
            grade: Some("F".into()),
            flags: vec!["D1".into()],
            revenue_share: 0.05,
            effective_rate: None,
            mrr: rapport::domain::Cents(50_000),
            data_answers: Default::default(),
        },
        notes: None,
        review_on: (chosen == rapport::domain::decide::Outcome::Watch)
            .then(|| NaiveDate::from_ymd_opt(2026, 7, 3).unwrap()),
        proposed_mrr: None,
        exit: None,
        conditions: Vec::new(),
    }
}

/// The app with Alfa and Bravo, a decision about each (Bravo's the newest, a watch chosen
/// over "end now"), on the Decisions screen.
fn on_decisions() -> App {
    use rapport::domain::decide::Outcome;
    let mut app = app();
    app.set_decisions(vec![
        decision(2, 2, "Bravo", "2026-06-20", Outcome::EndNow, Outcome::Watch),
        decision(1, 1, "Alfa", "2026-05-01", Outcome::Keep, Outcome::Keep),
    ]);
    assert_eq!(key(&mut app, KeyCode::Char('5')), None);
    app
}

#[test]
fn five_goes_to_the_decisions_and_moving_there_selects_the_decisions_client_everywhere() {
    let mut app = on_decisions();
    assert_eq!(app.screen, Screen::Decisions);
    assert_eq!(app.selected, Some(ClientId(1)));
    let log = &app.decisions;
    assert_eq!(
        log.log_selected().map(|d| d.id),
        Some(1),
        "the log scrolls to the selected client's decision"
    );
    // Up: Bravo's decision, and Bravo is the selected client on every screen.
    assert_eq!(
        key(&mut app, KeyCode::Char('k')),
        Some(Effect::LoadDetail(ClientId(2)))
    );
    assert_eq!(app.selected, Some(ClientId(2)));
    assert_eq!(app.clients.selected_id(), Some(ClientId(2)));
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.clients.selected_id(), Some(ClientId(2)));
    // Selected elsewhere, the log follows to that client's latest decision.
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected, Some(ClientId(1)));
    key(&mut app, KeyCode::Char('5'));
    assert_eq!(app.decisions.log_selected().map(|d| d.id), Some(1));
}

#[test]
fn enter_opens_the_saved_decision_read_only_and_esc_closes_it() {
    let mut app = on_decisions();
    key(&mut app, KeyCode::Char('k')); // Bravo's
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        None,
        "nothing to read or write"
    );
    assert_eq!(app.overlay, Overlay::Decision { id: 2, scroll: 0 });
    // It scrolls, and keys that would act on the screen do nothing while it is open.
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.overlay, Overlay::Decision { id: 2, scroll: 1 });
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(app.overlay, Overlay::Decision { id: 2, scroll: 0 });
    // The wheel scrolls it too, and a click does nothing under it.
    let mouse = |kind| crossterm::event::MouseEvent {
        kind,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    };
    use crossterm::event::{MouseButton, MouseEventKind};
    assert_eq!(app.on_mouse(mouse(MouseEventKind::ScrollDown)), None);
    assert_eq!(app.overlay, Overlay::Decision { id: 2, scroll: 1 });
    assert_eq!(
        app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left))),
        None
    );
    assert_eq!(app.on_mouse(mouse(MouseEventKind::ScrollUp)), None);
    assert_eq!(app.overlay, Overlay::Decision { id: 2, scroll: 0 });
    assert_eq!(app.selected, Some(ClientId(2)));
    key(&mut app, KeyCode::End);
    let Overlay::Decision { scroll: last, .. } = app.overlay else {
        panic!("still open");
    };
    assert!(last > 0, "the walk is longer than a page at 120x40");
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.overlay,
        Overlay::Decision {
            id: 2,
            scroll: last
        },
        "not past the end"
    );
    for c in ['a', 'd', 'l', '1'] {
        assert_eq!(key(&mut app, KeyCode::Char(c)), None);
    }
    assert_eq!(app.screen, Screen::Decisions);
    assert!(matches!(app.overlay, Overlay::Decision { id: 2, .. }));
    assert_eq!(key(&mut app, KeyCode::Esc), None);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.selected, Some(ClientId(2)), "the selection stays");
}

#[test]
fn coming_up_is_worked_out_from_the_clients_and_the_log_and_selects_its_client() {
    let mut app = on_decisions();
    // Bravo's review (2026-07-03) is due this week; Alfa's contract ends in the autumn.
    let mut alfa = row(1, "Alfa", "500");
    alfa.client.fields.contract_end = NaiveDate::from_ymd_opt(2026, 10, 15);
    alfa.client.fields.notice_days = Some(30);
    app.set_row(alfa);
    let coming: Vec<(i64, &str)> = app
        .decisions
        .coming
        .iter()
        .map(|u| (u.client.0, u.due.label()))
        .collect();
    assert_eq!(
        coming,
        [
            (2, "review due"),
            (1, "last day to give notice"),
            (1, "contract ends")
        ]
    );
    assert_eq!(app.decisions.due_this_week, 1);
    // Coming up scrolled to the selected client's soonest item; → moves the keys there,
    // and up is Bravo's review.
    assert_eq!(
        app.decisions.coming_selected().map(|u| u.due.label()),
        Some("last day to give notice")
    );
    key(&mut app, KeyCode::Right);
    assert_eq!(
        key(&mut app, KeyCode::Char('k')),
        Some(Effect::LoadDetail(ClientId(2)))
    );
    assert_eq!(app.selected, Some(ClientId(2)));
    assert_eq!(
        app.decisions.log_selected().map(|d| d.id),
        Some(2),
        "the log follows"
    );
    // Enter on an item opens the client's latest decision.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::Decision { id: 2, scroll: 0 });
    key(&mut app, KeyCode::Esc);
    // Down to Alfa's notice; ← back to the log, which shows Alfa's decision.
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, Some(ClientId(1)));
    key(&mut app, KeyCode::Left);
    assert_eq!(app.decisions.log_selected().map(|d| d.id), Some(1));
}

#[test]
fn with_no_decision_enter_says_how_to_make_one() {
    let mut app = app();
    app.set_decisions(Vec::new());
    key(&mut app, KeyCode::Char('5'));
    assert_eq!(key(&mut app, KeyCode::Enter), None);
    assert_eq!(app.overlay, Overlay::None);
    let status = app.status.as_ref().map(|s| s.text.as_str());
    assert_eq!(
        status,
        Some("No decisions yet: press f on a client to walk the fire/keep questions")
    );
    assert_eq!(app.decisions.due_this_week, 0);
}

#[test]
fn a_click_on_the_decisions_screen_selects_the_row_and_its_list() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = on_decisions();
    let click = |app: &mut App, column, row| {
        app.on_mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // At 120x40 Coming up is beside the log, two lines an item: its first is Bravo's review.
    assert_eq!(
        click(&mut app, 90, 3),
        Some(Effect::LoadDetail(ClientId(2)))
    );
    assert_eq!(app.selected, Some(ClientId(2)));
    assert_eq!(
        app.decisions.pane,
        rapport::tui::app::decisions::Pane::ComingUp
    );
    // The log's second decision (two lines each, under the header): Alfa's.
    click(&mut app, 20, 5);
    assert_eq!(app.selected, Some(ClientId(1)));
    assert_eq!(app.decisions.pane, rapport::tui::app::decisions::Pane::Log);
    assert_eq!(app.decisions.log_selected().map(|d| d.id), Some(1));
    // Below the last row: the list has the keys, the selection stays.
    assert_eq!(click(&mut app, 20, 30), None);
    assert_eq!(app.selected, Some(ClientId(1)));
}
