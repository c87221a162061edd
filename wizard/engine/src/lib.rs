//! Decision engine: Italian calendar, notification dates, deadlines, channels and procedure for a CIVIS case. Pure Rust, no browser dependencies.
