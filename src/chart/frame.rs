//! Where the parts of a chart go on a drawing, in device pixels: the title (wrapped, never cut),
//! a key above the plot for series that are not lines, the plot between its value labels and its
//! day labels, each line's label at its end (moved apart from the others, with a leader where it
//! moved), and the source line at the foot. Pure: text is measured by a function the painter
//! passes (the backend's own measure), so this is tested natively.

use super::layout::{day_ticks, px, spread_labels, PlotArea, ValueAxis};
use super::spec::{ChartSpec, Mark};
use crate::i18n::Lang;

/// The width in device pixels of a text at a font size in device pixels.
pub type Measure<'a> = &'a dyn Fn(&str, f64) -> f64;

/// The width of a text at a size (device pixels) where it can be measured exactly (the
/// browser's canvas); none where the drawing backend's own estimate is to be used.
pub type TextWidth<'a> = &'a dyn Fn(&str, f64) -> Option<f64>;

/// How numbers on the value axis are written (the browser passes its Intl formatter).
pub type NumberFormat<'a> = &'a dyn Fn(f64) -> String;

/// Font sizes, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fonts {
    pub title: f64,
    pub text: f64,
}

/// A series in the key above the plot: its swatch starts at `x`, centred on `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyItem {
    pub series: usize,
    pub x: i32,
    pub y: i32,
}

/// A line's label: its text starts at `x`, centred on `y`; `end` is where the line ends (a
/// leader joins them when the label had to move).
#[derive(Clone, Debug, PartialEq)]
pub struct LineLabel {
    pub series: usize,
    pub text: String,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub end: (i32, i32),
}

impl LineLabel {
    /// The label's box: left, top, right, bottom.
    pub fn bounds(&self, height: i32) -> (i32, i32, i32, i32) {
        (self.x, self.y - height / 2, self.x + self.width, self.y + height / 2)
    }

    /// Whether the label sits away from its line's end (and so needs a leader).
    pub fn moved(&self, gap: i32) -> bool {
        (self.y - self.end.1).abs() > 2 || self.x - self.end.0 > gap
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: i32,
    pub height: i32,
    pub fonts: Fonts,
    /// The height of a line of text.
    pub line: i32,
    pub pad: i32,
    /// The title's lines and the top of each.
    pub title: Vec<(String, i32)>,
    pub key: Vec<KeyItem>,
    pub plot: PlotArea,
    pub axis: ValueAxis,
    /// The value axis's labels and their rows.
    pub value_labels: Vec<(String, i32)>,
    /// The days labelled under the plot, and the top of their labels.
    pub days: Vec<i64>,
    pub days_top: i32,
    /// The top of the axis name under the day labels.
    pub axis_name_top: i32,
    pub labels: Vec<LineLabel>,
    /// The source line's lines and the top of each.
    pub sources: Vec<(String, i32)>,
}

/// `text` in lines no wider than `max`, broken at spaces.
pub fn wrap_to(text: &str, max: f64, size: f64, measure: Measure<'_>) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && measure(&candidate, size) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut (with "…") to fit in `max`: the longest cut that fits, found by halving (a text
/// grows no narrower as it grows longer), so a name of a million characters costs a few
/// dozen measurements, not a million.
pub fn fit(text: &str, max: f64, size: f64, measure: Measure<'_>) -> String {
    if measure(text, size) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| format!("{}…", chars[..n].iter().collect::<String>().trim_end());
    // The longest fitting cut has between 0 (none) and chars.len() - 1 characters.
    let (mut fits, mut too_long) = (0, chars.len());
    while too_long - fits > 1 {
        let middle = fits + (too_long - fits) / 2;
        if measure(&cut(middle), size) <= max {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    if fits == 0 {
        "…".to_string()
    } else {
        cut(fits)
    }
}

/// The two lines of a day's label under the axis: "Day 26" and "21 Mar 2022".
pub fn day_label_lines(day: i64, lang: Lang) -> (String, String) {
    (lang.day(day), lang.day_date(day))
}

/// Lays out `spec` on `width` x `height` device pixels; `scale` is device pixels per CSS pixel
/// (times the text factor).
pub fn frame(
    spec: &ChartSpec,
    (width, height): (i32, i32),
    scale: f64,
    measure: Measure<'_>,
    number: NumberFormat<'_>,
) -> Frame {
    let p = |v: f64| px(v, scale);
    let fonts = Fonts {
        title: f64::from(p(17.0)),
        text: f64::from(p(12.0)),
    };
    let (pad, line) = (p(10.0), p(16.0));
    let inner = f64::from(width - 2 * pad);
    // A bold title measures a little wider than the regular face.
    let bold = |t: &str, s: f64| measure(t, s) * 1.08;
    let title: Vec<(String, i32)> = wrap_to(&spec.title, inner, fonts.title, &bold)
        .into_iter()
        .enumerate()
        .map(|(i, t)| (t, pad + i as i32 * p(21.0)))
        .collect();
    let mut top = pad + title.len() as i32 * p(21.0) + p(4.0);
    let key = key_items(
        spec,
        (pad, width - pad),
        top + line / 2,
        (line, fonts.text, scale),
        measure,
    );
    if let Some(last) = key.last() {
        top = last.y + line / 2 + p(4.0);
    }
    let sources: Vec<String> = wrap_to(&spec.source_line, inner, fonts.text, measure);
    let sources_top = height - pad - sources.len() as i32 * line;
    let axis_name_top = sources_top - p(6.0) - line;
    let days_top = axis_name_top - p(2.0) - 2 * line;
    let mut plot = PlotArea {
        left: 0,
        right: width - pad,
        top: top + p(6.0),
        bottom: (days_top - p(8.0)).max(top + p(40.0)),
        x_range: spec.x_range,
    };
    let axis = ValueAxis::new(spec, &plot);
    let empty = spec.series.iter().all(|s| s.points.is_empty());
    let value_labels: Vec<(String, i32)> = if empty {
        Vec::new()
    } else {
        axis.ticks().into_iter().map(|(v, y)| (number(v), y)).collect()
    };
    let widest = value_labels
        .iter()
        .map(|(t, _)| measure(t, fonts.text))
        .fold(0.0, f64::max);
    plot.left = pad + fonts.text.round() as i32 + p(8.0) + widest.ceil() as i32 + p(6.0);
    let labels = line_labels(spec, &mut plot, &axis, (width - pad, line, fonts.text, scale), measure);
    // The widest date label of the language: "30 Sep 2022", "30 жовт. 2022 р.".
    let widest = match spec.lang {
        Lang::En => crate::data::Date::from_calendar(2022, 9, 30),
        Lang::Uk => crate::data::Date::from_calendar(2022, 10, 30),
    };
    let day_width = measure(&widest.map(|d| spec.lang.date(d)).unwrap_or_default(), fonts.text) + f64::from(p(14.0));
    let day_count = (f64::from(plot.right - plot.left) / day_width).clamp(1.0, 12.0) as usize;
    Frame {
        width,
        height,
        fonts,
        line,
        pad,
        title,
        key,
        plot,
        axis,
        value_labels,
        days: day_ticks(spec.x_range, day_count.max(1)),
        days_top,
        axis_name_top,
        labels,
        sources: sources
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, sources_top + i as i32 * line))
            .collect(),
    }
}

/// The key above the plot: the series that are not lines (bars, markers), when there are two or
/// more of them (a single one is named by the title), flowing in rows from `left` to `right`.
fn key_items(
    spec: &ChartSpec,
    (left, right): (i32, i32),
    first_row: i32,
    (line, size, scale): (i32, f64, f64),
    measure: Measure<'_>,
) -> Vec<KeyItem> {
    let keyed: Vec<usize> = (0..spec.series.len())
        .filter(|i| matches!(spec.series[*i].mark, Mark::Bars | Mark::Markers))
        .collect();
    if keyed.len() < 2 {
        return Vec::new();
    }
    let (swatch, gap) = (px(18.0, scale), px(16.0, scale));
    let (mut x, mut y) = (left, first_row);
    let mut items = Vec::new();
    for series in keyed {
        let text = measure(&spec.series[series].name, size).ceil() as i32;
        let item = swatch + px(6.0, scale) + text;
        if x > left && x + item > right {
            x = left;
            y += line;
        }
        items.push(KeyItem { series, x, y });
        x += item + gap;
    }
    items
}

/// Labels at the ends of the chart's lines, in a column just right of the latest line end: the
/// plot's right edge moves in so that the column fits. Labels that would overlap move apart;
/// when there are more than fit the plot's height, the later series (the smaller ones) go
/// without. `right` is the drawing's usable right edge.
fn line_labels(
    spec: &ChartSpec,
    plot: &mut PlotArea,
    axis: &ValueAxis,
    (right, line, size, scale): (i32, i32, f64, f64),
    measure: Measure<'_>,
) -> Vec<LineLabel> {
    let fits = ((plot.bottom - plot.top) / line.max(1)).max(0) as usize;
    let lines: Vec<(usize, i64, f64)> = spec
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s.mark, Mark::Line | Mark::DashedLine))
        .filter_map(|(i, s)| s.points.last().map(|p| (i, p.day, p.value)))
        .take(fits)
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let max_width = (f64::from(right) * 0.3).max(f64::from(px(60.0, scale)));
    let texts: Vec<String> = lines
        .iter()
        .map(|(i, _, _)| fit(&spec.series[*i].name, max_width, size, measure))
        .collect();
    let widest = texts.iter().map(|t| measure(t, size)).fold(0.0, f64::max).ceil() as i32;
    // Room for leaders between the line ends and the labels.
    let gap = px(if lines.len() > 1 { 28.0 } else { 12.0 }, scale);
    let (lo, hi) = plot.x_range;
    let span = (hi + 1 - lo) as f64;
    let latest = lines
        .iter()
        .map(|(_, day, _)| (day - lo) as f64 / span)
        .fold(0.0, f64::max);
    if latest > 0.0 {
        let room = f64::from(right - gap - widest - plot.left) / latest;
        plot.right = plot.right.min(plot.left + room.floor() as i32);
    }
    plot.right = plot.right.max(plot.left + px(40.0, scale));
    let ends: Vec<(i32, i32)> = lines
        .iter()
        .map(|(_, day, value)| (plot.x_of(*day).round() as i32, axis.y_of(*value)))
        .collect();
    let column = ends.iter().map(|(x, _)| *x).max().unwrap_or(plot.right) + gap;
    let desired: Vec<f64> = ends.iter().map(|(_, y)| f64::from(*y)).collect();
    let bounds = (f64::from(plot.top), f64::from(plot.bottom));
    let centres = spread_labels(&desired, f64::from(line), bounds);
    lines
        .iter()
        .zip(texts)
        .zip(ends.iter().zip(centres))
        .map(|(((series, _, _), text), (end, y))| LineLabel {
            series: *series,
            width: measure(&text, size).ceil() as i32,
            text,
            x: column,
            y: y.round() as i32,
            end: *end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 6 px wide at 12 px.
    fn mono(text: &str, size: f64) -> f64 {
        text.chars().count() as f64 * size / 2.0
    }

    #[test]
    fn wraps_by_width_and_fits_with_an_ellipsis() {
        assert_eq!(wrap_to("aa bb cc dd", 30.0, 12.0, &mono), ["aa bb", "cc dd"]);
        assert_eq!(wrap_to("", 30.0, 12.0, &mono), Vec::<String>::new());
        assert_eq!(fit("Republic of Moldova", 60.0, 12.0, &mono), "Republic…");
        assert_eq!(fit("Poland", 60.0, 12.0, &mono), "Poland");
        assert_eq!(fit("Republic of Moldova", 1.0, 12.0, &mono), "…");
        // A name of a million characters takes a few dozen measurements, not a million.
        let long = "x".repeat(1_000_000);
        let calls = std::cell::Cell::new(0);
        let counted = |text: &str, size: f64| {
            calls.set(calls.get() + 1);
            mono(text, size)
        };
        assert_eq!(fit(&long, 60.0, 12.0, &counted), format!("{}…", "x".repeat(9)));
        assert!(calls.get() <= 25, "{} measurements", calls.get());
    }

    #[test]
    fn day_labels_in_two_lines() {
        assert_eq!(
            day_label_lines(26, Lang::En),
            ("Day 26".to_string(), "21 Mar 2022".to_string())
        );
        assert_eq!(
            day_label_lines(26, Lang::Uk),
            ("День 26".to_string(), "21 бер. 2022 р.".to_string())
        );
    }
}
