//! Which column feeds which field, for one file: the preset's aliases matched against the
//! file's headers, then the user's `--map COLUMN=FIELD` on top. Reading a row through a
//! mapping gives an [`ImportRecord`] or every [`RowError`] of that row (see `row.rs`).

use chrono::NaiveDate;

use crate::domain::TicketKind;

use super::field::{Field, ImportKind};
use super::preset::Preset;
use super::record::{ImportRecord, RowError};
use super::value::DateFormat;

/// What the values of a ticket's type, category and status columns mean, compared
/// case-insensitively. Shown with the mapping, and overridable (`--value`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValueRules {
    /// Ticket type (or category) values and the kind they mean.
    pub kinds: Vec<(String, TicketKind)>,
    /// The kind of a ticket whose type says nothing rapport knows. None: a type the rules
    /// do not know is a bad row (the generic format, whose kinds are rapport's own).
    pub default_kind: Option<TicketKind>,
    /// Status values that mean the ticket was escalated.
    pub escalated: Vec<String>,
    /// Status values that mean the ticket was reopened (counted as one reopen when the file
    /// has no reopen counter).
    pub reopened: Vec<String>,
}

impl ValueRules {
    /// The kind a ticket type (or category) value means, if the rules know it.
    pub fn kind_of(&self, value: &str) -> Option<TicketKind> {
        self.kinds
            .iter()
            .find(|(k, _)| same_value(k, value))
            .map(|(_, k)| *k)
    }

    /// Whether a status value means escalated.
    pub fn is_escalated(&self, status: &str) -> bool {
        self.escalated.iter().any(|s| same_value(s, status))
    }

    /// Whether a status value means reopened.
    pub fn is_reopened(&self, status: &str) -> bool {
        self.reopened.iter().any(|s| same_value(s, status))
    }
}

/// Two values are the same without regard to case or runs of white space. Without a
/// single allocation, and byte by byte while the text is ASCII: it runs for every row
/// against every rule.
fn same_value(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let skip = |s: &[u8], mut i: usize| {
        while s.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let (mut i, mut j) = (skip(x, 0), skip(y, 0));
    loop {
        let (p, q) = (x.get(i).copied(), y.get(j).copied());
        if p.is_some_and(|c| !c.is_ascii()) || q.is_some_and(|c| !c.is_ascii()) {
            return same_text(a, b);
        }
        let gap = |c: Option<u8>| c.is_none_or(|c| c.is_ascii_whitespace());
        match (p, q) {
            (None, None) => return true,
            (p, q) if gap(p) && gap(q) => (i, j) = (skip(x, i), skip(y, j)),
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(&q) => (i, j) = (i + 1, j + 1),
            _ => return false,
        }
    }
}

/// [`same_value`] for any text: Unicode lower case.
fn same_text(a: &str, b: &str) -> bool {
    fn chars(s: &str) -> impl Iterator<Item = char> + '_ {
        s.split_whitespace()
            .flat_map(|w| std::iter::once(' ').chain(w.chars().flat_map(char::to_lowercase)))
    }
    chars(a).eq(chars(b))
}

/// One file's mapping, ready to read rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub kind: ImportKind,
    /// The preset it started from.
    pub preset: String,
    /// The file's headers, as written.
    pub headers: Vec<String>,
    /// For each column, the field it feeds (None: not read).
    pub columns: Vec<Option<Field>>,
    pub date_format: Option<DateFormat>,
    pub values: ValueRules,
}

/// Why a file cannot be read with a mapping at all (before any row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingError {
    /// `--map` names a column the file does not have.
    NoSuchColumn {
        column: String,
        headers: Vec<String>,
    },
    /// `--map` names a field this kind of file has not.
    NoSuchField { field: String, kind: ImportKind },
    /// No column feeds a field this kind needs (e.g. a ticket's client or opened date).
    /// For a choice, the first is named: `Name` for clients (or `FirstName` and
    /// `LastName`), `Hours` for time (or `Minutes`).
    Unmapped { fields: Vec<Field> },
    /// Two columns feed one field.
    Twice { field: Field, columns: Vec<String> },
}

/// A header or a value as compared: trimmed, lower case, `[required]` and underscores
/// gone, every run of white space one space.
pub(crate) fn normalize(s: &str) -> String {
    let s = s.trim().trim_start_matches('\u{feff}').trim_start();
    let lower = s.to_lowercase();
    let lower = lower.strip_prefix("[required]").unwrap_or(&lower);
    lower
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fields a kind of file cannot do without; for a choice, the first is named.
fn missing(kind: ImportKind, has: impl Fn(Field) -> bool) -> Vec<Field> {
    use Field::*;
    let mut missing = Vec::new();
    let mut need = |f: Field, ok: bool| {
        if !ok {
            missing.push(f);
        }
    };
    match kind {
        ImportKind::Clients => need(Name, has(Name) || (has(FirstName) && has(LastName))),
        ImportKind::Tickets => {
            need(Client, has(Client));
            need(Opened, has(Opened));
        }
        ImportKind::Invoices => {
            need(Client, has(Client));
            need(Issued, has(Issued));
            need(Amount, has(Amount));
        }
        ImportKind::Time => {
            need(Client, has(Client));
            need(Worked, has(Worked));
            need(Hours, has(Hours) || has(Minutes));
        }
        ImportKind::Recommendations => {
            need(Client, has(Client));
            need(Made, has(Made));
            need(Title, has(Title));
        }
    }
    missing
}

impl Mapping {
    /// The mapping of a file with `headers`: the preset's aliases, then `overrides` (column
    /// header, field name; a field name of `-` or `none` stops a column being read). Each
    /// field takes the column of its first alias the file has; a column a `--map` gives a
    /// field takes it from the column an alias gave it. `date_format` (from
    /// `--date-format`) wins over the preset's.
    pub fn resolve(
        preset: &Preset,
        headers: &[String],
        overrides: &[(String, String)],
        date_format: Option<DateFormat>,
    ) -> Result<Mapping, MappingError> {
        let kind = preset.kind;
        let names: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
        let mut columns: Vec<Option<Field>> = vec![None; headers.len()];
        for (field, aliases) in &preset.columns {
            if !kind.fields().contains(field) || columns.contains(&Some(*field)) {
                continue;
            }
            let found = aliases.iter().find_map(|a| {
                let a = normalize(a);
                (0..names.len()).find(|&i| columns[i].is_none() && !a.is_empty() && names[i] == a)
            });
            if let Some(i) = found {
                columns[i] = Some(*field);
            }
        }
        let mut by_user = vec![false; headers.len()];
        let mut twice: Option<(Field, Vec<String>)> = None;
        for (column, field) in overrides {
            let i = headers
                .iter()
                .position(|h| h == column)
                .or_else(|| {
                    let c = normalize(column);
                    names.iter().position(|n| *n == c)
                })
                .ok_or_else(|| MappingError::NoSuchColumn {
                    column: column.clone(),
                    headers: headers.to_vec(),
                })?;
            let field = match field.trim() {
                "-" | "none" | "" => None,
                f => Some(
                    Field::parse(kind, f).ok_or_else(|| MappingError::NoSuchField {
                        field: field.clone(),
                        kind,
                    })?,
                ),
            };
            if let Some(f) = field {
                for j in 0..headers.len() {
                    if j != i && columns[j] == Some(f) {
                        if by_user[j] {
                            twice.get_or_insert((f, vec![headers[j].clone(), headers[i].clone()]));
                        } else {
                            columns[j] = None;
                        }
                    }
                }
            }
            columns[i] = field;
            by_user[i] = true;
        }
        if let Some((field, columns)) = twice {
            return Err(MappingError::Twice { field, columns });
        }
        let fields = missing(kind, |f| columns.contains(&Some(f)));
        if !fields.is_empty() {
            return Err(MappingError::Unmapped { fields });
        }
        Ok(Mapping {
            kind,
            preset: preset.name.clone(),
            headers: headers.to_vec(),
            columns,
            date_format: date_format.or(preset.date_format),
            values: preset.values.clone(),
        })
    }

    /// The column that feeds `field`, if one does.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// Row `line` of the file (its cells, in header order) as a record, or every problem
    /// in it. Dates may lie in the future (see [`Mapping::read_as_of`]).
    pub fn read(&self, line: u64, cells: &[&str]) -> Result<ImportRecord, Vec<RowError>> {
        self.read_as_of(line, cells, None)
    }

    /// [`Mapping::read`], refusing dates of things that happened (opened, closed, issued,
    /// paid, worked, made, decided) after `today`, as the hand-entry forms do.
    pub fn read_as_of(
        &self,
        line: u64,
        cells: &[&str],
        today: Option<NaiveDate>,
    ) -> Result<ImportRecord, Vec<RowError>> {
        super::row::read(self, line, cells, today)
    }

    /// The preset this mapping would be saved as under `name`: the columns as mapped,
    /// the date format and value rules.
    pub fn to_preset(&self, name: &str) -> Preset {
        let mut columns: Vec<(Field, Vec<String>)> = Vec::new();
        for (header, field) in self.headers.iter().zip(&self.columns) {
            if let Some(f) = field {
                columns.push((*f, vec![header.clone()]));
            }
        }
        Preset {
            name: name.to_string(),
            kind: self.kind,
            columns,
            date_format: self.date_format,
            values: self.values.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(headers: &[&str]) -> Vec<String> {
        headers.iter().map(|s| s.to_string()).collect()
    }

    fn o(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn values_match_without_case_or_extra_spaces() {
        assert!(same_value("Service  Request", " service request"));
        assert!(same_value("RE-OPENED", "re-opened"));
        assert!(!same_value("service request", "servicerequest"));
        assert!(!same_value("", "x"));
        assert!(same_value("Café  Admin", "CAFÉ admin"));
        assert!(!same_value("Café", "Cafe"));
        assert!(!same_value("admin", "admin x"));
        assert!(same_value(" admin ", "ADMIN"));
        assert!(!same_value("ab", "a b"));
        assert!(!same_value("a ", "a b"));
        let rules = Preset::named("autotask-tickets").unwrap().values;
        assert_eq!(rules.kind_of("Change  Request"), Some(TicketKind::Request));
        assert_eq!(rules.kind_of("BILLING"), Some(TicketKind::Admin));
        assert_eq!(rules.kind_of("Coffee machine"), None);
        assert!(rules.is_escalated("Escalated") && rules.is_reopened("Reopened"));
        assert!(!rules.is_escalated("Complete"));
    }

    #[test]
    fn headers_match_without_case_spaces_underscores_or_required() {
        assert_eq!(normalize("  [required]  Ticket   Type "), "ticket type");
        assert_eq!(normalize("[REQUIRED] Company"), "company");
        assert_eq!(normalize("first_name"), "first name");
        assert_eq!(normalize("\u{feff}client"), "client");
        let p = Preset::named("autotask-tickets").unwrap();
        let m = Mapping::resolve(
            &p,
            &h(&["COMPANY", "create date/time", "Title "]),
            &[],
            None,
        )
        .unwrap();
        assert_eq!(
            m.columns,
            vec![
                Some(Field::Client),
                Some(Field::Opened),
                Some(Field::Subject)
            ]
        );
        assert_eq!(m.date_format, Some(DateFormat::MonthDayYear));
    }

    #[test]
    fn the_first_alias_the_file_has_wins_and_the_rest_is_not_read() {
        let p = Preset::named("autotask-tickets").unwrap();
        let headers = h(&[
            "External (Legacy) Ticket ID",
            "Company",
            "Create Date/Time",
            "Autotask Ticket Number (updates only)",
        ]);
        let m = Mapping::resolve(&p, &headers, &[], None).unwrap();
        assert_eq!(m.columns[0], None);
        assert_eq!(m.columns[3], Some(Field::Ref));
    }

    #[test]
    fn overrides_map_unmap_and_take_a_field_from_an_alias() {
        let p = Preset::generic(ImportKind::Tickets);
        let headers = h(&["Klant", "opened", "Datum", "kind"]);
        let e = Mapping::resolve(&p, &headers, &[], None).unwrap_err();
        assert_eq!(
            e,
            MappingError::Unmapped {
                fields: vec![Field::Client]
            }
        );
        let m = Mapping::resolve(
            &p,
            &headers,
            &o(&[("klant", "client"), ("Datum", "opened"), ("kind", "-")]),
            Some(DateFormat::DayMonthYear),
        )
        .unwrap();
        assert_eq!(
            m.columns,
            vec![Some(Field::Client), None, Some(Field::Opened), None]
        );
        assert_eq!(m.date_format, Some(DateFormat::DayMonthYear));
        let saved = m.to_preset("mine");
        assert_eq!(
            Mapping::resolve(&saved, &headers, &[], None)
                .unwrap()
                .columns,
            m.columns
        );
    }

    #[test]
    fn mapping_errors_name_the_column_the_field_or_what_is_missing() {
        let p = Preset::generic(ImportKind::Time);
        let headers = h(&["client", "date", "note", "spent"]);
        assert_eq!(
            Mapping::resolve(&p, &headers, &[], None),
            Err(MappingError::Unmapped {
                fields: vec![Field::Hours]
            })
        );
        assert!(Mapping::resolve(&p, &headers, &o(&[("spent", "hours")]), None).is_ok());
        assert!(matches!(
            Mapping::resolve(&p, &headers, &o(&[("Duur", "hours")]), None),
            Err(MappingError::NoSuchColumn { column, .. }) if column == "Duur"
        ));
        assert!(matches!(
            Mapping::resolve(&p, &headers, &o(&[("spent", "subject")]), None),
            Err(MappingError::NoSuchField { field, kind: ImportKind::Time }) if field == "subject"
        ));
        assert_eq!(
            Mapping::resolve(
                &p,
                &headers,
                &o(&[("spent", "hours"), ("note", "hours")]),
                None
            ),
            Err(MappingError::Twice {
                field: Field::Hours,
                columns: vec!["spent".into(), "note".into()]
            })
        );
        let clients = Preset::generic(ImportKind::Clients);
        assert!(Mapping::resolve(&clients, &h(&["first_name", "last_name"]), &[], None).is_ok());
        assert_eq!(
            Mapping::resolve(&clients, &h(&["first_name", "email"]), &[], None),
            Err(MappingError::Unmapped {
                fields: vec![Field::Name]
            })
        );
    }
}
