//! Every text rapport shows a user, in one place per language.
//!
//! The texts live in `assets/words/en/AREA.toml` and `assets/words/nl/AREA.toml`, one pair of
//! files per area of the app (a screen, the CLI, the errors...), embedded in the binary. A
//! text is named `AREA.key` (`clients.title`); a text that takes values names them in braces
//! (`"{name} archived"`), and a text that depends on a count has a `one` and an `other` form.
//!
//! - [`t!`](crate::t) gives a text in the language in force: `t!("clients.title")`, or
//!   filled: `t!("clients.archived", name = client.name)`.
//! - [`tn!`](crate::tn) picks the form for a count and fills `{n}`: `tn!("clients.count", rows)`.
//! - [`t_in!`](crate::t_in) gives a text in a language of its own, for a letter in Dutch
//!   while the app speaks English.
//!
//! The language in force is set once at start-up ([`set_language`]); a test sets its own
//! thread's with [`with_language`], so tests in both languages run side by side.
//!
//! Tests keep the two languages in step: both have every text, with the same placeholders, and
//! a Dutch text equal to its English one must be listed in the Dutch file's `_same` (a brand, a
//! code, an abbreviation), so a text left untranslated cannot slip in. Every `t!` key written in
//! the source exists.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::domain::lang::Lang;

mod areas;
pub mod say;

/// The language for everything not set per thread.
static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn index(lang: Lang) -> u8 {
    match lang {
        Lang::En => 0,
        Lang::Nl => 1,
    }
}

/// Sets the language of the whole process (start-up, once the flags and the config are read).
pub fn set_language(lang: Lang) {
    CURRENT.store(index(lang), Ordering::Relaxed);
}

/// The language in force on this thread.
pub fn language() -> Lang {
    THREAD.with(Cell::get).unwrap_or_else(|| {
        if CURRENT.load(Ordering::Relaxed) == 1 {
            Lang::Nl
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with this thread speaking `lang`, then restores what was in force (even when `f`
/// panics), so a test in Dutch leaves the next test on its thread in English.
pub fn with_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(THREAD.with(|t| t.replace(Some(lang))));
    f()
}

/// An area's texts in one language by their full names (`clients.title`), read from its
/// file the first time one of them is asked for: a screen pays only for the areas it shows.
type Texts = HashMap<String, String>;

fn area_texts(area: usize, lang: Lang) -> &'static Texts {
    static READ: OnceLock<Vec<[OnceLock<Texts>; 2]>> = OnceLock::new();
    let read = READ.get_or_init(|| {
        areas::AREAS
            .iter()
            .map(|_| [OnceLock::new(), OnceLock::new()])
            .collect()
    });
    read[area][usize::from(index(lang))].get_or_init(|| {
        let a = &areas::AREAS[area];
        let file = match lang {
            Lang::En => a.en,
            Lang::Nl => a.nl,
        };
        let mut texts = HashMap::new();
        // The files are part of the build and their tests parse them: a broken one fails
        // `cargo test`, and here only loses that area's texts.
        if let Ok(table) = file.parse::<toml::Table>() {
            flatten(a.name, &table, &mut texts);
        }
        texts
    })
}

/// The text named `key` in `lang`, if it is written.
fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let area = key.split('.').next()?;
    let at = areas::AREAS.iter().position(|a| a.name == area)?;
    area_texts(at, lang).get(key).map(String::as_str)
}

/// `[x] y = "..."` in area `a` becomes `a.x.y`; `_same` is the tests' business, not a text.
fn flatten(prefix: &str, table: &toml::Table, into: &mut HashMap<String, String>) {
    for (key, value) in table {
        if key == "_same" {
            continue;
        }
        let name = format!("{prefix}.{key}");
        match value {
            toml::Value::String(text) => {
                into.insert(name, text.clone());
            }
            toml::Value::Table(inner) => flatten(&name, inner, into),
            _ => {}
        }
    }
}

/// The text named `key` in the language in force.
pub fn get(key: &str) -> &'static str {
    get_in(language(), key)
}

/// The text named `key` in `lang`; a Dutch text that is missing falls back to the English
/// one, and a name that is nowhere shows itself (the tests see to it neither happens).
pub fn get_in(lang: Lang, key: &str) -> &'static str {
    let found = match lang {
        Lang::Nl => lookup(Lang::Nl, key).or_else(|| lookup(Lang::En, key)),
        Lang::En => lookup(Lang::En, key),
    };
    found.unwrap_or_else(|| static_key(key))
}

/// A missing text shows its own name, leaked once per name (it only happens when a test
/// has already failed).
fn static_key(key: &str) -> &'static str {
    static MISSING: OnceLock<std::sync::Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let Ok(mut missing) = MISSING.get_or_init(Default::default).lock() else {
        return "?";
    };
    missing
        .entry(key.to_string())
        .or_insert_with(|| Box::leak(key.to_string().into_boxed_str()))
}

/// `text` with each `{name}` replaced by its value; a brace that names no value stays.
pub fn fill(text: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, v))
        });
        match named {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `one` or `other` form of `key` for `n` in `lang`, filled with `{n}` and `values`.
pub fn plural_in(lang: Lang, key: &str, n: i64, values: &[(&str, &dyn Display)]) -> String {
    let form = if n == 1 { "one" } else { "other" };
    let text = get_in(lang, &format!("{key}.{form}"));
    let mut all: Vec<(&str, &dyn Display)> = Vec::with_capacity(values.len() + 1);
    all.push(("n", &n));
    all.extend_from_slice(values);
    fill(text, &all)
}

/// A text in the language in force: `t!("area.key")` is a `&'static str`;
/// `t!("area.key", name = value, ...)` fills `{name}` and is a `String`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::words::get($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::words::fill(
            $crate::words::get($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// A text in a given language: `t_in!(lang, "area.key")`, or filled like [`t!`].
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $key:literal) => {
        $crate::words::get_in($lang, $key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::words::fill(
            $crate::words::get_in($lang, $key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// The form of a counted text for `n` (`area.key.one` or `area.key.other`), with `{n}` and
/// any other values filled: `tn!("clients.count", rows.len())`.
#[macro_export]
macro_rules! tn {
    ($key:literal, $n:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::words::plural_in(
            $crate::words::language(),
            $key,
            ($n) as i64,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}

#[cfg(test)]
mod tests;
