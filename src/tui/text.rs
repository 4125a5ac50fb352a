//! Fitting text into cells by display width (accents, CJK and emoji take 1 or 2 columns),
//! and the names of the domain's kinds (a status, a measure, an event) in the language in
//! force.

use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::pareto::{Measure, Quadrant};
use crate::domain::score::{Band, MetricKey};
use crate::domain::{ClientStatus, EventKind, IncidentKind, RecStatus, TicketKind};
use crate::{t, tn};

/// Cuts `s` to at most `width` columns, ending in "…" when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A text of the words catalog as spans: each `{name}` in `template` becomes the span given
/// for it (a client's name in the title colour), the words around them plain spans, so a
/// sentence keeps its own language's word order around the styled parts.
pub fn fill_spans<'a>(template: &str, values: Vec<(&str, Span<'a>)>) -> Vec<Span<'a>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(n, _)| *n == &after[..close])
                .map(|(_, span)| (close, span.clone()))
        });
        match found {
            Some((close, span)) => {
                if open > 0 {
                    out.push(Span::raw(rest[..open].to_string()));
                }
                out.push(span);
                rest = &after[close + 1..];
            }
            None => {
                out.push(Span::raw(rest[..=open].to_string()));
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        out.push(Span::raw(rest.to_string()));
    }
    out
}

/// Pads `s` with spaces to exactly `width` columns (truncating first if needed).
pub fn pad(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let fill = width.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(fill))
}

/// Pads `s` on the left to exactly `width` columns (truncating first if needed): text
/// aligned right, by display width.
pub fn pad_left(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let fill = width.saturating_sub(t.width());
    format!("{}{t}", " ".repeat(fill))
}

/// Breaks `s` into lines of at most `width` columns at spaces (a word longer than a line is
/// cut into pieces), so a message can be read whole where a line would cut it.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `wrap` for styled text: the words keep their styles and the spaces between them (none at
/// the start of a line); a word longer than a line is cut.
pub fn wrap_spans(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut gap = 0;
    for span in spans {
        let mut rest = span.content.as_ref();
        while !rest.is_empty() {
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            gap += spaces;
            rest = &rest[spaces..];
            let end = rest.find(' ').unwrap_or(rest.len());
            if end == 0 {
                continue;
            }
            for piece in wrap(&rest[..end], width) {
                let w = piece.width();
                if used > 0 && used + gap + w > width {
                    lines.push(Line::from(std::mem::take(&mut line)));
                    used = 0;
                }
                if used > 0 && gap > 0 {
                    line.push(Span::styled(" ".repeat(gap), span.style));
                    used += gap;
                }
                gap = 0;
                line.push(Span::styled(piece, span.style));
                used += w;
            }
            rest = &rest[end..];
        }
    }
    lines.push(Line::from(line));
    lines
}

/// A month's short name (1 is January), as the trend chart labels its bars.
pub fn month(m: u32) -> &'static str {
    match m {
        1 => t!("screens.month.jan"),
        2 => t!("screens.month.feb"),
        3 => t!("screens.month.mar"),
        4 => t!("screens.month.apr"),
        5 => t!("screens.month.may"),
        6 => t!("screens.month.jun"),
        7 => t!("screens.month.jul"),
        8 => t!("screens.month.aug"),
        9 => t!("screens.month.sep"),
        10 => t!("screens.month.oct"),
        11 => t!("screens.month.nov"),
        _ => t!("screens.month.dec"),
    }
}

/// A client's status as the screens say it.
pub fn status(s: ClientStatus) -> &'static str {
    match s {
        ClientStatus::Active => t!("clients.status.active"),
        ClientStatus::Prospect => t!("clients.status.prospect"),
        ClientStatus::Former => t!("clients.status.former"),
    }
}

/// A Pareto measure as the screens say it.
pub fn measure(m: Measure) -> &'static str {
    match m {
        Measure::Revenue => t!("pareto.measure.revenue"),
        Measure::Hours => t!("pareto.measure.hours"),
        Measure::Tickets => t!("pareto.measure.tickets"),
        Measure::Stress => t!("pareto.measure.stress"),
    }
}

/// A score band's colour in words.
pub fn band(b: Band) -> &'static str {
    match b {
        Band::Green => t!("scorecards.band.green"),
        Band::Amber => t!("scorecards.band.amber"),
        Band::Red => t!("scorecards.band.red"),
    }
}

/// A metric's short name, for the scorecard's table.
pub fn metric(k: MetricKey) -> &'static str {
    match k {
        MetricKey::TicketsOpened => t!("scorecards.metric.tickets_opened"),
        MetricKey::ReopenRate => t!("scorecards.metric.reopen_rate"),
        MetricKey::AdminRequests => t!("scorecards.metric.admin_requests"),
        MetricKey::Escalations => t!("scorecards.metric.escalations"),
        MetricKey::DisputedInvoices => t!("scorecards.metric.disputed_invoices"),
        MetricKey::AvgDaysToPay => t!("scorecards.metric.avg_days_to_pay"),
        MetricKey::MarginPct => t!("scorecards.metric.margin_pct"),
        MetricKey::IgnoredRatio => t!("scorecards.metric.ignored_ratio"),
        MetricKey::StaffVotes => t!("scorecards.metric.staff_votes"),
    }
}

/// A quadrant of the value/effort map.
pub fn quadrant(q: Quadrant) -> &'static str {
    match q {
        Quadrant::WorthIt => t!("pareto.quadrant.worth_it"),
        Quadrant::Reprice => t!("pareto.quadrant.reprice"),
        Quadrant::Grow => t!("pareto.quadrant.grow"),
        Quadrant::LetGo => t!("pareto.quadrant.let_go"),
    }
}

/// A kind of incident, in words.
pub fn incident(k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::Abuse => t!("history.incident.abuse"),
        IncidentKind::Disrespect => t!("history.incident.disrespect"),
        IncidentKind::Security => t!("history.incident.security"),
        IncidentKind::UnreasonableDemand => t!("history.incident.unreasonable_demand"),
        IncidentKind::Other => t!("history.incident.other"),
    }
}

/// An event in a line of the timeline: its kind (one short word) and what it says, in the
/// language in force.
pub fn event_summary(what: &EventKind, currency: &str) -> (&'static str, String) {
    match what {
        EventKind::TicketOpened {
            kind,
            escalated,
            reopens,
            subject,
        } => {
            let kind = match kind {
                TicketKind::Incident => t!("history.ticket.incident"),
                TicketKind::Request => t!("history.ticket.request"),
                TicketKind::Admin => t!("history.ticket.admin"),
            };
            let mut s = kind.to_string();
            if let Some(subject) = subject {
                s.push_str(&format!(" {subject}"));
            }
            if *reopens > 0 {
                s.push_str(&t!("history.reopened", n = reopens));
            }
            if *escalated {
                s.push_str(t!("history.escalated"));
            }
            (t!("history.kind.ticket"), s)
        }
        EventKind::InvoiceIssued {
            number,
            amount,
            disputed,
        } => {
            let mut s = format!("{number} {}", amount.display(currency));
            if *disputed {
                s.push_str(t!("history.disputed"));
            }
            (t!("history.kind.invoice"), s)
        }
        EventKind::InvoicePaid {
            number,
            amount,
            days_late,
        } => {
            let late = if *days_late > 0 {
                tn!("history.days_late", *days_late)
            } else {
                String::new()
            };
            (
                t!("history.kind.paid"),
                format!("{number} {}{late}", amount.display(currency)),
            )
        }
        EventKind::Time { minutes, note } => {
            let mut s = t!(
                "history.duration",
                hours = minutes / 60,
                minutes = format!("{:02}", minutes % 60)
            );
            if let Some(n) = note {
                s.push_str(&format!(" {}", n.replace('\n', " ")));
            }
            (t!("history.kind.time"), s)
        }
        EventKind::RecommendationMade { title, security } => (
            t!("history.kind.advised"),
            if *security {
                t!("history.security", title = title)
            } else {
                title.clone()
            },
        ),
        EventKind::RecommendationDecided { title, status } => {
            let status = match status {
                RecStatus::Open => t!("history.advice.open"),
                RecStatus::Implemented => t!("history.advice.implemented"),
                RecStatus::Ignored => t!("history.advice.ignored"),
            };
            (t!("history.kind.advice"), format!("{status}: {title}"))
        }
        EventKind::Incident { kind, note } => {
            let mut s = incident(*kind).to_string();
            if let Some(n) = note {
                s.push_str(&format!(": {}", n.replace('\n', " ")));
            }
            (t!("history.kind.incident"), s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Cents;
    use crate::words::{Lang, with_language};

    fn events() -> Vec<EventKind> {
        let mut out = Vec::new();
        for kind in [TicketKind::Incident, TicketKind::Request, TicketKind::Admin] {
            for (escalated, reopens, subject) in [(false, 0, None), (true, 2, Some("VPN down"))] {
                out.push(EventKind::TicketOpened {
                    kind,
                    escalated,
                    reopens,
                    subject: subject.map(String::from),
                });
            }
        }
        for disputed in [false, true] {
            out.push(EventKind::InvoiceIssued {
                number: "2026-0042".into(),
                amount: Cents(125_000),
                disputed,
            });
        }
        for days_late in [0, 1, 12] {
            out.push(EventKind::InvoicePaid {
                number: "2026-0042".into(),
                amount: Cents(125_000),
                days_late,
            });
        }
        out.push(EventKind::Time {
            minutes: 95,
            note: Some("patching\nand backups".into()),
        });
        for security in [false, true] {
            out.push(EventKind::RecommendationMade {
                title: "Enable MFA".into(),
                security,
            });
        }
        for status in [RecStatus::Open, RecStatus::Implemented, RecStatus::Ignored] {
            out.push(EventKind::RecommendationDecided {
                title: "Enable MFA".into(),
                status,
            });
        }
        for kind in IncidentKind::ALL {
            out.push(EventKind::Incident {
                kind: *kind,
                note: Some("shouted at the desk".into()),
            });
        }
        out
    }

    /// The screens' own wording of an event is, in English, the domain's to the letter.
    #[test]
    fn an_event_reads_in_english_as_the_domain_says_it() {
        with_language(Lang::En, || {
            for e in events() {
                assert_eq!(
                    event_summary(&e, "€"),
                    crate::domain::record::summary(&e, "€"),
                    "{e:?}"
                );
            }
        });
    }

    #[test]
    fn an_event_reads_in_dutch() {
        with_language(Lang::Nl, || {
            let paid = EventKind::InvoicePaid {
                number: "2026-0042".into(),
                amount: Cents(125_000),
                days_late: 12,
            };
            let (what, text) = event_summary(&paid, "€");
            assert_eq!(what, "betaald");
            assert!(text.ends_with(", 12 dagen te laat"), "{text}");
            let ticket = EventKind::TicketOpened {
                kind: TicketKind::Request,
                escalated: true,
                reopens: 2,
                subject: None,
            };
            assert_eq!(
                event_summary(&ticket, "€").1,
                "verzoek, 2x heropend, escalatie"
            );
            // Every kind has a word of at most the column's 8.
            for e in events() {
                let (what, _) = event_summary(&e, "€");
                assert!(what.width() <= 8, "{what}");
            }
        });
    }

    #[test]
    fn filled_spans_keep_the_words_order_and_style_the_values() {
        let style = ratatui::style::Style::default().bold();
        let spans = fill_spans(
            "{name} archiveren?",
            vec![("name", Span::styled("Vonk", style))],
        );
        assert_eq!(
            spans,
            [Span::styled("Vonk", style), Span::raw(" archiveren?")]
        );
        let spans = fill_spans("Archive {name}? {other}", vec![("name", Span::raw("Vonk"))]);
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "Archive Vonk? {other}");
    }

    #[test]
    fn wraps_at_spaces_by_columns() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("Café De Hoek", 20), ["Café De Hoek"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("東京商事", 5), ["東京", "商事"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn styled_words_wrap_and_keep_their_style() {
        let bold = ratatui::style::Style::new().bold();
        let lines = wrap_spans(&[Span::raw("aa bb"), Span::styled(" cc dd", bold)], 5);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["aa bb", "cc dd"]);
        assert!(lines[1].spans.iter().all(|s| s.style == bold));
        // The spaces between words stay; a line never starts with them.
        let lines = wrap_spans(&[Span::raw("A 1  ▄▄"), Span::raw("  +3 since")], 12);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["A 1  ▄▄  +3", "since"]);
    }

    #[test]
    fn cuts_by_columns_not_bytes() {
        assert_eq!(truncate("Café De Hoek", 20), "Café De Hoek");
        assert_eq!(truncate("Café De Hoek", 6), "Café …");
        // Each CJK character is two columns wide: never split one.
        assert_eq!(truncate("東京商事株式会社", 7), "東京商…");
        assert_eq!(truncate("東京商事株式会社", 7).width(), 7);
        assert_eq!(truncate("🚀🚀🚀", 4), "🚀…");
        assert_eq!(pad("東京", 6), "東京  ");
        assert_eq!(truncate("abc", 0), "");
    }
}
