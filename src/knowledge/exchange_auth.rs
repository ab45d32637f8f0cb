//! Exchange server-to-server OAuth: the cmdlet fixes for the auth certificate, the test that checks
//! OAuth to Exchange Online, and what a missing trusted issuer means.

use super::Fix;
use crate::knowledge::sources;

/// The Exchange Online EWS endpoint of the global cloud, the target of the usual OAuth test.
pub const EXO_EWS_URL: &str = "https://outlook.office365.com/ews/exchange.asmx";

/// Creates a new Exchange auth (OAuth signing) certificate.
pub const NEW_AUTH_CERTIFICATE: &str = "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP";

/// Steps that replace a missing Exchange auth certificate, in order.
pub const AUTH_CERT_STEPS: &[Fix] = &[
    Fix::command("See which auth certificate Exchange is configured to sign with.", "Get-AuthConfig | Format-List CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint,NextCertificateEffectiveDate"),
    Fix::command("Check that the certificate with that thumbprint exists on every Exchange server and has not expired (empty output = missing).", "Get-ExchangeCertificate -Thumbprint <CurrentCertificateThumbprint> | Format-List Subject,NotAfter,HasPrivateKey"),
    Fix::command("If it is missing or expired, create a new auth certificate (answer No when asked to replace the default SMTP certificate).", NEW_AUTH_CERTIFICATE),
    Fix::command("Make it the next auth certificate, effective now.", "Set-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date)"),
    Fix::command("Publish it and drop the old one.", "Set-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate"),
    Fix::command("Restart the OWA and ECP application pools; in a hybrid deployment rerun the Hybrid Configuration Wizard so Exchange Online gets the new certificate.", "Restart-WebAppPool MSExchangeOWAAppPool\nRestart-WebAppPool MSExchangeECPAppPool"),
];

/// Replaces an expired current auth certificate in one go.
pub const RENEW_AUTH_CERT: Fix = Fix::command(
    "If it expired: create a new one, schedule it, publish it, then rerun the Hybrid Configuration Wizard.",
    "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP\nSet-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate\nRestart-WebAppPool MSExchangeOWAAppPool\nRestart-WebAppPool MSExchangeECPAppPool",
);

/// Creates the first auth certificate when none is current.
pub const CREATE_AUTH_CERT: Fix = Fix::command(
    "Create a new auth certificate and make it current.",
    "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP\nSet-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate",
);

/// Reruns the OAuth test against Exchange Online with every header printed.
pub const TEST_OAUTH_EXO: Fix = Fix::command(
    "Rerun verbosely and paste all of the output.",
    "Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox <on-premises mailbox> -Verbose | Format-List",
);

/// Reruns the OAuth test against any target with every header printed.
pub const TEST_OAUTH_TARGET: Fix = Fix::command(
    "Rerun the test with -Verbose and paste the full output, including the response headers.",
    "Test-OAuthConnectivity -Service EWS -TargetUri <target EWS URL> -Mailbox <mailbox> -Verbose | Format-List",
);

/// Prints the response headers a PowerShell web cmdlet's 401 exception leaves out.
pub const PRINT_RESPONSE_HEADERS: Fix = Fix::command(
    "Catch the error and print the response headers (PowerShell 7 shows Key/Value pairs; Windows PowerShell 5.1 needs the loop), then paste them here.",
    "try { Invoke-RestMethod ... } catch { $_.Exception.Response.Headers | Format-List }\n# Windows PowerShell 5.1:\n# $r = $_.Exception.Response; $r.Headers.AllKeys | ForEach-Object { \"$_ : $($r.Headers[$_])\" }",
);

/// Why a partner's trusted issuers can match no local auth server, most likely first.
pub const UNTRUSTED_ISSUER_CAUSES: &[&str] = &[
    "The target is in another cloud (for example partner.outlook.cn in 21Vianet trusts 00000001-0002-0000-c000-000000000000) while the local auth server points at the global cloud.",
    "The auth server for the tenant is missing or disabled.",
];

/// What to do when a partner's trusted issuers match no local auth server.
pub const UNTRUSTED_ISSUER_FIXES: &[Fix] = &[
    Fix::command("Compare the local auth servers with the issuers listed.", "Get-AuthServer | Format-List Name,IssuerIdentifier,AuthMetadataUrl,Enabled"),
    Fix::text("Create or fix the auth server with the AuthMetadataUrl of the cloud the target lives in (the Hybrid Configuration Wizard does this), then rerun Test-OAuthConnectivity."),
];

/// The page the auth certificate steps come from.
pub const AUTH_CERT_SOURCE: &str = sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_have_text_and_commands() {
        for fix in AUTH_CERT_STEPS.iter().chain(UNTRUSTED_ISSUER_FIXES).chain([
            &RENEW_AUTH_CERT,
            &CREATE_AUTH_CERT,
            &TEST_OAUTH_EXO,
        ]) {
            assert!(fix.text.ends_with('.'), "{}", fix.text);
        }
        assert!(TEST_OAUTH_EXO
            .command
            .is_some_and(|c| c.contains(EXO_EWS_URL)));
        assert!(RENEW_AUTH_CERT
            .command
            .is_some_and(|c| c.starts_with(NEW_AUTH_CERTIFICATE)));
        crate::knowledge::assert_source(AUTH_CERT_SOURCE, "auth certificate");
    }
}
