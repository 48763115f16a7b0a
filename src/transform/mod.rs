//! Dataset + chart options -> chart specifications: which series, in which units, with which
//! source line, events, claims and caveats. No pixels and no browser here.
//!
//! By subject: `refugees` (by receiving country, and daily crossings), `reports` (OHCHR's
//! casualty reports and IOM's displacement rounds), `annotations` (events, claims and caveats,
//! built with each chart), `tooltip` (a day's figures, and the headline in words).

mod annotations;
mod figures;
mod refugees;
mod reports;
mod tooltip;
mod words;

pub use refugees::{country_name, per_thousand, series_label, share};
pub use tooltip::{headline, tooltip, Tooltip, TooltipRow};
pub use words::{series_line, summary, table, tune, Table, TableRow, Tune};

use crate::chart::{
    ChartId, ChartSource, ChartSpec, FigureMark, FigureNote, MarkKey, Seam, SeriesColor, SeriesSpec, SourceRef,
};
use crate::data::Date;
use crate::data::{outlet, Dataset};
use crate::state::{Bounds, ChartOptions, Scale};

/// The war days and refugee series a view can choose from.
pub fn bounds(dataset: &Dataset) -> Bounds {
    let recorded = figures::recorded_by_size(dataset);
    Bounds {
        first_day: 1,
        last_day: dataset.last_date.war_day().max(2),
        series: dataset.refugees.by_country.iter().map(|s| s.id.clone()).collect(),
        series_default: refugees::default_countries(dataset),
        recorded_default: recorded.iter().take(figures::RECORDED_COUNTRIES).cloned().collect(),
        recorded,
    }
}

/// The colour of a refugee series (stable whatever is shown): its place in the dataset.
pub fn series_color(dataset: &Dataset, id: &str) -> SeriesColor {
    dataset
        .refugees
        .by_country
        .iter()
        .position(|s| s.id == id)
        .map_or(SeriesColor::Ink, SeriesColor::Palette)
}

/// The charts of a view, in page order, from the chosen options alone.
pub fn charts(dataset: &Dataset, options: &ChartOptions) -> Vec<ChartSpec> {
    let f = Frame::of(dataset, options);
    ChartId::ALL.iter().map(|id| f.chart(*id)).collect()
}

/// One chart of a view (`charts` has them all, in page order `ChartId::ALL`).
pub fn chart(dataset: &Dataset, options: &ChartOptions, id: ChartId) -> ChartSpec {
    Frame::of(dataset, options).chart(id)
}

/// The days in `range` with quotes, each with its speakers (once each, in date order).
fn quote_days(dataset: &Dataset, range: (i64, i64)) -> Vec<(i64, String)> {
    let mut days: Vec<(i64, String)> = Vec::new();
    for q in dataset.quotes_by_date() {
        if !(range.0..=range.1).contains(&q.war_day) {
            continue;
        }
        match days.last_mut() {
            Some((day, who)) if *day == q.war_day => {
                if !who.split(", ").any(|w| w == q.speaker) {
                    who.push_str(", ");
                    who.push_str(&q.speaker);
                }
            }
            _ => days.push((q.war_day, q.speaker.clone())),
        }
    }
    days
}

/// A source record of the dataset as a figure's source.
fn source_of(dataset: &Dataset, id: &str) -> SourceRef {
    match dataset.source(id) {
        Some(s) => SourceRef {
            label: format!("{}, {}", s.publisher, s.title),
            url: s.url.clone().or_else(|| s.via_url.clone()),
            ids: vec![id.to_string()],
        },
        None => SourceRef {
            label: id.to_string(),
            url: None,
            ids: vec![id.to_string()],
        },
    }
}

/// A single page as a source (a casualty report, an IDP round, an event).
fn page(url: &str) -> SourceRef {
    SourceRef {
        label: outlet(url).to_string(),
        url: Some(url.to_string()),
        ids: Vec::new(),
    }
}

/// A source's publisher, named as `lang` names it.
fn publisher(dataset: &Dataset, id: &str, lang: crate::i18n::Lang) -> String {
    dataset
        .source(id)
        .map_or_else(|| id.to_string(), |s| lang.organisation(&s.publisher).to_string())
}

/// What every chart of a view shares: the dataset, the options, the range and its quote days.
struct Frame<'a> {
    dataset: &'a Dataset,
    options: &'a ChartOptions,
    /// The days and choices the dataset offers (worked out once for every chart of a view).
    bounds: Bounds,
    range: (i64, i64),
    /// Days in the range with quotes, and who was quoted.
    quote_days: Vec<(i64, String)>,
}

/// A chart before it is fitted to the view's range.
struct Draft {
    id: ChartId,
    title: String,
    y_label: String,
    decimals: u8,
    rate: bool,
    series: Vec<SeriesSpec>,
    notes: Vec<String>,
    /// Claims and caveats (any day; those outside the range are dropped).
    marks: Vec<FigureMark>,
    seams: Vec<Seam>,
    mark_key: Vec<MarkKey>,
    /// The source record whose page gives later figures.
    later_figures: Option<&'static str>,
    source_line: String,
}

impl Draft {
    fn new(id: ChartId, title: String, y_label: &str, series: Vec<SeriesSpec>, source_line: String) -> Draft {
        Draft {
            id,
            title,
            y_label: y_label.to_string(),
            decimals: 0,
            rate: false,
            series,
            notes: Vec::new(),
            marks: Vec::new(),
            seams: Vec::new(),
            mark_key: Vec::new(),
            later_figures: None,
            source_line,
        }
    }
}

impl<'a> Frame<'a> {
    fn of(dataset: &'a Dataset, options: &'a ChartOptions) -> Self {
        let bounds = bounds(dataset);
        let range = options.visible(&bounds);
        Frame {
            dataset,
            options,
            bounds,
            range,
            quote_days: quote_days(dataset, range),
        }
    }

    fn chart(&self, id: ChartId) -> ChartSpec {
        match id {
            ChartId::Refugees => refugees::by_country(self),
            ChartId::Recorded => figures::recorded(self),
            ChartId::RecordedCountries => figures::recorded_countries(self),
            ChartId::Casualties => reports::casualties(self),
            ChartId::Idps => reports::idps(self),
            ChartId::Protection => figures::protection(self),
            ChartId::RefugeesDaily => refugees::daily(self),
        }
    }

    fn visible(&self, day: i64) -> bool {
        (self.range.0..=self.range.1).contains(&day)
    }

    /// The chart of a draft: its points, marks and events inside the view's range, a value
    /// axis that holds all of them, and its sources.
    fn finish(&self, draft: Draft) -> ChartSpec {
        let log_scale = draft.id.has_log_scale() && self.options.scale == Scale::Log;
        let lang = self.options.lang;
        let coverage = coverage(&draft.series, lang);
        let mut series = draft.series;
        for s in &mut series {
            s.points
                .retain(|p| self.visible(p.day) && (!log_scale || p.value > 0.0));
        }
        let mut marks = draft.marks;
        marks.retain(|m| self.visible(m.day) && !(log_scale && m.note == FigureNote::Claim));
        let notes = draft.notes;
        let values = series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.value))
            .chain(marks.iter().map(|m| m.value));
        let (y_min, y_max) = value_range(values, log_scale);
        let mut spec = ChartSpec {
            id: draft.id,
            lang: self.options.lang,
            title: draft.title,
            y_label: draft.y_label,
            decimals: draft.decimals,
            rate: draft.rate,
            x_range: self.range,
            y_min,
            y_max,
            log_scale,
            series,
            notes,
            quote_days: self.quote_days.clone(),
            events: annotations::events(self.dataset, self.range),
            marks,
            seams: draft.seams,
            mark_key: draft.mark_key,
            later_figures: draft.later_figures.and_then(|id| {
                let s = self.dataset.source(id)?;
                Some((lang.organisation(&s.publisher).to_string(), s.url.clone()?))
            }),
            coverage,
            source_line: draft.source_line,
            sources: Vec::new(),
        };
        spec.sources = spec
            .source_ids()
            .iter()
            .filter_map(|id| self.dataset.source(id))
            .map(|s| ChartSource {
                id: s.id.clone(),
                publisher: lang.organisation(&s.publisher).to_string(),
                unit: s.unit.as_deref().map(|u| lang.unit(u).to_string()),
            })
            .collect();
        spec
    }
}

/// Up to which date a chart's series have figures, in one line: "Figures to 31 Jan 2026"; the
/// series that stop well before the latest named with their last date.
fn coverage(series: &[SeriesSpec], lang: crate::i18n::Lang) -> String {
    let ends: Vec<(&str, i64)> = series
        .iter()
        .filter_map(|s| s.points.last().map(|p| (s.name.as_str(), p.day)))
        .collect();
    let Some(latest) = ends.iter().map(|(_, d)| *d).max() else {
        return tr!(lang, FiguresToNone).to_string();
    };
    let date = |day: i64| Date::from_war_day(day).map_or_else(String::new, |d| lang.date(d));
    let mut early: Vec<String> = Vec::new();
    for (name, day) in &ends {
        // A quarter of a year short of the latest: said, with its own last date.
        if latest - day > 90 {
            let line = tr!(lang, SeriesTo, name = name, date = date(*day));
            if !early.contains(&line) {
                early.push(line);
            }
        }
    }
    let mut line = tr!(lang, FiguresTo, date = date(latest));
    if !early.is_empty() {
        let shown = early.len().min(4);
        let mut list = early[..shown].join("; ");
        if early.len() > shown {
            list.push_str(&tr!(lang, AndMore, count = early.len() - shown));
        }
        line.push_str(&tr!(lang, StopEarlier, list = list));
    }
    line
}

/// The ends of a value axis that holds `values`: from zero to a little above the largest on a
/// linear scale; around the smallest and largest positive ones on a log scale.
fn value_range(values: impl Iterator<Item = f64> + Clone, log: bool) -> (f64, f64) {
    let max = values.clone().fold(0.0, f64::max);
    if log {
        let min = values.filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
        if min.is_finite() {
            (min / 1.5, (max * 1.5).max(min * 10.0))
        } else {
            (1.0, 10.0)
        }
    } else {
        (0.0, if max > 0.0 { max * 1.05 } else { 1.0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ranges() {
        assert_eq!(value_range([0.0, 100.0].into_iter(), false), (0.0, 105.0));
        assert_eq!(value_range(std::iter::empty(), false), (0.0, 1.0));
        assert_eq!(value_range([10.0, 1000.0].into_iter(), true), (10.0 / 1.5, 1500.0));
        assert_eq!(value_range(std::iter::empty(), true), (1.0, 10.0));
    }
}
