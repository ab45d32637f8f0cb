//! File input: turns the bytes of a dropped or named file into the text the core inspects.
//!
//! The page's file drop and the CLI read files the same way: UTF-8 with or without a byte order
//! mark, UTF-16LE and UTF-16BE with a byte order mark (what Windows PowerShell 5.1 writes with `>`),
//! DER and PKCS#12 files as base64 (which the certificate readers take), and other binary formats
//! named by their magic bytes instead of being passed on as noise.

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileText {
    /// Text, decoded; `encoding` names what was found ("UTF-8", "UTF-16LE with BOM" ...).
    Text {
        text: String,
        encoding: &'static str,
    },
    /// Binary that the readers can take as base64 (DER certificates, PKCS#12, PKCS#7).
    Base64(String),
    /// A binary format tokenlens cannot read, named ("an ELF executable"), with what it can read instead.
    Unreadable { what: &'static str },
}

impl FileText {
    /// The text to inspect: decoded text or base64; `None` for an unreadable binary.
    pub fn into_text(self) -> Option<String> {
        match self {
            FileText::Text { text, .. } | FileText::Base64(text) => Some(text),
            FileText::Unreadable { .. } => None,
        }
    }
}

/// Magic bytes of binary formats people drop by mistake, with the name shown to them.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable or DLL (PE)"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an Office or MSI compound file",
    ),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"ElfFile\0", "a Windows event log (.evtx)"),
];

/// What the user is told when a file is a binary format that tokenlens does not read.
pub fn unreadable_message(name: &str, what: &str) -> String {
    format!(
        "{name} is {what}, not something tokenlens reads. Open it with the program that made it and \
         paste the text instead: a token, a certificate (PEM, .cer/.der, .pfx), a header, an IIS or \
         FREB log, a HAR file, an error body or PowerShell output."
    )
}

/// Reads file bytes as text, base64 or a named binary format.
pub fn file_text(bytes: &[u8]) -> FileText {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return FileText::Text {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: "UTF-8 with BOM",
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return FileText::Text {
            text: utf16(rest, u16::from_le_bytes),
            encoding: "UTF-16LE with BOM",
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return FileText::Text {
            text: utf16(rest, u16::from_be_bytes),
            encoding: "UTF-16BE with BOM",
        };
    }
    // UTF-16 text without a BOM is valid UTF-8 (a zero byte after every letter), so it goes first.
    if let Some(text) = utf16_without_bom(bytes) {
        return FileText::Text {
            text,
            encoding: "UTF-16LE without BOM",
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return FileText::Text {
            text: text.to_string(),
            encoding: "UTF-8",
        };
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return FileText::Unreadable { what };
    }
    FileText::Base64(crate::text::b64std(bytes))
}

/// The name of a binary format by its magic bytes, if the bytes start with one.
pub fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Turns a file read in chunks into UTF-8 chunks for `triage`: drops a UTF-8 byte order mark and
/// transcodes UTF-16LE/BE with a byte order mark, keeping a cut code unit or surrogate pair across
/// chunk edges. Other bytes pass through unchanged.
#[derive(Debug, Default)]
pub struct Utf8Chunks {
    /// Bytes held until the encoding is known (fewer than three at the start).
    head: Vec<u8>,
    encoding: Option<StreamEncoding>,
    /// A cut UTF-16 code unit (one byte) or a high surrogate waiting for its pair.
    odd: Option<u8>,
    high: Option<u16>,
    out: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StreamEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Utf8Chunks {
    /// The encoding found, in words (`None` before the first bytes).
    pub fn encoding(&self) -> Option<&'static str> {
        self.encoding.map(|e| match e {
            StreamEncoding::Utf8 => "UTF-8",
            StreamEncoding::Utf16Le => "UTF-16LE with BOM",
            StreamEncoding::Utf16Be => "UTF-16BE with BOM",
        })
    }

    /// Decodes the next chunk; the returned bytes are UTF-8 (for UTF-16 input) or the input.
    pub fn push<'a>(&'a mut self, chunk: &'a [u8]) -> &'a [u8] {
        let mut chunk = chunk;
        if self.encoding.is_none() {
            self.head.extend_from_slice(chunk);
            if self.head.len() < 3 {
                return &[];
            }
            let head = std::mem::take(&mut self.head);
            let (encoding, skip) = if head.starts_with(b"\xef\xbb\xbf") {
                (StreamEncoding::Utf8, 3)
            } else if head.starts_with(b"\xff\xfe") {
                (StreamEncoding::Utf16Le, 2)
            } else if head.starts_with(b"\xfe\xff") {
                (StreamEncoding::Utf16Be, 2)
            } else {
                (StreamEncoding::Utf8, 0)
            };
            self.encoding = Some(encoding);
            self.out = head;
            self.out.drain(..skip);
            if encoding == StreamEncoding::Utf8 {
                return &self.out;
            }
            let bytes = std::mem::take(&mut self.out);
            self.transcode(&bytes);
            return &self.out;
        }
        if self.encoding == Some(StreamEncoding::Utf8) {
            return chunk;
        }
        self.out.clear();
        if let Some(b) = self.odd.take() {
            if let Some((&first, rest)) = chunk.split_first() {
                self.unit([b, first]);
                chunk = rest;
            } else {
                self.odd = Some(b);
            }
        }
        self.transcode_more(chunk);
        &self.out
    }

    /// Whatever is still held at the end of the input (a short file, a lone surrogate).
    pub fn finish(&mut self) -> Vec<u8> {
        let mut rest = Vec::new();
        if self.encoding.is_none() {
            self.encoding = Some(StreamEncoding::Utf8);
            rest = std::mem::take(&mut self.head);
        }
        if self.high.take().is_some() {
            rest.extend_from_slice("\u{fffd}".as_bytes());
        }
        rest
    }

    fn transcode(&mut self, bytes: &[u8]) {
        self.out.clear();
        self.transcode_more(bytes);
    }

    fn transcode_more(&mut self, bytes: &[u8]) {
        let mut pairs = bytes.chunks_exact(2);
        for p in pairs.by_ref() {
            self.unit([p[0], p[1]]);
        }
        if let [last] = pairs.remainder() {
            self.odd = Some(*last);
        }
    }

    fn unit(&mut self, pair: [u8; 2]) {
        let u = if self.encoding == Some(StreamEncoding::Utf16Be) {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        };
        let units: Vec<u16> = match self.high.take() {
            Some(h) => vec![h, u],
            None if (0xd800..0xdc00).contains(&u) => {
                self.high = Some(u);
                return;
            }
            None => vec![u],
        };
        for c in char::decode_utf16(units) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            let mut buf = [0u8; 4];
            self.out
                .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

/// Decodes UTF-16 code units, replacing unpaired surrogates; an odd last byte is dropped.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// UTF-16LE text without a BOM: mostly ASCII letters with a zero byte after each.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let ascii_pairs = bytes
        .chunks_exact(2)
        .filter(|c| {
            c[1] == 0
                && (c[0] == b'\n' || c[0] == b'\r' || c[0] == b'\t' || (0x20..0x7f).contains(&c[0]))
        })
        .count();
    (ascii_pairs * 10 >= pairs * 9).then(|| utf16(bytes, u16::from_le_bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le_bom(s: &str) -> Vec<u8> {
        let mut out = vec![0xff, 0xfe];
        for u in s.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    #[test]
    fn powershell_redirected_output_is_read_as_text() {
        let bytes = utf16le_bom("Name : Exchange Online\r\nEnabled : True\r\n");
        match file_text(&bytes) {
            FileText::Text { text, encoding } => {
                assert_eq!(encoding, "UTF-16LE with BOM");
                assert!(text.starts_with("Name : Exchange Online"));
            }
            other => panic!("read as {other:?}"),
        }
    }

    #[test]
    fn utf16be_and_utf8_bom_are_read() {
        let mut be = vec![0xfe, 0xff];
        for u in "Zähler".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(file_text(&be).into_text().as_deref(), Some("Zähler"));
        assert_eq!(
            file_text(b"\xef\xbb\xbfeyJ").into_text().as_deref(),
            Some("eyJ")
        );
    }

    #[test]
    fn binary_formats_are_named_and_der_goes_on_as_base64() {
        assert_eq!(
            file_text(b"\x7fELF\x02\x01\x01\x00\xff\xfe"),
            FileText::Unreadable {
                what: "an ELF executable"
            }
        );
        assert!(matches!(
            file_text(b"PK\x03\x04\x14\x00\x00\x00\xff"),
            FileText::Unreadable { .. }
        ));
        // A DER certificate starts with a SEQUENCE and is not valid UTF-8.
        assert!(matches!(
            file_text(&[0x30, 0x82, 0x03, 0x0a, 0xff, 0x80]),
            FileText::Base64(_)
        ));
    }

    #[test]
    fn utf16_read_in_chunks_comes_out_as_the_same_utf8_at_any_cut() {
        let text = "Zähler 😀 x-ms-diagnostics: 2000008\r\n";
        let mut bytes = utf16le_bom(text);
        for size in [1, 2, 3, 5, 64] {
            let mut d = Utf8Chunks::default();
            let mut out = Vec::new();
            for chunk in bytes.chunks(size) {
                out.extend_from_slice(d.push(chunk));
            }
            out.extend(d.finish());
            assert_eq!(String::from_utf8(out).unwrap(), text, "chunk size {size}");
            assert_eq!(d.encoding(), Some("UTF-16LE with BOM"));
        }
        bytes = b"\xef\xbb\xbfab".to_vec();
        let mut d = Utf8Chunks::default();
        let mut out = d.push(&bytes).to_vec();
        out.extend(d.finish());
        assert_eq!(out, b"ab");
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_when_it_is_mostly_ascii() {
        let bytes: Vec<u8> = "x-ms-diagnostics: 2000008"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            file_text(&bytes).into_text().as_deref(),
            Some("x-ms-diagnostics: 2000008")
        );
    }
}
