//! A resolution of about 1 GB, generated in a temporary folder (never committed): the binary
//! checks it without a panic, in memory bounded by a few times the file, and finds a fault
//! near its end at its exact line and column; `--fix` rewrites it whole.
//!
//! Too slow for every `cargo test`: `scripts/huge_file.sh` runs it in release mode
//! (`cargo test --release --test huge_file -- --ignored --nocapture`) and prints the figures.

// The test needs only the long resolution of the corpus generator.
#[allow(dead_code)]
#[path = "../examples/corpus/mod.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Output};
use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

use corpus::long_resolution;

/// The size of the generated resolution.
const BYTES: usize = 1_000_000_000;

/// Peak memory allowed to a check, in multiples of the file's size: a bound on pathological
/// growth, not a benchmark (measured: 2.8×).
const MAX_CHECK_RSS_PER_BYTE: usize = 4;

/// Peak memory allowed to `--fix`, which holds the text as read and as fixed (measured: 4.4×).
const MAX_FIX_RSS_PER_BYTE: usize = 6;

/// The bytes at the end of the file where a doubled space is put in, then must be fixed.
const END: usize = 20_000;

/// Where the doubled space put in near the end must be found.
struct Expected {
    offset: usize,
    line: usize,
    column: usize,
}

#[test]
#[ignore = "writes a 1 GB file; run by scripts/huge_file.sh"]
fn a_one_gigabyte_resolution_is_checked_and_fixed_in_bounded_memory() {
    let folder = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = folder.path().join("huge.txt");
    let (expected, injected, size) = write_resolution(&path);

    let (output, rss) = run(&["check", "--format", "json"], &path, size);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let findings = report["diagnostics"].as_array().unwrap();
    let doubled = findings
        .iter()
        .find(|d| d["rule"] == "whitespace" && d["offset"] == expected.offset)
        .expect("the doubled space near the end is found");
    assert_eq!(
        (doubled["line"].as_u64(), doubled["column"].as_u64()),
        (Some(expected.line as u64), Some(expected.column as u64))
    );
    let found: BTreeSet<(&str, u64)> = findings
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["offset"].as_u64().unwrap()))
        .collect();
    let missed: Vec<_> = injected.iter().filter(|f| !found.contains(f)).collect();
    assert_eq!(missed, [] as [&(&str, u64); 0], "injected faults not found");
    assert!(rss <= MAX_CHECK_RSS_PER_BYTE * size, "peak RSS {rss} bytes");

    let (output, rss) = run(&["check", "--fix", "--format", "concise"], &path, size);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    let left: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left beside the fixed one");
    let fixed = fs::read(&path).unwrap();
    let end = &fixed[fixed.len() - END..];
    assert!(
        !end.windows(2).any(|w| w == b"  "),
        "the doubled space is fixed"
    );
    assert!(rss <= MAX_FIX_RSS_PER_BYTE * size, "peak RSS {rss} bytes");
}

/// Writes the long resolution at `path` with one more space after a space near its end;
/// returns where that doubled space is, the other injected faults (rule, offset) and the size.
fn write_resolution(path: &Path) -> (Expected, Vec<(&'static str, u64)>, usize) {
    let started = Instant::now();
    let document = long_resolution(1, BYTES);
    let mut text = document.text;
    let space = text.rfind(" de ").unwrap();
    assert!(text.len() - space < END, "the last ` de ` is near the end");
    text.insert(space + 1, ' ');
    let line_start = text[..space].rfind('\n').map_or(0, |at| at + 1);
    let expected = Expected {
        offset: space,
        line: newlines(&text[..space]) + 1,
        column: text[line_start..space].graphemes(true).count() + 1,
    };
    let injected = document
        .faults
        .iter()
        .map(|f| {
            let offset = if f.offset > space {
                f.offset + 1
            } else {
                f.offset
            };
            (f.rule, offset as u64)
        })
        .collect();
    fs::write(path, &text).unwrap();
    eprintln!(
        "generated {:.0} MB in {:.1} s",
        text.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    (expected, injected, text.len())
}

fn newlines(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// Runs the binary with `args` then `path`, its stdout and stderr in files; returns its
/// output and its peak RSS in bytes, and prints its wall time, throughput and peak RSS.
fn run(args: &[&str], path: &Path, size: usize) -> (Output, usize) {
    let streams = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let (out, err) = (streams.path().join("out"), streams.path().join("err"));
    forget_own_peak_rss();
    let started = Instant::now();
    // `wait` reaps the child with wait4, to read its own peak RSS.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_coquille"))
        .args(args)
        .arg(path)
        .stdout(fs::File::create(&out).unwrap())
        .stderr(fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let (status, rss) = wait(child.id());
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "coquille {}: {seconds:.1} s, {:.0} MB/s, peak RSS {} MB ({:.2}× the file)",
        args.join(" "),
        size as f64 / 1e6 / seconds,
        rss / 1_000_000,
        rss as f64 / size as f64
    );
    let output = Output {
        status,
        stdout: fs::read(out).unwrap(),
        stderr: fs::read(err).unwrap(),
    };
    (output, rss)
}

/// Lowers this process's peak RSS to what it holds now, having given back the memory it
/// freed: Linux counts the parent's peak into a child's when the child starts a program, and
/// the generator's peak would pass for coquille's.
fn forget_own_peak_rss() {
    // SAFETY: malloc_trim only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
    fs::write("/proc/self/clear_refs", "5").expect("a Linux /proc");
}

/// Waits for the child process `pid`; returns how it ended and its peak RSS in bytes.
fn wait(pid: u32) -> (ExitStatus, usize) {
    let pid = libc::pid_t::try_from(pid).unwrap();
    let mut status = 0;
    // SAFETY: wait4 only writes into the status and the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        usage
    };
    let rss = usize::try_from(usage.ru_maxrss).unwrap() * 1024;
    (ExitStatus::from_raw(status), rss)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
