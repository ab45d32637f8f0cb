//! The signature section of a token card and the rules about the signature segment (missing,
//! truncated, extra parts).

use super::view::TokenView;
use crate::context::Context;
use crate::decode::tokens::{Problem, Token};
use crate::report::{Field, Finding, Section, Severity};
use crate::text::b64_decode_lenient;

/// The signature lengths, in bytes, that an algorithm produces.
fn expected_lengths(alg: &str) -> Option<&'static [usize]> {
    match alg {
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => {
            Some(&[128usize, 256, 384, 512][..])
        }
        "ES256" => Some(&[64usize][..]),
        "ES384" => Some(&[96usize][..]),
        "ES512" => Some(&[132usize][..]),
        "EdDSA" => Some(&[64usize][..]),
        "HS256" => Some(&[32usize][..]),
        "HS384" => Some(&[48usize][..]),
        "HS512" => Some(&[64usize][..]),
        _ => None,
    }
}

fn alg(token: &Token) -> &str {
    token.head.alg.as_deref().unwrap_or("")
}

/// The copy was cut, so a missing or short signature is no news.
fn cut(token: &Token) -> bool {
    token.shortened || token.payload_partial
}

/// The decoded signature length, `None` when it is not base64url.
fn decoded_len(sig: &str) -> Option<usize> {
    b64_decode_lenient(sig).as_ref().map(Vec::len)
}

/// The signature segment, its length, and whether the token is unsigned.
pub fn section(token: &Token) -> Section {
    let mut section = Section::new("Signature");
    match token.signature.as_deref() {
        None if cut(token) => section.push(Field::new("Signature", "missing (the copy was cut)")),
        None => section.push(Field::new("Signature", "missing")),
        Some("") => section.push(Field::new("Signature", "empty")),
        Some(sig) => section.push(
            Field::new("Signature", crate::text::ellipsis(sig, 48)).shown(match decoded_len(sig) {
                Some(n) => format!("{n} bytes"),
                None => "not valid base64url".to_string(),
            }),
        ),
    }
    if alg(token).eq_ignore_ascii_case("none") {
        section.push(Field::new("Status", "unsigned (alg none)"));
    }
    section
}

/// A compact token with a readable payload: the only kind whose signature the rules look at.
fn signed(v: &TokenView) -> Option<&Token> {
    (!v.decoded_only && v.has_payload()).then_some(&v.token)
}

/// `token.signature-missing`: no signature segment, or an empty one for a signing algorithm.
pub fn signature_missing(v: &TokenView, _: &Context) -> Vec<Finding> {
    let Some(token) = signed(v) else {
        return Vec::new();
    };
    let alg = alg(token);
    match token.signature.as_deref() {
        None if !cut(token) => vec![Finding::new(
            Severity::Warning,
            "Signature missing",
            "The token ends after the payload, so it was cut when copied (or the signature was removed on purpose). The claims can be read, but the token cannot be verified and no API will accept it.",
        )],
        Some("") if !alg.eq_ignore_ascii_case("none") => vec![Finding::new(
            Severity::Warning,
            "Signature missing",
            format!("The header says {alg} but the signature segment is empty, so the token cannot be verified."),
        )],
        _ => Vec::new(),
    }
}

/// `token.signature-damaged`: the signature is too short for its algorithm, or not base64url.
pub fn signature_damaged(v: &TokenView, _: &Context) -> Vec<Finding> {
    let Some(token) = signed(v) else {
        return Vec::new();
    };
    let alg = alg(token);
    let sig = match token.signature.as_deref() {
        Some(sig) if !sig.is_empty() && !cut(token) => sig,
        _ => return Vec::new(),
    };
    let len = decoded_len(sig);
    let plausible = match (expected_lengths(alg), len) {
        (Some(lens), Some(n)) => {
            lens.contains(&n) || (alg.starts_with("RS") || alg.starts_with("PS")) && n >= 128
        }
        (None, Some(_)) => true,
        (_, None) => false,
    };
    if plausible {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Signature truncated or damaged",
        format!(
            "The signature segment is {} for {alg}; it looks cut or altered, so this token cannot be verified (documentation samples are often truncated like this).",
            match len {
                Some(n) => format!("{n} bytes, which is too short"),
                None => "not valid base64url".to_string(),
            }
        ),
    )]
}

/// `token.extra-parts`: more than three dot-separated parts.
pub fn extra_parts(v: &TokenView, _: &Context) -> Vec<Finding> {
    match signed(v) {
        Some(token) if token.problems().contains(&Problem::ExtraParts) => vec![Finding::new(
            Severity::Warning,
            "Extra parts",
            "A signed token has three parts separated by dots; this one has more, so something was appended when it was copied.",
        )],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    fn view(sig: Option<&str>, extra: usize) -> TokenView {
        let mut t = token(r#"{"alg":"RS256"}"#, r#"{"aud":"a"}"#);
        t.signature = sig.map(str::to_string);
        t.extra_parts = extra;
        TokenView::new(t)
    }

    #[test]
    fn signature_missing_fires_without_a_signature() {
        let ctx = Context::fixed();
        assert_eq!(signature_missing(&view(None, 0), &ctx).len(), 1);
        assert_eq!(signature_missing(&view(Some(""), 0), &ctx).len(), 1);
        assert!(signature_missing(&view(Some(&"QUJD".repeat(86)), 0), &ctx).is_empty());
    }

    #[test]
    fn signature_damaged_fires_on_a_short_signature() {
        let ctx = Context::fixed();
        assert_eq!(signature_damaged(&view(Some("QUJD"), 0), &ctx).len(), 1);
        assert!(signature_damaged(&view(Some(&"QUJD".repeat(86)), 0), &ctx).is_empty());
    }

    #[test]
    fn extra_parts_fires_on_a_fourth_part() {
        let ctx = Context::fixed();
        assert_eq!(extra_parts(&view(Some("QUJD"), 1), &ctx).len(), 1);
        assert!(extra_parts(&view(Some("QUJD"), 0), &ctx).is_empty());
    }
}
