//! Runs the real `rapport` binary in a pseudo-terminal and reads its screen back through a
//! terminal emulator (`vt100`), so a test can type keys and wait for what a user would see.
//!
//! Every [`Sandbox`] is its own temporary folder (database, config, HOME, XDG folders, TMPDIR)
//! and the child gets a cleared environment, so tests run in parallel without meeting.
//! Synchronisation is always "wait until the screen shows X", never a fixed sleep.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty};

/// How long a test waits for the screen to show what it expects.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The day every run pretends it is.
pub const TODAY: &str = "2026-06-30";

const BIN: &str = env!("CARGO_BIN_EXE_rapport");
const POLL: Duration = Duration::from_millis(15);
/// How long the output must be quiet for a frame to count as whole.
const SETTLE: Duration = Duration::from_millis(40);
/// crossterm asks where the cursor is with this; a bare pty never answers it.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";
const CURSOR_ANSWER: &[u8] = b"\x1b[1;1R";

/// A private folder with everything rapport reads or writes.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("rapport-e2e-")
            .tempdir()
            .expect("a temporary folder");
        for sub in ["home", "tmp"] {
            std::fs::create_dir(dir.path().join(sub)).expect("a folder in the sandbox");
        }
        std::fs::write(dir.path().join("config.toml"), "").expect("an empty config");
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The database that `RAPPORT_DB` points at (not created until rapport opens it).
    pub fn db(&self) -> PathBuf {
        self.path().join("r.db")
    }

    /// `TMPDIR` of the child.
    pub fn tmp(&self) -> PathBuf {
        self.path().join("tmp")
    }

    /// `HOME` of the child.
    pub fn home(&self) -> PathBuf {
        self.path().join("home")
    }

    /// The whole environment of a child: nothing is inherited but PATH.
    fn env(&self) -> Vec<(OsString, OsString)> {
        let home = self.home();
        let mut env: Vec<(OsString, OsString)> = vec![
            ("HOME".into(), home.clone().into()),
            ("XDG_DATA_HOME".into(), home.join(".local/share").into()),
            ("XDG_CONFIG_HOME".into(), home.join(".config").into()),
            ("XDG_CACHE_HOME".into(), home.join(".cache").into()),
            ("XDG_STATE_HOME".into(), home.join(".local/state").into()),
            ("TMPDIR".into(), self.tmp().into()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "C.UTF-8".into()),
            ("RAPPORT_DB".into(), self.db().into()),
            (
                "RAPPORT_CONFIG".into(),
                self.path().join("config.toml").into(),
            ),
            ("RAPPORT_TODAY".into(), TODAY.into()),
        ];
        if let Some(path) = std::env::var_os("PATH") {
            env.push(("PATH".into(), path));
        }
        env
    }

    /// Runs a headless command (no terminal) to completion.
    pub fn cli(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .env_clear()
            .envs(self.env())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("rapport runs")
    }

    /// Runs a headless command that must succeed, and returns its stdout.
    pub fn cli_ok(&self, args: &[&str]) -> String {
        let out = self.cli(args);
        assert!(
            out.status.success(),
            "rapport {args:?} failed with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// The clients in the database, as `rapport client list --json` reports them.
    pub fn clients(&self) -> Vec<serde_json::Value> {
        let json = self.cli_ok(&["client", "list", "--json"]);
        serde_json::from_str(&json).expect("client list --json is a JSON array")
    }

    /// Starts `rapport ARGS` in a `cols`x`rows` terminal.
    pub fn tui(&self, cols: u16, rows: u16, args: &[&str]) -> Tui {
        self.tui_env(cols, rows, args, &[])
    }

    /// Like [`Sandbox::tui`], with extra environment variables.
    pub fn tui_env(&self, cols: u16, rows: u16, args: &[&str], extra: &[(&str, &str)]) -> Tui {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.env_clear();
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        for (k, v) in extra {
            cmd.env(k, v);
        }
        cmd.cwd(self.path());
        Tui::spawn(cmd, cols, rows)
    }
}

/// Keys that are not plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    /// A lone Esc. Send nothing else until the screen shows its effect: an Esc that arrives in
    /// the same read as the next key is taken for Alt+key.
    Esc,
    Tab,
    Up,
    Down,
    Backspace,
    CtrlC,
}

impl Key {
    fn bytes(self) -> &'static [u8] {
        match self {
            Key::Enter => b"\r",
            Key::Esc => b"\x1b",
            Key::Tab => b"\t",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Backspace => b"\x7f",
            Key::CtrlC => b"\x03",
        }
    }
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// A running rapport in a pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte rapport wrote, for checks on the raw stream.
    transcript: Arc<Mutex<Vec<u8>>>,
    writer: Writer,
    cursor_answers: Arc<AtomicUsize>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Held open so the terminal (and its modes) outlive the child: after rapport exits a
    /// test can still type and see whether the terminal echoes.
    _slave: Box<dyn SlavePty + Send>,
}

impl Tui {
    fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Tui {
        let pair = portable_pty::native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal");
        let child = pair.slave.spawn_command(cmd).expect("rapport starts");
        let reader = pair.master.try_clone_reader().expect("a pty reader");
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer().expect("a pty writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let transcript = Arc::new(Mutex::new(Vec::new()));
        let cursor_answers = Arc::new(AtomicUsize::new(0));
        {
            let (parser, transcript, writer, answers) = (
                Arc::clone(&parser),
                Arc::clone(&transcript),
                Arc::clone(&writer),
                Arc::clone(&cursor_answers),
            );
            thread::spawn(move || pump(reader, &parser, &transcript, &writer, &answers));
        }
        Tui {
            parser,
            transcript,
            writer,
            cursor_answers,
            child,
            master: pair.master,
            _slave: pair.slave,
        }
    }

    /// Types text as the user would (UTF-8, one key per character).
    pub fn send(&self, text: &str) {
        self.write(text.as_bytes());
    }

    pub fn send_key(&self, key: Key) {
        self.write(key.bytes());
    }

    fn write(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        w.write_all(bytes).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// The screen's text now, rows joined by newlines.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// The emulated terminal now, with attributes and modes.
    pub fn snapshot(&self) -> vt100::Screen {
        lock(&self.parser).screen().clone()
    }

    /// Everything rapport wrote to the terminal so far.
    pub fn transcript(&self) -> Vec<u8> {
        lock(&self.transcript).clone()
    }

    /// Waits until the screen shows `text`; returns the screen, or an error with the last one.
    pub fn wait_for(&mut self, text: &str) -> Result<String, String> {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text))
            .map(|s| s.contents())
    }

    /// [`Tui::wait_for`] that fails the test with the last screen.
    #[track_caller]
    pub fn see(&mut self, text: &str) -> String {
        match self.wait_for(text) {
            Ok(screen) => screen,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`Tui::wait_until`] that fails the test with the last screen.
    #[track_caller]
    pub fn see_that(
        &mut self,
        what: &str,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> vt100::Screen {
        match self.wait_until(what, ready) {
            Ok(screen) => screen,
            Err(e) => panic!("{e}"),
        }
    }

    /// Waits until `ready` holds for the screen; `what` names it in the error.
    pub fn wait_until(
        &mut self,
        what: &str,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> Result<vt100::Screen, String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut exited: Option<(Instant, ExitStatus)> = None;
        loop {
            let screen = self.snapshot();
            // A frame arrives in pieces: once the screen shows what is awaited, let the
            // output settle and look again, so the rest of that frame is there too.
            if ready(&screen) {
                let settled = self.settled();
                if ready(&settled) {
                    return Ok(settled);
                }
            }
            if exited.is_none()
                && let Ok(Some(status)) = self.child.try_wait()
            {
                exited = Some((Instant::now(), status));
            }
            // After an exit, give the last output a moment to arrive before giving up.
            let gone = exited
                .as_ref()
                .filter(|(at, _)| at.elapsed() > Duration::from_millis(500));
            if let Some((_, status)) = gone {
                return Err(format!(
                    "rapport exited ({status}) while waiting for {what}; {}",
                    self.last_screen(&screen)
                ));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "timed out after {TIMEOUT:?} waiting for {what}; {}",
                    self.last_screen(&screen)
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// The screen once rapport has written nothing for [`SETTLE`] (or after a second of
    /// steady output).
    fn settled(&self) -> vt100::Screen {
        let until = Instant::now() + Duration::from_secs(1);
        let mut seen = lock(&self.transcript).len();
        let mut quiet_since = Instant::now();
        while Instant::now() < until {
            thread::sleep(POLL.min(SETTLE));
            let now = lock(&self.transcript).len();
            if now != seen {
                seen = now;
                quiet_since = Instant::now();
            } else if quiet_since.elapsed() >= SETTLE {
                break;
            }
        }
        self.snapshot()
    }

    fn last_screen(&self, screen: &vt100::Screen) -> String {
        format!(
            "{} cursor position queries answered; last screen:\n{}",
            self.cursor_answers.load(Ordering::SeqCst),
            framed(&screen.contents())
        )
    }

    /// Waits for rapport to exit.
    pub fn wait_exit(&mut self) -> Result<ExitStatus, String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Ok(status),
                Ok(None) if Instant::now() > deadline => {
                    return Err(format!(
                        "rapport still runs after {TIMEOUT:?}; last screen:\n{}",
                        framed(&self.screen())
                    ));
                }
                Ok(None) => thread::sleep(POLL),
                Err(e) => return Err(format!("cannot wait for rapport: {e}")),
            }
        }
    }

    /// [`Tui::wait_exit`] that fails the test unless rapport exits with `code`.
    #[track_caller]
    pub fn exits_with(&mut self, code: u32) {
        let status = match self.wait_exit() {
            Ok(status) => status,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(
            status.exit_code(),
            code,
            "exit status {status}; last screen:\n{}",
            framed(&self.screen())
        );
    }

    /// After rapport exited: types `marker` and waits for the terminal to echo it. The echo
    /// comes after everything rapport wrote, so the screen is then final. Fails when the
    /// terminal does not echo, i.e. rapport left it in raw mode.
    #[track_caller]
    pub fn echo_after_exit(&mut self, marker: &str) -> String {
        self.send(marker);
        match self.wait_for(marker) {
            Ok(screen) => screen,
            Err(e) => panic!("the terminal does not echo what is typed (raw mode left on?): {e}"),
        }
    }

    /// Sends `signal` to rapport, as `kill -SIGNAL PID` from another shell does.
    #[cfg(unix)]
    pub fn kill(&self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("rapport's process id");
        let pid = libc::pid_t::try_from(pid).expect("a process id that fits pid_t");
        // SAFETY: kill(2) only sends a signal, to our own child that has not been reaped.
        let rc = unsafe { libc::kill(pid, signal) };
        assert_eq!(
            rc,
            0,
            "kill -{signal} {pid}: {}",
            std::io::Error::last_os_error()
        );
    }

    /// Resizes the terminal, as dragging the window does (the child gets SIGWINCH).
    pub fn resize(&self, cols: u16, rows: u16) {
        // The emulator first, so everything drawn for the new size lands on a screen that big.
        lock(&self.parser)
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(size(cols, rows))
            .expect("resize the pty");
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads the child's output until the terminal closes: feeds the emulator, keeps the raw
/// bytes, and answers cursor position queries (even one split across two reads).
fn pump(
    mut reader: Box<dyn Read + Send>,
    parser: &Mutex<vt100::Parser>,
    transcript: &Mutex<Vec<u8>>,
    writer: &Writer,
    answers: &AtomicUsize,
) {
    let mut buf = [0u8; 8192];
    let mut tail: Vec<u8> = Vec::new();
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let bytes = &buf[..n];
        let queries = count_queries(&mut tail, bytes);
        if queries > 0 {
            let mut w = lock(writer);
            for _ in 0..queries {
                let _ = w.write_all(CURSOR_ANSWER);
            }
            let _ = w.flush();
            answers.fetch_add(queries, Ordering::SeqCst);
        }
        lock(transcript).extend_from_slice(bytes);
        lock(parser).process(bytes);
    }
}

/// Counts cursor position queries in `bytes`, including one that began in the previous
/// chunk; `tail` carries the end of the stream from one call to the next.
fn count_queries(tail: &mut Vec<u8>, bytes: &[u8]) -> usize {
    let carried = tail.len();
    tail.extend_from_slice(bytes);
    let count = tail
        .windows(CURSOR_QUERY.len())
        .enumerate()
        // A query lying wholly in the carried part was counted last time.
        .filter(|(i, w)| *w == CURSOR_QUERY && i + CURSOR_QUERY.len() > carried)
        .count();
    let keep = tail.len().min(CURSOR_QUERY.len() - 1);
    tail.drain(..tail.len() - keep);
    count
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size above zero")
}

/// A lock that survives a panicked holder (the reader thread never panics while holding it,
/// but a failed test should still print its screen).
fn lock<T: ?Sized>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A screen dump with a margin, so trailing blanks and empty rows are visible.
pub fn framed(contents: &str) -> String {
    contents
        .lines()
        .map(|l| format!("  |{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---- reading the screen ---------------------------------------------------------------

/// The text of one screen row: one entry per column (wide characters take two, the second
/// empty), so an index into it is a column.
pub fn cells(screen: &vt100::Screen, row: u16) -> Vec<String> {
    let (_, cols) = screen.size();
    (0..cols.get())
        .map(|c| {
            screen.cell(row, c).map_or_else(String::new, |cell| {
                if cell.is_wide_continuation() {
                    String::new()
                } else if cell.has_contents() {
                    cell.contents().to_string()
                } else {
                    " ".to_string()
                }
            })
        })
        .collect()
}

/// The text of `width` columns of `row` from `col` on.
pub fn text_at(screen: &vt100::Screen, row: u16, col: u16, width: u16) -> String {
    cells(screen, row)
        .iter()
        .skip(col.into())
        .take(width.into())
        .map(String::as_str)
        .collect()
}

/// Where `text` starts on the screen, top to bottom: (row, column).
pub fn find(screen: &vt100::Screen, text: &str) -> Option<(u16, u16)> {
    find_from(screen, text, 0)
}

/// Like [`find`], from row `first` down.
pub fn find_from(screen: &vt100::Screen, text: &str, first: u16) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    let want: Vec<String> = text.chars().map(String::from).collect();
    (first..rows.get()).find_map(|r| {
        let line: Vec<String> = cells(screen, r)
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        // Map positions in `line` (wide continuations dropped) back to columns.
        let columns: Vec<u16> = (0..cols.get())
            .filter(|&c| {
                screen
                    .cell(r, c)
                    .is_none_or(|cell| !cell.is_wide_continuation())
            })
            .collect();
        line.windows(want.len())
            .position(|w| w == want.as_slice())
            .map(|i| (r, columns[i]))
    })
}

#[cfg(test)]
mod tests {
    use super::count_queries;

    #[test]
    fn cursor_queries_are_counted_once_even_when_split_across_reads() {
        let mut tail = Vec::new();
        assert_eq!(count_queries(&mut tail, b"abc\x1b[6n"), 1);
        assert_eq!(count_queries(&mut tail, b"def\x1b["), 0);
        assert_eq!(count_queries(&mut tail, b"6nxyz"), 1);
        assert_eq!(count_queries(&mut tail, b"\x1b"), 0);
        assert_eq!(count_queries(&mut tail, b"["), 0);
        assert_eq!(count_queries(&mut tail, b"6"), 0);
        assert_eq!(count_queries(&mut tail, b"n\x1b[6n"), 2);
        assert_eq!(count_queries(&mut tail, b"plain text"), 0);
    }
}
