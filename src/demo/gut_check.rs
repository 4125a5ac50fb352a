//! The staff's yearly gut check (guide O2): this year's and last year's lists of worst clients.

use chrono::{Datelike, NaiveDate};

use super::characters::{ABUSIVE, DEMANDING, FORMER_ABUSIVE, LATE_PAYER, NOISY, SECURITY_IGNORER};
use crate::domain::GutCheck;

const SANNE: &str = "Sanne de Vries";
const JORIS: &str = "Joris Bakker";
const PRIYA: &str = "Priya Raman";
const TOM: &str = "Tom Hendriks";

/// Each staff member's five worst clients, worst first. Priya joined this year.
const THIS_YEAR: &[(&str, &[&str])] = &[
    (
        SANNE,
        &[ABUSIVE, NOISY[0], LATE_PAYER, SECURITY_IGNORER, NOISY[1]],
    ),
    (
        JORIS,
        &[ABUSIVE, SECURITY_IGNORER, NOISY[2], NOISY[0], DEMANDING],
    ),
    (PRIYA, &[ABUSIVE, NOISY[1], NOISY[2], LATE_PAYER]),
    (
        TOM,
        &[
            SECURITY_IGNORER,
            ABUSIVE,
            NOISY[0],
            "Özdemir Transport",
            LATE_PAYER,
        ],
    ),
];

const LAST_YEAR: &[(&str, &[&str])] = &[
    (SANNE, &[FORMER_ABUSIVE, ABUSIVE, NOISY[0], NOISY[2]]),
    (
        JORIS,
        &[FORMER_ABUSIVE, SECURITY_IGNORER, ABUSIVE, NOISY[1]],
    ),
    (
        TOM,
        &[
            ABUSIVE,
            FORMER_ABUSIVE,
            NOISY[0],
            "Installatiebedrijf De Graaf",
        ],
    ),
];

/// Last year's gut check and this year's, which is the latest.
pub(super) fn gut_checks(today: NaiveDate) -> Vec<GutCheck> {
    let year = today.year();
    let lists = |year: i32, lists: &[(&str, &[&str])]| {
        lists
            .iter()
            .map(|(staff, clients)| GutCheck {
                year,
                staff: (*staff).to_string(),
                clients: clients.iter().map(|c| (*c).to_string()).collect(),
            })
            .collect::<Vec<_>>()
    };
    let mut checks = lists(year - 1, LAST_YEAR);
    checks.extend(lists(year, THIS_YEAR));
    checks
}
