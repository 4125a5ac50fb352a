//! Keys to actions. Each main screen has one table of [`Binding`]s, and one more table holds
//! the bindings every screen shares; the dispatch ([`main_action`]), the footer ([`footer`])
//! and the help overlay ([`help`]) are all read from these tables, so a key cannot be listed
//! without acting or act without being listed. A new screen is a new table and a line in
//! [`table`]. The overlays (forms, menus, confirmations, the history) read their own keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, OffboardAction, WalkAction};
use super::app::Screen;
use super::app::cursor::Move;
use super::app::scripts::ScriptsAction;
use super::widgets::form::FormKey;
use crate::domain::decide::Outcome;

pub mod import;

/// A key a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This key alone, or with only the Shift that makes its character ([`is_plain`]).
    Plain(KeyCode),
    /// This letter with Ctrl held (whatever else is held with it).
    Ctrl(char),
    /// The digits 1 up to the number of screens: each goes to the screen of its number.
    ScreenNumber,
}

/// How many screens have a digit: 1 to 9 at most.
fn screen_digits() -> u32 {
    u32::try_from(Screen::ALL.len()).map_or(9, |n| n.min(9))
}

impl Key {
    /// Does the key press `k` count as this key?
    pub fn matches(self, k: &KeyEvent) -> bool {
        match self {
            Key::Plain(code) => is_plain(k) && k.code == code,
            Key::Ctrl(c) => {
                k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
            }
            Key::ScreenNumber => is_plain(k) && screen_number(k).is_some(),
        }
    }

    /// How the key is written in the footer and the help: one word, no spaces.
    pub fn label(self) -> String {
        match self {
            Key::Plain(code) => code_label(code),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_uppercase()),
            Key::ScreenNumber => format!("1-{}", screen_digits()),
        }
    }

    /// Every key press this key answers to, as a terminal sends them (crossterm reports a
    /// capital with Shift or without, depending on the terminal).
    pub fn presses(self) -> Vec<KeyEvent> {
        let with = |code, modifiers| KeyEvent::new(code, modifiers);
        match self {
            Key::Plain(code @ KeyCode::Char(c)) if !c.is_lowercase() => vec![
                with(code, KeyModifiers::NONE),
                with(code, KeyModifiers::SHIFT),
            ],
            Key::Plain(KeyCode::BackTab) => vec![
                with(KeyCode::BackTab, KeyModifiers::NONE),
                with(KeyCode::BackTab, KeyModifiers::SHIFT),
            ],
            Key::Plain(code) => vec![with(code, KeyModifiers::NONE)],
            Key::Ctrl(c) => {
                let ctrl = KeyModifiers::CONTROL;
                [
                    ctrl,
                    ctrl | KeyModifiers::SHIFT,
                    ctrl | KeyModifiers::ALT,
                    ctrl | KeyModifiers::SHIFT | KeyModifiers::ALT,
                ]
                .into_iter()
                .map(|m| with(KeyCode::Char(c), m))
                .collect()
            }
            Key::ScreenNumber => (1..=screen_digits())
                .filter_map(|d| char::from_digit(d, 10))
                .flat_map(|c| Key::Plain(KeyCode::Char(c)).presses())
                .collect(),
        }
    }
}

/// The screen a digit names (1 is the first, at index 0), if there is one.
fn screen_number(k: &KeyEvent) -> Option<usize> {
    let KeyCode::Char(c) = k.code else {
        return None;
    };
    let d = c.to_digit(10)?;
    (1..=screen_digits())
        .contains(&d)
        .then(|| usize::try_from(d - 1).ok())
        .flatten()
}

fn code_label(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => crate::t!("keys.space").into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "⇧Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        other => other.to_string().replace(' ', ""),
    }
}

/// Where a binding shows in the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    /// Not in the footer (its room is short; help lists every binding).
    No,
    /// An entry of its own: the binding's first key and this short label (the name of a
    /// text in the `keys` area, `keys.footer.*`).
    Label(&'static str),
    /// Its first key joins the entry of the binding above (`[` `]`: "as of").
    WithAbove,
}

/// Where a binding shows in the help overlay. Every binding is in help: there is no way to
/// hide one, so whatever acts on a screen is listed there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    /// A line of its own: the binding's keys and this text (the name of a text in the
    /// `keys` area, `keys.help.*`).
    Line(&'static str),
    /// Its keys join the line of the binding above (`S` beside `s`, one line for both).
    WithAbove,
}

/// One thing a screen does on a key: the keys, the action they dispatch, and how the footer
/// and the help show it. The main screens dispatch an [`Action`]; the walk its own
/// [`WalkAction`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding<A = Action> {
    pub keys: &'static [Key],
    /// The action dispatched. For [`Key::ScreenNumber`], `GoScreen` of the digit's screen.
    pub action: A,
    pub footer: Footer,
    pub help: Help,
}

impl<A: Copy> Binding<A> {
    /// Keys with a help line of their own, not in the footer.
    const fn new(keys: &'static [Key], action: A, help: &'static str) -> Self {
        Self {
            keys,
            action,
            footer: Footer::No,
            help: Help::Line(help),
        }
    }

    /// Keys on the help line of the binding above, not in the footer.
    const fn also(keys: &'static [Key], action: A) -> Self {
        Self {
            keys,
            action,
            footer: Footer::No,
            help: Help::WithAbove,
        }
    }

    /// In the footer, with a short label.
    const fn footer(self, label: &'static str) -> Self {
        Self {
            footer: Footer::Label(label),
            ..self
        }
    }

    /// In the footer, on the entry of the binding above.
    const fn footer_with_above(self) -> Self {
        Self {
            footer: Footer::WithAbove,
            ..self
        }
    }
}

impl Binding<Action> {
    /// The action this binding dispatches for the key press `k`, if it answers to it.
    pub fn answer(&self, k: &KeyEvent) -> Option<Action> {
        let key = self.keys.iter().find(|key| key.matches(k))?;
        Some(match (key, self.action) {
            (Key::ScreenNumber, Action::GoScreen(_)) => Action::GoScreen(screen_number(k)?),
            _ => self.action,
        })
    }
}

/// A main screen's keys: its own bindings, and what the mouse does there (for help; the
/// mouse is handled in `app/input.rs`).
#[derive(Debug, Clone, Copy)]
pub struct Table<A: 'static = Action> {
    /// The name of the text that says it (`keys.mouse.*`).
    pub mouse: &'static str,
    pub bindings: &'static [Binding<A>],
}

const fn ch(c: char) -> Key {
    Key::Plain(KeyCode::Char(c))
}

const fn code(c: KeyCode) -> Key {
    Key::Plain(c)
}

const UNDO_HELP: &str = "keys.help.undo";
const WALK_HELP: &str = "keys.help.walk";
const SCRIPTS_HELP: &str = "keys.help.scripts";

/// The bindings of every screen. Help lists them after the screen's own.
pub const COMMON: &[Binding] = &[
    Binding::new(
        &[ch('k'), code(KeyCode::Up)],
        Action::Move(Move::Up),
        "keys.help.move",
    ),
    Binding::also(&[ch('j'), code(KeyCode::Down)], Action::Move(Move::Down)),
    Binding::new(
        &[code(KeyCode::PageUp)],
        Action::Move(Move::PageUp),
        "keys.help.page",
    ),
    Binding::also(&[code(KeyCode::PageDown)], Action::Move(Move::PageDown)),
    Binding::new(
        &[code(KeyCode::Home), ch('g')],
        Action::Move(Move::Top),
        "keys.help.first_last",
    ),
    Binding::also(&[code(KeyCode::End), ch('G')], Action::Move(Move::Bottom)),
    Binding::new(&[ch('h')], Action::History, "keys.help.history"),
    Binding::new(&[ch('R')], Action::Restore, "keys.help.restore"),
    Binding::new(
        &[code(KeyCode::Tab)],
        Action::NextScreen,
        "keys.help.switch",
    ),
    Binding::also(&[code(KeyCode::BackTab)], Action::PrevScreen),
    Binding::also(&[Key::ScreenNumber], Action::GoScreen(0)),
    Binding::new(
        &[ch('?'), code(KeyCode::F(1))],
        Action::Help,
        "keys.help.help",
    )
    .footer("keys.footer.help"),
    Binding::new(&[ch('q'), Key::Ctrl('c')], Action::Quit, "keys.help.quit")
        .footer("keys.footer.quit"),
];

pub const CLIENTS: Table = Table {
    mouse: "keys.mouse.select",
    bindings: &[
        Binding::new(&[ch('a')], Action::Add, "keys.help.add_client").footer("keys.footer.add"),
        Binding::new(
            &[ch('e'), code(KeyCode::Enter)],
            Action::Edit,
            "keys.help.edit_client",
        )
        .footer("keys.footer.edit"),
        Binding::new(&[ch('l')], Action::QuickLog, "keys.help.quick_log_letter")
            .footer("keys.footer.log"),
        Binding::new(&[ch('u')], Action::Undo, UNDO_HELP).footer("keys.footer.undo"),
        Binding::new(&[ch('f')], Action::Walk, WALK_HELP).footer("keys.footer.walk"),
        Binding::new(&[ch('o')], Action::Offboard, OFFBOARD_HELP),
        Binding::new(&[ch('d')], Action::Archive, "keys.help.archive"),
        Binding::new(&[ch('w')], Action::Scripts, SCRIPTS_HELP),
        Binding::new(&[ch('p')], Action::ReportClient, "keys.help.report_client"),
        Binding::new(&[ch('I')], Action::Import, "keys.help.import"),
        Binding::new(&[ch('/')], Action::Filter, "keys.help.filter").footer("keys.footer.filter"),
        Binding::also(&[code(KeyCode::Esc)], Action::ClearFilter),
        Binding::new(&[ch('s')], Action::SortNext, "keys.help.sort").footer("keys.footer.sort"),
        Binding::also(&[ch('S')], Action::SortReverse),
        Binding::new(&[ch(' ')], Action::ToggleMark, "keys.help.mark_clients"),
        Binding::also(&[ch('x')], Action::ClearMarks),
    ],
};

pub const SCORECARDS: Table = Table {
    mouse: "keys.mouse.select",
    bindings: &[
        Binding::new(&[ch('w')], Action::NextWindow, "keys.help.window")
            .footer("keys.footer.window"),
        Binding::new(
            &[ch('['), code(KeyCode::Left)],
            Action::EarlierAsOf,
            "keys.help.as_of",
        )
        .footer("keys.footer.as_of"),
        Binding::also(&[ch(']'), code(KeyCode::Right)], Action::LaterAsOf).footer_with_above(),
        Binding::new(&[ch('t')], Action::AsOfToday, "keys.help.today").footer("keys.footer.today"),
        Binding::new(&[ch('l')], Action::QuickLog, "keys.help.quick_log").footer("keys.footer.log"),
        Binding::new(&[ch('u')], Action::Undo, UNDO_HELP).footer("keys.footer.undo"),
        Binding::new(&[ch('f')], Action::Walk, WALK_HELP).footer("keys.footer.walk"),
        Binding::new(
            &[ch('e'), code(KeyCode::Enter)],
            Action::Edit,
            "keys.help.edit_client",
        ),
        Binding::new(
            &[ch('p')],
            Action::ReportPortfolio,
            "keys.help.report_portfolio",
        ),
        Binding::new(&[ch('P')], Action::ReportClient, "keys.help.report_client"),
    ],
};

pub const PARETO: Table = Table {
    mouse: "keys.mouse.scroll",
    bindings: &[
        Binding::new(&[ch('m')], Action::NextMeasure, "keys.help.measure")
            .footer("keys.footer.measure"),
        Binding::new(&[ch('v')], Action::ToggleMap, "keys.help.map").footer("keys.footer.map"),
        Binding::new(&[ch(' ')], Action::ToggleMark, "keys.help.mark").footer("keys.footer.mark"),
        Binding::new(&[ch('x')], Action::ClearMarks, "keys.help.clear_marks")
            .footer("keys.footer.clear"),
        Binding::new(&[ch('f')], Action::Walk, WALK_HELP).footer("keys.footer.walk"),
        Binding::new(&[ch('l')], Action::QuickLog, "keys.help.log_undo_edit")
            .footer("keys.footer.log"),
        Binding::also(&[ch('u')], Action::Undo),
        Binding::also(&[ch('e'), code(KeyCode::Enter)], Action::Edit),
    ],
};

pub const GUT_CHECK: Table = Table {
    mouse: "keys.mouse.scroll",
    bindings: &[
        Binding::new(
            &[code(KeyCode::Left), ch('[')],
            Action::PrevYear,
            "keys.help.year",
        )
        .footer("keys.footer.year"),
        Binding::also(&[code(KeyCode::Right), ch(']')], Action::NextYear).footer_with_above(),
        Binding::new(
            &[ch('e'), code(KeyCode::Enter)],
            Action::EditVotes,
            "keys.help.edit_votes",
        )
        .footer("keys.footer.edit_list"),
        Binding::new(&[ch('a')], Action::AddStaff, "keys.help.add_staff")
            .footer("keys.footer.add_staff"),
        Binding::new(&[ch('d')], Action::ClearVotes, "keys.help.clear_votes")
            .footer("keys.footer.clear"),
    ],
};

/// The fire/keep walk's keys (an overlay over the whole body, with a table of its own: its
/// footer and its help are read from it too). Left and right move between the steps, and
/// on the outcome line choose another outcome; Backspace and Enter always move between
/// the steps, and Enter on the last one saves the decision.
pub const WALK: Table<WalkAction> = Table {
    mouse: "keys.mouse.walk",
    bindings: &[
        Binding::new(
            &[code(KeyCode::Left)],
            WalkAction::Prev,
            "keys.help.walk_step",
        )
        .footer("keys.footer.step"),
        Binding::also(&[code(KeyCode::Right)], WalkAction::Next).footer_with_above(),
        Binding::new(
            &[code(KeyCode::Backspace)],
            WalkAction::Back,
            "keys.help.walk_back",
        ),
        Binding::also(&[code(KeyCode::Enter)], WalkAction::Forward).footer("keys.footer.next"),
        Binding::new(
            &[ch('j'), code(KeyCode::Down)],
            WalkAction::Down,
            "keys.help.walk_move",
        )
        .footer("keys.footer.move"),
        Binding::also(&[ch('k'), code(KeyCode::Up)], WalkAction::Up).footer_with_above(),
        Binding::new(
            &[code(KeyCode::PageDown)],
            WalkAction::PageDown,
            "keys.help.walk_scroll",
        ),
        Binding::also(&[code(KeyCode::PageUp)], WalkAction::PageUp),
        Binding::new(&[ch('y')], WalkAction::Yes, "keys.help.walk_answer")
            .footer("keys.footer.answer"),
        Binding::also(&[ch('n')], WalkAction::No).footer_with_above(),
        Binding::new(&[ch(' ')], WalkAction::Toggle, "keys.help.walk_toggle"),
        Binding::new(&[ch('e')], WalkAction::Edit, "keys.help.walk_edit"),
        Binding::new(&[ch('x')], WalkAction::Clear, "keys.help.walk_clear")
            .footer("keys.footer.clear"),
        Binding::new(
            &[ch('K')],
            WalkAction::Choose(Outcome::Keep),
            "keys.help.walk_outcomes",
        ),
        Binding::also(&[ch('W')], WalkAction::Choose(Outcome::Watch)),
        Binding::also(&[ch('R')], WalkAction::Choose(Outcome::Reprice)),
        Binding::also(&[ch('S')], WalkAction::Choose(Outcome::ReduceScope)),
        Binding::also(&[ch('N')], WalkAction::Choose(Outcome::DoNotRenew)),
        Binding::also(&[ch('E')], WalkAction::Choose(Outcome::EndNow)),
        Binding::new(
            &[ch('T')],
            WalkAction::Choose(Outcome::TakeOn),
            "keys.help.walk_prospect",
        ),
        Binding::also(
            &[ch('C')],
            WalkAction::Choose(Outcome::TakeOnWithConditions),
        ),
        Binding::also(&[ch('D')], WalkAction::Choose(Outcome::Decline)),
        Binding::new(&[ch('w')], WalkAction::Scripts, "keys.help.walk_scripts"),
        Binding::new(
            &[Key::Ctrl('r')],
            WalkAction::Reload,
            "keys.help.walk_reload",
        ),
        Binding::new(
            &[code(KeyCode::Esc), ch('q')],
            WalkAction::Leave,
            "keys.help.walk_leave",
        )
        .footer("keys.footer.leave"),
        Binding::new(
            &[ch('?'), code(KeyCode::F(1))],
            WalkAction::Help,
            "keys.help.help",
        )
        .footer("keys.footer.help"),
    ],
};

/// The letter that chooses an outcome in the walk.
pub fn outcome_key(o: Outcome) -> Option<String> {
    WALK.bindings
        .iter()
        .find(|b| b.action == WalkAction::Choose(o))
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
}

/// A key in the walk: the action of the binding that answers to it.
pub fn walk_action(k: &KeyEvent) -> Option<WalkAction> {
    WALK.bindings
        .iter()
        .find(|b| b.keys.iter().any(|key| key.matches(k)))
        .map(|b| b.action)
}

/// The walk's footer: (keys, label). On the last step Enter saves; while the file is
/// damaged it cannot, and is left out.
pub fn walk_footer(last_step: bool, read_only: bool) -> Vec<(String, &'static str)> {
    footer_entries(WALK.bindings.iter().map(|b| {
        let place = match (b.action, b.footer) {
            (WalkAction::Forward, _) if last_step && read_only => Footer::No,
            (WalkAction::Forward, Footer::Label(_)) if last_step => {
                Footer::Label("keys.footer.save")
            }
            (_, place) => place,
        };
        (b.keys, place)
    }))
}

/// The text a binding names (its help line, its footer label, its table's mouse line) in
/// the language in force: the tables hold the names of texts in the `keys` area.
pub fn text(key: &str) -> &'static str {
    crate::words::get(key)
}

/// The footer's entries from bindings' keys and where each shows: an entry per label, the
/// keys of a binding shown "with the one above" added to that entry.
fn footer_entries(
    bindings: impl Iterator<Item = (&'static [Key], Footer)>,
) -> Vec<(String, &'static str)> {
    let mut entries: Vec<(String, &'static str)> = Vec::new();
    let mut last_shown = false;
    for (keys, place) in bindings {
        let first = keys.first().map(|k| k.label()).unwrap_or_default();
        match (place, entries.last_mut()) {
            (Footer::Label(label), _) => entries.push((first, text(label))),
            (Footer::WithAbove, Some((keys, _))) if last_shown => {
                keys.push(' ');
                keys.push_str(&first);
            }
            (Footer::WithAbove, _) => entries.push((first, "")),
            (Footer::No, _) => {}
        }
        last_shown = place != Footer::No;
    }
    entries
}

/// Every key of the walk, for the help overlay while it is open.
pub fn walk_help() -> Vec<(String, &'static str)> {
    let mut lines = help_lines(WALK.bindings);
    lines.push((crate::t!("keys.mouse_label").into(), text(WALK.mouse)));
    lines
}

pub const DECISIONS: Table = Table {
    mouse: "keys.mouse.decisions",
    bindings: &[
        Binding::new(
            &[code(KeyCode::Enter)],
            Action::OpenDecision,
            "keys.help.open_decision",
        )
        .footer("keys.footer.open"),
        Binding::new(&[code(KeyCode::Left)], Action::FocusLog, "keys.help.focus")
            .footer("keys.footer.focus"),
        Binding::also(&[code(KeyCode::Right)], Action::FocusComingUp).footer_with_above(),
        Binding::new(&[ch('w')], Action::Scripts, SCRIPTS_HELP),
        Binding::new(&[ch('o')], Action::Offboard, OFFBOARD_HELP),
    ],
};

/// The Scripts view's keys (an overlay over the body, like the walk, with a table of its
/// own). Its footer labels and help lines are names of texts in the `scripts` area of the
/// catalog, looked up when shown.
pub const SCRIPTS: Table<ScriptsAction> = Table {
    mouse: "scripts.keys.mouse",
    bindings: &[
        Binding::new(&[ch('o')], ScriptsAction::Kind, "scripts.keys.kind")
            .footer("scripts.keys.pick"),
        Binding::also(&[ch('c')], ScriptsAction::Channel).footer_with_above(),
        Binding::also(&[ch('l')], ScriptsAction::Lang).footer_with_above(),
        Binding::new(&[ch('r')], ScriptsAction::Reason, "scripts.keys.reason")
            .footer("scripts.keys.reason_short"),
        Binding::new(&[ch('E')], ScriptsAction::Editor, "scripts.keys.editor")
            .footer("scripts.keys.editor_short"),
        Binding::new(&[ch('y')], ScriptsAction::Copy, "scripts.keys.copy")
            .footer("scripts.keys.copy_short"),
        Binding::new(&[ch('w')], ScriptsAction::Write, "scripts.keys.write")
            .footer("scripts.keys.write_short"),
        Binding::new(&[ch('m')], ScriptsAction::Format, "scripts.keys.format"),
        Binding::new(&[ch('p')], ScriptsAction::Earlier, "scripts.keys.earlier")
            .footer("scripts.keys.earlier_short"),
        Binding::new(
            &[code(KeyCode::Enter)],
            ScriptsAction::Open,
            "scripts.keys.open",
        ),
        Binding::new(
            &[ch('j'), code(KeyCode::Down)],
            ScriptsAction::Down,
            "scripts.keys.scroll",
        ),
        Binding::also(&[ch('k'), code(KeyCode::Up)], ScriptsAction::Up),
        Binding::new(
            &[code(KeyCode::PageDown)],
            ScriptsAction::PageDown,
            "scripts.keys.page",
        ),
        Binding::also(&[code(KeyCode::PageUp)], ScriptsAction::PageUp),
        Binding::new(
            &[ch('g'), code(KeyCode::Home)],
            ScriptsAction::Top,
            "scripts.keys.ends",
        ),
        Binding::also(&[ch('G'), code(KeyCode::End)], ScriptsAction::Bottom),
        Binding::new(
            &[code(KeyCode::Esc), ch('q')],
            ScriptsAction::Close,
            "scripts.keys.close",
        )
        .footer("scripts.keys.close_short"),
        Binding::new(
            &[ch('?'), code(KeyCode::F(1))],
            ScriptsAction::Help,
            "scripts.keys.help",
        )
        .footer("scripts.keys.help_short"),
    ],
};

/// A key in the Scripts view: the action of the binding that answers to it.
pub fn scripts_action(k: &KeyEvent) -> Option<ScriptsAction> {
    SCRIPTS
        .bindings
        .iter()
        .find(|b| b.keys.iter().any(|key| key.matches(k)))
        .map(|b| b.action)
}

const OFFBOARD_HELP: &str = "keys.help.offboard";

/// The offboarding checklist's keys (a view over the body, with a table of its own: its
/// footer is read from it).
pub const OFFBOARD: Table<OffboardAction> = Table {
    mouse: "",
    bindings: &[
        Binding::new(
            &[ch('k'), code(KeyCode::Up)],
            OffboardAction::Up,
            "offboard.keys.move_help",
        )
        .footer("offboard.keys.move"),
        Binding::also(&[ch('j'), code(KeyCode::Down)], OffboardAction::Down).footer_with_above(),
        Binding::new(
            &[code(KeyCode::PageUp)],
            OffboardAction::PageUp,
            "offboard.keys.page",
        ),
        Binding::also(&[code(KeyCode::PageDown)], OffboardAction::PageDown),
        Binding::new(
            &[code(KeyCode::Home), ch('g')],
            OffboardAction::Top,
            "offboard.keys.ends",
        ),
        Binding::also(&[code(KeyCode::End), ch('G')], OffboardAction::Bottom),
        Binding::new(
            &[ch(' '), code(KeyCode::Enter)],
            OffboardAction::Toggle,
            "offboard.keys.toggle",
        )
        .footer("offboard.keys.toggle_short"),
        Binding::new(&[ch('u')], OffboardAction::Undo, UNDO_HELP).footer("keys.footer.undo"),
        Binding::new(
            &[code(KeyCode::Esc), ch('q'), ch('o')],
            OffboardAction::Close,
            "offboard.keys.close",
        )
        .footer("offboard.keys.close_short"),
    ],
};

/// A key in the offboarding checklist: the action of the binding that answers to it.
pub fn offboard_action(k: &KeyEvent) -> Option<OffboardAction> {
    OFFBOARD
        .bindings
        .iter()
        .find(|b| b.keys.iter().any(|key| key.matches(k)))
        .map(|b| b.action)
}

/// The Scripts view's footer: (keys, label), in the language in force.
pub fn scripts_footer() -> Vec<(String, &'static str)> {
    footer_entries(SCRIPTS.bindings.iter().map(|b| (b.keys, b.footer)))
}

/// Every key of the Scripts view, for its help, in the language in force.
pub fn scripts_help() -> Vec<(String, &'static str)> {
    let mut lines = help_lines(SCRIPTS.bindings);
    lines.push((
        crate::t!("scripts.keys.mouse_label").into(),
        text(SCRIPTS.mouse),
    ));
    lines
}

/// The offboarding checklist's footer: (keys, label), in the language in force.
pub fn offboard_footer() -> Vec<(String, &'static str)> {
    footer_entries(OFFBOARD.bindings.iter().map(|b| (b.keys, b.footer)))
}

/// A screen's own table.
pub fn table(screen: Screen) -> &'static Table {
    match screen {
        Screen::Clients => &CLIENTS,
        Screen::Scorecards => &SCORECARDS,
        Screen::Pareto => &PARETO,
        Screen::GutCheck => &GUT_CHECK,
        Screen::Decisions => &DECISIONS,
    }
}

/// Every binding that acts on a screen: the shared ones, then the screen's own.
pub fn bindings(screen: Screen) -> impl Iterator<Item = &'static Binding> {
    COMMON.iter().chain(table(screen).bindings)
}

/// A key on a main screen: the action of the binding that answers to it.
pub fn main_action(k: &KeyEvent, screen: Screen) -> Option<Action> {
    bindings(screen).find_map(|b| b.answer(k))
}

/// The footer's short list for a screen: (keys, label), the screen's entries, then help and
/// quit. While the file is damaged (`read_only`), the keys that would write are left out and
/// the key that restores a backup is shown.
pub fn footer(screen: Screen, read_only: bool) -> Vec<(String, &'static str)> {
    footer_entries(table(screen).bindings.iter().chain(COMMON).map(|b| {
        let place = match b.action {
            Action::Restore if read_only => Footer::Label("keys.footer.restore"),
            a if read_only && a.writes() => Footer::No,
            _ => b.footer,
        };
        (b.keys, place)
    }))
}

/// Every key of a screen, for the help overlay: (keys, what they do), the screen's own
/// bindings, what the mouse does, then the shared bindings.
pub fn help(screen: Screen) -> Vec<(String, &'static str)> {
    let table = table(screen);
    let mut lines = help_lines(table.bindings);
    lines.push((crate::t!("keys.mouse_label").into(), text(table.mouse)));
    lines.extend(help_lines(COMMON));
    lines
}

/// Help lines of a table: bindings on one line show their keys column by column (the first
/// key of each, then the second of each: `[ ] ← →`).
fn help_lines<A>(bindings: &[Binding<A>]) -> Vec<(String, &'static str)> {
    let mut groups: Vec<(Vec<&Binding<A>>, &'static str)> = Vec::new();
    for b in bindings {
        match (b.help, groups.last_mut()) {
            (Help::WithAbove, Some((group, _))) => group.push(b),
            (Help::WithAbove, None) => groups.push((vec![b], "")),
            (Help::Line(key), _) => groups.push((vec![b], text(key))),
        }
    }
    groups
        .into_iter()
        .map(|(group, text)| {
            let widest = group.iter().map(|b| b.keys.len()).max().unwrap_or(0);
            let keys: Vec<String> = (0..widest)
                .flat_map(|i| group.iter().filter_map(move |b| b.keys.get(i)))
                .map(|k| k.label())
                .collect();
            (keys.join(" "), text)
        })
        .collect()
}

/// A key pressed with no modifier, or with only the Shift that made its character (a
/// capital, a symbol, Shift-Tab). Every plain-key action asks this first, so Ctrl-U is never
/// u, Alt-l never l, Ctrl-Y never y and Shift-Enter never Enter.
pub fn is_plain(k: &KeyEvent) -> bool {
    if k.modifiers.is_empty() {
        return true;
    }
    k.modifiers == KeyModifiers::SHIFT
        && match k.code {
            KeyCode::Char(c) => !c.is_lowercase(),
            KeyCode::BackTab => true,
            _ => false,
        }
}

/// Ctrl and one letter, and nothing else held.
fn is_ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers == KeyModifiers::CONTROL && k.code == KeyCode::Char(c)
}

/// Ctrl-R in a form: take the values another window saved meanwhile.
pub fn is_reload(k: &KeyEvent) -> bool {
    is_ctrl(k, 'r')
}

/// Ctrl-C: quits from anywhere, the quit binding's second key.
pub fn is_ctrl_c(k: &KeyEvent) -> bool {
    Key::Ctrl('c').matches(k)
}

/// A key in a form or the filter line: editing keys, or None for the ones the caller owns
/// (Enter, Esc). Ctrl-U clears the field, Ctrl-A and Ctrl-E go home and end; any other
/// modified key does nothing. Alt+letter is not text: terminals send it as Esc and the
/// letter, which is what a fast Esc followed by a letter looks like, so it must not be typed.
pub fn form_key(k: &KeyEvent) -> Option<FormKey> {
    if is_ctrl(k, 'u') {
        return Some(FormKey::ClearField);
    } else if is_ctrl(k, 'a') {
        return Some(FormKey::Home);
    } else if is_ctrl(k, 'e') {
        return Some(FormKey::End);
    } else if !is_plain(k) {
        return None;
    }
    Some(match k.code {
        KeyCode::Char(c) => FormKey::Char(c),
        KeyCode::Backspace => FormKey::Backspace,
        KeyCode::Delete => FormKey::Delete,
        KeyCode::Left => FormKey::Left,
        KeyCode::Right => FormKey::Right,
        KeyCode::Home => FormKey::Home,
        KeyCode::End => FormKey::End,
        KeyCode::Tab | KeyCode::Down => FormKey::Next,
        KeyCode::BackTab | KeyCode::Up => FormKey::Prev,
        _ => return None,
    })
}

/// Every key press a terminal can send: characters, named keys and function keys, with
/// any of Shift, Ctrl and Alt held: what the tests of the key tables try.
pub fn every_press() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = (' '..='~').map(KeyCode::Char).collect();
    codes.extend(['é', 'É', '€', 'ß'].map(KeyCode::Char));
    codes.extend((1..=12).map(KeyCode::F));
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    let (shift, ctrl, alt) = (
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    );
    let held = [
        KeyModifiers::NONE,
        shift,
        ctrl,
        alt,
        shift | ctrl,
        shift | alt,
        ctrl | alt,
        shift | ctrl | alt,
    ];
    codes
        .iter()
        .flat_map(|&c| held.iter().map(move |&m| KeyEvent::new(c, m)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(KeyCode::Char('q'), modifiers)
    }

    #[test]
    fn alt_and_ctrl_letters_are_not_typed() {
        assert_eq!(form_key(&key(KeyModifiers::NONE)), Some(FormKey::Char('q')));
        assert_eq!(form_key(&key(KeyModifiers::ALT)), None);
        assert_eq!(form_key(&key(KeyModifiers::CONTROL)), None);
    }

    #[test]
    fn every_screen_has_help_and_a_footer() {
        for s in Screen::ALL {
            assert!(help(*s).len() > 5);
            let footer = footer(*s, false);
            assert_eq!(
                footer[footer.len() - 2..],
                [("?".to_string(), "help"), ("q".to_string(), "quit")],
                "{s:?}"
            );
        }
    }

    /// The action a binding should dispatch for one of its key presses.
    fn expected(b: &Binding, press: &KeyEvent) -> Action {
        match (b.action, press.code) {
            (Action::GoScreen(_), KeyCode::Char(c)) if b.keys == [Key::ScreenNumber] => {
                Action::GoScreen(c.to_digit(10).unwrap() as usize - 1)
            }
            _ => b.action,
        }
    }

    /// Each binding of a screen with the help line it is listed on: (keys, text).
    fn listed(screen: Screen) -> Vec<(&'static Binding, (String, &'static str))> {
        let help = help(screen);
        let own = table(screen).bindings;
        // The help lists the screen's own bindings, the mouse, then the shared ones; each
        // line opens on a binding with a text of its own.
        let mut lines = help.iter().filter(|(keys, _)| keys != "mouse");
        let mut line = None;
        own.iter()
            .chain(COMMON)
            .map(|b| {
                if let Help::Line(_) = b.help {
                    line = lines.next().cloned();
                }
                let line = line.clone().expect("a help line for every binding");
                (b, line)
            })
            .collect()
    }

    /// The same key and the same modifiers (crossterm's `==` takes `G` and Shift-`g` as one).
    fn same(a: &KeyEvent, b: &KeyEvent) -> bool {
        (a.code, a.modifiers) == (b.code, b.modifiers)
    }

    fn tokens(keys: &str) -> Vec<&str> {
        keys.split(' ').collect()
    }

    #[test]
    fn every_key_in_the_help_dispatches_its_bindings_action() {
        for &screen in Screen::ALL {
            for (b, (keys, text)) in listed(screen) {
                if let Help::Line(own) = b.help {
                    assert_eq!(text, super::text(own), "{screen:?}: {b:?}");
                }
                for key in b.keys {
                    assert!(
                        tokens(&keys).contains(&key.label().as_str()),
                        "{screen:?}: {} is not on its help line {keys:?}",
                        key.label()
                    );
                    let presses = key.presses();
                    assert!(!presses.is_empty(), "{screen:?}: {key:?}");
                    for press in presses {
                        assert_eq!(
                            main_action(&press, screen),
                            Some(expected(b, &press)),
                            "{screen:?}: {press:?}, listed as {keys:?} {text:?}"
                        );
                    }
                }
            }
        }
    }

    /// There is no dispatch but the tables: a key press that acts is one of a binding's,
    /// listed in the help. This fails if a key is ever handled outside the tables.
    #[test]
    fn nothing_acts_that_the_help_does_not_list() {
        for &screen in Screen::ALL {
            let listed = listed(screen);
            for press in every_press() {
                let Some(action) = main_action(&press, screen) else {
                    continue;
                };
                let owners: Vec<_> = listed
                    .iter()
                    .flat_map(|(b, line)| b.keys.iter().map(move |k| (b, k, line)))
                    .filter(|(_, k, _)| k.presses().iter().any(|p| same(p, &press)))
                    .collect();
                let [(b, key, (keys, _))] = owners[..] else {
                    panic!("{screen:?}: {press:?} acts ({action:?}) with bindings {owners:?}");
                };
                assert_eq!(action, expected(b, &press), "{screen:?}: {press:?}");
                assert!(
                    tokens(keys).contains(&key.label().as_str()),
                    "{screen:?}: {press:?} is not in the help"
                );
            }
        }
    }

    #[test]
    fn a_damaged_file_shows_restore_and_no_key_that_writes() {
        for &screen in Screen::ALL {
            let shown = footer(screen, true);
            assert!(
                shown
                    .iter()
                    .any(|(k, l)| k == "R" && *l == "restore backup"),
                "{screen:?}: {shown:?}"
            );
            for (keys, _) in &shown {
                for token in tokens(keys) {
                    let b = bindings(screen)
                        .find(|b| b.keys.first().map(|k| k.label()).as_deref() == Some(token));
                    assert!(b.is_some_and(|b| !b.action.writes()), "{screen:?}: {token}");
                }
            }
            assert!(!footer(screen, false).iter().any(|(k, _)| k == "R"));
        }
    }

    #[test]
    fn the_footer_lists_only_keys_that_act() {
        for &screen in Screen::ALL {
            let footer = footer(screen, false);
            let shown: Vec<&Binding> = bindings(screen)
                .filter(|b| b.footer != Footer::No)
                .collect();
            let mut keys_shown = 0;
            for (keys, label) in &footer {
                assert!(!label.is_empty(), "{screen:?}: {keys} has no label");
                for token in tokens(keys) {
                    let b = shown
                        .iter()
                        .find(|b| b.keys.first().map(|k| k.label()).as_deref() == Some(token))
                        .unwrap_or_else(|| {
                            panic!("{screen:?}: footer {token} is bound to nothing")
                        });
                    for press in b.keys[0].presses() {
                        assert_eq!(main_action(&press, screen), Some(expected(b, &press)));
                    }
                    keys_shown += 1;
                }
            }
            assert_eq!(keys_shown, shown.len(), "{screen:?}: {footer:?}");
        }
    }

    #[test]
    fn no_key_press_is_bound_twice_on_a_screen() {
        for &screen in Screen::ALL {
            let mut seen: Vec<(KeyEvent, Action)> = Vec::new();
            for b in bindings(screen) {
                for press in b.keys.iter().flat_map(|k| k.presses()) {
                    if let Some((_, other)) = seen.iter().find(|(p, _)| same(p, &press)) {
                        panic!("{screen:?}: {press:?} is both {other:?} and {:?}", b.action);
                    }
                    seen.push((press, b.action));
                }
            }
        }
    }

    #[test]
    fn every_table_is_well_formed() {
        let tables = Screen::ALL
            .iter()
            .map(|s| table(*s).bindings)
            .chain([COMMON]);
        for bindings in tables {
            assert!(matches!(bindings[0].help, Help::Line(_)), "{bindings:?}");
            for (i, b) in bindings.iter().enumerate() {
                assert!(!b.keys.is_empty(), "{b:?}");
                for key in b.keys {
                    assert!(!key.label().contains(' '), "{key:?}");
                }
                if b.footer == Footer::WithAbove {
                    assert!(i > 0 && bindings[i - 1].footer != Footer::No, "{b:?}");
                }
                if b.keys.contains(&Key::ScreenNumber) {
                    assert_eq!(b.keys.len(), 1, "{b:?}");
                    assert!(matches!(b.action, Action::GoScreen(_)), "{b:?}");
                }
            }
        }
    }

    /// Every key of the screens does what it did before the tables (and the Decisions
    /// screen's, since).
    #[test]
    fn every_key_acts_as_before() {
        use Action as A;
        use KeyCode as K;
        let common = [
            (K::Char('q'), A::Quit),
            (K::Char('?'), A::Help),
            (K::F(1), A::Help),
            (K::Tab, A::NextScreen),
            (K::BackTab, A::PrevScreen),
            (K::Char('1'), A::GoScreen(0)),
            (K::Char('4'), A::GoScreen(3)),
            (K::Char('5'), A::GoScreen(4)),
            (K::Char('j'), A::Move(Move::Down)),
            (K::Down, A::Move(Move::Down)),
            (K::Char('k'), A::Move(Move::Up)),
            (K::Up, A::Move(Move::Up)),
            (K::PageUp, A::Move(Move::PageUp)),
            (K::PageDown, A::Move(Move::PageDown)),
            (K::Home, A::Move(Move::Top)),
            (K::Char('g'), A::Move(Move::Top)),
            (K::End, A::Move(Move::Bottom)),
            (K::Char('G'), A::Move(Move::Bottom)),
            (K::Char('R'), A::Restore),
            (K::Char('h'), A::History),
        ];
        let own: [(Screen, &[(KeyCode, Action)]); 5] = [
            (
                Screen::Clients,
                &[
                    (K::Char('/'), A::Filter),
                    (K::Esc, A::ClearFilter),
                    (K::Char('s'), A::SortNext),
                    (K::Char('S'), A::SortReverse),
                    (K::Char('a'), A::Add),
                    (K::Char('e'), A::Edit),
                    (K::Enter, A::Edit),
                    (K::Char('d'), A::Archive),
                    (K::Char('l'), A::QuickLog),
                    (K::Char('u'), A::Undo),
                    (K::Char('f'), A::Walk),
                    (K::Char(' '), A::ToggleMark),
                    (K::Char('x'), A::ClearMarks),
                ],
            ),
            (
                Screen::Scorecards,
                &[
                    (K::Char('w'), A::NextWindow),
                    (K::Char('['), A::EarlierAsOf),
                    (K::Left, A::EarlierAsOf),
                    (K::Char(']'), A::LaterAsOf),
                    (K::Right, A::LaterAsOf),
                    (K::Char('t'), A::AsOfToday),
                    (K::Char('l'), A::QuickLog),
                    (K::Char('u'), A::Undo),
                    (K::Char('e'), A::Edit),
                    (K::Enter, A::Edit),
                ],
            ),
            (
                Screen::Pareto,
                &[
                    (K::Char('m'), A::NextMeasure),
                    (K::Char('v'), A::ToggleMap),
                    (K::Char(' '), A::ToggleMark),
                    (K::Char('x'), A::ClearMarks),
                    (K::Char('l'), A::QuickLog),
                    (K::Char('u'), A::Undo),
                    (K::Char('e'), A::Edit),
                    (K::Enter, A::Edit),
                ],
            ),
            (
                Screen::GutCheck,
                &[
                    (K::Left, A::PrevYear),
                    (K::Char('['), A::PrevYear),
                    (K::Right, A::NextYear),
                    (K::Char(']'), A::NextYear),
                    (K::Char('e'), A::EditVotes),
                    (K::Enter, A::EditVotes),
                    (K::Char('a'), A::AddStaff),
                    (K::Char('d'), A::ClearVotes),
                ],
            ),
            (
                Screen::Decisions,
                &[
                    (K::Enter, A::OpenDecision),
                    (K::Left, A::FocusLog),
                    (K::Right, A::FocusComingUp),
                ],
            ),
        ];
        let plain = |c| KeyEvent::new(c, KeyModifiers::NONE);
        for (screen, keys) in own {
            for &(code, action) in common.iter().chain(keys) {
                assert_eq!(
                    main_action(&plain(code), screen),
                    Some(action),
                    "{screen:?} {code:?}"
                );
            }
            let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(main_action(&ctrl_c, screen), Some(A::Quit));
        }
    }

    /// The walk's table, like the screens': every key its help lists dispatches its
    /// binding's action, nothing acts that the help does not list, no press is bound twice.
    #[test]
    fn the_walks_keys_are_its_tables() {
        let help = walk_help();
        let mut lines = help.iter().filter(|(keys, _)| keys != "mouse");
        let mut line = None;
        let mut seen: Vec<(KeyEvent, WalkAction)> = Vec::new();
        for b in WALK.bindings {
            if let Help::Line(text) = b.help {
                line = lines.next().cloned();
                assert_eq!(line.as_ref().map(|l| l.1), Some(super::text(text)), "{b:?}");
            }
            let (keys, _) = line.clone().expect("a help line for every binding");
            for key in b.keys {
                assert!(tokens(&keys).contains(&key.label().as_str()), "{key:?}");
                for press in key.presses() {
                    assert_eq!(walk_action(&press), Some(b.action), "{press:?}");
                    if let Some((_, other)) = seen.iter().find(|(p, _)| same(p, &press)) {
                        panic!("{press:?} is both {other:?} and {:?}", b.action);
                    }
                    seen.push((press, b.action));
                }
            }
        }
        assert!(lines.next().is_none(), "a help line without a binding");
        for press in every_press() {
            if let Some(action) = walk_action(&press) {
                assert!(
                    seen.iter().any(|(p, a)| same(p, &press) && *a == action),
                    "{press:?} acts ({action:?}) but no binding lists it"
                );
            }
        }
        // Only plain keys: Alt-y is not y, Ctrl-E is not e.
        let alt_y = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::ALT);
        assert_eq!(walk_action(&alt_y), None);
        let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
        assert_eq!(walk_action(&ctrl_e), None);
    }

    #[test]
    fn the_walks_footer_says_save_on_the_last_step_and_hides_it_when_read_only() {
        let keys = |last, ro| -> Vec<(String, &'static str)> { walk_footer(last, ro) };
        assert!(keys(false, false).contains(&("Enter".into(), "next")));
        assert!(keys(true, false).contains(&("Enter".into(), "save")));
        assert!(!keys(true, true).iter().any(|(k, _)| k == "Enter"));
        let shown = keys(false, false);
        assert_eq!(
            shown
                .iter()
                .map(|(k, l)| format!("{k} {l}"))
                .collect::<Vec<_>>(),
            [
                "← → step",
                "Enter next",
                "j k move",
                "y n answer",
                "x clear",
                "Esc leave",
                "? help"
            ]
        );
        for (keys, _) in &shown {
            for token in tokens(keys) {
                assert!(
                    WALK.bindings
                        .iter()
                        .any(|b| b.keys.iter().any(|k| k.label() == token)),
                    "{token}"
                );
            }
        }
        assert_eq!(outcome_key(Outcome::EndNow).as_deref(), Some("E"));
        assert_eq!(outcome_key(Outcome::Decline).as_deref(), Some("D"));
    }

    #[test]
    fn only_plain_keys_and_the_shift_of_a_character_act() {
        let at = |code, m| main_action(&KeyEvent::new(code, m), Screen::Clients);
        let (shift, ctrl, alt) = (
            KeyModifiers::SHIFT,
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
        );
        assert_eq!(at(KeyCode::Char('u'), ctrl), None, "Ctrl-U is not u");
        assert_eq!(at(KeyCode::Char('l'), alt), None, "Alt-l is not l");
        assert_eq!(at(KeyCode::Down, shift), None, "Shift-Down is not Down");
        assert_eq!(at(KeyCode::Enter, shift), None, "Shift-Enter is not Enter");
        assert_eq!(at(KeyCode::Tab, shift), None);
        assert_eq!(at(KeyCode::Char('3'), ctrl), None);
        assert_eq!(at(KeyCode::Char('S'), shift), Some(Action::SortReverse));
        assert_eq!(at(KeyCode::Char('?'), shift), Some(Action::Help));
        assert_eq!(at(KeyCode::BackTab, shift), Some(Action::PrevScreen));
        assert_eq!(at(KeyCode::Char('c'), ctrl | shift), Some(Action::Quit));
        // The digits go only to screens there are.
        assert_eq!(
            at(KeyCode::Char('5'), KeyModifiers::NONE),
            Some(Action::GoScreen(4))
        );
        assert_eq!(at(KeyCode::Char('6'), KeyModifiers::NONE), None);
        assert_eq!(at(KeyCode::Char('0'), KeyModifiers::NONE), None);
    }

    /// The tables hold names of texts: each names a text that both languages have.
    #[test]
    fn every_text_a_table_names_exists_in_both_languages() {
        use crate::words::{Lang, get_in};
        let mut names: Vec<&str> = Vec::new();
        let mut add = |help: Help, footer: Footer| {
            if let Help::Line(k) = help {
                names.push(k);
            }
            if let Footer::Label(k) = footer {
                names.push(k);
            }
        };
        for b in COMMON
            .iter()
            .chain(Screen::ALL.iter().flat_map(|s| table(*s).bindings))
        {
            add(b.help, b.footer);
        }
        for b in WALK.bindings {
            add(b.help, b.footer);
        }
        names.extend(Screen::ALL.iter().map(|s| table(*s).mouse));
        names.extend([WALK.mouse, "keys.footer.save", "keys.footer.restore"]);
        for name in names {
            assert!(name.starts_with("keys."), "{name}");
            for lang in [Lang::En, Lang::Nl] {
                assert_ne!(get_in(lang, name), name, "{name} has no {lang:?} text");
            }
        }
    }

    #[test]
    fn the_footer_and_the_help_speak_dutch() {
        crate::words::with_language(crate::words::Lang::Nl, || {
            let footer = footer(Screen::Clients, false);
            assert!(footer.contains(&("q".to_string(), "stop")), "{footer:?}");
            assert!(footer.contains(&("?".to_string(), "hulp")), "{footer:?}");
            let help = help(Screen::Pareto);
            assert!(
                help.iter()
                    .any(|(k, t)| k == "muis" && t.contains("scrolt")),
                "{help:?}"
            );
            assert!(help.iter().any(|(k, _)| k == "spatie"), "{help:?}");
        });
    }
}
