//! Rendering on hand-made facts: every template fills, overrides win or fall back with a
//! warning, the tone check warns.

use chrono::NaiveDate;

use super::*;

pub(crate) fn facts() -> ScriptFacts {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    ScriptFacts {
        client_name: "Brandt Vastgoed".into(),
        contact_name: Some("Anna Brandt".into()),
        company: "Example IT Services".into(),
        signature: "Sam Jansen, owner".into(),
        place: Some("Utrecht".into()),
        date: d(2026, 11, 28),
        reason: String::new(),
        end_on: Some(d(2026, 12, 28)),
        notice_by: Some(d(2026, 10, 1)),
        prepaid_refund: Cents(41_935),
        currency: "€".into(),
        current_mrr: Cents(125_000),
        new_mrr: Some(Cents(162_550)),
        new_rate_from: Some(d(2027, 1, 1)),
        transition_help: Vec::new(),
        referrals: vec!["Noord IT".into(), "Helder Beheer".into()],
        handover: Vec::new(),
        scope_change: String::new(),
        tone_words: ToneWords::default(),
    }
}

/// The facts with everything optional left out: no contact, place, dates, refund, new
/// MRR, referrals, company or signature.
fn bare() -> ScriptFacts {
    ScriptFacts {
        contact_name: None,
        company: String::new(),
        signature: String::new(),
        place: None,
        end_on: None,
        notice_by: None,
        prepaid_refund: Cents::ZERO,
        new_mrr: None,
        new_rate_from: None,
        referrals: Vec::new(),
        ..facts()
    }
}

/// What a user would see as a hole or a leftover in a script.
fn holes(text: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for bad in [
        "{{",
        "}}",
        "{%",
        "%}",
        "{#",
        "None",
        "none",
        "undefined",
        "  ",
        " ,",
        " .",
        "()",
        "\"\"",
    ] {
        if text.lines().any(|l| l.trim_start().contains(bad)) {
            found.push(bad);
        }
    }
    found
}

fn builtin() -> Templates {
    Templates::default()
}

#[test]
fn every_template_fills_with_all_facts_and_with_none_of_the_optional_ones() {
    for lang in Lang::ALL {
        for kind in Kind::ALL {
            for channel in Channel::ALL {
                for (what, f) in [("full", facts()), ("bare", bare())] {
                    let r = render(&builtin(), kind, channel, lang, &f);
                    let at = format!("{} {} {} {what}", lang.code(), kind.code(), channel.code());
                    assert!(r.text.len() > 200, "{at}: too short:\n{}", r.text);
                    assert!(
                        holes(&r.text).is_empty(),
                        "{at}: {:?}\n{}",
                        holes(&r.text),
                        r.text
                    );
                    assert!(r.text.contains(&f.client_name), "{at}");
                    assert!(r.text.ends_with('\n') && !r.text.ends_with("\n\n"), "{at}");
                    let expected = if what == "bare" { 1 } else { 0 };
                    assert_eq!(r.warnings.len(), expected, "{at}: {:?}", r.warnings);
                    assert_eq!((r.kind, r.channel, r.lang), (kind, channel, lang));
                }
            }
        }
    }
}

#[test]
fn the_facts_are_said_the_languages_way() {
    let f = facts();
    let nl = render(&builtin(), Kind::EndNow, Channel::Letter, Lang::Nl, &f).text;
    assert!(
        nl.contains("t.a.v. Anna Brandt\n\nUtrecht, 28 november 2026\n\nBetreft: "),
        "{nl}"
    );
    assert!(nl.contains("28 december 2026"), "{nl}");
    assert!(nl.contains("€ 419,35"), "{nl}");
    assert!(nl.contains("Geachte Anna Brandt,"), "{nl}");
    assert!(nl.contains("Met vriendelijke groet,\n\nSam Jansen, owner\nExample IT Services"));
    assert!(nl.contains("Noord IT, Helder Beheer"), "{nl}");
    let en = render(&builtin(), Kind::EndNow, Channel::Letter, Lang::En, &f).text;
    assert!(
        en.starts_with("Example IT Services\nUtrecht\n\n28 November 2026\n"),
        "{en}"
    );
    assert!(en.contains("€419.35"), "{en}");
    // The reprice announces the new rate, its reason and its date (H1).
    let en = render(&builtin(), Kind::Reprice, Channel::Email, Lang::En, &f).text;
    assert!(en.contains("From 1 January 2027, the monthly fee for our managed services will be €1,625.50, instead of €1,250.00 today."), "{en}");
    assert!(
        en.contains(&default_reason(Kind::Reprice, Lang::En)),
        "{en}"
    );
    let nl = render(&builtin(), Kind::Reprice, Channel::Letter, Lang::Nl, &f).text;
    assert!(nl.contains("Met ingang van 1 januari 2027 bedraagt het maandtarief voor onze beheerde diensten € 1.625,50, in plaats van de huidige € 1.250,00."), "{nl}");
    // The user's reason replaces the built-in one, a full stop added.
    let mine = ScriptFacts {
        reason: "We richten ons voortaan op de zorgsector".into(),
        ..facts()
    };
    let nl = render(
        &builtin(),
        Kind::DoNotRenew,
        Channel::Email,
        Lang::Nl,
        &mine,
    )
    .text;
    assert!(
        nl.contains("We richten ons voortaan op de zorgsector.\n"),
        "{nl}"
    );
    assert!(
        !nl.contains(&default_reason(Kind::DoNotRenew, Lang::Nl)),
        "{nl}"
    );
    // Without a refund, nothing is said about one.
    let none = ScriptFacts {
        prepaid_refund: Cents::ZERO,
        ..facts()
    };
    let en = render(&builtin(), Kind::EndNow, Channel::Letter, Lang::En, &none).text;
    assert!(!en.contains("refund"), "{en}");
}

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
            w.starts_with(&format!("template /cfg/templates/{name} line {line}: ")),
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
        r.warnings[0].starts_with("sjabloon nl/end-now.email.txt regel 1: "),
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
fn heat_in_the_reason_warns_and_never_blocks() {
    let hot = ScriptFacts {
        reason: "Your fault: you were always late with every invoice.".into(),
        ..facts()
    };
    let r = crate::words::with_language(Lang::En, || {
        render(&builtin(), Kind::EndNow, Channel::Email, Lang::En, &hot)
    });
    assert!(
        r.text.contains("Your fault: you were always late"),
        "the text is still made"
    );
    assert_eq!(
        r.warnings,
        vec![
            "your reason says 'always late', 'your fault': words of blame or heat can sour the end; keep it professional (guide H2)"
        ]
    );
    // The Dutch list for a Dutch script.
    let hot = ScriptFacts {
        reason: "Door uw schuld liep alles vertraging op.".into(),
        ..facts()
    };
    let r = crate::words::with_language(Lang::Nl, || {
        render(
            &builtin(),
            Kind::DoNotRenew,
            Channel::Letter,
            Lang::Nl,
            &hot,
        )
    });
    assert_eq!(r.warnings.len(), 1);
    assert!(
        r.warnings[0].starts_with("je reden bevat 'schuld'"),
        "{:?}",
        r.warnings
    );
    // A calm reason: no warning.
    let calm = ScriptFacts {
        reason: "We richten ons voortaan op de zorgsector.".into(),
        ..facts()
    };
    assert!(
        render(
            &builtin(),
            Kind::DoNotRenew,
            Channel::Letter,
            Lang::Nl,
            &calm
        )
        .warnings
        .is_empty()
    );
}

#[test]
fn kinds_and_channels_read_back_and_have_words_in_both_languages() {
    for kind in Kind::ALL {
        assert_eq!(Kind::parse(kind.code()), Some(kind));
        assert_ne!(kind.label(Lang::En), kind.label(Lang::Nl));
    }
    for channel in Channel::ALL {
        assert_eq!(Channel::parse(channel.code()), Some(channel));
        assert_ne!(channel.label(Lang::En), channel.label(Lang::Nl));
    }
    assert_eq!(Kind::DoNotRenew.label(Lang::Nl), "niet verlengen");
    assert_eq!(Channel::InPerson.label(Lang::En), "in person");
    assert_eq!(Kind::parse("fire"), None);
    assert_eq!(Channel::parse("fax"), None);
}
