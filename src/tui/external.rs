//! What needs the terminal itself, run by the loop between two frames: the user's
//! `$EDITOR` on a script (the UI leaves the alternate screen and raw mode while it runs and
//! takes the terminal back after, as gitui does), and a copy to the clipboard with OSC 52
//! (the terminal puts the text on the clipboard; nothing else is involved).

use std::io::{self, Write};
use std::process::Command;

use crossterm::event::{EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use super::terminal::{Term, restore};

/// A job for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Edit this text in `$EDITOR`.
    Edit(String),
    /// Put this text on the clipboard.
    Copy(String),
}

/// How a job ended: the edited text, or a one-line reason it could not be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Edited(Result<String, String>),
    Copied(Result<(), String>),
}

pub fn run(job: Job, terminal: &mut Term) -> Done {
    match job {
        Job::Edit(text) => {
            let edited = edit(&text);
            // Whatever the editor did, the UI takes the terminal back and draws anew.
            let _ = take_back(terminal);
            Done::Edited(edited)
        }
        Job::Copy(text) => {
            let mut out = io::stdout();
            let copied = out
                .write_all(osc52(&text).as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| e.to_string());
            Done::Copied(copied)
        }
    }
}

/// The editor the user set: `$EDITOR`, split on spaces (`code -w` is a program and its
/// option); none when it is not set.
fn editor() -> Option<Vec<String>> {
    let value = std::env::var("EDITOR").ok()?;
    let words: Vec<String> = value.split_whitespace().map(String::from).collect();
    (!words.is_empty()).then_some(words)
}

/// Runs the editor on a private temporary file holding `text` and reads it back.
fn edit(text: &str) -> Result<String, String> {
    let Some(words) = editor() else {
        return Err(crate::t!("scripts.editor.unset").to_string());
    };
    // A temporary file is made 0600 by tempfile, and removed when dropped.
    let file = tempfile::Builder::new()
        .prefix("rapport-script-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| crate::t!("scripts.editor.no_file", why = e))?;
    std::fs::write(file.path(), text).map_err(|e| crate::t!("scripts.editor.no_file", why = e))?;
    restore();
    let status = Command::new(&words[0])
        .args(&words[1..])
        .arg(file.path())
        .status();
    match status {
        Err(e) => Err(crate::t!(
            "scripts.editor.cannot_start",
            editor = words[0],
            why = e
        )),
        Ok(s) if !s.success() => Err(crate::t!("scripts.editor.failed", editor = words[0])),
        Ok(_) => std::fs::read_to_string(file.path())
            .map_err(|e| crate::t!("scripts.editor.no_file", why = e)),
    }
}

/// Raw mode, the alternate screen, the mouse and bracketed paste again, and a full redraw.
fn take_back(terminal: &mut Term) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.clear()
}

/// The escape sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64("€".as_bytes()), "4oKs");
    }

    #[test]
    fn osc52_wraps_the_text_for_the_clipboard() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
