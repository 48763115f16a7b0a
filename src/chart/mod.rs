//! Charts: what a chart shows (`spec`, the contract with the transforms), its colours (`theme`),
//! where its parts go (`layout`: pure primitives; `frame`: the whole chart, pure) and painting
//! it on any plotters backend (`paint`): canvas in the browser, SVG natively (`svg`), and PNG
//! for the link preview (`raster`).

pub mod frame;
pub mod layout;
pub mod paint;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod spec;
#[cfg(not(target_arch = "wasm32"))]
mod svg;
pub mod theme;

pub use frame::{NumberFormat, TextWidth};
pub use layout::{PlotArea, ValueAxis};
pub use paint::{canvas_font, draw, Drawn};
pub use spec::*;
#[cfg(not(target_arch = "wasm32"))]
pub use svg::themed_svg;
pub use theme::{Rgb, Theme, LIGHT};

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
        draw(&root, spec, &LIGHT, 1.0, (&|v| spec.lang.fixed(v, 0), &|_, _| None))?;
    }
    Ok(svg)
}
