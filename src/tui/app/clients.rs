//! The clients list: every client as read from the store, filtered and sorted for the table.

use std::cmp::Ordering;

use chrono::Datelike;

use super::cursor::Cursor;
use super::scores::Scores;
use crate::domain::ClientId;
use crate::domain::ClientRow;
use crate::domain::identity::{name_order, sort_key};

/// Columns the clients list can be sorted by, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Score,
    Change,
    Grade,
    Status,
    Mrr,
    Seats,
    ContractEnd,
    Tickets,
    LastActivity,
}

impl SortKey {
    pub const ALL: &'static [SortKey] = &[
        SortKey::Name,
        SortKey::Score,
        SortKey::Change,
        SortKey::Grade,
        SortKey::Status,
        SortKey::Mrr,
        SortKey::Seats,
        SortKey::ContractEnd,
        SortKey::Tickets,
        SortKey::LastActivity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => crate::t!("clients.sort.name"),
            SortKey::Score => crate::t!("clients.sort.score"),
            SortKey::Change => crate::t!("clients.sort.change"),
            SortKey::Grade => crate::t!("clients.sort.grade"),
            SortKey::Status => crate::t!("clients.sort.status"),
            SortKey::Mrr => crate::t!("clients.sort.mrr"),
            SortKey::Seats => crate::t!("clients.sort.seats"),
            SortKey::ContractEnd => crate::t!("clients.sort.contract_end"),
            SortKey::Tickets => crate::t!("clients.sort.tickets"),
            SortKey::LastActivity => crate::t!("clients.sort.last_activity"),
        }
    }

    /// The direction a user expects first: best, biggest and latest on top, the biggest
    /// fall first, names A to Z.
    fn natural_desc(self) -> bool {
        matches!(
            self,
            SortKey::Score
                | SortKey::Mrr
                | SortKey::Seats
                | SortKey::Tickets
                | SortKey::LastActivity
        )
    }

    /// Compares two rows in the direction asked; clients without a value (no score, no
    /// date) sort last either way round.
    fn compare(self, a: &ClientRow, b: &ClientRow, scores: &Scores, desc: bool) -> Ordering {
        let (fa, fb) = (&a.client.fields, &b.client.fields);
        let (ca, cb) = (scores.card(a.client.id), scores.card(b.client.id));
        let dir = |o: Ordering| if desc { o.reverse() } else { o };
        let opt = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => dir(x.total_cmp(&y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| f64::from(d.num_days_from_ce()));
        match self {
            SortKey::Name => Ordering::Equal,
            SortKey::Score => opt(ca.and_then(|c| c.score()), cb.and_then(|c| c.score())),
            SortKey::Change => opt(
                ca.and_then(|c| c.change.as_ref().map(|ch| ch.delta)),
                cb.and_then(|c| c.change.as_ref().map(|ch| ch.delta)),
            ),
            SortKey::Grade => opt(
                ca.and_then(|c| c.grade.map(|g| g as u8 as f64)),
                cb.and_then(|c| c.grade.map(|g| g as u8 as f64)),
            ),
            SortKey::Status => dir(fa.status.cmp(&fb.status)),
            SortKey::Mrr => dir(fa.mrr.cmp(&fb.mrr)),
            SortKey::Seats => dir(fa.seats.cmp(&fb.seats)),
            SortKey::ContractEnd => opt(day(fa.contract_end), day(fb.contract_end)),
            SortKey::Tickets => dir(a.tickets_90d.cmp(&b.tickets_90d)),
            SortKey::LastActivity => opt(day(a.last_activity), day(b.last_activity)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClientList {
    /// All clients as last read from the store.
    pub rows: Vec<ClientRow>,
    /// Indices into `rows` after filtering and sorting: what the table shows.
    pub view: Vec<usize>,
    pub cursor: Cursor,
    pub sort: SortKey,
    pub sort_desc: bool,
    pub filter: String,
    pub filtering: bool,
}

impl Default for ClientList {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            view: Vec::new(),
            cursor: Cursor::default(),
            sort: SortKey::Name,
            sort_desc: false,
            filter: String::new(),
            filtering: false,
        }
    }
}

impl ClientList {
    pub fn selected_row(&self) -> Option<&ClientRow> {
        self.view
            .get(self.cursor.selected)
            .and_then(|&i| self.rows.get(i))
    }

    pub fn selected_id(&self) -> Option<ClientId> {
        self.selected_row().map(|r| r.client.id)
    }

    pub fn row(&self, id: ClientId) -> Option<&ClientRow> {
        self.rows.iter().find(|r| r.client.id == id)
    }

    /// Filters and sorts again, keeping `keep` selected when it is still shown.
    pub fn rebuild(&mut self, keep: Option<ClientId>, scores: &Scores, page: usize) {
        let needle = sort_key(&self.filter);
        let mut view: Vec<usize> = (0..self.rows.len())
            .filter(|&i| needle.is_empty() || matches_filter(&self.rows[i], &needle))
            .collect();
        let (rows, key, desc) = (&self.rows, self.sort, self.sort_desc);
        view.sort_by(|&a, &b| {
            let (ra, rb) = (&rows[a], &rows[b]);
            key.compare(ra, rb, scores, desc).then_with(|| {
                let by_name = name_order(&ra.client.fields.name, &rb.client.fields.name);
                if key == SortKey::Name && desc {
                    by_name.reverse()
                } else {
                    by_name
                }
            })
        });
        self.view = view;
        let pos = keep
            .and_then(|id| self.position(id))
            .unwrap_or(self.cursor.selected);
        self.cursor.move_to(pos, self.view.len(), page);
    }

    pub fn position(&self, id: ClientId) -> Option<usize> {
        self.view.iter().position(|&i| self.rows[i].client.id == id)
    }

    pub fn cycle_sort(&mut self) {
        let at = SortKey::ALL
            .iter()
            .position(|k| *k == self.sort)
            .unwrap_or(0);
        self.sort = SortKey::ALL[(at + 1) % SortKey::ALL.len()];
        self.sort_desc = self.sort.natural_desc();
    }
}

fn matches_filter(r: &ClientRow, needle: &str) -> bool {
    let f = &r.client.fields;
    [
        Some(f.name.as_str()),
        f.contact_name.as_deref(),
        f.segment.as_deref(),
        f.email.as_deref(),
        Some(f.status.as_str()),
    ]
    .into_iter()
    .flatten()
    .any(|s| sort_key(s).contains(needle))
}
