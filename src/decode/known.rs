//! Finds every fact the knowledge tables know by name (codes, reason phrases, error names, Win32
//! statuses, application ids) wherever it appears in free text, in one pass of an Aho-Corasick
//! automaton built once from `knowledge::needles`. Returns typed mentions, nothing else.

use crate::decode::http::user_agent;
use crate::knowledge::needles::{self, Fact, Needle};
use crate::knowledge::{http_exchange, localized, xms_diagnostics};
use crate::report::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

/// At most this many mentions are kept; a paste that names facts more often is summarised by
/// the counts of the first ones (the card says how many were read).
pub const MAX_MENTIONS: usize = 20_000;

/// How far around a reason phrase the other words of its row are looked for, in bytes.
const REASON_WINDOW: usize = 300;

/// One place where a known fact is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub fact: Fact,
    pub span: Span,
    /// The 1-based line the mention is on.
    pub line: usize,
    /// The value read after the needle, for facts that have one (`error_category="invalid_user"`).
    pub value: Option<String>,
}

struct Automaton {
    ac: AhoCorasick,
    needles: Vec<Needle>,
    /// For each pattern of the automaton (needles folded to lower case, once each), the needles
    /// spelled that way: `InvalidRequest` and `invalidRequest` are one pattern and two needles.
    spellings: Vec<Vec<usize>>,
}

fn automaton() -> &'static Automaton {
    static CELL: OnceLock<Automaton> = OnceLock::new();
    CELL.get_or_init(build)
}

/// Builds the automaton from every table's needles (also used by the benchmark).
fn build() -> Automaton {
    let needles = needles::all();
    let mut patterns: Vec<String> = Vec::new();
    let mut spellings: Vec<Vec<usize>> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (i, n) in needles.iter().enumerate() {
        let folded = n.text.to_ascii_lowercase();
        let p = *index.entry(folded.clone()).or_insert_with(|| {
            patterns.push(folded);
            spellings.push(Vec::new());
            patterns.len() - 1
        });
        spellings[p].push(i);
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<&[u8]>::new()).expect("an empty automaton"));
    Automaton {
        ac,
        needles,
        spellings,
    }
}

/// Builds the automaton now and returns how many needles it holds (for benchmarks).
pub fn warm_up() -> usize {
    automaton().needles.len()
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when the match does not run on into a longer word or number on either side.
fn stands_alone(bytes: &[u8], start: usize, end: usize, needle: &str) -> bool {
    let first = needle.as_bytes().first().copied().unwrap_or(b' ');
    let last = needle.as_bytes().last().copied().unwrap_or(b' ');
    let before_ok = !is_word(first) || start == 0 || !is_word(bytes[start - 1]);
    let after_ok = !is_word(last) || bytes.get(end).is_none_or(|b| !is_word(*b));
    before_ok && after_ok
}

/// The merged, sorted spans already explained by a structural reader.
fn merged(covered: &[Span]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = covered.iter().map(|s| (s.start, s.end)).collect();
    crate::sort::natural(&mut spans);
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The bytes of the line around `at`, at most `REASON_WINDOW` on either side, ASCII-lowercased.
fn line_window(bytes: &[u8], at: usize, end: usize) -> Vec<u8> {
    let lo = at.saturating_sub(REASON_WINDOW);
    let hi = (end + REASON_WINDOW).min(bytes.len());
    let start = memchr::memrchr(b'\n', &bytes[lo..at]).map_or(lo, |i| lo + i + 1);
    let stop = memchr::memchr(b'\n', &bytes[end..hi]).map_or(hi, |i| end + i);
    bytes[start..stop].to_ascii_lowercase()
}

/// True when every needle of the reason row appears on the mention's line.
fn reason_complete(id: &str, bytes: &[u8], start: usize, end: usize) -> bool {
    let Some(row) = xms_diagnostics::reason_by_id(id) else {
        return false;
    };
    let window = line_window(bytes, start, end);
    row.needles
        .iter()
        .all(|n| memchr::memmem::find(&window, n.as_bytes()).is_some())
}

/// The category value after `error_category=` (quoted, escaped-quoted or bare).
fn category_value(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?;
    let rest = rest
        .strip_prefix("\\\"")
        .or_else(|| rest.strip_prefix("&quot;"))
        .or_else(|| rest.strip_prefix('"'))
        .or_else(|| rest.strip_prefix('\''))
        .unwrap_or(rest);
    let value: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(40)
        .collect();
    (!value.is_empty()).then_some(value)
}

/// True unless the phrase is a bare reason phrase without its status number within a few bytes
/// (`401 Nicht autorisiert`, `(401) 未承認` count; "nicht autorisiert" in a sentence does not).
fn status_beside(phrase: &str, bytes: &[u8], start: usize, end: usize) -> bool {
    let Some(row) = localized::phrase(phrase) else {
        return false;
    };
    let (true, Some(status)) = (localized::needs_status_nearby(row), row.status) else {
        return true;
    };
    let lo = start.saturating_sub(12);
    let hi = (end + 12).min(bytes.len());
    let digits = status.to_string();
    memchr::memmem::find(&bytes[lo..hi], digits.as_bytes()).is_some()
}

/// The HTTP status number right after a status message (`: (401)Unauthorized`, ` 403: Forbidden`,
/// `: 401 (Unauthorized)`): within a few separators, three digits from 100 to 599, alone.
fn status_after(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.as_bytes();
    let skip = rest
        .iter()
        .take(6)
        .take_while(|b| matches!(b, b' ' | b':' | b'(' | b'\t'))
        .count();
    let digits = rest.get(skip..skip + 3)?;
    let alone = rest.get(skip + 3).is_none_or(|b| !b.is_ascii_digit());
    let code = std::str::from_utf8(digits).ok()?.parse::<u16>().ok()?;
    (alone && digits.iter().all(u8::is_ascii_digit) && (100..600).contains(&code))
        .then(|| code.to_string())
}

/// Every mention of a known fact in `text` outside the `covered` spans, in text order.
pub fn mentions(text: &str, covered: &[Span]) -> Vec<Mention> {
    let auto = automaton();
    let bytes = text.as_bytes();
    let covered = merged(covered);
    let mut next_cover = 0;
    let (mut line, mut counted_to) = (1, 0);
    let mut out = Vec::new();
    // The end of the last user agent read, so that its other tokens are not read again.
    let mut ua_end = 0;
    for m in auto.ac.find_iter(bytes) {
        let (start, end) = (m.start(), m.end());
        let found = &bytes[start..end];
        let spelled = auto.spellings[m.pattern().as_usize()]
            .iter()
            .map(|i| &auto.needles[*i])
            .find(|n| !n.exact_case || found == n.text.as_bytes());
        let Some(needle) = spelled else {
            continue;
        };
        // A client token runs on into its model or version (`Apple-iPhone8C4`).
        let ua_token = matches!(needle.fact, Fact::UserAgent(_));
        let alone = if ua_token {
            start == 0 || !is_word(bytes[start - 1])
        } else {
            stands_alone(bytes, start, end, &needle.text)
        };
        if !alone {
            continue;
        }
        while next_cover < covered.len() && covered[next_cover].1 <= start {
            next_cover += 1;
        }
        if covered.get(next_cover).is_some_and(|c| c.0 <= start) {
            continue;
        }
        let value = match needle.fact {
            Fact::DiagCategory => match category_value(text, end) {
                Some(v) => Some(v),
                None => continue,
            },
            Fact::DiagReason(id) if !reason_complete(id, bytes, start, end) => continue,
            Fact::Phrase(p) if !status_beside(p, bytes, start, end) => continue,
            Fact::StatusMessage(m) => match http_exchange::status_message(m)
                .and_then(|row| row.implied)
                .map(|code| code.to_string())
                .or_else(|| status_after(text, end))
            {
                Some(v) => Some(v),
                None => continue,
            },
            _ => None,
        };
        let (fact, value) = match needle.fact {
            Fact::UserAgent(_) => {
                // One mention per user agent, named by the client it names first.
                if start < ua_end {
                    continue;
                }
                let Some(ua) = user_agent::around(text, start, end) else {
                    continue;
                };
                let Some(info) = user_agent::describe(ua) else {
                    continue;
                };
                let offset = (ua.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
                ua_end = offset + ua.len();
                (Fact::UserAgent(info.client.token), Some(ua.to_string()))
            }
            fact => (fact, value),
        };
        line += memchr::memchr_iter(b'\n', &bytes[counted_to..start]).count();
        counted_to = start;
        out.push(Mention {
            fact,
            span: Span::new(start, end),
            line,
            value,
        });
        if out.len() >= MAX_MENTIONS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Vec<Fact> {
        mentions(text, &[]).into_iter().map(|m| m.fact).collect()
    }

    #[test]
    fn codes_names_and_ids_are_found_in_prose_in_any_wrapper() {
        let text = "Customer says: `2000008` keeps coming back, plus **ErrorAccessDenied**\n\
                    and sc-win32-status 0x8009030c for app 00000002-0000-0FF1-CE00-000000000000.";
        let found = facts(text);
        assert!(found.contains(&Fact::DiagCode(2_000_008)));
        assert!(found.contains(&Fact::ServiceError("ErrorAccessDenied")));
        assert!(found.contains(&Fact::Win32(0x8009_030C)));
        assert!(found
            .iter()
            .any(|f| matches!(f, Fact::App(id) if id.starts_with("00000002-0000-0ff1"))));
    }

    #[test]
    fn a_needle_inside_a_longer_word_or_number_is_not_a_mention() {
        assert!(facts("order 120000080 and port 20000081").is_empty());
        assert!(facts("NotErrorAccessDeniedAtAll").is_empty());
        assert!(
            facts("erroraccessdenied").is_empty(),
            "exact-case names keep their case"
        );
        assert_eq!(
            facts("code: invalidRequest"),
            vec![Fact::ServiceError("invalidRequest")],
            "a spelling shared in lower case still finds its own row"
        );
    }

    #[test]
    fn a_reason_phrase_counts_only_with_every_word_of_its_row_on_the_line() {
        let partial = "the token profile was fine";
        assert!(!facts(partial)
            .iter()
            .any(|f| matches!(f, Fact::DiagReason(_))));
        let whole = "Der Grund: The token profile 'V1S2SAppOnly' is not applicable.";
        assert!(facts(whole)
            .iter()
            .any(|f| matches!(f, Fact::DiagReason(_))));
    }

    #[test]
    fn a_lone_error_category_carries_its_value_and_its_line() {
        let m = mentions("x\ny\n  error_category=\\\"invalid_user\\\"", &[]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value.as_deref(), Some("invalid_user"));
        assert_eq!(m[0].line, 3);
        assert!(mentions("error_category=", &[]).is_empty());
    }

    #[test]
    fn mentions_inside_covered_spans_are_left_to_their_reader() {
        let text = "2000008 and again 2000008";
        let all = mentions(text, &[]);
        assert_eq!(all.len(), 2);
        let rest = mentions(text, &[Span::new(0, 7)]);
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].span.start, 18);
    }

    #[test]
    fn a_status_message_carries_the_status_after_it() {
        let found = mentions(
            "HttpErrorException: The remote server returned an error: (401)Unauthorized\n\
             System.Net.WebException: The request failed with HTTP status 403: Forbidden.\n\
             Response status code does not indicate success: 401 (Unauthorized).\n\
             The remote server returned an error: something else",
            &[],
        );
        let values: Vec<(Fact, Option<String>)> = found
            .into_iter()
            .filter(|m| matches!(m.fact, Fact::StatusMessage(_)))
            .map(|m| (m.fact, m.value))
            .collect();
        assert_eq!(values.len(), 3, "{values:?}");
        assert_eq!(values[0].1.as_deref(), Some("401"));
        assert_eq!(values[1].1.as_deref(), Some("403"));
        assert_eq!(values[2].1.as_deref(), Some("401"));
    }

    #[test]
    fn a_bare_reason_phrase_needs_its_status_beside_it() {
        let phrases = |t: &str| {
            facts(t)
                .into_iter()
                .filter(|f| matches!(f, Fact::Phrase(_)))
                .count()
        };
        assert_eq!(
            phrases("Http-Server hat die Ausnahme \"401 Nicht autorisiert\" zurückgegeben."),
            1
        );
        assert_eq!(phrases("例外: \"(401) 未承認\""), 1);
        assert_eq!(
            phrases("Der Benutzer ist für diese Aktion nicht autorisiert."),
            0
        );
        assert_eq!(phrases("このアプリは未承認です。"), 0);
    }

    #[test]
    fn exchange_paths_are_found_in_urls_and_prose() {
        let found = facts("Proxy request to https://mail.contoso.com/EWS/Exchange.asmx failed; MAPI at /mapi/emsmdb/?MailboxId=x; see https://learn.microsoft.com/en-us/powershell/module/exchange");
        assert!(
            found.contains(&Fact::ExchangePath("/ews/exchange.asmx")),
            "{found:?}"
        );
        assert!(
            found.contains(&Fact::ExchangePath("/mapi/emsmdb")),
            "{found:?}"
        );
    }

    #[test]
    fn non_ascii_text_around_needles_is_read_without_a_panic() {
        let text =
            "認証エラー 2000008：トークンが無効です。SEC_E_LOGON_DENIED。Ünïcödé error_category=ü";
        let found = facts(text);
        assert!(found.contains(&Fact::DiagCode(2_000_008)));
        assert!(found.contains(&Fact::Win32(0x8009_030C)));
    }
}
