//! Keys to actions, and the key tables shown in help and the footer.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Screen;
use super::app::cursor::Move;
use super::widgets::form::FormKey;

/// Keys every screen shares: (keys, what they do).
const COMMON_KEYS: &[(&str, &str)] = &[
    ("j k ↑ ↓", "move the selection"),
    ("PgUp PgDn Home End", "page, first, last"),
    ("h", "history: edit, void or restore an event"),
    ("Tab ⇧Tab 1-4", "switch screens"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
];

/// Keys of the clients screen. The help overlay lists these and the common ones.
pub const CLIENTS_KEYS: &[(&str, &str)] = &[
    ("mouse", "wheel scrolls, click selects"),
    ("/", "filter as you type (Enter keeps, Esc clears)"),
    ("s  S", "sort by the next column, reverse the order"),
    ("a", "add a client"),
    ("e  Enter", "edit the selected client"),
    ("l", "quick log on the selected client (then a letter)"),
    (
        "u",
        "undo the last log, edit, archive or list of this session",
    ),
    ("d", "archive the selected client (status former)"),
    (
        "space  x",
        "mark the client for the what-if (3 Pareto), clear marks",
    ),
];

pub const SCORECARDS_KEYS: &[(&str, &str)] = &[
    ("mouse", "wheel scrolls, click selects"),
    ("w", "window: 30, 60, 90, 180 or 365 days"),
    ("[  ]  ←  →", "as-of date one month-end earlier, later"),
    ("t", "as-of date back to today"),
    ("l", "quick log on the selected client"),
    (
        "u",
        "undo the last log, edit, archive or list of this session",
    ),
    ("e", "edit the selected client"),
];

pub const PARETO_KEYS: &[(&str, &str)] = &[
    ("m", "rank by revenue, hours, tickets or stress"),
    ("v", "the value/effort map instead of the rankings"),
    ("space", "mark or unmark the client: the what-if drops them"),
    ("x", "clear every mark"),
    ("l  u  e", "quick log, undo, edit the selected client"),
];

pub const GUT_CHECK_KEYS: &[(&str, &str)] = &[
    ("←  →  [  ]", "the year before, after"),
    (
        "e  Enter",
        "edit the selected staff member's five worst clients",
    ),
    ("a", "add a staff member and their list"),
    ("d", "clear the selected staff member's list for this year"),
];

/// Every key of a screen, for the help overlay.
pub fn help(screen: Screen) -> Vec<(&'static str, &'static str)> {
    let own = match screen {
        Screen::Clients => CLIENTS_KEYS,
        Screen::Scorecards => SCORECARDS_KEYS,
        Screen::Pareto => PARETO_KEYS,
        Screen::GutCheck => GUT_CHECK_KEYS,
    };
    COMMON_KEYS[..2]
        .iter()
        .chain(own)
        .chain(&COMMON_KEYS[2..])
        .copied()
        .collect()
}

/// The footer's short list for a screen.
pub fn footer(screen: Screen) -> &'static [(&'static str, &'static str)] {
    match screen {
        Screen::Clients => &[
            ("a", "add"),
            ("e", "edit"),
            ("l", "log"),
            ("u", "undo"),
            ("d", "archive"),
            ("/", "filter"),
            ("s", "sort"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Screen::Scorecards => &[
            ("w", "window"),
            ("[ ]", "as of"),
            ("t", "today"),
            ("l", "log"),
            ("u", "undo"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Screen::Pareto => &[
            ("m", "measure"),
            ("v", "map"),
            ("space", "mark"),
            ("x", "clear"),
            ("l", "log"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Screen::GutCheck => &[
            ("← →", "year"),
            ("e", "edit list"),
            ("a", "add staff"),
            ("d", "clear"),
            ("?", "help"),
            ("q", "quit"),
        ],
    }
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

pub fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c'))
}

/// A key on a main screen.
pub fn main_action(k: &KeyEvent, screen: Screen) -> Option<Action> {
    if is_ctrl_c(k) {
        return Some(Action::Quit);
    }
    if !is_plain(k) {
        return None;
    }
    let common = match k.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') | KeyCode::F(1) => Some(Action::Help),
        KeyCode::Char('R') => Some(Action::Restore),
        KeyCode::Char('h') => Some(Action::History),
        KeyCode::Tab => Some(Action::NextScreen),
        KeyCode::BackTab => Some(Action::PrevScreen),
        KeyCode::Char(c @ '1'..='9') => Some(Action::GoScreen(c as usize - '1' as usize)),
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Move(Move::Up)),
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Move(Move::Down)),
        KeyCode::PageUp => Some(Action::Move(Move::PageUp)),
        KeyCode::PageDown => Some(Action::Move(Move::PageDown)),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Move(Move::Top)),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Move(Move::Bottom)),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match screen {
        Screen::Clients => Some(match k.code {
            KeyCode::Char('/') => Action::Filter,
            KeyCode::Esc => Action::ClearFilter,
            KeyCode::Char('s') => Action::SortNext,
            KeyCode::Char('S') => Action::SortReverse,
            KeyCode::Char('a') => Action::Add,
            KeyCode::Char('e') | KeyCode::Enter => Action::Edit,
            KeyCode::Char('d') => Action::Archive,
            KeyCode::Char('l') => Action::QuickLog,
            KeyCode::Char('u') => Action::Undo,
            KeyCode::Char(' ') => Action::ToggleMark,
            KeyCode::Char('x') => Action::ClearMarks,
            _ => return None,
        }),
        Screen::Pareto => Some(match k.code {
            KeyCode::Char('m') => Action::NextMeasure,
            KeyCode::Char('v') => Action::ToggleMap,
            KeyCode::Char(' ') => Action::ToggleMark,
            KeyCode::Char('x') => Action::ClearMarks,
            KeyCode::Char('l') => Action::QuickLog,
            KeyCode::Char('u') => Action::Undo,
            KeyCode::Char('e') | KeyCode::Enter => Action::Edit,
            _ => return None,
        }),
        Screen::Scorecards => Some(match k.code {
            KeyCode::Char('w') => Action::NextWindow,
            KeyCode::Char('[') | KeyCode::Left => Action::EarlierAsOf,
            KeyCode::Char(']') | KeyCode::Right => Action::LaterAsOf,
            KeyCode::Char('t') => Action::AsOfToday,
            KeyCode::Char('l') => Action::QuickLog,
            KeyCode::Char('u') => Action::Undo,
            KeyCode::Char('e') | KeyCode::Enter => Action::Edit,
            _ => return None,
        }),
        Screen::GutCheck => Some(match k.code {
            KeyCode::Char('[') | KeyCode::Left => Action::PrevYear,
            KeyCode::Char(']') | KeyCode::Right => Action::NextYear,
            KeyCode::Char('e') | KeyCode::Enter => Action::EditVotes,
            KeyCode::Char('a') => Action::AddStaff,
            KeyCode::Char('d') => Action::ClearVotes,
            _ => return None,
        }),
    }
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
            assert!(footer(*s).iter().any(|(k, _)| *k == "q"));
        }
    }
}
