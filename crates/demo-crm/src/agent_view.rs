//! `GET /daktela-agent-view?clid=…&direction=…&callid=…&activity=…`: a stand-in for Daktela's
//! agent view, which frames the CRM's activity widget with the activity's four parameters
//! (white paper §3.1). The query is passed to the widget exactly as received, malformed or
//! not: checking it is the widget's job.

use axum::extract::RawQuery;
use axum::response::Html;

use crate::page::esc;

/// The widget's path on the CRM (`widget.html` of the panel's build).
pub const WIDGET_PATH: &str = "/widget.html";

/// The page.
pub async fn show(RawQuery(query): RawQuery) -> Html<String> {
    let query = query.unwrap_or_default();
    let src = esc(&format!("{WIDGET_PATH}?{query}"));
    Html(format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Activity · Daktela agent view (simulated)</title>
  <style>
    body {{ margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #eef1f5; color: #222; }}
    header {{ background: #23303f; color: #fff; padding: 10px 16px; }}
    main {{ display: grid; grid-template-columns: 260px 1fr; gap: 16px; padding: 16px; }}
    aside, section {{ background: #fff; border-radius: 6px; padding: 12px; }}
    iframe {{ width: 100%; height: 460px; border: 1px solid #ccd3db; border-radius: 4px; }}
  </style>
</head>
<body>
  <header><strong>Daktela</strong> · agent view (simulated by the demo CRM)</header>
  <main>
    <aside><h2>Activity</h2><p>The queue's activity widget shows the CRM page on the right.</p></aside>
    <section>
      <iframe id="activity-widget" title="CRM activity widget" src="{src}"></iframe>
    </section>
  </main>
</body>
</html>
"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_query_reaches_the_widget_as_given_but_cannot_break_out_of_the_attribute() {
        let Html(page) = show(RawQuery(Some("clid=777&activity=a\"><script>".into()))).await;
        assert!(
            page.contains(r#"src="/widget.html?clid=777&amp;activity=a&quot;&gt;&lt;script&gt;""#)
        );
    }
}
