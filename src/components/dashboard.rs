use super::hooks::use_first_chart_mark;
use super::Shared;
use super::{page_header, ChartCanvas, ClaimsPanel, Footer, QuotePanel, SourceList};
use crate::data::Dataset;
use crate::transform;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub dataset: Shared<Dataset>,
}

/// The first view: header, the four charts, the quote panel and the sources.
#[function_component(Dashboard)]
pub fn dashboard(props: &DashboardProps) -> Html {
    let d = &props.dataset;
    let specs = use_memo(d.clone(), |d| {
        transform::first_view(d)
            .into_iter()
            .map(Shared::new)
            .collect::<Vec<_>>()
    });
    // Marks `first-chart` once every chart of the first view has been drawn.
    let on_drawn = use_first_chart_mark(specs.len());
    html! {
        <>
        { page_header(d) }
        <div class="layout">
            <main class="charts">
                { for specs.iter().map(|spec| html! {
                    <ChartCanvas key={spec.id} spec={spec.clone()} on_drawn={on_drawn.clone()} />
                }) }
                <ClaimsPanel dataset={d.clone()} />
                <SourceList dataset={d.clone()} />
            </main>
            <QuotePanel dataset={d.clone()} />
        </div>
        <Footer dataset={d.clone()} />
        </>
    }
}
