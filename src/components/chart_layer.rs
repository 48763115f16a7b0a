//! The layer over a chart that follows the reader: the marks of the selected and hovered days
//! and the tooltip, over the chart's canvas. It is the only part of a chart that a hover
//! re-renders; the chart itself is drawn once per view.

use super::crosshair;
use super::hover::use_hover_day;
use super::tooltip::tooltip_view;
use super::{Geometry, Shared};
use crate::chart::layout::{place_tooltip, Placement};
use crate::chart::theme::ThemeName;
use crate::chart::ChartSpec;
use crate::state::Action;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartLayerProps {
    pub spec: Shared<ChartSpec>,
    /// The chart's own canvas (drawn by `ChartCanvas`), rendered here under the layer.
    pub canvas: NodeRef,
    pub canvas_label: AttrValue,
    /// Where the chart was last drawn, and how many times it has been (the marks follow it).
    pub area: Geometry,
    pub drawn: u32,
    pub selected: Option<i64>,
    pub theme: ThemeName,
    /// Select (click) and zoom (drag across the chart).
    pub dispatch: Callback<Action>,
    /// Sets the page's hovered day.
    pub set_hover: Callback<Option<i64>>,
    /// Whether the chart has the keyboard's focus: its tooltip then shows the selected day, with
    /// `focus_series` marked.
    #[prop_or_default]
    pub keyboard: bool,
    #[prop_or_default]
    pub focus_series: Option<usize>,
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
    let placed = area.0.borrow();
    let placed = placed.as_ref()?;
    placed.drawn.plot.day_at(f64::from(e.offset_x()) * placed.ratio)
}

/// The pointer's height on the canvas, in device pixels.
fn height_under(area: &Geometry, e: &MouseEvent) -> Option<f64> {
    let ratio = area.0.borrow().as_ref()?.ratio;
    Some(f64::from(e.offset_y()) * ratio)
}

#[hook]
fn use_pointer(area: &Geometry, dispatch: &Callback<Action>, set_hover: &Callback<Option<i64>>) -> Pointer {
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
        let (drag_from, day_at, set_hover, inside) =
            (drag_from.clone(), day_at.clone(), set_hover.clone(), inside.clone());
        let (area, y) = (area.clone(), y.clone());
        Callback::from(move |e: PointerEvent| {
            if e.is_primary() && e.button() == 0 {
                *drag_from.borrow_mut() = day_at(&e);
            }
            // A tap shows the tooltip of the tapped day (touch has no hover).
            if e.pointer_type() == "touch" {
                inside.set(true);
                y.set(height_under(&area, &e));
                set_hover.emit(day_at(&e));
            }
        })
    };
    let moved = {
        let (set_hover, inside, day_at) = (set_hover.clone(), inside.clone(), day_at.clone());
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
            set_hover.emit(day);
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
        let (set_hover, inside, drag_from, band) = (set_hover.clone(), inside.clone(), drag_from, band.clone());
        Callback::from(move |e: PointerEvent| {
            drag_from.borrow_mut().take();
            band.set(None);
            // A finger leaves the chart as soon as it lifts: the tapped day's tooltip stays.
            if e.pointer_type() != "touch" {
                inside.set(false);
                set_hover.emit(None);
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

/// The chart itself: its canvas in the browser (drawn by `ChartCanvas`); natively, when the
/// first view is baked into the page, the same drawing as SVG, in a wide and a phone size (the
/// stylesheet shows the one for the screen).
fn chart_picture(props: &ChartLayerProps) -> Html {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let label = props.canvas_label.as_str();
        let id = props.spec.id.as_str();
        let svg = |size, class: &str| {
            crate::chart::themed_svg(&props.spec, size, &format!("chart-canvas chart-baked {class}"), label).map(
                |svg| Html::from_html_unchecked(svg.replace("<svg ", &format!("<svg data-chart=\"{id}\" ")).into()),
            )
        };
        match (
            svg((960, 540), "chart-baked-wide"),
            svg((360, 440), "chart-baked-phone"),
        ) {
            (Ok(wide), Ok(phone)) => html! { <>{ wide }{ phone }</> },
            (Err(e), _) | (_, Err(e)) => html! { <p class="chart-error">{ e.to_string() }</p> },
        }
    }
    #[cfg(target_arch = "wasm32")]
    html! {
        <canvas ref={props.canvas.clone()} class="chart-canvas" data-chart={props.spec.id.as_str()} role="img"
            aria-label={props.canvas_label.clone()} />
    }
}

/// The chart's canvas and the layer over it (crosshairs, the tooltip beside the crosshair), and
/// the tooltip under the chart when there is no room beside it.
#[function_component(ChartLayer)]
pub fn chart_layer(props: &ChartLayerProps) -> Html {
    let hover = use_hover_day();
    let pointer = use_pointer(&props.area, &props.dispatch, &props.set_hover);
    let placed = props.area.0.borrow().clone();
    let hovered_series = match (hover, pointer.y, &placed) {
        (Some(day), Some(y), Some(p)) => props.spec.nearest_series(day, y, |v| p.drawn.axis.y_of(v)),
        _ => None,
    };
    let selection = placed.as_ref().map_or_else(Html::default, |p| {
        crosshair::selection_marks(&props.spec, p, props.selected, pointer.band)
    });
    // The keyboard's day (the selected one) when the chart has focus and the pointer is not on it.
    let keyed = props.selected.filter(|_| props.keyboard && !pointer.inside);
    // Every chart marks the hovered day; the chart under the pointer (or the keyboard) also
    // dots its figures.
    let marks = match (hover, keyed, &placed) {
        (Some(day), _, Some(p)) => {
            crosshair::hover_marks(&props.spec, p, day, pointer.inside.then_some(hovered_series))
        }
        (None, Some(day), Some(p)) => crosshair::hover_marks(&props.spec, p, day, Some(props.focus_series)),
        _ => Html::default(),
    };
    // Beside the crosshair, on the side with room for a tooltip (its 22 rem and a margin), else
    // under the chart.
    let spec = &props.spec;
    let (tip_day, tip_series) = match (hover.filter(|_| pointer.inside), keyed) {
        (Some(day), _) => (Some(day), hovered_series),
        (None, Some(day)) => (Some(day), props.focus_series),
        (None, None) => (None, None),
    };
    let tip = tip_day.and_then(|day| {
        let placed = placed.as_ref()?;
        let ratio = placed.ratio.max(1.0);
        let width = f64::from(props.canvas.cast::<HtmlCanvasElement>()?.width()) / ratio;
        let (x, top) = (
            placed.drawn.plot.x_of(day) / ratio,
            f64::from(placed.drawn.plot.top) / ratio,
        );
        let placement = place_tooltip(x, width, 360.0);
        Some((placement, tooltip_view(spec, day, (placement, top), tip_series)))
    });
    // Beside the crosshair the tooltip floats over the chart; under it, it follows the chart
    // (outside the stack, which the crosshair layer covers exactly).
    let (beside, below) = match tip {
        Some((Placement::Below, html)) => (Html::default(), html),
        Some((_, html)) => (html, Html::default()),
        None => (Html::default(), Html::default()),
    };
    html! {
        <>
        // The pointer's events come from the canvas (the marks over it ignore the pointer): an
        // element of its own over the canvas would cost a compositing layer on every chart.
        <div class="chart-stack"
            onpointerdown={pointer.down} onpointermove={pointer.moved} onpointerup={pointer.up}
            onpointerleave={pointer.leave} onclick={pointer.click}>
            { chart_picture(props) }
            { selection }
            { marks }
            { beside }
        </div>
        { below }
        </>
    }
}
