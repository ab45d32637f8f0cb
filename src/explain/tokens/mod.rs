//! Token family, explain side: turns the token records of `decode::tokens` into cards.
//!
//! `card.rs` assembles a token card; `verdict.rs`, `summary.rs`, `claim_rows.rs`, `header.rs`,
//! `signature.rs` and `times.rs` write its parts; each kind of token has its own file with its
//! verdict and rules (`entra_access`, `id_token`, `s2s`, `acs`, `exchange`, `client_assertion`,
//! `b2c`, `adfs`, `generic`); `rules.rs` lists the rules in the order they report.

pub mod acs;
pub mod adfs;
pub mod b2c;
pub mod card;
pub mod claim_rows;
pub mod client_assertion;
pub mod common;
pub mod copy;
pub mod decoded;
pub mod entra_access;
pub mod exchange;
pub mod generic;
pub mod header;
pub mod id_token;
pub mod jwe;
pub mod names;
pub mod rules;
pub mod s2s;
pub mod saml;
pub mod signature;
pub mod summary;
pub mod times;
pub mod verdict;
pub mod view;

use crate::context::Context;
use crate::decode::tokens::compact::{self, Compact};
use crate::decode::tokens::{claims_json, find, saml as saml_finder};
use crate::explain::rule::{self, RuleInfo};
use crate::report::Artifact;

/// Finds, decodes and explains every compact token in `text`, and names a SAML token pasted
/// instead.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    for candidate in find::candidates(text) {
        match compact::decode(&candidate.token, candidate.shortened) {
            Some(Compact::Jws(token)) => out.push(card::explain(*token, candidate.span, ctx, 0)),
            Some(Compact::Jwe(jwe)) => out.push(jwe::card(&jwe, candidate.span, ctx)),
            None => {}
        }
    }
    out.extend(saml_finder::find(text).iter().map(|s| saml::card(s, ctx)));
    out
}

/// Finds and explains every token header or payload pasted already decoded.
pub fn scan_claims_json(text: &str, ctx: &Context) -> Vec<Artifact> {
    claims_json::find(text)
        .into_iter()
        .map(|found| decoded::card(found, ctx))
        .collect()
}

/// Every token rule, as data.
pub fn rules() -> Vec<RuleInfo> {
    let mut all = rule::infos(rules::RULES);
    all.extend(rule::infos(rules::CLAIM_RULES));
    all.extend(rule::infos(rules::ACTOR_RULES));
    all.extend(rule::infos(jwe::RULES));
    all.extend(rule::infos(saml::RULES));
    all.extend(rule::infos(decoded::RULES));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ArtifactKind;
    use crate::text::b64url;
    use crate::text::cut_to;

    fn token(header: &str, payload: &str, sig: &str) -> String {
        format!(
            "{}.{}.{}",
            b64url(header.as_bytes()),
            b64url(payload.as_bytes()),
            sig
        )
    }

    #[test]
    fn a_jwe_shows_its_header_and_says_the_payload_is_encrypted() {
        let header = b64url(br#"{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}"#);
        let text = format!("{header}.ZW5ja2V5.aXZpdml2.Y2lwaGVy.dGFn");
        let found = scan(&text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ArtifactKind::Jwe);
        assert!(found[0].verdict.contains("cannot be read"));
    }

    #[test]
    fn a_copy_shortened_with_an_ellipsis_keeps_the_claims_it_still_has() {
        let t = token(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","scp":"Mail.Read","upn":"megan@contoso.example","name":"Megan Bowen","oid":"0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b"}"#,
            "c2ln",
        );
        let cut = cut_to(&t, t.find('.').unwrap() + 150);
        let found = scan(&format!("{cut}…"), &Context::fixed());
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .findings
            .iter()
            .any(|f| f.title.contains("cut inside its payload")));
        let text = format!("{:?}", found[0].sections);
        assert!(
            text.contains("Mail.Read"),
            "claims before the cut are shown"
        );
        let dots = scan(
            &format!("{}...", cut_to(&t, t.len() - 2)),
            &Context::fixed(),
        );
        assert!(dots[0]
            .findings
            .iter()
            .any(|f| f.title.contains("shortened")));
    }

    #[test]
    fn a_saml_response_is_named_as_saml_and_not_decoded_as_a_jwt() {
        let xml = r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://sts.windows.net/t/</saml:Issuer><saml:Assertion><saml:Subject><saml:NameID>megan@contoso.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>"#;
        let found = scan(xml, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert!(found[0].verdict.contains("not a JWT"));
        assert!(found[0].verdict.contains("megan@contoso.example"));
        let b64 = crate::text::b64std(xml.as_bytes()).replace('+', "%2B");
        let found = scan(
            &format!("SAMLResponse={b64}&RelayState=x"),
            &Context::fixed(),
        );
        assert_eq!(found.len(), 1);
        assert!(scan("<Response>plain xml</Response>", &Context::fixed()).is_empty());
    }

    #[test]
    fn prose_starting_with_eyj_is_not_a_token() {
        assert!(scan("eyJohn said hello. Then left.", &Context::fixed()).is_empty());
    }

    #[test]
    fn a_forum_post_payload_with_non_breaking_spaces_is_explained() {
        let text = "decoded token:\u{a0}{\u{a0}\"aud\": \"https://graph.microsoft.com/\", \"iss\": \"https://sts.windows.net/ea6064aa-d6fc-48d3-abb8-1728e1f39e0b/\", \"roles\": [\"Mail.Read\"], \"appidacr\": \"1\", \"appid\": \"fb461318-f95f-474f-9451-ad6b9952a5fe\", \"tid\": \"ea6064aa-d6fc-48d3-abb8-1728e1f39e0b\", \"ver\": \"1.0\" }";
        let found = scan_claims_json(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ArtifactKind::DecodedClaims);
        assert!(
            found[0].verdict.starts_with("App-only access token (v1)"),
            "{}",
            found[0].verdict
        );
        assert!(found[0]
            .findings
            .iter()
            .any(|f| f.title.contains("signature unknown")));
    }

    #[test]
    fn sub_in_an_app_only_token_is_not_called_a_user() {
        let text = r#"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","idtyp":"app","roles":["Mail.Read"],"oid":"o","sub":"o","exp":1}"#;
        let a = &scan_claims_json(text, &Context::fixed())[0];
        let sub = a
            .sections
            .iter()
            .flat_map(|s| s.fields.iter())
            .find(|f| f.name == "sub")
            .unwrap();
        let meaning = sub.meaning.as_deref().unwrap_or("");
        assert!(meaning.contains("service principal"), "{meaning}");
        assert!(!meaning.contains("of the user"), "{meaning}");
    }
}
