//! `cargo run --bin theme-css -- assets/style.css`: rewrites the stylesheet's block of custom
//! properties from the theme table (`src/chart/theme.rs`), so that the page and the charts use
//! the same colours. A native test fails when the block is out of date.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use displacement_tracker::chart::theme;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: theme-css <stylesheet.css>");
        return ExitCode::from(2);
    };
    let css = match std::fs::read_to_string(path) {
        Ok(css) => css,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(updated) = theme::with_current_block(&css) else {
        eprintln!(
            "{path} has no generated theme block: add the lines\n{}\n{}\nwhere it should go",
            theme::CSS_BEGIN,
            theme::CSS_END
        );
        return ExitCode::FAILURE;
    };
    if updated == css {
        println!("{path}: the theme block is up to date");
    } else if let Err(e) = std::fs::write(path, updated) {
        eprintln!("cannot write {path}: {e}");
        return ExitCode::FAILURE;
    } else {
        println!("{path}: the theme block is rewritten from src/chart/theme.rs");
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
