//! The layer over a chart that follows the reader: the marks of the selected and hovered days
//! and the tooltip, over the chart's canvas. It is the only part of a chart that a hover
//! re-renders; the chart itself is drawn once per view.

use super::crosshair;
use super::hover_paint::{HoverPainters, Painter};
use super::{Geometry, Shared};
use crate::chart::theme::ThemeName;
use crate::chart::ChartSpec;
use crate::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
    /// Says why the hovered day could not be marked (in the chart's error line).
    #[prop_or_default]
    pub on_error: Callback<String>,
}

/// What the pointer does on a chart: hover (or tap) shows a day, a click selects it, a drag
/// across days zooms to them.
struct Pointer {
    down: Callback<PointerEvent>,
    moved: Callback<PointerEvent>,
    up: Callback<PointerEvent>,
    leave: Callback<PointerEvent>,
    click: Callback<MouseEvent>,
    /// The range being dragged across, shaded on the crosshair layer.
    band: Option<(i64, i64)>,
    /// Where the chart is in the window.
    origin: Origin,
}

/// Whether the pointer is over a chart (or a finger tapped it), and the series nearest to it on
/// the hovered day.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Over {
    pub inside: bool,
    pub series: Option<usize>,
}

/// Where the chart's canvas is in the window (CSS px), read once while the pointer stays on the
/// chart: the pointer's offset from the canvas, read on every move, makes the browser work it
/// out each time. Forgotten when the pointer leaves, the page scrolls, the window is resized or
/// the chart is drawn again.
#[derive(Clone, Default)]
struct Origin(Rc<std::cell::Cell<Option<(f64, f64)>>>);

impl Origin {
    fn at(&self, canvas: &NodeRef) -> Option<(f64, f64)> {
        if let Some(origin) = self.0.get() {
            return Some(origin);
        }
        let rect = canvas.cast::<web_sys::Element>()?.get_bounding_client_rect();
        let origin = (rect.left(), rect.top());
        self.0.set(Some(origin));
        Some(origin)
    }

    fn forget(&self) {
        self.0.set(None);
    }
}

/// The war day under the pointer, and the series whose figure that day is nearest to it, once
/// the chart has been drawn.
fn under(
    (spec, area): (&ChartSpec, &Geometry),
    (origin, canvas): (&Origin, &NodeRef),
    e: &MouseEvent,
) -> Option<(i64, Option<usize>)> {
    let (left, top) = origin.at(canvas)?;
    let placed = area.0.borrow();
    let placed = placed.as_ref()?;
    let day = placed
        .drawn
        .plot
        .day_at((f64::from(e.client_x()) - left) * placed.ratio)?;
    let y = (f64::from(e.client_y()) - top) * placed.ratio;
    Some((day, spec.nearest_series(day, y, |v| placed.drawn.axis.y_of(v))))
}

#[hook]
fn use_pointer(
    spec: &Shared<ChartSpec>,
    area: &Geometry,
    canvas: &NodeRef,
    painter: &Rc<RefCell<Painter>>,
    dispatch: &Callback<Action>,
    set_hover: &Callback<Option<i64>>,
) -> Pointer {
    // A drag across the chart: the day it started on, and the range shaded so far.
    let drag_from = use_mut_ref(|| None::<i64>);
    let band = use_state_eq(|| None::<(i64, i64)>);
    let zoomed_by_drag = use_mut_ref(|| false);
    let origin = (*use_memo((), |_| Origin::default())).clone();
    use_forget_on_scroll(&origin);
    let at = {
        let (spec, area, origin, canvas) = (spec.clone(), area.clone(), origin.clone(), canvas.clone());
        move |e: &MouseEvent| under((&spec, &area), (&origin, &canvas), e)
    };
    // The pointer is over the chart at `e`: the page's hovered day follows it (painted on every
    // chart, no component rendered).
    let show = {
        let (painter, set_hover) = (painter.clone(), set_hover.clone());
        move |found: Option<(i64, Option<usize>)>| {
            painter.borrow_mut().over = Over {
                inside: true,
                series: found.and_then(|(_, series)| series),
            };
            set_hover.emit(found.map(|(day, _)| day));
        }
    };
    let down = {
        let (drag_from, at, show) = (drag_from.clone(), at.clone(), show.clone());
        Callback::from(move |e: PointerEvent| {
            let found = at(&e);
            if e.is_primary() && e.button() == 0 {
                *drag_from.borrow_mut() = found.map(|(day, _)| day);
            }
            // A tap shows the tooltip of the tapped day (touch has no hover).
            if e.pointer_type() == "touch" {
                show(found);
            }
        })
    };
    let moved = {
        let (drag_from, band, at) = (drag_from.clone(), band.clone(), at.clone());
        Callback::from(move |e: PointerEvent| {
            let found = at(&e);
            if let (Some(from), Some((to, _))) = (*drag_from.borrow(), found) {
                if from != to || band.is_some() {
                    band.set(Some((from, to)));
                }
            }
            show(found);
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
        let (set_hover, painter, drag_from, band) = (set_hover.clone(), painter.clone(), drag_from, band.clone());
        let origin = origin.clone();
        Callback::from(move |e: PointerEvent| {
            drag_from.borrow_mut().take();
            band.set(None);
            origin.forget();
            // A finger leaves the chart as soon as it lifts: the tapped day's tooltip stays.
            if e.pointer_type() != "touch" {
                painter.borrow_mut().over = Over::default();
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
            if let Some((day, _)) = at(&e) {
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
        band: *band,
        origin,
    }
}

/// Tells the painter whether the chart is in sight (an IntersectionObserver on `element`); a
/// chart coming into sight is painted at once with the page's hovered day.
#[hook]
fn use_sight(element: &NodeRef, painter: &Rc<RefCell<Painter>>, painters: &HoverPainters) {
    let (element, painter, painters) = (element.clone(), painter.clone(), painters.clone());
    use_effect_with((), move |_| {
        let closure = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            else {
                return;
            };
            let mut p = painter.borrow_mut();
            p.in_sight = entry.is_intersecting();
            p.paint(painters.day());
        });
        let observer = web_sys::IntersectionObserver::new(closure.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(target)) = (&observer, element.cast::<web_sys::Element>()) {
            observer.observe(&target);
        }
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(closure);
        }
    });
}

/// Forgets where the chart is whenever the page (or anything in it) scrolls or the window is
/// resized.
#[hook]
fn use_forget_on_scroll(origin: &Origin) {
    let origin = origin.clone();
    use_effect_with((), move |_| {
        let forget = move || origin.forget();
        let listeners = [
            crate::web::on_any_scroll(forget.clone()),
            crate::web::on_window("resize", forget),
        ];
        move || drop(listeners)
    });
}

/// Calls `callback` (its latest version) on every `event` of the element: a listener of the
/// element's own rather than the view's delegated one, which for each event looks up every
/// element from the target to the page's root; pointer moves come many times a second.
#[hook]
fn use_native_listener(element: &NodeRef, event: &'static str, callback: Callback<PointerEvent>) {
    let latest = use_mut_ref(Callback::noop);
    *latest.borrow_mut() = callback;
    let element = element.clone();
    use_effect_with((), move |_| {
        let listener = element.cast::<web_sys::Element>().map(|target| {
            gloo_events::EventListener::new(&target, event, move |e| {
                if let Some(e) = e.dyn_ref::<PointerEvent>() {
                    latest.borrow().emit(e.clone());
                }
            })
        });
        move || drop(listener)
    });
}

/// The chart itself: its canvas in the browser (drawn by `ChartCanvas`); natively, when the
/// first view is baked into the page, the same drawing as SVG, in a wide and a phone size (the
/// stylesheet shows the one for the screen).
fn chart_picture(props: &ChartLayerProps) -> Html {
    // How many lines a key may name: on a phone the key names every line whole, a row each, and
    // the stylesheet makes the chart that much taller so that the plot keeps its room (the baked
    // picture too, so that the app's canvas takes its place at the same height).
    let lines = props.spec.series.iter().filter(|s| s.keyed).count();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let label = props.canvas_label.as_str();
        let id = props.spec.id.as_str();
        let svg = |size, class: &str| {
            crate::chart::themed_svg(&props.spec, size, &format!("chart-canvas chart-baked {class}"), label).map(
                |svg| {
                    let attributes = format!("<svg data-chart=\"{id}\" style=\"--key-lines: {lines}\" ");
                    Html::from_html_unchecked(svg.replace("<svg ", &attributes).into())
                },
            )
        };
        match (
            svg((960, 540), "chart-baked-wide"),
            svg((360, 440 + phone_key_rows(lines)), "chart-baked-phone"),
        ) {
            (Ok(wide), Ok(phone)) => html! { <>{ wide }{ phone }</> },
            (Err(e), _) | (_, Err(e)) => html! { <p class="chart-error">{ e.to_string() }</p> },
        }
    }
    #[cfg(target_arch = "wasm32")]
    html! {
        <canvas ref={props.canvas.clone()} class="chart-canvas" data-chart={props.spec.id.as_str()} role="img"
            style={format!("--key-lines: {lines}")} aria-label={props.canvas_label.clone()} />
    }
}

/// What the stylesheet adds to a phone's chart for a key of `lines` lines, in CSS px: a row of
/// 1.15rem (16 px) for each line beyond three (style.css, `.chart-canvas` under 600 px).
#[cfg(not(target_arch = "wasm32"))]
fn phone_key_rows(lines: usize) -> u32 {
    (lines.saturating_sub(3) as f64 * 1.15 * 16.0).round() as u32
}

/// The chart's canvas and the layer over it: the selected day and a range being dragged
/// (rendered), the hovered day's marks and the tooltip beside them (painted, see `hover_paint`),
/// and under the chart the tooltip when there is no room beside the crosshair. A hover renders
/// none of it.
#[function_component(ChartLayer)]
pub fn chart_layer(props: &ChartLayerProps) -> Html {
    let (layer, below) = (use_node_ref(), use_node_ref());
    let painter = {
        let (canvas, layer, below, on_error) = (
            props.canvas.clone(),
            layer.clone(),
            below.clone(),
            props.on_error.clone(),
        );
        use_mut_ref(move || Painter::new(canvas, layer, below, on_error))
    };
    // The page's painters (a chart outside a page has its own: nothing else sets its day).
    let own = use_memo((), |_| HoverPainters::default());
    let painters = use_context::<HoverPainters>().unwrap_or_else(|| (*own).clone());
    {
        let (painter, painters) = (painter.clone(), painters.clone());
        use_effect_with((), move |_| painters.add(&painter));
    }
    {
        // The chart drawn again, or the keyboard's day: painted at once.
        let (painter, painters, area) = (painter.clone(), painters.clone(), props.area.clone());
        let keyboard = props.selected.filter(|_| props.keyboard);
        use_effect_with(
            (props.spec.clone(), props.drawn, keyboard, props.focus_series),
            move |(spec, _, keyboard, focus_series)| {
                let mut p = painter.borrow_mut();
                p.set_chart(spec, &area);
                p.keyboard = *keyboard;
                p.focus_series = *focus_series;
                p.paint(painters.day());
            },
        );
    }
    let stack = use_node_ref();
    use_sight(&stack, &painter, &painters);
    let pointer = use_pointer(
        &props.spec,
        &props.area,
        &props.canvas,
        &painter,
        &props.dispatch,
        &props.set_hover,
    );
    {
        // Drawn again: the canvas may have moved.
        let origin = pointer.origin.clone();
        use_effect_with(props.drawn, move |_| origin.forget());
    }
    use_native_listener(&stack, "pointermove", pointer.moved.clone());
    let selection = props.area.0.borrow().as_ref().map_or_else(Html::default, |p| {
        crosshair::selection_marks(&props.spec, p, props.selected, pointer.band)
    });
    html! {
        <>
        // The pointer's events come from the canvas (the marks over it ignore the pointer): an
        // element of its own over the canvas would cost a compositing layer on every chart.
        <div class="chart-stack" ref={stack}
            onpointerdown={pointer.down} onpointerup={pointer.up}
            onpointerleave={pointer.leave} onclick={pointer.click}>
            { chart_picture(props) }
            { selection }
            <div class="hover-layer" ref={layer}></div>
        </div>
        <div class="hover-below" ref={below}></div>
        </>
    }
}
