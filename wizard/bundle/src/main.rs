//! `civis-bundle DIR`: builds every browser app of the workspace and writes its files under DIR, without any
//! cache (wasm-opt runs again). `scripts/test` runs it twice and compares the folders: the WebAssembly the
//! `civis-guida` binary embeds is reproducible.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("uso: civis-bundle CARTELLA");
        return ExitCode::from(2);
    };
    let workspace_root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let opts = civis_bundle::Options {
        target_dir: workspace_root.join("target/apps"),
        workspace_root,
        apps: civis_bundle::APPS.to_vec(),
        cache: None,
        avvisa: |m| eprintln!("avviso: {m}"),
    };
    let scritti = civis_bundle::bundle(&opts).and_then(|assets| {
        assets.iter().try_for_each(|a| {
            let path = out.join(&a.path);
            std::fs::create_dir_all(path.parent().expect("a file in a folder"))
                .and_then(|_| std::fs::write(&path, &a.bytes))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
    });
    match scritti {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("civis-bundle: {e}");
            ExitCode::FAILURE
        }
    }
}
