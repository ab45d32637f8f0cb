//! Explains facts named in free text that no structural reader covered: one card per distinct fact
//! (an AADSTS error name, an x-ms-diagnostics code, category or reason, a Graph/EWS error code, a
//! Win32/SSPI status, an application id), saying what was found, how often, what it means, what
//! to do, and what could not be read around it.

use crate::context::Context;
use crate::decode::http::user_agent;
use crate::decode::known::{self, Mention};
use crate::explain::rule::{self, Rule};
use crate::knowledge::needles::Fact;
use crate::knowledge::{
    aadsts, apps, cmdlets, error_ids, graph_errors, iis, iis_versions, localized, sources,
    user_agents, win32, xms_diagnostics, Fix,
};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use std::collections::BTreeMap;

/// At most this many facts get a card of their own; the rest are counted on the last card.
const MAX_CARDS: usize = 40;

/// One distinct fact named in the text, with where and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub fact: Fact,
    pub count: usize,
    pub first: Span,
    pub first_line: usize,
    /// Distinct values read after the needle (category names), in order of first sight.
    pub values: Vec<String>,
}

/// Groups mentions by fact, in order of first appearance.
pub fn group(mentions: &[Mention]) -> Vec<Named> {
    let mut index: BTreeMap<Fact, usize> = BTreeMap::new();
    let mut out: Vec<Named> = Vec::new();
    for m in mentions {
        let i = *index.entry(m.fact).or_insert_with(|| {
            out.push(Named {
                fact: m.fact,
                count: 0,
                first: m.span,
                first_line: m.line,
                values: Vec::new(),
            });
            out.len() - 1
        });
        let named = &mut out[i];
        named.count += 1;
        if let Some(v) = &m.value {
            if named.values.len() < 8 && !named.values.contains(v) {
                named.values.push(v.clone());
            }
        }
    }
    out
}

/// The facts that the cards of structural readers already explain (by the evidence they carry),
/// so a second mention of the same code elsewhere in the paste does not get a second card.
pub fn explained_by(artifacts: &[Artifact]) -> Vec<Fact> {
    let mut out = Vec::new();
    for a in artifacts {
        out.extend(a.evidence.aadsts.iter().map(|c| Fact::AadstsName(*c)));
        if let Some(code) = a.evidence.diagnostics.as_ref().and_then(|d| d.code) {
            out.push(Fact::DiagCode(code));
        }
        for (name, value) in &a.evidence.facts {
            if name == "service_error" {
                if let Some(row) = graph_errors::error(value) {
                    out.push(Fact::ServiceError(row.code));
                }
            }
        }
    }
    out
}

/// Finds the known facts in `text` outside the `covered` spans and explains each in a card.
/// Facts in `explained` already have a card; application and tenant ids, cmdlet names and
/// Exchange endpoint paths are context, named only when no structural reader recognised anything
/// in the paste (`alone`).
pub fn scan_uncovered(
    text: &str,
    covered: &[Span],
    explained: &[Fact],
    alone: bool,
    ctx: &Context,
) -> Vec<Artifact> {
    let mentions = known::mentions(text, covered);
    let groups: Vec<Named> = group(&mentions)
        .into_iter()
        .filter(|g| !explained.contains(&g.fact))
        .filter(|g| {
            alone
                || !matches!(
                    g.fact,
                    Fact::App(_) | Fact::Cmdlet(_) | Fact::ExchangePath(_)
                )
        })
        .collect();
    let total = groups.len();
    let mut out: Vec<Artifact> = groups
        .iter()
        .take(MAX_CARDS)
        .filter_map(|g| card(g, ctx))
        .collect();
    if total > MAX_CARDS {
        if let Some(last) = out.last_mut() {
            last.verdict.push_str(&format!(
                " The text names {} more known codes and names, not shown one by one.",
                total - MAX_CARDS
            ));
        }
    }
    out
}

/// The decoder catalogue's view: every known fact in the text, with nothing covered.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    scan_uncovered(text, &[], &[], true, ctx)
}

/// Where and how often, as the card's first field.
pub(crate) fn found_field(g: &Named, needle: &str) -> Field {
    let times = match g.count {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    Field::new("found", needle).meaning(format!("{times}, first on line {}", g.first_line))
}

/// The title, verdict and fields of a fact's card, or `None` when its row is gone.
fn describe(g: &Named) -> Option<Described> {
    Some(match g.fact {
        Fact::AadstsName(code) => {
            let row = aadsts::aadsts(code)?;
            (
                format!("{}: AADSTS{code}", row.name),
                format!(
                    "The text names the Entra error {}, which is AADSTS{code}: {}",
                    row.name, row.meaning
                ),
                vec![
                    found_field(g, row.name),
                    Field::new("code", format!("AADSTS{code}"))
                        .meaning(row.meaning)
                        .source(row.source),
                ],
            )
        }
        Fact::DiagCode(code) => {
            let row = xms_diagnostics::code(code)?;
            (
                format!("x-ms-diagnostics code {code}"),
                format!(
                    "The text names x-ms-diagnostics code {code} of {}: {} Only the code was found, not the whole header value, so its reason text could not be read.",
                    row.product.name(),
                    row.meaning
                ),
                vec![
                    found_field(g, &code.to_string()),
                    Field::new("code", code.to_string())
                        .meaning(row.meaning)
                        .source(row.source),
                    Field::new("error_category", row.category)
                        .meaning("the category that goes with this code"),
                ],
            )
        }
        Fact::DiagCategory => {
            let value = g.values.first()?;
            let codes: Vec<String> = xms_diagnostics::codes_with_category(value)
                .map(|c| c.code.to_string())
                .collect();
            let with = if codes.is_empty() {
                "no code tokenlens knows".to_string()
            } else {
                format!("code {}", codes.join(" or "))
            };
            (
                format!("x-ms-diagnostics error_category \"{value}\""),
                format!(
                    "The text holds an x-ms-diagnostics error_category without its code; \"{value}\" goes with {with}. Paste the whole x-ms-diagnostics value to read the code and reason."
                ),
                vec![found_field(g, &format!("error_category={value}"))],
            )
        }
        Fact::DiagReason(id) => {
            let row = xms_diagnostics::reason_by_id(id)?;
            (
                format!("x-ms-diagnostics reason: {}", row.title),
                format!(
                    "The text holds a reason that Exchange writes into x-ms-diagnostics: {}",
                    row.meaning
                ),
                vec![found_field(g, row.needles.join(" ... ").as_str())],
            )
        }
        Fact::ServiceError(code) => describe_service_error(g, code)?,
        Fact::Win32(code) => {
            let row = win32::win32(code)?;
            let forms = format!("0x{code:08X} = {code} = {}", row.name);
            (
                format!("Win32/SSPI status {}", row.name),
                format!("The text names {forms}: {}", row.meaning),
                vec![
                    found_field(g, row.name),
                    Field::new("status", forms)
                        .meaning(row.meaning)
                        .source(row.source),
                ],
            )
        }
        Fact::App(id) => describe_app(g, id)?,
        Fact::IisVersion(token) => {
            let row = iis_versions::version(token)?;
            (
                format!("{} ({})", row.token, row.windows),
                format!(
                    "The server is IIS from {}: {} is the Server header's product token.",
                    row.windows, row.token
                ),
                vec![found_field(g, row.token)
                    .meaning(format!("IIS on {}", row.windows))
                    .source(row.source)],
            )
        }
        Fact::ErrorId(id) => describe_error_id(g, id)?,
        Fact::Phrase(text) => describe_phrase(g, text)?,
        Fact::Cmdlet(name) => describe_cmdlet(g, name)?,
        Fact::UserAgent(token) => describe_user_agent(g, token)?,
        Fact::StatusMessage(text) => super::known_http::describe_status_message(g, text)?,
        Fact::ExchangePath(prefix) => super::known_http::describe_exchange_path(g, prefix)?,
        Fact::ServiceMessage(needle) => super::known_http::describe_service_message(g, needle)?,
    })
}

/// The card of a Graph or EWS error code, found by the code or by the message sent with it.
fn describe_service_error(g: &Named, code: &'static str) -> Option<Described> {
    let row = graph_errors::error(code)?;
    // Found by the message the service sends with the code, not by the code itself.
    if let Some(m) = graph_errors::code_message(code, g.first.end - g.first.start) {
        return Some((
            format!("Graph or EWS error {code}"),
            format!(
                "The text holds the message \"{}\", which the service sends with the error {code}: {} The code itself and the HTTP status were not in the text.",
                m.text, row.meaning
            ),
            vec![
                found_field(g, m.text).source(m.source),
                Field::new("code", code)
                    .meaning(row.meaning)
                    .source(row.source),
            ],
        ));
    }
    Some((
        format!("Graph or EWS error {code}"),
        format!(
            "The text names the service error {code}: {} The HTTP status and message that came with it were not read.",
            row.meaning
        ),
        vec![
            found_field(g, code),
            Field::new("code", code)
                .meaning(row.meaning)
                .source(row.source),
        ],
    ))
}

/// A card's title, verdict and fields.
pub(crate) type Described = (String, String, Vec<Field>);

fn describe_error_id(g: &Named, id: &str) -> Option<Described> {
    let row = error_ids::error_id(id)?;
    let status = row
        .http_status
        .map(|s| format!(" It comes with HTTP {s}."))
        .unwrap_or_default();
    Some((
        format!("{id} ({})", row.product),
        format!(
            "The text names the {} error {id}: {}{status}",
            row.product, row.meaning
        ),
        vec![
            found_field(g, id),
            Field::new("error", id)
                .meaning(row.meaning)
                .source(row.source),
        ],
    ))
}

fn describe_phrase(g: &Named, text: &str) -> Option<Described> {
    let row = localized::phrase(text)?;
    let status = row
        .status
        .and_then(|s| iis::status(s, 0))
        .map(|s| format!(" HTTP {}: {}", s.status, s.meaning))
        .unwrap_or_default();
    Some((
        format!("{} (in {})", row.english, row.language),
        format!(
            "The text is in {}: \"{}\" is the {} form of \"{}\".{status}",
            row.language, row.text, row.language, row.english
        ),
        vec![
            found_field(g, row.text),
            Field::new("language", row.language).source(row.source),
        ],
    ))
}

fn describe_cmdlet(g: &Named, name: &str) -> Option<Described> {
    let row = cmdlets::cmdlet(name)?;
    Some((
        format!("{} ({})", row.name, row.shell),
        format!("The text names the cmdlet {}: {}", row.name, row.shows),
        vec![
            found_field(g, row.name),
            Field::new("look at", row.look_at).source(row.source),
        ],
    ))
}

/// A user agent's card: the client, its version and platform, for each distinct user agent read.
fn describe_user_agent(g: &Named, token: &str) -> Option<Described> {
    let row = user_agents::CLIENTS.iter().find(|c| c.token == token)?;
    let read: Vec<(String, String)> = g
        .values
        .iter()
        .filter_map(|ua| user_agent::describe(ua).map(|info| (ua.clone(), info.summary())))
        .collect();
    let (title, verdict) = match read.as_slice() {
        [(_, summary)] => (
            format!("User agent: {summary}"),
            format!("The request came from {summary}: its user agent names it."),
        ),
        _ => (
            format!("User agents: {}", row.client),
            format!(
                "{} different user agents of {} are named here.",
                read.len(),
                row.client
            ),
        ),
    };
    let mut fields = vec![found_field(g, row.token.trim_end())];
    for (ua, summary) in read {
        fields.push(
            Field::new("user agent", ua)
                .meaning(summary)
                .source(row.source),
        );
    }
    Some((title, verdict, fields))
}

fn describe_app(g: &Named, id: &str) -> Option<Described> {
    let row = apps::app_by_id(id)?;
    Some((
        format!("{} ({id})", row.name),
        format!("The id {id} is {}: {}", row.name, row.note),
        vec![found_field(g, id)
            .meaning(format!("{}; first on line {}", row.name, g.first_line))
            .source(row.source)],
    ))
}

/// The card of one named fact.
pub fn card(g: &Named, ctx: &Context) -> Option<Artifact> {
    let (title, verdict, fields) = describe(g)?;
    let mut a = Artifact::new(ArtifactKind::Known, g.first, title);
    a.verdict = verdict;
    let mut s = Section::new("Named in the text");
    for f in fields {
        s.push(f);
    }
    a.sections.push(s);
    a.findings = rule::run(RULES, g, ctx);
    a.evidence
        .facts
        .push(("known".into(), format!("{:?}", g.fact)));
    Some(a)
}

/// A finding with the causes and fixes of a table row.
pub(crate) fn row_finding(
    severity: Severity,
    title: String,
    explanation: &str,
    causes: &[&str],
    fixes: &[Fix],
    source: &str,
) -> Finding {
    let mut f = Finding::new(severity, title, explanation).source(source);
    for c in causes {
        f = f.cause(*c);
    }
    for fix in fixes {
        f = f.step(fix.to_step());
    }
    f
}

fn aadsts_name(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::AadstsName(code) = g.fact else {
        return Vec::new();
    };
    aadsts::aadsts(code)
        .map(|row| {
            row_finding(
                Severity::Error,
                format!("{} is AADSTS{code}", row.name),
                row.meaning,
                row.causes,
                row.fixes,
                row.source,
            )
        })
        .into_iter()
        .collect()
}

fn diag_code(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::DiagCode(code) = g.fact else {
        return Vec::new();
    };
    xms_diagnostics::code(code)
        .map(|row| {
            row_finding(
                Severity::Error,
                format!("x-ms-diagnostics {code}: {}", row.category),
                row.meaning,
                row.causes,
                row.fixes,
                row.source,
            )
        })
        .into_iter()
        .collect()
}

fn diag_category(g: &Named, _: &Context) -> Vec<Finding> {
    if g.fact != Fact::DiagCategory {
        return Vec::new();
    }
    g.values
        .iter()
        .flat_map(|v| xms_diagnostics::codes_with_category(v).take(1))
        .map(|row| {
            row_finding(
                Severity::Warning,
                format!(
                    "error_category \"{}\" usually comes with code {}",
                    row.category, row.code
                ),
                row.meaning,
                row.causes,
                row.fixes,
                row.source,
            )
        })
        .collect()
}

fn diag_reason(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::DiagReason(id) = g.fact else {
        return Vec::new();
    };
    xms_diagnostics::reason_by_id(id)
        .map(|row| {
            row_finding(
                Severity::Error,
                row.title.to_string(),
                row.meaning,
                row.causes,
                row.fixes,
                row.source,
            )
        })
        .into_iter()
        .collect()
}

fn service_error(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::ServiceError(code) = g.fact else {
        return Vec::new();
    };
    graph_errors::error(code)
        .map(|row| {
            row_finding(
                Severity::Error,
                format!("Service error {code}"),
                row.meaning,
                row.causes,
                row.fixes,
                row.source,
            )
        })
        .into_iter()
        .collect()
}

fn win32_status(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::Win32(code) = g.fact else {
        return Vec::new();
    };
    win32::win32(code)
        .filter(|row| row.code != 0)
        .map(|row| {
            Finding::new(
                Severity::Warning,
                format!("{} (0x{code:08X})", row.name),
                row.meaning,
            )
            .source(row.source)
        })
        .into_iter()
        .collect()
}

fn error_id(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::ErrorId(id) = g.fact else {
        return Vec::new();
    };
    error_id_finding(id).into_iter().collect()
}

/// The finding of an error id: what it means, its causes and fixes.
fn error_id_finding(id: &str) -> Option<Finding> {
    error_ids::error_id(id).map(|row| {
        row_finding(
            Severity::Error,
            format!("{}: {}", row.id, row.product),
            row.meaning,
            row.causes,
            row.fixes,
            row.source,
        )
    })
}

fn translated(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::Phrase(text) = g.fact else {
        return Vec::new();
    };
    localized::phrase(text)
        .map(|row| {
            let severity = if row.status.is_some_and(|s| s >= 400) {
                Severity::Warning
            } else {
                Severity::Info
            };
            Finding::new(
                severity,
                format!("{} output: {}", row.language, row.english),
                format!(
                    "The message is printed in {}; in English it reads \"{}\". Codes, header names and URLs around it are never translated and are read as usual.",
                    row.language, row.english
                ),
            )
            .source(row.source)
        })
        .into_iter()
        // A translated message whose English original is a known error id is that error.
        .chain(localized::phrase(text).and_then(|row| error_id_finding(row.english)))
        .collect()
}

fn cmdlet(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::Cmdlet(name) = g.fact else {
        return Vec::new();
    };
    cmdlets::cmdlet(name)
        .map(|row| {
            Finding::new(
                Severity::Info,
                format!("What to read in {} output", row.name),
                row.look_at,
            )
            .source(row.source)
        })
        .into_iter()
        .collect()
}

/// Rules over one named fact.
pub const RULES: &[Rule<Named>] = &[
    Rule {
        id: "known.aadsts-name",
        severity: Severity::Error,
        title: "An Entra error named without its AADSTS number leads to the code and its fix",
        source: Some(sources::IDENTITY_PLATFORM_REFERENCE_ERROR_CODES),
        check: aadsts_name,
    },
    Rule {
        id: "known.diag-code",
        severity: Severity::Error,
        title: "An x-ms-diagnostics code named in text is explained with its causes and fixes",
        source: None,
        check: diag_code,
    },
    Rule {
        id: "known.diag-category",
        severity: Severity::Warning,
        title: "A lone x-ms-diagnostics error_category leads to the code it comes with",
        source: None,
        check: diag_category,
    },
    Rule {
        id: "known.diag-reason",
        severity: Severity::Error,
        title: "An x-ms-diagnostics reason text without its header is explained",
        source: None,
        check: diag_reason,
    },
    Rule {
        id: "known.service-error",
        severity: Severity::Error,
        title: "A Graph or EWS error code named in text is explained with its fix",
        source: None,
        check: service_error,
    },
    Rule {
        id: "known.win32",
        severity: Severity::Warning,
        title: "A Win32 or SSPI status in any notation is named and explained",
        source: None,
        check: win32_status,
    },
    Rule {
        id: "known.error-id",
        severity: Severity::Error,
        title: "An error id of IdentityModel, Key Vault, ARM, Storage, Exchange or SharePoint is explained",
        source: None,
        check: error_id,
    },
    Rule {
        id: "known.status-message",
        severity: Severity::Error,
        title: "An HTTP status quoted in a client library's message is named and explained",
        source: None,
        check: super::known_http::status_message,
    },
    Rule {
        id: "known.service-message",
        severity: Severity::Error,
        title: "A Graph, EWS or token-validation message without its error body is explained",
        source: None,
        check: super::known_http::service_message,
    },
    Rule {
        id: "known.translated",
        severity: Severity::Error,
        title: "A translated message is named in English with its language, and explained when the English is a known error",
        source: None,
        check: translated,
    },
    Rule {
        id: "known.cmdlet",
        severity: Severity::Info,
        title: "A cmdlet named in a paste that nothing else explains says what to read in its output",
        source: None,
        check: cmdlet,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(text: &str) -> Vec<Artifact> {
        scan(text, &Context::fixed())
    }

    fn rules_fired(text: &str) -> Vec<&'static str> {
        cards(text)
            .iter()
            .flat_map(|a| a.findings.iter().map(|f| f.rule))
            .collect()
    }

    #[test]
    fn an_aadsts_name_leads_to_its_number() {
        let text = "Error: InvalidClientSecretExpiredKeysProvided when calling the token endpoint";
        let c = cards(text);
        assert_eq!(c.len(), 1);
        assert!(c[0].title.contains("AADSTS7000222"), "{}", c[0].title);
        assert!(rules_fired(text).contains(&"known.aadsts-name"));
    }

    #[test]
    fn a_diag_code_in_a_sentence_gets_its_fix_and_says_what_was_missing() {
        let text = "Wir bekommen immer 2000008 zurück.";
        let c = cards(text);
        assert_eq!(c[0].kind, ArtifactKind::Known);
        assert!(c[0].verdict.contains("reason text could not be read"));
        assert!(rules_fired(text).contains(&"known.diag-code"));
        assert!(rules_fired("nothing here").is_empty());
    }

    #[test]
    fn a_lone_category_names_the_code_it_comes_with() {
        let text = "error_category=\"invalid_user\"";
        let c = cards(text);
        assert!(c[0].verdict.contains("2000005"), "{}", c[0].verdict);
        assert!(rules_fired(text).contains(&"known.diag-category"));
        assert!(
            !rules_fired("error_category=\"no_such_category\"").contains(&"known.diag-category")
        );
    }

    #[test]
    fn a_reason_sentence_is_explained_without_its_header() {
        let text = "reason: The token should have valid scope claim or role claim";
        assert!(rules_fired(text).contains(&"known.diag-reason"));
    }

    #[test]
    fn a_service_error_and_a_win32_status_in_any_notation_are_explained() {
        assert!(rules_fired("code: Authorization_RequestDenied").contains(&"known.service-error"));
        for notation in ["0x8009030C", "2148074252", "SEC_E_LOGON_DENIED"] {
            let c = cards(notation);
            assert!(c[0].title.contains("SEC_E_LOGON_DENIED"), "{notation}");
            assert!(rules_fired(notation).contains(&"known.win32"));
        }
    }

    #[test]
    fn a_user_agent_in_prose_names_its_client_version_and_platform() {
        let text = "Outlook keeps prompting; the EWS log shows UserAgent=MacOutlook/16.61.22050700 (Intelx64 Mac OS X 12.4 (Build 21F79)) and then nothing";
        let c = cards(text);
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].title
                .contains("Outlook for Mac 16.61.22050700 on macOS 12.4"),
            "{}",
            c[0].title
        );
        let two = "\"iOS/15.1 (19B74) dataaccessd/1.0\" then \"iOS/16.0 (20A362) dataaccessd/1.0\" and again \"iOS/15.1 (19B74) dataaccessd/1.0\"";
        let c = cards(two);
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].verdict.starts_with("2 different user agents"),
            "{}",
            c[0].verdict
        );
        // A browser string names the browser, not every engine it mentions.
        let edge = "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
        let c = cards(edge);
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].title.contains("Microsoft Edge 120.0.2210.91"),
            "{}",
            c[0].title
        );
        // The product name in a sentence is no user agent.
        assert!(cards("Microsoft Outlook cannot connect to the server").is_empty());
    }

    #[test]
    fn an_iis_server_token_names_its_windows_release() {
        let c = cards("< Server: Microsoft-IIS/8.5\n< X-Powered-By: ASP.NET");
        assert_eq!(c.len(), 1);
        assert!(
            c[0].title.contains("Windows Server 2012 R2"),
            "{}",
            c[0].title
        );
    }

    #[test]
    fn one_card_per_fact_with_its_count() {
        let c = cards("2000008\n2000008\n2000008 and 00000003-0000-0000-c000-000000000000");
        assert_eq!(c.len(), 2);
        assert!(c[0].sections[0].fields[0]
            .meaning
            .as_deref()
            .is_some_and(|m| m.starts_with("3 times, first on line 1")));
        assert!(c[1].title.contains("Microsoft Graph"), "{}", c[1].title);
    }
}
