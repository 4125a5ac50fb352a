//! The terminal UI. This file is the driver: it owns the store and the terminal, feeds key
//! presses to the pure [`app::App`], runs the [`action::Effect`]s it returns against the
//! store, and redraws only when something changed.

pub mod action;
pub mod app;
pub mod forms;
pub mod keymap;
pub mod layout;
pub mod screens;
pub mod signals;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;

use std::collections::VecDeque;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{self, Event, KeyEventKind};

use self::action::Effect;
use self::app::{App, Settings};
use self::forms::LogChoices;
use self::screens::Look;
use self::theme::Theme;
use crate::commands::Context;
use crate::domain::pareto::measures;
use crate::domain::score::{PortfolioFacts, evaluate};
use crate::domain::{ClientId, ClientStatus, LogEntry};
use crate::store::{Store, StoreError};

/// How many events the detail pane reads for the selected client.
const TIMELINE_LEN: usize = 40;

/// Runs the UI until the user quits. A termination signal ends the process from
/// [`signals`] instead, with the terminal restored and `scratch` (the demo's folder) removed.
pub fn run(ctx: &Context, no_color: bool, scratch: Option<&Path>) -> Result<()> {
    // Open the database before taking over the terminal, so its errors print plainly.
    let store = ctx.open_store()?;
    let look = look(ctx, no_color);
    let app = App::new(
        ctx.clock.today(),
        Settings {
            rules: ctx.config.rules(),
            pareto: ctx.config.pareto.clone(),
            staff: ctx.config.company.staff.clone(),
        },
    );
    let mut driver = Driver::new(store, app, &look.currency);
    driver.refresh();
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
        // Block until something happens, then take everything already queued before drawing.
        // Reading is outside `busy`: a signal must not wait for a key.
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            dirty |= {
                let _busy = signals.busy();
                driver.handle(ev)
            };
            next = if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
    }
    Ok(())
}

/// The look of the UI from the config and the colour switches.
pub fn look(ctx: &Context, no_color: bool) -> Look {
    Look {
        theme: Theme::new(ctx.config.display.theme, no_color),
        currency: ctx.config.display.currency_symbol.clone(),
        date_format: ctx.config.display.date_format.clone(),
    }
}

/// Runs the app's effects against the store.
pub struct Driver {
    pub store: Store,
    pub app: App,
    /// The currency symbol, for amounts in messages.
    pub currency: String,
    /// Every client's scoring evidence, kept in step with each write.
    pub facts: PortfolioFacts,
}

impl Driver {
    pub fn new(store: Store, app: App, currency: &str) -> Self {
        Self {
            store,
            app,
            currency: currency.to_string(),
            facts: PortfolioFacts::default(),
        }
    }

    /// Feeds one terminal event to the app; true when the screen needs a redraw.
    pub fn handle(&mut self, ev: Event) -> bool {
        let effect = match ev {
            // Key presses only: releases and repeats from enhanced keyboards are ignored.
            Event::Key(k) if k.kind == KeyEventKind::Press => self.app.on_key(k),
            Event::Mouse(m) => self.app.on_mouse(m),
            Event::Paste(text) => self.app.on_paste(&text),
            Event::Resize(w, h) => {
                self.app.resize(w, h);
                None
            }
            _ => return false,
        };
        self.run(effect);
        true
    }

    /// Runs an effect and any effects that follow from it.
    pub fn run(&mut self, first: Option<Effect>) {
        let mut queue: VecDeque<Effect> = first.into_iter().collect();
        while let Some(effect) = queue.pop_front() {
            if let Some(next) = self.apply(effect) {
                queue.push_back(next);
            }
        }
    }

    /// Reads everything again: the clients list, every scorecard, the selected detail.
    pub fn refresh(&mut self) {
        self.read_rows();
        match self.store.portfolio_facts() {
            Ok(facts) => {
                self.facts = facts;
                self.rescore();
            }
            Err(e) => self.app.error(format!("cannot read the evidence: {e}")),
        }
        let effect = self.app.reload_detail();
        self.run(effect);
    }

    /// After a write that touched one client: its row, its facts and its card.
    /// After a write that touched one client: its row, its facts and its card. A new
    /// entry the facts can take in place (`logged`) is applied without reading them again.
    fn refresh_client(&mut self, id: ClientId, logged: Option<&LogEntry>) {
        match self.store.client_row(id, self.app.today) {
            Ok(Some(row)) => self.app.set_row(row),
            Ok(None) => self.read_rows(),
            Err(e) => self.app.error(format!("cannot read the client: {e}")),
        }
        let applied = logged.is_some_and(|entry| self.facts.apply(id, entry));
        if !applied {
            match self.store.client_facts(id) {
                Ok(Some(f)) => self.facts.replace(f),
                Ok(None) => {}
                Err(e) => self.app.error(format!("cannot read the evidence: {e}")),
            }
        }
        let active = self
            .facts
            .client(id)
            .filter(|f| f.status != ClientStatus::Former);
        match active {
            Some(f) => {
                let card = evaluate(
                    f,
                    &self.facts,
                    self.app.scores.as_of,
                    &self.app.scores.rules_now(),
                );
                self.app.set_card(card);
                self.remeasure();
            }
            None => self.rescore(),
        }
        let effect = self.app.reload_detail();
        self.run(effect);
    }

    fn read_rows(&mut self) {
        match self.store.client_rows(self.app.today) {
            Ok(rows) => self.app.set_rows(rows),
            Err(e) => self.app.error(format!("cannot read clients: {e}")),
        }
    }

    /// Measures every active client for the Pareto view (cheap: the facts are in memory).
    fn remeasure(&mut self) {
        let ms = measures(&self.facts, self.app.scores.as_of, &self.app.pareto.rules);
        self.app.set_measures(ms);
    }

    /// Scores every current client from the facts in memory, and measures them for the
    /// Pareto view.
    fn rescore(&mut self) {
        self.remeasure();
        let rules = self.app.scores.rules_now();
        let as_of = self.app.scores.as_of;
        let cards = self
            .facts
            .clients
            .iter()
            .filter(|f| f.status != ClientStatus::Former)
            .map(|f| evaluate(f, &self.facts, as_of, &rules))
            .collect();
        self.app.set_cards(cards);
    }

    fn client_name(&self, id: crate::domain::ClientId) -> String {
        self.app
            .clients
            .rows
            .iter()
            .find(|r| r.client.id == id)
            .map_or_else(
                || format!("client #{}", id.0),
                |r| r.client.fields.name.clone(),
            )
    }

    fn apply(&mut self, effect: Effect) -> Option<Effect> {
        match effect {
            Effect::LoadDetail(id) => {
                match self.store.timeline(id, self.app.today, TIMELINE_LEN) {
                    Ok(events) => self.app.set_detail(id, events),
                    Err(e) => self.app.error(format!("cannot read the timeline: {e}")),
                }
                None
            }
            Effect::SaveClient { id, fields } => {
                let result = match id {
                    None => self.store.add_client(&fields),
                    Some(id) => self.store.update_client(id, &fields).map(|()| id),
                };
                match result {
                    Ok(saved) => {
                        self.app.close_overlay();
                        let verb = if id.is_some() { "Saved" } else { "Added" };
                        self.app.success(format!("{verb} '{}'", fields.name));
                        self.refresh_client(saved, None);
                        self.app.select_id(saved)
                    }
                    Err(e) => {
                        self.rejected(e);
                        None
                    }
                }
            }
            Effect::Archive { id, name } => {
                match self.store.archive_client(id) {
                    Ok(()) => {
                        self.app.success(format!(
                            "Archived '{name}': status former, its evidence is kept (e edits it back)"
                        ));
                        self.refresh_client(id, None);
                    }
                    Err(e) => self.app.error(format!("could not archive '{name}': {e}")),
                }
                None
            }
            Effect::OpenLog { client, kind } => {
                let name = self.client_name(client);
                match self.log_choices(client) {
                    Ok(choices) => self.app.open_log_form(client, kind, &name, choices),
                    Err(e) => self.app.error(format!("cannot prepare the log: {e}")),
                }
                None
            }
            Effect::Log {
                client,
                entry,
                label,
            } => {
                let name = self.client_name(client);
                match self.store.log(client, &entry) {
                    Ok(undo) => {
                        self.app.close_overlay();
                        self.app
                            .undo
                            .push((undo, format!("{label} for '{name}'"), client));
                        self.app
                            .success(format!("Logged {label} for '{name}' (u undoes it)"));
                        self.refresh_client(client, Some(&entry));
                    }
                    Err(e) => self.rejected(e),
                }
                None
            }
            Effect::Undo {
                undo,
                label,
                client,
            } => {
                match self.store.undo(&undo) {
                    Ok(()) => {
                        self.app.success(format!("Undone: {label}"));
                        self.refresh_client(client, None);
                    }
                    Err(e) => self.app.error(format!("could not undo {label}: {e}")),
                }
                None
            }
            Effect::Rescore => {
                self.rescore();
                None
            }
            Effect::LoadVotes(year) => {
                match self.store.votes(year) {
                    Ok(votes) => self.app.gut.set(year, votes),
                    Err(e) => self
                        .app
                        .error(format!("cannot read the gut check of {year}: {e}")),
                }
                None
            }
            Effect::SaveVotes {
                year,
                staff,
                clients,
            } => {
                match self.store.set_votes(year, &staff, &clients) {
                    Ok(()) => {
                        self.app.close_overlay();
                        self.app.success(if clients.is_empty() {
                            format!("Cleared {staff}'s gut check of {year}")
                        } else {
                            format!("Saved {staff}'s {} worst of {year}", clients.len())
                        });
                        // Staff votes can move every client's score: score them all again.
                        self.refresh();
                        return Some(Effect::LoadVotes(year));
                    }
                    Err(e) => self.rejected(e),
                }
                None
            }
        }
    }

    fn rejected(&mut self, e: StoreError) {
        match e {
            StoreError::Invalid(v) => self.app.rejected(&v),
            other => self.app.error(format!("not saved: {other}")),
        }
    }

    fn log_choices(&self, client: crate::domain::ClientId) -> Result<LogChoices, StoreError> {
        let c = self.store.client(client)?;
        Ok(LogChoices {
            tickets: self.store.tickets(client, 30)?,
            unpaid: self.store.unpaid_invoices(client)?,
            open_recommendations: self.store.open_recommendations(client)?,
            mrr: c.fields.mrr,
            terms_days: c.fields.payment_terms_days,
            currency: self.currency.clone(),
        })
    }
}
