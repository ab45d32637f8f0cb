//! Table: the Windows Sockets and .NET messages that say a connection or a TLS channel failed
//! before any HTTP status came back (free/busy, OAuth metadata and token requests from Exchange
//! through a proxy or firewall), found by their message text and explained like error ids.

use super::error_ids::ErrorId;
use super::sources as src;
use super::Fix;

const WINSOCK: &str = "Windows Sockets (Winsock)";
const DOTNET: &str = ".NET networking (WebException)";

const TEST_PORT: Fix = Fix::command(
    "Test the connection from the server that failed, to the host and port in the message.",
    "Test-NetConnection <host> -Port 443",
);
const EXCHANGE_PROXY: Fix = Fix::command(
    "If the server must go through a proxy to reach the internet, tell Exchange (it does not use the browser's proxy settings), then restart IIS.",
    "Set-ExchangeServer <server> -InternetWebProxy http://<proxy>:<port>\nGet-ExchangeServer | Format-List Name,InternetWebProxy,InternetWebProxyBypassList",
);
const TLS12: Fix = Fix::command(
    "Let .NET Framework use TLS 1.2 with strong cryptography (both registry paths, 64- and 32-bit), then restart the application or server.",
    "Set-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' SchUseStrongCrypto 1 -Type DWord\nSet-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' SystemDefaultTlsVersions 1 -Type DWord\nSet-ItemProperty 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319' SchUseStrongCrypto 1 -Type DWord\nSet-ItemProperty 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319' SystemDefaultTlsVersions 1 -Type DWord",
);

/// Sorted by `id` (the message text).
pub const ERRORS: &[ErrorId] = &[
    ErrorId {
        id: "A connection attempt failed because the connected party did not properly respond",
        product: WINSOCK,
        http_status: None,
        meaning: "WSAETIMEDOUT (10060): the TCP connection timed out; nothing answered at the address and port (no HTTP status exists).",
        causes: &[
            "A firewall drops the traffic, or the server needs an outbound proxy it is not told about.",
            "The address is wrong or unreachable from this server (DNS gives an internal or an old address).",
        ],
        fixes: &[TEST_PORT, EXCHANGE_PROXY],
        source: src::WINSOCK_ERROR_CODES,
    },
    ErrorId {
        id: "An existing connection was forcibly closed by the remote host",
        product: WINSOCK,
        http_status: None,
        meaning: "WSAECONNRESET (10054): the other side or a device between reset the connection, often during the TLS handshake.",
        causes: &[
            "The client offers only TLS 1.0/1.1 (or ciphers) the server no longer accepts; Microsoft 365 requires TLS 1.2.",
            "A proxy, load balancer or firewall closed the connection.",
        ],
        fixes: &[TLS12, TEST_PORT],
        source: src::WINSOCK_ERROR_CODES,
    },
    ErrorId {
        id: "No connection could be made because the target machine actively refused it",
        product: WINSOCK,
        http_status: None,
        meaning: "WSAECONNREFUSED (10061): the host answered but nothing listens on that port (or a firewall rejects it).",
        causes: &[
            "The service is stopped or listens on another port or address.",
            "A local proxy setting points to a proxy that is not running.",
        ],
        fixes: &[TEST_PORT],
        source: src::WINSOCK_ERROR_CODES,
    },
    ErrorId {
        id: "No such host is known",
        product: WINSOCK,
        http_status: None,
        meaning: "WSAHOST_NOT_FOUND (11001): the host name could not be resolved in DNS.",
        causes: &["The name is misspelled, or this server's DNS cannot resolve external (or internal) names."],
        fixes: &[Fix::command(
            "Resolve the name from the server that failed.",
            "Resolve-DnsName <host>",
        )],
        source: src::WINSOCK_ERROR_CODES,
    },
    ErrorId {
        id: "The request was aborted: Could not create SSL/TLS secure channel",
        product: DOTNET,
        http_status: None,
        meaning: "The TLS handshake failed: client and server share no protocol version or cipher, or the client certificate could not be used.",
        causes: &[
            "The .NET application offers only TLS 1.0/1.1; Microsoft 365 and Entra accept TLS 1.2 or later.",
            "A client certificate's private key cannot be read by the account the code runs as.",
        ],
        fixes: &[TLS12],
        source: src::DOTNET_TLS_BEST_PRACTICES,
    },
    ErrorId {
        id: "The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel",
        product: DOTNET,
        http_status: None,
        meaning: "The server's certificate was not trusted: its chain does not reach a trusted root, its name does not match the host, or it expired.",
        causes: &[
            "A proxy or firewall inspects TLS and presents its own certificate.",
            "The server's certificate is self-signed, expired, or issued for another name; or an intermediate certificate is missing.",
        ],
        fixes: &[Fix::text(
            "Open the URL from the same server and read the certificate it gets; trust the issuing root or fix the certificate; exempt Microsoft 365 endpoints from TLS inspection.",
        )],
        source: src::DOTNET_TLS_BEST_PRACTICES,
    },
    ErrorId {
        id: "Unable to connect to the remote server",
        product: DOTNET,
        http_status: None,
        meaning: "The .NET client could not open a TCP connection (WebExceptionStatus.ConnectFailure); the inner SocketException says why.",
        causes: &[
            "A firewall or a missing outbound proxy (see the inner exception: 10060 timeout, 10061 refused).",
        ],
        fixes: &[TEST_PORT, EXCHANGE_PROXY],
        source: src::DOTNET_WEB_EXCEPTION,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_sorted_sourced_and_found_as_error_ids() {
        for pair in ERRORS.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for row in ERRORS {
            assert!(row.source.starts_with("https://"), "{}", row.id);
            assert!(!row.fixes.is_empty(), "{}", row.id);
            assert_eq!(super::super::error_ids::error_id(row.id), Some(row));
        }
    }
}
