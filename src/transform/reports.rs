//! Figures published in reports, drawn only at their dates: OHCHR's confirmed civilian
//! casualties and IOM's survey rounds of internally displaced people.

use super::{annotations, page, publisher, source_of, Draft, Frame};
use crate::chart::{ChartId, ChartSpec, Mark, Point, SeriesColor, SeriesSpec};
use crate::data::{outlet, CasualtyPoint};
use crate::i18n::Lang;

/// OHCHR's confirmed civilian casualties, cumulative, at each report date.
pub fn casualties(f: &Frame<'_>) -> ChartSpec {
    let c = &f.dataset.casualties;
    let lang = f.options.lang;
    let pick = |pick: fn(&CasualtyPoint) -> Option<u64>| -> Vec<Point> {
        c.points
            .iter()
            .filter_map(|p| {
                pick(p).map(|v| Point {
                    day: p.war_day,
                    value: v as f64,
                    detail: Some(match p.date_basis.as_str() {
                        "cutoff_24h" => tr!(lang, CutoffMidnight, date = lang.date(p.date)),
                        _ => tr!(lang, CutoffNotStated, date = lang.date(p.date)),
                    }),
                    source: Some(page(&p.source_url)),
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
        points: pick(|p| p.killed),
    };
    let injured = SeriesSpec {
        id: "injured".into(),
        label: tr!(lang, Injured).into(),
        name: tr!(lang, Injured).into(),
        color: SeriesColor::Palette(1),
        mark: Mark::Markers,
        source,
        points: pick(|p| p.injured),
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
        publisher = publisher(f.dataset, &c.source),
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
                detail: Some(tr!(
                    lang,
                    IdpRoundDetail,
                    round = r.round,
                    period = r.survey_period,
                    basis = value_basis(&r.value_basis, lang)
                )),
                source: r.source_url.as_deref().map(page),
            })
            .collect(),
    };
    let mut marks = annotations::claims(f.dataset, ChartId::Idps, f.options);
    marks.extend(annotations::caveats(&series, &idps.caveats, None));
    let source = tr!(
        lang,
        IdpsSourceLine,
        publisher = rounds
            .first()
            .map_or_else(String::new, |r| publisher(f.dataset, &r.source)),
        first = rounds.first().map_or(0, |r| r.round),
        last = rounds.last().map_or(0, |r| r.round)
    );
    let title = tr!(lang, IdpsTitle).to_string();
    let mut draft = Draft::new(ChartId::Idps, title, tr!(lang, UnitPeopleSurvey), vec![series], source);
    draft.marks = marks;
    f.finish(draft)
}

/// How a round's figure was arrived at, in words: "as in source", "derived sum of macro regions".
fn value_basis(basis: &str, lang: Lang) -> String {
    match basis {
        "as_in_source" => tr!(lang, BasisAsInSource).into(),
        "derived_sum_of_macro_regions" => tr!(lang, BasisDerivedSum).into(),
        "rounded_in_source" => tr!(lang, BasisRounded).into(),
        other => other.replace('_', " "),
    }
}
