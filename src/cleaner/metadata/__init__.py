"""Metadata: title, byline/authors, date, source, site name, section, tags, description, language."""
