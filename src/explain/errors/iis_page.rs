//! Cards and rules for IIS error pages: the status and sub-status from the IIS status table, the
//! error code from the Win32 table, module, notification, handler, logon method and user with
//! their meanings, and the page's language. A page that is the body of an HTTP exchange with a
//! card is explained inside that card (`sections` and `RULES` are shared with it).

use crate::context::Context;
use crate::decode::errors::iis_page::{self, IisPage, Shape};
use crate::explain::rule::{self, Rule};
use crate::knowledge::iis_error_page::{self as table, PageField};
use crate::knowledge::{iis, sources, win32};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Step};

/// Finds and explains every IIS error page that no HTTP exchange card carries as its body.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let pages = iis_page::find(text);
    if pages.is_empty() {
        return Vec::new();
    }
    let carried = crate::explain::http::exchange::page_regions_with_cards(text);
    pages
        .iter()
        .filter(|p| {
            !carried
                .iter()
                .any(|b| b.start <= p.span.start && p.span.start < b.end)
        })
        .map(|p| card(p, ctx))
        .collect()
}

/// The status as written (`401.2 Unauthorized`).
pub fn status_words(p: &IisPage) -> String {
    let code = match p.substatus {
        Some(sub) => format!("{}.{sub}", p.status),
        None => p.status.to_string(),
    };
    let english = crate::knowledge::http_exchange::status_row(p.status).map(|r| r.reason);
    match english {
        _ if p.reason.is_empty() => code,
        // A translated reason is followed by the English one.
        Some(en) if !p.reason.is_ascii() => format!("{code} {} ({en})", p.reason),
        _ => format!("{code} {}", p.reason),
    }
}

/// The IIS table's row for the page's status and sub-status.
fn status_row(p: &IisPage) -> Option<&'static iis::IisStatus> {
    iis::status(p.status, p.substatus.unwrap_or(0))
}

/// The card of one page.
pub fn card(p: &IisPage, ctx: &Context) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::IisErrorPage,
        p.span,
        format!("IIS error page: HTTP {}", status_words(p)),
    );
    a.verdict = verdict(p);
    a.sections = sections(p);
    a.findings = rule::run(RULES, p, ctx);
    a
}

/// One sentence: the status's meaning, the module that refused and the language.
pub fn verdict(p: &IisPage) -> String {
    let mut v = match status_row(p) {
        Some(row) => format!("IIS answered {}: {}", status_words(p), row.meaning),
        None => format!("IIS answered {}.", status_words(p)),
    };
    let stage = p
        .field(PageField::Notification)
        .and_then(table::notification);
    if let (Some(module), Some(stage)) = (p.field(PageField::Module), stage) {
        v.push_str(&format!(" {module} set it during {}.", stage.name));
    }
    if p.language != "English" {
        v.push_str(&format!(" The page is in {}.", p.language));
    }
    if p.repeats > 0 {
        v.push_str(&format!(
            " The same page was read {} more time{} further on in the paste.",
            p.repeats,
            if p.repeats == 1 { "" } else { "s" }
        ));
    }
    v
}

/// The status, detailed error and page sections.
pub fn sections(p: &IisPage) -> Vec<Section> {
    let mut status = Section::new("IIS error page");
    let mut f = Field::new("status", status_words(p));
    if let Some(row) = status_row(p) {
        f = f.meaning(row.meaning).source(row.source);
    }
    status.push(f);
    if let Some(s) = &p.summary {
        status.push(Field::new("message", s.clone()));
    }
    let form = match (p.shape, p.cut) {
        (Shape::Html, false) => "the HTML source of a detailed error page",
        (Shape::Html, true) => "the HTML source of a detailed error page, cut",
        (Shape::Text, _) => "a detailed error page copied as text",
        (Shape::Short, _) => "a short custom error page (detailed errors are off for this client)",
    };
    status.push(Field::new("form", form));
    status.push(Field::new("language", p.language));
    let mut out = vec![status];
    if !p.fields.is_empty() {
        let mut details = Section::new("Detailed Error Information");
        for (field, value) in &p.fields {
            details.push(detail_field(*field, value));
        }
        out.push(details);
    }
    out
}

/// One field of the detailed error block, with the most specific meaning the tables give.
fn detail_field(field: PageField, value: &str) -> Field {
    let Some(row) = table::field(field) else {
        return Field::new("field", value).unknown();
    };
    let f = Field::new(row.name, value);
    match field {
        PageField::Notification => match table::notification(value) {
            Some(n) => f.meaning(n.meaning).source(n.source),
            None => f.meaning(row.meaning).source(row.source),
        },
        PageField::Module => match table::auth_module(value) {
            Some(m) => f.meaning(m.meaning).source(m.source),
            None => f.meaning(row.meaning).source(row.source),
        },
        PageField::ErrorCode => match error_code(value) {
            Some(w) => f
                .shown(format!("{value} ({})", w.name))
                .meaning(w.meaning)
                .source(w.source),
            None => f.meaning(row.meaning).source(row.source),
        },
        _ => f.meaning(row.meaning).source(row.source),
    }
}

/// The Win32 or SSPI row of an error code: `0x8007xxxx` wraps Win32 error `xxxx`; other codes
/// (`0x80090308`) are looked up whole.
fn error_code(value: &str) -> Option<&'static win32::Win32Status> {
    let hex = value
        .split_whitespace()
        .next()?
        .trim_start_matches("0x")
        .trim_start_matches("0X");
    let code = u32::from_str_radix(hex, 16).ok()?;
    if code == 0 {
        return None;
    }
    if code & 0xFFFF_0000 == 0x8007_0000 {
        win32::win32(code & 0xFFFF)
    } else {
        win32::win32(code)
    }
}

/// Rules over one page.
pub const RULES: &[Rule<IisPage>] = &[
    Rule {
        id: "iis-page.status",
        severity: Severity::Error,
        title: "The IIS status and sub-status on the page, with the fix the IIS table gives",
        source: Some(sources::WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE),
        check: status_fix,
    },
    Rule {
        id: "iis-page.auth-refused",
        severity: Severity::Warning,
        title: "An authentication or authorization stage refused the request",
        source: Some(sources::IIS_REQUEST_PROCESSING_CONSTANTS),
        check: auth_refused,
    },
    Rule {
        id: "iis-page.error-code",
        severity: Severity::Info,
        title: "The page's error code is a known Win32 or SSPI status",
        source: Some(sources::DEBUG_SYSTEM_ERROR_CODES_0_499),
        check: known_error_code,
    },
    Rule {
        id: "iis-page.cut",
        severity: Severity::Info,
        title: "The page was cut before its Detailed Error Information",
        source: Some(sources::IIS_HTTP_DETAILED_ERRORS),
        check: cut_page,
    },
];

fn status_fix(p: &IisPage, _: &Context) -> Vec<Finding> {
    let Some(row) = status_row(p) else {
        return Vec::new();
    };
    let severity = if p.status >= 500 {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut f = Finding::new(
        severity,
        format!("IIS {}", status_words(p)),
        row.meaning.to_string(),
    )
    .source(row.source);
    if !row.fix.is_empty() {
        f = f.step(Step::new(row.fix));
    }
    vec![f]
}

fn auth_refused(p: &IisPage, _: &Context) -> Vec<Finding> {
    let Some(stage) = p
        .field(PageField::Notification)
        .and_then(table::notification)
        .filter(|n| n.auth)
    else {
        return Vec::new();
    };
    let module = p.field(PageField::Module).unwrap_or("a module");
    let mut text = format!("{module} refused the request during {}. ", stage.name);
    match table::auth_module(module) {
        Some(m) => text.push_str(&format!("{} ", m.meaning)),
        None if module.eq_ignore_ascii_case("IIS Web Core") => text.push_str(
            "The IIS core itself refused it: no enabled authentication method accepted the request (check which methods are enabled for the site or virtual directory). ",
        ),
        None => {}
    }
    if let Some(method) = p.field(PageField::LogonMethod) {
        let user = p.field(PageField::LogonUser).unwrap_or("not shown");
        text.push_str(&format!("Logon method {method}, user {user}."));
    }
    vec![Finding::new(
        Severity::Warning,
        format!("{module} refused the request at {}", stage.name),
        text.trim_end().to_string(),
    )
    .source(stage.source)]
}

fn known_error_code(p: &IisPage, _: &Context) -> Vec<Finding> {
    let Some(value) = p.field(PageField::ErrorCode) else {
        return Vec::new();
    };
    match error_code(value) {
        Some(w) => vec![Finding::new(
            Severity::Info,
            format!("Error code {value}: {}", w.name),
            w.meaning,
        )
        .source(w.source)],
        None => Vec::new(),
    }
}

fn cut_page(p: &IisPage, _: &Context) -> Vec<Finding> {
    if !(p.cut && p.fields.is_empty()) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "The page is cut",
        "The paste ends before the page's Detailed Error Information (Module, Notification, Handler, Error Code, Logon Method). Paste the whole page, or the HTML source, to see which module refused the request and why.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> IisPage {
        iis_page::find(text).remove(0)
    }

    fn fires(id: &str, text: &str) -> usize {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule");
        rule.apply(&page(text), &Context::fixed()).len()
    }

    const AUTH: &str = "HTTP Error 401.2 - Unauthorized\nModule\tIIS Web Core\nNotification\tAuthenticateRequest\nError Code\t0x80070005\nLogon Method\tAnonymous\nLogon User\tAnonymous\n";
    const APP: &str = "HTTP Error 500.19 - Internal Server Error\nModule\tIIS Web Core\nNotification\tBeginRequest\nError Code\t0x00000000\n";

    #[test]
    fn the_status_rule_gives_the_tables_fix() {
        assert_eq!(fires("iis-page.status", AUTH), 1);
        let f = RULES[0].apply(&page(AUTH), &Context::fixed());
        assert!(f[0].steps[0]
            .text
            .contains("Enable an authentication method"));
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn the_refusing_module_is_named_only_at_an_auth_stage() {
        assert_eq!(fires("iis-page.auth-refused", AUTH), 1);
        assert_eq!(fires("iis-page.auth-refused", APP), 0);
    }

    #[test]
    fn error_codes_go_through_the_win32_table() {
        assert_eq!(fires("iis-page.error-code", AUTH), 1);
        assert_eq!(fires("iis-page.error-code", APP), 0);
        assert_eq!(
            error_code("0x80090308").map(|w| w.name),
            Some("SEC_E_INVALID_TOKEN")
        );
        assert_eq!(
            error_code("0x80070005").map(|w| w.name),
            Some("ERROR_ACCESS_DENIED")
        );
    }

    #[test]
    fn a_cut_page_is_named() {
        let cut = "<html><head><title>IIS Detailed Error - 500.0 - Internal Server Error</title></head><body><h3>HTTP Error 500.0 - Internal Server Error</h3><h4>The page cannot be displayed.<\n";
        assert_eq!(fires("iis-page.cut", cut), 1);
        assert_eq!(fires("iis-page.cut", AUTH), 0);
    }

    #[test]
    fn the_card_names_status_module_and_language() {
        let a = card(&page(AUTH), &Context::fixed());
        assert_eq!(a.title, "IIS error page: HTTP 401.2 Unauthorized");
        assert!(a
            .verdict
            .contains("IIS Web Core set it during AuthenticateRequest"));
        let ja = card(
            &page("HTTP エラー 401.3 - Unauthorized\n\n可能性のある原因:\n"),
            &Context::fixed(),
        );
        assert!(ja.verdict.contains("Japanese"), "{}", ja.verdict);
    }
}
