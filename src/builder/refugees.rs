//! Countries (residents, for per-capita figures) and UNHCR's refugee series: the all-country
//! total, its earlier vintage, and arrivals by receiving country.

use super::anomalies;
use super::reader::{Problems, Row, Table};
use super::register::Register;
use super::Input;
use crate::data::date::Date;
use crate::data::model::{Country, RefugeePoint, RefugeePoints, RefugeeSeries, SeriesKind};
use crate::data::validate::POPULATION_YEARS;
use std::collections::{BTreeMap, BTreeSet};

pub(super) const COUNTRIES: Input = Input {
    file: "countries.csv",
    columns: &["name", "iso3", "population", "population_year"],
};

const TOTAL_COLUMNS: &[&str] = &["date", "war_day", "individuals_cumulative", "daily"];

pub(super) const TOTAL: Input = Input {
    file: "refugees_total.csv",
    columns: TOTAL_COLUMNS,
};

pub(super) const EARLIER_TOTAL: Input = Input {
    file: "refugees_total_alt_vintage.csv",
    columns: TOTAL_COLUMNS,
};

pub(super) const BY_COUNTRY: Input = Input {
    file: "refugees_by_country.csv",
    columns: &[
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
};

pub(super) fn read_countries(t: &Table, reg: &Register, p: &mut Problems) -> Vec<Country> {
    let mut countries: Vec<Country> = Vec::new();
    for row in t.rows() {
        let source = reg.resolve(&row, "population_source", None, p);
        let name = row.text("name", p);
        let iso3 = row.text("iso3", p);
        let population = row.count("population", p);
        let years = POPULATION_YEARS;
        let years = u64::from(*years.start())..=u64::from(*years.end());
        let year = row.whole_in::<i32>("population_year", years, p);
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
            population_year: year,
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
pub(super) fn no_duplicate_dates(
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
pub(super) fn read_total(
    t: &Table,
    reg: &Register,
    (id, label): (&str, &str),
    p: &mut Problems,
) -> Option<RefugeeSeries> {
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
    if t.rows().next().is_none() {
        p.file(&t.file, "has no rows".into());
        return None;
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

/// One row of arrivals in a receiving country, read and checked.
struct CountryRow<'a> {
    point: RefugeePoint,
    country: &'a Country,
    kind: SeriesKind,
    basis: String,
    path: String,
    source: String,
}

/// The kinds of series a receiving country can have.
const COUNTRY_KINDS: [SeriesKind; 2] = [SeriesKind::ArrivalsFromUkraine, SeriesKind::ArrivalsFromMoldova];

fn country_row<'a>(
    row: &Row<'_>,
    reg: &Register,
    countries: &'a [Country],
    p: &mut Problems,
) -> Option<CountryRow<'a>> {
    let point = refugee_point(row, p);
    let name = row.text("country", p);
    let iso3 = row.text("iso3", p);
    let kind = row.text("series", p).and_then(|text| {
        let kind = SeriesKind::parse(&text).filter(|k| COUNTRY_KINDS.contains(k));
        if kind.is_none() {
            let expected: Vec<&str> = COUNTRY_KINDS.iter().map(|k| k.as_str()).collect();
            let expected = crate::spelling::list(&expected);
            row.report(p, "series", format!("unknown series \"{text}\" (expected {expected})"));
        }
        kind
    });
    let basis = row.text("cumulative_basis", p);
    let path = row.text("source_path", p);
    let source = path
        .as_deref()
        .and_then(|k| reg.resolve(row, "source_path", Some(k), p));
    let country = iso3.as_deref().and_then(|code| {
        let found = countries.iter().find(|c| c.iso3 == code);
        if found.is_none() {
            let message = format!("unknown country code \"{code}\" (not in countries.csv)");
            row.report(p, "iso3", message);
        }
        found
    });
    if let (Some(c), Some(n)) = (country, &name) {
        if &c.name != n {
            let message = format!(
                "\"{n}\" does not match countries.csv name \"{}\" for {}",
                c.name, c.iso3
            );
            row.report(p, "country", message);
            return None;
        }
    }
    Some(CountryRow {
        point: point?,
        country: country?,
        kind: kind?,
        basis: basis?,
        path: path?,
        source: source?,
    })
}

/// A new, empty series for the first row of a country and kind.
fn country_series(id: String, r: &CountryRow<'_>) -> RefugeeSeries {
    RefugeeSeries {
        label: match r.kind {
            SeriesKind::ArrivalsFromMoldova => format!("{} (arrivals from Moldova)", r.country.name),
            _ => r.country.name.clone(),
        },
        id,
        country: Some(r.country.name.clone()),
        iso3: Some(r.country.iso3.clone()),
        kind: r.kind,
        cumulative_basis: r.basis.clone(),
        source: r.source.clone(),
        source_path: Some(r.path.clone()),
        has_daily: false,
        caveats: Vec::new(),
        points: RefugeePoints::default(),
    }
}

/// Arrivals by receiving country: one series per country and kind, largest first (by latest
/// cumulative figure), Romania's arrivals from Moldova last.
pub(super) fn read_by_country(
    t: &Table,
    reg: &Register,
    countries: &[Country],
    p: &mut Problems,
) -> Vec<RefugeeSeries> {
    let mut series: BTreeMap<String, RefugeeSeries> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for row in t.rows() {
        let Some(r) = country_row(&row, reg, countries, p) else {
            continue;
        };
        let id = match r.kind {
            SeriesKind::ArrivalsFromMoldova => format!("{}-from-mda", r.country.iso3.to_lowercase()),
            _ => r.country.iso3.to_lowercase(),
        };
        if !no_duplicate_dates(&row, &mut seen, &id, r.point.date, p) {
            continue;
        }
        let entry = series.entry(id.clone()).or_insert_with(|| country_series(id, &r));
        if entry.source != r.source || entry.cumulative_basis != r.basis {
            row.report(
                p,
                "source_path",
                format!("differs from earlier rows of series {}", entry.id),
            );
            continue;
        }
        entry.points.0.push(r.point);
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
