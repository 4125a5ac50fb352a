//! A Pareto ranking as a terminal chart: one row per client, high to low, with a bar for
//! its share, the cumulative share as a gauge whose ends line up into the cumulative curve,
//! the 80% line under the vital few, and the tail grouped into an "others" row.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::domain::ClientId;
use crate::domain::pareto::Pareto;
use crate::tui::app::cursor::Cursor;
use crate::tui::text::{measure, pad, pad_left, truncate};
use crate::tui::theme::Theme;
use unicode_width::UnicodeWidthStr;

const GAUGE: usize = 10;
/// "100.0%" and "100%".
const SHARE: usize = 6;
const CUMULATIVE: usize = 4;
/// The tag an R1 candidate carries at the end of its name.
const R1_TAG: &str = " R1";

pub struct ParetoChart<'a> {
    pub pareto: &'a Pareto,
    pub title: String,
    /// The scroll of this chart, or None for a chart that always shows its top.
    pub cursor: Option<Cursor>,
    /// The client to highlight: the app's selected client, wherever it is in the ranking.
    pub highlight: Option<ClientId>,
    /// A line on the chart's bottom border (why the selected client is not in it).
    pub note: Option<String>,
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

/// The label of the grouped tail.
fn others(k: usize) -> String {
    crate::tn!("pareto.others", k)
}

/// The chart's columns, one space apart: rank, mark, name, value, bar, share, gauge and
/// cumulative share. The header, every client's row and the grouped "others" row are all
/// laid out by this one set of widths (in display columns), so they line up whatever the
/// names hold.
struct Columns {
    rank: usize,
    name: usize,
    value: usize,
    bar: usize,
}

impl Columns {
    fn new(width: usize, p: &Pareto, values: &[String], total: &str) -> Self {
        // The rank column grows with the list (1,000 clients need four digits).
        let rank = p.rows.len().to_string().len().max(3);
        let value = values
            .iter()
            .map(|v| v.width())
            .chain([measure(p.measure).width(), total.width()])
            .max()
            .unwrap_or(0);
        let fixed = rank + 1 + value + SHARE + GAUGE + CUMULATIVE + 7;
        let rest = width.saturating_sub(fixed);
        // Names (and the "others" label) take the room they need, and leave the bars at
        // least a fifth of it (6 cells or more): a name cut short says less than a bar.
        let longest = p
            .rows
            .iter()
            .map(|r| r.client.width() + R1_TAG.len())
            .chain([others(p.rows.len()).width()])
            .max()
            .unwrap_or(0);
        let name = longest.min(rest.saturating_sub((rest / 5).max(6))).max(8);
        let bar = rest.saturating_sub(name).max(4);
        Self {
            rank,
            name,
            value,
            bar,
        }
    }

    /// One line of the chart: each cell fitted (left or right) into its column.
    fn line<'a>(&self, cells: [(String, Style); 8]) -> Line<'a> {
        let [rank, mark, name, value, bar, share, gauge, cumulative] = cells;
        let fit = [
            (rank, self.rank, true),
            (mark, 1, false),
            (name, self.name, false),
            (value, self.value, true),
            (bar, self.bar, false),
            (share, SHARE, true),
            (gauge, GAUGE, false),
            (cumulative, CUMULATIVE, true),
        ];
        let mut spans = Vec::new();
        for (i, ((text, style), width, right)) in fit.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" "));
            }
            let text = if right {
                pad_left(&text, width)
            } else {
                pad(&text, width)
            };
            spans.push(Span::styled(text, style));
        }
        Line::from(spans)
    }
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
            format!(
                " {} ",
                crate::t!(
                    "pareto.range",
                    first = offset + 1,
                    last = offset + shown,
                    n = n
                )
            )
        };
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border)
            .title(Line::from(vec![
                Span::styled(format!(" {} ", self.title), t.title),
                Span::styled(range, t.muted),
            ]));
        if let Some(note) = &self.note {
            let room = usize::from(area.width.saturating_sub(4));
            block =
                block.title_bottom(Span::styled(format!(" {} ", truncate(note, room)), t.muted));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        let format = |v: f64| p.measure.format(v, self.currency);
        let rest = &p.rows[(offset + shown).min(n)..];
        let (rest_value, rest_share) = (
            rest.iter().map(|r| r.value).sum::<f64>(),
            rest.iter().map(|r| r.share).sum::<f64>(),
        );
        // The value column is as wide as the widest value, the total included, on every
        // page alike.
        let values: Vec<String> = p.rows.iter().map(|r| format(r.value)).collect();
        let cols = Columns::new(w, p, &values, &format(p.total));
        let max_share = p.rows.first().map_or(1.0, |r| r.share).max(1e-9);
        let mut y = inner.y;
        let mut put = |line: Line, y: &mut u16| {
            if *y < inner.y + inner.height {
                buf.set_line(inner.x, *y, &line, inner.width);
                *y += 1;
            }
        };
        let h = |s: &str| (s.to_string(), t.header);
        put(
            cols.line([
                h("#"),
                h(""),
                h(crate::t!("pareto.col.client")),
                h(measure(p.measure)),
                h(""),
                h(crate::t!("pareto.col.share")),
                h(crate::t!("pareto.col.cumulative")),
                h(""),
            ]),
            &mut y,
        );
        if n == 0 {
            put(Line::styled(crate::t!("pareto.no_active"), t.muted), &mut y);
            return;
        }
        for (i, r) in p.rows.iter().enumerate().skip(offset).take(shown) {
            let marked = if self.marks.contains(&r.id) {
                "●"
            } else {
                ""
            };
            let r1 = self.r1.contains(&r.id);
            let name_style = if r1 { t.warn } else { t.base };
            let bar_style = if r.vital_few { t.accent } else { t.muted };
            // R1 candidates carry a tag at the end of the name column.
            let name = if r1 {
                let room = cols.name.saturating_sub(R1_TAG.len());
                format!("{}{R1_TAG}", pad(&r.client, room))
            } else {
                r.client.clone()
            };
            let mut line = cols.line([
                (format!("{}", i + 1), t.base),
                (marked.to_string(), t.warn),
                (name, name_style),
                (values[i].clone(), t.base),
                (bar(r.share / max_share, cols.bar), bar_style),
                (format!("{:.1}%", r.share * 100.0), t.base),
                (gauge(r.cumulative_share, p.vital_share), bar_style),
                (format!("{:.0}%", r.cumulative_share * 100.0), t.base),
            ]);
            if self.highlight == Some(r.id) {
                for s in &mut line.spans {
                    s.style = s.style.patch(t.selected);
                }
            }
            put(line, &mut y);
            if r.vital_few && p.rows.get(i + 1).is_none_or(|next| !next.vital_few) {
                let label = format!(
                    " {} ",
                    crate::t!(
                        "pareto.reached",
                        p = format!("{:.0}", p.vital_share * 100.0)
                    )
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
        if !rest.is_empty() {
            // The rest, grouped: its value and share, without a bar (it is no one client).
            let label = others(rest.len());
            let m = |s: String| (s, t.muted);
            put(
                cols.line([
                    m(String::new()),
                    m(String::new()),
                    m(label),
                    m(format(rest_value)),
                    m(String::new()),
                    m(format!("{:.1}%", rest_share * 100.0)),
                    m(gauge(1.0, p.vital_share)),
                    m("100%".to_string()),
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
