//! The fire/keep walk on screen (`f` on a client, or `rapport decide CLIENT`): the domain's
//! [`Walk`] step by step, its questions pre-answered from the data, the outcome and what it
//! needs, then Enter saves the decision. Keys come from `keymap::WALK`; a field being typed
//! into and the two questions (continue a draft? keep a draft?) read their own. What the
//! walk shows is built in [`super::walk_body`].

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Overlay};
use crate::domain::ClientId;
use crate::domain::decide::Outcome;
use crate::domain::decide::case::CaseFile;
use crate::domain::decide::decision::{Change, Decision, Snapshot};
use crate::domain::decide::walk::{Answers, Q, Step, Walk};
use crate::domain::error::FieldError;
use crate::t;
use crate::tui::action::{Effect, WalkAction};
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::widgets::form::{Field as FormField, Form, FormKey};
use crate::words::say;

/// What the driver reads to open a walk.
#[derive(Debug, Clone)]
pub struct WalkOpen {
    pub case: CaseFile,
    /// The client's revision when its case was read: the decision is saved only over it.
    pub rev: i64,
    /// The client's last decision: the walk starts from its answers.
    pub last: Option<Decision>,
    /// A draft kept earlier: offered to continue from.
    pub draft: Option<Answers>,
}

/// The last decision and what changed in the evidence since (shown on the first step).
#[derive(Debug, Clone, PartialEq)]
pub struct Since {
    pub on: NaiveDate,
    pub chosen: Outcome,
    pub changes: Vec<Change>,
}

/// What the user types on the outcome step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Why another outcome than the proposal (only when one was chosen).
    Reason,
    /// Keep and watch: when to look again.
    ReviewOn,
    /// Reprice: the MRR to ask.
    NewMrr,
    Notes,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Reason => t!("walk.field.reason"),
            Field::ReviewOn => t!("walk.field.review_on"),
            Field::NewMrr => t!("walk.field.new_mrr"),
            Field::Notes => t!("walk.field.notes"),
        }
    }
}

/// A line of the step that the selection moves over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Question(Q),
    /// The outcome chosen (or proposed).
    Outcome,
    Field(Field),
}

/// A question over the walk.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// A draft was kept: continue from it, or start afresh?
    ContinueDraft(Box<Answers>),
    /// Leaving with answers given: keep a draft?
    KeepDraft,
}

/// A field being typed into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub field: Field,
    /// One text field: the editing keys of every form.
    pub form: Form,
    /// Why the value typed was refused.
    pub error: Option<String>,
}

impl Edit {
    pub fn value(&self) -> &str {
        self.form.fields.first().map_or("", |f| f.value.as_str())
    }

    /// The cursor's place in the value, in characters.
    pub fn cursor(&self) -> usize {
        self.form.fields.first().map_or(0, |f| f.cursor)
    }
}

/// The walk while it is open.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkView {
    pub walk: Walk,
    pub client: ClientId,
    /// The client's revision when the case was read.
    pub rev: i64,
    /// What the walk held when it opened: leaving asks about a draft only when the
    /// answers moved from it.
    pub start: Answers,
    /// A draft of this client was in the file when the walk opened.
    pub had_draft: bool,
    pub since: Option<Since>,
    /// The selected row of the step.
    pub row: usize,
    /// Lines scrolled down past where the selection puts the view (PgDn).
    pub scroll: usize,
    pub prompt: Option<Prompt>,
    pub edit: Option<Edit>,
    /// The client changed in another window since the case was read.
    pub stale: bool,
}

impl WalkView {
    pub fn name(&self) -> &str {
        &self.walk.case.client.fields.name
    }

    /// The rows of the step on screen.
    pub fn rows(&self) -> Vec<Row> {
        let w = &self.walk;
        match w.step() {
            Step::Outcome => {
                let chosen = w.chosen();
                let mut rows = vec![Row::Outcome];
                if chosen != w.proposal().outcome {
                    rows.push(Row::Field(Field::Reason));
                }
                match chosen {
                    Outcome::Watch => rows.push(Row::Field(Field::ReviewOn)),
                    Outcome::Reprice => rows.push(Row::Field(Field::NewMrr)),
                    _ => {}
                }
                rows.push(Row::Field(Field::Notes));
                rows
            }
            step => w
                .questions_of(step)
                .into_iter()
                .map(|q| Row::Question(q.q))
                .collect(),
        }
    }

    pub fn selected(&self) -> Option<Row> {
        self.rows().get(self.row).copied()
    }

    /// True on the step where Enter saves.
    pub fn last_step(&self) -> bool {
        let (at, of) = self.walk.progress();
        at == of
    }

    /// True when the answers moved since the walk opened.
    pub fn changed(&self) -> bool {
        self.walk.draft() != self.start
    }

    fn select(&mut self, row: Row) {
        if let Some(i) = self.rows().iter().position(|r| *r == row) {
            self.row = i;
            self.scroll = 0;
        }
    }

    /// The selection stays on the rows there are (a field comes and goes with the outcome).
    fn clamp(&mut self) {
        let n = self.rows().len();
        self.row = self.row.min(n.saturating_sub(1));
    }

    fn stepped(&mut self, moved: bool) {
        if moved {
            self.row = 0;
            self.scroll = 0;
        }
    }

    /// Chooses an outcome; the proposal's own means "follow the proposal".
    fn choose(&mut self, o: Outcome) {
        let proposed = self.walk.proposal().outcome;
        self.walk.choose((o != proposed).then_some(o));
        self.clamp();
    }

    /// The outcome before or after the one chosen, among those there are.
    fn cycle(&mut self, forward: bool) {
        let choices = self.walk.choices();
        let n = choices.len();
        let at = choices
            .iter()
            .position(|o| *o == self.walk.chosen())
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.choose(choices[next]);
    }

    /// The field's value as typed into it.
    fn typed(&self, field: Field) -> String {
        let a = &self.walk.answers;
        match field {
            Field::Reason => a.override_reason.clone(),
            Field::ReviewOn => a
                .review_on
                .or_else(|| self.walk.default_review())
                .map(crate::domain::date::iso)
                .unwrap_or_default(),
            Field::NewMrr => a
                .proposed_mrr
                .unwrap_or(self.walk.case.reprice.proposed_mrr)
                .plain(),
            Field::Notes => a.notes.replace('\n', " "),
        }
    }

    fn start_edit(&mut self, field: Field, error: Option<String>) {
        let value = self.typed(field);
        let f = match field {
            Field::Reason | Field::Notes => FormField::long_text("value", field.label(), value),
            Field::ReviewOn | Field::NewMrr => FormField::text("value", field.label(), value),
        };
        self.select(Row::Field(field));
        self.edit = Some(Edit {
            field,
            form: Form::new(field.label(), vec![f]),
            error,
        });
    }

    /// Puts what was typed into the walk, checked by the domain.
    fn set(&mut self, field: Field, value: &str) -> Result<(), FieldError> {
        let w = &mut self.walk;
        match field {
            Field::Reason => w.set_override_reason(value),
            Field::ReviewOn => w.set_review_on(value),
            Field::NewMrr => w.set_proposed_mrr(value),
            Field::Notes => w.set_notes(value),
        }
    }
}

impl App {
    /// Opens the walk on what the driver read. A kept draft is offered first.
    pub fn open_walk(&mut self, o: WalkOpen) {
        let client = o.case.client.id;
        let since = o.last.as_ref().map(|d| Since {
            on: d.decided_on,
            chosen: d.chosen,
            changes: Snapshot::of(&o.case).changes_since(&d.snapshot),
        });
        let walk = Walk::new(o.case, o.last.map(|d| d.answers));
        self.walk = Some(WalkView {
            start: walk.draft(),
            walk,
            client,
            rev: o.rev,
            had_draft: o.draft.is_some(),
            since,
            row: 0,
            scroll: 0,
            prompt: o.draft.map(|d| Prompt::ContinueDraft(Box::new(d))),
            edit: None,
            stale: false,
        });
        self.history = None;
        self.overlay = Overlay::Walk;
        self.status = None;
    }

    /// The client was read again (Ctrl-R): the walk goes on over the fresh case, with the
    /// user's answers and the step it was on.
    pub fn reopen_walk(&mut self, case: CaseFile, rev: i64) {
        let Some(v) = &mut self.walk else {
            return;
        };
        let step = v.walk.step();
        v.walk = Walk::resume(case, v.walk.draft());
        v.walk.go(step);
        v.rev = rev;
        v.stale = false;
        v.edit = None;
        v.clamp();
        let name = v.name().to_string();
        self.info(t!("walk.status.reread", name = name));
    }

    /// Another window changed the walk's client: the walk says so (and Ctrl-R reads it).
    pub fn walk_moved(&mut self, id: ClientId) {
        if let Some(v) = &mut self.walk
            && v.client == id
        {
            v.stale = true;
        }
    }

    /// The decision was saved: the walk closes.
    pub fn close_walk(&mut self) {
        self.walk = None;
        if matches!(self.overlay, Overlay::Walk | Overlay::Help) {
            self.overlay = Overlay::None;
        }
    }

    /// The save was refused: the client changed underneath since the walk opened.
    pub fn walk_conflict(&mut self, changes: &str) {
        let Some(v) = &mut self.walk else {
            return;
        };
        v.stale = true;
        let name = v.name().to_string();
        self.error(t!("walk.status.conflict", name = name, changes = changes));
    }

    /// Keys while the walk is open.
    pub(super) fn walk_key(&mut self, k: KeyEvent) -> Option<Effect> {
        self.overlay = Overlay::Walk;
        let Some(v) = &mut self.walk else {
            self.overlay = Overlay::None;
            return None;
        };
        if let Some(p) = v.prompt.take() {
            return self.walk_prompt_key(k, p);
        }
        if let Some(e) = v.edit.take() {
            self.walk_edit_key(k, e);
            return None;
        }
        keymap::walk_action(&k).and_then(|a| self.walk_act(a))
    }

    fn walk_prompt_key(&mut self, k: KeyEvent, p: Prompt) -> Option<Effect> {
        let plain = keymap::is_plain(&k);
        let v = self.walk.as_mut()?;
        match (p, k.code) {
            (Prompt::ContinueDraft(draft), KeyCode::Char('c' | 'y') | KeyCode::Enter) if plain => {
                v.walk = Walk::resume(v.walk.case.clone(), *draft);
                v.start = v.walk.draft();
                self.info(t!("walk.status.picked_up"));
                None
            }
            (Prompt::ContinueDraft(_), KeyCode::Char('n')) if plain => {
                self.info(t!("walk.status.afresh"));
                None
            }
            (Prompt::ContinueDraft(_), KeyCode::Esc) if plain => {
                self.close_walk();
                self.info(t!("walk.status.left_draft_kept"));
                None
            }
            (Prompt::KeepDraft, KeyCode::Char('y') | KeyCode::Enter) if plain => {
                // The walk closes once the draft is kept (it stays open if that fails).
                Some(Effect::SaveDraft {
                    client: v.client,
                    answers: Box::new(v.walk.draft()),
                })
            }
            (Prompt::KeepDraft, KeyCode::Char('n')) if plain => {
                let (client, had) = (v.client, v.had_draft);
                let name = v.name().to_string();
                self.close_walk();
                if had {
                    return Some(Effect::DropDraft(client));
                }
                self.info(t!("walk.status.left_not_kept", name = name));
                None
            }
            (Prompt::KeepDraft, KeyCode::Esc) if plain => None,
            (p, _) => {
                v.prompt = Some(p);
                None
            }
        }
    }

    fn walk_edit_key(&mut self, k: KeyEvent, mut e: Edit) {
        let plain = keymap::is_plain(&k);
        let Some(v) = &mut self.walk else {
            return;
        };
        match k.code {
            KeyCode::Esc if plain => {}
            KeyCode::Enter if plain => {
                let value = e.value().to_string();
                match v.set(e.field, &value) {
                    Ok(()) => self.status = None,
                    Err(err) => {
                        e.error = Some(err.message);
                        v.edit = Some(e);
                    }
                }
            }
            _ => {
                if let Some(fk) = keymap::form_key(&k)
                    && !matches!(fk, FormKey::Next | FormKey::Prev)
                {
                    e.form.key(fk);
                    e.error = None;
                }
                v.edit = Some(e);
            }
        }
    }

    /// Pasted text goes into the field being typed into.
    pub(super) fn walk_paste(&mut self, text: &str) {
        if let Some(Edit { form, .. }) = self.walk.as_mut().and_then(|v| v.edit.as_mut()) {
            for c in text.chars() {
                form.key(FormKey::Char(c));
            }
        }
    }

    /// The wheel scrolls the step.
    pub(super) fn walk_scroll(&mut self, down: bool) {
        self.walk_act(if down {
            WalkAction::PageDown
        } else {
            WalkAction::PageUp
        });
    }

    fn walk_act(&mut self, a: WalkAction) -> Option<Effect> {
        let page = self.walk_page();
        let width = self.walk_width();
        let damaged = self.damaged.is_some();
        let today = self.today;
        let v = self.walk.as_mut()?;
        let row = v.selected();
        match a {
            WalkAction::Up => {
                v.row = v.row.saturating_sub(1);
                v.scroll = 0;
            }
            WalkAction::Down => {
                v.row = (v.row + 1).min(v.rows().len().saturating_sub(1));
                v.scroll = 0;
            }
            WalkAction::PageDown => {
                let room = v.max_scroll(width, page);
                v.scroll = (v.scroll + page.saturating_sub(1).max(1)).min(room);
            }
            WalkAction::PageUp => {
                let room = v.max_scroll(width, page);
                v.scroll = v
                    .scroll
                    .min(room)
                    .saturating_sub(page.saturating_sub(1).max(1));
            }
            WalkAction::Yes | WalkAction::No | WalkAction::Toggle | WalkAction::Clear => {
                match row {
                    Some(Row::Question(q)) => {
                        let answer = match a {
                            WalkAction::Yes => Some(true),
                            WalkAction::No => Some(false),
                            WalkAction::Toggle => Some(v.walk.answer(q) != Some(true)),
                            _ => None,
                        };
                        v.walk.set(q, answer);
                        v.clamp();
                    }
                    Some(Row::Outcome) => match a {
                        WalkAction::Toggle => v.cycle(true),
                        WalkAction::Clear => {
                            v.walk.choose(None);
                            v.clamp();
                        }
                        _ => self.info(t!("walk.status.choose_outcome")),
                    },
                    Some(Row::Field(f)) => match a {
                        WalkAction::Toggle => v.start_edit(f, None),
                        WalkAction::Clear => {
                            // Empty is always accepted: none, or the walk's own value.
                            let _ = v.set(f, "");
                            v.clamp();
                        }
                        _ => self.info(t!("walk.status.edit_field")),
                    },
                    None => self.info(t!("walk.status.nothing_to_answer")),
                }
            }
            WalkAction::Edit => match row {
                Some(Row::Field(f)) => v.start_edit(f, None),
                _ => self.info(t!("walk.status.e_edits")),
            },
            WalkAction::Prev | WalkAction::Next if row == Some(Row::Outcome) => {
                v.cycle(a == WalkAction::Next);
            }
            WalkAction::Prev | WalkAction::Back => {
                let moved = v.walk.back();
                v.stepped(moved);
            }
            WalkAction::Next if v.last_step() => {
                self.info(t!("walk.status.last_step"));
            }
            WalkAction::Next => {
                let moved = v.walk.forward();
                v.stepped(moved);
            }
            WalkAction::Forward if v.last_step() => return self.save_walk(damaged, today),
            WalkAction::Forward => {
                let moved = v.walk.forward();
                v.stepped(moved);
            }
            WalkAction::Choose(o) => {
                if !v.walk.choices().contains(&o) {
                    let outcome = say::outcome(o);
                    let msg = if v.walk.case.prospect {
                        t!("walk.status.not_for_prospect", outcome = outcome)
                    } else {
                        t!("walk.status.not_for_client", outcome = outcome)
                    };
                    self.info(msg);
                    return None;
                }
                v.choose(o);
                let proposed = v.walk.proposal().outcome;
                if o != proposed {
                    let msg = t!(
                        "walk.status.chose",
                        chosen = say::outcome(o),
                        proposed = say::outcome(proposed)
                    );
                    self.info(msg);
                }
            }
            WalkAction::Reload => return Some(Effect::ReopenWalk),
            WalkAction::Scripts => return self.scripts_from_walk(),
            WalkAction::Help => self.overlay = Overlay::Help,
            WalkAction::Leave => {
                if !v.changed() {
                    let name = v.name().to_string();
                    let had = v.had_draft;
                    self.close_walk();
                    self.info(if had {
                        t!("walk.status.left_unchanged_draft", name = name)
                    } else {
                        t!("walk.status.left_unchanged", name = name)
                    });
                } else if damaged {
                    self.close_walk();
                    self.error(t!("walk.status.left_damaged"));
                } else {
                    v.prompt = Some(Prompt::KeepDraft);
                }
            }
        }
        None
    }

    /// Enter on the last step: the decision, checked, for the driver to save.
    fn save_walk(&mut self, damaged: bool, today: NaiveDate) -> Option<Effect> {
        if damaged {
            self.refuse_damaged();
            return None;
        }
        let v = self.walk.as_mut()?;
        match v.walk.finish() {
            Ok(settled) => Some(Effect::SaveDecision {
                decision: Box::new(Decision::from_walk(
                    &v.walk.case,
                    &v.walk.answers,
                    settled,
                    today,
                )),
                rev: v.rev,
            }),
            Err(e) => {
                // Back to the field that needs it, ready to type.
                let field = if e.for_field("reason").is_some() {
                    Some(Field::Reason)
                } else if e.for_field("review on").is_some() {
                    Some(Field::ReviewOn)
                } else {
                    None
                };
                // The walk's own checks, in Dutch said here (the domain says them in English).
                let dutch = crate::words::language() == crate::words::Lang::Nl;
                let said = match field {
                    Some(Field::Reason) if dutch => Some((
                        t!("walk.error.reason_field"),
                        t!(
                            "walk.error.reason",
                            chosen = say::outcome(v.walk.chosen()),
                            proposed = say::outcome(v.walk.proposal().outcome)
                        ),
                    )),
                    Some(Field::ReviewOn) if dutch => v
                        .walk
                        .answers
                        .review_on
                        .or_else(|| v.walk.default_review())
                        .map(|on| {
                            (
                                t!("walk.error.review_on_field"),
                                t!(
                                    "walk.error.review_on",
                                    on = crate::domain::date::iso(on),
                                    as_of = crate::domain::date::iso(v.walk.case.as_of)
                                ),
                            )
                        }),
                    _ => None,
                };
                if let Some(f) = field {
                    v.walk.go(Step::Outcome);
                    let msg = match &said {
                        Some((_, m)) => Some(m.clone()),
                        None => e.0.first().map(|fe| fe.message.clone()),
                    };
                    v.start_edit(f, msg);
                }
                let error = match said {
                    Some((field, m)) => format!("{field} {m}"),
                    None => e.to_string(),
                };
                self.error(t!("walk.status.not_saved", error = error));
                None
            }
        }
    }

    /// How many lines of the step show at once.
    pub fn walk_page(&self) -> usize {
        usize::from(layout::walk(self.viewport).content.height).max(1)
    }

    /// How wide the step's lines are (the selection's marker takes two columns).
    pub fn walk_width(&self) -> usize {
        usize::from(layout::walk(self.viewport).content.width)
            .saturating_sub(2)
            .max(20)
    }
}
