//! The data layer: dates and war days, the dataset model, reading it and its validation. No
//! browser APIs.

pub mod date;
pub mod model;
pub mod own_words;
pub mod read;
pub mod text;
pub mod validate;

pub use date::{Date, EARLIEST_DATE, LATEST_DATE, UNHCR_NEW_HEADLINE, WAR_START};
pub use model::*;
pub use read::{check_size, parse_dataset, parse_dataset_bytes, read_dataset, read_dataset_bytes, MAX_DATASET_BYTES};
pub use validate::{DatasetError, Problem, MAX_COUNT};
