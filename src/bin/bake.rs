//! `cargo run --bin bake -- <index.html> <dataset.json>`: writes the first view of the dataset,
//! rendered by the app's own components (charts as SVG), into the built page, so that readers
//! see it before the wasm arrives and without JavaScript: in English in the page itself, in
//! Ukrainian in `uk/index.html` beside it, each linking to the other, each with its link
//! preview's picture (`preview.png` beside it). Run by trunk's post-build hook on release builds
//! (scripts/post-build.mjs); `SITE_URL` (the address the site is served from) makes the
//! preview's addresses absolute.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use displacement_tracker::bake;
    use displacement_tracker::data::own_words::beside;
    use displacement_tracker::i18n::Lang;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [page_path, data_path] = args.as_slice() else {
        eprintln!("usage: bake <index.html> <dataset.json>");
        return ExitCode::from(2);
    };
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let result = read(page_path).and_then(|page| {
        let dataset = bake::dataset(&read(data_path)?).map_err(|e| e.to_string())?;
        let years = bake::years(&dataset);
        let root = std::path::Path::new(page_path)
            .parent()
            .unwrap_or(std::path::Path::new("."));
        // The address the site is served from, if the build is told (link previews want absolute
        // addresses): SITE_URL=https://example.org/tracker/
        let site = std::env::var("SITE_URL").ok().filter(|s| !s.trim().is_empty());
        let mut written = Vec::new();
        for (lang, path) in bake::PAGES {
            // The own words of a page in another language, beside the dataset (dataset.uk.json);
            // without that file (data the builder had no Ukrainian for) they stay English.
            let file = beside(data_path, lang.as_str());
            let shown = match lang {
                Lang::En => dataset.clone(),
                _ if std::path::Path::new(&file).exists() => {
                    bake::in_words(&dataset, &read(&file)?).map_err(|e| e.to_string())?
                }
                other => {
                    eprintln!(
                        "bake: warning: no {file}: the {} page keeps the dataset's own words in English",
                        other.as_str()
                    );
                    dataset.clone()
                }
            };
            let (picture, alt) = bake::preview(&shown, lang).map_err(|e| e.to_string())?;
            let view = bake::first_view(shown, lang).map_err(|e| e.to_string())?;
            let page = bake::page_in(&page, lang, years).map_err(|e| e.to_string())?;
            let page = bake::with_preview(&page, lang, site.as_deref(), &alt).map_err(|e| e.to_string())?;
            let baked = bake::into_page(&page, &view).map_err(|e| e.to_string())?;
            let out = root.join(path);
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(&out, &baked).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            let image = out.with_file_name(bake::PREVIEW);
            std::fs::write(&image, &picture).map_err(|e| format!("cannot write {}: {e}", image.display()))?;
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
