//! Checks on the real corpus in content/: sources, updated, navigation reachability (owner: corpus).
