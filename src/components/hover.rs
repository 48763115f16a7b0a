//! The hovered day, kept apart from the view state: the crosshair layers, their tooltips and the
//! quote panel read it; everything else never re-renders for a hover. Two contexts: the day
//! (which changes with every hover) and the way to set it (which never changes), so that a
//! component that only sets it, like the dashboard's keyboard handling, is not re-rendered.

use yew::prelude::*;

/// The hovered war day, if any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HoverDay(pub Option<i64>);

/// Sets (or clears) the hovered day.
#[derive(Clone, PartialEq)]
pub struct SetHover(pub Callback<Option<i64>>);

#[derive(Properties, PartialEq)]
pub struct HoverScopeProps {
    pub children: Html,
}

/// Holds the hovered day for everything inside it.
#[function_component(HoverScope)]
pub fn hover_scope(props: &HoverScopeProps) -> Html {
    let day = use_state_eq(|| None::<i64>);
    let set = {
        let day = day.setter();
        use_memo((), move |_| SetHover(Callback::from(move |d| day.set(d))))
    };
    html! {
        <ContextProvider<SetHover> context={(*set).clone()}>
            <ContextProvider<HoverDay> context={HoverDay(*day)}>
                { props.children.clone() }
            </ContextProvider<HoverDay>>
        </ContextProvider<SetHover>>
    }
}

/// The hovered day (re-renders the caller when it changes).
#[hook]
pub fn use_hover_day() -> Option<i64> {
    use_context::<HoverDay>().and_then(|h| h.0)
}

/// The way to set the hovered day (never re-renders the caller); a no-op outside a scope.
#[hook]
pub fn use_set_hover() -> Callback<Option<i64>> {
    use_context::<SetHover>().map_or_else(Callback::noop, |s| s.0)
}
