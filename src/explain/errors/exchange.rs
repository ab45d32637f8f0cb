//! Cards and rules for Exchange OAuth exception texts: Missing signing certificate, trusted issuers
//! not configured locally, remote server returned 401, and the hybrid REST preview message.

use crate::context::Context;
use crate::decode::errors::service::ExchangeMessage;
use crate::explain::rule::{self, Rule};
use crate::knowledge::exchange_auth as auth;
use crate::knowledge::{apps, sources};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};

/// The card of one Exchange message.
pub fn card(m: &ExchangeMessage, ctx: &Context) -> Artifact {
    let (kind, title, verdict) = match m {
        ExchangeMessage::MissingSigningCertificate { .. } => (
            ArtifactKind::Exception,
            "Exchange OAuth exception: Missing signing certificate",
            "Exchange could not sign its own server-to-server token: the auth certificate named in Get-AuthConfig is missing on this server.",
        ),
        ExchangeMessage::UntrustedIssuers { .. } => (
            ArtifactKind::Exception,
            "Exchange OAuth exception: trusted issuers not configured locally",
            "The partner's challenge listed issuers this Exchange organization has no auth server for.",
        ),
        ExchangeMessage::Remote401 { web_cmdlet: true, .. } => (
            ArtifactKind::Exception,
            "Remote server returned 401 Unauthorized",
            "The server refused the PowerShell web request with HTTP 401; the exception text itself does not say why.",
        ),
        ExchangeMessage::Remote401 { .. } => (
            ArtifactKind::Exception,
            "Remote server returned 401 Unauthorized",
            "The target server refused the request Exchange (or the client) sent it.",
        ),
        ExchangeMessage::RestPreview { .. } => (
            ArtifactKind::ServiceError,
            "Hybrid REST: REST APIs for this mailbox are currently in preview",
            "The mailbox is on Exchange Server in a hybrid deployment; this API is not served for it.",
        ),
    };
    let mut a = Artifact::new(kind, m.span(), title);
    a.verdict = verdict.into();
    if let ExchangeMessage::UntrustedIssuers { issuers, .. } = m {
        let mut s = Section::new("Trusted issuers in the message");
        for part in issuers {
            let (p, r) = part.split_once('@').unwrap_or((part, ""));
            let mut f = Field::new("trusted issuer", part.clone())
                .meaning(format!("issuer principal {p}, realm '{r}'"));
            if let Some(app) = apps::app_by_id(p) {
                f = f.shown(app.name).source(app.source);
            }
            s.push(f);
        }
        a.sections.push(s);
    }
    a.findings = rule::run(RULES, m, ctx);
    a
}

/// The rules over one Exchange message; each reads one kind of message.
pub const RULES: &[Rule<ExchangeMessage>] = &[
    Rule {
        id: "exchange.missing-signing-certificate",
        severity: Severity::Error,
        title: "The Exchange auth certificate is missing",
        source: Some(auth::AUTH_CERT_SOURCE),
        check: missing_signing_certificate,
    },
    Rule {
        id: "exchange.untrusted-issuers",
        severity: Severity::Error,
        title: "No local auth server matches the partner's trusted issuers",
        source: Some(sources::S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY),
        check: untrusted_issuers,
    },
    Rule {
        id: "exchange.remote-401",
        severity: Severity::Warning,
        title: "The remote server answered 401 Unauthorized",
        source: None,
        check: remote_401,
    },
    Rule {
        id: "exchange.rest-preview",
        severity: Severity::Error,
        title: "The mailbox is on-premises in a hybrid deployment (REST in preview)",
        source: Some(sources::HYBRID_DEPLOYMENT_HYBRID_DEPLOYMENT_PREREQUISITES),
        check: rest_preview,
    },
];

fn missing_signing_certificate(m: &ExchangeMessage, _: &Context) -> Vec<Finding> {
    if !matches!(m, ExchangeMessage::MissingSigningCertificate { .. }) {
        return Vec::new();
    }
    let mut f = Finding::new(
        Severity::Error,
        "The Exchange auth certificate is missing",
        "Outgoing OAuth (free/busy, hybrid, Test-OAuthConnectivity) needs the 'Microsoft Exchange Server Auth Certificate' whose thumbprint is in Get-AuthConfig CurrentCertificateThumbprint. It is missing, expired or lacks its private key.",
    )
    .cause("The auth certificate expired or was deleted.")
    .cause("CurrentCertificateThumbprint is empty or names a certificate that is not installed on every Exchange server.")
    .source(auth::AUTH_CERT_SOURCE);
    for fix in auth::AUTH_CERT_STEPS {
        f = f.step(fix.to_step());
    }
    vec![f]
}

fn untrusted_issuers(m: &ExchangeMessage, _: &Context) -> Vec<Finding> {
    if !matches!(m, ExchangeMessage::UntrustedIssuers { .. }) {
        return Vec::new();
    }
    let mut f = Finding::new(
        Severity::Error,
        "No local auth server matches the partner's trusted issuers",
        "Exchange asked the target for a challenge and none of the issuers it trusts is configured here (Get-AuthServer).",
    );
    for cause in auth::UNTRUSTED_ISSUER_CAUSES {
        f = f.cause(*cause);
    }
    for fix in auth::UNTRUSTED_ISSUER_FIXES {
        f = f.step(fix.to_step());
    }
    vec![f.source(sources::S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY)]
}

fn remote_401(m: &ExchangeMessage, _: &Context) -> Vec<Finding> {
    let ExchangeMessage::Remote401 {
        web_cmdlet,
        headers_pasted,
        ..
    } = *m
    else {
        return Vec::new();
    };
    if !web_cmdlet {
        return vec![Finding::new(
            Severity::Warning,
            "The target answered 401 Unauthorized",
            "The reason is in that response's x-ms-diagnostics and WWW-Authenticate headers; Test-OAuthConnectivity -Verbose prints them.",
        )
        .step(auth::TEST_OAUTH_TARGET.to_step())
        .source(sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS)];
    }
    let mut f = Finding::new(
        Severity::Warning,
        "The server answered 401 Unauthorized",
        if headers_pasted {
            "The response headers pasted with it (WWW-Authenticate, x-ms-diagnostics) carry the reason; they are explained in their own cards."
        } else {
            "The reason is in the response's WWW-Authenticate and x-ms-diagnostics headers, which the exception message leaves out."
        },
    )
    .source(sources::MICROSOFT_POWERSHELL_UTILITY_INVOKE_RESTMETHOD);
    if !headers_pasted {
        f = f.step(auth::PRINT_RESPONSE_HEADERS.to_step());
    }
    vec![f]
}

fn rest_preview(m: &ExchangeMessage, _: &Context) -> Vec<Finding> {
    if matches!(m, ExchangeMessage::RestPreview { .. }) {
        vec![super::service::rest_preview_finding()]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    const SPAN: Span = Span { start: 0, end: 1 };

    fn fired(m: &ExchangeMessage) -> Vec<&'static str> {
        rule::run(RULES, m, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn each_rule_reads_its_own_message() {
        let missing = ExchangeMessage::MissingSigningCertificate { span: SPAN };
        assert_eq!(fired(&missing), ["exchange.missing-signing-certificate"]);
        let issuers = ExchangeMessage::UntrustedIssuers {
            span: SPAN,
            issuers: vec!["a@b".into()],
        };
        assert_eq!(fired(&issuers), ["exchange.untrusted-issuers"]);
        let preview = ExchangeMessage::RestPreview { span: SPAN };
        assert_eq!(fired(&preview), ["exchange.rest-preview"]);
    }

    #[test]
    fn remote_401_asks_for_headers_only_when_missing() {
        let m = |web_cmdlet, headers_pasted| ExchangeMessage::Remote401 {
            span: SPAN,
            web_cmdlet,
            headers_pasted,
        };
        let f = RULES[2].apply(&m(true, false), &Context::fixed());
        assert_eq!(f[0].steps.len(), 1);
        assert!(RULES[2].apply(&m(true, true), &Context::fixed())[0]
            .steps
            .is_empty());
        assert!(RULES[2].apply(&m(false, false), &Context::fixed())[0]
            .title
            .contains("target"));
        assert!(RULES[0]
            .apply(&m(false, false), &Context::fixed())
            .is_empty());
    }
}
