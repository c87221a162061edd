//! Site generator end to end: fixture sites built into temporary folders (owner: generator).
