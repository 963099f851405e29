//! `--fix`, `--unsafe-fixes` and `--diff` as users run them: on temporary copies of the
//! crafted fixtures, whose fixes must give back, byte for byte, the seeds they came from.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

const FULL_STOP: &str = "crafted/final-full-stop-missing.txt";
const COMMA: &str = "crafted/preamble-comma-missing.txt";

/// Runs the binary with `stdin` as its standard input. `check` runs the structure rules
/// only: these tests pin the machinery on `paragraph-punctuation`'s unsafe fixes, whose
/// results are the seeds byte for byte (the typography fixes are tested in `fix_typography`).
fn coquille_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let args: Vec<&str> = match args.split_first() {
        Some((&"check", rest)) => [&["check", "--select", "structure"], rest].concat(),
        _ => args.to_vec(),
    };
    common::coquille_with_stdin(&args, stdin)
}

fn coquille(args: &[&str]) -> Output {
    coquille_with_stdin(args, b"")
}

/// `(exit code, stdout, stderr)` of [`coquille`].
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    common::code_and_streams(coquille(args))
}

/// A temporary folder holding copies of `fixtures` (names relative to `fixtures/`).
fn copies(fixtures: &[&str]) -> (TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = fixtures
        .iter()
        .map(|name| {
            let path = dir.path().join(Path::new(name).file_name().unwrap());
            std::fs::write(&path, common::read_fixture(name)).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn show(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn unsafe_fixes_give_back_the_seeds_and_a_second_run_changes_nothing() {
    let (dir, paths) = copies(&[FULL_STOP, COMMA]);
    let folder = show(dir.path());
    let args = [
        "check",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "concise",
        folder,
    ];
    assert_eq!(
        run(&args),
        (
            Some(0),
            "2 fichiers vérifiés : 0 erreur, 0 avertissement, 0 info.\n\
             2 corrections appliquées (paragraph-punctuation 2).\n"
                .to_owned(),
            String::new()
        )
    );
    assert_eq!(
        read(&paths[0]),
        read(&common::fixtures().join("A_RES_58_170.txt"))
    );
    assert_eq!(
        read(&paths[1]),
        read(&common::fixtures().join("A_RES_66_152.txt"))
    );

    let before = inodes(&paths);
    assert_eq!(
        run(&args),
        (
            Some(0),
            "2 fichiers vérifiés : 0 erreur, 0 avertissement, 0 info.\n\
             0 correction appliquée.\n"
                .to_owned(),
            String::new()
        )
    );
    assert_eq!(inodes(&paths), before, "an unchanged file is not rewritten");
    let left = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(left, 2, "no temporary file left behind");
}

/// The inode of each file: a rewrite (a rename over the file) changes it.
fn inodes(paths: &[PathBuf]) -> Vec<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        paths
            .iter()
            .map(|p| std::fs::metadata(p).unwrap().ino())
            .collect()
    }
    #[cfg(not(unix))]
    {
        paths.iter().map(|_| 0).collect()
    }
}

#[test]
fn fix_alone_applies_no_unsafe_fix_and_says_so() {
    let (_dir, paths) = copies(&[COMMA]);
    let before = read(&paths[0]);
    let path = show(&paths[0]);
    assert_eq!(
        run(&["check", "--fix", "--format", "concise", path]),
        (
            Some(0),
            format!(
                "{path}:44:177: warning[paragraph-punctuation] le paragraphe du préambule ne se \
                 termine pas par une virgule\n\
                 1 fichier vérifié : 0 erreur, 1 avertissement, 0 info.\n\
                 0 correction appliquée ; 1 correction non sûre possible avec --unsafe-fixes.\n"
            ),
            String::new()
        )
    );
    assert_eq!(read(&paths[0]), before);
}

#[test]
fn diff_prints_what_fix_would_write_and_writes_nothing() {
    let (_dir, paths) = copies(&[FULL_STOP]);
    let before = read(&paths[0]);
    let path = show(&paths[0]);
    let expected = format!(
        "--- {path}\n+++ {path}\n@@ -63,7 +63,7 @@\n \n\
         \x209. *Invite* les États et les organes et organismes des Nations Unies chargés des \
         questions relatives aux droits de l'homme à rester conscients de l'importance de la \
         coopération mutuelle, de la compréhension et du dialogue comme moyens d'assurer la \
         promotion et la protection de tous les droits de l'homme ;\n \n\
         -10. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session\n\
         +10. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.\n \n\
         \x20*77^e séance plénière\n\
         \x2022 décembre 2003*\n\
         \\ No newline at end of file\n"
    );
    assert_eq!(
        run(&["check", "--diff", "--unsafe-fixes", path]),
        (
            Some(1),
            expected,
            "1 correction serait appliquée (paragraph-punctuation 1).\n".to_owned()
        )
    );
    assert_eq!(read(&paths[0]), before);
    assert_eq!(
        run(&["check", "--diff", path]),
        (
            Some(0),
            String::new(),
            "0 correction serait appliquée ; 1 correction non sûre possible avec \
             --unsafe-fixes.\n"
                .to_owned()
        ),
        "nothing to change without --unsafe-fixes"
    );
}

#[test]
fn stdin_gets_its_fixed_text_on_stdout_and_the_report_on_stderr() {
    let crafted = common::read_fixture(COMMA);
    let output = coquille_with_stdin(
        &[
            "check",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "concise",
            "-",
        ],
        crafted.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        output.stdout,
        read(&common::fixtures().join("A_RES_66_152.txt"))
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "1 fichier vérifié : 0 erreur, 0 avertissement, 0 info.\n\
         1 correction appliquée (paragraph-punctuation 1).\n"
    );
}

#[test]
fn a_bom_and_crlf_line_endings_survive_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let bom_crlf = |text: String| format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let path = dir.path().join("crlf.txt");
    std::fs::write(&path, bom_crlf(common::read_fixture(COMMA))).unwrap();
    let (code, _, errors) = run(&["check", "--fix", "--unsafe-fixes", show(&path)]);
    assert_eq!((code, errors.as_str()), (Some(0), ""));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        bom_crlf(common::read_fixture("A_RES_66_152.txt"))
    );
}

#[test]
fn remaining_findings_are_reported_at_the_fixed_text_s_offsets() {
    // Paragraph 7 renumbered 9: a finding without a fix, after the comma the fix inserts.
    let crafted = common::read_fixture(COMMA).replace("\n7. *Réaffirme*", "\n9. *Réaffirme*");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-faults.txt");
    std::fs::write(&path, &crafted).unwrap();
    let output = coquille(&[
        "check",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "json",
        show(&path),
    ]);
    assert_eq!(output.status.code(), Some(1), "the numbering error remains");
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "1 correction appliquée (paragraph-punctuation 1).\n",
        "stdout stays JSON"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(d["rule"], "paragraph-numbering");
    let offset = d["offset"].as_u64().unwrap() as usize;
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(&fixed[offset..offset + 3], "9. ");
    assert_eq!(offset, crafted.find("\n9. *Réaffirme*").unwrap() + 2);
}

#[test]
fn unsafe_fixes_need_fix_or_diff() {
    let (code, _, errors) = run(&["check", "--unsafe-fixes", "fixtures/"]);
    assert_eq!(code, Some(2));
    assert!(errors.contains("<--fix|--diff>"), "{errors}");
}

#[cfg(unix)]
#[test]
fn a_file_in_a_read_only_folder_is_reported_and_the_others_are_fixed() {
    use std::os::unix::fs::PermissionsExt;

    let (locked, locked_paths) = copies(&[COMMA]);
    let (_open, open_paths) = copies(&[FULL_STOP]);
    let set_mode = |mode| {
        std::fs::set_permissions(locked.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(0o555);
    // Root writes into a read-only folder anyway: then there is nothing to test.
    let probe = locked.path().join("probe");
    if std::fs::write(&probe, "").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        set_mode(0o755);
        return;
    }
    let (locked_path, open_path) = (show(&locked_paths[0]), show(&open_paths[0]));
    let output = coquille(&[
        "check",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "concise",
        locked_path,
        open_path,
    ]);
    set_mode(0o755);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "1 fichier vérifié : 0 erreur, 0 avertissement, 0 info.\n\
         1 correction appliquée (paragraph-punctuation 1).\n"
    );
    let errors = String::from_utf8(output.stderr).unwrap();
    let words: Vec<&str> = errors.split_whitespace().collect();
    assert_eq!(
        words.join(" "),
        format!("coquille::write × {locked_path}: cannot write: Permission denied (os error 13)"),
        "the system's reason, not the temporary file's name"
    );
    assert_eq!(
        std::fs::read_to_string(locked_path).unwrap(),
        common::read_fixture(COMMA)
    );
    assert_eq!(
        std::fs::read_to_string(open_path).unwrap(),
        common::read_fixture("A_RES_58_170.txt")
    );
}
