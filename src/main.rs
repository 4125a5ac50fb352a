//! rapport's entry point: parse the arguments, load the config, dispatch. Nothing else.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use rapport::cli::{Cli, Command};
use rapport::clock::Clock;
use rapport::commands::{self, Context};
use rapport::config::Config;
use rapport::domain::lang::Lang;
use rapport::paths;

fn main() -> ExitCode {
    set_signals();
    let args: Vec<OsString> = std::env::args_os().collect();
    // clap prints --help while it parses, before the config is read: its language is
    // found from the arguments first.
    rapport::words::set_language(early_language(&args));
    let cli = match Cli::parse_args(args) {
        Ok(cli) => cli,
        Err(e) => return rapport::cli_error::report(&e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapport: {}", rapport::cli_error::one_line(&e));
            ExitCode::from(rapport::cli_error::exit_code(&e))
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let (config_path, named) = paths::config_path(cli.config)?;
    let config = Config::load(&config_path, named)?;
    rapport::words::set_language(language(cli.lang, config.display.language));
    let clock = Clock::new(cli.today);
    let no_color = cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if cli.demo {
        commands::ui::need_terminal()?;
        rapport::demo::check_today(clock.today())?;
        let dir = tempfile::Builder::new()
            .prefix("rapport-demo-")
            .tempdir()
            .context(rapport::t!("errors.demo_folder"))?;
        let ctx = Context {
            db_path: dir.path().join("demo.db"),
            config,
            clock,
            config_path: Some(config_path),
        };
        let mut store = ctx.open_store()?;
        rapport::demo::populate(&mut store, clock.today())?;
        drop(store);
        // Removed when this returns, or by the UI's signal handling if a signal ends it.
        return commands::ui::run(&ctx, no_color, Some(dir.path()));
    }
    let ctx = Context {
        db_path: paths::db_path(cli.db)?,
        config,
        clock,
        config_path: Some(config_path),
    };
    match cli.command {
        None => commands::ui::run(&ctx, no_color, None),
        Some(Command::Client(c)) => commands::client::run(&ctx, c),
        Some(Command::Log(c)) => commands::log::run(&ctx, c),
        Some(Command::Events(c)) => commands::events::run(&ctx, c),
        Some(Command::Demo) => commands::demo::run(&ctx),
        Some(Command::Backup { file }) => commands::backup::run(&ctx, &file),
        Some(Command::Check) => commands::check::run(&ctx),
        Some(Command::Restore { file, yes }) => commands::backup::restore(&ctx, &file, yes),
        Some(Command::Scorecard {
            as_of,
            window,
            all,
            json,
        }) => commands::scorecard::run(&ctx, as_of, window, all, json),
        Some(Command::Pareto { by, period }) => commands::pareto::run(&ctx, &by, &period),
        Some(Command::Whatif { drop, period }) => commands::pareto::what_if(&ctx, &drop, &period),
        Some(Command::Vote {
            year,
            staff,
            clients,
        }) => commands::vote::run(&ctx, year, &staff, &clients),
        Some(Command::Advise {
            client,
            as_of,
            json,
        }) => commands::decide::advise(&ctx, &client, as_of, json),
        Some(Command::Decide {
            client,
            outcome: Some(outcome),
            reason,
            review_on,
            proposed_mrr,
        }) => commands::decide::decide(&ctx, &client, &outcome, reason, review_on, proposed_mrr),
        Some(Command::Decide { client, .. }) => commands::ui::run_on_walk(&ctx, no_color, &client),
        Some(Command::Decisions { client, json }) => {
            commands::decide::decisions(&ctx, client.as_deref(), json)
        }
        Some(Command::Upcoming { days, json }) => commands::decide::coming_up(&ctx, days, json),
        Some(Command::Script {
            client,
            kind,
            channel,
            reason,
            out,
        }) => commands::script::run(
            &ctx,
            &commands::script::Ask {
                client: &client,
                kind: kind
                    .as_deref()
                    .and_then(rapport::domain::script::Kind::parse),
                channel: rapport::domain::script::Channel::parse(&channel)
                    .unwrap_or(rapport::domain::script::Channel::Letter),
                lang: rapport::words::language(),
                reason: reason.as_deref(),
                out: out.as_deref(),
            },
        ),
        Some(Command::Offboard(args)) => commands::offboard::run(&ctx, args),
        Some(Command::Export(args)) => commands::export::run(&ctx, args),
        Some(Command::Import(args)) => commands::import::run(&ctx, &args),
    }
}

/// The language before the arguments are parsed, for clap's help and errors: `--lang` and
/// the config (`--config`, `RAPPORT_CONFIG` or the default one) as [`language`] takes them,
/// read quietly: a config that cannot be read is told about once the arguments are parsed.
fn early_language(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut config = std::env::var_os("RAPPORT_CONFIG")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let Some(arg) = arg.to_str() else { continue };
        match arg {
            "--" => break,
            "--lang" => flag = rest.next().and_then(|v| v.to_str()).and_then(Lang::parse),
            "--config" => config = rest.next().map(PathBuf::from),
            _ => {
                if let Some(v) = arg.strip_prefix("--lang=") {
                    flag = Lang::parse(v);
                } else if let Some(v) = arg.strip_prefix("--config=") {
                    config = Some(PathBuf::from(v));
                }
            }
        }
    }
    let configured = || {
        let (path, named) = paths::config_path(config).ok()?;
        Config::load(&path, named).ok()?.display.language
    };
    language(flag, flag.is_none().then(configured).flatten())
}

/// `--lang`, else the config's `display.language`, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, the first one set), else English.
fn language(flag: Option<Lang>, configured: Option<Lang>) -> Lang {
    flag.or(configured)
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|var| std::env::var(var).ok())
                .find(|value| !value.is_empty())
                .and_then(|value| Lang::from_locale(&value))
        })
        .unwrap_or_default()
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`rapport client list | head -1`)
/// would panic; the default action ends the process quietly, as every Unix tool does.
/// SIGXFSZ (a write past the file-size limit, `ulimit -f`) would kill rapport between a
/// commit and its cleanup, with no word said; ignored, the write fails instead, and the
/// store says "the disk is full or a file-size limit was reached", having written nothing.
#[cfg(unix)]
fn set_signals() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL and SIG_IGN are
    // valid actions for these signals.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn set_signals() {}
