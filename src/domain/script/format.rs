//! Dates and money as each language writes them in prose: `28 november 2026` and
//! `€ 1.250,00` in Dutch, `28 November 2026` and `€1,250.00` in English; and the date line
//! of a letter (`Utrecht, 28 november 2026`). Pure.

use chrono::{Datelike, NaiveDate};

use crate::domain::Cents;
use crate::domain::lang::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date in prose: `28 November 2026`, `28 november 2026` (no leading zero).
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let months = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Nl => &MONTHS_NL,
    };
    let month = months[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

/// An amount of money in prose, with the currency symbol: English `€1,250.00` and
/// `-€1,250.00`; Dutch `€ 1.250,00` and `€ -1.250,00` (the symbol first, a space, the sign
/// with the number).
pub fn money(lang: Lang, amount: Cents, symbol: &str) -> String {
    let negative = amount.0 < 0;
    let a = amount.0.unsigned_abs();
    let (whole, cents) = (a / 100, a % 100);
    match lang {
        Lang::En => {
            let sign = if negative { "-" } else { "" };
            format!("{sign}{symbol}{}.{cents:02}", group(whole, ','))
        }
        Lang::Nl => {
            let sign = if negative { "-" } else { "" };
            let space = if symbol.is_empty() { "" } else { " " };
            format!("{symbol}{space}{sign}{},{cents:02}", group(whole, '.'))
        }
    }
}

/// The date line of a letter. Dutch letters put the place before the date
/// (`Utrecht, 28 november 2026`); English letters carry the place in the letterhead and
/// date the letter alone (`28 November 2026`).
pub fn date_line(lang: Lang, place: Option<&str>, date: NaiveDate) -> String {
    let day = long_date(lang, date);
    match (lang, place.map(str::trim).filter(|p| !p.is_empty())) {
        (Lang::Nl, Some(place)) => format!("{place}, {day}"),
        _ => day,
    }
}

/// `1234567` with `sep` between the thousands: `1,234,567`, `1.234.567`.
fn group(n: u64, sep: char) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn long_dates_per_language() {
        assert_eq!(long_date(Lang::Nl, d(2026, 11, 28)), "28 november 2026");
        assert_eq!(long_date(Lang::En, d(2026, 11, 28)), "28 November 2026");
        // No leading zero; every month's name.
        assert_eq!(long_date(Lang::Nl, d(2027, 3, 1)), "1 maart 2027");
        assert_eq!(long_date(Lang::En, d(2027, 3, 1)), "1 March 2027");
        assert_eq!(long_date(Lang::Nl, d(2026, 5, 9)), "9 mei 2026");
        assert_eq!(long_date(Lang::En, d(2026, 5, 9)), "9 May 2026");
        assert_eq!(long_date(Lang::Nl, d(2024, 2, 29)), "29 februari 2024");
        let nl: Vec<String> = (1..=12)
            .map(|m| long_date(Lang::Nl, d(2026, m, 1)))
            .collect();
        assert_eq!(nl[0], "1 januari 2026");
        assert_eq!(nl[6], "1 juli 2026");
        assert_eq!(nl[7], "1 augustus 2026");
        assert_eq!(nl[11], "1 december 2026");
        assert_eq!(long_date(Lang::En, d(2026, 12, 31)), "31 December 2026");
    }

    #[test]
    fn money_per_language() {
        let eur = |lang, c| money(lang, Cents(c), "€");
        assert_eq!(eur(Lang::Nl, 125_000), "€ 1.250,00");
        assert_eq!(eur(Lang::En, 125_000), "€1,250.00");
        // Zero, cents only, and the cents kept exactly.
        assert_eq!(eur(Lang::Nl, 0), "€ 0,00");
        assert_eq!(eur(Lang::En, 0), "€0.00");
        assert_eq!(eur(Lang::Nl, 5), "€ 0,05");
        assert_eq!(eur(Lang::En, 99), "€0.99");
        assert_eq!(eur(Lang::Nl, 123_456), "€ 1.234,56");
        assert_eq!(eur(Lang::En, 100_001), "€1,000.01");
        // Below a thousand: no separator.
        assert_eq!(eur(Lang::Nl, 99_999), "€ 999,99");
        assert_eq!(eur(Lang::En, 99_999), "€999.99");
        // Negative amounts.
        assert_eq!(eur(Lang::Nl, -125_050), "€ -1.250,50");
        assert_eq!(eur(Lang::En, -125_050), "-€1,250.50");
        assert_eq!(eur(Lang::En, -1), "-€0.01");
        // Large amounts: every group of three.
        assert_eq!(eur(Lang::Nl, 123_456_789_012), "€ 1.234.567.890,12");
        assert_eq!(eur(Lang::En, 123_456_789_012), "€1,234,567,890.12");
        assert_eq!(eur(Lang::En, i64::MIN), "-€92,233,720,368,547,758.08");
        // The symbol from the config.
        assert_eq!(money(Lang::Nl, Cents(150_000), "$"), "$ 1.500,00");
        assert_eq!(money(Lang::En, Cents(150_000), "£"), "£1,500.00");
        assert_eq!(money(Lang::Nl, Cents(150_000), ""), "1.500,00");
    }

    #[test]
    fn the_date_line_follows_each_language() {
        let day = d(2026, 11, 28);
        assert_eq!(
            date_line(Lang::Nl, Some("Utrecht"), day),
            "Utrecht, 28 november 2026"
        );
        assert_eq!(date_line(Lang::Nl, None, day), "28 november 2026");
        assert_eq!(date_line(Lang::Nl, Some("  "), day), "28 november 2026");
        assert_eq!(
            date_line(Lang::En, Some("Utrecht"), day),
            "28 November 2026"
        );
        assert_eq!(date_line(Lang::En, None, day), "28 November 2026");
    }
}
