//! The dataset builder: a directory of CSVs (the format of `shared/data`, see its PROVENANCE.md)
//! -> validated, deterministic `dataset.json`.

//!
//! By input: `register` (the sources register and changelog), `refugees` (countries and UNHCR's
//! series), `reports` (OHCHR's casualty reports, IOM's rounds), `statements` (events, quotes,
//! claims, the war-day reference); `reader` reads CSV rows and locates every problem;
//! `anomalies` finds what looks wrong in published figures and carries it as caveats.

mod anomalies;
mod figures;
mod reader;
mod refugees;
mod register;
mod reports;
mod statements;
mod translation;

pub use figures::doc_link;
pub use reader::InputError;
pub use reports::PRECISION_CSV;
pub use statements::CLAIM_COUNTS_CSV;
pub use translation::{own_words, UK_CSV};

use crate::data::date::WAR_START;
use crate::data::model::*;
use crate::data::validate;
use reader::{Problems, Table};
use register::Register;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// The project's register of sources: which file (and which `source_path` or `publisher` value
/// inside it) comes from which publisher and document, with caveats.
pub const SOURCES_CSV: &str = include_str!("sources.csv");

/// The dataset's changelog (date, change), carried into the dataset.
pub const CHANGELOG_CSV: &str = include_str!("changelog.csv");

/// A CSV file the builder reads, with the columns it requires.
struct Input {
    file: &'static str,
    columns: &'static [&'static str],
}

/// The CSV files the builder reads from a data directory: the first months' files, and the
/// whole war's in `whole-war/`.
const INPUTS: [&Input; 22] = [
    &refugees::COUNTRIES,
    &refugees::TOTAL,
    &refugees::EARLIER_TOTAL,
    &statements::CLAIMS,
    &refugees::BY_COUNTRY,
    &reports::CASUALTIES,
    &reports::IDPS,
    &statements::EVENTS,
    &statements::QUOTES,
    &statements::WAR_DAYS,
    &figures::CROSSINGS,
    &figures::RECORDED,
    &figures::BY_COUNTRY,
    &figures::BY_COUNTRY_MONTH,
    &figures::PROTECTION,
    &reports::LATER_CASUALTIES,
    &reports::LATER_IDPS,
    &statements::LATER_EVENTS,
    &statements::LATER_QUOTES,
    &statements::LATER_CLAIMS,
    &statements::OTHER_CLAIMS,
    &statements::LATER_WAR_DAYS,
];

/// The names of the CSV files the builder reads.
pub fn input_files() -> Vec<&'static str> {
    INPUTS.iter().map(|i| i.file).collect()
}

/// Reads the input files from a directory (a missing file is reported, not fatal to the others).
pub fn read_dir(dir: &Path) -> Result<BTreeMap<String, String>, Vec<InputError>> {
    let mut files = BTreeMap::new();
    let mut problems = Problems::default();
    for name in input_files() {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => {
                files.insert(name.to_string(), text);
            }
            Err(e) => problems.file(name, format!("cannot read {}: {e}", dir.join(name).display())),
        }
    }
    if problems.0.is_empty() {
        Ok(files)
    } else {
        Err(problems.0)
    }
}

/// The CSV texts of a data directory (file name -> content).
pub type Files = BTreeMap<String, String>;

/// The file of `input` as a table, or a problem when it is missing or unusable.
fn table(files: &Files, input: &Input, p: &mut Problems) -> Option<Table> {
    match files.get(input.file) {
        Some(text) => Table::parse(input.file, text, input.columns, p),
        None => {
            p.file(input.file, "file is missing".into());
            None
        }
    }
}

/// Builds the dataset from the CSV texts and a sources register. Returns every problem found,
/// sorted by file and line.
pub fn build(files: &Files, sources_csv: &str) -> Result<Dataset, Vec<InputError>> {
    let mut p = Problems::default();
    let changelog = Table::parse(
        register::CHANGELOG.file,
        CHANGELOG_CSV,
        register::CHANGELOG.columns,
        &mut p,
    )
    .map(|t| register::read_changelog(&t, &mut p))
    .unwrap_or_default();
    let reg = Table::parse(register::REGISTER.file, sources_csv, register::REGISTER.columns, &mut p)
        .map(|t| register::read_register(&t, &mut p))
        .unwrap_or_default();
    let countries = table(files, &refugees::COUNTRIES, &mut p)
        .map(|t| refugees::read_countries(&t, &reg, &mut p))
        .unwrap_or_default();
    let total = table(files, &refugees::TOTAL, &mut p)
        .and_then(|t| refugees::read_total(&t, &reg, ("total", "All receiving countries"), &mut p));
    let earlier = ("total-earlier", "All receiving countries, earlier vintage");
    let earlier_total =
        table(files, &refugees::EARLIER_TOTAL, &mut p).and_then(|t| refugees::read_total(&t, &reg, earlier, &mut p));
    let by_country = table(files, &refugees::BY_COUNTRY, &mut p)
        .map(|t| refugees::read_by_country(&t, &reg, &countries, &mut p))
        .unwrap_or_default();
    let casualties = read_casualties(files, &reg, &mut p);
    let mut collector = figures::Collector::default();
    let idps = read_idps(files, &reg, &mut collector, &mut p);
    let figures = read_figures(files, &reg, &countries, collector, &mut p);
    let statements = read_statements(files, &reg, &mut p);
    for input in [&statements::WAR_DAYS, &statements::LATER_WAR_DAYS] {
        if let Some(t) = table(files, input, &mut p) {
            statements::check_war_day_reference(&t, &mut p);
        }
    }
    let (Some(total), Some(casualties), Some(idps)) = (total, casualties, idps) else {
        return Err(sorted(p));
    };
    if !p.0.is_empty() {
        return Err(sorted(p));
    }
    let refugees = Refugees {
        total,
        earlier_total,
        by_country,
    };
    let parts = Parts {
        sources: reg,
        countries,
        refugees,
        casualties,
        idps,
        statements,
        changelog,
        figures,
    };
    assemble(parts, p)
}

/// OHCHR's reports of both files, as one series (one counter, one measure), each figure with
/// its precision (`precision.csv`).
fn read_casualties(files: &Files, reg: &Register, p: &mut Problems) -> Option<Casualties> {
    let notes = Table::parse(reports::PRECISION.file, PRECISION_CSV, reports::PRECISION.columns, p)
        .map(|t| reports::read_precision_notes(&t, p))
        .unwrap_or_default();
    let mut seen = std::collections::BTreeSet::new();
    let first = table(files, &reports::CASUALTIES, p)?;
    let source = reg.file_source(&first, p);
    let mut points = reports::read_casualties(&first, &notes, &mut seen, p);
    if let Some(later) = table(files, &reports::LATER_CASUALTIES, p) {
        if reg.file_source(&later, p).is_some_and(|s| Some(&s) != source.as_ref()) {
            p.file(
                &later.file,
                "must have the same source record as the first months' reports".into(),
            );
        }
        points.extend(reports::read_casualties(&later, &notes, &mut seen, p));
    }
    points.sort_by_key(|x| x.date);
    let caveats = anomalies::casualties(&points);
    Some(Casualties {
        source: source?,
        caveats,
        points,
    })
}

/// IOM's rounds from both files (and, into `collector`, other publishers' displacement figures).
fn read_idps(files: &Files, reg: &Register, collector: &mut figures::Collector, p: &mut Problems) -> Option<Idps> {
    let mut rounds = reports::read_idps(&table(files, &reports::IDPS, p)?, reg, p);
    if let Some(t) = table(files, &reports::LATER_IDPS, p) {
        reports::read_later_idps(&t, reg, &mut rounds, collector, p);
    }
    let caveats = anomalies::idps(&rounds);
    Some(Idps { caveats, rounds })
}

/// The whole war's figure series (`figures`).
fn read_figures(
    files: &Files,
    reg: &Register,
    countries: &[Country],
    mut c: figures::Collector,
    p: &mut Problems,
) -> Vec<Figures> {
    if let Some(t) = table(files, &figures::CROSSINGS, p) {
        figures::read_crossings(&t, reg, &mut c, p);
    }
    if let Some(t) = table(files, &figures::RECORDED, p) {
        figures::read_recorded(&t, reg, &mut c, p);
    }
    if let Some(t) = table(files, &figures::BY_COUNTRY, p) {
        figures::read_by_country(&t, reg, &mut c, p);
    }
    if let Some(t) = table(files, &figures::BY_COUNTRY_MONTH, p) {
        figures::read_by_country_month(&t, reg, &mut c, p);
    }
    let notes = table(files, &figures::PROTECTION, p)
        .map(|t| figures::read_protection(&t, reg, &mut c, p))
        .unwrap_or_default();
    c.finish(countries, notes)
}

/// Events, quotes and claims.
struct Statements {
    events: Vec<Event>,
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
}

/// Events, quotes and claims of the first months and of the rest of the war, each in date order.
fn read_statements(files: &Files, reg: &Register, p: &mut Problems) -> Statements {
    let mut s = Statements {
        events: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
    };
    let words = statements::Wording::read(p);
    for input in [&statements::EVENTS, &statements::LATER_EVENTS] {
        if let Some(t) = table(files, input, p) {
            s.events.extend(statements::read_events(&t, reg, &words, p));
        }
    }
    for input in [&statements::QUOTES, &statements::LATER_QUOTES] {
        if let Some(t) = table(files, input, p) {
            s.quotes.extend(statements::read_quotes(&t, reg, &words, p));
        }
    }
    for input in [
        &statements::CLAIMS,
        &statements::LATER_CLAIMS,
        &statements::OTHER_CLAIMS,
    ] {
        if let Some(t) = table(files, input, p) {
            s.claims.extend(statements::read_claims(&t, reg, &words, p));
        }
    }
    s.events.sort_by_key(|e| e.date);
    s.quotes.sort_by_key(|q| q.date);
    s.claims.sort_by_key(|c| c.date);
    s
}

/// Everything read without a problem, before it is a dataset.
struct Parts {
    sources: Register,
    countries: Vec<Country>,
    refugees: Refugees,
    casualties: Casualties,
    idps: Idps,
    statements: Statements,
    changelog: Vec<ChangelogEntry>,
    figures: Vec<Figures>,
}

/// The dataset of the parts: its date range, its content version, and the same validation
/// the app applies.
fn assemble(parts: Parts, mut p: Problems) -> Result<Dataset, Vec<InputError>> {
    let mut dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        dataset_version: String::new(),
        war_start: WAR_START,
        // Set below, from the figures.
        first_date: WAR_START,
        last_date: WAR_START,
        sources: parts.sources.entries.into_iter().map(|(_, s)| s).collect(),
        countries: parts.countries,
        refugees: parts.refugees,
        casualties: parts.casualties,
        idps: parts.idps,
        events: parts.statements.events,
        quotes: parts.statements.quotes,
        claims: parts.statements.claims,
        changelog: parts.changelog,
        figures: parts.figures,
    };
    let Some((first_date, last_date)) = dataset.figure_dates() else {
        p.file(refugees::TOTAL.file, "has no rows".into());
        return Err(sorted(p));
    };
    (dataset.first_date, dataset.last_date) = (first_date, last_date);
    dataset.dataset_version = match content_version(&dataset) {
        Ok(version) => version,
        Err(e) => {
            p.file("dataset.json", format!("cannot serialise the dataset: {e}"));
            return Err(sorted(p));
        }
    };
    // The builder's output must pass the same validation the app applies.
    for problem in validate::check(&dataset) {
        p.file("dataset.json", problem.to_string());
    }
    if p.0.is_empty() {
        Ok(dataset)
    } else {
        Err(sorted(p))
    }
}

/// The dataset as the bytes that are committed: compact JSON (every byte is fetched by every
/// reader; `jq . assets/data/dataset.json` shows it indented) with a final newline.
pub fn to_json(dataset: &Dataset) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string(dataset)?;
    json.push('\n');
    Ok(json)
}

/// First 16 hex digits of the SHA-256 of the dataset serialised with an empty version.
pub fn content_version(dataset: &Dataset) -> Result<String, serde_json::Error> {
    let mut unversioned = dataset.clone();
    unversioned.dataset_version = String::new();
    let digest = Sha256::digest(serde_json::to_vec(&unversioned)?);
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

fn sorted(mut p: Problems) -> Vec<InputError> {
    p.0.sort();
    p.0.dedup();
    p.0
}
