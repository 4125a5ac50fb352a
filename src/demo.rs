//! The demo portfolio (placeholder, filled in next).

use chrono::NaiveDate;

use crate::store::{Result, Store};

pub fn populate(_store: &mut Store, _today: NaiveDate) -> Result<String> {
    Ok(String::from("0 clients"))
}
