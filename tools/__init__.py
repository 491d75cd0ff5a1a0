"""Development tools: model training on the development corpora (not shipped)."""
