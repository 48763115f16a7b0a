//! The web app's entry point (built by trunk for wasm32): sets yew's panic hook and mounts the
//! app in the page's `#app` element (see `components::mount`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use displacement_tracker::{components, web};
        if components::mount(web::app_root()).is_none() {
            web::show_fatal_error("the page has no body to show the app in");
        }
    }
}
