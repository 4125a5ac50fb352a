//! Drawing: a pure function of the app's state. One file per screen; the frame around them
//! (tabs, status line, footer) and the overlays are drawn here.

pub mod clients;
pub mod decisions;
pub mod gut_check;
pub mod header;
pub mod history;
pub mod import;
pub mod offboard;
pub mod overlays;
pub mod pareto;
pub mod scorecards;
pub mod scripts;
pub mod walk;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Overlay, Screen, Tone};
use super::keymap;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::text::{truncate, wrap};
use super::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// Settings the drawing needs that are not state.
#[derive(Debug, Clone)]
pub struct Look {
    pub theme: Theme,
    pub currency: String,
    pub date_format: String,
}

impl Look {
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        d.format(&self.date_format).to_string()
    }
}

pub fn draw(frame: &mut Frame, app: &App, look: &Look) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = vec![
            Line::from(Span::styled(
                crate::t!("screens.too_small"),
                look.theme.error,
            )),
            Line::from(crate::t!(
                "screens.too_small_size",
                width = area.width,
                height = area.height,
                min_width = MIN_WIDTH,
                min_height = MIN_HEIGHT
            )),
            Line::from(crate::t!("screens.too_small_what")),
        ];
        let y = area.height.saturating_sub(3) / 2;
        let rect = ratatui::layout::Rect {
            y: area.y + y,
            height: area.height.min(3),
            ..area
        };
        frame.render_widget(Paragraph::new(msg).alignment(Alignment::Center), rect);
        return;
    }
    let areas = layout::frame(area);
    header::draw(frame, areas.header, app, look);
    // The walk takes the whole body (its help goes over it).
    let walking = app
        .walk
        .as_ref()
        .filter(|_| matches!(app.overlay, Overlay::Walk | Overlay::Help));
    match (walking, app.screen) {
        (Some(v), _) => walk::draw(frame, area, v, app.damaged.is_some(), look),
        (None, Screen::Clients) => clients::draw(frame, areas.body, app, look),
        (None, Screen::Scorecards) => scorecards::draw(frame, areas.body, app, look),
        (None, Screen::Pareto) => pareto::draw(frame, areas.body, app, look),
        (None, Screen::GutCheck) => gut_check::draw(frame, areas.body, app, look),
        (None, Screen::Decisions) => decisions::draw(frame, areas.body, app, look),
    }
    let scripting = app
        .scripts
        .as_ref()
        .filter(|_| app.overlay == Overlay::Scripts);
    if let Some(v) = scripting {
        scripts::draw(frame, area, v, look);
    }
    let importing = app
        .import
        .as_ref()
        .filter(|_| app.overlay == Overlay::Import);
    if let Some(v) = importing {
        import::draw(frame, area, v, &app.db_name, look);
    }
    // A message too long for its line takes the footer's line too, to be read whole.
    if !draw_status(frame, areas.status, areas.footer, app, look) {
        draw_footer(frame, areas.footer, app, look);
    }
    match &app.overlay {
        Overlay::None | Overlay::Walk | Overlay::Scripts | Overlay::Import => {}
        Overlay::Help if walking.is_some() => overlays::walk_help(frame, area, look),
        Overlay::Help => overlays::help(frame, area, app.screen, look),
        Overlay::ClientForm { form, .. }
        | Overlay::LogForm { form, .. }
        | Overlay::VoteForm { form, .. } => form.render(frame, area, &look.theme),
        Overlay::ConfirmClearVotes { year, staff, .. } => {
            overlays::confirm_clear_votes(frame, area, *year, staff, look)
        }
        Overlay::History => {
            if let Some(h) = &app.history {
                history::draw(frame, area, h, look);
            }
        }
        Overlay::EventForm { form, .. } | Overlay::VoidForm { form, .. } => {
            if let Some(h) = &app.history {
                history::draw(frame, area, h, look);
            }
            form.render(frame, area, &look.theme);
        }
        Overlay::ConfirmRestore { from } => {
            let db = app.db_name.as_str();
            overlays::confirm_restore(frame, area, db, &from.display().to_string(), look)
        }
        Overlay::LogMenu { name, .. } => overlays::log_menu(frame, area, name, look),
        Overlay::ConfirmArchive { name, .. } => overlays::confirm_archive(frame, area, name, look),
        Overlay::Decision { id, scroll } => {
            if let Some(d) = app.decisions.by_id(*id) {
                decisions::draw_record(frame, area, d, *scroll, app, look);
            }
        }
        Overlay::Offboard | Overlay::OffboardForm { .. } => {
            if let Some((view, list)) = app.offboard_list() {
                offboard::draw(frame, areas.body, view, list, look);
            }
            if let Overlay::OffboardForm { form, .. } = &app.overlay {
                form.render(frame, area, &look.theme);
            }
        }
    }
}

/// Draws the status line; true when the message needed the footer's line as well.
fn draw_status(
    frame: &mut Frame,
    area: ratatui::layout::Rect,
    below: ratatui::layout::Rect,
    app: &App,
    look: &Look,
) -> bool {
    let (text, style) = match (&app.status, app.banner()) {
        (Some(s), _) => (
            s.text.clone(),
            match s.tone {
                Tone::Info => look.theme.base,
                Tone::Success => look.theme.ok,
                Tone::Error => look.theme.error,
            },
        ),
        // While the file is damaged, the line says so whenever nothing else is to be said.
        (None, Some(banner)) => (banner, look.theme.error),
        (None, None) => return false,
    };
    let width = area.width.saturating_sub(1) as usize;
    let lines = wrap(&text, width);
    let fits = lines.len() <= 1;
    let first = if fits { text.clone() } else { lines[0].clone() };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&format!(" {first}"), area.width as usize),
            style,
        )),
        area,
    );
    if fits {
        return false;
    }
    let rest = lines[1..].join(" ");
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&format!(" {rest}"), below.width as usize),
            style,
        )),
        below,
    );
    true
}

fn draw_footer(frame: &mut Frame, area: ratatui::layout::Rect, app: &App, look: &Look) {
    let spans = vec![Span::raw(" ")];
    let read_only = app.damaged.is_some();
    let entries = match (&app.walk, &app.scripts) {
        (_, Some(v)) if app.overlay == Overlay::Scripts => {
            if v.reason_edit.is_some() {
                vec![
                    ("Enter".into(), crate::t!("scripts.keys.keep_reason")),
                    ("Esc".into(), crate::t!("scripts.keys.cancel")),
                    ("Ctrl-U".into(), crate::t!("scripts.keys.clear")),
                ]
            } else {
                keymap::scripts_footer()
            }
        }
        (Some(v), _) if matches!(app.overlay, Overlay::Walk | Overlay::Help) => {
            match (&v.prompt, &v.edit) {
                (Some(walk_prompt), _) => walk::prompt_footer(walk_prompt),
                (None, Some(_)) => vec![
                    ("Enter".into(), crate::t!("keys.footer.keep")),
                    ("Esc".into(), crate::t!("keys.footer.cancel")),
                    ("Ctrl-U".into(), crate::t!("keys.footer.clear")),
                ],
                (None, None) => keymap::walk_footer(v.last_step(), read_only),
            }
        }
        _ if app.overlay == Overlay::Offboard => keymap::offboard_footer(),
        _ if app.overlay == Overlay::Import => {
            app.import.as_ref().map_or_else(Vec::new, import::footer)
        }
        _ => keymap::footer(app.screen, read_only),
    };
    frame.render_widget(
        Paragraph::new(Line::from(footer_spans(spans, &entries, area.width, look))),
        area,
    );
}

/// The footer's entries after `spans`, two spaces apart; where that is wider than the line
/// (longer words in another language), one space apart, so the last entries (help, quit)
/// are not the ones cut.
pub fn footer_spans<'a>(
    mut spans: Vec<Span<'a>>,
    entries: &[(String, &str)],
    width: u16,
    look: &Look,
) -> Vec<Span<'a>> {
    let wide: usize = spans.iter().map(Span::width).sum::<usize>()
        + entries
            .iter()
            .map(|(k, what)| k.width() + what.width() + 3)
            .sum::<usize>();
    let gap = if wide > usize::from(width) { " " } else { "  " };
    for (k, what) in entries {
        spans.push(Span::styled(k.clone(), look.theme.key));
        spans.push(Span::styled(format!(" {what}{gap}"), look.theme.muted));
    }
    spans
}
