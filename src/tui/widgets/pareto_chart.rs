//! A Pareto ranking as a terminal chart: one row per client, high to low, with a bar for
//! its share, the cumulative share as a gauge whose ends line up into the cumulative curve,
//! the 80% line under the vital few, and the tail grouped into an "others" row.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::domain::ClientId;
use crate::domain::pareto::Pareto;
use crate::tui::app::cursor::Cursor;
use crate::tui::text::{pad, truncate};
use crate::tui::theme::Theme;

const GAUGE: usize = 10;

pub struct ParetoChart<'a> {
    pub pareto: &'a Pareto,
    pub title: String,
    /// The selection and scroll of this chart, or None for a chart that follows another.
    pub cursor: Option<Cursor>,
    /// The client to highlight (the selection of the other chart).
    pub highlight: Option<ClientId>,
    pub r1: &'a [ClientId],
    pub marks: &'a BTreeSet<ClientId>,
    pub currency: &'a str,
    pub theme: &'a Theme,
}

/// A bar of `frac` of `width` cells, in eighths.
fn bar(frac: f64, width: usize) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (frac.clamp(0.0, 1.0) * width as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    s.push_str(PARTS[eighths % 8]);
    s
}

/// The cumulative share on a 10-cell gauge, the 80% mark where it has not been passed.
fn gauge(cumulative: f64, vital: f64) -> String {
    let mark = ((vital * GAUGE as f64).round() as usize).clamp(1, GAUGE) - 1;
    (0..GAUGE)
        .map(|i| {
            if (i as f64 + 0.5) / GAUGE as f64 <= cumulative + 1e-9 {
                '━'
            } else if i == mark {
                '┆'
            } else {
                '·'
            }
        })
        .collect()
}

impl Widget for ParetoChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let p = self.pareto;
        let n = p.rows.len();
        let inner_h = usize::from(area.height.saturating_sub(2));
        let page = inner_h.saturating_sub(3).max(1);
        // A chart without a cursor of its own (the counterpart) always shows its top.
        let offset = self
            .cursor
            .map_or(0, |c| c.offset)
            .min(n.saturating_sub(page));
        let shown = n.saturating_sub(offset).min(page);
        let range = if n == 0 {
            String::new()
        } else {
            format!(" {}-{} of {n} ", offset + 1, offset + shown)
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border)
            .title(Line::from(vec![
                Span::styled(format!(" {} ", self.title), t.title),
                Span::styled(range, t.muted),
            ]));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        // "  1 " mark " " name " value " bar " share% " gauge " cum%"
        let fixed = 4 + 1 + 1 + 11 + 8 + GAUGE + 5;
        // The rank column grows with the list (1,000 clients need four digits).
        let rank_w = n.to_string().len().max(3);
        let fixed = fixed + rank_w - 3;
        let name_w = (w.saturating_sub(fixed) / 2).clamp(8, 40);
        let bar_w = w.saturating_sub(fixed + name_w).max(4);
        let max_share = p.rows.first().map_or(1.0, |r| r.share).max(1e-9);
        let mut y = inner.y;
        let mut put = |line: Line, y: &mut u16| {
            if *y < inner.y + inner.height {
                buf.set_line(inner.x, *y, &line, inner.width);
                *y += 1;
            }
        };
        put(
            Line::styled(
                truncate(
                    &format!(
                        "{:>rank_w$}  {} {:>9} {} {:>6} {}",
                        "#",
                        pad("Client", name_w),
                        p.measure.key(),
                        pad("share", bar_w),
                        "",
                        "cumulative"
                    ),
                    w,
                ),
                t.header,
            ),
            &mut y,
        );
        if n == 0 {
            put(Line::styled("no active clients yet", t.muted), &mut y);
            return;
        }
        let selected = self.cursor.map(|c| c.selected);
        for (i, r) in p.rows.iter().enumerate().skip(offset).take(shown) {
            let is_selected =
                selected == Some(i) || (selected.is_none() && self.highlight == Some(r.id));
            let marked = if self.marks.contains(&r.id) {
                "●"
            } else {
                " "
            };
            let r1 = self.r1.contains(&r.id);
            let name_style = if r1 { t.warn } else { t.base };
            let bar_style = if r.vital_few { t.accent } else { t.muted };
            // R1 candidates carry a tag inside the name column.
            let (name_room, tag) = if r1 {
                (name_w.saturating_sub(3), " R1")
            } else {
                (name_w, "")
            };
            let mut spans = vec![
                Span::raw(format!("{:>rank_w$} ", i + 1)),
                Span::styled(marked, t.warn),
                Span::raw(" "),
                Span::styled(pad(&r.client, name_room), name_style),
                Span::styled(tag, t.warn),
                Span::raw(format!(
                    " {:>9} ",
                    truncate(&p.measure.format(r.value, self.currency), 9)
                )),
                Span::styled(pad(&bar(r.share / max_share, bar_w), bar_w), bar_style),
                Span::raw(format!(" {:>5.1}% ", r.share * 100.0)),
                Span::styled(gauge(r.cumulative_share, p.vital_share), bar_style),
                Span::raw(format!(" {:>3.0}%", r.cumulative_share * 100.0)),
            ];
            if is_selected {
                for s in &mut spans {
                    s.style = s.style.patch(t.selected);
                }
            }
            put(Line::from(spans), &mut y);
            if r.vital_few && p.rows.get(i + 1).is_none_or(|next| !next.vital_few) {
                let label = format!(
                    " {:.0}% reached: the vital few are above ",
                    p.vital_share * 100.0
                );
                let dashes = w.saturating_sub(label.chars().count() + 4);
                put(
                    Line::styled(
                        truncate(&format!("╌╌╌╌{label}{}", "╌".repeat(dashes)), w),
                        t.accent,
                    ),
                    &mut y,
                );
            }
        }
        let rest = n - offset - shown;
        if rest > 0 {
            let share: f64 = p.rows[offset + shown..].iter().map(|r| r.share).sum();
            let value: f64 = p.rows[offset + shown..].iter().map(|r| r.value).sum();
            // The rest, grouped: its value and share, without a bar (it is no one client).
            let label = format!("{rest} other{} (PgDn)", if rest == 1 { "" } else { "s" });
            put(
                Line::from(vec![
                    Span::raw(" ".repeat(rank_w + 1)),
                    Span::styled(pad(&label, name_w + 1), t.muted),
                    Span::raw(format!(" {:>9} ", p.measure.format(value, self.currency))),
                    Span::raw(" ".repeat(bar_w)),
                    Span::raw(format!(" {:>5.1}% ", share * 100.0)),
                    Span::styled(gauge(1.0, p.vital_share), t.muted),
                    Span::raw(" 100%"),
                ]),
                &mut y,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_gauges_scale() {
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.5, 4), "██");
        assert_eq!(bar(0.0, 4), "");
        assert_eq!(bar(1.0 / 32.0, 4), "▏");
        assert_eq!(gauge(0.0, 0.8), "·······┆··");
        assert_eq!(gauge(0.55, 0.8), "━━━━━━·┆··");
        assert_eq!(gauge(0.8, 0.8), "━━━━━━━━··");
        assert_eq!(gauge(1.0, 0.8), "━━━━━━━━━━");
    }
}
