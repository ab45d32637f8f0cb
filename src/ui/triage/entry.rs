//! The triage run inside the worker: `#[wasm_bindgen]` entry points that the worker's script calls
//! while it reads files in slices (`scripts/triage-worker.js`): start a run, start a file, feed
//! bytes, end the file, note a file that could not be read, and return the summary as JSON.
//!
//! One run lives at a time in the worker's memory: the current file's `Triage` and its encoding
//! decoder, and the summary of the files already read (bounded by the summary's own limits).

use crate::input::{binary_format, unreadable_message, Utf8Chunks};
use crate::triage::{Options, Summary, Triage, View};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The run: files read so far, the file being read and the files that could not be read.
#[derive(Default)]
struct Run {
    summary: Summary,
    file: Option<File>,
    inputs: Vec<String>,
    skipped: Vec<String>,
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
