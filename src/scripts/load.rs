//! The user's own templates: files in a folder `templates/` next to config.toml, named like
//! the built-in ones (`nl/do-not-renew.letter.txt`), each replacing the built-in of its name.
//! Reading them never fails the script: a file that cannot be read is kept as a warning, and
//! the built-in is used.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::domain::lang::Lang;
use crate::domain::script::Templates;

/// The largest template read; a template is a page of text.
pub const MAX_TEMPLATE_BYTES: u64 = 256 * 1024;

/// The templates folder for a config file: `templates/` next to it.
pub fn templates_dir(config_path: &Path) -> PathBuf {
    config_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("templates")
}

/// The overrides in `dir` (`dir/en/*.txt`, `dir/nl/*.txt`); none when the folder is
/// missing. Files that cannot be read (not UTF-8, too large, no permission) are listed in
/// [`Templates::unreadable`], to be named by the scripts that would use them.
pub fn load_templates(dir: &Path) -> Templates {
    let mut t = Templates {
        folder: Some(dir.to_path_buf()),
        ..Templates::default()
    };
    for lang in Lang::ALL {
        let Ok(entries) = std::fs::read_dir(dir.join(lang.code())) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
            .collect();
        files.sort();
        for path in files {
            let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
                continue;
            };
            let name = format!("{}/{file}", lang.code());
            match read(&path) {
                Ok(text) => t.overrides.push((name, text)),
                Err(why) => t.unreadable.push((name, why)),
            }
        }
    }
    t
}

/// A template's text, or why it cannot be used.
fn read(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_TEMPLATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_TEMPLATE_BYTES {
        return Err(crate::t!("script.template_too_large").to_string());
    }
    String::from_utf8(bytes).map_err(|_| crate::t!("script.template_not_text").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_are_read_by_name_and_bad_files_kept_as_warnings() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("templates");
        assert!(
            load_templates(&root).overrides.is_empty(),
            "no folder, no overrides"
        );
        std::fs::create_dir_all(root.join("nl")).unwrap();
        std::fs::create_dir_all(root.join("en")).unwrap();
        std::fs::write(root.join("nl/reprice.email.txt"), "Beste {{ contact }}").unwrap();
        std::fs::write(root.join("en/notes.md"), "not a template").unwrap();
        std::fs::write(root.join("en/end-now.phone.txt"), [0xff, 0xfe, b'a']).unwrap();
        let t = load_templates(&root);
        assert_eq!(
            t.overrides,
            vec![(
                "nl/reprice.email.txt".to_string(),
                "Beste {{ contact }}".to_string()
            )]
        );
        assert_eq!(t.unreadable.len(), 1);
        assert_eq!(t.unreadable[0].0, "en/end-now.phone.txt");
        assert_eq!(
            t.file("nl/reprice.email.txt"),
            root.join("nl/reprice.email.txt").display().to_string()
        );
        assert_eq!(
            templates_dir(Path::new("/home/x/.config/rapport/config.toml")),
            Path::new("/home/x/.config/rapport/templates")
        );
    }
}
