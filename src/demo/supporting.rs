//! The supporting cast: healthy and middling clients of every size and segment, two
//! prospects and a former client that left on good terms.

use super::profile::{
    Advice, BASE, NO_WORK, PAYS_IN_TERMS, PREPAYS, Pay, Profile, Project, Repriced, STEADY, Work,
    moment, project,
};
use crate::domain::ClientStatus::{Former, Prospect};
use crate::domain::IncidentKind::{Security, UnreasonableDemand};

/// Everyone else, the big ones first.
pub(super) const SUPPORTING: &[Profile] = &[
    Profile {
        name: "Tandartsengroep De Molen",
        contact: "Anouk Visser",
        email: "praktijkmanager@tandartsdemolen.example",
        phone: "+31 30 555 0121",
        segment: "dental",
        seats: 42,
        mrr_euros: 6_300,
        terms_days: 14,
        prepaid: true,
        since_months: 62,
        term_years: Some(3),
        notice_days: Some(90),
        notes: "Four practices; X-ray equipment needs care at every update.",
        work: Work {
            tickets_per_seat_milli: 130,
            ..STEADY
        },
        pay: PREPAYS,
        advice: Advice::Usual {
            count: 5,
            ignored: 0,
        },
        projects: &[project(
            160,
            "New X-ray workstation at the Zeist practice",
            7_900,
            40,
        )],
        ..BASE
    },
    Profile {
        name: "Noordzee Retail Group",
        contact: "Pieter Mulder",
        email: "p.mulder@noordzeeretail.example",
        phone: "+31 71 555 0144",
        segment: "retail",
        seats: 48,
        mrr_euros: 5_600,
        since_months: 44,
        notice_days: Some(60),
        notes: "Six stores, open on Saturdays.",
        work: Work {
            tickets_per_seat_milli: 140,
            weekends: true,
            ..STEADY
        },
        pay: Pay {
            slips: true,
            ..PAYS_IN_TERMS
        },
        advice: Advice::Usual {
            count: 4,
            ignored: 1,
        },
        projects: &[project(
            250,
            "Separate the till network in six stores",
            6_400,
            38,
        )],
        ..BASE
    },
    Profile {
        name: "Groenewoud Architecten",
        contact: "Lotte Groenewoud",
        email: "lotte@groenewoud-architecten.example",
        phone: "+31 20 555 0199",
        segment: "architecture",
        seats: 30,
        mrr_euros: 4_600,
        since_months: 29,
        term_years: Some(2),
        notice_days: Some(60),
        projects: &[project(330, "CAD workstation upgrade", 11_200, 30)],
        advice: Advice::Usual {
            count: 4,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Notariskantoor Smit",
        contact: "Jeroen Smit",
        email: "j.smit@notarissmit.example",
        phone: "+31 35 555 0102",
        segment: "legal",
        seats: 12,
        mrr_euros: 1_500,
        since_months: 68,
        term_years: Some(3),
        notice_days: Some(90),
        ..BASE
    },
    Profile {
        name: "Huisartsenpraktijk Zuidpark",
        contact: "Ingrid Bos",
        email: "praktijk@hapzuidpark.example",
        phone: "+31 15 555 0177",
        segment: "healthcare",
        seats: 11,
        mrr_euros: 1_250,
        terms_days: 14,
        prepaid: true,
        since_months: 52,
        term_years: Some(2),
        notice_days: Some(60),
        work: Work {
            tickets_per_seat_milli: 140,
            ..STEADY
        },
        pay: PREPAYS,
        advice: Advice::Usual {
            count: 4,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Advocatenkantoor Lindqvist",
        contact: "Anna Lindqvist",
        email: "anna@lindqvist-advocaten.example",
        phone: "+31 20 555 0135",
        segment: "legal",
        seats: 14,
        mrr_euros: 1_550,
        since_months: 36,
        term_years: Some(2),
        notice_days: Some(60),
        pay: Pay {
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
        name: "Dentalcare Leiden",
        contact: "Sophie Kramer",
        email: "sophie@dentalcareleiden.example",
        phone: "+31 71 555 0190",
        segment: "dental",
        seats: 10,
        mrr_euros: 1_200,
        since_months: 25,
        work: Work {
            tickets_per_seat_milli: 150,
            ..STEADY
        },
        projects: &[Project {
            days_ago: 190,
            title: "Replace the reception PCs",
            euros: 3_200,
            hours: 14,
            disputed: true,
        }],
        ..BASE
    },
    Profile {
        name: "Installatiebedrijf De Graaf",
        contact: "Bart de Graaf",
        email: "bart@degraafinstallatie.example",
        phone: "+31 6 5550 2231",
        segment: "construction",
        seats: 16,
        mrr_euros: 1_300,
        since_months: 48,
        work: Work {
            tickets_per_seat_milli: 200,
            reopen_pct: 7,
            escalate_pct: 2,
            effort_pct: 105,
            ..STEADY
        },
        advice: Advice::Usual {
            count: 4,
            ignored: 1,
        },
        incidents: &[moment(
            290,
            Security,
            "Malware from a USB stick on the workshop PC; cleaned up the same day",
        )],
        repriced: Some(Repriced {
            months_ago: super::decisions::REPRICED_MONTHS_AGO,
            old_mrr_euros: 850,
        }),
        ..BASE
    },
    Profile {
        name: "Müller & Søn Import",
        contact: "Lars Müller",
        email: "lars@mullerson.example",
        phone: "+31 10 555 0148",
        segment: "wholesale",
        seats: 9,
        mrr_euros: 1_100,
        since_months: 7,
        notes: "New this year; came over from another MSP.",
        work: Work {
            tickets_per_seat_milli: 190,
            trend_pct: (160, 90),
            ..STEADY
        },
        advice: Advice::Usual {
            count: 2,
            ignored: 0,
        },
        projects: &[project(
            170,
            "Onboarding: take over from the previous IT supplier",
            3_900,
            30,
        )],
        ..BASE
    },
    Profile {
        name: "Özdemir Transport",
        contact: "Emre Özdemir",
        email: "emre@ozdemirtransport.example",
        phone: "+31 6 5550 6620",
        segment: "logistics",
        seats: 10,
        mrr_euros: 1_050,
        since_months: 41,
        work: Work {
            tickets_per_seat_milli: 170,
            escalate_pct: 3,
            weekends: true,
            ..STEADY
        },
        pay: Pay {
            slips: true,
            ..PAYS_IN_TERMS
        },
        advice: Advice::Usual {
            count: 3,
            ignored: 1,
        },
        incidents: &[moment(
            180,
            UnreasonableDemand,
            "Wanted a new truck tablet set up within the hour, on a Sunday",
        )],
        ..BASE
    },
    Profile {
        name: "Administratiekantoor Peeters",
        contact: "Hanneke Peeters",
        email: "hanneke@peetersadministratie.example",
        phone: "+31 40 555 0119",
        segment: "accounting",
        seats: 8,
        mrr_euros: 950,
        terms_days: 14,
        prepaid: true,
        since_months: 80,
        work: Work {
            tickets_per_seat_milli: 90,
            ..STEADY
        },
        pay: PREPAYS,
        ..BASE
    },
    Profile {
        name: "Tanaka 田中 Design Studio",
        contact: "Yuki Tanaka",
        email: "yuki@tanakadesign.example",
        phone: "+31 20 555 0171",
        segment: "design",
        seats: 6,
        mrr_euros: 780,
        since_months: 22,
        term_years: None,
        work: Work {
            tickets_per_seat_milli: 130,
            ..STEADY
        },
        advice: Advice::Usual {
            count: 2,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Stichting Voedselbank Delft",
        contact: "Gerrit Hoekstra",
        email: "info@voedselbankdelft.example",
        phone: "+31 15 555 0108",
        segment: "nonprofit",
        seats: 9,
        mrr_euros: 540,
        since_months: 58,
        notes: "Charity rate: 40% off the list price.",
        work: Work {
            tickets_per_seat_milli: 120,
            ..STEADY
        },
        pay: Pay {
            after_days: (22, 30),
            ..PAYS_IN_TERMS
        },
        ..BASE
    },
    Profile {
        name: "Kinderopvang Het Zonnetje",
        contact: "Marloes de Wit",
        email: "marloes@hetzonnetje.example",
        phone: "+31 33 555 0164",
        segment: "childcare",
        seats: 7,
        mrr_euros: 620,
        since_months: 33,
        advice: Advice::Usual {
            count: 2,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Ashworth & Patel Consulting",
        contact: "Oliver Ashworth",
        email: "oliver@ashworthpatel.example",
        phone: "+44 20 7946 0321",
        segment: "consulting",
        seats: 5,
        mrr_euros: 700,
        since_months: 11,
        advice: Advice::Usual {
            count: 2,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Wijnhandel Gérard",
        contact: "Gérard Lefèvre",
        email: "gerard@wijnhandelgerard.example",
        phone: "+31 23 555 0127",
        segment: "retail",
        seats: 4,
        mrr_euros: 360,
        since_months: 65,
        term_years: None,
        notes: "Barely registers; no trouble either.",
        work: Work {
            tickets_per_seat_milli: 90,
            ..STEADY
        },
        advice: Advice::Usual {
            count: 1,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Fotostudio Licht & Lens",
        contact: "Noor Vos",
        email: "noor@lichtenlens.example",
        phone: "+31 6 5550 8843",
        segment: "creative",
        seats: 2,
        mrr_euros: 190,
        since_months: 20,
        term_years: None,
        work: Work {
            tickets_per_seat_milli: 120,
            ..STEADY
        },
        advice: Advice::Usual {
            count: 1,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Dierenkliniek Oost",
        contact: "Ruben Willems",
        email: "r.willems@dierenkliniekoost.example",
        phone: "+31 26 555 0153",
        segment: "veterinary",
        seats: 15,
        mrr_euros: 1_900,
        terms_days: 14,
        prepaid: true,
        status: Prospect,
        term_years: None,
        notice_days: None,
        notes: "Intake done; proposal with prepayment sent. Good fit (P1).",
        work: NO_WORK,
        advice: Advice::Usual {
            count: 0,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Kapsalon Belle",
        contact: "Isabella Conti",
        email: "isabella@kapsalonbelle.example",
        phone: "+31 6 5550 1907",
        segment: "beauty",
        seats: 3,
        mrr_euros: 180,
        status: Prospect,
        term_years: None,
        notice_days: None,
        notes: "Wants break/fix only, no managed contract: probably say no (P1).",
        work: NO_WORK,
        advice: Advice::Usual {
            count: 0,
            ignored: 0,
        },
        ..BASE
    },
    Profile {
        name: "Drukkerij Van Leeuwen",
        contact: "Wim van Leeuwen",
        email: "wim@drukkerijvanleeuwen.example",
        phone: "+31 35 555 0186",
        segment: "printing",
        seats: 13,
        mrr_euros: 1_400,
        status: Former,
        since_months: 90,
        ended_months: Some(13),
        notes: "Left on good terms after a merger; the group's own IT team took over.",
        advice: Advice::Usual {
            count: 2,
            ignored: 0,
        },
        ..BASE
    },
];
