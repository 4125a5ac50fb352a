//! Screen tests: the real driver on a temporary database, keys fed in, the whole screen
//! rendered on ratatui's TestBackend and compared with insta snapshots (80x24 and 120x40).

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use rapport::config::Theme as ThemeName;
use rapport::domain::evidence::{
    IncidentDraft, InvoiceDraft, RecommendationDraft, TicketDraft, TimeDraft,
};
use rapport::domain::{ClientDraft, LogEntry};
use rapport::store::Store;
use rapport::tui::Driver;
use rapport::tui::app::{App, Settings};
use rapport::tui::screens::{self, Look};
use rapport::tui::theme::Theme;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn client(
    store: &mut Store,
    name: &str,
    f: impl FnOnce(&mut ClientDraft),
) -> rapport::domain::ClientId {
    let mut d = ClientDraft {
        name: name.into(),
        ..ClientDraft::new_client()
    };
    f(&mut d);
    store.add_client(&d.validate().unwrap()).unwrap()
}

fn ticket(store: &mut Store, c: rapport::domain::ClientId, opened: &str, escalated: bool) {
    let t = TicketDraft {
        opened: opened.into(),
        escalated,
        ..Default::default()
    };
    store
        .log(c, &LogEntry::Ticket(t.validate().unwrap()))
        .unwrap();
}

/// A small portfolio with the names that break naive layouts.
fn fixture() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("r.db")).unwrap();
    let acme = client(&mut s, "Acme Logistics BV", |d| {
        d.mrr = "12,400".into();
        d.seats = "85".into();
        d.contract_start = "2024-01-01".into();
        d.contract_end = "2026-07-20".into();
        d.notice_days = "14".into();
        d.contact_name = "Jan de Vries".into();
        d.email = "jan@acme.example".into();
        d.segment = "logistics".into();
        d.prepaid = true;
    });
    let cafe = client(&mut s, "Café De Hoek", |d| {
        d.mrr = "350".into();
        d.seats = "4".into();
        d.segment = "horeca".into();
    });
    let tokyo = client(
        &mut s,
        "東京商事株式会社 Europe Holding and Partners",
        |d| {
            d.mrr = "2,100".into();
            d.seats = "18".into();
            d.contract_end = "2027-03-31".into();
        },
    );
    client(&mut s, "Zeeland Dental 🦷", |d| {
        d.mrr = "1,800".into();
        d.seats = "12".into();
        d.status = "prospect".into();
    });
    client(&mut s, "Old Friends Accountancy", |d| {
        d.mrr = "900".into();
        d.seats = "7".into();
        d.status = "former".into();
    });
    for (i, day) in ["2026-06-02", "2026-06-10", "2026-06-21", "2026-06-29"]
        .iter()
        .enumerate()
    {
        ticket(&mut s, cafe, day, i == 3);
    }
    ticket(&mut s, acme, "2026-05-15", false);
    ticket(&mut s, tokyo, "2026-01-15", false);
    let inv = InvoiceDraft {
        number: "2026-0042".into(),
        amount: "12,400".into(),
        issued: "2026-06-01".into(),
        paid: "2026-06-12".into(),
        ..Default::default()
    };
    s.log(acme, &LogEntry::Invoice(inv.validate(30).unwrap()))
        .unwrap();
    let late = InvoiceDraft {
        number: "2026-0031".into(),
        amount: "350".into(),
        issued: "2026-04-01".into(),
        paid: "2026-06-20".into(),
        ..Default::default()
    };
    s.log(cafe, &LogEntry::Invoice(late.validate(14).unwrap()))
        .unwrap();
    let time = TimeDraft {
        date: "2026-06-25".into(),
        duration: "2h30".into(),
        note: "printer again".into(),
    };
    s.log(cafe, &LogEntry::Time(time.validate().unwrap()))
        .unwrap();
    let rec = RecommendationDraft {
        made: "2026-03-01".into(),
        title: "Enable MFA on mail".into(),
        security: true,
        status: "ignored".into(),
        decided: "2026-04-01".into(),
        reference: String::new(),
    };
    s.log(cafe, &LogEntry::Recommendation(rec.validate().unwrap()))
        .unwrap();
    let inc = IncidentDraft {
        date: "2026-06-28".into(),
        kind: "abuse".into(),
        note: "shouted at the help desk on a Saturday".into(),
    };
    s.log(cafe, &LogEntry::Incident(inc.validate().unwrap()))
        .unwrap();
    (dir, s)
}

struct Ui {
    _dir: TempDir,
    driver: Driver,
    term: Terminal<TestBackend>,
    look: Look,
}

impl Ui {
    fn new(w: u16, h: u16) -> Self {
        let (dir, store) = fixture();
        Self::with(dir, store, w, h, ThemeName::Dark)
    }

    /// As the TUI starts: the list read, the scores loading in the background.
    fn starting(w: u16, h: u16) -> Self {
        let (dir, store) = fixture();
        Self::build(dir, store, w, h, ThemeName::Dark, Driver::start)
    }

    fn with(dir: TempDir, store: Store, w: u16, h: u16, theme: ThemeName) -> Self {
        Self::build(dir, store, w, h, theme, Driver::refresh)
    }

    fn build(
        dir: TempDir,
        store: Store,
        w: u16,
        h: u16,
        theme: ThemeName,
        read: fn(&mut Driver),
    ) -> Self {
        let rules = rapport::domain::score::Rules {
            hourly_cost_cents: 6_500,
            ..Default::default()
        };
        let settings = Settings {
            rules,
            pareto: Default::default(),
            staff: vec!["Noor".into(), "Sam".into()],
        };
        let app = App::new(today(), settings);
        let mut driver = Driver::new(store, app, "€");
        driver.app.resize(w, h);
        read(&mut driver);
        Self {
            _dir: dir,
            driver,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
            look: Look {
                theme: Theme::new(theme, false),
                currency: "€".into(),
                date_format: "%Y-%m-%d".into(),
            },
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Self {
        self.driver
            .handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self
    }

    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// The whole screen drawn afresh. (A reused TestBackend only receives the cells that
    /// changed, and keeps cells a wide character once covered; a real terminal clears them.)
    fn screen(&mut self) -> String {
        let look = self.look.clone();
        let app = &self.driver.app;
        let area = self.term.backend().buffer().area;
        self.term = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        self.term.draw(|f| screens::draw(f, app, &look)).unwrap();
        self.term.backend().to_string()
    }

    fn row_of(&mut self, name: &str) -> String {
        self.screen()
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_string()
    }
}

#[test]
fn clients_screen_80x24() {
    insta::assert_snapshot!(Ui::new(80, 24).screen());
}

#[test]
fn clients_screen_120x40() {
    insta::assert_snapshot!(Ui::new(120, 40).screen());
}

#[test]
fn clients_screen_160x48_puts_the_detail_beside_the_table() {
    insta::assert_snapshot!(Ui::new(160, 48).screen());
}

#[test]
fn the_detail_pane_shows_the_selected_clients_timeline() {
    let mut ui = Ui::new(120, 40);
    ui.keys("j");
    let s = ui.screen();
    assert!(s.contains("abuse: shouted at the help desk"), "{s}");
    assert!(s.contains("2026-0031 €350.00, 66 days late"), "{s}");
    assert!(s.contains("ignored: Enable MFA on mail"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn a_client_form_with_errors_shows_them_inline_and_saves_nothing() {
    let mut ui = Ui::new(80, 24);
    ui.keys("a").keys("Café De Hoek");
    ui.key(KeyCode::Tab).key(KeyCode::Tab).keys("nobody");
    ui.key(KeyCode::Tab).key(KeyCode::Tab).keys("12.345");
    ui.key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("not an email address"), "{s}");
    insta::assert_snapshot!(s);
    // The focus went to the first field in error (the email). Fix it and the amount: the
    // duplicate name is the store's to find.
    for _ in 0.."nobody".len() {
        ui.key(KeyCode::Backspace);
    }
    ui.keys("owner@hoek.example")
        .key(KeyCode::Down)
        .key(KeyCode::Down);
    ui.key(KeyCode::Backspace).key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("already used by client 'Café De Hoek'"), "{s}");
    ui.key(KeyCode::Esc);
    assert_eq!(
        ui.driver.store.client_count().unwrap(),
        5,
        "nothing was written"
    );
    assert!(ui.screen().contains("Cancelled: nothing was saved"));
}

#[test]
fn adding_a_client_selects_it_and_shows_it_at_once() {
    let mut ui = Ui::new(120, 40);
    ui.keys("a").keys("Bakkerij Vermeulen & Zonen");
    for _ in 0..4 {
        ui.key(KeyCode::Tab);
    }
    ui.keys("1,250.50").key(KeyCode::Enter);
    let row = ui.row_of("Bakkerij");
    assert!(row.contains('›'), "the new client is selected: {row}");
    assert!(row.contains("€1,251"), "{row}");
    assert!(ui.screen().contains("Added 'Bakkerij Vermeulen & Zonen'"));
    let c = ui
        .driver
        .store
        .client_by_name("bakkerij vermeulen & zonen")
        .unwrap();
    assert_eq!(c.fields.mrr.0, 125_050);
}

#[test]
fn quick_log_menu_80x24() {
    let mut ui = Ui::new(80, 24);
    ui.keys("l");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn quick_logging_a_ticket_changes_the_count_in_the_same_redraw_and_undo_takes_it_back() {
    let mut ui = Ui::new(120, 40);
    assert!(ui.row_of("Acme").contains("  1 "), "{}", ui.row_of("Acme"));
    ui.keys("lt").key(KeyCode::Enter);
    let row = ui.row_of("Acme");
    assert!(row.contains("  2 "), "{row}");
    assert!(
        ui.screen()
            .contains("Logged incident ticket for 'Acme Logistics BV'")
    );
    ui.keys("la").key(KeyCode::Enter);
    assert!(ui.row_of("Acme").contains("  3 "));
    ui.keys("u");
    assert!(ui.row_of("Acme").contains("  2 "));
    ui.keys("u");
    assert!(ui.row_of("Acme").contains("  1 "));
    ui.keys("u");
    assert!(ui.screen().contains("Nothing left to undo"));
}

#[test]
fn a_log_form_refuses_bad_dates_and_names_the_field() {
    let mut ui = Ui::new(80, 24);
    ui.keys("lw").keys("90").key(KeyCode::Tab);
    for _ in 0..10 {
        ui.key(KeyCode::Backspace);
    }
    ui.keys("2026-02-30").key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("not a real calendar date"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn paying_an_invoice_needs_an_unpaid_one() {
    let mut ui = Ui::new(80, 24);
    ui.keys("lp");
    assert!(ui.screen().contains("has no unpaid invoice"));
    ui.keys("li").key(KeyCode::Enter);
    ui.keys("lp");
    assert!(ui.screen().contains("Log payment: Acme Logistics BV"));
    ui.key(KeyCode::Enter);
    assert!(
        ui.screen().contains("Logged payment of INV-0002"),
        "{}",
        ui.screen()
    );
}

#[test]
fn archiving_asks_first_and_names_the_client() {
    let mut ui = Ui::new(80, 24);
    ui.keys("d");
    let s = ui.screen();
    assert!(s.contains("Archive Acme Logistics BV?"), "{s}");
    insta::assert_snapshot!(s);
    let status = |ui: &Ui| {
        let c = ui.driver.store.client_by_name("Acme Logistics BV").unwrap();
        c.fields.status.as_str().to_string()
    };
    ui.keys("n");
    assert_eq!(status(&ui), "active");
    assert!(ui.screen().contains("Kept 'Acme Logistics BV'"));
    ui.keys("d").key(KeyCode::Enter);
    assert_eq!(status(&ui), "former");
    assert!(ui.screen().contains("Status   former"), "{}", ui.screen());
}

#[test]
fn filter_as_you_type_and_sort_by_mrr() {
    let mut ui = Ui::new(120, 40);
    ui.keys("/caf");
    let s = ui.screen();
    assert!(s.contains("Clients 1/5"), "{s}");
    assert!(!s.contains("Acme"), "{s}");
    ui.key(KeyCode::Esc);
    assert!(ui.screen().contains("Clients 5/5"));
    ui.keys("sssss");
    assert!(ui.screen().contains("Sorted by MRR, descending"));
    let s = ui.screen();
    let acme = s.find("Acme").unwrap();
    let tokyo = s.find("東京").unwrap();
    let cafe = s.find("Café").unwrap();
    assert!(acme < tokyo && tokyo < cafe, "MRR high to low:\n{s}");
    ui.keys("S");
    let s = ui.screen();
    assert!(
        s.find("Café").unwrap() < s.find("Acme").unwrap(),
        "reversed:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn help_lists_every_key_of_the_screen() {
    let mut ui = Ui::new(80, 24);
    ui.keys("?");
    let s = ui.screen();
    for (keys, _) in rapport::tui::keymap::CLIENTS_KEYS {
        assert!(s.contains(keys), "help misses {keys}:\n{s}");
    }
    insta::assert_snapshot!(s);
    ui.keys("x");
    assert!(!ui.screen().contains("Keys: Clients"));
}

#[test]
fn below_80x24_a_clear_message_replaces_the_layout() {
    let mut ui = Ui::new(60, 20);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn an_empty_database_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("r.db")).unwrap();
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    assert!(
        ui.screen()
            .contains("No clients yet. Press a to add your first client.")
    );
    ui.keys("l");
    assert!(ui.screen().contains("No client selected"));
}

#[test]
fn without_colour_the_selection_is_reverse_video() {
    let (dir, store) = fixture();
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Mono);
    ui.screen();
    let buf = ui.term.backend().buffer().clone();
    let row = (0..24)
        .find(|&y| buf[(2, y)].symbol() == "A" && buf[(1, y)].symbol() == "›")
        .expect("selected row");
    let cell = &buf[(5, row)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    for y in 0..24 {
        for x in 0..80 {
            let c = &buf[(x, y)];
            assert_eq!(c.fg, ratatui::style::Color::Reset, "colour at {x},{y}");
            assert_eq!(c.bg, ratatui::style::Color::Reset, "colour at {x},{y}");
        }
    }
}

#[test]
fn the_mouse_selects_the_row_it_clicks_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut ui = Ui::new(80, 24);
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Row 4 of the screen is the second client: tabs, border, header, first client, second.
    ui.driver
        .handle(mouse(MouseEventKind::Down(MouseButton::Left), 10, 4));
    assert!(ui.row_of("Café").contains('›'), "{}", ui.screen());
    assert!(
        ui.screen().contains("┌ Café De Hoek"),
        "the detail follows the click"
    );
    ui.driver.handle(mouse(MouseEventKind::ScrollDown, 10, 10));
    assert!(ui.row_of("Old Friends").contains('›'));
    ui.driver.handle(mouse(MouseEventKind::ScrollUp, 10, 10));
    ui.driver.handle(mouse(MouseEventKind::ScrollUp, 10, 10));
    assert!(ui.row_of("Acme").contains('›'));
    // A click below the last client changes nothing.
    ui.driver
        .handle(mouse(MouseEventKind::Down(MouseButton::Left), 10, 12));
    assert!(ui.row_of("Acme").contains('›'));
}

#[test]
fn moving_the_mouse_asks_for_no_redraw() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut ui = Ui::new(80, 24);
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 4,
            modifiers: KeyModifiers::NONE,
        })
    };
    let before = ui.screen();
    assert!(!ui.driver.handle(mouse(MouseEventKind::Moved)));
    assert!(
        !ui.driver
            .handle(mouse(MouseEventKind::Drag(MouseButton::Left)))
    );
    assert_eq!(ui.screen(), before, "nothing moved on screen");
    // A click over the same cell does redraw: it selects the row.
    assert!(
        ui.driver
            .handle(mouse(MouseEventKind::Down(MouseButton::Left)))
    );
    assert_ne!(ui.screen(), before);
}

#[test]
fn the_first_frame_lists_the_clients_and_the_scores_follow() {
    let mut ui = Ui::starting(120, 40);
    let first = ui.screen();
    assert!(first.contains("scoring…"), "the header says so:\n{first}");
    let acme = ui.row_of("Acme Logistics");
    assert!(acme.contains("€12,400"), "the list is there: {acme}");
    assert!(acme.contains(" … "), "its score is coming: {acme}");
    // Keys work meanwhile: the scorecards say the scores are being computed.
    ui.keys("2");
    assert!(ui.screen().contains("Scoring the clients…"));
    ui.keys("1");
    assert!(ui.driver.wait_for_scores());
    let scored = ui.screen();
    assert!(!scored.contains("scoring…"), "{scored}");
    assert_eq!(
        scored,
        Ui::new(120, 40).screen(),
        "as if all was read first"
    );
}

#[test]
fn paging_moves_by_a_screenful_and_keeps_the_selection_visible() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.db")).unwrap();
    for i in 0..60 {
        client(&mut store, &format!("Client {i:02}"), |_| {});
    }
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    ui.key(KeyCode::PageDown);
    let s = ui.screen();
    let selected = s
        .lines()
        .find(|l| l.contains('›'))
        .unwrap_or_default()
        .to_string();
    assert!(selected.contains("Client 08"), "{s}");
    ui.key(KeyCode::End);
    assert!(ui.row_of("Client 59").contains('›'), "{}", ui.screen());
    ui.key(KeyCode::Home);
    assert!(ui.row_of("Client 00").contains('›'));
    assert!(!ui.screen().contains("Client 59"));
}

#[test]
fn pasted_text_lands_in_the_field_on_one_line_and_does_not_submit() {
    let mut ui = Ui::new(80, 24);
    ui.keys("a");
    ui.driver
        .handle(Event::Paste("Noord Holland\nIT Services\r\n".into()));
    assert_eq!(
        ui.driver.store.client_count().unwrap(),
        5,
        "nothing submitted"
    );
    assert!(
        ui.screen().contains("Noord Holland IT Services"),
        "{}",
        ui.screen()
    );
    ui.key(KeyCode::Enter);
    assert!(
        ui.driver
            .store
            .client_by_name("Noord Holland IT Services")
            .is_ok()
    );
    ui.keys("/");
    ui.driver.handle(Event::Paste("noord".into()));
    assert!(ui.screen().contains("Clients 1/6"));
}

// ---- scorecards ---------------------------------------------------------------------------

fn on_scorecards(w: u16, h: u16, client: &str) -> Ui {
    let mut ui = Ui::new(w, h);
    ui.keys("2");
    for _ in 0..10 {
        if ui
            .driver
            .app
            .scores
            .selected()
            .is_some_and(|c| c.name == client)
        {
            break;
        }
        ui.keys("j");
    }
    ui
}

#[test]
fn scorecards_screen_80x24_shows_one_card() {
    let mut ui = on_scorecards(80, 24, "Café De Hoek");
    let s = ui.screen();
    assert!(
        s.contains("D1 abusive or unprofessional treatment: 2026-06-28 abuse incident"),
        "{s}"
    );
    assert!(
        s.contains("Why: ignored advice ratio 1, bad at 0.6 (-21 points)"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn scorecards_screen_120x40_ranks_beside_the_card() {
    let mut ui = on_scorecards(120, 40, "Café De Hoek");
    let s = ui.screen();
    let line_of = |what: &str| s.lines().position(|l| l.contains(what)).unwrap();
    assert!(
        line_of("1 Acme") < line_of("3 Café De Hoek"),
        "ranked best first:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn a_quick_log_on_the_scorecards_screen_changes_the_card_in_the_same_redraw() {
    let mut ui = on_scorecards(120, 40, "Café De Hoek");
    let line = |ui: &mut Ui, what: &str| {
        ui.screen()
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line(&mut ui, "tickets/seat/mo").contains("tickets/seat/mo   4"));
    let before = ui
        .driver
        .app
        .scores
        .selected()
        .and_then(|c| c.score())
        .unwrap();
    ui.keys("lt").key(KeyCode::Enter);
    assert!(
        line(&mut ui, "tickets/seat/mo").contains("tickets/seat/mo   5"),
        "{}",
        ui.screen()
    );
    let after = ui
        .driver
        .app
        .scores
        .selected()
        .and_then(|c| c.score())
        .unwrap();
    assert!(
        after <= before,
        "one more ticket never raises it: {before} -> {after}"
    );
    ui.keys("u");
    assert!(line(&mut ui, "tickets/seat/mo").contains("tickets/seat/mo   4"));
}

#[test]
fn the_window_and_the_as_of_date_can_be_changed() {
    let mut ui = on_scorecards(80, 24, "Café De Hoek");
    ui.keys("w");
    assert!(
        ui.screen().contains("as of 2026-06-30 · 180 days"),
        "{}",
        ui.screen()
    );
    ui.keys("[");
    let s = ui.screen();
    assert!(s.contains("as of 2026-05-31 · 180 days"), "{s}");
    // On 31 May the abuse (28 June) had not happened yet.
    assert!(!s.contains("D1 abusive"), "{s}");
    ui.keys("t");
    assert!(ui.screen().contains("as of 2026-06-30"));
    ui.keys("]");
    assert!(ui.screen().contains("Already as of today"));
}

#[test]
fn the_clients_list_sorts_by_score() {
    let mut ui = Ui::new(120, 40);
    ui.keys("s");
    let s = ui.screen();
    assert!(s.contains("Sorted by score, descending"), "{s}");
    let cafe = s.find("Café De Hoek").unwrap();
    let zeeland = s.find("Zeeland").unwrap();
    let acme = s.find("Acme").unwrap();
    assert!(
        acme < cafe && cafe < zeeland,
        "scored first, no score last:\n{s}"
    );
}

// ---- gut check ----------------------------------------------------------------------------

#[test]
fn gut_check_screen_lists_the_configured_staff() {
    let mut ui = Ui::new(80, 24);
    ui.keys("4");
    let s = ui.screen();
    assert!(
        s.contains("Gut check 2026") && s.contains("Noor") && s.contains("Sam"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn a_vote_in_the_gut_check_moves_the_score_at_once() {
    let mut ui = Ui::new(120, 40);
    let score = |ui: &Ui| {
        let id = ui.driver.store.client_by_name("Café De Hoek").unwrap().id;
        ui.driver
            .app
            .scores
            .card(id)
            .and_then(|c| c.score())
            .unwrap()
    };
    let before = score(&ui);
    ui.keys("4a")
        .keys("Joris")
        .key(KeyCode::Tab)
        .keys("c")
        .key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("Saved Joris's 1 worst of 2026"), "{s}");
    assert!(s.contains("1. Café De Hoek"), "{s}");
    assert!(
        score(&ui) < before,
        "named by staff: {before} -> {}",
        score(&ui)
    );
    // Clearing asks first, naming who and which year.
    ui.keys("gd");
    let s = ui.screen();
    assert!(
        s.contains("Clear Joris's five worst clients of 2026?"),
        "{s}"
    );
    ui.keys("y");
    assert!(ui.screen().contains("Cleared Joris's gut check of 2026"));
    assert!((score(&ui) - before).abs() < 1e-9);
}

#[test]
fn the_same_client_twice_in_a_gut_check_is_refused_in_the_form() {
    let mut ui = Ui::new(80, 24);
    ui.keys("4a").keys("Noor");
    ui.key(KeyCode::Tab)
        .keys("c")
        .key(KeyCode::Tab)
        .keys("c")
        .key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("names the same client twice"), "{s}");
    ui.key(KeyCode::Esc);
    assert!(ui.driver.store.votes(2026).unwrap().is_empty());
}

// ---- pareto -------------------------------------------------------------------------------

/// A generated book of `n` active clients: a few big ones, a long tail, some noisy small ones.
fn big_portfolio(n: usize) -> (TempDir, Store) {
    use rapport::domain::portfolio::{Portfolio, PortfolioClient};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("big.db")).unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut clients = Vec::new();
    for i in 0..n {
        // Zipf-like revenue: client i brings about 1/(i+1) of the first.
        let mrr = (800_000 / (i + 1)).max(15_000) as i64 + rng.i64(0..5_000);
        let fields = ClientDraft {
            name: format!("Client {i:03}"),
            mrr: rapport::domain::Cents(mrr).plain(),
            seats: (5 + rng.u32(0..40)).to_string(),
            ..ClientDraft::new_client()
        }
        .validate()
        .unwrap();
        let mut entries = Vec::new();
        for m in 0..12u32 {
            let issued = if m < 6 {
                format!("2025-{:02}-05", m + 7)
            } else {
                format!("2026-{:02}-05", m - 5)
            };
            let inv = rapport::domain::evidence::InvoiceDraft {
                number: format!("{i}-{m}"),
                amount: rapport::domain::Cents(mrr).plain(),
                issued: issued.clone(),
                paid: issued,
                ..Default::default()
            };
            entries.push(LogEntry::Invoice(inv.validate(30).unwrap()));
        }
        // Every seventh small client is noisy: many tickets and hours.
        let noisy = i > 20 && i % 7 == 0;
        let tickets = if noisy { 25 } else { rng.usize(0..6) };
        for t in 0..tickets {
            let day = format!("2026-{:02}-{:02}", 1 + t % 6, 1 + (t * 3) % 27);
            entries.push(LogEntry::Ticket(
                TicketDraft {
                    opened: day.clone(),
                    ..Default::default()
                }
                .validate()
                .unwrap(),
            ));
            entries.push(LogEntry::Time(
                TimeDraft {
                    date: day,
                    duration: if noisy { "3h".into() } else { "45m".into() },
                    note: String::new(),
                }
                .validate()
                .unwrap(),
            ));
        }
        clients.push(PortfolioClient { fields, entries });
    }
    store
        .import_portfolio(&Portfolio {
            clients,
            gut_checks: Vec::new(),
        })
        .unwrap();
    (dir, store)
}

fn on_pareto(dir: TempDir, store: Store, w: u16, h: u16) -> Ui {
    let mut ui = Ui::with(dir, store, w, h, ThemeName::Dark);
    ui.keys("3g");
    ui
}

#[test]
fn pareto_5_clients_80x24() {
    let (dir, store) = fixture();
    let mut ui = on_pareto(dir, store, 80, 24);
    let s = ui.screen();
    assert!(
        s.contains("2 of 3 clients (67%) bring 80% of the revenue"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn pareto_5_clients_160x48_puts_the_stress_ranking_beside_revenue() {
    let (dir, store) = fixture();
    let mut ui = on_pareto(dir, store, 160, 48);
    let s = ui.screen();
    assert!(s.contains("By revenue") && s.contains("By stress"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn pareto_300_clients_80x24_groups_the_tail() {
    let (dir, store) = big_portfolio(300);
    let mut ui = on_pareto(dir, store, 80, 24);
    let s = ui.screen();
    assert!(s.contains(" others (PgDn)"), "{s}");
    insta::assert_snapshot!(s);
    // A page down moves through the tail; the others shrink.
    ui.key(KeyCode::PageDown);
    let s = ui.screen();
    assert!(s.contains("Client 00"), "{s}");
}

#[test]
fn pareto_300_clients_160x48() {
    let (dir, store) = big_portfolio(300);
    let mut ui = on_pareto(dir, store, 160, 48);
    let s = ui.screen();
    assert!(
        s.contains("R1"),
        "noisy small clients are R1 candidates:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn marks_on_the_clients_list_drive_the_what_if() {
    let mut ui = Ui::new(120, 40);
    ui.keys("j "); // Café De Hoek
    assert!(ui.row_of("Café").contains("● Café"), "{}", ui.screen());
    ui.keys("3");
    let s = ui.screen();
    assert!(s.contains("Without 1"), "{s}");
    assert!(s.contains("Café De Hoek"), "{s}");
    ui.keys("x");
    assert!(ui.screen().contains("Mark clients with space"));
    assert!(ui.driver.app.marks.is_empty());
    // Marks never touch the data.
    assert_eq!(ui.driver.store.client_count().unwrap(), 5);
}

#[test]
fn the_measure_cycles_and_the_map_is_one_key_away() {
    let (dir, store) = fixture();
    let mut ui = on_pareto(dir, store, 120, 40);
    ui.keys("m");
    assert!(ui.screen().contains("By hours"), "{}", ui.screen());
    ui.keys("mm");
    assert!(ui.screen().contains("By stress"));
    ui.keys("m");
    assert!(ui.screen().contains("By revenue"));
    ui.keys("v");
    let s = ui.screen();
    assert!(
        s.contains("Value/effort map") && s.contains("worth it") && s.contains("let go?"),
        "{s}"
    );
    ui.keys("v");
    assert!(ui.screen().contains("By revenue"));
}
