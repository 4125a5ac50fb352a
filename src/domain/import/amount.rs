//! Amounts as exports write them: `$1,234.50`, `1.234,50 €`, `€ 1.250`, `EUR 99`, `1 234,50`,
//! `1'234.50`, and negatives as `-120`, `(120.00)` or `120-`. Either mark may be the decimal
//! one: with both, the last is; with one mark once, three digits after it make it a
//! thousands separator (`1,234` is 1234) and one or two a decimal mark (`12,5` is 12.50).

use super::value::CellProblem;
use crate::domain::error::Problem;
use crate::domain::money::Cents;

/// The largest amount read, as the hand-entry forms allow: a trillion units.
const MAX_CENTS: i64 = 100_000_000_000_000;

/// See [`super::parse_money`].
pub fn parse(text: &str) -> Result<i64, CellProblem> {
    let mut s = text.trim();
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    let sign = |s: &mut &str| {
        for m in ['-', '\u{2212}'] {
            if let Some(r) = s.strip_prefix(m) {
                *s = r.trim_start();
                return true;
            }
            if let Some(r) = s.strip_suffix(m) {
                *s = r.trim_end();
                return true;
            }
        }
        false
    };
    let mut signs = 0;
    signs += usize::from(sign(&mut s));
    s = strip_currency(s);
    signs += usize::from(sign(&mut s));
    if signs > 1 || (negative && signs > 0) {
        return Err(CellProblem::NotAnAmount);
    }
    negative |= signs == 1;
    let s = s.strip_prefix('+').unwrap_or(s);
    let cents = number(s).ok_or(CellProblem::NotAnAmount)?;
    if cents > MAX_CENTS {
        return Err(CellProblem::Invalid(Problem::AmountTooLarge {
            max: Cents(MAX_CENTS),
        }));
    }
    Ok(if negative { -cents } else { cents })
}

/// `s` without a currency symbol or three-letter code before or after it.
fn strip_currency(s: &str) -> &str {
    const SYMBOLS: [&str; 8] = ["US$", "$", "€", "£", "¥", "₹", "CHF", "kr"];
    let mut s = s.trim();
    for sym in SYMBOLS {
        if let Some(r) = s.strip_prefix(sym) {
            s = r.trim_start();
            break;
        }
        if let Some(r) = s.strip_suffix(sym) {
            s = r.trim_end();
            break;
        }
    }
    let is_code = |c: Option<&str>| c.is_some_and(|c| c.bytes().all(|b| b.is_ascii_uppercase()));
    let n = s.len();
    if n > 3 && is_code(s.get(..3)) {
        s = s[3..].trim_start();
    } else if n > 3 && is_code(s.get(n - 3..)) {
        s = s[..n - 3].trim_end();
    }
    s
}

/// The cents in a bare number with thousands separators and a decimal mark, or None.
fn number(s: &str) -> Option<i64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '\u{2019}');
    let marks: Vec<(usize, char)> = s
        .char_indices()
        .filter(|&(_, c)| c == '.' || c == ',')
        .collect();
    // Which mark, if any, is the decimal one: its byte offset.
    let decimal = match marks.as_slice() {
        [] => None,
        [(i, _)] => {
            let after = s.len() - i - 1;
            match after {
                1 | 2 => Some(*i),
                3 => None,
                _ => return None,
            }
        }
        [.., (last_i, last)] => {
            let others_same = marks[..marks.len() - 1]
                .iter()
                .all(|&(_, c)| c == marks[0].1);
            if marks.iter().all(|&(_, c)| c == *last) {
                None
            } else if others_same && marks[0].1 != *last {
                Some(*last_i)
            } else {
                return None;
            }
        }
    };
    let (whole, frac) = match decimal {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    // The whole part: digits, in groups of three after the first when separated.
    let groups: Vec<&str> = whole
        .split(|c: char| c == '.' || c == ',' || is_space(c))
        .collect();
    if groups
        .iter()
        .any(|g| !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if groups.len() > 1
        && (!(1..=3).contains(&groups[0].len()) || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let whole: i64 = digits.parse().ok()?;
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_exports_write_money() {
        for (text, cents) in [
            ("$1,234.50", 123_450),
            ("1.234,50 €", 123_450),
            ("€ 1.250", 125_000),
            ("EUR 99", 9_900),
            ("99 EUR", 9_900),
            ("1234", 123_400),
            ("1,234", 123_400),
            ("1.234.567", 123_456_700),
            ("12,5", 1_250),
            ("12.05", 1_205),
            ("1 234,50", 123_450),
            ("1\u{a0}234,50", 123_450),
            ("1'234.50", 123_450),
            ("(120.00)", -12_000),
            ("($120.00)", -12_000),
            ("-120", -12_000),
            ("-$120", -12_000),
            ("€ -120,50", -12_050),
            ("120-", -12_000),
            ("0", 0),
            ("US$ 5", 500),
        ] {
            assert_eq!(parse(text), Ok(cents), "{text}");
        }
    }

    #[test]
    fn what_is_not_an_amount() {
        for bad in [
            "",
            "-",
            "abc",
            "12.345,6.7",
            "1,23,456",
            "1.2345",
            "12,34,5",
            "--5",
            "(-5)",
            "1e5",
            "€",
            "5 apples",
            "١٢",
        ] {
            assert_eq!(parse(bad), Err(CellProblem::NotAnAmount), "{bad}");
        }
        assert!(matches!(
            parse("99999999999999999"),
            Err(CellProblem::NotAnAmount | CellProblem::Invalid(_))
        ));
        assert!(matches!(
            parse("9999999999999"),
            Err(CellProblem::Invalid(Problem::AmountTooLarge { .. }))
        ));
    }
}
