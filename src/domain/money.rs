//! Money as integer cents: parsing user input and formatting for display.

use std::fmt;

use super::error::{FieldError, Problem};

/// An amount of money in integer cents. Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Cents(pub i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    /// Parses user input: `1500`, `1500.5`, `1500.50`, `1,500.50`, with an optional leading
    /// currency symbol. Negative amounts, more than two decimals and misplaced thousands
    /// separators are refused.
    pub fn parse(field: &'static str, input: &str) -> Result<Cents, FieldError> {
        let bad = |problem: Problem| FieldError::of(field, problem);
        let text = || input.to_string();
        let s = input.trim();
        let s = s.trim_start_matches(['€', '$', '£']).trim();
        if s.is_empty() {
            return Err(bad(Problem::AmountEmpty));
        }
        if s.starts_with('-') {
            return Err(bad(Problem::Negative));
        }
        let s = s.strip_prefix('+').unwrap_or(s);
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (s, None),
        };
        if whole.is_empty() {
            return Err(bad(Problem::AmountNoWhole { text: text() }));
        }
        let digits: String = if whole.contains(',') {
            let groups: Vec<&str> = whole.split(',').collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
            if !first_ok || !rest_ok {
                return Err(bad(Problem::AmountSeparators { text: text() }));
            }
            groups.concat()
        } else {
            whole.to_string()
        };
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad(Problem::AmountNotANumber { text: text() }));
        }
        let frac_cents = match frac {
            None => 0,
            Some(f) if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) => {
                return Err(bad(Problem::AmountNotANumber { text: text() }));
            }
            Some(f) if f.len() > 2 => {
                return Err(bad(Problem::TooManyDecimals));
            }
            Some(f) if f.len() == 1 => f.parse::<i64>().unwrap_or(0) * 10,
            Some(f) => f.parse::<i64>().unwrap_or(0),
        };
        let too_large = || {
            bad(Problem::AmountTooLarge {
                max: Cents(MAX_CENTS),
            })
        };
        let whole: i64 = digits.parse().map_err(|_| too_large())?;
        whole
            .checked_mul(100)
            .and_then(|c| c.checked_add(frac_cents))
            .filter(|c| *c <= MAX_CENTS)
            .map(Cents)
            .ok_or_else(too_large)
    }

    /// Plain decimal form without symbol or separators, e.g. `1500.50`: what the edit form shows.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }

    /// Display form with a currency symbol and thousands separators, e.g. `€1,500.50`.
    pub fn display(self, symbol: &str) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{symbol}{}.{:02}", group_thousands(a / 100), a % 100)
    }

    /// Whole units only, e.g. `€1,501`: for tables where cents are noise.
    pub fn display_whole(self, symbol: &str) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{symbol}{}", group_thousands((a + 50) / 100))
    }
}

/// The largest amount accepted: a trillion units, far beyond any MSP invoice.
const MAX_CENTS: i64 = 100_000_000_000_000;

/// `1234567` as `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Serialized as integer cents.
impl serde::Serialize for Cents {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

/// Read back from integer cents.
impl<'de> serde::Deserialize<'de> for Cents {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        i64::deserialize(d).map(Cents)
    }
}

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<i64, String> {
        Cents::parse("amount", s)
            .map(|c| c.0)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(p("1500"), Ok(150_000));
        assert_eq!(p("1500.50"), Ok(150_050));
        assert_eq!(p("1500.5"), Ok(150_050));
        assert_eq!(p("1,500.50"), Ok(150_050));
        assert_eq!(p("1,234,567"), Ok(123_456_700));
        assert_eq!(p(" €12.05 "), Ok(1_205));
        assert_eq!(p("0"), Ok(0));
    }

    #[test]
    fn refuses_bad_amounts_naming_the_field() {
        assert_eq!(p("-5").unwrap_err(), "amount must not be negative");
        assert_eq!(p("1.505").unwrap_err(), "amount has more than two decimals");
        assert!(p("12,34").unwrap_err().contains("thousands"));
        assert!(p("abc").unwrap_err().contains("not a number"));
        assert!(p("").unwrap_err().contains("empty"));
        assert!(p("1.").unwrap_err().contains("not a number"));
        assert!(p(".5").unwrap_err().contains("no whole part"));
        assert!(
            p("99999999999999999999")
                .unwrap_err()
                .contains("must be at most 1,000,000,000,000")
        );
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(Cents(150_050).display("€"), "€1,500.50");
        assert_eq!(Cents(5).display("$"), "$0.05");
        assert_eq!(Cents(123_456_789).display_whole("€"), "€1,234,568");
        assert_eq!(Cents(150_050).plain(), "1500.50");
        assert_eq!(Cents(-150).display("€"), "-€1.50");
    }
}
