//! Decoders for X.509 certificates and keys: typed records of what a paste holds.
//!
//! `der` finds DER in text (PEM, base64, hex) and hashes it; `cert` parses certificates once;
//! `pkcs7` walks the containers PKCS#7 and PKCS#12 share; `pfx` reads PKCS#12 files without their
//! password; `json` finds JWK, JWKS, keyCredentials, OpenID configurations and secret lines;
//! `thumbprint` and `openssl_text` read what tools print about a certificate. Nothing here
//! writes prose: the cards and findings are made in `explain::x509`.

pub mod cert;
pub mod chain;
pub mod der;
pub mod extensions;
pub mod json;
pub mod jwk;
pub mod keycred;
pub mod keys;
pub mod openssl_text;
pub mod pfx;
pub mod pkcs7;
pub mod thumbprint;
