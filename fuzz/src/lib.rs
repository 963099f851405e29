//! The fuzz targets' checks: the very file `cargo test` runs on stable, so that a crash
//! found here is replayed there without nightly.

#[path = "../../tests/common/fuzz_checks.rs"]
pub mod checks;
