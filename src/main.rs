//! The `coquille` command line: parse arguments, call the library, render, exit.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use coquille::diagnostic::{Applicability, Severity};
use coquille::fix::{FixCounts, MAX_PASSES};
use coquille::render::{self, Format, Style};
use coquille::rules::{FixAvailability, Registry};
use coquille::settings::{Settings, Spacing};
use coquille::source::{Input, ReadError};
use coquille::{walk, write, FileError, FixedFile, Linter, Report};

/// A fast linter for French institutional texts (UN General Assembly resolutions).
#[derive(Parser)]
#[command(name = "coquille", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files and folders (folders recursively: *.txt, *.md); '-' reads stdin.
    Check(CheckArgs),
    /// List the rules: id, group, severity, fix, summary.
    Rules,
    /// Print a rule's explanation with a bad and a good example.
    Explain {
        /// The rule id (`coquille rules` lists them).
        id: String,
    },
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("apply").multiple(true)))]
struct CheckArgs {
    /// Files or folders to check (default: the current folder).
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
    /// Rules or groups to run (comma-separated; default: all).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rules or groups not to run (comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Spacing convention before `; : ! ?` and inside guillemets.
    #[arg(long, value_enum, default_value_t = Spacing::Nbsp)]
    spacing: Spacing,
    /// Apply the safe fixes in place, atomically, then report what remains.
    #[arg(long, group = "apply")]
    fix: bool,
    /// Print the fixes as a unified diff instead of writing them; exit 1 if there is any.
    #[arg(long, group = "apply")]
    diff: bool,
    /// With --fix or --diff: apply the unsafe fixes too.
    #[arg(long, requires = "apply")]
    unsafe_fixes: bool,
}

/// Exit code: usage, configuration or input error.
const EXIT_TROUBLE: u8 = 2;

/// Above this many files, `check` shows a progress bar (on a terminal).
const PROGRESS_FILES: usize = 300;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => list_rules(),
        Command::Explain { id } => explain(&id),
    };
    result.unwrap_or_else(|error| {
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("coquille: {error}");
        }
        ExitCode::from(EXIT_TROUBLE)
    })
}

fn check(args: CheckArgs) -> io::Result<ExitCode> {
    let stderr_style = Style {
        color: use_color(io::stderr().is_terminal()),
        width: 100,
    };
    let registry = Registry::builtin();
    let selected = match registry.select(&args.select, &args.ignore) {
        Ok(selected) => selected,
        Err(error) => {
            render::write_error(&error, stderr_style, &mut io::stderr())?;
            return Ok(ExitCode::from(EXIT_TROUBLE));
        }
    };
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(io::Error::other)?;
    }
    let paths = if args.paths.is_empty() {
        vec![".".to_owned()]
    } else {
        args.paths
    };
    let (inputs, failures) = walk::collect_inputs(&paths);
    let settings = Settings {
        spacing: args.spacing,
        ..Settings::default()
    };
    let linter = Linter::new(selected, settings);
    let allowed = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if args.diff {
        return diff(&linter, &inputs, failures, allowed, stderr_style);
    }
    if args.fix {
        return fix(
            &linter,
            &inputs,
            failures,
            allowed,
            args.format,
            stderr_style,
        );
    }
    let bar = progress_bar(inputs.len());
    let report = Report::check_with(&linter, &inputs, failures, &|| {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    write_report(&report, args.format, None, false)?;
    write_failures(&report.failures, stderr_style)?;
    Ok(ExitCode::from(exit_code(&report)))
}

/// `--fix`: writes the fixed files (stdin's fixed text goes to stdout, and then the report
/// to stderr), reports the findings that remain and counts the fixes.
fn fix(
    linter: &Linter,
    inputs: &[Input],
    failures: Vec<ReadError>,
    allowed: Applicability,
    format: Format,
    stderr_style: Style,
) -> io::Result<ExitCode> {
    let (fixed, mut failures) = fix_inputs(linter, inputs, failures, allowed);
    let mut applied = FixCounts::default();
    let mut hidden = 0;
    let mut files = Vec::with_capacity(fixed.len());
    for file in fixed {
        warn_if_unfinished(&file);
        match &file.input {
            Input::Stdin => {
                let mut stdout = io::stdout().lock();
                stdout.write_all(file.outcome.text.as_bytes())?;
                stdout.flush()?;
            }
            Input::Path(path) if file.changed() => {
                if let Err(error) = write::write_atomically(path, &file.outcome.text) {
                    failures.push(error.into());
                    continue;
                }
            }
            Input::Path(_) => {}
        }
        applied.merge(&file.outcome.applied);
        hidden += hidden_fixes(&file, allowed);
        files.push(file.into_report());
    }
    let report = Report { files, failures };
    let line = render::fixes_applied_line(&applied, hidden);
    write_report(&report, format, Some(&line), inputs.contains(&Input::Stdin))?;
    write_failures(&report.failures, stderr_style)?;
    Ok(ExitCode::from(exit_code(&report)))
}

/// `--diff`: prints what `--fix` would write; exits 1 when that is anything.
fn diff(
    linter: &Linter,
    inputs: &[Input],
    failures: Vec<ReadError>,
    allowed: Applicability,
    stderr_style: Style,
) -> io::Result<ExitCode> {
    let (fixed, failures) = fix_inputs(linter, inputs, failures, allowed);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut applied = FixCounts::default();
    let mut hidden = 0;
    for file in &fixed {
        warn_if_unfinished(file);
        let (name, old, new) = (&file.original.name, &file.original.text, &file.outcome.text);
        render::write_diff(name, old, new, &mut out)?;
        applied.merge(&file.outcome.applied);
        hidden += hidden_fixes(file, allowed);
    }
    out.flush()?;
    eprintln!("{}", render::fixes_diffed_line(&applied, hidden));
    write_failures(&failures, stderr_style)?;
    let code = if !failures.is_empty() {
        EXIT_TROUBLE
    } else {
        u8::from(fixed.iter().any(FixedFile::changed))
    };
    Ok(ExitCode::from(code))
}

/// Fixes `inputs` in memory; the files come sorted by name, the failures after `failures`.
fn fix_inputs(
    linter: &Linter,
    inputs: &[Input],
    failures: Vec<ReadError>,
    allowed: Applicability,
) -> (Vec<FixedFile>, Vec<FileError>) {
    let mut failures: Vec<FileError> = failures.into_iter().map(FileError::from).collect();
    let mut fixed = Vec::with_capacity(inputs.len());
    for result in linter.fix_inputs(inputs, allowed) {
        match result {
            Ok(file) => fixed.push(file),
            Err(error) => failures.push(error.into()),
        }
    }
    fixed.sort_by(|a, b| a.original.name.cmp(&b.original.name));
    (fixed, failures)
}

/// The unsafe fixes left on a file fixed without `--unsafe-fixes`, to mention them.
fn hidden_fixes(file: &FixedFile, allowed: Applicability) -> usize {
    match allowed {
        Applicability::Safe => file.outcome.fixable(Applicability::Unsafe),
        Applicability::Unsafe => 0,
    }
}

fn warn_if_unfinished(file: &FixedFile) {
    if !file.outcome.converged {
        eprintln!(
            "coquille: {}: fixes still apply after {MAX_PASSES} passes; stopped there, \
             keeping the fixes made so far",
            file.original.name
        );
    }
}

/// Writes `report` on stdout, or on stderr when stdout carries a fixed text; then `fixes`,
/// the count of fixes, after it (on stderr when the report is JSON, so stdout stays JSON).
fn write_report(
    report: &Report,
    format: Format,
    fixes: Option<&str>,
    on_stderr: bool,
) -> io::Result<()> {
    let (mut out, is_terminal): (Box<dyn Write>, bool) = if on_stderr {
        (Box::new(io::stderr().lock()), io::stderr().is_terminal())
    } else {
        let stdout = io::stdout();
        let is_terminal = stdout.is_terminal();
        (Box::new(BufWriter::new(stdout.lock())), is_terminal)
    };
    let style = Style {
        color: use_color(is_terminal),
        width: terminal_width(),
    };
    render::write_report(report, format, style, &mut out)?;
    match fixes {
        Some(line) if format == Format::Json && !on_stderr => eprintln!("{line}"),
        Some(line) => writeln!(out, "{line}")?,
        None => {}
    }
    out.flush()
}

fn write_failures(failures: &[FileError], style: Style) -> io::Result<()> {
    for failure in failures {
        render::write_error(failure, style, &mut io::stderr())?;
    }
    Ok(())
}

fn exit_code(report: &Report) -> u8 {
    if !report.failures.is_empty() {
        EXIT_TROUBLE
    } else if report.count(Severity::Error) > 0 {
        1
    } else {
        0
    }
}

/// A progress bar on stderr for more than [`PROGRESS_FILES`] files, when stderr is a
/// terminal: a long run shows it is alive; a pipe or a log gets nothing.
fn progress_bar(files: usize) -> Option<ProgressBar> {
    (files > PROGRESS_FILES && io::stderr().is_terminal()).then(|| {
        ProgressBar::new(files as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} fichiers ({eta})")
                .expect("a valid template"),
        )
    })
}

fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn list_rules() -> io::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "{:<24} {:<12} {:<8} {:<7} summary",
        "id", "group", "severity", "fix"
    )?;
    for rule in Registry::builtin().rules() {
        let meta = rule.meta();
        writeln!(
            out,
            "{:<24} {:<12} {:<8} {:<7} {}",
            meta.id,
            meta.group,
            meta.severity,
            meta.fix.as_str(),
            meta.summary
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> io::Result<ExitCode> {
    let registry = Registry::builtin();
    let Some(rule) = registry.find(id) else {
        eprintln!("coquille: unknown rule `{id}`; `coquille rules` lists them");
        return Ok(ExitCode::from(EXIT_TROUBLE));
    };
    let meta = rule.meta();
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "# {}\n", meta.id)?;
    writeln!(out, "{}\n", meta.summary)?;
    let fix = match meta.fix {
        FixAvailability::None => "none",
        FixAvailability::Safe => "safe",
        FixAvailability::Unsafe => "unsafe (--unsafe-fixes)",
    };
    writeln!(
        out,
        "Group: {} · Default severity: {} · Fix: {fix}\n",
        meta.group, meta.severity
    )?;
    writeln!(out, "{}\n", meta.explanation)?;
    writeln!(out, "### Examples")?;
    for example in meta.examples {
        writeln!(out, "\nFlagged:\n{}", indent(example.bad))?;
        writeln!(out, "Not flagged:\n{}", indent(example.good))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect()
}
