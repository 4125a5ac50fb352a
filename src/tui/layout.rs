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

/// From this width on, Coming up sits beside the decision log; below it, under the log.
pub const DECISIONS_WIDE: u16 = 120;

/// From this inner width on, a decision takes one line in the log (the why in a column of
/// 40 or more); in a narrower pane, two (date, client, outcome; then the why under them).
pub const LOG_ONE_LINE: u16 = 91;

/// From this inner width on, an item of Coming up takes one line (in columns under a
/// header); in a narrower pane, two (the date, when and who; then what).
pub const COMING_UP_ONE_LINE: u16 = 70;

/// Where the Decisions screen's two lists go, and how many lines an entry of each takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decisions {
    pub log: Rect,
    pub coming: Rect,
    pub log_item: u16,
    pub coming_item: u16,
}

impl Decisions {
    /// The layout in `viewport` for a log of `log_len` decisions and `coming_len` items
    /// coming up. Side by side from [`DECISIONS_WIDE`] columns; below that, one above the
    /// other, each given the rows its entries need where both fit, else the shorter one
    /// what it needs (up to half) and the other the rest.
    pub fn of(viewport: Rect, log_len: usize, coming_len: usize) -> Decisions {
        let body = frame(viewport).body;
        let log_item = |w: u16| {
            if w.saturating_sub(3) >= LOG_ONE_LINE {
                1
            } else {
                2
            }
        };
        let coming_item = |w: u16| {
            if w.saturating_sub(2) >= COMING_UP_ONE_LINE {
                1
            } else {
                2
            }
        };
        if body.width >= DECISIONS_WIDE {
            // Coming up is what needs acting on: room for its items on one line first; the
            // log (a few entries, each on two lines if need be) takes the rest.
            let coming_w = (COMING_UP_ONE_LINE + 2)
                .max(body.width / 2)
                .min(body.width.saturating_sub(46));
            let [log, coming] =
                Layout::horizontal([Constraint::Min(46), Constraint::Length(coming_w)]).areas(body);
            return Decisions {
                log,
                coming,
                log_item: log_item(log.width),
                coming_item: coming_item(coming.width),
            };
        }
        let (li, ci) = (log_item(body.width), coming_item(body.width));
        let need = |len: usize, item: u16, frame: u16, least: u16| {
            let rows = u16::try_from(len).unwrap_or(u16::MAX).saturating_mul(item);
            rows.saturating_add(frame).max(least)
        };
        let log_need = need(log_len, li, 3, 6);
        let coming_need = need(coming_len, ci, 2 + u16::from(ci == 1), 5);
        let h = body.height;
        let half = h / 2;
        let coming_h = if log_need.saturating_add(coming_need) <= h || coming_need <= half {
            coming_need
        } else if log_need <= h - half {
            h - log_need
        } else {
            half
        };
        let coming_h = coming_h.min(h.saturating_sub(6)).max(5.min(h));
        let [log, coming] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(coming_h)]).areas(body);
        Decisions {
            log,
            coming,
            log_item: li,
            coming_item: ci,
        }
    }

    /// The cells that hold the log's entries (inside the border, under the header).
    pub fn log_rows(&self) -> Rect {
        Rect {
            x: self.log.x + 1,
            y: self.log.y + 2,
            width: self.log.width.saturating_sub(2),
            height: self.log.height.saturating_sub(3),
        }
    }

    /// The cells that hold Coming up's items (inside the border, under the header when
    /// items take one line).
    pub fn coming_rows(&self) -> Rect {
        let header = u16::from(self.coming_item == 1);
        Rect {
            x: self.coming.x + 1,
            y: self.coming.y + 1 + header,
            width: self.coming.width.saturating_sub(2),
            height: self.coming.height.saturating_sub(2 + header),
        }
    }

    /// How many entries a page of each list holds.
    pub fn pages(&self) -> (usize, usize) {
        let page = |rows: Rect, item: u16| usize::from(rows.height / item.max(1)).max(1);
        (
            page(self.log_rows(), self.log_item),
            page(self.coming_rows(), self.coming_item),
        )
    }
}

/// The saved decision, read-only: a large popup under the header, over the screen, above
/// the status line and the footer.
pub fn decision_popup(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(100);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height: area.height.saturating_sub(3),
    }
}

/// The text of the decision popup: inside its border, above its line of keys.
pub fn decision_popup_text(area: Rect) -> Rect {
    let popup = decision_popup(area);
    Rect {
        x: popup.x + 1,
        y: popup.y + 1,
        width: popup.width.saturating_sub(2),
        height: popup.height.saturating_sub(3),
    }
}
