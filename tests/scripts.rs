//! The breakup scripts end to end: facts gathered from a real store (the demo portfolio and
//! a client of our own), every template rendered in both languages with nothing left
//! unfilled, a snapshot of each of the 32, and the user's overrides read from a folder,
//! valid and broken.

use std::path::Path;

use chrono::NaiveDate;

use rapport::config::Config;
use rapport::demo::populate;
use rapport::domain::lang::Lang;
use rapport::domain::script::{Channel, Kind, ScriptFacts, Templates, render};
use rapport::domain::{Cents, ClientDraft};
use rapport::scripts::{facts_for, load_templates, templates_dir};
use rapport::store::Store;

const TODAY: &str = "2026-11-28";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// A config as a user writes it for scripts.
fn config() -> Config {
    Config::parse(
        Path::new("config.toml"),
        "[company]\nname = \"Example IT Services\"\nsignature = \"Sam Jansen, owner\"\nplace = \"Utrecht\"\n\
         [scripts]\nreferrals = [\"Noord IT\", \"Helder Beheer\"]\n",
    )
    .unwrap()
}

/// What a user would see as a hole or a leftover in a script.
fn holes(text: &str) -> Vec<&'static str> {
    [
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
        ": .",
        ":\n\n-\n",
    ]
    .into_iter()
    .filter(|bad| text.lines().any(|l| l.trim_start().contains(bad)))
    .collect()
}

#[test]
fn every_template_fills_for_every_demo_client() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    populate(&mut store, today()).unwrap();
    let defaults = store.defaults().unwrap();
    let templates = Templates::default();
    // The demo's own config (its company name from the database), and a user's.
    for (cfg, _) in [Config::default().over(defaults.as_ref()), (config(), None)] {
        let clients = store.clients().unwrap();
        assert_eq!(clients.len(), 30);
        let mut rendered = 0;
        for c in &clients {
            for kind in Kind::ALL {
                let facts = facts_for(&store, &cfg, c.id, kind, today(), None).unwrap();
                assert_eq!(facts.client_name, c.fields.name);
                assert!(!facts.company.is_empty());
                for lang in Lang::ALL {
                    for channel in Channel::ALL {
                        let r = render(&templates, kind, channel, lang, &facts);
                        let at = format!(
                            "{} {} {} {}",
                            c.fields.name,
                            kind.code(),
                            channel.code(),
                            lang.code()
                        );
                        assert!(r.warnings.is_empty(), "{at}: {:?}", r.warnings);
                        assert!(
                            holes(&r.text).is_empty(),
                            "{at}: {:?}\n{}",
                            holes(&r.text),
                            r.text
                        );
                        assert!(r.text.contains(&c.fields.name), "{at}");
                        if let Some(contact) = &c.fields.contact_name {
                            assert!(r.text.contains(contact.as_str()), "{at}: no contact");
                        }
                        rendered += 1;
                    }
                }
            }
        }
        assert_eq!(rendered, 30 * 32);
    }
}

#[test]
fn the_facts_come_from_the_latest_decision_of_that_kind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db")).unwrap();
    populate(&mut store, today()).unwrap();
    let cfg = config();
    let mut seen = 0;
    for d in store.latest_decisions().unwrap() {
        let Some(kind) = Kind::for_outcome(d.chosen) else {
            continue;
        };
        let f = facts_for(&store, &cfg, d.client, kind, today(), None).unwrap();
        if let Some(exit) = d.exit {
            assert_eq!(
                (f.end_on, f.notice_by, f.prepaid_refund),
                (exit.end_on, exit.notice_by, exit.prepaid_refund),
                "{}",
                d.name
            );
        }
        if kind == Kind::Reprice {
            assert_eq!(f.new_mrr, d.proposed_mrr, "{}", d.name);
            assert!(f.new_rate_from.is_some_and(|from| from > today()));
        }
        seen += 1;
    }
    assert!(seen > 0, "the demo has decisions that need words");
    // A reason given replaces the built-in one; the config fills in the rest.
    let client = store.clients().unwrap()[0].id;
    let f = facts_for(
        &store,
        &cfg,
        client,
        Kind::DoNotRenew,
        today(),
        Some(" Wij richten ons op de zorg. ".into()),
    )
    .unwrap();
    assert_eq!(f.reason, "Wij richten ons op de zorg.");
    assert_eq!(f.place.as_deref(), Some("Utrecht"));
    assert_eq!(f.referrals, vec!["Noord IT", "Helder Beheer"]);
    assert_eq!(f.signature, "Sam Jansen, owner");
}

/// Our own client, so the snapshots do not move with the demo: prepaid, 30 days' notice,
/// the contract ending in the new year.
fn fixed_facts(kind: Kind) -> ScriptFacts {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.db")).unwrap();
    let fields = ClientDraft {
        name: "Bakkerij Verhoef".into(),
        contact_name: "Marieke Verhoef".into(),
        mrr: "1250".into(),
        seats: "12".into(),
        contract_start: "2024-03-01".into(),
        contract_end: "2027-02-28".into(),
        notice_days: "30".into(),
        prepaid: true,
        ..ClientDraft::new_client()
    }
    .validate()
    .unwrap();
    let id = store.add_client(&fields).unwrap();
    let mut f = facts_for(&store, &config(), id, kind, today(), None).unwrap();
    if matches!(kind, Kind::Reprice | Kind::ReduceScope) {
        // What a saved decision would carry.
        f.new_mrr = Some(Cents(if kind == Kind::Reprice {
            149_500
        } else {
            110_000
        }));
    }
    f
}

#[test]
fn each_of_the_32_scripts_as_written() {
    let templates = Templates::default();
    for kind in Kind::ALL {
        let facts = fixed_facts(kind);
        for lang in Lang::ALL {
            for channel in Channel::ALL {
                let r = render(&templates, kind, channel, lang, &facts);
                assert!(r.warnings.is_empty(), "{:?}", r.warnings);
                insta::assert_snapshot!(
                    format!("{}-{}-{}", lang.code(), kind.code(), channel.code()),
                    r.text
                );
            }
        }
    }
}

#[test]
fn an_override_in_the_config_folder_replaces_the_built_in_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("config.toml");
    let folder = templates_dir(&config_path);
    std::fs::create_dir_all(folder.join("nl")).unwrap();
    std::fs::create_dir_all(folder.join("en")).unwrap();
    std::fs::write(
        folder.join("nl/end-now.letter.txt"),
        "{{ date_line }}\n\nGeachte {{ contact }},\n\nOnze samenwerking eindigt op {{ end_on }}.\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("en/end-now.letter.txt"),
        "Dear {{ contact }},\n\n{% for item in handover %}\n- {{ item }}\n",
    )
    .unwrap();
    let templates = load_templates(&folder);
    let facts = fixed_facts(Kind::EndNow);

    let nl = rapport::words::with_language(Lang::Nl, || {
        render(&templates, Kind::EndNow, Channel::Letter, Lang::Nl, &facts)
    });
    assert_eq!(
        nl.text,
        "Utrecht, 28 november 2026\n\nGeachte Marieke Verhoef,\n\nOnze samenwerking eindigt op 28 december 2026.\n"
    );
    assert!(nl.warnings.is_empty(), "{:?}", nl.warnings);

    let en = rapport::words::with_language(Lang::En, || {
        render(&templates, Kind::EndNow, Channel::Letter, Lang::En, &facts)
    });
    let builtin = render(
        &Templates::default(),
        Kind::EndNow,
        Channel::Letter,
        Lang::En,
        &facts,
    );
    assert_eq!(en.text, builtin.text, "the built-in is used instead");
    let file = folder.join("en/end-now.letter.txt");
    assert_eq!(en.warnings.len(), 1, "{:?}", en.warnings);
    assert!(
        en.warnings[0].starts_with(&format!("template {} line 4 (", file.display())),
        "{:?}",
        en.warnings
    );
}
