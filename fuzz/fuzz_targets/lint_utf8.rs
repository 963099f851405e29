#![no_main]
//! Fuzz target `lint_utf8`: see [`coquille_fuzz::checks::lint_utf8`].

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| coquille_fuzz::checks::lint_utf8(bytes));
