//! The Scripts view's effects: reading what the view opens on, keeping scripts, writing one
//! to a new private file in the exports folder next to the database, and handing the
//! editor and the clipboard to the loop, which owns the terminal.

use std::path::{Path, PathBuf};

use super::Driver;
use crate::domain::ClientId;
use crate::domain::decide::decision::Decision;
use crate::domain::script::Kind;
use crate::files::{create_private_dir, create_private_file};
use crate::scripts::facts_for;
use crate::store::{NewScript, StoreError};
use crate::tui::action::Effect;
use crate::tui::app::scripts::{ScriptsEffect, ScriptsOpen};
use crate::tui::external::{Done, Job};

/// How many numbered names are tried before giving up on a fresh one.
const FRESH_NAMES: u32 = 1000;

/// The folder scripts are written to: `exports` beside the database.
pub fn exports_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("exports"), |p| p.join("exports"))
}

/// Writes `text` to a new file `stem.ext` in `dir` (0700, made when missing), or
/// `stem-2.ext`, `stem-3.ext`... when the name is taken: never over a file. The file is 0600.
pub fn write_fresh(dir: &Path, stem: &str, ext: &str, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write as _;
    create_private_dir(dir)?;
    for n in 1..=FRESH_NAMES {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match create_private_file(&path) {
            Ok(mut f) => {
                if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
                    drop(f);
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "every fresh name is taken",
    ))
}

impl Driver {
    pub(super) fn script_effect(&mut self, e: ScriptsEffect) -> Option<Effect> {
        match e {
            ScriptsEffect::Open {
                client,
                decision,
                from_walk,
            } => {
                match self.read_scripts_open(client, decision.map(|d| *d), from_walk) {
                    Ok(Some(open)) => self.app.open_scripts(open),
                    Ok(None) => {}
                    Err(e) => self.failed(crate::t!("scripts.cannot_open"), e),
                }
                None
            }
            ScriptsEffect::Save(s) => {
                self.keep_script(&s);
                None
            }
            ScriptsEffect::Edit(text) => {
                self.job = Some(Job::Edit(text));
                None
            }
            ScriptsEffect::Copy { text, keep } => {
                if keep.is_none_or(|k| self.keep_script(&k)) {
                    self.job = Some(Job::Copy(text));
                }
                None
            }
            ScriptsEffect::Write {
                text,
                stem,
                markdown,
                keep,
            } => {
                if !keep.is_none_or(|k| self.keep_script(&k)) {
                    return None;
                }
                let dir = exports_dir(self.store.path());
                let (ext, body) = if markdown {
                    ("md", self.markdown(&text))
                } else {
                    ("txt", text)
                };
                match write_fresh(&dir, &stem, ext, &body) {
                    Ok(path) => self.app.scripts_written(path.display().to_string()),
                    Err(e) => self.app.error(crate::t!(
                        "scripts.cannot_write",
                        dir = dir.display(),
                        why = e
                    )),
                }
                None
            }
        }
    }

    /// The script as Markdown: a heading that says what it is, then the text.
    fn markdown(&self, text: &str) -> String {
        let Some(v) = &self.app.scripts else {
            return text.to_string();
        };
        let title = crate::t!(
            "scripts.markdown_title",
            name = v.name,
            kind = v.kind.label(v.lang),
            channel = v.channel.label(v.lang)
        );
        let body = text.trim_end();
        format!("# {title}\n\n{body}\n")
    }

    /// What the view opens on: the decision given (a walk's, not saved yet) or the client's
    /// latest. None, with a message, when there is nothing to put into words.
    fn read_scripts_open(
        &mut self,
        id: ClientId,
        given: Option<Decision>,
        from_walk: bool,
    ) -> Result<Option<ScriptsOpen>, StoreError> {
        let client = self.store.client(id)?;
        let decision = match given {
            Some(d) => Some(d),
            None => self.store.decisions(Some(id))?.into_iter().next(),
        };
        let Some(decision) = decision else {
            let name = client.fields.name.clone();
            self.app.info(crate::t!("scripts.no_decision", name = name));
            return Ok(None);
        };
        let Some(kind) = Kind::for_outcome(decision.chosen) else {
            let (name, outcome) = (client.fields.name.clone(), decision.chosen.label());
            self.app.info(crate::t!(
                "scripts.no_words_needed",
                name = name,
                outcome = outcome
            ));
            return Ok(None);
        };
        let today = self.app.today;
        let mut facts = Vec::new();
        for k in Kind::ALL {
            let mut f = facts_for(&self.store, &self.scripts.config, id, k, today, None)?;
            // A walk's decision is not in the file yet: its plan is the one to say.
            if decision.id == 0 && Kind::for_outcome(decision.chosen) == Some(k) {
                if let Some(e) = decision.exit {
                    (f.end_on, f.notice_by, f.prepaid_refund) =
                        (e.end_on, e.notice_by, e.prepaid_refund);
                }
                if decision.proposed_mrr.is_some() {
                    f.new_mrr = decision.proposed_mrr;
                }
            }
            facts.push((k, f));
        }
        let earlier = self.store.scripts(id)?;
        Ok(Some(ScriptsOpen {
            client: id,
            name: client.fields.name.clone(),
            decision: (decision.id != 0).then_some(decision.id),
            kind,
            facts,
            templates: self.scripts.templates.clone(),
            earlier,
            from_walk,
        }))
    }

    /// Keeps a script and lists the client's anew. False when it could not be kept.
    fn keep_script(&mut self, s: &NewScript) -> bool {
        if self.app.damaged.is_some() {
            return true;
        }
        let kept = self
            .store
            .save_script(s)
            .and_then(|_| self.store.scripts(s.client));
        match kept {
            Ok(earlier) => {
                self.app.scripts_kept(s.text.clone(), earlier);
                true
            }
            Err(e) => {
                self.failed(crate::t!("scripts.cannot_keep"), e);
                false
            }
        }
    }

    /// What the loop is to do with the terminal, if anything.
    pub fn take_job(&mut self) -> Option<Job> {
        self.job.take()
    }

    /// The loop did it: the app hears how it went.
    pub fn job_done(&mut self, done: Done) {
        match done {
            Done::Edited(Ok(text)) => {
                let effect = self.app.scripts_edited(text);
                self.run(effect);
            }
            Done::Edited(Err(why)) => self.app.error(why),
            Done::Copied(Ok(())) => self.app.success(crate::t!("scripts.copied")),
            Done::Copied(Err(why)) => self.app.error(crate::t!("scripts.copy_failed", why = why)),
        }
    }
}
