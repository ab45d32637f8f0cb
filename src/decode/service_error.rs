//! Decoder: Microsoft Graph and EWS error bodies, the hybrid "REST APIs for this mailbox are
//! currently in preview" message, and Exchange OAuth exception texts (Missing signing certificate,
//! trusted issuers not configured locally, remote server returned 401).

use crate::context::Context;
use crate::knowledge::graph_errors;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};
use crate::textmap;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Facts about Exchange messages that no shared table holds, each with its public source.
// ---------------------------------------------------------------------------------------------

const PS_WEB_RESPONSE: &str =
    crate::knowledge::sources::MICROSOFT_POWERSHELL_UTILITY_INVOKE_RESTMETHOD;
const FREE_BUSY: &str = crate::knowledge::sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS;
const REST_HYBRID: &str =
    crate::knowledge::sources::HYBRID_DEPLOYMENT_HYBRID_DEPLOYMENT_PREREQUISITES;
const VIANET_QA: &str =
    crate::knowledge::sources::S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY;
const GRAPH_ERRORS: &str = crate::knowledge::sources::GRAPH_ERRORS;
const EWS_ERRORS: &str = crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE;

/// Steps that replace a missing Exchange auth (OAuth signing) certificate.
const AUTH_CERT_STEPS: &[(&str, &str)] = &[
    ("See which auth certificate Exchange is configured to sign with.", "Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate"),
    ("Check that the certificate with that thumbprint exists on every Exchange server and has not expired (empty output = missing).", "Get-ExchangeCertificate -Thumbprint <CurrentCertificateThumbprint> | Format-List Subject,NotAfter,HasPrivateKey"),
    ("If it is missing or expired, create a new auth certificate (answer No when asked to replace the default SMTP certificate).", "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP"),
    ("Make it the next auth certificate, effective now.", "Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date)"),
    ("Publish it and drop the old one.", "Set-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate"),
    ("Restart the OWA and ECP application pools; in a hybrid deployment rerun the Hybrid Configuration Wizard so Exchange Online gets the new certificate.", "Restart-WebAppPool MSExchangeOWAAppPool\nRestart-WebAppPool MSExchangeECPAppPool"),
];

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    graph_bodies(text, &mut out);
    ews_codes(text, &mut out);
    exchange_messages(text, &mut out);
    out
}

/// `{"error":{"code":"...","message":"...","innerError":{...}}}` and `{"odata.error":{...}}`.
fn graph_bodies(text: &str, out: &mut Vec<Artifact>) {
    let mut covered = 0;
    for key in ["\"error\"", "\"odata.error\""] {
        for at in textmap::find_all_ci(text, key) {
            if at < covered {
                continue;
            }
            let rest = text[at + key.len()..].trim_start();
            let Some(rest) = rest.strip_prefix(':') else {
                continue;
            };
            if !rest.trim_start().starts_with('{') {
                continue;
            }
            let Some(open) = text[..at].rfind('{') else {
                continue;
            };
            let Some(end) = matching(text, open) else {
                continue;
            };
            let Ok(v) = serde_json::from_str::<Value>(&text[open..end]) else {
                continue;
            };
            let err = v.get("error").or_else(|| v.get("odata.error"));
            let Some(err) = err.filter(|e| e.is_object()) else {
                continue;
            };
            let Some(code) = err.get("code").and_then(Value::as_str) else {
                continue;
            };
            let message = match err.get("message") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Object(m)) => m
                    .get("value")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                _ => String::new(),
            };
            covered = end;
            let mut a = service_artifact(
                "Microsoft Graph error",
                code,
                &message,
                Span::new(open, end),
            );
            let inner = err.get("innerError").or_else(|| err.get("innererror"));
            if let Some(Value::Object(inner)) = inner {
                let mut s = Section::new("innerError");
                for (k, val) in inner {
                    let shown = val.as_str().map_or_else(|| val.to_string(), str::to_string);
                    let mut f = Field::new(k.clone(), shown);
                    if k == "request-id" || k == "client-request-id" {
                        f = f.meaning(
                            "quote this id (with the date) when you ask Microsoft support",
                        );
                    }
                    s.push(f);
                }
                a.sections.push(s);
            }
            out.push(a);
        }
    }
}

fn matching(text: &str, open: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (mut depth, mut in_str, mut i) = (0usize, false, open);
    while i < b.len() && i < open + 20_000 {
        match (in_str, b[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') => in_str = false,
            (false, b'"') => in_str = true,
            (false, b'{') => depth += 1,
            (false, b'}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn service_artifact(what: &str, code: &str, message: &str, span: Span) -> Artifact {
    let mut a = Artifact::new(ArtifactKind::ServiceError, span, format!("{what} {code}"));
    a.verdict = if message.is_empty() {
        format!("The service answered with error {code}.")
    } else {
        format!("The service answered with error {code}: {message}")
    };
    let mut s = Section::new("Error");
    let row = graph_errors::error(code);
    let mut f = Field::new("code", code);
    if let Some(r) = row {
        f = f.meaning(r.meaning).source(r.source);
    } else {
        f = f.unknown();
    }
    s.push(f);
    if !message.is_empty() {
        s.push(Field::new("message", message));
    }
    a.sections.push(s);
    match row {
        Some(r) => {
            let mut f =
                Finding::new(Severity::Error, format!("{what} {code}"), r.meaning).source(r.source);
            for c in r.causes {
                f = f.cause(*c);
            }
            for fix in r.fixes {
                f = f.step(fix.to_step());
            }
            a.findings.push(f);
        }
        None => a.findings.push(
            Finding::new(
                Severity::Error,
                format!("{what} {code}"),
                if message.is_empty() {
                    "The service refused the request; this code is not in the table yet."
                        .to_string()
                } else {
                    message.to_string()
                },
            )
            .source(if what.contains("EWS") {
                EWS_ERRORS
            } else {
                GRAPH_ERRORS
            }),
        ),
    }
    for m in graph_errors::messages_matching(message) {
        let mut f = Finding::new(Severity::Error, m.title, m.meaning).source(m.source);
        for c in m.causes {
            f = f.cause(*c);
        }
        for fix in m.fixes {
            f = f.step(fix.to_step());
        }
        a.findings.insert(0, f);
    }
    if message
        .to_ascii_lowercase()
        .contains("rest apis for this mailbox are currently in preview")
    {
        a.findings.push(rest_preview_finding());
    }
    a.evidence
        .facts
        .push(("service_error".into(), code.to_string()));
    a
}

fn rest_preview_finding() -> Finding {
    Finding::new(
        Severity::Error,
        "The mailbox is on-premises (hybrid REST)",
        "This message comes from a mailbox that lives on Exchange Server in a hybrid deployment. Only v1.0 of the Mail, Calendar and Contacts APIs is served for such mailboxes; other APIs (and beta) answer with this error.",
    )
    .cause("The call used an API outside v1.0 Mail, Calendar or Contacts for an on-premises mailbox.")
    .cause("Hybrid REST prerequisites are not met (Exchange 2016 CU3 or later, hybrid modern auth, AutoDiscover reachable from Microsoft 365).")
    .step(Step::new("Call only v1.0 Mail, Calendar or Contacts endpoints for on-premises mailboxes, or move the mailbox to Exchange Online."))
    .source(REST_HYBRID)
}

/// Opening tags named `name` (any namespace prefix, any attributes) and their text: the tag's
/// start, and the start and end of the text inside it.
fn tag_values(text: &str, name: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for at in textmap::find_all_ci(text, name) {
        let Some(lt) = text[..at].rfind('<') else {
            continue;
        };
        let prefix = &text[lt + 1..at];
        // Only a namespace prefix (`m:`) may stand before the name: `FindItemResponseMessage`
        // is not a `Message` tag.
        let namespace_only = prefix.is_empty()
            || prefix.strip_suffix(':').is_some_and(|ns| {
                !ns.is_empty() && ns.len() <= 20 && ns.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if !namespace_only {
            continue;
        }
        let after = at + name.len();
        if !matches!(text.as_bytes().get(after), Some(b'>' | b' ' | b'\t')) {
            continue;
        }
        let Some(gt) = text[after..].find('>').map(|g| after + g) else {
            continue;
        };
        if text[after..gt].contains('<') {
            continue;
        }
        let start = gt + 1;
        let end = text[start..].find('<').map_or(text.len(), |e| start + e);
        if !text[start..end].trim().is_empty() {
            out.push((lt, start, end));
        }
    }
    out
}

/// `<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>` in EWS SOAP responses, and SOAP faults
/// whose `faultcode` is an EWS error (`a:ErrorInvalidSecurityToken`).
fn ews_codes(text: &str, out: &mut Vec<Artifact>) {
    let messages: Vec<(usize, usize, usize)> = [
        tag_values(text, "MessageText"),
        tag_values(text, "Message"),
        tag_values(text, "faultstring"),
    ]
    .concat();
    let mut messages = messages;
    messages.sort_unstable();
    let mut codes = tag_values(text, "ResponseCode");
    for (lt, s, e) in tag_values(text, "faultcode") {
        let value = text[s..e].trim();
        let bare = value.rsplit(':').next().unwrap_or(value);
        // A fault that also has a ResponseCode with the same error is reported once.
        let repeated = codes
            .iter()
            .any(|(_, cs, ce)| text[*cs..*ce].trim() == bare);
        if !repeated {
            codes.push((lt, s, e));
        }
    }
    codes.sort_unstable();
    let mut previous_end = 0;
    for (lt, start, end) in codes {
        let raw = text[start..end].trim();
        let code = raw.rsplit(':').next().unwrap_or(raw);
        if !code.starts_with("Error") || code.len() > 80 || code.contains(' ') {
            continue;
        }
        // The message of the same response: before the code (SOAP order) when there is one since
        // the previous code, else the first one after it.
        let msg = messages
            .iter()
            .rfind(|(ml, _, _)| *ml >= previous_end && *ml < lt)
            .or_else(|| {
                messages
                    .iter()
                    .find(|(ml, _, _)| *ml > lt && *ml < end + 2000)
            })
            .map(|(_, ms, me)| text[*ms..*me].trim().to_string())
            .unwrap_or_default();
        previous_end = end;
        out.push(service_artifact(
            "EWS error",
            code,
            &msg,
            Span::new(lt, end),
        ));
    }
}

/// Exchange messages that explain themselves once recognised.
fn exchange_messages(text: &str, out: &mut Vec<Artifact>) {
    let line_span =
        |at: usize| Span::new(textmap::line_start(text, at), textmap::line_end(text, at));
    for at in textmap::find_all_ci(text, "Missing signing certificate") {
        let mut a = Artifact::new(
            ArtifactKind::Exception,
            line_span(at),
            "Exchange OAuth exception: Missing signing certificate",
        );
        a.verdict = "Exchange could not sign its own server-to-server token: the auth certificate named in Get-AuthConfig is missing on this server.".into();
        let mut f = Finding::new(
            Severity::Error,
            "The Exchange auth certificate is missing",
            "Outgoing OAuth (free/busy, hybrid, Test-OAuthConnectivity) needs the 'Microsoft Exchange Server Auth Certificate' whose thumbprint is in Get-AuthConfig CurrentCertificateThumbprint. It is missing, expired or lacks its private key.",
        )
        .cause("The auth certificate expired or was deleted.")
        .cause("CurrentCertificateThumbprint is empty or names a certificate that is not installed on every Exchange server.")
        .source(FREE_BUSY);
        for (t, c) in AUTH_CERT_STEPS {
            f = f.step(Step::with_command(*t, *c));
        }
        a.findings.push(f);
        out.push(a);
    }
    for at in textmap::find_all_ci(text, "None of them are configured locally") {
        let ls = textmap::line_start(text, at);
        let line = &text[ls..textmap::line_end(text, at)];
        let mut a = Artifact::new(
            ArtifactKind::Exception,
            line_span(at),
            "Exchange OAuth exception: trusted issuers not configured locally",
        );
        a.verdict = "The partner's challenge listed issuers this Exchange organization has no auth server for.".into();
        let mut s = Section::new("Trusted issuers in the message");
        for part in line.split('\'').skip(1).step_by(2) {
            if part.contains('@') {
                let (p, r) = part.split_once('@').unwrap_or((part, ""));
                let mut f = Field::new("trusted issuer", part)
                    .meaning(format!("issuer principal {p}, realm '{r}'"));
                if let Some(app) = crate::knowledge::apps::app_by_id(p) {
                    f = f.shown(app.name).source(app.source);
                }
                s.push(f);
            }
        }
        a.sections.push(s);
        a.findings.push(
            Finding::new(
                Severity::Error,
                "No local auth server matches the partner's trusted issuers",
                "Exchange asked the target for a challenge and none of the issuers it trusts is configured here (Get-AuthServer).",
            )
            .cause("The target is in another cloud (for example partner.outlook.cn in 21Vianet trusts 00000001-0002-0000-c000-000000000000) while the local auth server points at the global cloud.")
            .cause("The auth server for the tenant is missing or disabled.")
            .step(Step::with_command("Compare the local auth servers with the issuers listed.", "Get-AuthServer | Format-List Name,IssuerIdentifier,AuthMetadataUrl,Enabled"))
            .step(Step::new("Create or fix the auth server with the AuthMetadataUrl of the cloud the target lives in (the Hybrid Configuration Wizard does this), then rerun Test-OAuthConnectivity."))
            .source(VIANET_QA),
        );
        out.push(a);
    }
    for at in textmap::find_all_ci(
        text,
        "The remote server returned an error: (401) Unauthorized",
    ) {
        let line = &text[textmap::line_start(text, at)..textmap::line_end(text, at)];
        let lower_text = text.to_ascii_lowercase();
        let headers_pasted =
            lower_text.contains("www-authenticate") || lower_text.contains("x-ms-diagnostics");
        let web_cmdlet = line.contains("Invoke-RestMethod") || line.contains("Invoke-WebRequest");
        let mut a = Artifact::new(
            ArtifactKind::Exception,
            line_span(at),
            "Remote server returned 401 Unauthorized",
        );
        if web_cmdlet {
            a.verdict = "The server refused the PowerShell web request with HTTP 401; the exception text itself does not say why.".into();
            let mut f = Finding::new(
                Severity::Warning,
                "The server answered 401 Unauthorized",
                if headers_pasted {
                    "The response headers pasted with it (WWW-Authenticate, x-ms-diagnostics) carry the reason; they are explained in their own cards."
                } else {
                    "The reason is in the response's WWW-Authenticate and x-ms-diagnostics headers, which the exception message leaves out."
                },
            )
            .source(PS_WEB_RESPONSE);
            if !headers_pasted {
                f = f.step(Step::with_command(
                    "Catch the error and print the response headers (PowerShell 7 shows Key/Value pairs; Windows PowerShell 5.1 needs the loop), then paste them here.",
                    "try { Invoke-RestMethod ... } catch { $_.Exception.Response.Headers | Format-List }\n# Windows PowerShell 5.1:\n# $r = $_.Exception.Response; $r.Headers.AllKeys | ForEach-Object { \"$_ : $($r.Headers[$_])\" }",
                ));
            }
            a.findings.push(f);
        } else {
            a.verdict =
                "The target server refused the request Exchange (or the client) sent it.".into();
            a.findings.push(
                Finding::new(
                    Severity::Warning,
                    "The target answered 401 Unauthorized",
                    "The reason is in that response's x-ms-diagnostics and WWW-Authenticate headers; Test-OAuthConnectivity -Verbose prints them.",
                )
                .step(Step::with_command("Rerun the test with -Verbose and paste the full output, including the response headers.", "Test-OAuthConnectivity -Service EWS -TargetUri <target EWS URL> -Mailbox <mailbox> -Verbose | Format-List"))
                .source(FREE_BUSY),
            );
        }
        out.push(a);
    }
    for at in textmap::find_all_ci(text, "REST APIs for this mailbox are currently in preview") {
        if out.iter().any(|a| a.span.start <= at && at < a.span.end) {
            continue;
        }
        let mut a = Artifact::new(
            ArtifactKind::ServiceError,
            line_span(at),
            "Hybrid REST: REST APIs for this mailbox are currently in preview",
        );
        a.verdict = "The mailbox is on Exchange Server in a hybrid deployment; this API is not served for it.".into();
        a.findings.push(rest_preview_finding());
        out.push(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_ews_bodies() {
        let ctx = Context::fixed();
        let a = scan(
            r#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired.","innerError":{"request-id":"abc","date":"2020-01-01T00:00:00"}}}"#,
            &ctx,
        );
        assert_eq!(a.len(), 1);
        assert!(crate::render::artifact_text(&a[0]).contains("request-id: abc"));
        let a = scan(
            r#"{"odata.error":{"code":"Authorization_RequestDenied","message":{"lang":"en","value":"Insufficient privileges to complete the operation."}}}"#,
            &ctx,
        );
        assert!(a[0].verdict.contains("Insufficient privileges"));
        let a = scan("<m:ResponseCode>ErrorAccessDenied</m:ResponseCode><m:MessageText>Access is denied.</m:MessageText>", &ctx);
        assert_eq!(a[0].title, "EWS error ErrorAccessDenied");
        assert!(scan(r#"{"error":"invalid_grant"}"#, &ctx).is_empty());
    }

    #[test]
    fn exchange_messages_are_explained() {
        let a = scan("Microsoft.Exchange.Security.OAuth.OAuthTokenRequestFailedException: Missing signing certificate.", &Context::fixed());
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("Set-AuthConfig -PublishCertificate"));
        let a = scan("The trusted issuers contained the following entries '00000001-0002-0000-c000-000000000000@*'. None of them are configured locally.", &Context::fixed());
        assert_eq!(a[0].sections[0].fields.len(), 1);
    }
}
