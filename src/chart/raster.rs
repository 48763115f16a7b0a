//! Charts as PNG pictures (native only): the link preview's picture of the first chart
//! (`og:image`), drawn at build time by the same chart code on a plotters backend that paints
//! with tiny-skia and writes text in DejaVu Sans (bundled in `fonts/`, subset, with its licence),
//! measured by the same font, so the picture needs no browser and no system font.

use super::{draw, ChartSpec, DrawError, LIGHT};
use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};
use std::fmt;
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};
use ttf_parser::{Face, OutlineBuilder};

const REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// Why a picture could not be painted or written.
#[derive(Debug)]
pub struct RasterError(String);

impl fmt::Display for RasterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RasterError {}

type Drawing = Result<(), DrawingErrorKind<RasterError>>;

fn failed(message: impl Into<String>) -> DrawingErrorKind<RasterError> {
    DrawingErrorKind::DrawingError(RasterError(message.into()))
}

/// The chart as a PNG of `width` x `height` CSS pixels at `scale` device pixels each, in the
/// light theme.
pub fn png(spec: &ChartSpec, (width, height): (u32, u32), scale: f64) -> Result<Vec<u8>, DrawError> {
    let size = (
        (f64::from(width) * scale).round() as u32,
        (f64::from(height) * scale).round() as u32,
    );
    let fonts = Fonts::new().map_err(|e| DrawError(e.to_string()))?;
    let mut backend = Raster::new(size, &fonts).map_err(|e| DrawError(e.to_string()))?;
    {
        let root = (&mut backend).into_drawing_area();
        let measure = |text: &str, size: f64| Some(fonts.width(text, size, false));
        draw(&root, spec, &LIGHT, scale, (&|v| spec.lang.compact(v), &measure))?;
    }
    backend
        .pixmap
        .encode_png()
        .map_err(|e| DrawError(format!("the picture could not be written as PNG: {e}")))
}

/// The two faces the charts write in.
struct Fonts<'a> {
    regular: Face<'a>,
    bold: Face<'a>,
}

impl Fonts<'static> {
    fn new() -> Result<Self, RasterError> {
        let face =
            |data| Face::parse(data, 0).map_err(|e| RasterError(format!("the bundled font cannot be read: {e}")));
        Ok(Fonts {
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
        })
    }
}

impl Fonts<'_> {
    fn face(&self, bold: bool) -> &Face<'_> {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The width of `text` at `size` pixels, by the font's advances.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let face = self.face(bold);
        let scale = size / f64::from(face.units_per_em());
        text.chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(size * 0.6, |a| f64::from(a) * scale)
            })
            .sum()
    }
}

/// A glyph's outline into a path, scaled and moved to its place (font units are y-up).
struct Outline<'a> {
    path: &'a mut PathBuilder,
    scale: f32,
    x: f32,
    y: f32,
}

impl Outline<'_> {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((x1, y1), (x, y)) = (self.at(x1, y1), self.at(x, y));
        self.path.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((x1, y1), (x2, y2), (x, y)) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
        self.path.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

struct Raster<'f> {
    pixmap: Pixmap,
    fonts: &'f Fonts<'static>,
}

impl<'f> Raster<'f> {
    fn new((width, height): (u32, u32), fonts: &'f Fonts<'static>) -> Result<Self, RasterError> {
        let pixmap = Pixmap::new(width, height)
            .ok_or_else(|| RasterError(format!("no picture can be {width} x {height} pixels")))?;
        Ok(Raster { pixmap, fonts })
    }

    fn paint(color: BackendColor) -> Paint<'static> {
        let mut paint = Paint::default();
        let (r, g, b) = color.rgb;
        paint.set_color_rgba8(r, g, b, (color.alpha.clamp(0.0, 1.0) * 255.0).round() as u8);
        paint.anti_alias = true;
        paint
    }

    fn stroke(&mut self, path: Option<tiny_skia::Path>, color: BackendColor, width: u32) {
        if let Some(path) = path {
            let stroke = Stroke {
                width: width.max(1) as f32,
                ..Stroke::default()
            };
            self.pixmap
                .stroke_path(&path, &Self::paint(color), &stroke, Transform::identity(), None);
        }
    }

    fn fill(&mut self, path: Option<tiny_skia::Path>, color: BackendColor) {
        if let Some(path) = path {
            self.pixmap.fill_path(
                &path,
                &Self::paint(color),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
}

fn polyline(points: impl IntoIterator<Item = BackendCoord>, close: bool) -> Option<tiny_skia::Path> {
    let mut path = PathBuilder::new();
    for (i, (x, y)) in points.into_iter().enumerate() {
        let (x, y) = (x as f32 + 0.5, y as f32 + 0.5);
        if i == 0 {
            path.move_to(x, y);
        } else {
            path.line_to(x, y);
        }
    }
    if close {
        path.close();
    }
    path.finish()
}

impl DrawingBackend for &mut Raster<'_> {
    type ErrorType = RasterError;

    fn get_size(&self) -> (u32, u32) {
        (self.pixmap.width(), self.pixmap.height())
    }

    fn ensure_prepared(&mut self) -> Drawing {
        Ok(())
    }

    fn present(&mut self) -> Drawing {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawing {
        let rect = Rect::from_xywh(x as f32, y as f32, 1.0, 1.0);
        self.fill(rect.map(PathBuilder::from_rect), color);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawing {
        self.stroke(polyline([from, to], false), style.color(), style.stroke_width());
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawing {
        if fill {
            let rect = Rect::from_ltrb(x0 as f32, y0 as f32, x1 as f32 + 1.0, y1 as f32 + 1.0);
            self.fill(rect.map(PathBuilder::from_rect), style.color());
        } else {
            let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
            self.stroke(polyline(corners, true), style.color(), style.stroke_width());
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawing {
        self.stroke(polyline(path, false), style.color(), style.stroke_width());
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, (x, y): BackendCoord, radius: u32, style: &S, fill: bool) -> Drawing {
        let circle = PathBuilder::from_circle(x as f32 + 0.5, y as f32 + 0.5, radius.max(1) as f32);
        if fill {
            self.fill(circle, style.color());
        } else {
            self.stroke(circle, style.color(), style.stroke_width());
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Drawing {
        self.fill(polyline(vert, true), style.color());
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, (x, y): BackendCoord) -> Drawing {
        let bold = matches!(style.style(), FontStyle::Bold);
        let face = self.fonts.face(bold);
        let size = style.size();
        let units = f64::from(face.units_per_em());
        let scale = size / units;
        let width = self.fonts.width(text, size, bold);
        let (ascent, descent) = (f64::from(face.ascender()) * scale, f64::from(face.descender()) * scale);
        // Where the text starts and its baseline, along the text (as the canvas places it).
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => ascent,
            VPos::Center => (ascent + descent) / 2.0,
            VPos::Bottom => descent,
        };
        let mut path = PathBuilder::new();
        let mut pen = dx;
        for c in text.chars() {
            let Some(glyph) = face.glyph_index(c) else {
                pen += size * 0.6;
                continue;
            };
            let mut outline = Outline {
                path: &mut path,
                scale: scale as f32,
                x: pen as f32,
                y: baseline as f32,
            };
            face.outline_glyph(glyph, &mut outline);
            pen += face
                .glyph_hor_advance(glyph)
                .map_or(size * 0.6, |a| f64::from(a) * scale);
        }
        let Some(path) = path.finish() else {
            return Ok(());
        };
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        };
        let place = Transform::from_translate(x as f32, y as f32).pre_concat(Transform::from_rotate(turn));
        let paint = Raster::paint(style.color());
        self.pixmap.fill_path(&path, &paint, FillRule::Winding, place, None);
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<RasterError>> {
        let bold = matches!(style.style(), FontStyle::Bold);
        let width = self.fonts.width(text, style.size(), bold);
        if !width.is_finite() {
            return Err(failed(format!("\"{text}\" cannot be measured")));
        }
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_measured_by_the_font_they_are_drawn_in() {
        let fonts = Fonts::new().expect("the bundled fonts read");
        let narrow = fonts.width("iiii", 20.0, false);
        let wide = fonts.width("WWWW", 20.0, false);
        assert!(wide > 2.0 * narrow, "{wide} against {narrow}");
        assert!(fonts.width("Польща", 20.0, false) > 50.0, "Cyrillic has its glyphs");
        assert!(fonts.width("Title", 20.0, true) > fonts.width("Title", 20.0, false));
    }
}
