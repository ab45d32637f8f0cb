//! Cards for thumbprints pasted as text, and the links between them and certificates in the paste.

use crate::context::Context;
use crate::decode::x509::thumbprint::{loose_date, PastedThumbprint, THUMBPRINT_LABELS};
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity};
use crate::text::{b64std, b64url, hex_colon, hex_upper, relative};

/// Builds the artifact for a thumbprint pasted without its certificate.
pub fn card(t: &PastedThumbprint, ctx: &Context) -> Artifact {
    let subject = t.context_value("Subject").map(str::to_string);
    let hex = hex_upper(&t.sha1);
    let mut a = Artifact::new(
        ArtifactKind::Certificate,
        t.span,
        match &subject {
            Some(s) => format!("Certificate thumbprint {hex} ({s})"),
            None => format!("Certificate thumbprint {hex}"),
        },
    );
    let source = match t.label.as_str() {
        "cert hash(sha1)" => "certutil -dump output",
        "windows certificate dialog" => "the Windows certificate dialog",
        "sha1 fingerprint" => "openssl x509 -fingerprint output",
        _ if t.auth_config_slot().is_some() => "Get-AuthConfig output",
        _ if t
            .context
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("Services")) =>
        {
            "Get-ExchangeCertificate output"
        }
        _ if !t.context.is_empty() => "PowerShell certificate list (Format-List)",
        _ => "a thumbprint line",
    };
    a.verdict = format!(
        "The SHA-1 thumbprint of a certificate, from {source}: it names the certificate but is not the certificate, so its key cannot be read. A token header carries it as x5t {}; a keyCredentials entry as customKeyIdentifier {}.",
        b64url(&t.sha1),
        b64std(&t.sha1)
    );
    let mut s = Section::new("Thumbprint");
    s.push(
        Field::new("SHA-1 thumbprint", hex.clone())
            .shown(hex_colon(&t.sha1))
            .meaning("as the Windows certificate store, Get-ExchangeCertificate and Entra show it"),
    );
    s.push(
        Field::new("SHA-1 base64 (customKeyIdentifier)", b64std(&t.sha1))
            .meaning("the form an app manifest keyCredentials entry uses"),
    );
    s.push(
        Field::new("x5t (SHA-1 base64url)", b64url(&t.sha1)).meaning(
            "the form a token header carries in x5t; Entra-issued tokens carry it in kid too",
        ),
    );
    if let Some(slot) = t.auth_config_slot() {
        s.push(Field::new("Get-AuthConfig property", slot).meaning(
            "Exchange signs its OAuth (server-to-server) tokens with the certificate named here",
        ));
    }
    a.sections.push(s);
    if !t.context.is_empty() {
        let mut c = Section::new("Printed with it");
        for (name, value) in &t.context {
            if !THUMBPRINT_LABELS.contains(&name.to_ascii_lowercase().as_str()) {
                c.push(Field::new(name.clone(), value.clone()));
            }
        }
        if !c.fields.is_empty() {
            a.sections.push(c);
        }
    }
    if t.had_invisible {
        a.findings.push(
            Finding::new(
                Severity::Warning,
                "Invisible character in the copied thumbprint",
                "The text holds an invisible left-to-right mark (U+200E), which the Windows certificate dialog adds when the thumbprint is copied. Commands such as Get-Item Cert:\\LocalMachine\\My\\<thumbprint>, Get-ExchangeCertificate -Thumbprint or Set-AuthConfig then fail with \"not found\" although the certificate is there.",
            )
            .step(crate::report::Step::with_command(
                "Use the thumbprint without spaces or hidden characters:",
                hex.clone(),
            )),
        );
    }
    if let Some(not_after) = t.context_value("NotAfter").and_then(loose_date) {
        if not_after < ctx.now {
            a.findings.push(Finding::new(
                Severity::Error,
                format!("Certificate expired (NotAfter {})", t.context_value("NotAfter").unwrap_or_default()),
                format!(
                    "NotAfter is in the past ({}, read as month/day/year in the machine's local time). An expired certificate no longer signs Exchange OAuth tokens or client assertions that Entra accepts.",
                    relative(not_after, ctx.now)
                ),
            ));
        }
    }
    if subject
        .as_deref()
        .is_some_and(|s| s.contains(crate::knowledge::x509::EXCHANGE_AUTH_CERTIFICATE_CN))
    {
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Exchange Server Auth Certificate",
                "This is Exchange's OAuth signing certificate. Get-AuthConfig must name this thumbprint as CurrentCertificateThumbprint, and for hybrid its public part must be in the keyCredentials of the Office 365 Exchange Online service principal (00000002-0000-0ff1-ce00-000000000000).",
            )
            .step(crate::report::Step::with_command(
                "Compare with the thumbprint Exchange uses:",
                "Get-AuthConfig | Format-List CurrentCertificateThumbprint, NextCertificateThumbprint",
            ))
            .source(sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND),
        );
    }
    a.evidence.thumbprints.push(b64url(&t.sha1));
    a.evidence.keys.push(KeyEvidence {
        label: format!("thumbprint {hex}"),
        x5t: Some(b64url(&t.sha1)),
        ..KeyEvidence::default()
    });
    a
}

/// Links certificates and thumbprints found in the same paste.
pub fn link(out: &mut [Artifact], thumbs: &[PastedThumbprint], cert_indices: &[usize]) {
    for &i in cert_indices {
        let Some(x5t) = out[i].evidence.thumbprints.first().cloned() else {
            continue;
        };
        for t in thumbs {
            let same = b64url(&t.sha1) == x5t;
            match (t.auth_config_slot(), same) {
                (Some(slot), true) => out[i].findings.push(Finding::new(
                    Severity::Ok,
                    format!("This is the certificate Get-AuthConfig names as {slot}"),
                    format!("Its SHA-1 thumbprint {} equals {slot} in the pasted Get-AuthConfig output.", hex_upper(&t.sha1)),
                )),
                (Some("CurrentCertificateThumbprint"), false)
                    if out[i].title.contains(crate::knowledge::x509::EXCHANGE_AUTH_CERTIFICATE_CN) =>
                {
                    out[i].findings.push(Finding::new(
                        Severity::Warning,
                        "Not the current auth certificate",
                        format!("Get-AuthConfig names {} as CurrentCertificateThumbprint, but this certificate's thumbprint is different: Exchange signs with the other one, so this is the one to upload only if it becomes current.", hex_upper(&t.sha1)),
                    ))
                }
                (None, true) => out[i].findings.push(Finding::new(
                    Severity::Ok,
                    "Same certificate as the pasted thumbprint",
                    format!("Its SHA-1 thumbprint equals the thumbprint {} found in the paste.", hex_upper(&t.sha1)),
                )),
                _ => {}
            }
        }
    }
}
