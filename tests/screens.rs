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
use rapport::tui::app::{App, Overlay, Screen, Settings};
use rapport::tui::screens::{self, Look};
use rapport::tui::theme::Theme;
use rapport::tui::widgets::form::FieldKind;

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
        .log(c, &LogEntry::Ticket(t.validate(today()).unwrap()))
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
    s.log(acme, &LogEntry::Invoice(inv.validate(30, today()).unwrap()))
        .unwrap();
    let late = InvoiceDraft {
        number: "2026-0031".into(),
        amount: "350".into(),
        issued: "2026-04-01".into(),
        paid: "2026-06-20".into(),
        ..Default::default()
    };
    s.log(
        cafe,
        &LogEntry::Invoice(late.validate(14, today()).unwrap()),
    )
    .unwrap();
    let time = TimeDraft {
        date: "2026-06-25".into(),
        duration: "2h30".into(),
        note: "printer again".into(),
    };
    s.log(cafe, &LogEntry::Time(time.validate(today()).unwrap()))
        .unwrap();
    let rec = RecommendationDraft {
        made: "2026-03-01".into(),
        title: "Enable MFA on mail".into(),
        security: true,
        status: "ignored".into(),
        decided: "2026-04-01".into(),
        reference: String::new(),
    };
    s.log(
        cafe,
        &LogEntry::Recommendation(rec.validate(today()).unwrap()),
    )
    .unwrap();
    let inc = IncidentDraft {
        date: "2026-06-28".into(),
        kind: "abuse".into(),
        note: "shouted at the help desk on a Saturday".into(),
    };
    s.log(cafe, &LogEntry::Incident(inc.validate(today()).unwrap()))
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
        Self::build(dir, store, w, h, ThemeName::Dark, 6_500, Driver::start)
    }

    fn with(dir: TempDir, store: Store, w: u16, h: u16, theme: ThemeName) -> Self {
        Self::build(dir, store, w, h, theme, 6_500, Driver::refresh)
    }

    /// With this labour cost per hour in the config (0: none configured).
    fn costing(
        dir: TempDir,
        store: Store,
        w: u16,
        h: u16,
        theme: ThemeName,
        hourly_cost_cents: i64,
    ) -> Self {
        Self::build(dir, store, w, h, theme, hourly_cost_cents, Driver::refresh)
    }

    fn build(
        dir: TempDir,
        store: Store,
        w: u16,
        h: u16,
        theme: ThemeName,
        hourly_cost_cents: i64,
        read: fn(&mut Driver),
    ) -> Self {
        let rules = rapport::domain::score::Rules {
            hourly_cost_cents,
            ..Default::default()
        };
        let settings = Settings {
            rules,
            pareto: Default::default(),
            staff: vec!["Noor".into(), "Sam".into()],
            note: None,
            decision_rules: rapport::domain::decide::case::DecisionRules {
                hourly_cost: rapport::domain::Cents(hourly_cost_cents),
                ..Default::default()
            },
            scripts: Default::default(),
            offboard_items: Default::default(),
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

    /// A key with modifiers (Ctrl, Alt, Shift) held.
    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Self {
        self.driver
            .handle(Event::Key(KeyEvent::new(code, modifiers)));
        self
    }

    fn ctrl(&mut self, c: char) -> &mut Self {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL)
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

    /// The terminal resized to `w`x`h`.
    fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        self.driver.handle(Event::Resize(w, h));
        self.term = Terminal::new(TestBackend::new(w, h)).unwrap();
        self
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
    for (keys, _) in rapport::tui::keymap::help(Screen::Clients) {
        assert!(s.contains(&format!("│{keys} ")), "help misses {keys}:\n{s}");
    }
    insta::assert_snapshot!(s);
    ui.keys("x");
    assert!(!ui.screen().contains("Keys: Clients"));
}

/// The lines inside the help box, as drawn (read from the cells: a wide character behind
/// the box must not shift its columns).
fn help_box(ui: &mut Ui, title: &str) -> Vec<String> {
    ui.screen();
    let buf = ui.term.backend().buffer().clone();
    let area = buf.area;
    let text = |y: u16, from: u16, to: u16| -> String {
        (from..to).map(|x| buf[(x, y)].symbol()).collect::<String>()
    };
    let head = format!("┌ Keys: {title} ");
    let (left, top) = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .find(|&(x, y)| text(y, x, (x + head.chars().count() as u16).min(area.width)) == head)
        .unwrap_or_else(|| panic!("no help box for {title}"));
    let right = (left + 1..area.width)
        .find(|&x| buf[(x, top)].symbol() == "┐")
        .expect("the box's right corner");
    (top + 1..area.height)
        .take_while(|&y| buf[(left, y)].symbol() == "│")
        .map(|y| text(y, left + 1, right).trim_end().to_string())
        .collect()
}

#[test]
fn help_on_every_screen_lists_exactly_the_keys_of_its_table() {
    let mut ui = Ui::new(120, 40);
    for (i, screen) in Screen::ALL.iter().enumerate() {
        ui.keys(&(i + 1).to_string()).keys("?");
        let shown = help_box(&mut ui, screen.title());
        use unicode_width::UnicodeWidthStr;
        let help = rapport::tui::keymap::help(*screen);
        // The keys' column: the widest keys and two spaces.
        let w = help
            .iter()
            .map(|(k, _)| k.width())
            .max()
            .unwrap_or(0)
            .max(6)
            + 2;
        let listed: Vec<String> = help
            .iter()
            .map(|(keys, what)| format!("{keys}{}{what}", " ".repeat(w - keys.width())))
            .collect();
        assert_eq!(
            shown[..listed.len()],
            listed[..],
            "{}:\n{}",
            screen.title(),
            ui.screen()
        );
        assert_eq!(shown[listed.len()], "", "nothing more: {shown:#?}");
        // Keys that acted before without being listed are listed now, on every screen.
        for keys in ["? F1", "Home End g G", "R", "Tab ⇧Tab 1-5", "q Ctrl-C", "h"] {
            assert!(
                shown.iter().any(|l| l.starts_with(&format!("{keys} "))),
                "{}: {keys}: {shown:#?}",
                screen.title()
            );
        }
        let name = screen.title().to_lowercase().replace(' ', "_");
        insta::assert_snapshot!(format!("help_{name}"), shown.join("\n"));
        ui.key(KeyCode::Esc);
    }
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
    // 東京商事 has nothing logged in the 90 days: no score, last.
    assert!(
        line_of("1 Acme") < line_of("2 Café De Hoek"),
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

#[test]
fn a_client_with_nothing_logged_in_the_window_has_no_score_on_screen() {
    // 東京商事's one ticket is from January: nothing in the 90 days to 2026-06-30.
    let mut ui = Ui::new(120, 40);
    let row = ui.row_of("東京商事");
    assert!(row.contains("   -    ······███···"), "{row}");
    assert!(!row.contains("A 100"), "{row}");
    let card = on_scorecards(120, 40, "東京商事株式会社 Europe Holding and Partners").screen();
    assert!(
        card.contains("Score no score: nothing logged in the 90 days to 2026-06-30"),
        "{card}"
    );
}

#[test]
fn the_screen_and_the_scorecard_command_score_the_same_clients() {
    let (dir, mut store) = fixture();
    // A former client with a ticket in the window: gone, so scored by neither face.
    let old = store.client_by_name("Old Friends Accountancy").unwrap().id;
    ticket(&mut store, old, "2026-06-15", false);
    let db = dir.path().join("r.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[costs]\nhourly_labour_cost = 65\n").unwrap();
    let ui = Ui::with(dir, store, 120, 40, ThemeName::Dark);
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .env("LC_ALL", "C")
        .env("RAPPORT_CONFIG", &config)
        .env("RAPPORT_DB", &db)
        .env("RAPPORT_TODAY", "2026-06-30")
        .args(["scorecard", "--json", "--all"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = doc["clients"].as_array().unwrap();
    assert_eq!(listed.len(), 5);
    for c in listed {
        let name = c["client"].as_str().unwrap();
        let id = ui.driver.store.client_by_name(name).unwrap().id;
        // The screen's score, floored to one decimal like the JSON; None where it shows "-".
        let on_screen = ui
            .driver
            .app
            .scores
            .card(id)
            .and_then(|card| card.score())
            .map(|s| (s * 10.0 + 1e-9).floor() / 10.0);
        assert_eq!(c["score"].as_f64(), on_screen, "{name}");
        let row = ui.driver.app.clients.row(id).unwrap();
        if on_screen.is_none() {
            assert_ne!(c["no_score"], serde_json::Value::Null, "{name}");
        }
        if row.client.fields.status == rapport::domain::ClientStatus::Former {
            assert_eq!(c["no_score"], "former", "{name}");
        }
    }
    let scored: Vec<&str> = listed
        .iter()
        .filter(|c| !c["score"].is_null())
        .map(|c| c["client"].as_str().unwrap())
        .collect();
    assert_eq!(scored, ["Acme Logistics BV", "Café De Hoek"]);
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
fn the_gut_check_form_offers_the_clients_staff_worked_for_that_year() {
    let (dir, mut store) = fixture();
    // Let go at the end of March: staff worked for it in 2026, so this year's list may
    // name it. Old Friends Accountancy (former, no contract end) may not.
    client(&mut store, "Oud & Vertrouwd", |d| {
        d.status = "former".into();
        d.contract_end = "2026-03-31".into();
    });
    let mut ui = Ui::with(dir, store, 120, 40, ThemeName::Dark);
    ui.keys("4a");
    let offered = |ui: &Ui| -> Vec<String> {
        let Overlay::VoteForm { form, .. } = &ui.driver.app.overlay else {
            panic!("the gut check form is open");
        };
        let worst = form.fields.iter().find(|f| f.key == "1").unwrap();
        let FieldKind::Choice(options) = &worst.kind else {
            panic!("a choice");
        };
        options.iter().map(|(_, name)| name.clone()).collect()
    };
    let names = offered(&ui);
    assert!(names.iter().any(|n| n == "Oud & Vertrouwd"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with("Old Friends")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n == "Zeeland Dental 🦷"),
        "a prospect: {names:?}"
    );
    // Named and saved: the store takes what the form offers.
    ui.keys("Joris").key(KeyCode::Tab).keys("o");
    ui.key(KeyCode::Enter);
    assert!(
        ui.screen().contains("Saved Joris's 1 worst of 2026"),
        "{}",
        ui.screen()
    );
    let votes = ui.driver.store.votes(2026).unwrap();
    let oud = ui
        .driver
        .store
        .client_by_name("Oud & Vertrouwd")
        .unwrap()
        .id;
    assert_eq!(votes.iter().map(|v| v.client_id).collect::<Vec<_>>(), [oud]);
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
            entries.push(LogEntry::Invoice(inv.validate(30, today()).unwrap()));
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
                .validate(today())
                .unwrap(),
            ));
            entries.push(LogEntry::Time(
                TimeDraft {
                    date: day,
                    duration: if noisy { "3h".into() } else { "45m".into() },
                    note: String::new(),
                }
                .validate(today())
                .unwrap(),
            ));
        }
        clients.push(PortfolioClient { fields, entries });
    }
    store
        .import_portfolio(&Portfolio {
            clients,
            gut_checks: Vec::new(),
            defaults: None,
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

#[test]
fn the_map_places_clients_by_size_and_by_their_rate_against_the_portfolios() {
    let (dir, store) = fixture();
    let mut ui = on_pareto(dir, store, 120, 40);
    ui.keys("v");
    let s = ui.screen();
    // Big from an even share (a third of three); the vertical line is the portfolio's rate:
    // €37,950 over 2.5 hours.
    assert!(
        s.contains("big from 33%; right: rate per hour, the line at the portfolio's €15,180/h"),
        "{s}"
    );
    for label in [
        "reprice: big, earns less",
        "worth it: big, earns more",
        "let go?: small, earns less",
        "grow: small, earns more",
    ] {
        assert!(s.contains(label), "{label}: {s}");
    }
    // 東京商事 (two thirds of the revenue from its MRR, no hours) is big and costs no work;
    // Café De Hoek earns €350 for 2.5 hours, €140 an hour: small and under the rate.
    assert!(
        s.contains("Partners: 66% of revenue, no hours, worth it"),
        "{s}"
    );
    ui.keys("jj");
    let s = ui.screen();
    assert!(
        s.contains("Café De Hoek: 1% of revenue, €140/h, let go?"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

// ---- what a new user tripped over ---------------------------------------------------------

/// The text of each screen row, without TestBackend's quotes and notes.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| {
            let l = l.strip_prefix('"').unwrap_or(l);
            match l.find("\" Hidden by multi-width symbols") {
                Some(i) => l[..i].to_string(),
                None => l.strip_suffix('"').unwrap_or(l).to_string(),
            }
        })
        .collect()
}

/// The character that starts at display column `col` of a row (None inside a wide one).
fn char_at(row: &str, col: usize) -> Option<char> {
    use unicode_width::UnicodeWidthChar;
    let mut at = 0;
    for c in row.chars() {
        if at == col {
            return Some(c);
        }
        at += c.width().unwrap_or(0);
        if at > col {
            return None;
        }
    }
    None
}

/// The display columns `from..to` of a row.
fn columns(row: &str, from: usize, to: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut at = 0;
    let mut out = String::new();
    for c in row.chars() {
        let w = c.width().unwrap_or(0);
        if at >= from && at + w <= to {
            out.push(c);
        }
        at += w;
    }
    out
}

/// The display column where `needle` starts in `row`.
fn column_of(row: &str, needle: &str) -> Option<usize> {
    use unicode_width::UnicodeWidthStr;
    row.find(needle).map(|i| row[..i].width())
}

fn tickets_90d(ui: &Ui, name: &str) -> u32 {
    ui.driver
        .store
        .client_rows(today())
        .unwrap()
        .into_iter()
        .find(|r| r.client.fields.name == name)
        .map(|r| r.tickets_90d)
        .unwrap()
}

fn status_of(ui: &Ui, name: &str) -> String {
    let c = ui.driver.store.client_by_name(name).unwrap();
    c.fields.status.as_str().to_string()
}

#[test]
fn the_selected_client_stays_selected_round_every_screen_and_the_quick_log_is_theirs() {
    let mut ui = Ui::new(120, 40);
    ui.keys("j");
    assert!(ui.row_of("Café De Hoek").contains('›'), "{}", ui.screen());
    ui.key(KeyCode::Tab);
    assert!(
        ui.screen().contains("┌ Café De Hoek"),
        "the Scorecards screen shows the selected client's card:\n{}",
        ui.screen()
    );
    for _ in 0..4 {
        ui.key(KeyCode::Tab); // Pareto, Gut check, Decisions, Clients
    }
    assert!(ui.row_of("Café De Hoek").contains('›'), "{}", ui.screen());
    ui.keys("lt").key(KeyCode::Enter);
    assert!(
        ui.screen()
            .contains("Logged incident ticket for 'Café De Hoek'"),
        "{}",
        ui.screen()
    );
    assert_eq!(tickets_90d(&ui, "Café De Hoek"), 5);
    assert_eq!(tickets_90d(&ui, "Acme Logistics BV"), 1);
    // The Pareto screen logs on the selected client too.
    ui.keys("3lt");
    assert!(
        ui.screen().contains("Log ticket: Café De Hoek"),
        "{}",
        ui.screen()
    );
}

#[test]
fn moving_on_the_pareto_screen_moves_the_selection_everywhere() {
    let mut ui = Ui::new(120, 40);
    ui.keys("j"); // Café De Hoek
    ui.keys("3v");
    assert!(
        ui.screen().contains("█ Café De Hoek:"),
        "the map names the selected client:\n{}",
        ui.screen()
    );
    ui.keys("v").key(KeyCode::Home);
    let top = ui.driver.app.pareto.primary.rows[0].client.clone();
    assert_ne!(top, "Café De Hoek");
    ui.keys("1");
    let short: String = top.chars().take(6).collect();
    assert!(ui.row_of(&short).contains('›'), "{}", ui.screen());
    assert!(
        ui.screen().contains(&format!("┌ {short}")),
        "the detail pane follows:\n{}",
        ui.screen()
    );
}

#[test]
fn a_selected_client_in_the_paretos_grouped_tail_is_paged_to() {
    let (dir, store) = big_portfolio(300);
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    ui.key(KeyCode::End); // Client 299, the smallest: in the tail
    assert!(ui.row_of("Client 299").contains('›'), "{}", ui.screen());
    ui.keys("3");
    let s = ui.screen();
    assert!(s.contains("Client 299"), "{s}");
    ui.keys("l");
    assert!(
        ui.screen().contains("Log for Client 299"),
        "{}",
        ui.screen()
    );
}

#[test]
fn a_former_client_stays_selected_on_screens_that_do_not_list_it() {
    let mut ui = Ui::new(120, 40);
    ui.keys("jj"); // Old Friends Accountancy, former: neither scored nor ranked
    assert!(ui.row_of("Old Friends").contains('›'), "{}", ui.screen());
    for screen in ["2", "3"] {
        ui.keys(screen);
        let s = ui.screen();
        assert!(s.contains("Old Friends Accountancy"), "{s}");
        ui.keys("l");
        assert!(
            ui.screen().contains("Log for Old Friends Accountancy"),
            "{}",
            ui.screen()
        );
        ui.key(KeyCode::Esc);
    }
    ui.keys("1");
    assert!(ui.row_of("Old Friends").contains('›'), "{}", ui.screen());
}

#[test]
fn while_the_terminal_is_too_small_only_resize_and_quit_act() {
    let mut ui = Ui::new(60, 20);
    ui.keys("dy"); // archive, confirmed
    ui.keys("lt").key(KeyCode::Enter); // a ticket
    ui.keys("a").keys("Unseen BV").key(KeyCode::Enter); // a client
    ui.ctrl('u');
    assert!(
        ui.screen().contains("terminal too small"),
        "{}",
        ui.screen()
    );
    assert_eq!(status_of(&ui, "Acme Logistics BV"), "active");
    assert_eq!(tickets_90d(&ui, "Acme Logistics BV"), 1);
    assert_eq!(ui.driver.store.client_count().unwrap(), 5);
    assert!(!ui.driver.app.quit);
    // Enlarged, nothing was left waiting: no menu, form or confirmation opens.
    ui.resize(80, 24);
    let s = ui.screen();
    assert!(
        !s.contains("Archive") && !s.contains("Log for") && !s.contains("Add a client"),
        "{s}"
    );
    ui.resize(60, 20).keys("q");
    assert!(ui.driver.app.quit, "q quits from the message");
    let mut ui = Ui::new(60, 20);
    ui.keys("a").ctrl('c');
    assert!(ui.driver.app.quit, "and Ctrl-C");
}

#[test]
fn ctrl_and_alt_keys_never_act_as_plain_keys() {
    let mut ui = Ui::new(120, 40);
    ui.keys("lt").key(KeyCode::Enter);
    assert_eq!(tickets_90d(&ui, "Acme Logistics BV"), 2);
    ui.ctrl('u'); // not u (undo)
    assert_eq!(tickets_90d(&ui, "Acme Logistics BV"), 2);
    assert!(!ui.screen().contains("Undone"), "{}", ui.screen());
    ui.ctrl('d'); // not d (archive)
    assert!(!ui.screen().contains("Archive Acme"), "{}", ui.screen());
    ui.press(KeyCode::Char('l'), KeyModifiers::ALT); // not l (log)
    assert!(!ui.screen().contains("Log for"), "{}", ui.screen());
    ui.press(KeyCode::Char('j'), KeyModifiers::ALT);
    ui.press(KeyCode::Down, KeyModifiers::SHIFT);
    ui.press(KeyCode::Char('3'), KeyModifiers::CONTROL);
    assert!(ui.row_of("Acme").contains('›'), "{}", ui.screen());
    assert!(ui.screen().contains("Clients 5/5"));
    // Shift is fine where it makes the character: S reverses the order.
    ui.press(KeyCode::Char('S'), KeyModifiers::SHIFT);
    assert!(ui.screen().contains("Sorted by name, descending"));
    // In a confirmation and a menu, only the plain keys answer.
    ui.keys("d");
    ui.ctrl('y')
        .press(KeyCode::Enter, KeyModifiers::CONTROL)
        .press(KeyCode::Char('y'), KeyModifiers::ALT);
    assert!(ui.screen().contains("Archive "), "still asking");
    ui.key(KeyCode::Esc);
    assert_eq!(status_of(&ui, "Acme Logistics BV"), "active");
    ui.keys("l").ctrl('t');
    assert!(ui.screen().contains("Log for"), "still choosing");
    ui.key(KeyCode::Esc);
    assert_eq!(tickets_90d(&ui, "Acme Logistics BV"), 2);
    // In a form the editing keys keep working, and Ctrl-Enter does not save.
    ui.keys("S").key(KeyCode::Home).keys("e"); // Acme again
    ui.ctrl('u').keys("Acme Two");
    ui.press(KeyCode::Enter, KeyModifiers::CONTROL);
    assert!(
        ui.screen().contains("Edit Acme Logistics BV"),
        "{}",
        ui.screen()
    );
    ui.ctrl('a').keys("The ");
    ui.key(KeyCode::Enter);
    assert!(
        ui.driver.store.client_by_name("The Acme Two").is_ok(),
        "{}",
        ui.screen()
    );
    ui.keys("d").ctrl('c');
    assert!(ui.driver.app.quit, "Ctrl-C quits from anywhere");
}

#[test]
fn tabbing_into_the_notes_and_typing_adds_to_them() {
    let mut ui = Ui::new(80, 24);
    ui.keys("e");
    for _ in 0..13 {
        ui.key(KeyCode::Tab); // to Notes
    }
    ui.keys("Quarterly review").key(KeyCode::Enter);
    ui.keys("e");
    for _ in 0..13 {
        ui.key(KeyCode::Tab);
    }
    ui.keys(" on Fridays").key(KeyCode::Enter);
    let c = ui.driver.store.client_by_name("Acme Logistics BV").unwrap();
    assert_eq!(
        c.fields.notes.as_deref(),
        Some("Quarterly review on Fridays")
    );
}

/// Where `text` is drawn in the buffer (ASCII text).
fn cells_of(buf: &ratatui::buffer::Buffer, text: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    let want: Vec<String> = text.chars().map(String::from).collect();
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(want.len() as u16) {
            if want
                .iter()
                .enumerate()
                .all(|(i, c)| buf[(x + i as u16, y)].symbol() == c)
            {
                return Some((x, y));
            }
        }
    }
    None
}

#[test]
fn a_selected_field_shows_its_text_in_reverse_video_with_and_without_colour() {
    use ratatui::style::Modifier;
    for theme in [ThemeName::Dark, ThemeName::Mono] {
        let (dir, store) = fixture();
        let mut ui = Ui::with(dir, store, 80, 24, theme);
        ui.keys("e").key(KeyCode::Tab); // Contact: typing replaces it
        ui.screen();
        let buf = ui.term.backend().buffer().clone();
        let (x, y) = cells_of(&buf, "Jan de Vries").expect("the contact");
        for i in 0..12 {
            assert!(
                buf[(x + i, y)].modifier.contains(Modifier::REVERSED),
                "{theme:?}: the selected text in reverse video"
            );
        }
        assert!(
            !buf[(x + 12, y)].modifier.contains(Modifier::REVERSED),
            "{theme:?}: only the text"
        );
        // The cursor moved: typing inserts, the text is no longer shown selected.
        ui.key(KeyCode::End);
        ui.screen();
        let buf = ui.term.backend().buffer().clone();
        assert!(
            !buf[(x, y)].modifier.contains(Modifier::REVERSED),
            "{theme:?}: not selected after a move"
        );
        // Notes are never selected by a Tab.
        ui.key(KeyCode::Esc).keys("e");
        for _ in 0..13 {
            ui.key(KeyCode::Tab);
        }
        ui.keys("Long text").key(KeyCode::Enter).keys("e");
        for _ in 0..13 {
            ui.key(KeyCode::Tab);
        }
        ui.screen();
        let buf = ui.term.backend().buffer().clone();
        let (x, y) = cells_of(&buf, "Long text").expect("the notes");
        assert!(
            !buf[(x, y)].modifier.contains(Modifier::REVERSED),
            "{theme:?}: notes are not selected"
        );
    }
}

#[test]
fn the_score_change_on_a_card_adds_up() {
    for (w, h) in [(80, 24), (120, 40)] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
        rapport::demo::populate(&mut store, today()).unwrap();
        let mut ui = Ui::with(dir, store, w, h, ThemeName::Dark);
        ui.keys("2g");
        let mut checked = 0;
        for _ in 0..ui.driver.app.scores.cards.len() {
            let s = ui.screen();
            if let Some(line) = rows(&s).into_iter().find(|l| l.contains("Since ")) {
                let since = &line[line.find("Since ").unwrap()..];
                let numbers: Vec<f64> = since
                    .split(|c: char| c.is_whitespace() || c == ',' || c == '│')
                    .filter(|t| t.len() > 1 && (t.starts_with('+') || t.starts_with('-')))
                    .map(|t| {
                        t.parse::<f64>()
                            .unwrap_or_else(|_| panic!("{t} in {since}"))
                    })
                    .collect();
                let (delta, parts) = numbers.split_first().unwrap();
                let sum: f64 = parts.iter().sum();
                assert!(
                    (sum - delta).abs() <= 0.05 * parts.len() as f64 + 0.05,
                    "{w}x{h}: the parts {sum:.1} do not add up to {delta}: {since}"
                );
                checked += 1;
            }
            ui.keys("j");
        }
        assert!(checked > 10, "{checked} cards with a change");
    }
}

#[test]
fn the_sorted_column_always_shows_its_arrow() {
    let titles = [
        ("last activity", "Last seen"),
        ("contract end", "Ends"),
        ("tickets", "Tkt 90d"),
        ("seats", "Seats"),
        ("MRR", "MRR"),
        ("status", "Status"),
        ("grade", "Grade"),
        ("change", "Trend"),
        ("score", "Score"),
        ("name", "Name"),
    ];
    for (w, h) in [(80, 24), (120, 40)] {
        let mut ui = Ui::new(w, h);
        for _ in 0..titles.len() {
            ui.keys("s");
            let s = ui.screen();
            let (_, title) = titles
                .iter()
                .find(|(label, _)| s.contains(&format!("Sorted by {label}")))
                .expect("a sort message");
            let header = rows(&s)
                .into_iter()
                .find(|l| l.contains("Name") && (l.contains("Score") || l.contains("Grade")))
                .expect("the header");
            assert!(
                header.contains(&format!("{title}▲")) || header.contains(&format!("{title}▼")),
                "{w}x{h}, sorted by {title}: {header}"
            );
        }
    }
}

/// Active clients whose names break naive layouts: long, CJK, accents, emoji; the largest
/// has a long name.
fn wide_names() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("w.db")).unwrap();
    let names = [
        "Van Dijk & Partners Accountants Amsterdam",
        "東京商事株式会社 Europe Holding and Partners",
        "Straße und Brücke Ingenieurbüro GmbH",
        "Tanaka 田中 Design Studio",
        "Müller & Søn Import",
        "Zeeland Dental 🦷",
        "Özdemir Transport",
        "Ærø Øko Fødevarer",
        "Łódź Serwis",
        "Café De Hoek",
        "Noord BV",
        "Ångström Labs",
        "Tiny",
        "Ω Omega",
    ];
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let amount = 40_000 / (i + 1);
        let id = client(&mut s, name, |d| {
            d.mrr = amount.to_string();
            d.seats = "10".into();
        });
        let inv = InvoiceDraft {
            number: format!("W-{i}"),
            amount: amount.to_string(),
            issued: "2026-05-01".into(),
            paid: "2026-05-10".into(),
            ..Default::default()
        };
        s.log(id, &LogEntry::Invoice(inv.validate(30, today()).unwrap()))
            .unwrap();
        for t in 0..(i % 4) {
            ticket(&mut s, id, &format!("2026-06-{:02}", 1 + t), false);
        }
        ids.push(id);
    }
    s.set_votes_if(2026, "Noor", &[], &ids[..5]).unwrap();
    (dir, s)
}

#[test]
fn pareto_columns_line_up_with_long_and_wide_names() {
    for (w, h) in [(80, 24), (120, 40), (160, 48)] {
        let (dir, store) = wide_names();
        let mut ui = on_pareto(dir, store, w, h);
        let s = ui.screen();
        let all = rows(&s);
        let charts = if w >= 140 { 2 } else { 1 };
        let cw = usize::from(w) / charts;
        for c in 0..charts {
            let part: Vec<String> = all
                .iter()
                .map(|l| columns(l, c * cw, (c + 1) * cw))
                .collect();
            let top = part
                .iter()
                .position(|l| l.contains("cumulative"))
                .unwrap_or_else(|| panic!("{w}x{h}: no chart header:\n{s}"));
            let header = &part[top];
            let client = column_of(header, "Client").unwrap();
            let measure = if c == 0 { "revenue" } else { "stress" };
            let value_end = column_of(header, measure).unwrap() + measure.len() - 1;
            let share_end = column_of(header, "share").unwrap() + "share".len() - 1;
            let gauge = column_of(header, "cumulative").unwrap();
            let mut checked = 0;
            for row in part[top + 1..].iter().take_while(|l| !l.starts_with('└')) {
                if row.contains('╌') || row.trim_matches(|c| c == '│' || c == ' ').is_empty() {
                    continue;
                }
                let at = |col: usize| char_at(row, col).unwrap_or('\0');
                let shown = format!("{w}x{h} chart {c}:\n{header}\n{row}");
                assert!(
                    at(client) != ' ' && at(client - 1) == ' ',
                    "name column: {shown}"
                );
                assert!(
                    at(value_end) != ' ' && at(value_end + 1) == ' ',
                    "value column: {shown}"
                );
                assert!(
                    at(share_end) == '%' && at(share_end + 1) == ' ',
                    "share column: {shown}"
                );
                assert!("━·┆".contains(at(gauge)), "gauge column: {shown}");
                checked += 1;
            }
            assert!(checked >= 5, "{w}x{h}: {checked} rows:\n{s}");
        }
        if w >= 120 {
            let head = all[..4].join("\n");
            assert!(
                head.contains("Van Dijk & Partners Accountants Amsterdam"),
                "{w}x{h}: the largest client's name in full:\n{s}"
            );
        }
    }
}

#[test]
fn a_gut_check_list_shows_every_name_where_there_is_room() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (dir, store) = wide_names();
        let mut ui = Ui::with(dir, store, w, h, ThemeName::Dark);
        ui.keys("4");
        let s = ui.screen();
        for name in [
            "Van Dijk & Partners Accountants Amsterdam",
            "東京商事株式会社 Europe Holding and Partners",
            "Straße und Brücke Ingenieurbüro GmbH",
            "Tanaka 田中 Design Studio",
            "Müller & Søn Import",
        ] {
            assert!(s.contains(name), "{w}x{h}: {name}\n{s}");
        }
    }
}

/// The popup whose top border holds `title`: None when its left and right borders run
/// whole from its top to its bottom, else the row where one is broken.
fn broken_border(screen: &str, title: &str) -> Option<String> {
    let all = rows(screen);
    let top = all.iter().position(|l| l.contains(title))?;
    let line = &all[top];
    let at = line.find(title)?;
    // The popup's own corner: the last one before the title (a box behind may start on
    // the same row).
    let left = {
        use unicode_width::UnicodeWidthStr;
        line[..at].rfind('┌').map(|i| line[..i].width())?
    };
    let right = column_of(line, title)? + column_of(&line[at..], "┐")?;
    for row in &all[top + 1..] {
        if char_at(row, left) == Some('└') && char_at(row, right) == Some('┘') {
            return None;
        }
        if char_at(row, left) != Some('│') || char_at(row, right) != Some('│') {
            return Some(row.clone());
        }
    }
    Some("no bottom border".into())
}

#[test]
fn a_wide_character_under_a_popup_leaves_its_border_whole() {
    let (dir, mut store) = fixture();
    client(&mut store, "Tanaka 田中 Design Studio", |_| {});
    client(&mut store, &"田".repeat(60), |_| {});
    let mut ui = Ui::with(dir, store, 80, 24, ThemeName::Dark);
    ui.keys("jjj"); // Tanaka
    for (key, title) in [
        ("l", "Log for"),
        ("d", "Archive client"),
        ("?", "Keys: Clients"),
        ("e", "Edit Tanaka"),
    ] {
        ui.keys(key);
        let s = ui.screen();
        assert_eq!(broken_border(&s, title), None, "{key}:\n{s}");
        ui.key(KeyCode::Esc);
    }
    // A title wider than its popup is cut, by display width, with "…".
    ui.key(KeyCode::End).keys("e");
    let s = ui.screen();
    let top = rows(&s)
        .into_iter()
        .find(|l| l.contains("Edit 田"))
        .expect("the form's title");
    assert!(top.contains("田…"), "{s}");
    assert_eq!(broken_border(&s, "Edit 田"), None, "{s}");
}

#[test]
fn form_errors_and_picker_labels_use_the_room_there_is() {
    let mut ui = Ui::new(120, 40);
    ui.keys("a").keys("Café Nieuw");
    for _ in 0..6 {
        ui.key(KeyCode::Tab); // Contract start
    }
    ui.keys("2026-06-01").key(KeyCode::Tab).keys("2026-01-01");
    ui.key(KeyCode::Tab).key(KeyCode::Enter);
    let s = ui.screen();
    let end = rows(&s)
        .into_iter()
        .find(|l| l.contains("Contract end"))
        .unwrap();
    assert!(
        end.contains("✗ 2026-01-01 is before contract start 2026-06-01"),
        "{s}"
    );
    ui.key(KeyCode::Esc);
    let mut ui = Ui::new(80, 24);
    ui.keys("j").keys("lo"); // Café De Hoek: reopen one of its tickets
    let s = ui.screen();
    assert!(
        s.contains("‹ t4 2026-06-29 incident ›"),
        "the whole label: {s}"
    );
}

#[test]
fn without_a_labour_cost_the_what_if_says_it_is_unknown() {
    let (dir, store) = fixture();
    let mut ui = Ui::costing(dir, store, 120, 40, ThemeName::Dark, 0);
    ui.keys("3");
    let s = ui.screen();
    let line = rows(&s)
        .into_iter()
        .find(|l| l.contains("labour cost"))
        .unwrap();
    let after = line.split("labour cost").nth(1).unwrap().trim_start();
    assert!(after.starts_with("- "), "{line}");
    ui.keys(" ");
    let s = ui.screen();
    let line = rows(&s)
        .into_iter()
        .find(|l| l.contains("labour cost"))
        .unwrap();
    assert!(!line.contains("€0"), "{line}");
}

#[test]
fn the_detail_pane_counts_in_words_and_a_former_contract_is_history() {
    let (dir, mut store) = fixture();
    client(&mut store, "Solo Advies", |d| {
        d.seats = "1".into();
        d.payment_terms_days = "1".into();
        d.contract_end = "2027-06-30".into();
        d.notice_days = "1".into();
    });
    client(&mut store, "Gone BV", |d| {
        d.status = "former".into();
        d.contract_end = "2026-08-15".into();
        d.notice_days = "30".into();
    });
    let mut ui = Ui::with(dir, store, 120, 40, ThemeName::Dark);
    ui.keys("/solo").key(KeyCode::Enter);
    let s = ui.screen();
    assert!(s.contains("1 seat · terms 1 day"), "{s}");
    assert!(
        s.contains("notice 1 day") && !s.contains("notice 1 days"),
        "{s}"
    );
    ui.key(KeyCode::Esc).keys("/gone").key(KeyCode::Enter);
    let s = ui.screen();
    let contract = rows(&s)
        .into_iter()
        .find(|l| l.contains("Contract "))
        .unwrap();
    assert!(contract.contains("2026-08-15"), "{s}");
    assert!(
        !contract.contains("ends in") && !contract.contains("give notice"),
        "{contract}"
    );
}

#[test]
fn help_uses_the_room_there_is_and_marks_what_it_cuts() {
    let long = "undo the last log, edit, archive, list or decision of this session";
    let mut ui = Ui::new(120, 40);
    ui.keys("?");
    let s = ui.screen();
    assert!(s.contains(long), "{s}");
    let mut ui = Ui::new(80, 24);
    ui.keys("?");
    let s = ui.screen();
    let line = rows(&s)
        .into_iter()
        .find(|l| l.contains("undo the last log"))
        .unwrap();
    assert!(line.contains(long) || line.contains("…"), "{line}");
}

// ---- the fire/keep walk ------------------------------------------------------------------

/// The demo portfolio, with what the app takes from the file where the config sets none
/// (its labour cost, €65 an hour, and its ideal client profile).
fn demo_ui(w: u16, h: u16) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    rapport::demo::populate(&mut store, today()).unwrap();
    let defaults = store.defaults().unwrap();
    let (config, _) = rapport::config::Config::default().over(defaults.as_ref());
    let mut ui = Ui::with(dir, store, w, h, ThemeName::Dark);
    ui.driver.app.decision_rules = config.decision_rules();
    ui
}

/// Every step of a walk, each screen snapshotted and checked: nothing cut that had room
/// (a cut shows as "…"), the frame whole.
fn walk_every_step(ui: &mut Ui, name: &str, tag: &str) -> Vec<String> {
    walk_every_step_saying(ui, name, tag, ("Step", "of"), "Fire or keep?")
}

/// [`walk_every_step`], in a language: the progress line's words ("Step", "of") and the
/// frame's title ("Fire or keep?") as it says them.
fn walk_every_step_saying(
    ui: &mut Ui,
    name: &str,
    tag: &str,
    (step_word, of_word): (&str, &str),
    title: &str,
) -> Vec<String> {
    let id = ui.driver.store.client_by_name(name).unwrap().id;
    ui.driver.open_walk(id);
    assert_eq!(ui.driver.app.overlay, Overlay::Walk);
    let mut screens = Vec::new();
    loop {
        let v = ui.driver.app.walk.as_ref().unwrap();
        let (at, of) = v.walk.progress();
        let step = format!("{:?}", v.walk.step()).to_lowercase();
        // Every line fits its width (a line too long would be cut at the frame, unmarked).
        let width = ui.driver.app.walk_width();
        for line in v.body(width) {
            let text = line.text();
            assert!(
                unicode_width::UnicodeWidthStr::width(text.as_str()) <= width,
                "wider than {width}: {text:?}"
            );
        }
        let s = ui.screen();
        assert!(
            s.contains(&format!("{step_word} {at} {of_word} {of}")),
            "{s}"
        );
        assert!(s.contains(&format!("{title} {name}")), "{s}");
        assert!(!s.contains('…'), "cut where there was room:\n{s}");
        insta::assert_snapshot!(format!("walk_{tag}_{at}_{step}"), s);
        screens.push(s);
        if at == of {
            break;
        }
        ui.key(KeyCode::Enter);
    }
    screens
}

#[test]
fn the_walk_of_the_abusive_client_every_step_80x24() {
    let mut ui = demo_ui(80, 24);
    let s = walk_every_step(&mut ui, "Brandt Vastgoed", "brandt_80x24");
    assert_eq!(s.len(), 6, "dealbreakers to the exit plan");
    assert!(
        s[0].contains("Abusive or unprofessional treatment"),
        "{}",
        s[0]
    );
    assert!(
        s[0].contains("yes data"),
        "pre-answered from the data: {}",
        s[0]
    );
    assert!(
        s[0].contains("2026-05-29 abuse: Shouted at Priya"),
        "{}",
        s[0]
    );
    assert!(s[2].contains("Share of revenue"), "C1's numbers: {}", s[2]);
    assert!(
        s[3].contains("MRR that reaches it") && s[3].contains("+493%"),
        "{}",
        s[3]
    );
    assert!(
        s[4].contains("‹ end now ›") && s[4].contains("D1  dealbreaker"),
        "{}",
        s[4]
    );
    assert!(
        s[5].contains("Ends on") && s[5].contains("2026-07-30"),
        "{}",
        s[5]
    );
}

#[test]
fn the_walk_in_dutch_every_step_80x24() {
    use rapport::words::{Lang, with_language};
    with_language(Lang::Nl, || {
        let mut ui = demo_ui(80, 24);
        let s = walk_every_step_saying(
            &mut ui,
            "Brandt Vastgoed",
            "nl_brandt_80x24",
            ("Stap", "van"),
            "Houden of stoppen?",
        );
        assert_eq!(s.len(), 6, "dealbreakers to the exit plan");
        assert!(
            s[0].contains("Beledigende of onprofessionele behandeling"),
            "{}",
            s[0]
        );
        assert!(s[0].contains("ja data"), "pre-answered: {}", s[0]);
        assert!(
            s[0].contains("2026-05-29 intimidatie: Shouted at Priya"),
            "the note as typed: {}",
            s[0]
        );
        assert!(s[2].contains("Aandeel in de omzet"), "{}", s[2]);
        assert!(s[3].contains("MRR die het haalt"), "{}", s[3]);
        assert!(
            s[4].contains("‹ nu beëindigen ›") && s[4].contains("D1  dealbreaker: beledigende"),
            "{}",
            s[4]
        );
        assert!(
            s[5].contains("Eindigt op") && s[5].contains("2026-07-30"),
            "{}",
            s[5]
        );
        for screen in &s {
            for english in ["Step ", "Fire or keep", "proposes", "Enter goes on", "Why,"] {
                assert!(!screen.contains(english), "{english:?} in:\n{screen}");
            }
        }
        let p = walk_every_step_saying(
            &mut demo_ui(80, 24),
            "Dierenkliniek Oost",
            "nl_prospect_80x24",
            ("Stap", "van"),
            "Houden of stoppen?",
        );
        assert!(
            p[3].contains("T aannemen  C aannemen onder voorwaarden  D afwijzen"),
            "{}",
            p[3]
        );
    });
}

#[test]
fn the_walk_of_the_abusive_client_every_step_120x40() {
    let mut ui = demo_ui(120, 40);
    let s = walk_every_step(&mut ui, "Brandt Vastgoed", "brandt_120x40");
    assert!(s[3].contains("€3,706.81 at €65.00 an hour"), "{}", s[3]);
    assert!(s[5].contains("H3  deliver it in person"), "{}", s[5]);
}

#[test]
fn the_walk_of_a_prospect_every_step_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut ui = demo_ui(w, h);
        let s = walk_every_step(&mut ui, "Dierenkliniek Oost", &format!("prospect_{w}x{h}"));
        assert_eq!(s.len(), 4, "fit, red flags, expectations, outcome");
        assert!(
            s[3].contains("T take on  C take on with conditions  D decline"),
            "{}",
            s[3]
        );
    }
}

#[test]
fn the_walk_scrolls_to_the_selected_question_and_says_what_is_below() {
    let mut ui = demo_ui(80, 24);
    let id = ui
        .driver
        .store
        .client_by_name("Brandt Vastgoed")
        .unwrap()
        .id;
    ui.driver.open_walk(id);
    let s = ui.screen();
    assert!(s.contains("more lines (PgDn)"), "{s}");
    assert!(!s.contains("D5  Recurring late payments"), "{s}");
    ui.keys("jjjj");
    let s = ui.screen();
    assert!(s.contains("› D5  Recurring late payments"), "{s}");
    ui.key(KeyCode::PageUp).key(KeyCode::Home);
    ui.keys("kkkk").key(KeyCode::PageDown);
    let s = ui.screen();
    assert!(s.contains("more above"), "PgDn scrolled: {s}");
    // The help lists the walk's keys while it is open.
    ui.keys("?");
    let s = ui.screen();
    assert!(
        s.contains("Keys: Fire or keep?") && s.contains("K W R S N E"),
        "{s}"
    );
    insta::assert_snapshot!("walk_help_80x24", s);
    ui.keys("x");
    assert_eq!(ui.driver.app.overlay, Overlay::Walk);
    // Leaving with an answer given asks about a draft.
    ui.keys("y").key(KeyCode::Esc);
    let s = ui.screen();
    assert!(s.contains("Keep a draft?"), "{s}");
    insta::assert_snapshot!("walk_keep_a_draft_80x24", s);
}

#[test]
fn a_long_outcome_leaves_the_step_title_whole_and_the_conditions_are_listed() {
    let mut ui = demo_ui(80, 24);
    let id = ui.driver.store.client_by_name("Kapsalon Belle").unwrap().id;
    ui.driver.open_walk(id);
    ui.key(KeyCode::Enter).key(KeyCode::Enter);
    ui.keys("njjn");
    // The profile says no (too small); take them on with conditions all the same.
    ui.keys("C");
    let s = ui.screen();
    assert!(s.contains("TAKE ON WITH CONDITIONS"), "{s}");
    ui.key(KeyCode::Backspace).key(KeyCode::Backspace);
    let s = ui.screen();
    assert!(
        s.contains("Step 1 of 4 · Fit with your ideal client (P1)") && !s.contains('…'),
        "{s}"
    );
    ui.key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    let s = ui.screen();
    assert!(
        s.contains("Conditions            sign the managed service agreement")
            && s.contains("pay managed services before the month starts")
            && s.contains("over the proposal, decline"),
        "{s}"
    );
    insta::assert_snapshot!("walk_prospect_with_conditions_80x24", s);
    // Leaving keeps a draft; opening again offers it.
    ui.key(KeyCode::Esc).keys("y");
    assert!(ui.driver.app.walk.is_none());
    ui.driver.open_walk(id);
    let s = ui.screen();
    assert!(
        s.contains("Continue the draft?") && s.contains("Esc"),
        "{s}"
    );
    insta::assert_snapshot!("walk_continue_the_draft_80x24", s);
}

#[path = "screens/decisions.rs"]
mod decisions;
#[path = "screens/scripts.rs"]
mod scripts;

#[path = "screens/offboard.rs"]
mod offboard;

#[path = "screens/import_view.rs"]
mod import_view;
