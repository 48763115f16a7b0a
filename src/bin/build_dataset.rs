//! `cargo run --bin build-dataset -- <csv dir> <out.json>`: validates the CSVs and writes the
//! bundled dataset, or lists every problem (file:line: column: message) and exits with status 1.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use displacement_tracker::builder;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: build-dataset <csv dir> <out.json>");
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

#[cfg(target_arch = "wasm32")]
fn main() {}
