//! Table: Exchange Server builds by the start of their version number (X-OWA-Version).

use crate::knowledge::sources;

/// An Exchange product or cumulative update recognised by its build prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExchangeBuild {
    /// Version prefix, ending with a dot.
    pub prefix: &'static str,
    pub product: &'static str,
    pub source: &'static str,
}

/// Sorted by `prefix`; a version belongs to the longest prefix it starts with.
pub const BUILDS: &[ExchangeBuild] = &[
    ExchangeBuild {
        prefix: "14.",
        product: "Exchange Server 2010",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.0.",
        product: "Exchange Server 2013",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.0.1497.",
        product: "Exchange Server 2013 CU23",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.1.",
        product: "Exchange Server 2016",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.1.2375.",
        product: "Exchange Server 2016 CU22",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.1.2507.",
        product: "Exchange Server 2016 CU23",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.2.",
        product: "Exchange Server 2019",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.2.1118.",
        product: "Exchange Server 2019 CU12",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.2.1258.",
        product: "Exchange Server 2019 CU13",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.2.1544.",
        product: "Exchange Server 2019 CU14",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.2.1748.",
        product: "Exchange Server 2019 CU15",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.2.986.",
        product: "Exchange Server 2019 CU11",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
    ExchangeBuild {
        prefix: "15.20.",
        product: "Exchange Online",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    },
];

/// The Exchange product of a build number such as `15.2.1544.11`.
pub fn product(version: &str) -> Option<&'static str> {
    let v = version.trim();
    BUILDS
        .iter()
        .filter(|b| v.starts_with(b.prefix))
        .max_by_key(|b| b.prefix.len())
        .map(|b| b.product)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_sourced() {
        for pair in BUILDS.windows(2) {
            assert!(pair[0].prefix < pair[1].prefix, "{}", pair[1].prefix);
        }
        for b in BUILDS {
            assert!(b.prefix.ends_with('.'), "{}", b.prefix);
            crate::knowledge::assert_source(b.source, b.prefix);
        }
    }

    #[test]
    fn the_longest_prefix_wins() {
        assert_eq!(product("15.2.1544.11"), Some("Exchange Server 2019 CU14"));
        assert_eq!(product("15.20.7000.1"), Some("Exchange Online"));
        assert_eq!(product("15.2.9.1"), Some("Exchange Server 2019"));
        assert_eq!(product("16.0"), None);
    }
}
