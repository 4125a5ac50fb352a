//! The Import view's effects: a folder listed for the file picker, the file picked sniffed
//! and its first rows read, and the import itself run on a thread of its own with a
//! connection of its own, so the screen keeps drawing the progress bar while it runs. The
//! run is one transaction (the store's): a dry run or a bad row writes nothing, and an
//! import that ends early (the app quit) is rolled back by SQLite. After a real import
//! everything on screen is read again.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::Driver;
use crate::domain::import::{Mapping, Preset};
use crate::import::{CsvFile, Progress};
use crate::store::{ImportOptions, ImportReport, Store};
use crate::tui::action::Effect;
use crate::tui::app::import::ImportEffect;
use crate::tui::app::import::mapping::{Opened, PREVIEW_ROWS};
use crate::tui::app::import::picker::{self, Entry};

/// What the import's thread tells the driver.
pub enum ImportMsg {
    Progress(Progress),
    Done(Result<ImportReport, String>),
}

/// `~` at the start of a typed path is the home folder.
fn expand_home(path: &Path) -> PathBuf {
    let mut parts = path.components();
    match parts.next() {
        Some(std::path::Component::Normal(first)) if first == "~" => {
            match std::env::var_os("HOME") {
                Some(home) => PathBuf::from(home).join(parts.as_path()),
                None => path.to_path_buf(),
            }
        }
        _ => path.to_path_buf(),
    }
}

/// The folder `dir` (made absolute) with its sub-folders and the files an export can be;
/// `..` first when it has a parent. Hidden entries are left out.
pub fn list_dir(dir: &Path) -> std::io::Result<(PathBuf, Vec<Entry>)> {
    let dir = std::fs::canonicalize(expand_home(dir))?;
    let mut entries = Vec::new();
    if dir.parent().is_some() {
        entries.push(Entry {
            name: Entry::UP.into(),
            folder: true,
            size: 0,
        });
    }
    for item in std::fs::read_dir(&dir)? {
        let Ok(item) = item else { continue };
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        // Follows links: a link to a folder is a folder.
        let Ok(meta) = std::fs::metadata(item.path()) else {
            continue;
        };
        if meta.is_dir() {
            entries.push(Entry {
                name,
                folder: true,
                size: 0,
            });
        } else if meta.is_file() && picker::listed(&name) {
            entries.push(Entry {
                name,
                folder: false,
                size: meta.len(),
            });
        }
    }
    picker::sort(&mut entries);
    Ok((dir, entries))
}

/// Runs an import on a connection of its own to the database at `db`, sending its
/// progress and its end down `tx`.
fn run_import(
    db: &Path,
    file: &CsvFile,
    mapping: &Mapping,
    options: ImportOptions,
    today: chrono::NaiveDate,
    tx: &mpsc::Sender<ImportMsg>,
) {
    let result = Store::open_existing(db)
        .map_err(|e| e.to_string())
        .and_then(|mut store| {
            let mut progress = |p: Progress| {
                let _ = tx.send(ImportMsg::Progress(p));
            };
            crate::import::run(&mut store, file, mapping, options, today, &mut progress)
                .map_err(|e| crate::words::say::import::read_error(&e))
        });
    let _ = tx.send(ImportMsg::Done(result));
}

impl Driver {
    pub(super) fn import_effect(&mut self, e: ImportEffect) -> Option<Effect> {
        match e {
            ImportEffect::List { dir, select } => {
                self.list_for_import(&dir, select);
                None
            }
            ImportEffect::Go(path) => {
                let path = expand_home(&path);
                if path.is_dir() {
                    self.list_for_import(&path, None);
                } else {
                    self.open_for_import(path);
                }
                None
            }
            ImportEffect::Open(path) => {
                self.open_for_import(path);
                None
            }
            ImportEffect::Run {
                file,
                mapping,
                options,
            } => {
                let (tx, rx) = mpsc::channel();
                let db = self.store.path().to_path_buf();
                let today = self.app.today;
                std::thread::spawn(move || run_import(&db, &file, &mapping, options, today, &tx));
                self.import_job = Some(rx);
                None
            }
            ImportEffect::SavePreset(preset) => {
                let result = self.save_preset(&preset);
                self.app.import_preset_saved(result.map(|()| *preset));
                None
            }
        }
    }

    fn list_for_import(&mut self, dir: &Path, select: Option<String>) {
        let listing = list_dir(dir);
        match listing {
            Ok((dir, entries)) => self.app.import_listed(dir, Ok(entries), select),
            Err(e) => self
                .app
                .import_listed(dir.to_path_buf(), Err(e.to_string()), select),
        }
    }

    fn open_for_import(&mut self, path: PathBuf) {
        let opened = CsvFile::open(&path)
            .and_then(|file| {
                let rows = file.preview(PREVIEW_ROWS)?;
                Ok((file, rows))
            })
            .map(|(file, rows)| Opened {
                file,
                rows,
                presets: self.import_presets(),
                today: self.app.today,
            })
            .map_err(|e| crate::words::say::import::read_error(&e));
        self.app.import_opened(path, opened);
    }

    /// Every preset: the built-in ones, then the user's own from the config.
    fn import_presets(&self) -> Vec<Preset> {
        let mut all = Preset::builtin();
        all.extend(self.saved_presets());
        all
    }

    /// The presets saved in the config (`[import.presets.NAME]`).
    fn saved_presets(&self) -> Vec<Preset> {
        self.scripts.config.import_presets.clone()
    }

    /// Saves a mapping as a preset in the config file, as `rapport import --save-preset`
    /// does; the next file opened in this session offers it too.
    fn save_preset(&mut self, preset: &Preset) -> Result<(), String> {
        use crate::commands::import::save::{check_name_in, save_in};
        let path = self.scripts.config_path.clone();
        check_name_in(&self.scripts.config, path.as_deref(), &preset.name)
            .and_then(|()| save_in(path.as_deref(), preset))
            .map_err(|e| format!("{e:#}"))?;
        self.scripts.config.import_presets.push(preset.clone());
        Ok(())
    }

    /// Is an import running?
    pub fn importing(&self) -> bool {
        self.import_job.is_some()
    }

    /// Takes what the import's thread sent. True when the screen needs a redraw.
    pub(super) fn poll_import(&mut self) -> bool {
        let Some(rx) = &self.import_job else {
            return false;
        };
        let mut progress = None;
        let mut done = None;
        loop {
            match rx.try_recv() {
                Ok(ImportMsg::Progress(p)) => progress = Some(p),
                Ok(ImportMsg::Done(result)) => {
                    done = Some(result);
                    break;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    done = Some(Err(crate::t!("import_view.run_stopped").to_string()));
                    break;
                }
            }
        }
        if let Some(p) = progress {
            self.app.import_progress(p);
        }
        match done {
            Some(result) => {
                self.import_job = None;
                self.import_done(result);
                true
            }
            None => progress.is_some(),
        }
    }

    fn import_done(&mut self, result: Result<ImportReport, String>) {
        let written = result.as_ref().is_ok_and(|r| r.written);
        if written {
            // Everything anew (the clients list, the scores, the decisions); the message
            // the app sets after is the one shown.
            self.refresh();
        }
        self.app.import_finished(result);
    }

    /// Waits for the running import and takes its end in (for tests; the loop polls).
    pub fn wait_for_import(&mut self) -> bool {
        let Some(rx) = self.import_job.take() else {
            return false;
        };
        let mut result = Err(crate::t!("import_view.run_stopped").to_string());
        while let Ok(msg) = rx.recv() {
            match msg {
                ImportMsg::Progress(p) => self.app.import_progress(p),
                ImportMsg::Done(r) => {
                    result = r;
                    break;
                }
            }
        }
        self.import_done(result);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_its_folders_and_exports_and_hides_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("exports")).unwrap();
        std::fs::create_dir(dir.path().join(".hidden")).unwrap();
        for name in ["tickets.csv", "Time.TSV", "notes.md", ".secret.csv"] {
            std::fs::write(dir.path().join(name), "a,b\n").unwrap();
        }
        let (at, entries) = list_dir(dir.path()).unwrap();
        assert!(at.is_absolute());
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["..", "exports", "tickets.csv", "Time.TSV"]);
        assert_eq!(entries[2].size, 4);
        assert!(list_dir(&dir.path().join("missing")).is_err());
    }
}
