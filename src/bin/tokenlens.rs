//! The native CLI: inspects a file or standard input with the same core as the page.

use std::io::Read;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage: tokenlens [--json] [--keys FILE] [--now UNIX_SECONDS] [FILE|-]\n\
Inspects a paste (a token, certificate, header, log excerpt ...) and prints the report.\n\
  --json        print the report as JSON instead of text\n\
  --keys FILE   a file of keys (certificates, JWKS, secrets) to verify token signatures with\n\
  --now SECS    judge expiry against this Unix time instead of the clock\n\
With no FILE, or FILE '-', reads standard input.";

fn main() {
    let mut json = false;
    let mut keys_path: Option<String> = None;
    let mut now: Option<i64> = None;
    let mut input_path: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--keys" => keys_path = args.next(),
            "--now" => now = args.next().and_then(|v| v.parse().ok()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            other if input_path.is_none() => input_path = Some(other.to_string()),
            _ => {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
        }
    }
    let text = match read_input(input_path.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tokenlens: cannot read input: {e}");
            std::process::exit(2);
        }
    };
    let keys = match keys_path.as_deref().map(|p| read_input(Some(p))) {
        Some(Ok(k)) => k,
        Some(Err(e)) => {
            eprintln!("tokenlens: cannot read keys: {e}");
            std::process::exit(2);
        }
        None => String::new(),
    };
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let mut random = [0u8; 16];
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    for (i, b) in random.iter_mut().enumerate() {
        *b = (nanos >> ((i % 8) * 8)) as u8 ^ (std::process::id() as u8).wrapping_mul(i as u8 + 1);
    }
    let ctx = tokenlens::Context {
        now: now.unwrap_or(clock),
        utc_offset_minutes: 0,
        random,
    };
    let report = tokenlens::inspect_with_keys(&text, &keys, &ctx);
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(s) => write_out(&format!("{s}\n")),
            Err(e) => {
                eprintln!("tokenlens: {e}");
                std::process::exit(1);
            }
        }
    } else {
        write_out(&tokenlens::render::report_text(&report));
    }
}

/// Writes to standard output; a closed pipe (`tokenlens … | head`) ends the program quietly.
fn write_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

/// Reads a file, or standard input for `-` or no path; binary files are passed on as base64.
fn read_input(path: Option<&str>) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => {
            std::io::stdin().read_to_end(&mut bytes)?;
        }
        Some(p) => bytes = std::fs::read(p)?,
    }
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => tokenlens::text::b64std(e.as_bytes()),
    })
}
