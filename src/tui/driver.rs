//! The driver: runs the [`Effect`]s the pure app returns against the store, and keeps the
//! app in step with the file, also when another window (another rapport, a script) writes
//! to it: on every tick and before every write it asks SQLite whether anyone else
//! committed, and if so reads again only the clients whose revision moved.
//!
//! At start-up the clients list is read and shown first; every client's evidence is read
//! and scored on a thread of its own ([`Driver::start`]), and taken in on a tick. Writes
//! made meanwhile are not lost: the load notes each client's revision before it reads, and
//! what moved since is read again when it arrives.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc;

use crossterm::event::{Event, KeyEventKind, MouseEventKind};

use self::load::{Basis, Loaded, score};
use super::action::{Effect, UndoEntry, Undoable};
use super::app::walk::WalkOpen;
use super::app::{App, Damage, Overlay};
use super::forms::LogChoices;
use crate::domain::decide::case::{CaseFile, Portfolio, decidable};
use crate::domain::decide::decision::Decision;
use crate::domain::pareto::measures;
use crate::domain::record::EventUpdate;
use crate::domain::score::{PortfolioFacts, evaluate};
use crate::domain::{ClientId, ClientStatus, LogEntry};
use crate::store::{Store, StoreError};

mod import;
mod load;
mod report;
mod scripts;

pub use scripts::{exports_dir, write_fresh};
#[cfg(test)]
mod tests;

/// How many events the detail pane reads for the selected client.
const TIMELINE_LEN: usize = 40;
/// Past this many clients changed elsewhere at once, everything is read again.
const RELOAD_ALL_AT: usize = 50;

/// Runs the app's effects against the store.
pub struct Driver {
    pub store: Store,
    pub app: App,
    /// The currency symbol, for amounts in messages.
    pub currency: String,
    /// Every client's scoring evidence, kept in step with each write.
    pub facts: PortfolioFacts,
    /// SQLite's data_version when this window last read, and each client's revision.
    seen_version: i64,
    seen_revs: HashMap<ClientId, i64>,
    /// The background check of the file, until it answers.
    check: Option<mpsc::Receiver<Option<String>>>,
    /// The background load of every client's facts and scores, until it arrives.
    load: Option<mpsc::Receiver<Result<Loaded, String>>>,
    /// The check was asked for while the scores loaded: it starts when they arrive.
    check_after_load: bool,
    /// What the scripts are made with.
    pub scripts: super::app::ScriptSettings,
    /// What needs the terminal itself (the editor, the clipboard), for the loop to run.
    job: Option<super::external::Job>,
    /// The import running on a thread of its own, until it ends.
    import_job: Option<mpsc::Receiver<import::ImportMsg>>,
}

impl Driver {
    pub fn new(store: Store, mut app: App, currency: &str) -> Self {
        app.db_name = store.path().display().to_string();
        app.currency = currency.to_string();
        Self {
            store,
            app,
            currency: currency.to_string(),
            facts: PortfolioFacts::default(),
            seen_version: 0,
            seen_revs: HashMap::new(),
            check: None,
            load: None,
            check_after_load: false,
            scripts: Default::default(),
            job: None,
            import_job: None,
        }
    }

    /// The start: reads the clients list (and the selected client's detail) now, so the
    /// first frame can show it, and every client's evidence and scores in the background.
    /// [`Driver::tick`] takes them in when they come; until then the app shows "scoring".
    pub fn start(&mut self) {
        self.read_rows();
        self.mark_seen();
        let effect = self.app.reload_detail();
        self.run(effect);
        self.start_load();
    }

    /// True while the scores are being computed in the background: the loop then wakes
    /// often, to show them as soon as they come.
    pub fn scoring(&self) -> bool {
        self.load.is_some()
    }

    /// Waits for the background load and takes it in (for tests and benchmarks; the loop
    /// takes it in on a tick instead). True when there was one to wait for.
    pub fn wait_for_scores(&mut self) -> bool {
        match self.load.take() {
            Some(rx) => {
                let loaded = rx
                    .recv()
                    .unwrap_or_else(|_| Err(crate::t!("app.load_stopped").into()));
                self.take_load(loaded);
                true
            }
            None => false,
        }
    }

    /// What the scores are computed on now.
    fn basis(&self) -> Basis {
        Basis {
            as_of: self.app.scores.as_of,
            rules: self.app.scores.rules_now(),
            pareto: self.app.pareto.rules.clone(),
        }
    }

    /// Reads every client's facts and scores them on a thread of its own; a load that was
    /// still running is forgotten (its answer goes nowhere).
    fn start_load(&mut self) {
        let path = self.store.path().to_path_buf();
        let basis = self.basis();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(Loaded::read(&path, basis).map_err(|e| e.to_string()));
        });
        self.load = Some(rx);
        self.app.scoring = true;
    }

    /// No load is pending any more (it arrived, or a full read made it moot): the check
    /// that waited for it starts.
    fn end_load(&mut self) {
        self.load = None;
        self.app.scoring = false;
        if self.check_after_load {
            self.start_check();
        }
    }

    /// Takes the background load's answer if it came. True when the screen needs a redraw.
    fn poll_load(&mut self) -> bool {
        let Some(rx) = &self.load else {
            return false;
        };
        let loaded = match rx.try_recv() {
            Ok(loaded) => loaded,
            Err(mpsc::TryRecvError::Empty) => return false,
            Err(mpsc::TryRecvError::Disconnected) => Err(crate::t!("app.load_stopped").into()),
        };
        self.take_load(loaded);
        true
    }

    /// Takes in what the background load read. The clients that changed since it noted
    /// their revisions (this window's writes, another window's) are read again here, and
    /// when anything differs from what it scored on, everything is scored again: cheap,
    /// the facts are in memory.
    fn take_load(&mut self, loaded: Result<Loaded, String>) {
        self.end_load();
        // The decisions right after the scores: one query, on this connection, so they are
        // as new as anything a tick read meanwhile.
        self.read_decisions();
        let loaded = match loaded {
            Ok(l) => l,
            Err(e) => {
                self.app
                    .error(crate::t!("app.cannot_read_evidence", error = e));
                return;
            }
        };
        let Loaded {
            revs,
            mut facts,
            cards,
            measures,
            basis,
        } = loaded;
        let moved = match self.store.revisions() {
            Ok(now) => {
                let then: HashMap<ClientId, i64> = revs.into_iter().collect();
                now.into_iter()
                    .filter(|(id, rev)| then.get(id) != Some(rev))
                    .map(|(id, _)| id)
                    .collect()
            }
            Err(e) => {
                self.app
                    .error(crate::t!("app.cannot_read_changes", error = e));
                Vec::new()
            }
        };
        for id in &moved {
            match self.store.client_facts(*id) {
                Ok(Some(f)) => facts.replace(f),
                Ok(None) => {}
                Err(e) => self
                    .app
                    .error(crate::t!("app.cannot_read_evidence", error = e)),
            }
        }
        if !moved.is_empty()
            && let Ok(years) = self.store.gut_check_years()
        {
            facts.gut_check_years = years;
        }
        self.facts = facts;
        if moved.is_empty() && basis == self.basis() {
            self.app.set_measures(measures);
            self.app.set_cards(cards);
        } else {
            self.rescore();
        }
    }

    /// Feeds one terminal event to the app; true when the screen needs a redraw.
    pub fn handle(&mut self, ev: Event) -> bool {
        let effect = match ev {
            // Key presses only: releases and repeats from enhanced keyboards are ignored.
            Event::Key(k) if k.kind == KeyEventKind::Press => self.app.on_key(k),
            // The pointer moving over the screen changes nothing: no redraw for it.
            Event::Mouse(m)
                if matches!(m.kind, MouseEventKind::Moved | MouseEventKind::Drag(_)) =>
            {
                return false;
            }
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

    /// What the loop calls when it wakes: the background check's answer, the background
    /// load's, and changes other windows made. True when the screen needs a redraw.
    pub fn tick(&mut self) -> bool {
        let checked = self.poll_check();
        let loaded = self.poll_load();
        let imported = self.poll_import();
        checked | loaded | imported | self.sync()
    }

    /// Selects a client and opens its fire/keep walk.
    pub fn open_walk(&mut self, id: ClientId) {
        let effect = self.app.select_id(id);
        self.run(effect);
        self.run(Some(Effect::OpenWalk(id)));
    }

    /// A client's case as it is now, with its revision, read first: a change made in
    /// between shows as a conflict when the decision is saved, never as a decision made on
    /// evidence the walk did not show.
    fn read_case(&mut self, id: ClientId) -> Result<(CaseFile, i64), StoreError> {
        let rev = self.store.revision(id)?;
        // Whatever another window did is in the facts first.
        self.sync();
        let client = self.store.client(id)?;
        decidable(&client)?;
        let records = self.store.records(id)?;
        // While the scores load, the facts in memory are not read yet.
        let fresh;
        let facts = if self.scoring() {
            fresh = self.store.portfolio_facts()?;
            &fresh
        } else {
            &self.facts
        };
        let portfolio = Portfolio {
            facts,
            scoring: &self.app.scores.rules,
            pareto: &self.app.pareto.rules,
            decisions: &self.app.decision_rules,
        };
        Ok((portfolio.case(&client, &records, self.app.today), rev))
    }

    /// Everything a walk opens on: the case, the last decision, a draft.
    fn read_walk(&mut self, id: ClientId) -> Result<WalkOpen, StoreError> {
        let (case, rev) = self.read_case(id)?;
        let last = self.store.decisions(Some(id))?.into_iter().next();
        let draft = self.store.draft(id)?;
        Ok(WalkOpen {
            case,
            rev,
            last,
            draft,
        })
    }

    /// What changed in the open walk's client since its case was read, in words.
    fn walk_changes(&mut self, id: ClientId) -> String {
        let before = self.app.walk.as_ref().map(|v| v.walk.case.clone());
        let now = self.read_case(id).ok().map(|(case, _)| case);
        let changes = match (before, now) {
            (Some(b), Some(n)) => crate::words::say::changes(&n.changes_since(&b), &self.currency),
            _ => Vec::new(),
        };
        if changes.is_empty() {
            crate::t!("walk.status.evidence_changed").into()
        } else {
            changes.join("; ")
        }
    }

    fn save_decision(&mut self, decision: Decision, rev: i64) {
        let (client, name) = (decision.client, decision.name.clone());
        let expectations_before = if decision.chosen.for_prospect() {
            self.store.expectations(client).unwrap_or_default()
        } else {
            Vec::new()
        };
        match self.store.save_decision_at(&decision, Some(rev)) {
            Ok(id) => {
                // The row as saved: the undo takes it back only if it still is.
                if let Ok(saved) = self.store.decision(id) {
                    self.app.undo.push(UndoEntry {
                        what: Undoable::Decision {
                            saved: Box::new(saved),
                            expectations_before,
                        },
                        label: crate::t!("app.undo_decision", name = name),
                        client: Some(client),
                    });
                }
                self.app.close_walk();
                let said = crate::words::say::recorded(&decision, &self.currency);
                let mut chars = said.chars();
                let said = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default();
                self.app.success(crate::t!("app.undoable", what = said));
                self.refresh_client(client, None);
                // The log, what is coming up, the detail pane's decisions.
                self.read_decisions();
            }
            Err(StoreError::Conflict { .. }) => {
                let changes = self.walk_changes(client);
                self.app.walk_conflict(&changes);
            }
            Err(e) => self.failed(crate::t!("app.not_saved"), e),
        }
    }

    /// Starts SQLite's quick check of the file on a thread of its own; while the scores
    /// load, once they came: both read the whole file, and side by side on two cores the
    /// scores took twice as long to come.
    pub fn start_check(&mut self) {
        if self.scoring() {
            self.check_after_load = true;
            return;
        }
        self.check_after_load = false;
        let path = self.store.path().to_path_buf();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(Store::quick_check(&path));
        });
        self.check = Some(rx);
    }

    /// Takes the background check's answer if it came.
    fn poll_check(&mut self) -> bool {
        let Some(rx) = &self.check else {
            return false;
        };
        match rx.try_recv() {
            Ok(Some(problem)) => {
                self.check = None;
                self.damaged(problem);
                true
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                self.check = None;
                false
            }
            Err(mpsc::TryRecvError::Empty) => false,
        }
    }

    /// The file is damaged: the app turns read-only and offers the newest backup.
    fn damaged(&mut self, problem: String) {
        let backup = self.store.daily_backup_files().pop();
        self.app.set_damaged(Damage { problem, backup });
    }

    /// Reads again what another window changed since this one last looked. True when
    /// anything did.
    pub fn sync(&mut self) -> bool {
        let version = match self.store.data_version() {
            Ok(v) => v,
            Err(_) => return false,
        };
        if version == self.seen_version {
            return false;
        }
        self.seen_version = version;
        // Another window's ticks move no revision: the checklists are read on any change.
        let ticked = self.read_offboardings();
        let revs = match self.store.revisions() {
            Ok(r) => r,
            Err(e) => {
                self.app
                    .error(crate::t!("app.cannot_read_changes", error = e));
                return true;
            }
        };
        let moved: Vec<ClientId> = revs
            .iter()
            .filter(|(id, rev)| self.seen_revs.get(id) != Some(rev))
            .map(|(id, _)| *id)
            .collect();
        if moved.is_empty() {
            return ticked;
        }
        // An open walk on a client that moved says so: its save would be refused.
        for id in &moved {
            self.app.walk_moved(*id);
        }
        if moved.len() > RELOAD_ALL_AT {
            self.refresh();
        } else {
            for id in &moved {
                self.refresh_client(*id, None);
            }
            self.reload_gut_check();
            // A decision made elsewhere raised its client's revision: the log, and what
            // is coming up, are read again (one query).
            self.read_decisions();
        }
        // An open history of a client that moved shows what the other window did.
        if let Some(h) = &self.app.history
            && moved.contains(&h.client)
        {
            let id = h.client;
            self.run(Some(Effect::LoadHistory(id)));
        }
        self.seen_revs = revs.into_iter().collect();
        true
    }

    /// The gut check years (scores count the latest) and the list on screen, after votes
    /// may have changed elsewhere.
    fn reload_gut_check(&mut self) {
        // While the scores load, the load reads the years when it arrives.
        if !self.scoring()
            && let Ok(years) = self.store.gut_check_years()
            && years != self.facts.gut_check_years
        {
            self.facts.gut_check_years = years;
            self.rescore();
        }
        if self.app.gut.loaded {
            let year = self.app.gut.year;
            self.run(Some(Effect::LoadVotes(year)));
        }
    }

    /// Notes the revisions this window's own writes made, so they are not read again as
    /// another window's changes.
    fn mark_seen(&mut self) {
        if let Ok(revs) = self.store.revisions() {
            self.seen_revs = revs.into_iter().collect();
        }
        if let Ok(v) = self.store.data_version() {
            self.seen_version = v;
        }
    }

    /// Reads everything again, before it returns: the clients list, every scorecard, the
    /// selected detail. A background load still running is forgotten: this is newer.
    pub fn refresh(&mut self) {
        self.end_load();
        self.read_rows();
        self.read_decisions();
        match self.store.portfolio_facts() {
            Ok(facts) => {
                self.facts = facts;
                self.rescore();
            }
            Err(e) => self
                .app
                .error(crate::t!("app.cannot_read_evidence", error = e)),
        }
        self.mark_seen();
        let effect = self.app.reload_detail();
        self.run(effect);
    }

    /// After a write that touched one client: its row, its facts and its card. A new
    /// entry the facts can take in place (`logged`) is applied without reading them again.
    /// While the scores load, only the row: the load reads the facts of every client that
    /// changed meanwhile when it arrives.
    fn refresh_client(&mut self, id: ClientId, logged: Option<&LogEntry>) {
        match self.store.client_row(id, self.app.today) {
            Ok(Some(row)) => self.app.set_row(row),
            Ok(None) => self.read_rows(),
            Err(e) => self
                .app
                .error(crate::t!("app.cannot_read_client", error = e)),
        }
        if self.scoring() {
            let effect = self.app.reload_detail();
            self.run(effect);
            return;
        }
        let applied = logged.is_some_and(|entry| self.facts.apply(id, entry));
        if !applied {
            match self.store.client_facts(id) {
                Ok(Some(f)) => self.facts.replace(f),
                Ok(None) => {}
                Err(e) => self
                    .app
                    .error(crate::t!("app.cannot_read_evidence", error = e)),
            }
        }
        // The scorecards list current clients (a former one has no score, see no_score).
        let current = self.facts.client(id).filter(|f| f.status.is_current());
        match current {
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

    /// Every decision, newest first: the log, and with the clients what is coming up.
    pub fn read_decisions(&mut self) {
        match self.store.decisions(None) {
            Ok(log) => self.app.set_decisions(log),
            Err(e) => self
                .app
                .error(crate::t!("app.cannot_read_decisions", error = e)),
        }
        self.read_offboardings();
    }

    /// Every offboarding checklist, for the progress on screen and the open checklist.
    /// True when any changed.
    fn read_offboardings(&mut self) -> bool {
        let before = self.app.offboarding.lists.clone();
        match self.store.offboardings() {
            Ok(all) => self.app.set_offboardings(all),
            Err(e) => self
                .app
                .error(format!("{}: {e}", crate::t!("offboard.cli.cannot_read"))),
        }
        self.app.offboarding.lists != before
    }

    fn read_rows(&mut self) {
        match self.store.client_rows(self.app.today) {
            Ok(rows) => self.app.set_rows(rows),
            Err(e) => self
                .app
                .error(crate::t!("app.cannot_read_clients", error = e)),
        }
    }

    /// Measures every active client for the Pareto view (cheap: the facts are in memory).
    fn remeasure(&mut self) {
        let ms = measures(&self.facts, self.app.scores.as_of, &self.app.pareto.rules);
        self.app.set_measures(ms);
    }

    /// Scores every current client from the facts in memory, and measures them for the
    /// Pareto view. While the scores load, nothing: the load scores on what is chosen when
    /// it arrives (another window or as-of date included).
    fn rescore(&mut self) {
        if self.scoring() {
            return;
        }
        let (cards, ms) = score(&self.facts, &self.basis());
        self.app.set_measures(ms);
        self.app.set_cards(cards);
    }

    fn client_name(&self, id: ClientId) -> String {
        self.app.clients.row(id).map_or_else(
            || crate::t!("app.client_number", id = id.0),
            |r| r.client.fields.name.clone(),
        )
    }

    fn apply(&mut self, effect: Effect) -> Option<Effect> {
        if effect.writes() {
            // Whatever another window did first is on screen before this write.
            self.sync();
            if self.app.damaged.is_some() {
                // The walk stays to be read; anything else that would write closes.
                if self.app.overlay != Overlay::Walk {
                    self.app.close_overlay();
                }
                self.app.refuse_damaged();
                return None;
            }
        }
        let next = self.apply_now(effect);
        self.mark_seen();
        next
    }

    fn apply_now(&mut self, effect: Effect) -> Option<Effect> {
        match effect {
            Effect::LoadDetail(id) => {
                match self.store.timeline(id, self.app.today, TIMELINE_LEN) {
                    Ok(events) => self.app.set_detail(id, events),
                    Err(e) => self
                        .app
                        .error(crate::t!("app.cannot_read_timeline", error = e)),
                }
                None
            }
            Effect::SaveClient { editing, fields } => self.save_client(editing, fields),
            Effect::RebaseEdit(id) => {
                match self.store.client(id) {
                    Ok(c) => self.app.rebase_edit(id, c.fields),
                    Err(e) => self
                        .app
                        .error(crate::t!("app.cannot_read_client", error = e)),
                }
                None
            }
            Effect::Archive { id, expected } => {
                let name = expected.name.clone();
                match self.store.archive_client(id, &expected) {
                    Ok(()) => {
                        let after = crate::domain::ClientFields {
                            status: ClientStatus::Former,
                            ..expected.clone()
                        };
                        self.app.undo.push(UndoEntry {
                            what: Undoable::Edit {
                                id,
                                before: Box::new(expected),
                                after: Box::new(after),
                            },
                            label: crate::t!("app.undo_archive", name = name),
                            client: Some(id),
                        });
                        self.app.success(crate::t!("app.archived", name = name));
                        self.refresh_client(id, None);
                    }
                    Err(e) => self.failed(crate::t!("app.not_archived"), e),
                }
                None
            }
            Effect::OpenLog { client, kind } => {
                let name = self.client_name(client);
                match self.log_choices(client) {
                    Ok(choices) => self.app.open_log_form(client, kind, &name, choices),
                    Err(e) => self
                        .app
                        .error(crate::t!("app.cannot_prepare_log", error = e)),
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
                        // The row as logged: the undo takes it back only if it still is.
                        if let Ok(after) = self.store.event(undo.event()) {
                            self.app.undo.push(UndoEntry {
                                what: Undoable::Log {
                                    undo,
                                    after: Box::new(after),
                                },
                                label: crate::t!("app.undo_log", what = label, name = name),
                                client: Some(client),
                            });
                        }
                        self.app
                            .success(crate::t!("app.logged", what = label, name = name));
                        self.refresh_client(client, Some(&entry));
                    }
                    Err(e) => self.rejected(e),
                }
                None
            }
            Effect::Undo(entry) => self.undo(entry),
            Effect::Rescore => {
                self.rescore();
                None
            }
            Effect::LoadVotes(year) => {
                match self.store.votes(year) {
                    Ok(votes) => self.app.gut.set(year, votes),
                    Err(e) => self.app.error(crate::t!(
                        "app.cannot_read_votes_of",
                        year = year,
                        error = e
                    )),
                }
                None
            }
            Effect::SaveVotes {
                year,
                staff,
                expected,
                clients,
            } => match self.store.set_votes_if(year, &staff, &expected, &clients) {
                Ok(()) => {
                    self.app.close_overlay();
                    self.app.success(if clients.is_empty() {
                        crate::t!("gut_check.cleared", staff = staff, year = year)
                    } else {
                        crate::t!(
                            "gut_check.saved",
                            staff = staff,
                            n = clients.len(),
                            year = year
                        )
                    });
                    self.app.undo.push(UndoEntry {
                        what: Undoable::Votes {
                            year,
                            staff: staff.clone(),
                            before: expected,
                            after: clients,
                        },
                        label: crate::t!("gut_check.undo_label", staff = staff, year = year),
                        client: None,
                    });
                    // Staff votes can move every client's score: score them all again.
                    self.refresh();
                    Some(Effect::LoadVotes(year))
                }
                Err(e) => {
                    self.rejected(e);
                    None
                }
            },
            Effect::RebaseVotes { year, staff } => {
                match self.store.staff_list(year, &staff) {
                    Ok(list) => self.app.rebase_votes(year, &staff, list),
                    Err(e) => self
                        .app
                        .error(crate::t!("app.cannot_read_votes", error = e)),
                }
                None
            }
            Effect::Restore(from) => {
                self.restore(from);
                None
            }
            Effect::LoadHistory(id) => {
                let name = self.client_name(id);
                match self.store.events(id, None) {
                    Ok(events) => self.app.set_history(id, &name, events),
                    Err(e) => self
                        .app
                        .error(crate::t!("app.cannot_read_history", error = e)),
                }
                None
            }
            Effect::OpenEvent { id, void } => {
                let read = self.store.event(id).and_then(|seen| {
                    let terms = self
                        .store
                        .client(seen.record.client())?
                        .fields
                        .payment_terms_days;
                    Ok((seen, terms))
                });
                match read {
                    Ok((seen, _)) if void => self.app.open_void_form(seen),
                    Ok((seen, terms)) => self.app.open_event_form(seen, terms),
                    Err(e) => {
                        self.app
                            .error(crate::t!("app.cannot_read_event", id = id, error = e))
                    }
                }
                None
            }
            Effect::RebaseEvent(id) => {
                match self.store.event(id) {
                    Ok(current) => self.app.rebase_event(current),
                    Err(e) => {
                        self.app
                            .error(crate::t!("app.cannot_read_event", id = id, error = e))
                    }
                }
                None
            }
            Effect::SaveEvent { seen, update } => {
                let what = seen.record.describe();
                match self.store.update_event(&seen, &update) {
                    Ok(()) => {
                        let after = self.store.event(seen.record.id()).ok();
                        if let Some(after) = after {
                            self.app.undo.push(UndoEntry {
                                what: Undoable::EventEdit {
                                    before: seen.clone(),
                                    after: Box::new(after),
                                },
                                label: crate::t!("app.undo_edit_event", what = what),
                                client: Some(seen.record.client()),
                            });
                        }
                        self.app.success(crate::t!("app.saved_event", what = what));
                        self.event_changed(seen.record.client())
                    }
                    Err(e) => {
                        self.rejected(e);
                        None
                    }
                }
            }
            Effect::VoidEvent { seen, reason } => {
                let what = seen.record.describe();
                match self.store.void_event(&seen, &reason) {
                    Ok(()) => {
                        self.app.undo.push(UndoEntry {
                            what: Undoable::Void(seen.record.id()),
                            label: crate::t!("app.undo_void", what = what),
                            client: Some(seen.record.client()),
                        });
                        self.app.success(crate::t!("app.voided", what = what));
                        self.event_changed(seen.record.client())
                    }
                    Err(e) => {
                        self.rejected(e);
                        None
                    }
                }
            }
            Effect::OpenWalk(id) => {
                match self.read_walk(id) {
                    Ok(open) => self.app.open_walk(open),
                    Err(e) => self.failed(crate::t!("app.cannot_open_walk"), e),
                }
                None
            }
            Effect::ReopenWalk => {
                if let Some(id) = self.app.walk.as_ref().map(|v| v.client) {
                    match self.read_case(id) {
                        Ok((case, rev)) => self.app.reopen_walk(case, rev),
                        Err(e) => self.failed(crate::t!("app.cannot_reload_client"), e),
                    }
                }
                None
            }
            Effect::SaveDecision { decision, rev } => {
                self.save_decision(*decision, rev);
                None
            }
            Effect::Scripts(e) => self.script_effect(e),
            Effect::Report(client) => {
                self.write_report(client);
                None
            }
            Effect::Import(e) => self.import_effect(e),
            Effect::SaveDraft { client, answers } => {
                let name = self.client_name(client);
                match self.store.save_draft(client, &answers) {
                    Ok(()) => {
                        self.app.close_walk();
                        self.app.success(crate::t!("app.draft_kept", name = name));
                    }
                    Err(e) => self.failed(crate::t!("app.draft_not_kept"), e),
                }
                None
            }
            Effect::DropDraft(client) => {
                let name = self.client_name(client);
                match self.store.drop_draft(client) {
                    Ok(()) => self.app.info(crate::t!("app.walk_left", name = name)),
                    Err(e) => self.failed(crate::t!("app.draft_not_dropped"), e),
                }
                None
            }
            Effect::Tick {
                client,
                key,
                label,
                tick,
            } => {
                self.tick_offboarding(client, &key, &label, tick.as_ref());
                None
            }
            Effect::UnvoidEvent(id) => {
                let reason = self.store.event(id).ok().and_then(|e| e.voided);
                match self.store.unvoid_event(id) {
                    Ok(()) => {
                        let client = self.store.event(id).map(|e| e.record.client()).ok();
                        self.app.undo.push(UndoEntry {
                            what: Undoable::Unvoid {
                                id,
                                reason: reason.unwrap_or_default(),
                            },
                            label: crate::t!("app.undo_restore", id = id),
                            client,
                        });
                        self.app.success(crate::t!("app.restored_event", id = id));
                        client.and_then(|c| self.event_changed(c))
                    }
                    Err(e) => {
                        self.failed(crate::t!("app.not_restored_event"), e);
                        None
                    }
                }
            }
        }
    }

    /// Ticks or unticks an item of a client's offboarding checklist, and reads the
    /// checklists again.
    fn tick_offboarding(
        &mut self,
        client: ClientId,
        key: &str,
        label: &str,
        tick: Option<&crate::domain::offboard::Tick>,
    ) {
        let name = self.client_name(client);
        match self.store.tick_offboarding(client, key, tick) {
            Ok(before) => {
                self.app.undo.push(UndoEntry {
                    what: Undoable::Tick {
                        client,
                        key: key.to_string(),
                        before,
                        after: tick.cloned(),
                    },
                    label: crate::t!("offboard.tui.undo_label", item = label, name = name),
                    client: Some(client),
                });
                self.read_offboardings();
                let (done, total) = self
                    .app
                    .offboarding
                    .progress(client)
                    .map_or((0, 0), |p| (p.done, p.total));
                let text = if tick.is_some() {
                    crate::t!(
                        "offboard.tui.ticked",
                        item = label,
                        name = name,
                        done = done,
                        total = total
                    )
                } else {
                    crate::t!(
                        "offboard.tui.unticked",
                        item = label,
                        name = name,
                        done = done,
                        total = total
                    )
                };
                self.app.ticked(text);
            }
            Err(e) => {
                if self.app.offboard.is_some() {
                    self.app.overlay = Overlay::Offboard;
                }
                self.failed(crate::t!("offboard.cli.not_saved"), e);
            }
        }
    }

    /// After an event of `client` changed: its figures, and the history read again (the
    /// form over it closes).
    fn event_changed(&mut self, client: ClientId) -> Option<Effect> {
        self.refresh_client(client, None);
        if self.app.history.is_some() {
            self.app.overlay = super::app::Overlay::History;
            return Some(Effect::LoadHistory(client));
        }
        self.app.close_overlay();
        None
    }

    fn save_client(
        &mut self,
        editing: Option<(ClientId, crate::domain::ClientFields)>,
        fields: crate::domain::ClientFields,
    ) -> Option<Effect> {
        let result = match &editing {
            None => self.store.add_client(&fields).map(|id| (id, Vec::new())),
            Some((id, original)) => self
                .store
                .save_edit(*id, original, &fields)
                .map(|changed| (*id, changed)),
        };
        match result {
            Ok((saved, changed)) => {
                self.app.close_overlay();
                match editing {
                    None => self.app.success(crate::t!("app.added", name = fields.name)),
                    Some(_) if changed.is_empty() => self
                        .app
                        .info(crate::t!("app.nothing_changed", name = fields.name)),
                    Some((id, before)) => {
                        let what: Vec<&str> = changed.iter().map(|f| f.label()).collect();
                        self.app.success(crate::t!(
                            "app.saved_client",
                            name = fields.name,
                            fields = what.join(", ")
                        ));
                        self.app.undo.push(UndoEntry {
                            what: Undoable::Edit {
                                id,
                                before: Box::new(before),
                                after: Box::new(fields.clone()),
                            },
                            label: crate::t!("app.undo_edit_client", name = fields.name),
                            client: Some(id),
                        });
                    }
                }
                self.refresh_client(saved, None);
                self.app.select_id(saved)
            }
            Err(e) => {
                self.rejected(e);
                None
            }
        }
    }

    fn undo(&mut self, entry: UndoEntry) -> Option<Effect> {
        let UndoEntry {
            what,
            label,
            client,
        } = entry;
        let result = match &what {
            Undoable::Log { undo, after } => self.store.undo_logged(undo, after),
            Undoable::Edit { id, before, after } => {
                self.store.save_edit(*id, after, before).map(|_| ())
            }
            Undoable::Votes {
                year,
                staff,
                before,
                after,
            } => self.store.set_votes_if(*year, staff, after, before),
            Undoable::EventEdit { before, after } => self
                .store
                .update_event(after, &EventUpdate::from(&before.record)),
            Undoable::Void(id) => self.store.unvoid_event(*id),
            Undoable::Decision {
                saved,
                expectations_before,
            } => self.store.undo_decision(saved, expectations_before),
            Undoable::Tick {
                client,
                key,
                before,
                ..
            } => self
                .store
                .tick_offboarding(*client, key, before.as_ref())
                .map(|_| ()),
            Undoable::Unvoid { id, reason } => self
                .store
                .event(*id)
                .and_then(|seen| self.store.void_event(&seen, reason)),
        };
        match result {
            Ok(()) => {
                self.app.success(crate::t!("app.undone", what = label));
                match (&what, client) {
                    (Undoable::Votes { year, .. }, _) => {
                        let year = *year;
                        self.refresh();
                        return Some(Effect::LoadVotes(year));
                    }
                    (_, Some(id)) => {
                        self.refresh_client(id, None);
                        if matches!(what, Undoable::Decision { .. } | Undoable::Tick { .. }) {
                            self.read_decisions();
                        }
                        if self.app.history.as_ref().is_some_and(|h| h.client == id) {
                            return Some(Effect::LoadHistory(id));
                        }
                    }
                    (_, None) => self.refresh(),
                }
            }
            Err(e) => self.failed(&crate::t!("app.could_not_undo", what = label), e),
        }
        None
    }

    /// Replaces the damaged file with a backup, then reads everything from it.
    fn restore(&mut self, from: PathBuf) {
        let path = self.store.path().to_path_buf();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        match crate::store::restore(&path, &from, &stamp) {
            Ok(restored) => match self.store.reopen() {
                Ok(store) => {
                    self.store = store;
                    self.app.damaged = None;
                    self.app.undo.clear();
                    self.refresh();
                    self.start_check();
                    self.app.success(crate::t!(
                        "app.restored_backup",
                        from = from.display(),
                        kept = restored.kept_copy.display()
                    ));
                }
                Err(e) => self
                    .app
                    .error(crate::t!("app.restored_cannot_open", error = e)),
            },
            Err(e) => self
                .app
                .error(crate::t!("app.could_not_restore", error = e)),
        }
    }

    /// A write refused or failed: the form shows why, damage turns the app read-only.
    fn rejected(&mut self, e: StoreError) {
        match e {
            StoreError::Invalid(v) => self.app.rejected(&v),
            StoreError::Conflict { what, changes } => self.app.conflicted(&what, &changes),
            other => self.failed(crate::t!("app.not_saved"), other),
        }
    }

    fn failed(&mut self, what: &str, e: StoreError) {
        if e.is_corrupt() {
            if self.app.overlay != Overlay::Walk {
                self.app.close_overlay();
            }
            self.damaged(crate::t!("app.damaged_pages").into());
            self.app.refuse_damaged();
            return;
        }
        match e {
            StoreError::Conflict {
                what: whose,
                changes,
            } => self.app.error(crate::t!(
                "app.failed_conflict",
                what = what,
                whose = whose,
                changes = changes
            )),
            other => self
                .app
                .error(crate::t!("app.failed", what = what, error = other)),
        }
    }

    fn log_choices(&self, client: ClientId) -> Result<LogChoices, StoreError> {
        let c = self.store.client(client)?;
        Ok(LogChoices {
            tickets: self.store.tickets(client, 30)?,
            unpaid: self.store.unpaid_invoices(client)?,
            open_recommendations: self.store.open_recommendations(client)?,
            mrr: c.fields.mrr,
            terms_days: c.fields.payment_terms_days,
            currency: self.currency.clone(),
            today: self.app.today,
        })
    }
}
