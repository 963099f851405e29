//! Generates the benchmark corpora from the fixtures (how: `examples/corpus/mod.rs`).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --files 20000 --out target/corpus/many
//! cargo run --release --example gen_corpus -- --single-mb 200 --out target/corpus/one.txt
//! cargo run --release --example gen_corpus -- --adversarial-kib 1024 --out target/corpus/hostile.txt
//! ```
//!
//! `--seed N` (default 1) draws another corpus. The injected faults — what coquille must
//! find — are listed in `OUT.faults.tsv`: path, rule, byte offset. `--adversarial-kib` writes
//! hostile text instead (`examples/corpus/adversarial.rs`), with no list of faults.

#[path = "corpus/adversarial.rs"]
mod adversarial;
#[path = "corpus/mod.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use corpus::{long_resolution, resolution, Generated};

const USAGE: &str =
    "usage: gen_corpus (--files N | --single-mb N | --adversarial-kib N) --out PATH [--seed N]";

/// Files per sub-folder of a corpus.
const PER_FOLDER: u64 = 1000;

enum What {
    Files(u64),
    SingleMb(usize),
    AdversarialKib(usize),
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let (what, out, seed) = parse(&args)?;
    if out.exists() {
        return Err(format!("{} exists; remove it first", out.display()));
    }
    let generated: Vec<(PathBuf, Generated)> = match what {
        What::Files(count) => (0..count)
            .into_par_iter()
            .map(|i| {
                let document = resolution(seed, i);
                let folder = out.join(format!("{:02}", i / PER_FOLDER));
                let path = folder.join(format!("{i:05}-{}", document.name));
                std::fs::create_dir_all(&folder)
                    .and_then(|()| std::fs::write(&path, &document.text))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Ok((path, strip(document)))
            })
            .collect::<Result<_, String>>()?,
        What::SingleMb(mb) => {
            let document = long_resolution(seed, mb * 1_000_000);
            if let Some(folder) = out.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("{}: {e}", folder.display()))?;
            }
            std::fs::write(&out, &document.text).map_err(|e| format!("{}: {e}", out.display()))?;
            vec![(out.clone(), strip(document))]
        }
        What::AdversarialKib(kib) => {
            let text = adversarial::adversarial(kib << 10);
            std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
            return Ok(format!(
                "{} bytes of hostile text in {}",
                text.len(),
                out.display()
            ));
        }
    };
    write_manifest(&out, &generated)
}

/// The document without its text, which is on disk now.
fn strip(document: Generated) -> Generated {
    Generated {
        text: String::new(),
        ..document
    }
}

fn parse(args: &[String]) -> Result<(What, PathBuf, u64), String> {
    let mut what = None;
    let mut out = None;
    let mut seed = 1;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(USAGE)?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--files" => what = Some(What::Files(number()?)),
            "--single-mb" => what = Some(What::SingleMb(number()? as usize)),
            "--adversarial-kib" => what = Some(What::AdversarialKib(number()? as usize)),
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => seed = number()?,
            _ => return Err(USAGE.to_owned()),
        }
    }
    Ok((what.ok_or(USAGE)?, out.ok_or(USAGE)?, seed))
}

/// Writes `OUT.faults.tsv` and returns a summary of what was generated.
fn write_manifest(out: &Path, generated: &[(PathBuf, Generated)]) -> Result<String, String> {
    let mut manifest = String::from("path\trule\toffset\n");
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut bytes = 0;
    let mut spacings: BTreeMap<String, usize> = BTreeMap::new();
    for (path, document) in generated {
        *spacings
            .entry(format!("{:?}", document.spacing).to_lowercase())
            .or_default() += 1;
        bytes += std::fs::metadata(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .len();
        for fault in &document.faults {
            *per_rule.entry(fault.rule).or_default() += 1;
            let _ = writeln!(
                manifest,
                "{}\t{}\t{}",
                path.display(),
                fault.rule,
                fault.offset
            );
        }
    }
    let mut name = out.as_os_str().to_owned();
    name.push(".faults.tsv");
    std::fs::write(&name, manifest).map_err(|e| format!("{}: {e}", Path::new(&name).display()))?;
    let faults: usize = per_rule.values().sum();
    let rules: Vec<String> = per_rule
        .iter()
        .map(|(rule, n)| format!("{rule} {n}"))
        .collect();
    let spacings: Vec<String> = spacings.iter().map(|(s, n)| format!("{s} {n}")).collect();
    Ok(format!(
        "{} file(s), {:.1} MB (spacing before `;`: {}), {faults} faults injected ({}) in {}; \
         listed in {}",
        generated.len(),
        bytes as f64 / 1e6,
        spacings.join(", "),
        rules.join(", "),
        out.display(),
        Path::new(&name).display()
    ))
}
