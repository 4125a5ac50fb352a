//! The Import view over the whole body, one step at a time: the kind and the file (a
//! folder listing); the mapping with the first rows as they will be read; the dry run's
//! report; the progress bar while the import runs; its summary. Where each part goes is
//! decided here, and the app asks it how many rows a list shows (for paging). Its help is a
//! popup of its own, read from the step's key table.

mod map;
pub mod report;
pub mod say;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::domain::import::ImportKind;
use crate::domain::lang::Lang;
use crate::tui::app::import::{ImportView, Input, Step, file_name};
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::text::{pad, pad_left, truncate};

/// From this width on, the mapping's columns and the preview sit side by side (the
/// preview's table wants the width more than the height).
pub const WIDE: u16 = 160;
/// The columns list's width beside the preview.
const COLUMNS_W: u16 = 50;

/// The border and the room inside it (a column of margin on either side).
fn frame_areas(viewport: Rect) -> (Rect, Rect) {
    let block = layout::frame(viewport).body;
    let inner = Rect {
        x: block.x + 2,
        y: block.y + 1,
        width: block.width.saturating_sub(4),
        height: block.height.saturating_sub(2),
    };
    (block, inner)
}

/// The file picker's parts: the kind, the folder, the listing, the line under it.
pub struct ChooseAreas {
    pub kind: Rect,
    pub folder: Rect,
    pub list: Rect,
    pub bottom: Rect,
}

pub fn choose_areas(viewport: Rect) -> ChooseAreas {
    let (_, inner) = frame_areas(viewport);
    let [kind, folder, _, list, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    ChooseAreas {
        kind,
        folder,
        list,
        bottom,
    }
}

/// The mapping step's parts.
pub struct MapAreas {
    pub kind: Rect,
    pub file: Rect,
    pub preset: Rect,
    pub status: Rect,
    /// The columns list, its heading on the first line.
    pub columns: Rect,
    /// The preview, its heading on the first line.
    pub preview: Rect,
    /// The line a preset's name is typed on (over the status line).
    pub input: Rect,
    /// What a ticket's type and status values mean (tickets only; blank otherwise).
    pub values: Rect,
}

/// The parts of the mapping step for a file of `columns` columns and `rows` preview rows:
/// side by side where the terminal is wide; else the columns above the preview, each given
/// what it needs where both fit, and the columns at most two fifths where they do not.
pub fn map_areas(viewport: Rect, columns: usize, rows: usize) -> MapAreas {
    let (_, inner) = frame_areas(viewport);
    let [kind, file, preset, status, values, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(2),
    ])
    .areas(inner);
    let (cols, preview) = if viewport.width >= WIDE {
        let [cols, _, preview] = Layout::horizontal([
            Constraint::Length(COLUMNS_W),
            Constraint::Length(2),
            Constraint::Min(10),
        ])
        .areas(rest);
        (cols, preview)
    } else {
        let want = u16::try_from(columns + 1).unwrap_or(u16::MAX);
        let preview_wants = u16::try_from(rows + 1).unwrap_or(u16::MAX);
        let room = rest.height.saturating_sub(1 + preview_wants);
        let h = want.min((rest.height * 2 / 5).max(room).max(3));
        let [cols, _, preview] = Layout::vertical([
            Constraint::Length(h),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(rest);
        (cols, preview)
    };
    MapAreas {
        kind,
        file,
        preset,
        status,
        columns: cols,
        preview,
        input: status,
        values,
    }
}

/// The report's parts: what ran, the counts, the clients line, the list, the line under.
pub struct ReportAreas {
    pub title: Rect,
    pub counts: Rect,
    pub clients: Rect,
    pub list: Rect,
    pub bottom: Rect,
}

pub fn report_areas(viewport: Rect) -> ReportAreas {
    let (_, inner) = frame_areas(viewport);
    let [title, counts, clients, _, list, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    ReportAreas {
        title,
        counts,
        clients,
        list,
        bottom,
    }
}

/// How many rows the step's list shows at once (the listing, the columns, the report).
pub fn page(viewport: Rect, v: &ImportView) -> usize {
    let rows = match v.step {
        Step::Choose => choose_areas(viewport).list.height,
        Step::Map => {
            let (n, r) = v
                .map
                .as_ref()
                .map_or((0, 0), |m| (m.columns.len(), m.rows.len()));
            map_areas(viewport, n, r).columns.height.saturating_sub(1)
        }
        Step::Report | Step::Done | Step::Running => report_areas(viewport).list.height,
    };
    usize::from(rows).max(1)
}

/// How many preview rows show at once.
pub fn preview_page(viewport: Rect, v: &ImportView) -> usize {
    let (n, r) = v
        .map
        .as_ref()
        .map_or((0, 0), |m| (m.columns.len(), m.rows.len()));
    usize::from(map_areas(viewport, n, r).preview.height.saturating_sub(1)).max(1)
}

/// The kind's name in the language in force.
pub fn kind_label(k: ImportKind) -> &'static str {
    match k {
        ImportKind::Clients => crate::t!("import_view.kind.clients"),
        ImportKind::Tickets => crate::t!("import_view.kind.tickets"),
        ImportKind::Invoices => crate::t!("import_view.kind.invoices"),
        ImportKind::Time => crate::t!("import_view.kind.time"),
        ImportKind::Recommendations => crate::t!("import_view.kind.recommendations"),
    }
}

/// A file's size: bytes, kB or MB, with the language's decimal mark.
pub fn size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    let text = match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1_000.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    };
    match crate::words::language() {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The kinds in a row, the chosen one marked, and the key that changes it.
fn kind_line<'a>(v: &ImportView, look: &Look) -> Line<'a> {
    let t = &look.theme;
    let mut spans = vec![Span::styled(
        format!("{} ", crate::t!("import_view.label.kind")),
        t.muted,
    )];
    for k in ImportKind::ALL {
        let style = if k == v.kind { t.focus } else { t.muted };
        spans.push(Span::styled(format!(" {} ", kind_label(k)), style));
    }
    spans.push(Span::styled("  (Tab)", t.key));
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, area: Rect, v: &ImportView, db: &str, look: &Look) {
    let t = &look.theme;
    let (block_area, _) = frame_areas(area);
    frame.render_widget(Clear, block_area);
    let step = match v.step {
        Step::Choose => crate::t!("import_view.step.choose"),
        Step::Map => crate::t!("import_view.step.map"),
        Step::Report => crate::t!("import_view.step.report"),
        Step::Running => crate::t!("import_view.step.running"),
        Step::Done => crate::t!("import_view.step.done"),
    };
    let title = crate::t!("import_view.title", step = step);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            truncate(
                &format!(" {title} "),
                usize::from(block_area.width.saturating_sub(4)),
            ),
            t.title,
        ));
    frame.render_widget(block, block_area);
    match v.step {
        Step::Choose => draw_choose(frame, area, v, look),
        Step::Map => map::draw(frame, area, v, look),
        Step::Report | Step::Done => report::draw(frame, area, v, db, look),
        Step::Running => draw_running(frame, area, v, look),
    }
    if v.help {
        draw_help(frame, area, v.step, look);
    }
}

fn draw_choose(frame: &mut Frame, area: Rect, v: &ImportView, look: &Look) {
    let t = &look.theme;
    let a = choose_areas(area);
    frame.render_widget(Paragraph::new(kind_line(v, look)), a.kind);
    // The end of a long path stays in view: that is where one is.
    let label = format!("{} ", crate::t!("import_view.label.folder"));
    let room = usize::from(a.folder.width).saturating_sub(label.width());
    let dir = v.picker.dir.display().to_string();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label, t.muted),
            Span::styled(tail(&dir, room), t.base),
        ])),
        a.folder,
    );

    let width = usize::from(a.list.width);
    let rows = usize::from(a.list.height);
    let mut lines = Vec::new();
    if v.picker.entries.iter().all(|e| e.is_up()) {
        lines.push(Line::styled(
            truncate(crate::t!("import_view.empty_folder"), width),
            t.muted,
        ));
    }
    let size_w = 9;
    for (i, e) in v
        .picker
        .entries
        .iter()
        .enumerate()
        .skip(v.picker.cursor.offset)
        .take(rows.saturating_sub(lines.len()))
    {
        let selected = i == v.picker.cursor.selected;
        let marker = if selected { "› " } else { "  " };
        let (name, size_text) = if e.is_up() {
            (
                format!("../  {}", crate::t!("import_view.up")),
                String::new(),
            )
        } else if e.folder {
            (format!("{}/", e.name), String::new())
        } else {
            (e.name.clone(), size(e.size))
        };
        let name_w = width.saturating_sub(2 + size_w + 1);
        let style = match (selected, e.folder) {
            (true, _) => t.selected,
            (false, true) => t.accent,
            (false, false) => t.base,
        };
        lines.push(Line::from(vec![
            Span::styled(marker, t.accent),
            Span::styled(pad(&truncate(&name, name_w), name_w), style),
            Span::styled(format!(" {}", pad_left(&size_text, size_w)), t.muted),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), a.list);

    let bottom = match &v.input {
        Some(Input::Path(typed)) => {
            input_line(crate::t!("import_view.label.path"), typed, a.bottom, look)
        }
        _ => {
            let n = v.picker.files();
            Line::styled(
                truncate(
                    &crate::tn!("import_view.files_here", n),
                    usize::from(a.bottom.width),
                ),
                t.muted,
            )
        }
    };
    frame.render_widget(Paragraph::new(bottom), a.bottom);
}

/// A line being typed: its label, the end of what is typed, and a cursor.
fn input_line<'a>(label: &str, typed: &str, area: Rect, look: &Look) -> Line<'a> {
    let label = format!("{label} ");
    let room = usize::from(area.width).saturating_sub(label.width() + 1);
    Line::from(vec![
        Span::styled(label, look.theme.key),
        Span::styled(format!("{}▏", tail(typed, room)), look.theme.focus),
    ])
}

fn draw_running(frame: &mut Frame, area: Rect, v: &ImportView, look: &Look) {
    let t = &look.theme;
    let a = report_areas(area);
    let (dry_run, progress) = v.running.unwrap_or((true, None));
    let name = v
        .map
        .as_ref()
        .map_or_else(String::new, |m| file_name(&m.file.path));
    let title = if dry_run {
        crate::t!("import_view.running_dry", file = name)
    } else {
        crate::t!("import_view.running_real", file = name)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&title, usize::from(a.title.width)),
            t.title,
        )),
        a.title,
    );
    let (ratio, label) = match progress {
        Some(p) if p.total_bytes > 0 => {
            #[allow(clippy::cast_precision_loss)]
            let ratio = (p.bytes as f64 / p.total_bytes as f64).clamp(0.0, 1.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let pct = (ratio * 100.0).round() as u32;
            (ratio, crate::tn!("import_view.progress", p.rows, pct = pct))
        }
        _ => (0.0, crate::t!("import_view.starting").to_string()),
    };
    frame.render_widget(
        Gauge::default()
            .gauge_style(t.accent)
            .ratio(ratio)
            .label(Span::styled(label, t.base)),
        a.counts,
    );
    let note = crate::t!("import_view.all_or_nothing");
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(note, usize::from(a.clients.width)),
            t.muted,
        )),
        a.clients,
    );
}

/// The last `room` columns of `s`.
pub fn tail(s: &str, room: usize) -> String {
    if s.width() <= room {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

fn draw_help(frame: &mut Frame, area: Rect, step: Step, look: &Look) {
    let title = crate::t!("import_view.keys.help_title").to_string();
    super::overlays::help_of(frame, area, &keymap::import::help(step), None, title, look);
}

/// The footer while the view is open: the line being typed's keys, the confirmation's, or
/// the step's table.
pub fn footer(v: &ImportView) -> Vec<(String, &'static str)> {
    if let Some(input) = &v.input {
        let enter = match input {
            Input::Path(_) => crate::t!("import_view.keys.keep_input"),
            Input::PresetName(_) => crate::t!("import_view.keys.save_input"),
        };
        return vec![
            ("Enter".into(), enter),
            ("Esc".into(), crate::t!("import_view.keys.cancel")),
            ("Ctrl-U".into(), crate::t!("import_view.keys.clear")),
        ];
    }
    if v.map.as_ref().is_some_and(|m| m.menu.is_some()) {
        return vec![
            ("↑ ↓".into(), crate::t!("import_view.keys.menu_move")),
            ("Enter".into(), crate::t!("import_view.keys.menu_pick")),
            ("Esc".into(), crate::t!("import_view.keys.cancel")),
        ];
    }
    if v.confirm {
        return vec![
            ("y".into(), crate::t!("import_view.keys.yes_import")),
            ("n Esc".into(), crate::t!("import_view.keys.not_now")),
        ];
    }
    keymap::import::footer(v.step)
}
