//! Table: IIS versions as the `Server` header and error pages name them, and the Windows release
//! each one ships with.

use super::sources;

/// One IIS version and the Windows Server release it comes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IisVersion {
    /// The product token as IIS writes it in `Server:` (`Microsoft-IIS/8.5`).
    pub token: &'static str,
    pub windows: &'static str,
    pub source: &'static str,
}

/// Sorted by `token`.
pub const VERSIONS: &[IisVersion] = &[
    IisVersion {
        token: "Microsoft-IIS/10.0",
        windows: "Windows Server 2016 or later (2019, 2022 and 2025 also report 10.0)",
        source: sources::WEBHOSTGETVERSION_FUNCTION,
    },
    IisVersion {
        token: "Microsoft-IIS/7.0",
        windows: "Windows Server 2008",
        source: sources::WEBHOSTGETVERSION_FUNCTION,
    },
    IisVersion {
        token: "Microsoft-IIS/7.5",
        windows: "Windows Server 2008 R2",
        source: sources::WEBHOSTGETVERSION_FUNCTION,
    },
    IisVersion {
        token: "Microsoft-IIS/8.0",
        windows: "Windows Server 2012",
        source: sources::WEBHOSTGETVERSION_FUNCTION,
    },
    IisVersion {
        token: "Microsoft-IIS/8.5",
        windows: "Windows Server 2012 R2",
        source: sources::WEBHOSTGETVERSION_FUNCTION,
    },
];

/// Looks up a `Microsoft-IIS/x.y` token (ASCII case ignored).
pub fn version(token: &str) -> Option<&'static IisVersion> {
    VERSIONS
        .iter()
        .find(|v| v.token.eq_ignore_ascii_case(token))
}

/// How IIS versions are found in free text: by their product token, in any case.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in VERSIONS {
        out.push(Needle::any_case(row.token, Fact::IisVersion(row.token)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_sorted_sourced_and_found_in_any_case() {
        for pair in VERSIONS.windows(2) {
            assert!(pair[0].token < pair[1].token);
        }
        for v in VERSIONS {
            crate::knowledge::assert_source(v.source, v.token);
        }
        assert_eq!(
            version("microsoft-iis/8.5").map(|v| v.windows),
            Some("Windows Server 2012 R2")
        );
    }
}
