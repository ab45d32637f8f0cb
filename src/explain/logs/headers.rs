//! Explains HTTP response header blocks with correlation and routing headers: one "HTTP headers"
//! card per block, each header's meaning, the ids to quote to support, and tenant restrictions.

use crate::context::Context;
use crate::decode::logs::headers::{self, HeaderBlock};
use crate::explain::rule::{self, Rule};
use crate::knowledge::{exchange_builds, routing_headers, sources};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};

/// Finds, decodes and explains every header block in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    headers::blocks(text).iter().map(|b| card(b, ctx)).collect()
}

/// Rules over one header block.
pub const RULES: &[Rule<HeaderBlock>] = &[Rule {
    id: "headers.tenant-restrictions",
    severity: Severity::Info,
    title: "Restrict-Access-Confirm: a tenant restrictions policy was applied",
    source: Some(sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS),
    check: tenant_restrictions,
}];

fn tenant_restrictions(block: &HeaderBlock, _: &Context) -> Vec<Finding> {
    block
        .lines
        .iter()
        .filter(|l| l.name.eq_ignore_ascii_case("restrict-access-confirm"))
        .map(|_| Finding::new(
            Severity::Info,
            "Tenant restrictions applied",
            "A tenant restrictions policy (TRv2 / Global Secure Access, Microsoft Entra) was applied to this request; sign-ins to tenants it does not allow are blocked.",
        ))
        .collect()
}

fn card(block: &HeaderBlock, ctx: &Context) -> Artifact {
    let mut a = Artifact::new(ArtifactKind::Headers, block.span, "HTTP headers");
    let mut s = Section::new("Headers");
    let mut ids = Vec::new();
    for l in &block.lines {
        let mut f = Field::new(l.name.clone(), l.value.clone());
        if l.name == "status" {
            f = f.meaning("the HTTP status line");
        } else if let Some(h) = routing_headers::header(&l.name) {
            f = f.meaning(h.meaning).source(h.source);
            if h.name == "x-owa-version" {
                if let Some(p) = exchange_builds::product(&l.value) {
                    f = f.shown(p);
                }
            }
            if matches!(h.name, "request-id" | "client-request-id" | "sprequestguid") {
                ids.push(format!("{}: {}", l.name, l.value));
            }
        } else {
            f = f.unknown();
        }
        s.push(f);
    }
    let lines = block.lines.len();
    a.verdict = if ids.is_empty() {
        format!("{lines} response headers.")
    } else {
        format!(
            "{lines} response headers; quote {} when you ask for support.",
            ids.join(", ")
        )
    };
    a.sections.push(s);
    a.findings = rule::run(RULES, block, ctx);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_restrictions_fire_on_their_header_only() {
        let ctx = Context::fixed();
        let on = &headers::blocks("request-id: abc\nRestrict-Access-Confirm: 1\n")[0];
        assert_eq!(RULES[0].apply(on, &ctx).len(), 1);
        let off = &headers::blocks("request-id: abc\nX-FEServer: EX01\n")[0];
        assert!(RULES[0].apply(off, &ctx).is_empty());
    }

    #[test]
    fn builds_and_ids_are_explained() {
        let ctx = Context::fixed();
        let a = scan(
            "request-id=d7782c63\n\nX-OWA-Version=15.2.1544.11\n\nX-FEServer=DUMMY01\n",
            &ctx,
        );
        assert_eq!(a.len(), 1);
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("Exchange Server 2019 CU14"), "{text}");
        assert!(a[0].verdict.contains("quote request-id: d7782c63"));
    }
}
