"""The HTML front end: one selectolax parse, metadata, pre-cleaning, blocks, main content."""
