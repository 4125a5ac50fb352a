//! The pure domain: clients, their evidence and the rules about them. No I/O, no terminal,
//! no SQL; "today" is always a parameter.

pub mod client;
pub mod date;
pub mod decide;
pub mod defaults;
pub mod error;
pub mod evidence;
pub mod identity;
pub mod import;
pub mod lang;
pub mod money;
pub mod offboard;
pub mod pareto;
pub mod portfolio;
pub mod problem;
pub mod record;
pub mod score;
pub mod script;
pub mod text;

pub use client::{
    Client, ClientDraft, ClientField, ClientFields, ClientId, ClientRow, ClientStatus,
};
pub use defaults::Defaults;
pub use error::{FieldError, Problem, ValidationError};
pub use evidence::*;
pub use money::Cents;
pub use portfolio::{GutCheck, Portfolio, PortfolioClient};
