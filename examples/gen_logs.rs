//! Generator of realistic synthetic Exchange front-end IIS W3C logs for triage tests and the
//! benchmark: mostly 200s across EWS, MAPI, ActiveSync, OWA, Autodiscover and REST, NTLM/Negotiate
//! handshake 401s, Bearer refusals with x-ms-diagnostics in custom header fields (`+` encoding),
//! AADSTS errors in OWA callbacks, 403/500/503s, and a new `#Fields` block (another field order)
//! every 40,000 lines, as IIS writes after a restart. It prints the true counts as JSON.
//!
//! `cargo run --release --example gen_logs -- SIZE_MB SEED OUT_FILE`

use std::collections::BTreeMap;
use std::io::Write;

/// The true counts of a generated log.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Truth {
    pub bytes: u64,
    pub lines: u64,
    pub requests: u64,
    pub failures: u64,
    /// Failures of error severity: 5xx, an x-ms-diagnostics value or an AADSTS code.
    pub errors: u64,
    pub blocks: u64,
    pub diagnostics: BTreeMap<u32, u64>,
    pub aadsts: BTreeMap<u32, u64>,
    /// By `status.substatus`.
    pub statuses: BTreeMap<String, u64>,
}

impl Truth {
    pub fn to_json(&self) -> String {
        let map = |m: &BTreeMap<u32, u64>| {
            m.iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let statuses = self
            .statuses
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "{{\"bytes\": {}, \"lines\": {}, \"requests\": {}, \"failures\": {}, \"errors\": {}, \"fields_blocks\": {}, \"diagnostics\": {{{}}}, \"aadsts\": {{{}}}, \"statuses\": {{{statuses}}}}}",
            self.bytes, self.lines, self.requests, self.failures, self.errors, self.blocks,
            map(&self.diagnostics), map(&self.aadsts)
        )
    }
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    fn guid(&mut self) -> String {
        let a = self.next();
        let b = self.next();
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            b >> 52,
            b & 0xffff_ffff_ffff
        )
    }
}

/// The two field orders; the second adds the host and moves the custom fields forward.
const FIELDS_A: &str = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken sc(WWW-Authenticate) sc(x-ms-diagnostics)";
const FIELDS_B: &str = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-host sc(x-ms-diagnostics) sc(WWW-Authenticate) cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";
/// Lines per `#Fields` block in the benchmark's logs.
pub const BLOCK: u64 = 40_000;

const AGENTS: &[&str] = &[
    "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.17328;+Pro)",
    "AppleExchangeWebServices/818.0.1",
    "Apple-iPhone14C2/2004.200",
    "Outlook-iOS/2.0",
    "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/124.0.0.0+Safari/537.36",
    "ExchangeServicesClient/15.20.7472.000",
    "python-requests/2.31.0",
];

/// Refusals with their x-ms-diagnostics value (IIS `+` encoding) and challenge.
const REFUSALS: &[(u32, &str)] = &[
    (2000001, "2000001;reason=\"The+token+has+invalid+signature.\";error_category=\"invalid_signature\""),
    (2000003, "2000003;reason=\"The+hostname+component+of+the+audience+claim+value+is+invalid.+Expected+'https://mail.contoso.com'.+Actual+'http://mail.contoso.com'.\";error_category=\"invalid_resource\""),
    (2000008, "2000008;reason=\"The+token+should+have+valid+permissions+or+linked+account+associated+with+partner+application+'00000003-0000-0000-c000-000000000000'.\";error_category=\"invalid_grant\""),
    (2000005, "2000005;reason=\"The+user+specified+by+the+user-context+in+the+token+is+ambiguous.\";error_category=\"invalid_user\""),
];
const CHALLENGE: &str = "Bearer+client_id=\"00000002-0000-0ff1-ce00-000000000000\",+trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\",+token_types=\"app_asserted_user_v1+service_asserted_app_v1\",+error=\"invalid_token\"";

/// One request: endpoint, query, user, agent, status, substatus, win32, challenge, diagnostics.
struct Request {
    method: &'static str,
    stem: String,
    query: String,
    user: String,
    agent: &'static str,
    status: u16,
    substatus: u16,
    win32: u64,
    challenge: &'static str,
    diagnostics: Option<(u32, &'static str)>,
    aadsts: Option<u32>,
}

fn request(rng: &mut Rng) -> Request {
    let user = format!("CONTOSO\\user{}", rng.below(500));
    let cafe = rng.guid();
    let mut r = Request {
        method: "POST",
        stem: "/EWS/Exchange.asmx".to_string(),
        query: format!("&CorrelationID=<empty>;&cafeReqId={cafe};"),
        user,
        agent: rng.pick(AGENTS),
        status: 200,
        substatus: 0,
        win32: 0,
        challenge: "-",
        diagnostics: None,
        aadsts: None,
    };
    match rng.below(6) {
        0 => {
            r.stem = "/mapi/emsmdb/".to_string();
            r.query = format!(
                "mailboxId={}@contoso.com&CorrelationID=<empty>;&cafeReqId={cafe};",
                rng.guid()
            );
        }
        1 => {
            r.stem = "/Microsoft-Server-ActiveSync/default.eas".to_string();
            r.query = format!(
                "Cmd=Sync&User=user{}&DeviceId=ApplF{}&DeviceType=iPhone",
                rng.below(500),
                rng.below(99_999)
            );
        }
        2 => {
            r.method = "GET";
            r.stem = "/owa/".to_string();
        }
        3 => r.stem = "/Autodiscover/Autodiscover.xml".to_string(),
        4 => {
            r.method = "GET";
            r.stem = format!(
                "/api/v2.0/Users('user{}@contoso.com')/messages",
                rng.below(500)
            );
        }
        _ => {}
    }
    // About 95% succeed; the rest fail in known ways.
    match rng.below(1000) {
        0..=949 => {}
        950..=974 => {
            // The first leg of an NTLM/Negotiate handshake: anonymous 401.2.
            (r.status, r.substatus, r.win32) = (401, 2, 5);
            r.user = "-".to_string();
        }
        975..=979 => {
            (r.status, r.substatus, r.win32) = (401, 1, 2_148_074_254);
            r.user = "-".to_string();
        }
        980..=991 => {
            let (code, value) = REFUSALS[rng.below(REFUSALS.len() as u64) as usize];
            (r.status, r.substatus, r.win32) = (401, 0, 0);
            r.user = "-".to_string();
            r.stem = "/api/v2.0/me/messages".to_string();
            r.method = "GET";
            r.challenge = CHALLENGE;
            r.diagnostics = Some((code, value));
        }
        992..=994 => {
            r.method = "GET";
            r.stem = "/owa/".to_string();
            r.query = "error=interaction_required&error_description=AADSTS50058:+A+silent+sign-in+request+was+sent+but+no+user+is+signed+in.".to_string();
            (r.status, r.substatus, r.win32) = (403, 0, 0);
            r.aadsts = Some(50058);
        }
        995..=997 => (r.status, r.substatus, r.win32) = (500, 0, 0),
        _ => (r.status, r.substatus, r.win32) = (503, 0, 64),
    }
    r
}

fn line(r: &Request, fields_b: bool, date: &str, time: &str, ms: u64) -> String {
    let diag = r.diagnostics.map_or("-", |d| d.1);
    let q = if r.query.is_empty() { "-" } else { &r.query };
    if fields_b {
        format!(
            "{date} {time} 10.0.0.5 {} {} {q} 443 {} 10.0.1.20 mail.contoso.com {diag} {} {} - {} {} {} {ms}\r\n",
            r.method, r.stem, r.user, r.challenge, r.agent, r.status, r.substatus, r.win32
        )
    } else {
        format!(
            "{date} {time} 10.0.0.5 {} {} {q} 443 {} 10.0.1.20 {} - {} {} {} {ms} {} {diag}\r\n",
            r.method, r.stem, r.user, r.agent, r.status, r.substatus, r.win32, r.challenge
        )
    }
}

/// Writes a log of about `size` bytes (whole lines) with a new `#Fields` block every `block`
/// lines, and returns its counts.
pub fn generate(out: &mut impl Write, size: u64, seed: u64, block: u64) -> std::io::Result<Truth> {
    let block = block.max(1);
    let mut rng = Rng(seed);
    let mut truth = Truth::default();
    // Spread one day over the expected number of lines (about 250 bytes each).
    let step_ms = (86_400_000 * 250 / size.max(1)).max(1);
    let mut clock_ms: u64 = 0;
    let mut n: u64 = 0;
    while truth.bytes < size {
        let secs = clock_ms / 1000;
        let date = format!("2024-05-{:02}", 2 + secs / 86_400);
        let time = format!(
            "{:02}:{:02}:{:02}",
            (secs / 3600) % 24,
            (secs / 60) % 60,
            secs % 60
        );
        if n % block == 0 {
            let fields = if (n / block) % 2 == 0 {
                FIELDS_A
            } else {
                FIELDS_B
            };
            let head = format!("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: {date} {time}\r\n#Fields: {fields}\r\n");
            out.write_all(head.as_bytes())?;
            truth.bytes += head.len() as u64;
            truth.lines += 4;
            truth.blocks += 1;
        }
        let r = request(&mut rng);
        let text = line(&r, (n / block) % 2 == 1, &date, &time, 1 + rng.below(300));
        out.write_all(text.as_bytes())?;
        truth.bytes += text.len() as u64;
        truth.lines += 1;
        truth.requests += 1;
        if r.status >= 400 {
            truth.failures += 1;
            *truth
                .statuses
                .entry(format!("{}.{}", r.status, r.substatus))
                .or_default() += 1;
            if r.status >= 500 || r.diagnostics.is_some() || r.aadsts.is_some() {
                truth.errors += 1;
            }
            if let Some((code, _)) = r.diagnostics {
                *truth.diagnostics.entry(code).or_default() += 1;
            }
            if let Some(code) = r.aadsts {
                *truth.aadsts.entry(code).or_default() += 1;
            }
        }
        clock_ms += rng.below(2 * step_ms + 1);
        n += 1;
    }
    Ok(truth)
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mb), Some(seed), Some(path)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: gen_logs SIZE_MB SEED OUT_FILE");
        std::process::exit(2);
    };
    let (Ok(mb), Ok(seed)) = (mb.parse::<f64>(), seed.parse::<u64>()) else {
        eprintln!("gen_logs: SIZE_MB and SEED must be numbers");
        std::process::exit(2);
    };
    let file = std::fs::File::create(path).unwrap_or_else(|e| {
        eprintln!("gen_logs: cannot write {path}: {e}");
        std::process::exit(2);
    });
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let size = (mb * 1_000_000.0) as u64;
    match generate(&mut w, size, seed, BLOCK).and_then(|t| w.flush().map(|()| t)) {
        Ok(truth) => println!("{}", truth.to_json()),
        Err(e) => {
            eprintln!("gen_logs: cannot write {path}: {e}");
            std::process::exit(2);
        }
    }
}
