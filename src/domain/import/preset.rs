//! The built-in presets for real exports (Autotask's ticket template, Syncro's customers
//! and invoices, ConnectWise and HaloPSA by header aliases, and the generic format), and the
//! user's own, saved in config under `[import.presets.NAME]`.

use super::field::{Field, ImportKind};
use super::mapping::ValueRules;
use super::value::DateFormat;

/// How to read one kind of export: which headers feed which field (any of several
/// aliases, matched case- and space-insensitively), how its dates are written, and what
/// its ticket types and statuses mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub name: String,
    pub kind: ImportKind,
    /// For each field, the headers that feed it, most specific first.
    pub columns: Vec<(Field, Vec<String>)>,
    pub date_format: Option<DateFormat>,
    pub values: ValueRules,
}

impl Preset {
    /// The built-in presets: `generic-<kind>` for each kind, `autotask-tickets`,
    /// `syncro-customers`, `syncro-invoices`, `connectwise-<kind>`, `halopsa-<kind>`.
    pub fn builtin() -> Vec<Preset> {
        todo!("helper")
    }

    /// The preset to use for a file of `kind` with these headers when none is named: the
    /// built-in one whose required headers are all there, else the generic one.
    pub fn detect(kind: ImportKind, headers: &[String]) -> Preset {
        todo!("helper: {kind:?} {headers:?}")
    }
}
