//! Web entry: mounts the Yew app on the page; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    tokenlens::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tokenlens-web is the browser entry point; build it with `trunk build` or use the `tokenlens` CLI.");
    std::process::exit(2);
}
