//! The whole war's published figures (`whole-war/`): border crossings out of Ukraine in their
//! three vintages, refugees recorded in Europe and globally, UNHCR's year-end statistics, the
//! figures by receiving country (by day and by month), EU temporary protection decisions per
//! month, and displacement estimates of publishers other than IOM's survey rounds.
//!
//! One series per measure, place and source record (the register says which source a row's
//! `source` value belongs to); nothing joined, summed, rounded or smoothed. Each figure keeps
//! its precision and its page.

use super::reader::{Problems, Row, Table};
use super::register::Register;
use super::statements::spelled;
use super::Input;
use crate::data::date::Date;
use crate::data::model::{Caveat, Country, FigurePoint, Figures, MeasureKind, Precision, Scope};
use crate::data::text;
use std::collections::BTreeMap;

pub(super) const CROSSINGS: Input = Input {
    file: "whole-war/refugees_crossings.csv",
    columns: &["date", "war_day", "individuals_cumulative", "precision", "source"],
};

pub(super) const RECORDED: Input = Input {
    file: "whole-war/refugees_recorded.csv",
    columns: &[
        "date",
        "war_day",
        "individuals",
        "scope",
        "definition",
        "precision",
        "source",
    ],
};

pub(super) const BY_COUNTRY: Input = Input {
    file: "whole-war/refugees_by_country.csv",
    columns: &[
        "date",
        "war_day",
        "country",
        "iso3",
        "measure_code",
        "value",
        "precision",
        "source",
    ],
};

pub(super) const BY_COUNTRY_MONTH: Input = Input {
    file: "whole-war/refugees_by_country_month.csv",
    columns: &["month", "country", "iso3", "value", "source"],
};

pub(super) const PROTECTION: Input = Input {
    file: "whole-war/temporary_protection_decisions_eu.csv",
    columns: &["month", "geo", "value", "source"],
};

/// A page as a link a reader can follow: a web address as it is; a file of a public
/// repository, `owner/repo@commit:path`, as its page on GitHub at that commit.
pub fn doc_link(text: &str) -> Option<String> {
    if crate::data::is_web_link(text) {
        return Some(text.to_string());
    }
    let (repo, rest) = text.split_once('@')?;
    let (commit, path) = rest.split_once(':')?;
    let (owner, name) = repo.split_once('/')?;
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    let commit_ok = (7..=40).contains(&commit.len()) && commit.chars().all(|c| c.is_ascii_hexdigit());
    let path_ok =
        !path.is_empty() && !path.starts_with('/') && !path.chars().any(|c| c.is_whitespace() || c.is_control());
    (word(owner) && word(name) && commit_ok && path_ok && !path.split('/').any(|p| p == ".."))
        .then(|| format!("https://github.com/{owner}/{name}/blob/{commit}/{path}"))
}

/// The page named in a row's `column` (its first word: words after it are remarks, such as
/// "(copy: ...)"), reported where it is neither a web link nor a file of a public repository.
pub(super) fn doc(row: &Row<'_>, column: &str, text: &str, p: &mut Problems) -> Option<String> {
    let text = text.split_whitespace().next().unwrap_or_default();
    let found = doc_link(text);
    if found.is_none() {
        let message = format!(
            "\"{}\" is neither a web link nor a repository file (owner/repo@commit:path)",
            text.escape_debug()
        );
        row.report(p, column, message);
    }
    found
}

/// What a series is, before its first figure: everything but the figures.
pub(super) struct SeriesHead {
    pub id: String,
    pub measure: MeasureKind,
    pub scope: Scope,
    pub country: Option<(String, String)>,
    pub source: String,
    pub label: String,
    pub monthly: bool,
}

/// One figure of a row, read and checked.
pub(super) struct RowFigure {
    pub date: Date,
    pub value: u64,
    pub precision: Precision,
    pub doc: Option<String>,
}

/// The series being built, by id.
#[derive(Default)]
pub(super) struct Collector {
    series: BTreeMap<String, Figures>,
    /// Names each country was published under, for its label: iso3 -> name -> rows.
    names: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Collector {
    /// Adds a figure to its series. A second figure of the same series and date is kept as a
    /// dated caveat on the first (both were published); the same figure again is not repeated.
    pub(super) fn add(&mut self, head: SeriesHead, f: RowFigure) {
        let series = self.series.entry(head.id.clone()).or_insert_with(|| {
            let (country, iso3) = match head.country {
                Some((name, iso3)) => (Some(name), Some(iso3)),
                None => (None, None),
            };
            Figures {
                id: head.id,
                measure: head.measure,
                scope: head.scope,
                country,
                iso3,
                label: head.label,
                source: head.source,
                monthly: head.monthly,
                caveats: Vec::new(),
                docs: Vec::new(),
                points: Default::default(),
            }
        });
        let doc = f.doc.map(|d| match series.docs.iter().position(|x| *x == d) {
            Some(i) => i,
            None => {
                series.docs.push(d);
                series.docs.len() - 1
            }
        });
        if let Some(first) = series.points.iter().find(|x| x.date == f.date) {
            if first.value != f.value || first.precision != f.precision {
                let page = doc
                    .and_then(|i| series.docs.get(i))
                    .map_or_else(String::new, |d| format!(" ({})", crate::data::outlet(d)));
                series.caveats.push(Caveat {
                    date: Some(f.date),
                    text: format!(
                        "Another figure was published for {}: {}{page}. Both are kept; the chart shows {}.",
                        f.date.human(),
                        text::figure(f.value, f.precision),
                        text::figure(first.value, first.precision)
                    ),
                });
            }
            return;
        }
        series.points.0.push(FigurePoint {
            date: f.date,
            war_day: f.date.war_day(),
            value: f.value,
            precision: f.precision,
            doc,
        });
    }

    /// Notes a name a country was published under.
    fn name(&mut self, iso3: &str, name: &str) {
        *self
            .names
            .entry(iso3.to_string())
            .or_default()
            .entry(name.to_string())
            .or_default() += 1;
    }

    /// The series, each in date order with its anomalies as caveats; countries named as the
    /// countries table names them, or by the name most of their rows use. In a stable order:
    /// by measure, place, then the largest latest figure first.
    pub(super) fn finish(self, countries: &[Country], notes: Vec<(String, Caveat)>) -> Vec<Figures> {
        let names = self.names;
        let mut out: Vec<Figures> = self
            .series
            .into_values()
            .map(|mut s| {
                s.points.0.sort_by_key(|x| x.date);
                if let Some(iso3) = s.iso3.clone() {
                    let known = countries.iter().find(|c| c.iso3 == iso3).map(|c| c.name.clone());
                    let most = names.get(&iso3).and_then(|n| {
                        n.iter()
                            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                            .map(|(name, _)| name.clone())
                    });
                    if let Some(name) = known.or(most) {
                        s.label = format!("{name}: {}", s.label);
                        s.country = Some(name);
                    }
                }
                if s.measure == MeasureKind::BorderCrossings {
                    s.caveats.extend(falls(&s));
                }
                s.caveats.extend(
                    notes
                        .iter()
                        .filter(|(id, _)| *id == s.id)
                        .map(|(_, caveat)| caveat.clone()),
                );
                s.caveats.sort_by_key(|c| c.date);
                s
            })
            .collect();
        out.sort_by_key(|s| {
            let measure = MeasureKind::ALL.iter().position(|m| *m == s.measure);
            let scope = Scope::ALL.iter().position(|m| *m == s.scope);
            let latest = s.points.last().map_or(0, |x| x.value);
            (measure, scope, s.monthly, std::cmp::Reverse(latest), s.id.clone())
        });
        out
    }
}

/// A cumulative count that falls between two figures of its series: UNHCR's revisions.
fn falls(s: &Figures) -> Vec<Caveat> {
    s.points
        .windows(2)
        .filter(|w| w[1].value < w[0].value)
        .map(|w| Caveat {
            date: Some(w[1].date),
            text: format!(
                "The cumulative figure falls from {} ({}) to {} ({}): a revision by the publisher; kept as published.",
                text::figure(w[0].value, w[0].precision),
                w[0].date.human(),
                text::figure(w[1].value, w[1].precision),
                w[1].date.human()
            ),
        })
        .collect()
}

/// The register's source for a row's `key` (the value of `column`), as a series' source: its
/// id and title.
pub(super) fn registered(
    row: &Row<'_>,
    reg: &Register,
    column: &str,
    key: &str,
    p: &mut Problems,
) -> Option<(String, String)> {
    reg.resolve_source(row, column, Some(key), p)
        .map(|s| (s.id.clone(), s.title.clone()))
}

/// A row's figure: its date (`date`, checked against `war_day`), value, precision and page.
fn dated_figure(row: &Row<'_>, value_column: &str, doc_text: Option<&str>, p: &mut Problems) -> Option<RowFigure> {
    let dated = row.dated("date", p);
    let value = row.count(value_column, p);
    let precision = spelled(row, "precision", Precision::parse, Precision::spellings, p);
    let doc = doc_text.and_then(|d| doc(row, "source", d, p));
    let ((date, _), value, precision) = (dated?, value?, precision?);
    Some(RowFigure {
        date,
        value,
        precision,
        doc,
    })
}

/// UNHCR's border crossings out of Ukraine, in series by vintage (the register keys each
/// `source` value: month-end values as revised, headline lower bounds, figures published at
/// the time).
pub(super) fn read_crossings(t: &Table, reg: &Register, c: &mut Collector, p: &mut Problems) {
    for row in t.rows() {
        let Some(source) = row.text("source", p) else {
            continue;
        };
        let registered = registered(&row, reg, "source", &source, p);
        let figure = dated_figure(&row, "individuals_cumulative", Some(&source), p);
        let (Some((id, title)), Some(figure)) = (registered, figure) else {
            continue;
        };
        let head = SeriesHead {
            source: id.clone(),
            id,
            measure: MeasureKind::BorderCrossings,
            scope: Scope::AllCountries,
            country: None,
            label: title,
            monthly: false,
        };
        c.add(head, figure);
    }
}

/// Refugees from Ukraine recorded in Europe and globally, and UNHCR's year-end statistics: a
/// series per definition (the register's key) and scope.
pub(super) fn read_recorded(t: &Table, reg: &Register, c: &mut Collector, p: &mut Problems) {
    for row in t.rows() {
        let scope = row.text("scope", p).and_then(|s| {
            let found = Scope::parse(&s).filter(|s| matches!(s, Scope::Europe | Scope::Global));
            if found.is_none() {
                row.report(p, "scope", format!("unknown scope \"{s}\" (expected europe or global)"));
            }
            found
        });
        let definition = row.text("definition", p);
        let registered = definition
            .as_deref()
            .and_then(|d| registered(&row, reg, "definition", d, p));
        let page = row.text("source", p);
        let figure = dated_figure(&row, "individuals", page.as_deref(), p);
        let (Some(scope), Some(definition), Some((source, title)), Some(figure)) =
            (scope, definition, registered, figure)
        else {
            continue;
        };
        let measure = if definition == "year_end_statistics" {
            MeasureKind::YearEndStatistics
        } else {
            MeasureKind::RefugeesRecorded
        };
        let where_ = match scope {
            Scope::Europe => "across Europe",
            _ => "globally",
        };
        let head = SeriesHead {
            id: format!("{source}-{scope}"),
            measure,
            scope,
            country: None,
            label: format!("{title}, {where_}"),
            source,
            monthly: false,
        };
        c.add(head, figure);
    }
}

/// A row's country: its code (three capital letters) and the name it was published under.
fn country(row: &Row<'_>, p: &mut Problems) -> Option<(String, String)> {
    let name = row.text("country", p);
    let iso3 = row.text("iso3", p)?;
    if iso3.len() != 3 || !iso3.chars().all(|c| c.is_ascii_uppercase()) {
        row.report(p, "iso3", format!("\"{iso3}\" is not an ISO 3166-1 alpha-3 code"));
        return None;
    }
    Some((name?, iso3))
}

/// The measures a country's figures can be of, by `measure_code`.
fn country_measure(code: &str) -> Option<MeasureKind> {
    match code {
        "refugees_recorded_in_country" => Some(MeasureKind::RefugeesRecorded),
        "border_crossings_from_ukraine_into_country_cumulative" => Some(MeasureKind::BorderCrossings),
        "refugees_end_year_UNHCR_statistics" => Some(MeasureKind::YearEndStatistics),
        _ => None,
    }
}

/// Figures by receiving country, dated: a series per measure (the register's key) and country.
pub(super) fn read_by_country(t: &Table, reg: &Register, c: &mut Collector, p: &mut Problems) {
    for row in t.rows() {
        let place = country(&row, p);
        let code = row.text("measure_code", p);
        let measure = code.as_deref().and_then(|m| {
            let found = country_measure(m);
            if found.is_none() {
                row.report(p, "measure_code", format!("unknown measure \"{m}\""));
            }
            found
        });
        let registered = code
            .as_deref()
            .filter(|_| measure.is_some())
            .and_then(|m| registered(&row, reg, "measure_code", m, p));
        let page = row.text("source", p);
        let figure = dated_figure(&row, "value", page.as_deref(), p);
        let (Some((name, iso3)), Some(measure), Some((source, title)), Some(figure)) =
            (place, measure, registered, figure)
        else {
            continue;
        };
        c.name(&iso3, &name);
        let head = SeriesHead {
            id: format!("{source}-{}", iso3.to_lowercase()),
            measure,
            scope: Scope::Country,
            country: Some((name, iso3)),
            source,
            label: title,
            monthly: false,
        };
        c.add(head, figure);
    }
}

/// A month column (`YYYY-MM`) as the month's last day.
fn month(row: &Row<'_>, p: &mut Problems) -> Option<Date> {
    let text = row.text("month", p)?;
    let Some(date) = Date::parse_month_end(&text) else {
        row.report(p, "month", format!("\"{text}\" is not a month (YYYY-MM)"));
        return None;
    };
    if let Some(outside) = date.outside_span() {
        row.report(p, "month", outside);
        return None;
    }
    Some(date)
}

/// Figures by receiving country known only to the month: a series per source (the register
/// keys the country code: a few come from national sources) and country.
pub(super) fn read_by_country_month(t: &Table, reg: &Register, c: &mut Collector, p: &mut Problems) {
    for row in t.rows() {
        let place = country(&row, p);
        let date = month(&row, p);
        let value = row.count("value", p);
        let page = row.text("source", p);
        let page = page.and_then(|d| doc(&row, "source", &d, p));
        let registered = place
            .as_ref()
            .and_then(|(_, iso3)| registered(&row, reg, "iso3", iso3, p));
        let (Some((name, iso3)), Some(date), Some(value), Some((source, title))) = (place, date, value, registered)
        else {
            continue;
        };
        c.name(&iso3, &name);
        let head = SeriesHead {
            id: format!("{source}-{}", iso3.to_lowercase()),
            measure: MeasureKind::RefugeesRecorded,
            scope: Scope::Country,
            country: Some((name, iso3)),
            source,
            label: title,
            monthly: true,
        };
        let figure = RowFigure {
            date,
            value,
            precision: Precision::Exact,
            doc: page,
        };
        c.add(head, figure);
    }
}

/// Eurostat's decisions granting temporary protection in the EU, per month. `NA` (no EU total
/// that month) is no figure: the months without one are named in a caveat.
pub(super) fn read_protection(t: &Table, reg: &Register, c: &mut Collector, p: &mut Problems) -> Vec<(String, Caveat)> {
    let source = reg.file_source(t, p);
    let mut missing: Vec<Date> = Vec::new();
    let mut id = None;
    for row in t.rows() {
        let date = month(&row, p);
        let geo = row.text("geo", p);
        if geo.as_deref().is_some_and(|g| g != "EU27_2020") {
            row.report(p, "geo", "only the EU total (EU27_2020) is read".into());
            continue;
        }
        let page = row.text("source", p).and_then(|d| doc(&row, "source", &d, p));
        // `NA` is no figure; anything else must be a count (`None` once reported).
        let value = match row.opt_text("value").as_deref() {
            Some("NA") => Some(None),
            _ => row.count("value", p).map(Some),
        };
        let (Some(date), Some(source), Some(value)) = (date, source.clone(), value) else {
            continue;
        };
        match value {
            None => missing.push(date),
            Some(value) => {
                let head = SeriesHead {
                    id: source.clone(),
                    measure: MeasureKind::TemporaryProtection,
                    scope: Scope::Eu,
                    country: None,
                    label: "Decisions granting temporary protection in the EU, per month".into(),
                    source: source.clone(),
                    monthly: true,
                };
                id = Some(source.clone());
                c.add(
                    head,
                    RowFigure {
                        date,
                        value,
                        precision: Precision::Exact,
                        doc: page,
                    },
                );
            }
        }
    }
    let (Some(id), false) = (id, missing.is_empty()) else {
        return Vec::new();
    };
    let months: Vec<String> = missing.iter().map(|d| text::month_year(*d)).collect();
    vec![(
        id,
        Caveat {
            date: None,
            text: format!(
                "Eurostat gives no EU total for {} (not every member state had reported): no figure is shown for those months.",
                text::and_list(&months)
            ),
        },
    )]
}

#[cfg(test)]
mod tests {
    use super::doc_link;

    #[test]
    fn pages_as_links() {
        assert_eq!(
            doc_link("https://reliefweb.int/report/x").as_deref(),
            Some("https://reliefweb.int/report/x")
        );
        assert_eq!(
            doc_link("EuranetPlus/map-ukraine@e5ce5696821bdc76d1140530be1f40e11c87641f:static/languages/en.json")
                .as_deref(),
            Some(
                "https://github.com/EuranetPlus/map-ukraine/blob/e5ce5696821bdc76d1140530be1f40e11c87641f/static/languages/en.json"
            )
        );
        for bad in [
            "javascript:alert(1)",
            "owner/repo@nothex:path",
            "owner/repo@abcdef12:",
            "owner/repo@abcdef12:../x",
            "owner/re po@abcdef12:x",
            "owner@abcdef12:x",
            "just words",
            "",
        ] {
            assert_eq!(doc_link(bad), None, "{bad}");
        }
    }
}
