//! The clients who carry the guide's story: the anchors, the villains, the noisy ones and the
//! demanding-but-good one. Their names are public so tests and screens can point at them.

use super::profile::{
    Advice, BASE, Outcome, PAYS_IN_TERMS, PREPAYS, Pay, Profile, STEADY, Work, moment, project, rec,
};
use crate::domain::ClientStatus::Former;
use crate::domain::IncidentKind::{Abuse, Disrespect, Other, Security, UnreasonableDemand};

/// D1, D2, D4: shouts at staff, overrules advice, floods the desk with tickets.
pub const ABUSIVE: &str = "Brandt Vastgoed";
/// D5: fine a year ago, now pays 20-60 days late and has an invoice over 30 days overdue.
pub const LATE_PAYER: &str = "Reclamebureau Vonk";
/// R2, D2, D3: ignores security advice, and has the incidents to show for it.
pub const SECURITY_IGNORER: &str = "Bouwbedrijf Kuipers";
/// C2: many questions and requests, but pays early and takes advice. Challenging, not bad.
pub const DEMANDING: &str = "Hartmann & Okafor Advocaten";
/// C1: the two largest clients, together about a third of the revenue.
pub const ANCHORS: [&str; 2] = ["Van Dijk & Partners Accountants", "Rijnmond Logistics B.V."];
/// R1: little revenue, many tickets and hours.
pub const NOISY: [&str; 3] = [
    "Café De Hoek",
    "Bakkerij Vermeulen & Zonen",
    "Fysiotherapie Beweegwijs",
];
/// Let go last year after abuse of staff; the previous gut check still names it.
pub const FORMER_ABUSIVE: &str = "Autobedrijf Jansen";

/// The story's clients, the big ones first.
pub(super) const STORY: &[Profile] = &[
    Profile {
        name: ANCHORS[0],
        contact: "Marieke van Dijk",
        email: "marieke@vandijkpartners.example",
        phone: "+31 30 555 0110",
        segment: "accounting",
        seats: 110,
        mrr_euros: 14_300,
        terms_days: 14,
        prepaid: true,
        since_months: 74,
        term_years: Some(3),
        notice_days: Some(90),
        notes: "Largest client. Quarterly review with the partners.",
        work: Work {
            tickets_per_seat_milli: 100,
            upkeep_min_per_seat: 30,
            ..STEADY
        },
        pay: PREPAYS,
        advice: Advice::Usual {
            count: 6,
            ignored: 1,
        },
        projects: &[
            project(300, "Laptop refresh, 40 machines", 21_500, 70),
            project(120, "Move to Microsoft 365 E5 and Intune", 8_400, 46),
        ],
        ..BASE
    },
    Profile {
        name: ANCHORS[1],
        contact: "Erik de Boer",
        email: "e.deboer@rijnmondlogistics.example",
        phone: "+31 10 555 0187",
        segment: "logistics",
        seats: 85,
        mrr_euros: 10_900,
        since_months: 50,
        term_years: Some(2),
        notice_days: Some(90),
        notes: "Warehouse runs two shifts; scanners are business-critical.",
        work: Work {
            tickets_per_seat_milli: 120,
            ..STEADY
        },
        pay: Pay {
            after_days: (10, 28),
            ..PAYS_IN_TERMS
        },
        advice: Advice::Usual {
            count: 5,
            ignored: 1,
        },
        projects: &[
            project(410, "Warehouse Wi-Fi upgrade", 9_800, 52),
            project(60, "Handheld scanner roll-out", 6_200, 34),
        ],
        ..BASE
    },
    Profile {
        name: DEMANDING,
        contact: "mr. Evelyn Hartmann",
        email: "e.hartmann@hartmann-okafor.example",
        phone: "+31 20 555 0163",
        segment: "legal",
        seats: 60,
        mrr_euros: 8_400,
        terms_days: 14,
        prepaid: true,
        since_months: 38,
        term_years: Some(2),
        notice_days: Some(60),
        notes: "Asks a lot and wants every decision explained; listens, decides, pays early.",
        work: Work {
            tickets_per_seat_milli: 380,
            kinds: [20, 45, 35],
            escalate_pct: 2,
            effort_pct: 75,
            upkeep_min_per_seat: 30,
            ..STEADY
        },
        pay: PREPAYS,
        advice: Advice::Scripted(&[
            rec(
                500,
                "Enable MFA on every Microsoft 365 account",
                true,
                Outcome::Implemented(9),
            ),
            rec(
                430,
                "Encrypt all laptops with BitLocker",
                true,
                Outcome::Implemented(21),
            ),
            rec(
                340,
                "Replace the dictation hardware",
                false,
                Outcome::Ignored(30),
            ),
            rec(
                260,
                "Security awareness training for all staff",
                true,
                Outcome::Implemented(35),
            ),
            rec(
                190,
                "Move client files into the document management system",
                false,
                Outcome::Implemented(40),
            ),
            rec(
                120,
                "Block sign-ins from outside the EU",
                true,
                Outcome::Implemented(18),
            ),
            rec(
                45,
                "Replace the 2016 file server",
                false,
                Outcome::Implemented(25),
            ),
            rec(
                12,
                "Test a full restore of the case archive",
                true,
                Outcome::Open,
            ),
        ]),
        incidents: &[
            moment(
                230,
                Other,
                "Asked for a written explanation of every line of the SLA; sent it, no further questions",
            ),
            moment(
                95,
                Other,
                "Long call questioning the new price list; agreed once we walked through the costs",
            ),
        ],
        projects: &[project(
            210,
            "Document management system migration",
            17_500,
            120,
        )],
        ..BASE
    },
    Profile {
        name: SECURITY_IGNORER,
        contact: "Henk Kuipers",
        email: "henk@kuipersbouw.example",
        phone: "+31 6 5550 1288",
        segment: "construction",
        seats: 30,
        mrr_euros: 2_600,
        since_months: 56,
        notes: "Owner decides on IT himself. Site laptops are shared; MFA refused.",
        work: Work {
            tickets_per_seat_milli: 250,
            trend_pct: (90, 130),
            kinds: [70, 22, 8],
            reopen_pct: 9,
            escalate_pct: 4,
            effort_pct: 115,
            upkeep_min_per_seat: 24,
            ..STEADY
        },
        pay: Pay {
            after_days: (12, 29),
            ..PAYS_IN_TERMS
        },
        advice: Advice::Scripted(&[
            rec(
                470,
                "Enable MFA on every Microsoft 365 account",
                true,
                Outcome::Ignored(20),
            ),
            rec(
                330,
                "Replace the Windows 10 laptops on the building sites",
                true,
                Outcome::Ignored(30),
            ),
            rec(
                280,
                "Stop sharing one admin password across the sites",
                true,
                Outcome::Ignored(10),
            ),
            rec(
                200,
                "Enable MFA now: the phishing attack would have failed with it",
                true,
                Outcome::Ignored(14),
            ),
            rec(
                150,
                "Keep a copy of the backups off-site",
                true,
                Outcome::Implemented(40),
            ),
            rec(
                90,
                "Remove local admin rights from the site laptops",
                true,
                Outcome::Ignored(21),
            ),
            rec(
                30,
                "Update the firewall firmware (critical vulnerability)",
                true,
                Outcome::Open,
            ),
        ]),
        incidents: &[
            moment(
                510,
                Security,
                "Site laptop stolen from a van; no disk encryption, client drawings exposed",
            ),
            moment(
                300,
                Other,
                "Cancelled the MFA roll-out meeting: 'my people will not put up with that'",
            ),
            moment(
                228,
                Security,
                "Phishing: the site manager's mailbox was taken over and sent fake invoices to suppliers",
            ),
            moment(
                112,
                Security,
                "Ransomware on an unpatched site laptop; contained, two days of clean-up",
            ),
        ],
        projects: &[project(
            108,
            "Ransomware recovery: rebuild three laptops, restore the shares",
            4_850,
            36,
        )],
        ..BASE
    },
    Profile {
        name: LATE_PAYER,
        contact: "Dennis Vonk",
        email: "dennis@vonkreclame.example",
        phone: "+31 6 5550 3471",
        segment: "marketing",
        seats: 14,
        mrr_euros: 1_650,
        terms_days: 14,
        since_months: 34,
        notes: "Pays late again and again; every invoice needs chasing.",
        work: Work {
            tickets_per_seat_milli: 180,
            kinds: [50, 38, 12],
            ..STEADY
        },
        pay: Pay {
            after_days: (4, 14),
            slips: false,
            dispute_pct: 10,
            chronic: true,
        },
        incidents: &[
            moment(
                75,
                Other,
                "Third payment reminder unanswered; promised to pay 'when our big client pays us'",
            ),
            moment(
                20,
                Other,
                "Invoice more than a month overdue; calls go to voicemail",
            ),
        ],
        ..BASE
    },
    Profile {
        name: ABUSIVE,
        contact: "Rob Brandt",
        email: "rob@brandtvastgoed.example",
        phone: "+31 6 5550 9012",
        segment: "real estate",
        seats: 12,
        mrr_euros: 1_250,
        terms_days: 14,
        since_months: 40,
        notes: "Escalates everything to the owner; staff dread his calls.",
        work: Work {
            tickets_per_seat_milli: 1_700,
            trend_pct: (75, 135),
            kinds: [62, 28, 10],
            reopen_pct: 22,
            escalate_pct: 16,
            effort_pct: 120,
            weekends: true,
            upkeep_min_per_seat: 30,
        },
        pay: Pay {
            after_days: (8, 14),
            dispute_pct: 30,
            ..PAYS_IN_TERMS
        },
        advice: Advice::Scripted(&[
            rec(
                400,
                "Replace the end-of-life firewall",
                true,
                Outcome::Ignored(12),
            ),
            rec(
                260,
                "Stop forwarding company mail to private Gmail accounts",
                true,
                Outcome::Ignored(3),
            ),
            rec(
                180,
                "Enable MFA on all mailboxes",
                true,
                Outcome::Implemented(60),
            ),
            rec(
                70,
                "Retire the Windows 7 PC in the back office",
                true,
                Outcome::Open,
            ),
        ]),
        incidents: &[
            moment(430, Abuse, "Swore at the engineer on site over a slow NAS"),
            moment(
                245,
                Abuse,
                "Demeaning email to the service desk: 'even my nephew could do this'",
            ),
            moment(
                200,
                UnreasonableDemand,
                "Insists on 24/7 phone support on a business-hours contract",
            ),
            moment(
                150,
                Disrespect,
                "Overruled our firewall advice in front of his staff: 'I know better, just open the ports'",
            ),
            moment(
                118,
                Abuse,
                "Eleven angry texts on a Saturday at 21:00 about a non-urgent mailbox rule",
            ),
            moment(
                60,
                UnreasonableDemand,
                "Demanded a fully set-up laptop by 10:00 for a hire announced at 9:00",
            ),
            moment(
                32,
                Abuse,
                "Shouted at Priya on the phone about a printer jam, then hung up",
            ),
        ],
        ..BASE
    },
    Profile {
        name: NOISY[0],
        contact: "Yasmina El Amrani",
        email: "yasmina@cafedehoek.example",
        phone: "+31 6 5550 7720",
        segment: "hospitality",
        seats: 6,
        mrr_euros: 390,
        terms_days: 14,
        since_months: 27,
        term_years: None,
        notes: "Till and guest Wi-Fi; calls for everything, often in the evening.",
        work: Work {
            tickets_per_seat_milli: 1_800,
            trend_pct: (100, 110),
            kinds: [75, 20, 5],
            reopen_pct: 12,
            escalate_pct: 2,
            effort_pct: 75,
            weekends: true,
            upkeep_min_per_seat: 20,
        },
        pay: Pay {
            after_days: (3, 13),
            ..PAYS_IN_TERMS
        },
        advice: Advice::Usual {
            count: 3,
            ignored: 1,
        },
        ..BASE
    },
    Profile {
        name: NOISY[1],
        contact: "Kees Vermeulen",
        email: "kees@bakkerijvermeulen.example",
        phone: "+31 6 5550 4419",
        segment: "food retail",
        seats: 8,
        mrr_euros: 480,
        terms_days: 14,
        since_months: 45,
        notes: "Three shops; the tills and the ordering tablet break often.",
        work: Work {
            tickets_per_seat_milli: 1_600,
            kinds: [65, 25, 10],
            reopen_pct: 10,
            escalate_pct: 3,
            effort_pct: 80,
            weekends: true,
            upkeep_min_per_seat: 30,
            ..STEADY
        },
        pay: Pay {
            after_days: (3, 13),
            slips: true,
            ..PAYS_IN_TERMS
        },
        advice: Advice::Usual {
            count: 3,
            ignored: 1,
        },
        ..BASE
    },
    Profile {
        name: NOISY[2],
        contact: "Femke Jacobs",
        email: "femke@beweegwijs.example",
        phone: "+31 33 555 0156",
        segment: "healthcare",
        seats: 7,
        mrr_euros: 560,
        since_months: 31,
        work: Work {
            tickets_per_seat_milli: 1_900,
            kinds: [55, 35, 10],
            reopen_pct: 14,
            escalate_pct: 2,
            effort_pct: 85,
            upkeep_min_per_seat: 35,
            ..STEADY
        },
        pay: Pay {
            after_days: (10, 28),
            ..PAYS_IN_TERMS
        },
        incidents: &[moment(
            140,
            Other,
            "Asked us to fix the home Wi-Fi of three therapists, free of charge",
        )],
        ..BASE
    },
    Profile {
        name: FORMER_ABUSIVE,
        contact: "Frank Jansen",
        email: "frank@autobedrijfjansen.example",
        phone: "+31 6 5550 3356",
        segment: "automotive",
        seats: 11,
        mrr_euros: 1_150,
        terms_days: 14,
        status: Former,
        since_months: 60,
        ended_months: Some(8),
        notes: "Let go after repeated abuse of staff. Ended professionally, with a handover (H2).",
        work: Work {
            tickets_per_seat_milli: 900,
            kinds: [60, 30, 10],
            reopen_pct: 15,
            escalate_pct: 10,
            effort_pct: 110,
            weekends: true,
            ..STEADY
        },
        pay: Pay {
            after_days: (8, 14),
            slips: true,
            ..PAYS_IN_TERMS
        },
        advice: Advice::Usual {
            count: 2,
            ignored: 1,
        },
        incidents: &[
            moment(
                400,
                Disrespect,
                "Ignored the backup advice, then blamed us when the disk died",
            ),
            moment(
                310,
                Abuse,
                "Threatened to 'ruin our name online' over a warranty repair",
            ),
        ],
        ..BASE
    },
];
