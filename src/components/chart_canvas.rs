use super::chart_layer::ChartLayer;
use super::crosshair::Placed;
use super::hooks::use_window_resizes;
use super::source_links;
use super::{Geometry, Shared};
use crate::chart::layout::text_factor;
use crate::chart::theme::ThemeName;
use crate::chart::{self, ChartId, ChartSpec, Drawn, Theme};
use crate::state::Action;
use crate::web::{self, IntlNumbers};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub spec: Shared<ChartSpec>,
    pub selected: Option<i64>,
    /// Called with the chart's id each time it has been drawn.
    pub on_drawn: Callback<ChartId>,
    /// Select (click) and zoom (drag across the chart).
    pub dispatch: Callback<Action>,
    /// Sets the page's hovered day.
    pub set_hover: Callback<Option<i64>>,
    /// What a downloaded PNG carries under the chart's source line (range, dataset, link).
    pub stamp: AttrValue,
    /// Where the chart's source links point: "" for this page, the full view when embedded.
    #[prop_or_default]
    pub sources_page: AttrValue,
    pub on_key: Callback<KeyboardEvent>,
    /// The colours on screen, and those of a downloaded picture.
    pub theme: ThemeName,
    pub png_theme: ThemeName,
}

/// Draws `spec` on `canvas` at `ratio` device pixels per CSS pixel. Inlined into its two callers:
/// as a function of its own it made the wasm 0.4 KB larger (gzipped).
#[inline(always)]
fn draw_on(canvas: &HtmlCanvasElement, spec: &ChartSpec, theme: &Theme, scale: f64) -> Result<Drawn, String> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "this browser gives no 2D canvas".to_string())?;
    let numbers = IntlNumbers::compact();
    chart::draw(&backend.into_drawing_area(), spec, theme, scale, &|v| numbers.format(v)).map_err(|e| e.to_string())
}

/// Sizes the chart's canvas for the screen and draws it there, with text in proportion to its
/// width. The label boxes go in the canvas's `data-labels` (CSS px), for tests and tools.
fn draw(canvas: &HtmlCanvasElement, spec: &ChartSpec, theme: &Theme) -> Result<Placed, String> {
    let ratio = web::fit_canvas(canvas).map_err(|e| e.to_string())?;
    let factor = text_factor(f64::from(canvas.client_width()));
    let drawn = draw_on(canvas, spec, theme, ratio * factor)?;
    let css = |v: i32| (f64::from(v) / ratio).round();
    let boxes: Vec<String> = drawn
        .labels
        .iter()
        .map(|(l, t, r, b)| format!("{},{},{},{}", css(*l), css(*t), css(*r), css(*b)))
        .collect();
    canvas.set_attribute("data-labels", &boxes.join(" ")).ok();
    Ok(Placed { drawn, ratio })
}

/// The chart as a PNG `data:` URL at twice its size on screen, with `stamp` added to its source
/// line.
fn png(spec: &ChartSpec, canvas: &HtmlCanvasElement, stamp: &str, theme: &Theme) -> Result<String, String> {
    let (width, height) = (
        canvas.client_width().max(1) as u32,
        canvas.client_height().max(1) as u32,
    );
    let picture = web::new_canvas(width * 2, height * 2).map_err(|e| e.to_string())?;
    let mut stamped = spec.clone();
    stamped.source_line = format!("{} · {stamp}", spec.source_line);
    draw_on(&picture, &stamped, theme, 2.0 * text_factor(f64::from(width)))?;
    picture
        .to_data_url()
        .map_err(|_| "the browser could not encode the picture".to_string())
}

/// Draws the chart whenever its spec changes or the window is resized; returns where it was
/// drawn and how many times (the crosshair layer follows each drawing).
#[hook]
fn use_chart_drawing(
    canvas: &NodeRef,
    spec: &Shared<ChartSpec>,
    theme: ThemeName,
    on_drawn: &Callback<ChartId>,
    error: &UseStateHandle<Option<String>>,
) -> (Geometry, u32) {
    let resized = use_window_resizes();
    let area = Geometry(use_mut_ref(|| None));
    let drawn = use_state(|| 0u32);
    {
        let (canvas, error, on_drawn) = (canvas.clone(), error.clone(), on_drawn.clone());
        let (area, drawn) = (area.clone(), drawn.clone());
        use_effect_with((spec.clone(), theme, resized), move |(spec, theme, _)| {
            let Some(element) = canvas.cast::<HtmlCanvasElement>() else {
                return;
            };
            match web::measured("redraw", || draw(&element, spec, theme.theme())) {
                Ok(geometry) => {
                    *area.0.borrow_mut() = Some(geometry);
                    error.set(None);
                    drawn.set(*drawn + 1);
                    on_drawn.emit(spec.id);
                }
                Err(message) => error.set(Some(format!("This chart could not be drawn: {message}"))),
            }
        });
    }
    (area, *drawn)
}

/// Downloads the chart as a stamped PNG, or says in the chart's error line why it could not.
fn png_download(
    canvas: &NodeRef,
    (spec, stamp, theme): (&Shared<ChartSpec>, &AttrValue, ThemeName),
    error: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let (canvas, spec, stamp, error) = (canvas.clone(), spec.clone(), stamp.clone(), error.clone());
    Callback::from(move |_: MouseEvent| {
        let result = canvas
            .cast::<HtmlCanvasElement>()
            .ok_or_else(|| "the chart is not on the page".to_string())
            .and_then(|c| png(&spec, &c, &stamp, theme.theme()))
            .and_then(|url| {
                let name = format!("displacement-tracker-{}.png", spec.id);
                web::download(&name, &url).map_err(|e| e.to_string())
            });
        if let Err(message) = result {
            error.set(Some(format!("The picture could not be made: {message}")));
        }
    })
}

/// One chart: its canvas sized for the screen's pixel ratio, drawn again when its spec, the
/// theme or the window's size changes; the layer over it; its notes, sources and PNG download.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    let error = use_state(|| None::<String>);
    let (area, drawn) = use_chart_drawing(&canvas, &props.spec, props.theme, &props.on_drawn, &error);
    let on_png = png_download(&canvas, (&props.spec, &props.stamp, props.png_theme), &error);
    let spec = &props.spec;
    let labels: Vec<String> = spec.series.iter().map(|s| s.label.clone()).collect();
    let canvas_label = format!("{}. Series: {}. {}", spec.title, labels.join(", "), spec.source_line);
    html! {
        <figure class="chart" id={format!("chart-{}", spec.id)} tabindex="0" onkeydown={props.on_key.clone()}
            aria-label={format!("{}: use the arrow keys to step through the days", spec.title)}>
            <ChartLayer spec={spec.clone()} canvas={canvas.clone()} canvas_label={canvas_label} area={area}
                drawn={drawn} selected={props.selected} theme={props.theme} dispatch={props.dispatch.clone()} set_hover={props.set_hover.clone()} />
            if let Some(message) = &*error {
                <p class="chart-error" role="alert">{ message }</p>
            }
            if !spec.notes.is_empty() || !spec.marks.is_empty() {
                <ul class="chart-notes">
                    { for spec.notes.iter().map(|n| html! { <li>{ n }</li> }) }
                    { for spec.mark_notes().into_iter().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            }
            <figcaption class="source-line">
                { source_links(spec, &props.sources_page) }
                <button type="button" class="png" onclick={on_png} aria-label={format!("Download {} as a PNG picture", spec.title)}>{ "PNG" }</button>
            </figcaption>
        </figure>
    }
}
