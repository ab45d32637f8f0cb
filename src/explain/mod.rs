//! The explain stage: turns the typed records that `decode/` returns into report cards.
//!
//! Every finding comes from a rule (`rule::Rule`): a self-describing unit with an id, a severity,
//! a title, a source and a check, kept in a catalogue per record type with its unit test beside it.
//! `catalogue()` lists every rule of every family, so tests can check the catalogues as data
//! (unique ids, sourced, each rule fired by some golden fixture).

pub mod logs;
pub mod rule;

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
const CATALOGUES: &[fn() -> Vec<RuleInfo>] = &[logs::rules];

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
