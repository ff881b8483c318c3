//! A reader that counts the newlines that passed through it, so a streaming JSON parser can
//! stamp each record with the line it ended on.

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

/// Counts `\n` in what was read; the shared cell holds the current (1-based) line.
pub(super) struct LineCounter<R> {
    inner: R,
    line: Rc<Cell<u64>>,
}

impl<R: Read> LineCounter<R> {
    /// Wraps `inner`; `line` starts at 1.
    pub(super) fn new(inner: R) -> (Self, Rc<Cell<u64>>) {
        let line = Rc::new(Cell::new(1));
        (
            LineCounter {
                inner,
                line: line.clone(),
            },
            line,
        )
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let newlines = buf
            .get(..n)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        self.line
            .set(self.line.get() + u64::try_from(newlines).unwrap_or(0));
        Ok(n)
    }
}
