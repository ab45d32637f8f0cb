//! The Yew page (wasm32 only): owns input state and rendering; no domain logic.
//!
//! Everything shown comes from `inspect_with_keys`; this module only turns the Report into HTML,
//! keeps what the user typed, reads dropped files and copies text to the clipboard.

mod cards;
mod examples;
mod input;
mod redact;
mod triage;
mod worker;

use crate::context::Context;
use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Pastes larger than this are inspected after a short pause in typing instead of on every key.
const DEBOUNCE_ABOVE_BYTES: usize = 32 * 1024;
/// Cards rendered at most; the plain-text copy still holds everything.
pub(crate) const MAX_CARDS: usize = 150;

/// Mounts the app on the page body.
pub fn start() {
    // The same module also runs inside the inspection worker, which has no page to mount on.
    if web_sys::window().is_none() {
        return;
    }
    if let Some(loading) = gloo::utils::document().get_element_by_id("loading") {
        loading.remove();
    }
    yew::Renderer::<App>::new().render();
}

/// The clock, offset and randomness of this browser, read here so the core never reads them.
pub(crate) fn browser_context() -> Context {
    let now_ms = js_sys::Date::now();
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let mut random = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut random);
    }
    Context {
        now: (now_ms / 1000.0) as i64,
        utc_offset_minutes: offset,
        random,
    }
}

/// Copies text to the clipboard; failures are silent because the text stays visible on the page.
pub(crate) fn copy_to_clipboard(text: String) {
    if let Some(window) = web_sys::window() {
        let promise = window.navigator().clipboard().write_text(&text);
        // A rejection (no permission, page not focused) is ignored: the text stays on the page.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// What the page holds: the paste, the key box and the report computed from them.
#[derive(Clone, PartialEq)]
pub(crate) struct PageState {
    pub text: Rc<String>,
    pub keys: Rc<String>,
    pub report: Rc<Report>,
    /// Milliseconds the last inspection took, shown in the footer and read by the benchmark.
    pub inspect_ms: f64,
    /// Why the last input has no report (an internal error or the deadline), with details to copy.
    pub failure: Option<(String, String)>,
}

/// A high-resolution clock for the timing shown in the report header.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn run_inspect(text: &str, keys: &str) -> (Report, f64) {
    let start = now_ms();
    let ctx = browser_context();
    let report = crate::inspect::inspect_with_keys(text, keys, &ctx);
    (report, now_ms() - start)
}

/// Keeps what was typed at once and asks for its report: from the worker when the page has one
/// (after a pause in typing for large inputs), else on this thread.
fn inspect_later(
    state: &UseStateHandle<PageState>,
    pending: &Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
    text: String,
    keys: String,
) {
    let state = state.clone();
    let pending = pending.clone();
    let size = text.len() + keys.len();
    let text = Rc::new(text);
    let keys = Rc::new(keys);
    pending.borrow_mut().take();
    if worker::available() {
        // The worker inspects; what was typed is kept at once and the report follows.
        let current = (*state).clone();
        state.set(PageState {
            text: text.clone(),
            keys: keys.clone(),
            ..current
        });
        let state_later = state.clone();
        let done = Callback::from(
            move |(text, keys, outcome): (Rc<String>, Rc<String>, worker::Outcome)| {
                if *state_later.text != *text || *state_later.keys != *keys {
                    return;
                }
                let current = (*state_later).clone();
                state_later.set(match outcome {
                    worker::Outcome::Done(report, ms) => PageState {
                        report,
                        inspect_ms: ms,
                        failure: None,
                        ..current
                    },
                    worker::Outcome::Failed { message, details } => PageState {
                        report: Rc::new(Report::default()),
                        failure: Some((message, details)),
                        ..current
                    },
                });
            },
        );
        let send = move || worker::request(text, keys, done);
        if size <= DEBOUNCE_ABOVE_BYTES {
            send();
        } else {
            *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(150, send));
        }
        return;
    }
    if size <= DEBOUNCE_ABOVE_BYTES {
        // Small inputs: one render with the text and its report together.
        let (report, ms) = run_inspect(&text, &keys);
        state.set(PageState {
            text,
            keys,
            report: Rc::new(report),
            inspect_ms: ms,
            failure: None,
        });
        return;
    }
    // Large inputs: keep what was typed at once; the report follows after a pause.
    let current = (*state).clone();
    state.set(PageState {
        text: text.clone(),
        keys: keys.clone(),
        ..current
    });
    let state_later = state.clone();
    let compute = move || {
        let (report, ms) = run_inspect(&text, &keys);
        state_later.set(PageState {
            text,
            keys,
            report: Rc::new(report),
            inspect_ms: ms,
            failure: None,
        });
    };
    *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(150, compute));
}

#[function_component(App)]
fn app() -> Html {
    let state = use_state(|| PageState {
        text: Rc::new(String::new()),
        keys: Rc::new(String::new()),
        report: Rc::new(Report::default()),
        inspect_ms: 0.0,
        failure: None,
    });
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let selected = use_state(|| None::<(usize, usize)>);
    // Logs dropped or picked for triage; each drop has a new id, which starts a new run.
    let logs = use_state(|| None::<Rc<triage::LogDrop>>);
    let drops = use_mut_ref(|| 0u32);
    // Once the page has settled, workers for the first dropped log are started and warmed up.
    use_effect_with((), |_| {
        let timer = gloo::timers::callback::Timeout::new(500, triage::prepare);
        move || drop(timer)
    });
    let on_logs = {
        let logs = logs.clone();
        use_callback((), move |files: Vec<web_sys::File>, _| {
            let id = {
                let mut n = drops.borrow_mut();
                *n += 1;
                *n
            };
            logs.set(Some(Rc::new(triage::LogDrop { id, files })));
        })
    };

    // The callbacks keep their identity across renders (state handles read the current state), so
    // a render that only changes the paste does not redraw the report pane.
    let update = {
        let state = state.clone();
        let pending = pending.clone();
        use_callback((), move |(text, keys): (String, String), _| {
            inspect_later(&state, &pending, text, keys)
        })
    };

    let on_text = {
        let update = update.clone();
        let state = state.clone();
        use_callback((), move |text: String, _| {
            update.emit((text, (*state.keys).clone()))
        })
    };
    let on_keys = {
        let update = update.clone();
        let state = state.clone();
        use_callback((), move |keys: String, _| {
            update.emit(((*state.text).clone(), keys))
        })
    };
    let on_select = {
        let selected = selected.clone();
        use_callback((), move |span: (usize, usize), _| selected.set(Some(span)))
    };

    html! {
        <>
        <header class="top">
            <h1>{"tokenlens"}</h1>
            <p class="tagline">{"Decodes and explains Microsoft identity tokens, certificates, auth headers and logs. Nothing leaves this page."}</p>
            <a class="button offline" href="tokenlens.html" download="tokenlens.html"
                title="Save this page as one file; it works offline when opened from disk">{"Save for offline use"}</a>
            <input::ThemeToggle />
        </header>
        <main class="layout">
            <input::InputPane
                text={state.text.clone()}
                keys={state.keys.clone()}
                report={state.report.clone()}
                selected={*selected}
                on_text={on_text.clone()}
                on_keys={on_keys}
                {on_logs}
            />
            <div class="report-column">
                if let Some((message, details)) = state.failure.clone() {
                    <div class="failure" role="alert">
                        <p>{message}</p>
                        <button class="button" onclick={Callback::from(move |_| copy_to_clipboard(details.clone()))}>{"Copy details"}</button>
                    </div>
                }
                <triage::TriagePanel drop={(*logs).clone()} on_line={on_text.clone()} />
                <cards::ReportPane report={state.report.clone()} on_select={on_select} inspect_ms={state.inspect_ms} on_example={on_text.clone()} />
            </div>
        </main>
        </>
    }
}
