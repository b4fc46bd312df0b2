"""spaCy components, one module per extraction stage."""
