//! The layer over a chart that follows the reader: the selected day (solid line, and its event
//! named under the axis), the hovered day (dashed line, a dot on each series' figure, larger on
//! the series the pointer is on), and a range being dragged (shaded).

use crate::chart::{ChartSpec, Drawn, Theme};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Where a chart was drawn, and at how many device pixels per CSS pixel.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub drawn: Drawn,
    pub ratio: f64,
}

/// Where the reader is on a chart.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Crosshairs {
    pub selected: Option<i64>,
    pub hover: Option<i64>,
    /// The series the pointer is on (an index into the chart's series).
    pub hovered_series: Option<usize>,
    pub band: Option<(i64, i64)>,
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// Redraws the layer over `chart` for `at`.
pub fn draw(
    overlay: &HtmlCanvasElement,
    chart: &HtmlCanvasElement,
    spec: &ChartSpec,
    (placed, theme): (&Placed, &Theme),
    at: Crosshairs,
) {
    overlay.set_width(chart.width());
    overlay.set_height(chart.height());
    let Some(ctx) = context(overlay) else { return };
    ctx.clear_rect(0.0, 0.0, f64::from(overlay.width()), f64::from(overlay.height()));
    let (area, ratio) = (&placed.drawn.plot, placed.ratio);
    let in_range = |d: i64| (area.x_range.0..=area.x_range.1).contains(&d);
    if let Some((a, b)) = at.band {
        let (x0, x1) = (area.x_of(a.min(b)), area.x_of(a.max(b) + 1));
        ctx.set_fill_style_str(&theme.band.rgba(0.15));
        ctx.fill_rect(x0, f64::from(area.top), x1 - x0, f64::from(area.bottom - area.top));
    }
    let line = |day: i64, color: String, dash: bool| {
        let x = area.x_of(day).round() + 0.5;
        ctx.begin_path();
        ctx.set_stroke_style_str(&color);
        ctx.set_line_width((1.5 * ratio).max(1.0));
        let pattern = if dash {
            js_sys::Array::of2(&JsValue::from(4.0 * ratio), &JsValue::from(3.0 * ratio))
        } else {
            js_sys::Array::new()
        };
        ctx.set_line_dash(&pattern).ok();
        ctx.move_to(x, f64::from(area.top));
        ctx.line_to(x, f64::from(area.bottom));
        ctx.stroke();
    };
    if let Some(day) = at.selected.filter(|d| in_range(*d)) {
        line(day, theme.selected.rgba(0.85), false);
        event_name(&ctx, spec, placed, theme, day);
    }
    if let Some(day) = at.hover.filter(|d| in_range(*d)) {
        if Some(day) != at.selected {
            line(day, theme.hover.rgba(0.75), true);
        }
        dots(&ctx, spec, (placed, theme), day, at.hovered_series);
    }
}

/// A dot on each series' figure of `day`, in the series' colour on a ring of the chart's ground;
/// the hovered series' dot is larger.
fn dots(
    ctx: &CanvasRenderingContext2d,
    spec: &ChartSpec,
    (placed, theme): (&Placed, &Theme),
    day: i64,
    hovered: Option<usize>,
) {
    let (area, axis, ratio) = (&placed.drawn.plot, &placed.drawn.axis, placed.ratio);
    let x = area.x_of(day);
    ctx.set_line_dash(&js_sys::Array::new()).ok();
    for (i, series) in spec.series.iter().enumerate() {
        let Some(point) = series.at(day) else { continue };
        let radius = if Some(i) == hovered { 5.0 } else { 3.0 } * ratio;
        let y = f64::from(axis.y_of(point.value));
        ctx.begin_path();
        ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU).ok();
        ctx.set_fill_style_str(&theme.series_color(series.color).rgba(1.0));
        ctx.fill();
        ctx.set_line_width(1.5 * ratio);
        ctx.set_stroke_style_str(&theme.surface.rgba(1.0));
        ctx.stroke();
    }
}

/// The name of the selected day's event, in the row under the day labels (over the axis's own
/// name), centred on the day and never cut at the chart's edges.
fn event_name(ctx: &CanvasRenderingContext2d, spec: &ChartSpec, placed: &Placed, theme: &Theme, day: i64) {
    let Some(event) = spec.events.iter().find(|e| e.day == day) else {
        return;
    };
    let (top, height) = placed.drawn.axis_name_row;
    let width = f64::from(ctx.canvas().map_or(0, |c| c.width()));
    ctx.set_font(&format!("{}px sans-serif", placed.drawn.font.round()));
    let text = format!("Event: {}", event.title);
    let text_width = ctx.measure_text(&text).map_or(0.0, |m| m.width()).min(width);
    let x = (placed.drawn.plot.x_of(day) - text_width / 2.0).clamp(0.0, (width - text_width).max(0.0));
    ctx.set_fill_style_str(&theme.surface.rgba(1.0));
    ctx.fill_rect(0.0, f64::from(top) - 2.0, width, f64::from(height) + 4.0);
    ctx.set_fill_style_str(&theme.event_text.rgba(1.0));
    ctx.set_text_baseline("top");
    ctx.fill_text_with_max_width(&text, x, f64::from(top), width).ok();
}
