//! In headless Chromium (wasm-bindgen-test): the app's components mount, the charts' canvases
//! get drawn, the quote panel and the error panel render what they are given. (A panic leaves
//! the module unusable, so the panic panel has its own test binary, `browser_panic.rs`.)
#![cfg(target_arch = "wasm32")]

use displacement_tracker::components::{
    error_panel, mount_with, FirstView, FirstViewProps, LoadError, QuotePanel, QuotePanelProps, Shared,
};
use displacement_tracker::data::{parse_dataset, Dataset};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

mod support;

use support::sleep;

wasm_bindgen_test_configure!(run_in_browser);

fn dataset() -> Dataset {
    parse_dataset(include_str!("../assets/data/dataset.json")).unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the body, with the page's chart size (the test page has no stylesheet).
fn mount_point() -> Element {
    let doc = document();
    if doc.get_element_by_id("test-style").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("test-style");
        style.set_text_content(Some(".chart-canvas { display: block; width: 800px; height: 400px; }"));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

/// Waits (up to 5 s) until `ready` holds.
async fn until(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if ready() {
            return true;
        }
        sleep(50).await;
    }
    ready()
}

/// Share of pixels that are not white.
fn ink(canvas: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).unwrap().data();
    let inked = data
        .chunks(4)
        .filter(|p| p[0] < 240 || p[1] < 240 || p[2] < 240)
        .count();
    inked as f64 / (w * h) as f64
}

fn canvases(root: &Element) -> Vec<HtmlCanvasElement> {
    let list = root.query_selector_all("canvas.chart-canvas").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn dashboard_draws_every_chart() {
    let root = mount_point();
    let props = FirstViewProps {
        dataset: Shared::new(dataset()),
        on_lang: Default::default(),
    };
    mount_with::<FirstView>(Some(root.clone()), props).unwrap();
    let charts = displacement_tracker::chart::ChartId::ALL.len();
    assert_eq!(charts, 7, "a chart per measure");
    assert!(until(|| canvases(&root).len() == charts).await, "every chart's canvas");
    // A canvas not drawn yet is 300 x 150 and transparent (which counts as ink): the charts are
    // drawn once each is sized for the screen and has ink. Engines run the drawing effects at
    // different times after the first render.
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    let sized = |c: &HtmlCanvasElement| c.width() == (800.0 * ratio).round() as u32;
    assert!(
        until(|| canvases(&root).iter().all(|c| sized(c) && ink(c) > 0.01)).await,
        "every canvas is drawn"
    );
    for canvas in canvases(&root) {
        assert_eq!(
            canvas.width(),
            (800.0 * ratio).round() as u32,
            "backing store follows devicePixelRatio"
        );
        let blank = ink(&canvas);
        assert!(blank < 0.6, "a chart, not a filled rectangle: {blank}");
    }
    // The view comes in stages while it starts: the sources are in after the charts.
    assert!(
        until(|| root.text_content().unwrap_or_default().contains("Sources and method")).await,
        "the sources section is rendered"
    );
    let text = root.text_content().unwrap();
    assert!(
        text.contains("24 Feb 2022 (day 1) to 31 Jul 2026 (day 1,619)"),
        "the header states the date range"
    );
    assert!(
        root.query_selector(".chart-error").unwrap().is_none(),
        "no chart reported an error"
    );
    // The app is ready (and marks it) once its charts are drawn and the rest of the view is in.
    let marks = || {
        web_sys::window()
            .unwrap()
            .performance()
            .unwrap()
            .get_entries_by_name_with_entry_type("first-chart", "mark")
            .length()
    };
    assert!(until(|| marks() > 0).await, "first-chart is marked");
    assert_eq!(marks(), 1, "first-chart is marked once");
}

#[wasm_bindgen_test]
async fn quote_panel_renders_a_small_dataset() {
    let mut d = dataset();
    d.quotes
        .retain(|q| q.speaker == "Dmitry Peskov" || q.speaker == "Volodymyr Zelenskyy");
    d.quotes.truncate(2);
    d.quotes.reverse();
    let root = mount_point();
    yew::Renderer::<QuotePanel>::with_root_and_props(
        root.clone(),
        QuotePanelProps {
            dataset: Shared::new(d.clone()),
            selected: Some(26),
            on_select: yew::Callback::noop(),
            quotes_shown: true,
        },
    )
    .render();
    assert!(until(|| root.query_selector_all("li.quote").unwrap().length() == 2).await);
    let items = root.query_selector_all("li.quote").unwrap();
    let first = items.item(0).unwrap().text_content().unwrap();
    let second = items.item(1).unwrap().text_content().unwrap();
    // In date order whatever the dataset order: Zelenskyy (20 Mar) before Peskov (21 Mar).
    assert!(
        first.contains("Volodymyr Zelenskyy") && first.contains("20 Mar 2022") && first.contains("day 25"),
        "{first}"
    );
    assert!(
        second.contains("Dmitry Peskov") && second.contains("day 26"),
        "{second}"
    );
    assert!(first.contains("condenses the answer"), "the quote's note is shown");
    let current = root.query_selector_all("li.quote.current").unwrap();
    assert_eq!(current.length(), 1, "the selected day's quote is highlighted");
    assert!(current
        .item(0)
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Dmitry Peskov"));
    let links = root.query_selector_all("li.quote a").unwrap();
    assert_eq!(links.length(), 3, "two sources and one original");
    let href = links
        .item(1)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert_eq!(
        href,
        "https://transcripts.cnn.com/show/fzgps/date/2022-03-20/segment/02"
    );
}

#[derive(yew::Properties, PartialEq)]
struct ErrorPanelHostProps {
    error: LoadError,
}

/// The error panel is a plain function; this component mounts it on its own.
#[yew::function_component(ErrorPanelHost)]
fn error_panel_host(props: &ErrorPanelHostProps) -> yew::Html {
    error_panel(&props.error, displacement_tracker::i18n::Lang::En)
}

/// The numbers and dates the pure layers write natively (the first view baked at build time,
/// the tooltips' and summaries' words) are exactly what the browser's Intl writes in each
/// language's locale.
#[wasm_bindgen_test]
fn native_numbers_and_dates_match_intl() {
    use displacement_tracker::data::Date;
    use displacement_tracker::i18n::Lang;
    use displacement_tracker::web::{intl_date, IntlNumbers};
    let figures = [
        0.0,
        0.2,
        7.0,
        999.0,
        1000.0,
        2500.0,
        12_345.0,
        150_000.0,
        999_500.0,
        3_460_430.0,
        6_801_987.0,
        1.2e9,
        3e12,
        -1234.0,
        -5000.0,
        57.1,
        1234.5,
    ];
    for lang in Lang::ALL.iter().copied() {
        let compact = IntlNumbers::compact(lang);
        for decimals in [0u8, 1, 2, 3] {
            let exact = IntlNumbers::exact(lang, decimals);
            for v in figures {
                assert_eq!(
                    lang.fixed(v, decimals),
                    exact.format(v),
                    "{lang} {v} with {decimals} decimals"
                );
            }
        }
        for v in figures.iter().filter(|v| **v >= 0.0) {
            assert_eq!(lang.compact(*v), compact.format(*v), "{lang} compact {v}");
        }
        for month in 1..=12u8 {
            for (year, day) in [(2022, 1u8), (2023, 28)] {
                let date = Date::from_calendar(year, month, day).unwrap();
                let intl = intl_date(lang, date).map(|d| match lang {
                    // The page's English writes September "Sep", as it always has; en-GB's
                    // locale data says "Sept". Every other month and all of Ukrainian match.
                    Lang::En => d.replace("Sept", "Sep"),
                    Lang::Uk => d,
                });
                assert_eq!(Some(lang.date(date)), intl, "{lang} {date}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn error_panel_lists_every_problem() {
    let json = include_str!("../assets/data/dataset.json").replacen("\"schema_version\":3", "\"schema_version\":9", 1);
    let err = parse_dataset(&json).unwrap_err();
    let error = LoadError {
        what: format!("The dataset is not valid: {err}"),
        location: "data/dataset.json".into(),
        details: err.details(),
    };
    let root = mount_point();
    yew::Renderer::<ErrorPanelHost>::with_root_and_props(root.clone(), ErrorPanelHostProps { error }).render();
    assert!(until(|| root.query_selector("[role=alert]").unwrap().is_some()).await);
    let text = root.text_content().unwrap();
    assert!(
        text.contains("schema_version 9, but this app reads schema_version 3"),
        "{text}"
    );
    assert!(text.contains("data/dataset.json"));
}

#[wasm_bindgen_test]
fn sound_that_cannot_play_closes_its_audio_context() {
    // Counts the audio contexts closed, from here on.
    js_sys::Function::new_no_args(
        "const proto = AudioContext.prototype;
         if (!proto.closedForTest) {
           const close = proto.close;
           proto.close = function () { window.closedForTest += 1; return close.call(this); };
           proto.closedForTest = true;
         }
         window.closedForTest = 0;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    // A tone at a time that is not a number: Web Audio refuses it once the context is open.
    let played = displacement_tracker::web::Sound::play(&[(f64::NAN, 440.0)], 1.0);
    let error = played.err().expect("a tone at no time is refused");
    assert!(error.to_string().contains("cannot play the chart as sound"), "{error}");
    let closed = js_sys::Reflect::get(&web_sys::window().unwrap(), &"closedForTest".into()).unwrap();
    assert_eq!(closed.as_f64(), Some(1.0), "the context opened for it is closed");
}
