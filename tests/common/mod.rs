//! Setup shared by the integration tests: temporary folders, a sandboxed `rapport` command,
//! and ways to look at a database file from the outside (its rows, its bytes).
//!
//! Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};

use rapport::domain::{ClientDraft, ClientId};
use rapport::store::Store;

/// The date the CLI tests pretend is today (RAPPORT_TODAY).
pub const TODAY: &str = "2026-06-30";

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

/// A temporary folder, removed when dropped.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("rapport-test-")
        .tempdir()
        .expect("a temporary folder")
}

// ---- the store, from the inside --------------------------------------------------------

/// Adds a client with the defaults and this name.
pub fn add_client(store: &mut Store, name: &str) -> ClientId {
    let fields = ClientDraft {
        name: name.into(),
        ..ClientDraft::new_client()
    }
    .validate()
    .expect("a valid client");
    store.add_client(&fields).expect("client added")
}

// ---- a database, from the outside ------------------------------------------------------

/// Every row of every table, by table name, each table ordered by rowid: what a user's data
/// is, independent of how SQLite lays it out in the file.
pub type Dump = BTreeMap<String, Vec<Vec<Value>>>;

/// Opens an existing database with plain SQLite (not through rapport), to read it. Not
/// read-only: a read-only connection to a WAL database leaves its -wal and -shm files
/// behind, a read-write one removes them when it is the last to close.
pub fn raw_read(path: &Path) -> Connection {
    try_raw_read(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()))
}

fn try_raw_read(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

pub fn dump(path: &Path) -> Dump {
    try_dump(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The rows of `path`, or the error when it is not a readable SQLite database.
pub fn try_dump(path: &Path) -> rusqlite::Result<Dump> {
    let conn = try_raw_read(path)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tables
        .into_iter()
        .map(|t| {
            // Every column in order (rowid tables start with their id, and WITHOUT ROWID
            // tables, the rollup, have none to order by), but for a client's revision: a
            // counter of changes, which an undo moves on rather than back.
            let cols: Vec<String> = conn
                .prepare(&format!(
                    "SELECT name FROM pragma_table_info('{t}') ORDER BY cid"
                ))?
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|c| !(t == "clients" && c == "rev"))
                .map(|c| format!("\"{c}\""))
                .collect();
            let n = cols.len();
            let list = cols.join(", ");
            let mut stmt = conn.prepare(&format!("SELECT {list} FROM \"{t}\" ORDER BY {list}"))?;
            let rows = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())?
                .collect::<rusqlite::Result<Vec<Vec<Value>>>>()?;
            Ok((t, rows))
        })
        .collect()
}

/// Number of rows in `table`.
pub fn count(path: &Path, table: &str) -> i64 {
    raw_read(path)
        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })
        .expect("count rows")
}

/// One text/NULL column of a query, as strings ("NULL" for NULL).
pub fn column(path: &Path, sql: &str) -> Vec<String> {
    let conn = raw_read(path);
    let mut stmt = conn.prepare(sql).expect("prepare");
    stmt.query_map([], |r| {
        Ok(match r.get::<_, Value>(0)? {
            Value::Null => "NULL".to_string(),
            Value::Integer(i) => i.to_string(),
            Value::Real(f) => f.to_string(),
            Value::Text(s) => s,
            Value::Blob(b) => format!("{b:?}"),
        })
    })
    .and_then(|rows| rows.collect())
    .expect("query")
}

/// What can be seen of a folder from outside: each file's name, bytes and mtime.
#[derive(PartialEq, Eq)]
pub struct FolderState(BTreeMap<String, (Vec<u8>, SystemTime)>);

impl std::fmt::Debug for FolderState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Names, sizes, a checksum and mtimes: the bytes themselves are too many to read.
        let mut m = f.debug_map();
        for (name, (bytes, mtime)) in &self.0 {
            let sum = bytes
                .iter()
                .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(*b)));
            m.entry(
                name,
                &format!("{} bytes, sum {sum:x}, {mtime:?}", bytes.len()),
            );
        }
        m.finish()
    }
}

pub fn folder_state(dir: &Path) -> FolderState {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("read folder") {
        let entry = entry.expect("folder entry");
        let meta = entry.metadata().expect("metadata");
        if meta.is_file() {
            files.insert(
                entry.file_name().to_string_lossy().into_owned(),
                (
                    fs::read(entry.path()).expect("read file"),
                    meta.modified().expect("mtime"),
                ),
            );
        }
    }
    FolderState(files)
}

/// Puts a file's mtime a year back, so that any later write would show in it.
pub fn age(path: &Path) {
    let year_ago = SystemTime::now() - Duration::from_secs(365 * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(year_ago))
        .expect("set mtime");
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// `path` with `suffix` appended to the file name: r.db -> r.db-wal.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

// ---- the real binary, sandboxed ----------------------------------------------------------

/// Command-line words from one string split on whitespace: `w("client list --json")`.
/// Values with spaces go in an explicit array instead.
pub fn w(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// A temporary home for one CLI test: the database, config and data folders all live in it,
/// so the user's real files are never touched.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// What one run of `rapport` gave back.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit 0, nothing on stderr; returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success: {self:#?}");
        assert_eq!(self.stderr, "", "expected a quiet stderr: {self:#?}");
        &self.stdout
    }

    /// Exit `code`, nothing on stdout, and exactly one line on stderr starting with
    /// "rapport: "; returns that line without the prefix.
    #[track_caller]
    pub fn fails(&self, code: i32) -> &str {
        assert_eq!(self.code, code, "exit code: {self:#?}");
        assert_eq!(self.stdout, "", "stdout must be empty on error: {self:#?}");
        let msg = self
            .stderr
            .strip_suffix('\n')
            .unwrap_or_else(|| panic!("stderr must end in a newline: {self:#?}"));
        assert!(!msg.contains('\n'), "stderr must be one line: {self:#?}");
        msg.strip_prefix("rapport: ")
            .unwrap_or_else(|| panic!("stderr must start with 'rapport: ': {self:#?}"))
    }

    /// A usage or validation error (exit 2) whose message contains every one of `words`.
    #[track_caller]
    pub fn invalid(&self, words: &[&str]) -> &str {
        let msg = self.fails(2);
        for w in words {
            assert!(msg.contains(w), "message should mention {w:?}: {msg}");
        }
        msg
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempdir();
        let db = dir.path().join("r.db");
        Sandbox { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `rapport` with the sandbox's environment: RAPPORT_DB, RAPPORT_CONFIG=/dev/null,
    /// RAPPORT_TODAY, and HOME/XDG folders inside the sandbox.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut c = self.bare_cmd();
        c.env("RAPPORT_DB", &self.db)
            .env("RAPPORT_CONFIG", "/dev/null")
            .env("RAPPORT_TODAY", TODAY);
        c
    }

    /// `rapport` with only HOME and the XDG folders pointed into the sandbox and the C locale:
    /// no RAPPORT_* variables at all, so the defaults apply.
    pub fn bare_cmd(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_rapport"));
        for var in [
            "RAPPORT_DB",
            "RAPPORT_CONFIG",
            "RAPPORT_TODAY",
            "NO_COLOR",
            "RUST_BACKTRACE",
        ] {
            c.env_remove(var);
        }
        let home = self.path("home");
        // The host's locale must not pick the language: LC_ALL=C says nothing, so English.
        c.env("LC_ALL", "C")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .current_dir(self.dir.path())
            .timeout(Duration::from_secs(60));
        c
    }

    /// Runs `rapport ARGS` in the sandbox.
    pub fn run(&self, args: &[&str]) -> Run {
        run(self.cmd().args(args))
    }

    /// Runs and expects success; returns stdout.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        r.ok();
        r.stdout
    }

    /// `client list --json`, parsed.
    /// Creates the sandbox's database, empty (listing never creates one).
    pub fn create_empty_db(&self) {
        drop(rapport::store::Store::open(&self.db).expect("an empty database"));
    }

    pub fn clients_json(&self) -> Vec<serde_json::Value> {
        let out = self.ok(&["client", "list", "--json"]);
        match serde_json::from_str(&out).expect("client list --json is JSON") {
            serde_json::Value::Array(rows) => rows,
            other => panic!("expected a JSON array, got {other}"),
        }
    }

    /// The database's rows, for "nothing was written" checks.
    pub fn dump(&self) -> Dump {
        dump(&self.db)
    }
}

/// Runs `args`, expects it to fail with `code` and a one-line message containing `words`,
/// and checks that the database file (its bytes and its rows) is exactly as before.
#[track_caller]
pub fn refused(sb: &Sandbox, args: &[&str], code: i32, words: &[&str]) -> String {
    let bytes = fs::read(&sb.db).ok();
    let rows = try_dump(&sb.db).ok();
    let r = sb.run(args);
    let msg = r.fails(code).to_string();
    for word in words {
        assert!(
            msg.contains(word),
            "{args:?}: should mention {word:?}: {msg}"
        );
    }
    assert_eq!(
        fs::read(&sb.db).ok(),
        bytes,
        "{args:?} changed the database file"
    );
    if let Some(rows) = rows {
        assert_eq!(sb.dump(), rows, "{args:?} changed rows");
    }
    msg
}

/// A config file from tests/fixtures/configs.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/configs")
        .join(name)
}

pub fn run(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.output().expect("run rapport");
    Run {
        code: out
            .status
            .code()
            .expect("rapport exited (not killed by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}
