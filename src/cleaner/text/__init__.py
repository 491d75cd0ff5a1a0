"""The text-dump front end: w3m/lynx/elinks dumps, copy-paste and half-cleaned text."""
