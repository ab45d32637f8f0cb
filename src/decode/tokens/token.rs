//! The typed token record: a header and payload parsed once into typed fields, with the raw maps
//! kept for the claims table and the problems met while decoding.

use serde_json::{Map, Value};

/// Times above this are not Unix seconds (year 5138 and later): usually milliseconds.
pub const LARGEST_SECONDS: i64 = 100_000_000_000;

/// One decoded JWS (or a claim set pasted already decoded), however it was obtained.
#[derive(Debug, Clone, Default)]
pub struct Token {
    /// The header as pasted (empty when only a payload was pasted).
    pub header: Map<String, Value>,
    /// The header parameters the explanations read, typed.
    pub head: Header,
    /// The payload, `None` when it is not a JSON object.
    pub payload: Option<Map<String, Value>>,
    /// The claims the explanations read, typed (all empty without a payload).
    pub claims: Claims,
    /// The payload as text when it is not a JSON object (or could not be parsed).
    pub payload_text: Option<String>,
    /// The signature segment, `None` when the token was cut after the payload.
    pub signature: Option<String>,
    /// The compact form, `None` for claim sets that were pasted already decoded.
    pub compact: Option<String>,
    /// Parts beyond the third (a sign of a broken copy).
    pub extra_parts: usize,
    /// The copy ended in `...` or `…`: a user interface shortened it.
    pub shortened: bool,
    /// The payload was cut, and only the claims before the cut could be read.
    pub payload_partial: bool,
}

/// The header parameters read by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// `alg` when it is a string.
    pub alg: Option<String>,
    pub typ: Option<String>,
    pub kid: Option<String>,
    pub x5t: Option<String>,
    pub x5t_s256: Option<String>,
    /// The `nonce` that Microsoft Graph access tokens carry in their header.
    pub nonce: Option<String>,
}

/// The claims read by name, parsed once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    pub iss: Option<String>,
    /// The first audience (`aud` as a string, or the first of a list).
    pub aud: Option<String>,
    /// `aud` when it was sent as a single string (not a list).
    pub aud_single: Option<String>,
    /// Every audience.
    pub audiences: Vec<String>,
    pub tid: Option<String>,
    /// `appid` (v1) or `azp` (v2).
    pub appid: Option<String>,
    /// `appidacr` (v1) or `azpacr` (v2).
    pub acr: Option<String>,
    /// Which of the two claims carried `acr`.
    pub acr_claim: &'static str,
    pub azp: Option<String>,
    pub scp: Vec<String>,
    pub roles: Vec<String>,
    pub wids: Vec<String>,
    pub amr: Vec<String>,
    pub exp: Option<i64>,
    pub nbf: Option<i64>,
    pub iat: Option<i64>,
    /// One of exp, nbf or iat counts milliseconds instead of seconds.
    pub times_in_milliseconds: bool,
    pub ver: Option<String>,
    pub idtyp: Option<String>,
    pub oid: Option<String>,
    pub sub: Option<String>,
    /// The user's name: `upn`, `preferred_username`, `unique_name`, `email` or the first `emails`.
    pub user: Option<String>,
    pub nameid: Option<String>,
    pub idp: Option<String>,
    pub xms_mirid: Option<String>,
    /// `xms_cc` holds `cp1`: the client handles claims challenges (CAE).
    pub cae: bool,
    pub nonce: bool,
    /// The `appctx` claim of Exchange tokens (a JSON object sent as a string), parsed.
    pub appctx: Option<Map<String, Value>>,
    pub actortoken: Option<String>,
    /// The B2C user flow or custom policy: `tfp`, or `acr` when B2C writes it there.
    pub policy: Option<String>,
    /// The client of another provider's token: `azp`, `client_id` or `cid`.
    pub client: Option<String>,
    pub smtp: Option<String>,
    pub app_displayname: Option<String>,
    /// `gty` (grant type) of other providers' tokens.
    pub gty: Option<String>,
}

/// What could not be read, or was damaged, in a pasted token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The copy ended in `...` or `…`.
    Shortened,
    /// The payload was cut: only the claims before the cut could be read.
    PayloadCut,
    /// The payload is not a JSON object.
    PayloadUnreadable,
    /// More than three dot-separated parts.
    ExtraParts,
}

impl Token {
    /// Builds the record from a header and an optional payload, reading the typed fields once.
    pub fn new(header: Map<String, Value>, payload: Option<Map<String, Value>>) -> Token {
        let head = Header::read(&header);
        let claims = payload.as_ref().map(Claims::read).unwrap_or_default();
        Token {
            header,
            head,
            payload,
            claims,
            ..Token::default()
        }
    }

    /// The problems met while decoding, in the order the explanations report them.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.shortened {
            out.push(Problem::Shortened);
        }
        if self.payload_partial {
            out.push(Problem::PayloadCut);
        }
        if self.payload.is_none() {
            out.push(Problem::PayloadUnreadable);
        }
        if self.extra_parts > 0 {
            out.push(Problem::ExtraParts);
        }
        out
    }
}

impl Header {
    fn read(h: &Map<String, Value>) -> Header {
        Header {
            alg: str_of(h, "alg").map(str::to_string),
            typ: str_of(h, "typ").map(str::to_string),
            kid: text_of(h, "kid"),
            x5t: text_of(h, "x5t"),
            x5t_s256: text_of(h, "x5t#S256"),
            nonce: text_of(h, "nonce"),
        }
    }
}

impl Claims {
    fn read(p: &Map<String, Value>) -> Claims {
        let aud_single = text_of(p, "aud");
        let aud_list = list_of(p, "aud");
        let aud = aud_single.clone().or_else(|| aud_list.first().cloned());
        let audiences = if aud_list.is_empty() {
            aud.iter().cloned().collect()
        } else {
            aud_list
        };
        let times_in_milliseconds = ["exp", "nbf", "iat"]
            .iter()
            .any(|k| time_of(p, k).is_some_and(|t| t >= LARGEST_SECONDS));
        Claims {
            iss: text_of(p, "iss"),
            aud,
            aud_single,
            audiences,
            tid: text_of(p, "tid"),
            appid: text_of(p, "appid").or_else(|| text_of(p, "azp")),
            acr: text_of(p, "appidacr").or_else(|| text_of(p, "azpacr")),
            acr_claim: if p.contains_key("appidacr") {
                "appidacr"
            } else {
                "azpacr"
            },
            azp: text_of(p, "azp"),
            scp: list_of(p, "scp"),
            roles: list_of(p, "roles"),
            wids: list_of(p, "wids"),
            amr: list_of(p, "amr"),
            exp: time_of(p, "exp"),
            nbf: time_of(p, "nbf"),
            iat: time_of(p, "iat"),
            times_in_milliseconds,
            ver: text_of(p, "ver"),
            idtyp: str_of(p, "idtyp").map(str::to_string),
            oid: str_of(p, "oid").map(str::to_string),
            sub: text_of(p, "sub"),
            user: text_of(p, "upn")
                .or_else(|| text_of(p, "preferred_username"))
                .or_else(|| text_of(p, "unique_name"))
                .or_else(|| text_of(p, "email"))
                .or_else(|| list_of(p, "emails").first().cloned()),
            nameid: text_of(p, "nameid"),
            idp: text_of(p, "idp"),
            xms_mirid: str_of(p, "xms_mirid").map(str::to_string),
            cae: list_of(p, "xms_cc").iter().any(|c| c == "cp1"),
            nonce: p.contains_key("nonce"),
            appctx: str_of(p, "appctx")
                .and_then(|a| serde_json::from_str::<Value>(a).ok())
                .and_then(|v| match v {
                    Value::Object(map) => Some(map),
                    _ => None,
                }),
            actortoken: str_of(p, "actortoken").map(str::to_string),
            policy: text_of(p, "tfp").or_else(|| text_of(p, "acr")),
            client: text_of(p, "azp")
                .or_else(|| text_of(p, "client_id"))
                .or_else(|| text_of(p, "cid")),
            smtp: text_of(p, "smtp"),
            app_displayname: text_of(p, "app_displayname"),
            gty: str_of(p, "gty").map(str::to_string),
        }
    }

    /// A value inside the `appctx` claim, on one line.
    pub fn appctx(&self, key: &str) -> Option<String> {
        self.appctx.as_ref()?.get(key).map(compact_value)
    }
}

/// A claim when it is a JSON string.
pub fn str_of<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key).and_then(Value::as_str)
}

/// A claim as a string, whether it was sent as a string, a number or a boolean.
pub fn text_of(map: &Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(v) => Some(v.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A time claim as Unix seconds: numbers and numeric strings (S2S tokens) are both accepted.
pub fn time_of(map: &Map<String, Value>, key: &str) -> Option<i64> {
    match map.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(v) => crate::text::decimal_whole(v.trim()),
        _ => None,
    }
}

/// A list claim: a space-separated string or an array of strings.
pub fn list_of(map: &Map<String, Value>, key: &str) -> Vec<String> {
    match map.get(key) {
        Some(Value::String(v)) => v.split_whitespace().map(str::to_string).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// A JSON value on one line, strings without their quotes.
pub fn compact_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn claims_are_read_once_into_typed_fields() {
        let t = Token::new(
            map(r#"{"alg":"RS256","kid":"k"}"#),
            Some(map(
                r#"{"aud":["a","b"],"azp":"c","azpacr":"2","scp":"x y","exp":"1700000000","xms_cc":["cp1"],"appctx":"{\"smtp\":\"m@x\"}"}"#,
            )),
        );
        assert_eq!(t.head.alg.as_deref(), Some("RS256"));
        assert_eq!(t.claims.aud.as_deref(), Some("a"));
        assert_eq!(t.claims.audiences, ["a", "b"]);
        assert_eq!(t.claims.appid.as_deref(), Some("c"));
        assert_eq!(t.claims.acr_claim, "azpacr");
        assert_eq!(t.claims.scp, ["x", "y"]);
        assert_eq!(t.claims.exp, Some(1_700_000_000));
        assert!(t.claims.cae);
        assert_eq!(t.claims.appctx("smtp").as_deref(), Some("m@x"));
        assert!(t.problems().is_empty());
    }

    #[test]
    fn a_token_without_a_payload_says_so() {
        let t = Token::new(map(r#"{"alg":"RS256"}"#), None);
        assert_eq!(t.problems(), [Problem::PayloadUnreadable]);
    }
}
