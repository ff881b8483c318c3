// daktela-cti loader: the one script a CRM page includes.
//
//   <script type="application/json" id="daktela-cti-config">{"api_base": "/daktela"}</script>
//   <script type="module" src="https://crm.example.com/daktela-cti/loader.js"></script>
//
// It loads the panel's wasm from beside itself (so the panel can be hosted on any path or CDN)
// and starts it. Included twice, it starts once: a module URL is evaluated once per page, and the
// panel itself refuses to mount a second time.
import init from "./daktela-cti.js";

await init({ module_or_path: new URL("daktela-cti_bg.wasm", import.meta.url) });
