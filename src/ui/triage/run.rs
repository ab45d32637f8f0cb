//! The page's side of a triage run: a worker of its own (the inspection worker's script and the
//! compiled module, so pastes are still inspected while a log is read), the files posted to it,
//! and its messages turned into events. Cancel terminates the worker; each run starts a fresh one.
//!
//! Protocol: the page posts `{module}` and then `{triage: id, files: [File...]}`; the worker
//! answers `{triage: id, done, total}` about ten times a second and, at the end,
//! `{triage: id, done, total, json}` with the summary (`entry::triage_summary`).

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

struct Runner {
    id: u32,
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RUNNER: RefCell<Option<Runner>> = const { RefCell::new(None) };
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Starts reading `files` in a new worker (stopping any run still going); `on_event` hears from it.
pub fn start(files: &[web_sys::File], on_event: Callback<Event>) {
    cancel();
    let Some((module, url)) = super::super::worker::bootstrap() else {
        on_event.emit(Event::Failed(
            "This browser could not start a worker for the logs.".into(),
        ));
        return;
    };
    let Ok(worker) = web_sys::Worker::new(&url) else {
        on_event.emit(Event::Failed("The log worker could not be started.".into()));
        return;
    };
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let events = on_event.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
            if get("triage").and_then(|v| v.as_f64()) != Some(f64::from(id)) {
                return;
            }
            let number = |k: &str| get(k).and_then(|v| v.as_f64()).unwrap_or(0.0);
            events.emit(Event::Progress {
                done: number("done"),
                total: number("total"),
            });
            if let Some(json) = get("json").and_then(|v| v.as_string()) {
                stop(id);
                events.emit(Event::Done(json));
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let message = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the log worker stopped".into());
        stop(id);
        on_event.emit(Event::Failed(format!(
            "Reading the logs stopped on an internal error ({message}). The page works on; copy the details into a bug report."
        )));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"module".into(), &module);
    let list = js_sys::Array::new();
    for f in files {
        list.push(f);
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"triage".into(), &id.into());
    let _ = js_sys::Reflect::set(&message, &"files".into(), &list);
    if worker.post_message(&init).is_err() || worker.post_message(&message).is_err() {
        worker.terminate();
        return;
    }
    RUNNER.with(|r| {
        *r.borrow_mut() = Some(Runner {
            id,
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
}

/// Stops the run in progress, if any; the page and the inspection worker are not touched.
pub fn cancel() {
    if let Some(runner) = RUNNER.with(|r| r.borrow_mut().take()) {
        runner.worker.terminate();
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
        runner.worker.terminate();
        // The closures may be running right now (this is called from one of them): drop them later.
        wasm_bindgen_futures::spawn_local(async move { drop(runner) });
    }
}
