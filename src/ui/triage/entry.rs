//! The triage run inside the worker: `#[wasm_bindgen]` entry points that the worker's script calls
//! while it reads files in slices (`scripts/triage-worker.js`): start a run, start a file, feed
//! bytes, end the file, note a file that could not be read, and return the summary as JSON; and,
//! for one large file read by two workers, the second half's reader and the first worker's join
//! of the halves (`triage::split`).
//!
//! One run lives at a time in the worker's memory: the current file's `Triage` and its encoding
//! decoder, and the summary of the files already read (bounded by the summary's own limits).

use crate::input::{binary_format, unreadable_message, Utf8Chunks};
use crate::triage::split::{self, SecondHalf, SecondResult};
use crate::triage::{Options, Summary, Triage, View};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The run: files read so far, the file being read and the files that could not be read; for a
/// file read as two halves, the second half (in the second worker) or the join (in the first).
#[derive(Default)]
struct Run {
    summary: Summary,
    file: Option<File>,
    inputs: Vec<String>,
    skipped: Vec<String>,
    second: Option<SecondHalf>,
    join: Option<Join>,
}

/// The first worker's end of a split file: its half's summary and the second half's result,
/// with the run that reads the second half's first lines again when the headers differ.
struct Join {
    origin: String,
    first: Summary,
    second: SecondResult,
    reread: Option<Triage>,
}

/// The file being read: its name, its triage and the decoder of its encoding.
struct File {
    origin: String,
    triage: Triage,
    decoder: Utf8Chunks,
    fed: bool,
}

thread_local! {
    static RUN: RefCell<Run> = RefCell::new(Run::default());
}

/// Starts a new run, forgetting the last one.
#[wasm_bindgen(js_name = tokenlensTriageStart)]
pub fn triage_start() {
    RUN.with(|r| *r.borrow_mut() = Run::default());
}

/// Starts reading a file (or an archive entry) named `origin`.
#[wasm_bindgen(js_name = tokenlensTriageFile)]
pub fn triage_file(origin: &str) {
    RUN.with(|r| {
        r.borrow_mut().file = Some(File {
            origin: origin.to_string(),
            triage: Triage::new(origin, Options::default()),
            decoder: Utf8Chunks::default(),
            fed: false,
        });
    });
}

/// Feeds the next bytes of the current file; returns why the file cannot be read (a binary
/// format named by its first bytes), or an empty string.
#[wasm_bindgen(js_name = tokenlensTriageFeed)]
pub fn triage_feed(bytes: &[u8]) -> String {
    RUN.with(|r| {
        let mut run = r.borrow_mut();
        let Some(file) = run.file.as_mut() else {
            return String::new();
        };
        if !file.fed {
            file.fed = true;
            if let Some(what) = binary_format(bytes) {
                let message = unreadable_message(&file.origin, what);
                run.file = None;
                return message;
            }
        }
        let File {
            triage, decoder, ..
        } = file;
        triage.feed(decoder.push(bytes));
        String::new()
    })
}

/// Ends the current file and adds its summary to the run's.
#[wasm_bindgen(js_name = tokenlensTriageEnd)]
pub fn triage_end() {
    RUN.with(|r| {
        let mut run = r.borrow_mut();
        if let Some(mut file) = run.file.take() {
            let rest = file.decoder.finish();
            file.triage.feed(&rest);
            run.inputs.push(file.origin);
            run.summary.merge(file.triage.finish());
        }
    });
}

/// Notes a file that could not be read, with the reason (the current file, if any, is dropped).
#[wasm_bindgen(js_name = tokenlensTriageSkip)]
pub fn triage_skip(message: &str) {
    RUN.with(|r| {
        let mut run = r.borrow_mut();
        run.file = None;
        run.skipped.push(message.to_string());
    });
}

/// The run's summary as JSON (a `View`: what `Summary::to_json` holds, with `inputs` and `skipped`).
#[wasm_bindgen(js_name = tokenlensTriageSummary)]
pub fn triage_summary() -> String {
    RUN.with(|r| {
        let run = r.borrow();
        let view = View::from_summary(&run.summary, run.inputs.clone(), run.skipped.clone());
        serde_json::to_string(&view).unwrap_or_default()
    })
}

/// True when a file whose first bytes are `head` (`split::HEAD` of them, or the whole file) can be
/// read as two halves by two workers: a text log with a `#Fields:` line, not UTF-16, not binary.
#[wasm_bindgen(js_name = tokenlensTriageSplittable)]
pub fn triage_splittable(head: &[u8]) -> bool {
    binary_format(head).is_none() && split::guess_header(head).is_some()
}

/// The second worker: starts reading the second half of `origin` (`head` is the file's start, for
/// the header the half is read with).
#[wasm_bindgen(js_name = tokenlensTriageSecondStart)]
pub fn triage_second_start(origin: &str, head: &[u8]) {
    let guess = split::guess_header(head).unwrap_or_default();
    RUN.with(|r| {
        r.borrow_mut().second = Some(SecondHalf::new(origin, &guess, Options::default()));
    });
}

/// The second worker: feeds the next bytes of the second half.
#[wasm_bindgen(js_name = tokenlensTriageSecondFeed)]
pub fn triage_second_feed(bytes: &[u8]) {
    RUN.with(|r| {
        if let Some(second) = r.borrow_mut().second.as_mut() {
            second.feed(bytes);
        }
    });
}

/// The second worker: ends the half and returns its result as JSON for the first worker.
#[wasm_bindgen(js_name = tokenlensTriageSecondEnd)]
pub fn triage_second_end() -> String {
    RUN.with(|r| {
        r.borrow_mut()
            .second
            .take()
            .map(|s| s.finish().to_json())
            .unwrap_or_default()
    })
}

/// The first worker, after feeding the first half as the current file: takes the second half's
/// result. Returns how many bytes from the cut must be fed again (`tokenlensTriageJoinFeed`)
/// because the first half ended under another header than the file's first, or -1 when none must;
/// -2 when the second half's result cannot be read (the file is then left out and noted).
#[wasm_bindgen(js_name = tokenlensTriageJoinStart)]
pub fn triage_join_start(second_json: &str, head: &[u8]) -> f64 {
    RUN.with(|r| {
        let mut run = r.borrow_mut();
        let Some(mut file) = run.file.take() else {
            return -2.0;
        };
        let Ok(second) = SecondResult::from_json(second_json) else {
            run.skipped.push(format!(
                "{}: the two halves of the file could not be joined",
                file.origin
            ));
            return -2.0;
        };
        let rest = file.decoder.finish();
        file.triage.feed(&rest);
        let in_force = file.triage.header().map(<[u8]>::to_vec);
        let guess = split::guess_header(head).unwrap_or_default();
        let reread = split::needs_reread(in_force.as_deref(), &guess)
            .then(|| split::reread(&file.origin, in_force.as_deref(), Options::default()));
        let again = if reread.is_some() {
            second.prefix_len as f64
        } else {
            -1.0
        };
        run.join = Some(Join {
            origin: file.origin,
            first: file.triage.finish(),
            second,
            reread,
        });
        again
    })
}

/// The first worker: feeds the second half's first bytes again (as many as `JoinStart` said).
#[wasm_bindgen(js_name = tokenlensTriageJoinFeed)]
pub fn triage_join_feed(bytes: &[u8]) {
    RUN.with(|r| {
        if let Some(t) = r.borrow_mut().join.as_mut().and_then(|j| j.reread.as_mut()) {
            t.feed_until_header(bytes);
        }
    });
}

/// The first worker: joins the halves and adds the file's summary to the run's.
#[wasm_bindgen(js_name = tokenlensTriageJoinEnd)]
pub fn triage_join_end() {
    RUN.with(|r| {
        let mut run = r.borrow_mut();
        if let Some(j) = run.join.take() {
            let prefix = match j.reread {
                Some(t) => t.finish(),
                None => j.second.prefix,
            };
            run.inputs.push(j.origin);
            run.summary
                .merge(split::join(j.first, prefix, j.second.rest));
        }
    });
}

/// Triages about 1.5 MB of generated log lines and throws the result away: a spare worker runs it
/// once it has loaded the module (`run::prepare`), so that the browser has compiled the triage
/// code fully before a log is dropped. Returns the failures counted.
#[wasm_bindgen(js_name = tokenlensTriageWarm)]
pub fn triage_warm() -> u32 {
    use std::fmt::Write;
    let mut t = Triage::new("warm-up", Options::default());
    t.feed(b"#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken sc(x-ms-diagnostics)\n");
    let mut line = String::with_capacity(400);
    for i in 0..6000u32 {
        line.clear();
        let (status, diag) = match i % 20 {
            0 => ("401 1 2148074254", "-"),
            1 => (
                "401 0 0",
                "2000008;reason=\"The+token+should+have+valid+permissions.\";error_category=\"invalid_grant\"",
            ),
            2 => ("500 0 0", "-"),
            _ => ("200 0 0", "-"),
        };
        let _ = writeln!(
            line,
            "2024-05-02 10:{:02}:{:02} 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\user{} 10.0.1.{} Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0) {status} {} {diag}",
            i / 100 % 60,
            i % 60,
            i % 7,
            i % 200,
            i % 300,
        );
        t.feed(line.as_bytes());
    }
    u32::try_from(t.finish().failures).unwrap_or(u32::MAX)
}
