//! Reading the bundled dataset: JSON -> typed `Dataset`, with every inconsistency listed.

use super::date::{Date, WAR_START};
use super::model::{Dataset, SCHEMA_VERSION};
use miniserde::json;
use miniserde::Deserialize;
use std::fmt;

/// One thing wrong with a dataset, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the dataset, e.g. `casualties.points[14]`.
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Why a dataset could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed(String),
    /// A schema this version of the app does not understand.
    UnsupportedSchema { found: Option<u64> },
    /// Well-formed but inconsistent.
    Invalid(Vec<Problem>),
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatasetError::Malformed(message) => {
                write!(f, "the dataset cannot be read: {message}")
            }
            DatasetError::UnsupportedSchema { found: Some(v) } => write!(
                f,
                "the dataset has schema_version {v}, but this app reads schema_version {SCHEMA_VERSION}"
            ),
            DatasetError::UnsupportedSchema { found: None } => {
                write!(
                    f,
                    "the dataset has no numeric schema_version (this app reads {SCHEMA_VERSION})"
                )
            }
            DatasetError::Invalid(problems) => {
                write!(f, "the dataset has {} problem(s)", problems.len())
            }
        }
    }
}

impl DatasetError {
    /// Every message, one per line, for an error panel.
    pub fn details(&self) -> Vec<String> {
        match self {
            DatasetError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Only the schema version, read before anything else (every other field is ignored).
#[derive(Deserialize)]
struct SchemaProbe {
    schema_version: Option<u64>,
}

/// Parses and validates dataset JSON.
pub fn parse_dataset(json: &str) -> Result<Dataset, DatasetError> {
    let Ok(probe) = json::from_str::<SchemaProbe>(json) else {
        return Err(DatasetError::Malformed(
            "the text is not a JSON object with a numeric schema_version".into(),
        ));
    };
    if probe.schema_version != Some(u64::from(SCHEMA_VERSION)) {
        return Err(DatasetError::UnsupportedSchema {
            found: probe.schema_version,
        });
    }
    let dataset: Dataset = json::from_str(json).map_err(|_| DatasetError::Malformed(shape_error(json)))?;
    let problems = check(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(DatasetError::Invalid(problems))
    }
}

/// Where a dataset that is JSON but not of the expected shape goes wrong. Natively, serde names
/// the path of the field that differs; the browser build leaves that code out (it would be a large part
/// of the bundle) and names the command that shows it.
fn shape_error(json: &str) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(e) = serde_path_to_error::deserialize::<_, Dataset>(&mut serde_json::Deserializer::from_str(json)) {
        return format!(
            "it is JSON, but not of the shape of schema_version {SCHEMA_VERSION}: at {}: {}",
            e.path(),
            e.inner()
        );
    }
    let _ = json;
    format!(
        "it is JSON, but not of the shape of schema_version {SCHEMA_VERSION} (`cargo run --bin build-dataset -- --check <file>` says where)"
    )
}

struct Checker<'a> {
    dataset: &'a Dataset,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, at: String, message: String) {
        self.problems.push(Problem { at, message });
    }

    fn war_day(&mut self, at: &str, date: Date, war_day: i64) {
        if date.war_day() != war_day {
            self.report(
                at.to_string(),
                format!(
                    "war_day {war_day} disagrees with date {date} (war day {})",
                    date.war_day()
                ),
            );
        }
    }

    fn source(&mut self, at: &str, id: &str) {
        if self.dataset.source(id).is_none() {
            self.report(at.to_string(), format!("unknown source id \"{id}\""));
        }
    }

    fn ascending(&mut self, at: &str, dates: impl Iterator<Item = Date>) {
        let mut previous: Option<Date> = None;
        for (i, date) in dates.enumerate() {
            if let Some(p) = previous {
                if date <= p {
                    self.report(format!("{at}[{i}]"), format!("date {date} does not follow {p}"));
                }
            }
            previous = Some(date);
        }
    }
}

/// Every consistency problem of a well-formed dataset (empty when it is valid).
pub fn check(dataset: &Dataset) -> Vec<Problem> {
    let mut c = Checker {
        dataset,
        problems: Vec::new(),
    };
    if dataset.war_start != WAR_START {
        c.report(
            "war_start".into(),
            format!("must be {WAR_START}, found {}", dataset.war_start),
        );
    }
    if dataset.first_date > dataset.last_date {
        c.report("first_date".into(), "is after last_date".into());
    }
    for (i, country) in dataset.countries.iter().enumerate() {
        c.source(&format!("countries[{i}].source"), &country.source);
        if country.population == 0 {
            c.report(format!("countries[{i}].population"), "must be positive".into());
        }
    }
    c.refugees();
    c.reports();
    c.statements();
    c.problems
}

impl Checker<'_> {
    /// Every refugee series: known source and country, some points, dates in order.
    fn refugees(&mut self) {
        let r = &self.dataset.refugees;
        let series = std::iter::once(("refugees.total".to_string(), &r.total))
            .chain(
                r.earlier_total
                    .iter()
                    .map(|s| ("refugees.earlier_total".to_string(), s)),
            )
            .chain(
                r.by_country
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("refugees.by_country[{i}]"), s)),
            );
        for (at, s) in series {
            self.source(&format!("{at}.source"), &s.source);
            if s.points.is_empty() {
                self.report(format!("{at}.points"), "has no points".into());
            }
            if let Some(iso3) = &s.iso3 {
                if !self.dataset.countries.iter().any(|k| &k.iso3 == iso3) {
                    self.report(format!("{at}.iso3"), format!("unknown country code \"{iso3}\""));
                }
            }
            // A series' war days are computed from its dates as it is read: only the order is checked.
            self.ascending(&format!("{at}.points.dates"), s.points.iter().map(|p| p.date));
        }
    }

    /// Casualty reports (killed + injured = total) and IDP rounds: war days, sources, order.
    fn reports(&mut self) {
        let d = self.dataset;
        self.source("casualties.source", &d.casualties.source);
        for (i, p) in d.casualties.points.iter().enumerate() {
            let at = format!("casualties.points[{i}]");
            self.war_day(&at, p.date, p.war_day);
            if let (Some(k), Some(j), Some(t)) = (p.killed, p.injured, p.total) {
                if k + j != t {
                    self.report(at, format!("killed {k} + injured {j} is not total {t}"));
                }
            }
        }
        self.ascending("casualties.points", d.casualties.points.iter().map(|p| p.date));
        for (i, r) in d.idps.rounds.iter().enumerate() {
            let at = format!("idps.rounds[{i}]");
            self.war_day(&at, r.date, r.war_day);
            self.source(&format!("{at}.source"), &r.source);
            for (j, region) in r.regions.iter().enumerate() {
                self.source(&format!("{at}.regions[{j}].source"), &region.source);
            }
        }
        self.ascending("idps.rounds", d.idps.rounds.iter().map(|r| r.date));
    }

    /// Events, claims and quotes: war days and sources.
    fn statements(&mut self) {
        let d = self.dataset;
        for (i, e) in d.events.iter().enumerate() {
            self.war_day(&format!("events[{i}]"), e.date, e.war_day);
            self.source(&format!("events[{i}].source"), &e.source);
        }
        for (i, claim) in d.claims.iter().enumerate() {
            self.war_day(&format!("claims[{i}]"), claim.date, claim.war_day);
            self.source(&format!("claims[{i}].source"), &claim.source);
        }
        for (i, q) in d.quotes.iter().enumerate() {
            self.war_day(&format!("quotes[{i}]"), q.date, q.war_day);
            self.source(&format!("quotes[{i}].source"), &q.source);
        }
    }
}
