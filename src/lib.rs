//! tokenlens: finds, decodes and explains Microsoft identity artifacts in pasted text.
//!
//! Code map (see ARCHITECTURE.md):
//! - `inspect`: the single entry point, `inspect(text, &Context) -> Report`.
//! - `input`: file bytes to text (UTF-8/UTF-16 with BOM, DER as base64, binary formats named).
//! - `find`: the catalogue of decoders and the pass that runs them over a paste.
//! - `decode/`: one module per artifact kind, each recognising and decoding its own input.
//! - `explain/`: turns decoded records into cards; every finding comes from a catalogued rule.
//! - `export`: the knowledge tables as KQL, CSV and JSON.
//! - `knowledge/`: tables only (claims, app IDs, codes), each row with a public source.
//! - `correlate`: findings that need two artifacts (a token and the refusal it got).
//! - `mask`: the one masking rule for secret-bearing names and values.
//! - `triage/`: whole-log triage fed chunks of bytes (failures counted and grouped).
//! - `redact`: redacted copies of a report (placeholders for personal and tenant data).
//! - `report`: the view model; `render`: its plain-text form.
//! - `ui/` (wasm32 only): the Yew page, which renders any Report.

pub mod context;
pub mod correlate;
pub mod decode;
pub mod explain;
pub mod export;
pub mod find;
pub mod input;
pub mod inspect;
pub mod knowledge;
pub mod mask;
pub mod redact;
pub mod render;
pub mod report;
pub mod sort;
pub mod text;
pub mod textmap;
pub mod triage;
pub mod verify;

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use context::Context;
pub use inspect::{inspect, inspect_whole_with_keys, inspect_with_keys};
pub use report::Report;
