//! Record: AADSTS errors as typed values: JSON error bodies (also broken across lines or
//! JSON-escaped), `error_description` text, `AADSTSnnnnn:` fragments inside exception text, the
//! Entra sign-in error page around them, and the tool that reported them.
//!
//! One record per error body; nested codes (AADSTS70002 wrapping AADSTS50064) stay together.
//! Trace ID, Correlation ID and Timestamp are read whichever way they are separated (real `\r\n`,
//! literal `\r\n`, or the mangled `rn`).

use crate::knowledge::aadsts as table;
use crate::report::Span;
use crate::text::{cut, cut_from, cut_to, floor_boundary};
use crate::textmap;
use serde_json::Value;

/// The fields of one AADSTS error, however it was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AadstsError {
    pub error: Option<String>,
    pub description: String,
    pub codes: Vec<u32>,
    pub suberror: Option<String>,
    pub claims: Option<String>,
    pub error_uri: Option<String>,
    pub trace_id: Option<String>,
    pub correlation_id: Option<String>,
    pub timestamp: Option<String>,
}

/// The "Troubleshooting details" block of the Entra sign-in error page near an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorPage {
    pub span: Span,
    /// Each label the page shows (a row of `knowledge::aadsts::PAGE_FIELDS`) with its value.
    pub fields: Vec<(&'static table::PageField, String)>,
}

impl ErrorPage {
    /// The value of the label `label`, if the page shows it.
    pub fn get(&self, label: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| f.label == label)
            .map(|(_, v)| v.as_str())
    }
}

/// One AADSTS error found in a paste, with what surrounds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AadstsFound {
    pub error: AadstsError,
    /// The error body or fragment.
    pub span: Span,
    /// The human message of the description (without the Trace ID tail).
    pub message: String,
    pub page: Option<ErrorPage>,
    /// The tools that reported the error, one per distinct meaning, in table order.
    pub reported_by: Vec<&'static table::Wrapper>,
    /// MSAL's `Classification:` value next to the error, if any.
    pub classification: Option<String>,
}

impl AadstsFound {
    /// The whole span the card covers: the error and the error page around it.
    pub fn card_span(&self) -> Span {
        match &self.page {
            Some(page) => Span::new(
                self.span.start.min(page.span.start),
                self.span.end.max(page.span.end),
            ),
            None => self.span,
        }
    }
}

/// Finds every AADSTS error in `text`.
pub fn find(text: &str) -> Vec<AadstsFound> {
    let mut out = Vec::new();
    let mut covered = 0;
    for at in textmap::find_all_ci(text, "AADSTS") {
        let digits = cut_from(text, at + 6)
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if !(5..=7).contains(&digits) || at < covered {
            continue;
        }
        let (error, span) = match json_body(text, at) {
            Some(found) => found,
            None => fragment(text, at),
        };
        covered = span.end.max(at + 1);
        let page = error_page(text, at);
        if let Some(page) = &page {
            // The page repeats the code in its Message line; one record holds the whole page.
            covered = covered.max(page.span.end);
        }
        let (reported_by, classification) = context(text, span);
        out.push(AadstsFound {
            message: message(&error.description),
            error,
            span,
            page,
            reported_by,
            classification,
        });
    }
    out
}

fn error_page(text: &str, at: usize) -> Option<ErrorPage> {
    let window_end = floor_boundary(text, (at + 6000).min(text.len()));
    let window_start = floor_boundary(text, at.saturating_sub(3000));
    let region = cut(text, window_start..window_end);
    let anchor = textmap::find_ci(region, "Correlation Id:", 0)?;
    let anchor = window_start + anchor;
    // The block: label lines around the Correlation Id line, at most 40 lines on either side.
    let mut fields: Vec<(&'static table::PageField, String)> = Vec::new();
    let mut first = anchor;
    let mut last = anchor;
    let block_start = textmap::line_start(text, anchor.saturating_sub(1500).max(window_start));
    let mut pos = block_start;
    let mut lines = 0;
    while pos < window_end && lines < 80 {
        let le = textmap::line_end(text, pos);
        let line = cut(text, pos..le).trim();
        if let Some((label, value)) = line.split_once(':') {
            if let Some(field) = table::page_field(label.trim()) {
                if !fields.iter().any(|(f, _)| f.label == field.label) {
                    fields.push((field, value.trim().to_string()));
                }
                first = first.min(pos);
                last = last.max(le);
            }
        }
        pos = le + 1;
        lines += 1;
    }
    if fields.len() < 3 || !fields.iter().any(|(f, _)| f.label == "Correlation Id") {
        return None;
    }
    Some(ErrorPage {
        span: Span::new(first, last),
        fields,
    })
}

/// The tools named near the error, and MSAL's classification.
fn context(text: &str, span: Span) -> (Vec<&'static table::Wrapper>, Option<String>) {
    let lo = floor_boundary(text, span.start.saturating_sub(400));
    let hi = floor_boundary(text, (span.end + 600).min(text.len()));
    let near = cut(text, lo..hi);
    let mut seen: Vec<&'static table::Wrapper> = Vec::new();
    for wrapper in table::WRAPPERS {
        if textmap::find_ci(near, wrapper.needle, 0).is_none()
            || seen.iter().any(|w| w.meaning == wrapper.meaning)
        {
            continue;
        }
        seen.push(wrapper);
    }
    let classification = near
        .find("Classification:")
        .and_then(|p| near.get(p + 15..))
        .and_then(|rest| rest.split_whitespace().next())
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    (seen, classification)
}

/// The JSON object around `at`, parsed leniently.
fn json_body(text: &str, at: usize) -> Option<(AadstsError, Span)> {
    let b = text.as_bytes();
    let lo = at.saturating_sub(6000);
    let mut i = at;
    let mut tries = 0;
    while i > lo && tries < 8 {
        i -= 1;
        if b[i] != b'{' {
            continue;
        }
        tries += 1;
        let Some(end) = crate::text::json_end(b, i, 20_000) else {
            continue;
        };
        if end <= at {
            continue;
        }
        let slice = cut(text, i..end);
        if let Some(v) = parse_lenient(slice) {
            if v.get("error").is_some() || v.get("error_description").is_some() {
                return Some((from_json(&v), Span::new(i, end)));
            }
        }
    }
    None
}

/// Parses JSON that was broken across lines or escaped inside another string.
fn parse_lenient(slice: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str::<Value>(slice) {
        return Some(v);
    }
    // Raw line breaks inside strings (a copy that wrapped the text).
    let mut fixed = String::with_capacity(slice.len());
    let mut in_str = false;
    let mut prev_backslash = false;
    for c in slice.chars() {
        if in_str {
            if c == '\n' || c == '\r' {
                continue;
            }
            if c == '"' && !prev_backslash {
                in_str = false;
            }
            prev_backslash = c == '\\' && !prev_backslash;
        } else if c == '"' {
            in_str = true;
        }
        fixed.push(c);
    }
    if let Ok(v) = serde_json::from_str::<Value>(&fixed) {
        return Some(v);
    }
    let unescaped = crate::text::json_unescape(slice);
    serde_json::from_str::<Value>(&unescaped).ok()
}

fn from_json(v: &Value) -> AadstsError {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let description = s("error_description").unwrap_or_default();
    let mut err = AadstsError {
        error: s("error"),
        suberror: s("suberror"),
        claims: s("claims").or_else(|| {
            v.get("claims")
                .filter(|c| c.is_object())
                .map(Value::to_string)
        }),
        error_uri: s("error_uri"),
        trace_id: s("trace_id"),
        correlation_id: s("correlation_id"),
        timestamp: s("timestamp"),
        ..AadstsError::default()
    };
    if let Some(Value::Array(codes)) = v.get("error_codes") {
        err.codes = codes
            .iter()
            .filter_map(|c| c.as_u64().and_then(|n| u32::try_from(n).ok()))
            .collect();
    }
    fill_from_description(&mut err, &description);
    err.description = description;
    err
}

/// A fragment without a parsable JSON object around it.
fn fragment(text: &str, at: usize) -> (AadstsError, Span) {
    let ls = textmap::line_start(text, at);
    let mut start = at;
    let before = cut(text, ls..at);
    if let Some(p) = before
        .find("\"error\"")
        .or_else(|| before.find("\"error_description\""))
    {
        start = ls + p;
    }
    // The fragment runs to a blank line, a closing quote, or at most 3000 bytes.
    let hard = floor_boundary(text, (at + 3000).min(text.len()));
    let mut end = hard;
    let region = cut(text, at..hard);
    if let Some(p) = region.find("\n\n").or_else(|| region.find("\r\n\r\n")) {
        end = at + p;
    }
    let b = text.as_bytes();
    let mut j = at;
    while j < end {
        if b[j] == b'"' && (j == 0 || b[j - 1] != b'\\') {
            end = j;
            break;
        }
        j += 1;
    }
    end = floor_boundary(text, end);
    let mut err = AadstsError::default();
    let head = cut(text, start..at);
    err.error = json_string_field(head, "error");
    let desc = cut(text, at..end).trim_end().to_string();
    // Fields that follow the description in the same body.
    let tail = cut(text, end..end.saturating_add(2000));
    let tail = tail.split("\n\n").next().unwrap_or("");
    err.suberror = json_string_field(tail, "suberror");
    err.error_uri = json_string_field(tail, "error_uri");
    err.claims = json_string_field(tail, "claims");
    let mut span_end = end;
    if end < text.len() && b[end] == b'"' {
        span_end = end + 1;
    }
    fill_from_description(&mut err, &desc);
    err.description = desc;
    (err, Span::new(start, span_end))
}

/// Reads `"key":"value"` from a JSON-like text.
fn json_string_field(text: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\"");
    let p = text.find(&pat)?;
    let rest = cut_from(text, p + pat.len()).trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut esc = false;
    for c in rest.chars() {
        if esc {
            out.push(c);
            esc = false;
        } else if c == '\\' {
            esc = true;
            out.push(c);
        } else if c == '"' {
            return Some(crate::text::json_unescape(&out));
        } else {
            out.push(c);
        }
    }
    None
}

/// Reads the codes, Trace ID, Correlation ID and Timestamp out of a description.
fn fill_from_description(err: &mut AadstsError, desc: &str) {
    let mut codes: Vec<u32> = Vec::new();
    for p in textmap::find_all_ci(desc, "AADSTS") {
        let d: String = cut_from(desc, p + 6)
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(c) = d.parse::<u32>() {
            if (5..=7).contains(&d.len()) && !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    for c in std::mem::take(&mut err.codes) {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    err.codes = codes;
    let guid_after = |label: &str| -> Option<String> {
        let p = textmap::find_ci(desc, label, 0)?;
        let rest = cut_from(desc, p + label.len()).trim_start_matches([':', ' ']);
        crate::text::guids_in(rest.get(..36.min(rest.len()))?)
            .first()
            .map(|g| g.to_string())
    };
    if err.trace_id.is_none() {
        err.trace_id = guid_after("Trace ID");
    }
    if err.correlation_id.is_none() {
        err.correlation_id = guid_after("Correlation ID");
    }
    if err.timestamp.is_none() {
        if let Some(p) = textmap::find_ci(desc, "Timestamp:", 0) {
            let rest = cut_from(desc, p + 10).trim_start();
            let ts: String = rest
                .chars()
                .take_while(|c| {
                    c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | 'T' | 'Z' | '.')
                })
                .collect();
            let ts = ts.trim();
            let ts = ts.split_inclusive('Z').next().unwrap_or(ts).trim();
            if ts.len() >= 10 {
                err.timestamp = Some(ts.to_string());
            }
        }
    }
}

/// The human message of a description, without the Trace ID / Correlation ID / Timestamp tail.
pub fn message(desc: &str) -> String {
    let mut m = desc.replace("\\r\\n", "\n").replace("\\n", "\n");
    if let Some(p) = textmap::find_ci(&m, "Trace ID", 0) {
        m.truncate(p);
    }
    let m = m.trim_end();
    let m = m
        .strip_suffix("rn")
        .filter(|s| s.ends_with(['.', ' ']))
        .unwrap_or(m);
    m.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence that follows `AADSTSnnnn:` in a message, up to the next code.
pub fn sentence_for(msg: &str, code: u32) -> Option<String> {
    let label = format!("AADSTS{code}");
    let p = msg.find(&label)?;
    let rest = cut_from(msg, p + label.len()).trim_start_matches([':', ' ']);
    let end = rest.find("AADSTS").unwrap_or(rest.len());
    Some(cut_to(rest, end).trim().to_string()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_body_with_literal_rn_separators() {
        let t = r#"{"error":"unauthorized_client","error_description":"AADSTS70002: Error validating credentials. AADSTS50064: Credential validation failed.rnTrace ID: 63b501c5-296a-4235-a7af-4296441721f0rnCorrelation ID: 5513b3b3-6e2e-4b37-927d-0b6bad48a515rnTimestamp: 2015-10-27 19:54:35Z","error_codes":[70002,50064]}"#;
        let found = find(t);
        assert_eq!(found.len(), 1);
        let e = &found[0].error;
        assert_eq!(e.codes, vec![70002, 50064]);
        assert_eq!(
            e.correlation_id.as_deref(),
            Some("5513b3b3-6e2e-4b37-927d-0b6bad48a515")
        );
        assert_eq!(e.timestamp.as_deref(), Some("2015-10-27 19:54:35Z"));
        assert_eq!(
            found[0].message,
            "AADSTS70002: Error validating credentials. AADSTS50064: Credential validation failed."
        );
    }

    #[test]
    fn broken_lines_and_fragments() {
        let t = "{\n \"error\": \"interaction_required\",\n \"error_description\": \"AADSTS50079: enroll.\\r\\nTrace ID: 5058bf6a-b266-444a-bf5f-a68724b53600\\r\\nCorrelation\n ID: b6a65466-04dc-4929-89b4-6ac81e5b31f1\",\n \"claims\": \"{}\"\n}";
        let found = find(t);
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .error
            .correlation_id
            .as_deref()
            .is_some_and(|c| c.starts_with("b6a65466")));
        assert_eq!(found[0].error.claims.as_deref(), Some("{}"));
        let t = "Exception: AADSTS50012: The key was not found.\r\nTrace ID: 47a23f57-3717-4857-8fab-b3485aeba800";
        assert_eq!(find(t)[0].error.codes, vec![50012]);
        assert!(find("AADSTS is a prefix; AADSTS12 is too short.").is_empty());
        // A fragment whose 3000-byte window ends inside a multi-byte character.
        let t = format!("AADSTS50012: {}", "é".repeat(2000));
        assert_eq!(find(&t)[0].error.codes, vec![50012]);
    }

    #[test]
    fn wrappers_and_classification_are_read() {
        let t = "MsalUiRequiredException: AADSTS50076: MFA needed.\nClassification: BasicAction";
        let found = find(t);
        assert_eq!(found[0].reported_by[0].needle, "MsalUiRequiredException");
        assert_eq!(found[0].classification.as_deref(), Some("BasicAction"));
    }
}
