//! Prints how many rows each knowledge table holds and how many rules each rule family has: for
//! the closing note and reviews, not a test.

use tokenlens::knowledge::{
    aadsts, apps, claims, connection_errors, exchange_builds, exchange_log_fields, exchange_paths,
    graph_errors, http_exchange, iis, iis_error_page, invisible, languages, localized, redaction,
    roles, service_hosts, user_agents, win32, xms_diagnostics,
};

fn main() {
    println!("AADSTS codes: {}", aadsts::all_codes().count());
    println!("OAuth error values: {}", aadsts::OAUTH_ERRORS.len());
    println!("x-ms-diagnostics codes: {}", xms_diagnostics::CODES.len());
    println!(
        "x-ms-diagnostics reason patterns: {}",
        xms_diagnostics::REASONS.len()
    );
    println!("apps and tenants: {}", apps::APPS.len());
    println!("resource URIs: {}", apps::RESOURCES.len());
    println!("claims: {}", claims::CLAIMS.len());
    println!("header parameters: {}", claims::HEADER_PARAMS.len());
    println!("amr values: {}", claims::AMR_VALUES.len());
    println!("IIS statuses: {}", iis::STATUSES.len());
    println!("localized messages: {}", localized::PHRASES.len());
    println!(
        "client status messages: {}; connection and TLS messages: {}",
        http_exchange::STATUS_MESSAGES.len(),
        connection_errors::ERRORS.len()
    );
    println!(
        "IIS error page titles {}, labels {}, request notifications {}, auth modules {}",
        iis_error_page::TITLES.len(),
        iis_error_page::LABELS.len(),
        iis_error_page::NOTIFICATIONS.len(),
        iis_error_page::AUTH_MODULES.len()
    );
    println!(
        "languages named: {} by script, {} by words (English included)",
        languages::BY_SCRIPT.len(),
        languages::BY_WORDS.len()
    );
    println!("Win32/SSPI statuses: {}", win32::WIN32.len());
    println!("Exchange URL paths: {}", exchange_paths::PATHS.len());
    println!("Exchange verbs: {}", exchange_paths::VERBS.len());
    println!("Exchange builds: {}", exchange_builds::BUILDS.len());
    println!("Exchange log fields: {}", exchange_log_fields::FIELDS.len());
    println!("user agents: {}", user_agents::AGENTS.len());
    println!("user agent client tokens: {}", user_agents::CLIENTS.len());
    println!(
        "user agent platform tokens: {}",
        user_agents::PLATFORMS.len()
    );
    println!(
        "PowerShell object types: {}",
        tokenlens::knowledge::ps_objects::TYPES.len()
    );
    println!(
        "http statuses: {}",
        tokenlens::knowledge::http_exchange::STATUSES.len()
    );
    println!("service hosts: {}", service_hosts::HOSTS.len());
    println!("Graph/EWS errors: {}", graph_errors::ERRORS.len());
    println!("directory roles: {}", roles::ROLES.len());
    println!("redactable fields: {}", redaction::FIELDS.len());
    println!("invisible characters: {}", invisible::CHARS.len());
    let mut families = std::collections::BTreeMap::<&str, usize>::new();
    let rules = tokenlens::explain::catalogue();
    for r in &rules {
        let family = r.id.split('.').next().unwrap_or(r.id);
        *families.entry(family).or_default() += 1;
    }
    println!("rules: {} in {} families", rules.len(), families.len());
    for (family, n) in families {
        println!("  {family}.*: {n}");
    }
}
