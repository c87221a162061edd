//! Scenario files in tests/scenarios run through the real `civis-guida advise` (owner: engine).
