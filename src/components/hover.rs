//! The hovered day, kept apart from the view state: the crosshair layers, their tooltips and the
//! quote panel read it from a context; everything else never re-renders for a hover. The way to
//! set it never changes and goes down as a prop (`FirstView` holds both), so that a component
//! that only sets it, like the dashboard's keyboard handling, is not re-rendered.

use yew::prelude::*;

/// The hovered war day, if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HoverDay(pub Option<i64>);

/// The hovered day (re-renders the caller when it changes).
#[hook]
pub fn use_hover_day() -> Option<i64> {
    use_context::<HoverDay>().and_then(|h| h.0)
}
