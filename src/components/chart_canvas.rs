use super::hooks::use_window_resizes;
use super::source_links;
use super::Shared;
use crate::chart;
use crate::transform::ChartSpec;
use crate::web::{self, IntlNumbers};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub spec: Shared<ChartSpec>,
    /// Called with the chart's id each time it has been drawn.
    pub on_drawn: Callback<&'static str>,
}

fn draw(canvas: &HtmlCanvasElement, spec: &ChartSpec) -> Result<(), String> {
    let ratio = web::fit_canvas(canvas).map_err(|e| e.to_string())?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "this browser gives no 2D canvas".to_string())?;
    let numbers = IntlNumbers::compact();
    chart::draw(&backend.into_drawing_area(), spec, ratio, &|v| numbers.format(v))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// One chart on a canvas sized for the screen's pixel ratio, redrawn when the window is resized.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    let error = use_state(|| None::<String>);
    let resized = use_window_resizes();
    {
        let canvas = canvas.clone();
        let error = error.clone();
        let on_drawn = props.on_drawn.clone();
        use_effect_with((props.spec.clone(), resized), move |(spec, _)| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                match draw(&element, spec) {
                    Ok(()) => {
                        error.set(None);
                        on_drawn.emit(spec.id);
                    }
                    Err(message) => error.set(Some(message)),
                }
            }
        });
    }
    let spec = &props.spec;
    let labels: Vec<String> = spec.series.iter().map(|s| s.label.clone()).collect();
    html! {
        <figure class="chart" id={format!("chart-{}", spec.id)}>
            <canvas ref={canvas} class="chart-canvas" data-chart={spec.id} role="img"
                aria-label={format!("{}. Series: {}. {}", spec.title, labels.join(", "), spec.source_line)} />
            if let Some(message) = &*error {
                <p class="chart-error" role="alert">{ format!("This chart could not be drawn: {message}") }</p>
            }
            <figcaption class="source-line">{ source_links(spec) }</figcaption>
        </figure>
    }
}
