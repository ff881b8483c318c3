//! The panel's entry point: a shell that installs the panic hook and mounts the panel into the
//! page it was included in (or, on the activity widget's page, the widget). Everything else
//! lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    // The widget's page (widget.html) shares this build; it marks itself with an element.
    if daktela_cti::widget::mount_if_widget_page() {
        return;
    }
    if let Err(err) = daktela_cti::browser::host::mount_panel() {
        daktela_cti::browser::console::error(&format!("daktela-cti could not start: {err}"));
    }
}
