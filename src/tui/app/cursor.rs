//! A selection in a scrolling list: which row is selected and which is shown first.

/// A move of the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Selects `pos` (clipped to the list) and scrolls so it is visible.
    pub fn move_to(&mut self, pos: usize, len: usize, page: usize) {
        self.selected = pos.min(len.saturating_sub(1));
        self.clamp(len, page);
    }

    pub fn step(&mut self, m: Move, len: usize, page: usize) {
        let page_step = page.max(1);
        let last = len.saturating_sub(1);
        let to = match m {
            Move::Up => self.selected.saturating_sub(1),
            Move::Down => (self.selected + 1).min(last),
            Move::PageUp => self.selected.saturating_sub(page_step),
            Move::PageDown => (self.selected + page_step).min(last),
            Move::Top => 0,
            Move::Bottom => last,
        };
        self.move_to(to, len, page);
    }

    /// A move in a list that may not hold the app's selected client (`holds` says whether
    /// its cursor is on it): from a list that does not, up and down select the first row in
    /// view rather than one beside a row nobody sees selected.
    pub fn step_from(&mut self, holds: bool, m: Move, len: usize, page: usize) {
        if !holds && matches!(m, Move::Up | Move::Down) {
            self.move_to(self.offset, len, page);
        } else {
            self.step(m, len, page);
        }
    }

    /// Keeps the selection inside the list and on screen.
    pub fn clamp(&mut self, len: usize, page: usize) {
        let page = page.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset.saturating_add(page) {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(len.saturating_sub(page));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_in_the_list_and_on_screen() {
        let mut c = Cursor::default();
        c.step(Move::PageDown, 30, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 10,
                offset: 1
            }
        );
        c.step(Move::Bottom, 30, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 29,
                offset: 20
            }
        );
        c.step(Move::Down, 30, 10);
        assert_eq!(c.selected, 29);
        c.clamp(5, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 4,
                offset: 0
            }
        );
        c.step(Move::Top, 0, 10);
        assert_eq!(c, Cursor::default());
        // An unbounded page (a list that always fits) never overflows.
        let mut c = Cursor {
            selected: 3,
            offset: 2,
        };
        c.clamp(30, usize::MAX);
        assert_eq!(
            c,
            Cursor {
                selected: 3,
                offset: 0
            }
        );
    }
}
