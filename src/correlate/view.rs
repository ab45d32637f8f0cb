//! The evidence of a whole paste, gathered once for the diagnosis rules, and the case one run of
//! the rules looks at (a refusal, a challenge with a token, or an AADSTS error with a request).

use crate::knowledge::apps::ids::{EXCHANGE, GRAPH};
use crate::knowledge::correlation::{Situation, GRAPH_AUDIENCE};
use crate::report::{
    Artifact, ArtifactKind, ChallengeEvidence, Finding, Report, Severity, TokenEvidence,
};

/// An artifact of the paste with the index of the top-level artifact it belongs to.
pub struct Seen<'a> {
    pub index: usize,
    pub artifact: &'a Artifact,
}

/// A named fact of an artifact's evidence.
pub fn fact<'a>(a: &'a Artifact, key: &str) -> Option<&'a str> {
    a.evidence
        .facts
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Every top-level artifact and the refusals nested in each, in paste order.
pub fn seen(report: &Report) -> Vec<Seen<'_>> {
    let mut all = Vec::new();
    for (index, artifact) in report.artifacts.iter().enumerate() {
        all.push(Seen { index, artifact });
        refusals_inside(index, artifact, &mut all);
    }
    all
}

/// Adds the refusals nested in a container (a HAR entry holds its challenge, x-ms-diagnostics and
/// error bodies as children) under the index of the top-level artifact. Tokens nested in tokens
/// (actor tokens) and certificates in chains are not refusals and are left out.
fn refusals_inside<'a>(index: usize, artifact: &'a Artifact, all: &mut Vec<Seen<'a>>) {
    for child in &artifact.children {
        if matches!(
            child.kind,
            ArtifactKind::Diagnostics
                | ArtifactKind::Challenge
                | ArtifactKind::Aadsts
                | ArtifactKind::ServiceError
                | ArtifactKind::Headers
                | ArtifactKind::Exception
        ) {
            all.push(Seen {
                index,
                artifact: child,
            });
            refusals_inside(index, child, all);
        }
    }
}

/// A token request (a form body sent to the token endpoint) found in the paste.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub index: usize,
    pub grant_type: Option<String>,
    pub client_id: Option<String>,
    /// `secret`, `certificate`, or none.
    pub credential: Option<String>,
}

/// What every diagnosis may compare a refusal with: the tokens, challenges and token requests of
/// the paste and the configuration it shows, each with the index of its top-level artifact.
#[derive(Debug, Clone, Default)]
pub struct Paste {
    pub tokens: Vec<(usize, TokenEvidence)>,
    pub challenges: Vec<(usize, ChallengeEvidence)>,
    pub requests: Vec<Request>,
    /// `Get-PartnerApplication` output for Microsoft Graph with empty AppOnlyPermissions.
    pub graph_partner: Vec<usize>,
    /// Challenges from Exchange (client_id is the Exchange application).
    pub exchange_challenge: Vec<usize>,
}

/// An x-ms-diagnostics value that refused a call.
#[derive(Debug, Clone, Default)]
pub struct Refusal {
    pub index: usize,
    pub code: u32,
    pub reason: String,
    /// The reason in lower case, for matching.
    pub lower: String,
}

/// A challenge and a token with a tenant id, from the same paste.
#[derive(Debug, Clone, Default)]
pub struct ChallengeToken {
    pub challenge_index: usize,
    pub challenge: ChallengeEvidence,
    pub token_index: usize,
    pub token: TokenEvidence,
    pub tid: String,
}

/// An AADSTS error and a token request from the same paste.
#[derive(Debug, Clone, Default)]
pub struct TokenError {
    pub index: usize,
    pub codes: Vec<u32>,
    pub request: Request,
}

/// The one case a run of the diagnosis rules looks at.
#[derive(Debug, Clone, Default)]
pub enum Focus {
    #[default]
    Nothing,
    Refusal(Refusal),
    ChallengeToken(Box<ChallengeToken>),
    TokenError(TokenError),
}

/// What a diagnosis rule reads: the paste's evidence and the case in focus.
#[derive(Debug, Clone, Default)]
pub struct CorrelationView {
    pub paste: Paste,
    pub focus: Focus,
    /// An earlier case was already diagnosed as an app-only call reaching on-premises Exchange.
    pub hybrid_diagnosed: bool,
}

impl CorrelationView {
    /// The refusal in focus, if the case is one.
    pub fn refusal(&self) -> Option<&Refusal> {
        match &self.focus {
            Focus::Refusal(r) => Some(r),
            _ => None,
        }
    }

    /// The challenge and token in focus, if the case is one.
    pub fn challenge_token(&self) -> Option<&ChallengeToken> {
        match &self.focus {
            Focus::ChallengeToken(c) => Some(c),
            _ => None,
        }
    }

    /// The AADSTS error and request in focus, if the case is one.
    pub fn token_error(&self) -> Option<&TokenError> {
        match &self.focus {
            Focus::TokenError(e) => Some(e),
            _ => None,
        }
    }

    /// Indexes of the paste's tokens that pass `keep`.
    pub fn tokens_where(&self, keep: impl Fn(&TokenEvidence) -> bool) -> Vec<usize> {
        self.paste
            .tokens
            .iter()
            .filter(|(_, t)| keep(t))
            .map(|(i, _)| *i)
            .collect()
    }
}

/// Gathers the paste's evidence once.
pub fn paste(all: &[Seen<'_>]) -> Paste {
    let tokens = all
        .iter()
        .filter_map(|s| {
            s.artifact
                .evidence
                .token
                .as_ref()
                .map(|t| (s.index, t.clone()))
        })
        .collect();
    let challenges: Vec<(usize, ChallengeEvidence)> = all
        .iter()
        .filter_map(|s| {
            s.artifact
                .evidence
                .challenge
                .as_ref()
                .map(|c| (s.index, c.clone()))
        })
        .collect();
    let requests = all
        .iter()
        .filter(|s| fact(s.artifact, "request.credential").is_some())
        .map(|s| Request {
            index: s.index,
            grant_type: fact(s.artifact, "request.grant_type").map(str::to_string),
            client_id: fact(s.artifact, "request.client_id").map(str::to_string),
            credential: fact(s.artifact, "request.credential").map(str::to_string),
        })
        .collect();
    let graph_partner = all
        .iter()
        .filter(|s| {
            fact(s.artifact, "Get-PartnerApplication.ApplicationIdentifier")
                .is_some_and(|v| v.eq_ignore_ascii_case(GRAPH))
                && fact(s.artifact, "Get-PartnerApplication.AppOnlyPermissions")
                    .is_some_and(|v| v.trim().is_empty() || v == "{}")
        })
        .map(|s| s.index)
        .collect();
    let exchange_challenge = challenges
        .iter()
        .filter(|(_, c)| {
            c.client_id
                .as_deref()
                .is_some_and(|id| id.eq_ignore_ascii_case(EXCHANGE))
        })
        .map(|(i, _)| *i)
        .collect();
    Paste {
        tokens,
        challenges,
        requests,
        graph_partner,
        exchange_challenge,
    }
}

/// The cases to diagnose, in the order their findings are reported: every refusal, then every
/// challenge with every token that names its tenant, then every AADSTS error with the request it answered.
pub fn cases(all: &[Seen<'_>], paste: &Paste) -> Vec<Focus> {
    let mut out = Vec::new();
    for s in all {
        if let Some(ev) = s.artifact.evidence.diagnostics.as_ref() {
            let reason = ev.reason.clone().unwrap_or_default();
            out.push(Focus::Refusal(Refusal {
                index: s.index,
                code: ev.code.unwrap_or(0),
                lower: reason.to_ascii_lowercase(),
                reason,
            }));
        }
    }
    for (challenge_index, challenge) in &paste.challenges {
        for (token_index, token) in &paste.tokens {
            if let Some(tid) = &token.tid {
                out.push(Focus::ChallengeToken(Box::new(ChallengeToken {
                    challenge_index: *challenge_index,
                    challenge: challenge.clone(),
                    token_index: *token_index,
                    token: token.clone(),
                    tid: tid.clone(),
                })));
            }
        }
    }
    for s in all
        .iter()
        .filter(|s| !s.artifact.evidence.aadsts.is_empty())
    {
        if let Some(request) = answered_request(&paste.requests, s.index) {
            out.push(Focus::TokenError(TokenError {
                index: s.index,
                codes: s.artifact.evidence.aadsts.clone(),
                request: request.clone(),
            }));
        }
    }
    out
}

/// The token request an AADSTS error at artifact `error` answered: the nearest one before it in
/// the paste, or else the first one after it. One request per error keeps the diagnoses linear
/// in a log of many requests and answers (one per error, not one per error and request pair).
///
/// `requests` are in paste order, so a binary search finds it.
fn answered_request(requests: &[Request], error: usize) -> Option<&Request> {
    let after = requests.partition_point(|r| r.index <= error);
    after
        .checked_sub(1)
        .or((after < requests.len()).then_some(after))
        .and_then(|i| requests.get(i))
}

/// A token for Microsoft Graph, by URI or application id.
pub fn is_graph_aud(t: &TokenEvidence) -> bool {
    t.aud.as_deref().is_some_and(|a| {
        let a = a.to_ascii_lowercase();
        a.starts_with(GRAPH_AUDIENCE) || a == GRAPH
    })
}

/// An app-only token: marked so, or with roles and neither scopes nor a user.
pub fn is_app_only(t: &TokenEvidence) -> bool {
    t.app_only || (!t.roles.is_empty() && t.scopes.is_empty() && !t.delegated)
}

/// The finding for a known situation, without the artifacts it refers to.
pub fn situation(s: &Situation, severity: Severity) -> Finding {
    let mut f = Finding::new(severity, s.title, s.explanation).source(s.source);
    f.causes = s.causes.iter().map(|c| c.to_string()).collect();
    f.steps = s.steps.iter().map(|step| step.to_step()).collect();
    f
}

#[cfg(test)]
mod pairing_tests {
    use super::*;

    fn request(index: usize) -> Request {
        Request {
            index,
            ..Request::default()
        }
    }

    #[test]
    fn an_error_is_paired_with_the_request_before_it_or_else_the_next_one() {
        let requests = [request(2), request(5), request(9)];
        assert_eq!(answered_request(&requests, 6).map(|r| r.index), Some(5));
        assert_eq!(answered_request(&requests, 5).map(|r| r.index), Some(5));
        assert_eq!(answered_request(&requests, 0).map(|r| r.index), Some(2));
        assert_eq!(answered_request(&requests, 12).map(|r| r.index), Some(9));
        assert!(answered_request(&[], 3).is_none());
    }
}

#[cfg(test)]
pub mod test_view {
    //! Small views for the rules' unit tests.
    use super::*;

    /// A view focused on one x-ms-diagnostics refusal (artifact 0) with the given tokens (1, 2...).
    pub fn refusal(code: u32, reason: &str, tokens: Vec<TokenEvidence>) -> CorrelationView {
        CorrelationView {
            paste: Paste {
                tokens: tokens
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| (i + 1, t))
                    .collect(),
                ..Paste::default()
            },
            focus: Focus::Refusal(Refusal {
                index: 0,
                code,
                reason: reason.to_string(),
                lower: reason.to_ascii_lowercase(),
            }),
            hybrid_diagnosed: false,
        }
    }

    /// A view focused on a challenge (artifact 0) and a token with a tenant (artifact 1).
    pub fn challenge_token(challenge: ChallengeEvidence, token: TokenEvidence) -> CorrelationView {
        CorrelationView {
            focus: Focus::ChallengeToken(Box::new(ChallengeToken {
                challenge_index: 0,
                challenge,
                token_index: 1,
                tid: token.tid.clone().unwrap_or_default(),
                token,
            })),
            ..CorrelationView::default()
        }
    }
}
