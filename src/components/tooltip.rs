//! The tooltip of a chart for one day: the date and war day on top; a row per series with its
//! swatch, short name and exact figure (tabular digits), the hovered series standing out; the
//! unit once per group of rows; claims, caveats, quotes and events in one line each; the
//! publishers in one short line (the full entries are in Sources and method).

use crate::chart::layout::Placement;
use crate::chart::{ChartSpec, Mark, SeriesColor};
use crate::i18n::Lang;
use crate::transform::{tooltip, TooltipRow};
use crate::web::IntlNumbers;
use yew::prelude::*;

/// A series' swatch in HTML: a short line (dashed where the series is) or a block, with the
/// series' glyph; its colour is the theme's custom property, so it follows the theme.
pub fn swatch(color: SeriesColor, mark: Mark) -> Html {
    let shape = match mark {
        Mark::Line => "swatch-line",
        Mark::DashedLine => "swatch-dashed",
        Mark::Bars => "swatch-bar",
        Mark::Markers => "swatch-marker",
    };
    let glyph = color.glyph().map(|g| g.css_class());
    html! {
        <span class={classes!("swatch", shape)} style={format!("color: {}", color.css_var())} aria-hidden="true">
            if let Some(glyph) = glyph { <span class={classes!("glyph", glyph)}></span> }
        </span>
    }
}

fn row(r: &TooltipRow, numbers: &IntlNumbers, hovered: bool, lang: Lang) -> Html {
    html! {
        <tr class={classes!(hovered.then_some("hovered"))}>
            <td class="key">{ swatch(r.color, r.mark) }</td>
            <th scope="row">{ &r.name }</th>
            <td class="value">{ r.value.map_or_else(|| tr!(lang, NoReport).to_string(), |v| numbers.format(v)) }</td>
            if let Some(detail) = &r.detail { <td class="detail">{ detail }</td> }
        </tr>
    }
}

/// The tooltip of `spec` on `day`, at `placement`, with the row of series `hovered` standing out.
/// `top` is the plot's top edge (CSS px): a tooltip beside the crosshair starts there.
pub fn tooltip_view(spec: &ChartSpec, day: i64, (placement, top): (Placement, f64), hovered: Option<usize>) -> Html {
    let t = tooltip(spec, day);
    let lang = spec.lang;
    let numbers = IntlNumbers::exact(lang, t.decimals);
    // Placed by a transform on a layer of its own: moving it and changing its text repaint
    // the tooltip, not the page under it. On the left, its own width (100%) sets it off.
    let (class, style) = match placement {
        Placement::Right { left, max_width } => (
            "beside",
            format!("transform: translate({left:.0}px, {top:.0}px); max-width: {max_width:.0}px"),
        ),
        Placement::Left { right_edge, max_width } => (
            "beside",
            format!("transform: translate(calc({right_edge:.0}px - 100%), {top:.0}px); max-width: {max_width:.0}px"),
        ),
        Placement::Below => ("below", String::new()),
    };
    // Who was quoted and what happened that day share a line.
    let quoted = t.quoted.as_ref().map(|who| tr!(lang, Quoted, who = who));
    let events = t
        .events
        .iter()
        .map(|(title, source)| tr!(lang, EventTooltip, title = title, source = source.label));
    let said: Vec<String> = quoted.into_iter().chain(events).collect();
    let hovered_label = hovered.and_then(|i| spec.series.get(i)).map(|s| s.label.as_str());
    let groups = t.unit_groups();
    let one_unit = groups.len() == 1;
    // One row per series on every day: moving from day to day updates text in place.
    let rows = groups.iter().flat_map(|(unit, rows)| {
        let heading = (!one_unit).then(|| {
            html! {
                <tr class="tooltip-unit"><th colspan="4" scope="rowgroup">{ unit }</th></tr>
            }
        });
        heading.into_iter().chain(
            rows.iter()
                .map(|r| row(r, &numbers, Some(r.label.as_str()) == hovered_label, lang)),
        )
    });
    let unit = if one_unit {
        groups.first().map(|(u, _)| u.clone()).unwrap_or_default()
    } else {
        String::new()
    };
    html! {
        <div class={classes!("tooltip", class)} role="tooltip" style={style}>
            <p class="tooltip-day">{ &t.title }</p>
            <table><tbody>{ for rows }</tbody></table>
            // The same slots on every day (empty ones hidden by the stylesheet), marks in a box of
            // their own: moving from day to day changes text, not the tooltip's shape.
            <p class="tooltip-unit tooltip-line">{ unit }</p>
            <div class="tooltip-marks">
                { for t.mark_lines.iter().map(|m| html! { <p class="tooltip-mark tooltip-line">{ m }</p> }) }
            </div>
            <p class="tooltip-said tooltip-line">{ said.join(" · ") }</p>
            <p class="tooltip-sources tooltip-line">{ t.sources_line() }</p>
        </div>
    }
}
