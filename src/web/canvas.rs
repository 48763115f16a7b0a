//! Canvases: sized for the screen and desynchronized from the page's frames, text measured as a
//! canvas draws it, and canvases made for pictures.

use super::{js_message, window, WebError};
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

/// Sizes a canvas's backing store to its CSS size times devicePixelRatio, its 2D context
/// desynchronized (see `desynchronize`); returns the ratio.
pub fn fit_canvas(canvas: &HtmlCanvasElement) -> Result<f64, WebError> {
    desynchronize(canvas);
    let ratio = window()?.device_pixel_ratio().max(1.0);
    let css_width = f64::from(canvas.client_width());
    let css_height = f64::from(canvas.client_height());
    if css_width < 1.0 || css_height < 1.0 {
        return Err(WebError("the chart has no room on the page".into()));
    }
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    Ok(ratio)
}

/// Creates the canvas's 2D context (if it has none yet: a context keeps the options it was made
/// with) desynchronized from the page's frames. A chart is drawn once, and then only the
/// elements over it move with the pointer; a synchronized canvas has its pixels copied again
/// for every frame the page draws (measured in Chromium's software compositing: about 0.6 ms
/// per chart on each hover step), a desynchronized one does not. Browsers that do not know the
/// option ignore it.
fn desynchronize(canvas: &HtmlCanvasElement) {
    let options = js_sys::Object::new();
    if js_sys::Reflect::set(&options, &"desynchronized".into(), &JsValue::TRUE).is_ok() {
        canvas.get_context_with_context_options("2d", &options).ok();
    }
}

/// Measures text the way the canvas will draw it: `CanvasRenderingContext2d.measureText` in the
/// font the text will be drawn in (`chart::canvas_font`). No layout is involved (plotters' own
/// estimate appends an element to the page and reads its size, which makes the browser lay out
/// the page again for every text measured).
pub struct TextWidths(web_sys::CanvasRenderingContext2d);

/// How many fonts (sizes) `TextWidths` keeps the widths of.
const KEPT_FONTS: usize = 8;

impl TextWidths {
    /// The measurer of `canvas`'s 2D context; none if the canvas gives none.
    pub fn of(canvas: &HtmlCanvasElement) -> Option<Self> {
        canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            .map(Self)
    }

    /// The width of `text` in the CSS `font`; none if the browser will not say. A width depends
    /// on the font and the text alone, and a chart's layout asks for the same few hundred texts
    /// (tick labels at each density tried, names, notes) tens of thousands of times across its
    /// drawings: each is measured once, and kept while its font is one of the last few used (a
    /// resized window draws in other sizes).
    pub fn width(&self, text: &str, font: &str) -> Option<f64> {
        thread_local! {
            /// Widths by font, then by text.
            static WIDTHS: std::cell::RefCell<Vec<(String, HashMap<String, f64>)>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        WIDTHS.with_borrow_mut(|fonts| {
            let at = match fonts.iter().position(|(f, _)| f == font) {
                Some(at) => at,
                None => {
                    if fonts.len() == KEPT_FONTS {
                        fonts.remove(0);
                    }
                    fonts.push((font.to_string(), HashMap::new()));
                    fonts.len() - 1
                }
            };
            let widths = &mut fonts[at].1;
            if let Some(width) = widths.get(text) {
                return Some(*width);
            }
            self.0.set_font(font);
            let width = self.0.measure_text(text).ok()?.width();
            widths.insert(text.to_string(), width);
            Some(width)
        })
    }
}

/// A new canvas of `width` x `height` pixels, not in the page.
pub fn new_canvas(width: u32, height: u32) -> Result<HtmlCanvasElement, WebError> {
    let failed = |e: JsValue| WebError(format!("no canvas for the picture: {}", js_message(&e)));
    let document = window()?.document().ok_or_else(|| WebError("no document".into()))?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(failed)?
        .dyn_into()
        .map_err(|e| failed(e.into()))?;
    canvas.set_width(width);
    canvas.set_height(height);
    Ok(canvas)
}
