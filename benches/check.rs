//! Parsing alone, each rule group alone (on a parsed document), and parsing + every rule,
//! on three inputs: the five real resolutions, one resolution (`A_RES_66_152.txt`), and a
//! generated 1 MB resolution — just under the size from which rules run in parallel, so every
//! figure is one thread's. Throughput in bytes of input.

// The benchmark needs only the long resolution of the corpus generator.
#[allow(dead_code)]
#[path = "../examples/corpus/mod.rs"]
mod corpus;

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use coquille::document::Document;
use coquille::rules::{Group, Registry};
use coquille::settings::Settings;
use coquille::Linter;

/// The size of the generated document: 1 MB, below the 1 MiB from which rules run in
/// parallel.
const DOCUMENT_BYTES: usize = 1_000_000;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("a UTF-8 fixture")
}

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with("A_RES_"))
        .collect();
    names.sort();
    names.iter().map(|name| fixture(name)).collect()
}

/// The benchmarks of one input, made of `texts`.
fn bench_input(c: &mut Criterion, input: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group(input);
    group.throughput(Throughput::Bytes(bytes as u64));
    if bytes >= DOCUMENT_BYTES {
        group.sample_size(20);
    }
    group.bench_function("parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Document::parse(t).blocks.len())
                .sum::<usize>()
        })
    });
    let documents: Vec<Document> = texts.iter().map(|t| Document::parse(t)).collect();
    let registry = Registry::builtin();
    for rule_group in Group::ALL {
        let rules = registry
            .select(&[rule_group.as_str().to_owned()], &[])
            .expect("a group");
        if rules.is_empty() {
            continue;
        }
        let linter = Linter::new(rules, Settings::default());
        group.bench_function(BenchmarkId::new("rules", rule_group), |b| {
            b.iter(|| {
                documents
                    .iter()
                    .map(|d| linter.check_document(d).len())
                    .sum::<usize>()
            })
        });
    }
    let linter = Linter::all_rules();
    group.bench_function("parse+all-rules", |b| {
        b.iter(|| texts.iter().map(|t| linter.check(t).len()).sum::<usize>())
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    bench_input(c, "seeds", &seeds());
    bench_input(c, "one-resolution", &[fixture("A_RES_66_152.txt")]);
    let document = corpus::long_resolution(1, DOCUMENT_BYTES).text;
    assert!(document.len() < 1 << 20, "rules would run in parallel");
    bench_input(c, "1mb-document", &[document]);
}

criterion_group!(benches, bench);
criterion_main!(benches);
