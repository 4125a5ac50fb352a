//! The forms and their validation messages in Dutch: the add-client form and a quick-log
//! form drawn at 80x24 (on a blank screen, so only the form's own words are in the
//! snapshot), their inline errors, and the CLI's one-line error.

mod common;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rapport::domain::{Cents, ClientDraft};
use rapport::tui::forms::{LogChoices, LogKind, client_draft, client_form, log_entry, log_form};
use rapport::tui::theme::Theme;
use rapport::tui::widgets::form::Form;
use rapport::words::{Lang, with_language};

use common::Sandbox;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn draw(form: &Form) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| form.render(f, f.area(), &Theme::mono()))
        .unwrap();
    term.backend().to_string()
}

fn choices() -> LogChoices {
    LogChoices {
        tickets: Vec::new(),
        unpaid: Vec::new(),
        open_recommendations: Vec::new(),
        mrr: Cents(150_000),
        terms_days: 30,
        currency: "€".into(),
        today: today(),
    }
}

#[test]
fn the_add_client_form_in_dutch_80x24() {
    with_language(Lang::Nl, || {
        let form = client_form("Klant toevoegen", &ClientDraft::new_client());
        let screen = draw(&form);
        for words in ["Naam", "Werkplekken", "Einde contract", "verplicht, uniek"] {
            assert!(screen.contains(words), "{words}:\n{screen}");
        }
        assert!(screen.contains("Enter opslaan  Esc annuleren"), "{screen}");
        insta::assert_snapshot!(screen);
    });
}

#[test]
fn the_add_client_form_shows_dutch_errors_beside_their_fields_80x24() {
    with_language(Lang::Nl, || {
        let mut form = client_form("Klant toevoegen", &ClientDraft::new_client());
        form.set_value("MRR", "abc");
        form.set_value("contract end", "2026-02-30");
        let err = client_draft(&form).validate().unwrap_err();
        form.show_errors(&err);
        let screen = draw(&form);
        assert!(screen.contains("✗ is leeg, maar verplicht"), "{screen}");
        assert!(
            screen.contains("Naam: is leeg, maar verplicht"),
            "the focused field's error is spelled out below:\n{screen}"
        );
        // Beside the other fields, as much of their errors as fits.
        assert!(screen.contains("✗ 'abc' is geen getal"), "{screen}");
        assert!(screen.contains("✗ '2026-02-30' bestaat"), "{screen}");
        // The labels fit in the same 16 columns as the English ones.
        assert!(screen.contains("│ Termijn (dagen)  30 "), "{screen}");
        insta::assert_snapshot!(screen);
    });
}

#[test]
fn a_quick_log_form_in_dutch_80x24() {
    with_language(Lang::Nl, || {
        let mut form = log_form(LogKind::Time, "Acme", today(), &choices()).unwrap();
        form.set_value("time", "1h90");
        let err = log_entry(LogKind::Time, &form, &choices()).unwrap_err();
        assert_eq!(
            err.for_field("time"),
            Some(
                "'1h90' heeft 90 minuten na de uren: hoogstens 59 (schrijf voor 150 minuten 2h30 of 150)"
            )
        );
        form.show_errors(&err);
        let screen = draw(&form);
        assert!(
            screen.contains("Gewerkte uren vastleggen: Acme"),
            "{screen}"
        );
        insta::assert_snapshot!(screen);
    });
}

#[test]
fn the_forms_read_the_same_in_english_as_before() {
    let form = with_language(Lang::En, || {
        log_form(LogKind::Ticket, "Acme", today(), &choices()).unwrap()
    });
    assert_eq!(form.title, "Log ticket: Acme");
    let labels: Vec<&str> = form.fields.iter().map(|f| f.label).collect();
    assert_eq!(
        labels,
        [
            "Kind",
            "Subject",
            "Opened",
            "Closed",
            "Escalated",
            "PSA reference"
        ]
    );
    assert_eq!((form.enter, form.esc), ("save", "cancel"));
}

#[test]
fn the_cli_says_an_empty_name_in_dutch_on_one_line_with_exit_code_2() {
    let sb = Sandbox::new();
    let r = sb.run(&["--lang", "nl", "client", "add", "--name", ""]);
    let msg = r.fails(2);
    assert!(msg.contains("naam: is leeg, maar verplicht"), "{msg}");
    assert!(!msg.contains("is empty"), "{msg}");
    let r = sb.run(&["client", "add", "--name", ""]);
    assert!(r.fails(2).contains("name is empty: it is required"));
    assert!(!sb.db.exists() || common::count(&sb.db, "clients") == 0);
}
