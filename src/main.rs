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
    self, CleaningSummary, Format, Options, RenderedFile, ReportWriter, Style, Tally,
};
use coquille::rules::pack::{Pack, PackError};
use coquille::rules::{FixAvailability, Registry};
use coquille::settings::{Settings, Spacing};
use coquille::source::{Input, ReadError, SourceFile};
use coquille::{ordered, walk, write, FileError, FileReport, FixedFile, Linter};

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
        let inputs = in_report_order(&linter, inputs);
        return diff(&linter, &inputs, failures, allowed, stderr_style);
    }
    if args.fix {
        let output = args.output_dir.map(|dir| OutputDir::new(dir, &paths));
        let inputs = match &output {
            Some(output) => output.leave_out_copies(&inputs),
            None => inputs,
        };
        let inputs = in_report_order(&linter, inputs);
        let run = Run {
            linter: &linter,
            inputs: &inputs,
            failures,
            stderr_style,
        };
        return fix(run, allowed, &reporting, output);
    }
    // JSON Lines lists the files in the order they are walked; the other formats by name.
    let inputs = match args.format {
        Format::Jsonl => inputs,
        _ => in_report_order(&linter, inputs),
    };
    let run = Run {
        linter: &linter,
        inputs: &inputs,
        failures,
        stderr_style,
    };
    if let Some(path) = &args.write_baseline {
        return write_baseline(run, path);
    }
    let baseline = match args.baseline.as_deref().map(Baseline::read).transpose() {
        Ok(baseline) => baseline,
        Err(error) => return trouble(&error),
    };
    report(run, baseline.as_ref(), &reporting)
}

/// The inputs of a run, and what reading them needs.
struct Run<'a> {
    linter: &'a Linter,
    /// In the order the report lists them.
    inputs: &'a [Input],
    /// The inputs that could not be walked.
    failures: Vec<ReadError>,
    stderr_style: Style,
}

impl Run<'_> {
    /// Hands each input to `work` on the worker threads, then each outcome in input order to
    /// `take` on this thread, as soon as it is ready: memory holds a window of files (eight
    /// per thread), not the run. Notes the skipped inputs; returns the failures.
    fn in_order<T: Send>(
        &mut self,
        work: impl Fn(&Input) -> Result<T, ReadError> + Sync,
        mut take: impl FnMut(T) -> io::Result<()>,
    ) -> io::Result<Vec<FileError>> {
        let walked = std::mem::take(&mut self.failures);
        let mut failures: Vec<FileError> = walked.into_iter().map(FileError::from).collect();
        let window = rayon::current_num_threads() * 8;
        ordered::for_each_in_order(self.inputs, window, work, |outcome| {
            match outcome {
                Ok(done) => take(done)?,
                Err(error) if error.is_skip() => note_skipped(&error),
                Err(error) => failures.push(error.into()),
            }
            Ok::<_, io::Error>(())
        })?;
        Ok(failures)
    }

    /// Checks the inputs, with a progress bar on a terminal, giving each file to
    /// `then` on its worker thread and `then`'s outcome to `take` in input order.
    fn check<T: Send>(
        &mut self,
        then: &(dyn Fn(FileReport) -> T + Sync),
        take: impl FnMut(T) -> io::Result<()>,
    ) -> io::Result<Vec<FileError>> {
        let bar = progress_bar(self.inputs.len());
        let tick = || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        };
        let linter = self.linter;
        let check = |input: &Input| {
            let checked = linter.check_input(input).map(then);
            tick();
            checked
        };
        let failures = self.in_order(check, take);
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        failures
    }
}

/// `inputs` sorted by the names the report gives them.
fn in_report_order(linter: &Linter, mut inputs: Vec<Input>) -> Vec<Input> {
    inputs.sort_by_cached_key(|input| linter.name_of(input));
    inputs
}

/// Checks the inputs and writes each file's findings as soon as it is checked (rendered
/// on the worker thread that checked it), without those `baseline` records; then the end of
/// the report and the failures.
fn report(
    mut run: Run,
    baseline: Option<&Baseline>,
    reporting: &Reporting,
) -> io::Result<ExitCode> {
    let (mut out, style) = report_sink(false);
    let options = reporting.options(style);
    let mut writer = ReportWriter::new(reporting.format, &options, &mut out)?;
    let render = |mut file: FileReport| {
        if let Some(baseline) = baseline {
            baseline.hide_known(&mut file);
        }
        let note = detected_encoding(&file.file);
        (note, RenderedFile::new(&file, reporting.format, &options))
    };
    let failures = run.check(&render, |(note, rendered)| {
        note.iter().for_each(|note| eprintln!("{note}"));
        writer.write_file(rendered?)
    })?;
    let tally = writer.finish(&failures)?;
    conclude(&mut out, &failures, &tally, reporting, run.stderr_style)
}

/// `--write-baseline`: records the findings of the inputs in `path`; exits 0 unless an input
/// could not be read.
fn write_baseline(mut run: Run, path: &Path) -> io::Result<ExitCode> {
    let mut baseline = Baseline::default();
    let failures = run.check(&|file| file, |file| {
        note_detected_encoding(&file.file);
        baseline.add(&file);
        Ok(())
    })?;
    if let Err(error) = baseline.write(path) {
        return trouble(&error);
    }
    let count = baseline.len();
    let findings = if count == 1 { "finding" } else { "findings" };
    eprintln!(
        "coquille: {count} {findings} recorded in {}",
        path.display()
    );
    write_failures(&failures, run.stderr_style)?;
    Ok(ExitCode::from(exit_code(
        &failures,
        &Tally::default(),
        false,
    )))
}

/// `--fix`: writes the fixed files, in place or as copies under `--output-dir` (stdin's
/// fixed text goes to stdout, and then the report to stderr), reports the findings that
/// remain and counts the fixes; file by file, as they are fixed.
fn fix(
    mut run: Run,
    allowed: Applicability,
    reporting: &Reporting,
    mut output: Option<OutputDir>,
) -> io::Result<ExitCode> {
    let on_stderr = run.inputs.contains(&Input::Stdin);
    let (mut out, style) = report_sink(on_stderr);
    let options = reporting.options(style);
    let mut writer = ReportWriter::new(reporting.format, &options, &mut out)?;
    let mut applied = FixCounts::default();
    let (mut hidden, mut copies, mut changed) = (0, 0, 0);
    let mut with_errors = Vec::new();
    let mut unwritten: Vec<FileError> = Vec::new();
    let linter = run.linter;
    let fix = |input: &Input| linter.fix_input(input, allowed);
    let mut failures = run.in_order(fix, |mut file| {
        note_detected_encoding(&file.original);
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
            unwritten.push(error.into());
            return Ok(());
        }
        if file.input.path().is_some() {
            copies += 1;
            changed += usize::from(file.changed());
        }
        applied.merge(&file.outcome.applied);
        hidden += hidden_fixes(&file, allowed);
        let file = file.into_report();
        if file
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            with_errors.push(file.file.name.clone());
        }
        writer.write_file(RenderedFile::new(&file, reporting.format, &options)?)
    })?;
    failures.append(&mut unwritten);
    let tally = writer.finish(&failures)?;
    let line = match &output {
        Some(output) => render::cleaning_summary(&CleaningSummary {
            folder: output.root(),
            written: copies,
            changed,
            applied,
            hidden,
            with_errors,
        }),
        None => render::fixes_applied_line(&applied, hidden),
    };
    let machine_readable = matches!(
        reporting.format,
        Format::Json | Format::Jsonl | Format::Sarif | Format::Github
    );
    // The count of fixes goes on stderr when the report is JSON, so that stdout stays JSON.
    if machine_readable && !on_stderr {
        eprintln!("{line}");
    } else {
        writeln!(out, "{line}")?;
    }
    conclude(&mut out, &failures, &tally, reporting, run.stderr_style)
}

/// Ends a report: flushes it, draws the failures on stderr, and gives the run's exit code.
fn conclude(
    out: &mut dyn Write,
    failures: &[FileError],
    tally: &Tally,
    reporting: &Reporting,
    stderr_style: Style,
) -> io::Result<ExitCode> {
    out.flush()?;
    write_failures(failures, stderr_style)?;
    Ok(ExitCode::from(exit_code(
        failures,
        tally,
        reporting.deny_warnings,
    )))
}

/// `--diff`: prints what `--fix` would write, file by file as they are fixed; exits 1
/// when that is anything.
fn diff(
    linter: &Linter,
    inputs: &[Input],
    failures: Vec<ReadError>,
    allowed: Applicability,
    stderr_style: Style,
) -> io::Result<ExitCode> {
    let mut run = Run {
        linter,
        inputs,
        failures,
        stderr_style,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut applied = FixCounts::default();
    let mut hidden = 0;
    let mut any_change = false;
    let fix = |input: &Input| linter.fix_input(input, allowed);
    let failures = run.in_order(fix, |file| {
        note_detected_encoding(&file.original);
        warn_if_unfinished(&file);
        let (name, old, new) = (&file.original.name, &file.original.text, &file.outcome.text);
        render::write_diff(name, old, new, &mut out)?;
        applied.merge(&file.outcome.applied);
        hidden += hidden_fixes(&file, allowed);
        any_change |= file.changed();
        Ok(())
    })?;
    out.flush()?;
    eprintln!("{}", render::fixes_diffed_line(&applied, hidden));
    write_failures(&failures, stderr_style)?;
    let code = if !failures.is_empty() {
        EXIT_TROUBLE
    } else {
        u8::from(any_change)
    };
    Ok(ExitCode::from(code))
}

/// The unsafe fixes left on a file fixed without `--unsafe-fixes`, to mention them.
fn hidden_fixes(file: &FixedFile, allowed: Applicability) -> usize {
    match allowed {
        Applicability::Safe => file.outcome.fixable(Applicability::Unsafe),
        Applicability::Unsafe => 0,
    }
}

/// What to say on stderr when `--encoding auto` found that `file` was not UTF-8.
fn detected_encoding(file: &SourceFile) -> Option<String> {
    let decoding = file.decoded_from.filter(|d| d.detected)?;
    Some(format!(
        "coquille: {}: not UTF-8; decoded as {} (detected)",
        file.name, decoding.encoding
    ))
}

/// Says on stderr which encoding `--encoding auto` found for `file` if it was not UTF-8.
fn note_detected_encoding(file: &SourceFile) {
    if let Some(note) = detected_encoding(file) {
        eprintln!("{note}");
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

/// Where the report goes — stdout, or stderr when stdout carries a fixed text — and how it
/// looks there.
fn report_sink(on_stderr: bool) -> (Box<dyn Write>, Style) {
    let (out, is_terminal): (Box<dyn Write>, bool) = if on_stderr {
        (Box::new(io::stderr().lock()), io::stderr().is_terminal())
    } else {
        let is_terminal = io::stdout().is_terminal();
        // A file's findings take about 10 KB: a larger buffer writes several at a time.
        let buffered = BufWriter::with_capacity(64 * 1024, unbuffered_stdout());
        (Box::new(buffered), is_terminal)
    };
    let style = Style {
        color: use_color(is_terminal),
        width: terminal_width(),
    };
    (out, style)
}

/// Standard output without std's line buffering, which looks for the last newline of every
/// write (1 instruction per byte of a report): a copy of its descriptor, where there is one.
fn unbuffered_stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(descriptor) = io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(descriptor));
        }
    }
    Box::new(io::stdout().lock())
}

impl Reporting<'_> {
    /// The options of the renderers, drawing in `style`.
    fn options(&self, style: Style) -> Options<'_> {
        Options {
            style,
            statistics: self.statistics,
            registry: self.registry,
        }
    }
}

fn write_failures(failures: &[FileError], style: Style) -> io::Result<()> {
    for failure in failures {
        render::write_error(failure, style, &mut io::stderr())?;
    }
    Ok(())
}

/// 2 on trouble; 1 on an error, or a warning with `deny_warnings`; else 0.
fn exit_code(failures: &[FileError], tally: &Tally, deny_warnings: bool) -> u8 {
    if !failures.is_empty() {
        EXIT_TROUBLE
    } else {
        u8::from(tally.errors > 0 || (deny_warnings && tally.warnings > 0))
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
