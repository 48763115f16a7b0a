//! The hovered day as the quote panel needs it, kept apart from the view state: the quote panel
//! reads it from a context (the charts' marks and tooltips are painted, see `hover_paint`);
//! everything else never re-renders for a hover. The way to set the hovered day never changes
//! and goes down as a prop (`FirstView` holds both), so that a component that only sets it,
//! like the dashboard's keyboard handling, is not re-rendered.

use yew::prelude::*;

/// While a day is hovered, the day of the quotes that go with it (that day's, or the nearest
/// earlier day's; none before the first quote): it changes only when the highlighted quotes do.
/// None when no day is hovered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HoverQuote(pub Option<Option<i64>>);

/// The hovered day's quote day (re-renders the caller when it changes).
#[hook]
pub fn use_hover_quote() -> Option<Option<i64>> {
    use_context::<HoverQuote>().and_then(|h| h.0)
}
