//! The catalogue of decoders and the pass that runs every one of them over a paste.
//!
//! Each decoder recognises its own input anywhere in the text and returns decoded artifacts with
//! their byte spans. Adding an input kind is one module in `decode/` and one line in `DECODERS`.

use crate::context::Context;
use crate::decode;
use crate::explain;
use crate::report::{Artifact, ArtifactKind};

/// One decoder: its name, what it recognises, and the function that scans a paste for it.
pub struct Decoder {
    pub name: &'static str,
    pub recognises: &'static str,
    pub scan: fn(&str, &Context) -> Vec<Artifact>,
}

/// Every decoder, in the order their artifacts are preferred when two claim the same bytes.
pub const DECODERS: &[Decoder] = &[
    Decoder {
        name: "jwt",
        recognises: "JWS and JWE compact tokens anywhere: bare, Bearer, headers, JSON bodies, URLs",
        scan: decode::jwt::scan,
    },
    Decoder {
        name: "claims",
        recognises: "token header or payload JSON that was already decoded (jwt.io, forum posts)",
        scan: decode::claims_json::scan,
    },
    Decoder {
        name: "cert",
        recognises: "X.509 certificates, public keys, CSRs and PKCS#7 in PEM, base64 DER or hex",
        scan: decode::cert::scan,
    },
    Decoder {
        name: "jwk",
        recognises: "JWK, JWKS and app manifest keyCredentials",
        scan: decode::jwk::scan,
    },
    Decoder {
        name: "pfx",
        recognises: "PKCS#12 (.pfx/.p12) files pasted as base64",
        scan: decode::pfx::scan,
    },
    Decoder {
        name: "har",
        recognises: "HAR files: every request, with failed authentication exchanges decoded",
        scan: explain::logs::har::scan,
    },
    Decoder {
        name: "xms-diagnostics",
        recognises: "x-ms-diagnostics values from Exchange, SharePoint, Skype and Entra",
        scan: decode::xms_diagnostics::scan,
    },
    Decoder {
        name: "challenge",
        recognises: "WWW-Authenticate challenges: Bearer, MsRtcOAuth, Basic, Negotiate, NTLM",
        scan: decode::challenge::scan,
    },
    Decoder {
        name: "authorization",
        recognises: "Authorization request headers: Bearer, Basic (masked), NTLM, Negotiate",
        scan: decode::authorization::scan,
    },
    Decoder {
        name: "aadsts",
        recognises: "AADSTS error bodies, error_description text and AADSTSnnnn fragments",
        scan: decode::aadsts::scan,
    },
    Decoder {
        name: "service-error",
        recognises: "Microsoft Graph and EWS error bodies",
        scan: decode::service_error::scan,
    },
    Decoder {
        name: "w3c",
        recognises: "IIS W3C log lines with or without #Fields",
        scan: explain::logs::iis::scan,
    },
    Decoder {
        name: "freb",
        recognises: "Failed Request Tracing events, text and XML",
        scan: explain::logs::freb::scan,
    },
    Decoder {
        name: "powershell",
        recognises:
            "Exchange PowerShell Format-List output (Get-PartnerApplication, Get-AuthServer ...)",
        scan: decode::powershell::scan,
    },
    Decoder {
        name: "headers",
        recognises: "correlation and routing response headers (request-id, X-FEServer ...)",
        scan: explain::logs::headers::scan,
    },
];

/// Runs every decoder and returns the artifacts in the order they appear in the text.
pub fn find_all(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut all: Vec<Artifact> = Vec::new();
    for decoder in DECODERS {
        for artifact in (decoder.scan)(text, ctx) {
            let duplicate = all.iter().any(|seen| {
                seen.kind == artifact.kind
                    && seen.span.start < artifact.span.end
                    && artifact.span.start < seen.span.end
            });
            if !duplicate {
                all.push(artifact);
            }
        }
    }
    // A HAR card explains every exchange inside it; only tokens found there keep cards of their own.
    let containers: Vec<(usize, usize)> = all
        .iter()
        .filter(|a| a.kind == ArtifactKind::Har)
        .map(|a| (a.span.start, a.span.end))
        .collect();
    all.retain(|a| {
        matches!(
            a.kind,
            ArtifactKind::Har | ArtifactKind::Jwt | ArtifactKind::Jwe
        ) || !containers
            .iter()
            .any(|(s, e)| *s <= a.span.start && a.span.start < *e)
    });
    all.sort_by_key(|a| (a.span.start, a.span.end));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_names_are_unique_and_described() {
        let mut names: Vec<&str> = DECODERS.iter().map(|d| d.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "decoder names must be unique");
        for d in DECODERS {
            assert!(d.recognises.len() > 10, "{} needs a description", d.name);
        }
    }

    #[test]
    fn nothing_is_found_in_plain_prose() {
        let found = find_all("hello, this is not a token at all.", &Context::fixed());
        assert!(found.is_empty());
    }
}
