//! Reading a PSA's CSV export, without any I/O: which rapport field each column feeds (a
//! built-in preset, header aliases, the user's own `--map`), how a cell's text becomes a
//! date, an amount, a ticket kind or a yes/no, and how one row becomes a record the store
//! can write, or every reason it cannot. The file itself (encoding, delimiter, streaming)
//! is read in `crate::import`; the records are written in `crate::store`.

mod amount;
mod dates;
mod field;
mod mapping;
mod overrides;
mod preset;
mod record;
mod row;
mod value;

// Apart from the rest: other branches add modules in between.
mod notes;

pub use dates::readings as date_readings;
pub use field::{Field, ImportKind};
pub use mapping::{Mapping, MappingError, ValueRules};
pub use overrides::{BadValueRule, apply_value_rule};
pub use preset::Preset;
pub use record::{ImportRecord, RowError, RowProblem};
pub use value::{CellProblem, DateFormat, parse_date, parse_money, parse_yes_no};

pub use notes::MappingNote;
