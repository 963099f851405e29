#![no_main]
//! Fuzz target `lint_auto`: see [`coquille_fuzz::checks::lint_auto`].

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| coquille_fuzz::checks::lint_auto(bytes));
