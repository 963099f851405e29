//! Bad inputs, each run through the binary: the message names the file, the exit code is the
//! README's, and the other files of the run are still checked.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use coquille::{walk, Linter, Report};

use common::coquille;

/// A clean text: checked, no finding.
const CLEAN: &str = "Le texte est court.\n";

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Stderr with its lines joined by single spaces: miette draws boxes and wraps lines.
fn stderr_words(output: &Output) -> String {
    let errors = String::from_utf8(output.stderr.clone()).unwrap();
    errors.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn show(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A folder holding [`CLEAN`] as `ok.txt`.
fn folder_with_a_clean_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), CLEAN).unwrap();
    dir
}

const ONE_FILE_CLEAN: &str = "1 fichier vérifié : 0 erreur, 0 avertissement, 0 info.\n";

#[test]
fn a_binary_file_found_in_a_folder_is_skipped_with_a_note() {
    let dir = folder_with_a_clean_file();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let output = coquille(&["check", "--format", "concise", show(dir.path())]);
    assert_eq!(output.status.code(), Some(0), "a note, not a failure");
    assert_eq!(stdout(&output), ONE_FILE_CLEAN);
    assert_eq!(
        stderr_words(&output),
        format!(
            "coquille: {}: binary file, skipped (NUL byte at byte offset 8)",
            show(&binary)
        )
    );
}

#[test]
fn a_binary_file_named_explicitly_is_an_error() {
    let dir = folder_with_a_clean_file();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"abc\0").unwrap();
    let ok = dir.path().join("ok.txt");
    let output = coquille(&["check", "--format", "concise", show(&binary), show(&ok)]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), ONE_FILE_CLEAN);
    assert!(
        stderr_words(&output).starts_with(&format!(
            "coquille::binary × {}: binary file, not checked (NUL byte at byte offset 3)",
            show(&binary)
        )),
        "{}",
        stderr_words(&output)
    );
}

#[test]
fn a_binary_file_found_in_a_folder_is_skipped_by_fix_and_jsonl_too() {
    let dir = folder_with_a_clean_file();
    let binary = dir.path().join("data.md");
    fs::write(&binary, b"\0\x01\x02").unwrap();
    let runs: [&[&str]; 2] = [
        &["check", "--fix", "--format", "concise"],
        &["check", "--format", "jsonl"],
    ];
    for args in runs {
        let output = coquille(&[args, &[show(dir.path())]].concat());
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(
            stderr_words(&output),
            format!(
                "coquille: {}: binary file, skipped (NUL byte at byte offset 0)",
                show(&binary)
            ),
            "{args:?}"
        );
    }
    assert_eq!(fs::read(&binary).unwrap(), b"\0\x01\x02", "never written");
}

#[test]
fn invalid_utf8_is_an_error_naming_the_offset() {
    let dir = folder_with_a_clean_file();
    let latin = dir.path().join("latin.txt");
    fs::write(&latin, b"R\xe9solution\n").unwrap();
    let output = coquille(&["check", "--format", "concise", show(dir.path())]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), ONE_FILE_CLEAN);
    assert!(
        stderr_words(&output).starts_with(&format!(
            "coquille::invalid_utf8 × {}: not valid UTF-8: invalid byte sequence at byte offset 1",
            show(&latin)
        )),
        "{}",
        stderr_words(&output)
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;

    let dir = folder_with_a_clean_file();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Texte.\n").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a file of mode 000 anyway: then there is nothing to test.
    if fs::read(&locked).is_ok() {
        return;
    }
    let output = coquille(&["check", "--format", "concise", show(dir.path())]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), ONE_FILE_CLEAN);
    assert!(
        stderr_words(&output).starts_with(&format!(
            "coquille::io × {}: cannot read: Permission denied (os error 13)",
            show(&locked)
        )),
        "{}",
        stderr_words(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_in_a_folder_is_not_followed() {
    let dir = folder_with_a_clean_file();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("b.txt", dir.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).unwrap();
    let started = Instant::now();
    let output = coquille(&["check", "--format", "concise", show(dir.path())]);
    assert!(started.elapsed() < Duration::from_secs(10), "no hang");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), ONE_FILE_CLEAN);
    assert_eq!(
        stderr_words(&output),
        "",
        "links in folders are not followed"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_named_explicitly_is_an_error_naming_it() {
    let dir = folder_with_a_clean_file();
    let looped = dir.path().join("a.txt");
    std::os::unix::fs::symlink("a.txt", &looped).unwrap();
    let ok = dir.path().join("ok.txt");
    let output = coquille(&["check", "--format", "concise", show(&looped), show(&ok)]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), ONE_FILE_CLEAN);
    assert!(
        stderr_words(&output).starts_with(&format!(
            "coquille::io × {}: cannot read: Too many levels of symbolic links (os error 40)",
            show(&looped)
        )),
        "{}",
        stderr_words(&output)
    );
}

#[test]
fn a_file_that_disappears_during_the_run_is_an_error_naming_it() {
    let dir = folder_with_a_clean_file();
    let gone = dir.path().join("gone.txt");
    fs::write(&gone, "Texte.\n").unwrap();
    let (inputs, failures) = walk::collect_inputs(&[show(dir.path()).to_owned()]);
    assert_eq!(inputs.len(), 2);
    fs::remove_file(&gone).unwrap();
    let report = Report::check(&Linter::all_rules(), &inputs, failures);
    assert_eq!(report.files.len(), 1, "the other file is checked");
    let messages: Vec<String> = report.failures.iter().map(|f| f.to_string()).collect();
    assert_eq!(
        messages,
        [format!("{}: no such file or directory", show(&gone))]
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_fixed_and_the_others_are() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let broken = "Le texte est long; très long.\n";
    let (locked, open) = (dir.path().join("locked.txt"), dir.path().join("open.txt"));
    fs::write(&locked, broken).unwrap();
    fs::write(&open, broken).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).unwrap();
    let output = coquille(&["check", "--fix", "--format", "concise", show(dir.path())]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_words(&output),
        format!(
            "coquille::read_only × {}: cannot write: the file is read-only",
            show(&locked)
        )
    );
    assert_eq!(fs::read_to_string(&locked).unwrap(), broken, "left alone");
    assert_ne!(fs::read_to_string(&open).unwrap(), broken, "fixed");
}

#[test]
fn a_10_mb_single_line_is_checked_to_its_last_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let words = 2_500_000;
    let line = format!("{}long; fin.\n", "mot ".repeat(words));
    assert!(line.len() > 10_000_000);
    fs::write(&path, &line).unwrap();
    let started = Instant::now();
    let output = coquille(&["check", "--format", "concise", show(&path)]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(1));
    let column = 4 * words + 5;
    assert!(
        stdout(&output).starts_with(&format!(
            "{}:1:{column}: error[space-before-punctuation]",
            show(&path)
        )),
        "{}",
        &stdout(&output)[..stdout(&output).len().min(400)]
    );
}

/// A full disk, simulated: the file size limit (`RLIMIT_FSIZE`) set below the fixed text's
/// size, and `SIGXFSZ` ignored, so that the write fails with `EFBIG` as it would with
/// `ENOSPC`, through the same path.
#[cfg(unix)]
#[test]
fn a_write_that_does_not_fit_leaves_the_original_intact() {
    use std::os::unix::process::CommandExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let broken = "Le texte est long; très long.\n".repeat(100);
    fs::write(&path, &broken).unwrap();
    let mut command = common::binary();
    command
        .args(["check", "--fix", "--format", "concise", show(&path)])
        .env("NO_COLOR", "1");
    // SAFETY: between fork and exec, only two async-signal-safe system calls.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 1024,
                rlim_max: 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0
                || libc::signal(libc::SIGXFSZ, libc::SIG_IGN) == libc::SIG_ERR
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_words(&output),
        format!(
            "coquille::write × {}: cannot write: File too large (os error 27)",
            show(&path)
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken, "intact");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
}
