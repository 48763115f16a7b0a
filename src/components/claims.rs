use super::external_link;
use crate::compare::{claim_sentences, compare};
use crate::data::{outlet, Dataset};
use yew::prelude::*;

/// Figures stated at the time beside the dataset's figure for the same metric on that day (or
/// the nearest earlier report): the difference, and whether the claim's qualifier holds.
pub fn claims_section(d: &Dataset) -> Html {
    html! {
        <section class="claims" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ "Figures stated at the time, beside the data" }</h2>
            <p class="panel-note">{ "Each statement against this dataset's figure for the same day, or the nearest earlier report. Statements were often as of the day before, and some come from other counters." }</p>
            <ol class="claim-list">
            { for d.claims.iter().map(|claim| {
                let c = compare(d, claim);
                let (figures, verdict) = claim_sentences(claim, &c);
                html! {
                <li class="claim" data-war-day={claim.war_day.to_string()}>
                    <p class="quote-when">{ format!("{} · day {}", claim.date.human(), claim.war_day) }</p>
                    <blockquote cite={claim.source_url.clone()}><p>{ format!("“{}”", claim.text) }</p></blockquote>
                    <p class="quote-who">{ &claim.who }{ " · " }{ external_link(&claim.source_url, outlet(&claim.source_url)) }</p>
                    <p class="claim-figures">{ figures }</p>
                    if let Some(verdict) = verdict {
                        <p class={classes!("claim-verdict", if c.holds == Some(true) { "holds" } else { "does-not-hold" })}>{ verdict }</p>
                    }
                    if let Some(note) = &claim.note { <p class="quote-note">{ "Note: " }{ note }</p> }
                </li>
            }}) }
            </ol>
        </section>
    }
}
