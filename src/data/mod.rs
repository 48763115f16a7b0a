//! The data layer: dates and war days, the dataset model, and its validation. No browser APIs.

pub mod date;
pub mod model;
pub mod validate;

pub use date::{Date, EARLIEST_DATE, LATEST_DATE, WAR_START};
pub use model::*;
pub use validate::{
    check_size, parse_dataset, parse_dataset_bytes, read_dataset, read_dataset_bytes, DatasetError, Problem, MAX_COUNT,
    MAX_DATASET_BYTES,
};
