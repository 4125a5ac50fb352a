//! The Import view's mapping step: which field each of the file's columns feeds, from a
//! preset (detected, or cycled with `p`) and the user's changes, with the date format; and
//! the first rows read through it, anew on every change. The rules (aliases, what is
//! required, how a cell is read) are the domain's: this holds the choices and asks it.

use crate::domain::import::{
    DateFormat, Field, ImportKind, ImportRecord, Mapping, MappingError, Preset, RowError,
};
use crate::import::{CsvFile, Row};
use crate::tui::app::cursor::{Cursor, Move};

/// How many rows the mapping step previews.
pub const PREVIEW_ROWS: usize = 20;

/// What the driver read when a file was picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub file: CsvFile,
    /// Its first rows, for the preview.
    pub rows: Vec<Row>,
    /// Every preset, built-in and saved, of every kind.
    pub presets: Vec<Preset>,
    /// The app's today: a date after it is a bad row, in the preview as in the import.
    pub today: chrono::NaiveDate,
}

/// One row of the preview: its line in the file and what it reads as.
pub type PreviewRow = (u64, Result<ImportRecord, Vec<RowError>>);

/// The mapping step's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapState {
    pub file: CsvFile,
    pub rows: Vec<Row>,
    pub presets: Vec<Preset>,
    pub today: chrono::NaiveDate,
    /// The preset in use, an index into `presets`.
    pub preset: usize,
    /// For each column, the field it feeds (None: not read).
    pub columns: Vec<Option<Field>>,
    pub date_format: Option<DateFormat>,
    /// The selected column.
    pub cursor: Cursor,
    /// The mapping as chosen (read with even when it is not ready, for the preview).
    pub mapping: Mapping,
    /// Why it cannot run yet; None when it can.
    pub problem: Option<MappingError>,
    pub preview: Vec<PreviewRow>,
    /// Preview lines scrolled down.
    pub scroll: usize,
    /// The user changed a column since the preset was applied.
    pub changed: bool,
    /// The menu of fields for the selected column, with its cursor (0 is "not read").
    pub menu: Option<usize>,
}

/// The date formats in the order `d` steps through them; None reads what the text says
/// and reports a date that reads two ways.
pub const DATE_FORMATS: [Option<DateFormat>; 4] = [
    None,
    Some(DateFormat::Iso),
    Some(DateFormat::MonthDayYear),
    Some(DateFormat::DayMonthYear),
];

/// The header compared as the presets compare it: case and spaces aside.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The columns a preset maps in a file: the domain's own resolution when the preset fits
/// the file; where it does not (a field it needs has no column), the preset's aliases that
/// are there, so the user starts from what matched and fixes the rest.
pub fn start_columns(
    preset: &Preset,
    headers: &[String],
    date_format: Option<DateFormat>,
) -> Vec<Option<Field>> {
    if let Ok(m) = Mapping::resolve(preset, headers, &[], date_format) {
        return m.columns;
    }
    let mut columns = vec![None; headers.len()];
    for (field, aliases) in &preset.columns {
        let at = aliases.iter().find_map(|alias| {
            let alias = plain(alias);
            (0..headers.len()).find(|&i| columns[i].is_none() && plain(&headers[i]) == alias)
        });
        if let Some(i) = at {
            columns[i] = Some(*field);
        }
    }
    columns
}

impl MapState {
    /// A file just opened for `kind`: the preset that fits its headers, and its mapping.
    pub fn new(kind: ImportKind, opened: Opened) -> Self {
        let Opened {
            file,
            rows,
            presets,
            today,
        } = opened;
        let mapping = Mapping {
            kind,
            preset: String::new(),
            headers: file.headers.clone(),
            columns: vec![None; file.headers.len()],
            date_format: None,
            values: Default::default(),
        };
        let mut m = MapState {
            file,
            rows,
            presets,
            today,
            preset: 0,
            columns: Vec::new(),
            date_format: None,
            cursor: Cursor::default(),
            mapping,
            problem: None,
            preview: Vec::new(),
            scroll: 0,
            changed: false,
            menu: None,
        };
        m.set_kind(kind);
        m
    }

    pub fn preset(&self) -> Option<&Preset> {
        self.presets.get(self.preset)
    }

    /// The presets of `kind`, as indexes into `presets`.
    pub fn presets_of(&self, kind: ImportKind) -> Vec<usize> {
        (0..self.presets.len())
            .filter(|&i| self.presets[i].kind == kind)
            .collect()
    }

    /// Another kind: the preset that fits the headers for it, and its mapping afresh.
    pub fn set_kind(&mut self, kind: ImportKind) {
        let detected = Preset::detect(kind, &self.file.headers);
        let at = self
            .presets
            .iter()
            .position(|p| p.kind == kind && p.name == detected.name);
        self.preset = match at {
            Some(i) => i,
            None => {
                self.presets.push(detected);
                self.presets.len() - 1
            }
        };
        self.apply_preset(kind);
    }

    /// The next (or previous) preset of the kind; its mapping replaces the columns.
    pub fn cycle_preset(&mut self, kind: ImportKind, forward: bool) {
        let of = self.presets_of(kind);
        if of.is_empty() {
            return;
        }
        let at = of.iter().position(|&i| i == self.preset).unwrap_or(0);
        let n = of.len();
        let to = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.preset = of[to];
        self.apply_preset(kind);
    }

    fn apply_preset(&mut self, kind: ImportKind) {
        let (columns, date_format) = match self.preset() {
            Some(p) => (
                start_columns(p, &self.file.headers, p.date_format),
                p.date_format,
            ),
            None => (vec![None; self.file.headers.len()], None),
        };
        self.columns = columns;
        self.date_format = date_format;
        self.changed = false;
        self.recompute(kind);
    }

    /// The selected column feeds the next (or previous) of the kind's fields, "not read"
    /// between the last and the first.
    pub fn cycle_field(&mut self, kind: ImportKind, forward: bool) {
        let Some(slot) = self.columns.get_mut(self.cursor.selected) else {
            return;
        };
        let choices = Self::choices(kind);
        let at = choices.iter().position(|c| c == slot).unwrap_or(0);
        let n = choices.len();
        *slot = choices[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        self.changed = true;
        self.recompute(kind);
    }

    /// The choices of the menu: "not read", then the kind's fields.
    pub fn choices(kind: ImportKind) -> Vec<Option<Field>> {
        let mut choices: Vec<Option<Field>> = vec![None];
        choices.extend(kind.fields().iter().copied().map(Some));
        choices
    }

    /// Opens the menu of fields on the selected column's own.
    pub fn open_menu(&mut self, kind: ImportKind) {
        let Some(now) = self.columns.get(self.cursor.selected) else {
            return;
        };
        let at = Self::choices(kind)
            .iter()
            .position(|c| c == now)
            .unwrap_or(0);
        self.menu = Some(at);
    }

    pub fn menu_step(&mut self, m: Move, len: usize) {
        if let Some(at) = self.menu.as_mut() {
            let mut c = Cursor {
                selected: *at,
                offset: 0,
            };
            c.step(m, len, len);
            *at = c.selected;
        }
    }

    /// The field under the menu's cursor feeds the selected column; the menu closes.
    pub fn pick_menu(&mut self, kind: ImportKind) {
        let Some(at) = self.menu.take() else {
            return;
        };
        let choice = Self::choices(kind).get(at).copied().flatten();
        if let Some(slot) = self.columns.get_mut(self.cursor.selected)
            && *slot != choice
        {
            *slot = choice;
            self.changed = true;
            self.recompute(kind);
        }
    }

    /// The column that feeds `field`, other than the selected one.
    pub fn fed_by(&self, field: Field) -> Option<&str> {
        self.columns
            .iter()
            .enumerate()
            .find(|(i, f)| *i != self.cursor.selected && **f == Some(field))
            .map(|(i, _)| self.file.headers[i].as_str())
    }

    /// The selected column is not read.
    pub fn not_read(&mut self, kind: ImportKind) -> bool {
        match self.columns.get_mut(self.cursor.selected) {
            Some(slot) if slot.is_some() => {
                *slot = None;
                self.changed = true;
                self.recompute(kind);
                true
            }
            _ => false,
        }
    }

    pub fn cycle_date_format(&mut self, kind: ImportKind) {
        let at = DATE_FORMATS
            .iter()
            .position(|f| *f == self.date_format)
            .unwrap_or(0);
        self.date_format = DATE_FORMATS[(at + 1) % DATE_FORMATS.len()];
        self.recompute(kind);
    }

    pub fn step(&mut self, m: Move, page: usize) {
        self.cursor.step(m, self.columns.len(), page);
    }

    /// The mapping and the preview anew, after any change. The domain checks the choice
    /// as the command line's `--map` would be checked: every column stated.
    pub fn recompute(&mut self, kind: ImportKind) {
        let Some(preset) = self.presets.get(self.preset) else {
            return;
        };
        let overrides: Vec<(String, String)> = self
            .file
            .headers
            .iter()
            .zip(&self.columns)
            .map(|(h, f)| (h.clone(), f.map_or("-", |f| f.name()).to_string()))
            .collect();
        let checked = Mapping::resolve(preset, &self.file.headers, &overrides, self.date_format);
        let (mapping, problem) = match checked {
            Ok(m) => (m, None),
            Err(e) => (
                Mapping {
                    kind,
                    preset: preset.name.clone(),
                    headers: self.file.headers.clone(),
                    columns: self.columns.clone(),
                    date_format: self.date_format,
                    values: preset.values.clone(),
                },
                Some(e),
            ),
        };
        self.preview = self
            .rows
            .iter()
            .map(|r| {
                let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
                (r.line, mapping.read_as_of(r.line, &cells, Some(self.today)))
            })
            .collect();
        self.mapping = mapping;
        self.problem = problem;
        self.scroll = self.scroll.min(self.preview.len().saturating_sub(1));
    }

    /// The mapping to run with, when nothing stops it.
    pub fn ready(&self) -> Option<&Mapping> {
        self.problem.is_none().then_some(&self.mapping)
    }

    /// The first non-empty value of column `i` among the preview's rows.
    pub fn sample(&self, i: usize) -> Option<&str> {
        self.rows
            .iter()
            .filter_map(|r| r.cells.get(i))
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
    }

    /// How many preview rows read, and how many are bad.
    pub fn counts(&self) -> (usize, usize) {
        let bad = self.preview.iter().filter(|(_, r)| r.is_err()).count();
        (self.preview.len() - bad, bad)
    }
}
