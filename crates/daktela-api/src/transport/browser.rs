//! The browser transport: `fetch` through gloo-net, with a timeout and an `AbortController` per
//! request. The ONLY file of this crate that touches web-sys or gloo (gloo is on "life support",
//! so swapping it later touches this file alone).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Method as GlooMethod, RequestBuilder};
use gloo_timers::callback::Timeout;
use web_sys::AbortController;

use super::{DEFAULT_TIMEOUT, HttpResponse, Transport, TransportError};
use crate::request::{HttpRequest, Method};

/// A [`Transport`] for the browser. Cheap to clone; clones share the set of requests in flight,
/// so [`BrowserTransport::abort_all`] reaches every one of them.
///
/// Each request gets its own `AbortController`, which is fired when the timeout passes, when
/// `abort_all` is called, or when the request's future is dropped (a Leptos resource going away),
/// so a dropped call never keeps a connection open.
#[derive(Debug, Clone)]
pub struct BrowserTransport {
    timeout: Duration,
    in_flight: Rc<RefCell<Vec<(u64, AbortController)>>>,
    next_id: Rc<Cell<u64>>,
}

impl Default for BrowserTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl BrowserTransport {
    /// A transport with [`DEFAULT_TIMEOUT`].
    pub fn new() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            in_flight: Rc::default(),
            next_id: Rc::default(),
        }
    }

    /// Sets the default timeout (a request's own timeout wins).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Aborts every request in flight; each fails with [`TransportError::Aborted`]. For logout or
    /// unmounting the panel.
    pub fn abort_all(&self) {
        let controllers: Vec<AbortController> = self
            .in_flight
            .borrow_mut()
            .drain(..)
            .map(|(_, c)| c)
            .collect();
        for controller in controllers {
            controller.abort();
        }
    }

    fn register(&self, controller: AbortController) -> InFlight {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        self.in_flight.borrow_mut().push((id, controller.clone()));
        InFlight {
            id,
            controller,
            registry: Rc::clone(&self.in_flight),
            finished: false,
        }
    }
}

/// Removes the request from the registry when it ends, and aborts it if it did not finish
/// (its future was dropped).
struct InFlight {
    id: u64,
    controller: AbortController,
    registry: Rc<RefCell<Vec<(u64, AbortController)>>>,
    finished: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.registry.borrow_mut().retain(|(id, _)| *id != self.id);
        if !self.finished {
            self.controller.abort();
        }
    }
}

impl Transport for BrowserTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let controller = AbortController::new().map_err(|_| {
            TransportError::InvalidRequest("AbortController is not available".to_owned())
        })?;
        let signal = controller.signal();
        let mut in_flight = self.register(controller.clone());

        let timed_out = Rc::new(Cell::new(false));
        let millis =
            u32::try_from(request.timeout.unwrap_or(self.timeout).as_millis()).unwrap_or(u32::MAX);
        // Dropped (and so cleared) when this function returns.
        let _timer = {
            let timed_out = Rc::clone(&timed_out);
            Timeout::new(millis, move || {
                timed_out.set(true);
                controller.abort();
            })
        };

        let method = match request.method {
            Method::Get => GlooMethod::GET,
            Method::Post => GlooMethod::POST,
            Method::Put => GlooMethod::PUT,
            Method::Delete => GlooMethod::DELETE,
        };
        let mut builder = RequestBuilder::new(&request.url)
            .method(method)
            .abort_signal(Some(&signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = match request.body {
            Some(body) => builder.body(body),
            None => builder.build(),
        }
        .map_err(|e| TransportError::InvalidRequest(e.to_string()))?;

        let classify = |error: gloo_net::Error| classify(&error, timed_out.get());
        let response = built.send().await.map_err(classify)?;
        let status = response.status();
        let headers = response.headers().entries().collect();
        let body = response.binary().await.map_err(classify)?;
        in_flight.finished = true;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn classify(error: &gloo_net::Error, timed_out: bool) -> TransportError {
    if timed_out {
        return TransportError::Timeout;
    }
    match error {
        gloo_net::Error::JsError(js) if js.name == "AbortError" => TransportError::Aborted,
        // fetch reports network failures and CORS refusals alike, as a TypeError.
        other => TransportError::Network(other.to_string()),
    }
}
