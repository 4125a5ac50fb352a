//! Reusable pieces of screen.

pub mod form;
