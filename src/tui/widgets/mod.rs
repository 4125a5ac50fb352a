//! Reusable pieces of screen.

pub mod form;
pub mod trend;
