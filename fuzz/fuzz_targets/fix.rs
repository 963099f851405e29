#![no_main]
//! Fuzz target `fix`: see [`coquille_fuzz::checks::fix`].

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| coquille_fuzz::checks::fix(bytes));
