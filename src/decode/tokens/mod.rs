//! Token family, decode side: compact JWS/JWE found anywhere in a paste, SAML tokens pasted where a
//! JWT was expected, and claim sets pasted already decoded, each read into a typed record.
//!
//! Nothing here writes prose: `explain::tokens` turns these records into cards and findings.

pub mod claims_json;
pub mod compact;
pub mod find;
pub mod saml;
pub mod token;

pub use token::{Claims, Header, Problem, Token};
