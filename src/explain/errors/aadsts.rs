//! Cards and rules for AADSTS errors: the error fields with their meanings, the sign-in error page,
//! and one rule per finding (the code, nested codes, a claims challenge, the suberror, the page).

use crate::context::Context;
use crate::decode::errors::aadsts::{find, sentence_for, AadstsFound};
use crate::explain::rule::{self, Rule};
use crate::knowledge::aadsts as table;
use crate::knowledge::{apps, sources};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Step};

/// Finds, decodes and explains every AADSTS error in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    crate::explain::repeats::fold(find(text).iter().map(|found| card(found, ctx)))
}

/// The card of one error.
pub fn card(found: &AadstsFound, ctx: &Context) -> Artifact {
    let err = &found.error;
    let codes: Vec<String> = err.codes.iter().map(|c| format!("AADSTS{c}")).collect();
    let title = if codes.is_empty() {
        "Microsoft Entra sign-in error".to_string()
    } else {
        format!("Microsoft Entra sign-in error {}", codes.join(" / "))
    };
    let mut a = Artifact::new(ArtifactKind::Aadsts, found.card_span(), title);
    let msg = &found.message;
    a.verdict = if msg.is_empty() {
        "Microsoft Entra ID refused to issue a token.".to_string()
    } else {
        format!("Microsoft Entra ID refused to issue a token: {msg}")
    };
    if found.page.is_some() {
        a.sections.push(page_section(found));
    }
    a.sections.push(error_section(found));
    if let Some(claims) = &err.claims {
        let (sec, _) = crate::explain::http::claims::claims_request(&claims_json(claims));
        if !sec.fields.is_empty() {
            a.sections.push(sec);
        }
    }
    a.findings = rule::run(RULES, found, ctx);
    a.evidence.aadsts = err.codes.clone();
    if let Some(e) = &err.error {
        a.evidence.facts.push(("error".into(), e.clone()));
    }
    a
}

/// The "Error" section: each field of the error with its meaning.
fn error_section(found: &AadstsFound) -> Section {
    let err = &found.error;
    let msg = &found.message;
    let mut s = Section::new("Error");
    if let Some(e) = &err.error {
        let mut f = Field::new("error", e.clone());
        if let Some(row) = table::oauth_error(e) {
            f = f.meaning(row.meaning).source(row.source);
        }
        s.push(f);
    }
    if let Some(sub) = &err.suberror {
        let mut f = Field::new("suberror", sub.clone());
        match table::suberror(sub) {
            Some(row) => f = f.meaning(row.meaning).source(row.source),
            None => f = f.unknown(),
        }
        s.push(f);
    }
    for c in &err.codes {
        let mut f = Field::new("code", format!("AADSTS{c}"));
        match table::aadsts(*c) {
            Some(row) => {
                f = f.meaning(row.meaning).source(row.source);
                if !row.name.is_empty() {
                    f = f.shown(format!("AADSTS{c} {}", row.name));
                }
            }
            None => {
                f = f
                    .unknown()
                    .source(format!("{}{c}", table::ERROR_LOOKUP_URL))
            }
        }
        s.push(f);
    }
    if !msg.is_empty() {
        s.push(Field::new("message", msg.clone()));
    }
    if let Some(v) = &err.trace_id {
        s.push(Field::new("Trace ID", v.clone()).meaning(table::error_field("Trace ID")));
    }
    if let Some(v) = &err.correlation_id {
        let meaning = table::error_field("Correlation ID");
        s.push(Field::new("Correlation ID", v.clone()).meaning(meaning));
    }
    if let Some(v) = &err.timestamp {
        s.push(Field::new("Timestamp", v.clone()).meaning(table::error_field("Timestamp")));
    }
    if let Some(v) = &err.error_uri {
        s.push(Field::new("error_uri", v.clone()).meaning(table::error_field("error_uri")));
    }
    named_in_message(&mut s, msg);
    for wrapper in &found.reported_by {
        s.push(
            Field::new("reported by", wrapper.needle)
                .meaning(wrapper.meaning)
                .source(wrapper.source),
        );
    }
    if let Some(c) = &found.classification {
        let mut f = Field::new("MSAL classification", c.clone());
        if let Some(row) = table::suberror(&snake_case(c)) {
            f = f.meaning(row.meaning).source(row.source);
        }
        s.push(f);
    }
    s
}

/// Applications and resources the message names, with what they are.
fn named_in_message(s: &mut Section, msg: &str) {
    for g in crate::text::guids_in(msg) {
        if let Some(app) = apps::app_by_id(g) {
            s.push(
                Field::new("named in the message", g)
                    .shown(app.name)
                    .meaning(app.note)
                    .source(app.source),
            );
        }
    }
    for word in msg.split(['\'', ' ', '"']) {
        let is_https = word
            .strip_prefix("https")
            .is_some_and(|rest| rest.starts_with("://"));
        if is_https {
            if let Some(r) = apps::resource_by_uri(word.trim_end_matches(['.', ','])) {
                s.push(
                    Field::new("named in the message", word)
                        .shown(r.name)
                        .source(r.source),
                );
            }
        }
    }
}

/// `BasicAction` as `basic_action`.
fn snake_case(c: &str) -> String {
    c.chars()
        .enumerate()
        .flat_map(|(i, ch)| {
            let lower = ch.to_ascii_lowercase();
            if ch.is_ascii_uppercase() && i > 0 {
                vec!['_', lower]
            } else {
                vec![lower]
            }
        })
        .collect()
}

/// The sign-in error page's troubleshooting details.
fn page_section(found: &AadstsFound) -> Section {
    let mut s = Section::new("Sign-in error page (troubleshooting details)");
    for (field, value) in found.page.iter().flat_map(|p| &p.fields) {
        let mut f = Field::new(field.label, value.clone()).meaning(field.meaning);
        if field.label == "App id" {
            if let Some(app) = apps::app_by_id(value) {
                f = f.shown(app.name).source(app.source);
            }
        }
        s.push(f);
    }
    s
}

/// The claims value as JSON (it may come base64-encoded).
fn claims_json(claims: &str) -> String {
    if claims.trim_start().starts_with('{') {
        claims.to_string()
    } else {
        crate::text::b64_decode_lenient(claims)
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_else(|| claims.to_string())
    }
}

/// The rules over one AADSTS error, in the order their findings are shown.
pub const RULES: &[Rule<AadstsFound>] = &[
    Rule {
        id: "aadsts.code",
        severity: Severity::Error,
        title: "Each AADSTS code, explained from the table or sent to Microsoft's lookup page",
        source: Some(table::AADSTS_REFERENCE),
        check: code,
    },
    Rule {
        id: "aadsts.nested-codes",
        severity: Severity::Info,
        title: "Several nested codes: the innermost says most",
        source: None,
        check: nested_codes,
    },
    Rule {
        id: "aadsts.claims-challenge",
        severity: Severity::Warning,
        title: "The error carries a claims challenge",
        source: Some(sources::IDENTITY_PLATFORM_CLAIMS_CHALLENGE),
        check: claims_challenge,
    },
    Rule {
        id: "aadsts.suberror",
        severity: Severity::Info,
        title: "Entra's suberror says what the app should do",
        source: None,
        check: suberror,
    },
    Rule {
        id: "aadsts.error-page",
        severity: Severity::Info,
        title: "The Entra sign-in error page identifies the attempt",
        source: Some(sources::MONITORING_HEALTH_CONCEPT_SIGN_INS),
        check: error_page,
    },
];

fn code(found: &AadstsFound, _: &Context) -> Vec<Finding> {
    let lookup = table::ERROR_LOOKUP_URL;
    let mut out = Vec::new();
    for c in &found.error.codes {
        let f = match table::aadsts(*c) {
            Some(row) => {
                let title = if row.name.is_empty() {
                    format!("AADSTS{c}")
                } else {
                    format!("AADSTS{c} {}", row.name)
                };
                let mut f = Finding::new(Severity::Error, title, row.meaning).source(row.source);
                for cause in row.causes {
                    f = f.cause(*cause);
                }
                for fix in row.fixes {
                    f = f.step(fix.to_step());
                }
                f
            }
            None => Finding::new(
                Severity::Error,
                format!("AADSTS{c}"),
                format!(
                    "{} AADSTS{c} is not in our table; Microsoft's lookup page {lookup}{c} shows its current text.",
                    sentence_for(&found.message, *c)
                        .map(|m| format!("Entra says: {m}"))
                        .unwrap_or_else(|| "Microsoft Entra ID refused the request.".into())
                ),
            )
            .step(Step::new(format!(
                "Open {lookup}{c} (or search the code in the AADSTS reference) for Microsoft's current description."
            )))
            .step(Step::new("Find the attempt in the Entra sign-in logs by its correlation ID: the failure reason there is often more precise."))
            .source(table::AADSTS_REFERENCE),
        };
        out.push(f);
    }
    out
}

fn nested_codes(found: &AadstsFound, _: &Context) -> Vec<Finding> {
    let codes = &found.error.codes;
    if codes.len() < 2 {
        return Vec::new();
    }
    let rest: Vec<String> = codes[1..].iter().map(|c| format!("AADSTS{c}")).collect();
    vec![Finding::new(
        Severity::Info,
        format!("{} nested codes", codes.len()),
        format!(
            "AADSTS{} is the outer failure; {} says more precisely what went wrong. Fix the innermost one first.",
            codes[0],
            rest.join(", ")
        ),
    )]
}

fn claims_challenge(found: &AadstsFound, _: &Context) -> Vec<Finding> {
    found
        .error
        .claims
        .as_deref()
        .map(|claims| crate::explain::http::claims::claims_request(&claims_json(claims)).1)
        .into_iter()
        .collect()
}

fn suberror(found: &AadstsFound, _: &Context) -> Vec<Finding> {
    found
        .error
        .suberror
        .as_deref()
        .and_then(table::suberror)
        .map(|row| {
            Finding::new(
                Severity::Info,
                format!("suberror {}", row.suberror),
                row.meaning,
            )
            .step(Step::new(row.fix))
            .source(row.source)
        })
        .into_iter()
        .collect()
}

fn error_page(found: &AadstsFound, _: &Context) -> Vec<Finding> {
    let Some(page) = &found.page else {
        return Vec::new();
    };
    let unregistered = page
        .get("Device identifier")
        .is_some_and(|v| v.eq_ignore_ascii_case("Not available"))
        || page
            .get("Device state")
            .is_some_and(|v| v.eq_ignore_ascii_case("Unregistered"));
    let mut f = Finding::new(
        Severity::Info,
        "Entra sign-in error page",
        "The user saw Microsoft Entra's error page. Its troubleshooting details identify the attempt: an admin finds it in the Entra sign-in logs by Correlation Id or Request Id and the timestamp.",
    )
    .step(table::FIND_SIGN_IN.to_step())
    .source(sources::MONITORING_HEALTH_CONCEPT_SIGN_INS);
    if unregistered {
        f = f.cause("The device is not registered in Entra (Device identifier 'Not available' or state 'Unregistered'): policies that require a compliant or hybrid-joined device fail from this browser.");
    }
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> AadstsFound {
        find(text).remove(0)
    }

    fn fires(id: &str, text: &str) -> usize {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule");
        rule.apply(&one(text), &Context::fixed()).len()
    }

    #[test]
    fn code_explains_known_and_unknown_codes() {
        assert_eq!(fires("aadsts.code", "AADSTS50173: grant expired."), 1);
        let f = RULES[0].apply(&one("AADSTS9999999: new."), &Context::fixed());
        assert!(f[0].explanation.contains("not in our table"));
        assert_eq!(f[0].rule, "aadsts.code");
    }

    #[test]
    fn nested_codes_needs_two_codes() {
        let t = r#"{"error":"unauthorized_client","error_description":"AADSTS70002: Error. AADSTS50064: Failed."}"#;
        assert_eq!(fires("aadsts.nested-codes", t), 1);
        assert_eq!(fires("aadsts.nested-codes", "AADSTS50173: x."), 0);
    }

    #[test]
    fn claims_challenge_needs_claims() {
        let t = r#"{"error":"interaction_required","error_description":"AADSTS50076: MFA.","claims":"{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}"}"#;
        assert_eq!(fires("aadsts.claims-challenge", t), 1);
        assert_eq!(fires("aadsts.claims-challenge", "AADSTS50076: MFA."), 0);
    }

    #[test]
    fn suberror_needs_a_known_value() {
        let t = r#"{"error":"interaction_required","error_description":"AADSTS50076: MFA.","suberror":"basic_action"}"#;
        assert_eq!(fires("aadsts.suberror", t), 1);
        assert_eq!(fires("aadsts.suberror", "AADSTS50076: MFA."), 0);
    }

    #[test]
    fn error_page_needs_the_troubleshooting_block() {
        let t = "Request Id: 1\nCorrelation Id: 2\nTimestamp: 2024-01-01\nMessage: AADSTS53000: Device must be compliant.\nDevice identifier: Not available\n";
        let found = rule::run(RULES, &one(t), &Context::fixed());
        let page = found.iter().find(|f| f.rule == "aadsts.error-page");
        assert!(page.is_some_and(|f| !f.causes.is_empty()));
        assert_eq!(fires("aadsts.error-page", "AADSTS53000: x."), 0);
    }
}
