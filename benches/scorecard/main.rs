//! `cargo bench --bench scorecard`: scorecards over a generated portfolio of 1,000 clients,
//! 1,000,000 tickets, 200,000 invoices and 500,000 time entries, the fast way (facts from the
//! per-day rollup, scored in memory) against the naive way (SQL aggregates over the raw event
//! tables for every client and every trend date), in the same run, with the ratios printed.
//!
//! - `portfolio/fast`: `evaluate_all` over facts loaded once (1,000 clients x 12 trend points).
//! - `portfolio/load`: `Store::portfolio_facts`, the cold load those facts come from.
//! - `portfolio/naive`: the same scorecards from SQL aggregates.
//! - `pareto/{fast,naive}/<measure>`: the Pareto ranking by revenue, hours, tickets and
//!   stress over 365 days: measured from the facts in memory and ranked, against SQL
//!   aggregates over the raw tables and the same ranking.
//! - `log_one/{fast,naive}/{disk,tmpfs}`: log one ticket for the biggest client and recompute
//!   its scorecard; undone after each iteration, outside the timing. `disk` is a copy of the
//!   database next to it (synchronous=FULL: every commit waits for an fsync); `tmpfs` a copy
//!   in /dev/shm, where the fsync is free, so the computing is seen apart from the disk.
//!
//! - `first_frame/{before,now,scored}`: the TUI's first frame (see `first_frame.rs`).
//!
//! The generated database is cached in `target/bench-data/`. Before timing anything, the
//! naive path is checked to give every client the same metrics, trend and dealbreakers as the
//! fast path. `cargo test --benches` runs all of this once on a small portfolio.
//! `RAPPORT_BENCH_PORTFOLIO=many-small` runs it on 10,000 small clients instead (200,000
//! tickets, 60,000 invoices, 100,000 time entries), cached beside the other; `-- --list`
//! times nothing (the checks still run), e.g. to make that file and measure
//! `rapport scorecard --json` on it.

mod first_frame;
mod generate;
mod naive;
mod pareto_naive;

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, SamplingMode};
use rapport::domain::score::{Rules, Scorecard, evaluate, evaluate_all};
use rapport::domain::{ClientId, LogEntry, NewTicket, TicketKind};
use rapport::store::Store;
use rusqlite::Connection;

use generate::{FULL, MANY_SMALL, SMOKE, Size, VERSION};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn rules() -> Rules {
    Rules {
        hourly_cost_cents: 6_500,
        ..Rules::default()
    }
}

/// Where cargo puts build output: the bench binary runs from `<target>/release/deps/`.
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return dir.into();
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| {
            exe.ancestors()
                .find(|a| a.join("CACHEDIR.TAG").is_file())
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

/// A database file removed (with its -wal and -shm) when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        remove_db(&self.0);
    }
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The portfolio that `RAPPORT_BENCH_PORTFOLIO` names (`many-small`, or the full one by
/// default), and the name its file starts with.
fn chosen_portfolio() -> (Size, &'static str) {
    match std::env::var("RAPPORT_BENCH_PORTFOLIO").as_deref() {
        Ok("many-small") => (MANY_SMALL, "portfolio-many-small"),
        Ok("" | "full") | Err(_) => (FULL, "portfolio"),
        Ok(other) => panic!("RAPPORT_BENCH_PORTFOLIO={other}: expected full or many-small"),
    }
}

/// The portfolio database: cached under target/bench-data for the full size, generated
/// into a temporary folder for the smoke run.
fn portfolio_db(size: Size, name: &str, full: bool, scratch_dir: &Path) -> PathBuf {
    let dir = if full {
        target_dir().join("bench-data")
    } else {
        scratch_dir.to_path_buf()
    };
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}-v{VERSION}.db"));
    let note = dir.join(format!("{name}-v{VERSION}.txt"));
    if full && path.is_file() {
        let made = fs::read_to_string(&note).unwrap_or_default();
        println!("portfolio: cached {} ({})", path.display(), made.trim());
        return path;
    }
    let partial = dir.join(format!("{name}-v{VERSION}.db.partial"));
    remove_db(&partial);
    let start = Instant::now();
    generate::create(&partial, size, as_of()).unwrap();
    let took = start.elapsed();
    fs::rename(&partial, &path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let made = format!(
        "generated in {:.1} s: {} clients, {} tickets, {} invoices, {} time entries, \
         {} recommendations, {} incidents, {} staff votes, {} rollup rows, {:.0} MB",
        took.as_secs_f64(),
        count(&conn, "clients"),
        count(&conn, "tickets"),
        count(&conn, "invoices"),
        count(&conn, "time_entries"),
        count(&conn, "recommendations"),
        count(&conn, "incidents"),
        count(&conn, "staff_votes"),
        count(&conn, "client_days"),
        fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6,
    );
    fs::write(&note, &made).unwrap();
    println!("portfolio: {} {made}", path.display());
    path
}

/// A throwaway copy of the database in `dir`, for the benchmarks that write. Flushed to
/// the disk before use: on ext4 (data=ordered) the first commits' fsyncs would otherwise
/// wait for the copy's 150 MB of dirty pages, and time the copy instead of the commit.
fn copy_to(db: &Path, dir: &Path, name: &str) -> Scratch {
    let copy = dir.join(format!("{name}-{}.db", std::process::id()));
    remove_db(&copy);
    fs::copy(db, &copy).unwrap();
    fs::File::open(&copy).unwrap().sync_all().unwrap();
    Scratch(copy)
}

/// The naive path must give every client the same metrics, trend and dealbreakers as the
/// fast path: a benchmark that computes something else would be worthless.
fn check_naive_matches(cards: &[Scorecard], naive: &[naive::NaiveCard]) {
    assert_eq!(cards.len(), naive.len());
    for (card, n) in cards.iter().zip(naive) {
        assert_eq!(card.client, n.client, "same order");
        assert_eq!(card.metrics, n.metrics, "metrics of {}", card.name);
        assert_eq!(card.trend, n.trend, "trend of {}", card.name);
        let codes: Vec<_> = card.flags.iter().map(|f| f.code).collect();
        assert_eq!(codes, n.flags, "dealbreakers of {}", card.name);
    }
}

/// The client with the most tickets: the most work to reload after a write.
fn biggest_client(conn: &Connection) -> ClientId {
    conn.query_row(
        "SELECT client_id FROM client_days GROUP BY client_id ORDER BY sum(tickets) DESC LIMIT 1",
        [],
        |r| Ok(ClientId(r.get(0)?)),
    )
    .unwrap()
}

fn bench_portfolio(c: &mut Criterion, db: &Path, rules: &Rules) {
    let store = Store::open(db).unwrap();
    let conn = Connection::open(db).unwrap();
    let facts = store.portfolio_facts().unwrap();
    let cards = evaluate_all(&facts, as_of(), rules);
    let start = Instant::now();
    let naive_cards = naive::portfolio(&conn, as_of(), rules).unwrap();
    println!(
        "check: the naive path matches the fast path for all {} clients \
         (metrics, 12-point trend, dealbreakers; naive took {:.2} s once)",
        cards.len(),
        start.elapsed().as_secs_f64()
    );
    check_naive_matches(&cards, &naive_cards);
    let scored = cards.iter().filter(|c| c.score().is_some()).count();
    let flagged = cards.iter().filter(|c| !c.flags.is_empty()).count();
    let alerts = cards.iter().filter(|c| c.alert.is_some()).count();
    println!("       {scored} scored, {flagged} with dealbreakers, {alerts} alerts");

    let mut g = c.benchmark_group("portfolio");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .measurement_time(Duration::from_secs(5));
    g.bench_function("fast", |b| {
        b.iter(|| evaluate_all(black_box(&facts), as_of(), rules))
    });
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("load", |b| b.iter(|| store.portfolio_facts().unwrap()));
    // Seconds per iteration: one warm-up run and ten timed ones.
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(8));
    g.bench_function("naive", |b| {
        b.iter(|| naive::portfolio(&conn, as_of(), rules).unwrap())
    });
    g.finish();
}

fn bench_pareto(c: &mut Criterion, db: &Path) {
    use rapport::domain::pareto::{Measure, ParetoRules, measures, pareto};
    let store = Store::open(db).unwrap();
    let conn = Connection::open(db).unwrap();
    let facts = store.portfolio_facts().unwrap();
    let rules = ParetoRules::default();
    let fast_ms = measures(&facts, as_of(), &rules);
    let naive_ms = pareto_naive::measures(&conn, as_of(), &rules).unwrap();
    assert_eq!(
        fast_ms, naive_ms,
        "the naive Pareto measures match the fast ones"
    );
    for m in Measure::ALL {
        let p = pareto(&fast_ms, m, rules.vital_share);
        println!("pareto/{}: {}", m.key(), p.headline());
    }
    let mut g = c.benchmark_group("pareto");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .measurement_time(Duration::from_secs(3));
    for m in Measure::ALL {
        g.bench_function(BenchmarkId::new("fast", m.key()), |b| {
            b.iter(|| {
                let ms = measures(black_box(&facts), as_of(), &rules);
                pareto(&ms, m, rules.vital_share)
            })
        });
    }
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    for m in Measure::ALL {
        g.bench_function(BenchmarkId::new("naive", m.key()), |b| {
            b.iter(|| {
                let ms = pareto_naive::measures(&conn, as_of(), &rules).unwrap();
                pareto(&ms, m, rules.vital_share)
            })
        });
    }
    g.finish();
}

/// Log one ticket for `client` and recompute its scorecard, fast and naive; each logged
/// ticket is undone after the iteration, outside the timing.
fn bench_log_one(c: &mut Criterion, db: &Path, label: &str, client: ClientId, rules: &Rules) {
    let mut store = Store::open(db).unwrap();
    let conn = Connection::open(db).unwrap();
    let mut portfolio = store.portfolio_facts().unwrap();
    let naive_client = naive::client(&conn, client).unwrap();
    // Escalated and reopened: every counter of the rollup moves.
    let ticket = LogEntry::Ticket(NewTicket {
        opened_on: as_of(),
        closed_on: None,
        kind: TicketKind::Admin,
        escalated: true,
        reopen_count: 1,
        external_ref: None,
        subject: None,
    });

    // Where the time goes (this binary's own timing of each phase), and the slow tail of
    // the whole, which a median leaves out.
    let mut phases: [Vec<Duration>; 4] = Default::default();
    for _ in 0..200 {
        let t0 = Instant::now();
        let undo = store.log(client, &ticket).unwrap();
        let t1 = Instant::now();
        let facts = store.client_facts(client).unwrap().unwrap();
        let t2 = Instant::now();
        portfolio.replace(facts);
        black_box(evaluate(
            portfolio.client(client).unwrap(),
            &portfolio,
            as_of(),
            rules,
        ));
        let t3 = Instant::now();
        store.undo(&undo).unwrap();
        for (v, d) in phases.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t3 - t0]) {
            v.push(d);
        }
    }
    for v in &mut phases {
        v.sort();
    }
    portfolio.replace(store.client_facts(client).unwrap().unwrap());
    let at = |v: &[Duration], q: f64| Some(v[((v.len() - 1) as f64 * q) as usize]);
    let f = portfolio.client(client).unwrap();
    println!(
        "log_one on {label}, client #{} ({} days, {} invoices), 200 runs: medians log {}, \
         client_facts {}, evaluate {}; the three together p50 {}, p90 {}, max {}",
        client.0,
        f.tallies.rows().len(),
        f.invoices.len(),
        show(at(&phases[0], 0.5)),
        show(at(&phases[1], 0.5)),
        show(at(&phases[2], 0.5)),
        show(at(&phases[3], 0.5)),
        show(at(&phases[3], 0.9)),
        show(at(&phases[3], 1.0)),
    );
    let before = evaluate(f, &portfolio, as_of(), rules);

    // As the TUI does it: the new ticket is taken into the facts in memory (a reload only
    // for the entries the facts cannot take in place); the undo, outside the timing,
    // reloads the client.
    let fast = |store: &mut Store, portfolio: &mut rapport::domain::score::PortfolioFacts| {
        let undo = store.log(client, &ticket).unwrap();
        if !portfolio.apply(client, &ticket) {
            portfolio.replace(store.client_facts(client).unwrap().unwrap());
        }
        let f = portfolio.client(client).unwrap();
        (undo, evaluate(f, portfolio, as_of(), rules))
    };
    let slow = |store: &mut Store| {
        let undo = store.log(client, &ticket).unwrap();
        (
            undo,
            naive::card(&conn, naive_client, as_of(), rules).unwrap(),
        )
    };

    // The same answer both ways, with the new ticket counted.
    let (undo, card) = fast(&mut store, &mut portfolio);
    store.undo(&undo).unwrap();
    portfolio.replace(store.client_facts(client).unwrap().unwrap());
    let (undo, n) = slow(&mut store);
    store.undo(&undo).unwrap();
    check_naive_matches(std::slice::from_ref(&card), std::slice::from_ref(&n));
    assert_eq!(
        card.metrics.tickets_opened,
        before.metrics.tickets_opened + 1
    );

    let mut g = c.benchmark_group("log_one");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    g.bench_function(BenchmarkId::new("fast", label), |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let (undo, card) = fast(&mut store, &mut portfolio);
                spent += start.elapsed();
                black_box(card);
                store.undo(&undo).unwrap();
                portfolio.replace(store.client_facts(client).unwrap().unwrap());
            }
            spent
        })
    });
    g.sample_size(10).measurement_time(Duration::from_secs(2));
    g.bench_function(BenchmarkId::new("naive", label), |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let (undo, card) = slow(&mut store);
                spent += start.elapsed();
                black_box(card);
                store.undo(&undo).unwrap();
            }
            spent
        })
    });
    g.finish();
}

/// Criterion's median and mean for a benchmark of this run, from its estimates file.
fn estimates(id: &str, since: SystemTime) -> Option<(Duration, Duration)> {
    let home = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("criterion"));
    let file = home.join(id).join("new").join("estimates.json");
    if fs::metadata(&file).and_then(|m| m.modified()).ok()? < since {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(file).ok()?).ok()?;
    let at = |what: &str| {
        v[what]["point_estimate"]
            .as_f64()
            .map(|ns| Duration::from_secs_f64(ns / 1e9))
    };
    Some((at("median")?, at("mean")?))
}

fn show(d: Option<Duration>) -> String {
    match d {
        None => "not run".into(),
        Some(d) if d >= Duration::from_secs(1) => format!("{:.2} s", d.as_secs_f64()),
        Some(d) if d >= Duration::from_millis(10) => format!("{:.1} ms", d.as_secs_f64() * 1e3),
        Some(d) if d >= Duration::from_millis(1) => format!("{:.2} ms", d.as_secs_f64() * 1e3),
        Some(d) => format!("{:.0} µs", d.as_secs_f64() * 1e6),
    }
}

fn ratio(slow: Option<Duration>, fast: Option<Duration>) -> String {
    match (slow, fast) {
        (Some(s), Some(f)) if !f.is_zero() => format!("{:.0}x", s.as_secs_f64() / f.as_secs_f64()),
        _ => "-".into(),
    }
}

fn verdict(d: Option<Duration>, target: Duration) -> &'static str {
    match d {
        Some(d) if d <= target => "met",
        Some(_) => "MISSED",
        None => "",
    }
}

/// The medians side by side, with the ratios against the naive way (of the medians), and
/// the means, which show the slow tail (a checkpoint, a slow fsync) the medians leave out.
fn summary(since: SystemTime) {
    let e = |id: &str| estimates(id, since);
    let med = |id: &str| e(id).map(|(m, _)| m);
    let row = |label: &str, id: &str, naive: Option<&str>, target: Option<Duration>| {
        let this = e(id);
        let median = this.map(|(m, _)| m);
        println!(
            "{label:<36} {:>10} {:>10} {:>10} {:>9} {}",
            show(median),
            show(this.map(|(_, m)| m)),
            naive.map_or(String::new(), |n| ratio(med(n), median)),
            target.map_or(String::new(), |t| format!("<= {}", show(Some(t)))),
            target.map_or("", |t| verdict(median, t)),
        );
    };
    println!("\nscorecard benchmark: criterion estimates of this run");
    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>9}",
        "", "median", "mean", "base/this", "target"
    );
    println!("(base: the naive way; for the first frame, everything read before it)");
    row(
        "first_frame/now (the list first)",
        "first_frame/now",
        Some("first_frame/before"),
        Some(Duration::from_millis(100)),
    );
    row(
        "first_frame/before (all read first)",
        "first_frame/before",
        None,
        None,
    );
    row(
        "first_frame/scored (scores shown)",
        "first_frame/scored",
        None,
        None,
    );
    row(
        "portfolio/fast (evaluate_all)",
        "portfolio/fast",
        Some("portfolio/naive"),
        Some(Duration::from_millis(25)),
    );
    row(
        "portfolio/load (portfolio_facts)",
        "portfolio/load",
        None,
        None,
    );
    let cold = med("portfolio/fast")
        .zip(med("portfolio/load"))
        .map(|(f, l)| f + l);
    println!(
        "{:<36} {:>10} {:>10} {:>10}",
        "portfolio load + fast",
        show(cold),
        "",
        ratio(med("portfolio/naive"), cold)
    );
    row(
        "portfolio/naive (SQL aggregates)",
        "portfolio/naive",
        None,
        None,
    );
    for place in ["disk", "tmpfs"] {
        let fast = format!("log_one/fast/{place}");
        let naive = format!("log_one/naive/{place}");
        row(&fast, &fast, Some(&naive), Some(Duration::from_millis(2)));
        row(&naive, &naive, None, None);
    }
    println!("goal: base/this >= 50x");
    for m in ["revenue", "hours", "tickets", "stress"] {
        let fast = format!("pareto/fast/{m}");
        let naive = format!("pareto/naive/{m}");
        row(&fast, &fast, Some(&naive), Some(Duration::from_millis(25)));
        row(&naive, &naive, None, None);
    }
}

fn main() {
    let since = SystemTime::now();
    // `cargo bench` passes --bench; without it (`cargo test --benches`) criterion runs each
    // benchmark once as a test, so a small portfolio is enough.
    let full = std::env::args().any(|a| a == "--bench");
    let (size, name) = if full {
        chosen_portfolio()
    } else {
        (SMOKE, "portfolio")
    };
    let scratch = tempfile::tempdir().unwrap();
    let db = portfolio_db(size, name, full, scratch.path());
    let rules = rules();
    let mut c = Criterion::default().configure_from_args();

    first_frame::check(&db, &rules);
    first_frame::bench(&mut c, &db, &rules);
    bench_portfolio(&mut c, &db, &rules);
    bench_pareto(&mut c, &db);

    let client = biggest_client(&Connection::open(&db).unwrap());
    let disk_dir = db.parent().unwrap().to_path_buf();
    let disk = copy_to(&db, &disk_dir, "log-one");
    bench_log_one(&mut c, &disk.0, "disk", client, &rules);
    drop(disk);
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        let tmpfs = copy_to(&db, shm, "rapport-bench");
        bench_log_one(&mut c, &tmpfs.0, "tmpfs", client, &rules);
    } else {
        println!("log_one/*/tmpfs skipped: no /dev/shm here");
    }

    c.final_summary();
    if full {
        summary(since);
    }
}
