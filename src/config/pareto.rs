//! The [pareto] tables of config.toml: window, the vital few's share, the concentration
//! warning and the stress weights.

use serde::Deserialize;
use toml::Spanned;

use super::{ConfigError, Number};
use crate::domain::pareto::ParetoRules;

type At<'a> = &'a dyn Fn(usize, String) -> ConfigError;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawPareto {
    window_days: Option<Spanned<i64>>,
    vital_share: Option<Spanned<Number>>,
    concentration_warning: Option<Spanned<Number>>,
    stress: RawStress,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
struct RawStress {
    ticket: Option<Spanned<Number>>,
    reopened: Option<Spanned<Number>>,
    escalation: Option<Spanned<Number>>,
    incident: Option<Spanned<Number>>,
    staff_vote: Option<Spanned<Number>>,
}

fn real(v: &Spanned<Number>, key: &str, min: f64, max: f64, at: At) -> Result<f64, ConfigError> {
    match v.get_ref().as_f64() {
        Some(x) if (min..=max).contains(&x) => Ok(x),
        _ => Err(at(
            v.span().start,
            crate::t!(
                "config.real",
                key = format!("pareto.{key}"),
                min = min,
                max = max
            ),
        )),
    }
}

impl RawPareto {
    pub(super) fn rules(self, at: At) -> Result<ParetoRules, ConfigError> {
        let mut r = ParetoRules::default();
        if let Some(w) = &self.window_days {
            let n = *w.get_ref();
            if !(7..=3650).contains(&n) {
                return Err(at(
                    w.span().start,
                    crate::t!(
                        "config.whole",
                        key = "pareto.window_days",
                        n = n,
                        min = 7,
                        max = 3650
                    ),
                ));
            }
            r.window_days = n as u32;
        }
        if let Some(v) = &self.vital_share {
            r.vital_share = real(v, "vital_share", 0.05, 1.0, at)?;
        }
        if let Some(v) = &self.concentration_warning {
            r.concentration_warning = real(v, "concentration_warning", 0.0, 1.0, at)?;
        }
        let s = self.stress;
        let w = &mut r.stress;
        for (slot, v, key) in [
            (&mut w.ticket, &s.ticket, "ticket"),
            (&mut w.reopened, &s.reopened, "reopened"),
            (&mut w.escalation, &s.escalation, "escalation"),
            (&mut w.incident, &s.incident, "incident"),
            (&mut w.staff_vote, &s.staff_vote, "staff_vote"),
        ] {
            if let Some(v) = v {
                *slot = real(v, &format!("stress.{key}"), 0.0, 1000.0, at)?;
            }
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::Config;
    use crate::domain::pareto::ParetoRules;

    fn parse(text: &str) -> Result<ParetoRules, String> {
        Config::parse(Path::new("c.toml"), text)
            .map(|c| c.pareto)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_pareto_tables_can_be_tuned_and_mistakes_are_placed() {
        let r = parse("[pareto]\nvital_share = 0.75\n[pareto.stress]\nincident = 8\n").unwrap();
        assert_eq!(r.vital_share, 0.75);
        assert_eq!(r.stress.incident, 8.0);
        assert_eq!(r.window_days, 365);
        let e = parse("[pareto]\nvital_share = 2\n").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("pareto.vital_share"),
            "{e}"
        );
        let e = parse("[pareto.stress]\nangry_emails = 3\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("angry_emails"), "{e}");
    }
}
