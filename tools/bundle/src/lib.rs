//! The browser apps' bundles (the wizard, "Prepara la richiesta"): compiles each app for `wasm32-unknown-unknown` (profile `wasm-release`) with a nested
//! cargo, generates the JavaScript glue with wasm-bindgen used as a library (classic-script glue, so that it
//! loads from `file://` too), and shrinks the module with `wasm-opt` from npm's binaryen, installing it with
//! `npm ci` in `tools/npm` when npm is there. Nothing is downloaded but crates, npm packages and, when missing,
//! the rustup target.
//!
//! Each app's page loads one classic script, `avvio.js` (the glue and the loader). Over http(s) it instantiates
//! `<lib>_bg.wasm` (streaming);
//! from `file://`, where browsers refuse fetch and module scripts, it loads `<lib>_bg.wasm.js`, the same
//! module gzipped and in base64, inflates it with `DecompressionStream` and instantiates it asynchronously.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A browser app of the workspace: a `cdylib` crate that mounts itself on its page.
#[derive(Debug, Clone, Copy)]
pub struct App {
    /// Cargo package.
    pub package: &'static str,
    /// Its library's file name (`civis_wizard` for `civis_wizard.wasm`).
    pub lib: &'static str,
    /// Where its bundle goes in the site, beside the page that loads it (`assistente/pkg`).
    pub dir: &'static str,
    /// The global name of its glue, distinct per app so that two apps never clash in one page.
    pub global: &'static str,
}

/// The wizard ("Percorso guidato").
pub const WIZARD: App =
    App { package: "civis-wizard", lib: "civis_wizard", dir: "assistente/pkg", global: "civisWizard" };
/// "Prepara la richiesta".
pub const RICHIESTA: App =
    App { package: "civis-richiesta-app", lib: "civis_richiesta_app", dir: "richiesta/pkg", global: "civisRichiesta" };
/// The search's query side (stemming and synonyms), loaded by the theme's `ricerca.js` on every page.
pub const RICERCA: App =
    App { package: "civis-ricerca-wasm", lib: "civis_ricerca_wasm", dir: "ricerca/pkg", global: "civisRicercaMod" };

/// What to build.
pub struct Options {
    /// The workspace holding the apps.
    pub workspace_root: PathBuf,
    /// The apps to build ([`WIZARD`], [`RICHIESTA`], [`RICERCA`]: the CLI picks those the site needs).
    pub apps: Vec<App>,
}

/// A file of the bundle.
pub struct Asset {
    /// Output path relative to the site root (`assistente/pkg/avvio.js`).
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

const TARGET: &str = "wasm32-unknown-unknown";

/// wasm-opt flags that keep the features wasm-bindgen's output uses (see research/toolchain.md). The module's
/// memory is its own (not imported), so it starts zeroed; `--converge` repeats -Oz while it still shrinks.
const WASM_OPT_FLAGS: [&str; 10] = [
    "-Oz",
    "--converge",
    "--zero-filled-memory",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// Adds the rustup target when it is missing, or says exactly what to run.
fn ensure_target() -> Result<(), String> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    if installed.as_ref().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == TARGET)) {
        return Ok(());
    }
    eprintln!("Aggiungo il target Rust {TARGET} (rustup target add {TARGET})…");
    match Command::new("rustup").args(["target", "add", TARGET]).status() {
        Ok(s) if s.success() => Ok(()),
        _ => Err(format!("manca il target Rust {TARGET}: esegui `rustup target add {TARGET}` e riprova")),
    }
}

fn run(cmd: &mut Command, what: &str) -> Result<(), String> {
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{what}: errore ({s}); il messaggio del comando è qui sopra")),
        Err(e) => Err(format!("{what}: non riesco ad avviarlo: {e}")),
    }
}

/// Builds the apps (one cargo run) and returns their files.
pub fn bundle(opts: &Options) -> Result<Vec<Asset>, String> {
    ensure_target()?;
    let root = &opts.workspace_root;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build.args(["build", "--quiet", "--profile", "wasm-release", "--target", TARGET]);
    for app in &opts.apps {
        build.args(["-p", app.package]);
    }
    run(build.arg("--manifest-path").arg(root.join("Cargo.toml")), "la compilazione delle app in WebAssembly")?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let mut assets = Vec::new();
    for app in &opts.apps {
        assets.extend(assets_of(root, &target_dir, *app)?);
    }
    Ok(assets)
}

/// One app's files: the module, its embedded copy for `file://`, and the glue with the loader.
fn assets_of(root: &Path, target_dir: &Path, app: App) -> Result<Vec<Asset>, String> {
    let wasm = target_dir.join(TARGET).join("wasm-release").join(format!("{}.wasm", app.lib));
    let out = tempfile::tempdir().map_err(|e| format!("cartella temporanea: {e}"))?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .no_modules(true)
        .and_then(|b| b.no_modules_global(app.global))
        .and_then(|b| b.typescript(false).omit_default_module_path(false).generate(out.path()))
        .map_err(|e| format!("wasm-bindgen ({}): {e}", app.package))?;
    let module = out.path().join(format!("{}_bg.wasm", app.lib));
    optimise(root, &target_dir.join("civis-bundle").join(app.lib), &module)?;
    let modulo = std::fs::read(&module).map_err(|e| format!("{}: {e}", module.display()))?;
    let colla =
        std::fs::read(out.path().join(format!("{}.js", app.lib))).map_err(|e| format!("{}.js: {e}", app.lib))?;
    // One script for the glue and the loader: a request fewer before the module is fetched.
    let mut avvio = colla;
    avvio.extend_from_slice(avvio_di(app).as_bytes());
    Ok(vec![
        Asset { path: format!("{}/{}_bg.wasm.js", app.dir, app.lib), bytes: incorporato(&modulo, app)? },
        Asset { path: format!("{}/{}_bg.wasm", app.dir, app.lib), bytes: modulo },
        Asset { path: format!("{}/{LOADER}", app.dir), bytes: avvio },
    ])
}

/// The classic script that an app's page loads (`<script src="pkg/avvio.js" defer>`).
pub const LOADER: &str = "avvio.js";

/// The loader, after the glue in the same file: the module from the server, or from the embedded copy on
/// `file://`. If a browser refuses either, the pre-rendered page stays and its links keep working.
fn avvio_di(app: App) -> String {
    AVVIO.replace("GLOBALE", app.global).replace("MODULO", &format!("{}_bg.wasm", app.lib))
}

const AVVIO: &str = r#"
(function () {
  'use strict';
  var base = document.currentScript.src.replace(/[^\/]*$/, '');
  function avvia(modulo) { GLOBALE({ module_or_path: modulo }).catch(function () {}); }
  if (location.protocol !== 'file:') { avvia(base + 'MODULO'); return; }
  if (typeof DecompressionStream === 'undefined') return;
  var s = document.createElement('script');
  s.src = base + 'MODULO.js';
  s.onload = function () {
    var testo = atob(window.GLOBALEWasm), byte = new Uint8Array(testo.length);
    for (var i = 0; i < testo.length; i++) byte[i] = testo.charCodeAt(i);
    var flusso = new Blob([byte]).stream().pipeThrough(new DecompressionStream('gzip'));
    new Response(flusso).arrayBuffer().then(avvia, function () {});
  };
  document.head.appendChild(s);
})();
"#;

/// The module gzipped (no timestamp, so the output is reproducible) and in base64, as a classic script that sets
/// `window.<global>Wasm`: what the loader uses from `file://`.
fn incorporato(modulo: &[u8], app: App) -> Result<Vec<u8>, String> {
    use base64::Engine;
    use std::io::Write;
    let mut gz = flate2::GzBuilder::new().mtime(0).write(Vec::new(), flate2::Compression::best());
    gz.write_all(modulo).map_err(|e| format!("gzip: {e}"))?;
    let compresso = gz.finish().map_err(|e| format!("gzip: {e}"))?;
    let testo = base64::engine::general_purpose::STANDARD.encode(compresso);
    Ok(format!("window.{}Wasm = '{testo}';\n", app.global).into_bytes())
}

/// Runs npm binaryen's wasm-opt (Debian's binaryen is too old), running `npm ci` in `tools/npm` first when it is
/// missing and npm is there. The result is kept in `cache` and reused while the module and the flags are
/// byte-for-byte the same (wasm-opt takes ~10 s).
fn optimise(root: &Path, cache: &Path, module: &Path) -> Result<(), String> {
    let wasm_opt = root.join("tools/npm/node_modules/.bin/wasm-opt");
    if !wasm_opt.is_file() && Command::new("npm").arg("--version").output().is_ok_and(|o| o.status.success()) {
        eprintln!("Installo wasm-opt (npm ci in tools/npm), che riduce il modulo WebAssembly di circa un terzo…");
        let npm = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(root.join("tools/npm"))
            .status();
        if !npm.is_ok_and(|s| s.success()) {
            eprintln!("avviso: npm ci in tools/npm non è riuscito");
        }
    }
    if !wasm_opt.is_file() {
        eprintln!("avviso: wasm-opt non trovato, il modulo WebAssembly non è ottimizzato (per ridurlo installa npm: apt-get install -y npm)");
        return Ok(());
    }
    let (input, output) = (cache.join("input.key"), cache.join("output.wasm"));
    let mut bytes = std::fs::read(module).map_err(|e| format!("{}: {e}", module.display()))?;
    bytes.extend_from_slice(WASM_OPT_FLAGS.join(" ").as_bytes());
    if std::fs::read(&input).is_ok_and(|b| b == bytes) && output.is_file() {
        return std::fs::copy(&output, module).map(drop).map_err(|e| format!("cache di wasm-opt: {e}"));
    }
    run(Command::new(&wasm_opt).args(WASM_OPT_FLAGS).arg(module).arg("-o").arg(module), "wasm-opt")?;
    let saved = std::fs::create_dir_all(cache)
        .and_then(|_| std::fs::write(&input, &bytes))
        .and_then(|_| std::fs::copy(module, &output));
    saved.map(drop).map_err(|e| format!("cache di wasm-opt: {e}"))
}
