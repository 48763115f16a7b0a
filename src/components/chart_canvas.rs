use super::chart_layer::ChartLayer;
use super::crosshair::Placed;
use super::hooks::use_window_resizes;
use super::source_links;
use super::{Geometry, Shared};
use crate::chart::layout::text_factor;
use crate::chart::theme::ThemeName;
use crate::chart::{self, ChartId, ChartSpec, Drawn, Theme};
use crate::state::Action;
use crate::transform;
use crate::web::{self, IntlNumbers};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub spec: Shared<ChartSpec>,
    pub selected: Option<i64>,
    /// Called with the chart's id each time it has been drawn, or has said why it could not be
    /// (true), or waits out of sight until the app takes the baked view's place (false).
    pub on_drawn: Callback<(ChartId, bool)>,
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
    /// The chart's own choices (the country chart's countries and measures, the recorded
    /// chart's countries), at its head.
    #[prop_or_default]
    pub children: Html,
}

/// Draws `spec` on `canvas` at `ratio` device pixels per CSS pixel. Inlined into its two callers:
/// as a function of its own it made the wasm 0.4 KB larger (gzipped).
#[inline(always)]
fn draw_on(canvas: &HtmlCanvasElement, spec: &ChartSpec, theme: &Theme, scale: f64) -> Result<Drawn, String> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "this browser gives no 2D canvas".to_string())?;
    let numbers = IntlNumbers::compact(spec.lang);
    let widths = web::TextWidths::of(canvas);
    let width = |text: &str, size: f64| widths.as_ref().and_then(|w| w.width(text, &chart::canvas_font(size)));
    chart::draw(
        &backend.into_drawing_area(),
        spec,
        theme,
        scale,
        (&|v| numbers.format(v), &width),
    )
    .map_err(|e| e.to_string())
}

/// Sizes the chart's canvas for the screen and draws it there, with text in proportion to its
/// width. The label boxes go in the canvas's `data-labels` and the plot's box in `data-plot`
/// (CSS px: left, top, right, bottom), for tests and tools.
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
    let p = &drawn.plot;
    let plot = format!("{},{},{},{}", css(p.left), css(p.top), css(p.right), css(p.bottom));
    canvas.set_attribute("data-plot", &plot).ok();
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
    stamped.source_line = format!("{} {} · {stamp}", spec.source_line, spec.coverage);
    draw_on(&picture, &stamped, theme, 2.0 * text_factor(f64::from(width)))?;
    picture
        .to_data_url()
        .map_err(|_| tr!(spec.lang, PictureNotEncoded).to_string())
}

/// Draws the chart whenever its spec changes or the window is resized; returns where it was
/// drawn and how many times (the crosshair layer follows each drawing).
#[hook]
fn use_chart_drawing(
    canvas: &NodeRef,
    spec: &Shared<ChartSpec>,
    theme: ThemeName,
    on_drawn: &Callback<(ChartId, bool)>,
    error: &UseStateHandle<Option<String>>,
) -> (Geometry, u32) {
    let resized = use_window_resizes();
    let area = Geometry(use_mut_ref(|| None));
    let drawn = use_state(|| 0u32);
    {
        let (canvas, error, on_drawn) = (canvas.clone(), error.clone(), on_drawn.clone());
        let (area, drawn) = (area.clone(), drawn.clone());
        use_effect_with((spec.clone(), theme, resized), move |(spec, theme, _)| {
            // Each chart is drawn in a task of its own, after the render that placed it: the
            // page answers input between the drawings instead of after all of them.
            let (spec, theme) = (spec.clone(), *theme);
            // A drawing asked for again (new spec, theme or size) replaces one still waiting.
            let live = std::rc::Rc::new(std::cell::Cell::new(true));
            let still = live.clone();
            let (id, waits) = (spec.id, on_drawn.clone());
            // Drawn or not, the chart reports that it is done: a chart that cannot be drawn says
            // why in its error line, and the app still takes the first view's place.
            let paint = move |element: Option<HtmlCanvasElement>| {
                let drawing = match element {
                    Some(element) => web::measured("redraw", || draw(&element, &spec, theme.theme())),
                    None => Err(tr!(spec.lang, ChartNotOnPage).to_string()),
                };
                match drawing {
                    Ok(geometry) => {
                        *area.0.borrow_mut() = Some(geometry);
                        error.set(None);
                        drawn.set(*drawn + 1);
                    }
                    Err(message) => error.set(Some(tr!(spec.lang, ChartNotDrawn, why = message))),
                }
                on_drawn.emit((spec.id, true));
            };
            // While the app arrives under the baked view, a chart out of the window's sight is
            // drawn once the app shows: the page answers as soon as what is seen is drawn.
            let task = gloo_timers::callback::Timeout::new(0, move || match canvas.cast::<HtmlCanvasElement>() {
                Some(element) if web::waits_for_reveal(&element) => {
                    web::after_reveal(move || {
                        if still.get() {
                            paint(canvas.cast::<HtmlCanvasElement>());
                        }
                    });
                    waits.emit((id, false));
                }
                element => paint(element),
            });
            move || {
                live.set(false);
                drop(task)
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
            .ok_or_else(|| tr!(spec.lang, ChartNotOnPage).to_string())
            .and_then(|c| png(&spec, &c, &stamp, theme.theme()))
            .and_then(|url| {
                let name = format!("displacement-tracker-{}.png", spec.id);
                web::download(&name, &url).map_err(|e| e.to_string())
            });
        if let Err(message) = result {
            error.set(Some(tr!(spec.lang, PictureNotMade, why = message)));
        }
    })
}

/// The chart's figures as a table: war day, date, one column per series, the sources as its
/// caption (the same figures as the CSV export).
fn data_table(spec: &ChartSpec, id: &str) -> Html {
    let table = transform::table(spec);
    let lang = spec.lang;
    let number = web::exact_numbers(lang, spec.decimals);
    let (lo, hi) = spec.x_range;
    let caption = tr!(
        lang,
        TableCaption,
        title = spec.title,
        from = lang.whole(lo),
        to = lang.whole(hi),
        unit = spec.y_label,
        source = spec.source_line
    );
    // The caption is read with the table, and shown above its scrolling box (where it can wrap).
    html! {
        <>
        <p class="table-caption" aria-hidden="true">{ &caption }</p>
        <div class="table-scroll" id={id.to_string()} role="region" tabindex="0" aria-label={tr!(lang, AsATable, title = spec.title)}>
            <table class="chart-data">
                <caption class="visually-hidden">{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ tr!(lang, WarDay) }</th>
                        <th scope="col">{ tr!(lang, DateColumn) }</th>
                        { for table.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ r.day }</th>
                            <td>{ &r.date }</td>
                            { for r.cells.iter().map(|c| match c {
                                Some((v, precision)) => html! { <td>{ lang.qualified(number(*v), *precision) }</td> },
                                None => html! { <td class="none">{ "–" }<span class="visually-hidden">{ tr!(lang, NoReport) }</span></td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// The keyboard on a chart: Left and Right (and the page's other keys) move the selected day;
/// Up and Down move between the series, whose figure the chart's live region reads and its
/// tooltip marks; Escape hides the tooltip until the next key. Tab leaves as usual.
struct ChartKeys {
    on_key: Callback<KeyboardEvent>,
    on_focus: Callback<FocusEvent>,
    on_blur: Callback<FocusEvent>,
    /// Whether the tooltip follows the keyboard (the chart has focus and no Escape since).
    showing: bool,
    series: Option<usize>,
}

#[hook]
fn use_chart_keys(props: &ChartCanvasProps, said: UseStateHandle<String>, stop: Callback<()>) -> ChartKeys {
    let showing = use_state_eq(|| false);
    let series = use_state_eq(|| None::<usize>);
    let on_key = {
        let (showing, series, said) = (showing.clone(), series.clone(), said.clone());
        let (spec, selected, on_key, dispatch) = (
            props.spec.clone(),
            props.selected,
            props.on_key.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            // Keys belong to the chart when it has the focus itself (the figure): inside its
            // table (which scrolls with them), its buttons or its choices, they do what they do
            // there. (Yew listens at the root, so the figure is the target, not the current one.)
            let on_figure = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("figure"));
            if !on_figure {
                return;
            }
            let key = e.key();
            match key.as_str() {
                "ArrowUp" | "ArrowDown" if !spec.series.is_empty() => {
                    e.prevent_default();
                    // Between the series the day's tooltip lists (those that speak of the day).
                    let day = selected.unwrap_or(spec.x_range.1);
                    let listed: Vec<usize> = (0..spec.series.len()).filter(|i| spec.series[*i].covers(day)).collect();
                    let listed = if listed.is_empty() {
                        (0..spec.series.len()).collect()
                    } else {
                        listed
                    };
                    let n = listed.len();
                    let at = (*series).and_then(|i| listed.iter().position(|j| *j == i));
                    let next = listed[match (at, key == "ArrowDown") {
                        (None, true) => 0,
                        (None, false) => n - 1,
                        (Some(i), true) => (i + 1) % n,
                        (Some(i), false) => (i + n - 1) % n,
                    }];
                    series.set(Some(next));
                    showing.set(true);
                    // Without a selected day, the series are read on the last day.
                    if selected.is_none() {
                        dispatch.emit(Action::Select(day));
                    }
                    said.set(transform::series_line(
                        &spec,
                        next,
                        day,
                        &*web::exact_numbers(spec.lang, spec.decimals),
                    ));
                }
                "Escape" => {
                    showing.set(false);
                    stop.emit(());
                    on_key.emit(e);
                }
                _ => {
                    showing.set(true);
                    on_key.emit(e);
                }
            }
        })
    };
    let on_focus = {
        let showing = showing.clone();
        Callback::from(move |_: FocusEvent| showing.set(true))
    };
    let on_blur = {
        let showing = showing.clone();
        Callback::from(move |_: FocusEvent| showing.set(false))
    };
    ChartKeys {
        on_key,
        on_focus,
        on_blur,
        showing: *showing,
        series: *series,
    }
}

/// Listen: the chart's first series as a tone whose pitch follows the figure, the day said at
/// the start, the peak and the end (in the chart's live region). The button, Escape or the end
/// stops it.
struct Listening {
    toggle: Callback<MouseEvent>,
    stop: Callback<()>,
    playing: bool,
}

#[hook]
fn use_listen(
    spec: &Shared<ChartSpec>,
    said: UseStateHandle<String>,
    error: UseStateHandle<Option<String>>,
) -> Listening {
    // The sound and the timers of what is said while it plays; dropping them stops it all.
    let playing = use_mut_ref(|| None::<(web::Sound, Vec<gloo_timers::callback::Timeout>)>);
    // Counts the tunes started and stopped: the timer that ends a tune ends only its own.
    let tunes = use_mut_ref(|| 0u32);
    let on = use_state_eq(|| false);
    let stop = {
        let (playing, on, tunes) = (playing.clone(), on.clone(), tunes.clone());
        use_callback((), move |(), ()| {
            *tunes.borrow_mut() += 1;
            playing.borrow_mut().take();
            on.set(false);
        })
    };
    let playing_now = *on;
    let toggle = {
        let (spec, stop) = (spec.clone(), stop.clone());
        Callback::from(move |_: MouseEvent| {
            if playing.borrow().is_some() {
                stop.emit(());
                return;
            }
            let number = web::exact_numbers(spec.lang, spec.decimals);
            let Some(tune) = transform::tune(&spec, &*number) else {
                said.set(tr!(spec.lang, NothingToPlay).into());
                return;
            };
            match web::Sound::play(&tune.tones, tune.seconds) {
                Ok(sound) => {
                    let timers: Vec<_> = tune
                        .said
                        .into_iter()
                        .map(|(at, text)| {
                            let said = said.clone();
                            gloo_timers::callback::Timeout::new((at * 1000.0) as u32, move || said.set(text))
                        })
                        .collect();
                    // The end is not kept with the tune: stopping drops what the tune keeps,
                    // and a timer must not be dropped while it runs.
                    let (stop, tunes, mine) = (stop.clone(), tunes.clone(), *tunes.borrow());
                    gloo_timers::callback::Timeout::new((tune.seconds * 1000.0) as u32 + 300, move || {
                        if *tunes.borrow() == mine {
                            stop.emit(());
                        }
                    })
                    .forget();
                    *playing.borrow_mut() = Some((sound, timers));
                    on.set(true);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    Listening {
        toggle,
        stop,
        playing: playing_now,
    }
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
    let lang = spec.lang;
    let labels: Vec<String> = spec.series.iter().map(|s| s.label.clone()).collect();
    let canvas_label = tr!(
        lang,
        CanvasLabel,
        title = spec.title,
        series = labels.join(", "),
        source = spec.source_line
    );
    let summary = use_memo(spec.clone(), |spec| {
        transform::summary(spec, &*web::exact_numbers(spec.lang, spec.decimals))
    });
    let table_open = use_state_eq(|| false);
    let on_table = {
        let open = table_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let table_id = format!("table-{}", spec.id);
    let said = use_state_eq(String::new);
    let listen = use_listen(&props.spec, said.clone(), error.clone());
    let on_hover_error = {
        let error = error.setter();
        use_callback(lang, move |why: String, lang| {
            error.set(Some(tr!(*lang, HoverNotShown, why = why).to_string()))
        })
    };
    let keys = use_chart_keys(props, said.clone(), listen.stop.clone());
    html! {
        <figure class="chart" id={format!("chart-{}", spec.id)} tabindex="0" onkeydown={keys.on_key}
            onfocus={keys.on_focus} onblur={keys.on_blur}
            aria-label={tr!(lang, ChartKeysLabel, title = spec.title)}>
            // Embedded, the chart is the page: its title is the page's heading.
            if props.sources_page.is_empty() {
                <h2 class="visually-hidden">{ &spec.title }</h2>
            } else {
                <h1 class="visually-hidden">{ &spec.title }</h1>
            }
            // The chart's own choices, at its head.
            { props.children.clone() }
            <ChartLayer spec={spec.clone()} canvas={canvas.clone()} canvas_label={canvas_label} area={area}
                drawn={drawn} selected={props.selected} theme={props.theme} dispatch={props.dispatch.clone()} set_hover={props.set_hover.clone()}
                keyboard={keys.showing} focus_series={keys.series} on_error={on_hover_error} />
            <p class="visually-hidden" aria-live="polite">{ (*said).clone() }</p>
            if let Some(message) = &*error {
                <p class="chart-error" role="alert">{ message }</p>
            }
            <p class="chart-coverage">
                { &spec.coverage }
                if let Some((publisher, url)) = &spec.later_figures {
                    { " " }{ tr!(lang, LaterFigures) }{ " " }<a href={url.clone()}>{ publisher }</a>{ "." }
                }
            </p>
            <p class="chart-summary">{ &*summary }</p>
            if !spec.notes.is_empty() || !spec.marks.is_empty() {
                <ul class="chart-notes">
                    { for spec.notes.iter().map(|n| html! { <li>{ n }</li> }) }
                    { for spec.mark_notes().into_iter().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            }
            if *table_open { { data_table(spec, &table_id) } }
            <figcaption class="source-line">
                { source_links(spec, &props.sources_page) }
                // The chart's actions stay together: beside the sources where there is room,
                // else on a line of their own.
                <span class="chart-actions">
                <button type="button" class="show-table" aria-expanded={table_open.to_string()} aria-controls={table_id.clone()} onclick={on_table}>
                    { if *table_open { tr!(lang, HideTable) } else { tr!(lang, ShowAsTable) } }
                </button>
                <button type="button" class="listen" onclick={listen.toggle}>
                    { if listen.playing { tr!(lang, Stop) } else { tr!(lang, Listen) } }
                    <span class="visually-hidden">{ " " }{ if listen.playing { tr!(lang, StopWhat) } else { tr!(lang, ListenWhat) } }</span>
                </button>
                <button type="button" class="png" onclick={on_png}>{ "PNG" }<span class="visually-hidden">{ " " }{ tr!(lang, PngWhat, title = spec.title) }</span></button>
                </span>
            </figcaption>
        </figure>
    }
}
