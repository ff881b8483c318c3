//! A resumable walk over the text nodes of one subtree, skipping excluded elements whole.
//!
//! Resumable (a cursor, no stack), so that a batch can stop after its budget and the next batch
//! carries on where it stopped. If the CRM moves or removes nodes in between, the walk ends
//! early at worst; the MutationObserver queues whatever was added.

use wasm_bindgen::JsCast;

/// One subtree still to scan.
#[derive(Debug)]
pub(super) struct Walk {
    root: web_sys::Node,
    next: Option<web_sys::Node>,
}

impl Walk {
    /// A walk over `root`, or `None` when `root` sits inside an excluded element (`skip` is the
    /// combined selector of everything never scanned) or is not an element or text.
    pub(super) fn new(root: web_sys::Node, skip: &str) -> Option<Walk> {
        let kind = root.node_type();
        if kind != web_sys::Node::ELEMENT_NODE && kind != web_sys::Node::TEXT_NODE {
            return None;
        }
        if let Some(parent) = root.parent_element()
            && parent.closest(skip).ok().flatten().is_some()
        {
            return None;
        }
        Some(Walk {
            next: Some(root.clone()),
            root,
        })
    }

    /// The next text node, or `None` when the subtree is done.
    pub(super) fn next_text(&mut self, skip: &str) -> Option<web_sys::Text> {
        loop {
            let node = self.next.take()?;
            if let Some(text) = node.dyn_ref::<web_sys::Text>() {
                self.next = self.after(&node);
                return Some(text.clone());
            }
            let descend = node
                .dyn_ref::<web_sys::Element>()
                // A selector the browser refuses skips the element: never scan what may be
                // excluded.
                .is_some_and(|el| !el.matches(skip).unwrap_or(true));
            self.next = match descend {
                true => node.first_child().or_else(|| self.after(&node)),
                false => self.after(&node),
            };
        }
    }

    /// The node after `node`'s subtree in document order, within the root.
    fn after(&self, node: &web_sys::Node) -> Option<web_sys::Node> {
        let mut at = node.clone();
        loop {
            if at == self.root {
                return None;
            }
            if let Some(sibling) = at.next_sibling() {
                return Some(sibling);
            }
            at = at.parent_node()?;
        }
    }
}
