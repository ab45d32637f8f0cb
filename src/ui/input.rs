//! The input side of the page: the paste box with highlighted spans, the key box, file drop and picker.

use crate::report::{ArtifactKind, Report};
use crate::text::{cut, cut_from, cut_to};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Pastes larger than this are not mirrored with highlights (the mirror would cost more than it helps).
const MAX_HIGHLIGHT_BYTES: usize = 200 * 1024;

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub text: Rc<String>,
    pub keys: Rc<String>,
    pub report: Rc<Report>,
    pub selected: Option<(usize, usize)>,
    pub on_text: Callback<String>,
    pub on_keys: Callback<String>,
    /// Files that go to whole-log triage instead of the paste box.
    pub on_logs: Callback<Vec<web_sys::File>>,
}

/// Converts a byte offset of `text` into the UTF-16 offset the DOM uses.
fn utf16_offset(text: &str, byte: usize) -> u32 {
    cut_to(text, byte).encode_utf16().count() as u32
}

#[function_component(InputPane)]
pub fn input_pane(props: &InputProps) -> Html {
    let textarea = use_node_ref();
    let backdrop = use_node_ref();
    let readers = use_mut_ref(Vec::<gloo::file::callbacks::FileReader>::new);
    let drag_over = use_state(|| false);
    // One line per decoder, taken from the catalogue's examples; built once, just after the page
    // first shows, so that decoding the examples never delays it.
    let placeholder = use_state(String::new);
    {
        let placeholder = placeholder.clone();
        use_effect_with((), move |_| {
            placeholder.set(crate::find::placeholder(&crate::context::Context::fixed()));
        });
    }
    let file_message = use_state(String::new);

    {
        // The paste box has the focus when the page opens, so a paste needs no click.
        let textarea = textarea.clone();
        use_effect_with((), move |_| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
            }
        });
    }
    {
        let textarea = textarea.clone();
        let text = props.text.clone();
        use_effect_with(props.selected, move |selected| {
            if let (Some((start, end)), Some(area)) =
                (selected, textarea.cast::<HtmlTextAreaElement>())
            {
                let _ = area.focus();
                let _ = area
                    .set_selection_range(utf16_offset(&text, *start), utf16_offset(&text, *end));
            }
        });
    }

    let oninput = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_text.emit(area.value());
            }
        })
    };
    let onkeysinput = {
        let on_keys = props.on_keys.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_keys.emit(area.value());
            }
        })
    };
    let onscroll = mirror_scroll(backdrop.clone());

    let read_files = file_reader(
        readers.clone(),
        props.on_text.clone(),
        props.on_logs.clone(),
        props.text.clone(),
        file_message.clone(),
    );
    let FileCallbacks {
        ondrop,
        ondragover,
        ondragleave,
        onfile,
    } = file_callbacks(read_files, drag_over.clone());
    let onclear = {
        let on_text = props.on_text.clone();
        Callback::from(move |_: MouseEvent| on_text.emit(String::new()))
    };

    // Above the limit the mirror stays empty: copying a huge text into it would cost more than it shows.
    let highlights = if props.text.len() <= MAX_HIGHLIGHT_BYTES {
        highlight(&props.text, &props.report)
    } else {
        html! {}
    };
    let zone_class = classes!("paste-zone", drag_over.then_some("drag"));

    html! {
        <section class="input-pane" aria-label="Input">
            <label for="paste" class="pane-label">{"Paste a token, certificate, header, log excerpt or error"}</label>
            <div class={zone_class} {ondrop} {ondragover} {ondragleave}>
                <div class="backdrop" ref={backdrop} aria-hidden="true">{highlights}{"\n"}</div>
                <textarea id="paste" ref={textarea} class="paste"
                    spellcheck="false" autocomplete="off" autocapitalize="off"
                    placeholder={(*placeholder).clone()}
                    value={(*props.text).clone()} {oninput} {onscroll} />
            </div>
            <div class="input-actions">
                <label class="button file-button">
                    {"Open files…"}
                    <input type="file" multiple=true class="visually-hidden" onchange={onfile}
                        accept=".txt,.log,.json,.xml,.har,.cer,.crt,.pem,.der,.p7b,.p7c,.pfx,.p12,.csr,.jwt,*/*" />
                </label>
                <button type="button" class="button" onclick={onclear}>{"Clear"}</button>
                <span class="file-message" role="status">{(*file_message).clone()}</span>
            </div>
            <p class="privacy">{"Nothing leaves this page: no request is made, nothing is stored, and the page works offline. Drop files here or use Open files; they are read in the browser."}</p>
            <details class="keybox">
                <summary>{"Keys for signature checks (optional)"}</summary>
                <label for="keys" class="pane-label">{"Certificate, public key, JWK/JWKS, or a shared secret as 'secret: …'"}</label>
                <textarea id="keys" class="keys" spellcheck="false" autocomplete="off"
                    value={(*props.keys).clone()} oninput={onkeysinput} />
            </details>
        </section>
    }
}

/// Keeps the highlight mirror scrolled with the paste box.
fn mirror_scroll(backdrop: NodeRef) -> Callback<Event> {
    Callback::from(move |e: Event| {
        if let (Some(area), Some(back)) = (
            e.target_dyn_into::<HtmlTextAreaElement>(),
            backdrop.cast::<HtmlElement>(),
        ) {
            back.set_scroll_top(area.scroll_top());
            back.set_scroll_left(area.scroll_left());
        }
    })
}

/// The handlers of the drop zone and the file picker.
struct FileCallbacks {
    ondrop: Callback<DragEvent>,
    ondragover: Callback<DragEvent>,
    ondragleave: Callback<DragEvent>,
    onfile: Callback<Event>,
}

/// Dropped and picked files go to `read_files`; `drag_over` outlines the zone while dragging.
fn file_callbacks(
    read_files: Callback<web_sys::FileList>,
    drag_over: UseStateHandle<bool>,
) -> FileCallbacks {
    let ondrop = {
        let read_files = read_files.clone();
        let drag_over = drag_over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drag_over.set(false);
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                read_files.emit(files);
            }
        })
    };
    let ondragover = {
        let drag_over = drag_over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drag_over.set(true);
        })
    };
    let ondragleave = Callback::from(move |_: DragEvent| drag_over.set(false));
    let onfile = Callback::from(move |e: Event| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            if let Some(files) = input.files() {
                read_files.emit(files);
            }
            input.set_value("");
        }
    });
    FileCallbacks {
        ondrop,
        ondragover,
        ondragleave,
        onfile,
    }
}

/// Files larger than this go to triage whatever they hold; a paste this large is a log.
const TRIAGE_ABOVE_BYTES: f64 = 256.0 * 1024.0;

/// Where a dropped file goes: large files, archives and logs of one request per line go to
/// triage (read in the worker in slices, never whole here); other files are read whole and
/// appended to the paste (binary files such as DER and PFX as base64, which the decoders read).
fn file_reader(
    readers: Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>,
    on_text: Callback<String>,
    on_logs: Callback<Vec<web_sys::File>>,
    text: Rc<String>,
    file_message: UseStateHandle<String>,
) -> Callback<web_sys::FileList> {
    Callback::from(move |files: web_sys::FileList| {
        let all: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        let (large, small): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|f| f.size() > TRIAGE_ABOVE_BYTES);
        let sorting = Rc::new(RefCell::new(Sorting {
            waiting: small.len(),
            logs: large,
            paste: (*text).clone(),
            pasted: Vec::new(),
            unreadable: Vec::new(),
        }));
        let message = file_message.clone();
        let finish = {
            let on_text = on_text.clone();
            let on_logs = on_logs.clone();
            let sorting = sorting.clone();
            move || {
                let mut s = sorting.borrow_mut();
                if s.waiting > 0 {
                    return;
                }
                let mut said = Vec::new();
                if !s.pasted.is_empty() {
                    said.push(format!("Read locally: {}", s.pasted.join(", ")));
                    on_text.emit(std::mem::take(&mut s.paste));
                }
                if !s.logs.is_empty() {
                    let names: Vec<String> = s.logs.iter().map(|f| f.name()).collect();
                    said.push(format!("Reading as logs: {}", names.join(", ")));
                    on_logs.emit(std::mem::take(&mut s.logs));
                }
                said.append(&mut s.unreadable);
                message.set(said.join(". "));
            }
        };
        if small.is_empty() {
            finish();
            return;
        }
        for file in small {
            let sorting = sorting.clone();
            let finish = finish.clone();
            let name = file.name();
            let keep = file.clone();
            let file = gloo::file::File::from(file);
            let reader = gloo::file::callbacks::read_as_bytes(&file, move |result| {
                sorting.borrow_mut().take(keep, &name, result);
                finish();
            });
            readers.borrow_mut().push(reader);
        }
    })
}

/// The files of one drop while the small ones are read and sorted.
struct Sorting {
    waiting: usize,
    logs: Vec<web_sys::File>,
    paste: String,
    pasted: Vec<String>,
    unreadable: Vec<String>,
}

impl Sorting {
    /// Sorts one small file read whole: a log to triage, text (or DER/PFX as base64) to the paste.
    fn take(
        &mut self,
        file: web_sys::File,
        name: &str,
        result: Result<Vec<u8>, gloo::file::FileReadError>,
    ) {
        self.waiting = self.waiting.saturating_sub(1);
        let bytes = match result {
            Ok(bytes) => bytes,
            Err(e) => {
                self.unreadable.push(format!("Could not read {name}: {e}"));
                return;
            }
        };
        use crate::triage::Sniff;
        if matches!(
            crate::triage::sniff(&bytes),
            Sniff::Rows | Sniff::Gzip | Sniff::Zip
        ) {
            self.logs.push(file);
            return;
        }
        // The core decides how a file reads (UTF-8, UTF-16 with a BOM, DER as base64, or a
        // binary format it names), the same way for the page and the CLI.
        let text = match crate::input::file_text(&bytes) {
            crate::input::FileText::Unreadable { what } => {
                self.unreadable
                    .push(crate::input::unreadable_message(name, what));
                return;
            }
            readable => readable.into_text().unwrap_or_default(),
        };
        if !self.paste.is_empty() && !self.paste.ends_with('\n') {
            self.paste.push('\n');
        }
        self.paste.push_str(&text);
        self.paste.push('\n');
        self.pasted.push(name.to_string());
    }
}

/// The paste mirrored with every recognised span marked in the colour of its kind.
fn highlight(text: &str, report: &Report) -> Html {
    let mut spans: Vec<(usize, usize, ArtifactKind)> = report
        .artifacts
        .iter()
        .map(|a| (a.span.start, a.span.end, a.kind))
        .filter(|(s, e, _)| {
            s < e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
        })
        .collect();
    crate::sort::by_key(&mut spans, |(s, e, _)| (*s, std::cmp::Reverse(*e)));
    let mut nodes: Vec<Html> = Vec::new();
    let mut pos = 0;
    for (start, end, kind) in spans {
        if start < pos {
            continue;
        }
        nodes.push(html! { {cut(text, pos..start)} });
        let piece = cut(text, start..end);
        if kind == ArtifactKind::Jwt {
            let mut parts = Vec::new();
            for (i, part) in piece.split('.').enumerate() {
                if i > 0 {
                    parts.push(html! { <span class="dot">{"."}</span> });
                }
                let class = match i {
                    0 => "part-header",
                    1 => "part-payload",
                    _ => "part-signature",
                };
                parts.push(html! { <span class={class}>{part}</span> });
            }
            nodes.push(html! { <mark class="hl hl-jwt family-tokens">{for parts}</mark> });
        } else {
            let class = format!("hl family-{}", kind.family().css_name());
            nodes.push(html! { <mark class={class}>{piece}</mark> });
        }
        pos = end;
    }
    nodes.push(html! { {cut_from(text, pos)} });
    html! { {for nodes} }
}

/// Light, dark, or following the system; the choice is not stored anywhere.
#[function_component(ThemeToggle)]
pub fn theme_toggle() -> Html {
    let mode = use_state(|| 0u8);
    let onclick = {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| {
            let next = (*mode + 1) % 3;
            if let Some(root) = gloo::utils::document().document_element() {
                let value = match next {
                    1 => Some("light"),
                    2 => Some("dark"),
                    _ => None,
                };
                match value {
                    Some(v) => {
                        let _ = root.set_attribute("data-theme", v);
                    }
                    None => {
                        let _ = root.remove_attribute("data-theme");
                    }
                }
            }
            mode.set(next);
        })
    };
    let label = match *mode {
        1 => "Theme: light",
        2 => "Theme: dark",
        _ => "Theme: system",
    };
    html! { <button type="button" class="button theme" {onclick} title="Switch colour theme">{label}</button> }
}
