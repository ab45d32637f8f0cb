//! The hostile corpus: the shared hostile files plus generated inputs of every known kind of abuse.
//!
//! Included with `#[path]` by `tests/hostile.rs` (which checks that each input gets a report or a
//! message, without a panic and without repeating a secret) and by `examples/hostile_bench.rs`
//! (which prints the worst seconds per MB and peak memory). Inputs are made one at a time, so the
//! corpus never sits in memory as a whole.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::text::cut_to;

/// One input: a name, and how to make its bytes.
pub struct Case {
    pub name: String,
    make: Box<dyn Fn() -> Vec<u8>>,
}

impl Case {
    fn new(name: impl Into<String>, make: impl Fn() -> Vec<u8> + 'static) -> Self {
        Case {
            name: name.into(),
            make: Box::new(make),
        }
    }

    /// The bytes of this input.
    pub fn bytes(&self) -> Vec<u8> {
        (self.make)()
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// A small deterministic generator (xorshift), so random inputs are the same in every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn repeat(unit: &[u8], size: usize) -> Vec<u8> {
    unit.iter().copied().cycle().take(size).collect()
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Markers and delimiters that readers look for; each is repeated into a 256 KB input.
const REPEATED: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "=",
    "&",
    ";",
    ",",
    ":",
    ".",
    "%",
    "%2",
    "+",
    "<",
    ">",
    "\\",
    "|",
    "\n",
    "\r\n",
    "\t",
    " ",
    "`",
    "*",
    "#",
    "\u{00fc}",
    "\u{3002}",
    "\u{200b}",
    "\u{feff}",
    "-----BEGIN CERTIFICATE-----",
    "-----END CERTIFICATE-----",
    "-----BEGIN ",
    "eyJ",
    "eyJ.",
    "eyJ.eyJ.",
    "eyJhbGciOiJSUzI1NiJ9.",
    "Bearer ",
    "Basic ",
    "Negotiate ",
    "NTLM ",
    "WWW-Authenticate: ",
    "WWW-Authenticate: Bearer ",
    "x-ms-diagnostics: ",
    "x-ms-diagnostics: 2000001;reason=\"",
    "AADSTS",
    "AADSTS50126",
    "error_description=",
    "#Fields: ",
    "#Fields: date time cs-method\n",
    "grant_type=",
    "client_secret=",
    "password=",
    "<?xml ",
    "<Event ",
    "<Data Name=\"",
    "\"log\":",
    "{\"error\":",
    "{\"error\":{\"code\":",
    "\"keys\":[",
    "\"kty\":\"RSA\",",
    "MII",
    "MIIB",
    "0x8009030C",
    "HTTP/1.1 401 ",
    "Name : ",
    "Name                 : ",
    "   ",
    "{a, b, ",
    "Thumbprint: ",
    "keyCredentials",
    "<s:Fault>",
    "ResponseCode",
    "request-id: ",
    "X-FEServer: ",
    "Test-OAuthConnectivity",
    "[OAuthCredentials:",
    "Get-PartnerApplication",
    "\u{202e}",
    "%E3%81",
    "\\u00",
    "The authentication header received from the server was '",
    "{'Server': 'x', ",
    "forbidden with client authentication scheme ",
];

/// Every input of the corpus, in a fixed order.
pub fn corpus() -> Vec<Case> {
    let mut cases = Vec::new();
    shared_files(&mut cases);
    large_shared(&mut cases);
    for (i, unit) in REPEATED.iter().enumerate() {
        let unit = unit.to_string();
        cases.push(Case::new(format!("repeated-{i:02}"), move || {
            repeat(unit.as_bytes(), 256 * 1024)
        }));
    }
    structures(&mut cases);
    binary(&mut cases);
    woven_fixtures(&mut cases);
    cases
}

fn shared_files(cases: &mut Vec<Case>) {
    let dir = root().join("tests/hostile");
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/hostile exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        cases.push(Case::new(name, move || fs::read(&path).expect("readable")));
    }
}

/// The inputs `shared/hostile/make_large.py` writes, made the same way.
fn large_shared(cases: &mut Vec<Case>) {
    cases.push(Case::new("slow-www-authenticate-512K", || {
        repeat(b"WWW-Authenticate:", 524_288)
    }));
    cases.push(Case::new("slow-begin-cert-no-end-512K", || {
        repeat(b"-----BEGIN CERTIFICATE-----\n", 524_288)
    }));
    cases.push(Case::new("slow-nested-objects-100k-deep", || {
        let mut v = b"{\"a\":".repeat(100_000);
        v.push(b'1');
        v.extend(b"}".repeat(100_000));
        v
    }));
    cases.push(Case::new("slow-open-brace-256K", || b"{".repeat(262_144)));
    cases.push(Case::new("slow-eyJ-space-64K", || b"eyJ ".repeat(16_384)));
    cases.push(Case::new("slow-grant-type-256K", || {
        repeat(b"grant_type=", 262_144)
    }));
    cases.push(Case::new("mem-grant-type-form-repeated-2000", || {
        b"grant_type=client_credentials&".repeat(2000)
    }));
    cases.push(Case::new("mem-token-request-and-aadsts-pairs-1600", || {
        let pair = "2024-05-13T08:01:02Z POST https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token Body:grant_type=client_credentials&client_id=82195c37-7497-458c-b643-f4a3d0a64190&client_secret=abc123secretvalue&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default Response:{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\",\"error_codes\":[7000215]}\n";
        pair.repeat(1600).into_bytes()
    }));
    cases.push(Case::new("mem-certificate-listings-800", || {
        let block = "Thumbprint                : 3F2A9C4E1B7D8E6F5A4B3C2D1E0F9A8B7C6D5E4F\nSubject                   : CN=Microsoft Exchange Server Auth Certificate\nNotAfter                  : 2/14/2029 8:00:00 AM\nServices                  : SMTP\nClientSecret              : S3cr3tValue!\nPassword                  : P@ssw0rd!\n";
        block.repeat(800).into_bytes()
    }));
}

/// Deep nesting, huge claim sets, long certificate runs, wide W3C headers and 10 MB lines.
fn structures(cases: &mut Vec<Case>) {
    cases.push(Case::new("deep-arrays-200k", || {
        let mut v = b"[".repeat(200_000);
        v.extend(b"]".repeat(200_000));
        v
    }));
    cases.push(Case::new("deep-xml-50k", || {
        let mut v = b"<Event><Data Name=\"x\">".repeat(50_000);
        v.extend(b"</Data></Event>".repeat(50_000));
        v
    }));
    cases.push(Case::new("jwt-5000-claims", || {
        let header = b64url(br#"{"alg":"RS256","typ":"JWT","kid":"k"}"#);
        let claims: Vec<String> = (0..5000).map(|i| format!("\"c{i}\":\"v{i}\"")).collect();
        let payload = format!(
            "{{\"aud\":\"api://x\",\"iss\":\"https://sts.windows.net/t/\",{}}}",
            claims.join(",")
        );
        format!("Bearer {header}.{}.c2ln", b64url(payload.as_bytes())).into_bytes()
    }));
    cases.push(Case::new("decoded-5000-claims", || {
        let claims: Vec<String> = (0..5000).map(|i| format!("\"c{i}\": {i}")).collect();
        format!(
            "{{\"aud\": \"api://x\", \"iss\": \"https://sts.windows.net/t/\", {}}}",
            claims.join(", ")
        )
        .into_bytes()
    }));
    cases.push(Case::new("certificates-100-in-a-row", || {
        let chain =
            fs::read_to_string(root().join("tests/fixtures/certificate/generated/chain.pem"))
                .expect("chain.pem");
        chain.repeat(34).into_bytes()
    }));
    cases.push(Case::new("w3c-500-fields", || {
        let names: Vec<String> = (0..500).map(|i| format!("cs(X-Field-{i})")).collect();
        let mut text = format!("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-method cs-uri-stem sc-status {}\n", names.join(" "));
        for row in 0..200 {
            let values: Vec<String> = (0..500).map(|i| format!("v{row}-{i}")).collect();
            text.push_str(&format!("2024-05-13 08:01:02 GET /EWS/Exchange.asmx 401 {}\n", values.join(" ")));
        }
        text.into_bytes()
    }));
    cases.push(Case::new("w3c-fields-mismatch", || {
        let mut text = String::from("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n");
        for i in 0..5000 {
            text.push_str(&format!("2024-05-13 08:01:{:02} 10.0.0.1 POST /mapi/emsmdb/ - 443 - 10.0.0.{} Outlook 401 {} 2148074254\n", i % 60, i % 250, i % 3));
        }
        text.into_bytes()
    }));
    for (name, unit) in [
        ("line-10mb-letters", "a"),
        ("line-10mb-base64", "QUJD"),
        ("line-10mb-token-chars", "eyJhbGciOiJSUzI1NiJ9"),
        ("line-10mb-digits", "2000001"),
    ] {
        cases.push(Case::new(name, move || {
            repeat(unit.as_bytes(), 10 * 1024 * 1024)
        }));
    }
    cases.push(Case::new("truncated-everything", || {
        let mut text = String::new();
        for path in fixture_paths().into_iter().take(60) {
            if let Some(input) = fixture_input(&path) {
                let cut = input.len() / 2;
                let cut = (0..=cut)
                    .rev()
                    .find(|i| input.is_char_boundary(*i))
                    .unwrap_or(0);
                text.push_str(cut_to(&input, cut));
                text.push('\n');
            }
        }
        text.into_bytes()
    }));
}

/// Random bytes, invalid UTF-8 and UTF-16 without a byte order mark; fed through `file_text`.
fn binary(cases: &mut Vec<Case>) {
    for (i, size) in [1024usize, 65_536, 1_048_576].into_iter().enumerate() {
        cases.push(Case::new(format!("binary-random-{size}"), move || {
            Rng(0x9e37_79b9_7f4a_7c15 ^ i as u64).bytes(size)
        }));
    }
    cases.push(Case::new("binary-elf-header", || {
        let mut v = b"\x7fELF\x02\x01\x01\0".to_vec();
        v.extend(Rng(7).bytes(4096));
        v
    }));
    cases.push(Case::new("invalid-utf8-in-a-log", || {
        let mut v = b"x-ms-diagnostics: 2000001;reason=\"".to_vec();
        v.extend([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]);
        v.extend(b"\";error_category=\"invalid_token\"\n");
        v
    }));
    for (i, path) in fixture_paths().into_iter().step_by(15).enumerate() {
        cases.push(Case::new(format!("utf16le-no-bom-{i:02}"), move || {
            fixture_input(&path)
                .unwrap_or_default()
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect()
        }));
    }
}

/// Every golden fixture with German and Japanese text woven in: after every colon, and in place of
/// every second space, so that any reader that cuts text by byte position meets multi-byte
/// characters where it cuts.
fn woven_fixtures(cases: &mut Vec<Case>) {
    for path in fixture_paths() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let p = path.clone();
        cases.push(Case::new(format!("woven-colon-{stem}"), move || {
            fixture_input(&p)
                .unwrap_or_default()
                .replace(':', ":ü。")
                .into_bytes()
        }));
        cases.push(Case::new(format!("woven-space-{stem}"), move || {
            let input = fixture_input(&path).unwrap_or_default();
            let mut out = String::with_capacity(input.len() * 2);
            for (i, part) in input.split(' ').enumerate() {
                if i > 0 {
                    out.push_str(if i % 2 == 0 { " " } else { "ßサ" });
                }
                out.push_str(part);
            }
            out.into_bytes()
        }));
    }
}

/// Every golden fixture file, sorted.
pub fn fixture_paths() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in fs::read_dir(root().join("tests/fixtures")).expect("fixtures") {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn fixture_input(path: &Path) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    value.get("input")?.as_str().map(str::to_string)
}
