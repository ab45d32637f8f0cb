//! Diagnoses that join an error (x-ms-diagnostics, challenge, AADSTS) with the token that caused it,
//! the request that asked for it, or the configuration behind it.
//!
//! Single-artifact explanations live on the artifacts themselves; what is here needs a second
//! artifact, or turns a very specific reason text into a situation with a concrete fix.

use crate::context::Context;
use crate::knowledge::apps;
use crate::report::{Artifact, ArtifactKind, Finding, Report, Severity, Step, TokenEvidence};

// ---------------------------------------------------------------------------------------------
// Situations and their fixes, with public sources. (Facts for the correlator; the integrator may
// move them into knowledge/ later.)
// ---------------------------------------------------------------------------------------------

const EWS_JAVA_401: &str = crate::knowledge::sources::ISSUES_401;
const DAEMON_BLOG: &str =
    crate::knowledge::sources::EXCHANGEDEV_BUILDING_DAEMON_OR_SERVICE_APPS_WITH_OFFICE_365;
const HYBRID_GRAPH: &str =
    crate::knowledge::sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID;
const CERT_CREDS: &str = crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS;
const ACCESS_TOKENS: &str = crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKENS;
const SP_AUDIENCE: &str = crate::knowledge::sources::ISSUES_589;

const GRAPH: &str = "00000003-0000-0000-c000-000000000000";
const EXCHANGE: &str = "00000002-0000-0ff1-ce00-000000000000";
const SHAREPOINT: &str = "00000003-0000-0ff1-ce00-000000000000";

/// The resource to ask a token for, by the client_id of the challenge that refused it.
const RESOURCE_FOR: &[(&str, &str)] = &[
    (EXCHANGE, "Exchange: https://outlook.office365.com for Exchange Online, or the on-premises host (https://mail.contoso.com) in hybrid"),
    (SHAREPOINT, "SharePoint: the SharePoint resource https://<tenant>.sharepoint.com"),
    (GRAPH, "Microsoft Graph: https://graph.microsoft.com"),
];

fn web_config_step() -> Step {
    Step::with_command(
        "On every Exchange server, add V1S2SAppOnly to the OAuthHttpModule.Profiles value in FrontEnd\\HttpProxy\\rest\\web.config (a community workaround), then restart IIS.",
        "notepad \"$env:ExchangeInstallPath\\FrontEnd\\HttpProxy\\rest\\web.config\"\n# <add key=\"OAuthHttpModule.Profiles\" value=\"...;V1S2SAppOnly\" />\niisreset",
    )
    .unsupported()
}

fn app_only_permissions_step() -> Step {
    Step::with_command(
        "Give the 'Microsoft Graph' partner application app-only permissions by copying its ActAsPermissions (a community workaround), then restart IIS.",
        "Set-PartnerApplication -Identity \"Microsoft Graph\" -AppOnlyPermissions (Get-PartnerApplication \"Microsoft Graph\").ActAsPermissions\niisreset",
    )
    .unsupported()
}

// ---------------------------------------------------------------------------------------------

struct Seen<'a> {
    index: usize,
    artifact: &'a Artifact,
}

fn fact<'a>(a: &'a Artifact, key: &str) -> Option<&'a str> {
    a.evidence
        .facts
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn is_graph_aud(t: &TokenEvidence) -> bool {
    t.aud.as_deref().is_some_and(|a| {
        let a = a.to_ascii_lowercase();
        a.starts_with("https://graph.microsoft.com") || a == GRAPH
    })
}

fn is_app_only(t: &TokenEvidence) -> bool {
    t.app_only || (!t.roles.is_empty() && t.scopes.is_empty() && !t.delegated)
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

/// Adds diagnoses for combinations of artifacts in the same paste.
pub fn diagnose(report: &mut Report, _ctx: &Context) {
    let mut found: Vec<Finding> = Vec::new();
    {
        let mut all: Vec<Seen> = Vec::new();
        for (index, artifact) in report.artifacts.iter().enumerate() {
            all.push(Seen { index, artifact });
            refusals_inside(index, artifact, &mut all);
        }
        let tokens: Vec<(usize, &TokenEvidence)> = all
            .iter()
            .filter_map(|s| s.artifact.evidence.token.as_ref().map(|t| (s.index, t)))
            .collect();
        let challenges: Vec<&Seen> = all
            .iter()
            .filter(|s| s.artifact.evidence.challenge.is_some())
            .collect();
        let requests: Vec<&Seen> = all
            .iter()
            .filter(|s| fact(s.artifact, "request.credential").is_some())
            .collect();
        let graph_partner: Vec<usize> = all
            .iter()
            .filter(|s| {
                fact(s.artifact, "Get-PartnerApplication.ApplicationIdentifier")
                    .is_some_and(|v| v.eq_ignore_ascii_case(GRAPH))
                    && fact(s.artifact, "Get-PartnerApplication.AppOnlyPermissions")
                        .is_some_and(|v| v.trim().is_empty() || v == "{}")
            })
            .map(|s| s.index)
            .collect();
        let exchange_challenge: Vec<usize> = challenges
            .iter()
            .filter(|s| {
                s.artifact
                    .evidence
                    .challenge
                    .as_ref()
                    .and_then(|c| c.client_id.as_deref())
                    .is_some_and(|c| c.eq_ignore_ascii_case(EXCHANGE))
            })
            .map(|s| s.index)
            .collect();

        for d in all
            .iter()
            .filter(|s| s.artifact.evidence.diagnostics.is_some())
        {
            let Some(ev) = d.artifact.evidence.diagnostics.as_ref() else {
                continue;
            };
            let reason = ev.reason.clone().unwrap_or_default();
            let lower = reason.to_lowercase();
            let code = ev.code.unwrap_or(0);

            // 2000010: a client secret where a certificate is required.
            if code == 2_000_010 || lower.contains("auth strength") {
                let secret_tokens: Vec<usize> = tokens
                    .iter()
                    .filter(|(_, t)| t.appidacr.as_deref() == Some("1"))
                    .map(|(i, _)| *i)
                    .collect();
                let secret_requests: Vec<usize> = requests
                    .iter()
                    .filter(|s| fact(s.artifact, "request.credential") == Some("secret"))
                    .map(|s| s.index)
                    .collect();
                if !secret_tokens.is_empty() || !secret_requests.is_empty() {
                    let mut f = Finding::new(
                        Severity::Error,
                        "The app authenticated with a client secret; Exchange requires a certificate",
                        "The token has appidacr 1 (or was requested with client_secret): the app proved itself with a secret, which Exchange reports as auth strength 1. This API requires strength 2: a certificate (signed client assertion).",
                    )
                    .cause("The app registration uses a client secret for an app-only Exchange call.")
                    .step(Step::new("Upload a certificate (public key) to the app registration under Certificates & secrets."))
                    .step(Step::new("Acquire the token with that certificate (MSAL: WithCertificate / client_assertion) instead of client_secret; the new token shows appidacr 2."))
                    .source(EWS_JAVA_401);
                    f.refers_to = [vec![d.index], secret_tokens, secret_requests].concat();
                    found.push(f);
                }
            }

            // Missing roles claim: a delegated token where an application permission is needed.
            if lower.contains("claim type 'roles'") || lower.contains("contains no permissions") {
                let delegated: Vec<usize> = tokens
                    .iter()
                    .filter(|(_, t)| t.roles.is_empty())
                    .map(|(i, _)| *i)
                    .collect();
                let title =
                    if !delegated.is_empty() && tokens.iter().any(|(_, t)| !t.scopes.is_empty()) {
                        "Delegated token (scp only) where an application permission is needed"
                    } else {
                        "The token carries no application permissions (roles claim)"
                    };
                let mut f = Finding::new(
                    Severity::Error,
                    title,
                    "App-only calls are authorised by the roles claim, which holds the application permissions granted to the app. A token with only delegated permissions (scp) or no permissions is refused.",
                )
                .cause("The app registration has Delegated permissions where Application permissions are needed (or none at all).")
                .cause("Admin consent for the application permissions was never granted.")
                .step(Step::new("In the app registration, add the API's Application permissions (not Delegated), for example Mail.Read under Office 365 Exchange Online or Microsoft Graph."))
                .step(Step::new("Grant admin consent for the tenant, then acquire a new token with the client credentials flow and check that it has a roles claim."))
                .source(DAEMON_BLOG);
                f.refers_to = [vec![d.index], delegated].concat();
                found.push(f);
            }

            // 2000008 naming the Graph partner application: app-only Graph to an on-premises mailbox.
            if code == 2_000_008 && lower.contains(GRAPH) {
                let graph_tokens: Vec<usize> = tokens
                    .iter()
                    .filter(|(_, t)| is_graph_aud(t) && is_app_only(t))
                    .map(|(i, _)| *i)
                    .collect();
                let mut f = Finding::new(
                    Severity::Error,
                    "App-only Microsoft Graph call reached an on-premises mailbox (hybrid)",
                    "Microsoft Graph proxied a client credentials (app-only) call to Exchange Server, whose 'Microsoft Graph' partner application has no app-only permissions. Microsoft supports only delegated Graph access to on-premises mailboxes here.",
                )
                .cause("The mailbox lives on-premises in a hybrid deployment and the app uses an app-only token.")
                .cause("The 'Microsoft Graph' partner application has empty AppOnlyPermissions.")
                .step(web_config_step())
                .step(app_only_permissions_step())
                .step(Step::new("Supported alternatives: use delegated permissions (a signed-in user), or move the mailbox to Exchange Online."))
                .source(HYBRID_GRAPH);
                f.refers_to = [
                    vec![d.index],
                    graph_tokens,
                    graph_partner.clone(),
                    exchange_challenge.clone(),
                ]
                .concat();
                found.push(f);
            }

            // V1S2SAppOnly not accepted by the on-premises REST endpoint.
            if lower.contains("v1s2sapponly") {
                let graph_tokens: Vec<usize> = tokens
                    .iter()
                    .filter(|(_, t)| is_app_only(t))
                    .map(|(i, _)| *i)
                    .collect();
                let mut f = Finding::new(
                    Severity::Error,
                    "App-only (client credentials) call proxied to on-premises Exchange REST",
                    "An app-only Entra v1 token (profile V1S2SAppOnly) reached the REST endpoint of Exchange Server (hybrid), whose OAuthHttpModule does not accept that token profile by default.",
                )
                .cause("A Microsoft Graph or REST call with client credentials for a mailbox that lives on-premises.")
                .step(web_config_step())
                .step(Step::new("After that, Exchange answers 2000008 until the 'Microsoft Graph' partner application gets AppOnlyPermissions:"))
                .step(app_only_permissions_step())
                .step(Step::new("Supported alternatives: use delegated permissions (a signed-in user), or move the mailbox to Exchange Online."))
                .source(HYBRID_GRAPH);
                f.refers_to = [vec![d.index], graph_tokens, exchange_challenge.clone()].concat();
                found.push(f);
            }

            // Audience refused: name the audience the token has and the one expected.
            if lower.contains("audience") && !lower.contains("expected '") {
                let expected_by_challenge = challenges.iter().find_map(|c| {
                    c.artifact
                        .evidence
                        .challenge
                        .as_ref()
                        .and_then(|e| e.client_id.clone())
                        .map(|id| (c.index, id))
                });
                let reason_aud = crate::decode::xms_diagnostics::quoted_in(&reason);
                let token_aud = tokens
                    .iter()
                    .find_map(|(i, t)| t.aud.clone().map(|a| (*i, a)));
                let actual = token_aud
                    .as_ref()
                    .map(|(_, a)| a.clone())
                    .or_else(|| reason_aud.last().cloned());
                let expected = reason_aud
                    .first()
                    .filter(|_| reason_aud.len() > 1)
                    .cloned()
                    .or_else(|| {
                        expected_by_challenge.as_ref().map(|(_, id)| {
                            RESOURCE_FOR
                                .iter()
                                .find(|(k, _)| k.eq_ignore_ascii_case(id))
                                .map_or_else(|| id.clone(), |(_, r)| r.to_string())
                        })
                    });
                if let (Some(actual), Some(expected)) = (actual, expected) {
                    if token_aud.is_some() || expected_by_challenge.is_some() {
                        let name = apps::app_by_id(&actual)
                            .map_or(String::new(), |a| format!(" ({})", a.name));
                        let mut f = Finding::new(
                            Severity::Error,
                            "The token is for another audience",
                            format!("The token's audience is '{actual}'{name}, but this server expects a token for {expected}."),
                        )
                        .cause("The token was requested for the wrong resource (for example the app's own client id, or Microsoft Graph).")
                        .step(Step::new(format!("Request the token for {expected} (resource or scope), then call the API with the new token.")))
                        .source(if code == 3_000_003 { SP_AUDIENCE } else { ACCESS_TOKENS });
                        f.refers_to = vec![d.index];
                        if let Some((i, _)) = token_aud {
                            f.refers_to.push(i);
                        }
                        if let Some((i, _)) = expected_by_challenge {
                            f.refers_to.push(i);
                        }
                        found.push(f);
                    }
                }
            }
        }

        // Challenge realm vs token tenant; Exchange challenge vs a token for another resource.
        for c in &challenges {
            let Some(ch) = c.artifact.evidence.challenge.as_ref() else {
                continue;
            };
            for (ti, t) in &tokens {
                let Some(tid) = t.tid.as_deref() else {
                    continue;
                };
                let realms: Vec<&str> = ch
                    .trusted_issuers
                    .iter()
                    .filter_map(|e| e.split_once('@').map(|x| x.1))
                    .filter(|r| crate::text::is_guid(r))
                    .collect();
                if !realms.is_empty() && !realms.iter().any(|r| r.eq_ignore_ascii_case(tid)) {
                    let mut f = Finding::new(
                        Severity::Warning,
                        "The token's tenant is not the realm the server trusts",
                        format!("The challenge trusts issuers for realm {} but the token's tid is {tid}.", realms.join(", ")),
                    )
                    .step(Step::new("Request the token from the tenant the resource belongs to (use the tenant id from the challenge in the authority URL)."))
                    .source(ACCESS_TOKENS);
                    f.refers_to = vec![c.index, *ti];
                    found.push(f);
                }
                let exchange = ch
                    .client_id
                    .as_deref()
                    .is_some_and(|id| id.eq_ignore_ascii_case(EXCHANGE));
                if exchange
                    && is_graph_aud(t)
                    && !found.iter().any(|f| f.title.contains("on-premises"))
                {
                    let mut f = Finding::new(
                        Severity::Warning,
                        "Exchange refused a token issued for Microsoft Graph",
                        "The challenge comes from Exchange (client_id 00000002-0000-0ff1-ce00-000000000000) but the token's audience is Microsoft Graph. Either Graph proxied the call to an on-premises mailbox (hybrid), or the token was sent straight to Exchange.",
                    )
                    .step(Step::new("To call Exchange directly, request the token for https://outlook.office365.com (or the on-premises host); for Graph calls to on-premises mailboxes, see the hybrid diagnosis."))
                    .source(ACCESS_TOKENS);
                    f.refers_to = vec![c.index, *ti];
                    found.push(f);
                }
            }
        }

        // AADSTS error plus the token request it answered.
        for e in all
            .iter()
            .filter(|s| !s.artifact.evidence.aadsts.is_empty())
        {
            for r in &requests {
                let grant = fact(r.artifact, "request.grant_type").unwrap_or("?");
                let client = fact(r.artifact, "request.client_id").unwrap_or("?");
                let cred = fact(r.artifact, "request.credential").unwrap_or("none");
                let codes: Vec<String> = e
                    .artifact
                    .evidence
                    .aadsts
                    .iter()
                    .map(|c| format!("AADSTS{c}"))
                    .collect();
                let mut f = Finding::new(
                    Severity::Error,
                    format!("{} answered the {grant} request of app {client}", codes.join("/")),
                    format!(
                        "The failing token request used grant_type={grant} with {} (the secret is masked in this report).",
                        match cred {
                            "secret" => "a client secret",
                            "certificate" => "a certificate (client assertion)",
                            _ => "no client credential",
                        }
                    ),
                );
                if cred == "secret"
                    && e.artifact
                        .evidence
                        .aadsts
                        .iter()
                        .any(|c| matches!(c, 7_000_222 | 7_000_215 | 70_002 | 50_012))
                {
                    f = f
                        .cause("The client secret sent is expired, wrong, or the secret's id was sent instead of its value.")
                        .step(Step::with_command("Create a new client secret (or better, a certificate credential) and update the app's configuration.", format!("az ad app credential reset --id {client} --append")))
                        .source(CERT_CREDS);
                }
                f.refers_to = vec![e.index, r.index];
                found.push(f);
            }
        }
    }
    // The same situation found through several refusals is one diagnosis naming all of them.
    let mut merged: Vec<Finding> = Vec::new();
    for f in found {
        match merged.iter_mut().find(|m| m.title == f.title) {
            Some(m) => {
                for i in f.refers_to {
                    if !m.refers_to.contains(&i) {
                        m.refers_to.push(i);
                    }
                }
            }
            None => merged.push(f),
        }
    }
    if let Some(o) = overview(report, &merged) {
        report.diagnoses.push(o);
    }
    report.diagnoses.extend(merged);
}

/// One failure kind in a paste, with the artifacts that show it.
struct Failure {
    key: String,
    indexes: Vec<usize>,
    count: usize,
}

/// Distinct failures (x-ms-diagnostics codes, AADSTS codes, service error codes, and Bearer
/// errors when no x-ms-diagnostics explains them) with how often each appears.
fn failures(report: &Report) -> Vec<Failure> {
    let mut all: Vec<Seen> = Vec::new();
    for (index, artifact) in report.artifacts.iter().enumerate() {
        all.push(Seen { index, artifact });
        refusals_inside(index, artifact, &mut all);
    }
    let any_diagnostics = all
        .iter()
        .any(|s| s.artifact.evidence.diagnostics.is_some());
    let mut out: Vec<Failure> = Vec::new();
    let mut add = |key: String, index: usize| match out.iter_mut().find(|f| f.key == key) {
        Some(f) => {
            f.count += 1;
            if !f.indexes.contains(&index) {
                f.indexes.push(index);
            }
        }
        None => out.push(Failure {
            key,
            indexes: vec![index],
            count: 1,
        }),
    };
    for s in &all {
        let ev = &s.artifact.evidence;
        if let Some(d) = &ev.diagnostics {
            let key = match (d.code, d.category.as_deref()) {
                (Some(c), Some(cat)) => format!("{c} {cat}"),
                (Some(c), None) => c.to_string(),
                (None, Some(cat)) => cat.to_string(),
                (None, None) => "x-ms-diagnostics".to_string(),
            };
            add(key, s.index);
        }
        for c in &ev.aadsts {
            add(format!("AADSTS{c}"), s.index);
        }
        if let Some(code) = fact(s.artifact, "service_error") {
            add(code.to_string(), s.index);
        }
        if !any_diagnostics {
            if let Some(e) = ev.challenge.as_ref().and_then(|c| c.error.as_deref()) {
                add(format!("Bearer error={e}"), s.index);
            }
        }
    }
    out
}

/// The overview of a paste with many refusals: each distinct failure once with its count, and
/// the first fix for the most frequent one.
fn overview(report: &Report, diagnoses: &[Finding]) -> Option<Finding> {
    let mut list = failures(report);
    let total: usize = list.iter().map(|f| f.count).sum();
    if total < 3 || (list.len() < 2 && total < 4) {
        return None;
    }
    // Most frequent first; equal counts keep the order of the paste.
    list.sort_by_key(|f| std::cmp::Reverse(f.count));
    let summary = list
        .iter()
        .map(|f| format!("{} \u{d7}{}", f.key, f.count))
        .collect::<Vec<_>>()
        .join(", ");
    let top = list.first()?;
    let mut f = Finding::new(
        Severity::Error,
        format!("{total} refusals in this paste, {} distinct", list.len()),
        summary,
    );
    // The top fix: a diagnosis about the most frequent failure, else that failure's own card.
    // It is only named when one failure is the most frequent and has artifacts of its own (failures
    // nested in one HAR card share its index, so a fix found there could belong to another one).
    let most_frequent = list.get(1).is_none_or(|second| top.count > second.count);
    let own: Vec<usize> = top
        .indexes
        .iter()
        .copied()
        .filter(|i| !list.iter().skip(1).any(|other| other.indexes.contains(i)))
        .collect();
    let from_diagnosis = diagnoses
        .iter()
        .find(|d| d.refers_to.iter().any(|i| own.contains(i)) && !d.steps.is_empty());
    let from_card = || {
        let a = report.artifacts.get(*own.first()?)?;
        std::iter::once(a)
            .chain(a.children.iter())
            .flat_map(|x| x.findings.iter())
            .find(|x| !x.steps.is_empty() && x.severity != Severity::Info)
    };
    let best = if most_frequent && !own.is_empty() {
        from_diagnosis.or_else(from_card)
    } else {
        None
    };
    if let Some(best) = best {
        let step = best
            .steps
            .iter()
            .find(|s| !s.unsupported)
            .or_else(|| best.steps.first());
        if let Some(step) = step {
            let mut step = step.clone();
            step.text = format!("Top fix for {} ({}): {}", top.key, best.title, step.text);
            f = f.step(step);
            f.source = best.source.clone();
        }
    }
    f.refers_to = list
        .iter()
        .flat_map(|x| x.indexes.iter().copied())
        .collect();
    f.refers_to.dedup();
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::context::Context;
    use crate::report::{Artifact, ArtifactKind, Span, TokenEvidence};

    fn with_token(text: &str, token: TokenEvidence) -> crate::report::Report {
        let ctx = Context::fixed();
        let mut report = crate::inspect(text, &ctx);
        let mut t = Artifact::new(ArtifactKind::DecodedClaims, Span::new(0, 0), "token");
        t.evidence.token = Some(token);
        report.artifacts.push(t);
        report.diagnoses.clear();
        super::diagnose(&mut report, &ctx);
        report
    }

    #[test]
    fn secret_token_and_2000010() {
        let r = with_token(
            "x-ms-diagnostics: 2000010;reason=\"Presented auth strength was 1, required is 2.\";error_category=\"insufficient_auth_strength\"",
            TokenEvidence { appidacr: Some("1".into()), app_only: true, ..TokenEvidence::default() },
        );
        assert!(r
            .diagnoses
            .iter()
            .any(|f| f.title.contains("client secret") && f.refers_to.len() == 2));
    }

    #[test]
    fn roles_missing_with_delegated_token() {
        let r = with_token(
            "x-ms-diagnostics: 2000001;reason=\"The token is missing the claim type 'roles'.\";error_category=\"invalid_token\"",
            TokenEvidence { delegated: true, scopes: vec!["Mail.Read".into()], ..TokenEvidence::default() },
        );
        assert!(r
            .diagnoses
            .iter()
            .any(|f| f.title.starts_with("Delegated token")));
    }

    #[test]
    fn audience_mismatch_names_both() {
        let r = with_token(
            "x-ms-diagnostics: 2000003;reason=\"The audience claim value is invalid 'aud'.\";error_category=\"invalid_resource\"\nWWW-Authenticate: Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers=\"00000001-0000-0000-c000-000000000000@11111111-1111-1111-1111-111111111111\"",
            TokenEvidence { aud: Some("https://graph.microsoft.com".into()), tid: Some("22222222-2222-2222-2222-222222222222".into()), ..TokenEvidence::default() },
        );
        let text = crate::render::report_text(&r);
        assert!(
            text.contains("audience is 'https://graph.microsoft.com'"),
            "{text}"
        );
        assert!(text.contains("outlook.office365.com"));
        assert!(text.contains("realm 11111111"));
    }

    #[test]
    fn hybrid_graph_fix_from_the_iis_log_and_freb_lines() {
        let ctx = Context::fixed();
        let iis = "Bearer+client_id=\"00000002-0000-0ff1-ce00-000000000000\",+trusted_issuers=\"00000001-0000-0000-c000-000000000000@<REDACTED>\",+token_types=\"app_asserted_user_v1+service_asserted_app_v1\",+error=\"invalid_token\"\n2000008;reason=\"The+token+should+have+valid+permissions+or+linked+account+associated+with+partner+application+'00000003-0000-0000-c000-000000000000'.\";error_category=\"invalid_grant\"";
        let text = crate::render::report_text(&crate::inspect(iis, &ctx));
        assert!(text.contains("Set-PartnerApplication"), "{text}");
        assert!(text.contains("UNSUPPORTED by Microsoft"));
        let freb = "GENERAL_SET_RESPONSE_HEADER HeaderName=\"x-ms-diagnostics\", HeaderValue=\"2000001;reason=\"This token profile 'V1S2SAppOnly' is not applicable for the current protocol.\";error_category=\"invalid_token\"\", Replace=\"false\"";
        let text = crate::render::report_text(&crate::inspect(freb, &ctx));
        assert!(text.contains("OAuthHttpModule.Profiles"), "{text}");
        assert!(text.contains("Failed Request Tracing"));
    }
}
