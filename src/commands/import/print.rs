//! What `rapport import` prints: the mapping used (column -> field, the date format, the
//! ticket value rules), then the summary and every bad row; or all of it as JSON with
//! English keys.

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use crate::domain::import::{ImportKind, Mapping, MappingError, RowError};
use crate::domain::money::group_thousands;
use crate::import::CsvFile;
use crate::store::ImportReport;

/// The mapping, one line a column, then the dates and the value rules.
pub(super) fn mapping(file: &CsvFile, m: &Mapping) -> String {
    let mut out = crate::t!(
        "commands.import.mapping",
        file = file.path.display(),
        kind = m.kind.name(),
        preset = m.preset
    );
    out.push('\n');
    let width = m.headers.iter().map(|h| h.width()).max().unwrap_or(0);
    for (header, field) in m.headers.iter().zip(&m.columns) {
        let pad = " ".repeat(width - header.width());
        let line = match field {
            Some(f) => crate::t!(
                "commands.import.column",
                column = format!("{header}{pad}"),
                field = f.name()
            ),
            None => crate::t!(
                "commands.import.column_unread",
                column = format!("{header}{pad}")
            ),
        };
        out.push_str(&format!("  {line}\n"));
    }
    if m.kind == ImportKind::Tickets {
        // One line per kind: "admin: a type of 'billing', 'licensing'".
        let mut kinds: Vec<(crate::domain::TicketKind, Vec<String>)> = Vec::new();
        for (value, kind) in &m.values.kinds {
            let quoted = format!("'{value}'");
            match kinds.iter_mut().find(|(k, _)| k == kind) {
                Some((_, values)) => values.push(quoted),
                None => kinds.push((*kind, vec![quoted])),
            }
        }
        for (kind, values) in kinds {
            let line = crate::t!(
                "commands.import.value_kind",
                kind = kind,
                values = values.join(", ")
            );
            out.push_str(&format!("  {line}\n"));
        }
    }
    for note in m.notes() {
        out.push_str(&format!(
            "  {}\n",
            crate::words::say::import::mapping_note(&note)
        ));
    }
    out
}

/// How many created clients the summary names (the JSON has them all).
const SHOWN_NAMES: usize = 10;

/// The summary line, the clients created and skipped, and every bad row.
///
/// `near` names, for an unknown client, the client rapport holds whose name differs from it
/// only in accents or case (`Cafe de Hoek` for `Café De Hoek`).
pub(super) fn summary(
    r: &ImportReport,
    dry_run: bool,
    near: &std::collections::HashMap<String, String>,
) -> String {
    let n = group_thousands;
    let counts = crate::tn!(
        "commands.import.counts",
        r.rows,
        added = n(r.added),
        updated = n(r.updated),
        unchanged = n(r.unchanged),
        skipped = n(r.skipped()),
        rows = n(r.rows)
    );
    let head = if r.written {
        crate::t!("commands.import.written", counts = counts)
    } else if !r.bad_rows.is_empty() {
        crate::t!("commands.import.not_written", counts = counts)
    } else if dry_run {
        crate::t!("commands.import.dry_run", counts = counts)
    } else {
        crate::t!("commands.import.not_written", counts = counts)
    };
    let mut out = format!("{head}\n");
    if !r.created_clients.is_empty() {
        let shown = r.created_clients.len().min(SHOWN_NAMES);
        let mut names = r.created_clients[..shown].join(", ");
        if r.created_clients.len() > shown {
            names = crate::t!(
                "commands.import.and_more",
                names = names,
                more = r.created_clients.len() - shown
            );
        }
        let line = crate::tn!(
            "commands.import.created",
            r.created_clients.len(),
            names = names
        );
        out.push_str(&format!("{line}\n"));
    }
    for (name, rows) in &r.unknown_clients {
        let line = match near.get(name) {
            Some(client) => crate::tn!(
                "commands.import.unknown_client_near",
                *rows,
                name = name,
                client = client
            ),
            None => crate::tn!("commands.import.unknown_client", *rows, name = name),
        };
        out.push_str(&format!("  {line}\n"));
    }
    if !r.unknown_clients.is_empty() {
        out.push_str(&format!("{}\n", crate::t!("commands.import.create_hint")));
    }
    if !r.bad_rows.is_empty() {
        out.push_str(&format!(
            "{}\n",
            crate::t!("commands.import.bad_rows_title")
        ));
        for e in &r.bad_rows {
            out.push_str(&format!("  {}\n", row_error(e)));
        }
    }
    out
}

/// One bad row: line, column, value and reason.
pub(super) fn row_error(e: &RowError) -> String {
    crate::words::say::import::row_error(e)
}

/// Why a mapping cannot read the file, in one line.
pub(super) fn mapping_error(kind: ImportKind, e: &MappingError) -> String {
    crate::words::say::import::mapping_error(kind, e)
}

/// Everything as JSON, keys in English.
pub(super) fn json(file: &CsvFile, m: &Mapping, r: &ImportReport, dry_run: bool) -> Value {
    let columns: Vec<Value> = m
        .headers
        .iter()
        .zip(&m.columns)
        .map(|(h, f)| json!({ "column": h, "field": f.map(|f| f.name()) }))
        .collect();
    let kinds: serde_json::Map<String, Value> = m
        .values
        .kinds
        .iter()
        .map(|(v, k)| (v.clone(), json!(k.as_str())))
        .collect();
    json!({
        "file": file.path.display().to_string(),
        "kind": m.kind.name(),
        "preset": m.preset,
        "mapping": {
            "columns": columns,
            "date_format": m.date_format.map(|f| f.name()),
            "values": {
                "kinds": kinds,
                "default_kind": m.values.default_kind.map(|k| k.as_str()),
                "escalated": m.values.escalated,
                "reopened": m.values.reopened,
            },
        },
        "dry_run": dry_run,
        "written": r.written,
        "rows": r.rows,
        "added": r.added,
        "updated": r.updated,
        "unchanged": r.unchanged,
        "skipped": r.skipped(),
        "unknown_clients": r.unknown_clients.iter()
            .map(|(name, rows)| json!({ "name": name, "rows": rows }))
            .collect::<Vec<_>>(),
        "created_clients": r.created_clients,
        "bad_rows": r.bad_rows.iter()
            .map(|e| json!({
                "line": e.line,
                "column": e.column,
                "value": e.value,
                "reason": row_error(e),
            }))
            .collect::<Vec<_>>(),
    })
}
