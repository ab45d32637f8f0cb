//! Explain stage for the service-error family: AADSTS errors, Graph and EWS error bodies,
//! Exchange exception texts and IIS error pages become cards whose findings come from the rule
//! catalogues here.

pub mod aadsts;
pub mod exchange;
pub mod iis_page;
pub mod service;

use crate::context::Context;
use crate::report::Artifact;

/// Finds, decodes and explains Graph and EWS error bodies, then Exchange messages.
pub fn scan_service(text: &str, ctx: &Context) -> Vec<Artifact> {
    let (errors, messages) = crate::decode::errors::service::find(text);
    let mut out: Vec<Artifact> = errors.iter().map(|e| service::card(e, ctx)).collect();
    out.extend(messages.iter().map(|m| exchange::card(m, ctx)));
    out
}
