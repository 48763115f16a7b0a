//! Figures published in reports, drawn only at their dates: OHCHR's confirmed civilian
//! casualties and IOM's survey rounds of internally displaced people.

use super::{annotations, figures, page, publisher, source_of, Draft, Frame};
use crate::chart::{ChartId, ChartSpec, Mark, Point, SeriesColor, SeriesSpec, JOIN_DAYS};
use crate::data::{outlet, CasualtyPoint, MeasureKind, Precision};
use crate::i18n::Lang;

/// OHCHR's confirmed civilian casualties, cumulative, at each report date.
pub fn casualties(f: &Frame<'_>) -> ChartSpec {
    let c = &f.dataset.casualties;
    let lang = f.options.lang;
    type Pick = fn(&CasualtyPoint) -> (Option<u64>, Precision);
    let pick = |pick: Pick| -> Vec<Point> {
        c.points
            .iter()
            .filter_map(|p| {
                let (value, precision) = pick(p);
                value.map(|v| Point {
                    day: p.war_day,
                    value: v as f64,
                    detail: Some(match p.date_basis.as_str() {
                        "cutoff_24h" => tr!(lang, CutoffMidnight, date = lang.date(p.date)),
                        _ => tr!(lang, CutoffNotStated, date = lang.date(p.date)),
                    }),
                    source: Some(page(&p.source_url)),
                    precision,
                })
            })
            .collect()
    };
    let source = source_of(f.dataset, &c.source);
    let killed = SeriesSpec {
        id: "killed".into(),
        label: tr!(lang, Killed).into(),
        name: tr!(lang, Killed).into(),
        color: SeriesColor::Ink,
        mark: Mark::Markers,
        source: source.clone(),
        points: pick(|p| (p.killed, p.killed_precision)),
        max_gap: JOIN_DAYS,
        glyph: None,
        keyed: true,
    };
    let injured = SeriesSpec {
        id: "injured".into(),
        label: tr!(lang, Injured).into(),
        name: tr!(lang, Injured).into(),
        color: SeriesColor::Palette(1),
        mark: Mark::Markers,
        source,
        points: pick(|p| (p.injured, p.injured_precision)),
        max_gap: JOIN_DAYS,
        glyph: None,
        keyed: true,
    };
    // Claims first; the casualty caveats are about the cumulative killed or total figures, so
    // they go on the killed marks.
    let mut marks = annotations::claims(f.dataset, ChartId::Casualties, f.options);
    marks.extend(annotations::caveats(&killed, &c.caveats, None));
    let mut outlets: Vec<&str> = Vec::new();
    for p in &c.points {
        let o = outlet(&p.source_url);
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    let source_line = tr!(
        lang,
        CasualtiesSourceLine,
        publisher = publisher(f.dataset, &c.source, lang),
        reports = c.points.len(),
        outlets = outlets.len()
    );
    let title = tr!(lang, CasualtiesTitle).to_string();
    let mut draft = Draft::new(
        ChartId::Casualties,
        title,
        tr!(lang, UnitCivilians),
        vec![killed, injured],
        source_line,
    );
    draft.marks = marks;
    f.finish(draft)
}

/// IOM's estimates of internally displaced people, one point per survey round.
pub fn idps(f: &Frame<'_>) -> ChartSpec {
    let idps = &f.dataset.idps;
    let rounds = &idps.rounds;
    let lang = f.options.lang;
    let series = SeriesSpec {
        id: "idps".into(),
        label: tr!(lang, IdpsLabel).into(),
        name: tr!(lang, IdpsName).into(),
        color: SeriesColor::Palette(5),
        mark: Mark::Markers,
        source: rounds
            .first()
            .map_or_else(|| page(""), |r| source_of(f.dataset, &r.source)),
        points: rounds
            .iter()
            .map(|r| Point {
                day: r.war_day,
                value: r.total as f64,
                detail: Some(match r.round {
                    Some(round) => tr!(
                        lang,
                        IdpRoundDetail,
                        round = round,
                        period = r.survey_period,
                        basis = value_basis(&r.value_basis, lang)
                    ),
                    None => tr!(lang, IdpEstimateDetail, basis = value_basis(&r.value_basis, lang)),
                }),
                source: r.source_url.as_deref().map(page),
                precision: r.precision,
            })
            .collect(),
        max_gap: JOIN_DAYS,
        glyph: None,
        keyed: true,
    };
    let mut marks = annotations::claims(f.dataset, ChartId::Idps, f.options);
    marks.extend(annotations::caveats(&series, &idps.caveats, None));
    let numbered = || rounds.iter().filter_map(|r| r.round);
    let source = tr!(
        lang,
        IdpsSourceLine,
        publisher = rounds
            .first()
            .map_or_else(String::new, |r| publisher(f.dataset, &r.source, lang)),
        first = numbered().min().unwrap_or(0),
        last = numbered().max().unwrap_or(0)
    );
    let mut series = vec![series];
    // Other publishers' figures of people displaced inside Ukraine: their own series.
    let others = f
        .dataset
        .figures
        .iter()
        .filter(|s| s.measure == MeasureKind::InternallyDisplaced);
    for (i, s) in others.enumerate() {
        let name = match s.source.as_str() {
            "unhcr-idps-year-end" => tr!(lang, IdpsYearEndName),
            "unhcr-idps-statement" => tr!(lang, IdpsStatementName),
            _ => tr!(lang, IdpsHeadlineName),
        };
        let color = SeriesColor::Palette([2, 3, 4][i % 3]);
        let mut spec = figures::series_in(f.dataset, s, name.into(), color, Mark::Markers, lang);
        if s.source == "unhcr-idps-year-end" {
            spec.glyph = Some(crate::chart::theme::Glyph::Cross);
        }
        series.push(spec);
    }
    let title = tr!(lang, IdpsTitle).to_string();
    let mut draft = Draft::new(ChartId::Idps, title, tr!(lang, UnitPeopleSurvey), series, source);
    draft.marks = marks;
    f.finish(draft)
}

/// How a round's figure was arrived at, in words: "as in source", "derived sum of macro regions".
fn value_basis(basis: &str, lang: Lang) -> String {
    match basis {
        "as_in_source" => tr!(lang, BasisAsInSource).into(),
        "derived_sum_of_macro_regions" => tr!(lang, BasisDerivedSum).into(),
        "rounded_in_source" => tr!(lang, BasisRounded).into(),
        "lower_bound_in_source" => tr!(lang, BasisLowerBound).into(),
        other => other.replace('_', " "),
    }
}
