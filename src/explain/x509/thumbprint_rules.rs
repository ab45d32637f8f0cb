//! Rules over thumbprints pasted as text, and over the link between such a thumbprint and a
//! certificate in the same paste. Each rule's test is beside it.

use crate::context::Context;
use crate::decode::x509::thumbprint::{loose_date, PastedThumbprint};
use crate::explain::rule::Rule;
use crate::knowledge::{apps, sources, x509 as facts};
use crate::report::{Finding, Severity, Step};
use crate::text::{hex_upper, relative};

/// The rules over one pasted thumbprint, in the order their findings are reported.
pub const RULES: &[Rule<PastedThumbprint>] = &[
    Rule {
        id: "thumbprint.invisible-character",
        severity: Severity::Warning,
        title: "Invisible mark copied with the thumbprint",
        source: None,
        check: invisible_character,
    },
    Rule {
        id: "thumbprint.expired",
        severity: Severity::Error,
        title: "NotAfter printed with the thumbprint is past",
        source: None,
        check: expired,
    },
    Rule {
        id: "thumbprint.exchange-auth",
        severity: Severity::Info,
        title: "Thumbprint of the Exchange Server Auth Certificate",
        source: Some(sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND),
        check: exchange_auth,
    },
];

/// A certificate in the paste and a thumbprint pasted as text.
#[derive(Debug, Clone)]
pub struct ThumbprintLink {
    /// The Get-AuthConfig property that printed the thumbprint, if any.
    pub slot: Option<&'static str>,
    /// The thumbprint is the certificate's.
    pub same: bool,
    /// The certificate is the Exchange Server Auth Certificate.
    pub exchange_auth: bool,
    /// The pasted thumbprint in hex.
    pub pasted_hex: String,
}

/// The rules over one certificate and thumbprint pair.
pub const LINK_RULES: &[Rule<ThumbprintLink>] = &[
    Rule {
        id: "thumbprint.auth-config-match",
        severity: Severity::Ok,
        title: "Certificate is the one Get-AuthConfig names",
        source: None,
        check: auth_config_match,
    },
    Rule {
        id: "thumbprint.not-current-auth",
        severity: Severity::Warning,
        title: "Auth certificate other than Get-AuthConfig's current one",
        source: None,
        check: not_current_auth,
    },
    Rule {
        id: "thumbprint.same-as-pasted",
        severity: Severity::Ok,
        title: "Certificate is the one the pasted thumbprint names",
        source: None,
        check: same_as_pasted,
    },
];

fn invisible_character(t: &PastedThumbprint, _: &Context) -> Vec<Finding> {
    if !t.had_invisible {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Invisible character in the copied thumbprint",
        "The text holds an invisible left-to-right mark (U+200E), which the Windows certificate dialog adds when the thumbprint is copied. Commands such as Get-Item Cert:\\LocalMachine\\My\\<thumbprint>, Get-ExchangeCertificate -Thumbprint or Set-AuthConfig then fail with \"not found\" although the certificate is there.",
    )
    .step(Step::with_command(
        "Use the thumbprint without spaces or hidden characters:",
        hex_upper(&t.sha1),
    ))]
}

fn expired(t: &PastedThumbprint, ctx: &Context) -> Vec<Finding> {
    let printed = t.context_value("NotAfter");
    let Some(not_after) = printed.and_then(loose_date).filter(|n| *n < ctx.now) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Error,
        format!("Certificate expired (NotAfter {})", printed.unwrap_or_default()),
        format!(
            "NotAfter is in the past ({}, read as month/day/year in the machine's local time). An expired certificate no longer signs Exchange OAuth tokens or client assertions that Entra accepts.",
            relative(not_after, ctx.now)
        ),
    )]
}

fn exchange_auth(t: &PastedThumbprint, _: &Context) -> Vec<Finding> {
    let subject = t.context_value("Subject");
    if !subject.is_some_and(|s| s.contains(facts::EXCHANGE_AUTH_CERTIFICATE_CN)) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Exchange Server Auth Certificate",
        format!("This is Exchange's OAuth signing certificate. Get-AuthConfig must name this thumbprint as CurrentCertificateThumbprint, and for hybrid its public part must be in the keyCredentials of the Office 365 Exchange Online service principal ({}).", apps::ids::EXCHANGE),
    )
    .step(Step::with_command(
        "Compare with the thumbprint Exchange uses:",
        "Get-AuthConfig | Format-List CurrentCertificateThumbprint, NextCertificateThumbprint",
    ))]
}

fn auth_config_match(l: &ThumbprintLink, _: &Context) -> Vec<Finding> {
    match (l.slot, l.same) {
        (Some(slot), true) => vec![Finding::new(
            Severity::Ok,
            format!("This is the certificate Get-AuthConfig names as {slot}"),
            format!(
                "Its SHA-1 thumbprint {} equals {slot} in the pasted Get-AuthConfig output.",
                l.pasted_hex
            ),
        )],
        _ => Vec::new(),
    }
}

fn not_current_auth(l: &ThumbprintLink, _: &Context) -> Vec<Finding> {
    if l.slot != Some("CurrentCertificateThumbprint") || l.same || !l.exchange_auth {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Not the current auth certificate",
        format!("Get-AuthConfig names {} as CurrentCertificateThumbprint, but this certificate's thumbprint is different: Exchange signs with the other one, so this is the one to upload only if it becomes current.", l.pasted_hex),
    )]
}

fn same_as_pasted(l: &ThumbprintLink, _: &Context) -> Vec<Finding> {
    if l.slot.is_some() || !l.same {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Ok,
        "Same certificate as the pasted thumbprint",
        format!(
            "Its SHA-1 thumbprint equals the thumbprint {} found in the paste.",
            l.pasted_hex
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::x509::thumbprint::thumbprint_lines;

    const HEX: &str = "89E178DCBF27932C3F3C41E35AF8FE3E459E6D79";

    fn ids(t: &PastedThumbprint) -> Vec<&'static str> {
        crate::explain::rule::run(RULES, t, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn a_plain_thumbprint_line_is_quiet() {
        let t = &thumbprint_lines(&format!("Thumbprint : {HEX}"))[0];
        assert!(ids(t).is_empty());
    }

    #[test]
    fn invisible_marks_past_dates_and_the_auth_certificate_are_reported() {
        let text = format!(
            "Subject : CN={}\nNotAfter : 1/1/2020 12:00:00 AM\nThumbprint : \u{200e}{HEX}\n",
            facts::EXCHANGE_AUTH_CERTIFICATE_CN
        );
        let t = &thumbprint_lines(&text)[0];
        assert_eq!(
            ids(t),
            [
                "thumbprint.invisible-character",
                "thumbprint.expired",
                "thumbprint.exchange-auth"
            ]
        );
    }

    #[test]
    fn links_say_which_certificate_the_thumbprint_names() {
        let ctx = Context::fixed();
        let mut l = ThumbprintLink {
            slot: Some("CurrentCertificateThumbprint"),
            same: true,
            exchange_auth: true,
            pasted_hex: HEX.into(),
        };
        let fired = |l: &ThumbprintLink| -> Vec<&str> {
            crate::explain::rule::run(LINK_RULES, l, &ctx)
                .iter()
                .map(|f| f.rule)
                .collect()
        };
        assert_eq!(fired(&l), ["thumbprint.auth-config-match"]);
        l.same = false;
        assert_eq!(fired(&l), ["thumbprint.not-current-auth"]);
        l.exchange_auth = false;
        assert!(fired(&l).is_empty());
        l.slot = None;
        l.same = true;
        assert_eq!(fired(&l), ["thumbprint.same-as-pasted"]);
    }
}
