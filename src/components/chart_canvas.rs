use super::crosshair::{self, Crosshairs, Placed};
use super::hooks::use_window_resizes;
use super::source_links;
use super::tooltip::tooltip_view;
use super::Shared;
use crate::chart::layout::{place_tooltip, text_factor, Placement};
use crate::chart::theme::ThemeName;
use crate::chart::{self, ChartId, ChartSpec, Drawn, Theme};
use crate::state::Action;
use crate::web::{self, IntlNumbers};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub spec: Shared<ChartSpec>,
    pub selected: Option<i64>,
    pub hover: Option<i64>,
    /// Called with the chart's id each time it has been drawn.
    pub on_drawn: Callback<ChartId>,
    /// Hover (pointer or tap), select (click) and zoom (drag across the chart).
    pub dispatch: Callback<Action>,
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

/// Where a chart was last drawn (none before).
type Geometry = Rc<RefCell<Option<Placed>>>;

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
    let area: Geometry = use_mut_ref(|| None);
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
                    *area.borrow_mut() = Some(geometry);
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

/// The canvas of a chart, the crosshair layer over it, and where the chart was drawn.
struct Layers<'a> {
    canvas: &'a NodeRef,
    overlay: &'a NodeRef,
    area: &'a Geometry,
}

/// Redraws the crosshair layer when the reader's place on the chart, the chart or its colours
/// change.
#[hook]
fn use_crosshairs(layers: Layers<'_>, spec: &Shared<ChartSpec>, at: Crosshairs, drawn: u32, theme: ThemeName) {
    let (canvas, overlay, area) = (layers.canvas.clone(), layers.overlay.clone(), layers.area.clone());
    use_effect_with((at, drawn, theme, spec.clone()), move |(at, _, theme, spec)| {
        if let (Some(c), Some(o), Some(placed)) = (
            canvas.cast::<HtmlCanvasElement>(),
            overlay.cast::<HtmlCanvasElement>(),
            area.borrow().clone(),
        ) {
            web::measured("redraw", || {
                crosshair::draw(&o, &c, spec, (&placed, theme.theme()), *at)
            });
        }
    });
}

/// What the pointer does on a chart: hover (or tap) shows a day, a click selects it, a drag
/// across days zooms to them.
struct Pointer {
    down: Callback<PointerEvent>,
    moved: Callback<PointerEvent>,
    up: Callback<PointerEvent>,
    leave: Callback<PointerEvent>,
    click: Callback<MouseEvent>,
    /// Whether the pointer is over the chart (or a finger tapped it).
    inside: bool,
    /// The range being dragged across, shaded on the crosshair layer.
    band: Option<(i64, i64)>,
    /// The pointer's height on the canvas, in device pixels.
    y: Option<f64>,
}

/// The war day under the pointer, once the chart has been drawn.
fn day_under(area: &Geometry, e: &MouseEvent) -> Option<i64> {
    let placed = area.borrow();
    let placed = placed.as_ref()?;
    placed.drawn.plot.day_at(f64::from(e.offset_x()) * placed.ratio)
}

/// The pointer's height on the canvas, in device pixels.
fn height_under(area: &Geometry, e: &MouseEvent) -> Option<f64> {
    let ratio = area.borrow().as_ref()?.ratio;
    Some(f64::from(e.offset_y()) * ratio)
}

#[hook]
fn use_pointer(area: &Geometry, dispatch: &Callback<Action>) -> Pointer {
    let inside = use_state(|| false);
    let y = use_state(|| None::<f64>);
    // A drag across the chart: the day it started on, and the range shaded so far.
    let drag_from = use_mut_ref(|| None::<i64>);
    let band = use_state(|| None::<(i64, i64)>);
    let zoomed_by_drag = use_mut_ref(|| false);
    let day_at = {
        let area = area.clone();
        move |e: &MouseEvent| day_under(&area, e)
    };
    let down = {
        let (drag_from, day_at, dispatch, inside) =
            (drag_from.clone(), day_at.clone(), dispatch.clone(), inside.clone());
        let (area, y) = (area.clone(), y.clone());
        Callback::from(move |e: PointerEvent| {
            if e.is_primary() && e.button() == 0 {
                *drag_from.borrow_mut() = day_at(&e);
            }
            // A tap shows the tooltip of the tapped day (touch has no hover).
            if e.pointer_type() == "touch" {
                inside.set(true);
                y.set(height_under(&area, &e));
                dispatch.emit(Action::Hover(day_at(&e)));
            }
        })
    };
    let moved = {
        let (dispatch, inside, day_at) = (dispatch.clone(), inside.clone(), day_at.clone());
        let (drag_from, band, area, y) = (drag_from.clone(), band.clone(), area.clone(), y.clone());
        Callback::from(move |e: PointerEvent| {
            inside.set(true);
            y.set(height_under(&area, &e));
            let day = day_at(&e);
            if let (Some(from), Some(to)) = (*drag_from.borrow(), day) {
                if from != to || band.is_some() {
                    band.set(Some((from, to)));
                }
            }
            dispatch.emit(Action::Hover(day));
        })
    };
    let up = {
        let (dispatch, drag_from, band, zoomed) = (
            dispatch.clone(),
            drag_from.clone(),
            band.clone(),
            zoomed_by_drag.clone(),
        );
        Callback::from(move |_: PointerEvent| {
            drag_from.borrow_mut().take();
            if let Some((a, b)) = *band {
                band.set(None);
                if a != b {
                    *zoomed.borrow_mut() = true;
                    dispatch.emit(Action::Zoom(a, b));
                }
            }
        })
    };
    let leave = {
        let (dispatch, inside, drag_from, band) = (dispatch.clone(), inside.clone(), drag_from, band.clone());
        Callback::from(move |e: PointerEvent| {
            drag_from.borrow_mut().take();
            band.set(None);
            // A finger leaves the chart as soon as it lifts: the tapped day's tooltip stays.
            if e.pointer_type() != "touch" {
                inside.set(false);
                dispatch.emit(Action::Hover(None));
            }
        })
    };
    let click = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            // The click that ends a drag has zoomed already: it does not also select a day.
            if std::mem::take(&mut *zoomed_by_drag.borrow_mut()) {
                return;
            }
            if let Some(day) = day_at(&e) {
                dispatch.emit(Action::Select(day));
            }
        })
    };
    Pointer {
        down,
        moved,
        up,
        leave,
        click,
        inside: *inside,
        band: *band,
        y: *y,
    }
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

/// One chart on a canvas sized for the screen's pixel ratio, redrawn when the window is resized,
/// with a crosshair layer, a tooltip for the hovered day, and keyboard stepping.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas = use_node_ref();
    let overlay = use_node_ref();
    let error = use_state(|| None::<String>);
    let (area, drawn) = use_chart_drawing(&canvas, &props.spec, props.theme, &props.on_drawn, &error);
    let pointer = use_pointer(&area, &props.dispatch);
    let placed = area.borrow().clone();
    let hovered_series = match (props.hover, pointer.y, &placed) {
        (Some(day), Some(y), Some(p)) => props.spec.nearest_series(day, y, |v| p.drawn.axis.y_of(v)),
        _ => None,
    };
    let at = Crosshairs {
        selected: props.selected,
        hover: props.hover,
        hovered_series,
        band: pointer.band,
    };
    let layers = Layers {
        canvas: &canvas,
        overlay: &overlay,
        area: &area,
    };
    use_crosshairs(layers, &props.spec, at, drawn, props.theme);
    let on_png = png_download(&canvas, (&props.spec, &props.stamp, props.png_theme), &error);
    let spec = &props.spec;
    let labels: Vec<String> = spec.series.iter().map(|s| s.label.clone()).collect();
    // Beside the crosshair, on the side with room for a tooltip (its 22 rem and a margin), else
    // under the chart.
    let tip = props.hover.filter(|_| pointer.inside).and_then(|day| {
        let placed = placed.as_ref()?;
        let ratio = placed.ratio.max(1.0);
        let width = f64::from(canvas.cast::<HtmlCanvasElement>()?.width()) / ratio;
        let (x, top) = (
            placed.drawn.plot.x_of(day) / ratio,
            f64::from(placed.drawn.plot.top) / ratio,
        );
        let placement = place_tooltip(x, width, 360.0);
        Some((placement, tooltip_view(spec, day, (placement, top), hovered_series)))
    });
    // Beside the crosshair the tooltip floats over the chart; under it, it follows the chart
    // (outside the stack, which the crosshair layer covers exactly).
    let (beside, below) = match tip {
        Some((Placement::Below, html)) => (Html::default(), html),
        Some((_, html)) => (html, Html::default()),
        None => (Html::default(), Html::default()),
    };
    html! {
        <figure class="chart" id={format!("chart-{}", spec.id)} tabindex="0" onkeydown={props.on_key.clone()}
            aria-label={format!("{}: use the arrow keys to step through the days", spec.title)}>
            <div class="chart-stack">
                <canvas ref={canvas} class="chart-canvas" data-chart={spec.id.as_str()} role="img"
                    aria-label={format!("{}. Series: {}. {}", spec.title, labels.join(", "), spec.source_line)} />
                <canvas ref={overlay} class="chart-overlay" aria-hidden="true"
                    onpointerdown={pointer.down} onpointermove={pointer.moved} onpointerup={pointer.up}
                    onpointerleave={pointer.leave} onclick={pointer.click} />
                { beside }
            </div>
            { below }
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
