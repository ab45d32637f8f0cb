//! Records: a claims request (the `claims` of a Bearer challenge or an AADSTS body), such as
//! `{"access_token":{"acrs":{"essential":true,"value":"c1"}}}`, read into its requested claims.

/// One claim a claims request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimAsk {
    /// The token the claim is asked in (`access_token`, `id_token`).
    pub token: String,
    /// The claim name as written.
    pub name: String,
    /// Its `value` or `values`, or the whole specification when it has neither.
    pub value: String,
}

/// A decoded claims request: the JSON text and the claims it asks for, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimsRequest {
    pub json: String,
    pub asks: Vec<ClaimAsk>,
}

impl ClaimsRequest {
    /// True when a claim named `name` (any case) is asked for.
    pub fn asks_for(&self, name: &str) -> bool {
        self.asks.iter().any(|a| a.name.eq_ignore_ascii_case(name))
    }
}

/// The JSON of a challenge's `claims` parameter: base64-decoded when it decodes to an object,
/// else the value as written.
pub fn claims_param_json(v: &str) -> String {
    crate::text::b64_decode_lenient(v)
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|j| j.trim_start().starts_with('{'))
        .unwrap_or_else(|| v.to_string())
}

/// Reads a claims request; text that is not a JSON object asks for nothing.
pub fn parse(json: &str) -> ClaimsRequest {
    let mut asks = Vec::new();
    if let Ok(serde_json::Value::Object(top)) = serde_json::from_str::<serde_json::Value>(json) {
        for (token, claims) in &top {
            let Some(claims) = claims.as_object() else {
                continue;
            };
            for (name, spec) in claims {
                let value = spec
                    .get("value")
                    .map(|v| v.to_string())
                    .or_else(|| {
                        spec.get("values")
                            .or_else(|| spec.get("Values"))
                            .map(|v| v.to_string())
                    })
                    .unwrap_or_else(|| spec.to_string());
                asks.push(ClaimAsk {
                    token: token.clone(),
                    name: name.clone(),
                    value: value.trim_matches('"').to_string(),
                });
            }
        }
    }
    ClaimsRequest {
        json: json.to_string(),
        asks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_are_read_in_order() {
        let r = parse(
            r#"{"access_token":{"acrs":{"essential":true,"value":"c1"},"nbf":{"value":"1700000000"}}}"#,
        );
        assert_eq!(r.asks.len(), 2);
        assert_eq!(r.asks[0].value, "c1");
        assert!(r.asks_for("NBF") && !r.asks_for("polids"));
        assert!(parse("not json").asks.is_empty());
        assert_eq!(claims_param_json("eyJhIjoxfQ=="), "{\"a\":1}");
        assert_eq!(claims_param_json("plain"), "plain");
    }
}
