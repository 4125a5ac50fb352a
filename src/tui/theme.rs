//! Colours and emphasis. Without colour (NO_COLOR, --no-color, theme "mono") everything that
//! matters stays visible through bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme as ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub muted: Style,
    pub accent: Style,
    pub error: Style,
    pub ok: Style,
    pub warn: Style,
    pub border: Style,
    pub key: Style,
    /// The focused field of a form.
    pub focus: Style,
    /// Text selected in a form field (typing replaces it): reverse video, with colour or not.
    pub selection: Style,
    pub color: bool,
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        if no_color || name == ThemeName::Mono {
            return Self::mono();
        }
        let (fg_muted, accent, sel_bg) = match name {
            ThemeName::Light => (Color::DarkGray, Color::Blue, Color::Rgb(200, 215, 240)),
            _ => (Color::DarkGray, Color::Cyan, Color::Rgb(40, 60, 90)),
        };
        Self {
            base: Style::default(),
            title: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            header: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::default().bg(sel_bg).add_modifier(Modifier::BOLD),
            muted: Style::default().fg(fg_muted),
            accent: Style::default().fg(accent),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::default().fg(Color::Green),
            warn: Style::default().fg(Color::Yellow),
            border: Style::default().fg(fg_muted),
            key: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            focus: Style::default().fg(accent).add_modifier(Modifier::BOLD),
            selection: Style::default().add_modifier(Modifier::REVERSED),
            color: true,
        }
    }

    /// No colour at all: emphasis through modifiers only.
    pub fn mono() -> Self {
        let plain = Style::default();
        Self {
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            muted: plain,
            accent: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            ok: plain,
            warn: plain.add_modifier(Modifier::BOLD),
            border: plain,
            key: plain.add_modifier(Modifier::BOLD),
            focus: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selection: plain.add_modifier(Modifier::REVERSED),
            color: false,
        }
    }
}
