//! The gut check screen (guide O2): each staff member's five worst clients of a year, and
//! which clients were named most.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::tui::app::App;
use crate::tui::text::{pad, truncate};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let [lists, tally] = if area.width >= 120 {
        Layout::horizontal([Constraint::Min(60), Constraint::Length(44)]).areas(area)
    } else {
        Layout::vertical([Constraint::Min(6), Constraint::Length(8)]).areas(area)
    };
    draw_lists(frame, lists, app, look);
    draw_tally(frame, tally, app, look);
}

fn name(app: &App, id: crate::domain::ClientId) -> String {
    app.clients
        .row(id)
        .map_or_else(|| format!("#{}", id.0), |r| r.client.fields.name.clone())
}

fn draw_lists(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let g = &app.gut;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Line::from(vec![
            Span::styled(
                format!(" {} ", crate::t!("gut_check.title", year = g.year)),
                t.title,
            ),
            Span::styled(format!(" {} ", crate::t!("gut_check.subtitle")), t.muted),
        ]));
    if g.lists.is_empty() {
        let msg = if g.loaded {
            crate::t!("gut_check.nobody_yet", year = g.year)
        } else {
            "…".to_string()
        };
        frame.render_widget(
            Paragraph::new(vec![Line::raw(""), Line::styled(msg, t.muted)])
                .block(block)
                .centered()
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let staff_w: u16 = 16;
    let list_w = usize::from(area.width.saturating_sub(staff_w + 4));
    let lists: Vec<Vec<String>> = g
        .lists
        .iter()
        .map(|l| {
            let names: Vec<String> = l
                .clients
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}. {}", i + 1, name(app, *c)))
                .collect();
            name_lines(&names, list_w)
        })
        .collect();
    // Every name whole where the panel has the rows for it: each list takes as many lines
    // as it needs, up to what lets every list fit.
    let room = usize::from(area.height.saturating_sub(3));
    let most = (1..=lists.iter().map(Vec::len).max().unwrap_or(1))
        .rev()
        .find(|k| lists.iter().map(|l| l.len().clamp(1, *k)).sum::<usize>() <= room)
        .unwrap_or(1);
    let rows: Vec<Row> = g
        .lists
        .iter()
        .zip(&lists)
        .map(|(l, lines)| {
            let text = if lines.is_empty() {
                Text::from(Line::styled(
                    format!("({})", crate::t!("gut_check.nobody_named")),
                    t.muted,
                ))
            } else {
                Text::from(fit_lines(lines, most, list_w))
            };
            let height = u16::try_from(text.height()).unwrap_or(1);
            Row::new(vec![
                Cell::from(truncate(&l.staff, staff_w.into())),
                Cell::from(text),
            ])
            .height(height)
        })
        .collect();
    let table = Table::new(rows, [Constraint::Length(staff_w), Constraint::Min(10)])
        .header(
            Row::new(vec![
                crate::t!("gut_check.col.staff"),
                crate::t!("gut_check.col.worst"),
            ])
            .style(t.header),
        )
        .block(block)
        .column_spacing(1)
        .row_highlight_style(t.selected)
        .highlight_symbol("›");
    let mut state = TableState::default()
        .with_offset(g.cursor.offset)
        .with_selected(Some(g.cursor.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The names of a list ("1. Brandt Vastgoed", ...) in lines of `width` columns, two spaces
/// apart: a name moves to the next line rather than be cut (unless it is wider than a line).
fn name_lines(names: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for n in names {
        match lines.last_mut() {
            Some(last) if last.width() + 2 + n.width() <= width => {
                last.push_str("  ");
                last.push_str(n);
            }
            _ => lines.push(truncate(n, width)),
        }
    }
    lines
}

/// At most `most` of the lines; the last one shown takes the rest, cut with "…".
fn fit_lines(lines: &[String], most: usize, width: usize) -> Vec<Line<'static>> {
    let most = most.max(1);
    if lines.len() <= most {
        return lines.iter().map(|l| Line::from(l.clone())).collect();
    }
    let mut shown: Vec<Line> = lines[..most - 1]
        .iter()
        .map(|l| Line::from(l.clone()))
        .collect();
    shown.push(Line::from(truncate(&lines[most - 1..].join("  "), width)));
    shown
}

fn draw_tally(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let g = &app.gut;
    let voters = g.lists.iter().filter(|l| !l.clients.is_empty()).count();
    let mut named: Vec<(String, usize)> = app
        .clients
        .rows
        .iter()
        .map(|r| (r.client.fields.name.clone(), g.named(r.client.id)))
        .filter(|(_, n)| *n > 0)
        .collect();
    named.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| crate::domain::identity::name_order(&a.0, &b.0))
    });
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = if named.is_empty() {
        vec![Line::styled(crate::t!("gut_check.nobody_named"), t.muted)]
    } else {
        named
            .iter()
            .map(|(n, k)| {
                let count = format!(" {}", crate::t!("gut_check.k_of", k = k, n = voters));
                let style = if *k >= 2 { t.error } else { t.base };
                Line::from(vec![
                    Span::styled(pad(n, width.saturating_sub(count.chars().count())), style),
                    Span::styled(count, t.muted),
                ])
            })
            .collect()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            format!(" {} ", crate::t!("gut_check.named_most")),
            t.title,
        ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
