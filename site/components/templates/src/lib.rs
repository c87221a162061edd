//! Theme templating: Tera templates from themes/, per-site overrides, navigation context.
