//! The Decisions screen (5): the log and Coming up at 80x24 and 120x40, a saved decision
//! read-only, the screen with no decision yet, and the decisions on a client's detail pane.
//! The decisions are walked through the domain and kept through the store, as the app and
//! `rapport decide` keep them.

use super::*;
use rapport::domain::decide::Outcome;
use rapport::domain::decide::case::{DecisionRules, Portfolio};
use rapport::domain::decide::decision::Decision;
use rapport::domain::decide::walk::{Q, Walk};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// What a walk is told besides the data: answers, another outcome than the proposal (with
/// why), a review date, notes.
#[derive(Default)]
struct Told<'a> {
    answers: &'a [(Q, bool)],
    chosen: Option<(Outcome, &'a str)>,
    review_on: Option<&'a str>,
    notes: &'a str,
}

/// Walks the fire/keep questions for `name` as of `on` and keeps the decision.
fn decide(store: &mut Store, name: &str, on: &str, told: Told) -> Decision {
    let client = store.client_by_name(name).unwrap();
    let facts = store.portfolio_facts().unwrap();
    let records = store.records(client.id).unwrap();
    let scoring = rapport::domain::score::Rules {
        hourly_cost_cents: 6_500,
        ..Default::default()
    };
    let pareto = Default::default();
    let rules = DecisionRules::default();
    let portfolio = Portfolio {
        facts: &facts,
        scoring: &scoring,
        pareto: &pareto,
        decisions: &rules,
    };
    let case = portfolio.case(&client, &records, day(on));
    let mut walk = Walk::new(case, None);
    for (q, a) in told.answers {
        walk.set(*q, Some(*a));
    }
    if let Some((outcome, why)) = told.chosen {
        assert_ne!(
            walk.proposal().outcome,
            outcome,
            "{name}: an override, not the proposal"
        );
        walk.choose(Some(outcome));
        walk.answers.override_reason = why.into();
    }
    walk.answers.review_on = told.review_on.map(day);
    walk.answers.notes = told.notes.into();
    let settled = walk.finish().unwrap();
    let mut d = Decision::from_walk(&walk.case, &walk.answers, settled, day(on));
    d.id = store.save_decision(&d).unwrap();
    d
}

/// The screens' fixture with a decision history: Acme kept in the spring, the dental
/// prospect declined, Tokyo not renewed, and Café De Hoek kept and watched over the walk's
/// proposal, its review due on 2026-07-03. Acme's last day to give notice (2026-07-06) and
/// the review are due this week.
pub(crate) fn decided() -> (TempDir, Store) {
    let (dir, mut s) = fixture();
    decide(
        &mut s,
        "Acme Logistics BV",
        "2026-03-31",
        Told {
            notes: "QBR went well; they asked about a second site.",
            ..Told::default()
        },
    );
    decide(
        &mut s,
        "Zeeland Dental 🦷",
        "2026-06-10",
        Told {
            answers: &[(Q::Haggles, true), (Q::WantsControl, true)],
            notes: "Left two MSPs in three years.",
            ..Told::default()
        },
    );
    decide(
        &mut s,
        "東京商事株式会社 Europe Holding and Partners",
        "2026-06-25",
        Told {
            chosen: Some((Outcome::DoNotRenew, "we stop serving holding companies")),
            ..Told::default()
        },
    );
    decide(
        &mut s,
        "Café De Hoek",
        "2026-06-29",
        Told {
            answers: &[(Q::HoldingBack, false), (Q::AsksQuestions, true)],
            chosen: Some((Outcome::Watch, "new owner since May: one more quarter")),
            review_on: Some("2026-07-03"),
            notes: "Talked to the new owner on the phone.\nShe apologised for Saturday.",
        },
    );
    (dir, s)
}

fn on_decisions(w: u16, h: u16) -> Ui {
    let (dir, store) = decided();
    let mut ui = Ui::with(dir, store, w, h, ThemeName::Dark);
    ui.keys("5");
    ui
}

#[test]
fn decisions_screen_80x24() {
    let mut ui = on_decisions(80, 24);
    let s = ui.screen();
    assert!(s.contains("2 due"), "Acme's notice and Café's review:\n{s}");
    assert!(
        s.contains("chosen over"),
        "an override says what was proposed:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn decisions_screen_120x40() {
    let mut ui = on_decisions(120, 40);
    let s = ui.screen();
    assert!(s.contains("2 due this week"), "{s}");
    for what in [
        "last day to give notice",
        "review due",
        "contract ends",
        "exit in progress",
    ] {
        assert!(s.contains(what), "{what}:\n{s}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn a_saved_decision_opens_read_only_and_scrolls() {
    let mut ui = on_decisions(80, 24);
    // Café De Hoek: up from Acme (selected, the oldest decision) to the newest.
    ui.key(KeyCode::Home).key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("Decision · Café De Hoek · 2026-06-29"), "{s}");
    assert!(
        s.contains("KEEP AND WATCH, over the walk's proposal"),
        "{s}"
    );
    insta::assert_snapshot!("decision_80x24_top", s);
    ui.key(KeyCode::End);
    let s = ui.screen();
    assert!(
        s.contains("She apologised for Saturday."),
        "the notes, last:\n{s}"
    );
    insta::assert_snapshot!("decision_80x24_end", s);
    ui.key(KeyCode::Esc);
    assert!(!ui.screen().contains("Decision · Café"), "Esc closes it");
    assert_eq!(ui.driver.app.screen, Screen::Decisions);
}

#[test]
fn a_saved_decision_120x40_shows_every_step_and_where_each_answer_came_from() {
    let mut ui = on_decisions(120, 40);
    ui.key(KeyCode::Home).key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("(from the data)"), "{s}");
    insta::assert_snapshot!(s);
    ui.key(KeyCode::PageDown);
    let s = ui.screen();
    assert!(s.contains("3 Reconsider (C1-C2)"), "{s}");
    assert!(
        s.contains("→ challenging: they don't understand the service"),
        "the C2 answer in the guide's words:\n{s}"
    );
}

#[test]
fn a_prospect_declined_shows_its_red_flags() {
    let mut ui = on_decisions(120, 40);
    // Zeeland Dental: the second newest decision.
    ui.key(KeyCode::Home).key(KeyCode::Down).key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("Decision · Zeeland Dental"), "{s}");
    assert!(s.contains("DECLINE, as the walk proposed"), "{s}");
    assert!(s.contains("2 red flags in the sales talks"), "{s}");
    assert!(s.contains("Red flags in the sales talks (P1)"), "{s}");
    assert!(
        !s.contains("Dealbreakers (D1-D5)"),
        "a prospect's walk: {s}"
    );
}

#[test]
fn with_no_decision_the_screen_says_how_to_make_one() {
    let (dir, store) = fixture();
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    ui.keys("5");
    let s = ui.screen();
    assert!(
        s.contains("No decisions yet: press f on a client to walk the fire/keep"),
        "{s}"
    );
    assert!(
        s.contains("1 due"),
        "Acme's notice is due with no decision made:\n{s}"
    );
    insta::assert_snapshot!(s);
    // With no contract ending either, Coming up says it has nothing.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("r.db")).unwrap();
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    ui.keys("5");
    let s = ui.screen();
    assert!(s.contains("Nothing in the next 120 days"), "{s}");
    let header = s.lines().next().unwrap_or_default();
    assert!(!header.contains("due"), "nothing due: {header}");
}

#[test]
fn the_detail_pane_lists_the_clients_decisions() {
    let (dir, mut store) = decided();
    decide(
        &mut store,
        "Café De Hoek",
        "2026-05-15",
        Told {
            chosen: Some((Outcome::Reprice, "before the new owner took over")),
            ..Told::default()
        },
    );
    let mut ui = Ui::with(dir, store, 120, 40, ThemeName::Dark);
    ui.keys("j"); // Café De Hoek
    let s = ui.screen();
    let newest = s.find("2026-06-29 keep and watch").expect(&s);
    let older = s.find("2026-05-15 reprice").expect(&s);
    assert!(newest < older, "latest first:\n{s}");
    assert!(
        s.find("Latest events").is_some_and(|e| e > older),
        "above the events:\n{s}"
    );
    insta::assert_snapshot!(s);
    // The card shows the latest in one line.
    ui.keys("2");
    let s = ui.screen();
    assert!(s.contains("Decided keep and watch on 2026-06-29"), "{s}");
}

#[test]
fn at_80_columns_the_header_keeps_what_is_due_and_gives_way_in_order() {
    let (dir, store) = decided();
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    let header = |ui: &mut Ui| ui.screen().lines().next().unwrap_or_default().to_string();
    let h = header(&mut ui);
    assert!(
        h.contains("5 Decisions") && h.contains("2 due") && h.contains("2026-06-30"),
        "{h}"
    );
    // Scores looked at a month back: the tag, the count, no room for the date.
    ui.keys("2[");
    let h = header(&mut ui);
    assert!(h.contains("as of 2026-05-31") && h.contains("2 due"), "{h}");
    // And a damaged file: the other tabs show their digits, nothing that warns is lost.
    ui.driver.app.set_damaged(rapport::tui::app::Damage {
        problem: "a test".into(),
        backup: None,
    });
    let h = header(&mut ui);
    for part in ["2 Scorecards", "READ-ONLY", "as of 2026-05-31", "2 due"] {
        assert!(h.contains(part), "{part}: {h}");
    }
    assert!(!h.contains("1 Clients"), "{h}");
    insta::assert_snapshot!(h);
}
