//! UNHCR's refugee figures: by receiving country as the reader chose (cumulative or daily;
//! absolute, per 1,000 residents or share of the total), and daily crossings out of Ukraine.

use super::{annotations, publisher, source_of, Draft, Frame};
use crate::chart::{ChartId, ChartSpec, Mark, Point, SeriesColor, SeriesSpec};
use crate::compare::{revision_words, revisions};
use crate::data::{group_whole, Dataset, RefugeePoint, RefugeeSeries, SeriesKind};
use crate::state::{ChartOptions, Measure, Mode, Scale};

/// Per 1,000 residents: `1000 * count / population`.
pub fn per_thousand(count: u64, population: u64) -> f64 {
    1000.0 * count as f64 / population as f64
}

/// Percentage of a total; none when the total is zero.
pub fn share(part: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| 100.0 * part as f64 / total as f64)
}

/// The chosen figure of a refugee point: cumulative or daily.
fn figure(options: &ChartOptions, p: &RefugeePoint) -> Option<u64> {
    match options.mode {
        Mode::Cumulative => Some(p.cumulative),
        Mode::Daily => p.daily,
    }
}

/// The series' chosen figures, as published.
fn absolute(options: &ChartOptions, series: &RefugeeSeries) -> Vec<Point> {
    series
        .points
        .iter()
        .filter_map(|p| figure(options, p).map(|v| Point::plain(p.war_day, v as f64)))
        .collect()
}

/// Series left out of the chart, by reason, for its notes.
#[derive(Default)]
struct LeftOut<'a> {
    no_daily: Vec<&'a str>,
    not_in_total: Vec<&'a str>,
    no_population: Vec<&'a str>,
}

/// Refugees by receiving country, as the reader chose.
pub fn by_country(f: &Frame<'_>) -> ChartSpec {
    let (d, options) = (f.dataset, f.options);
    let mut series = Vec::new();
    let mut notes = Vec::new();
    // Claims first, then the caveats of each series shown.
    let mut marks = annotations::claims(d, ChartId::Refugees, options);
    if options.measure == Measure::Absolute {
        let total = &d.refugees.total;
        let spec = SeriesSpec {
            id: total.id.clone(),
            label: "All countries (UNHCR total)".into(),
            name: "All countries".into(),
            color: SeriesColor::Ink,
            mark: Mark::Line,
            source: source_of(d, &total.source),
            points: absolute(options, total),
        };
        marks.extend(annotations::caveats(&spec, &total.caveats, Some(&total.label)));
        series.push(spec);
    }
    if let Some(earlier) = d.refugees.earlier_total.as_ref().filter(|_| options.earlier_vintage) {
        match options.measure {
            Measure::Absolute => series.push(earlier_vintage(d, options, earlier)),
            _ => notes.push("UNHCR's earlier vintage is drawn with absolute figures only.".into()),
        }
    }
    let mut left_out = LeftOut::default();
    for s in d.refugees.by_country.iter().filter(|s| options.is_shown(&s.id)) {
        if let Some(spec) = country(d, options, s, &mut left_out) {
            marks.extend(annotations::caveats(&spec, &s.caveats, Some(&s.label)));
            series.push(spec);
        }
    }
    notes.extend(country_notes(d, options, &left_out));
    if let Some(route) = series
        .iter()
        .find(|s| s.mark == Mark::DashedLine && s.id != "total-earlier")
    {
        notes.push(format!(
            "{} (dashed): people who had already left Ukraine, counted again on arrival from Moldova; not part of UNHCR's total and never added to it.",
            route.name
        ));
    }
    let (what, unit, decimals) = measure_words(options);
    let mut source = format!(
        "Source: {}, arrivals by receiving country compiled from national authorities (as of {}). Border crossings, not unique people.",
        publisher(d, &d.refugees.total.source),
        d.refugees.total.points.last().map_or_else(String::new, |p| p.date.human())
    );
    if options.measure == Measure::PerThousand {
        source.push_str(" Residents: World Bank, 2021.");
    }
    let title = format!("Refugees from Ukraine by receiving country, {what}");
    let mut draft = Draft::new(ChartId::Refugees, title, unit, series, source);
    draft.decimals = decimals;
    draft.rate = options.measure != Measure::Absolute;
    draft.notes = notes;
    draft.marks = marks;
    f.finish(draft)
}

/// UNHCR's earlier vintage of its total, each day with its revision in the current vintage.
fn earlier_vintage(d: &Dataset, options: &ChartOptions, earlier: &RefugeeSeries) -> SeriesSpec {
    let revisions = revisions(d);
    let cumulative = options.mode == Mode::Cumulative;
    SeriesSpec {
        id: earlier.id.clone(),
        label: "UNHCR total, earlier vintage".into(),
        name: "Earlier vintage".into(),
        color: SeriesColor::Ink,
        mark: Mark::DashedLine,
        source: source_of(d, &earlier.source),
        points: earlier
            .points
            .iter()
            .filter_map(|p| {
                let mut point = Point::plain(p.war_day, figure(options, p)? as f64);
                point.detail = revisions
                    .iter()
                    .find(|r| r.date == p.date && cumulative)
                    .map(revision_words);
                Some(point)
            })
            .collect(),
    }
}

/// One receiving country's series in the chosen measure, or none (with the reason recorded).
fn country<'a>(
    d: &Dataset,
    options: &ChartOptions,
    s: &'a RefugeeSeries,
    left_out: &mut LeftOut<'a>,
) -> Option<SeriesSpec> {
    let moldova_route = s.kind == SeriesKind::ArrivalsFromMoldova;
    if options.mode == Mode::Daily && !s.has_daily {
        left_out.no_daily.push(&s.label);
        return None;
    }
    let mut source = source_of(d, &s.source);
    let points = match options.measure {
        Measure::Absolute => absolute(options, s),
        Measure::Share if moldova_route => {
            left_out.not_in_total.push(&s.label);
            return None;
        }
        Measure::Share => shares(d, options, s),
        Measure::PerThousand => {
            let Some(population) = population(d, s) else {
                left_out.no_population.push(&s.label);
                return None;
            };
            source.ids.extend(d.countries.first().map(|c| c.source.clone()));
            per_thousands(options, s, population)
        }
    };
    Some(SeriesSpec {
        id: s.id.clone(),
        label: if moldova_route && options.measure == Measure::Absolute {
            format!("{} — not part of the total", s.label)
        } else {
            s.label.clone()
        },
        name: match (moldova_route, &s.country) {
            (true, Some(country)) => format!("{country} (from Moldova)"),
            (_, Some(country)) => country.clone(),
            (_, None) => s.label.clone(),
        },
        color: super::series_color(d, &s.id),
        mark: if moldova_route { Mark::DashedLine } else { Mark::Line },
        source,
        points,
    })
}

/// The receiving country's residents, where the dataset has them.
fn population(d: &Dataset, s: &RefugeeSeries) -> Option<u64> {
    let iso3 = s.iso3.as_ref()?;
    d.countries.iter().find(|c| &c.iso3 == iso3).map(|c| c.population)
}

fn per_thousands(options: &ChartOptions, s: &RefugeeSeries, population: u64) -> Vec<Point> {
    s.points
        .iter()
        .filter_map(|p| {
            let v = figure(options, p)?;
            Some(Point {
                day: p.war_day,
                value: per_thousand(v, population),
                detail: Some(format!("{} of {} residents", group_whole(v), group_whole(population))),
                source: None,
            })
        })
        .collect()
}

/// Each figure as a share of UNHCR's total of the same day (none on days without a total).
fn shares(d: &Dataset, options: &ChartOptions, s: &RefugeeSeries) -> Vec<Point> {
    let total = &d.refugees.total.points;
    s.points
        .iter()
        .filter_map(|p| {
            let t = total
                .binary_search_by_key(&p.date, |t| t.date)
                .ok()
                .map(|i| &total[i])?;
            let (v, t) = (figure(options, p)?, figure(options, t)?);
            share(v, t).map(|value| Point {
                day: p.war_day,
                value,
                detail: Some(format!("{} of {}", group_whole(v), group_whole(t))),
                source: None,
            })
        })
        .collect()
}

/// What the chart leaves out or changes, in words.
fn country_notes(d: &Dataset, options: &ChartOptions, left_out: &LeftOut<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    if !left_out.no_daily.is_empty() {
        notes.push(format!(
            "No daily figures are published for {}: choose cumulative to see them.",
            left_out.no_daily.join(", ")
        ));
    }
    if !left_out.not_in_total.is_empty() {
        notes.push(format!(
            "{} are not part of UNHCR's total, so they have no share of it.",
            left_out.not_in_total.join(", ")
        ));
    }
    if !left_out.no_population.is_empty() {
        notes.push(format!(
            "No population figure for {}.",
            left_out.no_population.join(", ")
        ));
    }
    let all = &d.refugees.by_country;
    let hidden = all.iter().filter(|s| !options.is_shown(&s.id)).count();
    if hidden > 0 {
        notes.push(format!("{hidden} of {} receiving-country series hidden.", all.len()));
    }
    match options.measure {
        Measure::Share => notes.push("Country figures do not add up to UNHCR's total on the same day (different reporting), so shares need not sum to 100%.".into()),
        Measure::PerThousand => notes.push(format!(
            "Residents: {}, mid-2021, before the invasion.",
            d.countries
                .first()
                .map_or_else(String::new, |c| publisher(d, &c.source) + " SP.POP.TOTL")
        )),
        Measure::Absolute => {}
    }
    if options.scale == Scale::Log {
        notes.push("Logarithmic scale: equal steps are equal ratios; zero values are not drawn.".into());
    }
    notes
}

/// The title's words, the unit and the decimals of the chosen measure and mode.
fn measure_words(options: &ChartOptions) -> (&'static str, &'static str, u8) {
    match (options.measure, options.mode) {
        (Measure::Absolute, Mode::Cumulative) => ("cumulative", "border crossings", 0),
        (Measure::Absolute, Mode::Daily) => ("per day", "border crossings per day", 0),
        (Measure::PerThousand, Mode::Cumulative) => (
            "cumulative, per 1,000 residents of the receiving country",
            "per 1,000 residents",
            2,
        ),
        (Measure::PerThousand, Mode::Daily) => (
            "per day, per 1,000 residents of the receiving country",
            "per 1,000 residents per day",
            3,
        ),
        (Measure::Share, Mode::Cumulative) => (
            "cumulative, as a share of UNHCR's all-country total",
            "% of all-country total",
            1,
        ),
        (Measure::Share, Mode::Daily) => (
            "per day, as a share of UNHCR's all-country total that day",
            "% of that day's total",
            1,
        ),
    }
}

/// Daily border crossings out of Ukraine (UNHCR total).
pub fn daily(f: &Frame<'_>) -> ChartSpec {
    let total = &f.dataset.refugees.total;
    let series = vec![SeriesSpec {
        id: "total-daily".into(),
        label: "Border crossings out of Ukraine per day".into(),
        name: "Border crossings".into(),
        color: SeriesColor::Palette(0),
        mark: Mark::Bars,
        source: source_of(f.dataset, &total.source),
        points: total
            .points
            .iter()
            .filter_map(|p| p.daily.map(|d| Point::plain(p.war_day, d as f64)))
            .collect(),
    }];
    let source = format!(
        "Source: {}, all receiving countries, daily figures. Border crossings, not unique people; returns not subtracted.",
        publisher(f.dataset, &total.source)
    );
    let title = "Daily border crossings out of Ukraine".to_string();
    f.finish(Draft::new(
        ChartId::RefugeesDaily,
        title,
        "border crossings per day",
        series,
        source,
    ))
}
