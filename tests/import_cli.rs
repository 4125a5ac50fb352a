//! `rapport import` on a temporary database: the mapping shown before the summary, a dry
//! run that writes nothing, the same file twice adding nothing, --json, --map, --value,
//! --save-preset then --preset alone, unknown clients, bad rows and missing files (exit 2,
//! one line, nothing written), and the presets' fixture files.

mod common;

use std::fs;

use common::{Sandbox, column, count, mode, w};

const TICKETS: &str = "client,ref,subject,opened,closed,kind,category,status,escalated,reopens\n\
\"CAFÉ de hoek\",T-1,\"Printer, again\",2026-01-05,2026-01-06,incident,,Closed,no,0\n\
Café De Hoek,T-2,\"Password\nreset\",2026-01-07,,admin,,Escalated,,\n\
Acme,A-1,VPN,2026-02-01,,request,,,,\n";

fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    s.run(&["client", "add", "--name", "Café De Hoek"]).ok();
    s.run(&["client", "add", "--name", "Acme"]).ok();
    s
}

fn file(s: &Sandbox, name: &str, text: &str) -> String {
    let path = s.path(name);
    fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_dry_run_shows_the_mapping_and_what_would_happen_and_writes_nothing() {
    let s = sandbox();
    let f = file(&s, "t.csv", TICKETS);
    let out = s.run(&["import", "tickets", &f, "--dry-run"]);
    let text = out.ok();
    assert!(text.contains("preset generic-tickets"), "{text}");
    assert!(text.contains("client     -> client"), "{text}");
    assert!(text.contains("counts as escalated"), "{text}");
    let mapping_at = text.find("-> client").unwrap();
    let summary_at = text
        .find("Dry run, nothing written: 3 added, 0 updated, 0 unchanged, 0 skipped (3 rows)")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(mapping_at < summary_at, "the mapping comes first: {text}");
    assert_eq!(count(&s.db, "tickets"), 0);
}

#[test]
fn the_same_file_twice_adds_nothing() {
    let s = sandbox();
    let f = file(&s, "t.csv", TICKETS);
    let first = s.run(&["import", "tickets", &f]);
    assert!(first.ok().contains("Imported: 3 added"), "{first:?}");
    let second = s.run(&["import", "tickets", &f]);
    assert!(
        second
            .ok()
            .contains("Imported: 0 added, 0 updated, 3 unchanged, 0 skipped (3 rows)"),
        "{second:?}"
    );
    assert_eq!(count(&s.db, "tickets"), 3);
    // The quoted subject with a line break in it is one row, its subject on one line.
    let subjects = column(&s.db, "SELECT subject FROM tickets ORDER BY id");
    assert_eq!(subjects[1], "Password reset");
}

#[test]
fn json_says_the_same_with_english_keys() {
    let s = sandbox();
    let f = file(&s, "t.csv", TICKETS);
    let out = s.run(&["--lang", "nl", "import", "tickets", &f, "--json"]);
    let v: serde_json::Value = serde_json::from_str(out.ok()).unwrap();
    assert_eq!(v["added"], 3);
    assert_eq!(v["written"], true);
    assert_eq!(v["preset"], "generic-tickets");
    assert_eq!(v["mapping"]["columns"][0]["column"], "client");
    assert_eq!(v["mapping"]["columns"][0]["field"], "client");
    assert_eq!(v["unknown_clients"], serde_json::json!([]));
}

#[test]
fn map_and_value_reshape_a_file_with_its_own_headers() {
    let s = sandbox();
    let f = file(
        &s,
        "cw.csv",
        "Company Name;Ticket #;Summary;Date Entered;Board\nAcme;99;Invoice question;2026-03-02;Billing\n",
    );
    let out = s.run(&[
        "import",
        "tickets",
        &f,
        "--map",
        "Company Name=client",
        "--map",
        "Ticket #=ref",
        "--map",
        "Date Entered=opened",
        "--map",
        "Board=kind",
        "--value",
        "kind:billing=admin",
    ]);
    let text = out.ok();
    assert!(text.contains("Company Name  -> client"), "{text}");
    let admin = text.lines().find(|l| l.starts_with("  admin: a type of"));
    assert!(admin.is_some_and(|l| l.contains("'billing'")), "{text}");
    assert_eq!(column(&s.db, "SELECT kind FROM tickets"), vec!["admin"]);
}

#[test]
fn a_saved_preset_needs_no_other_flags_next_time() {
    let s = Sandbox::new();
    let db = s.db.display().to_string();
    let run = |args: &[&str]| {
        let out = s
            .bare_cmd()
            .env("RAPPORT_DB", &db)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(run(&["client", "add", "--name", "Acme"]).0, 0);
    let f = file(&s, "cw.csv", "Company;Ticket;Entered\nAcme;7;03/05/2026\n");
    let (code, out, err) = run(&[
        "import",
        "tickets",
        &f,
        "--map",
        "Company=client",
        "--map",
        "Ticket=ref",
        "--map",
        "Entered=opened",
        "--date-format",
        "d/m/Y",
        "--save-preset",
        "my-cw",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Saved this mapping as preset 'my-cw'"),
        "{out}"
    );
    let config = s.path("home/config/rapport/config.toml");
    assert_eq!(mode(&config) & 0o777, 0o600);
    assert_eq!(mode(config.parent().unwrap()) & 0o777, 0o700);
    assert!(
        fs::read_to_string(&config)
            .unwrap()
            .contains("[import.presets.\"my-cw\"]")
    );
    assert_eq!(
        column(&s.db, "SELECT opened_on FROM tickets"),
        vec!["2026-05-03"]
    );
    // Next time: the preset alone.
    let (code, out, err) = run(&["import", "tickets", &f, "--preset", "my-cw"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("dates are read as d/m/Y"), "{out}");
    assert!(out.contains("0 added, 0 updated, 1 unchanged"), "{out}");
    // The name is taken now: refused before anything is read or written.
    let before = fs::read_to_string(&config).unwrap();
    let (code, out, err) = run(&[
        "import",
        "tickets",
        &f,
        "--preset",
        "my-cw",
        "--save-preset",
        "MY-CW",
    ]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("exists already"), "{err}");
    assert_eq!(fs::read_to_string(&config).unwrap(), before);
}

#[test]
fn saving_a_preset_keeps_the_comments_of_the_users_config() {
    let s = sandbox();
    let config = s.path("config.toml");
    fs::write(
        &config,
        "# my settings\n[display]\ntheme = \"light\" # easier on the eyes\n",
    )
    .unwrap();
    let f = file(&s, "t.csv", TICKETS);
    let out = s
        .cmd()
        .env("RAPPORT_CONFIG", &config)
        .args([
            "import",
            "tickets",
            &f,
            "--dry-run",
            "--save-preset",
            "mine",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = fs::read_to_string(&config).unwrap();
    assert!(text.starts_with("# my settings\n[display]\ntheme = \"light\" # easier on the eyes\n\n[import.presets.\"mine\"]\nkind = \"tickets\"\n"), "{text}");
    assert_eq!(mode(&config) & 0o777, 0o600);
}

#[test]
fn saving_into_a_config_that_is_no_file_is_refused_before_the_import() {
    let s = sandbox();
    let f = file(&s, "t.csv", TICKETS);
    // The sandbox's config is /dev/null.
    s.run(&["import", "tickets", &f, "--save-preset", "x"])
        .invalid(&["/dev/null", "--config"]);
    assert_eq!(count(&s.db, "tickets"), 0);
}

#[test]
fn unknown_clients_are_named_with_a_hint_or_created() {
    let s = sandbox();
    let f = file(
        &s,
        "t.csv",
        "client,ref,opened\nGlobex,1,2026-01-01\nglobex,2,2026-01-02\nAcme,3,2026-01-03\n",
    );
    let out = s.run(&["import", "tickets", &f]);
    let text = out.ok();
    assert!(
        text.contains("1 added, 0 updated, 0 unchanged, 2 skipped"),
        "{text}"
    );
    assert!(
        text.contains("skipped 2 rows of 'Globex': not a client"),
        "{text}"
    );
    assert!(text.contains("--create-clients"), "{text}");
    let out = s.run(&["import", "tickets", &f, "--create-clients"]);
    let text = out.ok();
    assert!(text.contains("Created 1 client: Globex"), "{text}");
    assert!(text.contains("2 added, 0 updated, 1 unchanged"), "{text}");
}

#[test]
fn one_bad_row_writes_nothing_and_every_bad_row_is_listed() {
    let s = sandbox();
    let f = file(
        &s,
        "t.csv",
        "client,ref,opened\nAcme,1,2026-01-01\nAcme,2,2026-13-01\nAcme,3,03/05/2026\nAcme,4,2026-01-04\n",
    );
    let out = s.run(&["import", "tickets", &f]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stdout
            .contains("Nothing written; without the bad rows it would be: 2 added"),
        "{out:?}"
    );
    assert!(out.stdout.contains("line 3"), "{out:?}");
    assert!(out.stdout.contains("line 4"), "{out:?}");
    assert!(out.stdout.contains("2026-13-01"), "{out:?}");
    let err = out.stderr.trim_end();
    assert!(!err.contains('\n'), "{err}");
    assert!(
        err.starts_with("rapport: nothing written: 2 bad rows in"),
        "{err}"
    );
    assert_eq!(count(&s.db, "tickets"), 0);
    // JSON too: the bad rows with their lines, and the same exit code.
    let out = s.run(&["import", "tickets", &f, "--json"]);
    assert_eq!(out.code, 2);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["written"], false);
    assert_eq!(v["bad_rows"][0]["line"], 3);
    assert_eq!(v["bad_rows"][0]["column"], "opened");
    assert_eq!(v["bad_rows"][0]["value"], "2026-13-01");
}

#[test]
fn a_missing_file_an_unknown_preset_or_a_bad_flag_says_so_in_one_line() {
    let s = Sandbox::new();
    let missing = s.path("nope.csv").display().to_string();
    s.run(&["import", "tickets", &missing])
        .invalid(&["nope.csv", "does not exist"]);
    assert!(
        !s.db.exists(),
        "nothing is created for a file that is not there"
    );
    let f = file(&s, "t.csv", TICKETS);
    s.run(&["import", "tickets", &f, "--preset", "psa9000"])
        .invalid(&["psa9000", "autotask-tickets", "generic-tickets"]);
    s.run(&["import", "tickets", &f, "--preset", "syncro-customers"])
        .invalid(&["syncro-customers", "clients"]);
    s.run(&["import", "tickets", &f, "--date-format", "yyyy"])
        .invalid(&["--date-format", "d/m/Y"]);
    s.run(&["import", "tickets", &f, "--value", "Billing=admin"])
        .invalid(&["--value", "kind:VALUE"]);
    s.run(&["import", "tickets", &f, "--map", "nothing"])
        .invalid(&["--map", "COLUMN=FIELD"]);
    let empty = file(&s, "empty.csv", "");
    s.run(&["import", "tickets", &empty]).fails(2);
    assert!(!s.db.exists());
    let out = s.run(&w("import cars x.csv"));
    assert_eq!(out.code, 2);
}

#[test]
fn the_summary_is_in_dutch_with_lang_nl() {
    let s = sandbox();
    let f = file(&s, "t.csv", TICKETS);
    let out = s.run(&["--lang", "nl", "import", "tickets", &f, "--dry-run"]);
    let text = out.ok();
    assert!(
        text.contains("lezen als tickets, voorinstelling generic-tickets"),
        "{text}"
    );
    assert!(
        text.contains("Proefrun, niets geschreven: 3 toegevoegd, 0 bijgewerkt, 0 ongewijzigd"),
        "{text}"
    );
}

/// Every preset's fixture (built to look like the real export): read with its preset,
/// clients created, then the same file again adds nothing.
#[test]
fn every_presets_fixture_imports_and_imports_again_as_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut seen = 0;
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    names.sort();
    for path in names {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if stem.starts_with("bad-") {
            continue;
        }
        let kind = match stem.rsplit('-').next().unwrap() {
            "customers" | "clients" => "clients",
            other => other,
        };
        let s = Sandbox::new();
        let f = path.display().to_string();
        let args = ["import", kind, &f, "--preset", &stem, "--create-clients"];
        let first = s.run(&args);
        let text = first.ok();
        assert!(
            text.contains(&format!("preset {stem}")) && !text.contains("Imported: 0 added"),
            "{stem}: {text}"
        );
        let again = s.run(&args);
        assert!(
            again.ok().contains("Imported: 0 added, 0 updated"),
            "{stem} a second time: {again:?}"
        );
        seen += 1;
    }
    assert!(seen >= 10, "the fixtures are there: {seen}");
}

#[test]
fn a_bad_fixture_writes_nothing_and_lists_its_rows() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for (kind, name) in [
        ("tickets", "bad-tickets.csv"),
        ("invoices", "bad-invoices.csv"),
    ] {
        let s = Sandbox::new();
        let f = dir.join(name).display().to_string();
        let out = s.run(&["import", kind, &f, "--create-clients"]);
        assert_eq!(out.code, 2, "{out:?}");
        assert!(out.stdout.contains("Bad rows:"), "{out:?}");
        assert!(
            out.stderr.starts_with("rapport: nothing written"),
            "{out:?}"
        );
        assert_eq!(count(&s.db, "clients"), 0, "{name}: not even the clients");
    }
}

#[test]
fn one_row_is_one_row_in_the_summary() {
    let s = sandbox();
    let f = file(
        &s,
        "one.csv",
        "client,ref,opened,kind\nCafé De Hoek,O-1,2026-01-05,incident\n",
    );
    let out = s.run(&["import", "tickets", &f, "--dry-run"]);
    assert!(
        out.ok().contains(
            "Dry run, nothing written: 1 added, 0 updated, 0 unchanged, 0 skipped (1 row)\n"
        ),
        "{out:?}"
    );
    let out = s.run(&["--lang", "nl", "import", "tickets", &f, "--dry-run"]);
    assert!(out.ok().contains("overgeslagen (1 rij)\n"), "{out:?}");
}

#[test]
fn value_rules_on_a_file_without_tickets_are_refused_not_ignored() {
    let s = sandbox();
    let f = file(&s, "c.csv", "name,mrr\nNew Client,100\n");
    s.run(&["import", "clients", &f, "--value", "kind:Billing=admin"])
        .invalid(&["--value", "tickets", "clients"]);
    assert_eq!(count(&s.db, "clients"), 2, "nothing written");
}

#[test]
fn an_unknown_client_spelled_without_its_accents_names_the_client_it_may_be() {
    // A PSA export that lost the accents ("Cafe De Hoek") is not silently a new client:
    // the skipped line names the client it may be, before --create-clients makes a second.
    let s = sandbox();
    let f = file(
        &s,
        "t.csv",
        "client,ref,opened,kind\nCafe de Hoek,N-1,2026-01-05,incident\nGlobex,N-2,2026-01-05,incident\n",
    );
    let out = s.run(&["import", "tickets", &f, "--dry-run"]);
    let text = out.ok();
    assert!(
        text.contains(
            "skipped 1 row of 'Cafe de Hoek': not a client; 'Café De Hoek' is (only accents or case differ): write the name as rapport has it"
        ),
        "{text}"
    );
    assert!(
        text.contains("skipped 1 row of 'Globex': not a client\n"),
        "{text}"
    );
    let out = s.run(&["--lang", "nl", "import", "tickets", &f, "--dry-run"]);
    assert!(out.ok().contains("'Café De Hoek'"), "{out:?}");
}

#[test]
fn a_date_after_today_is_a_bad_row_as_in_the_forms() {
    // RAPPORT_TODAY is 2026-06-30 in the sandbox: the forms refuse a ticket opened or time
    // worked after it, and so does the import.
    let s = sandbox();
    let f = file(
        &s,
        "t.csv",
        "client,ref,opened,kind\nCafé De Hoek,F-1,2027-03-01,incident\nCafé De Hoek,F-2,2026-06-30,incident\n",
    );
    let out = s.run(&["import", "tickets", &f]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("1 bad row"), "{out:?}");
    assert!(
        out.stdout
            .contains("line 2, column \"opened\" 2027-03-01 is after today (2026-06-30)"),
        "{out:?}"
    );
    assert_eq!(count(&s.db, "tickets"), 0);
    let f = file(
        &s,
        "w.csv",
        "client,ref,date,hours\nCafé De Hoek,W-1,2027-03-01,1\n",
    );
    let out = s.run(&["import", "time", &f]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.contains("after today"), "{out:?}");
    assert_eq!(count(&s.db, "time_entries"), 0);
}
