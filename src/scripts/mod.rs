//! The breakup scripts' ties to the outside: the user's template overrides read from the
//! config folder, and the facts of a client gathered from the store and the config. The
//! words themselves are made in [`crate::domain::script`]; both faces (the `rapport script`
//! command and the Scripts view) come here for what goes into them.

mod facts;
mod load;

pub use facts::{facts_for, new_rate_from};
pub use load::{MAX_TEMPLATE_BYTES, load_templates, templates_dir};
