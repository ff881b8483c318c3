//! The panel's entry point: a shell that installs the panic hook and mounts the panel into the
//! page it was included in. Everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    if let Err(err) = daktela_cti::browser::host::mount_panel() {
        daktela_cti::browser::console::error(&format!("daktela-cti could not start: {err}"));
    }
}
