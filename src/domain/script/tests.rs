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
        basis: Basis::General,
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
        checklist: Default::default(),
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

pub(crate) fn builtin() -> Templates {
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
    // What a reduced scope drops is the user's words too.
    let hot = ScriptFacts {
        scope_change: "the ridiculous after-hours calls".into(),
        ..facts()
    };
    let r = crate::words::with_language(Lang::En, || {
        render(
            &builtin(),
            Kind::ReduceScope,
            Channel::Email,
            Lang::En,
            &hot,
        )
    });
    assert!(
        r.text
            .contains("no longer provide the ridiculous after-hours calls."),
        "{}",
        r.text
    );
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("'ridiculous'"), "{:?}", r.warnings);
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

#[test]
fn the_built_in_reason_rests_on_the_decisions_reasons_without_naming_conduct() {
    use crate::domain::decide::Code;
    assert_eq!(Basis::of(&[Code::D5, Code::R1]), Basis::Payment);
    assert_eq!(Basis::of(&[Code::D5, Code::D3]), Basis::Security);
    assert_eq!(Basis::of(&[Code::D1, Code::D5]), Basis::General);
    assert_eq!(Basis::of(&[Code::R3]), Basis::Fit);
    assert_eq!(Basis::of(&[Code::C1]), Basis::General);
    assert_eq!(Basis::of(&[]), Basis::General);
    for lang in Lang::ALL {
        for basis in [Basis::General, Basis::Security, Basis::Payment, Basis::Fit] {
            let f = ScriptFacts { basis, ..facts() };
            for kind in Kind::ALL {
                let r = render(&Templates::default(), kind, Channel::Letter, lang, &f);
                assert!(r.text.contains(&reason_on(kind, basis, lang)), "{basis:?}");
                assert!(
                    r.warnings.is_empty(),
                    "the built-in words pass the tone check"
                );
            }
        }
        // A reprice always gives the reprice's reason.
        assert_eq!(
            reason_on(Kind::Reprice, Basis::Payment, lang),
            default_reason(Kind::Reprice, lang)
        );
        assert_ne!(
            reason_on(Kind::EndNow, Basis::Payment, lang),
            default_reason(Kind::EndNow, lang)
        );
    }
}

#[test]
fn a_contact_is_called_by_first_name_unless_the_name_starts_with_a_title() {
    let said = |contact: &str| {
        let f = ScriptFacts {
            contact_name: Some(contact.into()),
            ..facts()
        };
        render(
            &Templates::default(),
            Kind::EndNow,
            Channel::Phone,
            Lang::En,
            &f,
        )
        .text
    };
    assert!(said("Marieke Verhoef").contains("\"Hello Marieke, this is Sam Jansen"));
    assert!(said("Dhr. Jansen").contains("\"Hello Dhr. Jansen, this is"));
    assert!(said("Mr Smith").contains("\"Hello Mr Smith, this is"));
    assert!(said("J. de Vries").contains("\"Hello J. de Vries, this is"));
    assert!(said("Noor").contains("\"Hello Noor, this is"));
}

#[test]
fn the_handover_named_is_the_checklists() {
    use crate::domain::offboard::Items;
    // All built-in items: the six that hand something over, not the notice or the invoice.
    let all = render(
        &builtin(),
        Kind::EndNow,
        Channel::Letter,
        Lang::En,
        &facts(),
    )
    .text;
    assert!(
        all.contains("your data, returned to you or deleted, as we agree"),
        "{all}"
    );
    assert!(
        all.contains("domain names, DNS and registrar access"),
        "{all}"
    );
    // A checklist without DNS and with an item of the user's own says exactly that.
    let mine = ScriptFacts {
        checklist: Items::new(
            Some(&["notice-sent", "credentials", "sign-off"]),
            &["The office key fob"],
        )
        .unwrap(),
        ..facts()
    };
    let nl = render(&builtin(), Kind::EndNow, Channel::Letter, Lang::Nl, &mine).text;
    assert!(nl.contains("wachtwoorden en beheerderstoegang"), "{nl}");
    assert!(nl.contains("The office key fob"), "{nl}");
    assert!(!nl.contains("DNS"), "{nl}");
    // Words the user gave for the handover win over the checklist.
    let given = ScriptFacts {
        handover: vec!["the keys to the server room".into()],
        ..facts()
    };
    let en = render(&builtin(), Kind::EndNow, Channel::Email, Lang::En, &given).text;
    assert!(
        en.contains("the keys to the server room") && !en.contains("DNS"),
        "{en}"
    );
}
