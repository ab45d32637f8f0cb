//! The native CLI: inspects a file or standard input with the same core as the page, triages
//! whole logs (`triage`, in `tokenlens/triage.rs`) and exports the knowledge tables (`knowledge`).
//!
//! Exit codes: 0 when the report holds no error, 1 when it holds a finding of error severity (for
//! scripts), 2 for bad usage or an input that cannot be read (with a message naming it).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The CLI is a native program; the page is the `tokenlens-web` binary.
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "tokenlens/triage.rs"]
mod triage;

/// The CLI itself, compiled for native targets only (clap and getrandom are native dependencies).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use clap::{Args, Parser, Subcommand};
    use std::io::Read;
    use std::process::ExitCode;
    use std::time::{SystemTime, UNIX_EPOCH};
    use tokenlens::input::{file_text, unreadable_message, FileText};
    use tokenlens::report::Severity;

    /// Decodes and explains Microsoft identity tokens, certificates, auth headers and logs.
    ///
    /// `tokenlens FILE` is the same as `tokenlens inspect FILE`.
    #[derive(Parser)]
    #[command(name = "tokenlens", version, args_conflicts_with_subcommands = true)]
    struct Cli {
        #[command(subcommand)]
        command: Option<Command>,
        #[command(flatten)]
        inspect: InspectArgs,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Inspect a paste (a token, certificate, header, log excerpt ...) and print the report.
        Inspect(InspectArgs),
        /// Count every failed request of whole logs, grouped by code, status, endpoint, client and user.
        Triage(crate::triage::TriageArgs),
        /// Export the knowledge tables (codes, reasons, fixes, statuses, apps).
        Knowledge(KnowledgeArgs),
    }

    #[derive(Args)]
    #[group(required = true, multiple = false)]
    struct KnowledgeArgs {
        /// As KQL: a `datatable` per table plus functions that join them (Azure Monitor, ADX).
        #[arg(long)]
        kql: bool,
        /// As one CSV: table, key, name, meaning, fix, source.
        #[arg(long)]
        csv: bool,
        /// As JSON: one array of rows per table.
        #[arg(long)]
        json: bool,
    }

    #[derive(Args)]
    struct InspectArgs {
        /// Print the report as JSON instead of text.
        #[arg(long)]
        json: bool,
        /// A file of keys (certificates, JWKS, `secret:` lines) to verify token signatures with.
        #[arg(long, value_name = "FILE")]
        keys: Option<String>,
        /// Replace signatures, names, user names, email addresses, tenant and object ids and IP
        /// addresses by placeholders (`<upn-1>`), for a ticket or a public forum.
        #[arg(long)]
        redact: bool,
        /// Judge expiry against this Unix time instead of the clock.
        #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
        now: Option<i64>,
        /// The file to inspect; standard input when absent or `-`.
        #[arg(value_name = "FILE")]
        file: Option<String>,
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let result = match cli.command {
            Some(Command::Inspect(args)) => inspect(&args),
            Some(Command::Triage(args)) => crate::triage::run(&args),
            Some(Command::Knowledge(args)) => Ok(knowledge(&args)),
            None => inspect(&cli.inspect),
        };
        match result {
            Ok(code) => code,
            Err(message) => {
                eprintln!("tokenlens: {message}");
                ExitCode::from(2)
            }
        }
    }

    fn knowledge(args: &KnowledgeArgs) -> ExitCode {
        use tokenlens::export;
        if args.kql {
            write_out(&export::knowledge_kql());
        } else if args.csv {
            write_out(&export::knowledge_csv());
        } else {
            let json = serde_json::to_string_pretty(&export::knowledge_json()).unwrap_or_default();
            write_out(&format!("{json}\n"));
        }
        ExitCode::SUCCESS
    }

    /// Above this size `inspect` warns that the whole file is read and may take a while.
    const LARGE_INPUT: usize = 64 * 1024 * 1024;

    fn inspect(args: &InspectArgs) -> Result<ExitCode, String> {
        let text = read_input(args.file.as_deref())?;
        if text.len() > LARGE_INPUT {
            eprintln!(
                "tokenlens: {} is {} MB; inspecting all of it may take a while (`tokenlens triage` reads whole logs fast)",
                shown_name(args.file.as_deref()),
                text.len() / 1_000_000
            );
        }
        if text.trim().is_empty() {
            return Err(format!(
                "{} is empty: expected {}",
                shown_name(args.file.as_deref()),
                "a token, a certificate, a header, a log excerpt, an error body or PowerShell output"
            ));
        }
        let keys = match args.keys.as_deref() {
            Some(path) => read_input(Some(path))?,
            None => String::new(),
        };
        let ctx = tokenlens::Context {
            now: args.now.unwrap_or_else(clock),
            utc_offset_minutes: 0,
            random: random_bytes()?,
        };
        let mut report = tokenlens::inspect_whole_with_keys(&text, &keys, &ctx);
        if args.redact {
            report = tokenlens::redact::redact(&report, tokenlens::redact::Redaction::ALL);
        }
        if args.json {
            let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            write_out(&format!("{json}\n"));
        } else {
            write_out(&tokenlens::render::report_text(&report));
        }
        Ok(if report.worst() == Some(Severity::Error) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }

    fn clock() -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }

    /// Random bytes for key ids the report generates (keyCredential templates).
    fn random_bytes() -> Result<[u8; 16], String> {
        let mut random = [0u8; 16];
        getrandom::getrandom(&mut random).map_err(|e| format!("no random source: {e}"))?;
        Ok(random)
    }

    fn shown_name(path: Option<&str>) -> String {
        match path {
            None | Some("-") => "standard input".to_string(),
            Some(p) => p.to_string(),
        }
    }

    /// Writes to standard output; a closed pipe (`tokenlens … | head`) ends the program quietly.
    pub(crate) fn write_out(text: &str) {
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

    /// Reads a file, or standard input for `-` or no path, the way the page reads a dropped file.
    fn read_input(path: Option<&str>) -> Result<String, String> {
        let name = shown_name(path);
        let mut bytes = Vec::new();
        match path {
            None | Some("-") => std::io::stdin()
                .read_to_end(&mut bytes)
                .map(|_| ())
                .map_err(|e| format!("cannot read {name}: {e}"))?,
            Some(p) => bytes = std::fs::read(p).map_err(|e| format!("cannot read {name}: {e}"))?,
        }
        match file_text(&bytes) {
            FileText::Unreadable { what } => Err(unreadable_message(&name, what)),
            other => Ok(other.into_text().unwrap_or_default()),
        }
    }
}
