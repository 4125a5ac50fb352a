//! Popups over the screens: help, the quick-log menu, the archive confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Look;
use crate::tui::app::Screen;
use crate::tui::forms::LogKind;
use crate::tui::keymap;
use crate::tui::text::{fill_spans, pad, truncate};
use crate::tui::widgets::form::{centred, clear};
use unicode_width::UnicodeWidthStr;

fn popup<'a>(
    frame: &mut Frame,
    area: Rect,
    w: u16,
    h: u16,
    title: String,
    look: &Look,
) -> (Rect, Block<'a>) {
    let rect = centred(area, w, h);
    clear(frame, rect);
    // The title is cut by display width, to fit inside the corners.
    let title = truncate(&title, usize::from(rect.width.saturating_sub(4)));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(look.theme.accent)
        .title(Span::styled(format!(" {title} "), look.theme.title));
    (rect, block)
}

pub fn help(frame: &mut Frame, area: Rect, screen: Screen, look: &Look) {
    let forms = crate::t!("screens.help.forms");
    let title = crate::t!("screens.help.title", screen = screen.title());
    help_of(frame, area, &keymap::help(screen), Some(forms), title, look);
}

/// The walk's keys, while it is open.
pub fn walk_help(frame: &mut Frame, area: Rect, look: &Look) {
    let fields = crate::t!("screens.help.fields");
    let title = crate::t!("screens.help.title", screen = crate::t!("screens.walk"));
    help_of(frame, area, &keymap::walk_help(), Some(fields), title, look);
}

/// A help popup: the keys and what they do, then `forms` (a line on the keys of the forms
/// it opens) where there is room, with how to close it on the bottom border. The Scripts and
/// Import views' help is drawn here too.
pub fn help_of(
    frame: &mut Frame,
    area: Rect,
    keys: &[(String, &str)],
    forms: Option<&str>,
    title: String,
    look: &Look,
) {
    // The keys' column is as wide as the widest keys, so the texts keep their room.
    let keys_w = keys
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .max(6)
        + 2;
    // As wide as the longest line, where the terminal has the room; what is cut shows "…".
    let longest = keys
        .iter()
        .map(|(_, what)| keys_w + what.width())
        .chain(forms.map(UnicodeWidthStr::width))
        .max()
        .unwrap_or(0);
    let w = u16::try_from(longest + 2).unwrap_or(u16::MAX).clamp(
        72.min(area.width),
        area.width.saturating_sub(4).max(72.min(area.width)),
    );
    let room = usize::from(w.saturating_sub(2));
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(pad(k, keys_w), look.theme.key),
                Span::raw(truncate(what, room.saturating_sub(keys_w))),
            ])
        })
        .collect();
    // The blank line before the forms' keys goes first where the rows are few, then the
    // forms' keys themselves (every form shows them in its own footer): the screen's keys
    // are never the lines cut.
    if let Some(forms) = forms {
        if lines.len() + 4 <= usize::from(area.height) {
            lines.push(Line::raw(""));
        }
        if lines.len() + 3 <= usize::from(area.height) {
            lines.push(Line::styled(truncate(forms, room), look.theme.muted));
        }
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let (rect, block) = popup(frame, area, w, h, title, look);
    // How to close it sits on the bottom border, so it is never the line cut.
    let close = truncate(
        crate::t!("screens.help.close"),
        usize::from(rect.width.saturating_sub(4)),
    );
    let block = block.title_bottom(Span::styled(format!(" {close} "), look.theme.muted));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

pub fn log_menu(frame: &mut Frame, area: Rect, client: &str, look: &Look) {
    let mut lines: Vec<Line> = LogKind::MENU
        .iter()
        .map(|(k, kind, _)| {
            Line::from(vec![
                Span::styled(format!("  {k}  "), look.theme.key),
                Span::raw(kind.label()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("  Esc  {}", crate::t!("keys.footer.cancel")),
        look.theme.muted,
    ));
    let h = lines.len() as u16 + 2;
    let title = crate::t!("screens.log_for", name = client);
    let (rect, block) = popup(frame, area, 56, h, title, look);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

pub fn confirm_archive(frame: &mut Frame, area: Rect, client: &str, look: &Look) {
    let lines = vec![
        Line::from(fill_spans(
            crate::t!("screens.archive.ask"),
            vec![("name", Span::styled(client.to_string(), look.theme.title))],
        )),
        Line::raw(""),
        Line::raw(crate::t!("screens.archive.what")),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", look.theme.key),
            Span::raw(format!(" / Enter {}    ", crate::t!("screens.archive.yes"))),
            Span::styled("n", look.theme.key),
            Span::raw(format!(" / Esc {}", crate::t!("screens.keep"))),
        ]),
    ];
    let title = crate::t!("screens.archive.title").to_string();
    let (rect, block) = popup(frame, area, 60, 9, title, look);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}

pub fn confirm_clear_votes(frame: &mut Frame, area: Rect, year: i32, staff: &str, look: &Look) {
    let lines = vec![
        Line::from(fill_spans(
            &crate::t!("gut_check.clear.ask", year = year),
            vec![("staff", Span::styled(staff.to_string(), look.theme.title))],
        )),
        Line::raw(""),
        Line::raw(crate::t!("gut_check.clear.what")),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", look.theme.key),
            Span::raw(format!(" / Enter {}    ", crate::t!("gut_check.clear.yes"))),
            Span::styled("n", look.theme.key),
            Span::raw(format!(" / Esc {}", crate::t!("screens.keep"))),
        ]),
    ];
    let title = crate::t!("gut_check.clear.title").to_string();
    let (rect, block) = popup(frame, area, 60, 9, title, look);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}

/// The confirmation before a backup replaces the damaged file: names both files.
pub fn confirm_restore(frame: &mut Frame, area: Rect, db: &str, from: &str, look: &Look) {
    let lines = vec![
        Line::from(fill_spans(
            crate::t!("screens.restore.ask"),
            vec![
                ("db", Span::styled(db.to_string(), look.theme.title)),
                ("backup", Span::styled(from.to_string(), look.theme.title)),
            ],
        )),
        Line::raw(""),
        Line::raw(crate::t!("screens.restore.what")),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y", look.theme.key),
            Span::raw(format!(" {}    ", crate::t!("screens.restore.yes"))),
            Span::styled("n", look.theme.key),
            Span::raw(format!(" / Esc {}", crate::t!("screens.restore.no"))),
        ]),
    ];
    let title = crate::t!("screens.restore.title").to_string();
    let (rect, block) = popup(frame, area, 70, 12, title, look);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}
