//! The `coquille` command line: parse arguments, call the library, render, exit.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use coquille::diagnostic::Severity;
use coquille::render::{self, Format, Style};
use coquille::rules::pack::{Pack, PackError};
use coquille::rules::{FixAvailability, Registry};
use coquille::settings::{Settings, Spacing};
use coquille::{walk, Linter, Report};

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
}

#[derive(clap::Args)]
struct PackArgs {
    /// An extra rule pack: a TOML file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
}

#[derive(clap::Args)]
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
    #[command(flatten)]
    packs: PackArgs,
}

/// Exit code: usage, configuration or input error.
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(packs) => list_rules(&packs),
        Command::Explain { id, packs } => explain(&id, &packs),
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
fn registry(packs: &PackArgs) -> Result<Registry, PackError> {
    let mut registry = Registry::builtin();
    for path in &packs.rules {
        for pack in Pack::read(path)? {
            registry.add_pack(&pack)?;
        }
    }
    Ok(registry)
}

fn check(args: CheckArgs) -> io::Result<ExitCode> {
    let registry = match registry(&args.packs) {
        Ok(registry) => registry,
        Err(error) => return trouble(&error),
    };
    let selected = match registry.select(&args.select, &args.ignore) {
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
    let (inputs, failures) = walk::collect_inputs(&paths);
    let settings = Settings {
        spacing: args.spacing,
    };
    let report = Report::check(&Linter::new(selected, settings), &inputs, failures);

    let stdout = io::stdout();
    let style = Style {
        color: use_color(stdout.is_terminal()),
        width: terminal_width(),
    };
    let mut out = BufWriter::new(stdout.lock());
    render::write_report(&report, args.format, style, &mut out)?;
    out.flush()?;
    for failure in &report.failures {
        render::write_error(failure, stderr_style(), &mut io::stderr())?;
    }
    Ok(ExitCode::from(exit_code(&report)))
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
    let registry = match registry(packs) {
        Ok(registry) => registry,
        Err(error) => return trouble(&error),
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
    let registry = match registry(packs) {
        Ok(registry) => registry,
        Err(error) => return trouble(&error),
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
