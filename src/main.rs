//! The web app's entry point (built by trunk for wasm32): sets yew's panic hook and mounts the
//! app in the page's `#app` element (see `components::mount`), in a task after the one that
//! made the module ready, so that the page answers input between the two.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use displacement_tracker::{components, web};
        gloo_timers::callback::Timeout::new(0, || {
            if components::mount(web::app_root()).is_none() {
                web::show_fatal_error("the page has no body to show the app in");
            }
        })
        .forget();
    }
}
