//! The `coquille` command line: parse arguments, call the library, render, exit.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use coquille::baseline::Baseline;
use coquille::config::Config;
use coquille::diagnostic::{Applicability, Severity};
use coquille::encoding::InputEncoding;
use coquille::fix::{FixCounts, MAX_PASSES};
use coquille::output_dir::OutputDir;
use coquille::render::{
    self, CleaningSummary, FileStream, Format, JsonWriter, JsonlWriter, Options, Style,
};
use coquille::rules::pack::{Pack, PackError};
use coquille::rules::{FixAvailability, Registry};
use coquille::settings::{Settings, Spacing};
use coquille::source::{Input, ReadError, SourceFile};
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
    Rules(PackArgs),
    /// Print a rule's explanation with a bad and a good example.
    Explain {
        /// The rule id (`coquille rules` lists them).
        id: String,
        #[command(flatten)]
        packs: PackArgs,
    },
    /// Print a shell's completion script for coquille.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(clap::Args)]
struct PackArgs {
    /// An extra rule pack: a TOML file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
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
    /// Spacing convention before `; : ! ?` and inside guillemets [default: nbsp].
    #[arg(long, value_enum)]
    spacing: Option<Spacing>,
    /// Apply the safe fixes in place, atomically, then report what remains.
    #[arg(long, group = "apply")]
    fix: bool,
    /// Print the fixes as a unified diff instead of writing them; exit 1 if there is any.
    #[arg(long, group = "apply")]
    diff: bool,
    /// With --fix or --diff: apply the unsafe fixes too.
    #[arg(long, requires = "apply")]
    unsafe_fixes: bool,
    #[command(flatten)]
    packs: PackArgs,
    /// With --fix: write fixed copies (UTF-8) under DIR, mirroring the folders checked,
    /// instead of fixing in place; then a summary of the cleaning.
    #[arg(long, value_name = "DIR", requires = "fix", conflicts_with = "diff")]
    output_dir: Option<PathBuf>,
    /// How to decode the inputs: auto detects the encoding of a file that is not UTF-8.
    #[arg(long, value_enum, default_value_t = InputEncoding::Utf8)]
    encoding: InputEncoding,
    /// A coquille.toml other than the one found in the current folder or a parent.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only the findings not recorded in FILE (written with --write-baseline).
    #[arg(long, value_name = "FILE", conflicts_with = "apply")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE, then exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["apply", "baseline"])]
    write_baseline: Option<PathBuf>,
    /// After the report, the count of each rule (in the document for json and jsonl).
    #[arg(long)]
    statistics: bool,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The path to report for standard input ('-').
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

/// How the findings of a run are written, and what fails it.
struct Reporting<'a> {
    format: Format,
    statistics: bool,
    deny_warnings: bool,
    registry: &'a Registry,
}

/// Exit code: usage, configuration or input error.
const EXIT_TROUBLE: u8 = 2;

/// Above this many files, `check` shows a progress bar (on a terminal).
const PROGRESS_FILES: usize = 300;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(packs) => list_rules(&packs),
        Command::Explain { id, packs } => explain(&id, &packs),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "coquille", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|error| {
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("coquille: {error}");
        }
        ExitCode::from(EXIT_TROUBLE)
    })
}

/// How errors about the command line and its inputs are drawn on stderr.
fn stderr_style() -> Style {
    Style {
        color: use_color(io::stderr().is_terminal()),
        width: 100,
    }
}

/// Reports a usage or configuration error; the run exits 2.
fn trouble(error: &dyn miette::Diagnostic) -> io::Result<ExitCode> {
    render::write_error(error, stderr_style(), &mut io::stderr())?;
    Ok(ExitCode::from(EXIT_TROUBLE))
}

/// The built-in rules and those of the packs given with `--rules`.
/// The coquille.toml in effect (`explicit`, or the one found from the current folder up) and
/// the registry with its packs and `extra_packs`; a bad file is reported and the run exits 2.
fn load(
    explicit: Option<&Path>,
    extra_packs: &[PathBuf],
) -> io::Result<Result<(Option<Config>, Registry), ExitCode>> {
    let config = match Config::find(explicit, &std::env::current_dir()?) {
        Ok(config) => config,
        Err(error) => return trouble(&error).map(Err),
    };
    let config_packs = config.as_ref().map(Config::packs).unwrap_or_default();
    match registry_with(&[config_packs, extra_packs.to_vec()].concat()) {
        Ok(registry) => Ok(Ok((config, registry))),
        Err(error) => trouble(&error).map(Err),
    }
}

/// The built-in rules and those of the packs at `paths`.
fn registry_with(paths: &[PathBuf]) -> Result<Registry, PackError> {
    let mut registry = Registry::builtin();
    for path in paths {
        for pack in Pack::read(path)? {
            registry.add_pack(&pack)?;
        }
    }
    Ok(registry)
}

fn check(args: CheckArgs) -> io::Result<ExitCode> {
    let stderr_style = stderr_style();
    let (config, registry) = match load(args.config.as_deref(), &args.packs.rules)? {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let rule_config = match config.as_ref().map(|c| c.rules(&registry)).transpose() {
        Ok(rule_config) => rule_config.unwrap_or_default(),
        Err(error) => return trouble(&error),
    };
    // The command line overrides the file, option by option.
    let or_config = |given: Vec<String>, from_file: fn(&Config) -> Vec<String>| match &config {
        Some(config) if given.is_empty() => from_file(config),
        _ => given,
    };
    let select = or_config(args.select, Config::select);
    let ignore = or_config(args.ignore, Config::ignore);
    let selected = match registry.select(&select, &ignore) {
        Ok(selected) => selected,
        Err(error) => return trouble(&error),
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
    let (inputs, failures) = match &config {
        Some(config) => walk::collect_inputs_except(&paths, &|p| config.exclude().is_match(p)),
        None => walk::collect_inputs(&paths),
    };
    let settings = Settings {
        spacing: (args.spacing)
            .or_else(|| config.as_ref()?.spacing())
            .unwrap_or_default(),
        apostrophe: config
            .as_ref()
            .and_then(Config::apostrophe)
            .unwrap_or_default(),
    };
    let mut linter = Linter::new(selected, settings)
        .with_encoding(args.encoding)
        .with_rule_config(rule_config);
    if let Some(name) = args.stdin_filename {
        linter = linter.with_stdin_name(name);
    }
    let reporting = Reporting {
        format: args.format,
        statistics: args.statistics,
        deny_warnings: args.deny_warnings,
        registry: &registry,
    };
    let allowed = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if args.diff {
        return diff(&linter, &inputs, failures, allowed, stderr_style);
    }
    if args.fix {
        let output = args.output_dir.map(|dir| OutputDir::new(dir, &paths));
        return fix(
            &linter,
            &inputs,
            failures,
            allowed,
            &reporting,
            stderr_style,
            output,
        );
    }
    let baselined = args.baseline.is_some() || args.write_baseline.is_some();
    if matches!(args.format, Format::Json | Format::Jsonl) && !baselined {
        return stream(&linter, &inputs, failures, &reporting, stderr_style);
    }
    let bar = progress_bar(inputs.len());
    let mut report = Report::check_with(&linter, &inputs, failures, &|| {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    note_detected_encodings(report.files.iter().map(|f| &f.file));
    report.skipped.iter().for_each(note_skipped);
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::record(&report);
        if let Err(error) = baseline.write(path) {
            return trouble(&error);
        }
        let count = baseline.len();
        let findings = if count == 1 { "finding" } else { "findings" };
        eprintln!(
            "coquille: {count} {findings} recorded in {}",
            path.display()
        );
        write_failures(&report.failures, stderr_style)?;
        let failures_only = Report {
            files: Vec::new(),
            failures: report.failures,
            skipped: Vec::new(),
        };
        return Ok(ExitCode::from(exit_code(&failures_only, false)));
    }
    if let Some(path) = &args.baseline {
        match Baseline::read(path) {
            Ok(baseline) => baseline.hide_known(&mut report),
            Err(error) => return trouble(&error),
        };
    }
    write_report(&report, &reporting, None, false)?;
    write_failures(&report.failures, stderr_style)?;
    Ok(ExitCode::from(exit_code(&report, reporting.deny_warnings)))
}

/// `--format json` and `jsonl`: checks the inputs a batch at a time and writes each file's
/// findings as soon as its batch is done, then drops it: memory holds one batch, not the run.
/// `json` takes its files sorted by path, as the report of the other formats does; `jsonl`
/// keeps the walk order.
fn stream(
    linter: &Linter,
    inputs: &[Input],
    failures: Vec<ReadError>,
    reporting: &Reporting,
    stderr_style: Style,
) -> io::Result<ExitCode> {
    let mut inputs = inputs.to_vec();
    if reporting.format == Format::Json {
        inputs.sort_by_cached_key(Input::name);
    }
    let mut failures: Vec<FileError> = failures.into_iter().map(FileError::from).collect();
    let mut stdout = BufWriter::new(io::stdout().lock());
    let mut writer: Box<dyn FileStream> = match reporting.format {
        Format::Json => Box::new(JsonWriter::new(&mut stdout)?),
        _ => Box::new(JsonlWriter::new(&mut stdout)),
    };
    let bar = progress_bar(inputs.len());
    let batch = rayon::current_num_threads() * 4;
    for inputs in inputs.chunks(batch) {
        let checked = linter.check_inputs_with(inputs, &|| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        });
        for result in checked {
            match result {
                Ok(file) => {
                    note_detected_encodings(std::iter::once(&file.file));
                    writer.write_file(&file)?;
                }
                Err(error) if error.is_skip() => note_skipped(&error),
                Err(error) => failures.push(error.into()),
            }
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let tally = writer.finish(&failures, reporting.statistics)?;
    write_failures(&failures, stderr_style)?;
    let code = if !failures.is_empty() {
        EXIT_TROUBLE
    } else {
        u8::from(tally.errors > 0 || (reporting.deny_warnings && tally.warnings > 0))
    };
    Ok(ExitCode::from(code))
}

/// `--fix`: writes the fixed files, in place or as copies under `--output-dir` (stdin's
/// fixed text goes to stdout, and then the report to stderr), reports the findings that
/// remain and counts the fixes.
fn fix(
    linter: &Linter,
    inputs: &[Input],
    failures: Vec<ReadError>,
    allowed: Applicability,
    reporting: &Reporting,
    stderr_style: Style,
    mut output: Option<OutputDir>,
) -> io::Result<ExitCode> {
    let inputs = match &output {
        Some(output) => output.leave_out_copies(inputs),
        None => inputs.to_vec(),
    };
    let (fixed, mut failures) = fix_inputs(linter, &inputs, failures, allowed);
    note_detected_encodings(fixed.iter().map(|f| &f.original));
    let mut applied = FixCounts::default();
    let (mut hidden, mut copies, mut changed) = (0, 0, 0);
    let mut files = Vec::with_capacity(fixed.len());
    for mut file in fixed {
        warn_if_unfinished(&file);
        let written = match (file.input.path(), output.as_mut()) {
            (None, _) => {
                let mut stdout = io::stdout().lock();
                stdout.write_all(file.outcome.text.as_bytes())?;
                stdout.flush()?;
                Ok(())
            }
            (Some(path), Some(output)) => output
                .write(path, &file.outcome.text)
                .map(|copy| file.original.name = copy.display().to_string()),
            (Some(path), None) if file.changed() => {
                write::write_atomically(path, &file.outcome.text)
            }
            (Some(_), None) => Ok(()),
        };
        if let Err(error) = written {
            failures.push(error.into());
            continue;
        }
        if file.input.path().is_some() {
            copies += 1;
            changed += usize::from(file.changed());
        }
        applied.merge(&file.outcome.applied);
        hidden += hidden_fixes(&file, allowed);
        files.push(file.into_report());
    }
    let report = Report {
        files,
        failures,
        skipped: Vec::new(),
    };
    let line = match &output {
        Some(output) => render::cleaning_summary(&CleaningSummary {
            folder: output.root(),
            written: copies,
            changed,
            applied,
            hidden,
            with_errors: report
                .files
                .iter()
                .filter(|f| f.diagnostics.iter().any(|d| d.severity == Severity::Error))
                .map(|f| f.file.name.clone())
                .collect(),
        }),
        None => render::fixes_applied_line(&applied, hidden),
    };
    write_report(
        &report,
        reporting,
        Some(&line),
        inputs.contains(&Input::Stdin),
    )?;
    write_failures(&report.failures, stderr_style)?;
    Ok(ExitCode::from(exit_code(&report, reporting.deny_warnings)))
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
    note_detected_encodings(fixed.iter().map(|f| &f.original));
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
            Err(error) if error.is_skip() => note_skipped(&error),
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

/// Says on stderr which encoding `--encoding auto` found for each file that was not UTF-8.
fn note_detected_encodings<'a>(files: impl Iterator<Item = &'a SourceFile>) {
    for file in files {
        if let Some(decoding) = file.decoded_from.filter(|d| d.detected) {
            eprintln!(
                "coquille: {}: not UTF-8; decoded as {} (detected)",
                file.name, decoding.encoding
            );
        }
    }
}

/// Says on stderr that an input found in a folder was skipped (a binary file).
fn note_skipped(skipped: &ReadError) {
    eprintln!("coquille: {skipped}");
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
    reporting: &Reporting,
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
    let options = Options {
        style,
        statistics: reporting.statistics,
        registry: reporting.registry,
    };
    render::write_report(report, reporting.format, &options, &mut out)?;
    let machine_readable = matches!(
        reporting.format,
        Format::Json | Format::Jsonl | Format::Sarif | Format::Github
    );
    match fixes {
        Some(line) if machine_readable && !on_stderr => eprintln!("{line}"),
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

/// 2 on trouble; 1 on an error, or a warning with `deny_warnings`; else 0.
fn exit_code(report: &Report, deny_warnings: bool) -> u8 {
    if !report.failures.is_empty() {
        EXIT_TROUBLE
    } else {
        let failing = report.count(Severity::Error) > 0
            || (deny_warnings && report.count(Severity::Warning) > 0);
        u8::from(failing)
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

fn list_rules(packs: &PackArgs) -> io::Result<ExitCode> {
    let registry = match load(None, &packs.rules)? {
        Ok((_, registry)) => registry,
        Err(code) => return Ok(code),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "{:<24} {:<12} {:<8} {:<7} summary",
        "id", "group", "severity", "fix"
    )?;
    for rule in registry.rules() {
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

fn explain(id: &str, packs: &PackArgs) -> io::Result<ExitCode> {
    let registry = match load(None, &packs.rules)? {
        Ok((_, registry)) => registry,
        Err(code) => return Ok(code),
    };
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
    for (index, example) in meta.examples.iter().enumerate() {
        writeln!(out, "\nFlagged:\n{}", indent(example.bad))?;
        if let Some(fixed) = rule.example_fixed(index) {
            writeln!(out, "Fixed:\n{}", indent(fixed))?;
        }
        writeln!(out, "Not flagged:\n{}", indent(example.good))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect()
}
