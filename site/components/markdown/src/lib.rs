//! Markdown rendering: pulldown-cmark, stable heading ids, table of contents, callouts, link resolution, HTML sanitising.
