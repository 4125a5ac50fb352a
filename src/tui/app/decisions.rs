//! The Decisions screen's state: the decision log (newest first), what is coming up
//! (soonest first), which of the two the keys move in, and the count of what is due this
//! week for every screen's header. Coming up is worked out here from the log and the
//! clients already in memory (the domain's rule), when either changes: never on a redraw.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use super::cursor::{Cursor, Move};
use super::{App, Overlay};
use crate::domain::decide::decision::Decision;
use crate::domain::decide::upcoming::{HORIZON_DAYS, Latest, Upcoming, due_this_week, upcoming};
use crate::domain::{Client, ClientId};
use crate::tui::action::Effect;
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::decision;

/// The two lists of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Log,
    ComingUp,
}

#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// Every decision, newest first (as the store reads them).
    pub log: Vec<Decision>,
    /// What is coming up in the next [`HORIZON_DAYS`] days, overdue included, soonest first.
    pub coming: Vec<Upcoming>,
    /// How many of `coming` are due within a week (overdue included).
    pub due_this_week: usize,
    pub log_cursor: Cursor,
    pub coming_cursor: Cursor,
    /// The list the keys move in.
    pub pane: Pane,
    /// Whether the log has been read yet.
    pub loaded: bool,
}

impl Decisions {
    /// A new log from the store; the cursor stays on the decision it was on, if it is still
    /// there. Coming up is worked out again by the caller ([`Decisions::recount`]).
    pub fn set_log(&mut self, log: Vec<Decision>, page: usize) {
        let keep = self.log.get(self.log_cursor.selected).map(|d| d.id);
        self.log = log;
        self.loaded = true;
        let pos = keep
            .and_then(|id| self.log.iter().position(|d| d.id == id))
            .unwrap_or(self.log_cursor.selected);
        self.log_cursor.move_to(pos, self.log.len(), page);
    }

    /// Works out what is coming up from the clients and the log, as of `today`; the cursor
    /// stays on the same item (the same client and thing due) if it still is there.
    pub fn recount<'a>(
        &mut self,
        clients: impl IntoIterator<Item = &'a Client>,
        today: NaiveDate,
        page: usize,
    ) {
        let keep = self
            .coming
            .get(self.coming_cursor.selected)
            .map(|u| (u.client, u.due));
        self.coming = upcoming(clients, &Latest::of_log(&self.log), today, HORIZON_DAYS);
        self.due_this_week = due_this_week(&self.coming, today);
        let pos = keep
            .and_then(|k| self.coming.iter().position(|u| (u.client, u.due) == k))
            .unwrap_or(self.coming_cursor.selected);
        self.coming_cursor.move_to(pos, self.coming.len(), page);
    }

    /// A client's decisions, newest first.
    pub fn of_client(&self, id: ClientId) -> impl Iterator<Item = &Decision> {
        self.log.iter().filter(move |d| d.client == id)
    }

    pub fn by_id(&self, id: i64) -> Option<&Decision> {
        self.log.iter().find(|d| d.id == id)
    }

    /// The decision under the log's cursor.
    pub fn log_selected(&self) -> Option<&Decision> {
        self.log.get(self.log_cursor.selected)
    }

    /// The item under the coming-up cursor.
    pub fn coming_selected(&self) -> Option<&Upcoming> {
        self.coming.get(self.coming_cursor.selected)
    }

    /// The client of the row under the cursor of `pane`.
    pub fn client_at(&self, pane: Pane) -> Option<ClientId> {
        match pane {
            Pane::Log => self.log_selected().map(|d| d.client),
            Pane::ComingUp => self.coming_selected().map(|u| u.client),
        }
    }

    /// Moves the cursor of the focused pane; `holds` says whether it is on the app's
    /// selected client (see [`Cursor::step_from`]). Returns the client it lands on.
    pub fn step(&mut self, holds: bool, m: Move, page: usize) -> Option<ClientId> {
        match self.pane {
            Pane::Log => self.log_cursor.step_from(holds, m, self.log.len(), page),
            Pane::ComingUp => self
                .coming_cursor
                .step_from(holds, m, self.coming.len(), page),
        }
        self.client_at(self.pane)
    }

    /// Scrolls each list to the selected client, where its cursor is not on it already:
    /// the log to the client's latest decision, coming up to its soonest item.
    pub fn follow(&mut self, id: ClientId, log_page: usize, coming_page: usize) {
        if self.client_at(Pane::Log) != Some(id)
            && let Some(pos) = self.log.iter().position(|d| d.client == id)
        {
            self.log_cursor.move_to(pos, self.log.len(), log_page);
        }
        if self.client_at(Pane::ComingUp) != Some(id)
            && let Some(pos) = self.coming.iter().position(|u| u.client == id)
        {
            self.coming_cursor
                .move_to(pos, self.coming.len(), coming_page);
        }
    }

    /// Keeps both cursors inside their lists and on screen (after a resize).
    pub fn clamp(&mut self, log_page: usize, coming_page: usize) {
        self.log_cursor.clamp(self.log.len(), log_page);
        self.coming_cursor.clamp(self.coming.len(), coming_page);
    }
}

/// Said when there is no decision to open or to list.
pub fn no_decisions() -> &'static str {
    crate::t!("decisions.none_yet")
}

impl App {
    /// Where the screen's two lists are now (their sizes depend on how much each holds).
    pub fn decisions_layout(&self) -> layout::Decisions {
        let d = &self.decisions;
        layout::Decisions::of(self.viewport, d.log.len(), d.coming.len())
    }

    /// How many entries a page of the log and of Coming up holds now.
    pub fn decision_pages(&self) -> (usize, usize) {
        self.decisions_layout().pages()
    }

    /// Opens the decision under the cursor of the focused list, read-only (from Coming up:
    /// the latest decision of the item's client).
    pub(super) fn open_decision(&mut self) -> Option<Effect> {
        let d = &self.decisions;
        if d.log.is_empty() && d.pane == Pane::Log {
            self.info(no_decisions());
            return None;
        }
        let selected = self.selected;
        let found = match d.pane {
            Pane::Log => d.log_selected().filter(|x| Some(x.client) == selected),
            Pane::ComingUp => d
                .coming_selected()
                .filter(|u| Some(u.client) == selected)
                .and_then(|u| d.of_client(u.client).next()),
        };
        match (found.map(|x| x.id), selected) {
            (Some(id), _) => self.overlay = Overlay::Decision { id, scroll: 0 },
            (None, Some(id)) => {
                let name = self.clients.row(id).map_or_else(
                    || crate::t!("app.client_number", id = id.0),
                    |r| r.client.fields.name.clone(),
                );
                self.info(crate::t!("decisions.none_about", name = name));
            }
            (None, None) => self.info(crate::t!("app.none_selected")),
        }
        None
    }

    /// The lines the saved decision `id` takes in the popup now (its layout does not depend
    /// on colours, so any theme counts them).
    fn decision_rows(&self, id: i64) -> Option<usize> {
        let d = self.decisions.by_id(id)?;
        let width = layout::decision_popup_text(self.viewport).width;
        Some(decision::lines(d, &Theme::mono(), &self.currency, usize::from(width)).len())
    }

    /// Keys in the saved decision: scroll, or close (Esc, q, Enter).
    pub(super) fn decision_key(&mut self, k: KeyEvent, id: i64, scroll: usize) -> Option<Effect> {
        let Some(rows) = self.decision_rows(id) else {
            // Gone from the log (another window's restore): nothing left to show.
            return None;
        };
        if !keymap::is_plain(&k) {
            self.overlay = Overlay::Decision { id, scroll };
            return None;
        }
        let page = usize::from(layout::decision_popup_text(self.viewport).height).max(1);
        let last = rows.saturating_sub(page);
        let scroll = match k.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => return None,
            KeyCode::Char('j') | KeyCode::Down => scroll + 1,
            KeyCode::Char('k') | KeyCode::Up => scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => scroll + page,
            KeyCode::PageUp => scroll.saturating_sub(page),
            KeyCode::Home | KeyCode::Char('g') => 0,
            KeyCode::End | KeyCode::Char('G') => last,
            _ => scroll,
        };
        self.overlay = Overlay::Decision {
            id,
            scroll: scroll.min(last),
        };
        None
    }

    /// A click on the Decisions screen: a row of the log or of Coming up selects it (and
    /// its client), and the keys move in that list from then on.
    pub(super) fn click_decisions(&mut self, x: u16, y: u16) -> Option<Effect> {
        let inside = |r: Rect| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
        let at = self.decisions_layout();
        let (log_page, coming_page) = at.pages();
        let (log, coming) = (at.log_rows(), at.coming_rows());
        let d = &mut self.decisions;
        let id = if inside(log) {
            d.pane = Pane::Log;
            let row = d.log_cursor.offset + usize::from((y - log.y) / at.log_item.max(1));
            (row < d.log.len()).then(|| {
                d.log_cursor.move_to(row, d.log.len(), log_page);
                d.client_at(Pane::Log)
            })
        } else if inside(coming) {
            d.pane = Pane::ComingUp;
            let row = d.coming_cursor.offset + usize::from((y - coming.y) / at.coming_item.max(1));
            (row < d.coming.len()).then(|| {
                d.coming_cursor.move_to(row, d.coming.len(), coming_page);
                d.client_at(Pane::ComingUp)
            })
        } else {
            None
        };
        id.flatten().and_then(|id| self.select_id(id))
    }
}
