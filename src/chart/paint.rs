//! Painting a laid-out chart on any plotters backend, in a theme's colours.
//!
//! Axes and marks are drawn with plotters' elements in pixel space (the mapping is `PlotArea`, the
//! same one the pointer uses), not with its chart builder and mesh, whose generic code would be a
//! large part of the wasm.

use super::layout::{self, day_label, decimate, layout_event_labels, px, Frame, PlotArea, ValueAxis};
use super::spec::{ChartSpec, FigureNote, Mark, SeriesSpec};
use super::theme::{Rgb, Theme};
use super::DrawError;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// How numbers on the value axis are written (the browser passes its Intl formatter).
pub type NumberFormat<'a> = &'a dyn Fn(f64) -> String;

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The plain sans-serif font at `size` pixels (named by family, never parsed from a string).
fn sans(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
}

/// Text in `font` and `color` (plotters' `color()` would tie the style to a borrowed colour).
fn styled(font: FontDesc<'static>, color: Rgb) -> TextStyle<'static> {
    let mut style = TextStyle::from(font);
    style.color = rgb(color).to_backend_color();
    style
}

/// Draws the chart on `root` in `theme`'s colours. `scale` is the device pixel ratio: fonts,
/// margins and strokes are multiplied by it so that a canvas sized in device pixels stays crisp.
/// Returns where the plot is.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    theme: &Theme,
    scale: f64,
    number: NumberFormat<'_>,
) -> Result<PlotArea, DrawError>
where
    DB::ErrorType: 'static,
{
    let (width, height) = root.dim_in_pixel();
    let frame = layout::frame(spec, (width as i32, height as i32), scale);
    let axis = ValueAxis::new(spec, &frame.plot);
    let p = Painter {
        root,
        spec,
        theme,
        scale,
        frame,
        axis,
    };
    root.fill(&rgb(theme.surface))?;
    p.title_and_source()?;
    p.axes(number)?;
    for series in &spec.series {
        p.series(series)?;
    }
    p.figure_marks()?;
    p.quote_markers()?;
    let key_top = p.events()?;
    p.key(key_top)?;
    root.present()?;
    Ok(p.frame.plot)
}

struct Painter<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, Shift>,
    spec: &'a ChartSpec,
    theme: &'a Theme,
    scale: f64,
    frame: Frame,
    axis: ValueAxis,
}

impl<DB: DrawingBackend> Painter<'_, DB>
where
    DB::ErrorType: 'static,
{
    fn px(&self, v: f64) -> i32 {
        px(v, self.scale)
    }

    /// Text of `size` CSS pixels in `color`.
    fn text(&self, size: f64, color: Rgb) -> TextStyle<'static> {
        styled(sans(f64::from(self.px(size))), color)
    }

    fn x_of(&self, day: i64) -> i32 {
        self.frame.plot.x_of(day).round() as i32
    }

    /// The title on top, the source line(s) under everything.
    fn title_and_source(&self) -> Result<(), DrawError> {
        let f = &self.frame;
        let footer = self.text(12.0, self.theme.muted);
        for (i, line) in f.source_lines.iter().enumerate() {
            let y = f.footer_top + self.px(4.0) + i as i32 * f.footer_line;
            self.root
                .draw(&Text::new(line.as_str(), (self.px(10.0), y), footer.clone()))?;
        }
        let bold = FontDesc::new(FontFamily::SansSerif, f64::from(self.px(17.0)), FontStyle::Bold);
        let title = styled(bold, self.theme.ink).pos(Pos::new(HPos::Center, VPos::Top));
        self.root.draw(&Text::new(
            self.spec.title.as_str(),
            (f.width / 2, self.px(10.0)),
            title,
        ))?;
        Ok(())
    }

    /// Gridlines, ticks and their labels, the axis lines and the axis names.
    fn axes(&self, number: NumberFormat<'_>) -> Result<(), DrawError> {
        let (plot, theme) = (&self.frame.plot, self.theme);
        let label = self.text(12.0, theme.ink);
        let right_aligned = label.pos(Pos::new(HPos::Right, VPos::Center));
        for (value, y) in self.axis.ticks() {
            self.root.draw(&PathElement::new(
                vec![(plot.left, y), (plot.right, y)],
                rgb(theme.grid),
            ))?;
            let at = (plot.left - self.px(6.0), y);
            self.root.draw(&Text::new(number(value), at, right_aligned.clone()))?;
        }
        let centred = label.pos(Pos::new(HPos::Center, VPos::Top));
        for day in layout::day_ticks(plot.x_range, self.frame.day_labels) {
            let x = self.x_of(day);
            let grid = vec![(x, plot.top), (x, plot.bottom)];
            self.root.draw(&PathElement::new(grid, rgb(theme.grid_minor)))?;
            let tick = vec![(x, plot.bottom), (x, plot.bottom + self.px(5.0))];
            self.root.draw(&PathElement::new(tick, rgb(theme.axis)))?;
            let at = (x, plot.bottom + self.px(8.0));
            self.root.draw(&Text::new(day_label(day), at, centred.clone()))?;
        }
        let corner = vec![
            (plot.left, plot.top),
            (plot.left, plot.bottom),
            (plot.right, plot.bottom),
        ];
        self.root.draw(&PathElement::new(corner, rgb(theme.axis)))?;
        // Axis names: "War day · date" under the day labels, the unit up the left side.
        let under = ((plot.left + plot.right) / 2, plot.bottom + self.px(26.0));
        self.root.draw(&Text::new("War day · date", under, centred))?;
        let up = label
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let at = (self.px(8.0), (plot.top + plot.bottom) / 2);
        self.root.draw(&Text::new(self.spec.y_label.as_str(), at, up))?;
        Ok(())
    }

    /// One series in its mark, decimated to the plot's pixel columns.
    fn series(&self, series: &SeriesSpec) -> Result<(), DrawError> {
        let plot = &self.frame.plot;
        let color = rgb(self.theme.series_color(series.color));
        let stroke = self.px(2.0).max(1) as u32;
        let points: Vec<(i32, i32)> = decimate(&series.xy(), plot.x_range, plot.columns())
            .into_iter()
            .map(|(x, y)| (self.x_of(x), self.axis.y_of(y)))
            .collect();
        match series.mark {
            Mark::Line => self.root.draw(&PathElement::new(points, color.stroke_width(stroke)))?,
            Mark::DashedLine => self.root.draw(&DashedPathElement::new(
                points,
                self.px(6.0),
                self.px(4.0),
                color.stroke_width(stroke),
            ))?,
            Mark::Bars => {
                let x0 = plot.x_range.0;
                let slot = (plot.x_of(x0 + 1) - plot.x_of(x0)).round().max(1.0) as i32;
                for (x, y) in points {
                    let bar = [(x, y), (x + slot, plot.bottom)];
                    self.root.draw(&Rectangle::new(bar, color.mix(0.85).filled()))?;
                }
            }
            Mark::Markers => {
                for p in points {
                    self.root.draw(&Circle::new(p, self.px(3.5), color.filled()))?;
                }
            }
        }
        Ok(())
    }

    /// Claims (hollow diamonds) and caveats (rings) on the figures they are about.
    fn figure_marks(&self) -> Result<(), DrawError> {
        let line = rgb(self.theme.claim).stroke_width(self.px(2.0).max(1) as u32);
        for m in &self.spec.marks {
            let (x, y, r) = (self.x_of(m.day), self.axis.y_of(m.value), self.px(6.0));
            match m.note {
                FigureNote::Claim => {
                    let diamond = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
                    self.root.draw(&PathElement::new(diamond, line))?;
                }
                FigureNote::Caveat => self.root.draw(&Circle::new((x, y), r, line))?,
            }
        }
        Ok(())
    }

    /// A small triangle above the time axis at each day with a quote (outlined: plotters'
    /// polygon fill would add its rasteriser to the wasm).
    fn quote_markers(&self) -> Result<(), DrawError> {
        let line = rgb(self.theme.quote).stroke_width(self.px(2.0).max(1) as u32);
        for (day, _) in &self.spec.quote_days {
            let (x, b) = (self.x_of(*day), self.frame.plot.bottom - self.px(2.0));
            let (w, h) = (self.px(4.0), self.px(7.0));
            let triangle = vec![(x - w, b), (x + w, b), (x, b - h), (x - w, b)];
            self.root.draw(&PathElement::new(triangle, line))?;
        }
        Ok(())
    }

    /// Events: a thin line at each day, labels in two rows at the top, never overlapping.
    /// Returns where the colour key can start (under the labels).
    fn events(&self) -> Result<i32, DrawError> {
        let plot = &self.frame.plot;
        if self.spec.events.is_empty() {
            return Ok(plot.top + self.px(6.0));
        }
        let events: Vec<(f64, String)> = self
            .spec
            .events
            .iter()
            .map(|e| (plot.x_of(e.day), e.title.clone()))
            .collect();
        let color = rgb(self.theme.event);
        for (x, _) in &events {
            let x = x.round() as i32;
            self.root.draw(&PathElement::new(
                vec![(x, plot.top), (x, plot.bottom)],
                color.mix(0.35),
            ))?;
        }
        let font = f64::from(self.px(11.0));
        let style = styled(sans(font), self.theme.event);
        let row = self.px(14.0);
        for label in layout_event_labels(&events, font * 0.55, 2, 28) {
            let at = (
                label.x.round() as i32 + self.px(3.0),
                plot.top + self.px(2.0) + label.row as i32 * row,
            );
            self.root.draw(&Text::new(label.text, at, style.clone()))?;
        }
        Ok(plot.top + self.px(2.0) + 2 * row + self.px(6.0))
    }

    /// The colour key: one row per series with a swatch in the series' own mark, in a box whose
    /// top-left corner is at the plot's left and `top`.
    fn key(&self, top: i32) -> Result<(), DrawError> {
        let series = &self.spec.series;
        if series.is_empty() {
            return Ok(());
        }
        let left = self.frame.plot.left + self.px(8.0);
        let style = self.text(12.0, self.theme.ink).pos(Pos::new(HPos::Left, VPos::Center));
        let (pad, row, swatch) = (self.px(6.0), self.px(17.0), self.px(18.0));
        let mut text_width = 0;
        for s in series {
            text_width = text_width.max(self.root.estimate_text_size(&s.label, &style)?.0 as i32);
        }
        let corner = (
            left + pad + swatch + pad + text_width + pad,
            top + 2 * pad + series.len() as i32 * row,
        );
        let surface = rgb(self.theme.surface);
        self.root
            .draw(&Rectangle::new([(left, top), corner], surface.mix(0.85).filled()))?;
        self.root
            .draw(&Rectangle::new([(left, top), corner], rgb(self.theme.line)))?;
        for (i, s) in series.iter().enumerate() {
            let (x, y) = (left + pad, top + pad + i as i32 * row + row / 2);
            self.swatch(s, (x, y), swatch)?;
            self.root
                .draw(&Text::new(s.label.as_str(), (x + swatch + pad, y), style.clone()))?;
        }
        Ok(())
    }

    /// A series' mark in small, `width` wide, its left end at `(x, y)`.
    fn swatch(&self, series: &SeriesSpec, (x, y): (i32, i32), width: i32) -> Result<(), DrawError> {
        let color = rgb(self.theme.series_color(series.color));
        let line = color.stroke_width(self.px(3.0).max(1) as u32);
        match series.mark {
            Mark::Line => self.root.draw(&PathElement::new(vec![(x, y), (x + width, y)], line))?,
            Mark::DashedLine => {
                let dash = width * 2 / 5;
                self.root.draw(&PathElement::new(vec![(x, y), (x + dash, y)], line))?;
                let second = vec![(x + width - dash, y), (x + width, y)];
                self.root.draw(&PathElement::new(second, line))?;
            }
            Mark::Bars => {
                let bar = [(x + width / 4, y - self.px(5.0)), (x + width * 3 / 4, y + self.px(5.0))];
                self.root.draw(&Rectangle::new(bar, color.mix(0.85).filled()))?;
            }
            Mark::Markers => {
                let dot = Circle::new((x + width / 2, y), self.px(4.0), color.filled());
                self.root.draw(&dot)?;
            }
        }
        Ok(())
    }
}
