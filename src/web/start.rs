//! The app's start: tasks of their own, performance marks and measured steps, and the app taking
//! the place of the first view baked into the page.

use super::{browser, elements, ROOT_ID};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

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
pub(super) const BAKED_ID: &str = "baked";
pub(super) const ARRIVING: &str = "arriving";

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
