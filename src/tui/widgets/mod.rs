//! Reusable pieces of screen.

pub mod decision;
pub mod form;
pub mod pareto_chart;
pub mod trend;
