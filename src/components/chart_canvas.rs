use super::hooks::use_window_resizes;
use super::source_links;
use super::Shared;
use crate::chart::theme::ThemeName;
use crate::chart::{self, ChartId, ChartSpec, PlotArea, Theme};
use crate::state::Action;
use crate::transform::tooltip;
use crate::web::{self, IntlNumbers};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
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
fn draw_on(canvas: &HtmlCanvasElement, spec: &ChartSpec, theme: &Theme, ratio: f64) -> Result<PlotArea, String> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "this browser gives no 2D canvas".to_string())?;
    let numbers = IntlNumbers::compact();
    chart::draw(&backend.into_drawing_area(), spec, theme, ratio, &|v| numbers.format(v)).map_err(|e| e.to_string())
}

/// Sizes the chart's canvas for the screen and draws it there.
fn draw(canvas: &HtmlCanvasElement, spec: &ChartSpec, theme: &Theme) -> Result<(PlotArea, f64), String> {
    let ratio = web::fit_canvas(canvas).map_err(|e| e.to_string())?;
    Ok((draw_on(canvas, spec, theme, ratio)?, ratio))
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
    draw_on(&picture, &stamped, theme, 2.0)?;
    picture
        .to_data_url()
        .map_err(|_| "the browser could not encode the picture".to_string())
}

/// The crosshair layer: the selected day (solid), the hovered day (dashed) and a range being
/// dragged (shaded), over the chart, in `theme`'s colours.
fn draw_overlay(
    overlay: &HtmlCanvasElement,
    chart: &HtmlCanvasElement,
    (area, ratio, theme): (&PlotArea, f64, &Theme),
    (selected, hover, band): (Option<i64>, Option<i64>, Option<(i64, i64)>),
) {
    overlay.set_width(chart.width());
    overlay.set_height(chart.height());
    let Some(ctx) = overlay
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, f64::from(overlay.width()), f64::from(overlay.height()));
    let in_range = |d: i64| (area.x_range.0..=area.x_range.1).contains(&d);
    if let Some((a, b)) = band {
        let (x0, x1) = (area.x_of(a.min(b)), area.x_of(a.max(b) + 1));
        ctx.set_fill_style_str(&theme.band.rgba(0.15));
        ctx.fill_rect(x0, f64::from(area.top), x1 - x0, f64::from(area.bottom - area.top));
    }
    let line = |day: i64, color: String, dash: bool| {
        let x = area.x_of(day).round() + 0.5;
        ctx.begin_path();
        ctx.set_stroke_style_str(&color);
        ctx.set_line_width((1.5 * ratio).max(1.0));
        let pattern = if dash {
            js_sys::Array::of2(&JsValue::from(4.0 * ratio), &JsValue::from(3.0 * ratio))
        } else {
            js_sys::Array::new()
        };
        ctx.set_line_dash(&pattern).ok();
        ctx.move_to(x, f64::from(area.top));
        ctx.line_to(x, f64::from(area.bottom));
        ctx.stroke();
    };
    if let Some(day) = selected.filter(|d| in_range(*d)) {
        line(day, theme.selected.rgba(0.85), false);
    }
    if let Some(day) = hover.filter(|d| in_range(*d) && Some(*d) != selected) {
        line(day, theme.hover.rgba(0.75), true);
    }
}

/// The tooltip's rows: exact figures with Intl separators, "no report that day", and sources.
fn tooltip_view(spec: &ChartSpec, day: i64, left_pct: f64) -> Html {
    let t = tooltip(spec, day);
    let numbers = IntlNumbers::exact(t.decimals);
    let side = if left_pct > 60.0 {
        format!("right: {}%", (100.0 - left_pct).round() as i32)
    } else {
        format!("left: {}%", left_pct.round() as i32)
    };
    html! {
        <div class="tooltip" role="tooltip" style={side}>
            <p class="tooltip-day">{ &t.title }</p>
            <table>
                { for t.rows.iter().map(|r| {
                    html! {
                        <tr>
                            <th scope="row"><span class="swatch" style={format!("background: {}", r.color.css_var())}></span>{ &r.label }</th>
                            <td class="value">{ r.value.map_or_else(|| "no report that day".to_string(), |v| format!("{} {}", numbers.format(v), t.unit)) }
                                if let Some(detail) = &r.detail { <span class="detail">{ format!(" ({detail})") }</span> }
                                if let Some(badge) = &r.unit_badge { { " " }<span class="unit-badge">{ badge }</span> }
                            </td>
                            <td class="source">{ &r.source.label }</td>
                        </tr>
                    }
                }) }
            </table>
            if let Some(who) = &t.quoted { <p class="tooltip-quoted">{ format!("Quoted that day: {who}") }</p> }
            { for t.marks.iter().map(|m| html! { <p class="tooltip-mark">{ m }</p> }) }
            { for t.events.iter().map(|(title, source)| html! {
                <p class="tooltip-event">{ format!("Event: {title} ({})", source.label) }</p>
            }) }
        </div>
    }
}

/// Where a chart was last drawn: its plot area and the device pixel ratio (none before).
type Geometry = Rc<RefCell<Option<(PlotArea, f64)>>>;

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

/// Redraws the crosshair layer when the selected or hovered day, the dragged range or the chart
/// changes.
#[hook]
fn use_crosshairs(
    canvas: &NodeRef,
    overlay: &NodeRef,
    area: &Geometry,
    days: (Option<i64>, Option<i64>, Option<(i64, i64)>),
    drawn: u32,
    theme: ThemeName,
) {
    let (canvas, overlay, area) = (canvas.clone(), overlay.clone(), area.clone());
    use_effect_with((days, drawn, theme), move |(days, _, theme)| {
        if let (Some(c), Some(o), Some((a, ratio))) = (
            canvas.cast::<HtmlCanvasElement>(),
            overlay.cast::<HtmlCanvasElement>(),
            *area.borrow(),
        ) {
            web::measured("redraw", || draw_overlay(&o, &c, (&a, ratio, theme.theme()), *days));
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
}

/// The war day under the pointer, once the chart has been drawn.
fn day_under(area: &Geometry, e: &MouseEvent) -> Option<i64> {
    let (a, ratio) = (*area.borrow())?;
    a.day_at(f64::from(e.offset_x()) * ratio)
}

#[hook]
fn use_pointer(area: &Geometry, dispatch: &Callback<Action>) -> Pointer {
    let inside = use_state(|| false);
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
        Callback::from(move |e: PointerEvent| {
            if e.is_primary() && e.button() == 0 {
                *drag_from.borrow_mut() = day_at(&e);
            }
            // A tap shows the tooltip of the tapped day (touch has no hover).
            if e.pointer_type() == "touch" {
                inside.set(true);
                dispatch.emit(Action::Hover(day_at(&e)));
            }
        })
    };
    let moved = {
        let (dispatch, inside, day_at) = (dispatch.clone(), inside.clone(), day_at.clone());
        let (drag_from, band) = (drag_from.clone(), band.clone());
        Callback::from(move |e: PointerEvent| {
            inside.set(true);
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
    use_crosshairs(
        &canvas,
        &overlay,
        &area,
        (props.selected, props.hover, pointer.band),
        drawn,
        props.theme,
    );
    let on_png = png_download(&canvas, (&props.spec, &props.stamp, props.png_theme), &error);
    let spec = &props.spec;
    let labels: Vec<String> = spec.series.iter().map(|s| s.label.clone()).collect();
    let tip = props.hover.filter(|_| pointer.inside).and_then(|day| {
        let (a, ratio) = (*area.borrow())?;
        let width = f64::from(canvas.cast::<HtmlCanvasElement>()?.width()) / ratio.max(1.0);
        let left_pct = (a.x_of(day) / ratio / width.max(1.0) * 100.0).clamp(0.0, 100.0);
        Some(tooltip_view(spec, day, left_pct))
    });
    html! {
        <figure class="chart" id={format!("chart-{}", spec.id)} tabindex="0" onkeydown={props.on_key.clone()}
            aria-label={format!("{}: use the arrow keys to step through the days", spec.title)}>
            <div class="chart-stack">
                <canvas ref={canvas} class="chart-canvas" data-chart={spec.id.as_str()} role="img"
                    aria-label={format!("{}. Series: {}. {}", spec.title, labels.join(", "), spec.source_line)} />
                <canvas ref={overlay} class="chart-overlay" aria-hidden="true"
                    onpointerdown={pointer.down} onpointermove={pointer.moved} onpointerup={pointer.up}
                    onpointerleave={pointer.leave} onclick={pointer.click} />
                { tip.unwrap_or_default() }
            </div>
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
