//! `tokenlens triage PATH...`: reads files, folders, globs, `.zip` and `.gz` archives in chunks,
//! feeds them to the core's streaming triage (two threads for a large plain file, split at a line
//! boundary), and prints the summary as text, JSON, CSV or one NDJSON record per failed request.

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tokenlens::input::{binary_format, unreadable_message, Utf8Chunks};
use tokenlens::report::Severity;
use tokenlens::triage::split::{self, SecondHalf};
use tokenlens::triage::{self, Options, Summary, Triage};

/// The size of one read.
const CHUNK: usize = 1 << 20;
/// The page size that read buffers are placed by (see `ReadBuf`).
const PAGE: usize = 4096;
/// How much of the start of a file is searched for the header its second half is read with.
const MAX_HEADER: u64 = split::HEAD as u64;

#[derive(Args)]
pub struct TriageArgs {
    /// Print the summary as JSON.
    #[arg(long, conflicts_with_all = ["csv", "ndjson"])]
    json: bool,
    /// Print the groups as CSV.
    #[arg(long, conflicts_with = "ndjson")]
    csv: bool,
    /// Print one JSON record per failed request (for loading elsewhere) instead of the summary.
    #[arg(long)]
    ndjson: bool,
    /// Only requests at or after this time (`2024-05-02`, `2024-05-02 10:00`, `2024-05-02T10:00:00`).
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    /// Only requests at or before this time (a date alone means to its end).
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    /// Threads for a large plain file (1 reads it in one pass).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    threads: u8,
    /// The size from which a plain file is split between the threads (for tests).
    #[arg(long, hide = true, default_value_t = split::SPLIT_MIN)]
    split_min: u64,
    /// Log files, folders (read recursively), globs, `.zip` and `.gz` archives.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
}

/// Where the output goes and what is kept while reading.
struct Run {
    options: Options,
    threads: u8,
    split_min: u64,
    progress: ProgressBar,
    ndjson: Option<std::io::BufWriter<std::io::Stdout>>,
}

pub fn run(args: &TriageArgs) -> Result<ExitCode, String> {
    let time = |flag: &str, value: &Option<String>, end: bool| {
        match value {
        None => Ok(None),
        Some(v) => triage::normalise_time(v, end).map(Some).ok_or_else(|| {
            format!("{flag} {v:?}: expected a time like 2024-05-02, 2024-05-02 10:00 or 2024-05-02T10:00:00")
        }),
    }
    };
    let options = Options {
        since: time("--since", &args.since, false)?,
        until: time("--until", &args.until, true)?,
        keep_failures: args.ndjson,
    };
    let files = expand(&args.paths)?;
    let total: u64 = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta} left {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut run = Run {
        options,
        threads: args.threads,
        split_min: args.split_min,
        progress,
        ndjson: args
            .ndjson
            .then(|| std::io::BufWriter::new(std::io::stdout())),
    };
    let mut summary = Summary::default();
    for file in &files {
        summary.merge(run.file(file)?);
    }
    run.progress.finish_and_clear();
    if let Some(mut out) = run.ndjson.take() {
        if out.flush().is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    } else if args.json {
        let mut json = summary.to_json();
        json["inputs"] = files.iter().map(|f| f.display().to_string()).collect();
        let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
        crate::native::write_out(&format!("{text}\n"));
    } else if args.csv {
        crate::native::write_out(&triage::summary_csv(&summary));
    } else {
        let inputs = match files.len() {
            1 => files[0].display().to_string(),
            n => format!("{n} files"),
        };
        crate::native::write_out(&format!(
            "tokenlens triage of {inputs}\n{}",
            triage::summary_text(&summary)
        ));
    }
    Ok(if summary.worst() == Some(Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The files behind the paths: files as named, folders read recursively (sorted), globs expanded.
fn expand(paths: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            walk(path, &mut out).map_err(|e| format!("cannot read the folder {p}: {e}"))?;
        } else if path.exists() {
            out.push(path.to_path_buf());
        } else if p.contains(['*', '?', '[']) {
            let matches = glob::glob(p).map_err(|e| format!("bad pattern {p}: {e}"))?;
            let before = out.len();
            for m in matches.flatten() {
                if m.is_dir() {
                    walk(&m, &mut out)
                        .map_err(|e| format!("cannot read the folder {}: {e}", m.display()))?;
                } else {
                    out.push(m);
                }
            }
            if out.len() == before {
                return Err(format!("no file matches {p}"));
            }
        } else {
            return Err(format!("cannot read {p}: no such file or folder"));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out)?;
        } else {
            out.push(e);
        }
    }
    Ok(())
}

/// A read buffer of `CHUNK` bytes whose start sits at the same offset within a 4 KB page as the
/// file position it is first filled from (reads of whole chunks keep it so). The kernel copies
/// from page-cache pages, and on this machine's AMD cores that copy ran 2.5 times slower into a
/// buffer 16 bytes past a page start (where the allocator puts a large `Vec`): 0.25 s instead of
/// 0.1 s of system time for 500 MB.
struct ReadBuf {
    buf: Vec<u8>,
    at: usize,
}

impl ReadBuf {
    fn new(file_pos: u64) -> ReadBuf {
        let buf = vec![0u8; CHUNK + PAGE];
        let page_start = buf.as_ptr().align_offset(PAGE) % PAGE;
        let in_page = usize::try_from(file_pos % PAGE as u64).unwrap_or(0);
        ReadBuf {
            buf,
            at: (page_start + in_page) % PAGE,
        }
    }

    /// The `CHUNK` bytes to read into.
    fn space(&mut self) -> &mut [u8] {
        let at = self.at;
        self.buf.get_mut(at..at + CHUNK).unwrap_or_default()
    }

    /// The first `n` bytes read.
    fn filled(&self, n: usize) -> &[u8] {
        self.buf.get(self.at..self.at + n).unwrap_or_default()
    }
}

impl Run {
    /// Triage of one file: by its first bytes a gzip stream, a zip archive, a binary format
    /// (refused, naming it) or text.
    fn file(&mut self, path: &Path) -> Result<Summary, String> {
        let name = path.display().to_string();
        let cannot = |e: std::io::Error| format!("cannot read {name}: {e}");
        let file = File::open(path).map_err(cannot)?;
        let size = file.metadata().map_err(cannot)?.len();
        let mut reader = BufReader::with_capacity(CHUNK, file);
        let head = reader
            .fill_buf()
            .map_err(cannot)?
            .get(..8)
            .map(<[u8]>::to_vec);
        let head = head.unwrap_or_else(|| reader.buffer().to_vec());
        if head.starts_with(b"\x1f\x8b") {
            let s = self.stream(&name, flate2::read::MultiGzDecoder::new(reader), false)?;
            self.progress.inc(size);
            return Ok(s);
        }
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            let s = self.zip(&name, reader.into_inner())?;
            self.progress.inc(size);
            return Ok(s);
        }
        if let Some(what) = binary_format(&head) {
            return Err(unreadable_message(&name, what));
        }
        let utf16 = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
        if self.threads > 1 && size >= self.split_min && !utf16 && self.ndjson.is_none() {
            return self.split(path, &name, size);
        }
        self.stream(&name, reader, true)
    }

    /// Every file of a zip archive (a `.gz` inside is unpacked too).
    fn zip(&mut self, name: &str, file: File) -> Result<Summary, String> {
        let mut archive = zip::ZipArchive::new(file)
            .map_err(|e| format!("cannot read {name} as a zip archive: {e}"))?;
        let mut summary = Summary::default();
        for i in 0..archive.len() {
            let entry = archive
                .by_index(i)
                .map_err(|e| format!("cannot read entry {i} of {name}: {e}"))?;
            if entry.is_dir() {
                continue;
            }
            let origin = format!("{name}!{}", entry.name());
            let s = if entry.name().ends_with(".gz") {
                self.stream(&origin, flate2::read::MultiGzDecoder::new(entry), false)?
            } else {
                self.stream(&origin, entry, false)?
            };
            summary.merge(s);
        }
        Ok(summary)
    }

    /// Reads a stream in chunks through the encoding decoder into a triage run.
    fn stream(
        &mut self,
        origin: &str,
        mut reader: impl Read,
        count: bool,
    ) -> Result<Summary, String> {
        let mut t = Triage::new(origin, self.options.clone());
        let mut decoder = Utf8Chunks::default();
        // A plain file is read on from its first chunk (taken by the caller's `BufReader`).
        let mut buf = ReadBuf::new(0);
        loop {
            let n = match reader.read(buf.space()) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(format!("cannot read {origin}: {e}")),
            };
            if decoder.encoding().is_none() {
                if let Some(what) = binary_format(buf.filled(n)) {
                    return Err(unreadable_message(origin, what));
                }
            }
            t.feed(decoder.push(buf.filled(n)));
            if count {
                self.progress.inc(n as u64);
            }
            self.write_records(origin, &mut t);
        }
        t.feed(&decoder.finish());
        t.flush();
        self.write_records(origin, &mut t);
        Ok(t.finish())
    }

    fn write_records(&mut self, origin: &str, t: &mut Triage) {
        let Some(out) = self.ndjson.as_mut() else {
            return;
        };
        for f in t.take_failures() {
            let mut v = serde_json::to_value(&f).unwrap_or_default();
            v["file"] = origin.into();
            if writeln!(out, "{v}").is_err() {
                std::process::exit(0);
            }
        }
    }

    /// Two threads over the two halves of a large plain file. The second half starts at a line
    /// boundary and is read with the file's first `#Fields` line until its own first header; if
    /// the first half ends under another header, those lines are read again with it. Line
    /// numbers of the second half follow the first's.
    fn split(&mut self, path: &Path, name: &str, size: u64) -> Result<Summary, String> {
        let cannot = |e: std::io::Error| format!("cannot read {name}: {e}");
        let Some(guess) = first_header(path).map_err(cannot)? else {
            let file = File::open(path).map_err(cannot)?;
            return self.stream(name, BufReader::with_capacity(CHUNK, file), true);
        };
        let cut = line_boundary_after(path, size / 2).map_err(cannot)?;
        let options = self.options.clone();
        let progress = self.progress.clone();
        let (first, second) = std::thread::scope(|scope| {
            let a = scope.spawn(|| first_part(path, name, cut, &options, &progress));
            let b = scope.spawn(|| second_part(path, name, cut, size, &guess, &options, &progress));
            (a.join(), b.join())
        });
        let (Ok(first), Ok(second)) = (first, second) else {
            return Err(format!("reading {name} failed"));
        };
        let (summary, in_force) = first.map_err(cannot)?;
        let (mut prefix, prefix_len, rest) = second.map_err(cannot)?;
        if split::needs_reread(in_force.as_deref(), &guess) {
            // The first half ended under another header: read the lines before the second
            // half's own first header again with it.
            let again = reread(path, name, cut, prefix_len, in_force.as_deref(), &options);
            prefix = again.map_err(cannot)?;
        }
        let summary = split::join(summary, prefix, rest);
        Ok(summary)
    }
}

/// Triage of the first `len` bytes of a file; returns the summary and the header in force at
/// its end.
fn first_part(
    path: &Path,
    name: &str,
    len: u64,
    options: &Options,
    progress: &ProgressBar,
) -> std::io::Result<(Summary, Option<Vec<u8>>)> {
    let mut reader = File::open(path)?.take(len);
    let mut t = Triage::new(name, options.clone());
    let mut buf = ReadBuf::new(0);
    loop {
        let n = reader.read(buf.space())?;
        if n == 0 {
            break;
        }
        t.feed(buf.filled(n));
        progress.inc(n as u64);
    }
    let header = t.header().map(<[u8]>::to_vec);
    Ok((t.finish(), header))
}

/// What the second half gives: the summary of its lines before its first header (read with the
/// guessed header), how many bytes they take, and the summary of the rest (if it has a header).
type SecondPart = (Summary, u64, Option<Summary>);

/// Triage of a file from `start` to `end`: with the guessed header up to the first header line,
/// then in a second run from that line on.
fn second_part(
    path: &Path,
    name: &str,
    start: u64,
    end: u64,
    guess: &[u8],
    options: &Options,
    progress: &ProgressBar,
) -> std::io::Result<SecondPart> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut reader = file.take(end - start);
    let mut half = SecondHalf::new(name, guess, options.clone());
    let mut buf = ReadBuf::new(start);
    loop {
        let n = reader.read(buf.space())?;
        if n == 0 {
            break;
        }
        half.feed(buf.filled(n));
        progress.inc(n as u64);
    }
    let r = half.finish();
    Ok((r.prefix, r.prefix_len, r.rest))
}

/// Reads the second half's first lines (`len` bytes from `start`, up to its first header) again
/// with the header that is really in force there.
fn reread(
    path: &Path,
    name: &str,
    start: u64,
    len: u64,
    header: Option<&[u8]>,
    options: &Options,
) -> std::io::Result<Summary> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut reader = file.take(len);
    let mut t = split::reread(name, header, options.clone());
    let mut buf = ReadBuf::new(start);
    loop {
        let n = reader.read(buf.space())?;
        if n == 0 {
            break;
        }
        t.feed_until_header(buf.filled(n));
    }
    Ok(t.finish())
}

/// The header the second half is read with (`split::guess_header` of the file's first 64 KB).
fn first_header(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let mut head = Vec::new();
    File::open(path)?.take(MAX_HEADER).read_to_end(&mut head)?;
    Ok(split::guess_header(&head))
}

/// The offset just after the first newline at or after `at` (the end of the file if none).
fn line_boundary_after(path: &Path, at: u64) -> std::io::Result<u64> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(at))?;
    let mut reader = BufReader::with_capacity(CHUNK, file);
    let mut skipped = Vec::new();
    let n = reader.read_until(b'\n', &mut skipped)?;
    Ok(at + n as u64)
}
