//! The help's texts: English as clap has it, Dutch for every one, and the layout clap's.

use clap::CommandFactory as _;

use super::*;
use crate::cli::Cli;
use crate::words::with_language;

/// Every help text by the name it has in the catalog, with clap's English.
fn texts() -> Vec<(String, String)> {
    fn collect(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((format!("{path}.about"), about.to_string()));
        }
        if let Some(long) = cmd.get_long_about() {
            out.push((format!("{path}.long_about"), long.to_string()));
        }
        for arg in cmd.get_arguments() {
            if let Some(help) = arg.get_help() {
                let id = arg.get_id().as_str();
                let key = [
                    format!("{path}.args.{id}"),
                    format!("{ROOT}.shared.{id}"),
                    format!("{ROOT}.args.{id}"),
                ]
                .into_iter()
                .find(|key| text(key).is_some())
                .unwrap_or_else(|| format!("{path}.args.{id}"));
                out.push((key, help.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            collect(sub, &format!("{path}.{}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    collect(&Cli::command(), ROOT, &mut out);
    out
}

#[test]
fn every_help_text_is_in_the_catalog_as_the_doc_comments_have_it() {
    let mut problems = String::new();
    for (key, english) in texts() {
        match text(&key) {
            None => problems.push_str(&format!("missing: {key} = {english:?}\n")),
            Some(_) if crate::words::get_in(Lang::En, &key) != english => problems.push_str(
                &format!("differs from the doc comment in cli.rs: {key} = {english:?}\n"),
            ),
            Some(_) => {}
        }
    }
    assert!(
        problems.is_empty(),
        "assets/words/{{en,nl}}/cli.toml and src/cli.rs disagree:\n{problems}"
    );
}

/// Each command's help, rendered, with its subcommands' after it.
fn all_help(cmd: &mut Command) -> Vec<(String, String)> {
    let mut out = vec![(
        cmd.get_name().to_string(),
        cmd.render_long_help().to_string(),
    )];
    out.push((
        format!("{} -h", cmd.get_name()),
        cmd.render_help().to_string(),
    ));
    for sub in cmd.get_subcommands_mut() {
        out.extend(all_help(sub));
    }
    out
}

#[test]
fn english_help_is_clap_s_own() {
    let mut plain = Cli::command();
    plain.build();
    let mut localized = with_language(Lang::En, || localize(Cli::command()));
    localized.build();
    assert_eq!(all_help(&mut localized), all_help(&mut plain));
}

#[test]
fn the_dutch_layout_is_clap_s_with_the_headings_in_english() {
    // The template with English headings gives clap's default layout, section by section.
    let mut plain = Cli::command();
    plain.build();
    let mut templated = plain.clone();
    fn apply(cmd: Command) -> Command {
        let has_subcommands = cmd.get_subcommands().any(|s| !s.is_hide_set());
        let template = with_language(Lang::En, || template(&cmd, has_subcommands));
        cmd.help_template(template).mut_subcommands(apply)
    }
    templated = apply(templated);
    assert_eq!(all_help(&mut templated), all_help(&mut plain));
}

#[test]
fn dutch_help_has_no_english_left() {
    let mut dutch = with_language(Lang::Nl, || localize(Cli::command()));
    for (name, help) in with_language(Lang::Nl, || all_help(&mut dutch)) {
        let help = with_language(Lang::Nl, || finish(help));
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
            "[OPTIONS]",
            "<COMMAND>",
            "[COMMAND]",
            "The client's name",
            "JSON instead",
            "<PATH>",
            "<DATE>",
            "<NAME>",
        ] {
            assert!(!help.contains(english), "{name}: {english:?} in\n{help}");
        }
        assert!(help.contains("Gebruik:"), "{name}:\n{help}");
    }
}

#[test]
fn dutch_help_tells_the_commands_and_options_in_dutch() {
    let mut dutch = with_language(Lang::Nl, || localize(Cli::command()));
    let root = dutch.render_help().to_string();
    assert!(root.contains("Opdrachten:\n  client"), "{root}");
    assert!(
        root.contains("Klanten toevoegen, wijzigen en tonen"),
        "{root}"
    );
    assert!(root.contains("-h, --help"), "{root}");
    assert!(root.contains("Toon de hulp (meer met '--help')"), "{root}");
    let list = dutch
        .find_subcommand_mut("client")
        .and_then(|c| c.find_subcommand_mut("list"))
        .map(|c| c.render_help().to_string())
        .unwrap_or_default();
    assert!(list.contains("JSON in plaats van een tabel"), "{list}");
    assert!(list.contains("Het databasebestand"), "{list}");
}

#[test]
fn every_value_name_is_in_the_catalog() {
    fn collect(cmd: &Command, out: &mut Vec<String>) {
        for arg in cmd.get_arguments().filter(|a| takes_values(a)) {
            out.extend(value_names(arg));
        }
        for sub in cmd.get_subcommands() {
            collect(sub, out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut names = Vec::new();
    collect(&cmd, &mut names);
    let missing: Vec<_> = names
        .iter()
        .filter(|n| text(&format!("cli.values.{n}")).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "add to [values] in cli.toml: {missing:?}"
    );
}
