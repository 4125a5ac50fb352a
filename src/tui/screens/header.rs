//! The header line of every screen: the tabs, what the screens should warn about (a damaged
//! file, scores looked at as of another day, the scores still coming, what is due this
//! week), the note on settings the database supplied, and today's date at the right.
//! When the line is too short for all of it, pieces shorten or give way one step at a time,
//! in a fixed order: the least telling first; at last the other screens' tabs show only
//! their digits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Look;
use crate::tui::app::{App, Screen};

/// A piece of the header: its forms, longest first (an empty form: left out).
struct Piece {
    forms: Vec<Vec<Span<'static>>>,
    at: usize,
}

impl Piece {
    fn new(forms: Vec<Vec<Span<'static>>>) -> Self {
        Self { forms, at: 0 }
    }

    fn none() -> Self {
        Self::new(vec![Vec::new()])
    }

    fn spans(&self) -> &[Span<'static>] {
        self.forms.get(self.at).map_or(&[], Vec::as_slice)
    }

    fn width(&self) -> usize {
        self.spans().iter().map(Span::width).sum()
    }

    /// Takes form `at`, if the piece has it.
    fn shorten(&mut self, at: usize) {
        if at < self.forms.len() {
            self.at = self.at.max(at);
        }
    }
}

/// The pieces, in the order they stand on the line (the date last, at the right).
#[derive(Clone, Copy)]
enum Id {
    Brand,
    Tabs,
    ReadOnly,
    AsOf,
    Scoring,
    Due,
    Note,
    Date,
}

/// How the line gives way, step by step: (piece, the form it takes).
const GIVE_WAY: [(Id, usize); 11] = [
    (Id::Date, 1),     // "14 clients · today 2026-06-30" → "today 2026-06-30"
    (Id::Note, 1),     // the whole note → who supplied the settings ("demo")
    (Id::Brand, 1),    // " rapport " → gone
    (Id::Date, 2),     // → "2026-06-30"
    (Id::Due, 1),      // "2 due this week" → "2 due"
    (Id::Note, 2),     // → gone
    (Id::Scoring, 1),  // → gone
    (Id::AsOf, 1),     // "scores as of … · 90 days" → "as of …"
    (Id::Date, 3),     // → gone
    (Id::Tabs, 1),     // the other screens' tabs by their digits only
    (Id::ReadOnly, 1), // "READ-ONLY: damaged file" → "READ-ONLY"
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let tabs = |compact: bool| -> Vec<Span<'static>> {
        let tab = |(i, s): (usize, &Screen)| {
            if *s == app.screen {
                Span::styled(format!(" {} {} ", i + 1, s.title()), t.selected)
            } else if compact {
                Span::styled(format!(" {} ", i + 1), t.muted)
            } else {
                Span::styled(format!(" {} {} ", i + 1, s.title()), t.muted)
            }
        };
        Screen::ALL.iter().enumerate().map(tab).collect()
    };
    let tabs = Piece::new(vec![tabs(false), tabs(true)]);
    let one = |text: String, style| vec![Span::styled(text, style)];
    let brand = Piece::new(vec![
        vec![Span::styled(" rapport ", t.title), Span::raw(" ")],
        Vec::new(),
    ]);
    let read_only = match app.damaged {
        Some(_) => Piece::new(vec![
            one(
                format!(" {} ", crate::t!("screens.read_only_damaged")),
                t.error,
            ),
            one(format!(" {} ", crate::t!("screens.read_only")), t.error),
        ]),
        None => Piece::none(),
    };
    // Scores looked at as of another day, or over another window, say so on every screen.
    let s = &app.scores;
    let as_of = if s.as_of != app.today || s.window_days != s.rules.window_days {
        let day = look.date(s.as_of);
        Piece::new(vec![
            one(
                format!(
                    " {} ",
                    crate::t!("screens.scores_as_of", date = day, days = s.window_days)
                ),
                t.warn,
            ),
            one(
                format!(" {} ", crate::t!("screens.as_of", date = day)),
                t.warn,
            ),
        ])
    } else {
        Piece::none()
    };
    let scoring = if app.scoring {
        Piece::new(vec![
            one(format!(" {} ", crate::t!("screens.scoring")), t.accent),
            Vec::new(),
        ])
    } else {
        Piece::none()
    };
    let due = match app.decisions.due_this_week {
        0 => Piece::none(),
        n => Piece::new(vec![
            one(
                format!(" {} ", crate::tn!("screens.due_this_week", n)),
                t.warn,
            ),
            one(format!(" {} ", crate::tn!("screens.due", n)), t.warn),
        ]),
    };
    // Figures that rest on the database's own settings (the demo's labour cost): the whole
    // note where it fits, else who supplied them ("demo"); the status line says it at start.
    let note = match &app.note {
        Some(note) => {
            let source = note.split(':').next().unwrap_or(note);
            Piece::new(vec![
                one(format!(" {note} "), t.warn),
                one(format!(" {source} "), t.warn),
                Vec::new(),
            ])
        }
        None => Piece::none(),
    };
    let date = look.date(app.today);
    let date = Piece::new(vec![
        one(
            format!(
                "{} ",
                crate::tn!("screens.clients_today", app.clients.rows.len(), date = date)
            ),
            t.muted,
        ),
        one(
            format!("{} ", crate::t!("screens.today", date = date)),
            t.muted,
        ),
        one(format!("{date} "), t.muted),
        Vec::new(),
    ]);
    let mut pieces = [brand, tabs, read_only, as_of, scoring, due, note, date];
    let width = usize::from(area.width);
    let used = |pieces: &[Piece]| pieces.iter().map(Piece::width).sum::<usize>();
    for (id, form) in GIVE_WAY {
        if used(&pieces) < width {
            break;
        }
        pieces[id as usize].shorten(form);
    }
    let [brand, tabs, read_only, as_of, scoring, due, note, date] = &pieces;
    let mut spans: Vec<Span> = Vec::new();
    for p in [brand, tabs, read_only, as_of, scoring, due, note] {
        spans.extend(p.spans().iter().cloned());
    }
    let gap = width.saturating_sub(used(&pieces));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(date.spans().iter().cloned());
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
