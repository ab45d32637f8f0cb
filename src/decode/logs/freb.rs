//! Reader: Failed Request Tracing (FREB) events, in the compact text form
//! (`66. GENERAL_SET_RESPONSE_HEADER HeaderName="...", HeaderValue="...", Replace="false" 05:55:17.545`,
//! several events per line, unbalanced inner quotes) and as fr*.xml `<Event>` elements, with the
//! `<failedRequest>` root's attributes, the response headers the trace set and the failure statuses.

use crate::report::Span;
use crate::text::cut;
use crate::textmap;
use quick_xml::events::Event;
use quick_xml::Reader;

/// One data item of an event: its key, its value and where the value sits in the paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrebData {
    pub key: String,
    pub value: String,
    pub span: Span,
}

/// One FREB event: its name and its data items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrebEvent {
    pub name: String,
    pub data: Vec<FrebData>,
    pub start: usize,
    pub end: usize,
}

impl FrebEvent {
    /// A data item by key (case-insensitive).
    pub fn get(&self, k: &str) -> Option<&FrebData> {
        self.data.iter().find(|d| d.key.eq_ignore_ascii_case(k))
    }

    /// The value of a data item, empty when the event has none.
    pub fn value(&self, k: &str) -> String {
        self.get(k).map(|d| d.value.clone()).unwrap_or_default()
    }

    /// True for an event that sets a response header.
    pub fn sets_header(&self) -> bool {
        self.name
            .eq_ignore_ascii_case("GENERAL_SET_RESPONSE_HEADER")
            || self.name.eq_ignore_ascii_case("GENERAL_RESPONSE_HEADERS")
    }

    /// True for an event where a module set the failure status.
    pub fn sets_error(&self) -> bool {
        self.name.contains("ERROR_STATUS") || self.name.contains("SET_RESPONSE_ERROR")
    }
}

/// A response header a trace set: its name, its value and the value's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetHeader {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// One trace: its events in text order, the root's attributes and the headers it set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrebTrace {
    pub span: Span,
    pub events: Vec<FrebEvent>,
    /// The `<failedRequest>` attributes worth showing, when the paste has that root.
    pub request: Option<Vec<(String, String)>>,
    pub headers: Vec<SetHeader>,
}

/// Reads the trace in `text`, if it holds any event.
pub fn read(text: &str) -> Option<FrebTrace> {
    let mut events = text_events(text);
    events.extend(xml_events(text));
    if events.is_empty() {
        return None;
    }
    crate::sort::by_key(&mut events, |e| e.start);
    let start = events.first().map_or(0, |e| e.start);
    let end = events.iter().map(|e| e.end).max().unwrap_or(start);
    let headers = events
        .iter()
        .filter(|e| e.sets_header())
        .filter_map(|e| {
            let (n, v) = (e.get("HeaderName")?, e.get("HeaderValue")?);
            Some(SetHeader {
                name: n.value.clone(),
                value: v.value.clone(),
                span: v.span,
            })
        })
        .collect();
    Some(FrebTrace {
        span: Span::new(start, end),
        events,
        request: failed_request_root(text),
        headers,
    })
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
            let name = cut(text, i..e);
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
            name: text.get(s..ne).unwrap_or_default().to_string(),
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
            let key = text.get(p..ke).unwrap_or_default().to_string();
            let vs = ke + 2;
            let close = value_close(text, vs, limit);
            ev.data.push(FrebData {
                key,
                value: text.get(vs..close).unwrap_or_default().to_string(),
                span: Span::new(vs, close),
            });
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
        let Some(region) = text.get(at..end) else {
            continue;
        };
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
                        ev.data.push(FrebData {
                            key: k,
                            value,
                            span: Span::new(vs, at + pos),
                        });
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

/// The attributes of the `<failedRequest url=... statusCode=...>` root of a FREB file.
fn failed_request_root(text: &str) -> Option<Vec<(String, String)>> {
    let at = textmap::find_ci(text, "<failedRequest ", 0)?;
    let end = text.get(at..)?.find('>').map(|e| at + e + 1)?;
    let mut reader = Reader::from_str(text.get(at..end)?);
    let mut s = Vec::new();
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
                s.push((k, v));
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
        let t = "66. GENERAL_SET_RESPONSE_HEADER HeaderName=\"x-ms-diagnostics\", HeaderValue=\"2000001;reason=\"This token profile 'V1S2SAppOnly' is not applicable for the current protocol.\";error_category=\"invalid_token\"\", Replace=\"false\" 05:55:17.54567. GENERAL_SET_RESPONSE_HEADER HeaderName=\"WWW-Authenticate\", HeaderValue=\"Bearer error=\"invalid_token\"\", Replace=\"false\" 05:55:17.54568. AspNetPipelineLeave Data1=\"x\"";
        let events = text_events(t);
        assert_eq!(events.len(), 2);
        assert_eq!(
            events[1].get("Replace").map(|d| d.value.as_str()),
            Some("false"),
            "the value stops at its own closing quote"
        );
        let trace = read(t).unwrap();
        assert_eq!(trace.headers.len(), 2);
        assert_eq!(trace.headers[1].name, "WWW-Authenticate");
        assert!(read("nothing here").is_none());
    }

    #[test]
    fn xml_events_and_root() {
        let t = r#"<failedRequest url="/api/v2.0/me" verb="GET" statusCode="401">
<Event><EventData><Data Name="HeaderName">x-ms-diagnostics</Data><Data Name="HeaderValue">2000008;reason=&quot;x&quot;</Data></EventData><RenderingInfo Culture="en-US"><Opcode>GENERAL_SET_RESPONSE_HEADER</Opcode></RenderingInfo></Event></failedRequest>"#;
        let trace = read(t).unwrap();
        assert_eq!(trace.events[0].name, "GENERAL_SET_RESPONSE_HEADER");
        assert_eq!(trace.headers[0].value, "2000008;reason=\"x\"");
        let root = trace.request.unwrap();
        assert_eq!(root[0], ("url".to_string(), "/api/v2.0/me".to_string()));
    }
}
