//! Drawing a `ChartSpec` on any plotters backend: canvas in the browser, SVG in native tests.

pub use crate::data::group_digits;
use crate::data::Date;
use crate::transform::{decimate, ChartSpec, Mark};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;
use std::fmt;

/// Why a chart could not be drawn (the backend's message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawError(pub String);

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for DrawError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

/// How numbers on the value axis are written (the browser passes its Intl formatter).
pub type NumberFormat<'a> = &'a dyn Fn(f64) -> String;

/// The x-axis label of a war day: "Day 26 · 21 Mar 2022".
pub fn day_label(war_day: i64) -> String {
    Date::from_war_day(war_day).map_or_else(|| format!("Day {war_day}"), Date::day_label)
}

/// War days to label on an x axis of `range`, at most `max` of them: the first of each month,
/// or every week from day 1 when fewer than three month starts fall in the range.
pub fn day_ticks(range: (i64, i64), max: usize) -> Vec<i64> {
    let (lo, hi) = range;
    let mut ticks: Vec<i64> = (lo..=hi)
        .filter(|d| Date::from_war_day(*d).is_some_and(|date| date.human().starts_with("1 ")))
        .collect();
    if ticks.len() < 3 {
        let step = (((hi - lo + 1) as f64 / max.max(1) as f64 / 7.0).ceil() as i64).max(1) * 7;
        let first = lo + (1 - lo).rem_euclid(7);
        ticks = (first..=hi).step_by(step as usize).collect();
    }
    let keep_every = ticks.len().div_ceil(max.max(1));
    ticks.into_iter().step_by(keep_every.max(1)).collect()
}

/// An event label placed above the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLabel {
    /// Pixel column of the event (the label starts there).
    pub x: f64,
    /// 0 is the top row.
    pub row: usize,
    pub text: String,
}

/// Places event labels in at most `rows` rows so that none overlaps another in its row:
/// each goes in the first row where it fits after the previous label (plus a gap); one that fits
/// nowhere is folded into the label before it ("… +1"). Labels are cut to `max_chars`.
/// `events` are (pixel column, text) in day order; `char_width` is the width of one character.
pub fn layout_event_labels(
    events: &[(f64, String)],
    char_width: f64,
    rows: usize,
    max_chars: usize,
) -> Vec<EventLabel> {
    let gap = char_width * 2.0;
    let mut row_end = vec![f64::NEG_INFINITY; rows.max(1)];
    let mut labels: Vec<EventLabel> = Vec::new();
    let mut folded: Vec<usize> = Vec::new();
    for (x, text) in events {
        let mut short: String = text.chars().take(max_chars).collect();
        if text.chars().count() > max_chars {
            short.push('…');
        }
        let width = short.chars().count() as f64 * char_width;
        match row_end.iter().position(|end| *x >= end + gap) {
            Some(row) => {
                row_end[row] = x + width;
                labels.push(EventLabel {
                    x: *x,
                    row,
                    text: short,
                });
                folded.push(0);
            }
            None => {
                if let Some(last) = folded.last_mut() {
                    *last += 1;
                }
            }
        }
    }
    for (label, n) in labels.iter_mut().zip(folded) {
        if n > 0 {
            label.text.push_str(&format!(" +{n}"));
        }
    }
    labels
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
}

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Draws the chart on `root`. `scale` is the device pixel ratio: fonts, margins and strokes are
/// multiplied by it so that a canvas sized in device pixels stays crisp. Returns where the plot is.
///
/// The layout, axes and marks are drawn with plotters' elements in pixel space (the mapping is
/// `PlotArea`, the same one the pointer uses), not with its chart builder and mesh, whose generic
/// code would be a large part of the wasm.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    scale: f64,
    number: NumberFormat<'_>,
) -> Result<PlotArea, DrawError>
where
    DB::ErrorType: 'static,
{
    let px = |v: f64| (v * scale).round() as i32;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    root.fill(&WHITE)?;
    let grey = |v: u8| RGBColor(v, v, v);
    let text = |size: f64| TextStyle::from(sans(px(size) as f64));

    // Source line(s) under everything.
    let font = px(12.0) as f64;
    let chars_per_line = ((f64::from(width) - 2.0 * font) / (font * 0.5)).max(20.0) as usize;
    let source_lines = wrap(&spec.source_line, chars_per_line);
    let footer_top = height - px(8.0) - (source_lines.len() as i32) * px(16.0);
    let footer_grey = grey(70);
    let footer_style = text(12.0).color(&footer_grey);
    for (i, line) in source_lines.iter().enumerate() {
        root.draw(&Text::new(
            line.as_str(),
            (px(10.0), footer_top + px(4.0) + i as i32 * px(16.0)),
            footer_style.clone(),
        ))?;
    }

    // Title on top, the plot between the value labels (left) and the day labels (below).
    let title = TextStyle::from(FontDesc::new(FontFamily::SansSerif, px(17.0) as f64, FontStyle::Bold))
        .pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(spec.title.as_str(), (width / 2, px(10.0)), title))?;
    let area = PlotArea {
        left: px(10.0) + px(78.0),
        right: (width - px(20.0)).max(px(10.0) + px(79.0)),
        top: px(10.0) + px(34.0),
        bottom: (footer_top - px(44.0)).max(px(45.0)),
        x_range: spec.x_range,
    };

    // Values are drawn in plot space: as they are, or as log10 on a log scale.
    let log = spec.log_scale;
    let to_plot = |v: f64| if log { v.max(f64::MIN_POSITIVE).log10() } else { v };
    let (y_lo, y_hi) = (to_plot(spec.y_min), to_plot(spec.y_max));
    let y_of = |v: f64| {
        let t = ((to_plot(v) - y_lo) / (y_hi - y_lo).max(f64::MIN_POSITIVE)).clamp(0.0, 1.0);
        area.bottom - (t * f64::from(area.bottom - area.top)).round() as i32
    };
    let x_of = |day: i64| area.x_of(day).round() as i32;
    let label = text(12.0);

    // Grid, ticks and their labels.
    let right_aligned = label.pos(Pos::new(HPos::Right, VPos::Center));
    for t in value_ticks(y_lo, y_hi, log) {
        let value = if log { 10f64.powf(t) } else { t };
        let y = y_of(value);
        root.draw(&PathElement::new(vec![(area.left, y), (area.right, y)], grey(228)))?;
        root.draw(&Text::new(
            number(value),
            (area.left - px(6.0), y),
            right_aligned.clone(),
        ))?;
    }
    let (x0, x1) = spec.x_range;
    let x_labels = ((f64::from(width) / scale) / 150.0).clamp(2.0, 10.0) as usize;
    let centred = label.pos(Pos::new(HPos::Center, VPos::Top));
    for day in day_ticks((x0, x1), x_labels) {
        let x = x_of(day);
        root.draw(&PathElement::new(vec![(x, area.top), (x, area.bottom)], grey(238)))?;
        root.draw(&PathElement::new(
            vec![(x, area.bottom), (x, area.bottom + px(5.0))],
            grey(150),
        ))?;
        root.draw(&Text::new(day_label(day), (x, area.bottom + px(8.0)), centred.clone()))?;
    }
    root.draw(&PathElement::new(
        vec![
            (area.left, area.top),
            (area.left, area.bottom),
            (area.right, area.bottom),
        ],
        grey(150),
    ))?;
    // Axis names: the unit up the left side, "War day · date" under the day labels.
    root.draw(&Text::new(
        "War day · date",
        ((area.left + area.right) / 2, area.bottom + px(26.0)),
        centred.clone(),
    ))?;
    let up = label
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(
        spec.y_label.as_str(),
        (px(8.0), (area.top + area.bottom) / 2),
        up,
    ))?;

    // The series.
    let stroke = px(2.0).max(1) as u32;
    let plot_columns = (area.right - area.left).max(1) as usize;
    for series in &spec.series {
        let color = rgb(series.color);
        let points: Vec<(i32, i32)> = decimate(&series.xy(), spec.x_range, plot_columns)
            .into_iter()
            .map(|(x, y)| (x_of(x), y_of(y)))
            .collect();
        match series.mark {
            Mark::Line => root.draw(&PathElement::new(points, color.stroke_width(stroke)))?,
            Mark::DashedLine => root.draw(&DashedPathElement::new(
                points,
                px(6.0),
                px(4.0),
                color.stroke_width(stroke),
            ))?,
            Mark::Bars => {
                let slot = (area.x_of(x0 + 1) - area.x_of(x0)).round().max(1.0) as i32;
                for (x, y) in points {
                    root.draw(&Rectangle::new(
                        [(x, y), (x + slot, area.bottom)],
                        color.mix(0.85).filled(),
                    ))?;
                }
            }
            Mark::Markers => {
                for p in points {
                    root.draw(&Circle::new(p, px(3.5), color.filled()))?;
                }
            }
        }
    }
    // Claims (hollow diamonds) and caveats (rings) on the figures they are about.
    let mark_line = RGBColor(170, 20, 60).stroke_width(px(2.0).max(1) as u32);
    for m in &spec.marks {
        let (x, y, r) = (x_of(m.day), y_of(m.value), px(6.0));
        if m.claim {
            root.draw(&PathElement::new(
                vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)],
                mark_line,
            ))?;
        } else {
            root.draw(&Circle::new((x, y), r, mark_line))?;
        }
    }
    // Quote markers on the time axis: a small triangle above the axis at each day with a quote
    // (outlined: plotters' polygon fill would add its rasteriser to the wasm).
    let quote_line = RGBColor(120, 60, 140).stroke_width(px(2.0).max(1) as u32);
    for (day, _) in &spec.quote_days {
        let (x, b) = (x_of(*day), area.bottom - px(2.0));
        root.draw(&PathElement::new(
            vec![(x - px(4.0), b), (x + px(4.0), b), (x, b - px(7.0)), (x - px(4.0), b)],
            quote_line,
        ))?;
    }
    // Events: a thin line at each day, labels in two rows at the top, never overlapping.
    let mut legend_top = area.top + px(6.0);
    if !spec.events.is_empty() {
        let font = px(11.0) as f64;
        let events: Vec<(f64, String)> = spec
            .events
            .iter()
            .map(|e| (area.x_of(e.day), e.title.clone()))
            .collect();
        let event_color = RGBColor(150, 110, 40);
        for (x, _) in &events {
            let x = x.round() as i32;
            root.draw(&PathElement::new(
                vec![(x, area.top), (x, area.bottom)],
                event_color.mix(0.35),
            ))?;
        }
        let style = TextStyle::from(sans(font)).color(&event_color);
        for label in layout_event_labels(&events, font * 0.55, 2, 28) {
            let y = area.top + px(2.0) + label.row as i32 * px(14.0);
            root.draw(&Text::new(
                label.text,
                (label.x.round() as i32 + px(3.0), y),
                style.clone(),
            ))?;
        }
        // The key goes under the two rows of event labels, never over them.
        legend_top = area.top + px(2.0) + 2 * px(14.0) + px(6.0);
    }
    draw_key(root, spec, area.left + px(8.0), legend_top, scale)?;
    root.present()?;
    Ok(area)
}

/// The plain sans-serif font at `size` pixels (named by family, never parsed from a string).
fn sans(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
}

/// The colour key: one row per series with a swatch in the series' own mark, in a box whose
/// top-left corner is at (`left`, `top`).
fn draw_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    left: i32,
    top: i32,
    scale: f64,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    if spec.series.is_empty() {
        return Ok(());
    }
    let px = |v: f64| (v * scale).round() as i32;
    let style = TextStyle::from(sans(px(12.0) as f64)).pos(Pos::new(HPos::Left, VPos::Center));
    let (pad, row, swatch) = (px(6.0), px(17.0), px(18.0));
    let mut text_width = 0;
    for series in &spec.series {
        text_width = text_width.max(root.estimate_text_size(&series.label, &style)?.0 as i32);
    }
    let rows = spec.series.len() as i32;
    let corner = (left + pad + swatch + pad + text_width + pad, top + 2 * pad + rows * row);
    root.draw(&Rectangle::new([(left, top), corner], WHITE.mix(0.85).filled()))?;
    root.draw(&Rectangle::new([(left, top), corner], RGBColor(200, 200, 200)))?;
    for (i, series) in spec.series.iter().enumerate() {
        let color = rgb(series.color);
        let (x, y) = (left + pad, top + pad + i as i32 * row + row / 2);
        let line = color.stroke_width(px(3.0).max(1) as u32);
        match series.mark {
            Mark::Line => root.draw(&PathElement::new(vec![(x, y), (x + swatch, y)], line))?,
            Mark::DashedLine => {
                let dash = swatch * 2 / 5;
                root.draw(&PathElement::new(vec![(x, y), (x + dash, y)], line))?;
                root.draw(&PathElement::new(vec![(x + swatch - dash, y), (x + swatch, y)], line))?;
            }
            Mark::Bars => root.draw(&Rectangle::new(
                [(x + swatch / 4, y - px(5.0)), (x + swatch * 3 / 4, y + px(5.0))],
                color.mix(0.85).filled(),
            ))?,
            Mark::Markers => root.draw(&Circle::new((x + swatch / 2, y), px(4.0), color.filled()))?,
        }
        root.draw(&Text::new(series.label.as_str(), (x + swatch + pad, y), style.clone()))?;
    }
    Ok(())
}

/// Draws a chart to an SVG string (native; for tests and snapshots).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        let root = plotters_svg::SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, spec, 1.0, &group_digits)?;
    }
    Ok(svg)
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
    fn event_labels_never_overlap_and_fold_when_crowded() {
        let events: Vec<(f64, String)> = [0.0, 10.0, 20.0, 30.0, 200.0]
            .iter()
            .enumerate()
            .map(|(i, x)| (*x, format!("event number {i}")))
            .collect();
        let labels = layout_event_labels(&events, 5.0, 2, 40);
        // Row 0 takes the first, row 1 the second; the third and fourth fold into the second; the
        // last fits in row 0 again.
        assert_eq!(labels.len(), 3);
        assert_eq!((labels[0].row, labels[1].row, labels[2].row), (0, 1, 0));
        assert_eq!(labels[1].text, "event number 1 +2");
        for row in 0..2 {
            let mut in_row: Vec<&EventLabel> = labels.iter().filter(|l| l.row == row).collect();
            in_row.sort_by(|a, b| a.x.total_cmp(&b.x));
            for pair in in_row.windows(2) {
                let end = pair[0].x + pair[0].text.chars().count() as f64 * 5.0;
                assert!(end <= pair[1].x, "{pair:?}");
            }
        }
        let cut = layout_event_labels(&[(0.0, "a very long event title indeed".into())], 5.0, 2, 10);
        assert_eq!(cut[0].text, "a very lon…");
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
    fn ticks_on_month_starts_or_weeks() {
        // Days 1..=95 (24 Feb to 29 May 2022): 1 Mar = day 6, 1 Apr = 37, 1 May = 67.
        assert_eq!(day_ticks((1, 95), 6), [6, 37, 67]);
        assert_eq!(day_ticks((1, 95), 2), [6, 67]);
        // Three weeks: weekly ticks from day 1.
        assert_eq!(day_ticks((1, 21), 6), [1, 8, 15]);
        assert_eq!(day_ticks((3, 40), 3), [8, 22, 36]);
    }

    #[test]
    fn day_labels() {
        assert_eq!(day_label(26), "Day 26 · 21 Mar 2022");
        assert_eq!(day_label(1), "Day 1 · 24 Feb 2022");
    }
}
