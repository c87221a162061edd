//! Site build pipeline: load, render, verify, add wizard pages and assets, write the output folder atomically.
