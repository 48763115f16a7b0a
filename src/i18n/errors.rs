//! The reader's words for what can be wrong with a dataset (`data::DatasetError`, which is data
//! only): a summary in the page's language, and in English as the error's `Display` (for the
//! builder, logs and the lines that place each problem, which stay in English).

use super::Lang;
use crate::data::{DatasetError, MAX_DATASET_BYTES, SCHEMA_VERSION};
use std::fmt;

impl DatasetError {
    /// What is wrong, in one line in `lang` (the details that place it stay in English).
    pub fn summary(&self, lang: Lang) -> String {
        match self {
            DatasetError::Malformed(message) => tr!(lang, DatasetUnreadable, message = message),
            DatasetError::UnsupportedSchema { found: Some(v) } => {
                tr!(lang, DatasetOtherSchema, found = v, read = SCHEMA_VERSION)
            }
            DatasetError::UnsupportedSchema { found: None } => tr!(lang, DatasetNoSchema, read = SCHEMA_VERSION),
            DatasetError::Invalid(problems) => tr!(lang, DatasetProblems, count = problems.len()),
            DatasetError::TooLarge { bytes } => tr!(
                lang,
                DatasetTooLarge,
                bytes = lang.whole(*bytes),
                megabytes = lang.fixed(*bytes as f64 / 1_048_576.0, 1),
                most = lang.whole(MAX_DATASET_BYTES),
                most_megabytes = MAX_DATASET_BYTES / 1_048_576
            ),
            DatasetError::Utf16 => tr!(lang, DatasetUtf16).to_string(),
            DatasetError::NotUtf8 { at } => tr!(lang, DatasetNotUtf8, at = lang.whole(*at)),
        }
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary(Lang::En))
    }
}
