//! What a reader reads for one day: a chart's tooltip (every visible series' exact figure, its
//! unit and source, and what else happened that day), and the day's headline figures in words.

use super::page;
use crate::chart::{ChartSpec, Crossing, FigureNote, Mark, SeriesColor, SourceRef};
use crate::compare::figure_on_or_before;
use crate::data::{Dataset, Date, Metric};
use crate::i18n::Lang;

/// What a tooltip shows for one chart on one day: every visible series' exact figure or
/// "no report that day", its unit and source, and who was quoted that day.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    pub day: i64,
    pub lang: Lang,
    pub title: String,
    pub unit: String,
    /// Whether the values are rates or shares (per 1,000 residents, % of a total).
    pub rate: bool,
    pub decimals: u8,
    pub rows: Vec<TooltipRow>,
    pub quoted: Option<String>,
    /// Claims and caveats about that day's figures, in words, in full.
    pub marks: Vec<String>,
    /// The same, one short line each.
    pub mark_lines: Vec<String>,
    /// Events of that day, each with its source.
    pub events: Vec<(String, SourceRef)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TooltipRow {
    /// The series' full label and its short name (the row shows the name).
    pub label: String,
    pub name: String,
    pub color: SeriesColor,
    pub mark: Mark,
    /// The series' glyph (its colour's, or its own).
    pub glyph: Option<crate::chart::theme::Glyph>,
    /// None: no report that day.
    pub value: Option<f64>,
    /// How exact the figure is ("at least", "rounded").
    pub precision: crate::data::Precision,
    pub detail: Option<String>,
    pub source: SourceRef,
    /// What the figure counts, from its source (e.g. "confirmed minimum (revised upwards later)").
    pub unit_badge: Option<String>,
    /// Who published the figure, in short (e.g. "UNHCR", "OHCHR (reliefweb.int)").
    pub publisher: String,
}

impl Tooltip {
    /// The rows in groups of the same unit, each group with its unit: what the source counts
    /// (the chart's unit where the source names none), after the rate when the values are rates
    /// or shares ("per 1,000 residents · border crossings (not unique people)"). The unit is
    /// said once per group.
    pub fn unit_groups(&self) -> Vec<(String, Vec<&TooltipRow>)> {
        let mut groups: Vec<(String, Vec<&TooltipRow>)> = Vec::new();
        for row in &self.rows {
            let counted = row.unit_badge.clone().unwrap_or_else(|| self.unit.clone());
            let unit = if self.rate && counted != self.unit {
                format!("{} · {counted}", self.unit)
            } else {
                counted
            };
            match groups.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, rows)) => rows.push(row),
                None => groups.push((unit, vec![row])),
            }
        }
        groups
    }

    /// Who was quoted that day and what happened, in one line ("Quoted: …" · "Event: … (source)");
    /// empty when neither.
    pub fn said_line(&self) -> String {
        let quoted = self.quoted.as_ref().map(|who| tr!(self.lang, Quoted, who = who));
        let events = self
            .events
            .iter()
            .map(|(title, source)| tr!(self.lang, EventTooltip, title = title, source = source.label));
        quoted.into_iter().chain(events).collect::<Vec<String>>().join(" · ")
    }

    /// The publishers of the figures shown that day, each once, as one short line.
    pub fn sources_line(&self) -> String {
        let mut publishers: Vec<&str> = Vec::new();
        for row in self.rows.iter().filter(|r| r.value.is_some()) {
            if !publishers.contains(&row.publisher.as_str()) {
                publishers.push(&row.publisher);
            }
        }
        if publishers.is_empty() {
            tr!(self.lang, NoFigureThatDay).to_string()
        } else {
            format!("{} {}", tr!(self.lang, SourceLabel), publishers.join("; "))
        }
    }
}

/// Who published a series' figure: the publisher of its source record, with the page's outlet
/// where the point has its own page.
fn publisher(spec: &ChartSpec, series: &SourceRef, point: Option<&SourceRef>) -> String {
    let record = series
        .ids
        .iter()
        .find_map(|id| spec.sources.iter().find(|c| &c.id == id))
        .map(|c| c.publisher.clone());
    match (record, point) {
        (Some(p), Some(page)) if page.ids.is_empty() => format!("{p} ({})", page.label),
        (Some(p), _) => p,
        (None, Some(page)) => page.label.clone(),
        (None, None) => series.label.clone(),
    }
}

/// How a series crosses a day without a report, in words: "the line joins the reports of
/// 3 Mar 2022 and 10 Mar 2022", "no line: ... too far apart", "reports on ... and ...".
fn gap_words(lang: Lang, (from, to): (i64, i64), crossing: Crossing) -> String {
    let (from, to) = (lang.day_date(from), lang.day_date(to));
    match crossing {
        Crossing::Joined => tr!(lang, GapJoined, from = from, to = to),
        Crossing::TooFar => tr!(lang, GapNotJoined, from = from, to = to),
        Crossing::LowerBound => tr!(lang, GapLowerBound, from = from, to = to),
        Crossing::Marks => tr!(lang, GapMarks, from = from, to = to),
    }
}

pub fn tooltip(spec: &ChartSpec, day: i64) -> Tooltip {
    let lang = spec.lang;
    Tooltip {
        day,
        lang,
        title: lang.day_label(day),
        unit: spec.y_label.clone(),
        rate: spec.rate,
        decimals: spec.decimals,
        // Each series with a figure that day, or without one inside its own period ("no
        // report"); a series that has not begun or has ended by that day is left out.
        rows: spec
            .series
            .iter()
            .filter(|s| s.covers(day))
            .map(|s| {
                let p = s.at(day);
                TooltipRow {
                    label: s.label.clone(),
                    name: s.name.clone(),
                    color: s.color,
                    mark: s.mark,
                    glyph: s.glyph(),
                    publisher: publisher(spec, &s.source, p.and_then(|p| p.source.as_ref())),
                    value: p.map(|p| p.value),
                    precision: p.map(|p| p.precision).unwrap_or_default(),
                    // A day without a report says how the drawing crosses it.
                    detail: match (p, s.gap_around(day)) {
                        (Some(p), _) => p.detail.clone(),
                        (None, Some((from, to, crossing))) => Some(gap_words(lang, (from, to), crossing)),
                        (None, None) => None,
                    },
                    source: p.and_then(|p| p.source.clone()).unwrap_or_else(|| s.source.clone()),
                    unit_badge: s
                        .source
                        .ids
                        .iter()
                        .find_map(|id| spec.sources.iter().find(|c| &c.id == id).and_then(|c| c.unit.clone())),
                }
            })
            .collect(),
        quoted: spec
            .quote_days
            .iter()
            .find(|(d, _)| *d == day)
            .map(|(_, who)| who.clone()),
        marks: spec
            .marks
            .iter()
            .filter(|m| m.day == day)
            .map(|m| {
                let what = match m.note {
                    FigureNote::Claim => tr!(lang, Claim),
                    FigureNote::Caveat => tr!(lang, Caveat),
                };
                format!("{what}: {}", m.text)
            })
            .collect(),
        mark_lines: spec
            .marks
            .iter()
            .filter(|m| m.day == day)
            .map(|m| m.short.clone())
            .collect(),
        events: spec
            .events
            .iter()
            .filter(|e| e.day == day)
            .map(|e| (e.title.clone(), page(&e.source_url)))
            .collect(),
    }
}

/// The selected day and its headline figures in words, for a live region: UNHCR's total that
/// day, and the latest OHCHR report and IOM round published up to that day (never interpolated).
pub fn headline(dataset: &Dataset, day: i64, lang: Lang) -> String {
    let Some(date) = Date::from_war_day(day) else {
        return tr!(lang, HeadlineDayOnly, day = lang.whole(day));
    };
    let mut parts = vec![tr!(lang, HeadlineDay, day = lang.whole(day), date = lang.date(date))];
    let total = &dataset.refugees.total;
    match total.points.iter().find(|p| p.war_day == day) {
        Some(p) => parts.push(match p.daily {
            Some(daily) => tr!(
                lang,
                HeadlineRefugeesAndDaily,
                total = lang.whole(p.cumulative),
                daily = lang.whole(daily)
            ),
            None => tr!(lang, HeadlineRefugees, total = lang.whole(p.cumulative)),
        }),
        None => match figure_on_or_before(dataset, Metric::RefugeesCumulative, date) {
            Some(f) => parts.push(tr!(
                lang,
                HeadlineCrossingsOn,
                date = lang.date(f.date),
                figure = lang.figure(f.value, f.precision)
            )),
            None => parts.push(tr!(lang, HeadlineNoRefugees).into()),
        },
    }
    if let Some(f) = figure_on_or_before(dataset, Metric::RefugeesRecordedEurope, date) {
        parts.push(tr!(
            lang,
            HeadlineRecorded,
            date = lang.date(f.date),
            figure = lang.figure(f.value, f.precision)
        ));
    }
    match dataset.casualties.points.iter().rev().find(|p| p.war_day <= day) {
        Some(p) => {
            let figures: Vec<String> = [
                (tr!(lang, HeadlineKilled), p.killed, p.killed_precision),
                (tr!(lang, HeadlineInjured), p.injured, p.injured_precision),
            ]
            .iter()
            .filter_map(|(what, v, precision)| {
                v.map(|v| tr!(lang, HeadlineFigure, count = lang.figure(v, *precision), what = what))
            })
            .collect();
            let figures = figures.join(", ");
            parts.push(if p.war_day == day {
                tr!(lang, HeadlineCasualtiesThatDay, figures = figures)
            } else {
                tr!(lang, HeadlineCasualtiesOn, date = lang.date(p.date), figures = figures)
            });
        }
        None => parts.push(tr!(lang, HeadlineNoCasualties).into()),
    }
    match dataset.idps.rounds.iter().rev().find(|r| r.war_day <= day) {
        Some(r) => parts.push(match r.round {
            Some(round) => tr!(
                lang,
                HeadlineIdps,
                round = round,
                date = lang.date(r.date),
                total = lang.figure(r.total, r.precision)
            ),
            None => tr!(
                lang,
                HeadlineIdpsEstimate,
                date = lang.date(r.date),
                total = lang.figure(r.total, r.precision)
            ),
        }),
        None => parts.push(tr!(lang, HeadlineNoIdps).into()),
    }
    parts.join(" ")
}
