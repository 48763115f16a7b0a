//! A reader's own files: chosen with the file picker or dropped on the page, read on the
//! device.

use super::{browser, js_message, WebError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Reads a file the reader chose, on this device: nothing is sent anywhere.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, WebError> {
    let read = |e: JsValue| WebError(format!("could not read {}: {}", file.name(), js_message(&e)));
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(read)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of a file input's choice, if any; the input is emptied so that choosing the
/// same file again opens it again.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Files dragged onto the page: `dragging(true)` while files are over it, `dragging(false)` when
/// they leave or are dropped, and `dropped` with the first file dropped. Only drags that carry
/// files are taken (text or links dragged inside the page work as before). Listeners live until
/// dropped.
pub fn on_file_drop(
    dragging: impl Fn(bool) + 'static,
    dropped: impl Fn(web_sys::File) + 'static,
) -> Vec<gloo_events::EventListener> {
    use gloo_events::{EventListener, EventListenerOptions};
    use std::rc::Rc;
    let Some(window) = browser() else {
        return Vec::new();
    };
    fn files(event: &web_sys::Event) -> Option<web_sys::DataTransfer> {
        let transfer = event.dyn_ref::<web_sys::DragEvent>()?.data_transfer()?;
        transfer
            .types()
            .includes(&JsValue::from_str("Files"), 0)
            .then_some(transfer)
    }
    let dragging = Rc::new(dragging);
    let active = EventListenerOptions::enable_prevent_default();
    let over = {
        let dragging = dragging.clone();
        EventListener::new_with_options(&window, "dragover", active, move |event| {
            if let Some(transfer) = files(event) {
                event.prevent_default();
                transfer.set_drop_effect("copy");
                dragging(true);
            }
        })
    };
    let leave = {
        let dragging = dragging.clone();
        EventListener::new(&window, "dragleave", move |event| {
            // Leaving the window: no element under the pointer any more.
            let left = event
                .dyn_ref::<web_sys::DragEvent>()
                .is_some_and(|e| e.related_target().is_none());
            if left {
                dragging(false);
            }
        })
    };
    let drop = EventListener::new_with_options(&window, "drop", active, move |event| {
        if let Some(transfer) = files(event) {
            event.prevent_default();
            dragging(false);
            if let Some(file) = transfer.files().and_then(|f| f.get(0)) {
                dropped(file);
            }
        }
    });
    vec![over, leave, drop]
}
