//! Converts the wizard's rules (`content/wizard/*.yaml`) to JSON in OUT_DIR, for the build without the `yaml`
//! feature (the browser app): the same data, read by serde_json, so no YAML parser ships to the browser. A file
//! that is not valid YAML becomes `null`: the native tools, which read the YAML, report it with its line.

use std::path::Path;

const FILE: [&str; 5] = ["calendario.yaml", "notifica.yaml", "scadenze.yaml", "canali.yaml", "domande.yaml"];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/wizard");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in FILE {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let value: serde_json::Value = serde_norway::from_str(&text).unwrap_or(serde_json::Value::Null);
        let json = serde_json::to_string(&value).expect("a JSON value serialises");
        std::fs::write(out.join(name.replace(".yaml", ".json")), json).expect("OUT_DIR is writable");
    }
}
