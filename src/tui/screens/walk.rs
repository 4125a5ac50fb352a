//! The fire/keep walk over the whole body: the client and the step in the frame, the
//! step's lines (see `app/walk_body.rs`) scrolled to the selected question, and under them
//! what Enter does and what is scrolled out of view. The questions over the walk (continue
//! a draft? keep one?) are small popups.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Look;
use crate::tui::app::walk::{Prompt, WalkView};
use crate::tui::app::walk_body::Role;
use crate::tui::layout;
use crate::tui::text::{pad, truncate};
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{centred, clear};
use crate::words::say;
use crate::{t, tn};

fn style(t: &Theme, role: Role) -> Style {
    match role {
        Role::Text => t.base,
        Role::Muted => t.muted,
        Role::Code | Role::Key => t.key,
        Role::Heading => t.title,
        Role::Answer | Role::Input => t.focus,
        Role::Data => t.accent,
        Role::Warn => t.warn,
        Role::Cursor => t.selection,
        Role::Error => t.error,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, v: &WalkView, read_only: bool, look: &Look) {
    let t = &look.theme;
    let a = layout::walk(area);
    frame.render_widget(Clear, a.block);
    let title = format!(" {} ", t!("walk.screen.title", name = v.name()));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Span::styled(
            truncate(&title, usize::from(a.block.width.saturating_sub(4))),
            t.title,
        ));
    frame.render_widget(block, a.block);
    draw_progress(frame, a.progress, v, look);

    let width = usize::from(a.content.width);
    let height = usize::from(a.content.height);
    let lines = v.body(width.saturating_sub(2).max(20));
    let top = v.top(&lines, height);
    let shown: Vec<Line> = lines
        .iter()
        .skip(top)
        .take(height)
        .map(|l| {
            let selected = l.head && l.row == Some(v.row) && v.edit.is_none();
            let marker = if selected { "› " } else { "  " };
            let mut spans = vec![Span::styled(marker, t.accent)];
            for (role, text) in &l.spans {
                let mut s = style(t, *role);
                if selected && !matches!(role, Role::Text) {
                    s = s.patch(t.selected);
                }
                spans.push(Span::styled(text.clone(), s));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), a.content);

    // Under the lines: what Enter does here, and what is out of view.
    let below = lines.len().saturating_sub(top + height);
    let scrolled = match (top, below) {
        (0, 0) => String::new(),
        (0, n) => tn!("walk.screen.more_lines", n),
        (_, 0) => t!("walk.screen.more_above").into(),
        (_, n) => t!("walk.screen.more_below", n = n),
    };
    let hint = if v.edit.is_some() {
        t!("walk.screen.typing").to_string()
    } else if v.last_step() && read_only {
        t!("walk.screen.read_only").to_string()
    } else if v.last_step() {
        t!("walk.screen.saves", outcome = say::outcome(v.walk.chosen()))
    } else {
        t!("walk.screen.goes_on").to_string()
    };
    let room = usize::from(a.foot.width);
    let right_w = scrolled.width();
    let left = truncate(&hint, room.saturating_sub(right_w + 2));
    let gap = room.saturating_sub(left.width() + right_w);
    let hint_style = if v.last_step() && read_only {
        t.error
    } else {
        t.muted
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, hint_style),
            Span::raw(" ".repeat(gap)),
            Span::styled(scrolled, t.accent),
        ])),
        a.foot,
    );
    match &v.prompt {
        Some(Prompt::ContinueDraft(_)) => continue_draft(frame, area, v, look),
        Some(Prompt::KeepDraft) => keep_draft(frame, area, v, look),
        None => {}
    }
}

/// "Step 2 of 6 · Reasons to let go (R1-R3)", and at the right what the walk comes to.
fn draw_progress(frame: &mut Frame, area: Rect, v: &WalkView, look: &Look) {
    let t = &look.theme;
    let (at, of) = v.walk.progress();
    let left = t!(
        "walk.screen.step",
        at = at,
        of = of,
        title = say::step(v.walk.step())
    );
    let proposed = v.walk.proposal().outcome;
    let chosen = v.walk.chosen();
    let (p, c) = (say::outcome(proposed), say::outcome(chosen).to_uppercase());
    // The longest that leaves the step's title whole.
    let candidates: Vec<Vec<Span>> = if chosen == proposed {
        vec![
            vec![
                Span::styled(format!("{} ", t!("walk.screen.proposes")), t.muted),
                Span::styled(p.to_uppercase(), t.title),
            ],
            vec![Span::styled(p.to_uppercase(), t.title)],
        ]
    } else {
        vec![
            vec![
                Span::styled(format!("{} ", t!("walk.screen.you_chose")), t.muted),
                Span::styled(c.clone(), t.title),
                Span::styled(
                    format!(" · {}", t!("walk.screen.proposed", outcome = p)),
                    t.muted,
                ),
            ],
            vec![
                Span::styled(c.clone(), t.title),
                Span::styled(
                    format!(" · {}", t!("walk.screen.proposed", outcome = p)),
                    t.muted,
                ),
            ],
            vec![Span::styled(c, t.title)],
        ]
    };
    let room = usize::from(area.width);
    let width = |spans: &[Span]| spans.iter().map(|s| s.width()).sum::<usize>();
    let fits = |spans: &[Span]| left.width() + width(spans) + 2 <= room;
    let right = match candidates.iter().position(|c| fits(c)) {
        Some(i) => candidates[i].clone(),
        None => candidates.last().cloned().unwrap_or_default(),
    };
    let right_w = width(&right);
    let left = truncate(&left, room.saturating_sub(right_w + 2));
    let gap = room.saturating_sub(left.width() + right_w);
    let mut spans = vec![Span::styled(left, t.header), Span::raw(" ".repeat(gap))];
    if right_w + 2 <= room {
        spans.extend(right);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, look: &Look) {
    let w = 64.min(area.width.saturating_sub(2));
    // As tall as the lines are once wrapped to the popup's width.
    let inner = usize::from(w.saturating_sub(2));
    let rows: usize = lines
        .iter()
        .map(|l| {
            let words = crate::tui::text::wrap(&l.to_string(), inner).len();
            words.max(l.width().div_ceil(inner.max(1)))
        })
        .sum();
    let h = (u16::try_from(rows).unwrap_or(u16::MAX) + 2).min(area.height);
    let rect = centred(area, w, h);
    clear(frame, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(look.theme.accent)
        .title(Span::styled(
            format!(" {} ", truncate(title, usize::from(w.saturating_sub(4)))),
            look.theme.title,
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

fn key_line<'a>(key: &str, what: String, look: &Look) -> Line<'a> {
    Line::from(vec![
        Span::styled(pad(key, 10), look.theme.key),
        Span::raw(what),
    ])
}

fn continue_draft(frame: &mut Frame, area: Rect, v: &WalkView, look: &Look) {
    let lines = vec![
        Line::raw(t!("walk.draft.kept", name = v.name())),
        Line::raw(""),
        key_line("c Enter", t!("walk.draft.continue").into(), look),
        key_line("n", t!("walk.draft.afresh").into(), look),
        key_line("Esc", t!("walk.draft.leave").into(), look),
    ];
    popup(frame, area, t!("walk.draft.continue_title"), lines, look);
}

fn keep_draft(frame: &mut Frame, area: Rect, v: &WalkView, look: &Look) {
    let drop = if v.had_draft {
        t!("walk.draft.drop_both")
    } else {
        t!("walk.draft.drop")
    };
    let lines = vec![
        Line::raw(t!("walk.draft.answered", name = v.name())),
        Line::raw(""),
        key_line("y Enter", t!("walk.draft.keep").into(), look),
        key_line("n", drop.into(), look),
        key_line("Esc", t!("walk.draft.back").into(), look),
    ];
    popup(frame, area, t!("walk.draft.keep_title"), lines, look);
}

/// The footer while a question is over the walk: its keys.
pub fn prompt_footer(p: &Prompt) -> Vec<(String, &'static str)> {
    match p {
        Prompt::ContinueDraft(_) => vec![
            ("c".into(), t!("walk.prompt.continue")),
            ("n".into(), t!("walk.prompt.afresh")),
            ("Esc".into(), t!("walk.prompt.leave")),
        ],
        Prompt::KeepDraft => vec![
            ("y".into(), t!("walk.prompt.keep")),
            ("n".into(), t!("walk.prompt.drop")),
            ("Esc".into(), t!("walk.prompt.back")),
        ],
    }
}
