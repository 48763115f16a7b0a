//! Hooks shared by the views.

use crate::chart::ChartId;
use crate::web;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A callback for charts to report "drawn" (with their id); marks `performance.mark('first-chart')`
/// once all `expected` charts have been drawn, and only once.
#[hook]
pub fn use_first_chart_mark(expected: usize) -> Callback<ChartId> {
    let drawn = use_mut_ref(|| (Vec::<ChartId>::new(), false));
    let drawn: Rc<RefCell<(Vec<ChartId>, bool)>> = drawn.clone();
    Callback::from(move |id: ChartId| {
        let mut drawn = drawn.borrow_mut();
        if !drawn.0.contains(&id) {
            drawn.0.push(id);
        }
        if drawn.0.len() == expected && !drawn.1 {
            drawn.1 = true;
            web::mark("first-chart");
        }
    })
}

/// A counter that changes each time the window is resized (a dependency for redraws).
#[hook]
pub fn use_window_resizes() -> u32 {
    let resized = use_state(|| 0u32);
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web::on_window("resize", move || resized.set(*resized + 1));
            move || drop(listener)
        });
    }
    *resized
}
