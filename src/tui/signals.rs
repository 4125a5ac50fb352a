//! Termination signals while the UI runs. SIGTERM, SIGHUP, SIGQUIT and SIGINT would kill
//! rapport and leave the shell raw, in the alternate screen, with the mouse captured. While
//! the UI runs, a watcher thread catches them instead: it waits for the UI to finish the event
//! or frame in hand ([`Signals::busy`]), restores the terminal, removes the run's scratch
//! folder (the demo's) and exits with 128 + the signal's number, the code a shell reports.
//!
//! The watcher ends the process itself rather than asking the UI loop to: the loop may sit in
//! `crossterm::event::read()`, which nothing interrupts, and after a hang-up (the terminal
//! window closed) crossterm keeps reading the dead terminal and never returns. Ending in the
//! middle of a database write is safe: SQLite rolls back a transaction that did not commit.
//!
//! Once the watcher is dropped (the UI has ended) signal-hook ignores these signals for the
//! few moments left before rapport exits. Outside the UI they act as usual.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Watches for termination signals from [`Signals::watch`] until dropped.
pub struct Signals {
    busy: Arc<Mutex<()>>,
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
    #[cfg(unix)]
    watcher: Option<std::thread::JoinHandle<()>>,
}

impl Signals {
    /// Starts watching; on a signal, `scratch` (a folder of this run only) is removed.
    #[cfg(unix)]
    pub fn watch(scratch: Option<PathBuf>) -> std::io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGINT])?;
        let handle = signals.handle();
        let busy = Arc::new(Mutex::new(()));
        let ui = Arc::clone(&busy);
        let watcher = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _idle = unix::wait_until_idle(&ui);
                    super::terminal::restore();
                    if let Some(dir) = &scratch {
                        let _ = std::fs::remove_dir_all(dir);
                    }
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(Self {
            busy,
            handle,
            watcher: Some(watcher),
        })
    }

    /// Without Unix signals there is nothing to watch: the UI ends by its own keys only.
    #[cfg(not(unix))]
    pub fn watch(_scratch: Option<PathBuf>) -> std::io::Result<Self> {
        Ok(Self {
            busy: Arc::new(Mutex::new(())),
        })
    }

    /// Held while the UI handles an event or draws a frame, so a signal never restores the
    /// terminal under a half-written frame. Never held while waiting for input.
    pub fn busy(&self) -> MutexGuard<'_, ()> {
        self.busy.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(unix)]
impl Drop for Signals {
    fn drop(&mut self) {
        // A signal that is being handled ends the process before the join returns.
        self.handle.close();
        if let Some(watcher) = self.watcher.take() {
            let _ = watcher.join();
        }
    }
}

#[cfg(unix)]
mod unix {
    use std::sync::{Mutex, MutexGuard, TryLockError};
    use std::time::{Duration, Instant};

    /// How long a signal waits for the event or frame in hand: a stuck write to the terminal
    /// must not keep rapport from exiting.
    const GRACE: Duration = Duration::from_secs(2);

    /// The UI's `busy` lock once the UI is idle, or nothing after [`GRACE`].
    pub(super) fn wait_until_idle(busy: &Mutex<()>) -> Option<MutexGuard<'_, ()>> {
        let deadline = Instant::now() + GRACE;
        loop {
            match busy.try_lock() {
                Ok(guard) => return Some(guard),
                Err(TryLockError::Poisoned(p)) => return Some(p.into_inner()),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => return None,
            }
        }
    }
}
