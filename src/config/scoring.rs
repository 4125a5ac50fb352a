//! The [scoring] tables of config.toml: window, thresholds, weights, alert, dealbreakers.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{ConfigError, Number};
use crate::domain::score::rules::DealbreakerRules;
use crate::domain::score::{MetricKey, Rules, Threshold};

type At<'a> = &'a dyn Fn(usize, String) -> ConfigError;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawScoring {
    window_days: Option<Spanned<i64>>,
    alert_drop: Option<Spanned<Number>>,
    alert_months: Option<Spanned<i64>>,
    thresholds: BTreeMap<Spanned<String>, Spanned<RawThreshold>>,
    weights: BTreeMap<Spanned<String>, Spanned<Number>>,
    dealbreakers: RawDealbreakers,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table like { good = 1, bad = 2 }")]
struct RawThreshold {
    good: Number,
    bad: Number,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
struct RawDealbreakers {
    abuse_incidents: Option<Spanned<i64>>,
    ignored_ratio: Option<Spanned<Number>>,
    ignored_min_decided: Option<Spanned<i64>>,
    disrespect_incidents: Option<Spanned<i64>>,
    security_incidents: Option<Spanned<i64>>,
    unreasonable_demands: Option<Spanned<i64>>,
    late_payments: Option<Spanned<i64>>,
    late_payment_days: Option<Spanned<i64>>,
    overdue_days: Option<Spanned<i64>>,
    strict_payments: Option<bool>,
}

fn whole(
    v: Option<Spanned<i64>>,
    key: &str,
    min: i64,
    max: i64,
    at: At,
) -> Result<Option<u32>, ConfigError> {
    let Some(v) = v else { return Ok(None) };
    let n = *v.get_ref();
    if n < min || n > max {
        return Err(at(
            v.span().start,
            crate::t!(
                "config.whole",
                key = format!("scoring.{key}"),
                n = n,
                min = min,
                max = max
            ),
        ));
    }
    Ok(u32::try_from(n).ok())
}

fn real(v: &Spanned<Number>, key: &str, min: f64, max: f64, at: At) -> Result<f64, ConfigError> {
    match v.get_ref().as_f64() {
        Some(x) if (min..=max).contains(&x) => Ok(x),
        _ => Err(at(
            v.span().start,
            crate::t!(
                "config.real",
                key = format!("scoring.{key}"),
                min = min,
                max = max
            ),
        )),
    }
}

fn metric(key: &Spanned<String>, table: &str, at: At) -> Result<MetricKey, ConfigError> {
    MetricKey::from_key(key.get_ref()).ok_or_else(|| {
        let known: Vec<&str> = MetricKey::ALL.iter().map(|k| k.key()).collect();
        at(
            key.span().start,
            crate::t!(
                "config.scoring.unknown_metric",
                table = table,
                metric = key.get_ref(),
                known = known.join(", ")
            ),
        )
    })
}

impl RawScoring {
    pub(super) fn rules(self, at: At) -> Result<Rules, ConfigError> {
        let mut r = Rules::default();
        if let Some(w) = whole(self.window_days, "window_days", 7, 730, at)? {
            r.window_days = w;
        }
        if let Some(v) = &self.alert_drop {
            r.alert_drop = real(v, "alert_drop", 0.0, 100.0, at)?;
        }
        if let Some(m) = whole(self.alert_months, "alert_months", 1, 11, at)? {
            r.alert_months = m as usize;
        }
        for (key, t) in &self.thresholds {
            let k = metric(key, "thresholds", at)?;
            let name = format!("thresholds.{}", k.key());
            let bound = 1e9;
            let good = t.get_ref().good.as_f64().filter(|x| x.abs() <= bound);
            let bad = t.get_ref().bad.as_f64().filter(|x| x.abs() <= bound);
            match (good, bad) {
                (Some(good), Some(bad)) => r.thresholds[k.index()] = Threshold::new(good, bad),
                _ => {
                    return Err(at(
                        t.span().start,
                        crate::t!("config.scoring.two_numbers", name = name),
                    ));
                }
            }
        }
        for (key, w) in &self.weights {
            let k = metric(key, "weights", at)?;
            r.weights[k.index()] = real(w, &format!("weights.{}", k.key()), 0.0, 100.0, at)?;
        }
        if r.weights.iter().all(|w| *w == 0.0) {
            // The first weight in the file (the map is in key order).
            let start = self.weights.values().map(|w| w.span().start).min();
            let start = start.unwrap_or(0);
            return Err(at(start, crate::t!("config.scoring.no_weight").into()));
        }
        let d = self.dealbreakers;
        let b = &mut r.dealbreakers;
        let set = |slot: &mut u32, v, key: &str, max| -> Result<(), ConfigError> {
            if let Some(n) = whole(v, &format!("dealbreakers.{key}"), 0, max, at)? {
                *slot = n;
            }
            Ok(())
        };
        set(
            &mut b.abuse_incidents,
            d.abuse_incidents,
            "abuse_incidents",
            100,
        )?;
        set(
            &mut b.ignored_min_decided,
            d.ignored_min_decided,
            "ignored_min_decided",
            100,
        )?;
        set(
            &mut b.disrespect_incidents,
            d.disrespect_incidents,
            "disrespect_incidents",
            100,
        )?;
        set(
            &mut b.security_incidents,
            d.security_incidents,
            "security_incidents",
            100,
        )?;
        set(
            &mut b.unreasonable_demands,
            d.unreasonable_demands,
            "unreasonable_demands",
            100,
        )?;
        set(&mut b.late_payments, d.late_payments, "late_payments", 100)?;
        set(
            &mut b.late_payment_days,
            d.late_payment_days,
            "late_payment_days",
            3650,
        )?;
        set(&mut b.overdue_days, d.overdue_days, "overdue_days", 3650)?;
        if let Some(v) = &d.ignored_ratio {
            b.ignored_ratio = real(v, "dealbreakers.ignored_ratio", 0.0, 1.0, at)?;
        }
        if let Some(s) = d.strict_payments {
            b.strict_payments = s;
        }
        let _: &DealbreakerRules = b;
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::Config;
    use crate::domain::score::{MetricKey, Rules};

    fn parse(text: &str) -> Result<Rules, String> {
        Config::parse(Path::new("c.toml"), text)
            .map(|c| c.scoring)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn thresholds_weights_and_dealbreakers_can_be_tuned() {
        let r = parse(
            "[scoring]\nwindow_days = 60\n[scoring.thresholds]\navg_days_to_pay = { good = 14, bad = 45.5 }\n\
             [scoring.weights]\nmargin_pct = 3\n[scoring.dealbreakers]\nstrict_payments = true\n",
        )
        .unwrap();
        assert_eq!(r.window_days, 60);
        assert_eq!(r.threshold(MetricKey::AvgDaysToPay).bad, 45.5);
        assert_eq!(r.weight(MetricKey::MarginPct), 3.0);
        assert!(r.dealbreakers.strict_payments);
        assert_eq!(
            r.threshold(MetricKey::ReopenRate),
            Rules::default().threshold(MetricKey::ReopenRate)
        );
    }

    #[test]
    fn mistakes_name_the_key_and_the_place() {
        let e = parse("[scoring.thresholds]\nticket_count = { good = 1, bad = 2 }\n").unwrap_err();
        assert!(
            e.contains("line 2, column 1") && e.contains("unknown metric 'ticket_count'"),
            "{e}"
        );
        let e = parse("[scoring]\nwindow_days = 3\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("window_days"), "{e}");
        let e = parse("[scoring.thresholds]\nreopen_rate = { good = 0.1 }\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("bad"), "{e}");
        let e = parse("[scoring.weights]\nmargin_pct = -1\n").unwrap_err();
        assert!(e.contains("weights.margin_pct"), "{e}");
        let e = parse("[scoring.dealbreakers]\nlate_paymentz = 2\n").unwrap_err();
        assert!(e.contains("late_paymentz"), "{e}");
    }
}
