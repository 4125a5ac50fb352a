//! How failures reach the user: one line on stderr that says what to do, and an exit code
//! (0 success, 2 usage errors and invalid values, 1 everything else).

use std::process::ExitCode;

use crate::domain::ValidationError;
use crate::store::StoreError;

mod clap_words;

/// Input the user must fix, in a whole sentence the caller wrote (it names the flag or the
/// file itself): exit code 2, like an invalid value.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

/// Prints a clap error (or help/version) and picks the exit code.
pub fn report(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print_help(e);
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            print_help(e);
            ExitCode::from(2)
        }
        _ => {
            let told = clap_words::message(e);
            eprintln!("rapport: {}", clap_one_line(&e.to_string(), told));
            ExitCode::from(2)
        }
    }
}

/// Prints clap's help (or version, or usage) as clap would, with the words clap writes
/// itself in the language in force.
fn print_help(e: &clap::Error) {
    use std::io::IsTerminal as _;
    if crate::words::language() == crate::domain::lang::Lang::En {
        let _ = e.print();
        return;
    }
    let to_stderr = e.use_stderr();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let colour = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let styled = e.render();
    let text = if colour {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let text = crate::cli::help::finish(text);
    if to_stderr {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
}

/// Folds clap's multi-line message into one line, keeping the hint at the end; `told` is the
/// message in the language in force, when it is not clap's English.
fn clap_one_line(text: &str, told: Option<String>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut hint = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("Usage:") {
            continue;
        }
        if let Some(h) = line.strip_prefix("For more information, try ") {
            hint = crate::t!("errors.clap_see", hint = h.trim_end_matches('.'));
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        let line = line
            .strip_prefix("tip: ")
            .map_or(line.to_string(), |t| format!("({t})"));
        parts.push(line);
    }
    match told {
        Some(told) => format!("{told}{hint}"),
        None => format!("{}{hint}", parts.join(" ")),
    }
}

/// An error chain as one line: "what failed: why".
pub fn one_line(e: &anyhow::Error) -> String {
    format!("{e:#}").replace('\n', " ")
}

/// 2 when the input was wrong (a malformed command line, an invalid value, a client name
/// that does not exist, a --db path that is no rapport database), 1 otherwise (a damaged
/// or busy database, the config, the file system).
pub fn exit_code(e: &anyhow::Error) -> u8 {
    let invalid = e.chain().any(|c| {
        c.downcast_ref::<ValidationError>().is_some()
            || matches!(
                c.downcast_ref::<StoreError>(),
                Some(
                    StoreError::Invalid(_)
                        | StoreError::UnknownClient(_)
                        // --db names no database, a folder, or a file that is not one.
                        | StoreError::Missing { .. }
                        | StoreError::NotRapport { .. }
                        | StoreError::IsFolder { .. }
                )
            )
            || c.downcast_ref::<crate::domain::FieldError>().is_some()
            // A file that is no dump, a bad row in one, a database that is not empty.
            || c.downcast_ref::<crate::store::DumpError>()
                .is_some_and(crate::store::DumpError::is_input)
            || c.downcast_ref::<Invalid>().is_some()
    });
    if invalid { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_messages_fold_into_one_line() {
        let text = "error: the following required arguments were not provided:\n  --name <NAME>\n\nUsage: rapport client add --name <NAME>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            clap_one_line(text, None),
            "the following required arguments were not provided: --name <NAME>; see '--help'"
        );
    }
}
