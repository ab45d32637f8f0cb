//! The page's side of a triage run: a worker of its own (the inspection worker's script and the
//! compiled module, so pastes are still inspected while a log is read), or two for one large
//! file, the files posted to them, and their messages turned into events. Cancel terminates the
//! workers; each run starts fresh ones.
//!
//! Protocol: the page posts `{module}` and then `{triage: id, files: [File...]}`; the worker
//! answers `{triage: id, done, total}` about ten times a second and, at the end,
//! `{triage: id, done, total, json}` with the summary (`entry::triage_summary`). For one large
//! file the two workers get `part: 0` and `part: 1` and the two ends of a `MessageChannel`; their
//! progress messages carry their part, and the first worker's last message carries the summary.
//! Workers are started ahead of a run (`prepare`: `{module}` then `{warm: true}`) and a run takes
//! them, so a drop does not wait for a worker to start.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// What the worker says about a run.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Bytes read so far (compressed bytes for archives) of the total.
    Progress { done: f64, total: f64 },
    /// The summary as JSON.
    Done(String),
    /// The worker stopped (a trap) or could not start.
    Failed(String),
}

/// A worker of the run with the closures that hear from it.
struct Part {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

struct Runner {
    id: u32,
    parts: Vec<Part>,
}

thread_local! {
    static RUNNER: RefCell<Option<Runner>> = const { RefCell::new(None) };
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
    /// Workers started ahead of a drop, the module loaded and the triage code warmed up.
    static SPARE: RefCell<Vec<web_sys::Worker>> = const { RefCell::new(Vec::new()) };
}

/// Spare workers kept ready: one per core a run can use.
const SPARES: usize = 2;

/// Starts spare workers for the next run (up to `SPARES`), each of which loads the module and
/// triages a little generated log (`entry::triage_warm`), so that the browser has compiled the
/// triage code fully before the drop. The page calls it once it has settled after opening, and
/// again after each run (a run's workers end with it, which frees their memory). A drop in a
/// fresh page was about 0.1 s slower than later ones: about 45 ms to start two workers, the rest
/// in code not yet compiled fully.
pub fn prepare() {
    let missing = SPARES.saturating_sub(SPARE.with(|s| s.borrow().len()));
    if missing == 0 {
        return;
    }
    let Some((module, url)) = super::super::worker::bootstrap() else {
        return;
    };
    for _ in 0..missing {
        let Ok(worker) = web_sys::Worker::new(&url) else {
            return;
        };
        let init = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&init, &"module".into(), &module);
        let warm = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&warm, &"warm".into(), &true.into());
        if worker.post_message(&init).is_err() || worker.post_message(&warm).is_err() {
            worker.terminate();
            return;
        }
        SPARE.with(|s| s.borrow_mut().push(worker));
    }
}

/// A worker for a run: a spare one if there is one (its module is loaded), else a new one that
/// is sent the module.
fn worker_for_run(url: &str, module: &JsValue) -> Option<web_sys::Worker> {
    if let Some(w) = SPARE.with(|s| s.borrow_mut().pop()) {
        return Some(w);
    }
    let worker = web_sys::Worker::new(url).ok()?;
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"module".into(), module);
    if worker.post_message(&init).is_err() {
        worker.terminate();
        return None;
    }
    Some(worker)
}

/// Starts reading `files` in a new worker, or in two for one large file (stopping any run still
/// going); `on_event` hears from them.
pub fn start(files: &[web_sys::File], on_event: Callback<Event>) {
    cancel();
    let Some((module, url)) = super::super::worker::bootstrap() else {
        on_event.emit(Event::Failed(
            "This browser could not start a worker for the logs.".into(),
        ));
        return;
    };
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    // One large file, dropped alone, is read by two workers (as the CLI reads it with two threads).
    let large = matches!(files, [f] if f.size() >= crate::triage::split::SPLIT_MIN as f64);
    // The two workers talk over a channel of their own: the second sends its half's result to
    // the first, which joins the halves.
    let channel = (large && cores >= 2.0)
        .then(|| web_sys::MessageChannel::new().ok())
        .flatten();
    let ports = channel.as_ref().map(|c| [c.port1(), c.port2()]);
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    // Bytes read by each worker; progress is their sum.
    let done = std::rc::Rc::new(std::cell::Cell::new([0.0f64; 2]));
    let list = js_sys::Array::new();
    for f in files {
        list.push(f);
    }
    let mut parts: Vec<Part> = Vec::new();
    for part in 0..ports.as_ref().map_or(1, |p| p.len()) {
        let Some(worker) = worker_for_run(&url, &module) else {
            return not_started(parts, &on_event);
        };
        let events = on_event.clone();
        let done = done.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                if get("triage").and_then(|v| v.as_f64()) != Some(f64::from(id)) {
                    return;
                }
                let number = |k: &str| get(k).and_then(|v| v.as_f64()).unwrap_or(0.0);
                let mut counts = done.get();
                let from = usize::from(number("part") == 1.0);
                if let Some(slot) = counts.get_mut(from) {
                    *slot = number("done");
                }
                done.set(counts);
                let total = number("total");
                events.emit(Event::Progress {
                    done: counts.iter().sum::<f64>().min(total),
                    total,
                });
                if let Some(json) = get("json").and_then(|v| v.as_string()) {
                    stop(id);
                    events.emit(Event::Done(json));
                }
            });
        let events = on_event.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let message = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the log worker stopped".into());
            stop(id);
            events.emit(Event::Failed(format!(
                "Reading the logs stopped on an internal error ({message}). The page works on; copy the details into a bug report."
            )));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"triage".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"files".into(), &list);
        let transfer = js_sys::Array::new();
        if let Some(port) = ports.as_ref().and_then(|p| p.get(part)) {
            let _ = js_sys::Reflect::set(&message, &"part".into(), &(part as u32).into());
            let _ = js_sys::Reflect::set(&message, &"port".into(), port);
            transfer.push(port);
        }
        let posted = worker
            .post_message_with_transfer(&message, &transfer)
            .is_ok();
        parts.push(Part {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        });
        if !posted {
            return not_started(parts, &on_event);
        }
    }
    RUNNER.with(|r| *r.borrow_mut() = Some(Runner { id, parts }));
}

/// Ends a run whose workers could not all be started: those started are stopped.
fn not_started(parts: Vec<Part>, on_event: &Callback<Event>) {
    for p in parts {
        p.worker.terminate();
    }
    on_event.emit(Event::Failed("The log worker could not be started.".into()));
}

/// Stops the run in progress, if any; the page and the inspection worker are not touched.
pub fn cancel() {
    if let Some(runner) = RUNNER.with(|r| r.borrow_mut().take()) {
        for p in &runner.parts {
            p.worker.terminate();
        }
        prepare();
    }
}

/// Ends run `id` (done or failed) and frees its worker's memory.
fn stop(id: u32) {
    let mine = RUNNER.with(|r| {
        let mut slot = r.borrow_mut();
        if slot.as_ref().map(|runner| runner.id) == Some(id) {
            slot.take()
        } else {
            None
        }
    });
    if let Some(runner) = mine {
        for p in &runner.parts {
            p.worker.terminate();
        }
        // The closures may be running right now (this is called from one of them): drop them later.
        wasm_bindgen_futures::spawn_local(async move { drop(runner) });
        prepare();
    }
}
