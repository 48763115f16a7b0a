//! The web app's entry point (built by trunk for wasm32).

fn main() {
    #[cfg(target_arch = "wasm32")]
    displacement_tracker::web::start();
}
