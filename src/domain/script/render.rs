//! Rendering a script: the facts put into words by a template (the user's override when it
//! works, else the built-in), dates and money in the language's own way, and the warnings
//! the user should see (a broken override, heat in the reason).

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value, context};

use super::format::{date_line, long_date, money};
use super::tone::heated;
use super::{Channel, Kind, Rendered, ScriptFacts, Templates, builtin};
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
        warnings.push(crate::t!(
            "script.override_broken",
            file = file,
            line = line,
            error = what
        ));
    };
    for (file, why) in &templates.unreadable {
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
    let found = heated(&facts.reason, words);
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
        "" => default_reason(kind, lang),
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
    let contact_first = contact.and_then(|c| c.split_whitespace().next());
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
