//! The clients screen: the table of clients and the selected client's detail pane.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::Look;
use crate::domain::{Client, ClientStatus, EventKind, TimelineEvent};
use crate::tui::app::{App, SortKey};
use crate::tui::layout;
use crate::tui::text::truncate;

const HEADERS: [(&str, SortKey); 7] = [
    ("Name", SortKey::Name),
    ("Status", SortKey::Status),
    ("MRR", SortKey::Mrr),
    ("Seats", SortKey::Seats),
    ("Ends", SortKey::ContractEnd),
    ("Tkt 90d", SortKey::Tickets),
    ("Last seen", SortKey::LastActivity),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let (table_area, detail_area) = layout::clients(area);
    draw_table(frame, table_area, app, look);
    draw_detail(frame, detail_area, app, look);
}

fn draw_table(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let arrow = if app.sort_desc { "▼" } else { "▲" };
    let header = Row::new(HEADERS.iter().map(|(h, k)| {
        let text = if *k == app.sort {
            format!("{h}{arrow}")
        } else {
            (*h).to_string()
        };
        Cell::from(text)
    }))
    .style(t.header);

    let date_w = 10u16;
    let widths = [
        Constraint::Min(12),
        Constraint::Length(8),
        Constraint::Length(9),
        Constraint::Length(5),
        Constraint::Length(date_w),
        Constraint::Length(7),
        Constraint::Length(date_w),
    ];
    // Everything but the name: the other columns, 6 gaps, the highlight symbol, 2 borders.
    let fixed: u16 = 8 + 9 + 5 + date_w + 7 + date_w + 6 + 1 + 2;
    let name_w = usize::from(area.width.saturating_sub(fixed)).max(8);
    let date = |d: Option<NaiveDate>| {
        d.map_or_else(
            || "-".to_string(),
            |d| truncate(&look.date(d), date_w.into()),
        )
    };
    let rows = app.view.iter().map(|&i| {
        let r = &app.rows[i];
        let f = &r.client.fields;
        let status_style = match f.status {
            ClientStatus::Active => t.base,
            ClientStatus::Prospect => t.accent,
            ClientStatus::Former => t.muted,
        };
        Row::new(vec![
            Cell::from(truncate(&f.name, name_w)),
            Cell::from(Span::styled(f.status.as_str(), status_style)),
            Cell::from(Line::from(f.mrr.display_whole(&look.currency)).right_aligned()),
            Cell::from(Line::from(f.seats.to_string()).right_aligned()),
            Cell::from(date(f.contract_end)),
            Cell::from(Line::from(r.tickets_90d.to_string()).right_aligned()),
            Cell::from(date(r.last_activity)),
        ])
    });

    let mut title = vec![Span::styled(
        format!(" Clients {}/{} ", app.view.len(), app.rows.len()),
        t.title,
    )];
    if app.filtering || !app.filter.is_empty() {
        let cursor = if app.filtering { "▏" } else { "" };
        title.push(Span::styled(
            format!(" / {}{cursor} ", app.filter),
            t.accent,
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Line::from(title));

    if app.view.is_empty() {
        let msg = if app.rows.is_empty() {
            "No clients yet. Press a to add your first client."
        } else {
            "No client matches the filter. Esc clears it."
        };
        frame.render_widget(
            Paragraph::new(vec![Line::raw(""), Line::styled(msg, t.muted)])
                .block(block)
                .centered(),
            area,
        );
        return;
    }

    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(t.selected)
        .highlight_symbol("›");
    let mut state = TableState::default()
        .with_offset(app.offset)
        .with_selected(Some(app.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let Some(row) = app.selected_row() else {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border);
        frame.render_widget(block, area);
        return;
    };
    let c = &row.client;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(format!(" {} ", c.fields.name), t.title));
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = facts(c, app.today, look);
    lines.push(Line::styled("Latest events", t.header));
    match &app.detail {
        Some((id, events)) if *id == c.id => {
            if events.is_empty() {
                lines.push(Line::styled("nothing logged yet: press l to log", t.muted));
            }
            for e in events {
                lines.push(event_line(e, look, width));
            }
        }
        _ => lines.push(Line::styled("…", t.muted)),
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The contract facts, as short labelled lines.
fn facts<'a>(c: &Client, today: NaiveDate, look: &Look) -> Vec<Line<'a>> {
    let t = &look.theme;
    let f = &c.fields;
    let label = |s: &'static str| Span::styled(format!("{s:<9}"), t.muted);
    let mut lines = Vec::new();
    let contact: Vec<&str> = [
        f.contact_name.as_deref(),
        f.email.as_deref(),
        f.phone.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !contact.is_empty() {
        lines.push(Line::from(vec![
            label("Contact"),
            Span::raw(contact.join(" · ")),
        ]));
    }
    let mut money = format!(
        "{} MRR · {} seats · terms {} days",
        f.mrr.display(&look.currency),
        f.seats,
        f.payment_terms_days
    );
    if f.prepaid {
        money.push_str(" · prepaid");
    }
    lines.push(Line::from(vec![label("Money"), Span::raw(money)]));
    let contract = match (f.contract_start, f.contract_end) {
        (None, None) => "no dates recorded".to_string(),
        (s, e) => {
            let e_text = e.map_or_else(|| "open-ended".into(), |d| look.date(d));
            let s = s.map_or_else(|| "until".into(), |d| format!("{} →", look.date(d)));
            let left = e
                .map(|d| (d - today).num_days())
                .map_or(String::new(), |n| {
                    if n >= 0 {
                        format!(" (ends in {n} days)")
                    } else {
                        format!(" (ended {} days ago)", -n)
                    }
                });
            format!("{s} {e_text}{left}")
        }
    };
    let notice = f
        .notice_days
        .map_or(String::new(), |n| format!(" · notice {n} days"));
    let mut contract_spans = vec![label("Contract"), Span::raw(format!("{contract}{notice}"))];
    if let (Some(end), Some(n)) = (f.contract_end, f.notice_days) {
        let last_notice = end - chrono::Days::new(u64::from(n));
        if (last_notice - today).num_days() >= 0 && (last_notice - today).num_days() <= 30 {
            contract_spans.push(Span::styled(
                format!(" · give notice by {}", look.date(last_notice)),
                t.warn,
            ));
        }
    }
    lines.push(Line::from(contract_spans));
    let mut status = format!("{}", f.status);
    if let Some(s) = &f.segment {
        status.push_str(&format!(" · segment {s}"));
    }
    lines.push(Line::from(vec![label("Status"), Span::raw(status)]));
    if let Some(n) = &f.notes {
        lines.push(Line::from(vec![
            label("Notes"),
            Span::raw(n.replace('\n', " ")),
        ]));
    }
    lines
}

fn event_line<'a>(e: &TimelineEvent, look: &Look, width: usize) -> Line<'a> {
    let t = &look.theme;
    let (what, text, style) = match &e.what {
        EventKind::TicketOpened {
            kind,
            escalated,
            reopens,
        } => {
            let mut s = kind.to_string();
            if *reopens > 0 {
                s.push_str(&format!(", reopened {reopens}x"));
            }
            if *escalated {
                s.push_str(", escalated");
            }
            let style = if *escalated { t.warn } else { t.base };
            ("ticket", s, style)
        }
        EventKind::InvoiceIssued {
            number,
            amount,
            disputed,
        } => {
            let mut s = format!("{number} {}", amount.display(&look.currency));
            if *disputed {
                s.push_str(", disputed");
            }
            ("invoice", s, if *disputed { t.warn } else { t.base })
        }
        EventKind::InvoicePaid {
            number,
            amount,
            days_late,
        } => {
            let late = if *days_late > 0 {
                format!(", {days_late} days late")
            } else {
                String::new()
            };
            let style = if *days_late > 0 { t.warn } else { t.ok };
            (
                "paid",
                format!("{number} {}{late}", amount.display(&look.currency)),
                style,
            )
        }
        EventKind::Time { minutes, note } => {
            let mut s = format!("{}h{:02}", minutes / 60, minutes % 60);
            if let Some(n) = note {
                s.push_str(&format!(" {n}"));
            }
            ("time", s, t.base)
        }
        EventKind::RecommendationMade { title, security } => {
            let s = if *security {
                format!("{title} (security)")
            } else {
                title.clone()
            };
            ("advised", s, t.base)
        }
        EventKind::RecommendationDecided { title, status } => {
            let style = if status.as_str() == "ignored" {
                t.warn
            } else {
                t.ok
            };
            ("advice", format!("{status}: {title}"), style)
        }
        EventKind::Incident { kind, note } => {
            let mut s = kind.as_str().replace('_', " ");
            if let Some(n) = note {
                s.push_str(&format!(": {n}"));
            }
            ("INCIDENT", s, t.error)
        }
    };
    let date = look.date(e.date);
    let rest = width.saturating_sub(date.chars().count() + 10);
    Line::from(vec![
        Span::styled(date, t.muted),
        Span::raw(" "),
        Span::styled(format!("{what:<8} "), style),
        Span::raw(truncate(&text, rest)),
    ])
}
