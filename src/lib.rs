//! displacement-tracker: refugee flows, civilian casualties and internal displacement after
//! Russia's full-scale invasion of Ukraine, by war day, with every figure's source.
//!
//! Layers, in the direction data flows: `data` (model, dates and war days, validation),
//! `state` (the reader's choices and one reducer), `transform` (dataset + chart options -> chart
//! specs), `chart` (spec types, theme, layout and painting on any plotters backend), `compare` and
//! `export` (claims against the data; CSV, citation): all pure Rust, tested natively. `builder`
//! (CSV -> dataset) is native only; `web` (browser glue) and `components` (Yew views) are the
//! browser side, also compiled natively to render the first view into the page at build time.

#[macro_use]
pub mod spelling;
#[macro_use]
pub mod i18n;

pub mod chart;
pub mod compare;
pub mod data;
pub mod export;
pub mod state;
pub mod transform;

#[cfg(not(target_arch = "wasm32"))]
pub mod bake;
#[cfg(not(target_arch = "wasm32"))]
pub mod builder;

pub mod components;
pub mod web;
