//! Yew components (browser only).
