//! The `[import.presets.NAME]` tables of config.toml: the user's own import presets (a
//! ConnectWise or HaloPSA view's columns, saved with `rapport import --save-preset`), read
//! as strictly as the other tables, and written back as TOML text appended to the file.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::ConfigError;
use crate::domain::TicketKind;
use crate::domain::import::{DateFormat, Field, ImportKind, Preset, ValueRules};

type At<'a> = &'a dyn Fn(usize, String) -> ConfigError;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub(super) struct RawImport {
    presets: BTreeMap<String, RawPreset>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table")]
struct RawPreset {
    kind: Spanned<String>,
    #[serde(default)]
    date_format: Option<Spanned<String>>,
    /// "Header" = "field".
    #[serde(default)]
    columns: BTreeMap<String, Spanned<String>>,
    /// "Ticket type value" = "incident" | "request" | "admin".
    #[serde(default)]
    kinds: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    escalated: Vec<String>,
    #[serde(default)]
    reopened: Vec<String>,
    #[serde(default)]
    default_kind: Option<Spanned<String>>,
}

impl RawImport {
    /// The saved presets, by name.
    pub(super) fn presets(self, at: At) -> Result<Vec<Preset>, ConfigError> {
        self.presets
            .into_iter()
            .map(|(name, raw)| raw.preset(name, at))
            .collect()
    }
}

impl RawPreset {
    fn preset(self, name: String, at: At) -> Result<Preset, ConfigError> {
        let key = |k: &str| format!("import.presets.{name}.{k}");
        let kind = ImportKind::parse(self.kind.get_ref()).ok_or_else(|| {
            at(
                self.kind.span().start,
                crate::t!(
                    "config.import.kind",
                    key = key("kind"),
                    value = self.kind.get_ref(),
                    known = kinds_list()
                ),
            )
        })?;
        let date_format = match &self.date_format {
            None => None,
            Some(f) => Some(DateFormat::parse(f.get_ref()).ok_or_else(|| {
                at(
                    f.span().start,
                    crate::t!(
                        "config.import.date_format",
                        key = key("date_format"),
                        value = f.get_ref()
                    ),
                )
            })?),
        };
        let mut columns: Vec<(Field, Vec<String>)> = Vec::new();
        for (header, field) in &self.columns {
            let f = Field::parse(kind, field.get_ref()).ok_or_else(|| {
                at(
                    field.span().start,
                    crate::t!(
                        "config.import.field",
                        key = key("columns"),
                        value = field.get_ref(),
                        kind = kind.name(),
                        known = fields_list(kind)
                    ),
                )
            })?;
            match columns.iter_mut().find(|(g, _)| *g == f) {
                Some((_, headers)) => headers.push(header.clone()),
                None => columns.push((f, vec![header.clone()])),
            }
        }
        let ticket_kind = |v: &Spanned<String>, k: &str| {
            TicketKind::parse("kind", v.get_ref()).map_err(|_| {
                at(
                    v.span().start,
                    crate::t!(
                        "config.import.ticket_kind",
                        key = key(k),
                        value = v.get_ref()
                    ),
                )
            })
        };
        let mut values = ValueRules::default();
        for (value, kind) in &self.kinds {
            values
                .kinds
                .push((value.clone(), ticket_kind(kind, "kinds")?));
        }
        if let Some(d) = &self.default_kind {
            values.default_kind = Some(ticket_kind(d, "default_kind")?);
        }
        values.escalated = self.escalated;
        values.reopened = self.reopened;
        Ok(Preset {
            name,
            kind,
            columns,
            date_format,
            values,
        })
    }
}

fn kinds_list() -> String {
    ImportKind::ALL.map(ImportKind::name).join(", ")
}

fn fields_list(kind: ImportKind) -> String {
    kind.fields()
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A preset as the TOML table `[import.presets.NAME]` that reads back as it (what
/// `--save-preset` appends to the config file).
pub fn preset_toml(preset: &Preset) -> String {
    use std::fmt::Write as _;
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = format!("[import.presets.{}]\n", q(&preset.name));
    let _ = writeln!(out, "kind = {}", q(preset.kind.name()));
    if let Some(f) = preset.date_format {
        let _ = writeln!(out, "date_format = {}", q(f.name()));
    }
    let columns: Vec<String> = preset
        .columns
        .iter()
        .flat_map(|(field, headers)| {
            headers
                .iter()
                .map(move |h| format!("{} = {}", q(h), q(field.name())))
        })
        .collect();
    let _ = writeln!(out, "columns = {{ {} }}", columns.join(", "));
    let v = &preset.values;
    if !v.kinds.is_empty() {
        let kinds: Vec<String> = v
            .kinds
            .iter()
            .map(|(value, kind)| format!("{} = {}", q(value), q(kind.as_str())))
            .collect();
        let _ = writeln!(out, "kinds = {{ {} }}", kinds.join(", "));
    }
    if let Some(d) = v.default_kind {
        let _ = writeln!(out, "default_kind = {}", q(d.as_str()));
    }
    let list = |l: &[String]| l.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ");
    if !v.escalated.is_empty() {
        let _ = writeln!(out, "escalated = [{}]", list(&v.escalated));
    }
    if !v.reopened.is_empty() {
        let _ = writeln!(out, "reopened = [{}]", list(&v.reopened));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    fn parse(text: &str) -> Result<Vec<Preset>, String> {
        Config::parse(Path::new("c.toml"), text)
            .map(|c| c.import_presets)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_saved_preset_reads_with_its_columns_values_and_date_format() {
        let p = parse(
            "[import.presets.cw]\nkind = \"tickets\"\ndate_format = \"d/m/Y\"\n\
             columns = { \"Company\" = \"client\", \"Ticket #\" = \"ref\", \"Entered\" = \"opened\" }\n\
             kinds = { \"Billing\" = \"admin\" }\nescalated = [\"Escalated\"]\ndefault_kind = \"request\"\n",
        )
        .unwrap();
        assert_eq!(p.len(), 1);
        let p = &p[0];
        assert_eq!((p.name.as_str(), p.kind), ("cw", ImportKind::Tickets));
        assert_eq!(p.date_format, Some(DateFormat::DayMonthYear));
        assert!(
            p.columns
                .contains(&(Field::Client, vec!["Company".to_string()]))
        );
        assert!(
            p.columns
                .contains(&(Field::Ref, vec!["Ticket #".to_string()]))
        );
        assert_eq!(
            p.values.kinds,
            vec![("Billing".to_string(), TicketKind::Admin)]
        );
        assert_eq!(p.values.escalated, vec!["Escalated".to_string()]);
        assert_eq!(p.values.default_kind, Some(TicketKind::Request));
    }

    #[test]
    fn mistakes_in_a_preset_are_placed_and_named() {
        let e = parse("[import.presets.x]\nkind = \"tickets\"\ncolour = \"red\"\n").unwrap_err();
        assert!(e.contains("line 3") && e.contains("colour"), "{e}");
        let e = parse("[import.presets.x]\nkind = \"tickets\"\ncolumns = { A = \"nope\" }\n")
            .unwrap_err();
        assert!(e.contains("line 3") && e.contains("nope"), "{e}");
        let e = parse("[import.presets.x]\nkind = \"cars\"\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("cars"), "{e}");
        let e = parse("[import.presets.x]\nkind = \"tickets\"\nkinds = { B = \"chore\" }\n")
            .unwrap_err();
        assert!(e.contains("line 3") && e.contains("chore"), "{e}");
    }

    #[test]
    fn the_example_config_holds_a_preset() {
        let p = parse(include_str!("../../config.example.toml")).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].name.as_str(), p[0].kind),
            ("example", ImportKind::Tickets)
        );
        assert_eq!(p[0].values.default_kind, Some(TicketKind::Request));
    }

    #[test]
    fn a_preset_written_as_toml_reads_back_the_same() {
        let preset = Preset {
            name: "my \"halo\" view".into(),
            kind: ImportKind::Tickets,
            columns: vec![
                (Field::Client, vec!["Client = name".into()]),
                (Field::Opened, vec!["Date Logged".into()]),
            ],
            date_format: Some(DateFormat::MonthDayYear),
            values: ValueRules {
                kinds: vec![("Billing".into(), TicketKind::Admin)],
                default_kind: Some(TicketKind::Incident),
                escalated: vec!["Escalated".into()],
                reopened: vec!["Re-opened".into()],
            },
        };
        let text = preset_toml(&preset);
        let back = parse(&text).unwrap();
        assert_eq!(back, vec![preset]);
    }
}
