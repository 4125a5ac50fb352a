//! The terminal UI. This file runs the loop: it owns the terminal, feeds terminal events to
//! the [`driver::Driver`] (which runs the pure [`app::App`] against the store), looks for
//! changes made by other windows on a slow tick, and redraws only when something changed.
//! The clients list is drawn first; the scores follow when the background load brings them.

pub mod action;
pub mod app;
pub mod driver;
pub mod external;
pub mod forms;
pub mod keymap;
pub mod layout;
pub mod screens;
pub mod signals;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;

use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use crossterm::event;

pub use self::app::{App, Settings};
pub use self::driver::Driver;
pub use self::screens::Look;
pub use self::theme::Theme;
use crate::store::Store;

/// How often the loop wakes without input, to see whether another window (another rapport,
/// a script) changed the file: one cheap question to SQLite, so an idle app costs nothing.
const TICK: Duration = Duration::from_millis(500);
/// How often it wakes while the scores are computed in the background, so they show as soon
/// as they come.
const SCORING_TICK: Duration = Duration::from_millis(15);

/// Runs the terminal UI on an open store until the user quits. A termination signal ends
/// the process from [`signals`] instead, with the terminal restored and `scratch` (the
/// demo's folder) removed.
pub fn run(
    store: Store,
    today: NaiveDate,
    settings: Settings,
    look: Look,
    scratch: Option<&Path>,
) -> Result<()> {
    run_with(store, today, settings, look, scratch, None)
}

/// [`run`], opened on the fire/keep walk of `walk` when given.
pub fn run_with(
    store: Store,
    today: NaiveDate,
    settings: Settings,
    look: Look,
    scratch: Option<&Path>,
    walk: Option<crate::domain::ClientId>,
) -> Result<()> {
    let scripts = settings.scripts.clone();
    let app = App::new(today, settings);
    let mut driver = Driver::new(store, app, &look.currency);
    driver.scripts = scripts;
    // The list now, the scores in the background: the first frame waits for neither the
    // scores nor the check.
    driver.start();
    if let Some(id) = walk {
        driver.open_walk(id);
    }
    driver.start_check();
    // Watch first and take the terminal over while `busy`: a signal that arrives meanwhile
    // restores it once it is taken, never halfway.
    let signals = signals::Signals::watch(scratch.map(Path::to_path_buf))
        .context("cannot watch for termination signals")?;
    let mut guard = {
        let _busy = signals.busy();
        terminal::TerminalGuard::enter().context("cannot start the terminal UI")?
    };
    let size = guard.terminal.size()?;
    driver.app.resize(size.width, size.height);
    let mut dirty = true;
    loop {
        if dirty {
            let _busy = signals.busy();
            guard
                .terminal
                .draw(|f| screens::draw(f, &driver.app, &look))?;
            dirty = false;
        }
        if driver.app.quit {
            break;
        }
        // Waiting is outside `busy`: a signal must not wait for a key.
        let tick = if driver.scoring() || driver.importing() {
            SCORING_TICK
        } else {
            TICK
        };
        if event::poll(tick)? {
            // Take everything already queued before drawing again.
            loop {
                let ev = event::read()?;
                dirty |= {
                    let _busy = signals.busy();
                    driver.handle(ev)
                };
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            // The editor, the clipboard: what needs the terminal itself.
            if let Some(job) = driver.take_job() {
                let done = external::run(job, &mut guard.terminal);
                driver.job_done(done);
                dirty = true;
            }
        }
        let _busy = signals.busy();
        dirty |= driver.tick();
    }
    Ok(())
}
