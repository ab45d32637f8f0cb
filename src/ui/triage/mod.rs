//! Whole-log triage on the page: dropped logs are read by a worker of their own (`run.rs`, whose
//! wasm entry points are in `entry.rs`), with a progress bar, MB/s, time left and a Cancel button;
//! the summary is shown as totals, a failure chart (`chart.rs`) and the groups of each kind, each
//! opening its example lines, each line with a button that puts it in the paste box to be
//! explained. Filters (kind, text, time range) apply to the groups shown and to the exports (CSV,
//! JSON, Markdown), which are local downloads.

mod chart;
pub mod entry;
mod run;
pub use run::prepare;

use crate::triage::{normalise_time, Filter, Group, GroupKind, View};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Groups drawn per kind; the exports hold them all.
const SHOWN: usize = 50;

/// Files handed to triage by one drop or pick.
pub struct LogDrop {
    pub id: u32,
    pub files: Vec<web_sys::File>,
}

impl PartialEq for LogDrop {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

#[derive(Properties, PartialEq)]
pub struct TriageProps {
    pub drop: Option<Rc<LogDrop>>,
    /// Puts an example line into the paste box.
    pub on_line: Callback<String>,
}

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Running { done: f64, total: f64 },
    Done { view: Rc<View>, seconds: f64 },
    Cancelled { done: f64, total: f64 },
    Failed(String),
}

/// What stays fixed during a run: its start and the names of its files.
#[derive(Default)]
struct RunInfo {
    started: f64,
    names: String,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// `value` with one decimal, written with integers so that the page links no float formatting.
pub(super) fn tenths(value: f64) -> String {
    let t = (value.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

fn mb(bytes: f64) -> String {
    format!("{} MB", tenths(bytes / 1_000_000.0))
}

#[function_component(TriagePanel)]
pub fn triage_panel(props: &TriageProps) -> Html {
    let phase = use_state(|| Phase::Idle);
    let info = use_mut_ref(RunInfo::default);
    {
        let phase = phase.clone();
        let info = info.clone();
        use_effect_with(props.drop.clone(), move |drop| {
            if let Some(drop) = drop {
                start(drop, &phase, &info);
            }
        });
    }
    let oncancel = {
        let phase = phase.clone();
        Callback::from(move |_: MouseEvent| {
            run::cancel();
            if let Phase::Running { done, total } = *phase {
                phase.set(Phase::Cancelled { done, total });
            }
        })
    };
    let onclose = {
        let phase = phase.clone();
        Callback::from(move |_: MouseEvent| {
            run::cancel();
            phase.set(Phase::Idle);
        })
    };
    let names = info.borrow().names.clone();
    let body = match &*phase {
        Phase::Idle => return html! {},
        Phase::Running { done, total } => {
            let seconds = ((now_ms() - info.borrow().started) / 1000.0).max(0.001);
            let rate = done / seconds;
            let left = if rate > 0.0 {
                format!(
                    ", about {} s left",
                    ((total - done) / rate).max(0.0).ceil() as u64
                )
            } else {
                String::new()
            };
            html! {
                <>
                <p>{format!("Reading {names} in this browser…")}</p>
                <progress class="triage-progress" max={(total.max(1.0) as u64).to_string()} value={(*done as u64).to_string()}
                    aria-label="Reading the logs" />
                <p class="triage-rate">{format!("{} of {}, {} MB/s{left}", mb(*done), mb(*total), (rate / 1_000_000.0) as u64)}</p>
                <button type="button" class="button" onclick={oncancel}>{"Cancel"}</button>
                </>
            }
        }
        Phase::Cancelled { done, total } => html! {
            <>
            <p class="notice" role="status">{format!("Cancelled after {} of {}. Nothing was kept.", mb(*done), mb(*total))}</p>
            <button type="button" class="button" onclick={onclose}>{"Close"}</button>
            </>
        },
        Phase::Failed(message) => html! {
            <>
            <div class="failure" role="alert"><p>{message.clone()}</p></div>
            <button type="button" class="button" onclick={onclose}>{"Close"}</button>
            </>
        },
        Phase::Done { view, seconds } => html! {
            <Summary view={view.clone()} seconds={*seconds} on_line={props.on_line.clone()} {onclose} />
        },
    };
    html! {
        <section class="triage card" aria-labelledby="triage-title">
            <h2 id="triage-title">{"Log triage"}</h2>
            {body}
        </section>
    }
}

/// Starts the worker on the dropped files; its events move the phase on.
fn start(drop: &LogDrop, phase: &UseStateHandle<Phase>, info: &Rc<RefCell<RunInfo>>) {
    let total: f64 = drop.files.iter().map(|f| f.size()).sum();
    let names: Vec<String> = drop.files.iter().map(|f| f.name()).collect();
    *info.borrow_mut() = RunInfo {
        started: now_ms(),
        names: match names.len() {
            1 => names.concat(),
            n => format!("{n} files"),
        },
    };
    phase.set(Phase::Running { done: 0.0, total });
    let phase = phase.clone();
    let info = info.clone();
    let on_event = Callback::from(move |event: run::Event| match event {
        run::Event::Progress { done, total } => phase.set(Phase::Running { done, total }),
        run::Event::Done(json) => phase.set(match View::from_json(&json) {
            Ok(view) => Phase::Done {
                view: Rc::new(view),
                seconds: (now_ms() - info.borrow().started) / 1000.0,
            },
            Err(e) => Phase::Failed(format!("The summary could not be read back: {e}")),
        }),
        run::Event::Failed(message) => phase.set(Phase::Failed(message)),
    });
    run::start(&drop.files, on_event);
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    view: Rc<View>,
    seconds: f64,
    on_line: Callback<String>,
    onclose: Callback<MouseEvent>,
}

#[function_component(Summary)]
fn summary(props: &SummaryProps) -> Html {
    let filter = use_state(Filter::default);
    let v = &props.view;
    let share = if v.requests > 0 {
        format!(
            " ({}% of requests)",
            tenths(v.failures as f64 * 100.0 / v.requests as f64)
        )
    } else {
        String::new()
    };
    let span = match (&v.first, &v.last) {
        (Some(f), Some(l)) => format!(" Failures seen from {f} to {l}."),
        _ => String::new(),
    };
    let rate = v.bytes as f64 / props.seconds.max(0.001) / 1_000_000.0;
    let export = |format: &'static str| {
        let view = v.clone();
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| {
            let shown = view.filtered(&filter);
            let (text, mime) = match format {
                "csv" => (shown.csv(), "text/csv"),
                "json" => (shown.json(), "application/json"),
                _ => (shown.markdown(&filter), "text/markdown"),
            };
            download(&format!("tokenlens-triage.{format}"), mime, &text);
        })
    };
    let kinds = GroupKind::ALL.iter().filter_map(|kind| {
        let groups = v.shown(*kind, &filter);
        (!groups.is_empty()).then(|| kind_section(*kind, &groups, &props.on_line))
    });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |f: Filter| filter.set(f))
    };
    let nothing = GroupKind::ALL
        .iter()
        .all(|k| v.shown(*k, &filter).is_empty());
    html! {
        <>
        <p class="triage-totals">
            <span data-count="files">{v.inputs.len()}</span>{if v.inputs.len() == 1 { " file, " } else { " files, " }}
            {mb(v.bytes as f64)}{", "}
            <span data-count="lines">{v.lines}</span>{" lines, "}
            <span data-count="requests">{v.requests}</span>{" requests, "}
            <span data-count="failures">{v.failures}</span>{format!(" failures{share}, ")}
            <span data-count="errors">{v.errors}</span>{" of error severity."}
            {span}
            <span class="timing">{format!(" Read in {} s ({} MB/s).", tenths(props.seconds), rate as u64)}</span>
        </p>
        if !v.skipped.is_empty() {
            <ul class="notice triage-skipped">
                {for v.skipped.iter().map(|s| html! { <li>{s.clone()}</li> })}
            </ul>
        }
        if v.long_lines_skipped > 0 {
            <p class="notice">{format!("{} lines longer than 1 MB were skipped.", v.long_lines_skipped)}</p>
        }
        <div class="report-actions">
            <button type="button" class="button" onclick={export("csv")}>{"Download CSV"}</button>
            <button type="button" class="button" onclick={export("json")}>{"Download JSON"}</button>
            <button type="button" class="button" onclick={export("md")}>{"Download Markdown"}</button>
            <button type="button" class="button" onclick={props.onclose.clone()}>{"Close"}</button>
        </div>
        <Filters view={v.clone()} filter={(*filter).clone()} on_change={on_filter} />
        <chart::Chart view={v.clone()} filter={(*filter).clone()} />
        {for kinds}
        if nothing && v.failures > 0 {
            <p class="notice">{"No group matches the filter."}</p>
        }
        if v.failures == 0 {
            <p class="notice">{"No failed request and no AADSTS or x-ms-diagnostics error found."}</p>
        }
        </>
    }
}

/// One kind's groups: each opens its example lines, each line with a button to explain it.
fn kind_section(kind: GroupKind, groups: &[&Group], on_line: &Callback<String>) -> Html {
    let more = groups.len().saturating_sub(SHOWN);
    html! {
        <section class="triage-kind">
            <h3 class="group-title">{kind.title()}<span class="index">{format!(" ({} {})", groups.len(), if groups.len() == 1 { "group" } else { "groups" })}</span></h3>
            <ul class="triage-groups">
                {for groups.iter().take(SHOWN).map(|g| group_item(g, on_line))}
            </ul>
            if more > 0 {
                <p class="src-note">{format!("… and {more} more, all of them in the exports.")}</p>
            }
        </section>
    }
}

fn group_item(g: &Group, on_line: &Callback<String>) -> Html {
    let severity = serde_json::to_value(g.severity)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let when = match (&g.first, &g.last) {
        (Some(f), Some(l)) if f == l => f.clone(),
        (Some(f), Some(l)) => format!("{f} to {l}"),
        _ => String::new(),
    };
    let examples = g.examples.iter().map(|e| {
        let on_line = on_line.clone();
        let text = e.text.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_line.emit(text.clone());
            if let Some(pane) = gloo::utils::document()
                .query_selector(".report-pane")
                .ok()
                .flatten()
            {
                pane.scroll_into_view();
            }
        });
        html! {
            <li>
                <code class="triage-line">{e.text.clone()}</code>
                <span class="src-note">{format!(" {} line {} ", e.origin, e.line)}</span>
                <button type="button" class="copy" {onclick}
                    aria-label={format!("Explain line {} of {}", e.line, e.origin)}>{"Explain this line"}</button>
            </li>
        }
    });
    html! {
        <li class={classes!("triage-group", format!("sev-{severity}"))} data-kind={serde_json::to_value(g.kind).ok().and_then(|v| v.as_str().map(str::to_string))} data-key={g.key.clone()} data-count={g.count.to_string()}>
            <details>
                <summary>
                    <span class="badge">{severity.clone()}</span>{" "}
                    <code class="triage-key">{g.key.clone()}</code>
                    if let Some(d) = &g.detail { <span class="triage-detail">{format!(" {}", crate::text::ellipsis(d, 120))}</span> }
                    <span class="count">{format!(" {} ", g.count)}</span>
                    <span class="src-note">{when}</span>
                    if !g.label.is_empty() { <span class="meaning">{format!(" {}", g.label)}</span> }
                </summary>
                <ol class="triage-examples">{for examples}</ol>
            </details>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct FiltersProps {
    view: Rc<View>,
    filter: Filter,
    on_change: Callback<Filter>,
}

/// The kind select, the text filter and the time range (datetime-local inputs, read as local
/// log times, which is how logs write them).
#[function_component(Filters)]
fn filters(props: &FiltersProps) -> Html {
    let change = |apply: fn(&mut Filter, String)| {
        let filter = props.filter.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| {
                    t.dyn_ref::<web_sys::HtmlInputElement>()
                        .map(|i| i.value())
                        .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
                })
                .unwrap_or_default();
            let mut next = filter.clone();
            apply(&mut next, value);
            on_change.emit(next);
        })
    };
    let on_kind = change(|f, v| {
        f.kind = GroupKind::ALL.into_iter().find(|k| {
            serde_json::to_value(k)
                .ok()
                .and_then(|j| j.as_str().map(str::to_string))
                == Some(v.clone())
        });
    });
    let on_text = {
        let filter = props.filter.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_change.emit(Filter {
                    text: input.value(),
                    ..filter.clone()
                });
            }
        })
    };
    let on_from = change(|f, v| f.from = normalise_time(&v, false));
    let on_to = change(|f, v| f.to = normalise_time(&v, true));
    let on_clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(Filter::default()))
    };
    // The inputs show the range as datetime-local wants it: `YYYY-MM-DDTHH:MM:SS`.
    let local = |t: &Option<String>| {
        t.as_deref()
            .map(|t| t.replacen(' ', "T", 1))
            .unwrap_or_default()
    };
    let bound = |t: &Option<String>| local(t);
    let kinds = GroupKind::ALL.iter().filter(|k| props.view.groups.get(k).is_some_and(|g| !g.is_empty())).map(|k| {
        let name = serde_json::to_value(k).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default();
        html! { <option value={name} selected={props.filter.kind == Some(*k)}>{k.title()}</option> }
    });
    html! {
        <fieldset class="triage-filters">
            <legend>{"Filter the groups and the exports"}</legend>
            <label>{"Kind "}
                <select onchange={on_kind}>
                    <option value="" selected={props.filter.kind.is_none()}>{"All kinds"}</option>
                    {for kinds}
                </select>
            </label>
            <label>{"Text "}<input type="search" value={props.filter.text.clone()} oninput={on_text} placeholder="code, status, path, client…" /></label>
            <label>{"From "}<input type="datetime-local" step="1" value={local(&props.filter.from)}
                min={bound(&props.view.first)} max={bound(&props.view.last)} onchange={on_from} /></label>
            <label>{"To "}<input type="datetime-local" step="1" value={local(&props.filter.to)}
                min={bound(&props.view.first)} max={bound(&props.view.last)} onchange={on_to} /></label>
            <button type="button" class="button" onclick={on_clear}>{"Clear filters"}</button>
        </fieldset>
    }
}

/// Offers `text` as a file download made in the page (a `blob:` URL; nothing is sent anywhere).
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The URL is freed once the download has had time to start.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
