//! The TUI's state and its update function. Pure: keys in, state changes and [`Effect`]s
//! out; the driver (tui/mod.rs) runs the effects against the store and reports back.
//! Each screen's list lives in its own file; this one routes keys and holds the overlays.

pub mod clients;
pub mod cursor;
pub mod decisions;
pub mod gut_check;
pub mod history;
pub mod import;
mod input;
pub mod offboard;
pub mod pareto;
pub mod scores;
pub mod scripts;
pub mod walk;
pub mod walk_body;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use ratatui::layout::Rect;

use self::clients::ClientList;
pub use self::clients::SortKey;
use self::cursor::Move;
use self::decisions::{Decisions, Pane};
use self::gut_check::GutCheck;
use self::pareto::ParetoView;
use self::scores::Scores;
use super::action::{Action, Effect, UndoEntry};
use super::forms::{self, LogChoices, LogKind};
use super::layout;
use super::widgets::form::Form;
use crate::domain::ClientRow;
use crate::domain::decide::case::{DecisionRules, decidable};
use crate::domain::decide::decision::Decision;
use crate::domain::pareto::{ClientMeasures, ParetoRules};
use crate::domain::record::StoredEvent;
use crate::domain::score::{Rules, Scorecard};
use crate::domain::{
    ClientDraft, ClientFields, ClientId, ClientStatus, TimelineEvent, ValidationError,
};

/// The screens, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Clients,
    Scorecards,
    Pareto,
    GutCheck,
    Decisions,
}

impl Screen {
    pub const ALL: &'static [Screen] = &[
        Screen::Clients,
        Screen::Scorecards,
        Screen::Pareto,
        Screen::GutCheck,
        Screen::Decisions,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Clients => crate::t!("screens.clients"),
            Screen::Scorecards => crate::t!("screens.scorecards"),
            Screen::Pareto => crate::t!("screens.pareto"),
            Screen::GutCheck => crate::t!("screens.gut_check"),
            Screen::Decisions => crate::t!("screens.decisions"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    ClientForm {
        form: Form,
        /// The client being edited and its facts as the form opened on them; None adds.
        editing: Option<(ClientId, ClientFields)>,
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
        /// The client as the confirmation showed it.
        expected: ClientFields,
    },
    VoteForm {
        form: Form,
        year: i32,
        /// The list of the staff member as the form opened on it (empty for a new one).
        original: Vec<ClientId>,
    },
    /// The file is damaged: put this backup back?
    ConfirmRestore {
        from: PathBuf,
    },
    /// A client's history ([`App::history`]): every event, to edit or void one.
    History,
    /// An event's values, over the history.
    EventForm {
        form: Form,
        /// The event as read when the form opened: saved over only if still so.
        seen: Box<StoredEvent>,
        terms_days: u32,
    },
    /// Why an event is voided, over the history.
    VoidForm {
        form: Form,
        seen: Box<StoredEvent>,
    },
    ConfirmClearVotes {
        year: i32,
        staff: String,
        /// The list as the confirmation showed it.
        expected: Vec<ClientId>,
    },
    /// The fire/keep walk ([`App::walk`]), over the whole body.
    Walk,
    /// A saved decision (by its id in [`App::decisions`]), read-only, scrolled down `scroll`
    /// lines.
    Decision {
        id: i64,
        scroll: usize,
    },
    /// The Scripts view ([`App::scripts`]), over the whole body.
    Scripts,
    /// A client's offboarding checklist ([`App::offboard`]).
    Offboard,
    /// The Import view ([`App::import`]), over the whole body.
    Import,
    /// What ticking an item of the checklist asks (the notice's day, the sign-off's name).
    OffboardForm {
        form: Form,
        entry: Box<crate::domain::offboard::Entry>,
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

/// The database file failed its check: the app is read-only until a backup is restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// What is wrong, in a few words.
    pub problem: String,
    /// The newest daily backup, if there is one.
    pub backup: Option<PathBuf>,
}

/// What the app takes from the config.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub rules: Rules,
    pub pareto: ParetoRules,
    pub staff: Vec<String>,
    /// Which settings the database supplied where the config set none ("demo: labour cost
    /// €65/h, company Demo IT"): said at start, and marked in the header throughout.
    pub note: Option<String>,
    /// What a decision is made with: costs, target margin, review days, the ideal client.
    pub decision_rules: DecisionRules,
    /// The offboarding checklist's items (config `[offboarding]`).
    pub offboard_items: crate::domain::offboard::Items,
    /// What the scripts are made with; the driver keeps it.
    pub scripts: ScriptSettings,
}

/// What the Scripts view's words are made with: the config in force (company, signature,
/// place, referrals, tone words) and the templates (the user's overrides read).
#[derive(Debug, Clone, Default)]
pub struct ScriptSettings {
    pub config: crate::config::Config,
    pub templates: crate::domain::script::Templates,
    /// The config file in force (the Import view saves presets in it).
    pub config_path: Option<PathBuf>,
}

/// Everything the screens draw.
#[derive(Debug, Clone)]
pub struct App {
    pub screen: Screen,
    /// The selected client: one for the whole app. Every screen's list scrolls to show it
    /// where it holds it, and moving the selection on any screen moves it for all.
    pub selected: Option<ClientId>,
    pub today: NaiveDate,
    pub clients: ClientList,
    pub scores: Scores,
    /// The scores are being computed in the background (at start-up): the screens say so.
    pub scoring: bool,
    pub pareto: ParetoView,
    /// Clients marked for the what-if (space): a scenario, never a change to the data.
    pub marks: BTreeSet<ClientId>,
    pub gut: GutCheck,
    /// The decision log and what is coming up (screen 5; the header's count of what is due).
    pub decisions: Decisions,
    pub detail: Option<(ClientId, Vec<TimelineEvent>)>,
    pub overlay: Overlay,
    pub status: Option<Status>,
    /// What this session did, newest last, for `u`.
    pub undo: Vec<UndoEntry>,
    /// Set when the file is damaged: nothing is written until a backup is restored.
    pub damaged: Option<Damage>,
    /// The history of a client, while it is open.
    pub history: Option<history::History>,
    /// The fire/keep walk, while it is open.
    pub walk: Option<walk::WalkView>,
    /// The Scripts view, while it is open.
    pub scripts: Option<scripts::ScriptsView>,
    /// What a decision is made with (see [`Settings::decision_rules`]).
    pub decision_rules: DecisionRules,
    /// The terminal's size at the last draw, for paging and mouse hits.
    pub viewport: Rect,
    pub quit: bool,
    /// The database file, as messages name it.
    pub db_name: String,
    /// Which settings the database supplied (see [`Settings::note`]).
    pub note: Option<String>,
    /// The currency symbol, for the amounts of a saved decision (laid out here to scroll).
    pub currency: String,
    /// Every client's offboarding checklist, for the progress the screens show.
    pub offboarding: offboard::Offboarding,
    /// The offboarding checklist view, while it is open.
    pub offboard: Option<offboard::OffboardView>,
    /// The Import view (open while the overlay says so; its folder and kind are kept).
    pub import: Option<import::ImportView>,
}

impl App {
    pub fn new(today: NaiveDate, settings: Settings) -> Self {
        Self {
            screen: Screen::Clients,
            selected: None,
            today,
            clients: ClientList::default(),
            scores: Scores::new(today, settings.rules),
            scoring: false,
            pareto: ParetoView::new(settings.pareto),
            marks: BTreeSet::new(),
            gut: GutCheck::new(today.year(), settings.staff),
            decisions: Decisions::default(),
            detail: None,
            overlay: Overlay::None,
            status: settings.note.clone().map(|text| Status {
                text,
                tone: Tone::Info,
            }),
            undo: Vec::new(),
            damaged: None,
            history: None,
            walk: None,
            scripts: None,
            decision_rules: settings.decision_rules,
            viewport: Rect::new(0, 0, 80, 24),
            quit: false,
            db_name: String::new(),
            note: settings.note,
            currency: "€".into(),
            offboarding: offboard::Offboarding::new(settings.offboard_items),
            offboard: None,
            import: None,
        }
    }

    // ---- data in ------------------------------------------------------------------------

    /// New rows from the store; the selected client stays selected while it exists.
    pub fn set_rows(&mut self, rows: Vec<ClientRow>) {
        self.clients.rows = rows;
        self.rebuild();
        self.recount();
        self.keep_selection();
    }

    /// One client's row anew (after a write that touched only it).
    pub fn set_row(&mut self, row: ClientRow) {
        match self
            .clients
            .rows
            .iter_mut()
            .find(|r| r.client.id == row.client.id)
        {
            Some(slot) => *slot = row,
            None => self.clients.rows.push(row),
        }
        self.rebuild();
        self.recount();
        self.keep_selection();
    }

    /// Every decision anew, newest first (at start, and after another window decided).
    pub fn set_decisions(&mut self, log: Vec<Decision>) {
        let (log_page, _) = self.decision_pages();
        self.decisions.set_log(log, log_page);
        self.recount();
        // The lists' sizes changed, and with them their pages.
        let (log_page, coming_page) = self.decision_pages();
        self.decisions.clamp(log_page, coming_page);
        self.follow();
    }

    /// What is coming up, worked out again from the clients and the decisions in memory
    /// (their contract facts or the log changed).
    fn recount(&mut self) {
        let (_, page) = self.decision_pages();
        let clients = self.clients.rows.iter().map(|r| &r.client);
        self.decisions.recount(clients, self.today, page);
    }

    /// Keeps the selected client, unless there is none or it is gone from the store: then
    /// the clients list's row at its cursor (the first, at start) is.
    fn keep_selection(&mut self) {
        if self
            .selected
            .is_none_or(|id| self.clients.row(id).is_none())
        {
            self.selected = self.clients.selected_id();
        }
        self.follow();
    }

    /// Every client's scorecard anew.
    pub fn set_cards(&mut self, cards: Vec<Scorecard>) {
        let page = self.page_rows(Screen::Scorecards);
        self.scores.set_all(cards, page, self.selected);
        self.resort_if_scored();
    }

    /// One client's scorecard anew.
    pub fn set_card(&mut self, card: Scorecard) {
        let page = self.page_rows(Screen::Scorecards);
        self.scores.set_one(card, page, self.selected);
        self.resort_if_scored();
    }

    /// Every client's Pareto measures anew.
    pub fn set_measures(&mut self, ms: Vec<ClientMeasures>) {
        let cost = self.scores.rules.hourly_cost_cents;
        let page = self.page_rows(Screen::Pareto);
        // Marks only hold clients that can still be dropped (archiving one unmarks it).
        self.marks.retain(|id| ms.iter().any(|m| m.client == *id));
        self.pareto
            .set_measures(ms, &self.marks, cost, page, self.selected);
    }

    fn toggle_mark(&mut self, id: ClientId) {
        let name = self
            .clients
            .row(id)
            .map_or_else(String::new, |r| r.client.fields.name.clone());
        if !self.marks.remove(&id) {
            self.marks.insert(id);
        }
        let cost = self.scores.rules.hourly_cost_cents;
        self.pareto.what_if_again(&self.marks, cost);
        let share = self.pareto.what_if.dropped_revenue_share * 100.0;
        let n = self.marks.len();
        let share = format!("{share:.1}");
        self.info(if self.marks.contains(&id) {
            crate::t!("app.marked", name = name, n = n, share = share)
        } else {
            crate::t!("app.unmarked", name = name, n = n, share = share)
        });
    }

    fn resort_if_scored(&mut self) {
        if matches!(
            self.clients.sort,
            SortKey::Score | SortKey::Change | SortKey::Grade
        ) {
            self.rebuild();
        }
    }

    /// Filters and sorts the clients list again, the selected client kept in view.
    fn rebuild(&mut self) {
        let page = self.page_rows(Screen::Clients);
        self.clients.rebuild(self.selected, &self.scores, page);
    }

    /// The filter changed: the selection stays if the filter still shows it, else it moves
    /// to the row the list shows in its place (none when nothing matches).
    fn refiltered(&mut self) -> Option<Effect> {
        self.rebuild();
        self.selected = self.clients.selected_id();
        self.follow();
        self.detail_effect()
    }

    pub fn set_detail(&mut self, id: ClientId, events: Vec<TimelineEvent>) {
        self.detail = Some((id, events));
    }

    /// The selected client, the same on every screen.
    pub fn current_client(&self) -> Option<ClientId> {
        self.selected
    }

    /// The selected client's scorecard, if it is scored (a former client is not).
    pub fn selected_card(&self) -> Option<&Scorecard> {
        self.selected.and_then(|id| self.scores.card(id))
    }

    /// Selects this client on every screen.
    pub fn select_id(&mut self, id: ClientId) -> Option<Effect> {
        self.selected = Some(id);
        self.follow();
        self.detail_effect()
    }

    /// Scrolls every list to the selected client, in each list that holds it. (The Pareto
    /// ranking pages into its grouped tail when the client is there.)
    fn follow(&mut self) {
        let Some(id) = self.selected else {
            return;
        };
        if let Some(pos) = self.clients.position(id) {
            let (len, page) = (self.clients.view.len(), self.page_rows(Screen::Clients));
            self.clients.cursor.move_to(pos, len, page);
        }
        if let Some(pos) = self.scores.position(id) {
            let (len, page) = (self.scores.cards.len(), self.page_rows(Screen::Scorecards));
            self.scores.cursor.move_to(pos, len, page);
        }
        if let Some(pos) = self.pareto.position(id) {
            let (len, page) = (
                self.pareto.primary.rows.len(),
                self.page_rows(Screen::Pareto),
            );
            self.pareto.cursor.move_to(pos, len, page);
        }
        let (log_page, coming_page) = self.decision_pages();
        self.decisions.follow(id, log_page, coming_page);
    }

    fn detail_effect(&mut self) -> Option<Effect> {
        match self.selected {
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

    pub fn act(&mut self, a: Action) -> Option<Effect> {
        if a.writes() && self.damaged.is_some() {
            self.refuse_damaged();
            return None;
        }
        // A message speaks of what was just done: another screen or a new task clears it.
        if matches!(
            a,
            Action::NextScreen
                | Action::PrevScreen
                | Action::GoScreen(_)
                | Action::Add
                | Action::Edit
                | Action::Archive
                | Action::QuickLog
                | Action::History
                | Action::EditVotes
                | Action::AddStaff
                | Action::ClearVotes
        ) {
            self.status = None;
        }
        match a {
            Action::Quit => {
                self.quit = true;
                None
            }
            Action::Help => {
                self.overlay = Overlay::Help;
                None
            }
            Action::NextScreen | Action::PrevScreen | Action::GoScreen(_) => self.switch(a),
            Action::Move(m) => self.step(m),
            Action::Click(x, y) => self.click(x, y),
            Action::Filter => {
                self.clients.filtering = true;
                None
            }
            Action::ClearFilter => {
                if self.clients.filter.is_empty() {
                    self.status = None;
                    return None;
                }
                self.clients.filter.clear();
                self.refiltered()
            }
            Action::SortNext | Action::SortReverse => {
                if a == Action::SortNext {
                    self.clients.cycle_sort();
                } else {
                    self.clients.sort_desc = !self.clients.sort_desc;
                }
                self.rebuild();
                let by = self.clients.sort.label();
                self.info(if self.clients.sort_desc {
                    crate::t!("app.sorted_desc", by = by)
                } else {
                    crate::t!("app.sorted", by = by)
                });
                None
            }
            Action::Add => {
                self.overlay = Overlay::ClientForm {
                    form: forms::client_form(
                        crate::t!("app.add_client"),
                        &ClientDraft::new_client(),
                    ),
                    editing: None,
                };
                None
            }
            Action::Edit => {
                match self.current_row() {
                    Some(r) => {
                        let form = forms::client_form(
                            &crate::t!("app.edit_client", name = r.client.fields.name),
                            &ClientDraft::from(&r.client.fields),
                        );
                        self.overlay = Overlay::ClientForm {
                            form,
                            editing: Some((r.client.id, r.client.fields.clone())),
                        };
                    }
                    None => self.info(crate::t!("app.none_selected_add")),
                }
                None
            }
            Action::Archive => {
                match self.current_row() {
                    Some(r) if r.client.fields.status == ClientStatus::Former => {
                        let name = r.client.fields.name.clone();
                        self.info(crate::t!("app.already_archived", name = name));
                    }
                    Some(r) => {
                        self.overlay = Overlay::ConfirmArchive {
                            client: r.client.id,
                            name: r.client.fields.name.clone(),
                            expected: r.client.fields.clone(),
                        }
                    }
                    None => self.info(crate::t!("app.none_selected")),
                }
                None
            }
            Action::QuickLog => {
                match self.current_row() {
                    Some(r) => {
                        self.overlay = Overlay::LogMenu {
                            client: r.client.id,
                            name: r.client.fields.name.clone(),
                        }
                    }
                    None => self.info(crate::t!("app.none_selected_add_first")),
                }
                None
            }
            Action::Undo => match self.undo.pop() {
                Some(entry) => Some(Effect::Undo(entry)),
                None => {
                    self.info(crate::t!("app.nothing_to_undo"));
                    None
                }
            },
            Action::NextWindow => {
                self.scores.next_window();
                self.info(crate::t!("app.window", days = self.scores.window_days));
                Some(Effect::Rescore)
            }
            Action::EarlierAsOf | Action::LaterAsOf | Action::AsOfToday => {
                let before = self.scores.as_of;
                match a {
                    Action::EarlierAsOf => self.scores.shift_as_of(-1, self.today),
                    Action::LaterAsOf => self.scores.shift_as_of(1, self.today),
                    _ => self.scores.as_of = self.today,
                }
                if self.scores.as_of == before {
                    self.info(crate::t!("app.already_today"));
                    return None;
                }
                self.info(crate::t!("app.as_of", date = self.scores.as_of));
                Some(Effect::Rescore)
            }
            Action::ToggleMark => {
                match self.current_client() {
                    Some(id) if self.pareto.measures.iter().any(|m| m.client == id) => {
                        self.toggle_mark(id)
                    }
                    Some(_) if self.scoring => self.info(crate::t!("app.still_measuring")),
                    Some(_) => self.info(crate::t!("app.only_active_marked")),
                    None => self.info(crate::t!("app.none_selected")),
                }
                None
            }
            Action::ClearMarks => {
                if self.marks.is_empty() {
                    self.info(crate::t!("app.nothing_marked"));
                } else {
                    self.marks.clear();
                    let cost = self.scores.rules.hourly_cost_cents;
                    self.pareto.what_if_again(&self.marks, cost);
                    self.info(crate::t!("app.marks_cleared"));
                }
                None
            }
            Action::NextMeasure => {
                self.pareto.measure = self.pareto.measure.next();
                let cost = self.scores.rules.hourly_cost_cents;
                let page = self.page_rows(Screen::Pareto);
                self.pareto.rank(&self.marks, cost, page, self.selected);
                self.info(crate::t!(
                    "app.ranked_by",
                    measure = crate::tui::text::measure(self.pareto.measure)
                ));
                None
            }
            Action::ToggleMap => {
                self.pareto.map = !self.pareto.map;
                None
            }
            Action::PrevYear | Action::NextYear => {
                let year = self.gut.year + if a == Action::PrevYear { -1 } else { 1 };
                if year > self.today.year() {
                    self.info(crate::t!("app.no_future_gut_check"));
                    return None;
                }
                Some(Effect::LoadVotes(year))
            }
            Action::EditVotes | Action::AddStaff => {
                let list = match a {
                    Action::EditVotes => match self.gut.selected() {
                        Some(l) => Some(l.clone()),
                        None => {
                            self.info(crate::t!("app.no_staff_yet"));
                            return None;
                        }
                    },
                    _ => None,
                };
                let form = forms::vote_form(self.gut.year, list.as_ref(), &self.clients.rows);
                self.overlay = Overlay::VoteForm {
                    form,
                    year: self.gut.year,
                    original: list.map(|l| l.clients).unwrap_or_default(),
                };
                None
            }
            Action::Offboard => self.open_offboard(),
            Action::ReportPortfolio => Some(Effect::Report(None)),
            Action::ReportClient => match self.current_client() {
                Some(id) => Some(Effect::Report(Some(id))),
                None => {
                    self.info(crate::t!("app.none_selected"));
                    None
                }
            },
            Action::Walk => match self.current_row() {
                Some(r) => match decidable(&r.client) {
                    Ok(()) => Some(Effect::OpenWalk(r.client.id)),
                    Err(e) => {
                        let why = e.0.first().map_or_else(String::new, |f| f.message.clone());
                        self.info(why);
                        None
                    }
                },
                None => {
                    self.info(crate::t!("app.none_selected"));
                    None
                }
            },
            Action::History => match self.current_row() {
                Some(r) => Some(Effect::LoadHistory(r.client.id)),
                None => {
                    self.info(crate::t!("app.none_selected"));
                    None
                }
            },
            Action::Restore => {
                match &self.damaged {
                    Some(Damage {
                        backup: Some(from), ..
                    }) => {
                        self.overlay = Overlay::ConfirmRestore { from: from.clone() };
                    }
                    Some(_) => self.error(crate::t!("app.no_backup")),
                    None => self.info(crate::t!("app.file_sound")),
                }
                None
            }
            Action::OpenDecision => self.open_decision(),
            Action::Scripts => self.open_scripts_for_selected(),
            Action::Import => self.open_import(),
            Action::FocusLog | Action::FocusComingUp => {
                self.decisions.pane = if a == Action::FocusLog {
                    Pane::Log
                } else {
                    Pane::ComingUp
                };
                None
            }
            Action::ClearVotes => {
                match self.gut.selected() {
                    Some(l) if !l.clients.is_empty() => {
                        self.overlay = Overlay::ConfirmClearVotes {
                            year: self.gut.year,
                            staff: l.staff.clone(),
                            expected: l.clients.clone(),
                        }
                    }
                    Some(l) => {
                        let staff = l.staff.clone();
                        self.info(crate::t!(
                            "app.named_nobody",
                            staff = staff,
                            year = self.gut.year
                        ));
                    }
                    None => self.info(crate::t!("app.no_staff_selected")),
                }
                None
            }
        }
    }

    /// The selected client's row on whichever screen is showing.
    fn current_row(&self) -> Option<&ClientRow> {
        self.current_client().and_then(|id| self.clients.row(id))
    }

    fn switch(&mut self, a: Action) -> Option<Effect> {
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
        // The selection stays: the new screen's list scrolls to it.
        self.screen = Screen::ALL[to];
        self.follow();
        if self.screen == Screen::GutCheck && !self.gut.loaded {
            return Some(Effect::LoadVotes(self.gut.year));
        }
        None
    }

    /// Moves the selection through the current screen's list, and so for every screen.
    fn step(&mut self, m: Move) -> Option<Effect> {
        let page = self.page_rows(self.screen);
        let selected = self.selected;
        let id = match self.screen {
            Screen::Clients => {
                let c = &mut self.clients;
                let holds = c.selected_id() == selected;
                c.cursor.step_from(holds, m, c.view.len(), page);
                c.selected_id()
            }
            Screen::Scorecards => {
                let s = &mut self.scores;
                let holds = s.selected().map(|c| c.client) == selected;
                s.cursor.step_from(holds, m, s.cards.len(), page);
                s.selected().map(|c| c.client)
            }
            Screen::Pareto => {
                let p = &mut self.pareto;
                let holds = p.selected_id() == selected;
                p.cursor.step_from(holds, m, p.primary.rows.len(), page);
                p.selected_id()
            }
            Screen::GutCheck => {
                self.gut.cursor.step(m, self.gut.lists.len(), page);
                return None;
            }
            Screen::Decisions => {
                let d = &mut self.decisions;
                let holds = d.client_at(d.pane) == selected;
                d.step(holds, m, page)
            }
        };
        id.and_then(|id| self.select_id(id))
    }

    fn click(&mut self, x: u16, y: u16) -> Option<Effect> {
        let rows = match self.screen {
            Screen::Clients => layout::clients_table_rows(self.viewport),
            Screen::Scorecards => layout::scorecards_list_rows(self.viewport),
            Screen::Decisions => return self.click_decisions(x, y),
            Screen::Pareto | Screen::GutCheck => return None,
        };
        let inside =
            x >= rows.x && x < rows.x + rows.width && y >= rows.y && y < rows.y + rows.height;
        if !inside {
            return None;
        }
        let row = usize::from(y - rows.y);
        let id = match self.screen {
            Screen::Clients => {
                let c = &self.clients;
                c.view
                    .get(c.cursor.offset + row)
                    .and_then(|&i| c.rows.get(i))
                    .map(|r| r.client.id)
            }
            _ => {
                let s = &self.scores;
                s.cards.get(s.cursor.offset + row).map(|c| c.client)
            }
        };
        id.and_then(|id| self.select_id(id))
    }

    /// How many list rows fit on a screen now.
    pub fn page_rows(&self, screen: Screen) -> usize {
        let rows = match screen {
            Screen::Clients => layout::clients_table_rows(self.viewport),
            Screen::Scorecards => layout::scorecards_list_rows(self.viewport),
            Screen::Pareto => layout::pareto_chart_rows(self.viewport),
            Screen::GutCheck => return usize::MAX,
            Screen::Decisions => {
                let (log, coming) = self.decision_pages();
                return match self.decisions.pane {
                    Pane::Log => log,
                    Pane::ComingUp => coming,
                };
            }
        };
        usize::from(rows.height).max(1)
    }

    /// The terminal is below the size the layout needs: the screen shows only a message.
    pub fn too_small(&self) -> bool {
        self.viewport.width < layout::MIN_WIDTH || self.viewport.height < layout::MIN_HEIGHT
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.viewport = Rect::new(0, 0, width, height);
        let page = self.page_rows(Screen::Clients);
        self.clients.cursor.clamp(self.clients.view.len(), page);
        let page = self.page_rows(Screen::Scorecards);
        self.scores.cursor.clamp(self.scores.cards.len(), page);
        let page = self.page_rows(Screen::Pareto);
        let len = self.pareto.primary.rows.len();
        self.pareto.cursor.clamp(len, page);
        let (log_page, coming_page) = self.decision_pages();
        self.decisions.clamp(log_page, coming_page);
        self.follow();
        self.import_resized();
    }

    // ---- results from the driver --------------------------------------------------------

    /// The file failed a check or a write met damage: from now on nothing is written.
    pub fn set_damaged(&mut self, damage: Damage) {
        self.damaged = Some(damage);
        self.status = None;
        // The walk may still be read (saving it is refused); a question over it goes.
        if let Some(v) = &mut self.walk {
            v.prompt = None;
        }
        if !matches!(self.overlay, Overlay::None | Overlay::Help | Overlay::Walk) {
            self.overlay = Overlay::None;
        }
    }

    /// The line that says the file is damaged and what to do, while it is.
    pub fn banner(&self) -> Option<String> {
        let d = self.damaged.as_ref()?;
        let name = |p: &std::path::Path| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        let db = name(std::path::Path::new(&self.db_name));
        Some(match &d.backup {
            Some(b) => crate::t!(
                "app.read_only_backup",
                db = db,
                problem = d.problem,
                backup = name(b)
            ),
            None => crate::t!("app.read_only_no_backup", db = db, problem = d.problem),
        })
    }

    pub fn refuse_damaged(&mut self) {
        if let Some(b) = self.banner() {
            self.error(b);
        }
    }

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

    /// The client changed in another window while its edit form was open: the form takes
    /// the other window's values for every field this user did not change, and keeps this
    /// user's values where they did. Enter then saves over the new values.
    pub fn rebase_edit(&mut self, id: ClientId, current: ClientFields) {
        let Overlay::ClientForm {
            form,
            editing: Some((editing, original)),
        } = &mut self.overlay
        else {
            return;
        };
        if *editing != id {
            return;
        }
        let mut kept = Vec::new();
        for field in crate::domain::ClientField::ALL {
            let key = field.label();
            if form.value(key) == original.shown(field) {
                form.set_value(key, &current.shown(field));
            } else if original.shown(field) != current.shown(field) {
                kept.push(key);
            }
        }
        form.message = Some(if kept.is_empty() {
            crate::t!("app.took_theirs").to_string()
        } else {
            crate::t!("app.took_theirs_kept", fields = kept.join(", "))
        });
        *original = current;
    }

    /// A staff member's list changed in another window while the gut check form was open:
    /// the form shows the list as it is now.
    pub fn rebase_votes(&mut self, year: i32, staff: &str, current: Vec<ClientId>) {
        let Overlay::VoteForm {
            year: y, original, ..
        } = &self.overlay
        else {
            return;
        };
        if *y != year {
            return;
        }
        let _ = original;
        let list = gut_check::StaffList {
            staff: staff.to_string(),
            clients: current.clone(),
        };
        let mut form = forms::vote_form(year, Some(&list), &self.clients.rows);
        form.message = Some(crate::t!(
            "app.list_as_saved",
            staff = staff,
            n = current.len()
        ));
        self.overlay = Overlay::VoteForm {
            form,
            year,
            original: current,
        };
    }

    /// A write the driver could not do because the input was wrong: back to the form.
    pub fn rejected(&mut self, e: &ValidationError) {
        match &mut self.overlay {
            Overlay::ClientForm { form, .. }
            | Overlay::LogForm { form, .. }
            | Overlay::VoteForm { form, .. }
            | Overlay::EventForm { form, .. }
            | Overlay::VoidForm { form, .. }
            | Overlay::OffboardForm { form, .. } => form.show_errors(e),
            _ => self.error(e.to_string()),
        }
    }

    /// Another window changed what an open form was about to save: the form stays open
    /// with the reason and the way out (Ctrl-R takes the other window's values).
    pub fn conflicted(&mut self, what: &str, changes: &str) {
        let why = crate::t!("app.conflict", what = what, changes = changes);
        match &mut self.overlay {
            Overlay::ClientForm { form, .. } | Overlay::VoteForm { form, .. } => {
                form.message = Some(crate::t!("app.conflict_form", why = why));
            }
            Overlay::EventForm { form, .. } => {
                form.message = Some(crate::t!("app.conflict_event", why = why));
            }
            Overlay::VoidForm { form, .. } => {
                form.message = Some(crate::t!("app.conflict_void", why = why));
            }
            _ => self.error(why),
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
