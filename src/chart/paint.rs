//! Painting a laid-out chart on any plotters backend, in a theme's colours.
//!
//! Axes and marks are drawn with plotters' elements in pixel space (the mapping is `PlotArea`, the
//! same one the pointer uses), not with its chart builder and mesh, whose generic code would be a
//! large part of the wasm.

use super::frame::{self, Frame, Keyed, NumberFormat, TextWidth};
use super::layout::{decimate, decimate_indices, px, PlotArea};
use super::spec::{ChartSpec, FigureNote, Mark, Point, SeriesColor, SeriesSpec, SourceRef};
use super::theme::{Glyph, Rgb, Theme};
use super::DrawError;
use crate::data::{Date, Precision};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The plain sans-serif font at `size` pixels (named by family, never parsed from a string).
fn sans(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
}

/// The CSS font of the charts' text at `size` device pixels, as plotters-canvas sets it on the
/// canvas before drawing a text: the browser measures text in it as it will be drawn.
pub fn canvas_font(size: f64) -> String {
    let font = sans(size);
    format!(
        "{} {}px {}",
        font.get_style().as_str(),
        font.get_size(),
        font.get_family().as_str()
    )
}

/// Text in `font` and `color` (plotters' `color()` would tie the style to a borrowed colour).
fn styled(font: FontDesc<'static>, color: Rgb) -> TextStyle<'static> {
    let mut style = TextStyle::from(font);
    style.color = rgb(color).to_backend_color();
    style
}

/// What was drawn where: the plot (for the pointer) and the boxes of the line labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub plot: PlotArea,
    pub axis: super::layout::ValueAxis,
    /// Each line label's box (left, top, right, bottom), in device pixels.
    pub labels: Vec<(i32, i32, i32, i32)>,
    /// The row under the day labels (top, height) where the axis is named, and the text size:
    /// the crosshair layer names the selected day's event there.
    pub axis_name_row: (i32, i32),
    pub font: f64,
}

/// Draws the chart on `root` in `theme`'s colours. `scale` is device pixels per CSS pixel,
/// times the text factor: fonts, margins and strokes are multiplied by it, so that a canvas
/// sized in device pixels stays crisp and a wide chart keeps its proportions. `text_width`
/// gives the width of a text in the sans-serif font of a size (device pixels) where the caller
/// can measure it (the browser's canvas); otherwise the backend estimates it.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    theme: &Theme,
    scale: f64,
    (number, text_width): (NumberFormat<'_>, TextWidth<'_>),
) -> Result<Drawn, DrawError>
where
    DB::ErrorType: 'static,
{
    let measure = |text: &str, size: f64| -> f64 {
        text_width(text, size).unwrap_or_else(|| {
            root.estimate_text_size(text, &TextStyle::from(sans(size)))
                .map_or(text.chars().count() as f64 * size * 0.55, |(w, _)| f64::from(w))
        })
    };
    let (width, height) = root.dim_in_pixel();
    let frame = frame::frame(spec, (width as i32, height as i32), scale, &measure, number);
    let p = Painter {
        root,
        spec,
        theme,
        scale,
        f: &frame,
    };
    root.fill(&rgb(theme.surface))?;
    p.title_key_and_sources()?;
    p.axes()?;
    p.seams()?;
    for series in &spec.series {
        p.series(series)?;
    }
    p.figure_marks()?;
    p.time_axis_marks()?;
    p.line_labels()?;
    if frame.value_labels.is_empty() {
        p.no_figures()?;
    }
    root.present()?;
    Ok(Drawn {
        plot: frame.plot,
        axis: frame.axis,
        labels: frame.labels.iter().map(|l| l.bounds(frame.line)).collect(),
        axis_name_row: (frame.axis_name_top, frame.line),
        font: frame.fonts.text,
    })
}

struct Painter<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, Shift>,
    spec: &'a ChartSpec,
    theme: &'a Theme,
    scale: f64,
    f: &'a Frame,
}

impl<DB: DrawingBackend> Painter<'_, DB>
where
    DB::ErrorType: 'static,
{
    fn px(&self, v: f64) -> i32 {
        px(v, self.scale)
    }

    fn text(&self, color: Rgb) -> TextStyle<'static> {
        styled(sans(self.f.fonts.text), color)
    }

    fn x_of(&self, day: i64) -> i32 {
        self.f.plot.x_of(day).round() as i32
    }

    fn stroke(&self, width: f64) -> u32 {
        self.px(width).max(1) as u32
    }

    /// The centre of a label at `x`, moved in so that the label is not cut at the drawing's
    /// edges (centred on the drawing when it is wider than the drawing).
    fn inside(&self, x: i32, label: &str) -> i32 {
        let half = (label.chars().count() as f64 * self.f.fonts.text * 0.3).round() as i32;
        if 2 * half >= self.f.width {
            self.f.width / 2
        } else {
            x.clamp(half, self.f.width - half)
        }
    }

    /// The title (left, in lines), the key above the plot and the source line(s) at the foot.
    fn title_key_and_sources(&self) -> Result<(), DrawError> {
        let bold = FontDesc::new(FontFamily::SansSerif, self.f.fonts.title, FontStyle::Bold);
        let title = styled(bold, self.theme.ink);
        for (line, top) in &self.f.title {
            self.root
                .draw(&Text::new(line.as_str(), (self.f.pad, *top), title.clone()))?;
        }
        let key = self.text(self.theme.ink).pos(Pos::new(HPos::Left, VPos::Center));
        let swatch = self.px(18.0);
        for item in &self.f.key {
            let at = (item.x + swatch + self.px(6.0), item.y);
            match item.keyed {
                Keyed::Series(i) => self.swatch(&self.spec.series[i], (item.x, item.y), swatch)?,
                Keyed::Mark(i) => {
                    let entry = &self.spec.mark_key[i];
                    let shown = SeriesSpec {
                        id: String::new(),
                        label: String::new(),
                        name: String::new(),
                        color: SeriesColor::Ink,
                        mark: entry.mark,
                        source: SourceRef {
                            label: String::new(),
                            url: None,
                            ids: Vec::new(),
                        },
                        points: Vec::new(),
                        max_gap: 0,
                        glyph: entry.glyph,
                        keyed: true,
                    };
                    self.swatch(&shown, (item.x, item.y), swatch)?;
                }
                Keyed::Note(note) => self.figure_mark(note, (item.x + swatch / 2, item.y))?,
            }
            self.root.draw(&Text::new(item.text.as_str(), at, key.clone()))?;
        }
        let footer = self.text(self.theme.muted);
        for (line, top) in &self.f.sources {
            self.root
                .draw(&Text::new(line.as_str(), (self.f.pad, *top), footer.clone()))?;
        }
        Ok(())
    }

    /// Gridlines, ticks and their labels, the axis lines and the axis names.
    fn axes(&self) -> Result<(), DrawError> {
        let (plot, theme, f) = (&self.f.plot, self.theme, self.f);
        let right_aligned = self.text(theme.ink).pos(Pos::new(HPos::Right, VPos::Center));
        for (label, y) in &f.value_labels {
            let grid = vec![(plot.left, *y), (plot.right, *y)];
            self.root.draw(&PathElement::new(grid, rgb(theme.grid)))?;
            let at = (plot.left - self.px(6.0), *y);
            self.root.draw(&Text::new(label.as_str(), at, right_aligned.clone()))?;
        }
        let centred = self.text(theme.ink).pos(Pos::new(HPos::Center, VPos::Top));
        for (day, label) in &f.dates {
            let x = self.x_of(*day);
            let grid = vec![(x, plot.top), (x, plot.bottom)];
            self.root.draw(&PathElement::new(grid, rgb(theme.grid_minor)))?;
            let tick = vec![(x, plot.bottom), (x, plot.bottom + self.px(5.0))];
            self.root.draw(&PathElement::new(tick, rgb(theme.axis)))?;
            let x = self.inside(x, label);
            self.root
                .draw(&Text::new(label.as_str(), (x, f.days_top), centred.clone()))?;
        }
        let muted = self.text(theme.muted).pos(Pos::new(HPos::Center, VPos::Top));
        for (day, label) in &f.war_days {
            let x = self.x_of(*day);
            let top = f.days_top + f.line;
            let tick = vec![(x, top - self.px(2.0)), (x, top + self.px(1.0))];
            self.root.draw(&PathElement::new(tick, rgb(theme.axis)))?;
            let x = self.inside(x, label);
            self.root
                .draw(&Text::new(label.as_str(), (x, top + self.px(2.0)), muted.clone()))?;
        }
        let corner = vec![
            (plot.left, plot.top),
            (plot.left, plot.bottom),
            (plot.right, plot.bottom),
        ];
        self.root.draw(&PathElement::new(corner, rgb(theme.axis)))?;
        let name = self.text(theme.muted).pos(Pos::new(HPos::Center, VPos::Top));
        let under = ((plot.left + plot.right) / 2, f.axis_name_top);
        self.root
            .draw(&Text::new(tr!(self.spec.lang, AxisWarDayDate), under, name.clone()))?;
        let up = name.transform(FontTransform::Rotate270);
        let at = (f.pad, (plot.top + plot.bottom) / 2);
        self.root.draw(&Text::new(self.spec.y_label.as_str(), at, up))?;
        Ok(())
    }

    /// One series in its mark. A line joins the runs of its points (`SeriesSpec::runs`),
    /// decimated to the plot's pixel columns, and carries its glyph along it (about every
    /// 70 px) and at its end; the points it does not join are drawn alone. Lower bounds are
    /// drawn as lower bounds, rounded figures hollow, wherever they are.
    fn series(&self, series: &SeriesSpec) -> Result<(), DrawError> {
        let plot = &self.f.plot;
        let color = rgb(self.theme.series_color(series.color));
        let style = color.stroke_width(self.stroke(2.0));
        let at = |p: &Point| (self.x_of(p.day), self.f.axis.y_of(p.value));
        // Marks drawn one per point: at most two a pixel column (the highest and the lowest).
        let kept = || -> Vec<&Point> {
            decimate_indices(&series.xy(), plot.x_range, plot.columns())
                .into_iter()
                .map(|i| &series.points[i])
                .collect()
        };
        match series.mark {
            Mark::Bars | Mark::MonthBars => {
                let x0 = plot.x_range.0;
                let slot = (plot.x_of(x0 + 1) - plot.x_of(x0)).round().max(1.0) as i32;
                for p in kept() {
                    let (x, y) = at(p);
                    let left = match series.mark {
                        Mark::MonthBars => month_start(p.day).map_or(x, |d| self.x_of(d.max(x0))) + 1,
                        _ => x,
                    };
                    let bar = [(left, y), ((x + slot).max(left + 1), plot.bottom)];
                    self.root.draw(&Rectangle::new(bar, color.mix(0.85).filled()))?;
                }
                return Ok(());
            }
            Mark::Markers => {
                let glyph = series.glyph().unwrap_or(Glyph::Circle);
                for p in kept() {
                    self.point(glyph, p, 4.0, color)?;
                }
                return Ok(());
            }
            Mark::MonthSpans => {
                let line = color.stroke_width(self.stroke(3.0));
                for p in kept() {
                    let (x, y) = at(p);
                    let left = month_start(p.day).map_or(x, |d| self.x_of(d.max(plot.x_range.0)));
                    if p.precision == Precision::AtLeast {
                        self.lower_bound(((left + x) / 2, y), 4.0, color)?;
                    }
                    self.root
                        .draw(&PathElement::new(vec![(left, y), (x.max(left + 1), y)], line))?;
                }
                return Ok(());
            }
            Mark::Line | Mark::DashedLine => {}
        }
        let runs = series.runs();
        let glyph = series.glyph();
        for run in &runs {
            let xy: Vec<(i64, f64)> = series.points[run.clone()].iter().map(|p| (p.day, p.value)).collect();
            let points: Vec<(i32, i32)> = decimate(&xy, plot.x_range, plot.columns())
                .into_iter()
                .map(|(x, y)| (self.x_of(x), self.f.axis.y_of(y)))
                .collect();
            if points.len() > 1 {
                if series.mark == Mark::DashedLine {
                    let dashed = DashedPathElement::new(points.clone(), self.px(6.0), self.px(4.0), style);
                    self.root.draw(&dashed)?;
                } else {
                    self.root.draw(&PathElement::new(points.clone(), style))?;
                }
            }
            if let Some(glyph) = glyph {
                let spacing = self.px(70.0);
                let mut last_x: Option<i32> = None;
                for (i, p) in points.iter().enumerate() {
                    if last_x.is_none_or(|x| p.0 - x >= spacing) || i + 1 == points.len() {
                        self.glyph(glyph, *p, 3.5, color)?;
                        last_x = Some(p.0);
                    }
                }
            }
        }
        // What no line carries: points alone (a dot, or the series' glyph), lower bounds, and
        // rounded figures (hollow).
        let mut joined = vec![false; series.points.len()];
        for run in runs.iter().filter(|r| r.len() > 1) {
            joined[run.clone()].iter_mut().for_each(|j| *j = true);
        }
        for (i, p) in series.points.iter().enumerate() {
            let alone = !joined[i];
            if alone || p.precision != Precision::Exact {
                self.point(glyph.unwrap_or(Glyph::Circle), p, if alone { 3.5 } else { 3.0 }, color)?;
            }
        }
        Ok(())
    }

    /// One published figure as a mark: its glyph; hollow when rounded; a lower bound as one.
    fn point(&self, glyph: Glyph, p: &Point, r: f64, color: RGBColor) -> Result<(), DrawError> {
        let at = (self.x_of(p.day), self.f.axis.y_of(p.value));
        match p.precision {
            Precision::Exact => self.glyph(glyph, at, r, color),
            Precision::Rounded => {
                let ring = Circle::new(at, self.px(r), color.stroke_width(self.stroke(1.5)));
                self.root.draw(&ring)?;
                Ok(())
            }
            Precision::AtLeast => self.lower_bound(at, r, color),
        }
    }

    /// A lower bound at `(x, y)`: a floor at the value with an arrow rising from it (the true
    /// figure is at or above it), never a point.
    fn lower_bound(&self, (x, y): (i32, i32), r: f64, color: RGBColor) -> Result<(), DrawError> {
        let r = self.px(r);
        let line = color.stroke_width(self.stroke(1.5));
        self.root.draw(&PathElement::new(vec![(x - r, y), (x + r, y)], line))?;
        self.root.draw(&PathElement::new(vec![(x, y), (x, y - 2 * r)], line))?;
        let head = vec![
            (x - r / 2 - 1, y - 2 * r + r / 2 + 1),
            (x, y - 2 * r),
            (x + r / 2 + 1, y - 2 * r + r / 2 + 1),
        ];
        self.root.draw(&PathElement::new(head, line))?;
        Ok(())
    }

    /// Where the measure changed: a dashed rule across the plot, named at its top.
    fn seams(&self) -> Result<(), DrawError> {
        let plot = &self.f.plot;
        for seam in &self.spec.seams {
            if !(plot.x_range.0..=plot.x_range.1).contains(&seam.day) {
                continue;
            }
            let x = self.x_of(seam.day);
            let rule = DashedPathElement::new(
                vec![(x, plot.top), (x, plot.bottom)],
                self.px(3.0),
                self.px(3.0),
                rgb(self.theme.muted).stroke_width(self.stroke(1.0)),
            );
            self.root.draw(&rule)?;
            // Right of the rule, or left of it where the plot ends too soon for the words.
            let wide = (seam.label.chars().count() as f64 * self.f.fonts.text * 0.55).round() as i32;
            let (h, at) = if x + self.px(3.0) + wide <= plot.right {
                (HPos::Left, (x + self.px(3.0), plot.top + self.px(2.0)))
            } else {
                (HPos::Right, (x - self.px(3.0), plot.top + self.px(2.0)))
            };
            let style = self.text(self.theme.muted).pos(Pos::new(h, VPos::Top));
            self.root.draw(&Text::new(seam.label.as_str(), at, style))?;
        }
        Ok(())
    }

    /// A glyph of radius `r` CSS px centred on `at`. Triangles are outlined (filling a polygon
    /// would add plotters' rasteriser to the wasm).
    fn glyph(&self, glyph: Glyph, (x, y): (i32, i32), r: f64, color: RGBColor) -> Result<(), DrawError> {
        let r = self.px(r);
        let line = color.stroke_width(self.stroke(2.0));
        match glyph {
            Glyph::Circle => self.root.draw(&Circle::new((x, y), r, color.filled()))?,
            Glyph::Square => self.root.draw(&Rectangle::new(
                [(x - r + 1, y - r + 1), (x + r - 1, y + r - 1)],
                color.filled(),
            ))?,
            Glyph::Triangle => {
                let path = vec![(x - r, y + r - 1), (x + r, y + r - 1), (x, y - r), (x - r, y + r - 1)];
                self.root.draw(&PathElement::new(path, line))?;
            }
            Glyph::Cross => {
                self.root
                    .draw(&PathElement::new(vec![(x - r, y - r), (x + r, y + r)], line))?;
                self.root
                    .draw(&PathElement::new(vec![(x - r, y + r), (x + r, y - r)], line))?;
            }
        }
        Ok(())
    }

    /// Claims (hollow diamonds) and caveats (rings) on the figures they are about.
    fn figure_marks(&self) -> Result<(), DrawError> {
        for m in &self.spec.marks {
            self.figure_mark(m.note, (self.x_of(m.day), self.f.axis.y_of(m.value)))?;
        }
        Ok(())
    }

    /// A claim's hollow diamond or a caveat's ring, in the claims' colour (no series has it),
    /// centred on `(x, y)`: on the chart and in its key.
    fn figure_mark(&self, note: FigureNote, (x, y): (i32, i32)) -> Result<(), DrawError> {
        let line = rgb(self.theme.claim).stroke_width(self.stroke(2.0));
        let r = self.px(6.0);
        match note {
            FigureNote::Claim => {
                let diamond = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
                self.root.draw(&PathElement::new(diamond, line))?;
            }
            FigureNote::Caveat => self.root.draw(&Circle::new((x, y), r, line))?,
        }
        Ok(())
    }

    /// On the time axis: a stroke above it on each day with quotes, and one under it on each
    /// day with an event (the names show for the hovered or selected day).
    fn time_axis_marks(&self) -> Result<(), DrawError> {
        let b = self.f.plot.bottom;
        let quote = rgb(self.theme.quote).stroke_width(self.stroke(3.0));
        for (day, _) in &self.spec.quote_days {
            let x = self.x_of(*day);
            let tick = vec![(x, b - self.px(1.0)), (x, b - self.px(8.0))];
            self.root.draw(&PathElement::new(tick, quote))?;
        }
        let event = rgb(self.theme.event).stroke_width(self.stroke(3.0));
        for e in &self.spec.events {
            let x = self.x_of(e.day);
            let tick = vec![(x, b + self.px(1.0)), (x, b + self.px(8.0))];
            self.root.draw(&PathElement::new(tick, event))?;
        }
        Ok(())
    }

    /// Each line's name at its end, in its colour, with a thin neutral leader where the label
    /// moved (in the line's colour it would read as the line going on).
    fn line_labels(&self) -> Result<(), DrawError> {
        let gap = self.px(30.0);
        for label in &self.f.labels {
            let series = &self.spec.series[label.series];
            let color = self.theme.series_color(series.color);
            if label.moved(gap) {
                let from = (label.end.0 + self.px(4.0), label.end.1);
                let to = (label.x - self.px(3.0), label.y);
                let leader = PathElement::new(vec![from, to], rgb(self.theme.axis).stroke_width(1));
                self.root.draw(&leader)?;
            }
            let style = self.text(color).pos(Pos::new(HPos::Left, VPos::Center));
            self.root
                .draw(&Text::new(label.text.as_str(), (label.x, label.y), style))?;
        }
        Ok(())
    }

    /// Says so when the range shown has no figure on this chart.
    fn no_figures(&self) -> Result<(), DrawError> {
        let plot = &self.f.plot;
        let style = self.text(self.theme.muted).pos(Pos::new(HPos::Center, VPos::Center));
        let centre = ((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2);
        self.root
            .draw(&Text::new(tr!(self.spec.lang, NoFiguresInDaysShown), centre, style))?;
        Ok(())
    }

    /// A series' mark in small, `width` wide, its left end at `(x, y)`.
    fn swatch(&self, series: &SeriesSpec, (x, y): (i32, i32), width: i32) -> Result<(), DrawError> {
        let color = rgb(self.theme.series_color(series.color));
        match series.mark {
            Mark::Bars => {
                let bar = [(x + width / 4, y - self.px(5.0)), (x + width * 3 / 4, y + self.px(5.0))];
                self.root.draw(&Rectangle::new(bar, color.mix(0.85).filled()))?;
            }
            Mark::Markers => {
                let glyph = series.glyph().unwrap_or(Glyph::Circle);
                let mut shown = Point::plain(0, 0.0);
                shown.precision = series.precision().unwrap_or_default();
                let at = (x + width / 2, y);
                match shown.precision {
                    Precision::Exact => self.glyph(glyph, at, 4.0, color)?,
                    Precision::Rounded => {
                        self.root
                            .draw(&Circle::new(at, self.px(4.0), color.stroke_width(self.stroke(1.5))))?;
                    }
                    Precision::AtLeast => self.lower_bound((at.0, at.1 + self.px(4.0)), 4.0, color)?,
                }
            }
            Mark::MonthBars => {
                let bar = [(x, y - self.px(5.0)), (x + width, y + self.px(5.0))];
                self.root.draw(&Rectangle::new(bar, color.mix(0.85).filled()))?;
            }
            Mark::MonthSpans => {
                let line = color.stroke_width(self.stroke(3.0));
                self.root.draw(&PathElement::new(
                    vec![(x + width / 4, y), (x + width * 3 / 4, y)],
                    line,
                ))?;
            }
            Mark::Line | Mark::DashedLine => {
                let ends = vec![(x, y), (x + width, y)];
                if series.mark == Mark::DashedLine {
                    let line = color.stroke_width(self.stroke(2.0));
                    let (dash, space) = (self.px(6.0), self.px(4.0));
                    self.root.draw(&DashedPathElement::new(ends, dash, space, line))?;
                } else {
                    self.root
                        .draw(&PathElement::new(ends, color.stroke_width(self.stroke(3.0))))?;
                }
                // A line's glyph, as on the line: lines of one colour stay apart in the key.
                if let Some(glyph) = series.glyph {
                    self.glyph(glyph, (x + width / 2, y), 3.5, color)?;
                }
            }
        }
        Ok(())
    }
}

/// The war day of the first day of `day`'s month.
fn month_start(day: i64) -> Option<i64> {
    Date::from_war_day(day).map(|d| d.month_start().war_day())
}
