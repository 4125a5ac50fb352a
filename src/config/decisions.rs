//! The [decisions] and [ideal_client] tables of config.toml: the target margin a reprice
//! aims for, when a "keep and watch" is reviewed, and the ideal client profile (R3, P1).

use serde::Deserialize;
use toml::Spanned;

use super::{ConfigError, Number};
use crate::domain::Cents;
use crate::domain::decide::case::IdealClient;

type At<'a> = &'a dyn Fn(usize, String) -> ConfigError;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawDecisions {
    target_margin_pct: Option<Spanned<Number>>,
    review_days: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawIdeal {
    segments: Option<Vec<Spanned<String>>>,
    min_seats: Option<Spanned<i64>>,
    min_mrr: Option<Spanned<Number>>,
    standard_stack: Option<Spanned<String>>,
}

/// The [decisions] values: target margin in %, review days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decisions {
    pub target_margin_pct: f64,
    pub review_days: u32,
}

impl Default for Decisions {
    fn default() -> Self {
        Self {
            target_margin_pct: 50.0,
            review_days: 90,
        }
    }
}

impl RawDecisions {
    pub(super) fn values(self, at: At) -> Result<Decisions, ConfigError> {
        let mut d = Decisions::default();
        if let Some(v) = &self.target_margin_pct {
            d.target_margin_pct = match v.get_ref().as_f64() {
                Some(x) if (0.0..=95.0).contains(&x) => x,
                _ => {
                    return Err(at(v.span().start, crate::t!("config.target_margin").into()));
                }
            };
        }
        if let Some(v) = &self.review_days {
            let n = *v.get_ref();
            if !(1..=730).contains(&n) {
                return Err(at(
                    v.span().start,
                    crate::t!(
                        "config.whole",
                        key = "decisions.review_days",
                        n = n,
                        min = 1,
                        max = 730
                    ),
                ));
            }
            d.review_days = n as u32;
        }
        Ok(d)
    }
}

impl RawIdeal {
    pub(super) fn profile(self, at: At) -> Result<IdealClient, ConfigError> {
        let mut p = IdealClient::default();
        for s in self.segments.unwrap_or_default() {
            let text = s.get_ref().trim();
            if text.is_empty() || text.chars().count() > 100 {
                return Err(at(s.span().start, crate::t!("config.segments").into()));
            }
            p.segments.push(text.to_string());
        }
        if let Some(v) = &self.min_seats {
            let n = *v.get_ref();
            if !(0..=100_000).contains(&n) {
                return Err(at(
                    v.span().start,
                    crate::t!(
                        "config.whole",
                        key = "ideal_client.min_seats",
                        n = n,
                        min = 0,
                        max = 100000
                    ),
                ));
            }
            p.min_seats = n as u32;
        }
        if let Some(v) = &self.min_mrr {
            p.min_mrr = Cents::parse("ideal_client.min_mrr", &v.get_ref().text())
                .map_err(|e| at(v.span().start, e.to_string()))?;
        }
        if let Some(v) = self.standard_stack {
            let text = v.get_ref().trim();
            if text.chars().count() > 200 {
                return Err(at(
                    v.span().start,
                    crate::t!("config.standard_stack").into(),
                ));
            }
            p.standard_stack = text.to_string();
        }
        Ok(p)
    }
}
