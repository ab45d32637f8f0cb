//! Tests of the streaming triage: chunk edges, several `#Fields` blocks, Exchange CSV, text lines,
//! time filters and merged parts all give the same exact counts.

use super::*;

pub(super) const IIS: &str = "#Software: Microsoft Internet Information Services 10.0\r
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\r
2024-05-02 10:00:01 10.0.0.5 POST /EWS/Exchange.asmx - 443 - 10.0.1.21 AppleExchangeWebServices/818.0.1 401 1 2148074254 3\r
2024-05-02 10:00:02 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\ann 10.0.1.21 AppleExchangeWebServices/818.0.1 200 0 0 3\r
2024-05-02 10:00:03 10.0.0.5 GET /owa/ - 443 - 10.0.1.25 Mozilla/5.0 500 0 0 150\r
#Fields: date time cs-method cs-uri-stem cs-username cs(User-Agent) sc-status sc-substatus sc-win32-status sc(WWW-Authenticate) sc(x-ms-diagnostics)\r
2024-05-02 11:00:00 GET /api/v2.0/me/messages - Microsoft+Graph 401 0 0 Bearer+error=\"invalid_token\" 2000008;reason=\"The+token+should+have+valid+permissions+or+linked+account+associated+with+partner+application+'Microsoft+Graph'.\";error_category=\"invalid_grant\"\r
2024-05-02 11:00:01 GET /api/v2.0/me/messages - Microsoft+Graph 401 0 0 Bearer+error=\"invalid_token\" 2000008;reason=\"The+token+should+have+valid+permissions+or+linked+account+associated+with+partner+application+'Microsoft+Graph'.\";error_category=\"invalid_grant\"\r
2024-05-02 11:00:02 GET /api/v2.0/me/messages CONTOSO\\bob Microsoft+Graph 200 0 0 - -\r
";

fn counts(s: &Summary, kind: GroupKind) -> Vec<(String, u64)> {
    s.groups(kind)
        .into_iter()
        .map(|g| (g.key.clone(), g.count))
        .collect()
}

#[test]
fn iis_blocks_are_counted_exactly_whatever_the_chunk_size() {
    let whole = triage_text(IIS, Options::default());
    assert_eq!(whole.requests, 6);
    assert_eq!(whole.failures, 4);
    assert_eq!(whole.errors, 3);
    assert_eq!(
        counts(&whole, GroupKind::Diagnostic),
        [("2000008".to_string(), 2)]
    );
    assert_eq!(
        counts(&whole, GroupKind::Status),
        [
            ("401.0".to_string(), 2),
            ("401.1".to_string(), 1),
            ("500.0".to_string(), 1)
        ]
    );
    for size in [1, 2, 3, 7, 64, 200] {
        let mut t = Triage::new("input", Options::default());
        for chunk in IIS.as_bytes().chunks(size) {
            t.feed(chunk);
        }
        assert_eq!(t.finish(), whole, "chunk size {size}");
    }
}

#[test]
fn groups_carry_knowledge_labels_and_times() {
    let s = triage_text(IIS, Options::default());
    let diag = &s.groups(GroupKind::Diagnostic)[0];
    assert_eq!(diag.first.as_deref(), Some("2024-05-02 11:00:00"));
    assert_eq!(diag.last.as_deref(), Some("2024-05-02 11:00:01"));
    assert!(!diag.label.is_empty());
    let ews = s.groups(GroupKind::Endpoint);
    assert!(ews
        .iter()
        .any(|g| g.key == "/ews/exchange.asmx" && g.label.contains("EWS")));
    let clients = s.groups(GroupKind::Client);
    assert!(clients.iter().any(|g| g.label.contains("Mac")));
    let text = summary_text(&s);
    assert!(
        text.contains("  2000008 reason \"The token should have valid permissions"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("  401.1 win32 2148074254  1 failure  warning")),
        "{text}"
    );
}

#[test]
fn a_file_split_in_two_parts_merges_to_the_same_counts() {
    let whole = triage_text(IIS, Options::default());
    let cut = IIS.find("2024-05-02 11:00:01").unwrap();
    let header_at = IIS.get(..cut).and_then(|t| t.rfind("#Fields:")).unwrap();
    let header = IIS.get(header_at..).unwrap().lines().next().unwrap();
    let mut a = Triage::new("input", Options::default());
    a.feed(&IIS.as_bytes()[..cut]);
    let mut b = Triage::new("input", Options::default());
    b.seed_header(header.as_bytes());
    b.feed(&IIS.as_bytes()[cut..]);
    let mut merged = a.finish();
    let mut second = b.finish();
    second.shift_lines(merged.lines);
    merged.merge(second);
    assert_eq!(merged.failures, whole.failures);
    assert_eq!(merged.requests, whole.requests);
    assert_eq!(merged.lines, whole.lines);
    assert_eq!(
        counts(&merged, GroupKind::Diagnostic),
        counts(&whole, GroupKind::Diagnostic)
    );
    assert_eq!(
        merged.groups(GroupKind::Diagnostic)[0].examples,
        whole.groups(GroupKind::Diagnostic)[0].examples
    );
}

#[test]
fn since_and_until_filter_by_the_line_time() {
    let opts = Options {
        since: normalise_time("2024-05-02 10:30", false),
        until: normalise_time("2024-05-02 11:00:00", true),
        ..Options::default()
    };
    let s = triage_text(IIS, opts);
    assert_eq!(s.failures, 1);
    assert_eq!(s.requests, 1);
}

#[test]
fn exchange_csv_rows_and_text_lines_are_counted() {
    let text = "DateTime,Protocol,UrlStem,AuthenticatedUser,UserAgent,HttpStatus,BackEndStatus,ErrorCode,GenericErrors\n\
2024-01-01T00:00:00.100Z,Ews,/EWS/Exchange.asmx,,Outlook,401,,,\"OAuthError=2000003;reason=\"\"The hostname component of the audience claim value is invalid.\"\";error_category=\"\"invalid_resource\"\"\"\n\
2024-01-01T00:00:01.100Z,Ews,/EWS/Exchange.asmx,ann@contoso.com,Outlook,200,200,,\n\
2024-01-01T00:00:02.100Z,Ews,/EWS/Exchange.asmx,ann@contoso.com,Outlook,200,500,,\n\
#Software: something else\n\
";
    let s = triage_text(text, Options::default());
    assert_eq!(s.requests, 3);
    assert_eq!(s.failures, 2);
    assert_eq!(
        counts(&s, GroupKind::Diagnostic),
        [("2000003".to_string(), 1)]
    );
    let plain = "2024-01-01 10:00:00 MSAL error: AADSTS700016: Application with identifier 'x' was not found\nnothing here\nAADSTS50076 again\n";
    let s = triage_text(plain, Options::default());
    assert_eq!(s.failures, 2);
    assert_eq!(s.requests, 0);
    let aad = counts(&s, GroupKind::Aadsts);
    assert_eq!(
        aad,
        [
            ("AADSTS50076".to_string(), 1),
            ("AADSTS700016".to_string(), 1)
        ]
    );
}

#[test]
fn an_overlong_line_is_skipped_and_the_rest_still_counted() {
    let mut t = Triage::new("input", Options::default());
    t.feed(IIS.as_bytes());
    let long = vec![b'x'; MAX_LINE + 10];
    for chunk in long.chunks(4096) {
        t.feed(chunk);
    }
    t.feed(b"\n");
    t.feed(IIS.as_bytes());
    let s = t.finish();
    assert_eq!(s.long_lines, 1);
    assert_eq!(s.failures, 8);
}
