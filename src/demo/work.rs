//! The work a client makes: tickets with the time spent on them, the monthly contract work,
//! and the hours behind each project.

use chrono::NaiveDate;

use super::Dated;
use super::calendar::{
    days_after, days_before, days_between, is_weekend, month_end, month_start, months_after, season,
};
use super::dice::Dice;
use super::profile::{Profile, Span};
use super::texts;
use crate::domain::{LogEntry, NewTicket, NewTimeEntry, TicketKind};

/// Working days in an average month.
const WORKDAYS_PER_MONTH: f64 = 21.7;
/// A weekend day brings this share of a weekday's tickets, for clients that call at weekends.
const WEEKEND_SHARE: f64 = 0.35;

/// Tickets, day by day, at the client's rate (moved by its trend over the `window` and by the
/// season), each with the time spent on it; reopened and escalated tickets cost extra time.
pub(super) fn tickets(p: &Profile, span: Span, window: Span, dice: &mut Dice) -> Vec<Dated> {
    let today = window.until;
    let mut out = Vec::new();
    let w = &p.work;
    let per_workday =
        f64::from(p.seats) * f64::from(w.tickets_per_seat_milli) / 1000.0 / WORKDAYS_PER_MONTH;
    let length = days_between(window.from, window.until).max(1) as f64;
    let (start, end) = (f64::from(w.trend_pct.0), f64::from(w.trend_pct.1));
    for day in span.days() {
        let t = days_between(window.from, day) as f64 / length;
        let trend = (start + (end - start) * t) / 100.0;
        let weekday = match (is_weekend(day), w.weekends) {
            (false, _) => 1.0,
            (true, true) => WEEKEND_SHARE,
            (true, false) => 0.0,
        };
        let expected = per_workday * trend * season(day) * weekday;
        let count = expected.floor() as u32 + u32::from(dice.unit() < expected.fract());
        for _ in 0..count {
            ticket(p, day, today, dice, &mut out);
        }
    }
    out
}

fn ticket(p: &Profile, opened: NaiveDate, today: NaiveDate, dice: &mut Dice, out: &mut Vec<Dated>) {
    let w = &p.work;
    let kind = match dice.weighted(&w.kinds) {
        0 => TicketKind::Incident,
        1 => TicketKind::Request,
        _ => TicketKind::Admin,
    };
    let local = dice.pct(40);
    let subject = dice
        .pick(texts::subjects(kind, p.segment, local))
        .copied()
        .unwrap_or("Question");
    let (open_max, minutes_lo, minutes_hi) = match kind {
        TicketKind::Incident => (3, 25, 120),
        TicketKind::Request => (6, 15, 90),
        TicketKind::Admin => (2, 10, 35),
    };
    let mut open_days = dice.between(0, open_max);
    if dice.pct(6) {
        open_days += dice.between(5, 20);
    }
    let closed = Some(days_after(opened, open_days)).filter(|c| *c <= today);
    let reopens = match (dice.pct(w.reopen_pct), dice.pct(25)) {
        (false, _) => 0,
        (true, false) => 1,
        (true, true) => 2,
    };
    let escalated = dice.pct(w.escalate_pct);
    out.push((
        opened,
        LogEntry::Ticket(NewTicket {
            opened_on: opened,
            closed_on: closed,
            kind,
            escalated,
            reopen_count: reopens,
            external_ref: None,
            subject: Some(subject.to_string()),
        }),
    ));
    let worked = closed.unwrap_or(opened);
    let effort = |lo, hi, dice: &mut Dice| round_to(dice.between(lo, hi) * w.effort_pct / 100, 5);
    out.push(time(
        worked,
        effort(minutes_lo, minutes_hi, dice),
        subject.to_string(),
    ));
    for _ in 0..reopens {
        out.push(time(
            worked,
            effort(15, 60, dice),
            format!("Reopened: {subject}"),
        ));
    }
    if escalated {
        out.push(time(
            worked,
            effort(30, 60, dice),
            format!("Escalated to the owner: {subject}"),
        ));
    }
}

/// Contract work: each month, about `upkeep_min_per_seat` per seat, in sessions of three to
/// eight hours on working days, for the part of the month the client was a client.
pub(super) fn upkeep(p: &Profile, span: Span, dice: &mut Dice) -> Vec<Dated> {
    let mut out = Vec::new();
    let mut month = month_start(span.from);
    while month <= span.until {
        let part = Span {
            from: month.max(span.from),
            until: month_end(month).min(span.until),
        };
        let workdays: Vec<NaiveDate> = part.days().filter(|d| !is_weekend(*d)).collect();
        let share = workdays.len() as u32 * 100 / 22;
        let mut left = p.seats * p.work.upkeep_min_per_seat * share.min(100) / 100
            * dice.between(85, 115)
            / 100;
        while left >= 30 {
            let minutes = round_to(dice.between(180, 480), 15).min(left);
            let Some(day) = dice.pick(&workdays).copied() else {
                break;
            };
            let note = dice.pick(texts::UPKEEP).copied().unwrap_or("Contract work");
            out.push(time(day, round_to(minutes, 5).max(5), note.to_string()));
            left -= minutes;
        }
        month = months_after(month, 1);
    }
    out
}

/// The hours behind each project done while the client was one: sessions of four to eight
/// hours on the working days before it was invoiced.
pub(super) fn projects(p: &Profile, span: Span, today: NaiveDate, dice: &mut Dice) -> Vec<Dated> {
    let mut out = Vec::new();
    for project in p.projects {
        let done = days_before(today, project.days_ago);
        if !span.contains(done) {
            continue;
        }
        let mut left = project.hours * 60;
        let mut day = done;
        while left > 0 && day >= span.from {
            if !is_weekend(day) && dice.pct(70) {
                let minutes = round_to(dice.between(240, 480), 30).min(left);
                out.push(time(day, minutes, format!("Project: {}", project.title)));
                left -= minutes;
            }
            let before = days_before(day, 1);
            if before == day {
                break;
            }
            day = before;
        }
    }
    out
}

fn time(day: NaiveDate, minutes: u32, note: String) -> Dated {
    (
        day,
        LogEntry::Time(NewTimeEntry {
            worked_on: day,
            minutes: minutes.max(5),
            note: Some(note),
            external_ref: None,
        }),
    )
}

/// `n` rounded to the nearest multiple of `step`.
fn round_to(n: u32, step: u32) -> u32 {
    (n + step / 2) / step * step
}
