//! A client's history as a large popup: every event with its id, newest first; voided
//! ones struck through with their reason; the selected one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Look;
use crate::tui::app::history::History;
use crate::tui::text::{event_summary, pad, truncate};

pub fn draw(frame: &mut Frame, area: Rect, h: &History, look: &Look) {
    let t = &look.theme;
    // Under the header, over the screen, and above the status line and the footer, which
    // keep saying what happened.
    let width = area.width.saturating_sub(4).min(110);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height: area.height.saturating_sub(3),
    };
    frame.render_widget(Clear, rect);
    let title = format!(
        " {} ",
        crate::tn!("history.title", h.view.len(), name = h.name)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            truncate(&title, usize::from(width.saturating_sub(4))),
            t.title,
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = usize::from(inner.width);
    let rows = usize::from(inner.height.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    let first = h
        .cursor
        .offset
        .min(h.view.len().saturating_sub(rows.max(1)));
    let first = if h.cursor.selected < first {
        h.cursor.selected
    } else if h.cursor.selected >= first + rows.max(1) {
        h.cursor.selected + 1 - rows.max(1)
    } else {
        first
    };
    if h.view.is_empty() {
        lines.push(Line::styled(
            if h.filter.is_empty() {
                crate::t!("history.nothing_logged")
            } else {
                crate::t!("history.no_match")
            },
            t.muted,
        ));
    }
    for (pos, &i) in h.view.iter().enumerate().skip(first).take(rows) {
        let e = &h.events[i];
        let (what, text) = event_summary(&e.what, &look.currency);
        let text = match &e.voided {
            Some(reason) => crate::t!("history.void", text = text, reason = reason),
            None => text,
        };
        let date = look.date(e.date);
        let head = format!("{} {date} {} ", pad(&e.id.to_string(), 6), pad(what, 8));
        let rest = w.saturating_sub(head.chars().count() + 1);
        let mut style = if e.voided.is_some() {
            t.muted.add_modifier(Modifier::CROSSED_OUT)
        } else {
            t.base
        };
        let marker = if pos == h.cursor.selected {
            style = style.patch(t.selected);
            "›"
        } else {
            " "
        };
        lines.push(Line::from(vec![
            Span::styled(marker, t.accent),
            Span::styled(
                pad(&format!("{head}{}", truncate(&text, rest)), w - 1),
                style,
            ),
        ]));
    }
    let list_area = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), list_area);
    let foot = Rect {
        y: inner.y + inner.height.saturating_sub(2),
        height: 2.min(inner.height),
        ..inner
    };
    let filter = if h.filtering || !h.filter.is_empty() {
        Line::from(vec![
            Span::styled(format!("{} ", crate::t!("keys.footer.filter")), t.muted),
            Span::styled(
                format!("{}{}", h.filter, if h.filtering { "▏" } else { "" }),
                t.focus,
            ),
        ])
    } else {
        Line::raw("")
    };
    let keys = [
        ("j k", crate::t!("keys.footer.move")),
        ("e", crate::t!("keys.footer.edit")),
        ("x", crate::t!("keys.footer.void")),
        ("r", crate::t!("keys.footer.restore_event")),
        ("/", crate::t!("keys.footer.filter")),
        ("u", crate::t!("keys.footer.undo")),
        ("Esc", crate::t!("keys.footer.close")),
    ];
    let keys: Vec<(String, &str)> = keys.iter().map(|(k, w)| (k.to_string(), *w)).collect();
    let spans = super::footer_spans(Vec::new(), &keys, foot.width, look);
    frame.render_widget(Paragraph::new(vec![filter, Line::from(spans)]), foot);
}
