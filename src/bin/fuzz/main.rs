//! `cargo run --profile fuzz --bin fuzz -- [inputs per target] [seed] [target]`: feeds mutated
//! inputs to the pure layers and stops at the first panic, printing it with the input's file.
//!
//! - `dataset` (`datasets.rs`): mutated dataset JSON (byte flips, truncations, splices, huge,
//!   negative and fractional numbers, deep nesting, long strings, odd Unicode, values of another
//!   type or removed) to the reader; every accepted dataset goes through the transforms for a
//!   random view, the tooltips and headlines, the SVG drawing, the CSV export and the claim
//!   arithmetic.
//! - `query` (`queries.rs`): mutated URL queries to the URL reader, its state back to a query,
//!   and the reducer.
//! - `builder` (`csv_dirs.rs`): mutated CSV directories (the test fixtures) to the builder: every
//!   problem must be located at a file, and every dataset it makes must read back as itself.
//!
//! The `fuzz` profile keeps overflow checks and debug assertions on (the release build would
//! wrap silently) and unwinds, so each input runs under `catch_unwind`. Inputs run on every
//! core; the seed makes a run repeatable. `scripts/fuzz.sh` runs it.

#[cfg(not(target_arch = "wasm32"))]
mod csv_dirs;
#[cfg(not(target_arch = "wasm32"))]
mod datasets;
#[cfg(not(target_arch = "wasm32"))]
mod queries;
#[cfg(not(target_arch = "wasm32"))]
mod runner;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    runner::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
