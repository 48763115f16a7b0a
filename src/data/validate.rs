//! What can be wrong with a dataset, and the consistency checks of a well-formed one: every
//! inconsistency listed with its place (reading the text is `read`). The errors are data; the
//! reader's words for them, in each language, are `i18n`'s.

use super::date::{Date, WAR_START};
use super::model::{is_web_link, Dataset, Scope};
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
    /// Larger than the page reads (`MAX_DATASET_BYTES`): refused before it is read.
    TooLarge { bytes: u64 },
    /// UTF-16 text (it starts with UTF-16's byte-order mark), not UTF-8.
    Utf16,
    /// Bytes that are no UTF-8: the first such byte, counting from 0.
    NotUtf8 { at: u64 },
}

/// The most problems an error panel lists; a count of the rest follows them.
pub const LISTED_PROBLEMS: usize = 200;

impl DatasetError {
    /// Every message, one per line, for an error panel: at most `LISTED_PROBLEMS`, then a line
    /// counting the rest.
    pub fn details(&self) -> Vec<String> {
        match self {
            DatasetError::Invalid(problems) => {
                let mut lines: Vec<String> = problems.iter().take(LISTED_PROBLEMS).map(ToString::to_string).collect();
                if problems.len() > LISTED_PROBLEMS {
                    lines.push(format!("... and {} more", problems.len() - LISTED_PROBLEMS));
                }
                lines
            }
            other => vec![other.to_string()],
        }
    }
}

/// The largest count a dataset may give: ten billion, more people than live on Earth, and far
/// below 2^53, so every accepted figure survives JavaScript and JSON tools exactly and no sum
/// or difference of figures can overflow.
pub const MAX_COUNT: u64 = 10_000_000_000;

/// The years a country's population figure may be of (the builder and the validation share it).
pub const POPULATION_YEARS: std::ops::RangeInclusive<u16> = 1900..=2099;

/// Why `value` cannot be a count of people, if it cannot (the builder and the validation say it
/// in the same words).
pub fn count_beyond_people(value: u64) -> Option<String> {
    (value > MAX_COUNT).then(|| format!("{value} is more than any count of people can be (at most {MAX_COUNT})"))
}

/// Why `id` cannot name a source, series or country (the page uses ids in the URL's lists,
/// element ids and colours), if it cannot: the builder and the validation say it in the same
/// words. `what` names the kind of id.
pub fn id_problem(what: &str, id: &str) -> Option<String> {
    (id.is_empty() || id.chars().any(|c| c == ',' || c.is_whitespace() || c.is_control())).then(|| {
        format!(
            "the {what} \"{}\" is empty or has a comma or a space",
            id.escape_debug()
        )
    })
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

    /// A person count: at most `MAX_COUNT`.
    fn count(&mut self, at: &str, value: u64) {
        if let Some(too_many) = count_beyond_people(value) {
            self.report(at.to_string(), too_many);
        }
    }

    fn counts(&mut self, at: &str, values: impl IntoIterator<Item = (&'static str, Option<u64>)>) {
        for (field, value) in values {
            if let Some(value) = value {
                self.count(&format!("{at}.{field}"), value);
            }
        }
    }

    /// A date inside `EARLIEST_DATE`..=`LATEST_DATE`.
    fn date(&mut self, at: &str, date: Date) {
        if let Some(outside) = date.outside_span() {
            self.report(at.to_string(), format!("date {outside}"));
        }
    }

    /// A link a reader may follow: `http:` or `https:` only (no `javascript:`, `data:`, ...).
    fn link(&mut self, at: &str, url: Option<&str>) {
        if let Some(url) = url.filter(|u| !is_web_link(u)) {
            let shown: String = url.chars().take(80).collect();
            let more = if shown.len() < url.len() { "..." } else { "" };
            self.report(
                at.to_string(),
                format!(
                    "\"{}{more}\" is not a web link (http:// or https://)",
                    shown.escape_debug()
                ),
            );
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
    c.date("first_date", dataset.first_date);
    c.date("last_date", dataset.last_date);
    if dataset.first_date > dataset.last_date {
        c.report("first_date".into(), "is after last_date".into());
    }
    for (i, entry) in dataset.changelog.iter().enumerate() {
        c.date(&format!("changelog[{i}].date"), entry.date);
    }
    for (i, s) in dataset.sources.iter().enumerate() {
        c.link(&format!("sources[{i}].url"), s.url.as_deref());
        c.link(&format!("sources[{i}].via_url"), s.via_url.as_deref());
    }
    for (i, country) in dataset.countries.iter().enumerate() {
        let at = format!("countries[{i}]");
        c.source(&format!("{at}.source"), &country.source);
        if country.population == 0 {
            c.report(format!("{at}.population"), "must be positive".into());
        }
        c.count(&format!("{at}.population"), country.population);
        let year = country.population_year;
        if !u16::try_from(year).is_ok_and(|y| POPULATION_YEARS.contains(&y)) {
            let (first, last) = (POPULATION_YEARS.start(), POPULATION_YEARS.end());
            c.report(
                format!("{at}.population_year"),
                format!("{year} is not a year from {first} to {last}"),
            );
        }
    }
    c.refugees();
    c.figures();
    c.reports();
    c.statements();
    c.ids();
    c.date_bounds();
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
            self.caveats(&format!("{at}.caveats"), &s.caveats);
            for (i, p) in s.points.iter().enumerate() {
                self.date(&format!("{at}.points.dates[{i}]"), p.date);
                self.count(&format!("{at}.points.cumulative[{i}]"), p.cumulative);
                if let Some(daily) = p.daily {
                    self.count(&format!("{at}.points.daily[{i}]"), daily);
                }
            }
            // A series' war days are computed from its dates as it is read: only the order is checked.
            self.ascending(&format!("{at}.points.dates"), s.points.iter().map(|p| p.date));
        }
    }

    /// The whole war's figure series (their ids with the others', `ids`): known sources, some
    /// points in date order,
    /// each page a web link and each point's page one of its series'.
    fn figures(&mut self) {
        let d = self.dataset;
        for (i, s) in d.figures.iter().enumerate() {
            let at = format!("figures[{i}]");
            self.source(&format!("{at}.source"), &s.source);
            if s.points.is_empty() {
                self.report(format!("{at}.points"), "has no points".into());
            }
            if (s.scope == Scope::Country) != s.iso3.is_some() {
                self.report(
                    format!("{at}.iso3"),
                    "a country's series names its country code, and only a country's series does".into(),
                );
            }
            self.caveats(&format!("{at}.caveats"), &s.caveats);
            for (j, doc) in s.docs.iter().enumerate() {
                self.link(&format!("{at}.docs[{j}]"), Some(doc));
            }
            for (j, p) in s.points.iter().enumerate() {
                self.date(&format!("{at}.points.dates[{j}]"), p.date);
                self.count(&format!("{at}.points.values[{j}]"), p.value);
                if let Some(k) = p.doc.filter(|k| *k >= s.docs.len()) {
                    self.report(
                        format!("{at}.points.doc[{j}]"),
                        format!("names page {k} of a series with {} pages", s.docs.len()),
                    );
                }
                if s.monthly && p.date.month_end() != p.date {
                    self.report(
                        format!("{at}.points.dates[{j}]"),
                        format!("{} is not the last day of its month (the series is monthly)", p.date),
                    );
                }
            }
            self.ascending(&format!("{at}.points.dates"), s.points.iter().map(|p| p.date));
        }
    }

    /// Casualty reports (killed + injured = total) and IDP rounds: war days, sources, order.
    fn reports(&mut self) {
        let d = self.dataset;
        self.source("casualties.source", &d.casualties.source);
        self.caveats("casualties.caveats", &d.casualties.caveats);
        for (i, p) in d.casualties.points.iter().enumerate() {
            let at = format!("casualties.points[{i}]");
            self.dated(&at, p.date, p.war_day);
            if let Some(published) = p.published {
                self.date(&format!("{at}.published"), published);
            }
            self.link(&format!("{at}.source_url"), Some(&p.source_url));
            self.counts(&at, [("killed", p.killed), ("injured", p.injured), ("total", p.total)]);
            if let (Some(k), Some(j), Some(t)) = (p.killed, p.injured, p.total) {
                if k.checked_add(j) != Some(t) {
                    self.report(at, format!("killed {k} + injured {j} is not total {t}"));
                }
            }
        }
        self.ascending("casualties.points", d.casualties.points.iter().map(|p| p.date));
        self.caveats("idps.caveats", &d.idps.caveats);
        for (i, r) in d.idps.rounds.iter().enumerate() {
            let at = format!("idps.rounds[{i}]");
            self.dated(&at, r.date, r.war_day);
            self.source(&format!("{at}.source"), &r.source);
            self.link(&format!("{at}.source_url"), r.source_url.as_deref());
            self.count(&format!("{at}.total"), r.total);
            for (j, region) in r.regions.iter().enumerate() {
                let at = format!("{at}.regions[{j}]");
                self.source(&format!("{at}.source"), &region.source);
                self.link(&format!("{at}.source_url"), region.source_url.as_deref());
                self.counts(
                    &at,
                    [
                        ("current_location", Some(region.current_location)),
                        ("by_region_of_origin", region.by_region_of_origin),
                    ],
                );
            }
        }
        self.ascending("idps.rounds", d.idps.rounds.iter().map(|r| r.date));
    }

    /// Events, claims and quotes: war days and sources.
    fn statements(&mut self) {
        let d = self.dataset;
        for (i, e) in d.events.iter().enumerate() {
            let at = format!("events[{i}]");
            self.dated(&at, e.date, e.war_day);
            self.source(&format!("{at}.source"), &e.source);
            self.link(&format!("{at}.source_url"), Some(&e.source_url));
        }
        for (i, claim) in d.claims.iter().enumerate() {
            let at = format!("claims[{i}]");
            self.dated(&at, claim.date, claim.war_day);
            self.source(&format!("{at}.source"), &claim.source);
            self.link(&format!("{at}.source_url"), Some(&claim.source_url));
            self.count(&format!("{at}.value"), claim.value);
            match (&claim.count.other, claim.count.cutoff) {
                (Some(other), _) if other.trim().is_empty() => {
                    self.report(
                        format!("{at}.count.other"),
                        "is empty (leave it out for the series' own counter)".into(),
                    );
                }
                (Some(_), Some(_)) => self.report(
                    format!("{at}.count.cutoff"),
                    "a cut-off is of the series' own reports: a claim of another counter has none".into(),
                ),
                (None, Some(cutoff)) if cutoff > claim.date => self.report(
                    format!("{at}.count.cutoff"),
                    format!("{cutoff} is after the claim was made ({})", claim.date),
                ),
                _ => {}
            }
        }
        for (i, q) in d.quotes.iter().enumerate() {
            let at = format!("quotes[{i}]");
            self.dated(&at, q.date, q.war_day);
            self.source(&format!("{at}.source"), &q.source);
            self.link(&format!("{at}.source_url"), Some(&q.source_url));
            self.link(&format!("{at}.original_source_url"), q.original_source_url.as_deref());
        }
    }

    /// Ids the page uses as names (in the URL's lists, element ids and colours): each once, and
    /// free of commas and white space.
    fn ids(&mut self) {
        let d = self.dataset;
        let groups: [(&str, Vec<(String, &str)>); 4] = [
            (
                "source id",
                d.sources
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("sources[{i}].id"), s.id.as_str()))
                    .collect(),
            ),
            (
                "country code",
                d.countries
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (format!("countries[{i}].iso3"), c.iso3.as_str()))
                    .collect(),
            ),
            (
                "series id",
                d.refugees
                    .by_country
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("refugees.by_country[{i}].id"), s.id.as_str()))
                    .chain(std::iter::once((
                        "refugees.total.id".to_string(),
                        d.refugees.total.id.as_str(),
                    )))
                    .collect(),
            ),
            (
                "series id",
                d.figures
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (format!("figures[{i}].id"), f.id.as_str()))
                    .collect(),
            ),
        ];
        for (what, ids) in groups {
            for (i, (at, id)) in ids.iter().enumerate() {
                if ids[..i].iter().any(|(_, other)| other == id) {
                    self.report(at.clone(), format!("duplicate {what} \"{id}\""));
                }
                if let Some(problem) = id_problem(what, id) {
                    self.report(at.clone(), problem);
                }
            }
        }
    }

    /// `first_date` and `last_date` are the first and last dates of the figures: a figure
    /// outside them would be cut from every chart and export without a word.
    fn date_bounds(&mut self) {
        let d = self.dataset;
        let Some((lo, hi)) = d.figure_dates() else { return };
        if lo != d.first_date {
            self.report(
                "first_date".into(),
                format!("is {}, but the first figure is of {lo}", d.first_date),
            );
        }
        if hi != d.last_date {
            self.report(
                "last_date".into(),
                format!("is {}, but the last figure is of {hi}", d.last_date),
            );
        }
    }

    /// A dated entry: its date in the span, its war day that of its date.
    fn dated(&mut self, at: &str, date: Date, war_day: i64) {
        self.date(&format!("{at}.date"), date);
        self.war_day(at, date, war_day);
    }

    fn caveats(&mut self, at: &str, caveats: &[crate::data::Caveat]) {
        for (i, caveat) in caveats.iter().enumerate() {
            if let Some(date) = caveat.date {
                self.date(&format!("{at}[{i}].date"), date);
            }
        }
    }
}
