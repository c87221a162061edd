//! Helpers for the integration tests: copies of fixture sites in temporary folders, runs of the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the tests are targets of `site/cli`, two folders below it).
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("site/cli sits two folders below the root")
}

/// Copies a folder recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// A fresh copy of `tests/fixtures/<name>` in a temporary folder.
pub(crate) fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Runs `civis-guida --root ROOT ARGS…`.
pub(crate) fn civis(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_civis-guida")).arg("--root").arg(root).args(args).output().unwrap()
}

/// Runs `cmd` with `input` on its standard input, capturing its output.
pub(crate) fn con_input(mut cmd: Command, input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut figlio = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    figlio.stdin.take().unwrap().write_all(input).unwrap();
    figlio.wait_with_output().unwrap()
}

/// Standard error as text.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
