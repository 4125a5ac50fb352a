//! The forms and their validation messages in Dutch: the add-client form and a quick-log
//! form drawn at 80x24 (on a blank screen, so only the form's own words are in the
//! snapshot), their inline errors, and the CLI's one-line error.

mod common;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rapport::domain::record::{EventRecord, StoredEvent};
use rapport::domain::{
    Cents, ClientDraft, ClientId, IncidentKind, Invoice, RecStatus, Recommendation, Ticket,
    TicketKind,
};
use rapport::tui::app::gut_check::StaffList;
use rapport::tui::forms::{
    LogChoices, LogKind, client_draft, client_form, event_form, log_entry, log_form, void_form,
    vote_form,
};
use rapport::tui::theme::Theme;
use rapport::tui::widgets::form::{FieldKind, Form};
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
                "'1h90' heeft 90 minuten na de uren: hoogstens 59 (schrijf voor 150 minuten 2u30 of 150)"
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

/// A client with a ticket, an unpaid invoice and an open recommendation: every quick-log
/// form opens.
fn full_choices() -> LogChoices {
    let c = ClientId(1);
    let ticket = Ticket {
        id: 4,
        client_id: c,
        opened_on: today(),
        closed_on: None,
        kind: TicketKind::Request,
        escalated: false,
        reopen_count: 2,
        external_ref: None,
        subject: Some("Printer".into()),
    };
    let invoice = Invoice {
        id: 7,
        client_id: c,
        number: "INV-0007".into(),
        issued_on: today(),
        due_on: today(),
        paid_on: None,
        amount: Cents(150_000),
        disputed: false,
        external_ref: None,
    };
    let rec = Recommendation {
        id: 2,
        client_id: c,
        made_on: today(),
        title: "MFA".into(),
        security: true,
        status: RecStatus::Open,
        decided_on: None,
    };
    LogChoices {
        tickets: vec![ticket],
        unpaid: vec![invoice],
        open_recommendations: vec![rec],
        ..choices()
    }
}

/// Every form, as the language in force writes it.
fn every_form() -> Vec<Form> {
    let c = full_choices();
    let mut forms = vec![client_form("-", &ClientDraft::new_client())];
    for (_, kind, _) in LogKind::MENU {
        forms.push(log_form(*kind, "Acme", today(), &c).unwrap());
    }
    let events = [
        EventRecord::Ticket(c.tickets[0].clone()),
        EventRecord::Invoice(c.unpaid[0].clone()),
        EventRecord::Recommendation(c.open_recommendations[0].clone()),
        EventRecord::Incident(rapport::domain::record::Incident {
            id: 1,
            client_id: ClientId(1),
            occurred_on: today(),
            kind: IncidentKind::UnreasonableDemand,
            note: None,
        }),
        EventRecord::Time(rapport::domain::record::TimeEntry {
            id: 3,
            client_id: ClientId(1),
            worked_on: today(),
            minutes: 90,
            note: None,
        }),
    ];
    for record in events {
        let seen = StoredEvent {
            record,
            voided: None,
        };
        forms.push(event_form(&seen));
        forms.push(void_form(&seen));
    }
    let list = StaffList {
        staff: "Sam".into(),
        clients: Vec::new(),
    };
    forms.push(vote_form(2026, Some(&list), &[]));
    forms.push(vote_form(2026, None, &[]));
    forms
}

/// Each form's words: its title, labels, hints, choices' labels, keys and note.
fn words_of(form: &Form) -> Vec<String> {
    let mut out = vec![
        form.title.clone(),
        form.enter.to_string(),
        form.esc.to_string(),
    ];
    out.extend(form.message.clone());
    for f in &form.fields {
        out.push(f.label.to_string());
        out.push(f.hint.to_string());
        if let FieldKind::Choice(options) = &f.kind {
            out.extend(options.iter().map(|(_, label)| label.clone()));
        }
    }
    out
}

#[test]
fn no_form_keeps_an_english_word_in_dutch() {
    let en = with_language(Lang::En, every_form);
    let nl = with_language(Lang::Nl, every_form);
    // The same in both: brands, codes, names and what is typed as it is.
    let same = [
        "",
        "-",
        "MRR",
        "Segment",
        "Status",
        "Ticket",
        "open",
        "prospect",
        "incident",
        "90, 1.5h, 1h30",
        "—",
        "Sam",
        "MFA (2026-06-30)",
    ];
    let mut untranslated = Vec::new();
    let mut compared = 0;
    for (e, n) in en.iter().zip(&nl) {
        for (english, dutch) in words_of(e).into_iter().zip(words_of(n)) {
            compared += 1;
            if english == dutch && !same.contains(&english.as_str()) {
                untranslated.push(english);
            }
        }
        // Every Dutch label fits the 16 columns the English ones have.
        for f in &n.fields {
            assert!(f.label.chars().count() <= 16, "{}", f.label);
        }
    }
    assert!(compared > 200, "only {compared} words compared");
    assert!(untranslated.is_empty(), "still English: {untranslated:?}");
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
