//! The screens in Dutch: the demo portfolio drawn with the language set to Dutch, every main
//! screen, the help and a client's history at 80x24 and 120x40, compared with insta
//! snapshots; and checks that what a Dutch user reads is Dutch and still lines up.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use rapport::config::Theme as ThemeName;
use rapport::store::Store;
use rapport::tui::Driver;
use rapport::tui::app::{App, Settings};
use rapport::tui::screens::{self, Look};
use rapport::tui::theme::Theme;
use rapport::words::{Lang, with_language};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

/// The demo portfolio, as `rapport --demo` shows it, in the app at `w`x`h`.
struct Ui {
    _dir: TempDir,
    driver: Driver,
    look: Look,
    size: (u16, u16),
}

impl Ui {
    fn demo(w: u16, h: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("r.db")).unwrap();
        rapport::demo::populate(&mut store, today()).unwrap();
        let rules = rapport::domain::score::Rules {
            hourly_cost_cents: 6_500,
            ..Default::default()
        };
        let settings = Settings {
            rules,
            pareto: Default::default(),
            staff: vec!["Joris Bakker".into(), "Priya Raman".into()],
            note: None,
            decision_rules: rapport::domain::decide::case::DecisionRules {
                hourly_cost: rapport::domain::Cents(6_500),
                ..Default::default()
            },
            ..Default::default()
        };
        let app = App::new(today(), settings);
        let mut driver = Driver::new(store, app, "€");
        driver.app.resize(w, h);
        driver.refresh();
        Self {
            _dir: dir,
            driver,
            look: Look {
                theme: Theme::new(ThemeName::Dark, false),
                currency: "€".into(),
                date_format: "%Y-%m-%d".into(),
            },
            size: (w, h),
        }
    }

    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    fn key(&mut self, code: KeyCode) -> &mut Self {
        self.driver
            .handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self
    }

    fn screen(&mut self) -> String {
        let (w, h) = self.size;
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let app = &self.driver.app;
        term.draw(|f| screens::draw(f, app, &self.look)).unwrap();
        term.backend().to_string()
    }
}

/// The screen reached with `keys`, drawn in Dutch.
fn dutch(w: u16, h: u16, keys: &str) -> String {
    with_language(Lang::Nl, || {
        let mut ui = Ui::demo(w, h);
        ui.keys(keys);
        ui.screen()
    })
}

/// The rows of a drawn screen, without the quotes TestBackend puts around them.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

/// Every main screen, the help and the history, at both sizes.
#[test]
fn every_screen_in_dutch() {
    let shots = [
        ("clients", "1"),
        ("scorecards", "2"),
        ("pareto", "3"),
        ("pareto_map", "3v"),
        ("gut_check", "4"),
        ("decisions", "5"),
        ("help", "1?"),
        ("history", "1h"),
    ];
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, keys) in shots {
            let s = dutch(w, h, keys);
            insta::assert_snapshot!(format!("nl_{name}_{w}x{h}"), s);
        }
    }
}

#[test]
fn the_frame_speaks_dutch() {
    for (w, h) in [(80, 24), (120, 40)] {
        let s = dutch(w, h, "1");
        let r = rows(&s);
        assert!(r[0].contains("1 Klanten"), "the tab: {}", r[0]);
        let footer = r.last().unwrap();
        for word in ["nieuw", "wijzig", "hulp", "stop"] {
            assert!(footer.contains(word), "{word} in the footer: {footer}");
        }
        assert!(s.contains("Naam▲"), "the table's title:\n{s}");
        for english in ["Clients", " add ", " quit", "Name▲", "Last seen"] {
            assert!(!s.contains(english), "{english} in Dutch:\n{s}");
        }
    }
    let wide = dutch(120, 40, "1");
    assert!(wide.contains("2 Rapporten") && wide.contains("4 Onderbuikcheck"));
    assert!(wide.contains("5 Besluiten"), "{wide}");
}

/// The footer's last entries (help, quit) are never the ones cut, in Dutch at 80 columns.
#[test]
fn the_dutch_footer_fits_at_80_columns() {
    for keys in ["1", "2", "3", "4", "5"] {
        let s = dutch(80, 24, keys);
        let footer = rows(&s).last().unwrap().clone();
        assert!(
            footer.contains("? hulp") && footer.contains("q stop"),
            "screen {keys}: {footer}"
        );
    }
}

/// The clients table in Dutch: the titles over their columns, every row's columns lined up
/// with them (the MRR right-aligned under its title).
#[test]
fn the_dutch_clients_table_lines_up() {
    for (w, h) in [(80, 24), (120, 40)] {
        let s = dutch(w, h, "1");
        let r = rows(&s);
        let header = &r[2];
        // Columns by characters (every cell here is one column wide).
        let column = |needle: &str| header[..header.find(needle).unwrap()].chars().count();
        let mrr_end = column("MRR") + 3;
        let score_at = column("Score");
        let body: Vec<&String> = r[3..].iter().take_while(|l| !l.starts_with('└')).collect();
        assert!(body.len() > 3, "{s}");
        for row in body {
            let chars: Vec<char> = row.chars().collect();
            // The MRR ends where its title ends.
            assert!(
                chars[mrr_end - 1].is_ascii_digit(),
                "MRR not under its title at {w}x{h}:\n{header}\n{row}"
            );
            // The grade sits under the score's title.
            assert!(
                chars[score_at].is_ascii_uppercase() || chars[score_at] == ' ',
                "score not under its title at {w}x{h}:\n{header}\n{row}"
            );
        }
        if w == 120 {
            for title in ["Status", "Actief op", "Einde", "Werkpl."] {
                assert!(header.contains(title), "{title} at 120 columns: {header}");
            }
        }
    }
}

/// English stays English while a Dutch test runs beside it (the language is per thread).
#[test]
fn english_is_untouched_by_a_dutch_test() {
    let english = with_language(Lang::En, || {
        let mut ui = Ui::demo(80, 24);
        ui.keys("1");
        ui.screen()
    });
    assert!(english.contains("1 Clients"), "{english}");
    assert!(english.contains("q quit"), "{english}");
}
