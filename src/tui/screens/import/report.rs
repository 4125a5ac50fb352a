//! The report of a dry run (or, when done, of the import): the counts, the clients the
//! file names that rapport does not hold (and whether they are created), and every bad row
//! with its line, column, value and reason, scrolled; under it, what Enter does, or the
//! confirmation that names what will be written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Look, kind_label, map, report_areas, say};
use crate::store::ImportReport;
use crate::tui::app::import::{ImportView, Outcome, Step, file_name};
use crate::tui::text::{pad, pad_left, truncate, wrap};
use crate::tui::theme::Theme;

/// The report's list: a heading, then its lines, for each part there is.
fn list_lines<'a>(
    r: &ImportReport,
    notes: &[String],
    done: bool,
    width: usize,
    t: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if !r.unknown_clients.is_empty() {
        let n = r.unknown_clients.len();
        lines.push(Line::styled(
            truncate(&crate::tn!("import_view.report.unknown_head", n), width),
            t.header,
        ));
        let name_w = width.saturating_sub(16).min(48);
        for (name, rows) in &r.unknown_clients {
            let rows = crate::tn!("import_view.report.rows", *rows);
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(&truncate(name, name_w), name_w), t.warn),
                Span::styled(format!(" {}", pad_left(&rows, 12)), t.muted),
            ]));
        }
    }
    if !r.created_clients.is_empty() {
        let n = r.created_clients.len();
        let head = if done {
            crate::tn!("import_view.report.created_done_head", n)
        } else {
            crate::tn!("import_view.report.created_head", n)
        };
        lines.push(Line::styled(truncate(&head, width), t.header));
        for name in &r.created_clients {
            lines.push(Line::styled(truncate(&format!("  {name}"), width), t.ok));
        }
    }
    if !r.bad_rows.is_empty() {
        let n = r.bad_rows.len();
        lines.push(Line::styled(
            truncate(&crate::tn!("import_view.report.bad_head", n), width),
            t.header,
        ));
        for e in &r.bad_rows {
            let at = crate::t!("import_view.report.line", line = e.line);
            let text = say::row_error_short(e);
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", pad(&at, 10)), t.muted),
                Span::styled(truncate(&text, width.saturating_sub(13)), t.error),
            ]));
        }
    }
    if !notes.is_empty() {
        lines.push(Line::styled(
            truncate(crate::t!("import_view.report.notes_head"), width),
            t.header,
        ));
        for note in notes {
            for part in wrap(note, width.saturating_sub(2)) {
                lines.push(Line::styled(format!("  {part}"), t.muted));
            }
        }
    }
    lines
}

/// How many lines the report's list has at this size (for scrolling).
pub fn list_len(viewport: Rect, v: &ImportView) -> usize {
    let Some(o) = &v.outcome else {
        return 0;
    };
    let width = usize::from(report_areas(viewport).list.width);
    let notes = v
        .map
        .as_ref()
        .map(|m| map::notes(&m.mapping))
        .unwrap_or_default();
    let theme = Theme::new(crate::config::Theme::Dark, true);
    list_lines(&o.report, &notes, v.step == Step::Done, width, &theme).len()
}

pub fn draw(frame: &mut Frame, area: Rect, v: &ImportView, db: &str, look: &Look) {
    let Some(Outcome {
        report: r,
        options,
        scroll,
    }) = &v.outcome
    else {
        return;
    };
    let t = &look.theme;
    let a = report_areas(area);
    let width = usize::from(a.list.width);
    let file = v
        .map
        .as_ref()
        .map_or_else(String::new, |m| file_name(&m.file.path));
    let kind = kind_label(v.kind);
    let (title, style) = match (v.step, r.written) {
        (Step::Done, true) => (
            crate::t!("import_view.report.imported", file = file, kind = kind),
            t.ok,
        ),
        (Step::Done, false) => (
            crate::t!("import_view.report.not_written", file = file),
            t.error,
        ),
        _ => (
            crate::t!("import_view.report.dry_run", file = file, kind = kind),
            t.title,
        ),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&title, width), style)),
        a.title,
    );

    let skipped: u64 = r.unknown_clients.iter().map(|(_, n)| n).sum();
    let count = |label: &'static str, n: u64| {
        vec![
            Span::styled(format!("{label} "), t.muted),
            Span::styled(format!("{n}   "), t.focus),
        ]
    };
    let mut spans = count(crate::t!("import_view.report.rows_label"), r.rows);
    spans.extend(count(crate::t!("import_view.report.added"), r.added));
    spans.extend(count(crate::t!("import_view.report.updated"), r.updated));
    spans.extend(count(
        crate::t!("import_view.report.unchanged"),
        r.unchanged,
    ));
    spans.extend(count(crate::t!("import_view.report.skipped"), skipped));
    frame.render_widget(Paragraph::new(Line::from(spans)), a.counts);

    let create = if options.create_clients {
        crate::t!("import_view.yes")
    } else {
        crate::t!("import_view.no")
    };
    let clients = if v.step == Step::Done {
        Line::default()
    } else {
        Line::from(vec![
            Span::styled(
                format!("{} ", crate::t!("import_view.report.create_label")),
                t.muted,
            ),
            Span::styled(create, t.focus),
            Span::styled(" (c)", t.key),
        ])
    };
    frame.render_widget(Paragraph::new(clients), a.clients);

    let notes = v
        .map
        .as_ref()
        .map(|m| map::notes(&m.mapping))
        .unwrap_or_default();
    let lines = list_lines(r, &notes, v.step == Step::Done, width, t);
    let rows = usize::from(a.list.height);
    let shown: Vec<Line> = if lines.is_empty() {
        vec![Line::styled(
            truncate(crate::t!("import_view.report.all_clear"), width),
            t.ok,
        )]
    } else {
        lines.into_iter().skip(*scroll).take(rows).collect()
    };
    frame.render_widget(Paragraph::new(shown), a.list);

    let bottom_w = usize::from(a.bottom.width);
    let bottom = if v.confirm {
        let db = file_name(std::path::Path::new(db));
        let text = if r.created_clients.is_empty() {
            crate::t!(
                "import_view.confirm",
                added = r.added,
                updated = r.updated,
                kind = kind,
                db = db
            )
        } else {
            crate::tn!(
                "import_view.confirm_create",
                r.created_clients.len(),
                added = r.added,
                updated = r.updated,
                kind = kind,
                db = db
            )
        };
        Line::styled(truncate(&text, bottom_w), t.warn)
    } else if v.step == Step::Done {
        Line::styled(
            truncate(crate::t!("import_view.report.done_hint"), bottom_w),
            t.muted,
        )
    } else if !r.bad_rows.is_empty() {
        Line::styled(
            truncate(
                &crate::tn!("import_view.report.bad_hint", r.bad_rows.len()),
                bottom_w,
            ),
            t.error,
        )
    } else {
        Line::styled(
            truncate(crate::t!("import_view.report.ready_hint"), bottom_w),
            t.muted,
        )
    };
    frame.render_widget(Paragraph::new(bottom), a.bottom);
}
