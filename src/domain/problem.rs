//! What is wrong with a value, as data: the checks name a [`Problem`] with its numbers and
//! the words come from the catalog (`valid.*`) in the language asked for, so the CLI and
//! the forms say the same thing in English and in Dutch.

use chrono::NaiveDate;

use super::date::{LATEST, iso};
use super::lang::Lang;
use super::money::{Cents, group_thousands};
use crate::t_in;

/// One way a typed value can be wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Words the caller wrote itself (in the language in force when it wrote them).
    Text(String),
    /// "is empty: it is required"
    Required,
    /// A control character in a one-line text.
    NotOneLine {
        c: char,
    },
    /// A control character (not a line break) in a note.
    ControlInNote {
        c: char,
    },
    TooLong {
        len: usize,
        max: usize,
    },
    /// A character that cannot be seen (or turns text around).
    Invisible {
        c: char,
    },
    DateEmpty,
    NotADate {
        text: String,
    },
    NoSuchDate {
        text: String,
    },
    BeforeEarliest {
        text: String,
        year: i32,
    },
    AfterToday {
        date: NaiveDate,
        today: NaiveDate,
    },
    AmountEmpty,
    AmountNoWhole {
        text: String,
    },
    AmountSeparators {
        text: String,
    },
    AmountNotANumber {
        text: String,
    },
    Negative,
    TooManyDecimals,
    AmountTooLarge {
        max: Cents,
    },
    /// A word that names none of a fixed list (`what` is the list's name, `allowed` the
    /// words as typed).
    UnknownValue {
        what: &'static str,
        text: String,
        allowed: Vec<&'static str>,
    },
    /// A date before the date of another field.
    Before {
        date: NaiveDate,
        other: super::error::Field,
        other_date: NaiveDate,
    },
    Unreadable,
    CountEmpty,
    NotAWholeNumber {
        text: String,
    },
    AtMost {
        max: u32,
    },
    NotAnEmail {
        text: String,
    },
    NotAnEventKind {
        text: String,
    },
    NotAnEventId {
        text: String,
    },
    InvoiceKeepsNumber,
    YearOutOfRange {
        year: i32,
    },
    TooManyNames {
        n: usize,
        max: usize,
    },
    NamedTwice,
    YearNotBegun {
        year: i32,
        today: NaiveDate,
    },
    FormerClient {
        name: String,
        ended: Option<NaiveDate>,
        year: i32,
    },
    NotPositive,
    DueTooLate {
        issued: NaiveDate,
        terms_days: u32,
    },
    PaidBeforeIssued {
        paid: NaiveDate,
        issued: NaiveDate,
    },
    BeforeRecommendation {
        date: NaiveDate,
        made: NaiveDate,
    },
    DurationEmpty,
    NotADuration {
        text: String,
    },
    /// `1h90`: `minutes` after `hours`.
    MinutesOver59 {
        text: String,
        hours: u32,
        minutes: u32,
    },
    DurationTooLong {
        minutes: u32,
    },
    DecidedButOpen,
    DecideNeedsStatus,
    /// A choice in a form with nothing to choose.
    NothingChosen,
    /// The quick log: "made" for a recommendation that exists already.
    MadeButExisting,
    /// A gut check naming no client.
    NamesNobody,
}

impl Problem {
    /// The problem in words in `lang`, to follow the field's name.
    pub fn render(&self, lang: Lang) -> String {
        use Problem as P;
        match self {
            P::Text(text) => text.clone(),
            P::Required => t_in!(lang, "valid.required").into(),
            P::NotOneLine { c } => t_in!(lang, "valid.not_one_line", what = control(*c, lang)),
            P::ControlInNote { c } => {
                t_in!(lang, "valid.control_in_note", what = control(*c, lang))
            }
            P::TooLong { len, max } => t_in!(lang, "valid.too_long", len = len, max = max),
            P::Invisible { c } => t_in!(
                lang,
                "valid.invisible",
                what = invisible(*c, lang),
                code = code(*c)
            ),
            P::DateEmpty => t_in!(lang, "valid.date_empty").into(),
            P::NotADate { text } => t_in!(lang, "valid.not_a_date", text = text),
            P::NoSuchDate { text } => t_in!(lang, "valid.no_such_date", text = text),
            P::BeforeEarliest { text, year } => {
                t_in!(lang, "valid.before_earliest", text = text, year = year)
            }
            P::AfterToday { date, today } => t_in!(
                lang,
                "valid.after_today",
                date = iso(*date),
                today = iso(*today)
            ),
            P::AmountEmpty => t_in!(lang, "valid.amount_empty").into(),
            P::AmountNoWhole { text } => t_in!(lang, "valid.amount_no_whole", text = text),
            P::AmountSeparators { text } => {
                t_in!(lang, "valid.amount_separators", text = text)
            }
            P::AmountNotANumber { text } => {
                t_in!(lang, "valid.amount_not_a_number", text = text)
            }
            P::Negative => t_in!(lang, "valid.negative").into(),
            P::TooManyDecimals => t_in!(lang, "valid.too_many_decimals").into(),
            P::AmountTooLarge { max } => {
                t_in!(lang, "valid.at_most", max = whole_units(*max, lang))
            }
            P::UnknownValue {
                what,
                text,
                allowed,
            } => t_in!(
                lang,
                "valid.unknown_value",
                what = list_name(what, lang),
                text = text,
                allowed = allowed.join(", ")
            ),
            P::Before {
                date,
                other,
                other_date,
            } => t_in!(
                lang,
                "valid.before",
                date = iso(*date),
                other = other.label_in(lang),
                other_date = iso(*other_date)
            ),
            P::Unreadable => t_in!(lang, "valid.unreadable").into(),
            P::CountEmpty => t_in!(lang, "valid.count_empty").into(),
            P::NotAWholeNumber { text } => t_in!(lang, "valid.not_a_whole_number", text = text),
            P::AtMost { max } => t_in!(lang, "valid.at_most", max = max),
            P::NotAnEmail { text } => t_in!(lang, "valid.not_an_email", text = text),
            P::NotAnEventKind { text } => t_in!(lang, "valid.not_an_event_kind", text = text),
            P::NotAnEventId { text } => t_in!(lang, "valid.not_an_event_id", text = text),
            P::InvoiceKeepsNumber => t_in!(lang, "valid.invoice_keeps_number").into(),
            P::YearOutOfRange { year } => t_in!(lang, "valid.year_out_of_range", year = year),
            P::TooManyNames { n, max } => t_in!(lang, "valid.too_many_names", n = n, max = max),
            P::NamedTwice => t_in!(lang, "valid.named_twice").into(),
            P::YearNotBegun { year, today } => t_in!(
                lang,
                "valid.year_not_begun",
                year = year,
                today = iso(*today)
            ),
            P::FormerClient {
                name,
                ended: None,
                year,
            } => t_in!(lang, "valid.former_client", name = name, year = year),
            P::FormerClient {
                name,
                ended: Some(ended),
                year,
            } => t_in!(
                lang,
                "valid.former_client_ended",
                name = name,
                ended = iso(*ended),
                year = year
            ),
            P::NotPositive => t_in!(lang, "valid.not_positive").into(),
            P::DueTooLate { issued, terms_days } => t_in!(
                lang,
                "valid.due_too_late",
                latest = iso(LATEST),
                issued = iso(*issued),
                terms = terms_days
            ),
            P::PaidBeforeIssued { paid, issued } => t_in!(
                lang,
                "valid.paid_before_issued",
                paid = iso(*paid),
                issued = iso(*issued)
            ),
            P::BeforeRecommendation { date, made } => t_in!(
                lang,
                "valid.before_recommendation",
                date = iso(*date),
                made = iso(*made)
            ),
            P::DurationEmpty => t_in!(lang, "valid.duration_empty").into(),
            P::NotADuration { text } => t_in!(lang, "valid.not_a_duration", text = text),
            P::MinutesOver59 {
                text,
                hours,
                minutes,
            } => {
                let total = hours.saturating_mul(60).saturating_add(*minutes);
                t_in!(
                    lang,
                    "valid.minutes_over_59",
                    text = text,
                    minutes = minutes,
                    total = total,
                    hours = hours.saturating_add(minutes / 60),
                    rest = format!("{:02}", minutes % 60)
                )
            }
            P::DurationTooLong { minutes } => {
                t_in!(lang, "valid.duration_too_long", minutes = minutes)
            }
            P::DecidedButOpen => t_in!(lang, "valid.decided_but_open").into(),
            P::DecideNeedsStatus => t_in!(lang, "valid.decide_needs_status").into(),
            P::NothingChosen => t_in!(lang, "valid.nothing_chosen").into(),
            P::MadeButExisting => t_in!(lang, "valid.made_but_existing").into(),
            P::NamesNobody => t_in!(lang, "valid.names_nobody").into(),
        }
    }
}

/// `U+200B`'s hex digits: `200B`.
fn code(c: char) -> String {
    format!("{:04X}", u32::from(c))
}

/// A control character in words: "a line break", "a tab", "a control character (U+0007)".
fn control(c: char, lang: Lang) -> String {
    match c {
        '\n' | '\r' => t_in!(lang, "valid.char.line_break").into(),
        '\t' => t_in!(lang, "valid.char.tab").into(),
        c => t_in!(lang, "valid.char.control", code = code(c)),
    }
}

/// The invisible characters people meet, by name; the others are "an invisible or
/// formatting character".
fn invisible(c: char, lang: Lang) -> &'static str {
    match c {
        '\u{00AD}' => t_in!(lang, "valid.char.soft_hyphen"),
        '\u{034F}' => t_in!(lang, "valid.char.grapheme_joiner"),
        '\u{061C}' => t_in!(lang, "valid.char.arabic_letter_mark"),
        '\u{180E}' => t_in!(lang, "valid.char.mongolian_vowel_separator"),
        '\u{200B}' => t_in!(lang, "valid.char.zero_width_space"),
        '\u{200C}' => t_in!(lang, "valid.char.zero_width_non_joiner"),
        '\u{200D}' => t_in!(lang, "valid.char.zero_width_joiner"),
        '\u{200E}' => t_in!(lang, "valid.char.ltr_mark"),
        '\u{200F}' => t_in!(lang, "valid.char.rtl_mark"),
        '\u{202A}' => t_in!(lang, "valid.char.ltr_embedding"),
        '\u{202B}' => t_in!(lang, "valid.char.rtl_embedding"),
        '\u{202C}' => t_in!(lang, "valid.char.pop_formatting"),
        '\u{202D}' => t_in!(lang, "valid.char.ltr_override"),
        '\u{202E}' => t_in!(lang, "valid.char.rtl_override"),
        '\u{2060}' => t_in!(lang, "valid.char.word_joiner"),
        '\u{2066}' => t_in!(lang, "valid.char.ltr_isolate"),
        '\u{2067}' => t_in!(lang, "valid.char.rtl_isolate"),
        '\u{2068}' => t_in!(lang, "valid.char.first_strong_isolate"),
        '\u{2069}' => t_in!(lang, "valid.char.pop_isolate"),
        '\u{2800}' => t_in!(lang, "valid.char.braille_blank"),
        '\u{3164}' => t_in!(lang, "valid.char.hangul_filler"),
        '\u{FEFF}' => t_in!(lang, "valid.char.zero_width_no_break_space"),
        '\u{FFA0}' => t_in!(lang, "valid.char.halfwidth_hangul_filler"),
        _ => t_in!(lang, "valid.char.invisible"),
    }
}

/// The name of a fixed list of words ("status", "ticket kind").
fn list_name(what: &'static str, lang: Lang) -> &'static str {
    match what {
        "status" => t_in!(lang, "valid.list.status"),
        "ticket kind" => t_in!(lang, "valid.list.ticket_kind"),
        "recommendation status" => t_in!(lang, "valid.list.recommendation_status"),
        "incident kind" => t_in!(lang, "valid.list.incident_kind"),
        other => other,
    }
}

/// Whole units grouped the way the language groups thousands: `1,000` or `1.000`.
fn whole_units(amount: Cents, lang: Lang) -> String {
    let grouped = group_thousands((amount.0.unsigned_abs() + 50) / 100);
    match lang {
        Lang::En => grouped,
        Lang::Nl => grouped.replace(',', "."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::client::ClientDraft;
    use crate::domain::date::parse_date;
    use crate::domain::error::{Field, FieldError};
    use crate::words::with_language;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::from_iso(s).unwrap()
    }

    #[test]
    fn an_empty_name_says_so_in_dutch_and_in_english() {
        let draft = ClientDraft {
            name: " ".into(),
            ..ClientDraft::new_client()
        };
        let nl = with_language(Lang::Nl, || draft.validate().unwrap_err());
        assert_eq!(nl.for_field("name"), Some("is leeg, maar verplicht"));
        assert_eq!(
            with_language(Lang::Nl, || nl.to_string()),
            "naam: is leeg, maar verplicht"
        );
        let en = with_language(Lang::En, || draft.validate().unwrap_err());
        assert_eq!(
            with_language(Lang::En, || en.to_string()),
            "name is empty: it is required"
        );
        // The same error, read in the other language: the words are chosen when shown.
        assert_eq!(en.0[0].line_in(Lang::Nl), "naam: is leeg, maar verplicht");
        assert_eq!(nl.0[0].line_in(Lang::En), "name is empty: it is required");
    }

    #[test]
    fn a_bad_date_says_so_in_dutch() {
        let e = with_language(Lang::Nl, || {
            parse_date("contract end", "2026-02-30").unwrap_err()
        });
        assert_eq!(
            e.problem,
            Problem::NoSuchDate {
                text: "2026-02-30".into()
            }
        );
        assert_eq!(
            e.line_in(Lang::Nl),
            "einde contract: '2026-02-30' bestaat niet in de kalender"
        );
        let e = parse_date("date", "30-02-2026").unwrap_err();
        assert_eq!(
            e.line_in(Lang::Nl),
            "datum: '30-02-2026' is geen datum: verwacht JJJJ-MM-DD, zoals 2026-03-31"
        );
        let draft = ClientDraft {
            name: "Acme".into(),
            contract_start: "2026-05-01".into(),
            contract_end: "2026-04-30".into(),
            ..ClientDraft::new_client()
        };
        let e = with_language(Lang::Nl, || draft.validate().unwrap_err().to_string());
        assert_eq!(
            e,
            "einde contract: 2026-04-30 ligt vóór begin contract 2026-05-01"
        );
    }

    #[test]
    fn a_bad_amount_says_so_in_dutch_with_dutch_thousands() {
        let line = |input: &str| {
            with_language(Lang::Nl, || {
                Cents::parse("amount", input).unwrap_err().to_string()
            })
        };
        assert_eq!(
            line("abc"),
            "bedrag: 'abc' is geen getal: verwacht een bedrag zoals 1500, 1500.50 of 1,500.50"
        );
        assert_eq!(line("-5"), "bedrag: mag niet negatief zijn");
        assert_eq!(
            line("99999999999999999999"),
            "bedrag: mag hoogstens 1.000.000.000.000 zijn"
        );
        assert_eq!(
            Cents::parse("amount", "99999999999999999999")
                .unwrap_err()
                .line_in(Lang::En),
            "amount must be at most 1,000,000,000,000"
        );
    }

    #[test]
    fn an_invisible_character_is_named_in_dutch() {
        let e = crate::domain::identity::check_visible("name", "Caf\u{200B}é").unwrap_err();
        assert_eq!(
            e.message_in(Lang::Nl),
            "bevat een spatie zonder breedte (U+200B), dat niet te zien is: typ het zonder"
        );
    }

    /// One of each problem, for the checks below.
    fn every_problem() -> Vec<Problem> {
        use Problem as P;
        let (a, b) = (d("2026-04-30"), d("2026-05-01"));
        let text = || "x".to_string();
        vec![
            P::Required,
            P::NotOneLine { c: '\n' },
            P::NotOneLine { c: '\t' },
            P::ControlInNote { c: '\u{7}' },
            P::TooLong { len: 101, max: 100 },
            P::Invisible { c: '\u{200B}' },
            P::Invisible { c: '\u{2061}' },
            P::DateEmpty,
            P::NotADate { text: text() },
            P::NoSuchDate { text: text() },
            P::BeforeEarliest {
                text: text(),
                year: 1970,
            },
            P::AfterToday { date: b, today: a },
            P::AmountEmpty,
            P::AmountNoWhole { text: text() },
            P::AmountSeparators { text: text() },
            P::AmountNotANumber { text: text() },
            P::Negative,
            P::TooManyDecimals,
            P::AmountTooLarge {
                max: Cents(100_000),
            },
            P::UnknownValue {
                what: "incident kind",
                text: text(),
                allowed: vec!["abuse", "other"],
            },
            P::Before {
                date: a,
                other: Field("opened"),
                other_date: b,
            },
            P::Unreadable,
            P::CountEmpty,
            P::NotAWholeNumber { text: text() },
            P::AtMost { max: 365 },
            P::NotAnEmail { text: text() },
            P::NotAnEventKind { text: text() },
            P::NotAnEventId { text: text() },
            P::InvoiceKeepsNumber,
            P::YearOutOfRange { year: 12 },
            P::TooManyNames { n: 6, max: 5 },
            P::NamedTwice,
            P::YearNotBegun {
                year: 2027,
                today: a,
            },
            P::FormerClient {
                name: text(),
                ended: None,
                year: 2026,
            },
            P::FormerClient {
                name: text(),
                ended: Some(a),
                year: 2026,
            },
            P::NotPositive,
            P::DueTooLate {
                issued: a,
                terms_days: 30,
            },
            P::PaidBeforeIssued { paid: a, issued: b },
            P::BeforeRecommendation { date: a, made: b },
            P::DurationEmpty,
            P::NotADuration { text: text() },
            P::MinutesOver59 {
                text: text(),
                hours: 1,
                minutes: 90,
            },
            P::DurationTooLong { minutes: 1500 },
            P::DecidedButOpen,
            P::DecideNeedsStatus,
            P::NothingChosen,
            P::MadeButExisting,
            P::NamesNobody,
        ]
    }

    #[test]
    fn every_problem_is_written_out_in_both_languages() {
        for p in every_problem() {
            let (en, nl) = (p.render(Lang::En), p.render(Lang::Nl));
            for text in [&en, &nl] {
                assert!(
                    !text.is_empty() && !text.contains('{') && !text.contains("valid."),
                    "{p:?}: {text}"
                );
            }
            assert_ne!(en, nl, "{p:?} is not in Dutch");
        }
    }

    #[test]
    fn every_known_field_reads_as_its_key_in_english_and_has_a_dutch_name() {
        let keys = [
            "name",
            "contact",
            "email",
            "phone",
            "MRR",
            "seats",
            "contract start",
            "contract end",
            "notice days",
            "prepaid",
            "payment terms",
            "segment",
            "status",
            "notes",
            "input",
            "opened",
            "closed",
            "kind",
            "reopens",
            "reference",
            "subject",
            "number",
            "amount",
            "issued",
            "due",
            "paid",
            "date",
            "time",
            "note",
            "made",
            "title",
            "decided",
            "year",
            "staff",
            "gut check list",
            "reason",
            "ticket",
            "invoice",
            "recommendation",
            "event",
            "entry",
            "client",
            "review on",
            "new MRR",
            "outcome",
            "file",
            "today",
        ];
        let same_in_dutch = ["MRR", "segment", "status", "ticket"];
        for key in keys {
            assert_eq!(Field(key).label_in(Lang::En), key);
            let dutch = Field(key).label_in(Lang::Nl);
            assert!(
                dutch != key || same_in_dutch.contains(&key),
                "{key} has no Dutch name"
            );
        }
        // A field the catalog does not know reads as its key in both.
        assert_eq!(Field("the app").label_in(Lang::Nl), "the app");
    }

    #[test]
    fn words_written_by_the_caller_stay_as_written() {
        let e = FieldError::new("event", "t4 is voided already");
        assert_eq!(e.line_in(Lang::En), "event t4 is voided already");
        assert_eq!(e.line_in(Lang::Nl), "gebeurtenis: t4 is voided already");
    }
}
