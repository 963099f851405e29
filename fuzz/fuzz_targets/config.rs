#![no_main]
//! Fuzz target `config`: see [`coquille_fuzz::checks::config`].

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| coquille_fuzz::checks::config(bytes));
