use super::external_link;
use super::Shared;
use crate::compare::compare;
use crate::data::{group_digits, outlet, Dataset, Metric, Qualifier};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    pub dataset: Shared<Dataset>,
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::RefugeesCumulative => "refugees (UNHCR total, cumulative)",
        Metric::CiviliansKilled => "civilians killed (OHCHR)",
        Metric::CiviliansInjured => "civilians injured (OHCHR)",
        Metric::CivilianCasualtiesTotal => "civilian casualties (OHCHR)",
        Metric::Idps => "internally displaced (IOM)",
    }
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::MoreThan => "more than",
        Qualifier::AtLeast => "at least",
        Qualifier::About => "about",
        Qualifier::Exactly => "exactly",
    }
}

/// Figures stated at the time beside the dataset's figure for the same metric on that day (or
/// the nearest earlier report): the difference, and whether the claim's qualifier holds.
#[function_component(ClaimsPanel)]
pub fn claims_panel(props: &ClaimsPanelProps) -> Html {
    let d = &props.dataset;
    html! {
        <section class="claims" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ "Figures stated at the time, beside the data" }</h2>
            <p class="panel-note">{ "Each statement against this dataset's figure for the same day, or the nearest earlier report. Statements were often as of the day before, and some come from other counters." }</p>
            <ol class="claim-list">
            { for d.claims.iter().map(|claim| {
                let c = compare(d, claim);
                html! {
                <li class="claim" data-war-day={claim.war_day.to_string()}>
                    <p class="quote-when">{ format!("{} · day {}", claim.date.human(), claim.war_day) }</p>
                    <blockquote cite={claim.source_url.clone()}><p>{ format!("“{}”", claim.text) }</p></blockquote>
                    <p class="quote-who">{ &claim.who }{ " · " }{ external_link(&claim.source_url, outlet(&claim.source_url)) }</p>
                    <p class="claim-figures">
                        { format!("Claim: {} {} {}. ", qualifier_name(claim.qualifier), group_digits(claim.value as f64), metric_name(claim.metric)) }
                        { match (&c.figure, c.difference, c.percent) {
                            (Some(f), Some(diff), Some(pct)) => format!(
                                "Data, {}: {} (difference {}{}, {:+.1}%).",
                                f.date.human(),
                                group_digits(f.value as f64),
                                if diff > 0 { "+" } else { "" },
                                group_digits(diff as f64),
                                pct
                            ),
                            _ => "No report in the dataset by that day.".to_string(),
                        } }
                    </p>
                    if let Some(holds) = c.holds {
                        <p class={classes!("claim-verdict", if holds { "holds" } else { "does-not-hold" })}>
                            { format!("“{}” {} against the data.", qualifier_name(claim.qualifier), if holds { "holds" } else { "does not hold" }) }
                        </p>
                    }
                    if let Some(note) = &claim.note { <p class="quote-note">{ "Note: " }{ note }</p> }
                </li>
            }}) }
            </ol>
        </section>
    }
}
