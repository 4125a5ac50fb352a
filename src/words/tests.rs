//! The two languages stay in step, and every text the source names exists.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::areas::AREAS;
use super::*;

fn texts(area: &str, file: &str) -> (HashMap<String, String>, BTreeSet<String>) {
    let table: toml::Table = file
        .parse()
        .unwrap_or_else(|e| panic!("assets/words: area {area} does not parse: {e}"));
    let mut out = HashMap::new();
    flatten(area, &table, &mut out);
    let same = match table.get("_same") {
        Some(toml::Value::Array(keys)) => keys
            .iter()
            .map(|k| format!("{area}.{}", k.as_str().unwrap_or_default()))
            .collect(),
        _ => BTreeSet::new(),
    };
    (out, same)
}

/// The `{name}`s a text takes.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if !after[..close].is_empty()
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                out.insert(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[test]
fn every_text_exists_in_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for area in AREAS {
        let (en, _) = texts(area.name, area.en);
        let (nl, same) = texts(area.name, area.nl);
        for (key, english) in &en {
            match nl.get(key) {
                None => problems.push(format!("{key}: English only")),
                Some(dutch) => {
                    if placeholders(english) != placeholders(dutch) {
                        problems.push(format!(
                            "{key}: placeholders differ: {:?} in English, {:?} in Dutch",
                            placeholders(english),
                            placeholders(dutch)
                        ));
                    }
                    let has_words = english.chars().any(char::is_alphabetic);
                    if dutch == english && has_words && !same.contains(key) {
                        problems.push(format!(
                            "{key}: the Dutch text is the English one; translate it, or list the key in _same"
                        ));
                    }
                }
            }
            if english.trim().is_empty() {
                problems.push(format!("{key}: empty in English"));
            }
        }
        for (key, dutch) in &nl {
            if !en.contains_key(key) {
                problems.push(format!("{key}: Dutch only"));
            }
            if dutch.trim().is_empty() {
                problems.push(format!("{key}: empty in Dutch"));
            }
        }
        for key in &same {
            if en.get(key) != nl.get(key) {
                problems.push(format!("{key}: listed in _same but the texts differ"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_area_file_is_embedded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/words");
    for lang in ["en", "nl"] {
        let mut files: Vec<String> = std::fs::read_dir(root.join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut listed: Vec<String> = AREAS.iter().map(|a| format!("{}.toml", a.name)).collect();
        listed.sort();
        assert_eq!(
            files, listed,
            "assets/words/{lang} and src/words/areas.rs differ"
        );
    }
}

/// The keys named in `t!("...")`, `tn!("...")` and `t_in!(lang, "...")` in a source file,
/// with whether they are counted.
fn keys_in(source: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for (marker, counted) in [("t!(", false), ("tn!(", true), ("t_in!(", false)] {
        let mut rest = source;
        while let Some(at) = rest.find(marker) {
            let preceded_by_ident = source.len() - rest.len() + at > 0
                && rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + marker.len()..];
            if preceded_by_ident {
                continue;
            }
            let args = &rest[..rest.find(')').unwrap_or(rest.len())];
            let Some(open) = args.find('"') else { continue };
            let after = &args[open + 1..];
            if let Some(close) = after.find('"') {
                out.push((after[..close].to_string(), counted));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn every_text_the_source_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let english: HashMap<String, String> = (0..AREAS.len())
        .flat_map(|i| area_texts(i, Lang::En).clone())
        .collect();
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in files {
        if file.ends_with("words/mod.rs") || file.ends_with("words/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for (key, counted) in keys_in(&source) {
            seen += 1;
            let names = if counted {
                vec![format!("{key}.one"), format!("{key}.other")]
            } else {
                vec![key]
            };
            for name in names {
                if !english.contains_key(&name) {
                    missing.push(format!("{}: {name}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "texts named but not written:\n{}",
        missing.join("\n")
    );
    assert!(
        seen > 0,
        "the scan found no t! at all: is the marker right?"
    );
}

#[test]
fn the_scan_finds_each_form_of_the_macros() {
    let source = r#"let a = t!("x.a"); let b = crate::t!("x.b", n = 1); let c = tn!("x.c", 3);
        let d = t_in!(Lang::Nl, "x.d"); let e = it!("not.this");"#;
    let keys: Vec<String> = keys_in(source).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["x.a", "x.b", "x.c", "x.d"]);
}

#[test]
fn fill_replaces_named_values_and_leaves_other_braces() {
    assert_eq!(
        fill(
            "{name} owes {amount}",
            &[("name", &"Vonk"), ("amount", &"€40")]
        ),
        "Vonk owes €40"
    );
    assert_eq!(fill("{a} {unknown} {", &[("a", &1)]), "1 {unknown} {");
    assert_eq!(fill("no braces", &[]), "no braces");
}

#[test]
fn texts_follow_the_language_of_the_thread() {
    with_language(Lang::Nl, || {
        assert_eq!(crate::t!("lang.nl"), "Nederlands");
        assert_eq!(crate::t_in!(Lang::En, "lang.nl"), "Dutch");
    });
    with_language(Lang::En, || assert_eq!(crate::t!("lang.nl"), "Dutch"));
    // A text nobody wrote shows its name, so a gap is visible, not blank.
    assert_eq!(get_in(Lang::Nl, "lang.nowhere"), "lang.nowhere");
}

#[test]
fn counted_texts_pick_their_form() {
    let table: toml::Table =
        "[n]\none = \"{n} client of {who}\"\nother = \"{n} clients of {who}\"\n"
            .parse()
            .unwrap();
    let mut map = HashMap::new();
    flatten("t", &table, &mut map);
    let one = fill(&map["t.n.one"], &[("n", &1), ("who", &"Sam")]);
    let other = fill(&map["t.n.other"], &[("n", &3), ("who", &"Sam")]);
    assert_eq!(
        (one.as_str(), other.as_str()),
        ("1 client of Sam", "3 clients of Sam")
    );
}
