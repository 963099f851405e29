//! Replays every input a fuzz target failed on (`tests/data/fuzz/<target>/`, kept once its
//! fault was fixed) through that target's checks, on stable: the fuzzer's finds stay guarded
//! where there is no nightly.

mod common;

use std::path::Path;

use common::fuzz_checks::TARGETS;

#[test]
fn every_input_the_fuzzer_failed_on_passes_its_target_s_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    for folder in std::fs::read_dir(&root).expect("tests/data/fuzz") {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let (_, check) = TARGETS
            .iter()
            .find(|(target, _)| *target == name)
            .unwrap_or_else(|| panic!("tests/data/fuzz/{name}: no fuzz target of that name"));
        for input in std::fs::read_dir(&folder).unwrap() {
            let input = input.unwrap().path();
            eprintln!("replaying {}", input.display());
            check(&std::fs::read(&input).unwrap());
        }
    }
}
