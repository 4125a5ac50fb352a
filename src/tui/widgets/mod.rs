//! Reusable pieces of screen.

pub mod form;
pub mod pareto_chart;
pub mod trend;
