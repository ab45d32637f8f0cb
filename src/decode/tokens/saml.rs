//! Finds a SAML token pasted where a JWT was expected (XML, or base64 as in a `SAMLResponse` form
//! field) and reads the few facts that name it.

use crate::report::Span;
use crate::text::b64_decode_lenient;
use crate::text::{cut, cut_from, cut_to};

/// Every SAML 1.1 and 2.0 document names this namespace prefix.
const SAML_NAMESPACE: &str = "urn:oasis:names:tc:SAML:";
/// The shortest base64 run worth decoding as a SAML document.
const MIN_BASE64_LEN: usize = 100;

/// A SAML response or assertion, read only far enough to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saml {
    pub span: Span,
    /// SAML 1.1 (`MajorVersion="1"`) rather than 2.0.
    pub version_1: bool,
    pub what: SamlWhat,
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub subject: Option<String>,
    pub not_before: Option<String>,
    pub not_on_or_after: Option<String>,
    /// An XML signature is present.
    pub signed: bool,
    /// It was pasted as base64 (a `SAMLResponse` form field).
    pub was_base64: bool,
}

/// Which SAML document it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SamlWhat {
    EncryptedResponse,
    Assertion,
    Response,
}

/// Finds a SAML response or assertion, as XML or base64 (a `SAMLResponse` form field).
pub fn find(text: &str) -> Vec<Saml> {
    let mut out = Vec::new();
    if text.contains(SAML_NAMESPACE) {
        if let Some(start) = root_start(text) {
            let end = text.rfind('>').map_or(text.len(), |e| e + 1).max(start);
            out.push(read(cut(text, start..end), Span::new(start, end), false));
        }
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if bytes[i] != b'P' || !boundary {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'+' | b'/' | b'=' | b'%'))
        {
            j += 1;
        }
        if j - i >= MIN_BASE64_LEN {
            let run = cut(text, i..j)
                .replace("%2B", "+")
                .replace("%2b", "+")
                .replace("%2F", "/")
                .replace("%2f", "/")
                .replace("%3D", "=")
                .replace("%3d", "=");
            if let Some(xml) = b64_decode_lenient(&run)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .filter(|x| x.trim_start().starts_with('<') && x.contains(SAML_NAMESPACE))
            {
                out.push(read(&xml, Span::new(i, j), true));
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The start of the first element named `...Response` or `...Assertion`.
fn root_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = text.get(from..)?.find('<') {
        let start = from + offset;
        let name: String = cut_from(text, start + 1)
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect();
        let local = name.rsplit(':').next().unwrap_or("");
        if local.ends_with("Response") || local == "Assertion" {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// The text inside the first element with this local name (any namespace prefix).
fn element_text<'a>(xml: &'a str, local: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(offset) = xml.get(from..)?.find(local) {
        let at = from + offset;
        from = at + local.len();
        let open = cut_to(xml, at).rfind('<')?;
        let prefix = cut(xml, open + 1..at);
        let prefix_ok = prefix.is_empty()
            || (prefix.ends_with(':')
                && cut_to(prefix, prefix.len() - 1)
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()));
        let next = cut_from(xml, from).chars().next();
        if !prefix_ok || !matches!(next, Some('>') | Some(' ')) {
            continue;
        }
        let body_start = from + cut_from(xml, from).find('>')? + 1;
        let body_end = body_start + cut_from(xml, body_start).find('<')?;
        let value = cut(xml, body_start..body_end).trim();
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// The value of the first attribute with this name.
fn attribute<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = xml.find(&key)? + key.len();
    let len = cut_from(xml, start).find('"')?;
    Some(cut(xml, start..start + len))
}

fn read(xml: &str, span: Span, was_base64: bool) -> Saml {
    let what = if xml.contains("EncryptedAssertion") {
        SamlWhat::EncryptedResponse
    } else if root_start(xml)
        .and_then(|s| xml.get(s..s + 40))
        .is_some_and(|head| head.contains("Assertion"))
    {
        SamlWhat::Assertion
    } else {
        SamlWhat::Response
    };
    let owned = |v: Option<&str>| v.map(str::to_string);
    Saml {
        span,
        version_1: xml.contains("MajorVersion=\"1\""),
        what,
        issuer: owned(element_text(xml, "Issuer").or_else(|| attribute(xml, "Issuer"))),
        audience: owned(element_text(xml, "Audience")),
        subject: owned(element_text(xml, "NameID").or_else(|| element_text(xml, "NameIdentifier"))),
        not_before: owned(attribute(xml, "NotBefore")),
        not_on_or_after: owned(attribute(xml, "NotOnOrAfter")),
        signed: xml.contains("SignatureValue"),
        was_base64,
    }
}
