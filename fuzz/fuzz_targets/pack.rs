#![no_main]
//! Fuzz target `pack`: see [`coquille_fuzz::checks::pack`].

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| coquille_fuzz::checks::pack(bytes));
