//! The portfolio report as CSV files, one per table, in a folder: the report's tables
//! (scorecards, flags, decisions, upcoming, pareto) and the evidence in the generic import
//! format (clients, tickets, invoices, time, recommendations), which `import` reads back.
//! Machine-readable: English headers, ISO dates, plain decimals, fractions for shares.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::PortfolioReport;
use super::generic;
use crate::domain::date::iso;
use crate::domain::import::ImportKind;
use crate::domain::score::MetricKey;
use crate::files::{create_private_dir, create_private_file};
use crate::store::Store;

/// One file: its name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn file(name: &str, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<CsvFile> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(CsvFile {
        name: format!("{name}.csv"),
        bytes,
    })
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(String::new, iso)
}

/// The report's own tables.
pub fn report_tables(r: &PortfolioReport) -> std::io::Result<Vec<CsvFile>> {
    let mut out = Vec::new();

    let mut head: Vec<String> = [
        "rank", "client", "score", "no_score", "grade", "band", "change", "alert", "flags", "trend",
    ]
    .map(String::from)
    .to_vec();
    for k in MetricKey::ALL {
        head.push(k.key().to_string());
        head.push(format!("{}_subscore", k.key()));
    }
    let rows: Vec<Vec<String>> = r
        .scorecards
        .iter()
        .map(|c| {
            let mut row = vec![
                c.rank.to_string(),
                c.client.clone(),
                num(c.score),
                c.no_score.unwrap_or_default().to_string(),
                c.grade.unwrap_or_default().to_string(),
                c.band.unwrap_or_default().to_string(),
                num(c.change.as_ref().map(|ch| ch.delta)),
                c.alert.to_string(),
                c.flags.join(" "),
                c.trend
                    .iter()
                    .map(|t| t.map_or_else(|| "-".to_string(), |v| v.to_string()))
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            for k in MetricKey::ALL {
                let crit = c.criteria.iter().find(|x| x.metric == k);
                row.push(num(crit.and_then(|x| x.normalized)));
                row.push(num(crit.and_then(|x| x.subscore)));
            }
            row
        })
        .collect();
    let head_ref: Vec<&str> = head.iter().map(String::as_str).collect();
    out.push(file("scorecards", &head_ref, &rows)?);

    let rows: Vec<Vec<String>> = r
        .flags
        .iter()
        .flat_map(|f| {
            let lines: Vec<String> = if f.evidence.is_empty() {
                vec![String::new()]
            } else {
                f.evidence.clone()
            };
            lines
                .into_iter()
                .map(|e| vec![f.client.clone(), f.code.into(), f.title.into(), e])
        })
        .collect();
    out.push(file(
        "flags",
        &["client", "code", "dealbreaker", "evidence"],
        &rows,
    )?);

    let rows: Vec<Vec<String>> = r
        .decisions
        .iter()
        .map(|d| {
            vec![
                iso(d.decided_on),
                d.client.clone(),
                d.proposed_outcome.into(),
                d.chosen_outcome.into(),
                d.why.clone(),
                date(d.review_on),
                d.proposed_mrr_cents
                    .map_or_else(String::new, |c| crate::domain::Cents(c).plain()),
                date(d.end_on),
                date(d.notice_by),
            ]
        })
        .collect();
    out.push(file(
        "decisions",
        &[
            "decided_on",
            "client",
            "proposed_outcome",
            "chosen_outcome",
            "why",
            "review_on",
            "proposed_mrr",
            "end_on",
            "notice_by",
        ],
        &rows,
    )?);

    let rows: Vec<Vec<String>> = r
        .upcoming
        .iter()
        .map(|u| {
            vec![
                date(u.on),
                u.days.map_or_else(String::new, |d| d.to_string()),
                serde_json::to_value(u.due)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                u.client.clone(),
                u.detail.clone(),
            ]
        })
        .collect();
    out.push(file(
        "upcoming",
        &["on", "days", "due", "client", "detail"],
        &rows,
    )?);

    let p = &r.pareto;
    let rows: Vec<Vec<String>> = [&p.revenue, &p.hours, &p.stress]
        .into_iter()
        .flat_map(|side| {
            side.clients.iter().enumerate().map(|(i, c)| {
                vec![
                    side.measure.key().to_string(),
                    (i + 1).to_string(),
                    c.client.clone(),
                    c.value.to_string(),
                    c.share.to_string(),
                    c.cumulative_share.to_string(),
                    c.vital_few.to_string(),
                    c.r1_candidate.to_string(),
                ]
            })
        })
        .collect();
    out.push(file(
        "pareto",
        &[
            "measure",
            "rank",
            "client",
            "value",
            "share",
            "cumulative_share",
            "vital_few",
            "r1_candidate",
        ],
        &rows,
    )?);
    Ok(out)
}

/// The evidence in the generic import format: clients, tickets, invoices, time and
/// recommendations, voided rows left out.
pub fn evidence_tables(store: &Store) -> Result<Vec<CsvFile>, super::ReportError> {
    let mut out = Vec::new();
    for kind in ImportKind::ALL {
        let rows: Vec<Vec<String>> = store
            .export_records(kind)?
            .iter()
            .map(|r| generic::row(kind, r))
            .collect();
        out.push(file(kind.name(), &generic::header(kind), &rows)?);
    }
    Ok(out)
}

/// Why the files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}", crate::t!("export.file_exists", file = .0.display()))]
    Exists(PathBuf),
    #[error("{}", crate::t!("export.cannot_write", file = .0.display(), why = .1))]
    Io(PathBuf, std::io::Error),
}

/// Writes every file into `dir` (made 0700 when missing), each a new file 0600. Refused,
/// writing nothing, when any of them is already there; a failed write takes back the
/// files it wrote.
pub fn write_into(dir: &Path, files: &[CsvFile]) -> Result<Vec<PathBuf>, WriteError> {
    if let Some(there) = files
        .iter()
        .map(|f| dir.join(&f.name))
        .find(|p| std::fs::symlink_metadata(p).is_ok())
    {
        return Err(WriteError::Exists(there));
    }
    create_private_dir(dir).map_err(|e| WriteError::Io(dir.to_path_buf(), e))?;
    let mut written: Vec<PathBuf> = Vec::new();
    for f in files {
        let path = dir.join(&f.name);
        let result = create_private_file(&path).and_then(|mut file| {
            file.write_all(&f.bytes)?;
            file.sync_all()
        });
        if let Err(e) = result {
            if e.kind() != std::io::ErrorKind::AlreadyExists {
                let _ = std::fs::remove_file(&path);
            }
            for p in &written {
                let _ = std::fs::remove_file(p);
            }
            return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path)
            } else {
                WriteError::Io(path, e)
            });
        }
        written.push(path);
    }
    Ok(written)
}

/// A new folder `stem`, `stem-2`, `stem-3`... in `parent` (made 0700): never one that is
/// there.
pub fn fresh_dir(parent: &Path, stem: &str) -> std::io::Result<PathBuf> {
    create_private_dir(parent)?;
    for n in 1..=1000u32 {
        let dir = if n == 1 {
            parent.join(stem)
        } else {
            parent.join(format!("{stem}-{n}"))
        };
        let mut b = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        match b.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "every fresh name is taken",
    ))
}
