//! The offboarding checklist view (`o`), over the body: how far it is, every item with the
//! day it was done and by whom or a note, and under the list the item under the cursor in
//! full. And the progress line the Decisions screen and the detail pane show.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, HighlightSpacing, Paragraph, Row, Table, TableState,
};
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::domain::offboard::{Checklist, Progress};
use crate::tui::app::offboard::OffboardView;
use crate::tui::text::{truncate, wrap};

/// Below this inner width the "by / notes" column gives way: the item under the cursor
/// shows its note under the list instead.
const NOTES_FROM: usize = 96;

pub fn draw(frame: &mut Frame, body: Rect, view: &OffboardView, list: &Checklist, look: &Look) {
    let t = &look.theme;
    frame.render_widget(Clear, body);
    let p = list.progress();
    let title = crate::t!("offboard.tui.title", name = view.name);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            truncate(
                &format!(" {title} "),
                usize::from(body.width.saturating_sub(4)),
            ),
            t.title,
        ));
    // One column of margin inside the border on either side.
    let inner = block.inner(body);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(block, body);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let width = usize::from(inner.width);
    // How far: "Offboarding: 11 of 13 done · started 2025-09-21 · next: ...".
    let mut head = vec![Span::styled(
        summary(&p),
        if p.complete() { t.ok } else { t.header },
    )];
    head.push(Span::styled(
        format!(
            " · {}",
            crate::t!("offboard.tui.started", date = look.date(list.started_on))
        ),
        t.muted,
    ));
    if let Some(next) = &p.next {
        head.push(Span::styled(
            format!(" · {}", crate::t!("offboard.next", item = next)),
            t.muted,
        ));
    }
    let head_line = fit(head, width);
    frame.render_widget(Paragraph::new(head_line), Rect { height: 1, ..inner });
    // The item under the cursor in full, and its note, under the list.
    let selected = list.rows.get(view.cursor);
    let mut detail: Vec<Line> = Vec::new();
    if let Some((entry, tick)) = selected {
        for l in wrap(entry.label(), width).into_iter().take(2) {
            detail.push(Line::styled(l, t.base));
        }
        if let Some(by) = tick.as_ref().and_then(|t| t.by.as_ref()) {
            detail.push(Line::styled(truncate(by, width), t.muted));
        }
    }
    let detail_h = u16::try_from(detail.len())
        .unwrap_or(0)
        .min(inner.height.saturating_sub(5));
    // The list takes what it needs (its header and its rows), up to what the detail leaves.
    let needed = u16::try_from(list.rows.len() + 1).unwrap_or(u16::MAX);
    let table_area = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3 + detail_h).min(needed),
        ..inner
    };
    let date_w = list
        .rows
        .iter()
        .filter_map(|(_, tick)| tick.as_ref().map(|t| look.date(t.done_on).width()))
        .max()
        .unwrap_or(10)
        .max(crate::t!("offboard.tui.col_done").width());
    let notes = width >= NOTES_FROM;
    // The symbol (2), the box (3), the gaps between the columns.
    let fixed = 2 + 3 + 1 + 1 + date_w + usize::from(notes);
    let notes_w = if notes { (width - fixed) * 3 / 10 } else { 0 };
    let item_w = width.saturating_sub(fixed + notes_w).max(8);
    let rows: Vec<Row> = list
        .rows
        .iter()
        .map(|(entry, tick)| {
            let (mark, style) = match tick {
                Some(_) => ("[x]", t.ok),
                None => ("[ ]", t.base),
            };
            let mut cells = vec![
                Line::styled(mark, style),
                Line::from(truncate(entry.label(), item_w)),
                Line::styled(
                    tick.as_ref()
                        .map_or_else(|| "-".to_string(), |t| look.date(t.done_on)),
                    t.muted,
                ),
            ];
            if notes {
                let by = tick.as_ref().and_then(|t| t.by.as_deref()).unwrap_or("");
                cells.push(Line::styled(truncate(by, notes_w), t.muted));
            }
            Row::new(cells)
        })
        .collect();
    let mut header = vec![
        String::new(),
        crate::t!("offboard.tui.col_item").to_string(),
        crate::t!("offboard.tui.col_done").to_string(),
    ];
    let mut widths = vec![3, item_w, date_w];
    if notes {
        header.push(crate::t!("offboard.tui.col_by").to_string());
        widths.push(notes_w);
    }
    let widths = widths
        .into_iter()
        .map(|w| Constraint::Length(u16::try_from(w).unwrap_or(u16::MAX)));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.header))
        .column_spacing(1)
        .row_highlight_style(t.selected)
        .highlight_symbol("› ")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(Some(view.cursor));
    frame.render_stateful_widget(table, table_area, &mut state);
    if detail_h > 0 {
        let area = Rect {
            y: table_area.y + table_area.height + 1,
            height: detail_h,
            ..inner
        };
        frame.render_widget(Paragraph::new(detail), area);
    }
}

/// "Offboarding: 11 of 13 done", or "Offboarding: all 13 done".
pub fn summary(p: &Progress) -> String {
    if p.complete() {
        crate::t!("offboard.tui.detail_done", total = p.total)
    } else {
        crate::t!("offboard.tui.detail", done = p.done, total = p.total)
    }
}

/// The detail pane's line: how far, and what is next.
pub fn detail_line(p: &Progress, width: usize, look: &Look) -> Line<'static> {
    let t = &look.theme;
    let mut spans = vec![Span::styled(
        summary(p),
        if p.complete() { t.ok } else { t.header },
    )];
    if let Some(next) = &p.next {
        spans.push(Span::styled(
            format!(" · {}", crate::t!("offboard.next", item = next)),
            t.muted,
        ));
    }
    fit(spans, width)
}

/// The spans cut to `width` columns, the last ones giving way first.
fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut left = width;
    for s in spans {
        if left == 0 {
            break;
        }
        let text = truncate(&s.content, left);
        left = left.saturating_sub(text.width());
        out.push(Span::styled(text, s.style));
    }
    Line::from(out)
}
