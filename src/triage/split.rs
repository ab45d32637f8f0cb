//! One large plain log read as two halves at once (two threads in the CLI, two workers in the
//! page): where to cut, the field names the second half starts with, its reader, the summary of a
//! half as it travels between workers, and the join of the halves into the summary of the file.
//!
//! The cut is the first line boundary after the middle. The second half is read with the file's
//! first `#Fields:` line (the guess) up to its own first header line, and from that line on in a
//! run of its own. When the first half ends under another header than the guess, the second
//! half's lines before its first header are read again with the header really in force there.

use super::summary::{Group, Summary};
use super::{Options, Triage};
use serde::{Deserialize, Serialize};

/// Plain files at least this large are read as two halves (by the CLI's two threads and by the
/// page's two workers).
pub const SPLIT_MIN: u64 = 32 * 1024 * 1024;

/// How much of the start of a file is searched for its first `#Fields:` line.
pub const HEAD: usize = 64 * 1024;

/// The header a second half is read with: the first `#Fields:` line within `head` (the start of
/// the file, `HEAD` bytes or fewer), trimmed. `None` when there is none, or when the file is
/// UTF-16 (its bytes are decoded before they are read, so halves cannot be cut in them): such a
/// file is read whole.
pub fn guess_header(head: &[u8]) -> Option<Vec<u8>> {
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return None;
    }
    let head = head.get(..HEAD).unwrap_or(head);
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let at = if text.starts_with(b"#Fields:") {
        0
    } else {
        memchr::memmem::find(text, b"\n#Fields:")? + 1
    };
    let line = text.get(at..)?;
    let line = line.get(..memchr::memchr(b'\n', line)?)?;
    Some(line.strip_suffix(b"\r").unwrap_or(line).to_vec())
}

/// The second half of a file, fed in chunks from the cut to the end.
pub struct SecondHalf {
    origin: String,
    options: Options,
    /// The lines before the half's own first header, read with the guessed header.
    prefix: Triage,
    /// Bytes of the half before its first header (all of it while none was met).
    prefix_len: u64,
    /// The run from the half's first header on.
    rest: Option<Triage>,
}

impl SecondHalf {
    /// A second half of the file `origin` read with the header `guess`.
    pub fn new(origin: &str, guess: &[u8], options: Options) -> SecondHalf {
        let mut prefix = Triage::new(origin, options.clone());
        prefix.seed_header(guess);
        prefix.stop_at_first_header();
        SecondHalf {
            origin: origin.to_string(),
            options,
            prefix,
            prefix_len: 0,
            rest: None,
        }
    }

    /// Feeds the next chunk of the half.
    pub fn feed(&mut self, chunk: &[u8]) {
        if let Some(rest) = self.rest.as_mut() {
            rest.feed(chunk);
            return;
        }
        match self.prefix.feed_until_header(chunk) {
            None => self.prefix_len += chunk.len() as u64,
            Some(off) => {
                self.prefix_len += off as u64;
                let mut rest = Triage::new(&self.origin, self.options.clone());
                rest.start_with_header(self.prefix.stopped_header().unwrap_or_default());
                rest.feed(chunk.get(off..).unwrap_or_default());
                self.rest = Some(rest);
            }
        }
    }

    /// Ends the half.
    pub fn finish(self) -> SecondResult {
        SecondResult {
            prefix: self.prefix.finish(),
            prefix_len: self.prefix_len,
            rest: self.rest.map(Triage::finish),
        }
    }
}

/// What a second half gives: the summary of its lines before its first header (read with the
/// guess), how many bytes they take, and the summary of the rest (when it has a header).
pub struct SecondResult {
    pub prefix: Summary,
    pub prefix_len: u64,
    pub rest: Option<Summary>,
}

/// A run over the second half's first `len` bytes again, with the header in force at the end of
/// the first half (`None`: no header), up to the half's own first header.
pub fn reread(origin: &str, header: Option<&[u8]>, options: Options) -> Triage {
    let mut t = Triage::new(origin, options);
    if let Some(h) = header {
        t.seed_header(h);
    }
    t.stop_at_first_header();
    t
}

/// True when the second half's prefix must be read again: the first half ended under another
/// header than the guess it was read with.
pub fn needs_reread(in_force: Option<&[u8]>, guess: &[u8]) -> bool {
    in_force != Some(guess)
}

/// The summary of the whole file: the first half, then the second half's prefix (as read with the
/// guess, or read again) and its rest, their line numbers moved on past the lines before them.
pub fn join(mut first: Summary, mut prefix: Summary, rest: Option<Summary>) -> Summary {
    let before = first.lines;
    prefix.shift_lines(before);
    let prefix_lines = prefix.lines;
    first.merge(prefix);
    if let Some(mut rest) = rest {
        rest.shift_lines(before + prefix_lines);
        first.merge(rest);
    }
    first
}

/// The first line boundary after the middle of `text` (its end when there is none).
pub fn cut_of(text: &[u8]) -> usize {
    let mid = text.len() / 2;
    text.get(mid..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
        .map_or(text.len(), |i| mid + i + 1)
}

/// An in-memory text read as two halves cut at `cut` (a line boundary), each half fed in chunks
/// of `chunk` bytes, the second half's result sent through its JSON form as between two workers
/// and the halves joined: what the CLI's two threads and the page's two workers do with a file,
/// for the tests and the fuzz target that check it against one run. `None` without a guess.
pub fn in_halves(text: &[u8], cut: usize, chunk: usize, options: &Options) -> Option<Summary> {
    let guess = guess_header(text)?;
    let chunk = chunk.max(1);
    let (a, b) = (text.get(..cut)?, text.get(cut..)?);
    let mut first = Triage::new("input", options.clone());
    for c in a.chunks(chunk) {
        first.feed(c);
    }
    let in_force = first.header().map(<[u8]>::to_vec);
    let first = first.finish();
    let mut second = SecondHalf::new("input", &guess, options.clone());
    for c in b.chunks(chunk) {
        second.feed(c);
    }
    let got = SecondResult::from_json(&second.finish().to_json()).ok()?;
    let prefix = if needs_reread(in_force.as_deref(), &guess) {
        let len = usize::try_from(got.prefix_len).unwrap_or(usize::MAX);
        let mut again = reread("input", in_force.as_deref(), options.clone());
        for c in b.get(..len).unwrap_or(b).chunks(chunk) {
            again.feed_until_header(c);
        }
        again.finish()
    } else {
        got.prefix
    };
    Some(join(first, prefix, got.rest))
}

/// A summary as it travels from one worker to another (JSON): everything `Summary` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wire {
    pub bytes: u64,
    pub lines: u64,
    pub requests: u64,
    pub failures: u64,
    pub errors: u64,
    pub long_lines: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub groups: Vec<Group>,
    pub per_minute: Vec<(i64, u64)>,
}

/// A second half's result as it travels to the worker that joins the halves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondWire {
    pub prefix: Wire,
    pub prefix_len: u64,
    pub rest: Option<Wire>,
}

impl SecondResult {
    /// The result as JSON for the joining worker.
    pub fn to_json(&self) -> String {
        let wire = SecondWire {
            prefix: self.prefix.to_wire(),
            prefix_len: self.prefix_len,
            rest: self.rest.as_ref().map(Summary::to_wire),
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    /// Reads the JSON of `to_json`.
    pub fn from_json(json: &str) -> Result<SecondResult, String> {
        let wire: SecondWire = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(SecondResult {
            prefix: Summary::from_wire(wire.prefix),
            prefix_len: wire.prefix_len,
            rest: wire.rest.map(Summary::from_wire),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::{triage_text, View};

    /// The triage tests' log of two `#Fields` blocks, with a third block after them.
    fn log() -> String {
        format!(
            "{}{}",
            crate::triage::tests::IIS,
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\r
2024-05-02 12:00:01 10.0.0.5 POST /EWS/Exchange.asmx - 443 - 10.0.1.21 AppleExchangeWebServices/818.0.1 401 1 2148074254 3\r
2024-05-02 12:00:02 10.0.0.5 POST /Microsoft-Server-ActiveSync - 443 - 10.0.1.21 Apple-iPhone/1905.245 401 2 5 3\r
"
        )
    }

    fn view(s: &Summary) -> String {
        serde_json::to_string(&View::from_summary(s, Vec::new(), Vec::new())).unwrap_or_default()
    }

    #[test]
    fn two_halves_give_the_summary_of_one_run_wherever_the_cut_falls() {
        let log = log();
        let whole = triage_text(&log, Options::default());
        assert_eq!(whole.failures, 6);
        let text = log.as_bytes();
        let cuts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text).map(|i| i + 1))
            .collect::<Vec<_>>();
        for cut in cuts {
            for chunk in [5, 64, 4096] {
                let split = in_halves(text, cut, chunk, &Options::default()).expect("a guess");
                assert_eq!(
                    view(&split),
                    view(&whole),
                    "cut at {cut}, chunks of {chunk}"
                );
                assert_eq!(split.lines, whole.lines, "cut at {cut}");
            }
        }
    }

    #[test]
    fn the_guess_is_the_first_fields_line_and_utf16_is_not_split() {
        assert_eq!(
            guess_header(log().as_bytes()).as_deref(),
            Some(&b"#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken"[..])
        );
        assert_eq!(
            guess_header(b"\xef\xbb\xbf#Fields: date time\r\nx").as_deref(),
            Some(&b"#Fields: date time"[..])
        );
        assert_eq!(guess_header(b"2024-05-02 10:00:01 no header here\n"), None);
        assert_eq!(guess_header(b"\xff\xfe#\0F\0"), None);
        let mut far = vec![b'x'; HEAD];
        far.extend_from_slice(b"\n#Fields: date time\n");
        assert_eq!(
            guess_header(&far),
            None,
            "only the first 64 KB are searched"
        );
    }

    /// Lines a generated log is made of: both kinds of `#Fields` line, a malformed one, rows of
    /// each layout that succeed or fail, rows under the wrong header, text lines naming errors,
    /// blank and comment lines, a BOM, CR-less and cut lines.
    const PIECES: &[&str] = &[
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\r\n",
        "#Fields: date time cs-method cs-uri-stem cs-username cs(User-Agent) sc-status sc-substatus sc-win32-status sc(WWW-Authenticate) sc(x-ms-diagnostics)\r\n",
        "#Fields: nothing\n",
        "#Software: Microsoft Internet Information Services 10.0\r\n",
        "2024-05-02 10:00:01 10.0.0.5 POST /EWS/Exchange.asmx - 443 - 10.0.1.21 AppleExchangeWebServices/818.0.1 401 1 2148074254 3\r\n",
        "2024-05-02 10:00:02 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\ann 10.0.1.21 Outlook 200 0 0 3\r\n",
        "2024-05-02 10:00:03 10.0.0.5 GET /owa/ - 443 - 10.0.1.25 Mozilla/5.0 500 0 0 150\n",
        "2024-05-02 11:00:00 GET /api/v2.0/me/messages - Microsoft+Graph 401 0 0 Bearer+error=\"invalid_token\" 2000008;reason=\"The+token+is+bad.\";error_category=\"invalid_grant\"\r\n",
        "2024-05-02 11:00:02 GET /api/v2.0/me/messages CONTOSO\\bob Microsoft+Graph 200 0 0 - -\r\n",
        "AADSTS700016: Application with identifier 'x' was not found in the directory.\n",
        "\r\n",
        "\u{feff}#Fields: date time cs-method cs-uri-stem sc-status\r\n",
        "2024-05-02 12:00:00 GET /ews/ 401 ",
        "Ümlaut und 日本語 401 ",
    ];

    #[test]
    fn generated_logs_give_one_summary_whatever_the_cut_and_the_chunks() {
        // A fixed xorshift sequence, so that a failure can be replayed.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap_or(0)
        };
        let mut split_runs = 0;
        for case in 0..600 {
            let mut text = String::new();
            for _ in 0..next(40) + 1 {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            let bytes = text.as_bytes();
            let whole = triage_text(&text, Options::default());
            let boundaries = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
                .collect::<Vec<_>>();
            let cut = boundaries[next(boundaries.len())];
            let chunk = next(70) + 1;
            if let Some(split) = in_halves(bytes, cut, chunk, &Options::default()) {
                split_runs += 1;
                assert_eq!(
                    split, whole,
                    "case {case}: cut at {cut}, chunks of {chunk}\n{text}"
                );
            }
        }
        assert!(
            split_runs > 300,
            "only {split_runs} of 600 logs had a #Fields line"
        );
    }
}
