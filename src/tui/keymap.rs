//! Keys to actions, and the key tables shown in help and the footer.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::widgets::form::FormKey;

/// Keys of the clients screen: (keys, what they do). The help overlay lists these.
pub const CLIENTS_KEYS: &[(&str, &str)] = &[
    ("j k ↑ ↓", "move the selection"),
    ("PgUp PgDn Home End", "page, first, last"),
    ("mouse", "wheel scrolls, click selects"),
    ("/", "filter as you type (Enter keeps, Esc clears)"),
    ("s  S", "sort by the next column, reverse the order"),
    ("a", "add a client"),
    ("e", "edit the selected client"),
    ("l", "quick log on the selected client (then a letter)"),
    ("u", "undo the last log of this session"),
    ("d", "archive the selected client (status former)"),
    ("Tab ⇧Tab 1-9", "switch screens"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
];

/// The footer's short list.
pub const FOOTER: &[(&str, &str)] = &[
    ("a", "add"),
    ("e", "edit"),
    ("l", "log"),
    ("u", "undo"),
    ("d", "archive"),
    ("/", "filter"),
    ("s", "sort"),
    ("?", "help"),
    ("q", "quit"),
];

pub fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c'))
}

/// A key on a main screen.
pub fn main_action(k: &KeyEvent) -> Option<Action> {
    if is_ctrl_c(k) {
        return Some(Action::Quit);
    }
    Some(match k.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
        KeyCode::Tab => Action::NextScreen,
        KeyCode::BackTab => Action::PrevScreen,
        KeyCode::Char(c @ '1'..='9') => Action::GoScreen(c as usize - '1' as usize),
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Char('/') => Action::Filter,
        KeyCode::Esc => Action::ClearFilter,
        KeyCode::Char('s') => Action::SortNext,
        KeyCode::Char('S') => Action::SortReverse,
        KeyCode::Char('a') => Action::Add,
        KeyCode::Char('e') | KeyCode::Enter => Action::Edit,
        KeyCode::Char('d') => Action::Archive,
        KeyCode::Char('l') => Action::QuickLog,
        KeyCode::Char('u') => Action::Undo,
        _ => return None,
    })
}

/// A key in a form or the filter line: editing keys, or None for the ones the caller owns
/// (Enter, Esc). Alt+letter is not text: terminals send it as Esc and the letter, which is
/// also how an Esc typed just before a letter arrives.
pub fn form_key(k: &KeyEvent) -> Option<FormKey> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    Some(match k.code {
        KeyCode::Char('u') if ctrl => FormKey::ClearField,
        KeyCode::Char('a') if ctrl => FormKey::Home,
        KeyCode::Char('e') if ctrl => FormKey::End,
        KeyCode::Char(_) if ctrl || alt => return None,
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

    #[test]
    fn alt_letters_are_not_typed_into_forms() {
        let key = |m| KeyEvent::new(KeyCode::Char('q'), m);
        assert_eq!(form_key(&key(KeyModifiers::NONE)), Some(FormKey::Char('q')));
        assert_eq!(
            form_key(&key(KeyModifiers::SHIFT)),
            Some(FormKey::Char('q'))
        );
        assert_eq!(form_key(&key(KeyModifiers::ALT)), None);
        assert_eq!(form_key(&key(KeyModifiers::CONTROL)), None);
    }
}
