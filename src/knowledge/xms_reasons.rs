//! Table: known x-ms-diagnostics reason texts (needles, meaning, causes, fixes), sorted by id.

use super::xms_diagnostics::*;
use super::Fix;

/// A known reason text: every lower-case needle must appear in the reason for the row to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonPattern {
    /// A stable identifier used by the correlator (for example `missing-roles`).
    pub id: &'static str,
    pub needles: &'static [&'static str],
    pub title: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

/// How reason rows are found in free text: by their longest needle that no other row shares, when
/// it is ten characters or more; the finder then checks that every other needle of the row is on
/// the same line.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    let mut uses = std::collections::BTreeMap::<&str, usize>::new();
    for n in REASONS.iter().flat_map(|r| r.needles.iter()) {
        *uses.entry(n).or_default() += 1;
    }
    for row in REASONS {
        let anchor = row
            .needles
            .iter()
            .filter(|n| uses[*n] == 1 && n.len() >= 10)
            .max_by_key(|n| n.len());
        if let Some(anchor) = anchor {
            out.push(Needle::any_case(*anchor, Fact::DiagReason(row.id)));
        }
    }
}

/// Sorted by `id`.
pub const REASONS: &[ReasonPattern] = &[
    ReasonPattern {
        id: "actor-token-unsigned",
        needles: &["actor token", "signed"],
        title: "Actor token signature problem",
        meaning: "Undocumented reason (known from decompiled Exchange code): in a server-to-server token the inner actor token must be signed while the outer token is unsigned.",
        causes: &["The S2S token was built with the wrong signing layout."],
        fixes: &[Fix::text("Build the S2S token as an unsigned outer token carrying the user context and a signed actor token in the actortoken claim (as SharePoint high-trust add-ins do).")],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "app-unknown",
        needles: &["application identifier", "is unknown"],
        title: "Unknown application",
        meaning: "Undocumented reason: Exchange does not know the application id of the caller.",
        causes: &["The caller is not a configured partner application."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "audience-hostname",
        needles: &["hostname component of the audience"],
        title: "Audience host name does not match",
        meaning: "The host (or scheme) in the token's audience differs from the URL Exchange received the request on.",
        causes: &[
            "SSL offloading: Exchange sees http:// while the audience says https://.",
            "A load balancer or reverse proxy changes the host name.",
        ],
        fixes: &[
            Fix::text("Stop SSL offloading for the OAuth endpoints so Exchange receives the request over HTTPS with the public host name."),
            Fix::command("As a stop-gap for hybrid free/busy, disable the IntraOrganizationConnector so Exchange falls back to DAuth.", "Get-IntraOrganizationConnector | Set-IntraOrganizationConnector -Enabled $false"),
        ],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "audience-invalid",
        needles: &["audience claim value is invalid"],
        title: "Token audience is not this API",
        meaning: "The token was issued for another resource than the one that received it.",
        causes: &["A token for another API (for example Azure AD Graph or Microsoft Graph) was sent to Exchange."],
        fixes: &[REACQUIRE],
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    ReasonPattern {
        id: "auth-strength",
        needles: &["auth strength"],
        title: "Authentication strength too low",
        meaning: "Exchange compared how the app proved its identity with what it requires.",
        causes: &["Presented strength 1 means a client secret (appidacr 1); 2 means a certificate (appidacr 2)."],
        fixes: &[Fix::text("Use a certificate credential (signed client assertion) for the app instead of a client secret.")],
        source: crate::knowledge::sources::ISSUES_401,
    },
    ReasonPattern {
        id: "auth-type-not-allowed",
        needles: &["authentication type not allowed"],
        title: "Authentication type not allowed (UCWA)",
        meaning: "Skype for Business UCWA does not allow the grant type the client used.",
        causes: &["The grant type is not enabled on the server."],
        fixes: &[Fix::text("Use a grant type listed in the MsRtcOAuth challenge.")],
        source: UCWA_AUTH_DOC,
    },
    ReasonPattern {
        id: "cannot-parse",
        needles: &["cannot be parsed"],
        title: "Token cannot be parsed",
        meaning: "The server could not read the token at all.",
        causes: &["The token is malformed, truncated, double-encoded, or not a JWT.", "An empty or placeholder token was sent."],
        fixes: &[REACQUIRE],
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    ReasonPattern {
        id: "cannot-parse-spaced",
        needles: &["can not be parsed"],
        title: "Token cannot be parsed",
        meaning: "The server could not read the token at all (this wording is used by the Microsoft Information Protection service).",
        causes: &["The token is malformed, truncated, or was acquired for the wrong resource."],
        fixes: &[REACQUIRE],
        source: crate::knowledge::sources::DEVELOP_QUICK_FILE_LIST_LABELS_CPP,
    },
    ReasonPattern {
        id: "certificate-not-located",
        needles: &["certificate referenced by token"],
        title: "Signing certificate not found",
        meaning: "Undocumented reason: the certificate the token refers to is not available on the server.",
        causes: &["The signing certificate is missing on this server (inferred from the text)."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "flighting",
        needles: &["flighting is not enabled"],
        title: "OAuth not enabled for this domain",
        meaning: "Exchange has OAuth (hybrid modern authentication) switched off for the endpoint or domain.",
        causes: &["HMA is not configured or not enabled for this protocol; the Bearer challenge then lacks authorization_uri."],
        fixes: &[
            Fix::command("Check the EvoSts auth server and that it is the default authorization endpoint.", "Get-AuthServer | Format-List Name,Enabled,IsDefaultAuthorizationEndpoint"),
            RERUN_HCW,
        ],
        source: crate::knowledge::sources::S_1792037_HMA_WITH_ACTIVESYNC_WONT_WORK_WITH_EXCHANGE_SERVER,
    },
    ReasonPattern {
        id: "invalid-algorithm",
        needles: &["valid algorithm in header"],
        title: "Token not signed with a valid algorithm",
        meaning: "SharePoint refused a token whose header has no acceptable alg (for example alg none).",
        causes: &["An unsigned token was sent where a signed one is required."],
        fixes: &[Fix::text("Send a token signed by a trusted issuer (RS256).")],
        source: crate::knowledge::sources::VULNERABILITY_CVE_2023_29357,
    },
    ReasonPattern {
        id: "invalid-audience-uri",
        needles: &["invalid audience uri"],
        title: "Token audience is not SharePoint",
        meaning: "SharePoint rejected the token because it was issued for another resource.",
        causes: &["The token was requested for the app's own client id or for Microsoft Graph."],
        fixes: &[Fix::text("Request the token for the SharePoint resource https://<tenant>.sharepoint.com.")],
        source: crate::knowledge::sources::ISSUES_589,
    },
    ReasonPattern {
        id: "invalid-signature",
        needles: &["invalid signature"],
        title: "Token signature not valid",
        meaning: "Exchange could not validate the signature with the keys it has for the issuer.",
        causes: &["Stale auth server metadata after a key rollover.", "Wrong auth server configuration."],
        fixes: &[REFRESH_AUTH_METADATA, CHECK_AUTH_SERVERS],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "linked-account-partner-app",
        needles: &["linked account", "partner application"],
        title: "No permission or linked account for the partner application",
        meaning: "The token gives Exchange no permission it accepts for the partner application named in the text (00000003-0000-0000-c000-000000000000 is Microsoft Graph).",
        causes: &[
            "An app-only (client credentials) Graph call for an on-premises mailbox in a hybrid: the 'Microsoft Graph' partner application has no AppOnlyPermissions.",
            "The token has no roles claim because Application permissions are missing.",
        ],
        fixes: &[APP_PERMISSIONS, GRAPH_APP_ONLY_PERMISSIONS],
        source: NETWORG_HYBRID_GRAPH,
    },
    ReasonPattern {
        id: "mailexport",
        needles: &["mailexport"],
        title: "MailExport permission required",
        meaning: "Exchange Online requires a MailExport permission for this EWS operation (for example Item.Copy) that full_access_as_app does not include.",
        causes: &["A 2024 Exchange Online change requires new permissions for export-like EWS operations."],
        fixes: &[Fix::text("No supported fix was given in the public thread; check Microsoft's current guidance for the operation or avoid it.")],
        source: crate::knowledge::sources::S_1608048_EWS_OPERATION_ITEM_COPY_FAILS_WITH_FULL_ACCESS_AS,
    },
    ReasonPattern {
        id: "missing-issuer",
        needles: &["missing", "issuer"],
        title: "Issuer missing",
        meaning: "Undocumented reason: the token has no issuer Exchange can use.",
        causes: &["The token lacks the iss claim or it is empty."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "missing-roles",
        needles: &["missing the claim type", "roles"],
        title: "Token has no roles claim",
        meaning: "The API expected an app-only token with Application permissions in the roles claim, and the token has none.",
        causes: &["The app registration has Delegated permissions (the token carries scp) where Application permissions are needed for client credentials."],
        fixes: &[APP_PERMISSIONS],
        source: DAEMON_APPS_BLOG,
    },
    ReasonPattern {
        id: "missing-signing-certificate",
        needles: &["missing signing certificate"],
        title: "Exchange auth certificate missing",
        meaning: "Exchange could not sign its own server-to-server token because its OAuth (auth) certificate is missing or expired.",
        causes: &["The Microsoft Exchange Server Auth Certificate expired or was removed."],
        fixes: &[NEW_AUTH_CERT, RERUN_HCW],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "no-permissions",
        needles: &["contains no permissions"],
        title: "Token contains no usable permissions",
        meaning: "The token carries no permission the API understands.",
        causes: &["An app-only token without Application permissions (no roles claim).", "Permissions were added but admin consent was not granted."],
        fixes: &[APP_PERMISSIONS],
        source: DAEMON_APPS_BLOG,
    },
    ReasonPattern {
        id: "no-valid-security-token",
        needles: &["no valid security token"],
        title: "No valid security token (UCWA)",
        meaning: "Skype for Business UCWA did not receive a usable token.",
        causes: &["Passive authentication was not completed, or the token expired."],
        fixes: &[Fix::text("Complete passive authentication at ms_rtc_passiveauthuri, then request the token again.")],
        source: UCWA_AUTH_DOC,
    },
    ReasonPattern {
        id: "realm-mismatch",
        needles: &["realm", "issuer"],
        title: "Realm of audience and issuer differ",
        meaning: "Undocumented reason: in an S2S token the realm after '@' in aud and iss must be the same tenant.",
        causes: &["The token was built for another tenant or realm."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "scope-or-linked",
        needles: &["should have valid scope claim"],
        title: "No scope and no linked account",
        meaning: "Undocumented reason: the token has neither a valid scp claim nor a linked account for the partner application.",
        causes: &["A delegated token without the needed scope, or an app-only token without permissions."],
        fixes: &[APP_PERMISSIONS],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "tenant-not-exist",
        needles: &["tenant for", "does not exist"],
        title: "Tenant not found",
        meaning: "The realm or tenant in the token does not resolve to an Exchange organization.",
        causes: &["Wildcard accepted domains break the realm lookup for Skype for Business / Lync server-to-server calls."],
        fixes: &[Fix::command("Define every accepted domain explicitly instead of a wildcard.", "Get-AcceptedDomain | Format-Table Name,DomainName,DomainType")],
        source: crate::knowledge::sources::SERVER_EXCHANGE_INTEGRATION_SFB_AND_EXCHANGE_INTEGRATION_FAI,
    },
    ReasonPattern {
        id: "token-expired",
        needles: &["token has expired"],
        title: "Token expired",
        meaning: "The token is past its expiry time.",
        causes: &["A cached token was reused too long.", "Clock skew."],
        fixes: &[Fix::text("Acquire a new token and check the clocks (our suggestion).")],
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    ReasonPattern {
        id: "token-profile-generic",
        needles: &["token profile", "not applicable"],
        title: "Token type not accepted by this endpoint",
        meaning: "Exchange recognised the kind of token (its profile) but this endpoint is not configured to accept it.",
        causes: &["The token type (app-only, app acting as user, v1 Entra) is not enabled for this protocol on this server."],
        fixes: &[REACQUIRE, TEST_OAUTH],
        source: NETWORG_HYBRID_GRAPH,
    },
    ReasonPattern {
        id: "token-profile-s2sappactas",
        needles: &["token profile", "s2sappactas"],
        title: "S2SAppActAs token not accepted",
        meaning: "A server-to-server token acting for a user (S2SAppActAs) was refused; Microsoft's free/busy checker prints this when Test-OAuthConnectivity reports invalid_token.",
        causes: &["OAuth between Exchange and Exchange Online is misconfigured (auth servers, partner applications or certificates)."],
        fixes: &[TEST_OAUTH, CHECK_AUTH_SERVERS, RERUN_HCW],
        source: crate::knowledge::sources::FUNCTIONS_EXOOAUTHFUNCTIONS_PS1,
    },
    ReasonPattern {
        id: "token-profile-v1s2sapponly",
        needles: &["token profile", "v1s2sapponly"],
        title: "Entra app-only token not accepted on-premises",
        meaning: "An Entra v1 app-only token (client credentials) reached an on-premises Exchange REST endpoint that does not accept the V1S2SAppOnly profile, typically a Graph call for an on-premises mailbox in a hybrid.",
        causes: &["App-only Microsoft Graph or REST calls for mailboxes hosted on-premises; Exchange's REST endpoint does not allow this profile by default."],
        fixes: &[
            Fix::text("Prefer a supported path: delegated access, or move the mailbox to Exchange Online."),
            V1S2SAPPONLY_WEBCONFIG,
            GRAPH_APP_ONLY_PERMISSIONS,
        ],
        source: NETWORG_HYBRID_GRAPH,
    },
    ReasonPattern {
        id: "trusted-issuers-not-configured",
        needles: &["none of them are configured locally"],
        title: "Trusted issuer not configured locally",
        meaning: "The remote side trusts only issuers that this Exchange organization has no auth server for.",
        causes: &["The on-premises organization targets 21Vianet (partner.outlook.cn), which trusts 00000001-0002-0000-c000-000000000000, while the local auth server is the global ACS."],
        fixes: &[
            Fix::command("For Office 365 operated by 21Vianet, create the auth server with the China ACS metadata.", "New-AuthServer -Name \"MicrosoftAzureACS\" -AuthMetadataUrl https://accounts.accesscontrol.chinacloudapi.cn/<your verified domain>/metadata/json/1"),
            CHECK_AUTH_SERVERS,
        ],
        source: crate::knowledge::sources::S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY,
    },
    ReasonPattern {
        id: "unknown-issuer",
        needles: &["issuer", "unknown"],
        title: "Unknown issuer",
        meaning: "Undocumented reason: the token's issuer is not a configured auth server or partner application.",
        causes: &["The issuer is not trusted by this Exchange organization."],
        fixes: &[CHECK_AUTH_SERVERS, RERUN_HCW],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "user-ambiguous",
        needles: &["ambiguous"],
        title: "User is ambiguous",
        meaning: "More than one on-premises object matches the user in the token.",
        causes: &["The UPN, SMTP or SIP address is also used by another on-premises object (a duplicate)."],
        fixes: &[LDAP_DUPLICATES],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "user-not-exist",
        needles: &["user specified by the user-context", "does not exist"],
        title: "User does not exist",
        meaning: "Exchange found no mailbox or mail user for the user in the token.",
        causes: &["The on-premises mailbox and the cloud mail user are not synchronised (directory sync).", "The test account is not synchronised."],
        fixes: &[SYNC_USER, TEST_OAUTH],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "xms-trpid",
        needles: &["xms_trpid"],
        title: "Tenant restrictions v2 applied",
        meaning: "Global Secure Access applied tenant restrictions v2 (TRv2); the token lacks the xms_trpid claim, so access is blocked.",
        causes: &["The target tenant is not allowed by the tenant restrictions policy."],
        fixes: &[Fix::text("Expected when the tenant is not allowed; an admin can allow it in the tenant restrictions v2 policy.")],
        source: UNIVERSAL_TENANT_RESTRICTIONS_DOC,
    },
];

/// Every reason pattern whose needles all appear in `reason` (compared in lower case).
pub fn reasons_matching(reason: &str) -> Vec<&'static ReasonPattern> {
    let lower = reason.to_ascii_lowercase();
    REASONS
        .iter()
        .filter(|r| r.needles.iter().all(|n| lower.contains(n)))
        .collect()
}

/// Looks up a reason pattern by its stable id.
pub fn reason_by_id(id: &str) -> Option<&'static ReasonPattern> {
    REASONS
        .binary_search_by(|r| r.id.cmp(id))
        .ok()
        .map(|i| &REASONS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_sorted_unique_and_complete() {
        for pair in REASONS.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for r in REASONS {
            assert!(!r.needles.is_empty() && !r.fixes.is_empty(), "{}", r.id);
            assert!(
                r.needles.iter().all(|n| *n == n.to_lowercase()),
                "{} needles must be lower case",
                r.id
            );
            crate::knowledge::assert_source(r.source, r.id);
        }
    }

    #[test]
    fn reason_matching_ignores_case() {
        let hits = reasons_matching("Presented Auth Strength was 1, required is 2.");
        assert_eq!(hits.first().map(|r| r.id), Some("auth-strength"));
    }

    #[test]
    fn real_reason_texts_find_their_patterns() {
        let cases = [
            ("This token profile 'V1S2SAppOnly' is not applicable for the current protocol.", "token-profile-v1s2sapponly"),
            ("The token is missing the claim type 'roles'.", "missing-roles"),
            ("The token contains no permissions, or permissions can not be understood.", "no-permissions"),
            ("The hostname component of the audience claim value is invalid. Expected 'https://mail.contoso.com'. Actual 'http://mail.contoso.com'.", "audience-hostname"),
            ("The user specified by the user-context in the token is ambiguous.", "user-ambiguous"),
            ("The user specified by the user-context in the token does not exist.", "user-not-exist"),
            ("The tenant for tenant guid 'contoso.com' does not exist.", "tenant-not-exist"),
            ("The token should have valid permissions or linked account associated with partner application '00000003-0000-0000-c000-000000000000'.", "linked-account-partner-app"),
            ("Flighting is not enabled for domain 'mail.dummy.uk'.", "flighting"),
            ("xms_trpid claim was not present but sec-tenant-restriction-access-policy header was in requires", "xms-trpid"),
            ("Invalid audience Uri 'f8f8d2ad-7c9d-4aac-80eb-3f00a263c879'.", "invalid-audience-uri"),
            ("OAuth token submitted with the request can not be parsed.", "cannot-parse-spaced"),
            ("Missing signing certificate", "missing-signing-certificate"),
        ];
        for (reason, id) in cases {
            let ids: Vec<_> = reasons_matching(reason).iter().map(|r| r.id).collect();
            assert!(ids.contains(&id), "{reason:?} gave {ids:?}");
        }
        assert!(reasons_matching("nothing we know").is_empty());
        let cert = reason_by_id("missing-signing-certificate").unwrap();
        assert!(cert.fixes.iter().any(|f| f
            .command
            .unwrap_or("")
            .contains("Set-AuthConfig -PublishCertificate")));
    }
}
