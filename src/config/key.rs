//! Which key a place in a TOML text belongs to, so that every config error can name it
//! (`scoring.weights.escalations`, `display.theme`) even when the TOML parser's own message
//! ("duplicate key", "invalid type: ...") does not.
//!
//! A lenient scan of the text, not a second parser: it follows `[table]` and `[[array]]`
//! headers, `key = value` lines with dotted and quoted keys, strings of all four kinds,
//! comments, arrays and inline tables, and keeps going through mistakes, since it runs on
//! text the parser has just refused.

/// Deeper than this the scan stops (the TOML parser refuses such nesting anyway).
const MAX_DEPTH: usize = 64;

/// The dotted key at byte `offset` of `text`: the innermost `key = value` that spans the
/// offset (with the table in force above it), or the header the offset is in, or else the
/// table in force there. None before any key or table.
pub(super) fn key_at(text: &str, offset: usize) -> Option<String> {
    let mut scan = Scan {
        s: text.as_bytes(),
        i: 0,
        target: offset,
        table: Vec::new(),
        table_at_target: Vec::new(),
        best: None,
    };
    scan.document();
    let path = match scan.best {
        Some((_, path)) => path,
        None => scan.table_at_target,
    };
    (!path.is_empty()).then(|| dotted(&path))
}

/// The segments as a user writes them: bare where they can be, quoted where they must be.
fn dotted(path: &[String]) -> String {
    path.iter()
        .map(|seg| {
            let bare = !seg.is_empty()
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            if bare {
                seg.clone()
            } else {
                format!("\"{seg}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

struct Scan<'a> {
    s: &'a [u8],
    i: usize,
    target: usize,
    /// The header in force where the scan is.
    table: Vec<String>,
    /// The header in force at the target.
    table_at_target: Vec<String>,
    /// The innermost key or header seen so far that spans the target: (its start, path).
    best: Option<(usize, Vec<String>)>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn at(&self, text: &[u8]) -> bool {
        self.s[self.i.min(self.s.len())..].starts_with(text)
    }

    /// Notes a key or header from `start` to here, if it spans the target.
    fn found(&mut self, start: usize, path: &[String]) {
        let spans = start <= self.target && self.target <= self.i;
        let inner = self.best.as_ref().is_none_or(|(s, _)| start >= *s);
        if spans && inner {
            self.best = Some((start, path.to_vec()));
        }
    }

    fn document(&mut self) {
        while self.i < self.s.len() && self.i <= self.target {
            let before = self.i;
            self.skip_blank(true);
            match self.peek() {
                None => break,
                Some(b'[') => self.header(),
                Some(_) => {
                    let table = self.table.clone();
                    self.key_value(&table, 0);
                }
            }
            // Whatever else is on the line is a mistake the parser reported; skip it.
            self.skip_line();
            if self.i == before {
                self.i += 1;
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    fn header(&mut self) {
        let start = self.i;
        let double = self.at(b"[[");
        self.i += if double { 2 } else { 1 };
        let path = self.key();
        self.skip_blank(false);
        if self.at(b"]]") && double {
            self.i += 2;
        } else if self.peek() == Some(b']') {
            self.i += 1;
        }
        if start <= self.target {
            self.table_at_target.clone_from(&path);
        }
        self.found(start, &path);
        self.table = path;
    }

    /// `key = value` under `prefix`.
    fn key_value(&mut self, prefix: &[String], depth: usize) {
        let start = self.i;
        let mut path = prefix.to_vec();
        path.extend(self.key());
        self.skip_blank(false);
        if self.peek() == Some(b'=') {
            self.i += 1;
            self.skip_blank(false);
            self.value(&path, depth);
        }
        self.found(start, &path);
    }

    /// A dotted key: bare or quoted segments joined by dots.
    fn key(&mut self) -> Vec<String> {
        let mut segments = Vec::new();
        loop {
            self.skip_blank(false);
            let segment = match self.peek() {
                Some(q @ (b'"' | b'\'')) => {
                    self.i += 1;
                    let from = self.i;
                    while let Some(b) = self.peek() {
                        if b == q || b == b'\n' {
                            break;
                        }
                        self.i += if b == b'\\' && q == b'"' { 2 } else { 1 };
                    }
                    let segment = self.text(from, self.i);
                    if self.peek() == Some(q) {
                        self.i += 1;
                    }
                    segment
                }
                _ => {
                    let from = self.i;
                    while self
                        .peek()
                        .is_some_and(|b| !b" \t\r\n.=[]{},#\"'".contains(&b))
                    {
                        self.i += 1;
                    }
                    self.text(from, self.i)
                }
            };
            segments.push(segment);
            self.skip_blank(false);
            if self.peek() == Some(b'.') {
                self.i += 1;
            } else {
                return segments;
            }
        }
    }

    fn value(&mut self, path: &[String], depth: usize) {
        if depth >= MAX_DEPTH {
            self.i = self.s.len();
            return;
        }
        match self.peek() {
            Some(b'"' | b'\'') => self.string(),
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.skip_blank(true);
                    match self.peek() {
                        None => return,
                        Some(b'}') => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => self.i += 1,
                        Some(b']') => return,
                        Some(_) => {
                            let before = self.i;
                            self.key_value(path, depth + 1);
                            if self.i == before {
                                self.i += 1;
                            }
                        }
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                loop {
                    self.skip_blank(true);
                    match self.peek() {
                        None => return,
                        Some(b']') => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => self.i += 1,
                        Some(b'}') => return,
                        Some(_) => {
                            let before = self.i;
                            self.value(path, depth + 1);
                            if self.i == before {
                                self.i += 1;
                            }
                        }
                    }
                }
            }
            // A number, a boolean, a date: up to what ends a value.
            _ => {
                while self.peek().is_some_and(|b| !b",]}\n#".contains(&b)) {
                    self.i += 1;
                }
                while self.i > 0 && matches!(self.s[self.i - 1], b' ' | b'\t' | b'\r') {
                    self.i -= 1;
                }
            }
        }
    }

    /// A basic or literal string, single- or multi-line. A single-line one ends at the end
    /// of the line even without its closing quote.
    fn string(&mut self) {
        let Some(q) = self.peek() else { return };
        let triple = [q, q, q];
        if self.at(&triple) {
            self.i += 3;
            while self.i < self.s.len() && !self.at(&triple) {
                self.i += if q == b'"' && self.peek() == Some(b'\\') {
                    2
                } else {
                    1
                };
            }
            // Up to two more quotes may close the string as part of its content.
            self.i = (self.i + 3).min(self.s.len());
            while self.peek() == Some(q) {
                self.i += 1;
            }
            return;
        }
        self.i += 1;
        while let Some(b) = self.peek() {
            if b == b'\n' {
                return;
            }
            self.i += 1;
            if b == q {
                return;
            }
            if b == b'\\' && q == b'"' && self.peek().is_some_and(|n| n != b'\n') {
                self.i += 1;
            }
        }
    }

    /// Skips spaces and comments, and newlines too when `lines`.
    fn skip_blank(&mut self, lines: bool) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' if lines => self.i += 1,
                b'#' => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.i += 1;
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips the rest of the line, newline included.
    fn skip_line(&mut self) {
        while let Some(b) = self.peek() {
            self.i += 1;
            if b == b'\n' {
                return;
            }
        }
    }

    fn text(&self, from: usize, to: usize) -> String {
        let to = to.min(self.s.len());
        String::from_utf8_lossy(&self.s[from.min(to)..to]).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::key_at;

    /// The key at the first occurrence of `marker` in `text`.
    fn key(text: &str, marker: &str) -> Option<String> {
        let offset = text.find(marker).expect("the marker is in the text");
        key_at(text, offset)
    }

    #[test]
    fn keys_under_tables_headers_and_dotted_keys() {
        let text = "top = 1\n[display]\ntheme = \"x\" # c\n\n[scoring.weights]\nmargin_pct = 2\n\
                    [[runs]]\nname = 3\n[pareto]\nstress.ticket = 4\n\"odd key\".x = 5\n";
        assert_eq!(key(text, "1").as_deref(), Some("top"));
        assert_eq!(key(text, "theme").as_deref(), Some("display.theme"));
        assert_eq!(key(text, "\"x\"").as_deref(), Some("display.theme"));
        assert_eq!(key(text, "# c").as_deref(), Some("display"));
        assert_eq!(key(text, "weights]").as_deref(), Some("scoring.weights"));
        assert_eq!(
            key(text, "2").as_deref(),
            Some("scoring.weights.margin_pct")
        );
        assert_eq!(key(text, "[[runs").as_deref(), Some("runs"));
        assert_eq!(key(text, "3").as_deref(), Some("runs.name"));
        assert_eq!(key(text, "4").as_deref(), Some("pareto.stress.ticket"));
        assert_eq!(key(text, "5").as_deref(), Some("pareto.\"odd key\".x"));
        assert_eq!(key_at(text, text.len()).as_deref(), Some("pareto"));
        assert_eq!(key_at("# only a comment\n", 3), None);
    }

    #[test]
    fn keys_inside_inline_tables_arrays_and_strings() {
        let text = "[scoring.thresholds]\nreopen_rate = { good = 0.1, bad = \"x\" }\n\
                    [company]\nstaff = [\"Sam, [Noor]\",\n  3,\n]\nname = \"\"\"a\nb = 7\"\"\"\nsig = 8\n";
        assert_eq!(
            key(text, "0.1").as_deref(),
            Some("scoring.thresholds.reopen_rate.good")
        );
        assert_eq!(
            key(text, "\"x\"").as_deref(),
            Some("scoring.thresholds.reopen_rate.bad")
        );
        assert_eq!(
            key(text, "{ good").as_deref(),
            Some("scoring.thresholds.reopen_rate")
        );
        assert_eq!(key(text, "3").as_deref(), Some("company.staff"));
        assert_eq!(key(text, "b = 7").as_deref(), Some("company.name"));
        assert_eq!(key(text, "8").as_deref(), Some("company.sig"));
    }

    #[test]
    fn broken_text_still_gives_the_key_in_force() {
        // An unterminated string: the parser stops at the end of its line.
        let text = "[company]\nname = \"Example IT\nsignature = \"Sam\"\n";
        let end = text.find("\nsignature").unwrap();
        assert_eq!(key_at(text, end).as_deref(), Some("company.name"));
        assert_eq!(key(text, "Sam").as_deref(), Some("company.signature"));
        // Nesting deeper than the parser allows ends the scan, not the stack.
        let deep = format!("a = {}", "[".repeat(100_000));
        assert_eq!(key_at(&deep, 90).as_deref(), Some("a"));
        let unclosed = "x = { y = [1, {z = 2";
        assert_eq!(key(unclosed, "2").as_deref(), Some("x.y.z"));
    }
}
