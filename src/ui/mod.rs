//! The Yew page (wasm32 only): owns input state and rendering; no domain logic.

/// Mounts the app on the page body.
pub fn start() {}
