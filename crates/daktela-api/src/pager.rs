//! Walking a whole list, page by page, purely: the client asks [`Pager::next_query`], sends it,
//! and reports what came back with [`Pager::advance`].

use crate::query::{ListQuery, MAX_TAKE};

/// A safety stop: no list the panel or the sync reads has a million pages; a server that keeps
/// answering full pages forever must not keep us looping.
pub const MAX_PAGES: u32 = 10_000;

/// The paging state of one list walk.
#[derive(Debug, Clone)]
pub struct Pager {
    query: ListQuery,
    take: u64,
    skip: u64,
    pages: u32,
    done: bool,
}

impl Pager {
    /// Starts at the query's `skip` (or 0) with its `take` (or [`MAX_TAKE`], the fewest round
    /// trips).
    pub fn new(query: ListQuery) -> Self {
        let take = query.take.unwrap_or(MAX_TAKE).clamp(1, MAX_TAKE);
        let skip = query.skip.unwrap_or(0);
        Self {
            query,
            take,
            skip,
            pages: 0,
            done: false,
        }
    }

    /// The query for the next page, or `None` when the walk is over.
    pub fn next_query(&self) -> Option<ListQuery> {
        (!self.done).then(|| self.query.clone().page(self.skip, self.take))
    }

    /// Records a page of `received` records out of `total`. Stops on an empty or short page,
    /// once `skip` reaches `total`, or after [`MAX_PAGES`].
    pub fn advance(&mut self, received: usize, total: u64) {
        let received = received as u64;
        self.skip = self.skip.saturating_add(received);
        self.pages = self.pages.saturating_add(1);
        self.done =
            received == 0 || received < self.take || self.skip >= total || self.pages >= MAX_PAGES;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(total: u64, take: u64) -> Vec<(Option<u64>, Option<u64>)> {
        let mut pager = Pager::new(ListQuery::new().page(0, take));
        let mut seen = Vec::new();
        while let Some(query) = pager.next_query() {
            seen.push((query.skip, query.take));
            let received = total.saturating_sub(query.skip.unwrap_or(0)).min(take);
            pager.advance(usize::try_from(received).unwrap(), total);
        }
        seen
    }

    #[test]
    fn walks_every_page_and_stops_after_the_last() {
        assert_eq!(
            walk(250, 100),
            vec![
                (Some(0), Some(100)),
                (Some(100), Some(100)),
                (Some(200), Some(100))
            ]
        );
        assert_eq!(
            walk(200, 100),
            vec![(Some(0), Some(100)), (Some(100), Some(100))]
        );
        assert_eq!(walk(0, 100), vec![(Some(0), Some(100))]);
    }

    #[test]
    fn a_server_that_never_ends_is_cut_off() {
        let mut pager = Pager::new(ListQuery::new().page(0, 1));
        let mut pages = 0;
        while pager.next_query().is_some() {
            pager.advance(1, u64::MAX);
            pages += 1;
        }
        assert_eq!(pages, MAX_PAGES);
    }
}
