//! Browser glue: fetching, the URL, downloads and the clipboard, storage, media queries, and the
//! panel a panic leaves; canvases in `canvas`, the app's start (tasks, marks, taking the baked
//! view's place) in `start`, Intl and the reader's language in `intl`, a reader's files in
//! `files`, sound in `sound`. No domain rules here, and no knowledge of the components.

use js_sys::Reflect;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

mod canvas;
mod files;
mod intl;
mod sound;
mod start;

pub use canvas::{fit_canvas, new_canvas, TextWidths};
pub use files::{chosen_file, on_file_drop, read_file};
pub use intl::{exact_numbers, initial_lang, intl_date, remember_lang, set_page_lang, IntlNumbers};
pub use sound::Sound;
pub use start::{after_reveal, mark, mark_once, measured, next_task, reveal_app, waits_for_reveal, MeasuredSteps};
use start::{ARRIVING, BAKED_ID};

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

/// The elements of a node list, in its order.
fn elements(list: &web_sys::NodeList) -> impl Iterator<Item = web_sys::Element> + '_ {
    (0..list.length()).filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()))
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
