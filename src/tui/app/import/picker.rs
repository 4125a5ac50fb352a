//! The Import view's file picker: one folder's sub-folders and the files an export can be
//! (`.csv`, `.txt`, `.tsv`), folders first. The driver reads the folder; this only holds
//! what it read and where the selection is. Going up selects the folder one came from, and
//! reading the same folder again keeps the selected name: the selection never jumps.

use std::path::{Path, PathBuf};

use crate::tui::app::cursor::{Cursor, Move};

/// The extensions the picker lists (lower case, compared case-insensitively).
pub const EXTENSIONS: [&str; 3] = ["csv", "txt", "tsv"];

/// One line of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub folder: bool,
    /// Bytes (0 for a folder).
    pub size: u64,
}

impl Entry {
    /// The line that goes up a folder, listed first.
    pub const UP: &'static str = "..";

    pub fn is_up(&self) -> bool {
        self.folder && self.name == Self::UP
    }
}

/// Does the picker list a file of this name?
pub fn listed(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Folders first (`..` at the top), then files, each by name, case-insensitively.
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        (!a.is_up(), !a.folder, a.name.to_lowercase(), &a.name).cmp(&(
            !b.is_up(),
            !b.folder,
            b.name.to_lowercase(),
            &b.name,
        ))
    });
}

/// The picker's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// The folder listed (absolute once the driver has read it).
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub cursor: Cursor,
}

impl Picker {
    /// The folder as read: the entry named `select` is selected (the folder one came up
    /// from), else the one selected before if the folder is the same, else the first file,
    /// else the first folder.
    pub fn set(&mut self, dir: PathBuf, entries: Vec<Entry>, select: Option<&str>, page: usize) {
        let before = (dir == self.dir)
            .then(|| self.selected().map(|e| e.name.clone()))
            .flatten();
        let want = select.map(str::to_string).or(before);
        // Else the first file (what one came for), else the first folder.
        let first = entries
            .iter()
            .position(|e| !e.folder)
            .or_else(|| entries.iter().position(|e| !e.is_up()))
            .unwrap_or(0);
        let at = want
            .and_then(|name| entries.iter().position(|e| e.name == name))
            .unwrap_or(first);
        if dir != self.dir {
            self.cursor = Cursor::default();
        }
        self.dir = dir;
        self.entries = entries;
        self.cursor.move_to(at, self.entries.len(), page);
    }

    pub fn selected(&self) -> Option<&Entry> {
        self.entries.get(self.cursor.selected)
    }

    pub fn step(&mut self, m: Move, page: usize) {
        self.cursor.step(m, self.entries.len(), page);
    }

    /// The folder above, and the name of this one in it (to select it there).
    pub fn parent(&self) -> Option<(PathBuf, Option<String>)> {
        let parent = self.dir.parent()?;
        let name = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        Some((parent.to_path_buf(), name))
    }

    /// How many files (not folders) the folder lists.
    pub fn files(&self) -> usize {
        self.entries.iter().filter(|e| !e.folder).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, folder: bool) -> Entry {
        Entry {
            name: name.into(),
            folder,
            size: 0,
        }
    }

    #[test]
    fn folders_come_first_then_files_by_name() {
        let mut e = vec![
            entry("b.csv", false),
            entry("Zeta", true),
            entry("A.tsv", false),
            entry("..", true),
            entry("alpha", true),
        ];
        sort(&mut e);
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["..", "alpha", "Zeta", "A.tsv", "b.csv"]);
    }

    #[test]
    fn only_exports_are_listed() {
        assert!(listed("tickets.csv"));
        assert!(listed("TICKETS.CSV"));
        assert!(listed("time.tsv"));
        assert!(listed("export.txt"));
        assert!(!listed("notes.md"));
        assert!(!listed("csv"));
        assert!(!listed("report.csv.gz"));
    }

    #[test]
    fn the_selection_stays_on_its_name_and_going_up_selects_the_folder_left() {
        let mut p = Picker::default();
        let listing = vec![
            entry("..", true),
            entry("a", true),
            entry("b", true),
            entry("x.csv", false),
        ];
        p.set("/data".into(), listing.clone(), None, 10);
        assert_eq!(p.selected().map(|e| e.name.as_str()), Some("x.csv"));
        p.step(Move::Top, 10);
        p.step(Move::Down, 10);
        p.step(Move::Down, 10);
        assert_eq!(p.selected().map(|e| e.name.as_str()), Some("b"));
        // The same folder read again (a file appeared): still on b.
        let mut more = listing.clone();
        more.insert(1, entry("0", true));
        p.set("/data".into(), more, None, 10);
        assert_eq!(p.selected().map(|e| e.name.as_str()), Some("b"));
        // Into b and up again: on b.
        p.set("/data/b".into(), vec![entry("..", true)], None, 10);
        assert_eq!(p.cursor.selected, 0);
        // A new folder opens on its first file.
        p.set("/data/c".into(), listing.clone(), None, 10);
        assert_eq!(p.selected().map(|e| e.name.as_str()), Some("x.csv"));
        p.set(
            "/data/b".into(),
            vec![entry("..", true), entry("d", true)],
            None,
            10,
        );
        assert_eq!(p.selected().map(|e| e.name.as_str()), Some("d"));
        let (up, name) = p.parent().unwrap();
        assert_eq!(up, PathBuf::from("/data"));
        p.set(up, listing, name.as_deref(), 10);
        assert_eq!(p.selected().map(|e| e.name.as_str()), Some("b"));
        assert_eq!(p.files(), 1);
    }
}
