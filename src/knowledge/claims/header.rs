//! Table: JOSE header parameters (RFC 7515, RFC 7516, Microsoft additions).

use super::{Claim, ClaimStatus};

/// Header parameters, sorted by `name`.
pub const HEADER_PARAMS: &[Claim] = &[
    Claim {
        name: "alg",
        meaning: "Signature (or key management) algorithm, for example RS256; none means unsigned (S2S outer tokens).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "apu",
        meaning: "Agreement PartyUInfo for ECDH key agreement (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "apv",
        meaning: "Agreement PartyVInfo for ECDH key agreement (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "crit",
        meaning: "Lists header parameters the recipient must understand.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "cty",
        meaning: "Content type of the payload, for example JWT for a nested token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "enc",
        meaning: "Content encryption algorithm of an encrypted token (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7516_SECTION_4_1,
    },
    Claim {
        name: "epk",
        meaning: "Ephemeral public key for ECDH key agreement (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "iv",
        meaning: "Initialization vector for AES-GCM key wrapping (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "jku",
        meaning: "URL of a JWK Set that holds the signing key.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "jwk",
        meaning: "The public signing key itself, as a JWK.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "kid",
        meaning: "Key ID: names the signing key in the issuer's JWKS (for Entra the same value as x5t).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "nonce",
        meaning: "Microsoft Graph tokens carry a nonce in the header; the token is signed over a hash of it, so standard libraries cannot verify it. Do not validate tokens for APIs you do not own.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    },
    Claim {
        name: "p2c",
        meaning: "PBES2 iteration count (JWE password-based encryption).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "p2s",
        meaning: "PBES2 salt input (JWE password-based encryption).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "tag",
        meaning: "Authentication tag for AES-GCM key wrapping (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "typ",
        meaning: "Media type of the token: JWT for Entra tokens; at+jwt marks an OAuth access token in the RFC 9068 profile (other identity providers).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "x5c",
        meaning: "Certificate chain of the signing key, base64 DER, leaf first.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "x5t",
        meaning: "Base64url SHA-1 thumbprint of the signing certificate; legacy, v1 only (Entra sends the same value as kid).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "x5t#S256",
        meaning: "Base64url SHA-256 thumbprint of the signing certificate.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "x5u",
        meaning: "URL of the signing certificate or chain.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "zip",
        meaning: "Compression applied before encryption (JWE), for example DEF.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7516_SECTION_4_1,
    },
];
