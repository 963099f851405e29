#![no_main]
//! Fuzz target `parse`: see [`coquille_fuzz::checks::parse`].

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| coquille_fuzz::checks::parse(bytes));
