//! The Decisions screen (5): the decision log, newest first, and Coming up: contracts
//! ending, last days to give notice, reviews due and exits in progress, soonest first. And
//! the saved decision, read-only, in a popup (Enter).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, Clear, HighlightSpacing, Paragraph, Row, Table, TableState, Wrap,
};
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::domain::ClientId;
use crate::domain::date::iso;
use crate::domain::decide::decision::Decision;
use crate::domain::decide::upcoming::{HORIZON_DAYS, Upcoming};
use crate::tui::app::App;
use crate::tui::app::decisions::{Pane, no_decisions};
use crate::tui::layout;
use crate::tui::text::{pad, truncate};
use crate::tui::widgets::decision::{lines, outcome_style};

pub fn draw(frame: &mut Frame, _body: Rect, app: &App, look: &Look) {
    let d = &app.decisions;
    let at = layout::Decisions::of(frame.area(), d.log.len(), d.coming.len());
    draw_log(frame, &at, app, look);
    draw_coming(frame, &at, app, look);
}

/// The client's name as it is now (a decision keeps the name it was read with).
fn name(app: &App, id: ClientId, kept: &str) -> String {
    app.clients
        .row(id)
        .map_or_else(|| kept.to_string(), |r| r.client.fields.name.clone())
}

fn block<'a>(title: &str, note: &str, focused: bool, look: &Look) -> Block<'a> {
    let t = &look.theme;
    let mark = if focused { "▸" } else { " " };
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { t.accent } else { t.border })
        .title(Line::from(vec![
            Span::styled(format!("{mark}{title} "), t.title),
            Span::styled(format!(" {note} "), t.muted),
        ]))
}

fn empty(frame: &mut Frame, area: Rect, block: Block<'_>, text: Vec<String>, look: &Look) {
    let mut lines = vec![Line::raw("")];
    lines.extend(text.into_iter().map(|l| Line::styled(l, look.theme.muted)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .centered()
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_log(frame: &mut Frame, at: &layout::Decisions, app: &App, look: &Look) {
    let t = &look.theme;
    let area = at.log;
    let d = &app.decisions;
    let focused = d.pane == Pane::Log;
    let count = match d.log.len() {
        0 => crate::t!("decisions.count_none").to_string(),
        n => crate::tn!("decisions.count", n),
    };
    // The selected client (chosen on another screen) has no decision: say so, in place
    // of the order.
    let holds = d.client_at(Pane::Log).is_some() && d.client_at(Pane::Log) == app.selected;
    let note = match app.selected.and_then(|id| app.clients.row(id)) {
        Some(r) if !holds && !d.log.is_empty() => {
            crate::t!(
                "decisions.none_about_note",
                count = count,
                name = r.client.fields.name
            )
        }
        _ if d.log.is_empty() => count,
        _ => crate::t!("decisions.newest_first", count = count),
    };
    let title = format!(" {}", crate::t!("screens.decisions"));
    let room = usize::from(area.width).saturating_sub(title.width() + 8);
    let block = block(&title, &truncate(&note, room), focused, look);
    if !d.loaded {
        return empty(
            frame,
            area,
            block,
            vec![crate::t!("decisions.reading").into()],
            look,
        );
    }
    if d.log.is_empty() {
        let text = vec![
            format!("{}.", no_decisions()),
            crate::t!("decisions.or_cli").into(),
        ];
        return empty(frame, area, block, text, look);
    }
    let inner = usize::from(area.width.saturating_sub(3));
    let date_w = d
        .log
        .iter()
        .map(|x| look.date(x.decided_on).width())
        .max()
        .unwrap_or(10)
        .max(4);
    let names: Vec<String> = d.log.iter().map(|x| name(app, x.client, &x.name)).collect();
    let outcome_w = d
        .log
        .iter()
        .map(|x| crate::words::say::outcome(x.chosen).width())
        .max()
        .unwrap_or(7)
        .max(7);
    let one_line = at.log_item == 1;
    let fixed = date_w + outcome_w + 2;
    let longest = names.iter().map(|n| n.width()).max().unwrap_or(6).max(6);
    // On one line the names take up to 24 columns and the why the rest; on two, the names
    // what the outcome leaves, and the why a line of its own under them.
    let (name_w, why_w) = if one_line {
        let name_w = longest.min(24);
        (name_w, inner.saturating_sub(fixed + 1 + name_w))
    } else {
        let name_w = longest.min(inner.saturating_sub(fixed)).max(6);
        (name_w, inner.saturating_sub(date_w + 1))
    };
    let (rows, widths, header): (Vec<Row>, Vec<usize>, Row) = if one_line {
        let rows = d
            .log
            .iter()
            .zip(&names)
            .map(|(x, n)| {
                Row::new(vec![
                    Line::styled(look.date(x.decided_on), t.muted),
                    Line::from(truncate(n, name_w)),
                    Line::styled(
                        crate::words::say::outcome(x.chosen),
                        outcome_style(x.chosen, t),
                    ),
                    Line::from(truncate(&why(app, x, &look.currency), why_w)),
                ])
            })
            .collect();
        let header = Row::new(vec![
            crate::t!("decisions.col.date"),
            crate::t!("decisions.col.client"),
            crate::t!("decisions.col.outcome"),
            crate::t!("decisions.col.why"),
        ]);
        (rows, vec![date_w, name_w, outcome_w, why_w], header)
    } else {
        // Two lines: the date, the client and the outcome; then the why under the client.
        let rows = d
            .log
            .iter()
            .zip(&names)
            .map(|(x, n)| {
                let first = Line::from(vec![
                    Span::styled(pad(&look.date(x.decided_on), date_w + 1), t.muted),
                    Span::raw(pad(&truncate(n, name_w), name_w + 1)),
                    Span::styled(
                        crate::words::say::outcome(x.chosen),
                        outcome_style(x.chosen, t),
                    ),
                ]);
                let second = Line::from(vec![
                    Span::raw(" ".repeat(date_w + 1)),
                    Span::raw(truncate(&why(app, x, &look.currency), why_w)),
                ]);
                Row::new(vec![Text::from(vec![first, second])]).height(2)
            })
            .collect();
        let header = Row::new(vec![Line::from(format!(
            "{}{}{}",
            pad(crate::t!("decisions.col.date"), date_w + 1),
            pad(crate::t!("decisions.col.client_why"), name_w + 1),
            crate::t!("decisions.col.outcome")
        ))]);
        (rows, vec![inner], header)
    };
    let widths = widths
        .into_iter()
        .map(|w| Constraint::Length(u16::try_from(w).unwrap_or(u16::MAX)));
    let table = Table::new(rows, widths)
        .header(header.style(t.header))
        .block(block)
        .column_spacing(1)
        .row_highlight_style(t.selected)
        .highlight_symbol("›")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default()
        .with_offset(d.log_cursor.offset)
        .with_selected(holds.then_some(d.log_cursor.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// Why the decision was made; for the one that started a client's offboarding checklist,
/// how far that is first ("offboarding 5/13 · ...").
fn why(app: &App, x: &Decision, currency: &str) -> String {
    let why = crate::words::say::decision_why(x, currency);
    match app.offboarding.progress_of_decision(x.client, x.id) {
        Some(p) => format!("{} · {why}", p.short()),
        None => why,
    }
}

/// "today", "in 6 days", "3 days overdue": when, from today.
fn when(u: &Upcoming, today: NaiveDate) -> String {
    match u.days_from(today) {
        None => crate::t!("decisions.when.no_date").into(),
        Some(0) => crate::t!("decisions.when.today").into(),
        Some(1) => crate::t!("decisions.when.tomorrow").into(),
        Some(n) if n < 0 => crate::tn!("decisions.when.overdue", -n),
        Some(n) => crate::tn!("decisions.when.in_days", n),
    }
}

fn draw_coming(frame: &mut Frame, at: &layout::Decisions, app: &App, look: &Look) {
    let t = &look.theme;
    let area = at.coming;
    let d = &app.decisions;
    let focused = d.pane == Pane::ComingUp;
    let note = crate::t!("decisions.coming_note", days = HORIZON_DAYS);
    let block = block(
        &format!(" {}", crate::t!("decisions.coming_up")),
        &note,
        focused,
        look,
    );
    if !d.loaded {
        return empty(frame, area, block, vec!["…".into()], look);
    }
    if d.coming.is_empty() {
        let text = vec![crate::t!("decisions.coming_none", days = HORIZON_DAYS)];
        return empty(frame, area, block, text, look);
    }
    let today = app.today;
    // Overdue in the error colour, this week's in the warning colour.
    let style = |u: &Upcoming| {
        if u.overdue(today) {
            t.error
        } else if u.days_from(today).is_some_and(|n| n <= 7) {
            t.warn
        } else {
            t.base
        }
    };
    let date = |u: &Upcoming| u.on.map_or_else(|| "-".to_string(), |on| look.date(on));
    let date_w = d.coming.iter().map(|u| date(u).width()).max().unwrap_or(10);
    let when_w = d
        .coming
        .iter()
        .map(|u| when(u, today).width())
        .max()
        .unwrap_or(8);
    let inner = usize::from(area.width.saturating_sub(3));
    let what = |u: &Upcoming, width: usize| {
        let label = crate::words::say::due(u.due);
        Line::from(vec![
            Span::raw(truncate(label, width)),
            Span::styled(
                truncate(
                    &format!(" · {}", crate::words::say::upcoming_detail(&u.detail)),
                    width.saturating_sub(label.width()),
                ),
                t.muted,
            ),
        ])
    };
    let (rows, widths, header): (Vec<Row>, Vec<usize>, Option<Row>) = if at.coming_item == 1 {
        // The names take what the longest label of what is due leaves (the detail after
        // the label is what gives way first).
        let longest = |w: &dyn Fn(&Upcoming) -> usize| d.coming.iter().map(w).max().unwrap_or(6);
        let label_w = longest(&|u| crate::words::say::due(u.due).width());
        let name_w = longest(&|u| u.name.width())
            .min(inner.saturating_sub(date_w + when_w + label_w + 3))
            .max(6);
        let what_w = inner.saturating_sub(date_w + when_w + name_w + 3).max(1);
        let rows = d
            .coming
            .iter()
            .map(|u| {
                Row::new(vec![
                    Line::styled(date(u), style(u)),
                    Line::styled(when(u, today), style(u)),
                    Line::from(truncate(&u.name, name_w)),
                    what(u, what_w),
                ])
            })
            .collect();
        let header = Row::new(vec![
            crate::t!("decisions.col.date"),
            crate::t!("decisions.col.when"),
            crate::t!("decisions.col.client"),
            crate::t!("decisions.col.what"),
        ])
        .style(t.header);
        (rows, vec![date_w, when_w, name_w, what_w], Some(header))
    } else {
        let name_w = inner.saturating_sub(date_w + when_w + 2).max(6);
        let rows = d
            .coming
            .iter()
            .map(|u| {
                let first = Line::from(vec![
                    Span::styled(pad(&date(u), date_w + 1), style(u)),
                    Span::styled(pad(&when(u, today), when_w + 1), style(u)),
                    Span::raw(truncate(&u.name, name_w)),
                ]);
                let mut second = what(u, inner.saturating_sub(2));
                second.spans.insert(0, Span::raw("  "));
                Row::new(vec![Text::from(vec![first, second])]).height(2)
            })
            .collect();
        (rows, vec![inner], None)
    };
    let widths = widths
        .into_iter()
        .map(|w| Constraint::Length(u16::try_from(w).unwrap_or(u16::MAX)));
    let mut table = Table::new(rows, widths)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(t.selected)
        .highlight_symbol("›")
        .highlight_spacing(HighlightSpacing::Always);
    if let Some(h) = header {
        table = table.header(h);
    }
    let holds =
        d.client_at(Pane::ComingUp).is_some() && d.client_at(Pane::ComingUp) == app.selected;
    let mut state = TableState::default()
        .with_offset(d.coming_cursor.offset)
        .with_selected(holds.then_some(d.coming_cursor.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The saved decision `d`, read-only, scrolled down `scroll` lines.
pub fn draw_record(
    frame: &mut Frame,
    area: Rect,
    d: &Decision,
    scroll: usize,
    app: &App,
    look: &Look,
) {
    let t = &look.theme;
    let rect = layout::decision_popup(area);
    frame.render_widget(Clear, rect);
    let title = format!(
        " {} ",
        crate::t!(
            "decisions.record_title",
            name = name(app, d.client, &d.name),
            date = iso(d.decided_on)
        )
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            truncate(&title, usize::from(rect.width.saturating_sub(4))),
            t.title,
        ));
    frame.render_widget(block, rect);
    let text = layout::decision_popup_text(area);
    let all = lines(d, t, &app.currency, usize::from(text.width));
    let height = usize::from(text.height);
    let first = scroll.min(all.len().saturating_sub(height));
    let shown: Vec<Line> = all.iter().skip(first).take(height).cloned().collect();
    frame.render_widget(Paragraph::new(shown), text);
    let keys = [
        ("j k", crate::t!("keys.footer.scroll")),
        ("PgUp PgDn", crate::t!("keys.footer.page")),
        ("Esc", crate::t!("keys.footer.close")),
    ];
    let last = (first + height).min(all.len());
    let position = crate::t!(
        "decisions.lines",
        first = first + 1,
        last = last,
        all = all.len()
    );
    let keys: Vec<(String, &str)> = keys.iter().map(|(k, w)| (k.to_string(), *w)).collect();
    let room = usize::from(text.width).saturating_sub(position.width());
    let mut spans = super::footer_spans(
        Vec::new(),
        &keys,
        u16::try_from(room).unwrap_or(u16::MAX),
        look,
    );
    let used: usize = spans.iter().map(Span::width).sum();
    let gap = usize::from(text.width).saturating_sub(used + position.width());
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(position, t.muted));
    let foot = Rect {
        y: text.y + text.height,
        height: 1,
        ..text
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), foot);
}
