//! The database file under stress: empty, foreign, older, damaged and cut files met by
//! reading and writing commands; `rapport check`; the automatic daily backups and
//! `rapport restore`; a full disk and a read-only file.

mod common;

use std::fs;
use std::path::Path;

use rusqlite::{Connection, params};

use common::{Sandbox, folder_state, mode, w};

/// What is on disk at a path: its bytes, or None.
fn bytes(path: &Path) -> Option<Vec<u8>> {
    fs::read(path).ok()
}

/// A sandbox whose database holds two clients with some evidence.
fn with_evidence() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme --mrr 1500 --seats 10"));
    sb.ok(&w("client add --name Globex --mrr 900 --seats 4"));
    for i in 0..40 {
        sb.ok(&[
            "log",
            "ticket",
            "--client",
            "Acme",
            "--ref",
            &format!("T-{i}"),
        ]);
        sb.ok(&["log", "time", "--client", "Globex", "--duration", "1h30"]);
    }
    sb.ok(&w(
        "log invoice --client Acme --amount 1500 --issued 2026-05-01",
    ));
    sb
}

/// The commands that only read, each with the words it is run with.
const READERS: &[&str] = &[
    "client list",
    "client list --json",
    "scorecard",
    "scorecard --json",
    "pareto",
    "pareto --by hours --json",
    "whatif --drop Acme",
    "check",
];

/// Runs every reading command (and a backup) on the sandbox's database and asserts its
/// bytes are the same afterwards; returns each command's exit code.
#[track_caller]
fn read_everything(sb: &Sandbox, label: &str) -> Vec<(String, i32, String)> {
    let before = bytes(&sb.db);
    let mut runs = Vec::new();
    for (i, args) in READERS
        .iter()
        .copied()
        .map(w)
        .chain([vec![
            "backup".to_string().leak() as &str,
            sb.path("copy.db").to_str().unwrap().to_string().leak(),
        ]])
        .enumerate()
    {
        let copy = sb.path("copy.db");
        let _ = fs::remove_file(&copy);
        let r = sb.run(&args);
        assert_eq!(
            bytes(&sb.db),
            before,
            "{label}: '{}' (#{i}) changed the file",
            args.join(" ")
        );
        runs.push((args.join(" "), r.code, r.stderr.clone()));
    }
    runs
}

/// An SQLite file made by another program with no tables in it.
fn empty_foreign_sqlite(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); DROP TABLE t;")
        .unwrap();
}

/// A database as rapport's schema 1 left it, with one client and a ticket.
fn schema_1_database(path: &Path) {
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(include_str!("../migrations/0001_evidence.sql"))
        .unwrap();
    tx.execute_batch("PRAGMA user_version = 1").unwrap();
    tx.execute(
        "INSERT INTO clients (id, name, mrr_cents, created_at, updated_at)
         VALUES (1, 'Acme', 150000, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    tx.execute(
        "INSERT INTO tickets (client_id, opened_on, kind) VALUES (1, ?1, 'incident')",
        params!["2026-06-01"],
    )
    .unwrap();
    tx.commit().unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

// ---- reading never changes a byte ------------------------------------------------------

#[test]
fn reading_commands_refuse_empty_and_foreign_files_and_leave_them_as_they_were() {
    type Make = fn(&Path);
    let cases: [(&str, Make, &str); 3] = [
        (
            "a 0-byte file",
            |p| fs::write(p, b"").unwrap(),
            "(it is empty)",
        ),
        (
            "an empty SQLite file of another program",
            empty_foreign_sqlite,
            "a rapport file",
        ),
        (
            "another program's database",
            |p| {
                Connection::open(p)
                    .unwrap()
                    .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('stamppot');")
                    .unwrap()
            },
            "is not a rapport database",
        ),
    ];
    for (label, make, words) in cases {
        let sb = Sandbox::new();
        make(&sb.db);
        common::age(&sb.db);
        let folder = folder_state(sb.dir.path());
        for (cmd, code, stderr) in read_everything(&sb, label) {
            assert_eq!(
                code, 2,
                "{label}: '{cmd}' should fail as a --db mistake: {stderr}"
            );
            assert!(
                stderr.contains(&sb.db.display().to_string())
                    && stderr.contains("is not a rapport database")
                    && stderr.contains(words),
                "{label}: '{cmd}' should name the file and say why: {stderr}"
            );
        }
        assert_eq!(
            folder_state(sb.dir.path()),
            folder,
            "{label}: the folder changed"
        );
    }
}

#[test]
fn reading_commands_read_a_rapport_file_without_changing_it() {
    let sb = with_evidence();
    common::age(&sb.db);
    for (cmd, code, stderr) in read_everything(&sb, "a rapport database") {
        assert_eq!(code, 0, "'{cmd}' failed: {stderr}");
    }
    assert!(sb.ok(&w("check")).starts_with("ok: "));
}

#[test]
fn reading_commands_read_an_older_schema_through_a_copy_and_leave_the_file_older() {
    let sb = Sandbox::new();
    schema_1_database(&sb.db);
    common::age(&sb.db);
    for (cmd, code, stderr) in read_everything(&sb, "a schema-1 database") {
        assert_eq!(code, 0, "'{cmd}' failed: {stderr}");
    }
    assert_eq!(
        user_version(&sb.db),
        1,
        "a reader must not migrate the file"
    );
    let list = sb.ok(&w("client list"));
    assert!(list.contains("Acme"), "{list}");
    // A writer may: the next log upgrades it.
    sb.ok(&w("log ticket --client Acme"));
    assert_eq!(user_version(&sb.db), rapport::store::schema_version());
}

#[test]
fn the_app_without_a_terminal_creates_and_upgrades_nothing() {
    // assert_cmd gives rapport no terminal: stdin is empty, stdout a pipe.
    const NEEDS: &str = "the app needs a terminal: run it in one, or use a command such as 'rapport client list' (see --help)";
    let sb = Sandbox::new();
    let tmp = sb.path("tmp");
    fs::create_dir(&tmp).unwrap();
    for args in [
        &[][..],
        &["--no-color"][..],
        &["--demo"][..],
        &["decide", "Brandt Vastgoed"][..],
    ] {
        let r = common::run(sb.cmd().env("TMPDIR", &tmp).args(args));
        assert_eq!(r.fails(2), NEEDS, "{args:?}");
    }
    assert!(!sb.db.exists(), "no database was created");
    assert!(!sb.path("home").exists(), "no data folder was made");
    assert_eq!(
        fs::read_dir(&tmp).unwrap().count(),
        0,
        "no demo folder was made"
    );
    // An older file is not upgraded.
    schema_1_database(&sb.db);
    common::age(&sb.db);
    let before = folder_state(sb.dir.path());
    assert_eq!(sb.run(&[]).fails(2), NEEDS);
    assert_eq!(sb.run(&["decide", "Acme"]).fails(2), NEEDS);
    assert_eq!(
        folder_state(sb.dir.path()),
        before,
        "the file was not touched"
    );
    assert_eq!(user_version(&sb.db), 1);
}

#[test]
fn writing_commands_refuse_empty_and_foreign_files_naming_them() {
    for (label, make) in [
        (
            "a 0-byte file",
            (|p: &Path| fs::write(p, b"").unwrap()) as fn(&Path),
        ),
        (
            "an empty SQLite file of another program",
            empty_foreign_sqlite,
        ),
    ] {
        let sb = Sandbox::new();
        make(&sb.db);
        common::age(&sb.db);
        let folder = folder_state(sb.dir.path());
        for args in [
            "client add --name Acme",
            "log ticket --client Acme",
            "demo",
            "vote --staff Sam",
        ] {
            let r = sb.run(&w(args));
            let msg = r.fails(2);
            assert!(
                msg.contains(&sb.db.display().to_string())
                    && msg.contains("is not a rapport database"),
                "{label}: '{args}': {msg}"
            );
        }
        assert_eq!(
            folder_state(sb.dir.path()),
            folder,
            "{label}: the folder changed"
        );
    }
}

// ---- damage ------------------------------------------------------------------------------

/// Flips bytes in a few pages in the middle of the file (not the header page).
fn flip_bytes_inside(path: &Path) {
    let mut data = fs::read(path).unwrap();
    let pages = data.len() / 4096;
    assert!(pages > 6, "the test needs a database of several pages");
    for page in [pages / 2, pages / 2 + 1, pages - 2] {
        // The page's header too: an empty table's page is damaged as well as a full one.
        for b in &mut data[page * 4096..page * 4096 + 400] {
            *b ^= 0x5a;
        }
    }
    fs::write(path, data).unwrap();
}

/// Flips bytes in every page but the first (the schema): any write meets the damage.
fn flip_every_page_but_the_first(path: &Path) {
    let mut data = fs::read(path).unwrap();
    for page in 1..data.len() / 4096 {
        flip_page(&mut data, page);
    }
    fs::write(path, data).unwrap();
}

fn flip_page(data: &mut [u8], page: usize) {
    for b in &mut data[page * 4096 + 8..page * 4096 + 400] {
        *b ^= 0x5a;
    }
}

/// The database folded into one file (no write-ahead log left), as a copy would be.
fn checkpointed(sb: &Sandbox) {
    let conn = Connection::open(&sb.db).unwrap();
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    drop(conn);
    assert!(!common::sibling(&sb.db, "-wal").exists());
}

#[test]
fn check_says_ok_on_a_sound_file_and_lists_what_is_wrong_on_a_damaged_one() {
    let sb = with_evidence();
    let out = sb.ok(&w("check"));
    assert!(
        out.starts_with("ok: ") && out.contains("2 clients") && out.contains("rollup agrees"),
        "{out}"
    );
    checkpointed(&sb);
    flip_bytes_inside(&sb.db);
    common::age(&sb.db);
    let before = bytes(&sb.db);
    let r = sb.run(&w("check"));
    // The report on stdout says what is wrong; the one line on stderr what to do.
    assert_eq!(r.code, 1, "{r:#?}");
    assert!(r.stdout.contains("damaged"), "{r:#?}");
    let msg = r.stderr.trim_end();
    assert_eq!(r.stderr.lines().count(), 1, "{r:#?}");
    assert!(
        msg.contains("is damaged") || msg.contains("problem"),
        "check must say the file is damaged: {msg}"
    );
    assert!(msg.contains("rapport restore"), "and how to restore: {msg}");
    assert_eq!(bytes(&sb.db), before, "check must not change the file");
}

#[test]
fn check_finds_a_rollup_that_disagrees_with_its_rows() {
    let sb = with_evidence();
    let conn = Connection::open(&sb.db).unwrap();
    let day: String = conn
        .query_row(
            "SELECT day FROM client_days ORDER BY day LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE client_days SET tickets = tickets + 3 WHERE day = ?1",
        [&day],
    )
    .unwrap();
    drop(conn);
    let r = sb.run(&w("check"));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout.contains("rollup disagrees") && r.stdout.contains(&day),
        "each drifting day is named: {}",
        r.stdout
    );
    assert!(
        r.stderr.contains("problem") && r.stderr.contains("rapport restore"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_write_that_meets_damage_stops_with_the_restore_advice_and_writes_nothing() {
    let sb = with_evidence();
    checkpointed(&sb);
    flip_every_page_but_the_first(&sb.db);
    let before = bytes(&sb.db);
    for args in ["log ticket --client Acme", "client add --name Initech"] {
        let r = sb.run(&w(args));
        let msg = r.fails(1);
        assert!(
            msg.contains(&sb.db.display().to_string())
                && msg.contains("is damaged")
                && msg.contains("rapport restore"),
            "'{args}': {msg}"
        );
        assert_eq!(bytes(&sb.db), before, "'{args}' wrote into the damage");
    }
}

#[test]
fn damage_is_found_by_the_days_first_backup_before_the_write_spreads_it() {
    let sb = with_evidence();
    checkpointed(&sb);
    fs::remove_dir_all(sb.path("backups")).unwrap();
    flip_bytes_inside(&sb.db);
    let before = bytes(&sb.db);
    let r = sb.run(&w("log ticket --client Acme"));
    let msg = r.fails(1);
    assert!(
        msg.contains(&sb.db.display().to_string()) && msg.contains("is damaged"),
        "{msg}"
    );
    assert_eq!(bytes(&sb.db), before);
    assert_eq!(
        backups(&sb),
        Vec::<String>::new(),
        "no damaged copy is kept as a backup"
    );
}

// ---- daily backups -----------------------------------------------------------------------

fn backups(sb: &Sandbox) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(sb.path("backups"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn the_first_write_of_a_day_keeps_a_private_backup_from_before_it() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme"));
    assert_eq!(
        backups(&sb),
        Vec::<String>::new(),
        "a new database has nothing to keep yet"
    );
    sb.ok(&w("client add --name Globex"));
    assert_eq!(backups(&sb), ["r-2026-06-30.db"]);
    let file = sb.path("backups/r-2026-06-30.db");
    assert_eq!(mode(&sb.path("backups")), 0o700);
    assert_eq!(mode(&file), 0o600);
    // The copy is from before the day's first write: Acme only.
    let names = common::column(&file, "SELECT name FROM clients ORDER BY name");
    assert_eq!(names, ["Acme"]);
    let before = bytes(&file);
    sb.ok(&w("log ticket --client Acme"));
    assert_eq!(bytes(&file), before, "one backup a day, never overwritten");
    // Reading commands never make one.
    let sb2 = with_evidence();
    fs::remove_dir_all(sb2.path("backups")).unwrap();
    read_everything(&sb2, "reading");
    assert_eq!(backups(&sb2), Vec::<String>::new());
}

#[test]
fn only_the_newest_daily_backups_are_kept() {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme"));
    let config = sb.path("config.toml");
    fs::write(&config, "[backup]\nkeep = 3\n").unwrap();
    for day in 1..=6 {
        let today = format!("2026-06-0{day}");
        let r = common::run(
            sb.cmd()
                .env("RAPPORT_TODAY", &today)
                .env("RAPPORT_CONFIG", &config)
                .args(w("log ticket --client Acme --opened 2026-06-01")),
        );
        r.ok();
    }
    assert_eq!(
        backups(&sb),
        ["r-2026-06-04.db", "r-2026-06-05.db", "r-2026-06-06.db"]
    );
    fs::write(&config, "[backup]\nkeep = 0\n").unwrap();
    fs::remove_dir_all(sb.path("backups")).unwrap();
    common::run(
        sb.cmd()
            .env("RAPPORT_CONFIG", &config)
            .args(w("log ticket --client Acme")),
    )
    .ok();
    assert!(!sb.path("backups").exists(), "keep = 0 turns them off");
}

// ---- restore -----------------------------------------------------------------------------

#[test]
fn restore_puts_a_backup_back_after_keeping_the_current_file() {
    let sb = with_evidence();
    sb.ok(&w("backup before.db"));
    let before = sb.clients_json();
    sb.ok(&w("client add --name Initech"));
    sb.ok(&w("client edit Acme --mrr 99"));
    // Without --yes and without a terminal to ask on, nothing happens.
    let current = bytes(&sb.db);
    let r = sb.run(&w("restore before.db"));
    let msg = r.fails(2);
    assert!(
        msg.contains("--yes") && msg.contains(&sb.db.display().to_string()),
        "{msg}"
    );
    assert_eq!(bytes(&sb.db), current);

    let out = sb.ok(&w("restore before.db --yes"));
    assert!(
        out.contains("restored") && out.contains("before-restore"),
        "{out}"
    );
    assert_eq!(sb.clients_json(), before, "the backup's clients are back");
    let kept: Vec<String> = backups(&sb)
        .into_iter()
        .filter(|n| n.starts_with("r-before-restore-"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", backups(&sb));
    let kept_names = common::column(
        &sb.path("backups").join(&kept[0]),
        "SELECT name FROM clients ORDER BY name",
    );
    assert_eq!(
        kept_names,
        ["Acme", "Globex", "Initech"],
        "the replaced contents are kept"
    );
    assert!(sb.ok(&w("check")).starts_with("ok: "));
}

#[test]
fn restore_refuses_what_is_not_a_sound_rapport_backup() {
    let sb = with_evidence();
    fs::write(sb.path("notes.db"), "call Acme back").unwrap();
    let current = bytes(&sb.db);
    let r = sb.run(&w("restore notes.db --yes"));
    let msg = r.fails(2);
    assert!(
        msg.contains("notes.db is not a rapport database") && msg.contains("name a backup"),
        "{msg}"
    );
    let r = sb.run(&w("restore missing.db --yes"));
    assert!(r.fails(2).contains("missing.db"), "{r:?}");
    assert_eq!(bytes(&sb.db), current);
    assert!(
        !sb.path("backups").exists() || backups(&sb).iter().all(|n| !n.contains("before-restore"))
    );
}

#[test]
fn restore_mends_a_damaged_file() {
    let sb = with_evidence();
    sb.ok(&w("backup good.db"));
    checkpointed(&sb);
    flip_bytes_inside(&sb.db);
    assert_eq!(sb.run(&w("check")).code, 1);
    sb.ok(&w("restore good.db --yes"));
    assert!(sb.ok(&w("check")).starts_with("ok: "));
    assert_eq!(sb.clients_json().len(), 2);
}

// ---- a full disk, a read-only file ---------------------------------------------------------

/// Runs rapport with a file-size limit of `limit` bytes (`ulimit -f`): every write past it
/// fails as on a full disk. SIGXFSZ keeps its default action (it kills the process): rapport
/// must ignore it itself, or it dies between a commit and its cleanup without a word.
#[cfg(unix)]
fn run_limited(sb: &Sandbox, limit: u64, args: &[&str]) -> common::Run {
    use std::os::unix::process::CommandExt;
    let mut cmd = plain_command(sb, args);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: libc::RLIM_INFINITY,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    outcome(&mut cmd)
}

/// rapport with the sandbox's database and nothing else, as a plain std command (for the
/// settings assert_cmd does not offer: limits, another user).
fn plain_command(sb: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"));
    cmd.args(args)
        .env("RAPPORT_DB", &sb.db)
        .env("LC_ALL", "C")
        .env("RAPPORT_CONFIG", "/dev/null")
        .env("RAPPORT_TODAY", common::TODAY)
        .env("HOME", sb.path("home"));
    cmd
}

fn outcome(cmd: &mut std::process::Command) -> common::Run {
    let out = cmd.output().unwrap();
    common::Run {
        code: out
            .status
            .code()
            .unwrap_or_else(|| panic!("rapport was killed ({}): {out:?}", out.status)),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_no_stub_and_says_so_in_one_line() {
    let sb = Sandbox::new();
    let r = run_limited(&sb, 2000, &w("client add --name Acme"));
    let msg = r.fails(1);
    assert!(
        msg.contains("cannot write") && msg.contains("disk is full"),
        "{msg}"
    );
    assert!(!msg.contains("rusqlite") && !msg.contains("query"), "{msg}");
    assert!(!sb.db.exists(), "no half-made database is left behind");
    let left: Vec<_> = fs::read_dir(sb.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("r.db"))
        .collect();
    assert!(left.is_empty(), "nothing of it is left: {left:?}");

    // On an existing database: the write is refused whole, and the data is as before.
    let sb = with_evidence();
    checkpointed(&sb);
    let rows = sb.dump();
    // Less than the write-ahead log needs for one page.
    let r = run_limited(&sb, 4000, &w("log ticket --client Acme"));
    let msg = r.fails(1);
    assert!(
        msg.contains("disk is full") && msg.contains("nothing was written"),
        "{msg}"
    );
    assert_eq!(sb.dump(), rows);
    sb.ok(&w("log ticket --client Acme"));
    assert!(sb.ok(&w("check")).starts_with("ok: "));
}

const NOBODY: u32 = 65534;

#[cfg(unix)]
fn running_as_root() -> bool {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() == 0 }
}

/// Runs rapport as an unprivileged user when the tests run as root (root may write any
/// file, so a read-only file would not be read-only to it).
#[cfg(unix)]
fn run_as_user(sb: &Sandbox, args: &[&str]) -> common::Run {
    use std::os::unix::process::CommandExt;
    let mut cmd = plain_command(sb, args);
    if running_as_root() {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    outcome(&mut cmd)
}

#[cfg(unix)]
#[test]
fn a_read_only_file_or_folder_says_so_in_one_line_and_can_still_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let set = |p: &Path, m: u32| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
    let sb = with_evidence();
    checkpointed(&sb);
    fs::remove_dir_all(sb.path("backups")).ok();
    // The folder is the user's (writable), the file is not writable.
    if running_as_root() {
        std::os::unix::fs::chown(sb.dir.path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
    set(sb.dir.path(), 0o755);
    set(&sb.db, 0o444);
    let before = bytes(&sb.db);
    let r = run_as_user(&sb, &w("log ticket --client Acme"));
    let msg = r.fails(1);
    assert!(
        msg.contains(&sb.db.display().to_string())
            && msg.contains("read-only")
            && msg.contains("permissions"),
        "{msg}"
    );
    assert_eq!(bytes(&sb.db), before);
    let r = run_as_user(&sb, &w("client list"));
    assert_eq!(r.code, 0, "a read-only file can still be read: {r:?}");
    assert!(r.stdout.contains("Acme"));

    // A read-only folder: SQLite cannot make its -wal and -shm files there.
    set(&sb.db, 0o666);
    set(sb.dir.path(), 0o555);
    let r = run_as_user(&sb, &w("log ticket --client Acme"));
    let read = run_as_user(&sb, &w("client list"));
    set(sb.dir.path(), 0o755);
    assert_eq!(
        read.code, 0,
        "a read-only folder can still be read: {read:?}"
    );
    assert!(read.stdout.contains("Acme"));
    let msg = r.fails(1);
    assert!(
        msg.contains("read-only") || msg.contains("permissions"),
        "{msg}"
    );
    assert!(
        !msg.contains("rusqlite") && !msg.contains("SQLITE"),
        "{msg}"
    );
    assert_eq!(bytes(&sb.db), before);
}
