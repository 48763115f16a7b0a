//! The dataset builder: a directory of CSVs (the format of `shared/data`, see its PROVENANCE.md)
//! -> validated, deterministic `dataset.json`.

mod anomalies;
mod reader;

pub use reader::InputError;

use crate::data::date::{Date, WAR_START};
use crate::data::model::*;
use crate::data::validate;
use reader::{Problems, Row, Table};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The project's register of sources: which file (and which `source_path` or `publisher` value
/// inside it) comes from which publisher and document, with caveats.
pub const SOURCES_CSV: &str = include_str!("sources.csv");

/// The dataset's changelog (date, change), carried into the dataset.
pub const CHANGELOG_CSV: &str = include_str!("changelog.csv");

/// The CSV files the builder reads.
pub const INPUT_FILES: [&str; 10] = [
    "countries.csv",
    "refugees_total.csv",
    "refugees_total_alt_vintage.csv",
    "claims.csv",
    "refugees_by_country.csv",
    "civilian_casualties.csv",
    "idps.csv",
    "events.csv",
    "quotes.csv",
    "war_days_reference.csv",
];

/// Reads the input files from a directory (a missing file is reported, not fatal to the others).
pub fn read_dir(dir: &Path) -> Result<BTreeMap<String, String>, Vec<InputError>> {
    let mut files = BTreeMap::new();
    let mut problems = Problems::default();
    for name in INPUT_FILES {
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

/// Builds the dataset from the CSV texts (file name -> content) and a sources register.
/// Returns every problem found, sorted by file and line.
pub fn build(files: &BTreeMap<String, String>, sources_csv: &str) -> Result<Dataset, Vec<InputError>> {
    let mut p = Problems::default();
    let table = |name: &str, required: &[&str], p: &mut Problems| -> Option<Table> {
        match files.get(name) {
            Some(text) => Table::parse(name, text, required, p),
            None => {
                p.file(name, "file is missing".into());
                None
            }
        }
    };

    let changelog = Table::parse("changelog.csv", CHANGELOG_CSV, &["date", "change"], &mut p)
        .map(|t| read_changelog(&t, &mut p))
        .unwrap_or_default();
    let reg = Table::parse("sources.csv", sources_csv, &REGISTRY_COLUMNS, &mut p)
        .map(|t| read_register(&t, &mut p))
        .unwrap_or_default();

    let countries = table(
        "countries.csv",
        &["name", "iso3", "population", "population_year"],
        &mut p,
    )
    .map(|t| read_countries(&t, &reg, &mut p))
    .unwrap_or_default();
    let total_columns = ["date", "war_day", "individuals_cumulative", "daily"];
    let total = table("refugees_total.csv", &total_columns, &mut p)
        .and_then(|t| read_total(&t, &reg, ("total", "All receiving countries"), &mut p));
    let earlier_total = table("refugees_total_alt_vintage.csv", &total_columns, &mut p).and_then(|t| {
        read_total(
            &t,
            &reg,
            ("total-earlier", "All receiving countries, earlier vintage"),
            &mut p,
        )
    });
    let claims = table(
        "claims.csv",
        &[
            "date_stated",
            "war_day",
            "who",
            "claim_text",
            "metric",
            "value",
            "qualifier",
            "source_url",
            "note",
        ],
        &mut p,
    )
    .map(|t| read_claims(&t, &reg, &mut p))
    .unwrap_or_default();
    let by_country = table(
        "refugees_by_country.csv",
        &[
            "date",
            "war_day",
            "country",
            "iso3",
            "series",
            "individuals_cumulative",
            "daily",
            "cumulative_basis",
            "source_path",
        ],
        &mut p,
    )
    .map(|t| read_by_country(&t, &reg, &countries, &mut p))
    .unwrap_or_default();
    let casualties = table(
        "civilian_casualties.csv",
        &[
            "date",
            "war_day",
            "killed",
            "injured",
            "total",
            "date_basis",
            "published",
            "source_type",
            "source_url",
            "note",
        ],
        &mut p,
    )
    .and_then(|t| read_casualties(&t, &reg, &mut p));
    let idps = table(
        "idps.csv",
        &[
            "date",
            "war_day",
            "round",
            "survey_period",
            "region",
            "idps_current_location",
            "idps_by_region_of_origin",
            "value_basis",
            "publisher",
            "source_url",
            "repo_source_path",
            "note",
        ],
        &mut p,
    )
    .map(|t| read_idps(&t, &reg, &mut p));
    let events = table(
        "events.csv",
        &["date", "war_day", "title", "source_url", "note"],
        &mut p,
    )
    .map(|t| read_events(&t, &reg, &mut p))
    .unwrap_or_default();
    let quotes = table(
        "quotes.csv",
        &[
            "speaker",
            "role",
            "date_said",
            "war_day",
            "quote",
            "context",
            "source_url",
            "original_source_url",
            "note",
        ],
        &mut p,
    )
    .map(|t| read_quotes(&t, &reg, &mut p))
    .unwrap_or_default();
    if let Some(t) = table("war_days_reference.csv", &["date", "day"], &mut p) {
        check_war_day_reference(&t, &mut p);
    }

    let (Some(total), Some(casualties), Some(idps)) = (total, casualties, idps) else {
        return Err(sorted(p));
    };
    if !p.0.is_empty() {
        return Err(sorted(p));
    }
    let data_dates = total
        .points
        .iter()
        .map(|x| x.date)
        .chain(by_country.iter().flat_map(|s| s.points.iter().map(|x| x.date)))
        .chain(casualties.points.iter().map(|x| x.date))
        .chain(idps.rounds.iter().map(|r| r.date));
    let (first_date, last_date) = data_dates.fold((None::<Date>, None::<Date>), |(lo, hi), d| {
        (Some(lo.map_or(d, |l| l.min(d))), Some(hi.map_or(d, |h| h.max(d))))
    });
    let (Some(first_date), Some(last_date)) = (first_date, last_date) else {
        p.file("refugees_total.csv", "has no rows".into());
        return Err(sorted(p));
    };
    let mut dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        dataset_version: String::new(),
        war_start: WAR_START,
        first_date,
        last_date,
        sources: reg.entries.into_iter().map(|(_, s)| s).collect(),
        countries,
        refugees: Refugees {
            total,
            earlier_total,
            by_country,
        },
        casualties,
        idps,
        events,
        quotes,
        claims,
        changelog,
    };
    dataset.dataset_version = match content_version(&dataset) {
        Ok(version) => version,
        Err(e) => {
            p.file("dataset.json", format!("cannot serialise the dataset: {e}"));
            return Err(sorted(p));
        }
    };
    // The builder's output must pass the same validation the app applies.
    let problems = validate::check(&dataset);
    if !problems.is_empty() {
        for problem in problems {
            p.file("dataset.json", problem.to_string());
        }
        return Err(sorted(p));
    }
    Ok(dataset)
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

const REGISTRY_COLUMNS: [&str; 12] = [
    "id",
    "file",
    "key",
    "publisher",
    "title",
    "url",
    "via",
    "via_url",
    "as_of",
    "licence",
    "unit",
    "caveats",
];

/// A register entry: the file and key (`source_path` / `publisher` value) it covers.
struct Registered {
    file: String,
    key: Option<String>,
}

#[derive(Default)]
struct Register {
    entries: Vec<(Registered, Source)>,
}

impl Register {
    /// The source id for a file (and a key within it).
    fn find(&self, file: &str, key: Option<&str>) -> Option<&Source> {
        self.entries
            .iter()
            .find(|(r, _)| r.file == file && r.key.as_deref() == key)
            .map(|(_, s)| s)
    }

    /// The source of a whole file, reporting a file with no entry.
    fn file_source(&self, t: &Table, p: &mut Problems) -> Option<String> {
        let found = self.find(&t.file, None).map(|s| s.id.clone());
        if found.is_none() {
            p.file(
                &t.file,
                "unknown source: the file has no entry in the sources register".into(),
            );
        }
        found
    }

    /// As `find`, reporting an unknown source at the row's column.
    fn resolve(&self, row: &Row<'_>, column: &str, key: Option<&str>, p: &mut Problems) -> Option<String> {
        let found = self.find(row.file(), key).map(|s| s.id.clone());
        if found.is_none() {
            let what = key.map_or_else(|| "the file".to_string(), |k| format!("\"{k}\""));
            row.report(
                p,
                column,
                format!("unknown source: {what} has no entry in the sources register"),
            );
        }
        found
    }
}

fn read_register(t: &Table, p: &mut Problems) -> Register {
    let mut entries: Vec<(Registered, Source)> = Vec::new();
    for row in t.rows() {
        let (Some(id), Some(file), Some(publisher), Some(title)) = (
            row.text("id", p),
            row.text("file", p),
            row.text("publisher", p),
            row.text("title", p),
        ) else {
            continue;
        };
        if entries.iter().any(|(_, s)| s.id == id) {
            row.report(p, "id", format!("duplicate source id \"{id}\""));
            continue;
        }
        let caveats = row
            .opt_text("caveats")
            .map(|c| {
                c.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let source = Source {
            id,
            publisher,
            title,
            url: row.opt_text("url"),
            via: row.opt_text("via"),
            via_url: row.opt_text("via_url"),
            as_of: row.opt_text("as_of"),
            licence: row.opt_text("licence"),
            unit: row.opt_text("unit"),
            caveats,
        };
        entries.push((
            Registered {
                file,
                key: row.opt_text("key"),
            },
            source,
        ));
    }
    Register { entries }
}

fn read_countries(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Country> {
    let mut countries: Vec<Country> = Vec::new();
    for row in t.rows() {
        let source = reg.resolve(&row, "population_source", None, p);
        let name = row.text("name", p);
        let iso3 = row.text("iso3", p);
        let population = row.count("population", p);
        let year = row.count("population_year", p);
        if population == Some(0) {
            row.report(p, "population", "must be positive".into());
        }
        let (Some(name), Some(iso3), Some(population), Some(year), Some(source)) =
            (name, iso3, population, year, source)
        else {
            continue;
        };
        if iso3.len() != 3 || !iso3.chars().all(|c| c.is_ascii_uppercase()) {
            row.report(p, "iso3", format!("\"{iso3}\" is not an ISO 3166-1 alpha-3 code"));
            continue;
        }
        if countries.iter().any(|c| c.iso3 == iso3) {
            row.report(p, "iso3", format!("duplicate country \"{iso3}\""));
            continue;
        }
        countries.push(Country {
            name,
            iso3,
            population,
            population_year: year as i32,
            source,
        });
    }
    countries.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    countries
}

/// Reads date, war_day, individuals_cumulative and daily of one refugee row.
fn refugee_point(row: &Row<'_>, p: &mut Problems) -> Option<RefugeePoint> {
    let dated = row.dated("date", p);
    let cumulative = row.count("individuals_cumulative", p);
    let daily = row.opt_count("daily", p);
    let invalid_daily = daily.is_none() && !row.opt_text("daily").unwrap_or_default().is_empty();
    let ((date, war_day), cumulative) = (dated?, cumulative?);
    if invalid_daily {
        return None;
    }
    Some(RefugeePoint {
        date,
        war_day,
        cumulative,
        daily,
    })
}

/// Reports the second and later rows of the same date within one series.
fn no_duplicate_dates(
    row: &Row<'_>,
    seen: &mut BTreeSet<(String, Date)>,
    series: &str,
    date: Date,
    p: &mut Problems,
) -> bool {
    if seen.insert((series.to_string(), date)) {
        true
    } else {
        row.report(p, "date", format!("duplicate date {date} in series {series}"));
        false
    }
}

/// An all-country total (`id`, `label`): the current one or an earlier vintage.
fn read_total(t: &Table, reg: &Register, (id, label): (&str, &str), p: &mut Problems) -> Option<RefugeeSeries> {
    let source = reg.file_source(t, p);
    let mut seen = BTreeSet::new();
    let mut points = Vec::new();
    for row in t.rows() {
        if let Some(point) = refugee_point(&row, p) {
            if no_duplicate_dates(&row, &mut seen, id, point.date, p) {
                points.push(point);
            }
        }
    }
    points.sort_by_key(|x| x.date);
    let has_daily = points.iter().any(|x| x.daily.is_some());
    let caveats = anomalies::cumulative(&points);
    Some(RefugeeSeries {
        id: id.into(),
        label: label.into(),
        country: None,
        iso3: None,
        kind: SeriesKind::AllCountries,
        cumulative_basis: "as_in_source".into(),
        source: source?,
        source_path: None,
        has_daily,
        caveats,
        points: points.into(),
    })
}

fn read_by_country(t: &Table, reg: &Register, countries: &[Country], p: &mut Problems) -> Vec<RefugeeSeries> {
    let mut series: BTreeMap<String, RefugeeSeries> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for row in t.rows() {
        let point = refugee_point(&row, p);
        let name = row.text("country", p);
        let iso3 = row.text("iso3", p);
        let kind = match row.text("series", p).as_deref() {
            Some("arrivals_from_ukraine") => Some(SeriesKind::ArrivalsFromUkraine),
            Some("arrivals_from_moldova") => Some(SeriesKind::ArrivalsFromMoldova),
            Some(other) => {
                row.report(
                    p,
                    "series",
                    format!("unknown series \"{other}\" (expected arrivals_from_ukraine or arrivals_from_moldova)"),
                );
                None
            }
            None => None,
        };
        let basis = row.text("cumulative_basis", p);
        let path = row.text("source_path", p);
        let source = path
            .as_deref()
            .and_then(|k| reg.resolve(&row, "source_path", Some(k), p));
        let country = iso3.as_deref().and_then(|code| {
            let found = countries.iter().find(|c| c.iso3 == code);
            if found.is_none() {
                row.report(
                    p,
                    "iso3",
                    format!("unknown country code \"{code}\" (not in countries.csv)"),
                );
            }
            found
        });
        if let (Some(c), Some(n)) = (country, &name) {
            if &c.name != n {
                row.report(
                    p,
                    "country",
                    format!(
                        "\"{n}\" does not match countries.csv name \"{}\" for {}",
                        c.name, c.iso3
                    ),
                );
                continue;
            }
        }
        let (Some(point), Some(country), Some(kind), Some(basis), Some(path), Some(source)) =
            (point, country, kind, basis, path, source)
        else {
            continue;
        };
        let id = match kind {
            SeriesKind::ArrivalsFromMoldova => format!("{}-from-mda", country.iso3.to_lowercase()),
            _ => country.iso3.to_lowercase(),
        };
        if !no_duplicate_dates(&row, &mut seen, &id, point.date, p) {
            continue;
        }
        let entry = series.entry(id.clone()).or_insert_with(|| RefugeeSeries {
            label: match kind {
                SeriesKind::ArrivalsFromMoldova => format!("{} (arrivals from Moldova)", country.name),
                _ => country.name.clone(),
            },
            id,
            country: Some(country.name.clone()),
            iso3: Some(country.iso3.clone()),
            kind,
            cumulative_basis: basis.clone(),
            source: source.clone(),
            source_path: Some(path.clone()),
            has_daily: false,
            caveats: Vec::new(),
            points: RefugeePoints::default(),
        });
        if entry.source != source || entry.cumulative_basis != basis {
            row.report(
                p,
                "source_path",
                format!("differs from earlier rows of series {}", entry.id),
            );
            continue;
        }
        entry.points.0.push(point);
    }
    let mut out: Vec<RefugeeSeries> = series
        .into_values()
        .map(|mut s| {
            s.points.0.sort_by_key(|x| x.date);
            s.has_daily = s.points.iter().any(|x| x.daily.is_some());
            s.caveats = anomalies::cumulative(&s.points);
            s
        })
        .collect();
    // Largest first (by latest cumulative figure), Romania's arrivals from Moldova last.
    out.sort_by_key(|s| {
        let last = s.points.last().map_or(0, |x| x.cumulative);
        (
            s.kind == SeriesKind::ArrivalsFromMoldova,
            std::cmp::Reverse(last),
            s.id.clone(),
        )
    });
    out
}

fn read_casualties(t: &Table, reg: &Register, p: &mut Problems) -> Option<Casualties> {
    let source = reg.file_source(t, p);
    let mut seen = BTreeSet::new();
    let mut points = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date", p);
        let killed = row.opt_count("killed", p);
        let injured = row.opt_count("injured", p);
        let total = row.opt_count("total", p);
        let published = row.opt_date("published", p);
        let basis = row.text("date_basis", p);
        if let Some(b) = &basis {
            if b != "cutoff_24h" && b != "report_date" {
                row.report(
                    p,
                    "date_basis",
                    format!("unknown basis \"{b}\" (expected cutoff_24h or report_date)"),
                );
            }
        }
        let source_type = row.text("source_type", p);
        let url = row.text("source_url", p);
        if let (Some(k), Some(i), Some(tot)) = (killed, injured, total) {
            if k + i != tot {
                row.report(p, "total", format!("{tot} is not killed {k} + injured {i}"));
            }
        }
        if killed.is_none() && injured.is_none() && total.is_none() {
            row.report(
                p,
                "total",
                "row has no figure (killed, injured and total are all empty)".into(),
            );
        }
        let (Some((date, war_day)), Some(date_basis), Some(source_type), Some(source_url)) =
            (dated, basis, source_type, url)
        else {
            continue;
        };
        if !no_duplicate_dates(&row, &mut seen, "casualties", date, p) {
            continue;
        }
        points.push(CasualtyPoint {
            date,
            war_day,
            killed,
            injured,
            total,
            date_basis,
            published,
            source_type,
            source_url,
            note: row.opt_text("note"),
        });
    }
    points.sort_by_key(|x| x.date);
    let caveats = anomalies::casualties(&points);
    Some(Casualties {
        source: source?,
        caveats,
        points,
    })
}

fn read_idps(t: &Table, reg: &Register, p: &mut Problems) -> Idps {
    let mut rounds: BTreeMap<u64, IdpRound> = BTreeMap::new();
    let mut regions: Vec<(u64, u64, IdpRegion, Date)> = Vec::new();
    let mut seen = BTreeSet::new();
    // Rounds that have a TOTAL row, valid or not (so a bad TOTAL row is reported once).
    let mut total_rows = BTreeSet::new();
    for row in t.rows() {
        let dated = row.dated("date", p);
        let round = row.count("round", p);
        let region = row.text("region", p);
        if let (Some(r), Some("TOTAL")) = (round, region.as_deref()) {
            total_rows.insert(r);
        }
        let current = row.count("idps_current_location", p);
        let origin = row.opt_count("idps_by_region_of_origin", p);
        let publisher = row.text("publisher", p);
        let source = publisher
            .as_deref()
            .and_then(|k| reg.resolve(&row, "publisher", Some(k), p));
        let basis = row.text("value_basis", p);
        let period = row.text("survey_period", p);
        let (Some((date, war_day)), Some(round), Some(region), Some(current), Some(source), Some(basis), Some(period)) =
            (dated, round, region, current, source, basis, period)
        else {
            continue;
        };
        if !seen.insert((round, region.clone())) {
            row.report(p, "region", format!("duplicate region \"{region}\" in round {round}"));
            continue;
        }
        if region == "TOTAL" {
            if rounds.values().any(|r| r.date == date) {
                row.report(p, "date", format!("duplicate date {date} in series idps"));
                continue;
            }
            rounds.insert(
                round,
                IdpRound {
                    round: round as u32,
                    date,
                    war_day,
                    survey_period: period,
                    total: current,
                    value_basis: basis,
                    source,
                    source_url: row.opt_text("source_url"),
                    repo_source_path: row.opt_text("repo_source_path"),
                    note: row.opt_text("note"),
                    regions: Vec::new(),
                },
            );
        } else {
            let entry = IdpRegion {
                region,
                current_location: current,
                by_region_of_origin: origin,
                source,
                source_url: row.opt_text("source_url"),
                note: row.opt_text("note"),
            };
            regions.push((row.line, round, entry, date));
        }
    }
    for (line, round, region, date) in regions {
        match rounds.get_mut(&round) {
            Some(r) if r.date == date => r.regions.push(region),
            Some(r) => p.at(
                &t.file,
                line,
                Some("date"),
                format!("{date} differs from round {round}'s TOTAL date {}", r.date),
            ),
            None if total_rows.contains(&round) => {}
            None => p.at(&t.file, line, Some("round"), format!("round {round} has no TOTAL row")),
        }
    }
    let rounds: Vec<IdpRound> = rounds.into_values().collect();
    let caveats = anomalies::idps(&rounds);
    Idps { caveats, rounds }
}

fn read_events(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Event> {
    let source = reg.file_source(t, p);
    let mut events = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date", p);
        let title = row.text("title", p);
        let url = row.text("source_url", p);
        if let (Some((date, war_day)), Some(title), Some(source_url), Some(source)) =
            (dated, title, url, source.clone())
        {
            events.push(Event {
                date,
                war_day,
                title,
                source,
                source_url,
                note: row.opt_text("note"),
            });
        }
    }
    events.sort_by_key(|e| e.date);
    events
}

fn read_quotes(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Quote> {
    let source = reg.file_source(t, p);
    let mut quotes = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date_said", p);
        let speaker = row.text("speaker", p);
        let role = row.text("role", p);
        let text = row.text("quote", p);
        let context = row.text("context", p);
        let url = row.text("source_url", p);
        if let (
            Some((date, war_day)),
            Some(speaker),
            Some(role),
            Some(text),
            Some(context),
            Some(source_url),
            Some(source),
        ) = (dated, speaker, role, text, context, url, source.clone())
        {
            quotes.push(Quote {
                speaker,
                role,
                date,
                war_day,
                text,
                context,
                source,
                source_url,
                original_source_url: row.opt_text("original_source_url"),
                note: row.opt_text("note"),
            });
        }
    }
    quotes.sort_by_key(|q| q.date);
    quotes
}

fn read_changelog(t: &Table, p: &mut Problems) -> Vec<ChangelogEntry> {
    t.rows()
        .filter_map(|row| {
            Some(ChangelogEntry {
                date: row.date("date", p)?,
                change: row.text("change", p)?,
            })
        })
        .collect()
}

fn read_claims(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Claim> {
    let source = reg.file_source(t, p);
    let mut claims = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date_stated", p);
        let who = row.text("who", p);
        let text = row.text("claim_text", p);
        let value = row.count("value", p);
        let url = row.text("source_url", p);
        let metric = match row.text("metric", p).as_deref() {
            Some("refugees_cumulative") => Some(Metric::RefugeesCumulative),
            Some("civilians_killed") => Some(Metric::CiviliansKilled),
            Some("civilians_injured") => Some(Metric::CiviliansInjured),
            Some("civilian_casualties_total") => Some(Metric::CivilianCasualtiesTotal),
            Some("idps") => Some(Metric::Idps),
            Some(other) => {
                row.report(p, "metric", format!("unknown metric \"{other}\""));
                None
            }
            None => None,
        };
        let qualifier = match row.text("qualifier", p).as_deref() {
            Some("more_than") => Some(Qualifier::MoreThan),
            Some("at_least") => Some(Qualifier::AtLeast),
            Some("about") => Some(Qualifier::About),
            Some("exactly") => Some(Qualifier::Exactly),
            Some(other) => {
                row.report(
                    p,
                    "qualifier",
                    format!("unknown qualifier \"{other}\" (expected more_than, at_least, about or exactly)"),
                );
                None
            }
            None => None,
        };
        if let (
            Some((date, war_day)),
            Some(who),
            Some(text),
            Some(value),
            Some(source_url),
            Some(metric),
            Some(qualifier),
            Some(source),
        ) = (dated, who, text, value, url, metric, qualifier, source.clone())
        {
            claims.push(Claim {
                date,
                war_day,
                who,
                text,
                metric,
                value,
                qualifier,
                source,
                source_url,
                note: row.opt_text("note"),
            });
        }
    }
    claims.sort_by_key(|c| c.date);
    claims
}

/// The reference file numbers days the same way: `day` must equal the computed war day.
fn check_war_day_reference(t: &Table, p: &mut Problems) {
    for row in t.rows() {
        let Some(date) = row.date("date", p) else { continue };
        match row.opt_text("day").map(|d| d.parse::<i64>()) {
            Some(Ok(day)) if day == date.war_day() => {}
            Some(Ok(day)) => row.report(
                p,
                "day",
                format!("{day} disagrees with date {date}, which is war day {}", date.war_day()),
            ),
            _ => row.report(p, "day", "is not a whole number".into()),
        }
    }
}
