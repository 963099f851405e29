//! Runs `tests/ci.sh`, the shell test of the exit codes a CI job sees.

use std::process::Command;

#[test]
fn the_binary_gates_a_ci_job() {
    let output = Command::new("bash")
        .arg("tests/ci.sh")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COQUILLE", env!("CARGO_BIN_EXE_coquille"))
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
}
