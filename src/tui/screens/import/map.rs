//! The mapping step: the file (encoding, delimiter, size, rows read), the preset and the
//! date format, whether the mapping can run (and if not, why, plainly); the file's columns
//! with the field each feeds and its first value; and the first rows as they will be read:
//! each row's values as rapport will hold them, or each bad cell with its reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Look, input_line, kind_line, map_areas, say, size};
use crate::domain::TicketKind;
use crate::domain::import::{
    DateFormat, ImportKind, ImportRecord, Mapping, MappingError, MappingNote,
};
use crate::import::Encoding;
use crate::tui::app::import::mapping::MapState;
use crate::tui::app::import::mapping::PREVIEW_ROWS;
use crate::tui::app::import::{ImportView, Input, file_name};
use crate::tui::text::{pad, pad_left, truncate};
use crate::tui::widgets::form::{centred, clear};

/// The widest a column of the preview grows (the last takes what is left).
const CELL_MAX: usize = 22;

pub fn encoding(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => crate::t!("import_view.encoding.utf8"),
        Encoding::Utf8Bom => crate::t!("import_view.encoding.utf8_bom"),
        Encoding::Windows1252 => crate::t!("import_view.encoding.windows1252"),
    }
}

pub fn delimiter(d: u8) -> String {
    match d {
        b',' => crate::t!("import_view.delimiter.comma").into(),
        b';' => crate::t!("import_view.delimiter.semicolon").into(),
        b'\t' => crate::t!("import_view.delimiter.tab").into(),
        b'|' => crate::t!("import_view.delimiter.pipe").into(),
        other => format!("'{}'", char::from(other)),
    }
}

pub fn date_format(f: Option<DateFormat>) -> &'static str {
    match f {
        None => crate::t!("import_view.date_auto"),
        Some(f) => f.name(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, v: &ImportView, look: &Look) {
    let Some(m) = &v.map else {
        return;
    };
    let t = &look.theme;
    let a = map_areas(area, m.columns.len(), m.rows.len());
    frame.render_widget(Paragraph::new(kind_line(v, look)), a.kind);

    let rows = if m.rows.len() < PREVIEW_ROWS {
        crate::tn!("import_view.rows_all", m.rows.len())
    } else {
        crate::tn!("import_view.rows_first", m.rows.len())
    };
    let file = crate::t!(
        "import_view.file_line",
        file = file_name(&m.file.path),
        encoding = encoding(m.file.encoding),
        delimiter = delimiter(m.file.delimiter),
        size = size(m.file.size),
        rows = rows
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&file, usize::from(a.file.width)),
            t.base,
        )),
        a.file,
    );

    let choice = |name: &'static str, value: String, key: &'static str| {
        vec![
            Span::styled(format!("{name} "), t.muted),
            Span::styled(value, t.focus),
            Span::styled(format!(" ({key})   "), t.key),
        ]
    };
    let preset = m.preset().map_or_else(String::new, |p| p.name.clone());
    let mut spans = choice(crate::t!("import_view.label.preset"), preset, "p");
    spans.extend(choice(
        crate::t!("import_view.label.dates"),
        date_format(m.date_format).to_string(),
        "d",
    ));
    if m.changed {
        spans.push(Span::styled(crate::t!("import_view.changed"), t.warn));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), a.preset);

    let status = match &v.input {
        Some(Input::PresetName(typed)) => input_line(
            crate::t!("import_view.label.preset_name"),
            typed,
            a.input,
            look,
        ),
        _ => status_line(m, usize::from(a.status.width), look),
    };
    frame.render_widget(Paragraph::new(status), a.status);

    let line = notes(&m.mapping).join(" · ");
    if m.problem.is_none() && !line.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&line, usize::from(a.values.width)),
                t.muted,
            )),
            a.values,
        );
    }
    draw_columns(frame, a.columns, m, look);
    draw_preview(frame, a.preview, v.kind, m, look);
    if let Some(at) = m.menu {
        draw_menu(frame, area, v.kind, m, at, look);
    }
}

/// What the mapping assumes where the file says less than rapport keeps (the dates aside:
/// the line above shows them, with their key), worded as `rapport import` words them.
pub fn notes(m: &Mapping) -> Vec<String> {
    m.notes()
        .iter()
        .filter(|n| !matches!(n, MappingNote::Dates(_)))
        .map(crate::words::say::import::mapping_note)
        .collect()
}

/// The menu of fields for the selected column: "not read" and the kind's fields, each
/// with the column that feeds it already, if another does.
fn draw_menu(
    frame: &mut Frame,
    area: Rect,
    kind: ImportKind,
    m: &MapState,
    at: usize,
    look: &Look,
) {
    let t = &look.theme;
    let choices = MapState::choices(kind);
    let header = m
        .file
        .headers
        .get(m.cursor.selected)
        .cloned()
        .unwrap_or_default();
    let title = crate::t!("import_view.menu_title", column = header);
    let body = crate::tui::layout::frame(area).body;
    let h = u16::try_from(choices.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let w = 50.min(body.width.saturating_sub(4));
    let rect = centred(body, w, h);
    clear(frame, rect);
    let room = usize::from(w.saturating_sub(2));
    let rows = usize::from(h.saturating_sub(2));
    let first = at.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, c)| {
            let name = match c {
                Some(f) => f.name().to_string(),
                None => crate::t!("import_view.not_read").to_string(),
            };
            let fed = c
                .and_then(|f| m.fed_by(f))
                .map(|col| crate::t!("import_view.fed_by", column = col))
                .unwrap_or_default();
            let marker = if i == at { "› " } else { "  " };
            let style = if i == at { t.selected } else { t.base };
            let name_w = 20.min(room.saturating_sub(2));
            Line::from(vec![
                Span::styled(marker, t.accent),
                Span::styled(pad(&name, name_w), style),
                Span::styled(truncate(&fed, room.saturating_sub(2 + name_w)), t.muted),
            ])
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(truncate(&format!(" {title} "), room), t.title));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// Ready to run, or why not.
fn status_line<'a>(m: &MapState, width: usize, look: &Look) -> Line<'a> {
    let t = &look.theme;
    let (ok, bad) = m.counts();
    match &m.problem {
        None => {
            let text = if bad == 0 {
                crate::t!("import_view.ready", n = ok)
            } else {
                crate::t!("import_view.ready_bad", n = ok + bad, bad = bad)
            };
            Line::styled(truncate(&format!("✓ {text}"), width), t.ok)
        }
        Some(e) => Line::styled(
            truncate(&format!("✗ {}", say::mapping_error(e)), width),
            t.error,
        ),
    }
}

fn draw_columns(frame: &mut Frame, area: Rect, m: &MapState, look: &Look) {
    let t = &look.theme;
    let width = usize::from(area.width);
    let rows = usize::from(area.height).saturating_sub(1);
    // Where the list is scrolled, which column of how many is selected.
    let column_head = if m.columns.len() > rows {
        format!(
            "{} {}/{}",
            crate::t!("import_view.head.column"),
            m.cursor.selected + 1,
            m.columns.len()
        )
    } else {
        crate::t!("import_view.head.column").to_string()
    };
    let head_w = m
        .file
        .headers
        .iter()
        .map(|h| h.width())
        .max()
        .unwrap_or(0)
        .clamp(8, 24)
        .max(column_head.width())
        .min(width / 2);
    let field_w = 16;
    let sample_w = width.saturating_sub(2 + head_w + 1 + field_w + 1);
    let twice: Vec<&str> = match &m.problem {
        Some(MappingError::Twice { columns, .. }) => columns.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "  {} {} {}",
                pad(&column_head, head_w),
                pad(crate::t!("import_view.head.field"), field_w),
                crate::t!("import_view.head.sample")
            ),
            width,
        ),
        t.header,
    )];
    for (i, (header, field)) in m
        .file
        .headers
        .iter()
        .zip(&m.columns)
        .enumerate()
        .skip(m.cursor.offset)
        .take(rows)
    {
        let selected = i == m.cursor.selected;
        let marker = if selected { "› " } else { "  " };
        let head_style = if selected { t.selected } else { t.base };
        let (field_text, field_style) = match field {
            Some(f) if twice.contains(&header.as_str()) => (format!("→ {}", f.name()), t.error),
            Some(f) => (format!("→ {}", f.name()), t.focus),
            None => (crate::t!("import_view.not_read").to_string(), t.muted),
        };
        let header = if header.trim().is_empty() {
            crate::t!("import_view.no_header").to_string()
        } else {
            header.clone()
        };
        lines.push(Line::from(vec![
            Span::styled(marker, t.accent),
            Span::styled(pad(&truncate(&header, head_w), head_w), head_style),
            Span::raw(" "),
            Span::styled(pad(&truncate(&field_text, field_w), field_w), field_style),
            Span::raw(" "),
            Span::styled(truncate(m.sample(i).unwrap_or(""), sample_w), t.muted),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// What each kind of record shows in the preview: the headings.
fn heads(kind: ImportKind) -> Vec<&'static str> {
    match kind {
        ImportKind::Clients => vec![
            crate::t!("import_view.col.name"),
            crate::t!("import_view.col.mrr"),
            crate::t!("import_view.col.seats"),
            crate::t!("import_view.col.contract_end"),
            crate::t!("import_view.col.status"),
            crate::t!("import_view.col.contact"),
            crate::t!("import_view.col.email"),
        ],
        ImportKind::Tickets => vec![
            crate::t!("import_view.col.client"),
            crate::t!("import_view.col.opened"),
            crate::t!("import_view.col.closed"),
            crate::t!("import_view.col.kind"),
            crate::t!("import_view.col.escalated"),
            crate::t!("import_view.col.reopens"),
            crate::t!("import_view.col.ref"),
            crate::t!("import_view.col.subject"),
        ],
        ImportKind::Invoices => vec![
            crate::t!("import_view.col.client"),
            crate::t!("import_view.col.number"),
            crate::t!("import_view.col.issued"),
            crate::t!("import_view.col.due"),
            crate::t!("import_view.col.paid"),
            crate::t!("import_view.col.amount"),
            crate::t!("import_view.col.disputed"),
            crate::t!("import_view.col.ref"),
        ],
        ImportKind::Time => vec![
            crate::t!("import_view.col.client"),
            crate::t!("import_view.col.date"),
            crate::t!("import_view.col.time"),
            crate::t!("import_view.col.ref"),
            crate::t!("import_view.col.note"),
        ],
        ImportKind::Recommendations => vec![
            crate::t!("import_view.col.client"),
            crate::t!("import_view.col.made"),
            crate::t!("import_view.col.title"),
            crate::t!("import_view.col.security"),
            crate::t!("import_view.col.status"),
            crate::t!("import_view.col.decided"),
            crate::t!("import_view.col.ref"),
        ],
    }
}

/// A ticket's kind in the language in force.
fn ticket_kind(k: TicketKind) -> &'static str {
    match k {
        TicketKind::Incident => crate::t!("history.ticket.incident"),
        TicketKind::Request => crate::t!("history.ticket.request"),
        TicketKind::Admin => crate::t!("history.ticket.admin"),
    }
}

/// A record's values as the preview shows them, in the order of [`heads`].
fn cells(r: &ImportRecord, look: &Look) -> Vec<String> {
    let date = |d: chrono::NaiveDate| look.date(d);
    let opt_date = |d: Option<chrono::NaiveDate>| d.map(date).unwrap_or_default();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let yes = |b: bool| {
        if b {
            crate::t!("import_view.yes").to_string()
        } else {
            String::new()
        }
    };
    match r {
        ImportRecord::Client(f) => vec![
            f.name.clone(),
            f.mrr.display(&look.currency),
            f.seats.to_string(),
            opt_date(f.contract_end),
            crate::tui::text::status(f.status).to_string(),
            opt(&f.contact_name),
            opt(&f.email),
        ],
        ImportRecord::Ticket { client, ticket } => vec![
            client.clone(),
            date(ticket.opened_on),
            opt_date(ticket.closed_on),
            ticket_kind(ticket.kind).to_string(),
            yes(ticket.escalated),
            if ticket.reopen_count == 0 {
                String::new()
            } else {
                ticket.reopen_count.to_string()
            },
            opt(&ticket.external_ref),
            opt(&ticket.subject),
        ],
        ImportRecord::Invoice { client, invoice } => vec![
            client.clone(),
            opt(&invoice.number),
            date(invoice.issued_on),
            date(invoice.due_on),
            opt_date(invoice.paid_on),
            invoice.amount.display(&look.currency),
            yes(invoice.disputed),
            opt(&invoice.external_ref),
        ],
        ImportRecord::Time { client, entry } => vec![
            client.clone(),
            date(entry.worked_on),
            format!("{}:{:02}", entry.minutes / 60, entry.minutes % 60),
            opt(&entry.external_ref),
            opt(&entry.note),
        ],
        ImportRecord::Recommendation {
            client,
            recommendation: r,
        } => vec![
            client.clone(),
            date(r.made_on),
            r.title.clone(),
            yes(r.security),
            r.status.as_str().to_string(),
            opt_date(r.decided_on),
            opt(&r.external_ref),
        ],
    }
}

fn draw_preview(frame: &mut Frame, area: Rect, kind: ImportKind, m: &MapState, look: &Look) {
    let t = &look.theme;
    let width = usize::from(area.width);
    let rows = usize::from(area.height).saturating_sub(1);
    // While the mapping cannot run, the rows as the file holds them (what each would read
    // as says only what the mapping lacks); once it can, as rapport will hold them.
    let raw = m.problem.is_some();
    let heads: Vec<String> = if raw {
        m.file.headers.clone()
    } else {
        heads(kind).into_iter().map(str::to_string).collect()
    };
    let shown: Vec<(u64, Result<Vec<String>, String>)> = if raw {
        m.rows
            .iter()
            .skip(m.scroll)
            .take(rows)
            .map(|r| (r.line, Ok(r.cells.clone())))
            .collect()
    } else {
        m.preview
            .iter()
            .skip(m.scroll)
            .take(rows)
            .map(|(line, r)| {
                let r = match r {
                    Ok(record) => Ok(cells(record, look)),
                    Err(errors) => Err(errors
                        .iter()
                        .map(say::row_error_short)
                        .collect::<Vec<_>>()
                        .join("; ")),
                };
                (*line, r)
            })
            .collect()
    };
    let line_w = m
        .rows
        .last()
        .map_or(4, |r| r.line.to_string().len())
        .max(crate::t!("import_view.head.line").width());
    // Each column as wide as its heading or its widest value, up to a limit; the last
    // takes what is left.
    let mut widths: Vec<usize> = heads.iter().map(|h| h.width().min(CELL_MAX)).collect();
    for (_, row) in &shown {
        if let Ok(row) = row {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width().min(CELL_MAX));
            }
        }
    }
    let line_of = |first: String, cells: &[String], style| {
        let mut spans = vec![Span::styled(first, t.muted)];
        let mut used = line_w;
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let room = width.saturating_sub(used + 1);
            if room == 0 {
                break;
            }
            let w = if i + 1 == cells.len() {
                room
            } else {
                (*w).min(room)
            };
            // A cell's line breaks would break the table: shown as spaces.
            let cell = cell.replace("\r\n", " ").replace(['\r', '\n'], " ");
            spans.push(Span::raw(" "));
            spans.push(Span::styled(pad(&truncate(&cell, w), w), style));
            used += w + 1;
        }
        Line::from(spans)
    };
    let mut lines = vec![line_of(
        pad_left(crate::t!("import_view.head.line"), line_w),
        &heads,
        t.header,
    )];
    if m.rows.is_empty() {
        lines.push(Line::styled(
            truncate(crate::t!("import_view.no_rows"), width),
            t.muted,
        ));
    }
    for (line, row) in &shown {
        let number = pad_left(&line.to_string(), line_w);
        match row {
            Ok(vals) if raw => lines.push(line_of(number, vals, t.muted)),
            Ok(vals) => lines.push(line_of(number, vals, t.base)),
            Err(text) => {
                let room = width.saturating_sub(line_w + 3);
                lines.push(Line::from(vec![
                    Span::styled(number, t.muted),
                    Span::styled(" ✗ ", t.error),
                    Span::styled(truncate(text, room), t.error),
                ]));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
