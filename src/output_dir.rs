//! `--output-dir`: the fixed copies of the inputs, written in UTF-8 under one folder that
//! mirrors the tree of each folder named on the command line; the originals are never touched.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::source::Input;
use crate::write::{write_copy, WriteError};

/// The folder that receives the fixed copies.
#[derive(Debug)]
pub struct OutputDir {
    root: PathBuf,
    /// The folders named on the command line: the roots of the trees mirrored.
    folders: Vec<PathBuf>,
    /// The copies written so far, and the input each came from.
    written: HashMap<PathBuf, PathBuf>,
}

impl OutputDir {
    /// Copies go under `root`, mirroring each folder of `arguments` (the paths given on the
    /// command line).
    pub fn new(root: PathBuf, arguments: &[String]) -> Self {
        let folders = arguments
            .iter()
            .map(PathBuf::from)
            .filter(|path| path.is_dir())
            .collect();
        Self {
            root,
            folders,
            written: HashMap::new(),
        }
    }

    /// The output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the copy of `input` goes: its path inside the folder argument it was found in,
    /// under the output folder; a file named on the command line goes to the output folder's
    /// top, under its own name.
    pub fn target(&self, input: &Path) -> PathBuf {
        let relative = self
            .folders
            .iter()
            .find_map(|folder| input.strip_prefix(folder).ok())
            .filter(|relative| !relative.as_os_str().is_empty())
            .or_else(|| input.file_name().map(Path::new))
            .unwrap_or(input);
        self.root.join(relative)
    }

    /// `inputs` without the files already inside the output folder (the copies of an earlier
    /// run, when the output folder lies inside a folder being cleaned).
    pub fn leave_out_copies(&self, inputs: &[Input]) -> Vec<Input> {
        let Ok(root) = self.root.canonicalize() else {
            return inputs.to_vec();
        };
        inputs
            .iter()
            .filter(|input| match input.path() {
                Some(path) => !path.canonicalize().is_ok_and(|p| p.starts_with(&root)),
                None => true,
            })
            .cloned()
            .collect()
    }

    /// Writes `text` as the copy of `input`; returns the copy's path. Refuses to write over
    /// the input itself or over the copy of another input.
    pub fn write(&mut self, input: &Path, text: &str) -> Result<PathBuf, WriteError> {
        let target = self.target(input);
        let same_file = |a: &Path, b: &Path| {
            a.canonicalize()
                .is_ok_and(|a| b.canonicalize().is_ok_and(|b| a == b))
        };
        if same_file(input, &target) {
            return Err(WriteError::OverOriginal {
                path: input.display().to_string(),
            });
        }
        if let Some(other) = self.written.get(&target) {
            return Err(WriteError::SameCopy {
                path: target.display().to_string(),
                other: other.display().to_string(),
            });
        }
        write_copy(&target, text)?;
        self.written.insert(target.clone(), input.to_path_buf());
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_mirrored_and_named_files_go_to_the_top() {
        let corpus = tempfile::tempdir().unwrap();
        std::fs::create_dir(corpus.path().join("2001")).unwrap();
        let folder = corpus.path().to_str().unwrap().to_owned();
        let output = OutputDir::new(PathBuf::from("cleaned"), &[folder, "a/b.txt".to_owned()]);
        assert_eq!(
            output.target(&corpus.path().join("2001/r.txt")),
            Path::new("cleaned/2001/r.txt")
        );
        assert_eq!(
            output.target(Path::new("a/b.txt")),
            Path::new("cleaned/b.txt")
        );
    }

    #[test]
    fn a_copy_never_replaces_its_original_nor_another_copy() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("one/r.txt");
        let second = dir.path().join("two/r.txt");
        for path in [&first, &second] {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "original").unwrap();
        }
        let folders = |names: &[&str]| -> Vec<String> {
            names
                .iter()
                .map(|n| dir.path().join(n).to_str().unwrap().to_owned())
                .collect()
        };
        let mut over = OutputDir::new(dir.path().join("one"), &folders(&["one"]));
        let error = over.write(&first, "copie").unwrap_err();
        assert!(matches!(error, WriteError::OverOriginal { .. }), "{error}");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "original");

        let out = dir.path().join("out");
        let mut both = OutputDir::new(out.clone(), &folders(&["one", "two"]));
        assert_eq!(both.write(&first, "copie").unwrap(), out.join("r.txt"));
        let error = both.write(&second, "autre").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: not written: the copy of {} is already there",
                out.join("r.txt").display(),
                first.display()
            )
        );
        assert_eq!(std::fs::read_to_string(out.join("r.txt")).unwrap(), "copie");
    }

    #[test]
    fn the_copies_of_an_earlier_run_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("cleaned");
        std::fs::create_dir(&out).unwrap();
        for path in [dir.path().join("r.txt"), out.join("r.txt")] {
            std::fs::write(path, "texte").unwrap();
        }
        let output = OutputDir::new(out.clone(), &[]);
        let inputs = [
            Input::Path(dir.path().join("r.txt")),
            Input::Path(out.join("r.txt")),
            Input::Stdin,
        ];
        assert_eq!(
            output.leave_out_copies(&inputs),
            [Input::Path(dir.path().join("r.txt")), Input::Stdin]
        );
    }
}
