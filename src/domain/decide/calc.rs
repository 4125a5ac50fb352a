//! The numbers of a decision (guide H1-H3), exactly as the issue defines them: what the
//! client costs a month, the MRR that reaches the target margin, and the dates and the
//! refund of an exit. Money in cents, dates as days; nothing here reads a clock.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::Cents;

/// What repricing would take (H1): the client's monthly cost and the MRR that reaches the
/// target margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reprice {
    pub current_mrr: Cents,
    /// Hours logged in the window, as a 30-day month.
    pub monthly_hours: f64,
    /// The monthly cost: labour (the hours at the labour cost) plus tooling (the seats at
    /// the tooling per seat).
    pub labour_cost: Cents,
    pub tooling_cost: Cents,
    pub monthly_cost: Cents,
    pub target_margin_pct: f64,
    /// Equal to the current MRR when that already reaches the target.
    pub proposed_mrr: Cents,
    /// The increase over the current MRR in %; None when the current MRR is 0.
    pub increase_pct: Option<f64>,
}

impl Reprice {
    /// How much more a month the proposed MRR asks (0 when the current MRR reaches it).
    pub fn increase(&self) -> Cents {
        Cents((self.proposed_mrr.0 - self.current_mrr.0).max(0))
    }
}

/// The inputs of [`reprice`], as the client's facts and the config give them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostInputs {
    pub current_mrr: Cents,
    pub minutes_in_window: u64,
    pub window_days: u32,
    pub seats: u32,
    /// `[costs] hourly_labour_cost`, in cents.
    pub hourly_cost: Cents,
    /// `[costs] tooling_per_seat`, per seat per month, in cents.
    pub tooling_per_seat: Cents,
    /// `[decisions] target_margin_pct`, below 100.
    pub target_margin_pct: f64,
}

/// Monthly hours = hours in the window x 30 / window days; monthly cost = monthly hours x
/// labour cost + seats x tooling per seat; proposed MRR = monthly cost / (1 - target / 100),
/// rounded up to a whole currency unit, and never below the current MRR.
pub fn reprice(i: &CostInputs) -> Reprice {
    let days = f64::from(i.window_days.max(1));
    let monthly_hours = i.minutes_in_window as f64 / 60.0 * 30.0 / days;
    // In cents, rounded half up, from the exact minutes.
    let labour =
        (i.minutes_in_window as f64 * i.hourly_cost.0 as f64 * 30.0 / (60.0 * days)).round();
    let tooling = i64::from(i.seats) * i.tooling_per_seat.0;
    let (labour_cost, tooling_cost) = (Cents(labour as i64), Cents(tooling));
    let monthly_cost = Cents(labour_cost.0 + tooling_cost.0);
    let keep = 1.0 - i.target_margin_pct / 100.0;
    let needed_cents = if keep > 0.0 {
        monthly_cost.0 as f64 / keep
    } else {
        f64::INFINITY
    };
    // Up to a whole unit: 1,234.01 becomes 1,235.00.
    let needed = Cents(((needed_cents / 100.0).ceil() * 100.0) as i64);
    let proposed_mrr = needed.max(i.current_mrr);
    let increase_pct = (i.current_mrr.0 > 0)
        .then(|| (proposed_mrr.0 - i.current_mrr.0) as f64 / i.current_mrr.0 as f64 * 100.0);
    Reprice {
        current_mrr: i.current_mrr,
        monthly_hours,
        labour_cost,
        tooling_cost,
        monthly_cost,
        target_margin_pct: i.target_margin_pct,
        proposed_mrr,
        increase_pct,
    }
}

/// The dates and the refund of ending a client (H2, H3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitPlan {
    /// End now: as-of + notice, or the contract end when that comes first. None when no
    /// notice period is on record: check the agreement rather than guess.
    pub earliest_end: Option<NaiveDate>,
    /// Do not renew: the last day to give notice (contract end - notice). None without
    /// both.
    pub notice_by: Option<NaiveDate>,
    /// The prepaid fee for the days of the end month after the earliest end; 0 when not
    /// prepaid or there is no end date.
    pub prepaid_refund: Cents,
}

/// The contract facts an exit plan is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contract {
    pub mrr: Cents,
    pub prepaid: bool,
    pub contract_end: Option<NaiveDate>,
    pub notice_days: Option<u32>,
}

pub fn exit_plan(c: &Contract, as_of: NaiveDate) -> ExitPlan {
    let notice = c.notice_days.map(|n| Days::new(u64::from(n)));
    let earliest_end =
        notice
            .and_then(|n| as_of.checked_add_days(n))
            .map(|end| match c.contract_end {
                Some(contract_end) if contract_end < end => contract_end.max(as_of),
                _ => end,
            });
    let notice_by = match (c.contract_end, notice) {
        (Some(end), Some(n)) => end.checked_sub_days(n),
        _ => None,
    };
    let prepaid_refund = match earliest_end {
        Some(end) if c.prepaid => refund_after(c.mrr, end),
        _ => Cents::ZERO,
    };
    ExitPlan {
        earliest_end,
        notice_by,
        prepaid_refund,
    }
}

/// MRR x (days of the end date's month after the end date) / (days in that month), in
/// cents, rounded half up.
pub fn refund_after(mrr: Cents, end: NaiveDate) -> Cents {
    let days_in_month = days_in_month(end);
    let after = i64::from(days_in_month - end.day());
    // Half up, in integers: (2 x mrr x after + days) / (2 x days).
    let days = i64::from(days_in_month);
    Cents((2 * mrr.0 * after + days) / (2 * days))
}

fn days_in_month(d: NaiveDate) -> u32 {
    let (y, m) = (d.year(), d.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map_or(30, |last| last.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::parse_date("d", s).unwrap()
    }

    fn inputs() -> CostInputs {
        CostInputs {
            current_mrr: Cents(100_000),
            // 15 hours in 90 days: 5 hours a month.
            minutes_in_window: 15 * 60,
            window_days: 90,
            seats: 10,
            hourly_cost: Cents(6_500),
            tooling_per_seat: Cents(1_250),
            target_margin_pct: 50.0,
        }
    }

    #[test]
    fn the_mrr_that_reaches_the_target_margin_by_hand() {
        // 5 h x 65 = 325.00, + 10 seats x 12.50 = 125.00: 450.00 a month. At 50% margin the
        // MRR must be 900.00; the client pays 1,000.00, so nothing is proposed.
        let r = reprice(&inputs());
        assert!((r.monthly_hours - 5.0).abs() < 1e-9);
        assert_eq!(r.monthly_cost, Cents(45_000));
        assert_eq!(
            (r.labour_cost, r.tooling_cost),
            (Cents(32_500), Cents(12_500))
        );
        assert_eq!(r.proposed_mrr, Cents(100_000));
        assert_eq!(r.increase_pct, Some(0.0));
        // At 400.00 MRR: 900.00 proposed, +125%.
        let r = reprice(&CostInputs {
            current_mrr: Cents(40_000),
            ..inputs()
        });
        assert_eq!(r.proposed_mrr, Cents(90_000));
        assert_eq!(r.increase_pct, Some(125.0));
        assert_eq!(r.increase(), Cents(50_000));
        // Rounded up to a whole unit: a cost of 450.01 at 50% needs 900.02, so 901.00.
        let r = reprice(&CostInputs {
            current_mrr: Cents(40_000),
            tooling_per_seat: Cents(1_250),
            seats: 10,
            minutes_in_window: 15 * 60,
            hourly_cost: Cents(6_500),
            ..inputs()
        });
        assert_eq!(r.proposed_mrr, Cents(90_000));
        let r = reprice(&CostInputs {
            current_mrr: Cents(0),
            tooling_per_seat: Cents(1_251),
            ..inputs()
        });
        assert_eq!(r.monthly_cost, Cents(45_010));
        assert_eq!(r.proposed_mrr, Cents(90_100));
        assert_eq!(r.increase_pct, None, "no increase in % from nothing");
    }

    #[test]
    fn per_seat_tooling_counts_without_hours() {
        let r = reprice(&CostInputs {
            minutes_in_window: 0,
            seats: 4,
            tooling_per_seat: Cents(2_000),
            current_mrr: Cents(10_000),
            ..inputs()
        });
        assert_eq!(r.monthly_cost, Cents(8_000));
        assert_eq!(r.proposed_mrr, Cents(16_000));
        assert_eq!(r.increase_pct, Some(60.0));
    }

    fn contract(end: Option<&str>, notice: Option<u32>, prepaid: bool) -> Contract {
        Contract {
            mrr: Cents(93_000),
            prepaid,
            contract_end: end.map(d),
            notice_days: notice,
        }
    }

    #[test]
    fn notice_across_month_ends_and_a_leap_day() {
        let p = exit_plan(
            &contract(Some("2028-03-31"), Some(30), false),
            d("2028-01-31"),
        );
        assert_eq!(
            p.earliest_end,
            Some(d("2028-03-01")),
            "30 days after 31 Jan 2028"
        );
        assert_eq!(
            p.notice_by,
            Some(d("2028-03-01")),
            "31 Mar - 30 days, across 29 Feb"
        );
        let p = exit_plan(
            &contract(Some("2028-03-01"), Some(1), false),
            d("2028-02-28"),
        );
        assert_eq!(p.earliest_end, Some(d("2028-02-29")));
        assert_eq!(p.notice_by, Some(d("2028-02-29")));
    }

    #[test]
    fn the_contract_end_comes_first_when_it_is_sooner() {
        let p = exit_plan(
            &contract(Some("2026-07-10"), Some(90), false),
            d("2026-06-30"),
        );
        assert_eq!(p.earliest_end, Some(d("2026-07-10")));
        assert_eq!(
            p.notice_by,
            Some(d("2026-04-11")),
            "already past: the dates say so"
        );
    }

    #[test]
    fn without_a_contract_end_or_a_notice_period_the_plan_says_so() {
        let p = exit_plan(&contract(None, Some(30), true), d("2026-06-30"));
        assert_eq!(p.earliest_end, Some(d("2026-07-30")));
        assert_eq!(p.notice_by, None, "no contract end: no notice-by date");
        let p = exit_plan(&contract(Some("2027-01-31"), None, true), d("2026-06-30"));
        assert_eq!(p.earliest_end, None, "no notice period on record: no guess");
        assert_eq!(p.notice_by, None);
        assert_eq!(p.prepaid_refund, Cents::ZERO);
    }

    #[test]
    fn a_prepaid_client_gets_the_days_after_the_end_back() {
        // Ends 10 Jul: 21 of July's 31 days are refunded: 930.00 x 21 / 31 = 630.00.
        let p = exit_plan(&contract(None, Some(10), true), d("2026-06-30"));
        assert_eq!(p.earliest_end, Some(d("2026-07-10")));
        assert_eq!(p.prepaid_refund, Cents(63_000));
        let p = exit_plan(&contract(None, Some(10), false), d("2026-06-30"));
        assert_eq!(
            p.prepaid_refund,
            Cents::ZERO,
            "not prepaid, nothing to refund"
        );
        // Half up: 100.00 x 1 / 30 = 3.333 -> 3.33; 0.05 x 1 / 2 ... in cents.
        assert_eq!(refund_after(Cents(10_000), d("2026-06-29")), Cents(333));
        assert_eq!(
            refund_after(Cents(45), d("2026-06-15")),
            Cents(23),
            "22.5 rounds up"
        );
        assert_eq!(refund_after(Cents(10_000), d("2026-06-30")), Cents::ZERO);
        // February of a leap year has 29 days.
        assert_eq!(refund_after(Cents(29_000), d("2028-02-28")), Cents(1_000));
    }
}
