"""Scripts that build newsprism's spaCy models from ../shared/data (see training/README.md)."""
