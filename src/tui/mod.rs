//! The terminal UI.

use anyhow::Result;

use crate::commands::Context;

pub fn run(_ctx: &Context, _no_color: bool) -> Result<()> {
    Ok(())
}
