//! What a dropped file is, from its first bytes: an archive, a log whose lines triage counts, a
//! trace file the paste's readers explain whole, or other text. The page uses it to send a file to
//! triage or to the paste box; it reads no more than the head it is given.

use crate::input::Utf8Chunks;

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniff {
    /// A gzip stream (`.gz`).
    Gzip,
    /// A zip archive.
    Zip,
    /// A log of one request per line (IIS W3C `#Software:`/`#Fields:`, Exchange CSV `DateTime,`,
    /// a headerless IIS line): triage counts it at any size.
    Rows,
    /// A trace of a few requests (FREB XML, HAR): the paste explains a small one in full, so it
    /// goes to triage only when large or dropped with other logs.
    Trace,
    /// Anything else.
    Text,
}

/// Bytes of the head that `sniff` reads at most.
pub const HEAD: usize = 4096;

/// Sniffs the first bytes of a file (at most `HEAD` are read; UTF-16 with a BOM is transcoded).
pub fn sniff(head: &[u8]) -> Sniff {
    if head.starts_with(b"\x1f\x8b") {
        return Sniff::Gzip;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Sniff::Zip;
    }
    let head = head.get(..HEAD).unwrap_or(head);
    let mut chunks = Utf8Chunks::default();
    let mut text = chunks.push(head).to_vec();
    text.extend(chunks.finish());
    let text = String::from_utf8_lossy(&text);
    let start = text.trim_start();
    let first = start.lines().next().unwrap_or_default();
    if first.starts_with("#Software:")
        || first.starts_with("#Version:")
        || first.starts_with("#Fields:")
        || first.starts_with("DateTime,")
        || iis_row(first)
    {
        return Sniff::Rows;
    }
    if (start.starts_with("<?xml") || start.starts_with("<failedRequest"))
        && start.contains("<failedRequest")
    {
        return Sniff::Trace;
    }
    if start.starts_with('{') && start.contains("\"log\"") && start.contains("\"entries\"") {
        return Sniff::Trace;
    }
    Sniff::Text
}

/// A headerless IIS line: a date, a time and at least six more fields separated by spaces.
fn iis_row(line: &str) -> bool {
    let mut fields = line.split(' ');
    let date = fields.next().unwrap_or_default().as_bytes();
    let time = fields.next().unwrap_or_default().as_bytes();
    let shaped = |s: &[u8], sep: u8, len: usize| {
        s.len() == len
            && s.iter()
                .enumerate()
                .all(|(i, c)| c.is_ascii_digit() || (*c == sep && matches!(i, 2 | 4 | 5 | 7)))
    };
    shaped(date, b'-', 10) && shaped(time, b':', 8) && fields.count() >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xff, 0xfe];
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn iis_and_exchange_logs_are_rows_in_any_encoding() {
        let iis = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n";
        assert_eq!(sniff(iis.as_bytes()), Sniff::Rows);
        assert_eq!(sniff(format!("\u{feff}{iis}").as_bytes()), Sniff::Rows);
        assert_eq!(sniff(&utf16le(iis)), Sniff::Rows);
        assert_eq!(sniff(b"#Fields: date time s-ip cs-method"), Sniff::Rows);
        let csv = "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,Protocol\n";
        assert_eq!(sniff(csv.as_bytes()), Sniff::Rows);
        let row = "2024-05-02 10:00:01 10.0.0.5 POST /EWS/Exchange.asmx - 443 - 10.0.0.9 Mozilla/5.0 - 401 0 0 15";
        assert_eq!(sniff(row.as_bytes()), Sniff::Rows);
    }

    #[test]
    fn freb_and_har_are_traces_and_the_rest_is_text() {
        let freb = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"freb.xsl\"?>\n<failedRequest url=\"https://mail.contoso.com:443/ews/exchange.asmx\"";
        assert_eq!(sniff(freb.as_bytes()), Sniff::Trace);
        let har = "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"entries\": [";
        assert_eq!(sniff(har.as_bytes()), Sniff::Trace);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><config/>"), Sniff::Text);
        assert_eq!(sniff(b"eyJ0eXAiOiJKV1QifQ.e30."), Sniff::Text);
        assert_eq!(sniff(b"2024-05-02 10:00:01 started"), Sniff::Text);
        assert_eq!(sniff(b""), Sniff::Text);
    }

    #[test]
    fn archives_are_named_by_their_magic() {
        assert_eq!(sniff(b"\x1f\x8b\x08\x00rest"), Sniff::Gzip);
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniff::Zip);
    }
}
