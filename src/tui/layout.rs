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
