//! `--save-preset NAME`: the mapping used, appended to the config file as an
//! `[import.presets.NAME]` table (the user's comments and layout stay), atomically: a new
//! private file beside it, then renamed over it. A name that is taken is refused before
//! anything is read or written.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};

use super::super::Context;
use crate::cli_error::Invalid;
use crate::config::{Config, preset_toml};
use crate::domain::import::Preset;
use crate::files::{create_private_dir, create_private_file};

/// Refuses a name a saved or built-in preset already has, or one that is empty.
pub(super) fn check_name(ctx: &Context, name: &str) -> Result<()> {
    check_name_in(&ctx.config, ctx.config_path.as_deref(), name)
}

/// [`check_name`] for a config read from `config_path` (the TUI's Import view has no
/// [`Context`]).
pub fn check_name_in(config: &Config, config_path: Option<&Path>, name: &str) -> Result<()> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(Invalid(crate::t!(
            "commands.import.preset_name",
            name = name.escape_debug()
        ))
        .into());
    }
    let taken = config
        .import_presets
        .iter()
        .chain(&Preset::builtin())
        .any(|p| p.name.eq_ignore_ascii_case(name));
    if taken {
        return Err(Invalid(crate::t!("commands.import.preset_taken", name = name)).into());
    }
    target(config_path).map(|_| ())
}

/// Appends `preset` to the config file (creating it, and its folder 0700, when absent);
/// the file it wrote.
pub(super) fn save(ctx: &Context, preset: &Preset) -> Result<PathBuf> {
    save_in(ctx.config_path.as_deref(), preset)
}

/// [`save`] to the config file at `config_path`.
pub fn save_in(config_path: Option<&Path>, preset: &Preset) -> Result<PathBuf> {
    let path = target(config_path)?;
    let cannot = || crate::t!("commands.import.cannot_save", path = path.display());
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.exists() {
        create_private_dir(dir).with_context(cannot)?;
    }
    let old = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(anyhow::Error::new(e).context(cannot())),
    };
    let mut text = old.clone();
    if !text.is_empty() {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\n');
    }
    text.push_str(&preset_toml(preset));
    // What is written must read back, with the preset in it (a file that holds the import
    // table inline cannot take a new table after it).
    let back = Config::parse(&path, &text).with_context(cannot)?;
    if !back.import_presets.iter().any(|p| p.name == preset.name) {
        return Err(anyhow!(cannot()));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut f = create_private_file(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, &path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(anyhow::Error::new(e).context(cannot()));
    }
    Ok(path)
}

/// The file to write: the config in force, or where a link to it points. Anything but a
/// plain file (/dev/null, a folder) is refused.
fn target(config_path: Option<&Path>) -> Result<PathBuf> {
    let named = config_path
        .map(Path::to_path_buf)
        .ok_or_else(|| anyhow!(crate::t!("commands.import.no_config")))?;
    let path = match fs::canonicalize(&named) {
        Ok(real) if real.is_file() => real,
        Ok(_) => {
            return Err(Invalid(crate::t!(
                "commands.import.config_not_file",
                path = named.display()
            ))
            .into());
        }
        Err(_) => named,
    };
    Ok(path)
}
