//! `cargo run --bin bake -- <index.html> <dataset.json>`: writes the first view of the dataset,
//! rendered by the app's own components (charts as SVG), into the built page, so that readers
//! see it before the wasm arrives and without JavaScript. Run by trunk's post-build hook on
//! release builds (scripts/post-build.mjs).

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
        let view = bake::first_view(&json).map_err(|e| e.to_string())?;
        let baked = bake::into_page(&page, &view).map_err(|e| e.to_string())?;
        std::fs::write(page_path, &baked).map_err(|e| format!("cannot write {page_path}: {e}"))?;
        Ok((view.len(), baked.len()))
    });
    match result {
        Ok((view, page)) => {
            println!("{page_path}: first view baked in ({view} bytes of HTML, page {page} bytes)");
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
