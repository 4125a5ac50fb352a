//! The Pareto screen (guide R1, C1): who brings the revenue, who brings the work, the
//! value/effort map, and what dropping the marked clients would do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph};

use super::Look;
use crate::domain::Cents;
use crate::domain::pareto::{Measure, Totals, hours_text, value_effort};
use crate::tui::app::App;
use crate::tui::layout::{self, PARETO_WIDE};
use crate::tui::text::truncate;
use crate::tui::widgets::pareto_chart::ParetoChart;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let (head, charts, panel) = layout::pareto(area);
    draw_head(frame, head, app, look);
    if app.pareto.map {
        draw_map(frame, charts, app, look);
    } else if charts.width >= PARETO_WIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(charts);
        draw_chart(frame, left, app, look, true);
        draw_chart(frame, right, app, look, false);
    } else {
        draw_chart(frame, charts, app, look, true);
    }
    draw_what_if(frame, panel, app, look);
}

fn draw_head(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let p = &app.pareto;
    let w = usize::from(area.width);
    let line = |text: String, style| Line::styled(truncate(&text, w), style);
    if app.scoring {
        let text = " Measuring the clients… the rankings follow in a moment".to_string();
        frame.render_widget(Paragraph::new(line(text, t.muted)), area);
        return;
    }
    let revenue = if p.measure == Measure::Revenue {
        &p.primary
    } else {
        &p.counterpart
    };
    let top = revenue.rows.first();
    // Guide C1: how much rests on the largest clients, in warning colours when too much.
    let concentration = match (top, revenue.concentration(p.rules.concentration_warning)) {
        (_, Some(top)) => line(
            format!(
                " C1: {} carries {:.0}% of revenue (over {:.0}%): can you afford to lose them? Top 5: {:.0}%",
                truncate(&top.client, 24),
                top.share * 100.0,
                p.rules.concentration_warning * 100.0,
                revenue.top5_share * 100.0
            ),
            t.warn,
        ),
        (Some(top), None) => line(
            format!(
                " Largest client {} {:.0}% of revenue · top 5 {:.0}%",
                truncate(&top.client, 24),
                top.share * 100.0,
                revenue.top5_share * 100.0
            ),
            t.muted,
        ),
        (None, None) => Line::default(),
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(format!(" {}", p.primary.headline()), t.title),
            Span::styled(
                format!(
                    " · as of {} · {} days",
                    look.date(app.scores.as_of),
                    p.rules.window_days
                ),
                t.muted,
            ),
        ]),
        line(
            format!(
                " {} · {} R1 candidate{} (vital few for stress or hours, not for revenue)",
                p.counterpart.headline(),
                p.r1.len(),
                if p.r1.len() == 1 { "" } else { "s" }
            ),
            t.muted,
        ),
        concentration,
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_chart(frame: &mut Frame, area: Rect, app: &App, look: &Look, primary: bool) {
    let p = &app.pareto;
    let (ranking, cursor, highlight) = if primary {
        (&p.primary, Some(p.cursor), None)
    } else {
        (&p.counterpart, None, p.selected_id())
    };
    let title = format!(
        "By {}{}",
        ranking.measure.key(),
        if primary { " (m: next measure)" } else { "" }
    );
    frame.render_widget(
        ParetoChart {
            pareto: ranking,
            title,
            cursor,
            highlight,
            r1: &p.r1,
            marks: &app.marks,
            currency: &look.currency,
            theme: &look.theme,
        },
        area,
    );
}

fn draw_map(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let p = &app.pareto;
    let map = value_effort(&p.measures);
    let selected = p.selected_id();
    let n = map.len().max(1) as f64;
    let even = 1.0 / n;
    let xmax = (map.iter().map(|m| m.2).fold(even * 2.0, f64::max) * 1.1).min(1.0);
    let ymax = (map.iter().map(|m| m.1).fold(even * 2.0, f64::max) * 1.1).min(1.0);
    let points = |keep: &dyn Fn(crate::domain::ClientId) -> bool| -> Vec<(f64, f64)> {
        map.iter()
            .filter(|(id, ..)| keep(*id))
            .map(|(_, r, h, _)| (*h, *r))
            .collect()
    };
    let others =
        points(&|id| Some(id) != selected && !p.r1.contains(&id) && !app.marks.contains(&id));
    let r1 = points(&|id| Some(id) != selected && p.r1.contains(&id));
    let marked = points(&|id| Some(id) != selected && app.marks.contains(&id));
    let chosen = points(&|id| Some(id) == selected);
    let vline = vec![(even, 0.0), (even, ymax)];
    let hline = vec![(0.0, even), (xmax, even)];
    let datasets = vec![
        Dataset::default()
            .graph_type(GraphType::Line)
            .marker(Marker::Braille)
            .style(t.border)
            .data(&vline),
        Dataset::default()
            .graph_type(GraphType::Line)
            .marker(Marker::Braille)
            .style(t.border)
            .data(&hline),
        Dataset::default()
            .marker(Marker::Dot)
            .style(t.accent)
            .data(&others),
        Dataset::default()
            .marker(Marker::Dot)
            .style(t.warn)
            .data(&r1),
        Dataset::default()
            .marker(Marker::Dot)
            .style(t.error)
            .data(&marked),
        Dataset::default()
            .marker(Marker::Block)
            .style(t.title)
            .data(&chosen),
    ];
    let name = selected
        .and_then(|id| map.iter().find(|m| m.0 == id).map(|m| (id, m)))
        .and_then(|(id, m)| {
            p.measures.iter().find(|c| c.client == id).map(|c| {
                format!(
                    "{}: {:.0}% of revenue, {:.0}% of hours, {}",
                    c.name,
                    m.1 * 100.0,
                    m.2 * 100.0,
                    m.3.label()
                )
            })
        })
        .unwrap_or_default();
    let pct = |v: f64| {
        if v < 0.1 {
            format!("{:.1}%", v * 100.0)
        } else {
            format!("{:.0}%", v * 100.0)
        }
    };
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(t.border)
                .title(Line::from(vec![
                    Span::styled(" Value/effort map ", t.title),
                    Span::styled(
                        "(up: share of revenue, right: share of hours; lines: an even share) ",
                        t.muted,
                    ),
                ]))
                .title_bottom(Line::from(vec![
                    Span::styled(format!(" █ {name} "), t.title),
                    Span::styled(
                        "· R1 candidates in yellow · marked in red · v: rankings ",
                        t.muted,
                    ),
                ])),
        )
        .x_axis(
            Axis::default()
                .style(t.muted)
                .bounds([0.0, xmax])
                .labels(vec![
                    Span::raw("0%"),
                    Span::raw(format!("{} of the hours", pct(xmax))),
                ]),
        )
        .y_axis(
            Axis::default()
                .style(t.muted)
                .bounds([0.0, ymax])
                .labels(vec![Span::raw("0%"), Span::raw(pct(ymax))]),
        );
    frame.render_widget(chart, area);
    // The quadrants' names, in the plot's corners: right of the y labels, above the x axis.
    let y_label_w = pct(ymax).chars().count() as u16 + 1;
    let inner = Rect {
        x: area.x + 1 + y_label_w + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(3 + y_label_w + 1),
        height: area.height.saturating_sub(4),
    };
    let label = |text: &str, x: u16, y: u16, style: Style| {
        (
            Rect::new(x, y, text.chars().count() as u16, 1),
            text.to_string(),
            style,
        )
    };
    let right = |text: &str| inner.x + inner.width.saturating_sub(text.chars().count() as u16);
    let bottom = inner.y + inner.height.saturating_sub(1);
    for (rect, text, style) in [
        label("worth it", inner.x, inner.y, t.ok),
        label("reprice", right("reprice"), inner.y, t.accent),
        label("grow", inner.x, bottom, t.muted),
        label("let go?", right("let go?"), bottom, t.error),
    ] {
        if rect.width <= inner.width {
            frame.render_widget(Paragraph::new(Span::styled(text, style)), rect);
        }
    }
}

fn draw_what_if(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let w = &app.pareto.what_if;
    let cur = &look.currency;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(" What if ", t.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if w.dropped.is_empty() {
        lines.push(Line::styled(
            truncate(
                "Mark clients with space (here or on 1 Clients) to see what letting them go does. A scenario only: nothing is changed.",
                width,
            ),
            t.muted,
        ));
    } else {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "Without {} ({:.1}% of revenue): ",
                    w.dropped.len(),
                    w.dropped_revenue_share * 100.0
                ),
                t.warn,
            ),
            Span::raw(truncate(&w.dropped.join(", "), width.saturating_sub(40))),
        ]));
    }
    let (b, a) = (&w.before, &w.after);
    let money = |c: i64| Cents(c).display_whole(cur);
    let pct = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}%"));
    let share =
        |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{:.1}%", v * 100.0));
    let rate = |t: &Totals| {
        t.effective_rate_cents
            .map_or_else(|| "-".to_string(), money)
    };
    let pairs = [
        ("revenue", money(b.revenue_cents), money(a.revenue_cents)),
        ("hours", hours_text(b.hours), hours_text(a.hours)),
        (
            "labour cost",
            money(b.labour_cost_cents),
            money(a.labour_cost_cents),
        ),
        ("margin", pct(b.margin_pct), pct(a.margin_pct)),
        ("rate / hour", rate(b), rate(a)),
        (
            "largest client",
            share(b.largest_client_share),
            share(a.largest_client_share),
        ),
    ];
    let col = (width / 2).max(20);
    for pair in pairs.chunks(2) {
        let mut spans = Vec::new();
        for (label, before, after) in pair {
            let text = if w.dropped.is_empty() {
                format!("{label:<15}{before}")
            } else {
                format!("{label:<15}{before} → {after}")
            };
            spans.push(Span::raw(format!(
                "{:<col$}",
                truncate(&text, col.saturating_sub(1))
            )));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
