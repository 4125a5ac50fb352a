//! The scorecards on screen: every client's card as of a date over a window, ranked.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use super::cursor::Cursor;
use crate::domain::ClientId;
use crate::domain::score::{Rules, Scorecard, rank};

/// Windows `w` cycles through, in days.
pub const WINDOWS: [u32; 5] = [30, 60, 90, 180, 365];

#[derive(Debug, Clone)]
pub struct Scores {
    /// The configured rules; `window_days` below may differ from theirs.
    pub rules: Rules,
    pub as_of: NaiveDate,
    pub window_days: u32,
    /// Ranked best first (no score last).
    pub cards: Vec<Scorecard>,
    index: HashMap<ClientId, usize>,
    /// The selection in the ranked list of the Scorecards screen.
    pub cursor: Cursor,
}

impl Scores {
    pub fn new(as_of: NaiveDate, rules: Rules) -> Self {
        Self {
            as_of,
            window_days: rules.window_days,
            rules,
            cards: Vec::new(),
            index: HashMap::new(),
            cursor: Cursor::default(),
        }
    }

    /// The rules to score with now: the configured ones over the chosen window.
    pub fn rules_now(&self) -> Rules {
        Rules {
            window_days: self.window_days,
            ..self.rules.clone()
        }
    }

    pub fn card(&self, id: ClientId) -> Option<&Scorecard> {
        self.index.get(&id).and_then(|&i| self.cards.get(i))
    }

    pub fn selected(&self) -> Option<&Scorecard> {
        self.cards.get(self.cursor.selected)
    }

    pub fn position(&self, id: ClientId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// All cards anew (after the window, the as-of date or the portfolio changed); the
    /// cursor stays on `keep` (the app's selected client) when it has a card.
    pub fn set_all(&mut self, mut cards: Vec<Scorecard>, page: usize, keep: Option<ClientId>) {
        rank(&mut cards);
        self.cards = cards;
        self.reindex(keep, page);
    }

    /// One client's card anew (after a write that touched only that client).
    pub fn set_one(&mut self, card: Scorecard, page: usize, keep: Option<ClientId>) {
        match self.index.get(&card.client) {
            Some(&i) => self.cards[i] = card,
            None => self.cards.push(card),
        }
        rank(&mut self.cards);
        self.reindex(keep, page);
    }

    fn reindex(&mut self, keep: Option<ClientId>, page: usize) {
        self.index = self
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.client, i))
            .collect();
        let pos = keep
            .and_then(|id| self.position(id))
            .unwrap_or(self.cursor.selected);
        self.cursor.move_to(pos, self.cards.len(), page);
    }

    /// The next window in [`WINDOWS`] (or the first, from a configured odd one).
    pub fn next_window(&mut self) {
        self.window_days = WINDOWS
            .iter()
            .copied()
            .find(|w| *w > self.window_days)
            .unwrap_or(WINDOWS[0]);
    }

    /// One month-end back, or forward (never past `today`).
    pub fn shift_as_of(&mut self, months: i32, today: NaiveDate) {
        let first = self.as_of.with_day(1).unwrap_or(self.as_of);
        let shifted = if months < 0 {
            // The last day of the month before as_of's month.
            first
                .checked_sub_months(Months::new(months.unsigned_abs() - 1))
                .and_then(|d| d.pred_opt())
        } else {
            // The last day of the month after as_of's month.
            first
                .checked_add_months(Months::new(months.unsigned_abs() + 1))
                .and_then(|d| d.pred_opt())
        };
        self.as_of = shifted.map_or(self.as_of, |d| d.min(today));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::parse_date("d", s).unwrap()
    }

    #[test]
    fn the_as_of_date_moves_by_month_ends_and_not_past_today() {
        let mut s = Scores::new(d("2026-11-28"), Rules::default());
        s.shift_as_of(-1, d("2026-11-28"));
        assert_eq!(s.as_of, d("2026-10-31"));
        s.shift_as_of(-1, d("2026-11-28"));
        assert_eq!(s.as_of, d("2026-09-30"));
        s.shift_as_of(1, d("2026-11-28"));
        assert_eq!(s.as_of, d("2026-10-31"));
        s.shift_as_of(1, d("2026-11-28"));
        assert_eq!(s.as_of, d("2026-11-28"), "not past today");
        s.next_window();
        assert_eq!(s.window_days, 180);
        s.next_window();
        s.next_window();
        assert_eq!(s.window_days, 30);
    }
}
