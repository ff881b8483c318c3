//! Walking a whole Daktela model page by page (1000 per page, by name), without holding
//! more than one page. A page answered 429 is waited out and asked again (a read is always
//! safe to repeat).

use super::Writer;
use crate::report::Requests;
use daktela_api::{Error, ListQuery, Pager, SortDir};
use serde_json::Value;
use std::time::Duration;

/// Repeats of one page after 429s before giving up.
const MAX_429_RETRIES: u32 = 5;

/// Calls `each` for every record of `model`, asking only for `fields`. Returns the total.
///
/// # Errors
/// The first page that failed for good.
pub async fn walk(
    writer: &Writer,
    model: &str,
    fields: &[&str],
    requests: &mut Requests,
    mut each: impl FnMut(&Value),
) -> Result<u64, Error> {
    let query = fields
        .iter()
        .fold(ListQuery::new().sort("name", SortDir::Asc), |q, f| {
            q.field(f)
        });
    let mut pager = Pager::new(query);
    let mut total = 0;
    while let Some(page) = pager.next_query() {
        let mut rate_limited = 0;
        let (items, t) = loop {
            requests.gets += 1;
            match writer.client.list::<Value>(model, &page).await {
                Err(Error::RateLimited { retry_after, .. }) if rate_limited < MAX_429_RETRIES => {
                    rate_limited += 1;
                    requests.retries_after_429 += 1;
                    let wait = retry_after.unwrap_or(1).min(writer.max_retry_after);
                    tokio::time::sleep(Duration::from_secs(wait)).await;
                }
                other => break other?,
            }
        };
        total = t;
        items.iter().for_each(&mut each);
        pager.advance(items.len(), t);
    }
    Ok(total)
}
