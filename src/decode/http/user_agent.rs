//! Records: a user agent string read into the client, its version and its platform, by the product
//! and platform tokens of `knowledge::user_agents`; and the user agent around a token found in free
//! text (a quoted header value, an IIS field with `+` for spaces, a `User-Agent:` line).

use crate::knowledge::user_agents::{self, ClientToken, PlatformToken};

/// How far around a found token a user agent is looked for, in bytes.
const WINDOW: usize = 300;

/// What a user agent says about its sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientInfo {
    pub client: &'static ClientToken,
    /// The version after the client's token (`16.61`), if it has one.
    pub version: Option<String>,
    pub platform: Option<&'static PlatformToken>,
    /// The platform's version (`15.1` from `iPhone OS 15_1`), if it names one.
    pub platform_version: Option<String>,
}

impl ClientInfo {
    /// "Outlook for Mac 16.61 on macOS 10.15.7".
    pub fn summary(&self) -> String {
        let mut out = self.client.client.to_string();
        if let Some(v) = &self.version {
            out.push(' ');
            out.push_str(v);
        }
        if let Some(p) = self.platform {
            out.push_str(" on ");
            out.push_str(p.platform);
            if let Some(v) = &self.platform_version {
                out.push(' ');
                out.push_str(v);
            }
        }
        out
    }
}

/// The version written right after `at` in `folded`: digits, dots and underscores (read as dots).
fn version_at(folded: &[u8], at: usize) -> Option<String> {
    let rest = folded.get(at..)?;
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let v: String = rest
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.' || **b == b'_')
        .take(24)
        .map(|b| if *b == b'_' { '.' } else { char::from(*b) })
        .collect();
    let v = v.trim_end_matches('.');
    (v.bytes().next().is_some_and(|b| b.is_ascii_digit())).then(|| v.to_string())
}

/// Reads a user agent: the first client token of the table it holds (in the table's order of
/// precedence), the version after it, and the first platform it names. `+` counts as a space, as
/// IIS writes user agents.
pub fn describe(user_agent: &str) -> Option<ClientInfo> {
    // ASCII folding keeps every byte where it was, so positions found here are positions in it.
    let folded: Vec<u8> = user_agent
        .bytes()
        .map(|b| {
            if b == b'+' {
                b' '
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect();
    let find = |token: &str| memchr::memmem::find(&folded, token.to_ascii_lowercase().as_bytes());
    let (client, at) = user_agents::CLIENTS
        .iter()
        .find_map(|c| find(c.token).map(|at| (c, at + c.token.len())))?;
    let version = if client.token.ends_with('/') || client.token.ends_with(' ') {
        version_at(&folded, at)
    } else {
        None
    };
    let platform = user_agents::PLATFORMS
        .iter()
        .find_map(|p| find(p.token).map(|at| (p, at + p.token.len())));
    let platform_version = platform.and_then(|(p, at)| {
        if p.versioned {
            version_at(&folded, at)
        } else {
            None
        }
    });
    Some(ClientInfo {
        client,
        version,
        platform: platform.map(|(p, _)| p),
        platform_version,
    })
}

/// The user agent around a token found at `start..end` of `text`: the quoted (or tab-separated)
/// value that holds it, after any `User-Agent:` or `UserAgent=` label; in an IIS line, the
/// space-separated field that holds it when that field writes spaces as `+`. `None` when the
/// window holds no client token.
pub fn around(text: &str, start: usize, end: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let lo = crate::text::floor_boundary(text, start.saturating_sub(WINDOW));
    let hi = crate::text::floor_boundary(text, end.saturating_add(WINDOW));
    let stop_at = |b: u8| matches!(b, b'\n' | b'\r' | b'"' | b'\t' | b'<' | b'>');
    let seg_start = bytes
        .get(lo..start)?
        .iter()
        .rposition(|b| stop_at(*b))
        .map_or(lo, |i| lo + i + 1);
    let seg_end = bytes
        .get(end..hi)?
        .iter()
        .position(|b| stop_at(*b))
        .map_or(hi, |i| end + i);
    // A CSV field: commas outside parentheses end a user agent (inside them, `(KHTML, like Gecko)`).
    let (seg_start, seg_end) = (
        comma_before(bytes, seg_start, start),
        comma_after(bytes, end, seg_end),
    );
    // The IIS form: one field, spaces written as `+`.
    let field_start = bytes
        .get(seg_start..start)?
        .iter()
        .rposition(|b| *b == b' ')
        .map_or(seg_start, |i| seg_start + i + 1);
    let field_end = bytes
        .get(end..seg_end)?
        .iter()
        .position(|b| *b == b' ')
        .map_or(seg_end, |i| end + i);
    let (mut from, to) = if bytes.get(field_start..field_end)?.contains(&b'+') {
        (field_start, field_end)
    } else {
        (seg_start, seg_end)
    };
    // After the last label before the token.
    let head = bytes.get(from..start)?.to_ascii_lowercase();
    for label in [
        &b"user-agent:"[..],
        b"user-agent =",
        b"user-agent=",
        b"useragent=",
        b"useragent:",
    ] {
        if let Some(i) = memchr::memmem::rfind(&head, label) {
            from = from.max(from + i + label.len());
        }
    }
    let ua = crate::text::cut(text, from..to).trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '\'' | '`' | '*' | '=' | ':')
    });
    let offset = (ua.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let ua = trim_tail(ua, start.saturating_sub(offset));
    // Cut a long value at a character boundary.
    let ua = crate::text::cut_to(ua, 240);
    describe(ua).map(|_| ua)
}

/// The start of the comma-separated field that holds `at`, looking back no further than `floor`.
fn comma_before(bytes: &[u8], floor: usize, at: usize) -> usize {
    let mut depth = 0usize;
    for i in (floor..at).rev() {
        match bytes.get(i) {
            Some(b')') => depth += 1,
            Some(b'(') => depth = depth.saturating_sub(1),
            Some(b',') if depth == 0 => return i + 1,
            _ => {}
        }
    }
    floor
}

/// The end of the comma-separated field that holds `at`, looking no further than `ceiling`.
fn comma_after(bytes: &[u8], at: usize, ceiling: usize) -> usize {
    let mut depth = 0usize;
    for i in at..ceiling {
        match bytes.get(i) {
            Some(b'(') => depth += 1,
            Some(b')') => depth = depth.saturating_sub(1),
            Some(b',') if depth == 0 => return i,
            _ => {}
        }
    }
    ceiling
}

/// Drops the prose after a user agent: after its last parenthesis (or the word at `token`), only
/// words that look like product tokens (`Safari/537.36`) are kept.
fn trim_tail(ua: &str, token: usize) -> &str {
    let bytes = ua.as_bytes();
    let base = match memchr::memrchr(b')', bytes) {
        Some(close) if close >= token => close + 1,
        _ => match bytes
            .get(token..)
            .and_then(|rest| memchr::memchr(b' ', rest))
        {
            Some(space) => token + space,
            None => return ua,
        },
    };
    let mut end = base;
    let mut words = bytes.get(base..).unwrap_or_default().split(|b| *b == b' ');
    // The piece before the first space is what follows the parenthesis or the token directly.
    if let Some(first) = words.next() {
        end += first.len();
    }
    for word in words {
        if !word.contains(&b'/') {
            break;
        }
        end += 1 + word.len();
    }
    crate::text::cut_to(ua, end).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(ua: &str) -> String {
        describe(ua).map(|c| c.summary()).unwrap_or_default()
    }

    #[test]
    fn clients_platforms_and_versions_are_read_in_every_notation() {
        assert_eq!(
            summary("MacOutlook/16.61.22050700 (Intelx64 Mac OS X 12.4 (Build 21F79))"),
            "Outlook for Mac 16.61.22050700 on macOS 12.4"
        );
        assert_eq!(
            summary("Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.10344;+Pro)"),
            "Outlook for Windows 16.0.10344 on Windows 10 or 11 (Windows 11 also reports 10.0)"
        );
        assert_eq!(
            summary("iOS/11.2.6 (15D100) dataaccessd/1.0"),
            "the iOS Mail, Calendar and Contacts apps with an Exchange account on iOS 11.2.6"
        );
        assert_eq!(
            summary("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"),
            "Safari 605.1.15 on macOS 10.15.7"
        );
        assert!(summary(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"
        )
        .starts_with("Microsoft Edge 120.0.2210.91 on Windows 10"));
        assert!(summary("Apple-iPhone8C4/1504.100").starts_with("Apple Mail on iPhone"));
        assert_eq!(summary("some other agent/1.0"), "");
    }

    #[test]
    fn the_user_agent_around_a_token_is_cut_from_its_wrapper() {
        let line = r#"10.0.0.1 - - [01/May/2024] "GET /EWS/Exchange.asmx HTTP/1.1" 401 0 "-" "MacOutlook/16.61 (Intelx64 Mac OS X 12.4)""#;
        let at = line.find("MacOutlook").unwrap();
        assert_eq!(
            around(line, at, at + 11),
            Some("MacOutlook/16.61 (Intelx64 Mac OS X 12.4)")
        );
        let iis = "2024-05-01 10:00:00 10.0.0.5 POST /mapi/emsmdb/ - 443 - 10.0.0.9 Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.10344;+Pro) - 401 1 2148074252 15";
        let at = iis.find("Microsoft+Office").unwrap();
        assert!(around(iis, at, at + 17).unwrap().ends_with("Pro)"));
        let prose =
            "UserAgent=MacOutlook/16.61 (Intelx64 Mac OS X 12.4 (Build 21F79)) and then nothing";
        let at = prose.find("MacOutlook").unwrap();
        assert_eq!(
            around(prose, at, at + 11),
            Some("MacOutlook/16.61 (Intelx64 Mac OS X 12.4 (Build 21F79))")
        );
        let csv = "2024-05-02T10:00:02.123Z,15,2,/EWS/Exchange.asmx,Bearer,ExchangeServicesClient/15.00.0913.015,10.0.1.21,EXCH01,401";
        let at = csv.find("ExchangeServicesClient").unwrap();
        assert_eq!(
            around(csv, at, at + 23),
            Some("ExchangeServicesClient/15.00.0913.015")
        );
        let header = "User-Agent: iOS/15.1 (19B74) dataaccessd/1.0\nHost: mail.contoso.com";
        let at = header.find("dataaccessd").unwrap();
        assert_eq!(
            around(header, at, at + 12),
            Some("iOS/15.1 (19B74) dataaccessd/1.0")
        );
    }

    #[test]
    fn non_ascii_text_around_a_token_is_cut_without_a_panic() {
        let text = "ユーザーエージェント: MacOutlook/16.61 (Mac OS X 12.4) — 認証に失敗しました";
        let at = text.find("MacOutlook").unwrap();
        let ua = around(text, at, at + 11).unwrap();
        assert!(ua.contains("MacOutlook/16.61"));
    }
}
