//! Rules over WWW-Authenticate challenges: the schemes a response offers, Bearer errors, an
//! Exchange challenge without `authorization_uri`, UCWA, Basic. Each rule has its test below.

use crate::context::Context;
use crate::decode::http::challenge::Challenge;
use crate::explain::rule::Rule;
use crate::knowledge::aadsts as oauth;
use crate::knowledge::apps::ids::EXCHANGE;
use crate::knowledge::http_auth::{self, BEARER_ERRORS, HMA_CHECKS};
use crate::knowledge::sources;
use crate::report::{Finding, Severity, Step};

const HMA_SOURCE: &str = sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const RFC6750: &str = sources::RFC_RFC6750_SECTION_3_1;
const UCWA_SOURCE: &str = sources::UCWA_AUTHENTICATIONINUCWA;

/// One challenge as the rules see it: the challenge and whether it is the only one offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub challenge: Challenge,
    pub alone: bool,
}

/// Rules over the whole list of challenges of one header value (run first).
pub const OFFER_RULES: &[Rule<[Challenge]>] = &[Rule {
    id: "challenge.schemes",
    severity: Severity::Info,
    title: "A response offers several authentication schemes",
    source: Some(sources::RFC_RFC9110_SECTION_11_6_1),
    check: schemes_offered,
}];

/// Rules over each challenge, in the order their findings appear.
pub const RULES: &[Rule<Offer>] = &[
    Rule {
        id: "challenge.bearer-error",
        severity: Severity::Warning,
        title: "A Bearer challenge names an error",
        source: Some(RFC6750),
        check: bearer_error,
    },
    Rule {
        id: "challenge.no-authorization-uri",
        severity: Severity::Warning,
        title: "An Exchange Bearer challenge has no authorization_uri (HMA not advertised)",
        source: Some(HMA_SOURCE),
        check: no_authorization_uri,
    },
    Rule {
        id: "challenge.ucwa",
        severity: Severity::Info,
        title: "A Skype for Business / Lync UCWA challenge (MsRtcOAuth)",
        source: Some(UCWA_SOURCE),
        check: ucwa,
    },
    Rule {
        id: "challenge.basic-offered",
        severity: Severity::Info,
        title: "Basic authentication is the only scheme offered",
        source: Some(sources::RFC_RFC7617),
        check: basic_offered,
    },
];

fn schemes_offered(challenges: &[Challenge], _: &Context) -> Vec<Finding> {
    if challenges.len() < 2 {
        return Vec::new();
    }
    let has = |name: &str| challenges.iter().any(|c| c.is(name));
    let mut names: Vec<&str> = Vec::new();
    for c in challenges {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&c.scheme)) {
            names.push(c.scheme.as_str());
        }
    }
    let bearer = challenges.iter().find(|c| c.is("bearer"));
    let mut f = Finding::new(
        Severity::Info,
        format!("Schemes offered: {}", names.join(", ")),
        "The server offered these schemes in one response; a client picks one it supports, usually the strongest.",
    )
    .source(sources::RFC_RFC9110_SECTION_11_6_1);
    f = match bearer {
        Some(b) if b.get("authorization_uri").is_some() => f.cause(
            "Bearer with authorization_uri: modern authentication (OAuth) is offered, and clients that support it are pointed at Microsoft Entra ID to sign in.",
        ),
        Some(_) => f.cause(
            "Bearer without authorization_uri: the endpoint accepts OAuth tokens (server-to-server, such as hybrid free/busy), but clients are not pointed at a sign-in page; in Exchange that means hybrid modern authentication is not set up as the default authorization endpoint.",
        ),
        None => f.cause(
            "No Bearer: modern authentication (OAuth) is not offered on this endpoint, so Outlook and mobile clients cannot use hybrid modern authentication here and fall back to the other schemes (or fail where those are blocked).",
        ),
    };
    if has("negotiate") {
        f = f.cause("Negotiate: Windows integrated authentication, Kerberos when the client can get a ticket for the host, NTLM otherwise.");
    }
    if has("ntlm") {
        f = f.cause("NTLM: Windows integrated authentication without Kerberos.");
    }
    if has("basic") {
        f = f.cause("Basic: the user name and password travel with every request; Exchange Online no longer accepts Basic authentication for its client protocols.");
    }
    if bearer.is_none() {
        f = f.step(
            Step::new("If clients should use modern authentication on this endpoint, enable hybrid modern authentication (or check that the virtual directory allows OAuth), then look for a Bearer challenge again.")
        );
    }
    vec![f]
}

fn bearer_error(offer: &Offer, _: &Context) -> Vec<Finding> {
    let c = &offer.challenge;
    let Some(err) = c.get("error").filter(|_| c.is("bearer")) else {
        return Vec::new();
    };
    if err.eq_ignore_ascii_case("insufficient_claims") {
        return Vec::new();
    }
    let meaning = http_auth::lookup(BEARER_ERRORS, err)
        .map(|t| t.meaning.to_string())
        .or_else(|| oauth::oauth_error(err).map(|e| e.meaning.to_string()))
        .unwrap_or_else(|| "The resource refused the request.".into());
    let mut f = Finding::new(
        Severity::Warning,
        format!("Bearer error {err}"),
        format!("The resource refused the token: {meaning}. A matching x-ms-diagnostics header, when present, says why."),
    );
    if let Some(d) = c.get("error_description") {
        f = f.cause(d.to_string());
    }
    vec![f.source(RFC6750)]
}

fn no_authorization_uri(offer: &Offer, _: &Context) -> Vec<Finding> {
    let c = &offer.challenge;
    let exchange = c
        .get("client_id")
        .is_some_and(|id| id.eq_ignore_ascii_case(EXCHANGE));
    if !c.is("bearer") || !exchange || c.get("authorization_uri").is_some() {
        return Vec::new();
    }
    let mut f = Finding::new(
        Severity::Warning,
        "No authorization_uri: hybrid modern authentication (HMA) is not advertised",
        "This Exchange Bearer challenge has no authorization_uri, so clients are not told where to get an Entra token. Exchange adds it only when an EvoSts auth server is the default authorization endpoint (hybrid modern auth configured).",
    )
    .cause("EvoSts is missing or IsDefaultAuthorizationEndpoint is False on it.")
    .cause("Hybrid modern authentication was never enabled (HCW run without HMA), or OAuth is not available for this protocol or domain.")
    .source(HMA_SOURCE);
    for fix in HMA_CHECKS {
        f = f.step(fix.to_step());
    }
    vec![f]
}

fn ucwa(offer: &Offer, _: &Context) -> Vec<Finding> {
    if !offer.challenge.is("msrtcoauth") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Skype for Business / Lync UCWA challenge (MsRtcOAuth)",
        "UCWA wants an OAuth token from the href URL, using one of the listed grant types. UCWA tokens last 8 hours for signed-in users and 1 hour for anonymous meeting join; the token is sent back as 'Authorization: Bearer cwt=...'.",
    )
    .source(UCWA_SOURCE)]
}

fn basic_offered(offer: &Offer, _: &Context) -> Vec<Finding> {
    // With several schemes the combined note already says what Basic means.
    if !offer.alone || !offer.challenge.is("basic") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Basic authentication offered",
        "The server also accepts a user name and password, sent base64-encoded (not encrypted) in every request.",
    )
    .source(sources::RFC_RFC7617)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::http::challenge::parse_challenges;
    use crate::explain::rule::run;

    fn offer(value: &str) -> Offer {
        let (mut c, _) = parse_challenges(value);
        Offer {
            challenge: c.remove(0),
            alone: c.is_empty(),
        }
    }

    fn ids(value: &str) -> Vec<&'static str> {
        let ctx = Context::fixed();
        run(RULES, &offer(value), &ctx)
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn schemes_fire_only_on_several() {
        let ctx = Context::fixed();
        let (two, _) = parse_challenges("Negotiate, Basic realm=\"x\"");
        let found = run(OFFER_RULES, &two, &ctx);
        assert_eq!(found[0].rule, "challenge.schemes");
        assert!(found[0].causes.iter().any(|c| c.starts_with("No Bearer")));
        let (one, _) = parse_challenges("Negotiate");
        assert!(run(OFFER_RULES, &one, &ctx).is_empty());
    }

    #[test]
    fn bearer_error_fires_except_for_claims() {
        assert_eq!(
            ids("Bearer error=\"invalid_token\""),
            ["challenge.bearer-error"]
        );
        assert!(ids("Bearer error=\"insufficient_claims\"").is_empty());
        assert!(ids("Bearer realm=\"x\"").is_empty());
    }

    #[test]
    fn no_authorization_uri_fires_for_exchange_only() {
        let exchange = format!("Bearer client_id=\"{EXCHANGE}\", realm=\"x\"");
        assert_eq!(ids(&exchange), ["challenge.no-authorization-uri"]);
        let with_uri = format!("{exchange}, authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\"");
        assert!(ids(&with_uri).is_empty());
        assert!(ids("Bearer client_id=\"someone-else\", realm=\"x\"").is_empty());
    }

    #[test]
    fn ucwa_fires_on_msrtcoauth() {
        assert_eq!(
            ids("MsRtcOAuth href=\"https://x/WebTicket/oauthtoken\",grant_type=\"password\""),
            ["challenge.ucwa"]
        );
        assert!(ids("Bearer realm=\"x\"").is_empty());
    }

    #[test]
    fn basic_fires_only_alone() {
        assert_eq!(
            ids("Basic realm=\"mail.contoso.com\""),
            ["challenge.basic-offered"]
        );
        let ctx = Context::fixed();
        let not_alone = Offer {
            alone: false,
            ..offer("Basic realm=\"x\"")
        };
        assert!(run(RULES, &not_alone, &ctx).is_empty());
    }
}
