//! A whole book of clients with their evidence, as plain values: what the demo generator
//! builds and the store writes in one transaction.

use super::client::ClientFields;
use super::defaults::Defaults;
use super::evidence::LogEntry;

/// Clients, everything logged about them, the staff's gut checks, and the defaults the
/// database should carry (the demo's labour cost and company name).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Portfolio {
    pub clients: Vec<PortfolioClient>,
    pub gut_checks: Vec<GutCheck>,
    pub defaults: Option<Defaults>,
}

/// One client and its evidence, oldest first. Only entries that create rows belong here
/// (tickets, invoices, time, recommendations, incidents): there are no ids to refer to yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioClient {
    pub fields: ClientFields,
    pub entries: Vec<LogEntry>,
}

/// One staff member's five worst clients in one year (guide O2), by client name, worst first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GutCheck {
    pub year: i32,
    pub staff: String,
    pub clients: Vec<String>,
}

impl Portfolio {
    /// The client with this exact name.
    pub fn client(&self, name: &str) -> Option<&PortfolioClient> {
        self.clients.iter().find(|c| c.fields.name == name)
    }
}
