//! Figures published in reports, drawn only at their dates: OHCHR's confirmed civilian
//! casualties and IOM's survey rounds of internally displaced people.

use super::{annotations, page, publisher, source_of, Draft, Frame};
use crate::chart::{ChartId, ChartSpec, Mark, Point, SeriesColor, SeriesSpec};
use crate::data::{outlet, CasualtyPoint};

/// OHCHR's confirmed civilian casualties, cumulative, at each report date.
pub fn casualties(f: &Frame<'_>) -> ChartSpec {
    let c = &f.dataset.casualties;
    let pick = |pick: fn(&CasualtyPoint) -> Option<u64>| -> Vec<Point> {
        c.points
            .iter()
            .filter_map(|p| {
                pick(p).map(|v| Point {
                    day: p.war_day,
                    value: v as f64,
                    detail: Some(match p.date_basis.as_str() {
                        "cutoff_24h" => format!("to 24:00 on {}", p.date.human()),
                        _ => format!("reported {}; cut-off time not stated", p.date.human()),
                    }),
                    source: Some(page(&p.source_url)),
                })
            })
            .collect()
    };
    let source = source_of(f.dataset, &c.source);
    let killed = SeriesSpec {
        id: "killed".into(),
        label: "Killed".into(),
        name: "Killed".into(),
        color: SeriesColor::Ink,
        mark: Mark::Markers,
        source: source.clone(),
        points: pick(|p| p.killed),
    };
    let injured = SeriesSpec {
        id: "injured".into(),
        label: "Injured".into(),
        name: "Injured".into(),
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
    let source_line = format!(
        "Source: {}, {} reports ({} outlets, each point links its page). Confirmed minimums; the actual figures are considerably higher.",
        publisher(f.dataset, &c.source),
        c.points.len(),
        outlets.len()
    );
    let title = "Civilian casualties confirmed by OHCHR, cumulative".to_string();
    let mut draft = Draft::new(
        ChartId::Casualties,
        title,
        "civilians (confirmed minimum)",
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
    let series = SeriesSpec {
        id: "idps".into(),
        label: "Internally displaced (survey estimate)".into(),
        name: "Internally displaced".into(),
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
                detail: Some(format!(
                    "round {}, survey period {}, {}",
                    r.round,
                    r.survey_period,
                    r.value_basis.replace('_', " ")
                )),
                source: r.source_url.as_deref().map(page),
            })
            .collect(),
    };
    let mut marks = annotations::claims(f.dataset, ChartId::Idps, f.options);
    marks.extend(annotations::caveats(&series, &idps.caveats, None));
    let source = format!(
        "Source: {}, General Population Survey, rounds {}–{}. Phone-survey estimates, not registrations.",
        rounds
            .first()
            .map_or_else(String::new, |r| publisher(f.dataset, &r.source)),
        rounds.first().map_or(0, |r| r.round),
        rounds.last().map_or(0, |r| r.round)
    );
    let title = "People internally displaced within Ukraine".to_string();
    let mut draft = Draft::new(ChartId::Idps, title, "people (survey estimate)", vec![series], source);
    draft.marks = marks;
    f.finish(draft)
}
