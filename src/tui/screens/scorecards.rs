//! The scorecards screen: the portfolio ranked, and the selected client's card with every
//! metric, the dealbreakers and their evidence, the trend and the reasons (guide O1).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, HighlightSpacing, Paragraph, Row, Table, TableState};

use super::Look;
use super::clients::{band_style, flags_line, score_line};
use crate::domain::pareto::hours_text;
use crate::domain::score::card::Change;
use crate::domain::score::card::{change_text, number, points, reason_text, tenths};
use crate::domain::score::{MetricKey, NoScore, Scorecard, sparkline};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::text::{band, incident, metric, pad, status, truncate};
use crate::tui::widgets::decision::outcome_style;
use crate::tui::widgets::trend::TrendChart;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let (list, card_area) = layout::scorecards(area);
    if list.width > 0 {
        draw_list(frame, list, app, look);
    }
    let scores = &app.scores;
    let card = app
        .selected_card()
        .and_then(|c| scores.position(c.client).map(|i| (c, i)));
    match card {
        Some((card, i)) => {
            let position = crate::t!("scorecards.position", n = i + 1, all = scores.cards.len());
            draw_card(frame, card_area, card, app, look, &position)
        }
        None => draw_no_card(frame, card_area, app, look),
    }
}

/// In place of a card: the selected client has none (a former client), or nobody is scored.
fn draw_no_card(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let row = app.selected.and_then(|id| app.clients.row(id));
    let width = usize::from(area.width.saturating_sub(4));
    let (title, lines) = match row {
        _ if app.scoring => (
            crate::t!("screens.scorecards"),
            vec![Line::styled(crate::t!("scorecards.scoring"), t.muted)],
        ),
        Some(r) => (
            r.client.fields.name.as_str(),
            vec![
                Line::styled(
                    crate::t!(
                        "scorecards.no_card",
                        name = r.client.fields.name,
                        status = status(r.client.fields.status)
                    ),
                    t.muted,
                ),
                Line::styled(crate::t!("scorecards.no_card_keys"), t.muted),
            ],
        ),
        None => (
            crate::t!("screens.scorecards"),
            vec![Line::styled(crate::t!("scorecards.none_yet"), t.muted)],
        ),
    };
    let mut text = vec![Line::raw("")];
    text.extend(lines);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            format!(" {} ", truncate(title, width)),
            t.title,
        ));
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .centered()
            .wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

fn heading(app: &App, look: &Look) -> String {
    format!(
        " {} ",
        crate::t!(
            "scorecards.heading",
            date = look.date(app.scores.as_of),
            days = app.scores.window_days
        )
    )
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let name_w = area.width.saturating_sub(2 + 1 + 3 + 6 + 12 + 13 + 4);
    let rows: Vec<Row> = app
        .scores
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Row::new(vec![
                Line::from(format!("{}", i + 1)).right_aligned(),
                Line::from(truncate(&c.name, name_w.into())),
                score_line(Some(c), look),
                Line::styled(sparkline(&c.trend), t.accent),
                flags_line(Some(c), app.pareto.r1.contains(&c.client), look),
            ])
        })
        .collect();
    let header = Row::new(vec![
        "#",
        crate::t!("scorecards.col.client"),
        crate::t!("clients.col.score"),
        crate::t!("clients.col.trend"),
        crate::t!("clients.col.flags"),
    ])
    .style(t.header);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(vec![
            Span::styled(format!(" {} ", crate::t!("scorecards.ranked")), t.title),
            Span::styled(heading(app, look), t.muted),
        ]);
    let table = Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Length(name_w),
            Constraint::Length(6),
            Constraint::Length(12),
            Constraint::Length(13),
        ],
    )
    .header(header)
    .block(block)
    .column_spacing(1)
    .row_highlight_style(t.selected)
    .highlight_symbol("›")
    .highlight_spacing(HighlightSpacing::Always);
    let cursor = app.scores.cursor;
    let holds = app.scores.selected().map(|c| c.client) == app.selected;
    let mut state = TableState::default()
        .with_offset(cursor.offset)
        .with_selected(holds.then_some(cursor.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

fn draw_card(frame: &mut Frame, area: Rect, c: &Scorecard, app: &App, look: &Look, position: &str) {
    let t = &look.theme;
    // The name takes the room the position and the heading leave, cut by display width.
    let position = if layout::scorecards(area).0.width == 0 || area.width < 100 {
        format!("({position}) ")
    } else {
        String::new()
    };
    let heading = heading(app, look);
    let room = usize::from(area.width.saturating_sub(3));
    let name_room = room.saturating_sub(position.width() + heading.width() + 2);
    let title = vec![
        Span::styled(
            format!(" {} ", truncate(&c.name, name_room.max(8))),
            t.title,
        ),
        Span::styled(position, t.muted),
        Span::styled(heading, t.muted),
    ];
    let title = fit_spans(title, room);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);

    let mut top: Vec<Line> = Vec::new();
    let score = match (c.grade, c.score()) {
        (Some(g), Some(s)) => format!("{} {}", g.as_str(), points(s)),
        _ if c.no_score == Some(NoScore::Former) => crate::t!("scorecards.no_score_former").into(),
        _ => crate::t!(
            "scorecards.no_score_window",
            days = c.window_days,
            date = look.date(c.as_of)
        ),
    };
    let mut first = vec![
        Span::styled(format!("{} ", crate::t!("clients.label.score")), t.muted),
        Span::styled(score, band_style(c.band, look)),
    ];
    if let Some(b) = c.band {
        first.push(Span::styled(format!(" ({})", band(b)), t.muted));
    }
    if let Some(ch) = &c.change {
        first.push(Span::raw(format!(
            "   {}",
            crate::t!(
                "clients.change_since",
                change = change_text(ch.delta),
                date = look.date(ch.since)
            )
        )));
    }
    // The alert and the revenue note go on a line of their own when the first is full.
    let mut second: Vec<Span> = Vec::new();
    if let Some(drop) = c.alert {
        second.push(Span::styled(
            format!(
                "   {}",
                crate::t!("scorecards.alert", points = format!("{drop:.0}"))
            ),
            t.warn,
        ));
    }
    if c.metrics.revenue_from_mrr {
        second.push(Span::styled(
            format!("   {}", crate::t!("scorecards.revenue_from_mrr")),
            t.muted,
        ));
    }
    let wide = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    if wide(&first) + wide(&second) <= width {
        first.append(&mut second);
        top.push(Line::from(first));
    } else {
        top.push(Line::from(fit_spans(first, width)));
        if let Some(s) = second.first_mut() {
            s.content = s.content.trim_start().to_string().into();
        }
        top.push(Line::from(fit_spans(second, width)));
    }

    // The metrics: raw value, the scored (size-fair) value, a sub-score bar, the weight.
    let (lw, vw, nw, bw) = (18usize, 9usize, 9usize, 10usize);
    top.push(Line::styled(
        truncate(
            &format!(
                "{}{}{}{}      {}",
                pad(crate::t!("scorecards.col.metric"), lw),
                pad(crate::t!("scorecards.col.value"), vw),
                pad(crate::t!("scorecards.col.scored"), nw),
                pad(crate::t!("scorecards.col.subscore"), bw),
                crate::t!("scorecards.col.weight")
            ),
            width,
        ),
        t.header,
    ));
    for p in &c.scored.parts {
        let value = p.value.map_or("-".to_string(), |v| fmt_value(p.key, v));
        let scored = p.normalized.map_or("-".to_string(), number);
        let mut spans = vec![
            Span::raw(pad(metric(p.key), lw)),
            Span::raw(pad(&value, vw)),
            Span::raw(pad(&scored, nw)),
        ];
        match p.subscore {
            Some(s) => {
                let filled = ((s / 100.0) * bw as f64).round() as usize;
                let style = band_style(Some(crate::domain::score::Band::of(s)), look);
                spans.push(Span::styled("█".repeat(filled), style));
                spans.push(Span::styled("░".repeat(bw - filled), t.muted));
                spans.push(Span::raw(format!(" {s:>3.0}  ")));
                spans.push(Span::raw(number(p.weight)));
            }
            None if p.key == MetricKey::MarginPct && app.scores.rules.hourly_cost_cents == 0 => {
                spans.push(Span::styled(
                    crate::t!("scorecards.no_labour_cost"),
                    t.muted,
                ))
            }
            None => spans.push(Span::styled(crate::t!("scorecards.no_data"), t.muted)),
        }
        top.push(Line::from(spans));
    }
    top.extend(other_facts(c, look, width));
    // The latest decision about the client, on one line.
    if let Some(d) = app.decisions.of_client(c.client).next() {
        let label = crate::words::say::outcome(d.chosen);
        let rest = format!(
            " {}",
            crate::t!(
                "scorecards.decided_on",
                date = look.date(d.decided_on),
                why = crate::words::say::decision_why(d, &look.currency)
            )
        );
        let decided = format!("{} ", crate::t!("scorecards.decided"));
        top.push(Line::from(vec![
            Span::styled(decided.clone(), t.muted),
            Span::styled(label, outcome_style(d.chosen, &look.theme)),
            Span::raw(truncate(
                &rest,
                width.saturating_sub(decided.width() + label.width()),
            )),
        ]));
    }

    let mut bottom: Vec<Line> = Vec::new();
    for (k, lost) in &c.reasons {
        bottom.push(Line::from(truncate(
            &crate::t!(
                "scorecards.why",
                reason = reason_text(c, *k, *lost, &app.scores.rules)
            ),
            width,
        )));
    }
    if let Some(ch) = &c.change
        && !ch.parts.is_empty()
    {
        bottom.push(Line::from(change_line(ch, look, width)));
    }

    // The dealbreakers with their evidence, as many lines each as the room allows (1 to 3).
    if c.flags.is_empty() {
        top.push(Line::from(vec![
            Span::styled(
                format!("{} ", crate::t!("scorecards.dealbreakers")),
                t.muted,
            ),
            Span::raw(crate::t!("scorecards.none")),
        ]));
    } else {
        let room = usize::from(inner.height).saturating_sub(top.len() + bottom.len() + 1);
        let each = (room / c.flags.len()).clamp(1, 3);
        for f in &c.flags {
            let head = format!(
                "{} {}: ",
                f.code.code(),
                crate::words::say::dealbreaker(f.code)
            );
            let evidence: Vec<String> = f
                .evidence
                .iter()
                .map(crate::words::say::flag_evidence)
                .collect();
            for line in wrap(&head, &evidence, width, each) {
                top.push(Line::styled(line, t.error));
            }
        }
    }

    let used = (top.len() + bottom.len()) as u16;
    let room = inner.height.saturating_sub(used);
    let top_h = (top.len() as u16).min(inner.height);
    frame.render_widget(
        Paragraph::new(top),
        Rect {
            height: top_h,
            ..inner
        },
    );
    let mut y = inner.y + top_h;
    if room >= 4 {
        let h = room.min(7);
        let chart = Rect::new(inner.x, y, inner.width.min(48), h);
        frame.render_widget(
            TrendChart {
                scores: &c.trend,
                dates: &c.trend_dates,
                bar: t.accent,
                label: t.muted,
            },
            chart,
        );
        y += h;
    } else if room >= 1 {
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{} ", crate::t!("clients.col.trend")), t.muted),
                Span::styled(sparkline(&c.trend), t.accent),
            ])),
            Rect::new(inner.x, y, inner.width, 1),
        );
        y += 1;
    }
    let left = (inner.y + inner.height).saturating_sub(y);
    frame.render_widget(
        Paragraph::new(bottom),
        Rect::new(inner.x, y, inner.width, left),
    );
}

/// The spans cut to `width` columns (by display width), the last one shown ending in "…"
/// when something was cut.
fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut left = width;
    let mut out = Vec::new();
    for s in spans {
        if left == 0 {
            break;
        }
        let text = truncate(&s.content, left);
        left = left.saturating_sub(text.width());
        out.push(Span::styled(text, s.style));
    }
    out
}

/// "Since 2026-03-31: -10.0 = days to pay -6.0, reopen rate -2.5, … 2 more -1.5": what
/// moved the score, biggest first, as many parts as fit in `width`; the parts left out are
/// counted and summed, so the line always adds up.
fn change_line(ch: &Change, look: &Look, width: usize) -> String {
    let values: Vec<f64> = ch.parts.iter().map(|(_, p)| *p).collect();
    let (total, shown) = tenths(ch.delta, &values);
    let head = crate::t!(
        "scorecards.change_head",
        date = look.date(ch.since),
        total = signed_tenths(total)
    );
    let parts: Vec<String> = ch
        .parts
        .iter()
        .zip(&shown)
        .map(|((k, _), p)| format!("{} {}", metric(*k), signed_tenths(*p)))
        .collect();
    let line = |n: usize| {
        let mut body = parts[..n].to_vec();
        let left = &shown[n..];
        if !left.is_empty() {
            let sum = signed_tenths(left.iter().sum());
            body.push(if n == 0 {
                crate::t!("scorecards.change_parts", n = left.len(), sum = sum)
            } else {
                crate::t!("scorecards.change_more", n = left.len(), sum = sum)
            });
        }
        format!("{head}{}", body.join(", "))
    };
    let n = (0..=parts.len())
        .rev()
        .find(|&n| line(n).width() <= width)
        .unwrap_or(0);
    truncate(&line(n), width)
}

/// Tenths as a signed number with one decimal: -63 reads "-6.3", 0 "+0.0".
fn signed_tenths(t: i64) -> String {
    let sign = if t < 0 { '-' } else { '+' };
    format!("{sign}{}.{}", t.unsigned_abs() / 10, t.unsigned_abs() % 10)
}

/// The facts that are not scored but matter: money and time, advice and incidents.
fn other_facts<'a>(c: &Scorecard, look: &Look, width: usize) -> Vec<Line<'a>> {
    let t = &look.theme;
    let m = &c.metrics;
    let revenue = crate::domain::Cents(m.revenue_cents).display_whole(&look.currency);
    let hours = hours_text(m.hours);
    let mut money = if m.revenue_from_mrr {
        crate::t!(
            "scorecards.money_from_mrr",
            revenue = revenue,
            hours = hours
        )
    } else {
        crate::t!("scorecards.money", revenue = revenue, hours = hours)
    };
    if let Some(rate) = m.effective_rate_cents {
        money.push_str(&format!(
            " · {}",
            crate::t!(
                "pareto.per_hour",
                money = crate::domain::Cents(rate).display_whole(&look.currency)
            )
        ));
    }
    money.push_str(&format!(
        " · {}",
        crate::tn!("scorecards.late_payments", m.late_payments)
    ));
    let kinds: Vec<String> = crate::domain::IncidentKind::ALL
        .iter()
        .filter(|k| m.incidents.get(**k) > 0)
        .map(|k| format!("{} {}", incident(*k), m.incidents.get(*k)))
        .collect();
    let advice = crate::t!(
        "scorecards.advice",
        implemented = m.implemented_recommendations,
        ignored = m.ignored_recommendations,
        incidents = if kinds.is_empty() {
            crate::t!("scorecards.none").to_string()
        } else {
            kinds.join(", ")
        }
    );
    let labels = [
        crate::t!("scorecards.window"),
        crate::t!("scorecards.advice_label"),
    ];
    let label_w = labels
        .iter()
        .map(|l| l.width() + 2)
        .max()
        .unwrap_or(8)
        .max(8);
    vec![
        Line::from(vec![
            Span::styled(pad(labels[0], label_w), t.muted),
            Span::raw(truncate(&money, width.saturating_sub(label_w))),
        ]),
        Line::from(vec![
            Span::styled(pad(labels[1], label_w), t.muted),
            Span::raw(truncate(&advice, width.saturating_sub(label_w))),
        ]),
    ]
}

/// `head` then the items joined by "; ", filled into at most `max` lines of `width`; the
/// last line ends in "…" when items did not fit.
fn wrap(head: &str, items: &[String], width: usize, max: usize) -> Vec<String> {
    let mut lines = vec![head.to_string()];
    for (i, item) in items.iter().enumerate() {
        let sep = if i == 0 { "" } else { "; " };
        let last = lines.len() - 1;
        if lines[last].chars().count() + sep.len() + item.chars().count() <= width {
            lines[last].push_str(sep);
            lines[last].push_str(item);
        } else if lines.len() < max {
            lines.push(format!("  {item}"));
        } else {
            lines[last] = truncate(&format!("{}{sep}{item}", lines[last]), width);
            break;
        }
    }
    lines.into_iter().map(|l| truncate(&l, width)).collect()
}

/// A raw value in its own unit.
fn fmt_value(k: MetricKey, v: f64) -> String {
    match k {
        MetricKey::ReopenRate | MetricKey::IgnoredRatio => format!("{:.0}%", v * 100.0),
        MetricKey::MarginPct => format!("{v:.0}%"),
        MetricKey::AvgDaysToPay => format!("{v:.0} d"),
        _ => number(v),
    }
}
