//! Reader: HAR files (browser "Save all as HAR", Fiddler export): the document's span and its
//! entries as typed request/response pairs, read entry by entry (string-aware brace matching, so a
//! cut HAR still yields its complete entries). Passwords, client secrets, codes and tokens in form
//! posts are never kept: only field names (and the grant type) are.

use crate::report::Span;
use crate::text::floor_boundary;
use crate::textmap;
use serde_json::Value;

/// A HAR document: its span, its readable entries and what could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Har {
    pub span: Span,
    pub exchanges: Vec<Exchange>,
    /// Entries that are not valid JSON.
    pub unreadable: usize,
    /// True when the document does not end (only its complete entries were read).
    pub cut: bool,
}

/// Which credential a request carried, never the secret itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    BearerJwt,
    /// A Bearer token that is not a JWT (opaque or encrypted).
    BearerOpaque,
    Basic,
    /// Negotiate carrying an NTLM message.
    NegotiateNtlm,
    Negotiate,
    Ntlm,
    /// Another scheme, lower case.
    Other(String),
}

/// Reads the HAR document in `text`, if the text is one.
pub fn read(text: &str) -> Option<Har> {
    let (start, entries) = locate(text)?;
    let complete = full_end(text, start);
    let mut exchanges = Vec::new();
    let mut unreadable = 0;
    for (i, (s, e)) in entries.iter().enumerate() {
        let parsed = text
            .get(*s..*e)
            .and_then(|t| serde_json::from_str::<Value>(t).ok());
        match parsed {
            Some(v) => exchanges.push(exchange(i + 1, Span::new(*s, *e), &v)),
            None => unreadable += 1,
        }
    }
    let end = complete.unwrap_or_else(|| entries.last().map_or(start, |e| e.1));
    Some(Har {
        span: Span::new(start, end),
        exchanges,
        unreadable,
        cut: complete.is_none(),
    })
}

/// Finds the HAR's opening brace and the byte ranges of its complete entries.
fn locate(text: &str) -> Option<(usize, Vec<(usize, usize)>)> {
    let start = text.find(|c: char| !c.is_whitespace() && c != '\u{feff}')?;
    if text.as_bytes().get(start) != Some(&b'{') {
        return None;
    }
    let head_end = floor_boundary(text, (start + 4096).min(text.len()));
    textmap::find_ci(text.get(..head_end)?, "\"log\"", start)?;
    let key = text.find("\"entries\"")?;
    let mut p = key + "\"entries\"".len();
    let b = text.as_bytes();
    while p < b.len() && (b[p].is_ascii_whitespace() || b[p] == b':') {
        p += 1;
    }
    if b.get(p) != Some(&b'[') {
        return None;
    }
    p += 1;
    let mut entries = Vec::new();
    loop {
        while p < b.len() && (b[p].is_ascii_whitespace() || b[p] == b',') {
            p += 1;
        }
        if p >= b.len() || b[p] != b'{' {
            break;
        }
        match crate::text::json_end(b, p, usize::MAX) {
            Some(end) => {
                entries.push((p, end));
                p = end;
            }
            None => break,
        }
    }
    Some((start, entries))
}

/// The end of the whole document when it is complete (its closing brace), else `None`.
fn full_end(text: &str, start: usize) -> Option<usize> {
    crate::text::json_end(text.as_bytes(), start, usize::MAX)
}

/// One request/response pair, read from an entry. Bodies are kept for the error decoders; the
/// posted form keeps only field names (and the grant type's value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// 1-based position in `log.entries`.
    pub index: usize,
    pub span: Span,
    pub method: String,
    pub url: String,
    pub status: u16,
    pub status_text: String,
    pub request_headers: Vec<(String, String)>,
    pub response_headers: Vec<(String, String)>,
    pub body: String,
    pub redirect: String,
    pub post_params: Vec<String>,
}

impl Exchange {
    /// Every value of a response header (case-insensitive name).
    pub fn response_header(&self, name: &str) -> impl Iterator<Item = &str> {
        let name = name.to_string();
        self.response_headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(&name))
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a request header (case-insensitive name).
    pub fn request_header(&self, name: &str) -> Option<&str> {
        self.request_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// True when this exchange is an authentication failure worth its own card.
    pub fn is_auth_failure(&self) -> bool {
        self.status == 401
            || self.status == 403
            || self.response_header("www-authenticate").next().is_some()
            || self.response_header("x-ms-diagnostics").next().is_some()
            || contains_aadsts(&self.body)
            || contains_aadsts(&self.redirect)
            || self
                .response_header("location")
                .any(|l| contains_aadsts(&textmap::iis_decode(l)))
    }
}

/// True when the text names an AADSTS error.
pub fn contains_aadsts(s: &str) -> bool {
    textmap::find_ci(s, "AADSTS", 0).is_some()
}

fn headers_of(v: Option<&Value>) -> Vec<(String, String)> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|h| {
                    Some((
                        h.get("name")?.as_str()?.to_string(),
                        h.get("value")?.as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn exchange(index: usize, span: Span, v: &Value) -> Exchange {
    let req = v.get("request");
    let res = v.get("response");
    let s = |o: Option<&Value>, k: &str| {
        o.and_then(|o| o.get(k))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let content = res.and_then(|r| r.get("content"));
    let mut body = s(content, "text");
    if s(content, "encoding").eq_ignore_ascii_case("base64") {
        if let Some(bytes) = crate::text::b64_decode_lenient(&body) {
            body = String::from_utf8_lossy(&bytes).into_owned();
        }
    }
    let post = req.and_then(|r| r.get("postData"));
    let mut post_params: Vec<String> = post
        .and_then(|p| p.get("params"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| p.get("name").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let post_text = s(post, "text");
    if post_params.is_empty() && post_text.contains('=') && !post_text.trim_start().starts_with('{')
    {
        post_params = post_text
            .split('&')
            .filter_map(|kv| kv.split_once('=').map(|(k, _)| k.to_string()))
            .collect();
    }
    // Only the grant type's value is ever kept from a body; every other value is dropped.
    if let Some(g) = post_text
        .split('&')
        .find_map(|kv| kv.strip_prefix("grant_type="))
    {
        post_params.push(format!("grant_type={}", textmap::iis_decode(g)));
    }
    Exchange {
        index,
        span,
        method: s(req, "method"),
        url: s(req, "url"),
        status: res
            .and_then(|r| r.get("status"))
            .and_then(Value::as_u64)
            .and_then(|n| u16::try_from(n).ok())
            .unwrap_or(0),
        status_text: s(res, "statusText"),
        request_headers: headers_of(req.and_then(|r| r.get("headers"))),
        response_headers: headers_of(res.and_then(|r| r.get("headers"))),
        body,
        redirect: s(res, "redirectURL"),
        post_params,
    }
}

/// What credential the request carried, if it had an Authorization header.
pub fn credential(x: &Exchange) -> Option<Credential> {
    let auth = x.request_header("authorization")?;
    let (scheme, rest) = auth.split_once(' ').unwrap_or((auth, ""));
    let rest = rest.trim();
    Some(match scheme.to_ascii_lowercase().as_str() {
        "bearer" if rest.starts_with("eyJ") && rest.matches('.').count() >= 2 => {
            Credential::BearerJwt
        }
        "bearer" => Credential::BearerOpaque,
        "basic" => Credential::Basic,
        "negotiate" if rest.starts_with("TlRMTVNT") => Credential::NegotiateNtlm,
        "negotiate" => Credential::Negotiate,
        "ntlm" => Credential::Ntlm,
        other => Credential::Other(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::cut_to;

    fn har(entries: &str) -> String {
        format!("{{\"log\":{{\"version\":\"1.2\",\"entries\":[{entries}]}}}}")
    }

    const ENTRY: &str = r#"{"request":{"method":"POST","url":"https://x/token","headers":[{"name":"Authorization","value":"Bearer abc"}],"postData":{"text":"grant_type=client_credentials&client_secret=s3cr3t"}},"response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":"Bearer"}]}}"#;

    #[test]
    fn entries_are_read_and_secrets_dropped() {
        let text = har(ENTRY);
        let h = read(&text).unwrap();
        assert_eq!(h.exchanges.len(), 1);
        assert!(!h.cut);
        let x = &h.exchanges[0];
        assert_eq!(x.status, 401);
        assert!(x.is_auth_failure());
        assert_eq!(credential(x), Some(Credential::BearerOpaque));
        assert!(x
            .post_params
            .contains(&"grant_type=client_credentials".to_string()));
        assert!(!x.post_params.iter().any(|p| p.contains("s3cr3t")));
        let cut = read(cut_to(&text, text.len() - 3)).unwrap();
        assert!(cut.cut);
        assert!(read("{\"log\": 1}").is_none());
        assert!(read("not a har").is_none());
    }
}
