//! Inspection off the main thread: a Web Worker runs the core, with a deadline and a restart.
//!
//! The single-file page inlines the wasm-bindgen glue once; the page runs it as a module and reads
//! it back from its own script to build a classic worker from a `blob:` URL (the CSP allows
//! `worker-src blob:`). The
//! page hands the worker the compiled `WebAssembly.Module`; the worker calls `tokenlensInspect` and
//! returns the Report as JSON, after checking the signatures the core asks for with WebCrypto
//! (`crypto.subtle`) and inspecting again with the answers (`verify::deferred`). A panic in the core traps only the worker: the page shows a message,
//! keeps what was typed, and starts a fresh worker. An input that takes longer than the deadline is
//! stopped the same way, so typing never waits for the core.

use crate::report::Report;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// The longest an inspection may take before the worker is stopped and restarted.
const DEADLINE_MS: u32 = 8_000;
/// A new input replaces an inspection that has already run this long, instead of waiting for it.
const REPLACE_AFTER_MS: f64 = 250.0;

thread_local! {
    /// The signature checks the last inspection asked for and had no answer to.
    static PENDING: RefCell<String> = RefCell::new(String::from("[]"));
}

/// The worker's entry point: inspects one paste and returns `{"ms": .., "report": ..}` as JSON.
///
/// `answers` holds the results of signature checks asked for by an earlier run on the same input
/// (see `verify::deferred`); the checks still without an answer are then read with
/// `tokenlensPendingChecks`, verified by the worker with WebCrypto, and the input inspected again.
#[wasm_bindgen(js_name = tokenlensInspect)]
pub fn inspect_in_worker(
    text: &str,
    keys: &str,
    now: f64,
    utc_offset_minutes: i32,
    random: &[u8],
    answers: &str,
) -> String {
    let mut bytes = [0u8; 16];
    for (slot, value) in bytes.iter_mut().zip(random) {
        *slot = *value;
    }
    let ctx = crate::context::Context {
        now: (now / 1000.0) as i64,
        utc_offset_minutes,
        random: bytes,
    };
    let start = clock_ms();
    let answers = crate::verify::deferred::parse_answers(answers);
    let (report, asked) = crate::verify::deferred::run(answers, || {
        crate::inspect::inspect_with_keys(text, keys, &ctx)
    });
    let ms = clock_ms() - start;
    PENDING.with(|p| *p.borrow_mut() = crate::verify::deferred::to_json(&asked));
    let report = serde_json::to_string(&report).unwrap_or_else(|_| "null".to_string());
    // Microseconds written with integers, so that no float formatting code is linked in.
    let micros = (ms.max(0.0) * 1000.0) as u64;
    format!(
        "{{\"ms\":{}.{:03},\"report\":{report}}}",
        micros / 1000,
        micros % 1000
    )
}

/// The signature checks the last `tokenlensInspect` asked for, as a JSON array for WebCrypto.
#[wasm_bindgen(js_name = tokenlensPendingChecks)]
pub fn pending_checks() -> String {
    PENDING.with(|p| p.borrow().clone())
}

/// A real panic in the worker, for the browser test that proves the page recovers from a trap.
/// The page asks for it only when the test sets `globalThis.__tl_selftest_panic`.
#[wasm_bindgen(js_name = tokenlensSelfTestPanic)]
pub fn self_test_panic() {
    panic!("self-test: a deliberate panic to prove that the page recovers");
}

/// Reads and clears the test's request for a deliberate panic.
fn self_test_requested() -> bool {
    let global = js_sys::global();
    let key: JsValue = "__tl_selftest_panic".into();
    let wanted = js_sys::Reflect::get(&global, &key).is_ok_and(|v| v.is_truthy());
    if wanted {
        let _ = js_sys::Reflect::delete_property(&global, &key);
    }
    wanted
}

/// A high-resolution clock that works in the worker as well as on the page.
fn clock_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// What came back for one input.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    /// The report and how long the core took, in milliseconds.
    Done(Rc<Report>, f64),
    /// The core stopped (a panic or the deadline); the message is for the page, details for copying.
    Failed { message: String, details: String },
}

/// One input waiting for, or being given, a report.
struct Request {
    id: u32,
    text: Rc<String>,
    keys: Rc<String>,
    done: Callback<(Rc<String>, Rc<String>, Outcome)>,
    sent_at: f64,
}

struct Inspector {
    worker: web_sys::Worker,
    busy: Option<Request>,
    queued: Option<Request>,
    deadline: Option<gloo::timers::callback::Timeout>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static INSPECTOR: RefCell<Option<Inspector>> = const { RefCell::new(None) };
}

/// Workers that failed in a row without finishing any input; past `MAX_FAILED_STARTS` the page
/// inspects on its own thread instead of starting workers for ever.
const MAX_FAILED_STARTS: u32 = 3;

thread_local! {
    static FAILED_STARTS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether the page can inspect in a worker (the inlined bootstrap left its module and source).
pub fn available() -> bool {
    FAILED_STARTS.with(|f| f.get()) < MAX_FAILED_STARTS && bootstrap().is_some()
}

/// The compiled module and the worker's blob URL that the page's bootstrap script left on `globalThis`.
pub(super) fn bootstrap() -> Option<(JsValue, String)> {
    let global = js_sys::global();
    let module = js_sys::Reflect::get(&global, &"__tl_module".into()).ok()?;
    let url = js_sys::Reflect::get(&global, &"__tl_worker_url".into())
        .ok()?
        .as_string()?;
    (!module.is_undefined()).then_some((module, url))
}

/// Asks for a report on `text` and `keys`; `done` gets it, or the reason there is none.
pub fn request(
    text: Rc<String>,
    keys: Rc<String>,
    done: Callback<(Rc<String>, Rc<String>, Outcome)>,
) {
    let new = Request {
        id: 0,
        text,
        keys,
        done,
        sent_at: 0.0,
    };
    enqueue(new);
}

/// What to do with a new input given the worker's state.
enum Plan {
    Send,
    Queue,
    Replace,
    NoWorker,
}

fn enqueue(mut new: Request) {
    let plan = INSPECTOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = start();
        }
        let Some(inspector) = slot.as_mut() else {
            return Plan::NoWorker;
        };
        new.id = inspector.next_id;
        inspector.next_id = inspector.next_id.wrapping_add(1);
        match &inspector.busy {
            None => Plan::Send,
            Some(busy) if clock_ms() - busy.sent_at > REPLACE_AFTER_MS => Plan::Replace,
            Some(_) => Plan::Queue,
        }
    });
    match plan {
        Plan::NoWorker => {
            let outcome = failed(
                "The page could not start its inspection worker.",
                "new Worker failed",
            );
            new.done.emit((new.text, new.keys, outcome));
        }
        Plan::Send => INSPECTOR.with(|cell| {
            if let Some(inspector) = cell.borrow_mut().as_mut() {
                send(inspector, new);
            }
        }),
        Plan::Queue => INSPECTOR.with(|cell| {
            if let Some(inspector) = cell.borrow_mut().as_mut() {
                inspector.queued = Some(new);
            }
        }),
        Plan::Replace => {
            // The running input is obsolete and slow: stop it rather than make typing wait.
            restart();
            enqueue(new);
        }
    }
}

fn failed(message: &str, details: &str) -> Outcome {
    Outcome::Failed {
        message: message.to_string(),
        details: details.to_string(),
    }
}

fn send(inspector: &mut Inspector, mut request: Request) {
    let ctx = super::browser_context();
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&message, &k.into(), v);
    };
    set("id", &request.id.into());
    set("text", &request.text.as_str().into());
    set("keys", &request.keys.as_str().into());
    set("now", &((ctx.now as f64) * 1000.0).into());
    set("offset", &ctx.utc_offset_minutes.into());
    set("random", &js_sys::Uint8Array::from(&ctx.random[..]).into());
    if self_test_requested() {
        set("panic", &true.into());
    }
    if inspector.worker.post_message(&message).is_err() {
        request.done.emit((
            request.text,
            request.keys,
            failed(
                "The inspection worker did not take the input.",
                "postMessage failed",
            ),
        ));
        return;
    }
    request.sent_at = clock_ms();
    let id = request.id;
    inspector.busy = Some(request);
    inspector.deadline = Some(gloo::timers::callback::Timeout::new(
        DEADLINE_MS,
        move || timed_out(id),
    ));
}

fn timed_out(id: u32) {
    let stopped = INSPECTOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let inspector = slot.as_mut()?;
        if inspector.busy.as_ref().map(|b| b.id) != Some(id) {
            return None;
        }
        inspector.busy.take()
    });
    if let Some(request) = stopped {
        let queued = restart();
        let seconds = DEADLINE_MS / 1000;
        request.done.emit((
            request.text.clone(),
            request.keys.clone(),
            failed(
                &format!("Inspecting this paste took longer than {seconds} seconds, so it was stopped. What you typed is kept; try a smaller part of it."),
                &format!("deadline of {seconds} s passed; input {} bytes, keys {} bytes", request.text.len(), request.keys.len()),
            ),
        ));
        if let Some(next) = queued {
            enqueue(next);
        }
    }
}

/// Stops the current worker and starts a new one; returns the queued request, if any.
fn restart() -> Option<Request> {
    let old = INSPECTOR.with(|cell| cell.borrow_mut().take());
    let queued = old.and_then(|mut inspector| {
        inspector.worker.terminate();
        inspector.queued.take()
    });
    INSPECTOR.with(|cell| *cell.borrow_mut() = start());
    queued
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    let id = js_sys::Reflect::get(&data, &"id".into())
        .ok()
        .and_then(|v| v.as_f64());
    let json = js_sys::Reflect::get(&data, &"json".into())
        .ok()
        .and_then(|v| v.as_string());
    let (Some(id), Some(json)) = (id, json) else {
        return;
    };
    let finished = INSPECTOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let inspector = slot.as_mut()?;
        if inspector.busy.as_ref().map(|b| f64::from(b.id)) != Some(id) {
            return None;
        }
        inspector.deadline = None;
        let done = inspector.busy.take()?;
        Some((done, inspector.queued.take()))
    });
    let Some((done, queued)) = finished else {
        return;
    };
    FAILED_STARTS.with(|f| f.set(0));
    let outcome = match serde_json::from_str::<WorkerReply>(&json) {
        Ok(reply) => Outcome::Done(Rc::new(reply.report), reply.ms),
        Err(e) => failed(
            "The report could not be read back from the worker.",
            &e.to_string(),
        ),
    };
    done.done.emit((done.text, done.keys, outcome));
    if let Some(next) = queued {
        enqueue(next);
    }
}

#[derive(serde::Deserialize)]
struct WorkerReply {
    ms: f64,
    report: Report,
}

/// A trap in the worker, or a worker that could not start (a plain `Event` without a message).
fn on_error(event: web_sys::Event) {
    event.prevent_default();
    FAILED_STARTS.with(|f| f.set(f.get() + 1));
    let stopped = INSPECTOR.with(|cell| cell.borrow_mut().as_mut().and_then(|i| i.busy.take()));
    let queued = restart();
    if let Some(request) = stopped {
        let details = format!(
            "{} (input {} bytes, keys {} bytes, tokenlens {})",
            js_sys::Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the inspection worker stopped".to_string()),
            request.text.len(),
            request.keys.len(),
            env!("CARGO_PKG_VERSION")
        );
        request.done.emit((
            request.text.clone(),
            request.keys.clone(),
            failed("tokenlens hit an internal error on this paste. What you typed is kept, and the page works on: copy the details into a bug report, or try a part of the paste.", &details),
        ));
    }
    if let Some(next) = queued {
        enqueue(next);
    }
}

/// Starts a worker and hands it the compiled module; `None` when this page cannot have one.
fn start() -> Option<Inspector> {
    if FAILED_STARTS.with(|f| f.get()) >= MAX_FAILED_STARTS {
        return None;
    }
    let (module, url) = bootstrap()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"module".into(), &module);
    worker.post_message(&init).ok()?;
    Some(Inspector {
        worker,
        busy: None,
        queued: None,
        deadline: None,
        next_id: 1,
        _on_message: on_message,
        _on_error: on_error,
    })
}
