//! What the walk shows on its current step, as lines of text with their roles (the screen
//! gives each role its style): the questions with their answers and the evidence under
//! each, the numbers of C1 and H1, the proposal with every reason, the outcome and its
//! fields, the exit plan. Wrapped to the width there is, never cut, so the app knows how
//! far the step scrolls and where the selected question is.

use unicode_width::UnicodeWidthStr;

use super::walk::{Field, Row, WalkView};
use crate::domain::Cents;
use crate::domain::date::iso;
use crate::domain::decide::Evidence;
use crate::domain::decide::decision::ExitPlanKept;
use crate::domain::decide::walk::{Q, Step};
use crate::domain::decide::{Outcome, Reason, exit};
use crate::domain::money::group_thousands;
use crate::t;
use crate::tui::keymap;
use crate::tui::text::{pad, wrap};
use crate::words::{language, say};

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

    fn evidence(&mut self, lines: &[Evidence], cur: &str) {
        let lang = language();
        for e in lines {
            self.para(
                EVIDENCE_INDENT,
                Role::Muted,
                &say::evidence_in(lang, e, cur),
            );
        }
    }

    fn reason(&mut self, r: &Reason, cur: &str) {
        self.head(
            vec![(Role::Code, pad(r.code.as_str(), CODE_W))],
            &say::reason(r, cur),
            Role::Text,
            Vec::new(),
        );
        self.evidence(&r.evidence, cur);
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
            out.para(0, Role::Warn, t!("walk.body.stale"));
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
        let outcome = say::outcome(s.chosen);
        let text = if s.changes.is_empty() {
            t!("walk.body.since_nothing", on = iso(s.on), outcome = outcome)
        } else {
            let changes = say::changes(&s.changes, &self.walk.case.rules.currency);
            t!(
                "walk.body.since_changes",
                on = iso(s.on),
                outcome = outcome,
                changes = changes.join(", ")
            )
        };
        out.para(0, Role::Heading, &text);
        out.blank();
    }

    fn intro(step: Step) -> &'static str {
        match step {
            Step::Dealbreakers => t!("walk.intro.dealbreakers"),
            Step::Reasons => t!("walk.intro.reasons"),
            Step::Reconsider => t!("walk.intro.reconsider"),
            Step::Reprice => t!("walk.intro.reprice"),
            Step::RedFlags => t!("walk.intro.red_flags"),
            Step::Expectations => t!("walk.intro.expectations"),
            Step::Fit => t!("walk.intro.fit"),
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
            let (yes, no) = say::choices(q.q);
            let comparison = q.q.is_comparison();
            let shown = match q.answer {
                Some(true) if comparison => t!("walk.answer.challenging"),
                Some(false) if comparison => t!("walk.answer.bad"),
                Some(true) => t!("walk.answer.yes"),
                Some(false) => t!("walk.answer.no"),
                None => t!("walk.answer.unanswered"),
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
                if q.from_data {
                    format!(" {}", t!("walk.answer.data"))
                } else {
                    "     ".into()
                },
            ));
            out.head(
                vec![(Role::Code, pad(q.q.code().as_str(), CODE_W))],
                say::question(q.q),
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
                out.evidence(&q.evidence, &self.walk.case.rules.currency);
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
            t!("walk.c1.heading"),
            Role::Heading,
            Vec::new(),
        );
        out.pair(
            CODE_W,
            t!("walk.c1.share"),
            &t!(
                "walk.c1.share_value",
                pct = format!("{:.1}", p.revenue_share * 100.0),
                days = p.window_days
            ),
            Role::Text,
        );
        out.pair(
            CODE_W,
            t!("walk.c1.monthly"),
            &t!(
                "walk.c1.monthly_value",
                mrr = money(c.client.fields.mrr, cur)
            ),
            Role::Text,
        );
        match (&p.before, &p.after) {
            (Some(b), Some(a)) => {
                let whole = |v: i64| Cents(v).display_whole(cur);
                let hours = |h: f64| group_thousands(h.round().max(0.0) as u64);
                out.pair(
                    CODE_W,
                    t!("walk.c1.without"),
                    &t!(
                        "walk.c1.revenue",
                        before = whole(b.revenue_cents),
                        after = whole(a.revenue_cents)
                    ),
                    Role::Text,
                );
                out.pair(
                    CODE_W,
                    "",
                    &t!(
                        "walk.c1.hours",
                        before = hours(b.hours),
                        after = hours(a.hours)
                    ),
                    Role::Text,
                );
                let margin = match (b.margin_pct, a.margin_pct) {
                    (Some(mb), Some(ma)) => t!(
                        "walk.c1.margin",
                        before = format!("{mb:.1}"),
                        after = format!("{ma:.1}")
                    ),
                    _ => t!("walk.c1.margin_unknown").into(),
                };
                out.pair(CODE_W, "", &margin, Role::Text);
            }
            _ => out.pair(
                CODE_W,
                t!("walk.c1.without"),
                t!("walk.c1.not_measured"),
                Role::Muted,
            ),
        }
        if p.revenue_share > p.concentration_warning {
            out.para(
                CODE_W,
                Role::Warn,
                &t!(
                    "walk.c1.concentration",
                    pct = format!("{:.0}", p.concentration_warning * 100.0)
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
            t!("walk.h1.heading"),
            Role::Heading,
            Vec::new(),
        );
        out.pair(
            CODE_W,
            t!("walk.h1.hours"),
            &t!(
                "walk.h1.hours_value",
                hours = format!("{:.1}", r.monthly_hours)
            ),
            Role::Text,
        );
        out.pair(
            CODE_W,
            t!("walk.h1.labour"),
            &t!(
                "walk.h1.labour_value",
                cost = money(r.labour_cost, cur),
                rate = money(c.rules.hourly_cost, cur)
            ),
            Role::Text,
        );
        let tooling = if c.rules.tooling_per_seat == Cents::ZERO {
            t!("walk.h1.no_tooling").to_string()
        } else {
            crate::tn!(
                "walk.h1.tooling_value",
                seats,
                cost = money(r.tooling_cost, cur),
                per = money(c.rules.tooling_per_seat, cur)
            )
        };
        out.pair(CODE_W, t!("walk.h1.tooling"), &tooling, Role::Text);
        out.pair(
            CODE_W,
            t!("walk.h1.monthly_cost"),
            &money(r.monthly_cost, cur),
            Role::Text,
        );
        out.pair(
            CODE_W,
            t!("walk.h1.target"),
            &format!("{:.0}%", r.target_margin_pct),
            Role::Text,
        );
        out.pair(
            CODE_W,
            t!("walk.h1.reaches"),
            &money(r.proposed_mrr, cur),
            Role::Heading,
        );
        let now = match r.increase_pct {
            Some(pct) if r.proposed_mrr > r.current_mrr => t!(
                "walk.h1.today_more",
                mrr = money(r.current_mrr, cur),
                pct = format!("{pct:.0}"),
                more = money(r.increase(), cur)
            ),
            Some(_) => t!("walk.h1.today_enough", mrr = money(r.current_mrr, cur)),
            None => t!("walk.h1.today_none").into(),
        };
        out.pair(CODE_W, t!("walk.h1.today"), &now, Role::Text);
        if c.rules.hourly_cost == Cents::ZERO {
            out.para(CODE_W, Role::Warn, t!("walk.h1.no_labour_cost"));
        }
    }

    fn fit(&self, out: &mut Out) {
        out.para(0, Role::Muted, Self::intro(Step::Fit));
        out.blank();
        let c = &self.walk.case;
        if c.fit.is_empty() {
            out.para(0, Role::Muted, t!("walk.fit.no_profile"));
        }
        for f in &c.fit {
            out.head(
                vec![(Role::Code, pad("P1", CODE_W))],
                &say::fit_check_in(language(), &f.on, f.fits, &c.rules.currency),
                if f.fits { Role::Text } else { Role::Warn },
                Vec::new(),
            );
        }
        out.blank();
        let fields = &c.client.fields;
        let cur = &c.rules.currency;
        out.pair(0, t!("walk.fit.mrr"), &money(fields.mrr, cur), Role::Text);
        out.pair(
            0,
            t!("walk.fit.seats"),
            &fields.seats.to_string(),
            Role::Text,
        );
        if let Some(s) = &fields.segment {
            out.pair(0, t!("walk.fit.segment"), s, Role::Text);
        }
    }

    fn outcome(&self, out: &mut Out) {
        let w = &self.walk;
        let p = w.proposal();
        out.head(
            vec![(Role::Muted, pad(t!("walk.outcome.proposes"), LABEL_W))],
            &say::outcome(p.outcome).to_uppercase(),
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
        out.para(0, Role::Muted, t!("walk.outcome.why"));
        for r in &p.reasons {
            out.reason(r, &w.case.rules.currency);
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
                t!("walk.outcome.conditions"),
                t!("walk.outcome.no_conditions"),
                Role::Warn,
            );
        }
        for (n, cond) in conditions.iter().enumerate() {
            let label = if n == 0 {
                t!("walk.outcome.conditions")
            } else {
                ""
            };
            out.pair(0, label, &say::condition(cond), Role::Text);
        }
    }

    fn outcome_row(&self, out: &mut Out) {
        let w = &self.walk;
        let proposed = w.proposal().outcome;
        let chosen = w.chosen();
        let note = if chosen == proposed {
            (
                Role::Muted,
                format!("  {}", t!("walk.outcome.the_proposal")),
            )
        } else {
            (
                Role::Warn,
                format!(
                    "  {}",
                    t!("walk.outcome.over", outcome = say::outcome(proposed))
                ),
            )
        };
        let shown = format!("‹ {} ›", say::outcome(chosen));
        out.head(
            vec![(Role::Muted, pad(t!("walk.outcome.label"), LABEL_W))],
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
                        format!(" {}  ", say::outcome(*o)),
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
                None => out.para(LABEL_W, Role::Muted, t!("walk.field.keeps")),
            }
            return;
        }
        let a = &w.answers;
        let (value, role) = match f {
            Field::Reason if a.override_reason.is_empty() => (
                t!(
                    "walk.field.required",
                    chosen = say::outcome(w.chosen()),
                    proposed = say::outcome(w.proposal().outcome)
                ),
                Role::Warn,
            ),
            Field::Reason => (a.override_reason.clone(), Role::Answer),
            Field::ReviewOn => match (a.review_on, w.default_review()) {
                (Some(on), _) => (iso(on), Role::Answer),
                (None, Some(on)) => (
                    t!(
                        "walk.field.review_default",
                        on = iso(on),
                        days = w.case.rules.review_days
                    ),
                    Role::Text,
                ),
                (None, None) => (t!("walk.field.none").into(), Role::Muted),
            },
            Field::NewMrr => match a.proposed_mrr {
                Some(m) => (money(m, cur), Role::Answer),
                None => (
                    t!(
                        "walk.field.mrr_default",
                        mrr = money(w.case.reprice.proposed_mrr, cur),
                        pct = format!("{:.0}", w.case.reprice.target_margin_pct)
                    ),
                    Role::Text,
                ),
            },
            Field::Notes if a.notes.is_empty() => (t!("walk.field.none").into(), Role::Muted),
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
            vec![(Role::Muted, format!("{} ", t!("walk.exit.ending")))],
            &say::outcome(chosen).to_uppercase(),
            Role::Heading,
            Vec::new(),
        );
        out.blank();
        if let Some(plan) = ExitPlanKept::for_outcome(c, chosen) {
            let notice = c.client.fields.notice_days;
            let end = match (chosen, plan.end_on) {
                (Outcome::DoNotRenew, Some(d)) => t!("walk.exit.contract_end", on = iso(d)),
                (Outcome::DoNotRenew, None) => t!("walk.exit.no_contract_end").into(),
                (_, Some(d)) => match (notice, c.client.fields.contract_end) {
                    (_, Some(ce)) if ce == d => t!("walk.exit.ends_first", on = iso(d)),
                    (Some(n), _) => t!("walk.exit.earliest", on = iso(d), n = n),
                    _ => iso(d),
                },
                (_, None) => t!("walk.exit.no_notice").into(),
            };
            let role = if plan.end_on.is_some() {
                Role::Heading
            } else {
                Role::Warn
            };
            out.pair(0, t!("walk.exit.ends_on"), &end, role);
            if chosen == Outcome::EndNow && plan.end_on.is_some() {
                out.pair(
                    0,
                    t!("walk.exit.give_notice"),
                    &t!("walk.exit.today", on = iso(c.as_of)),
                    Role::Text,
                );
            }
            if chosen == Outcome::DoNotRenew {
                let by = match plan.notice_by {
                    Some(by) if by < c.as_of => t!("walk.exit.past", on = iso(by)),
                    Some(by) => iso(by),
                    None => t!("walk.exit.notice_unknown").into(),
                };
                out.pair(0, t!("walk.exit.give_notice_by"), &by, Role::Text);
            }
            let refund = if !c.client.fields.prepaid {
                t!("walk.exit.not_prepaid").to_string()
            } else if chosen == Outcome::DoNotRenew {
                t!("walk.exit.runs_to_end").to_string()
            } else if plan.end_on.is_none() {
                t!("walk.exit.refund_unknown").to_string()
            } else {
                t!("walk.exit.refund", amount = money(plan.prepaid_refund, cur))
            };
            out.pair(0, t!("walk.exit.refund_label"), &refund, Role::Text);
        }
        out.blank();
        for r in exit::advice(c, chosen, &w.proposal().reasons) {
            out.reason(&r, cur);
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
