//! Rendering a script: the facts put into words by a template (the user's override when it
//! works, else the built-in), dates and money in the language's own way, and the warnings
//! the user should see (a broken override, heat in the reason).

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::context::{tidy, values};
use super::tone::heated;
use super::{Channel, Kind, Rendered, ScriptFacts, Templates, builtin};
use crate::domain::lang::Lang;

/// Renders the words for `kind` over `channel` in `lang` from `facts`. A user's override
/// that fails (a syntax error, a value it names that does not exist) is set aside with a
/// warning naming its file and line, and the built-in template is used instead.
pub fn render(
    templates: &Templates,
    kind: Kind,
    channel: Channel,
    lang: Lang,
    facts: &ScriptFacts,
) -> Rendered {
    let name = Templates::name(kind, channel, lang);
    let ctx = values(kind, channel, lang, facts);
    let mut warnings = Vec::new();
    let mut active: Vec<(String, String)> = templates.overrides.clone();
    let text = loop {
        let env = environment(&active);
        let result = env.get_template(&name).and_then(|t| t.render(&ctx));
        let error = match result {
            Ok(text) => break tidy(&text),
            Err(error) => error,
        };
        // The override at fault: the innermost template the error passed through that is
        // an override (an error in an included piece names that piece), else every
        // override in use (an error the engine could not place).
        let chain = chain(&error);
        let at = chain
            .iter()
            .find(|e| e.name().is_some_and(|n| active.iter().any(|(o, _)| o == n)))
            .copied();
        let before = active.len();
        match at.and_then(|e| e.name()) {
            Some(faulty) => active.retain(|(o, _)| o != faulty),
            None => active.clear(),
        }
        let inner = chain.first().copied().unwrap_or(&error);
        let place = at.unwrap_or(inner);
        let what = inner
            .detail()
            .map_or_else(|| inner.kind().to_string(), str::to_string);
        let file = templates.file(place.name().unwrap_or(&name));
        let line = place.line().unwrap_or(0);
        if active.len() == before {
            // The built-in failed: a defect, said plainly rather than hidden.
            warnings.push(crate::t!(
                "script.builtin_broken",
                file = file,
                line = line,
                error = what
            ));
            break String::new();
        }
        // The line itself, so a name that does not exist can be seen.
        let source = place
            .name()
            .and_then(|n| templates.overrides.iter().find(|(o, _)| o == n))
            .and_then(|(_, text)| text.lines().nth(line.checked_sub(1)?))
            .map(|l| l.trim())
            .filter(|l| !l.is_empty() && l.chars().count() <= 80);
        warnings.push(match source {
            Some(source) => crate::t!(
                "script.override_broken_at",
                file = file,
                line = line,
                source = source,
                error = what
            ),
            None => crate::t!(
                "script.override_broken",
                file = file,
                line = line,
                error = what
            ),
        });
    };
    // An unreadable file is said by the scripts it would be: its own, or any of its
    // language when it is a shared piece.
    let piece = format!("{}/_", lang.code());
    for (file, why) in &templates.unreadable {
        if *file != name && !file.starts_with(&piece) {
            continue;
        }
        warnings.push(crate::t!(
            "script.override_unreadable",
            file = templates.file(file),
            error = why
        ));
    }
    if facts.company.trim().is_empty() && facts.signature.trim().is_empty() {
        warnings.push(crate::t!("script.no_signature").to_string());
    }
    let words = facts.tone_words.for_lang(lang);
    let own = [facts.reason.as_str(), facts.scope_change.as_str()].join("\n");
    let found = heated(&own, words);
    if !found.is_empty() {
        let quoted: Vec<String> = found.iter().map(|w| format!("'{w}'")).collect();
        warnings.push(crate::t!("script.tone", words = quoted.join(", ")));
    }
    Rendered {
        kind,
        channel,
        lang,
        text,
        warnings,
    }
}

/// Every problem with the user's overrides, found up front rather than when a script is
/// made: each of the 32 scripts rendered on `facts`, the warnings about overrides kept
/// (each once), and any override whose name no built-in template has (a typo would
/// otherwise go unnoticed; a shared piece of your own, named `_...`, is fine).
pub fn check(templates: &Templates, facts: &ScriptFacts) -> Vec<String> {
    // Facts that raise no warning of their own (tone, a missing signature): what is left
    // is about the overrides.
    let calm = ScriptFacts {
        reason: String::new(),
        scope_change: String::new(),
        company: "-".into(),
        ..facts.clone()
    };
    let mut out: Vec<String> = Vec::new();
    for (name, _) in &templates.overrides {
        let own_piece = name
            .rsplit('/')
            .next()
            .is_some_and(|file| file.starts_with('_'));
        if builtin::get(name).is_none() && !own_piece {
            out.push(crate::t!(
                "script.override_unknown",
                file = templates.file(name)
            ));
        }
    }
    for lang in Lang::ALL {
        for kind in Kind::ALL {
            for channel in Channel::ALL {
                for w in render(templates, kind, channel, lang, &calm).warnings {
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
            }
        }
    }
    out
}

/// The errors from the innermost (where it happened) out to `error` (the template
/// rendered): an error in an included template comes wrapped in the includer's.
fn chain(error: &minijinja::Error) -> Vec<&minijinja::Error> {
    let mut out = vec![error];
    let mut cur = error;
    while let Some(next) = std::error::Error::source(cur).and_then(|s| s.downcast_ref()) {
        out.push(next);
        cur = next;
    }
    out.reverse();
    out
}

/// The engine with the overrides in `active` over the built-ins. Text out, no escaping;
/// a value a template names that does not exist is an error, never an empty hole.
fn environment(active: &[(String, String)]) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Block tags on lines of their own leave no empty line behind.
    if let Ok(syntax) = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_auto_escape_callback(|_| AutoEscape::None);
    let overrides: Arc<BTreeMap<String, String>> = Arc::new(active.iter().cloned().collect());
    env.set_loader(move |name| {
        Ok(overrides
            .get(name)
            .cloned()
            .or_else(|| builtin::get(name).map(str::to_string)))
    });
    env
}
