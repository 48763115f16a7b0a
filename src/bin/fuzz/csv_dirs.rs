//! Mutated CSV directories: to the builder, whose every problem must be located at a file.

use crate::runner::{pick, Corpus, Target, DATES, NUMBERS, ODD_TEXT};
use displacement_tracker::builder;
use displacement_tracker::data::parse_dataset;
use fastrand::Rng;

pub struct CsvDirs;

impl Target for CsvDirs {
    const NAME: &'static str = "builder";
    const OUTCOMES: (&'static str, &'static str) =
        ("built into a dataset that reads back", "refused with located problems");
    /// The CSV files, `sources.csv` (the register) among them.
    type Input = builder::Files;

    fn input(rng: &mut Rng, corpus: &Corpus) -> builder::Files {
        mutated_files(rng, &corpus.fixtures)
    }

    /// The builder on a CSV directory: problems located at `file:line` (or the file itself: a
    /// missing file or header), never found only by the app's validation afterwards; a dataset
    /// it makes must read back as itself.
    fn exercise(files: &builder::Files, _: &Corpus, _: &mut Rng) -> Result<bool, String> {
        let mut files = files.clone();
        let sources = files.remove("sources.csv").unwrap_or_default();
        match builder::build(&files, &sources) {
            Ok(dataset) => {
                let json = builder::to_json(&dataset).map_err(|e| e.to_string())?;
                let back =
                    parse_dataset(&json).map_err(|e| format!("the builder's dataset does not read back: {e}"))?;
                if back != dataset {
                    return Err("the builder's dataset reads back differently".into());
                }
                Ok(true)
            }
            Err(problems) => {
                if let Some(unlocated) = problems.iter().find(|p| p.file == "dataset.json") {
                    return Err(format!("a problem the builder did not locate: {unlocated}"));
                }
                Ok(false)
            }
        }
    }

    /// The directory as JSON (file name -> content).
    fn text(files: &builder::Files) -> String {
        serde_json::to_string_pretty(files).unwrap_or_default()
    }
}

fn mutated_files(rng: &mut Rng, fixtures: &builder::Files) -> builder::Files {
    let mut files = fixtures.clone();
    files.insert("sources.csv".into(), builder::SOURCES_CSV.into());
    for _ in 0..rng.usize(1..=3) {
        let name = files.keys().nth(rng.usize(..files.len())).cloned().unwrap_or_default();
        let Some(text) = files.get_mut(&name) else { continue };
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        if lines.is_empty() {
            continue;
        }
        let i = rng.usize(..lines.len());
        match rng.u8(..7) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let copy = lines[i].clone();
                lines.insert(rng.usize(..=lines.len()), copy);
            }
            2 => {
                // One cell replaced by an extreme value, a date or odd text.
                let mut cells: Vec<String> = lines[i].split(',').map(String::from).collect();
                let c = rng.usize(..cells.len());
                cells[c] = match rng.u8(..3) {
                    0 => pick(rng, &NUMBERS).to_string(),
                    1 => pick(rng, &DATES).to_string(),
                    _ => pick(rng, &ODD_TEXT).to_string(),
                };
                lines[i] = cells.join(",");
            }
            3 => {
                let cut = rng.usize(..=lines[i].len());
                let cut = (0..=cut).rev().find(|c| lines[i].is_char_boundary(*c)).unwrap_or(0);
                lines[i].truncate(cut);
            }
            4 => lines[i].push_str(",extra"),
            5 => lines.truncate(i),
            _ => {
                let j = rng.usize(..lines.len());
                lines.swap(i, j);
            }
        }
        *text = lines.join("\n") + "\n";
    }
    if rng.u8(..20) == 0 {
        let name = files.keys().nth(rng.usize(..files.len())).cloned().unwrap_or_default();
        files.remove(&name);
    }
    files
}
