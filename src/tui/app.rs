//! The TUI's state and its update function. Pure: keys in, state changes and [`Effect`]s
//! out; the driver (tui/mod.rs) runs the effects against the store and reports back.

use std::cmp::Ordering;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::forms::{self, LogChoices, LogKind};
use super::keymap;
use super::layout;
use super::widgets::form::{Form, FormKey};
use crate::domain::{ClientDraft, ClientId, TimelineEvent, Undo, ValidationError};
use crate::store::ClientRow;

/// The screens, in Tab order. Later features add theirs here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Clients,
}

impl Screen {
    pub const ALL: &'static [Screen] = &[Screen::Clients];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Clients => "Clients",
        }
    }
}

/// Columns the clients list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Status,
    Mrr,
    Seats,
    ContractEnd,
    Tickets,
    LastActivity,
}

impl SortKey {
    pub const ALL: &'static [SortKey] = &[
        SortKey::Name,
        SortKey::Status,
        SortKey::Mrr,
        SortKey::Seats,
        SortKey::ContractEnd,
        SortKey::Tickets,
        SortKey::LastActivity,
    ];

    /// The direction a user expects first: biggest and latest on top, names A to Z.
    fn natural_desc(self) -> bool {
        matches!(
            self,
            SortKey::Mrr | SortKey::Seats | SortKey::Tickets | SortKey::LastActivity
        )
    }

    fn compare(self, a: &ClientRow, b: &ClientRow) -> Ordering {
        let (fa, fb) = (&a.client.fields, &b.client.fields);
        match self {
            SortKey::Name => Ordering::Equal,
            SortKey::Status => fa.status.cmp(&fb.status),
            SortKey::Mrr => fa.mrr.cmp(&fb.mrr),
            SortKey::Seats => fa.seats.cmp(&fb.seats),
            // Clients without an end date sort last either way round.
            SortKey::ContractEnd => none_last(fa.contract_end, fb.contract_end),
            SortKey::Tickets => a.tickets_90d.cmp(&b.tickets_90d),
            SortKey::LastActivity => none_last(a.last_activity, b.last_activity),
        }
    }
}

fn none_last(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    ClientForm {
        form: Form,
        editing: Option<ClientId>,
    },
    LogMenu {
        client: ClientId,
        name: String,
    },
    LogForm {
        form: Form,
        kind: LogKind,
        client: ClientId,
        choices: LogChoices,
    },
    ConfirmArchive {
        client: ClientId,
        name: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

/// Everything the screens draw.
#[derive(Debug, Clone)]
pub struct App {
    pub screen: Screen,
    pub today: NaiveDate,
    /// All clients as last read from the store.
    pub rows: Vec<ClientRow>,
    /// Indices into `rows` after filtering and sorting: what the table shows.
    pub view: Vec<usize>,
    /// Position in `view`.
    pub selected: usize,
    /// First visible position in `view`.
    pub offset: usize,
    pub sort: SortKey,
    pub sort_desc: bool,
    pub filter: String,
    pub filtering: bool,
    pub detail: Option<(ClientId, Vec<TimelineEvent>)>,
    pub overlay: Overlay,
    pub status: Option<Status>,
    /// Logs of this session, newest last, for `u`.
    pub undo: Vec<(Undo, String)>,
    /// The terminal's size at the last draw, for paging and mouse hits.
    pub viewport: Rect,
    pub quit: bool,
}

impl App {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            screen: Screen::Clients,
            today,
            rows: Vec::new(),
            view: Vec::new(),
            selected: 0,
            offset: 0,
            sort: SortKey::Name,
            sort_desc: false,
            filter: String::new(),
            filtering: false,
            detail: None,
            overlay: Overlay::None,
            status: None,
            undo: Vec::new(),
            viewport: Rect::new(0, 0, 80, 24),
            quit: false,
        }
    }

    // ---- data in ------------------------------------------------------------------------

    /// New rows from the store; keeps the selected client selected when it is still shown.
    /// Returns the effect to load the selected client's detail.
    pub fn set_rows(&mut self, rows: Vec<ClientRow>) -> Option<Effect> {
        let keep = self.selected_id();
        self.rows = rows;
        self.rebuild_view(keep)
    }

    pub fn set_detail(&mut self, id: ClientId, events: Vec<TimelineEvent>) {
        self.detail = Some((id, events));
    }

    pub fn selected_row(&self) -> Option<&ClientRow> {
        self.view.get(self.selected).and_then(|&i| self.rows.get(i))
    }

    pub fn selected_id(&self) -> Option<ClientId> {
        self.selected_row().map(|r| r.client.id)
    }

    /// Selects the client with this id, if shown.
    pub fn select_id(&mut self, id: ClientId) -> Option<Effect> {
        let pos = self
            .view
            .iter()
            .position(|&i| self.rows[i].client.id == id)?;
        self.move_to(pos)
    }

    fn rebuild_view(&mut self, keep: Option<ClientId>) -> Option<Effect> {
        let needle = self.filter.to_lowercase();
        let mut view: Vec<usize> = (0..self.rows.len())
            .filter(|&i| needle.is_empty() || matches_filter(&self.rows[i], &needle))
            .collect();
        let (rows, key, desc) = (&self.rows, self.sort, self.sort_desc);
        view.sort_by(|&a, &b| {
            let (ra, rb) = (&rows[a], &rows[b]);
            let primary = key.compare(ra, rb);
            let primary = if desc { primary.reverse() } else { primary };
            primary.then_with(|| {
                let by_name = ra
                    .client
                    .fields
                    .name
                    .to_lowercase()
                    .cmp(&rb.client.fields.name.to_lowercase());
                if key == SortKey::Name && desc {
                    by_name.reverse()
                } else {
                    by_name
                }
            })
        });
        self.view = view;
        let pos = keep
            .and_then(|id| self.view.iter().position(|&i| self.rows[i].client.id == id))
            .unwrap_or(0);
        self.selected = pos.min(self.view.len().saturating_sub(1));
        self.clamp_offset();
        self.detail_effect()
    }

    fn detail_effect(&mut self) -> Option<Effect> {
        match self.selected_id() {
            Some(id) if self.detail.as_ref().map(|(d, _)| *d) != Some(id) => {
                Some(Effect::LoadDetail(id))
            }
            Some(_) => None,
            None => {
                self.detail = None;
                None
            }
        }
    }

    /// Forces the detail of the selected client to be read again (after a write).
    pub fn reload_detail(&mut self) -> Option<Effect> {
        self.detail = None;
        self.detail_effect()
    }

    // ---- keys and mouse -----------------------------------------------------------------

    pub fn on_key(&mut self, k: KeyEvent) -> Option<Effect> {
        if keymap::is_ctrl_c(&k) {
            self.quit = true;
            return None;
        }
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::None => {
                if self.filtering {
                    return self.filter_key(k);
                }
                match keymap::main_action(&k) {
                    Some(a) => self.act(a),
                    None => None,
                }
            }
            Overlay::Help => {
                // Any key closes help; q still quits.
                if k.code == KeyCode::Char('q') {
                    self.quit = true;
                }
                None
            }
            Overlay::ClientForm { mut form, editing } => match k.code {
                KeyCode::Esc => {
                    self.info("Cancelled: nothing was saved");
                    None
                }
                KeyCode::Enter => match forms::client_draft(&form).validate() {
                    Ok(fields) => {
                        self.overlay = Overlay::ClientForm { form, editing };
                        Some(Effect::SaveClient {
                            id: editing,
                            fields,
                        })
                    }
                    Err(e) => {
                        form.show_errors(&e);
                        self.overlay = Overlay::ClientForm { form, editing };
                        None
                    }
                },
                _ => {
                    if let Some(fk) = keymap::form_key(&k) {
                        form.key(fk);
                    }
                    self.overlay = Overlay::ClientForm { form, editing };
                    None
                }
            },
            Overlay::LogMenu { client, name } => match k.code {
                KeyCode::Char(c) => match LogKind::from_key(c) {
                    Some(kind) => Some(Effect::OpenLog { client, kind }),
                    None => {
                        self.overlay = Overlay::LogMenu { client, name };
                        None
                    }
                },
                KeyCode::Esc => None,
                _ => {
                    self.overlay = Overlay::LogMenu { client, name };
                    None
                }
            },
            Overlay::LogForm {
                mut form,
                kind,
                client,
                choices,
            } => match k.code {
                KeyCode::Esc => {
                    self.info("Cancelled: nothing was logged");
                    None
                }
                KeyCode::Enter => match forms::log_entry(kind, &form, &choices) {
                    Ok((entry, label)) => {
                        self.overlay = Overlay::LogForm {
                            form,
                            kind,
                            client,
                            choices,
                        };
                        Some(Effect::Log {
                            client,
                            entry,
                            label,
                        })
                    }
                    Err(e) => {
                        form.show_errors(&e);
                        self.overlay = Overlay::LogForm {
                            form,
                            kind,
                            client,
                            choices,
                        };
                        None
                    }
                },
                _ => {
                    if let Some(fk) = keymap::form_key(&k) {
                        form.key(fk);
                    }
                    self.overlay = Overlay::LogForm {
                        form,
                        kind,
                        client,
                        choices,
                    };
                    None
                }
            },
            Overlay::ConfirmArchive { client, name } => match k.code {
                KeyCode::Char('y') | KeyCode::Enter => Some(Effect::Archive { id: client, name }),
                KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') => {
                    self.info(format!("Kept '{name}'"));
                    None
                }
                _ => {
                    self.overlay = Overlay::ConfirmArchive { client, name };
                    None
                }
            },
        }
    }

    fn filter_key(&mut self, k: KeyEvent) -> Option<Effect> {
        match k.code {
            KeyCode::Enter => {
                self.filtering = false;
                None
            }
            KeyCode::Esc => {
                self.filtering = false;
                self.filter.clear();
                self.rebuild_view(self.selected_id())
            }
            KeyCode::Up => self.act(Action::Up),
            KeyCode::Down => self.act(Action::Down),
            _ => {
                match keymap::form_key(&k) {
                    Some(FormKey::Char(c)) => self.filter.push(c),
                    Some(FormKey::Backspace) => {
                        self.filter.pop();
                    }
                    Some(FormKey::ClearField) => self.filter.clear(),
                    _ => return None,
                }
                self.rebuild_view(self.selected_id())
            }
        }
    }

    /// Pasted text goes into the focused field or the filter, as typed text on one line
    /// (a pasted newline never submits a form).
    pub fn on_paste(&mut self, text: &str) -> Option<Effect> {
        let flat: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let flat = flat.trim();
        match &mut self.overlay {
            Overlay::ClientForm { form, .. } | Overlay::LogForm { form, .. } => {
                for c in flat.chars() {
                    form.key(FormKey::Char(c));
                }
                None
            }
            Overlay::None if self.filtering => {
                self.filter.push_str(flat);
                self.rebuild_view(self.selected_id())
            }
            _ => None,
        }
    }

    pub fn on_mouse(&mut self, m: MouseEvent) -> Option<Effect> {
        if self.overlay != Overlay::None {
            return None;
        }
        match m.kind {
            MouseEventKind::ScrollUp => self.act(Action::ScrollUp),
            MouseEventKind::ScrollDown => self.act(Action::ScrollDown),
            MouseEventKind::Down(_) => self.act(Action::Click(m.column, m.row)),
            _ => None,
        }
    }

    pub fn act(&mut self, a: Action) -> Option<Effect> {
        let page = self.page_rows().max(1);
        let last = self.view.len().saturating_sub(1);
        match a {
            Action::Quit => {
                self.quit = true;
                None
            }
            Action::Help => {
                self.overlay = Overlay::Help;
                None
            }
            Action::NextScreen | Action::PrevScreen | Action::GoScreen(_) => {
                let n = Screen::ALL.len();
                let at = Screen::ALL
                    .iter()
                    .position(|s| *s == self.screen)
                    .unwrap_or(0);
                let to = match a {
                    Action::NextScreen => (at + 1) % n,
                    Action::PrevScreen => (at + n - 1) % n,
                    Action::GoScreen(i) if i < n => i,
                    _ => at,
                };
                self.screen = Screen::ALL[to];
                None
            }
            Action::Up | Action::ScrollUp => self.move_to(self.selected.saturating_sub(1)),
            Action::Down | Action::ScrollDown => self.move_to((self.selected + 1).min(last)),
            Action::PageUp => self.move_to(self.selected.saturating_sub(page)),
            Action::PageDown => self.move_to((self.selected + page).min(last)),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(last),
            Action::Click(x, y) => {
                let table = layout::clients_table_rows(self.viewport);
                let inside = x >= table.x
                    && x < table.x + table.width
                    && y >= table.y
                    && y < table.y + table.height;
                if inside {
                    let pos = self.offset + usize::from(y - table.y);
                    if pos < self.view.len() {
                        return self.move_to(pos);
                    }
                }
                None
            }
            Action::Filter => {
                self.filtering = true;
                None
            }
            Action::ClearFilter => {
                if self.filter.is_empty() {
                    self.status = None;
                    return None;
                }
                self.filter.clear();
                self.rebuild_view(self.selected_id())
            }
            Action::SortNext => {
                let at = SortKey::ALL
                    .iter()
                    .position(|k| *k == self.sort)
                    .unwrap_or(0);
                self.sort = SortKey::ALL[(at + 1) % SortKey::ALL.len()];
                self.sort_desc = self.sort.natural_desc();
                self.rebuild_view(self.selected_id())
            }
            Action::SortReverse => {
                self.sort_desc = !self.sort_desc;
                self.rebuild_view(self.selected_id())
            }
            Action::Add => {
                self.overlay = Overlay::ClientForm {
                    form: forms::client_form("Add a client", &ClientDraft::new_client()),
                    editing: None,
                };
                None
            }
            Action::Edit => {
                if let Some(r) = self.selected_row() {
                    let form = forms::client_form(
                        &format!("Edit {}", r.client.fields.name),
                        &ClientDraft::from(&r.client.fields),
                    );
                    self.overlay = Overlay::ClientForm {
                        form,
                        editing: Some(r.client.id),
                    };
                } else {
                    self.info("No client selected: press a to add one");
                }
                None
            }
            Action::Archive => {
                match self.selected_row() {
                    Some(r) if r.client.fields.status == crate::domain::ClientStatus::Former => {
                        let name = r.client.fields.name.clone();
                        self.info(format!("'{name}' is already archived (former)"));
                    }
                    Some(r) => {
                        self.overlay = Overlay::ConfirmArchive {
                            client: r.client.id,
                            name: r.client.fields.name.clone(),
                        }
                    }
                    None => self.info("No client selected"),
                }
                None
            }
            Action::QuickLog => {
                match self.selected_row() {
                    Some(r) => {
                        self.overlay = Overlay::LogMenu {
                            client: r.client.id,
                            name: r.client.fields.name.clone(),
                        }
                    }
                    None => self.info("No client selected: press a to add one first"),
                }
                None
            }
            Action::Undo => match self.undo.pop() {
                Some((undo, label)) => Some(Effect::Undo { undo, label }),
                None => {
                    self.info("Nothing to undo: no log in this session yet");
                    None
                }
            },
        }
    }

    fn move_to(&mut self, pos: usize) -> Option<Effect> {
        self.selected = pos.min(self.view.len().saturating_sub(1));
        self.clamp_offset();
        self.detail_effect()
    }

    /// How many table rows fit on screen now.
    pub fn page_rows(&self) -> usize {
        usize::from(layout::clients_table_rows(self.viewport).height)
    }

    fn clamp_offset(&mut self) {
        let page = self.page_rows().max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        let max_offset = self.view.len().saturating_sub(page);
        self.offset = self.offset.min(max_offset);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.viewport = Rect::new(0, 0, width, height);
        self.clamp_offset();
    }

    // ---- results from the driver --------------------------------------------------------

    pub fn open_log_form(
        &mut self,
        client: ClientId,
        kind: LogKind,
        name: &str,
        choices: LogChoices,
    ) {
        match forms::log_form(kind, name, self.today, &choices) {
            Ok(form) => {
                self.overlay = Overlay::LogForm {
                    form,
                    kind,
                    client,
                    choices,
                }
            }
            Err(why) => self.error(why),
        }
    }

    /// A write the driver could not do because the input was wrong: back to the form.
    pub fn rejected(&mut self, e: &ValidationError) {
        match &mut self.overlay {
            Overlay::ClientForm { form, .. } | Overlay::LogForm { form, .. } => form.show_errors(e),
            _ => self.error(e.to_string()),
        }
    }

    pub fn close_overlay(&mut self) {
        self.overlay = Overlay::None;
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            tone: Tone::Info,
        });
    }

    pub fn success(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            tone: Tone::Success,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            tone: Tone::Error,
        });
    }
}

fn matches_filter(r: &ClientRow, needle: &str) -> bool {
    let f = &r.client.fields;
    [
        Some(f.name.as_str()),
        f.contact_name.as_deref(),
        f.segment.as_deref(),
        f.email.as_deref(),
        Some(f.status.as_str()),
    ]
    .into_iter()
    .flatten()
    .any(|s| s.to_lowercase().contains(needle))
}
