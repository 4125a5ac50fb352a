//! What the walk shows on its current step, as lines of text with their roles (the screen
//! gives each role its style): the questions with their answers and the evidence under
//! each, the numbers of C1 and H1, the proposal with every reason, the outcome and its
//! fields, the exit plan. Wrapped to the width there is, never cut, so the app knows how
//! far the step scrolls and where the selected question is.

use unicode_width::UnicodeWidthStr;

use super::walk::{Field, Row, WalkView};
use crate::domain::Cents;
use crate::domain::date::iso;
use crate::domain::decide::decision::ExitPlanKept;
use crate::domain::decide::walk::{Q, Step};
use crate::domain::decide::{Outcome, Reason, exit};
use crate::domain::money::group_thousands;
use crate::tui::keymap;
use crate::tui::text::{pad, wrap};

/// What a piece of text is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Muted,
    /// A guide code: D1, R2, H1.
    Code,
    Heading,
    /// An answer given by the user.
    Answer,
    /// An answer taken from the data.
    Data,
    Warn,
    /// A key to press.
    Key,
    /// Text being typed, and the cursor in it.
    Input,
    Cursor,
    Error,
}

/// One line of the step: its pieces, and the row it belongs to (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLine {
    pub spans: Vec<(Role, String)>,
    pub row: Option<usize>,
    /// The first line of its row: the selection's marker goes here.
    pub head: bool,
}

impl BodyLine {
    pub fn text(&self) -> String {
        self.spans.iter().map(|(_, s)| s.as_str()).collect()
    }
}

/// The columns: a code, the label of a number, the answer at the right.
const CODE_W: usize = 4;
const LABEL_W: usize = 22;
const EVIDENCE_INDENT: usize = 6;
/// The widest a question's line gets, its answer at the end.
const HEAD_MAX: usize = 96;

struct Out {
    width: usize,
    lines: Vec<BodyLine>,
    row: Option<usize>,
    /// Lines of the row that come before its head (the numbers above C1 and H1).
    before_head: bool,
}

impl Out {
    fn push(&mut self, spans: Vec<(Role, String)>) {
        let head = self.row.is_some()
            && !self.before_head
            && !self.lines.iter().any(|l| l.row == self.row && l.head);
        self.lines.push(BodyLine {
            spans,
            row: self.row,
            head,
        });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            let row = self.row.take();
            self.push(Vec::new());
            self.row = row;
        }
    }

    /// `text` wrapped, every line after `indent` columns.
    fn para(&mut self, indent: usize, role: Role, text: &str) {
        for line in wrap(text, self.width.saturating_sub(indent)) {
            self.push(vec![(Role::Text, " ".repeat(indent)), (role, line)]);
        }
    }

    /// A line that opens with `left` (a code, a label), then `text` wrapped under itself,
    /// and `right` at the right edge of the first line.
    fn head(
        &mut self,
        left: Vec<(Role, String)>,
        text: &str,
        role: Role,
        right: Vec<(Role, String)>,
    ) {
        let left_w: usize = left.iter().map(|(_, s)| s.width()).sum();
        let right_w: usize = right.iter().map(|(_, s)| s.width()).sum();
        // An answer at the right stays near its question on a wide screen.
        let width = if right_w > 0 {
            self.width.min(HEAD_MAX)
        } else {
            self.width
        };
        let room = width
            .saturating_sub(left_w + right_w + usize::from(right_w > 0))
            .max(10);
        let lines = wrap(text, room);
        for (i, line) in lines.iter().enumerate() {
            let mut spans = if i == 0 {
                left.clone()
            } else {
                vec![(Role::Text, " ".repeat(left_w))]
            };
            if i == 0 && right_w > 0 {
                spans.push((role, pad(line, room + 1)));
                spans.extend(right.clone());
            } else {
                spans.push((role, line.clone()));
            }
            self.push(spans);
        }
    }

    /// A label and its value, the value wrapped under itself.
    fn pair(&mut self, indent: usize, label: &str, value: &str, role: Role) {
        self.head(
            vec![
                (Role::Text, " ".repeat(indent)),
                (Role::Muted, format!("{} ", pad(label, LABEL_W - 1))),
            ],
            value,
            role,
            Vec::new(),
        );
    }

    fn evidence(&mut self, lines: &[String]) {
        for e in lines {
            self.para(EVIDENCE_INDENT, Role::Muted, e);
        }
    }

    fn reason(&mut self, r: &Reason) {
        self.head(
            vec![(Role::Code, pad(r.code.as_str(), CODE_W))],
            &r.text,
            Role::Text,
            Vec::new(),
        );
        self.evidence(&r.evidence);
    }
}

fn money(c: Cents, cur: &str) -> String {
    c.display(cur)
}

impl WalkView {
    /// The step's lines for a width.
    pub fn body(&self, width: usize) -> Vec<BodyLine> {
        let mut out = Out {
            width: width.max(20),
            lines: Vec::new(),
            row: None,
            before_head: false,
        };
        if self.stale {
            out.para(
                0,
                Role::Warn,
                "Changed in another window since this walk opened: Ctrl-R reads it again (your answers are kept)",
            );
            out.blank();
        }
        let first = self.walk.steps().first().copied();
        if first == Some(self.walk.step()) {
            self.since(&mut out);
        }
        match self.walk.step() {
            Step::Outcome => self.outcome(&mut out),
            Step::Exit => self.exit(&mut out),
            Step::Fit => self.fit(&mut out),
            step => self.questions(&mut out, step),
        }
        out.lines
    }

    fn since(&self, out: &mut Out) {
        let Some(s) = &self.since else {
            return;
        };
        let head = format!("Last decided {}: {}.", iso(s.on), s.chosen.label());
        let text = if s.changes.is_empty() {
            format!(
                "{head} Nothing in the evidence changed since; the walk starts from its answers."
            )
        } else {
            format!(
                "{head} Since then: {}. The walk starts from its answers.",
                s.changes.join(", ")
            )
        };
        out.para(0, Role::Heading, &text);
        out.blank();
    }

    fn intro(step: Step) -> &'static str {
        match step {
            Step::Dealbreakers => {
                "Any one of these ends it as soon as the agreement allows. The data's answers are marked 'data': confirm or change each."
            }
            Step::Reasons => {
                "R1 not all revenue is equal · R2 bad clients are a liability · R3 the wrong clients hold you back"
            }
            Step::Reconsider => {
                "Before letting go: can you afford to (C1)? And is the client challenging, or bad (C2)?"
            }
            Step::Reprice => {
                "Asking a problem client for more can make them manageable (H1); do it with care, it can sour things too."
            }
            Step::RedFlags => "P1 Say no to prospects who show these in the sales talks.",
            Step::Expectations => {
                "P2 Set clear expectations before the start: what do they accept?"
            }
            Step::Fit => "P1 Say no to prospects who do not fit your ideal client.",
            Step::Outcome | Step::Exit => "",
        }
    }

    fn questions(&self, out: &mut Out, step: Step) {
        out.para(0, Role::Muted, Self::intro(step));
        out.blank();
        for (i, q) in self.walk.questions_of(step).into_iter().enumerate() {
            out.row = Some(i);
            out.before_head = true;
            if q.q == Q::CanAbsorb {
                self.c1_numbers(out);
            }
            if q.q == Q::WouldAccept {
                self.h1_numbers(out);
            }
            out.before_head = false;
            let (yes, no) = q.q.choices();
            let comparison = yes != "yes";
            let shown = match q.answer {
                Some(true) if comparison => "challenging",
                Some(false) if comparison => "bad",
                Some(true) => "yes",
                Some(false) => "no",
                None => "unanswered",
            };
            let mut right = vec![(
                if q.answer.is_none() {
                    Role::Warn
                } else if q.from_data {
                    Role::Data
                } else {
                    Role::Answer
                },
                format!("{shown:>11}"),
            )];
            right.push((
                Role::Muted,
                if q.from_data { " data" } else { "     " }.into(),
            ));
            out.head(
                vec![(Role::Code, pad(q.q.code().as_str(), CODE_W))],
                q.q.text(),
                Role::Text,
                right,
            );
            if comparison {
                for (key, text, on) in [("y", yes, Some(true)), ("n", no, Some(false))] {
                    let mark = if q.answer == on { "●" } else { "○" };
                    out.head(
                        vec![
                            (Role::Text, " ".repeat(CODE_W)),
                            (Role::Key, format!("{key} ")),
                            (Role::Text, format!("{mark} ")),
                        ],
                        text,
                        if q.answer == on {
                            Role::Answer
                        } else {
                            Role::Muted
                        },
                        Vec::new(),
                    );
                }
            }
            // C1 and H1 show their evidence as numbers, above.
            if !matches!(q.q, Q::CanAbsorb | Q::WouldAccept) {
                out.evidence(&q.evidence);
            }
        }
        out.row = None;
    }

    fn c1_numbers(&self, out: &mut Out) {
        let c = &self.walk.case;
        let p = &c.pareto;
        let cur = &c.rules.currency;
        out.head(
            vec![(Role::Code, pad("C1", CODE_W))],
            "What losing them would mean",
            Role::Heading,
            Vec::new(),
        );
        out.pair(
            CODE_W,
            "Share of revenue",
            &format!(
                "{:.1}% of the last {} days",
                p.revenue_share * 100.0,
                p.window_days
            ),
            Role::Text,
        );
        out.pair(
            CODE_W,
            "Monthly amount",
            &format!("{} MRR", money(c.client.fields.mrr, cur)),
            Role::Text,
        );
        match (&p.before, &p.after) {
            (Some(b), Some(a)) => {
                let whole = |v: i64| Cents(v).display_whole(cur);
                let hours = |h: f64| group_thousands(h.round().max(0.0) as u64);
                out.pair(
                    CODE_W,
                    "Without them",
                    &format!(
                        "the portfolio's revenue {} → {}",
                        whole(b.revenue_cents),
                        whole(a.revenue_cents)
                    ),
                    Role::Text,
                );
                out.pair(
                    CODE_W,
                    "",
                    &format!("hours {} → {}", hours(b.hours), hours(a.hours)),
                    Role::Text,
                );
                let margin = match (b.margin_pct, a.margin_pct) {
                    (Some(mb), Some(ma)) => format!("margin {mb:.1}% → {ma:.1}%"),
                    _ => {
                        "margin unknown: no labour cost in the config ([costs] hourly_labour_cost)"
                            .into()
                    }
                };
                out.pair(CODE_W, "", &margin, Role::Text);
            }
            _ => out.pair(
                CODE_W,
                "Without them",
                "not measured: no revenue or hours in the Pareto window",
                Role::Muted,
            ),
        }
        if p.revenue_share > p.concentration_warning {
            out.para(
                CODE_W,
                Role::Warn,
                &format!(
                    "More than {:.0}% of revenue: can you afford to lose them?",
                    p.concentration_warning * 100.0
                ),
            );
        }
    }

    fn h1_numbers(&self, out: &mut Out) {
        let c = &self.walk.case;
        let r = &c.reprice;
        let cur = &c.rules.currency;
        let seats = c.client.fields.seats;
        out.head(
            vec![(Role::Code, pad("H1", CODE_W))],
            "The price that pays for the work",
            Role::Heading,
            Vec::new(),
        );
        out.pair(
            CODE_W,
            "Hours a month",
            &format!(
                "{:.1} h (the scoring window, as a 30-day month)",
                r.monthly_hours
            ),
            Role::Text,
        );
        out.pair(
            CODE_W,
            "Labour cost",
            &format!(
                "{} at {} an hour",
                money(r.labour_cost, cur),
                money(c.rules.hourly_cost, cur)
            ),
            Role::Text,
        );
        let tooling = if c.rules.tooling_per_seat == Cents::ZERO {
            "none: no tooling per seat in the config ([costs] tooling_per_seat)".to_string()
        } else {
            format!(
                "{} for {seats} seat{} at {} a seat",
                money(r.tooling_cost, cur),
                if seats == 1 { "" } else { "s" },
                money(c.rules.tooling_per_seat, cur)
            )
        };
        out.pair(CODE_W, "Tooling", &tooling, Role::Text);
        out.pair(
            CODE_W,
            "Monthly cost",
            &money(r.monthly_cost, cur),
            Role::Text,
        );
        out.pair(
            CODE_W,
            "Target margin",
            &format!("{:.0}%", r.target_margin_pct),
            Role::Text,
        );
        out.pair(
            CODE_W,
            "MRR that reaches it",
            &money(r.proposed_mrr, cur),
            Role::Heading,
        );
        let now = match r.increase_pct {
            Some(pct) if r.proposed_mrr > r.current_mrr => format!(
                "{}: +{pct:.0}%, {} a month more",
                money(r.current_mrr, cur),
                money(r.increase(), cur)
            ),
            Some(_) => format!("{}: already enough", money(r.current_mrr, cur)),
            None => "none yet".into(),
        };
        out.pair(CODE_W, "MRR today", &now, Role::Text);
        if c.rules.hourly_cost == Cents::ZERO {
            out.para(
                CODE_W,
                Role::Warn,
                "No labour cost in the config ([costs] hourly_labour_cost): hours count as free",
            );
        }
    }

    fn fit(&self, out: &mut Out) {
        out.para(0, Role::Muted, Self::intro(Step::Fit));
        out.blank();
        let c = &self.walk.case;
        if c.fit.is_empty() {
            out.para(
                0,
                Role::Muted,
                "No ideal client profile in the config ([ideal_client]): nothing to check the prospect against",
            );
        }
        for f in &c.fit {
            out.head(
                vec![(Role::Code, pad("P1", CODE_W))],
                &format!(
                    "{}: {}, {}",
                    f.what,
                    if f.fits { "fits" } else { "does not fit" },
                    f.detail
                ),
                if f.fits { Role::Text } else { Role::Warn },
                Vec::new(),
            );
        }
        out.blank();
        let fields = &c.client.fields;
        let cur = &c.rules.currency;
        out.pair(0, "MRR they would pay", &money(fields.mrr, cur), Role::Text);
        out.pair(0, "Seats", &fields.seats.to_string(), Role::Text);
        if let Some(s) = &fields.segment {
            out.pair(0, "Segment", s, Role::Text);
        }
    }

    fn outcome(&self, out: &mut Out) {
        let w = &self.walk;
        let p = w.proposal();
        out.head(
            vec![(Role::Muted, pad("The walk proposes", LABEL_W))],
            &p.outcome.label().to_uppercase(),
            Role::Heading,
            Vec::new(),
        );
        for (i, row) in self.rows().into_iter().enumerate() {
            out.row = Some(i);
            match row {
                Row::Outcome => {
                    self.outcome_row(out);
                    self.conditions(out);
                }
                Row::Field(f) => self.field(out, f),
                Row::Question(_) => {}
            }
        }
        out.row = None;
        out.blank();
        out.para(0, Role::Muted, "Why, every reason with its evidence:");
        for r in &p.reasons {
            out.reason(r);
        }
    }

    /// A prospect taken on with conditions: the conditions, from the expectations step.
    fn conditions(&self, out: &mut Out) {
        let w = &self.walk;
        if w.chosen() != Outcome::TakeOnWithConditions {
            return;
        }
        let conditions = w.conditions();
        if conditions.is_empty() {
            out.pair(
                0,
                "Conditions",
                "none from the expectations step: name them in the notes",
                Role::Warn,
            );
        }
        for (n, cond) in conditions.iter().enumerate() {
            out.pair(0, if n == 0 { "Conditions" } else { "" }, cond, Role::Text);
        }
    }

    fn outcome_row(&self, out: &mut Out) {
        let w = &self.walk;
        let proposed = w.proposal().outcome;
        let chosen = w.chosen();
        let note = if chosen == proposed {
            (Role::Muted, "  the proposal".to_string())
        } else {
            (
                Role::Warn,
                format!("  over the proposal, {}", proposed.label()),
            )
        };
        let shown = format!("‹ {} ›", chosen.label());
        out.head(
            vec![(Role::Muted, pad("Outcome", LABEL_W))],
            &shown,
            Role::Answer,
            Vec::new(),
        );
        // Beside the outcome where it fits, else under it.
        if LABEL_W + shown.width() + note.1.width() <= out.width {
            if let Some(last) = out.lines.last_mut() {
                last.spans.push(note);
            }
        } else {
            out.para(LABEL_W, note.0, note.1.trim_start());
        }
        let keys: Vec<(Role, String)> = w
            .choices()
            .iter()
            .flat_map(|o| {
                let key = keymap::outcome_key(*o).unwrap_or_default();
                [
                    (Role::Key, key),
                    (
                        if *o == chosen {
                            Role::Answer
                        } else {
                            Role::Muted
                        },
                        format!(" {}  ", o.label()),
                    ),
                ]
            })
            .collect();
        self.choices_line(out, keys);
    }

    /// The outcomes with their letters, wrapped as whole entries.
    fn choices_line(&self, out: &mut Out, keys: Vec<(Role, String)>) {
        let indent = LABEL_W;
        let room = out.width.saturating_sub(indent);
        let mut line: Vec<(Role, String)> = vec![(Role::Text, " ".repeat(indent))];
        let mut used = 0;
        for pair in keys.chunks(2) {
            let w: usize = pair.iter().map(|(_, s)| s.width()).sum();
            if used > 0 && used + w > room {
                out.push(std::mem::replace(
                    &mut line,
                    vec![(Role::Text, " ".repeat(indent))],
                ));
                used = 0;
            }
            line.extend(pair.iter().cloned());
            used += w;
        }
        out.push(line);
    }

    fn field(&self, out: &mut Out, f: Field) {
        let w = &self.walk;
        let cur = &w.case.rules.currency;
        let label = (Role::Muted, pad(f.label(), LABEL_W));
        if let Some(e) = self.edit.as_ref().filter(|e| e.field == f) {
            let chars: Vec<char> = e.value().chars().collect();
            let at = e.cursor().min(chars.len());
            let before: String = chars[..at].iter().collect();
            let after: String = chars[at..].iter().collect();
            // The end that holds the cursor, where the value is wider than the room.
            let room = out.width.saturating_sub(LABEL_W + 1);
            let before = if before.width() + 1 > room {
                let mut s: String = before.chars().rev().collect();
                s = crate::tui::text::truncate(&s, room.saturating_sub(1));
                s.chars().rev().collect()
            } else {
                before
            };
            let (cursor, after) = match after.chars().next() {
                Some(c) => (c.to_string(), after.chars().skip(1).collect::<String>()),
                None => (" ".to_string(), String::new()),
            };
            let left = room.saturating_sub(before.width() + cursor.width());
            out.push(vec![
                label,
                (Role::Input, before),
                (Role::Cursor, cursor),
                (Role::Input, crate::tui::text::truncate(&after, left)),
            ]);
            match &e.error {
                Some(err) => out.para(LABEL_W, Role::Error, &format!("✗ {err}")),
                None => out.para(LABEL_W, Role::Muted, "Enter keeps it, Esc cancels"),
            }
            return;
        }
        let a = &w.answers;
        let (value, role) = match f {
            Field::Reason if a.override_reason.is_empty() => (
                format!(
                    "required: say why {} rather than {} (Space to type)",
                    w.chosen().label(),
                    w.proposal().outcome.label()
                ),
                Role::Warn,
            ),
            Field::Reason => (a.override_reason.clone(), Role::Answer),
            Field::ReviewOn => match (a.review_on, w.default_review()) {
                (Some(on), _) => (iso(on), Role::Answer),
                (None, Some(on)) => (
                    format!("{} ({} days on)", iso(on), w.case.rules.review_days),
                    Role::Text,
                ),
                (None, None) => ("none".into(), Role::Muted),
            },
            Field::NewMrr => match a.proposed_mrr {
                Some(m) => (money(m, cur), Role::Answer),
                None => (
                    format!(
                        "{} (reaches the {:.0}% target margin)",
                        money(w.case.reprice.proposed_mrr, cur),
                        w.case.reprice.target_margin_pct
                    ),
                    Role::Text,
                ),
            },
            Field::Notes if a.notes.is_empty() => ("none".into(), Role::Muted),
            Field::Notes => (a.notes.replace('\n', " / "), Role::Answer),
        };
        out.head(vec![label], &value, role, Vec::new());
    }

    fn exit(&self, out: &mut Out) {
        let w = &self.walk;
        let c = &w.case;
        let chosen = w.chosen();
        let cur = &c.rules.currency;
        out.head(
            vec![(Role::Muted, "Ending it: ".into())],
            &chosen.label().to_uppercase(),
            Role::Heading,
            Vec::new(),
        );
        out.blank();
        if let Some(plan) = ExitPlanKept::for_outcome(c, chosen) {
            let notice = c.client.fields.notice_days;
            let end = match (chosen, plan.end_on) {
                (Outcome::DoNotRenew, Some(d)) => format!("{} (the contract's end)", iso(d)),
                (Outcome::DoNotRenew, None) => {
                    "unknown: no contract end on record; check the agreement".into()
                }
                (_, Some(d)) => match (notice, c.client.fields.contract_end) {
                    (_, Some(ce)) if ce == d => format!("{} (the contract ends first)", iso(d)),
                    (Some(n), _) => format!("{} (the earliest {n} days' notice allows)", iso(d)),
                    _ => iso(d),
                },
                (_, None) => {
                    "unknown: no notice period on record; check the agreement rather than guess"
                        .into()
                }
            };
            let role = if plan.end_on.is_some() {
                Role::Heading
            } else {
                Role::Warn
            };
            out.pair(0, "Ends on", &end, role);
            if chosen == Outcome::EndNow && plan.end_on.is_some() {
                out.pair(
                    0,
                    "Give notice",
                    &format!("today, {}: the notice runs from it", iso(c.as_of)),
                    Role::Text,
                );
            }
            if chosen == Outcome::DoNotRenew {
                let by = match plan.notice_by {
                    Some(by) if by < c.as_of => format!("{} (already past)", iso(by)),
                    Some(by) => iso(by),
                    None => "unknown: it needs a contract end and a notice period".into(),
                };
                out.pair(0, "Give notice by", &by, Role::Text);
            }
            let refund = if !c.client.fields.prepaid {
                "none: not prepaid".to_string()
            } else if chosen == Outcome::DoNotRenew {
                "none: the contract runs to its end".to_string()
            } else if plan.end_on.is_none() {
                "unknown until the end date is".to_string()
            } else {
                format!(
                    "{} for the days of the month after the end",
                    money(plan.prepaid_refund, cur)
                )
            };
            out.pair(0, "Prepaid refund", &refund, Role::Text);
        }
        out.blank();
        for r in exit::advice(c, chosen, &w.proposal().reasons) {
            out.reason(&r);
        }
    }

    /// The first line on screen: the selected row's lines in view (as few lines scrolled as
    /// that takes), then what the user scrolled further.
    pub fn top(&self, lines: &[BodyLine], height: usize) -> usize {
        let max_top = lines.len().saturating_sub(height);
        (self.auto_top(lines, height) + self.scroll).min(max_top)
    }

    fn auto_top(&self, lines: &[BodyLine], height: usize) -> usize {
        let mut block = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.row.is_some() && l.row == Some(self.row))
            .map(|(i, _)| i);
        let Some(start) = block.next() else {
            return 0;
        };
        let end = block.next_back().unwrap_or(start);
        (end + 1).saturating_sub(height).min(start)
    }

    /// How far PgDn can scroll past where the selection puts the view.
    pub fn max_scroll(&self, width: usize, height: usize) -> usize {
        let lines = self.body(width);
        let max_top = lines.len().saturating_sub(height);
        max_top.saturating_sub(self.auto_top(&lines, height))
    }
}
