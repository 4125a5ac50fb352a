//! The Scripts view's state and keys: a decision put into words (guide H2-H4). Kind,
//! channel and language are picked with a key each and the preview renders again at once
//! (rendering is pure); the reason is reworded before rendering; `E` hands the text to
//! `$EDITOR`, `y` copies it, `w` writes it to a new file, and every script used so is kept
//! with the client's earlier ones, which the view lists and reopens.

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Overlay};
use crate::domain::ClientId;
use crate::domain::decide::decision::Decision;
use crate::domain::lang::Lang;
use crate::domain::script::{Channel, Kind, ScriptFacts, Templates, default_reason, render};
use crate::store::{NewScript, SavedScript};
use crate::tui::action::Effect;
use crate::tui::keymap;

/// What a key in the Scripts view asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptsAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Kind,
    Channel,
    Lang,
    Reason,
    Editor,
    Copy,
    Write,
    Format,
    Earlier,
    Open,
    Help,
    Close,
}

/// What the Scripts view asks the driver to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptsEffect {
    /// Read what the view needs and open it: the client's latest decision (or this one,
    /// from a walk not saved yet), its facts, the templates and the earlier scripts.
    Open {
        client: ClientId,
        decision: Option<Box<Decision>>,
        from_walk: bool,
    },
    /// Keep a script.
    Save(Box<NewScript>),
    /// Hand the text to `$EDITOR` (the terminal is left while it runs).
    Edit(String),
    /// Copy the text to the clipboard (OSC 52), keeping it first when `keep` says so.
    Copy {
        text: String,
        keep: Option<Box<NewScript>>,
    },
    /// Write the text to a new file in the exports folder.
    Write {
        text: String,
        /// The file's name without the folder, the number that makes it new or the
        /// extension: `brandt-vastgoed-end-now-letter-nl-2026-06-30`.
        stem: String,
        markdown: bool,
        keep: Option<Box<NewScript>>,
    },
}

/// Where the text in the preview came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Rendered,
    Edited,
    /// An earlier script, by its id.
    Reopened(i64),
}

/// What the driver read to open the view.
#[derive(Debug, Clone)]
pub struct ScriptsOpen {
    pub client: ClientId,
    pub name: String,
    /// The saved decision the words are for; none from a walk not saved yet.
    pub decision: Option<i64>,
    pub kind: Kind,
    /// The facts for each kind of words (their dates and amounts differ).
    pub facts: Vec<(Kind, ScriptFacts)>,
    pub templates: Templates,
    pub earlier: Vec<SavedScript>,
    pub from_walk: bool,
}

/// The Scripts view while it is open.
#[derive(Debug, Clone)]
pub struct ScriptsView {
    pub client: ClientId,
    pub name: String,
    pub decision: Option<i64>,
    pub kind: Kind,
    pub channel: Channel,
    pub lang: Lang,
    /// The facts for each kind of words.
    pub facts: Vec<(Kind, ScriptFacts)>,
    /// The professional reason as the user reworded it; empty says the built-in one.
    pub reason: String,
    pub templates: Templates,
    /// The text shown, and kept, copied or written as it is.
    pub text: String,
    /// The render's warnings: a broken override template, heat in the reason.
    pub warnings: Vec<String>,
    pub source: Source,
    /// Lines scrolled down in the preview.
    pub scroll: usize,
    /// `w` writes Markdown (else plain text).
    pub markdown: bool,
    /// The reason being reworded, while it is.
    pub reason_edit: Option<String>,
    /// The client's earlier scripts, newest first.
    pub earlier: Vec<SavedScript>,
    /// The list of earlier scripts is shown, with its cursor.
    pub list: Option<usize>,
    pub help: bool,
    /// Opened from the walk: closing goes back to it.
    pub from_walk: bool,
    /// The text last kept, so the same text is kept once.
    pub kept: Option<String>,
    /// The file last written.
    pub written: Option<String>,
}

/// The channels in the order `c` steps through them.
fn next_channel(c: Channel) -> Channel {
    let all = Channel::ALL;
    let at = all.iter().position(|x| *x == c).unwrap_or(0);
    all[(at + 1) % all.len()]
}

fn next_kind(k: Kind) -> Kind {
    let all = Kind::ALL;
    let at = all.iter().position(|x| *x == k).unwrap_or(0);
    all[(at + 1) % all.len()]
}

fn next_lang(l: Lang) -> Lang {
    match l {
        Lang::En => Lang::Nl,
        Lang::Nl => Lang::En,
    }
}

/// The name of a file for a client's script: lower case, letters and digits, dashes.
pub fn file_stem(name: &str, kind: Kind, channel: Channel, lang: Lang, date: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "client" } else { slug };
    format!(
        "{slug}-{}-{}-{}-{date}",
        kind.code(),
        channel.code(),
        lang.code()
    )
}

impl ScriptsView {
    pub fn new(o: ScriptsOpen, lang: Lang) -> Self {
        let mut v = ScriptsView {
            client: o.client,
            name: o.name,
            decision: o.decision,
            kind: o.kind,
            channel: Channel::Letter,
            lang,
            facts: o.facts,
            reason: String::new(),
            templates: o.templates,
            text: String::new(),
            warnings: Vec::new(),
            source: Source::Rendered,
            scroll: 0,
            markdown: true,
            reason_edit: None,
            earlier: o.earlier,
            list: None,
            help: false,
            from_walk: o.from_walk,
            kept: None,
            written: None,
        };
        v.render();
        v
    }

    /// Renders the text anew from the kind, channel, language, facts and reason.
    pub fn render(&mut self) {
        let Some(facts) = self.facts.iter().find(|(k, _)| *k == self.kind) else {
            return;
        };
        let facts = ScriptFacts {
            reason: self.reason.clone(),
            ..facts.1.clone()
        };
        let r = render(&self.templates, self.kind, self.channel, self.lang, &facts);
        self.text = r.text;
        self.warnings = r.warnings;
        self.source = Source::Rendered;
        self.scroll = 0;
    }

    /// The reason the words give: the user's, else the built-in one of the kind and language.
    pub fn reason_shown(&self) -> String {
        if self.reason.trim().is_empty() {
            default_reason(self.kind, self.lang)
        } else {
            self.reason.clone()
        }
    }

    /// The script to keep, if this text was not kept yet.
    pub fn to_keep(&self, today: chrono::NaiveDate) -> Option<Box<NewScript>> {
        if self.kept.as_deref() == Some(self.text.as_str()) {
            return None;
        }
        Some(Box::new(NewScript {
            client: self.client,
            decision: self.decision,
            kind: self.kind,
            channel: self.channel,
            lang: self.lang,
            written_on: today,
            text: self.text.clone(),
        }))
    }

    /// How many lines the preview has at `width`.
    pub fn lines(&self, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        for line in self.text.lines() {
            if line.trim().is_empty() {
                out.push(String::new());
            } else {
                out.extend(crate::tui::text::wrap(line, width.max(10)));
            }
        }
        out
    }
}

impl App {
    /// `w` on a client: the words for its latest decision.
    pub(super) fn open_scripts_for_selected(&mut self) -> Option<Effect> {
        let Some(row) = self.current_row() else {
            self.info(crate::t!("scripts.no_client"));
            return None;
        };
        let (id, name) = (row.client.id, row.client.fields.name.clone());
        let latest = self.decisions.log.iter().find(|d| d.client == id);
        match latest {
            None => {
                self.info(crate::t!("scripts.no_decision", name = name));
                None
            }
            Some(d) if Kind::for_outcome(d.chosen).is_none() => {
                let outcome = d.chosen.label();
                self.info(crate::t!(
                    "scripts.no_words_needed",
                    name = name,
                    outcome = outcome
                ));
                None
            }
            Some(_) => Some(Effect::Scripts(ScriptsEffect::Open {
                client: id,
                decision: None,
                from_walk: false,
            })),
        }
    }

    /// `w` on the walk's outcome step: the words for the outcome chosen, before it is saved.
    pub(super) fn scripts_from_walk(&mut self) -> Option<Effect> {
        let today = self.today;
        let v = self.walk.as_ref()?;
        let on_outcome = v.walk.step() == crate::domain::decide::walk::Step::Outcome;
        if !on_outcome {
            self.info(crate::t!("scripts.walk_outcome_step"));
            return None;
        }
        let chosen = v.walk.chosen();
        if Kind::for_outcome(chosen).is_none() {
            let outcome = chosen.label();
            self.info(crate::t!("scripts.walk_no_words", outcome = outcome));
            return None;
        }
        match v.walk.finish() {
            Ok(settled) => Some(Effect::Scripts(ScriptsEffect::Open {
                client: v.client,
                decision: Some(Box::new(Decision::from_walk(
                    &v.walk.case,
                    &v.walk.answers,
                    settled,
                    today,
                ))),
                from_walk: true,
            })),
            Err(e) => {
                self.error(crate::t!("scripts.walk_not_ready", why = e));
                None
            }
        }
    }

    /// The driver read what the view needs: it opens, in the app's language.
    pub fn open_scripts(&mut self, o: ScriptsOpen) {
        self.scripts = Some(ScriptsView::new(o, crate::words::language()));
        self.overlay = Overlay::Scripts;
        self.status = None;
    }

    /// A script was kept: the list of earlier ones anew.
    pub fn scripts_kept(&mut self, text: String, earlier: Vec<SavedScript>) {
        if let Some(v) = &mut self.scripts {
            v.kept = Some(text);
            v.earlier = earlier;
            if let Some(at) = v.list {
                v.list = Some(at.min(v.earlier.len().saturating_sub(1)));
            }
        }
    }

    /// The editor gave the text back: it replaces the preview, and is kept.
    pub fn scripts_edited(&mut self, text: String) -> Option<Effect> {
        let today = self.today;
        let v = self.scripts.as_mut()?;
        if text == v.text {
            self.info(crate::t!("scripts.edit_unchanged"));
            return None;
        }
        v.text = text;
        v.source = Source::Edited;
        v.warnings.clear();
        self.success(crate::t!("scripts.edit_kept"));
        let v = self.scripts.as_ref()?;
        v.to_keep(today)
            .map(|keep| Effect::Scripts(ScriptsEffect::Save(keep)))
    }

    /// A file was written: the view shows where.
    pub fn scripts_written(&mut self, path: String) {
        self.success(crate::t!("scripts.written", file = path));
        if let Some(v) = &mut self.scripts {
            v.written = Some(path);
        }
    }

    fn close_scripts(&mut self) {
        let back = self.scripts.take().is_some_and(|v| v.from_walk);
        self.overlay = if back && self.walk.is_some() {
            Overlay::Walk
        } else {
            Overlay::None
        };
    }

    /// How many preview lines show at once.
    fn scripts_page(&self) -> usize {
        let wide = self.viewport.width >= crate::tui::layout::DECISIONS_WIDE;
        let a = crate::tui::screens::scripts::areas(self.viewport, wide);
        usize::from(a.preview.height).max(1)
    }

    fn scripts_width(&self) -> usize {
        let wide = self.viewport.width >= crate::tui::layout::DECISIONS_WIDE;
        let a = crate::tui::screens::scripts::areas(self.viewport, wide);
        usize::from(a.preview.width).max(10)
    }

    pub(super) fn scripts_key(&mut self, k: KeyEvent) -> Option<Effect> {
        self.overlay = Overlay::Scripts;
        let v = self.scripts.as_mut()?;
        if v.help {
            v.help = false;
            return None;
        }
        if let Some(mut input) = v.reason_edit.take() {
            let plain = keymap::is_plain(&k);
            match k.code {
                KeyCode::Esc if plain => self.info(crate::t!("scripts.reason_cancelled")),
                KeyCode::Enter if plain => {
                    let reason = input.trim().to_string();
                    if reason.is_empty() {
                        v.reason_edit = Some(input);
                        self.error(crate::t!("scripts.reason_empty"));
                        return None;
                    }
                    v.reason = reason;
                    v.render();
                    self.info(crate::t!("scripts.reason_kept"));
                }
                KeyCode::Backspace if plain => {
                    input.pop();
                    v.reason_edit = Some(input);
                }
                KeyCode::Char('u')
                    if k.modifiers
                        .contains(crossterm::event::KeyModifiers::CONTROL) =>
                {
                    v.reason_edit = Some(String::new());
                }
                KeyCode::Char(c) if plain => {
                    input.push(c);
                    v.reason_edit = Some(input);
                }
                _ => v.reason_edit = Some(input),
            }
            return None;
        }
        let a = keymap::scripts_action(&k)?;
        self.scripts_act(a)
    }

    /// Pasted text goes into the reason being reworded.
    pub(super) fn scripts_paste(&mut self, text: &str) {
        if let Some(input) = self.scripts.as_mut().and_then(|v| v.reason_edit.as_mut()) {
            input.push_str(text);
        }
    }

    /// The wheel scrolls the preview.
    pub(super) fn scripts_scroll(&mut self, down: bool) {
        self.scripts_act(if down {
            ScriptsAction::Down
        } else {
            ScriptsAction::Up
        });
    }

    fn scripts_act(&mut self, a: ScriptsAction) -> Option<Effect> {
        let page = self.scripts_page();
        let width = self.scripts_width();
        let today = self.today;
        let damaged = self.damaged.is_some();
        let v = self.scripts.as_mut()?;
        let last = v.lines(width).len().saturating_sub(page);
        let changes = matches!(
            a,
            ScriptsAction::Kind | ScriptsAction::Channel | ScriptsAction::Lang
        );
        let edit_lost = changes && v.source == Source::Edited;
        match (a, v.list) {
            (ScriptsAction::Up, Some(at)) => v.list = Some(at.saturating_sub(1)),
            (ScriptsAction::Down, Some(at)) => {
                v.list = Some((at + 1).min(v.earlier.len().saturating_sub(1)));
            }
            (ScriptsAction::Top, Some(_)) => v.list = Some(0),
            (ScriptsAction::Bottom, Some(_)) => v.list = Some(v.earlier.len().saturating_sub(1)),
            (ScriptsAction::Open, Some(at)) => {
                let s = v.earlier.get(at).cloned()?;
                v.kind = s.kind;
                v.channel = s.channel;
                v.lang = s.lang;
                v.text = s.text.clone();
                v.warnings.clear();
                v.source = Source::Reopened(s.id);
                v.kept = Some(s.text);
                v.scroll = 0;
                v.list = None;
                let on = s.written_on.to_string();
                self.info(crate::t!("scripts.reopened", date = on));
            }
            (ScriptsAction::Open, None) => self.info(crate::t!("scripts.open_hint")),
            (ScriptsAction::Up, None) => v.scroll = v.scroll.saturating_sub(1),
            (ScriptsAction::Down, None) => v.scroll = (v.scroll + 1).min(last),
            (ScriptsAction::PageUp, _) => v.scroll = v.scroll.saturating_sub(page),
            (ScriptsAction::PageDown, _) => v.scroll = (v.scroll + page).min(last),
            (ScriptsAction::Top, None) => v.scroll = 0,
            (ScriptsAction::Bottom, None) => v.scroll = last,
            (ScriptsAction::Kind, _) => {
                v.kind = next_kind(v.kind);
                v.render();
            }
            (ScriptsAction::Channel, _) => {
                v.channel = next_channel(v.channel);
                v.render();
            }
            (ScriptsAction::Lang, _) => {
                v.lang = next_lang(v.lang);
                v.render();
            }
            (ScriptsAction::Reason, _) => {
                v.reason_edit = Some(v.reason_shown());
                v.list = None;
            }
            (ScriptsAction::Editor, _) => {
                return Some(Effect::Scripts(ScriptsEffect::Edit(v.text.clone())));
            }
            (ScriptsAction::Copy, _) => {
                let keep = if damaged { None } else { v.to_keep(today) };
                return Some(Effect::Scripts(ScriptsEffect::Copy {
                    text: v.text.clone(),
                    keep,
                }));
            }
            (ScriptsAction::Write, _) => {
                let keep = if damaged { None } else { v.to_keep(today) };
                let stem = file_stem(&v.name, v.kind, v.channel, v.lang, &today.to_string());
                return Some(Effect::Scripts(ScriptsEffect::Write {
                    text: v.text.clone(),
                    stem,
                    markdown: v.markdown,
                    keep,
                }));
            }
            (ScriptsAction::Format, _) => {
                v.markdown = !v.markdown;
                let format = if v.markdown {
                    crate::t!("scripts.format.markdown")
                } else {
                    crate::t!("scripts.format.plain")
                };
                self.info(crate::t!("scripts.format_now", format = format));
            }
            (ScriptsAction::Earlier, _) => {
                if v.list.is_some() {
                    v.list = None;
                } else if v.earlier.is_empty() {
                    self.info(crate::t!("scripts.none_earlier"));
                } else {
                    v.list = Some(0);
                }
            }
            (ScriptsAction::Help, _) => v.help = true,
            (ScriptsAction::Close, Some(_)) => v.list = None,
            (ScriptsAction::Close, None) => self.close_scripts(),
        }
        if edit_lost {
            self.info(crate::t!("scripts.edit_replaced"));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_stem_is_plain_lower_case_and_dashed() {
        assert_eq!(
            file_stem(
                "Brandt Vastgoed B.V.",
                Kind::EndNow,
                Channel::Letter,
                Lang::Nl,
                "2026-06-30"
            ),
            "brandt-vastgoed-b-v-end-now-letter-nl-2026-06-30"
        );
        assert_eq!(
            file_stem(
                "Café Zoë",
                Kind::Reprice,
                Channel::Email,
                Lang::En,
                "2026-01-02"
            ),
            "café-zoë-reprice-email-en-2026-01-02"
        );
        assert_eq!(
            file_stem(
                "../..",
                Kind::Reprice,
                Channel::Email,
                Lang::En,
                "2026-01-02"
            ),
            "client-reprice-email-en-2026-01-02"
        );
    }

    /// The Scripts view's keys name their texts in the catalog: every one is there, in both
    /// languages, and no key is bound twice.
    #[test]
    fn the_views_keys_have_their_texts_and_act_once() {
        use crate::tui::keymap::{SCRIPTS, scripts_action, scripts_footer, scripts_help};
        for lang in [Lang::En, Lang::Nl] {
            crate::words::with_language(lang, || {
                let texts = scripts_help()
                    .into_iter()
                    .chain(scripts_footer())
                    .map(|(_, text)| text);
                for text in texts {
                    assert!(
                        !text.starts_with("scripts."),
                        "{lang:?}: no text for {text}"
                    );
                }
            });
        }
        let mut seen = Vec::new();
        for b in SCRIPTS.bindings {
            for key in b.keys {
                for press in key.presses() {
                    assert_eq!(scripts_action(&press), Some(b.action), "{press:?}");
                    assert!(
                        !seen.contains(&(press.code, press.modifiers)),
                        "{press:?} twice"
                    );
                    seen.push((press.code, press.modifiers));
                }
            }
        }
        // The footer fits an 80-column terminal in both languages.
        for lang in [Lang::En, Lang::Nl] {
            let line: String = crate::words::with_language(lang, || {
                scripts_footer()
                    .into_iter()
                    .map(|(k, l)| format!("{k} {l}  "))
                    .collect()
            });
            let width = unicode_width::UnicodeWidthStr::width(line.trim_end()) + 1;
            assert!(width <= 80, "{lang:?}: {width} columns: {line}");
        }
        let footer: Vec<String> = crate::words::with_language(Lang::En, || {
            scripts_footer()
                .into_iter()
                .map(|(k, l)| format!("{k} {l}"))
                .collect()
        });
        assert_eq!(
            footer,
            [
                "o c l choose",
                "r reason",
                "E edit",
                "y copy",
                "w write",
                "p earlier",
                "Esc close",
                "? help"
            ]
        );
    }

    #[test]
    fn kind_channel_and_language_step_round() {
        assert_eq!(next_channel(Channel::Email), Channel::InPerson);
        assert_eq!(next_kind(Kind::ReduceScope), Kind::EndNow);
        assert_eq!(next_lang(next_lang(Lang::Nl)), Lang::Nl);
    }
}
