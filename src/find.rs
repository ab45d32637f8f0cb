//! The catalogue of decoders and the pass that runs every one of them over a paste.
//!
//! Each decoder recognises its own input anywhere in the text and returns decoded artifacts with
//! their byte spans. The catalogue also describes itself (name, what it recognises, a page to read,
//! an example, the kinds it produces), and the page's list of what it reads, its examples, the
//! paste box placeholder and the "nothing recognised" notice are all generated from it. Adding an
//! input kind is one decoder and one entry in `DECODERS` (plus a `FAMILIES` row for a new family).

use crate::context::Context;
use crate::explain;
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactFamily, ArtifactKind, Span};
use crate::text::{cut_from, cut_to, floor_boundary};

/// One decoder: its name, what it recognises, where to read about it, an example, what it
/// produces, and the function that scans a paste for it.
pub struct Decoder {
    pub name: &'static str,
    /// A public page that explains this kind of input (a `knowledge::sources` constant).
    pub info: &'static str,
    /// A short, real-shaped input that this decoder recognises.
    pub example: Example,
    /// The kinds of artifact this decoder returns at the top level; the first names its family.
    pub produces: &'static [ArtifactKind],
    pub recognises: &'static str,
    pub scan: fn(&str, &Context) -> Vec<Artifact>,
}

/// An example input: a label for its button, and the text of a test fixture (a fixture JSON file,
/// whose `input` is the example, or a raw file that is the example itself).
pub struct Example {
    pub label: &'static str,
    pub text: &'static str,
}

impl Example {
    /// The text the example puts into the paste box.
    pub fn input(&self) -> String {
        if self.text.trim_start().starts_with('{') {
            if let Ok(serde_json::Value::Object(fixture)) =
                serde_json::from_str::<serde_json::Value>(self.text)
            {
                if let Some(input) = fixture.get("input").and_then(|i| i.as_str()) {
                    return input.to_string();
                }
            }
        }
        self.text.to_string()
    }
}

impl Decoder {
    /// The family of the first kind this decoder produces, which is where the page lists it.
    pub fn family(&self) -> ArtifactFamily {
        self.produces
            .first()
            .map_or(ArtifactFamily::Tokens, |k| k.family())
    }
}

/// How each family is named on the page and in the "nothing recognised" notice, in the order the
/// notice lists them.
pub struct FamilyInfo {
    pub family: ArtifactFamily,
    /// The heading of the family in the empty page's list of what can be pasted.
    pub label: &'static str,
    /// What the user might have meant to paste, as a phrase of the notice.
    pub expected: &'static str,
}

/// Every family, in the order the notice names them.
pub const FAMILIES: &[FamilyInfo] = &[
    FamilyInfo {
        family: ArtifactFamily::Tokens,
        label: "Tokens",
        expected:
            "a JWT (eyJ...), a Bearer or Authorization header, a token response or redirect URL",
    },
    FamilyInfo {
        family: ArtifactFamily::Keys,
        label: "Certificates and keys",
        expected: "a certificate (PEM, base64 DER, JWK/JWKS, keyCredentials)",
    },
    FamilyInfo {
        family: ArtifactFamily::HttpHeaders,
        label: "HTTP headers",
        expected: "an x-ms-diagnostics or WWW-Authenticate header",
    },
    FamilyInfo {
        family: ArtifactFamily::Logs,
        label: "Logs",
        expected: "an IIS or FREB log line",
    },
    FamilyInfo {
        family: ArtifactFamily::ServiceErrors,
        label: "Service errors",
        expected: "an AADSTS error",
    },
    FamilyInfo {
        family: ArtifactFamily::PowerShell,
        label: "PowerShell output",
        expected: "Exchange PowerShell output",
    },
];

/// The families that some decoder produces, in `FAMILIES` order, each with its decoders.
pub fn by_family() -> Vec<(&'static FamilyInfo, Vec<&'static Decoder>)> {
    FAMILIES
        .iter()
        .map(|info| {
            let decoders = DECODERS
                .iter()
                .filter(|d| d.family() == info.family)
                .collect::<Vec<_>>();
            (info, decoders)
        })
        .filter(|(_, decoders)| !decoders.is_empty())
        .collect()
}

/// What the user is told when nothing in the paste was recognised: every family the catalogue
/// reads, named by what people paste.
pub fn nothing_found() -> String {
    let phrases: Vec<&str> = by_family()
        .into_iter()
        .map(|(info, _)| info.expected)
        .collect();
    let list = match phrases.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}, or {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    };
    format!("Nothing here was recognised. Expected {list}.")
}

/// Longest line of the paste box placeholder, in characters, before it is cut with an ellipsis.
const PLACEHOLDER_LINE: usize = 52;

/// The paste box placeholder: for every decoder, its example from the start of the line where the
/// first thing it recognises begins, white space collapsed and cut short.
pub fn placeholder(ctx: &Context) -> String {
    let mut lines: Vec<String> = Vec::new();
    for decoder in DECODERS {
        let input = decoder.example.input();
        let Some(first) = (decoder.scan)(&input, ctx)
            .into_iter()
            .min_by_key(|a| a.span.start)
        else {
            continue;
        };
        let start = floor_boundary(&input, first.span.start);
        let line_start = cut_to(&input, start).rfind('\n').map_or(0, |i| i + 1);
        let head: String = cut_from(&input, line_start)
            .chars()
            .take(PLACEHOLDER_LINE * 4)
            .collect();
        let line = head.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = if line.chars().count() > PLACEHOLDER_LINE {
            let cut: String = line.chars().take(PLACEHOLDER_LINE - 1).collect();
            format!("{cut}…")
        } else {
            line
        };
        if !shown.is_empty() && !lines.contains(&shown) {
            lines.push(shown);
        }
    }
    lines.join("\n")
}

/// Every decoder, in the order their artifacts are preferred when two claim the same bytes.
pub const DECODERS: &[Decoder] = &[
    Decoder {
        name: "jwt",
        info: sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
        example: Example {
            label: "Access token (v1, delegated)",
            text: include_str!("../tests/fixtures/jwt/040-jwt-v1-access-token-docs.json"),
        },
        produces: &[
            ArtifactKind::Jwt,
            ArtifactKind::Jwe,
            ArtifactKind::Saml,
            ArtifactKind::DecodedClaims,
        ],
        recognises: "JWS and JWE compact tokens anywhere: bare, Bearer, headers, JSON bodies, URLs",
        scan: explain::tokens::scan,
    },
    Decoder {
        name: "claims",
        info: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
        example: Example {
            label: "Decoded claims (jwt.io)",
            text: include_str!("../tests/fixtures/jwt/own-decoded-json-with-nbsp.json"),
        },
        produces: &[ArtifactKind::DecodedClaims],
        recognises: "token header or payload JSON that was already decoded (jwt.io, forum posts)",
        scan: explain::tokens::scan_claims_json,
    },
    Decoder {
        name: "cert",
        info: sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
        example: Example {
            label: "Certificate chain",
            text: include_str!("../tests/fixtures/certificate/generated/chain.pem"),
        },
        produces: &[
            ArtifactKind::Certificate,
            ArtifactKind::PublicKey,
            ArtifactKind::Csr,
            ArtifactKind::Pkcs7,
        ],
        recognises: "X.509 certificates, public keys, CSRs and PKCS#7 in PEM, base64 DER or hex",
        scan: crate::explain::x509::cert::scan,
    },
    Decoder {
        name: "jwk",
        info: sources::RESOURCES_KEYCREDENTIAL,
        example: Example {
            label: "App manifest keyCredentials",
            text: include_str!(
                "../tests/fixtures/certificate/var-keycredentials-graph-expired.json"
            ),
        },
        produces: &[ArtifactKind::Jwk, ArtifactKind::KeyCredential],
        recognises: "JWK, JWKS and app manifest keyCredentials",
        scan: crate::explain::x509::jwk::scan,
    },
    Decoder {
        name: "pfx",
        info: sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
        example: Example {
            label: "PFX file (base64)",
            text: include_str!("../tests/fixtures/certificate/generated/leaf.pfx.b64"),
        },
        produces: &[ArtifactKind::Pkcs12],
        recognises: "PKCS#12 (.pfx/.p12) files pasted as base64",
        scan: crate::explain::x509::pfx::scan,
    },
    Decoder {
        name: "har",
        info: sources::HAR_OVERVIEW,
        example: Example {
            label: "HAR file",
            text: include_str!("../tests/fixtures/jwt/own-har-escaped-slashes.json"),
        },
        produces: &[ArtifactKind::Har],
        recognises: "HAR files: every request, with failed authentication exchanges decoded",
        scan: explain::logs::har::scan,
    },
    Decoder {
        name: "xms-diagnostics",
        info: sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS,
        example: Example {
            label: "Exchange 401 headers (Fiddler)",
            text: include_str!(
                "../tests/fixtures/diagnostics/001-xmsdiag-2000003-ssl-offload-hma.json"
            ),
        },
        produces: &[ArtifactKind::Diagnostics],
        recognises: "x-ms-diagnostics values from Exchange, SharePoint, Skype and Entra",
        scan: explain::http::xms_diagnostics::scan,
    },
    Decoder {
        name: "challenge",
        info: sources::RFC_RFC9110_SECTION_11_6_1,
        example: Example {
            label: "WWW-Authenticate (Skype)",
            text: include_str!(
                "../tests/fixtures/diagnostics/020-wwwauth-msrtcoauth-challenge.json"
            ),
        },
        produces: &[ArtifactKind::Challenge],
        recognises: "WWW-Authenticate challenges: Bearer, MsRtcOAuth, Basic, Negotiate, NTLM",
        scan: explain::http::challenge::scan,
    },
    Decoder {
        name: "authorization",
        info: sources::HTTP_HEADERS,
        example: Example {
            label: "Authorization headers (Basic, NTLM)",
            text: include_str!(
                "../tests/fixtures/diagnostics/own-negotiate-basic-authorization.json"
            ),
        },
        produces: &[ArtifactKind::Authorization],
        recognises: "Authorization request headers: Bearer, Basic (masked), NTLM, Negotiate",
        scan: explain::http::authorization::scan,
    },
    Decoder {
        name: "aadsts",
        info: sources::IDENTITY_PLATFORM_REFERENCE_ERROR_CODES,
        example: Example {
            label: "AADSTS error body",
            text: include_str!(
                "../tests/fixtures/diagnostics/025-aadsts-50173-revoked-grant-recorded.json"
            ),
        },
        produces: &[ArtifactKind::Aadsts],
        recognises: "AADSTS error bodies, error_description text and AADSTSnnnn fragments",
        scan: explain::errors::aadsts::scan,
    },
    Decoder {
        name: "service-error",
        info: sources::GRAPH_ERRORS,
        example: Example {
            label: "Graph error body",
            text: include_str!(
                "../tests/fixtures/diagnostics/logs-graph-compacttoken-80049217.json"
            ),
        },
        produces: &[ArtifactKind::ServiceError, ArtifactKind::Exception],
        recognises: "Microsoft Graph and EWS error bodies",
        scan: explain::errors::scan_service,
    },
    Decoder {
        name: "iis-page",
        info: sources::IIS_HTTP_DETAILED_ERRORS,
        example: Example {
            label: "IIS detailed error page",
            text: include_str!("../tests/fixtures/iis-page/real-401-2-text-tabs-mixedauth.json"),
        },
        produces: &[ArtifactKind::IisErrorPage],
        recognises: "IIS error pages (HTTP Error 401.2 ..., Detailed Error Information) in HTML or copied as text, in English, German and Japanese",
        scan: explain::errors::iis_page::scan,
    },
    Decoder {
        name: "w3c",
        info: sources::HTTP_W3C_LOGGING,
        example: Example {
            label: "IIS log line",
            text: include_str!(
                "../tests/fixtures/diagnostics/033-iis-w3c-mac-outlook-ews-401.json"
            ),
        },
        produces: &[
            ArtifactKind::LogLine,
            ArtifactKind::Challenge,
            ArtifactKind::Diagnostics,
        ],
        recognises: "IIS W3C log lines with or without #Fields",
        scan: explain::logs::iis::scan,
    },
    Decoder {
        name: "freb",
        info: sources::USING_FAILED_REQUEST_TRACING_TROUBLESHOOTING_FAILED_REQUESTS,
        example: Example {
            label: "FREB trace + decoded Graph token",
            text: include_str!(
                "../tests/fixtures/diagnostics/087-seed000-freb-and-decoded-graph-app-token.json"
            ),
        },
        produces: &[
            ArtifactKind::Freb,
            ArtifactKind::Diagnostics,
            ArtifactKind::Challenge,
        ],
        recognises: "Failed Request Tracing events, text and XML",
        scan: explain::logs::freb::scan,
    },
    Decoder {
        name: "powershell",
        info: sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND,
        example: Example {
            label: "Get-PartnerApplication output",
            text: include_str!(
                "../tests/fixtures/diagnostics/093-seed001-get-partnerapplication-graph.json"
            ),
        },
        produces: &[ArtifactKind::PowerShell],
        recognises: "Exchange and Entra PowerShell objects, Format-List or Format-Table (Get-PartnerApplication, Get-OrganizationRelationship, Get-MgApplication credentials ...)",
        scan: explain::powershell::scan,
    },
    Decoder {
        name: "headers",
        info: sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS,
        example: Example {
            label: "Correlation headers (ActiveSync 401)",
            text: include_str!(
                "../tests/fixtures/diagnostics/028-xmsdiag-4000000-flighting-hma-eas.json"
            ),
        },
        produces: &[ArtifactKind::Headers],
        recognises: "HTTP exchanges in any notation (raw, curl -v, Fiddler, JSON, PowerShell): status, headers and body",
        scan: explain::http::exchange::scan,
    },
    // Runs after every other decoder and sees what they found (see `find_all`).
    Decoder {
        name: "known",
        info: sources::IDENTITY_PLATFORM_REFERENCE_ERROR_CODES,
        example: Example {
            label: "Codes named in a message",
            text: include_str!(
                "../tests/fixtures/diagnostics/known-codes-named-in-a-support-message.json"
            ),
        },
        produces: &[ArtifactKind::Known],
        recognises:
            "codes, reasons, error names, Win32 statuses and app ids named anywhere in text",
        scan: explain::known::scan,
    },
];

/// True for the decoder that reads what the others left: known facts named in free text.
fn reads_the_rest(decoder: &Decoder) -> bool {
    decoder.produces == [ArtifactKind::Known]
}

/// Runs every decoder and returns the artifacts in the order they appear in the text.
pub fn find_all(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut all: Vec<Artifact> = Vec::new();
    for decoder in DECODERS.iter().filter(|d| !reads_the_rest(d)) {
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
    // Known facts named in free text get cards only where no reader above explained the text.
    let covered: Vec<Span> = all.iter().map(|a| a.span).collect();
    let explained = explain::known::explained_by(&all);
    let alone = all.is_empty();
    all.extend(explain::known::scan_uncovered(
        text, &covered, &explained, alone, ctx,
    ));
    crate::sort::by_key(&mut all, |a| (a.span.start, a.span.end));
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
            assert!(
                sources::ALL.contains(&d.info),
                "{}: its info link must be a knowledge::sources constant",
                d.name
            );
            assert!(
                !d.example.label.is_empty(),
                "{} needs an example label",
                d.name
            );
            assert!(
                !d.produces.is_empty(),
                "{} must say what it produces",
                d.name
            );
        }
    }

    #[test]
    fn every_decoder_recognises_its_own_example_and_produces_what_it_declares() {
        let ctx = Context::fixed();
        let mut failures = Vec::new();
        for d in DECODERS {
            let found = (d.scan)(&d.example.input(), &ctx);
            if found.is_empty() {
                failures.push(format!(
                    "{}: the example {:?} is not recognised",
                    d.name, d.example.label
                ));
            }
            for artifact in &found {
                if !d.produces.contains(&artifact.kind) {
                    failures.push(format!(
                        "{} returned a {:?}, which its `produces` does not list",
                        d.name, artifact.kind
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_kind_is_produced_by_some_decoder_and_every_family_is_named() {
        for kind in ArtifactKind::ALL {
            assert!(
                DECODERS.iter().any(|d| d.produces.contains(kind)),
                "no decoder declares that it produces {kind:?}"
            );
            assert!(
                FAMILIES.iter().any(|f| f.family == kind.family()),
                "FAMILIES has no row for {:?}",
                kind.family()
            );
        }
        let mut families: Vec<ArtifactFamily> = FAMILIES.iter().map(|f| f.family).collect();
        families.sort_unstable();
        families.dedup();
        assert_eq!(
            families.len(),
            FAMILIES.len(),
            "one FAMILIES row per family"
        );
    }

    #[test]
    fn the_nothing_found_notice_is_the_sentence_golden_reports_and_the_page_show() {
        assert_eq!(
            nothing_found(),
            "Nothing here was recognised. Expected a JWT (eyJ...), a Bearer or Authorization header, a token response or redirect URL, a certificate (PEM, base64 DER, JWK/JWKS, keyCredentials), an x-ms-diagnostics or WWW-Authenticate header, an IIS or FREB log line, an AADSTS error, or Exchange PowerShell output."
        );
    }

    #[test]
    fn the_placeholder_shows_one_short_line_per_decoder() {
        let placeholder = placeholder(&Context::fixed());
        let lines: Vec<&str> = placeholder.lines().collect();
        assert!(lines.len() >= DECODERS.len() / 2, "{placeholder}");
        assert!(lines
            .iter()
            .all(|l| l.chars().count() <= PLACEHOLDER_LINE && !l.is_empty()));
        assert!(placeholder.contains("eyJ"), "{placeholder}");
        assert!(
            placeholder.contains("-----BEGIN CERTIFICATE-----"),
            "{placeholder}"
        );
    }

    #[test]
    fn nothing_is_found_in_plain_prose() {
        let found = find_all("hello, this is not a token at all.", &Context::fixed());
        assert!(found.is_empty());
    }
}
