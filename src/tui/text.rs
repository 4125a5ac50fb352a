//! Fitting text into cells by display width (accents, CJK and emoji take 1 or 2 columns).

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `s` to at most `width` columns, ending in "…" when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// "1 seat", "2 seats": a count and its noun, plural unless the count is one.
pub fn count(n: impl Into<i64>, noun: &str) -> String {
    let n = n.into();
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Pads `s` with spaces to exactly `width` columns (truncating first if needed).
pub fn pad(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let fill = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(fill))
}

/// Pads `s` on the left to exactly `width` columns (truncating first if needed): text
/// aligned right, by display width.
pub fn pad_left(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let fill = width.saturating_sub(t.width());
    format!("{}{t}", " ".repeat(fill))
}

/// Breaks `s` into lines of at most `width` columns at spaces (a word longer than a line is
/// cut into pieces), so a message can be read whole where a line would cut it.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `wrap` for styled text: the words keep their styles and the spaces between them (none at
/// the start of a line); a word longer than a line is cut.
pub fn wrap_spans(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut gap = 0;
    for span in spans {
        let mut rest = span.content.as_ref();
        while !rest.is_empty() {
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            gap += spaces;
            rest = &rest[spaces..];
            let end = rest.find(' ').unwrap_or(rest.len());
            if end == 0 {
                continue;
            }
            for piece in wrap(&rest[..end], width) {
                let w = piece.width();
                if used > 0 && used + gap + w > width {
                    lines.push(Line::from(std::mem::take(&mut line)));
                    used = 0;
                }
                if used > 0 && gap > 0 {
                    line.push(Span::styled(" ".repeat(gap), span.style));
                    used += gap;
                }
                gap = 0;
                line.push(Span::styled(piece, span.style));
                used += w;
            }
            rest = &rest[end..];
        }
    }
    lines.push(Line::from(line));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_by_columns() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("Café De Hoek", 20), ["Café De Hoek"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("東京商事", 5), ["東京", "商事"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn styled_words_wrap_and_keep_their_style() {
        let bold = ratatui::style::Style::new().bold();
        let lines = wrap_spans(&[Span::raw("aa bb"), Span::styled(" cc dd", bold)], 5);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["aa bb", "cc dd"]);
        assert!(lines[1].spans.iter().all(|s| s.style == bold));
        // The spaces between words stay; a line never starts with them.
        let lines = wrap_spans(&[Span::raw("A 1  ▄▄"), Span::raw("  +3 since")], 12);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["A 1  ▄▄  +3", "since"]);
    }

    #[test]
    fn cuts_by_columns_not_bytes() {
        assert_eq!(truncate("Café De Hoek", 20), "Café De Hoek");
        assert_eq!(truncate("Café De Hoek", 6), "Café …");
        // Each CJK character is two columns wide: never split one.
        assert_eq!(truncate("東京商事株式会社", 7), "東京商…");
        assert_eq!(truncate("東京商事株式会社", 7).width(), 7);
        assert_eq!(truncate("🚀🚀🚀", 4), "🚀…");
        assert_eq!(pad("東京", 6), "東京  ");
        assert_eq!(truncate("abc", 0), "");
    }
}
