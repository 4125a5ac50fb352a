//! Generated scripts kept in the store (a round trip on a temporary database), and
//! `rapport script` on the demo portfolio: to stdout, to a new private file, never over a
//! file, the error without a decision or a reason, and a Dutch letter.

mod common;

use std::fs;

use common::{Sandbox, add_client, count, date, mode, tempdir, w};
use rapport::domain::lang::Lang;
use rapport::domain::script::{Channel, Kind};
use rapport::store::{NewScript, Store};

fn script(client: rapport::domain::ClientId, text: &str) -> NewScript {
    NewScript {
        client,
        decision: None,
        kind: Kind::DoNotRenew,
        channel: Channel::Letter,
        lang: Lang::Nl,
        written_on: date("2026-06-30"),
        text: text.into(),
    }
}

#[test]
fn scripts_are_kept_and_read_back_newest_first() {
    let dir = tempdir();
    let mut store = Store::open(&dir.path().join("r.db")).unwrap();
    let acme = add_client(&mut store, "Acme");
    let other = add_client(&mut store, "Globex");
    let first = store.save_script(&script(acme, "Geachte heer,")).unwrap();
    let second = store
        .save_script(&NewScript {
            kind: Kind::Reprice,
            channel: Channel::Email,
            lang: Lang::En,
            written_on: date("2026-07-01"),
            ..script(acme, "Dear Jan,")
        })
        .unwrap();
    store.save_script(&script(other, "Beste,")).unwrap();

    let listed = store.scripts(acme).unwrap();
    assert_eq!(
        listed.iter().map(|s| s.id).collect::<Vec<_>>(),
        [second, first]
    );
    let back = store.script(first).unwrap();
    assert_eq!(
        (back.client, back.name.as_str(), back.decision),
        (acme, "Acme", None)
    );
    assert_eq!(
        (back.kind, back.channel, back.lang),
        (Kind::DoNotRenew, Channel::Letter, Lang::Nl)
    );
    assert_eq!(back.written_on, date("2026-06-30"));
    assert_eq!(back.text, "Geachte heer,");
    assert!(back.created_at.ends_with('Z'), "{}", back.created_at);
    assert_eq!(store.script(second).unwrap().text, "Dear Jan,");
    assert!(store.script(9_999).is_err());
}

#[test]
fn a_script_for_a_missing_client_or_decision_writes_nothing() {
    let dir = tempdir();
    let path = dir.path().join("r.db");
    let mut store = Store::open(&path).unwrap();
    let acme = add_client(&mut store, "Acme");
    let ghost = rapport::domain::ClientId(acme.0 + 100);
    assert!(store.save_script(&script(ghost, "x")).is_err());
    let no_decision = NewScript {
        decision: Some(42),
        ..script(acme, "x")
    };
    assert!(store.save_script(&no_decision).is_err());
    drop(store);
    assert_eq!(count(&path, "scripts"), 0);
}

/// A sandbox holding the demo portfolio.
fn demo() -> Sandbox {
    let sb = Sandbox::new();
    let run = sb.run(&["demo"]);
    assert_eq!(run.code, 0, "{run:#?}");
    sb
}

const JANSEN: &str = "Autobedrijf Jansen";

#[test]
fn a_script_prints_the_latest_decisions_words_and_is_kept() {
    let sb = demo();
    let out = sb
        .run(&["script", JANSEN, "--channel", "letter"])
        .ok()
        .to_string();
    assert!(out.contains("Dear Frank Jansen,"), "{out}");
    assert!(out.contains("30 June 2026"), "{out}");
    assert!(!out.contains("{{"), "{out}");
    assert_eq!(count(&sb.db, "scripts"), 1);
    let kept = common::column(
        &sb.db,
        "SELECT kind || ' ' || channel || ' ' || language || ' ' || written_on || ' ' || (decision_id IS NOT NULL) FROM scripts",
    );
    assert_eq!(kept, ["end-now letter en 2026-06-30 1"]);
    let text = common::column(&sb.db, "SELECT text FROM scripts");
    assert_eq!(format!("{}\n", text[0].trim_end()), out);
}

#[test]
fn a_script_goes_to_a_new_private_file_and_never_over_one() {
    let sb = demo();
    let file = sb.path("letters/jansen.txt");
    let f = file.to_str().unwrap();
    let run = sb.run(&["script", JANSEN, "--channel", "email", "--out", f]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("jansen.txt"), "{run:#?}");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("Frank Jansen"), "{text}");
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&sb.path("letters")), 0o700);
    assert_eq!(count(&sb.db, "scripts"), 1);

    // Again: refused, the file as it was, nothing more kept.
    let again = sb.run(&["script", JANSEN, "--channel", "letter", "--out", f]);
    let msg = again.fails(1);
    assert!(msg.contains("already exists"), "{msg}");
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
    assert_eq!(count(&sb.db, "scripts"), 1);
}

#[test]
fn without_a_decision_or_a_reason_it_says_what_to_do() {
    let sb = demo();
    let msg = sb
        .run(&["script", "Brandt Vastgoed", "--channel", "letter"])
        .invalid(&["--reason", "Brandt Vastgoed", "rapport decide"])
        .to_string();
    assert!(msg.contains("--kind"), "{msg}");
    assert_eq!(count(&sb.db, "scripts"), 0);
    // With a reason and a kind, the words come.
    let out = sb
        .run(&[
            "script",
            "Brandt Vastgoed",
            "--kind",
            "do-not-renew",
            "--channel",
            "phone",
            "--reason",
            "we are narrowing our work to larger offices",
        ])
        .ok()
        .to_string();
    assert!(
        out.contains("we are narrowing our work to larger offices"),
        "{out}"
    );
    assert_eq!(count(&sb.db, "scripts"), 1);
}

#[test]
fn a_dutch_letter_is_written_the_dutch_way() {
    let sb = demo();
    let out = sb
        .run(
            &w("script --lang nl --channel letter")
                .into_iter()
                .chain([JANSEN])
                .collect::<Vec<_>>(),
        )
        .ok()
        .to_string();
    assert!(out.contains("Geachte Frank Jansen,"), "{out}");
    assert!(out.contains("30 juni 2026"), "{out}");
    assert!(out.contains("Met vriendelijke groet,"), "{out}");
    let kept = common::column(&sb.db, "SELECT language FROM scripts");
    assert_eq!(kept, ["nl"]);
}

#[test]
fn another_kind_than_the_decisions_is_written_with_a_warning() {
    let sb = demo();
    let run = sb.run(&["script", JANSEN, "--kind", "reprice", "--channel", "email"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(run.stderr.contains("end-now"), "{run:#?}");
    assert!(run.stderr.contains("reprice"), "{run:#?}");
    let kept = common::column(&sb.db, "SELECT kind FROM scripts");
    assert_eq!(kept, ["reprice"]);
}
