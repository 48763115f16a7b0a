//! The marks over a chart that follow the reader, as a few elements placed by CSS transforms
//! over the chart's canvas: the selected day (a solid line, and its event named in the row of
//! the axis's name) and a range being dragged (shaded); the hovered day's marks are written by
//! `hover_paint` in the same way. Moving elements costs the browser far less than clearing and
//! redrawing a canvas on every pointer move.

use crate::chart::{ChartSpec, Drawn};
use yew::{html, Html};

/// Where a chart was drawn, and at how many device pixels per CSS pixel.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub drawn: Drawn,
    pub ratio: f64,
}

impl Placed {
    /// The CSS x of a day's column, if the day is in the chart's range.
    pub fn x(&self, day: i64) -> Option<f64> {
        let area = &self.drawn.plot;
        (area.x_range.0..=area.x_range.1)
            .contains(&day)
            .then(|| area.x_of(day) / self.ratio.max(1.0))
    }

    /// The plot's top and height, CSS px.
    pub fn rows(&self) -> (f64, f64) {
        let (area, ratio) = (&self.drawn.plot, self.ratio.max(1.0));
        (f64::from(area.top) / ratio, f64::from(area.bottom - area.top) / ratio)
    }
}

/// A vertical line of the plot's height at a day.
fn day_line(placed: &Placed, day: i64, class: &'static str) -> Option<Html> {
    let x = placed.x(day)?;
    let (top, height) = placed.rows();
    let style = format!("transform: translate({x:.1}px, {top:.1}px); height: {height:.1}px");
    Some(html! { <span class={class} style={style}></span> })
}

/// The selected day (with its event named under the axis) and the range being dragged.
pub fn selection_marks(spec: &ChartSpec, placed: &Placed, selected: Option<i64>, band: Option<(i64, i64)>) -> Html {
    let band = band.and_then(|(a, b)| {
        let (from, to) = (
            placed.x(a.min(b))?,
            placed.x(a.max(b) + 1).or_else(|| placed.x(a.max(b)))?,
        );
        let (top, height) = placed.rows();
        let style = format!(
            "transform: translate({from:.1}px, {top:.1}px); width: {:.1}px; height: {height:.1}px",
            (to - from).max(1.0)
        );
        Some(html! { <span class="drag-band" style={style}></span> })
    });
    let event = selected.and_then(|day| spec.events.iter().find(|e| e.day == day));
    let event = event.map(|e| {
        let ratio = placed.ratio.max(1.0);
        let (top, height) = placed.drawn.axis_name_row;
        let style = format!(
            "top: {:.1}px; height: {:.1}px; left: {:.1}px",
            f64::from(top) / ratio,
            f64::from(height) / ratio,
            f64::from(placed.drawn.plot.left) / ratio
        );
        html! { <span class="event-name" style={style}>{ tr!(spec.lang, EventOnDay, day = e.day, title = e.title) }</span> }
    });
    html! {
        <>
        { band.unwrap_or_default() }
        { selected.and_then(|day| day_line(placed, day, "selected-line")).unwrap_or_default() }
        { event.unwrap_or_default() }
        </>
    }
}
