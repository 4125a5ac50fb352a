//! Reading PSA exports: every preset reading its fixture (files built like the real exports:
//! BOMs, CRLF, semicolons and tabs, quoted line breaks, Windows-1252 accents, US and UK
//! dates), the bad rows reported with every problem, and no byte string making the reader
//! or a mapping panic.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::prelude::*;

use rapport::domain::import::{
    CellProblem, Field, ImportKind, ImportRecord, Mapping, Preset, RowError, RowProblem,
};
use rapport::domain::{Cents, ClientStatus, Problem, RecStatus, TicketKind};
use rapport::import::{CsvFile, Encoding};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Each row's line, and its record or every problem in it.
type Read = Vec<(u64, Result<ImportRecord, Vec<RowError>>)>;

/// The file read with the preset its headers point at, which must be `preset`: each row's
/// line and record (or errors).
fn read(name: &str, kind: ImportKind, preset: &str) -> (CsvFile, Read) {
    let file = CsvFile::open(&fixture(name)).unwrap();
    let p = Preset::detect(kind, &file.headers);
    assert_eq!(p.name, preset, "{name}: headers {:?}", file.headers);
    let m = Mapping::resolve(&p, &file.headers, &[], None).unwrap();
    let rows = file
        .rows()
        .unwrap()
        .map(|r| {
            let r = r.unwrap();
            (r.line, m.read(r.line, &r.cells()))
        })
        .collect();
    (file, rows)
}

fn ok(rows: Read) -> Vec<ImportRecord> {
    rows.into_iter()
        .map(|(line, r)| r.unwrap_or_else(|e| panic!("line {line}: {e:?}")))
        .collect()
}

fn ticket(r: &ImportRecord) -> (&str, &rapport::domain::NewTicket) {
    match r {
        ImportRecord::Ticket { client, ticket } => (client, ticket),
        other => panic!("not a ticket: {other:?}"),
    }
}

fn invoice(r: &ImportRecord) -> (&str, &rapport::domain::NewInvoice) {
    match r {
        ImportRecord::Invoice { client, invoice } => (client, invoice),
        other => panic!("not an invoice: {other:?}"),
    }
}

fn time(r: &ImportRecord) -> (&str, &rapport::domain::NewTimeEntry) {
    match r {
        ImportRecord::Time { client, entry } => (client, entry),
        other => panic!("not time: {other:?}"),
    }
}

fn client(r: &ImportRecord) -> &rapport::domain::ClientFields {
    match r {
        ImportRecord::Client(f) => f,
        other => panic!("not a client: {other:?}"),
    }
}

#[test]
fn autotask_tickets_with_bom_crlf_us_dates_and_a_subject_over_two_lines() {
    let (file, rows) = read(
        "autotask-tickets.csv",
        ImportKind::Tickets,
        "autotask-tickets",
    );
    assert_eq!(file.encoding, Encoding::Utf8Bom);
    assert_eq!(
        file.headers[0], "[required] Title",
        "the BOM is not in the first header"
    );
    let lines: Vec<u64> = rows.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        lines,
        [2, 3, 5, 6, 7],
        "a row's line is its first line in the file"
    );
    let recs = ok(rows);
    let (c, t) = ticket(&recs[0]);
    assert_eq!(c, "Café De Hoek");
    // 03/05/2026 2:22 PM is 5 March under the template's m/d/Y.
    assert_eq!(
        (t.opened_on, t.closed_on),
        (d(2026, 3, 5), Some(d(2026, 3, 6)))
    );
    assert_eq!(t.kind, TicketKind::Request);
    assert_eq!(t.external_ref.as_deref(), Some("T20260305.0012"));
    assert_eq!(
        t.subject.as_deref(),
        Some("Outlook keeps asking for password")
    );
    let (c, t) = ticket(&recs[1]);
    assert_eq!(c, "Bakkerij Vermeulen & Zonen");
    assert_eq!(
        t.subject.as_deref(),
        Some("Printer offline in the back office")
    );
    assert_eq!(
        (t.kind, t.escalated, t.closed_on),
        (TicketKind::Incident, true, None)
    );
    // An onboarding issue type is admin work, whatever the ticket type says.
    assert_eq!(ticket(&recs[2]).1.kind, TicketKind::Admin);
    let (_, t) = ticket(&recs[3]);
    assert_eq!(
        (t.kind, t.reopen_count, t.escalated),
        (TicketKind::Incident, 1, false)
    );
    assert_eq!(t.external_ref.as_deref(), Some("T20260413.0007"));
    let (c, t) = ticket(&recs[4]);
    assert_eq!((c, t.kind), ("Zeilmakerij Noordzee", TicketKind::Admin));
}

#[test]
fn syncro_customers_in_windows_1252_name_a_business_or_else_the_person() {
    let (file, rows) = read(
        "syncro-customers.csv",
        ImportKind::Clients,
        "syncro-customers",
    );
    assert_eq!(file.encoding, Encoding::Windows1252);
    let recs = ok(rows);
    let cafe = client(&recs[0]);
    assert_eq!(cafe.name, "Café De Hoek");
    assert_eq!(cafe.contact_name.as_deref(), Some("Sanne de Hoek"));
    assert_eq!(cafe.phone.as_deref(), Some("+31 20 555 0141"));
    assert_eq!(cafe.notes.as_deref(), Some("Opens at 7; call before 10."));
    assert_eq!(
        (cafe.status, cafe.seats, cafe.payment_terms_days),
        (ClientStatus::Active, 1, 30)
    );
    let person = client(&recs[2]);
    assert_eq!(person.name, "Joëlle Smit");
    assert_eq!(person.contact_name.as_deref(), Some("Joëlle Smit"));
    assert_eq!(client(&recs[3]).name, "Zeilmakerij Noordzee");
}

#[test]
fn syncro_invoices_paid_by_flag_count_as_paid_on_their_due_date() {
    let (_, rows) = read(
        "syncro-invoices.csv",
        ImportKind::Invoices,
        "syncro-invoices",
    );
    let recs = ok(rows);
    let (c, i) = invoice(&recs[0]);
    assert_eq!(c, "Reclamebureau Vonk");
    assert_eq!(i.number.as_deref(), Some("1042"));
    assert_eq!(i.external_ref.as_deref(), Some("5501"));
    assert_eq!(i.amount, Cents(123_450), "the total, not the subtotal");
    assert_eq!(
        (i.issued_on, i.due_on, i.paid_on),
        (d(2026, 1, 5), d(2026, 2, 4), Some(d(2026, 3, 20)))
    );
    let (_, i) = invoice(&recs[1]);
    assert_eq!(
        i.paid_on,
        Some(d(2026, 3, 4)),
        "is_paid with no date: paid on the due date"
    );
    let (c, i) = invoice(&recs[2]);
    assert_eq!(
        (c, i.paid_on, i.amount),
        ("Brandt Vastgoed", None, Cents(108_900))
    );
    // With a today before the due date, a paid flag means paid by today.
    let file = CsvFile::open(&fixture("syncro-invoices.csv")).unwrap();
    let m = Mapping::resolve(
        &Preset::named("syncro-invoices").unwrap(),
        &file.headers,
        &[],
        None,
    )
    .unwrap();
    let row = file.rows().unwrap().nth(1).unwrap().unwrap();
    let early = m
        .read_as_of(row.line, &row.cells(), Some(d(2026, 3, 1)))
        .unwrap();
    assert_eq!(invoice(&early).1.paid_on, Some(d(2026, 3, 1)));
}

#[test]
fn connectwise_tickets_mix_us_and_iso_dates_and_read_admin_from_the_subtype() {
    let (file, rows) = read(
        "connectwise-tickets.csv",
        ImportKind::Tickets,
        "connectwise-tickets",
    );
    assert_eq!((file.encoding, file.delimiter), (Encoding::Utf8, b','));
    let recs = ok(rows);
    let (c, t) = ticket(&recs[0]);
    assert_eq!(
        (c, t.opened_on, t.kind),
        (
            "Hartmann & Okafor Advocaten",
            d(2026, 3, 2),
            TicketKind::Incident
        )
    );
    assert_eq!(t.external_ref.as_deref(), Some("48211"));
    let (_, t) = ticket(&recs[1]);
    assert_eq!((t.opened_on, t.kind), (d(2026, 3, 9), TicketKind::Admin));
    let (c, t) = ticket(&recs[2]);
    assert_eq!((c, t.escalated), ("Brandt Vastgoed", true));
    assert_eq!(t.subject.as_deref(), Some("Urgent: \"everything is down\""));
    assert_eq!(ticket(&recs[3]).1.opened_on, d(2026, 1, 7));
}

#[test]
fn connectwise_time_invoices_and_clients() {
    let (_, rows) = read("connectwise-time.csv", ImportKind::Time, "connectwise-time");
    let recs = ok(rows);
    let (c, e) = time(&recs[0]);
    assert_eq!(
        (c, e.worked_on, e.minutes),
        ("Hartmann & Okafor Advocaten", d(2026, 3, 2), 75)
    );
    assert_eq!(e.external_ref.as_deref(), Some("90001"));
    assert_eq!(time(&recs[1]).1.minutes, 210, "hours actual, not billed");

    let (_, rows) = read(
        "connectwise-invoices.csv",
        ImportKind::Invoices,
        "connectwise-invoices",
    );
    let recs = ok(rows);
    let (c, i) = invoice(&recs[0]);
    assert_eq!(
        (c, i.amount, i.paid_on),
        (
            "Van Dijk & Partners Accountants",
            Cents(1_248_000),
            Some(d(2026, 2, 27))
        )
    );
    assert_eq!(i.number.as_deref(), Some("INV-10231"));
    assert_eq!(invoice(&recs[1]).1.paid_on, None);

    let (_, rows) = read(
        "connectwise-clients.csv",
        ImportKind::Clients,
        "connectwise-clients",
    );
    let recs = ok(rows);
    assert_eq!(
        client(&recs[0]).contact_name.as_deref(),
        Some("Erik de Boer")
    );
    assert_eq!(client(&recs[0]).segment.as_deref(), Some("Logistics"));
    assert_eq!(
        client(&recs[1]).status,
        ClientStatus::Former,
        "Inactive is a former client"
    );
}

#[test]
fn halopsa_tickets_with_semicolons_and_uk_dates_count_reopens() {
    let (file, rows) = read(
        "halopsa-tickets.csv",
        ImportKind::Tickets,
        "halopsa-tickets",
    );
    assert_eq!((file.encoding, file.delimiter), (Encoding::Utf8Bom, b';'));
    let recs = ok(rows);
    let (c, t) = ticket(&recs[0]);
    assert_eq!(c, "Fysiotherapie Beweegwijs");
    // 05/03/2026 is 5 March under HaloPSA's d/m/Y.
    assert_eq!(
        (t.opened_on, t.closed_on, t.reopen_count),
        (d(2026, 3, 5), Some(d(2026, 3, 6)), 2)
    );
    assert_eq!(t.external_ref.as_deref(), Some("10452"));
    assert_eq!(
        ticket(&recs[1]).1.kind,
        TicketKind::Admin,
        "a password reset is admin work"
    );
    let (_, t) = ticket(&recs[2]);
    assert_eq!(
        (t.kind, t.escalated, t.opened_on),
        (TicketKind::Incident, true, d(2026, 4, 1))
    );
    assert_eq!(
        t.subject.as_deref(),
        Some("Scanner Wi-Fi roaming; drops in aisle 4")
    );
}

#[test]
fn halopsa_time_in_tabs_invoices_in_1252_euros_and_clients() {
    let (file, rows) = read("halopsa-time.csv", ImportKind::Time, "halopsa-time");
    assert_eq!(file.delimiter, b'\t');
    let recs = ok(rows);
    assert_eq!(time(&recs[0]).1.minutes, 90, "1,5 hours");
    assert_eq!(
        (time(&recs[1]).1.minutes, time(&recs[1]).1.worked_on),
        (45, d(2026, 4, 1))
    );

    let (file, rows) = read(
        "halopsa-invoices.csv",
        ImportKind::Invoices,
        "halopsa-invoices",
    );
    assert_eq!(
        (file.encoding, file.delimiter),
        (Encoding::Windows1252, b';')
    );
    let recs = ok(rows);
    let (c, i) = invoice(&recs[0]);
    assert_eq!((c, i.amount), ("Café De Hoek", Cents(123_450)));
    assert_eq!(
        (i.issued_on, i.due_on, i.paid_on),
        (d(2026, 1, 31), d(2026, 2, 14), Some(d(2026, 2, 20)))
    );
    assert_eq!(invoice(&recs[1]).1.amount, Cents(125_000), "€ 1.250");

    let (_, rows) = read(
        "halopsa-clients.csv",
        ImportKind::Clients,
        "halopsa-clients",
    );
    let recs = ok(rows);
    assert_eq!(client(&recs[0]).name, "Reclamebureau Vonk");
    assert_eq!(client(&recs[0]).segment.as_deref(), Some("Creative"));
}

#[test]
fn the_generic_format_of_every_kind() {
    let (_, rows) = read(
        "generic-clients.csv",
        ImportKind::Clients,
        "generic-clients",
    );
    let recs = ok(rows);
    let cafe = client(&recs[0]);
    assert_eq!(
        (
            cafe.mrr,
            cafe.seats,
            cafe.notice_days,
            cafe.payment_terms_days
        ),
        (Cents(45_000), 6, Some(60), 14)
    );
    assert_eq!(cafe.contract_end, Some(d(2026, 12, 31)));
    assert_eq!(cafe.notes.as_deref(), Some("Opens at 7.\nCall before 10."));
    let new = client(&recs[1]);
    assert_eq!((new.status, new.prepaid), (ClientStatus::Prospect, true));

    let (_, rows) = read(
        "generic-tickets.csv",
        ImportKind::Tickets,
        "generic-tickets",
    );
    let recs = ok(rows);
    let (_, t) = ticket(&recs[0]);
    assert_eq!(t.subject.as_deref(), Some("Explain the SLA, line by line"));
    let (c, t) = ticket(&recs[1]);
    assert_eq!(
        (c, t.escalated, t.reopen_count, t.kind),
        ("Café De Hoek", true, 2, TicketKind::Incident)
    );
    assert_eq!(ticket(&recs[2]).1.kind, TicketKind::Admin);

    let (_, rows) = read(
        "generic-invoices.csv",
        ImportKind::Invoices,
        "generic-invoices",
    );
    let recs = ok(rows);
    assert_eq!(invoice(&recs[0]).1.paid_on, Some(d(2026, 3, 20)));
    let (_, i) = invoice(&recs[1]);
    assert_eq!(i.due_on, d(2026, 3, 3), "no due date: 30 days after issue");
    assert!(i.disputed);

    let (_, rows) = read("generic-time.csv", ImportKind::Time, "generic-time");
    let recs = ok(rows);
    let minutes: Vec<u32> = recs.iter().map(|r| time(r).1.minutes).collect();
    assert_eq!(minutes, [90, 90, 105]);
    assert_eq!(
        time(&recs[1]).1.note.as_deref(),
        Some("Oven controller\nfirmware update")
    );

    let (_, rows) = read(
        "generic-recommendations.csv",
        ImportKind::Recommendations,
        "generic-recommendations",
    );
    let recs = ok(rows);
    let ImportRecord::Recommendation {
        client,
        recommendation: r,
    } = &recs[0]
    else {
        panic!("{:?}", recs[0]);
    };
    assert_eq!(client, "Bouwbedrijf Kuipers");
    assert_eq!(
        (r.security, r.status, r.decided_on),
        (true, RecStatus::Ignored, Some(d(2026, 2, 1)))
    );
    let ImportRecord::Recommendation {
        recommendation: r, ..
    } = &recs[1]
    else {
        panic!()
    };
    assert_eq!(
        r.decided_on,
        Some(d(2026, 2, 15)),
        "decided when made, as a form does"
    );
}

#[test]
fn bad_rows_report_every_problem_with_line_and_column() {
    let (_, rows) = read("bad-tickets.csv", ImportKind::Tickets, "generic-tickets");
    let errors = |i: usize| rows[i].1.clone().unwrap_err();
    let e = errors(0);
    assert_eq!((e[0].line, e[0].column.as_deref()), (2, Some("opened")));
    assert_eq!(e[0].problem, RowProblem::Cell(CellProblem::AmbiguousDate));
    assert_eq!(
        errors(1)[0].problem,
        RowProblem::Ragged {
            cells: 7,
            header: 8
        }
    );
    assert_eq!(errors(2)[0].problem, RowProblem::Missing);
    assert_eq!(errors(2)[0].column.as_deref(), Some("client"));
    assert!(matches!(
        errors(3)[0].problem,
        RowProblem::Invalid(Problem::Before { .. })
    ));
    let e4 = errors(4);
    let all: Vec<(Option<&str>, &RowProblem)> = e4
        .iter()
        .map(|e| (e.column.as_deref(), &e.problem))
        .collect();
    assert_eq!(all.len(), 4, "{all:?}");
    assert_eq!(
        all[0],
        (Some("opened"), &RowProblem::Cell(CellProblem::NotADate))
    );
    assert!(matches!(
        all[1],
        (
            Some("kind"),
            RowProblem::Cell(CellProblem::UnknownValue { .. })
        )
    ));
    assert_eq!(
        all[2],
        (Some("escalated"), &RowProblem::Cell(CellProblem::NotYesNo))
    );
    assert_eq!(all[3].0, Some("reopens"));
    assert!(rows[5].1.is_ok(), "the good row still reads");
    // With the date format given, the ambiguous row reads.
    let file = CsvFile::open(&fixture("bad-tickets.csv")).unwrap();
    let m = Mapping::resolve(
        &Preset::generic(ImportKind::Tickets),
        &file.headers,
        &[],
        Some(rapport::domain::import::DateFormat::DayMonthYear),
    )
    .unwrap();
    let row = file.rows().unwrap().next().unwrap().unwrap();
    assert_eq!(
        ticket(&m.read(row.line, &row.cells()).unwrap()).1.opened_on,
        d(2026, 5, 3)
    );

    let (_, rows) = read("bad-invoices.csv", ImportKind::Invoices, "generic-invoices");
    let problem = |i: usize| rows[i].1.clone().unwrap_err()[0].problem.clone();
    assert_eq!(problem(0), RowProblem::Cell(CellProblem::NegativeAmount));
    assert_eq!(problem(1), RowProblem::Cell(CellProblem::NotAnAmount));
    assert!(matches!(
        problem(2),
        RowProblem::Invalid(Problem::Before { .. })
    ));
}

#[test]
fn dates_after_today_are_refused_as_the_forms_refuse_them() {
    let file = CsvFile::open(&fixture("generic-tickets.csv")).unwrap();
    let m = Mapping::resolve(
        &Preset::generic(ImportKind::Tickets),
        &file.headers,
        &[],
        None,
    )
    .unwrap();
    let row = file.rows().unwrap().next().unwrap().unwrap();
    let e = m
        .read_as_of(row.line, &row.cells(), Some(d(2026, 2, 4)))
        .unwrap_err();
    assert_eq!(e[0].column.as_deref(), Some("closed"));
    assert!(matches!(
        e[0].problem,
        RowProblem::Cell(CellProblem::Invalid(Problem::AfterToday { .. }))
    ));
}

#[test]
fn a_saved_mapping_reads_a_file_the_presets_do_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("eigen.csv");
    std::fs::write(
        &path,
        "Klant;Datum;Duur;Omschrijving\nCafé De Hoek;05-03-2026;1,25;Kassa\n",
    )
    .unwrap();
    let file = CsvFile::open(&path).unwrap();
    let p = Preset::detect(ImportKind::Time, &file.headers);
    assert!(Mapping::resolve(&p, &file.headers, &[], None).is_err());
    let map: Vec<(String, String)> = [
        ("Klant", "client"),
        ("Datum", "date"),
        ("Duur", "hours"),
        ("Omschrijving", "note"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let m = Mapping::resolve(
        &p,
        &file.headers,
        &map,
        rapport::domain::import::DateFormat::parse("d-m-Y"),
    )
    .unwrap();
    let saved = m.to_preset("mijn-uren");
    let again = Mapping::resolve(&saved, &file.headers, &[], None).unwrap();
    assert_eq!(again.columns[2], Some(Field::Hours));
    let row = file.preview(1).unwrap().remove(0);
    let (c, e) = match again.read(row.line, &row.cells()).unwrap() {
        ImportRecord::Time { client, entry } => (client, entry),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        (c.as_str(), e.worked_on, e.minutes),
        ("Café De Hoek", d(2026, 3, 5), 75)
    );
}

#[test]
fn an_empty_file_and_a_utf16_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    assert!(matches!(
        CsvFile::open(&empty),
        Err(rapport::import::ReadError::Empty { .. })
    ));
    let blank = dir.path().join("blank.csv");
    std::fs::write(&blank, "\r\n\r\n").unwrap();
    assert!(matches!(
        CsvFile::open(&blank),
        Err(rapport::import::ReadError::Empty { .. })
    ));
    let utf16 = dir.path().join("utf16.csv");
    std::fs::write(&utf16, b"\xFF\xFEc\x00l\x00").unwrap();
    assert!(matches!(
        CsvFile::open(&utf16),
        Err(rapport::import::ReadError::Utf16 { .. })
    ));
    assert!(matches!(
        CsvFile::open(&dir.path().join("nothing.csv")),
        Err(rapport::import::ReadError::Io { .. })
    ));
}

#[test]
fn rows_stream_and_say_how_far_they_are() {
    let file = CsvFile::open(&fixture("generic-tickets.csv")).unwrap();
    let mut rows = file.rows().unwrap();
    assert!(rows.bytes_read() < file.size);
    for r in rows.by_ref() {
        r.unwrap();
    }
    assert_eq!(rows.bytes_read(), file.size);
    let bom = CsvFile::open(&fixture("halopsa-tickets.csv")).unwrap();
    let mut rows = bom.rows().unwrap();
    rows.by_ref().for_each(|r| drop(r.unwrap()));
    assert_eq!(rows.bytes_read(), bom.size, "the BOM's bytes count too");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the bytes, opening, previewing and reading every row through every kind's
    /// generic mapping (and the Autotask one) ends in values or errors, never a panic.
    #[test]
    fn no_byte_string_makes_the_reader_panic(
        header in prop::sample::select(vec![
            "client,ref,subject,opened,closed,kind,category,status,escalated,reopens\n",
            "client;date;hours;minutes;note\n",
            "name,first_name,last_name,mrr,seats,status,contract_start\n",
            "client,number,issued,due,paid,paid_flag,amount\n",
            "[required] Company,Create Date/Time,Issue Type,[required] Status\n",
            "",
        ]),
        body in prop::collection::vec(any::<u8>(), 0..400),
        texty in prop::collection::vec(
            prop::sample::select(vec![
                "\"", ",", ";", "\t", "\r\n", "\n", "é", "\u{feff}", "03/05/2024", "(1,2.3)",
                "-", "2024-02-30T25:61", "yes", "1:75", "€", "\u{202e}", "x", "99999999999999999",
            ]),
            0..40,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("any.csv");
        let mut bytes = header.as_bytes().to_vec();
        bytes.extend(texty.concat().as_bytes());
        bytes.extend(&body);
        std::fs::write(&path, &bytes).unwrap();
        let Ok(file) = CsvFile::open(&path) else { return Ok(()) };
        let _ = file.preview(3);
        for kind in ImportKind::ALL {
            let preset = Preset::detect(kind, &file.headers);
            let Ok(m) = Mapping::resolve(&preset, &file.headers, &[], None) else { continue };
            let Ok(rows) = file.rows() else { continue };
            for row in rows {
                let Ok(row) = row else { break };
                let _ = m.read(row.line, &row.cells());
                let _ = m.read_as_of(row.line, &row.cells(), NaiveDate::from_ymd_opt(2026, 6, 30));
            }
        }
    }
}

#[test]
fn lines_count_right_whatever_ends_them() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "lf.csv",
            "client,opened\n\"A\nB\",2026-01-01\n\nC,2026-01-02\n",
        ),
        (
            "crlf.csv",
            "client,opened\r\n\"A\r\nB\",2026-01-01\r\n\r\nC,2026-01-02\r\n",
        ),
        (
            "quoted-last.csv",
            "client,opened\r\n\"A\",\"2026-01-01\"\r\nC,2026-01-02",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let file = CsvFile::open(&path).unwrap();
        assert_eq!(file.headers, ["client", "opened"], "{name}");
        let rows: Vec<(u64, Vec<String>)> = file
            .rows()
            .unwrap()
            .map(|r| r.unwrap())
            .map(|r| (r.line, r.cells))
            .collect();
        let last = rows.last().unwrap();
        assert_eq!(last.1, ["C", "2026-01-02"], "{name}: no \\r left on a cell");
        if name != "quoted-last.csv" {
            assert_eq!(
                rows.iter().map(|r| r.0).collect::<Vec<_>>(),
                [2, 5],
                "{name}"
            );
        } else {
            assert_eq!(rows[0].1, ["A", "2026-01-01"]);
        }
    }
    let path = dir.path().join("mac.csv");
    std::fs::write(&path, "client,opened\rA,2026-01-01\rB,2026-01-02\r").unwrap();
    let file = CsvFile::open(&path).unwrap();
    assert_eq!(file.preview(5).unwrap().len(), 2, "old Mac line ends");
}

#[test]
fn excels_sep_line_names_the_delimiter_and_is_not_the_header() {
    // Excel writes `sep=;` as the first line of a CSV saved for another locale; the header
    // is the line after it, and lines are counted as the file has them.
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "sep.csv",
            &b"sep=;\nclient;opened\nA;2026-01-01\nB, C;2026-01-02\n"[..],
        ),
        (
            "sep-bom-crlf.csv",
            &b"\xEF\xBB\xBFsep=;\r\nclient;opened\r\nA;2026-01-01\r\nB, C;2026-01-02\r\n"[..],
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let file = CsvFile::open(&path).unwrap();
        assert_eq!(file.delimiter, b';', "{name}");
        assert_eq!(file.headers, ["client", "opened"], "{name}");
        let mut rows = file.rows().unwrap();
        let read: Vec<(u64, Vec<String>)> = rows
            .by_ref()
            .map(|r| r.unwrap())
            .map(|r| (r.line, r.cells))
            .collect();
        assert_eq!(
            read,
            [
                (3, vec!["A".to_string(), "2026-01-01".to_string()]),
                (4, vec!["B, C".to_string(), "2026-01-02".to_string()]),
            ],
            "{name}"
        );
        assert_eq!(rows.bytes_read(), file.size, "{name}: every byte counted");
    }
    // `sep=` names the delimiter even where the header line alone would say otherwise.
    let path = dir.path().join("sep-tab.csv");
    std::fs::write(&path, "sep=\t\nclient,name\topened\nA,B\t2026-01-01\n").unwrap();
    let file = CsvFile::open(&path).unwrap();
    assert_eq!(file.headers, ["client,name", "opened"]);
}

#[test]
fn a_negative_mrr_must_not_be_negative_it_is_no_credit_note() {
    // An invoice below zero is a credit note rapport does not keep; an MRR below zero is
    // just a wrong number, worded as the client form words it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.csv");
    std::fs::write(&path, "name,mrr\nAcme,-5\n").unwrap();
    let file = CsvFile::open(&path).unwrap();
    let m = Mapping::resolve(
        &Preset::detect(ImportKind::Clients, &file.headers),
        &file.headers,
        &[],
        None,
    )
    .unwrap();
    let row = file.rows().unwrap().next().unwrap().unwrap();
    let errors = m.read(row.line, &row.cells()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].column.as_deref(), Some("mrr"));
    assert!(
        matches!(
            &errors[0].problem,
            RowProblem::Invalid(Problem::Negative)
                | RowProblem::Cell(CellProblem::Invalid(Problem::Negative))
        ),
        "{errors:?}"
    );
    assert_eq!(
        rapport::words::say::import::row_error(&errors[0]),
        "line 2, column \"mrr\" must not be negative"
    );
}

#[test]
fn hours_and_minutes_that_disagree_are_a_bad_row_not_a_silent_pick() {
    // Some exports split a duration over two columns (2 hours, 30 minutes): reading one of
    // them alone would lose two hours. When both say the same (1.5 hours, 90 minutes), fine.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.csv");
    std::fs::write(
        &path,
        "client,date,hours,minutes\nAcme,2026-01-05,1.5,90\nAcme,2026-01-05,1:30,90\nAcme,2026-01-05,2,30\n",
    )
    .unwrap();
    let file = CsvFile::open(&path).unwrap();
    let m = Mapping::resolve(
        &Preset::detect(ImportKind::Time, &file.headers),
        &file.headers,
        &[],
        None,
    )
    .unwrap();
    let rows: Vec<_> = file
        .rows()
        .unwrap()
        .map(|r| r.unwrap())
        .map(|r| m.read(r.line, &r.cells()))
        .collect();
    assert_eq!(time(rows[0].as_ref().unwrap()).1.minutes, 90);
    assert_eq!(time(rows[1].as_ref().unwrap()).1.minutes, 90);
    let errors = rows[2].as_ref().unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].column.as_deref(), Some("minutes"));
    assert_eq!(
        rapport::words::say::import::row_error(&errors[0]),
        "line 4, column \"minutes\": \"30\" is not the \"2\" hours of the same row: \
         leave one of the two columns out with --map COLUMN=-"
    );
}

#[test]
fn a_date_that_fits_only_the_other_order_says_which_format_was_in_force() {
    // An Autotask file (m/d/Y) whose dates are day first: "13/05/2026" is no date under
    // m/d/Y, and the message says so and how to read the file, not "write it like ...".
    use rapport::domain::import::{DateFormat, parse_date};
    let e = parse_date("13/05/2026", Some(DateFormat::MonthDayYear)).unwrap_err();
    assert_eq!(
        e,
        CellProblem::NotInFormat {
            format: DateFormat::MonthDayYear
        }
    );
    assert_eq!(
        rapport::words::say::import::cell_problem("13/05/2026", &e),
        "\"13/05/2026\" is no date in m/d/Y, the file's date format, but is one day first: \
         pass --date-format d/m/Y if the file writes its dates that way"
    );
    let e = parse_date("05/13/2026 10:00", Some(DateFormat::DayMonthYear)).unwrap_err();
    assert_eq!(
        e,
        CellProblem::NotInFormat {
            format: DateFormat::DayMonthYear
        }
    );
    // No reading at all is still no date.
    assert_eq!(
        parse_date("13/13/2026", Some(DateFormat::MonthDayYear)).unwrap_err(),
        CellProblem::NotADate
    );
}
