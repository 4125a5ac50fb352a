//! Rendering a script: the facts put into words by a template (the user's override when it
//! works, else the built-in), dates and money in the language's own way, and the warnings
//! the user should see (a broken override, heat in the reason).

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value, context};

use super::format::{date_line, long_date, money};
use super::tone::heated;
use super::{Basis, Channel, Kind, Rendered, ScriptFacts, Templates, builtin};
use crate::domain::lang::Lang;

/// The professional reason said when the user gives none: accurate and without blame.
pub fn default_reason(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::EndNow => crate::t_in!(lang, "script.reason.end_now"),
        Kind::DoNotRenew => crate::t_in!(lang, "script.reason.do_not_renew"),
        Kind::Reprice => crate::t_in!(lang, "script.reason.reprice"),
        Kind::ReduceScope => crate::t_in!(lang, "script.reason.reduce_scope"),
    }
    .to_string()
}

/// The built-in reason for ending (end now, do not renew) on a `basis`; the other kinds, and
/// the general basis, say [`default_reason`].
pub fn reason_on(kind: Kind, basis: Basis, lang: Lang) -> String {
    if !matches!(kind, Kind::EndNow | Kind::DoNotRenew) {
        return default_reason(kind, lang);
    }
    match basis {
        Basis::General => default_reason(kind, lang),
        Basis::Security => crate::t_in!(lang, "script.reason.security").to_string(),
        Basis::Payment => crate::t_in!(lang, "script.reason.payment").to_string(),
        Basis::Fit => crate::t_in!(lang, "script.reason.fit").to_string(),
    }
}

/// The help with the transition offered when the config names none (guide H2).
pub fn default_transition_help(lang: Lang) -> Vec<String> {
    [
        crate::t_in!(lang, "script.transition.handover"),
        crate::t_in!(lang, "script.transition.questions"),
        crate::t_in!(lang, "script.transition.overlap"),
    ]
    .map(str::to_string)
    .to_vec()
}

/// The help offered with moving services elsewhere when the scope is reduced and the config
/// names none.
pub fn default_scope_help(lang: Lang) -> Vec<String> {
    [
        crate::t_in!(lang, "script.transition.scope_handover"),
        crate::t_in!(lang, "script.transition.scope_questions"),
        crate::t_in!(lang, "script.transition.scope_overlap"),
    ]
    .map(str::to_string)
    .to_vec()
}

/// What is handed over when the checklist names nothing: the guide's handover items.
pub fn default_handover(lang: Lang) -> Vec<String> {
    [
        crate::t_in!(lang, "script.handover.credentials"),
        crate::t_in!(lang, "script.handover.domains"),
        crate::t_in!(lang, "script.handover.licences"),
        crate::t_in!(lang, "script.handover.backups"),
        crate::t_in!(lang, "script.handover.documentation"),
    ]
    .map(str::to_string)
    .to_vec()
}

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

/// What a template can say, every date and amount already written the language's way.
/// Optional values are none when unknown; lists are never left empty where the built-in
/// words fill in.
fn values(kind: Kind, channel: Channel, lang: Lang, f: &ScriptFacts) -> Value {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| long_date(lang, d));
    let cash = |c| money(lang, c, &f.currency);
    let reason = match f.reason.trim() {
        "" => reason_on(kind, f.basis, lang),
        given => given.to_string(),
    };
    let or_default = |given: &[String], default: fn(Lang) -> Vec<String>| {
        let given: Vec<String> = given
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if given.is_empty() {
            default(lang)
        } else {
            given
        }
    };
    let place = f.place.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let contact = f
        .contact_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let increase = f
        .new_mrr
        .map(|new| cash(crate::domain::Cents(new.0 - f.current_mrr.0)));
    let referrals: Vec<String> = f
        .referrals
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let signature = f.signature.trim();
    // Who speaks on the phone: the signature's name ("Sam Jansen, owner": Sam Jansen).
    let sender = signature
        .split([',', '\n'])
        .next()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let contact_first = contact.map(first_name);
    context! {
        kind => kind.code(),
        channel => channel.code(),
        lang => lang.code(),
        client => f.client_name.trim(),
        contact => contact,
        contact_first => contact_first,
        sender => sender,
        company => f.company.trim(),
        signature => signature,
        place => place,
        today => long_date(lang, f.date),
        date_line => date_line(lang, place, f.date),
        reason => sentence(&reason),
        end_on => date(f.end_on),
        notice_by => date(f.notice_by),
        refund => (f.prepaid_refund.0 > 0).then(|| cash(f.prepaid_refund)),
        current_mrr => cash(f.current_mrr),
        new_mrr => f.new_mrr.map(cash),
        increase => increase,
        new_rate_from => date(f.new_rate_from),
        transition_help => or_default(
            &f.transition_help,
            if kind == Kind::ReduceScope {
                default_scope_help
            } else {
                default_transition_help
            },
        ),
        referrals => referrals,
        handover => or_default(&f.handover, default_handover),
        scope_change => Some(f.scope_change.trim()).filter(|s| !s.is_empty()),
    }
}

/// How to address a contact by first name: "Marieke Verhoef" is Marieke; a name that
/// starts with a title or an initial ("Dhr. Jansen", "Mr Smith", "J. de Vries") is said
/// whole.
fn first_name(contact: &str) -> &str {
    const TITLES: [&str; 12] = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "dhr", "mevr", "mw", "ir", "ing", "drs",
    ];
    let first = contact.split_whitespace().next().unwrap_or(contact);
    let bare = first.trim_end_matches('.').to_lowercase();
    if first.ends_with('.') || TITLES.contains(&bare.as_str()) || first.chars().count() < 2 {
        contact
    } else {
        first
    }
}

/// The reason as a sentence of its own: a full stop added when it ends without one.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The text as it is shown: no spaces at line ends, at most one empty line in a row, no
/// empty lines at the start, one newline at the end.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
