//! Table: IIS status/substatus codes and the default W3C field set (Win32/SSPI codes: `win32.rs`).

/// An HTTP status with an IIS substatus (`substatus` 0 means the plain status).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IisStatus {
    pub status: u16,
    pub substatus: u16,
    pub meaning: &'static str,
    /// What to do about it, or "" for statuses that are not failures.
    pub fix: &'static str,
    pub source: &'static str,
}

/// Sorted by (`status`, `substatus`).
pub const STATUSES: &[IisStatus] = &[
    IisStatus {
        status: 400,
        substatus: 0,
        meaning: "Bad request: the server could not understand the request (bad syntax, headers or URL).",
        fix: "Check the request line and headers; for very large Kerberos tickets check MaxFieldLength and MaxRequestBytes of HTTP.sys.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 0,
        meaning: "Access denied: authentication is needed or failed.",
        fix: "Read the sub-status and the WWW-Authenticate header; an anonymous first request answered with 401 is normal.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 1,
        meaning: "Logon failed: the credentials were missing or wrong.",
        fix: "Normal for the first leg of Negotiate/NTLM; otherwise check the account and the authentication methods enabled.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 2,
        meaning: "Logon failed because of server configuration: no authentication method the client offered is enabled.",
        fix: "Enable an authentication method the client supports on the site or virtual directory (for example Windows, Basic or OAuth).",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 3,
        meaning: "Unauthorized because of the file system permissions (ACL) on the resource.",
        fix: "Give the user or application pool identity read access to the file or folder.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 4,
        meaning: "Authorization failed by a filter.",
        fix: "Check the ISAPI filters installed on the site.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 5,
        meaning: "Authorization failed by an ISAPI or CGI application.",
        fix: "Check the application behind the URL and its logs.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 501,
        meaning: "Access denied: too many requests from the same client IP (dynamic IP restriction, concurrent limit).",
        fix: "Review the dynamic IP restriction settings or the client's request rate.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 502,
        meaning: "Forbidden: too many requests from the same client IP (dynamic IP restriction, rate limit).",
        fix: "Review the dynamic IP restriction settings or the client's request rate.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 503,
        meaning: "Access denied: the client IP address is on the IP restriction deny list.",
        fix: "Allow the client IP in IP Address and Domain Restrictions if it should connect.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 401,
        substatus: 504,
        meaning: "Access denied: the client host name is on the IP restriction deny list.",
        fix: "Allow the client host name if it should connect.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 0,
        meaning: "Forbidden: the server refused the request.",
        fix: "Read the sub-status; with OAuth APIs a 403 usually means the token lacks the needed permission.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 1,
        meaning: "Execute access forbidden.",
        fix: "Allow scripts or executables in the handler mappings' access policy.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 2,
        meaning: "Read access forbidden.",
        fix: "Allow read access in the handler mappings' access policy.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 3,
        meaning: "Write access forbidden.",
        fix: "Allow write access where uploads are expected.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 4,
        meaning: "SSL required: the resource is only served over HTTPS.",
        fix: "Use https:// or change the SSL setting of the site or virtual directory.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 5,
        meaning: "SSL 128 required.",
        fix: "Use a client that supports 128-bit encryption.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 6,
        meaning: "IP address rejected.",
        fix: "Allow the client IP in IP Address and Domain Restrictions.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 7,
        meaning: "Client certificate required: the site needs a TLS client certificate and none was sent.",
        fix: "Send a client certificate, or set client certificates to Ignore or Accept.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 8,
        meaning: "Site access denied (DNS name restriction).",
        fix: "Allow the client's DNS name.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 12,
        meaning: "Mapper denied access: the client certificate maps to an account that is not allowed.",
        fix: "Check the client certificate mapping rules.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 13,
        meaning: "Client certificate revoked.",
        fix: "Issue the client a new certificate; check the CRL.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 14,
        meaning: "Directory listing denied.",
        fix: "Request a specific page, add a default document, or enable directory browsing if intended.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 16,
        meaning: "Client certificate is untrusted or invalid.",
        fix: "Install the issuing CA in the server's Trusted Root or Intermediate store; check the chain and CRL.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 17,
        meaning: "Client certificate has expired or is not yet valid.",
        fix: "Renew the client certificate and check the clocks.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 18,
        meaning: "Cannot run the requested URL in the current application pool.",
        fix: "Move the application to the right application pool.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 19,
        meaning: "Cannot run CGI applications for the client in this application pool.",
        fix: "Change the application pool identity or CGI settings.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 20,
        meaning: "Passport logon failed.",
        fix: "Check the Passport configuration.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 21,
        meaning: "Source access denied (WebDAV).",
        fix: "Grant source access where WebDAV needs it.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 403,
        substatus: 22,
        meaning: "Infinite depth is denied (WebDAV).",
        fix: "Send a finite Depth header.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 0,
        meaning: "Not found.",
        fix: "Check the URL and the virtual directory.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 2,
        meaning: "Denied by the ISAPI and CGI restriction list.",
        fix: "Allow the ISAPI or CGI extension in ISAPI and CGI Restrictions.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 3,
        meaning: "Denied by the MIME map: the file extension has no MIME type.",
        fix: "Add a MIME type for the extension.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 4,
        meaning: "No handler configured for the request.",
        fix: "Add or fix the handler mapping for the path or verb.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 5,
        meaning: "Request filtering denied a URL sequence.",
        fix: "Review the denied URL sequences in request filtering.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 6,
        meaning: "Request filtering denied the HTTP verb.",
        fix: "Allow the verb in request filtering.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 7,
        meaning: "Request filtering denied the file extension.",
        fix: "Allow the extension in request filtering.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 8,
        meaning: "Request filtering denied a hidden URL segment (for example bin or App_Data).",
        fix: "Do not request hidden segments, or change the hidden segments list.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 11,
        meaning: "Request filtering denied a double-escaped URL.",
        fix: "Fix the client's URL encoding, or allow double escaping if safe.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 13,
        meaning: "Request filtering denied a request whose content is too long.",
        fix: "Raise maxAllowedContentLength if large uploads are expected.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 404,
        substatus: 15,
        meaning: "Request filtering denied a query string that is too long.",
        fix: "Shorten the query string or raise maxQueryString.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 405,
        substatus: 0,
        meaning: "Method not allowed for this resource.",
        fix: "Use the verb the endpoint supports, or enable it in the handler mapping.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 406,
        substatus: 0,
        meaning: "Not acceptable: the client does not accept the content type of the resource.",
        fix: "Check the Accept header.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 412,
        substatus: 0,
        meaning: "Precondition failed.",
        fix: "Check the If-* headers the client sends.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 413,
        substatus: 0,
        meaning: "Request entity too large.",
        fix: "Raise uploadReadAheadSize or the upload limit if large bodies are expected.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 414,
        substatus: 0,
        meaning: "Request URL too long.",
        fix: "Shorten the URL or raise maxUrl / HTTP.sys limits.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 440,
        substatus: 0,
        meaning: "Login time-out (Microsoft extension): the Outlook on the web or Exchange session expired.",
        fix: "Sign in again; if it repeats, check forms-based authentication and cookie settings on Exchange.",
        source: crate::knowledge::sources::WIKI_LIST_OF_HTTP_STATUS_CODES,
    },
    IisStatus {
        status: 449,
        substatus: 0,
        meaning: "Retry with (Microsoft extension): the server needs more information before it can process the request.",
        fix: "Resend the request with the information the server asked for.",
        source: crate::knowledge::sources::WIKI_LIST_OF_HTTP_STATUS_CODES,
    },
    IisStatus {
        status: 451,
        substatus: 0,
        meaning: "Redirect (Exchange ActiveSync extension): the client should use another server for the mailbox.",
        fix: "Let the client follow the X-MS-Location header; check Autodiscover for the mailbox.",
        source: crate::knowledge::sources::WIKI_LIST_OF_HTTP_STATUS_CODES,
    },
    IisStatus {
        status: 500,
        substatus: 0,
        meaning: "Internal server error.",
        fix: "Read the application or module error (Failed Request Tracing shows which module failed).",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 11,
        meaning: "The application is shutting down on the web server.",
        fix: "Retry; check for application pool recycles.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 12,
        meaning: "The application is busy restarting on the web server.",
        fix: "Retry after the restart.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 13,
        meaning: "The web server is too busy.",
        fix: "Check load and application pool queue length.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 15,
        meaning: "Direct requests for Global.asax are not allowed.",
        fix: "Do not request Global.asax.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 19,
        meaning: "Configuration data is invalid.",
        fix: "Fix the web.config or applicationHost.config error shown in detail.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 21,
        meaning: "Module not recognized.",
        fix: "Install the module or remove its configuration.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 22,
        meaning: "An ASP.NET httpModules configuration does not apply in Managed Pipeline mode.",
        fix: "Move the modules to system.webServer or use Classic mode.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 23,
        meaning: "An ASP.NET httpHandlers configuration does not apply in Managed Pipeline mode.",
        fix: "Move the handlers to system.webServer or use Classic mode.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 24,
        meaning: "An ASP.NET impersonation configuration does not apply in Managed Pipeline mode.",
        fix: "Turn off impersonation validation or use Classic mode.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 500,
        substatus: 100,
        meaning: "Internal ASP error.",
        fix: "Read the ASP error details.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 501,
        substatus: 0,
        meaning: "Not implemented: the header value asks for a feature the server does not support.",
        fix: "Check the request headers (for example Transfer-Encoding).",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 502,
        substatus: 0,
        meaning: "Bad gateway.",
        fix: "Check the upstream server the request was forwarded to.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 502,
        substatus: 2,
        meaning: "Bad gateway: the CGI application returned an incomplete set of headers.",
        fix: "Fix the CGI application's output.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 502,
        substatus: 3,
        meaning: "Bad gateway: forwarder connection error (Application Request Routing).",
        fix: "Check that the back-end server is reachable and answers in time.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 503,
        substatus: 0,
        meaning: "Service unavailable: the application pool is stopped or disabled.",
        fix: "Start the application pool and check why it stopped (rapid-fail protection, identity password).",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 503,
        substatus: 2,
        meaning: "Service unavailable: the concurrent request limit was exceeded.",
        fix: "Raise appConcurrentRequestLimit if the load is expected.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 503,
        substatus: 3,
        meaning: "ASP.NET queue full: more requests are waiting than ASP.NET allows.",
        fix: "For Exchange 2010 SP3 Outlook Anywhere (RPC over HTTP), raise processModel requestQueueLimit to 65535 in machine.config, then restart IIS.",
        source: crate::knowledge::sources::CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CONNECT_TO,
    },
    IisStatus {
        status: 503,
        substatus: 4,
        meaning: "FastCGI queue full.",
        fix: "Raise the FastCGI queue length or add capacity.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 503,
        substatus: 5,
        meaning: "Service unavailable: rate limit reached (for example by Application Request Routing).",
        fix: "Reduce the request rate or raise the limit.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
    IisStatus {
        status: 504,
        substatus: 0,
        meaning: "Gateway time-out: the upstream server did not answer in time.",
        fix: "Check the back-end server and time-outs of the proxy.",
        source: crate::knowledge::sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
    },
];

/// The fields IIS writes when a log has no `#Fields` line of its own.
/// The HTTP methods a W3C line can start its request with (IIS logs the verb as sent; Exchange adds
/// `RPC_IN_DATA`/`RPC_OUT_DATA`), from the W3C extended log format and RFC 9110.
pub const METHODS: &[&str] = &[
    "DELETE",
    "GET",
    "HEAD",
    "OPTIONS",
    "PATCH",
    "POST",
    "PROPFIND",
    "PUT",
    "RPC_IN_DATA",
    "RPC_OUT_DATA",
];

pub const DEFAULT_W3C_FIELDS: &[&str] = &[
    "date",
    "time",
    "s-ip",
    "cs-method",
    "cs-uri-stem",
    "cs-uri-query",
    "s-port",
    "cs-username",
    "c-ip",
    "cs(User-Agent)",
    "cs(Referer)",
    "sc-status",
    "sc-substatus",
    "sc-win32-status",
    "time-taken",
];

/// Looks up a status and substatus, falling back to the plain status.
pub fn status(status: u16, substatus: u16) -> Option<&'static IisStatus> {
    STATUSES
        .iter()
        .find(|s| s.status == status && s.substatus == substatus)
        .or_else(|| {
            STATUSES
                .iter()
                .find(|s| s.status == status && s.substatus == 0)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_sourced() {
        for pair in STATUSES.windows(2) {
            assert!((pair[0].status, pair[0].substatus) < (pair[1].status, pair[1].substatus));
        }
        for s in STATUSES {
            crate::knowledge::assert_source(s.source, &format!("{}.{}", s.status, s.substatus));
        }
    }

    #[test]
    fn substatus_lookup_falls_back_to_the_plain_status() {
        assert!(status(401, 1).unwrap().meaning.contains("Logon failed"));
        assert!(status(503, 3).unwrap().fix.contains("requestQueueLimit"));
        assert_eq!(status(403, 99).map(|s| s.substatus), Some(0));
        assert!(status(299, 0).is_none());
    }
}
