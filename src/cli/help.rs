//! The command line's `--help` in the language in force.
//!
//! The English help is clap's own, from the doc comments in `cli.rs`. In another language the
//! built command is walked and every text replaced from the words catalog: a command's texts
//! are `cli.help.PATH.about` (and `long_about`), an option's `cli.help.PATH.args.ID`, with
//! `PATH` the subcommands' names (`cli.help.client.edit.args.client`); an option several
//! commands share is `cli.help.shared.ID`, a global one `cli.help.args.ID`. clap's own texts
//! (the headings, `-h`, `-V`, the `help` command) are `cli.builtin.*`, and the names of values
//! (`<PATH>`) `cli.values.NAME`. A text missing from the catalog stays English, and a test
//! says which are missing.

use clap::{Arg, Command};

use crate::domain::lang::Lang;

/// The root of the help texts' names.
const ROOT: &str = "cli.help";

/// `command` with its help in the language in force (English: unchanged).
pub fn localize(mut command: Command) -> Command {
    if crate::words::language() == Lang::En {
        return command;
    }
    // Built, so the global options, `-h`, `-V` and the `help` command exist everywhere and
    // can be told in the language too.
    command.build();
    walk(command, ROOT)
}

/// The text named `key`, when the catalog has it.
fn text(key: &str) -> Option<&'static str> {
    let found = crate::words::get(key);
    (found != key).then_some(found)
}

/// An option's text: its command's own, else one several commands share
/// (`cli.help.shared.ID`), else a global option's (`cli.help.args.ID`).
fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    text(&format!("{path}.args.{id}"))
        .or_else(|| text(&format!("{ROOT}.shared.{id}")))
        .or_else(|| text(&format!("{ROOT}.args.{id}")))
}

fn walk(mut cmd: Command, path: &str) -> Command {
    if cmd.get_name() == "help" && path != ROOT {
        let parent = path.rsplit_once('.').map_or(ROOT, |(parent, _)| parent);
        return help_command(cmd, parent);
    }
    if let Some(about) = text(&format!("{path}.about")) {
        cmd = cmd.about(about);
    }
    if let Some(long) = text(&format!("{path}.long_about")) {
        cmd = cmd.long_about(long);
    }
    cmd = cmd.mut_args(|arg| {
        let arg = if takes_values(&arg) {
            let names: Vec<&'static str> = value_names(&arg)
                .into_iter()
                .map(|name| text(&format!("cli.values.{name}")).unwrap_or_else(|| leak(name)))
                .collect();
            arg.value_names(names)
        } else {
            arg
        };
        let id = arg.get_id().as_str().to_string();
        match id.as_str() {
            "help" if arg.get_long_help().is_some() => arg
                .help(crate::t!("cli.builtin.help_more"))
                .long_help(crate::t!("cli.builtin.help_summary")),
            "help" => arg.help(crate::t!("cli.builtin.help")),
            "version" => arg.help(crate::t!("cli.builtin.version")),
            _ if arg.get_help().is_none() => arg,
            _ => match arg_text(path, &id) {
                Some(help) => arg.help(help),
                None => arg,
            },
        }
    });
    let has_subcommands = cmd.get_subcommands().any(|s| !s.is_hide_set());
    if has_subcommands {
        cmd = cmd
            .subcommand_value_name(crate::t!("cli.builtin.command_value"))
            .subcommand_help_heading(crate::t!("cli.builtin.commands"));
    }
    let template = template(&cmd, has_subcommands);
    cmd = cmd.help_template(template);
    let path = path.to_string();
    cmd.mut_subcommands(|sub| {
        let sub_path = format!("{path}.{}", sub.get_name());
        walk(sub, &sub_path)
    })
}

/// Whether `arg` takes a value (its name shows as `<PATH>`).
fn takes_values(arg: &Arg) -> bool {
    arg.is_positional() || arg.get_num_args().is_some_and(|n| n.takes_values())
}

/// The names of an option's values as the help shows them: its own, else its id in capitals.
fn value_names(arg: &Arg) -> Vec<String> {
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// A name kept as it is (one missing from the catalog, which a test forbids).
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// clap's `help` command of the command at `parent`: its own texts, and the copies of its
/// siblings it holds (for shell completion) told like the originals.
fn help_command(cmd: Command, parent: &str) -> Command {
    let mut cmd = cmd.about(crate::t!("cli.builtin.help_command"));
    if cmd.get_arguments().any(|a| a.get_id() == "subcommand") {
        cmd = cmd.mut_arg("subcommand", |a| {
            a.help(crate::t!("cli.builtin.help_command_arg"))
                .value_name(crate::t!("cli.builtin.command_value"))
        });
    }
    let has_subcommands = cmd.get_subcommands().next().is_some();
    if has_subcommands {
        cmd = cmd
            .subcommand_value_name(crate::t!("cli.builtin.command_value"))
            .subcommand_help_heading(crate::t!("cli.builtin.commands"));
    }
    let template = template(&cmd, has_subcommands);
    let parent = parent.to_string();
    cmd.help_template(template)
        .mut_subcommands(|sub| match sub.get_name() {
            "help" => help_command(sub, &parent),
            name => {
                let path = format!("{parent}.{name}");
                walk(sub, &path)
            }
        })
}

/// clap's default help layout, with its headings in the language in force: the usage, then
/// the commands, arguments and options, each only when there are some.
fn template(cmd: &Command, has_subcommands: bool) -> String {
    let styles = cmd.get_styles();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let mut sections = Vec::new();
    if has_subcommands {
        sections.push(format!(
            "{header}{}:{header:#}\n{{subcommands}}",
            crate::t!("cli.builtin.commands")
        ));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!(
            "{header}{}:{header:#}\n{{positionals}}",
            crate::t!("cli.builtin.arguments")
        ));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!(
            "{header}{}:{header:#}\n{{options}}",
            crate::t!("cli.builtin.options")
        ));
    }
    let mut out = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}",
        crate::t!("cli.builtin.usage")
    );
    if !sections.is_empty() {
        out.push_str("\n\n");
        out.push_str(&sections.join("\n\n"));
    }
    out.push_str("{after-help}");
    out
}

/// clap's help or usage message, with what clap writes in English itself (`[OPTIONS]` in the
/// usage line, `[default: ...]` and `[possible values: ...]` after an option) in the language
/// in force.
pub fn finish(rendered: String) -> String {
    if crate::words::language() == Lang::En {
        return rendered;
    }
    rendered
        .replace("[OPTIONS]", crate::t!("cli.builtin.options_value"))
        .replace("[default: ", crate::t!("cli.builtin.default_value"))
        .replace(
            "[possible values: ",
            crate::t!("cli.builtin.possible_values"),
        )
}

#[cfg(test)]
mod tests;
