//! clap's own messages about a command line it cannot read, told again from the error's
//! context in a language other than English (in English clap's own text stays). A kind of
//! mistake not told here keeps clap's English.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::domain::lang::Lang;

/// The message for `e` in the language in force, without clap's usage and hint; none in
/// English, or for a mistake this does not tell.
pub fn message(e: &clap::Error) -> Option<String> {
    if crate::words::language() == Lang::En {
        return None;
    }
    let text = |kind| e.get(kind).map(ToString::to_string);
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let main = match e.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let main = if value.is_empty() {
                crate::t!("cli.clap.value_required", arg = arg)
            } else {
                crate::t!("cli.clap.invalid_value", value = value, arg = arg)
            };
            match text(ContextKind::ValidValue) {
                Some(values) => {
                    crate::t!("cli.clap.possible_values", message = main, values = values)
                }
                None => main,
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string)?;
            crate::t!(
                "cli.clap.value_validation",
                value = value?,
                arg = arg?,
                why = why
            )
        }
        ErrorKind::UnknownArgument => crate::t!("cli.clap.unknown_argument", arg = arg?),
        ErrorKind::InvalidSubcommand => crate::t!(
            "cli.clap.unknown_command",
            name = text(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => crate::t!("cli.clap.missing", args = arg?),
        ErrorKind::MissingSubcommand => crate::t!(
            "cli.clap.missing_command",
            command = text(ContextKind::InvalidSubcommand)?,
            commands = text(ContextKind::ValidSubcommand)?
        ),
        ErrorKind::ArgumentConflict => match e.get(ContextKind::PriorArg) {
            Some(ContextValue::String(prior)) if Some(prior) == arg.as_ref() => {
                crate::t!("cli.clap.repeated", arg = arg?)
            }
            Some(prior @ (ContextValue::String(_) | ContextValue::Strings(_))) => {
                crate::t!("cli.clap.conflict", arg = arg?, other = prior)
            }
            _ => return None,
        },
        ErrorKind::TooManyValues => {
            crate::t!("cli.clap.too_many", value = value?, arg = arg?)
        }
        _ => return None,
    };
    let suggested = match (
        e.get(ContextKind::SuggestedArg),
        e.get(ContextKind::SuggestedSubcommand),
    ) {
        // Several suggestions are each quoted: 'script', 'client'.
        (Some(ContextValue::Strings(many)), _) | (None, Some(ContextValue::Strings(many))) => {
            Some(many.join("', '"))
        }
        (Some(s), _) | (None, Some(s)) => Some(s.to_string()),
        _ => None,
    };
    Some(match suggested {
        Some(s) => crate::t!("cli.clap.did_you_mean", message = main, suggestion = s),
        None => main,
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;
    use crate::cli::Cli;
    use crate::words::with_language;

    fn dutch(args: &[&str]) -> String {
        with_language(Lang::Nl, || {
            let e = Cli::parse_args(args.iter().copied()).unwrap_err();
            message(&e).unwrap_or_else(|| panic!("no Dutch for {:?}: {e}", e.kind()))
        })
    }

    #[test]
    fn clap_s_mistakes_are_told_in_dutch() {
        assert_eq!(
            dutch(&["rapport", "client", "list", "--jsn"]),
            "onverwacht argument '--jsn' (bedoel je '--json'?)"
        );
        assert_eq!(
            dutch(&["rapport", "clint"]),
            "onbekende opdracht 'clint' (bedoel je 'script', 'client'?)"
        );
        assert_eq!(
            dutch(&["rapport", "pareto", "--by", "money"]),
            "ongeldige waarde 'money' voor '--by <OP>' (mogelijke waarden: revenue, hours, tickets, stress)"
        );
        assert_eq!(
            dutch(&["rapport", "client", "add", "--mrr", ""]),
            "ongeldige waarde '' voor '--mrr <BEDRAG>': is leeg: geef een waarde (0 voor geen)"
        );
        assert_eq!(
            dutch(&["rapport", "vote", "Acme"]),
            "deze verplichte argumenten ontbreken: --staff <NAAM>"
        );
        assert_eq!(
            dutch(&["rapport", "log", "ticket", "--client", "A", "--client", "B"]),
            "het argument '--client <NAAM>' mag maar één keer"
        );
        assert_eq!(
            dutch(&["rapport", "client", "add", "--prepaid", "--not-prepaid"]),
            "het argument '--prepaid' gaat niet samen met '--not-prepaid'"
        );
    }

    #[test]
    fn english_is_left_to_clap() {
        let e = Cli::command()
            .try_get_matches_from(["rapport", "clint"])
            .unwrap_err();
        assert_eq!(with_language(Lang::En, || message(&e)), None);
    }
}
