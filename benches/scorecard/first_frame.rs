//! The TUI's first frame on the portfolio: from an open database to the clients screen drawn
//! (on ratatui's TestBackend, 120x40).
//!
//! - `first_frame/before`: everything read and scored before the first frame (`refresh`),
//!   as the TUI did before it drew the list first.
//! - `first_frame/now`: what the TUI does now (`Driver::start`): the clients list read and
//!   drawn; the scores are computed on a thread of their own, which each iteration waits for
//!   outside the timing, so that no iteration shares the processor with the one before.
//! - `first_frame/scored`: from the open database to the frame with every score in it,
//!   the background load included.
//!
//! Before timing, [`check`] makes sure the first frame lists the clients and says the
//! scores are coming, and that once they came the screen is the one `before` draws.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode};
use rapport::domain::score::Rules;
use rapport::store::Store;
use rapport::tui::screens::{self, Look};
use rapport::tui::theme::Theme;
use rapport::tui::{App, Driver, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn look() -> Look {
    Look {
        theme: Theme::new(rapport::config::Theme::Dark, false),
        currency: "€".into(),
        date_format: "%Y-%m-%d".into(),
    }
}

/// A driver on a newly opened store, sized as the terminal, nothing read yet.
fn driver(db: &Path, rules: &Rules) -> Driver {
    let store = Store::open_existing(db).unwrap();
    let settings = Settings {
        rules: rules.clone(),
        pareto: Default::default(),
        staff: Vec::new(),
        note: None,
        decision_rules: Default::default(),
        scripts: Default::default(),
        offboard_items: Default::default(),
    };
    let mut d = Driver::new(store, App::new(super::as_of(), settings), "€");
    d.app.resize(WIDTH, HEIGHT);
    d
}

/// One frame of the app, as text.
fn frame(d: &Driver, look: &Look) -> String {
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    term.draw(|f| screens::draw(f, &d.app, look)).unwrap();
    term.backend().to_string()
}

pub fn bench(c: &mut Criterion, db: &Path, rules: &Rules) {
    let look = look();
    let mut g = c.benchmark_group("first_frame");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    g.bench_function("before", |b| {
        b.iter(|| {
            let mut d = driver(db, rules);
            d.refresh();
            black_box(frame(&d, &look))
        })
    });
    g.bench_function("now", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut d = driver(db, rules);
                d.start();
                black_box(frame(&d, &look));
                spent += start.elapsed();
                d.wait_for_scores();
            }
            spent
        })
    });
    g.bench_function("scored", |b| {
        b.iter(|| {
            let mut d = driver(db, rules);
            d.start();
            black_box(frame(&d, &look));
            d.wait_for_scores();
            black_box(frame(&d, &look))
        })
    });
    g.finish();
}

/// The first frame lists the clients and says the scores are coming; once they came, the
/// screen is the one the TUI drew before it drew the list first.
pub fn check(db: &Path, rules: &Rules) {
    let look = look();
    let mut before = driver(db, rules);
    before.refresh();
    let mut now = driver(db, rules);
    now.start();
    let first = frame(&now, &look);
    assert!(first.contains("scoring…"), "{first}");
    let name = &before.app.clients.rows[0].client.fields.name;
    assert!(first.contains(name.as_str()), "{first}");
    assert!(now.wait_for_scores());
    assert_eq!(frame(&now, &look), frame(&before, &look));
    assert_eq!(now.facts, before.facts);
}
