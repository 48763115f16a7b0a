//! Charts: what a chart shows (`spec`, the contract with the transforms), its colours (`theme`),
//! where its parts go (`layout`: pure primitives; `frame`: the whole chart, pure) and painting
//! it on any plotters backend (`paint`): canvas in the browser, SVG natively.

pub mod frame;
pub mod layout;
pub mod paint;
pub mod spec;
pub mod theme;

pub use frame::NumberFormat;
pub use layout::{day_label, PlotArea, ValueAxis};
pub use paint::{draw, Drawn};
pub use spec::*;
pub use theme::{Rgb, Theme, LIGHT};

pub use crate::data::group_digits;
use plotters::drawing::DrawingAreaErrorKind;
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

/// Draws a chart to an SVG string in the light theme (native; for tests and snapshots).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, DrawError> {
    use plotters::prelude::IntoDrawingArea;
    let mut svg = String::new();
    {
        let root = plotters_svg::SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, spec, &LIGHT, 1.0, &group_digits)?;
    }
    Ok(svg)
}

/// The chart as an SVG element for the page itself (native; the first view baked into
/// index.html): drawn by the same code at `width` x `height`, scaling with its box (viewBox),
/// with every colour of the light theme written as the theme's custom property, so the picture
/// follows the reader's light or dark theme like the rest of the page.
#[cfg(not(target_arch = "wasm32"))]
pub fn themed_svg(
    spec: &ChartSpec,
    (width, height): (u32, u32),
    class: &str,
    label: &str,
) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        use plotters::prelude::IntoDrawingArea;
        let root = plotters_svg::SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, spec, &LIGHT, 1.0, &frame::compact_number)?;
    }
    let svg = page_svg_attributes(&svg);
    let opening = format!("<svg width=\"{width}\" height=\"{height}\" ");
    let escaped = label.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let svg = svg.replacen(
        &opening,
        &format!("<svg class=\"{class}\" role=\"img\" aria-label=\"{escaped}\" "),
        1,
    );
    Ok(theme::with_custom_properties(&svg))
}

/// An SVG of plotters' backend as the page needs it: font sizes as drawn (the backend writes
/// them divided by 1.24; the layout measured them at their size, like the canvas draws them),
/// rounded to a tenth, and without the attributes that only repeat defaults or the
/// stylesheet (`opacity="1"`, the font family).
#[cfg(not(target_arch = "wasm32"))]
fn page_svg_attributes(svg: &str) -> String {
    let svg = svg
        .replace(" opacity=\"1\"", "")
        .replace(" font-family=\"sans-serif\"", "");
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg.as_str();
    while let Some(at) = rest.find("font-size=\"") {
        let (head, tail) = rest.split_at(at + "font-size=\"".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        match tail[..end].parse::<f64>() {
            Ok(size) => out.push_str(&format!("{:.1}", size * 1.24)),
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn page_svgs_have_their_drawn_font_sizes() {
        let svg = r#"<text x="1" font-family="sans-serif" font-size="9.67741935483871" opacity="1">0</text>"#;
        assert_eq!(
            super::page_svg_attributes(svg),
            r#"<text x="1" font-size="12.0">0</text>"#
        );
    }
}
