//! `cargo run --bin bake -- <index.html> <dataset.json>`: writes the first view of the dataset,
//! rendered by the app's own components (charts as SVG), into the built page, so that readers
//! see it before the wasm arrives and without JavaScript: in English in the page itself, in
//! Ukrainian in `uk/index.html` beside it, each linking to the other. Run by trunk's
//! post-build hook on release builds (scripts/post-build.mjs).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use displacement_tracker::bake;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [page_path, data_path] = args.as_slice() else {
        eprintln!("usage: bake <index.html> <dataset.json>");
        return ExitCode::from(2);
    };
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let result = read(page_path).and_then(|page| {
        let json = read(data_path)?;
        let years = bake::years(&json).map_err(|e| e.to_string())?;
        let root = std::path::Path::new(page_path)
            .parent()
            .unwrap_or(std::path::Path::new("."));
        let mut written = Vec::new();
        for (lang, path) in bake::PAGES {
            let view = bake::first_view(&json, lang).map_err(|e| e.to_string())?;
            let page = bake::page_in(&page, lang, years).map_err(|e| e.to_string())?;
            let baked = bake::into_page(&page, &view).map_err(|e| e.to_string())?;
            let out = root.join(path);
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(&out, &baked).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            written.push(format!(
                "{} ({} bytes of HTML, page {} bytes)",
                out.display(),
                view.len(),
                baked.len()
            ));
        }
        Ok(written)
    });
    match result {
        Ok(written) => {
            for page in written {
                println!("first view baked in: {page}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bake: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
