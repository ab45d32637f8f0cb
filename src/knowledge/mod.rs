//! Knowledge tables: facts from public sources as static Rust data, one table per file.
//!
//! Tables never parse input. Every row carries an `https` source, and each table has a test beside
//! it that checks it is sorted, unique and complete. Explanations are written in our own words.

pub mod aadsts;
pub mod apps;
pub mod claims;
pub mod cmdlets;
pub mod connection_errors;
pub mod correlation;
pub mod error_ids;
pub mod exchange_auth;
pub mod exchange_builds;
pub mod exchange_log_fields;
pub mod exchange_paths;
pub mod graph_errors;
pub mod headers;
pub mod http_auth;
pub mod http_exchange;
pub mod iis;
pub mod iis_error_page;
pub mod iis_versions;
pub mod invisible;
pub mod key_members;
pub mod languages;
pub mod localized;
pub mod metadata_hosts;
pub mod needles;
pub mod oid_names;
pub mod ps_objects;
pub mod redaction;
pub mod roles;
pub mod secrets;
pub mod service_hosts;
pub mod sign_in_hosts;
pub mod sources;
pub mod tokens;
pub mod user_agents;
pub mod w3c_fields;
pub mod win32;
pub mod x509;
pub mod xms_diagnostics;
pub mod xms_reasons;

/// One fix step as a table stores it; turned into a `report::Step` when a finding is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub text: &'static str,
    /// Text to copy (PowerShell, CLI, configuration), if the step has one.
    pub command: Option<&'static str>,
    /// True where the public sources call this step unsupported by Microsoft.
    pub unsupported: bool,
}

impl Fix {
    /// A fix step without a command.
    pub const fn text(text: &'static str) -> Fix {
        Fix {
            text,
            command: None,
            unsupported: false,
        }
    }

    /// A fix step with a command to copy.
    pub const fn command(text: &'static str, command: &'static str) -> Fix {
        Fix {
            text,
            command: Some(command),
            unsupported: false,
        }
    }

    /// The same fix, marked as unsupported by Microsoft.
    pub const fn unsupported(self) -> Fix {
        Fix {
            unsupported: true,
            ..self
        }
    }

    /// Converts the table row into a report step.
    pub fn to_step(&self) -> crate::report::Step {
        crate::report::Step {
            text: self.text.to_string(),
            command: self.command.map(str::to_string),
            unsupported: self.unsupported,
        }
    }
}

/// Checks shared by every table test: an https source and non-empty text.
#[cfg(test)]
pub(crate) fn assert_source(source: &str, what: &str) {
    assert!(
        source.starts_with("https://"),
        "{what}: source must be an https link, got {source:?}"
    );
}
