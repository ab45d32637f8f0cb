//! The card of one app keyCredential (manifest or Microsoft Graph form).

use super::certificate;
use super::keycred_rules;
use crate::context::Context;
use crate::decode::x509::keycred::KeyCredential;
use crate::explain::rule;
use crate::knowledge::key_members::keycredential_meaning;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section};
use crate::text::{b64url, hex_colon, hex_upper};

/// The members of a keyCredential with their meanings.
fn credential_section(cred: &KeyCredential) -> Section {
    let mut s = Section::new("keyCredential");
    if let Some((cki, bytes)) = &cred.custom_key_identifier {
        match bytes {
            Some(b) if b.len() == 20 => s.push(
                Field::new("customKeyIdentifier", cki.clone())
                    .shown(format!(
                        "SHA-1 thumbprint {} ({})",
                        hex_upper(b),
                        hex_colon(b)
                    ))
                    .meaning("base64 of the certificate's SHA-1 thumbprint"),
            ),
            Some(b) => s.push(
                Field::new("customKeyIdentifier", cki.clone())
                    .shown(String::from_utf8_lossy(b).into_owned())
                    .meaning("a custom identifier (not a 20-byte SHA-1 thumbprint)"),
            ),
            None => s.push(Field::new("customKeyIdentifier", cki.clone()).meaning("not base64")),
        }
    }
    for (name, v) in &cred.members {
        let meaning = keycredential_meaning(name, v);
        s.push(Field::new(*name, v.clone()).meaning(meaning));
    }
    s
}

/// The card of one keyCredential entry.
pub fn card(cred: &KeyCredential, ctx: &Context) -> Artifact {
    let key_id = cred.member("keyId").unwrap_or("(no keyId)");
    let mut a = Artifact::new(
        ArtifactKind::KeyCredential,
        cred.span,
        format!("keyCredential {key_id}"),
    );
    let s = credential_section(cred);
    a.findings = rule::run(keycred_rules::RULES, cred, ctx);
    let mut spki_der = None;
    let mut x5t_s256 = None;
    let mut thumb = cred.declared_sha1().map(<[u8]>::to_vec);
    if let Some(cert) = cred.certificate() {
        let child = certificate::card(cert, ctx);
        x5t_s256 = Some(cert.thumbprints.x5t_s256());
        spki_der = child.evidence.keys.first().and_then(|k| k.spki_der.clone());
        if thumb.is_none() {
            thumb = Some(cert.thumbprints.sha1.clone());
        }
        a.children.push(child);
    }
    let thumb_hex = thumb.as_ref().map(|t| hex_upper(t));
    a.verdict = format!(
        "{} credential{}{}.",
        cred.member("type").unwrap_or("A key"),
        thumb_hex
            .as_ref()
            .map(|t| format!(" for the certificate with thumbprint {t}"))
            .unwrap_or_default(),
        cred.member("usage")
            .map(|u| format!(", usage {u}"))
            .unwrap_or_default()
    );
    a.sections.insert(0, s);
    let x5t = thumb.as_ref().map(|t| b64url(t));
    a.evidence.thumbprints.extend(x5t.iter().cloned());
    a.evidence.thumbprints.extend(x5t_s256.iter().cloned());
    a.evidence.keys.push(KeyEvidence {
        label: format!(
            "keyCredential {key_id}{}",
            thumb_hex
                .map(|t| format!(" (thumbprint {t})"))
                .unwrap_or_default()
        ),
        kid: None,
        x5t,
        x5t_s256,
        spki_der,
        secret: None,
    });
    a
}
