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
use crate::domain::pareto::{Measure, Pareto, Quadrant, Totals, hours_text, value_effort};
use crate::tui::app::App;
use crate::tui::layout::{self, PARETO_WIDE};
use crate::tui::text::{measure, pad, quadrant, status, truncate};
use crate::tui::widgets::pareto_chart::ParetoChart;
use unicode_width::UnicodeWidthStr;

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
        let text = format!(" {}", crate::t!("pareto.measuring"));
        frame.render_widget(Paragraph::new(line(text, t.muted)), area);
        return;
    }
    let revenue = if p.measure == Measure::Revenue {
        &p.primary
    } else {
        &p.counterpart
    };
    let top = revenue.rows.first();
    // The client's name takes the room the rest of the line leaves: the longest wording
    // (`afters`, longest first) that leaves room for all of it, or else the shortest.
    let named = |before: &str, name: &str, afters: &[String]| {
        let fits = |after: &&String| before.width() + name.width() + after.width() <= w;
        let after = afters
            .iter()
            .find(fits)
            .or(afters.last())
            .map_or("", |a| a.as_str());
        let room = w.saturating_sub(before.width() + after.width()).max(8);
        format!("{before}{}{after}", truncate(name, room))
    };
    // Guide C1: how much rests on the largest clients, in warning colours when too much.
    let concentration = match (top, revenue.concentration(p.rules.concentration_warning)) {
        (_, Some(top)) => {
            let (share, over, top5) = (
                top.share * 100.0,
                p.rules.concentration_warning * 100.0,
                revenue.top5_share * 100.0,
            );
            line(
                named(
                    " C1: ",
                    &top.client,
                    &[
                        format!(
                            " {}",
                            crate::t!(
                                "pareto.c1_long",
                                share = format!("{share:.0}"),
                                over = format!("{over:.0}"),
                                top5 = format!("{top5:.0}")
                            )
                        ),
                        format!(
                            " {}",
                            crate::t!(
                                "pareto.c1_short",
                                share = format!("{share:.0}"),
                                over = format!("{over:.0}"),
                                top5 = format!("{top5:.0}")
                            )
                        ),
                    ],
                ),
                t.warn,
            )
        }
        (Some(top), None) => line(
            named(
                &format!(" {} ", crate::t!("pareto.largest")),
                &top.client,
                &[format!(
                    " {}",
                    crate::t!(
                        "pareto.largest_share",
                        share = format!("{:.0}", top.share * 100.0),
                        top5 = format!("{:.0}", revenue.top5_share * 100.0)
                    )
                )],
            ),
            t.muted,
        ),
        (None, None) => Line::default(),
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(format!(" {}", headline(&p.primary)), t.title),
            Span::styled(
                format!(
                    " · {}",
                    crate::t!(
                        "scorecards.heading",
                        date = look.date(app.scores.as_of),
                        days = p.rules.window_days
                    )
                ),
                t.muted,
            ),
        ]),
        line(
            format!(
                " {} · {}",
                headline(&p.counterpart),
                crate::tn!("pareto.r1_candidates", p.r1.len())
            ),
            t.muted,
        ),
        concentration,
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The ranking in one sentence: "2 of 5 clients (40%) bring 80% of the revenue".
pub fn headline(p: &Pareto) -> String {
    let n = p.rows.len();
    if n == 0 {
        return crate::t!("pareto.headline.empty").into();
    }
    if p.total <= 0.0 {
        return crate::tn!("pareto.headline.nothing", n, measure = measure(p.measure));
    }
    let k = p.vital_few_count;
    let clients = crate::tn!("pareto.clients", n);
    let share = format!("{:.0}", p.vital_few_share_of_clients * 100.0);
    let pct = format!("{:.0}%", p.vital_share * 100.0);
    match p.measure {
        Measure::Revenue => {
            crate::tn!(
                "pareto.headline.revenue",
                k,
                clients = clients,
                share = share,
                p = pct
            )
        }
        Measure::Hours => {
            crate::tn!(
                "pareto.headline.hours",
                k,
                clients = clients,
                share = share,
                p = pct
            )
        }
        Measure::Tickets => {
            crate::tn!(
                "pareto.headline.tickets",
                k,
                clients = clients,
                share = share,
                p = pct
            )
        }
        Measure::Stress => {
            crate::tn!(
                "pareto.headline.stress",
                k,
                clients = clients,
                share = share,
                p = pct
            )
        }
    }
}

fn draw_chart(frame: &mut Frame, area: Rect, app: &App, look: &Look, primary: bool) {
    let p = &app.pareto;
    let (ranking, cursor) = if primary {
        (&p.primary, Some(p.cursor))
    } else {
        (&p.counterpart, None)
    };
    // The selected client is the app's: when it is not ranked (a former client, a
    // prospect), the chart says so rather than seem to select another.
    let note = app
        .selected
        .filter(|id| primary && p.position(*id).is_none())
        .and_then(|id| app.clients.row(id))
        .map(|r| {
            crate::t!(
                "pareto.not_ranked",
                name = r.client.fields.name,
                status = status(r.client.fields.status)
            )
        });
    let by = measure(ranking.measure);
    let title = if primary {
        crate::t!("pareto.by_next", measure = by)
    } else {
        crate::t!("pareto.by", measure = by)
    };
    frame.render_widget(
        ParetoChart {
            pareto: ranking,
            title,
            cursor,
            highlight: app.selected,
            note,
            r1: &p.r1,
            marks: &app.marks,
            currency: &look.currency,
            theme: &look.theme,
        },
        area,
    );
}

/// How far the map reaches either side of the portfolio's rate: a quarter of it to four
/// times it, on a log scale so that half and twice the rate are as far from the line.
const RATE_SPAN: f64 = 2.0;

/// Where a client's rate against the portfolio's sits on the map's x axis: log2 of it,
/// clamped to the span; a client without hours (nothing to pay for) at the right edge.
fn rate_x(relative: Option<f64>) -> f64 {
    relative.map_or(RATE_SPAN, |r| {
        if r > 0.0 {
            r.log2().clamp(-RATE_SPAN, RATE_SPAN)
        } else {
            -RATE_SPAN
        }
    })
}

fn draw_map(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let p = &app.pareto;
    let map = value_effort(&p.measures);
    let selected = app.selected;
    let big = map.big_from;
    let ymax = (map
        .points
        .iter()
        .map(|m| m.revenue_share)
        .fold(big * 2.0, f64::max)
        * 1.1)
        .min(1.0);
    let points = |keep: &dyn Fn(crate::domain::ClientId) -> bool| -> Vec<(f64, f64)> {
        map.points
            .iter()
            .filter(|m| keep(m.client))
            .map(|m| (rate_x(m.relative_rate), m.revenue_share))
            .collect()
    };
    let others =
        points(&|id| Some(id) != selected && !p.r1.contains(&id) && !app.marks.contains(&id));
    let r1 = points(&|id| Some(id) != selected && p.r1.contains(&id));
    let marked = points(&|id| Some(id) != selected && app.marks.contains(&id));
    let chosen = points(&|id| Some(id) == selected);
    // The portfolio's rate (up the middle) and an even share of the revenue (across).
    let vline = vec![(0.0, 0.0), (0.0, ymax)];
    let hline = vec![(-RATE_SPAN, big), (RATE_SPAN, big)];
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
    let money = |c: i64| Cents(c).display_whole(&look.currency);
    let rate = |c: Option<i64>| {
        c.map_or_else(
            || crate::t!("pareto.no_hours").to_string(),
            |c| crate::t!("pareto.per_hour", money = money(c)),
        )
    };
    let name = selected
        .and_then(|id| map.points.iter().find(|m| m.client == id))
        .and_then(|m| {
            p.measures.iter().find(|c| c.client == m.client).map(|c| {
                crate::t!(
                    "pareto.map_point",
                    name = c.name,
                    share = format!("{:.0}", m.revenue_share * 100.0),
                    rate = rate(m.rate_cents),
                    quadrant = quadrant(m.quadrant)
                )
            })
        })
        .or_else(|| {
            // The selected client is not measured: a former client or a prospect.
            let r = selected.and_then(|id| app.clients.row(id))?;
            let f = &r.client.fields;
            Some(crate::t!(
                "pareto.not_on_map",
                name = f.name,
                status = status(f.status)
            ))
        })
        .unwrap_or_default();
    let pct = |v: f64| {
        if v < 0.1 {
            format!("{:.1}%", v * 100.0)
        } else {
            format!("{:.0}%", v * 100.0)
        }
    };
    // The titles are cut to the border, by display width.
    let room = usize::from(area.width.saturating_sub(4));
    let title = format!(" {} ", crate::t!("pareto.map_title"));
    let legend = truncate(
        &format!(
            "{} ",
            crate::t!(
                "pareto.map_legend",
                big = pct(big),
                rate = rate(map.rate_cents)
            )
        ),
        room.saturating_sub(title.width()),
    );
    let name = truncate(&format!(" █ {name} "), room);
    let key = truncate(
        &format!("{} ", crate::t!("pareto.map_key")),
        room.saturating_sub(name.width()),
    );
    // The plot: right of the y labels, above the x axis.
    let y_label_w = pct(ymax).chars().count() as u16 + 1;
    let inner = Rect {
        x: area.x + 1 + y_label_w + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(3 + y_label_w + 1),
        height: area.height.saturating_sub(4),
    };
    // A row's worth of room below 0% and above the top, so that no point lands on the first
    // or last row, where the quadrants' names go.
    let pad = if inner.height > 3 {
        ymax / f64::from(inner.height - 3) * 1.01
    } else {
        0.0
    };
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(t.border)
                .title(Line::from(vec![
                    Span::styled(title, t.title),
                    Span::styled(legend, t.muted),
                ]))
                .title_bottom(Line::from(vec![
                    Span::styled(name, t.title),
                    Span::styled(key, t.muted),
                ])),
        )
        .x_axis(
            Axis::default()
                .style(t.muted)
                .bounds([-RATE_SPAN, RATE_SPAN])
                .labels(vec![
                    Span::raw(crate::t!("pareto.quarter_rate")),
                    Span::raw(rate(map.rate_cents)),
                    Span::raw(crate::t!("pareto.four_times_rate")),
                ]),
        )
        .y_axis(
            Axis::default()
                .style(t.muted)
                .bounds([-pad, ymax + pad])
                .labels(vec![Span::raw("0%"), Span::raw(pct(ymax))]),
        );
    frame.render_widget(chart, area);
    // The quadrants' names, in the plot's corners (big is up, earning more than the portfolio
    // is right), on the rows the padding keeps free of points.
    let label = |text: &str, x: u16, y: u16, style: Style| {
        (
            Rect::new(x, y, text.width() as u16, 1),
            text.to_string(),
            style,
        )
    };
    let right = |text: &str| inner.x + inner.width.saturating_sub(text.width() as u16);
    let bottom = inner.y + inner.height.saturating_sub(1);
    let mut corners = [
        crate::t!("pareto.corner.reprice"),
        crate::t!("pareto.corner.worth_it"),
        crate::t!("pareto.corner.let_go"),
        crate::t!("pareto.corner.grow"),
    ];
    // Where the two names of a row do not fit side by side (longer words), the quadrants'
    // names alone.
    let fits = |a: &str, b: &str| a.width() + 1 + b.width() <= usize::from(inner.width);
    if !fits(corners[0], corners[1]) || !fits(corners[2], corners[3]) {
        corners = [
            quadrant(Quadrant::Reprice),
            quadrant(Quadrant::WorthIt),
            quadrant(Quadrant::LetGo),
            quadrant(Quadrant::Grow),
        ];
    }
    let [reprice, worth_it, let_go, grow] = corners;
    for (rect, text, style) in [
        label(reprice, inner.x, inner.y, t.accent),
        label(worth_it, right(worth_it), inner.y, t.ok),
        label(let_go, inner.x, bottom, t.error),
        label(grow, right(grow), bottom, t.muted),
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
        .title(Span::styled(
            format!(" {} ", crate::t!("pareto.what_if")),
            t.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if w.dropped.is_empty() {
        lines.push(Line::styled(
            truncate(crate::t!("pareto.what_if_how"), width),
            t.muted,
        ));
    } else {
        lines.push(Line::from(vec![
            Span::styled(
                crate::t!(
                    "pareto.without",
                    n = w.dropped.len(),
                    share = format!("{:.1}", w.dropped_revenue_share * 100.0)
                ),
                t.warn,
            ),
            Span::raw(truncate(&w.dropped.join(", "), width.saturating_sub(40))),
        ]));
    }
    let (b, a) = (&w.before, &w.after);
    let money = |c: i64| Cents(c).display_whole(cur);
    // Unknown (no labour cost in the config) reads "-", as the margin does.
    let opt_money = |c: Option<i64>| c.map_or_else(|| "-".to_string(), money);
    let pct = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}%"));
    let share =
        |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{:.1}%", v * 100.0));
    let rate = |t: &Totals| opt_money(t.effective_rate_cents);
    let pairs = [
        (
            crate::t!("pareto.row.revenue"),
            money(b.revenue_cents),
            money(a.revenue_cents),
        ),
        (
            crate::t!("pareto.row.hours"),
            hours_text(b.hours),
            hours_text(a.hours),
        ),
        (
            crate::t!("pareto.row.labour_cost"),
            opt_money(b.labour_cost_cents),
            opt_money(a.labour_cost_cents),
        ),
        (
            crate::t!("pareto.row.margin"),
            pct(b.margin_pct),
            pct(a.margin_pct),
        ),
        (crate::t!("pareto.row.rate"), rate(b), rate(a)),
        (
            crate::t!("pareto.row.largest"),
            share(b.largest_client_share),
            share(a.largest_client_share),
        ),
    ];
    let col = (width / 2).max(20);
    for pair in pairs.chunks(2) {
        let mut spans = Vec::new();
        for (label, before, after) in pair {
            let label = pad(label, 15);
            let text = if w.dropped.is_empty() {
                format!("{label}{before}")
            } else {
                format!("{label}{before} → {after}")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ClientId;
    use crate::domain::pareto::{ClientMeasures, pareto};
    use crate::words::{Lang, with_language};

    fn measures(n: usize) -> Vec<ClientMeasures> {
        (0..n)
            .map(|i| ClientMeasures {
                client: ClientId(i as i64 + 1),
                name: format!("Client {i}"),
                revenue_cents: if i == 0 { 900_000 } else { 10_000 },
                revenue_from_mrr: false,
                minutes: 60 * (i as u64 + 1),
                tickets: if i == 0 { 0 } else { 3 },
                stress: 0.0,
            })
            .collect()
    }

    /// The screen's headline is, in English, the domain's to the letter (the CLI says it
    /// too), for every measure, one client or many, and nothing to share.
    #[test]
    fn the_headline_reads_in_english_as_the_domain_says_it() {
        with_language(Lang::En, || {
            for n in [0, 1, 2, 7] {
                for m in Measure::ALL {
                    let p = pareto(&measures(n), m, 0.8);
                    assert_eq!(headline(&p), p.headline(), "{n} {m:?}");
                }
            }
        });
    }

    #[test]
    fn the_headline_reads_in_dutch() {
        with_language(Lang::Nl, || {
            let p = pareto(&measures(7), Measure::Revenue, 0.8);
            assert_eq!(
                headline(&p),
                "1 van 7 klanten (14%) levert 80% van de omzet"
            );
            let p = pareto(&measures(2), Measure::Stress, 0.8);
            assert_eq!(
                headline(&p),
                "geen van 2 klanten heeft stress in dit venster"
            );
        });
    }
}
