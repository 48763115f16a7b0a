//! Browser glue: fetching, canvas sizing, performance marks, the URL, downloads and the
//! clipboard, and the panel a panic leaves; Intl and the reader's language in `intl`, a reader's
//! files in `files`, sound in `sound`. No domain rules here, and no knowledge of the components.

use js_sys::Reflect;
use std::collections::HashMap;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, Response};

mod files;
mod intl;
mod sound;

pub use files::{chosen_file, on_file_drop, read_file};
pub use intl::{exact_numbers, initial_lang, intl_date, remember_lang, set_page_lang, IntlNumbers};
pub use sound::Sound;

/// A failure of a browser call, with what was being done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebError(pub String);

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl WebError {
    /// A browser call's failure while `doing` something.
    pub fn from_js(doing: &str, value: &JsValue) -> Self {
        Self(format!("{doing}: {}", js_message(value)))
    }
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The browser's window: none natively, where the views render the first view into the page at
/// build time (every function here then does nothing, or gives its default).
fn browser() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    let window = web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    let window = None;
    window
}

fn window() -> Result<web_sys::Window, WebError> {
    browser().ok_or_else(|| WebError("no browser window".into()))
}

/// The element the app renders into (index.html has it; without it the app renders into body).
const ROOT_ID: &str = "app";

/// The page's `#app` element, if it has one.
pub fn app_root() -> Option<web_sys::Element> {
    browser()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID))
}

/// The page's body, as an element.
pub fn body() -> Option<web_sys::Element> {
    browser()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .map(Into::into)
}

/// Shows an error panel in place of the app (used by the panic hook, when Yew can no longer
/// render): it replaces the content of `#app`, or goes first in the body when there is none.
pub fn show_fatal_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
    let Some(document) = browser().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("fatal-error").is_some() {
        return;
    }
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    panel.set_id("fatal-error");
    panel.set_class_name("error-panel");
    panel.set_attribute("role", "alert").ok();
    let heading = document.create_element("h2").ok();
    let text = document.create_element("pre").ok();
    let hint = document.create_element("p").ok();
    if let (Some(heading), Some(text), Some(hint)) = (heading, text, hint) {
        heading.set_text_content(Some("The app stopped because of an internal error"));
        text.set_text_content(Some(message));
        hint.set_text_content(Some(
            "Reload the page to try again. If this keeps happening, please report the message above.",
        ));
        panel.append_child(&heading).ok();
        panel.append_child(&text).ok();
        panel.append_child(&hint).ok();
    }
    // While the app arrives (rendered out of sight under the first view baked into the page),
    // the panel goes first in the page, where it is seen, and the baked view stays: its figures
    // and sources are whole, but its controls would do nothing, so they are made inert and the
    // panel says so.
    let baked = document.get_element_by_id(BAKED_ID);
    let root = document.get_element_by_id(ROOT_ID);
    if let (Some(baked), Ok(note)) = (&baked, document.create_element("p")) {
        note.set_text_content(Some(
            "What follows is the page's first view as published: every figure, quote and source is there, but its controls do not work.",
        ));
        panel.append_child(&note).ok();
        if let Ok(controls) = baked.query_selector_all(".controls, .timeline, .zoom, input, button, select") {
            for element in elements(&controls) {
                element.set_attribute("inert", "").ok();
                element.set_attribute("aria-disabled", "true").ok();
            }
        }
    }
    match (baked, root) {
        (None, Some(root)) => {
            root.set_text_content(None);
            root.class_list().remove_1(ARRIVING).ok();
            root.append_child(&panel).ok();
        }
        (Some(_), Some(root)) => {
            root.set_text_content(None);
            body.prepend_with_node_1(&panel).ok();
        }
        _ => {
            body.prepend_with_node_1(&panel).ok();
        }
    }
    panel.scroll_into_view();
}

/// Calls `f` on each `event` of the window (e.g. "resize") until the listener is dropped.
pub fn on_window(event: &'static str, f: impl FnMut() + 'static) -> Option<gloo_events::EventListener> {
    let mut f = f;
    let window = browser()?;
    Some(gloo_events::EventListener::new(&window, event, move |_| f()))
}

/// Calls `f` whenever the page or anything in it scrolls (scroll events do not bubble: the
/// window hears them while they are captured), until the listener is dropped.
pub fn on_any_scroll(f: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let window = browser()?;
    let options = gloo_events::EventListenerOptions {
        phase: gloo_events::EventListenerPhase::Capture,
        passive: true,
    };
    Some(gloo_events::EventListener::new_with_options(
        &window,
        "scroll",
        options,
        move |_| f(),
    ))
}

/// What a fetch brought: the body's bytes and, when the page's service worker answered from its
/// copy because the network did not, that it did and when the copy was saved.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub saved: Option<SavedCopy>,
}

/// An answer from the service worker's copy (`X-Saved-At`): the day it was saved where the
/// reader is (their calendar, as every other date the page gives of the reader's own time),
/// if the header gives a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavedCopy {
    pub day: Option<crate::data::Date>,
}

/// The header the service worker (`assets/sw.js`) puts on an answer from its saved copy.
const SAVED_AT: &str = "x-saved-at";

/// GETs a URL (relative to the page) and returns its bytes, or what went wrong.
pub async fn fetch_bytes(url: &str) -> Result<Fetched, WebError> {
    let response = JsFuture::from(window()?.fetch_with_str(url))
        .await
        .map_err(|e| WebError(format!("could not fetch {url}: {}", js_message(&e))))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| WebError(format!("could not fetch {url}: not a response")))?;
    if !response.ok() {
        return Err(WebError(format!(
            "could not fetch {}: HTTP {} {}",
            response.url(),
            response.status(),
            response.status_text()
        )));
    }
    let saved = response.headers().get(SAVED_AT).ok().flatten().map(|at| SavedCopy {
        day: local_day(&js_sys::Date::new(&JsValue::from_str(&at))),
    });
    let read = |e: JsValue| WebError(format!("could not read {url}: {}", js_message(&e)));
    let buffer = JsFuture::from(response.array_buffer().map_err(read)?)
        .await
        .map_err(read)?;
    Ok(Fetched {
        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
        saved,
    })
}

/// Waits for a task of its own (a zero timeout): what follows runs after the browser has had
/// the chance to handle input and paint. Natively, at once.
pub async fn next_task() {
    let Some(window) = browser() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if window.set_timeout_with_callback(&resolve).is_err() {
            resolve.call0(&JsValue::NULL).ok();
        }
    });
    JsFuture::from(promise).await.ok();
}

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

/// `performance.mark(name)`, ignored where the browser has no User Timing.
pub fn mark(name: &str) {
    if let Some(performance) = browser().and_then(|w| w.performance()) {
        performance.mark(name).ok();
    }
}

/// `performance.mark(name)` unless there is one already (the baked first view may have made it).
pub fn mark_once(name: &str) {
    if let Some(performance) = browser().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(name).length() == 0 {
            performance.mark(name).ok();
        }
    }
}

/// The id of the first view baked into the page, and the class of the app while it arrives
/// (rendered, invisible, out of the flow) under it.
const BAKED_ID: &str = "baked";
const ARRIVING: &str = "arriving";

thread_local! {
    /// Work that waits for the app to show (`after_reveal`), in the order it was asked for.
    static AFTER_REVEAL: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The app takes the place of the baked first view: the view goes, the app shows in its place;
/// then what waited for it (`after_reveal`) runs, a task each.
pub fn reveal_app() {
    let Some(document) = browser().and_then(|w| w.document()) else {
        return;
    };
    let root = document.get_element_by_id(ROOT_ID);
    if let Some(baked) = document.get_element_by_id(BAKED_ID) {
        if let Some(root) = &root {
            adopt(root, &baked);
        }
        baked.remove();
    }
    if let Some(root) = root {
        root.class_list().remove_1(ARRIVING).ok();
    }
    for work in AFTER_REVEAL.take() {
        gloo_timers::callback::Timeout::new(0, work).forget();
    }
}

/// Moves into each box of the app that asks for them (`data-adopt`, a selector within the baked
/// view: see `components::adopting`) what its selector finds in the baked view.
fn adopt(root: &web_sys::Element, baked: &web_sys::Element) {
    let Ok(boxes) = root.query_selector_all("[data-adopt]") else {
        return;
    };
    for place in elements(&boxes) {
        let found = place
            .get_attribute("data-adopt")
            .and_then(|selector| baked.query_selector_all(&selector).ok());
        for node in found.iter().flat_map(elements) {
            place.append_child(&node).ok();
        }
    }
}

/// The elements of a node list, in its order.
fn elements(list: &web_sys::NodeList) -> impl Iterator<Item = web_sys::Element> + '_ {
    (0..list.length()).filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()))
}

/// Whether `element` is out of the window's sight while the app arrives (rendered out of sight
/// under the baked view, laid out where it will show): what it shows can wait until the app
/// has taken the view's place. Never once the app shows.
pub fn waits_for_reveal(element: &web_sys::Element) -> bool {
    let Some(window) = browser() else {
        return false;
    };
    let arriving = window
        .document()
        .and_then(|d| d.get_element_by_id(ROOT_ID))
        .is_some_and(|root| root.class_list().contains(ARRIVING));
    if !arriving {
        return false;
    }
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let rect = element.get_bounding_client_rect();
    rect.bottom() <= 0.0 || rect.top() >= height
}

/// Runs `work` once the app has taken the baked view's place (`reveal_app`), in a task of its
/// own.
pub fn after_reveal(work: impl FnOnce() + 'static) {
    AFTER_REVEAL.with_borrow_mut(|waiting| waiting.push(Box::new(work)));
}

/// Runs `f` inside `performance.measure(name, ...)`, so harnesses can time it.
pub fn measured<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    let step = MeasuredSteps::start(name);
    let out = f();
    step.end();
    out
}

/// Work done in steps, a task each (`pause` between them), each step measured as `name` on the
/// page's performance timeline (one entry per step; their sum is the work's time).
pub struct MeasuredSteps {
    name: &'static str,
}

impl MeasuredSteps {
    pub fn start(name: &'static str) -> Self {
        let steps = Self { name };
        steps.mark();
        steps
    }

    fn mark(&self) {
        if let Some(p) = browser().and_then(|w| w.performance()) {
            p.mark(&format!("{}-start", self.name)).ok();
        }
    }

    /// Ends the step under way.
    pub fn end(&self) {
        if let Some(p) = browser().and_then(|w| w.performance()) {
            p.measure_with_start_mark(self.name, &format!("{}-start", self.name))
                .ok();
        }
    }

    /// Ends the step under way, lets the browser run what waits (a new task), starts the next.
    pub async fn pause(&self) {
        self.end();
        next_task().await;
        self.mark();
    }
}

/// The build the page is (release builds name it in `<meta name="build">`), if any.
pub fn page_build() -> Option<String> {
    browser()?
        .document()?
        .query_selector(r#"meta[name="build"]"#)
        .ok()??
        .get_attribute("content")
}

/// The page's query string (with `?`), or empty.
pub fn location_search() -> String {
    browser().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Puts a query in the address bar: a new history entry, or in place of the current one.
pub fn set_query(query: &str, new_entry: bool) {
    let Some(window) = browser() else { return };
    if location_search().trim_start_matches('?') == query {
        return;
    }
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window.history() {
        if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url)).ok();
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url)).ok();
        }
    }
}

/// The page's address without its query or fragment (origin and path).
pub fn page_base() -> String {
    browser()
        .and_then(|w| {
            let location = w.location();
            Some(format!("{}{}", location.origin().ok()?, location.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Today's date where the reader is.
pub fn today() -> Option<crate::data::Date> {
    browser()?;
    local_day(&js_sys::Date::new_0())
}

/// The day of a moment in the reader's calendar (their time zone); none for an invalid time.
fn local_day(at: &js_sys::Date) -> Option<crate::data::Date> {
    if at.get_time().is_nan() {
        return None;
    }
    crate::data::Date::from_calendar(at.get_full_year() as i32, at.get_month() as u8 + 1, at.get_date() as u8)
}

/// A `data:` URL holding a text, for downloads.
pub fn text_data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Offers `href` (a `data:` URL) as a file download named `filename`.
pub fn download(filename: &str, href: &str) -> Result<(), WebError> {
    let failed = |e: JsValue| WebError(format!("the download could not start: {}", js_message(&e)));
    let document = window()?.document().ok_or_else(|| WebError("no document".into()))?;
    let link = document.create_element("a").map_err(failed)?;
    link.set_attribute("href", href).map_err(failed)?;
    link.set_attribute("download", filename).map_err(failed)?;
    link.dyn_into::<web_sys::HtmlElement>()
        .map_err(|e| failed(e.into()))?
        .click();
    Ok(())
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

/// Copies a text to the clipboard, where the browser allows it (secure pages only).
pub async fn copy_text(text: &str) -> Result<(), WebError> {
    let navigator = window()?.navigator();
    let available = Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| c.is_object());
    if !available {
        return Err(WebError(
            "this page cannot use the clipboard here; select the text and copy it".into(),
        ));
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(drop)
        .map_err(|e| WebError(format!("the browser did not copy: {}", js_message(&e))))
}

/// Whether a media query matches (false where the browser cannot tell).
pub fn media_matches(query: &str) -> bool {
    browser()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Calls `f` with the new answer each time a media query's answer changes, until dropped.
pub fn on_media_change(query: &str, f: impl Fn(bool) + 'static) -> Option<gloo_events::EventListener> {
    let list = browser()?.match_media(query).ok().flatten()?;
    let target = list.clone();
    Some(gloo_events::EventListener::new(&target, "change", move |_| {
        f(list.matches())
    }))
}

/// A value kept in the browser's local storage (none where storage is unavailable or blocked).
pub fn stored(key: &str) -> Option<String> {
    browser()?.local_storage().ok().flatten()?.get_item(key).ok().flatten()
}

/// Keeps a value in local storage, or forgets it; says so when the browser refuses.
pub fn store(key: &str, value: Option<&str>) -> Result<(), WebError> {
    let refused = |_| WebError("this browser does not keep settings for this page".into());
    let storage = window()?
        .local_storage()
        .map_err(refused)?
        .ok_or_else(|| refused(JsValue::NULL))?;
    match value {
        Some(v) => storage.set_item(key, v).map_err(refused),
        None => storage.remove_item(key).map_err(refused),
    }
}

/// The address of one of the site's own files (`data/dataset.json`): from the site's root as
/// the page's loader found it (`<html data-root>`, boot.js: a page in a language's folder, uk/,
/// takes its files from the root), else relative to the page.
pub fn site_address(path: &str) -> String {
    let root = browser()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-root"))
        .unwrap_or_default();
    format!("{root}{path}")
}

/// Sets (or removes) an attribute of the page's root element, e.g. `data-theme`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = browser().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    match value {
        Some(v) => root.set_attribute(name, v).ok(),
        None => root.remove_attribute(name).ok(),
    };
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}
