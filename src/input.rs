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
