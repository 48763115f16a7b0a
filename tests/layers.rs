//! The layers depend one way: each module of the crate uses only the modules below it (the
//! table here, in order), so that the data layer knows nothing of words, the reader's choices
//! nothing of drawing, and the builder nothing of the page. A `use` of a module above, or of one
//! not named as its dependency, fails this test with the file and line.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each module of `src/` and what it may use, bottom first: a module uses only modules listed
/// before it.
const LAYERS: &[(&str, &[&str])] = &[
    ("spelling", &[]),
    ("data", &["spelling"]),
    ("i18n", &["spelling", "data"]),
    ("state", &["spelling", "data", "i18n"]),
    ("chart", &["spelling", "data", "i18n", "state"]),
    ("compare", &["data", "i18n"]),
    ("transform", &["spelling", "data", "i18n", "state", "chart", "compare"]),
    ("export", &["data", "i18n", "state", "chart", "compare", "transform"]),
    ("builder", &["spelling", "data"]),
    ("web", &["data", "i18n"]),
    (
        "components",
        &[
            "spelling",
            "data",
            "i18n",
            "state",
            "chart",
            "compare",
            "transform",
            "export",
            "web",
        ],
    ),
    ("bake", &["data", "i18n", "state", "chart", "transform", "components"]),
];

/// Macros that belong to a module: using one is using it.
const MACROS: &[(&str, &str)] = &[("tr!", "i18n"), ("spelled_enum!", "spelling")];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The Rust files of a module: `src/<name>.rs` or everything under `src/<name>/`.
fn files(module: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut found = Vec::new();
    let mut dirs = vec![src().join(module)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The crate's modules a line of code names: `crate::x`, `use crate::{x, y::z}`, and the
/// modules' own macros. Comments are not code.
fn modules_named(line: &str) -> BTreeSet<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut named = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let inside = group.split('}').next().unwrap_or("");
            for item in inside.split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() && first != "self" {
                    named.insert(first.to_string());
                }
            }
        } else {
            let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
        rest = after;
    }
    for (mac, module) in MACROS {
        let used = code.match_indices(mac).any(|(i, _)| {
            let before = code[..i].chars().next_back();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !code[..i].ends_with("macro_rules! ")
        });
        if used {
            named.insert((*module).to_string());
        }
    }
    named
}

/// Every use of another module that the table does not allow, as "file:line: a uses b".
fn back_edges() -> Vec<String> {
    let mut found = Vec::new();
    for (module, allowed) in LAYERS {
        for file in files(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                for used in modules_named(line) {
                    if used != *module && !allowed.contains(&used.as_str()) {
                        let path = file.strip_prefix(src()).unwrap_or(&file).display().to_string();
                        found.push(format!("src/{path}:{}: {module} uses {used}", n + 1));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let found = back_edges();
    assert!(found.is_empty(), "uses against the layers:\n{}", found.join("\n"));
}

#[test]
fn the_table_is_one_way_and_names_every_module() {
    for (i, (module, allowed)) in LAYERS.iter().enumerate() {
        let below: Vec<&str> = LAYERS[..i].iter().map(|(m, _)| *m).collect();
        for dep in *allowed {
            assert!(below.contains(dep), "{module} may use {dep}, which is not below it");
        }
    }
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    let listed: BTreeSet<&str> = LAYERS.iter().map(|(m, _)| *m).collect();
    assert_eq!(declared, listed, "every module of lib.rs has its place in LAYERS");
}

#[test]
fn the_check_sees_each_way_of_naming_a_module() {
    let names = |line: &str| modules_named(line).into_iter().collect::<Vec<_>>();
    assert_eq!(names("use crate::i18n::Lang;"), ["i18n"]);
    assert_eq!(
        names("use crate::{export, transform::quote_day};"),
        ["export", "transform"]
    );
    assert_eq!(names("    let x = crate::chart::ChartId::Idps;"), ["chart"]);
    assert_eq!(names("        tr!(lang, DatasetNoSchema)"), ["i18n"]);
    assert_eq!(names("spelled_enum! {"), ["spelling"]);
    assert!(names("// crate::web is not code").is_empty());
    assert!(names("macro_rules! tr {").is_empty());
    assert!(names("let str!(x) = 1;").is_empty());
}

#[test]
fn the_datasets_english_reads_like_the_pages_english() {
    use displacement_tracker::data::{text, Date, Precision};
    use displacement_tracker::i18n::Lang;
    for precision in [Precision::Exact, Precision::Rounded, Precision::AtLeast] {
        for value in [0, 999, 1_000, 47_200_000] {
            assert_eq!(text::figure(value, precision), Lang::En.figure(value, precision));
        }
    }
    let date = Date::parse_iso("2025-03-26").unwrap();
    assert_eq!(text::month_year(date), Lang::En.month_year(date));
    let items: Vec<String> = ["Jan 2024", "Mar 2024", "Jul 2025"].map(String::from).to_vec();
    assert_eq!(text::and_list(&items), Lang::En.and_list(&items));
}
