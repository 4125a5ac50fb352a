//! The Scripts view over the whole body: what the words are (kind, channel, language, each
//! with its key), the reason as the user worded it, where the text came from, then the
//! preview, scrolled; the client's earlier scripts beside it on a wide screen, or instead of
//! it when `p` asks on a narrow one. Its help is a popup of its own.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::domain::lang::Lang;
use crate::domain::script::{Channel, Kind};
use crate::tui::app::scripts::{ScriptsView, Source};
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::text::truncate;

/// Where the view's parts go.
pub struct ScriptsAreas {
    pub block: Rect,
    pub choices: Rect,
    pub reason: Rect,
    pub source: Rect,
    pub preview: Rect,
    /// The earlier scripts, beside the preview (wide) or empty.
    pub side: Rect,
    pub foot: Rect,
}

/// The side list's width on a wide screen.
const SIDE_W: u16 = 40;

pub fn areas(viewport: Rect, wide: bool) -> ScriptsAreas {
    let block = layout::frame(viewport).body;
    // Inside the border, a column of room on either side.
    let inner = Rect {
        x: block.x + 2,
        y: block.y + 1,
        width: block.width.saturating_sub(4),
        height: block.height.saturating_sub(2),
    };
    let [choices, reason, source, rest, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let (preview, side) = if wide {
        let [preview, _, side] = Layout::horizontal([
            Constraint::Min(20),
            Constraint::Length(1),
            Constraint::Length(SIDE_W),
        ])
        .areas(rest);
        (preview, side)
    } else {
        (rest, Rect::default())
    };
    // One blank line between the lines above and the text.
    let preview = Rect {
        y: preview.y + 1,
        height: preview.height.saturating_sub(1),
        ..preview
    };
    let side = Rect {
        y: side.y + 1,
        height: side.height.saturating_sub(1),
        ..side
    };
    ScriptsAreas {
        block,
        choices,
        reason,
        source,
        preview,
        side,
        foot,
    }
}

pub fn kind_label(k: Kind) -> &'static str {
    k.label(crate::words::language())
}

pub fn channel_label(c: Channel) -> &'static str {
    c.label(crate::words::language())
}

pub fn lang_label(l: Lang) -> &'static str {
    match l {
        Lang::En => crate::t!("scripts.lang.en"),
        Lang::Nl => crate::t!("scripts.lang.nl"),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, v: &ScriptsView, look: &Look) {
    let t = &look.theme;
    let wide = area.width >= layout::DECISIONS_WIDE;
    let a = areas(area, wide);
    frame.render_widget(Clear, a.block);
    let title = crate::t!("scripts.title", name = v.name);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            truncate(
                &format!(" {title} "),
                usize::from(a.block.width.saturating_sub(4)),
            ),
            t.title,
        ));
    frame.render_widget(block, a.block);

    let choice = |key: &'static str, name: &'static str, value: &'static str| {
        vec![
            Span::styled(format!("{name} "), t.muted),
            Span::styled(value.to_string(), t.focus),
            Span::styled(format!(" ({key})   "), t.key),
        ]
    };
    let mut spans = choice("o", crate::t!("scripts.label.kind"), kind_label(v.kind));
    spans.extend(choice(
        "c",
        crate::t!("scripts.label.channel"),
        channel_label(v.channel),
    ));
    spans.extend(choice(
        "l",
        crate::t!("scripts.label.lang"),
        lang_label(v.lang),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), a.choices);

    let width = usize::from(a.reason.width);
    let reason_line = match &v.reason_edit {
        Some(input) => {
            let label = format!("{} ", crate::t!("scripts.label.reason_edit"));
            let room = width.saturating_sub(label.width() + 1);
            // The end of what is typed stays in view.
            let shown = tail(input, room);
            Line::from(vec![
                Span::styled(label, t.key),
                Span::styled(format!("{shown}▏"), t.focus),
            ])
        }
        None => {
            let label = format!("{} ", crate::t!("scripts.label.reason"));
            let room = width.saturating_sub(label.width() + 4);
            Line::from(vec![
                Span::styled(label, t.muted),
                Span::styled(truncate(&v.reason_shown(), room), t.base),
                Span::styled(" (r)", t.key),
            ])
        }
    };
    frame.render_widget(Paragraph::new(reason_line), a.reason);

    let format = if v.markdown {
        crate::t!("scripts.format.markdown")
    } else {
        crate::t!("scripts.format.plain")
    };
    let source = match v.source {
        Source::Rendered => crate::t!("scripts.source.rendered"),
        Source::Edited => crate::t!("scripts.source.edited"),
        Source::Reopened(_) => crate::t!("scripts.source.reopened"),
    };
    let source_line = crate::t!("scripts.source.line", source = source, format = format);
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&source_line, usize::from(a.source.width)),
            t.muted,
        )),
        a.source,
    );

    let list_instead = !wide && v.list.is_some();
    let lines = v.lines(usize::from(a.preview.width));
    let height = usize::from(a.preview.height);
    if list_instead {
        draw_earlier(frame, a.preview, v, look);
    } else {
        let shown: Vec<Line> = lines
            .iter()
            .skip(v.scroll)
            .take(height)
            .map(|l| Line::styled(l.clone(), t.base))
            .collect();
        frame.render_widget(Paragraph::new(shown), a.preview);
    }
    if wide {
        draw_earlier(frame, a.side, v, look);
    }

    // Under the text: a warning, else the file written. What is out of view is said in
    // the border below it.
    let below = lines.len().saturating_sub(v.scroll + height);
    let (foot, style) = if let Some(w) = v.warnings.first() {
        (format!("⚠ {w}"), t.warn)
    } else if let Some(path) = &v.written {
        (crate::t!("scripts.written", file = path), t.ok)
    } else {
        (String::new(), t.muted)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&foot, usize::from(a.foot.width)),
            style,
        )),
        a.foot,
    );
    let scrolled = match (list_instead, v.scroll, below) {
        (true, _, _) | (false, 0, 0) => String::new(),
        (false, 0, n) => crate::tn!("scripts.more_below", n),
        (false, _, 0) => crate::t!("scripts.more_above").to_string(),
        (false, _, n) => crate::tn!("scripts.more_both", n),
    };
    if !scrolled.is_empty() {
        let bottom = Rect {
            y: a.block.bottom().saturating_sub(1),
            height: 1,
            x: a.block.x + 2,
            width: a.block.width.saturating_sub(4),
        };
        let text = truncate(&format!(" {scrolled} "), usize::from(bottom.width));
        frame.render_widget(
            Paragraph::new(Span::styled(text, t.muted))
                .alignment(ratatui::layout::Alignment::Right),
            bottom,
        );
    }
    if v.help {
        draw_help(frame, area, look);
    }
}

/// The last `room` columns of `s`.
fn tail(s: &str, room: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

fn draw_earlier(frame: &mut Frame, area: Rect, v: &ScriptsView, look: &Look) {
    let t = &look.theme;
    let width = usize::from(area.width);
    let mut lines = vec![Line::styled(
        truncate(&crate::tn!("scripts.earlier.title", v.earlier.len()), width),
        t.title,
    )];
    if v.earlier.is_empty() {
        lines.push(Line::styled(
            truncate(crate::t!("scripts.earlier.none"), width),
            t.muted,
        ));
    }
    let room = usize::from(area.height).saturating_sub(1);
    let at = v.list.unwrap_or(0);
    let first = at.saturating_sub(room.saturating_sub(1));
    for (i, s) in v.earlier.iter().enumerate().skip(first).take(room) {
        let text = format!(
            "{} {} · {} · {} #{}",
            look.date(s.written_on),
            kind_label(s.kind),
            channel_label(s.channel),
            s.lang.code(),
            s.id
        );
        let selected = v.list == Some(i);
        let marker = if selected { "› " } else { "  " };
        let style = if selected { t.selected } else { t.base };
        lines.push(Line::from(vec![
            Span::styled(marker, t.accent),
            Span::styled(truncate(&text, width.saturating_sub(2)), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_help(frame: &mut Frame, area: Rect, look: &Look) {
    let title = crate::t!("scripts.keys.help_title").to_string();
    super::overlays::help_of(frame, area, &keymap::scripts_help(), None, title, look);
}
