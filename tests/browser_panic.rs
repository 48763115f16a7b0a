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

/// Mounted as the page mounts the app while it starts: `#app` arriving (out of sight) under the
/// first view baked into the page. A panic then must not stay out of sight with it.
#[wasm_bindgen_test]
async fn a_panic_while_the_app_arrives_shows_the_error_panel_over_the_baked_view() {
    let body = document().body().unwrap();
    // Beside what the test runner keeps in the page.
    let page = document().create_element("div").unwrap();
    page.set_inner_html(
        "<div id=\"baked\"><div class=\"controls\"><button id=\"baked-play\">Play</button></div>\
         <p>figures</p></div><div id=\"app\" class=\"arriving\"></div>",
    );
    body.append_child(&page).unwrap();
    let root = document().get_element_by_id("app").unwrap();
    mount_with::<Breaks>(Some(root), ()).unwrap();
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
    // Where it is seen: first in the page, not inside the app that is still out of sight.
    assert_eq!(
        body.first_element_child().map(|e| e.id()).as_deref(),
        Some("fatal-error")
    );
    assert!(!document().get_element_by_id("app").unwrap().contains(Some(&panel)));
    // The baked view stays, says it is not interactive, and its controls are inert.
    assert!(document().get_element_by_id("baked").is_some());
    assert!(text.contains("its controls do not work"), "{text}");
    let play = document().get_element_by_id("baked-play").unwrap();
    assert!(play.has_attribute("inert") || play.closest("[inert]").unwrap().is_some());
}
