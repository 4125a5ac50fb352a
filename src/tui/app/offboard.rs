//! The offboarding checklist in the app: every client's checklist as last read (for the
//! progress the Decisions screen and the detail pane show), and the checklist view (`o`)
//! with its cursor. Space or Enter ticks the item under the cursor, or unticks it; the
//! notice asks its day (today offered), the sign-off the contact's name. The ticks are
//! effects: the driver writes them, one item per write, and reads the checklists again.

use std::collections::HashMap;

use crossterm::event::KeyEvent;

use super::{App, Overlay};
use crate::domain::ClientId;
use crate::domain::date::{iso, parse_date};
use crate::domain::offboard::{Asks, Checklist, Entry, Items, Progress, Started, Tick};
use crate::tui::action::{Effect, OffboardAction};
use crate::tui::keymap;
use crate::tui::widgets::form::{Field, Form};

/// Every checklist by client, as last read, and the configured items they show.
#[derive(Debug, Clone, Default)]
pub struct Offboarding {
    pub items: Items,
    pub lists: HashMap<ClientId, Checklist>,
}

impl Offboarding {
    pub fn new(items: Items) -> Self {
        Self {
            items,
            lists: HashMap::new(),
        }
    }

    pub fn progress(&self, client: ClientId) -> Option<Progress> {
        self.lists.get(&client).map(Checklist::progress)
    }

    /// The progress of the checklist decision `id` started, for its row in the log.
    pub fn progress_of_decision(&self, client: ClientId, id: i64) -> Option<Progress> {
        self.lists
            .get(&client)
            .filter(|l| l.decision == Some(id))
            .map(Checklist::progress)
    }
}

/// The checklist view: whose, and the item under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffboardView {
    pub client: ClientId,
    pub name: String,
    pub cursor: usize,
}

impl App {
    /// Every checklist anew (at start, after a tick, after another window wrote).
    pub fn set_offboardings(&mut self, all: Vec<Started>) {
        let items = &self.offboarding.items;
        self.offboarding.lists = all
            .iter()
            .map(|s| (s.client, Checklist::of(s, items)))
            .collect();
        if let Some(v) = &mut self.offboard {
            let len = self
                .offboarding
                .lists
                .get(&v.client)
                .map_or(0, |l| l.rows.len());
            v.cursor = v.cursor.min(len.saturating_sub(1));
        }
    }

    /// The open view's checklist.
    pub fn offboard_list(&self) -> Option<(&OffboardView, &Checklist)> {
        let v = self.offboard.as_ref()?;
        Some((v, self.offboarding.lists.get(&v.client)?))
    }

    /// `o`: the selected client's checklist, if it has one.
    pub(super) fn open_offboard(&mut self) -> Option<Effect> {
        let Some(row) = self.current_row() else {
            self.info(crate::t!("offboard.tui.none"));
            return None;
        };
        let (id, name) = (row.client.id, row.client.fields.name.clone());
        let Some(list) = self.offboarding.lists.get(&id) else {
            self.info(crate::t!("offboard.tui.no_checklist", name = name));
            return None;
        };
        // The cursor starts on the next item to do.
        let cursor = list
            .next()
            .and_then(|e| list.rows.iter().position(|(r, _)| r == e))
            .unwrap_or(0);
        self.status = None;
        self.offboard = Some(OffboardView {
            client: id,
            name,
            cursor,
        });
        self.overlay = Overlay::Offboard;
        None
    }

    /// A key in the checklist view.
    pub(super) fn offboard_key(&mut self, k: KeyEvent) -> Option<Effect> {
        self.overlay = Overlay::Offboard;
        let action = keymap::offboard_action(&k)?;
        let (len, page) = match self.offboard_list() {
            Some((_, list)) => (
                list.rows.len(),
                usize::from(self.viewport.height / 2).max(1),
            ),
            None => {
                self.close_offboard();
                return None;
            }
        };
        let v = self.offboard.as_mut()?;
        let last = len.saturating_sub(1);
        match action {
            OffboardAction::Up => v.cursor = v.cursor.saturating_sub(1),
            OffboardAction::Down => v.cursor = (v.cursor + 1).min(last),
            OffboardAction::PageUp => v.cursor = v.cursor.saturating_sub(page),
            OffboardAction::PageDown => v.cursor = (v.cursor + page).min(last),
            OffboardAction::Top => v.cursor = 0,
            OffboardAction::Bottom => v.cursor = last,
            OffboardAction::Toggle => return self.toggle_item(),
            OffboardAction::Undo => return self.act(crate::tui::action::Action::Undo),
            OffboardAction::Close => self.close_offboard(),
        }
        None
    }

    fn close_offboard(&mut self) {
        self.offboard = None;
        self.overlay = Overlay::None;
    }

    /// Ticks the item under the cursor (asking first what it needs), or unticks it.
    fn toggle_item(&mut self) -> Option<Effect> {
        let (v, list) = self.offboard_list()?;
        let (entry, tick) = list.rows.get(v.cursor)?.clone();
        let (client, name) = (v.client, v.name.clone());
        if tick.is_some() {
            return Some(Effect::Tick {
                client,
                key: entry.key().to_string(),
                label: entry.label().to_string(),
                tick: None,
            });
        }
        match entry.asks() {
            Asks::Nothing => Some(Effect::Tick {
                client,
                key: entry.key().to_string(),
                label: entry.label().to_string(),
                tick: Some(Tick {
                    done_on: self.today,
                    by: None,
                }),
            }),
            asks => {
                self.overlay = Overlay::OffboardForm {
                    form: tick_form(asks, &name, &iso(self.today)),
                    entry: Box::new(entry),
                };
                None
            }
        }
    }

    /// A key in the form that asks the notice's day or the sign-off's name.
    pub(super) fn offboard_form_key(
        &mut self,
        k: KeyEvent,
        form: Form,
        entry: Box<Entry>,
    ) -> Option<Effect> {
        let client = self.offboard.as_ref().map(|v| v.client)?;
        let today = self.today;
        let keep = entry.clone();
        let effect = self.form_key(
            k,
            form,
            |form| Overlay::OffboardForm { form, entry: keep },
            |form| {
                let date = crate::t!("offboard.field.date");
                let done_on = parse_date(date, form.value(date))?;
                let by = match entry.asks() {
                    Asks::Name => form.value(crate::t!("offboard.field.name")),
                    _ => form.value(crate::t!("offboard.field.by")),
                };
                let tick = Tick::new(&entry, done_on, Some(by), today)?;
                Ok(Effect::Tick {
                    client,
                    key: entry.key().to_string(),
                    label: entry.label().to_string(),
                    tick: Some(tick),
                })
            },
            crate::t!("offboard.tui.cancelled"),
        );
        // Cancelled: back to the checklist.
        if self.overlay == Overlay::None {
            self.overlay = Overlay::Offboard;
        }
        effect
    }

    /// A tick was written: the form closes, back to the checklist.
    pub fn ticked(&mut self, text: String) {
        if self.offboard.is_some() {
            self.overlay = Overlay::Offboard;
        }
        self.success(text);
    }
}

/// The form for the notice (its day, a note) or the sign-off (the contact, the day).
fn tick_form(asks: Asks, name: &str, today: &str) -> Form {
    let label = match asks {
        Asks::Name => crate::t!("offboard.tui.field_done"),
        _ => crate::t!("offboard.tui.field_date"),
    };
    let date = Field::text(crate::t!("offboard.field.date"), label, today)
        .with_hint(crate::t!("offboard.tui.hint_date"));
    match asks {
        Asks::Name => Form::new(
            crate::t!("offboard.tui.form_sign_off", name = name),
            vec![
                Field::text(
                    crate::t!("offboard.field.name"),
                    crate::t!("offboard.tui.field_name"),
                    "",
                )
                .with_hint(crate::t!("offboard.tui.hint_name")),
                date,
            ],
        ),
        _ => Form::new(
            crate::t!("offboard.tui.form_notice", name = name),
            vec![
                date,
                Field::text(
                    crate::t!("offboard.field.by"),
                    crate::t!("offboard.tui.field_note"),
                    "",
                ),
            ],
        ),
    }
}
