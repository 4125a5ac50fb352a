//! The words of the demo: ticket subjects, upkeep notes and recommendation titles.

use crate::domain::TicketKind;

pub(super) const INCIDENTS: &[&str] = &[
    "Outlook keeps asking for the password",
    "Laptop will not boot after an update",
    "Printer on the first floor is offline",
    "VPN drops every few minutes",
    "Shared drive not mapped at sign-in",
    "Teams calls have no sound",
    "Mail to one supplier bounces",
    "Blue screen on the reception PC",
    "Wi-Fi slow in the meeting room",
    "Backup job failed overnight",
    "Phones do not ring through",
    "Pop-ups in the browser on one workstation",
    "OneDrive stuck on 'processing changes'",
    "Scanner no longer sends to email",
];

pub(super) const REQUESTS: &[&str] = &[
    "New employee: account and laptop",
    "Install Adobe Acrobat for a user",
    "Add a user to the finance mailbox",
    "Set up a second monitor",
    "Order and set up a new phone",
    "Create a shared calendar",
    "Access to the projects folder",
    "Out-of-office and forwarding for a leaver",
    "Replace a broken keyboard and mouse",
    "Password reset",
    "Set up a meeting-room screen",
];

pub(super) const ADMIN: &[&str] = &[
    "Question about the latest invoice",
    "Update the list of people allowed to call the service desk",
    "Licence count check",
    "Change of billing address",
    "Overview of the devices under contract",
    "Question about the contract terms",
    "Leaver: block the account and collect the laptop",
    "Question about what the contract covers",
];

/// Incidents typical of one segment, mixed in with the common ones.
fn segment_incidents(segment: &str) -> &'static [&'static str] {
    match segment {
        "dental" => &[
            "X-ray software cannot reach the sensor",
            "Practice management system is slow",
        ],
        "hospitality" | "food retail" => &[
            "Till (POS) offline at lunchtime",
            "Guest Wi-Fi down",
            "Card terminal lost its connection",
        ],
        "construction" => &[
            "Site laptop lost its 4G connection",
            "Cannot open the drawings on the site tablet",
        ],
        "legal" => &[
            "Document management system locks a file",
            "Dictation app does not upload",
        ],
        "healthcare" => &[
            "Agenda software will not start",
            "Cannot reach the patient portal",
        ],
        "retail" => &["Till (POS) offline", "Webshop orders stopped syncing"],
        "logistics" => &[
            "Handheld scanner will not sync",
            "Label printer in the warehouse jams",
        ],
        _ => &[],
    }
}

/// The pool a ticket's subject is drawn from, by kind and, for incidents, segment.
pub(super) fn subjects(kind: TicketKind, segment: &str, local: bool) -> &'static [&'static str] {
    match kind {
        TicketKind::Incident if local && !segment_incidents(segment).is_empty() => {
            segment_incidents(segment)
        }
        TicketKind::Incident => INCIDENTS,
        TicketKind::Request => REQUESTS,
        TicketKind::Admin => ADMIN,
    }
}

/// Contract work logged every month.
pub(super) const UPKEEP: &[&str] = &[
    "Patch management and updates",
    "Backup check and restore test",
    "Monitoring alerts follow-up",
    "Licence and asset review",
    "Security baseline check",
    "Firewall and network health check",
];

/// Recommendations for clients without a scripted story: (title, security).
pub(super) const RECOMMENDATIONS: &[(&str, bool)] = &[
    ("Enable MFA on every Microsoft 365 account", true),
    ("Standardise on one laptop model", false),
    ("Replace the PCs that run out of Windows support", true),
    ("Move the file shares to SharePoint", false),
    ("Keep a copy of the backups off-site", true),
    ("Upgrade the office Wi-Fi", false),
    ("Remove local admin rights from workstations", true),
    ("Replace the ageing printers with one managed model", false),
    ("Security awareness training for all staff", true),
    ("Write down the onboarding and offboarding steps", false),
];
