//! The explain stage: turns the typed records that `decode/` returns into report cards.
//!
//! Every finding comes from a rule (`rule::Rule`): a self-describing unit with an id, a severity,
//! a title, a source and a check, kept in a catalogue per record type with its unit test beside it.
//! `catalogue()` lists every rule of every family, so tests can check the catalogues as data
//! (unique ids, sourced, each rule fired by some golden fixture).

pub mod errors;
pub mod http;
pub mod invisible;
pub mod known;
pub mod known_http;
pub mod language;
pub mod logs;
pub mod one_answer;
pub mod powershell;
pub mod repeats;
pub mod rule;
pub mod tokens;
pub mod x509;

pub use rule::{Rule, RuleInfo};

/// Every rule of every catalogue, described as data.
pub fn catalogue() -> Vec<RuleInfo> {
    let mut all = Vec::new();
    for family in CATALOGUES {
        all.extend(family());
    }
    all
}

/// One entry per rule catalogue; a family adds its catalogue here.
const CATALOGUES: &[fn() -> Vec<RuleInfo>] = &[
    || rule::infos(http::challenge_rules::OFFER_RULES),
    || rule::infos(http::challenge_rules::RULES),
    || rule::infos(http::claims::RULES),
    || rule::infos(http::authorization::HEADER_RULES),
    || rule::infos(http::authorization::REQUEST_RULES),
    || rule::infos(http::xms_diagnostics::RULES),
    || rule::infos(http::exchange::RULES),
    crate::correlate::catalogue,
    tokens::rules,
    || rule::infos(x509::certificate_rules::RULES),
    || rule::infos(x509::jwk_rules::RULES),
    || rule::infos(x509::keycred_rules::RULES),
    || rule::infos(x509::chain::RULES),
    || rule::infos(x509::key_rules::PEM_RULES),
    || rule::infos(x509::key_rules::PRIVATE_KEY_RULES),
    || rule::infos(x509::key_rules::PUBLIC_KEY_RULES),
    || rule::infos(x509::key_rules::CSR_RULES),
    || rule::infos(x509::openssl::RULES),
    || rule::infos(x509::pfx::RULES),
    || rule::infos(x509::openid::RULES),
    || rule::infos(x509::secret::RULES),
    || rule::infos(x509::thumbprint_rules::RULES),
    || rule::infos(x509::thumbprint_rules::LINK_RULES),
    || rule::infos(errors::aadsts::RULES),
    || rule::infos(errors::service::RULES),
    || rule::infos(errors::exchange::RULES),
    || rule::infos(errors::iis_page::RULES),
    || rule::infos(powershell::oauth_objects::PARTNER_APPLICATION),
    || rule::infos(powershell::oauth_objects::AUTH_SERVER),
    || rule::infos(powershell::oauth_objects::AUTH_CONFIG),
    || rule::infos(powershell::oauth_objects::INTRA_ORGANIZATION_CONNECTOR),
    || rule::infos(powershell::oauth_objects::OAUTH_TEST),
    || rule::infos(powershell::org_config::RULES),
    || rule::infos(powershell::generic::RULES),
    logs::rules,
    || rule::infos(known::RULES),
    || rule::infos(invisible::RULES),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in catalogue() {
            assert!(
                rule.id.contains('.') && rule.id == rule.id.to_ascii_lowercase(),
                "{}: a rule id is lowercase `family.what`",
                rule.id
            );
            assert!(seen.insert(rule.id), "{} is declared twice", rule.id);
            assert!(!rule.title.is_empty(), "{} needs a title", rule.id);
            if let Some(source) = rule.source {
                assert!(source.starts_with("https://"), "{}: {source}", rule.id);
            }
        }
    }
}
