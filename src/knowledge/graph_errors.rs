//! Table: Microsoft Graph and EWS error codes seen in auth failures.

use super::Fix;

/// One error code as it appears in `error.code` of a Graph body or an EWS `ResponseCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceError {
    pub code: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

/// How Graph and EWS error rows are found in free text: by their code, written as it is spelled,
/// when it is distinctive enough not to be an ordinary word.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{distinctive_identifier, Fact, Needle};
    for row in ERRORS.iter().filter(|r| distinctive_identifier(r.code)) {
        out.push(Needle::exact(row.code, Fact::ServiceError(row.code)));
    }
    // Message texts long enough to be distinctive are found alone, as a body without its code.
    for m in MESSAGES.iter().filter(|m| m.needle.len() >= 20) {
        out.push(Needle::any_case(m.needle, Fact::ServiceMessage(m.needle)));
    }
    // The texts a service sends with a code stand for that code when the code itself was not
    // pasted (a client library's exception often prints only the message).
    for m in CODE_MESSAGES {
        out.push(Needle::any_case(m.text, Fact::ServiceError(m.code)));
    }
}

/// A message text that a service sends with one error code, as clients print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMessage {
    pub code: &'static str,
    /// The fixed part of the message, without the values the server fills in and without text
    /// that a console may wrap onto the next line.
    pub text: &'static str,
    /// A public paste or page that shows the message.
    pub source: &'static str,
}

/// Sorted by `code`. Messages that `MESSAGES` explains on their own are not repeated here.
pub const CODE_MESSAGES: &[CodeMessage] = &[
    CodeMessage {
        code: "Authorization_IdentityNotFound",
        text: "The identity of the calling application could not be established",
        source: crate::knowledge::sources::COMPANY_COMMUNICATOR_ISSUES_591,
    },
    CodeMessage {
        code: "Authorization_RequestDenied",
        text: "Insufficient privileges to complete the operation",
        source: crate::knowledge::sources::NODEJS_CONNECT_REST_SAMPLE_ISSUES_69,
    },
    CodeMessage {
        code: "ErrorExceededConnectionCount",
        text: "You have exceeded the available concurrent connections",
        source: crate::knowledge::sources::EXCHANGELIB_ISSUES_279,
    },
    CodeMessage {
        code: "ErrorImpersonateUserDenied",
        text: "does not have permission to impersonate the requested",
        source: crate::knowledge::sources::EWS_MANAGED_API_ISSUES_223,
    },
    CodeMessage {
        code: "ErrorItemNotFound",
        text: "The specified object was not found in the store",
        source: crate::knowledge::sources::EWS_DELETEFOLDER_OPERATION,
    },
    CodeMessage {
        code: "ErrorMailboxStoreUnavailable",
        text: "The mailbox database is temporarily unavailable",
        source: crate::knowledge::sources::EWS_STREAMING_NOTIFICATION_SAMPLE,
    },
    CodeMessage {
        code: "ErrorNoApplicableProxyCASServersAvailable",
        text: "no available Client Access Services Servers",
        source: crate::knowledge::sources::PHP_EWS_ISSUES_63,
    },
    CodeMessage {
        code: "ErrorNonExistentMailbox",
        text: "No mailbox with such guid",
        source: crate::knowledge::sources::EXCHANGELIB_ISSUES_1296,
    },
    CodeMessage {
        code: "ErrorNonExistentMailbox",
        text: "The SMTP address has no mailbox associated with it",
        source: crate::knowledge::sources::EXCHANGELIB_ISSUES_968,
    },
    CodeMessage {
        code: "ErrorProxyRequestNotAllowed",
        text: "Service instance doesn't have sufficient permissions",
        source: crate::knowledge::sources::EWS_STREAMING_NOTIFICATION_SAMPLE,
    },
    CodeMessage {
        code: "ErrorServerBusy",
        text: "The server cannot service this request right now",
        source: crate::knowledge::sources::DAVMAIL_ISSUES_161,
    },
    CodeMessage {
        code: "InvalidAuthenticationToken",
        text: "Access token is empty",
        source: crate::knowledge::sources::MSGRAPH_SAMPLE_REACTSPA_ISSUES_54,
    },
    CodeMessage {
        code: "InvalidAuthenticationToken",
        text: "Access token validation failure",
        source: crate::knowledge::sources::CONSOLE_JAVA_CONNECT_SAMPLE_ISSUES_1,
    },
    CodeMessage {
        code: "MailboxNotEnabledForRESTAPI",
        text: "The mailbox is either inactive, soft-deleted, or is hosted on-premise",
        source: crate::knowledge::sources::E5SUBBOT_ISSUES_39,
    },
    CodeMessage {
        code: "MailboxNotEnabledForRESTAPI",
        text: "REST API is not yet supported for this mailbox",
        source: crate::knowledge::sources::MMM_MICROSOFTTODO_ISSUES_21,
    },
    CodeMessage {
        code: "Request_ResourceNotFound",
        text: "one of its queried reference-property objects are not present",
        source: crate::knowledge::sources::MICROSOFT_GRAPH_DOCS_ISSUES_6059,
    },
];

/// The message of `code` that is `len` bytes long, for a mention found by its message.
pub fn code_message(code: &str, len: usize) -> Option<&'static CodeMessage> {
    CODE_MESSAGES
        .iter()
        .find(|m| m.code == code && m.text.len() == len)
}

/// Sorted by `code`.
pub const ERRORS: &[ServiceError] = &[
    ServiceError {
        code: "ApplicationThrottled",
        meaning: "Microsoft Graph throttled the application because it sent too many requests.",
        causes: &["The app exceeds the per-app or per-tenant limits of the service."],
        fixes: &[Fix::text("Wait for the time in the Retry-After header, then retry with back-off; batch or reduce requests.")],
        source: crate::knowledge::sources::GRAPH_THROTTLING,
    },
    ServiceError {
        code: "AuthenticationError",
        meaning: "The service behind Microsoft Graph could not authenticate the request with the resource.",
        causes: &["The token is valid for Graph but the back-end workload could not use it (for example missing licence or mailbox)."],
        fixes: &[Fix::text("Check that the user has the licence and mailbox or site the call needs, then acquire a new token.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "Authorization_IdentityNotFound",
        meaning: "The identity of the calling application was not found in the tenant's directory.",
        causes: &["The app's service principal does not exist in this tenant (never consented or was deleted).", "The token was issued by another tenant."],
        fixes: &[Fix::command("Have an admin consent the application in this tenant, creating its service principal.", "az ad sp create --id <appId>")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "Authorization_RequestDenied",
        meaning: "Insufficient privileges to complete the operation (directory data).",
        causes: &["The token lacks the permission (scp or roles) the operation needs, or admin consent is missing.", "A delegated call where the signed-in user has no directory role for the change."],
        fixes: &[Fix::text("Add the needed Microsoft Graph permission, grant admin consent, and get a new token; check scp/roles in the token.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "ErrorAccessDenied",
        meaning: "Exchange (through Microsoft Graph, EWS or REST) denied access to the mailbox or item: the token was accepted, but it does not grant access to this mailbox.",
        causes: &[
            "An app-only token whose app is limited by an Application Access Policy (New-ApplicationAccessPolicy) or RBAC for Applications scope that does not include this mailbox.",
            "The token has no mail permission for this call (missing Mail.* in scp or roles, or admin consent was never granted).",
            "A delegated call for another user's mailbox without Full Access or folder permissions.",
            "The mailbox is on-premises and the hybrid set-up does not allow this call.",
        ],
        fixes: &[
            Fix::text("Read the token's roles (app-only) or scp (delegated): it needs the Mail, Calendars or Contacts permission for this call, with admin consent."),
            Fix::command("List Application Access Policies and test whether the app may reach this mailbox (Exchange Online PowerShell).", "Get-ApplicationAccessPolicy | Format-List AppId,ScopeIdentity,AccessRight\nTest-ApplicationAccessPolicy -Identity <mailbox> -AppId <appId>"),
            Fix::command("If the policy should allow it, add the mailbox to the policy's mail-enabled security group (or change the policy); changes can take an hour to apply.", "Add-DistributionGroupMember -Identity <policy group> -Member <mailbox>"),
            Fix::command("With RBAC for Applications, test the app's effective scope for the mailbox.", "Test-ServicePrincipalAuthorization -Identity <service principal> -Resource <mailbox>"),
        ],
        source: crate::knowledge::sources::PERMISSIONS_EXO_APPLICATION_RBAC,
    },
    ServiceError {
        code: "ErrorExceededConnectionCount",
        meaning: "EWS: the caller has too many concurrent connections to Exchange.",
        causes: &["Too many parallel requests for one user or service account (EWS throttling)."],
        fixes: &[Fix::text("Reduce concurrency and retry with back-off.")],
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_EWS_THROTTLING_IN_EXCHANGE,
    },
    ServiceError {
        code: "ErrorImpersonateUserDenied",
        meaning: "EWS: the account is not allowed to impersonate the requested user.",
        causes: &["The ApplicationImpersonation right does not cover this user (management scope).", "An app-only token lacks full_access_as_app."],
        fixes: &[Fix::text("Grant impersonation to the service account for the right scope (on-premises), or give the app the full_access_as_app application permission with admin consent.")],
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_IMPERSONATION_AND_EWS_IN_EXCHANGE,
    },
    ServiceError {
        code: "ErrorInvalidExchangeImpersonationHeaderPermission",
        meaning: "EWS: the caller sent an ExchangeImpersonation header without the right to impersonate.",
        causes: &["The account has no ApplicationImpersonation right.", "An app-only token is used without the full_access_as_app permission."],
        fixes: &[Fix::command("Assign the ApplicationImpersonation role to the service account (on-premises) or grant full_access_as_app to the app.", "New-ManagementRoleAssignment -Name <name> -Role ApplicationImpersonation -User <service account>")],
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_IMPERSONATION_AND_EWS_IN_EXCHANGE,
    },
    ServiceError {
        code: "ErrorInvalidRequest",
        meaning: "EWS found the request itself invalid: malformed, or asking for something the operation does not allow as sent. The message text says which part.",
        causes: &["The SOAP body or headers do not match the EWS schema of the RequestServerVersion sent, or a required element is missing."],
        fixes: &[Fix::text("Read the message text, then compare the request with the operation's reference page for the server version requested.")],
        source: crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceError {
        code: "ErrorInvalidSecurityToken",
        meaning: "EWS could not authenticate or authorize the security token sent with the request (seen as a SOAP faultcode).",
        causes: &[
            "The OAuth token expired, or was issued for another resource than EWS (for Exchange Online the audience must be https://outlook.office365.com).",
            "The token carries no EWS permission: EWS.AccessAsUser.All (delegated) or full_access_as_app (application).",
        ],
        fixes: &[Fix::text("Decode the token and check aud, exp and scp or roles; request a new one for https://outlook.office365.com/.default with the EWS permission consented.")],
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    ServiceError {
        code: "ErrorInvalidUser",
        meaning: "The user named in the request is not valid.",
        causes: &["A wrong user ID or UPN in the URL (for example /users/{id}).", "App-only calls must name the user; /me does not work without a signed-in user."],
        fixes: &[Fix::text("Use a valid user object ID or UPN in /users/{id}; use /me only with delegated tokens.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "ErrorItemNotFound",
        meaning: "The item (message, event, folder) was not found in the mailbox.",
        causes: &["The item ID is wrong, from another mailbox or the item was moved or deleted.", "The caller lacks access to the folder that holds it."],
        fixes: &[Fix::text("Query the item again to get a current ID; check the mailbox in the URL.")],
        source: crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceError {
        code: "ErrorMailboxStoreUnavailable",
        meaning: "EWS: the mailbox database is temporarily unavailable.",
        causes: &["The database is moving, mounting or failing over."],
        fixes: &[Fix::text("Retry later; check database health on-premises.")],
        source: crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceError {
        code: "ErrorNoApplicableProxyCASServersAvailable",
        meaning: "EWS: no Client Access server was available to proxy the request to the mailbox.",
        causes: &["Cross-site or cross-version proxying failed, for example the target server is down."],
        fixes: &[Fix::text("Check the health of the servers in the mailbox's site and retry.")],
        source: crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceError {
        code: "ErrorNonExistentMailbox",
        meaning: "The SMTP address has no mailbox associated with it.",
        causes: &["The user has no Exchange Online mailbox (no licence, or the mailbox is on-premises).", "A typo in the address."],
        fixes: &[Fix::text("Check the address and that the user has a licensed mailbox in the right place; in a hybrid, on-premises mailboxes need a working hybrid REST set-up.")],
        source: crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceError {
        code: "ErrorProxyRequestNotAllowed",
        meaning: "EWS: the request could not be proxied (the caller may not send proxied requests).",
        causes: &["A request with proxy headers came from an account without the proxy right."],
        fixes: &[Fix::text("Send the request to the right server directly, or check Autodiscover for the mailbox.")],
        source: crate::knowledge::sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceError {
        code: "ErrorServerBusy",
        meaning: "EWS: the server is too busy and asked the client to back off (throttling).",
        causes: &["The user or app exceeded an EWS throttling budget."],
        fixes: &[Fix::text("Honour BackOffMilliseconds in the response and retry later.")],
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_EWS_THROTTLING_IN_EXCHANGE,
    },
    ServiceError {
        code: "Forbidden",
        meaning: "The service refused the request (HTTP 403).",
        causes: &["The token is valid but lacks the permission or role for this action."],
        fixes: &[Fix::text("Check scp/roles in the token and the resource's own access settings.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "InvalidAuthenticationToken",
        meaning: "Microsoft Graph could not accept the access token.",
        causes: &["The token expired, is for another resource (aud is not Microsoft Graph), or is malformed.", "Continuous access evaluation revoked it: 'claims challenge ... TokenIssuedBeforeRevocationTimestamp' after a password change or session revocation."],
        fixes: &[Fix::text("Acquire a new token for https://graph.microsoft.com and send it as 'Authorization: Bearer <token>'."), Fix::text("For a CAE claims challenge, read the claims value from WWW-Authenticate and request a new token interactively with the claims parameter.")],
        source: crate::knowledge::sources::IDENTITY_PLATFORM_APP_RESILIENCE_CONTINUOUS_ACCESS_EVALUATIO,
    },
    ServiceError {
        code: "MailboxNotEnabledForRESTAPI",
        meaning: "The mailbox cannot be reached through the REST API.",
        causes: &["The mailbox is inactive, soft-deleted or unlicensed.", "The mailbox is on-premises and the hybrid does not support this REST call."],
        fixes: &[Fix::text("Check the mailbox and licence; for on-premises mailboxes use a supported hybrid scenario or EWS against the on-premises server.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "MailboxNotSupportedForRESTAPI",
        meaning: "This kind of mailbox is not supported by the REST API.",
        causes: &["Some mailbox types (for example certain shared or on-premises mailboxes) are not supported."],
        fixes: &[Fix::text("Use another API (such as EWS) for this mailbox, or check that it is a supported Exchange Online mailbox.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "Request_ResourceNotFound",
        meaning: "The directory object in the request does not exist.",
        causes: &["A wrong object ID or UPN.", "The object was deleted, or the call went to another tenant."],
        fixes: &[Fix::text("Check the ID and the tenant of the token (tid).")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "UnknownError",
        meaning: "Microsoft Graph hit an error it could not classify.",
        causes: &["App-only (client credentials) Graph calls for a mailbox that lives on-premises in an Exchange hybrid often end here; the on-premises x-ms-diagnostics header shows the real reason.", "A transient service problem."],
        fixes: &[Fix::text("For hybrid mailboxes, log WWW-Authenticate and x-ms-diagnostics on the on-premises Exchange (IIS or FREB) to find the real error."), Fix::text("Otherwise retry later with back-off.")],
        source: crate::knowledge::sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID,
    },
    ServiceError {
        code: "accessDenied",
        meaning: "The caller has no permission for this action (SharePoint and OneDrive style code).",
        causes: &["The token lacks Files.*/Sites.* permissions or the user lacks access to the item."],
        fixes: &[Fix::text("Grant the needed permission with consent, or share the item with the user.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "generalException",
        meaning: "An unspecified error occurred in the service.",
        causes: &["A transient or unclassified back-end failure."],
        fixes: &[Fix::text("Retry with back-off; capture request-id and date headers for support.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "invalidRequest",
        meaning: "The request is malformed or incorrect.",
        causes: &["A wrong URL, body or query option."],
        fixes: &[Fix::text("Check the request against the API reference.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "itemNotFound",
        meaning: "The resource could not be found.",
        causes: &["A wrong ID or path."],
        fixes: &[Fix::text("Check the ID or path in the URL.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
    ServiceError {
        code: "unauthenticated",
        meaning: "The caller is not authenticated.",
        causes: &["No token or an invalid token was sent."],
        fixes: &[Fix::text("Send a valid bearer token for the API.")],
        source: crate::knowledge::sources::GRAPH_ERRORS,
    },
];

/// A known message text inside an error body, with what it means beyond the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessagePattern {
    /// Lower-case text the message contains.
    pub needle: &'static str,
    pub title: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

const GRAPH_AUTH_ERRORS: &str = crate::knowledge::sources::GRAPH_RESOLVE_AUTH_ERRORS;
const IDENTITY_MODEL: &str =
    crate::knowledge::sources::AZURE_ACTIVEDIRECTORY_IDENTITYMODEL_EXTENSIONS_FOR_DOTNET_WI;
const APP_ACCESS_POLICY: &str = crate::knowledge::sources::GRAPH_AUTH_LIMIT_MAILBOX_ACCESS;

/// Sorted by `needle`.
pub const MESSAGES: &[MessagePattern] = &[
    MessagePattern {
        needle: "access is denied. check credentials and try again",
        title: "Exchange refused access to this mailbox",
        meaning: "Exchange Online accepted the token but denies it this mailbox. With app-only tokens this is almost always an Application Access Policy or RBAC for Applications scope that leaves the mailbox out.",
        causes: &[
            "An Application Access Policy (RestrictAccess) for this app does not include the mailbox.",
            "RBAC for Applications: the app's management scope does not cover the mailbox.",
            "The token lacks the Mail/Calendars/Contacts permission for the call.",
        ],
        fixes: &[
            Fix::command("Test the policy for this app and mailbox.", "Test-ApplicationAccessPolicy -Identity <mailbox> -AppId <appId>"),
            Fix::command("List the policies and their scope groups.", "Get-ApplicationAccessPolicy | Format-List Identity,AppId,ScopeName,AccessRight"),
            Fix::text("Add the mailbox to the scope group or change the policy; allow up to an hour for the change to apply."),
        ],
        source: APP_ACCESS_POLICY,
    },
    MessagePattern {
        needle: "access token has expired or is not yet valid",
        title: "The access token is outside its lifetime",
        meaning: "Microsoft Graph checked the token's nbf and exp and the current time is outside them: the token expired (it lives 60 to 90 minutes) or the caller's clock is ahead or behind.",
        causes: &[
            "The app reused a cached token after exp instead of asking MSAL for a new one.",
            "The clock of the machine that requested or sent the token is wrong (nbf in the future).",
        ],
        fixes: &[
            Fix::text("Call AcquireTokenSilent (MSAL) before every request; it returns a fresh token when the cached one is about to expire."),
            Fix::command("Check the clock on the calling machine.", "w32tm /stripchart /computer:time.windows.com /samples:3"),
        ],
        source: GRAPH_AUTH_ERRORS,
    },
    MessagePattern {
        needle: "compacttoken parsing failed",
        title: "The bearer value is not a token Microsoft Graph can read",
        meaning: "Microsoft Graph could not parse the value after 'Bearer' as a token (error 80049217 and similar): it is empty, cut, quoted, or not an access token at all.",
        causes: &[
            "The Authorization header holds 'Bearer ' with an empty, 'undefined' or 'null' value.",
            "The token was cut, wrapped or quoted when copied into the header.",
            "An ID token, a refresh token or an authorization code was sent instead of an access token.",
        ],
        fixes: &[
            Fix::text("Print the length and the first characters of the header value in the app: an access token starts with eyJ and has two dots."),
            Fix::text("Send the access_token from the token response (not id_token or code) as 'Authorization: Bearer <token>'."),
        ],
        source: GRAPH_AUTH_ERRORS,
    },
    MessagePattern {
        needle: "idx14100",
        title: "The bearer value is not a well-formed JWT (IDX14100)",
        meaning: "The .NET token handler found no dots in the bearer value, so it is not a JWS or JWE compact token.",
        causes: &[
            "An empty, 'undefined' or placeholder value was sent as the token.",
            "An opaque token (for example a personal Microsoft account token for another resource) was sent to an API that expects a JWT.",
        ],
        fixes: &[Fix::text("Send the access_token of a token request for this API; check the header value is eyJ...x.y.z with no quotes or line breaks.")],
        source: IDENTITY_MODEL,
    },
    MessagePattern {
        needle: "invalid audience",
        title: "The token is for another API",
        meaning: "The token's aud claim is not this API: the client asked for a token for a different resource or scope.",
        causes: &[
            "The scope or resource of the token request names another API (for example https://outlook.office365.com instead of https://graph.microsoft.com).",
            "An ID token (aud = the client app) was sent instead of an access token.",
        ],
        fixes: &[Fix::text("Request the token with the API's scope (https://graph.microsoft.com/.default for Graph app-only, or the delegated Graph scopes) and check aud in the decoded token.")],
        source: GRAPH_AUTH_ERRORS,
    },
    MessagePattern {
        needle: "lifetime validation failed, the token is expired",
        title: "The token expired (IdentityModel lifetime check)",
        meaning: "The API's token validation compared exp with its clock and the token is past it.",
        causes: &[
            "A cached token was used after it expired.",
            "Clock skew between the token issuer and the API beyond the allowed 5 minutes.",
        ],
        fixes: &[Fix::text("Acquire a new token (MSAL AcquireTokenSilent refreshes it) and check the clocks of client and server.")],
        source: IDENTITY_MODEL,
    },
];

/// The innerError members that identify a request to Microsoft support, and what they are for.
pub const SUPPORT_IDS: &[&str] = &["client-request-id", "request-id"];
pub const SUPPORT_ID_MEANING: &str = "quote this id (with the date) when you ask Microsoft support";

/// The hybrid REST message: the mailbox is on Exchange Server and the API is not served for it.
/// Kept apart from `MESSAGES`: its own rule reports it, inside an error body or on its own.
pub const REST_PREVIEW: MessagePattern = MessagePattern {
    needle: "rest apis for this mailbox are currently in preview",
    title: "The mailbox is on-premises (hybrid REST)",
    meaning: "This message comes from a mailbox that lives on Exchange Server in a hybrid deployment. Only v1.0 of the Mail, Calendar and Contacts APIs is served for such mailboxes; other APIs (and beta) answer with this error.",
    causes: &[
        "The call used an API outside v1.0 Mail, Calendar or Contacts for an on-premises mailbox.",
        "Hybrid REST prerequisites are not met (Exchange 2016 CU3 or later, hybrid modern auth, AutoDiscover reachable from Microsoft 365).",
    ],
    fixes: &[Fix::text("Call only v1.0 Mail, Calendar or Contacts endpoints for on-premises mailboxes, or move the mailbox to Exchange Online.")],
    source: crate::knowledge::sources::HYBRID_DEPLOYMENT_HYBRID_DEPLOYMENT_PREREQUISITES,
};

/// The message pattern whose needle is `needle`.
pub fn message(needle: &str) -> Option<&'static MessagePattern> {
    MESSAGES.iter().find(|m| m.needle == needle)
}

/// The message patterns a message text contains.
pub fn messages_matching(message: &str) -> Vec<&'static MessagePattern> {
    let lower = message.to_ascii_lowercase();
    MESSAGES
        .iter()
        .filter(|m| lower.contains(m.needle))
        .collect()
}

/// The HTTP status each code comes with, as the Microsoft Graph error documentation lists them,
/// sorted by code. Codes that come with several statuses are left out.
pub const HTTP_STATUS: &[(&str, u16)] = &[
    ("ApplicationThrottled", 429),
    ("AuthenticationError", 401),
    ("Authorization_IdentityNotFound", 401),
    ("Authorization_RequestDenied", 403),
    ("ErrorAccessDenied", 403),
    ("ErrorItemNotFound", 404),
    ("ErrorNonExistentMailbox", 404),
    ("Forbidden", 403),
    ("InvalidAuthenticationToken", 401),
    ("MailboxNotEnabledForRESTAPI", 404),
    ("Request_ResourceNotFound", 404),
    ("accessDenied", 403),
    ("generalException", 500),
    ("invalidRequest", 400),
    ("itemNotFound", 404),
    ("unauthenticated", 401),
];

/// The HTTP status a code comes with, when the documentation gives one.
pub fn usual_status(code: &str) -> Option<u16> {
    HTTP_STATUS
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| HTTP_STATUS[i].1)
}

/// Looks up a code (exact, case-sensitive as services send it).
pub fn error(code: &str) -> Option<&'static ServiceError> {
    ERRORS.iter().find(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_sorted_and_complete() {
        for pair in ERRORS.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for e in ERRORS {
            assert!(!e.fixes.is_empty(), "{}", e.code);
            assert!(!e.causes.is_empty(), "{}", e.code);
            crate::knowledge::assert_source(e.source, e.code);
        }
    }

    #[test]
    fn usual_statuses_are_sorted_and_known() {
        for pair in HTTP_STATUS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{}", pair[1].0);
        }
        assert_eq!(usual_status("InvalidAuthenticationToken"), Some(401));
        assert_eq!(usual_status("UnknownError"), None);
    }

    #[test]
    fn code_messages_name_known_codes_and_are_distinctive() {
        let codes: Vec<&str> = CODE_MESSAGES.iter().map(|m| m.code).collect();
        assert!(codes.windows(2).all(|w| w[0] <= w[1]), "sorted by code");
        for m in CODE_MESSAGES {
            assert!(error(m.code).is_some(), "{} is not a row of ERRORS", m.code);
            assert!(
                m.text.len() >= 20,
                "{:?} is too short to find alone",
                m.text
            );
            let lower = m.text.to_ascii_lowercase();
            assert!(
                MESSAGES
                    .iter()
                    .all(|p| !lower.contains(p.needle) && !p.needle.contains(&lower)),
                "{:?} overlaps a message pattern",
                m.text
            );
            assert!(m.source.starts_with("https://"));
            // A mention is told to be a message by its length (explain::known), so no message
            // may be as long as its code.
            assert_ne!(m.text.len(), m.code.len(), "{}", m.text);
        }
    }

    #[test]
    fn message_patterns_are_sorted_and_complete() {
        for pair in MESSAGES.windows(2) {
            assert!(pair[0].needle < pair[1].needle);
        }
        for m in MESSAGES {
            assert_eq!(m.needle, m.needle.to_ascii_lowercase());
            assert!(!m.fixes.is_empty() && !m.causes.is_empty(), "{}", m.needle);
            crate::knowledge::assert_source(m.source, m.needle);
        }
        assert_eq!(
            messages_matching("CompactToken parsing failed with error code: 80049217").len(),
            1
        );
    }

    #[test]
    fn auth_related_codes_resolve_with_their_key_facts() {
        let token = error("InvalidAuthenticationToken").unwrap();
        assert!(token
            .causes
            .iter()
            .any(|c| c.contains("TokenIssuedBeforeRevocationTimestamp")));
        assert!(error("UnknownError").unwrap().causes[0].contains("on-premises"));

        for code in [
            "ErrorAccessDenied",
            "Authorization_RequestDenied",
            "ErrorImpersonateUserDenied",
            "MailboxNotEnabledForRESTAPI",
            "ErrorServerBusy",
        ] {
            assert!(error(code).is_some(), "{code} missing");
        }
        assert!(error("invalidauthenticationtoken").is_none());
    }
}
