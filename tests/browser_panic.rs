//! In headless Chromium (wasm-bindgen-test): a panic inside a component of an app mounted the
//! way the app is mounted (`components::mount_with`, which sets yew's panic hook) shows the
//! error panel instead of leaving a frozen page. Its own binary: after a panic the module is
//! not usable for other tests.
#![cfg(target_arch = "wasm32")]

use displacement_tracker::components::mount_with;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod support;

use support::sleep;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders "fine", then panics while rendering again a moment later.
#[function_component(Breaks)]
fn breaks() -> Html {
    let broken = use_state(|| false);
    {
        let broken = broken.clone();
        use_effect_with((), move |_| {
            gloo_timers::callback::Timeout::new(50, move || broken.set(true)).forget();
        });
    }
    if *broken {
        panic!("chart state is broken (test)");
    }
    html! { <p id="fine">{ "fine" }</p> }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn a_panic_in_a_component_shows_the_error_panel() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    mount_with::<Breaks>(Some(root.clone()), ()).unwrap();
    let mut panel = None;
    for _ in 0..100 {
        panel = document().get_element_by_id("fatal-error");
        if panel.is_some() {
            break;
        }
        sleep(50).await;
    }
    let panel = panel.expect("the error panel appears");
    let text = panel.text_content().unwrap();
    assert!(text.contains("The app stopped because of an internal error"), "{text}");
    assert!(text.contains("chart state is broken (test)"), "{text}");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
}
