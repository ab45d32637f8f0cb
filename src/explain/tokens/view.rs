//! The view the token rules read: the token record, its payload and its classification (kind of
//! token, who it speaks for, format version), built once before any rule runs.

use crate::decode::tokens::Token;
use crate::knowledge::tokens as facts;
use crate::report::TokenEvidence;
use serde_json::{Map, Value};

/// What kind of token the claims describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenType {
    EntraAccess,
    EntraId,
    ExchangeIdentity,
    ExchangeCallback,
    S2sActor,
    S2sOuter,
    B2c,
    Adfs,
    /// A JWT an app signs to authenticate itself at the token endpoint (`client_assertion`).
    ClientAssertion,
    /// An Entra token whose payload was cut before the claims that tell access and ID tokens apart.
    EntraUncertain,
    Generic,
}

impl TokenType {
    /// The key of this kind in `knowledge::tokens::KINDS`.
    pub const fn key(self) -> &'static str {
        match self {
            TokenType::EntraAccess => "entra-access",
            TokenType::EntraId => "entra-id",
            TokenType::ExchangeIdentity => "exchange-identity",
            TokenType::ExchangeCallback => "exchange-callback",
            TokenType::S2sActor => "s2s-actor",
            TokenType::S2sOuter => "s2s-outer",
            TokenType::B2c => "b2c",
            TokenType::Adfs => "adfs",
            TokenType::ClientAssertion => "client-assertion",
            TokenType::EntraUncertain => "entra-uncertain",
            TokenType::Generic => "generic",
        }
    }

    /// The facts about this kind of token.
    pub fn facts(self) -> &'static facts::Kind {
        facts::kind_by_key(self.key()).unwrap_or(&facts::KINDS[0])
    }
}

/// Who the token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    AppOnly,
    Delegated,
    Unknown,
}

/// A token with its classification: what every token rule and section reads.
pub struct TokenView {
    pub token: Token,
    pub kind: TokenType,
    pub who: Principal,
    /// `v1`, `v2` or `ver <x>` for Entra-shaped tokens.
    pub ver: Option<String>,
    /// Pasted as decoded JSON: no compact form and no signature.
    pub decoded_only: bool,
    /// The evidence the correlator gets, built from the classification.
    pub evidence: TokenEvidence,
}

/// The payload of a token that has none.
static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();

impl TokenView {
    /// Classifies a token once.
    pub fn new(token: Token) -> TokenView {
        let p = token
            .payload
            .as_ref()
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new));
        let mut kind = token_type(&token, p);
        if token.payload_partial && kind == TokenType::EntraId && cut_may_hide_access_claims(p) {
            kind = TokenType::EntraUncertain;
        }
        let who = principal(kind, &token, p);
        // Other identity providers use ver for their own numbering (Okta writes 1), not Entra's.
        let ver = if matches!(kind, TokenType::Generic | TokenType::ClientAssertion) {
            None
        } else {
            version(&token)
        };
        let decoded_only = token.compact.is_none();
        let evidence = evidence(&token, kind, who, decoded_only);
        TokenView {
            token,
            kind,
            who,
            ver,
            decoded_only,
            evidence,
        }
    }

    /// The payload (an empty map when it could not be read).
    pub fn p(&self) -> &Map<String, Value> {
        self.token
            .payload
            .as_ref()
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
    }

    /// The typed claims.
    pub fn c(&self) -> &crate::decode::tokens::Claims {
        &self.token.claims
    }

    /// Whether the payload holds this claim.
    pub fn has(&self, claim: &str) -> bool {
        self.p().contains_key(claim)
    }

    /// Whether the header and payload could both be read.
    pub fn has_payload(&self) -> bool {
        self.token.payload.is_some()
    }
}

/// What the correlator needs, from the record and its classification.
fn evidence(token: &Token, kind: TokenType, who: Principal, decoded_only: bool) -> TokenEvidence {
    let c = &token.claims;
    let alg = token.head.alg.clone().unwrap_or_default();
    let mut evidence = TokenEvidence {
        decoded_only,
        compact: token.compact.clone(),
        alg: (!alg.is_empty()).then_some(alg),
        kid: token.head.kid.clone(),
        x5t: token.head.x5t.clone(),
        header_nonce: token.head.nonce.clone(),
        ..Default::default()
    };
    if token.payload.is_none() {
        return evidence;
    }
    evidence.app_only = who == Principal::AppOnly;
    evidence.delegated = who == Principal::Delegated;
    evidence.appidacr = c.acr.clone();
    evidence.aud = c.aud.clone();
    evidence.tid = c.tid.clone().or_else(|| {
        c.iss
            .as_deref()
            .and_then(|i| i.split_once('@'))
            .map(|(_, realm)| realm.to_string())
    });
    evidence.appid = c
        .appid
        .clone()
        .or_else(|| {
            (kind == TokenType::ClientAssertion)
                .then(|| c.iss.clone())
                .flatten()
        })
        .or_else(|| {
            c.nameid
                .as_deref()
                .map(|n| n.split('@').next().unwrap_or("").to_string())
        });
    evidence.roles = c.roles.clone();
    evidence.scopes = c.scp.clone();
    evidence.issuer = c.iss.clone();
    evidence.exp = c.exp;
    evidence.client_assertion = kind == TokenType::ClientAssertion;
    evidence
}

fn token_type(token: &Token, p: &Map<String, Value>) -> TokenType {
    let c = &token.claims;
    let appctx_version = c
        .appctx
        .as_ref()
        .and_then(|a| a.get("version").and_then(Value::as_str))
        .unwrap_or_default();
    if appctx_version.starts_with("ExIdTok") {
        return TokenType::ExchangeIdentity;
    }
    if appctx_version.starts_with("ExCallback")
        || p.contains_key("msexchcallback")
        || appctx_version.starts_with("MsExtension")
    {
        return TokenType::ExchangeCallback;
    }
    let alg = token.head.alg.as_deref().unwrap_or("");
    if p.contains_key("actortoken") {
        return TokenType::S2sOuter;
    }
    let iss = c.iss.as_deref().unwrap_or("");
    let principal_at_realm = !iss.contains("://") && iss.contains('@');
    if p.contains_key("nameid") && principal_at_realm {
        return TokenType::S2sActor;
    }
    if alg.eq_ignore_ascii_case("none") && principal_at_realm {
        return TokenType::S2sOuter;
    }
    if is_token_endpoint(c.aud_single.as_deref().unwrap_or_default()) && !iss.contains("://") {
        return TokenType::ClientAssertion;
    }
    let lower = iss.to_ascii_lowercase();
    if lower.contains(facts::B2C_ISSUER_MARK) {
        return TokenType::B2c;
    }
    if lower.contains(facts::ADFS_ISSUER_MARK) {
        return TokenType::Adfs;
    }
    let entra = facts::ENTRA_ISSUER_HOSTS.iter().any(|h| lower.contains(h));
    entra_type(p, entra)
}

/// Access or ID token, for a token an Entra issuer (or a `tid`) marks as Entra's.
fn entra_type(p: &Map<String, Value>, entra: bool) -> TokenType {
    let access = ["scp", "roles", "appid", "azp", "idtyp"]
        .iter()
        .any(|c| p.contains_key(*c));
    if !(entra || p.contains_key("tid")) {
        return TokenType::Generic;
    }
    if access && !p.contains_key("nonce") {
        return TokenType::EntraAccess;
    }
    if p.contains_key("nonce") || p.contains_key("at_hash") || p.contains_key("c_hash") {
        return TokenType::EntraId;
    }
    if access {
        return TokenType::EntraAccess;
    }
    TokenType::EntraId
}

/// Whether an audience is an Entra token endpoint, the audience of a client assertion.
pub fn is_token_endpoint(aud: &str) -> bool {
    let lower = aud.to_ascii_lowercase();
    let path = lower.split('?').next().unwrap_or("").trim_end_matches('/');
    lower.starts_with(facts::SECURE_SCHEME)
        && facts::TOKEN_ENDPOINT_PATHS
            .iter()
            .any(|p| path.ends_with(p))
}

/// Whether the claims before a cut could still hold the claims that make an access token.
fn cut_may_hide_access_claims(p: &Map<String, Value>) -> bool {
    ![
        "scp", "roles", "appid", "azp", "idtyp", "nonce", "at_hash", "c_hash",
    ]
    .iter()
    .any(|c| p.contains_key(*c))
}

fn principal(kind: TokenType, token: &Token, p: &Map<String, Value>) -> Principal {
    match token.claims.idtyp.as_deref() {
        Some("app") => return Principal::AppOnly,
        Some("user") => return Principal::Delegated,
        _ => {}
    }
    match kind {
        TokenType::S2sActor | TokenType::ClientAssertion => return Principal::AppOnly,
        TokenType::S2sOuter | TokenType::ExchangeIdentity | TokenType::EntraId => {
            return Principal::Delegated
        }
        _ => {}
    }
    if kind == TokenType::Generic {
        return match token.claims.gty.as_deref() {
            Some("client-credentials") => Principal::AppOnly,
            _ if p.contains_key("uid") || p.contains_key("email") => Principal::Delegated,
            _ => Principal::Unknown,
        };
    }
    if p.contains_key("scp") {
        return Principal::Delegated;
    }
    let user_claims = [
        "upn",
        "unique_name",
        "preferred_username",
        "name",
        "email",
        "given_name",
    ]
    .iter()
    .any(|c| p.contains_key(*c));
    let oid = token.claims.oid.as_deref();
    let oid_is_sub = oid.is_some() && oid == token.claims.sub.as_deref();
    if kind == TokenType::EntraUncertain {
        return if user_claims {
            Principal::Delegated
        } else {
            Principal::Unknown
        };
    }
    if kind == TokenType::EntraAccess {
        if p.contains_key("roles") && (oid_is_sub || !user_claims) {
            return Principal::AppOnly;
        }
        if !user_claims && (p.contains_key("appid") || p.contains_key("azp")) {
            return Principal::AppOnly;
        }
        if user_claims {
            return Principal::Delegated;
        }
    }
    Principal::Unknown
}

fn version(token: &Token) -> Option<String> {
    let ver = token.claims.ver.as_deref()?;
    Some(match ver {
        "1.0" | "1" => "v1".to_string(),
        "2.0" | "2" => "v2".to_string(),
        _ => format!("ver {ver}"),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A token record from a header and payload written as JSON, as a compact token would be.
    pub fn token(header: &str, payload: &str) -> Token {
        let mut t = Token::new(
            serde_json::from_str(header).unwrap(),
            Some(serde_json::from_str(payload).unwrap()),
        );
        t.compact = Some("x.y.z".to_string());
        t.signature = Some("QUJD".repeat(86));
        t
    }

    #[test]
    fn every_kind_has_its_facts() {
        for kind in [
            TokenType::EntraAccess,
            TokenType::EntraId,
            TokenType::ExchangeIdentity,
            TokenType::ExchangeCallback,
            TokenType::S2sActor,
            TokenType::S2sOuter,
            TokenType::B2c,
            TokenType::Adfs,
            TokenType::ClientAssertion,
            TokenType::EntraUncertain,
            TokenType::Generic,
        ] {
            assert_eq!(
                facts::kind_by_key(kind.key()).map(|k| k.key),
                Some(kind.key())
            );
        }
    }

    #[test]
    fn tokens_are_classified_by_kind_and_principal() {
        let t = token(
            r#"{"alg":"RS256"}"#,
            r#"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","roles":["Mail.Read"],"appid":"a"}"#,
        );
        let v = TokenView::new(t);
        assert_eq!(
            (v.kind, v.who),
            (TokenType::EntraAccess, Principal::AppOnly)
        );
        let t = token(
            r#"{"alg":"RS256","x5t":"k"}"#,
            r#"{"aud":"https://login.microsoftonline.com/t/oauth2/v2.0/token","iss":"c","sub":"c"}"#,
        );
        let v = TokenView::new(t);
        assert_eq!(v.kind, TokenType::ClientAssertion);
        assert!(v.evidence.client_assertion);
    }
}
