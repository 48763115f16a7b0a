//! Pure layout of a chart: where the title, plot and source lines go, which ticks to label, how
//! values and days map to pixels, where event labels fit, and which points are worth drawing.
//! No drawing backend here: everything is tested natively as plain numbers.

use super::spec::ChartSpec;
use crate::data::Date;

/// Device pixels for `v` CSS pixels at `scale` device pixels per CSS pixel.
pub fn px(v: f64, scale: f64) -> i32 {
    (v * scale).round() as i32
}

/// How far apart the date labels of a time axis are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStep {
    /// Every `n` days, counted from day 1.
    Days(i64),
    /// Month starts, every `n` months counted from January.
    Months(u8),
    /// Year starts, every `n` years.
    Years(i32),
}

/// The steps a time axis chooses from, finest first.
pub const DATE_STEPS: [DateStep; 12] = [
    DateStep::Days(1),
    DateStep::Days(2),
    DateStep::Days(7),
    DateStep::Days(10),
    DateStep::Days(14),
    DateStep::Months(1),
    DateStep::Months(2),
    DateStep::Months(3),
    DateStep::Months(6),
    DateStep::Years(1),
    DateStep::Years(2),
    DateStep::Years(5),
];

/// The war days in `range` where a date label of `step` goes: month or year starts, or every
/// few days from day 1.
pub fn date_ticks(range: (i64, i64), step: DateStep) -> Vec<i64> {
    let (lo, hi) = range;
    let (Some(first), Some(last)) = (Date::from_war_day(lo), Date::from_war_day(hi)) else {
        return Vec::new();
    };
    match step {
        DateStep::Days(n) => {
            let n = n.max(1);
            let start = lo + (1 - lo).rem_euclid(n);
            (start..=hi).step_by(n as usize).collect()
        }
        DateStep::Months(n) => {
            let n = i32::from(n.max(1));
            let (y0, m0, _) = first.parts();
            let (y1, m1, _) = last.parts();
            let months = (y0 * 12 + i32::from(m0) - 1)..=(y1 * 12 + i32::from(m1) - 1);
            months
                .filter(|m| m.rem_euclid(12) % n == 0)
                .filter_map(|m| Date::from_calendar(m.div_euclid(12), (m.rem_euclid(12) + 1) as u8, 1))
                .map(Date::war_day)
                .filter(|d| (lo..=hi).contains(d))
                .collect()
        }
        DateStep::Years(n) => {
            let n = n.max(1);
            (first.parts().0..=last.parts().0)
                .filter(|y| y.rem_euclid(n) == 0)
                .filter_map(|y| Date::from_calendar(y, 1, 1))
                .map(Date::war_day)
                .filter(|d| (lo..=hi).contains(d))
                .collect()
        }
    }
}

/// War days at round numbers in `range` (multiples of 1, 2 or 5 times a power of ten; of 2.5
/// from a hundred up),
/// the smallest step that gives at most `max` of them: 100, 200, ... or 500, 1,000, 1,500.
pub fn war_day_ticks(range: (i64, i64), max: usize) -> Vec<i64> {
    let (lo, hi) = range;
    let max = max.max(1);
    let mut unit: i64 = 1;
    loop {
        // 1, 2, 5, 10, 20, 50, 100, 250, 500, 1,000, 2,500, ...: round to a reader.
        let middle = if unit >= 100 { unit * 5 / 2 } else { unit * 2 };
        for step in [unit, middle, unit * 5] {
            let first = lo.div_euclid(step) * step + if lo.rem_euclid(step) == 0 { 0 } else { step };
            let count = if first > hi {
                0
            } else {
                ((hi - first) / step + 1) as usize
            };
            if count <= max {
                return (0..count as i64)
                    .map(|i| first + i * step)
                    .filter(|d| *d != 0)
                    .collect();
            }
        }
        match unit.checked_mul(10) {
            Some(next) => unit = next,
            None => return Vec::new(),
        }
    }
}

/// Value-axis ticks for `[lo, hi]` in plot space: round steps (1, 2, 2.5, 5 x 10^k) on a linear
/// axis; powers of ten (and 2x, 5x when there are few) on a log axis, given as log10 values.
pub fn value_ticks(lo: f64, hi: f64, log: bool) -> Vec<f64> {
    if log {
        let (a, b) = (lo.floor() as i32, hi.ceil() as i32);
        let decades: Vec<f64> = (a..=b).map(f64::from).filter(|t| *t >= lo && *t <= hi).collect();
        if decades.len() >= 3 {
            return decades;
        }
        return (a..=b)
            .flat_map(|k| [1.0, 2.0, 5.0].map(|m: f64| f64::from(k) + m.log10()))
            .filter(|t| *t >= lo && *t <= hi)
            .collect();
    }
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// Splits text into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where the plot is on the drawing, in device pixels, and which war days it spans: to map a
/// pointer to a day and a day to a pixel column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub x_range: (i64, i64),
}

impl PlotArea {
    fn span(&self) -> f64 {
        (self.x_range.1 + 1 - self.x_range.0) as f64
    }

    /// The pixel column of a war day.
    pub fn x_of(&self, day: i64) -> f64 {
        f64::from(self.left) + (day - self.x_range.0) as f64 / self.span() * f64::from(self.right - self.left)
    }

    /// The war day nearest to a pixel column, or none outside the plot.
    pub fn day_at(&self, x: f64) -> Option<i64> {
        if x < f64::from(self.left) - 2.0 || x > f64::from(self.right) + 2.0 || self.right <= self.left {
            return None;
        }
        let t = (x - f64::from(self.left)) / f64::from(self.right - self.left) * self.span();
        Some((self.x_range.0 + t.round() as i64).clamp(self.x_range.0, self.x_range.1))
    }

    /// Width of the plot in pixel columns (at least 1).
    pub fn columns(&self) -> usize {
        (self.right - self.left).max(1) as usize
    }
}

/// The value axis of a chart: maps values to pixel rows, linearly or logarithmically.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueAxis {
    /// The ends of the axis in plot space (log10 of the values on a log scale).
    lo: f64,
    hi: f64,
    log: bool,
    top: i32,
    bottom: i32,
}

impl ValueAxis {
    pub fn new(spec: &ChartSpec, plot: &PlotArea) -> ValueAxis {
        let log = spec.log_scale;
        let to_plot = |v: f64| if log { v.max(f64::MIN_POSITIVE).log10() } else { v };
        ValueAxis {
            lo: to_plot(spec.y_min),
            hi: to_plot(spec.y_max),
            log,
            top: plot.top,
            bottom: plot.bottom,
        }
    }

    /// The pixel row of a value (clamped to the plot).
    pub fn y_of(&self, value: f64) -> i32 {
        let v = if self.log {
            value.max(f64::MIN_POSITIVE).log10()
        } else {
            value
        };
        let t = ((v - self.lo) / (self.hi - self.lo).max(f64::MIN_POSITIVE)).clamp(0.0, 1.0);
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }

    /// The values to label on the axis, with their pixel rows.
    pub fn ticks(&self) -> Vec<(f64, i32)> {
        value_ticks(self.lo, self.hi, self.log)
            .into_iter()
            .map(|t| if self.log { 10f64.powf(t) } else { t })
            .map(|v| (v, self.y_of(v)))
            .collect()
    }
}

/// The text size of a chart of `css_width` CSS pixels, as a factor of the base size: charts
/// wider than 900 px get larger text and thicker lines, up to half as large again, so that
/// they stay in proportion on wide screens.
pub fn text_factor(css_width: f64) -> f64 {
    (css_width / 900.0).clamp(1.0, 1.5)
}

/// Centres for labels of `height` wanted at `desired` centres, in `[top, bottom]`: labels that
/// would overlap are moved apart as little as possible (overlapping groups are centred on the
/// mean of their wishes), and their order is kept. When they cannot all fit, they are packed
/// from the top.
pub fn spread_labels(desired: &[f64], height: f64, (top, bottom): (f64, f64)) -> Vec<f64> {
    let mut order: Vec<usize> = (0..desired.len()).collect();
    order.sort_by(|a, b| desired[*a].total_cmp(&desired[*b]));
    // Groups of adjacent labels: (first index into `order`, count, top edge).
    let mut groups: Vec<(usize, usize, f64)> = Vec::new();
    let place = |first: usize, count: usize| -> f64 {
        let mean = order[first..first + count].iter().map(|i| desired[*i]).sum::<f64>() / count as f64;
        let span = count as f64 * height;
        (mean - span / 2.0).min(bottom - span).max(top)
    };
    for (k, _) in order.iter().enumerate() {
        groups.push((k, 1, place(k, 1)));
        while groups.len() >= 2 {
            let (b_first, b_count, b_top) = groups[groups.len() - 1];
            let (a_first, a_count, a_top) = groups[groups.len() - 2];
            if a_top + a_count as f64 * height <= b_top + 1e-9 {
                break;
            }
            groups.truncate(groups.len() - 2);
            let count = a_count + b_count;
            groups.push((a_first, count, place(a_first, count)));
            let _ = b_first;
        }
    }
    let mut centres = vec![0.0; desired.len()];
    for (first, count, group_top) in groups {
        for (j, i) in order[first..first + count].iter().enumerate() {
            centres[*i] = group_top + (j as f64 + 0.5) * height;
        }
    }
    centres
}

/// Where a tooltip goes, in CSS pixels of the chart: beside the crosshair on the side with more
/// room (so it never covers the crosshair or the points on it), or under the chart when
/// neither side has `min_room`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Its left edge at `left`, at most `max_width` wide.
    Right {
        left: f64,
        max_width: f64,
    },
    /// Its right edge at `right_edge`, at most `max_width` wide.
    Left {
        right_edge: f64,
        max_width: f64,
    },
    Below,
}

/// The placement of a tooltip for the crosshair at `x` on a chart `width` wide.
pub fn place_tooltip(x: f64, width: f64, min_room: f64) -> Placement {
    let gap = 12.0;
    let (left_room, right_room) = (x - gap - 4.0, width - x - gap - 4.0);
    if left_room.max(right_room) < min_room {
        Placement::Below
    } else if right_room >= left_room {
        Placement::Right {
            left: x + gap,
            max_width: right_room,
        }
    } else {
        Placement::Left {
            right_edge: x - gap,
            max_width: left_room,
        }
    }
}

/// Keeps at most two points (minimum and maximum) per pixel column, so that drawing cost follows
/// the plot's width, not the number of points. Points must be in x order.
pub fn decimate(points: &[(i64, f64)], x_range: (i64, i64), columns: usize) -> Vec<(i64, f64)> {
    decimate_indices(points, x_range, columns)
        .into_iter()
        .map(|i| points[i])
        .collect()
}

/// The indices of the points `decimate` keeps, in order (for marks drawn per point, which keep
/// each point's precision).
pub fn decimate_indices(points: &[(i64, f64)], x_range: (i64, i64), columns: usize) -> Vec<usize> {
    if points.len() <= columns * 2 || columns == 0 {
        return (0..points.len()).collect();
    }
    let span = (x_range.1 - x_range.0).max(1) as f64;
    let column = |x: i64| (((x - x_range.0) as f64 / span) * (columns as f64 - 1.0)).round() as i64;
    let mut out: Vec<usize> = Vec::new();
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
        out.push(a);
        if b != a {
            out.push(b);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert_eq!(wrap("", 5), Vec::<String>::new());
    }

    #[test]
    fn value_ticks_are_round() {
        assert_eq!(value_ticks(0.0, 7_000_000.0, false), [0.0, 2e6, 4e6, 6e6]);
        assert_eq!(value_ticks(0.0, 105.0, false), [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(value_ticks(0.0, 0.9, false), [0.0, 0.2, 0.4, 0.6000000000000001, 0.8]);
        // Log: 10^2 .. 10^6.8 -> decades 2..6.
        assert_eq!(value_ticks(2.0, 6.8, true), [2.0, 3.0, 4.0, 5.0, 6.0]);
        let few = value_ticks(3.1, 4.5, true);
        assert_eq!(
            few.iter().map(|t| 10f64.powf(*t).round()).collect::<Vec<_>>(),
            [2000.0, 5000.0, 10000.0, 20000.0]
        );
    }

    #[test]
    fn labels_move_apart_as_little_as_they_must() {
        // Apart already: they stay.
        assert_eq!(spread_labels(&[10.0, 50.0], 10.0, (0.0, 100.0)), [10.0, 50.0]);
        // Two on the same spot: centred on it, one above the other, in their order.
        assert_eq!(spread_labels(&[50.0, 50.0], 10.0, (0.0, 100.0)), [45.0, 55.0]);
        assert_eq!(spread_labels(&[52.0, 48.0], 10.0, (0.0, 100.0)), [55.0, 45.0]);
        // At the edge: pushed inside.
        assert_eq!(spread_labels(&[0.0, 1.0], 10.0, (0.0, 100.0)), [5.0, 15.0]);
        assert_eq!(spread_labels(&[99.0, 100.0], 10.0, (0.0, 100.0)), [85.0, 95.0]);
        // A chain: the group grows until nothing overlaps.
        let c = spread_labels(&[40.0, 44.0, 48.0, 70.0], 10.0, (0.0, 100.0));
        assert_eq!(c, [34.0, 44.0, 54.0, 70.0]);
    }

    #[test]
    fn tooltips_go_beside_the_crosshair_on_the_roomier_side() {
        assert_eq!(
            place_tooltip(100.0, 1000.0, 200.0),
            Placement::Right {
                left: 112.0,
                max_width: 884.0
            }
        );
        assert_eq!(
            place_tooltip(900.0, 1000.0, 200.0),
            Placement::Left {
                right_edge: 888.0,
                max_width: 884.0
            }
        );
        assert_eq!(
            place_tooltip(180.0, 360.0, 200.0),
            Placement::Below,
            "no room on a phone"
        );
    }

    #[test]
    fn text_grows_with_wide_charts_only() {
        assert_eq!(text_factor(350.0), 1.0);
        assert_eq!(text_factor(1080.0), 1.2);
        assert_eq!(text_factor(3000.0), 1.5);
    }

    #[test]
    fn plot_area_maps_days_and_pixels() {
        let area = PlotArea {
            left: 100,
            right: 1060,
            top: 0,
            bottom: 400,
            x_range: (1, 96),
        };
        // 96 days + 1 slot over 960 px: 10 px a day.
        assert_eq!(area.x_of(1), 100.0);
        assert_eq!(area.x_of(26), 350.0);
        assert_eq!(area.day_at(350.0), Some(26));
        assert_eq!(area.day_at(354.0), Some(26));
        assert_eq!(area.day_at(356.0), Some(27));
        assert_eq!(area.day_at(1060.0), Some(96), "the last slot belongs to the last day");
        assert_eq!(area.day_at(50.0), None);
        assert_eq!(area.day_at(1100.0), None);
    }

    #[test]
    fn value_axis_maps_linear_and_log_values() {
        let plot = PlotArea {
            left: 0,
            right: 100,
            top: 0,
            bottom: 100,
            x_range: (1, 2),
        };
        let linear = ValueAxis {
            lo: 0.0,
            hi: 200.0,
            log: false,
            top: plot.top,
            bottom: plot.bottom,
        };
        assert_eq!((linear.y_of(0.0), linear.y_of(100.0), linear.y_of(200.0)), (100, 50, 0));
        assert_eq!(linear.y_of(500.0), 0, "clamped to the plot");
        let log = ValueAxis {
            lo: 2.0,
            hi: 6.0,
            log: true,
            top: 0,
            bottom: 100,
        };
        assert_eq!((log.y_of(100.0), log.y_of(10_000.0), log.y_of(1e6)), (100, 50, 0));
        let labels: Vec<f64> = log.ticks().iter().map(|(v, _)| v.round()).collect();
        assert_eq!(labels, [100.0, 1000.0, 10_000.0, 100_000.0, 1_000_000.0]);
    }

    #[test]
    fn date_ticks_on_month_and_year_starts() {
        // Day 6 is 1 Mar 2022, day 37 1 Apr, day 67 1 May.
        assert_eq!(date_ticks((1, 95), DateStep::Months(1)), [6, 37, 67]);
        assert_eq!(date_ticks((1, 95), DateStep::Months(3)), [37]);
        assert_eq!(date_ticks((1, 21), DateStep::Days(7)), [1, 8, 15]);
        assert_eq!(date_ticks((3, 40), DateStep::Days(14)), [15, 29]);
        // Day 312 is 1 Jan 2023; the war's fifth New Year (2026) is day 1,408.
        assert_eq!(date_ticks((1, 1627), DateStep::Years(1)), [312, 677, 1043, 1408]);
        assert_eq!(date_ticks((1, 1627), DateStep::Years(2)), [677, 1408]);
        assert_eq!(date_ticks((2, 4), DateStep::Days(1)), [2, 3, 4]);
        assert!(date_ticks((i64::MAX - 5, i64::MAX), DateStep::Days(1)).is_empty());
    }

    #[test]
    fn war_days_at_round_numbers() {
        assert_eq!(war_day_ticks((1, 1627), 4), [500, 1000, 1500]);
        assert_eq!(war_day_ticks((1, 1627), 8), [250, 500, 750, 1000, 1250, 1500]);
        assert_eq!(war_day_ticks((1, 120), 6), [20, 40, 60, 80, 100, 120]);
        assert_eq!(war_day_ticks((20, 30), 3), [20, 25, 30]);
        assert_eq!(war_day_ticks((5, 6), 2), [5, 6]);
        assert!(war_day_ticks((1, 2), 0).len() <= 2);
    }

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
