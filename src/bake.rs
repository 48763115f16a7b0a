//! The first view in the page itself: the app's own components, rendered natively with Yew's
//! server renderer at build time (the charts as SVG from the same chart code), written into
//! index.html. A reader sees the header, the charts, the quotes and the sources before the
//! wasm arrives, and without JavaScript; the app then renders its own view out of sight and
//! takes the baked view's place when its charts are drawn (`web::reveal_app`).

use crate::components::{FirstView, FirstViewProps, Shared};
use crate::data::{parse_dataset, DatasetError};
use std::fmt;

/// Why the first view could not be baked.
#[derive(Debug)]
pub enum BakeError {
    Dataset(DatasetError),
    /// The page has no empty `#app` element to put the view beside.
    NoAppElement,
    Render(String),
}

impl fmt::Display for BakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BakeError::Dataset(e) => write!(f, "the dataset cannot be baked: {e}"),
            BakeError::NoAppElement => f.write_str("the page has no empty <div id=\"app\"></div> to bake beside"),
            BakeError::Render(e) => write!(f, "the first view could not be rendered: {e}"),
        }
    }
}

/// The first view of a dataset (JSON) as HTML, rendered by the app's components.
pub fn first_view(dataset_json: &str) -> Result<String, BakeError> {
    let dataset = parse_dataset(dataset_json).map_err(BakeError::Dataset)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| BakeError::Render(e.to_string()))?;
    let props = FirstViewProps {
        dataset: Shared::new(dataset),
        on_lang: Default::default(),
    };
    let local = tokio::task::LocalSet::new();
    Ok(local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<FirstView>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }))
}

/// The page with the first view baked in: the view in `#baked`, and the app's empty `#app`
/// marked as arriving (rendered out of sight until it takes the view's place). A page baked
/// before gets the new view in place of the old one.
pub fn into_page(page: &str, view: &str) -> Result<String, BakeError> {
    const ARRIVING: &str = "<div id=\"app\" class=\"arriving\"></div>";
    let baked = format!("<div id=\"baked\">{view}</div>{ARRIVING}");
    if let (Some(start), Some(end)) = (page.find("<div id=\"baked\">"), page.find(ARRIVING)) {
        if start < end {
            return Ok(format!("{}{baked}{}", &page[..start], &page[end + ARRIVING.len()..]));
        }
    }
    for app in ["<div id=app></div>", "<div id=\"app\"></div>"] {
        if let Some(at) = page.find(app) {
            return Ok(format!("{}{baked}{}", &page[..at], &page[at + app.len()..]));
        }
    }
    Err(BakeError::NoAppElement)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_goes_beside_the_app() {
        let page = "<body><div id=app></div><script src=boot.js></script></body>";
        assert_eq!(
            into_page(page, "<main>view</main>").unwrap(),
            "<body><div id=\"baked\"><main>view</main></div><div id=\"app\" class=\"arriving\"></div><script src=boot.js></script></body>"
        );
        assert!(matches!(into_page("<body></body>", "x"), Err(BakeError::NoAppElement)));
    }

    #[test]
    fn a_baked_page_gets_the_new_view_in_place_of_the_old() {
        let page = "<body><div id=app></div><script src=boot.js></script></body>";
        let once = into_page(page, "<main>old</main>").unwrap();
        assert_eq!(
            into_page(&once, "<main>new</main>").unwrap(),
            into_page(page, "<main>new</main>").unwrap()
        );
    }
}
