//! A series' swatch in HTML, as the legend and the tooltip (`hover_paint`) show it: a short line
//! (dashed where the series is) or a block, with the series' glyph.

use crate::chart::{Mark, SeriesColor};
use yew::prelude::*;

/// The class of a series' swatch: a short line (dashed where the series is), a block or a marker.
pub fn swatch_shape(mark: Mark) -> &'static str {
    match mark {
        Mark::Line => "swatch-line",
        Mark::DashedLine => "swatch-dashed",
        Mark::Bars | Mark::MonthBars => "swatch-bar",
        Mark::Markers => "swatch-marker",
        Mark::MonthSpans => "swatch-line",
    }
}

/// A series' swatch; its colour is the theme's custom property, so it follows the theme.
pub fn swatch(color: SeriesColor, mark: Mark) -> Html {
    let glyph = color.glyph().map(|g| g.css_class());
    html! {
        <span class={classes!("swatch", swatch_shape(mark))} style={format!("color: {}", color.css_var())} aria-hidden="true">
            if let Some(glyph) = glyph { <span class={classes!("glyph", glyph)}></span> }
        </span>
    }
}
