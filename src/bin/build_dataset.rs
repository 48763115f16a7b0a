//! `cargo run --bin build-dataset -- <csv dir> <out.json>`: validates the CSVs and writes the
//! bundled dataset and its own words in Ukrainian beside it (`<out>.uk.json`), or lists every
//! problem (file:line: column: message) and exits with status 1.
//!
//! `cargo run --bin build-dataset -- --check <dataset.json>`: reads a dataset as the app does and
//! says whether the app would accept it, or exactly what is wrong (with the path of the field).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use displacement_tracker::builder;
    use displacement_tracker::data::own_words;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, file] = args.as_slice() {
        if flag == "--check" {
            return check(file);
        }
    }
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: build-dataset <csv dir> <out.json>\n       build-dataset --check <dataset.json>");
        return ExitCode::from(2);
    };
    let result =
        builder::read_dir(std::path::Path::new(dir)).and_then(|files| builder::build(&files, builder::SOURCES_CSV));
    match result {
        Ok(dataset) => {
            let json = match builder::to_json(&dataset) {
                Ok(json) => json,
                Err(e) => {
                    eprintln!("cannot serialise the dataset: {e}");
                    return ExitCode::FAILURE;
                }
            };
            if let Err(e) = std::fs::write(out, &json) {
                eprintln!("cannot write {out}: {e}");
                return ExitCode::FAILURE;
            }
            // The own words in Ukrainian, beside the dataset (`dataset.uk.json`). Other data (a
            // reader's, the benchmark's) has texts uk.csv does not know: the dataset is still
            // written, without the Ukrainian file (a page in Ukrainian then shows those words in
            // English, and says so); the project's own data is held complete by its tests.
            let uk_out = own_words::beside(out, "uk");
            match builder::own_words(&dataset, builder::UK_CSV) {
                Ok(words) => {
                    let written = serde_json::to_string(&words)
                        .map_err(|e| e.to_string())
                        .and_then(|json| std::fs::write(&uk_out, json + "\n").map_err(|e| e.to_string()));
                    if let Err(e) = written {
                        eprintln!("cannot write {uk_out}: {e}");
                        return ExitCode::FAILURE;
                    }
                    println!("wrote {uk_out}: {} own-words texts in Ukrainian", words.texts.len());
                }
                Err(problems) => {
                    eprintln!(
                        "warning: {uk_out} not written: {} problem(s) in the Ukrainian own words (src/builder/uk.csv):",
                        problems.len()
                    );
                    for problem in problems.iter().take(10) {
                        eprintln!("  {problem}");
                    }
                    if problems.len() > 10 {
                        eprintln!("  ... and {} more", problems.len() - 10);
                    }
                    // Never leave another dataset's words beside this one.
                    if std::path::Path::new(&uk_out).exists() {
                        if let Err(e) = std::fs::remove_file(&uk_out) {
                            eprintln!("cannot remove the earlier {uk_out}: {e}");
                            return ExitCode::FAILURE;
                        }
                    }
                }
            }
            println!(
                "wrote {out}: dataset {} ({} bytes, {} sources, {} refugee series, {} casualty reports, {} IDP rounds, {} events, {} quotes)",
                dataset.dataset_version,
                json.len(),
                dataset.sources.len(),
                dataset.refugees.by_country.len() + 1,
                dataset.casualties.points.len(),
                dataset.idps.rounds.len(),
                dataset.events.len(),
                dataset.quotes.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{} problem(s) in {dir}:", problems.len());
            for problem in &problems {
                eprintln!("  {problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Reads a dataset file as the app does and reports the result.
#[cfg(not(target_arch = "wasm32"))]
fn check(file: &str) -> std::process::ExitCode {
    use displacement_tracker::data::parse_dataset;
    use std::process::ExitCode;

    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match parse_dataset(&text) {
        Ok(dataset) => {
            println!(
                "{file}: dataset {} (schema {}) reads and validates",
                dataset.dataset_version, dataset.schema_version
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{file}: {e}");
            for detail in e.details().iter().filter(|d| **d != e.to_string()) {
                eprintln!("  {detail}");
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
