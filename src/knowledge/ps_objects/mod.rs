//! Table: the PowerShell objects people paste while fixing hybrid and app authentication, one row
//! per object type: the cmdlet that shows it, the property names that identify it without the
//! cmdlet line, and what each property means, which value is wrong and how to fix it.

mod entra;
mod federation;
mod oauth;
mod servers;

pub use entra::{KEY_CREDENTIAL_TYPE, PASSWORD_CREDENTIAL_TYPE, RENEW_CERTIFICATE, RENEW_SECRET};
pub use oauth::{
    AUTH_CONFIG, AUTH_SERVER, INTRA_ORGANIZATION_CONNECTOR, MAILBOX_ONLY_PROPERTIES,
    ORGANIZATION_CONFIG, PARTNER_APPLICATION, TEST_OAUTH_CONNECTIVITY,
};

use super::Fix;
use crate::knowledge::sources;
use crate::report::Severity;

/// Which value of a property is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    /// This value, in any ASCII case.
    Is(&'static str),
    /// An empty value.
    Empty,
    /// Any value other than this one (an empty value is not judged).
    IsNot(&'static str),
    /// A value that does not contain this text, in any ASCII case (an empty value is not judged).
    Lacks(&'static str),
}

impl Bad {
    /// True when `value` is the wrong one.
    pub fn matches(self, value: &str) -> bool {
        let v = value.trim();
        match self {
            Bad::Is(w) => v.eq_ignore_ascii_case(w),
            Bad::Empty => v.is_empty() || v == "{}",
            Bad::IsNot(w) => !v.is_empty() && !v.eq_ignore_ascii_case(w),
            Bad::Lacks(w) => {
                !v.is_empty() && !v.to_ascii_lowercase().contains(&w.to_ascii_lowercase())
            }
        }
    }
}

/// One property of a PowerShell object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropertyFact {
    pub name: &'static str,
    pub meaning: &'static str,
    /// The value that is wrong for OAuth, EWS, free/busy or app sign-in, if one is.
    pub wrong: Option<Bad>,
    pub severity: Severity,
    /// What the wrong value does.
    pub consequence: &'static str,
    /// How to fix it; `<identity>` in the command stands for the object's Name or Identity.
    pub fix: Option<Fix>,
    /// True where a rule of `explain::powershell` reports the wrong value itself (it needs more
    /// than this row, such as the object's other properties); the table rule skips such rows.
    pub by_rule: bool,
    pub source: &'static str,
}

/// A property that only says what it is (no value of it is wrong on its own).
pub const fn plain(
    name: &'static str,
    meaning: &'static str,
    source: &'static str,
) -> PropertyFact {
    PropertyFact {
        name,
        meaning,
        wrong: None,
        severity: Severity::Info,
        consequence: "",
        fix: None,
        by_rule: false,
        source,
    }
}

/// A property with a wrong value that a rule of `explain::powershell` reports.
pub const fn flagged(
    name: &'static str,
    meaning: &'static str,
    wrong: Bad,
    consequence: &'static str,
    source: &'static str,
) -> PropertyFact {
    PropertyFact {
        name,
        meaning,
        wrong: Some(wrong),
        severity: Severity::Error,
        consequence,
        fix: None,
        by_rule: true,
        source,
    }
}

/// A property with a wrong value that the table rule reports, with its fix.
pub const fn bad(
    name: &'static str,
    meaning: &'static str,
    wrong: Bad,
    severity: Severity,
    consequence: &'static str,
    fix: Fix,
    source: &'static str,
) -> PropertyFact {
    PropertyFact {
        name,
        meaning,
        wrong: Some(wrong),
        severity,
        consequence,
        fix: Some(fix),
        by_rule: false,
        source,
    }
}

/// One object type, as a cmdlet prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PsType {
    /// The cmdlet that shows the object (a row of `cmdlets::CMDLETS`).
    pub cmdlet: &'static str,
    /// Other cmdlets that print the same object (other modules, New-/Set- variants).
    pub also: &'static [&'static str],
    /// What the object is, as the start of a sentence ("Organization relationship").
    pub object: &'static str,
    /// Sets of property names; a block that has every name of one set is this object, even
    /// without the cmdlet line. Empty: only the cmdlet line identifies it.
    pub identify: &'static [&'static [&'static str]],
    /// A property value that identifies the object when the names alone do not: the property
    /// and a text its value contains (any ASCII case).
    pub value_hint: Option<(&'static str, &'static str)>,
    /// Property names that rule the object out.
    pub unless: &'static [&'static str],
    /// Properties whose values are secrets and are masked in every report.
    pub secrets: &'static [&'static str],
    /// Sorted by `name`.
    pub properties: &'static [PropertyFact],
    /// What a clean object means, said when no property is wrong.
    pub healthy: &'static str,
    /// False where another reader already explains the object's Format-List block in a card of
    /// its own (a Get-ExchangeCertificate block is the thumbprint card of `decode::x509`), so no
    /// second card repeats it; Format-Table rows still get a card.
    pub own_card: bool,
    pub source: &'static str,
}

impl PsType {
    /// The row for `name` (any case) among this object's properties.
    pub fn property(&self, name: &str) -> Option<&'static PropertyFact> {
        property(self.properties, name)
    }

    /// True when `name` (any case) is the cmdlet or one of `also`.
    pub fn shown_by(&self, name: &str) -> bool {
        self.cmdlet.eq_ignore_ascii_case(name)
            || self.also.iter().any(|c| c.eq_ignore_ascii_case(name))
    }
}

/// Every object type tokenlens reads. Where two types match a block, the one whose identifying
/// set has more names wins, then the earlier row.
pub const TYPES: &[PsType] = &[
    oauth::PARTNER_APPLICATION_TYPE,
    oauth::AUTH_SERVER_TYPE,
    oauth::AUTH_CONFIG_TYPE,
    oauth::INTRA_ORGANIZATION_CONNECTOR_TYPE,
    oauth::INTRA_ORGANIZATION_CONFIGURATION_TYPE,
    oauth::TEST_OAUTH_CONNECTIVITY_TYPE,
    oauth::ORGANIZATION_CONFIG_TYPE,
    servers::CAS_MAILBOX_TYPE,
    federation::HYBRID_CONFIGURATION_TYPE,
    federation::ORGANIZATION_RELATIONSHIP_TYPE,
    federation::TEST_ORGANIZATION_RELATIONSHIP_TYPE,
    federation::FEDERATION_TRUST_TYPE,
    federation::FEDERATION_INFORMATION_TYPE,
    federation::FEDERATED_ORGANIZATION_IDENTIFIER_TYPE,
    servers::EXCHANGE_CERTIFICATE_TYPE,
    servers::WEB_SERVICES_VIRTUAL_DIRECTORY_TYPE,
    servers::AUTODISCOVER_VIRTUAL_DIRECTORY_TYPE,
    servers::EXCHANGE_SERVER_TYPE,
    entra::APPLICATION_TYPE,
    entra::SERVICE_PRINCIPAL_TYPE,
    entra::KEY_CREDENTIAL_TYPE,
    entra::PASSWORD_CREDENTIAL_TYPE,
];

/// The object type a cmdlet shows (any case), if tokenlens knows it.
pub fn by_cmdlet(name: &str) -> Option<&'static PsType> {
    TYPES.iter().find(|t| t.shown_by(name))
}

/// How well a block matches `t`: 0 when a name of `unless` is present or no identifying set is
/// complete, else the size of the largest complete set (plus one when the value hint holds).
/// `value(name)` gives the value of a property the block has.
pub fn score<'a>(t: &PsType, value: &impl Fn(&str) -> Option<&'a str>) -> usize {
    if t.unless.iter().any(|n| value(n).is_some()) {
        return 0;
    }
    let score = t
        .identify
        .iter()
        .filter(|set| set.iter().all(|n| value(n).is_some()))
        .map(|set| set.len())
        .max()
        .unwrap_or(0);
    let hint = t.value_hint.is_some_and(|(name, needle)| {
        value(name).is_some_and(|v| {
            v.to_ascii_lowercase()
                .contains(&needle.to_ascii_lowercase())
        })
    });
    if hint && score > 0 {
        score + 1
    } else {
        score
    }
}

/// The object type that property names (and values) identify: the best score, then the earlier
/// row. Linear in the number of rows times the names they list.
pub fn identify<'a>(value: impl Fn(&str) -> Option<&'a str>) -> Option<&'static PsType> {
    let mut best: Option<(&'static PsType, usize)> = None;
    for t in TYPES {
        let s = score(t, &value);
        if s > 0 && best.is_none_or(|(_, b)| s > b) {
            best = Some((t, s));
        }
    }
    best.map(|(t, _)| t)
}

/// The row for `name` (any case) in `table`.
pub fn property(table: &'static [PropertyFact], name: &str) -> Option<&'static PropertyFact> {
    table.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

/// What the wrong value of `name` in `table` does ("" when the table has no such row).
pub fn consequence(table: &'static [PropertyFact], name: &str) -> &'static str {
    property(table, name).map_or("", |p| p.consequence)
}

/// The Get-OrganizationConfig row for `name` (any case).
pub fn organization_config(name: &str) -> Option<&'static PropertyFact> {
    property(ORGANIZATION_CONFIG, name)
}

/// The page that documents Get-OrganizationConfig output.
pub const GET_ORG: &str = sources::EXCHANGE_PS_GET_ORGANIZATIONCONFIG;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_sorted_unique_and_sourced() {
        for t in TYPES {
            let cmdlet = t.cmdlet;
            assert!(
                crate::knowledge::cmdlets::cmdlet(cmdlet).is_some(),
                "{cmdlet} needs a row in cmdlets.rs"
            );
            crate::knowledge::assert_source(t.source, cmdlet);
            assert!(t.healthy.len() > 10, "{cmdlet}");
            for pair in t.properties.windows(2) {
                assert!(pair[0].name < pair[1].name, "{cmdlet}: {}", pair[1].name);
            }
            for p in t.properties {
                crate::knowledge::assert_source(p.source, p.name);
                assert!(p.meaning.len() > 10, "{cmdlet}: {}", p.name);
                if p.wrong.is_some() {
                    assert!(!p.consequence.is_empty(), "{cmdlet}: {}", p.name);
                    assert!(p.by_rule || p.fix.is_some(), "{cmdlet}: {}", p.name);
                }
            }
        }
        for p in ORGANIZATION_CONFIG.iter().filter(|p| p.wrong.is_some()) {
            assert!(p.fix.is_some(), "{}", p.name);
        }
        assert!(organization_config("oauth2clientprofileenabled").is_some());
        assert!(consequence(AUTH_SERVER, "enabled").contains("Enabled is False"));
        crate::knowledge::assert_source(GET_ORG, "Get-OrganizationConfig");
    }

    #[test]
    fn names_identify_the_object_and_the_cmdlet_names_it() {
        let block = |names: &'static [&'static str]| {
            identify(move |n| {
                names
                    .iter()
                    .find(|x| x.eq_ignore_ascii_case(n))
                    .map(|_| "x")
            })
            .map(|t| t.cmdlet)
        };
        assert_eq!(
            block(&[
                "ApplicationIdentifier",
                "AuthMetadataUrl",
                "IssuerIdentifier",
                "AppOnlyPermissions"
            ]),
            Some("Get-PartnerApplication")
        );
        assert_eq!(
            block(&["Name", "AuthMetadataUrl", "IssuerIdentifier"]),
            Some("Get-AuthServer")
        );
        assert_eq!(
            block(&["TargetApplicationUri", "DomainNames", "TokenIssuerUris"]),
            Some("Get-FederationInformation")
        );
        assert_eq!(
            block(&[
                "DomainNames",
                "FreeBusyAccessEnabled",
                "TargetApplicationUri"
            ]),
            Some("Get-OrganizationRelationship")
        );
        assert_eq!(block(&["Name", "Enabled", "Value"]), None);
        assert_eq!(
            by_cmdlet("get-mgapplication").map(|t| t.cmdlet),
            Some("Get-MgApplication")
        );
        assert!(Bad::Lacks("outlook.com").matches("contoso.com"));
        assert!(!Bad::Lacks("outlook.com").matches(""));
        assert!(Bad::Empty.matches("{}"));
        assert!(Bad::IsNot("Success").matches("Error"));
    }
}
