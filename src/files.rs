//! The files rapport writes hold client data: a folder only its owner may enter (0700), a
//! new file only its owner may read (0600), and never one written over an existing file.
//! The store (database, backups) and the faces (exports, letters) create them here.

use std::fs;
use std::path::Path;

/// A folder only its owner may enter (0700), with the folders above it.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// A new file only its owner may read (0600); refused when one is there.
pub fn create_private_file(path: &Path) -> std::io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}
