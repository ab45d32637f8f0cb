//! Explain, HTTP exchanges and authentication headers: cards for HTTP exchanges (status, headers
//! and body in any notation), WWW-Authenticate challenges, Authorization
//! headers and token requests, x-ms-diagnostics values, and `header_card`, the one routing
//! function every log, HAR and FREB reader calls with a header it met.

pub mod authorization;
pub mod challenge;
pub mod challenge_rules;
pub mod claims;
pub mod exchange;
pub mod xms_diagnostics;

use crate::context::Context;
use crate::knowledge::headers::{self, HeaderReader};
use crate::report::{Artifact, Span};

/// The card of one header, routed by the one header table (`knowledge::headers`): a challenge,
/// an x-ms-diagnostics value (from the back end or not) or an Authorization header. Headers that
/// are fields of a header block, unknown headers and values that do not parse give none.
/// `name` may carry an IIS W3C wrapper (`sc(WWW-Authenticate)`); `value` is already unencoded.
pub fn header_card(name: &str, value: &str, span: Span, ctx: &Context) -> Option<Artifact> {
    match headers::reader(name)? {
        HeaderReader::Challenge => challenge::card_from_value(value, span, ctx),
        HeaderReader::Diagnostics { from_backend } => {
            xms_diagnostics::card_from_value(value, from_backend, span, ctx)
        }
        HeaderReader::Authorization => authorization::card_from_value(value, span, ctx),
        HeaderReader::Correlation | HeaderReader::General => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reader_routes_through_the_table() {
        let ctx = Context::fixed();
        let span = Span::new(0, 0);
        let c = header_card("sc(WWW-Authenticate)", "Negotiate", span, &ctx).unwrap();
        assert!(c.title.starts_with("WWW-Authenticate"));
        let d = header_card(
            "X-MS-Diagnostics-From-Backend",
            "2000001;reason=\"x\";error_category=\"invalid_token\"",
            span,
            &ctx,
        )
        .unwrap();
        assert!(d.title.starts_with("x-ms-diagnostics-from-backend"));
        assert!(header_card("Authorization", "Negotiate YIIabcdefgh", span, &ctx).is_some());
        assert!(header_card("X-FEServer", "EX01", span, &ctx).is_none());
        assert!(header_card("x-ms-diagnostics", "not a value", span, &ctx).is_none());
    }
}
