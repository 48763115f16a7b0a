//! Where the parts of a chart go on a drawing, in device pixels: the title (wrapped, never cut),
//! a key above the plot for series that are not lines, the plot between its value labels and its
//! day labels, each line's label at its end (moved apart from the others, with a leader where it
//! moved), and the source line at the foot. Pure: text is measured by a function the painter
//! passes (the backend's own measure), so this is tested natively.

use super::layout::{date_ticks, px, spread_labels, war_day_ticks, DateStep, PlotArea, ValueAxis, DATE_STEPS};
use super::spec::ChartSpec;
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

/// What an entry of the key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyed {
    /// A series, by its index in the chart: a series that is not a line, or any series on a
    /// drawing too narrow for its lines' labels to be whole at their ends.
    Series(usize),
    /// A kind of mark, by its index in the chart's `mark_key`.
    Mark(usize),
    /// A kind of note pinned to figures (claims, caveats), when the chart has one: keyed inside
    /// the picture, so that a claim is never taken for data in a PNG or an embed either.
    Note(super::spec::FigureNote),
}

/// An entry of the key above the plot: its swatch starts at `x`, centred on `y`, then `text`.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyItem {
    pub keyed: Keyed,
    pub text: String,
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
    /// The dates labelled under the plot (war day, label), and the top of their labels.
    pub dates: Vec<(i64, String)>,
    pub days_top: i32,
    /// The war days labelled on the row under the dates, at round numbers.
    pub war_days: Vec<(i64, String)>,
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

/// The labels of date ticks at `step`: years as "2023"; months as "Mar" (the first tick and
/// every January with the year: "Mar 2022", "2023"); days as "17 Mar" (the first tick and the
/// first of a new year with the year: "24 Feb 2022").
pub fn date_labels(ticks: &[i64], step: DateStep, lang: Lang) -> Vec<(i64, String)> {
    let previous_year = |i: usize| {
        i.checked_sub(1)
            .and_then(|j| crate::data::Date::from_war_day(ticks[j]))
            .map(|d| d.parts().0)
    };
    ticks
        .iter()
        .enumerate()
        .filter_map(|(i, day)| {
            let date = crate::data::Date::from_war_day(*day)?;
            let (year, month, _) = date.parts();
            let label = match step {
                DateStep::Years(_) => year.to_string(),
                DateStep::Months(_) if month == 1 => year.to_string(),
                DateStep::Months(_) if i == 0 => lang.month_year(date),
                DateStep::Months(_) => lang.month(date),
                DateStep::Days(_) if i == 0 || Some(year) != previous_year(i) => lang.date(date),
                DateStep::Days(_) => lang.day_month(date),
            };
            Some((*day, label))
        })
        .collect()
}

/// Labelled ticks of a time axis: (war day, label).
pub type Ticks = Vec<(i64, String)>;

/// The time axis of a plot `width` device pixels wide: the finest step of dates whose labels
/// fit side by side (two at least, where the range holds two), and round war days that fit on
/// the row under them.
pub fn time_axis(range: (i64, i64), width: f64, gap: f64, lang: Lang, measure: &dyn Fn(&str) -> f64) -> (Ticks, Ticks) {
    // Labels fit when each pair of neighbours is apart by half of each one's width and the gap,
    // and all of them side by side fit the width (a label is moved inside at the plot's ends).
    let span = (range.1 - range.0).max(1) as f64;
    let fits = |labels: &[(i64, String)]| {
        let widths: Vec<f64> = labels.iter().map(|(_, t)| measure(t)).collect();
        let apart = labels.windows(2).zip(widths.windows(2)).all(|(l, w)| {
            let room = (l[1].0 - l[0].0) as f64 / span * width;
            (w[0] + w[1]) / 2.0 + gap <= room
        });
        apart && widths.iter().map(|w| w + gap).sum::<f64>() <= width
    };
    // The finest step with two labels that fit (coarser steps have fewer); failing that, the
    // first with one that fits.
    let mut single: Option<Vec<(i64, String)>> = None;
    let mut dates = None;
    for step in DATE_STEPS {
        let ticks = date_ticks(range, step);
        // Every label takes the gap at least: more ticks than gaps in the width cannot fit, and
        // are not written out and measured (a day's step over years is thousands of labels).
        if ticks.len() as f64 * gap > width {
            continue;
        }
        let labels = date_labels(&ticks, step, lang);
        if !fits(&labels) {
            continue;
        }
        if labels.len() >= 2 {
            dates = Some(labels);
            break;
        }
        if single.is_none() && !labels.is_empty() {
            single = Some(labels);
        }
    }
    let dates = dates.or(single).unwrap_or_default();
    let widest_day = measure(&lang.day(range.1.max(1000))) + gap;
    // A quieter row than the dates: at most eight.
    let max_days = (width / widest_day.max(1.0)).floor().clamp(1.0, 8.0) as usize;
    let war_days = war_day_ticks(range, max_days)
        .into_iter()
        .map(|d| (d, lang.day(d)))
        .collect();
    (dates, war_days)
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
    // Each line is named at its end where every name fits whole in the room the labels may
    // take; on a narrower drawing (a phone) the key names the lines instead, never cut.
    let lines = line_texts(spec);
    let label_room = (f64::from(width - pad) * 0.3).max(f64::from(p(60.0)));
    let keyed_lines = lines.iter().any(|l| measure(&l.text, fonts.text) > label_room);
    let key = key_items(
        spec,
        if keyed_lines { &lines } else { &[] },
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
    let labels = if keyed_lines {
        Vec::new()
    } else {
        line_labels(lines, &mut plot, &axis, (width - pad, line, fonts.text, scale), measure)
    };
    let (dates, war_days) = time_axis(
        spec.x_range,
        f64::from(plot.right - plot.left),
        f64::from(p(14.0)),
        spec.lang,
        &|t| measure(t, fonts.text),
    );
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
        dates,
        days_top,
        war_days,
        axis_name_top,
        labels,
        sources: sources
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, sources_top + i as i32 * line))
            .collect(),
    }
}

/// The key above the plot: the chart's `lines` when they are keyed rather than labelled at
/// their ends, the series that are not lines (bars, markers) and that the key names when there
/// are two or more of them (a single one is named by the title), then the chart's kinds of marks
/// and of notes pinned to figures, flowing in rows from `left` to `right`.
fn key_items(
    spec: &ChartSpec,
    lines: &[LineText],
    (left, right): (i32, i32),
    first_row: i32,
    (line, size, scale): (i32, f64, f64),
    measure: Measure<'_>,
) -> Vec<KeyItem> {
    let series: Vec<usize> = (0..spec.series.len())
        .filter(|i| spec.series[*i].keyed && !spec.series[*i].mark.is_line())
        .collect();
    let mut keyed: Vec<(Keyed, String)> = lines
        .iter()
        .map(|l| (Keyed::Series(l.series), l.text.clone()))
        .collect();
    if series.len() >= 2 {
        keyed.extend(series.iter().map(|i| (Keyed::Series(*i), spec.series[*i].name.clone())));
    }
    keyed.extend(
        spec.mark_key
            .iter()
            .enumerate()
            .map(|(i, k)| (Keyed::Mark(i), k.text.clone())),
    );
    use super::spec::FigureNote;
    for (note, text) in [
        (FigureNote::Claim, tr!(spec.lang, KeyClaim)),
        (FigureNote::Caveat, tr!(spec.lang, KeyCaveat)),
    ] {
        if spec.marks.iter().any(|m| m.note == note) {
            keyed.push((Keyed::Note(note), text.to_string()));
        }
    }
    let (swatch, gap) = (px(18.0, scale), px(16.0, scale));
    // A name longer than a whole row is cut to the row (with an ellipsis): the key never leaves
    // the drawing.
    let room = f64::from(right - left - swatch - px(6.0, scale)).max(0.0);
    let (mut x, mut y) = (left, first_row);
    let mut items = Vec::new();
    for (entry, name) in keyed {
        let name = fit(&name, room, size, measure);
        let text = measure(&name, size).ceil() as i32;
        let item = swatch + px(6.0, scale) + text;
        if x > left && x + item > right {
            x = left;
            y += line;
        }
        items.push(KeyItem {
            keyed: entry,
            text: name,
            x,
            y,
        });
        x += item + gap;
    }
    items
}

/// A line's name as its label or key entry says it: a line that stops well before the chart's
/// end says so, "Poland, to May 2022".
#[derive(Clone, Debug, PartialEq)]
struct LineText {
    series: usize,
    day: i64,
    value: f64,
    text: String,
}

/// The chart's lines with figures, in the chart's order, each with its name.
fn line_texts(spec: &ChartSpec) -> Vec<LineText> {
    let (lo, hi) = spec.x_range;
    let stops_early = |day: i64| hi - day > (hi - lo) / 10 && hi - day > 60;
    spec.series
        .iter()
        .enumerate()
        .filter(|(_, s)| s.mark.is_line())
        .filter_map(|(i, s)| {
            let last = s.points.last()?;
            let text = match crate::data::Date::from_war_day(last.day).filter(|_| stops_early(last.day)) {
                Some(end) => tr!(spec.lang, LineEndsOn, name = s.name, date = spec.lang.month_year(end)),
                None => s.name.clone(),
            };
            Some(LineText {
                series: i,
                day: last.day,
                value: last.value,
                text,
            })
        })
        .collect()
}

/// Labels at the ends of the chart's lines. Lines that end together (their labels would run
/// into each other's column) share a column just right of the latest of their ends; a line that
/// ends well before the others (a series that stops early) is named at its own end. The plot's
/// right edge moves in so that the last column fits. In each column, labels that would overlap
/// move apart; when there are more than fit the plot's height, the later series (the smaller
/// ones) go without. `right` is the drawing's usable right edge.
fn line_labels(
    mut lines: Vec<LineText>,
    plot: &mut PlotArea,
    axis: &ValueAxis,
    (right, line, size, scale): (i32, i32, f64, f64),
    measure: Measure<'_>,
) -> Vec<LineLabel> {
    let fits = ((plot.bottom - plot.top) / line.max(1)).max(0) as usize;
    lines.truncate(fits);
    if lines.is_empty() {
        return Vec::new();
    }
    let (lo, hi) = plot.x_range;
    let max_width = (f64::from(right) * 0.3).max(f64::from(px(60.0, scale)));
    let texts: Vec<String> = lines.iter().map(|l| fit(&l.text, max_width, size, measure)).collect();
    let widths: Vec<i32> = texts.iter().map(|t| measure(t, size).ceil() as i32).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    // Room for leaders between the line ends and the labels.
    let gap = px(if lines.len() > 1 { 28.0 } else { 12.0 }, scale);
    let span = (hi + 1 - lo) as f64;
    let latest = lines.iter().map(|l| (l.day - lo) as f64 / span).fold(0.0, f64::max);
    if latest > 0.0 {
        let room = f64::from(right - gap - widest - plot.left) / latest;
        plot.right = plot.right.min(plot.left + room.floor() as i32);
    }
    plot.right = plot.right.max(plot.left + px(40.0, scale));
    let ends: Vec<(i32, i32)> = lines
        .iter()
        .map(|l| (plot.x_of(l.day).round() as i32, axis.y_of(l.value)))
        .collect();
    // Columns, from the right. A label starts a column at its own line's end when it fits
    // before the column to its right; otherwise it joins the leftmost column where it fits
    // before the next one (the rightmost column takes any).
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(ends[*i].0));
    let mut columns: Vec<(i32, Vec<usize>)> = Vec::new();
    for i in order {
        let own = ends[i].0 + gap;
        let reach = |x: i32| x + widths[i] + gap / 2;
        match columns.last() {
            Some((x, _)) if reach(own) > *x => {
                let k = (0..columns.len())
                    .rev()
                    .find(|k| *k == 0 || reach(columns[*k].0) <= columns[*k - 1].0)
                    .unwrap_or(0);
                columns[k].1.push(i);
            }
            _ => columns.push((own, vec![i])),
        }
    }
    let bounds = (f64::from(plot.top), f64::from(plot.bottom));
    let mut labels: Vec<Option<LineLabel>> = vec![None; lines.len()];
    for (x, members) in columns {
        let desired: Vec<f64> = members.iter().map(|i| f64::from(ends[*i].1)).collect();
        let centres = spread_labels(&desired, f64::from(line), bounds);
        for (i, y) in members.into_iter().zip(centres) {
            labels[i] = Some(LineLabel {
                series: lines[i].series,
                width: widths[i],
                text: texts[i].clone(),
                x,
                y: y.round() as i32,
                end: ends[i],
            });
        }
    }
    labels.into_iter().flatten().collect()
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
    fn time_axis_reads_in_years_and_in_days() {
        let measure = |t: &str| mono(t, 12.0);
        let texts = |labels: &[(i64, String)]| labels.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();
        // The whole war on a wide plot: years with months between them; round war days.
        let (dates, days) = time_axis((1, 1627), 1500.0, 14.0, Lang::En, &measure);
        assert_eq!(texts(&dates)[..6], ["Mar 2022", "May", "Jul", "Sep", "Nov", "2023"]);
        assert!(texts(&dates).contains(&"2026".to_string()));
        assert_eq!(
            texts(&days),
            ["Day 250", "Day 500", "Day 750", "Day 1,000", "Day 1,250", "Day 1,500"]
        );
        let (dates, _) = time_axis((1, 1627), 1100.0, 14.0, Lang::En, &measure);
        assert_eq!(texts(&dates)[..4], ["Apr 2022", "Jul", "Oct", "2023"]);
        // The same on a phone: years only, and fewer war days.
        let (dates, days) = time_axis((1, 1627), 250.0, 14.0, Lang::En, &measure);
        assert_eq!(texts(&dates), ["2023", "2024", "2025", "2026"]);
        assert_eq!(days.iter().map(|d| d.0).collect::<Vec<_>>(), [500, 1000, 1500]);
        // Thirty days: dates a week apart.
        let (dates, _) = time_axis((20, 50), 600.0, 14.0, Lang::En, &measure);
        assert_eq!(dates[0], (22, "17 Mar 2022".to_string()));
        assert_eq!(dates[1], (29, "24 Mar".to_string()), "the year once");
        assert!(dates.windows(2).all(|w| w[1].0 - w[0].0 == 7), "{dates:?}");
        // Across a new year, the first date of the new year says it.
        let (dates, _) = time_axis((300, 330), 900.0, 14.0, Lang::En, &measure);
        assert_eq!(texts(&dates)[1..3], ["29 Dec", "5 Jan 2023"], "{dates:?}");
        // Thirty days on a phone: three dates at least (a day and month, the year once).
        let (dates, _) = time_axis((20, 50), 310.0, 14.0, Lang::En, &measure);
        assert!(dates.len() >= 3, "{dates:?}");
        let (dates, _) = time_axis((1, 1627), 250.0, 14.0, Lang::Uk, &measure);
        assert_eq!(dates[0].1, "2023");
        // A plot too narrow for any label has none, and no panic.
        let (dates, days) = time_axis((1, 1627), 1.0, 14.0, Lang::En, &measure);
        assert!(dates.is_empty() && days.len() <= 1);
    }

    #[test]
    fn time_axis_measures_only_steps_that_could_fit() {
        // The whole war is 1,627 days: a step of days cannot fit on 1,500 px with a gap of 14
        // each, and its labels are neither written nor measured (they were, all of them, at
        // every step finer than the one chosen).
        let calls = std::cell::Cell::new(0);
        let measure = |t: &str| {
            calls.set(calls.get() + 1);
            mono(t, 12.0)
        };
        let (dates, _) = time_axis((1, 1627), 1500.0, 14.0, Lang::En, &measure);
        assert_eq!(dates[0].1, "Mar 2022");
        assert!(calls.get() <= 200, "{} measurements", calls.get());
    }
}
