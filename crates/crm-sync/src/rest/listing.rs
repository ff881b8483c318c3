//! Walking a whole Daktela model page by page (1000 per page, by name), without holding
//! more than one page.

use crate::report::Requests;
use daktela_api::transport::native::ReqwestTransport;
use daktela_api::{Client, Error, ListQuery, Pager, SortDir};
use serde_json::Value;

/// Calls `each` for every record of `model`, asking only for `fields`. Returns the total.
///
/// # Errors
/// The first failed page.
pub async fn walk(
    client: &Client<ReqwestTransport>,
    model: &str,
    fields: &[&str],
    requests: &mut Requests,
    mut each: impl FnMut(&Value),
) -> Result<u64, Error> {
    let query = fields
        .iter()
        .fold(ListQuery::new().sort("name", SortDir::Asc), |q, f| q.field(f));
    let mut pager = Pager::new(query);
    let mut total = 0;
    while let Some(page) = pager.next_query() {
        let (items, t) = client.list::<Value>(model, &page).await?;
        requests.gets += 1;
        total = t;
        items.iter().for_each(&mut each);
        pager.advance(items.len(), t);
    }
    Ok(total)
}
