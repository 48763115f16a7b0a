//! Dataset -> chart specifications: which series, in which units, with which source line.
//! No pixels and no browser here.

use crate::data::{outlet, Dataset, SeriesKind};

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

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesSpec {
    pub label: String,
    pub color: (u8, u8, u8),
    pub mark: Mark,
    /// (war day, value), in date order.
    pub points: Vec<(i64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable id, used for the canvas element and tests.
    pub id: &'static str,
    pub title: String,
    /// The unit, shown on the y axis.
    pub y_label: String,
    /// War days shown, inclusive.
    pub x_range: (i64, i64),
    pub y_max: f64,
    pub series: Vec<SeriesSpec>,
    /// "Source: ..." line drawn under the chart.
    pub source_line: String,
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

fn x_range(dataset: &Dataset, series: &[SeriesSpec]) -> (i64, i64) {
    let days = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let (lo, hi) = days.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    if lo > hi {
        (1, dataset.last_date.war_day().max(2))
    } else {
        (lo.min(1), hi.max(lo + 1))
    }
}

fn y_max(series: &[SeriesSpec]) -> f64 {
    let max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    if max > 0.0 {
        max * 1.05
    } else {
        1.0
    }
}

fn spec(
    dataset: &Dataset,
    id: &'static str,
    title: &str,
    y_label: &str,
    series: Vec<SeriesSpec>,
    source_line: String,
) -> ChartSpec {
    ChartSpec {
        id,
        title: title.into(),
        y_label: y_label.into(),
        x_range: x_range(dataset, &series),
        y_max: y_max(&series),
        series,
        source_line,
    }
}

fn publisher(dataset: &Dataset, id: &str) -> String {
    dataset
        .source(id)
        .map_or_else(|| id.to_string(), |s| s.publisher.clone())
}

/// Cumulative border crossings out of Ukraine: UNHCR's total and each receiving country.
pub fn refugees_cumulative(dataset: &Dataset) -> ChartSpec {
    let r = &dataset.refugees;
    let mut series = vec![SeriesSpec {
        label: "All countries (UNHCR total)".into(),
        color: INK,
        mark: Mark::Line,
        points: r
            .total
            .points
            .iter()
            .map(|p| (p.war_day, p.cumulative as f64))
            .collect(),
    }];
    for (i, s) in r.by_country.iter().enumerate() {
        let moldova_route = s.kind == SeriesKind::ArrivalsFromMoldova;
        series.push(SeriesSpec {
            label: if moldova_route {
                format!("{} — not part of the total", s.label)
            } else {
                s.label.clone()
            },
            color: PALETTE[i % PALETTE.len()],
            mark: if moldova_route { Mark::DashedLine } else { Mark::Line },
            points: s.points.iter().map(|p| (p.war_day, p.cumulative as f64)).collect(),
        });
    }
    let source = format!(
        "Source: {}, arrivals by receiving country compiled from national authorities (as of {}). Border crossings, not unique people.",
        publisher(dataset, &r.total.source),
        r.total.points.last().map_or_else(String::new, |p| p.date.human())
    );
    spec(
        dataset,
        "refugees-cumulative",
        "Refugees from Ukraine by receiving country, cumulative",
        "border crossings",
        series,
        source,
    )
}

/// Daily border crossings out of Ukraine (UNHCR total).
pub fn refugees_daily(dataset: &Dataset) -> ChartSpec {
    let total = &dataset.refugees.total;
    let series = vec![SeriesSpec {
        label: "Border crossings out of Ukraine per day".into(),
        color: PALETTE[0],
        mark: Mark::Bars,
        points: total
            .points
            .iter()
            .filter_map(|p| p.daily.map(|d| (p.war_day, d as f64)))
            .collect(),
    }];
    let source = format!(
        "Source: {}, all receiving countries, daily figures. Border crossings, not unique people; returns not subtracted.",
        publisher(dataset, &total.source)
    );
    spec(
        dataset,
        "refugees-daily",
        "Daily border crossings out of Ukraine",
        "border crossings per day",
        series,
        source,
    )
}

/// OHCHR's confirmed civilian casualties, cumulative, at each report date.
pub fn casualties(dataset: &Dataset) -> ChartSpec {
    let c = &dataset.casualties;
    let pick = |f: fn(&crate::data::CasualtyPoint) -> Option<u64>| -> Vec<(i64, f64)> {
        c.points
            .iter()
            .filter_map(|p| f(p).map(|v| (p.war_day, v as f64)))
            .collect()
    };
    let series = vec![
        SeriesSpec {
            label: "Killed".into(),
            color: INK,
            mark: Mark::Markers,
            points: pick(|p| p.killed),
        },
        SeriesSpec {
            label: "Injured".into(),
            color: PALETTE[1],
            mark: Mark::Markers,
            points: pick(|p| p.injured),
        },
    ];
    let mut outlets: Vec<&str> = c.points.iter().map(|p| outlet(&p.source_url)).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let source = format!(
        "Source: {}, {} reports ({} outlets, each point links its page). Confirmed minimums; the actual figures are considerably higher.",
        publisher(dataset, &c.source),
        c.points.len(),
        outlets.len()
    );
    spec(
        dataset,
        "casualties",
        "Civilian casualties confirmed by OHCHR, cumulative",
        "civilians (confirmed minimum)",
        series,
        source,
    )
}

/// IOM's estimates of internally displaced people, one point per survey round.
pub fn idps(dataset: &Dataset) -> ChartSpec {
    let rounds = &dataset.idps.rounds;
    let series = vec![SeriesSpec {
        label: "Internally displaced (survey estimate)".into(),
        color: PALETTE[2],
        mark: Mark::Markers,
        points: rounds.iter().map(|r| (r.war_day, r.total as f64)).collect(),
    }];
    let source = format!(
        "Source: {}, General Population Survey, rounds {}–{}. Phone-survey estimates, not registrations.",
        rounds
            .first()
            .map_or_else(String::new, |r| publisher(dataset, &r.source)),
        rounds.first().map_or(0, |r| r.round),
        rounds.last().map_or(0, |r| r.round)
    );
    spec(
        dataset,
        "idps",
        "People internally displaced within Ukraine",
        "people (survey estimate)",
        series,
        source,
    )
}

/// The charts of the first view, in page order.
pub fn first_view(dataset: &Dataset) -> Vec<ChartSpec> {
    vec![
        refugees_cumulative(dataset),
        refugees_daily(dataset),
        casualties(dataset),
        idps(dataset),
    ]
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
