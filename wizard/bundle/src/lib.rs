//! The browser apps' bundles (the wizard, "Prepara la richiesta", the search's query side): compiles each app of
//! `wizard/` (`app`, `richiesta-app`, `ricerca-app`) for `wasm32-unknown-unknown` (profile `wasm-release`) with a
//! nested cargo in a target folder of its own,
//! generates the JavaScript glue with wasm-bindgen used as a library (classic-script glue, so that it loads from
//! `file://` too), and shrinks the module with `wasm-opt` from npm's binaryen, installing it with `npm ci` in
//! `tools/npm` when npm is there. Nothing is downloaded but crates, npm packages and, when missing, the rustup
//! target.
//!
//! Run once at compile time by the build script of `civis-moduli`, which embeds the files in the `civis-guida`
//! binary (so that an installed binary needs no source tree), and by this crate's own binary, which writes them
//! into a folder without any cache (the reproducibility check of `scripts/test`).
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
    /// Short name (`wizard`, `richiesta`, `ricerca`).
    pub id: &'static str,
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
    App { id: "wizard", package: "civis-wizard", lib: "civis_wizard", dir: "assistente/pkg", global: "civisWizard" };
/// "Prepara la richiesta".
pub const RICHIESTA: App = App {
    id: "richiesta",
    package: "civis-richiesta-app",
    lib: "civis_richiesta_app",
    dir: "richiesta/pkg",
    global: "civisRichiesta",
};
/// The search's query side (stemming and synonyms), loaded by the theme's `ricerca.js` on every page.
pub const RICERCA: App = App {
    id: "ricerca",
    package: "civis-ricerca-wasm",
    lib: "civis_ricerca_wasm",
    dir: "ricerca/pkg",
    global: "civisRicercaMod",
};

/// Every app of the workspace.
pub const APPS: [App; 3] = [WIZARD, RICHIESTA, RICERCA];

/// What to build.
pub struct Options {
    /// The workspace holding the apps.
    pub workspace_root: PathBuf,
    /// The nested cargo's target folder (never the outer build's own: its lock is held while a build script runs).
    pub target_dir: PathBuf,
    /// The apps to build.
    pub apps: Vec<App>,
    /// Where wasm-opt's results are kept between runs (keyed on the input module and the flags); `None`: always
    /// optimise again.
    pub cache: Option<PathBuf>,
    /// How a warning reaches the person building (a build script prints `cargo:warning=`).
    pub avvisa: fn(&str),
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
    eprintln!("aggiungo il target Rust {TARGET} (rustup target add {TARGET})");
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

/// Whether an environment variable of the outer build must not reach the nested cargo: the flags and wrappers
/// of the native build (`RUSTFLAGS` for the host, clippy's driver), and what cargo sets for a build script (its
/// package, features, target, output folder), which the nested build's own build scripts would otherwise inherit.
fn della_build_esterna(nome: &str) -> bool {
    const ESATTI: [&str; 16] = [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "RUSTC_WORKSPACE_WRAPPER",
        "CLIPPY_ARGS",
        "CARGO_BUILD_TARGET",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET_DIR",
        "TARGET",
        "HOST",
        "OUT_DIR",
        "OPT_LEVEL",
        "PROFILE",
        "DEBUG",
        "NUM_JOBS",
        "RUSTC_LINKER",
    ];
    const PREFISSI: [&str; 6] = ["CARGO_FEATURE_", "CARGO_CFG_", "CARGO_PKG_", "CARGO_MANIFEST_", "DEP_", "__CARGO"];
    ESATTI.contains(&nome) || PREFISSI.iter().any(|p| nome.starts_with(p)) || nome == "CARGO_PRIMARY_PACKAGE"
}

/// Builds the apps (one cargo run) and returns their files.
pub fn bundle(opts: &Options) -> Result<Vec<Asset>, String> {
    ensure_target()?;
    let root = &opts.workspace_root;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    for (nome, _) in std::env::vars_os() {
        if nome.to_str().is_some_and(della_build_esterna) {
            build.env_remove(nome);
        }
    }
    build.args(["build", "--quiet", "--profile", "wasm-release", "--target", TARGET]);
    for app in &opts.apps {
        build.args(["-p", app.package]);
    }
    build.arg("--manifest-path").arg(root.join("Cargo.toml")).arg("--target-dir").arg(&opts.target_dir);
    run(&mut build, "la compilazione delle app in WebAssembly")?;
    let mut assets = Vec::new();
    for app in &opts.apps {
        assets.extend(assets_of(opts, *app)?);
    }
    Ok(assets)
}

/// One app's files: the module, its embedded copy for `file://`, and the glue with the loader.
fn assets_of(opts: &Options, app: App) -> Result<Vec<Asset>, String> {
    let wasm = opts.target_dir.join(TARGET).join("wasm-release").join(format!("{}.wasm", app.lib));
    let out = tempfile::tempdir().map_err(|e| format!("cartella temporanea: {e}"))?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .no_modules(true)
        .and_then(|b| b.no_modules_global(app.global))
        .and_then(|b| b.typescript(false).omit_default_module_path(false).generate(out.path()))
        .map_err(|e| format!("wasm-bindgen ({}): {e}", app.package))?;
    let module = out.path().join(format!("{}_bg.wasm", app.lib));
    optimise(opts, opts.cache.as_ref().map(|c| c.join(app.lib)).as_deref(), &module)?;
    let modulo = std::fs::read(&module).map_err(|e| format!("{}: {e}", module.display()))?;
    let colla =
        std::fs::read(out.path().join(format!("{}.js", app.lib))).map_err(|e| format!("{}.js: {e}", app.lib))?;
    // Every name carries its content's fingerprint, so browsers may keep the files forever; the copy for
    // `file://` takes the module's name with `.js` after it, which is how the loader finds it.
    let nome_modulo = civis_core::impronta::con_impronta(&format!("{}_bg.wasm", app.lib), &modulo);
    // One script for the glue and the loader: a request fewer before the module is fetched.
    let mut avvio = colla;
    avvio.extend_from_slice(avvio_di(app, &nome_modulo).as_bytes());
    let nome_avvio = civis_core::impronta::con_impronta(LOADER, &avvio);
    let mut files = vec![Asset { path: format!("{}/{nome_modulo}.js", app.dir), bytes: incorporato(&modulo, app)? }];
    // The module and the loader with their compressed copies (brotli 11, gzip), made once here rather than at
    // every build of a site; the copy for `file://` never travels over http.
    for (nome, bytes) in [(nome_modulo, modulo), (nome_avvio, avvio)] {
        let path = format!("{}/{nome}", app.dir);
        for (suffisso, copia) in civis_core::compressione::copie(&bytes, civis_core::compressione::Sforzo::Massimo) {
            files.push(Asset { path: format!("{path}{suffisso}"), bytes: copia });
        }
        files.push(Asset { path, bytes });
    }
    Ok(files)
}

/// The classic script that an app's page loads, before its fingerprint: the bundle names it
/// `avvio.<16 hex>.js` ([`civis_core::impronta::con_impronta`]).
pub const LOADER: &str = "avvio.js";

/// The loader, after the glue in the same file: the module from the server, or from the embedded copy on
/// `file://`. If a browser refuses either, the pre-rendered page stays and its links keep working.
fn avvio_di(app: App, modulo: &str) -> String {
    AVVIO.replace("GLOBALE", app.global).replace("MODULO", modulo)
}

/// The loader runs first among the page's deferred scripts (`defer`, in the head: fetched while the page is
/// parsed): over http(s) it starts fetching and compiling the module at once (`compileStreaming`, with a plain
/// fetch where the server's content type makes it fail), and starts the app at `DOMContentLoaded`, once the
/// deferred scripts after it (the data the app reads) have run. A deferred script always runs before that event;
/// `async` would not guarantee it (it may run between the end of parsing and the deferred scripts). Loaded later
/// by a script (search loads its module on first use) it starts the app as soon as the module is there: the
/// event has passed, though `readyState` may still say `interactive`. A page whose first screen works without
/// the module (the wizard's first question is links) marks the loader `data-dopo-il-disegno`: with no answers in
/// the fragment the module is fetched once the page has loaded and painted, so it never competes with the first
/// paint for a slow phone's bandwidth; with answers it is fetched at once, as the result needs it.
const AVVIO: &str = r#"
(function () {
  'use strict';
  var io = document.currentScript, base = io.src.replace(/[^\/]*$/, '');
  var attesa = document.readyState === 'loading' || (io.defer && document.readyState === 'interactive');
  if (attesa) document.addEventListener('DOMContentLoaded', function () { attesa = false; });
  function quandoPronta(f) {
    if (attesa) document.addEventListener('DOMContentLoaded', f); else f();
  }
  function avvia(modulo) { quandoPronta(function () { GLOBALE({ module_or_path: modulo }).catch(function () {}); }); }
  function carica() {
    if (location.protocol !== 'file:') {
      var url = base + 'MODULO';
      avvia(WebAssembly.compileStreaming
        ? WebAssembly.compileStreaming(fetch(url)).catch(function () { return fetch(url); })
        : url);
      return;
    }
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
  }
  if (!io.hasAttribute('data-dopo-il-disegno') || location.hash.length > 1) { carica(); return; }
  function dopo() { requestAnimationFrame(function () { setTimeout(carica, 0); }); }
  if (document.readyState === 'complete') dopo(); else addEventListener('load', dopo);
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
fn optimise(opts: &Options, cache: Option<&Path>, module: &Path) -> Result<(), String> {
    let root = &opts.workspace_root;
    let wasm_opt = root.join("tools/npm/node_modules/.bin/wasm-opt");
    if !wasm_opt.is_file() && Command::new("npm").arg("--version").output().is_ok_and(|o| o.status.success()) {
        (opts.avvisa)("installo wasm-opt (npm ci in tools/npm), che riduce i moduli WebAssembly di circa un terzo");
        let npm = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(root.join("tools/npm"))
            .status();
        if !npm.is_ok_and(|s| s.success()) {
            (opts.avvisa)("npm ci in tools/npm non è riuscito");
        }
    }
    if !wasm_opt.is_file() {
        (opts.avvisa)(
            "wasm-opt non trovato, i moduli WebAssembly non sono ottimizzati (per ridurli: apt-get install -y npm)",
        );
        return Ok(());
    }
    let mut chiave = std::fs::read(module).map_err(|e| format!("{}: {e}", module.display()))?;
    chiave.extend_from_slice(WASM_OPT_FLAGS.join(" ").as_bytes());
    let salvati = cache.map(|c| (c.join("input.key"), c.join("output.wasm")));
    if let Some((input, output)) = &salvati {
        if std::fs::read(input).is_ok_and(|b| b == chiave) && output.is_file() {
            return std::fs::copy(output, module).map(drop).map_err(|e| format!("cache di wasm-opt: {e}"));
        }
    }
    run(Command::new(&wasm_opt).args(WASM_OPT_FLAGS).arg(module).arg("-o").arg(module), "wasm-opt")?;
    let Some((input, output)) = salvati else { return Ok(()) };
    let saved = std::fs::create_dir_all(input.parent().expect("in the cache folder"))
        .and_then(|_| std::fs::write(&input, &chiave))
        .and_then(|_| std::fs::copy(module, &output));
    saved.map(drop).map_err(|e| format!("cache di wasm-opt: {e}"))
}
