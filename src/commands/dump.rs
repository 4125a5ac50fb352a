//! The full dump from the command line: `rapport export --format json --all` writes the
//! whole database as JSON (to stdout, or a new private file), and `rapport import FILE`
//! loads such a dump into an empty database, creating it when it is not there.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Context;
use crate::store::{Dump, Store};

/// Writes the whole database as a dump to `out` (a new file, 0600 in a 0700 folder, never
/// over one that is there), or to stdout.
pub fn export_all(ctx: &Context, out: Option<&Path>) -> Result<()> {
    if let Some(out) = out
        && fs::symlink_metadata(out).is_ok()
    {
        bail!(crate::t!("scripts.cli.out_exists", file = out.display()));
    }
    let store = ctx.open_read_store()?;
    let dump = store
        .dump()
        .with_context(|| crate::t!("dump.cli.cannot_export", path = ctx.db_path.display()))?;
    drop(store);
    match out {
        None => {
            let mut w = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
            dump.write_json(&mut w)
                .and_then(|()| w.flush())
                .context(crate::t!(
                    "dump.cli.cannot_export",
                    path = ctx.db_path.display()
                ))?;
        }
        Some(out) => {
            let mut bytes = Vec::with_capacity(1 << 20);
            dump.write_json(&mut bytes)?;
            // serde_json writes UTF-8 only.
            let text = String::from_utf8(bytes)?;
            super::script::write_new(out, &text)?;
            eprintln!(
                "{}",
                crate::t!(
                    "dump.cli.exported",
                    file = out.display(),
                    summary = dump.summary()
                )
            );
        }
    }
    Ok(())
}

/// Loads the dump in `file` into the database, which must hold no clients; creates it
/// when there is none. One line says what was loaded (a JSON object with `json`).
pub fn import_all(ctx: &Context, file: &Path, json: bool) -> Result<()> {
    let cannot = || crate::t!("dump.cli.cannot_load", file = file.display());
    let bytes = match fs::read(file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let missing = crate::t!("commands.import.no_file", file = file.display());
            return Err(crate::cli_error::Invalid(missing).into());
        }
        read => read.with_context(cannot)?,
    };
    let dump = Dump::from_json(&bytes).with_context(cannot)?;
    drop(bytes);
    // A dump that cannot load is refused before a database is made for it.
    dump.check().with_context(cannot)?;
    let existed = fs::symlink_metadata(&ctx.db_path).is_ok();
    // No daily backup: the database must be empty, there is nothing to keep.
    let mut store = Store::open(&ctx.db_path).context(crate::t!("commands.cannot_open"))?;
    let loaded = store.load_dump(&dump);
    drop(store);
    let summary = match loaded {
        Ok(summary) => summary,
        Err(e) => {
            if !existed {
                remove_new_database(&ctx.db_path);
            }
            return Err(e).with_context(cannot);
        }
    };
    if json {
        let mut doc = serde_json::to_value(summary)?;
        if let Some(map) = doc.as_object_mut() {
            map.insert("file".into(), file.display().to_string().into());
            map.insert("database".into(), ctx.db_path.display().to_string().into());
        }
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        println!(
            "{}",
            crate::t!(
                "dump.cli.loaded",
                file = file.display(),
                path = ctx.db_path.display(),
                summary = summary
            )
        );
    }
    Ok(())
}

/// Removes the empty database this import made for a dump that did not load, so a refused
/// dump leaves nothing behind.
fn remove_new_database(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = fs::remove_file(side);
    }
    let _ = fs::remove_file(path);
}
