//! Date arithmetic for the demo, saturating instead of failing: every date it makes lies
//! within a few years of today, far from the ends of the calendar.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

pub(super) fn days_before(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n))).unwrap_or(d)
}

pub(super) fn days_after(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

pub(super) fn months_before(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_months(Months::new(n)).unwrap_or(d)
}

pub(super) fn months_after(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n)).unwrap_or(d)
}

/// The 1st of `d`'s month.
pub(super) fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The last day of `d`'s month.
pub(super) fn month_end(d: NaiveDate) -> NaiveDate {
    days_before(months_after(month_start(d), 1), 1)
}

pub(super) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub(super) fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// Quieter weeks: the Christmas break and the summer holidays.
pub(super) fn season(d: NaiveDate) -> f64 {
    match (d.month(), d.day()) {
        (12, 24..) | (1, 1) => 0.4,
        (7, 15..) | (8, ..=20) => 0.7,
        _ => 1.0,
    }
}
