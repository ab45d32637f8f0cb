//! Rules about a damaged copy: a token shortened or cut inside its payload, a payload that is not
//! JSON, and an actor token that does not decode.

use super::view::TokenView;
use crate::context::Context;
use crate::decode::tokens::{compact, Problem};
use crate::report::{Finding, Severity, Step};
use serde_json::Map;

/// `token.copy-cut`: the copy was shortened for display or cut inside the payload.
pub fn copy_cut(v: &TokenView, _: &Context) -> Vec<Finding> {
    let t = &v.token;
    if !(t.shortened || t.payload_partial) {
        return Vec::new();
    }
    let (title, detail) = if t.payload_partial {
        (
            "Token cut inside its payload",
            format!(
                "The copy stops in the middle of the payload{}, so only the {} claims before the cut could be read; the rest of the claims and the signature are lost, and no API will accept this copy.",
                if t.shortened { " (it ends with ... or …, as a user interface shortens long values)" } else { "" },
                t.payload.as_ref().map_or(0, Map::len)
            ),
        )
    } else {
        (
            "Token shortened when copied",
            "The copy ends with ... or …: the tool it was copied from shortened it for display, so the end of the token (here the signature) is missing. The claims below could be read, but this copy cannot be verified or used.".to_string(),
        )
    };
    vec![Finding::new(Severity::Warning, title, detail)
        .step(Step::new("Copy the whole value: in browser developer tools use Copy value on the request header, in PowerShell pipe the token to Set-Clipboard, or log it in full."))]
}

/// `token.payload-unreadable`: the header decoded but the payload is not a JSON object.
pub fn payload_unreadable(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !v.token.problems().contains(&Problem::PayloadUnreadable) {
        return Vec::new();
    }
    let detail = match &v.token.payload_text {
        Some(t) if !t.trim().is_empty() => format!(
            "The payload decoded to text that is not JSON: {}",
            crate::text::ellipsis(t, 120)
        ),
        _ => "The payload segment is missing or is not valid base64url; the token may have been cut or altered when copied.".to_string(),
    };
    vec![Finding::new(
        Severity::Error,
        "Payload cannot be read",
        detail,
    )]
}

/// `token.actor-undecodable`: the `actortoken` claim does not decode as a token.
pub fn actor_undecodable(v: &TokenView, _: &Context) -> Vec<Finding> {
    match v.c().actortoken.as_deref() {
        Some(actor) if compact::decode(actor.trim(), false).is_none() => vec![Finding::new(
            Severity::Warning,
            "Actor token cannot be decoded",
            "The actortoken claim should hold a signed JWT (the app-only actor token); it does not decode as one.",
        )],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    #[test]
    fn copy_cut_fires_on_a_shortened_copy() {
        let mut t = token(r#"{"alg":"RS256"}"#, r#"{"aud":"a"}"#);
        assert!(copy_cut(&TokenView::new(t.clone()), &Context::fixed()).is_empty());
        t.shortened = true;
        assert_eq!(copy_cut(&TokenView::new(t), &Context::fixed()).len(), 1);
    }

    #[test]
    fn payload_unreadable_fires_without_a_payload() {
        let mut t = token(r#"{"alg":"RS256"}"#, r#"{"aud":"a"}"#);
        assert!(payload_unreadable(&TokenView::new(t.clone()), &Context::fixed()).is_empty());
        t.payload = None;
        assert_eq!(
            payload_unreadable(&TokenView::new(t), &Context::fixed()).len(),
            1
        );
    }

    #[test]
    fn actor_undecodable_fires_on_a_broken_actor_token() {
        let t = token(
            r#"{"alg":"none"}"#,
            r#"{"aud":"a","actortoken":"not a token"}"#,
        );
        assert_eq!(
            actor_undecodable(&TokenView::new(t), &Context::fixed()).len(),
            1
        );
        let t = token(r#"{"alg":"none"}"#, r#"{"aud":"a"}"#);
        assert!(actor_undecodable(&TokenView::new(t), &Context::fixed()).is_empty());
    }
}
