//! Input that is wrong: refused with exit 2, in one line that names the field and the rule,
//! and nothing written. The same rules in the TUI's forms.

mod common;

use common::{Sandbox, refused, w};

fn with_acme() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&w(
        "client add --name Acme --mrr 1500 --seats 10 --notice-days 30",
    ));
    sb
}

#[test]
fn an_empty_value_is_a_mistake_not_a_reset() {
    let sb = with_acme();
    for flag in ["--mrr", "--seats", "--terms-days", "--notice-days"] {
        let r = refused(
            &sb,
            &["client", "edit", "Acme", flag, ""],
            2,
            &[flag, "is empty"],
        );
        assert!(!r.contains('\n'), "one line: {r}");
    }
    let c = &sb.clients_json()[0];
    assert_eq!(
        (c["mrr_cents"].as_i64(), c["seats"].as_i64()),
        (Some(150_000), Some(10))
    );
    assert_eq!(c["notice_days"], 30);
}

#[test]
fn prepaid_and_not_prepaid_together_is_a_usage_error() {
    let sb = with_acme();
    refused(
        &sb,
        &w("client edit Acme --prepaid --not-prepaid"),
        2,
        &["--prepaid", "--not-prepaid"],
    );
}

#[test]
fn an_edit_without_a_change_says_so_and_writes_nothing() {
    let sb = with_acme();
    refused(
        &sb,
        &w("client edit Acme"),
        2,
        &["nothing to change", "--mrr"],
    );
    let before = std::fs::read(&sb.db).unwrap();
    let out = sb.ok(&w("client edit acme --mrr 1,500 --seats 10"));
    assert_eq!(out, "nothing changed: 'Acme' already has these values\n");
    assert_eq!(std::fs::read(&sb.db).unwrap(), before, "not a byte written");
}

#[test]
fn evidence_dated_after_today_or_before_1970_is_refused() {
    let sb = with_acme();
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --number INV-1 --issued 2026-06-01",
    ));
    let cases: &[(&str, &[&str])] = &[
        (
            "log ticket --client Acme --opened 2030-01-01",
            &["opened 2030-01-01 is after today (2026-06-30)"],
        ),
        (
            "log ticket --client Acme --opened 2026-06-01 --closed 2026-07-01",
            &["closed 2026-07-01 is after today"],
        ),
        (
            "log payment --client Acme --invoice INV-1 --date 2099-01-01",
            &["date 2099-01-01 is after today"],
        ),
        (
            "log invoice --client Acme --amount 100 --issued 9999-12-31",
            &["issued 9999-12-31 is after today"],
        ),
        (
            "log invoice --client Acme --amount 100 --paid 2026-07-01",
            &["paid 2026-07-01 is after today"],
        ),
        (
            "log time --client Acme --duration 1h --date 2026-12-01",
            &["date 2026-12-01 is after today"],
        ),
        (
            "log recommendation --client Acme --title X --made 2027-01-01",
            &["made 2027-01-01 is after today"],
        ),
        (
            "log incident --client Acme --kind abuse --date 2026-07-01",
            &["date 2026-07-01 is after today"],
        ),
        (
            "vote --year 2030 --staff Sam Acme",
            &["year 2030 has not begun"],
        ),
        (
            "log ticket --client Acme --opened 0000-01-01",
            &["'0000-01-01' is before 1970"],
        ),
        (
            "log invoice --client Acme --amount 100 --due 0000-01-01",
            &["is before 1970"],
        ),
    ];
    for (args, words) in cases {
        let msg = refused(&sb, &w(args), 2, words);
        assert!(
            !msg.contains("CHECK") && !msg.contains("constraint"),
            "{msg}"
        );
    }
    // A due date ahead is normal.
    sb.ok(&w(
        "log invoice --client Acme --amount 100 --issued 2026-06-30 --due 2026-08-01",
    ));
}

#[test]
fn an_invoice_of_zero_or_less_is_refused() {
    let sb = with_acme();
    for amount in ["0", "0.00", "-5"] {
        refused(
            &sb,
            &["log", "invoice", "--client", "Acme", "--amount", amount],
            2,
            &["amount must"],
        );
    }
}

#[test]
fn numbers_too_large_say_the_largest_allowed() {
    let sb = with_acme();
    for (flag, value, words) in [
        ("--seats", "99999999999", "seats must be at most 100000"),
        (
            "--notice-days",
            "1000000000000",
            "notice days must be at most 3650",
        ),
        (
            "--terms-days",
            "4294967296",
            "payment terms must be at most 365",
        ),
        (
            "--mrr",
            "99999999999999999999",
            "MRR must be at most 1,000,000,000,000",
        ),
    ] {
        refused(&sb, &["client", "edit", "Acme", flag, value], 2, &[words]);
    }
}

#[test]
fn mistakes_the_user_can_fix_exit_2() {
    let sb = with_acme();
    for (args, words) in [
        (
            "log payment --client Acme --invoice INV-9",
            "not one of this client's invoice numbers",
        ),
        ("log reopen --client Acme", "ticket to reopen is missing"),
        (
            "log escalation --client Acme",
            "ticket to escalate is missing",
        ),
    ] {
        refused(&sb, &w(args), 2, &[words]);
    }
}

#[test]
fn the_tuis_log_forms_refuse_a_date_after_today_as_the_command_line_does() {
    use rapport::domain::{Cents, LogEntry};
    use rapport::tui::forms::{LogChoices, LogKind, log_entry, log_form};
    let today = common::date("2026-06-30");
    let choices = LogChoices {
        tickets: Vec::new(),
        unpaid: Vec::new(),
        open_recommendations: Vec::new(),
        mrr: Cents(150_000),
        terms_days: 30,
        currency: "€".into(),
        today,
    };
    let mut form = log_form(LogKind::Ticket, "Acme", today, &choices).unwrap();
    form.set_value("opened", "2030-01-01");
    let e = log_entry(LogKind::Ticket, &form, &choices).unwrap_err();
    assert!(
        e.for_field("opened")
            .is_some_and(|m| m.contains("is after today")),
        "{e}"
    );
    form.set_value("opened", "2026-06-30");
    assert!(matches!(
        log_entry(LogKind::Ticket, &form, &choices),
        Ok((LogEntry::Ticket(_), _))
    ));
}
