//! The card for an `openssl x509 -text` dump pasted without the certificate.

use super::sections::date_only;
use crate::context::Context;
use crate::decode::x509::openssl_text::{openssl_date, OpensslDump};
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Step};
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
    a.findings = rule::run(RULES, dump, ctx);
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

/// The rules over one text dump, in the order their findings are reported.
pub const RULES: &[Rule<OpensslDump>] = &[
    Rule {
        id: "openssl.text-only",
        severity: Severity::Info,
        title: "Text dump without the certificate",
        source: None,
        check: text_only,
    },
    Rule {
        id: "openssl.expired",
        severity: Severity::Error,
        title: "Not After in the dump is past",
        source: None,
        check: expired,
    },
];

fn text_only(_: &OpensslDump, _: &Context) -> Vec<Finding> {
    vec![Finding::new(
        Severity::Info,
        "Text dump only: paste the PEM for thumbprints and checks",
        "Without the -----BEGIN CERTIFICATE----- block this page cannot compute the SHA-1 thumbprint, verify signatures or build a keyCredentials entry.",
    )
    .step(Step::with_command(
        "Print the certificate as PEM and paste that:",
        "openssl x509 -in cert.pem -outform PEM",
    ))]
}

fn expired(dump: &OpensslDump, ctx: &Context) -> Vec<Finding> {
    let Some(na) = dump
        .get("Not After")
        .and_then(openssl_date)
        .filter(|na| *na < ctx.now)
    else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Error,
        format!("Certificate expired on {}", date_only(na)),
        format!("Not After is {} ({}).", utc(na), relative(na, ctx.now)),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    #[test]
    fn every_dump_says_it_is_text_and_past_dates_are_expired() {
        let ctx = Context::fixed();
        let mut dump = OpensslDump {
            span: Span::default(),
            fields: vec![("Not After".into(), "Jan  1 00:00:00 2035 GMT".into())],
        };
        let ids = |d: &OpensslDump| -> Vec<&str> {
            rule::run(RULES, d, &ctx).iter().map(|f| f.rule).collect()
        };
        assert_eq!(ids(&dump), ["openssl.text-only"]);
        dump.fields[0].1 = "Jan  1 00:00:00 2020 GMT".into();
        assert_eq!(ids(&dump), ["openssl.text-only", "openssl.expired"]);
    }
}
