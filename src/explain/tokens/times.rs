//! Times: the rules about exp, nbf and iat and the lifetime they give, the usual lifetime of each
//! kind of token, and the end of the verdict that says whether the token can be used now.

use super::view::{Principal, TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::tokens::{self as facts, Lifetime, SKEW};
use crate::report::{Finding, Severity};
use crate::text::{duration_words, relative, utc};

/// The times a rule reads, when none is written in milliseconds.
struct Times {
    exp: Option<i64>,
    nbf: Option<i64>,
    iat: Option<i64>,
}

impl Times {
    fn of(v: &TokenView) -> Option<Times> {
        let c = v.c();
        (!c.times_in_milliseconds).then_some(Times {
            exp: c.exp,
            nbf: c.nbf,
            iat: c.iat,
        })
    }

    /// nbf or iat is not before exp: the token is never valid.
    fn start_after_end(&self) -> bool {
        match (self.exp, self.nbf.into_iter().chain(self.iat).max()) {
            (Some(e), Some(st)) => st >= e,
            _ => false,
        }
    }

    /// nbf, when it is later than now (with the usual skew).
    fn not_yet(&self, ctx: &Context) -> Option<i64> {
        self.nbf.filter(|n| *n > ctx.now + SKEW)
    }

    /// The lifetime, from nbf (or iat) to exp, when it is positive.
    fn life(&self) -> Option<i64> {
        self.exp
            .zip(self.nbf.or(self.iat))
            .map(|(e, st)| e.saturating_sub(st))
            .filter(|l| *l > 0)
    }

    /// exp, when it has passed.
    fn expired(&self, ctx: &Context) -> Option<i64> {
        self.exp.filter(|e| *e < ctx.now)
    }
}

/// `token.times-in-milliseconds`: exp, nbf or iat counts milliseconds.
pub fn times_in_milliseconds(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !v.c().times_in_milliseconds {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Times written in milliseconds",
        "exp, nbf or iat has 13 digits: it counts milliseconds, but JWT times count seconds since 1970 (NumericDate). Read as seconds the token seems valid for tens of thousands of years; many validators reject it and the rest never let it expire. The code that made this token must divide its times by 1000; Microsoft Entra never issues such tokens.",
    )]
}

/// `token.never-valid`: the token expires before it starts.
pub fn never_valid(v: &TokenView, _: &Context) -> Vec<Finding> {
    let Some(t) = Times::of(v).filter(Times::start_after_end) else {
        return Vec::new();
    };
    let (name, when) = match (t.nbf, t.iat) {
        (Some(n), _) if Some(n) >= t.exp => ("nbf", n),
        (_, Some(i)) => ("iat", i),
        (Some(n), None) => ("nbf", n),
        (None, None) => ("iat", 0),
    };
    vec![Finding::new(
        Severity::Error,
        "Expires before it starts",
        format!(
            "{name} ({}) is not before exp ({}), so this token is never valid. Real issuers never write this: the clock of the machine that made the token was wrong or the times were edited by hand.",
            utc(when),
            t.exp.map(utc).unwrap_or_default()
        ),
    )]
}

/// `token.client-assertion-expired`: a client assertion past its exp.
pub fn client_assertion_expired(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    let e = match Times::of(v).and_then(|t| t.expired(ctx)) {
        Some(e) if v.kind == TokenType::ClientAssertion => e,
        _ => return Vec::new(),
    };
    vec![Finding::new(
        Severity::Warning,
        "Client assertion expired",
        format!(
            "The assertion expired on {} ({}). Entra refuses an expired assertion with AADSTS700024 (not within its valid time range); the client library makes a new one for each request, so a stale one means it was cached or replayed, or the clock of the machine that signed it is wrong.",
            utc(e),
            relative(e, ctx.now)
        ),
    )]
}

/// `token.expired`: a token past its exp.
pub fn expired(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    let e = match Times::of(v).and_then(|t| t.expired(ctx)) {
        Some(e) if v.kind != TokenType::ClientAssertion => e,
        _ => return Vec::new(),
    };
    vec![Finding::new(
        Severity::Warning,
        "Token expired",
        format!(
            "The token expired on {} ({}). Any API refuses it now; acquire a new one (Exchange answers 2000002 token_expired, Graph InvalidAuthenticationToken).",
            utc(e),
            relative(e, ctx.now)
        ),
    )]
}

/// `token.within-lifetime`: valid now.
pub fn within_lifetime(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    let Some(t) = Times::of(v) else {
        return Vec::new();
    };
    match t.exp {
        Some(e) if e >= ctx.now && t.not_yet(ctx).is_none() && !t.start_after_end() => {
            vec![Finding::new(
                Severity::Ok,
                "Within its lifetime",
                format!("Valid until {} ({}).", utc(e), relative(e, ctx.now)),
            )]
        }
        _ => Vec::new(),
    }
}

/// `token.no-expiry`: a Microsoft-shaped token without exp.
pub fn no_expiry(v: &TokenView, _: &Context) -> Vec<Finding> {
    match Times::of(v) {
        Some(t) if t.exp.is_none() && v.kind != TokenType::Generic && !v.token.payload_partial => {
            vec![Finding::new(
                Severity::Warning,
                "No expiry",
                "The token has no exp claim; Microsoft APIs reject tokens without one.",
            )]
        }
        _ => Vec::new(),
    }
}

/// `token.not-yet-valid`: nbf is later than now.
pub fn not_yet_valid(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    let Some(n) = Times::of(v).and_then(|t| t.not_yet(ctx)) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Warning,
        "Not yet valid",
        format!(
            "nbf is {} ({}): the token is not valid yet, and APIs refuse it until then. Check the clock of the machine that issued or received it.",
            utc(n),
            relative(n, ctx.now)
        ),
    )]
}

/// `token.issued-in-future`: iat is later than now (and nbf does not already say so).
pub fn issued_in_future(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    let Some(t) = Times::of(v).filter(|t| t.not_yet(ctx).is_none()) else {
        return Vec::new();
    };
    let Some(i) = t.iat.filter(|i| *i > ctx.now + SKEW) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Warning,
        "Issued in the future",
        format!(
            "iat is {} ({}), later than now: the clock of the issuing machine or of this computer is wrong.",
            utc(i),
            relative(i, ctx.now)
        ),
    )]
}

/// `token.cae-client`: the client handles claims challenges, so long lifetimes are normal.
pub fn cae_client(v: &TokenView, _: &Context) -> Vec<Finding> {
    let Some(life) = Times::of(v).and_then(|t| t.life()) else {
        return Vec::new();
    };
    if !v.c().cae {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Client supports continuous access evaluation (CAE)",
        format!(
            "xms_cc holds cp1: the client can handle claims challenges, so CAE-enabled resources (Microsoft Graph, Exchange Online, SharePoint Online) may give it long-lived tokens, up to 28 hours, and revoke them early on critical events such as a disabled account, a password reset or a changed network location. This token lives {}{}.",
            duration_words(life),
            if life > facts::DEFAULT_ACCESS_LIFETIME_CEILING { ", which is normal for a CAE token" } else { "" }
        ),
    )]
}

/// The lifetime of an Entra access token that is not a managed identity's, for the length rules.
fn access_life(v: &TokenView) -> Option<i64> {
    let life = Times::of(v)?.life()?;
    (v.kind == TokenType::EntraAccess && !v.has("xms_mirid")).then_some(life)
}

/// `token.very-short-lifetime`: lives less than five minutes.
pub fn very_short_lifetime(v: &TokenView, _: &Context) -> Vec<Finding> {
    match Times::of(v).and_then(|t| t.life()) {
        Some(life) if life < facts::VERY_SHORT_LIFETIME => vec![Finding::new(
            Severity::Info,
            "Very short lifetime",
            format!("This token lives only {}.", duration_words(life)),
        )],
        _ => Vec::new(),
    }
}

/// `token.unusually-long-lifetime`: an Entra access token living longer than CAE allows.
pub fn unusually_long_lifetime(v: &TokenView, _: &Context) -> Vec<Finding> {
    match access_life(v) {
        Some(life) if life > facts::CAE_MAX_LIFETIME + SKEW => vec![Finding::new(
            Severity::Info,
            "Unusually long lifetime",
            format!(
                "This token lives {}; Entra access tokens normally live 60 to 90 minutes, and at most 28 hours for CAE-capable clients.",
                duration_words(life)
            ),
        )],
        _ => Vec::new(),
    }
}

/// `token.longer-than-default`: an Entra access token living past the default without CAE.
pub fn longer_than_default(v: &TokenView, _: &Context) -> Vec<Finding> {
    match access_life(v) {
        Some(life)
            if life <= facts::CAE_MAX_LIFETIME + SKEW
                && life > facts::DEFAULT_ACCESS_LIFETIME_CEILING
                && !v.c().cae =>
        {
            vec![Finding::new(
                Severity::Info,
                "Longer than the default lifetime",
                format!(
                    "This token lives {}, longer than the default 60 to 90 minutes, and the client did not declare CAE support (no xms_cc cp1). A token lifetime policy assigned to the app or the organisation (configurable token lifetime) can do this; long-lived tokens stay usable after a password reset or account disable until they expire.",
                    duration_words(life)
                ),
            )]
        }
        _ => Vec::new(),
    }
}

/// What lifetime is usual for this kind of token, in words, with a source when there is one.
pub fn usual_lifetime(v: &TokenView) -> Lifetime {
    match v.kind {
        TokenType::EntraAccess if v.has("xms_mirid") => facts::MANAGED_IDENTITY_LIFETIME,
        TokenType::EntraAccess if v.c().cae => facts::CAE_ACCESS_LIFETIME,
        TokenType::EntraAccess if v.who == Principal::AppOnly => facts::APP_ONLY_ACCESS_LIFETIME,
        kind => kind.facts().lifetime,
    }
}

/// The end of the verdict: whether the token can be used now, in words.
pub fn expiry_words(v: &TokenView, ctx: &Context) -> String {
    let c = v.c();
    if c.times_in_milliseconds {
        return ", with its times written in milliseconds instead of seconds, so validators misread them".to_string();
    }
    let start = [c.nbf, c.iat].into_iter().flatten().max();
    match (c.exp, start) {
        (Some(e), Some(st)) if st >= e => {
            ", never valid (it expires before it was issued)".to_string()
        }
        (Some(e), _) if e < ctx.now => format!(", expired {}", relative(e, ctx.now)),
        (Some(e), _) => match c.nbf.filter(|n| *n > ctx.now + SKEW) {
            Some(n) => format!(
                ", not valid until {} ({}) and then for {}",
                utc(n),
                relative(n, ctx.now),
                duration_words(e - n)
            ),
            None => format!(", valid for {} more", duration_words(e - ctx.now)),
        },
        (None, _) => ", with no expiry (exp)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    type Check = fn(&TokenView, &Context) -> Vec<Finding>;

    /// An Entra access token with these time claims (JSON members, may be empty).
    fn view(times: &str) -> TokenView {
        let sep = if times.is_empty() { "" } else { "," };
        TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","scp":"User.Read","upn":"a@b"{sep}{times}}}"#
            ),
        ))
    }

    fn fires(check: Check, times: String) -> bool {
        !check(&view(&times), &Context::fixed()).is_empty()
    }

    fn at(offset: i64) -> i64 {
        Context::fixed().now + offset
    }

    #[test]
    fn times_in_milliseconds_fires_on_13_digits() {
        assert!(fires(
            times_in_milliseconds,
            format!(r#""exp":{}"#, at(3600) * 1000)
        ));
        assert!(!fires(
            times_in_milliseconds,
            format!(r#""exp":{}"#, at(3600))
        ));
    }

    #[test]
    fn never_valid_fires_when_iat_is_after_exp() {
        assert!(fires(
            never_valid,
            format!(r#""iat":{},"exp":{}"#, at(0), at(-10))
        ));
        assert!(!fires(
            never_valid,
            format!(r#""iat":{},"exp":{}"#, at(0), at(10))
        ));
    }

    #[test]
    fn expired_and_within_lifetime_follow_exp() {
        assert!(fires(expired, format!(r#""exp":{}"#, at(-10))));
        assert!(!fires(expired, format!(r#""exp":{}"#, at(10))));
        assert!(fires(within_lifetime, format!(r#""exp":{}"#, at(10))));
        assert!(!fires(within_lifetime, format!(r#""exp":{}"#, at(-10))));
    }

    #[test]
    fn client_assertion_expired_fires_on_an_old_assertion_only() {
        let old = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"aud":"https://login.microsoftonline.com/t/oauth2/v2.0/token","iss":"c","sub":"c","exp":{}}}"#,
                at(-10)
            ),
        ));
        assert_eq!(client_assertion_expired(&old, &Context::fixed()).len(), 1);
        assert!(!fires(
            client_assertion_expired,
            format!(r#""exp":{}"#, at(-10))
        ));
    }

    #[test]
    fn no_expiry_fires_on_an_entra_token_without_exp() {
        assert!(fires(no_expiry, String::new()));
        assert!(!fires(no_expiry, format!(r#""exp":{}"#, at(10))));
    }

    #[test]
    fn not_yet_valid_and_issued_in_future_fire_on_future_times() {
        assert!(fires(
            not_yet_valid,
            format!(r#""nbf":{},"exp":{}"#, at(3600), at(7200))
        ));
        assert!(!fires(
            not_yet_valid,
            format!(r#""nbf":{},"exp":{}"#, at(0), at(7200))
        ));
        assert!(fires(
            issued_in_future,
            format!(r#""iat":{},"exp":{}"#, at(3600), at(7200))
        ));
        assert!(!fires(
            issued_in_future,
            format!(r#""iat":{},"exp":{}"#, at(0), at(7200))
        ));
    }

    #[test]
    fn lifetime_rules_follow_the_length_and_cae() {
        let life = |secs: i64, cae: bool| {
            format!(
                r#""iat":{},"exp":{}{}"#,
                at(0),
                at(secs),
                if cae { r#","xms_cc":["cp1"]"# } else { "" }
            )
        };
        assert!(fires(cae_client, life(3600, true)));
        assert!(!fires(cae_client, life(3600, false)));
        assert!(fires(very_short_lifetime, life(60, false)));
        assert!(!fires(very_short_lifetime, life(3600, false)));
        assert!(fires(unusually_long_lifetime, life(30 * 3600, false)));
        assert!(!fires(unusually_long_lifetime, life(3600, false)));
        assert!(fires(longer_than_default, life(5 * 3600, false)));
        assert!(!fires(longer_than_default, life(5 * 3600, true)));
    }
}
