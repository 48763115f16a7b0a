//! Browser glue (browser only).
