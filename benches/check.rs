//! Parsing alone, parsing + each rule group, and parsing + every rule, on the five real
//! resolutions.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use coquille::document::Document;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("A_RES_"))
        })
        .map(|path| std::fs::read_to_string(path).expect("a UTF-8 seed"))
        .collect();
    texts.sort();
    texts
}

fn bench(c: &mut Criterion) {
    let texts = seeds();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Document::parse(t).blocks.len())
                .sum::<usize>()
        })
    });
    let registry = Registry::builtin();
    for selection in ["structure", "typography", "ocr"] {
        let rules = registry
            .select(&[selection.to_owned()], &[])
            .expect("a group");
        let linter = Linter::new(rules, Settings::default());
        group.bench_function(format!("parse+{selection}"), |b| {
            b.iter(|| texts.iter().map(|t| linter.check(t).len()).sum::<usize>())
        });
    }
    let linter = Linter::all_rules();
    group.bench_function("parse+all-rules", |b| {
        b.iter(|| texts.iter().map(|t| linter.check(t).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
