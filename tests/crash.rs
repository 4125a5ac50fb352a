//! Crash safety: a child process writing 1,000 events is killed with SIGKILL at random
//! points, 20 times, on the same database; every write it reported committed is there
//! afterwards, and `PRAGMA integrity_check` says ok.
//!
//! The child is this test binary itself, re-run with `crash_child` as the only test and
//! RAPPORT_CRASH_CHILD naming the database. Set RAPPORT_CRASH_SEED to replay a failing run.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use rapport::domain::{LogEntry, NewTicket, TicketKind};
use rapport::store::{Store, StoreError};

const CHILD_DB: &str = "RAPPORT_CRASH_CHILD";
const CHILD_RUN: &str = "RAPPORT_CRASH_RUN";
const SEED: &str = "RAPPORT_CRASH_SEED";
const EVENTS: usize = 1_000;
const RUNS: usize = 20;
const CLIENT: &str = "Crash Test Dummies";

fn reference(run: usize, i: usize) -> String {
    format!("crash-{run}-{i}")
}

/// The child: logs EVENTS tickets, one transaction each, and reports each one on stdout
/// once `Store::log` has returned. Does nothing when not started by the parent below.
#[test]
fn crash_child() {
    let Some(db) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let run: usize = std::env::var(CHILD_RUN)
        .expect("the parent passes the run number")
        .parse()
        .expect("a run number");
    let mut store = Store::open(Path::new(&db)).expect("the child opens the database");
    let client = match store.client_by_name(CLIENT) {
        Ok(c) => c.id,
        Err(StoreError::UnknownClient(_)) => common::add_client(&mut store, CLIENT),
        Err(e) => panic!("cannot look up the client: {e}"),
    };
    let mut out = std::io::stdout().lock();
    for i in 0..EVENTS {
        let r = reference(run, i);
        let ticket = NewTicket {
            opened_on: common::date("2026-06-30"),
            closed_on: None,
            kind: TicketKind::Incident,
            escalated: false,
            reopen_count: 0,
            external_ref: Some(r.clone()),
            subject: None,
        };
        store
            .log(client, &LogEntry::Ticket(ticket))
            .expect("logged");
        writeln!(out, "\ncommitted {r}")
            .and_then(|()| out.flush())
            .expect("report to the parent");
    }
}

/// When the parent kills the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kill {
    /// Right after spawning it: while it opens, migrates or adds the client.
    AtOnce,
    /// After a short pause, whatever it is doing then.
    After(Duration),
    /// As soon as it has reported this many commits.
    AfterCommits(usize),
    /// Never: it writes all its events and exits.
    Never,
}

fn plan(rng: &mut fastrand::Rng, run: usize) -> Kill {
    match run {
        0 => Kill::AtOnce,
        r if r == RUNS - 1 => Kill::Never,
        _ => match rng.u8(0..10) {
            0 => Kill::AtOnce,
            1 => Kill::After(Duration::from_millis(rng.u64(0..60))),
            _ => Kill::AfterCommits(rng.usize(1..EVENTS)),
        },
    }
}

/// References of one run's tickets in the database, in the order they were written.
fn stored(db: &Path, run: usize) -> Vec<String> {
    common::column(
        db,
        &format!(
            "SELECT external_ref FROM tickets WHERE external_ref LIKE 'crash-{run}-%' ORDER BY id"
        ),
    )
}

#[cfg(unix)]
#[test]
fn killed_writers_lose_no_committed_event() {
    use std::os::unix::process::ExitStatusExt;

    let seed: u64 = std::env::var(SEED)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5241_5054);
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = common::tempdir();
    let db = dir.path().join("crash.db");
    let exe = std::env::current_exe().expect("this test binary");
    let mut committed: Vec<usize> = Vec::new();
    let mut killed_mid_run = 0;

    for run in 0..RUNS {
        let kill = plan(&mut rng, run);
        let context = format!("seed {seed}, run {run}, {kill:?}");
        let err_log = dir.path().join(format!("child-{run}.stderr"));
        let mut child = Command::new(&exe)
            .args([
                "crash_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
                "-q",
            ])
            .env(CHILD_DB, &db)
            .env(CHILD_RUN, run.to_string())
            .env_remove(SEED)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&err_log).unwrap())
            .spawn()
            .expect("spawn the child");
        match kill {
            Kill::AtOnce => child.kill().unwrap(),
            Kill::After(pause) => {
                thread::sleep(pause);
                child.kill().unwrap();
            }
            Kill::AfterCommits(_) | Kill::Never => {}
        }
        // Every line the child wrote before it died counts as reported, also those still
        // in the pipe when the kill landed: read to the end.
        let mut reported: Vec<String> = Vec::new();
        for line in BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.expect("read the child's stdout");
            if let Some((_, r)) = line.split_once("committed ") {
                reported.push(r.to_string());
                if kill == Kill::AfterCommits(reported.len()) {
                    child.kill().unwrap();
                }
            }
        }
        let status = child.wait().unwrap();
        let stderr = std::fs::read_to_string(&err_log).unwrap_or_default();
        match status.signal() {
            Some(9) => killed_mid_run += usize::from(reported.len() < EVENTS),
            Some(other) => panic!("{context}: child died of signal {other}: {stderr}"),
            None => assert!(status.success(), "{context}: child failed: {stderr}"),
        }
        if kill == Kill::Never {
            assert_eq!(
                reported.len(),
                EVENTS,
                "{context}: an unkilled child writes all"
            );
        }

        // rapport opens the database again, and it is sound.
        let store = Store::open(&db).unwrap_or_else(|e| panic!("{context}: reopen: {e}"));
        assert_eq!(store.integrity_check().unwrap(), "ok", "{context}");
        drop(store);

        // Every reported write is there, in order; at most one more made it to disk
        // (committed, then killed before it could say so), and nothing else.
        let expected: Vec<String> = (0..reported.len()).map(|i| reference(run, i)).collect();
        assert_eq!(reported, expected, "{context}: the child reports in order");
        let on_disk = stored(&db, run);
        assert!(
            on_disk.len() == reported.len() || on_disk.len() == reported.len() + 1,
            "{context}: {} reported, {} stored",
            reported.len(),
            on_disk.len()
        );
        let all: Vec<String> = (0..on_disk.len()).map(|i| reference(run, i)).collect();
        assert_eq!(on_disk, all, "{context}: stored without gaps");
        println!(
            "{context}: {} reported, {} stored, {status}",
            reported.len(),
            on_disk.len()
        );
        committed.push(on_disk.len());

        // And no earlier run lost anything.
        for (earlier, n) in committed.iter().enumerate() {
            assert_eq!(
                stored(&db, earlier).len(),
                *n,
                "{context}: run {earlier} changed"
            );
        }
    }
    let total: usize = committed.iter().sum();
    assert_eq!(common::count(&db, "tickets") as usize, total);
    assert!(
        killed_mid_run >= RUNS / 2,
        "only {killed_mid_run} of {RUNS} children were killed while writing (seed {seed})"
    );
}
