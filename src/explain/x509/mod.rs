//! Explanations for X.509 certificates and keys: the cards and findings of the `cert`, `jwk` and
//! `pfx` scans, made from the records of `decode::x509`.
//!
//! `cert`, `jwk` and `pfx` are the scans that `find::DECODERS` lists; `certificate`, `chain`,
//! `keys`, `sections`, `thumbprint` and `openssl` make the certificate-side cards; `keycred`,
//! `openid` and `secret` the JSON-side ones.

pub mod cert;
pub mod certificate;
pub mod certificate_rules;
pub mod chain;
pub mod jwk;
pub mod jwk_rules;
pub mod key_rules;
pub mod keycred;
pub mod keycred_rules;
pub mod keys;
pub mod openid;
pub mod openssl;
pub mod pfx;
pub mod secret;
pub mod sections;
pub mod thumbprint;
pub mod thumbprint_rules;
