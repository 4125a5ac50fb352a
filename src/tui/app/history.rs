//! A client's history: every event, newest first, with its id, to pick one and edit it, void
//! it with a reason, or restore a voided one (`h` on a client). Voided events stay listed,
//! struck through.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::cursor::{Cursor, Move};
use super::{App, Overlay};
use crate::domain::identity::sort_key;
use crate::domain::record::{EventRef, StoredEvent};
use crate::domain::{ClientId, TimelineEvent};
use crate::tui::action::Effect;
use crate::tui::forms;
use crate::tui::keymap;
use crate::tui::text::event_summary;
use crate::tui::widgets::form::FormKey;

/// The history on screen: whose, every event, which is selected, and a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub client: ClientId,
    pub name: String,
    /// Every event of the client, newest first.
    pub events: Vec<TimelineEvent>,
    /// Indices into `events` that the filter lets through.
    pub view: Vec<usize>,
    pub cursor: Cursor,
    pub filter: String,
    pub filtering: bool,
}

impl History {
    pub fn new(client: ClientId, name: &str, events: Vec<TimelineEvent>) -> Self {
        let mut h = Self {
            client,
            name: name.to_string(),
            view: Vec::new(),
            events,
            cursor: Cursor::default(),
            filter: String::new(),
            filtering: false,
        };
        h.rebuild(None);
        h
    }

    /// The selected event.
    pub fn selected(&self) -> Option<&TimelineEvent> {
        self.view
            .get(self.cursor.selected)
            .and_then(|&i| self.events.get(i))
    }

    /// Filters again, keeping the selected line (the same event and kind of line) if shown.
    fn rebuild(&mut self, keep: Option<(EventRef, &'static str)>) {
        let needle = sort_key(&self.filter);
        self.view = (0..self.events.len())
            .filter(|&i| {
                let (what, text) = event_summary(&self.events[i].what, "");
                needle.is_empty()
                    || sort_key(&format!("{} {what} {text}", self.events[i].id)).contains(&needle)
            })
            .collect();
        let pos = keep
            .and_then(|(id, what)| {
                self.view.iter().position(|&i| {
                    self.events[i].id == id && event_summary(&self.events[i].what, "").0 == what
                })
            })
            .unwrap_or(self.cursor.selected);
        self.cursor.move_to(pos, self.view.len(), usize::MAX);
    }

    /// The selected line: its event and which of the event's lines (an invoice is issued,
    /// then paid).
    fn selected_key(&self) -> Option<(EventRef, &'static str)> {
        self.selected()
            .map(|e| (e.id, event_summary(&e.what, "").0))
    }
}

impl App {
    /// Opens (or reads again) the history of a client, keeping the selection.
    pub fn set_history(&mut self, client: ClientId, name: &str, events: Vec<TimelineEvent>) {
        match &mut self.history {
            Some(h) if h.client == client => {
                let keep = h.selected_key();
                h.events = events;
                h.name = name.to_string();
                h.rebuild(keep);
            }
            _ => self.history = Some(History::new(client, name, events)),
        }
        if matches!(self.overlay, Overlay::None) {
            self.overlay = Overlay::History;
        }
    }

    /// Opens the form that edits an event, over the history.
    pub fn open_event_form(&mut self, seen: StoredEvent, terms_days: u32) {
        if seen.voided.is_some() {
            self.info(crate::t!("history.voided_edit", id = seen.record.id()));
            self.overlay = Overlay::History;
            return;
        }
        self.overlay = Overlay::EventForm {
            form: forms::event_form(&seen),
            seen: Box::new(seen),
            terms_days,
        };
    }

    /// The event changed in another window while its edit form was open: the form takes
    /// the saved values for every field this user did not change, keeps the user's where
    /// they did, and saves over the saved values from now on.
    pub fn rebase_event(&mut self, current: StoredEvent) {
        let Overlay::EventForm { form, seen, .. } = &mut self.overlay else {
            return;
        };
        if seen.record.id() != current.record.id() {
            return;
        }
        if current.voided.is_some() {
            form.message = Some(crate::t!(
                "history.voided_elsewhere",
                id = current.record.id()
            ));
            return;
        }
        let (old, new) = (forms::event_form(seen), forms::event_form(&current));
        let mut kept = Vec::new();
        for field in &old.fields {
            let key = field.key;
            if form.value(key) == old.value(key) {
                form.set_value(key, new.value(key));
            } else if old.value(key) != new.value(key) {
                kept.push(field.label);
            }
        }
        form.message = Some(if kept.is_empty() {
            crate::t!("history.took_saved").to_string()
        } else {
            crate::t!("history.took_saved_kept", fields = kept.join(", "))
        });
        **seen = current;
    }

    /// Opens the form that asks why an event is voided, over the history.
    pub fn open_void_form(&mut self, seen: StoredEvent) {
        if seen.voided.is_some() {
            self.info(crate::t!("history.voided_already", id = seen.record.id()));
            self.overlay = Overlay::History;
            return;
        }
        self.overlay = Overlay::VoidForm {
            form: forms::void_form(&seen),
            seen: Box::new(seen),
        };
    }

    /// Keys in the history list.
    pub(super) fn history_key(&mut self, k: KeyEvent) -> Option<Effect> {
        self.overlay = Overlay::History;
        let Some(h) = &mut self.history else {
            self.overlay = Overlay::None;
            return None;
        };
        if h.filtering {
            match k.code {
                KeyCode::Enter => h.filtering = false,
                KeyCode::Esc => {
                    h.filtering = false;
                    h.filter.clear();
                    let keep = h.selected_key();
                    h.rebuild(keep);
                }
                _ => {
                    match keymap::form_key(&k) {
                        Some(FormKey::Char(c)) => h.filter.push(c),
                        Some(FormKey::Backspace) => {
                            h.filter.pop();
                        }
                        Some(FormKey::ClearField) => h.filter.clear(),
                        _ => return None,
                    }
                    let keep = h.selected_key();
                    h.rebuild(keep);
                }
            }
            return None;
        }
        if k.modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return None;
        }
        let page = usize::from(self.viewport.height.saturating_sub(8)).max(1);
        let len = h.view.len();
        let step = |h: &mut History, m: Move| h.cursor.step(m, len, page);
        match k.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('h') => {
                self.overlay = Overlay::None;
                self.history = None;
                None
            }
            KeyCode::Char('j') | KeyCode::Down => {
                step(h, Move::Down);
                None
            }
            KeyCode::Char('k') | KeyCode::Up => {
                step(h, Move::Up);
                None
            }
            KeyCode::PageDown => {
                step(h, Move::PageDown);
                None
            }
            KeyCode::PageUp => {
                step(h, Move::PageUp);
                None
            }
            KeyCode::Home | KeyCode::Char('g') => {
                step(h, Move::Top);
                None
            }
            KeyCode::End | KeyCode::Char('G') => {
                step(h, Move::Bottom);
                None
            }
            KeyCode::Char('/') => {
                h.filtering = true;
                None
            }
            KeyCode::Char('u') => {
                if self.damaged.is_some() {
                    self.refuse_damaged();
                    return None;
                }
                match self.undo.pop() {
                    Some(entry) => Some(Effect::Undo(entry)),
                    None => {
                        self.info(crate::t!("app.nothing_to_undo"));
                        None
                    }
                }
            }
            KeyCode::Char('e') | KeyCode::Enter | KeyCode::Char('x') | KeyCode::Char('r') => {
                let Some(e) = h.selected() else {
                    self.info(crate::t!("history.none_selected"));
                    return None;
                };
                let id = e.id;
                if self.damaged.is_some() {
                    self.refuse_damaged();
                    return None;
                }
                Some(match k.code {
                    KeyCode::Char('x') => Effect::OpenEvent { id, void: true },
                    KeyCode::Char('r') => Effect::UnvoidEvent(id),
                    _ => Effect::OpenEvent { id, void: false },
                })
            }
            _ => None,
        }
    }
}
