//! HTTP exchanges and authentication headers as typed records: exchanges (status, headers and
//! body in any notation), WWW-Authenticate challenges and the claims requests they carry,
//! Authorization headers and token request bodies, x-ms-diagnostics values and user agents.
//! No prose here: `explain::http` turns these records into cards.

pub mod authorization;
pub mod challenge;
pub mod claims;
pub mod exchange;
pub mod user_agent;
pub mod xms_diagnostics;
