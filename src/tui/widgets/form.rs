//! A form of labelled fields: text with a cursor, yes/no toggles and choices. Editing is
//! pure state; validation belongs to whoever reads the values.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::domain::ValidationError;
use crate::t;
use crate::tui::text::{pad, truncate, wrap};
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// "yes" or "no".
    Toggle,
    /// One of a fixed list: (value, label).
    Choice(Vec<(String, String)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Matches the `field` of the domain's validation errors.
    pub key: &'static str,
    pub label: &'static str,
    pub value: String,
    /// Cursor position in characters (text fields).
    pub cursor: usize,
    pub kind: FieldKind,
    pub hint: &'static str,
    pub error: Option<String>,
    /// Short text (a number, a date, a code, a name): tabbing into it selects it, and typing
    /// replaces it. Long text (notes) is never selected: typing adds to it.
    pub short: bool,
}

impl Field {
    /// A short text field: tabbing into it selects its text.
    pub fn text(key: &'static str, label: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        Self {
            key,
            label,
            cursor: value.chars().count(),
            value,
            kind: FieldKind::Text,
            hint: "",
            error: None,
            short: true,
        }
    }

    /// A long text field (notes): tabbing into it puts the cursor at its end, and typing
    /// never replaces what is there.
    pub fn long_text(key: &'static str, label: &'static str, value: impl Into<String>) -> Self {
        Self {
            short: false,
            ..Self::text(key, label, value)
        }
    }

    /// Whether the field's text shows selected: typing would replace it.
    fn selected(&self, fresh: bool) -> bool {
        fresh && self.short && self.kind == FieldKind::Text && !self.value.is_empty()
    }

    pub fn toggle(key: &'static str, label: &'static str, on: bool) -> Self {
        Self {
            kind: FieldKind::Toggle,
            ..Self::text(key, label, if on { "yes" } else { "no" })
        }
    }

    /// A choice, starting at `value` (or the first option when it is not among them).
    pub fn choice(
        key: &'static str,
        label: &'static str,
        options: Vec<(String, String)>,
        value: &str,
    ) -> Self {
        let value = options
            .iter()
            .find(|(v, _)| v == value)
            .or(options.first())
            .map(|(v, _)| v.clone())
            .unwrap_or_default();
        Self {
            kind: FieldKind::Choice(options),
            ..Self::text(key, label, value)
        }
    }

    pub fn with_hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_on(&self) -> bool {
        self.value == "yes"
    }

    /// What the field shows: the label of a choice, the text otherwise.
    pub fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Choice(opts) => opts
                .iter()
                .find(|(v, _)| *v == self.value)
                .map(|(_, l)| l.clone())
                .unwrap_or_default(),
            _ => self.value.clone(),
        }
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_idx)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn cycle(&mut self, forward: bool) {
        match &self.kind {
            FieldKind::Toggle => {
                self.value = if self.is_on() { "no" } else { "yes" }.into();
            }
            FieldKind::Choice(opts) if !opts.is_empty() => {
                let at = opts.iter().position(|(v, _)| *v == self.value).unwrap_or(0);
                let n = opts.len();
                let next = if forward {
                    (at + 1) % n
                } else {
                    (at + n - 1) % n
                };
                self.value = opts[next].0.clone();
            }
            _ => {}
        }
    }
}

/// A key as the form understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Next,
    Prev,
    ClearField,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem that belongs to no single field.
    pub message: Option<String>,
    /// The focused short text is "selected": typing replaces it, as in any form that was
    /// just tabbed into. Moving the cursor or deleting keeps it instead.
    pub fresh: bool,
    /// What Enter and Esc do, for the help line: "save" and "cancel" (in the language in
    /// force) unless the form is for something else (voiding an event).
    pub enter: &'static str,
    pub esc: &'static str,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Self {
        Self {
            title: title.into(),
            fields,
            focus: 0,
            message: None,
            fresh: true,
            enter: t!("forms.keys.save"),
            esc: t!("forms.keys.cancel"),
        }
    }

    /// A form whose Enter and Esc do something other than save and cancel.
    pub fn with_keys(mut self, enter: &'static str, esc: &'static str) -> Self {
        self.enter = enter;
        self.esc = esc;
        self
    }

    pub fn value(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.value.as_str())
    }

    pub fn is_on(&self, key: &str) -> bool {
        self.value(key) == "yes"
    }

    /// Edits the focused field.
    pub fn key(&mut self, key: FormKey) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        match key {
            FormKey::Next => {
                self.focus = (self.focus + 1) % n;
                self.fresh = true;
                return;
            }
            FormKey::Prev => {
                self.focus = (self.focus + n - 1) % n;
                self.fresh = true;
                return;
            }
            _ => {}
        }
        let fresh = std::mem::take(&mut self.fresh);
        let f = &mut self.fields[self.focus];
        if f.selected(fresh) && matches!(key, FormKey::Char(_)) {
            f.value.clear();
            f.cursor = 0;
        }
        match (&f.kind, key) {
            (FieldKind::Text, FormKey::Char(c)) => {
                let at = f.byte_at(f.cursor);
                f.value.insert(at, c);
                f.cursor += 1;
            }
            (FieldKind::Text, FormKey::Backspace) if f.cursor > 0 => {
                f.cursor -= 1;
                let at = f.byte_at(f.cursor);
                f.value.remove(at);
            }
            (FieldKind::Text, FormKey::Delete) if f.cursor < f.value.chars().count() => {
                let at = f.byte_at(f.cursor);
                f.value.remove(at);
            }
            (FieldKind::Text, FormKey::Left) => f.cursor = f.cursor.saturating_sub(1),
            (FieldKind::Text, FormKey::Right) => {
                f.cursor = (f.cursor + 1).min(f.value.chars().count());
            }
            (FieldKind::Text, FormKey::Home) => f.cursor = 0,
            (FieldKind::Text, FormKey::End) => f.cursor = f.value.chars().count(),
            (FieldKind::Text, FormKey::ClearField) => {
                f.value.clear();
                f.cursor = 0;
            }
            (FieldKind::Toggle, FormKey::Char(' ' | 'y' | 'n'))
            | (FieldKind::Toggle, FormKey::Left | FormKey::Right) => {
                if let FormKey::Char(c @ ('y' | 'n')) = key {
                    f.value = if c == 'y' { "yes" } else { "no" }.into();
                } else {
                    f.cycle(true);
                }
            }
            (FieldKind::Choice(_), FormKey::Right | FormKey::Char(' ')) => f.cycle(true),
            (FieldKind::Choice(_), FormKey::Left) => f.cycle(false),
            (FieldKind::Choice(opts), FormKey::Char(c)) => {
                // Jump to the next option whose label starts with the typed letter.
                let lc = c.to_ascii_lowercase();
                let start = opts.iter().position(|(v, _)| *v == f.value).unwrap_or(0);
                let n = opts.len();
                if let Some(i) = (1..=n)
                    .map(|k| (start + k) % n)
                    .find(|&i| opts[i].1.to_lowercase().starts_with(lc))
                {
                    f.value = opts[i].0.clone();
                }
            }
            _ => {}
        }
        f.error = None;
    }

    /// Puts a value into a field (the cursor to its end).
    pub fn set_value(&mut self, key: &str, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key) {
            f.value = value.to_string();
            f.cursor = f.value.chars().count();
            f.error = None;
        }
    }

    /// Shows validation errors next to their fields and focuses the first one.
    pub fn show_errors(&mut self, e: &ValidationError) {
        for f in &mut self.fields {
            f.error = e.for_field(f.key).map(str::to_string);
        }
        let unplaced: Vec<String> =
            e.0.iter()
                .filter(|fe| !self.fields.iter().any(|f| f.key == fe.field))
                .map(ToString::to_string)
                .collect();
        self.message = (!unplaced.is_empty()).then(|| unplaced.join("; "));
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.message.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    /// Draws the form as a centred popup over `area`: 76 columns, wider where the terminal
    /// has room for long choices, hints and errors.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        // 16 columns, or as wide as a longer label (a space follows it either way).
        let label_w = self
            .fields
            .iter()
            .map(|f| f.label.width())
            .max()
            .unwrap_or(0)
            .max(16);
        // The values: 34 columns, or the longest value or choice's label (a ticket, a client).
        let value_want = self
            .fields
            .iter()
            .filter_map(|f| match &f.kind {
                FieldKind::Choice(opts) => opts.iter().map(|(_, l)| l.width() + 4).max(),
                FieldKind::Text => Some(f.value.width() + 1),
                FieldKind::Toggle => None,
            })
            .max()
            .unwrap_or(0)
            .clamp(34, 100);
        // Right of the values: the hints and the errors.
        let note_want = self
            .fields
            .iter()
            .map(|f| {
                let error = f.error.as_ref().map_or(0, |e| e.width() + 2);
                error.max(f.hint.width())
            })
            .max()
            .unwrap_or(0);
        let widest = area.width.saturating_sub(4).max(40.min(area.width));
        let want = u16::try_from(label_w + value_want + note_want + 5).unwrap_or(u16::MAX);
        let width = want.clamp(76.min(widest), widest);
        let focused_error = self.fields.get(self.focus).and_then(|f| f.error.clone());
        let msg = self
            .message
            .clone()
            .or_else(|| focused_error.map(|e| format!("{}: {e}", self.fields[self.focus].label)));
        // A message is read whole: up to three lines, more only when it must be cut.
        let msg_lines = msg
            .as_deref()
            .map(|m| wrap(m, width.saturating_sub(2) as usize))
            .unwrap_or_default();
        let msg_h = (msg_lines.len().clamp(1, 3)) as u16;
        let height = (self.fields.len() as u16 + 4 + msg_h).min(area.height);
        let popup = centred(area, width, height);
        clear(frame, popup);
        let title = truncate(&self.title, usize::from(width.saturating_sub(4)));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.accent)
            .title(Span::styled(format!(" {title} "), theme.title));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [fields_area, msg_area, help_area] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(msg_h),
            Constraint::Length(1),
        ])
        .areas(inner);

        // Where the popup is narrow, long values give way to the focused field's hint or
        // error, down to 24 columns.
        let focused_note = self.fields.get(self.focus).map_or(0, |f| {
            f.error.as_ref().map_or(f.hint.width(), |e| e.width() + 2)
        });
        let room = (inner.width as usize).saturating_sub(label_w + 2);
        let value_w = value_want
            .min(room.saturating_sub(focused_note + 1).max(24))
            .min(room);
        let err_w = (inner.width as usize).saturating_sub(label_w + value_w + 3);
        let visible = fields_area.height as usize;
        let first = self.focus.saturating_sub(visible.saturating_sub(1));
        let mut lines = Vec::new();
        for (i, f) in self.fields.iter().enumerate().skip(first).take(visible) {
            let focused = i == self.focus;
            let marker = if focused { "›" } else { " " };
            let shown = match f.kind {
                FieldKind::Text => f.value.clone(),
                FieldKind::Toggle => format!("[{}]", if f.is_on() { "x" } else { " " }),
                FieldKind::Choice(_) => format!("‹ {} ›", f.shown()),
            };
            let value_style = if focused { theme.focus } else { theme.base };
            // Selected text (typing replaces it) in reverse video, the text only.
            let text = truncate(&visible_tail(&shown, f, focused, value_w), value_w);
            let text_style = if focused && f.selected(self.fresh) {
                value_style.patch(theme.selection)
            } else {
                value_style
            };
            let fill = " ".repeat(value_w.saturating_sub(text.width()));
            let mut spans = vec![
                Span::styled(marker, theme.accent),
                Span::styled(
                    pad(f.label, label_w),
                    if focused { theme.accent } else { theme.muted },
                ),
                Span::raw(" "),
                Span::styled(text, text_style),
                Span::styled(fill, value_style),
                Span::raw(" "),
            ];
            if let Some(e) = &f.error {
                spans.push(Span::styled(
                    truncate(&format!("✗ {e}"), err_w),
                    theme.error,
                ));
            } else if focused && !f.hint.is_empty() {
                spans.push(Span::styled(truncate(f.hint, err_w), theme.muted));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), fields_area);

        if !msg_lines.is_empty() {
            let shown = usize::from(msg_area.height);
            let mut lines: Vec<Line> = msg_lines
                .iter()
                .take(shown)
                .map(|l| Line::styled(l.clone(), theme.error))
                .collect();
            if msg_lines.len() > shown
                && let Some(last) = lines.last_mut()
            {
                let text = format!("{} {}", msg_lines[shown - 1], msg_lines[shown]);
                *last = Line::styled(truncate(&text, msg_area.width as usize), theme.error);
            }
            frame.render_widget(Paragraph::new(lines), msg_area);
        }
        // The keys this field takes; moving between fields only where there are several.
        let mut help = t!("forms.keys.enter_esc", enter = self.enter, esc = self.esc);
        help.push_str("  ");
        help.push_str(match self.fields.get(self.focus).map(|f| &f.kind) {
            Some(FieldKind::Text) => t!("forms.keys.clear"),
            Some(FieldKind::Toggle) => t!("forms.keys.toggle"),
            _ => t!("forms.keys.choose"),
        });
        if self.fields.len() > 1 {
            help.push_str("  ");
            help.push_str(t!("forms.keys.next"));
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&help, help_area.width as usize),
                theme.muted,
            )),
            help_area,
        );
        // The text cursor sits in the focused text field.
        if let Some(f) = self.fields.get(self.focus)
            && f.kind == FieldKind::Text
            && self.focus >= first
            && self.focus < first + visible
        {
            let before: String = f.value.chars().take(f.cursor).collect();
            let x = fields_area.x + 1 + label_w as u16 + 1 + (before.width().min(value_w) as u16);
            let y = fields_area.y + (self.focus - first) as u16;
            frame.set_cursor_position((x, y));
        }
    }
}

/// Long text scrolls so the cursor stays visible in the focused field.
fn visible_tail(shown: &str, f: &Field, focused: bool, width: usize) -> String {
    if !focused || f.kind != FieldKind::Text || shown.width() < width {
        return shown.to_string();
    }
    let before: String = f.value.chars().take(f.cursor).collect();
    if before.width() < width {
        return shown.to_string();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut w = 0;
    for c in before.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw >= width {
            break;
        }
        tail.push(c);
        w += cw;
    }
    tail.iter().rev().collect()
}

/// Clears `rect` for a popup. A wide character (CJK, emoji) drawn beneath it that starts
/// just left of the popup would cover the popup's left border: it gives way to a space.
pub fn clear(frame: &mut Frame, rect: Rect) {
    frame.render_widget(Clear, rect);
    let Some(left) = rect.x.checked_sub(1) else {
        return;
    };
    let buf = frame.buffer_mut();
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buf.cell_mut((left, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// A rectangle of the given size centred in `area` (clipped to it).
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "t",
            vec![
                Field::text("name", "Name", ""),
                Field::toggle("prepaid", "Prepaid", false),
                Field::choice(
                    "status",
                    "Status",
                    vec![
                        ("active".into(), "active".into()),
                        ("prospect".into(), "prospect".into()),
                        ("former".into(), "former".into()),
                    ],
                    "active",
                ),
            ],
        )
    }

    #[test]
    fn typing_edits_at_the_cursor_with_multibyte_text() {
        let mut f = form();
        for c in "Cafe".chars() {
            f.key(FormKey::Char(c));
        }
        f.key(FormKey::Backspace);
        f.key(FormKey::Char('é'));
        f.key(FormKey::Home);
        f.key(FormKey::Char('>'));
        f.key(FormKey::End);
        f.key(FormKey::Char('!'));
        assert_eq!(f.value("name"), ">Café!");
        f.key(FormKey::Left);
        f.key(FormKey::Left);
        f.key(FormKey::Delete);
        assert_eq!(f.value("name"), ">Caf!");
        f.key(FormKey::ClearField);
        assert_eq!(f.value("name"), "");
    }

    #[test]
    fn typing_into_a_field_just_tabbed_into_replaces_it() {
        let mut f = Form::new(
            "t",
            vec![Field::text("a", "A", "Acme"), Field::text("b", "B", "1")],
        );
        f.key(FormKey::Next);
        f.key(FormKey::Char('1'));
        f.key(FormKey::Char('2'));
        assert_eq!(f.value("b"), "12");
        f.key(FormKey::Prev);
        f.key(FormKey::End);
        f.key(FormKey::Char('!'));
        assert_eq!(f.value("a"), "Acme!", "moving first keeps the text");
    }

    #[test]
    fn toggles_and_choices_cycle() {
        let mut f = form();
        f.key(FormKey::Next);
        f.key(FormKey::Char(' '));
        assert!(f.is_on("prepaid"));
        f.key(FormKey::Next);
        f.key(FormKey::Right);
        assert_eq!(f.value("status"), "prospect");
        f.key(FormKey::Left);
        f.key(FormKey::Left);
        assert_eq!(f.value("status"), "former");
        f.key(FormKey::Char('a'));
        assert_eq!(f.value("status"), "active");
        f.key(FormKey::Next);
        assert_eq!(f.focus, 0, "Tab wraps around");
    }

    #[test]
    fn errors_land_on_their_fields_and_take_the_focus() {
        let mut f = form();
        f.focus = 0;
        f.show_errors(&ValidationError(vec![crate::domain::FieldError::new(
            "status",
            "has unknown status",
        )]));
        assert_eq!(f.focus, 2);
        assert!(f.has_errors());
        f.key(FormKey::Right);
        assert!(!f.has_errors(), "editing a field clears its error");
    }
}
