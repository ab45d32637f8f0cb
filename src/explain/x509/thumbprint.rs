//! Cards for thumbprints pasted as text, and the links between them and certificates in the paste.

use super::thumbprint_rules::{self, ThumbprintLink};
use crate::context::Context;
use crate::decode::x509::thumbprint::{PastedThumbprint, THUMBPRINT_LABELS};
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section};
use crate::text::{b64std, b64url, hex_colon, hex_upper};

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
    a.findings = rule::run(thumbprint_rules::RULES, t, ctx);
    a.evidence.thumbprints.push(b64url(&t.sha1));
    a.evidence.keys.push(KeyEvidence {
        label: format!("thumbprint {hex}"),
        x5t: Some(b64url(&t.sha1)),
        ..KeyEvidence::default()
    });
    a
}

/// Links certificates and thumbprints found in the same paste.
pub fn link(
    out: &mut [Artifact],
    thumbs: &[PastedThumbprint],
    cert_indices: &[usize],
    ctx: &Context,
) {
    for &i in cert_indices {
        let Some(x5t) = out[i].evidence.thumbprints.first().cloned() else {
            continue;
        };
        for t in thumbs {
            let link = ThumbprintLink {
                slot: t.auth_config_slot(),
                same: b64url(&t.sha1) == x5t,
                exchange_auth: out[i]
                    .title
                    .contains(crate::knowledge::x509::EXCHANGE_AUTH_CERTIFICATE_CN),
                pasted_hex: hex_upper(&t.sha1),
            };
            let found = rule::run(thumbprint_rules::LINK_RULES, &link, ctx);
            out[i].findings.extend(found);
        }
    }
}
