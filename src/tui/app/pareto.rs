//! The Pareto screen's state: the measures, the chosen ranking and its counterpart, the R1
//! candidates, the map toggle, and the what-if of the marked clients.

use std::collections::BTreeSet;

use super::cursor::Cursor;
use crate::domain::ClientId;
use crate::domain::pareto::{
    ClientMeasures, Measure, Pareto, ParetoRules, WhatIf, pareto, r1_candidates, what_if,
};

#[derive(Debug, Clone)]
pub struct ParetoView {
    pub rules: ParetoRules,
    /// The ranking shown first; `m` cycles it.
    pub measure: Measure,
    pub measures: Vec<ClientMeasures>,
    pub primary: Pareto,
    /// The counterpart beside it: the stress ranking next to revenue, revenue next to effort.
    pub counterpart: Pareto,
    /// Guide R1: in the vital few for stress or hours, not for revenue.
    pub r1: Vec<ClientId>,
    /// Show the value/effort map instead of the rankings.
    pub map: bool,
    /// The cursor in the primary ranking: on the app's selected client when it is ranked.
    pub cursor: Cursor,
    /// Dropping the marked clients, before and after.
    pub what_if: WhatIf,
}

impl ParetoView {
    pub fn new(rules: ParetoRules) -> Self {
        let empty = pareto(&[], Measure::Revenue, rules.vital_share);
        Self {
            rules,
            measure: Measure::Revenue,
            measures: Vec::new(),
            primary: empty.clone(),
            counterpart: empty,
            r1: Vec::new(),
            map: false,
            cursor: Cursor::default(),
            what_if: what_if(&[], &[], 0),
        }
    }

    pub fn counterpart_measure(&self) -> Measure {
        if self.measure == Measure::Revenue {
            Measure::Stress
        } else {
            Measure::Revenue
        }
    }

    /// New measures (after a write or a new as-of date); the cursor stays on `keep` (the
    /// app's selected client) when it is ranked.
    pub fn set_measures(
        &mut self,
        ms: Vec<ClientMeasures>,
        marks: &BTreeSet<ClientId>,
        cost: i64,
        page: usize,
        keep: Option<ClientId>,
    ) {
        self.measures = ms;
        self.rank(marks, cost, page, keep);
    }

    /// Ranks again (after the measure changed) and redoes the what-if.
    pub fn rank(
        &mut self,
        marks: &BTreeSet<ClientId>,
        cost: i64,
        page: usize,
        keep: Option<ClientId>,
    ) {
        let share = self.rules.vital_share;
        self.primary = pareto(&self.measures, self.measure, share);
        self.counterpart = pareto(&self.measures, self.counterpart_measure(), share);
        self.r1 = r1_candidates(&self.measures, share);
        self.what_if_again(marks, cost);
        let pos = keep
            .and_then(|id| self.primary.rows.iter().position(|r| r.id == id))
            .unwrap_or(self.cursor.selected);
        self.cursor.move_to(pos, self.primary.rows.len(), page);
    }

    pub fn what_if_again(&mut self, marks: &BTreeSet<ClientId>, cost: i64) {
        let dropped: Vec<ClientId> = marks.iter().copied().collect();
        self.what_if = what_if(&self.measures, &dropped, cost);
    }

    pub fn selected_id(&self) -> Option<ClientId> {
        self.primary.rows.get(self.cursor.selected).map(|r| r.id)
    }

    pub fn position(&self, id: ClientId) -> Option<usize> {
        self.primary.rows.iter().position(|r| r.id == id)
    }
}
