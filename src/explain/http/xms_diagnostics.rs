//! Cards: an x-ms-diagnostics value with its code, product and parameters explained, the facts
//! read from its reason, and the rules over it (the code's meaning, known reason texts).

use std::collections::BTreeMap;

use crate::context::Context;
use crate::decode::http::xms_diagnostics::{self as record, reason_facts, Diag};
use crate::explain::rule::{self, Rule};
use crate::knowledge::aadsts as oauth;
use crate::knowledge::apps;
use crate::knowledge::sources;
use crate::knowledge::xms_diagnostics as table;
use crate::report::{
    Artifact, ArtifactKind, DiagnosticsEvidence, Field, Finding, Section, Severity, Span,
};

/// Finds and explains every value in `text`; a repeated value is explained once.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut explained: BTreeMap<(String, bool), Artifact> = BTreeMap::new();
    record::find(text)
        .into_iter()
        .map(|found| {
            let backend = found.diag.from_backend;
            let mut copy = explained
                .entry((found.text, backend))
                .or_insert_with(|| card(&found.diag, found.span, ctx))
                .clone();
            copy.span = found.span;
            copy
        })
        .collect()
}

/// The card of a header value, if it is an x-ms-diagnostics value.
pub fn card_from_value(
    value: &str,
    from_backend: bool,
    span: Span,
    ctx: &Context,
) -> Option<Artifact> {
    let mut diag = record::parse_value(value)?;
    diag.from_backend = from_backend;
    Some(card(&diag, span, ctx))
}

/// The card of one value.
pub fn card(diag: &Diag, span: Span, ctx: &Context) -> Artifact {
    let product = diag.product();
    let header = if diag.from_backend {
        "x-ms-diagnostics-from-backend"
    } else {
        "x-ms-diagnostics"
    };
    let title = match product {
        Some(p) => format!("{header} ({})", p.name()),
        None => header.to_string(),
    };
    let mut a = Artifact::new(ArtifactKind::Diagnostics, span, title);
    let category = diag.category().unwrap_or("");
    let reason = diag.reason().unwrap_or("");
    a.verdict = match (diag.code, category.is_empty()) {
        (Some(c), false) => format!(
            "The server refused the token with diagnostics code {c} ({category}): {}",
            if reason.is_empty() {
                "no reason given"
            } else {
                reason
            }
        ),
        (Some(c), true) => format!("The server reported diagnostics code {c}: {reason}"),
        (None, _) => format!("The server refused the token ({category}): {reason}"),
    };
    a.sections.push(value_section(diag));
    let details = reason_section(reason);
    if !details.fields.is_empty() {
        a.sections.push(details);
    }
    a.findings.extend(rule::run(RULES, diag, ctx));
    a.evidence.diagnostics = Some(DiagnosticsEvidence {
        code: diag.code,
        category: diag.category().map(str::to_string),
        reason: diag.reason().map(str::to_string),
    });
    a
}

fn value_section(diag: &Diag) -> Section {
    let mut s = Section::new("x-ms-diagnostics");
    if let Some(c) = diag.code {
        let mut f = Field::new("code", c.to_string());
        if let Some(r) = table::code(c) {
            f = f.meaning(r.meaning).source(r.source);
            if !r.documented {
                f = f.shown(format!("{c} (known only from undocumented sources)"));
            }
        } else {
            f = f.unknown();
        }
        s.push(f);
    }
    if let Some(p) = diag.product() {
        s.push(Field::new("product", p.name()));
    }
    for (k, v) in &diag.params {
        let mut f = Field::new(k.clone(), v.clone());
        if matches!(k.as_str(), "error_category" | "category" | "error_type") {
            if let Some(e) = oauth::oauth_error(v) {
                f = f.meaning(e.meaning).source(e.source);
            }
        }
        if k == "source" {
            f = f.meaning("the server that produced the error");
        }
        s.push(f);
    }
    s
}

/// Fields read out of a reason text: expected and actual values, the GUIDs it names, a profile.
fn reason_section(reason: &str) -> Section {
    let facts = reason_facts(reason);
    let mut s = Section::new("Read from the reason");
    if let Some((exp, act)) = &facts.expected_actual {
        s.push(Field::new("expected", exp.clone()));
        let mut f = Field::new("actual", act.clone());
        if let (Some((es, eh)), Some((as_, ah))) = (exp.split_once("://"), act.split_once("://")) {
            if eh.eq_ignore_ascii_case(ah) && !es.eq_ignore_ascii_case(as_) {
                f = f.meaning(format!(
                    "only the scheme differs ({es} vs {as_}): the URL the server saw is not the one the token was issued for, which happens when a device in front of the server terminates TLS (SSL offloading)"
                ));
            } else if !eh.eq_ignore_ascii_case(ah) {
                f = f.meaning("the host names differ");
            }
        }
        s.push(f);
    }
    if let Some(v) = &facts.token_profile {
        s.push(Field::new("token profile", v.clone()));
    }
    if let Some(v) = &facts.audience {
        let mut f = Field::new("audience in the token", v.clone());
        if let Some(app) = apps::app_by_id(v) {
            f = f.shown(app.name).source(app.source);
        } else if let Some(r) = apps::resource_by_uri(v) {
            f = f.shown(r.name).source(r.source);
        }
        s.push(f);
    }
    if let Some(v) = &facts.presented_strength {
        s.push(Field::new("presented auth strength", v.clone()));
        if let Some(r) = &facts.required_strength {
            s.push(Field::new("required auth strength", r.clone()));
        }
    }
    for g in &facts.guids {
        if s.fields.iter().any(|f| &f.raw == g) {
            continue;
        }
        let mut f = Field::new("named in the reason", g.clone());
        if let Some(app) = apps::app_by_id(g) {
            f = f.shown(app.name).meaning(app.note).source(app.source);
        }
        s.push(f);
    }
    s
}

/// Rules over an x-ms-diagnostics value, in the order their findings appear.
pub const RULES: &[Rule<Diag>] = &[
    Rule {
        id: "xmsdiag.code",
        severity: Severity::Error,
        title: "A known x-ms-diagnostics code: what it means and how to fix it",
        source: Some(sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS),
        check: known_code,
    },
    Rule {
        id: "xmsdiag.unknown-code",
        severity: Severity::Error,
        title: "A refusal whose code (or lack of one) is not in the table",
        source: None,
        check: unknown_code,
    },
    Rule {
        id: "xmsdiag.reason",
        severity: Severity::Error,
        title: "A known reason text: what it means and how to fix it",
        source: None,
        check: known_reason,
    },
];

/// The code and category, as the finding's title names them.
fn label(diag: &Diag) -> String {
    let code_text = diag.code.map(|c| c.to_string()).unwrap_or_default();
    [code_text.as_str(), diag.category().unwrap_or("")]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn known_code(diag: &Diag, _: &Context) -> Vec<Finding> {
    let Some(r) = diag.code.and_then(table::code) else {
        return Vec::new();
    };
    let mut f = Finding::new(
        Severity::Error,
        format!("x-ms-diagnostics {}", label(diag)),
        if r.documented {
            r.meaning.to_string()
        } else {
            format!("{} (Known only from undocumented sources.)", r.meaning)
        },
    )
    .source(r.source);
    for c in r.causes {
        f = f.cause(*c);
    }
    for fix in r.fixes {
        f = f.step(fix.to_step());
    }
    vec![f]
}

fn unknown_code(diag: &Diag, _: &Context) -> Vec<Finding> {
    if diag.code.and_then(table::code).is_some() {
        return Vec::new();
    }
    let category = diag.category().unwrap_or("");
    let reason = diag.reason().unwrap_or("");
    let error = oauth::oauth_error(category);
    let mut f = Finding::new(
        Severity::Error,
        format!("x-ms-diagnostics {}", label(diag))
            .trim()
            .to_string(),
        match error {
            Some(e) => format!("The server refused the request. {category}: {}", e.meaning),
            None => "The server refused the request; the reason text says why.".to_string(),
        },
    );
    if let Some(e) = error {
        f = f.source(e.source);
    }
    if !reason.is_empty() {
        f = f.cause(format!("The server's reason: {reason}"));
    }
    vec![f]
}

fn known_reason(diag: &Diag, _: &Context) -> Vec<Finding> {
    table::reasons_matching(diag.reason().unwrap_or(""))
        .into_iter()
        .map(|pat| {
            let mut f = Finding::new(Severity::Error, pat.title, pat.meaning).source(pat.source);
            for c in pat.causes {
                f = f.cause(*c);
            }
            for fix in pat.fixes {
                f = f.step(fix.to_step());
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(value: &str) -> Vec<&'static str> {
        let diag = record::parse_value(value).unwrap();
        rule::run(RULES, &diag, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn code_fires_on_a_known_code() {
        assert_eq!(
            ids("2000010;reason=\"Presented auth strength was 1, required is 2.\";error_category=\"insufficient_auth_strength\""),
            ["xmsdiag.code", "xmsdiag.reason"]
        );
    }

    #[test]
    fn unknown_code_fires_without_a_known_code() {
        assert_eq!(
            ids("reason=\"Something odd.\";error_category=\"invalid_grant\""),
            ["xmsdiag.unknown-code"]
        );
        assert!(
            !ids("2000001;reason=\"x\";error_category=\"invalid_token\"")
                .contains(&"xmsdiag.unknown-code")
        );
    }

    #[test]
    fn reason_fires_on_a_known_text_only() {
        assert!(ids("2000001;reason=\"The token is missing the claim type 'roles'.\";error_category=\"invalid_token\"").contains(&"xmsdiag.reason"));
        assert!(
            !ids("2000001;reason=\"Nothing we know.\";error_category=\"invalid_token\"")
                .contains(&"xmsdiag.reason")
        );
    }

    #[test]
    fn the_card_reads_the_reason_and_names_the_backend() {
        let ctx = Context::fixed();
        let a = &scan("x-ms-diagnostics: 2000010;reason=\"The access token is acquired using an authentication method that is too weak. Presented auth strength was 1, required is 2.\";error_category=\"insufficient_auth_strength\"", &ctx)[0];
        let text = crate::render::artifact_text(a);
        assert!(text.contains("presented auth strength: 1"), "{text}");
        let b = card_from_value(
            "2000001;reason=\"x\";error_category=\"invalid_token\"",
            true,
            Span::new(0, 0),
            &ctx,
        )
        .unwrap();
        assert!(b.title.starts_with("x-ms-diagnostics-from-backend"));
    }
}
