//! Table: the texts of IIS error pages (detailed error titles, "Detailed Error Information" labels
//! in each language, short custom error pages, section headings) and what each field, request
//! notification and authentication module means.

use super::sources as src;

/// A field of the "Detailed Error Information" block of an IIS detailed error page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageField {
    Module,
    Notification,
    Handler,
    ErrorCode,
    ConfigError,
    ConfigFile,
    RequestedUrl,
    PhysicalPath,
    LogonMethod,
    LogonUser,
}

/// One label as a page prints it, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLabel {
    /// The label as printed (ASCII letters match in any case; other characters exactly).
    pub text: &'static str,
    pub field: PageField,
    /// The language's English name ("German").
    pub language: &'static str,
    pub source: &'static str,
}

/// What a field of the detailed error block tells a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldMeaning {
    pub field: PageField,
    /// The English label, used as the field's name on the card.
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// How a page names its status: a title that the status follows (`HTTP Error 401.2 - ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageTitle {
    pub text: &'static str,
    pub language: &'static str,
    pub source: &'static str,
}

/// A short custom error page (IIS `errorMode="Custom"`): its whole heading and the status it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShortPage {
    pub text: &'static str,
    pub status: u16,
    /// The sub-status the text stands for, where the text itself does not print it (the IIS 5
    /// and 6 pages say it only in a sentence).
    pub substatus: Option<u16>,
    pub language: &'static str,
    pub source: &'static str,
}

/// A section heading of a detailed error page ("Most likely causes:").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageHeading {
    pub text: &'static str,
    pub language: &'static str,
    pub source: &'static str,
}

/// A request-pipeline stage as the `Notification` field names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notification {
    pub name: &'static str,
    pub meaning: &'static str,
    /// True for the stages where authentication and authorization modules refuse a request.
    pub auth: bool,
    pub source: &'static str,
}

/// A native IIS module that authenticates or authorizes, as the `Module` field names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthModule {
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// The titles a page's status follows, longest first within a language.
pub const TITLES: &[PageTitle] = &[
    PageTitle {
        text: "HTTP Error",
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageTitle {
        text: "Detailed Error -",
        language: "English",
        source: src::IISINTEGRATION_ISSUES_799,
    },
    PageTitle {
        text: "HTTP-Fehler",
        language: "German",
        source: src::ASPNETCORE_IIS_ERRORS_DE_DE,
    },
    PageTitle {
        text: "HTTP エラー",
        language: "Japanese",
        source: src::ASPNETCORE_IIS_ERRORS_JA_JP,
    },
];

/// The labels of the "Detailed Error Information" block. Longer labels sharing a start come
/// first, so `Logon User` is not read as `Logon` (none is a prefix of another here).
pub const LABELS: &[PageLabel] = &[
    PageLabel {
        text: "Module",
        field: PageField::Module,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "Notification",
        field: PageField::Notification,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "Handler",
        field: PageField::Handler,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "Error Code",
        field: PageField::ErrorCode,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "HRESULT",
        field: PageField::ErrorCode,
        language: "English",
        source: src::IIS_HTTP_ERROR_500_19,
    },
    PageLabel {
        text: "Config Error",
        field: PageField::ConfigError,
        language: "English",
        source: src::PASSCORE_ISSUES_94,
    },
    PageLabel {
        text: "Config File",
        field: PageField::ConfigFile,
        language: "English",
        source: src::PASSCORE_ISSUES_94,
    },
    PageLabel {
        text: "Requested URL",
        field: PageField::RequestedUrl,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "Physical Path",
        field: PageField::PhysicalPath,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "Logon Method",
        field: PageField::LogonMethod,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageLabel {
        text: "Logon User",
        field: PageField::LogonUser,
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
];

/// What each field tells a reader, in `PageField` order.
pub const FIELDS: &[FieldMeaning] = &[
    FieldMeaning {
        field: PageField::Module,
        name: "Module",
        meaning: "The IIS module that was running when the request failed (it set the error status).",
        source: src::IIS_MODULES_OVERVIEW,
    },
    FieldMeaning {
        field: PageField::Notification,
        name: "Notification",
        meaning: "The request-pipeline stage the module was in when the request failed.",
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    FieldMeaning {
        field: PageField::Handler,
        name: "Handler",
        meaning: "The handler mapping chosen for the URL (\"Not yet determined\" when the request failed before mapping).",
        source: src::IIS_HTTP_DETAILED_ERRORS,
    },
    FieldMeaning {
        field: PageField::ErrorCode,
        name: "Error Code",
        meaning: "The HRESULT behind the failure; 0x8007xxxx wraps Win32 error xxxx.",
        source: src::IIS_HTTP_DETAILED_ERRORS,
    },
    FieldMeaning {
        field: PageField::ConfigError,
        name: "Config Error",
        meaning: "The configuration error IIS met while reading web.config or applicationHost.config.",
        source: src::IIS_HTTP_ERROR_500_19,
    },
    FieldMeaning {
        field: PageField::ConfigFile,
        name: "Config File",
        meaning: "The configuration file that holds the error.",
        source: src::IIS_HTTP_ERROR_500_19,
    },
    FieldMeaning {
        field: PageField::RequestedUrl,
        name: "Requested URL",
        meaning: "The URL as IIS received it (host, port and path; a proxy or load balancer in front may have changed it).",
        source: src::IIS_HTTP_DETAILED_ERRORS,
    },
    FieldMeaning {
        field: PageField::PhysicalPath,
        name: "Physical Path",
        meaning: "The file or folder the URL maps to on the server.",
        source: src::IIS_HTTP_DETAILED_ERRORS,
    },
    FieldMeaning {
        field: PageField::LogonMethod,
        name: "Logon Method",
        meaning: "How the request was authenticated (Anonymous, Negotiate, NTLM, Basic ...); \"Not yet determined\" when it failed before authentication finished.",
        source: src::RESTSHARP_ISSUES_849,
    },
    FieldMeaning {
        field: PageField::LogonUser,
        name: "Logon User",
        meaning: "The user IIS authenticated the request as (Anonymous when no credentials were accepted).",
        source: src::RESTSHARP_ISSUES_849,
    },
];

/// Short custom error pages, found by their whole heading (any ASCII case), and the sentence of
/// the IIS 5 and 6 error page that names its sub-status.
pub const SHORT_PAGES: &[ShortPage] = &[
    ShortPage {
        text: "401 - Unauthorized: Access is denied due to invalid credentials.",
        status: 401,
        substatus: None,
        language: "English",
        source: src::CYPRESS_NTLM_AUTH_ISSUES_108,
    },
    ShortPage {
        text: "is sending a WWW-Authenticate header field that the Web server is not configured to accept",
        status: 401,
        substatus: Some(2),
        language: "English",
        source: src::MIRTH_CONNECT_ISSUES_1125,
    },
];

/// Section headings that belong to a page (they extend a pasted page without adding a field).
pub const HEADINGS: &[PageHeading] = &[
    PageHeading {
        text: "Most likely causes:",
        language: "English",
        source: src::IISINTEGRATION_ISSUES_799,
    },
    PageHeading {
        text: "Things you can try:",
        language: "English",
        source: src::IISINTEGRATION_ISSUES_799,
    },
    PageHeading {
        text: "Detailed Error Information",
        language: "English",
        source: src::MVC5_MIXEDAUTH_ISSUES_32,
    },
    PageHeading {
        text: "Server Error in Application",
        language: "English",
        source: src::IIS_HTTP_ERROR_500_19,
    },
    PageHeading {
        text: "可能性のある原因:",
        language: "Japanese",
        source: src::GITHUB_SEARCH_IIS_401_3_JA,
    },
    PageHeading {
        text: "対処方法:",
        language: "Japanese",
        source: src::GITHUB_SEARCH_IIS_401_3_JA,
    },
];

/// The request-pipeline stages (deterministic request-level notifications), in pipeline order.
pub const NOTIFICATIONS: &[Notification] = &[
    Notification {
        name: "BeginRequest",
        meaning: "IIS began processing the request (before authentication).",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "AuthenticateRequest",
        meaning: "IIS was authenticating the request: an authentication module refused or could not read the credentials.",
        auth: true,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "AuthorizeRequest",
        meaning: "IIS was authorizing the authenticated user: a rule or the resource's permissions refused them.",
        auth: true,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "ResolveRequestCache",
        meaning: "IIS was looking the request up in its output cache.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "MapRequestHandler",
        meaning: "IIS was choosing the handler for the URL.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "AcquireRequestState",
        meaning: "IIS was acquiring the request's session state.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "PreExecuteRequestHandler",
        meaning: "IIS was about to run the handler.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "ExecuteRequestHandler",
        meaning: "The handler (the application or static file handler) was running: the failure is the application's or the file's, not authentication's.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "ReleaseRequestState",
        meaning: "IIS was releasing the request's session state.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "UpdateRequestCache",
        meaning: "IIS was updating its output cache.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "LogRequest",
        meaning: "IIS was logging the request.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
    Notification {
        name: "EndRequest",
        meaning: "IIS was ending the request: a module (often managed code in global.asax or an HTTP module) changed the status at the end.",
        auth: false,
        source: src::IIS_REQUEST_PROCESSING_CONSTANTS,
    },
];

/// The native authentication and authorization modules, sorted by name.
pub const AUTH_MODULES: &[AuthModule] = &[
    AuthModule {
        name: "AnonymousAuthenticationModule",
        meaning: "Anonymous authentication: admits requests without credentials as the anonymous user (IUSR or the application pool identity).",
        source: src::IIS_MODULES_OVERVIEW,
    },
    AuthModule {
        name: "BasicAuthenticationModule",
        meaning: "Basic authentication: checks a user name and password sent in the Authorization header.",
        source: src::IIS_MODULES_OVERVIEW,
    },
    AuthModule {
        name: "CertificateMappingAuthenticationModule",
        meaning: "Client certificate mapping to Active Directory accounts.",
        source: src::IIS_MODULES_OVERVIEW,
    },
    AuthModule {
        name: "DigestAuthenticationModule",
        meaning: "Digest authentication against Active Directory.",
        source: src::IIS_MODULES_OVERVIEW,
    },
    AuthModule {
        name: "IISCertificateMappingAuthenticationModule",
        meaning: "IIS client certificate mapping (one-to-one or many-to-one mappings in IIS configuration).",
        source: src::IIS_MODULES_OVERVIEW,
    },
    AuthModule {
        name: "UrlAuthorizationModule",
        meaning: "URL authorization: the allow and deny rules of system.webServer/security/authorization.",
        source: src::IIS_MODULES_OVERVIEW,
    },
    AuthModule {
        name: "WindowsAuthenticationModule",
        meaning: "Windows authentication (Negotiate: Kerberos or NTLM).",
        source: src::IIS_MODULES_OVERVIEW,
    },
];

/// The meaning of a field.
pub fn field(field: PageField) -> Option<&'static FieldMeaning> {
    FIELDS.iter().find(|f| f.field == field)
}

/// A notification by name (ASCII case ignored).
pub fn notification(name: &str) -> Option<&'static Notification> {
    NOTIFICATIONS
        .iter()
        .find(|n| n.name.eq_ignore_ascii_case(name.trim()))
}

/// An authentication module by name (ASCII case ignored).
pub fn auth_module(name: &str) -> Option<&'static AuthModule> {
    AUTH_MODULES
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sourced_complete_and_unambiguous() {
        for l in LABELS {
            crate::knowledge::assert_source(l.source, l.text);
            assert!(field(l.field).is_some(), "{} has no meaning", l.text);
            for other in LABELS {
                assert!(
                    other.text == l.text || !other.text.starts_with(l.text),
                    "{} is a prefix of {}",
                    l.text,
                    other.text
                );
            }
        }
        for pair in FIELDS.windows(2) {
            assert!(pair[0].field < pair[1].field);
        }
        for pair in AUTH_MODULES.windows(2) {
            assert!(pair[0].name < pair[1].name);
        }
        for t in TITLES {
            crate::knowledge::assert_source(t.source, t.text);
        }
        for s in SHORT_PAGES {
            crate::knowledge::assert_source(s.source, s.text);
        }
        for h in HEADINGS {
            crate::knowledge::assert_source(h.source, h.text);
        }
        for n in NOTIFICATIONS {
            crate::knowledge::assert_source(n.source, n.name);
        }
        for f in FIELDS {
            crate::knowledge::assert_source(f.source, f.name);
        }
        assert!(notification("authenticaterequest").is_some_and(|n| n.auth));
        assert!(auth_module(" WindowsAuthenticationModule").is_some());
    }
}
