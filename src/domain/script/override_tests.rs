//! The user's overrides: one replaces the built-in of its name; a broken or unreadable one
//! is named (file, line, the line itself) and the built-in used; `check` finds them all.

use super::tests::{builtin, facts};
use super::*;

#[test]
fn an_override_replaces_the_built_in_of_its_name() {
    let t = Templates {
        overrides: vec![(
            "nl/reprice.email.txt".into(),
            "Beste {{ contact_first }}, vanaf {{ new_rate_from }}: {{ new_mrr }}.".into(),
        )],
        folder: Some("/cfg/templates".into()),
        unreadable: Vec::new(),
    };
    let r = render(&t, Kind::Reprice, Channel::Email, Lang::Nl, &facts());
    assert_eq!(r.text, "Beste Anna, vanaf 1 januari 2027: € 1.625,50.\n");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // Other templates keep the built-in.
    let r = render(&t, Kind::Reprice, Channel::Letter, Lang::Nl, &facts());
    assert!(r.text.contains("Betreft:"), "{}", r.text);
}

#[test]
fn a_broken_override_is_named_with_its_line_and_the_built_in_used() {
    let builtin_text = render(
        &builtin(),
        Kind::EndNow,
        Channel::Letter,
        Lang::En,
        &facts(),
    )
    .text;
    let cases = [
        // A syntax error on line 3.
        (
            "en/end-now.letter.txt",
            "Dear {{ contact }},\n\n{% if refund %}\nRefund: {{ refund }}\n{% endfor %}\n",
            5,
        ),
        // A name that does not exist, on line 2.
        (
            "en/end-now.letter.txt",
            "Dear {{ contact }},\n{{ contract_end }}\n",
            2,
        ),
        // A broken shared piece breaks the letter that includes it.
        (
            "en/_greeting.txt",
            "Hello\n\nDear {{ contact.name.first }},\n",
            3,
        ),
    ];
    for (name, text, line) in cases {
        let t = Templates {
            overrides: vec![(name.into(), text.into())],
            folder: Some("/cfg/templates".into()),
            unreadable: Vec::new(),
        };
        let r = crate::words::with_language(Lang::En, || {
            render(&t, Kind::EndNow, Channel::Letter, Lang::En, &facts())
        });
        assert_eq!(r.text, builtin_text, "{name}: the built-in is used");
        assert_eq!(r.warnings.len(), 1, "{name}: {:?}", r.warnings);
        let w = &r.warnings[0];
        assert!(
            w.starts_with(&format!("template /cfg/templates/{name} line {line} (")),
            "{w}"
        );
        assert!(w.ends_with("the built-in template is used instead"), "{w}");
    }
    // In Dutch, the warning is Dutch.
    let t = Templates {
        overrides: vec![("nl/end-now.email.txt".into(), "{% for %}".into())],
        ..Templates::default()
    };
    let r = crate::words::with_language(Lang::Nl, || {
        render(&t, Kind::EndNow, Channel::Email, Lang::Nl, &facts())
    });
    assert!(
        r.warnings[0].starts_with("sjabloon nl/end-now.email.txt regel 1 ({% for %}): "),
        "{:?}",
        r.warnings
    );
    // A broken override of a template this script does not use says nothing.
    let t = Templates {
        overrides: vec![("en/reprice.phone.txt".into(), "{% if %}".into())],
        ..Templates::default()
    };
    assert!(
        render(&t, Kind::EndNow, Channel::Phone, Lang::En, &facts())
            .warnings
            .is_empty()
    );
}

#[test]
fn a_broken_override_next_to_a_good_one_leaves_the_good_one_in_force() {
    let t = Templates {
        overrides: vec![
            ("en/_greeting.txt".into(), "Hi {{ nobody }},".into()),
            (
                "en/end-now.email.txt".into(),
                "{% include \"en/_greeting.txt\" %}\n\nMine: {{ reason }}".into(),
            ),
        ],
        ..Templates::default()
    };
    let r = crate::words::with_language(Lang::En, || {
        render(&t, Kind::EndNow, Channel::Email, Lang::En, &facts())
    });
    assert!(
        r.text.starts_with("Dear Anna Brandt,\n\nMine: "),
        "{}\n{:?}",
        r.text,
        r.warnings
    );
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].contains("en/_greeting.txt line 1"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_unreadable_override_is_said_by_the_scripts() {
    let t = Templates {
        unreadable: vec![("en/end-now.phone.txt".into(), "it is not UTF-8 text".into())],
        folder: Some("/cfg/templates".into()),
        ..Templates::default()
    };
    let r = crate::words::with_language(Lang::En, || {
        render(&t, Kind::EndNow, Channel::Phone, Lang::En, &facts())
    });
    assert!(r.text.starts_with("Phone script: "), "{}", r.text);
    assert_eq!(
        r.warnings,
        vec![
            "template /cfg/templates/en/end-now.phone.txt cannot be used: it is not UTF-8 text; the built-in template is used instead"
        ]
    );
}

#[test]
fn the_overrides_are_checked_up_front() {
    assert!(check(&Templates::default(), &facts()).is_empty());
    let t = Templates {
        overrides: vec![
            ("en/end-now.leter.txt".into(), "Dear {{ contact }}".into()),
            ("nl/_mijn_voet.txt".into(), "Groet".into()),
            ("nl/reprice.phone.txt".into(), "{{ tarief }}".into()),
            ("en/reprice.phone.txt".into(), "Call {{ contact }}".into()),
        ],
        folder: Some("/cfg/templates".into()),
        unreadable: Vec::new(),
    };
    let found = crate::words::with_language(Lang::En, || check(&t, &facts()));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(
            "template /cfg/templates/en/end-now.leter.txt has the name of no built-in template"
        ),
        "{found:?}"
    );
    assert!(
        found[1]
            .starts_with("template /cfg/templates/nl/reprice.phone.txt line 1 ({{ tarief }}): "),
        "{found:?}"
    );
}
