//! Needles: the words by which each knowledge row can be found in free text, gathered from every
//! table that declares them (AADSTS names, x-ms-diagnostics codes, categories and reasons, Graph
//! and EWS error codes, Win32/SSPI statuses, application ids, product error ids, localized
//! messages, cmdlet names and user agent tokens).
//!
//! Each table says how its rows are found (`needles` in its own file); this module only collects
//! them. The finder (`decode::known`) builds one Aho-Corasick automaton from the list.

use super::{
    aadsts, apps, cmdlets, error_ids, exchange_paths, graph_errors, http_exchange, iis_versions,
    localized, user_agents, win32, xms_diagnostics, xms_reasons,
};

/// The row a needle leads to, named by its key in its table (so facts can be grouped and sorted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fact {
    /// An AADSTS code, found by its error name (`InvalidClientSecretExpiredKeysProvided`).
    AadstsName(u32),
    /// A numeric x-ms-diagnostics code (`2000008`).
    DiagCode(u32),
    /// An `error_category=` parameter; its value is read after the needle.
    DiagCategory,
    /// An x-ms-diagnostics reason text, by the reason's id (every needle of the row must appear).
    DiagReason(&'static str),
    /// A Microsoft Graph or EWS error code (`InvalidAuthenticationToken`, `ErrorAccessDenied`).
    ServiceError(&'static str),
    /// A Win32 or SSPI status, by its code in hex or decimal or by its name.
    Win32(u32),
    /// A first-party application or well-known tenant id.
    App(&'static str),
    /// A product error id found on its own: an IdentityModel `IDX` code, a Key Vault `AKV` code,
    /// an Azure Resource Manager or Storage error code, an Exchange exception class or a
    /// SharePoint token message (`IDX10214`, `AuthorizationPermissionMismatch`), by its id.
    ErrorId(&'static str),
    /// A localized HTTP status or authentication message as .NET, Windows, IIS or Exchange print
    /// it in another language (`(401) Nicht autorisiert`), by its text.
    Phrase(&'static str),
    /// An Exchange, Microsoft Graph or Entra PowerShell cmdlet named in the text
    /// (`Test-OAuthConnectivity`), by its name.
    Cmdlet(&'static str),
    /// An IIS version by its `Server` product token (`Microsoft-IIS/8.5`).
    IisVersion(&'static str),
    /// A user agent, by the token of the client it names (`MacOutlook/`); the finder reads the
    /// whole user agent around the needle and keeps it as the mention's value.
    UserAgent(&'static str),
    /// A client library's message quoting an HTTP status ("The remote server returned an error:"),
    /// by its text; the status number after it is the mention's value.
    StatusMessage(&'static str),
    /// A service's message text found without its error body (`Access is denied. Check
    /// credentials and try again`), by the needle of its row in `graph_errors::MESSAGES`.
    ServiceMessage(&'static str),
    /// An Exchange endpoint path (`/ews/exchange.asmx`), by its prefix in `exchange_paths`.
    ExchangePath(&'static str),
}

/// One needle: the text to find, the fact it leads to, and whether case must match exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    pub text: String,
    pub fact: Fact,
    /// True for identifiers written in one spelling (`ErrorAccessDenied`); false for codes in hex,
    /// GUIDs and phrases.
    pub exact_case: bool,
}

impl Needle {
    /// A needle whose case must match.
    pub fn exact(text: impl Into<String>, fact: Fact) -> Needle {
        Needle {
            text: text.into(),
            fact,
            exact_case: true,
        }
    }

    /// A needle found in any ASCII case.
    pub fn any_case(text: impl Into<String>, fact: Fact) -> Needle {
        Needle {
            text: text.into(),
            fact,
            exact_case: false,
        }
    }
}

/// True for an identifier distinctive enough to be found alone in prose: ten characters or more
/// with an inner capital letter or an underscore (`accessDenied`, `Authorization_RequestDenied`),
/// so ordinary words such as `unauthenticated` or `Forbidden` are not taken for codes.
pub fn distinctive_identifier(word: &str) -> bool {
    word.len() >= 10 && (word.contains('_') || word.chars().skip(1).any(|c| c.is_ascii_uppercase()))
}

/// Every needle of every table, in table order.
pub fn all() -> Vec<Needle> {
    let mut out = Vec::new();
    aadsts::needles(&mut out);
    xms_diagnostics::needles(&mut out);
    xms_reasons::needles(&mut out);
    graph_errors::needles(&mut out);
    win32::needles(&mut out);
    apps::needles(&mut out);
    iis_versions::needles(&mut out);
    error_ids::needles(&mut out);
    localized::needles(&mut out);
    cmdlets::needles(&mut out);
    user_agents::needles(&mut out);
    http_exchange::needles(&mut out);
    exchange_paths::needles(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_contributes_needles_and_none_is_empty_or_repeated() {
        let all = all();
        for kind in [
            |f: &Fact| matches!(f, Fact::AadstsName(_)),
            |f: &Fact| matches!(f, Fact::DiagCode(_)),
            |f: &Fact| matches!(f, Fact::DiagCategory),
            |f: &Fact| matches!(f, Fact::DiagReason(_)),
            |f: &Fact| matches!(f, Fact::ServiceError(_)),
            |f: &Fact| matches!(f, Fact::Win32(_)),
            |f: &Fact| matches!(f, Fact::App(_)),
            |f: &Fact| matches!(f, Fact::IisVersion(_)),
            |f: &Fact| matches!(f, Fact::ErrorId(_)),
            |f: &Fact| matches!(f, Fact::Phrase(_)),
            |f: &Fact| matches!(f, Fact::Cmdlet(_)),
            |f: &Fact| matches!(f, Fact::UserAgent(_)),
            |f: &Fact| matches!(f, Fact::StatusMessage(_)),
            |f: &Fact| matches!(f, Fact::ExchangePath(_)),
            |f: &Fact| matches!(f, Fact::ServiceMessage(_)),
        ] {
            assert!(all.iter().any(|n| kind(&n.fact)));
        }
        let mut seen = std::collections::BTreeSet::new();
        for n in &all {
            assert!(n.text.len() >= 6, "{:?} is too short to find alone", n.text);
            let key = if n.exact_case {
                n.text.clone()
            } else {
                n.text.to_ascii_lowercase()
            };
            assert!(seen.insert(key), "{:?} is declared twice", n.text);
        }
    }

    #[test]
    fn ordinary_words_are_not_distinctive_identifiers() {
        assert!(distinctive_identifier("accessDenied"));
        assert!(distinctive_identifier("Authorization_RequestDenied"));
        assert!(!distinctive_identifier("unauthenticated"));
        assert!(!distinctive_identifier("Forbidden"));
    }
}
