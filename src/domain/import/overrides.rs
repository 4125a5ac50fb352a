//! The user's `--value` rules on top of a preset's ticket value rules: `kind:VALUE=KIND`
//! (a type or category value means incident, request or admin; `kind:*=KIND` is the kind
//! of a ticket whose type rapport does not know), `status:VALUE=escalated` or
//! `status:VALUE=reopened`, and `-` after the `=` to drop a value's rule. Values are
//! compared case-insensitively, as the rules are.

use crate::domain::TicketKind;

use super::mapping::ValueRules;

/// A `--value` that is none of the forms above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValueRule(pub String);

/// Applies one `--value` rule to `rules`.
pub fn apply_value_rule(rules: &mut ValueRules, spec: &str) -> Result<(), BadValueRule> {
    let bad = || BadValueRule(spec.to_string());
    let (what, rest) = spec.split_once(':').ok_or_else(bad)?;
    let (value, meaning) = rest.rsplit_once('=').ok_or_else(bad)?;
    let (value, meaning) = (value.trim(), meaning.trim().to_lowercase());
    if value.is_empty() {
        return Err(bad());
    }
    let same = |v: &String| v.to_lowercase() == value.to_lowercase();
    match what.trim().to_lowercase().as_str() {
        "kind" | "type" | "category" => {
            let kind = match meaning.as_str() {
                "-" => None,
                m => Some(TicketKind::parse("kind", m).map_err(|_| bad())?),
            };
            if value == "*" {
                rules.default_kind = kind;
                return Ok(());
            }
            rules.kinds.retain(|(v, _)| !same(v));
            if let Some(kind) = kind {
                rules.kinds.push((value.to_string(), kind));
            }
        }
        "status" => {
            if !matches!(meaning.as_str(), "escalated" | "reopened" | "-") {
                return Err(bad());
            }
            rules.escalated.retain(|v| !same(v));
            rules.reopened.retain(|v| !same(v));
            match meaning.as_str() {
                "escalated" => rules.escalated.push(value.to_string()),
                "reopened" => rules.reopened.push(value.to_string()),
                _ => {}
            }
        }
        _ => return Err(bad()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_rules_are_added_replaced_and_dropped() {
        let mut r = ValueRules {
            kinds: vec![("Billing".into(), TicketKind::Request)],
            ..ValueRules::default()
        };
        apply_value_rule(&mut r, "kind:billing=admin").unwrap();
        apply_value_rule(&mut r, "kind:Onboarding = request").unwrap();
        apply_value_rule(&mut r, "kind:*=incident").unwrap();
        apply_value_rule(&mut r, "status:Escalated=escalated").unwrap();
        apply_value_rule(&mut r, "status:Re-Opened=reopened").unwrap();
        assert_eq!(
            r.kinds,
            vec![
                ("billing".to_string(), TicketKind::Admin),
                ("Onboarding".to_string(), TicketKind::Request)
            ]
        );
        assert_eq!(r.default_kind, Some(TicketKind::Incident));
        assert_eq!(r.escalated, vec!["Escalated".to_string()]);
        assert_eq!(r.reopened, vec!["Re-Opened".to_string()]);
        apply_value_rule(&mut r, "status:escalated=-").unwrap();
        apply_value_rule(&mut r, "kind:ONBOARDING=-").unwrap();
        assert!(r.escalated.is_empty());
        assert_eq!(r.kinds.len(), 1);
    }

    #[test]
    fn a_rule_in_no_known_form_is_refused() {
        let mut r = ValueRules::default();
        for spec in [
            "Billing=admin",
            "kind:Billing",
            "kind:=admin",
            "kind:B=chore",
            "colour:x=y",
            "status:x=admin",
        ] {
            assert_eq!(
                apply_value_rule(&mut r, spec),
                Err(BadValueRule(spec.to_string())),
                "{spec}"
            );
        }
        assert_eq!(r, ValueRules::default());
    }
}
