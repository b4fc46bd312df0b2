"""Pure logic that resolves a claim's period, place and source from raw text."""
