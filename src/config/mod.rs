//! User settings: defaults, TOML loading, and errors that point at the line, column and key.

mod decisions;
mod import;
mod key;
mod offboarding;
mod pareto;
mod scoring;
mod scripts;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::decide::case::{DecisionRules, IdealClient};
use crate::domain::lang::Lang;
use crate::domain::pareto::ParetoRules;
use crate::domain::score::Rules;
use crate::domain::{Cents, Defaults};

pub use import::preset_toml;
pub use scripts::Scripts;

/// The largest config file read. A config is a few kilobytes: anything past this is the
/// wrong file (a log, a database, `/dev/zero`), refused before it fills memory.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Everything in config.toml. Every key is optional; unknown keys are errors.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub company: Company,
    pub display: Display,
    /// What one hour of your team's time costs you (wages, overhead), in cents.
    pub hourly_labour_cost: Cents,
    /// Thresholds, weights and dealbreaker rules of the scorecards ([scoring]).
    pub scoring: Rules,
    /// The Pareto view's window, vital share and stress weights ([pareto]).
    pub pareto: ParetoRules,
    /// The automatic daily backups ([backup]).
    pub backup: Backup,
    /// What the tooling costs per seat per month (RMM, EDR, backup licences), in cents.
    pub tooling_per_seat: Cents,
    /// The target margin and the review days of decisions ([decisions]).
    pub decisions: decisions::Decisions,
    /// The ideal client profile ([ideal_client]).
    pub ideal_client: IdealClient,
    /// The breakup scripts and letters: referrals, transition help, tone words ([scripts]).
    pub scripts: Scripts,
    /// The offboarding checklist's items ([offboarding]).
    pub offboarding: crate::domain::offboard::Items,
    /// The user's own import presets ([import.presets.NAME]), by name.
    pub import_presets: Vec<crate::domain::import::Preset>,
}

/// How many automatic daily backups to keep next to the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backup {
    /// 0 turns the automatic backups off.
    pub keep: usize,
}

impl Default for Backup {
    fn default() -> Self {
        Self { keep: 14 }
    }
}

impl Config {
    /// The scoring rules with the labour and tooling costs filled in.
    pub fn rules(&self) -> Rules {
        Rules {
            hourly_cost_cents: self.hourly_labour_cost.0,
            tooling_per_seat_cents: self.tooling_per_seat.0,
            ..self.scoring.clone()
        }
    }

    /// What decisions are made with: the costs, the target margin, the ideal client.
    pub fn decision_rules(&self) -> DecisionRules {
        DecisionRules {
            hourly_cost: self.hourly_labour_cost,
            tooling_per_seat: self.tooling_per_seat,
            target_margin_pct: self.decisions.target_margin_pct,
            review_days: self.decisions.review_days,
            ideal: self.ideal_client.clone(),
            currency: self.display.currency_symbol.clone(),
        }
    }

    /// The config in force on a database that carries `defaults` (the demo's): this config
    /// first; where it sets no labour cost (0) or no company name, the database's fill in.
    /// Also what they supplied, for the faces to say so; None when they supplied nothing.
    pub fn over(&self, defaults: Option<&Defaults>) -> (Config, Option<Supplied>) {
        let mut cfg = self.clone();
        let Some(d) = defaults else {
            return (cfg, None);
        };
        let mut supplied = Supplied {
            source: d.source.clone(),
            hourly_labour_cost: None,
            company_name: None,
            ideal_client: false,
        };
        if let Some(cost) = d
            .hourly_labour_cost
            .filter(|_| cfg.hourly_labour_cost.0 == 0)
        {
            cfg.hourly_labour_cost = cost;
            supplied.hourly_labour_cost = Some(cost);
        }
        if let Some(name) = d
            .company_name
            .as_ref()
            .filter(|_| cfg.company.name.is_empty())
        {
            cfg.company.name = name.clone();
            supplied.company_name = Some(name.clone());
        }
        if let Some(ideal) = d
            .ideal_client
            .as_ref()
            .filter(|_| cfg.ideal_client == IdealClient::default())
        {
            cfg.ideal_client = ideal.clone();
            supplied.ideal_client = true;
        }
        let any = supplied.hourly_labour_cost.is_some()
            || supplied.company_name.is_some()
            || supplied.ideal_client;
        (cfg, any.then_some(supplied))
    }
}

/// What a database's own defaults supplied where the config said nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supplied {
    /// Who wrote them: "demo".
    pub source: String,
    pub hourly_labour_cost: Option<Cents>,
    pub company_name: Option<String>,
    /// The ideal client profile came from the database.
    pub ideal_client: bool,
}

impl Supplied {
    /// The line that says so: "demo: labour cost €65/h, company Demo IT".
    pub fn note(&self, currency: &str) -> String {
        let mut what = Vec::new();
        if let Some(cost) = self.hourly_labour_cost {
            what.push(crate::t!(
                "config.supplied.labour_cost",
                cost = cost.display_whole(currency)
            ));
        }
        if let Some(name) = &self.company_name {
            what.push(crate::t!("config.supplied.company", name = name));
        }
        if self.ideal_client {
            what.push(crate::t!("config.supplied.ideal_client").to_string());
        }
        crate::t!(
            "config.supplied.note",
            source = self.source,
            what = what.join(", ")
        )
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
pub struct Company {
    pub name: String,
    pub signature: String,
    /// Who takes part in the yearly gut check (guide O2); names used in votes are added.
    pub staff: Vec<String>,
    /// Where you write from: the place on a letter's date line ("Utrecht, 28 november 2026").
    pub place: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Display {
    pub currency_symbol: String,
    pub date_format: String,
    pub theme: Theme,
    /// The app's language; none leaves it to `--lang` or the locale (`LANG`).
    pub language: Option<Lang>,
}

impl Default for Display {
    fn default() -> Self {
        Self {
            currency_symbol: "€".into(),
            date_format: "%Y-%m-%d".into(),
            theme: Theme::Dark,
            language: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Colours for a dark terminal background.
    #[default]
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colour at all (as with NO_COLOR or --no-color).
    Mono,
}

/// A config file that cannot be used: names the file, the place and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", crate::t!("config.read", path = .path.display()))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", crate::t!("config.too_large", path = .path.display()))]
    TooLarge { path: PathBuf },
    #[error("{}", crate::t!("config.not_text", path = .path.display(), line = .line, column = .column))]
    NotText {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// `message` always names the dotted key (`scoring.weights.escalations`) when one is in
    /// force at the place.
    #[error("{}", crate::t!("config.invalid", path = .path.display(), line = .line, column = .column, message = .message))]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

// The file as written, with spans kept for the values that are checked after parsing.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
struct RawConfig {
    company: Company,
    display: RawDisplay,
    costs: RawCosts,
    scoring: scoring::RawScoring,
    pareto: pareto::RawPareto,
    backup: RawBackup,
    decisions: decisions::RawDecisions,
    ideal_client: decisions::RawIdeal,
    scripts: scripts::RawScripts,
    offboarding: offboarding::RawOffboarding,
    import: import::RawImport,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawBackup {
    keep: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
struct RawDisplay {
    currency_symbol: Option<Spanned<String>>,
    date_format: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default, expecting = "a table")]
struct RawCosts {
    hourly_labour_cost: Option<Spanned<Number>>,
    tooling_per_seat: Option<Spanned<Number>>,
}

/// A number as written: TOML integers and floats both read as numbers; text is kept to be
/// refused with the key's own rule.
enum Number {
    Int(i64),
    Float(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number::Int(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(i64::try_from(v).map_or(Number::Float(v as f64), Number::Int))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Number, E> {
                Ok(Number::Float(v))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Number, E> {
                Ok(Number::Text(v.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Number {
    fn text(&self) -> String {
        match self {
            Number::Int(i) => i.to_string(),
            Number::Float(f) => f.to_string(),
            Number::Text(s) => s.clone(),
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Number::Int(i) => Some(*i as f64),
            Number::Float(f) if f.is_finite() => Some(*f),
            _ => None,
        }
    }
}

impl Config {
    /// Loads `path`. A missing file gives the defaults unless `must_exist`. Reads at most
    /// [`MAX_BYTES`] (and one more, to tell a larger file).
    pub fn load(path: &Path, must_exist: bool) -> Result<Config, ConfigError> {
        let read_error = |source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        };
        let file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
                return Ok(Config::default());
            }
            Err(e) => return Err(read_error(e)),
        };
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(ConfigError::TooLarge {
                path: path.to_path_buf(),
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            // The bytes before the first bad one are valid UTF-8 by definition.
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = line_col(before, before.len());
            ConfigError::NotText {
                path: path.to_path_buf(),
                line,
                column,
            }
        })?;
        Config::parse(path, &text)
    }

    /// Parses config text; `path` only names the file in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let at = |offset: usize, message: String| invalid(path, text, Some(offset), message);
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map(|s| s.start);
            invalid(path, text, offset, plain(e.message()))
        })?;
        let mut cfg = Config {
            company: raw.company,
            ..Config::default()
        };
        if let Some(sym) = raw.display.currency_symbol {
            if sym.get_ref().chars().count() > 5 {
                return Err(at(
                    sym.span().start,
                    crate::t!("config.currency_symbol_long").into(),
                ));
            }
            cfg.display.currency_symbol = sym.into_inner();
        }
        if let Some(fmt) = raw.display.date_format {
            if let Err(why) = check_date_format(fmt.get_ref()) {
                return Err(at(fmt.span().start, why));
            }
            cfg.display.date_format = fmt.into_inner();
        }
        if let Some(theme) = raw.display.theme {
            cfg.display.theme = match theme.get_ref().as_str() {
                "dark" => Theme::Dark,
                "light" => Theme::Light,
                "mono" => Theme::Mono,
                other => {
                    return Err(at(
                        theme.span().start,
                        crate::t!("config.theme_unknown", value = other),
                    ));
                }
            };
        }
        if let Some(language) = raw.display.language {
            match Lang::parse(language.get_ref()) {
                Some(lang) => cfg.display.language = Some(lang),
                None => {
                    return Err(at(
                        language.span().start,
                        crate::t!("config.language_unknown", value = language.get_ref()),
                    ));
                }
            }
        }
        if let Some(cost) = raw.costs.hourly_labour_cost {
            let start = cost.span().start;
            let text = cost.get_ref().text();
            cfg.hourly_labour_cost = Cents::parse("costs.hourly_labour_cost", &text)
                .map_err(|e| at(start, e.to_string()))?;
        }
        if let Some(cost) = raw.costs.tooling_per_seat {
            let start = cost.span().start;
            let text = cost.get_ref().text();
            cfg.tooling_per_seat = Cents::parse("costs.tooling_per_seat", &text)
                .map_err(|e| at(start, e.to_string()))?;
        }
        cfg.scoring = raw.scoring.rules(&at)?;
        cfg.pareto = raw.pareto.rules(&at)?;
        cfg.decisions = raw.decisions.values(&at)?;
        cfg.ideal_client = raw.ideal_client.profile(&at)?;
        cfg.scripts = raw.scripts.values(&at)?;
        cfg.offboarding = raw.offboarding.items(&at)?;
        cfg.import_presets = raw.import.presets(&at)?;
        if let Some(keep) = raw.backup.keep {
            cfg.backup.keep = match usize::try_from(*keep.get_ref()) {
                Ok(n) if n <= 1000 => n,
                _ => {
                    return Err(at(
                        keep.span().start,
                        crate::t!("config.backup_keep", value = keep.get_ref()),
                    ));
                }
            };
        }
        Ok(cfg)
    }
}

/// The error for a mistake at `offset` of `text`. The message gets the dotted key in force
/// there when it does not name it already (the TOML parser's messages never do).
fn invalid(path: &Path, text: &str, offset: Option<usize>, message: String) -> ConfigError {
    let (line, column) = line_col(text, offset.unwrap_or(0));
    let message = match offset.and_then(|o| key::key_at(text, o)) {
        Some(key) if !message.contains(&key) => {
            crate::t!("config.at_key", message = message, key = key)
        }
        _ => message,
    };
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// The TOML parser's message on one line, with Rust's type names in words.
fn plain(message: &str) -> String {
    message
        .trim()
        .replace('\n', " ")
        .replace(" as i128", "")
        .replace("expected i64", "expected a whole number")
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", "expected a table")
}

/// Whether `fmt` formats a date (else the message that says why not): a valid strftime
/// format that asks for nothing a date does not have. A time of day (`%H:%M`) or a time zone parses as strftime, but formatting a
/// date with it fails, which `to_string` turns into a panic; so a date is formatted here,
/// into a `String` through `fmt::Write`, and the error caught.
fn check_date_format(fmt: &str) -> Result<(), String> {
    use chrono::NaiveDate;
    use chrono::format::{Item, StrftimeItems};
    use std::fmt::Write as _;
    if fmt.trim().is_empty() || StrftimeItems::new(fmt).any(|i| matches!(i, Item::Error)) {
        return Err(crate::t!("config.date_format_invalid", value = fmt));
    }
    let mut out = String::new();
    match NaiveDate::from_ymd_opt(2026, 6, 30) {
        Some(day) if write!(out, "{}", day.format(fmt)).is_ok() => Ok(()),
        _ => Err(crate::t!("config.date_format_time", value = fmt)),
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("c.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn a_databases_defaults_fill_in_only_what_the_config_leaves_unset() {
        let ideal = IdealClient {
            segments: vec!["dental".into()],
            min_seats: 8,
            ..IdealClient::default()
        };
        let demo = Defaults {
            source: "demo".into(),
            hourly_labour_cost: Some(Cents(6_500)),
            company_name: Some("Demo IT".into()),
            ideal_client: Some(ideal.clone()),
        };
        let (cfg, supplied) = Config::default().over(Some(&demo));
        assert_eq!(cfg.hourly_labour_cost, Cents(6_500));
        assert_eq!(cfg.rules().hourly_cost_cents, 6_500);
        assert_eq!(cfg.company.name, "Demo IT");
        assert_eq!(cfg.decision_rules().ideal, ideal);
        assert_eq!(
            supplied.unwrap().note("€"),
            "demo: labour cost €65/h, company Demo IT, ideal client profile"
        );
        // The user's own labour cost wins; only the company name is the demo's.
        let mine = Config {
            hourly_labour_cost: Cents(8_000),
            ..Config::default()
        };
        let (cfg, supplied) = mine.over(Some(&demo));
        assert_eq!(cfg.hourly_labour_cost, Cents(8_000));
        assert_eq!(
            supplied.unwrap().note("$"),
            "demo: company Demo IT, ideal client profile"
        );
        let (cfg, supplied) = mine.over(None);
        assert_eq!((cfg, supplied), (mine.clone(), None));
        let mut all_mine = mine.clone();
        all_mine.company.name = "Example IT".into();
        all_mine.ideal_client.min_seats = 5;
        assert_eq!(all_mine.over(Some(&demo)).1, None);
        assert_eq!(all_mine.over(Some(&demo)).0.ideal_client.min_seats, 5);
    }

    #[test]
    fn empty_means_defaults() {
        assert_eq!(parse(""), Ok(Config::default()));
    }

    #[test]
    fn the_example_file_is_valid_and_complete() {
        let cfg = parse(include_str!("../../config.example.toml")).unwrap();
        assert_eq!(cfg.company.name, "Example IT Services");
        assert_eq!(cfg.hourly_labour_cost, Cents(6_500));
        assert_eq!(
            cfg.scoring,
            Rules::default(),
            "the example shows the defaults"
        );
        assert_eq!(
            cfg.pareto,
            ParetoRules::default(),
            "the example shows the defaults"
        );
    }

    #[test]
    fn unknown_keys_name_the_line_and_column() {
        let e = parse("[display]\ntheme = \"dark\"\ncolour = \"red\"\n").unwrap_err();
        assert!(e.contains("line 3, column 1"), "{e}");
        assert!(e.contains("colour"), "{e}");
    }

    /// Every mistake, whoever finds it (the TOML parser or the checks after it), is one line
    /// that names the dotted key and the line: (what, config text, line, key).
    const MISTAKES: &[(&str, &str, usize, &str)] = &[
        // Keys given twice.
        (
            "duplicate key",
            "[display]\ntheme = \"dark\"\ntheme = \"light\"\n",
            3,
            "display.theme",
        ),
        (
            "duplicate table",
            "[display]\ntheme = \"dark\"\n\n[display]\n",
            4,
            "display",
        ),
        (
            "duplicate key in an inline table",
            "[scoring.thresholds]\nreopen_rate = { good = 0.1, good = 0.2, bad = 1 }\n",
            2,
            "scoring.thresholds.reopen_rate.good",
        ),
        (
            "duplicate dotted key",
            "[scoring]\nweights.escalations = 1\nweights.escalations = 2\n",
            3,
            "scoring.weights.escalations",
        ),
        // A wrong type, in each section.
        ("company name", "[company]\nname = 3\n", 2, "company.name"),
        (
            "company staff member",
            "[company]\nstaff = [\"Sam\",\n  3,\n]\n",
            3,
            "company.staff",
        ),
        (
            "company staff",
            "[company]\nstaff = \"Sam\"\n",
            2,
            "company.staff",
        ),
        (
            "display theme",
            "[display]\ntheme = 3\n",
            2,
            "display.theme",
        ),
        ("display table", "display = \"dark\"\n", 1, "display"),
        (
            "costs",
            "[costs]\nhourly_labour_cost = true\n",
            2,
            "costs.hourly_labour_cost",
        ),
        (
            "scoring window",
            "[scoring]\nwindow_days = \"90\"\n",
            2,
            "scoring.window_days",
        ),
        (
            "scoring alert",
            "[scoring]\nalert_drop = [10]\n",
            2,
            "scoring.alert_drop",
        ),
        (
            "threshold",
            "[scoring.thresholds]\nreopen_rate = 3\n",
            2,
            "scoring.thresholds.reopen_rate",
        ),
        (
            "threshold bound",
            "[scoring.thresholds]\nreopen_rate = { good = 0.1, bad = true }\n",
            2,
            "scoring.thresholds.reopen_rate.bad",
        ),
        (
            "weight",
            "[scoring.weights]\nescalations = [1.5]\n",
            2,
            "scoring.weights.escalations",
        ),
        (
            "weight in an inline table",
            "[scoring]\nweights = { margin_pct = false }\n",
            2,
            "scoring.weights.margin_pct",
        ),
        (
            "dealbreaker switch",
            "[scoring.dealbreakers]\nstrict_payments = \"yes\"\n",
            2,
            "scoring.dealbreakers.strict_payments",
        ),
        (
            "dealbreaker count",
            "[scoring.dealbreakers]\nlate_payments = 1.5\n",
            2,
            "scoring.dealbreakers.late_payments",
        ),
        (
            "pareto window",
            "[pareto]\nwindow_days = 365.0\n",
            2,
            "pareto.window_days",
        ),
        (
            "stress",
            "[pareto.stress]\nticket = false\n",
            2,
            "pareto.stress.ticket",
        ),
        (
            "dotted key at the top",
            "# tuned\npareto.stress.incident = \"many\"\n",
            2,
            "pareto.stress.incident",
        ),
        // Unknown keys.
        (
            "unknown key",
            "[display]\ntheme = \"dark\"\ncolour = \"red\"\n",
            3,
            "display.colour",
        ),
        (
            "unknown table",
            "[company]\nname = \"A\"\n\n[colours]\naccent = \"red\"\n",
            4,
            "colours",
        ),
        (
            "unknown top-level key",
            "hourly_labour_cost = 65\n",
            1,
            "hourly_labour_cost",
        ),
        (
            "unknown scoring key",
            "[scoring]\nalert_dropp = 5\n",
            2,
            "scoring.alert_dropp",
        ),
        (
            "unknown metric",
            "[scoring.weights]\nticket_count = 2\n",
            2,
            "scoring.weights.ticket_count",
        ),
        (
            "unknown threshold bound",
            "[scoring.thresholds]\nreopen_rate = { good = 0.1, bad = 0.2, ugly = 1 }\n",
            2,
            "scoring.thresholds.reopen_rate.ugly",
        ),
        (
            "unknown dealbreaker",
            "[scoring.dealbreakers]\nlate_paymentz = 2\n",
            2,
            "scoring.dealbreakers.late_paymentz",
        ),
        (
            "unknown stress",
            "[pareto.stress]\nangry_emails = 3\n",
            2,
            "pareto.stress.angry_emails",
        ),
        // Bad values.
        (
            "currency symbol",
            "[display]\ncurrency_symbol = \"euros!\"\n",
            2,
            "display.currency_symbol",
        ),
        (
            "date format",
            "[display]\ndate_format = \"%Q\"\n",
            2,
            "display.date_format",
        ),
        ("theme", "[display]\ntheme = \"pink\"\n", 2, "display.theme"),
        (
            "labour cost",
            "[costs]\nhourly_labour_cost = \"lots\"\n",
            2,
            "costs.hourly_labour_cost",
        ),
        (
            "scoring window",
            "[scoring]\nwindow_days = 3\n",
            2,
            "scoring.window_days",
        ),
        (
            "alert months",
            "[scoring]\nalert_months = 12\n",
            2,
            "scoring.alert_months",
        ),
        (
            "threshold without bad",
            "[scoring.thresholds]\nreopen_rate = { good = 0.1 }\n",
            2,
            "scoring.thresholds.reopen_rate",
        ),
        (
            "weight out of range",
            "[scoring.weights]\nmargin_pct = -1\n",
            2,
            "scoring.weights.margin_pct",
        ),
        (
            "every weight 0",
            "[scoring.weights]\ntickets_opened = 0\nreopen_rate = 0\nadmin_requests = 0\n\
             escalations = 0\ndisputed_invoices = 0\navg_days_to_pay = 0\nmargin_pct = 0\n\
             ignored_ratio = 0\nstaff_votes = 0\n",
            2,
            "scoring.weights",
        ),
        (
            "dealbreaker ratio",
            "[scoring.dealbreakers]\nignored_ratio = 2\n",
            2,
            "scoring.dealbreakers.ignored_ratio",
        ),
        (
            "vital share",
            "[pareto]\nvital_share = 2\n",
            2,
            "pareto.vital_share",
        ),
        (
            "stress points",
            "[pareto.stress]\nstaff_vote = 1001\n",
            2,
            "pareto.stress.staff_vote",
        ),
        // Not TOML.
        (
            "unterminated string",
            "[company]\nname = \"Example IT\nsignature = \"Sam\"\n",
            2,
            "company.name",
        ),
        ("missing value", "[display]\ntheme =\n", 2, "display.theme"),
    ];

    #[test]
    fn every_mistake_names_the_dotted_key_and_the_line() {
        for (what, text, line, key) in MISTAKES {
            let e = parse(text).expect_err(what);
            assert!(
                e.contains(&format!("c.toml line {line}, column ")),
                "{what}: {e}"
            );
            assert!(e.contains(key), "{what}: does not name {key}: {e}");
            assert!(!e.contains('\n'), "{what}: more than one line: {e}");
            assert!(!e.contains("Raw") && !e.contains("i64"), "{what}: {e}");
        }
    }

    #[test]
    fn the_parsers_messages_get_the_key_they_lack() {
        let e = parse("[display]\ntheme = \"dark\"\ntheme = \"light\"\n").unwrap_err();
        assert_eq!(
            e,
            "config c.toml line 3, column 1: duplicate key (at display.theme): fix it (see config.example.toml)"
        );
        let e = parse("[scoring]\nwindow_days = \"90\"\n").unwrap_err();
        assert!(
            e.contains("line 2, column 15: invalid type: string \"90\", expected a whole number (at scoring.window_days)"),
            "{e}"
        );
    }

    fn load(bytes: &[u8]) -> (tempfile::TempDir, PathBuf, Result<Config, String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, bytes).unwrap();
        let result = Config::load(&path, true).map_err(|e| e.to_string());
        (dir, path, result)
    }

    #[test]
    fn a_file_over_1_mb_is_refused_naming_it() {
        // Valid TOML all the way: only the size is wrong.
        let line = "# a comment line to fill the file with\n";
        let mut text = line.repeat(MAX_BYTES as usize / line.len() + 1);
        text.truncate(MAX_BYTES as usize - 1);
        text.push('\n');
        let (_dir, _, result) = load(text.as_bytes());
        assert_eq!(result, Ok(Config::default()), "1 MB exactly is read");
        text.push('\n');
        let (_dir, path, result) = load(text.as_bytes());
        assert_eq!(
            result.unwrap_err(),
            format!(
                "config {} is larger than 1 MB: is it the right file?",
                path.display()
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_without_reading_it_all() {
        let started = std::time::Instant::now();
        let e = Config::load(Path::new("/dev/zero"), true).unwrap_err();
        assert!(matches!(e, ConfigError::TooLarge { .. }), "{e}");
        assert_eq!(
            e.to_string(),
            "config /dev/zero is larger than 1 MB: is it the right file?"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn a_file_that_is_not_utf8_says_where() {
        let (_dir, path, result) = load(b"[company]\nname = \"Caf\xe9 Noord\"\n");
        let e = result.unwrap_err();
        assert_eq!(
            e,
            format!(
                "cannot read config {}: line 2, column 12 is not UTF-8 text: is it the right file? (save it as UTF-8)",
                path.display()
            )
        );
    }

    #[test]
    fn bad_values_are_refused_where_they_stand() {
        let e = parse("[costs]\nhourly_labour_cost = -4\n").unwrap_err();
        assert!(
            e.contains("line 2, column 22") && e.contains("negative"),
            "{e}"
        );
        let e = parse("[display]\ndate_format = \"%Q\"\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("date_format"), "{e}");
        for time in ["%d.%m.%Y %H:%M", "%Y-%m-%d %z", "%s", "%T"] {
            let e = parse(&format!("[display]\ndate_format = \"{time}\"\n")).unwrap_err();
            assert!(
                e.contains("line 2, column 15")
                    && e.contains(&format!(
                        "display.date_format '{time}' asks for a time of day"
                    ))
                    && e.contains("use date fields like %d %m %Y %b"),
                "{time}: {e}"
            );
        }
        for date in ["%d.%m.%Y", "%e %b %Y", "%A %-d %B %Y", "%Y-W%V", "%j/%y"] {
            let text = format!("[display]\ndate_format = \"{date}\"\n");
            assert_eq!(parse(&text).unwrap().display.date_format, date);
        }
        let e = parse("[display]\ntheme = \"pink\"\n").unwrap_err();
        assert!(
            e.contains("line 2, column 9") && e.contains("display.theme 'pink'"),
            "{e}"
        );
        assert_eq!(
            parse("[costs]\nhourly_labour_cost = 72.5\n")
                .unwrap()
                .hourly_labour_cost,
            Cents(7_250)
        );
    }
}
