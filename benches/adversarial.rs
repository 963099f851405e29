//! Parsing plus every rule on hostile text (`examples/corpus/adversarial.rs`) of 64 KiB to
//! 4 MiB, on one thread: a constant throughput across the sizes is linear time; a falling one
//! is a bug.

#[path = "../examples/corpus/adversarial.rs"]
mod adversarial;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use coquille::Linter;

/// The sizes of the hostile texts, in KiB.
const SIZES_KIB: [usize; 4] = [64, 256, 1024, 4096];

fn hostile_text(c: &mut Criterion) {
    // One thread, so that the documents of 1 MiB and more, whose rules run in parallel, are
    // measured as the smaller ones are.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    let linter = Linter::all_rules();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for kib in SIZES_KIB {
        let text = adversarial::adversarial(kib << 10);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("parse+rules", format!("{kib} KiB")),
            &text,
            |b, text| b.iter(|| pool.install(|| linter.check(text))),
        );
    }
    group.finish();
}

criterion_group!(benches, hostile_text);
criterion_main!(benches);
