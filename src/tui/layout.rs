//! Where things go on screen. Shared by drawing and by mouse hit-testing, so a click lands
//! on the row that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the UI shows "terminal too small" instead of a broken layout.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// From this width on, the detail pane sits beside the table instead of under it.
pub const WIDE: u16 = 140;

pub struct FrameAreas {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn frame(area: Rect) -> FrameAreas {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    FrameAreas {
        header,
        body,
        status,
        footer,
    }
}

/// The clients screen: the table (with its border) and the detail pane.
pub fn clients(body: Rect) -> (Rect, Rect) {
    if body.width >= WIDE {
        let detail_w = (body.width * 2 / 5).min(64);
        let [table, detail] =
            Layout::horizontal([Constraint::Min(60), Constraint::Length(detail_w)]).areas(body);
        (table, detail)
    } else {
        let detail_h = (body.height / 2).clamp(6, 16);
        let [table, detail] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(detail_h)]).areas(body);
        (table, detail)
    }
}

/// The cells that hold the table's data rows (inside the border, under the header and the
/// filter line).
pub fn clients_table_rows(viewport: Rect) -> Rect {
    let (table, _) = clients(frame(viewport).body);
    Rect {
        x: table.x + 1,
        y: table.y + 2,
        width: table.width.saturating_sub(2),
        height: table.height.saturating_sub(3),
    }
}

/// From this width on, the scorecards screen shows the ranked list beside the card;
/// below it, the card alone (j/k still move through the ranking).
pub const SCORECARDS_WIDE: u16 = 120;

/// The scorecards screen: the ranked list (empty when narrow) and the card.
pub fn scorecards(body: Rect) -> (Rect, Rect) {
    if body.width >= SCORECARDS_WIDE {
        let list_w = body.width.saturating_sub(66).clamp(48, 72);
        let [list, card] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(60)]).areas(body);
        (list, card)
    } else {
        (Rect::new(body.x, body.y, 0, 0), body)
    }
}

/// The cells that hold the ranked list's rows (inside the border, under the header).
pub fn scorecards_list_rows(viewport: Rect) -> Rect {
    let (list, card) = scorecards(frame(viewport).body);
    if list.width == 0 {
        // Narrow: one client at a time, so a page is one row.
        return Rect::new(card.x, card.y, 0, 1);
    }
    Rect {
        x: list.x + 1,
        y: list.y + 2,
        width: list.width.saturating_sub(2),
        height: list.height.saturating_sub(3),
    }
}

/// The Pareto screen: the headline, the rankings (or the map) and the what-if panel.
pub fn pareto(body: Rect) -> (Rect, Rect, Rect) {
    let panel_h = if body.height >= 30 { 7 } else { 6 };
    let [head, charts, panel] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(5),
        Constraint::Length(panel_h),
    ])
    .areas(body);
    (head, charts, panel)
}

/// From this width on, the counterpart ranking sits beside the chosen one.
pub const PARETO_WIDE: u16 = 140;

/// The rows of the chosen ranking (inside its border, under its header).
pub fn pareto_chart_rows(viewport: Rect) -> Rect {
    let (_, charts, _) = pareto(frame(viewport).body);
    let w = if charts.width >= PARETO_WIDE {
        charts.width / 2
    } else {
        charts.width
    };
    Rect {
        x: charts.x + 1,
        y: charts.y + 2,
        width: w.saturating_sub(2),
        // Borders, the header, the 80% line and the grouped "others" take five rows.
        height: charts.height.saturating_sub(5),
    }
}

/// The fire/keep walk, over the whole body: its frame, the progress line at the top, the
/// step's lines (scrolled), and one line under them.
pub struct WalkAreas {
    pub block: Rect,
    pub progress: Rect,
    pub content: Rect,
    pub foot: Rect,
}

pub fn walk(viewport: Rect) -> WalkAreas {
    let block = frame(viewport).body;
    let inner = Rect {
        x: block.x + 1,
        y: block.y + 1,
        width: block.width.saturating_sub(2),
        height: block.height.saturating_sub(2),
    };
    let [progress, content, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    WalkAreas {
        block,
        progress,
        content,
        foot,
    }
}
