//! The card for an `openssl x509 -text` dump pasted without the certificate.

use super::sections::date_only;
use crate::context::Context;
use crate::decode::x509::openssl_text::{openssl_date, OpensslDump};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};
use crate::text::{relative, utc};

/// The card of one dump: what it states, and that thumbprints need the certificate itself.
pub fn card(dump: &OpensslDump, ctx: &Context) -> Artifact {
    let get = |n: &str| dump.get(n).map(str::to_string);
    let subject = get("Subject").unwrap_or_else(|| "(no subject line)".into());
    let mut a = Artifact::new(
        ArtifactKind::Certificate,
        dump.span,
        format!("openssl x509 -text output: {subject}"),
    );
    a.verdict = "The text that openssl x509 -text prints, without the certificate itself: the names and dates below are read from it, but thumbprints (x5t, customKeyIdentifier) are hashes of the certificate's bytes and cannot be computed from this text.".into();
    a.findings.push(
        Finding::new(
            Severity::Info,
            "Text dump only: paste the PEM for thumbprints and checks",
            "Without the -----BEGIN CERTIFICATE----- block this page cannot compute the SHA-1 thumbprint, verify signatures or build a keyCredentials entry.",
        )
        .step(crate::report::Step::with_command(
            "Print the certificate as PEM and paste that:",
            "openssl x509 -in cert.pem -outform PEM",
        )),
    );
    if let Some(na) = get("Not After").as_deref().and_then(openssl_date) {
        if na < ctx.now {
            a.findings.push(Finding::new(
                Severity::Error,
                format!("Certificate expired on {}", date_only(na)),
                format!("Not After is {} ({}).", utc(na), relative(na, ctx.now)),
            ));
        }
    }
    let mut s = Section::new("Read from the text");
    for (name, value) in &dump.fields {
        let f = Field::new(name.clone(), value.clone());
        let f = match name.as_str() {
            "Not Before" | "Not After" => match openssl_date(value) {
                Some(ts) => f.shown(utc(ts)).meaning(relative(ts, ctx.now)),
                None => f,
            },
            _ => f,
        };
        s.push(f);
    }
    a.sections.push(s);
    a
}
