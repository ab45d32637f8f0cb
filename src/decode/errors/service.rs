//! Records: Microsoft Graph and EWS error bodies (JSON `error` objects, EWS `ResponseCode`s and
//! SOAP faults), and Exchange OAuth exception texts (Missing signing certificate, trusted issuers
//! not configured locally, remote server returned 401, the hybrid "REST APIs for this mailbox are
//! currently in preview" message).

use crate::decode::http::exchange::{self, Status};
use crate::knowledge::http_exchange;
use crate::report::Span;
use crate::text::{cut, cut_from, floor_boundary};
use crate::textmap;
use serde_json::Value;

/// Which service answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Graph,
    Ews,
}

/// Where in the response the code was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A JSON `error` (or `odata.error`) object.
    JsonBody,
    /// An EWS `ResponseCode` element.
    ResponseCode,
    /// A SOAP fault's `faultcode`.
    SoapFault,
}

/// One Graph or EWS error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub service: Service,
    pub origin: Origin,
    pub code: String,
    pub message: String,
    /// The `innerError` object's members, in order, values as text.
    pub inner: Option<Vec<(String, String)>>,
    pub span: Span,
    /// The HTTP status of the response the body came with, when the paste states it.
    pub status: Option<Status>,
    /// The service that answered, when the paste names it (host, path or the code's own shape).
    pub product: Option<&'static str>,
}

/// An Exchange message that explains itself once recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeMessage {
    /// `Missing signing certificate`: the auth certificate is missing on this server.
    MissingSigningCertificate { span: Span },
    /// `None of them are configured locally`, with the `principal@realm` issuers it lists.
    UntrustedIssuers { span: Span, issuers: Vec<String> },
    /// `The remote server returned an error: (401) Unauthorized`.
    Remote401 {
        span: Span,
        /// Thrown by Invoke-RestMethod or Invoke-WebRequest.
        web_cmdlet: bool,
        /// The paste also holds WWW-Authenticate or x-ms-diagnostics headers.
        headers_pasted: bool,
    },
    /// `REST APIs for this mailbox are currently in preview` outside a service error body.
    RestPreview { span: Span },
}

impl ExchangeMessage {
    /// Where the message is.
    pub fn span(&self) -> Span {
        match self {
            ExchangeMessage::MissingSigningCertificate { span }
            | ExchangeMessage::UntrustedIssuers { span, .. }
            | ExchangeMessage::Remote401 { span, .. }
            | ExchangeMessage::RestPreview { span } => *span,
        }
    }
}

/// Every Graph and EWS error body in `text`, then every Exchange message, in that order.
pub fn find(text: &str) -> (Vec<ServiceError>, Vec<ExchangeMessage>) {
    let mut errors = graph_bodies(text);
    let covered: Vec<Span> = errors.iter().map(|e| e.span).collect();
    errors.extend(loose_bodies(text, &covered));
    errors.extend(ews_codes(text));
    let lower = text.to_ascii_lowercase();
    for e in errors.iter_mut().take(MAX_PLACED) {
        e.status = exchange::status_before(text, e.span.start);
        e.product = product(&lower, e);
    }
    let messages = exchange_messages(text, &errors);
    (errors, messages)
}

/// How many errors of one paste get their status and service looked up (each look-up reads a
/// bounded window, so the pass stays linear).
const MAX_PLACED: usize = 500;

/// The service that answered: EWS for EWS codes, else the code's own shape, else the nearest
/// host or path the paste names around the error, else the product the error-id table gives.
fn product(lower: &str, e: &ServiceError) -> Option<&'static str> {
    if e.service == Service::Ews {
        return Some(http_exchange::EWS);
    }
    if let Some(p) = http_exchange::service_of_code(&e.code) {
        return Some(p);
    }
    let from = floor_boundary(lower, e.span.start.saturating_sub(3_000));
    let to = floor_boundary(lower, e.span.end.saturating_add(1_000).min(lower.len()));
    if let Some(m) = http_exchange::service_named_in(cut(lower, from..to)) {
        return Some(m.service);
    }
    crate::knowledge::error_ids::error_id(&e.code).map(|r| r.product)
}

/// Error objects that serde_json cannot read: Python dicts (`'code': '...'`), JavaScript and
/// DevTools objects (`code: "..."`), Go autorest (`Code="..." Message="..."`), bodies cut short
/// or missing their last braces. A `code` key with a quoted value, then its `message` within
/// the next 1,500 bytes; linear (each key reads a bounded window).
fn loose_bodies(text: &str, covered: &[Span]) -> Vec<ServiceError> {
    let mut out = Vec::new();
    let mut read_until = 0;
    for at in textmap::find_all_ci(text, "code") {
        if at < read_until || covered.iter().any(|s| s.start <= at && at < s.end) {
            continue;
        }
        let Some((code, after)) = keyed_value(text, at, 4, 100) else {
            continue;
        };
        if !error_code_shape(&code) {
            continue;
        }
        let window_end = floor_boundary(text, after.saturating_add(1_500).min(text.len()));
        let message = textmap::find_ci(cut(text, after..window_end), "message", 0)
            .and_then(|m| message_at(text, after + m))
            .filter(|(m, _)| !m.is_empty());
        let known = crate::knowledge::graph_errors::error(&code).is_some()
            || crate::knowledge::error_ids::error_id(&code).is_some();
        if message.is_none() && !known {
            continue;
        }
        // A message that starts with an id the error-id table explains (`AKV10022: ...`) is left
        // to that row's own card, which knows its causes and fixes.
        let first_word = message
            .as_ref()
            .and_then(|(m, _)| m.split(|c: char| !c.is_ascii_alphanumeric()).next());
        if !known && first_word.is_some_and(|w| crate::knowledge::error_ids::error_id(w).is_some())
        {
            continue;
        }
        let end = message.as_ref().map_or(after, |(_, e)| *e);
        read_until = end;
        // A tree view repeats the object's members below it: the same code again is not a second
        // error.
        let repeated = out.last().is_some_and(|prev: &ServiceError| {
            prev.code == code && at < prev.span.end.saturating_add(2_000)
        });
        if repeated {
            continue;
        }
        // The support ids of the inner error, when they follow the message.
        let ids_end = floor_boundary(text, end.saturating_add(400).min(text.len()));
        let inner: Vec<(String, String)> = ["request-id", "client-request-id", "date"]
            .iter()
            .filter_map(|key| {
                let k = textmap::find_ci(cut(text, end..ids_end), key, 0)?;
                let (v, _) = keyed_value(text, end + k, key.len(), 100)?;
                Some(((*key).to_string(), v))
            })
            .collect();
        out.push(ServiceError {
            service: Service::Graph,
            origin: Origin::JsonBody,
            code,
            message: message.map(|(m, _)| m).unwrap_or_default(),
            inner: (!inner.is_empty()).then_some(inner),
            span: Span::new(at, end),
            status: None,
            product: None,
        });
    }
    out
}

/// The quoted value of the key whose name (`len` bytes) starts at `at`: `"key": "v"`,
/// `'key': 'v'`, `key: "v"`, `Key="v"`, `\"key\":\"v\"`; with where the value ends.
fn keyed_value(text: &str, at: usize, len: usize, max: usize) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let before_ok = at == 0
        || matches!(
            b[at - 1],
            b'"' | b'\'' | b' ' | b'{' | b',' | b'\t' | b'\n' | b'\\'
        );
    if !before_ok {
        return None;
    }
    let mut p = at + len;
    while matches!(b.get(p), Some(b'"' | b'\'' | b'\\')) {
        p += 1;
    }
    p = textmap::skip_ws(text, p);
    if !matches!(b.get(p), Some(b':' | b'=')) {
        return None;
    }
    p = textmap::skip_ws(text, p + 1);
    if b.get(p) == Some(&b'\\') {
        p += 1;
    }
    let quote = *b.get(p).filter(|q| matches!(q, b'"' | b'\''))?;
    let start = p + 1;
    let mut end = start;
    while end < b.len() && end - start <= max && b[end] != quote && b[end] != b'\n' {
        if b[end] == b'\\' && b.get(end + 1) == Some(&quote) {
            break;
        }
        end += 1;
    }
    if end - start > max {
        return None;
    }
    let value = cut(text, start..end).trim().to_string();
    Some((value, end))
}

/// The message after a `message` key at `at`; its `value` member when the message is an object
/// (`"message":{"lang":"en-US","value":"..."}`, OData).
fn message_at(text: &str, at: usize) -> Option<(String, usize)> {
    if let Some((m, end)) = keyed_value(text, at, 7, 2_000) {
        return Some((crate::text::json_unescape(&m), end));
    }
    let after = textmap::skip_ws(text, at + 7);
    let rest = cut(
        text,
        after..floor_boundary(text, after.saturating_add(60).min(text.len())),
    );
    let v = textmap::find_ci(rest, "value", 0)?;
    keyed_value(text, after + v, 5, 2_000).map(|(m, e)| (crate::text::json_unescape(&m), e))
}

/// True for a value shaped like a service error code: an identifier (`Authorization_RequestDenied`,
/// `Forbidden`), a hex HRESULT (`0x80072560`) or SharePoint's `-2147024891, System.X`.
fn error_code_shape(code: &str) -> bool {
    if code.is_empty() || code.len() > 100 {
        return false;
    }
    if http_exchange::service_of_code(code).is_some() {
        return true;
    }
    let b = code.as_bytes();
    b[0].is_ascii_alphabetic()
        && code.bytes().any(|c| c.is_ascii_uppercase())
        && code
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'))
}

/// `{"error":{"code":"...","message":"...","innerError":{...}}}` and `{"odata.error":{...}}`.
fn graph_bodies(text: &str) -> Vec<ServiceError> {
    let mut out = Vec::new();
    let mut covered = 0;
    // Each try may read up to 20,000 bytes for its closing brace; a paste made of thousands of
    // unclosed `{"error":` would cost that much per try, so all tries together may read at most a
    // few times the paste. Real error bodies close early and never come near it.
    let mut budget = text.len().saturating_mul(4).saturating_add(1 << 16);
    for key in ["\"error\"", "\"odata.error\""] {
        for at in textmap::find_all_ci(text, key) {
            if at < covered {
                continue;
            }
            if budget == 0 {
                break;
            }
            let tried = graph_body_at(text, at, key);
            if opens_object(text, at, key) {
                let read = tried.as_ref().map_or(20_000, |(_, end)| end - at);
                budget = budget.saturating_sub(read);
            }
            let Some((err, end)) = tried else {
                continue;
            };
            covered = end;
            out.push(err);
        }
    }
    out
}

/// True when `key` at `at` is followed by `:` and an object, the only case that reads ahead.
fn opens_object(text: &str, at: usize, key: &str) -> bool {
    text.get(at + key.len()..)
        .and_then(|rest| rest.trim_start().strip_prefix(':'))
        .is_some_and(|rest| rest.trim_start().starts_with('{'))
}

/// The error body whose `key` is at `at`, and where it ends.
fn graph_body_at(text: &str, at: usize, key: &str) -> Option<(ServiceError, usize)> {
    let rest = cut_from(text, at + key.len()).trim_start();
    let rest = rest.strip_prefix(':')?;
    if !rest.trim_start().starts_with('{') {
        return None;
    }
    // The object must close within 20,000 bytes of its brace (see `text::json_end`), so a brace further
    // back than that cannot hold this key; bounding the look-back keeps the finder linear.
    let from = floor_boundary(text, at.saturating_sub(20_000));
    let open = from + cut(text, from..at).rfind('{')?;
    let end = crate::text::json_end(text.as_bytes(), open, 20_000)?;
    let v = serde_json::from_str::<Value>(cut(text, open..end)).ok()?;
    let err = v.get("error").or_else(|| v.get("odata.error"));
    let err = err.filter(|e| e.is_object())?;
    let code = err.get("code").and_then(Value::as_str)?;
    let message = match err.get("message") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(m)) => m
            .get("value")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    };
    let inner = match err.get("innerError").or_else(|| err.get("innererror")) {
        Some(Value::Object(inner)) => Some(
            inner
                .iter()
                .map(|(k, val)| {
                    let shown = val.as_str().map_or_else(|| val.to_string(), str::to_string);
                    (k.clone(), shown)
                })
                .collect(),
        ),
        _ => None,
    };
    let err = ServiceError {
        service: Service::Graph,
        origin: Origin::JsonBody,
        code: code.to_string(),
        message,
        inner,
        span: Span::new(open, end),
        status: None,
        product: None,
    };
    Some((err, end))
}

/// Opening tags named `name` (any namespace prefix, any attributes) and their text: the tag's
/// start, and the start and end of the text inside it.
fn tag_values(text: &str, name: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for at in textmap::find_all_ci(text, name) {
        // Only a short namespace prefix may stand between `<` and the name, so look back a little.
        let from = floor_boundary(text, at.saturating_sub(24));
        let Some(lt) = cut(text, from..at).rfind('<').map(|p| from + p) else {
            continue;
        };
        let prefix = cut(text, lt + 1..at);
        // Only a namespace prefix (`m:`) may stand before the name: `FindItemResponseMessage`
        // is not a `Message` tag.
        let namespace_only = prefix.is_empty()
            || prefix.strip_suffix(':').is_some_and(|ns| {
                !ns.is_empty() && ns.len() <= 20 && ns.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if !namespace_only {
            continue;
        }
        let after = at + name.len();
        if !matches!(text.as_bytes().get(after), Some(b'>' | b' ' | b'\t')) {
            continue;
        }
        let Some(gt) = cut_from(text, after).find('>').map(|g| after + g) else {
            continue;
        };
        if cut(text, after..gt).contains('<') {
            continue;
        }
        let start = gt + 1;
        let end = cut_from(text, start)
            .find('<')
            .map_or(text.len(), |e| start + e);
        if !cut(text, start..end).trim().is_empty() {
            out.push((lt, start, end));
        }
    }
    out
}

/// `<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>` in EWS SOAP responses, and SOAP faults
/// whose `faultcode` is an EWS error (`a:ErrorInvalidSecurityToken`).
fn ews_codes(text: &str) -> Vec<ServiceError> {
    let mut out = Vec::new();
    let mut messages: Vec<(usize, usize, usize)> = [
        tag_values(text, "MessageText"),
        tag_values(text, "Message"),
        tag_values(text, "faultstring"),
    ]
    .concat();
    crate::sort::natural(&mut messages);
    let mut codes: Vec<(usize, usize, usize, Origin)> = tag_values(text, "ResponseCode")
        .into_iter()
        .map(|(lt, s, e)| (lt, s, e, Origin::ResponseCode))
        .collect();
    for (lt, s, e) in tag_values(text, "faultcode") {
        let value = cut(text, s..e).trim();
        let bare = value.rsplit(':').next().unwrap_or(value);
        // A fault that also has a ResponseCode with the same error is reported once.
        let repeated = codes
            .iter()
            .any(|(_, cs, ce, _)| cut(text, *cs..*ce).trim() == bare);
        if !repeated {
            codes.push((lt, s, e, Origin::SoapFault));
        }
    }
    crate::sort::by_key(&mut codes, |c| (c.0, c.1, c.2));
    let mut previous_end = 0;
    for (lt, start, end, origin) in codes {
        let raw = cut(text, start..end).trim();
        let code = raw.rsplit(':').next().unwrap_or(raw);
        if !code.starts_with("Error") || code.len() > 80 || code.contains(' ') {
            continue;
        }
        // The message of the same response: before the code (SOAP order) when there is one since
        // the previous code, else the first one after it.
        let msg = messages
            .iter()
            .rfind(|(ml, _, _)| *ml >= previous_end && *ml < lt)
            .or_else(|| {
                messages
                    .iter()
                    .find(|(ml, _, _)| *ml > lt && *ml < end + 2000)
            })
            .map(|(_, ms, me)| cut(text, *ms..*me).trim().to_string())
            .unwrap_or_default();
        previous_end = end;
        out.push(ServiceError {
            service: Service::Ews,
            origin,
            code: code.to_string(),
            message: msg,
            inner: None,
            span: Span::new(lt, end),
            status: None,
            product: None,
        });
    }
    out
}

/// Exchange messages, kind by kind; a preview message inside an error body is not repeated.
fn exchange_messages(text: &str, errors: &[ServiceError]) -> Vec<ExchangeMessage> {
    let line_span =
        |at: usize| Span::new(textmap::line_start(text, at), textmap::line_end(text, at));
    // A line that holds a message several times is one message: later hits on a line already
    // read are skipped, so a long line is walked once, not once per hit.
    let once_per_line = |needle: &str| {
        let mut hits: Vec<(usize, Span)> = Vec::new();
        for at in textmap::find_all_ci(text, needle) {
            if hits.last().is_some_and(|(_, span)| at < span.end) {
                continue;
            }
            hits.push((at, line_span(at)));
        }
        hits
    };
    let mut out = Vec::new();
    for (_, span) in once_per_line("Missing signing certificate") {
        out.push(ExchangeMessage::MissingSigningCertificate { span });
    }
    for (_, span) in once_per_line("None of them are configured locally") {
        let line = cut(text, span.start..span.end);
        let issuers = line
            .split('\'')
            .skip(1)
            .step_by(2)
            .filter(|part| part.contains('@'))
            .map(str::to_string)
            .collect();
        out.push(ExchangeMessage::UntrustedIssuers { span, issuers });
    }
    let lower_text = text.to_ascii_lowercase();
    let headers_pasted =
        lower_text.contains("www-authenticate") || lower_text.contains("x-ms-diagnostics");
    for (_, span) in once_per_line("The remote server returned an error: (401) Unauthorized") {
        let line = cut(text, span.start..span.end);
        let web_cmdlet = line.contains("Invoke-RestMethod") || line.contains("Invoke-WebRequest");
        out.push(ExchangeMessage::Remote401 {
            span,
            web_cmdlet,
            headers_pasted,
        });
    }
    for (at, span) in once_per_line("REST APIs for this mailbox are currently in preview") {
        let inside = |s: Span| s.start <= at && at < s.end;
        if errors.iter().any(|e| inside(e.span)) || out.iter().any(|m| inside(m.span())) {
            continue;
        }
        out.push(ExchangeMessage::RestPreview { span });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_repeated_on_one_long_line_is_one_message() {
        let line = "The remote server returned an error: (401) Unauthorized. ".repeat(10_000);
        let (_, messages) = find(&line);
        assert_eq!(messages.len(), 1);
        let (_, two) = find("The remote server returned an error: (401) Unauthorized.\nThe remote server returned an error: (401) Unauthorized.");
        assert_eq!(two.len(), 2, "one per line");
    }

    #[test]
    fn graph_and_ews_bodies() {
        let (e, _) = find(
            r#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired.","innerError":{"request-id":"abc","date":"2020-01-01T00:00:00"}}}"#,
        );
        assert_eq!(e.len(), 1);
        let inner = e[0].inner.as_deref().unwrap_or_default();
        assert!(inner.iter().any(|(k, v)| k == "request-id" && v == "abc"));
        let (e, _) = find(
            r#"{"odata.error":{"code":"Authorization_RequestDenied","message":{"lang":"en","value":"Insufficient privileges to complete the operation."}}}"#,
        );
        assert!(e[0].message.contains("Insufficient privileges"));
        let (e, _) = find("<m:ResponseCode>ErrorAccessDenied</m:ResponseCode><m:MessageText>Access is denied.</m:MessageText>");
        assert_eq!(
            (e[0].service, e[0].code.as_str()),
            (Service::Ews, "ErrorAccessDenied")
        );
        assert!(find(r#"{"error":"invalid_grant"}"#).0.is_empty());
        let (e, _) = find("<s:Fault><faultcode>a:ErrorInvalidSecurityToken</faultcode><faultstring>Bad token.</faultstring></s:Fault>");
        assert_eq!(
            (e[0].origin, e[0].message.as_str()),
            (Origin::SoapFault, "Bad token.")
        );
    }

    #[test]
    fn loose_bodies_in_every_notation() {
        for text in [
            "{'error': {'code': 'Authorization_RequestDenied', 'message': 'Insufficient privileges.'}}",
            "error: {code: \"Authorization_RequestDenied\", message: \"Insufficient privileges.\",…}",
            "Status=403 Code=\"Authorization_RequestDenied\" Message=\"Insufficient privileges.\" InnerError={\"code\":\"AccessDenied\"}",
            "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges.",
        ] {
            let (e, _) = find(text);
            assert_eq!(e.len(), 1, "{text}: {e:?}");
            assert_eq!(e[0].code, "Authorization_RequestDenied", "{text}");
            assert_eq!(e[0].message, "Insufficient privileges.", "{text}");
        }
        let (e, _) = find("\"error\": {\n\"code\": \"0x80072560\",\n\"message\": \"The user is not a member of the organization.\"\n}\n}");
        assert_eq!(e[0].product, Some(http_exchange::DATAVERSE));
        let (e, _) = find("{\"odata.error\":{\"code\":\"-2147024891, System.UnauthorizedAccessException\",\"message\":{\"lang\":\"en-US\",\"value\":\"Access denied.\"}");
        assert_eq!(
            (e[0].product, e[0].message.as_str()),
            (Some(http_exchange::SHAREPOINT), "Access denied.")
        );
        assert!(find(
            "\"error_codes\":[7000215], \"StatusCode\": \"x\", {\"code\": \"lowercase\"}"
        )
        .0
        .is_empty());
    }

    #[test]
    fn the_status_of_the_response_is_attached() {
        let (e, _) = find("HTTP/1.1 401 Unauthorized\nrequest-id: x\n\n{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired.\"}}");
        assert_eq!(e[0].status.as_ref().map(|s| s.code), Some(401));
        assert_eq!(e[0].product, None);
    }

    #[test]
    fn exchange_messages_are_read() {
        let (_, m) = find("The trusted issuers contained the following entries '00000001-0002-0000-c000-000000000000@*'. None of them are configured locally.");
        assert!(
            matches!(&m[0], ExchangeMessage::UntrustedIssuers { issuers, .. } if issuers.len() == 1)
        );
        let (_, m) =
            find("Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.");
        assert!(matches!(
            m[0],
            ExchangeMessage::Remote401 {
                web_cmdlet: true,
                headers_pasted: false,
                ..
            }
        ));
    }
}
