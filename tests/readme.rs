//! The README's capture and examples, made from the demo at a fixed date, so that they show
//! exactly what the app prints and cannot drift from it.
//!
//! A generated block in README.md sits between two comments around a fenced code block:
//!
//! ```text
//! <!-- demo: scorecard | lines 1-3, 24-29 -->
//! ```
//! …what `rapport scorecard` prints on the demo database…
//! ```
//! <!-- /demo -->
//! ```
//!
//! After `demo:` come rapport's arguments (double quotes keep words together; the test adds
//! the demo database and today, 2026-06-30, as the README says), or `tui WIDTHxHEIGHT` and
//! optionally `keys=…` (letters typed in the terminal UI, on a test backend). `| lines A-B,
//! C-D` shows only those lines (counted from 1), with a `…` line where lines are left out.
//! The test fails when a block differs from what the app prints now; with `UPDATE_README=1`
//! it rewrites the blocks instead (then review the diff).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use rapport::clock::Clock;
use rapport::commands::{Context, ui};
use rapport::config::Config;
use rapport::store::Store;
use rapport::tui::app::App;
use rapport::tui::{Driver, screens};

/// The date the README's demo is built on and looked at.
const TODAY: &str = "2026-06-30";
const OPEN: &str = "<!-- demo:";
const CLOSE: &str = "<!-- /demo -->";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date")
}

fn readme_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// `rapport` with a config of its own (none), today pinned and the demo database.
fn rapport(db: &Path, args: &[String]) -> String {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .env_remove("NO_COLOR")
        .env("LC_ALL", "C")
        .env("RAPPORT_CONFIG", "/dev/null")
        .env("RAPPORT_TODAY", TODAY)
        .env("RAPPORT_DB", db)
        .args(args)
        .output()
        .expect("run rapport");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        out.status.success(),
        "rapport {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Command-line words: split on spaces, double quotes keep a phrase together.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// The screen as plain lines: each cell's symbol once (a wide character covers the next
/// cell), without the spaces at the ends of the lines.
fn plain(buf: &Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buf.area;
    let mut lines = Vec::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(area.x + x, area.y + y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n") + "\n"
}

/// The terminal UI on the demo database, `keys` typed, drawn on a test backend: the same
/// settings the binary takes (the demo's labour cost where the config sets none).
fn tui(db: &Path, spec: &str) -> String {
    let mut parts = spec.split_whitespace();
    let size = parts.next().expect("tui WIDTHxHEIGHT");
    let (w, h) = size
        .split_once('x')
        .map(|(w, h)| {
            (
                w.parse::<u16>().expect("width"),
                h.parse::<u16>().expect("height"),
            )
        })
        .expect("WIDTHxHEIGHT");
    let keys = parts
        .find_map(|p| p.strip_prefix("keys="))
        .unwrap_or_default();
    let ctx = Context {
        db_path: db.to_path_buf(),
        config: Config::default(),
        clock: Clock::fixed(today()),
        config_path: None,
    };
    let store = Store::open(db).expect("the demo database");
    let (settings, look) = ui::prepare(&ctx, &store, true).expect("settings");
    // As `tui::run` does: the driver keeps what the scripts are made with.
    let scripts = settings.scripts.clone();
    let mut driver = Driver::new(store, App::new(today(), settings), &look.currency);
    driver.scripts = scripts;
    driver.app.resize(w, h);
    driver.refresh();
    for c in keys.chars() {
        driver.handle(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    term.draw(|f| screens::draw(f, &driver.app, &look))
        .expect("drawn");
    plain(term.backend().buffer())
}

/// Only the lines in `ranges` ("1-3, 24-29", from 1), with "…" for each run left out.
fn pick(text: &str, ranges: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut next = 1;
    for range in ranges.split(',') {
        let (a, b) = range.trim().split_once('-').expect("A-B");
        let (a, b): (usize, usize) = (a.parse().expect("A"), b.parse().expect("B"));
        assert!(
            a >= next && b >= a && b <= lines.len(),
            "lines {a}-{b} of {}: {text}",
            lines.len()
        );
        if a > next {
            out.push("…");
        }
        out.extend(&lines[a - 1..b]);
        next = b + 1;
    }
    if next <= lines.len() {
        out.push("…");
    }
    out.join("\n") + "\n"
}

/// What a block's comment asks for, as the app prints it now.
fn generate(db: &Path, spec: &str) -> String {
    let (what, lines) = match spec.split_once('|') {
        Some((what, lines)) => (what.trim(), lines.trim().strip_prefix("lines")),
        None => (spec.trim(), None),
    };
    let text = match what.strip_prefix("tui ") {
        Some(tui_spec) => tui(db, tui_spec),
        None => rapport(db, &words(what)),
    };
    match lines {
        Some(ranges) => pick(&text, ranges),
        None => text,
    }
}

/// One generated block of the README: where its content is, and what it asks for.
struct Block {
    spec: String,
    /// Byte range of the content between the fences.
    content: std::ops::Range<usize>,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = readme[at..].find(OPEN).map(|i| i + at) {
        let end_of_line = readme[start..]
            .find('\n')
            .map(|i| i + start)
            .expect("a line");
        let spec = readme[start + OPEN.len()..end_of_line]
            .trim()
            .strip_suffix("-->")
            .expect("the comment ends on its line")
            .trim()
            .to_string();
        let fence = end_of_line + 1;
        assert!(
            readme[fence..].starts_with("```"),
            "a fenced block follows <!-- demo: {spec} -->"
        );
        let content = readme[fence..]
            .find('\n')
            .map(|i| i + fence + 1)
            .expect("a fence line");
        let close = if readme[content..].starts_with("```\n") {
            content
        } else {
            readme[content..]
                .find("\n```\n")
                .map(|i| i + content + 1)
                .expect("the closing fence")
        };
        assert!(
            readme[close + 4..].starts_with(CLOSE),
            "{CLOSE} after the block of <!-- demo: {spec} -->"
        );
        found.push(Block {
            spec,
            content: content..close,
        });
        at = close;
    }
    found
}

#[test]
fn the_readme_shows_what_the_demo_prints() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("demo.db");
    rapport(&db, &words("demo"));
    let path = readme_path();
    let readme = fs::read_to_string(&path).expect("README.md");
    let found = blocks(&readme);
    assert!(
        found.len() >= 4,
        "the capture and the examples are generated blocks"
    );
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| !v.is_empty());
    let mut rewritten = readme.clone();
    let mut stale = Vec::new();
    // From the last block back, so the earlier ranges stay where they are.
    for block in found.iter().rev() {
        let now = generate(&db, &block.spec);
        if readme[block.content.clone()] != now {
            stale.push(format!(
                "<!-- demo: {} -->\n--- README.md\n{}--- the app now\n{now}",
                block.spec,
                &readme[block.content.clone()]
            ));
            rewritten.replace_range(block.content.clone(), &now);
        }
    }
    if update {
        if rewritten != readme {
            fs::write(&path, rewritten).expect("README.md rewritten");
        }
        return;
    }
    assert!(
        stale.is_empty(),
        "README.md differs from what the app prints (UPDATE_README=1 cargo test --test readme \
         rewrites it):\n\n{}",
        stale.join("\n")
    );
}

#[test]
fn picked_lines_say_where_lines_are_left_out() {
    let text = "a\nb\nc\nd\ne\n";
    assert_eq!(pick(text, "1-2, 4-4"), "a\nb\n…\nd\n…\n");
    assert_eq!(pick(text, "2-5"), "…\nb\nc\nd\ne\n");
    assert_eq!(
        words(r#"whatif --drop "Café De Hoek" --drop X"#),
        ["whatif", "--drop", "Café De Hoek", "--drop", "X"]
    );
}
