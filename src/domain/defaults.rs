//! Defaults a database carries for itself: what the demo writes so that a demo database
//! makes sense under any config (or none). They only fill in what the user's config leaves
//! unset, and whoever shows a figure that came from them says so.

use super::decide::case::IdealClient;
use super::money::Cents;

/// A database's own defaults and who wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Defaults {
    /// Who wrote them, named next to what they supply: "demo".
    pub source: String,
    /// What an hour of work costs (config: `costs.hourly_labour_cost`).
    pub hourly_labour_cost: Option<Cents>,
    /// The MSP's name (config: `company.name`).
    pub company_name: Option<String>,
    /// The ideal client profile (config: `[ideal_client]`), judged against in R3 and P1.
    pub ideal_client: Option<IdealClient>,
}

impl Defaults {
    /// True when they supply nothing.
    pub fn is_empty(&self) -> bool {
        self.hourly_labour_cost.is_none()
            && self.company_name.is_none()
            && self.ideal_client.is_none()
    }
}
