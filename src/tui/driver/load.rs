//! The background load at start-up: every client's facts read on a connection of its own,
//! and scored, off the UI thread. The driver takes the answer in on a tick.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::ClientId;
use crate::domain::pareto::{ClientMeasures, ParetoRules, measures};
use crate::domain::score::{PortfolioFacts, Rules, Scorecard, evaluate};
use crate::store::{Store, StoreError};

/// What to score with: the as-of date, the scoring and the Pareto rules.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Basis {
    pub as_of: NaiveDate,
    pub rules: Rules,
    pub pareto: ParetoRules,
}

/// What the background load read and computed.
pub(super) struct Loaded {
    /// Each client's revision, read before the facts: a client whose revision has moved
    /// since may have changes the facts do not hold.
    pub revs: Vec<(ClientId, i64)>,
    pub facts: PortfolioFacts,
    /// The current clients' cards and measures, on `basis`.
    pub cards: Vec<Scorecard>,
    pub measures: Vec<ClientMeasures>,
    pub basis: Basis,
}

impl Loaded {
    /// Reads the file at `path` on a connection of its own and scores every current client.
    pub fn read(path: &Path, basis: Basis) -> Result<Self, StoreError> {
        let store = Store::open_read(path)?;
        let revs = store.revisions()?;
        let facts = store.portfolio_facts()?;
        let (cards, measures) = score(&facts, &basis);
        Ok(Self {
            revs,
            facts,
            cards,
            measures,
            basis,
        })
    }
}

/// Every current client's card and every active client's Pareto measures.
pub(super) fn score(
    facts: &PortfolioFacts,
    basis: &Basis,
) -> (Vec<Scorecard>, Vec<ClientMeasures>) {
    let cards = facts
        .clients
        .iter()
        .filter(|f| f.status.is_current())
        .map(|f| evaluate(f, facts, basis.as_of, &basis.rules))
        .collect();
    (cards, measures(facts, basis.as_of, &basis.pareto))
}
