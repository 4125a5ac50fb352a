//! The Import view's state and keys: a PSA's CSV export read into the database, as
//! `rapport import` does it, in steps. Choose the kind and the file (a folder listing, or a
//! typed path); see the columns, the field each feeds and the first rows as they will be
//! read, and fix the mapping; run a dry run and read its report; then import for real,
//! after a confirmation, with a progress bar. Pure: the driver lists folders, opens the
//! file and runs the import on a thread of its own, and reports back here.

pub mod mapping;
pub mod picker;

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use self::mapping::{MapState, Opened};
use self::picker::{Entry, Picker};
use super::cursor::Move;
use super::{App, Overlay};
use crate::domain::import::{ImportKind, Mapping, Preset};
use crate::import::{CsvFile, Progress};
use crate::store::{ImportOptions, ImportReport};
use crate::tui::action::Effect;
use crate::tui::keymap;

/// What a key in the Import view asks for (see `keymap::import`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// The file picker: open the folder, or pick the file.
    Open,
    /// The file picker: the folder above.
    Parent,
    /// The file picker: type a path.
    TypePath,
    /// The next or previous kind of file.
    Kind,
    KindBack,
    /// The mapping: the selected column feeds the next or previous field, or nothing.
    NextField,
    PrevField,
    /// The mapping: the fields of the kind in a menu, to pick the selected column's.
    ChooseField,
    NotRead,
    /// The mapping: the next or previous preset; the next date format.
    Preset,
    PresetBack,
    DateFormat,
    /// The mapping: scroll the preview.
    PreviewUp,
    PreviewDown,
    /// The mapping: a dry run, and its report.
    Run,
    /// The mapping: save it as a preset in the config.
    Save,
    /// The report: create the clients the file names that the database does not hold.
    CreateClients,
    /// The report: import for real (after a confirmation).
    Import,
    /// One step back.
    Back,
    /// After an import: another file.
    Another,
    Close,
    Help,
}

/// What the Import view asks the driver to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportEffect {
    /// List a folder (`.` is the current directory), selecting the entry named `select`.
    List {
        dir: PathBuf,
        select: Option<String>,
    },
    /// A typed path: a folder is listed, a file opened.
    Go(PathBuf),
    /// Sniff a file and read its first rows.
    Open(PathBuf),
    /// Run the import (a dry run, or for real) on a thread with a connection of its own.
    Run {
        file: Box<CsvFile>,
        mapping: Box<Mapping>,
        options: ImportOptions,
    },
    /// Save the mapping as a preset under `[import.presets.NAME]` in the config.
    SavePreset(Box<Preset>),
}

impl ImportEffect {
    /// True for the import for real: refused while the file is damaged.
    pub fn writes(&self) -> bool {
        matches!(self, ImportEffect::Run { options, .. } if !options.dry_run)
    }
}

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The kind and the file.
    Choose,
    /// The columns, the fields they feed, the preview.
    Map,
    /// A dry run's report.
    Report,
    /// The import running (a dry run or for real).
    Running,
    /// The import done: what it wrote.
    Done,
}

/// A line the user types into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A path, to a folder or a file.
    Path(String),
    /// The name to save the mapping under, as a preset.
    PresetName(String),
}

impl Input {
    pub fn text(&self) -> &str {
        match self {
            Input::Path(s) | Input::PresetName(s) => s,
        }
    }

    fn text_mut(&mut self) -> &mut String {
        match self {
            Input::Path(s) | Input::PresetName(s) => s,
        }
    }
}

/// What an import run reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub report: ImportReport,
    pub options: ImportOptions,
    /// Lines scrolled down in its list.
    pub scroll: usize,
}

/// The Import view while it is open (and its folder and kind after, for the next time).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportView {
    pub kind: ImportKind,
    pub step: Step,
    pub picker: Picker,
    pub map: Option<MapState>,
    /// The last run's report (the dry run's on the report step, the import's when done).
    pub outcome: Option<Outcome>,
    /// Create the clients the file names that the database does not hold.
    pub create_clients: bool,
    /// The run under way: a dry run or not, and how far it came.
    pub running: Option<(bool, Option<Progress>)>,
    pub input: Option<Input>,
    /// The confirmation of the import for real is asked.
    pub confirm: bool,
    pub help: bool,
}

impl Default for ImportView {
    fn default() -> Self {
        Self {
            kind: ImportKind::Tickets,
            step: Step::Choose,
            picker: Picker::default(),
            map: None,
            outcome: None,
            create_clients: false,
            running: None,
            input: None,
            confirm: false,
            help: false,
        }
    }
}

fn next_kind(k: ImportKind, forward: bool) -> ImportKind {
    let all = ImportKind::ALL;
    let at = all.iter().position(|x| *x == k).unwrap_or(0);
    let n = all.len();
    all[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }]
}

impl App {
    /// `I`: the Import view, on the folder it showed last (the current directory at first).
    pub(super) fn open_import(&mut self) -> Option<Effect> {
        let v = self.import.get_or_insert_with(ImportView::default);
        v.step = Step::Choose;
        v.map = None;
        v.outcome = None;
        v.running = None;
        v.input = None;
        v.confirm = false;
        v.help = false;
        self.overlay = Overlay::Import;
        self.status = None;
        let dir = if v.picker.dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            v.picker.dir.clone()
        };
        Some(Effect::Import(ImportEffect::List { dir, select: None }))
    }

    /// The driver read a folder.
    pub fn import_listed(
        &mut self,
        dir: PathBuf,
        listing: Result<Vec<Entry>, String>,
        select: Option<String>,
    ) {
        let page = self.import_page();
        let Some(v) = self.import.as_mut() else {
            return;
        };
        match listing {
            Ok(entries) => {
                v.picker.set(dir, entries, select.as_deref(), page);
                v.step = Step::Choose;
            }
            Err(why) => {
                let shown = dir.display().to_string();
                self.error(crate::t!("import_view.cannot_list", dir = shown, why = why));
            }
        }
    }

    /// The driver opened the file picked: the mapping step, with the preset that fits.
    pub fn import_opened(&mut self, path: PathBuf, opened: Result<Opened, String>) {
        let Some(v) = self.import.as_mut() else {
            return;
        };
        match opened {
            Ok(o) => {
                let m = MapState::new(v.kind, o);
                let name = file_name(&m.file.path);
                v.map = Some(m);
                v.outcome = None;
                v.step = Step::Map;
                self.info(crate::t!("import_view.opened", file = name));
            }
            Err(why) => {
                let name = file_name(&path);
                self.error(crate::t!("import_view.cannot_open", file = name, why = why));
            }
        }
    }

    /// How far the run has come.
    pub fn import_progress(&mut self, p: Progress) {
        if let Some((_, progress)) = self.import.as_mut().and_then(|v| v.running.as_mut()) {
            *progress = Some(p);
        }
    }

    /// The run ended: a dry run's report to read, or the import's summary.
    pub fn import_finished(&mut self, result: Result<ImportReport, String>) {
        let Some(v) = self.import.as_mut() else {
            return;
        };
        let Some((dry_run, _)) = v.running.take() else {
            return;
        };
        let options = ImportOptions {
            create_clients: v.create_clients,
            dry_run,
        };
        match result {
            Ok(report) => {
                let written = report.written;
                let bad = report.bad_rows.len();
                v.step = if dry_run { Step::Report } else { Step::Done };
                v.outcome = Some(Outcome {
                    report,
                    options,
                    scroll: 0,
                });
                let text = match (dry_run, written, bad) {
                    (true, _, 0) => crate::t!("import_view.dry_run_done").to_string(),
                    (true, _, n) => crate::tn!("import_view.dry_run_bad", n),
                    (false, true, _) => crate::t!("import_view.imported").to_string(),
                    (false, false, _) => crate::t!("import_view.nothing_written").to_string(),
                };
                if bad > 0 || (!dry_run && !written) {
                    self.error(text);
                } else {
                    self.success(text);
                }
            }
            Err(why) => {
                v.step = if dry_run || v.outcome.is_none() {
                    Step::Map
                } else {
                    Step::Report
                };
                self.error(crate::t!("import_view.run_failed", why = why));
            }
        }
    }

    /// The mapping was saved as a preset (or not).
    pub fn import_preset_saved(&mut self, result: Result<Preset, String>) {
        match result {
            Ok(p) => {
                let name = p.name.clone();
                if let Some(m) = self.import.as_mut().and_then(|v| v.map.as_mut()) {
                    match m
                        .presets
                        .iter()
                        .position(|q| q.kind == p.kind && q.name == p.name)
                    {
                        Some(i) => m.presets[i] = p,
                        None => m.presets.push(p),
                    }
                    if let Some(i) = m.presets.iter().position(|q| q.name == name) {
                        m.preset = i;
                        m.changed = false;
                    }
                }
                self.success(crate::t!("import_view.preset_saved", name = name));
            }
            Err(why) => self.error(crate::t!("import_view.preset_not_saved", why = why)),
        }
    }

    /// Is an import running (the loop then wakes often, for the progress bar)?
    pub fn importing(&self) -> bool {
        self.import.as_ref().is_some_and(|v| v.running.is_some())
    }

    /// Closes the view (the driver read everything again when the import wrote); its
    /// folder and kind stay for the next time.
    fn close_import(&mut self) {
        self.overlay = Overlay::None;
        if let Some(v) = self.import.as_mut() {
            v.map = None;
            v.outcome = None;
            v.step = Step::Choose;
        }
    }

    /// The terminal was resized: the lists keep their selection in view.
    pub(super) fn import_resized(&mut self) {
        let page = self.import_page();
        let preview = match &self.import {
            Some(v) => crate::tui::screens::import::preview_page(self.viewport, v),
            None => return,
        };
        let Some(v) = self.import.as_mut() else {
            return;
        };
        let len = v.picker.entries.len();
        v.picker.cursor.clamp(len, page);
        if let Some(m) = v.map.as_mut() {
            m.cursor.clamp(m.columns.len(), page);
            m.scroll = m.scroll.min(m.rows.len().saturating_sub(preview));
        }
        let len = crate::tui::screens::import::report::list_len(self.viewport, v);
        if let Some(o) = v.outcome.as_mut() {
            o.scroll = o.scroll.min(len.saturating_sub(page));
        }
    }

    /// How many rows of the step's list show at once.
    pub(super) fn import_page(&self) -> usize {
        match &self.import {
            Some(v) => crate::tui::screens::import::page(self.viewport, v),
            None => 1,
        }
    }

    pub(super) fn import_key(&mut self, k: KeyEvent) -> Option<Effect> {
        self.overlay = Overlay::Import;
        let v = self.import.as_mut()?;
        if v.help {
            v.help = false;
            return None;
        }
        if v.input.is_some() {
            return self.import_input_key(k);
        }
        let kind = v.kind;
        if let Some(m) = v.map.as_mut().filter(|m| m.menu.is_some()) {
            let plain = keymap::is_plain(&k);
            let len = kind.fields().len() + 1;
            match k.code {
                KeyCode::Up | KeyCode::Char('k') if plain => m.menu_step(Move::Up, len),
                KeyCode::Down | KeyCode::Char('j') if plain => m.menu_step(Move::Down, len),
                KeyCode::Home | KeyCode::Char('g') if plain => m.menu_step(Move::Top, len),
                KeyCode::End | KeyCode::Char('G') if plain => m.menu_step(Move::Bottom, len),
                KeyCode::Enter | KeyCode::Char(' ') if plain => m.pick_menu(kind),
                KeyCode::Esc | KeyCode::Char('q') if plain => m.menu = None,
                _ => {}
            }
            return None;
        }
        if v.confirm {
            v.confirm = false;
            let plain = keymap::is_plain(&k);
            return match k.code {
                KeyCode::Char('y') if plain => self.import_for_real(),
                _ => {
                    self.info(crate::t!("import_view.not_now"));
                    None
                }
            };
        }
        let a = keymap::import::action(v.step, &k)?;
        self.import_act(a)
    }

    /// Keys while a path or a preset's name is typed.
    fn import_input_key(&mut self, k: KeyEvent) -> Option<Effect> {
        let v = self.import.as_mut()?;
        let mut input = v.input.take()?;
        let plain = keymap::is_plain(&k);
        match k.code {
            KeyCode::Esc if plain => {
                self.status = None;
                return None;
            }
            KeyCode::Enter if plain => {
                let text = input.text().trim().to_string();
                if text.is_empty() {
                    v.input = Some(input);
                    self.error(crate::t!("import_view.type_something"));
                    return None;
                }
                self.status = None;
                return match input {
                    Input::Path(_) => {
                        let path = v.picker.dir.join(&text);
                        Some(Effect::Import(ImportEffect::Go(path)))
                    }
                    Input::PresetName(_) => {
                        let m = v.map.as_ref()?;
                        Some(Effect::Import(ImportEffect::SavePreset(Box::new(
                            m.mapping.to_preset(&text),
                        ))))
                    }
                };
            }
            KeyCode::Backspace if plain => {
                input.text_mut().pop();
            }
            KeyCode::Char('u') if k.modifiers == KeyModifiers::CONTROL => {
                input.text_mut().clear();
            }
            KeyCode::Char(c) if plain => input.text_mut().push(c),
            _ => {}
        }
        v.input = Some(input);
        None
    }

    /// Pasted text goes into the line being typed.
    pub(super) fn import_paste(&mut self, text: &str) {
        if let Some(input) = self.import.as_mut().and_then(|v| v.input.as_mut()) {
            input.text_mut().push_str(text);
        }
    }

    /// The wheel moves as ↑ and ↓ do.
    pub(super) fn import_scroll(&mut self, down: bool) -> Option<Effect> {
        let v = self.import.as_ref()?;
        if v.input.is_some() || v.confirm || v.help {
            return None;
        }
        self.import_act(if down {
            ImportAction::Down
        } else {
            ImportAction::Up
        })
    }

    fn import_act(&mut self, a: ImportAction) -> Option<Effect> {
        let page = self.import_page();
        let preview_page =
            crate::tui::screens::import::preview_page(self.viewport, self.import.as_ref()?);
        let damaged = self.damaged.is_some();
        let v = self.import.as_mut()?;
        let kind = v.kind;
        match (v.step, a) {
            (_, ImportAction::Help) => v.help = true,
            (Step::Running, ImportAction::Close | ImportAction::Back) => {
                self.info(crate::t!("import_view.still_running"));
            }
            (_, ImportAction::Close) => self.close_import(),
            (Step::Choose, ImportAction::Kind | ImportAction::KindBack)
            | (Step::Map, ImportAction::Kind | ImportAction::KindBack) => {
                v.kind = next_kind(kind, a == ImportAction::Kind);
                let new = v.kind;
                if let Some(m) = v.map.as_mut() {
                    m.set_kind(new);
                }
            }
            (Step::Choose, m @ (ImportAction::Up | ImportAction::Down)) => {
                v.picker.step(
                    if m == ImportAction::Up {
                        Move::Up
                    } else {
                        Move::Down
                    },
                    page,
                );
            }
            (Step::Choose, ImportAction::PageUp) => v.picker.step(Move::PageUp, page),
            (Step::Choose, ImportAction::PageDown) => v.picker.step(Move::PageDown, page),
            (Step::Choose, ImportAction::Top) => v.picker.step(Move::Top, page),
            (Step::Choose, ImportAction::Bottom) => v.picker.step(Move::Bottom, page),
            (Step::Choose, ImportAction::Open) => {
                let Some(e) = v.picker.selected() else {
                    self.info(crate::t!("import_view.nothing_here"));
                    return None;
                };
                if e.is_up() {
                    return self.import_act(ImportAction::Parent);
                }
                let path = v.picker.dir.join(&e.name);
                return Some(Effect::Import(if e.folder {
                    ImportEffect::List {
                        dir: path,
                        select: None,
                    }
                } else {
                    ImportEffect::Open(path)
                }));
            }
            (Step::Choose, ImportAction::Parent) => match v.picker.parent() {
                Some((dir, select)) => {
                    return Some(Effect::Import(ImportEffect::List { dir, select }));
                }
                None => self.info(crate::t!("import_view.at_the_top")),
            },
            (Step::Choose, ImportAction::TypePath) => {
                v.input = Some(Input::Path(String::new()));
                self.info(crate::t!("import_view.type_path_hint"));
            }
            (Step::Map, _) => return self.import_map_act(a, page, preview_page),
            (Step::Report | Step::Done, ImportAction::Up | ImportAction::Down)
            | (Step::Report | Step::Done, ImportAction::PageUp | ImportAction::PageDown)
            | (Step::Report | Step::Done, ImportAction::Top | ImportAction::Bottom) => {
                let len = crate::tui::screens::import::report::list_len(self.viewport, v);
                if let Some(o) = v.outcome.as_mut() {
                    let last = len.saturating_sub(page);
                    o.scroll = match a {
                        ImportAction::Up => o.scroll.saturating_sub(1),
                        ImportAction::Down => (o.scroll + 1).min(last),
                        ImportAction::PageUp => o.scroll.saturating_sub(page),
                        ImportAction::PageDown => (o.scroll + page).min(last),
                        ImportAction::Top => 0,
                        _ => last,
                    };
                }
            }
            (Step::Report, ImportAction::CreateClients) => {
                v.create_clients = !v.create_clients;
                let on = v.create_clients;
                let run = self.import_run(true);
                self.info(if on {
                    crate::t!("import_view.create_on")
                } else {
                    crate::t!("import_view.create_off")
                });
                return run;
            }
            (Step::Report, ImportAction::Import) => {
                if damaged {
                    self.refuse_damaged();
                    return None;
                }
                let o = v.outcome.as_ref()?;
                if !o.report.bad_rows.is_empty() {
                    let n = o.report.bad_rows.len();
                    self.error(crate::tn!("import_view.fix_bad_rows_first", n));
                    return None;
                }
                if o.report.added + o.report.updated == 0 && o.report.created_clients.is_empty() {
                    self.info(crate::t!("import_view.nothing_to_import"));
                    return None;
                }
                v.confirm = true;
            }
            (Step::Report, ImportAction::Back) => {
                v.step = Step::Map;
                v.outcome = None;
            }
            (Step::Done, ImportAction::Another | ImportAction::Back) => {
                v.step = Step::Choose;
                v.map = None;
                v.outcome = None;
                let dir = v.picker.dir.clone();
                return Some(Effect::Import(ImportEffect::List { dir, select: None }));
            }
            (Step::Choose, ImportAction::Back) => self.close_import(),
            _ => {}
        }
        None
    }

    fn import_map_act(
        &mut self,
        a: ImportAction,
        page: usize,
        preview_page: usize,
    ) -> Option<Effect> {
        let v = self.import.as_mut()?;
        let kind = v.kind;
        let m = v.map.as_mut()?;
        match a {
            ImportAction::Up => m.step(Move::Up, page),
            ImportAction::Down => m.step(Move::Down, page),
            ImportAction::Top => m.step(Move::Top, page),
            ImportAction::Bottom => m.step(Move::Bottom, page),
            ImportAction::PageUp | ImportAction::PreviewUp => {
                let by = if a == ImportAction::PageUp {
                    preview_page
                } else {
                    1
                };
                m.scroll = m.scroll.saturating_sub(by);
            }
            ImportAction::PageDown | ImportAction::PreviewDown => {
                let by = if a == ImportAction::PageDown {
                    preview_page
                } else {
                    1
                };
                let last = m.preview.len().saturating_sub(preview_page);
                m.scroll = (m.scroll + by).min(last);
            }
            ImportAction::NextField | ImportAction::PrevField => {
                m.cycle_field(kind, a == ImportAction::NextField);
            }
            ImportAction::ChooseField => m.open_menu(kind),
            ImportAction::NotRead => {
                m.not_read(kind);
            }
            ImportAction::Preset | ImportAction::PresetBack => {
                let had_changes = m.changed;
                m.cycle_preset(kind, a == ImportAction::Preset);
                let name = m.preset().map(|p| p.name.clone()).unwrap_or_default();
                self.info(if had_changes {
                    crate::t!("import_view.preset_now_replaced", name = name)
                } else {
                    crate::t!("import_view.preset_now", name = name)
                });
            }
            ImportAction::DateFormat => m.cycle_date_format(kind),
            ImportAction::Save => {
                // A taken name is refused (a preset is never overwritten): none is offered.
                v.input = Some(Input::PresetName(String::new()));
                self.info(crate::t!("import_view.save_hint"));
            }
            ImportAction::Run => return self.import_run(true),
            ImportAction::Back => {
                v.step = Step::Choose;
                v.map = None;
                let dir = v.picker.dir.clone();
                return Some(Effect::Import(ImportEffect::List { dir, select: None }));
            }
            _ => {}
        }
        None
    }

    /// Starts a run with the mapping as it stands, if it can run. Not while the file is
    /// damaged: even a dry run writes before it rolls back.
    fn import_run(&mut self, dry_run: bool) -> Option<Effect> {
        if self.damaged.is_some() {
            self.refuse_damaged();
            return None;
        }
        let v = self.import.as_mut()?;
        let m = v.map.as_ref()?;
        let Some(mapping) = m.ready() else {
            self.error(crate::t!("import_view.fix_mapping_first"));
            return None;
        };
        let effect = Effect::Import(ImportEffect::Run {
            file: Box::new(m.file.clone()),
            mapping: Box::new(mapping.clone()),
            options: ImportOptions {
                create_clients: v.create_clients,
                dry_run,
            },
        });
        v.running = Some((dry_run, None));
        v.step = Step::Running;
        v.confirm = false;
        self.status = None;
        Some(effect)
    }

    /// `y` on the confirmation.
    fn import_for_real(&mut self) -> Option<Effect> {
        if self.damaged.is_some() {
            self.refuse_damaged();
            return None;
        }
        self.import_run(false)
    }
}

/// A path's last part, as messages name a file.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
