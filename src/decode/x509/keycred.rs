//! App keyCredentials (manifest or Microsoft Graph form) as typed records.

use super::cert::Certificate;
use super::json::{get_str, iso_time};
use crate::knowledge::key_members::KEYCREDENTIAL_MEMBERS;
use crate::report::Span;
use crate::text::b64_decode_lenient;
use serde_json::Value;

/// What a keyCredential's `value` (or Graph `key`) holds.
#[derive(Debug, Clone)]
pub enum CredValue {
    /// No value or key member.
    Missing,
    /// Shortened for display ("omitted for brevity"), so it cannot be read.
    Elided,
    /// Present, but not the base64 DER of a certificate.
    NotCertificate,
    /// A certificate.
    Certificate(Box<Certificate>),
}

/// One keyCredential entry, read once.
#[derive(Debug, Clone)]
pub struct KeyCredential {
    pub span: Span,
    /// The customKeyIdentifier as written, and its bytes when it is base64.
    pub custom_key_identifier: Option<(String, Option<Vec<u8>>)>,
    /// The members of `knowledge::key_members::KEYCREDENTIAL_MEMBERS` that are present, as
    /// (name, value), in that order.
    pub members: Vec<(&'static str, String)>,
    /// startDateTime (or startDate) as a timestamp.
    pub start: Option<i64>,
    /// endDateTime (or endDate) as a timestamp.
    pub end: Option<i64>,
    pub value: CredValue,
}

impl KeyCredential {
    /// Reads one keyCredential object; member names are matched without regard to case.
    pub fn read(cred: &Value, span: Span) -> KeyCredential {
        let members = KEYCREDENTIAL_MEMBERS
            .iter()
            .filter_map(|m| get_str(cred, m.name).map(|v| (m.name, v.to_string())))
            .collect();
        let date = |a: &str, b: &str| {
            get_str(cred, a)
                .or_else(|| get_str(cred, b))
                .and_then(iso_time)
        };
        let value = match get_str(cred, "value").or_else(|| get_str(cred, "key")) {
            None => CredValue::Missing,
            Some(v) if is_elided(v) => CredValue::Elided,
            Some(v) => match b64_decode_lenient(v).and_then(|d| Certificate::parse(&d, span)) {
                Some(cert) => CredValue::Certificate(Box::new(cert)),
                None => CredValue::NotCertificate,
            },
        };
        KeyCredential {
            span,
            custom_key_identifier: get_str(cred, "customKeyIdentifier")
                .map(|c| (c.to_string(), b64_decode_lenient(c))),
            members,
            start: date("startDateTime", "startDate"),
            end: date("endDateTime", "endDate"),
            value,
        }
    }

    /// The value of a listed member.
    pub fn member(&self, name: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The SHA-1 thumbprint that customKeyIdentifier holds, when it holds 20 bytes.
    pub fn declared_sha1(&self) -> Option<&[u8]> {
        self.custom_key_identifier
            .as_ref()
            .and_then(|(_, b)| b.as_deref())
            .filter(|b| b.len() == 20)
    }

    /// The certificate in the value, if it holds one.
    pub fn certificate(&self) -> Option<&Certificate> {
        match &self.value {
            CredValue::Certificate(c) => Some(c),
            _ => None,
        }
    }
}

/// True when a value was shortened for display.
fn is_elided(v: &str) -> bool {
    v.contains('*')
        || v.to_ascii_lowercase().contains("omitted")
        || v.contains("...")
        || v.contains('…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_dates_and_value_are_read_once() {
        let cred = serde_json::json!({
            "customKeyIdentifier": "AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "KEYID": "k",
            "endDate": "2026-03-01T00:00:00Z",
            "value": "MIIC***omitted***"
        });
        let k = KeyCredential::read(&cred, Span::default());
        assert_eq!(k.member("keyId"), Some("k"));
        assert_eq!(k.declared_sha1().map(<[u8]>::len), Some(20));
        assert!(k.end.is_some() && k.start.is_none());
        assert!(matches!(k.value, CredValue::Elided));
        let bare = KeyCredential::read(&serde_json::json!({"keyId": "x"}), Span::default());
        assert!(matches!(bare.value, CredValue::Missing));
    }
}
