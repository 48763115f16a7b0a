use super::external_link;
use crate::compare::{claim_sentences, compare};
use crate::data::{outlet, Dataset};
use crate::i18n::{lang_of, Lang, DATA_LANG};
use yew::prelude::*;

/// Figures stated at the time beside the dataset's figure for the same metric on that day (or
/// the nearest earlier report): judged only against the same counter's report of the claim's
/// cut-off, otherwise set beside it in neutral words.
pub fn claims_section(d: &Dataset, lang: Lang, folded: bool) -> Html {
    html! {
        <section class="claims" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ tr!(lang, ClaimsHeading) }</h2>
            <p class="panel-note">{ tr!(lang, ClaimsNote) }</p>
            { super::sources::fold(tr!(lang, ClaimsFold, count = d.claims.len()), folded, html! {
            <ol class="claim-list">
            { for d.claims.iter().map(|claim| {
                let c = compare(d, claim);
                let (figures, verdict) = claim_sentences(claim, &c, lang);
                html! {
                <li class="claim" data-war-day={claim.war_day.to_string()}>
                    <p class="quote-when">{ format!("{} · {}", lang.date(claim.date), tr!(lang, SummaryDay, day = claim.war_day)) }</p>
                    <blockquote cite={claim.source_url.clone()} lang={DATA_LANG}><p>{ format!("“{}”", claim.text) }</p></blockquote>
                    <p class="quote-who"><span lang={lang_of(&claim.who)}>{ &claim.who }</span>{ " · " }{ external_link(&claim.source_url, outlet(&claim.source_url)) }</p>
                    <p class="claim-figures">{ figures }</p>
                    if let Some(verdict) = verdict {
                        <p class={classes!("claim-verdict", match c.holds { Some(true) => "holds", Some(false) => "does-not-hold", None => "not-judged" })}>{ verdict }</p>
                    }
                    if let Some(note) = &claim.note { <p class="quote-note">{ tr!(lang, NoteLabel) }{ " " }<span lang={lang_of(note)}>{ note }</span></p> }
                </li>
            }}) }
            </ol>
            }) }
        </section>
    }
}
