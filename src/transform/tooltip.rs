//! What a reader reads for one day: a chart's tooltip (every visible series' exact figure, its
//! unit and source, and what else happened that day), and the day's headline figures in words.

use super::page;
use crate::chart::{ChartSpec, FigureNote, SeriesColor, SourceRef};
use crate::data::{group_digits, Dataset, Date};

/// What a tooltip shows for one chart on one day: every visible series' exact figure or
/// "no report that day", its unit and source, and who was quoted that day.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    pub day: i64,
    pub title: String,
    pub unit: String,
    pub decimals: u8,
    pub rows: Vec<TooltipRow>,
    pub quoted: Option<String>,
    /// Claims and caveats about that day's figures, in words.
    pub marks: Vec<String>,
    /// Events of that day, each with its source.
    pub events: Vec<(String, SourceRef)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TooltipRow {
    pub label: String,
    pub color: SeriesColor,
    /// None: no report that day.
    pub value: Option<f64>,
    pub detail: Option<String>,
    pub source: SourceRef,
    /// What the figure counts, from its source (e.g. "confirmed minimum (revised upwards later)").
    pub unit_badge: Option<String>,
}

pub fn tooltip(spec: &ChartSpec, day: i64) -> Tooltip {
    Tooltip {
        day,
        title: Date::from_war_day(day).map_or_else(|| format!("Day {day}"), |d| d.day_label()),
        unit: spec.y_label.clone(),
        decimals: spec.decimals,
        rows: spec
            .series
            .iter()
            .map(|s| {
                let p = s.at(day);
                TooltipRow {
                    label: s.label.clone(),
                    color: s.color,
                    value: p.map(|p| p.value),
                    detail: p.and_then(|p| p.detail.clone()),
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
                    FigureNote::Claim => "Claim",
                    FigureNote::Caveat => "Caveat",
                };
                format!("{what}: {}", m.text)
            })
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
pub fn headline(dataset: &Dataset, day: i64) -> String {
    let Some(date) = Date::from_war_day(day) else {
        return format!("Day {day}.");
    };
    let mut parts = vec![format!("Day {day}, {}.", date.human())];
    let total = &dataset.refugees.total;
    match total.points.iter().find(|p| p.war_day == day) {
        Some(p) => parts.push(format!(
            "{} border crossings out of Ukraine so far (UNHCR){}.",
            group_digits(p.cumulative as f64),
            p.daily
                .map_or_else(String::new, |d| format!(", {} that day", group_digits(d as f64)))
        )),
        None => parts.push("No UNHCR refugee figure that day.".into()),
    }
    match dataset.casualties.points.iter().rev().find(|p| p.war_day <= day) {
        Some(p) => {
            let figures: Vec<String> = [("killed", p.killed), ("injured", p.injured)]
                .iter()
                .filter_map(|(what, v)| v.map(|v| format!("{} {what}", group_digits(v as f64))))
                .collect();
            let when = if p.war_day == day {
                "that day".to_string()
            } else {
                format!("on {}", p.date.human())
            };
            parts.push(format!(
                "Civilians, OHCHR's latest report {when}: {}.",
                figures.join(", ")
            ));
        }
        None => parts.push("No OHCHR civilian casualty report yet.".into()),
    }
    match dataset.idps.rounds.iter().rev().find(|r| r.war_day <= day) {
        Some(r) => parts.push(format!(
            "Internally displaced, IOM round {} ({}): {}.",
            r.round,
            r.date.human(),
            group_digits(r.total as f64)
        )),
        None => parts.push("No IOM displacement estimate yet.".into()),
    }
    parts.join(" ")
}
