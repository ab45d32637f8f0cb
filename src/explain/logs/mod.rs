//! Explains the logs family: IIS W3C logs, Exchange CSV logs, Failed Request Tracing, HAR files.
//! (Header blocks and whole HTTP exchanges are `explain::http::exchange`.) Each file turns the records of `decode::logs` into cards, with its
//! rule catalogues (`RULES`, `LINE_RULES`, `LOG_RULES`) beside the checks.

pub mod exchange_csv;
pub mod freb;
pub mod har;
pub mod har_entry;
pub mod iis;

use crate::explain::rule::{self, RuleInfo};
use crate::report::Finding;

/// One finding when `fires`, else none (the shape of most log rules).
fn rule_finding(fires: bool, finding: impl FnOnce() -> Finding) -> Vec<Finding> {
    if fires {
        vec![finding()]
    } else {
        Vec::new()
    }
}

/// Every rule of the logs family, described as data.
pub fn rules() -> Vec<RuleInfo> {
    let mut all = rule::infos(iis::LINE_RULES);
    all.extend(rule::infos(iis::LOG_RULES));
    all.extend(rule::infos(exchange_csv::RULES));
    all.extend(rule::infos(freb::RULES));
    all.extend(rule::infos(har::RULES));
    all.extend(rule::infos(har_entry::RULES));
    all
}
