use super::hooks::use_first_chart_mark;
use super::{ChartCanvas, ClaimsPanel, Footer, QuotePanel, SourceList};
use crate::data::Dataset;
use crate::transform;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub dataset: Rc<Dataset>,
}

/// The first view: header, the four charts, the quote panel and the sources.
#[function_component(Dashboard)]
pub fn dashboard(props: &DashboardProps) -> Html {
    let d = &props.dataset;
    let specs = use_memo(d.clone(), |d| {
        transform::first_view(d).into_iter().map(Rc::new).collect::<Vec<_>>()
    });
    // Marks `first-chart` once every chart of the first view has been drawn.
    let on_drawn = use_first_chart_mark(specs.len());
    let first = d.first_date;
    let last = d.last_date;
    html! {
        <>
        <header class="page-header">
            <h1>{ "What the full-scale invasion of Ukraine did to people, day by day" }</h1>
            <p class="lede">
                { "Refugees leaving Ukraine by receiving country, civilians killed and injured, and people displaced inside Ukraine, counted in war days from 24 February 2022 (day 1), beside what leaders said. " }
                { format!("The data runs from {} (day {}) to {} (day {}). ", first.human(), first.war_day(), last.human(), last.war_day()) }
                { "Every figure names its source; the units differ and are not interchangeable." }
            </p>
        </header>
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
