//! The staff gut check on screen (guide O2): per year, each staff member's five worst clients.

use super::cursor::Cursor;
use crate::domain::{ClientId, StaffVote};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffList {
    pub staff: String,
    /// Worst first.
    pub clients: Vec<ClientId>,
}

#[derive(Debug, Clone)]
pub struct GutCheck {
    pub year: i32,
    /// By name; staff from the config are listed even before they vote.
    pub lists: Vec<StaffList>,
    pub cursor: Cursor,
    /// Staff names from the config.
    pub configured: Vec<String>,
    /// Whether `lists` holds `year`'s votes yet.
    pub loaded: bool,
}

impl GutCheck {
    pub fn new(year: i32, configured: Vec<String>) -> Self {
        Self {
            year,
            lists: Vec::new(),
            cursor: Cursor::default(),
            configured,
            loaded: false,
        }
    }

    /// The votes of `year`, grouped per staff member, with the configured names added.
    pub fn set(&mut self, year: i32, votes: Vec<StaffVote>) {
        let keep = self.selected().map(|l| l.staff.to_lowercase());
        let mut lists: Vec<StaffList> = Vec::new();
        for v in votes {
            match lists
                .iter_mut()
                .find(|l| l.staff.eq_ignore_ascii_case(&v.staff))
            {
                Some(l) => l.clients.push(v.client_id),
                None => lists.push(StaffList {
                    staff: v.staff,
                    clients: vec![v.client_id],
                }),
            }
        }
        for name in &self.configured {
            if !lists.iter().any(|l| l.staff.eq_ignore_ascii_case(name)) {
                lists.push(StaffList {
                    staff: name.clone(),
                    clients: Vec::new(),
                });
            }
        }
        lists.sort_by_key(|l| l.staff.to_lowercase());
        self.year = year;
        self.lists = lists;
        self.loaded = true;
        let pos = keep
            .and_then(|k| self.lists.iter().position(|l| l.staff.to_lowercase() == k))
            .unwrap_or(self.cursor.selected);
        self.cursor.move_to(pos, self.lists.len(), usize::MAX);
    }

    pub fn selected(&self) -> Option<&StaffList> {
        self.lists.get(self.cursor.selected)
    }

    /// How many staff members named this client this year.
    pub fn named(&self, id: ClientId) -> usize {
        self.lists
            .iter()
            .filter(|l| l.clients.contains(&id))
            .count()
    }
}
