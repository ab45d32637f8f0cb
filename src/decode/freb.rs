//! Decoder: Failed Request Tracing (FREB) events, in the compact text form
//! (`66. GENERAL_SET_RESPONSE_HEADER HeaderName="...", HeaderValue="...", Replace="false" 05:55:17.545`,
//! several events per line, unbalanced inner quotes) and as fr*.xml `<Event>` elements.
//! Header values it sets (x-ms-diagnostics, WWW-Authenticate) become their own artifacts too.

use crate::context::Context;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use crate::textmap;
use quick_xml::events::Event;
use quick_xml::Reader;

const FREB_SOURCE: &str =
    crate::knowledge::sources::USING_FAILED_REQUEST_TRACING_TROUBLESHOOTING_FAILED_REQUESTS;

/// One FREB event: its name, its data items and the span of each value.
#[derive(Debug, Clone, Default)]
struct FrebEvent {
    name: String,
    data: Vec<(String, String, Span)>,
    start: usize,
    end: usize,
}

impl FrebEvent {
    fn get(&self, k: &str) -> Option<&(String, String, Span)> {
        self.data.iter().find(|d| d.0.eq_ignore_ascii_case(k))
    }
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut events = text_events(text);
    events.extend(xml_events(text));
    if events.is_empty() {
        return Vec::new();
    }
    events.sort_by_key(|e| e.start);
    let mut out = Vec::new();
    let start = events.first().map_or(0, |e| e.start);
    let end = events.iter().map(|e| e.end).max().unwrap_or(start);
    let mut a = Artifact::new(
        ArtifactKind::Freb,
        Span::new(start, end),
        "Failed Request Tracing (FREB)",
    );
    let mut s = Section::new("Events");
    let mut headers = Vec::new();
    for e in &events {
        let summary = e
            .data
            .iter()
            .map(|(k, v, _)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        s.push(Field::new(e.name.clone(), summary));
        if e.name.eq_ignore_ascii_case("GENERAL_SET_RESPONSE_HEADER")
            || e.name.eq_ignore_ascii_case("GENERAL_RESPONSE_HEADERS")
        {
            if let (Some(n), Some(v)) = (e.get("HeaderName"), e.get("HeaderValue")) {
                headers.push((n.1.clone(), v.1.clone(), v.2));
            }
        }
        if e.name.contains("ERROR_STATUS") || e.name.contains("SET_RESPONSE_ERROR") {
            let status = e.get("HttpStatus").map(|d| d.1.clone()).unwrap_or_default();
            let reason = e.get("HttpReason").map(|d| d.1.clone()).unwrap_or_default();
            let module = e.get("ModuleName").map(|d| d.1.clone()).unwrap_or_default();
            a.findings.push(
                Finding::new(
                    Severity::Warning,
                    format!("{module} set HTTP {status} {reason}")
                        .trim()
                        .to_string(),
                    "This module decided the failure status of the request.",
                )
                .source(FREB_SOURCE),
            );
        }
    }
    for (name, value, span) in &headers {
        out.extend(crate::explain::http::header_card(name, value, *span, ctx));
    }
    let names: Vec<&str> = headers.iter().map(|h| h.0.as_str()).collect();
    let count = match events.len() {
        1 => "One Failed Request Tracing (FREB) event".to_string(),
        n => format!("{n} Failed Request Tracing (FREB) events"),
    };
    a.verdict = if names.is_empty() {
        format!("{count}.")
    } else {
        format!(
            "{count}; the response set {}, explained in their own cards.",
            names.join(", ")
        )
    };
    a.sections.push(s);
    if let Some(root) = failed_request_root(text) {
        a.sections.insert(0, root);
    }
    out.insert(0, a);
    out
}

/// Text-form events: `EVENT_NAME Key="Value", Key2="Value2"`.
fn text_events(text: &str) -> Vec<FrebEvent> {
    let b = text.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_uppercase()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'_')
        {
            let mut e = i;
            while e < b.len()
                && (b[e].is_ascii_uppercase() || b[e].is_ascii_digit() || b[e] == b'_')
            {
                e += 1;
            }
            let name = &text[i..e];
            if name.len() >= 8 && name.contains('_') && b.get(e) == Some(&b' ') {
                let k = e + 1;
                let ke = textmap::token_end(text, k);
                if ke > k && b.get(ke) == Some(&b'=') && b.get(ke + 1) == Some(&b'"') {
                    starts.push((i, e));
                }
            }
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for (n, &(s, ne)) in starts.iter().enumerate() {
        let limit = starts.get(n + 1).map_or_else(
            || textmap::line_end(text, s),
            |x| x.0.min(textmap::line_end(text, s)),
        );
        let mut ev = FrebEvent {
            name: text[s..ne].to_string(),
            start: s,
            ..FrebEvent::default()
        };
        let mut p = ne + 1;
        let mut end = ne;
        while p < limit {
            p = textmap::skip_ws(text, p);
            let ke = textmap::token_end(text, p);
            if ke == p || b.get(ke) != Some(&b'=') || b.get(ke + 1) != Some(&b'"') {
                break;
            }
            let key = text[p..ke].to_string();
            let vs = ke + 2;
            let close = value_close(text, vs, limit);
            ev.data
                .push((key, text[vs..close].to_string(), Span::new(vs, close)));
            end = (close + 1).min(text.len());
            p = end;
            if b.get(p) == Some(&b',') {
                p += 1;
            } else {
                break;
            }
        }
        ev.end = end;
        if !ev.data.is_empty() {
            out.push(ev);
        }
    }
    out
}

/// The closing quote of a FREB value: the first `"` followed by `, Key="` (Key capitalised), or
/// the first `"` followed by white space or the end after an even number of inner quotes (FREB
/// does not escape inner quotes, so they come in pairs), else the last `"` before the limit.
fn value_close(text: &str, vs: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut last = None;
    let mut inner_quotes = 0usize;
    let mut j = vs;
    while j < limit {
        if b[j] == b'"' {
            last = Some(j);
            let mut k = j + 1;
            if b.get(k) == Some(&b',') {
                k = textmap::skip_ws(text, k + 1);
                if b.get(k).is_some_and(u8::is_ascii_uppercase) {
                    let ke = textmap::token_end(text, k);
                    if b.get(ke) == Some(&b'=') && b.get(ke + 1) == Some(&b'"') {
                        return j;
                    }
                }
            }
            let ends_here = j + 1 >= limit || b[j + 1].is_ascii_whitespace();
            if ends_here && inner_quotes % 2 == 0 {
                return j;
            }
            inner_quotes += 1;
        }
        j += 1;
    }
    last.unwrap_or(limit)
}

/// XML events: `<Event>...<Data Name="HeaderName">...</Data>...<Opcode>NAME</Opcode>...</Event>`.
fn xml_events(text: &str) -> Vec<FrebEvent> {
    let mut out = Vec::new();
    // Events do not nest: an `<Event` inside one already read is part of it, and once no
    // `</Event>` follows, none follows any later start either. Both keep the scan linear.
    let mut covered = 0;
    for at in textmap::find_all_ci(text, "<Event") {
        if at < covered
            || !matches!(
                text.as_bytes().get(at + 6),
                Some(b' ' | b'>' | b'\n' | b'\r' | b'\t')
            )
        {
            continue;
        }
        let Some(close) = textmap::find_ci(text, "</Event>", at) else {
            break;
        };
        let end = close + "</Event>".len();
        covered = end;
        let region = &text[at..end];
        let mut reader = Reader::from_str(region);
        let mut ev = FrebEvent {
            start: at,
            end,
            ..FrebEvent::default()
        };
        let mut current: Option<String> = None;
        let mut in_opcode = false;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => {
                    let name = e.local_name();
                    if name.as_ref() == b"Data" {
                        current = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == b"Name")
                            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()));
                    } else if name.as_ref() == b"Opcode" {
                        in_opcode = true;
                    }
                }
                Ok(Event::Text(t)) => {
                    let value = t.unescape().map(|v| v.into_owned()).unwrap_or_default();
                    let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
                    let vs = at + pos.saturating_sub(t.len());
                    if in_opcode {
                        ev.name = value.trim().to_string();
                    } else if let Some(k) = current.take() {
                        ev.data.push((k, value, Span::new(vs, at + pos)));
                    }
                }
                Ok(Event::End(e)) => {
                    if e.local_name().as_ref() == b"Opcode" {
                        in_opcode = false;
                    }
                    current = None;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        if ev.name.is_empty() {
            ev.name = "Event".into();
        }
        if !ev.data.is_empty() {
            out.push(ev);
        }
    }
    out
}

/// The `<failedRequest url=... statusCode=...>` root of a FREB file.
fn failed_request_root(text: &str) -> Option<Section> {
    let at = textmap::find_ci(text, "<failedRequest ", 0)?;
    let end = text[at..].find('>').map(|e| at + e + 1)?;
    let mut reader = Reader::from_str(&text[at..end]);
    let mut s = Section::new("Request");
    if let Ok(Event::Start(e) | Event::Empty(e)) = reader.read_event() {
        for attr in e.attributes().flatten() {
            let k = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
            if matches!(
                k.as_str(),
                "url"
                    | "verb"
                    | "statusCode"
                    | "triggerStatusCode"
                    | "failureReason"
                    | "authenticationType"
                    | "userName"
                    | "activityId"
                    | "timeTaken"
            ) {
                let v = attr
                    .unescape_value()
                    .map(|v| v.into_owned())
                    .unwrap_or_default();
                s.push(Field::new(k, v));
            }
        }
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_events_on_one_line() {
        let t = "66. GENERAL_SET_RESPONSE_HEADER HeaderName=\"x-ms-diagnostics\", HeaderValue=\"2000001;reason=\"This token profile 'V1S2SAppOnly' is not applicable for the current protocol.\";error_category=\"invalid_token\"\", Replace=\"false\" 05:55:17.54567. GENERAL_SET_RESPONSE_HEADER HeaderName=\"WWW-Authenticate\", HeaderValue=\"Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", token_types=\"app_asserted_user_v1 service_asserted_app_v1\", error=\"invalid_token\"\", Replace=\"false\" 05:55:17.54568. AspNetPipelineLeave Data1=\"x\"";
        let a = scan(t, &Context::fixed());
        assert_eq!(a[0].kind, ArtifactKind::Freb);
        assert!(a.iter().any(|x| x.kind == ArtifactKind::Diagnostics));
        let ch = a
            .iter()
            .find(|x| x.kind == ArtifactKind::Challenge)
            .unwrap();
        assert_eq!(
            ch.evidence.challenge.as_ref().unwrap().error.as_deref(),
            Some("invalid_token")
        );
        let events = text_events(t);
        assert_eq!(events.len(), 2);
        let replace = events[1].get("Replace").map(|(_, v, _)| v.as_str());
        assert_eq!(
            replace,
            Some("false"),
            "the value stops at its own closing quote"
        );
    }

    #[test]
    fn xml_events() {
        let t = r#"<failedRequest url="https://mail.contoso.com:443/api/v2.0/me" verb="GET" statusCode="401">
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="WWW Server"/></System><EventData><Data Name="HeaderName">x-ms-diagnostics</Data><Data Name="HeaderValue">2000008;reason=&quot;The token should have valid permissions.&quot;;error_category=&quot;invalid_grant&quot;</Data><Data Name="Replace">false</Data></EventData><RenderingInfo Culture="en-US"><Opcode>GENERAL_SET_RESPONSE_HEADER</Opcode></RenderingInfo></Event></failedRequest>"#;
        let a = scan(t, &Context::fixed());
        assert_eq!(a[0].kind, ArtifactKind::Freb);
        let d = a
            .iter()
            .find(|x| x.kind == ArtifactKind::Diagnostics)
            .unwrap();
        assert_eq!(d.evidence.diagnostics.as_ref().unwrap().code, Some(2000008));
    }
}
