//! Yew components: thin views over the data, transform and chart layers.

mod app;
mod chart_canvas;
mod dashboard;
mod error_panel;
mod quotes;
mod sources;

pub use app::App;
pub use chart_canvas::ChartCanvas;
pub use dashboard::{Dashboard, DashboardProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps, LoadError};
pub use quotes::{QuotePanel, QuotePanelProps};
pub use sources::SourceList;

/// An external link that opens in a new tab without giving the page a handle on this one.
fn external_link(href: &str, text: &str) -> yew::Html {
    yew::html! { <a href={href.to_string()} target="_blank" rel="noopener noreferrer">{ text }</a> }
}
