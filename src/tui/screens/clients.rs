//! The clients screen: the table of clients and the selected client's detail pane.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, HighlightSpacing, Paragraph, Row, Table, TableState, Wrap,
};

use super::Look;
use crate::domain::decide::decision::Decision;
use crate::domain::score::card::{change_text, points};
use crate::domain::score::{Band, Scorecard, sparkline};
use crate::domain::{Client, ClientStatus, EventKind, TimelineEvent};
use crate::tui::app::{App, SortKey};
use crate::tui::layout;
use crate::tui::text::{event_summary, pad, status, truncate, wrap_spans};
use crate::tui::widgets::decision::outcome_style;
use unicode_width::UnicodeWidthStr;

/// A column of the clients table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Score,
    Trend,
    Flags,
    Status,
    Mrr,
    Tickets,
    LastSeen,
    Ends,
    Seats,
}

/// What a column looks like and how it gives way: columns with a drop rank are left out,
/// lowest rank first, when the terminal is too narrow for all of them; the name takes what
/// is left.
struct Column {
    col: Col,
    /// The name of its title in the words catalog.
    title: &'static str,
    sorts: &'static [SortKey],
    /// 0 for the name: the rest of the width.
    width: u16,
    /// `u8::MAX`: never left out.
    drop: u8,
    right: bool,
}

const NAME_MIN: u16 = 22;

impl Column {
    /// The column's width, given the widest MRR in the list (0 for the name): at least as
    /// wide as its title in the language in force, and the arrow when it sorts.
    fn width_with(&self, mrr: u16) -> u16 {
        let title = match self.col {
            Col::Name => 0,
            _ => self.title_width(),
        };
        match self.col {
            Col::Mrr => self.width.max(mrr).max(title),
            // As wide as the longest status in the language in force.
            Col::Status => {
                let widest = [
                    ClientStatus::Active,
                    ClientStatus::Prospect,
                    ClientStatus::Former,
                ]
                .map(|s| status(s).width())
                .into_iter()
                .max()
                .unwrap_or(0);
                self.width
                    .max(title)
                    .max(u16::try_from(widest).unwrap_or(u16::MAX))
            }
            _ => self.width.max(title),
        }
    }

    /// The title's width, with room for the sort arrow when the column sorts.
    fn title_width(&self) -> u16 {
        let arrow = u16::from(!self.sorts.is_empty());
        let widest = match self.col {
            // The score column's title says "Grade" when it sorts by grade.
            Col::Score => crate::words::get(self.title)
                .width()
                .max(crate::t!("clients.col.grade").width()),
            _ => crate::words::get(self.title).width(),
        };
        u16::try_from(widest).unwrap_or(u16::MAX) + arrow
    }
}

const fn column(
    col: Col,
    title: &'static str,
    sorts: &'static [SortKey],
    width: u16,
    drop: u8,
    right: bool,
) -> Column {
    Column {
        col,
        title,
        sorts,
        width,
        drop,
        right,
    }
}

const KEEP: u8 = u8::MAX;

const COLUMNS: [Column; 10] = [
    column(
        Col::Name,
        "clients.col.name",
        &[SortKey::Name],
        0,
        KEEP,
        false,
    ),
    column(
        Col::Score,
        "clients.col.score",
        &[SortKey::Score, SortKey::Grade],
        6,
        KEEP,
        false,
    ),
    column(
        Col::Trend,
        "clients.col.trend",
        &[SortKey::Change],
        12,
        5,
        false,
    ),
    column(Col::Flags, "clients.col.flags", &[], 13, KEEP, false),
    column(
        Col::Status,
        "clients.col.status",
        &[SortKey::Status],
        8,
        3,
        false,
    ),
    column(Col::Mrr, "clients.col.mrr", &[SortKey::Mrr], 5, KEEP, true),
    column(
        Col::Tickets,
        "clients.col.tickets",
        &[SortKey::Tickets],
        8,
        4,
        true,
    ),
    column(
        Col::LastSeen,
        "clients.col.last_seen",
        &[SortKey::LastActivity],
        10,
        2,
        false,
    ),
    column(
        Col::Ends,
        "clients.col.ends",
        &[SortKey::ContractEnd],
        10,
        1,
        false,
    ),
    column(
        Col::Seats,
        "clients.col.seats",
        &[SortKey::Seats],
        6,
        0,
        true,
    ),
];

/// The columns that fit in `width` cells (borders and the selection mark included), and
/// the name column's width. The column the list is sorted by is never left out: it shows
/// the order (and its arrow).
/// `mrr` is the widest amount in the list: the MRR column is as wide as its amounts (its
/// `width` the least, for the title and its arrow).
fn fitting(width: u16, sort: SortKey, mrr: u16) -> (Vec<&'static Column>, u16) {
    let mut cols: Vec<&Column> = COLUMNS.iter().collect();
    let room = width.saturating_sub(3);
    loop {
        let fixed: u16 =
            cols.iter().map(|c| c.width_with(mrr)).sum::<u16>() + cols.len() as u16 - 1;
        if fixed + NAME_MIN <= room {
            return (cols, room - fixed);
        }
        match cols
            .iter()
            .enumerate()
            .filter(|(_, c)| c.drop != KEEP && !c.sorts.contains(&sort))
            .min_by_key(|(_, c)| c.drop)
        {
            Some((i, _)) => {
                cols.remove(i);
            }
            None => return (cols, NAME_MIN.min(room)),
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let (table_area, detail_area) = layout::clients(area);
    draw_table(frame, table_area, app, look);
    draw_detail(frame, detail_area, app, look);
}

fn draw_table(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let list = &app.clients;
    let arrow = if list.sort_desc { "▼" } else { "▲" };
    let mrr_w = list
        .rows
        .iter()
        .map(|r| r.client.fields.mrr.display_whole(&look.currency).width())
        .max()
        .unwrap_or(0);
    let mrr_w_cells = u16::try_from(mrr_w).unwrap_or(u16::MAX);
    let (cols, name_w) = fitting(area.width, list.sort, mrr_w_cells);
    let header = Row::new(cols.iter().map(|c| {
        // The score column sorts by score or by grade: its title says which.
        let title = match (c.col, list.sort) {
            (Col::Score, SortKey::Grade) => crate::t!("clients.col.grade"),
            _ => crate::words::get(c.title),
        };
        let text = if c.sorts.contains(&list.sort) {
            format!("{title}{arrow}")
        } else {
            title.to_string()
        };
        // Titles sit over their values: numbers' on the right.
        let line = Line::from(text);
        Cell::from(if c.right { line.right_aligned() } else { line })
    }))
    .style(t.header);
    let widths: Vec<Constraint> = cols
        .iter()
        .map(|c| {
            Constraint::Length(match c.col {
                Col::Name => name_w,
                _ => c.width_with(mrr_w_cells),
            })
        })
        .collect();
    let date =
        |d: Option<NaiveDate>| d.map_or_else(|| "-".to_string(), |d| truncate(&look.date(d), 10));
    let rows = list.view.iter().map(|&i| {
        let r = &list.rows[i];
        let f = &r.client.fields;
        let card = app.scores.card(r.client.id);
        let cells = cols.iter().map(|c| {
            let line: Line = match c.col {
                Col::Name if app.marks.contains(&r.client.id) => Line::from(vec![
                    Span::styled("● ", t.warn),
                    Span::raw(truncate(&f.name, usize::from(name_w).saturating_sub(2))),
                ]),
                Col::Name => Line::from(truncate(&f.name, name_w.into())),
                Col::Score if app.scoring => Line::styled("  …", t.muted),
                Col::Score => score_line(card, look),
                Col::Trend => Line::styled(
                    card.map_or_else(String::new, |c| sparkline(&c.trend)),
                    t.accent,
                ),
                Col::Flags => flags_line(card, app.pareto.r1.contains(&r.client.id), look),
                Col::Status => Line::styled(
                    status(f.status),
                    match f.status {
                        ClientStatus::Active => t.base,
                        ClientStatus::Prospect => t.accent,
                        ClientStatus::Former => t.muted,
                    },
                ),
                Col::Mrr => Line::from(f.mrr.display_whole(&look.currency)),
                Col::Tickets => Line::from(r.tickets_90d.to_string()),
                Col::LastSeen => Line::from(date(r.last_activity)),
                Col::Ends => Line::from(date(f.contract_end)),
                Col::Seats => Line::from(f.seats.to_string()),
            };
            Cell::from(if c.right { line.right_aligned() } else { line })
        });
        Row::new(cells.collect::<Vec<_>>())
    });
    let rows: Vec<Row> = rows.collect();

    let mut title = vec![Span::styled(
        format!(
            " {} ",
            crate::t!(
                "clients.title",
                shown = list.view.len(),
                all = list.rows.len()
            )
        ),
        t.title,
    )];
    if list.filtering || !list.filter.is_empty() {
        let cursor = if list.filtering { "▏" } else { "" };
        title.push(Span::styled(
            format!(" / {}{cursor} ", list.filter),
            t.accent,
        ));
    }
    // The selected client (chosen on another screen) is hidden by the filter: say so.
    let holds = list.selected_id() == app.selected;
    if let Some(r) = app.selected.and_then(|id| list.row(id)).filter(|_| !holds) {
        let used: usize = title.iter().map(Span::width).sum();
        let room = usize::from(area.width.saturating_sub(4)).saturating_sub(used);
        let note = format!(
            " {} ",
            crate::t!("clients.filtered_out", name = r.client.fields.name)
        );
        title.push(Span::styled(truncate(&note, room), t.muted));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Line::from(title));

    if list.view.is_empty() {
        let msg = if list.rows.is_empty() {
            crate::t!("clients.none_yet")
        } else {
            crate::t!("clients.none_match")
        };
        frame.render_widget(
            Paragraph::new(vec![Line::raw(""), Line::styled(msg, t.muted)])
                .block(block)
                .centered(),
            area,
        );
        return;
    }

    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(t.selected)
        .highlight_symbol("›")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default()
        .with_offset(list.cursor.offset)
        .with_selected(holds.then_some(list.cursor.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// "B 72" in the band's colour, or "-" without a score.
pub fn score_line<'a>(card: Option<&Scorecard>, look: &Look) -> Line<'a> {
    match card.and_then(|c| c.score().map(|s| (c, s))) {
        Some((c, s)) => {
            let grade = c.grade.map_or("-", |g| g.as_str());
            Line::styled(
                format!("{grade} {:>3}", points(s)),
                band_style(c.band, look),
            )
        }
        None => Line::styled("  -", look.theme.muted),
    }
}

pub fn band_style(band: Option<Band>, look: &Look) -> ratatui::style::Style {
    let t = &look.theme;
    match band {
        Some(Band::Green) => t.ok,
        Some(Band::Amber) => t.warn,
        Some(Band::Red) => t.error,
        None => t.muted,
    }
}

/// One line of the client's scorecard for the detail pane.
/// The score line, and the dealbreakers found (guide D1-D5) on a line of their own.
fn score_summary(card: &Scorecard, look: &Look) -> Vec<(&'static str, Vec<Span<'static>>)> {
    let t = &look.theme;
    let score = match (card.grade, card.score()) {
        (Some(g), Some(s)) => format!("{} {}", g.as_str(), points(s)),
        _ => crate::t!("clients.no_score_yet").to_string(),
    };
    let mut spans = vec![Span::styled(score, band_style(card.band, look))];
    spans.push(Span::raw(format!("  {}", sparkline(&card.trend))));
    if let Some(ch) = &card.change {
        spans.push(Span::raw(format!(
            "  {}",
            crate::t!(
                "clients.change_since",
                change = change_text(ch.delta),
                date = look.date(ch.since)
            )
        )));
    }
    if card.alert.is_some() {
        spans.push(Span::styled(
            format!("  {}", crate::t!("clients.alert")),
            t.warn,
        ));
    }
    let mut lines = vec![(crate::t!("clients.label.score"), spans)];
    if !card.flags.is_empty() {
        let flags = card
            .flags
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f.code.code(),
                    crate::words::say::dealbreaker(f.code)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push((
            crate::t!("clients.label.flags"),
            vec![Span::styled(flags, t.error)],
        ));
    }
    lines
}

/// "!" for an alert, the dealbreaker codes, and "R1" for a Pareto candidate (guide R1).
pub fn flags_line<'a>(card: Option<&Scorecard>, r1: bool, look: &Look) -> Line<'a> {
    let mut parts: Vec<Span> = Vec::new();
    if let Some(c) = card {
        if c.alert.is_some() {
            parts.push(Span::styled("!", look.theme.warn));
        }
        let codes: Vec<&str> = c.flags.iter().map(|f| f.code.code()).collect();
        if !codes.is_empty() {
            parts.push(Span::styled(codes.join(" "), look.theme.error));
        }
    }
    if r1 {
        parts.push(Span::styled("R1", look.theme.warn));
    }
    let mut spans = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(p);
    }
    Line::from(spans)
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App, look: &Look) {
    let t = &look.theme;
    let Some(row) = app.selected.and_then(|id| app.clients.row(id)) else {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border);
        frame.render_widget(block, area);
        return;
    };
    let c = &row.client;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(format!(" {} ", c.fields.name), t.title));
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    let mut labelled_lines = Vec::new();
    if let Some(card) = app.scores.card(c.id) {
        labelled_lines.extend(score_summary(card, look));
    } else if app.scoring {
        labelled_lines.push((
            crate::t!("clients.label.score"),
            vec![Span::styled(crate::t!("screens.scoring"), t.muted)],
        ));
    }
    labelled_lines.extend(facts(c, app.today, look));
    let label_w = labelled_lines
        .iter()
        .map(|(l, _)| l.width() + 1)
        .max()
        .unwrap_or(0)
        .max(LABEL);
    for (label, value) in labelled_lines {
        lines.extend(labelled(label, &value, width, label_w, look));
    }
    // The client's decisions above its events: as many as half the rows left (one at
    // least), the latest first; the Decisions screen lists them all.
    let decided: Vec<&Decision> = app.decisions.of_client(c.id).collect();
    // How far the offboarding is: beside the decisions' heading, or on a line of its own.
    let offboarding = app.offboarding.progress(c.id);
    if let (Some(p), true) = (&offboarding, decided.is_empty()) {
        lines.push(super::offboard::detail_line(p, width, look));
    }
    if !decided.is_empty() {
        let left = usize::from(area.height.saturating_sub(2)).saturating_sub(lines.len() + 2);
        let shown = decided.len().min((left / 2).max(1));
        let mut head = vec![Span::styled(crate::t!("clients.decisions"), t.header)];
        if let Some(p) = &offboarding {
            head.push(Span::styled(format!(" · {}", p.short()), t.accent));
        }
        if shown < decided.len() {
            head.push(Span::styled(
                format!(
                    " {}",
                    crate::t!("clients.latest_of", shown = shown, all = decided.len())
                ),
                t.muted,
            ));
        }
        lines.push(Line::from(head));
        let outcome_w = decided
            .iter()
            .take(shown)
            .map(|d| crate::words::say::outcome(d.chosen).width())
            .max()
            .unwrap_or(0);
        for d in decided.iter().take(shown) {
            lines.push(decision_line(d, look, width, outcome_w));
        }
    }
    lines.push(Line::styled(crate::t!("clients.latest_events"), t.header));
    match &app.detail {
        Some((id, events)) if *id == c.id => {
            if events.is_empty() {
                lines.push(Line::styled(crate::t!("clients.nothing_logged"), t.muted));
            }
            for e in events {
                lines.push(event_line(e, look, width));
            }
        }
        _ => lines.push(Line::styled("…", t.muted)),
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The width of the labels before the facts (at least; wider where the language's labels
/// are longer).
const LABEL: usize = 9;

/// A label and its value, the value wrapped under itself where the line is too short.
fn labelled(
    label: &str,
    value: &[Span<'_>],
    width: usize,
    label_w: usize,
    look: &Look,
) -> Vec<Line<'static>> {
    let mut lines = wrap_spans(value, width.saturating_sub(label_w));
    for (i, line) in lines.iter_mut().enumerate() {
        let head = if i == 0 { label } else { "" };
        line.spans
            .insert(0, Span::styled(pad(head, label_w), look.theme.muted));
    }
    lines
}

/// The contract facts: labels and their values.
fn facts(c: &Client, today: NaiveDate, look: &Look) -> Vec<(&'static str, Vec<Span<'static>>)> {
    let t = &look.theme;
    let f = &c.fields;
    let mut lines = Vec::new();
    let contact: Vec<&str> = [
        f.contact_name.as_deref(),
        f.email.as_deref(),
        f.phone.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !contact.is_empty() {
        lines.push((
            crate::t!("clients.label.contact"),
            vec![Span::raw(contact.join(" · "))],
        ));
    }
    let mut money = crate::t!(
        "clients.money",
        mrr = f.mrr.display(&look.currency),
        seats = crate::tn!("clients.seats", f.seats),
        terms = crate::tn!("clients.days", f.payment_terms_days)
    );
    if f.prepaid {
        money.push_str(&format!(" · {}", crate::t!("clients.prepaid")));
    }
    lines.push((crate::t!("clients.label.money"), vec![Span::raw(money)]));
    let contract = match (f.contract_start, f.contract_end) {
        (None, None) => crate::t!("clients.no_dates").to_string(),
        (s, e) => {
            let e_text = e.map_or_else(|| crate::t!("clients.open_ended").into(), |d| look.date(d));
            let s = s.map_or_else(
                || crate::t!("clients.until").into(),
                |d| format!("{} →", look.date(d)),
            );
            // A former client's end date is history: no countdown.
            let left = f.contract_days_left(today).map_or(String::new(), |n| {
                if n >= 0 {
                    format!(" ({})", crate::tn!("clients.ends_in", n))
                } else {
                    format!(" ({})", crate::tn!("clients.ended_ago", -n))
                }
            });
            format!("{s} {e_text}{left}")
        }
    };
    let notice = f.notice_days.map_or(String::new(), |n| {
        format!(" · {}", crate::tn!("clients.notice", n))
    });
    let mut contract_spans = vec![Span::raw(format!("{contract}{notice}"))];
    if let Some(last_notice) = f.notice_due(today, 30) {
        contract_spans.push(Span::styled(
            format!(
                " · {}",
                crate::t!("clients.notice_by", date = look.date(last_notice))
            ),
            t.warn,
        ));
    }
    lines.push((crate::t!("clients.label.contract"), contract_spans));
    let mut status = status(f.status).to_string();
    if let Some(s) = &f.segment {
        status.push_str(&format!(" · {}", crate::t!("clients.segment", segment = s)));
    }
    lines.push((crate::t!("clients.label.status"), vec![Span::raw(status)]));
    if let Some(n) = &f.notes {
        lines.push((
            crate::t!("clients.label.notes"),
            vec![Span::raw(n.replace('\n', " "))],
        ));
    }
    lines
}

/// A decision on one line: its date, its outcome, and why.
fn decision_line<'a>(d: &Decision, look: &Look, width: usize, outcome_w: usize) -> Line<'a> {
    let date = look.date(d.decided_on);
    let rest = width.saturating_sub(date.width() + outcome_w + 2);
    Line::from(vec![
        Span::styled(date, look.theme.muted),
        Span::raw(" "),
        Span::styled(
            format!("{:<outcome_w$} ", crate::words::say::outcome(d.chosen)),
            outcome_style(d.chosen, &look.theme),
        ),
        Span::raw(truncate(
            &crate::words::say::decision_why(d, &look.currency),
            rest,
        )),
    ])
}

fn event_line<'a>(e: &TimelineEvent, look: &Look, width: usize) -> Line<'a> {
    let t = &look.theme;
    let (what, text) = event_summary(&e.what, &look.currency);
    let style = match &e.what {
        EventKind::TicketOpened {
            escalated: true, ..
        } => t.warn,
        EventKind::InvoiceIssued { disputed: true, .. } => t.warn,
        EventKind::InvoicePaid { days_late, .. } if *days_late > 0 => t.warn,
        EventKind::InvoicePaid { .. } => t.ok,
        EventKind::RecommendationDecided { status, .. } if status.as_str() == "ignored" => t.warn,
        EventKind::RecommendationDecided { .. } => t.ok,
        EventKind::Incident { .. } => t.error,
        _ => t.base,
    };
    let date = look.date(e.date);
    let rest = width.saturating_sub(date.chars().count() + 10);
    // A voided event is shown struck through, with why: it counts nowhere.
    let (text, style, body) = match &e.voided {
        Some(reason) => (
            crate::t!("history.void", text = text, reason = reason),
            t.muted.add_modifier(Modifier::CROSSED_OUT),
            t.muted.add_modifier(Modifier::CROSSED_OUT),
        ),
        None => (text, style, t.base),
    };
    Line::from(vec![
        Span::styled(date, t.muted),
        Span::raw(" "),
        Span::styled(format!("{what:<8} "), style),
        Span::styled(truncate(&text, rest), body),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sortable_column_has_room_for_its_arrow() {
        use crate::words::{Lang, with_language};
        for lang in [Lang::En, Lang::Nl] {
            with_language(lang, || {
                for c in COLUMNS.iter().filter(|c| !c.sorts.is_empty()) {
                    let width = if c.width == 0 {
                        NAME_MIN
                    } else {
                        c.width_with(0)
                    };
                    let title = crate::words::get(c.title);
                    assert!(
                        usize::from(width) > title.width(),
                        "{lang:?}: {title} is {width} wide"
                    );
                }
            });
        }
    }

    /// The English columns are as wide as they always were: only longer titles widen one.
    #[test]
    fn english_titles_keep_the_widths() {
        crate::words::with_language(crate::words::Lang::En, || {
            for c in COLUMNS.iter().filter(|c| c.col != Col::Name) {
                assert_eq!(c.width_with(0), c.width, "{}", c.title);
            }
        });
    }

    #[test]
    fn the_sorted_column_is_kept_when_the_terminal_is_narrow() {
        for key in SortKey::ALL {
            let (cols, _) = fitting(80, *key, 9);
            assert!(cols.iter().any(|c| c.sorts.contains(key)), "{key:?}");
        }
    }
}
