//! Shared plumbing of the fuzz targets: turning afl's bytes into text and running one family.

use tokenlens::find::DECODERS;
use tokenlens::report::ArtifactFamily;
use tokenlens::Context;

/// The bytes as the CLI and the page would read them (BOMs, UTF-16, binary formats named).
pub fn text_of(data: &[u8]) -> Option<String> {
    tokenlens::input::file_text(data).into_text()
}

/// Splits the bytes at the first NUL byte into the paste and the keys text (keys empty if none).
pub fn split_keys(data: &[u8]) -> (String, String) {
    let (text, keys) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &data[..0]),
    };
    (
        String::from_utf8_lossy(text).into_owned(),
        String::from_utf8_lossy(keys).into_owned(),
    )
}

/// Runs every decoder of the given families over the text and renders what they return.
pub fn scan_families(data: &[u8], families: &[ArtifactFamily]) {
    let text = String::from_utf8_lossy(data);
    let ctx = Context::fixed();
    for decoder in DECODERS.iter().filter(|d| families.contains(&d.family())) {
        for artifact in (decoder.scan)(&text, &ctx) {
            let _ = tokenlens::render::artifact_text(&artifact);
        }
    }
}

/// Runs the whole pipeline, with keys, and renders the report as the CLI prints it.
pub fn inspect_all(text: &str, keys: &str) {
    let report = tokenlens::inspect_with_keys(text, keys, &Context::fixed());
    let _ = tokenlens::render::report_text(&report);
}
