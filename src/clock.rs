//! The one seam for "today". Resolved once at start-up from `--today` / `RAPPORT_TODAY`, or
//! the system's local date; everything below receives the date as a parameter.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    today: NaiveDate,
}

impl Clock {
    /// Today as the system sees it, unless `pretend` says otherwise.
    pub fn new(pretend: Option<NaiveDate>) -> Self {
        Self {
            today: pretend.unwrap_or_else(|| chrono::Local::now().date_naive()),
        }
    }

    pub fn fixed(today: NaiveDate) -> Self {
        Self { today }
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }
}
