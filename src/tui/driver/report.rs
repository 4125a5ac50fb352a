//! The app's `p`: the portfolio report (Scorecards screen) or the selected client's, built
//! by `crate::report` as `rapport export` builds it, as of the Scorecards screen's date and
//! over its window, written as Markdown to a new private file in the exports folder next
//! to the database; the status line says where.

use super::Driver;
use super::scripts::{exports_dir, write_fresh};
use crate::domain::ClientId;
use crate::report::{self, Look, Options};
use crate::store::StoreError;

impl Driver {
    pub(super) fn write_report(&mut self, client: Option<ClientId>) {
        let (text, stem) = match self.report_text(client) {
            Ok(t) => t,
            Err(e) => {
                self.failed(crate::t!("export.tui.cannot_read"), e);
                return;
            }
        };
        let dir = exports_dir(self.store.path());
        match write_fresh(&dir, &stem, "md", &text) {
            Ok(path) => self
                .app
                .success(crate::t!("export.tui.written", file = path.display())),
            Err(e) => self.app.error(crate::t!(
                "export.tui.cannot_write",
                dir = dir.display(),
                why = e
            )),
        }
    }

    /// The report's Markdown and its file name (without `.md`).
    fn report_text(&self, client: Option<ClientId>) -> Result<(String, String), StoreError> {
        let config = &self.scripts.config;
        let options = Options {
            window_days: Some(self.app.scores.window_days),
            ..Options::new(self.app.scores.as_of)
        };
        let look = Look::of(config);
        let note = self.app.note.clone();
        match client {
            None => {
                let r = report::build_portfolio(&self.store, config, note, &options)?;
                Ok((
                    report::markdown::portfolio(&r, &look),
                    report::file_stem(None, options.as_of),
                ))
            }
            Some(id) => {
                let c = self.store.client(id)?;
                let r = report::build_client(&self.store, config, note, &c, &options)?;
                Ok((
                    report::markdown::client(&r, &look),
                    report::file_stem(Some(&c.fields.name), options.as_of),
                ))
            }
        }
    }
}
