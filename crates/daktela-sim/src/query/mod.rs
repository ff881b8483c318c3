//! Daktela's query language: PHP-style bracket parameters (`filter[filters][0][field]=...`),
//! Kendo filters, sort, paging and field projection.

mod brackets;
mod filter;
mod list;
mod loose;

pub use brackets::parse_brackets;
pub use filter::FilterError;
pub use list::{ListError, ListQuery};
pub use loose::{loose_bool, loose_string};
