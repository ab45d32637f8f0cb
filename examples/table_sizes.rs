//! Prints how many rows each knowledge table holds: for the closing note and reviews, not a test.

use tokenlens::knowledge::{aadsts, apps, claims, graph_errors, iis, roles, xms_diagnostics};

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
    println!("Win32/SSPI statuses: {}", iis::WIN32.len());
    println!("Graph/EWS errors: {}", graph_errors::ERRORS.len());
    println!("directory roles: {}", roles::ROLES.len());
}
