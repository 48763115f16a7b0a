//! Dataset -> chart specifications: which series, in which units, with which source line.
//! No pixels and no browser here.

use crate::data::{group_digits, outlet, CasualtyPoint, Dataset, RefugeePoint, SeriesKind};
use crate::state::{Bounds, Measure, Mode, Scale, ViewState};

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Line,
    /// A dashed line: a series that is not part of the totals.
    DashedLine,
    Bars,
    /// Markers at report dates only, no line between them.
    Markers,
}

/// Where a figure comes from: a label (publisher and document, or outlet) and a link if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    pub label: String,
    pub url: Option<String>,
    /// The dataset's source records behind it (empty for a single page).
    pub ids: Vec<String>,
}

/// One figure of a series on one war day.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub day: i64,
    pub value: f64,
    /// What the value is computed from, when it is not the published figure itself
    /// (e.g. "2,144,244 of 3,401,677").
    pub detail: Option<String>,
    /// The point's own source, where it differs from the series' (casualty reports, IDP rounds).
    pub source: Option<SourceRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesSpec {
    /// Stable id (the dataset's series id, or the chart's own).
    pub id: String,
    pub label: String,
    pub color: (u8, u8, u8),
    pub mark: Mark,
    pub source: SourceRef,
    /// In date order, inside the chart's x range.
    pub points: Vec<Point>,
}

impl ChartSpec {
    /// The dataset source records behind the figures this chart shows, without repeats.
    pub fn source_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in self
            .series
            .iter()
            .filter(|s| !s.points.is_empty())
            .flat_map(|s| s.source.ids.iter())
        {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        ids
    }
}

impl SeriesSpec {
    /// The series' figure on exactly this day, if it has one (never interpolated).
    pub fn at(&self, day: i64) -> Option<&Point> {
        self.points
            .binary_search_by_key(&day, |p| p.day)
            .ok()
            .map(|i| &self.points[i])
    }

    pub fn xy(&self) -> Vec<(i64, f64)> {
        self.points.iter().map(|p| (p.day, p.value)).collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable id, used for the canvas element and tests.
    pub id: &'static str,
    pub title: String,
    /// The unit, shown on the y axis and in tooltips.
    pub y_label: String,
    /// Decimal places of the values (0 for counts).
    pub decimals: u8,
    /// War days shown, inclusive (the same for every chart of a view).
    pub x_range: (i64, i64),
    /// Lower end of the value axis (0, or the smallest positive value on a log scale).
    pub y_min: f64,
    pub y_max: f64,
    pub log_scale: bool,
    pub series: Vec<SeriesSpec>,
    /// What the view leaves out or changes, in words (e.g. series without daily figures).
    pub notes: Vec<String>,
    /// Quote markers on the time axis: (war day, speakers).
    pub quote_days: Vec<(i64, String)>,
    /// Events marked on the chart (only when the view asks for them, see `with_events`).
    pub events: Vec<EventMark>,
    /// Claims and caveats pinned to figures (added by `with_events` too).
    pub marks: Vec<FigureMark>,
    /// "Source: ..." line drawn under the chart.
    pub source_line: String,
    /// The source records behind the figures shown, for links and unit badges.
    pub sources: Vec<ChartSource>,
}

/// An event on the time axis, with its source page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMark {
    pub day: i64,
    pub title: String,
    pub source_url: String,
}

/// A note pinned to a figure of a chart: a figure stated that day, or a caveat about that day's
/// figure. Drawn as a hollow diamond (claim) or ring (caveat); its words go in the tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureMark {
    pub day: i64,
    pub value: f64,
    pub claim: bool,
    pub text: String,
}

/// A source record as a chart names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartSource {
    pub id: String,
    pub publisher: String,
    /// E.g. "border crossings (not unique people)".
    pub unit: Option<String>,
}

/// Colour-blind-safe categorical palette (Okabe and Ito), then greys.
const PALETTE: [(u8, u8, u8); 8] = [
    (0, 114, 178),
    (213, 94, 0),
    (0, 158, 115),
    (204, 121, 167),
    (230, 159, 0),
    (86, 180, 233),
    (120, 120, 120),
    (160, 160, 160),
];
const INK: (u8, u8, u8) = (20, 20, 20);

/// The war days and refugee series a view can choose from.
pub fn bounds(dataset: &Dataset) -> Bounds {
    Bounds {
        first_day: 1,
        last_day: dataset.last_date.war_day().max(2),
        series: dataset.refugees.by_country.iter().map(|s| s.id.clone()).collect(),
    }
}

/// The colour of a refugee series (stable whatever is shown).
pub fn series_color(dataset: &Dataset, id: &str) -> (u8, u8, u8) {
    dataset
        .refugees
        .by_country
        .iter()
        .position(|s| s.id == id)
        .map_or(INK, |i| PALETTE[i % PALETTE.len()])
}

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

/// A single page as a source (a casualty report, an IDP round).
fn page(url: &str) -> SourceRef {
    SourceRef {
        label: outlet(url).to_string(),
        url: Some(url.to_string()),
        ids: Vec::new(),
    }
}

fn publisher(dataset: &Dataset, id: &str) -> String {
    dataset
        .source(id)
        .map_or_else(|| id.to_string(), |s| s.publisher.clone())
}

fn point(day: i64, value: f64) -> Point {
    Point {
        day,
        value,
        detail: None,
        source: None,
    }
}

struct Frame<'a> {
    dataset: &'a Dataset,
    state: &'a ViewState,
    range: (i64, i64),
    /// Days in the range with quotes, and who was quoted (the same for every chart).
    quote_days: Vec<(i64, String)>,
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

impl Frame<'_> {
    fn visible(&self, day: i64) -> bool {
        (self.range.0..=self.range.1).contains(&day)
    }

    fn spec(
        &self,
        id: &'static str,
        title: String,
        y_label: &str,
        series: Vec<SeriesSpec>,
        source_line: String,
    ) -> ChartSpec {
        let mut series: Vec<SeriesSpec> = series
            .into_iter()
            .map(|mut s| {
                s.points.retain(|p| self.visible(p.day));
                s
            })
            .collect();
        let log_scale = id == "refugees" && self.state.scale == Scale::Log;
        if log_scale {
            for s in &mut series {
                s.points.retain(|p| p.value > 0.0);
            }
        }
        let values = || series.iter().flat_map(|s| s.points.iter().map(|p| p.value));
        let max = values().fold(0.0, f64::max);
        let (y_min, y_max) = if log_scale {
            let min = values().fold(f64::INFINITY, f64::min);
            if min.is_finite() {
                (min / 1.5, (max * 1.5).max(min * 10.0))
            } else {
                (1.0, 10.0)
            }
        } else {
            (0.0, if max > 0.0 { max * 1.05 } else { 1.0 })
        };
        let mut spec = ChartSpec {
            id,
            title,
            y_label: y_label.into(),
            decimals: 0,
            x_range: self.range,
            y_min,
            y_max,
            log_scale,
            series,
            notes: Vec::new(),
            quote_days: self.quote_days.clone(),
            events: Vec::new(),
            marks: Vec::new(),
            source_line,
            sources: Vec::new(),
        };
        spec.sources = spec
            .source_ids()
            .iter()
            .filter_map(|id| self.dataset.source(id))
            .map(|s| ChartSource {
                id: s.id.clone(),
                publisher: s.publisher.clone(),
                unit: s.unit.clone(),
            })
            .collect();
        spec
    }
}

/// The chosen figure of a refugee point: cumulative or daily.
fn figure(state: &ViewState, p: &RefugeePoint) -> Option<u64> {
    match state.mode {
        Mode::Cumulative => Some(p.cumulative),
        Mode::Daily => p.daily,
    }
}

fn names(list: &[&str]) -> String {
    list.join(", ")
}

/// Refugees by receiving country, as the reader chose: cumulative or daily; absolute, per 1,000
/// residents of the receiving country, or share of UNHCR's all-country total.
fn refugees(f: &Frame<'_>) -> ChartSpec {
    let d = f.dataset;
    let r = &d.refugees;
    let state = f.state;
    let mut notes = Vec::new();
    let mut series = Vec::new();
    let daily = state.mode == Mode::Daily;
    if state.measure == Measure::Absolute {
        series.push(SeriesSpec {
            id: "total".into(),
            label: "All countries (UNHCR total)".into(),
            color: INK,
            mark: Mark::Line,
            source: source_of(d, &r.total.source),
            points: r
                .total
                .points
                .iter()
                .filter_map(|p| figure(state, p).map(|v| point(p.war_day, v as f64)))
                .collect(),
        });
    }
    if let Some(earlier) = r.earlier_total.as_ref().filter(|_| state.earlier_vintage) {
        if state.measure == Measure::Absolute {
            let revisions = crate::compare::revisions(d);
            series.push(SeriesSpec {
                id: earlier.id.clone(),
                label: "UNHCR total, earlier vintage".into(),
                color: PALETTE[6],
                mark: Mark::DashedLine,
                source: source_of(d, &earlier.source),
                points: earlier
                    .points
                    .iter()
                    .filter_map(|p| {
                        let mut point = point(p.war_day, figure(state, p)? as f64);
                        point.detail = revisions
                            .iter()
                            .find(|r| r.date == p.date && !daily)
                            .map(crate::compare::revision_words);
                        Some(point)
                    })
                    .collect(),
            });
        } else {
            notes.push("UNHCR's earlier vintage is drawn with absolute figures only.".into());
        }
    }
    let mut no_daily: Vec<&str> = Vec::new();
    let mut not_in_total: Vec<&str> = Vec::new();
    let mut no_population: Vec<&str> = Vec::new();
    for s in r.by_country.iter().filter(|s| state.is_shown(&s.id)) {
        let moldova_route = s.kind == SeriesKind::ArrivalsFromMoldova;
        if daily && !s.has_daily {
            no_daily.push(&s.label);
            continue;
        }
        if state.measure == Measure::Share && moldova_route {
            not_in_total.push(&s.label);
            continue;
        }
        let population = s
            .iso3
            .as_ref()
            .and_then(|iso| d.countries.iter().find(|c| &c.iso3 == iso))
            .map(|c| c.population);
        let points: Vec<Point> = match state.measure {
            Measure::Absolute => s
                .points
                .iter()
                .filter_map(|p| figure(state, p).map(|v| point(p.war_day, v as f64)))
                .collect(),
            Measure::PerThousand => match population {
                Some(pop) => s
                    .points
                    .iter()
                    .filter_map(|p| {
                        figure(state, p).map(|v| Point {
                            day: p.war_day,
                            value: per_thousand(v, pop),
                            detail: Some(format!(
                                "{} of {} residents",
                                group_digits(v as f64),
                                group_digits(pop as f64)
                            )),
                            source: None,
                        })
                    })
                    .collect(),
                None => {
                    no_population.push(&s.label);
                    continue;
                }
            },
            Measure::Share => s
                .points
                .iter()
                .filter_map(|p| {
                    let total = r
                        .total
                        .points
                        .binary_search_by_key(&p.date, |t| t.date)
                        .ok()
                        .map(|i| &r.total.points[i]);
                    let (v, t) = (figure(state, p)?, total.and_then(|t| figure(state, t))?);
                    share(v, t).map(|value| Point {
                        day: p.war_day,
                        value,
                        detail: Some(format!("{} of {}", group_digits(v as f64), group_digits(t as f64))),
                        source: None,
                    })
                })
                .collect(),
        };
        series.push(SeriesSpec {
            id: s.id.clone(),
            label: if moldova_route && state.measure == Measure::Absolute {
                format!("{} — not part of the total", s.label)
            } else {
                s.label.clone()
            },
            color: series_color(d, &s.id),
            mark: if moldova_route { Mark::DashedLine } else { Mark::Line },
            source: if state.measure == Measure::PerThousand {
                let mut source = source_of(d, &s.source);
                source.ids.extend(d.countries.first().map(|c| c.source.clone()));
                source
            } else {
                source_of(d, &s.source)
            },
            points,
        });
    }
    if !no_daily.is_empty() {
        notes.push(format!(
            "No daily figures are published for {}: choose cumulative to see them.",
            names(&no_daily)
        ));
    }
    if !not_in_total.is_empty() {
        notes.push(format!(
            "{} are not part of UNHCR's total, so they have no share of it.",
            names(&not_in_total)
        ));
    }
    if !no_population.is_empty() {
        notes.push(format!("No population figure for {}.", names(&no_population)));
    }
    let hidden = r.by_country.iter().filter(|s| !state.is_shown(&s.id)).count();
    if hidden > 0 {
        notes.push(format!(
            "{hidden} of {} receiving-country series hidden.",
            r.by_country.len()
        ));
    }
    let (what, unit, decimals) = match (state.measure, daily) {
        (Measure::Absolute, false) => ("cumulative", "border crossings", 0),
        (Measure::Absolute, true) => ("per day", "border crossings per day", 0),
        (Measure::PerThousand, false) => (
            "cumulative, per 1,000 residents of the receiving country",
            "per 1,000 residents",
            2,
        ),
        (Measure::PerThousand, true) => (
            "per day, per 1,000 residents of the receiving country",
            "per 1,000 residents per day",
            3,
        ),
        (Measure::Share, false) => (
            "cumulative, as a share of UNHCR's all-country total",
            "% of all-country total",
            1,
        ),
        (Measure::Share, true) => (
            "per day, as a share of UNHCR's all-country total that day",
            "% of that day's total",
            1,
        ),
    };
    if state.measure == Measure::Share {
        notes.push("Country figures do not add up to UNHCR's total on the same day (different reporting), so shares need not sum to 100%.".into());
    }
    if state.measure == Measure::PerThousand {
        notes.push(format!(
            "Residents: {}, mid-2021, before the invasion.",
            d.countries
                .first()
                .map_or_else(String::new, |c| publisher(d, &c.source) + " SP.POP.TOTL")
        ));
    }
    if state.scale == Scale::Log {
        notes.push("Logarithmic scale: equal steps are equal ratios; zero values are not drawn.".into());
    }
    let mut source = format!(
        "Source: {}, arrivals by receiving country compiled from national authorities (as of {}). Border crossings, not unique people.",
        publisher(d, &r.total.source),
        r.total.points.last().map_or_else(String::new, |p| p.date.human())
    );
    if state.measure == Measure::PerThousand {
        source.push_str(" Residents: World Bank, 2021.");
    }
    let mut spec = f.spec(
        "refugees",
        format!("Refugees from Ukraine by receiving country, {what}"),
        unit,
        series,
        source,
    );
    spec.decimals = decimals;
    spec.notes = notes;
    spec
}

/// Per 1,000 residents: `1000 * count / population`.
pub fn per_thousand(count: u64, population: u64) -> f64 {
    1000.0 * count as f64 / population as f64
}

/// Percentage of a total; none when the total is zero.
pub fn share(part: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| 100.0 * part as f64 / total as f64)
}

/// Daily border crossings out of Ukraine (UNHCR total).
fn refugees_daily(f: &Frame<'_>) -> ChartSpec {
    let total = &f.dataset.refugees.total;
    let series = vec![SeriesSpec {
        id: "total-daily".into(),
        label: "Border crossings out of Ukraine per day".into(),
        color: PALETTE[0],
        mark: Mark::Bars,
        source: source_of(f.dataset, &total.source),
        points: total
            .points
            .iter()
            .filter_map(|p| p.daily.map(|d| point(p.war_day, d as f64)))
            .collect(),
    }];
    let source = format!(
        "Source: {}, all receiving countries, daily figures. Border crossings, not unique people; returns not subtracted.",
        publisher(f.dataset, &total.source)
    );
    f.spec(
        "refugees-daily",
        "Daily border crossings out of Ukraine".into(),
        "border crossings per day",
        series,
        source,
    )
}

/// OHCHR's confirmed civilian casualties, cumulative, at each report date.
fn casualties(f: &Frame<'_>) -> ChartSpec {
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
    let series = vec![
        SeriesSpec {
            id: "killed".into(),
            label: "Killed".into(),
            color: INK,
            mark: Mark::Markers,
            source: source.clone(),
            points: pick(|p| p.killed),
        },
        SeriesSpec {
            id: "injured".into(),
            label: "Injured".into(),
            color: PALETTE[1],
            mark: Mark::Markers,
            source,
            points: pick(|p| p.injured),
        },
    ];
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
    f.spec(
        "casualties",
        "Civilian casualties confirmed by OHCHR, cumulative".into(),
        "civilians (confirmed minimum)",
        series,
        source_line,
    )
}

/// IOM's estimates of internally displaced people, one point per survey round.
fn idps(f: &Frame<'_>) -> ChartSpec {
    let rounds = &f.dataset.idps.rounds;
    let series = vec![SeriesSpec {
        id: "idps".into(),
        label: "Internally displaced (survey estimate)".into(),
        color: PALETTE[2],
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
    }];
    let source = format!(
        "Source: {}, General Population Survey, rounds {}–{}. Phone-survey estimates, not registrations.",
        rounds
            .first()
            .map_or_else(String::new, |r| publisher(f.dataset, &r.source)),
        rounds.first().map_or(0, |r| r.round),
        rounds.last().map_or(0, |r| r.round)
    );
    f.spec(
        "idps",
        "People internally displaced within Ukraine".into(),
        "people (survey estimate)",
        series,
        source,
    )
}

/// The charts of a view, in page order.
pub fn charts(dataset: &Dataset, state: &ViewState) -> Vec<ChartSpec> {
    let range = state.visible(&bounds(dataset));
    let f = Frame {
        dataset,
        state,
        range,
        quote_days: quote_days(dataset, range),
    };
    vec![refugees(&f), refugees_daily(&f), casualties(&f), idps(&f)]
}

/// The charts of a view with the dataset's events marked on each (those inside the range), the
/// claims made in the range on the charts of their metric, and dated caveats on their figures.
pub fn with_events(dataset: &Dataset, mut specs: Vec<ChartSpec>) -> Vec<ChartSpec> {
    use crate::data::Metric;
    for spec in &mut specs {
        let (lo, hi) = spec.x_range;
        let in_range = |day: i64| (lo..=hi).contains(&day);
        // Claims go where the chart shows the same kind of figure: cumulative, absolute counts.
        let shows_totals = spec.series.iter().any(|s| s.id == "total");
        for claim in dataset.claims.iter().filter(|c| in_range(c.war_day)) {
            let chart = match claim.metric {
                Metric::RefugeesCumulative if shows_totals => "refugees",
                Metric::CiviliansKilled | Metric::CiviliansInjured | Metric::CivilianCasualtiesTotal => "casualties",
                Metric::Idps => "idps",
                Metric::RefugeesCumulative => continue,
            };
            if chart == spec.id && !spec.log_scale {
                let c = crate::compare::compare(dataset, claim);
                let (figures, verdict) = crate::compare::claim_sentences(claim, &c);
                spec.marks.push(FigureMark {
                    day: claim.war_day,
                    value: claim.value as f64,
                    claim: true,
                    text: format!(
                        "{}: “{}” {figures} {}",
                        claim.who,
                        claim.text,
                        verdict.unwrap_or_default()
                    ),
                });
                spec.y_max = spec.y_max.max(claim.value as f64 * 1.05);
            }
        }
        // Dated caveats, on the figure of their series that day.
        let r = &dataset.refugees;
        let dated = std::iter::once(&r.total)
            .chain(r.by_country.iter())
            .flat_map(|s| s.caveats.iter().map(move |c| (s.id.as_str(), Some(&s.label), c)))
            .chain(dataset.casualties.caveats.iter().map(|c| ("killed", None, c)))
            .chain(dataset.idps.caveats.iter().map(|c| ("idps", None, c)));
        for (series, label, caveat) in dated {
            let Some(day) = caveat.date.map(|d| d.war_day()).filter(|d| in_range(*d)) else {
                continue;
            };
            let Some(p) = spec.series.iter().find(|s| s.id == series).and_then(|s| s.at(day)) else {
                continue;
            };
            let text = match label {
                Some(label) => format!("{label}: {}", caveat.text),
                None => caveat.text.clone(),
            };
            spec.marks.push(FigureMark {
                day,
                value: p.value,
                claim: false,
                text,
            });
        }
        if spec.marks.iter().any(|m| m.claim) {
            spec.notes
                .push("◇ marks a figure stated at the time; hover it to compare with the data.".into());
        }
        if spec.marks.iter().any(|m| !m.claim) {
            spec.notes
                .push("○ marks a figure with a caveat; hover it to read it.".into());
        }
        spec.events = dataset
            .events
            .iter()
            .filter(|e| (lo..=hi).contains(&e.war_day))
            .map(|e| EventMark {
                day: e.war_day,
                title: e.title.clone(),
                source_url: e.source_url.clone(),
            })
            .collect();
    }
    specs
}

/// The charts of the default view.
pub fn first_view(dataset: &Dataset) -> Vec<ChartSpec> {
    charts(dataset, &ViewState::default())
}

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
    pub color: (u8, u8, u8),
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
        title: crate::data::Date::from_war_day(day).map_or_else(|| format!("Day {day}"), |d| d.day_label()),
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
            .map(|m| format!("{}: {}", if m.claim { "Claim" } else { "Caveat" }, m.text))
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
    let Some(date) = crate::data::Date::from_war_day(day) else {
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

/// Keeps at most two points (minimum and maximum) per pixel column, so that drawing cost follows
/// the plot's width, not the number of points. Points must be in x order; `columns` > 0.
pub fn decimate(points: &[(i64, f64)], x_range: (i64, i64), columns: usize) -> Vec<(i64, f64)> {
    if points.len() <= columns * 2 || columns == 0 {
        return points.to_vec();
    }
    let span = (x_range.1 - x_range.0).max(1) as f64;
    let column = |x: i64| (((x - x_range.0) as f64 / span) * (columns as f64 - 1.0)).round() as i64;
    let mut out: Vec<(i64, f64)> = Vec::new();
    let mut i = 0;
    while i < points.len() {
        let c = column(points[i].0);
        let mut j = i;
        let (mut lo, mut hi) = (i, i);
        while j < points.len() && column(points[j].0) == c {
            if points[j].1 < points[lo].1 {
                lo = j;
            }
            if points[j].1 > points[hi].1 {
                hi = j;
            }
            j += 1;
        }
        let (a, b) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        out.push(points[a]);
        if b != a {
            out.push(points[b]);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decimate;

    #[test]
    fn decimate_keeps_short_series() {
        let pts: Vec<(i64, f64)> = (1..=10).map(|d| (d, d as f64)).collect();
        assert_eq!(decimate(&pts, (1, 10), 100), pts);
    }

    #[test]
    fn decimate_keeps_extremes_per_column() {
        let pts: Vec<(i64, f64)> = (0..1000)
            .map(|d| (d, if d == 500 { 1e6 } else { (d % 7) as f64 }))
            .collect();
        let out = decimate(&pts, (0, 999), 50);
        assert!(out.len() <= 100, "{}", out.len());
        assert!(out.contains(&(500, 1e6)), "the spike survives");
        assert!(out.windows(2).all(|w| w[0].0 < w[1].0), "still in x order");
        assert_eq!(out.first().unwrap().0, 0);
    }
}
