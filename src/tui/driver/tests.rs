//! The background load against writes made before it arrives: whatever the order, what the
//! app shows once it came is what a full read of the file gives.

use chrono::NaiveDate;
use tempfile::TempDir;

use super::load::Loaded;
use super::*;
use crate::domain::score::Scorecard;
use crate::domain::{ClientDraft, NewTicket, TicketKind};
use crate::tui::Settings;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn ticket(on: &str) -> LogEntry {
    LogEntry::Ticket(NewTicket {
        opened_on: crate::domain::date::parse_date("opened", on).unwrap(),
        closed_on: None,
        kind: TicketKind::Incident,
        escalated: false,
        reopen_count: 0,
        external_ref: None,
        subject: None,
    })
}

/// A file with two clients, Alfa with a few tickets, Bravo with none.
fn file() -> (TempDir, std::path::PathBuf, ClientId, ClientId) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut store = Store::open(&path).unwrap();
    let mut add = |name: &str| {
        let fields = ClientDraft {
            name: name.into(),
            mrr: "1,000".into(),
            seats: "10".into(),
            ..ClientDraft::new_client()
        }
        .validate()
        .unwrap();
        store.add_client(&fields).unwrap()
    };
    let (alfa, bravo) = (add("Alfa"), add("Bravo"));
    for on in ["2026-05-02", "2026-06-01", "2026-06-20"] {
        store.log(alfa, &ticket(on)).unwrap();
    }
    (dir, path, alfa, bravo)
}

fn driver(path: &std::path::Path) -> Driver {
    let app = App::new(today(), Settings::default());
    let mut d = Driver::new(Store::open(path).unwrap(), app, "€");
    d.app.resize(120, 40);
    d
}

/// The cards a window that reads everything now would show.
fn fresh_cards(path: &std::path::Path) -> Vec<Scorecard> {
    let mut d = driver(path);
    d.refresh();
    d.app.scores.cards
}

fn tickets(d: &Driver, id: ClientId) -> u32 {
    d.app
        .scores
        .card(id)
        .map_or(0, |c| c.metrics.tickets_opened)
}

#[test]
fn the_list_comes_first_and_the_scores_when_the_load_arrives() {
    let (_dir, path, alfa, _) = file();
    let mut d = driver(&path);
    d.start();
    assert_eq!(d.app.clients.rows.len(), 2, "the list is read at once");
    assert!(d.app.scoring && d.scoring());
    assert!(d.app.scores.cards.is_empty());
    assert!(d.wait_for_scores());
    assert!(!d.app.scoring && !d.scoring());
    assert_eq!(tickets(&d, alfa), 3);
    assert_eq!(d.app.scores.cards, fresh_cards(&path));
}

#[test]
fn a_ticket_logged_here_before_a_stale_load_arrives_is_counted() {
    let (_dir, path, alfa, _) = file();
    let mut d = driver(&path);
    d.start();
    // A load that read the file before the write below: its answer is stale for Alfa.
    let stale = Loaded::read(&path, d.basis()).unwrap();
    d.run(Some(Effect::Log {
        client: alfa,
        entry: ticket("2026-06-29"),
        label: "a ticket".into(),
    }));
    assert!(
        d.app.scoring,
        "still scoring: no card is made from half the facts"
    );
    assert!(d.app.scores.cards.is_empty());
    d.take_load(Ok(stale));
    assert_eq!(tickets(&d, alfa), 4, "the new ticket is not lost");
    assert_eq!(d.app.scores.cards, fresh_cards(&path));
    // The facts kept in step with the next write start from the right place too.
    d.run(Some(Effect::Log {
        client: alfa,
        entry: ticket("2026-06-30"),
        label: "a ticket".into(),
    }));
    assert_eq!(tickets(&d, alfa), 5);
    assert_eq!(d.app.scores.cards, fresh_cards(&path));
}

#[test]
fn another_windows_change_during_the_load_is_read_when_it_arrives() {
    let (_dir, path, _, bravo) = file();
    let mut d = driver(&path);
    d.start();
    let stale = Loaded::read(&path, d.basis()).unwrap();
    let mut other = Store::open(&path).unwrap();
    other.log(bravo, &ticket("2026-06-28")).unwrap();
    assert!(d.tick(), "the other window's change shows");
    assert_eq!(d.app.clients.row(bravo).map(|r| r.tickets_90d), Some(1));
    d.take_load(Ok(stale));
    assert_eq!(tickets(&d, bravo), 1);
    assert_eq!(d.app.scores.cards, fresh_cards(&path));
}

#[test]
fn a_window_chosen_while_scoring_is_the_one_scored() {
    let (_dir, path, _, _) = file();
    let mut d = driver(&path);
    d.start();
    let loaded = Loaded::read(&path, d.basis()).unwrap();
    // Keys keep working while scoring: to the scorecards, the next window.
    for c in ['2', 'w'] {
        d.handle(Event::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char(c),
        )));
    }
    let window = d.app.scores.window_days;
    assert_ne!(window, loaded.basis.rules.window_days);
    d.take_load(Ok(loaded));
    let mut fresh = driver(&path);
    fresh.app.scores.window_days = window;
    fresh.refresh();
    assert_eq!(d.app.scores.cards, fresh.app.scores.cards);
}

#[test]
fn a_load_that_fails_says_so_and_stops_scoring() {
    let (_dir, path, _, _) = file();
    let mut d = driver(&path);
    d.start();
    d.take_load(Err("disk on fire".into()));
    assert!(!d.app.scoring);
    let status = d.app.status.as_ref().map(|s| s.text.clone());
    assert_eq!(
        status.as_deref(),
        Some("cannot read the evidence: disk on fire")
    );
}

// ---- the fire/keep walk ------------------------------------------------------------------

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::decide::Outcome;
use crate::domain::decide::walk::{Q, Step};
use crate::domain::score::flags::Dealbreaker;
use crate::tui::app::Overlay;
use crate::tui::app::walk::Prompt;

fn press(d: &mut Driver, code: KeyCode) {
    d.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn status(d: &Driver) -> String {
    d.app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// A driver with the scores in, the walk open on `id`.
fn walking(path: &std::path::Path, id: ClientId) -> Driver {
    let mut d = driver(path);
    d.start();
    d.wait_for_scores();
    d.open_walk(id);
    assert_eq!(d.app.overlay, Overlay::Walk, "{}", status(&d));
    d
}

/// From the first step to the last, with D1 answered yes (ending it).
fn to_the_end(d: &mut Driver) {
    press(d, KeyCode::Char('y'));
    while !d.app.walk.as_ref().is_some_and(|v| v.last_step()) {
        press(d, KeyCode::Enter);
    }
}

#[test]
fn a_walk_saved_is_in_the_file_and_u_takes_it_back() {
    let (_dir, path, alfa, _) = file();
    let mut d = walking(&path, alfa);
    to_the_end(&mut d);
    assert_eq!(
        d.app.walk.as_ref().map(|v| v.walk.step()),
        Some(Step::Exit),
        "ending it has an exit plan"
    );
    press(&mut d, KeyCode::Enter);
    let saved = d.store.decisions(Some(alfa)).unwrap();
    assert_eq!(saved.len(), 1, "{}", status(&d));
    // Alfa is half the revenue: C1 keeps it to the contract's end.
    assert_eq!(saved[0].chosen, Outcome::DoNotRenew);
    assert!(d.app.walk.is_none() && d.app.overlay == Overlay::None);
    assert!(
        status(&d).starts_with("Decided for 'Alfa': do not renew")
            && status(&d).ends_with("(u undoes it)"),
        "{}",
        status(&d)
    );
    // The walk's own write is not taken for another window's.
    assert!(!d.tick());
    press(&mut d, KeyCode::Char('u'));
    assert!(d.store.decisions(Some(alfa)).unwrap().is_empty());
    assert_eq!(status(&d), "Undone: the decision for 'Alfa'");
}

#[test]
fn a_save_over_a_client_another_window_changed_is_refused_and_ctrl_r_reads_it_again() {
    let (_dir, path, alfa, _) = file();
    let mut d = walking(&path, alfa);
    to_the_end(&mut d);
    // Another window logs a ticket for Alfa meanwhile.
    let mut other = Store::open(&path).unwrap();
    other.log(alfa, &ticket("2026-06-29")).unwrap();
    assert!(d.tick());
    let v = d.app.walk.as_ref().expect("the walk is not lost");
    assert!(v.stale, "the walk says the client changed");
    assert_eq!(v.walk.answer(Q::Dealbreaker(Dealbreaker::D1)), Some(true));
    press(&mut d, KeyCode::Enter);
    assert!(d.store.decisions(Some(alfa)).unwrap().is_empty(), "refused");
    assert!(
        status(&d).contains("changed in another window") && status(&d).contains("Ctrl-R"),
        "{}",
        status(&d)
    );
    assert_eq!(d.app.overlay, Overlay::Walk, "the walk stays open");
    // Even unseen by a tick, a change is caught at the save.
    d.app.walk.as_mut().unwrap().stale = false;
    other.log(alfa, &ticket("2026-06-30")).unwrap();
    press(&mut d, KeyCode::Enter);
    assert!(d.store.decisions(Some(alfa)).unwrap().is_empty());
    d.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    let v = d.app.walk.as_ref().unwrap();
    assert!(!v.stale);
    assert_eq!(v.walk.step(), Step::Exit, "the step it was on");
    assert_eq!(v.walk.answer(Q::Dealbreaker(Dealbreaker::D1)), Some(true));
    press(&mut d, KeyCode::Enter);
    assert_eq!(
        d.store.decisions(Some(alfa)).unwrap().len(),
        1,
        "{}",
        status(&d)
    );
}

#[test]
fn a_draft_is_kept_on_leaving_and_picked_up_on_opening() {
    let (_dir, path, alfa, _) = file();
    let mut d = walking(&path, alfa);
    press(&mut d, KeyCode::Enter);
    press(&mut d, KeyCode::Char('j'));
    press(&mut d, KeyCode::Char('y')); // R2: old equipment
    press(&mut d, KeyCode::Esc);
    assert!(matches!(
        d.app.walk.as_ref().and_then(|v| v.prompt.clone()),
        Some(Prompt::KeepDraft)
    ));
    press(&mut d, KeyCode::Char('y'));
    assert!(d.app.walk.is_none(), "{}", status(&d));
    let draft = d.store.draft(alfa).unwrap().expect("a draft in the file");
    assert_eq!(draft.given.get(&Q::OldEquipment), Some(&true));
    assert!(status(&d).contains("Kept a draft"), "{}", status(&d));
    // Opened again: the draft is offered, and picked up.
    press(&mut d, KeyCode::Char('f'));
    assert!(matches!(
        d.app.walk.as_ref().and_then(|v| v.prompt.clone()),
        Some(Prompt::ContinueDraft(_))
    ));
    press(&mut d, KeyCode::Char('c'));
    let v = d.app.walk.as_ref().unwrap();
    assert_eq!(v.walk.answer(Q::OldEquipment), Some(true));
    // Saving the decision drops the draft.
    to_the_end(&mut d);
    press(&mut d, KeyCode::Enter);
    assert_eq!(
        d.store.decisions(Some(alfa)).unwrap().len(),
        1,
        "{}",
        status(&d)
    );
    assert_eq!(d.store.draft(alfa).unwrap(), None);
}

#[test]
fn a_prospect_taken_on_becomes_a_client_and_u_makes_it_a_prospect_again() {
    let (_dir, path, _, _) = file();
    let mut store = Store::open(&path).unwrap();
    let vet = store
        .add_client(
            &ClientDraft {
                name: "Dierenkliniek Oost".into(),
                status: "prospect".into(),
                ..ClientDraft::new_client()
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    let mut d = walking(&path, vet);
    while !d.app.walk.as_ref().is_some_and(|v| v.last_step()) {
        press(&mut d, KeyCode::Enter);
    }
    press(&mut d, KeyCode::Enter);
    assert_eq!(
        d.store.client(vet).unwrap().fields.status,
        ClientStatus::Active,
        "{}",
        status(&d)
    );
    assert_eq!(
        d.app.clients.row(vet).map(|r| r.client.fields.status),
        Some(ClientStatus::Active),
        "the row is read again"
    );
    press(&mut d, KeyCode::Char('u'));
    assert_eq!(
        d.store.client(vet).unwrap().fields.status,
        ClientStatus::Prospect
    );
    assert!(d.store.decisions(Some(vet)).unwrap().is_empty());
}

/// A "keep and watch" decision about `id` as the walk makes it today, its review on `on`.
fn watch(store: &Store, id: ClientId, on: &str) -> crate::domain::decide::decision::Decision {
    use crate::domain::decide::Outcome;
    use crate::domain::decide::case::{DecisionRules, Portfolio};
    use crate::domain::decide::decision::Decision;
    use crate::domain::decide::walk::Walk;
    let client = store.client(id).unwrap();
    let facts = store.portfolio_facts().unwrap();
    let records = store.records(id).unwrap();
    let (scoring, pareto, rules) = (
        crate::domain::score::Rules::default(),
        crate::domain::pareto::ParetoRules::default(),
        DecisionRules::default(),
    );
    let portfolio = Portfolio {
        facts: &facts,
        scoring: &scoring,
        pareto: &pareto,
        decisions: &rules,
    };
    let mut w = Walk::new(portfolio.case(&client, &records, today()), None);
    if w.proposal().outcome != Outcome::Watch {
        w.choose(Some(Outcome::Watch));
        w.answers.override_reason = "look again soon".into();
    }
    w.answers.review_on = Some(crate::domain::date::parse_date("review", on).unwrap());
    let settled = w.finish().unwrap();
    Decision::from_walk(&w.case, &w.answers, settled, today())
}

#[test]
fn the_decisions_are_read_right_after_the_scores() {
    let (_dir, path, alfa, _) = file();
    let mut other = Store::open(&path).unwrap();
    other
        .save_decision(&watch(&other, alfa, "2026-09-30"))
        .unwrap();
    let mut d = driver(&path);
    d.start();
    assert!(!d.app.decisions.loaded, "not before the first frame");
    // A decision made while the scores load is read with the others when they arrive.
    let stale = Loaded::read(&path, d.basis()).unwrap();
    other
        .save_decision(&watch(&other, alfa, "2026-07-02"))
        .unwrap();
    d.take_load(Ok(stale));
    let log = &d.app.decisions.log;
    assert!(d.app.decisions.loaded);
    assert_eq!(log.len(), 2);
    assert_eq!(
        log[0].review_on.map(crate::domain::date::iso).as_deref(),
        Some("2026-07-02")
    );
    assert_eq!(
        d.app.decisions.due_this_week, 1,
        "the newest decision's review"
    );
}

#[test]
fn a_decision_made_in_another_window_shows_on_the_next_tick() {
    let (_dir, path, alfa, bravo) = file();
    let mut d = driver(&path);
    d.start();
    assert!(d.wait_for_scores());
    assert!(d.app.decisions.loaded && d.app.decisions.log.is_empty());
    assert!(d.app.decisions.coming.is_empty());
    assert!(!d.tick(), "nothing changed yet");
    // Another window (`rapport decide Alfa --outcome watch --review-on …`).
    let mut other = Store::open(&path).unwrap();
    other
        .save_decision(&watch(&other, alfa, "2026-07-03"))
        .unwrap();
    assert!(d.tick(), "it shows without a key");
    let a = &d.app.decisions;
    assert_eq!(a.log.iter().map(|x| x.client).collect::<Vec<_>>(), [alfa]);
    let coming: Vec<_> = a.coming.iter().map(|u| (u.client, u.due.label())).collect();
    assert_eq!(coming, [(alfa, "review due")]);
    assert_eq!(a.due_this_week, 1);
    assert!(!d.tick(), "read once");
    // A contract end another window sets shows in what is coming up too.
    let mut fields = other.client(bravo).unwrap().fields;
    let before = fields.clone();
    fields.contract_end = Some(crate::domain::date::parse_date("end", "2026-07-31").unwrap());
    fields.notice_days = Some(30);
    other.save_edit(bravo, &before, &fields).unwrap();
    assert!(d.tick());
    let coming: Vec<_> = d
        .app
        .decisions
        .coming
        .iter()
        .map(|u| (u.client, u.due.label()))
        .collect();
    assert_eq!(
        coming,
        [
            (bravo, "last day to give notice"),
            (alfa, "review due"),
            (bravo, "contract ends")
        ]
    );
    assert_eq!(d.app.decisions.due_this_week, 2);
}
