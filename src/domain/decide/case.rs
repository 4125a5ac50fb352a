//! The case file: everything the walk shows a question with and proposes from, gathered
//! once from the client's own evidence. Built from values (the client, its scorecard, the
//! portfolio's measures, its events); nothing here reads the store or the clock.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calc::{Contract, CostInputs, ExitPlan, Reprice, exit_plan, reprice};
use super::decision::{Change, Snapshot};
use super::said::{Evidence, Fit};
use crate::domain::identity::key;
use crate::domain::pareto::{ClientMeasures, Measure, ParetoRules, Totals, pareto, what_if};
use crate::domain::record::EventRecord;
use crate::domain::score::Scorecard;
use crate::domain::score::flags::Flag;
use crate::domain::{
    Cents, Client, ClientId, ClientStatus, IncidentKind, RecStatus, ValidationError,
};

/// The ideal client profile (`[ideal_client]` in the config): what a client that fits looks
/// like (R3, P1). Empty or zero means "no rule".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IdealClient {
    pub segments: Vec<String>,
    pub min_seats: u32,
    pub min_mrr: Cents,
    /// The stack every client under contract runs (P2), in words.
    pub standard_stack: String,
}

/// The config a decision is made with.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRules {
    /// `[costs] hourly_labour_cost`.
    pub hourly_cost: Cents,
    /// `[costs] tooling_per_seat`: per seat per month.
    pub tooling_per_seat: Cents,
    /// `[decisions] target_margin_pct`.
    pub target_margin_pct: f64,
    /// `[decisions] review_days`: when a "keep and watch" is looked at again.
    pub review_days: u32,
    pub ideal: IdealClient,
    /// The currency symbol evidence is written with.
    pub currency: String,
}

impl Default for DecisionRules {
    fn default() -> Self {
        Self {
            currency: "€".into(),
            hourly_cost: Cents::ZERO,
            tooling_per_seat: Cents::ZERO,
            target_margin_pct: 50.0,
            review_days: 90,
            ideal: IdealClient::default(),
        }
    }
}

/// One way a client fits the ideal client profile or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitCheck {
    pub fits: bool,
    /// The rule and the client's value against it.
    pub on: Fit,
}

/// R1: where the client stands in the Pareto analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct ParetoFacts {
    /// In the vital few for stress or hours, not for revenue.
    pub candidate: bool,
    /// The measures it is in the vital few of: "stress", "hours", "revenue".
    pub vital_for: Vec<&'static str>,
    /// Its revenue per hour, and the portfolio's.
    pub rate: Option<Cents>,
    pub portfolio_rate: Option<Cents>,
    /// C1: its share of the revenue (0 to 1), and the portfolio before and after it goes.
    pub revenue_share: f64,
    pub before: Option<Totals>,
    pub after: Option<Totals>,
    /// The share above which the C1 warning shows.
    pub concentration_warning: f64,
    /// The days the Pareto measures cover, ending on the as-of date.
    pub window_days: u32,
}

/// Everything a decision about one client is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseFile {
    pub client: Client,
    pub as_of: NaiveDate,
    pub prospect: bool,
    pub score: Option<f64>,
    pub grade: Option<String>,
    /// The dealbreakers the data raises (D1-D5), with their evidence.
    pub flags: Vec<Flag>,
    /// Incidents of the last 365 days, with their notes, newest first.
    pub incidents: Vec<Evidence>,
    /// Invoices paid late or overdue in the last 365 days.
    pub late_invoices: Vec<Evidence>,
    /// Recommendations ignored in the last 365 days, security ones marked.
    pub ignored: Vec<Evidence>,
    pub ignored_security: usize,
    pub security_incidents: usize,
    pub pareto: ParetoFacts,
    pub reprice: Reprice,
    pub exit: ExitPlan,
    pub fit: Vec<FitCheck>,
    pub rules: DecisionRules,
}

/// What [`CaseFile::build`] is given.
pub struct CaseInputs<'a> {
    pub client: &'a Client,
    pub as_of: NaiveDate,
    /// The client's scorecard, when it has one.
    pub card: Option<&'a Scorecard>,
    /// Every active client's Pareto measures over the Pareto window.
    pub measures: &'a [ClientMeasures],
    pub pareto: &'a ParetoRules,
    /// Minutes logged in the scoring window, and its length.
    pub minutes_in_window: u64,
    pub window_days: u32,
    /// The client's events that count (not voided).
    pub records: &'a [EventRecord],
    pub rules: &'a DecisionRules,
}

impl CaseFile {
    pub fn build(i: CaseInputs<'_>) -> CaseFile {
        let f = &i.client.fields;
        let year_ago = i.as_of.checked_sub_days(Days::new(364)).unwrap_or(i.as_of);
        let in_year = |d: NaiveDate| d >= year_ago && d <= i.as_of;
        let mut incidents = Vec::new();
        let mut late_invoices = Vec::new();
        let mut ignored = Vec::new();
        let (mut ignored_security, mut security_incidents) = (0, 0);
        for r in i.records {
            match r {
                EventRecord::Incident(x) if in_year(x.occurred_on) => {
                    if x.kind == IncidentKind::Security {
                        security_incidents += 1;
                    }
                    incidents.push((
                        x.occurred_on,
                        Evidence::Incident {
                            on: x.occurred_on,
                            kind: x.kind,
                            note: x.note.as_deref().map(|n| n.replace('\n', " ")),
                        },
                    ));
                }
                EventRecord::Invoice(x) if in_year(x.due_on) => {
                    let late = match x.paid_on {
                        Some(p) if p > x.due_on => Some(Evidence::PaidLate {
                            number: x.number.clone(),
                            due: x.due_on,
                            days: (p - x.due_on).num_days(),
                        }),
                        None if x.due_on < i.as_of => Some(Evidence::Overdue {
                            number: x.number.clone(),
                            due: x.due_on,
                            days: (i.as_of - x.due_on).num_days(),
                        }),
                        _ => None,
                    };
                    if let Some(late) = late {
                        late_invoices.push((x.due_on, late));
                    }
                }
                EventRecord::Recommendation(x)
                    if x.status == RecStatus::Ignored && x.decided_on.is_some_and(in_year) =>
                {
                    if x.security {
                        ignored_security += 1;
                    }
                    let on = x.decided_on.unwrap_or(x.made_on);
                    ignored.push((
                        on,
                        Evidence::Ignored {
                            on,
                            title: x.title.clone(),
                            security: x.security,
                        },
                    ));
                }
                _ => {}
            }
        }
        let newest_first = |mut v: Vec<(NaiveDate, Evidence)>| {
            v.sort_by_key(|e| std::cmp::Reverse(e.0));
            v.into_iter().map(|(_, s)| s).collect::<Vec<_>>()
        };
        let costs = CostInputs {
            current_mrr: f.mrr,
            minutes_in_window: i.minutes_in_window,
            window_days: i.window_days,
            seats: f.seats,
            hourly_cost: i.rules.hourly_cost,
            tooling_per_seat: i.rules.tooling_per_seat,
            target_margin_pct: i.rules.target_margin_pct,
        };
        let contract = Contract {
            mrr: f.mrr,
            prepaid: f.prepaid,
            contract_end: f.contract_end,
            notice_days: f.notice_days,
        };
        CaseFile {
            client: i.client.clone(),
            as_of: i.as_of,
            prospect: f.status == ClientStatus::Prospect,
            score: i.card.and_then(|c| c.score()),
            grade: i.card.and_then(|c| c.grade).map(|g| g.as_str().to_string()),
            flags: i.card.map(|c| c.flags.clone()).unwrap_or_default(),
            incidents: newest_first(incidents),
            late_invoices: newest_first(late_invoices),
            ignored: newest_first(ignored),
            ignored_security,
            security_incidents,
            pareto: pareto_facts(i.client.id, i.measures, i.pareto, i.rules.hourly_cost),
            reprice: reprice(&costs),
            exit: exit_plan(&contract, i.as_of),
            fit: fit(i.client, &i.rules.ideal),
            rules: i.rules.clone(),
        }
    }
}

impl CaseFile {
    /// What moved between an earlier reading of this case and now: the client's facts,
    /// the snapshot's figures (score, flags, MRR, share, rate), and the evidence that is new
    /// or gone. Empty when nothing the walk shows moved.
    pub fn changes_since(&self, before: &CaseFile) -> Vec<Change> {
        let mut out = Vec::new();
        if self.client.fields != before.client.fields {
            out.push(Change::Fields(
                self.client
                    .fields
                    .describe_changes_from(&before.client.fields),
            ));
        }
        out.extend(Snapshot::of(self).changes_since(&Snapshot::of(before)));
        for (now, then) in [
            (&self.incidents, &before.incidents),
            (&self.late_invoices, &before.late_invoices),
            (&self.ignored, &before.ignored),
        ] {
            out.extend(
                now.iter()
                    .filter(|l| !then.contains(l))
                    .map(|l| Change::New(l.clone())),
            );
            out.extend(
                then.iter()
                    .filter(|l| !now.contains(l))
                    .map(|l| Change::Gone(l.clone())),
            );
        }
        out
    }
}

fn pareto_facts(
    id: ClientId,
    ms: &[ClientMeasures],
    rules: &ParetoRules,
    hourly_cost: Cents,
) -> ParetoFacts {
    let vital_for: Vec<&'static str> = [Measure::Stress, Measure::Hours, Measure::Revenue]
        .into_iter()
        .filter(|m| pareto(ms, *m, rules.vital_share).is_vital(id))
        .map(|m| m.key())
        .collect();
    let candidate = (vital_for.contains(&"stress") || vital_for.contains(&"hours"))
        && !vital_for.contains(&"revenue");
    let mine = ms.iter().find(|m| m.client == id);
    let rate = mine
        .filter(|m| m.minutes > 0)
        .map(|m| Cents((m.revenue_cents as f64 * 60.0 / m.minutes as f64).round() as i64));
    let measured = mine.is_some();
    let w = what_if(
        ms,
        if measured {
            std::slice::from_ref(&id)
        } else {
            &[]
        },
        hourly_cost.0,
    );
    ParetoFacts {
        candidate,
        vital_for,
        rate,
        portfolio_rate: w.before.effective_rate_cents.map(Cents),
        revenue_share: w.dropped_revenue_share,
        before: measured.then_some(w.before),
        after: measured.then_some(w.after),
        concentration_warning: rules.concentration_warning,
        window_days: rules.window_days,
    }
}

/// The client against the ideal client profile: one check per rule the profile sets.
pub fn fit(c: &Client, ideal: &IdealClient) -> Vec<FitCheck> {
    let f = &c.fields;
    let mut checks = Vec::new();
    if !ideal.segments.is_empty() {
        let segment = f.segment.clone().filter(|s| !s.is_empty());
        let fits = segment
            .as_ref()
            .is_some_and(|seg| ideal.segments.iter().any(|s| key(s) == key(seg)));
        checks.push(FitCheck {
            fits,
            on: Fit::Segment {
                segment,
                serves: ideal.segments.clone(),
            },
        });
    }
    if ideal.min_seats > 0 {
        checks.push(FitCheck {
            fits: f.seats >= ideal.min_seats,
            on: Fit::Seats {
                seats: f.seats,
                min: ideal.min_seats,
            },
        });
    }
    if ideal.min_mrr > Cents::ZERO {
        checks.push(FitCheck {
            fits: f.mrr >= ideal.min_mrr,
            on: Fit::Mrr {
                mrr: f.mrr,
                min: ideal.min_mrr,
            },
        });
    }
    checks
}

/// Refuses a walk on a former client: there is nothing left to decide.
pub fn decidable(client: &Client) -> Result<(), ValidationError> {
    if client.fields.status == ClientStatus::Former {
        return Err(ValidationError::one(
            "client",
            crate::t!("decide.former", name = client.fields.name),
        ));
    }
    Ok(())
}

/// Everything the faces hold, put together into a case file: the client's scorecard from
/// the portfolio's facts, the Pareto measures, the minutes of the scoring window.
pub struct Portfolio<'a> {
    pub facts: &'a crate::domain::score::PortfolioFacts,
    pub scoring: &'a crate::domain::score::Rules,
    pub pareto: &'a ParetoRules,
    pub decisions: &'a DecisionRules,
}

impl Portfolio<'_> {
    /// The case file of `client` on `as_of`, from its events that count.
    pub fn case(&self, client: &Client, records: &[EventRecord], as_of: NaiveDate) -> CaseFile {
        use crate::domain::score::facts::day;
        let facts = self.facts.client(client.id);
        let card =
            facts.map(|f| crate::domain::score::evaluate(f, self.facts, as_of, self.scoring));
        let measures = crate::domain::pareto::measures(self.facts, as_of, self.pareto);
        let window = self.scoring.window_days.max(1);
        let to = day(as_of);
        let from = to - (i32::try_from(window).unwrap_or(i32::MAX) - 1);
        let minutes = facts.map_or(0, |f| u64::from(f.tallies.between(from, to).minutes));
        CaseFile::build(CaseInputs {
            client,
            as_of,
            card: card.as_ref(),
            measures: &measures,
            pareto: self.pareto,
            minutes_in_window: minutes,
            window_days: window,
            records,
            rules: self.decisions,
        })
    }
}
