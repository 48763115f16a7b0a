//! The stack's floor: UNHCR's border crossings (the dataset's `refugees.total`) read with serde
//! from the real dataset and drawn with plotters on a canvas, in a Yew component. Marks
//! `chart-built` once drawn (the page marks `first-chart` two frames later, as the app's and
//! uPlot's pages do). Errors are written on the page.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Deserialize)]
struct Dataset {
    refugees: Refugees,
}

#[derive(Deserialize)]
struct Refugees {
    total: Series,
}

#[derive(Deserialize)]
struct Series {
    label: String,
    points: Points,
}

#[derive(Deserialize)]
struct Points {
    cumulative: Vec<Option<u64>>,
}

async fn load() -> Result<Series, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str("data/dataset.json"))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| format!("{e:?}"))?;
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let text = text.as_string().ok_or("no text")?;
    let dataset: Dataset = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(dataset.refugees.total)
}

fn draw(canvas: web_sys::HtmlCanvasElement, series: &Series) -> Result<(), String> {
    let root = CanvasBackend::with_canvas_object(canvas)
        .ok_or("no canvas")?
        .into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let points: Vec<(u32, u64)> = (1..)
        .zip(&series.points.cumulative)
        .filter_map(|(day, v)| v.map(|v| (day, v)))
        .collect();
    let days = points.len() as u32 + 1;
    let top = points.iter().map(|p| p.1).max().unwrap_or(1);
    let mut chart = ChartBuilder::on(&root)
        .caption(&series.label, ("sans-serif", 16))
        .margin(10)
        .x_label_area_size(24)
        .y_label_area_size(70)
        .build_cartesian_2d(0..days, 0..top)
        .map_err(|e| e.to_string())?;
    chart.configure_mesh().draw().map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(points, &BLUE))
        .map_err(|e| e.to_string())?;
    Ok(())
}

#[function_component]
fn App() -> Html {
    let canvas = use_node_ref();
    let series = use_state(|| None::<Result<Series, String>>);
    {
        let series = series.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { series.set(Some(load().await)) });
        });
    }
    let problem = use_state(|| None::<String>);
    {
        let (canvas, problem) = (canvas.clone(), problem.clone());
        use_effect_with(series.is_some(), move |_| {
            if let (Some(Ok(s)), Some(c)) = (series.as_ref(), canvas.cast::<web_sys::HtmlCanvasElement>()) {
                match draw(c, s) {
                    Ok(()) => {
                        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                            p.mark("chart-built").ok();
                        }
                    }
                    Err(e) => problem.set(Some(e)),
                }
            } else if let Some(Err(e)) = series.as_ref() {
                problem.set(Some(e.clone()));
            }
        });
    }
    html! {
        <main>
            if let Some(p) = problem.as_ref() { <p role="alert">{ p }</p> }
            <canvas ref={canvas} width="1800" height="1080" style="width: 900px; height: 540px"></canvas>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
