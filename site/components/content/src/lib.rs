//! Content loading: the content/ tree, YAML front matter, site config, diagnostics with file:line:col.
