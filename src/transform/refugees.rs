//! UNHCR's refugee figures: by receiving country as the reader chose (cumulative or daily;
//! absolute, per 1,000 residents or share of the total), and daily crossings out of Ukraine.

use super::{annotations, figures, publisher, source_of, Draft, Frame};
use crate::chart::{ChartId, ChartSpec, Mark, Point, Seam, SeriesColor, SeriesSpec};
use crate::compare::{revision_words, revisions};
use crate::data::{Dataset, Figures, MeasureKind, RefugeePoint, RefugeeSeries, Scope, SeriesKind, UNHCR_NEW_HEADLINE};
use crate::i18n::Lang;
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
struct LeftOut {
    no_daily: Vec<String>,
    not_in_total: Vec<String>,
    no_population: Vec<String>,
}

/// The receiving countries shown unless the reader chooses: the one with the most arrivals from
/// Ukraine at its last report, so that the chart reads at a glance (its line and the totals'
/// stand apart); the others are one choice away.
pub fn default_countries(d: &Dataset) -> Vec<String> {
    d.refugees
        .by_country
        .iter()
        .filter(|s| s.kind == SeriesKind::ArrivalsFromUkraine)
        .filter_map(|s| Some((s.points.last()?.cumulative, &s.id)))
        .max_by_key(|(count, _)| *count)
        .map(|(_, id)| vec![id.clone()])
        .unwrap_or_default()
}

/// Refugees by receiving country, as the reader chose.
pub fn by_country(f: &Frame<'_>) -> ChartSpec {
    let (d, options) = (f.dataset, f.options);
    let lang = options.lang;
    let mut series = Vec::new();
    let mut notes = Vec::new();
    // Claims first, then the caveats of each series shown.
    let mut marks = annotations::claims(d, ChartId::Refugees, options);
    if options.measure == Measure::Absolute {
        let total = &d.refugees.total;
        let spec = SeriesSpec {
            id: total.id.clone(),
            label: tr!(lang, TotalLabel).into(),
            name: tr!(lang, TotalName).into(),
            color: SeriesColor::Ink,
            mark: Mark::Line,
            source: source_of(d, &total.source),
            points: absolute(options, total),
            max_gap: i64::MAX,
            glyph: None,
            keyed: true,
        };
        marks.extend(annotations::caveats(
            &spec,
            &total.caveats,
            Some(&series_label(d, total, lang)),
        ));
        series.push(spec);
        if options.mode == Mode::Cumulative {
            for f in crossings(d) {
                let spec = figures::series(d, f, crossings_name(f, lang), SeriesColor::Ink, crossings_mark(f), lang);
                marks.extend(annotations::caveats(&spec, &f.caveats, Some(&spec.label)));
                series.push(spec);
            }
        } else {
            notes.push(tr!(lang, LaterCrossingsCumulativeOnly).into());
        }
    } else {
        notes.push(tr!(lang, LaterCrossingsAbsoluteOnly).into());
    }
    if let Some(earlier) = d.refugees.earlier_total.as_ref().filter(|_| options.earlier_vintage) {
        match options.measure {
            Measure::Absolute => series.push(earlier_vintage(d, options, earlier)),
            _ => notes.push(tr!(lang, EarlierVintageAbsoluteOnly).into()),
        }
    }
    let mut left_out = LeftOut::default();
    let default = default_countries(d);
    for s in d
        .refugees
        .by_country
        .iter()
        .filter(|s| options.is_shown(&s.id, &default))
    {
        if let Some(spec) = country(d, options, s, &mut left_out) {
            marks.extend(annotations::caveats(&spec, &s.caveats, Some(&series_label(d, s, lang))));
            series.push(spec);
        }
        if let Some(later) = later_country(d, options, s) {
            series.push(later);
        }
    }
    notes.extend(country_notes(d, options, &left_out));
    let moldova_route = |id: &str| {
        d.refugees
            .by_country
            .iter()
            .any(|s| s.id == id && s.kind == SeriesKind::ArrivalsFromMoldova)
    };
    if let Some(route) = series.iter().find(|s| moldova_route(&s.id)) {
        notes.push(tr!(lang, MoldovaRouteNote, name = route.name));
    }
    let (what, unit, decimals) = measure_words(options);
    let mut source = tr!(
        lang,
        RefugeesSourceLine,
        publisher = publisher(d, &d.refugees.total.source, lang),
        as_of = d
            .refugees
            .total
            .points
            .last()
            .map_or_else(String::new, |p| lang.date(p.date))
    );
    if options.measure == Measure::PerThousand {
        source.push(' ');
        source.push_str(tr!(lang, ResidentsSourceLine));
    }
    let title = tr!(lang, RefugeesTitle, what = what);
    let mut draft = Draft::new(ChartId::Refugees, title, unit, series, source);
    draft.decimals = decimals;
    draft.rate = options.measure != Measure::Absolute;
    draft.notes = notes;
    draft.marks = marks;
    let seam = new_measure_seam(lang);
    draft.notes.insert(0, seam.text.clone());
    draft.seams = vec![seam];
    draft.later_figures = Some(UNHCR_LIVE);
    f.finish(draft)
}

/// The source record whose page is UNHCR's own, with its later figures.
pub(super) const UNHCR_LIVE: &str = "unhcr-year-end";

/// The seam of UNHCR's new headline (`UNHCR_NEW_HEADLINE`): no line crosses it.
fn new_measure_seam(lang: crate::i18n::Lang) -> Seam {
    Seam {
        day: UNHCR_NEW_HEADLINE.war_day(),
        label: tr!(lang, NewMeasureSeam).into(),
        text: tr!(lang, NewMeasureText).into(),
    }
}

/// UNHCR's border crossings out of Ukraine after the first months, by vintage.
fn crossings(d: &Dataset) -> impl Iterator<Item = &Figures> {
    d.figures
        .iter()
        .filter(|f| f.measure == MeasureKind::BorderCrossings && f.scope == Scope::AllCountries)
}

/// A vintage's short name: what sets it apart from the others.
fn crossings_name(f: &Figures, lang: crate::i18n::Lang) -> String {
    match f.source.as_str() {
        "unhcr-crossings-revised" => tr!(lang, CrossingsRevisedName),
        "unhcr-crossings-floors" => tr!(lang, CrossingsFloorsName),
        _ => tr!(lang, CrossingsReportedName),
    }
    .into()
}

/// Month-end figures read later are a dashed line (another vintage, like the earlier one);
/// figures as published at the time are marks, never joined to the revised ones.
fn crossings_mark(f: &Figures) -> Mark {
    match f.source.as_str() {
        "unhcr-crossings-revised" => Mark::DashedLine,
        _ => Mark::Markers,
    }
}

/// A receiving country's border crossings from the portal's table after the first months: in
/// the country's colour, absolute or per 1,000 residents, cumulative only.
fn later_country(d: &Dataset, options: &ChartOptions, s: &RefugeeSeries) -> Option<SeriesSpec> {
    if options.mode != Mode::Cumulative
        || options.measure == Measure::Share
        || s.kind != SeriesKind::ArrivalsFromUkraine
    {
        return None;
    }
    let iso3 = s.iso3.as_ref()?;
    let f = d.figures.iter().find(|f| {
        f.measure == MeasureKind::BorderCrossings && f.scope == Scope::Country && f.iso3.as_ref() == Some(iso3)
    })?;
    let lang = options.lang;
    let name = tr!(lang, LaterCountryName, country = country_name(d, s, lang));
    let mut spec = figures::series(d, f, name, super::series_color(d, &s.id), Mark::Line, lang);
    spec.label = tr!(lang, LaterCountryLabel, country = country_name(d, s, lang));
    if options.measure == Measure::PerThousand {
        let population = population(d, s)?;
        for p in &mut spec.points {
            let count = p.value as u64;
            p.detail = Some(tr!(
                lang,
                OfResidents,
                count = lang.whole(count),
                residents = lang.whole(population)
            ));
            p.value = per_thousand(count, population);
        }
        spec.source.ids.extend(d.countries.first().map(|c| c.source.clone()));
    }
    Some(spec)
}

/// UNHCR's earlier vintage of its total, each day with its revision in the current vintage.
fn earlier_vintage(d: &Dataset, options: &ChartOptions, earlier: &RefugeeSeries) -> SeriesSpec {
    let revisions = revisions(d);
    let cumulative = options.mode == Mode::Cumulative;
    let lang = options.lang;
    SeriesSpec {
        id: earlier.id.clone(),
        label: tr!(lang, EarlierVintageLabel).into(),
        name: tr!(lang, EarlierVintageName).into(),
        color: SeriesColor::Ink,
        mark: Mark::DashedLine,
        max_gap: i64::MAX,
        glyph: None,
        keyed: true,
        source: source_of(d, &earlier.source),
        points: earlier
            .points
            .iter()
            .filter_map(|p| {
                let mut point = Point::plain(p.war_day, figure(options, p)? as f64);
                point.detail = revisions
                    .iter()
                    .find(|r| r.date == p.date && cumulative)
                    .map(|r| revision_words(r, lang));
                Some(point)
            })
            .collect(),
    }
}

/// One receiving country's series in the chosen measure, or none (with the reason recorded).
fn country(d: &Dataset, options: &ChartOptions, s: &RefugeeSeries, left_out: &mut LeftOut) -> Option<SeriesSpec> {
    let moldova_route = s.kind == SeriesKind::ArrivalsFromMoldova;
    let lang = options.lang;
    let label = series_label(d, s, lang);
    if options.mode == Mode::Daily && !s.has_daily {
        left_out.no_daily.push(label);
        return None;
    }
    let mut source = source_of(d, &s.source);
    let points = match options.measure {
        Measure::Absolute => absolute(options, s),
        Measure::Share if moldova_route => {
            left_out.not_in_total.push(label);
            return None;
        }
        Measure::Share => shares(d, options, s),
        Measure::PerThousand => {
            let Some(population) = population(d, s) else {
                left_out.no_population.push(label);
                return None;
            };
            source.ids.extend(d.countries.first().map(|c| c.source.clone()));
            per_thousands(options, s, population)
        }
    };
    Some(SeriesSpec {
        id: s.id.clone(),
        label: if moldova_route && options.measure == Measure::Absolute {
            tr!(lang, NotPartOfTotal, label = label)
        } else {
            label
        },
        name: match (moldova_route, &s.country) {
            (true, Some(_)) => tr!(lang, FromMoldova, country = country_name(d, s, lang)),
            (_, Some(_)) => country_name(d, s, lang),
            (_, None) => series_label(d, s, lang),
        },
        color: super::series_color(d, &s.id),
        mark: if moldova_route { Mark::DashedLine } else { Mark::Line },
        source,
        points,
        max_gap: i64::MAX,
        glyph: None,
        keyed: true,
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
                detail: Some(tr!(
                    options.lang,
                    OfResidents,
                    count = options.lang.whole(v),
                    residents = options.lang.whole(population)
                )),
                source: None,
                precision: crate::data::Precision::Exact,
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
                detail: Some(tr!(
                    options.lang,
                    OfTotal,
                    part = options.lang.whole(v),
                    total = options.lang.whole(t)
                )),
                source: None,
                precision: crate::data::Precision::Exact,
            })
        })
        .collect()
}

/// What the chart leaves out or changes, in words.
fn country_notes(d: &Dataset, options: &ChartOptions, left_out: &LeftOut) -> Vec<String> {
    let lang = options.lang;
    let mut notes = Vec::new();
    if !left_out.no_daily.is_empty() {
        notes.push(tr!(lang, NoDailyFigures, series = left_out.no_daily.join(", ")));
    }
    if !left_out.not_in_total.is_empty() {
        notes.push(tr!(lang, NotInTotalNoShare, series = left_out.not_in_total.join(", ")));
    }
    if !left_out.no_population.is_empty() {
        notes.push(tr!(lang, NoPopulation, series = left_out.no_population.join(", ")));
    }
    let all = &d.refugees.by_country;
    let default = default_countries(d);
    let hidden = all.iter().filter(|s| !options.is_shown(&s.id, &default)).count();
    if hidden > 0 {
        notes.push(tr!(lang, SeriesHidden, hidden = hidden, all = all.len()));
    }
    match options.measure {
        Measure::Share => notes.push(tr!(lang, SharesNeedNotSum).into()),
        Measure::PerThousand => notes.push(tr!(
            lang,
            ResidentsNote,
            source = d
                .countries
                .first()
                .map_or_else(String::new, |c| publisher(d, &c.source, lang) + " SP.POP.TOTL")
        )),
        Measure::Absolute => {}
    }
    if options.scale == Scale::Log {
        notes.push(tr!(lang, LogScaleNote).into());
    }
    notes
}

/// The title's words, the unit and the decimals of the chosen measure and mode.
fn measure_words(options: &ChartOptions) -> (&'static str, &'static str, u8) {
    let lang = options.lang;
    match (options.measure, options.mode) {
        (Measure::Absolute, Mode::Cumulative) => (tr!(lang, TitleCumulative), tr!(lang, UnitCrossings), 0),
        (Measure::Absolute, Mode::Daily) => (tr!(lang, TitlePerDay), tr!(lang, UnitCrossingsPerDay), 0),
        (Measure::PerThousand, Mode::Cumulative) => (tr!(lang, TitlePerThousand), tr!(lang, UnitPerThousand), 2),
        (Measure::PerThousand, Mode::Daily) => (tr!(lang, TitlePerThousandDaily), tr!(lang, UnitPerThousandDaily), 3),
        (Measure::Share, Mode::Cumulative) => (tr!(lang, TitleShare), tr!(lang, UnitShare), 1),
        (Measure::Share, Mode::Daily) => (tr!(lang, TitleShareDaily), tr!(lang, UnitShareDaily), 1),
    }
}

/// A receiving country's name in `lang`: the dataset's in English; in Ukrainian, the name of
/// its ISO code where the page knows it, else the dataset's.
pub fn country_name(d: &Dataset, s: &RefugeeSeries, lang: Lang) -> String {
    let own = s.country.clone().unwrap_or_else(|| s.label.clone());
    if lang == Lang::En {
        return own;
    }
    let iso3 = s.iso3.clone().or_else(|| {
        let country = s.country.as_ref()?;
        d.countries.iter().find(|c| &c.name == country).map(|c| c.iso3.clone())
    });
    iso3.and_then(|code| lang.country(&code)).map_or(own, str::to_string)
}

/// A refugee series' label in `lang`: the dataset's label in English ("Romania (arrivals from
/// Moldova)"); in Ukrainian, built from the country's name and the series' kind.
pub fn series_label(d: &Dataset, s: &RefugeeSeries, lang: Lang) -> String {
    match (lang, s.kind, &s.country) {
        (Lang::En, _, _) => s.label.clone(),
        (_, SeriesKind::AllCountries, _) => tr!(lang, AllReceivingCountries).into(),
        (_, SeriesKind::ArrivalsFromMoldova, Some(_)) => {
            tr!(lang, ArrivalsFromMoldova, country = country_name(d, s, lang))
        }
        (_, _, Some(_)) => country_name(d, s, lang),
        (_, _, None) => s.label.clone(),
    }
}

/// Daily border crossings out of Ukraine (UNHCR total).
pub fn daily(f: &Frame<'_>) -> ChartSpec {
    let total = &f.dataset.refugees.total;
    let lang = f.options.lang;
    let series = vec![SeriesSpec {
        id: "total-daily".into(),
        label: tr!(lang, DailyCrossingsLabel).into(),
        name: tr!(lang, DailyCrossingsName).into(),
        color: SeriesColor::Palette(0),
        mark: Mark::Bars,
        source: source_of(f.dataset, &total.source),
        points: total
            .points
            .iter()
            .filter_map(|p| p.daily.map(|d| Point::plain(p.war_day, d as f64)))
            .collect(),
        max_gap: i64::MAX,
        glyph: None,
        keyed: true,
    }];
    let source = tr!(
        lang,
        DailySourceLine,
        publisher = publisher(f.dataset, &total.source, lang)
    );
    let title = tr!(lang, DailyTitle).to_string();
    let mut draft = Draft::new(
        ChartId::RefugeesDaily,
        title,
        tr!(lang, UnitCrossingsPerDay),
        series,
        source,
    );
    draft.later_figures = Some(UNHCR_LIVE);
    f.finish(draft)
}
