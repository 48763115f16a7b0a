//! The whole war's published figures (`Dataset::figures`) as charts: refugees recorded in
//! Europe and globally beside UNHCR's year-end statistics, refugees recorded by receiving
//! country, and the EU's temporary protection decisions per month. Each series is one measure
//! from one source; none is joined to another or added up.

use super::{annotations, page, publisher, source_of, Draft, Frame};
use crate::chart::theme::Glyph;
use crate::chart::{ChartId, ChartSpec, Mark, MarkKey, Point, SeriesColor, SeriesSpec, SourceRef, JOIN_DAYS};
use crate::data::{Dataset, Date, Figures, MeasureKind, Scope};
use crate::i18n::Lang;

/// A series of published figures as a chart series: each point with its precision and its
/// own page; a monthly figure says which month it is of.
pub fn series(d: &Dataset, f: &Figures, name: String, color: SeriesColor, mark: Mark, lang: Lang) -> SeriesSpec {
    let source = source_of(d, &f.source);
    SeriesSpec {
        id: f.id.clone(),
        label: f.label.clone(),
        name,
        color,
        mark,
        points: f
            .points
            .iter()
            .map(|p| Point {
                day: p.war_day,
                value: p.value as f64,
                detail: f
                    .monthly
                    .then(|| tr!(lang, MonthFigure, month = lang.month_year(p.date))),
                source: f.doc(p).map(|url| page_of(url, &source)),
                precision: p.precision,
            })
            .collect(),
        source,
        max_gap: JOIN_DAYS,
        glyph: (f.measure == MeasureKind::YearEndStatistics).then_some(Glyph::Cross),
        keyed: true,
    }
}

/// A figure's page as its source, named by the outlet (or, for a file of a repository, by the
/// series' source record, the publisher's, with the page to follow).
fn page_of(url: &str, series: &SourceRef) -> SourceRef {
    if url.starts_with("https://github.com/") {
        SourceRef {
            label: series.label.clone(),
            url: Some(url.to_string()),
            ids: series.ids.clone(),
        }
    } else {
        page(url)
    }
}

/// The dataset's series of a measure and scope.
fn of(d: &Dataset, measure: MeasureKind, scope: Scope) -> impl Iterator<Item = &Figures> {
    d.figures
        .iter()
        .filter(move |f| f.measure == measure && f.scope == scope)
}

/// Refugees from Ukraine recorded across Europe and globally (UNHCR's portal and the figures
/// restated from it), beside UNHCR's year-end statistics (another definition), each its own
/// series.
pub fn recorded(f: &Frame<'_>) -> ChartSpec {
    let (d, lang) = (f.dataset, f.options.lang);
    let mut series = Vec::new();
    let mut marks = annotations::claims(d, ChartId::Recorded, f.options);
    let recorded =
        of(d, MeasureKind::RefugeesRecorded, Scope::Europe).chain(of(d, MeasureKind::RefugeesRecorded, Scope::Global));
    let year_end = of(d, MeasureKind::YearEndStatistics, Scope::Europe).chain(of(
        d,
        MeasureKind::YearEndStatistics,
        Scope::Global,
    ));
    for s in recorded.chain(year_end) {
        // The portal's own dense figures as a line; figures restated later and the year-end
        // statistics (another definition) as marks, each in its own colour.
        let (name, color, mark) = match (s.measure, s.scope, s.source.as_str()) {
            (MeasureKind::RefugeesRecorded, Scope::Europe, "unhcr-recorded") => {
                (tr!(lang, RecordedEuropeName), SeriesColor::Ink, Mark::Line)
            }
            (MeasureKind::RefugeesRecorded, Scope::Europe, _) => {
                (tr!(lang, RecordedEuropeLaterName), SeriesColor::Ink, Mark::Markers)
            }
            (MeasureKind::RefugeesRecorded, _, _) => {
                (tr!(lang, RecordedGlobalName), SeriesColor::Palette(3), Mark::Markers)
            }
            (_, Scope::Europe, _) => (tr!(lang, YearEndEuropeName), SeriesColor::Palette(5), Mark::Markers),
            (_, _, _) => (tr!(lang, YearEndGlobalName), SeriesColor::Palette(2), Mark::Markers),
        };
        let spec = series_in(d, s, name.into(), color, mark, lang);
        marks.extend(annotations::caveats(&spec, &s.caveats, Some(&spec.name)));
        series.push(spec);
    }
    let publishers = publishers(d, &series, lang);
    let mut draft = Draft::new(
        ChartId::Recorded,
        tr!(lang, RecordedTitle).into(),
        tr!(lang, UnitRecorded),
        series,
        tr!(lang, RecordedSourceLine, publishers = publishers),
    );
    draft.notes = vec![tr!(lang, RecordedNote).into()];
    draft.marks = marks;
    draft.later_figures = Some(super::refugees::UNHCR_LIVE);
    f.finish(draft)
}

/// A series with its labels in `lang`: the dataset's label is English.
pub(super) fn series_in(
    d: &Dataset,
    s: &Figures,
    name: String,
    color: SeriesColor,
    mark: Mark,
    lang: Lang,
) -> SeriesSpec {
    let mut spec = series(d, s, name, color, mark, lang);
    if lang != Lang::En {
        spec.label = spec.name.clone();
    }
    spec
}

/// The publishers of a chart's series, each once: "UNHCR; USA for UNHCR".
fn publishers(d: &Dataset, series: &[SeriesSpec], lang: crate::i18n::Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    for id in series.iter().flat_map(|s| s.source.ids.iter()) {
        let p = publisher(d, id, lang);
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out.join("; ")
}

/// How many receiving countries the chart of refugees recorded by country shows: the largest
/// by their latest figure.
pub const RECORDED_COUNTRIES: usize = 6;

/// Every receiving country with refugees from Ukraine recorded (ISO codes), the most first by
/// their latest figure (the portal's dated figures, or its month figures where they are later).
pub fn recorded_by_size(d: &Dataset) -> Vec<String> {
    let mut latest: Vec<(&str, Date, u64)> = Vec::new();
    for s in of(d, MeasureKind::RefugeesRecorded, Scope::Country) {
        let (Some(iso3), Some(p)) = (s.iso3.as_deref(), s.points.last()) else {
            continue;
        };
        match latest.iter_mut().find(|(c, _, _)| *c == iso3) {
            Some(entry) if entry.1 < p.date => *entry = (iso3, p.date, p.value),
            Some(_) => {}
            None => latest.push((iso3, p.date, p.value)),
        }
    }
    latest.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(b.0)));
    latest.into_iter().map(|(c, _, _)| c.to_string()).collect()
}

/// Refugees from Ukraine recorded in the receiving countries with the most of them: the
/// portal's dated figures as a line, its month figures across their month, and UNHCR's
/// year-end statistics (another definition) as squares, in each country's colour.
pub fn recorded_countries(f: &Frame<'_>) -> ChartSpec {
    let (d, lang) = (f.dataset, f.options.lang);
    let bounds = &f.bounds;
    let countries = f.options.recorded_countries(bounds);
    let mut series = Vec::new();
    for (i, iso3) in countries.iter().enumerate() {
        let color = SeriesColor::Palette(i);
        let name_of = |s: &Figures| {
            let own = s.country.clone().unwrap_or_else(|| iso3.to_string());
            if lang == Lang::En {
                own
            } else {
                lang.country(iso3).map_or(own, str::to_string)
            }
        };
        let in_country = d.figures.iter().filter(|s| s.iso3.as_ref() == Some(iso3));
        for s in in_country {
            let name = name_of(s);
            let (name, mark) = match (s.measure, s.monthly) {
                (MeasureKind::RefugeesRecorded, false) => (name, Mark::Line),
                (MeasureKind::RefugeesRecorded, true) => {
                    (tr!(lang, MonthFiguresName, country = name), Mark::MonthSpans)
                }
                (MeasureKind::YearEndStatistics, _) => (tr!(lang, YearEndCountryName, country = name), Mark::Markers),
                _ => continue,
            };
            let mut spec = series_in(d, s, name, color, mark, lang);
            spec.keyed = mark.is_line();
            series.push(spec);
        }
    }
    let publishers = publishers(d, &series, lang);
    let title = match &f.options.recorded {
        None => tr!(lang, RecordedCountriesTitle, count = countries.len()),
        Some(_) => tr!(
            lang,
            RecordedCountriesChosenTitle,
            count = countries.len(),
            all = bounds.recorded.len()
        ),
    };
    let mut draft = Draft::new(
        ChartId::RecordedCountries,
        title,
        tr!(lang, UnitRecorded),
        series,
        tr!(lang, RecordedCountriesSourceLine, publishers = publishers),
    );
    draft.notes = vec![tr!(lang, RecordedCountriesNote).into()];
    draft.mark_key = vec![
        MarkKey {
            text: tr!(lang, KeyYearEnd).into(),
            mark: Mark::Markers,
            glyph: Some(Glyph::Cross),
        },
        MarkKey {
            text: tr!(lang, KeyMonthFigure).into(),
            mark: Mark::MonthSpans,
            glyph: None,
        },
    ];
    draft.later_figures = Some(super::refugees::UNHCR_LIVE);
    f.finish(draft)
}

/// Decisions granting temporary protection in the EU, per month (a flow of new grants).
pub fn protection(f: &Frame<'_>) -> ChartSpec {
    let (d, lang) = (f.dataset, f.options.lang);
    let mut series = Vec::new();
    let mut marks = Vec::new();
    let mut notes = Vec::new();
    for s in of(d, MeasureKind::TemporaryProtection, Scope::Eu) {
        let spec = series_in(
            d,
            s,
            tr!(lang, ProtectionName).into(),
            SeriesColor::Palette(4),
            Mark::MonthBars,
            lang,
        );
        marks.extend(annotations::caveats(&spec, &s.caveats, None));
        notes.extend(s.caveats.iter().filter(|c| c.date.is_none()).map(|c| c.text.clone()));
        series.push(spec);
    }
    let source = series
        .first()
        .and_then(|s| s.source.ids.first())
        .map_or_else(String::new, |id| publisher(d, id, lang));
    let mut draft = Draft::new(
        ChartId::Protection,
        tr!(lang, ProtectionTitle).into(),
        tr!(lang, UnitDecisions),
        series,
        tr!(lang, ProtectionSourceLine, publisher = source),
    );
    notes.push(tr!(lang, ProtectionNote).into());
    draft.notes = notes;
    draft.marks = marks;
    draft.later_figures = Some("eurostat-tp");
    f.finish(draft)
}
