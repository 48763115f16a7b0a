//! The bundled dataset: one set of types, written by the builder and read by the app, both with
//! serde, which names the place where a dataset of the wrong shape goes wrong.

use super::date::Date;
use serde::{Deserialize, Serialize};

/// The schema this code reads and writes. Anything else is rejected with a clear message.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema_version: u32,
    /// Content-derived: the first 16 hex digits of the SHA-256 of the dataset without this field.
    pub dataset_version: String,
    pub war_start: Date,
    pub first_date: Date,
    pub last_date: Date,
    pub sources: Vec<Source>,
    pub countries: Vec<Country>,
    pub refugees: Refugees,
    pub casualties: Casualties,
    pub idps: Idps,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Figures stated by officials or the press, to compare with the data of their day.
    pub claims: Vec<Claim>,
    /// What changed in the dataset, oldest first (kept with the builder).
    pub changelog: Vec<ChangelogEntry>,
    /// The whole war's published figures by measure (border crossings, refugees recorded,
    /// UNHCR's year-end statistics, EU temporary protection decisions, displacement estimates
    /// of other publishers): one series per measure, place and source, never joined.
    pub figures: Vec<Figures>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangelogEntry {
    pub date: Date,
    pub change: String,
}

/// A source record: who published a figure, in which document, with what caveats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// The original document, where the material gives one.
    pub url: Option<String>,
    /// Where the figures were taken from when the original URL is not known.
    pub via: Option<String>,
    pub via_url: Option<String>,
    pub as_of: Option<String>,
    pub licence: Option<String>,
    /// The unit of the figures, in words (e.g. "border crossings (not unique people)").
    pub unit: Option<String>,
    pub caveats: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub name: String,
    pub iso3: String,
    pub population: u64,
    pub population_year: i32,
    pub source: String,
}

spelled_enum! {
    /// What a refugee series counts.
    pub enum SeriesKind {
        /// All receiving countries (UNHCR's total).
        AllCountries => "all_countries",
        ArrivalsFromUkraine => "arrivals_from_ukraine",
        /// Romania's arrivals from Moldova: people who had already left Ukraine. Never summed.
        ArrivalsFromMoldova => "arrivals_from_moldova",
    }
}

/// A remark about a series, optionally tied to one date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Caveat {
    pub date: Option<Date>,
    pub text: String,
}

spelled_enum! {
    /// How exact a published figure is.
    #[derive(Default)]
    pub enum Precision {
        /// The figure as published, to the unit.
        #[default]
        Exact => "exact",
        /// Published rounded ("5.9 million", "nearly 6 million").
        Rounded => "rounded",
        /// A lower bound: the true figure is at least this ("more than 47.2 million").
        AtLeast => "at_least",
    }
}

impl Precision {
    pub fn is_exact(&self) -> bool {
        *self == Precision::Exact
    }
}

spelled_enum! {
    /// What a series of figures counts. Figures of different measures are never on one line
    /// and never added up.
    pub enum MeasureKind {
        /// Border crossings out of Ukraine (UNHCR): movements, not people; returns not subtracted.
        BorderCrossings => "border_crossings",
        /// Individual refugees from Ukraine recorded (UNHCR's portal): a stock of people present.
        RefugeesRecorded => "refugees_recorded",
        /// UNHCR's year-end statistics (refugees and asylum-seekers): a third definition.
        YearEndStatistics => "year_end_statistics",
        /// Decisions granting temporary protection in the EU (Eurostat), per month: a flow.
        TemporaryProtection => "temporary_protection",
        /// Internally displaced people, as estimated or restated by a publisher other than
        /// IOM's survey rounds (which are `idps.rounds`).
        InternallyDisplaced => "internally_displaced",
    }
}

spelled_enum! {
    /// Where a series' figures are counted.
    pub enum Scope {
        /// Out of Ukraine, to every country.
        AllCountries => "all_countries",
        Europe => "europe",
        Global => "global",
        /// The 27 member states of the European Union.
        Eu => "eu",
        /// One receiving country (`Figures::iso3`).
        Country => "country",
        /// Inside Ukraine.
        Ukraine => "ukraine",
    }
}

/// A series of published figures of one measure, for one place, from one source record, at
/// the dates they were published for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub id: String,
    pub measure: MeasureKind,
    pub scope: Scope,
    /// The receiving country, for a country's series.
    pub country: Option<String>,
    pub iso3: Option<String>,
    /// What the series is, in full.
    pub label: String,
    pub source: String,
    /// Each figure is of a calendar month, not a day (dated the month's last day).
    pub monthly: bool,
    pub caveats: Vec<Caveat>,
    /// The pages the figures were taken from; each point names one by its index.
    pub docs: Vec<String>,
    pub points: FigurePoints,
}

/// One published figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigurePoint {
    pub date: Date,
    /// Computed from the date (it is not stored in the dataset).
    pub war_day: i64,
    pub value: u64,
    pub precision: Precision,
    /// Its page: an index into the series' `docs`.
    pub doc: Option<usize>,
}

/// The figures of a series, in date order, written as columns like `RefugeePoints`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FigureColumns", into = "FigureColumns")]
pub struct FigurePoints(pub Vec<FigurePoint>);

impl std::ops::Deref for FigurePoints {
    type Target = [FigurePoint];
    fn deref(&self) -> &[FigurePoint] {
        &self.0
    }
}

/// The columns of `FigurePoints` as written in the dataset.
#[derive(Serialize, Deserialize)]
pub struct FigureColumns {
    pub dates: Vec<Date>,
    pub values: Vec<u64>,
    pub precision: Vec<Precision>,
    pub doc: Vec<Option<usize>>,
}

impl TryFrom<FigureColumns> for FigurePoints {
    type Error = String;
    fn try_from(c: FigureColumns) -> Result<Self, String> {
        let n = c.dates.len();
        if c.values.len() != n || c.precision.len() != n || c.doc.len() != n {
            return Err(format!(
                "the columns differ in length: {n} dates, {} values, {} precision, {} doc",
                c.values.len(),
                c.precision.len(),
                c.doc.len()
            ));
        }
        let rows = c.dates.into_iter().zip(c.values).zip(c.precision).zip(c.doc);
        Ok(FigurePoints(
            rows.map(|(((date, value), precision), doc)| FigurePoint {
                date,
                war_day: date.war_day(),
                value,
                precision,
                doc,
            })
            .collect(),
        ))
    }
}

impl From<FigurePoints> for FigureColumns {
    fn from(points: FigurePoints) -> Self {
        FigureColumns {
            dates: points.iter().map(|p| p.date).collect(),
            values: points.iter().map(|p| p.value).collect(),
            precision: points.iter().map(|p| p.precision).collect(),
            doc: points.iter().map(|p| p.doc).collect(),
        }
    }
}

impl Figures {
    /// The page of a figure, where the series names one.
    pub fn doc(&self, point: &FigurePoint) -> Option<&str> {
        point.doc.and_then(|i| self.docs.get(i)).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refugees {
    pub total: RefugeeSeries,
    /// An earlier vintage of the same total, before UNHCR revised it.
    pub earlier_total: Option<RefugeeSeries>,
    pub by_country: Vec<RefugeeSeries>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefugeeSeries {
    pub id: String,
    pub label: String,
    pub country: Option<String>,
    pub iso3: Option<String>,
    pub kind: SeriesKind,
    /// How the cumulative column was made (`as_in_source`, `running_sum_of_daily`).
    pub cumulative_basis: String,
    pub source: String,
    pub source_path: Option<String>,
    /// Whether the source gives daily figures (false: cumulative only).
    pub has_daily: bool,
    pub caveats: Vec<Caveat>,
    pub points: RefugeePoints,
}

/// One report of a refugee series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RefugeePoint {
    pub date: Date,
    /// Computed from the date (it is not stored in the dataset).
    pub war_day: i64,
    pub cumulative: u64,
    pub daily: Option<u64>,
}

/// The reports of a refugee series, in date order. In the dataset they are written as columns
/// (`{"dates": [...], "cumulative": [...], "daily": [...]}`), which is about a tenth of the
/// gzipped dataset less than one object per report; in memory they are points.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PointColumns", into = "PointColumns")]
pub struct RefugeePoints(pub Vec<RefugeePoint>);

impl std::ops::Deref for RefugeePoints {
    type Target = [RefugeePoint];
    fn deref(&self) -> &[RefugeePoint] {
        &self.0
    }
}

impl From<Vec<RefugeePoint>> for RefugeePoints {
    fn from(points: Vec<RefugeePoint>) -> Self {
        RefugeePoints(points)
    }
}

/// The columns of `RefugeePoints` as written in the dataset.
#[derive(Serialize, Deserialize)]
pub struct PointColumns {
    pub dates: Vec<Date>,
    pub cumulative: Vec<u64>,
    pub daily: Vec<Option<u64>>,
}

impl TryFrom<PointColumns> for RefugeePoints {
    type Error = String;
    fn try_from(c: PointColumns) -> Result<Self, String> {
        if c.cumulative.len() != c.dates.len() || c.daily.len() != c.dates.len() {
            return Err(format!(
                "the columns differ in length: {} dates, {} cumulative, {} daily",
                c.dates.len(),
                c.cumulative.len(),
                c.daily.len()
            ));
        }
        let rows = c.dates.into_iter().zip(c.cumulative).zip(c.daily);
        Ok(RefugeePoints(
            rows.map(|((date, cumulative), daily)| RefugeePoint {
                date,
                war_day: date.war_day(),
                cumulative,
                daily,
            })
            .collect(),
        ))
    }
}

impl From<RefugeePoints> for PointColumns {
    fn from(points: RefugeePoints) -> Self {
        PointColumns {
            dates: points.iter().map(|p| p.date).collect(),
            cumulative: points.iter().map(|p| p.cumulative).collect(),
            daily: points.iter().map(|p| p.daily).collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    pub source: String,
    pub caveats: Vec<Caveat>,
    pub points: Vec<CasualtyPoint>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasualtyPoint {
    pub date: Date,
    pub war_day: i64,
    pub killed: Option<u64>,
    pub injured: Option<u64>,
    pub total: Option<u64>,
    /// How exact each figure is (exact unless the source says "at least", "more than").
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub killed_precision: Precision,
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub injured_precision: Precision,
    /// `cutoff_24h` (data to 24:00 on `date`) or `report_date`.
    pub date_basis: String,
    pub published: Option<Date>,
    pub source_type: String,
    pub source_url: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Idps {
    pub caveats: Vec<Caveat>,
    pub rounds: Vec<IdpRound>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdpRound {
    /// IOM's round, where the source names it (figures quoted without one have none).
    pub round: Option<u32>,
    /// End of the survey period.
    pub date: Date,
    pub war_day: i64,
    pub survey_period: String,
    pub total: u64,
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub precision: Precision,
    /// `as_in_source`, `derived_sum_of_macro_regions`, `rounded_in_source`.
    pub value_basis: String,
    pub source: String,
    pub source_url: Option<String>,
    pub repo_source_path: Option<String>,
    pub note: Option<String>,
    pub regions: Vec<IdpRegion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdpRegion {
    pub region: String,
    pub current_location: u64,
    pub by_region_of_origin: Option<u64>,
    pub source: String,
    pub source_url: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub date: Date,
    pub war_day: i64,
    pub title: String,
    pub source: String,
    pub source_url: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: String,
    pub role: String,
    pub date: Date,
    pub war_day: i64,
    pub text: String,
    pub context: String,
    pub source: String,
    pub source_url: String,
    pub original_source_url: Option<String>,
    pub note: Option<String>,
}

spelled_enum! {
    /// What a claim counts, matched to a series of the dataset.
    pub enum Metric {
        RefugeesCumulative => "refugees_cumulative",
        CiviliansKilled => "civilians_killed",
        CiviliansInjured => "civilians_injured",
        CivilianCasualtiesTotal => "civilian_casualties_total",
        Idps => "idps",
        /// Individual refugees from Ukraine recorded across Europe (a stock, not crossings).
        RefugeesRecordedEurope => "refugees_recorded_europe",
        /// Refugees from Ukraine recorded globally.
        RefugeesRecordedGlobal => "refugees_recorded_global",
        /// Refugees and internally displaced people together: no series of the dataset counts it.
        DisplacedTotal => "displaced_total",
    }
}

spelled_enum! {
    /// How a claim qualifies its figure.
    pub enum Qualifier {
        /// "more than", "over", "passed"
        MoreThan => "more_than",
        /// "at least", "reached the ... mark"
        AtLeast => "at_least",
        /// a rounded figure with no qualifier ("now 4 million")
        About => "about",
        /// a full count with no qualifier
        Exactly => "exactly",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// When the statement was made or published.
    pub date: Date,
    pub war_day: i64,
    pub who: String,
    /// The words as printed.
    pub text: String,
    pub metric: Metric,
    pub value: u64,
    pub qualifier: Qualifier,
    pub source: String,
    pub source_url: String,
    pub note: Option<String>,
    /// Whose count the claim gives, beside the dataset's series of its measure (absent: the
    /// series' own counter, cut-off not known).
    #[serde(default, skip_serializing_if = "ClaimCount::is_unknown")]
    pub count: ClaimCount,
}

/// Whose count a claim gives. A figure from one counter is never called right or wrong by
/// another counter's figure: only a claim of the series' own counter whose cut-off is known is
/// judged, against that counter's figure of that cut-off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCount {
    /// Another counter than the series' (e.g. "Ukraine's Interior Ministry"): set beside the
    /// data, never judged by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// The cut-off of the series' own report that the claim gives, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<Date>,
}

impl ClaimCount {
    /// The series' own counter, with no known cut-off: what a claim is unless said otherwise.
    pub fn is_unknown(&self) -> bool {
        self.other.is_none() && self.cutoff.is_none()
    }
}

impl Dataset {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The first and last dates of the dataset's figures (of every series), if it has any:
    /// what `first_date` and `last_date` must be.
    pub fn figure_dates(&self) -> Option<(Date, Date)> {
        let r = &self.refugees;
        r.total
            .points
            .iter()
            .map(|p| p.date)
            .chain(r.by_country.iter().flat_map(|s| s.points.iter().map(|p| p.date)))
            .chain(self.casualties.points.iter().map(|p| p.date))
            .chain(self.idps.rounds.iter().map(|r| r.date))
            .chain(self.figures.iter().flat_map(|f| f.points.iter().map(|p| p.date)))
            .fold(None, |span: Option<(Date, Date)>, d| {
                Some(span.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))))
            })
    }

    /// The war day whose quotes go with `day`: that day if anything was said, else the nearest
    /// earlier day with quotes.
    pub fn quote_day(&self, day: i64) -> Option<i64> {
        self.quotes.iter().map(|q| q.war_day).filter(|d| *d <= day).max()
    }

    /// Quotes in date order (stable: equal dates keep dataset order).
    pub fn quotes_by_date(&self) -> Vec<&Quote> {
        // Each quote goes after every quote of the same or an earlier date. A handful of quotes:
        // inserting in place is as quick as a sort, and much less code in the wasm.
        let mut quotes: Vec<&Quote> = Vec::with_capacity(self.quotes.len());
        for q in &self.quotes {
            let at = quotes.partition_point(|p| p.date <= q.date);
            quotes.insert(at, q);
        }
        quotes
    }
}

/// Whether a reader may be sent to `url`: an absolute `http://` or `https://` address with a
/// host, and no space or control character anywhere (a browser strips those from the ends of
/// an `href` and from inside a scheme, so `" javascript:..."` and `"java\tscript:..."` both
/// run script). Anything else (`javascript:`, `data:`, `file:`, relative paths) is not a link.
pub fn is_web_link(url: &str) -> bool {
    let lower = |n: usize| url.get(..n).map(str::to_ascii_lowercase);
    let rest = if lower(8).as_deref() == Some("https://") {
        &url[8..]
    } else if lower(7).as_deref() == Some("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `url` when it is a web link (`is_web_link`), for building a link a reader can follow.
pub fn web_link(url: &str) -> Option<&str> {
    is_web_link(url).then_some(url)
}

/// The host name of a URL, for "outlet" labels (`https://www.example.org/a` -> `example.org`).
pub fn outlet(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::{is_web_link, outlet};

    #[test]
    fn only_web_links() {
        for good in [
            "https://reliefweb.int/report?x=1",
            "http://example.org",
            "HTTPS://Example.org/a#b",
            "https://example.org:8443/a%20b",
        ] {
            assert!(is_web_link(good), "{good}");
        }
        for bad in [
            "javascript:alert(3)",
            "JavaScript:alert(3)",
            " javascript:alert(3)",
            "java\tscript:alert(3)",
            "data:text/html,<script>alert(3)</script>",
            "file:///etc/passwd",
            "vbscript:msgbox(1)",
            "//example.org/a",
            "/relative",
            "https:/example.org",
            "https://",
            "https:///path",
            "https://example.org/a b",
            " https://example.org",
            "https://example.org\n",
            "https://exa\u{0}mple.org",
            "",
            "httpsx://example.org",
            "ftp://example.org",
        ] {
            assert!(!is_web_link(bad), "{bad:?}");
        }
    }

    #[test]
    fn outlet_from_url() {
        assert_eq!(
            outlet("https://www.republicworld.com/world-news/x.html"),
            "republicworld.com"
        );
        assert_eq!(outlet("https://reliefweb.int/report?x=1"), "reliefweb.int");
        assert_eq!(outlet("not a url"), "not a url");
    }
}
