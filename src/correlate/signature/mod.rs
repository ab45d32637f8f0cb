//! Offline signature checks: every token against every key in the paste or the key box.
//!
//! Keys come from the KeyEvidence of every artifact (certificates, public keys, JWKS keys,
//! keyCredentials, `secret:` lines) in the paste and the key box, and from the token's own `x5c`
//! header. Nothing is fetched: where Entra publishes the keys, the address is shown as text.

mod facts;
mod rules;
mod verdict;

use crate::context::Context;
use crate::explain::rule::{self, RuleInfo};
use crate::report::{Artifact, ArtifactKind, Finding, KeyEvidence, Report};
use rules::{KeyLink, SignatureView, KEY_RULES, TOKEN_RULES};

/// Every signature rule, described as data.
pub fn catalogue() -> Vec<RuleInfo> {
    let mut all = rule::infos(TOKEN_RULES);
    all.extend(rule::infos(KEY_RULES));
    all
}

/// Where an artifact sits: in the paste or the key box, and the path of child indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    key_box: bool,
    path: Vec<usize>,
}

impl Place {
    /// How the report names it: `[2]`, `[key 1]`.
    fn label(&self) -> String {
        let top = self.path.first().copied().unwrap_or(0) + 1;
        if self.key_box {
            format!("[key {top}]")
        } else {
            format!("[{top}]")
        }
    }
}

/// A key and where it was found (`None` for a key from the token's own header).
struct FoundKey {
    place: Option<Place>,
    key: KeyEvidence,
}

/// Verifies each token's signature where a key is available and names the signer.
pub fn verify_tokens(report: &mut Report, ctx: &Context) {
    let mut keys = Vec::new();
    let mut tokens = Vec::new();
    for (key_box, list) in [(false, &report.artifacts), (true, &report.key_artifacts)] {
        for (i, a) in list.iter().enumerate() {
            collect(
                a,
                Place {
                    key_box,
                    path: vec![i],
                },
                &mut keys,
                &mut tokens,
            );
        }
    }
    for place in tokens {
        let Some(artifact) = artifact_at(report, &place) else {
            continue;
        };
        let Some(facts) = facts::token_facts(artifact) else {
            continue;
        };
        let outcome = check_token(facts, &keys, &place, ctx);
        if let Some(a) = artifact_at_mut(report, &place) {
            a.findings.extend(outcome.token_findings);
        }
        for (key_place, finding) in outcome.key_findings {
            if let Some(a) = artifact_at_mut(report, &key_place) {
                if !a.findings.iter().any(|f| f.title == finding.title) {
                    a.findings.push(finding);
                }
            }
        }
    }
}

fn collect(a: &Artifact, place: Place, keys: &mut Vec<FoundKey>, tokens: &mut Vec<Place>) {
    if a.kind == ArtifactKind::Jwt
        && a.evidence
            .token
            .as_ref()
            .is_some_and(|t| t.compact.is_some())
    {
        tokens.push(place.clone());
    }
    for key in &a.evidence.keys {
        let duplicate = keys.iter().any(|k| {
            k.key.spki_der == key.spki_der
                && k.key.secret == key.secret
                && k.key.x5t == key.x5t
                && k.key.kid == key.kid
        });
        if !duplicate {
            keys.push(FoundKey {
                place: Some(place.clone()),
                key: key.clone(),
            });
        }
    }
    for (i, child) in a.children.iter().enumerate() {
        let mut path = place.path.clone();
        path.push(i);
        collect(
            child,
            Place {
                key_box: place.key_box,
                path,
            },
            keys,
            tokens,
        );
    }
}

fn artifact_at<'a>(report: &'a Report, place: &Place) -> Option<&'a Artifact> {
    let list = if place.key_box {
        &report.key_artifacts
    } else {
        &report.artifacts
    };
    let mut a = list.get(*place.path.first()?)?;
    for i in &place.path[1..] {
        a = a.children.get(*i)?;
    }
    Some(a)
}

fn artifact_at_mut<'a>(report: &'a mut Report, place: &Place) -> Option<&'a mut Artifact> {
    let list = if place.key_box {
        &mut report.key_artifacts
    } else {
        &mut report.artifacts
    };
    let mut a = list.get_mut(*place.path.first()?)?;
    for i in &place.path[1..] {
        a = a.children.get_mut(*i)?;
    }
    Some(a)
}

/// Findings for the token and for the keys it links to.
#[derive(Default)]
struct Outcome {
    token_findings: Vec<Finding>,
    key_findings: Vec<(Place, Finding)>,
}

/// Judges one token and runs the signature rules over the verdict and the keys it links to.
fn check_token(
    facts: facts::TokenFacts,
    keys: &[FoundKey],
    place: &Place,
    ctx: &Context,
) -> Outcome {
    let token_label = format!("token {}", place.label());
    let judgement = verdict::judge(&facts, keys);
    let mut links: Vec<(Place, KeyLink)> = Vec::new();
    let by = if facts.x5t.is_some() {
        "x5t/kid"
    } else {
        "kid"
    };
    for p in judgement.named {
        let link = KeyLink::Named {
            token_label: token_label.clone(),
            by,
        };
        links.push((p, link));
    }
    if let Some(p) = judgement.signer {
        let link = KeyLink::Signed {
            token_label: token_label.clone(),
        };
        links.push((p, link));
    }
    let view = SignatureView {
        facts,
        verdict: judgement.verdict,
    };
    let mut out = Outcome {
        token_findings: rule::run(TOKEN_RULES, &view, ctx),
        key_findings: Vec::new(),
    };
    for (p, link) in links {
        for finding in rule::run(KEY_RULES, &link, ctx) {
            out.key_findings.push((p.clone(), finding));
        }
    }
    out
}
