//! The language note: a paste in another language than English gets one line at the top saying
//! which language it is in and that its untranslated parts (codes, header names, URLs, GUIDs,
//! markers) were read as usual.

use crate::decode::language;
use crate::report::Report;

/// Adds the language note to `report` when `text` is in a language other than English.
pub fn note(report: &mut Report, text: &str) {
    if let Some(found) = language::detect(text) {
        let lead = if found.dominant {
            "The text is in"
        } else {
            "Part of the text is in"
        };
        report.notices.push(format!(
            "{lead} {} ({}); codes, header names, URLs, GUIDs and markers are not translated and were read as usual.",
            found.language.name, found.evidence
        ));
    }
}
