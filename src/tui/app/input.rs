//! Input: key presses, pasted text and the mouse, routed to the open overlay (a form, a
//! menu, a confirmation), the filter line, or the screen's actions.

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};

use super::cursor::Move;
use super::{App, Overlay, Screen};
use crate::domain::ValidationError;
use crate::tui::action::{Action, Effect};
use crate::tui::forms::{self, LogKind};
use crate::tui::keymap;
use crate::tui::widgets::form::{Form, FormKey};

impl App {
    pub fn on_key(&mut self, k: KeyEvent) -> Option<Effect> {
        let plain = keymap::is_plain(&k);
        if keymap::is_ctrl_c(&k) {
            self.quit = true;
            return None;
        }
        // The screen says only that the terminal is too small: no key may act unseen, but
        // q quits as the message says.
        if self.too_small() {
            if plain && k.code == KeyCode::Char('q') {
                self.quit = true;
            }
            return None;
        }
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::None => {
                if self.filtering() {
                    return self.filter_key(k);
                }
                keymap::main_action(&k, self.screen).and_then(|a| self.act(a))
            }
            // Any key closes help (q too: it never quits from here), back to the walk if
            // it was open.
            Overlay::Help => {
                if self.walk.is_some() {
                    self.overlay = Overlay::Walk;
                }
                None
            }
            Overlay::Walk => self.walk_key(k),
            Overlay::Scripts => self.scripts_key(k),
            Overlay::Import => self.import_key(k),
            Overlay::ClientForm { form, editing } => {
                if keymap::is_reload(&k)
                    && let Some((id, _)) = &editing
                {
                    let id = *id;
                    self.overlay = Overlay::ClientForm { form, editing };
                    return Some(Effect::RebaseEdit(id));
                }
                let keep = editing.clone();
                self.form_key(
                    k,
                    form,
                    |form| Overlay::ClientForm {
                        form,
                        editing: keep,
                    },
                    |form| {
                        forms::client_draft(form)
                            .validate()
                            .map(|fields| Effect::SaveClient { editing, fields })
                    },
                    crate::t!("app.cancelled_save"),
                )
            }
            Overlay::LogMenu { client, name } => match k.code {
                KeyCode::Char(c) if plain => match LogKind::from_key(c) {
                    Some(kind) => Some(Effect::OpenLog { client, kind }),
                    None => {
                        self.overlay = Overlay::LogMenu { client, name };
                        None
                    }
                },
                KeyCode::Esc if plain => None,
                _ => {
                    self.overlay = Overlay::LogMenu { client, name };
                    None
                }
            },
            Overlay::LogForm {
                form,
                kind,
                client,
                choices,
            } => {
                let keep = choices.clone();
                self.form_key(
                    k,
                    form,
                    move |form| Overlay::LogForm {
                        form,
                        kind,
                        client,
                        choices: keep,
                    },
                    |form| {
                        forms::log_entry(kind, form, &choices).map(|(entry, label)| Effect::Log {
                            client,
                            entry,
                            label,
                        })
                    },
                    crate::t!("app.cancelled_log"),
                )
            }
            Overlay::VoteForm {
                form,
                year,
                original,
            } => {
                if keymap::is_reload(&k) {
                    let staff = form.value("staff").trim().to_string();
                    self.overlay = Overlay::VoteForm {
                        form,
                        year,
                        original,
                    };
                    return Some(Effect::RebaseVotes { year, staff });
                }
                let keep = original.clone();
                let lists = self.gut.lists.clone();
                let today = self.today;
                let effect = self.form_key(
                    k,
                    form,
                    |form| Overlay::VoteForm {
                        form,
                        year,
                        original: keep,
                    },
                    |form| {
                        forms::vote_entry(year, today, form).map(|(staff, clients)| {
                            Effect::SaveVotes {
                                year,
                                staff,
                                expected: original,
                                clients,
                            }
                        })
                    },
                    crate::t!("gut_check.cancelled"),
                );
                self.open_existing_list(effect, &lists)
            }
            Overlay::ConfirmArchive {
                client,
                name,
                expected,
            } => match k.code {
                KeyCode::Char('y') | KeyCode::Enter if plain => Some(Effect::Archive {
                    id: client,
                    expected,
                }),
                KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') if plain => {
                    self.info(crate::t!("app.kept_client", name = name));
                    None
                }
                _ => {
                    self.overlay = Overlay::ConfirmArchive {
                        client,
                        name,
                        expected,
                    };
                    None
                }
            },
            Overlay::ConfirmClearVotes {
                year,
                staff,
                expected,
            } => match k.code {
                KeyCode::Char('y') | KeyCode::Enter if plain => Some(Effect::SaveVotes {
                    year,
                    staff,
                    expected,
                    clients: Vec::new(),
                }),
                KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') if plain => {
                    self.info(crate::t!("gut_check.kept_list", staff = staff, year = year));
                    None
                }
                _ => {
                    self.overlay = Overlay::ConfirmClearVotes {
                        year,
                        staff,
                        expected,
                    };
                    None
                }
            },
            Overlay::History => self.history_key(k),
            Overlay::Decision { id, scroll } => self.decision_key(k, id, scroll),
            Overlay::Offboard => self.offboard_key(k),
            Overlay::OffboardForm { form, entry } => self.offboard_form_key(k, form, entry),
            Overlay::EventForm {
                form,
                seen,
                terms_days,
            } => {
                if keymap::is_reload(&k) {
                    let id = seen.record.id();
                    self.overlay = Overlay::EventForm {
                        form,
                        seen,
                        terms_days,
                    };
                    return Some(Effect::RebaseEvent(id));
                }
                let keep = seen.clone();
                let today = self.today;
                let effect = self.form_key(
                    k,
                    form,
                    move |form| Overlay::EventForm {
                        form,
                        seen: keep,
                        terms_days,
                    },
                    |form| {
                        forms::event_draft(&seen, form)
                            .validate(terms_days, today)
                            .map(|update| Effect::SaveEvent {
                                seen: seen.clone(),
                                update,
                            })
                    },
                    crate::t!("history.cancelled_edit"),
                );
                self.back_to_history();
                effect
            }
            Overlay::VoidForm { form, seen } => {
                let keep = seen.clone();
                let effect = self.form_key(
                    k,
                    form,
                    move |form| Overlay::VoidForm { form, seen: keep },
                    |form| {
                        crate::domain::record::void_reason(form.value("reason"))
                            .map(|reason| Effect::VoidEvent {
                                seen: seen.clone(),
                                reason,
                            })
                            .map_err(Into::into)
                    },
                    crate::t!("history.cancelled_void"),
                );
                self.back_to_history();
                effect
            }
            Overlay::ConfirmRestore { from } => match k.code {
                KeyCode::Char('y') if plain => Some(Effect::Restore(from)),
                KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') if plain => {
                    self.info(crate::t!("app.not_restored"));
                    None
                }
                _ => {
                    self.overlay = Overlay::ConfirmRestore { from };
                    None
                }
            },
        }
    }

    /// A new staff member's list whose name already has one this year: open that list to
    /// edit instead of replacing it unseen.
    fn open_existing_list(
        &mut self,
        effect: Option<Effect>,
        lists: &[super::gut_check::StaffList],
    ) -> Option<Effect> {
        let Some(Effect::SaveVotes {
            year,
            staff,
            expected,
            ..
        }) = &effect
        else {
            return effect;
        };
        if !expected.is_empty() {
            return effect;
        }
        let Some(existing) = lists
            .iter()
            .find(|l| l.staff.to_lowercase() == staff.to_lowercase() && !l.clients.is_empty())
        else {
            return effect;
        };
        let year = *year;
        let mut form = forms::vote_form(year, Some(existing), &self.clients.rows);
        form.message = Some(crate::t!(
            "gut_check.already_named",
            staff = existing.staff,
            year = year
        ));
        self.overlay = Overlay::VoteForm {
            form,
            year,
            original: existing.clients.clone(),
        };
        None
    }

    /// A form over the history that closed (cancelled) goes back to the history.
    fn back_to_history(&mut self) {
        if self.overlay == Overlay::None && self.history.is_some() {
            self.overlay = Overlay::History;
        }
    }

    /// Keys in a form: Esc cancels, Enter validates and submits, anything else edits.
    pub(super) fn form_key(
        &mut self,
        k: KeyEvent,
        mut form: Form,
        reopen: impl FnOnce(Form) -> Overlay,
        submit: impl FnOnce(&Form) -> Result<Effect, ValidationError>,
        cancelled: &str,
    ) -> Option<Effect> {
        let plain = keymap::is_plain(&k);
        match k.code {
            KeyCode::Esc if plain => {
                self.info(cancelled);
                None
            }
            KeyCode::Enter if plain => {
                let outcome = submit(&form);
                let effect = match outcome {
                    Ok(effect) => Some(effect),
                    Err(e) => {
                        form.show_errors(&e);
                        None
                    }
                };
                self.overlay = reopen(form);
                effect
            }
            _ => {
                if let Some(fk) = keymap::form_key(&k) {
                    form.key(fk);
                }
                self.overlay = reopen(form);
                None
            }
        }
    }

    fn filtering(&self) -> bool {
        self.screen == Screen::Clients && self.clients.filtering
    }

    fn filter_key(&mut self, k: KeyEvent) -> Option<Effect> {
        let plain = keymap::is_plain(&k);
        match k.code {
            KeyCode::Enter if plain => {
                self.clients.filtering = false;
                None
            }
            KeyCode::Esc if plain => {
                self.clients.filtering = false;
                self.clients.filter.clear();
                self.refiltered()
            }
            KeyCode::Up if plain => self.act(Action::Move(Move::Up)),
            KeyCode::Down if plain => self.act(Action::Move(Move::Down)),
            _ => {
                match keymap::form_key(&k) {
                    Some(FormKey::Char(c)) => self.clients.filter.push(c),
                    Some(FormKey::Backspace) => {
                        self.clients.filter.pop();
                    }
                    Some(FormKey::ClearField) => self.clients.filter.clear(),
                    _ => return None,
                }
                self.refiltered()
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
        if self.too_small() {
            return None;
        }
        let filtering = self.filtering();
        match &mut self.overlay {
            Overlay::ClientForm { form, .. }
            | Overlay::LogForm { form, .. }
            | Overlay::VoteForm { form, .. }
            | Overlay::OffboardForm { form, .. } => {
                for c in flat.chars() {
                    form.key(FormKey::Char(c));
                }
                None
            }
            Overlay::None if filtering => {
                self.clients.filter.push_str(flat);
                self.refiltered()
            }
            Overlay::Walk => {
                self.walk_paste(flat);
                None
            }
            Overlay::Scripts => {
                self.scripts_paste(flat);
                None
            }
            Overlay::Import => {
                self.import_paste(flat);
                None
            }
            _ => None,
        }
    }

    pub fn on_mouse(&mut self, m: MouseEvent) -> Option<Effect> {
        if self.too_small() {
            return None;
        }
        // The wheel scrolls the walk's step.
        if self.overlay == Overlay::Walk {
            match m.kind {
                MouseEventKind::ScrollUp => self.walk_scroll(false),
                MouseEventKind::ScrollDown => self.walk_scroll(true),
                _ => {}
            }
            return None;
        }
        if self.overlay == Overlay::Scripts {
            match m.kind {
                MouseEventKind::ScrollUp => self.scripts_scroll(false),
                MouseEventKind::ScrollDown => self.scripts_scroll(true),
                _ => {}
            }
            return None;
        }
        if self.overlay == Overlay::Import {
            return match m.kind {
                MouseEventKind::ScrollUp => self.import_scroll(false),
                MouseEventKind::ScrollDown => self.import_scroll(true),
                _ => None,
            };
        }
        // The wheel scrolls a saved decision as j and k do.
        if let Overlay::Decision { id, scroll } = self.overlay {
            let code = match m.kind {
                MouseEventKind::ScrollUp => KeyCode::Up,
                MouseEventKind::ScrollDown => KeyCode::Down,
                _ => return None,
            };
            self.overlay = Overlay::None;
            return self.decision_key(KeyEvent::from(code), id, scroll);
        }
        if self.overlay != Overlay::None {
            return None;
        }
        match m.kind {
            MouseEventKind::ScrollUp => self.act(Action::Move(Move::Up)),
            MouseEventKind::ScrollDown => self.act(Action::Move(Move::Down)),
            MouseEventKind::Down(_) => self.act(Action::Click(m.column, m.row)),
            _ => None,
        }
    }
}
