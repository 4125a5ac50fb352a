//! A small bar chart of a year of scores: one bar per month-end (and the as-of date), with
//! the months' initials under it. No score is a gap with a dot.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

const EIGHTHS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

pub struct TrendChart<'a> {
    pub scores: &'a [Option<f64>],
    pub dates: &'a [NaiveDate],
    pub bar: Style,
    pub label: Style,
}

impl Widget for TrendChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 || self.scores.is_empty() {
            return;
        }
        let n = self.scores.len() as u16;
        let slot = (area.width / n).clamp(1, 4);
        let bar_w = if slot > 1 { slot - 1 } else { 1 };
        let chart_h = area.height - 1;
        for (i, score) in self.scores.iter().enumerate() {
            let x = area.x + i as u16 * slot;
            if x + bar_w > area.x + area.width {
                break;
            }
            // Height in eighths of a cell.
            let eighths = score.map(|s| ((s / 100.0) * f64::from(chart_h) * 8.0).round() as u16);
            for row in 0..chart_h {
                let y = area.y + chart_h - 1 - row;
                let symbol = match eighths {
                    None if row == 0 => "·",
                    None => " ",
                    Some(e) if e >= (row + 1) * 8 => "█",
                    Some(e) if e > row * 8 => EIGHTHS[usize::from(e - row * 8 - 1)],
                    Some(_) if row == 0 => "▁",
                    Some(_) => " ",
                };
                for dx in 0..bar_w {
                    buf[(x + dx, y)].set_symbol(symbol).set_style(self.bar);
                }
            }
            if let Some(d) = self.dates.get(i) {
                let m = crate::tui::text::month(chrono::Datelike::month(d));
                let initial: String = m.chars().take(usize::from(bar_w)).collect();
                buf.set_string(x, area.y + chart_h, initial, self.label);
            }
        }
    }
}
