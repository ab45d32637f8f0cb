//! Whole-log triage: a streaming reader fed chunks of bytes that counts every failed request of
//! IIS W3C logs, Exchange CSV logs and plain text, grouped by diagnostic code, AADSTS code, status,
//! endpoint, client and user, with first and last seen, example lines and a time series.
//!
//! The reader keeps its state across chunk edges (a line cut between two chunks is joined), holds
//! at most one line of carry-over and bounded groups, so memory stays flat however large the input.
//! It never touches the file system: the CLI reads files, and a Web Worker can feed `Blob.slice`s.
//! Lines are found with `memchr`; a log line is read in full only when its status field (found by
//! hopping over separators) says it failed, so the common 200 costs a few byte searches.

mod failure;
mod layout;
mod sniff;
pub mod split;
mod summary;
mod text;
mod time;
mod view;

pub use failure::Failure;
pub use sniff::{sniff, Sniff, HEAD as SNIFF_HEAD};
pub use summary::{Example, Group, GroupKind, Summary};
pub use text::{groups_csv, summary_csv, summary_text};
pub use time::normalise as normalise_time;
pub use view::{unit_words, Filter, View};

use layout::{Layout, LineKind};

/// The longest line kept whole; the rest of a longer line is skipped (and counted).
pub const MAX_LINE: usize = 1024 * 1024;

/// What the caller asks of a triage run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only requests at or after this time (`YYYY-MM-DD HH:MM:SS`, see `normalise_time`).
    pub since: Option<String>,
    /// Only requests at or before this time.
    pub until: Option<String>,
    /// Keep every failure record for `take_failures` (for one record per failed request).
    pub keep_failures: bool,
}

/// A triage run over one input (a file, or one part of a file), fed in chunks.
pub struct Triage {
    options: Options,
    origin: String,
    layout: Layout,
    carry: Vec<u8>,
    /// The current line was longer than `MAX_LINE`; its rest is skipped up to the next newline.
    skipping: bool,
    summary: Summary,
    failures: Vec<Failure>,
    /// Reused field ranges of a line.
    ranges: Vec<(usize, usize)>,
    /// Logged x-ms-diagnostics values parsed so far.
    diagnostics: failure::Diagnostics,
    /// The header line in force, trimmed.
    header: Option<Vec<u8>>,
    stop_at_header: bool,
    /// The header line the run stopped at.
    stopped: Option<Vec<u8>>,
}

impl Triage {
    /// A new run; `origin` names the input in example lines (a file name).
    pub fn new(origin: &str, options: Options) -> Triage {
        Triage {
            options,
            origin: origin.to_string(),
            layout: Layout::Text,
            carry: Vec::new(),
            skipping: false,
            summary: Summary::default(),
            failures: Vec::new(),
            ranges: Vec::new(),
            diagnostics: failure::Diagnostics::default(),
            header: None,
            stop_at_header: false,
            stopped: None,
        }
    }

    /// Reads a header line (`#Fields: ...`) without counting it, so that a second part of a file
    /// split for two cores starts with the field names in force where it begins.
    pub fn seed_header(&mut self, line: &[u8]) {
        let line = trim_line(line);
        if let Some(layout) = Layout::from_header(line) {
            self.layout = layout;
            self.header = Some(line.to_vec());
        }
    }

    /// Starts with the header line another run stopped at (`stop_at_first_header`), counting it
    /// as this run's first line.
    pub fn start_with_header(&mut self, line: &[u8]) {
        self.seed_header(line);
        self.summary.lines += 1;
    }

    /// Makes `feed_until_header` stop at the first header line (for the second part of a split
    /// file, read first with the field names guessed).
    pub fn stop_at_first_header(&mut self) {
        self.stop_at_header = true;
    }

    /// The header line in force (the last one read or seeded), trimmed.
    pub fn header(&self) -> Option<&[u8]> {
        self.header.as_deref()
    }

    /// The header line the run stopped at, if it stopped.
    pub fn stopped_header(&self) -> Option<&[u8]> {
        self.stopped.as_deref()
    }

    /// Feeds the next chunk of UTF-8 bytes (a chunk may end anywhere, even inside a character).
    pub fn feed(&mut self, chunk: &[u8]) {
        self.feed_until_header(chunk);
    }

    /// Like `feed`; after `stop_at_first_header`, stops at the first header line and returns the
    /// offset in `chunk` just after it (the rest of the chunk is not read).
    pub fn feed_until_header(&mut self, chunk: &[u8]) -> Option<usize> {
        if self.stopped.is_some() {
            return Some(0);
        }
        let mut pos = 0;
        if self.skipping || !self.carry.is_empty() {
            let Some(nl) = memchr::memchr(b'\n', chunk) else {
                self.push_carry(chunk);
                self.summary.bytes += chunk.len() as u64;
                return None;
            };
            self.push_carry(chunk.get(..nl).unwrap_or_default());
            pos = nl + 1;
            let mut line = std::mem::take(&mut self.carry);
            let stop = if self.skipping {
                self.skipping = false;
                self.summary.long_lines += 1;
                self.summary.lines += 1;
                false
            } else {
                self.line(&line)
            };
            line.clear();
            self.carry = line;
            if stop {
                return self.stop(pos);
            }
        }
        let rest = chunk.get(pos..).unwrap_or_default();
        let Some(last) = memchr::memrchr(b'\n', rest) else {
            self.push_carry(rest);
            self.summary.bytes += chunk.len() as u64;
            return None;
        };
        let complete = chunk.get(pos..=pos + last).unwrap_or_default();
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', complete) {
            if self.line(complete.get(start..nl).unwrap_or_default()) {
                return self.stop(pos + nl + 1);
            }
            start = nl + 1;
        }
        self.push_carry(chunk.get(pos + last + 1..).unwrap_or_default());
        self.summary.bytes += chunk.len() as u64;
        None
    }

    fn stop(&mut self, offset: usize) -> Option<usize> {
        self.summary.bytes += offset as u64;
        Some(offset)
    }

    /// Ends the run: reads a last line without a newline and returns the summary.
    pub fn finish(mut self) -> Summary {
        self.flush();
        self.summary
    }

    /// Reads the last line without a newline, if any (`finish` does this too).
    pub fn flush(&mut self) {
        if self.skipping {
            self.skipping = false;
            self.summary.long_lines += 1;
            self.summary.lines += 1;
        } else if !self.carry.is_empty() && self.stopped.is_none() {
            let line = std::mem::take(&mut self.carry);
            self.line(&line);
        }
    }

    /// The failure records read since the last call (only with `Options::keep_failures`).
    pub fn take_failures(&mut self) -> Vec<Failure> {
        std::mem::take(&mut self.failures)
    }

    /// The summary so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    fn push_carry(&mut self, bytes: &[u8]) {
        if self.skipping {
            return;
        }
        if self.carry.len() + bytes.len() > MAX_LINE {
            self.carry.clear();
            self.skipping = true;
            return;
        }
        self.carry.extend_from_slice(bytes);
    }

    /// Reads one line (without its newline); true when the run stops at it (a header line
    /// after `stop_at_first_header`).
    fn line(&mut self, line: &[u8]) -> bool {
        self.summary.lines += 1;
        let line = trim_line(line);
        if line.is_empty() {
            return false;
        }
        let first = line.first().copied();
        if first == Some(b'#') || (first == Some(b'D') && line.starts_with(b"DateTime,")) {
            if let Some(layout) = Layout::from_header(line) {
                if self.stop_at_header {
                    self.summary.lines -= 1;
                    self.stopped = Some(line.to_vec());
                    return true;
                }
                self.layout = layout;
                self.header = Some(line.to_vec());
                return false;
            }
            if first == Some(b'#') {
                return false;
            }
        }
        if !self.in_range(line) {
            return false;
        }
        match self.layout.classify(line, &mut self.ranges) {
            LineKind::Success => self.summary.requests += 1,
            LineKind::Candidate => {
                let number = self.summary.lines;
                let text = lossy(line);
                let read = failure::read(
                    &self.layout,
                    &text,
                    number,
                    &mut self.ranges,
                    &mut self.diagnostics,
                );
                match read {
                    failure::Read::Request(None) => self.summary.requests += 1,
                    failure::Read::Request(Some(f)) => {
                        self.summary.requests += 1;
                        self.record(&f, &text);
                    }
                    failure::Read::Text(Some(f)) => self.record(&f, &text),
                    failure::Read::Text(None) => {}
                }
            }
            LineKind::Text => {
                if failure::worth_reading_as_text(line) {
                    let text = lossy(line);
                    if let Some(f) = failure::from_text(&text, self.summary.lines) {
                        self.record(&f, &text);
                    }
                }
            }
        }
        false
    }

    fn record(&mut self, record: &failure::Record, line: &str) {
        self.summary.add(record, &self.origin, line);
        if self.options.keep_failures {
            let mut failure = record.to_failure();
            failure.text = failure::masked_line(line);
            self.failures.push(failure);
        }
    }

    /// True when the line's time (if it starts with one) is inside `--since`/`--until`.
    fn in_range(&self, line: &[u8]) -> bool {
        if self.options.since.is_none() && self.options.until.is_none() {
            return true;
        }
        let Some(t) = time::line_start_time(line) else {
            return true;
        };
        let t = t.as_slice();
        self.options
            .since
            .as_ref()
            .is_none_or(|s| t >= s.as_bytes())
            && self
                .options
                .until
                .as_ref()
                .is_none_or(|u| t <= u.as_bytes())
    }
}

/// The line as text: borrowed when it is valid UTF-8 (checked by `str::from_utf8`, which is faster
/// than the lossy decoder's chunk walk), else with replacement characters.
fn lossy(line: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(line) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(line),
    }
}

/// The line without its `\r` and a UTF-8 byte order mark.
fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line)
}

/// Runs a whole text through a new triage in one chunk (tests and small inputs).
pub fn triage_text(text: &str, options: Options) -> Summary {
    let mut t = Triage::new("input", options);
    t.feed(text.as_bytes());
    t.finish()
}

#[cfg(test)]
mod tests;
