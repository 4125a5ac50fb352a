//! Fitting text into cells by display width (accents, CJK and emoji take 1 or 2 columns).

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

/// Pads `s` with spaces to exactly `width` columns (truncating first if needed).
pub fn pad(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let fill = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

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
