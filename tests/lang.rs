//! The command line in Dutch: `--help`, output and errors follow `--lang`, the config's
//! `display.language` and the locale, in that order; the English stays as it was.

mod common;

use std::fs;

use common::{Sandbox, w};

/// A sandbox with one client, Acme.
fn with_acme() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w("client add --name Acme --mrr 1000"));
    sb
}

/// A config file in the sandbox that says `language`.
fn config(sb: &Sandbox, text: &str) -> std::path::PathBuf {
    let path = sb.path("config.toml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn lang_nl_help_is_dutch() {
    let sb = Sandbox::new();
    let help = sb.ok(&w("--lang nl --help"));
    for dutch in [
        "Gebruik: rapport [OPTIES] [OPDRACHT]",
        "Opdrachten:",
        "Opties:",
        "Klanten toevoegen, wijzigen en tonen",
        "Toon de hulp",
        "Toon de versie",
    ] {
        assert!(help.contains(dutch), "{dutch:?} in:\n{help}");
    }
    for english in ["Usage:", "Options:", "Commands:", "Print help", "Add, edit"] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
    // The help command and a subcommand's help too.
    let log = sb.ok(&w("--lang nl help log"));
    assert!(log.contains("Bewijs over een klant vastleggen"), "{log}");
    assert!(log.contains("Een verstuurde factuur"), "{log}");
}

#[test]
fn a_dutch_locale_makes_a_subcommand_s_help_dutch() {
    let sb = Sandbox::new();
    let r = common::run(
        sb.cmd()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "nl_NL.UTF-8")
            .args(w("client list --help")),
    );
    let help = r.ok();
    assert!(help.starts_with("Klanten tonen\n"), "{help}");
    assert!(
        help.contains("Gebruik: rapport client list [OPTIES]"),
        "{help}"
    );
    assert!(help.contains("JSON in plaats van een tabel"), "{help}");
    // LC_ALL=C comes first and says nothing: English.
    let r = common::run(
        sb.cmd()
            .env("LC_ALL", "C")
            .env("LANG", "nl_NL.UTF-8")
            .args(w("client list --help")),
    );
    assert!(r.ok().starts_with("List clients\n"), "{}", r.stdout);
}

#[test]
fn english_help_is_as_it_was() {
    let sb = Sandbox::new();
    let help = sb.ok(&w("client list --help"));
    assert!(help.starts_with("List clients\n\nUsage: rapport client list [OPTIONS]\n\nOptions:\n"));
    assert!(
        help.contains("  -h, --help           Print help\n"),
        "{help}"
    );
}

#[test]
fn the_config_s_language_makes_output_and_help_dutch() {
    let sb = with_acme();
    let cfg = config(&sb, "[display]\nlanguage = \"nl\"\n");
    let run = |args: &str| common::run(sb.cmd().env("RAPPORT_CONFIG", &cfg).args(w(args)));
    let list = run("client list");
    let list = list.ok();
    assert!(list.starts_with("NAAM "), "{list}");
    assert!(list.contains("EINDE CONTRACT"), "{list}");
    let added = run("client add --name Globex");
    assert_eq!(added.ok(), "klant 'Globex' toegevoegd\n");
    // --help reads the config before clap prints it.
    let help = run("--help");
    assert!(help.ok().contains("Opdrachten:"), "{}", help.stdout);
    // JSON stays English.
    let json = run("client list --json");
    assert!(json.ok().contains("\"name\": \"Acme\""), "{}", json.stdout);
}

#[test]
fn lang_en_beats_a_dutch_config() {
    let sb = with_acme();
    let cfg = config(&sb, "[display]\nlanguage = \"nl\"\n");
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_CONFIG", &cfg)
            .args(w("--lang en client list")),
    );
    assert!(r.ok().starts_with("NAME "), "{}", r.stdout);
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_CONFIG", &cfg)
            .args(w("client list --help --lang en")),
    );
    assert!(r.ok().starts_with("List clients\n"), "{}", r.stdout);
}

#[test]
fn an_unreadable_config_does_not_break_help_and_is_told_after() {
    let sb = Sandbox::new();
    let missing = sb.path("nowhere/config.toml");
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_CONFIG", &missing)
            .args(w("--lang nl --help")),
    );
    assert!(r.ok().contains("Opdrachten:"), "{}", r.stdout);
    let r = common::run(
        sb.cmd()
            .env("RAPPORT_CONFIG", &missing)
            .args(w("--lang nl client list")),
    );
    let msg = r.fails(1);
    assert!(msg.starts_with("kan configuratie "), "{msg}");
}

#[test]
fn dutch_errors_are_one_line_with_the_same_exit_code() {
    let sb = with_acme();
    // An unknown client: a usage error in both languages.
    let en = sb.run(&w("client edit Nobody --mrr 5"));
    let nl = sb.run(&w("--lang nl client edit Nobody --mrr 5"));
    assert_eq!(
        en.invalid(&[]),
        "no client named 'Nobody': check the name with 'rapport client list'"
    );
    assert_eq!(
        nl.invalid(&[]),
        "geen klant met de naam 'Nobody': controleer de naam met 'rapport client list'"
    );
    // A bad config value: the config's error, exit 1, in Dutch.
    let cfg = config(&sb, "[display]\ntheme = \"pink\"\n");
    let run = |args: &str| common::run(sb.cmd().env("RAPPORT_CONFIG", &cfg).args(w(args)));
    let en = run("client list");
    let nl = run("--lang nl client list");
    assert!(
        en.fails(1)
            .contains("display.theme 'pink' is not one of dark, light, mono: fix it"),
        "{}",
        en.stderr
    );
    let msg = nl.fails(1);
    assert!(
        msg.contains("display.theme 'pink' is niet een van dark, light, mono: pas het aan"),
        "{msg}"
    );
    assert!(msg.contains("regel 2, kolom 9"), "{msg}");
    // Our own message inside clap's error.
    let nl = sb.run(&["--lang", "nl", "events", "edit", "t1", "--number", ""]);
    assert!(
        nl.invalid(&[]).contains("is leeg: geef een waarde"),
        "{}",
        nl.stderr
    );
}
