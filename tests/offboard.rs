//! The offboarding checklist: started by a decision that ends the relationship (and by the
//! upgrade, for the ending decisions already kept), shown and ticked with `rapport
//! offboard`, kept one row per item so two windows ticking at once keep both ticks.

mod common;

use std::sync::{Arc, Barrier};
use std::thread;

use common::{Sandbox, date, refused, w};
use rapport::domain::ClientId;
use rapport::domain::offboard::{Item, Tick};
use rapport::store::Store;
use serde_json::Value;

const JANSEN: &str = "Autobedrijf Jansen";
const BRANDT: &str = "Brandt Vastgoed";

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w("demo"));
    sb
}

fn json(sb: &Sandbox, client: &str) -> Value {
    serde_json::from_str(&sb.ok(&["offboard", client, "--json"])).expect("JSON")
}

fn id_of(store: &Store, name: &str) -> ClientId {
    store.client_by_name(name).unwrap().id
}

fn tick(on: &str, by: Option<&str>) -> Tick {
    Tick {
        done_on: date(on),
        by: by.map(str::to_string),
    }
}

#[test]
fn the_demos_ended_client_shows_its_checklist_with_progress() {
    let sb = demo();
    let out = sb.ok(&["offboard", "autobedrijf jansen"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Offboarding Autobedrijf Jansen: 11 of 13 done, started 2025-09-21"
    );
    assert_eq!(lines[1], "next: Data returned or deleted as agreed");
    assert!(
        lines[3].starts_with("KEY")
            && lines[3].contains("ITEM")
            && lines[3].ends_with("DONE ON     BY / NOTES"),
        "{out}"
    );
    let notice = lines[4];
    assert!(
        notice.starts_with("notice-sent") && notice.contains("Notice sent"),
        "{out}"
    );
    assert!(
        notice.contains("2025-09-21") && notice.ends_with("in person, then by registered letter"),
        "{out}"
    );
    let sign_off = lines.last().unwrap();
    assert!(
        sign_off.starts_with("sign-off") && sign_off.ends_with(" -"),
        "{out}"
    );
    let j = json(&sb, JANSEN);
    assert_eq!(
        (j["done"].as_u64(), j["total"].as_u64()),
        (Some(11), Some(13))
    );
    assert_eq!(j["next"], "data");
    assert_eq!(j["started_on"], "2025-09-21");
    let items = j["items"].as_array().unwrap();
    assert_eq!(items[0]["key"], "notice-sent");
    assert_eq!(items[0]["done_on"], "2025-09-21");
    assert_eq!(items[12]["key"], "sign-off");
    assert_eq!(items[12]["done_on"], Value::Null);
    assert_eq!(items[12]["custom"], false);
}

#[test]
fn an_ending_decision_starts_a_checklist_that_done_and_undo_tick() {
    let sb = demo();
    sb.ok(&["decide", BRANDT, "--outcome", "end-now"]);
    let j = json(&sb, BRANDT);
    assert_eq!(
        (j["done"].as_u64(), j["next"].as_str()),
        (Some(0), Some("notice-sent"))
    );
    assert_eq!(j["started_on"], common::TODAY);
    let out = sb.ok(&[
        "offboard",
        BRANDT,
        "--done",
        "notice-sent",
        "--on",
        "2026-06-29",
    ]);
    assert_eq!(
        out,
        "Ticked 'Notice sent' for Brandt Vastgoed, done on 2026-06-29: 1 of 13 done\n"
    );
    let out = sb.ok(&[
        "offboard",
        BRANDT,
        "--done",
        "DNS",
        "--by",
        "moved to their registrar",
    ]);
    assert!(out.contains("done on 2026-06-30: 2 of 13 done"), "{out}");
    let items = json(&sb, BRANDT)["items"].clone();
    assert_eq!(items[5]["key"], "dns");
    assert_eq!(items[5]["by"], "moved to their registrar");
    // Ticked again: the day changes, and the message says what it was.
    let out = sb.ok(&[
        "offboard",
        BRANDT,
        "--done",
        "notice-sent",
        "--on",
        "2026-06-28",
    ]);
    assert!(out.contains("(was 2026-06-29): 2 of 13 done"), "{out}");
    let out = sb.ok(&["offboard", BRANDT, "--undo", "dns"]);
    assert_eq!(
        out,
        "Unticked 'Domain, DNS and registrar handed over' for Brandt Vastgoed: 1 of 13 done\n"
    );
    let out = sb.ok(&["offboard", BRANDT, "--undo", "dns"]);
    assert!(out.contains("was not ticked"), "{out}");
    // The sign-off names the client's contact.
    refused(
        &sb,
        &["offboard", BRANDT, "--done", "sign-off"],
        2,
        &["--by", "sign-off", "contact"],
    );
    sb.ok(&[
        "offboard",
        BRANDT,
        "--done",
        "sign-off",
        "--by",
        "Rob Brandt",
    ]);
    let j = json(&sb, BRANDT);
    assert_eq!(j["items"][12]["by"], "Rob Brandt");
    assert_eq!(j["done"], 2);
}

#[test]
fn an_unknown_item_a_client_without_a_checklist_and_a_future_day_are_refused() {
    let sb = demo();
    let msg = refused(&sb, &["offboard", JANSEN, "--done", "dnss"], 2, &["'dnss'"]);
    assert!(
        msg.contains("notice-sent, agreement, final-invoice") && msg.contains("sign-off"),
        "{msg}"
    );
    refused(&sb, &["offboard", JANSEN, "--undo", "dnss"], 2, &["'dnss'"]);
    refused(
        &sb,
        &["offboard", "Installatiebedrijf De Graaf"],
        2,
        &["has no offboarding checklist", "decision that ends"],
    );
    refused(
        &sb,
        &["offboard", "Installatiebedrijf De Graaf", "--done", "dns"],
        2,
        &["has no offboarding checklist"],
    );
    refused(&sb, &["offboard", "Nobody BV"], 2, &["no client named"]);
    refused(
        &sb,
        &["offboard", JANSEN, "--done", "data", "--on", "2026-07-01"],
        2,
        &["2026-07-01", "after today"],
    );
    refused(
        &sb,
        &["offboard", JANSEN, "--done", "data", "--undo", "data"],
        2,
        &["cannot be used with"],
    );
}

#[test]
fn the_config_chooses_the_items_and_adds_its_own() {
    let sb = demo();
    let config = sb.path("config.toml");
    std::fs::write(
        &config,
        "[offboarding]\nitems = [\"sign-off\", \"notice-sent\"]\ncustom = [\"Return the office key fob\"]\n",
    )
    .unwrap();
    let c = config.to_str().unwrap();
    let out = sb.ok(&["offboard", JANSEN, "--config", c]);
    assert!(
        out.starts_with("Offboarding Autobedrijf Jansen: 1 of 3 done"),
        "{out}"
    );
    assert!(
        out.contains("\nreturn-the-office-key-fob  Return the office key fob"),
        "{out}"
    );
    let out = sb.ok(&[
        "offboard",
        JANSEN,
        "--config",
        c,
        "--done",
        "return-the-office-key-fob",
    ]);
    assert!(
        out.contains("'Return the office key fob'") && out.contains("2 of 3"),
        "{out}"
    );
    // A built-in item left out is not on this checklist.
    refused(
        &sb,
        &["offboard", JANSEN, "--config", c, "--done", "dns"],
        2,
        &["sign-off, notice-sent, return-the-office-key-fob"],
    );
}

#[test]
fn in_dutch_the_checklist_speaks_dutch_and_keeps_its_keys() {
    let sb = demo();
    let out = sb.ok(&["--lang", "nl", "offboard", JANSEN]);
    assert!(
        out.starts_with("Offboarding Autobedrijf Jansen: 11 van 13 gedaan"),
        "{out}"
    );
    assert!(out.contains("notice-sent     Opzegging verstuurd"), "{out}");
    let j: Value =
        serde_json::from_str(&sb.ok(&["--lang", "nl", "offboard", JANSEN, "--json"])).unwrap();
    assert_eq!(j["items"][0]["label"], "Notice sent", "JSON stays English");
}

#[test]
fn two_connections_ticking_at_once_keep_every_tick() {
    let items: Vec<&'static str> = Item::ALL.iter().map(|i| i.key()).collect();
    // The checklist is started by the decision before either window ticks.
    let sb2 = demo();
    sb2.ok(&["decide", BRANDT, "--outcome", "end-now"]);
    let start = Arc::new(Barrier::new(2));
    let handles: Vec<_> = [0usize, 1]
        .into_iter()
        .map(|half| {
            let path = sb2.db.clone();
            let start = start.clone();
            let mine: Vec<&'static str> = items.iter().skip(half).step_by(2).copied().collect();
            thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                let id = id_of(&store, BRANDT);
                start.wait();
                for key in mine {
                    store
                        .tick_offboarding(id, key, Some(&tick("2026-06-30", Some(key))))
                        .unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let store = Store::open(&sb2.db).unwrap();
    let kept = store.offboarding(id_of(&store, BRANDT)).unwrap().unwrap();
    assert_eq!(kept.ticks.len(), 13, "both windows' ticks are kept");
    for key in &items {
        assert_eq!(kept.ticks[*key].by.as_deref(), Some(*key));
    }
}

#[test]
fn a_tick_and_an_untick_on_another_connection_touch_only_their_item() {
    let sb = demo();
    sb.ok(&["decide", BRANDT, "--outcome", "end-now"]);
    let mut a = Store::open(&sb.db).unwrap();
    let mut b = Store::open(&sb.db).unwrap();
    let id = id_of(&a, BRANDT);
    a.tick_offboarding(id, "notice-sent", Some(&tick("2026-06-29", None)))
        .unwrap();
    b.tick_offboarding(id, "dns", Some(&tick("2026-06-30", Some("done"))))
        .unwrap();
    // `a` has not read `b`'s tick: its untick of its own item leaves `b`'s alone.
    assert_eq!(
        a.tick_offboarding(id, "notice-sent", None).unwrap(),
        Some(tick("2026-06-29", None))
    );
    let kept = b.offboarding(id).unwrap().unwrap();
    assert_eq!(kept.ticks.len(), 1);
    assert_eq!(kept.ticks["dns"], tick("2026-06-30", Some("done")));
    assert_eq!(kept.started_on, date(common::TODAY));
    assert!(kept.decision.is_some());
}

#[test]
fn taking_the_decision_back_drops_its_untouched_checklist_but_keeps_work_done() {
    let sb = demo();
    sb.ok(&["decide", BRANDT, "--outcome", "end-now"]);
    let mut store = Store::open(&sb.db).unwrap();
    let id = id_of(&store, BRANDT);
    let saved = store.decisions(Some(id)).unwrap().remove(0);
    store.undo_decision(&saved, &[]).unwrap();
    assert_eq!(store.offboarding(id).unwrap(), None);
    // Jansen's checklist has ticks: taking its decision back keeps them, untied.
    let jansen = id_of(&store, JANSEN);
    let saved = store.decisions(Some(jansen)).unwrap().remove(0);
    store.undo_decision(&saved, &[]).unwrap();
    let kept = store.offboarding(jansen).unwrap().unwrap();
    assert_eq!((kept.decision, kept.ticks.len()), (None, 11));
}

#[test]
fn the_upgrade_starts_a_checklist_for_an_ending_decision_already_kept() {
    let sb = demo();
    sb.ok(&["decide", BRANDT, "--outcome", "end-now"]);
    {
        // The file as the schema before the checklist left it.
        let conn = rusqlite::Connection::open(&sb.db).unwrap();
        conn.execute_batch(
            "DROP TABLE offboarding_ticks; DROP TABLE offboarding;
             PRAGMA user_version = 8;",
        )
        .unwrap();
    }
    let j = json(&sb, BRANDT);
    assert_eq!(
        (j["done"].as_u64(), j["total"].as_u64()),
        (Some(0), Some(13))
    );
    assert_eq!(j["started_on"], common::TODAY);
    let j = json(&sb, JANSEN);
    assert_eq!(j["started_on"], "2025-09-21");
    refused(
        &sb,
        &["offboard", "Installatiebedrijf De Graaf"],
        2,
        &["no offboarding checklist"],
    );
}
