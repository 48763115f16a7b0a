//! displacement-tracker: refugee flows, civilian casualties and internal displacement after
//! Russia's full-scale invasion of Ukraine, by war day, with every figure's source.
//!
//! Layers: `data` (model, validation), `transform` (dataset -> chart specs), `chart` (drawing on
//! any plotters backend) are pure Rust; `web` and `components` are the browser side.

pub mod chart;
pub mod compare;
pub mod data;
pub mod export;
pub mod state;
pub mod transform;

#[cfg(not(target_arch = "wasm32"))]
pub mod builder;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod web;
