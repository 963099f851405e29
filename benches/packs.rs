//! Four ways to run the built-in pattern rules, cold (a one-file run: build, then search)
//! and warm (built once, as over many files); loading the pack (`load-pack`, which every
//! way needs) is measured apart:
//! - `eager`: compile every regex, search with each;
//! - `regex-set`: one `RegexSet` pass says which regexes match, only those are compiled;
//! - `aho-corasick`: an Aho-Corasick search for each pattern's required literals says which
//!   regexes may match, only those are compiled;
//! - `prefilter` (what coquille does, the whole rules): `memmem` searches for each pattern's
//!   required literals say which regexes may match, only those are compiled; once the
//!   searches have cost about a compilation, the regex is compiled and searches alone.
//!
//! On the five seeds (one at a time, as separate runs would read them) and on a synthetic
//! 1 MiB document holding a fault of each kind every few kilobytes.

use std::path::Path;

use aho_corasick::AhoCorasick;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use regex::{Regex, RegexSet};

use coquille::document::Document;
use coquille::rules::pack::{self, Pack};
use coquille::rules::Rule;
use coquille::settings::Settings;

const PACK: &str = include_str!("../rules/typography.toml");

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("fixtures/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("A_RES_"))
        })
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(path).expect("a UTF-8 seed"))
        })
        .collect();
    seeds.sort();
    seeds
}

/// The seeds over and over up to 1 MiB, a sentence with a fault of each rule between them.
fn synthetic(seeds: &[(String, String)]) -> String {
    const FAULTS: &str =
        "\nA la 2ème séance, les Etats ont lu le Supplément no 3 au XXIème siècle.\n";
    let mut text = String::with_capacity(1 << 20);
    for (_, seed) in seeds.iter().cycle() {
        if text.len() >= 1 << 20 {
            break;
        }
        text.push_str(seed);
        text.push_str(FAULTS);
    }
    text
}

/// Each built-in regex with its required literals.
fn sources() -> Vec<(String, Option<Vec<Vec<u8>>>)> {
    pack::builtin()
        .iter()
        .flat_map(Pack::rules)
        .flat_map(|rule| rule.patterns())
        .map(|pattern| {
            (
                pattern.source().to_owned(),
                pattern.literals().map(<[_]>::to_vec),
            )
        })
        .collect()
}

fn regexes(sources: &[(String, Option<Vec<Vec<u8>>>)]) -> Vec<String> {
    sources.iter().map(|(regex, _)| regex.clone()).collect()
}

/// An Aho-Corasick searcher for each pattern that has literals.
fn searchers(sources: &[(String, Option<Vec<Vec<u8>>>)]) -> Vec<Option<AhoCorasick>> {
    sources
        .iter()
        .map(|(_, literals)| literals.as_ref().map(|l| AhoCorasick::new(l).unwrap()))
        .collect()
}

fn aho_corasick_cold(sources: &[(String, Option<Vec<Vec<u8>>>)], text: &str) -> usize {
    let matched: Vec<Regex> = sources
        .iter()
        .zip(searchers(sources))
        .filter(|(_, searcher)| searcher.as_ref().is_none_or(|s| s.is_match(text)))
        .map(|((regex, _), _)| Regex::new(regex).unwrap())
        .collect();
    search(&matched.iter().collect::<Vec<_>>(), text)
}

fn search(regexes: &[&Regex], text: &str) -> usize {
    regexes.iter().map(|r| r.captures_iter(text).count()).sum()
}

fn eager_cold(sources: &[String], text: &str) -> usize {
    let regexes: Vec<Regex> = sources.iter().map(|s| Regex::new(s).unwrap()).collect();
    search(&regexes.iter().collect::<Vec<_>>(), text)
}

fn regex_set_cold(sources: &[String], text: &str) -> usize {
    let set = RegexSet::new(sources).unwrap();
    let matched: Vec<Regex> = set
        .matches(text)
        .iter()
        .map(|i| Regex::new(&sources[i]).unwrap())
        .collect();
    search(&matched.iter().collect::<Vec<_>>(), text)
}

/// The document is parsed beforehand: a run parses it for every rule anyway.
fn prefilter(pack: &Pack, document: &Document) -> usize {
    let mut found = Vec::new();
    for rule in pack.rules() {
        rule.check(document, &Settings::default(), &mut found);
    }
    found.len()
}

fn bench(c: &mut Criterion) {
    let with_literals = sources();
    let sources = regexes(&with_literals);
    let seeds = seeds();
    let synthetic = synthetic(&seeds);
    let mut inputs: Vec<(&str, &str)> = seeds
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    inputs.push(("synthetic-1MiB", &synthetic));
    let documents: Vec<Document> = inputs.iter().map(|(_, t)| Document::parse(t)).collect();

    let mut group = c.benchmark_group("packs-cold");
    group.sample_size(20);
    group.bench_function("load-pack", |b| b.iter(|| Pack::parse("t", PACK).unwrap()));
    for ((name, text), document) in inputs.iter().zip(&documents) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("eager", name), text, |b, t| {
            b.iter(|| eager_cold(&sources, t))
        });
        group.bench_with_input(BenchmarkId::new("regex-set", name), text, |b, t| {
            b.iter(|| regex_set_cold(&sources, t))
        });
        group.bench_with_input(BenchmarkId::new("aho-corasick", name), text, |b, t| {
            b.iter(|| aho_corasick_cold(&with_literals, t))
        });
        group.bench_with_input(BenchmarkId::new("prefilter", name), document, |b, d| {
            b.iter_batched(
                || Pack::parse("t", PACK).unwrap(),
                |fresh| prefilter(&fresh, d),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();

    let compiled: Vec<Regex> = sources.iter().map(|s| Regex::new(s).unwrap()).collect();
    let all: Vec<&Regex> = compiled.iter().collect();
    let set = RegexSet::new(&sources).unwrap();
    let searchers = searchers(&with_literals);
    let warm = Pack::parse("t", PACK).unwrap();
    let mut group = c.benchmark_group("packs-warm");
    for ((name, text), document) in inputs.iter().zip(&documents) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("eager", name), text, |b, t| {
            b.iter(|| search(&all, t))
        });
        group.bench_with_input(BenchmarkId::new("regex-set", name), text, |b, t| {
            b.iter(|| {
                let matched: Vec<&Regex> = set.matches(t).iter().map(|i| &compiled[i]).collect();
                search(&matched, t)
            })
        });
        group.bench_with_input(BenchmarkId::new("aho-corasick", name), text, |b, t| {
            b.iter(|| {
                let matched: Vec<&Regex> = compiled
                    .iter()
                    .zip(&searchers)
                    .filter(|(_, searcher)| searcher.as_ref().is_none_or(|s| s.is_match(t)))
                    .map(|(regex, _)| regex)
                    .collect();
                search(&matched, t)
            })
        });
        group.bench_with_input(BenchmarkId::new("prefilter", name), document, |b, d| {
            b.iter(|| prefilter(&warm, d))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
