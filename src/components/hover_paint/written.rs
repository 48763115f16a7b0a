//! Elements the hover painter writes, and what it last wrote into each: writing the same again
//! costs nothing, and a position is one style property (setting the whole style attribute makes
//! the browser parse all of it again, several times the cost).

use crate::web::WebError;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn document() -> Result<Document, WebError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| WebError("no document to draw the hovered day in".into()))
}

pub fn failed(doing: &str) -> impl Fn(wasm_bindgen::JsValue) -> WebError + '_ {
    move |e| WebError::from_js(doing, &e)
}

/// A new element with a class.
pub fn element(doc: &Document, tag: &str, class: &str) -> Result<Element, WebError> {
    let e = doc
        .create_element(tag)
        .map_err(failed("making the hovered day's marks"))?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// An element and what was last written into it.
pub struct Written {
    pub element: Element,
    /// The style properties written, with their values.
    pub props: Vec<(&'static str, String)>,
    class: String,
    text: String,
    /// Where the element is (none: not on the page).
    at: Option<Place>,
}

impl Written {
    pub fn new(element: Element) -> Self {
        let class = element.class_name();
        Self {
            element,
            props: Vec::new(),
            class,
            text: String::new(),
            at: None,
        }
    }

    /// Sets a style property (or removes it: `None`), unless it already has that value.
    pub fn prop(&mut self, name: &'static str, value: Option<String>) -> Result<(), WebError> {
        let now = self.props.iter().position(|(n, _)| *n == name);
        if now.map(|i| Some(&self.props[i].1)) == Some(value.as_ref()) {
            return Ok(());
        }
        let style = self.element.unchecked_ref::<web_sys::HtmlElement>().style();
        match &value {
            Some(v) => style.set_property(name, v),
            None => style.remove_property(name).map(drop),
        }
        .map_err(failed("placing the hovered day's marks"))?;
        if let Some(i) = now {
            self.props.remove(i);
        }
        if let Some(v) = value {
            self.props.push((name, v));
        }
        Ok(())
    }

    pub fn class(&mut self, class: &str) {
        if self.class != class {
            self.element.set_class_name(class);
            self.class = class.to_string();
        }
    }

    pub fn text(&mut self, text: &str) {
        if self.text != text {
            self.element.set_text_content(Some(text));
            self.text = text.to_string();
        }
    }

    /// Puts the element last in `parent` (the container over the chart or the one under it),
    /// or takes it out; nothing when it is already there.
    pub fn attach(&mut self, parent: Option<(&Element, Place)>) -> Result<(), WebError> {
        if self.at == parent.map(|(_, place)| place) {
            return Ok(());
        }
        match parent {
            Some((p, place)) => {
                p.append_child(&self.element)
                    .map_err(failed("showing the hovered day's marks"))?;
                self.at = Some(place);
            }
            None => {
                self.element.remove();
                self.at = None;
            }
        }
        Ok(())
    }
}

/// Which of the two containers an element is in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    Over,
    Below,
}
