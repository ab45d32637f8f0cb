//! The report side of the page: diagnosis cards and one card per artifact, rendered from the Report.

use super::{copy_to_clipboard, MAX_CARDS};
use crate::render;
use crate::report::{Artifact, Field, Finding, Report, Section, Severity};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Rc<Report>,
    pub on_select: Callback<(usize, usize)>,
    pub inspect_ms: f64,
    /// Puts an example into the (empty) paste box.
    pub on_example: Callback<String>,
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
        Severity::Ok => "sev-ok",
    }
}

/// A small button that copies the text `make` returns; the text is only built when clicked.
pub(crate) fn copy_button(
    label: &'static str,
    make: impl Fn() -> String + 'static,
    title: String,
) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        e.stop_propagation();
        copy_to_clipboard(make());
    });
    // The accessible name starts with the visible label, so speech input can use what is seen.
    let name = format!("{label} ({title})");
    html! { <button type="button" class="copy" {onclick} {title} aria-label={name}>{label}</button> }
}

/// Points at one artifact of a report (top level or nested) without copying it.
#[derive(Clone)]
pub struct ArtifactRef {
    report: Rc<Report>,
    key_box: bool,
    path: Vec<usize>,
}

impl PartialEq for ArtifactRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.key_box == other.key_box
            && self.path == other.path
    }
}

impl ArtifactRef {
    fn get(&self) -> Option<&Artifact> {
        let list = if self.key_box {
            &self.report.key_artifacts
        } else {
            &self.report.artifacts
        };
        let (first, rest) = self.path.split_first()?;
        let mut artifact = list.get(*first)?;
        for i in rest {
            artifact = artifact.children.get(*i)?;
        }
        Some(artifact)
    }

    fn child(&self, i: usize) -> ArtifactRef {
        let mut path = self.path.clone();
        path.push(i);
        ArtifactRef {
            report: self.report.clone(),
            key_box: self.key_box,
            path,
        }
    }
}

#[function_component(ReportPane)]
pub fn report_pane(props: &ReportProps) -> Html {
    let report = &props.report;
    let total = report.artifacts.len() + report.key_artifacts.len();
    let empty = total == 0 && report.notices.is_empty();
    let whole = props.report.clone();
    html! {
        <section class="report-pane" aria-label="Report" aria-live="polite">
            if empty {
                <super::examples::WhatCanIPaste on_example={props.on_example.clone()} />
            } else {
                <div class="report-actions">
                    <span class="count">{format!("{total} item{} found", if total == 1 { "" } else { "s" })}</span>
                    {copy_button("Copy report as text", move || render::report_text(&whole), "Copy the whole report as plain text".to_string())}
                    <super::redact::RedactCopy report={props.report.clone()} />
                    <span class="timing" title="Time the last inspection took">{tenths_ms(props.inspect_ms)}</span>
                </div>
            }
            { for report.notices.iter().map(|n| html! { <p class="notice" role="status">{n}</p> }) }
            if !report.diagnoses.is_empty() {
                <h2 class="group-title">{"Diagnosis"}</h2>
                { for (0..report.diagnoses.len()).map(|i| html! { <DiagnosisCard report={props.report.clone()} index={i} /> }) }
            }
            if !report.artifacts.is_empty() {
                <h2 class="group-title">{"Found in the paste"}</h2>
            }
            { for by_severity(&report.artifacts).into_iter().take(MAX_CARDS).map(|(i, _)| html! {
                <ArtifactCard artifact={ArtifactRef { report: props.report.clone(), key_box: false, path: vec![i] }} index={i + 1} on_select={Some(props.on_select.clone())} />
            }) }
            if report.artifacts.len() > MAX_CARDS {
                <p class="notice">{format!("{} more items are not shown as cards; 'Copy report as text' holds all of them.", report.artifacts.len() - MAX_CARDS)}</p>
            }
            if !report.key_artifacts.is_empty() {
                <h2 class="group-title">{"Keys"}</h2>
                { for (0..report.key_artifacts.len().min(MAX_CARDS)).map(|i| html! {
                    <ArtifactCard artifact={ArtifactRef { report: props.report.clone(), key_box: true, path: vec![i] }} index={i + 1} on_select={None::<Callback<(usize, usize)>>} />
                }) }
            }
        </section>
    }
}

/// Cards with errors first, then warnings, then the rest, each group in paste order.
fn by_severity(artifacts: &[Artifact]) -> Vec<(usize, &Artifact)> {
    let mut order: Vec<(usize, &Artifact)> = artifacts.iter().enumerate().collect();
    crate::sort::by_key(&mut order, |(i, a)| {
        let worst = a.findings.iter().map(|f| f.severity).min();
        let rank = match worst {
            Some(Severity::Error) => 0,
            Some(Severity::Warning) => 1,
            _ => 2,
        };
        (rank, *i)
    });
    order
}

#[derive(Properties)]
pub struct FindingProps {
    pub report: Rc<Report>,
    pub index: usize,
}

impl PartialEq for FindingProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.index == other.index
    }
}

#[function_component(DiagnosisCard)]
pub fn diagnosis_card(props: &FindingProps) -> Html {
    let Some(f) = props.report.diagnoses.get(props.index) else {
        return html! {};
    };
    let class = classes!("card", "diagnosis", severity_class(f.severity));
    let report = props.report.clone();
    let index = props.index;
    let copy = move || {
        report
            .diagnoses
            .get(index)
            .map(render::finding_to_text)
            .unwrap_or_default()
    };
    html! {
        <article class={class}>
            <header class="card-head">
                <span class="badge">{f.severity.label()}</span>
                <h3>{&f.title}</h3>
                {copy_button("Copy", copy, "Copy this diagnosis as text".to_string())}
            </header>
            {finding_body(f)}
        </article>
    }
}

fn finding_body(f: &Finding) -> Html {
    html! {
        <>
        <p class="explanation">{&f.explanation}</p>
        if !f.causes.is_empty() {
            <div class="causes"><strong>{"Likely causes"}</strong>
                <ol>{ for f.causes.iter().map(|c| html! { <li>{c}</li> }) }</ol>
            </div>
        }
        if !f.steps.is_empty() {
            <div class="steps"><strong>{"Fix"}</strong>
                <ol>{ for f.steps.iter().map(|s| html! {
                    <li class={classes!(s.unsupported.then_some("unsupported"))}>
                        if s.unsupported { <span class="tag-unsupported">{"Unsupported by Microsoft"}</span>{" "} }
                        {&s.text}
                        if let Some(cmd) = &s.command {
                            <div class="command">
                                <pre><code>{cmd}</code></pre>
                                {copy_button("Copy", { let cmd = cmd.clone(); move || cmd.clone() }, "Copy this command".to_string())}
                            </div>
                        }
                    </li>
                }) }</ol>
            </div>
        }
        if let Some(given) = &f.same_fix_as {
            <p class="same-fix"><strong>{"Fix"}</strong>{": as given in "}{given}</p>
        }
        if let Some(src) = &f.source {
            <p class="source">{"Source: "}{source_link(src, src, None)}</p>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ArtifactProps {
    pub artifact: ArtifactRef,
    pub index: usize,
    pub on_select: Option<Callback<(usize, usize)>>,
}

#[function_component(ArtifactCard)]
pub fn artifact_card(props: &ArtifactProps) -> Html {
    let show_raw = use_state(|| false);
    let Some(a) = props.artifact.get() else {
        return html! {};
    };
    let worst = a.findings.iter().map(|f| f.severity).min();
    let class = classes!(
        "card",
        "artifact",
        format!("kind-{}", a.kind.css_name()),
        format!("family-{}", a.kind.family().css_name()),
        worst.map(severity_class)
    );
    let onselect = props.on_select.clone().map(|cb| {
        let span = (a.span.start, a.span.end);
        Callback::from(move |_: MouseEvent| cb.emit(span))
    });
    let toggle_raw = {
        let show_raw = show_raw.clone();
        Callback::from(move |_: MouseEvent| show_raw.set(!*show_raw))
    };
    html! {
        <article class={class}>
            <header class="card-head">
                <span class="badge kind">{a.kind.css_name()}</span>
                <h3>
                    if props.on_select.is_some() { <span class="index" title="Number used in the report text">{format!("[{}] ", props.index)}</span> }
                    {&a.title}
                </h3>
                if let Some(onclick) = onselect {
                    <button type="button" class="copy" {onclick} title="Select this item in the paste box">{"Show in paste"}</button>
                }
                {copy_button("Copy as text", { let r = props.artifact.clone(); move || r.get().map(render::artifact_text).unwrap_or_default() }, "Copy this card as plain text".to_string())}
            </header>
            if !a.verdict.is_empty() { <p class="verdict">{&a.verdict}</p> }
            if !a.findings.is_empty() {
                <ul class="findings">{ for a.findings.iter().map(|f| html! {
                    <li class={classes!("finding", severity_class(f.severity))}>
                        <details open={f.severity != Severity::Ok && (!f.steps.is_empty() || !f.causes.is_empty() || f.source.is_some() || f.same_fix_as.is_some())}>
                            <summary><span class="badge">{f.severity.label()}</span>{" "}<strong>{&f.title}</strong>{": "}{&f.explanation}</summary>
                            {finding_extra(f)}
                        </details>
                    </li>
                }) }</ul>
            }
            { for a.sections.iter().enumerate().map(|(i, section)| section_view(section, &props.artifact, i)) }
            { for (0..a.children.len()).map(|i| html! {
                <div class="child">
                    <ArtifactCard artifact={props.artifact.child(i)} index={i + 1} on_select={None::<Callback<(usize, usize)>>} />
                </div>
            }) }
            if let Some(raw) = &a.raw_json {
                <div class="raw">
                    <button type="button" class="button" onclick={toggle_raw} aria-expanded={show_raw.to_string()}>
                        {if *show_raw { "Hide raw JSON" } else { "Show raw JSON" }}
                    </button>
                    if *show_raw {
                        <pre class="raw-json"><code>{raw}</code></pre>
                        {copy_button("Copy JSON", { let raw = raw.clone(); move || raw.clone() }, "Copy the raw JSON".to_string())}
                    }
                </div>
            }
        </article>
    }
}

/// A link to a cited page; any other text (a note such as "algorithm OID 1.2.840...") is shown as
/// text, so no link on the page is ever built from a pasted value.
fn source_link(src: &str, label: &str, class: Option<&'static str>) -> Html {
    if crate::knowledge::sources::is_cited(src) {
        html! { <a href={src.to_string()} target="_blank" rel="noopener noreferrer" {class}>{label.to_string()}</a> }
    } else {
        html! { <span class="src-note">{src.to_string()}</span> }
    }
}

fn finding_extra(f: &Finding) -> Html {
    if f.causes.is_empty() && f.steps.is_empty() && f.source.is_none() && f.same_fix_as.is_none() {
        return html! {};
    }
    let mut copy = f.clone();
    copy.explanation.clear();
    html! { <div class="finding-extra">{finding_body(&copy)}</div> }
}

fn section_view(section: &Section, artifact: &ArtifactRef, index: usize) -> Html {
    let open = section.fields.len() <= 200;
    // One click handler per table copies the value of the row whose button was pressed, so a
    // card with many fields does not build a callback per button.
    let onclick = {
        let artifact = artifact.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("button[data-field]").ok().flatten())
            else {
                return;
            };
            let field = button
                .get_attribute("data-field")
                .and_then(|v| v.parse::<usize>().ok());
            let raw = field.and_then(|f| {
                artifact
                    .get()
                    .and_then(|a| a.sections.get(index))
                    .and_then(|s| s.fields.get(f))
                    .map(|f| f.raw.clone())
            });
            if let Some(raw) = raw {
                copy_to_clipboard(raw);
            }
        })
    };
    html! {
        <details class="section" open={open}>
            <summary>{&section.title}{format!(" ({})", section.fields.len())}</summary>
            <table {onclick}>
                <thead><tr><th scope="col">{"Name"}</th><th scope="col">{"Value"}</th><th scope="col">{"Meaning"}</th></tr></thead>
                <tbody>{ for section.fields.iter().enumerate().map(|(i, f)| field_row(f, i)) }</tbody>
            </table>
        </details>
    }
}

fn field_row(field: &Field, index: usize) -> Html {
    html! {
        <tr class={classes!(field.unknown.then_some("unknown"))}>
            <th scope="row"><code>{&field.name}</code></th>
            <td class="value">
                <code class="raw-value">{&field.raw}</code>
                if let Some(shown) = &field.shown { <div class="shown">{shown}</div> }
                <button type="button" class="copy" data-field={index.to_string()} aria-label="Copy (this value)" title="Copy this value">{"Copy"}</button>
            </td>
            <td class="meaning">
                if let Some(m) = &field.meaning { {m} }
                if field.unknown { <span class="tag-unknown">{" unknown"}</span> }
                if let Some(src) = &field.source {
                    {" "}{source_link(src, "source", Some("src"))}
                }
            </td>
        </tr>
    }
}

/// A time in milliseconds with one decimal, formatted with integers (no float formatting code).
fn tenths_ms(ms: f64) -> String {
    let tenths = (ms.max(0.0) * 10.0 + 0.5) as u64;
    format!("{}.{} ms", tenths / 10, tenths % 10)
}
